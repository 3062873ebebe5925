/*
** recbackup.c: backups of records.db that keep what matters, and restoring
** one. See doc/records.md ("Backups") for the rules in words.
**
** A backup is a copy made with SQLite's online backup API, written under a
** unique temporary name (mkstemp, mode 0600) and linked to its final name
**
**     records.db.bak.<YYYYMMDDTHHMMSSZ>[-k].<answers>
**
** which says when it was made and how many answers it holds, so listing
** and pruning never need to open one. link() refuses an existing name, so
** two processes backing up in the same second both succeed (-2, -3...).
** Backups from before this scheme (records.db.bak.1 ...) are listed and
** kept by the same rules, their answers counted by opening them.
**
** After each backup the old ones are pruned, keeping
**   - the newest N (the open's nBackup, 3 by default),
**   - the newest of each of the last 7 days and of each of the last 4
**     weeks (UTC),
**   - within those 4 weeks, every backup holding more answers than all
**     newer ones (so the last copy before a deletion or a set-aside stays),
**   - and the backup with the most answers ever, whatever its age;
** a backup whose answers cannot be counted is never removed. Times come
** from the caller; the clock is read only to age out the temporary files
** of backups that died (an hour), and by kioskRecordsBackup.
**
** Not here: opening (records.c), which calls kioskRecordsBackupAt.
*/
#include "recint.h"
#include "dbkind.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DAY_SECONDS 86400LL

/* zPath split into its folder ("." when none) and base name, malloc'd. */
static int splitPath(const char *zPath, char **pzDir, char **pzBase){
  const char *zSlash = strrchr(zPath, '/');
  if( zSlash==0 ){
    *pzDir = sqlite3_mprintf(".");
    *pzBase = sqlite3_mprintf("%s", zPath);
  }else{
    *pzDir = sqlite3_mprintf("%.*s", (int)(zSlash==zPath ? 1 : zSlash-zPath),
                             zPath);
    *pzBase = sqlite3_mprintf("%s", zSlash+1);
  }
  if( *pzDir==0 || *pzBase==0 ){
    sqlite3_free(*pzDir);
    sqlite3_free(*pzBase);
    *pzDir = *pzBase = 0;
    return 1;
  }
  return 0;
}

