/*
** classsync.c: a kiosk and its class on PostgreSQL (classsync.h).
**
** Connection, schema migrations, sending the outbox, pulling the roster,
** packs and settings, publishing them, and the class's listings. Every
** value is a bound parameter of PQexecParams. Not here: what is queued
** and when (outbox.sql's triggers), records.db itself (records.h), the
** command line (ctl-class.c).
*/
#include "classsync.h"
#include "classimport.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct KioskClass {
  PGconn *pConn;
  int bStaging;       /* pg_temp.kiosk_upload exists in this session */
};

/* The staging table a batch is COPYed into: outbox.h's columns, typed as
** the server's tables, numbered (ord) in the order they come. Temporary (this session only) and emptied at each
** commit; kiosk.upload() (kiosk_owner) reads it. */
static const char zBeginStagingSql[] =
  "BEGIN; CREATE TEMP TABLE IF NOT EXISTS kiosk_upload (ord bigserial,"
  " k text, uid text,"
  " idx integer, student text, kind text, pack text, stage text,"
  " title text, started text, qid text, answer text, text text,"
  " correct integer, credit double precision, points double precision,"
  " at text, status text, fact text, box integer, due integer,"
  " seen integer, lapses integer, seed bigint, time_limit integer,"
  " feedback text, pass_mark double precision, allowed integer,"
  " version integer, left_at bigint, body text) ON COMMIT DELETE ROWS;"
  " GRANT SELECT ON pg_temp.kiosk_upload TO kiosk_owner";

/* Fill pErr with zWhat and the connection's (or result's) message, the
** trailing newline libpq adds dropped. Returns KIOSK_ECLASS. */
static int pqError(KioskClass *p, PGresult *pRes, const char *zCode,
                   const char *zWhat, KioskError *pErr){
  const char *zMsg = pRes ? PQresultErrorMessage(pRes) : 0;
  char zBuf[900];
  size_t n;
  if( zMsg==0 || zMsg[0]==0 ) zMsg = PQerrorMessage(p->pConn);
  snprintf(zBuf, sizeof(zBuf), "%s", zMsg ? zMsg : "");
  n = strlen(zBuf);
  while( n>0 && (zBuf[n-1]=='\n' || zBuf[n-1]==' ') ) zBuf[--n] = 0;
  return kioskErrorSet(pErr, KIOSK_ECLASS, zCode, 0, 0, 0, "%s: %s",
                       zWhat, zBuf);
}

/* Run zSql with nParam text parameters. *ppRes (may be NULL: cleared) gets
** the result when it is COMMAND_OK or TUPLES_OK, else pErr is filled. */
static int exec(KioskClass *p, const char *zSql, int nParam,
                const char *const *azParam, PGresult **ppRes,
                const char *zWhat, KioskError *pErr){
  PGresult *pRes = PQexecParams(p->pConn, zSql, nParam, 0, azParam, 0, 0, 0);
  ExecStatusType e = PQresultStatus(pRes);
  int rc = KIOSK_OK;
  if( e!=PGRES_COMMAND_OK && e!=PGRES_TUPLES_OK ){
    rc = pqError(p, pRes, "QUERY", zWhat, pErr);
    PQclear(pRes);
    pRes = 0;
  }
  if( ppRes ) *ppRes = pRes;
  else PQclear(pRes);
  return rc;
}

/* Call xRow for each row of pRes; returns its first non-zero value. */
static int eachRow(PGresult *pRes, KioskClassRowFn xRow, void *pArg){
  const char *azCol[32], *azVal[32];
  int nCol = PQnfields(pRes), i, j, rc;
  if( nCol>32 ) nCol = 32;
  for(j=0; j<nCol; j++) azCol[j] = PQfname(pRes, j);
  for(i=0; i<PQntuples(pRes); i++){
    for(j=0; j<nCol; j++){
      azVal[j] = PQgetisnull(pRes, i, j) ? 0 : PQgetvalue(pRes, i, j);
    }
    if( (rc = xRow(pArg, nCol, azCol, azVal))!=0 ) return rc;
  }
  return 0;
}

int kioskClassConnect(const char *zConn, KioskClass **pp, KioskError *pErr){
  const char *azKey[] = { "connect_timeout", "fallback_application_name",
                          "dbname", 0 };
  const char *azVal[] = { "10", "kiosk", zConn && zConn[0] ? zConn : 0, 0 };
  KioskClass *p;
  *pp = 0;
  p = calloc(1, sizeof(*p));
  if( p==0 ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                         "out of memory");
  }
  p->pConn = PQconnectdbParams(azKey, azVal, 1);
  if( p->pConn==0 || PQstatus(p->pConn)!=CONNECTION_OK ){
    int rc = p->pConn ? pqError(p, 0, "CONNECT", "cannot reach the class "
                                "server", pErr)
                      : kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                                      "out of memory");
    kioskClassClose(p);
    return rc;
  }
  /* Our statements name schema kiosk explicitly; pin the rest. */
  if( exec(p, "SELECT pg_catalog.set_config('search_path', 'pg_catalog',"
           " false)", 0, 0, 0, "set-up", pErr) ){
    kioskClassClose(p);
    return KIOSK_ECLASS;
  }
  *pp = p;
  return KIOSK_OK;
}

