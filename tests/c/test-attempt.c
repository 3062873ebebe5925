/*
** test-attempt.c: a whole quiz attempt run through the core (attempt.h)
** without Tcl: start, answers, a crash (close and reopen a file), resume,
** the deadline passed (the clock is injected), the attempts limit, finish;
** and records.db of schema 1 and 2, made here from the old schema text,
** migrated to schema 3 with no answer lost.
*/
#include "attempt.h"
#include "coursedb.h"
#include "course.h"
#include "tcllist.h"
#include "qjson.h"
#include "recint.h"
#include "harness.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define T0 1700000000LL         /* 2023-11-14T22:13:20Z */

/* records.sql as it was at schema 1 (tests/fixtures/records-v1.sql). */
extern const char kioskRecordsV1Sql[];

static char zDir[256];

static const char *tmpPath(const char *zName){
  static char z[4][512];
  static int i = 0;
  i = (i+1)%4;
  snprintf(z[i], sizeof(z[i]), "%s/%s", zDir, zName);
  return z[i];
}

static long long queryInt(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  long long v = -1;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    v = sqlite3_column_int64(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return v;
}

static const char *queryText(sqlite3 *db, const char *zSql){
  static char z[4096];
  sqlite3_stmt *pStmt = 0;
  z[0] = 0;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW && sqlite3_column_text(pStmt, 0) ){
    snprintf(z, sizeof(z), "%s", (const char *)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  return z;
}

/* A class quiz of four: a choice, a multi, a match and a typed year. */
static void makeQuiz(KioskQuiz *pQuiz){
  KioskQuestion *q = kioskQuestionNew();
  q->zId = kioskStrDup("pack:demo:1");
  q->eKind = KQ_CHOICE;
  q->zTopic = kioskStrDup("hand");
  q->zStage = kioskStrDup("s1");
  q->zPrompt = kioskStrDup("Which city is the capital?");
  kioskQuestionAddOption(q, "Almaty", 0, "It was, until 1997.", 0);
  kioskQuestionAddOption(q, "Astana", 1, 0, 0);
  kioskQuestionAddOption(q, "=cmd|' /C calc'!A0", 0, 0, 0);
  kioskQuestionAddFact(q, "pl-astana");
  q->zExplain = kioskStrDup("The capital moved in 1997.");
  kioskQuizAppend(pQuiz, q);

  q = kioskQuestionNew();
  q->zId = kioskStrDup("pack:demo:2");
  q->eKind = KQ_MULTI;
  q->zTopic = kioskStrDup("hand");
  q->zPrompt = kioskStrDup("Which border the Caspian?");
  kioskQuestionAddOption(q, "Kazakhstan", 0.5, 0, 0);
  kioskQuestionAddOption(q, "Kyrgyzstan", -1, 0, 0);
  kioskQuestionAddOption(q, "Turkmenistan", 0.5, 0, 0);
  kioskQuizAppend(pQuiz, q);

  q = kioskQuestionNew();
  q->zId = kioskStrDup("pack:demo:3");
  q->eKind = KQ_MATCH;
  q->zTopic = kioskStrDup("hand");
  q->zPrompt = kioskStrDup("Match each country to its capital.");
  kioskQuestionAddPair(q, "Kazakhstan", "Astana");
  kioskQuestionAddPair(q, "Turkmenistan", "Ashgabat city");
  kioskQuizAppend(pQuiz, q);

  q = kioskQuestionNew();
  q->zId = kioskStrDup("pack:demo:4");
  q->eKind = KQ_YEAR;
  q->zTopic = kioskStrDup("hand");
  q->zPrompt = kioskStrDup("In which year?");
  q->rValue = 1997;
  q->rPoints = 2;
  q->zAnswer = kioskStrDup("1997");
  kioskQuestionAddFact(q, "ev-move");
  kioskQuizAppend(pQuiz, q);
}

static KioskAttemptSpec classSpec(void){
  KioskAttemptSpec spec;
  memset(&spec, 0, sizeof(spec));
  spec.zKind = "pack";
  spec.zPack = "demo";
  spec.zTitle = "Capitals";
  spec.iSeed = 42;
  spec.nTimeLimit = 600;
  spec.bFeedbackEnd = 1;
  spec.rPassMark = 75;
  spec.nAllowed = 2;
  return spec;
}

static int answer(KioskRecords *p, sqlite3_int64 a, int idx, const char *z,
                  long long t, KioskScore *pSc, char **pzText,
                  KioskError *pErr){
  KioskScore sc;
  int rc = kioskAttemptAnswer(p, a, idx, z, t, pSc ? pSc : &sc, pzText, pErr);
  if( pSc==0 ) kioskScoreClear(&sc);
  return rc;
}

/* A whole class quiz on :memory:. */
static void testWhole(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec = classSpec();
  KioskScore sc;
  KioskTally t;
  KioskAttempt *pA = 0;
  sqlite3_int64 s = 0, a = 0, a2 = 0, a3 = 0;
  sqlite3 *db;
  char *zText = 0;
  int bPassed = -1;

  memset(&quiz, 0, sizeof(quiz));
  kioskErrorClear(&err);
  makeQuiz(&quiz);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  db = kioskRecordsDb(p);
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", T0, &s, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0, &a, &err), KIOSK_OK);
  CHECK_INT(queryInt(db, "SELECT length(uid) FROM attempts"), 32);
  CHECK_STR(queryText(db, "SELECT title||'|'||seed||'|'||time_limit||'|'||"
                      "feedback||'|'||pass_mark||'|'||allowed FROM attempts"),
            "Capitals|42|600|end|75.0|2");

  /* Right, and its words stored beside its position. */
  CHECK_INT(answer(p, a, 0, "1", T0+10, &sc, &zText, &err), KIOSK_OK);
  CHECK_INT(sc.bCorrect, 1);
  CHECK_STR(zText, "Astana");
  sqlite3_free(zText);
  kioskScoreClear(&sc);
  CHECK_STR(queryText(db, "SELECT answer||'|'||text FROM answers WHERE idx=0"),
            "1|Astana");
  CHECK_INT(queryInt(db, "SELECT box FROM review WHERE fact='pl-astana'"), 2);
  /* Refusals leave nothing behind and no transaction open. */
  CHECK_INT(answer(p, a, 0, "0", T0+11, 0, 0, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "ANSWERED");
  CHECK_INT(answer(p, a, 9, "0", T0+11, 0, 0, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "INDEX");
  CHECK_INT(answer(p, a, 1, "x y", T0+11, 0, 0, &err), KIOSK_EARG);
  CHECK_STR(err.zCode, "ANSWER");
  CHECK_INT(answer(p, a, 1, "7", T0+11, 0, 0, &err), KIOSK_EARG);
  CHECK_INT(answer(p, 99, 1, "0", T0+11, 0, 0, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOATTEMPT");
  CHECK(sqlite3_get_autocommit(db));
  CHECK_INT(queryInt(db, "SELECT count(*) FROM answers"), 1);
  /* Multi: half right; the picks kept. */
  CHECK_INT(answer(p, a, 1, "0", T0+20, &sc, &zText, &err), KIOSK_OK);
  CHECK_INT(sc.bCorrect, 0);
  CHECK(sc.rCredit>0.49 && sc.rCredit<0.51);
  CHECK_STR(zText, "Kazakhstan");
  sqlite3_free(zText);
  kioskScoreClear(&sc);
  CHECK_INT(queryInt(db, "SELECT opt FROM answer_picks WHERE idx=1"), 0);
  /* Match: the right-hand texts as a list. */
  CHECK_INT(answer(p, a, 2, "Astana {Ashgabat city}", T0+30, &sc, &zText,
                   &err), KIOSK_OK);
  CHECK_INT(sc.bCorrect, 1);
  CHECK_STR(zText, "Kazakhstan: Astana; Turkmenistan: Ashgabat city");
  sqlite3_free(zText);
  kioskScoreClear(&sc);
  /* The deadline (start + 600 s + grace) has passed: refused, not stored. */
  CHECK_INT(answer(p, a, 3, "1997", T0+600+KIOSK_ATTEMPT_GRACE+1, 0, 0, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "DEADLINE");
  CHECK_INT(queryInt(db, "SELECT count(*) FROM answers"), 3);
  CHECK(sqlite3_get_autocommit(db));
  /* Within the grace: taken. */
  CHECK_INT(answer(p, a, 3, "1997", T0+600+KIOSK_ATTEMPT_GRACE, 0, 0, &err),
            KIOSK_OK);

  /* Finish: the tally of what is stored, against the pass mark (75 %). */
  CHECK_INT(kioskAttemptFinish(p, a, T0+700, &t, &bPassed, &err), KIOSK_OK);
  CHECK_INT(t.nQuestion, 4);
  CHECK_INT(t.nCorrect, 3);
  CHECK(t.rPoints>4.49 && t.rPoints<4.51);
  CHECK(t.rMax>4.99 && t.rMax<5.01);
  CHECK_INT(bPassed, 1);
  CHECK_INT(answer(p, a, 3, "1997", T0+701, 0, 0, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "FINISHED");
  CHECK_INT(kioskAttemptFinish(p, a, T0+702, 0, 0, &err), KIOSK_ERECORDS);

  /* Loaded back: questions exactly as asked, answers as stored. */
  CHECK_INT(kioskAttemptLoad(p, a, &pA, &err), KIOSK_OK);
  if( pA ){
    CHECK_INT(pA->quiz.nQuestion, 4);
    CHECK_INT(pA->nAnswered, 4);
    CHECK_INT(pA->iNext, 4);
    CHECK_STR(pA->quiz.apQuestion[0]->aOption[2].zText, "=cmd|' /C calc'!A0");
    CHECK_STR(pA->quiz.apQuestion[0]->aOption[0].zFeedback,
              "It was, until 1997.");
    CHECK_STR(pA->quiz.apQuestion[2]->aPair[1].zRight, "Ashgabat city");
    CHECK_STR(pA->aAnswer[3].zAnswered, "2023-11-14T22:23:22Z");
    CHECK_STR(pA->aAnswer[0].score.zExpected, "Astana");
    CHECK_STR(pA->zStatus, "finished");
    kioskAttemptFree(pA);
  }

  /* The second attempt is allowed; a third is not. */
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0+800, &a2, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0+900, &a3, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "ATTEMPTS");
  CHECK_INT(a3, 0);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM attempts"), 2);
  /* Questions are stored once: two attempts on one quiz, one set. */
  CHECK_INT(queryInt(db, "SELECT count(*) FROM questions"), 4);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM asked"), 8);
  CHECK(queryInt(db, "SELECT count(DISTINCT uid) FROM attempts")==2);
  CHECK_INT(kioskAttemptAbandon(p, a2, T0+901, &err), 0);

  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

/* A crash in the middle (the file closed with the attempt open), then
** resuming: answers intact, the clock counting only to the last answer,
** or to the moment the student left on purpose. */
static void testCrashResume(void){
  const char *zPath = tmpPath("crash.db");
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec = classSpec();
  KioskAttempt *pA = 0;
  sqlite3_int64 s = 0, a = 0, u = 0;
  long long nLeft = 0;

  memset(&quiz, 0, sizeof(quiz));
  kioskErrorClear(&err);
  makeQuiz(&quiz);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsStudentAdd(p, "Bea", T0, &s, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0, &a, &err), 0);
  CHECK_INT(answer(p, a, 0, "1", T0+100, 0, 0, &err), 0);
  kioskRecordsClose(p);          /* the kiosk dies here */
  p = 0;

  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsUnfinished(p, s, &u, &err), 0);
  CHECK_INT(u, a);
  CHECK_INT(kioskAttemptLoad(p, a, &pA, &err), KIOSK_OK);
  if( pA ){
    CHECK_INT(pA->nAnswered, 1);
    CHECK_INT(pA->iNext, 1);
    CHECK_STR(pA->aAnswer[0].zText, "Astana");
    CHECK_INT(pA->nTimeLimit, 600);
    CHECK_INT(pA->bFeedbackEnd, 1);
    kioskAttemptFree(pA);
  }
  /* An hour later: 100 s were used (to the last answer). */
  CHECK_INT(kioskAttemptResume(p, a, T0+3600, &nLeft, &err), KIOSK_OK);
  CHECK_INT(nLeft, 500);
  CHECK_INT(answer(p, a, 1, "0 2", T0+3700, 0, 0, &err), KIOSK_OK);
  /* Left on purpose at +3800: the time until then counts. */
  CHECK_INT(kioskAttemptLeave(p, a, T0+3800, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptResume(p, a, T0+9000, &nLeft, &err), KIOSK_OK);
  CHECK_INT(nLeft, 300);
  /* The new sitting's deadline is 9000+300 (+ grace). */
  CHECK_INT(answer(p, a, 2, "Astana Ashgabat", T0+9303, 0, 0, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "DEADLINE");
  CHECK_INT(answer(p, a, 2, "Astana Ashgabat", T0+9299, 0, 0, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptLoad(p, a, &pA, &err), KIOSK_OK);
  if( pA ){
    CHECK_INT(kioskAttemptTimeLeft(pA, T0+9299), 1);
    CHECK_INT(kioskAttemptTimeLeft(pA, T0+9400), 0);
    kioskAttemptFree(pA);
  }
  CHECK_INT(kioskAttemptFinish(p, a, T0+9300, 0, 0, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptResume(p, a, T0+9400, &nLeft, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "FINISHED");
  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

/* A stage quiz the core generates from a course database is recorded
** with its seed and runs like any other. */
static void testGenerated(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskQuizSpec qs;
  KioskAttemptSpec spec;
  sqlite3_int64 s = 0, a = 0;
  sqlite3 *dbCourse = 0;
  const char *zCourseDir = getenv("KIOSK_COURSEDIR");

  kioskErrorClear(&err);
  if( zCourseDir==0 ) zCourseDir = "data";
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &dbCourse, &err)
   || kioskCourseLoad(dbCourse, zCourseDir, 0, 10, 0, &err) ){
    fprintf(stderr, "test-attempt: cannot load the course %s: %s\n", zCourseDir,
            err.zMsg);
    CHECK(0);
    sqlite3_close(dbCourse);
    return;
  }
  memset(&qs, 0, sizeof(qs));
  memset(&spec, 0, sizeof(spec));
  qs.nQuestion = 5;
  qs.iSeed = 7;
  spec.rPassMark = -1;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), 0);
  CHECK_INT(kioskRecordsStudentAdd(p, "Cy", T0, &s, &err), 0);
  CHECK_INT(kioskAttemptStartGenerated(p, dbCourse, s, &spec, &qs, T0, &a,
                                       &err), 0);
  CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT seed FROM attempts"), 7);
  CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM asked"), 5);
  qs.nStage = 1;
  {
    static const char *const azNone[] = { "no-such-stage" };
    qs.azStage = azNone;
    CHECK_INT(kioskAttemptStartGenerated(p, dbCourse, s, &spec, &qs, T0, &a,
                                         &err), KIOSK_EQUIZ);
    CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM attempts"), 1);
  }
  kioskRecordsClose(p);
  sqlite3_close(dbCourse);
}

/* Read the "max" and "score" columns of an attempt listing. */
static int onMax(void *pArg, sqlite3_stmt *pStmt){
  double *a = (double *)pArg;
  int i;
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *z = sqlite3_column_name(pStmt, i);
    if( strcmp(z, "max")==0 ) a[0] = sqlite3_column_double(pStmt, i);
    if( strcmp(z, "score")==0 ) a[1] = sqlite3_column_double(pStmt, i);
  }
  return 0;
}

/* A question of kind eKind worth rPoints appended to pQuiz. */
static KioskQuestion *addQ(KioskQuiz *pQuiz, const char *zId,
                           KioskQKind eKind, const char *zPrompt,
                           double rPoints){
  KioskQuestion *q = kioskQuestionNew();
  q->zId = kioskStrDup(zId);
  q->eKind = eKind;
  q->zPrompt = kioskStrDup(zPrompt);
  q->rPoints = rPoints;
  kioskQuizAppend(pQuiz, q);
  return q;
}

/* An essay (never marked by the kiosk) and a description count in no
** maximum: a choice worth 2 answered right and an essay worth 5 written is
** 2 of 2 (100 %, passed), in the tally, the finish and the listings alike,
** and the questions scored leave both out. */
static void testEssayPoints(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec;
  KioskTally t;
  KioskQuestion *q;
  KioskScore sc;
  KioskRecFilter f;
  sqlite3_int64 s = 0, a = 0;
  double aMax[2] = { -1, -1 };
  int bPassed = -1;

  memset(&quiz, 0, sizeof(quiz));
  memset(&spec, 0, sizeof(spec));
  memset(&sc, 0, sizeof(sc));
  spec.zKind = "pack";
  spec.zPack = "essay";
  spec.rPassMark = 75;
  q = addQ(&quiz, "pack:essay:1", KQ_CHOICE,
           "Capital of Kazakhstan since 1997?", 2);
  kioskQuestionAddOption(q, "Almaty", 0, 0, 0);
  kioskQuestionAddOption(q, "Astana", 1, 0, 0);
  addQ(&quiz, "pack:essay:2", KQ_ESSAY,
       "Why did Japan build ties with Central Asia?", 5);
  addQ(&quiz, "pack:essay:3", KQ_DESC,
       "The next questions are about the 2000s.", 1);

  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), 0);
  CHECK_INT(kioskRecordsStudentAdd(p, "Di", T0, &s, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0, &a, &err), 0);
  CHECK_INT(answer(p, a, 0, "1", T0+5, 0, 0, &err), 0);
  CHECK_INT(kioskAttemptAnswer(p, a, 1, "Aid, trade and a counterweight.",
                               T0+60, &sc, 0, &err), 0);
  CHECK_INT(sc.bUngraded, 1);
  CHECK(sc.rPoints==0);
  kioskScoreClear(&sc);

  /* ungraded: out of the maximum while the attempt is open... */
  CHECK_INT(kioskAttemptTally(p, a, &t, &bPassed, &err), 0);
  CHECK_INT(t.nQuestion, 1);
  CHECK(t.rMax==2 && t.rPoints==2);
  CHECK_INT(bPassed, 1);
  /* ...and at the finish, and in the listings */
  CHECK_INT(kioskAttemptFinish(p, a, T0+70, &t, &bPassed, &err), 0);
  CHECK(t.rMax==2 && t.rPoints==2);
  CHECK(kioskTallyPercent(&t)==100);
  CHECK_INT(bPassed, 1);
  memset(&f, 0, sizeof(f));
  f.iAttempt = a;
  CHECK_INT(kioskRecordsAttempts(p, &f, onMax, aMax, &err), 0);
  CHECK(aMax[0]==2 && aMax[1]==2);

  /* an attempt of nothing but an essay has no maximum: 0 %, not passed */
  kioskQuizReset(&quiz);
  addQ(&quiz, "pack:essay:2", KQ_ESSAY,
       "Why did Japan build ties with Central Asia?", 5);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0+100, &a, &err), 0);
  CHECK_INT(kioskAttemptAnswer(p, a, 0, "Text.", T0+110, &sc, 0, &err), 0);
  kioskScoreClear(&sc);
  CHECK_INT(kioskAttemptFinish(p, a, T0+120, &t, &bPassed, &err), 0);
  CHECK(t.rMax==0 && t.nQuestion==0);
  CHECK_INT(bPassed, 0);
  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

/* Statements open on db. */
static int nStmtOpen(sqlite3 *db){
  sqlite3_stmt *pS = 0;
  int n = 0;
  while( (pS = sqlite3_next_stmt(db, pS))!=0 ) n++;
  return n;
}

/* The records handle keeps its statements prepared: answering prepares
** nothing new after the first answer; a nested use of the same SQL gets a
** statement of its own; more SQL texts than the cache holds evict the
** least recently used; a given-back statement keeps no bindings. */
static void testStmtCache(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec = classSpec();
  sqlite3_stmt *pA = 0, *pB = 0, *pC = 0;
  sqlite3_int64 s = 0, a = 0;
  sqlite3 *db;
  int n1, i;

  memset(&quiz, 0, sizeof(quiz));
  makeQuiz(&quiz);
  spec.nTimeLimit = 0;
  spec.nAllowed = 0;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), 0);
  db = kioskRecordsDb(p);
  CHECK_INT(kioskRecordsStudentAdd(p, "Ed", T0, &s, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0, &a, &err), 0);
  CHECK_INT(answer(p, a, 0, "1", T0+1, 0, 0, &err), 0);
  n1 = nStmtOpen(db);
  CHECK(n1>0 && n1<=KIOSK_REC_NSTMT);
  CHECK_INT(answer(p, a, 1, "0 2", T0+2, 0, 0, &err), 0);
  CHECK_INT(answer(p, a, 2, "Astana {Ashgabat city}", T0+3, 0, 0, &err), 0);
  /* the second and third answers reuse the first's statements (another
  ** kind of question may need one or two of its own) */
  CHECK(nStmtOpen(db)<=n1+4);
  n1 = nStmtOpen(db);
  CHECK_INT(kioskAttemptFinish(p, a, T0+9, 0, 0, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0+10, &a, &err), 0);
  CHECK_INT(answer(p, a, 0, "1", T0+11, 0, 0, &err), 0);
  CHECK_INT(answer(p, a, 1, "0 2", T0+12, 0, 0, &err), 0);
  CHECK_INT(answer(p, a, 2, "Astana {Ashgabat city}", T0+13, 0, 0, &err), 0);
  n1 = nStmtOpen(db);
  CHECK_INT(kioskAttemptFinish(p, a, T0+19, 0, 0, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0+20, &a, &err), 0);
  CHECK_INT(answer(p, a, 0, "1", T0+21, 0, 0, &err), 0);
  CHECK_INT(answer(p, a, 1, "0 2", T0+22, 0, 0, &err), 0);
  CHECK_INT(answer(p, a, 2, "Astana {Ashgabat city}", T0+23, 0, 0, &err), 0);
  CHECK_INT(kioskAttemptFinish(p, a, T0+29, 0, 0, &err), 0);
  CHECK_INT(nStmtOpen(db), n1);

  /* the same SQL twice at once: two statements, the cached one found
  ** again once both are given back */
  CHECK_INT(kioskRecPrepare(p, "SELECT ?1", &pA, &err), 0);
  CHECK_INT(kioskRecPrepare(p, "SELECT ?1", &pB, &err), 0);
  CHECK(pA!=0 && pB!=0 && pA!=pB);
  sqlite3_bind_int(pA, 1, 7);
  kioskRecFinalize(p, pB);
  kioskRecFinalize(p, pA);
  CHECK_INT(kioskRecPrepare(p, "SELECT ?1", &pC, &err), 0);
  CHECK(pC==pA);
  CHECK_INT(sqlite3_step(pC), SQLITE_ROW);
  CHECK_INT(sqlite3_column_type(pC, 0), SQLITE_NULL);   /* bindings cleared */
  kioskRecFinalize(p, pC);

  /* more texts than slots: the cache stays its size */
  for(i=0; i<3*KIOSK_REC_NSTMT; i++){
    char zSql[64];
    snprintf(zSql, sizeof(zSql), "SELECT %d", i);
    CHECK_INT(kioskRecPrepare(p, zSql, &pA, &err), 0);
    CHECK_INT(sqlite3_step(pA), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(pA, 0), i);
    kioskRecFinalize(p, pA);
  }
  CHECK(nStmtOpen(db)<=KIOSK_REC_NSTMT);
  /* a failed prepare is an error, and caches nothing */
  CHECK_INT(kioskRecPrepare(p, "SELEKT 1", &pA, &err), KIOSK_EDB);
  CHECK(pA==0);
  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

/* A pack's quiz taken start to finish through the core: the pack is read
** from the records, drawn from the course with the student's seed, and
** run with its own settings; its attempts limit holds; a pack that is not
** installed, or no longer fits the course, starts nothing. */
static const char zPackText[] =
  "[settings]\n"
  "title    = Ignored: the installed title is shown\n"
  "stages   = s1-caution\n"
  "pass     = 57%\n"
  "time     = 15 min\n"
  "order    = fixed\n"
  "seed     = per-student\n"
  "attempts = 1\n"
  "feedback = end\n"
  "\n"
  "[rules]\n"
  "choice   *   2\n"
  "\n"
  "[questions]\n"
  "::hand:: Which city was the capital of Kazakhstan until 1997? {\n"
  "  =Almaty\n"
  "  ~Astana\n"
  "  ~Bishkek\n"
  "}\n"
  "\n"
  "::tf:: Japan opened an embassy in Tashkent. {T}\n";

/* The right option (choice, tf) of q as an answer, "0" when none. */
static void rightOption(const KioskQuestion *q, char *z, size_t n){
  int k;
  for(k=0; k<q->nOption && q->aOption[k].rCredit<=0; k++){}
  snprintf(z, n, "%d", k<q->nOption ? k : 0);
}

static void testPack(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskAttempt *pA = 0;
  KioskTally t;
  sqlite3_int64 s = 0, a = 0, a2 = 0;
  sqlite3 *dbCourse = 0, *db;
  const char *zCourseDir = getenv("KIOSK_COURSEDIR");
  char zAns[16];
  int i, bPassed = 0, nFirst = 0;
  char *zFirst = 0;

  kioskErrorClear(&err);
  if( zCourseDir==0 ) zCourseDir = "data";
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &dbCourse, &err)
   || kioskCourseLoad(dbCourse, zCourseDir, 0, 10, 0, &err) ){
    fprintf(stderr, "test-attempt: cannot load the course %s: %s\n",
            zCourseDir, err.zMsg);
    CHECK(0);
    sqlite3_close(dbCourse);
    return;
  }
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), 0);
  db = kioskRecordsDb(p);
  CHECK_INT(kioskRecordsStudentAdd(p, "Flo", T0, &s, &err), 0);
  /* not installed */
  CHECK_INT(kioskAttemptStartPack(p, dbCourse, s, "caps", 5, T0, &a, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOPACK");
  CHECK_INT(a, 0);
  CHECK_INT(kioskRecordsPackInstall(p, "caps", "Capitals", zPackText, T0,
                                    &err), 0);

  /* start: the pack's settings in the attempt's columns */
  kioskErrorClear(&err);
  CHECK_INT(kioskAttemptStartPack(p, dbCourse, s, "caps", 5, T0, &a, &err), 0);
  CHECK(a>0);
  CHECK_STR(queryText(db, "SELECT kind||'|'||pack||'|'||title||'|'||seed||'|'"
                          "||time_limit||'|'||feedback||'|'||pass_mark||'|'"
                          "||allowed FROM attempts"),
            "pack|caps|Capitals|5|900|end|57.0|1");
  CHECK_INT(kioskAttemptLoad(p, a, &pA, &err), 0);
  if( pA==0 ){ kioskRecordsClose(p); sqlite3_close(dbCourse); return; }
  /* two drawn from the course, then the two hand-written (order fixed) */
  CHECK_INT(pA->quiz.nQuestion, 4);
  if( pA->quiz.nQuestion==4 ){
    CHECK_INT(pA->quiz.apQuestion[0]->eKind, KQ_CHOICE);
    CHECK_STR(pA->quiz.apQuestion[2]->zId, "pack:caps:1");
    CHECK_STR(pA->quiz.apQuestion[3]->zId, "pack:caps:2");
    zFirst = sqlite3_mprintf("%s", pA->quiz.apQuestion[0]->zPrompt);
    nFirst = pA->quiz.apQuestion[0]->nOption;
  }
  /* answered right, each stored as it is given; then finished */
  for(i=0; i<pA->quiz.nQuestion; i++){
    rightOption(pA->quiz.apQuestion[i], zAns, sizeof(zAns));
    CHECK_INT(answer(p, a, i, zAns, T0+10+i, 0, 0, &err), 0);
  }
  kioskAttemptFree(pA);
  pA = 0;
  CHECK_INT(kioskAttemptFinish(p, a, T0+60, &t, &bPassed, &err), 0);
  CHECK_INT(t.nQuestion, 4);
  CHECK_INT(t.nCorrect, 4);
  CHECK_INT(bPassed, 1);
  /* one attempt allowed: the next is refused, nothing started */
  CHECK_INT(kioskAttemptStartPack(p, dbCourse, s, "caps", 6, T0+100, &a2,
                                  &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "ATTEMPTS");
  CHECK_INT(queryInt(db, "SELECT count(*) FROM attempts"), 1);

  /* the same seed draws the same quiz for another student */
  {
    sqlite3_int64 s2 = 0;
    CHECK_INT(kioskRecordsStudentAdd(p, "Gus", T0, &s2, &err), 0);
    CHECK_INT(kioskAttemptStartPack(p, dbCourse, s2, "caps", 5, T0, &a2,
                                    &err), 0);
    CHECK_INT(kioskAttemptLoad(p, a2, &pA, &err), 0);
    if( pA && zFirst ){
      CHECK_STR(pA->quiz.apQuestion[0]->zPrompt, zFirst);
      CHECK_INT(pA->quiz.apQuestion[0]->nOption, nFirst);
    }
    kioskAttemptFree(pA);
    pA = 0;
  }

  /* a pack that names a stage the course lacks is refused by line */
  CHECK_INT(kioskRecordsPackInstall(p, "odd", "Odd",
              "[settings]\ntitle = Odd\nstages = s99-nowhere\n"
              "[questions]\n::q:: Yes? {T}\n", T0, &err), 0);
  kioskErrorClear(&err);
  CHECK(kioskAttemptStartPack(p, dbCourse, s, "odd", 1, T0, &a2, &err)
        ==KIOSK_EPACK);
  CHECK_STR(err.zFile, "odd.pack");
  CHECK_INT(err.iLine, 3);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM attempts WHERE pack='odd'"), 0);

  sqlite3_free(zFirst);
  kioskRecordsClose(p);
  sqlite3_close(dbCourse);
}

/* ---- migrations ---- */

/* A schema 1 database at zPath as the old code left it: an attempt of a
** timed pack run whose settings ride in question 0's dict (ui.run), the
** time the student left in a setting, answers to a choice and a match. */
static void makeV1(const char *zPath, int bToV2){
  sqlite3 *db = 0;
  char *zErr = 0;
  static const char zData[] =
    "PRAGMA application_id = 1263682883;"
    "PRAGMA user_version = 1;"
    "INSERT INTO students(id, name, created) VALUES(1, 'Ada',"
    " '2023-11-14T22:13:20Z');"
    "INSERT INTO attempts(id, student, kind, pack, stage, status, started)"
    " VALUES(1, 1, 'pack', 'demo', NULL, 'open', '2023-11-14T22:13:20Z'),"
    " (2, 1, 'stage', NULL, 's1', 'finished', '2023-11-14T22:20:00Z');"
    "INSERT INTO questions(attempt, idx, qid, kind, topic, stage, prompt,"
    " points, body) VALUES"
    " (1, 0, 'pack:demo:1', 'choice', 'hand', 's1', 'Which city?', 1,"
    "  'id pack:demo:1 kind choice topic hand stage s1 prompt {Which city?}"
    " options {{text Almaty credit 0.0 feedback {It was, until 1997.}}"
    " {text Astana credit 1.0}} facts pl-astana points 1.0"
    " ui.run {title {Timed quiz} time 600 feedback end pass 0.75}'),"
    " (1, 1, 'pack:demo:3', 'match', 'hand', NULL, 'Match them.', 1,"
    "  'id pack:demo:3 kind match topic hand prompt {Match them.}"
    " pairs {{Kazakhstan Astana} {Turkmenistan {Ashgabat city}}} facts {}"
    " points 1.0'),"
    " (2, 0, 'gen:date-year:ev-b', 'year', 'date', 's1', 'Which year?', 2,"
    "  'id gen:date-year:ev-b kind year topic date stage s1"
    " prompt \"Which \\\"year\\\"?\" value 1992.0 tol 0.0 facts {ev-b ev-c}"
    " lesson {s1 3} points 2.0'),"
    " (2, 1, 'gen:broken', 'choice', 'date', 's1', 'Broken body', 1,"
    "  'id {unbalanced');"
    "INSERT INTO question_options(attempt, idx, opt, text, credit) VALUES"
    " (1, 0, 0, 'Almaty', 0), (1, 0, 1, 'Astana', 1),"
    " (2, 1, 0, 'One', 0), (2, 1, 1, 'Two', 1);"
    "INSERT INTO question_facts(attempt, idx, fact) VALUES"
    " (1, 0, 'pl-astana'), (2, 0, 'ev-b'), (2, 0, 'ev-c'), (2, 1, 'ev-x');"
    "INSERT INTO answers(attempt, idx, answer, correct, credit, points,"
    " answered) VALUES"
    " (1, 0, '1', 1, 1.0, 1.0, '2023-11-14T22:15:00Z'),"
    " (1, 1, 'Astana {Ashgabat city}', 1, 1.0, 1.0, '2023-11-14T22:16:00Z'),"
    " (2, 0, '1992', 1, 1.0, 2.0, '2023-11-14T22:21:00Z'),"
    " (2, 1, '1', 1, 1.0, 1.0, '2023-11-14T22:22:00Z');"
    "INSERT INTO answer_picks(attempt, idx, opt) VALUES (1, 0, 1), (2, 1, 1);"
    "INSERT INTO review(student, fact, stage, box, due, seen, lapses, last,"
    " qattempt, qidx) VALUES(1, 'ev-b', 's1', 2, 19677, 1, 0,"
    " '2023-11-14T22:21:00Z', 2, 0);"
    "INSERT INTO settings(key, value) VALUES('attempt.1.left-at', '1700000300'),"
    " ('theme', 'default'), ('class.kiosk', 'room12-a');";
  unlink(zPath);
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, kioskRecordsV1Sql, 0, 0, &zErr), SQLITE_OK);
  if( zErr ){ fprintf(stderr, "v1 schema: %s\n", zErr); sqlite3_free(zErr); zErr = 0; }
  CHECK_INT(sqlite3_exec(db, zData, 0, 0, &zErr), SQLITE_OK);
  if( zErr ){ fprintf(stderr, "v1 data: %s\n", zErr); sqlite3_free(zErr); zErr = 0; }
  if( bToV2 ){
    CHECK_INT(sqlite3_exec(db, kioskRecMigrationSql2, 0, 0, &zErr), SQLITE_OK);
    if( zErr ){ fprintf(stderr, "v2: %s\n", zErr); sqlite3_free(zErr); zErr = 0; }
    CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 2", 0, 0, 0), SQLITE_OK);
  }
  sqlite3_close(db);
}

