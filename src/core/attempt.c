/*
** attempt.c: the quiz attempt (attempt.h): start, answer, resume, leave,
** finish, with its rules. The storage of questions is recquestion.c, the
** review state's is recattempt.c; scoring is score.c.
**
** Every write is one transaction that either commits or leaves nothing:
** an answer is checked, scored, stored with its picks and its facts'
** review state, and committed before the score is handed back, so the
** caller never shows a score that is not on disk.
*/
#include "attempt.h"
#include "pack.h"
#include "recint.h"
#include "review.h"
#include "tcllist.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Roll back the open transaction and return the error already in pErr. */
static int rollback(KioskRecords *p, KioskError *pErr){
  sqlite3_exec(kioskRecordsDb(p), "ROLLBACK", 0, 0, 0);
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}

static int noAttempt(sqlite3_int64 iAttempt, KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "NOATTEMPT", 0, 0, 0,
                       "no attempt with id %lld", (long long)iAttempt);
}

static int noMem(KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
}

static int badTime(long long iNow, KioskError *pErr){
  if( iNow<KIOSK_RECORDS_TIME_MIN || iNow>KIOSK_RECORDS_TIME_MAX ){
    return kioskErrorSet(pErr, KIOSK_EARG, "NOW", 0, 0, 0,
                         "time %lld is outside the years 1970-9999", iNow);
  }
  return KIOSK_OK;
}

/* ---- answers as text ---- */

/* A parsed answer: pAns points into the arrays here. */
typedef struct ParsedAnswer {
  KioskAnswer ans;
  int *aIndex;
  char **azText;
  int nText;
} ParsedAnswer;

static void parsedFree(ParsedAnswer *pA){
  sqlite3_free(pA->aIndex);
  kioskTclListFree(pA->azText, pA->nText);
  memset(pA, 0, sizeof(*pA));
}

/* Read zAnswer (attempt.h's form) for q. Returns 0, 1 when it is not of
** that form, -1 out of memory. */
static int parseAnswer(const KioskQuestion *q, const char *zAnswer,
                       ParsedAnswer *pA){
  memset(pA, 0, sizeof(*pA));
  if( zAnswer==0 ) return 1;
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_TF: case KQ_MULTI: case KQ_ORDER: {
      const char *z = zAnswer;
      int n = 0, nAlloc = 8;
      pA->aIndex = sqlite3_malloc64(sizeof(int)*(size_t)nAlloc);
      if( pA->aIndex==0 ) return -1;
      while( 1 ){
        char *zEnd;
        long v;
        while( isspace((unsigned char)*z) ) z++;
        if( *z==0 ) break;
        if( !isdigit((unsigned char)*z) ) return 1;
        v = strtol(z, &zEnd, 10);
        if( *zEnd && !isspace((unsigned char)*zEnd) ) return 1;
        if( v>1000000 ) return 1;
        z = zEnd;
        if( n==nAlloc ){
          int *aNew = sqlite3_realloc64(pA->aIndex, sizeof(int)*(size_t)nAlloc*2);
          if( aNew==0 ) return -1;
          pA->aIndex = aNew;
          nAlloc *= 2;
        }
        pA->aIndex[n++] = (int)v;
      }
      if( (q->eKind==KQ_CHOICE || q->eKind==KQ_TF) && n!=1 ) return 1;
      pA->ans.nIndex = n;
      pA->ans.aIndex = pA->aIndex;
      return 0;
    }
    case KQ_MATCH: {
      int rc = kioskTclListSplit(zAnswer, &pA->nText, &pA->azText);
      if( rc ) return rc;
      pA->ans.nText = pA->nText;
      pA->ans.azText = (const char *const *)pA->azText;
      return 0;
    }
    default:
      pA->ans.zText = zAnswer;
      return 0;
  }
}

