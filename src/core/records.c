/*
** records.c: opening records.db safely, and its small tables.
**
** Opening is where the database is kept safe: only a file of ours is
** opened (dbkind.h), created 0600, integrity check (a corrupt file is
** moved aside, never replaced), WAL with synchronous=FULL, a backup
** (recbackup.c), and in-place migrations by user_version. Also here:
** students, settings, the PIN and packs.
** Attempts, answers and the review schedule are recattempt.c; item
** analysis and CSV export are recreport.c.
*/
#include "recint.h"
#include "dbkind.h"
#include "pin.h"
#include "outbox.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* PRAGMA application_id of a records database: "KREC" (dbkind.h). It
** tells records.db from course.db and from any other file. */
#define RECORDS_APP_ID KIOSK_APPID_RECORDS

/*
** Migrations: aMigration[v-1] brings a database from user_version v to v+1,
** in one transaction with the new version stamped: zSql, then xStep (C
** work, may be NULL), then zSqlAfter (may be NULL). A new database gets
** records.sql (the latest schema) directly. To change the schema: edit
** records.sql, bump KIOSK_RECORDS_SCHEMA_VERSION, append the step here,
** and extend test-records.c's migration test.
*/
typedef struct Migration {
  const char *zSql;
  int (*xStep)(KioskRecords *, KioskError *);
  const char *zSqlAfter;
} Migration;

/* 1 -> 2: the settings a run kept in its first question's dict (ui.run)
** and the time a student left it (setting attempt.N.left-at) become
** columns of the attempt; answers get their text. The run settings
** themselves are read out of the question dicts by the next step. */
static const char zMigrate2[] =
  "ALTER TABLE attempts ADD COLUMN title TEXT;"
  "ALTER TABLE attempts ADD COLUMN seed INTEGER;"
  "ALTER TABLE attempts ADD COLUMN time_limit INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE attempts ADD COLUMN feedback TEXT NOT NULL DEFAULT 'each';"
  "ALTER TABLE attempts ADD COLUMN pass_mark REAL NOT NULL DEFAULT 60;"
  "ALTER TABLE attempts ADD COLUMN left_at INTEGER;"
  "ALTER TABLE answers ADD COLUMN text TEXT NOT NULL DEFAULT '';"
  "UPDATE attempts SET left_at=(SELECT CAST(value AS INTEGER) FROM settings"
  " WHERE key='attempt.'||attempts.id||'.left-at');"
  "DELETE FROM settings WHERE key GLOB 'attempt.[0-9]*.left-at';";

/* 2 -> 3: questions stored once by content (recquestion.c reads the old
** Tcl dict bodies), attempts get a uid and their clock columns. The old
** tables are renamed aside, the new ones made from records.sql, filled,
** and the old ones dropped. */
static const char zMigrate3[] =
  "ALTER TABLE attempts RENAME TO v2_attempts;"
  "ALTER TABLE questions RENAME TO v2_questions;"
  "ALTER TABLE question_options RENAME TO v2_question_options;"
  "ALTER TABLE question_facts RENAME TO v2_question_facts;"
  "ALTER TABLE answers RENAME TO v2_answers;"
  "ALTER TABLE answer_picks RENAME TO v2_answer_picks;"
  "DROP INDEX attempts_student;"
  "DROP INDEX attempts_pack;"
  "DROP INDEX questions_qid;";
static const char zMigrate3After[] =
  "INSERT INTO answer_picks(attempt, idx, opt)"
  " SELECT attempt, idx, opt FROM v2_answer_picks;"
  "DROP TABLE v2_answer_picks;"
  "DROP TABLE v2_answers;"
  "DROP TABLE v2_question_facts;"
  "DROP TABLE v2_question_options;"
  "DROP TABLE v2_questions;"
  "DROP TABLE v2_attempts;";

static int createMissing(KioskRecords *p, KioskError *pErr);

static int migrate3(KioskRecords *p, KioskError *pErr){
  int rc = createMissing(p, pErr);
  if( rc==KIOSK_OK ){
    rc = kioskRecExec(p,
      "INSERT INTO attempts(id, uid, student, kind, pack, stage, status,"
      " started, finished, title, seed, time_limit, feedback, pass_mark,"
      " allowed, sitting, used, left_at)"
      " SELECT id, lower(hex(randomblob(16))), student, kind, pack, stage,"
      " status, started, finished, title, seed, time_limit, feedback,"
      " pass_mark, 0, CAST(strftime('%s', started) AS INTEGER), 0, left_at"
      " FROM v2_attempts", pErr);
  }
  if( rc==KIOSK_OK ) rc = kioskRecMigrateQuestions(p, pErr);
  return rc;
}

/* 3 -> 4: the PIN throttle and the operator log (pin.h, reclog.c). IF NOT
** EXISTS: a database migrated from before 3 got them from records.sql in
** step 3 already. */
static const char zMigrate4[] =
  "CREATE TABLE IF NOT EXISTS pin_throttle ("
  "  id    INTEGER PRIMARY KEY CHECK (id = 1),"
  "  fails INTEGER NOT NULL DEFAULT 0 CHECK (fails >= 0),"
  "  until INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE IF NOT EXISTS oplog ("
  "  id      INTEGER PRIMARY KEY,"
  "  at      TEXT NOT NULL,"
  "  kind    TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 16),"
  "  message TEXT NOT NULL"
  ");";

/* 4 -> 5: the class outbox (outbox.sql: its table and triggers). A kiosk
** that joined a class under schema 4 (class.kiosk set) gets its whole
** history queued, so that every answer it holds reaches the class. */
static int migrate5(KioskRecords *p, KioskError *pErr){
  return kioskOutboxQueueHistory(p->db, 0, pErr);
}

/* 5 -> 6: explanations and answers in words stored in pieces (their
** sentences and list items, shared by every combination of wrong options
** drawn: recquestion.c), which brings 100,000 answers under 300 bytes
** each. The tables are the same; rows of qtexts change in place. */
static int migrate6(KioskRecords *p, KioskError *pErr){
  return kioskRecMigratePieces(p, pErr);
}

static const Migration aMigration[] = {
  { zMigrate2, 0, 0 },
  { zMigrate3, migrate3, zMigrate3After },
  { zMigrate4, 0, 0 },
  { kioskOutboxSchemaSql, migrate5, 0 },
  { "", migrate6, 0 },
};

