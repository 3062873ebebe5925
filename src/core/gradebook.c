/*
** gradebook.c: roster import and grade export (see gradebook.h).
**
** The roster is read in full and checked before anything is written; the
** writes then run in one transaction on the records connection, rolled
** back on any failure, so a failed import leaves records.db as it was.
** Records are reached through records.h only (students, settings,
** attempts); the transaction is the connection's.
*/
#include "gradebook.h"
#include "question.h"
#include "itemstats.h"

#include <csv.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROSTER_MAX 5000            /* students in one roster file */

/* ========================================================================
** Reading the roster
*/

typedef struct Field {
  char *z;                  /* the value (owned), NULL for an empty field */
  int iLine, iCol;          /* where it starts */
} Field;

typedef struct Row {
  int iLine;
  int nField;
  Field aField[8];          /* more than 8 fields: an error */
  int nExtra;
} Row;

typedef struct Roster {
  const char *zFile;
  KioskErrList *pErrs;
  struct csv_parser csv;
  /* where the fields of the record being parsed start */
  int iLine;                /* the physical line being fed */
  int aStartLine[64], aStartCol[64];
  int nStart;
  int bInQuote;
  Row cur;
  int nRow, nRowAlloc;
  Row *aRow;                /* data rows (the header is aRow[0]) */
  int bNoMem;
} Roster;

static void rerr(Roster *r, const char *zCode, int iLine, int iCol,
                 const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 5, 6)))
#endif
  ;
static void rerr(Roster *r, const char *zCode, int iLine, int iCol,
                 const char *zFmt, ...){
  char zMsg[512];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  va_end(ap);
  kioskErrListAdd(r->pErrs, KIOSK_ECSV, zCode, r->zFile, iLine, iCol, "%s",
                  zMsg);
}

static void onField(void *pField, size_t n, void *pArg){
  Roster *r = (Roster *)pArg;
  int i = r->cur.nField;
  if( i>=(int)(sizeof(r->cur.aField)/sizeof(r->cur.aField[0])) ){
    r->cur.nExtra++;
    return;
  }
  r->cur.aField[i].z = pField ? sqlite3_mprintf("%.*s", (int)n,
                                                (const char *)pField) : 0;
  if( pField && r->cur.aField[i].z==0 ) r->bNoMem = 1;
  r->cur.aField[i].iLine = i<r->nStart ? r->aStartLine[i] : r->iLine;
  r->cur.aField[i].iCol = i<r->nStart ? r->aStartCol[i] : 1;
  r->cur.nField++;
}

static void onRecord(int c, void *pArg){
  Roster *r = (Roster *)pArg;
  (void)c;
  if( r->nRow>=r->nRowAlloc ){
    int nNew = r->nRowAlloc ? 2*r->nRowAlloc : 32;
    Row *aNew = sqlite3_realloc64(r->aRow, sizeof(Row)*(size_t)nNew);
    if( aNew==0 ){ r->bNoMem = 1; return; }
    r->aRow = aNew;
    r->nRowAlloc = nNew;
  }
  r->cur.iLine = r->nStart ? r->aStartLine[0] : r->iLine;
  r->aRow[r->nRow++] = r->cur;
  memset(&r->cur, 0, sizeof(r->cur));
  r->nStart = 0;
}

/* Note where each field of the line z[0..n) starts (quote-aware, across
** lines inside a quoted field), as libcsv will split it. */
static void scanLine(Roster *r, const char *z, int n){
  int i, iCol = 1, bFieldStart = !r->bInQuote;
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( bFieldStart && r->nStart<64 ){
      r->aStartLine[r->nStart] = r->iLine;
      r->aStartCol[r->nStart] = iCol;
      r->nStart++;
      bFieldStart = 0;
    }
    if( c=='"' ) r->bInQuote = !r->bInQuote;
    else if( c==',' && !r->bInQuote ) bFieldStart = 1;
    if( (c & 0xC0)!=0x80 ) iCol++;
  }
}

static void rowFree(Row *p){
  int i;
  for(i=0; i<p->nField; i++) sqlite3_free(p->aField[i].z);
}

/* Trim white space at both ends of z, in place. */
static void trim(char *z){
  size_t n, i = 0;
  if( z==0 ) return;
  n = strlen(z);
  while( i<n && isspace((unsigned char)z[i]) ) i++;
  while( n>i && isspace((unsigned char)z[n-1]) ) n--;
  memmove(z, z+i, n-i);
  z[n-i] = 0;
}

