/*
** ctl-class.c: kioskctl class — one class, many kiosks, on PostgreSQL.
**
**   kioskctl class init    --conn CONNINFO
**   kioskctl class join    --conn CONNINFO --records FILE --kiosk NAME
**   kioskctl class status  --conn CONNINFO | --records FILE
**   kioskctl class sync    --records FILE [--batch N] [--no-pull]
**   kioskctl class publish --conn CONNINFO --records FILE
**   kioskctl class roster  (--conn CONNINFO | --records FILE)
**                          [add NAME... | remove NAME...]
**   kioskctl class results (--conn CONNINFO | --records FILE) [--pack ID]
**   kioskctl class packs   (--conn CONNINFO | --records FILE)
**   (roster, results and packs take --format text|tsv)
**
** Not here: the work itself (classsync.c, outbox.c, records.c); this file
** parses arguments, opens what is named and prints.
*/
#include "ctl.h"
#include "classsync.h"
#include "outbox.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char ctlClassUsage[] =
  "Usage: kioskctl class init    --conn CONNINFO\n"
  "       kioskctl class join    --conn CONNINFO --records FILE --kiosk NAME\n"
  "       kioskctl class status  --conn CONNINFO | --records FILE\n"
  "       kioskctl class sync    --records FILE [--batch N] [--no-pull]\n"
  "       kioskctl class publish --conn CONNINFO --records FILE\n"
  "       kioskctl class roster  --conn CONNINFO|--records FILE\n"
  "                              [add NAME... | remove NAME...]\n"
  "       kioskctl class results --conn CONNINFO|--records FILE [--pack ID]\n"
  "       kioskctl class packs   --conn CONNINFO|--records FILE\n"
  "\n"
  "A class is one PostgreSQL database shared by many kiosks (doc/class.md).\n"
  "CONNINFO is a libpq connection string or URI (\"host=db.school\n"
  "dbname=class user=room12-a sslmode=verify-full\", \"service=class\");\n"
  "\"\" uses the PG* environment. Passwords come from ~/.pgpass or the\n"
  "service file, never from CONNINFO.\n"
  "\n"
  "init     creates or migrates the class schema and its roles (run it as\n"
  "         the database's owner).\n"
  "join     makes records FILE a kiosk of the class, named NAME: stores\n"
  "         CONNINFO and NAME in its settings (class.conn, class.kiosk).\n"
  "status   the server's schema version, students, attempts, answers and\n"
  "         kiosks; with --records also the kiosk's outbox.\n"
  "sync     sends the kiosk's outbox in batches of N rows (500), each in\n"
  "         one transaction, then brings the class's roster, packs,\n"
  "         settings and PIN hash into FILE (not with --no-pull): the\n"
  "         class's values win over the kiosk's.\n"
  "publish  puts the packs, the active pack, the settings and the PIN hash\n"
  "         (never the PIN) of a teacher's records FILE on the server, for\n"
  "         every kiosk's next sync.\n"
  "roster   lists the class's students, or adds or removes names.\n"
  "results  the class's results, one line per attempt, tab-separated with\n"
  "         a header: uid student kiosk kind pack stage status started\n"
  "         finished answered correct score.\n"
  "packs    the packs the class publishes: id title version active updated.\n"
  "--format tsv (roster, results, packs): for programs (the kiosk's desk):\n"
  "         a header, then one line per row, fields separated by tabs, a\n"
  "         backslash, tab, newline or carriage return in a value written\n"
  "         as \\\\, \\t, \\n, \\r; --format text (the default) prints values\n"
  "         as they are.\n"
  "\n"
  "Exit status: 0 done, 1 error (the server unreachable, a bad records\n"
  "FILE...; the outbox keeps what was not sent), 2 usage.\n";

static int usageError(const char *zMsg){
  fprintf(stderr, "kioskctl: class: %s (kioskctl class --help)\n", zMsg);
  return 2;
}

static int fail(const KioskError *pErr){
  ctlPrintError(pErr);
  return 1;
}

static int openRecords(const char *zPath, KioskRecords **pp,
                       KioskError *pErr){
  if( access(zPath, F_OK)!=0 ){
    return kioskErrorSet(pErr, KIOSK_EIO, "NOFILE", zPath, 0, 0,
                         "no such records database");
  }
  return kioskRecordsOpenFlags(zPath, 0, KIOSK_RECORDS_KEEP_CORRUPT, pp,
                               pErr);
}