int kioskClassConnCheck(const char *zConn, KioskError *pErr){
  PQconninfoOption *aOpt, *pOpt;
  char *zMsg = 0;
  int rc = KIOSK_OK;
  aOpt = PQconninfoParse(zConn ? zConn : "", &zMsg);
  if( aOpt==0 ){
    char zBuf[600];
    size_t n;
    snprintf(zBuf, sizeof(zBuf), "%s", zMsg ? zMsg : "out of memory");
    n = strlen(zBuf);
    while( n>0 && zBuf[n-1]=='\n' ) zBuf[--n] = 0;
    PQfreemem(zMsg);
    return kioskErrorSet(pErr, KIOSK_EARG, "CONN", 0, 0, 0,
                         "not a connection string: %s", zBuf);
  }
  for(pOpt=aOpt; pOpt->keyword; pOpt++){
    if( strcmp(pOpt->keyword, "password")==0 && pOpt->val && pOpt->val[0] ){
      rc = kioskErrorSet(pErr, KIOSK_EARG, "PASSWORD", 0, 0, 0,
                         "the connection string holds a password: put it in "
                         "~/.pgpass (or a service file) instead, so that it "
                         "is not stored in records.db");
    }
  }
  PQconninfoFree(aOpt);
  return rc;
}

void kioskClassClose(KioskClass *p){
  if( p==0 ) return;
  if( p->pConn ) PQfinish(p->pConn);
  free(p);
}

int kioskClassVersion(KioskClass *p, int *piVersion, KioskError *pErr){
  PGresult *pRes = 0;
  int rc;
  *piVersion = 0;
  rc = exec(p, "SELECT to_regclass('kiosk.schema_version') IS NOT NULL", 0,
            0, &pRes, "reading the class schema version", pErr);
  if( rc ) return rc;
  if( strcmp(PQgetvalue(pRes, 0, 0), "t")!=0 ){
    PQclear(pRes);
    return KIOSK_OK;
  }
  PQclear(pRes);
  rc = exec(p, "SELECT coalesce(max(version), 0) FROM kiosk.schema_version",
            0, 0, &pRes, "reading the class schema version", pErr);
  if( rc ) return rc;
  *piVersion = atoi(PQgetvalue(pRes, 0, 0));
  PQclear(pRes);
  return KIOSK_OK;
}

static int versionError(int iVersion, KioskError *pErr){
  if( iVersion==0 ){
    return kioskErrorSet(pErr, KIOSK_ECLASS, "NOSCHEMA", 0, 0, 0,
                         "the database has no class schema yet "
                         "(kioskctl class init)");
  }
  return kioskErrorSet(pErr, KIOSK_ECLASS, "VERSION", 0, 0, 0,
                       "the class schema is version %d; this kiosk knows "
                       "version %d (%s)", iVersion,
                       KIOSK_CLASS_SCHEMA_VERSION,
                       iVersion>KIOSK_CLASS_SCHEMA_VERSION
                         ? "update the kiosk software"
                         : "run kioskctl class init to migrate it");
}

int kioskClassCheck(KioskClass *p, KioskError *pErr){
  int iVersion = 0, rc;
  if( (rc = kioskClassVersion(p, &iVersion, pErr)) ) return rc;
  if( iVersion!=KIOSK_CLASS_SCHEMA_VERSION ){
    return versionError(iVersion, pErr);
  }
  return KIOSK_OK;
}

int kioskClassInit(KioskClass *p, int *piFrom, KioskError *pErr){
  int iVersion = 0, rc = KIOSK_OK, i;
  PGresult *pRes = 0;
  *piFrom = 0;
  for(i=0; ; i++){
    if( exec(p, "BEGIN", 0, 0, 0, "starting a migration", pErr) ){
      return KIOSK_ECLASS;
    }
    /* One migrator at a time; the version is read under the lock. */
    if( (rc = exec(p, "SELECT pg_advisory_xact_lock(7349201)", 0, 0, 0,
                   "waiting for another migration", pErr))
     || (rc = kioskClassVersion(p, &iVersion, pErr)) ){
      goto fail;
    }
    if( i==0 ) *piFrom = iVersion;
    if( iVersion>KIOSK_CLASS_SCHEMA_VERSION ){
      rc = versionError(iVersion, pErr);
      goto fail;
    }
    if( iVersion==KIOSK_CLASS_SCHEMA_VERSION ) break;
    /* Compiled-in SQL, no values: the simple query protocol runs all its
    ** statements inside the transaction opened above. */
    pRes = PQexec(p->pConn, kioskClassMigrationSql[iVersion]);
    if( PQresultStatus(pRes)!=PGRES_COMMAND_OK
     && PQresultStatus(pRes)!=PGRES_TUPLES_OK ){
      char zWhat[64];
      snprintf(zWhat, sizeof(zWhat), "class schema migration %d",
               iVersion+1);
      rc = pqError(p, pRes, "SCHEMA", zWhat, pErr);
      PQclear(pRes);
      goto fail;
    }
    PQclear(pRes);
    if( (rc = exec(p, "COMMIT", 0, 0, 0, "committing a migration", pErr)) ){
      return rc;
    }
  }
  return exec(p, "COMMIT", 0, 0, 0, "committing", pErr);

fail:
  PQclear(PQexec(p->pConn, "ROLLBACK"));
  return rc;
}

/* COPY the batch's rows into the staging table. */
static int copyBatch(KioskClass *p, const KioskOutboxBatch *pBatch,
                     KioskError *pErr){
  PGresult *pRes = PQexec(p->pConn, "COPY pg_temp.kiosk_upload ("
                          KIOSK_OUTBOX_COLUMNS ") FROM STDIN");
  int rc = KIOSK_OK;
  if( PQresultStatus(pRes)!=PGRES_COPY_IN ){
    rc = pqError(p, pRes, "SEND", "sending to the class server", pErr);
    PQclear(pRes);
    return rc;
  }
  PQclear(pRes);
  if( PQputCopyData(p->pConn, pBatch->zData, (int)pBatch->nData)!=1
   || PQputCopyEnd(p->pConn, 0)!=1 ){
    rc = pqError(p, 0, "SEND", "sending to the class server", pErr);
  }
  while( (pRes = PQgetResult(p->pConn))!=0 ){
    if( rc==KIOSK_OK && PQresultStatus(pRes)!=PGRES_COMMAND_OK ){
      rc = pqError(p, pRes, "SEND", "sending to the class server", pErr);
    }
    PQclear(pRes);
  }
  return rc;
}