char *kioskAnswerWords(const KioskQuestion *q, const char *zAnswer){
  ParsedAnswer pa;
  sqlite3_str *pOut;
  int i, rc;
  if( zAnswer==0 ) zAnswer = "";
  rc = parseAnswer(q, zAnswer, &pa);
  if( rc<0 ){
    parsedFree(&pa);
    return 0;
  }
  /* typed answers (an essay's too) are their own words */
  if( rc>0 || q->eKind==KQ_YEAR || q->eKind==KQ_NUMBER || q->eKind==KQ_TEXT
   || q->eKind==KQ_ESSAY || q->eKind==KQ_DESC ){
    parsedFree(&pa);
    return sqlite3_mprintf("%s", zAnswer);
  }
  pOut = sqlite3_str_new(0);
  if( q->eKind==KQ_MATCH ){
    for(i=0; i<pa.nText; i++){
      sqlite3_str_appendf(pOut, "%s%s: %s", i ? "; " : "",
                          i<q->nPair ? q->aPair[i].zLeft : "?", pa.azText[i]);
    }
  }else{
    const char *zSep = q->eKind==KQ_ORDER ? " \xe2\x86\x92 " : ", ";
    for(i=0; i<pa.ans.nIndex; i++){
      int k = pa.ans.aIndex[i];
      sqlite3_str_appendf(pOut, "%s%s", i ? zSep : "",
                          k>=0 && k<q->nOption ? q->aOption[k].zText : "?");
    }
  }
  parsedFree(&pa);
  if( sqlite3_str_errcode(pOut) ){
    sqlite3_free(sqlite3_str_finish(pOut));
    return 0;
  }
  {
    char *z = sqlite3_str_finish(pOut);
    return z ? z : sqlite3_mprintf("");
  }
}

/* ---- start ---- */

int kioskAttemptStart(KioskRecords *p, sqlite3_int64 iStudent,
                      const KioskAttemptSpec *pSpec, const KioskQuiz *pQuiz,
                      long long iNow, sqlite3_int64 *piAttempt,
                      KioskError *pErr){
  KioskAttemptSpec none;
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iAttempt;
  const char *zKind;
  char zTime[KIOSK_RECORDS_ISO_SIZE];
  double rPass;
  int i, rc;

  *piAttempt = 0;
  if( pSpec==0 ){
    memset(&none, 0, sizeof(none));
    pSpec = &none;
  }
  zKind = pSpec->zKind ? pSpec->zKind : "stage";
  if( strcmp(zKind, "stage") && strcmp(zKind, "pack") && strcmp(zKind, "review") ){
    return kioskErrorSet(pErr, KIOSK_EARG, "KIND", 0, 0, 0,
                         "attempt kind must be stage, pack or review, not "
                         "\"%s\"", zKind);
  }
  rPass = pSpec->rPassMark<0 ? KIOSK_ATTEMPT_PASS_MARK : pSpec->rPassMark;
  if( rPass>100 || pSpec->nTimeLimit<0 || pSpec->nAllowed<0 ){
    return kioskErrorSet(pErr, KIOSK_EARG, "SETTING", 0, 0, 0,
                         "an attempt needs a pass mark of 0 to 100 %%, a time"
                         " limit and an attempts limit of 0 or more");
  }
  if( (rc = badTime(iNow, pErr))!=0 ) return rc;
  if( pQuiz==0 || pQuiz->nQuestion<1 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "QUESTION", 0, 0, 0,
                         "an attempt needs at least one question");
  }
  for(i=0; i<pQuiz->nQuestion; i++){
    const KioskQuestion *q = pQuiz->apQuestion[i];
    if( q==0 || q->zId==0 || q->zId[0]==0 ){
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "QUESTION", 0, 0, 0,
                           "question %d has no id", i);
    }
  }

  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  /* A removed student keeps their history but starts nothing new. */
  if( kioskRecPrepare(p, "SELECT 1 FROM students WHERE id=?1"
                      " AND removed IS NULL", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  rc = sqlite3_step(pStmt);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW ){
    if( rc!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
    }else{
      kioskErrorSet(pErr, KIOSK_ERECORDS, "NOSTUDENT", 0, 0, 0,
                    "no student with id %lld", (long long)iStudent);
    }
    goto fail;
  }
  if( pSpec->zPack && pSpec->nAllowed>0 ){
    int nUsed = 0;
    if( kioskRecPrepare(p, "SELECT count(*) FROM attempts WHERE student=?1"
                        " AND pack=?2", &pStmt, pErr) ){
      goto fail;
    }
    sqlite3_bind_int64(pStmt, 1, iStudent);
    sqlite3_bind_text(pStmt, 2, pSpec->zPack, -1, SQLITE_STATIC);
    rc = sqlite3_step(pStmt);
    if( rc==SQLITE_ROW ) nUsed = sqlite3_column_int(pStmt, 0);
    kioskRecFinalize(p, pStmt);
    if( rc!=SQLITE_ROW ){
      kioskRecDbError(p, "QUERY", pErr);
      goto fail;
    }
    if( nUsed>=pSpec->nAllowed ){
      kioskErrorSet(pErr, KIOSK_ERECORDS, "ATTEMPTS", 0, 0, 0,
                    "all %d attempts at \"%s\" are used", pSpec->nAllowed,
                    pSpec->zPack);
      goto fail;
    }
  }
  if( kioskRecPrepare(p, "INSERT INTO attempts(uid, student, kind, pack,"
                      " stage, started, title, seed, time_limit, feedback,"
                      " pass_mark, allowed, sitting, used)"
                      " VALUES(lower(hex(randomblob(16))), ?1, ?2, ?3, ?4,"
                      " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0)", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iStudent);
  sqlite3_bind_text(pStmt, 2, zKind, -1, SQLITE_STATIC);
  kioskRecBindText(pStmt, 3, pSpec->zPack);
  kioskRecBindText(pStmt, 4, pSpec->zStage);
  sqlite3_bind_text(pStmt, 5, zTime, -1, SQLITE_STATIC);
  kioskRecBindText(pStmt, 6, pSpec->zTitle);
  sqlite3_bind_int64(pStmt, 7, pSpec->iSeed);
  sqlite3_bind_int(pStmt, 8, pSpec->nTimeLimit);
  sqlite3_bind_text(pStmt, 9, pSpec->bFeedbackEnd ? "end" : "each", -1,
                    SQLITE_STATIC);
  sqlite3_bind_double(pStmt, 10, rPass);
  sqlite3_bind_int(pStmt, 11, pSpec->nAllowed);
  sqlite3_bind_int64(pStmt, 12, iNow);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) goto fail;
  iAttempt = sqlite3_last_insert_rowid(kioskRecordsDb(p));
  for(i=0; i<pQuiz->nQuestion; i++){
    if( kioskRecAskedPut(p, iAttempt, i, pQuiz->apQuestion[i], pErr) ){
      goto fail;
    }
  }
  if( kioskRecExec(p, "COMMIT", pErr) ) goto fail;
  *piAttempt = iAttempt;
  return KIOSK_OK;

fail:
  return rollback(p, pErr);
}