/* The answers in the records database zPath, or -1 when it cannot be
** read as one. */
static long long countAnswersIn(const char *zPath){
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  long long n = -1;
  if( sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READONLY, 0)==SQLITE_OK
   && sqlite3_prepare_v2(db, "SELECT count(*) FROM answers", -1, &pStmt,
                         0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int64(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  return n;
}

/* Parse "YYYYMMDDTHHMMSSZ" into Unix time. 0 on success. */
static int parseStamp(const char *z, long long *piTime){
  struct tm tm;
  int i;
  for(i=0; i<15; i++){
    if( i==8 ){ if( z[i]!='T' ) return 1; }
    else if( z[i]<'0' || z[i]>'9' ) return 1;
  }
  if( z[15]!='Z' ) return 1;
  memset(&tm, 0, sizeof(tm));
  tm.tm_year = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0')
             - 1900;
  tm.tm_mon = (z[4]-'0')*10 + (z[5]-'0') - 1;
  tm.tm_mday = (z[6]-'0')*10 + (z[7]-'0');
  tm.tm_hour = (z[9]-'0')*10 + (z[10]-'0');
  tm.tm_min = (z[11]-'0')*10 + (z[12]-'0');
  tm.tm_sec = (z[13]-'0')*10 + (z[14]-'0');
  *piTime = (long long)timegm(&tm);
  return 0;
}

/*
** What follows "<base>.bak." in a backup's name: "<stamp>[-k].<answers>"
** or, from before, "<n>". Returns 1 and fills *piTime (-1: take the
** file's mtime) and *pnAnswer (-1: unknown) when zRest is one, else 0.
*/
static int parseBackupName(const char *zRest, long long *piTime,
                           long long *pnAnswer){
  const char *z;
  char *zEnd = 0;
  if( zRest[0]>='0' && zRest[0]<='9' && strlen(zRest)<8 ){
    for(z=zRest; *z; z++) if( *z<'0' || *z>'9' ) return 0;
    *piTime = -1;
    *pnAnswer = -1;
    return 1;
  }
  if( strlen(zRest)<18 || parseStamp(zRest, piTime) ) return 0;
  z = zRest+16;
  if( *z=='-' ){
    for(z++; *z>='0' && *z<='9'; z++){}
  }
  if( *z!='.' || z[1]<'0' || z[1]>'9' ) return 0;
  *pnAnswer = strtoll(z+1, &zEnd, 10);
  return *zEnd==0;
}

static int cmpNewestFirst(const void *a, const void *b){
  const KioskBackupInfo *x = a, *y = b;
  if( x->iTime!=y->iTime ) return x->iTime > y->iTime ? -1 : 1;
  return strcmp(y->zPath, x->zPath);
}

void kioskRecordsBackupListFree(KioskBackupInfo *a, int n){
  int i;
  if( a==0 ) return;
  for(i=0; i<n; i++) sqlite3_free(a[i].zPath);
  sqlite3_free(a);
}

int kioskRecordsBackupList(const char *zPath, KioskBackupInfo **pa, int *pn,
                           KioskError *pErr){
  char *zDir = 0, *zBase = 0, *zPrefix = 0;
  KioskBackupInfo *a = 0;
  int n = 0, nAlloc = 0, rc = KIOSK_OK;
  size_t nPrefix;
  DIR *d = 0;
  struct dirent *pEnt;

  *pa = 0;
  *pn = 0;
  if( splitPath(zPath, &zDir, &zBase) ) goto no_mem;
  zPrefix = sqlite3_mprintf("%s.bak.", zBase);
  if( zPrefix==0 ) goto no_mem;
  nPrefix = strlen(zPrefix);
  d = opendir(zDir);
  if( d==0 ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "BACKUP", zDir, 0, 0,
                       "cannot list the backups: %s", strerror(errno));
    goto done;
  }
  while( (errno = 0, pEnt = readdir(d))!=0 ){
    long long iTime, nAnswer;
    struct stat st;
    char *zFull;
    if( strncmp(pEnt->d_name, zPrefix, nPrefix)!=0
     || !parseBackupName(pEnt->d_name+nPrefix, &iTime, &nAnswer) ){
      continue;
    }
    zFull = strcmp(zDir, ".")==0 && strchr(zPath, '/')==0
          ? sqlite3_mprintf("%s", pEnt->d_name)
          : sqlite3_mprintf("%s/%s", strcmp(zDir, "/")==0 ? "" : zDir,
                            pEnt->d_name);
    if( zFull==0 ) goto no_mem;
    if( stat(zFull, &st)!=0 || !S_ISREG(st.st_mode) ){
      sqlite3_free(zFull);
      continue;
    }
    if( iTime<0 ) iTime = (long long)st.st_mtime;
    if( nAnswer<0 ) nAnswer = countAnswersIn(zFull);
    if( n>=nAlloc ){
      KioskBackupInfo *aNew;
      nAlloc = nAlloc ? nAlloc*2 : 16;
      aNew = sqlite3_realloc64(a, sizeof(*a)*(sqlite3_uint64)nAlloc);
      if( aNew==0 ){ sqlite3_free(zFull); goto no_mem; }
      a = aNew;
    }
    a[n].zPath = zFull;
    a[n].iTime = iTime;
    a[n].nAnswer = nAnswer;
    a[n].nSize = (long long)st.st_size;
    n++;
  }
  if( errno!=0 ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "BACKUP", zDir, 0, 0,
                       "cannot list the backups: %s", strerror(errno));
    goto done;
  }
  if( n>1 ) qsort(a, (size_t)n, sizeof(*a), cmpNewestFirst);
  *pa = a;
  *pn = n;
  a = 0;
  n = 0;
  goto done;

no_mem:
  rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
done:
  if( d ) closedir(d);
  kioskRecordsBackupListFree(a, n);
  sqlite3_free(zDir);
  sqlite3_free(zBase);
  sqlite3_free(zPrefix);
  return rc;
}

