/*
** test-csvload.c: unit tests of the streaming CSV loader (csvload.c).
**
** Every malformed input is checked for its exact "file:line:column:
** message", its detail code, a database left exactly as before, and no
** transaction left open. Good inputs are fed in every chunk size and split
** at every offset, and must give the same rows (and the same error for a
** bad one).
*/
#include "csvload.h"
#include "harness.h"

#include <stdlib.h>

static const char *zSchema =
  "PRAGMA foreign_keys = ON;"
  "CREATE TABLE parent(id TEXT PRIMARY KEY);"
  "CREATE TABLE t("
  "  id TEXT PRIMARY KEY,"
  "  n INTEGER CHECK (n >= 0),"
  "  r REAL,"
  "  d KDATE,"
  "  s TEXT NOT NULL,"
  "  k INTEGER NOT NULL DEFAULT 7,"
  "  p TEXT REFERENCES parent(id),"
  "  g INTEGER GENERATED ALWAYS AS (n*2) STORED"
  ");"
  "CREATE TABLE pair(a TEXT, b INTEGER, PRIMARY KEY (a, b),"
  "  FOREIGN KEY (a) REFERENCES parent(id));"
  "INSERT INTO parent VALUES('a'),('b');"
  "INSERT INTO t(id,n,r,d,s,k,p) VALUES('x0',1,1.5,'1992','pre',1,'a');";

static sqlite3 *openDb(void){
  sqlite3 *db = 0;
  char *zErr = 0;
  sqlite3_open(":memory:", &db);
  sqlite3_extended_result_codes(db, 1);
  if( sqlite3_exec(db, zSchema, 0, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "schema: %s\n", zErr);
    exit(1);
  }
  return db;
}

/* Every row of every table, quoted, in a static buffer. */
static const char *dump(sqlite3 *db){
  static char zOut[8192];
  static const char *const azSql[] = {
    "SELECT 'parent', quote(id) FROM parent ORDER BY id",
    "SELECT 't', quote(id), quote(n), quote(r), quote(d), quote(s),"
    " quote(k), quote(p), quote(g) FROM t ORDER BY id",
    "SELECT 'pair', quote(a), quote(b) FROM pair ORDER BY a, b",
    0
  };
  size_t n = 0;
  int i, j;
  zOut[0] = 0;
  for(i=0; azSql[i]; i++){
    sqlite3_stmt *pStmt = 0;
    sqlite3_prepare_v2(db, azSql[i], -1, &pStmt, 0);
    while( sqlite3_step(pStmt)==SQLITE_ROW ){
      for(j=0; j<sqlite3_column_count(pStmt); j++){
        n += (size_t)snprintf(zOut+n, sizeof(zOut)-n, "%s%s", j ? "|" : "",
                              (const char *)sqlite3_column_text(pStmt, j));
        if( n>=sizeof(zOut) ) return zOut;
      }
      n += (size_t)snprintf(zOut+n, sizeof(zOut)-n, "\n");
      if( n>=sizeof(zOut) ) return zOut;
    }
    sqlite3_finalize(pStmt);
  }
  return zOut;
}

/* Load n bytes of z into zTable, fed in chunks of nChunk (0: whole), and
** return 0 or the error class; the formatted error goes to zMsg. */
static int loadChunked(sqlite3 *db, const char *zTable, const char *z,
                       size_t n, size_t nChunk, sqlite3_int64 *pnRow,
                       KioskError *pErr){
  KioskCsvLoader *p = 0;
  int rc = kioskCsvBegin(db, zTable, "t.csv", &p, pErr);
  size_t i;
  if( nChunk==0 ) nChunk = n ? n : 1;
  for(i=0; rc==0 && i<n; i+=nChunk){
    rc = kioskCsvFeed(p, z+i, (n-i)<nChunk ? (n-i) : nChunk);
  }
  if( rc==0 ) rc = kioskCsvFinish(p, pnRow);
  kioskCsvFree(p);
  return rc;
}

/* Load split at offset k: two feeds. */
static int loadSplit(sqlite3 *db, const char *zTable, const char *z,
                     size_t n, size_t k, KioskError *pErr){
  KioskCsvLoader *p = 0;
  int rc = kioskCsvBegin(db, zTable, "t.csv", &p, pErr);
  if( rc==0 ) rc = kioskCsvFeed(p, z, k);
  if( rc==0 ) rc = kioskCsvFeed(p, z+k, n-k);
  if( rc==0 ) rc = kioskCsvFinish(p, 0);
  kioskCsvFree(p);
  return rc;
}

