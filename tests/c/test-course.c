/*
** test-course.c: unit tests of the whole-folder course loader (course.c).
**
** The promise under test: a load that fails, wherever it fails (a CSV
** syntax error in the last table, a dangling lesson reference, a missing or
** stray file, a course.csv with two rows), leaves every table of the
** database exactly as it was and no transaction open; inside the caller's
** transaction it leaves that transaction open and untouched; a check
** (KIOSK_COURSE_CHECK) of a good folder changes nothing either.
** The folders are copies of tests/fixtures/course-mini with one edit.
*/
#include "course.h"
#include "coursedb.h"
#include "harness.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The files of the mini course. */
static const char *const azMini[] = {
  "course.csv", "sources.csv", "countries.csv", "stages.csv", "people.csv",
  "places.csv", "organizations.csv", "events.csv", "figures.csv",
  "initiatives.csv", "fact_countries.csv", "aliases.csv", "glossary.csv",
  "claims.csv",
  "lessons/m1-start.txt", "lessons/m2-later.txt", 0
};

static char zMini[1024];     /* the fixture folder */
static char zTmp[1024];      /* our scratch folder */

/* Read a whole file into a malloc'd, NUL-terminated buffer, or NULL. */
static char *slurp(const char *zPath){
  FILE *in = fopen(zPath, "rb");
  char *z;
  long n;
  if( in==0 ) return 0;
  fseek(in, 0, SEEK_END);
  n = ftell(in);
  fseek(in, 0, SEEK_SET);
  z = malloc((size_t)n+1);
  if( z && fread(z, 1, (size_t)n, in)!=(size_t)n ){ free(z); z = 0; }
  if( z ) z[n] = 0;
  fclose(in);
  return z;
}

/*
** A copy of the mini course in zTmp/zName, with the first zOld in file
** zFile replaced by zNew (zFile NULL: no edit; zNew NULL: the file is left
** out). Returns the folder, in a static buffer.
*/
static const char *copyMini(const char *zName, const char *zFile,
                            const char *zOld, const char *zNew){
  static char zDir[1200];
  char zPath[1400];
  int i;
  snprintf(zDir, sizeof(zDir), "%s/%s", zTmp, zName);
  mkdir(zDir, 0700);
  snprintf(zPath, sizeof(zPath), "%s/lessons", zDir);
  mkdir(zPath, 0700);
  for(i=0; azMini[i]; i++){
    char *z;
    FILE *out;
    int bEdit = zFile && strcmp(zFile, azMini[i])==0;
    if( bEdit && zNew==0 ) continue;
    snprintf(zPath, sizeof(zPath), "%s/%s", zMini, azMini[i]);
    z = slurp(zPath);
    if( z==0 ){ fprintf(stderr, "cannot read %s\n", zPath); exit(1); }
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, azMini[i]);
    out = fopen(zPath, "wb");
    if( out==0 ){ fprintf(stderr, "cannot write %s\n", zPath); exit(1); }
    if( bEdit ){
      char *zAt = strstr(z, zOld);
      if( zAt==0 ){
        fprintf(stderr, "copyMini: \"%s\" not in %s\n", zOld, azMini[i]);
        exit(1);
      }
      fwrite(z, 1, (size_t)(zAt-z), out);
      fputs(zNew, out);
      fputs(zAt+strlen(zOld), out);
    }else{
      fputs(z, out);
    }
    fclose(out);
    free(z);
  }
  return zDir;
}

/* Write zText to zDir/zFile. */
static void writeFile(const char *zDir, const char *zFile, const char *zText){
  char zPath[1400];
  FILE *out;
  snprintf(zPath, sizeof(zPath), "%s/%s", zDir, zFile);
  out = fopen(zPath, "wb");
  if( out ){ fputs(zText, out); fclose(out); }
}

/*
** Every row of every table, quoted, in table order: a malloc'd string.
** The table list comes from the schema itself, so a table added later is
** compared too.
*/
static char *dumpAll(sqlite3 *db){
  sqlite3_stmt *pTab = 0;
  sqlite3_str *pOut = sqlite3_str_new(db);
  char *zOut, *zRet;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type='table'"
                     " ORDER BY name", -1, &pTab, 0);
  while( sqlite3_step(pTab)==SQLITE_ROW ){
    const char *zTab = (const char *)sqlite3_column_text(pTab, 0);
    char *zSql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY 1, 2, 3",
                                 zTab);
    sqlite3_stmt *pStmt = 0;
    int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
    sqlite3_free(zSql);
    if( rc!=SQLITE_OK ){
      /* tables of fewer than 3 columns */
      zSql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY 1", zTab);
      sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
      sqlite3_free(zSql);
    }
    sqlite3_str_appendf(pOut, "[%s]\n", zTab);
    while( pStmt && sqlite3_step(pStmt)==SQLITE_ROW ){
      int j;
      for(j=0; j<sqlite3_column_count(pStmt); j++){
        sqlite3_str_appendf(pOut, "%s%Q", j ? "|" : "",
            sqlite3_column_type(pStmt, j)==SQLITE_NULL ? 0
            : (const char *)sqlite3_column_text(pStmt, j));
      }
      sqlite3_str_appendall(pOut, "\n");
    }
    sqlite3_finalize(pStmt);
  }
  sqlite3_finalize(pTab);
  zOut = sqlite3_str_finish(pOut);
  zRet = malloc(strlen(zOut ? zOut : "")+1);
  strcpy(zRet, zOut ? zOut : "");
  sqlite3_free(zOut);
  return zRet;
}

