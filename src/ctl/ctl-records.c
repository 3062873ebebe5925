/*
** ctl-records.c: kioskctl results, pin and students — the learner records
** (records.db) from a shell.
**
**   kioskctl results export --records FILE [--out F.csv] [--pack ID]
**                           [--student ID]
**   kioskctl pin set --records FILE      (the PIN from stdin)
**   kioskctl pin check --records FILE    (the PIN from stdin)
**   kioskctl students --records FILE [--all]
**   kioskctl records backups|backup --records FILE
**   kioskctl records restore --records FILE BACKUP
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
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

const char ctlResultsUsage[] =
  "Usage: kioskctl results export --records FILE [--out F.csv] [--pack ID]\n"
  "                               [--student ID] [--raw]\n"
  "\n"
  "Writes every answer recorded in the records database FILE as CSV (a\n"
  "header row, then one row per answer: attempt, student, pack, stage,\n"
  "question, the answer the student chose or typed, whether it was correct,\n"
  "the points, times in UTC and in local time), to F.csv or to standard\n"
  "output (--out - too). --pack and --student keep only that pack's or that\n"
  "student's answers (student ids: kioskctl students). The same export as\n"
  "the instructor desk's: safe to open in a spreadsheet (a value starting\n"
  "with = + - @ gets a leading '). --raw writes every value verbatim, the\n"
  "answer as stored (option positions), for scripts.\n"
  "F.csv, when it exists, is replaced only once the export is complete,\n"
  "keeping its mode; a new one is readable by its owner only. A symlink\n"
  "stays a link, a device or FIFO is written through.\n"
  "\n"
  "       kioskctl results grades --records FILE [--out F.csv]\n"
  "       kioskctl results stats --records FILE --pack ID [--out F.csv]\n"
  "\n"
  "grades: one row per student with the best and last score (in percent) of\n"
  "each pack and the last attempt in local time, with \"ID number\" and\n"
  "\"Email address\" columns for Moodle's grade import (roster: kioskctl\n"
  "students import).\n"
  "stats: item statistics of pack ID as Moodle's quiz statistics define\n"
  "them, over each student's first finished attempt: facility, SD,\n"
  "discrimination index, discriminative efficiency, each option's share (and\n"
  "among the top third), and flags for questions the numbers say are broken.\n"
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
  "       kioskctl students import --records FILE ROSTER.csv\n"
  "\n"
  "Lists the students of the records database FILE, one per line:\n"
  "id<TAB>name. --all also lists students removed from the roster whose\n"
  "records were kept (with a third column: removed <time>).\n"
  "import: adds the students of ROSTER.csv (a header row naming the columns\n"
  "name, id number, email), or gives existing students (same name) their id\n"
  "number and email. Every error is printed as ROSTER.csv:LINE:COLUMN, and\n"
  "with any error nothing is imported.\n"
  "\n"
  "Exit status: 0 listed, 1 error, 2 usage.\n";

/* Open an existing records database (bExisting) or any, with nBackup
** backups (-nBackup: none made while opening). Prints the error and returns 1 on failure, else 0. */
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
  if( kioskRecordsOpenFlags(zPath, nBackup<0 ? -nBackup : nBackup,
                            KIOSK_RECORDS_KEEP_CORRUPT
                            | (nBackup<0 ? KIOSK_RECORDS_DEFER_BACKUP : 0),
                            pp, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  /* Opening needs no backup; one that failed is said, not fatal. */
  if( kioskRecordsOpenWarning(*pp) ){
    fprintf(stderr, "kioskctl: %s (warning: going on without a new backup)\n",
            kioskRecordsOpenWarning(*pp));
  }
  return 0;
}

int ctlResults(int argc, char **argv){
  const char *zRecords = 0, *zOut = 0, *zPack = 0, *zStudent = 0;
  const char *azPos[1];
  int nPos = 0, nRow = 0, rc, bRaw = 0;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { "--out", 1, &zOut, 0 },
    { "--pack", 1, &zPack, 0 },
    { "--student", 1, &zStudent, 0 },
    { "--raw", 0, 0, &bRaw },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskRecFilter f;
  KioskError err;
  char *zEnd = 0;

  if( argc>=1 && (strcmp(argv[0], "stats")==0
                   || strcmp(argv[0], "grades")==0) ){
    return ctlResultsClass(argc, argv);
  }
  if( argc<1 || strcmp(argv[0], "export")!=0 ){
    fprintf(stderr, "kioskctl: results: expected \"export\", \"grades\" or "
            "\"stats\" (kioskctl help results)\n");
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
  rc = zOut ? kioskRecordsExportFileAs(pRec, &f, bRaw, zOut, &nRow, &err)
            : kioskRecordsExportAs(pRec, &f, bRaw, stdout, &nRow, &err);
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

  if( argc>=1 && strcmp(argv[0], "import")==0 ){
    return ctlStudentsImport(argc-1, argv+1);
  }
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

const char ctlRecordsUsage[] =
  "Usage: kioskctl records backups --records FILE\n"
  "       kioskctl records backup --records FILE\n"
  "       kioskctl records restore --records FILE BACKUP\n"
  "\n"
  "backups: lists the backups of the records database FILE, newest first,\n"
  "one per line: time (UTC)<TAB>local time<TAB>answers<TAB>path (answers\n"
  "\"?\" when the backup cannot be read).\n"
  "backup: makes a backup of FILE now and prints its path.\n"
  "restore: puts BACKUP (one of those listed, or any copy of a records\n"
  "database) in the place of FILE. What FILE held is backed up first, and\n"
  "its path printed, so a restore can itself be undone. Safe while the\n"
  "kiosk runs: it sees the restored records.\n"
  "Old backups are pruned after each new one: the newest 3, one a day for\n"
  "a week, one a week for four weeks, the last before answers went down\n"
  "(four weeks), and the one with the most answers ever are kept\n"
  "(doc/records.md).\n"
  "\n"
  "Exit status: 0 done, 1 error, 2 usage.\n";

/* Print the backups of zPath. 0 or 1 (printed). */
static int listBackups(const char *zPath){
  KioskBackupInfo *a = 0;
  KioskError err;
  int n = 0, i;
  kioskErrorClear(&err);
  if( kioskRecordsBackupList(zPath, &a, &n, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  for(i=0; i<n; i++){
    char zUtc[KIOSK_RECORDS_ISO_SIZE+4], zLocal[64];
    struct tm tm;
    time_t t = (time_t)a[i].iTime;
    kioskRecordsIsoTime(a[i].iTime, zUtc);
    memset(&tm, 0, sizeof(tm));
    if( localtime_r(&t, &tm)==0
     || strftime(zLocal, sizeof(zLocal), "%Y-%m-%d %H:%M:%S %Z", &tm)==0 ){
      zLocal[0] = 0;
    }
    if( a[i].nAnswer<0 ){
      printf("%s\t%s\t?\t%s\n", zUtc, zLocal, a[i].zPath);
    }else{
      printf("%s\t%s\t%lld\t%s\n", zUtc, zLocal, a[i].nAnswer, a[i].zPath);
    }
  }
  kioskRecordsBackupListFree(a, n);
  if( fflush(stdout)!=0 ){
    fprintf(stderr, "kioskctl: records: cannot write to standard output\n");
    return 1;
  }
  return 0;
}

int ctlRecords(int argc, char **argv){
  const char *zRecords = 0;
  const char *azPos[1];
  int nPos = 0, rc, eSub;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskError err;
  char *zPath = 0;

  eSub = argc<1 ? -1 : strcmp(argv[0], "backups")==0 ? 0
       : strcmp(argv[0], "backup")==0 ? 1
       : strcmp(argv[0], "restore")==0 ? 2 : -1;
  if( eSub<0 ){
    fprintf(stderr, "kioskctl: records: expected \"backups\", \"backup\" or "
            "\"restore\" (kioskctl help records)\n");
    return 2;
  }
  if( (rc = ctlParseArgs("records", argc-1, argv+1, aOpt, azPos,
                         eSub==2 ? 1 : 0, &nPos)) ){
    return rc;
  }
  if( zRecords==0 || (eSub==2 && nPos!=1) ){
    fprintf(stderr, "kioskctl: records: %s (kioskctl help records)\n",
            zRecords==0 ? "--records FILE is required"
                        : "restore needs the BACKUP to restore");
    return 2;
  }
  kioskErrorClear(&err);
  switch( eSub ){
    case 0:
      return listBackups(zRecords);
    case 1:
      /* the one backup is the one asked for: none while opening */
      if( openRecords(zRecords, 1, -KIOSK_RECORDS_BACKUPS, &pRec) ) return 1;
      rc = kioskRecordsBackup(pRec, &zPath, &err);
      kioskRecordsClose(pRec);
      break;
    default:
      rc = kioskRecordsRestore(zRecords, azPos[0], (long long)time(0),
                               &zPath, &err);
      break;
  }
  if( rc ){
    ctlPrintError(&err);
    sqlite3_free(zPath);
    return 1;
  }
  if( eSub==1 ){
    printf("%s\n", zPath);
  }else if( zPath && zPath[0] ){
    printf("restored %s from %s; what it held before is in %s\n", zRecords,
           azPos[0], zPath);
  }else{
    printf("restored %s from %s\n", zRecords, azPos[0]);
  }
  sqlite3_free(zPath);
  return 0;
}