/* 1 for a plausible email address: one @, something before it, a dot in
** the domain after it, no spaces or control characters. */
static int emailOk(const char *z){
  const char *zAt = strchr(z, '@'), *s;
  if( zAt==0 || zAt==z || strchr(zAt+1, '@') ) return 0;
  if( strchr(zAt+1, '.')==0 || zAt[1]=='.' || z[strlen(z)-1]=='.' ) return 0;
  for(s=z; *s; s++){
    if( (unsigned char)*s<=0x20 || *s==0x7F ) return 0;
  }
  return strlen(z)<=254;
}

/* 1 when z has a control character (tab included). */
static int hasControl(const char *z){
  for(; *z; z++) if( (unsigned char)*z<0x20 || *z==0x7F ) return 1;
  return 0;
}

static int sameCase(const char *a, const char *b){
  return sqlite3_stricmp(a, b)==0;
}

/* Rows of the student listing: id name. */
typedef struct StuList {
  int n, nAlloc;
  sqlite3_int64 *aId;
  char **azName;
  int bNoMem;
} StuList;

static int onStudent(void *pArg, sqlite3_stmt *pStmt){
  StuList *l = (StuList *)pArg;
  const char *zName = (const char *)sqlite3_column_text(pStmt, 1);
  if( l->n>=l->nAlloc ){
    int nNew = l->nAlloc ? 2*l->nAlloc : 32;
    sqlite3_int64 *aId = sqlite3_realloc64(l->aId, sizeof(*aId)*(size_t)nNew);
    char **az;
    if( aId==0 ){ l->bNoMem = 1; return 1; }
    l->aId = aId;
    az = sqlite3_realloc64(l->azName, sizeof(char *)*(size_t)nNew);
    if( az==0 ){ l->bNoMem = 1; return 1; }
    l->azName = az;
    l->nAlloc = nNew;
  }
  l->aId[l->n] = sqlite3_column_int64(pStmt, 0);
  l->azName[l->n] = kioskStrDup(zName ? zName : "");
  if( l->azName[l->n]==0 ){ l->bNoMem = 1; return 1; }
  l->n++;
  return 0;
}

static void stuListFree(StuList *l){
  int i;
  for(i=0; i<l->n; i++) sqlite3_free(l->azName[i]);
  sqlite3_free(l->azName);
  sqlite3_free(l->aId);
  memset(l, 0, sizeof(*l));
}

static int setExtra(KioskRecords *pRec, sqlite3_int64 iId, const char *zWhat,
                    const char *zVal, KioskError *pErr){
  char zKey[64];
  snprintf(zKey, sizeof(zKey), "roster.%lld.%s", (long long)iId, zWhat);
  return kioskRecordsSettingSet(pRec, zKey, zVal ? zVal : "", pErr);
}

