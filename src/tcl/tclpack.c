/*
** tclpack.c: quiz packs in Tcl, over pack.c.
**
**   kiosk::pack check FILE ?-text TEXT?    list of error dicts (syntax)
**   kiosk::pack parse FILE ?-text TEXT?    dict: settings rules questions
**   COURSE packcheck FILE ?-text TEXT?     error dicts, syntax and course
**   COURSE packquiz FILE ?-text TEXT? ?-seed S?   the quiz: question dicts
**
** With -text the pack is TEXT (an installed pack from records.db) and FILE
** only names it in errors and gives its default id. An error dict is
** {file F line L column C class CLASS code CODE message M}. parse and
** packquiz fail with the first error (-errorcode {KIOSK PACK|GIFT CODE
** FILE LINE COLUMN}): a pack with errors never loads. Nothing in a pack is
** evaluated.
*/
#include "tclkiosk.h"
#include "pack.h"

#include <stdio.h>
#include <string.h>

/* The pack text: -text TEXT, or the file. Returns TCL_OK with *pz (to
** free with sqlite3_free) and *pn. */
static int packText(Tcl_Interp *interp, const char *zFile, Tcl_Obj *pText,
                    char **pz, int *pn){
  KioskError err;
  kioskErrorClear(&err);
  if( pText ){
    int n;
    const char *z = Tcl_GetStringFromObj(pText, &n);
    if( n>KIOSK_PACK_MAXBYTES ){
      kioskErrorSet(&err, KIOSK_EIO, "SIZE", zFile, 0, 0,
                    "pack is larger than %d bytes", KIOSK_PACK_MAXBYTES);
      return kioskTclError(interp, &err);
    }
    *pz = sqlite3_malloc64((sqlite3_uint64)n+1);
    if( *pz==0 ){
      kioskErrorSet(&err, KIOSK_ENOMEM, 0, zFile, 0, 0, "out of memory");
      return kioskTclError(interp, &err);
    }
    memcpy(*pz, z, (size_t)n+1);
    *pn = n;
    return TCL_OK;
  }
  if( kioskPackReadFile(zFile, pz, pn, &err) ){
    return kioskTclError(interp, &err);
  }
  return TCL_OK;
}

/* Options after FILE: -text and (bSeed) -seed. objv[iFirst] is FILE. */
static int packArgs(Tcl_Interp *interp, int objc, Tcl_Obj *const objv[],
                    int iFirst, int bSeed, const char *zUsage,
                    Tcl_Obj **ppText, Tcl_WideInt *piSeed){
  static const char *const azOpt[] = { "-text", "-seed", 0 };
  enum { OPT_TEXT, OPT_SEED };
  int i, iOpt;
  *ppText = 0;
  if( objc<iFirst+1 || ((objc-iFirst-1)%2)!=0 ){
    return kioskTclUsage(interp, zUsage);
  }
  for(i=iFirst+1; i<objc; i+=2){
    if( Tcl_GetIndexFromObjStruct(interp, objv[i], azOpt, sizeof(char *),
                                  "option", 0, &iOpt) ){
      return TCL_ERROR;
    }
    if( iOpt==OPT_SEED && !bSeed ){
      Tcl_SetObjResult(interp, Tcl_ObjPrintf("bad option \"-seed\": must "
                                             "be -text"));
      Tcl_SetErrorCode(interp, "TCL", "LOOKUP", "INDEX", "option", "-seed",
                       (char *)0);
      return TCL_ERROR;
    }
    if( iOpt==OPT_TEXT ){
      *ppText = objv[i+1];
    }else{
      if( Tcl_GetWideIntFromObj(interp, objv[i+1], piSeed) ) return TCL_ERROR;
      if( *piSeed<0 ){
        Tcl_SetObjResult(interp, Tcl_ObjPrintf("seed must be 0 or more, not "
                                               "%s", Tcl_GetString(objv[i+1])));
        Tcl_SetErrorCode(interp, "KIOSK", "ARG", "SEED", (char *)0);
        return TCL_ERROR;
      }
    }
  }
  return TCL_OK;
}

