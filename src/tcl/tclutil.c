/*
** tclutil.c: helpers every command of the binding shares: errors and rows.
*/
#include "tclkiosk.h"

int kioskTclError(Tcl_Interp *interp, const KioskError *pErr){
  char zMsg[2048];
  Tcl_Obj *pCode = Tcl_NewListObj(0, 0);
  kioskErrorFormat(pErr, zMsg, (int)sizeof(zMsg));
  Tcl_SetObjResult(interp, Tcl_NewStringObj(zMsg, -1));
  Tcl_ListObjAppendElement(0, pCode, Tcl_NewStringObj("KIOSK", -1));
  Tcl_ListObjAppendElement(0, pCode,
      Tcl_NewStringObj(kioskErrorClassName(pErr->eClass), -1));
  Tcl_ListObjAppendElement(0, pCode,
      Tcl_NewStringObj(pErr->zCode[0] ? pErr->zCode : "ERROR", -1));
  if( pErr->zFile[0] ){
    Tcl_ListObjAppendElement(0, pCode, Tcl_NewStringObj(pErr->zFile, -1));
    Tcl_ListObjAppendElement(0, pCode, Tcl_NewIntObj(pErr->iLine));
    Tcl_ListObjAppendElement(0, pCode, Tcl_NewIntObj(pErr->iCol));
  }
  Tcl_SetObjErrorCode(interp, pCode);
  return TCL_ERROR;
}

int kioskTclUsage(Tcl_Interp *interp, const char *zUsage){
  Tcl_SetObjResult(interp,
      Tcl_ObjPrintf("wrong # args: should be \"%s\"", zUsage));
  Tcl_SetErrorCode(interp, "KIOSK", "ARG", "USAGE", (char *)0);
  return TCL_ERROR;
}

Tcl_Obj *kioskTclRowDict(sqlite3_stmt *pStmt){
  Tcl_Obj *pDict = Tcl_NewDictObj();
  int i, n = sqlite3_column_count(pStmt);
  for(i=0; i<n; i++){
    Tcl_Obj *pVal = 0;
    switch( sqlite3_column_type(pStmt, i) ){
      case SQLITE_NULL:    continue;
      case SQLITE_INTEGER:
        pVal = Tcl_NewWideIntObj(sqlite3_column_int64(pStmt, i));
        break;
      case SQLITE_FLOAT:
        pVal = Tcl_NewDoubleObj(sqlite3_column_double(pStmt, i));
        break;
      default:
        pVal = Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, i),
                                sqlite3_column_bytes(pStmt, i));
        break;
    }
    Tcl_DictObjPut(0, pDict,
        Tcl_NewStringObj(sqlite3_column_name(pStmt, i), -1), pVal);
  }
  return pDict;
}