/*
** Load a malformed input (n bytes, so NULs are possible) into table t and
** check the exact message and code, that nothing changed and that no
** transaction is open. Also for every chunk size: the same error.
*/
static void bad(const char *zTable, const char *z, size_t n,
                const char *zWant, const char *zCode, int iLine){
  sqlite3 *db = openDb();
  KioskError err;
  char zMsg[1200];
  char zBefore[8192];
  size_t nChunk;
  int rc;
  snprintf(zBefore, sizeof(zBefore), "%s", dump(db));
  kioskErrorClear(&err);
  rc = kioskCsvLoadBuffer(db, zTable, "t.csv", z, n, 0, &err);
  kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
  nCheck++;
  if( rc==0 || strcmp(zMsg, zWant)!=0 || strcmp(err.zCode, zCode)!=0 ){
    nFail++;
    fprintf(stderr, "%s:%d: got rc=%d [%s] \"%s\"\n%*s want [%s] \"%s\"\n",
            __FILE__, iLine, rc, err.zCode, zMsg,
            (int)strlen(__FILE__)+6, "", zCode, zWant);
  }
  CHECK_STR(dump(db), zBefore);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  /* The same error whatever the chunking. */
  for(nChunk=1; nChunk<=n; nChunk++){
    kioskErrorClear(&err);
    loadChunked(db, zTable, z, n, nChunk, 0, &err);
    kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
    if( strcmp(zMsg, zWant)!=0 ){
      nCheck++; nFail++;
      fprintf(stderr, "%s:%d: chunk %d: got \"%s\"\n", __FILE__, iLine,
              (int)nChunk, zMsg);
      break;
    }
  }
  nCheck++;
  CHECK_STR(dump(db), zBefore);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  sqlite3_close(db);
}
#define BAD(z, want, code) bad("t", z, sizeof(z)-1, want, code, __LINE__)

