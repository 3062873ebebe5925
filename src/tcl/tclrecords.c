/*
** tclrecords.c: the learner records database as a Tcl object command.
**
**   kiosk::records NAME FILE ?-backups N? ?-defer-backup BOOL?
**
** creates the command NAME over records.db FILE (see doc/records.md for
** every subcommand). Thin: arguments are checked here, everything else is
** the core's records.h. Question dicts and answers pass through as text:
** only the few fields the records index (id, kind, options, facts...) are
** read out of them, nothing is evaluated.
*/
#include "tclkiosk.h"
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

/* Append column 0 as a string to the list pArg. */
static int rowFirstColumn(void *pArg, sqlite3_stmt *pStmt){
  Tcl_ListObjAppendElement(0, (Tcl_Obj *)pArg,
      Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 0),
                       sqlite3_column_bytes(pStmt, 0)));
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

/* The question fields records.h indexes, read out of a list of dicts. The
** strings point into Tcl objects held alive by pKeep. */
typedef struct QuestionSet {
  int nQuestion;
  KioskRecQuestion *aQuestion;
  const char **azStr;        /* all option texts and facts, one block */
  double *arCredit;          /* all credits, one block */
  Tcl_Obj *pKeep;            /* list holding a reference to every object */
} QuestionSet;

static void questionSetFree(QuestionSet *s){
  Tcl_Free((char *)s->aQuestion);
  Tcl_Free((char *)s->azStr);
  Tcl_Free((char *)s->arCredit);
  if( s->pKeep ) Tcl_DecrRefCount(s->pKeep);
  memset(s, 0, sizeof(*s));
}

/* Look up zKey in the dict pDict; *ppVal NULL when absent. The value is
** kept alive through pKeep, when given. */
static int dictField(Tcl_Interp *interp, Tcl_Obj *pDict, const char *zKey,
                     Tcl_Obj *pKeep, Tcl_Obj **ppVal){
  Tcl_Obj *pKey = Tcl_NewStringObj(zKey, -1);
  int rc;
  Tcl_IncrRefCount(pKey);
  rc = Tcl_DictObjGet(interp, pDict, pKey, ppVal);
  Tcl_DecrRefCount(pKey);
  if( rc==TCL_OK && *ppVal && pKeep ){
    Tcl_ListObjAppendElement(0, pKeep, *ppVal);
  }
  return rc;
}

static int questionError(Tcl_Interp *interp, int i, const char *zWhat){
  Tcl_SetObjResult(interp, Tcl_ObjPrintf("question %d: %s", i, zWhat));
  Tcl_SetErrorCode(interp, "KIOSK", "RECORDS", "QUESTION", (char *)0);
  return TCL_ERROR;
}