/* The schema as sorted lines: each object's type and name, each table's
** columns (name, type, not null, default, key position). */
static char *schemaOf(sqlite3 *db){
  sqlite3_str *pOut = sqlite3_str_new(0);
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db,
        "SELECT s.type||' '||s.name||' '||coalesce(c.name||' '||c.type||' '||"
        " c.\"notnull\"||' '||coalesce(c.dflt_value, '-')||' '||c.pk, '')"
        " FROM sqlite_schema s LEFT JOIN pragma_table_info(s.name) c"
        " WHERE s.type IN ('table', 'index', 'view')"
        " AND s.name NOT LIKE 'sqlite_%' ORDER BY 1", -1, &pStmt, 0)==SQLITE_OK ){
    while( sqlite3_step(pStmt)==SQLITE_ROW ){
      sqlite3_str_appendf(pOut, "%s\n", sqlite3_column_text(pStmt, 0));
    }
  }
  sqlite3_finalize(pStmt);
  return sqlite3_str_finish(pOut);
}

static void checkMigrated(const char *zPath){
  KioskRecords *p = 0, *pNew = 0;
  KioskError err;
  KioskAttempt *pA = 0;
  KioskScore sc;
  sqlite3 *db;
  char *zGot = 0, *zWant = 0;

  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ){ fprintf(stderr, "%s\n", err.zMsg); return; }
  db = kioskRecordsDb(p);
  CHECK_INT(queryInt(db, "PRAGMA user_version"), KIOSK_RECORDS_SCHEMA_VERSION);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM answers"), 4);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM asked"), 4);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM answer_picks"), 2);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM attempts WHERE length(uid)=32"), 2);
  /* It had joined a class: migration 5 queued its whole history, every
  ** answer once, each attempt's start first. */
  CHECK_STR(queryText(db, "SELECT group_concat(k, ' ') FROM"
                      " (SELECT k FROM outbox ORDER BY seq)"),
            "attempt attempt asked asked asked asked answer answer answer answer"
            " leave end review");
  CHECK_INT(queryInt(db, "SELECT count(*) FROM outbox o JOIN attempts a"
                     " ON a.uid=o.uid JOIN answers w ON w.attempt=a.id"
                     " AND w.idx=o.idx AND w.answer=o.answer"
                     " WHERE o.k='answer' AND o.sent IS NULL"), 4);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM settings WHERE key GLOB 'attempt.*'"), 0);
  CHECK_STR(queryText(db, "SELECT value FROM settings WHERE key='theme'"), "default");
  CHECK_INT(queryInt(db, "PRAGMA foreign_keys"), 1);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE name GLOB 'v2_*'"), 0);
  /* The run's settings, out of the first question's dict. */
  CHECK_STR(queryText(db, "SELECT title||'|'||time_limit||'|'||feedback||'|'||"
                      "pass_mark||'|'||left_at FROM attempts WHERE id=1"),
            "Timed quiz|600|end|75.0|1700000300");
  /* Answers in words. */
  CHECK_STR(queryText(db, "SELECT group_concat(text, '/') FROM"
                      " (SELECT text FROM answers ORDER BY attempt, idx)"),
            "Astana/Kazakhstan: Astana; Turkmenistan: Ashgabat city/1992/Two");
  CHECK_STR(queryText(db, "SELECT answer FROM answers WHERE attempt=1 AND idx=1"),
            "Astana {Ashgabat city}");
  /* The questions read back whole; the unreadable body from its columns. */
  CHECK_INT(kioskAttemptLoad(p, 2, &pA, &err), KIOSK_OK);
  if( pA ){
    CHECK_STR(pA->quiz.apQuestion[0]->zPrompt, "Which \"year\"?");
    CHECK_STR(pA->quiz.apQuestion[0]->zLessonStage, "s1");
    CHECK_INT(pA->quiz.apQuestion[0]->iLessonPara, 3);
    CHECK_INT(pA->quiz.apQuestion[0]->nFact, 2);
    CHECK_INT((long long)pA->quiz.apQuestion[0]->rValue, 1992);
    CHECK_STR(pA->quiz.apQuestion[1]->zPrompt, "Broken body");
    CHECK_INT(pA->quiz.apQuestion[1]->nOption, 2);
    CHECK_INT(pA->aAnswer[0].score.bCorrect, 1);
    kioskAttemptFree(pA);
  }
  /* The migrated attempt carries on under the core's rules. */
  CHECK_INT(kioskAttemptLoad(p, 1, &pA, &err), KIOSK_OK);
  if( pA ){
    CHECK_STR(pA->quiz.apQuestion[0]->aOption[0].zFeedback, "It was, until 1997.");
    CHECK_STR(pA->quiz.apQuestion[1]->aPair[1].zRight, "Ashgabat city");
    CHECK_INT(pA->nTimeLimit, 600);
    kioskAttemptFree(pA);
  }
  CHECK_INT(kioskAttemptResume(p, 1, T0+5000, 0, &err), KIOSK_OK);
  CHECK_INT(queryInt(db, "SELECT used FROM attempts WHERE id=1"), 300);
  CHECK_INT(kioskAttemptAnswer(p, 1, 0, "0", T0+5001, &sc, 0, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "ANSWERED");
  /* The review question of the old attempt is still there to ask. */
  CHECK(strstr(queryText(db, "SELECT kiosk_question(question, parts) FROM asked"
                         " WHERE attempt=2 AND idx=0"), "\"value\":1992")!=0);
  /* Same schema as a new database. */
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &pNew, &err), 0);
  if( pNew ){
    zGot = schemaOf(db);
    zWant = schemaOf(kioskRecordsDb(pNew));
    CHECK_STR(zGot, zWant);
    sqlite3_free(zGot);
    sqlite3_free(zWant);
    kioskRecordsClose(pNew);
  }
  kioskRecordsClose(p);
}