static void testMalformed(void){
  BAD("", "t.csv:1:1: empty file: no header row", "EMPTY");
  BAD("\xEF\xBB\xBF", "t.csv:1:1: empty file: no header row", "EMPTY");
  BAD("id,s\nx1,ab\xff\n", "t.csv:2:6: invalid UTF-8", "UTF8");
  BAD("id,s\nx1,\xc0\xaf\n", "t.csv:2:4: invalid UTF-8", "UTF8");
  BAD("id,s\nx1,\xed\xa0\x80\n", "t.csv:2:4: invalid UTF-8", "UTF8");
  BAD("id,s\nx1,a\xc3", "t.csv:2:5: invalid UTF-8", "UTF8");
  BAD("id,s\nx1,a\0b\n", "t.csv:2:5: NUL byte", "NUL");
  BAD("id,s,n\nx1,a\n", "t.csv:2:5: too few fields: expected 3, found 2",
      "FIELDS");
  BAD("id,s,n\nx1,a\r\n", "t.csv:2:5: too few fields: expected 3, found 2",
      "FIELDS");
  BAD("id,s,n\nx1,a", "t.csv:2:5: too few fields: expected 3, found 2",
      "FIELDS");
  BAD("id,s\nx1,a,b\n", "t.csv:2:6: too many fields: expected 2", "FIELDS");
  BAD("id,s\nx1,\"abc\n", "t.csv:2:4: unterminated quoted field", "QUOTE");
  BAD("id,s\nx1,\"abc\ndef\n", "t.csv:2:4: unterminated quoted field",
      "QUOTE");
  BAD("id,s\nx1,ab\"c\n", "t.csv:2:6: stray quote in an unquoted field",
      "QUOTE");
  BAD("id,s\nx1,\"ab\"c\n", "t.csv:2:8: a closing quote must be followed "
      "by a comma or the end of the line", "QUOTE");
  BAD("id,s\nx1,\"ab\" \n", "t.csv:2:8: a closing quote must be followed "
      "by a comma or the end of the line", "QUOTE");
  BAD("id,s,zz\n", "t.csv:1:6: unknown column \"zz\" in table t", "HEADER");
  BAD("id,n\nx1,1\n",
      "t.csv:1:1: missing column \"s\" (NOT NULL without a default)",
      "HEADER");
  BAD("id,s,id\n", "t.csv:1:6: duplicate column \"id\"", "HEADER");
  BAD("id,s,ID\n", "t.csv:1:6: duplicate column \"id\"", "HEADER");
  BAD("id,s,g\n", "t.csv:1:6: column \"g\" is generated and cannot be loaded",
      "HEADER");
  BAD("id,,s\n", "t.csv:1:4: empty column name", "HEADER");
  BAD("id, s\n", "t.csv:1:4: unknown column \" s\" in table t", "HEADER");
  BAD("id,s,n\nx1,a,12x\n", "t.csv:2:6: n \"12x\" is not an integer",
      "INTEGER");
  BAD("id,s,n\nx1,a, 12\n", "t.csv:2:6: n \" 12\" is not an integer",
      "INTEGER");
  BAD("id,s,n\nx1,a,1.0\n", "t.csv:2:6: n \"1.0\" is not an integer",
      "INTEGER");
  BAD("id,s,n\nx1,a,99999999999999999999\n",
      "t.csv:2:6: n \"99999999999999999999\" is not an integer", "INTEGER");
  BAD("id,s,r\nx1,a,1.5e\n", "t.csv:2:6: r \"1.5e\" is not a number", "REAL");
  BAD("id,s,r\nx1,a,12,5\n", "t.csv:2:9: too many fields: expected 3",
      "FIELDS");
  BAD("id,s,r\nx1,a,\"12,5\"\n", "t.csv:2:6: r \"12,5\" is not a number",
      "REAL");
  BAD("id,s,r\nx1,a,nan\n", "t.csv:2:6: r \"nan\" is not a number", "REAL");
  BAD("id,s,r\nx1,a,0x10\n", "t.csv:2:6: r \"0x10\" is not a number", "REAL");
  BAD("id,s,d\nx1,a,1992-13\n",
      "t.csv:2:6: d \"1992-13\" is not a KDATE: month must be 01 to 12",
      "KDATE");
  BAD("id,s,d\nx1,a,~2000\n",
      "t.csv:2:6: d \"~2000\" is not a KDATE: \"~\" needs a range, as in "
      "~2000..2003", "KDATE");
  BAD("id,s\nx1,\n", "t.csv:2:4: s is empty but must have a value",
      "NOTNULL");
  BAD("id,s,n\nx1,a,-1\n",
      "t.csv:2:6: n \"-1\": CHECK constraint failed: n >= 0", "CHECK");
  BAD("id,s\nx0,a\n", "t.csv:2:1: id \"x0\": UNIQUE constraint failed: t.id",
      "UNIQUE");
  BAD("id,s\nx1,a\nx2,b\nx1,c\n",
      "t.csv:4:1: id \"x1\": UNIQUE constraint failed: t.id", "UNIQUE");
  BAD("s,id\na,x1\nb,x1\n",
      "t.csv:3:3: id \"x1\": UNIQUE constraint failed: t.id", "UNIQUE");
  BAD("id,s,p\nx1,a,zz\n", "t.csv:2:6: p \"zz\" is not in parent",
      "FOREIGNKEY");
  BAD("id,s,p\nx1,a,b\nx2,a,A\n", "t.csv:3:6: p \"A\" is not in parent",
      "FOREIGNKEY");
  BAD("id,s\n\nx1,a\n", "t.csv:2:1: blank line", "LINEEND");
  BAD("id,s\nx1,a\n\n", "t.csv:3:1: blank line", "LINEEND");
  BAD("id,s\nx1,a\r\n\r\n", "t.csv:3:1: blank line", "LINEEND");
  BAD("id,s\nx1,a\rb\n",
      "t.csv:2:5: carriage return not followed by a line feed", "LINEEND");
  BAD("id,s\rx1,a\r",
      "t.csv:1:5: carriage return not followed by a line feed", "LINEEND");
  /* Records spanning lines: the physical line of the field. */
  BAD("id,s,n\nx1,\"two\nlines\",12x\n",
      "t.csv:3:8: n \"12x\" is not an integer", "INTEGER");
  BAD("id,s\nx1,\"a\nb\"\nx2,\"c\"d\n",
      "t.csv:4:7: a closing quote must be followed by a comma or the end of"
      " the line", "QUOTE");
  BAD("id,s\nx1,\"a\n\nb\",x\n", "t.csv:4:4: too many fields: expected 2",
      "FIELDS");
  BAD("id,s,n\nx1,\"a\nb\"\n", "t.csv:3:3: too few fields: expected 3, "
      "found 2", "FIELDS");
  /* Columns count characters, not bytes. */
  BAD("id,s,n\n\xc3\xa9t\xc3\xa9,a,x\n",
      "t.csv:2:7: n \"x\" is not an integer", "INTEGER");
  /* A BOM does not count as a column. */
  BAD("\xEF\xBB\xBFid,s,zz\n", "t.csv:1:6: unknown column \"zz\" in table t",
      "HEADER");
  /* The earliest problem in a line wins, whoever finds it. */
  BAD("id,s\nx1,a\"b\xff\n", "t.csv:2:5: stray quote in an unquoted field",
      "QUOTE");
  /* The header row obeys the same byte and quote rules. */
  BAD("\n", "t.csv:1:1: blank line", "LINEEND");
  BAD("\nid,s\n", "t.csv:1:1: blank line", "LINEEND");
  BAD("id,s\xff\n", "t.csv:1:5: invalid UTF-8", "UTF8");
  BAD("id,\0s\n", "t.csv:1:4: NUL byte", "NUL");
  BAD("id,\"s\n", "t.csv:1:4: unterminated quoted field", "QUOTE");
  BAD("id,s\"\n", "t.csv:1:5: stray quote in an unquoted field", "QUOTE");
  BAD("\"id\",\"s\",\"s\"\n", "t.csv:1:10: duplicate column \"s\"",
      "HEADER");
  /* A quote left open at the very end, no final line break. */
  BAD("id,s\nx1,\"abc", "t.csv:2:4: unterminated quoted field", "QUOTE");
  /* Composite keys. */
  bad("pair", "a,b\na,1\na,1\n", 12,
      "t.csv:3:1: a \"a\": UNIQUE constraint failed: pair.a, pair.b",
      "UNIQUE", __LINE__);
  bad("pair", "a,b\nz,1\n", 8, "t.csv:2:1: a \"z\" is not in parent",
      "FOREIGNKEY", __LINE__);
  /* Long values are cut in messages. */
  BAD("id,s,n\nx1,a,1234567890123456789012345678901234567890x\n",
      "t.csv:2:6: n \"1234567890123456789012345678901234567890...\" is not"
      " an integer", "INTEGER");
}