int kioskClassSend(KioskClass *p, const char *zKiosk,
                   const KioskOutboxBatch *pBatch, long long *pnAdded,
                   KioskError *pErr){
  const char *azParam[1];
  PGresult *pRes = 0;
  int rc;
  azParam[0] = zKiosk;
  *pnAdded = 0;
  /* Constant statements, no values: one round trip. */
  pRes = PQexec(p->pConn, p->bStaging ? "BEGIN" : zBeginStagingSql);
  if( PQresultStatus(pRes)!=PGRES_COMMAND_OK ){
    rc = pqError(p, pRes, "SEND", "sending to the class server", pErr);
    PQclear(pRes);
    goto fail;
  }
  PQclear(pRes);
  pRes = 0;
  if( (rc = copyBatch(p, pBatch, pErr)) ) goto fail;
  if( (rc = exec(p, "SELECT kiosk.upload($1)", 1, azParam, &pRes,
                 "sending to the class server", pErr)) ){
    goto fail;
  }
  *pnAdded = atoll(PQgetvalue(pRes, 0, 0));
  PQclear(pRes);
  if( (rc = exec(p, "COMMIT", 0, 0, 0, "sending to the class server",
                 pErr)) ){
    goto fail;
  }
  p->bStaging = 1;
  return KIOSK_OK;

fail:
  /* The server rolled the batch back (or never got it): it stays pending. */
  PQclear(PQexec(p->pConn, "ROLLBACK"));
  *pnAdded = 0;
  snprintf(pErr->zCode, sizeof(pErr->zCode), "SEND");
  return rc;
}

int kioskClassUpload(KioskClass *p, sqlite3 *db, const char *zKiosk,
                     int nBatch, long long iNow, KioskClassSync *pStat,
                     KioskError *pErr){
  KioskOutboxBatch b;
  sqlite3_int64 iAfter = 0;
  long long nAdded;
  int rc = KIOSK_OK;
  memset(pStat, 0, sizeof(*pStat));
  memset(&b, 0, sizeof(b));
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;
  for(;;){
    if( (rc = kioskOutboxTake(db, iAfter, nBatch, &b, pErr)) ) break;
    if( b.nRow==0 ) break;
    if( (rc = kioskClassSend(p, zKiosk, &b, &nAdded, pErr)) ) break;
    /* The server has it: a crash from here on resends a batch the
    ** server ignores. */
    if( (rc = kioskOutboxMarkSent(db, b.iFirst, b.iLast, iNow, pErr)) ) break;
    pStat->nBatch++;
    pStat->nSent += b.nRow;
    pStat->nAdded += nAdded;
    iAfter = b.iLast;
    kioskOutboxBatchFree(&b);
  }
  kioskOutboxBatchFree(&b);
  return rc;
}

/* pRec's rows, for the pull: the current students' names in lower case
** joined by "\n", to look names up without asking records per name. */
typedef struct NameList { char *z; size_t n; int bNomem; } NameList;
static int collectName(void *pArg, sqlite3_stmt *pStmt){
  NameList *p = pArg;
  const char *zName = (const char *)sqlite3_column_text(pStmt, 1);
  size_t n = zName ? strlen(zName) : 0, i;
  char *zNew = realloc(p->z, p->n+n+3);
  if( zNew==0 ){ p->bNomem = 1; return 1; }
  p->z = zNew;
  if( p->n==0 ) p->z[p->n++] = '\n';
  for(i=0; i<n; i++){
    char c = zName[i];
    p->z[p->n++] = (c>='A' && c<='Z') ? (char)(c+32) : c;
  }
  p->z[p->n++] = '\n';
  p->z[p->n] = 0;
  return 0;
}
static int hasName(const NameList *p, const char *zName){
  char zKey[200];
  size_t n = strlen(zName), i;
  if( p->z==0 || n>sizeof(zKey)-3 ) return 0;
  zKey[0] = '\n';
  for(i=0; i<n; i++){
    char c = zName[i];
    zKey[i+1] = (c>='A' && c<='Z') ? (char)(c+32) : c;
  }
  zKey[n+1] = '\n';
  zKey[n+2] = 0;
  return strstr(p->z, zKey)!=0;
}

typedef struct PackText { const char *zText; int bSame; } PackText;
static int samePack(void *pArg, sqlite3_stmt *pStmt){
  PackText *p = pArg;
  int i;
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    if( strcmp(sqlite3_column_name(pStmt, i), "text")==0 ){
      const char *z = (const char *)sqlite3_column_text(pStmt, i);
      p->bSame = z && strcmp(z, p->zText)==0;
    }
  }
  return 0;
}

/* kioskRecordsSettingGet, with a setting never set and without a default
** read as *pz NULL rather than an error. */
static int settingOrNull(KioskRecords *pRec, const char *zKey, char **pz,
                         KioskError *pErr){
  int rc = kioskRecordsSettingGet(pRec, zKey, pz, pErr);
  if( rc==KIOSK_ERECORDS && strcmp(pErr->zCode, "NOSETTING")==0 ){
    kioskErrorClear(pErr);
    *pz = 0;
    rc = KIOSK_OK;
  }
  return rc;
}

