/*
** test-records.c: unit tests of the learner records (records.c,
** recattempt.c, recreport.c), the Leitner scheduler (review.c) and the
** PIN hashing (pin.c), on :memory: and on temporary files.
*/
#include "attempt.h"
#include "records.h"
#include "recint.h"
#include "qjson.h"
#include "review.h"
#include "pin.h"
#include "harness.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define T0 1700000000LL         /* 2023-11-14T22:13:20Z */
#define DAY 86400LL

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

/* The first column of the first row as a static string. */
static const char *queryText(sqlite3 *db, const char *zSql){
  static char z[2048];
  sqlite3_stmt *pStmt = 0;
  z[0] = 0;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW && sqlite3_column_text(pStmt, 0) ){
    snprintf(z, sizeof(z), "%s", (const char *)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  return z;
}

static int countRow(void *pArg, sqlite3_stmt *pStmt){
  (void)pStmt;
  (*(int *)pArg)++;
  return 0;
}

/* A choice question on one fact and a typed year question (worth 2) on
** two, built once in main and freed at its end. */
static KioskQuiz gQuiz;

static void makeQuestions(void){
  static const char *const azOpt[] = { "1991", "1992", "1993, or later" };
  KioskQuestion *q = kioskQuestionNew();
  int i;
  q->zId = kioskStrDup("gen:date-choice:ev-a");
  q->eKind = KQ_CHOICE;
  q->zTopic = kioskStrDup("date");
  q->zStage = kioskStrDup("s1");
  q->zPrompt = kioskStrDup("When did \"A\" happen, exactly?");
  for(i=0; i<3; i++) kioskQuestionAddOption(q, azOpt[i], i==1 ? 1.0 : 0.0, 0, 0);
  kioskQuestionAddFact(q, "ev-a");
  kioskQuizAppend(&gQuiz, q);
  q = kioskQuestionNew();
  q->zId = kioskStrDup("gen:date-year:ev-b");
  q->eKind = KQ_YEAR;
  q->zTopic = kioskStrDup("date");
  q->zStage = kioskStrDup("s1");
  q->zPrompt = kioskStrDup("Which year?");
  q->rPoints = 2;
  q->rValue = 1992;
  kioskQuestionAddFact(q, "ev-b");
  kioskQuestionAddFact(q, "ev-c");
  kioskQuizAppend(&gQuiz, q);
}

/* Start an attempt on the first n questions of gQuiz. */
static int startAttempt(KioskRecords *p, sqlite3_int64 iStudent,
                        const char *zKind, const char *zPack,
                        const char *zStage, int n, long long iNow,
                        sqlite3_int64 *piAttempt, KioskError *pErr){
  KioskQuiz quiz = gQuiz;
  KioskAttemptSpec spec;
  memset(&spec, 0, sizeof(spec));
  spec.zKind = zKind;
  spec.zPack = zPack;
  spec.zStage = zStage;
  spec.rPassMark = -1;
  quiz.nQuestion = n;
  return kioskAttemptStart(p, iStudent, &spec, &quiz, iNow, piAttempt, pErr);
}

/* Answer (scored by the core). */
static int answer(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                  const char *zAnswer, long long iNow, KioskError *pErr){
  KioskScore sc;
  int rc = kioskAttemptAnswer(p, iAttempt, idx, zAnswer, iNow, &sc, 0, pErr);
  kioskScoreClear(&sc);
  return rc;
}

static void testScheduler(void){
  KioskReviewState st = { 0, 0 };
  long d = 1000;
  CHECK_INT(kioskReviewInterval(1), 0);
  CHECK_INT(kioskReviewInterval(2), 1);
  CHECK_INT(kioskReviewInterval(3), 3);
  CHECK_INT(kioskReviewInterval(4), 7);
  CHECK_INT(kioskReviewInterval(5), 15);
  CHECK_INT(kioskReviewInterval(6), 0);
  /* New and right: box 2, due tomorrow. */
  kioskReviewAnswer(&st, 1, d);
  CHECK_INT(st.iBox, 2);
  CHECK_INT(st.iDue, d+1);
  /* Right again the same day: not due, nothing changes. */
  kioskReviewAnswer(&st, 1, d);
  CHECK_INT(st.iBox, 2);
  CHECK_INT(st.iDue, d+1);
  /* Due: up the boxes, to box 5 and no further. */
  kioskReviewAnswer(&st, 1, d+1);
  CHECK_INT(st.iBox, 3);
  CHECK_INT(st.iDue, d+4);
  kioskReviewAnswer(&st, 1, d+5);
  CHECK_INT(st.iBox, 4);
  CHECK_INT(st.iDue, d+12);
  CHECK(kioskReviewMastered(st.iBox));
  kioskReviewAnswer(&st, 1, d+12);
  CHECK_INT(st.iBox, 5);
  CHECK_INT(st.iDue, d+27);
  kioskReviewAnswer(&st, 1, d+30);
  CHECK_INT(st.iBox, 5);
  CHECK_INT(st.iDue, d+45);
  /* Wrong, even early: box 1, due the same day. */
  kioskReviewAnswer(&st, 0, d+31);
  CHECK_INT(st.iBox, 1);
  CHECK_INT(st.iDue, d+31);
  CHECK(!kioskReviewMastered(3));
  /* New and wrong. */
  st.iBox = 0;
  kioskReviewAnswer(&st, 0, d);
  CHECK_INT(st.iBox, 1);
  CHECK_INT(st.iDue, d);
  CHECK_INT(kioskReviewDay(0), 0);
  CHECK_INT(kioskReviewDay(86399), 0);
  CHECK_INT(kioskReviewDay(86400), 1);
  CHECK_INT(kioskReviewDay(-1), -1);
}

static void testPin(void){
  KioskError err;
  char *zHash = 0;
  kioskErrorClear(&err);
  CHECK_INT(kioskPinHash("123", &zHash, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "PIN");
  CHECK(zHash==0);
  CHECK_INT(kioskPinValid("12\n34", &err), KIOSK_ERECORDS);
  CHECK_INT(kioskPinHash("2468", &zHash, &err), KIOSK_OK);
  CHECK(zHash && strncmp(zHash, "$y$", 3)==0);
  CHECK(zHash && strstr(zHash, "2468")==0);
  CHECK(kioskPinVerify("2468", zHash));
  CHECK(!kioskPinVerify("2469", zHash));
  CHECK(!kioskPinVerify("", zHash));
  CHECK(!kioskPinVerify("2468", "garbage"));
  CHECK(!kioskPinVerify("2468", 0));
  sqlite3_free(zHash);
}

static void testStudents(void){
  KioskRecords *p = 0;
  KioskError err;
  sqlite3_int64 a = 0, b = 0, c = 0;
  int n = 0;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 3, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsStudentAdd(p, "  Ada Lovelace ", T0, &a, &err), 0);
  CHECK_STR(queryText(kioskRecordsDb(p), "SELECT name FROM students"),
            "Ada Lovelace");
  CHECK_INT(kioskRecordsStudentAdd(p, "ada lovelace", T0, &b, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "EXISTS");
  CHECK_INT(kioskRecordsStudentAdd(p, "   ", T0, &b, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NAME");
  CHECK_INT(kioskRecordsStudentAdd(p, "tab\there", T0, &b, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NAME");
  /* 64 characters of two bytes each is fine, 65 is not. */
  {
    char z[200];
    int i;
    for(i=0; i<64; i++){ z[2*i] = (char)0xc3; z[2*i+1] = (char)0xa9; }
    z[128] = 0;
    CHECK_INT(kioskRecordsStudentAdd(p, z, T0, &b, &err), KIOSK_OK);
    z[128] = 'x'; z[129] = 0;
    CHECK_INT(kioskRecordsStudentAdd(p, z, T0, &c, &err), KIOSK_ERECORDS);
  }
  CHECK_INT(kioskRecordsStudentAdd(p, "Grace", T0, &c, &err), KIOSK_OK);
  CHECK_INT(kioskRecordsStudentRename(p, c, "ADA LOVELACE", &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "EXISTS");
  CHECK_INT(kioskRecordsStudentRename(p, c, "Grace Hopper", &err), KIOSK_OK);
  CHECK_INT(kioskRecordsStudentRename(p, 999, "X", &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOSTUDENT");
  CHECK_STR(err.zMsg, "no student with id 999");
  /* Removal with records kept frees the name; students lists the rest. */
  CHECK_INT(kioskRecordsStudentRemove(p, a, 1, T0, &err), KIOSK_OK);
  CHECK_INT(kioskRecordsStudents(p, 0, countRow, &n, &err), KIOSK_OK);
  CHECK_INT(n, 2);
  n = 0;
  CHECK_INT(kioskRecordsStudents(p, 1, countRow, &n, &err), KIOSK_OK);
  CHECK_INT(n, 3);
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada Lovelace", T0, &a, &err), KIOSK_OK);
  kioskRecordsClose(p);
}

/* Open, add a student, start an attempt on the two questions. */
static KioskRecords *openWithAttempt(const char *zPath, sqlite3_int64 *piStudent,
                                     sqlite3_int64 *piAttempt){
  KioskRecords *p = 0;
  KioskError err;
  kioskErrorClear(&err);
  if( kioskRecordsOpen(zPath, 3, &p, &err) ){
    fprintf(stderr, "open %s: %s\n", zPath, err.zMsg);
    return 0;
  }
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", T0, piStudent, &err), KIOSK_OK);
  CHECK_INT(startAttempt(p, *piStudent, "stage", 0, "s1", 2,
                                     T0, piAttempt, &err), KIOSK_OK);
  return p;
}

static void testAttempts(void){
  KioskRecords *p;
  KioskError err;
  sqlite3_int64 s = 0, a = 0, u = 0, a2 = 0;
  sqlite3 *db;
  int n = 0;

  kioskErrorClear(&err);
  p = openWithAttempt(":memory:", &s, &a);
  if( p==0 ) return;
  db = kioskRecordsDb(p);
  CHECK_INT(kioskRecordsUnfinished(p, s, &u, &err), KIOSK_OK);
  CHECK_INT(u, a);
  CHECK_INT(answer(p, a, 0, "2", T0+10, &err),
            KIOSK_OK);
  CHECK(sqlite3_get_autocommit(db));
  CHECK_INT(answer(p, a, 0, "1", T0+10, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "ANSWERED");
  CHECK(sqlite3_get_autocommit(db));
  CHECK_INT(answer(p, a, 2, "1", T0+10, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "INDEX");
  CHECK_INT(answer(p, 77, 0, "1", T0+10, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOATTEMPT");
  CHECK(sqlite3_get_autocommit(db));
  CHECK_INT(queryInt(db, "SELECT count(*) FROM answers"), 1);
  CHECK_INT(queryInt(db, "SELECT opt FROM answer_picks"), 2);
  /* Points default to credit times the question's points. */
  CHECK_INT(answer(p, a, 1, "1992", T0+20, &err),
            KIOSK_OK);
  CHECK_INT(queryInt(db, "SELECT points FROM answers WHERE idx=1"), 2);
  CHECK_INT(kioskAttemptFinish(p, a, T0+30, 0, 0, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptFinish(p, a, T0+30, 0, 0, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "FINISHED");
  CHECK_STR(err.zMsg, "attempt 1 is already finished");
  CHECK_INT(answer(p, a, 1, "1", T0+40, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "FINISHED");
  CHECK_INT(kioskRecordsUnfinished(p, s, &u, &err), KIOSK_OK);
  CHECK_INT(u, 0);
  CHECK_STR(queryText(db, "SELECT started||' '||finished FROM attempts"),
            "2023-11-14T22:13:20Z 2023-11-14T22:13:50Z");

  /* The review schedule followed both answers. */
  CHECK_INT(queryInt(db, "SELECT box FROM review WHERE fact='ev-a'"), 1);
  CHECK_INT(queryInt(db, "SELECT due FROM review WHERE fact='ev-a'"),
            T0/DAY);
  CHECK_INT(queryInt(db, "SELECT box FROM review WHERE fact='ev-c'"), 2);
  CHECK_INT(queryInt(db, "SELECT lapses FROM review WHERE fact='ev-a'"), 1);
  n = 0;
  CHECK_INT(kioskRecordsReviewDue(p, s, T0+60, -1, countRow, &n, &err), 0);
  CHECK_INT(n, 1);            /* ev-a only: ev-b, ev-c are due tomorrow */
  n = 0;
  CHECK_INT(kioskRecordsReviewDue(p, s, T0+DAY, -1, countRow, &n, &err), 0);
  CHECK_INT(n, 3);
  n = 0;
  CHECK_INT(kioskRecordsReviewDue(p, s, T0+DAY, 2, countRow, &n, &err), 0);
  CHECK_INT(n, 2);
  /* Two due facts of one question give one review question. */
  n = 0;
  CHECK_INT(kioskRecordsReviewQuestions(p, s, T0+DAY, 10, countRow, &n,
                                        &err), 0);
  CHECK_INT(n, 2);
  /* A review attempt: a right answer on ev-a moves it to box 2. */
  CHECK_INT(startAttempt(p, s, "review", 0, 0, 1, T0+DAY,
                                     &a2, &err), KIOSK_OK);
  CHECK_INT(answer(p, a2, 0, "1", T0+DAY, &err), 0);
  CHECK_INT(queryInt(db, "SELECT box FROM review WHERE fact='ev-a'"), 2);
  CHECK_INT(queryInt(db, "SELECT qattempt FROM review WHERE fact='ev-a'"), a2);
  /* review answer outside an attempt, and state. */
  CHECK_INT(kioskRecordsReviewAnswer(p, s, "ev-b", 0, 1, T0+DAY, &err), 0);
  CHECK_INT(queryInt(db, "SELECT box FROM review WHERE fact='ev-b'"), 3);
  CHECK_STR(queryText(db, "SELECT stage FROM review WHERE fact='ev-b'"), "s1");
  CHECK_INT(kioskRecordsReviewState(p, s, "nope", 0, 0, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOFACT");
  /* Abandon */
  CHECK_INT(kioskAttemptAbandon(p, a2, T0+DAY, &err), KIOSK_OK);
  CHECK_STR(queryText(db, "SELECT status FROM attempts WHERE id=2"),
            "abandoned");
  /* No questions, bad kind, no student. */
  CHECK_INT(startAttempt(p, s, "stage", 0, 0, 0, T0, &a2,
                                     &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "QUESTION");
  CHECK_INT(startAttempt(p, 99, "stage", 0, 0, 1, T0, &a2,
                                     &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOSTUDENT");
  CHECK_INT(startAttempt(p, s, "quiz", 0, 0, 1, T0, &a2,
                                     &err), KIOSK_EARG);

  /* Lessons and progress. */
  CHECK_INT(kioskRecordsLessonRead(p, s, "s2", T0, &err), KIOSK_OK);
  CHECK_INT(kioskRecordsLessonRead(p, s, "s2", T0+5, &err), KIOSK_OK);
  CHECK_STR(queryText(db, "SELECT at FROM lessons_read"),
            "2023-11-14T22:13:20Z");
  n = 0;
  CHECK_INT(kioskRecordsProgress(p, s, countRow, &n, &err), KIOSK_OK);
  CHECK_INT(n, 2);

  /* Removing with records deleted cascades everywhere. */
  CHECK_INT(kioskRecordsStudentRemove(p, s, 0, T0, &err), KIOSK_OK);
  CHECK_INT(queryInt(db, "SELECT (SELECT count(*) FROM attempts)"
                         " + (SELECT count(*) FROM asked)"
                         " + (SELECT count(*) FROM answers)"
                         " + (SELECT count(*) FROM answer_picks)"
                         " + (SELECT count(*) FROM review)"
                         " + (SELECT count(*) FROM lessons_read)"), 0);
  kioskRecordsClose(p);
}

/* Each answer is on disk, in WAL mode, before the call returns: a second
** connection sees it while the first is still open. */
static void testDurability(void){
  const char *zPath = tmpPath("durable.db");
  KioskRecords *p;
  KioskError err;
  sqlite3_int64 s = 0, a = 0;
  sqlite3 *db2 = 0;

  kioskErrorClear(&err);
  p = openWithAttempt(zPath, &s, &a);
  if( p==0 ) return;
  CHECK_STR(queryText(kioskRecordsDb(p), "PRAGMA journal_mode"), "wal");
  CHECK_INT(queryInt(kioskRecordsDb(p), "PRAGMA synchronous"), 2);
  CHECK_INT(queryInt(kioskRecordsDb(p), "PRAGMA foreign_keys"), 1);
  CHECK_INT(answer(p, a, 0, "1", T0, &err), 0);
  CHECK_INT(sqlite3_open_v2(zPath, &db2, SQLITE_OPEN_READONLY, 0), SQLITE_OK);
  CHECK_INT(queryInt(db2, "SELECT count(*) FROM answers"), 1);
  CHECK_INT(answer(p, a, 1, "1990", T0, &err), 0);
  CHECK_INT(queryInt(db2, "SELECT count(*) FROM answers"), 2);
  sqlite3_close(db2);
  /* Closed without finishing: the next open offers the attempt. */
  kioskRecordsClose(p);
  p = 0;
  CHECK_INT(kioskRecordsOpen(zPath, 3, &p, &err), KIOSK_OK);
  if( p ){
    sqlite3_int64 u = 0;
    int n = 0;
    CHECK_INT(kioskRecordsUnfinished(p, s, &u, &err), KIOSK_OK);
    CHECK_INT(u, a);
    CHECK_INT(kioskRecordsAttemptAnswers(p, u, countRow, &n, &err), 0);
    CHECK_INT(n, 2);
    kioskRecordsClose(p);
  }
}

/* Does the file hold the bytes z anywhere? */
static int fileHolds(const char *zPath, const char *z){
  FILE *in = fopen(zPath, "rb");
  char *zBuf;
  long n, i;
  size_t nZ = strlen(z);
  int bFound = 0;
  if( in==0 ) return 0;
  fseek(in, 0, SEEK_END);
  n = ftell(in);
  fseek(in, 0, SEEK_SET);
  zBuf = malloc((size_t)n + 1);
  if( zBuf && fread(zBuf, 1, (size_t)n, in)==(size_t)n ){
    for(i=0; i+(long)nZ<=n && !bFound; i++){
      if( memcmp(zBuf+i, z, nZ)==0 ) bFound = 1;
    }
  }
  free(zBuf);
  fclose(in);
  return bFound;
}

static void testPinStored(void){
  const char *zPath = tmpPath("pin.db");
  const char *zPin = "7391-kiosk";
  KioskRecords *p = 0;
  KioskError err;
  int b = -1;
  char zWal[600];
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsPinIsSet(p, &b, &err), KIOSK_OK);
  CHECK_INT(b, 0);
  CHECK_INT(kioskRecordsPinCheck(p, zPin, &b, &err), KIOSK_OK);
  CHECK_INT(b, 0);
  CHECK_INT(kioskRecordsPinSet(p, "12", &err), KIOSK_ERECORDS);
  CHECK_STR(err.zMsg, "a PIN has 4 to 64 characters");
  CHECK_INT(kioskRecordsPinSet(p, zPin, &err), KIOSK_OK);
  CHECK_INT(kioskRecordsPinIsSet(p, &b, &err), KIOSK_OK);
  CHECK_INT(b, 1);
  CHECK_INT(kioskRecordsPinCheck(p, zPin, &b, &err), KIOSK_OK);
  CHECK_INT(b, 1);
  CHECK_INT(kioskRecordsPinCheck(p, "7391-kiosK", &b, &err), KIOSK_OK);
  CHECK_INT(b, 0);
  CHECK(strncmp(queryText(kioskRecordsDb(p), "SELECT hash FROM secrets"),
                "$y$", 3)==0);
  /* Neither the database nor its WAL holds the PIN in clear. */
  snprintf(zWal, sizeof(zWal), "%s-wal", zPath);
  CHECK(!fileHolds(zPath, zPin));
  CHECK(!fileHolds(zWal, zPin));
  CHECK(fileHolds(zWal, "$y$") || fileHolds(zPath, "$y$"));
  kioskRecordsClose(p);
  CHECK(!fileHolds(zPath, zPin));
}

/* A PIN hash from elsewhere (the class server) is stored as is, only when
** it is a yescrypt string: never a PIN, never anything crypt cannot read.
** The PIN behind it then opens the kiosk, and the throttle starts over. */
static void testPinHashSet(void){
  KioskRecords *p = 0, *pTeacher = 0;
  KioskError err;
  char *zHash = 0, *zGot = 0;
  int b = -1, bOk = -1, nTries = -1;
  long long iWait = -1;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &pTeacher, &err), KIOSK_OK);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), KIOSK_OK);
  if( p==0 || pTeacher==0 ) return;
  CHECK_INT(kioskRecordsPinHashGet(pTeacher, &zHash, &err), KIOSK_OK);
  CHECK(zHash==0);
  CHECK_INT(kioskRecordsPinSet(pTeacher, "5150", &err), KIOSK_OK);
  CHECK_INT(kioskRecordsPinHashGet(pTeacher, &zHash, &err), KIOSK_OK);
  CHECK(zHash!=0);
  if( zHash==0 ) return;
  CHECK_INT(kioskRecordsPinHashSet(p, "5150", &b, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "PINHASH");
  CHECK_INT(kioskRecordsPinHashSet(p, "$y$j9T$not\tone", &b, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "PINHASH");
  CHECK_INT(kioskRecordsPinHashSet(p, "$y$!!!!!!!!", &b, &err),
            KIOSK_ERECORDS);
  CHECK_INT(kioskRecordsPinIsSet(p, &b, &err), KIOSK_OK);
  CHECK_INT(b, 0);
  /* A wrong PIN counted under the kiosk's own PIN... */
  CHECK_INT(kioskRecordsPinSet(p, "1111", &err), KIOSK_OK);
  CHECK_INT(kioskRecordsPinTry(p, "0000", T0, &bOk, &iWait, &nTries, &err),
            KIOSK_OK);
  CHECK_INT(nTries, 1);
  /* ...then the class's hash replaces it, and the count starts over. */
  CHECK_INT(kioskRecordsPinHashSet(p, zHash, &b, &err), KIOSK_OK);
  CHECK_INT(b, 1);
  CHECK_INT(kioskRecordsPinHashSet(p, zHash, &b, &err), KIOSK_OK);
  CHECK_INT(b, 0);
  CHECK_INT(kioskRecordsPinWait(p, T0, &iWait, &nTries, &err), KIOSK_OK);
  CHECK_INT(nTries, 0);
  CHECK_INT(kioskRecordsPinCheck(p, "5150", &bOk, &err), KIOSK_OK);
  CHECK_INT(bOk, 1);
  CHECK_INT(kioskRecordsPinCheck(p, "1111", &bOk, &err), KIOSK_OK);
  CHECK_INT(bOk, 0);
  CHECK_INT(kioskRecordsPinHashGet(p, &zGot, &err), KIOSK_OK);
  CHECK_STR(zGot, zHash);
  sqlite3_free(zGot);
  sqlite3_free(zHash);
  kioskRecordsClose(p);
  kioskRecordsClose(pTeacher);
}

/* Log rows into a buffer: "kind:message;" each, newest first. */
static int logRow(void *pArg, sqlite3_stmt *pStmt){
  char *z = (char *)pArg;
  size_t n = strlen(z);
  snprintf(z+n, 1024-n, "%s:%s;", (const char *)sqlite3_column_text(pStmt, 2),
           (const char *)sqlite3_column_text(pStmt, 3));
  return 0;
}

/* The throttle on wrong PINs: escalating, kept across a reopen, cleared by
** the right PIN; wrong PINs go to the operator log. */
static void testPinThrottle(void){
  const char *zPath = tmpPath("throttle.db");
  KioskRecords *p = 0;
  KioskError err;
  long long iWait = -1, t = T0;
  int bOk = -1, nWrong = -1, i;
  char zLog[1024];
  kioskErrorClear(&err);
  CHECK_INT((int)kioskPinPause(0), 0);
  CHECK_INT((int)kioskPinPause(2), 0);
  CHECK_INT((int)kioskPinPause(3), 30);
  CHECK_INT((int)kioskPinPause(4), 60);
  CHECK_INT((int)kioskPinPause(5), 120);
  CHECK_INT((int)kioskPinPause(9), 1920);
  CHECK_INT((int)kioskPinPause(10), 3600);
  CHECK_INT((int)kioskPinPause(1000000), 3600);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  /* No PIN set: an error, not a refusal that looks like a wrong PIN. */
  CHECK_INT(kioskRecordsPinTry(p, "2468", t, &bOk, &iWait, &nWrong, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOPIN");
  CHECK_INT(kioskRecordsPinSet(p, "2468", &err), KIOSK_OK);
  for(i=1; i<=2; i++){
    CHECK_INT(kioskRecordsPinTry(p, "1111", t, &bOk, &iWait, &nWrong, &err),
              KIOSK_OK);
    CHECK_INT(bOk, 0);
    CHECK_INT(nWrong, i);
    CHECK_INT((int)iWait, 0);
  }
  CHECK_INT(kioskRecordsPinTry(p, "1111", t, &bOk, &iWait, &nWrong, &err),
            KIOSK_OK);
  CHECK_INT(nWrong, 3);
  CHECK_INT((int)iWait, 30);
  /* During the pause even the right PIN is refused, unchecked, uncounted. */
  CHECK_INT(kioskRecordsPinTry(p, "2468", t+10, &bOk, &iWait, &nWrong, &err),
            KIOSK_OK);
  CHECK_INT(bOk, 0);
  CHECK_INT((int)iWait, 20);
  CHECK_INT(nWrong, 3);
  /* A restart keeps the pause and the count. */
  kioskRecordsClose(p);
  p = 0;
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsPinWait(p, t+10, &iWait, &nWrong, &err), KIOSK_OK);
  CHECK_INT((int)iWait, 20);
  CHECK_INT(nWrong, 3);
  t += 30;
  CHECK_INT(kioskRecordsPinTry(p, "1112", t, &bOk, &iWait, &nWrong, &err),
            KIOSK_OK);
  CHECK_INT(nWrong, 4);
  CHECK_INT((int)iWait, 60);
  zLog[0] = 0;
  CHECK_INT(kioskRecordsLogList(p, 2, logRow, zLog, &err), KIOSK_OK);
  CHECK_STR(zLog, "pin:wrong PIN (4 in a row); PINs refused for 60 s;"
                  "pin:wrong PIN (3 in a row); PINs refused for 30 s;");
  t += 60;
  CHECK_INT(kioskRecordsPinTry(p, "2468", t, &bOk, &iWait, &nWrong, &err),
            KIOSK_OK);
  CHECK_INT(bOk, 1);
  CHECK_INT(nWrong, 0);
  CHECK_INT(kioskRecordsPinWait(p, t, &iWait, &nWrong, &err), KIOSK_OK);
  CHECK_INT(nWrong, 0);
  CHECK_INT((int)iWait, 0);
  /* Setting a new PIN clears a pause. */
  for(i=0; i<3; i++){
    kioskRecordsPinTry(p, "0000", t, &bOk, &iWait, &nWrong, &err);
  }
  CHECK_INT((int)iWait, 30);
  CHECK_INT(kioskRecordsPinSet(p, "1357", &err), KIOSK_OK);
  CHECK_INT(kioskRecordsPinWait(p, t, &iWait, &nWrong, &err), KIOSK_OK);
  CHECK_INT((int)iWait, 0);
  CHECK_INT(nWrong, 0);
  /* The log takes any message and checks its kind. */
  CHECK_INT(kioskRecordsLog(p, t, "desk", "desk opened", &err), KIOSK_OK);
  CHECK_INT(kioskRecordsLog(p, t, "", "x", &err), KIOSK_EARG);
  CHECK_INT(kioskRecordsLog(p, t, "seventeen-chars-x", "x", &err), KIOSK_EARG);
  zLog[0] = 0;
  CHECK_INT(kioskRecordsLogList(p, 1, logRow, zLog, &err), KIOSK_OK);
  CHECK_STR(zLog, "desk:desk opened;");
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(*) FROM oplog"), 8);
  kioskRecordsClose(p);
}

/* A version 3 database (before the throttle, the log and the outbox) is
** migrated in place to the same schema a new one gets, its data kept.
** (Versions 1, 2 and 4 to the latest: test-attempt.c.) */
static void testMigrate(void){
  const char *zOld = tmpPath("v3.db"), *zNew = tmpPath("v4.db");
  KioskRecords *p = 0;
  KioskError err;
  sqlite3 *db = 0;
  sqlite3_int64 iId = 0;
  char *zSql;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(zOld, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", T0, &iId, &err), KIOSK_OK);
  kioskRecordsClose(p);
  p = 0;
  /* Make it a version 3 file, as the kiosk wrote them before. */
  CHECK_INT(sqlite3_open(zOld, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "DROP TABLE pin_throttle; DROP TABLE oplog;"
                         " DROP TRIGGER outbox_attempt;"
                         " DROP TRIGGER outbox_answer; DROP TRIGGER outbox_end;"
                         " DROP TRIGGER outbox_asked; DROP TRIGGER outbox_leave;"
                         " DROP TABLE class_packs;"
                         " DROP TRIGGER outbox_lesson;"
                         " DROP TRIGGER outbox_review_new;"
                         " DROP TRIGGER outbox_review; DROP TABLE outbox;"
                         " PRAGMA user_version=3", 0, 0, 0), SQLITE_OK);
  sqlite3_close(db);
  CHECK_INT(kioskRecordsOpen(zOld, 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "PRAGMA user_version"),
            KIOSK_RECORDS_SCHEMA_VERSION);
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(*) FROM students"), 1);
  CHECK_INT(kioskRecordsLog(p, T0, "desk", "opened", &err), KIOSK_OK);
  kioskRecordsClose(p);
  p = 0;
  CHECK_INT(kioskRecordsOpen(zNew, 0, &p, &err), KIOSK_OK);
  kioskRecordsClose(p);
  /* The same schema as a new file, up to white space and comments' absence:
  ** both sides' statements compared without spaces and line breaks. */
  CHECK_INT(sqlite3_open(zOld, &db), SQLITE_OK);
  zSql = sqlite3_mprintf("ATTACH %Q AS n", zNew);
  CHECK_INT(sqlite3_exec(db, zSql, 0, 0, 0), SQLITE_OK);
  sqlite3_free(zSql);
  CHECK_INT((int)queryInt(db,
      "WITH a AS (SELECT name, replace(replace(sql, ' ', ''), char(10), '') s"
      "  FROM main.sqlite_schema WHERE sql IS NOT NULL),"
      " b AS (SELECT name, replace(replace(sql, ' ', ''), char(10), '') s"
      "  FROM n.sqlite_schema WHERE sql IS NOT NULL)"
      " SELECT (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b))"
      " + (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a))"), 0);
  CHECK_INT((int)queryInt(db, "SELECT count(*) FROM n.sqlite_schema"
                          " WHERE name IN ('oplog', 'pin_throttle')"), 2);
  sqlite3_close(db);
}

/* ---- schema 6: explanations and answers in pieces ---- */

/* Three choice questions on one happening, as the generator asks them:
** the same stem, other wrong options drawn, so each explanation and
** answer differs only in its list of the others; and a fourth whose
** explanation has quotes, escapes, non-ASCII text and ends in ". ". */
static void makePieceQuiz(KioskQuiz *pQuiz){
  static const char *const azWrong[3][2] = {
    { "A (1991)", "B (1993)" }, { "A (1991)", "C (2004)" },
    { "C (2004)", "B (1993)" },
  };
  int i;
  for(i=0; i<4; i++){
    KioskQuestion *q = kioskQuestionNew();
    q->zId = kioskStrDup(i<3 ? "gen:date-choice:ev-x" : "gen:why:ev-y");
    q->eKind = KQ_CHOICE;
    q->zTopic = kioskStrDup("date");
    q->zStage = kioskStrDup("s1");
    q->zPrompt = kioskStrDup(i<3 ? "Which came in 1992?" : "Why?");
    if( i<3 ){
      kioskQuestionAddOption(q, "X", 1.0, 0, 0);
      kioskQuestionAddOption(q, azWrong[i][0], 0.0, 0, 0);
      kioskQuestionAddOption(q, azWrong[i][1], 0.0, 0, 0);
      q->zExplain = sqlite3_mprintf("It was \xe2\x80\x9cX\xe2\x80\x9d. It"
          " came first. The others came at other times: %s; %s.",
          azWrong[i][0], azWrong[i][1]);
      q->zAnswer = sqlite3_mprintf("X; %s; %s", azWrong[i][0],
                                   azWrong[i][1]);
    }else{
      kioskQuestionAddOption(q, "Because \"so\"; then.", 1.0, 0, 0);
      kioskQuestionAddOption(q, "No", 0.0, 0, 0);
      q->zExplain = sqlite3_mprintf("Said \"so\"; a\\b.\tTab. "
                                    "\xc3\xa9t\xc3\xa9; end. ");
    }
    kioskQuestionAddFact(q, i<3 ? "ev-x" : "ev-y");
    kioskQuizAppend(pQuiz, q);
  }
}

/* Every question of attempt iAttempt as JSON, by the C reader and by
** kiosk_question, each against azWant (NULL: fill azWant). */
static void checkAsked(KioskRecords *p, sqlite3_int64 iAttempt, int n,
                       char **azWant){
  KioskError err;
  int i;
  kioskErrorClear(&err);
  for(i=0; i<n; i++){
    char *zJson = 0, *zSql;
    CHECK_INT(kioskRecAskedJson(p, iAttempt, i, &zJson, &err), KIOSK_OK);
    if( zJson==0 ) continue;
    zSql = sqlite3_mprintf("SELECT kiosk_question(question, parts) FROM asked"
                           " WHERE attempt=%lld AND idx=%d",
                           (long long)iAttempt, i);
    CHECK_STR(queryText(kioskRecordsDb(p), zSql), zJson);
    sqlite3_free(zSql);
    if( azWant[i]==0 ){
      azWant[i] = zJson;
    }else{
      CHECK_STR(zJson, azWant[i]);
      sqlite3_free(zJson);
    }
  }
}

/* A text's pieces are one row whatever the combinations that share them,
** and every question reads back as the JSON it was written as. */
static void testPieces(void){
  const char *zPath = tmpPath("pieces.db");
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec;
  sqlite3_int64 iStudent = 0, iAttempt = 0, iAgain = 0;
  char *azWant[4] = { 0, 0, 0, 0 };
  long long nText;
  int i;
  kioskErrorClear(&err);
  memset(&quiz, 0, sizeof(quiz));
  memset(&spec, 0, sizeof(spec));
  spec.zKind = "stage";
  spec.zStage = "s1";
  spec.rPassMark = -1;
  makePieceQuiz(&quiz);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ){ kioskQuizReset(&quiz); return; }
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", T0, &iStudent, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptStart(p, iStudent, &spec, &quiz, T0, &iAttempt,
                              &err), KIOSK_OK);
  /* Nothing lost: each question read back is the question written. */
  for(i=0; i<4; i++){
    KioskQuestion *q = 0;
    char *zGot, *zWant;
    CHECK_INT(kioskRecAskedGet(p, iAttempt, i, &q, &err), KIOSK_OK);
    if( q==0 ) continue;
    zGot = kioskQuestionToJson(q, KIOSK_QJSON_KEY);
    zWant = kioskQuestionToJson(quiz.apQuestion[i], KIOSK_QJSON_KEY);
    CHECK_STR(zGot, zWant);
    sqlite3_free(zGot);
    sqlite3_free(zWant);
    kioskQuestionFree(q);
  }
  checkAsked(p, iAttempt, 4, azWant);
  /* The lead sentence is one row for the three explanations; the ones
  ** with "; " or ". " are in pieces, the options whole. */
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(*) FROM qtexts"
      " WHERE body='\"It was \xe2\x80\x9cX\xe2\x80\x9d. '"), 1);
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(*) FROM qtexts"
      " WHERE body='A (1991); '"), 1);
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(DISTINCT t.id)"
      " FROM asked k, json_each(k.parts) e JOIN qtexts t ON t.id=e.value"
      " WHERE e.key IN ('explain', 'answer') AND t.body GLOB '+[0-9]*'"), 7);
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(*) FROM asked_options"
      " WHERE text IS NULL"), 0);
  /* Asked again: nothing new is stored. */
  nText = queryInt(kioskRecordsDb(p), "SELECT count(*) FROM qtexts");
  CHECK_INT(kioskAttemptStart(p, iStudent, &spec, &quiz, T0+60, &iAgain,
                              &err), KIOSK_OK);
  CHECK_INT((int)queryInt(kioskRecordsDb(p), "SELECT count(*) FROM qtexts"),
            (int)nText);
  checkAsked(p, iAgain, 4, azWant);
  kioskRecordsClose(p);
  for(i=0; i<4; i++) sqlite3_free(azWant[i]);
  kioskQuizReset(&quiz);
}

/* 64-bit FNV-1a, as recquestion.c hashes a text (for a schema 5 file). */
static sqlite3_int64 fnv(const char *z){
  sqlite3_uint64 h = 0xcbf29ce484222325ULL;
  for(; *z; z++){
    h ^= (unsigned char)*z;
    h *= 0x100000001b3ULL;
  }
  return (sqlite3_int64)h;
}

/* Make the schema 6 file zPath a schema 5 one, as the kiosk wrote them:
** every text whole (its pieces joined, hashed as a whole), no pieces. */
static void makeV5(const char *zPath){
  sqlite3 *db = 0;
  sqlite3_stmt *pRow = 0, *pSet = 0;
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "BEGIN", 0, 0, 0), SQLITE_OK);
  CHECK_INT(sqlite3_prepare_v2(db, "SELECT t.id, (SELECT group_concat(b, '')"
      " FROM (SELECT (SELECT body FROM qtexts WHERE id=CAST(value AS INTEGER))"
      "  AS b FROM json_each('[' || replace(substr(t.body, 2), '+', ',')"
      "  || ']') ORDER BY key)) FROM qtexts t WHERE t.body GLOB '+[0-9]*'",
      -1, &pRow, 0), SQLITE_OK);
  CHECK_INT(sqlite3_prepare_v2(db, "UPDATE qtexts SET hash=?2, body=?3"
                               " WHERE id=?1", -1, &pSet, 0), SQLITE_OK);
  while( sqlite3_step(pRow)==SQLITE_ROW ){
    const char *zWhole = (const char *)sqlite3_column_text(pRow, 1);
    sqlite3_reset(pSet);
    sqlite3_bind_int64(pSet, 1, sqlite3_column_int64(pRow, 0));
    sqlite3_bind_int64(pSet, 2, fnv(zWhole));
    sqlite3_bind_text(pSet, 3, zWhole, -1, SQLITE_TRANSIENT);
    CHECK_INT(sqlite3_step(pSet), SQLITE_DONE);
  }
  sqlite3_finalize(pRow);
  sqlite3_finalize(pSet);
  CHECK_INT(sqlite3_exec(db, "DELETE FROM qtexts WHERE id NOT IN"
      " (SELECT e.value FROM asked k, json_each(k.parts) e"
      "  WHERE e.key IN ('explain', 'answer')"
      "  UNION SELECT o.value FROM asked k, json_each(k.parts) e,"
      "  json_each(e.value) o WHERE e.key IN ('options', 'pairs'));"
      " PRAGMA user_version=5; COMMIT", 0, 0, 0), SQLITE_OK);
  CHECK_INT((int)queryInt(db, "SELECT count(*) FROM qtexts"
                          " WHERE body GLOB '+*'"), 0);
  sqlite3_close(db);
}

/* A schema 5 file is migrated to 6 in place: every question reads back
** as before, the texts are in pieces, no answer lost, and what the kiosk
** writes next finds the migrated rows. A migration that fails leaves the
** file at schema 5, as it was. */
static void testMigratePieces(void){
  const char *zPath = tmpPath("v5.db");
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  KioskAttemptSpec spec;
  sqlite3 *db = 0;
  sqlite3_int64 iStudent = 0, iAttempt = 0, iNext = 0;
  char *azWant[4] = { 0, 0, 0, 0 };
  char *zBefore;
  long long nText;
  int i;
  kioskErrorClear(&err);
  memset(&quiz, 0, sizeof(quiz));
  memset(&spec, 0, sizeof(spec));
  spec.zKind = "stage";
  spec.zStage = "s1";
  spec.rPassMark = -1;
  makePieceQuiz(&quiz);
  unlink(zPath);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ){ kioskQuizReset(&quiz); return; }
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", T0, &iStudent, &err), KIOSK_OK);
  CHECK_INT(kioskAttemptStart(p, iStudent, &spec, &quiz, T0, &iAttempt,
                              &err), KIOSK_OK);
  for(i=0; i<4; i++){
    CHECK_INT(answer(p, iAttempt, i, "0", T0+10+i, &err), KIOSK_OK);
  }
  kioskRecordsClose(p);
  p = 0;
  makeV5(zPath);
  /* What schema 5 reads: the JSON every question must read back as. */
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_INT(kioskRecRegisterFunctions(db), SQLITE_OK);
  for(i=0; i<4; i++){
    char *zSql = sqlite3_mprintf("SELECT kiosk_question(question, parts)"
                                 " FROM asked WHERE attempt=%lld AND idx=%d",
                                 (long long)iAttempt, i);
    azWant[i] = sqlite3_mprintf("%s", queryText(db, zSql));
    CHECK(strstr(azWant[i], "\"options\":[{")!=0);
    sqlite3_free(zSql);
  }
  sqlite3_close(db);

  /* A migration that fails (here a trigger refuses the change) rolls
  ** back: schema 5, every text whole, as it was. */
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "CREATE TRIGGER refuse BEFORE UPDATE ON qtexts"
                         " BEGIN SELECT RAISE(ABORT, 'refused'); END", 0, 0,
                         0), SQLITE_OK);
  zBefore = sqlite3_mprintf("%s", queryText(db, "SELECT group_concat(id ||"
                            " ':' || body, '|') FROM qtexts"));
  sqlite3_close(db);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_EDB);
  CHECK_STR(err.zCode, "MIGRATE");
  CHECK(p==0);
  CHECK_INT(sqlite3_open(zPath, &db), SQLITE_OK);
  CHECK_INT((int)queryInt(db, "PRAGMA user_version"), 5);
  CHECK_STR(queryText(db, "SELECT group_concat(id || ':' || body, '|')"
                      " FROM qtexts"), zBefore);
  CHECK_INT((int)queryInt(db, "SELECT count(*) FROM answers"), 4);
  CHECK_INT(sqlite3_exec(db, "DROP TRIGGER refuse", 0, 0, 0), SQLITE_OK);
  sqlite3_close(db);
  sqlite3_free(zBefore);

  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(zPath, 0, &p, &err), KIOSK_OK);
  if( p==0 ){ kioskQuizReset(&quiz); return; }
  db = kioskRecordsDb(p);
  CHECK_INT((int)queryInt(db, "PRAGMA user_version"),
            KIOSK_RECORDS_SCHEMA_VERSION);
  CHECK_INT((int)queryInt(db, "SELECT count(*) FROM answers"), 4);
  checkAsked(p, iAttempt, 4, azWant);
  CHECK_INT((int)queryInt(db, "SELECT count(DISTINCT t.id)"
      " FROM asked k, json_each(k.parts) e JOIN qtexts t ON t.id=e.value"
      " WHERE e.key IN ('explain', 'answer') AND t.body GLOB '+[0-9]*'"), 7);
  CHECK_INT((int)queryInt(db, "PRAGMA foreign_key_check"), -1);
  /* The same questions asked after the migration store nothing new:
  ** the migrated rows are found by content. */
  nText = queryInt(db, "SELECT count(*) FROM qtexts");
  CHECK_INT(kioskAttemptStart(p, iStudent, &spec, &quiz, T0+60, &iNext,
                              &err), KIOSK_OK);
  CHECK_INT((int)queryInt(db, "SELECT count(*) FROM qtexts"), (int)nText);
  checkAsked(p, iNext, 4, azWant);
  kioskRecordsClose(p);
  for(i=0; i<4; i++) sqlite3_free(azWant[i]);
  kioskQuizReset(&quiz);
}

/* A minimal RFC 4180 reader: the next field of *pz into zOut. Returns 1
** when the field ended its line (or the input), 0 when a comma followed. */
static int csvNext(const char **pz, char *zOut, size_t nOut){
  const char *z = *pz;
  size_t n = 0;
  int bEnd;
  if( *z=='"' ){
    for(z++; *z; z++){
      if( *z=='"' ){
        if( z[1]=='"' ){ z++; }else{ z++; break; }
      }
      if( n+1<nOut ) zOut[n++] = *z;
    }
  }else{
    for(; *z && *z!=',' && *z!='\n'; z++){
      if( n+1<nOut ) zOut[n++] = *z;
    }
  }
  zOut[n] = 0;
  bEnd = *z!=',';
  if( *z ) z++;
  *pz = z;
  return bEnd;
}

static void testExport(void){
  const char *zPath = tmpPath("export.db");
  const char *zCsv = tmpPath("export.csv");
  KioskRecords *p;
  KioskError err;
  sqlite3_int64 s = 0, a = 0, s2 = 0, a2 = 0;
  sqlite3_stmt *pStmt = 0;
  FILE *in;
  char *zText = 0, zField[512];
  const char *z;
  long nText;
  int nRow = 0, nSeen = 0, bOk = 1, nCol, i;

  kioskErrorClear(&err);
  p = openWithAttempt(zPath, &s, &a);
  if( p==0 ) return;
  CHECK_INT(answer(p, a, 0, "2", T0, &err), 0);
  CHECK_INT(answer(p, a, 1, "19,92 \"x\"\nline", T0,
                               &err), 0);
  CHECK_INT(kioskRecordsStudentAdd(p, "Bob, \"the\" builder", T0, &s2, &err), 0);
  CHECK_INT(startAttempt(p, s2, "pack", "pk", 0, 2, T0, &a2,
                                     &err), 0);
  CHECK_INT(answer(p, a2, 1, "1992", T0, &err), 0);
  /* raw: every value as stored, for scripts */
  CHECK_INT(kioskRecordsExportFileAs(p, 0, 1, zCsv, &nRow, &err), KIOSK_OK);
  CHECK_INT(nRow, 3);

  in = fopen(zCsv, "rb");
  CHECK(in!=0);
  if( in==0 ) goto done;
  fseek(in, 0, SEEK_END);
  nText = ftell(in);
  fseek(in, 0, SEEK_SET);
  zText = calloc(1, (size_t)nText+1);
  if( fread(zText, 1, (size_t)nText, in)!=(size_t)nText ) bOk = 0;
  fclose(in);
  CHECK(bOk);
  z = zText;
  /* Header */
  while( !csvNext(&z, zField, sizeof(zField)) ){}
  /* Every row equals the database's row, field by field. */
  if( sqlite3_prepare_v2(kioskRecordsDb(p),
        "SELECT a.id, a.student, s.name, a.kind, a.pack, a.stage, a.started,"
        " a.finished, a.status, n.idx, q.qid, q.topic,"
        " (SELECT group_concat(value, ' ') FROM (SELECT value FROM"
        "   json_each(q.body, '$.facts') ORDER BY value)),"
        " q.prompt, n.answer, n.correct, n.credit, n.points, n.answered"
        " FROM answers n JOIN asked_questions q USING(attempt, idx)"
        " JOIN attempts a ON a.id=n.attempt JOIN students s ON s.id=a.student"
        " ORDER BY n.attempt, n.idx", -1, &pStmt, 0)!=SQLITE_OK ){
    CHECK(0);
    goto done;
  }
  nCol = sqlite3_column_count(pStmt);
  CHECK_INT(nCol, 19);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    nSeen++;
    for(i=0; i<nCol; i++){
      const char *zDb = (const char *)sqlite3_column_text(pStmt, i);
      int bEnd = csvNext(&z, zField, sizeof(zField));
      CHECK_STR(zField, zDb ? zDb : "");
      CHECK_INT(bEnd, i==nCol-1);
    }
  }
  sqlite3_finalize(pStmt);
  CHECK_INT(nSeen, 3);
  CHECK_INT(*z, 0);
  {
    KioskRecFilter f;
    memset(&f, 0, sizeof(f));
    f.zPack = "pk";
    CHECK_INT(kioskRecordsExportFile(p, &f, zCsv, &nRow, &err), KIOSK_OK);
    CHECK_INT(nRow, 1);
  }
  CHECK_INT(kioskRecordsExportFile(p, 0, "/nonexistent/dir/x.csv", &nRow,
                                   &err), KIOSK_EIO);
  CHECK_STR(err.zCode, "WRITE");

done:
  free(zText);
  kioskRecordsClose(p);
}

typedef struct Items { int nRow; char zLast[256]; } Items;
static int itemRow(void *pArg, sqlite3_stmt *pStmt){
  Items *p = (Items *)pArg;
  int i;
  size_t n = 0;
  p->nRow++;
  p->zLast[0] = 0;
  for(i=1; i<sqlite3_column_count(pStmt) && n<sizeof(p->zLast)-1; i++){
    const char *z = (const char *)sqlite3_column_text(pStmt, i);
    n += (size_t)snprintf(p->zLast+n, sizeof(p->zLast)-n, "%s%s",
                          i>1 ? "|" : "", z ? z : "");
  }
  return 0;
}

static void testItems(void){
  KioskRecords *p;
  KioskError err;
  sqlite3_int64 s = 0, a = 0, s2 = 0, a2 = 0, s3 = 0, a3 = 0;
  Items it;

  kioskErrorClear(&err);
  p = openWithAttempt(":memory:", &s, &a);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsStudentAdd(p, "B", T0, &s2, &err), 0);
  CHECK_INT(kioskRecordsStudentAdd(p, "C", T0, &s3, &err), 0);
  CHECK_INT(startAttempt(p, s2, "stage", 0, "s1", 2, T0, &a2,
                                     &err), 0);
  CHECK_INT(startAttempt(p, s3, "stage", 0, "s1", 2, T0, &a3,
                                     &err), 0);
  CHECK_INT(answer(p, a, 0, "2", T0, &err), 0);
  CHECK_INT(answer(p, a2, 0, "2", T0, &err), 0);
  CHECK_INT(answer(p, a3, 0, "1", T0, &err), 0);
  CHECK_INT(answer(p, a, 1, "1990", T0, &err), 0);
  CHECK_INT(answer(p, a2, 1, "1990", T0, &err), 0);
  CHECK_INT(answer(p, a3, 1, "1985", T0, &err), 0);

  memset(&it, 0, sizeof(it));
  CHECK_INT(kioskRecordsItems(p, 0, KIOSK_ITEMS_QUESTIONS, itemRow, &it,
                              &err), 0);
  CHECK_INT(it.nRow, 2);
  CHECK_STR(it.zLast, "year|date|s1|Which year?|3|0|0.0");
  memset(&it, 0, sizeof(it));
  CHECK_INT(kioskRecordsItems(p, 0, KIOSK_ITEMS_OPTIONS, itemRow, &it,
                              &err), 0);
  CHECK_INT(it.nRow, 3);
  CHECK_STR(it.zLast, "1993, or later|0.0|2");
  memset(&it, 0, sizeof(it));
  CHECK_INT(kioskRecordsItems(p, 0, KIOSK_ITEMS_WRONG, itemRow, &it, &err), 0);
  CHECK_INT(it.nRow, 2);
  CHECK_STR(it.zLast, "1985|1");
  CHECK_INT(kioskRecordsItems(p, 0, 7, itemRow, &it, &err), KIOSK_EARG);
  kioskRecordsClose(p);
}

