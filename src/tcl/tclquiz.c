/*
** tclquiz.c: quizzes in the Tcl binding.
**
**   $db quiz ?-stages list? ?-kinds list? ?-topics list? ?-count n? ?-seed s?
**   $db score question answer
**   $db tally questions scores ?-pass percent?
**
** and the conversion of a KioskQuestion to the question dict of
** doc/tcl-api.md and back (kioskTclQuestionToObj, kioskTclQuestionFromObj),
** which the pack and records commands use too. Generating and scoring are
** the core's (quiz.c, score.c); this file only converts.
*/
#include "tclkiosk.h"
#include "quiz.h"
#include "score.h"

#include <string.h>

/* ---------------------------------------------------------------- to dict */

static void put(Tcl_Obj *pDict, const char *zKey, Tcl_Obj *pVal){
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj(zKey, -1), pVal);
}
static void putStr(Tcl_Obj *pDict, const char *zKey, const char *z){
  if( z ) put(pDict, zKey, Tcl_NewStringObj(z, -1));
}
static Tcl_Obj *strList(char *const *az, int n){
  Tcl_Obj *pList = Tcl_NewListObj(0, 0);
  int i;
  for(i=0; i<n; i++){
    Tcl_ListObjAppendElement(0, pList, Tcl_NewStringObj(az[i], -1));
  }
  return pList;
}

Tcl_Obj *kioskTclQuestionToObj(const KioskQuestion *q){
  Tcl_Obj *d = Tcl_NewDictObj();
  KioskQKind e = q->eKind;
  int i;

  putStr(d, "id", q->zId);
  putStr(d, "kind", kioskQKindName(e));
  putStr(d, "topic", q->zTopic);
  putStr(d, "stage", q->zStage);
  putStr(d, "prompt", q->zPrompt);
  if( e==KQ_CHOICE || e==KQ_MULTI || e==KQ_TF || e==KQ_ORDER ){
    Tcl_Obj *pList = Tcl_NewListObj(0, 0);
    for(i=0; i<q->nOption; i++){
      const KioskOption *o = &q->aOption[i];
      Tcl_Obj *pOpt = Tcl_NewDictObj();
      putStr(pOpt, "text", o->zText);
      put(pOpt, "credit", Tcl_NewDoubleObj(o->rCredit));
      putStr(pOpt, "feedback", o->zFeedback);
      putStr(pOpt, "fact", o->zFact);
      Tcl_ListObjAppendElement(0, pList, pOpt);
    }
    put(d, "options", pList);
  }
  if( e==KQ_ORDER && q->aOrder ){
    Tcl_Obj *pList = Tcl_NewListObj(0, 0);
    for(i=0; i<q->nOption; i++){
      Tcl_ListObjAppendElement(0, pList, Tcl_NewIntObj(q->aOrder[i]));
    }
    put(d, "order", pList);
  }
  if( e==KQ_MATCH ){
    Tcl_Obj *pList = Tcl_NewListObj(0, 0);
    for(i=0; i<q->nPair; i++){
      Tcl_Obj *ap[2];
      ap[0] = Tcl_NewStringObj(q->aPair[i].zLeft, -1);
      ap[1] = Tcl_NewStringObj(q->aPair[i].zRight, -1);
      Tcl_ListObjAppendElement(0, pList, Tcl_NewListObj(2, ap));
    }
    put(d, "pairs", pList);
  }
  if( e==KQ_TEXT ){
    int bDetail = 0;
    put(d, "accept", strList(q->azAccept, q->nAccept));
    for(i=0; i<q->nAccept; i++){
      if( (q->arAccept && q->arAccept[i]!=1.0)
       || (q->azAcceptFeedback && q->azAcceptFeedback[i]) ) bDetail = 1;
    }
    if( bDetail ){
      Tcl_Obj *pCr = Tcl_NewListObj(0, 0), *pFb = Tcl_NewListObj(0, 0);
      for(i=0; i<q->nAccept; i++){
        const char *zFb = q->azAcceptFeedback[i];
        Tcl_ListObjAppendElement(0, pCr, Tcl_NewDoubleObj(q->arAccept[i]));
        Tcl_ListObjAppendElement(0, pFb, Tcl_NewStringObj(zFb ? zFb : "", -1));
      }
      put(d, "acceptcredit", pCr);
      put(d, "acceptfeedback", pFb);
    }
  }
  if( e==KQ_NUMBER && q->nNum>0 ){
    Tcl_Obj *pList = Tcl_NewListObj(0, 0);
    for(i=0; i<q->nNum; i++){
      const KioskNumAnswer *a = &q->aNum[i];
      Tcl_Obj *pA = Tcl_NewDictObj();
      if( a->bAny ){
        put(pA, "any", Tcl_NewIntObj(1));
      }else if( a->bRange ){
        put(pA, "min", Tcl_NewDoubleObj(a->rMin));
        put(pA, "max", Tcl_NewDoubleObj(a->rMax));
      }else{
        put(pA, "value", Tcl_NewDoubleObj(a->rValue));
        put(pA, "tol", Tcl_NewDoubleObj(a->rTol));
      }
      put(pA, "credit", Tcl_NewDoubleObj(a->rCredit));
      putStr(pA, "feedback", a->zFeedback);
      Tcl_ListObjAppendElement(0, pList, pA);
    }
    put(d, "numbers", pList);
  }
  if( e==KQ_MATCH && q->nDistract>0 ){
    put(d, "distractors", strList(q->azDistract, q->nDistract));
  }
  if( e==KQ_YEAR || e==KQ_NUMBER ){
    put(d, "value", Tcl_NewDoubleObj(q->rValue));
    put(d, "tol", Tcl_NewDoubleObj(q->rTol));
    if( q->rMin<=q->rMax ){
      put(d, "min", Tcl_NewDoubleObj(q->rMin));
      put(d, "max", Tcl_NewDoubleObj(q->rMax));
    }
    putStr(d, "unit", q->zUnit);
  }
  putStr(d, "answer", q->zAnswer);
  putStr(d, "explain", q->zExplain);
  putStr(d, "feedback", q->zFeedbackWrong);
  put(d, "facts", strList(q->azFact, q->nFact));
  put(d, "sources", strList(q->azSource, q->nSource));
  if( q->zLessonStage ){
    Tcl_Obj *ap[2];
    ap[0] = Tcl_NewStringObj(q->zLessonStage, -1);
    ap[1] = Tcl_NewIntObj(q->iLessonPara);
    put(d, "lesson", Tcl_NewListObj(2, ap));
  }
  put(d, "points", Tcl_NewDoubleObj(q->rPoints));
  putStr(d, "idnumber", q->zIdNumber);
  if( q->nTag ) put(d, "tags", strList(q->azTag, q->nTag));
  putStr(d, "comment", q->zComment);
  putStr(d, "image", q->zImage);
  putStr(d, "imagealt", q->zImageAlt);
  putStr(d, "imagedata", q->zImageData);
  return d;
}