int kioskAttemptStartGenerated(KioskRecords *p, sqlite3 *dbCourse,
                               sqlite3_int64 iStudent,
                               const KioskAttemptSpec *pSpec,
                               const KioskQuizSpec *pQuizSpec,
                               long long iNow, sqlite3_int64 *piAttempt,
                               KioskError *pErr){
  KioskQuiz quiz;
  KioskAttemptSpec spec;
  int rc;
  *piAttempt = 0;
  memset(&quiz, 0, sizeof(quiz));
  memset(&spec, 0, sizeof(spec));
  if( pSpec ) spec = *pSpec;
  spec.iSeed = (long long)pQuizSpec->iSeed;
  rc = kioskQuizGenerate(dbCourse, pQuizSpec, &quiz, pErr);
  if( rc==KIOSK_OK && quiz.nQuestion==0 ){
    rc = kioskErrorSet(pErr, KIOSK_EQUIZ, "EMPTY", 0, 0, 0,
                       "there are no questions for this quiz");
  }
  if( rc==KIOSK_OK ){
    rc = kioskAttemptStart(p, iStudent, &spec, &quiz, iNow, piAttempt, pErr);
  }
  kioskQuizReset(&quiz);
  return rc;
}

/* The installed pack's title and text, from kioskRecordsPackGet. */
typedef struct PackRow {
  char *zTitle;
  char *zText;
  int nText;
} PackRow;

static int onPackRow(void *pArg, sqlite3_stmt *pStmt){
  PackRow *r = (PackRow *)pArg;
  r->zTitle = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 1));
  r->nText = sqlite3_column_bytes(pStmt, 4);
  r->zText = sqlite3_mprintf("%.*s", r->nText,
                             (const char *)sqlite3_column_text(pStmt, 4));
  return (r->zTitle==0 || r->zText==0) ? KIOSK_ENOMEM : KIOSK_OK;
}