/* A schema 4 database (before the outbox) that joined a class then: the
** migration to 5 adds the outbox and queues every answer it holds; one
** that never joined gets the outbox empty, and its triggers queue nothing
** until it joins. */
static void checkV4(int bJoined){
  const char *zPath = tmpPath(bJoined ? "v4-joined.db" : "v4.db");
  KioskRecords *p = 0, *pNew = 0;
  KioskError err;
  sqlite3 *db = 0;
  sqlite3_int64 iStudent = 0, iAttempt = 0;
  KioskQuiz quiz;
  KioskAttemptSpec spec = classSpec();
  static const char *const azAns[] = { "1", "0", "Astana {Ashgabat city}",
                                       "1997" };
  int i;
  char *zGot, *zWant;
  kioskErrorClear(&err);
  memset(&quiz, 0, sizeof(quiz));
  makeQuiz(&quiz);
  unlink(zPath);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", T0, &iStudent, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptStart(p, iStudent, &spec, &quiz, T0, &iAttempt,
                              &err), KIOSK_OK);
  for(i=0; i<3; i++){
    CHECK_INT(answer(p, iAttempt, i, azAns[i], T0+10+i, 0, 0, &err),
              KIOSK_OK);
  }
  kioskRecordsClose(p);
  p = 0;
  /* As schema 4 left it: no outbox. */
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "DROP TRIGGER outbox_attempt;"
    " DROP TRIGGER outbox_answer; DROP TRIGGER outbox_end;"
    " DROP TRIGGER outbox_asked; DROP TRIGGER outbox_leave;"
    " DROP TABLE class_packs;"
    " DROP TRIGGER outbox_lesson; DROP TRIGGER outbox_review_new;"
    " DROP TRIGGER outbox_review; DROP TABLE outbox;"
    " PRAGMA user_version=4", 0, 0, 0), SQLITE_OK);
  if( bJoined ){
    CHECK_INT(sqlite3_exec(db, "INSERT INTO settings VALUES('class.conn',"
      " 'dbname=class'), ('class.kiosk', 'k1')", 0, 0, 0), SQLITE_OK);
  }
  sqlite3_close(db);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  db = kioskRecordsDb(p);
  CHECK_INT(queryInt(db, "PRAGMA user_version"), KIOSK_RECORDS_SCHEMA_VERSION);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM answers"), 3);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM outbox WHERE k='answer'"),
            bJoined ? 3 : 0);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM outbox WHERE k='attempt'"),
            bJoined ? 1 : 0);
  /* The triggers work after the migration, on a joined kiosk only. */
  CHECK_INT(answer(p, iAttempt, 3, azAns[3], T0+20, 0, 0, &err), KIOSK_OK);
  CHECK_INT(queryInt(db, "SELECT count(*) FROM outbox WHERE k='answer'"),
            bJoined ? 4 : 0);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &pNew, &err), 0);
  if( pNew ){
    zGot = schemaOf(db);
    zWant = schemaOf(kioskRecordsDb(pNew));
    CHECK_STR(zGot, zWant);
    sqlite3_free(zGot);
    sqlite3_free(zWant);
    kioskRecordsClose(pNew);
  }
  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