const char *const kioskRecMigrationSql2 = zMigrate2;

/* ---- shared helpers (recint.h) ---- */

int kioskRecDbError(KioskRecords *p, const char *zCode, KioskError *pErr){
  /* A full disk has a code of its own: the kiosk tells the student and
  ** the operator something they can act on. */
  if( (sqlite3_extended_errcode(p->db) & 0xff)==SQLITE_FULL ) zCode = "FULL";
  return kioskErrorSet(pErr, KIOSK_EDB, zCode, 0, 0, 0, "%s",
                       sqlite3_errmsg(p->db));
}

/* FNV-1a of z, the cache's key (equal texts are then compared whole). */
static unsigned int sqlHash(const char *z){
  unsigned int h = 2166136261u;
  while( *z ){ h ^= (unsigned char)*z++; h *= 16777619u; }
  return h;
}

int kioskRecPrepare(KioskRecords *p, const char *zSql, sqlite3_stmt **ppStmt,
                    KioskError *pErr){
  unsigned int h = sqlHash(zSql);
  KioskRecStmt *pFree = 0, *pOld = 0;
  int i, bTwin = 0;
  *ppStmt = 0;
  p->iTick++;
  for(i=0; i<KIOSK_REC_NSTMT; i++){
    KioskRecStmt *c = &p->aStmt[i];
    if( c->pStmt==0 ){
      if( pFree==0 ) pFree = c;
      continue;
    }
    if( c->iHash==h && strcmp(sqlite3_sql(c->pStmt), zSql)==0 ){
      if( c->bBusy ){
        bTwin = 1;         /* in use by a caller up the stack */
        continue;
      }
      c->bBusy = 1;
      c->iUsed = p->iTick;
      *ppStmt = c->pStmt;
      return KIOSK_OK;
    }
    if( !c->bBusy && (pOld==0 || c->iUsed<pOld->iUsed) ) pOld = c;
  }
  if( sqlite3_prepare_v3(p->db, zSql, -1, SQLITE_PREPARE_PERSISTENT, ppStmt,
                         0)!=SQLITE_OK ){
    *ppStmt = 0;
    return kioskRecDbError(p, "QUERY", pErr);
  }
  /* A nested use's copy is not kept: the busy one is cached already. */
  if( bTwin ) return KIOSK_OK;
  if( pFree==0 && pOld ){
    sqlite3_finalize(pOld->pStmt);
    memset(pOld, 0, sizeof(*pOld));
    pFree = pOld;
  }
  if( pFree ){
    pFree->pStmt = *ppStmt;
    pFree->iHash = h;
    pFree->iUsed = p->iTick;
    pFree->bBusy = 1;
  }
  return KIOSK_OK;
}

void kioskRecFinalize(KioskRecords *p, sqlite3_stmt *pStmt){
  int i;
  if( pStmt==0 ) return;
  for(i=0; p && i<KIOSK_REC_NSTMT; i++){
    if( p->aStmt[i].pStmt==pStmt ){
      sqlite3_reset(pStmt);
      sqlite3_clear_bindings(pStmt);
      p->aStmt[i].bBusy = 0;
      return;
    }
  }
  sqlite3_finalize(pStmt);
}

/* Finalize every cached statement (before closing, or when the schema
** is rebuilt under them). */
static void stmtCacheClear(KioskRecords *p){
  int i;
  for(i=0; i<KIOSK_REC_NSTMT; i++){
    sqlite3_finalize(p->aStmt[i].pStmt);
    memset(&p->aStmt[i], 0, sizeof(p->aStmt[i]));
  }
}

int kioskRecEachRow(KioskRecords *p, sqlite3_stmt *pStmt, KioskRowFn xRow,
                    void *pArg, KioskError *pErr){
  int rc;
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    if( xRow ){
      int rcRow = xRow(pArg, pStmt);
      if( rcRow ){
        kioskRecFinalize(p, pStmt);
        return rcRow;
      }
    }
  }
  if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    kioskRecFinalize(p, pStmt);
    return KIOSK_EDB;
  }
  kioskRecFinalize(p, pStmt);
  return KIOSK_OK;
}