static void testSettingsPacks(void){
  KioskRecords *p = 0;
  KioskError err;
  char *z = 0;
  int n = 0;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), KIOSK_OK);
  if( p==0 ) return;
  CHECK_INT(kioskRecordsSettingGet(p, "idle-timeout", &z, &err), 0);
  CHECK_STR(z, "180");
  sqlite3_free(z);
  CHECK_INT(kioskRecordsSettingSet(p, "idle-timeout", "0", &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "SETTING");
  CHECK_INT(kioskRecordsSettingSet(p, "idle-timeout", "12x", &err),
            KIOSK_ERECORDS);
  CHECK_INT(kioskRecordsSettingSet(p, "idle-timeout", "99999999999", &err),
            KIOSK_ERECORDS);
  CHECK_INT(kioskRecordsSettingSet(p, "idle-timeout", "2", &err), 0);
  CHECK_INT(kioskRecordsSettingGet(p, "idle-timeout", &z, &err), 0);
  CHECK_STR(z, "2");
  sqlite3_free(z);
  CHECK_INT(kioskRecordsSettingSet(p, "kiosk-lock", "off", &err), 0);
  CHECK_INT(kioskRecordsSettingGet(p, "kiosk-lock", &z, &err), 0);
  CHECK_STR(z, "0");
  sqlite3_free(z);
  CHECK_INT(kioskRecordsSettingSet(p, "kiosk-lock", "maybe", &err),
            KIOSK_ERECORDS);
  CHECK_INT(kioskRecordsSettingSet(p, "theme", "High Contrast", &err),
            KIOSK_ERECORDS);
  CHECK_INT(kioskRecordsSettingSet(p, "Bad Key", "x", &err), KIOSK_ERECORDS);
  CHECK_INT(kioskRecordsSettingSet(p, "ui.lang", "fr", &err), 0);
  CHECK_INT(kioskRecordsSettingGet(p, "nothing", &z, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOSETTING");
  CHECK(z==0);
  CHECK_INT(kioskRecordsSettings(p, countRow, &n, &err), 0);
  CHECK_INT(n, 4);

  CHECK_INT(kioskRecordsPackInstall(p, "p1", "One", "text", T0, &err), 0);
  CHECK_INT(kioskRecordsPackInstall(p, "p2", "Two", "text", T0, &err), 0);
  CHECK_INT(kioskRecordsPackActivate(p, "p1", &err), 0);
  CHECK_INT(kioskRecordsPackActivate(p, "p2", &err), 0);
  CHECK_INT(kioskRecordsPackActive(p, &z, &err), 0);
  CHECK_STR(z, "p2");
  sqlite3_free(z);
  CHECK_INT(kioskRecordsPackActivate(p, "p9", &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "NOPACK");
  CHECK(sqlite3_get_autocommit(kioskRecordsDb(p)));
  CHECK_INT(kioskRecordsPackActive(p, &z, &err), 0);
  CHECK_STR(z, "p2");         /* a failed activation changes nothing */
  sqlite3_free(z);
  /* Reinstalling keeps the active flag. */
  CHECK_INT(kioskRecordsPackInstall(p, "p2", "Two v2", "new", T0, &err), 0);
  CHECK_INT(kioskRecordsPackActive(p, &z, &err), 0);
  CHECK_STR(z, "p2");
  sqlite3_free(z);
  CHECK_INT(kioskRecordsPackRemove(p, "p2", &err), 0);
  CHECK_INT(kioskRecordsPackActive(p, &z, &err), 0);
  CHECK_STR(z, "");
  sqlite3_free(z);
  CHECK_INT(kioskRecordsPackRemove(p, "p2", &err), KIOSK_ERECORDS);
  kioskRecordsClose(p);
}

static void writeFile(const char *zPath, const char *z, size_t n){
  FILE *out = fopen(zPath, "wb");
  if( out ){
    fwrite(z, 1, n, out);
    fclose(out);
  }
}

static int fileExists(const char *zPath){
  return access(zPath, F_OK)==0;
}

static void testCorrupt(void){
  const char *zPath = tmpPath("corrupt.db");
  const char *zGarbage = "this is not a database, it is a student's essay\n";
  KioskRecords *p = 0;
  KioskError err;
  char *zAt;
  int i;

  kioskErrorClear(&err);
  /* Not a database at all. */
  {
    char zBig[8192];
    for(i=0; i<(int)sizeof(zBig); i++) zBig[i] = zGarbage[i % 48];
    writeFile(zPath, zBig, sizeof(zBig));
  }
  /* Not ours: refused and left exactly where and as it is. */
  CHECK_INT(kioskRecordsOpen(zPath, 3, &p, &err), KIOSK_ERECORDS);
  CHECK(p==0);
  CHECK_STR(err.zCode, "FOREIGN");
  CHECK_STR(err.zFile, zPath);
  CHECK_STR(err.zMsg, "this is a file that is not an SQLite database, not a "
            "kiosk records database; left as it is");
  CHECK(fileHolds(zPath, "student's essay"));
  CHECK(!fileExists(tmpPath("corrupt.db-wal")));
  unlink(zPath);
  /* Opening again starts afresh. */
  CHECK_INT(kioskRecordsOpen(zPath, 3, &p, &err), KIOSK_OK);

  /* A real records database with a damaged page. */
  if( p ){
    sqlite3_int64 s = 0;
    char zName[32];
    for(i=0; i<300; i++){
      snprintf(zName, sizeof(zName), "Student %d", i);
      kioskRecordsStudentAdd(p, zName, T0, &s, &err);
    }
    kioskRecordsClose(p);
    p = 0;
  }
  {
    FILE *f = fopen(zPath, "r+b");
    CHECK(f!=0);
    if( f ){
      char zJunk[4096];
      memset(zJunk, 0x5a, sizeof(zJunk));
      /* Page 3 onwards (page size 4096): table/index b-tree pages. */
      fseek(f, 2*4096, SEEK_SET);
      fwrite(zJunk, 1, sizeof(zJunk), f);
      fclose(f);
    }
  }
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(zPath, 3, &p, &err), KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "CORRUPT");
  CHECK(strstr(err.zMsg, "moved aside to ")!=0);
  CHECK(!fileExists(zPath));
  zAt = strstr(err.zMsg, "; moved aside to ");
  if( zAt ) unlink(zAt+17);

  /* A newer schema and a foreign database are refused, not moved. */
  {
    sqlite3 *db = 0;
    const char *zNew = tmpPath("newer.db");
    CHECK_INT(kioskRecordsOpen(zNew, 0, &p, &err), KIOSK_OK);
    kioskRecordsClose(p);
    p = 0;
    sqlite3_open(zNew, &db);
    sqlite3_exec(db, "PRAGMA user_version=99", 0, 0, 0);
    sqlite3_close(db);
    CHECK_INT(kioskRecordsOpen(zNew, 0, &p, &err), KIOSK_ERECORDS);
    CHECK_STR(err.zCode, "VERSION");
    CHECK(strstr(err.zMsg, "schema version 99")!=0);
    CHECK(fileExists(zNew));
    zNew = tmpPath("course.db");
    sqlite3_open(zNew, &db);
    sqlite3_exec(db, "CREATE TABLE stages(id); PRAGMA user_version=1", 0, 0, 0);
    sqlite3_close(db);
    CHECK_INT(kioskRecordsOpen(zNew, 0, &p, &err), KIOSK_ERECORDS);
    CHECK_STR(err.zCode, "FOREIGN");
    CHECK_STR(err.zMsg, "this is an SQLite database of another program, not "
              "a kiosk records database; left as it is");
  }
}

/* Give student zName (added) one attempt with two answers at iNow. */
static void addAnswers(KioskRecords *p, const char *zName, long long iNow){
  KioskError err;
  sqlite3_int64 s = 0, a = 0;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsStudentAdd(p, zName, iNow, &s, &err), 0);
  CHECK_INT(startAttempt(p, s, "stage", 0, "s1", 2, iNow, &a, &err), 0);
  CHECK_INT(answer(p, a, 0, "1", iNow, &err), 0);
  CHECK_INT(answer(p, a, 1, "1991", iNow, &err), 0);
}

/* The most answers any backup of zPath holds, and how many there are. */
static long long bestBackup(const char *zPath, int *pn){
  KioskBackupInfo *a = 0;
  KioskError err;
  long long nBest = -1;
  int n = 0, i;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsBackupList(zPath, &a, &n, &err), 0);
  for(i=0; i<n; i++) if( a[i].nAnswer>nBest ) nBest = a[i].nAnswer;
  kioskRecordsBackupListFree(a, n);
  if( pn ) *pn = n;
  return nBest;
}

