/*
** csvload.c: the streaming, validating CSV loader. See csvload.h.
**
** How a byte travels: kioskCsvFeed cuts the input into physical lines
** (keeping a partial line in zLine until its '\n' arrives). Each line is
** first scanned here (UTF-8, NUL, bare CR, blank lines, and where every
** field starts, tracking the quote state across lines), then parsed by
** libcsv. libcsv's field callback copies the field into a per-record arena;
** its record callback checks and binds the record and steps the INSERT.
** Knowing where each field started is what lets every error name its
** line and column, even for a record that spans lines.
**
** Not here: which tables a course has (course.c), and any SQL built from
** data: values are always bound, identifiers quoted with %w.
*/
#include "csvload.h"
#include "kdate.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOAD_BLOCK 65536
#define SAVEPOINT_NAME "kiosk_csv"

/* Declared types the loader checks. */
enum ColType { CT_ANY = 0, CT_INTEGER, CT_REAL, CT_TEXT, CT_KDATE };

/* One column of the target table. */
typedef struct Col {
  char *zName;
  int eType;
  int bNotNull;
  int iHidden;            /* table_xinfo.hidden: 2, 3 generated */
  sqlite3_value *pDflt;   /* default of a NOT NULL column, else NULL */
  int iField;             /* its field in the CSV, -1 if absent */
} Col;

/* One foreign key: child columns (table column indexes) -> parent. */
typedef struct Fkey {
  char *zParent;
  int nCol;
  int *aiCol;             /* table column index of each child column */
  sqlite3_stmt *pLookup;  /* SELECT 1 FROM parent WHERE ...; NULL: skipped */
  char *zParentCol;       /* kioskCsvCheckRef: the parent column, else NULL */
  int bMustExist;         /* 1: a row must match; 0: none may */
} Fkey;

/* Where a field starts. */
typedef struct Pos { int iLine, iCol; } Pos;

/* One field of the current record, in the arena. */
typedef struct Val { size_t off; size_t n; int bNull; } Val;

struct KioskCsvLoader {
  sqlite3 *db;
  char *zTable;
  char *zFile;
  KioskError *pErr;
  KioskError errLocal;    /* used when the caller gave no report */
  int rcErr;              /* latched error class, 0 if none */
  int bSavepoint;         /* the savepoint is open */
  int bDone;              /* finished and released */

  struct csv_parser csv;
  int bCsv;               /* csv initialised */

  /* The table. */
  int nTabCol;
  Col *aTabCol;
  int nFkey;
  Fkey *aFkey;
  int nSkip;
  char **azSkip;

  /* The header: field i loads table column aiFieldCol[i]. */
  int bHeader;            /* header seen */
  int nCol;               /* fields per record */
  int *aiFieldCol;
  sqlite3_stmt *pInsert;

  /* The line being assembled from fed chunks. */
  char *zLine;
  size_t nLine, nLineAlloc;

  /* Scanner state, carried across lines. */
  int iLine;              /* physical line number of the current line */
  int bInQuote;
  Pos quotePos;           /* where the open quote is */
  int iEndCol;            /* column of the current line's terminator */
  Pos *aPos;              /* start of each field of the current record */
  int nPos, nPosAlloc;

  /* The current record. */
  char *zArena;
  size_t nArena, nArenaAlloc;
  Val *aVal;
  int nVal, nValAlloc;
  int nField;             /* fields seen in the current record */

  sqlite3_int64 nRow;
};

/* ----------------------------------------------------------------------
** Errors
*/

/* Record the first error only. Returns the latched class. */
static int loadError(KioskCsvLoader *p, KioskErrClass e, const char *zCode,
                     int iLine, int iCol, const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 6, 7)))
#endif
  ;
static int loadError(KioskCsvLoader *p, KioskErrClass e, const char *zCode,
                     int iLine, int iCol, const char *zFmt, ...){
  char zMsg[sizeof(p->pErr->zMsg)];
  va_list ap;
  if( p->rcErr ) return p->rcErr;
  va_start(ap, zFmt);
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  va_end(ap);
  kioskErrorSet(p->pErr, e, zCode, p->zFile, iLine, iCol, "%s", zMsg);
  p->rcErr = (int)e;
  return p->rcErr;
}

static int noMem(KioskCsvLoader *p){
  return loadError(p, KIOSK_ENOMEM, "NOMEM", 0, 0, "out of memory");
}

static int dbError(KioskCsvLoader *p, const char *zWhat){
  return loadError(p, KIOSK_EDB, "SQLITE", 0, 0, "%s: %s", zWhat,
                   sqlite3_errmsg(p->db));
}

/* A value as quoted in a message: at most 40 bytes (not cutting a UTF-8
** character), control characters shown as '?'. */
static void showValue(const char *z, size_t n, char *zOut, size_t nOut){
  size_t i, k = 0, nMax = 40;
  if( nOut<nMax+4 ) nMax = nOut>4 ? nOut-4 : 0;
  for(i=0; i<n && k<nMax; i++){
    unsigned char c = (unsigned char)z[i];
    zOut[k++] = (c<0x20 || c==0x7f) ? '?' : (char)c;
  }
  if( i<n ){
    /* cut: back off to a character boundary, then mark the cut */
    while( k>0 && (((unsigned char)zOut[k-1]) & 0xC0)==0x80 ) k--;
    if( k>0 && ((unsigned char)zOut[k-1])>=0xC0 ) k--;
    zOut[k++] = '.'; zOut[k++] = '.'; zOut[k++] = '.';
  }
  zOut[k] = 0;
}

/* ----------------------------------------------------------------------
** Growable buffers
*/

static int grow(void **pa, size_t *pnAlloc, size_t nNeed, size_t szElem){
  size_t n = *pnAlloc ? *pnAlloc : 16;
  void *aNew;
  if( nNeed<=*pnAlloc ) return 0;
  while( n<nNeed ) n *= 2;
  aNew = realloc(*pa, n*szElem);
  if( aNew==0 ) return 1;
  *pa = aNew;
  *pnAlloc = n;
  return 0;
}

