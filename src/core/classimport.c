/*
** classimport.c: what a kiosk takes from its class into records.db
** (classimport.h). Not here: reading the server (classsync.c), the outbox
** itself (outbox.c).
*/
#include "classimport.h"
#include "recint.h"
#include "qjson.h"
#include "question.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kioskClassCarryable(const KioskClassAttempt *pA, const char *zHere,
                        int iPackVersionNow, const char **pzWhy){
  const char *zWhy = 0;
  int i;
  if( pA->zStatus==0 || strcmp(pA->zStatus, "open")!=0 ){
    zWhy = "it is not open";
  }else if( pA->zKiosk && zHere && strcmp(pA->zKiosk, zHere)==0 ){
    zWhy = "it started at this kiosk";
  }else if( pA->iLeftAt<=0 ){
    zWhy = "it is in use at another kiosk (not left there on purpose)";
  }else if( pA->nTimeLimit>0 ){
    zWhy = "it has a time limit";
  }else if( pA->zKind && strcmp(pA->zKind, "pack")==0
         && (pA->iPackVersion<=0 || pA->iPackVersion!=iPackVersionNow) ){
    zWhy = "its pack has changed since it started";
  }else if( pA->nQuestion<1 ){
    zWhy = "its questions are not on the server";
  }else{
    for(i=0; i<pA->nQuestion; i++){
      if( pA->azQuestion[i]==0 ){
        zWhy = "its questions are not on the server";
        break;
      }
    }
  }
  if( pzWhy ) *pzWhy = zWhy;
  return zWhy==0;
}

/* ---- one transaction per import, its outbox rows marked sent ---- */

typedef struct Import {
  KioskRecords *p;
  sqlite3_int64 iSeqBefore;
  long long iNow;
} Import;

static int importBegin(Import *pI, KioskRecords *p, long long iNow,
                       KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  pI->p = p;
  pI->iNow = iNow;
  pI->iSeqBefore = 0;
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( kioskRecPrepare(p, "SELECT coalesce(max(seq), 0) FROM outbox", &pStmt,
                      pErr) ){
    sqlite3_exec(kioskRecordsDb(p), "ROLLBACK", 0, 0, 0);
    return KIOSK_EDB;
  }
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) pI->iSeqBefore = sqlite3_column_int64(pStmt, 0);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW ){
    rc = kioskRecDbError(p, "QUERY", pErr);
    sqlite3_exec(kioskRecordsDb(p), "ROLLBACK", 0, 0, 0);
    return rc;
  }
  return KIOSK_OK;
}

/* Mark what the triggers queued for the import as sent, and commit; on
** rc != 0, roll back instead. Returns rc or the commit's error. */
static int importEnd(Import *pI, int rc, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( rc==KIOSK_OK ){
    rc = kioskRecPrepare(pI->p, "UPDATE outbox SET sent=?2 WHERE seq>?1"
                         " AND sent IS NULL", &pStmt, pErr);
    if( rc==KIOSK_OK ){
      sqlite3_bind_int64(pStmt, 1, pI->iSeqBefore);
      sqlite3_bind_int64(pStmt, 2, pI->iNow);
      rc = kioskRecEachRow(pI->p, pStmt, 0, 0, pErr);
    }
  }
  if( rc==KIOSK_OK ) rc = kioskRecExec(pI->p, "COMMIT", pErr);
  if( rc ) sqlite3_exec(kioskRecordsDb(pI->p), "ROLLBACK", 0, 0, 0);
  return rc;
}

/* The id of the current student named zName (ignoring case), added when
** there is none. */
static int studentByName(KioskRecords *p, const char *zName, long long iNow,
                         sqlite3_int64 *piId, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char zTime[KIOSK_RECORDS_ISO_SIZE];
  int rc;
  *piId = 0;
  if( zName==0 || zName[0]==0 || strlen(zName)>64 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NAME", 0, 0, 0,
                         "the class sent a student without a usable name");
  }
  if( kioskRecPrepare(p, "SELECT id FROM students WHERE name=?1"
                      " COLLATE NOCASE AND removed IS NULL", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zName, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) *piId = sqlite3_column_int64(pStmt, 0);
  kioskRecFinalize(p, pStmt);
  if( rc==SQLITE_ROW ) return KIOSK_OK;
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "INSERT INTO students(name, created) VALUES(?1, ?2)",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zName, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zTime, -1, SQLITE_STATIC);
  if( (rc = kioskRecEachRow(p, pStmt, 0, 0, pErr)) ) return rc;
  *piId = sqlite3_last_insert_rowid(kioskRecordsDb(p));
  return KIOSK_OK;
}

