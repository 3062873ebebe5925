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

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct KioskClass {
  PGconn *pConn;
  int bStaging;       /* pg_temp.kiosk_upload exists in this session */
};

/* The staging table a batch is COPYed into: outbox.h's columns, typed as
** the server's tables. Temporary (this session only) and emptied at each
** commit; kiosk.upload() (kiosk_owner) reads it. */
static const char zBeginStagingSql[] =
  "BEGIN; CREATE TEMP TABLE IF NOT EXISTS kiosk_upload (k text, uid text,"
  " idx integer, student text, kind text, pack text, stage text,"
  " title text, started text, qid text, answer text, text text,"
  " correct integer, credit double precision, points double precision,"
  " at text, status text, fact text, box integer, due integer,"
  " seen integer, lapses integer) ON COMMIT DELETE ROWS;"
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
  if( (rc = exec(p, "SELECT id, title, text, active FROM kiosk.packs"
                 " ORDER BY id", 0, 0, &pRes, "reading the packs", pErr)) ){
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
               " updated = now()"
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
