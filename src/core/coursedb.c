/*
** coursedb.c: open course.db and give a new one its schema.
** Loading data into it is csvload.c and course.c; reading it is the
** quiz generator's and the binding's business.
*/
#include "coursedb.h"
#include "dbkind.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define STR_(x) #x
#define STR(x) STR_(x)

int kioskCourseCreateSchema(sqlite3 *db, KioskError *pErr){
  char *zErr = 0;
  int rc = sqlite3_exec(db, "SAVEPOINT kiosk_schema", 0, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(db, kioskCourseSchemaSql, 0, 0, &zErr);
  if( rc==SQLITE_OK ){
    rc = sqlite3_exec(db, "PRAGMA user_version = "
                      STR(KIOSK_COURSE_SCHEMA_VERSION) ";"
                      " PRAGMA application_id = " STR(KIOSK_APPID_COURSE),
                      0, 0, &zErr);
  }
  if( rc!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "SCHEMA", 0, 0, 0,
                  "cannot create the course schema: %s",
                  zErr ? zErr : sqlite3_errmsg(db));
    sqlite3_free(zErr);
    sqlite3_exec(db, "ROLLBACK TO kiosk_schema; RELEASE kiosk_schema", 0, 0, 0);
    return KIOSK_EDB;
  }
  if( sqlite3_exec(db, "RELEASE kiosk_schema", 0, 0, 0)!=SQLITE_OK ){
    return kioskErrorSet(pErr, KIOSK_EDB, "SCHEMA", 0, 0, 0,
                         "cannot create the course schema: %s",
                         sqlite3_errmsg(db));
  }
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

static int isMemory(const char *zPath){
  return zPath[0]==0 || strcmp(zPath, ":memory:")==0
      || strncmp(zPath, "file::memory:", 13)==0;
}

/* PRAGMA quick_check: 0 sound, 1 damaged (zWhy says how), -1 could not
** tell (busy, I/O). A page of zeros inside the file is found here. */
static int quickCheck(sqlite3 *db, char *zWhy, size_t nWhy){
  sqlite3_stmt *pStmt = 0;
  int rc, nRow = 0, bOk = 0, ret;
  zWhy[0] = 0;
  rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &pStmt, 0);
  if( rc==SQLITE_OK ){
    while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      const char *z = (const char *)sqlite3_column_text(pStmt, 0);
      if( nRow++==0 ){
        bOk = z && strcmp(z, "ok")==0;
        if( !bOk ) snprintf(zWhy, nWhy, "%s", z ? z : "");
      }
    }
  }
  if( rc==SQLITE_DONE ){
    ret = bOk ? 0 : 1;
  }else{
    int rcBase = rc & 0xff;
    snprintf(zWhy, nWhy, "%s", sqlite3_errmsg(db));
    ret = (rcBase==SQLITE_CORRUPT || rcBase==SQLITE_NOTADB) ? 1 : -1;
  }
  sqlite3_finalize(pStmt);
  return ret;
}

/* Delete zPath and its journals: only ever called on a course database
** of ours (derived data), stale or damaged. Returns 0 or errno. */
static int removeCourseDb(const char *zPath){
  static const char *const azSuffix[] = { "", "-wal", "-shm", "-journal" };
  size_t i;
  for(i=0; i<sizeof(azSuffix)/sizeof(azSuffix[0]); i++){
    char *z = sqlite3_mprintf("%s%s", zPath, azSuffix[i]);
    if( z==0 ) return ENOMEM;
    if( unlink(z)!=0 && errno!=ENOENT ){
      int e = errno;
      sqlite3_free(z);
      return e;
    }
    sqlite3_free(z);
  }
  return 0;
}

