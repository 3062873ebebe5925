/*
** class-kiosk.c: a kiosk for the class tests and bench.
**
**   class-kiosk make DB KIOSK
**       a new records.db (kioskRecordsOpen: records.sql and the outbox)
**       that has joined a class as KIOSK (the setting class.kiosk), so its
**       outbox triggers fire.
**   class-kiosk answer DB STUDENT N [--clock SECONDS] [--seed S]
**                      [--sync CONNINFO KIOSK --every K]
**       STUDENT answers N questions, ten per attempt (each attempt finished
**       at its tenth answer), one transaction per answer as records.c
**       commits them, with review state and a lesson read; the kiosk's
**       clock is off by SECONDS. With --sync, a sync is tried every K
**       answers; a failed one is reported and answering carries on
**       (offline first). --bench: no review state nor lesson, and
**       synchronous=OFF, to fill kiosks for bench/class.sh quickly.
**   class-kiosk sync DB KIOSK CONNINFO [--batch N] [--pause MS] [--twice]
**                    [--crash-after-send]
**       send the outbox (kioskClassUpload), or batch by batch with MS
**       milliseconds between batches; --twice delivers the first batch
**       twice before marking it; --crash-after-send dies (exit 3) after the
**       server committed the first batch and before it is marked sent.
**       Prints "sent N added M".
**
** `answer` writes the rows records.c writes for an answer (in bulk, with
** no course to draw questions from); the outbox rows come from outbox.sql's
** triggers, as on any kiosk.
*/
#include "classsync.h"
#include "outbox.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int die(sqlite3 *db, const char *zWhat){
  fprintf(stderr, "class-kiosk: %s: %s\n", zWhat, db ? sqlite3_errmsg(db)
          : "failed");
  exit(1);
}

static void exec1(sqlite3 *db, const char *zSql){
  if( sqlite3_exec(db, zSql, 0, 0, 0)!=SQLITE_OK ) die(db, zSql);
}

static sqlite3 *openDb(const char *zPath){
  sqlite3 *db = 0;
  if( sqlite3_open(zPath, &db)!=SQLITE_OK ) die(db, zPath);
  sqlite3_busy_timeout(db, 10000);
  exec1(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
            " PRAGMA foreign_keys=ON");
  return db;
}

