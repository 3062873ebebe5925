/*
** tclcourse.c: the course database as a Tcl object command.
**
**   kiosk::course NAME FILE ?-create BOOL? ?-readonly BOOL?
**
** creates the command NAME over the course database FILE, in the manner of
** SQLite's `sqlite3 db file`. Its subcommands are listed in azSub below;
** each case of the switch checks its arguments and calls one helper.
** The UI reads the course only through these subcommands, never SQL.
*/
#include "tclkiosk.h"
#include "coursedb.h"

#include <string.h>

static void courseDelete(ClientData cd){
  KioskCourse *p = (KioskCourse *)cd;
  sqlite3_close(p->db);
  Tcl_Free(p->zPath);
  Tcl_Free((char *)p);
}

/* Append one dict per row of zSql (no parameters) to the result. */
static int listRows(Tcl_Interp *interp, sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  Tcl_Obj *pList;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  KioskError err;
  if( rc!=SQLITE_OK ) goto db_error;
  pList = Tcl_NewListObj(0, 0);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    Tcl_ListObjAppendElement(0, pList, kioskTclRowDict(pStmt));
  }
  if( rc!=SQLITE_DONE ){
    Tcl_DecrRefCount(pList);
    goto db_error;
  }
  sqlite3_finalize(pStmt);
  Tcl_SetObjResult(interp, pList);
  return TCL_OK;

db_error:
  kioskErrorSet(&err, KIOSK_EDB, "QUERY", 0, 0, 0, "%s", sqlite3_errmsg(db));
  sqlite3_finalize(pStmt);
  return kioskTclError(interp, &err);
}

static int courseObjCmd(ClientData cd, Tcl_Interp *interp,
                        int objc, Tcl_Obj *const objv[]){
  KioskCourse *p = (KioskCourse *)cd;
  static const char *const azSub[] = {
    "close", "stages", 0
  };
  enum CourseSub {
    SUB_CLOSE, SUB_STAGES
  };
  int iSub;

  if( objc<2 ){
    Tcl_WrongNumArgs(interp, 1, objv, "subcommand ?arg ...?");
    return TCL_ERROR;
  }
  if( Tcl_GetIndexFromObjStruct(interp, objv[1], azSub, sizeof(char *),
                                "subcommand", 0, &iSub) ){
    return TCL_ERROR;
  }
  switch( (enum CourseSub)iSub ){
    case SUB_CLOSE: {
      /* $db close */
      if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, ""); return TCL_ERROR; }
      Tcl_DeleteCommandFromToken(interp, p->token);
      return TCL_OK;
    }
    case SUB_STAGES: {
      /* $db stages: list of dicts in teaching order */
      if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, ""); return TCL_ERROR; }
      return listRows(interp, p->db,
          "SELECT id, ord, title, period, summary, y0, y1"
          " FROM stages ORDER BY ord");
    }
  }
  return TCL_ERROR;
}

int kioskCourseFactoryObjCmd(ClientData cd, Tcl_Interp *interp,
                             int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-create", "-readonly", 0 };
  enum FactoryOpt { OPT_CREATE, OPT_READONLY };
  KioskCourse *p;
  KioskError err;
  int flags = KIOSK_OPEN_CREATE, i, iOpt, b;
  const char *zPath;
  sqlite3 *db = 0;
  (void)cd;

  if( objc<3 || (objc%2)==0 ){
    Tcl_WrongNumArgs(interp, 1, objv,
                     "name file ?-create boolean? ?-readonly boolean?");
    return TCL_ERROR;
  }
  for(i=3; i<objc; i+=2){
    if( Tcl_GetIndexFromObjStruct(interp, objv[i], azOpt, sizeof(char *),
                                  "option", 0, &iOpt)
     || Tcl_GetBooleanFromObj(interp, objv[i+1], &b) ){
      return TCL_ERROR;
    }
    switch( (enum FactoryOpt)iOpt ){
      case OPT_CREATE:
        flags = b ? (flags | KIOSK_OPEN_CREATE) : (flags & ~KIOSK_OPEN_CREATE);
        break;
      case OPT_READONLY:
        flags = b ? (flags | KIOSK_OPEN_READONLY) : (flags & ~KIOSK_OPEN_READONLY);
        break;
    }
  }
  if( flags & KIOSK_OPEN_READONLY ) flags &= ~KIOSK_OPEN_CREATE;
  zPath = Tcl_GetString(objv[2]);
  kioskErrorClear(&err);
  if( kioskCourseOpen(zPath, flags, &db, &err) ){
    return kioskTclError(interp, &err);
  }
  p = (KioskCourse *)Tcl_Alloc(sizeof(*p));
  memset(p, 0, sizeof(*p));
  p->interp = interp;
  p->db = db;
  p->zPath = Tcl_Alloc((unsigned)strlen(zPath) + 1);
  strcpy(p->zPath, zPath);
  p->token = Tcl_CreateObjCommand(interp, Tcl_GetString(objv[1]),
                                  courseObjCmd, p, courseDelete);
  Tcl_SetObjResult(interp, objv[1]);
  return TCL_OK;
}