/* Open at iNow (backing up) and close, as a kiosk start or an install
** does. */
static void restart(const char *zPath, long long iNow){
  KioskRecords *p = 0;
  KioskError err;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpenAt(zPath, zPath ? 3 : 0, 0, iNow, &p, &err), 0);
  kioskRecordsClose(p);
}

static void testBackups(void){
  char zPath[512];
  KioskRecords *p = 0;
  KioskError err;
  KioskBackupInfo *a = 0;
  sqlite3_int64 s = 0;
  char zName[16], *zBak = 0;
  sqlite3 *db = 0;
  int i, n = 0;
  struct stat st;

  snprintf(zPath, sizeof(zPath), "%s", tmpPath("rot.db"));
  kioskErrorClear(&err);
  /* A new database has nothing to back up; each later open backs up,
  ** named for its time and answer count. */
  for(i=0; i<4; i++){
    CHECK_INT(kioskRecordsOpenAt(zPath, 2, 0, T0+i*60, &p, &err), KIOSK_OK);
    if( p==0 ) return;
    snprintf(zName, sizeof(zName), "S%d", i);
    CHECK_INT(kioskRecordsStudentAdd(p, zName, T0, &s, &err), 0);
    kioskRecordsClose(p);
    p = 0;
  }
  /* nBackup 2: the newest two (the day's newest is one of them) */
  CHECK(!fileExists(tmpPath("rot.db.bak.20231114T221420Z.0")));
  CHECK(fileExists(tmpPath("rot.db.bak.20231114T221520Z.0")));
  CHECK(fileExists(tmpPath("rot.db.bak.20231114T221620Z.0")));
  CHECK_INT(kioskRecordsBackupList(zPath, &a, &n, &err), 0);
  CHECK_INT(n, 2);
  if( n==2 ){
    CHECK_INT(a[0].iTime, T0+180);
    CHECK_INT(a[1].iTime, T0+120);
    CHECK_INT(a[0].nAnswer, 0);
    /* the newest is the state at the last open (3 students), sound */
    sqlite3_open_v2(a[0].zPath, &db, SQLITE_OPEN_READONLY, 0);
    CHECK_INT(queryInt(db, "SELECT count(*) FROM students"), 3);
    CHECK_STR(queryText(db, "PRAGMA integrity_check"), "ok");
    sqlite3_close(db);
    /* private, whatever the umask */
    CHECK(stat(a[0].zPath, &st)==0 && (st.st_mode & 0777)==0600);
  }
  kioskRecordsBackupListFree(a, n);
  /* An explicit backup returns its path; the same second twice gets -2. */
  CHECK_INT(kioskRecordsOpenAt(zPath, 2, KIOSK_RECORDS_DEFER_BACKUP, T0+600,
                               &p, &err), KIOSK_OK);
  if( p ){
    CHECK_INT(kioskRecordsBackupAt(p, T0+600, &zBak, &err), KIOSK_OK);
    CHECK_STR(zBak, tmpPath("rot.db.bak.20231114T222320Z.0"));
    sqlite3_free(zBak);
    CHECK_INT(kioskRecordsBackupAt(p, T0+600, &zBak, &err), KIOSK_OK);
    CHECK_STR(zBak, tmpPath("rot.db.bak.20231114T222320Z-2.0"));
    sqlite3_free(zBak);
    kioskRecordsClose(p);
  }
  /* A backed-up copy opens as records. */
  p = 0;
  CHECK_INT(kioskRecordsOpen(tmpPath("rot.db.bak.20231114T222320Z.0"), 0, &p,
                             &err), KIOSK_OK);
  kioskRecordsClose(p);
  /* Backups from before (records.db.bak.N) are listed, answers counted. */
  {
    char zOld[600];
    snprintf(zOld, sizeof(zOld), "%s.bak.1", zPath);
    CHECK(link(tmpPath("rot.db.bak.20231114T222320Z.0"), zOld)==0);
    CHECK_INT(kioskRecordsBackupList(zPath, &a, &n, &err), 0);
    for(i=0; i<n && strcmp(a[i].zPath, zOld)!=0; i++){}
    CHECK(i<n);
    if( i<n ) CHECK_INT(a[i].nAnswer, 0);
    kioskRecordsBackupListFree(a, n);
  }
}