/*
** Which of a[0..n-1] (newest first) to keep at time iNow: abKeep[i] set
** to 1 for each. The rules are in the file's header comment.
*/
static void chooseKept(const KioskBackupInfo *a, int n, int nLast,
                       long long iNow, int *abKeep){
  long long iToday = iNow / DAY_SECONDS;
  long long iLastDay = -1, iLastWeek = -1, nHigh = -1;
  int i, iMost = -1;
  for(i=0; i<n; i++){
    long long iDay = a[i].iTime / DAY_SECONDS;
    long long iWeek = iDay / 7;
    abKeep[i] = i<nLast || a[i].nAnswer<0;
    if( iDay>iToday-7 && iDay!=iLastDay ) abKeep[i] = 1;
    if( iDay>iToday-28 && iWeek!=iLastWeek ) abKeep[i] = 1;
    if( iDay>iToday-28 && a[i].nAnswer>nHigh ) abKeep[i] = 1;
    if( a[i].nAnswer>nHigh ) nHigh = a[i].nAnswer;
    if( iMost<0 || a[i].nAnswer>a[iMost].nAnswer ) iMost = i;
    iLastDay = iDay;
    iLastWeek = iWeek;
  }
  if( iMost>=0 ) abKeep[iMost] = 1;
}

/* Remove what chooseKept does not keep, and temporary files of backups
** that died more than an hour ago. */
static int prune(KioskRecords *p, long long iNow, KioskError *pErr){
  KioskBackupInfo *a = 0;
  int *abKeep = 0;
  int n = 0, i, rc;
  if( (rc = kioskRecordsBackupList(p->zPath, &a, &n, pErr))!=0 ) return rc;
  abKeep = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)(n+1));
  if( abKeep==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    goto done;
  }
  chooseKept(a, n, p->nBackup, iNow, abKeep);
  for(i=0; i<n; i++){
    /* ENOENT: another process pruned it first. */
    if( !abKeep[i] && unlink(a[i].zPath)!=0 && errno!=ENOENT ){
      rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", a[i].zPath, 0, 0,
                         "cannot remove an old backup: %s", strerror(errno));
      goto done;
    }
  }
  {
    char *zDir = 0, *zBase = 0, *zTmp = 0;
    DIR *d;
    struct dirent *pEnt;
    if( splitPath(p->zPath, &zDir, &zBase)==0
     && (zTmp = sqlite3_mprintf("%s.bak-tmp-", zBase))!=0
     && (d = opendir(zDir))!=0 ){
      while( (pEnt = readdir(d))!=0 ){
        struct stat st;
        char *zFull;
        if( strncmp(pEnt->d_name, zTmp, strlen(zTmp))!=0 ) continue;
        zFull = sqlite3_mprintf("%s/%s", zDir, pEnt->d_name);
        if( zFull && stat(zFull, &st)==0 && S_ISREG(st.st_mode)
         && (long long)st.st_mtime < (long long)time(0)-3600 ){
          (void)unlink(zFull);
        }
        sqlite3_free(zFull);
      }
      closedir(d);
    }
    sqlite3_free(zDir);
    sqlite3_free(zBase);
    sqlite3_free(zTmp);
  }
done:
  sqlite3_free(abKeep);
  kioskRecordsBackupListFree(a, n);
  return rc;
}

/* Copy the main database of dbFrom into the empty file zDest; errors
** name zName (the records file: the temporary one is gone by then). */
static int copyInto(sqlite3 *dbFrom, const char *zDest, const char *zName,
                    KioskError *pErr){
  sqlite3 *pDest = 0;
  sqlite3_backup *pBackup = 0;
  int rc;
  rc = sqlite3_open_v2(zDest, &pDest, SQLITE_OPEN_READWRITE, 0);
  if( rc==SQLITE_OK ){
    pBackup = sqlite3_backup_init(pDest, "main", dbFrom, "main");
    if( pBackup==0 ){
      rc = sqlite3_errcode(pDest);
    }else{
      rc = sqlite3_backup_step(pBackup, -1);
      sqlite3_backup_finish(pBackup);
      rc = rc==SQLITE_DONE ? sqlite3_errcode(pDest) : rc;
    }
  }
  if( rc!=SQLITE_OK ){
    kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", zName, 0, 0,
                  "cannot write a backup: %s",
                  pDest ? sqlite3_errmsg(pDest) : sqlite3_errstr(rc));
    sqlite3_close(pDest);
    return KIOSK_ERECORDS;
  }
  if( sqlite3_close(pDest)!=SQLITE_OK ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", zName, 0, 0,
                         "cannot close the backup");
  }
  return KIOSK_OK;
}