int kioskRecExec(KioskRecords *p, const char *zSql, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( strchr(zSql, ';')!=0 ){
    /* several statements: not one to keep */
    if( sqlite3_exec(p->db, zSql, 0, 0, 0)!=SQLITE_OK ){
      return kioskRecDbError(p, "QUERY", pErr);
    }
    return KIOSK_OK;
  }
  if( kioskRecPrepare(p, zSql, &pStmt, pErr) ) return KIOSK_EDB;
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskRecBindText(sqlite3_stmt *pStmt, int i, const char *z){
  if( z==0 ) return sqlite3_bind_null(pStmt, i);
  return sqlite3_bind_text(pStmt, i, z, -1, SQLITE_TRANSIENT);
}

int kioskRecStudentCheck(KioskRecords *p, sqlite3_int64 iId,
                         KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc, bFound;
  if( kioskRecPrepare(p, "SELECT 1 FROM students WHERE id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iId);
  rc = sqlite3_step(pStmt);
  bFound = rc==SQLITE_ROW;
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    kioskRecFinalize(p, pStmt);
    return KIOSK_EDB;
  }
  kioskRecFinalize(p, pStmt);
  if( !bFound ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOSTUDENT", 0, 0, 0,
                         "no student with id %lld", (long long)iId);
  }
  return KIOSK_OK;
}

void kioskRecordsIsoTime(long long t, char *z){
  struct tm tm;
  time_t tt = (time_t)t;
  memset(&tm, 0, sizeof(tm));
  /* Years outside 0..9999 do not fit the form: store "" rather than
  ** whatever strftime left behind (callers also refuse such times). */
  if( t<KIOSK_RECORDS_TIME_MIN || t>KIOSK_RECORDS_TIME_MAX
   || gmtime_r(&tt, &tm)==0
   || strftime(z, KIOSK_RECORDS_ISO_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm)==0 ){
    z[0] = 0;
  }
}

sqlite3 *kioskRecordsDb(KioskRecords *p){ return p->db; }
const char *kioskRecordsPath(KioskRecords *p){ return p->zPath; }

/* ---- opening ---- */

static int isMemory(const char *zPath){
  return zPath[0]==0 || strcmp(zPath, ":memory:")==0
      || strncmp(zPath, "file::memory:", 13)==0;
}

static int fileExists(const char *zPath){
  return access(zPath, F_OK)==0;
}

/* One integer pragma's value into *pi. Returns the SQLite result code. */
static int pragmaInt(sqlite3 *db, const char *zSql, int *pi){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  if( rc==SQLITE_OK ){
    rc = sqlite3_step(pStmt);
    if( rc==SQLITE_ROW ){
      *pi = sqlite3_column_int(pStmt, 0);
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(pStmt);
  return rc==SQLITE_DONE ? SQLITE_OK : rc;
}

/* Run one integrity check statement zSql; see integrityCheck. */
static int checkWith(sqlite3 *db, const char *zSql, char *zWhy, int nWhy){
  sqlite3_stmt *pStmt = 0;
  int rc, nRow = 0, bOk = 0, ret;
  zWhy[0] = 0;
  rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  if( rc==SQLITE_OK ){
    while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      const char *z = (const char *)sqlite3_column_text(pStmt, 0);
      if( nRow++==0 ){
        bOk = z && strcmp(z, "ok")==0;
        if( !bOk ) snprintf(zWhy, (size_t)nWhy, "%s", z ? z : "");
      }
    }
  }
  if( rc==SQLITE_DONE ){
    ret = (bOk && nRow==1) ? 0 : 1;
  }else{
    int rcBase = rc & 0xff;
    snprintf(zWhy, (size_t)nWhy, "%s", sqlite3_errmsg(db));
    ret = (rcBase==SQLITE_CORRUPT || rcBase==SQLITE_NOTADB) ? 1 : -1;
  }
  sqlite3_finalize(pStmt);
  return ret;
}

/*
** Check the database at open, at a cost that does not grow with the
** answers: a database up to KIOSK_RECORDS_CHECK_ALL bytes gets PRAGMA
** integrity_check; a larger one a check of its header and schema and of
** every table but those that grow with the answers (attempts, asked,
** answers, answer_picks; they have kioskRecordsCheck). Returns 0 when
** sound, 1 when corrupt or not a database (zWhy says how), -1 on any other
** failure (busy, I/O, permissions: the file may be fine, so it must not be
** moved).
*/
static int integrityCheck(sqlite3 *db, char *zWhy, int nWhy){
  static const char *const azSmall[] = {
    "students", "review", "lessons_read", "packs", "settings", "secrets",
    "questions", "qtexts"
  };
  int nPage = 0, nSize = 0, rc;
  size_t i;
  if( pragmaInt(db, "PRAGMA page_count", &nPage)
   || pragmaInt(db, "PRAGMA page_size", &nSize) ){
    return checkWith(db, "PRAGMA integrity_check(10)", zWhy, nWhy);
  }
  if( (sqlite3_int64)nPage*nSize <= KIOSK_RECORDS_CHECK_ALL ){
    return checkWith(db, "PRAGMA integrity_check(10)", zWhy, nWhy);
  }
  for(i=0; i<sizeof(azSmall)/sizeof(azSmall[0]); i++){
    char *zSql = sqlite3_mprintf("PRAGMA integrity_check(%Q)", azSmall[i]);
    int bHas = 0;
    char *zHas = sqlite3_mprintf("SELECT count(*) FROM sqlite_schema"
                                 " WHERE type='table' AND name=%Q", azSmall[i]);
    if( zSql==0 || zHas==0 ){
      sqlite3_free(zSql);
      sqlite3_free(zHas);
      return -1;
    }
    rc = pragmaInt(db, zHas, &bHas);
    sqlite3_free(zHas);
    if( rc!=SQLITE_OK ){
      sqlite3_free(zSql);
      snprintf(zWhy, (size_t)nWhy, "%s", sqlite3_errmsg(db));
      rc &= 0xff;
      return (rc==SQLITE_CORRUPT || rc==SQLITE_NOTADB) ? 1 : -1;
    }
    rc = bHas ? checkWith(db, zSql, zWhy, nWhy) : 0;
    sqlite3_free(zSql);
    if( rc ) return rc;
  }
  return 0;
}

int kioskRecordsCheck(KioskRecords *p, int *pbOk, char **pzWhy,
                      KioskError *pErr){
  char zWhy[512];
  int rc = checkWith(p->db, "PRAGMA integrity_check(10)", zWhy,
                     (int)sizeof(zWhy));
  *pbOk = rc==0;
  if( pzWhy ) *pzWhy = 0;
  if( rc<0 ){
    return kioskErrorSet(pErr, KIOSK_EDB, "CHECK", p->zPath, 0, 0,
                         "cannot check the records database: %s", zWhy);
  }
  if( rc>0 && pzWhy ) *pzWhy = sqlite3_mprintf("%s", zWhy);
  return KIOSK_OK;
}

/* Rename zPath (and its -wal, -shm) to a free "zPath.corrupt-<UTC time>"
** name written into zNew. Returns 0, or errno of the failed rename
** (ENOMEM when out of memory). */
static int moveAside(const char *zPath, char *zNew, size_t nNew){
  static const char *const azSuffix[] = { "-wal", "-shm" };
  char zStamp[32];
  char *zFrom = 0, *zTo = 0;
  time_t now = time(0);
  struct tm tm;
  size_t i;
  int n, rc = 0;

  memset(&tm, 0, sizeof(tm));
  gmtime_r(&now, &tm);
  strftime(zStamp, sizeof(zStamp), "%Y%m%dT%H%M%SZ", &tm);
  snprintf(zNew, nNew, "%s.corrupt-%s", zPath, zStamp);
  for(n=2; fileExists(zNew) && n<1000; n++){
    snprintf(zNew, nNew, "%s.corrupt-%s-%d", zPath, zStamp, n);
  }
  if( rename(zPath, zNew)!=0 ) return errno;
  for(i=0; i<sizeof(azSuffix)/sizeof(azSuffix[0]) && rc==0; i++){
    zFrom = sqlite3_mprintf("%s%s", zPath, azSuffix[i]);
    zTo = sqlite3_mprintf("%s%s", zNew, azSuffix[i]);
    if( zFrom==0 || zTo==0 ){
      rc = ENOMEM;
    }else if( fileExists(zFrom) ){
      (void)rename(zFrom, zTo);
    }
    sqlite3_free(zFrom);
    sqlite3_free(zTo);
  }
  return rc;
}

/*
** Records are private: a new records.db is created 0600 whatever the
** umask (SQLite gives its -wal and -shm the database's mode), and an older
** one readable by others is narrowed to 0600 with its -wal and -shm.
** Returns 0, or errno.
*/
static int makePrivate(const char *zPath, int bExists){
  static const char *const azSuffix[] = { "", "-wal", "-shm" };
  size_t i;
  if( !bExists ){
    int fd = open(zPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if( fd<0 ) return errno==EEXIST ? 0 : errno;
    if( fchmod(fd, 0600)!=0 ){
      int e = errno;
      close(fd);
      return e;
    }
    return close(fd)==0 ? 0 : errno;
  }
  for(i=0; i<sizeof(azSuffix)/sizeof(azSuffix[0]); i++){
    struct stat st;
    char *z = sqlite3_mprintf("%s%s", zPath, azSuffix[i]);
    if( z==0 ) return ENOMEM;
    /* not ours to change (EPERM: another user's file): left as it is */
    if( stat(z, &st)==0 && (st.st_mode & 077)!=0
     && chmod(z, st.st_mode & 07700)!=0 && errno!=EPERM ){
      int e = errno;
      sqlite3_free(z);
      return e;
    }
    sqlite3_free(z);
  }
  return 0;
}

/* Give an empty database the latest schema, in one transaction. */
static int createSchema(KioskRecords *p, KioskError *pErr){
  char *zErr = 0;
  char *zStamp = sqlite3_mprintf("PRAGMA user_version = %d;"
                                 " PRAGMA application_id = %d;",
                                 KIOSK_RECORDS_SCHEMA_VERSION,
                                 RECORDS_APP_ID);
  int rc = zStamp ? SQLITE_OK : SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, "BEGIN IMMEDIATE", 0, 0, &zErr);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, kioskRecordsSchemaSql, 0, 0, &zErr);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, kioskOutboxSchemaSql, 0, 0, &zErr);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, zStamp, 0, 0, &zErr);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, "COMMIT", 0, 0, &zErr);
  sqlite3_free(zStamp);
  if( rc!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "SCHEMA", p->zPath, 0, 0,
                  "cannot create the records schema: %s",
                  zErr ? zErr : sqlite3_errmsg(p->db));
    sqlite3_free(zErr);
    sqlite3_exec(p->db, "ROLLBACK", 0, 0, 0);
    return KIOSK_EDB;
  }
  return KIOSK_OK;
}