/* The options an answer picked, for item analysis: a choice, true/false or
** multi answer is option indexes separated by spaces; anything else (or an
** index out of range) is no pick. */
static int importPicks(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                       const char *zAnswer, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  const char *z = zAnswer;
  int rc;
  if( z==0 ) return KIOSK_OK;
  rc = kioskRecPrepare(p,
      "INSERT OR IGNORE INTO answer_picks(attempt, idx, opt)"
      " SELECT ?1, ?2, ?3 FROM asked k JOIN questions q ON q.id=k.question"
      " WHERE k.attempt=?1 AND k.idx=?2 AND q.kind IN ('choice','tf','multi')"
      " AND ?3 < coalesce(json_array_length(k.parts, '$.options'), 0)",
      &pStmt, pErr);
  if( rc ) return rc;
  while( *z ){
    char *zEnd = 0;
    long v;
    while( *z==' ' ) z++;
    if( *z==0 ) break;
    v = strtol(z, &zEnd, 10);
    if( zEnd==z || v<0 || v>10000 || (*zEnd && *zEnd!=' ') ) break;
    z = zEnd;
    sqlite3_reset(pStmt);
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, idx);
    sqlite3_bind_int(pStmt, 3, (int)v);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){
      rc = kioskRecDbError(p, "QUERY", pErr);
      break;
    }
  }
  kioskRecFinalize(p, pStmt);
  return rc;
}

