/*
** tclrecords.c: the learner records database as a Tcl object command.
**
**   kiosk::records NAME FILE ?-backups N? ?-defer-backup BOOL?
**
** creates the command NAME over records.db FILE (see doc/records.md for
** every subcommand). Thin: arguments are checked here, everything else is
** the core's records.h and attempt.h. Question dicts are read into the
** core's questions (tclquiz.c) and stored as the core stores them; an
** attempt's rules (scoring, the deadline, the attempts limit) are the
** core's.
*/
#include "tclkiosk.h"
#include "attempt.h"
#include "qjson.h"
#include "records.h"

#include <string.h>
#include <time.h>

typedef struct KioskRecObj {
  Tcl_Interp *interp;
  Tcl_Command token;
  KioskRecords *pRec;
} KioskRecObj;

/* The command's delete proc. The struct itself may still be in use by the
** subcommand that closed it (Tcl_Preserve in recObjCmd). */
static void recDelete(ClientData cd){
  KioskRecObj *p = (KioskRecObj *)cd;
  kioskRecordsClose(p->pRec);
  p->pRec = 0;
  Tcl_EventuallyFree(p, TCL_DYNAMIC);
}

/* Tcl_WrongNumArgs with -errorcode {KIOSK ARG USAGE}. */
static int usage(Tcl_Interp *interp, int nWord, Tcl_Obj *const objv[],
                 const char *zArgs){
  Tcl_WrongNumArgs(interp, nWord, objv, zArgs);
  Tcl_SetErrorCode(interp, "KIOSK", "ARG", "USAGE", (char *)0);
  return TCL_ERROR;
}

static int coreError(Tcl_Interp *interp, KioskError *pErr){
  return kioskTclError(interp, pErr);
}

/*
** The subcommand of a group ("NAME attempt start ..."): objv[2] looked up
** in azSub. Without one, the usage zArgs. Returns TCL_OK with *piSub set,
** or TCL_ERROR with the message in the result.
*/
static int groupSub(Tcl_Interp *interp, int objc, Tcl_Obj *const objv[],
                    const char *const *azSub, const char *zArgs, int *piSub){
  if( objc<3 ) return usage(interp, 2, objv, zArgs);
  return Tcl_GetIndexFromObjStruct(interp, objv[2], azSub, sizeof(char *),
                                   "subcommand", 0, piSub);
}

/*
** Parse "-opt value" pairs objv[i..objc-1] against azOpt; apVal[k] gets the
** value of azOpt[k] (left NULL when absent). Returns TCL_OK, or TCL_ERROR
** with the usage (odd count) or the bad option in the result.
*/
static int getOpts(Tcl_Interp *interp, int objc, Tcl_Obj *const objv[],
                   int i, const char *const *azOpt, Tcl_Obj **apVal,
                   int nWord, const char *zArgs){
  int k;
  for(k=0; azOpt[k]; k++) apVal[k] = 0;
  if( (objc-i)%2 ) return usage(interp, nWord, objv, zArgs);
  for(; i<objc; i+=2){
    if( Tcl_GetIndexFromObjStruct(interp, objv[i], azOpt, sizeof(char *),
                                  "option", 0, &k) ){
      return TCL_ERROR;
    }
    apVal[k] = objv[i+1];
  }
  return TCL_OK;
}

/* The -now value, or the clock when absent. */
static int getNow(Tcl_Interp *interp, Tcl_Obj *pObj, long long *piNow){
  Tcl_WideInt w;
  if( pObj==0 ){
    *piNow = (long long)time(0);
    return TCL_OK;
  }
  if( Tcl_GetWideIntFromObj(interp, pObj, &w) ) return TCL_ERROR;
  if( w<KIOSK_RECORDS_TIME_MIN || w>KIOSK_RECORDS_TIME_MAX ){
    Tcl_SetObjResult(interp, Tcl_ObjPrintf(
        "bad time \"%s\": must be Unix seconds from %lld to %lld",
        Tcl_GetString(pObj), KIOSK_RECORDS_TIME_MIN, KIOSK_RECORDS_TIME_MAX));
    Tcl_SetErrorCode(interp, "KIOSK", "ARG", "NOW", (char *)0);
    return TCL_ERROR;
  }
  *piNow = (long long)w;
  return TCL_OK;
}

static int getId(Tcl_Interp *interp, Tcl_Obj *pObj, sqlite3_int64 *piId){
  Tcl_WideInt w;
  if( Tcl_GetWideIntFromObj(interp, pObj, &w) ) return TCL_ERROR;
  *piId = (sqlite3_int64)w;
  return TCL_OK;
}

static const char *optString(Tcl_Obj *pObj){
  return pObj ? Tcl_GetString(pObj) : 0;
}

/* ---- row callbacks: pArg is the Tcl_Obj being built ---- */

/* Append the row as a dict to the list pArg. */
static int rowToList(void *pArg, sqlite3_stmt *pStmt){
  Tcl_ListObjAppendElement(0, (Tcl_Obj *)pArg, kioskTclRowDict(pStmt));
  return 0;
}

/* pArg is a Tcl_Obj* slot: store the row's dict in it. */
static int rowToSlot(void *pArg, sqlite3_stmt *pStmt){
  Tcl_Obj **ppObj = (Tcl_Obj **)pArg;
  if( *ppObj ) Tcl_DecrRefCount(*ppObj);
  *ppObj = kioskTclRowDict(pStmt);
  Tcl_IncrRefCount(*ppObj);
  return 0;
}

/* Column 0 is the key, the rest of the row its dict, into the dict pArg. */
static int rowKeyed(void *pArg, sqlite3_stmt *pStmt){
  Tcl_Obj *pRow = kioskTclRowDict(pStmt);
  Tcl_Obj *pKey = Tcl_NewStringObj(sqlite3_column_name(pStmt, 0), -1);
  Tcl_Obj *pVal = Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 0),
                                   -1);
  Tcl_IncrRefCount(pKey);
  Tcl_DictObjRemove(0, pRow, pKey);
  Tcl_DecrRefCount(pKey);
  Tcl_DictObjPut(0, (Tcl_Obj *)pArg, pVal, pRow);
  return 0;
}

/* Column 0 key, column 1 value, into the dict pArg. */
static int rowPair(void *pArg, sqlite3_stmt *pStmt){
  Tcl_DictObjPut(0, (Tcl_Obj *)pArg,
      Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 0), -1),
      Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 1), -1));
  return 0;
}

/* ---- students ---- */

