/*
** ctl-gradebook.c: kioskctl over the class as a whole, in the forms a school's
** Moodle takes:
**
**   kioskctl students import --records FILE ROSTER.csv
**   kioskctl results grades --records FILE [--out F.csv]
**   kioskctl results stats --records FILE --pack ID [--out F.csv]
**
** The work is in src/core/gradebook.c and itemstats.c; this file parses
** arguments and prints. --out is written through src/core/outfile.c like
** every other export: "-" is standard output, a symlink, FIFO or device is
** written through, a regular file replaced atomically keeping its mode, a
** new one created 0600 (it holds students' names and grades).
*/
#include "ctl.h"
#include "gradebook.h"
#include "outfile.h"
#include "itemstats.h"
#include "pack.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int openRec(const char *zPath, KioskRecords **pp){
  KioskError err;
  kioskErrorClear(&err);
  if( access(zPath, F_OK)!=0 ){
    kioskErrorSet(&err, KIOSK_EIO, "NOFILE", zPath, 0, 0,
                  "no such records database");
    ctlPrintError(&err);
    return 1;
  }
  if( kioskRecordsOpenFlags(zPath, 0, KIOSK_RECORDS_KEEP_CORRUPT, pp,
                            &err) ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}

int ctlStudentsImport(int argc, char **argv){
  const char *zRecords = 0;
  const char *azPos[1];
  int nPos = 0, rc, n = 0, nAdded = 0, nUpdated = 0, i;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskErrList errs;
  KioskError err;
  char *z = 0;

  if( (rc = ctlParseArgs("students import", argc, argv, aOpt, azPos, 1,
                         &nPos)) ){
    return rc;
  }
  if( zRecords==0 || nPos!=1 ){
    fprintf(stderr, "kioskctl: students import: give --records FILE and one "
            "ROSTER.csv (kioskctl help students)\n");
    return 2;
  }
  kioskErrorClear(&err);
  if( kioskPackReadFile(azPos[0], &z, &n, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  if( openRec(zRecords, &pRec) ){
    sqlite3_free(z);
    return 1;
  }
  memset(&errs, 0, sizeof(errs));
  rc = kioskRosterImport(pRec, azPos[0], z, n, (long long)time(0), &nAdded,
                         &nUpdated, &errs);
  kioskRecordsClose(pRec);
  for(i=0; i<errs.nErr; i++) ctlPrintError(&errs.aErr[i]);
  if( rc ){
    fprintf(stderr, "kioskctl: students import: nothing imported\n");
  }else{
    printf("%d student%s added, %d updated\n", nAdded, nAdded==1 ? "" : "s",
           nUpdated);
  }
  kioskErrListReset(&errs);
  sqlite3_free(z);
  return rc ? 1 : 0;
}

/* results grades / results stats */
int ctlResultsClass(int argc, char **argv){
  const char *zRecords = 0, *zOut = 0, *zPack = 0;
  const char *azPos[1];
  int nPos = 0, rc, bStats = strcmp(argv[0], "stats")==0, nRow = 0;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { "--out", 1, &zOut, 0 },
    { "--pack", 1, &zPack, 0 },
    { 0, 0, 0, 0 }
  };
  const char *zCmd = bStats ? "results stats" : "results grades";
  KioskRecords *pRec = 0;
  KioskOutFile *pOut = 0;
  KioskError err;
  FILE *out;

  if( (rc = ctlParseArgs(zCmd, argc-1, argv+1, aOpt, azPos, 0, &nPos)) ){
    return rc;
  }
  if( zRecords==0 || (bStats && zPack==0) || (!bStats && zPack) ){
    fprintf(stderr, "kioskctl: %s: give --records FILE%s (kioskctl help "
            "results)\n", zCmd, bStats ? " and --pack ID" : "");
    return 2;
  }
  if( openRec(zRecords, &pRec) ) return 1;
  kioskErrorClear(&err);
  if( kioskOutOpen(zOut ? zOut : "-", 0600, &pOut, &err) ){
    ctlPrintError(&err);
    kioskRecordsClose(pRec);
    return 1;
  }
  out = kioskOutStream(pOut);
  if( bStats ){
    KioskItemStats st;
    rc = kioskItemStatsFromRecords(pRec, zPack, &st, &err);
    if( rc==0 ){
      rc = kioskItemStatsCsv(&st, out, &err);
      kioskItemStatsReset(&st);
    }
  }else{
    rc = kioskGradesCsv(pRec, out, &nRow, &err);
  }
  kioskRecordsClose(pRec);
  if( rc ){
    /* Nothing half-written is put in place. */
    ctlPrintError(&err);
    kioskOutAbort(pOut);
    return 1;
  }
  if( kioskOutCommit(pOut, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}
