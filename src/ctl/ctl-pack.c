/*
** ctl-pack.c: `kioskctl pack check|export|import|install`, the instructor's
** quiz pack commands, over pack.c, gift.c and records.c.
**
** Every error is printed on stderr as FILE:LINE:COLUMN: message, all of
** them, not only the first. Exit status 0 success, 1 the input has errors,
** 2 a usage error.
*/
#include "ctl.h"
#include "outfile.h"
#include "coursedb.h"
#include "pack.h"
#include "records.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char ctlPackUsage[] =
  "Usage: kioskctl pack check [--db COURSE.db] PACK...\n"
  "       kioskctl pack export --gift|--moodle-xml [--db COURSE.db] [--seed S]\n"
  "                                [-o OUT] PACK\n"
  "       kioskctl pack import [--id ID] [--title TITLE] [-o OUT] FILE.gift|FILE.xml\n"
  "       kioskctl pack install --records RECORDS.db [--db COURSE.db] PACK\n"
  "\n"
  "check    reports every error of each PACK as FILE:LINE:COLUMN: message.\n"
  "         With --db it also checks the pack against that course database:\n"
  "         stages, fact ids, notes and lesson paragraphs exist, and every\n"
  "         rule can get the questions it asks for. Without --db only the\n"
  "         syntax is checked, and the output says so.\n"
  "export   writes the whole quiz as GIFT (--gift) or Moodle XML\n"
  "         (--moodle-xml) for Moodle: generated questions\n"
  "         drawn with seed S (default: the pack's own seed, else 0; the\n"
  "         rules need --db), then the hand-written ones, a category per\n"
  "         stage. To OUT, or standard output.\n"
  "import   turns a Moodle GIFT file, or a Moodle XML file (FILE.xml), into\n"
  "         a pack (to OUT, or standard output): short answer, numerical,\n"
  "         multiple choice, true/false, matching, essay (kept for the\n"
  "         teacher) and description. A file with no question at all is\n"
  "         refused. A question the kiosk cannot represent is reported by\n"
  "         line and kept in the pack as a comment; the exit status is then 1.\n"
  "         A question imported with a change (markdown or HTML formatting\n"
  "         kept as plain text) gets a warning by line, and a comment in\n"
  "         the pack.\n"
  "install  checks PACK against the course, as check --db does, and only\n"
  "         when it has no error stores it in the records database, where\n"
  "         the kiosk offers it. The course is COURSE.db, else the kiosk's\n"
  "         own $XDG_CACHE_HOME/kiosk/course.db (without XDG_CACHE_HOME, or\n"
  "         when it is not an absolute path, ~/.cache/kiosk/course.db) when\n"
  "         it exists; without either install refuses.\n"
  "\n"
  "Exit status: 0 success, 1 the input has errors, 2 usage.\n";

/* Print every error of pErrs (and a count of those not kept). */
static void printErrors(const KioskErrList *pErrs){
  int i;
  for(i=0; i<pErrs->nErr; i++) ctlPrintError(&pErrs->aErr[i]);
  if( pErrs->nDropped>0 ){
    fprintf(stderr, "kioskctl: pack: %d more error%s not shown\n",
            pErrs->nDropped, pErrs->nDropped==1 ? "" : "s");
  }
}

/* Print every warning of pWarns on stderr as FILE:LINE:COLUMN: warning:
** message. Warnings do not change the exit status. */
static void printWarnings(const KioskErrList *pWarns){
  int i;
  for(i=0; i<pWarns->nErr; i++){
    KioskError w = pWarns->aErr[i];
    snprintf(w.zMsg, sizeof(w.zMsg), "warning: %.1000s", pWarns->aErr[i].zMsg);
    ctlPrintError(&w);
  }
}