/* The list of error dicts of pErrs. */
static Tcl_Obj *errorList(const KioskErrList *pErrs){
  Tcl_Obj *pList = Tcl_NewListObj(0, 0);
  int i;
  for(i=0; i<pErrs->nErr; i++){
    const KioskError *e = &pErrs->aErr[i];
    Tcl_Obj *pDict = Tcl_NewDictObj();
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("file", -1),
                   Tcl_NewStringObj(e->zFile, -1));
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("line", -1),
                   Tcl_NewIntObj(e->iLine));
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("column", -1),
                   Tcl_NewIntObj(e->iCol));
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("class", -1),
                   Tcl_NewStringObj(kioskErrorClassName(e->eClass), -1));
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("code", -1),
                   Tcl_NewStringObj(e->zCode[0] ? e->zCode : "ERROR", -1));
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("message", -1),
                   Tcl_NewStringObj(e->zMsg, -1));
    Tcl_ListObjAppendElement(0, pList, pDict);
  }
  return pList;
}

static void putStr(Tcl_Obj *pDict, const char *zKey, const char *zVal){
  if( zVal ){
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj(zKey, -1),
                   Tcl_NewStringObj(zVal, -1));
  }
}

static void putInt(Tcl_Obj *pDict, const char *zKey, Tcl_WideInt v){
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj(zKey, -1), Tcl_NewWideIntObj(v));
}

/* The dict `kiosk::pack parse` returns. */
static Tcl_Obj *packDict(const KioskPack *p){
  Tcl_Obj *pDict = Tcl_NewDictObj();
  Tcl_Obj *pSet = Tcl_NewDictObj();
  Tcl_Obj *pList;
  int i;

  putStr(pSet, "id", p->zId);
  putStr(pSet, "title", p->zTitle);
  putStr(pSet, "author", p->zAuthor);
  putStr(pSet, "description", p->zDescription);
  pList = Tcl_NewListObj(0, 0);
  for(i=0; i<p->nStage; i++){
    Tcl_ListObjAppendElement(0, pList, Tcl_NewStringObj(p->aStage[i].zId, -1));
  }
  Tcl_DictObjPut(0, pSet, Tcl_NewStringObj("stages", -1), pList);
  putInt(pSet, "pass", (Tcl_WideInt)(p->rPass*100.0+0.5));
  putInt(pSet, "time", p->nTimeLimit);
  putStr(pSet, "order", p->eOrder==KPACK_ORDER_FIXED ? "fixed" : "shuffle");
  if( p->bFixedSeed ){
    putInt(pSet, "seed", (Tcl_WideInt)p->iSeed);
  }else{
    putStr(pSet, "seed", "per-student");
  }
  putInt(pSet, "attempts", p->nAttempts);
  putStr(pSet, "feedback",
         p->eFeedback==KPACK_FEEDBACK_END ? "end" : "each");
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("settings", -1), pSet);

  pList = Tcl_NewListObj(0, 0);
  for(i=0; i<p->nRule; i++){
    Tcl_Obj *pRule = Tcl_NewDictObj();
    putStr(pRule, "what", p->aRule[i].zWhat);
    putStr(pRule, "stage", p->aRule[i].zStage ? p->aRule[i].zStage : "*");
    putInt(pRule, "count", p->aRule[i].nCount);
    Tcl_ListObjAppendElement(0, pList, pRule);
  }
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("rules", -1), pList);

  pList = Tcl_NewListObj(0, 0);
  for(i=0; i<p->doc.nItem; i++){
    if( p->doc.aItem[i].q==0 ) continue;
    Tcl_ListObjAppendElement(0, pList,
                             kioskTclQuestionToObj(p->doc.aItem[i].q));
  }
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("questions", -1), pList);
  return pDict;
}

/* check (syntax, or with db the course too): the error dicts. */
static int packCheck(Tcl_Interp *interp, sqlite3 *db, const char *zFile,
                     Tcl_Obj *pText){
  KioskErrList errs;
  KioskPack *p = 0;
  char *z = 0;
  int n = 0;
  if( packText(interp, zFile, pText, &z, &n) ) return TCL_ERROR;
  memset(&errs, 0, sizeof(errs));
  kioskPackCheck(zFile, z, n, db, &p, &errs);
  Tcl_SetObjResult(interp, errorList(&errs));
  kioskPackFree(p);
  kioskErrListReset(&errs);
  sqlite3_free(z);
  return TCL_OK;
}

