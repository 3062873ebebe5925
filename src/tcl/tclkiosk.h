/*
** tclkiosk.h: shared pieces of the `kiosk` Tcl package (the binding).
**
** The binding is thin: it parses arguments, calls the pure-C core and turns
** KioskError into a Tcl error with -errorcode {KIOSK <CLASS> <CODE> ...}.
** It holds no logic of its own and no mutable static data; per-object state
** lives in the object command's ClientData.
*/
#ifndef KIOSK_TCLKIOSK_H
#define KIOSK_TCLKIOSK_H

#include <tcl.h>
#include <sqlite3.h>
#include "kerror.h"

/* One open course database: the ClientData of its object command. */
typedef struct KioskCourse {
  Tcl_Interp *interp;
  Tcl_Command token;
  sqlite3 *db;
  char *zPath;          /* Tcl_Alloc'd copy of the database path */
} KioskCourse;

/* The course object named pName (a command made by kiosk::course), or
** NULL with an error {KIOSK ARG COURSE} in the result. */
KioskCourse *kioskTclCourseGet(Tcl_Interp *interp, Tcl_Obj *pName);

/* Set the interpreter result and -errorcode from pErr; returns TCL_ERROR. */
int kioskTclError(Tcl_Interp *interp, const KioskError *pErr);

/* Set the result to a usage error with -errorcode {KIOSK ARG USAGE}. */
int kioskTclUsage(Tcl_Interp *interp, const char *zUsage);

/* Build a Tcl dict from the current row of pStmt: column name -> value,
** NULL columns omitted. Returns a new object with refcount 0. */
Tcl_Obj *kioskTclRowDict(sqlite3_stmt *pStmt);

/* Course object subcommands, one helper each: objv[1] is the subcommand.
** tclload.c: */
typedef int KioskCourseSubProc(KioskCourse *p, Tcl_Interp *interp,
                               int objc, Tcl_Obj *const objv[]);
KioskCourseSubProc kioskCourseFreshCmd, kioskCourseLoadCmd,
  kioskCourseImportCmd;
/* tclread.c: */
KioskCourseSubProc kioskCourseCourseCmd, kioskCourseStageCmd,
  kioskCourseLessonCmd,
  kioskCourseFactsCmd, kioskCourseFactCmd, kioskCourseEventsCmd,
  kioskCourseFiguresCmd, kioskCoursePlacesCmd, kioskCourseInitiativesCmd,
  kioskCourseCountriesCmd, kioskCourseSourcesCmd, kioskCourseSourceCmd,
  kioskCourseGlossaryCmd, kioskCourseTermCmd;

/* tclquiz.c: quiz and score, and the question dict of doc/tcl-api.md,
** which the pack and records commands share. */
KioskCourseSubProc kioskCourseQuizCmd, kioskCourseScoreCmd,
  kioskCourseTallyCmd;
struct KioskQuestion;
/* A new dict (refcount 0) with the fields of q. */
Tcl_Obj *kioskTclQuestionToObj(const struct KioskQuestion *q);
/* Parse a question dict into *ppQ (the caller's, kioskQuestionFree).
** Unknown keys are ignored. TCL_ERROR with -errorcode
** {KIOSK ARG QUESTION} when the dict does not describe a question. */
int kioskTclQuestionFromObj(Tcl_Interp *interp, Tcl_Obj *pObj,
                            struct KioskQuestion **ppQ);
/* Score answer pAnswer (by kind: an index, a list of indexes, the typed
** text, a list of right-hand texts) to the question dict pQuestion; sets
** the result dict correct credit points expected ?feedback?. */
int kioskTclScore(Tcl_Interp *interp, Tcl_Obj *pQuestion, Tcl_Obj *pAnswer);

/* tclpack.c: quiz packs against this course. */
KioskCourseSubProc kioskCoursePackCheckCmd, kioskCoursePackQuizCmd;

/* tclrecords.c: the records of a records object command, or NULL when
** pCmd names none (or it is closed). */
struct KioskRecords;
struct KioskRecords *kioskTclRecordsFromCmd(Tcl_Interp *interp,
                                            Tcl_Obj *pCmd);

/* Commands registered by Kiosk_Init. */
Tcl_ObjCmdProc kioskCourseFactoryObjCmd;
Tcl_ObjCmdProc kioskPackObjCmd;             /* tclpack.c: kiosk::pack */
Tcl_ObjCmdProc kioskGradebookObjCmd;            /* tclgradebook.c: kiosk::gradebook */
Tcl_ObjCmdProc kioskRecordsFactoryObjCmd;   /* tclrecords.c */

#endif