/* Open COURSE.db read-only; 0, or 1 with the error printed. */
static int openCourse(const char *zDb, sqlite3 **pDb){
  KioskError err;
  kioskErrorClear(&err);
  if( kioskCourseOpen(zDb, KIOSK_OPEN_READONLY, pDb, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}

/* Write z to zOut ("-" or NULL: standard output) through outfile.h, so
** a device, FIFO or link is written through and a file is replaced only
** once complete. 0, or 1 printed. */
static int writeOut(const char *zOut, const char *z){
  KioskOutFile *pOut = 0;
  KioskError err;
  size_t n = strlen(z);
  kioskErrorClear(&err);
  if( kioskOutOpen(zOut ? zOut : "-", KIOSK_OUT_PUBLIC, &pOut, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  if( fwrite(z, 1, n, kioskOutStream(pOut))!=n ){
    kioskErrorSet(&err, KIOSK_EIO, "WRITE", zOut, 0, 0, "cannot write: %s",
                  strerror(errno));
    kioskOutAbort(pOut);
    ctlPrintError(&err);
    return 1;
  }
  if( kioskOutCommit(pOut, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  return 0;
}

/* Parse "--seed S": 0 and *pv, or 2 (usage) with a message. */
static int parseSeed(const char *z, uint64_t *pv){
  char *zEnd;
  unsigned long long v;
  errno = 0;
  v = strtoull(z, &zEnd, 10);
  if( z[0]<'0' || z[0]>'9' || *zEnd || errno || v>(unsigned long long)INT64_MAX ){
    fprintf(stderr, "kioskctl: pack: --seed must be a whole number from 0 to "
            "%lld, not \"%s\"\n", (long long)INT64_MAX, z);
    return 2;
  }
  *pv = (uint64_t)v;
  return 0;
}

/* Count generated and hand-written questions of a checked pack. */
static int ruleQuestions(const KioskPack *p){
  int i, n = 0;
  for(i=0; i<p->nRule; i++) n += p->aRule[i].nCount;
  return n;
}

static int packCheck(int argc, char **argv){
  const char *zDb = 0;
  const char *azPos[256];
  int nPos = 0, i, rc = 0;
  sqlite3 *db = 0;
  CtlOpt aOpt[] = {
    { "--db", 1, &zDb, 0 },
    { 0, 0, 0, 0 }
  };
  if( ctlParseArgs("pack check", argc, argv, aOpt, azPos, 256, &nPos) ){
    return 2;
  }
  if( nPos==0 ){
    fprintf(stderr, "kioskctl: pack check: no PACK given (kioskctl help "
            "pack)\n");
    return 2;
  }
  if( zDb && openCourse(zDb, &db) ) return 1;
  for(i=0; i<nPos; i++){
    KioskErrList errs;
    KioskPack *p = 0;
    KioskError err;
    char *z = 0;
    int n = 0;
    memset(&errs, 0, sizeof(errs));
    kioskErrorClear(&err);
    if( kioskPackReadFile(azPos[i], &z, &n, &err) ){
      ctlPrintError(&err);
      rc = 1;
      continue;
    }
    kioskPackCheck(azPos[i], z, n, db, &p, &errs);
    if( p ) printWarnings(&p->doc.warn);
    if( kioskErrListCount(&errs)>0 || p==0 ){
      printErrors(&errs);
      rc = 1;
    }else if( db ){
      printf("%s: ok: %d questions (%d generated by %d rule%s, %d "
             "hand-written)\n", azPos[i], ruleQuestions(p)+p->nQuestion,
             ruleQuestions(p), p->nRule, p->nRule==1 ? "" : "s",
             p->nQuestion);
    }else{
      printf("%s: syntax ok: %d rule%s, %d hand-written question%s (no "
             "--db: stages, facts and rule counts not checked)\n", azPos[i],
             p->nRule, p->nRule==1 ? "" : "s", p->nQuestion,
             p->nQuestion==1 ? "" : "s");
    }
    kioskPackFree(p);
    kioskErrListReset(&errs);
    sqlite3_free(z);
  }
  sqlite3_close(db);
  return rc;
}

/* Read and load a pack (syntax, and the course when db). 0, or 1 with every
** error printed. */
static int loadPack(const char *zFile, sqlite3 *db, char **pz, int *pn,
                    KioskPack **pp){
  KioskErrList errs;
  KioskError err;
  int rc = 0;
  memset(&errs, 0, sizeof(errs));
  kioskErrorClear(&err);
  *pp = 0;
  if( kioskPackReadFile(zFile, pz, pn, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  if( kioskPackLoad(zFile, *pz, *pn, db, pp, &errs, &err) ){
    printErrors(&errs);
    rc = 1;
  }
  kioskErrListReset(&errs);
  return rc;
}

static int packExport(int argc, char **argv){
  const char *zDb = 0, *zSeed = 0, *zOut = 0;
  const char *azPos[1];
  int nPos = 0, bGift = 0, bXml = 0, rc = 0, n = 0;
  uint64_t iSeed = 0;
  sqlite3 *db = 0;
  KioskPack *p = 0;
  KioskError err;
  sqlite3_str *pOut = 0;
  char *z = 0, *zGift = 0;
  CtlOpt aOpt[] = {
    { "--db", 1, &zDb, 0 },
    { "--seed", 1, &zSeed, 0 },
    { "--gift", 0, 0, &bGift },
    { "--moodle-xml", 0, 0, &bXml },
    { "-o", 1, &zOut, 0 },
    { 0, 0, 0, 0 }
  };
  if( ctlParseArgs("pack export", argc, argv, aOpt, azPos, 1, &nPos) ){
    return 2;
  }
  if( nPos!=1 || bGift+bXml!=1 ){
    fprintf(stderr, "kioskctl: pack export: give --gift or --moodle-xml and "
            "one PACK (kioskctl help pack)\n");
    return 2;
  }
  if( zSeed && parseSeed(zSeed, &iSeed) ) return 2;
  if( zDb && openCourse(zDb, &db) ) return 1;
  if( loadPack(azPos[0], db, &z, &n, &p) ){
    rc = 1;
    goto done;
  }
  if( p->nRule>0 && db==0 ){
    fprintf(stderr, "kioskctl: pack export: %s has rules: give --db "
            "COURSE.db to generate their questions\n", azPos[0]);
    rc = 2;
    goto done;
  }
  if( zSeed==0 ) iSeed = kioskPackSeed(p, 0);
  pOut = sqlite3_str_new(0);
  kioskErrorClear(&err);
  if( (bXml ? kioskPackExportXml(p, db, iSeed, pOut, &err)
            : kioskPackExportGift(p, db, iSeed, pOut, &err)) ){
    ctlPrintError(&err);
    rc = 1;
    goto done;
  }
  zGift = sqlite3_str_finish(pOut);
  pOut = 0;
  rc = writeOut(zOut, zGift ? zGift : "");

done:
  if( pOut ) sqlite3_free(sqlite3_str_finish(pOut));
  sqlite3_free(zGift);
  kioskPackFree(p);
  sqlite3_free(z);
  sqlite3_close(db);
  return rc;
}

static int packImport(int argc, char **argv){
  const char *zId = 0, *zTitle = 0, *zOut = 0;
  const char *azPos[1];
  int nPos = 0, rc = 0, n = 0, nSkipped;
  KioskErrList errs, warns;
  KioskError err;
  sqlite3_str *pOut;
  char *z = 0, *zPack;
  CtlOpt aOpt[] = {
    { "--id", 1, &zId, 0 },
    { "--title", 1, &zTitle, 0 },
    { "-o", 1, &zOut, 0 },
    { 0, 0, 0, 0 }
  };
  if( ctlParseArgs("pack import", argc, argv, aOpt, azPos, 1, &nPos) ){
    return 2;
  }
  if( nPos!=1 ){
    fprintf(stderr, "kioskctl: pack import: give one FILE.gift or FILE.xml "
            "(kioskctl help pack)\n");
    return 2;
  }
  if( zId && !kioskPackIsId(zId) ){
    fprintf(stderr, "kioskctl: pack import: --id must be lower-case letters, "
            "digits and - (at most 64), not \"%s\"\n", zId);
    return 2;
  }
  if( zTitle && (zTitle[0]==0 || strlen(zTitle)>200) ){
    fprintf(stderr, "kioskctl: pack import: --title must be 1 to 200 "
            "bytes\n");
    return 2;
  }
  kioskErrorClear(&err);
  if( kioskPackReadFile(azPos[0], &z, &n, &err) ){
    ctlPrintError(&err);
    return 1;
  }
  memset(&errs, 0, sizeof(errs));
  memset(&warns, 0, sizeof(warns));
  pOut = sqlite3_str_new(0);
  {
    size_t nName = strlen(azPos[0]);
    int bXml = nName>4 && sqlite3_stricmp(azPos[0]+nName-4, ".xml")==0;
    nSkipped = bXml ? kioskPackImportXml(azPos[0], z, n, zId, zTitle, pOut,
                                         &errs, &warns)
                    : kioskPackImportGift(azPos[0], z, n, zId, zTitle, pOut,
                                          &errs, &warns);
  }
  if( nSkipped>=0 && sqlite3_str_errcode(pOut)==SQLITE_OK
   && sqlite3_str_length(pOut)==0 ){
    sqlite3_free(sqlite3_str_finish(pOut));
    pOut = 0;
    zPack = kioskStrDup("");     /* refused: nothing to write */
  }else{
    zPack = sqlite3_str_finish(pOut);
  }
  if( nSkipped<0 || zPack==0 ){
    fprintf(stderr, "kioskctl: pack import: out of memory\n");
    rc = 1;
  }else{
    printErrors(&errs);
    printWarnings(&warns);
    if( kioskErrListCount(&errs)>0 ){
      if( nSkipped>0 ){
        fprintf(stderr, "kioskctl: pack import: %d question%s not imported "
                "(kept as comments in the pack)\n", nSkipped,
                nSkipped==1 ? "" : "s");
      }
      rc = 1;
    }
    if( zPack[0]==0 ){
      rc = 1;                   /* nothing to import: nothing written */
    }else if( writeOut(zOut, zPack) ){
      rc = 1;
    }
  }
  sqlite3_free(zPack);
  kioskErrListReset(&errs);
  kioskErrListReset(&warns);
  sqlite3_free(z);
  return rc;
}

/*
** The kiosk's default course database, as the kiosk itself finds it
** (ui/main.tcl): $XDG_CACHE_HOME/kiosk/course.db, or without
** XDG_CACHE_HOME ~/.cache/kiosk/course.db (course.db is rebuildable: a
** cache). A relative XDG_CACHE_HOME is ignored, as the XDG Base Directory
** specification says. Returns the path (sqlite3_malloc'd) when that file
** exists, else NULL; *pzTried receives the path looked at (or NULL without
** HOME), for the message (the caller frees it).
*/
static char *defaultCourseDb(char **pzTried){
  const char *zXdg = getenv("XDG_CACHE_HOME");
  const char *zHome = getenv("HOME");
  char *z = 0;
  if( zXdg && zXdg[0]=='/' ){
    z = sqlite3_mprintf("%s/kiosk/course.db", zXdg);
  }else if( zHome && zHome[0] ){
    z = sqlite3_mprintf("%s/.cache/kiosk/course.db", zHome);
  }
  *pzTried = z;
  if( z && access(z, F_OK)==0 ) return sqlite3_mprintf("%s", z);
  return 0;
}

static int packInstall(int argc, char **argv){
  const char *zRecords = 0, *zDb = 0;
  const char *azPos[1];
  int nPos = 0, rc = 0, n = 0;
  sqlite3 *db = 0;
  KioskPack *p = 0;
  KioskRecords *pRec = 0;
  KioskError err;
  char *z = 0, *zDefault = 0, *zTried = 0;
  CtlOpt aOpt[] = {
    { "--records", 1, &zRecords, 0 },
    { "--db", 1, &zDb, 0 },
    { 0, 0, 0, 0 }
  };
  if( ctlParseArgs("pack install", argc, argv, aOpt, azPos, 1, &nPos) ){
    return 2;
  }
  if( nPos!=1 || zRecords==0 ){
    fprintf(stderr, "kioskctl: pack install: give --records RECORDS.db and "
            "one PACK (kioskctl help pack)\n");
    return 2;
  }
  /* A pack with any error never installs: the course must be known. */
  if( zDb==0 ){
    zDb = zDefault = defaultCourseDb(&zTried);
    if( zDb==0 ){
      fprintf(stderr, "kioskctl: pack install: no course database to check "
              "the pack against: give --db COURSE.db (kioskctl build makes "
              "one)%s%s%s\n", zTried ? "; the kiosk's default, " : "",
              zTried ? zTried : "", zTried ? ", does not exist" : "");
      sqlite3_free(zTried);
      return 2;
    }
  }
  if( openCourse(zDb, &db) ){
    rc = 1;
    goto done;
  }
  if( loadPack(azPos[0], db, &z, &n, &p) ){
    rc = 1;
    goto done;
  }
  kioskErrorClear(&err);
  if( kioskRecordsOpen(zRecords, KIOSK_RECORDS_BACKUPS, &pRec, &err) ){
    ctlPrintError(&err);
    rc = 1;
    goto done;
  }
  /* Opening needs no backup (a full disk must not refuse the install);
  ** one that failed is said. */
  if( kioskRecordsOpenWarning(pRec) ){
    fprintf(stderr, "kioskctl: %s (warning: going on without a new backup)\n",
            kioskRecordsOpenWarning(pRec));
  }
  if( kioskRecordsPackInstall(pRec, p->zId, p->zTitle, z,
                              (long long)time(0), &err) ){
    ctlPrintError(&err);
    rc = 1;
    goto done;
  }
  if( zDefault ){
    printf("installed pack %s (%s) into %s (checked against %s)\n", p->zId,
           p->zTitle, zRecords, zDefault);
  }else{
    printf("installed pack %s (%s) into %s\n", p->zId, p->zTitle, zRecords);
  }

done:
  sqlite3_free(zDefault);
  sqlite3_free(zTried);
  kioskRecordsClose(pRec);
  kioskPackFree(p);
  sqlite3_free(z);
  sqlite3_close(db);
  return rc;
}

int ctlPack(int argc, char **argv){
  static const struct {
    const char *zName;
    int (*xRun)(int, char **);
  } aSub[] = {
    { "check", packCheck }, { "export", packExport },
    { "import", packImport }, { "install", packInstall }
  };
  size_t i;
  if( argc<1 ){
    fprintf(stderr, "kioskctl: pack: give a subcommand: check, export, "
            "import or install (kioskctl pack --help)\n");
    return 2;
  }
  for(i=0; i<sizeof(aSub)/sizeof(aSub[0]); i++){
    if( strcmp(argv[0], aSub[i].zName)==0 ){
      return aSub[i].xRun(argc-1, argv+1);
    }
  }
  fprintf(stderr, "kioskctl: pack: unknown subcommand \"%s\" (check, export, "
          "import, install)\n", argv[0]);
  return 2;
}
