/*
** tclgradebook.c: kiosk::gradebook, the class in Moodle's forms for the desk, over
** gradebook.c and itemstats.c:
**
**   kiosk::gradebook roster RECORDS FILE     import a roster CSV; dict added
**                                        updated. Errors: every one in the
**                                        message, one a line; -errorcode
**                                        of the first {KIOSK CSV ...}
**   kiosk::gradebook grades RECORDS FILE     the grade summary CSV to FILE
**                                        (through outfile.h, new files 0600);
**                                        the number of students
**   kiosk::gradebook stats RECORDS PACK      item statistics: a list of dicts
**                                        question kind prompt attempts
**                                        ?facility sd discrimination
**                                        efficiency? flags options (dicts
**                                        text credit picks ?share
**                                        topshare?)
**   kiosk::gradebook statscsv RECORDS PACK FILE  the same as CSV to FILE
**   kiosk::gradebook essays RECORDS ?PACK?   the essays written: a list of
**                                        dicts student name question
**                                        prompt text answered
**
** RECORDS is a records object command (kiosk::records). Numbers that are
** undefined (too few attempts) are left out of the dicts.
*/
#include "tclkiosk.h"
#include "gradebook.h"
#include "outfile.h"
#include "itemstats.h"
#include "pack.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static KioskRecords *recordsOf(Tcl_Interp *interp, Tcl_Obj *pCmd){
  KioskRecords *p = kioskTclRecordsFromCmd(interp, pCmd);
  if( p==0 ){
    KioskError err;
    kioskErrorSet(&err, KIOSK_EARG, "RECORDS", 0, 0, 0,
                  "\"%s\" is not an open records object",
                  Tcl_GetString(pCmd));
    kioskTclError(interp, &err);
  }
  return p;
}

static void putNum(Tcl_Obj *d, const char *zKey, double r){
  if( isnan(r) ) return;
  Tcl_DictObjPut(0, d, Tcl_NewStringObj(zKey, -1), Tcl_NewDoubleObj(r));
}
static void putStr(Tcl_Obj *d, const char *zKey, const char *z){
  Tcl_DictObjPut(0, d, Tcl_NewStringObj(zKey, -1),
                 Tcl_NewStringObj(z ? z : "", -1));
}
static void putInt(Tcl_Obj *d, const char *zKey, int n){
  Tcl_DictObjPut(0, d, Tcl_NewStringObj(zKey, -1), Tcl_NewIntObj(n));
}

static int cmdRoster(Tcl_Interp *interp, KioskRecords *pRec, Tcl_Obj *pFile){
  const char *zFile = Tcl_GetString(pFile);
  KioskErrList errs;
  KioskError err;
  char *z = 0;
  int n = 0, rc, nAdd = 0, nUpd = 0, i;
  kioskErrorClear(&err);
  if( kioskPackReadFile(zFile, &z, &n, &err) ) return kioskTclError(interp, &err);
  memset(&errs, 0, sizeof(errs));
  rc = kioskRosterImport(pRec, zFile, z, n, (long long)time(0), &nAdd, &nUpd,
                         &errs);
  sqlite3_free(z);
  if( rc ){
    Tcl_Obj *pMsg = Tcl_NewObj();
    if( errs.nErr>0 ) kioskTclError(interp, &errs.aErr[0]);
    for(i=0; i<errs.nErr; i++){
      char zOne[1024];
      kioskErrorFormat(&errs.aErr[i], zOne, (int)sizeof(zOne));
      if( i ) Tcl_AppendToObj(pMsg, "\n", 1);
      Tcl_AppendToObj(pMsg, zOne, -1);
    }
    Tcl_SetObjResult(interp, pMsg);
    kioskErrListReset(&errs);
    return TCL_ERROR;
  }
  kioskErrListReset(&errs);
  {
    Tcl_Obj *d = Tcl_NewDictObj();
    putInt(d, "added", nAdd);
    putInt(d, "updated", nUpd);
    Tcl_SetObjResult(interp, d);
  }
  return TCL_OK;
}