static void testMigrate(void){
  const char *zV1 = tmpPath("v1.db");
  const char *zV2 = tmpPath("v2.db");
  makeV1(zV1, 0);
  checkMigrated(zV1);
  makeV1(zV2, 1);
  checkMigrated(zV2);
  checkV4(1);
  checkV4(0);
}

/* The check at open does not grow with the answers: a records.db over
** KIOSK_RECORDS_CHECK_ALL with damaged answer pages opens (the tables it
** checks are sound); kioskRecordsCheck, on demand, finds the damage. */
static void testBoundedCheck(void){
  const char *zPath = tmpPath("big.db");
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec;
  sqlite3_int64 s = 0, a = 0;
  char *zWhy = 0;
  int bOk = -1;
  FILE *f;
  long nSize;

  memset(&quiz, 0, sizeof(quiz));
  memset(&spec, 0, sizeof(spec));
  spec.rPassMark = -1;
  kioskErrorClear(&err);
  makeQuiz(&quiz);
  unlink(zPath);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), 0);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsStudentAdd(p, "Eve", T0, &s, &err), 0);
  CHECK_INT(kioskAttemptStart(p, s, &spec, &quiz, T0, &a, &err), 0);
  /* 10,000 answers of 1 KB, written as rows (not through the API). */
  CHECK_INT(sqlite3_exec(kioskRecordsDb(p),
    "BEGIN;"
    "WITH RECURSIVE c(n) AS (VALUES(4) UNION ALL SELECT n+1 FROM c"
    " WHERE n<10003)"
    " INSERT INTO asked(attempt, idx, question, parts)"
    " SELECT 1, n, question, parts FROM c, asked WHERE attempt=1 AND idx=0;"
    "INSERT INTO answers(attempt, idx, answer, text, correct, credit, points,"
    " answered) SELECT 1, idx, '1', hex(randomblob(500)), 0, 0, 0,"
    " '2023-11-14T22:13:20Z' FROM asked WHERE idx>=4;"
    "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);", 0, 0, 0), SQLITE_OK);
  kioskRecordsClose(p);
  p = 0;
  f = fopen(zPath, "r+b");
  CHECK(f!=0);
  if( f==0 ) return;
  fseek(f, 0, SEEK_END);
  nSize = ftell(f);
  CHECK(nSize > KIOSK_RECORDS_CHECK_ALL);
  /* Garbage over 64 KB in the middle of the answers. */
  fseek(f, nSize/2, SEEK_SET);
  {
    char aJunk[4096];
    int i;
    memset(aJunk, 0x5a, sizeof(aJunk));
    for(i=0; i<16; i++) fwrite(aJunk, 1, sizeof(aJunk), f);
  }
  fclose(f);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p ){
    CHECK_INT(kioskRecordsCheck(p, &bOk, &zWhy, &err), KIOSK_OK);
    CHECK_INT(bOk, 0);
    CHECK(zWhy!=0 && zWhy[0]!=0);
    sqlite3_free(zWhy);
    kioskRecordsClose(p);
  }
  kioskQuizReset(&quiz);
}

