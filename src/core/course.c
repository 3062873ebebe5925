/*
** course.c: load or check a whole course folder. See course.h.
**
** Order of work: the CSV tables in dependency order, the course's own
** row (course.csv) first (csvload.c does each file), then lessons/<stage>.txt split into paragraphs and parsed
** (markup.c), each reference resolved, then the folder-wide checks, then
** meta. Everything runs inside the savepoint "kiosk_course" with foreign
** keys deferred (the loader's own lookups report them with a position).
**
** Not here: opening the database (coursedb.c), reading it back (the Tcl
** binding), or printing (kioskctl).
*/
#include "course.h"
#include "csvload.h"
#include "markup.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The tables filled from CSV, in load order (parents first). */
static const char *const azTable[] = {
  "course", "sources", "countries", "stages", "people", "places", "organizations",
  "events", "figures", "initiatives", "fact_countries", "aliases", "glossary",
  "claims", 0
};

/* Tables whose ids are facts (rows of the facts view). */
static int isFactTable(const char *z){
  return strcmp(z, "events")==0 || strcmp(z, "figures")==0
      || strcmp(z, "people")==0 || strcmp(z, "organizations")==0
      || strcmp(z, "places")==0 || strcmp(z, "initiatives")==0;
}

typedef struct Load {
  sqlite3 *db;
  const char *zDir;
  int nLimit;
  KioskCourseReport *pRep;
  int bStop;               /* the error limit was reached */
  int bFactFailed;         /* a fact table's file failed */
  unsigned mFailed;        /* bit i: azTable[i] failed */
} Load;

/* ----------------------------------------------------------------------
** Small helpers
*/

/* "dir/name" without a doubled slash; malloc'd, NULL when out of memory. */
static char *joinPath(const char *zDir, const char *zName){
  size_t nDir = strlen(zDir), nName = strlen(zName);
  char *z;
  int bSlash = nDir>0 && zDir[nDir-1]=='/';
  z = malloc(nDir + nName + 2);
  if( z==0 ) return 0;
  memcpy(z, zDir, nDir);
  if( !bSlash ) z[nDir++] = '/';
  memcpy(z+nDir, zName, nName+1);
  return z;
}

static int hasSuffix(const char *z, const char *zSuffix){
  size_t n = strlen(z), m = strlen(zSuffix);
  return n>m && strcmp(z+n-m, zSuffix)==0;
}