/* Open FILE through outfile.h (as every export: "-" standard output, a
** link or device written through, a new file 0600: it holds grades).
** NULL with the error in interp. */
static KioskOutFile *openOut(Tcl_Interp *interp, Tcl_Obj *pFile){
  KioskOutFile *pOut = 0;
  KioskError err;
  kioskErrorClear(&err);
  if( kioskOutOpen(Tcl_GetString(pFile), 0600, &pOut, &err) ){
    kioskTclError(interp, &err);
    return 0;
  }
  return pOut;
}

/* Put the file in place when rc is TCL_OK, else give it up (the path is
** left as it was). Returns rc, or TCL_ERROR when the commit failed. */
static int closeOut(Tcl_Interp *interp, KioskOutFile *pOut, int rc){
  KioskError err;
  if( rc!=TCL_OK ){
    kioskOutAbort(pOut);
    return rc;
  }
  kioskErrorClear(&err);
  if( kioskOutCommit(pOut, &err) ) return kioskTclError(interp, &err);
  return rc;
}

static int cmdStats(Tcl_Interp *interp, KioskRecords *pRec, Tcl_Obj *pPack,
                    Tcl_Obj *pFile){
  KioskItemStats st;
  KioskError err;
  Tcl_Obj *pList;
  int i, k;
  kioskErrorClear(&err);
  if( kioskItemStatsFromRecords(pRec, Tcl_GetString(pPack), &st, &err) ){
    return kioskTclError(interp, &err);
  }
  if( pFile ){
    KioskOutFile *pOut = openOut(interp, pFile);
    int rc = TCL_OK;
    if( pOut==0 ){ kioskItemStatsReset(&st); return TCL_ERROR; }
    if( kioskItemStatsCsv(&st, kioskOutStream(pOut), &err) ){
      rc = kioskTclError(interp, &err);
    }
    kioskItemStatsReset(&st);
    return closeOut(interp, pOut, rc);
  }
  pList = Tcl_NewListObj(0, 0);
  for(i=0; i<st.nItem; i++){
    const KioskItemStat *s = &st.aItem[i];
    Tcl_Obj *d = Tcl_NewDictObj(), *pOpts = Tcl_NewListObj(0, 0);
    Tcl_Obj *pFlags = Tcl_NewListObj(0, 0);
    putStr(d, "question", s->zQuestion);
    putStr(d, "kind", s->zKind);
    putStr(d, "prompt", s->zPrompt);
    putInt(d, "attempts", s->nAttempt);
    putNum(d, "facility", s->rFacility);
    putNum(d, "sd", s->rSd);
    putNum(d, "discrimination", s->rDiscrimination);
    putNum(d, "efficiency", s->rEfficiency);
    if( s->bNegative ){
      Tcl_ListObjAppendElement(0, pFlags, Tcl_NewStringObj("negative", -1));
    }
    if( s->iWrongTop>=0 ){
      Tcl_Obj *ap[2];
      ap[0] = Tcl_NewStringObj("wrongtop", -1);
      ap[1] = Tcl_NewStringObj(s->aOption[s->iWrongTop].zText, -1);
      Tcl_ListObjAppendElement(0, pFlags, Tcl_NewListObj(2, ap));
    }
    Tcl_DictObjPut(0, d, Tcl_NewStringObj("flags", -1), pFlags);
    for(k=0; k<s->nOption; k++){
      const KioskItemOption *o = &s->aOption[k];
      Tcl_Obj *od = Tcl_NewDictObj();
      putStr(od, "text", o->zText);
      putNum(od, "credit", o->rCredit);
      putInt(od, "picks", o->nPick);
      putNum(od, "share", s->nAttempt ? 100.0*o->nPick/s->nAttempt : NAN);
      putNum(od, "topshare", s->nTop ? 100.0*o->nPickTop/s->nTop : NAN);
      Tcl_ListObjAppendElement(0, pOpts, od);
    }
    Tcl_DictObjPut(0, d, Tcl_NewStringObj("options", -1), pOpts);
    Tcl_ListObjAppendElement(0, pList, d);
  }
  kioskItemStatsReset(&st);
  Tcl_SetObjResult(interp, pList);
  return TCL_OK;
}

