/*
** recattempt.c: attempts, answers, lessons read, progress and the stored
** review schedule.
**
** The point of this file is that no answer is ever lost: an attempt saves
** its questions when it starts, and each answer is one committed
** transaction (with the review state of its facts) before the call
** returns. The Leitner rules themselves are review.c; reports are
** recreport.c.
*/
#include "recint.h"
#include "review.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Roll back the open transaction and return the error already in pErr. */
static int rollback(KioskRecords *p, KioskError *pErr){
  sqlite3_exec(p->db, "ROLLBACK", 0, 0, 0);
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}


int kioskRecordsAttemptStart(KioskRecords *p, sqlite3_int64 iStudent,
                             const char *zKind, const char *zPack,
                             const char *zStage, int nQuestion,
                             const KioskRecQuestion *aQuestion,
                             long long iNow, sqlite3_int64 *piAttempt,
                             KioskError *pErr){
  sqlite3_stmt *pAttempt = 0, *pQ = 0, *pOpt = 0, *pFact = 0;
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iAttempt;
  char zTime[32];
  int i, j, rc;

  *piAttempt = 0;
  if( strcmp(zKind, "stage") && strcmp(zKind, "pack") && strcmp(zKind, "review") ){
    return kioskErrorSet(pErr, KIOSK_EARG, "KIND", 0, 0, 0,
                         "attempt kind must be stage, pack or review, not "
                         "\"%s\"", zKind);
  }
  if( nQuestion<1 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "QUESTION", 0, 0, 0,
                         "an attempt needs at least one question");
  }
  for(i=0; i<nQuestion; i++){
    const KioskRecQuestion *q = &aQuestion[i];
    if( q->zId==0 || q->zId[0]==0 || q->zKind==0 || q->zKind[0]==0 ){
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "QUESTION", 0, 0, 0,
                           "question %d has no id or no kind", i);
    }
  }
  /* A removed student keeps their history but starts nothing new. */
  if( kioskRecPrepare(p, "SELECT 1 FROM students WHERE id=?1"
                      " AND removed IS NULL", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  rc = sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_ROW ){
    if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOSTUDENT", 0, 0, 0,
                         "no student with id %lld", (long long)iStudent);
  }

  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( kioskRecPrepare(p, "INSERT INTO attempts(student, kind, pack, stage,"
                      " started) VALUES(?1, ?2, ?3, ?4, ?5)", &pAttempt, pErr)
   || kioskRecPrepare(p, "INSERT INTO questions(attempt, idx, qid, kind,"
                      " topic, stage, prompt, points, body)"
                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &pQ, pErr)
   || kioskRecPrepare(p, "INSERT INTO question_options(attempt, idx, opt,"
                      " text, credit) VALUES(?1, ?2, ?3, ?4, ?5)", &pOpt, pErr)
   || kioskRecPrepare(p, "INSERT OR IGNORE INTO question_facts(attempt, idx,"
                      " fact) VALUES(?1, ?2, ?3)", &pFact, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pAttempt, 1, iStudent);
  sqlite3_bind_text(pAttempt, 2, zKind, -1, SQLITE_STATIC);
  kioskRecBindText(pAttempt, 3, zPack);
  kioskRecBindText(pAttempt, 4, zStage);
  sqlite3_bind_text(pAttempt, 5, zTime, -1, SQLITE_STATIC);
  if( sqlite3_step(pAttempt)!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  iAttempt = sqlite3_last_insert_rowid(p->db);
  for(i=0; i<nQuestion; i++){
    const KioskRecQuestion *q = &aQuestion[i];
    sqlite3_reset(pQ);
    sqlite3_bind_int64(pQ, 1, iAttempt);
    sqlite3_bind_int(pQ, 2, i);
    sqlite3_bind_text(pQ, 3, q->zId, -1, SQLITE_STATIC);
    sqlite3_bind_text(pQ, 4, q->zKind, -1, SQLITE_STATIC);
    kioskRecBindText(pQ, 5, q->zTopic);
    kioskRecBindText(pQ, 6, q->zStage);
    kioskRecBindText(pQ, 7, q->zPrompt);
    sqlite3_bind_double(pQ, 8, q->rPoints);
    kioskRecBindText(pQ, 9, q->zBody ? q->zBody : "");
    if( sqlite3_step(pQ)!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      goto fail;
    }
    for(j=0; j<q->nOption; j++){
      sqlite3_reset(pOpt);
      sqlite3_bind_int64(pOpt, 1, iAttempt);
      sqlite3_bind_int(pOpt, 2, i);
      sqlite3_bind_int(pOpt, 3, j);
      kioskRecBindText(pOpt, 4, q->azOption[j] ? q->azOption[j] : "");
      sqlite3_bind_double(pOpt, 5, q->arCredit ? q->arCredit[j] : 0.0);
      if( sqlite3_step(pOpt)!=SQLITE_DONE ){
        kioskRecDbError(p, "QUERY", pErr);
        goto fail;
      }
    }
    for(j=0; j<q->nFact; j++){
      if( q->azFact[j]==0 || q->azFact[j][0]==0 ) continue;
      sqlite3_reset(pFact);
      sqlite3_bind_int64(pFact, 1, iAttempt);
      sqlite3_bind_int(pFact, 2, i);
      sqlite3_bind_text(pFact, 3, q->azFact[j], -1, SQLITE_STATIC);
      if( sqlite3_step(pFact)!=SQLITE_DONE ){
        kioskRecDbError(p, "QUERY", pErr);
        goto fail;
      }
    }
  }
  sqlite3_finalize(pAttempt);
  sqlite3_finalize(pQ);
  sqlite3_finalize(pOpt);
  sqlite3_finalize(pFact);
  pAttempt = pQ = pOpt = pFact = 0;
  if( kioskRecExec(p, "COMMIT", pErr) ) goto fail;
  *piAttempt = iAttempt;
  return KIOSK_OK;

fail:
  sqlite3_finalize(pAttempt);
  sqlite3_finalize(pQ);
  sqlite3_finalize(pOpt);
  sqlite3_finalize(pFact);
  return rollback(p, pErr);
}

/*
** Apply one answer to the review state of (iStudent, zFact), inside the
** caller's transaction. iAttempt/idx name the question (0/-1: none).
*/
static int reviewUpdate(KioskRecords *p, sqlite3_int64 iStudent,
                        const char *zFact, const char *zStage, int bCorrect,
                        long long iNow, sqlite3_int64 iAttempt, int idx,
                        KioskError *pErr){
  KioskReviewState st;
  sqlite3_stmt *pStmt = 0;
  char zTime[32];
  int rc;

  memset(&st, 0, sizeof(st));
  if( kioskRecPrepare(p, "SELECT box, due FROM review"
                      " WHERE student=?1 AND fact=?2", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_text(pStmt, 2, zFact, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    st.iBox = sqlite3_column_int(pStmt, 0);
    st.iDue = (long)sqlite3_column_int64(pStmt, 1);
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);

  kioskReviewAnswer(&st, bCorrect, kioskReviewDay(iNow));
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p,
        "INSERT INTO review(student, fact, stage, box, due, seen, lapses,"
        " last, qattempt, qidx) VALUES(?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9)"
        " ON CONFLICT(student, fact) DO UPDATE SET"
        " stage=coalesce(excluded.stage, review.stage),"
        " box=excluded.box, due=excluded.due, seen=review.seen+1,"
        " lapses=review.lapses+excluded.lapses, last=excluded.last,"
        " qattempt=coalesce(excluded.qattempt, review.qattempt),"
        " qidx=coalesce(excluded.qidx, review.qidx)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_text(pStmt, 2, zFact, -1, SQLITE_STATIC);
  kioskRecBindText(pStmt, 3, zStage);
  sqlite3_bind_int(pStmt, 4, st.iBox);
  sqlite3_bind_int64(pStmt, 5, st.iDue);
  sqlite3_bind_int(pStmt, 6, !bCorrect);
  sqlite3_bind_text(pStmt, 7, zTime, -1, SQLITE_STATIC);
  if( iAttempt>0 ){
    sqlite3_bind_int64(pStmt, 8, iAttempt);
    sqlite3_bind_int(pStmt, 9, idx);
  }
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

/* Store the option indexes named in zAnswer ("2", "0 3") that exist. */
static int savePicks(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     const char *zAnswer, int nOption, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  const char *z = zAnswer;
  if( kioskRecPrepare(p, "INSERT OR IGNORE INTO answer_picks(attempt, idx,"
                      " opt) VALUES(?1, ?2, ?3)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  while( *z ){
    char *zEnd;
    long v;
    while( isspace((unsigned char)*z) ) z++;
    if( *z==0 ) break;
    if( !isdigit((unsigned char)*z) ) break;   /* not an index list */
    v = strtol(z, &zEnd, 10);
    z = zEnd;
    if( *z && !isspace((unsigned char)*z) ) break;
    if( v<0 || v>=nOption ) continue;
    sqlite3_reset(pStmt);
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, idx);
    sqlite3_bind_int(pStmt, 3, (int)v);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      sqlite3_finalize(pStmt);
      return KIOSK_EDB;
    }
  }
  sqlite3_finalize(pStmt);
  return KIOSK_OK;
}

/* What kioskRecordsAnswer needs to know about the attempt and question. */
typedef struct AnswerCtx {
  int bFound;              /* the attempt exists */
  char zStatus[16];
  sqlite3_int64 iStudent;
  int bQuestion;           /* the question exists */
  char *zKind, *zStage, *zQid;
  double rPoints;
  int nOption;
  int bAnswered;
} AnswerCtx;

static int loadAnswerCtx(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                         AnswerCtx *c, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( kioskRecPrepare(p,
        "SELECT a.status, a.student, q.qid, q.kind, q.stage, q.points,"
        " (SELECT count(*) FROM question_options o"
        "   WHERE o.attempt=a.id AND o.idx=?2),"
        " EXISTS(SELECT 1 FROM answers n WHERE n.attempt=a.id AND n.idx=?2)"
        " FROM attempts a LEFT JOIN questions q ON q.attempt=a.id AND q.idx=?2"
        " WHERE a.id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int(pStmt, 2, idx);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    c->bFound = 1;
    snprintf(c->zStatus, sizeof(c->zStatus), "%s",
             (const char *)sqlite3_column_text(pStmt, 0));
    c->iStudent = sqlite3_column_int64(pStmt, 1);
    c->bQuestion = sqlite3_column_type(pStmt, 2)!=SQLITE_NULL;
    c->zQid = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 2));
    c->zKind = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 3));
    c->zStage = sqlite3_column_type(pStmt, 4)==SQLITE_NULL ? 0
              : sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 4));
    c->rPoints = sqlite3_column_double(pStmt, 5);
    c->nOption = sqlite3_column_int(pStmt, 6);
    c->bAnswered = sqlite3_column_int(pStmt, 7);
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  if( c->bFound && (c->zQid==0 || c->zKind==0) ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }
  return KIOSK_OK;
}