static int growInt(void **pa, int *pnAlloc, int nNeed, size_t szElem){
  size_t nAlloc = (size_t)*pnAlloc;
  int rc = grow(pa, &nAlloc, (size_t)nNeed, szElem);
  *pnAlloc = (int)nAlloc;
  return rc;
}

/* ----------------------------------------------------------------------
** Values
*/

/* Strict integer: optional '-', then 1-19 digits, within int64. */
static int parseInteger(const char *z, size_t n, sqlite3_int64 *piVal){
  size_t i = 0;
  int bNeg = 0;
  sqlite3_uint64 u = 0, uMax;
  if( n>0 && z[0]=='-' ){ bNeg = 1; i = 1; }
  if( i==n ) return 1;
  uMax = bNeg ? (sqlite3_uint64)1<<63 : ((sqlite3_uint64)1<<63)-1;
  for(; i<n; i++){
    unsigned d = (unsigned char)z[i] - '0';
    if( d>9 ) return 1;
    if( u>(uMax-d)/10 ) return 1;
    u = u*10 + d;
  }
  *piVal = bNeg ? (sqlite3_int64)(0-u) : (sqlite3_int64)u;
  return 0;
}

/* Strict decimal number: -?digits[.digits]([eE][+-]?digits)?, or with the
** digits only after the point (".5"). No spaces, hex, inf or nan. */
static int checkReal(const char *z, size_t n){
  size_t i = 0, nDigit = 0;
  if( i<n && z[i]=='-' ) i++;
  while( i<n && z[i]>='0' && z[i]<='9' ){ i++; nDigit++; }
  if( i<n && z[i]=='.' ){
    i++;
    while( i<n && z[i]>='0' && z[i]<='9' ){ i++; nDigit++; }
  }
  if( nDigit==0 ) return 1;
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    size_t nExp = 0;
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
    while( i<n && z[i]>='0' && z[i]<='9' ){ i++; nExp++; }
    if( nExp==0 ) return 1;
  }
  return i!=n;
}

static int colType(const char *zType){
  if( zType==0 ) return CT_ANY;
  if( sqlite3_stricmp(zType, "INTEGER")==0 ) return CT_INTEGER;
  if( sqlite3_stricmp(zType, "INT")==0 ) return CT_INTEGER;
  if( sqlite3_stricmp(zType, "REAL")==0 ) return CT_REAL;
  if( sqlite3_stricmp(zType, "TEXT")==0 ) return CT_TEXT;
  if( sqlite3_stricmp(zType, "KDATE")==0 ) return CT_KDATE;
  return CT_ANY;
}

/* ----------------------------------------------------------------------
** The table: columns, defaults and foreign keys
*/

static char *dupStr(const char *z){
  size_t n;
  char *zNew;
  if( z==0 ) return 0;
  n = strlen(z);
  zNew = malloc(n+1);
  if( zNew ) memcpy(zNew, z, n+1);
  return zNew;
}

/* The value of a column's DEFAULT expression (from our own schema, never
** from data). Returns 0 and sets *ppVal, or an error class. */
static int evalDefault(KioskCsvLoader *p, const char *zExpr,
                       sqlite3_value **ppVal){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT %s", zExpr);
  int rc;
  if( zSql==0 ) return noMem(p);
  rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, 0);
  sqlite3_free(zSql);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *ppVal = sqlite3_value_dup(sqlite3_column_value(pStmt, 0));
    sqlite3_finalize(pStmt);
    return *ppVal ? 0 : noMem(p);
  }
  dbError(p, "cannot evaluate a column default");
  sqlite3_finalize(pStmt);
  return p->rcErr;
}

static int readColumns(KioskCsvLoader *p){
  sqlite3_stmt *pStmt = 0;
  int rc;
  rc = sqlite3_prepare_v2(p->db,
      "SELECT name, type, \"notnull\", dflt_value, hidden"
      " FROM pragma_table_xinfo(?1)", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ) return dbError(p, "cannot read the table's columns");
  sqlite3_bind_text(pStmt, 1, p->zTable, -1, SQLITE_STATIC);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    Col *c;
    int nAlloc = p->nTabCol;
    void *a = p->aTabCol;
    if( growInt(&a, &nAlloc, p->nTabCol+1, sizeof(Col)) ){
      sqlite3_finalize(pStmt);
      return noMem(p);
    }
    p->aTabCol = a;
    c = &p->aTabCol[p->nTabCol++];
    memset(c, 0, sizeof(*c));
    c->iField = -1;
    c->zName = dupStr((const char *)sqlite3_column_text(pStmt, 0));
    c->eType = colType((const char *)sqlite3_column_text(pStmt, 1));
    c->bNotNull = sqlite3_column_int(pStmt, 2);
    c->iHidden = sqlite3_column_int(pStmt, 4);
    if( c->zName==0 ){ sqlite3_finalize(pStmt); return noMem(p); }
    if( c->bNotNull && sqlite3_column_type(pStmt, 3)!=SQLITE_NULL ){
      char *zExpr = dupStr((const char *)sqlite3_column_text(pStmt, 3));
      if( zExpr==0 ){ sqlite3_finalize(pStmt); return noMem(p); }
      rc = evalDefault(p, zExpr, &c->pDflt);
      free(zExpr);
      if( rc ){ sqlite3_finalize(pStmt); return rc; }
    }
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ) return dbError(p, "cannot read the table's columns");
  if( p->nTabCol==0 ){
    return loadError(p, KIOSK_EARG, "TABLE", 0, 0, "no such table: %s",
                     p->zTable);
  }
  return 0;
}