/* ---------------------------------------------------------------- from dict */

/* Set an error "question: ..." with -errorcode {KIOSK ARG QUESTION}. */
static int badQuestion(Tcl_Interp *interp, const char *zWhy, const char *zKey){
  KioskError err;
  kioskErrorSet(&err, KIOSK_EARG, "QUESTION", 0, 0, 0, "question: %s%s%s",
                zWhy, zKey ? " " : "", zKey ? zKey : "");
  return kioskTclError(interp, &err);
}

static Tcl_Obj *get(Tcl_Obj *pDict, const char *zKey){
  Tcl_Obj *pKey = Tcl_NewStringObj(zKey, -1), *pVal = 0;
  Tcl_IncrRefCount(pKey);
  Tcl_DictObjGet(0, pDict, pKey, &pVal);
  Tcl_DecrRefCount(pKey);
  return pVal;
}

/* Copy the string value of key zKey into *pz (left NULL when absent). */
static int getStr(KioskQuestion *q, Tcl_Obj *pDict, const char *zKey,
                  char **pz){
  Tcl_Obj *p = get(pDict, zKey);
  (void)q;
  if( p==0 ) return 0;
  *pz = kioskStrDup(Tcl_GetString(p));
  return *pz ? 0 : -1;
}

static int getDouble(Tcl_Interp *interp, Tcl_Obj *pDict, const char *zKey,
                     double *pr){
  Tcl_Obj *p = get(pDict, zKey);
  if( p==0 ) return 0;
  if( Tcl_GetDoubleFromObj(0, p, pr) ){
    return badQuestion(interp, "expected a number for", zKey);
  }
  return 0;
}