int kioskClassSetting(KioskRecords *pRec, const char *zKey, char **pz,
                      KioskError *pErr){
  return settingOrNull(pRec, zKey, pz, pErr);
}

/* ---- any kiosk, same student (classimport.h) ---- */

/* The highest revision of zWhat taken in so far (the setting
** class.rev.WHAT; 0 before the first pull), and storing a new one. */
static int revGet(KioskRecords *pRec, const char *zWhat, char *zRev,
                  size_t nRev, KioskError *pErr){
  char zKey[64], *zVal = 0;
  int rc;
  snprintf(zKey, sizeof(zKey), "class.rev.%s", zWhat);
  if( (rc = settingOrNull(pRec, zKey, &zVal, pErr)) ) return rc;
  snprintf(zRev, nRev, "%s", zVal ? zVal : "0");
  sqlite3_free(zVal);
  return KIOSK_OK;
}
static int revSet(KioskRecords *pRec, const char *zWhat, const char *zRev,
                  KioskError *pErr){
  char zKey[64];
  snprintf(zKey, sizeof(zKey), "class.rev.%s", zWhat);
  return kioskRecordsSettingSet(pRec, zKey, zRev, pErr);
}

/* NULL for SQL NULL, else the text. */
static const char *val(PGresult *pRes, int i, int j){
  return PQgetisnull(pRes, i, j) ? 0 : PQgetvalue(pRes, i, j);
}

/* 1 when records pRec hold attempt zUid. */
static int haveAttempt(KioskRecords *pRec, const char *zUid){
  sqlite3_stmt *pStmt = 0;
  int b = 0;
  if( sqlite3_prepare_v2(kioskRecordsDb(pRec), "SELECT 1 FROM attempts"
                         " WHERE uid=?1", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, zUid, -1, SQLITE_STATIC);
    b = sqlite3_step(pStmt)==SQLITE_ROW;
  }
  sqlite3_finalize(pStmt);
  return b;
}

#define PULL_PAGE 200