static int findCol(KioskCsvLoader *p, const char *zName){
  int i;
  for(i=0; i<p->nTabCol; i++){
    if( sqlite3_stricmp(p->aTabCol[i].zName, zName)==0 ) return i;
  }
  return -1;
}

/* Primary-key column names of zParent in key order, for a foreign key that
** names no parent columns. Returns a count, -1 on error; azOut holds up to
** nMax sqlite3_mprintf'd names the caller frees. */
static int parentKey(KioskCsvLoader *p, const char *zParent, char **azOut,
                     int nMax){
  sqlite3_stmt *pStmt = 0;
  int n = 0;
  int rc = sqlite3_prepare_v2(p->db,
      "SELECT name FROM pragma_table_info(?1) WHERE pk>0 ORDER BY pk",
      -1, &pStmt, 0);
  if( rc!=SQLITE_OK ){ dbError(p, "cannot read a parent key"); return -1; }
  sqlite3_bind_text(pStmt, 1, zParent, -1, SQLITE_STATIC);
  while( sqlite3_step(pStmt)==SQLITE_ROW && n<nMax ){
    azOut[n++] = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  return n;
}

/* Read PRAGMA foreign_key_list into aFkey (lookups are prepared later,
** once the header says which columns are present). */
static int readForeignKeys(KioskCsvLoader *p){
  sqlite3_stmt *pStmt = 0;
  int rc, iLastId = -1;
  rc = sqlite3_prepare_v2(p->db,
      "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)"
      " ORDER BY id, seq", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ) return dbError(p, "cannot read the foreign keys");
  sqlite3_bind_text(pStmt, 1, p->zTable, -1, SQLITE_STATIC);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    int id = sqlite3_column_int(pStmt, 0);
    int iCol = findCol(p, (const char *)sqlite3_column_text(pStmt, 2));
    Fkey *f;
    void *a;
    if( id!=iLastId ){
      int nAlloc = p->nFkey;
      a = p->aFkey;
      if( growInt(&a, &nAlloc, p->nFkey+1, sizeof(Fkey)) ) goto no_mem;
      p->aFkey = a;
      f = &p->aFkey[p->nFkey++];
      memset(f, 0, sizeof(*f));
      f->zParent = dupStr((const char *)sqlite3_column_text(pStmt, 1));
      f->bMustExist = 1;
      if( f->zParent==0 ) goto no_mem;
      iLastId = id;
    }
    f = &p->aFkey[p->nFkey-1];
    a = realloc(f->aiCol, sizeof(int)*(size_t)(f->nCol+1));
    if( a==0 ) goto no_mem;
    f->aiCol = a;
    f->aiCol[f->nCol++] = iCol;
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ) return dbError(p, "cannot read the foreign keys");
  return 0;

no_mem:
  sqlite3_finalize(pStmt);
  return noMem(p);
}

/* Prepare the lookup of foreign key f, unless a child column is absent
** from the CSV (then its value is the column default and SQLite's own
** check is enough) or its parent is skipped. */
static int prepareLookup(KioskCsvLoader *p, Fkey *f, int iFk){
  sqlite3_stmt *pStmt = 0;
  char *azTo[16];
  int nTo = 0, i, rc = 0;
  sqlite3_str *pSql;
  char *zSql;
  for(i=0; i<f->nCol; i++){
    if( f->aiCol[i]<0 || p->aTabCol[f->aiCol[i]].iField<0 ) return 0;
  }
  for(i=0; i<p->nSkip; i++){
    if( sqlite3_stricmp(p->azSkip[i], f->zParent)==0 ) return 0;
  }
  /* Parent columns: given, or "to" of each row, or the parent's key. */
  if( f->zParentCol ){
    azTo[0] = sqlite3_mprintf("%s", f->zParentCol);
    if( azTo[0]==0 ) return noMem(p);
    nTo = 1;
  }else{
    sqlite3_stmt *pTo = 0;
    rc = sqlite3_prepare_v2(p->db,
        "SELECT \"to\" FROM pragma_foreign_key_list(?1) WHERE id=?2"
        " ORDER BY seq", -1, &pTo, 0);
    if( rc!=SQLITE_OK ) return dbError(p, "cannot read the foreign keys");
    sqlite3_bind_text(pTo, 1, p->zTable, -1, SQLITE_STATIC);
    sqlite3_bind_int(pTo, 2, iFk);
    while( sqlite3_step(pTo)==SQLITE_ROW && nTo<16 ){
      if( sqlite3_column_type(pTo, 0)==SQLITE_NULL ){
        nTo = -1;
        break;
      }
      azTo[nTo++] = sqlite3_mprintf("%s", sqlite3_column_text(pTo, 0));
    }
    sqlite3_finalize(pTo);
    if( nTo<0 ){
      for(i=0; i<16; i++) azTo[i] = 0;
      nTo = parentKey(p, f->zParent, azTo, 16);
      if( nTo<0 ) return p->rcErr;
    }
  }
  if( nTo!=f->nCol ){
    rc = loadError(p, KIOSK_EDB, "SCHEMA", 0, 0,
                   "foreign key of %s into %s: column counts differ",
                   p->zTable, f->zParent);
    goto done;
  }
  pSql = sqlite3_str_new(p->db);
  sqlite3_str_appendf(pSql, "SELECT 1 FROM \"%w\" WHERE ", f->zParent);
  for(i=0; i<nTo; i++){
    sqlite3_str_appendf(pSql, "%s\"%w\"=?%d", i ? " AND " : "", azTo[i], i+1);
  }
  sqlite3_str_appendf(pSql, " LIMIT 1");
  zSql = sqlite3_str_finish(pSql);
  if( zSql==0 ){ rc = noMem(p); goto done; }
  rc = sqlite3_prepare_v3(p->db, zSql, -1, SQLITE_PREPARE_PERSISTENT,
                          &pStmt, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    rc = dbError(p, "cannot prepare a foreign-key lookup");
    goto done;
  }
  f->pLookup = pStmt;
  rc = 0;

done:
  for(i=0; i<nTo; i++) sqlite3_free(azTo[i]);
  return rc;
}