int kioskRosterImport(KioskRecords *pRec, const char *zFile, const char *z,
                      int n, long long iNow, int *pnAdded, int *pnUpdated,
                      KioskErrList *pErrs){
  Roster r;
  int iErr0 = kioskErrListCount(pErrs), iFirst = pErrs->nErr, i, k, rc = 0;
  int iName = -1, iIdNum = -1, iEmail = -1, nCol = 0;
  int bCsv = 0, off = 0;
  StuList stu;
  KioskError err;
  sqlite3 *db = kioskRecordsDb(pRec);

  memset(&r, 0, sizeof(r));
  memset(&stu, 0, sizeof(stu));
  kioskErrorClear(&err);
  *pnAdded = *pnUpdated = 0;
  r.zFile = zFile;
  r.pErrs = pErrs;

  /* text: UTF-8, no NUL */
  {
    KioskSrc src;
    if( kioskSrcInit(&src, zFile, z, n) ){ r.bNoMem = 1; goto done; }
    kioskSrcCheckText(&src, 0, n, KIOSK_ECSV, pErrs);
    kioskSrcFree(&src);
    if( kioskErrListCount(pErrs)>iErr0 ){ rc = KIOSK_ECSV; goto done; }
  }
  if( n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ) off = 3;
  if( csv_init(&r.csv, CSV_STRICT|CSV_STRICT_FINI|CSV_APPEND_NULL
                       |CSV_EMPTY_IS_NULL) ){
    r.bNoMem = 1;
    goto done;
  }
  bCsv = 1;
  while( off<n ){
    int e = off;
    size_t nDone;
    while( e<n && z[e]!='\n' ) e++;
    if( e<n ) e++;
    r.iLine++;
    scanLine(&r, z+off, e-off);
    nDone = csv_parse(&r.csv, z+off, (size_t)(e-off), onField, onRecord, &r);
    if( nDone<(size_t)(e-off) || csv_error(&r.csv)!=CSV_SUCCESS ){
      int iCol = 1, j;
      for(j=0; j<(int)nDone; j++){
        if( (((unsigned char)z[off+j]) & 0xC0)!=0x80 ) iCol++;
      }
      rerr(&r, "QUOTE", r.iLine, iCol, "a quote inside a field must be "
           "doubled, and a quoted field closed");
      rc = KIOSK_ECSV;
      break;       /* the rows before it are still checked */
    }
    if( r.bNoMem ) goto done;
    off = e;
  }
  if( rc==0 && csv_fini(&r.csv, onField, onRecord, &r)!=0 ){
    rerr(&r, "QUOTE", r.iLine, 1, "a quoted field is not closed at the end "
         "of the file");
    rc = KIOSK_ECSV;
    goto done;
  }
  if( r.bNoMem ) goto done;
  if( r.nRow<2 && rc==0 ){
    rerr(&r, "EMPTY", 1, 1, r.nRow==0 ? "the roster is empty: a header row "
         "(name, id number, email) then one row per student"
         : "the roster has a header but no students");
    rc = KIOSK_ECSV;
    goto done;
  }
  if( r.nRow-1>ROSTER_MAX ){
    rerr(&r, "EMPTY", r.aRow[ROSTER_MAX+1].iLine, 1, "more than %d students "
         "in one roster", ROSTER_MAX);
    rc = KIOSK_ECSV;
    goto done;
  }

  if( r.nRow==0 ) goto done;     /* a syntax error on the header line */
  /* the header */
  {
    Row *h = &r.aRow[0];
    int iHead = kioskErrListCount(pErrs);
    nCol = h->nField;
    for(k=0; k<h->nField; k++){
      char *zH = h->aField[k].z;
      int *pi = 0;
      trim(zH);
      if( zH && (sameCase(zH, "name") || sameCase(zH, "full name")) ){
        pi = &iName;
      }else if( zH && (sameCase(zH, "id number") || sameCase(zH, "idnumber")
                       || sameCase(zH, "id")) ){
        pi = &iIdNum;
      }else if( zH && (sameCase(zH, "email") || sameCase(zH, "email address")
                       || sameCase(zH, "e-mail")) ){
        pi = &iEmail;
      }else{
        rerr(&r, "HEADER", h->aField[k].iLine, h->aField[k].iCol, "unknown "
             "column \"%s\": the roster's columns are name, id number and "
             "email", zH ? zH : "");
        continue;
      }
      if( *pi>=0 ){
        rerr(&r, "HEADER", h->aField[k].iLine, h->aField[k].iCol, "column "
             "\"%s\" given twice", zH);
      }
      *pi = k;
    }
    if( h->nExtra ){
      rerr(&r, "HEADER", h->iLine, 1, "too many columns");
    }
    if( iName<0 && kioskErrListCount(pErrs)==iHead ){
      rerr(&r, "HEADER", h->iLine, 1, "no \"name\" column: the header row "
           "names the columns (name, id number, email)");
    }
    if( kioskErrListCount(pErrs)>iHead ){ rc = KIOSK_ECSV; goto done; }
  }

  /* every row, every field: all the errors, before anything is written */
  for(i=1; i<r.nRow; i++){
    Row *w = &r.aRow[i];
    int j;
    if( w->nField==1 && w->aField[0].z==0 ) continue;     /* a blank line */
    if( w->nField!=nCol || w->nExtra ){
      rerr(&r, "FIELDS", w->iLine, w->nField>nCol && nCol<w->nField
           ? w->aField[nCol].iCol : 1, "%d field%s, expected %d", w->nField
           +w->nExtra, w->nField+w->nExtra==1 ? "" : "s", nCol);
      continue;
    }
    for(k=0; k<w->nField; k++) trim(w->aField[k].z);
    {
      Field *f = &w->aField[iName];
      int nChar = 0;
      const char *s;
      for(s=f->z ? f->z : ""; *s; s++) if( ((*s)&0xC0)!=0x80 ) nChar++;
      if( f->z==0 || f->z[0]==0 ){
        rerr(&r, "NAME", f->iLine, f->iCol, "no name");
      }else if( nChar>64 || hasControl(f->z) ){
        rerr(&r, "NAME", f->iLine, f->iCol, "a name is 1 to 64 characters "
             "without control characters");
      }else{
        for(j=1; j<i; j++){
          Row *o = &r.aRow[j];
          if( o->nField==nCol && o->aField[iName].z
           && sameCase(o->aField[iName].z, f->z) ){
            rerr(&r, "DUPLICATE", f->iLine, f->iCol, "\"%s\" is already on "
                 "line %d", f->z, o->iLine);
            break;
          }
        }
      }
    }
    if( iEmail>=0 ){
      Field *f = &w->aField[iEmail];
      if( f->z && f->z[0] && !emailOk(f->z) ){
        rerr(&r, "EMAIL", f->iLine, f->iCol, "\"%s\" is not an email "
             "address", f->z);
      }
    }
    if( iIdNum>=0 ){
      Field *f = &w->aField[iIdNum];
      if( f->z && (strlen(f->z)>100 || hasControl(f->z)) ){
        rerr(&r, "IDNUMBER", f->iLine, f->iCol, "an id number is at most 100 "
             "characters, without control characters");
      }
      for(j=1; f->z && f->z[0] && j<i; j++){
        Row *o = &r.aRow[j];
        if( o->nField==nCol && o->aField[iIdNum].z
         && strcmp(o->aField[iIdNum].z, f->z)==0 ){
          rerr(&r, "DUPLICATE", f->iLine, f->iCol, "id number \"%s\" is "
               "already on line %d", f->z, o->iLine);
          break;
        }
      }
    }
  }
  if( kioskErrListCount(pErrs)>iErr0 ){ rc = KIOSK_ECSV; goto done; }

  /* write it all, or nothing */
  rc = kioskRecordsStudents(pRec, 0, onStudent, &stu, &err);
  if( rc==0 && stu.bNoMem ) r.bNoMem = 1;
  if( rc || r.bNoMem ) goto dberr;
  if( sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0)!=SQLITE_OK ){
    rc = kioskErrorSet(&err, KIOSK_EDB, "BUSY", 0, 0, 0, "%s",
                       sqlite3_errmsg(db));
    goto dberr;
  }
  for(i=1; i<r.nRow && rc==0; i++){
    Row *w = &r.aRow[i];
    sqlite3_int64 iId = 0;
    int j, bNew = 1;
    if( w->nField==1 && w->aField[0].z==0 ) continue;
    for(j=0; j<stu.n; j++){
      if( sameCase(stu.azName[j], w->aField[iName].z) ){
        iId = stu.aId[j];
        bNew = 0;
        break;
      }
    }
    if( bNew ){
      rc = kioskRecordsStudentAdd(pRec, w->aField[iName].z, iNow, &iId, &err);
      if( rc ){
        err.iLine = w->aField[iName].iLine;
        err.iCol = w->aField[iName].iCol;
        snprintf(err.zFile, sizeof(err.zFile), "%s", zFile);
      }
    }
    if( rc==0 && iIdNum>=0 ){
      rc = setExtra(pRec, iId, "idnumber", w->aField[iIdNum].z, &err);
    }
    if( rc==0 && iEmail>=0 ){
      rc = setExtra(pRec, iId, "email", w->aField[iEmail].z, &err);
    }
    if( rc==0 ){
      if( bNew ) (*pnAdded)++; else (*pnUpdated)++;
    }
  }
  if( rc==0 && sqlite3_exec(db, "COMMIT", 0, 0, 0)!=SQLITE_OK ){
    rc = kioskErrorSet(&err, KIOSK_EDB, "COMMIT", 0, 0, 0, "%s",
                       sqlite3_errmsg(db));
  }
  if( rc ){
    sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
    *pnAdded = *pnUpdated = 0;
    goto dberr;
  }
  goto done;