static void testOtherErrors(void){
  sqlite3 *db = openDb();
  KioskError err;
  char zMsg[512];
  kioskErrorClear(&err);
  CHECK_INT(kioskCsvLoadBuffer(db, "nope", "t.csv", "a\n", 2, 0, &err),
            KIOSK_EARG);
  kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
  CHECK_STR(zMsg, "t.csv: no such table: nope");
  CHECK_STR(err.zCode, "TABLE");
  CHECK_INT(kioskCsvLoadFile(db, "t", "/nonexistent/t.csv", "t.csv", 0, &err),
            KIOSK_EIO);
  kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
  CHECK_STR(zMsg, "t.csv: cannot open: No such file or directory");
  CHECK_INT(sqlite3_get_autocommit(db), 1);

  /* Inside the caller's transaction: only the file's rows go. */
  sqlite3_exec(db, "BEGIN; INSERT INTO parent VALUES('c')", 0, 0, 0);
  CHECK_INT(kioskCsvLoadBuffer(db, "t", "t.csv", "id,s\nx1,a\nx1,b\n", 15,
                               0, &err), KIOSK_ECSV);
  CHECK_INT(sqlite3_get_autocommit(db), 0);
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
  CHECK_STR(dump(db),
            "parent|'a'\nparent|'b'\nparent|'c'\n"
            "t|'x0'|1|1.5|1992|'pre'|1|'a'|2\n");
  sqlite3_close(db);
}

/* A good file with every legal oddity, and the rows it must give. */
static const char zGood[] =
  "\xEF\xBB\xBF" "s,id,n,r,d,p,k\r\n"
  "\"a, b\",x1,1,2.5,1991-10,a,\r\n"
  "\"say \"\"hi\"\"\",x2,,-3,~2000..2003,,0\n"
  "\"two\nlines\",x3,0,1e3,2018-10-15,b,\n"
  "\"crlf\r\ninside\",x4,42,.5,1997..1998,,1\r\n"
  " spaced ,x5,-0,7,2015-10..2015-11,a,\n"
  "\"\",x6,,,,,\n"
  "\xc3\xa9t\xc3\xa9,x7,,,,,";