/* ----------------------------------------------------------------------
** Header and records (called from libcsv's record callback)
*/

static const char *fieldText(KioskCsvLoader *p, int i){
  return p->zArena + p->aVal[i].off;
}

static Pos fieldPos(KioskCsvLoader *p, int i){
  Pos pos;
  if( i<p->nPos ) return p->aPos[i];
  pos.iLine = p->iLine;
  pos.iCol = 1;
  return pos;
}

static int onHeader(KioskCsvLoader *p){
  int i, j;
  sqlite3_str *pSql;
  char *zSql;
  p->nCol = p->nField;
  p->aiFieldCol = malloc(sizeof(int)*(size_t)(p->nCol ? p->nCol : 1));
  if( p->aiFieldCol==0 ) return noMem(p);
  for(i=0; i<p->nCol; i++){
    const char *zName = fieldText(p, i);
    Pos pos = fieldPos(p, i);
    int iCol;
    if( p->aVal[i].bNull || p->aVal[i].n==0 ){
      return loadError(p, KIOSK_ECSV, "HEADER", pos.iLine, pos.iCol,
                       "empty column name");
    }
    iCol = findCol(p, zName);
    if( iCol<0 ){
      char zShow[64];
      showValue(zName, p->aVal[i].n, zShow, sizeof(zShow));
      return loadError(p, KIOSK_ECSV, "HEADER", pos.iLine, pos.iCol,
                       "unknown column \"%s\" in table %s", zShow, p->zTable);
    }
    if( p->aTabCol[iCol].iHidden==2 || p->aTabCol[iCol].iHidden==3 ){
      return loadError(p, KIOSK_ECSV, "HEADER", pos.iLine, pos.iCol,
                       "column \"%s\" is generated and cannot be loaded",
                       p->aTabCol[iCol].zName);
    }
    if( p->aTabCol[iCol].iHidden!=0 ){
      return loadError(p, KIOSK_ECSV, "HEADER", pos.iLine, pos.iCol,
                       "column \"%s\" is hidden and cannot be loaded",
                       p->aTabCol[iCol].zName);
    }
    if( p->aTabCol[iCol].iField>=0 ){
      return loadError(p, KIOSK_ECSV, "HEADER", pos.iLine, pos.iCol,
                       "duplicate column \"%s\"", p->aTabCol[iCol].zName);
    }
    p->aTabCol[iCol].iField = i;
    p->aiFieldCol[i] = iCol;
  }
  for(j=0; j<p->nTabCol; j++){
    Col *c = &p->aTabCol[j];
    if( c->iField<0 && c->iHidden==0 && c->bNotNull && c->pDflt==0 ){
      return loadError(p, KIOSK_ECSV, "HEADER", p->iLine, 1,
                       "missing column \"%s\" (NOT NULL without a default)",
                       c->zName);
    }
  }
  for(j=0; j<p->nFkey; j++){
    if( prepareLookup(p, &p->aFkey[j], j) ) return p->rcErr;
  }
  pSql = sqlite3_str_new(p->db);
  sqlite3_str_appendf(pSql, "INSERT INTO \"%w\"(", p->zTable);
  for(i=0; i<p->nCol; i++){
    sqlite3_str_appendf(pSql, "%s\"%w\"", i ? "," : "",
                        p->aTabCol[p->aiFieldCol[i]].zName);
  }
  sqlite3_str_appendf(pSql, ") VALUES(");
  for(i=0; i<p->nCol; i++){
    sqlite3_str_appendf(pSql, "%s?%d", i ? "," : "", i+1);
  }
  sqlite3_str_appendf(pSql, ")");
  zSql = sqlite3_str_finish(pSql);
  if( zSql==0 ) return noMem(p);
  if( sqlite3_prepare_v3(p->db, zSql, -1, SQLITE_PREPARE_PERSISTENT,
                         &p->pInsert, 0)!=SQLITE_OK ){
    sqlite3_free(zSql);
    return dbError(p, "cannot prepare the insert");
  }
  sqlite3_free(zSql);
  p->bHeader = 1;
  return 0;
}

static int isIdChar(char c){
  return c=='_' || (c>='a' && c<='z') || (c>='A' && c<='Z')
      || (c>='0' && c<='9');
}

/* Does identifier zName occur as a whole word in zExpr? */
static int mentions(const char *zExpr, const char *zName){
  size_t n = strlen(zName);
  const char *z = zExpr;
  while( (z = strstr(z, zName))!=0 ){
    if( (z==zExpr || !isIdChar(z[-1])) && !isIdChar(z[n]) ) return 1;
    z++;
  }
  return 0;
}