static int cmpStr(const void *a, const void *b){
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Names in zDir ending in zSuffix, sorted: a malloc'd array of malloc'd
** strings, *pn entries. A missing folder is an empty list. Returns 0 or 1
** when out of memory. */
static int listFiles(const char *zDir, const char *zSuffix, char ***pazName,
                     int *pn){
  DIR *d = opendir(zDir);
  struct dirent *e;
  char **az = 0;
  int n = 0;
  *pazName = 0;
  *pn = 0;
  if( d==0 ) return 0;
  while( (e = readdir(d))!=0 ){
    char **azNew;
    if( e->d_name[0]=='.' || !hasSuffix(e->d_name, zSuffix) ) continue;
    azNew = realloc(az, sizeof(char *)*(size_t)(n+1));
    if( azNew==0 ) goto no_mem;
    az = azNew;
    az[n] = malloc(strlen(e->d_name)+1);
    if( az[n]==0 ) goto no_mem;
    strcpy(az[n], e->d_name);
    n++;
  }
  closedir(d);
  if( n>1 ) qsort(az, (size_t)n, sizeof(char *), cmpStr);
  *pazName = az;
  *pn = n;
  return 0;

no_mem:
  closedir(d);
  while( n>0 ) free(az[--n]);
  free(az);
  return 1;
}

static void freeList(char **az, int n){
  int i;
  for(i=0; i<n; i++) free(az[i]);
  free(az);
}

/* Read a whole file into a malloc'd buffer. Returns 0, or errno. */
static int readFile(const char *zPath, char **pz, size_t *pn){
  FILE *in = fopen(zPath, "rb");
  char *z = 0;
  size_t n = 0, nAlloc = 0;
  int rc = 0;
  *pz = 0;
  *pn = 0;
  if( in==0 ) return errno ? errno : EIO;
  for(;;){
    size_t k;
    if( n+4096>nAlloc ){
      char *zNew;
      nAlloc = nAlloc ? nAlloc*2 : 8192;
      zNew = realloc(z, nAlloc);
      if( zNew==0 ){ rc = ENOMEM; break; }
      z = zNew;
    }
    k = fread(z+n, 1, nAlloc-n-1, in);
    n += k;
    if( k==0 ){
      if( ferror(in) ) rc = EIO;
      break;
    }
  }
  fclose(in);
  if( rc ){ free(z); return rc; }
  if( z==0 ){ z = malloc(1); if( z==0 ) return ENOMEM; }
  z[n] = 0;
  *pz = z;
  *pn = n;
  return 0;
}

/* Keep an error in the report (the first nLimit only). */
static void addError(Load *p, const KioskError *pErr){
  KioskCourseReport *r = p->pRep;
  KioskError *aNew;
  if( p->bStop ) return;
  if( r->nErr>=p->nLimit ){
    r->bMore = 1;
    p->bStop = 1;
    return;
  }
  aNew = realloc(r->aErr, sizeof(KioskError)*(size_t)(r->nErr+1));
  if( aNew==0 ){
    p->bStop = 1;
    return;
  }
  r->aErr = aNew;
  r->aErr[r->nErr++] = *pErr;
  if( r->nErr>=p->nLimit ){
    r->bMore = 1;
    p->bStop = 1;
  }
}

static void addErrorF(Load *p, KioskErrClass e, const char *zCode,
                      const char *zFile, int iLine, int iCol,
                      const char *zFmt, const char *zArg){
  KioskError err;
  kioskErrorSet(&err, e, zCode, zFile, iLine, iCol, zFmt, zArg);
  addError(p, &err);
}

static void dbFail(Load *p, const char *zWhat){
  KioskError err;
  kioskErrorSet(&err, KIOSK_EDB, "SQLITE", 0, 0, 0, "%s: %s", zWhat,
                sqlite3_errmsg(p->db));
  addError(p, &err);
  p->bStop = 1;
}

static void addCount(Load *p, const char *zName, sqlite3_int64 nRow){
  KioskCourseReport *r = p->pRep;
  if( r->nTable>=KIOSK_COURSE_MAXTABLE ) return;
  snprintf(r->aTable[r->nTable].zName, sizeof(r->aTable[0].zName), "%s",
           zName);
  r->aTable[r->nTable].nRow = nRow;
  r->nTable++;
}

/* ----------------------------------------------------------------------
** Fingerprint
*/

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

static sqlite3_uint64 fnv(sqlite3_uint64 h, const void *pData, size_t n){
  const unsigned char *z = (const unsigned char *)pData;
  size_t i;
  for(i=0; i<n; i++){
    h ^= z[i];
    h *= FNV_PRIME;
  }
  return h;
}

/* Hash name, size and contents of each file of azName in zDir. */
static int hashFiles(sqlite3_uint64 *pH, const char *zDir, const char *zRel,
                     char **azName, int nName, KioskError *pErr){
  int i;
  for(i=0; i<nName; i++){
    char *zPath = joinPath(zDir, azName[i]);
    char *z = 0;
    size_t n = 0;
    char zSize[32];
    int rc;
    if( zPath==0 ){
      return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                           "out of memory");
    }
    rc = readFile(zPath, &z, &n);
    if( rc ){
      kioskErrorSet(pErr, KIOSK_EIO, "READ", zPath, 0, 0, "cannot read: %s",
                    strerror(rc));
      free(zPath);
      return KIOSK_EIO;
    }
    free(zPath);
    snprintf(zSize, sizeof(zSize), "%llu", (unsigned long long)n);
    *pH = fnv(*pH, zRel, strlen(zRel));
    *pH = fnv(*pH, azName[i], strlen(azName[i])+1);
    *pH = fnv(*pH, zSize, strlen(zSize)+1);
    *pH = fnv(*pH, z, n);
    free(z);
  }
  return 0;
}

