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
  { "attempt", ctlAttempt, "take an installed pack's quiz in the records",
    ctlAttemptUsage },
  { "results", ctlResults, "export the class's answers as CSV",
    ctlResultsUsage },
  { "pin", ctlPin, "set or check the instructor PIN", ctlPinUsage },
  { "students", ctlStudents, "list the students of a records database",
    ctlStudentsUsage },
  { "records", ctlRecords, "list, make or restore backups of the records",
    ctlRecordsUsage },
  { "class", ctlClass, "one class on PostgreSQL: init, join, sync, results",
    ctlClassUsage },
  { 0, 0, 0, 0 }
};

static void usage(FILE *out){
  const CtlCommand *p;
  fprintf(out,
    "Usage: kioskctl COMMAND [ARGS...]\n"
    "       kioskctl COMMAND --help\n"
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
    "Options take their value as --db FILE or --db=FILE; -- ends the\n"
    "options. -h or --help after any command prints its usage.\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  the input has errors, or a file could not be read or written\n"
    "     (each error on stderr as kioskctl: FILE:LINE:COLUMN: message)\n"
    "  2  a usage error (unknown command or option, missing argument)\n"
    "\n"
    "Environment:\n"
    "  XDG_CACHE_HOME  where the kiosk keeps its rebuildable course.db\n"
    "                  (kiosk/course.db below it; without it, or when it is\n"
    "                  not an absolute path, ~/.cache/kiosk/course.db);\n"
    "                  pack install checks against it without --db\n");
}

static int version(void){
  printf("kioskctl (Kiosk) %s\n"
         "Copyright (c) 2026 The Kiosk authors\n"
         "License MIT: <https://opensource.org/licenses/MIT>\n"
         "This is free software: you are free to change and redistribute it.\n"
         "There is NO WARRANTY, to the extent permitted by law.\n",
         PACKAGE_VERSION);
  return fflush(stdout)==0 && !ferror(stdout) ? 0 : 1;
}

static int help(const char *z, FILE *out){
  fputs(z, out);
  return fflush(out)==0 && !ferror(out) ? 0 : 1;
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
    fprintf(stderr, "kioskctl: no command given (kioskctl --help)\n");
    return 2;
  }
  if( strcmp(argv[1], "--help")==0 || strcmp(argv[1], "-h")==0 ){
    usage(stdout);
    return help("", stdout);
  }
  if( strcmp(argv[1], "--version")==0 || strcmp(argv[1], "-V")==0 ){
    return version();
  }
  if( strcmp(argv[1], "help")==0 ){
    if( argc==2 ){
      usage(stdout);
      return help("", stdout);
    }
    p = findCommand(argv[2]);
    if( p==0 ){
      fprintf(stderr, "kioskctl: unknown command \"%s\" (kioskctl --help)\n",
              argv[2]);
      return 2;
    }
    return help(p->zUsage, stdout);
  }
  p = findCommand(argv[1]);
  if( p==0 ){
    fprintf(stderr, "kioskctl: unknown %s \"%s\" (kioskctl --help)\n",
            argv[1][0]=='-' ? "option" : "command", argv[1]);
    return 2;
  }
  ctlUsage = p->zUsage;
  if( argc>=3 && (strcmp(argv[2], "--help")==0 || strcmp(argv[2], "-h")==0) ){
    return help(p->zUsage, stdout);
  }
  return p->xRun(argc-2, argv+2);
}