/* Map a failed INSERT back to the field that broke it. */
static int insertError(KioskCsvLoader *p, int rc){
  char zMsg[512];
  const char *zKind = "CONSTRAINT";
  const char *zAfter;
  int i, iField = -1;
  Pos pos;
  snprintf(zMsg, sizeof(zMsg), "%s", sqlite3_errmsg(p->db));
  if( (rc & 0xff)!=SQLITE_CONSTRAINT ){
    return loadError(p, KIOSK_EDB, "SQLITE", p->aPos[0].iLine, 0,
                     "cannot insert: %s", zMsg);
  }
  switch( rc ){
    case SQLITE_CONSTRAINT_NOTNULL:    zKind = "NOTNULL"; break;
    case SQLITE_CONSTRAINT_CHECK:      zKind = "CHECK"; break;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: zKind = "UNIQUE"; break;
    case SQLITE_CONSTRAINT_FOREIGNKEY: zKind = "FOREIGNKEY"; break;
    default: break;
  }
  /* The column: "...failed: tab.col, ..." or a CHECK expression. */
  zAfter = strstr(zMsg, "failed: ");
  if( zAfter ){
    zAfter += 8;
    for(i=0; i<p->nCol && iField<0; i++){
      const char *zCol = p->aTabCol[p->aiFieldCol[i]].zName;
      size_t nTab = strlen(p->zTable), nCol = strlen(zCol);
      if( rc==SQLITE_CONSTRAINT_CHECK ){
        if( mentions(zAfter, zCol) ) iField = i;
      }else if( strncmp(zAfter, p->zTable, nTab)==0 && zAfter[nTab]=='.'
             && strncmp(zAfter+nTab+1, zCol, nCol)==0
             && (zAfter[nTab+1+nCol]==0 || zAfter[nTab+1+nCol]==',') ){
        iField = i;
      }
    }
  }
  if( iField<0 ){
    pos = fieldPos(p, 0);
    return loadError(p, KIOSK_ECSV, zKind, pos.iLine, pos.iCol, "%s", zMsg);
  }
  pos = fieldPos(p, iField);
  if( p->aVal[iField].bNull ){
    return loadError(p, KIOSK_ECSV, zKind, pos.iLine, pos.iCol,
                     "%s is empty: %s",
                     p->aTabCol[p->aiFieldCol[iField]].zName, zMsg);
  }else{
    char zShow[64];
    showValue(fieldText(p, iField), p->aVal[iField].n, zShow, sizeof(zShow));
    return loadError(p, KIOSK_ECSV, zKind, pos.iLine, pos.iCol,
                     "%s \"%s\": %s",
                     p->aTabCol[p->aiFieldCol[iField]].zName, zShow, zMsg);
  }
}

static int onRecord(KioskCsvLoader *p){
  int i, j, rc;
  sqlite3_stmt *pIns = p->pInsert;
  if( p->nField<p->nCol ){
    return loadError(p, KIOSK_ECSV, "FIELDS", p->iLine, p->iEndCol,
                     "too few fields: expected %d, found %d",
                     p->nCol, p->nField);
  }
  for(i=0; i<p->nCol; i++){
    Col *c = &p->aTabCol[p->aiFieldCol[i]];
    const char *z = fieldText(p, i);
    size_t n = p->aVal[i].n;
    if( p->aVal[i].bNull ){
      if( c->pDflt ){
        sqlite3_bind_value(pIns, i+1, c->pDflt);
      }else if( c->bNotNull ){
        Pos pos = fieldPos(p, i);
        return loadError(p, KIOSK_ECSV, "NOTNULL", pos.iLine, pos.iCol,
                         "%s is empty but must have a value", c->zName);
      }else{
        sqlite3_bind_null(pIns, i+1);
      }
      continue;
    }
    switch( c->eType ){
      case CT_INTEGER: {
        sqlite3_int64 v;
        if( parseInteger(z, n, &v) ){
          char zShow[64];
          Pos pos = fieldPos(p, i);
          showValue(z, n, zShow, sizeof(zShow));
          return loadError(p, KIOSK_ECSV, "INTEGER", pos.iLine, pos.iCol,
                           "%s \"%s\" is not an integer", c->zName, zShow);
        }
        sqlite3_bind_int64(pIns, i+1, v);
        break;
      }
      case CT_REAL: {
        if( checkReal(z, n) ){
          char zShow[64];
          Pos pos = fieldPos(p, i);
          showValue(z, n, zShow, sizeof(zShow));
          return loadError(p, KIOSK_ECSV, "REAL", pos.iLine, pos.iCol,
                           "%s \"%s\" is not a number", c->zName, zShow);
        }
        /* Text into a REAL column: SQLite's own locale-free conversion. */
        sqlite3_bind_text(pIns, i+1, z, (int)n, SQLITE_STATIC);
        break;
      }
      case CT_KDATE: {
        const char *zWhy = 0;
        if( kioskDateParse(z, (int)n, 0, 0, &zWhy) ){
          char zShow[64];
          Pos pos = fieldPos(p, i);
          showValue(z, n, zShow, sizeof(zShow));
          return loadError(p, KIOSK_ECSV, "KDATE", pos.iLine, pos.iCol,
                           "%s \"%s\" is not a KDATE: %s", c->zName, zShow,
                           zWhy);
        }
        sqlite3_bind_text(pIns, i+1, z, (int)n, SQLITE_STATIC);
        break;
      }
      default:
        sqlite3_bind_text(pIns, i+1, z, (int)n, SQLITE_STATIC);
        break;
    }
  }
  /* Foreign keys, one prepared lookup each, so the error has a place. */
  for(j=0; j<p->nFkey; j++){
    Fkey *f = &p->aFkey[j];
    int bNull = 0;
    if( f->pLookup==0 ) continue;
    for(i=0; i<f->nCol; i++){
      int iField = p->aTabCol[f->aiCol[i]].iField;
      if( p->aVal[iField].bNull ){ bNull = 1; break; }
      sqlite3_bind_text(f->pLookup, i+1, fieldText(p, iField),
                        (int)p->aVal[iField].n, SQLITE_STATIC);
    }
    if( bNull ) continue;
    rc = sqlite3_step(f->pLookup);
    sqlite3_reset(f->pLookup);
    if( rc==SQLITE_ROW && !f->bMustExist ){
      int iField = p->aTabCol[f->aiCol[0]].iField;
      Pos pos = fieldPos(p, iField);
      char zShow[64];
      showValue(fieldText(p, iField), p->aVal[iField].n, zShow, sizeof(zShow));
      return loadError(p, KIOSK_ECSV, "UNIQUE", pos.iLine, pos.iCol,
                       "%s \"%s\" is already used in %s",
                       p->aTabCol[f->aiCol[0]].zName, zShow, f->zParent);
    }
    if( rc==SQLITE_DONE && !f->bMustExist ) continue;
    if( rc==SQLITE_DONE ){
      int iField = p->aTabCol[f->aiCol[0]].iField;
      Pos pos = fieldPos(p, iField);
      char zShow[64];
      showValue(fieldText(p, iField), p->aVal[iField].n, zShow, sizeof(zShow));
      if( f->nCol==1 ){
        return loadError(p, KIOSK_ECSV, "FOREIGNKEY", pos.iLine, pos.iCol,
                         "%s \"%s\" is not in %s", p->aTabCol[f->aiCol[0]].zName,
                         zShow, f->zParent);
      }
      return loadError(p, KIOSK_ECSV, "FOREIGNKEY", pos.iLine, pos.iCol,
                       "%s \"%s\" and the columns after it match no row of %s",
                       p->aTabCol[f->aiCol[0]].zName, zShow, f->zParent);
    }
    if( rc!=SQLITE_ROW ) return dbError(p, "foreign-key lookup failed");
  }
  rc = sqlite3_step(pIns);
  if( rc!=SQLITE_DONE ){
    rc = sqlite3_extended_errcode(p->db);
    insertError(p, rc);
    sqlite3_reset(pIns);
    return p->rcErr;
  }
  sqlite3_reset(pIns);
  p->nRow++;
  return 0;
}