int kioskCourseFingerprint(const char *zDir, char *zOut, KioskError *pErr){
  sqlite3_uint64 h = FNV_OFFSET;
  char **az = 0;
  int n = 0, rc;
  char *zLessons = 0;
  struct stat st;
  zOut[0] = 0;
  if( stat(zDir, &st)!=0 || !S_ISDIR(st.st_mode) ){
    return kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zDir, 0, 0,
                         "not a course folder: %s",
                         stat(zDir, &st)!=0 ? strerror(errno)
                                            : "not a directory");
  }
  if( listFiles(zDir, ".csv", &az, &n) ) goto no_mem;
  rc = hashFiles(&h, zDir, "", az, n, pErr);
  freeList(az, n);
  if( rc ) return rc;
  zLessons = joinPath(zDir, "lessons");
  if( zLessons==0 || listFiles(zLessons, ".txt", &az, &n) ) goto no_mem;
  rc = hashFiles(&h, zLessons, "lessons/", az, n, pErr);
  freeList(az, n);
  free(zLessons);
  if( rc ) return rc;
  snprintf(zOut, 17, "%016llx", (unsigned long long)h);
  return 0;

no_mem:
  free(zLessons);
  return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
}

/* The real path of zDir into zOut[PATH_MAX], or zDir itself. */
static void realDir(const char *zDir, char *zOut){
  if( realpath(zDir, zOut)==0 ){
    snprintf(zOut, PATH_MAX, "%s", zDir);
  }
}

int kioskCourseFresh(sqlite3 *db, const char *zDir, int *pbFresh,
                     KioskError *pErr){
  char zFp[17];
  char zReal[PATH_MAX];
  sqlite3_stmt *pStmt = 0;
  int nMatch = 0, rc;
  KioskError errIgnored;
  *pbFresh = 0;
  if( kioskCourseFingerprint(zDir, zFp, &errIgnored) ) return 0;
  realDir(zDir, zReal);
  rc = sqlite3_prepare_v2(db,
      "SELECT count(*) FROM meta WHERE (key='course_dir' AND value=?1)"
      " OR (key='fingerprint' AND value=?2)", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ){
    return kioskErrorSet(pErr, KIOSK_EDB, "SQLITE", 0, 0, 0, "%s",
                         sqlite3_errmsg(db));
  }
  sqlite3_bind_text(pStmt, 1, zReal, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zFp, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)==SQLITE_ROW ) nMatch = sqlite3_column_int(pStmt, 0);
  sqlite3_finalize(pStmt);
  *pbFresh = nMatch==2;
  return 0;
}

/* ----------------------------------------------------------------------
** Tables
*/

static int tableIndex(const char *zName){
  int i;
  for(i=0; azTable[i]; i++){
    if( strcmp(azTable[i], zName)==0 ) return i;
  }
  return -1;
}

static void loadTable(Load *p, int iTab){
  const char *zTable = azTable[iTab];
  char zFile[64];
  char *zPath;
  KioskCsvLoader *pLoad = 0;
  KioskError err;
  sqlite3_int64 nRow = 0;
  int rc, i;
  struct stat st;

  snprintf(zFile, sizeof(zFile), "%s.csv", zTable);
  zPath = joinPath(p->zDir, zFile);
  if( zPath==0 ){ p->bStop = 1; return; }
  kioskErrorClear(&err);
  if( stat(zPath, &st)!=0 ){
    kioskErrorSet(&err, KIOSK_ECOURSE, "MISSING", zPath, 0, 0,
                  "missing file (every table of the course needs one)");
    rc = KIOSK_ECOURSE;
    goto done;
  }
  rc = kioskCsvBegin(p->db, zTable, zPath, &pLoad, &err);
  for(i=0; rc==0 && azTable[i]; i++){
    if( p->mFailed & (1u<<i) ) rc = kioskCsvSkipParent(pLoad, azTable[i]);
  }
  if( rc==0 && p->bFactFailed ) rc = kioskCsvSkipParent(pLoad, "facts");
  if( rc==0 && isFactTable(zTable) ){
    rc = kioskCsvCheckRef(pLoad, "id", "facts", "id", 0);
  }
  if( rc==0 && (strcmp(zTable, "fact_countries")==0
                || strcmp(zTable, "aliases")==0
                || strcmp(zTable, "claims")==0) ){
    rc = kioskCsvCheckRef(pLoad, "fact", "facts", "id", 1);
  }
  if( rc==0 ) rc = kioskCsvFeedFile(pLoad, zPath);
  if( rc==0 ) rc = kioskCsvFinish(pLoad, &nRow);
  kioskCsvFree(pLoad);

  /* The course row: a second one is the table's trigger; none is here. */
  if( rc==0 && nRow==0 && strcmp(zTable, "course")==0 ){
    kioskErrorSet(&err, KIOSK_ECOURSE, "EMPTY", zPath, 0, 0,
                  "no row: the course needs one (its id, title, language"
                  " and based_on)");
    rc = KIOSK_ECOURSE;
  }

done:
  if( rc ){
    addError(p, &err);
    p->mFailed |= 1u<<iTab;
    if( isFactTable(zTable) ) p->bFactFailed = 1;
    if( err.eClass==KIOSK_EDB || err.eClass==KIOSK_ENOMEM ) p->bStop = 1;
  }else{
    addCount(p, zTable, nRow);
  }
  free(zPath);
}

