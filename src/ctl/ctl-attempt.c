/*
** ctl-attempt.c: kioskctl attempt — a class quiz (an installed pack)
** taken from a shell, through the same core as the kiosk's quiz screen:
**
**   kioskctl attempt start --records FILE --db COURSE --student ID
**                          --pack ID [--seed S]
**   kioskctl attempt answer --records FILE ATTEMPT INDEX ANSWER
**   kioskctl attempt finish --records FILE ATTEMPT
**
** For scripts and for checking a pack before a class sits it. The rules
** (the pack's settings, its attempts limit, the deadline, scoring,
** storing) are src/core/attempt.c's; this file parses arguments and prints.
*/
#include "ctl.h"
#include "attempt.h"
#include "coursedb.h"
#include "qjson.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char ctlAttemptUsage[] =
  "Usage: kioskctl attempt start --records FILE --db COURSE --student ID\n"
  "                              --pack ID [--seed S]\n"
  "       kioskctl attempt answer --records FILE ATTEMPT INDEX ANSWER\n"
  "       kioskctl attempt finish --records FILE ATTEMPT\n"
  "\n"
  "Takes a class quiz in the records database FILE as the kiosk does.\n"
  "start: student ID (a number: kioskctl students) takes installed pack\n"
  "ID's quiz, drawn from the course database COURSE with seed S (default\n"
  "0; a pack that fixes its seed uses its own) and run with the pack's\n"
  "settings (time limit, feedback, pass mark, attempts allowed). Prints\n"
  "the attempt's id, then its questions as JSON (doc/quiz-json.md), one a\n"
  "line, without their answers.\n"
  "answer: scores and stores ANSWER to question INDEX (from 0): an option's\n"
  "index (\"2\"), indexes separated by spaces for several answers or an\n"
  "order, the text for a typed answer, the right-hand texts as a list for\n"
  "a matching. Prints right, partly right, wrong or ungraded, the points,\n"
  "and the answer in words.\n"
  "finish: closes the attempt and prints its score (essays and descriptions\n"
  "count in no maximum) and whether it passed.\n"
  "\n"
  "Exit status: 0 done, 1 refused or error (no such pack, the attempts\n"
  "used up, the time up, a question answered already), 2 usage.\n";