/* ----------------------------------------------------------------------
** libcsv callbacks
*/

static void onField(void *pField, size_t n, void *pArg){
  KioskCsvLoader *p = (KioskCsvLoader *)pArg;
  int i;
  Val *v;
  if( p->rcErr ) return;
  i = p->nField++;
  if( p->bHeader && i>=p->nCol ){
    Pos pos = fieldPos(p, i);
    loadError(p, KIOSK_ECSV, "FIELDS", pos.iLine, pos.iCol,
              "too many fields: expected %d", p->nCol);
    return;
  }
  if( i>=p->nValAlloc ){
    void *a = p->aVal;
    if( growInt(&a, &p->nValAlloc, i+1, sizeof(Val)) ){ noMem(p); return; }
    p->aVal = a;
  }
  if( grow((void **)&p->zArena, &p->nArenaAlloc, p->nArena+n+1, 1) ){
    noMem(p);
    return;
  }
  v = &p->aVal[i];
  v->off = p->nArena;
  v->n = n;
  v->bNull = pField==0;
  if( n ) memcpy(p->zArena+p->nArena, pField, n);
  p->zArena[p->nArena+n] = 0;
  p->nArena += n+1;
}

static void onRecordEnd(int c, void *pArg){
  KioskCsvLoader *p = (KioskCsvLoader *)pArg;
  (void)c;
  if( p->rcErr==0 ){
    if( p->bHeader ) onRecord(p);
    else onHeader(p);
  }
  p->nField = 0;
  p->nArena = 0;
}

static int noSpace(unsigned char c){
  (void)c;
  return 0;
}

/* ----------------------------------------------------------------------
** Lines
*/

static int pushPos(KioskCsvLoader *p, int iLine, int iCol){
  if( p->nPos>=p->nPosAlloc ){
    void *a = p->aPos;
    if( growInt(&a, &p->nPosAlloc, p->nPos+1, sizeof(Pos)) ) return noMem(p);
    p->aPos = a;
  }
  p->aPos[p->nPos].iLine = iLine;
  p->aPos[p->nPos].iCol = iCol;
  p->nPos++;
  return 0;
}

int kioskUtf8CharLen(const unsigned char *z, size_t n){
  unsigned c = z[0];
  if( c<0x80 ) return 1;
  if( c>=0xC2 && c<=0xDF ){
    return (n>=2 && (z[1]&0xC0)==0x80) ? 2 : 0;
  }
  if( c>=0xE0 && c<=0xEF ){
    if( n<3 || (z[1]&0xC0)!=0x80 || (z[2]&0xC0)!=0x80 ) return 0;
    if( c==0xE0 && z[1]<0xA0 ) return 0;           /* overlong */
    if( c==0xED && z[1]>=0xA0 ) return 0;          /* surrogate */
    return 3;
  }
  if( c>=0xF0 && c<=0xF4 ){
    if( n<4 || (z[1]&0xC0)!=0x80 || (z[2]&0xC0)!=0x80
     || (z[3]&0xC0)!=0x80 ) return 0;
    if( c==0xF0 && z[1]<0x90 ) return 0;           /* overlong */
    if( c==0xF4 && z[1]>=0x90 ) return 0;          /* > U+10FFFF */
    return 4;
  }
  return 0;
}

/*
** Scan one physical line before libcsv sees it: record where fields start,
** check the bytes. Returns 0, or an error class with *piErr set to the byte
** offset of the error (the error itself is not yet latched: an earlier
** libcsv error in the same line wins; see doLine). zWhy/zCode describe it.
*/
typedef struct ScanErr {
  size_t iOff;
  int iCol;
  const char *zCode;
  const char *zMsg;
} ScanErr;