/* The end of the SQL statement that starts at z (past its ';'); NULL
** when out of memory. */
static const char *stmtEnd(const char *z){
  const char *c;
  for(c=z; *c; c++){
    if( *c==';' ){
      char *zPre = sqlite3_mprintf("%.*s", (int)(c-z+1), z);
      int bDone;
      if( zPre==0 ) return 0;
      bDone = sqlite3_complete(zPre);
      sqlite3_free(zPre);
      if( bDone ) return c+1;
    }
  }
  return c;
}

/* Run each statement of records.sql that makes an object the database
** lacks (a migration's new tables, from the one description of them). */
static int createMissing(KioskRecords *p, KioskError *pErr){
  const char *zSql = kioskRecordsSchemaSql;
  while( zSql && *zSql ){
    sqlite3_stmt *pStmt = 0;
    const char *zTail = 0;
    int rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, &zTail);
    if( rc!=SQLITE_OK ){
      /* CREATE of an object that exists fails here, before it runs. */
      if( strstr(sqlite3_errmsg(p->db), "already exists")==0 ){
        return kioskRecDbError(p, "MIGRATE", pErr);
      }
      zTail = stmtEnd(zSql);
      if( zTail==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                          "out of memory");
    }else if( pStmt ){
      rc = sqlite3_step(pStmt);
      kioskRecFinalize(p, pStmt);
      if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "MIGRATE", pErr);
    }
    zSql = zTail;
  }
  return KIOSK_OK;
}

/* Bring a database at iVersion up to iTarget, one step per transaction,
** so an interrupted migration resumes where it stopped. Foreign keys are
** off meanwhile (tables are renamed and rebuilt), and checked after. */
static int migrateTo(KioskRecords *p, int iVersion, int iTarget,
                     KioskError *pErr){
  int v, rc = SQLITE_OK;
  sqlite3_exec(p->db, "PRAGMA foreign_keys=OFF", 0, 0, 0);
  for(v=iVersion; v<iTarget; v++){
    const Migration *pM = (size_t)(v-1) < sizeof(aMigration)/sizeof(aMigration[0])
                        ? &aMigration[v-1] : 0;
    char *zErr = 0, *zStamp;
    if( v<1 || pM==0 ){
      sqlite3_exec(p->db, "PRAGMA foreign_keys=ON", 0, 0, 0);
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "VERSION", p->zPath, 0, 0,
                           "no migration from records schema version %d", v);
    }
    zStamp = sqlite3_mprintf("PRAGMA user_version = %d", v+1);
    rc = zStamp ? sqlite3_exec(p->db, "BEGIN IMMEDIATE", 0, 0, &zErr)
                : SQLITE_NOMEM;
    if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, pM->zSql, 0, 0, &zErr);
    if( rc==SQLITE_OK && pM->xStep && pM->xStep(p, pErr) ){
      sqlite3_free(zStamp);
      sqlite3_exec(p->db, "ROLLBACK", 0, 0, 0);
      sqlite3_exec(p->db, "PRAGMA foreign_keys=ON", 0, 0, 0);
      return kioskErrorSet(pErr, pErr->eClass, "MIGRATE", p->zPath, 0, 0,
                           "cannot migrate records from version %d to %d: %s",
                           v, v+1, pErr->zMsg);
    }
    if( rc==SQLITE_OK && pM->zSqlAfter ){
      rc = sqlite3_exec(p->db, pM->zSqlAfter, 0, 0, &zErr);
    }
    if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, zStamp, 0, 0, &zErr);
    if( rc==SQLITE_OK ) rc = sqlite3_exec(p->db, "COMMIT", 0, 0, &zErr);
    sqlite3_free(zStamp);
    if( rc!=SQLITE_OK ){
      kioskErrorSet(pErr, KIOSK_EDB, "MIGRATE", p->zPath, 0, 0,
                    "cannot migrate records from version %d to %d: %s",
                    v, v+1, zErr ? zErr : sqlite3_errmsg(p->db));
      sqlite3_free(zErr);
      sqlite3_exec(p->db, "ROLLBACK", 0, 0, 0);
      sqlite3_exec(p->db, "PRAGMA foreign_keys=ON", 0, 0, 0);
      return KIOSK_EDB;
    }
  }
  sqlite3_exec(p->db, "PRAGMA foreign_keys=ON", 0, 0, 0);
  return KIOSK_OK;
}

