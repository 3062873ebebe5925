/*
** tclload.c: the course object's loading subcommands.
**
**   $db fresh DIR          1 when built from DIR and nothing changed since
**   $db load DIR           the whole course folder; dict table -> rows
**   $db import TABLE FILE  one CSV into an existing table; row count
**
** All the work is in the core (course.c, csvload.c); a failure comes back
** as the core's first error, -errorcode {KIOSK CSV ...} and so on, with the
** database as it was.
*/
#include "tclkiosk.h"
#include "course.h"
#include "csvload.h"

int kioskCourseFreshCmd(KioskCourse *p, Tcl_Interp *interp,
                        int objc, Tcl_Obj *const objv[]){
  KioskError err;
  int bFresh = 0;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "dir"); return TCL_ERROR; }
  kioskErrorClear(&err);
  if( kioskCourseFresh(p->db, Tcl_GetString(objv[2]), &bFresh, &err) ){
    return kioskTclError(interp, &err);
  }
  Tcl_SetObjResult(interp, Tcl_NewBooleanObj(bFresh));
  return TCL_OK;
}

int kioskCourseLoadCmd(KioskCourse *p, Tcl_Interp *interp,
                       int objc, Tcl_Obj *const objv[]){
  KioskError err;
  KioskCourseReport rep;
  Tcl_Obj *pDict;
  int i;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "dir"); return TCL_ERROR; }
  kioskErrorClear(&err);
  if( kioskCourseLoad(p->db, Tcl_GetString(objv[2]), 0, 1, &rep, &err) ){
    kioskCourseReportFree(&rep);
    return kioskTclError(interp, &err);
  }
  pDict = Tcl_NewDictObj();
  for(i=0; i<rep.nTable; i++){
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj(rep.aTable[i].zName, -1),
                   Tcl_NewWideIntObj((Tcl_WideInt)rep.aTable[i].nRow));
  }
  kioskCourseReportFree(&rep);
  Tcl_SetObjResult(interp, pDict);
  return TCL_OK;
}

int kioskCourseImportCmd(KioskCourse *p, Tcl_Interp *interp,
                         int objc, Tcl_Obj *const objv[]){
  KioskError err;
  sqlite3_int64 nRow = 0;
  if( objc!=4 ){
    Tcl_WrongNumArgs(interp, 2, objv, "table file");
    return TCL_ERROR;
  }
  kioskErrorClear(&err);
  if( kioskCsvLoadFile(p->db, Tcl_GetString(objv[2]), Tcl_GetString(objv[3]),
                       0, &nRow, &err) ){
    return kioskTclError(interp, &err);
  }
  Tcl_SetObjResult(interp, Tcl_NewWideIntObj((Tcl_WideInt)nRow));
  return TCL_OK;
}