static int scanLine(KioskCsvLoader *p, const char *zIn, size_t n,
                    int bLast, ScanErr *pE){
  const unsigned char *z = (const unsigned char *)zIn;
  size_t i = 0;
  int iCol = 1;
  p->iEndCol = 0;
  if( !p->bInQuote ){
    /* A new record starts on this line. */
    p->nPos = 0;
    if( pushPos(p, p->iLine, 1) ) return p->rcErr;
    if( (n==1 && z[0]=='\n') || (n==2 && z[0]=='\r' && z[1]=='\n') ){
      pE->iOff = 0; pE->iCol = 1; pE->zCode = "LINEEND";
      pE->zMsg = "blank line";
      return KIOSK_ECSV;
    }
  }
  while( i<n ){
    unsigned c = z[i];
    if( c<0x80 ){
      if( c==0 ){
        pE->iOff = i; pE->iCol = iCol; pE->zCode = "NUL";
        pE->zMsg = "NUL byte";
        return KIOSK_ECSV;
      }else if( c=='"' ){
        if( !p->bInQuote ){
          p->quotePos.iLine = p->iLine;
          p->quotePos.iCol = iCol;
        }
        p->bInQuote = !p->bInQuote;
      }else if( !p->bInQuote ){
        if( c==',' ){
          if( pushPos(p, p->iLine, iCol+1) ) return p->rcErr;
        }else if( c=='\n' ){
          if( p->iEndCol==0 ) p->iEndCol = iCol;
        }else if( c=='\r' ){
          if( !((i+2==n && z[i+1]=='\n') || (i+1==n && bLast)) ){
            pE->iOff = i; pE->iCol = iCol; pE->zCode = "LINEEND";
            pE->zMsg = "carriage return not followed by a line feed";
            return KIOSK_ECSV;
          }
          if( p->iEndCol==0 ) p->iEndCol = iCol;
        }
      }
      i++;
    }else{
      int k = kioskUtf8CharLen(z+i, n-i);
      if( k==0 ){
        pE->iOff = i; pE->iCol = iCol; pE->zCode = "UTF8";
        pE->zMsg = "invalid UTF-8";
        return KIOSK_ECSV;
      }
      i += (size_t)k;
    }
    iCol++;
  }
  if( p->iEndCol==0 ) p->iEndCol = iCol;
  return 0;
}

/* Column in characters of byte offset iOff in z. */
static int charCol(const char *z, size_t iOff){
  size_t i;
  int iCol = 1;
  for(i=0; i<iOff; i++){
    if( (((unsigned char)z[i]) & 0xC0)!=0x80 ) iCol++;
  }
  return iCol;
}

/* Report libcsv's strict-mode complaint about byte iOff of line z. */
static int quoteError(KioskCsvLoader *p, const char *z, size_t iOff){
  int iCol = charCol(z, iOff);
  if( z[iOff]=='"' ){
    return loadError(p, KIOSK_ECSV, "QUOTE", p->iLine, iCol,
                     "stray quote in an unquoted field");
  }
  return loadError(p, KIOSK_ECSV, "QUOTE", p->iLine, iCol,
                   "a closing quote must be followed by a comma or the end"
                   " of the line");
}

/* One physical line (with its '\n', except perhaps the last line). */
static int doLine(KioskCsvLoader *p, const char *z, size_t n, int bLast){
  ScanErr se;
  size_t nParse, r;
  int rcScan;
  p->iLine++;
  if( p->iLine==1 && n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ){
    z += 3;
    n -= 3;
  }
  if( n==0 ) return 0;
  memset(&se, 0, sizeof(se));
  rcScan = scanLine(p, z, n, bLast, &se);
  if( p->rcErr ) return p->rcErr;
  nParse = rcScan ? se.iOff : n;
  r = csv_parse(&p->csv, z, nParse, onField, onRecordEnd, p);
  if( p->rcErr ) return p->rcErr;
  if( r<nParse || csv_error(&p->csv)!=CSV_SUCCESS ){
    return quoteError(p, z, r);
  }
  if( rcScan ){
    return loadError(p, KIOSK_ECSV, se.zCode, p->iLine, se.iCol, "%s",
                     se.zMsg);
  }
  return 0;
}

/* ----------------------------------------------------------------------
** Public interface
*/

int kioskCsvBegin(sqlite3 *db, const char *zTable, const char *zFile,
                  KioskCsvLoader **pp, KioskError *pErr){
  KioskCsvLoader *p = calloc(1, sizeof(*p));
  int rc;
  *pp = 0;
  if( p==0 ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                         "out of memory");
  }
  p->db = db;
  p->pErr = pErr ? pErr : &p->errLocal;
  p->zTable = dupStr(zTable);
  p->zFile = dupStr(zFile ? zFile : "");
  if( p->zTable==0 || p->zFile==0 ){ noMem(p); goto fail; }
  if( csv_init(&p->csv, CSV_STRICT|CSV_STRICT_FINI|CSV_APPEND_NULL
                        |CSV_EMPTY_IS_NULL) ){
    noMem(p);
    goto fail;
  }
  p->bCsv = 1;
  csv_set_space_func(&p->csv, noSpace);
  if( readColumns(p) || readForeignKeys(p) ) goto fail;
  rc = sqlite3_exec(db, "SAVEPOINT " SAVEPOINT_NAME, 0, 0, 0);
  if( rc!=SQLITE_OK ){
    dbError(p, "cannot open a savepoint");
    goto fail;
  }
  p->bSavepoint = 1;
  *pp = p;
  return 0;

fail:
  rc = p->rcErr;
  kioskCsvFree(p);
  return rc;
}

int kioskCsvSkipParent(KioskCsvLoader *p, const char *zParent){
  char **az = realloc(p->azSkip, sizeof(char *)*(size_t)(p->nSkip+1));
  if( az==0 ) return noMem(p);
  p->azSkip = az;
  az[p->nSkip] = dupStr(zParent);
  if( az[p->nSkip]==0 ) return noMem(p);
  p->nSkip++;
  return 0;
}

int kioskCsvCheckRef(KioskCsvLoader *p, const char *zCol,
                     const char *zParent, const char *zParentCol,
                     int bMustExist){
  Fkey *f;
  int iCol = findCol(p, zCol);
  void *a = p->aFkey;
  int nAlloc = p->nFkey;
  if( iCol<0 ){
    return loadError(p, KIOSK_EARG, "COLUMN", 0, 0, "no column %s in %s",
                     zCol, p->zTable);
  }
  if( growInt(&a, &nAlloc, p->nFkey+1, sizeof(Fkey)) ) return noMem(p);
  p->aFkey = a;
  f = &p->aFkey[p->nFkey++];
  memset(f, 0, sizeof(*f));
  f->zParent = dupStr(zParent);
  f->zParentCol = dupStr(zParentCol);
  f->aiCol = malloc(sizeof(int));
  if( f->zParent==0 || f->zParentCol==0 || f->aiCol==0 ) return noMem(p);
  f->aiCol[0] = iCol;
  f->nCol = 1;
  f->bMustExist = bMustExist;
  return 0;
}