static int cmdStudents(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-all", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1], *pList;
  KioskError err;
  int bAll = 0;
  if( getOpts(interp, objc, objv, 2, azOpt, apVal, 2, "?-all boolean?") ){
    return TCL_ERROR;
  }
  if( apVal[0] && Tcl_GetBooleanFromObj(interp, apVal[0], &bAll) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  pList = Tcl_NewListObj(0, 0);
  if( kioskRecordsStudents(p->pRec, bAll, rowToList, pList, &err) ){
    Tcl_DecrRefCount(pList);
    return coreError(interp, &err);
  }
  Tcl_SetObjResult(interp, pList);
  return TCL_OK;
}

static int cmdStudent(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = { "add", "get", "remove", "rename", 0 };
  enum { S_ADD, S_GET, S_REMOVE, S_RENAME };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1];
  KioskError err;
  sqlite3_int64 iId;
  long long iNow;
  int iSub;

  if( groupSub(interp, objc, objv, azSub,
               "add|get|remove|rename ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  switch( iSub ){
    case S_ADD: {
      /* NAME student add NAME ?-now SECONDS? */
      static const char *const azOpt[] = { "-now", 0 };
      if( objc<4 ) return usage(interp, 3, objv, "name ?-now seconds?");
      if( getOpts(interp, objc, objv, 4, azOpt, apVal, 3,
                  "name ?-now seconds?")
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskRecordsStudentAdd(p->pRec, Tcl_GetString(objv[3]), iNow, &iId,
                                 &err) ){
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)iId));
      return TCL_OK;
    }
    case S_GET: {
      /* NAME student get ID */
      Tcl_Obj *pRow = 0;
      if( objc!=4 ) return usage(interp, 3, objv, "id");
      if( getId(interp, objv[3], &iId) ) return TCL_ERROR;
      if( kioskRecordsStudentGet(p->pRec, iId, rowToSlot, &pRow, &err) ){
        if( pRow ) Tcl_DecrRefCount(pRow);
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pRow);
      Tcl_DecrRefCount(pRow);
      return TCL_OK;
    }
    case S_RENAME: {
      /* NAME student rename ID NEWNAME */
      if( objc!=5 ) return usage(interp, 3, objv, "id newname");
      if( getId(interp, objv[3], &iId) ) return TCL_ERROR;
      if( kioskRecordsStudentRename(p->pRec, iId, Tcl_GetString(objv[4]),
                                    &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    }
    case S_REMOVE: {
      /* NAME student remove ID ?-keep-records BOOL? ?-now SECONDS? */
      static const char *const azOpt[] = { "-keep-records", "-now", 0 };
      Tcl_Obj *apOpt[2];
      int bKeep = 1;
      const char *zArgs = "id ?-keep-records boolean? ?-now seconds?";
      if( objc<4 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 4, azOpt, apOpt, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || (apOpt[0] && Tcl_GetBooleanFromObj(interp, apOpt[0], &bKeep))
       || getNow(interp, apOpt[1], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskRecordsStudentRemove(p->pRec, iId, bKeep, iNow, &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    }
  }
  return TCL_ERROR;
}

/* ---- attempts ---- */

/* The question dict of the question JSON zJson (qjson.h), with refcount 0,
** or NULL (an error in pErr). */
static Tcl_Obj *jsonQuestion(KioskRecObj *p, const char *zJson,
                             KioskError *pErr){
  KioskQuestion *q = 0;
  Tcl_Obj *pObj;
  if( kioskQuestionFromJson(kioskRecordsDb(p->pRec), zJson, &q, pErr) ){
    return 0;
  }
  pObj = kioskTclQuestionToObj(q);
  kioskQuestionFree(q);
  return pObj;
}

/* Row callback for rows with a column "question" (JSON): the row as a
** dict with that column a question dict (bWhole), or the question dict
** alone, appended to pList. */
typedef struct QuestionRows {
  KioskRecObj *p;
  Tcl_Obj *pList;
  int bWhole;
  KioskError *pErr;
} QuestionRows;

static int rowQuestion(void *pArg, sqlite3_stmt *pStmt){
  QuestionRows *r = (QuestionRows *)pArg;
  int i, n = sqlite3_column_count(pStmt);
  for(i=0; i<n; i++){
    if( strcmp(sqlite3_column_name(pStmt, i), "question")==0 ) break;
  }
  if( i<n && sqlite3_column_type(pStmt, i)!=SQLITE_NULL ){
    Tcl_Obj *pQ = jsonQuestion(r->p, (const char *)sqlite3_column_text(pStmt, i),
                               r->pErr);
    if( pQ==0 ) return r->pErr->eClass ? (int)r->pErr->eClass : KIOSK_EDB;
    if( r->bWhole ){
      Tcl_Obj *pRow = kioskTclRowDict(pStmt);
      Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("question", -1), pQ);
      Tcl_ListObjAppendElement(0, r->pList, pRow);
    }else{
      Tcl_ListObjAppendElement(0, r->pList, pQ);
    }
  }else if( r->bWhole ){
    Tcl_ListObjAppendElement(0, r->pList, kioskTclRowDict(pStmt));
  }
  return 0;
}

/* Put key zKey with value pVal into the dict pDict. */
static void dictPut(Tcl_Obj *pDict, const char *zKey, Tcl_Obj *pVal){
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj(zKey, -1), pVal);
}

/* The score dict: correct credit points expected ?feedback? ?ungraded?
** ?text?. */
static Tcl_Obj *scoreDict(const KioskScore *sc, const char *zText){
  Tcl_Obj *d = Tcl_NewDictObj();
  dictPut(d, "correct", Tcl_NewIntObj(sc->bCorrect));
  dictPut(d, "credit", Tcl_NewDoubleObj(sc->rCredit));
  dictPut(d, "points", Tcl_NewDoubleObj(sc->rPoints));
  if( sc->zExpected ) dictPut(d, "expected", Tcl_NewStringObj(sc->zExpected, -1));
  if( sc->zFeedback ) dictPut(d, "feedback", Tcl_NewStringObj(sc->zFeedback, -1));
  if( sc->bUngraded ) dictPut(d, "ungraded", Tcl_NewIntObj(1));
  if( zText ) dictPut(d, "text", Tcl_NewStringObj(zText, -1));
  return d;
}

/* *ppDict: the attempt dict (the summary row of `attempts`, then
** questions, answers and left) with one reference the caller owns. */
static int attemptDict(KioskRecObj *p, sqlite3_int64 iAttempt, long long iNow,
                       Tcl_Obj **ppDict){
  KioskRecFilter f;
  KioskError err;
  KioskAttempt *pA = 0;
  Tcl_Obj *pDict = 0, *pQ, *pAns;
  long long nLeft;
  int i;

  *ppDict = 0;
  memset(&f, 0, sizeof(f));
  f.iAttempt = iAttempt;
  kioskErrorClear(&err);
  if( kioskAttemptLoad(p->pRec, iAttempt, &pA, &err)
   || kioskRecordsAttempts(p->pRec, &f, rowToSlot, &pDict, &err) ){
    if( pDict ) Tcl_DecrRefCount(pDict);
    kioskAttemptFree(pA);
    return coreError(p->interp, &err);
  }
  pQ = Tcl_NewListObj(0, 0);
  pAns = Tcl_NewListObj(0, 0);
  for(i=0; i<pA->quiz.nQuestion; i++){
    const KioskAttemptAnswer *a = &pA->aAnswer[i];
    Tcl_ListObjAppendElement(0, pQ, kioskTclQuestionToObj(pA->quiz.apQuestion[i]));
    if( a->bAnswered ){
      Tcl_Obj *d = scoreDict(&a->score, a->zText ? a->zText : "");
      dictPut(d, "index", Tcl_NewIntObj(i));
      dictPut(d, "answer", Tcl_NewStringObj(a->zAnswer ? a->zAnswer : "", -1));
      dictPut(d, "answered", Tcl_NewStringObj(a->zAnswered, -1));
      Tcl_ListObjAppendElement(0, pAns, d);
    }
  }
  /* pDict is unshared: rowToSlot made it and holds the only reference. */
  dictPut(pDict, "questions", pQ);
  dictPut(pDict, "answers", pAns);
  nLeft = kioskAttemptTimeLeft(pA, iNow);
  dictPut(pDict, "left", nLeft<0 ? Tcl_NewObj() : Tcl_NewWideIntObj(nLeft));
  nLeft = kioskAttemptTimeOnResume(pA);
  dictPut(pDict, "resume-left",
          nLeft<0 ? Tcl_NewObj() : Tcl_NewWideIntObj(nLeft));
  kioskAttemptFree(pA);
  *ppDict = pDict;
  return TCL_OK;
}

/* Set the result to the summary dict of one attempt, with the tally's
** percent and passed. */
static int attemptSummary(KioskRecObj *p, sqlite3_int64 iAttempt){
  KioskRecFilter f;
  KioskError err;
  KioskTally t;
  Tcl_Obj *pDict = 0;
  int bPassed = 0;
  memset(&f, 0, sizeof(f));
  f.iAttempt = iAttempt;
  kioskErrorClear(&err);
  if( kioskRecordsAttempts(p->pRec, &f, rowToSlot, &pDict, &err)
   || kioskAttemptTally(p->pRec, iAttempt, &t, &bPassed, &err) ){
    if( pDict ) Tcl_DecrRefCount(pDict);
    return coreError(p->interp, &err);
  }
  if( pDict==0 ){
    kioskErrorSet(&err, KIOSK_ERECORDS, "NOATTEMPT", 0, 0, 0,
                  "no attempt with id %lld", (long long)iAttempt);
    return coreError(p->interp, &err);
  }
  dictPut(pDict, "percent", Tcl_NewDoubleObj(kioskTallyPercent(&t)));
  dictPut(pDict, "passed", Tcl_NewIntObj(bPassed));
  Tcl_SetObjResult(p->interp, pDict);
  Tcl_DecrRefCount(pDict);
  return TCL_OK;
}

/* The -course form of attempt start: the values of -course, -stages,
** -count, -seed, -stage and -title (NULL when absent). */
static int attemptGenerate(KioskRecObj *p, sqlite3_int64 iStudent,
                           Tcl_Obj *pCourseName, Tcl_Obj *pStages,
                           Tcl_Obj *pCount, Tcl_Obj *pSeed, Tcl_Obj *pStage,
                           Tcl_Obj *pTitle, long long iNow,
                           KioskAttemptSpec *pSpec){
  Tcl_Interp *interp = p->interp;
  KioskCourse *pCourse = kioskTclCourseGet(interp, pCourseName);
  KioskQuizSpec qs;
  KioskError err;
  Tcl_Obj **apStage = 0;
  const char **azStage = 0;
  sqlite3_int64 iId;
  Tcl_WideInt iSeed = 0;
  int nStage = 0, i, rc;

  if( pCourse==0 ) return TCL_ERROR;
  memset(&qs, 0, sizeof(qs));
  if( (pStages && Tcl_ListObjGetElements(interp, pStages, &nStage, &apStage))
   || (pCount && Tcl_GetIntFromObj(interp, pCount, &qs.nQuestion))
   || (pSeed && Tcl_GetWideIntFromObj(interp, pSeed, &iSeed)) ){
    return TCL_ERROR;
  }
  azStage = (const char **)Tcl_Alloc((unsigned)(sizeof(char *)*(size_t)(nStage+1)));
  for(i=0; i<nStage; i++) azStage[i] = Tcl_GetString(apStage[i]);
  qs.nStage = nStage;
  qs.azStage = azStage;
  qs.iSeed = (uint64_t)iSeed;
  pSpec->zKind = "stage";
  pSpec->zStage = optString(pStage);
  if( pSpec->zStage==0 && nStage==1 ) pSpec->zStage = azStage[0];
  pSpec->zTitle = optString(pTitle);
  kioskErrorClear(&err);
  rc = kioskAttemptStartGenerated(p->pRec, pCourse->db, iStudent, pSpec, &qs,
                                  iNow, &iId, &err);
  Tcl_Free((char *)azStage);
  if( rc ) return coreError(interp, &err);
  Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)iId));
  return TCL_OK;
}