/* The answers of pA that attempt iAttempt lacks. *pnAdded counts them. */
static int importAnswers(KioskRecords *p, sqlite3_int64 iAttempt,
                         const KioskClassAttempt *pA, int *pnAdded,
                         KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int i, rc = KIOSK_OK;
  if( kioskRecPrepare(p,
      "INSERT OR IGNORE INTO answers(attempt, idx, answer, text, correct,"
      " credit, points, answered)"
      " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
      " WHERE EXISTS (SELECT 1 FROM asked WHERE attempt=?1 AND idx=?2)",
      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  for(i=0; i<pA->nAnswer && rc==KIOSK_OK; i++){
    const KioskClassAnswer *w = &pA->aAnswer[i];
    sqlite3_reset(pStmt);
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, w->idx);
    sqlite3_bind_text(pStmt, 3, w->zAnswer ? w->zAnswer : "", -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 4, w->zText ? w->zText : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(pStmt, 5, w->bCorrect ? 1 : 0);
    sqlite3_bind_double(pStmt, 6, w->rCredit);
    sqlite3_bind_double(pStmt, 7, w->rPoints);
    sqlite3_bind_text(pStmt, 8, w->zAnswered ? w->zAnswered : "", -1,
                      SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){
      rc = kioskRecDbError(p, "QUERY", pErr);
      break;
    }
    if( sqlite3_changes(kioskRecordsDb(p))>0 ){
      (*pnAdded)++;
      rc = importPicks(p, iAttempt, w->idx, w->zAnswer, pErr);
    }
  }
  kioskRecFinalize(p, pStmt);
  return rc;
}

/* Store a new attempt: its row, its questions, its answers. */
static int importNew(KioskRecords *p, const KioskClassAttempt *pA,
                     long long iNow, sqlite3_int64 *piAttempt,
                     KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iStudent = 0, iAttempt;
  int i, rc, bOpen = pA->zStatus && strcmp(pA->zStatus, "open")==0;
  if( (rc = studentByName(p, pA->zStudent, iNow, &iStudent, pErr)) ){
    return rc;
  }
  if( kioskRecPrepare(p, "INSERT INTO attempts(uid, student, kind, pack,"
                      " stage, status, started, finished, title, seed,"
                      " time_limit, feedback, pass_mark, allowed, sitting,"
                      " used, left_at)"
                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                      " ?12, ?13, ?14, ?15, 0, ?16)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, pA->zUid, -1, SQLITE_STATIC);
  sqlite3_bind_int64(pStmt, 2, iStudent);
  kioskRecBindText(pStmt, 3, pA->zKind);
  kioskRecBindText(pStmt, 4, pA->zPack);
  kioskRecBindText(pStmt, 5, pA->zStage);
  kioskRecBindText(pStmt, 6, pA->zStatus);
  kioskRecBindText(pStmt, 7, pA->zStarted);
  kioskRecBindText(pStmt, 8, pA->zFinished);
  kioskRecBindText(pStmt, 9, pA->zTitle);
  sqlite3_bind_int64(pStmt, 10, pA->iSeed);
  sqlite3_bind_int(pStmt, 11, pA->nTimeLimit);
  sqlite3_bind_text(pStmt, 12, pA->zFeedback ? pA->zFeedback : "each", -1,
                    SQLITE_STATIC);
  sqlite3_bind_double(pStmt, 13, pA->rPassMark);
  sqlite3_bind_int(pStmt, 14, pA->nAllowed);
  sqlite3_bind_int64(pStmt, 15, iNow);
  /* Carried here, it is not being answered until a sitting begins. */
  if( bOpen ) sqlite3_bind_int64(pStmt, 16, iNow);
  else sqlite3_bind_null(pStmt, 16);
  if( (rc = kioskRecEachRow(p, pStmt, 0, 0, pErr)) ) return rc;
  iAttempt = sqlite3_last_insert_rowid(kioskRecordsDb(p));
  for(i=0; i<pA->nQuestion; i++){
    KioskQuestion *q = 0;
    if( pA->azQuestion[i]==0 ){
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "QUESTION", 0, 0, 0,
                           "attempt %s: question %d is missing", pA->zUid, i);
    }
    rc = kioskQuestionFromJson(kioskRecordsDb(p), pA->azQuestion[i], &q,
                               pErr);
    if( rc==KIOSK_OK ) rc = kioskRecAskedPut(p, iAttempt, i, q, pErr);
    kioskQuestionFree(q);
    if( rc ) return rc;
  }
  *piAttempt = iAttempt;
  return KIOSK_OK;
}

int kioskClassImportAttempt(KioskRecords *pRec, const KioskClassAttempt *pA,
                            long long iNow, int *pbChanged, KioskError *pErr){
  Import imp;
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iAttempt = 0;
  char zStatus[16];
  int rc, nAdded = 0;
  *pbChanged = 0;
  zStatus[0] = 0;
  if( pA->zUid==0 || strlen(pA->zUid)!=32 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOATTEMPT", 0, 0, 0,
                         "the class sent an attempt without a uid");
  }
  if( (rc = importBegin(&imp, pRec, iNow, pErr)) ) return rc;
  rc = kioskRecPrepare(pRec, "SELECT id, status FROM attempts WHERE uid=?1",
                       &pStmt, pErr);
  if( rc==KIOSK_OK ){
    sqlite3_bind_text(pStmt, 1, pA->zUid, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      iAttempt = sqlite3_column_int64(pStmt, 0);
      snprintf(zStatus, sizeof(zStatus), "%s",
               (const char *)sqlite3_column_text(pStmt, 1));
    }
    kioskRecFinalize(pRec, pStmt);
  }
  if( rc==KIOSK_OK && iAttempt==0 ){
    rc = importNew(pRec, pA, iNow, &iAttempt, pErr);
    if( rc==KIOSK_OK ) *pbChanged = 1;
  }
  if( rc==KIOSK_OK ) rc = importAnswers(pRec, iAttempt, pA, &nAdded, pErr);
  if( nAdded ) *pbChanged = 1;
  /* Finished or abandoned in the class: so here too. */
  if( rc==KIOSK_OK && strcmp(zStatus, "open")==0 && pA->zStatus
   && strcmp(pA->zStatus, "open")!=0 ){
    rc = kioskRecPrepare(pRec, "UPDATE attempts SET status=?2, finished=?3"
                         " WHERE id=?1 AND status='open'", &pStmt, pErr);
    if( rc==KIOSK_OK ){
      sqlite3_bind_int64(pStmt, 1, iAttempt);
      sqlite3_bind_text(pStmt, 2, pA->zStatus, -1, SQLITE_STATIC);
      kioskRecBindText(pStmt, 3, pA->zFinished);
      rc = kioskRecEachRow(pRec, pStmt, 0, 0, pErr);
      if( rc==KIOSK_OK ) *pbChanged = 1;
    }
  }
  return importEnd(&imp, rc, pErr);
}

int kioskClassImportReview(KioskRecords *pRec, const char *zStudent,
                           const char *zFact, const char *zStage, int iBox,
                           long long iDue, int nSeen, int nLapses,
                           const char *zLast, long long iNow, int *pbChanged,
                           KioskError *pErr){
  Import imp;
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iStudent = 0;
  int rc;
  *pbChanged = 0;
  if( zFact==0 || iBox<1 || iBox>5 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOFACT", 0, 0, 0,
                         "the class sent a review state without a fact");
  }
  if( (rc = importBegin(&imp, pRec, iNow, pErr)) ) return rc;
  rc = studentByName(pRec, zStudent, iNow, &iStudent, pErr);
  if( rc==KIOSK_OK ){
    rc = kioskRecPrepare(pRec,
        "INSERT INTO review(student, fact, stage, box, due, seen, lapses,"
        " last) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        " ON CONFLICT(student, fact) DO UPDATE SET stage=excluded.stage,"
        " box=excluded.box, due=excluded.due, seen=excluded.seen,"
        " lapses=excluded.lapses, last=excluded.last"
        " WHERE excluded.seen > review.seen", &pStmt, pErr);
  }
  if( rc==KIOSK_OK ){
    sqlite3_bind_int64(pStmt, 1, iStudent);
    sqlite3_bind_text(pStmt, 2, zFact, -1, SQLITE_STATIC);
    kioskRecBindText(pStmt, 3, zStage);
    sqlite3_bind_int(pStmt, 4, iBox);
    sqlite3_bind_int64(pStmt, 5, iDue);
    sqlite3_bind_int(pStmt, 6, nSeen);
    sqlite3_bind_int(pStmt, 7, nLapses);
    sqlite3_bind_text(pStmt, 8, zLast ? zLast : "", -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){
      rc = kioskRecDbError(pRec, "QUERY", pErr);
    }else{
      *pbChanged = sqlite3_changes(kioskRecordsDb(pRec))>0;
    }
    kioskRecFinalize(pRec, pStmt);
  }
  return importEnd(&imp, rc, pErr);
}

int kioskClassImportLesson(KioskRecords *pRec, const char *zStudent,
                           const char *zStage, const char *zAt,
                           long long iNow, int *pbChanged, KioskError *pErr){
  Import imp;
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iStudent = 0;
  int rc;
  *pbChanged = 0;
  if( (rc = importBegin(&imp, pRec, iNow, pErr)) ) return rc;
  rc = studentByName(pRec, zStudent, iNow, &iStudent, pErr);
  if( rc==KIOSK_OK ){
    rc = kioskRecPrepare(pRec, "INSERT OR IGNORE INTO lessons_read(student,"
                         " stage, at) VALUES(?1, ?2, ?3)", &pStmt, pErr);
  }
  if( rc==KIOSK_OK ){
    sqlite3_bind_int64(pStmt, 1, iStudent);
    kioskRecBindText(pStmt, 2, zStage);
    sqlite3_bind_text(pStmt, 3, zAt ? zAt : "", -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){
      rc = kioskRecDbError(pRec, "QUERY", pErr);
    }else{
      *pbChanged = sqlite3_changes(kioskRecordsDb(pRec))>0;
    }
    kioskRecFinalize(pRec, pStmt);
  }
  return importEnd(&imp, rc, pErr);
}

int kioskClassPackVersionSet(KioskRecords *pRec, const char *zId,
                             int iVersion, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc = kioskRecPrepare(pRec, iVersion>0
      ? "INSERT INTO class_packs(id, version) VALUES(?1, ?2)"
        " ON CONFLICT(id) DO UPDATE SET version=excluded.version"
        " WHERE version<>excluded.version"
      : "DELETE FROM class_packs WHERE id=?1", &pStmt, pErr);
  if( rc ) return rc;
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_STATIC);
  if( iVersion>0 ) sqlite3_bind_int(pStmt, 2, iVersion);
  return kioskRecEachRow(pRec, pStmt, 0, 0, pErr);
}

int kioskClassPackVersionGet(KioskRecords *pRec, const char *zId,
                             int *piVersion, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *piVersion = 0;
  if( zId==0 ) return KIOSK_OK;
  if( kioskRecPrepare(pRec, "SELECT version FROM class_packs WHERE id=?1",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) *piVersion = sqlite3_column_int(pStmt, 0);
  kioskRecFinalize(pRec, pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ){
    return kioskRecDbError(pRec, "QUERY", pErr);
  }
  return KIOSK_OK;
}
