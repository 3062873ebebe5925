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
    "close", "countries", "course", "events", "fact", "facts", "figures",
    "fresh", "glossary", "import", "initiatives", "lesson", "load", "packcheck",
    "packquiz", "places", "quiz", "score", "source", "sources", "stage",
    "stages", "tally", "term", 0
  };
  enum CourseSub {
    SUB_CLOSE, SUB_COUNTRIES, SUB_COURSE, SUB_EVENTS, SUB_FACT, SUB_FACTS,
    SUB_FIGURES, SUB_FRESH, SUB_GLOSSARY, SUB_IMPORT, SUB_INITIATIVES, SUB_LESSON,
    SUB_LOAD, SUB_PACKCHECK, SUB_PACKQUIZ, SUB_PLACES, SUB_QUIZ, SUB_SCORE,
    SUB_SOURCE, SUB_SOURCES,
    SUB_STAGE, SUB_STAGES, SUB_TALLY, SUB_TERM
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
    /* Loading (tclload.c) */
    case SUB_FRESH:       /* $db fresh dir */
      return kioskCourseFreshCmd(p, interp, objc, objv);
    case SUB_LOAD:        /* $db load dir */
      return kioskCourseLoadCmd(p, interp, objc, objv);
    case SUB_IMPORT:      /* $db import table file */
      return kioskCourseImportCmd(p, interp, objc, objv);
    /* Reading (tclread.c) */
    case SUB_COURSE:      /* $db course */
      return kioskCourseCourseCmd(p, interp, objc, objv);
    case SUB_STAGE:       /* $db stage id */
      return kioskCourseStageCmd(p, interp, objc, objv);
    case SUB_LESSON:      /* $db lesson stage */
      return kioskCourseLessonCmd(p, interp, objc, objv);
    case SUB_FACTS:       /* $db facts ?-stage id? ?-kind kind? */
      return kioskCourseFactsCmd(p, interp, objc, objv);
    case SUB_FACT:        /* $db fact id */
      return kioskCourseFactCmd(p, interp, objc, objv);
    case SUB_EVENTS:      /* $db events ?-stage id? ?-key boolean? */
      return kioskCourseEventsCmd(p, interp, objc, objv);
    case SUB_FIGURES:     /* $db figures ?-stage id? ?-group g? ?-unit u? */
      return kioskCourseFiguresCmd(p, interp, objc, objv);
    case SUB_PLACES:      /* $db places */
      return kioskCoursePlacesCmd(p, interp, objc, objv);
    case SUB_INITIATIVES: /* $db initiatives ?-stage id? */
      return kioskCourseInitiativesCmd(p, interp, objc, objv);
    case SUB_COUNTRIES:   /* $db countries */
      return kioskCourseCountriesCmd(p, interp, objc, objv);
    case SUB_SOURCES:     /* $db sources */
      return kioskCourseSourcesCmd(p, interp, objc, objv);
    case SUB_SOURCE:      /* $db source id */
      return kioskCourseSourceCmd(p, interp, objc, objv);
    case SUB_GLOSSARY:    /* $db glossary */
      return kioskCourseGlossaryCmd(p, interp, objc, objv);
    case SUB_TERM:        /* $db term id */
      return kioskCourseTermCmd(p, interp, objc, objv);
    /* Quizzes (tclquiz.c) */
    case SUB_QUIZ:        /* $db quiz ?-stages l? ?-kinds l? ?-topics l? ... */
      return kioskCourseQuizCmd(p, interp, objc, objv);
    case SUB_SCORE:       /* $db score question answer */
      return kioskCourseScoreCmd(p, interp, objc, objv);
    case SUB_TALLY:       /* $db tally questions scores ?-pass percent? */
      return kioskCourseTallyCmd(p, interp, objc, objv);
    /* Quiz packs (tclpack.c) */
    case SUB_PACKCHECK:   /* $db packcheck file ?-text text? */
      return kioskCoursePackCheckCmd(p, interp, objc, objv);
    case SUB_PACKQUIZ:    /* $db packquiz file ?-text text? ?-seed seed? */
      return kioskCoursePackQuizCmd(p, interp, objc, objv);
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

KioskCourse *kioskTclCourseGet(Tcl_Interp *interp, Tcl_Obj *pName){
  Tcl_CmdInfo info;
  if( !Tcl_GetCommandInfo(interp, Tcl_GetString(pName), &info)
   || info.objProc!=courseObjCmd || info.objClientData==0 ){
    Tcl_SetObjResult(interp, Tcl_ObjPrintf("\"%s\" is not a course command",
                                           Tcl_GetString(pName)));
    Tcl_SetErrorCode(interp, "KIOSK", "ARG", "COURSE", (char *)0);
    return 0;
  }
  return (KioskCourse *)info.objClientData;
}

int kioskCourseFactoryObjCmd(ClientData cd, Tcl_Interp *interp,
                             int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-create", "-readonly", "-rebuild",
                                       0 };
  enum FactoryOpt { OPT_CREATE, OPT_READONLY, OPT_REBUILD };
  KioskCourse *p;
  KioskError err;
  int flags = KIOSK_OPEN_CREATE, i, iOpt, b;
  const char *zPath;
  sqlite3 *db = 0;
  (void)cd;

  if( objc<3 || (objc%2)==0 ){
    Tcl_WrongNumArgs(interp, 1, objv,
                     "name file ?-create boolean? ?-readonly boolean?"
                     " ?-rebuild boolean?");
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
      case OPT_REBUILD:
        flags = b ? (flags | KIOSK_OPEN_REBUILD) : (flags & ~KIOSK_OPEN_REBUILD);
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