static int questionSetInit(Tcl_Interp *interp, Tcl_Obj *pList,
                           QuestionSet *s){
  Tcl_Obj **apQ, *pVal, **apElem, *pOpt;
  int nQ, nStr = 0, nCredit = 0, i, j, nElem;

  memset(s, 0, sizeof(*s));
  s->pKeep = Tcl_NewListObj(0, 0);
  Tcl_IncrRefCount(s->pKeep);
  Tcl_ListObjAppendElement(0, s->pKeep, pList);
  if( Tcl_ListObjGetElements(interp, pList, &nQ, &apQ) ) goto fail;
  /* Hold every question object: reading them as dicts must not free the
  ** strings taken from them. */
  for(i=0; i<nQ; i++) Tcl_ListObjAppendElement(0, s->pKeep, apQ[i]);
  /* First pass: sizes. */
  for(i=0; i<nQ; i++){
    if( dictField(interp, apQ[i], "options", s->pKeep, &pVal) ) goto fail;
    if( pVal ){
      if( Tcl_ListObjLength(interp, pVal, &nElem) ) goto fail;
      nStr += nElem;
      nCredit += nElem;
    }
    if( dictField(interp, apQ[i], "facts", s->pKeep, &pVal) ) goto fail;
    if( pVal ){
      if( Tcl_ListObjLength(interp, pVal, &nElem) ) goto fail;
      nStr += nElem;
    }
  }
  s->nQuestion = nQ;
  s->aQuestion = (KioskRecQuestion *)Tcl_Alloc(
      (unsigned)(sizeof(KioskRecQuestion) * (size_t)(nQ>0 ? nQ : 1)));
  s->azStr = (const char **)Tcl_Alloc(
      (unsigned)(sizeof(char *) * (size_t)(nStr>0 ? nStr : 1)));
  s->arCredit = (double *)Tcl_Alloc(
      (unsigned)(sizeof(double) * (size_t)(nCredit>0 ? nCredit : 1)));
  nStr = nCredit = 0;
  for(i=0; i<nQ; i++){
    KioskRecQuestion *q = &s->aQuestion[i];
    memset(q, 0, sizeof(*q));
    q->rPoints = 1.0;
    q->zBody = Tcl_GetString(apQ[i]);
    if( dictField(interp, apQ[i], "id", s->pKeep, &pVal) ) goto fail;
    if( pVal==0 ) { questionError(interp, i, "no id"); goto fail; }
    q->zId = Tcl_GetString(pVal);
    if( dictField(interp, apQ[i], "kind", s->pKeep, &pVal) ) goto fail;
    if( pVal==0 ) { questionError(interp, i, "no kind"); goto fail; }
    q->zKind = Tcl_GetString(pVal);
    if( dictField(interp, apQ[i], "topic", s->pKeep, &pVal) ) goto fail;
    q->zTopic = optString(pVal);
    if( dictField(interp, apQ[i], "stage", s->pKeep, &pVal) ) goto fail;
    q->zStage = optString(pVal);
    if( dictField(interp, apQ[i], "prompt", s->pKeep, &pVal) ) goto fail;
    q->zPrompt = optString(pVal);
    if( dictField(interp, apQ[i], "points", s->pKeep, &pVal) ) goto fail;
    if( pVal && Tcl_GetDoubleFromObj(interp, pVal, &q->rPoints) ) goto fail;
    if( dictField(interp, apQ[i], "options", s->pKeep, &pVal) ) goto fail;
    if( pVal ){
      if( Tcl_ListObjGetElements(interp, pVal, &nElem, &apElem) ) goto fail;
      for(j=0; j<nElem; j++) Tcl_ListObjAppendElement(0, s->pKeep, apElem[j]);
      q->nOption = nElem;
      q->azOption = &s->azStr[nStr];
      q->arCredit = &s->arCredit[nCredit];
      for(j=0; j<nElem; j++){
        double r = 0.0;
        if( dictField(interp, apElem[j], "text", s->pKeep, &pOpt) ) goto fail;
        s->azStr[nStr++] = pOpt ? Tcl_GetString(pOpt) : "";
        if( dictField(interp, apElem[j], "credit", s->pKeep, &pOpt) ) goto fail;
        if( pOpt && Tcl_GetDoubleFromObj(interp, pOpt, &r) ) goto fail;
        s->arCredit[nCredit++] = r;
      }
    }
    if( dictField(interp, apQ[i], "facts", s->pKeep, &pVal) ) goto fail;
    if( pVal ){
      if( Tcl_ListObjGetElements(interp, pVal, &nElem, &apElem) ) goto fail;
      q->nFact = nElem;
      q->azFact = &s->azStr[nStr];
      for(j=0; j<nElem; j++){
        Tcl_ListObjAppendElement(0, s->pKeep, apElem[j]);
        s->azStr[nStr++] = Tcl_GetString(apElem[j]);
      }
    }
  }
  return TCL_OK;

fail:
  questionSetFree(s);
  return TCL_ERROR;
}

/* Append column 1 (a question body) as a string to the list pArg. */
static int rowBody(void *pArg, sqlite3_stmt *pStmt){
  Tcl_ListObjAppendElement(0, (Tcl_Obj *)pArg,
      Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 1),
                       sqlite3_column_bytes(pStmt, 1)));
  return 0;
}

/* *ppDict: the full attempt dict (summary, questions, answers) with one
** reference the caller owns. */
static int attemptDict(KioskRecObj *p, sqlite3_int64 iAttempt,
                       Tcl_Obj **ppDict){
  KioskRecFilter f;
  KioskError err;
  Tcl_Obj *pDict = 0;
  Tcl_Obj *pQ = Tcl_NewListObj(0, 0), *pA = Tcl_NewListObj(0, 0);

  *ppDict = 0;
  memset(&f, 0, sizeof(f));
  f.iAttempt = iAttempt;
  kioskErrorClear(&err);
  Tcl_IncrRefCount(pQ);
  Tcl_IncrRefCount(pA);
  if( kioskRecordsAttemptQuestions(p->pRec, iAttempt, rowBody, pQ, &err)
   || kioskRecordsAttemptAnswers(p->pRec, iAttempt, rowToList, pA, &err)
   || kioskRecordsAttempts(p->pRec, &f, rowToSlot, &pDict, &err) ){
    if( pDict ) Tcl_DecrRefCount(pDict);
    Tcl_DecrRefCount(pQ);
    Tcl_DecrRefCount(pA);
    return coreError(p->interp, &err);
  }
  /* pDict is unshared: rowToSlot made it and holds the only reference. */
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("questions", -1), pQ);
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("answers", -1), pA);
  Tcl_DecrRefCount(pQ);
  Tcl_DecrRefCount(pA);
  *ppDict = pDict;
  return TCL_OK;
}