/* fsync the file zPath (a backup must be on disk before it counts). */
static int syncFile(const char *zPath){
  int fd = open(zPath, O_RDONLY | O_CLOEXEC), e = 0;
  if( fd<0 ) return errno;
  if( fsync(fd)!=0 ) e = errno;
  close(fd);
  return e;
}

int kioskRecordsBackupAt(KioskRecords *p, long long iNow, char **pzPath,
                         KioskError *pErr){
  char *zTmp = 0, *zTo = 0;
  char zStamp[32];
  struct tm tm;
  time_t t = (time_t)iNow;
  long long nAnswer = 0;
  sqlite3_stmt *pStmt = 0;
  int fd, k, e, rc = KIOSK_OK;

  if( pzPath ) *pzPath = 0;
  if( p->zPath[0]==0 || strcmp(p->zPath, ":memory:")==0
   || strncmp(p->zPath, "file::memory:", 13)==0 || p->nBackup<=0 ){
    if( pzPath ) *pzPath = sqlite3_mprintf("");
    return KIOSK_OK;
  }
  memset(&tm, 0, sizeof(tm));
  if( iNow<KIOSK_RECORDS_TIME_MIN || iNow>KIOSK_RECORDS_TIME_MAX
   || gmtime_r(&t, &tm)==0
   || strftime(zStamp, sizeof(zStamp), "%Y%m%dT%H%M%SZ", &tm)==0 ){
    return kioskErrorSet(pErr, KIOSK_EARG, "NOW", 0, 0, 0,
                         "a backup time outside the years 1970-9999");
  }
  if( sqlite3_prepare_v2(p->db, "SELECT count(*) FROM answers", -1, &pStmt,
                         0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    nAnswer = sqlite3_column_int64(pStmt, 0);
  }
  kioskRecFinalize(p, pStmt);

  /* A unique, private temporary file beside the database: a crash here
  ** leaves every existing backup as it was. */
  zTmp = sqlite3_mprintf("%s.bak-tmp-XXXXXX", p->zPath);
  if( zTmp==0 ) goto no_mem;
  fd = mkstemp(zTmp);
  if( fd<0 ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", p->zPath, 0, 0,
                       "cannot write a backup: %s", strerror(errno));
    sqlite3_free(zTmp);
    return rc;
  }
  e = fchmod(fd, 0600)!=0 ? errno : 0;
  close(fd);
  if( e ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", p->zPath, 0, 0,
                       "cannot write a backup: %s", strerror(e));
    goto done;
  }
  if( (rc = copyInto(p->db, zTmp, p->zPath, pErr))!=0 ) goto done;
  if( (e = syncFile(zTmp))!=0 ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", p->zPath, 0, 0,
                       "cannot write a backup: %s", strerror(e));
    goto done;
  }
  /* link() never replaces: the first free name is ours. */
  for(k=1; k<1000; k++){
    sqlite3_free(zTo);
    zTo = k==1 ? sqlite3_mprintf("%s.bak.%s.%lld", p->zPath, zStamp, nAnswer)
               : sqlite3_mprintf("%s.bak.%s-%d.%lld", p->zPath, zStamp, k,
                                 nAnswer);
    if( zTo==0 ) goto no_mem;
    if( link(zTmp, zTo)==0 ) break;
    if( errno!=EEXIST ){
      rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", zTo, 0, 0,
                         "cannot name the backup: %s", strerror(errno));
      goto done;
    }
  }
  if( k>=1000 ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "BACKUP", zTo, 0, 0,
                       "cannot name the backup: too many in one second");
    goto done;
  }
  rc = prune(p, iNow, pErr);
  if( rc==KIOSK_OK && pzPath ){ *pzPath = zTo; zTo = 0; }
  goto done;

