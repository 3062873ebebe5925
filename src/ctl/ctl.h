/*
** ctl.h: kioskctl, the instructor's command-line tool over the core.
**
** Each subcommand lives in its own file (ctl-build.c, ctl-quiz.c, ...) as
** `int ctlXxx(int argc, char **argv)` receiving the arguments after its
** name, and returning the process exit status: 0 success, 1 the input had
** errors (reported on stderr like a compiler, after "kioskctl: "), 2 a
** usage error.
*/
#ifndef KIOSK_CTL_H
#define KIOSK_CTL_H

#include "kerror.h"

/* One option of a subcommand: "--db" with a value, or "--json" a flag. */
typedef struct CtlOpt {
  const char *zName;     /* "--db" */
  int hasValue;          /* 1: takes the next argument as its value */
  const char **pzValue;  /* where the value goes (hasValue) */
  int *pbFlag;           /* set to 1 when present (!hasValue) */
} CtlOpt;

/*
** Parse argv[0..argc-1] against aOpt (terminated by a zero zName) with
** getopt_long: "--db FILE" or "--db=FILE", "-o FILE" or "-oFILE", options
** anywhere, "--" ends them. Positional arguments are collected, in order,
** into azPos (at most nPos); *pnPos receives their count. Returns 0, or
** prints "kioskctl: zCmd: ..." and returns 2 (the usage exit status).
** "--help" or "-h" prints ctlUsage on stdout and exits 0.
*/
int ctlParseArgs(const char *zCmd, int argc, char **argv, const CtlOpt *aOpt,
                 const char **azPos, int nPos, int *pnPos);

/* The usage of the subcommand running (main sets it), for --help. */
extern const char *ctlUsage;

/* Print a KioskError on stderr as "kioskctl: file:line:col: message".
** Every message kioskctl prints on stderr starts with "kioskctl: ". */
void ctlPrintError(const KioskError *pErr);

/* Subcommands (one file each). */
typedef struct CtlCommand {
  const char *zName;
  int (*xRun)(int argc, char **argv);
  const char *zSummary;  /* one line for `kioskctl --help` */
  const char *zUsage;    /* full usage, printed by `kioskctl help NAME` */
} CtlCommand;

/* ctl-course.c: build, check, import. */
int ctlBuild(int argc, char **argv);
int ctlCheck(int argc, char **argv);
int ctlImport(int argc, char **argv);
extern const char ctlBuildUsage[];
extern const char ctlCheckUsage[];
extern const char ctlImportUsage[];

/* ctl-records.c: results export, pin, students. */
int ctlResults(int argc, char **argv);
int ctlPin(int argc, char **argv);
int ctlStudents(int argc, char **argv);
extern const char ctlResultsUsage[];
extern const char ctlPinUsage[];
extern const char ctlStudentsUsage[];
int ctlRecords(int argc, char **argv);
extern const char ctlRecordsUsage[];

/* ctl-gradebook.c: students import, results grades, results stats. */
int ctlStudentsImport(int argc, char **argv);
int ctlResultsClass(int argc, char **argv);

/* ctl-attempt.c: attempt start|answer|finish. */
int ctlAttempt(int argc, char **argv);
extern const char ctlAttemptUsage[];

/* ctl-quiz.c: quiz. */
int ctlQuiz(int argc, char **argv);
extern const char ctlQuizUsage[];

/* ctl-pack.c: pack check|export|import|install. */
int ctlPack(int argc, char **argv);
extern const char ctlPackUsage[];

/* ctl-class.c: class init|join|status|sync|publish|roster|results. */
int ctlClass(int argc, char **argv);
extern const char ctlClassUsage[];

#endif