dberr:
  if( r.bNoMem ){
    kioskErrListAdd(pErrs, KIOSK_ENOMEM, "NOMEM", zFile, 0, 0,
                    "out of memory");
    rc = KIOSK_ENOMEM;
  }else{
    kioskErrListAppend(pErrs, &err);
  }
done:
  {
    /* errors in file order (a syntax error is found before the rows
    ** above it are checked) */
    int a, b;
    for(a=iFirst+1; a<pErrs->nErr; a++){
      KioskError t = pErrs->aErr[a];
      for(b=a; b>iFirst && (pErrs->aErr[b-1].iLine>t.iLine
           || (pErrs->aErr[b-1].iLine==t.iLine
               && pErrs->aErr[b-1].iCol>t.iCol)); b--){
        pErrs->aErr[b] = pErrs->aErr[b-1];
      }
      pErrs->aErr[b] = t;
    }
  }
  if( r.bNoMem && rc==0 ){
    kioskErrListAdd(pErrs, KIOSK_ENOMEM, "NOMEM", zFile, 0, 0,
                    "out of memory");
    rc = KIOSK_ENOMEM;
  }
  if( bCsv ) csv_free(&r.csv);
  rowFree(&r.cur);
  for(i=0; i<r.nRow; i++) rowFree(&r.aRow[i]);
  sqlite3_free(r.aRow);
  stuListFree(&stu);
  return rc;
}