/* Attempts changed in the class since the last pull, a page at a time:
** those the kiosk has get the answers given elsewhere and their end; new
** ones are taken whole when finished or abandoned (progress, results),
** and when open only where kioskClassCarryable says it is safe. */
static int pullAttempts(KioskClass *p, KioskRecords *pRec, const char *zMe,
                        long long iNow, KioskClassPull *pStat,
                        KioskError *pErr){
  char zRev[32];
  int rc;
  if( (rc = revGet(pRec, "attempts", zRev, sizeof(zRev), pErr)) ) return rc;
  for(;;){
    PGresult *pRes = 0, *pAsk = 0, *pAns = 0;
    const char *azParam[3];
    sqlite3_str *pUids;
    char *zUids;
    int i, n, iAsk = 0, iAns = 0;
    azParam[0] = zRev;
    if( (rc = exec(p,
        "SELECT a.uid, a.student, a.kiosk, a.kind, a.pack, a.stage, a.title,"
        " a.status, a.started, a.finished, a.seed, a.time_limit, a.feedback,"
        " a.pass_mark, a.allowed, a.pack_version, a.left_at, a.rev,"
        " (SELECT k.version FROM kiosk.packs k WHERE k.id = a.pack)"
        " FROM kiosk.attempts a WHERE a.rev > $1::bigint"
        " ORDER BY a.rev LIMIT 200", 1, azParam, &pRes,
        "reading the class's attempts", pErr)) ){
      return rc;
    }
    n = PQntuples(pRes);
    if( n==0 ){ PQclear(pRes); break; }
    /* The page's uids as one array value (bound, never SQL text). */
    pUids = sqlite3_str_new(0);
    sqlite3_str_appendchar(pUids, 1, '{');
    for(i=0; i<n; i++){
      sqlite3_str_appendf(pUids, "%s\"%s\"", i ? "," : "",
                          PQgetvalue(pRes, i, 0));
    }
    sqlite3_str_appendchar(pUids, 1, '}');
    zUids = sqlite3_str_finish(pUids);
    if( zUids==0 ){
      PQclear(pRes);
      return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                           "out of memory");
    }
    azParam[0] = zUids;
    azParam[1] = zMe;
    rc = exec(p, "SELECT uid, idx, body FROM kiosk.asked"
              " WHERE uid = ANY($1::text[]) ORDER BY uid, idx", 1, azParam,
              &pAsk, "reading the class's questions", pErr);
    if( rc==KIOSK_OK ){
      rc = exec(p, "SELECT uid, idx, answer, text, correct::int, credit,"
                " points, answered FROM kiosk.answers"
                " WHERE uid = ANY($1::text[]) AND kiosk <> $2"
                " ORDER BY uid, idx", 2, azParam, &pAns,
                "reading the class's answers", pErr);
    }
    sqlite3_free(zUids);
    /* Rows of pAsk and pAns come by uid; the page's attempts are looked
    ** up in them by a merge on uid (both sorted the same way). */
    for(i=0; rc==KIOSK_OK && i<n; i++){
      KioskClassAttempt a;
      const char **azQ = 0;
      KioskClassAnswer *aW = 0;
      const char *zUid = PQgetvalue(pRes, i, 0);
      const char *zWhy = 0;
      int bHave = haveAttempt(pRec, zUid), bChanged = 0, j, nQ = 0, nW = 0;
      int iAsk0, iAns0, bTake;
      memset(&a, 0, sizeof(a));
      a.zUid = zUid;
      a.zStudent = val(pRes, i, 1);
      a.zKiosk = val(pRes, i, 2);
      a.zKind = val(pRes, i, 3);
      a.zPack = val(pRes, i, 4);
      a.zStage = val(pRes, i, 5);
      a.zTitle = val(pRes, i, 6);
      a.zStatus = val(pRes, i, 7);
      a.zStarted = val(pRes, i, 8);
      a.zFinished = val(pRes, i, 9);
      a.iSeed = val(pRes, i, 10) ? atoll(val(pRes, i, 10)) : 0;
      a.nTimeLimit = atoi(PQgetvalue(pRes, i, 11));
      a.zFeedback = val(pRes, i, 12);
      a.rPassMark = atof(PQgetvalue(pRes, i, 13));
      a.nAllowed = atoi(PQgetvalue(pRes, i, 14));
      a.iPackVersion = val(pRes, i, 15) ? atoi(val(pRes, i, 15)) : 0;
      a.iLeftAt = val(pRes, i, 16) ? atoll(val(pRes, i, 16)) : 0;
      /* The uids of pAsk/pAns sort as text; find this one's rows. */
      for(iAsk0=0; iAsk0<PQntuples(pAsk)
          && strcmp(PQgetvalue(pAsk, iAsk0, 0), zUid)!=0; iAsk0++){}
      for(iAsk=iAsk0; iAsk<PQntuples(pAsk)
          && strcmp(PQgetvalue(pAsk, iAsk, 0), zUid)==0; iAsk++){}
      for(iAns0=0; iAns0<PQntuples(pAns)
          && strcmp(PQgetvalue(pAns, iAns0, 0), zUid)!=0; iAns0++){}
      for(iAns=iAns0; iAns<PQntuples(pAns)
          && strcmp(PQgetvalue(pAns, iAns, 0), zUid)==0; iAns++){}
      nQ = iAsk-iAsk0;
      nW = iAns-iAns0;
      azQ = nQ ? calloc((size_t)nQ, sizeof(*azQ)) : 0;
      aW = nW ? calloc((size_t)nW, sizeof(*aW)) : 0;
      if( (nQ && azQ==0) || (nW && aW==0) ){
        free(azQ);
        free(aW);
        rc = kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                           "out of memory");
        break;
      }
      for(j=0; j<nQ; j++){
        int idx = atoi(PQgetvalue(pAsk, iAsk0+j, 1));
        if( idx>=0 && idx<nQ ) azQ[idx] = PQgetvalue(pAsk, iAsk0+j, 2);
      }
      for(j=0; j<nW; j++){
        aW[j].idx = atoi(PQgetvalue(pAns, iAns0+j, 1));
        aW[j].zAnswer = PQgetvalue(pAns, iAns0+j, 2);
        aW[j].zText = PQgetvalue(pAns, iAns0+j, 3);
        aW[j].bCorrect = atoi(PQgetvalue(pAns, iAns0+j, 4));
        aW[j].rCredit = atof(PQgetvalue(pAns, iAns0+j, 5));
        aW[j].rPoints = atof(PQgetvalue(pAns, iAns0+j, 6));
        aW[j].zAnswered = PQgetvalue(pAns, iAns0+j, 7);
      }
      a.nQuestion = nQ;
      a.azQuestion = azQ;
      a.nAnswer = nW;
      a.aAnswer = aW;
      if( bHave ){
        bTake = 1;
      }else if( a.zStatus && strcmp(a.zStatus, "open")==0 ){
        bTake = kioskClassCarryable(&a, zMe, val(pRes, i, 18)
                                    ? atoi(val(pRes, i, 18)) : 0, &zWhy);
      }else{
        /* Finished or abandoned: taken when its questions are all there
        ** (an attempt from before schema 2 of the class has none). */
        bTake = nQ>0;
        for(j=0; j<nQ; j++) if( azQ[j]==0 ) bTake = 0;
      }
      if( bTake ){
        rc = kioskClassImportAttempt(pRec, &a, iNow, &bChanged, pErr);
        if( rc==KIOSK_OK && bChanged ) pStat->nAttempt++;
      }
      free(azQ);
      free(aW);
    }
    if( rc==KIOSK_OK ){
      snprintf(zRev, sizeof(zRev), "%s", PQgetvalue(pRes, n-1, 17));
      rc = revSet(pRec, "attempts", zRev, pErr);
    }
    PQclear(pRes);
    PQclear(pAsk);
    PQclear(pAns);
    if( rc || n<PULL_PAGE ) break;
  }
  return rc;
}