/*
** A week of restarts (ten a day), installs (five a day), a set-aside of a
** damaged records.db and desk deletions cannot leave no backup with the
** answers in it: the last one before the loss stays.
*/
static void testBackupWeek(void){
  char zPath[512];
  KioskRecords *p = 0;
  KioskError err;
  long long t = T0, nBest;
  int d, i, n = 0;

  snprintf(zPath, sizeof(zPath), "%s", tmpPath("week.db"));
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpenAt(zPath, 3, 0, t, &p, &err), 0);
  if( p==0 ) return;
  addAnswers(p, "Ada", t);
  addAnswers(p, "Bob", t);
  kioskRecordsClose(p);
  for(i=0; i<10; i++) restart(zPath, t += 600);
  /* The file is damaged: the kiosk sets it aside and starts a new one. */
  {
    FILE *f = fopen(zPath, "r+b");
    char zJunk[4096];
    CHECK(f!=0);
    memset(zJunk, 0x5a, sizeof(zJunk));
    if( f ){
      fseek(f, 2*4096, SEEK_SET);
      fwrite(zJunk, 1, sizeof(zJunk), f);
      fclose(f);
    }
    CHECK_INT(kioskRecordsOpenAt(zPath, 3, 0, t += 60, &p, &err),
              KIOSK_ERECORDS);
    CHECK_STR(err.zCode, "CORRUPT");
  }
  /* A week of an empty records.db: restarts and installs. */
  for(d=0; d<8; d++){
    t = T0 + (d+1)*DAY;
    for(i=0; i<15; i++) restart(zPath, t += 1200);
  }
  nBest = bestBackup(zPath, &n);
  CHECK_INT(nBest, 4);
  CHECK(n<=20);

  /* Desk deletions then installs: a backup made before each deletion, and
  ** the last with every answer outlives the installs after it. */
  {
    const char *zDel = tmpPath("del.db");
    sqlite3_int64 aId[3] = { 1, 2, 3 };
    CHECK_INT(kioskRecordsOpenAt(zDel, 3, 0, T0, &p, &err), 0);
    if( p==0 ) return;
    addAnswers(p, "Ada", T0);
    addAnswers(p, "Bob", T0);
    addAnswers(p, "Cy", T0);
    for(i=0; i<3; i++){
      CHECK_INT(kioskRecordsStudentRemove(p, aId[i], 0, T0+100+i, &err), 0);
    }
    kioskRecordsClose(p);
    t = T0+200;
    for(d=0; d<10; d++){
      for(i=0; i<12; i++) restart(zDel, t += 900);
      t = T0 + (d+1)*DAY;
    }
    CHECK_INT(bestBackup(zDel, &n), 6);
  }
}

