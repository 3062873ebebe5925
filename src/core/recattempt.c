/*
** recattempt.c: listing attempts and answers, lessons read, progress and
** the stored review schedule.
**
** Writing attempts and answers is attempt.c (the rules) over
** recquestion.c (the questions); this file reads them back and keeps the
** review state each answer updates. The Leitner rules themselves are
** review.c; reports are recreport.c.
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


/*
** Apply one answer to the review state of (iStudent, zFact), inside the
** caller's transaction. iAttempt/idx name the question (0/-1: none).
*/
int kioskRecReviewUpdate(KioskRecords *p, sqlite3_int64 iStudent,
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
  kioskRecFinalize(p, pStmt);
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

static int noAttempt(sqlite3_int64 iAttempt, KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOATTEMPT", 0, 0, 0,
                       "no attempt with id %lld", (long long)iAttempt);
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
  kioskRecFinalize(p, pStmt);
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
        " (SELECT count(*) FROM asked k WHERE k.attempt=a.id) AS questions,"
        " (SELECT count(*) FROM answers n WHERE n.attempt=a.id) AS answered,"
        " (SELECT coalesce(sum(n.correct), 0) FROM answers n"
        "   WHERE n.attempt=a.id) AS correct,"
        " (SELECT coalesce(sum(n.points), 0.0) FROM answers n"
        "   WHERE n.attempt=a.id) AS score,"
        " (SELECT coalesce(sum(q.points), 0.0) FROM asked k"
        "   JOIN questions q ON q.id=k.question WHERE k.attempt=a.id"
        "   AND" KIOSK_REC_MARKED ") AS max,"
        " a.uid, a.title, a.seed, a.time_limit AS time, a.feedback,"
        " a.pass_mark AS pass, a.allowed AS attempts"
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
  kioskRecFinalize(p, pStmt);
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
  if( kioskRecPrepare(p, "SELECT idx, kiosk_question(question, parts)"
                      " AS question FROM asked WHERE attempt=?1"
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
  if( kioskRecPrepare(p, "SELECT idx AS \"index\", answer, text, correct,"
                      " credit, points, answered FROM answers WHERE attempt=?1"
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
        "       / nullif((SELECT sum(q.points) FROM asked k"
        "          JOIN questions q ON q.id=k.question"
        "          WHERE k.attempt=a.id AND" KIOSK_REC_MARKED "), 0)) AS best,"
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
        " r.stage, kiosk_question(k.question, k.parts) AS question"
        " FROM review r LEFT JOIN asked k"
        "  ON k.attempt=r.qattempt AND k.idx=r.qidx"
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
        "SELECT kiosk_question(k.question, k.parts) AS question"
        " FROM review r JOIN asked k"
        "  ON k.attempt=r.qattempt AND k.idx=r.qidx"
        " JOIN questions q ON q.id=k.question"
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
  if( kioskRecReviewUpdate(p, iStudent, zFact, zStage, bCorrect, iNow, 0, -1, pErr)
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