/* Review states and lessons read written by other kiosks since the last
** pull. */
static int pullReview(KioskClass *p, KioskRecords *pRec, const char *zMe,
                      long long iNow, KioskClassPull *pStat,
                      KioskError *pErr){
  char zRev[32];
  int rc;
  if( (rc = revGet(pRec, "review", zRev, sizeof(zRev), pErr)) ) return rc;
  for(;;){
    PGresult *pRes = 0;
    const char *azParam[2];
    int i, n, b = 0;
    azParam[0] = zRev;
    azParam[1] = zMe;
    if( (rc = exec(p, "SELECT student, fact, stage, box, due, seen, lapses,"
                   " last, rev FROM kiosk.review WHERE rev > $1::bigint"
                   " AND kiosk <> $2 ORDER BY rev LIMIT 1000", 2, azParam,
                   &pRes, "reading the class's review states", pErr)) ){
      return rc;
    }
    n = PQntuples(pRes);
    for(i=0; rc==KIOSK_OK && i<n; i++){
      rc = kioskClassImportReview(pRec, PQgetvalue(pRes, i, 0),
                                  PQgetvalue(pRes, i, 1), val(pRes, i, 2),
                                  atoi(PQgetvalue(pRes, i, 3)),
                                  atoll(PQgetvalue(pRes, i, 4)),
                                  atoi(PQgetvalue(pRes, i, 5)),
                                  atoi(PQgetvalue(pRes, i, 6)),
                                  PQgetvalue(pRes, i, 7), iNow, &b, pErr);
      if( rc==KIOSK_OK && b ) pStat->nReview++;
    }
    if( rc==KIOSK_OK && n>0 ){
      snprintf(zRev, sizeof(zRev), "%s", PQgetvalue(pRes, n-1, 8));
      rc = revSet(pRec, "review", zRev, pErr);
    }
    PQclear(pRes);
    if( rc || n<1000 ) break;
  }
  if( rc ) return rc;
  if( (rc = revGet(pRec, "lessons", zRev, sizeof(zRev), pErr)) ) return rc;
  for(;;){
    PGresult *pRes = 0;
    const char *azParam[2];
    int i, n, b = 0;
    azParam[0] = zRev;
    azParam[1] = zMe;
    if( (rc = exec(p, "SELECT student, stage, at, rev FROM kiosk.lessons_read"
                   " WHERE rev > $1::bigint AND kiosk <> $2 ORDER BY rev"
                   " LIMIT 1000", 2, azParam, &pRes,
                   "reading the class's lessons read", pErr)) ){
      return rc;
    }
    n = PQntuples(pRes);
    for(i=0; rc==KIOSK_OK && i<n; i++){
      rc = kioskClassImportLesson(pRec, PQgetvalue(pRes, i, 0),
                                  PQgetvalue(pRes, i, 1),
                                  PQgetvalue(pRes, i, 2), iNow, &b, pErr);
      if( rc==KIOSK_OK && b ) pStat->nLesson++;
    }
    if( rc==KIOSK_OK && n>0 ){
      snprintf(zRev, sizeof(zRev), "%s", PQgetvalue(pRes, n-1, 3));
      rc = revSet(pRec, "lessons", zRev, pErr);
    }
    PQclear(pRes);
    if( rc || n<1000 ) break;
  }
  return rc;
}

static int pullHistory(KioskClass *p, KioskRecords *pRec, long long iNow,
                       KioskClassPull *pStat, KioskError *pErr){
  char *zMe = 0;
  int rc = settingOrNull(pRec, "class.kiosk", &zMe, pErr);
  if( rc==KIOSK_OK && zMe==0 ){
    /* Not joined (a teacher's records): nothing to take in. */
    return KIOSK_OK;
  }
  if( rc==KIOSK_OK ) rc = pullAttempts(p, pRec, zMe, iNow, pStat, pErr);
  if( rc==KIOSK_OK ) rc = pullReview(p, pRec, zMe, iNow, pStat, pErr);
  sqlite3_free(zMe);
  return rc;
}

int kioskClassPullInto(KioskClass *p, KioskRecords *pRec, long long iNow,
                       KioskClassPull *pStat, KioskError *pErr){
  PGresult *pRes = 0;
  NameList names;
  KioskError e2;
  char *zActive = 0;
  const char *zWantActive = 0;
  int rc, i;

  memset(pStat, 0, sizeof(*pStat));
  memset(&names, 0, sizeof(names));
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;

  /* The roster: every current student the kiosk does not know yet. */
  if( (rc = exec(p, "SELECT name FROM kiosk.students WHERE removed IS NULL"
                 " ORDER BY id", 0, 0, &pRes, "reading the roster", pErr)) ){
    goto done;
  }
  if( (rc = kioskRecordsStudents(pRec, 0, collectName, &names, pErr)) ){
    goto done;
  }
  if( names.bNomem ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
    goto done;
  }
  for(i=0; i<PQntuples(pRes); i++){
    const char *zName = PQgetvalue(pRes, i, 0);
    sqlite3_int64 iId;
    if( hasName(&names, zName) ) continue;
    if( (rc = kioskRecordsStudentAdd(pRec, zName, iNow, &iId, pErr)) ){
      goto done;
    }
    pStat->nStudent++;
  }
  PQclear(pRes);
  pRes = 0;

  /* Packs: installed when new or changed. An attempt in progress keeps
  ** the questions it started with (records store them), so replacing a
  ** pack never changes a quiz under a student (doc/class.md). */
  if( (rc = exec(p, "SELECT id, title, text, active, version"
                 " FROM kiosk.packs ORDER BY id", 0, 0, &pRes,
                 "reading the packs", pErr)) ){
    goto done;
  }
  for(i=0; i<PQntuples(pRes); i++){
    PackText t;
    t.zText = PQgetvalue(pRes, i, 2);
    t.bSame = 0;
    kioskErrorClear(&e2);
    if( kioskRecordsPackGet(pRec, PQgetvalue(pRes, i, 0), samePack, &t,
                            &e2)==KIOSK_OK && t.bSame ){
      /* already there */
    }else{
      if( (rc = kioskRecordsPackInstall(pRec, PQgetvalue(pRes, i, 0),
                                        PQgetvalue(pRes, i, 1), t.zText,
                                        iNow, pErr)) ){
        goto done;
      }
      pStat->nPack++;
    }
    if( (rc = kioskClassPackVersionSet(pRec, PQgetvalue(pRes, i, 0),
                                       atoi(PQgetvalue(pRes, i, 4)), pErr)) ){
      goto done;
    }
    if( strcmp(PQgetvalue(pRes, i, 3), "t")==0 ){
      zWantActive = PQgetvalue(pRes, i, 0);
    }
  }
  if( zWantActive ){
    if( (rc = kioskRecordsPackActive(pRec, &zActive, pErr)) ) goto done;
    if( strcmp(zActive, zWantActive)!=0
     && (rc = kioskRecordsPackActivate(pRec, zWantActive, pErr)) ){
      goto done;
    }
  }
  PQclear(pRes);
  pRes = 0;

  /* Settings: the class's values, checked by records as any other. */
  if( (rc = exec(p, "SELECT key, value FROM kiosk.settings ORDER BY key",
                 0, 0, &pRes, "reading the settings", pErr)) ){
    goto done;
  }
  for(i=0; i<PQntuples(pRes); i++){
    char *zOld = 0;
    int bSame;
    if( (rc = settingOrNull(pRec, PQgetvalue(pRes, i, 0), &zOld, pErr)) ){
      goto done;
    }
    bSame = zOld && strcmp(zOld, PQgetvalue(pRes, i, 1))==0;
    sqlite3_free(zOld);
    if( bSame ) continue;
    if( (rc = kioskRecordsSettingSet(pRec, PQgetvalue(pRes, i, 0),
                                     PQgetvalue(pRes, i, 1), pErr)) ){
      goto done;
    }
    pStat->nSetting++;
  }
  PQclear(pRes);
  pRes = 0;

  /* The instructor PIN: its hash only, as the teacher's records hold it;
  ** checked as a yescrypt string before it is stored. */
  if( (rc = exec(p, "SELECT hash FROM kiosk.secrets WHERE name = 'pin'",
                 0, 0, &pRes, "reading the PIN hash", pErr)) ){
    goto done;
  }
  if( PQntuples(pRes)==1
   && (rc = kioskRecordsPinHashSet(pRec, PQgetvalue(pRes, 0, 0),
                                   &pStat->bPin, pErr)) ){
    goto done;
  }
  PQclear(pRes);
  pRes = 0;

  /* Any kiosk, same student: what the class recorded elsewhere. */
  rc = pullHistory(p, pRec, iNow, pStat, pErr);

done:
  PQclear(pRes);
  free(names.z);
  sqlite3_free(zActive);
  return rc;
}

