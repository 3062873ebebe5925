/*
** ctl-records.c: kioskctl results, pin and students — the learner records
** (records.db) from a shell.
**
**   kioskctl results export --records FILE [--out F.csv] [--pack ID]
**                           [--student ID]
**   kioskctl pin set --records FILE      (the PIN from stdin)
**   kioskctl pin check --records FILE    (the PIN from stdin)
**   kioskctl students --records FILE [--all]
**
** Not here: anything the kiosk does with the records (src/core/records.c
** does it all; this file only parses arguments and prints).
*/
#include "ctl.h"
#include "pin.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

const char ctlResultsUsage[] =
  "Usage: kioskctl results export --records FILE [--out F.csv] [--pack ID]\n"
  "                               [--student ID]\n"
  "\n"
  "Writes every answer recorded in the records database FILE as CSV (a\n"
  "header row, then one row per answer: attempt, student, pack, stage,\n"
  "question, the answer given, whether it was correct, the points, times),\n"
  "to F.csv or to standard output. --pack and --student keep only that\n"
  "pack's or that student's answers (student ids: kioskctl students). The\n"
  "same export as the instructor desk's.\n"
  "\n"
  "Exit status: 0 written, 1 error (a missing or corrupt FILE), 2 usage.\n";

const char ctlPinUsage[] =
  "Usage: kioskctl pin set --records FILE\n"
  "       kioskctl pin check --records FILE\n"
  "\n"
  "set: reads a new instructor PIN (4 to 64 characters) and stores its\n"
  "yescrypt hash in the records database FILE (created when missing). The\n"
  "PIN itself is never stored. On a terminal it is asked twice without\n"
  "echo; otherwise the first line of standard input is the PIN.\n"
  "check: reads a PIN the same way and tells whether it is the one set.\n"
  "\n"
  "Exit status: 0 set / the PIN matches, 1 error / a wrong PIN, 2 usage.\n";

const char ctlStudentsUsage[] =
  "Usage: kioskctl students --records FILE [--all]\n"
  "\n"
  "Lists the students of the records database FILE, one per line:\n"
  "id<TAB>name. --all also lists students removed from the roster whose\n"
  "records were kept (with a third column: removed <time>).\n"
  "\n"
  "Exit status: 0 listed, 1 error, 2 usage.\n";

/* Open an existing records database (bExisting) or any, with nBackup
** backups. Prints the error and returns 1 on failure, else 0. */
static int openRecords(const char *zPath, int bExisting, int nBackup,
                       KioskRecords **pp){
  KioskError err;
  kioskErrorClear(&err);
  if( bExisting && access(zPath, F_OK)!=0 ){
    kioskErrorSet(&err, KIOSK_EIO, "NOFILE", zPath, 0, 0,
                  "no such records database");
    ctlPrintError(&err);
    return 1;
  }
  /* A shell tool reports a damaged file and leaves it alone. */
  if( kioskRecordsOpenFlags(zPath, nBackup, KIOSK_RECORDS_KEEP_CORRUPT, pp,
                            &err) ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}

int ctlResults(int argc, char **argv){
  const char *zRecords = 0, *zOut = 0, *zPack = 0, *zStudent = 0;
  const char *azPos[1];
  int nPos = 0, nRow = 0, rc;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { "--out", 1, &zOut, 0 },
    { "--pack", 1, &zPack, 0 },
    { "--student", 1, &zStudent, 0 },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskRecFilter f;
  KioskError err;
  char *zEnd = 0;

  if( argc<1 || strcmp(argv[0], "export")!=0 ){
    fprintf(stderr, "kioskctl: results: expected \"export\" "
            "(kioskctl help results)\n");
    return 2;
  }
  if( (rc = ctlParseArgs("results export", argc-1, argv+1, aOpt, azPos, 0, &nPos)) ){
    return rc;
  }
  if( zRecords==0 ){
    fprintf(stderr, "kioskctl: results: --records FILE is required "
            "(kioskctl help results)\n");
    return 2;
  }
  memset(&f, 0, sizeof(f));
  f.zPack = zPack;
  if( zStudent ){
    f.iStudent = strtoll(zStudent, &zEnd, 10);
    if( zEnd==zStudent || *zEnd || f.iStudent<=0 ){
      fprintf(stderr, "kioskctl: results: --student takes a student id, "
              "not \"%s\"\n", zStudent);
      return 2;
    }
  }
  /* Reading only: no backup rotation for an export. */
  if( openRecords(zRecords, 1, 0, &pRec) ) return 1;
  kioskErrorClear(&err);
  rc = zOut ? kioskRecordsExportFile(pRec, &f, zOut, &nRow, &err)
            : kioskRecordsExport(pRec, &f, stdout, &nRow, &err);
  kioskRecordsClose(pRec);
  if( rc==KIOSK_OK && zOut==0 && fflush(stdout)!=0 ){
    kioskErrorSet(&err, KIOSK_EIO, "EXPORT", 0, 0, 0,
                  "cannot write to standard output");
    rc = KIOSK_EIO;
  }
  if( rc ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}

/*
** Read one line into z (at most n-1 bytes, line end dropped). On a
** terminal, prompt on stderr and switch echo off while reading. Returns 0,
** or -1 at end of input.
*/
static int readSecret(const char *zPrompt, char *z, int n){
  struct termios old, quiet;
  int bTty = isatty(STDIN_FILENO), bEcho = 0;
  size_t len;
  char *zLine;

  if( bTty ){
    fputs(zPrompt, stderr);
    fflush(stderr);
    if( tcgetattr(STDIN_FILENO, &old)==0 ){
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t)ECHO;
      bEcho = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)==0;
    }
  }
  zLine = fgets(z, n, stdin);
  if( bEcho ){
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    fputc('\n', stderr);
  }
  if( zLine==0 ) return -1;
  len = strlen(z);
  while( len>0 && (z[len-1]=='\n' || z[len-1]=='\r') ) z[--len] = 0;
  return 0;
}