static int migrate(KioskRecords *p, int iVersion, KioskError *pErr){
  return migrateTo(p, iVersion, KIOSK_RECORDS_SCHEMA_VERSION, pErr);
}

int kioskRecordsOpen(const char *zPath, int nBackup, KioskRecords **pp,
                     KioskError *pErr){
  return kioskRecordsOpenFlags(zPath, nBackup, 0, pp, pErr);
}

int kioskRecordsOpenFlags(const char *zPath, int nBackup, int flags,
                          KioskRecords **pp, KioskError *pErr){
  return kioskRecordsOpenAt(zPath, nBackup, flags, (long long)time(0), pp,
                            pErr);
}

int kioskRecordsOpenAt(const char *zPath, int nBackup, int flags,
                       long long iNow, KioskRecords **pp, KioskError *pErr){
  KioskRecords *p = 0;
  sqlite3 *db = 0;
  char zWhy[512], zMoved[1100];
  int rc, iVersion = 0, iAppId = 0, nTable = 0, bMem = isMemory(zPath);
  int bOurs = 0;

  *pp = 0;
  /* Only a records database of ours, or nothing, is opened (dbkind.h): a
  ** course.db, another program's database or a text file is refused as it
  ** is, whatever the flags. */
  if( !bMem ){
    KioskDbKind eKind;
    int iHdrId = 0, e;
    if( kioskDbKind(zPath, &eKind, &iHdrId, pErr) ) goto fail;
    if( eKind==KIOSK_DB_COURSE || eKind==KIOSK_DB_OTHER
     || (eKind==KIOSK_DB_SQLITE && iHdrId!=0) ){
      kioskErrorSet(pErr, KIOSK_ERECORDS, "FOREIGN", zPath, 0, 0,
                    "this is %s, not a kiosk records database; left as it is",
                    kioskDbKindName(eKind));
      goto fail;
    }
    bOurs = eKind==KIOSK_DB_RECORDS;
    if( (e = makePrivate(zPath, eKind!=KIOSK_DB_MISSING))!=0 ){
      kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zPath, 0, 0,
                    eKind==KIOSK_DB_MISSING
                    ? "cannot create the records database: %s"
                    : "cannot make the records database private: %s",
                    strerror(e));
      goto fail;
    }
  }
  rc = sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       0);
  if( rc!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                  "cannot open records database: %s",
                  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    goto fail;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  if( kioskRecRegisterFunctions(db)!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0, "%s",
                  sqlite3_errmsg(db));
    goto fail;
  }

  rc = integrityCheck(db, zWhy, (int)sizeof(zWhy));
  if( rc<0 ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                  "cannot read records database: %s", zWhy);
    goto fail;
  }
  if( rc>0 ){
    int e;
    sqlite3_close(db);
    db = 0;
    if( bMem ){
      kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", zPath, 0, 0,
                    "records database is corrupt (%s)", zWhy);
    }else if( !bOurs ){
      /* Damaged, and nothing in its header says it is ours. */
      kioskErrorSet(pErr, KIOSK_ERECORDS, "FOREIGN", zPath, 0, 0,
                    "this is a damaged SQLite database (%s) that is not a "
                    "kiosk records database; left as it is", zWhy);
    }else if( flags & KIOSK_RECORDS_KEEP_CORRUPT ){
      kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", zPath, 0, 0,
                    "records database is corrupt (%s); left as it is: the "
                    "kiosk sets it aside when it next starts", zWhy);
    }else if( (e = moveAside(zPath, zMoved, sizeof(zMoved)))!=0 ){
      kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", zPath, 0, 0,
                    "records database is corrupt (%s) and could not be "
                    "moved aside: %s", zWhy, strerror(e));
    }else{
      kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", zPath, 0, 0,
                    "records database is corrupt (%s); moved aside to %s",
                    zWhy, zMoved);
    }
    goto fail;
  }

  if( pragmaInt(db, "PRAGMA user_version", &iVersion)
   || pragmaInt(db, "PRAGMA application_id", &iAppId)
   || pragmaInt(db, "SELECT count(*) FROM sqlite_schema WHERE type='table'",
                &nTable) ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                  "cannot read records database: %s", sqlite3_errmsg(db));
    goto fail;
  }
  if( nTable>0 && iAppId!=RECORDS_APP_ID ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "FOREIGN", zPath, 0, 0,
                  "this is %s, not a kiosk records database; left as it is",
                  kioskDbIsOldCourse(db) ? "a kiosk course database"
                  : kioskDbKindName(KIOSK_DB_SQLITE));
    goto fail;
  }
  if( nTable>0 && iVersion>KIOSK_RECORDS_SCHEMA_VERSION ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "VERSION", zPath, 0, 0,
                  "records database has schema version %d, newer than this "
                  "kiosk's %d: use a newer kiosk", iVersion,
                  KIOSK_RECORDS_SCHEMA_VERSION);
    goto fail;
  }

  /* WAL survives a kill at any moment; FULL syncs every commit, so an
  ** answer that was acknowledged is on disk even after a power cut. */
  if( !bMem ){
    sqlite3_stmt *pStmt = 0;
    const char *zMode = 0;
    rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &pStmt, 0);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      zMode = (const char *)sqlite3_column_text(pStmt, 0);
    }
    if( zMode==0 || sqlite3_stricmp(zMode, "wal")!=0 ){
      kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0,
                    "cannot switch records database to WAL mode: %s",
                    sqlite3_errmsg(db));
      kioskRecFinalize(p, pStmt);
      goto fail;
    }
    kioskRecFinalize(p, pStmt);
  }
  if( sqlite3_exec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON",
                   0, 0, 0)!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_EDB, "OPEN", zPath, 0, 0, "%s",
                  sqlite3_errmsg(db));
    goto fail;
  }

  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) goto no_mem;
  memset(p, 0, sizeof(*p));
  p->db = db;
  db = 0;
  p->nBackup = nBackup;
  p->zPath = sqlite3_mprintf("%s", zPath);
  if( p->zPath==0 ) goto no_mem;

  if( nTable==0 ){
    if( createSchema(p, pErr) ) goto fail;
  }else{
    /* Back up before touching anything: a failed migration, or a bug in
    ** this version, leaves yesterday's records one rename away. */
    int bMigrate = iVersion<KIOSK_RECORDS_SCHEMA_VERSION;
    if( bMigrate && kioskRecordsBackup(p, 0, pErr) ) goto fail;
    if( !bMigrate && !(flags & KIOSK_RECORDS_DEFER_BACKUP) ){
      /* Opening needs no backup: a failed one is a warning (a full disk
      ** must not refuse a PIN or a pack). */
      KioskError errBackup;
      kioskErrorClear(&errBackup);
      if( kioskRecordsBackupAt(p, iNow, 0, &errBackup) ){
        char zMsg[1600];
        kioskErrorFormat(&errBackup, zMsg, (int)sizeof(zMsg));
        p->zWarning = sqlite3_mprintf("%s", zMsg);
        if( p->zWarning==0 ) goto no_mem;
      }
    }
    if( bMigrate && migrate(p, iVersion, pErr) ) goto fail;
  }
  *pp = p;
  return KIOSK_OK;