int kioskCsvFeed(KioskCsvLoader *p, const char *z, size_t n){
  while( n>0 && p->rcErr==0 ){
    const char *zNl = memchr(z, '\n', n);
    size_t k;
    if( zNl==0 ){
      if( grow((void **)&p->zLine, &p->nLineAlloc, p->nLine+n, 1) ){
        return noMem(p);
      }
      memcpy(p->zLine+p->nLine, z, n);
      p->nLine += n;
      break;
    }
    k = (size_t)(zNl - z) + 1;
    if( p->nLine==0 ){
      doLine(p, z, k, 0);
    }else{
      if( grow((void **)&p->zLine, &p->nLineAlloc, p->nLine+k, 1) ){
        return noMem(p);
      }
      memcpy(p->zLine+p->nLine, z, k);
      doLine(p, p->zLine, p->nLine+k, 0);
      p->nLine = 0;
    }
    z += k;
    n -= k;
  }
  return p->rcErr;
}

int kioskCsvFinish(KioskCsvLoader *p, sqlite3_int64 *pnRow){
  if( p->rcErr ) return p->rcErr;
  if( p->nLine>0 ){
    doLine(p, p->zLine, p->nLine, 1);
    p->nLine = 0;
    if( p->rcErr ) return p->rcErr;
  }
  if( csv_fini(&p->csv, onField, onRecordEnd, p)!=0 ){
    if( p->rcErr ) return p->rcErr;
    return loadError(p, KIOSK_ECSV, "QUOTE", p->quotePos.iLine,
                     p->quotePos.iCol, "unterminated quoted field");
  }
  if( p->rcErr ) return p->rcErr;
  if( !p->bHeader ){
    return loadError(p, KIOSK_ECSV, "EMPTY", 1, 1,
                     "empty file: no header row");
  }
  if( sqlite3_exec(p->db, "RELEASE " SAVEPOINT_NAME, 0, 0, 0)!=SQLITE_OK ){
    return dbError(p, "cannot release the savepoint");
  }
  p->bSavepoint = 0;
  p->bDone = 1;
  if( pnRow ) *pnRow = p->nRow;
  return 0;
}

void kioskCsvFree(KioskCsvLoader *p){
  int i;
  if( p==0 ) return;
  /* Statements first: a pending statement would keep the rollback from
  ** happening cleanly. */
  sqlite3_finalize(p->pInsert);
  for(i=0; i<p->nFkey; i++){
    sqlite3_finalize(p->aFkey[i].pLookup);
    free(p->aFkey[i].zParent);
    free(p->aFkey[i].zParentCol);
    free(p->aFkey[i].aiCol);
  }
  if( p->bSavepoint ){
    sqlite3_exec(p->db, "ROLLBACK TO " SAVEPOINT_NAME "; RELEASE "
                 SAVEPOINT_NAME, 0, 0, 0);
  }
  if( p->bCsv ) csv_free(&p->csv);
  for(i=0; i<p->nTabCol; i++){
    free(p->aTabCol[i].zName);
    sqlite3_value_free(p->aTabCol[i].pDflt);
  }
  for(i=0; i<p->nSkip; i++) free(p->azSkip[i]);
  free(p->azSkip);
  free(p->aTabCol);
  free(p->aFkey);
  free(p->aiFieldCol);
  free(p->zLine);
  free(p->aPos);
  free(p->zArena);
  free(p->aVal);
  free(p->zTable);
  free(p->zFile);
  free(p);
}

int kioskCsvLoadBuffer(sqlite3 *db, const char *zTable, const char *zName,
                       const char *z, size_t n, sqlite3_int64 *pnRow,
                       KioskError *pErr){
  KioskCsvLoader *p = 0;
  int rc = kioskCsvBegin(db, zTable, zName, &p, pErr);
  if( rc==0 ) rc = kioskCsvFeed(p, z, n);
  if( rc==0 ) rc = kioskCsvFinish(p, pnRow);
  kioskCsvFree(p);
  return rc;
}

int kioskCsvFeedFile(KioskCsvLoader *p, const char *zPath){
  FILE *in = 0;
  char *zBuf = 0;
  int rc = 0;
  if( p->rcErr ) return p->rcErr;
  in = fopen(zPath, "rb");
  if( in==0 ){
    rc = loadError(p, KIOSK_EIO, "OPEN", 0, 0, "cannot open: %s",
                   strerror(errno));
    goto done;
  }
  zBuf = malloc(LOAD_BLOCK);
  if( zBuf==0 ){ rc = noMem(p); goto done; }
  while( rc==0 ){
    size_t n = fread(zBuf, 1, LOAD_BLOCK, in);
    if( n>0 ) rc = kioskCsvFeed(p, zBuf, n);
    if( n<LOAD_BLOCK ){
      if( rc==0 && ferror(in) ){
        rc = loadError(p, KIOSK_EIO, "READ", 0, 0, "cannot read: %s",
                       strerror(errno));
      }
      break;
    }
  }

done:
  free(zBuf);
  if( in ) fclose(in);
  return rc;
}

int kioskCsvLoadFile(sqlite3 *db, const char *zTable, const char *zPath,
                     const char *zName, sqlite3_int64 *pnRow,
                     KioskError *pErr){
  KioskCsvLoader *p = 0;
  int rc = kioskCsvBegin(db, zTable, zName ? zName : zPath, &p, pErr);
  if( rc==0 ) rc = kioskCsvFeedFile(p, zPath);
  if( rc==0 ) rc = kioskCsvFinish(p, pnRow);
  kioskCsvFree(p);
  return rc;
}