static int onEssay(void *pArg, sqlite3_int64 iStudent, const char *zName,
                   const char *zQuestion, const char *zPrompt,
                   const char *zText, const char *zAnswered){
  Tcl_Obj *pList = (Tcl_Obj *)pArg, *d = Tcl_NewDictObj();
  Tcl_DictObjPut(0, d, Tcl_NewStringObj("student", -1),
                 Tcl_NewWideIntObj((Tcl_WideInt)iStudent));
  putStr(d, "name", zName);
  putStr(d, "question", zQuestion);
  putStr(d, "prompt", zPrompt);
  putStr(d, "text", zText);
  putStr(d, "answered", zAnswered);
  Tcl_ListObjAppendElement(0, pList, d);
  return 0;
}

int kioskGradebookObjCmd(ClientData cd, Tcl_Interp *interp, int objc,
                     Tcl_Obj *const objv[]){
  static const char *const azSub[] = {
    "roster", "grades", "stats", "statscsv", "essays", 0
  };
  enum { SUB_ROSTER, SUB_GRADES, SUB_STATS, SUB_STATSCSV, SUB_ESSAYS };
  int iSub;
  KioskRecords *pRec;
  (void)cd;
  if( objc<2 ){
    return kioskTclUsage(interp, "kiosk::gradebook roster|grades|stats|statscsv|"
                         "essays RECORDS ...");
  }
  if( Tcl_GetIndexFromObj(interp, objv[1], azSub, "subcommand", 0, &iSub) ){
    Tcl_SetErrorCode(interp, "KIOSK", "ARG", "SUBCOMMAND", (char *)0);
    return TCL_ERROR;
  }
  switch( iSub ){
    case SUB_ROSTER:
      if( objc!=4 ) return kioskTclUsage(interp, "kiosk::gradebook roster RECORDS FILE");
      if( (pRec = recordsOf(interp, objv[2]))==0 ) return TCL_ERROR;
      return cmdRoster(interp, pRec, objv[3]);
    case SUB_GRADES: {
      KioskOutFile *pOut;
      KioskError err;
      int nRow = 0, rc = TCL_OK;
      if( objc!=4 ) return kioskTclUsage(interp, "kiosk::gradebook grades RECORDS FILE");
      if( (pRec = recordsOf(interp, objv[2]))==0 ) return TCL_ERROR;
      if( (pOut = openOut(interp, objv[3]))==0 ) return TCL_ERROR;
      kioskErrorClear(&err);
      if( kioskGradesCsv(pRec, kioskOutStream(pOut), &nRow, &err) ){
        rc = kioskTclError(interp, &err);
      }else{
        Tcl_SetObjResult(interp, Tcl_NewIntObj(nRow));
      }
      return closeOut(interp, pOut, rc);
    }
    case SUB_STATS:
      if( objc!=4 ) return kioskTclUsage(interp, "kiosk::gradebook stats RECORDS PACK");
      if( (pRec = recordsOf(interp, objv[2]))==0 ) return TCL_ERROR;
      return cmdStats(interp, pRec, objv[3], 0);
    case SUB_STATSCSV:
      if( objc!=5 ){
        return kioskTclUsage(interp, "kiosk::gradebook statscsv RECORDS PACK FILE");
      }
      if( (pRec = recordsOf(interp, objv[2]))==0 ) return TCL_ERROR;
      return cmdStats(interp, pRec, objv[3], objv[4]);
    case SUB_ESSAYS: {
      Tcl_Obj *pList;
      KioskError err;
      if( objc!=3 && objc!=4 ){
        return kioskTclUsage(interp, "kiosk::gradebook essays RECORDS ?PACK?");
      }
      if( (pRec = recordsOf(interp, objv[2]))==0 ) return TCL_ERROR;
      pList = Tcl_NewListObj(0, 0);
      Tcl_IncrRefCount(pList);
      kioskErrorClear(&err);
      if( kioskEssays(pRec, objc==4 ? Tcl_GetString(objv[3]) : 0, onEssay,
                      pList, &err) ){
        Tcl_DecrRefCount(pList);
        return kioskTclError(interp, &err);
      }
      Tcl_SetObjResult(interp, pList);
      Tcl_DecrRefCount(pList);
      return TCL_OK;
    }
  }
  return TCL_ERROR;
}