static const char *zGoodRows =
  "parent|'a'\nparent|'b'\n"
  "t|'x0'|1|1.5|1992|'pre'|1|'a'|2\n"
  "t|'x1'|1|2.5|'1991-10'|'a, b'|7|'a'|2\n"
  "t|'x2'|NULL|-3.0|'~2000..2003'|'say \"hi\"'|0|NULL|NULL\n"
  "t|'x3'|0|1000.0|'2018-10-15'|'two\nlines'|7|'b'|0\n"
  "t|'x4'|42|0.5|'1997..1998'|'crlf\r\ninside'|1|NULL|84\n"
  "t|'x5'|0|7.0|'2015-10..2015-11'|' spaced '|7|'a'|0\n"
  "t|'x6'|NULL|NULL|NULL|''|7|NULL|NULL\n"
  "t|'x7'|NULL|NULL|NULL|'\xc3\xa9t\xc3\xa9'|7|NULL|NULL\n";

static void testGood(void){
  sqlite3 *db = openDb();
  KioskError err;
  sqlite3_int64 nRow = -1;
  size_t n = sizeof(zGood)-1, k;
  char zMsg[512];
  int rc;
  kioskErrorClear(&err);
  rc = kioskCsvLoadBuffer(db, "t", "t.csv", zGood, n, &nRow, &err);
  kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
  CHECK_STR(rc ? zMsg : "ok", "ok");
  CHECK_INT(nRow, 7);
  CHECK_STR(dump(db), zGoodRows);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  sqlite3_close(db);

  /* Every chunk size and every split offset: the same rows. */
  db = openDb();
  for(k=1; k<=n; k++){
    sqlite3_exec(db, "BEGIN", 0, 0, 0);
    nRow = -1;
    rc = loadChunked(db, "t", zGood, n, k, &nRow, &err);
    if( rc || nRow!=7 || strcmp(dump(db), zGoodRows)!=0 ){
      nCheck++; nFail++;
      fprintf(stderr, "%s:%d: chunk size %d: rc=%d rows=%lld\n", __FILE__,
              __LINE__, (int)k, rc, (long long)nRow);
    }
    sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
  }
  for(k=0; k<=n; k++){
    sqlite3_exec(db, "BEGIN", 0, 0, 0);
    rc = loadSplit(db, "t", zGood, n, k, &err);
    if( rc || strcmp(dump(db), zGoodRows)!=0 ){
      nCheck++; nFail++;
      fprintf(stderr, "%s:%d: split at %d: rc=%d\n", __FILE__, __LINE__,
              (int)k, rc);
    }
    sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
  }
  nCheck++;
  CHECK_INT(sqlite3_get_autocommit(db), 1);

  /* Quoted header names; a quoted empty field is the empty text (NOT NULL
  ** holds), an unquoted one NULL (the default applies). */
  CHECK_INT(kioskCsvLoadBuffer(db, "t", "t.csv", "\"id\",\"s\",k\nq1,\"\",\n",
                               18, &nRow, &err), 0);
  {
    sqlite3_stmt *pStmt = 0;
    sqlite3_prepare_v2(db, "SELECT quote(s), k FROM t WHERE id='q1'", -1,
                       &pStmt, 0);
    CHECK_INT(sqlite3_step(pStmt), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(pStmt, 0), "''");
    CHECK_INT(sqlite3_column_int(pStmt, 1), 7);
    sqlite3_finalize(pStmt);
  }
  /* A header alone is zero rows, not an error. */
  CHECK_INT(kioskCsvLoadBuffer(db, "t", "t.csv", "id,s\n", 5, &nRow, &err), 0);
  CHECK_INT(nRow, 0);
  sqlite3_close(db);
}