no_mem:
  kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
fail:
  sqlite3_close(db);
  kioskRecordsClose(p);
  return pErr ? (int)pErr->eClass : KIOSK_ERECORDS;
}

const char *kioskRecordsOpenWarning(KioskRecords *p){ return p->zWarning; }

void kioskRecordsClose(KioskRecords *p){
  if( p==0 ) return;
  stmtCacheClear(p);
  sqlite3_close(p->db);
  sqlite3_free(p->zWarning);
  sqlite3_free(p->zPath);
  sqlite3_free(p);
}

/* ---- students ---- */

/* Trim zName into zOut (nOut bytes) and check it. */
static int cleanName(const char *zName, char *zOut, size_t nOut,
                     KioskError *pErr){
  size_t n, i, nChar = 0;
  while( *zName && isspace((unsigned char)*zName) ) zName++;
  n = strlen(zName);
  while( n>0 && isspace((unsigned char)zName[n-1]) ) n--;
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)zName[i];
    if( c<0x20 || c==0x7f ){
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "NAME", 0, 0, 0,
                           "a student name cannot contain control characters");
    }
    if( (c & 0xc0)!=0x80 ) nChar++;
  }
  if( nChar<1 || nChar>64 || n>=nOut ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NAME", 0, 0, 0,
                         "a student name has 1 to 64 characters");
  }
  memcpy(zOut, zName, n);
  zOut[n] = 0;
  return KIOSK_OK;
}

/* "EXISTS" when a current student other than iSelf has the name. */
static int nameFree(KioskRecords *p, const char *zName, sqlite3_int64 iSelf,
                    KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( kioskRecPrepare(p, "SELECT 1 FROM students WHERE removed IS NULL"
                      " AND name=?1 COLLATE NOCASE AND id<>?2",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zName, -1, SQLITE_STATIC);
  sqlite3_bind_int64(pStmt, 2, iSelf);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc==SQLITE_ROW ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "EXISTS", 0, 0, 0,
                         "there is already a student called \"%s\"", zName);
  }
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

int kioskRecordsStudentAdd(KioskRecords *p, const char *zName,
                           long long iNow, sqlite3_int64 *piId,
                           KioskError *pErr){
  char zClean[512], zTime[32];
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = cleanName(zName, zClean, sizeof(zClean), pErr))!=0 ) return rc;
  if( (rc = nameFree(p, zClean, 0, pErr))!=0 ) return rc;
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "INSERT INTO students(name, created) VALUES(?1, ?2)",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zClean, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zTime, -1, SQLITE_STATIC);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) return KIOSK_EDB;
  *piId = sqlite3_last_insert_rowid(p->db);
  return KIOSK_OK;
}