int kioskTclQuestionFromObj(Tcl_Interp *interp, Tcl_Obj *pObj,
                            KioskQuestion **ppQ){
  KioskQuestion *q = 0;
  Tcl_Obj *pKind, *pVal, **ap;
  int n, i, nSize;
  KioskQKind e;

  *ppQ = 0;
  if( Tcl_DictObjSize(0, pObj, &nSize) ){
    return badQuestion(interp, "not a dict", 0);
  }
  pKind = get(pObj, "kind");
  if( pKind==0 ) return badQuestion(interp, "missing key", "kind");
  if( kioskQKindFromName(Tcl_GetString(pKind), &e) ){
    KioskError err;
    kioskErrorSet(&err, KIOSK_EARG, "QUESTION", 0, 0, 0,
                  "question: unknown kind \"%s\"", Tcl_GetString(pKind));
    return kioskTclError(interp, &err);
  }
  q = kioskQuestionNew();
  if( q==0 ) goto nomem;
  q->eKind = e;
  if( getStr(q, pObj, "id", &q->zId) || getStr(q, pObj, "topic", &q->zTopic)
   || getStr(q, pObj, "stage", &q->zStage)
   || getStr(q, pObj, "prompt", &q->zPrompt)
   || getStr(q, pObj, "answer", &q->zAnswer)
   || getStr(q, pObj, "explain", &q->zExplain)
   || getStr(q, pObj, "feedback", &q->zFeedbackWrong)
   || getStr(q, pObj, "unit", &q->zUnit)
   || getStr(q, pObj, "idnumber", &q->zIdNumber)
   || getStr(q, pObj, "comment", &q->zComment)
   || getStr(q, pObj, "image", &q->zImage)
   || getStr(q, pObj, "imagealt", &q->zImageAlt)
   || getStr(q, pObj, "imagedata", &q->zImageData) ){
    goto nomem;
  }
  if( getDouble(interp, pObj, "value", &q->rValue)
   || getDouble(interp, pObj, "tol", &q->rTol)
   || getDouble(interp, pObj, "min", &q->rMin)
   || getDouble(interp, pObj, "max", &q->rMax)
   || getDouble(interp, pObj, "points", &q->rPoints) ){
    goto error;
  }
  if( get(pObj, "min")==0 || get(pObj, "max")==0 ){ q->rMin = 1; q->rMax = 0; }

  if( (pVal = get(pObj, "options"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "options");
      goto error;
    }
    for(i=0; i<n; i++){
      Tcl_Obj *pText = get(ap[i], "text"), *pCredit = get(ap[i], "credit");
      Tcl_Obj *pFb = get(ap[i], "feedback"), *pFact = get(ap[i], "fact");
      double r = 0;
      if( pText==0 ){
        badQuestion(interp, "an option without", "text");
        goto error;
      }
      if( pCredit && Tcl_GetDoubleFromObj(0, pCredit, &r) ){
        badQuestion(interp, "expected a number for option", "credit");
        goto error;
      }
      if( kioskQuestionAddOption(q, Tcl_GetString(pText), r,
                                 pFb ? Tcl_GetString(pFb) : 0,
                                 pFact ? Tcl_GetString(pFact) : 0) ){
        goto nomem;
      }
    }
  }
  if( (pVal = get(pObj, "order"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) || n!=q->nOption ){
      badQuestion(interp, "expected one index per option in", "order");
      goto error;
    }
    q->aOrder = sqlite3_malloc64(sizeof(int)*(size_t)(n ? n : 1));
    if( q->aOrder==0 ) goto nomem;
    for(i=0; i<n; i++){
      if( Tcl_GetIntFromObj(0, ap[i], &q->aOrder[i])
       || q->aOrder[i]<0 || q->aOrder[i]>=n ){
        badQuestion(interp, "expected option indexes in", "order");
        goto error;
      }
    }
  }
  if( (pVal = get(pObj, "pairs"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "pairs");
      goto error;
    }
    for(i=0; i<n; i++){
      Tcl_Obj **apLR;
      int nLR;
      if( Tcl_ListObjGetElements(0, ap[i], &nLR, &apLR) || nLR!=2 ){
        badQuestion(interp, "expected {left right} in", "pairs");
        goto error;
      }
      if( kioskQuestionAddPair(q, Tcl_GetString(apLR[0]),
                               Tcl_GetString(apLR[1])) ){
        goto nomem;
      }
    }
  }
  if( (pVal = get(pObj, "accept"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "accept");
      goto error;
    }
    {
      Tcl_Obj *pCr = get(pObj, "acceptcredit"), *pFb = get(pObj, "acceptfeedback");
      Tcl_Obj **apCr = 0, **apFb = 0;
      int nCr = n, nFb = n;
      if( (pCr && (Tcl_ListObjGetElements(0, pCr, &nCr, &apCr) || nCr!=n))
       || (pFb && (Tcl_ListObjGetElements(0, pFb, &nFb, &apFb) || nFb!=n)) ){
        badQuestion(interp, "expected one entry per accepted answer in",
                    "acceptcredit/acceptfeedback");
        goto error;
      }
      for(i=0; i<n; i++){
        double r = 1.0;
        const char *zFb = apFb ? Tcl_GetString(apFb[i]) : "";
        if( apCr && Tcl_GetDoubleFromObj(0, apCr[i], &r) ){
          badQuestion(interp, "expected a number in", "acceptcredit");
          goto error;
        }
        if( kioskQuestionAddAcceptEx(q, Tcl_GetString(ap[i]), r,
                                     zFb[0] ? zFb : 0) ) goto nomem;
      }
    }
  }
  if( (pVal = get(pObj, "numbers"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "numbers");
      goto error;
    }
    for(i=0; i<n; i++){
      KioskNumAnswer a;
      Tcl_Obj *pFb = get(ap[i], "feedback");
      memset(&a, 0, sizeof(a));
      a.rMin = 1.0;
      a.rMax = 0.0;
      a.rCredit = 1.0;
      a.bAny = get(ap[i], "any")!=0;
      a.bRange = get(ap[i], "min")!=0;
      if( getDouble(interp, ap[i], "value", &a.rValue)
       || getDouble(interp, ap[i], "tol", &a.rTol)
       || getDouble(interp, ap[i], "min", &a.rMin)
       || getDouble(interp, ap[i], "max", &a.rMax)
       || getDouble(interp, ap[i], "credit", &a.rCredit) ){
        goto error;
      }
      a.zFeedback = pFb ? Tcl_GetString(pFb) : 0;
      if( kioskQuestionAddNum(q, &a) ) goto nomem;
    }
  }
  if( (pVal = get(pObj, "distractors"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "distractors");
      goto error;
    }
    for(i=0; i<n; i++){
      if( kioskQuestionAddDistract(q, Tcl_GetString(ap[i])) ) goto nomem;
    }
  }
  if( (pVal = get(pObj, "tags"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "tags");
      goto error;
    }
    for(i=0; i<n; i++){
      if( kioskQuestionAddTag(q, Tcl_GetString(ap[i])) ) goto nomem;
    }
  }
  if( (pVal = get(pObj, "facts"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "facts");
      goto error;
    }
    for(i=0; i<n; i++){
      if( kioskQuestionAddFact(q, Tcl_GetString(ap[i])) ) goto nomem;
    }
  }
  if( (pVal = get(pObj, "sources"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) ){
      badQuestion(interp, "expected a list for", "sources");
      goto error;
    }
    for(i=0; i<n; i++){
      if( kioskQuestionAddSource(q, Tcl_GetString(ap[i])) ) goto nomem;
    }
  }
  if( (pVal = get(pObj, "lesson"))!=0 ){
    if( Tcl_ListObjGetElements(0, pVal, &n, &ap) || n!=2
     || Tcl_GetIntFromObj(0, ap[1], &q->iLessonPara) ){
      badQuestion(interp, "expected {stage para} for", "lesson");
      goto error;
    }
    q->zLessonStage = kioskStrDup(Tcl_GetString(ap[0]));
    if( q->zLessonStage==0 ) goto nomem;
  }
  if( e==KQ_ORDER && q->aOrder==0 ){
    badQuestion(interp, "an order question needs", "order");
    goto error;
  }
  *ppQ = q;
  return TCL_OK;

nomem:
  {
    KioskError err;
    kioskErrorSet(&err, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
    kioskQuestionFree(q);
    return kioskTclError(interp, &err);
  }
error:
  kioskQuestionFree(q);
  return TCL_ERROR;
}

/* ---------------------------------------------------------------- quiz */

/* Strings of a Tcl list (borrowed from the list's elements). */
static int listStrings(Tcl_Interp *interp, Tcl_Obj *pList, int *pn,
                       const char ***pazOut){
  Tcl_Obj **ap;
  int n, i;
  const char **az;
  if( Tcl_ListObjGetElements(interp, pList, &n, &ap) ) return TCL_ERROR;
  az = (const char **)Tcl_Alloc((unsigned)(sizeof(char *)*(size_t)(n+1)));
  for(i=0; i<n; i++) az[i] = Tcl_GetString(ap[i]);
  *pn = n;
  *pazOut = az;
  return TCL_OK;
}

int kioskCourseQuizCmd(KioskCourse *p, Tcl_Interp *interp,
                       int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = {
    "-stages", "-kinds", "-topics", "-count", "-seed", 0
  };
  enum QuizOpt { OPT_STAGES, OPT_KINDS, OPT_TOPICS, OPT_COUNT, OPT_SEED };
  KioskQuizSpec spec;
  KioskQuiz quiz;
  KioskError err;
  const char **azStage = 0, **azTopic = 0;
  int i, rc = TCL_ERROR;

  memset(&spec, 0, sizeof(spec));
  memset(&quiz, 0, sizeof(quiz));
  if( (objc%2)!=0 ){
    Tcl_WrongNumArgs(interp, 2, objv, "?-stages list? ?-kinds list? "
                     "?-topics list? ?-count n? ?-seed s?");
    return TCL_ERROR;
  }
  for(i=2; i<objc; i+=2){
    int iOpt;
    if( Tcl_GetIndexFromObjStruct(interp, objv[i], azOpt, sizeof(char *),
                                  "option", 0, &iOpt) ){
      goto done;
    }
    switch( (enum QuizOpt)iOpt ){
      case OPT_STAGES:
        if( azStage ) Tcl_Free((char *)azStage);
        azStage = 0;
        if( listStrings(interp, objv[i+1], &spec.nStage, &azStage) ) goto done;
        spec.azStage = azStage;
        break;
      case OPT_TOPICS:
        if( azTopic ) Tcl_Free((char *)azTopic);
        azTopic = 0;
        if( listStrings(interp, objv[i+1], &spec.nTopic, &azTopic) ) goto done;
        spec.azTopic = azTopic;
        break;
      case OPT_KINDS: {
        Tcl_Obj **ap;
        int n, k;
        if( Tcl_ListObjGetElements(interp, objv[i+1], &n, &ap) ) goto done;
        spec.mKind = 0;
        for(k=0; k<n; k++){
          KioskQKind e;
          if( kioskQKindFromName(Tcl_GetString(ap[k]), &e)
           || !KIOSK_QKIND_SCORED(e) ){
            kioskErrorSet(&err, KIOSK_EARG, "KIND", 0, 0, 0,
                          "quiz: unknown kind \"%s\": must be choice, multi,"
                          " tf, year, number, text, order or match",
                          Tcl_GetString(ap[k]));
            kioskTclError(interp, &err);
            goto done;
          }
          spec.mKind |= 1u<<e;
        }
        break;
      }
      case OPT_COUNT: {
        int n;
        if( Tcl_GetIntFromObj(interp, objv[i+1], &n) ) goto done;
        if( n<1 || n>KIOSK_QUIZ_MAX_COUNT ){
          kioskErrorSet(&err, KIOSK_EARG, "COUNT", 0, 0, 0,
                        "quiz: -count must be from 1 to %d, not %d",
                        KIOSK_QUIZ_MAX_COUNT, n);
          kioskTclError(interp, &err);
          goto done;
        }
        spec.nQuestion = n;
        break;
      }
      case OPT_SEED: {
        Tcl_WideInt w;
        if( Tcl_GetWideIntFromObj(interp, objv[i+1], &w) ) goto done;
        spec.iSeed = (uint64_t)w;
        break;
      }
    }
  }
  kioskErrorClear(&err);
  if( kioskQuizGenerate(p->db, &spec, &quiz, &err) ){
    kioskTclError(interp, &err);
    goto done;
  }
  {
    Tcl_Obj *pList = Tcl_NewListObj(0, 0);
    for(i=0; i<quiz.nQuestion; i++){
      Tcl_ListObjAppendElement(0, pList,
                               kioskTclQuestionToObj(quiz.apQuestion[i]));
    }
    Tcl_SetObjResult(interp, pList);
  }
  rc = TCL_OK;

done:
  kioskQuizReset(&quiz);
  if( azStage ) Tcl_Free((char *)azStage);
  if( azTopic ) Tcl_Free((char *)azTopic);
  return rc;
}

/* ---------------------------------------------------------------- score */

int kioskTclScore(Tcl_Interp *interp, Tcl_Obj *pQuestion, Tcl_Obj *pAnswer){
  KioskQuestion *q = 0;
  KioskAnswer ans;
  KioskScore sc;
  KioskError err;
  int *aIndex = 0, rc = TCL_ERROR, i, n;
  const char **azText = 0;
  Tcl_Obj **ap;

  memset(&ans, 0, sizeof(ans));
  memset(&sc, 0, sizeof(sc));
  if( kioskTclQuestionFromObj(interp, pQuestion, &q) ) return TCL_ERROR;
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_TF: case KQ_MULTI: case KQ_ORDER:
      if( Tcl_ListObjGetElements(0, pAnswer, &n, &ap) ) goto bad_answer;
      if( (q->eKind==KQ_CHOICE || q->eKind==KQ_TF) && n!=1 ) goto bad_answer;
      aIndex = (int *)Tcl_Alloc((unsigned)(sizeof(int)*(size_t)(n+1)));
      for(i=0; i<n; i++){
        if( Tcl_GetIntFromObj(0, ap[i], &aIndex[i]) ) goto bad_answer;
      }
      ans.nIndex = n;
      ans.aIndex = aIndex;
      break;
    case KQ_MATCH:
      if( Tcl_ListObjGetElements(0, pAnswer, &n, &ap) ) goto bad_answer;
      azText = (const char **)Tcl_Alloc((unsigned)(sizeof(char *)*(size_t)(n+1)));
      for(i=0; i<n; i++) azText[i] = Tcl_GetString(ap[i]);
      ans.nText = n;
      ans.azText = azText;
      break;
    default:
      ans.zText = Tcl_GetString(pAnswer);
      break;
  }
  kioskErrorClear(&err);
  if( kioskScore(q, &ans, &sc, &err) ){
    kioskTclError(interp, &err);
    goto done;
  }
  {
    Tcl_Obj *d = Tcl_NewDictObj();
    put(d, "correct", Tcl_NewIntObj(sc.bCorrect));
    put(d, "credit", Tcl_NewDoubleObj(sc.rCredit));
    put(d, "points", Tcl_NewDoubleObj(sc.rPoints));
    putStr(d, "expected", sc.zExpected);
    putStr(d, "feedback", sc.zFeedback);
    if( sc.bUngraded ) put(d, "ungraded", Tcl_NewIntObj(1));
    Tcl_SetObjResult(interp, d);
  }
  rc = TCL_OK;
  goto done;

bad_answer:
  kioskErrorSet(&err, KIOSK_EARG, "ANSWER", 0, 0, 0,
                "score: the answer to a %s question must be %s",
                kioskQKindName(q->eKind),
                (q->eKind==KQ_CHOICE || q->eKind==KQ_TF) ? "an option index"
                : q->eKind==KQ_MATCH ? "a list of right-hand texts"
                : "a list of option indexes");
  kioskTclError(interp, &err);
done:
  kioskScoreClear(&sc);
  kioskQuestionFree(q);
  if( aIndex ) Tcl_Free((char *)aIndex);
  if( azText ) Tcl_Free((char *)azText);
  return rc;
}