/* The -course -pack form of attempt start: the core takes installed pack
** pPack's quiz from course pCourseName with seed pSeed (0 when absent),
** with the pack's own settings. */
static int attemptPack(KioskRecObj *p, sqlite3_int64 iStudent,
                       Tcl_Obj *pCourseName, Tcl_Obj *pPack, Tcl_Obj *pSeed,
                       long long iNow){
  Tcl_Interp *interp = p->interp;
  KioskCourse *pCourse = kioskTclCourseGet(interp, pCourseName);
  KioskError err;
  sqlite3_int64 iId;
  Tcl_WideInt iSeed = 0;
  if( pCourse==0 ) return TCL_ERROR;
  if( pSeed && Tcl_GetWideIntFromObj(interp, pSeed, &iSeed) ) return TCL_ERROR;
  kioskErrorClear(&err);
  if( kioskAttemptStartPack(p->pRec, pCourse->db, iStudent,
                            Tcl_GetString(pPack), (long long)iSeed, iNow,
                            &iId, &err) ){
    return coreError(interp, &err);
  }
  Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)iId));
  return TCL_OK;
}

/* NAME attempt start STUDENT -questions LIST ?option value ...?: the
** questions (dicts, doc/tcl-api.md) read into a quiz, the options into a
** spec; the core does the rest. With -course COURSE instead of
** -questions, the core draws a stage quiz from that course (-stages,
** -count, -seed) and stores it as drawn; with -course COURSE -pack ID, it
** takes installed pack ID's quiz (-seed) with the pack's settings. */
static int attemptStart(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = {
    "-questions", "-pack", "-stage", "-review", "-now", "-title", "-seed",
    "-time", "-feedback", "-pass", "-attempts", "-course", "-stages",
    "-count", 0
  };
  enum { O_QUESTIONS, O_PACK, O_STAGE, O_REVIEW, O_NOW, O_TITLE, O_SEED,
         O_TIME, O_FEEDBACK, O_PASS, O_ATTEMPTS, O_COURSE, O_STAGES,
         O_COUNT };
  static const char *const azFeedback[] = { "each", "end", 0 };
  const char *zArgs = "student -questions list|-course course ?-stages list?"
                      " ?-count n? ?-pack id? ?-stage id?"
                      " ?-review boolean? ?-title text? ?-seed n?"
                      " ?-time seconds? ?-feedback each|end? ?-pass percent?"
                      " ?-attempts n? ?-now seconds?";
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[14], **apQ;
  KioskAttemptSpec spec;
  KioskQuiz quiz;
  KioskError err;
  sqlite3_int64 iStudent, iId;
  long long iNow;
  Tcl_WideInt iSeed = 0;
  int bReview = 0, nQ, i, rc = TCL_ERROR;

  memset(&spec, 0, sizeof(spec));
  memset(&quiz, 0, sizeof(quiz));
  spec.rPassMark = -1;
  if( objc<4 ) return usage(interp, 3, objv, zArgs);
  if( getOpts(interp, objc, objv, 4, azOpt, apVal, 3, zArgs)
   || getId(interp, objv[3], &iStudent)
   || (apVal[O_REVIEW] && Tcl_GetBooleanFromObj(interp, apVal[O_REVIEW], &bReview))
   || getNow(interp, apVal[O_NOW], &iNow)
   || (apVal[O_SEED] && Tcl_GetWideIntFromObj(interp, apVal[O_SEED], &iSeed))
   || (apVal[O_TIME] && Tcl_GetIntFromObj(interp, apVal[O_TIME], &spec.nTimeLimit))
   || (apVal[O_PASS] && Tcl_GetDoubleFromObj(interp, apVal[O_PASS], &spec.rPassMark))
   || (apVal[O_ATTEMPTS] && Tcl_GetIntFromObj(interp, apVal[O_ATTEMPTS], &spec.nAllowed))
   || (apVal[O_FEEDBACK] && Tcl_GetIndexFromObjStruct(interp,
          apVal[O_FEEDBACK], azFeedback, sizeof(char *), "feedback mode", 0,
          &spec.bFeedbackEnd)) ){
    return TCL_ERROR;
  }
  if( (apVal[O_QUESTIONS]==0)==(apVal[O_COURSE]==0) ){
    return usage(interp, 3, objv, zArgs);
  }
  if( apVal[O_COURSE] && apVal[O_PACK] ){
    /* the pack says the rest: anything else given would be ignored */
    if( apVal[O_STAGES] || apVal[O_COUNT] || apVal[O_STAGE]
     || apVal[O_REVIEW] || apVal[O_TITLE] || apVal[O_TIME]
     || apVal[O_FEEDBACK] || apVal[O_PASS] || apVal[O_ATTEMPTS] ){
      return usage(interp, 3, objv, zArgs);
    }
    return attemptPack(p, iStudent, apVal[O_COURSE], apVal[O_PACK],
                       apVal[O_SEED], iNow);
  }
  if( apVal[O_COURSE] ){
    return attemptGenerate(p, iStudent, apVal[O_COURSE], apVal[O_STAGES],
                           apVal[O_COUNT], apVal[O_SEED], apVal[O_STAGE],
                           apVal[O_TITLE], iNow, &spec);
  }
  if( apVal[O_PASS] && spec.rPassMark<0 ) spec.rPassMark = 101;  /* refused */
  if( Tcl_ListObjGetElements(interp, apVal[O_QUESTIONS], &nQ, &apQ) ){
    return TCL_ERROR;
  }
  for(i=0; i<nQ; i++){
    KioskQuestion *q = 0;
    if( kioskTclQuestionFromObj(interp, apQ[i], &q) ){
      Tcl_AppendResult(interp, Tcl_GetString(Tcl_ObjPrintf(" (question %d)", i)),
                       (char *)0);
      goto done;
    }
    if( kioskQuizAppend(&quiz, q) ){
      Tcl_SetObjResult(interp, Tcl_NewStringObj("out of memory", -1));
      goto done;
    }
  }
  spec.zKind = bReview ? "review" : apVal[O_PACK] ? "pack" : "stage";
  spec.zPack = optString(apVal[O_PACK]);
  spec.zStage = optString(apVal[O_STAGE]);
  spec.zTitle = optString(apVal[O_TITLE]);
  spec.iSeed = (long long)iSeed;
  kioskErrorClear(&err);
  if( kioskAttemptStart(p->pRec, iStudent, &spec, &quiz, iNow, &iId, &err) ){
    coreError(interp, &err);
    goto done;
  }
  Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)iId));
  rc = TCL_OK;