/* SIGKILL during the backup and the migration that opening an old
** records.db runs: whenever the kill lands, the next open finds every
** answer, at schema 1 still or at schema 3 complete, and migrates. */
static void testKillMigration(void){
  static const int aDelayMs[] = { 1, 15, 60, 250 };
  const char *zPath = tmpPath("kill.db");
  size_t i;
  for(i=0; i<sizeof(aDelayMs)/sizeof(aDelayMs[0]); i++){
    sqlite3 *db = 0;
    KioskRecords *p = 0;
    KioskError err;
    pid_t pid;
    int status = 0;
    char zCmd[1200];
    makeV1(zPath, 0);
    /* 500 copies of the two attempts: 2,000 answers to carry over. */
    CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db,
      "BEGIN;"
      "CREATE TEMP TABLE k(n INTEGER PRIMARY KEY);"
      "WITH RECURSIVE c(n) AS (VALUES(1) UNION ALL SELECT n+1 FROM c"
      " WHERE n<500) INSERT INTO k SELECT n FROM c;"
      "INSERT INTO attempts SELECT id+2*n, student, kind, pack, stage,"
      " status, started, finished FROM k, attempts WHERE id<=2;"
      "INSERT INTO questions SELECT attempt+2*n, idx, qid, kind, topic, stage,"
      " prompt, points, body FROM k, questions WHERE attempt<=2;"
      "INSERT INTO question_options SELECT attempt+2*n, idx, opt, text, credit"
      " FROM k, question_options WHERE attempt<=2;"
      "INSERT INTO question_facts SELECT attempt+2*n, idx, fact"
      " FROM k, question_facts WHERE attempt<=2;"
      "INSERT INTO answers SELECT attempt+2*n, idx, answer, correct, credit,"
      " points, answered FROM k, answers WHERE attempt<=2;"
      "INSERT INTO answer_picks SELECT attempt+2*n, idx, opt"
      " FROM k, answer_picks WHERE attempt<=2;"
      "COMMIT;", 0, 0, 0), SQLITE_OK);
    CHECK_INT(queryInt(db, "SELECT count(*) FROM answers"), 2004);
    sqlite3_close(db);
    fflush(0);
    pid = fork();
    if( pid==0 ){
      KioskRecords *pChild = 0;
      KioskError errChild;
      kioskRecordsOpen(zPath, 1, &pChild, &errChild);
      _exit(0);
    }
    usleep((useconds_t)aDelayMs[i]*1000);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    kioskErrorClear(&err);
    CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
    if( p ){
      CHECK_INT(queryInt(kioskRecordsDb(p), "PRAGMA user_version"),
                KIOSK_RECORDS_SCHEMA_VERSION);
      CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM answers"), 2004);
      CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM answers"
                         " WHERE text=''"), 0);
      CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM asked"), 2004);
      kioskRecordsClose(p);
    }else{
      fprintf(stderr, "after a kill at %d ms: %s\n", aDelayMs[i], err.zMsg);
    }
    if( getenv("KEEP_KILL_DB") ) continue;
    snprintf(zCmd, sizeof(zCmd), "rm -f '%s'*", zPath);
    if( system(zCmd)!=0 ) fprintf(stderr, "could not remove %s\n", zPath);
  }
}