/* ========================================================================
** Reading the roster back, and the grades
*/

typedef struct OneVal { char *z; } OneVal;

/* A roster setting, NULL when it was never set. */
static int getExtra(KioskRecords *pRec, sqlite3_int64 iStudent,
                    const char *zWhat, char **pz, KioskError *pErr){
  char zKey[64];
  KioskError e;
  int rc;
  snprintf(zKey, sizeof(zKey), "roster.%lld.%s", (long long)iStudent, zWhat);
  kioskErrorClear(&e);
  rc = kioskRecordsSettingGet(pRec, zKey, pz, &e);
  if( rc && strcmp(e.zCode, "NOSETTING")==0 ){
    *pz = 0;
    return 0;
  }
  if( rc ) *pErr = e;
  return rc;
}

int kioskRosterGet(KioskRecords *pRec, sqlite3_int64 iStudent,
                   char **pzIdNumber, char **pzEmail, KioskError *pErr){
  int rc;
  *pzIdNumber = *pzEmail = 0;
  rc = getExtra(pRec, iStudent, "idnumber", pzIdNumber, pErr);
  if( rc ) return rc;
  rc = getExtra(pRec, iStudent, "email", pzEmail, pErr);
  if( rc ){
    sqlite3_free(*pzIdNumber);
    *pzIdNumber = 0;
    return rc;
  }
  if( *pzIdNumber==0 ) *pzIdNumber = kioskStrDup("");
  if( *pzEmail==0 ) *pzEmail = kioskStrDup("");
  if( *pzIdNumber==0 || *pzEmail==0 ){
    sqlite3_free(*pzIdNumber);
    sqlite3_free(*pzEmail);
    *pzIdNumber = *pzEmail = 0;
    return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                         "out of memory");
  }
  return 0;
}

/* One finished pack attempt, as the summary needs it. */
typedef struct Score {
  sqlite3_int64 iStudent;
  int iPack;                 /* index into azPack */
  double rPercent;
  char zFinished[32];        /* ISO UTC */
} Score;

typedef struct Grades {
  int nScore, nScoreAlloc;
  Score *aScore;
  int nPack;
  char *azPack[256];
  char *azTitle[256];        /* installed packs' titles, else NULL */
  int bNoMem;
} Grades;

/* Pack rows (id title ...): the title of each pack seen. */
static int onPack(void *pArg, sqlite3_stmt *pStmt){
  Grades *g = (Grades *)pArg;
  const char *zId = (const char *)sqlite3_column_text(pStmt, 0);
  const char *zTitle = (const char *)sqlite3_column_text(pStmt, 1);
  int k;
  for(k=0; zId && zTitle && k<g->nPack; k++){
    if( strcmp(g->azPack[k], zId)==0 && g->azTitle[k]==0 ){
      g->azTitle[k] = kioskStrDup(zTitle);
    }
  }
  return 0;
}

static int colOf(sqlite3_stmt *pStmt, const char *zName){
  int i, n = sqlite3_column_count(pStmt);
  for(i=0; i<n; i++){
    const char *z = sqlite3_column_name(pStmt, i);
    if( z && strcmp(z, zName)==0 ) return i;
  }
  return -1;
}