/* Two processes backing up the same records at the same moment both
** succeed (unique temporary names, link() to a free name). */
static void testBackupConcurrent(void){
  char zPath[512];
  KioskRecords *p = 0;
  KioskError err;
  pid_t aPid[2];
  int i, k, nOk = 0, st;

  snprintf(zPath, sizeof(zPath), "%s", tmpPath("conc.db"));
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpenAt(zPath, 3, 0, T0, &p, &err), 0);
  if( p==0 ) return;
  addAnswers(p, "Ada", T0);
  kioskRecordsClose(p);
  for(k=0; k<2; k++){
    aPid[k] = fork();
    if( aPid[k]==0 ){
      int nFailed = 0;
      for(i=0; i<40; i++){
        KioskRecords *q = 0;
        KioskError e;
        kioskErrorClear(&e);
        if( kioskRecordsOpenAt(zPath, 3, KIOSK_RECORDS_DEFER_BACKUP, T0+DAY,
                               &q, &e)
         || kioskRecordsBackupAt(q, T0+DAY, 0, &e) ){
          fprintf(stderr, "backup %d: %s\n", i, e.zMsg);
          nFailed++;
        }
        kioskRecordsClose(q);
      }
      _exit(nFailed ? 1 : 0);
    }
  }
  for(k=0; k<2; k++){
    if( aPid[k]>0 && waitpid(aPid[k], &st, 0)==aPid[k]
     && WIFEXITED(st) && WEXITSTATUS(st)==0 ){
      nOk++;
    }
  }
  CHECK_INT(nOk, 2);
  CHECK_INT(bestBackup(zPath, 0), 2);
}