/* Set the result to the summary dict of one attempt. */
static int attemptSummary(KioskRecObj *p, sqlite3_int64 iAttempt){
  KioskRecFilter f;
  KioskError err;
  Tcl_Obj *pDict = 0;
  memset(&f, 0, sizeof(f));
  f.iAttempt = iAttempt;
  kioskErrorClear(&err);
  if( kioskRecordsAttempts(p->pRec, &f, rowToSlot, &pDict, &err) ){
    if( pDict ) Tcl_DecrRefCount(pDict);
    return coreError(p->interp, &err);
  }
  if( pDict==0 ){
    kioskErrorSet(&err, KIOSK_ERECORDS, "NOATTEMPT", 0, 0, 0,
                  "no attempt with id %lld", (long long)iAttempt);
    return coreError(p->interp, &err);
  }
  Tcl_SetObjResult(p->interp, pDict);
  Tcl_DecrRefCount(pDict);
  return TCL_OK;
}

static int cmdAttempt(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = {
    "abandon", "answer", "finish", "get", "start", "unfinished", 0
  };
  enum { A_ABANDON, A_ANSWER, A_FINISH, A_GET, A_START, A_UNFINISHED };
  static const char *const azNow[] = { "-now", 0 };
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[5], *pDict;
  KioskError err;
  sqlite3_int64 iId;
  long long iNow;
  int iSub;

  if( groupSub(interp, objc, objv, azSub,
               "abandon|answer|finish|get|start|unfinished ?arg ...?", &iSub) ){
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  switch( iSub ){
    case A_START: {
      /* NAME attempt start STUDENT -questions LIST ?-pack ID? ?-stage ID?
      **   ?-review BOOL? ?-now SECONDS? */
      static const char *const azOpt[] = {
        "-questions", "-pack", "-stage", "-review", "-now", 0
      };
      const char *zArgs = "student -questions list ?-pack id? ?-stage id?"
                          " ?-review boolean? ?-now seconds?";
      QuestionSet qs;
      const char *zKind;
      int bReview = 0, rc;
      if( objc<4 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 4, azOpt, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || (apVal[3] && Tcl_GetBooleanFromObj(interp, apVal[3], &bReview))
       || getNow(interp, apVal[4], &iNow) ){
        return TCL_ERROR;
      }
      if( apVal[0]==0 ) return usage(interp, 3, objv, zArgs);
      if( questionSetInit(interp, apVal[0], &qs) ) return TCL_ERROR;
      zKind = bReview ? "review" : apVal[1] ? "pack" : "stage";
      rc = kioskRecordsAttemptStart(p->pRec, iId, zKind, optString(apVal[1]),
                                    optString(apVal[2]), qs.nQuestion,
                                    qs.aQuestion, iNow, &iId, &err);
      questionSetFree(&qs);
      if( rc ) return coreError(interp, &err);
      Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)iId));
      return TCL_OK;
    }
    case A_ANSWER: {
      /* NAME attempt answer ATTEMPT INDEX ANSWER SCORE ?-now SECONDS? */
      const char *zArgs = "attempt index answer score ?-now seconds?";
      Tcl_Obj *pVal;
      int idx, bCorrect;
      double rCredit, rPoints = -1.0;
      if( objc<7 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 7, azNow, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || Tcl_GetIntFromObj(interp, objv[4], &idx)
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      if( dictField(interp, objv[6], "correct", 0, &pVal) ) return TCL_ERROR;
      if( pVal==0 ){
        Tcl_SetObjResult(interp, Tcl_NewStringObj(
            "score dict has no \"correct\"", -1));
        Tcl_SetErrorCode(interp, "KIOSK", "ARG", "SCORE", (char *)0);
        return TCL_ERROR;
      }
      if( Tcl_GetBooleanFromObj(interp, pVal, &bCorrect) ) return TCL_ERROR;
      if( dictField(interp, objv[6], "credit", 0, &pVal) ) return TCL_ERROR;
      if( pVal==0 ){
        rCredit = bCorrect ? 1.0 : 0.0;
      }else if( Tcl_GetDoubleFromObj(interp, pVal, &rCredit) ){
        return TCL_ERROR;
      }
      if( dictField(interp, objv[6], "points", 0, &pVal) ) return TCL_ERROR;
      if( pVal && Tcl_GetDoubleFromObj(interp, pVal, &rPoints) ){
        return TCL_ERROR;
      }
      if( kioskRecordsAnswer(p->pRec, iId, idx, Tcl_GetString(objv[5]),
                             bCorrect, rCredit, rPoints, iNow, &err) ){
        return coreError(interp, &err);
      }
      return TCL_OK;
    }
    case A_FINISH:
    case A_ABANDON: {
      /* NAME attempt finish|abandon ATTEMPT ?-now SECONDS? */
      const char *zArgs = "attempt ?-now seconds?";
      int rc;
      if( objc<4 ) return usage(interp, 3, objv, zArgs);
      if( getOpts(interp, objc, objv, 4, azNow, apVal, 3, zArgs)
       || getId(interp, objv[3], &iId)
       || getNow(interp, apVal[0], &iNow) ){
        return TCL_ERROR;
      }
      rc = iSub==A_FINISH
         ? kioskRecordsAttemptFinish(p->pRec, iId, iNow, &err)
         : kioskRecordsAttemptAbandon(p->pRec, iId, iNow, &err);
      if( rc ) return coreError(interp, &err);
      if( iSub==A_FINISH ) return attemptSummary(p, iId);
      return TCL_OK;
    }
    case A_GET: {
      /* NAME attempt get ATTEMPT */
      if( objc!=4 ) return usage(interp, 3, objv, "attempt");
      if( getId(interp, objv[3], &iId) ) return TCL_ERROR;
      if( attemptDict(p, iId, &pDict) ) return TCL_ERROR;
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
      if( attemptDict(p, iAttempt, &pDict) ) return TCL_ERROR;
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
      pList = Tcl_NewListObj(0, 0);
      rc = iSub==R_DUE
         ? kioskRecordsReviewDue(p->pRec, iId, iNow, nLimit, rowToList,
                                 pList, &err)
         : kioskRecordsReviewQuestions(p->pRec, iId, iNow, nLimit,
                                       rowFirstColumn, pList, &err);
      if( rc ){
        Tcl_DecrRefCount(pList);
        return coreError(interp, &err);
      }
      Tcl_SetObjResult(interp, pList);
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

static int cmdPin(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = { "check", "isset", "set", 0 };
  enum { P_CHECK, P_ISSET, P_SET };
  Tcl_Interp *interp = p->interp;
  KioskError err;
  int iSub, b = 0;
  if( groupSub(interp, objc, objv, azSub,
               "check|isset|set ?pin?", &iSub) ){
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
  }
  return TCL_ERROR;
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
  static const char *const azOpt[] = { "-pack", "-student", 0 };
  const char *zArgs = "file ?-pack id? ?-student id?";
  Tcl_Interp *interp = p->interp;
  Tcl_Obj *apVal[2];
  KioskRecFilter f;
  KioskError err;
  Tcl_DString ds;
  const char *zPath;
  int nRow, rc;
  if( objc<3 ) return usage(interp, 2, objv, zArgs);
  if( getOpts(interp, objc, objv, 3, azOpt, apVal, 2, zArgs)
   || getFilter(interp, apVal[1], apVal[0], 0, 0, &f) ){
    return TCL_ERROR;
  }
  zPath = Tcl_TranslateFileName(interp, Tcl_GetString(objv[2]), &ds);
  if( zPath==0 ) return TCL_ERROR;
  kioskErrorClear(&err);
  rc = kioskRecordsExportFile(p->pRec, &f, zPath, &nRow, &err);
  Tcl_DStringFree(&ds);
  if( rc ) return coreError(interp, &err);
  Tcl_SetObjResult(interp, Tcl_NewIntObj(nRow));
  return TCL_OK;
}

static int cmdBackup(KioskRecObj *p, int objc, Tcl_Obj *const objv[]){
  KioskError err;
  char *zPath = 0;
  if( objc!=2 ) return usage(p->interp, 2, objv, "");
  kioskErrorClear(&err);
  if( kioskRecordsBackup(p->pRec, &zPath, &err) ){
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
    "lesson-read", "packs", "pin", "progress", "review", "settings",
    "student", "students", 0
  };
  enum RecSub {
    SUB_ATTEMPT, SUB_ATTEMPTS, SUB_BACKUP, SUB_CLOSE, SUB_EXPORT, SUB_ITEMS,
    SUB_LESSONREAD, SUB_PACKS, SUB_PIN, SUB_PROGRESS, SUB_REVIEW,
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
  static const char *const azOpt[] = { "-backups", "-defer-backup", 0 };
  KioskRecObj *p;
  KioskRecords *pRec = 0;
  KioskError err;
  Tcl_Obj *apVal[2];
  Tcl_DString ds;
  const char *zPath;
  int nBackup = KIOSK_RECORDS_BACKUPS, bDefer = 0, rc;
  (void)cd;

  if( objc<3 ){
    return usage(interp, 1, objv,
                 "name file ?-backups n? ?-defer-backup boolean?");
  }
  if( getOpts(interp, objc, objv, 3, azOpt, apVal, 1,
              "name file ?-backups n? ?-defer-backup boolean?") ){
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
  rc = kioskRecordsOpenFlags(zPath, nBackup,
                             bDefer ? KIOSK_RECORDS_DEFER_BACKUP : 0,
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