static int onScore(void *pArg, sqlite3_stmt *pStmt){
  Grades *g = (Grades *)pArg;
  int iStu = colOf(pStmt, "student"), iPack = colOf(pStmt, "pack");
  int iScore = colOf(pStmt, "score"), iMax = colOf(pStmt, "max");
  int iFin = colOf(pStmt, "finished"), k;
  const char *zPack, *zFin;
  Score *s;
  if( iStu<0 || iPack<0 || iScore<0 || iMax<0 || iFin<0 ) return 0;
  zPack = (const char *)sqlite3_column_text(pStmt, iPack);
  zFin = (const char *)sqlite3_column_text(pStmt, iFin);
  if( zPack==0 ) return 0;
  for(k=0; k<g->nPack && strcmp(g->azPack[k], zPack)!=0; k++){}
  if( k==g->nPack ){
    if( g->nPack>=(int)(sizeof(g->azPack)/sizeof(g->azPack[0])) ) return 0;
    g->azPack[k] = kioskStrDup(zPack);
    if( g->azPack[k]==0 ){ g->bNoMem = 1; return 1; }
    g->nPack++;
  }
  if( g->nScore>=g->nScoreAlloc ){
    int nNew = g->nScoreAlloc ? 2*g->nScoreAlloc : 64;
    Score *aNew = sqlite3_realloc64(g->aScore, sizeof(Score)*(size_t)nNew);
    if( aNew==0 ){ g->bNoMem = 1; return 1; }
    g->aScore = aNew;
    g->nScoreAlloc = nNew;
  }
  s = &g->aScore[g->nScore++];
  s->iStudent = sqlite3_column_int64(pStmt, iStu);
  s->iPack = k;
  s->rPercent = sqlite3_column_double(pStmt, iMax)>0
      ? 100.0*sqlite3_column_double(pStmt, iScore)
             /sqlite3_column_double(pStmt, iMax) : 0.0;
  snprintf(s->zFinished, sizeof(s->zFinished), "%s", zFin ? zFin : "");
  return 0;
}

/* "2024-03-05T09:12:44Z" as local time "2024-03-05 10:12" ("" if bad). */
static void localTime(const char *zIso, char *zOut, size_t nOut){
  struct tm tmUtc, tmLocal;
  time_t t;
  zOut[0] = 0;
  memset(&tmUtc, 0, sizeof(tmUtc));
  if( sscanf(zIso, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tmUtc.tm_year, &tmUtc.tm_mon,
             &tmUtc.tm_mday, &tmUtc.tm_hour, &tmUtc.tm_min,
             &tmUtc.tm_sec)!=6 ){
    return;
  }
  tmUtc.tm_year -= 1900;
  tmUtc.tm_mon -= 1;
  t = timegm(&tmUtc);
  if( localtime_r(&t, &tmLocal)==0 ) return;
  strftime(zOut, nOut, "%Y-%m-%d %H:%M", &tmLocal);
}

/* A CSV field, quoted when needed; text a spreadsheet would take for a
** formula gets a leading '. */
static void csvText(sqlite3_str *p, const char *z){
  int bQuote = strpbrk(z, ",\"\r\n")!=0;
  if( z[0]=='=' || z[0]=='+' || z[0]=='-' || z[0]=='@' || z[0]=='\t'
   || z[0]=='\r' ){
    sqlite3_str_appendchar(p, 1, '\'');
  }
  if( bQuote ) sqlite3_str_appendchar(p, 1, '"');
  for(; *z; z++){
    if( *z=='"' ) sqlite3_str_appendchar(p, 1, '"');
    sqlite3_str_appendchar(p, 1, *z);
  }
  if( bQuote ) sqlite3_str_appendchar(p, 1, '"');
}