static int noAttempt(sqlite3_int64 iAttempt, KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOATTEMPT", 0, 0, 0,
                       "no attempt with id %lld", (long long)iAttempt);
}

int kioskRecordsAnswer(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                       const char *zAnswer, int bCorrect, double rCredit,
                       double rPoints, long long iNow, KioskError *pErr){
  AnswerCtx c;
  sqlite3_stmt *pStmt = 0;
  char zTime[32];
  int nFact = 0, rc;

  memset(&c, 0, sizeof(c));
  /* IMMEDIATE: the checks below and the writes see the same database. */
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( loadAnswerCtx(p, iAttempt, idx, &c, pErr) ) goto fail;
  if( !c.bFound ){
    noAttempt(iAttempt, pErr);
    goto fail;
  }
  if( strcmp(c.zStatus, "open")!=0 ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "FINISHED", 0, 0, 0,
                  "attempt %lld is %s: it takes no more answers",
                  (long long)iAttempt, c.zStatus);
    goto fail;
  }
  if( !c.bQuestion ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "INDEX", 0, 0, 0,
                  "attempt %lld has no question %d", (long long)iAttempt, idx);
    goto fail;
  }
  if( c.bAnswered ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "ANSWERED", 0, 0, 0,
                  "question %d of attempt %lld is already answered",
                  idx, (long long)iAttempt);
    goto fail;
  }
  if( rPoints<0 ) rPoints = rCredit * c.rPoints;
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "INSERT INTO answers(attempt, idx, answer, correct,"
                      " credit, points, answered)"
                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int(pStmt, 2, idx);
  sqlite3_bind_text(pStmt, 3, zAnswer, -1, SQLITE_STATIC);
  sqlite3_bind_int(pStmt, 4, bCorrect ? 1 : 0);
  sqlite3_bind_double(pStmt, 5, rCredit);
  sqlite3_bind_double(pStmt, 6, rPoints);
  sqlite3_bind_text(pStmt, 7, zTime, -1, SQLITE_STATIC);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) goto fail;
  if( strcmp(c.zKind, "choice")==0 || strcmp(c.zKind, "tf")==0
   || strcmp(c.zKind, "multi")==0 ){
    if( savePicks(p, iAttempt, idx, zAnswer, c.nOption, pErr) ) goto fail;
  }

  /* Every fact the question tests follows the answer; a question naming
  ** no fact is scheduled under its own id. */
  if( kioskRecPrepare(p, "SELECT fact FROM question_facts"
                      " WHERE attempt=?1 AND idx=?2 ORDER BY fact",
                      &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int(pStmt, 2, idx);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    char *zFact = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    nFact++;
    rc = zFact ? reviewUpdate(p, c.iStudent, zFact, c.zStage, bCorrect, iNow,
                              iAttempt, idx, pErr)
               : kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    sqlite3_free(zFact);
    if( rc ){
      sqlite3_finalize(pStmt);
      goto fail;
    }
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  if( nFact==0 && reviewUpdate(p, c.iStudent, c.zQid, c.zStage, bCorrect,
                               iNow, iAttempt, idx, pErr) ){
    goto fail;
  }
  if( kioskRecExec(p, "COMMIT", pErr) ) goto fail;
  sqlite3_free(c.zKind);
  sqlite3_free(c.zStage);
  sqlite3_free(c.zQid);
  return KIOSK_OK;

fail:
  sqlite3_free(c.zKind);
  sqlite3_free(c.zStage);
  sqlite3_free(c.zQid);
  return rollback(p, pErr);
}

/* Close an open attempt with zStatus. */
static int closeAttempt(KioskRecords *p, sqlite3_int64 iAttempt,
                        const char *zStatus, long long iNow,
                        KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char zTime[32];
  const char *zNow = 0;
  int rc;
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "UPDATE attempts SET status=?2, finished=?3"
                      " WHERE id=?1 AND status='open'", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_text(pStmt, 2, zStatus, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, zTime, -1, SQLITE_STATIC);
  if( (rc = kioskRecEachRow(p, pStmt, 0, 0, pErr))!=0 ) return rc;
  if( sqlite3_changes(p->db)>0 ) return KIOSK_OK;

  if( kioskRecPrepare(p, "SELECT status FROM attempts WHERE id=?1",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) zNow = (const char *)sqlite3_column_text(pStmt, 0);
  if( zNow ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "FINISHED", 0, 0, 0,
                  "attempt %lld is already %s", (long long)iAttempt, zNow);
  }else if( rc==SQLITE_DONE ){
    noAttempt(iAttempt, pErr);
  }else{
    kioskRecDbError(p, "QUERY", pErr);
  }
  sqlite3_finalize(pStmt);
  return pErr ? (int)pErr->eClass : KIOSK_ERECORDS;
}

int kioskRecordsAttemptFinish(KioskRecords *p, sqlite3_int64 iAttempt,
                              long long iNow, KioskError *pErr){
  return closeAttempt(p, iAttempt, "finished", iNow, pErr);
}

int kioskRecordsAttemptAbandon(KioskRecords *p, sqlite3_int64 iAttempt,
                               long long iNow, KioskError *pErr){
  return closeAttempt(p, iAttempt, "abandoned", iNow, pErr);
}

int kioskRecordsUnfinished(KioskRecords *p, sqlite3_int64 iStudent,
                           sqlite3_int64 *piAttempt, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *piAttempt = 0;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p, "SELECT id FROM attempts WHERE student=?1"
                      " AND status='open' ORDER BY id DESC LIMIT 1",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) *piAttempt = sqlite3_column_int64(pStmt, 0);
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

void kioskRecBindFilter(sqlite3_stmt *pStmt, const KioskRecFilter *pF){
  KioskRecFilter none;
  if( pF==0 ){
    memset(&none, 0, sizeof(none));
    pF = &none;
  }
  sqlite3_bind_int64(pStmt, 1, pF->iStudent);
  sqlite3_bind_int64(pStmt, 2, pF->iAttempt);
  kioskRecBindText(pStmt, 3, pF->zPack);
  kioskRecBindText(pStmt, 4, pF->zStage);
  kioskRecBindText(pStmt, 5, pF->zStatus);
}

int kioskRecordsAttempts(KioskRecords *p, const KioskRecFilter *pF,
                         KioskRowFn xRow, void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( kioskRecPrepare(p,
        "SELECT a.id, a.student, s.name,"
        " CASE WHEN s.removed IS NOT NULL THEN 1 END AS removed,"
        " a.kind, a.pack, a.stage, a.status, a.started, a.finished,"
        " (SELECT count(*) FROM questions q WHERE q.attempt=a.id) AS questions,"
        " (SELECT count(*) FROM answers n WHERE n.attempt=a.id) AS answered,"
        " (SELECT coalesce(sum(n.correct), 0) FROM answers n"
        "   WHERE n.attempt=a.id) AS correct,"
        " (SELECT coalesce(sum(n.points), 0.0) FROM answers n"
        "   WHERE n.attempt=a.id) AS score,"
        " (SELECT coalesce(sum(q.points), 0.0) FROM questions q"
        "   WHERE q.attempt=a.id) AS max"
        " FROM attempts a JOIN students s ON s.id=a.student"
        " WHERE (?1=0 OR a.student=?1) AND (?2=0 OR a.id=?2)"
        " AND (?3 IS NULL OR a.pack=?3) AND (?4 IS NULL OR a.stage=?4)"
        " AND (?5 IS NULL OR a.status=?5)"
        " ORDER BY a.id", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  kioskRecBindFilter(pStmt, pF);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* 0 when attempt iAttempt exists, else "NOATTEMPT". */
static int attemptCheck(KioskRecords *p, sqlite3_int64 iAttempt,
                        KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( kioskRecPrepare(p, "SELECT 1 FROM attempts WHERE id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  rc = sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_ROW ) return KIOSK_OK;
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return noAttempt(iAttempt, pErr);
}

int kioskRecordsAttemptQuestions(KioskRecords *p, sqlite3_int64 iAttempt,
                                 KioskRowFn xRow, void *pArg,
                                 KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = attemptCheck(p, iAttempt, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p, "SELECT idx, body FROM questions WHERE attempt=?1"
                      " ORDER BY idx", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

int kioskRecordsAttemptAnswers(KioskRecords *p, sqlite3_int64 iAttempt,
                               KioskRowFn xRow, void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = attemptCheck(p, iAttempt, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p, "SELECT idx AS \"index\", answer, correct, credit,"
                      " points, answered FROM answers WHERE attempt=?1"
                      " ORDER BY idx", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* ---- lessons and progress ---- */

int kioskRecordsLessonRead(KioskRecords *p, sqlite3_int64 iStudent,
                           const char *zStage, long long iNow,
                           KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char zTime[32];
  int rc;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "INSERT OR IGNORE INTO lessons_read(student, stage,"
                      " at) VALUES(?1, ?2, ?3)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_text(pStmt, 2, zStage, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, zTime, -1, SQLITE_STATIC);
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskRecordsProgress(KioskRecords *p, sqlite3_int64 iStudent,
                         KioskRowFn xRow, void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p,
        "WITH sc AS ("
        "  SELECT a.stage,"
        "   max((SELECT coalesce(sum(n.points), 0.0) FROM answers n"
        "          WHERE n.attempt=a.id)"
        "       / nullif((SELECT sum(q.points) FROM questions q"
        "          WHERE q.attempt=a.id), 0)) AS best,"
        "   count(*) AS n"
        "  FROM attempts a WHERE a.student=?1 AND a.kind='stage'"
        "   AND a.status='finished' AND a.stage IS NOT NULL GROUP BY a.stage),"
        " rd AS (SELECT stage FROM lessons_read WHERE student=?1),"
        " rv AS (SELECT stage, count(*) AS seen, sum(box>=?2) AS mastered"
        "  FROM review WHERE student=?1 AND stage IS NOT NULL GROUP BY stage),"
        " st AS (SELECT stage FROM sc UNION SELECT stage FROM rd"
        "  UNION SELECT stage FROM rv)"
        " SELECT st.stage, rd.stage IS NOT NULL AS read, sc.best,"
        "  coalesce(sc.n, 0) AS attempts, coalesce(rv.seen, 0) AS seen,"
        "  coalesce(rv.mastered, 0) AS mastered"
        " FROM st LEFT JOIN sc USING(stage) LEFT JOIN rd USING(stage)"
        "  LEFT JOIN rv USING(stage) ORDER BY st.stage", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_int(pStmt, 2, KIOSK_REVIEW_MASTERED);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* ---- the review schedule ---- */

int kioskRecordsReviewDue(KioskRecords *p, sqlite3_int64 iStudent,
                          long long iNow, int nLimit, KioskRowFn xRow,
                          void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p,
        "SELECT r.fact, r.box, date(r.due*86400, 'unixepoch') AS due,"
        " r.stage, q.body AS question"
        " FROM review r LEFT JOIN questions q"
        "  ON q.attempt=r.qattempt AND q.idx=r.qidx"
        " WHERE r.student=?1 AND r.due<=?2"
        " ORDER BY r.box, r.due, r.fact LIMIT ?3", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_int64(pStmt, 2, kioskReviewDay(iNow));
  sqlite3_bind_int(pStmt, 3, nLimit);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

int kioskRecordsReviewQuestions(KioskRecords *p, sqlite3_int64 iStudent,
                                long long iNow, int nLimit, KioskRowFn xRow,
                                void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  /* One question may test several due facts: ask it once, ranked by its
  ** most urgent fact. */
  if( kioskRecPrepare(p,
        "SELECT q.body AS question FROM review r JOIN questions q"
        "  ON q.attempt=r.qattempt AND q.idx=r.qidx"
        " WHERE r.student=?1 AND r.due<=?2"
        " GROUP BY q.qid ORDER BY min(r.box), min(r.due), q.qid LIMIT ?3",
        &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_int64(pStmt, 2, kioskReviewDay(iNow));
  sqlite3_bind_int(pStmt, 3, nLimit);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

int kioskRecordsReviewAnswer(KioskRecords *p, sqlite3_int64 iStudent,
                             const char *zFact, const char *zStage,
                             int bCorrect, long long iNow, KioskError *pErr){
  int rc;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  if( zFact==0 || zFact[0]==0 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOFACT", 0, 0, 0,
                         "a review answer needs a fact id");
  }
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( reviewUpdate(p, iStudent, zFact, zStage, bCorrect, iNow, 0, -1, pErr)
   || kioskRecExec(p, "COMMIT", pErr) ){
    return rollback(p, pErr);
  }
  return KIOSK_OK;
}

/* A row callback that counts the rows it passes on to another. */
typedef struct RowCount {
  KioskRowFn xRow;
  void *pArg;
  int nRow;
} RowCount;

static int countRow(void *pArg, sqlite3_stmt *pStmt){
  RowCount *pCount = (RowCount *)pArg;
  pCount->nRow++;
  return pCount->xRow ? pCount->xRow(pCount->pArg, pStmt) : 0;
}

int kioskRecordsReviewState(KioskRecords *p, sqlite3_int64 iStudent,
                            const char *zFact, KioskRowFn xRow, void *pArg,
                            KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  RowCount count;
  int rc;
  if( (rc = kioskRecStudentCheck(p, iStudent, pErr))!=0 ) return rc;
  if( kioskRecPrepare(p,
        "SELECT fact, box, date(due*86400, 'unixepoch') AS due, stage, seen,"
        " lapses, last FROM review WHERE student=?1"
        " AND (?2 IS NULL OR fact=?2) ORDER BY fact", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  kioskRecBindText(pStmt, 2, zFact);
  count.xRow = xRow;
  count.pArg = pArg;
  count.nRow = 0;
  if( (rc = kioskRecEachRow(p, pStmt, countRow, &count, pErr))!=0 ) return rc;
  if( zFact && count.nRow==0 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOFACT", 0, 0, 0,
                         "student %lld has no review state for \"%s\"",
                         (long long)iStudent, zFact);
  }
  return KIOSK_OK;
}