int kioskAttemptStartPack(KioskRecords *p, sqlite3 *dbCourse,
                          sqlite3_int64 iStudent, const char *zPack,
                          long long iSeed, long long iNow,
                          sqlite3_int64 *piAttempt, KioskError *pErr){
  PackRow row;
  KioskPack *pPack = 0;
  KioskQuiz quiz;
  KioskAttemptSpec spec;
  char *zFile = 0;
  int rc;

  *piAttempt = 0;
  memset(&row, 0, sizeof(row));
  memset(&quiz, 0, sizeof(quiz));
  rc = kioskRecordsPackGet(p, zPack, onPackRow, &row, pErr);
  if( rc==KIOSK_ENOMEM ){ rc = noMem(pErr); goto done; }
  if( rc ) goto done;
  /* The same name the desk's check and the Tcl packquiz give it, so an
  ** error reads alike everywhere. */
  zFile = sqlite3_mprintf("%s.pack", zPack);
  if( zFile==0 ){ rc = noMem(pErr); goto done; }
  rc = kioskPackLoad(zFile, row.zText, row.nText, dbCourse, &pPack, 0, pErr);
  if( rc ) goto done;
  rc = kioskPackQuiz(pPack, dbCourse, (uint64_t)iSeed, &quiz, pErr);
  if( rc ) goto done;
  if( quiz.nQuestion==0 ){
    rc = kioskErrorSet(pErr, KIOSK_EQUIZ, "EMPTY", 0, 0, 0,
                       "there are no questions for this quiz");
    goto done;
  }
  memset(&spec, 0, sizeof(spec));
  spec.zKind = "pack";
  spec.zPack = zPack;
  spec.zTitle = row.zTitle;
  spec.iSeed = iSeed;
  spec.nTimeLimit = pPack->nTimeLimit;
  spec.bFeedbackEnd = pPack->eFeedback==KPACK_FEEDBACK_END;
  /* the pack says a whole percent: 57 % is 57, not 56.99999999999999 */
  spec.rPassMark = (double)(long long)(pPack->rPass*100.0*1e6 + 0.5)/1e6;
  spec.nAllowed = pPack->nAttempts;
  rc = kioskAttemptStart(p, iStudent, &spec, &quiz, iNow, piAttempt, pErr);

done:
  kioskQuizReset(&quiz);
  kioskPackFree(pPack);
  sqlite3_free(zFile);
  sqlite3_free(row.zTitle);
  sqlite3_free(row.zText);
  return rc;
}

/* ---- answering ---- */

/* Store the option indexes of an answer that exist, for item analysis. */
static int savePicks(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     const KioskAnswer *pAns, int nOption, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int i;
  if( kioskRecPrepare(p, "INSERT OR IGNORE INTO answer_picks(attempt, idx,"
                      " opt) VALUES(?1, ?2, ?3)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  for(i=0; i<pAns->nIndex; i++){
    if( pAns->aIndex[i]<0 || pAns->aIndex[i]>=nOption ) continue;
    sqlite3_reset(pStmt);
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, idx);
    sqlite3_bind_int(pStmt, 3, pAns->aIndex[i]);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      kioskRecFinalize(p, pStmt);
      return KIOSK_EDB;
    }
  }
  kioskRecFinalize(p, pStmt);
  return KIOSK_OK;
}

/* The state of attempt iAttempt that answering and resuming check. */
typedef struct AttemptState {
  int bFound;
  char zStatus[16];
  sqlite3_int64 iStudent;
  long long nLimit, iSitting, iUsed, iLeftAt;
  int bQuestion;        /* question idx exists */
  int bAnswered;        /* and is answered */
} AttemptState;

static int loadState(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     AttemptState *s, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  memset(s, 0, sizeof(*s));
  if( kioskRecPrepare(p,
        "SELECT a.status, a.student, a.time_limit, a.sitting, a.used,"
        " a.left_at,"
        " EXISTS(SELECT 1 FROM asked k WHERE k.attempt=a.id AND k.idx=?2),"
        " EXISTS(SELECT 1 FROM answers n WHERE n.attempt=a.id AND n.idx=?2)"
        " FROM attempts a WHERE a.id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int(pStmt, 2, idx);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    s->bFound = 1;
    snprintf(s->zStatus, sizeof(s->zStatus), "%s",
             (const char *)sqlite3_column_text(pStmt, 0));
    s->iStudent = sqlite3_column_int64(pStmt, 1);
    s->nLimit = sqlite3_column_int64(pStmt, 2);
    s->iSitting = sqlite3_column_int64(pStmt, 3);
    s->iUsed = sqlite3_column_int64(pStmt, 4);
    s->iLeftAt = sqlite3_column_int64(pStmt, 5);
    s->bQuestion = sqlite3_column_int(pStmt, 6);
    s->bAnswered = sqlite3_column_int(pStmt, 7);
  }
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  if( !s->bFound ) return noAttempt(iAttempt, pErr);
  return KIOSK_OK;
}

static int notOpen(sqlite3_int64 iAttempt, const AttemptState *s,
                   KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "FINISHED", 0, 0, 0,
                       "attempt %lld is %s: it takes no more answers",
                       (long long)iAttempt, s->zStatus);
}