/* The first error of a load, formatted with zDir shown as DIR. */
static void firstError(const KioskError *pErr, const char *zDir, char *zOut,
                       size_t nOut){
  char zMsg[1200];
  size_t nDir = strlen(zDir);
  kioskErrorFormat(pErr, zMsg, (int)sizeof(zMsg));
  if( strncmp(zMsg, zDir, nDir)==0 ){
    snprintf(zOut, nOut, "DIR%s", zMsg+nDir);
  }else{
    snprintf(zOut, nOut, "%s", zMsg);
  }
}

/*
** Load broken folder zDir into db (holding the mini course): the load must
** fail with zWant, leave every table as it was and no transaction open;
** then the same inside the caller's transaction, which stays open.
*/
static void failsCleanly(sqlite3 *db, const char *zDir, const char *zWant,
                         int iLine){
  char *zBefore = dumpAll(db), *zAfter;
  KioskError err;
  char zGot[1300];
  int rc;

  kioskErrorClear(&err);
  rc = kioskCourseLoad(db, zDir, 0, 10, 0, &err);
  firstError(&err, zDir, zGot, sizeof(zGot));
  nCheck++;
  if( rc==0 || strcmp(zGot, zWant)!=0 ){
    nFail++;
    fprintf(stderr, "%s:%d: got rc=%d \"%s\"\n%*s want \"%s\"\n", __FILE__,
            iLine, rc, zGot, (int)strlen(__FILE__)+6, "", zWant);
  }
  zAfter = dumpAll(db);
  CHECK_STR(zAfter, zBefore);
  free(zAfter);
  CHECK_INT(sqlite3_get_autocommit(db), 1);

  /* In the caller's transaction: it stays open, as it was. */
  sqlite3_exec(db, "BEGIN; INSERT INTO meta VALUES('caller', 'x')", 0, 0, 0);
  free(zBefore);
  zBefore = dumpAll(db);
  CHECK(kioskCourseLoad(db, zDir, 0, 10, 0, &err)!=0);
  CHECK_INT(sqlite3_get_autocommit(db), 0);
  zAfter = dumpAll(db);
  CHECK_STR(zAfter, zBefore);
  free(zAfter);
  sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  free(zBefore);
}
#define FAILS(zDir, zWant) failsCleanly(db, zDir, zWant, __LINE__)