static void iso(long long t, char *z){
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  strftime(z, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void newUid(char *z){
  unsigned char a[16];
  FILE *f = fopen("/dev/urandom", "rb");
  int i;
  if( f==0 || fread(a, 1, 16, f)!=16 ){ fprintf(stderr, "no urandom\n"); exit(1); }
  fclose(f);
  for(i=0; i<16; i++) sprintf(z+2*i, "%02x", a[i]);
}

static int doSync(sqlite3 *db, const char *zKiosk, const char *zConn,
                  int nBatch, int msPause, int bTwice, int bCrash){
  KioskClass *pClass = 0;
  KioskError err;
  KioskOutboxBatch b;
  KioskClassSync s;
  long long nAdded = 0, nAdd2 = 0, nSent = 0, nAll = 0;
  sqlite3_int64 iAfter = 0;
  int rc;
  kioskErrorClear(&err);
  memset(&b, 0, sizeof(b));
  if( (rc = kioskClassConnect(zConn, &pClass, &err)) ) goto done;
  if( msPause==0 && !bTwice && !bCrash ){
    rc = kioskClassUpload(pClass, db, zKiosk, nBatch, (long long)time(0),
                          &s, &err);
    nSent = s.nSent;
    nAll = s.nAdded;
    goto done;
  }
  for(;;){
    if( (rc = kioskOutboxTake(db, iAfter, nBatch, &b, &err)) ) goto done;
    if( b.nRow==0 ) break;
    if( (rc = kioskClassSend(pClass, zKiosk, &b, &nAdded, &err)) ) goto done;
    if( bCrash ){
      printf("sent %d added %lld\n", b.nRow, nAdded);
      fflush(stdout);
      _exit(3);
    }
    if( bTwice ){
      if( (rc = kioskClassSend(pClass, zKiosk, &b, &nAdd2, &err)) ) goto done;
      printf("again %d added %lld\n", b.nRow, nAdd2);
      bTwice = 0;
    }
    if( (rc = kioskOutboxMarkSent(db, b.iFirst, b.iLast, (long long)time(0),
                                  &err)) ){
      goto done;
    }
    nSent += b.nRow;
    nAll += nAdded;
    iAfter = b.iLast;
    kioskOutboxBatchFree(&b);
    if( msPause ) usleep((useconds_t)msPause*1000);
  }
done:
  kioskOutboxBatchFree(&b);
  kioskClassClose(pClass);
  printf("sent %lld added %lld\n", nSent, nAll);
  if( rc ){
    char z[2048];
    kioskErrorFormat(&err, z, (int)sizeof(z));
    fprintf(stderr, "class-kiosk: %s\n", z);
    return 1;
  }
  return 0;
}

/* A sync through a records connection of its own (see main). */
static int syncFile(const char *zPath, const char *zKiosk, const char *zConn){
  KioskRecords *pRec = 0;
  KioskError err;
  int rc;
  kioskErrorClear(&err);
  if( kioskRecordsOpen(zPath, 0, &pRec, &err) ){
    fprintf(stderr, "class-kiosk: %s\n", err.zMsg);
    return 1;
  }
  rc = doSync(kioskRecordsDb(pRec), zKiosk, zConn, 500, 0, 0, 0);
  kioskRecordsClose(pRec);
  return rc;
}

static int doAnswer(sqlite3 *db, const char *zPath, const char *zStudent,
                    int n, long long off,
                    unsigned seed, const char *zConn, const char *zKiosk,
                    int nEvery, int bBench){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 iStudent = 0, iAttempt = 0;
  char zUid[40], zNow[32];
  int i, idx = 0;

  if( bBench ) exec1(db, "PRAGMA synchronous=OFF");
  /* The student, found or added. */
  if( sqlite3_prepare_v2(db, "SELECT id FROM students WHERE name=?1", -1,
                         &pStmt, 0) ) die(db, "prepare");
  sqlite3_bind_text(pStmt, 1, zStudent, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)==SQLITE_ROW ) iStudent = sqlite3_column_int64(pStmt, 0);
  sqlite3_finalize(pStmt);
  if( iStudent==0 ){
    iso(time(0)+off, zNow);
    sqlite3_prepare_v2(db, "INSERT INTO students(name, created) VALUES(?1,?2)",
                       -1, &pStmt, 0);
    sqlite3_bind_text(pStmt, 1, zStudent, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 2, zNow, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "student");
    sqlite3_finalize(pStmt);
    iStudent = sqlite3_last_insert_rowid(db);
  }
  for(i=0; i<n; i++){
    int bCorrect;
    char zFact[32], zQid[32], zAns[16];
    seed = seed*1103515245u + 12345u;
    bCorrect = (seed>>16)%3!=0;
    iso(time(0)+off, zNow);
    exec1(db, "BEGIN IMMEDIATE");
    if( iAttempt==0 ){
      newUid(zUid);
      sqlite3_prepare_v2(db, "INSERT INTO attempts(uid, student, kind, pack,"
                         " started, title) VALUES(?1,?2,'pack','class-test',"
                         "?3,'Class test')", -1, &pStmt, 0);
      sqlite3_bind_text(pStmt, 1, zUid, -1, SQLITE_STATIC);
      sqlite3_bind_int64(pStmt, 2, iStudent);
      sqlite3_bind_text(pStmt, 3, zNow, -1, SQLITE_STATIC);
      if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "attempt");
      sqlite3_finalize(pStmt);
      iAttempt = sqlite3_last_insert_rowid(db);
      idx = 0;
      if( !bBench ){
        sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO lessons_read(student,"
                           " stage, at) VALUES(?1,'s1',?2)", -1, &pStmt, 0);
        sqlite3_bind_int64(pStmt, 1, iStudent);
        sqlite3_bind_text(pStmt, 2, zNow, -1, SQLITE_STATIC);
        if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "lesson");
        sqlite3_finalize(pStmt);
      }
    }
    snprintf(zQid, sizeof(zQid), "gen:q%d", idx);
    snprintf(zFact, sizeof(zFact), "f%d", idx);
    snprintf(zAns, sizeof(zAns), "%d", (int)((seed>>8)%4));
    /* A typed question (no options: its stem is the whole question). */
    sqlite3_prepare_v2(db, "INSERT INTO questions(hash, qid, kind, prompt,"
                       " body) SELECT ?1, ?2, 'year', 'Which year?',"
                       " json_object('id', ?2, 'kind', 'year', 'prompt',"
                       " 'Which year?', 'value', 1990 + ?1, 'points', 1.5)"
                       " WHERE NOT EXISTS"
                       " (SELECT 1 FROM questions WHERE hash=?1)", -1,
                       &pStmt, 0);
    sqlite3_bind_int(pStmt, 1, idx);
    sqlite3_bind_text(pStmt, 2, zQid, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "question");
    sqlite3_finalize(pStmt);
    sqlite3_prepare_v2(db, "INSERT INTO asked(attempt, idx, question)"
                       " SELECT ?1, ?2, id FROM questions WHERE hash=?2",
                       -1, &pStmt, 0);
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, idx);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "asked");
    sqlite3_finalize(pStmt);
    sqlite3_prepare_v2(db, "INSERT INTO answers(attempt, idx, answer, text,"
                       " correct, credit, points, answered)"
                       " VALUES(?1,?2,?3,'option '||?3,?4,?4,?4*1.5,?5)", -1,
                       &pStmt, 0);
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, idx);
    sqlite3_bind_text(pStmt, 3, zAns, -1, SQLITE_STATIC);
    sqlite3_bind_int(pStmt, 4, bCorrect);
    sqlite3_bind_text(pStmt, 5, zNow, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "answer");
    sqlite3_finalize(pStmt);
    if( !bBench ){
      sqlite3_prepare_v2(db, "INSERT INTO review(student, fact, stage, box, due,"
                         " seen, lapses, last) VALUES(?1,?2,'s1',1,0,1,1-?3,?4)"
                         " ON CONFLICT DO UPDATE SET seen=seen+1,"
                         " box=min(5, box+?3), last=?4", -1, &pStmt, 0);
      sqlite3_bind_int64(pStmt, 1, iStudent);
      sqlite3_bind_text(pStmt, 2, zFact, -1, SQLITE_STATIC);
      sqlite3_bind_int(pStmt, 3, bCorrect);
      sqlite3_bind_text(pStmt, 4, zNow, -1, SQLITE_STATIC);
      if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "review");
      sqlite3_finalize(pStmt);
    }
    if( ++idx==10 ){
      sqlite3_prepare_v2(db, "UPDATE attempts SET status='finished',"
                         " finished=?2 WHERE id=?1", -1, &pStmt, 0);
      sqlite3_bind_int64(pStmt, 1, iAttempt);
      sqlite3_bind_text(pStmt, 2, zNow, -1, SQLITE_STATIC);
      if( sqlite3_step(pStmt)!=SQLITE_DONE ) die(db, "finish");
      sqlite3_finalize(pStmt);
      iAttempt = 0;
    }
    exec1(db, "COMMIT");
    if( zConn && nEvery>0 && (i+1)%nEvery==0 ){
      /* Offline first: a failed sync is reported, never waited on. */
      syncFile(zPath, zKiosk, zConn);
    }
  }
  return 0;
}