/* The connection: --conn, else the class.conn of --records (and the
** kiosk's name into *pzKiosk when asked). Connects. */
static int connectTo(const char *zConn, KioskRecords *pRec, char **pzKiosk,
                     KioskClass **pp, KioskError *pErr){
  char *zStored = 0;
  int rc;
  if( zConn==0 ){
    if( (rc = kioskClassSetting(pRec, "class.conn", &zStored, pErr)) ){
      return rc;
    }
    if( zStored==0 ){
      return kioskErrorSet(pErr, KIOSK_ECLASS, "NOTJOINED",
                           kioskRecordsPath(pRec), 0, 0,
                           "this kiosk has not joined a class "
                           "(kioskctl class join)");
    }
    zConn = zStored;
  }
  if( pzKiosk ){
    if( (rc = kioskClassSetting(pRec, "class.kiosk", pzKiosk, pErr)) ){
      sqlite3_free(zStored);
      return rc;
    }
    if( *pzKiosk==0 ){
      sqlite3_free(zStored);
      return kioskErrorSet(pErr, KIOSK_ECLASS, "NOTJOINED",
                           kioskRecordsPath(pRec), 0, 0,
                           "this kiosk has no class.kiosk name "
                           "(kioskctl class join)");
    }
  }
  rc = kioskClassConnect(zConn, pp, pErr);
  sqlite3_free(zStored);
  return rc;
}

/* How a listing prints: its header still to print, and escaping. */
typedef struct Listing { int bHeader; int bTsv; } Listing;

/* A value as --format tsv writes it: backslash, tab, newline and carriage
** return escaped, so each row is one line of exactly nCol fields. */
static void printValue(const char *z, int bTsv){
  if( !bTsv ){
    fputs(z, stdout);
    return;
  }
  for(; *z; z++){
    switch( *z ){
      case '\\': fputs("\\\\", stdout); break;
      case '\t': fputs("\\t", stdout); break;
      case '\n': fputs("\\n", stdout); break;
      case '\r': fputs("\\r", stdout); break;
      default: putchar(*z);
    }
  }
}

static int printRow(void *pArg, int nCol, const char *const *azCol,
                    const char *const *azVal){
  Listing *pL = pArg;
  int i, bTsv = pL ? pL->bTsv : 0;
  if( pL && pL->bHeader ){
    for(i=0; i<nCol; i++) printf("%s%s", i ? "\t" : "", azCol[i]);
    putchar('\n');
    pL->bHeader = 0;
  }
  for(i=0; i<nCol; i++){
    if( i ) putchar('\t');
    printValue(azVal[i] ? azVal[i] : "", bTsv);
  }
  putchar('\n');
  return 0;
}

static int validKiosk(const char *z){
  size_t n = strlen(z), i;
  if( n<1 || n>64 ) return 0;
  for(i=0; i<n; i++){
    if( (unsigned char)z[i]<0x20 || z[i]==0x7f ) return 0;
  }
  return 1;
}

