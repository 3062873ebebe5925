/*
** kioskctl.c: main() of the instructor's command-line tool.
**
** Dispatches to one subcommand per file through aCmd below. Knows nothing
** of the subcommands' options: `kioskctl help NAME` prints their usage.
*/
#include "ctl.h"

#include <stdio.h>
#include <string.h>

#ifndef PACKAGE_VERSION
# define PACKAGE_VERSION "0.0"
#endif

/* Subcommands, in the order --help lists them. Each file declares its
** entry point here. */
static const CtlCommand aCmd[] = {
  { "build", ctlBuild, "build course.db from a course folder", ctlBuildUsage },
  { "check", ctlCheck, "check a course folder, print every error",
    ctlCheckUsage },
  { "import", ctlImport, "load one CSV file into a table", ctlImportUsage },
  { "quiz", ctlQuiz, "print a generated quiz (text or JSON)", ctlQuizUsage },
  { "pack", ctlPack, "check, export, import or install a quiz pack",
    ctlPackUsage },
  { "results", ctlResults, "export the class's answers as CSV",
    ctlResultsUsage },
  { "pin", ctlPin, "set or check the instructor PIN", ctlPinUsage },
  { "students", ctlStudents, "list the students of a records database",
    ctlStudentsUsage },
  { "class", ctlClass, "one class on PostgreSQL: init, join, sync, results",
    ctlClassUsage },
  { 0, 0, 0, 0 }
};

static void usage(FILE *out){
  const CtlCommand *p;
  fprintf(out,
    "Usage: kioskctl COMMAND [ARGS...]\n"
    "       kioskctl help COMMAND | --help | --version\n"
    "\n"
    "The kiosk's instructor tool: builds and checks course databases,\n"
    "prints quizzes, checks and installs quiz packs, exports results.\n"
    "\n"
    "Commands:\n");
  for(p=aCmd; p->zName; p++){
    fprintf(out, "  %-10s %s\n", p->zName, p->zSummary);
  }
  fprintf(out,
    "\n"
    "Exit status: 0 success, 1 the input has errors (printed on stderr as\n"
    "FILE:LINE:COLUMN: message), 2 a usage error.\n");
}

static const CtlCommand *findCommand(const char *zName){
  const CtlCommand *p;
  for(p=aCmd; p->zName; p++){
    if( strcmp(p->zName, zName)==0 ) return p;
  }
  return 0;
}

int main(int argc, char **argv){
  const CtlCommand *p;
  if( argc<2 ){
    usage(stderr);
    return 2;
  }
  if( strcmp(argv[1], "--help")==0 || strcmp(argv[1], "-h")==0 ){
    usage(stdout);
    return 0;
  }
  if( strcmp(argv[1], "--version")==0 ){
    printf("kioskctl %s\n", PACKAGE_VERSION);
    return 0;
  }
  if( strcmp(argv[1], "help")==0 ){
    if( argc==2 ){ usage(stdout); return 0; }
    p = findCommand(argv[2]);
    if( p==0 ){
      fprintf(stderr, "kioskctl: unknown command \"%s\"\n", argv[2]);
      return 2;
    }
    fputs(p->zUsage, stdout);
    return 0;
  }
  p = findCommand(argv[1]);
  if( p==0 ){
    fprintf(stderr, "kioskctl: unknown command \"%s\" (kioskctl --help)\n",
            argv[1]);
    return 2;
  }
  if( argc>=3 && (strcmp(argv[2], "--help")==0 || strcmp(argv[2], "-h")==0) ){
    fputs(p->zUsage, stdout);
    return 0;
  }
  return p->xRun(argc-2, argv+2);
}