/* A CSV in the folder that is no table is a mistake worth saying. */
static void checkStrayCsv(Load *p){
  char **az = 0;
  int n = 0, i;
  if( listFiles(p->zDir, ".csv", &az, &n) ){ p->bStop = 1; return; }
  for(i=0; i<n && !p->bStop; i++){
    char zName[256];
    snprintf(zName, sizeof(zName), "%.*s", (int)strlen(az[i])-4, az[i]);
    if( tableIndex(zName)<0 ){
      char *zPath = joinPath(p->zDir, az[i]);
      addErrorF(p, KIOSK_ECOURSE, "UNKNOWN", zPath ? zPath : az[i], 0, 0,
                "not a table of the course%s", "");
      free(zPath);
    }
  }
  freeList(az, n);
}

/* ----------------------------------------------------------------------
** Lessons
*/

typedef struct Lessons {
  sqlite3_stmt *pStage;     /* SELECT 1 FROM stages WHERE id=? */
  sqlite3_stmt *pFact;      /* SELECT 1 FROM facts WHERE id=? */
  sqlite3_stmt *pNote;      /* SELECT id FROM sources WHERE num=? */
  sqlite3_stmt *pTerm;      /* SELECT 1 FROM glossary WHERE id=? */
  sqlite3_stmt *pInsLesson;
  sqlite3_stmt *pInsRef;
  sqlite3_int64 nPara, nRef;
} Lessons;