/* records.db, its WAL and SHM, backups and exports are 0600 under umask
** 022; restore backs up what it replaces. */
static void testPrivateRestore(void){
  char zPath[512];
  KioskRecords *p = 0;
  KioskError err;
  struct stat st;
  char *zSaved = 0, *zBak = 0;
  mode_t old = umask(022);
  int nRow = 0;

  snprintf(zPath, sizeof(zPath), "%s", tmpPath("priv.db"));
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpenAt(zPath, 3, 0, T0, &p, &err), 0);
  if( p ){
    addAnswers(p, "Ada", T0);
    CHECK(stat(zPath, &st)==0 && (st.st_mode & 0777)==0600);
    CHECK(stat(tmpPath("priv.db-wal"), &st)==0 && (st.st_mode & 0777)==0600);
    CHECK(stat(tmpPath("priv.db-shm"), &st)==0 && (st.st_mode & 0777)==0600);
    CHECK_INT(kioskRecordsExportFile(p, 0, tmpPath("priv.csv"), &nRow, &err),
              0);
    CHECK(stat(tmpPath("priv.csv"), &st)==0 && (st.st_mode & 0777)==0600);
    CHECK_INT(kioskRecordsBackupAt(p, T0+10, &zBak, &err), 0);
    CHECK(zBak && stat(zBak, &st)==0 && (st.st_mode & 0777)==0600);
    addAnswers(p, "Bob", T0+20);
    kioskRecordsClose(p);
    p = 0;
  }
  umask(old);
  /* Restore the backup (2 answers) over records with 4. */
  if( zBak ){
    CHECK_INT(kioskRecordsRestore(zPath, zBak, T0+30, &zSaved, &err), 0);
    if( err.zMsg[0] ) fprintf(stderr, "restore: %s: %s\n", err.zFile, err.zMsg);
    CHECK(zSaved && strstr(zSaved, ".bak.")!=0);
    CHECK_INT(kioskRecordsOpenAt(zPath, 0, 0, T0+40, &p, &err), 0);
    if( p ){
      CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM answers"),
                2);
      kioskRecordsClose(p);
      p = 0;
    }
    /* ... and undo it with the copy it made. */
    CHECK_INT(kioskRecordsRestore(zPath, zSaved, T0+50, 0, &err), 0);
    CHECK_INT(kioskRecordsOpenAt(zPath, 0, 0, T0+60, &p, &err), 0);
    if( p ){
      CHECK_INT(queryInt(kioskRecordsDb(p), "SELECT count(*) FROM answers"),
                4);
      kioskRecordsClose(p);
      p = 0;
    }
  }
  /* Restoring something that is not a records backup changes nothing. */
  writeFile(tmpPath("essay.txt"), "not a backup\n", 13);
  CHECK_INT(kioskRecordsRestore(zPath, tmpPath("essay.txt"), T0+70, 0, &err),
            KIOSK_ERECORDS);
  CHECK_STR(err.zCode, "FOREIGN");
  sqlite3_free(zSaved);
  sqlite3_free(zBak);
}