/* kioskCsvCheckRef: a value that must (or must not) be in another table,
** and kioskCsvSkipParent. */
static void testCheckRef(void){
  sqlite3 *db = openDb();
  KioskCsvLoader *p = 0;
  KioskError err;
  char zMsg[512];
  const char *zIn = "id,s\nx1,a\nb,c\n";
  char zBefore[8192];
  int rc;

  snprintf(zBefore, sizeof(zBefore), "%s", dump(db));
  /* id must not already be a parent id */
  kioskErrorClear(&err);
  rc = kioskCsvBegin(db, "t", "t.csv", &p, &err);
  if( rc==0 ) rc = kioskCsvCheckRef(p, "id", "parent", "id", 0);
  if( rc==0 ) rc = kioskCsvFeed(p, zIn, strlen(zIn));
  if( rc==0 ) rc = kioskCsvFinish(p, 0);
  kioskCsvFree(p);
  kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
  CHECK_STR(zMsg, "t.csv:3:1: id \"b\" is already used in parent");
  CHECK_STR(err.zCode, "UNIQUE");
  CHECK_STR(dump(db), zBefore);

  /* s must be a parent id */
  kioskErrorClear(&err);
  rc = kioskCsvBegin(db, "t", "t.csv", &p, &err);
  if( rc==0 ) rc = kioskCsvCheckRef(p, "s", "parent", "id", 1);
  if( rc==0 ) rc = kioskCsvFeed(p, zIn, strlen(zIn));
  if( rc==0 ) rc = kioskCsvFinish(p, 0);
  kioskCsvFree(p);
  kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
  CHECK_STR(zMsg, "t.csv:3:3: s \"c\" is not in parent");
  CHECK_STR(err.zCode, "FOREIGNKEY");
  CHECK_INT(sqlite3_get_autocommit(db), 1);

  /* an unknown column */
  kioskErrorClear(&err);
  rc = kioskCsvBegin(db, "t", "t.csv", &p, &err);
  if( rc==0 ) rc = kioskCsvCheckRef(p, "zz", "parent", "id", 1);
  kioskCsvFree(p);
  CHECK_INT(rc, KIOSK_EARG);
  CHECK_STR(err.zCode, "COLUMN");

  /* a skipped parent: the loader's lookup is off, SQLite's deferred check
  ** still holds at the end of the caller's transaction */
  sqlite3_exec(db, "BEGIN; PRAGMA defer_foreign_keys=ON", 0, 0, 0);
  kioskErrorClear(&err);
  rc = kioskCsvBegin(db, "t", "t.csv", &p, &err);
  if( rc==0 ) rc = kioskCsvSkipParent(p, "parent");
  if( rc==0 ) rc = kioskCsvFeed(p, "id,s,p\nx9,a,zz\n", 15);
  if( rc==0 ) rc = kioskCsvFinish(p, 0);
  kioskCsvFree(p);
  CHECK_INT(rc, 0);
  CHECK_INT(sqlite3_exec(db, "COMMIT", 0, 0, 0), SQLITE_CONSTRAINT_FOREIGNKEY);
  sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
  CHECK_STR(dump(db), zBefore);
  CHECK_INT(sqlite3_get_autocommit(db), 1);
  sqlite3_close(db);
}

/* A file on disk, read in blocks: the same rows as from memory. */
static void testFile(void){
  sqlite3 *db = openDb();
  KioskError err;
  sqlite3_int64 nRow = 0;
  const char *zPath = "test-csvload.tmp.csv";
  FILE *out = fopen(zPath, "wb");
  int i;
  CHECK(out!=0);
  if( out==0 ) return;
  fputs("id,s,n\n", out);
  /* enough rows to cross several 64 KiB blocks */
  for(i=0; i<20000; i++) fprintf(out, "r%d,\"line\nbreak, %d\",%d\n", i, i, i);
  fclose(out);
  kioskErrorClear(&err);
  CHECK_INT(kioskCsvLoadFile(db, "t", zPath, "big.csv", &nRow, &err), 0);
  CHECK_INT(nRow, 20000);
  {
    sqlite3_stmt *pStmt = 0;
    sqlite3_prepare_v2(db, "SELECT sum(n), count(*) FROM t WHERE s GLOB"
                       " 'line?break, *'", -1, &pStmt, 0);
    CHECK_INT(sqlite3_step(pStmt), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int64(pStmt, 0), 199990000LL);
    CHECK_INT(sqlite3_column_int64(pStmt, 1), 20000);
    sqlite3_finalize(pStmt);
  }
  /* an error deep in the file: the physical line counts the breaks */
  out = fopen(zPath, "ab");
  fputs("bad,x,1.5\n", out);
  fclose(out);
  sqlite3_exec(db, "DELETE FROM t WHERE id GLOB 'r*'", 0, 0, 0);
  kioskErrorClear(&err);
  CHECK_INT(kioskCsvLoadFile(db, "t", zPath, "big.csv", &nRow, &err),
            KIOSK_ECSV);
  {
    char zMsg[512];
    kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
    CHECK_STR(zMsg, "big.csv:40002:7: n \"1.5\" is not an integer");
  }
  remove(zPath);
  sqlite3_close(db);
}

int main(void){
  testCheckRef();
  testFile();
  testMalformed();
  testOtherErrors();
  testGood();
  return HARNESS_DONE("test-csvload");
}