/* The Tcl list reader the migration relies on. */
static void testTclList(void){
  char **az = 0;
  int n = 0;
  CHECK_INT(kioskTclListSplit("a {b c} \"d \\\"e\\\"\" f\\ g {x{y}z} \\u00e9t\\x41",
                              &n, &az), 0);
  CHECK_INT(n, 6);
  if( n==6 ){
    CHECK_STR(az[1], "b c");
    CHECK_STR(az[2], "d \"e\"");
    CHECK_STR(az[3], "f g");
    CHECK_STR(az[4], "x{y}z");
    CHECK_STR(az[5], "\xc3\xa9tA");
  }
  kioskTclListFree(az, n);
  CHECK_INT(kioskTclListSplit("{a b", &n, &az), 1);
  CHECK_INT(kioskTclListSplit("{a}b", &n, &az), 1);
  CHECK_INT(kioskTclListSplit("", &n, &az), 0);
  CHECK_INT(n, 0);
  kioskTclListFree(az, n);
}

int main(void){
  const char *zTmp = getenv("TMPDIR");
  snprintf(zDir, sizeof(zDir), "%s/test-attempt-XXXXXX",
           zTmp && zTmp[0] ? zTmp : "/tmp");
  if( mkdtemp(zDir)==0 ){
    perror("mkdtemp");
    return 1;
  }
  testTclList();
  testWhole();
  testCrashResume();
  testGenerated();
  testEssayPoints();
  testStmtCache();
  testPack();
  testMigrate();
  testBoundedCheck();
  testKillMigration();
  if( nFail==0 ){
    char zCmd[600];
    snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
    if( system(zCmd)!=0 ) fprintf(stderr, "could not remove %s\n", zDir);
  }else{
    fprintf(stderr, "test files left in %s\n", zDir);
  }
  return HARNESS_DONE("test-attempt");
}