int ctlClass(int argc, char **argv){
  static const char *const azSub[] = {
    "init", "join", "status", "sync", "publish", "roster", "results",
    "packs", 0
  };
  enum { C_INIT, C_JOIN, C_STATUS, C_SYNC, C_PUBLISH, C_ROSTER, C_RESULTS,
         C_PACKS };
  const char *zConn = 0, *zRecords = 0, *zKiosk = 0, *zBatch = 0;
  const char *zPack = 0, *zFormat = 0;
  Listing list = { 1, 0 };
  const char *azPos[64];
  int nPos = 0, rc = 0, iSub, bNoPull = 0, nBatch = 500, i, bUsage = 0;
  CtlOpt aOpt[] = {
    { "--conn", 1, &zConn, 0 },
    { "--records", 1, &zRecords, 0 },
    { "--kiosk", 1, &zKiosk, 0 },
    { "--batch", 1, &zBatch, 0 },
    { "--pack", 1, &zPack, 0 },
    { "--format", 1, &zFormat, 0 },
    { "--no-pull", 0, 0, &bNoPull },
    { 0, 0, 0, 0 }
  };
  KioskRecords *pRec = 0;
  KioskClass *pClass = 0;
  char *zName = 0;
  char zCmd[32];
  KioskError err;

  kioskErrorClear(&err);
  if( argc<1 ) return usageError("expected a subcommand");
  for(iSub=0; azSub[iSub]; iSub++){
    if( strcmp(azSub[iSub], argv[0])==0 ) break;
  }
  if( azSub[iSub]==0 ){
    fprintf(stderr, "kioskctl: class: unknown subcommand \"%s\" "
            "(kioskctl class --help)\n", argv[0]);
    return 2;
  }
  snprintf(zCmd, sizeof(zCmd), "class %s", azSub[iSub]);
  if( (rc = ctlParseArgs(zCmd, argc-1, argv+1, aOpt, azPos,
                         (int)(sizeof(azPos)/sizeof(azPos[0])), &nPos)) ){
    return rc;
  }
  if( nPos>0 && iSub!=C_ROSTER ) return usageError("unexpected argument");
  if( zFormat ){
    if( iSub!=C_ROSTER && iSub!=C_RESULTS && iSub!=C_PACKS ){
      return usageError("--format is for roster, results and packs");
    }
    if( strcmp(zFormat, "tsv")==0 ) list.bTsv = 1;
    else if( strcmp(zFormat, "text")!=0 ){
      return usageError("--format takes text or tsv");
    }
  }
  if( zBatch ){
    char *zEnd = 0;
    long n = strtol(zBatch, &zEnd, 10);
    if( zEnd==zBatch || *zEnd || n<1 || n>100000 ){
      return usageError("--batch takes a number of rows, 1 to 100000");
    }
    nBatch = (int)n;
  }
  switch( iSub ){
    case C_INIT: case C_JOIN: case C_PUBLISH:
      if( zConn==0 ) return usageError("--conn CONNINFO is required");
      if( iSub!=C_INIT && zRecords==0 ){
        return usageError("--records FILE is required");
      }
      if( iSub==C_JOIN && zKiosk==0 ){
        return usageError("--kiosk NAME is required");
      }
      break;
    case C_SYNC:
      if( zRecords==0 ) return usageError("--records FILE is required");
      break;
    default:
      if( zConn==0 && zRecords==0 ){
        return usageError("--conn CONNINFO or --records FILE is required");
      }
  }
  if( zKiosk && !validKiosk(zKiosk) ){
    return usageError("a kiosk name is 1 to 64 characters, no control "
                      "characters");
  }

  if( iSub==C_JOIN && kioskClassConnCheck(zConn, &err) ){
    return fail(&err);
  }
  if( zRecords ){
    if( iSub==C_JOIN || iSub==C_SYNC ){
      /* Writing: the usual backups, and a new file is fine for join. */
      if( iSub==C_SYNC && access(zRecords, F_OK)!=0 ){
        kioskErrorSet(&err, KIOSK_EIO, "NOFILE", zRecords, 0, 0,
                      "no such records database");
        return fail(&err);
      }
      /* A sync runs every few minutes beside the kiosk: no backup at
      ** each one, only before a migration (DEFER_BACKUP). */
      rc = kioskRecordsOpenFlags(zRecords, KIOSK_RECORDS_BACKUPS,
                                 KIOSK_RECORDS_KEEP_CORRUPT
                                 | (iSub==C_SYNC ? KIOSK_RECORDS_DEFER_BACKUP
                                                 : 0), &pRec, &err);
    }else{
      rc = openRecords(zRecords, &pRec, &err);
    }
    if( rc ) return fail(&err);
  }
  if( (rc = connectTo(zConn, pRec, iSub==C_SYNC ? &zName : 0, &pClass,
                      &err)) ){
    goto done;
  }

  switch( iSub ){
    case C_INIT: {
      int iFrom = 0;
      if( (rc = kioskClassInit(pClass, &iFrom, &err)) ) break;
      if( iFrom==KIOSK_CLASS_SCHEMA_VERSION ){
        printf("class schema: version %d, up to date\n", iFrom);
      }else{
        printf("class schema: version %d -> %d\n", iFrom,
               KIOSK_CLASS_SCHEMA_VERSION);
      }
      break;
    }
    case C_JOIN:
      if( (rc = kioskClassCheck(pClass, &err)) ) break;
    {
      int nQueued = 0;
      /* From now on the outbox triggers fire; what was recorded before
      ** is queued once, so the class gets the kiosk's whole history. */
      if( (rc = kioskRecordsSettingSet(pRec, "class.conn", zConn, &err))
       || (rc = kioskRecordsSettingSet(pRec, "class.kiosk", zKiosk, &err))
       || (rc = kioskOutboxQueueHistory(kioskRecordsDb(pRec), &nQueued,
                                        &err)) ){
        break;
      }
      printf("%s: joined the class as kiosk \"%s\"\n", zRecords, zKiosk);
      if( nQueued>0 ){
        printf("%s: %d earlier records queued for the class\n", zRecords,
               nQueued);
      }
      break;
    }
    case C_STATUS: {
      long long nStudent = 0, nAttempt = 0, nAnswer = 0;
      if( pRec ){
        char *zK = 0;
        int nPending = 0, nSent = 0;
        long long iLast = 0;
        if( (rc = kioskClassSetting(pRec, "class.kiosk", &zK, &err)) ){
          break;
        }
        printf("kiosk: %s\n", zK ? zK : "(not joined)");
        sqlite3_free(zK);
        if( (rc = kioskOutboxCount(kioskRecordsDb(pRec), &nPending, &nSent,
                                   &iLast, &err)) ){
          break;
        }
        printf("outbox: %d waiting, %d sent\n", nPending, nSent);
      }
      if( (rc = kioskClassCounts(pClass, &nStudent, &nAttempt, &nAnswer,
                                 &err)) ){
        break;
      }
      printf("class schema: version %d\n", KIOSK_CLASS_SCHEMA_VERSION);
      printf("class: %lld students, %lld attempts, %lld answers\n",
             nStudent, nAttempt, nAnswer);
      rc = kioskClassKiosks(pClass, printRow, &list, &err);
      break;
    }
    case C_SYNC: {
      KioskClassSync s;
      KioskClassPull pl;
      memset(&s, 0, sizeof(s));
      rc = kioskClassUpload(pClass, kioskRecordsDb(pRec), zName, nBatch,
                            (long long)time(0), &s, &err);
      printf("sent: %d rows in %d batches, %lld new to the class\n",
             s.nSent, s.nBatch, s.nAdded);
      if( rc ) break;
      if( !bNoPull ){
        if( (rc = kioskClassPullInto(pClass, pRec, (long long)time(0), &pl,
                                     &err)) ){
          break;
        }
        printf("received: %d students, %d packs, %d settings%s\n",
               pl.nStudent, pl.nPack, pl.nSetting,
               pl.bPin ? ", the PIN hash" : "");
        if( pl.nAttempt || pl.nReview || pl.nLesson ){
          printf("from other kiosks: %d attempts, %d review states, "
                 "%d lessons read\n", pl.nAttempt, pl.nReview, pl.nLesson);
        }
      }
      break;
    }
    case C_PUBLISH: {
      KioskClassPull pl;
      if( (rc = kioskClassPublish(pClass, pRec, &pl, &err)) ) break;
      printf("published: %d packs, %d settings%s changed\n", pl.nPack,
             pl.nSetting, pl.bPin ? ", the PIN hash" : "");
      break;
    }
    case C_ROSTER:
      if( nPos==0 ){
        /* The header only for programs: text stays one name a line. */
        list.bHeader = list.bTsv;
        rc = kioskClassRoster(pClass, printRow, &list, &err);
        break;
      }
      if( strcmp(azPos[0], "add")!=0 && strcmp(azPos[0], "remove")!=0 ){
        bUsage = usageError("roster takes add NAME... or remove NAME...");
        goto done;
      }
      if( nPos<2 ){
        bUsage = usageError("roster add/remove takes at least one NAME");
        goto done;
      }
      for(i=1; i<nPos && rc==0; i++){
        int bDone = 0;
        if( azPos[0][0]=='a' ){
          rc = kioskClassRosterAdd(pClass, azPos[i], &bDone, &err);
        }else{
          rc = kioskClassRosterRemove(pClass, azPos[i], &bDone, &err);
        }
        if( rc==0 ){
          printf("%s: %s\n", azPos[i], bDone ? (azPos[0][0]=='a' ? "added"
                 : "removed") : (azPos[0][0]=='a' ? "already on the roster"
                 : "not on the roster"));
        }
      }
      break;
    case C_RESULTS:
      rc = kioskClassResults(pClass, zPack, printRow, &list, &err);
      break;
    case C_PACKS:
      rc = kioskClassPacks(pClass, printRow, &list, &err);
      break;
  }

done:
  if( rc==0 && fflush(stdout)!=0 ){
    kioskErrorSet(&err, KIOSK_EIO, "OUTPUT", 0, 0, 0,
                  "cannot write to standard output");
    rc = 1;
  }
  kioskClassClose(pClass);
  kioskRecordsClose(pRec);
  sqlite3_free(zName);
  if( bUsage ) return 2;
  if( rc ) return fail(&err);
  return 0;
}