/* Publishing: one row of pRec's packs or settings at a time. */
typedef struct Publish {
  KioskClass *p;
  KioskRecords *pRec;
  KioskClassPull *pStat;
  KioskError *pErr;
  int rc;
} Publish;

static int publishPackText(void *pArg, sqlite3_stmt *pStmt){
  Publish *q = pArg;
  const char *azParam[3];
  PGresult *pRes = 0;
  int i;
  azParam[0] = azParam[1] = azParam[2] = 0;
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *zName = sqlite3_column_name(pStmt, i);
    const char *zVal = (const char *)sqlite3_column_text(pStmt, i);
    if( strcmp(zName, "id")==0 ) azParam[0] = zVal;
    else if( strcmp(zName, "title")==0 ) azParam[1] = zVal;
    else if( strcmp(zName, "text")==0 ) azParam[2] = zVal;
  }
  q->rc = exec(q->p, "INSERT INTO kiosk.packs AS k (id, title, text)"
               " VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE"
               " SET title = excluded.title, text = excluded.text,"
               " updated = now(), version = k.version + 1"
               " WHERE k.text <> excluded.text OR k.title <> excluded.title"
               " RETURNING 1", 3, azParam, &pRes, "publishing a pack",
               q->pErr);
  if( q->rc ) return 1;
  q->pStat->nPack += PQntuples(pRes);
  PQclear(pRes);
  return 0;
}
static int publishPack(void *pArg, sqlite3_stmt *pStmt){
  Publish *q = pArg;
  const char *zId = (const char *)sqlite3_column_text(pStmt, 0);
  int rc = kioskRecordsPackGet(q->pRec, zId, publishPackText, q, q->pErr);
  if( rc && q->rc==0 ) q->rc = rc;
  return q->rc ? 1 : 0;
}
static int publishSetting(void *pArg, sqlite3_stmt *pStmt){
  Publish *q = pArg;
  const char *azParam[2];
  PGresult *pRes = 0;
  azParam[0] = (const char *)sqlite3_column_text(pStmt, 0);
  azParam[1] = (const char *)sqlite3_column_text(pStmt, 1);
  if( azParam[0]==0 || azParam[1]==0 || strncmp(azParam[0], "class.", 6)==0 ){
    return 0;
  }
  q->rc = exec(q->p, "INSERT INTO kiosk.settings AS k (key, value)"
               " VALUES ($1, $2) ON CONFLICT (key) DO UPDATE"
               " SET value = excluded.value WHERE k.value <> excluded.value"
               " RETURNING 1", 2, azParam, &pRes, "publishing a setting",
               q->pErr);
  if( q->rc ) return 1;
  q->pStat->nSetting += PQntuples(pRes);
  PQclear(pRes);
  return 0;
}