/* Times outside years 1970..9999 give "", never a half-written buffer. */
static void testIsoTime(void){
  char z[32];
  memset(z, 'x', sizeof(z));
  kioskRecordsIsoTime(1700000000, z);
  CHECK_STR(z, "2023-11-14T22:13:20Z");
  kioskRecordsIsoTime(KIOSK_RECORDS_TIME_MAX, z);
  CHECK_STR(z, "9999-12-31T23:59:59Z");
  memset(z, 'x', sizeof(z));
  kioskRecordsIsoTime(300000000000LL, z);
  CHECK_STR(z, "");
  memset(z, 'x', sizeof(z));
  kioskRecordsIsoTime(-99999999999LL, z);
  CHECK_STR(z, "");
}

int main(void){
  const char *zTmp = getenv("TMPDIR");
  snprintf(zDir, sizeof(zDir), "%s/test-records-XXXXXX",
           zTmp && zTmp[0] ? zTmp : "/tmp");
  if( mkdtemp(zDir)==0 ){
    perror("mkdtemp");
    return 1;
  }
  makeQuestions();
  testIsoTime();
  testScheduler();
  testPin();
  testStudents();
  testAttempts();
  testDurability();
  testPinStored();
  testPinThrottle();
  testPinHashSet();
  testMigrate();
  testPieces();
  testMigratePieces();
  testExport();
  testItems();
  testSettingsPacks();
  testCorrupt();
  testBackups();
  testBackupWeek();
  testBackupConcurrent();
  testPrivateRestore();
  if( nFail==0 ){
    char zCmd[600];
    snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
    if( system(zCmd)!=0 ) fprintf(stderr, "could not remove %s\n", zDir);
  }else{
    fprintf(stderr, "test files left in %s\n", zDir);
  }
  kioskQuizReset(&gQuiz);
  return HARNESS_DONE("test-records");
}