int kioskCourseOpen(const char *zPath, int flags, sqlite3 **ppDb,
                    KioskError *pErr){
  sqlite3 *db = 0;
  KioskDbKind eKind = KIOSK_DB_MISSING;
  char zWhy[256];
  int iVersion = 0, nTable = 0, rc, iAppId = 0, bRebuilt = 0;
  int bStale = 0, bDamaged = 0;
  int oflags = (flags & KIOSK_OPEN_READONLY) ? SQLITE_OPEN_READONLY
             : (SQLITE_OPEN_READWRITE
                | ((flags & KIOSK_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0));

  *ppDb = 0;
  zWhy[0] = 0;
  /* Only our own course database, or nothing at all, is ever opened for
  ** writing, let alone rebuilt (dbkind.h). */
  if( !isMemory(zPath) ){
    if( kioskDbKind(zPath, &eKind, &iAppId, pErr) ) return KIOSK_EIO;
    if( eKind==KIOSK_DB_RECORDS || eKind==KIOSK_DB_OTHER
     || (eKind==KIOSK_DB_SQLITE && iAppId!=0) ){
      goto foreign;
    }
  }

reopen:
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
    if( eKind!=KIOSK_DB_COURSE ) goto foreign;
    /* Ours by its header, unreadable past it. */
    snprintf(zWhy, sizeof(zWhy), "%s", sqlite3_errmsg(db));
    bDamaged = 1;
  }else if( eKind==KIOSK_DB_SQLITE && nTable>0 ){
    /* No application_id: ours only when built before there was one. */
    if( !kioskDbIsOldCourse(db) ) goto foreign;
    bStale = 1;
  }else if( eKind==KIOSK_DB_COURSE ){
    int r = quickCheck(db, zWhy, sizeof(zWhy));
    if( r<0 ){
      kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                    "cannot read course database: %s", zWhy);
      goto fail;
    }
    bDamaged = r>0;
    bStale = !bDamaged && iVersion!=KIOSK_COURSE_SCHEMA_VERSION;
  }

  if( bStale || bDamaged ){
    int e;
    if( !(flags & KIOSK_OPEN_REBUILD) || (flags & KIOSK_OPEN_READONLY)
     || bRebuilt ){
      if( bDamaged ){
        kioskErrorSet(pErr, KIOSK_ECOURSE, "CORRUPT", zPath, 0, 0,
                      "course database is damaged (%s): rebuild it", zWhy);
      }else{
        kioskErrorSet(pErr, KIOSK_ECOURSE, "VERSION", zPath, 0, 0,
                      "course database has schema version %d, expected %d: "
                      "rebuild it", iVersion,
                      KIOSK_COURSE_SCHEMA_VERSION);
      }
      goto fail;
    }
    /* Derived data of ours: thrown away and made anew, empty. */
    sqlite3_close(db);
    db = 0;
    if( (e = removeCourseDb(zPath))!=0 ){
      kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zPath, 0, 0,
                    "cannot remove the old course database: %s",
                    strerror(e));
      goto fail;
    }
    bRebuilt = 1;
    bStale = bDamaged = 0;
    eKind = KIOSK_DB_MISSING;
    oflags |= SQLITE_OPEN_CREATE;
    goto reopen;
  }
  if( nTable==0 && (oflags & SQLITE_OPEN_CREATE) ){
    if( kioskCourseCreateSchema(db, pErr) ) goto fail;
  }else if( iVersion!=KIOSK_COURSE_SCHEMA_VERSION ){
    kioskErrorSet(pErr, KIOSK_ECOURSE, "VERSION", zPath, 0, 0,
                  "course database has schema version %d, expected %d: "
                  "rebuild it", iVersion, KIOSK_COURSE_SCHEMA_VERSION);
    goto fail;
  }
  *ppDb = db;
  return KIOSK_OK;

foreign:
  kioskErrorSet(pErr, KIOSK_ECOURSE, "FOREIGN", zPath, 0, 0,
                "this is %s, not a kiosk course database; left as it is",
                kioskDbKindName(eKind==KIOSK_DB_COURSE ? KIOSK_DB_OTHER
                                : eKind));
fail:
  sqlite3_close(db);
  return pErr ? (int)pErr->eClass : KIOSK_EDB;
}