static void testFailedLoads(void){
  sqlite3 *db = 0;
  KioskError err;
  KioskCourseReport rep;
  char *zBefore, *zAfter;
  const char *zDir;

  kioskErrorClear(&err);
  CHECK_INT(kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &db, &err), 0);
  if( db==0 ) return;
  CHECK_INT(kioskCourseLoad(db, zMini, 0, 10, 0, &err), 0);

  /* A CSV error in the last table loaded. */
  zDir = copyMini("late-csv", "glossary.csv", "five-plus-one,5+1,",
                  "five-plus-one,\"5+1,");
  FAILS(zDir, "DIR/glossary.csv:3:15: unterminated quoted field");
  /* A value error in the first table: the course row. */
  zDir = copyMini("course-rows", "course.csv", ",en\n", ",en\nb,x,y,en\n");
  FAILS(zDir, "DIR/course.csv:3:1: the course table has one row only");
  /* A dangling lesson reference, found after every table loaded. */
  zDir = copyMini("dangling", "lessons/m2-later.txt", "org-jica|",
                  "org-jika|");
  FAILS(zDir, "DIR/lessons/m2-later.txt:3:8: no fact \"org-jika\" in the"
        " course");
  /* Invalid UTF-8 in a lesson. */
  zDir = copyMini("lesson-utf8", "lessons/m1-start.txt", "Uzbekistan",
                  "Uzbek\xffistan");
  FAILS(zDir, "DIR/lessons/m1-start.txt:3:6: invalid UTF-8");
  /* A missing table file, a stray CSV. */
  zDir = copyMini("missing", "aliases.csv", "", 0);
  FAILS(zDir, "DIR/aliases.csv: missing file (every table of the course"
        " needs one)");
  zDir = copyMini("stray", 0, 0, 0);
  writeFile(zDir, "notes.csv", "a\n1\n");
  FAILS(zDir, "DIR/notes.csv: not a table of the course");
  /* An id used in two fact tables (places load before events). */
  zDir = copyMini("dup-id", "places.csv", "pl-tashkent,", "ev-visit,");
  FAILS(zDir, "DIR/events.csv:2:1: id \"ev-visit\" is already used in facts");

  /* A check of a good folder changes nothing, not even meta. */
  zDir = copyMini("good", "countries.csv", "Japan", "Nippon");
  zBefore = dumpAll(db);
  memset(&rep, 0, sizeof(rep));
  CHECK_INT(kioskCourseLoad(db, zDir, KIOSK_COURSE_CHECK, 10, &rep, &err), 0);
  CHECK_INT(rep.nErr, 0);
  kioskCourseReportFree(&rep);
  zAfter = dumpAll(db);
  CHECK_STR(zAfter, zBefore);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  free(zAfter);
  /* ... and loading it for real does change it. */
  CHECK_INT(kioskCourseLoad(db, zDir, 0, 10, 0, &err), 0);
  zAfter = dumpAll(db);
  CHECK(strcmp(zAfter, zBefore)!=0);
  CHECK(strstr(zAfter, "'Nippon'")!=0);
  free(zAfter);
  free(zBefore);
  sqlite3_close(db);
}

/* The report: several errors, one per file, up to the limit. */
static void testReport(void){
  sqlite3 *db = 0;
  KioskError err;
  KioskCourseReport rep;
  const char *zDir;
  char zGot[1300];

  kioskErrorClear(&err);
  kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &db, &err);
  if( db==0 ) return;
  zDir = copyMini("two-errors", "stages.csv", "1991..1994", "1991..1990");
  writeFile(zDir, "notes.csv", "a\n");
  memset(&rep, 0, sizeof(rep));
  CHECK_INT(kioskCourseLoad(db, zDir, KIOSK_COURSE_CHECK, 10, &rep, &err),
            KIOSK_ECSV);
  CHECK_INT(rep.nErr, 2);
  CHECK_INT(rep.bMore, 0);
  if( rep.nErr==2 ){
    firstError(&rep.aErr[1], zDir, zGot, sizeof(zGot));
    CHECK_STR(zGot, "DIR/notes.csv: not a table of the course");
  }
  kioskCourseReportFree(&rep);
  memset(&rep, 0, sizeof(rep));
  CHECK_INT(kioskCourseLoad(db, zDir, KIOSK_COURSE_CHECK, 1, &rep, &err),
            KIOSK_ECSV);
  CHECK_INT(rep.nErr, 1);
  CHECK_INT(rep.bMore, 1);
  kioskCourseReportFree(&rep);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  sqlite3_close(db);
}

/* Remove our scratch folder (two levels: course copies and lessons/). */
static void cleanup(void){
  static const char *const azName[] = {
    "late-csv", "course-rows", "dangling", "lesson-utf8", "missing",
    "stray", "dup-id", "good", "two-errors", 0
  };
  char zPath[1400];
  int i, j;
  for(i=0; azName[i]; i++){
    for(j=0; azMini[j]; j++){
      snprintf(zPath, sizeof(zPath), "%s/%s/%s", zTmp, azName[i], azMini[j]);
      unlink(zPath);
    }
    snprintf(zPath, sizeof(zPath), "%s/%s/notes.csv", zTmp, azName[i]);
    unlink(zPath);
    snprintf(zPath, sizeof(zPath), "%s/%s/lessons", zTmp, azName[i]);
    rmdir(zPath);
    snprintf(zPath, sizeof(zPath), "%s/%s", zTmp, azName[i]);
    rmdir(zPath);
  }
  rmdir(zTmp);
}

int main(void){
  const char *zSrc = getenv("KIOSK_SRCDIR");
  const char *zTmpDir = getenv("TMPDIR");
  snprintf(zMini, sizeof(zMini), "%s/tests/fixtures/course-mini",
           zSrc ? zSrc : ".");
  snprintf(zTmp, sizeof(zTmp), "%s/kiosk-test-course.XXXXXX",
           zTmpDir && zTmpDir[0] ? zTmpDir : "/tmp");
  if( mkdtemp(zTmp)==0 ){
    perror("mkdtemp");
    return 1;
  }
  testFailedLoads();
  testReport();
  cleanup();
  return HARNESS_DONE("test-course");
}