int kioskAttemptAnswer(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                       const char *zAnswer, long long iNow,
                       KioskScore *pScore, char **pzText, KioskError *pErr){
  AttemptState s;
  KioskQuestion *q = 0;
  ParsedAnswer pa;
  KioskScore sc;
  sqlite3_stmt *pStmt = 0;
  char *zWords = 0;
  char zTime[KIOSK_RECORDS_ISO_SIZE];
  int i, rc;

  memset(&pa, 0, sizeof(pa));
  memset(&sc, 0, sizeof(sc));
  if( pScore ) memset(pScore, 0, sizeof(*pScore));
  if( pzText ) *pzText = 0;
  if( (rc = badTime(iNow, pErr))!=0 ) return rc;
  if( zAnswer==0 ) zAnswer = "";
  /* IMMEDIATE: the checks below and the writes see the same database. */
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( loadState(p, iAttempt, idx, &s, pErr) ) goto fail;
  if( strcmp(s.zStatus, "open")!=0 ){
    notOpen(iAttempt, &s, pErr);
    goto fail;
  }
  if( !s.bQuestion ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "INDEX", 0, 0, 0,
                  "attempt %lld has no question %d", (long long)iAttempt, idx);
    goto fail;
  }
  if( s.bAnswered ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "ANSWERED", 0, 0, 0,
                  "question %d of attempt %lld is already answered",
                  idx, (long long)iAttempt);
    goto fail;
  }
  if( s.nLimit>0
   && iNow > s.iSitting + (s.nLimit - s.iUsed) + KIOSK_ATTEMPT_GRACE ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "DEADLINE", 0, 0, 0,
                  "the time for attempt %lld is up: the answer was not taken",
                  (long long)iAttempt);
    goto fail;
  }
  if( kioskRecAskedGet(p, iAttempt, idx, &q, pErr) ) goto fail;
  rc = parseAnswer(q, zAnswer, &pa);
  if( rc<0 ){ noMem(pErr); goto fail; }
  if( rc>0 ){
    kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                  "the answer to a %s question must be %s, not \"%s\"",
                  kioskQKindName(q->eKind),
                  (q->eKind==KQ_CHOICE || q->eKind==KQ_TF) ? "an option index"
                  : q->eKind==KQ_MATCH ? "a list of right-hand texts"
                  : "a list of option indexes", zAnswer);
    goto fail;
  }
  if( kioskScore(q, &pa.ans, &sc, pErr) ) goto fail;
  zWords = kioskAnswerWords(q, zAnswer);
  if( zWords==0 ){ noMem(pErr); goto fail; }

  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "INSERT INTO answers(attempt, idx, answer, text,"
                      " correct, credit, points, answered)"
                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int(pStmt, 2, idx);
  sqlite3_bind_text(pStmt, 3, zAnswer, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 4, zWords, -1, SQLITE_STATIC);
  sqlite3_bind_int(pStmt, 5, sc.bCorrect ? 1 : 0);
  sqlite3_bind_double(pStmt, 6, sc.rCredit);
  sqlite3_bind_double(pStmt, 7, sc.rPoints);
  sqlite3_bind_text(pStmt, 8, zTime, -1, SQLITE_STATIC);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) goto fail;
  if( q->eKind==KQ_CHOICE || q->eKind==KQ_TF || q->eKind==KQ_MULTI ){
    if( savePicks(p, iAttempt, idx, &pa.ans, q->nOption, pErr) ) goto fail;
  }
  /* Every fact the question tests follows the answer; a question naming
  ** no fact is scheduled under its own id. */
  for(i=0; i<q->nFact; i++){
    if( q->azFact[i]==0 || q->azFact[i][0]==0 ) continue;
    if( kioskRecReviewUpdate(p, s.iStudent, q->azFact[i], q->zStage,
                             sc.bCorrect, iNow, iAttempt, idx, pErr) ){
      goto fail;
    }
  }
  if( q->nFact==0
   && kioskRecReviewUpdate(p, s.iStudent, q->zId, q->zStage, sc.bCorrect,
                           iNow, iAttempt, idx, pErr) ){
    goto fail;
  }
  if( kioskRecExec(p, "COMMIT", pErr) ) goto fail;
  if( pScore ) *pScore = sc; else kioskScoreClear(&sc);
  if( pzText ) *pzText = zWords; else sqlite3_free(zWords);
  parsedFree(&pa);
  kioskQuestionFree(q);
  return KIOSK_OK;

fail:
  kioskScoreClear(&sc);
  sqlite3_free(zWords);
  parsedFree(&pa);
  kioskQuestionFree(q);
  return rollback(p, pErr);
}

/* ---- loading ---- */