done:
  kioskQuizReset(&quiz);
  return rc;
}

static int cmdAttempt(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = {
    "abandon", "answer", "finish", "get", "leave", "resume", "start",
    "unfinished", 0
  };
  enum { A_ABANDON, A_ANSWER, A_FINISH, A_GET, A_LEAVE, A_RESUME, A_START,
         A_UNFINISHED };
  static const char *const azNow[] = { "-now", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1], *pDict;
  KioskError err;
  sqlite3_int64 iId;
  long long iNow;
  int iSub;

  if( groupSub(interp, objc, objv, azSub,
               "abandon|answer|finish|get|leave|resume|start|unfinished"
               " ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  switch( iSub ){
    case A_START:
      return attemptStart(p, objc, objv);
    case A_ANSWER: {
      /* NAME attempt answer ATTEMPT INDEX ANSWER ?-now SECONDS? */
      const char *zArgs = "attempt index answer ?-now seconds?";
      KioskScore sc;
      char *zText = 0;
      int idx;
      if( objc<6 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 6, azNow, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || Tcl_GetIntFromObj(interp, objv[4], &idx)
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskAttemptAnswer(p->pRec, iId, idx, Tcl_GetString(objv[5]), iNow,
                             &sc, &zText, &err) ){
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, scoreDict(&sc, zText));
      kioskScoreClear(&sc);
      sqlite3_free(zText);
      return TCL_OK;
    }
    case A_FINISH:
    case A_ABANDON:
    case A_LEAVE:
    case A_RESUME: {
      /* NAME attempt finish|abandon|leave|resume ATTEMPT ?-now SECONDS? */
      const char *zArgs = "attempt ?-now seconds?";
      long long nLeft = -1;
      int rc;
      if( objc<4 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 4, azNow, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      switch( iSub ){
        case A_FINISH:
          rc = kioskAttemptFinish(p->pRec, iId, iNow, 0, 0, &err); break;
        case A_ABANDON:
          rc = kioskAttemptAbandon(p->pRec, iId, iNow, &err); break;
        case A_LEAVE:
          rc = kioskAttemptLeave(p->pRec, iId, iNow, &err); break;
        default:
          rc = kioskAttemptResume(p->pRec, iId, iNow, &nLeft, &err); break;
      }
      if( rc ) return coreError(interp, &err);
      if( iSub==A_FINISH ) return attemptSummary(p, iId);
      if( iSub==A_RESUME && nLeft>=0 ){
        Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)nLeft));
      }
      return TCL_OK;
    }
    case A_GET: {
      /* NAME attempt get ATTEMPT ?-now SECONDS? */
      const char *zArgs = "attempt ?-now seconds?";
      if( objc<4 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 4, azNow, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( attemptDict(p, iId, iNow, &pDict) ) return TCL_ERROR;
      Tcl_SetObjResult(interp, pDict);
      Tcl_DecrRefCount(pDict);
      return TCL_OK;
    }
    case A_UNFINISHED: {
      /* NAME attempt unfinished STUDENT */
      sqlite3_int64 iAttempt;
      if( objc!=4 ) return usage(interp, 3, objv, "student");
      if( getId(interp, objv[3], &iId) ) return TCL_ERROR;
      if( kioskRecordsUnfinished(p->pRec, iId, &iAttempt, &err) ){
        return coreError(interp, &err);
      }
      if( iAttempt==0 ) return TCL_OK;
      if( attemptDict(p, iAttempt, (long long)time(0), &pDict) ) return TCL_ERROR;
      Tcl_SetObjResult(interp, pDict);
      Tcl_DecrRefCount(pDict);
      return TCL_OK;
    }
  }
  return TCL_ERROR;
}