int kioskCourseScoreCmd(KioskCourse *p, Tcl_Interp *interp,
                        int objc, Tcl_Obj *const objv[]){
  (void)p;
  if( objc!=4 ){
    Tcl_WrongNumArgs(interp, 2, objv, "question answer");
    return TCL_ERROR;
  }
  return kioskTclScore(interp, objv[2], objv[3]);
}

/* ---------------------------------------------------------------- tally */

/* $db tally questions scores ?-pass percent?: the totals of a quiz
** (KioskTally, score.h). scores runs parallel to questions: each a score
** dict as `score` returns it (its correct and points count), or "" for a
** question not answered (0 points, wrong). The result dict: points max
** percent passed right wrong. The pass mark defaults to 60 percent, a
** stage quiz's. */
int kioskCourseTallyCmd(KioskCourse *p, Tcl_Interp *interp,
                        int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-pass", 0 };
  KioskTally t;
  KioskError err;
  Tcl_Obj **apQ, **apS, *d;
  int nQ, nS, i, iOpt;
  double rPass = 60;
  (void)p;
  if( objc!=4 && objc!=6 ){
    Tcl_WrongNumArgs(interp, 2, objv, "questions scores ?-pass percent?");
    return TCL_ERROR;
  }
  if( objc==6 ){
    if( Tcl_GetIndexFromObjStruct(interp, objv[4], azOpt, sizeof(char *),
                                  "option", 0, &iOpt) ){
      return TCL_ERROR;
    }
    if( Tcl_GetDoubleFromObj(0, objv[5], &rPass) || rPass<0 || rPass>100 ){
      kioskErrorSet(&err, KIOSK_EARG, "PASS", 0, 0, 0,
                    "tally: the pass mark must be a percentage from 0 to 100,"
                    " not \"%s\"", Tcl_GetString(objv[5]));
      return kioskTclError(interp, &err);
    }
  }
  if( Tcl_ListObjGetElements(interp, objv[2], &nQ, &apQ)
   || Tcl_ListObjGetElements(interp, objv[3], &nS, &apS) ){
    return TCL_ERROR;
  }
  if( nQ!=nS ){
    kioskErrorSet(&err, KIOSK_EARG, "SCORES", 0, 0, 0,
                  "tally: %d questions but %d scores", nQ, nS);
    return kioskTclError(interp, &err);
  }
  memset(&t, 0, sizeof(t));
  for(i=0; i<nQ; i++){
    KioskQuestion *q = 0;
    KioskScore sc;
    Tcl_Obj *pCorrect = 0, *pPoints = 0;
    int nLen;
    memset(&sc, 0, sizeof(sc));
    if( kioskTclQuestionFromObj(interp, apQ[i], &q) ) return TCL_ERROR;
    if( Tcl_GetCharLength(apS[i])>0 ){
      if( Tcl_DictObjSize(0, apS[i], &nLen)
       || (pCorrect = get(apS[i], "correct"))==0
       || (pPoints = get(apS[i], "points"))==0
       || Tcl_GetBooleanFromObj(0, pCorrect, &sc.bCorrect)
       || Tcl_GetDoubleFromObj(0, pPoints, &sc.rPoints)
       || sc.rPoints<0 || sc.rPoints>q->rPoints+1e-9 ){
        kioskErrorSet(&err, KIOSK_EARG, "SCORE", 0, 0, 0,
                      "tally: score %d is not a score of its question"
                      " (a dict with correct and points, 0 to %g)", i+1,
                      q->rPoints);
        kioskQuestionFree(q);
        return kioskTclError(interp, &err);
      }
    }
    kioskTallyAdd(&t, q, &sc);
    kioskQuestionFree(q);
  }
  d = Tcl_NewDictObj();
  put(d, "points", Tcl_NewDoubleObj(t.rPoints));
  put(d, "max", Tcl_NewDoubleObj(t.rMax));
  put(d, "percent", Tcl_NewDoubleObj(kioskTallyPercent(&t)));
  put(d, "passed", Tcl_NewIntObj(kioskTallyPassed(&t, rPass)));
  put(d, "right", Tcl_NewIntObj(t.nCorrect));
  put(d, "wrong", Tcl_NewIntObj(t.nQuestion-t.nCorrect));
  Tcl_SetObjResult(interp, d);
  return TCL_OK;
}