int kioskGradesCsv(KioskRecords *pRec, FILE *out, int *pnRow,
                   KioskError *pErr){
  Grades g;
  StuList stu;
  KioskRecFilter f;
  sqlite3_str *s = sqlite3_str_new(0);
  char *zAll = 0;
  int rc, i, k, j;

  memset(&g, 0, sizeof(g));
  memset(&stu, 0, sizeof(stu));
  memset(&f, 0, sizeof(f));
  *pnRow = 0;
  f.zStatus = "finished";
  rc = kioskRecordsAttempts(pRec, &f, onScore, &g, pErr);
  if( rc==0 ) rc = kioskRecordsPacks(pRec, onPack, &g, pErr);
  if( rc==0 ) rc = kioskRecordsStudents(pRec, 0, onStudent, &stu, pErr);
  if( rc ) goto done;
  if( g.bNoMem || stu.bNoMem ) goto nomem;

  sqlite3_str_appendall(s, "Full name,ID number,Email address");
  for(k=0; k<g.nPack; k++){
    const char *zName = g.azTitle[k] ? g.azTitle[k] : g.azPack[k];
    char *zH = sqlite3_mprintf("%s best (%%)", zName);
    sqlite3_str_appendchar(s, 1, ',');
    if( zH ) csvText(s, zH);
    sqlite3_free(zH);
    zH = sqlite3_mprintf("%s last (%%)", zName);
    sqlite3_str_appendchar(s, 1, ',');
    if( zH ) csvText(s, zH);
    sqlite3_free(zH);
  }
  sqlite3_str_appendall(s, ",Last attempt (local time)\r\n");
  for(i=0; i<stu.n; i++){
    char *zIdNum = 0, *zEmail = 0;
    char zLast[32] = "", zLocal[64];
    rc = kioskRosterGet(pRec, stu.aId[i], &zIdNum, &zEmail, pErr);
    if( rc ) goto done;
    csvText(s, stu.azName[i]);
    sqlite3_str_appendchar(s, 1, ',');
    csvText(s, zIdNum);
    sqlite3_str_appendchar(s, 1, ',');
    csvText(s, zEmail);
    sqlite3_free(zIdNum);
    sqlite3_free(zEmail);
    for(k=0; k<g.nPack; k++){
      double rBest = -1, rLast = -1;
      char zLastPack[32] = "";
      for(j=0; j<g.nScore; j++){
        const Score *c = &g.aScore[j];
        if( c->iStudent!=stu.aId[i] || c->iPack!=k ) continue;
        if( c->rPercent>rBest ) rBest = c->rPercent;
        if( strcmp(c->zFinished, zLastPack)>=0 ){
          snprintf(zLastPack, sizeof(zLastPack), "%s", c->zFinished);
          rLast = c->rPercent;
        }
        if( strcmp(c->zFinished, zLast)>0 ){
          snprintf(zLast, sizeof(zLast), "%s", c->zFinished);
        }
      }
      if( rBest>=0 ) sqlite3_str_appendf(s, ",%.2f", rBest);
      else sqlite3_str_appendchar(s, 1, ',');
      if( rLast>=0 ) sqlite3_str_appendf(s, ",%.2f", rLast);
      else sqlite3_str_appendchar(s, 1, ',');
    }
    localTime(zLast, zLocal, sizeof(zLocal));
    sqlite3_str_appendf(s, ",%s\r\n", zLocal);
    (*pnRow)++;
  }
  if( sqlite3_str_errcode(s) ) goto nomem;
  zAll = sqlite3_str_finish(s);
  s = 0;
  if( zAll && fputs(zAll, out)==EOF ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "WRITE", 0, 0, 0,
                       "cannot write the grades");
  }
  goto done;

nomem:
  rc = kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
done:
  if( s ) sqlite3_free(sqlite3_str_finish(s));
  sqlite3_free(zAll);
  for(k=0; k<g.nPack; k++){
    sqlite3_free(g.azPack[k]);
    sqlite3_free(g.azTitle[k]);
  }
  sqlite3_free(g.aScore);
  stuListFree(&stu);
  return rc;
}

/* ========================================================================
** Essays
*/

typedef struct EssayAtt {
  sqlite3_int64 iId, iStudent;
  char *zName;
} EssayAtt;

typedef struct Essays {
  int nAtt, nAttAlloc;
  EssayAtt *aAtt;
  /* the attempt being read: its essay questions by index */
  int nQ;
  char *azQid[512];
  char *azPrompt[512];
  int iAtt;
  KioskEssayFn xRow;
  void *pArg;
  int rcUser;
  int bNoMem;
} Essays;