static int exists(sqlite3_stmt *pStmt, const char *zKey){
  int rc;
  sqlite3_bind_text(pStmt, 1, zKey, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  sqlite3_reset(pStmt);
  return rc==SQLITE_ROW;
}

/* One paragraph: text (lines joined by '\n') starting at iLine. Returns 1
** when the file should stop (a syntax error), else 0. */
static int doParagraph(Load *p, Lessons *L, const char *zFile,
                       const char *zStage, int iPara, char *zText, int nText,
                       int iLine){
  KioskMarkup m;
  KioskError err;
  int i;
  kioskErrorClear(&err);
  if( kioskMarkupParse(zText, nText, zFile, iLine, &m, &err) ){
    addError(p, &err);
    return 1;
  }
  for(i=0; i<nText; i++){
    if( zText[i]=='\n' ) zText[i] = ' ';
  }
  sqlite3_bind_text(L->pInsLesson, 1, zStage, -1, SQLITE_STATIC);
  sqlite3_bind_int(L->pInsLesson, 2, iPara);
  sqlite3_bind_text(L->pInsLesson, 3, zText, nText, SQLITE_STATIC);
  if( sqlite3_step(L->pInsLesson)!=SQLITE_DONE ){
    sqlite3_reset(L->pInsLesson);
    dbFail(p, "cannot store a lesson");
    kioskMarkupFree(&m);
    return 1;
  }
  sqlite3_reset(L->pInsLesson);
  L->nPara++;
  for(i=0; i<m.nRun && !p->bStop; i++){
    const KioskRun *r = &m.aRun[i];
    const char *zTarget = r->zTarget;
    char zNoteId[32];
    int bOk = 1;
    if( r->eKind==KR_TEXT ) continue;
    switch( r->eKind ){
      case KR_FACT:
        if( !p->bFactFailed && !exists(L->pFact, zTarget) ){
          addErrorF(p, KIOSK_ELESSON, "REF", zFile, r->iLine, r->iCol,
                    "no fact \"%s\" in the course", zTarget);
          bOk = 0;
        }
        break;
      case KR_NOTE: {
        int rc;
        if( p->mFailed & (1u<<tableIndex("sources")) ) break;
        sqlite3_bind_int64(L->pNote, 1, atoll(r->zText));
        rc = sqlite3_step(L->pNote);
        if( rc==SQLITE_ROW ){
          snprintf(zNoteId, sizeof(zNoteId), "%s",
                   (const char *)sqlite3_column_text(L->pNote, 0));
          zTarget = zNoteId;
        }else{
          addErrorF(p, KIOSK_ELESSON, "REF", zFile, r->iLine, r->iCol,
                    "no note %s in sources", r->zText);
          bOk = 0;
        }
        sqlite3_reset(L->pNote);
        break;
      }
      case KR_TERM:
        if( !(p->mFailed & (1u<<tableIndex("glossary")))
         && !exists(L->pTerm, zTarget) ){
          addErrorF(p, KIOSK_ELESSON, "REF", zFile, r->iLine, r->iCol,
                    "no term \"%s\" in the glossary", zTarget);
          bOk = 0;
        }
        break;
      case KR_TEXT:
        break;
    }
    if( !bOk ) continue;
    sqlite3_bind_text(L->pInsRef, 1, zStage, -1, SQLITE_STATIC);
    sqlite3_bind_int(L->pInsRef, 2, iPara);
    sqlite3_bind_text(L->pInsRef, 3, kioskRunKindName(r->eKind), -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(L->pInsRef, 4, zTarget, -1, SQLITE_TRANSIENT);
    if( sqlite3_step(L->pInsRef)!=SQLITE_DONE ){
      sqlite3_reset(L->pInsRef);
      dbFail(p, "cannot store a lesson reference");
      break;
    }
    sqlite3_reset(L->pInsRef);
    L->nRef++;
  }
  kioskMarkupFree(&m);
  return 0;
}

/* Is line z[0..n) blank (spaces, tabs, CR only)? */
static int isBlank(const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    if( z[i]!=' ' && z[i]!='\t' && z[i]!='\r' ) return 0;
  }
  return 1;
}

/* One lesson file. */
static void loadLesson(Load *p, Lessons *L, const char *zLessonDir,
                       const char *zName){
  char *zPath = joinPath(zLessonDir, zName);
  char zStage[256];
  char *z = 0, *zPara = 0;
  size_t n = 0, i, nPara = 0;
  int rc, iLine = 1, iCol = 1, iParaLine = 0, iPara = 0;

  if( zPath==0 ){ p->bStop = 1; return; }
  snprintf(zStage, sizeof(zStage), "%.*s", (int)strlen(zName)-4, zName);
  if( !(p->mFailed & (1u<<tableIndex("stages")))
   && !exists(L->pStage, zStage) ){
    addErrorF(p, KIOSK_ELESSON, "STAGE", zPath, 1, 1,
              "no stage \"%s\" in stages.csv for this lesson", zStage);
    goto done;
  }
  rc = readFile(zPath, &z, &n);
  if( rc ){
    addErrorF(p, KIOSK_EIO, "READ", zPath, 0, 0, "cannot read: %s",
              strerror(rc));
    goto done;
  }
  /* Bytes first: UTF-8 and no NUL, with a position. */
  i = 0;
  if( n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ) i = 3;
  {
    size_t iStart = i;
    for(; i<n; ){
      int k = kioskUtf8CharLen((const unsigned char *)z+i, n-i);
      if( z[i]==0 || k==0 ){
        addErrorF(p, KIOSK_ELESSON, z[i]==0 ? "NUL" : "UTF8", zPath, iLine,
                  iCol, z[i]==0 ? "NUL byte%s" : "invalid UTF-8%s", "");
        goto done;
      }
      if( z[i]=='\n' ){ iLine++; iCol = 1; }else{ iCol++; }
      i += (size_t)k;
    }
    i = iStart;
  }
  zPara = malloc(n+1);
  if( zPara==0 ){ p->bStop = 1; goto done; }
  /* Lines into paragraphs. */
  iLine = 0;
  while( i<n && !p->bStop ){
    const char *zEol = memchr(z+i, '\n', n-i);
    size_t nLine = zEol ? (size_t)(zEol-(z+i)) : n-i;
    iLine++;
    if( isBlank(z+i, nLine) ){
      if( nPara>0 ){
        if( doParagraph(p, L, zPath, zStage, ++iPara, zPara, (int)nPara,
                        iParaLine) ) goto done;
        nPara = 0;
      }
    }else{
      size_t nKeep = nLine;
      while( nKeep>0 && (z[i+nKeep-1]==' ' || z[i+nKeep-1]=='\t'
                         || z[i+nKeep-1]=='\r') ) nKeep--;
      if( nPara==0 ) iParaLine = iLine;
      else zPara[nPara++] = '\n';
      memcpy(zPara+nPara, z+i, nKeep);
      nPara += nKeep;
    }
    i += nLine + (zEol ? 1 : 0);
  }
  if( nPara>0 && !p->bStop ){
    doParagraph(p, L, zPath, zStage, ++iPara, zPara, (int)nPara, iParaLine);
  }else if( iPara==0 && !p->bStop ){
    addErrorF(p, KIOSK_ELESSON, "EMPTY", zPath, 0, 0,
              "empty lesson: no paragraph%s", "");
  }

done:
  free(zPara);
  free(z);
  free(zPath);
}

static int prepare(Load *p, const char *zSql, sqlite3_stmt **ppStmt){
  if( sqlite3_prepare_v2(p->db, zSql, -1, ppStmt, 0)!=SQLITE_OK ){
    dbFail(p, "cannot prepare");
    return 1;
  }
  return 0;
}

static void loadLessons(Load *p){
  Lessons L;
  char **az = 0;
  int n = 0, i;
  char *zLessonDir = joinPath(p->zDir, "lessons");
  memset(&L, 0, sizeof(L));
  if( zLessonDir==0 || listFiles(zLessonDir, ".txt", &az, &n) ){
    p->bStop = 1;
    goto done;
  }
  if( prepare(p, "SELECT 1 FROM stages WHERE id=?1", &L.pStage)
   || prepare(p, "SELECT 1 FROM facts WHERE id=?1", &L.pFact)
   || prepare(p, "SELECT id FROM sources WHERE num=?1", &L.pNote)
   || prepare(p, "SELECT 1 FROM glossary WHERE id=?1", &L.pTerm)
   || prepare(p, "INSERT INTO lessons(stage, para, text) VALUES(?1,?2,?3)",
              &L.pInsLesson)
   || prepare(p, "INSERT INTO lesson_refs(stage, para, kind, target)"
                 " VALUES(?1,?2,?3,?4)", &L.pInsRef) ){
    goto done;
  }
  for(i=0; i<n && !p->bStop; i++){
    loadLesson(p, &L, zLessonDir, az[i]);
  }
  addCount(p, "lessons", L.nPara);
  addCount(p, "lesson_refs", L.nRef);

  /* Every stage has its lesson. */
  if( !p->bStop && !(p->mFailed & (1u<<tableIndex("stages"))) ){
    sqlite3_stmt *pStmt = 0;
    if( prepare(p, "SELECT id FROM stages WHERE id NOT IN"
                   " (SELECT stage FROM lessons) ORDER BY ord", &pStmt) ){
      goto done;
    }
    while( !p->bStop && sqlite3_step(pStmt)==SQLITE_ROW ){
      const char *zId = (const char *)sqlite3_column_text(pStmt, 0);
      char zFile[300];
      char *zPath;
      int j, bHasFile = 0;
      snprintf(zFile, sizeof(zFile), "%s.txt", zId);
      for(j=0; j<n; j++){
        if( strcmp(az[j], zFile)==0 ) bHasFile = 1;
      }
      /* A lesson file that failed already has its error. */
      if( bHasFile ) continue;
      zPath = joinPath(zLessonDir, zFile);
      addErrorF(p, KIOSK_ECOURSE, "MISSING", zPath ? zPath : zFile, 0, 0,
                "missing lesson for stage \"%s\"", zId);
      free(zPath);
    }
    sqlite3_finalize(pStmt);
  }

done:
  sqlite3_finalize(L.pStage);
  sqlite3_finalize(L.pFact);
  sqlite3_finalize(L.pNote);
  sqlite3_finalize(L.pTerm);
  sqlite3_finalize(L.pInsLesson);
  sqlite3_finalize(L.pInsRef);
  freeList(az, n);
  free(zLessonDir);
}

/* ----------------------------------------------------------------------
** The whole load
*/

static void writeMeta(Load *p){
  sqlite3_stmt *pStmt = 0;
  char zReal[PATH_MAX];
  realDir(p->zDir, zReal);
  if( prepare(p, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
              &pStmt) ) return;
  sqlite3_bind_text(pStmt, 1, "course_dir", -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zReal, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)!=SQLITE_DONE ) dbFail(p, "cannot write meta");
  sqlite3_reset(pStmt);
  sqlite3_bind_text(pStmt, 1, "fingerprint", -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, p->pRep->zFingerprint, -1, SQLITE_STATIC);
  if( !p->bStop && sqlite3_step(pStmt)!=SQLITE_DONE ){
    dbFail(p, "cannot write meta");
  }
  sqlite3_finalize(pStmt);
}

