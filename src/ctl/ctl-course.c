/*
** ctl-course.c: kioskctl build, check and import — the course loader on
** the command line.
**
**   kioskctl build --course DIR --db FILE
**   kioskctl check --course DIR [--limit N]
**   kioskctl import --db FILE TABLE FILE.csv
**
** Not here: the loading itself (src/core/course.c, csvload.c).
*/
#include "ctl.h"
#include "course.h"
#include "coursedb.h"
#include "csvload.h"
#include "dbkind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char ctlBuildUsage[] =
  "Usage: kioskctl build --course DIR --db FILE\n"
  "\n"
  "Builds the course database FILE from the course folder DIR (CSV tables\n"
  "and lessons/<stage>.txt), replacing what FILE held, all or nothing: with\n"
  "any error FILE is left as it was. A course database of another schema\n"
  "version, or a damaged one, is thrown away and built anew (course.db is\n"
  "derived data); any other file (a records database, another program's\n"
  "database, a text file) is refused and left untouched. Prints the rows\n"
  "loaded per table.\n"
  "\n"
  "Exit status: 0 built, 1 the course has errors (printed on stderr as\n"
  "FILE:LINE:COLUMN: message), 2 usage.\n";

const char ctlCheckUsage[] =
  "Usage: kioskctl check --course DIR [--limit N]\n"
  "\n"
  "Checks the course folder DIR without writing anything: loads it into a\n"
  "scratch database and prints every error (at most N, default 100) on\n"
  "stderr as FILE:LINE:COLUMN: message. After an error in one file the\n"
  "check goes on with the next file.\n"
  "\n"
  "Exit status: 0 no error, 1 errors, 2 usage.\n";

const char ctlImportUsage[] =
  "Usage: kioskctl import --db FILE TABLE FILE.csv\n"
  "\n"
  "Loads FILE.csv into the existing table TABLE of the SQLite database FILE\n"
  "in one transaction, checking every value against the column's type\n"
  "(INTEGER, REAL, TEXT, KDATE) and constraints. The header row names the\n"
  "columns, in any order. With any error nothing is loaded. Prints the row\n"
  "count. A kiosk records database is refused and left as it is.\n"
  "\n"
  "Exit status: 0 loaded, 1 errors (on stderr as FILE:LINE:COLUMN: message),\n"
  "2 usage.\n";

static void printCounts(const KioskCourseReport *pRep){
  int i;
  for(i=0; i<pRep->nTable; i++){
    printf("%-15s %lld\n", pRep->aTable[i].zName,
           (long long)pRep->aTable[i].nRow);
  }
}

static void printErrors(const KioskCourseReport *pRep){
  int i;
  for(i=0; i<pRep->nErr; i++) ctlPrintError(&pRep->aErr[i]);
}

int ctlBuild(int argc, char **argv){
  const char *zCourse = 0, *zDb = 0;
  const char *azPos[1];
  int nPos = 0, rc;
  CtlOpt aOpt[] = {
    { "--course", 1, &zCourse, 0 },
    { "--db", 1, &zDb, 0 },
    { 0, 0, 0, 0 }
  };
  sqlite3 *db = 0;
  KioskError err;
  KioskCourseReport rep;

  if( ctlParseArgs("build", argc, argv, aOpt, azPos, 1, &nPos) ) return 2;
  if( zCourse==0 || zDb==0 || nPos!=0 ){
    fprintf(stderr, "kioskctl: build: give --course DIR and --db FILE "
            "(kioskctl build --help)\n");
    return 2;
  }
  kioskErrorClear(&err);
  memset(&rep, 0, sizeof(rep));
  /* A course.db of ours that is stale or damaged is made anew; any other
  ** file is refused untouched (coursedb.h). */
  rc = kioskCourseOpen(zDb, KIOSK_OPEN_CREATE | KIOSK_OPEN_REBUILD, &db,
                       &err);
  if( rc ){
    ctlPrintError(&err);
    return 1;
  }
  rc = kioskCourseLoad(db, zCourse, 0, 100, &rep, &err);
  if( rc ){
    printErrors(&rep);
    if( rep.bMore ) fprintf(stderr, "kioskctl: build: stopped after %d errors\n",
                            rep.nErr);
  }else{
    printCounts(&rep);
  }
  kioskCourseReportFree(&rep);
  sqlite3_close(db);
  return rc ? 1 : 0;
}