int kioskClassPublish(KioskClass *p, KioskRecords *pRec,
                      KioskClassPull *pStat, KioskError *pErr){
  Publish q;
  char *zActive = 0, *zHash = 0;
  const char *azParam[1];
  int rc;
  memset(pStat, 0, sizeof(*pStat));
  memset(&q, 0, sizeof(q));
  q.p = p;
  q.pRec = pRec;
  q.pStat = pStat;
  q.pErr = pErr;
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;
  if( (rc = exec(p, "BEGIN", 0, 0, 0, "publishing", pErr)) ) return rc;
  rc = kioskRecordsPacks(pRec, publishPack, &q, pErr);
  if( rc==0 && q.rc==0 ) rc = kioskRecordsPackActive(pRec, &zActive, pErr);
  if( rc==0 && q.rc==0 ){
    azParam[0] = zActive;
    rc = exec(p, "UPDATE kiosk.packs SET active = (id = $1)"
              " WHERE active <> (id = $1)", 1, azParam, 0,
              "publishing the active pack", pErr);
  }
  if( rc==0 && q.rc==0 ) rc = kioskRecordsSettings(pRec, publishSetting, &q,
                                                  pErr);
  if( rc==0 && q.rc==0 ) rc = kioskRecordsPinHashGet(pRec, &zHash, pErr);
  if( rc==0 && q.rc==0 && zHash ){
    PGresult *pRes = 0;
    azParam[0] = zHash;
    rc = exec(p, "INSERT INTO kiosk.secrets AS k (name, hash)"
              " VALUES ('pin', $1) ON CONFLICT (name) DO UPDATE"
              " SET hash = excluded.hash WHERE k.hash <> excluded.hash"
              " RETURNING 1", 1, azParam, &pRes, "publishing the PIN hash",
              pErr);
    if( rc==0 ) pStat->bPin = PQntuples(pRes)>0;
    PQclear(pRes);
  }
  sqlite3_free(zHash);
  sqlite3_free(zActive);
  if( rc==0 ) rc = q.rc;
  if( rc ){
    PQclear(PQexec(p->pConn, "ROLLBACK"));
    return rc;
  }
  return exec(p, "COMMIT", 0, 0, 0, "publishing", pErr);
}

int kioskClassRosterAdd(KioskClass *p, const char *zName, int *pbAdded,
                        KioskError *pErr){
  const char *azParam[1];
  PGresult *pRes = 0;
  int rc;
  azParam[0] = zName;
  *pbAdded = 0;
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;
  rc = exec(p, "INSERT INTO kiosk.students (name) VALUES (btrim($1))"
            " ON CONFLICT DO NOTHING RETURNING 1", 1, azParam, &pRes,
            "adding a student", pErr);
  if( rc ) return rc;
  *pbAdded = PQntuples(pRes)>0;
  PQclear(pRes);
  return KIOSK_OK;
}

int kioskClassRosterRemove(KioskClass *p, const char *zName, int *pbRemoved,
                           KioskError *pErr){
  const char *azParam[1];
  PGresult *pRes = 0;
  int rc;
  azParam[0] = zName;
  *pbRemoved = 0;
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;
  rc = exec(p, "UPDATE kiosk.students SET removed = now()"
            " WHERE lower(name) = lower(btrim($1)) AND removed IS NULL"
            " RETURNING 1", 1, azParam, &pRes, "removing a student", pErr);
  if( rc ) return rc;
  *pbRemoved = PQntuples(pRes)>0;
  PQclear(pRes);
  return KIOSK_OK;
}

static int listing(KioskClass *p, const char *zSql, int nParam,
                   const char *const *azParam, KioskClassRowFn xRow,
                   void *pArg, const char *zWhat, KioskError *pErr){
  PGresult *pRes = 0;
  int rc;
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;
  if( (rc = exec(p, zSql, nParam, azParam, &pRes, zWhat, pErr)) ) return rc;
  rc = eachRow(pRes, xRow, pArg);
  PQclear(pRes);
  return rc;
}

int kioskClassResults(KioskClass *p, const char *zPack, KioskClassRowFn xRow,
                      void *pArg, KioskError *pErr){
  const char *azParam[1];
  azParam[0] = zPack;
  return listing(p,
    "SELECT uid, student, kiosk, kind, pack, stage, status, started,"
    " finished, answered, correct, score FROM kiosk.results"
    " WHERE $1::text IS NULL OR pack = $1"
    " ORDER BY lower(student), started, uid", 1, azParam, xRow, pArg,
    "reading the class results", pErr);
}

int kioskClassPacks(KioskClass *p, KioskClassRowFn xRow, void *pArg,
                    KioskError *pErr){
  return listing(p,
    "SELECT id, title, version::text, CASE WHEN active THEN '1' ELSE '0' END AS active,"
    " to_char(updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    " AS updated FROM kiosk.packs ORDER BY id", 0, 0, xRow, pArg,
    "reading the class's packs", pErr);
}

int kioskClassRoster(KioskClass *p, KioskClassRowFn xRow, void *pArg,
                     KioskError *pErr){
  return listing(p, "SELECT name FROM kiosk.students WHERE removed IS NULL"
                 " ORDER BY lower(name)", 0, 0, xRow, pArg,
                 "reading the roster", pErr);
}

int kioskClassKiosks(KioskClass *p, KioskClassRowFn xRow, void *pArg,
                     KioskError *pErr){
  return listing(p,
    "SELECT name, role::text, to_char(first_seen AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), to_char(last_seen AT TIME ZONE"
    " 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), received::text"
    " FROM kiosk.kiosks ORDER BY name", 0, 0, xRow, pArg,
    "reading the kiosks", pErr);
}

int kioskClassCounts(KioskClass *p, long long *pnStudent,
                     long long *pnAttempt, long long *pnAnswer,
                     KioskError *pErr){
  PGresult *pRes = 0;
  int rc;
  if( (rc = kioskClassCheck(p, pErr)) ) return rc;
  if( (rc = exec(p, "SELECT (SELECT count(*) FROM kiosk.students"
                 " WHERE removed IS NULL), (SELECT count(*) FROM"
                 " kiosk.attempts), (SELECT count(*) FROM kiosk.answers)",
                 0, 0, &pRes, "counting the class's records", pErr)) ){
    return rc;
  }
  *pnStudent = atoll(PQgetvalue(pRes, 0, 0));
  *pnAttempt = atoll(PQgetvalue(pRes, 0, 1));
  *pnAnswer = atoll(PQgetvalue(pRes, 0, 2));
  PQclear(pRes);
  return KIOSK_OK;
}