void kioskAttemptFree(KioskAttempt *pA){
  int i;
  if( pA==0 ) return;
  for(i=0; pA->aAnswer && i<pA->quiz.nQuestion; i++){
    sqlite3_free(pA->aAnswer[i].zAnswer);
    sqlite3_free(pA->aAnswer[i].zText);
    kioskScoreClear(&pA->aAnswer[i].score);
  }
  sqlite3_free(pA->aAnswer);
  kioskQuizReset(&pA->quiz);
  sqlite3_free(pA->zUid);
  sqlite3_free(pA->zKind);
  sqlite3_free(pA->zPack);
  sqlite3_free(pA->zStage);
  sqlite3_free(pA->zTitle);
  sqlite3_free(pA->zStatus);
  sqlite3_free(pA);
}

/* A copy of column i, NULL for NULL; sets *pbOom when out of memory. */
static char *colDup(sqlite3_stmt *pStmt, int i, int *pbOom){
  char *z;
  if( sqlite3_column_type(pStmt, i)==SQLITE_NULL ) return 0;
  z = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, i));
  if( z==0 ) *pbOom = 1;
  return z;
}

int kioskAttemptLoad(KioskRecords *p, sqlite3_int64 iAttempt,
                     KioskAttempt **ppA, KioskError *pErr){
  KioskAttempt *pA = 0;
  sqlite3_stmt *pStmt = 0;
  int rc, bOom = 0, n = 0, i;

  *ppA = 0;
  pA = sqlite3_malloc64(sizeof(*pA));
  if( pA==0 ) return noMem(pErr);
  memset(pA, 0, sizeof(*pA));
  if( kioskRecPrepare(p, "SELECT id, student, uid, kind, pack, stage, title,"
                      " status, started, finished, seed, time_limit,"
                      " feedback, pass_mark, allowed, sitting, used, left_at,"
                      " (SELECT count(*) FROM asked k WHERE k.attempt=a.id)"
                      " FROM attempts a WHERE id=?1", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    pA->iId = sqlite3_column_int64(pStmt, 0);
    pA->iStudent = sqlite3_column_int64(pStmt, 1);
    pA->zUid = colDup(pStmt, 2, &bOom);
    pA->zKind = colDup(pStmt, 3, &bOom);
    pA->zPack = colDup(pStmt, 4, &bOom);
    pA->zStage = colDup(pStmt, 5, &bOom);
    pA->zTitle = colDup(pStmt, 6, &bOom);
    pA->zStatus = colDup(pStmt, 7, &bOom);
    snprintf(pA->zStarted, sizeof(pA->zStarted), "%s",
             sqlite3_column_type(pStmt, 8)==SQLITE_NULL ? ""
             : (const char *)sqlite3_column_text(pStmt, 8));
    snprintf(pA->zFinished, sizeof(pA->zFinished), "%s",
             sqlite3_column_type(pStmt, 9)==SQLITE_NULL ? ""
             : (const char *)sqlite3_column_text(pStmt, 9));
    pA->iSeed = sqlite3_column_int64(pStmt, 10);
    pA->nTimeLimit = sqlite3_column_int(pStmt, 11);
    pA->bFeedbackEnd = sqlite3_column_text(pStmt, 12)
                    && strcmp((const char *)sqlite3_column_text(pStmt, 12), "end")==0;
    pA->rPassMark = sqlite3_column_double(pStmt, 13);
    pA->nAllowed = sqlite3_column_int(pStmt, 14);
    pA->iSitting = sqlite3_column_int64(pStmt, 15);
    pA->iUsed = sqlite3_column_int64(pStmt, 16);
    pA->iLeftAt = sqlite3_column_int64(pStmt, 17);
    n = sqlite3_column_int(pStmt, 18);
  }
  kioskRecFinalize(p, pStmt);
  pStmt = 0;
  if( rc!=SQLITE_ROW ){
    if( rc==SQLITE_DONE ) noAttempt(iAttempt, pErr);
    else kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  if( bOom || pA->zKind==0 || pA->zStatus==0 || pA->zUid==0 ) goto no_mem;
  pA->aAnswer = sqlite3_malloc64(sizeof(KioskAttemptAnswer)*(size_t)(n>0 ? n : 1));
  if( pA->aAnswer==0 ) goto no_mem;
  memset(pA->aAnswer, 0, sizeof(KioskAttemptAnswer)*(size_t)(n>0 ? n : 1));
  for(i=0; i<n; i++){
    KioskQuestion *q = 0;
    if( kioskRecAskedGet(p, iAttempt, i, &q, pErr) ) goto fail;
    if( kioskQuizAppend(&pA->quiz, q) ) goto no_mem;
  }
  if( kioskRecPrepare(p, "SELECT idx, answer, text, correct, credit, points,"
                      " answered, CAST(strftime('%s', answered) AS INTEGER)"
                      " FROM answers WHERE attempt=?1 ORDER BY idx",
                      &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    int idx = sqlite3_column_int(pStmt, 0);
    KioskAttemptAnswer *pAns;
    ParsedAnswer pa;
    KioskScore sc;
    long long t;
    if( idx<0 || idx>=n ) continue;
    pAns = &pA->aAnswer[idx];
    pAns->bAnswered = 1;
    pAns->zAnswer = colDup(pStmt, 1, &bOom);
    pAns->zText = colDup(pStmt, 2, &bOom);
    pAns->score.bCorrect = sqlite3_column_int(pStmt, 3);
    pAns->score.rCredit = sqlite3_column_double(pStmt, 4);
    pAns->score.rPoints = sqlite3_column_double(pStmt, 5);
    snprintf(pAns->zAnswered, sizeof(pAns->zAnswered), "%s",
             sqlite3_column_type(pStmt, 6)==SQLITE_NULL ? ""
             : (const char *)sqlite3_column_text(pStmt, 6));
    t = sqlite3_column_int64(pStmt, 7);
    if( t>pA->iLast ) pA->iLast = t;
    pA->nAnswered++;
    if( bOom ) break;
    /* The words of the right answer and any option feedback, for showing
    ** the feedback again; the score itself stays as stored. */
    memset(&sc, 0, sizeof(sc));
    if( parseAnswer(pA->quiz.apQuestion[idx], pAns->zAnswer, &pa)==0
     && kioskScore(pA->quiz.apQuestion[idx], &pa.ans, &sc, 0)==KIOSK_OK ){
      pAns->score.zExpected = sc.zExpected;
      pAns->score.zFeedback = sc.zFeedback;
    }else{
      kioskScoreClear(&sc);
      pAns->score.zExpected = kioskQuestionExpected(pA->quiz.apQuestion[idx]);
    }
    parsedFree(&pa);
  }
  kioskRecFinalize(p, pStmt);
  pStmt = 0;
  if( bOom ) goto no_mem;
  if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  for(pA->iNext=0; pA->iNext<n && pA->aAnswer[pA->iNext].bAnswered; pA->iNext++){}
  *ppA = pA;
  return KIOSK_OK;

no_mem:
  noMem(pErr);
fail:
  kioskRecFinalize(p, pStmt);
  kioskAttemptFree(pA);
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}

long long kioskAttemptTimeLeft(const KioskAttempt *pA, long long iNow){
  long long nLeft;
  if( pA->nTimeLimit<=0 ) return -1;
  nLeft = pA->nTimeLimit - pA->iUsed - (iNow - pA->iSitting);
  if( nLeft>pA->nTimeLimit - pA->iUsed ) nLeft = pA->nTimeLimit - pA->iUsed;
  return nLeft<0 ? 0 : nLeft;
}

long long kioskAttemptTimeOnResume(const KioskAttempt *pA){
  long long iLast = pA->iLast>pA->iLeftAt ? pA->iLast : pA->iLeftAt;
  long long nLeft;
  if( pA->nTimeLimit<=0 ) return -1;
  if( iLast<pA->iSitting ) iLast = pA->iSitting;
  nLeft = pA->nTimeLimit - pA->iUsed - (iLast - pA->iSitting);
  return nLeft<0 ? 0 : nLeft;
}

/* ---- resuming, leaving, finishing ---- */

int kioskAttemptResume(KioskRecords *p, sqlite3_int64 iAttempt,
                       long long iNow, long long *pnLeft, KioskError *pErr){
  AttemptState s;
  sqlite3_stmt *pStmt = 0;
  long long iLast = 0, iUsed;
  int rc;

  if( pnLeft ) *pnLeft = -1;
  if( (rc = badTime(iNow, pErr))!=0 ) return rc;
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( loadState(p, iAttempt, 0, &s, pErr) ) goto fail;
  if( strcmp(s.zStatus, "open")!=0 ){
    notOpen(iAttempt, &s, pErr);
    goto fail;
  }
  /* The last sign of life in the current sitting: its last answer, or the
  ** moment the student left on purpose. */
  if( kioskRecPrepare(p, "SELECT max(CAST(strftime('%s', answered) AS INTEGER))"
                      " FROM answers WHERE attempt=?1", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) iLast = sqlite3_column_int64(pStmt, 0);
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  if( s.iLeftAt>iLast ) iLast = s.iLeftAt;
  if( iLast<s.iSitting ) iLast = s.iSitting;
  if( iLast>iNow ) iLast = iNow;
  iUsed = s.iUsed + (iLast>s.iSitting ? iLast - s.iSitting : 0);
  if( s.nLimit>0 && iUsed>s.nLimit ) iUsed = s.nLimit;
  if( kioskRecPrepare(p, "UPDATE attempts SET used=?2, sitting=?3,"
                      " left_at=NULL WHERE id=?1", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int64(pStmt, 2, iUsed);
  sqlite3_bind_int64(pStmt, 3, iNow);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) goto fail;
  if( kioskRecExec(p, "COMMIT", pErr) ) goto fail;
  if( pnLeft && s.nLimit>0 ) *pnLeft = s.nLimit - iUsed;
  return KIOSK_OK;

fail:
  return rollback(p, pErr);
}

int kioskAttemptLeave(KioskRecords *p, sqlite3_int64 iAttempt,
                      long long iNow, KioskError *pErr){
  AttemptState s;
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( (rc = badTime(iNow, pErr))!=0 ) return rc;
  if( (rc = loadState(p, iAttempt, 0, &s, pErr))!=0 ) return rc;
  if( strcmp(s.zStatus, "open")!=0 ) return notOpen(iAttempt, &s, pErr);
  if( kioskRecPrepare(p, "UPDATE attempts SET left_at=?2 WHERE id=?1"
                      " AND status='open'", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int64(pStmt, 2, iNow);
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskAttemptTally(KioskRecords *p, sqlite3_int64 iAttempt,
                      KioskTally *pTally, int *pbPassed, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  KioskTally t;
  double rPass = KIOSK_ATTEMPT_PASS_MARK;
  int rc;
  memset(&t, 0, sizeof(t));
  if( kioskRecPrepare(p,
        "SELECT a.pass_mark,"
        " (SELECT count(*) FROM asked k JOIN questions q"
        "   ON q.id=k.question WHERE k.attempt=a.id AND" KIOSK_REC_MARKED "),"
        " (SELECT coalesce(sum(n.correct), 0) FROM answers n"
        "   WHERE n.attempt=a.id),"
        " (SELECT coalesce(sum(n.points), 0.0) FROM answers n"
        "   WHERE n.attempt=a.id),"
        " (SELECT coalesce(sum(q.points), 0.0) FROM asked k"
        "   JOIN questions q ON q.id=k.question WHERE k.attempt=a.id"
        "   AND" KIOSK_REC_MARKED ")"
        " FROM attempts a WHERE a.id=?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    rPass = sqlite3_column_double(pStmt, 0);
    t.nQuestion = sqlite3_column_int(pStmt, 1);
    t.nCorrect = sqlite3_column_int(pStmt, 2);
    t.rPoints = sqlite3_column_double(pStmt, 3);
    t.rMax = sqlite3_column_double(pStmt, 4);
  }
  kioskRecFinalize(p, pStmt);
  if( rc==SQLITE_DONE ) return noAttempt(iAttempt, pErr);
  if( rc!=SQLITE_ROW ) return kioskRecDbError(p, "QUERY", pErr);
  if( pTally ) *pTally = t;
  if( pbPassed ) *pbPassed = kioskTallyPassed(&t, rPass);
  return KIOSK_OK;
}

/* Close an open attempt with zStatus. */
static int closeAttempt(KioskRecords *p, sqlite3_int64 iAttempt,
                        const char *zStatus, long long iNow,
                        KioskError *pErr){
  AttemptState s;
  sqlite3_stmt *pStmt = 0;
  char zTime[KIOSK_RECORDS_ISO_SIZE];
  int rc;
  if( (rc = badTime(iNow, pErr))!=0 ) return rc;
  if( (rc = loadState(p, iAttempt, 0, &s, pErr))!=0 ) return rc;
  if( strcmp(s.zStatus, "open")!=0 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "FINISHED", 0, 0, 0,
                         "attempt %lld is already %s", (long long)iAttempt,
                         s.zStatus);
  }
  kioskRecordsIsoTime(iNow, zTime);
  if( kioskRecPrepare(p, "UPDATE attempts SET status=?2, finished=?3"
                      " WHERE id=?1 AND status='open'", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_text(pStmt, 2, zStatus, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, zTime, -1, SQLITE_STATIC);
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskAttemptFinish(KioskRecords *p, sqlite3_int64 iAttempt,
                       long long iNow, KioskTally *pTally, int *pbPassed,
                       KioskError *pErr){
  int rc = closeAttempt(p, iAttempt, "finished", iNow, pErr);
  if( rc ) return rc;
  return kioskAttemptTally(p, iAttempt, pTally, pbPassed, pErr);
}

int kioskAttemptAbandon(KioskRecords *p, sqlite3_int64 iAttempt,
                        long long iNow, KioskError *pErr){
  return closeAttempt(p, iAttempt, "abandoned", iNow, pErr);
}