int ctlCheck(int argc, char **argv){
  const char *zCourse = 0, *zLimit = 0;
  const char *azPos[1];
  int nPos = 0, rc, nLimit = 100;
  CtlOpt aOpt[] = {
    { "--course", 1, &zCourse, 0 },
    { "--limit", 1, &zLimit, 0 },
    { 0, 0, 0, 0 }
  };
  sqlite3 *db = 0;
  KioskError err;
  KioskCourseReport rep;

  if( ctlParseArgs("check", argc, argv, aOpt, azPos, 1, &nPos) ) return 2;
  if( zCourse==0 || nPos!=0 ){
    fprintf(stderr, "kioskctl: check: give --course DIR (kioskctl check "
            "--help)\n");
    return 2;
  }
  if( zLimit ){
    char *zEnd = 0;
    long n = strtol(zLimit, &zEnd, 10);
    if( zEnd==zLimit || *zEnd || n<1 || n>100000 ){
      fprintf(stderr, "kioskctl: check: --limit wants a number from 1 to"
              " 100000, not \"%s\"\n", zLimit);
      return 2;
    }
    nLimit = (int)n;
  }
  kioskErrorClear(&err);
  memset(&rep, 0, sizeof(rep));
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &db, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  rc = kioskCourseLoad(db, zCourse, KIOSK_COURSE_CHECK, nLimit, &rep, &err);
  printErrors(&rep);
  if( rep.bMore ){
    fprintf(stderr, "kioskctl: check: stopped after %d errors (--limit)\n",
            rep.nErr);
  }
  if( rc==0 ) printf("%s: no errors\n", zCourse);
  kioskCourseReportFree(&rep);
  sqlite3_close(db);
  return rc ? 1 : 0;
}

int ctlImport(int argc, char **argv){
  const char *zDb = 0;
  const char *azPos[2];
  int nPos = 0, rc;
  CtlOpt aOpt[] = {
    { "--db", 1, &zDb, 0 },
    { 0, 0, 0, 0 }
  };
  sqlite3 *db = 0;
  KioskError err;
  sqlite3_int64 nRow = 0;

  if( ctlParseArgs("import", argc, argv, aOpt, azPos, 2, &nPos) ) return 2;
  if( zDb==0 || nPos!=2 ){
    fprintf(stderr, "kioskctl: import: give --db FILE, a TABLE and a "
            "FILE.csv (kioskctl import --help)\n");
    return 2;
  }
  kioskErrorClear(&err);
  /* Any SQLite database with the table, not only a course.db; but never
  ** the learner records, which only the kiosk's own checks may write. */
  {
    KioskDbKind eKind;
    int iAppId = 0;
    if( kioskDbKind(zDb, &eKind, &iAppId, &err)==0
     && (eKind==KIOSK_DB_RECORDS || eKind==KIOSK_DB_OTHER) ){
      kioskErrorSet(&err, KIOSK_EIO, "FOREIGN", zDb, 0, 0,
                    "this is %s: kioskctl import loads into an SQLite "
                    "database that is not the learner records; left as it "
                    "is", kioskDbKindName(eKind));
    }
    if( err.eClass ){
      ctlPrintError(&err);
      return 1;
    }
  }
  if( sqlite3_open_v2(zDb, &db, SQLITE_OPEN_READWRITE, 0)!=SQLITE_OK ){
    kioskErrorSet(&err, KIOSK_EDB, "OPEN", zDb, 0, 0,
                  "cannot open database: %s",
                  db ? sqlite3_errmsg(db) : "out of memory");
    ctlPrintError(&err);
    sqlite3_close(db);
    return 1;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", 0, 0, 0);
  /* A bulk load streams: a small page cache keeps memory flat whatever
  ** the file's size (SQLite's default grows to 2 MiB). */
  sqlite3_exec(db, "PRAGMA cache_size = -256", 0, 0, 0);
  rc = kioskCsvLoadFile(db, azPos[0], azPos[1], 0, &nRow, &err);
  if( rc ){
    ctlPrintError(&err);
  }else{
    printf("%s: %lld rows\n", azPos[0], (long long)nRow);
  }
  sqlite3_close(db);
  return rc ? 1 : 0;
}