static int onEssayAttempt(void *pArg, sqlite3_stmt *pStmt){
  Essays *e = (Essays *)pArg;
  int iId = colOf(pStmt, "id"), iStu = colOf(pStmt, "student");
  int iName = colOf(pStmt, "name");
  const char *zName;
  if( iId<0 || iStu<0 || iName<0 ) return 0;
  if( e->nAtt>=e->nAttAlloc ){
    int nNew = e->nAttAlloc ? 2*e->nAttAlloc : 32;
    EssayAtt *aNew = sqlite3_realloc64(e->aAtt, sizeof(EssayAtt)*(size_t)nNew);
    if( aNew==0 ){ e->bNoMem = 1; return 1; }
    e->aAtt = aNew;
    e->nAttAlloc = nNew;
  }
  zName = (const char *)sqlite3_column_text(pStmt, iName);
  e->aAtt[e->nAtt].iId = sqlite3_column_int64(pStmt, iId);
  e->aAtt[e->nAtt].iStudent = sqlite3_column_int64(pStmt, iStu);
  e->aAtt[e->nAtt].zName = kioskStrDup(zName ? zName : "");
  if( e->aAtt[e->nAtt].zName==0 ){ e->bNoMem = 1; return 1; }
  e->nAtt++;
  return 0;
}


static int onEssayQuestion(void *pArg, sqlite3_stmt *pStmt){
  Essays *e = (Essays *)pArg;
  int iIdx = colOf(pStmt, "idx"), iBody = colOf(pStmt, "body");
  const char *zBody;
  char *zKind;
  int idx;
  if( iBody<0 ) iBody = colOf(pStmt, "question");
  if( iIdx<0 || iBody<0 ) return 0;
  idx = sqlite3_column_int(pStmt, iIdx);
  zBody = (const char *)sqlite3_column_text(pStmt, iBody);
  if( idx<0 || idx>=512 || zBody==0 ) return 0;
  zKind = kioskItemBodyValue(zBody, "kind");
  if( zKind && strcmp(zKind, "essay")==0 ){
    e->azQid[idx] = kioskItemBodyValue(zBody, "id");
    e->azPrompt[idx] = kioskItemBodyValue(zBody, "prompt");
    if( idx>=e->nQ ) e->nQ = idx+1;
  }
  sqlite3_free(zKind);
  return 0;
}

static int onEssayAnswer(void *pArg, sqlite3_stmt *pStmt){
  Essays *e = (Essays *)pArg;
  int iIdx = colOf(pStmt, "index"), iAns = colOf(pStmt, "answer");
  int iWhen = colOf(pStmt, "answered"), idx;
  const EssayAtt *a = &e->aAtt[e->iAtt];
  if( iIdx<0 || iAns<0 ) return 0;
  idx = sqlite3_column_int(pStmt, iIdx);
  if( idx<0 || idx>=e->nQ || e->azQid[idx]==0 ) return 0;
  e->rcUser = e->xRow(e->pArg, a->iStudent, a->zName, e->azQid[idx],
                      e->azPrompt[idx] ? e->azPrompt[idx] : "",
                      (const char *)sqlite3_column_text(pStmt, iAns),
                      iWhen>=0 ? (const char *)sqlite3_column_text(pStmt, iWhen)
                               : "");
  return e->rcUser;
}

int kioskEssays(KioskRecords *pRec, const char *zPack, KioskEssayFn xRow,
                void *pArg, KioskError *pErr){
  Essays e;
  KioskRecFilter f;
  int rc, a, i;
  memset(&e, 0, sizeof(e));
  memset(&f, 0, sizeof(f));
  e.xRow = xRow;
  e.pArg = pArg;
  f.zPack = zPack;
  rc = kioskRecordsAttempts(pRec, &f, onEssayAttempt, &e, pErr);
  if( rc==0 && e.bNoMem ) goto nomem;
  for(a=0; rc==0 && a<e.nAtt; a++){
    e.iAtt = a;
    for(i=0; i<e.nQ; i++){
      sqlite3_free(e.azQid[i]);
      sqlite3_free(e.azPrompt[i]);
      e.azQid[i] = e.azPrompt[i] = 0;
    }
    e.nQ = 0;
    rc = kioskRecordsAttemptQuestions(pRec, e.aAtt[a].iId, onEssayQuestion,
                                      &e, pErr);
    if( rc==0 && e.nQ>0 ){
      rc = kioskRecordsAttemptAnswers(pRec, e.aAtt[a].iId, onEssayAnswer, &e,
                                      pErr);
    }
  }
  goto done;
nomem:
  rc = kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
done:
  for(i=0; i<e.nQ; i++){
    sqlite3_free(e.azQid[i]);
    sqlite3_free(e.azPrompt[i]);
  }
  for(a=0; a<e.nAtt; a++) sqlite3_free(e.aAtt[a].zName);
  sqlite3_free(e.aAtt);
  return rc;
}