int ctlPin(int argc, char **argv){
  const char *zRecords = 0;
  const char *azPos[1];
  char zPin[256], zAgain[256];
  int nPos = 0, rc, bSet, bOk = 0;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskError err;

  if( argc<1 || (strcmp(argv[0], "set")!=0 && strcmp(argv[0], "check")!=0) ){
    fprintf(stderr, "kioskctl: pin: expected \"set\" or \"check\" "
            "(kioskctl help pin)\n");
    return 2;
  }
  bSet = strcmp(argv[0], "set")==0;
  if( (rc = ctlParseArgs(bSet ? "pin set" : "pin check", argc-1, argv+1, aOpt, azPos, 0, &nPos)) ){
    return rc;
  }
  if( zRecords==0 ){
    fprintf(stderr, "kioskctl: pin: --records FILE is required "
            "(kioskctl help pin)\n");
    return 2;
  }
  kioskErrorClear(&err);
  if( readSecret(bSet ? "New instructor PIN: " : "Instructor PIN: ",
                 zPin, (int)sizeof(zPin)) ){
    fprintf(stderr, "kioskctl: pin: no PIN on standard input\n");
    return 1;
  }
  if( bSet ){
    if( kioskPinValid(zPin, &err) ){
      ctlPrintError(&err);
      rc = 1;
      goto done;
    }
    if( isatty(STDIN_FILENO) ){
      if( readSecret("Again: ", zAgain, (int)sizeof(zAgain))
       || strcmp(zPin, zAgain)!=0 ){
        fprintf(stderr, "kioskctl: pin: the two PINs differ; nothing "
                "changed\n");
        rc = 1;
        goto done;
      }
    }
  }
  if( openRecords(zRecords, !bSet, KIOSK_RECORDS_BACKUPS, &pRec) ){
    rc = 1;
    goto done;
  }
  rc = bSet ? kioskRecordsPinSet(pRec, zPin, &err)
            : kioskRecordsPinCheck(pRec, zPin, &bOk, &err);
  kioskRecordsClose(pRec);
  if( rc ){
    ctlPrintError(&err);
    rc = 1;
  }else if( !bSet && !bOk ){
    fprintf(stderr, "kioskctl: pin: wrong PIN\n");
    rc = 1;
  }

done:
  memset(zPin, 0, sizeof(zPin));
  memset(zAgain, 0, sizeof(zAgain));
  return rc;
}

static int printStudent(void *pArg, sqlite3_stmt *pStmt){
  (void)pArg;
  printf("%lld\t%s", (long long)sqlite3_column_int64(pStmt, 0),
         (const char *)sqlite3_column_text(pStmt, 1));
  if( sqlite3_column_count(pStmt)>3
   && sqlite3_column_type(pStmt, 3)!=SQLITE_NULL ){
    printf("\tremoved %s", (const char *)sqlite3_column_text(pStmt, 3));
  }
  putchar('\n');
  return 0;
}

int ctlStudents(int argc, char **argv){
  const char *zRecords = 0;
  const char *azPos[1];
  int nPos = 0, rc, bAll = 0;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { "--all", 0, 0, &bAll },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskError err;

  if( (rc = ctlParseArgs("students", argc, argv, aOpt, azPos, 0, &nPos)) ){
    return rc;
  }
  if( zRecords==0 ){
    fprintf(stderr, "kioskctl: students: --records FILE is required "
            "(kioskctl help students)\n");
    return 2;
  }
  if( openRecords(zRecords, 1, 0, &pRec) ) return 1;
  kioskErrorClear(&err);
  rc = kioskRecordsStudents(pRec, bAll, printStudent, 0, &err);
  kioskRecordsClose(pRec);
  if( rc ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}