static int openRec(const char *zPath, KioskRecords **pp){
  KioskError err;
  kioskErrorClear(&err);
  if( access(zPath, F_OK)!=0 ){
    kioskErrorSet(&err, KIOSK_EIO, "NOFILE", zPath, 0, 0,
                  "no such records database");
    ctlPrintError(&err);
    return 1;
  }
  if( kioskRecordsOpenFlags(zPath, 0, KIOSK_RECORDS_KEEP_CORRUPT, pp, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}

/* A whole number in z into *pV; 1 when z is not one. */
static int wholeNumber(const char *z, long long *pV){
  char *zEnd = 0;
  if( z==0 || *z==0 ) return 1;
  *pV = strtoll(z, &zEnd, 10);
  return *zEnd!=0;
}

static int attemptStart(KioskRecords *pRec, const char *zDb,
                        const char *zStudent, const char *zPack,
                        const char *zSeed){
  sqlite3 *db = 0;
  KioskAttempt *pA = 0;
  KioskError err;
  sqlite3_int64 iId = 0;
  long long iStudent = 0, iSeed = 0;
  int i, rc;

  if( wholeNumber(zStudent, &iStudent)
   || (zSeed && wholeNumber(zSeed, &iSeed)) ){
    fprintf(stderr, "kioskctl: attempt start: --student and --seed take a "
            "number (kioskctl help attempt)\n");
    return 2;
  }
  kioskErrorClear(&err);
  rc = kioskCourseOpen(zDb, KIOSK_OPEN_READONLY, &db, &err);
  if( rc==0 ){
    rc = kioskAttemptStartPack(pRec, db, iStudent, zPack, iSeed,
                               (long long)time(0), &iId, &err);
  }
  if( rc==0 ) rc = kioskAttemptLoad(pRec, iId, &pA, &err);
  sqlite3_close(db);
  if( rc ){
    ctlPrintError(&err);
    return 1;
  }
  printf("%lld\n", (long long)iId);
  for(i=0; i<pA->quiz.nQuestion; i++){
    char *z = kioskQuestionToJson(pA->quiz.apQuestion[i], 0);
    if( z==0 ){
      kioskAttemptFree(pA);
      fprintf(stderr, "kioskctl: attempt start: out of memory\n");
      return 1;
    }
    printf("%s\n", z);
    sqlite3_free(z);
  }
  kioskAttemptFree(pA);
  return fflush(stdout)==0 ? 0 : 1;
}

static int attemptAnswer(KioskRecords *pRec, const char *zAttempt,
                         const char *zIndex, const char *zAnswer){
  KioskScore sc;
  KioskError err;
  long long iAttempt = 0, idx = 0;
  char *zText = 0;
  const char *zVerdict;

  if( wholeNumber(zAttempt, &iAttempt) || wholeNumber(zIndex, &idx)
   || idx<0 || idx>1000000 ){
    fprintf(stderr, "kioskctl: attempt answer: ATTEMPT and INDEX are "
            "numbers (kioskctl help attempt)\n");
    return 2;
  }
  memset(&sc, 0, sizeof(sc));
  kioskErrorClear(&err);
  if( kioskAttemptAnswer(pRec, iAttempt, (int)idx, zAnswer,
                         (long long)time(0), &sc, &zText, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  zVerdict = sc.bUngraded ? "ungraded" : sc.bCorrect ? "right"
           : sc.rCredit>0 ? "partly right" : "wrong";
  printf("%s\t%g\t%s\n", zVerdict, sc.rPoints, zText ? zText : "");
  kioskScoreClear(&sc);
  sqlite3_free(zText);
  return fflush(stdout)==0 ? 0 : 1;
}

static int attemptFinish(KioskRecords *pRec, const char *zAttempt){
  KioskTally t;
  KioskError err;
  long long iAttempt = 0;
  int bPassed = 0;

  if( wholeNumber(zAttempt, &iAttempt) ){
    fprintf(stderr, "kioskctl: attempt finish: ATTEMPT is a number "
            "(kioskctl help attempt)\n");
    return 2;
  }
  kioskErrorClear(&err);
  if( kioskAttemptFinish(pRec, iAttempt, (long long)time(0), &t, &bPassed,
                         &err) ){
    ctlPrintError(&err);
    return 1;
  }
  printf("%d of %d right, %g of %g points (%.0f%%), %s\n", t.nCorrect,
         t.nQuestion, t.rPoints, t.rMax, kioskTallyPercent(&t),
         bPassed ? "passed" : "not passed");
  return fflush(stdout)==0 ? 0 : 1;
}

int ctlAttempt(int argc, char **argv){
  const char *zRecords = 0, *zDb = 0, *zStudent = 0, *zPack = 0, *zSeed = 0;
  const char *azPos[3];
  int nPos = 0, rc, eSub, nWant;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { "--db", 1, &zDb, 0 },
    { "--student", 1, &zStudent, 0 },
    { "--pack", 1, &zPack, 0 },
    { "--seed", 1, &zSeed, 0 },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;

  eSub = argc<1 ? -1 : strcmp(argv[0], "start")==0 ? 0
       : strcmp(argv[0], "answer")==0 ? 1
       : strcmp(argv[0], "finish")==0 ? 2 : -1;
  if( eSub<0 ){
    fprintf(stderr, "kioskctl: attempt: expected \"start\", \"answer\" or "
            "\"finish\" (kioskctl help attempt)\n");
    return 2;
  }
  nWant = eSub==0 ? 0 : eSub==1 ? 3 : 1;
  if( (rc = ctlParseArgs("attempt", argc-1, argv+1, aOpt, azPos, 3,
                         &nPos)) ){
    return rc;
  }
  if( zRecords==0 || nPos!=nWant
   || (eSub==0 && (zDb==0 || zStudent==0 || zPack==0))
   || (eSub!=0 && (zDb || zStudent || zPack || zSeed)) ){
    fprintf(stderr, "kioskctl: attempt %s: give %s (kioskctl help "
            "attempt)\n", argv[0],
            eSub==0 ? "--records FILE --db COURSE --student ID --pack ID"
            : eSub==1 ? "--records FILE ATTEMPT INDEX ANSWER"
            : "--records FILE ATTEMPT");
    return 2;
  }
  if( openRec(zRecords, &pRec) ) return 1;
  switch( eSub ){
    case 0:  rc = attemptStart(pRec, zDb, zStudent, zPack, zSeed); break;
    case 1:  rc = attemptAnswer(pRec, azPos[0], azPos[1], azPos[2]); break;
    default: rc = attemptFinish(pRec, azPos[0]); break;
  }
  kioskRecordsClose(pRec);
  return rc;
}