/* Parse the shared listing filters: -student -pack -stage -status. */
static int getFilter(Tcl_Interp *interp, Tcl_Obj *pStudent, Tcl_Obj *pPack,
                     Tcl_Obj *pStage, Tcl_Obj *pStatus, KioskRecFilter *pF){
  static const char *const azStatus[] = {
    "open", "finished", "abandoned", 0
  };
  int iStatus;
  memset(pF, 0, sizeof(*pF));
  if( pStudent && getId(interp, pStudent, &pF->iStudent) ) return TCL_ERROR;
  pF->zPack = optString(pPack);
  pF->zStage = optString(pStage);
  if( pStatus ){
    if( Tcl_GetIndexFromObjStruct(interp, pStatus, azStatus, sizeof(char *),
                                  "status", TCL_EXACT, &iStatus) ){
      return TCL_ERROR;
    }
    pF->zStatus = azStatus[iStatus];
  }
  return TCL_OK;
}

static int cmdAttempts(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = {
    "-student", "-pack", "-stage", "-status", 0
  };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[4], *pList;
  KioskRecFilter f;
  KioskError err;
  if( getOpts(interp, objc, objv, 2, azOpt, apVal, 2,
              "?-student id? ?-pack id? ?-stage id? ?-status status?")
   || getFilter(interp, apVal[0], apVal[1], apVal[2], apVal[3], &f) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  pList = Tcl_NewListObj(0, 0);
  if( kioskRecordsAttempts(p->pRec, &f, rowToList, pList, &err) ){
    Tcl_DecrRefCount(pList);
    return coreError(interp, &err);
  }
  Tcl_SetObjResult(interp, pList);
  return TCL_OK;
}

/* ---- lessons, progress, review ---- */

static int cmdLessonRead(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azNow[] = { "-now", 0 };
  const char *zArgs = "student stage ?-now seconds?";
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1];
  KioskError err;
  sqlite3_int64 iId;
  long long iNow;
  if( objc<4 ) return usage(interp, 2, objv, zArgs);
  if( getOpts(interp, objc, objv, 4, azNow, apVal, 2, zArgs)
   || getId(interp, objv[2], &iId)
   || getNow(interp, apVal[0], &iNow) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  if( kioskRecordsLessonRead(p->pRec, iId, Tcl_GetString(objv[3]), iNow,
                             &err) ){
    return coreError(interp, &err);
  }
  return TCL_OK;
}

static int cmdProgress(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *pDict;
  KioskError err;
  sqlite3_int64 iId;
  if( objc!=3 ) return usage(interp, 2, objv, "student");
  if( getId(interp, objv[2], &iId) ) return TCL_ERROR;
  kioskErrorClear(&err);
  pDict = Tcl_NewDictObj();
  if( kioskRecordsProgress(p->pRec, iId, rowKeyed, pDict, &err) ){
    Tcl_DecrRefCount(pDict);
    return coreError(interp, &err);
  }
  Tcl_SetObjResult(interp, pDict);
  return TCL_OK;
}

static int cmdReview(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = {
    "answer", "due", "questions", "state", 0
  };
  enum { R_ANSWER, R_DUE, R_QUESTIONS, R_STATE };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[2], *pList;
  KioskError err;
  sqlite3_int64 iId;
  long long iNow;
  int iSub, rc;

  if( groupSub(interp, objc, objv, azSub,
               "answer|due|questions|state ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  switch( iSub ){
    case R_DUE:
    case R_QUESTIONS: {
      /* NAME review due|questions STUDENT ?-limit N? ?-now SECONDS? */
      static const char *const azOpt[] = { "-limit", "-now", 0 };
      const char *zArgs = "student ?-limit n? ?-now seconds?";
      int nLimit = iSub==R_DUE ? -1 : 10;
      if( objc<4 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 4, azOpt, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || (apVal[0] && Tcl_GetIntFromObj(interp, apVal[0], &nLimit))
       || getNow(interp, apVal[1], &iNow) ){
        return TCL_ERROR;
      }
      if( nLimit<0 && apVal[0] ){
        Tcl_SetObjResult(interp, Tcl_ObjPrintf(
            "bad limit \"%d\": must be 0 or more", nLimit));
        Tcl_SetErrorCode(interp, "KIOSK", "ARG", "LIMIT", (char *)0);
        return TCL_ERROR;
      }
      {
        QuestionRows r;
        pList = Tcl_NewListObj(0, 0);
        Tcl_IncrRefCount(pList);
        r.p = p;
        r.pList = pList;
        r.bWhole = iSub==R_DUE;
        r.pErr = &err;
        rc = iSub==R_DUE
           ? kioskRecordsReviewDue(p->pRec, iId, iNow, nLimit, rowQuestion,
                                   &r, &err)
           : kioskRecordsReviewQuestions(p->pRec, iId, iNow, nLimit,
                                         rowQuestion, &r, &err);
        if( rc ){
          Tcl_DecrRefCount(pList);
          return coreError(interp, &err);
        }
        Tcl_SetObjResult(interp, pList);
        Tcl_DecrRefCount(pList);
      }
      return TCL_OK;
    }
    case R_ANSWER: {
      /* NAME review answer STUDENT FACT CORRECT ?-stage ID? ?-now SECONDS? */
      static const char *const azOpt[] = { "-stage", "-now", 0 };
      const char *zArgs = "student fact correct ?-stage id? ?-now seconds?";
      Tcl_Obj *pRow = 0;
      int bCorrect;
      if( objc<6 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 6, azOpt, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || Tcl_GetBooleanFromObj(interp, objv[5], &bCorrect)
       || getNow(interp, apVal[1], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskRecordsReviewAnswer(p->pRec, iId, Tcl_GetString(objv[4]),
                                   optString(apVal[0]), bCorrect, iNow, &err)
       || kioskRecordsReviewState(p->pRec, iId, Tcl_GetString(objv[4]),
                                  rowToSlot, &pRow, &err) ){
        if( pRow ) Tcl_DecrRefCount(pRow);
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pRow);
      Tcl_DecrRefCount(pRow);
      return TCL_OK;
    }
    case R_STATE: {
      /* NAME review state STUDENT ?FACT? */
      Tcl_Obj *pRow = 0;
      if( objc!=4 && objc!=5 ) return usage(interp, 3, objv, "student ?fact?");
      if( getId(interp, objv[3], &iId) ) return TCL_ERROR;
      if( objc==5 ){
        if( kioskRecordsReviewState(p->pRec, iId, Tcl_GetString(objv[4]),
                                    rowToSlot, &pRow, &err) ){
          if( pRow ) Tcl_DecrRefCount(pRow);
          return coreError(interp, &err);
        }
        Tcl_SetObjResult(interp, pRow);
        Tcl_DecrRefCount(pRow);
        return TCL_OK;
      }
      pList = Tcl_NewListObj(0, 0);
      if( kioskRecordsReviewState(p->pRec, iId, 0, rowToList, pList, &err) ){
        Tcl_DecrRefCount(pList);
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pList);
      return TCL_OK;
    }
  }
  return TCL_ERROR;
}

/* ---- settings, PIN, packs ---- */

static int cmdSettings(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = { "get", "set", 0 };
  enum { G_GET, G_SET };
  Tcl_Interp *interp = p->interp;
  KioskError err;
  int iSub;
  kioskErrorClear(&err);
  if( objc==2 ){
    Tcl_Obj *pDict = Tcl_NewDictObj();
    if( kioskRecordsSettings(p->pRec, rowPair, pDict, &err) ){
      Tcl_DecrRefCount(pDict);
      return coreError(interp, &err);
    }
    Tcl_SetObjResult(interp, pDict);
    return TCL_OK;
  }
  if( Tcl_GetIndexFromObjStruct(interp, objv[2], azSub, sizeof(char *),
                                "subcommand", 0, &iSub) ){
    return TCL_ERROR;
  }
  if( iSub==G_GET ){
    /* NAME settings get KEY */
    char *zVal = 0;
    if( objc!=4 ) return usage(interp, 3, objv, "key");
    if( kioskRecordsSettingGet(p->pRec, Tcl_GetString(objv[3]), &zVal, &err) ){
      return coreError(interp, &err);
    }
    Tcl_SetObjResult(interp, Tcl_NewStringObj(zVal, -1));
    sqlite3_free(zVal);
    return TCL_OK;
  }
  /* NAME settings set KEY VALUE */
  if( objc!=5 ) return usage(interp, 3, objv, "key value");
  if( kioskRecordsSettingSet(p->pRec, Tcl_GetString(objv[3]),
                             Tcl_GetString(objv[4]), &err) ){
    return coreError(interp, &err);
  }
  return TCL_OK;
}

/* The throttle's state as a dict: ok (with a PIN tried), wait, fails. */
static Tcl_Obj *pinResult(int bTried, int bOk, long long iWait, int nFail){
  Tcl_Obj *pDict = Tcl_NewDictObj();
  if( bTried ){
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("ok", -1), Tcl_NewBooleanObj(bOk));
  }
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("wait", -1),
                 Tcl_NewWideIntObj((Tcl_WideInt)iWait));
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("fails", -1), Tcl_NewIntObj(nFail));
  return pDict;
}