int kioskRecordsStudentRename(KioskRecords *p, sqlite3_int64 iId,
                              const char *zName, KioskError *pErr){
  char zClean[512];
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iId, pErr))!=0 ) return rc;
  if( (rc = cleanName(zName, zClean, sizeof(zClean), pErr))!=0 ) return rc;
  if( (rc = nameFree(p, zClean, iId, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p, "UPDATE students SET name=?1 WHERE id=?2",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zClean, -1, SQLITE_STATIC);
  sqlite3_bind_int64(pStmt, 2, iId);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

int kioskRecordsStudentRemove(KioskRecords *p, sqlite3_int64 iId, int bKeep,
                              long long iNow, KioskError *pErr){
  char zTime[32];
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iId, pErr))!=0 ) return rc;
  /* Nothing is deleted without a backup made just before. */
  if( !bKeep && (rc = kioskRecordsBackupAt(p, iNow, 0, pErr))!=0 ) return rc;
  kioskRecordsIsoTime(iNow, zTime);
  /* Deleting cascades to attempts, questions, answers, review, lessons. */
  if( kioskRecPrepare(p, bKeep
        ? "UPDATE students SET removed=?2 WHERE id=?1 AND removed IS NULL"
        : "DELETE FROM students WHERE id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iId);
  if( bKeep ) sqlite3_bind_text(pStmt, 2, zTime, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

int kioskRecordsStudents(KioskRecords *p, int bAll, KioskRowFn xRow,
                         void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( kioskRecPrepare(p, bAll
        ? "SELECT id, name, created, removed FROM students"
          " ORDER BY name COLLATE NOCASE, id"
        : "SELECT id, name, created FROM students WHERE removed IS NULL"
          " ORDER BY name COLLATE NOCASE, id", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

int kioskRecordsStudentGet(KioskRecords *p, sqlite3_int64 iId,
                           KioskRowFn xRow, void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iId, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p, "SELECT id, name, created, removed FROM students"
                      " WHERE id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iId);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* ---- settings ---- */

/* Check zValue for a known key; may rewrite it into zOut (canonical form).
** Returns 0 or fills pErr. */
typedef int (*SettingCheck)(const char *zValue, char *zOut, size_t nOut,
                            KioskError *pErr);

static int checkSeconds(const char *zValue, char *zOut, size_t nOut,
                        KioskError *pErr){
  long v = 0;
  const char *z;
  for(z=zValue; *z; z++){
    if( !isdigit((unsigned char)*z) || v>86400 ) break;
    v = v*10 + (*z - '0');
  }
  if( z==zValue || *z || v<1 || v>86400 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "SETTING", 0, 0, 0,
                         "idle-timeout must be a whole number of seconds "
                         "from 1 to 86400, not \"%s\"", zValue);
  }
  snprintf(zOut, nOut, "%ld", v);
  return KIOSK_OK;
}

static int checkBool(const char *zValue, char *zOut, size_t nOut,
                     KioskError *pErr){
  static const char *const azTrue[] = { "1", "true", "yes", "on", 0 };
  static const char *const azFalse[] = { "0", "false", "no", "off", 0 };
  int i;
  for(i=0; azTrue[i]; i++){
    if( sqlite3_stricmp(zValue, azTrue[i])==0 ){
      snprintf(zOut, nOut, "1");
      return KIOSK_OK;
    }
    if( sqlite3_stricmp(zValue, azFalse[i])==0 ){
      snprintf(zOut, nOut, "0");
      return KIOSK_OK;
    }
  }
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "SETTING", 0, 0, 0,
                       "kiosk-lock must be 0 or 1, not \"%s\"", zValue);
}

static int checkSlug(const char *zValue, char *zOut, size_t nOut,
                     KioskError *pErr){
  const char *z;
  for(z=zValue; *z; z++){
    if( !(islower((unsigned char)*z) || isdigit((unsigned char)*z)
          || *z=='-') ) break;
  }
  if( z==zValue || *z || (size_t)(z-zValue)>=nOut ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "SETTING", 0, 0, 0,
                         "theme must be a name of a-z, 0-9 and -, not \"%s\"",
                         zValue);
  }
  snprintf(zOut, nOut, "%s", zValue);
  return KIOSK_OK;
}

static const struct {
  const char *zKey;
  const char *zDefault;
  SettingCheck xCheck;
} aSetting[] = {
  { "idle-timeout", "180",     checkSeconds },
  { "kiosk-lock",   "1",       checkBool },
  { "theme",        "default", checkSlug },
};
#define N_SETTING ((int)(sizeof(aSetting)/sizeof(aSetting[0])))

static int keyValid(const char *zKey){
  const char *z = zKey;
  if( !islower((unsigned char)*z) ) return 0;
  for(z++; *z; z++){
    if( !(islower((unsigned char)*z) || isdigit((unsigned char)*z)
          || *z=='-' || *z=='.') ) return 0;
  }
  return z-zKey<=64;
}

int kioskRecordsSettingGet(KioskRecords *p, const char *zKey,
                           char **pzValue, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  const char *zVal = 0;
  int rc, i;
  *pzValue = 0;
  if( kioskRecPrepare(p, "SELECT value FROM settings WHERE key=?1",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zKey, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    zVal = (const char *)sqlite3_column_text(pStmt, 0);
  }else if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    kioskRecFinalize(p, pStmt);
    return KIOSK_EDB;
  }
  for(i=0; zVal==0 && i<N_SETTING; i++){
    if( strcmp(aSetting[i].zKey, zKey)==0 ) zVal = aSetting[i].zDefault;
  }
  if( zVal ) *pzValue = sqlite3_mprintf("%s", zVal);
  kioskRecFinalize(p, pStmt);
  if( zVal==0 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOSETTING", 0, 0, 0,
                         "no setting \"%s\"", zKey);
  }
  if( *pzValue==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                         "out of memory");
  return KIOSK_OK;
}

int kioskRecordsSettingSet(KioskRecords *p, const char *zKey,
                           const char *zValue, KioskError *pErr){
  char zCanon[256];
  const char *zStore = zValue;
  sqlite3_stmt *pStmt = 0;
  int i, rc;
  if( !keyValid(zKey) ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "SETTING", 0, 0, 0,
                         "a setting name is [a-z][a-z0-9.-]*, not \"%s\"",
                         zKey);
  }
  for(i=0; i<N_SETTING; i++){
    if( strcmp(aSetting[i].zKey, zKey)==0 ){
      if( (rc = aSetting[i].xCheck(zValue, zCanon, sizeof(zCanon), pErr))!=0 ){
        return rc;
      }
      zStore = zCanon;
    }
  }
  if( kioskRecPrepare(p, "INSERT INTO settings(key, value) VALUES(?1, ?2)"
                      " ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zKey, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zStore, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

int kioskRecordsSettings(KioskRecords *p, KioskRowFn xRow, void *pArg,
                         KioskError *pErr){
  sqlite3_str *pSql = sqlite3_str_new(p->db);
  sqlite3_stmt *pStmt = 0;
  char *zSql;
  int i, rc;
  /* Stored values, then the defaults of the keys never set. */
  sqlite3_str_appendall(pSql, "WITH d(key, value) AS (VALUES ");
  for(i=0; i<N_SETTING; i++){
    sqlite3_str_appendf(pSql, "%s(?%d, ?%d)", i ? ", " : "", 2*i+1, 2*i+2);
  }
  sqlite3_str_appendall(pSql, ") SELECT key, value FROM settings"
      " UNION ALL SELECT key, value FROM d"
      " WHERE key NOT IN (SELECT key FROM settings) ORDER BY key");
  zSql = sqlite3_str_finish(pSql);
  if( zSql==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                     "out of memory");
  rc = kioskRecPrepare(p, zSql, &pStmt, pErr);
  sqlite3_free(zSql);
  if( rc ) return rc;
  for(i=0; i<N_SETTING; i++){
    sqlite3_bind_text(pStmt, 2*i+1, aSetting[i].zKey, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 2*i+2, aSetting[i].zDefault, -1, SQLITE_STATIC);
  }
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* ---- the instructor PIN ---- */

/* *pzHash: the stored hash (sqlite3_malloc'd), NULL when none is set. */
static int pinHash(KioskRecords *p, char **pzHash, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *pzHash = 0;
  if( kioskRecPrepare(p, "SELECT hash FROM secrets WHERE name='pin'",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    *pzHash = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
  }
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

int kioskRecordsPinIsSet(KioskRecords *p, int *pbSet, KioskError *pErr){
  char *zHash = 0;
  int rc = pinHash(p, &zHash, pErr);
  *pbSet = zHash!=0;
  sqlite3_free(zHash);
  return rc;
}

/* Store zHash as the PIN's hash; a new PIN starts with a clean slate: no
** pause left from the old one. The caller holds a transaction or savepoint. */
static int pinStore(KioskRecords *p, const char *zHash, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc = kioskRecPrepare(p, "INSERT INTO secrets(name, hash) VALUES('pin', ?1)"
                           " ON CONFLICT(name) DO UPDATE SET hash=excluded.hash",
                           &pStmt, pErr);
  if( rc==KIOSK_OK ){
    sqlite3_bind_text(pStmt, 1, zHash, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) rc = kioskRecDbError(p, "QUERY", pErr);
    kioskRecFinalize(p, pStmt);
  }
  if( rc==KIOSK_OK ) rc = kioskRecExec(p, "DELETE FROM pin_throttle", pErr);
  return rc;
}

int kioskRecordsPinSet(KioskRecords *p, const char *zPin, KioskError *pErr){
  char *zHash = 0;
  int rc;
  if( (rc = kioskPinHash(zPin, &zHash, pErr))!=0 ) return rc;
  rc = pinStore(p, zHash, pErr);
  sqlite3_free(zHash);
  return rc;
}

int kioskRecordsPinHashGet(KioskRecords *p, char **pzHash, KioskError *pErr){
  return pinHash(p, pzHash, pErr);
}

int kioskRecordsPinHashSet(KioskRecords *p, const char *zHash, int *pbChanged,
                           KioskError *pErr){
  char *zOld = 0;
  int rc;
  if( pbChanged ) *pbChanged = 0;
  if( (rc = kioskPinHashValid(zHash, pErr))!=0 ) return rc;
  if( (rc = pinHash(p, &zOld, pErr))!=0 ) return rc;
  if( zOld && strcmp(zOld, zHash)==0 ){
    sqlite3_free(zOld);
    return KIOSK_OK;
  }
  sqlite3_free(zOld);
  if( (rc = kioskRecExec(p, "SAVEPOINT pin_hash", pErr)) ) return rc;
  rc = pinStore(p, zHash, pErr);
  if( rc==KIOSK_OK ){
    rc = kioskRecExec(p, "RELEASE pin_hash", pErr);
  }else{
    sqlite3_exec(p->db, "ROLLBACK TO pin_hash; RELEASE pin_hash", 0, 0, 0);
  }
  if( rc==KIOSK_OK && pbChanged ) *pbChanged = 1;
  return rc;
}

int kioskRecordsPinCheck(KioskRecords *p, const char *zPin, int *pbOk,
                         KioskError *pErr){
  char *zHash = 0;
  int rc = pinHash(p, &zHash, pErr);
  *pbOk = rc==KIOSK_OK && zHash!=0 && kioskPinVerify(zPin, zHash);
  sqlite3_free(zHash);
  return rc;
}

/* ---- quiz packs ---- */

int kioskRecordsPackInstall(KioskRecords *p, const char *zId,
                            const char *zTitle, const char *zText,
                            long long iNow, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char zTime[32];
  int rc;
  if( zId==0 || zId[0]==0 || zTitle==0 || zText==0 ){
    return kioskErrorSet(pErr, KIOSK_EARG, "PACK", 0, 0, 0,
                         "a pack needs an id, a title and its text");
  }
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "INSERT INTO packs(id, title, text, installed)"
                      " VALUES(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET"
                      " title=excluded.title, text=excluded.text,"
                      " installed=excluded.installed", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zTitle, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, zText, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 4, zTime, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

int kioskRecordsPacks(KioskRecords *p, KioskRowFn xRow, void *pArg,
                      KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( kioskRecPrepare(p, "SELECT id, title, installed, active FROM packs"
                      " ORDER BY id", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

static int noPack(const char *zId, KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOPACK", 0, 0, 0,
                       "no installed pack \"%s\"", zId);
}

int kioskRecordsPackGet(KioskRecords *p, const char *zId, KioskRowFn xRow,
                        void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( kioskRecPrepare(p, "SELECT id, title, installed, active, text"
                      " FROM packs WHERE id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    int rcRow = xRow ? xRow(pArg, pStmt) : 0;
    kioskRecFinalize(p, pStmt);
    return rcRow;
  }
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return noPack(zId, pErr);
}

int kioskRecordsPackRemove(KioskRecords *p, const char *zId,
                           KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  /* Nothing is deleted without a backup made just before. */
  if( (rc = kioskRecordsBackup(p, 0, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p, "DELETE FROM packs WHERE id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  if( sqlite3_changes(p->db)==0 ) return noPack(zId, pErr);
  return KIOSK_OK;
}

int kioskRecordsPackActivate(KioskRecords *p, const char *zId,
                             KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( kioskRecExec(p, "UPDATE packs SET active=0 WHERE active=1", pErr) ){
    goto rollback;
  }
  if( zId && zId[0] ){
    if( kioskRecPrepare(p, "UPDATE packs SET active=1 WHERE id=?1",
                        &pStmt, pErr) ){
      goto rollback;
    }
    sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_STATIC);
    rc = sqlite3_step(pStmt);
    kioskRecFinalize(p, pStmt);
    if( rc!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      goto rollback;
    }
    if( sqlite3_changes(p->db)==0 ){
      noPack(zId, pErr);
      goto rollback;
    }
  }
  if( kioskRecExec(p, "COMMIT", pErr) ) goto rollback;
  return KIOSK_OK;

rollback:
  sqlite3_exec(p->db, "ROLLBACK", 0, 0, 0);
  return pErr ? (int)pErr->eClass : KIOSK_EDB;
}

int kioskRecordsPackActive(KioskRecords *p, char **pzId, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *pzId = 0;
  if( kioskRecPrepare(p, "SELECT id FROM packs WHERE active=1",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  rc = sqlite3_step(pStmt);
  *pzId = sqlite3_mprintf("%s", rc==SQLITE_ROW
                          ? (const char *)sqlite3_column_text(pStmt, 0) : "");
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ){
    sqlite3_free(*pzId);
    *pzId = 0;
    return kioskRecDbError(p, "QUERY", pErr);
  }
  if( *pzId==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                      "out of memory");
  return KIOSK_OK;
}
