/*
** coursedb.c: open course.db and give a new one its schema.
** Loading data into it is csvload.c and course.c; reading it is the
** quiz generator's and the binding's business.
*/
#include "coursedb.h"

#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)

int kioskCourseCreateSchema(sqlite3 *db, KioskError *pErr){
  char *zErr = 0;
  int rc = sqlite3_exec(db, "SAVEPOINT kiosk_schema", 0, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(db, kioskCourseSchemaSql, 0, 0, &zErr);
  if( rc==SQLITE_OK ){
    rc = sqlite3_exec(db, "PRAGMA user_version = "
                      STR(KIOSK_COURSE_SCHEMA_VERSION), 0, 0, &zErr);
  }
  if( rc!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "SCHEMA", 0, 0, 0,
                  "cannot create the course schema: %s",
                  zErr ? zErr : sqlite3_errmsg(db));
    sqlite3_free(zErr);
    sqlite3_exec(db, "ROLLBACK TO kiosk_schema; RELEASE kiosk_schema", 0, 0, 0);
    return KIOSK_EDB;
  }
  sqlite3_exec(db, "RELEASE kiosk_schema", 0, 0, 0);
  return KIOSK_OK;
}

static int userVersion(sqlite3 *db, int *piVersion){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &pStmt, 0);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *piVersion = sqlite3_column_int(pStmt, 0);
  }
  rc = sqlite3_finalize(pStmt);
  return rc;
}

static int tableCount(sqlite3 *db, int *pnTable){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db,
      "SELECT count(*) FROM sqlite_schema WHERE type='table'", -1, &pStmt, 0);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pnTable = sqlite3_column_int(pStmt, 0);
  }
  rc = sqlite3_finalize(pStmt);
  return rc;
}

int kioskCourseOpen(const char *zPath, int flags, sqlite3 **ppDb,
                    KioskError *pErr){
  sqlite3 *db = 0;
  int iVersion = 0, nTable = 0, rc;
  int oflags = (flags & KIOSK_OPEN_READONLY) ? SQLITE_OPEN_READONLY
             : (SQLITE_OPEN_READWRITE
                | ((flags & KIOSK_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0));

  *ppDb = 0;
  rc = sqlite3_open_v2(zPath, &db, oflags, 0);
  if( rc!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                  "cannot open course database: %s",
                  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    goto fail;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", 0, 0, 0);
  if( userVersion(db, &iVersion) || tableCount(db, &nTable) ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                  "not a database: %s", sqlite3_errmsg(db));
    goto fail;
  }
  if( nTable==0 && (flags & KIOSK_OPEN_CREATE) ){
    if( kioskCourseCreateSchema(db, pErr) ) goto fail;
  }else if( iVersion!=KIOSK_COURSE_SCHEMA_VERSION ){
    kioskErrorSet(pErr, KIOSK_ECOURSE, "VERSION", zPath, 0, 0,
                  "course database has schema version %d, expected %d: "
                  "rebuild it", iVersion, KIOSK_COURSE_SCHEMA_VERSION);
    goto fail;
  }
  *ppDb = db;
  return KIOSK_OK;

fail:
  sqlite3_close(db);
  return pErr ? (int)pErr->eClass : KIOSK_EDB;
}