static int cmdPin(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = {
    "check", "isset", "set", "try", "wait", 0
  };
  enum { P_CHECK, P_ISSET, P_SET, P_TRY, P_WAIT };
  static const char *const azNow[] = { "-now", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1];
  KioskError err;
  long long iNow, iWait = 0;
  int iSub, b = 0, nFail = 0;
  if( groupSub(interp, objc, objv, azSub,
               "check|isset|set|try|wait ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  switch( iSub ){
    case P_ISSET:
      if( objc!=3 ) return usage(interp, 3, objv, "");
      if( kioskRecordsPinIsSet(p->pRec, &b, &err) ) return coreError(interp, &err);
      Tcl_SetObjResult(interp, Tcl_NewBooleanObj(b));
      return TCL_OK;
    case P_SET:
      if( objc!=4 ) return usage(interp, 3, objv, "pin");
      if( kioskRecordsPinSet(p->pRec, Tcl_GetString(objv[3]), &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    case P_CHECK:
      if( objc!=4 ) return usage(interp, 3, objv, "pin");
      if( kioskRecordsPinCheck(p->pRec, Tcl_GetString(objv[3]), &b, &err) ){
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, Tcl_NewBooleanObj(b));
      return TCL_OK;
    case P_TRY:
      /* NAME pin try PIN ?-now T? */
      if( objc<4 ) return usage(interp, 3, objv, "pin ?-now time?");
      if( getOpts(interp, objc, objv, 4, azNow, apVal, 3, "pin ?-now time?")
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskRecordsPinTry(p->pRec, Tcl_GetString(objv[3]), iNow, &b,
                             &iWait, &nFail, &err) ){
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pinResult(1, b, iWait, nFail));
      return TCL_OK;
    case P_WAIT:
      /* NAME pin wait ?-now T? */
      if( getOpts(interp, objc, objv, 3, azNow, apVal, 3, "?-now time?")
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskRecordsPinWait(p->pRec, iNow, &iWait, &nFail, &err) ){
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pinResult(0, 0, iWait, nFail));
      return TCL_OK;
  }
  return TCL_ERROR;
}

/* NAME log add KIND MESSAGE ?-now T? | NAME log list ?-limit N? */
static int cmdLog(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = { "add", "list", 0 };
  enum { L_ADD, L_LIST };
  static const char *const azNow[] = { "-now", 0 };
  static const char *const azLimit[] = { "-limit", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1], *pList;
  KioskError err;
  long long iNow;
  int iSub, nLimit = -1;
  if( groupSub(interp, objc, objv, azSub, "add|list ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  if( iSub==L_ADD ){
    if( objc<5 ) return usage(interp, 3, objv, "kind message ?-now time?");
    if( getOpts(interp, objc, objv, 5, azNow, apVal, 3,
                "kind message ?-now time?")
     || getNow(interp, apVal[0], &iNow) ){
      return TCL_ERROR;
    }
    if( kioskRecordsLog(p->pRec, iNow, Tcl_GetString(objv[3]),
                        Tcl_GetString(objv[4]), &err) ){
      return coreError(interp, &err);
    }
    return TCL_OK;
  }
  if( getOpts(interp, objc, objv, 3, azLimit, apVal, 3, "?-limit n?") ){
    return TCL_ERROR;
  }
  if( apVal[0] && Tcl_GetIntFromObj(interp, apVal[0], &nLimit) ){
    return TCL_ERROR;
  }
  pList = Tcl_NewListObj(0, 0);
  if( kioskRecordsLogList(p->pRec, nLimit, rowToList, pList, &err) ){
    Tcl_DecrRefCount(pList);
    return coreError(interp, &err);
  }
  Tcl_SetObjResult(interp, pList);
  return TCL_OK;
}

static int cmdPacks(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = {
    "activate", "active", "get", "install", "list", "remove", 0
  };
  enum { K_ACTIVATE, K_ACTIVE, K_GET, K_INSTALL, K_LIST, K_REMOVE };
  static const char *const azNow[] = { "-now", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[1], *pObj = 0;
  KioskError err;
  long long iNow;
  int iSub;
  if( groupSub(interp, objc, objv, azSub,
               "activate|active|get|install|list|remove ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  switch( iSub ){
    case K_INSTALL: {
      /* NAME packs install ID TITLE TEXT ?-now SECONDS? */
      const char *zArgs = "id title text ?-now seconds?";
      if( objc<6 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 6, azNow, apVal, 3, zArgs)
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( kioskRecordsPackInstall(p->pRec, Tcl_GetString(objv[3]),
                                  Tcl_GetString(objv[4]),
                                  Tcl_GetString(objv[5]), iNow, &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    }
    case K_LIST:
      if( objc!=3 ) return usage(interp, 3, objv, "");
      pObj = Tcl_NewListObj(0, 0);
      if( kioskRecordsPacks(p->pRec, rowToList, pObj, &err) ){
        Tcl_DecrRefCount(pObj);
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pObj);
      return TCL_OK;
    case K_GET:
      if( objc!=4 ) return usage(interp, 3, objv, "id");
      if( kioskRecordsPackGet(p->pRec, Tcl_GetString(objv[3]), rowToSlot,
                              &pObj, &err) ){
        if( pObj ) Tcl_DecrRefCount(pObj);
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pObj);
      Tcl_DecrRefCount(pObj);
      return TCL_OK;
    case K_REMOVE:
      if( objc!=4 ) return usage(interp, 3, objv, "id");
      if( kioskRecordsPackRemove(p->pRec, Tcl_GetString(objv[3]), &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    case K_ACTIVATE:
      if( objc!=4 ) return usage(interp, 3, objv, "id");
      if( kioskRecordsPackActivate(p->pRec, Tcl_GetString(objv[3]), &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    case K_ACTIVE: {
      char *zId = 0;
      if( objc!=3 ) return usage(interp, 3, objv, "");
      if( kioskRecordsPackActive(p->pRec, &zId, &err) ){
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, Tcl_NewStringObj(zId, -1));
      sqlite3_free(zId);
      return TCL_OK;
    }
  }
  return TCL_ERROR;
}

/* ---- reports ---- */

/* Rows "question ..." appended to the list stored under the question id
** in the dict pArg (rest of the row as a dict). */
static int rowGrouped(void *pArg, sqlite3_stmt *pStmt){
  Tcl_Obj *pGroups = (Tcl_Obj *)pArg, *pKey, *pList = 0, *pRow, *pCol;
  pKey = Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 0), -1);
  Tcl_IncrRefCount(pKey);
  pRow = kioskTclRowDict(pStmt);
  pCol = Tcl_NewStringObj(sqlite3_column_name(pStmt, 0), -1);
  Tcl_IncrRefCount(pCol);
  Tcl_DictObjRemove(0, pRow, pCol);
  Tcl_DecrRefCount(pCol);
  Tcl_DictObjGet(0, pGroups, pKey, &pList);
  if( pList==0 ){
    pList = Tcl_NewListObj(0, 0);
  }else if( Tcl_IsShared(pList) ){
    pList = Tcl_DuplicateObj(pList);
  }
  Tcl_ListObjAppendElement(0, pList, pRow);
  Tcl_DictObjPut(0, pGroups, pKey, pList);
  Tcl_DecrRefCount(pKey);
  return 0;
}

static int cmdItems(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-pack", "-stage", "-student", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[3], *pItems = 0, *pOpts = 0, *pWrong = 0, *pResult = 0;
  Tcl_Obj **apItem, *pKeyQ, *pKeyOpt, *pKeyWrong, *pKeyKind;
  KioskRecFilter f;
  KioskError err;
  int nItem, i, rc = TCL_ERROR;

  if( getOpts(interp, objc, objv, 2, azOpt, apVal, 2,
              "?-pack id? ?-stage id? ?-student id?")
   || getFilter(interp, apVal[2], apVal[0], apVal[1], 0, &f) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  pItems = Tcl_NewListObj(0, 0);
  pOpts = Tcl_NewDictObj();
  pWrong = Tcl_NewDictObj();
  pResult = Tcl_NewListObj(0, 0);
  pKeyQ = Tcl_NewStringObj("question", -1);
  pKeyOpt = Tcl_NewStringObj("options", -1);
  pKeyWrong = Tcl_NewStringObj("wrong", -1);
  pKeyKind = Tcl_NewStringObj("kind", -1);
  Tcl_IncrRefCount(pItems);
  Tcl_IncrRefCount(pOpts);
  Tcl_IncrRefCount(pWrong);
  Tcl_IncrRefCount(pResult);
  Tcl_IncrRefCount(pKeyQ);
  Tcl_IncrRefCount(pKeyOpt);
  Tcl_IncrRefCount(pKeyWrong);
  Tcl_IncrRefCount(pKeyKind);
  if( kioskRecordsItems(p->pRec, &f, KIOSK_ITEMS_QUESTIONS, rowToList, pItems,
                        &err)
   || kioskRecordsItems(p->pRec, &f, KIOSK_ITEMS_OPTIONS, rowGrouped, pOpts,
                        &err)
   || kioskRecordsItems(p->pRec, &f, KIOSK_ITEMS_WRONG, rowGrouped, pWrong,
                        &err) ){
    coreError(interp, &err);
    goto done;
  }
  if( Tcl_ListObjGetElements(interp, pItems, &nItem, &apItem) ) goto done;
  for(i=0; i<nItem; i++){
    Tcl_Obj *pItem = Tcl_DuplicateObj(apItem[i]), *pId = 0, *pKind = 0;
    Tcl_Obj *pList = 0;
    const char *zKind;
    Tcl_DictObjGet(0, pItem, pKeyQ, &pId);
    Tcl_DictObjGet(0, pItem, pKeyKind, &pKind);
    zKind = pKind ? Tcl_GetString(pKind) : "";
    if( strcmp(zKind, "choice")==0 || strcmp(zKind, "tf")==0
     || strcmp(zKind, "multi")==0 ){
      Tcl_DictObjGet(0, pOpts, pId, &pList);
      Tcl_DictObjPut(0, pItem, pKeyOpt, pList ? pList : Tcl_NewListObj(0, 0));
    }
    if( strcmp(zKind, "year")==0 || strcmp(zKind, "number")==0
     || strcmp(zKind, "text")==0 ){
      pList = 0;
      Tcl_DictObjGet(0, pWrong, pId, &pList);
      Tcl_DictObjPut(0, pItem, pKeyWrong,
                     pList ? pList : Tcl_NewListObj(0, 0));
    }
    Tcl_ListObjAppendElement(0, pResult, pItem);
  }
  Tcl_SetObjResult(interp, pResult);
  rc = TCL_OK;

done:
  Tcl_DecrRefCount(pItems);
  Tcl_DecrRefCount(pOpts);
  Tcl_DecrRefCount(pWrong);
  Tcl_DecrRefCount(pResult);
  Tcl_DecrRefCount(pKeyQ);
  Tcl_DecrRefCount(pKeyOpt);
  Tcl_DecrRefCount(pKeyWrong);
  Tcl_DecrRefCount(pKeyKind);
  return rc;
}

static int cmdExport(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-pack", "-student", "-raw", 0 };
  const char *zArgs = "file ?-pack id? ?-student id? ?-raw boolean?";
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[3];
  KioskRecFilter f;
  KioskError err;
  Tcl_DString ds;
  const char *zPath;
  int nRow, rc, bRaw = 0;
  if( objc<3 ) return usage(interp, 2, objv, zArgs);
  if( getOpts(interp, objc, objv, 3, azOpt, apVal, 2, zArgs)
   || getFilter(interp, apVal[1], apVal[0], 0, 0, &f)
   || (apVal[2] && Tcl_GetBooleanFromObj(interp, apVal[2], &bRaw)) ){
    return TCL_ERROR;
  }
  zPath = Tcl_TranslateFileName(interp, Tcl_GetString(objv[2]), &ds);
  if( zPath==0 ) return TCL_ERROR;
  kioskErrorClear(&err);
  rc = kioskRecordsExportFileAs(p->pRec, &f, bRaw, zPath, &nRow, &err);
  Tcl_DStringFree(&ds);
  if( rc ) return coreError(interp, &err);
  Tcl_SetObjResult(interp, Tcl_NewIntObj(nRow));
  return TCL_OK;
}

static int cmdBackup(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  /* NAME backup ?-now SECONDS? */
  static const char *const azOpt[] = { "-now", 0 };
  Tcl_Obj *apVal[1];
  KioskError err;
  char *zPath = 0;
  long long iNow;
  if( getOpts(p->interp, objc, objv, 2, azOpt, apVal, 2, "?-now seconds?")
   || getNow(p->interp, apVal[0], &iNow) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  if( kioskRecordsBackupAt(p->pRec, iNow, &zPath, &err) ){
    return coreError(p->interp, &err);
  }
  Tcl_SetObjResult(p->interp, Tcl_NewStringObj(zPath ? zPath : "", -1));
  sqlite3_free(zPath);
  return TCL_OK;
}

static int recObjCmd(ClientData cd, Tcl_Interp *interp,
                     int objc, Tcl_Obj *const objv[]){
  KioskRecObj *p = (KioskRecObj *)cd;
  static const char *const azSub[] = {
    "attempt", "attempts", "backup", "close", "export", "items",
    "lesson-read", "log", "packs", "pin", "progress", "review", "settings",
    "student", "students", 0
  };
  enum RecSub {
    SUB_ATTEMPT, SUB_ATTEMPTS, SUB_BACKUP, SUB_CLOSE, SUB_EXPORT, SUB_ITEMS,
    SUB_LESSONREAD, SUB_LOG, SUB_PACKS, SUB_PIN, SUB_PROGRESS, SUB_REVIEW,
    SUB_SETTINGS, SUB_STUDENT, SUB_STUDENTS
  };
  int iSub, rc = TCL_ERROR;

  if( objc<2 ) return usage(interp, 1, objv, "subcommand ?arg ...?");
  if( Tcl_GetIndexFromObjStruct(interp, objv[1], azSub, sizeof(char *),
                                "subcommand", 0, &iSub) ){
    return TCL_ERROR;
  }
  /* The object must outlive a subcommand that deletes it (close). */
  Tcl_Preserve(p);
  switch( (enum RecSub)iSub ){
    case SUB_ATTEMPT:    rc = cmdAttempt(p, objc, objv); break;
    case SUB_ATTEMPTS:   rc = cmdAttempts(p, objc, objv); break;
    case SUB_BACKUP:     rc = cmdBackup(p, objc, objv); break;
    case SUB_EXPORT:     rc = cmdExport(p, objc, objv); break;
    case SUB_ITEMS:      rc = cmdItems(p, objc, objv); break;
    case SUB_LESSONREAD: rc = cmdLessonRead(p, objc, objv); break;
    case SUB_LOG:        rc = cmdLog(p, objc, objv); break;
    case SUB_PACKS:      rc = cmdPacks(p, objc, objv); break;
    case SUB_PIN:        rc = cmdPin(p, objc, objv); break;
    case SUB_PROGRESS:   rc = cmdProgress(p, objc, objv); break;
    case SUB_REVIEW:     rc = cmdReview(p, objc, objv); break;
    case SUB_SETTINGS:   rc = cmdSettings(p, objc, objv); break;
    case SUB_STUDENT:    rc = cmdStudent(p, objc, objv); break;
    case SUB_STUDENTS:   rc = cmdStudents(p, objc, objv); break;
    case SUB_CLOSE:
      /* NAME close */
      if( objc!=2 ){
        rc = usage(interp, 2, objv, "");
      }else{
        Tcl_DeleteCommandFromToken(interp, p->token);
        rc = TCL_OK;
      }
      break;
  }
  Tcl_Release(p);
  return rc;
}

int kioskRecordsFactoryObjCmd(ClientData cd, Tcl_Interp *interp,
                              int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-backups", "-defer-backup", "-now",
                                       0 };
  KioskRecObj *p;
  KioskRecords *pRec = 0;
  KioskError err;
  Tcl_Obj *apVal[3];
  long long iNow;
  Tcl_DString ds;
  const char *zPath;
  int nBackup = KIOSK_RECORDS_BACKUPS, bDefer = 0, rc;
  (void)cd;

  if( objc<3 ){
    return usage(interp, 1, objv,
                 "name file ?-backups n? ?-defer-backup boolean?"
                 " ?-now seconds?");
  }
  if( getOpts(interp, objc, objv, 3, azOpt, apVal, 1,
              "name file ?-backups n? ?-defer-backup boolean?"
              " ?-now seconds?")
   || getNow(interp, apVal[2], &iNow) ){
    return TCL_ERROR;
  }
  if( apVal[1] && Tcl_GetBooleanFromObj(interp, apVal[1], &bDefer) ){
    return TCL_ERROR;
  }
  if( apVal[0] ){
    if( Tcl_GetIntFromObj(interp, apVal[0], &nBackup) ) return TCL_ERROR;
    if( nBackup<0 || nBackup>100 ){
      Tcl_SetObjResult(interp, Tcl_ObjPrintf(
          "bad backups \"%d\": must be 0 to 100", nBackup));
      Tcl_SetErrorCode(interp, "KIOSK", "ARG", "BACKUPS", (char *)0);
      return TCL_ERROR;
    }
  }
  if( strcmp(Tcl_GetString(objv[2]), ":memory:")==0 ){
    Tcl_DStringInit(&ds);
    Tcl_DStringAppend(&ds, ":memory:", -1);
    zPath = Tcl_DStringValue(&ds);
  }else{
    zPath = Tcl_TranslateFileName(interp, Tcl_GetString(objv[2]), &ds);
    if( zPath==0 ) return TCL_ERROR;
  }
  kioskErrorClear(&err);
  rc = kioskRecordsOpenAt(zPath, nBackup,
                          bDefer ? KIOSK_RECORDS_DEFER_BACKUP : 0, iNow,
                          &pRec, &err);
  Tcl_DStringFree(&ds);
  if( rc ) return kioskTclError(interp, &err);
  p = (KioskRecObj *)Tcl_Alloc(sizeof(*p));
  memset(p, 0, sizeof(*p));
  p->interp = interp;
  p->pRec = pRec;
  p->token = Tcl_CreateObjCommand(interp, Tcl_GetString(objv[1]), recObjCmd,
                                  p, recDelete);
  Tcl_SetObjResult(interp, objv[1]);
  return TCL_OK;
}

KioskRecords *kioskTclRecordsFromCmd(Tcl_Interp *interp, Tcl_Obj *pCmd){
  Tcl_CmdInfo info;
  if( Tcl_GetCommandInfo(interp, Tcl_GetString(pCmd), &info)==0
   || info.objProc!=recObjCmd ){
    return 0;
  }
  return ((KioskRecObj *)info.objClientData)->pRec;
}