no_mem:
  rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
done:
  if( zTmp ) (void)unlink(zTmp);
  sqlite3_free(zTmp);
  sqlite3_free(zTo);
  return rc;
}

int kioskRecordsBackup(KioskRecords *p, char **pzPath, KioskError *pErr){
  return kioskRecordsBackupAt(p, (long long)time(0), pzPath, pErr);
}

int kioskRecordsRestore(const char *zPath, const char *zBackup,
                        long long iNow, char **pzSaved, KioskError *pErr){
  KioskRecords *p = 0;
  KioskDbKind eKind;
  sqlite3 *dbFrom = 0;
  sqlite3_backup *pBackup = 0;
  sqlite3_stmt *pStmt = 0;
  int iAppId = 0, rc, nBad = 1;

  if( pzSaved ) *pzSaved = 0;
  if( kioskDbKind(zBackup, &eKind, &iAppId, pErr) ) return KIOSK_EIO;
  if( eKind!=KIOSK_DB_RECORDS ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "FOREIGN", zBackup, 0, 0,
                         "this is %s, not a kiosk records backup; nothing "
                         "restored", eKind==KIOSK_DB_MISSING
                         ? "a missing file" : kioskDbKindName(eKind));
  }
  if( sqlite3_open_v2(zBackup, &dbFrom, SQLITE_OPEN_READONLY, 0)!=SQLITE_OK
   || sqlite3_prepare_v2(dbFrom, "PRAGMA integrity_check(1)", -1, &pStmt,
                         0)!=SQLITE_OK ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", zBackup, 0, 0,
                       "cannot read the backup: %s", sqlite3_errmsg(dbFrom));
    goto done;
  }
  if( sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *z = (const char *)sqlite3_column_text(pStmt, 0);
    nBad = !(z && strcmp(z, "ok")==0);
  }
  kioskRecFinalize(p, pStmt);
  pStmt = 0;
  if( nBad ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", zBackup, 0, 0,
                       "the backup is damaged; nothing restored");
    goto done;
  }
  /* What is there now is kept first: a restore is undone by another. */
  rc = kioskRecordsOpenFlags(zPath, KIOSK_RECORDS_BACKUPS,
                             KIOSK_RECORDS_DEFER_BACKUP
                             | KIOSK_RECORDS_KEEP_CORRUPT, &p, pErr);
  if( rc ) goto done;
  if( (rc = kioskRecordsBackupAt(p, iNow, pzSaved, pErr))!=0 ) goto done;
  pBackup = sqlite3_backup_init(p->db, "main", dbFrom, "main");
  if( pBackup==0 ){
    rc = kioskRecDbError(p, "RESTORE", pErr);
    goto done;
  }
  rc = sqlite3_backup_step(pBackup, -1);
  sqlite3_backup_finish(pBackup);
  if( rc!=SQLITE_DONE || sqlite3_errcode(p->db)!=SQLITE_OK ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "RESTORE", zPath, 0, 0,
                       "cannot restore: %s", sqlite3_errmsg(p->db));
    goto done;
  }
  rc = KIOSK_OK;
  /* Opening again brings an older backup's schema up to date. */
  kioskRecordsClose(p);
  p = 0;
  rc = kioskRecordsOpenFlags(zPath, KIOSK_RECORDS_BACKUPS,
                             KIOSK_RECORDS_DEFER_BACKUP
                             | KIOSK_RECORDS_KEEP_CORRUPT, &p, pErr);

done:
  kioskRecordsClose(p);
  sqlite3_close(dbFrom);
  if( rc && pzSaved && *pzSaved ){
    /* the saved copy stays on disk; its name is in the message */
    sqlite3_free(*pzSaved);
    *pzSaved = 0;
  }
  return rc;
}