int main(int argc, char **argv){
  sqlite3 *db;
  KioskError err;
  int rc = 0, i;
  if( argc<3 ){
    fprintf(stderr, "usage: class-kiosk make|answer|sync DB ...\n");
    return 2;
  }
  kioskErrorClear(&err);
  if( strcmp(argv[1], "make")==0 && argc==4 ){
    KioskRecords *pRec = 0;
    if( kioskRecordsOpen(argv[2], 0, &pRec, &err)
     || kioskRecordsSettingSet(pRec, "class.kiosk", argv[3], &err) ){
      fprintf(stderr, "class-kiosk: %s\n", err.zMsg);
      rc = 1;
    }
    kioskRecordsClose(pRec);
    return rc;
  }
  if( strcmp(argv[1], "sync")==0 ){
    /* Sending reads each question's JSON through the records connection
    ** (kiosk_question), as kioskctl does. */
    KioskRecords *pRec = 0;
    if( kioskRecordsOpen(argv[2], 0, &pRec, &err) ){
      fprintf(stderr, "class-kiosk: %s\n", err.zMsg);
      return 1;
    }
    db = kioskRecordsDb(pRec);
    sqlite3_busy_timeout(db, 10000);
    rc = 2;
    if( argc>=5 ){
      int nBatch = 500, msPause = 0, bTwice = 0, bCrash = 0;
      rc = 0;
      for(i=5; i<argc && rc==0; i++){
        if( strcmp(argv[i], "--batch")==0 && i+1<argc ) nBatch = atoi(argv[++i]);
        else if( strcmp(argv[i], "--pause")==0 && i+1<argc ){
          msPause = atoi(argv[++i]);
        }else if( strcmp(argv[i], "--twice")==0 ) bTwice = 1;
        else if( strcmp(argv[i], "--crash-after-send")==0 ) bCrash = 1;
        else{
          fprintf(stderr, "class-kiosk: bad option %s\n", argv[i]);
          rc = 2;
        }
      }
      if( rc==0 ){
        rc = doSync(db, argv[3], argv[4], nBatch, msPause, bTwice, bCrash);
      }
    }else{
      fprintf(stderr, "class-kiosk: bad arguments\n");
    }
    kioskRecordsClose(pRec);
    return rc;
  }
  db = openDb(argv[2]);
  if( 0 ){
  }else if( strcmp(argv[1], "answer")==0 && argc>=5 ){
    long long off = 0;
    unsigned seed = 1;
    const char *zConn = 0, *zKiosk = 0;
    int nEvery = 0, bBench = 0;
    for(i=5; i<argc; i++){
      if( strcmp(argv[i], "--clock")==0 && i+1<argc ) off = atoll(argv[++i]);
      else if( strcmp(argv[i], "--seed")==0 && i+1<argc ){
        seed = (unsigned)atoi(argv[++i]);
      }else if( strcmp(argv[i], "--sync")==0 && i+2<argc ){
        zConn = argv[++i];
        zKiosk = argv[++i];
      }else if( strcmp(argv[i], "--every")==0 && i+1<argc ){
        nEvery = atoi(argv[++i]);
      }else if( strcmp(argv[i], "--bench")==0 ){
        bBench = 1;
      }else{
        fprintf(stderr, "class-kiosk: bad option %s\n", argv[i]);
        return 2;
      }
    }
    rc = doAnswer(db, argv[2], argv[3], atoi(argv[4]), off, seed, zConn, zKiosk,
                  nEvery, bBench);
  }else if( strcmp(argv[1], "sync")==0 && argc>=5 ){
    int nBatch = 500, msPause = 0, bTwice = 0, bCrash = 0;
    for(i=5; i<argc; i++){
      if( strcmp(argv[i], "--batch")==0 && i+1<argc ) nBatch = atoi(argv[++i]);
      else if( strcmp(argv[i], "--pause")==0 && i+1<argc ){
        msPause = atoi(argv[++i]);
      }else if( strcmp(argv[i], "--twice")==0 ) bTwice = 1;
      else if( strcmp(argv[i], "--crash-after-send")==0 ) bCrash = 1;
      else{
        fprintf(stderr, "class-kiosk: bad option %s\n", argv[i]);
        return 2;
      }
    }
    rc = doSync(db, argv[3], argv[4], nBatch, msPause, bTwice, bCrash);
  }else{
    fprintf(stderr, "class-kiosk: bad arguments\n");
    rc = 2;
  }
  sqlite3_close(db);
  return rc;
}