int kioskCourseLoad(sqlite3 *db, const char *zDir, int flags, int nLimit,
                    KioskCourseReport *pRep, KioskError *pErr){
  KioskCourseReport rep;
  KioskError err;
  Load L;
  int i, rc;
  int bSavepoint = 0;

  memset(&rep, 0, sizeof(rep));
  memset(&L, 0, sizeof(L));
  L.db = db;
  L.zDir = zDir;
  L.nLimit = nLimit<1 ? 1 : nLimit;
  L.pRep = &rep;

  kioskErrorClear(&err);
  if( kioskCourseFingerprint(zDir, rep.zFingerprint, &err) ){
    addError(&L, &err);
    goto done;
  }
  if( sqlite3_exec(db, "SAVEPOINT kiosk_course", 0, 0, 0)!=SQLITE_OK ){
    dbFail(&L, "cannot open a savepoint");
    goto done;
  }
  bSavepoint = 1;
  /* The loader's lookups report broken references with a position; SQLite
  ** checks the rest at the end. Reset at the end of the transaction. */
  sqlite3_exec(db, "PRAGMA defer_foreign_keys = ON", 0, 0, 0);
  if( sqlite3_exec(db,
        "DELETE FROM lesson_refs; DELETE FROM lessons; DELETE FROM claims;"
        "DELETE FROM glossary;"
        "DELETE FROM aliases; DELETE FROM fact_countries;"
        "DELETE FROM initiatives; DELETE FROM figures; DELETE FROM events;"
        "DELETE FROM organizations; DELETE FROM places; DELETE FROM people;"
        "DELETE FROM stages; DELETE FROM countries; DELETE FROM sources;"
        "DELETE FROM course; DELETE FROM meta;", 0, 0, 0)!=SQLITE_OK ){
    dbFail(&L, "cannot clear the previous course");
    goto done;
  }
  for(i=0; azTable[i] && !L.bStop; i++){
    loadTable(&L, i);
  }
  if( !L.bStop ) checkStrayCsv(&L);
  if( !L.bStop ) loadLessons(&L);
  if( !L.bStop && rep.nErr==0 ) writeMeta(&L);

done:
  if( L.bStop && rep.nErr==0 ){
    L.bStop = 0;
    addErrorF(&L, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory%s", "");
  }
  if( bSavepoint ){
    if( rep.nErr==0 && !(flags & KIOSK_COURSE_CHECK) ){
      if( sqlite3_exec(db, "RELEASE kiosk_course", 0, 0, 0)!=SQLITE_OK ){
        dbFail(&L, "cannot commit the course");
      }else{
        bSavepoint = 0;
      }
    }
    if( bSavepoint ){
      sqlite3_exec(db, "ROLLBACK TO kiosk_course; RELEASE kiosk_course",
                   0, 0, 0);
    }
  }
  rc = rep.nErr ? (int)rep.aErr[0].eClass : 0;
  if( rc && pErr ) *pErr = rep.aErr[0];
  if( pRep ){
    *pRep = rep;
  }else{
    kioskCourseReportFree(&rep);
  }
  return rc;
}

void kioskCourseReportFree(KioskCourseReport *pRep){
  if( pRep==0 ) return;
  free(pRep->aErr);
  pRep->aErr = 0;
  pRep->nErr = 0;
}