/* Load (syntax, and the course with db): TCL_OK with *pp, or the first
** error as the Tcl error. */
static int packLoad(Tcl_Interp *interp, sqlite3 *db, const char *zFile,
                    Tcl_Obj *pText, KioskPack **pp){
  KioskError err;
  char *z = 0;
  int n = 0, rc;
  if( packText(interp, zFile, pText, &z, &n) ) return TCL_ERROR;
  kioskErrorClear(&err);
  rc = kioskPackLoad(zFile, z, n, db, pp, 0, &err);
  sqlite3_free(z);
  if( rc ) return kioskTclError(interp, &err);
  return TCL_OK;
}

int kioskPackObjCmd(ClientData cd, Tcl_Interp *interp,
                    int objc, Tcl_Obj *const objv[]){
  static const char *const azSub[] = { "check", "parse", 0 };
  enum PackSub { SUB_CHECK, SUB_PARSE };
  Tcl_Obj *pText = 0;
  Tcl_WideInt iSeed = 0;
  KioskPack *p = 0;
  int iSub;
  (void)cd;

  if( objc<2 ){
    Tcl_WrongNumArgs(interp, 1, objv, "subcommand ?arg ...?");
    return TCL_ERROR;
  }
  if( Tcl_GetIndexFromObjStruct(interp, objv[1], azSub, sizeof(char *),
                                "subcommand", 0, &iSub) ){
    return TCL_ERROR;
  }
  switch( (enum PackSub)iSub ){
    case SUB_CHECK:
      /* kiosk::pack check FILE ?-text TEXT? */
      if( packArgs(interp, objc, objv, 2, 0,
                   "kiosk::pack check file ?-text text?", &pText, &iSeed) ){
        return TCL_ERROR;
      }
      return packCheck(interp, 0, Tcl_GetString(objv[2]), pText);
    case SUB_PARSE:
      /* kiosk::pack parse FILE ?-text TEXT? */
      if( packArgs(interp, objc, objv, 2, 0,
                   "kiosk::pack parse file ?-text text?", &pText, &iSeed)
       || packLoad(interp, 0, Tcl_GetString(objv[2]), pText, &p) ){
        return TCL_ERROR;
      }
      Tcl_SetObjResult(interp, packDict(p));
      kioskPackFree(p);
      return TCL_OK;
  }
  return TCL_ERROR;
}

/* $db packcheck FILE ?-text TEXT? */
int kioskCoursePackCheckCmd(KioskCourse *pCourse, Tcl_Interp *interp,
                            int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pText = 0;
  Tcl_WideInt iSeed = 0;
  char zUsage[200];
  snprintf(zUsage, sizeof(zUsage), "%s packcheck file ?-text text?",
           Tcl_GetString(objv[0]));
  if( packArgs(interp, objc, objv, 2, 0, zUsage, &pText, &iSeed) ){
    return TCL_ERROR;
  }
  return packCheck(interp, pCourse->db, Tcl_GetString(objv[2]), pText);
}

/* $db packquiz FILE ?-text TEXT? ?-seed S? */
int kioskCoursePackQuizCmd(KioskCourse *pCourse, Tcl_Interp *interp,
                           int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pText = 0, *pList;
  Tcl_WideInt iSeed = 0;
  KioskPack *p = 0;
  KioskQuiz quiz;
  KioskError err;
  char zUsage[200];
  int i, rc;

  snprintf(zUsage, sizeof(zUsage),
           "%s packquiz file ?-text text? ?-seed seed?",
           Tcl_GetString(objv[0]));
  if( packArgs(interp, objc, objv, 2, 1, zUsage, &pText, &iSeed)
   || packLoad(interp, pCourse->db, Tcl_GetString(objv[2]), pText, &p) ){
    return TCL_ERROR;
  }
  memset(&quiz, 0, sizeof(quiz));
  kioskErrorClear(&err);
  rc = kioskPackQuiz(p, pCourse->db, (uint64_t)iSeed, &quiz, &err);
  if( rc==0 ){
    pList = Tcl_NewListObj(0, 0);
    for(i=0; i<quiz.nQuestion; i++){
      Tcl_ListObjAppendElement(0, pList,
                               kioskTclQuestionToObj(quiz.apQuestion[i]));
    }
    Tcl_SetObjResult(interp, pList);
  }
  kioskQuizReset(&quiz);
  kioskPackFree(p);
  return rc ? kioskTclError(interp, &err) : TCL_OK;
}
