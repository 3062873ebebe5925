/*
** test-outbox.c: the class outbox (outbox.c, outbox.sql) of a :memory:
** records database (schema 5): nothing is queued before the kiosk joins a
** class; then the triggers queue each event once, in order; joining
** queues the history; batches come out as COPY text with every awkward
** character escaped; marking is by range and only of pending rows.
*/
#include "harness.h"
#include "outbox.h"
#include "records.h"
#include "classimport.h"

#include <stdlib.h>

/* A new records database in memory, joined as kiosk "k1" when bJoin. */
static KioskRecords *newRecords(int bJoin){
  KioskRecords *p = 0;
  KioskError err;
  kioskErrorClear(&err);
  CHECK_INT(kioskRecordsOpen(":memory:", 0, &p, &err), KIOSK_OK);
  if( p && bJoin ){
    CHECK_INT(kioskRecordsSettingSet(p, "class.kiosk", "k1", &err), KIOSK_OK);
  }
  return p;
}

static int count(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  int n = -1;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return n;
}

/* The rule for carrying an attempt on at another kiosk, case by case. */
static void testCarryable(void){
  static const char *const azQ[] = { "{}", "{}" };
  static const char *const azQMissing[] = { "{}", 0 };
  KioskClassAttempt a;
  const char *zWhy = 0;
  memset(&a, 0, sizeof(a));
  a.zUid = "0123456789abcdef0123456789abcdef";
  a.zStatus = "open";
  a.zKiosk = "kA";
  a.zKind = "pack";
  a.zPack = "week1";
  a.iPackVersion = 2;
  a.iLeftAt = 1700000000;
  a.nQuestion = 2;
  a.azQuestion = azQ;
  CHECK_INT(kioskClassCarryable(&a, "kB", 2, &zWhy), 1);
  CHECK(zWhy==0);
  CHECK_INT(kioskClassCarryable(&a, "kA", 2, &zWhy), 0);
  CHECK_STR(zWhy, "it started at this kiosk");
  CHECK_INT(kioskClassCarryable(&a, "kB", 3, &zWhy), 0);
  CHECK_STR(zWhy, "its pack has changed since it started");
  a.iLeftAt = 0;
  CHECK_INT(kioskClassCarryable(&a, "kB", 2, &zWhy), 0);
  CHECK_STR(zWhy, "it is in use at another kiosk (not left there on purpose)");
  a.iLeftAt = 1700000000;
  a.nTimeLimit = 600;
  CHECK_INT(kioskClassCarryable(&a, "kB", 2, &zWhy), 0);
  CHECK_STR(zWhy, "it has a time limit");
  a.nTimeLimit = 0;
  a.azQuestion = azQMissing;
  CHECK_INT(kioskClassCarryable(&a, "kB", 2, &zWhy), 0);
  CHECK_STR(zWhy, "its questions are not on the server");
  a.azQuestion = azQ;
  a.zStatus = "finished";
  CHECK_INT(kioskClassCarryable(&a, "kB", 2, &zWhy), 0);
  CHECK_STR(zWhy, "it is not open");
  /* A stage quiz carries its own questions: no pack version needed. */
  a.zStatus = "open";
  a.zKind = "stage";
  a.zPack = 0;
  a.iPackVersion = 0;
  CHECK_INT(kioskClassCarryable(&a, "kB", 0, &zWhy), 1);
  /* A pack attempt from before the class knew its version: never. */
  a.zKind = "pack";
  CHECK_INT(kioskClassCarryable(&a, "kB", 0, &zWhy), 0);
}

int main(void){
  KioskRecords *pRec = 0;
  sqlite3 *db = 0;
  KioskError err;
  KioskOutboxBatch b;
  int nPending = -1, nSent = -1, nQueued = -1;
  long long iLast = -1;

  kioskErrorClear(&err);
  testCarryable();
  /* A kiosk on its own queues nothing. */
  pRec = newRecords(0);
  if( pRec==0 ) return HARNESS_DONE("test-outbox");
  db = kioskRecordsDb(pRec);
  CHECK_INT(sqlite3_exec(db,
    "INSERT INTO students(id, name, created) VALUES(1, 'Ann', 't0');"
    "INSERT INTO lessons_read VALUES(1, 's1', 't0');", 0, 0, 0), SQLITE_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox"), 0);
  CHECK_INT(kioskOutboxQueueHistory(db, &nQueued, &err), KIOSK_OK);
  CHECK_INT(nQueued, 0);
  kioskRecordsClose(pRec);

  pRec = newRecords(1);
  if( pRec==0 ) return HARNESS_DONE("test-outbox");
  db = kioskRecordsDb(pRec);

  /* A student, an attempt on version 3 of its pack, its two questions,
  ** two answers (one with a tab, a newline, a backslash and a carriage
  ** return in its text), the end, a review state updated twice, a lesson
  ** read twice. */
  CHECK_INT(sqlite3_exec(db,
    "INSERT INTO class_packs VALUES('p1', 3);"
    "INSERT INTO students(id, name, created) VALUES(1, 'Ann', 't0');"
    "INSERT INTO attempts(id, uid, student, kind, pack, started, title)"
    "  VALUES(1, '0123456789abcdef0123456789abcdef', 1, 'pack', 'p1', 't1',"
    "  'Week one');"
    "INSERT INTO questions(id, hash, qid, kind, body) VALUES(1, 1, 'q:a',"
    "  'choice', '{}'), (2, 2, 'q:b', 'short', '{}');"
    "INSERT INTO asked(attempt, idx, question) VALUES(1, 0, 1), (1, 1, 2);"
    "INSERT INTO answers VALUES(1, 0, '2', 'Tashkent', 1, 1, 1, 't2');"
    "INSERT INTO answers VALUES(1, 1, 'a\tb', 'a\tb\nc\\d\re', 0, 0, 0,"
    "  't3');"
    "UPDATE attempts SET status='finished', finished='t4' WHERE id=1;"
    "UPDATE attempts SET status='finished', finished='t5' WHERE id=1;"
    "INSERT INTO review(student, fact, stage, box, due, seen, lapses, last) VALUES(1, 'f1', 's1', 1, 10, 1, 0, 't2');"
    "UPDATE review SET seen=2, box=2 WHERE fact='f1';"
    "INSERT OR IGNORE INTO lessons_read VALUES(1, 's1', 't0');"
    "INSERT OR IGNORE INTO lessons_read VALUES(1, 's1', 't9');",
    0, 0, 0), SQLITE_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox"), 9);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox WHERE k='end'"), 1);

  /* The first five rows, in order, as COPY text: an asked row carries its
  ** question's JSON. */
  CHECK_INT(kioskOutboxTake(db, 0, 5, &b, &err), KIOSK_OK);
  CHECK_INT(b.nRow, 5);
  CHECK_INT(b.iFirst, 1);
  CHECK_INT(b.iLast, 5);
  CHECK_STR(b.zData,
    "attempt\t0123456789abcdef0123456789abcdef\t\\N\tAnn\tpack\tp1\t\\N\t"
    "Week one\tt1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\t\\N\t\\N\t0\teach\t60.0\t0\t3\t\\N\t\\N\n"
    "asked\t0123456789abcdef0123456789abcdef\t0\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\tq:a\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t{}\n"
    "asked\t0123456789abcdef0123456789abcdef\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\tq:b\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t{}\n"
    "answer\t0123456789abcdef0123456789abcdef\t0\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\tq:a\t2\tTashkent\t1\t1.0\t1.0\tt2\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n"
    "answer\t0123456789abcdef0123456789abcdef\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t"
    "\\N\tq:b\ta\\tb\ta\\tb\\nc\\\\d\\re\t0\t0.0\t0.0\tt3\t\\N\t\\N\t\\N\t"
    "\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n");
  CHECK_INT((long long)b.nData, (long long)strlen(b.zData));

  /* Marked by range; the next batch starts after it. */
  CHECK_INT(kioskOutboxMarkSent(db, b.iFirst, b.iLast, 1000, &err), KIOSK_OK);
  kioskOutboxBatchFree(&b);
  CHECK_INT(kioskOutboxCount(db, &nPending, &nSent, &iLast, &err), KIOSK_OK);
  CHECK_INT(nPending, 4);
  CHECK_INT(nSent, 5);
  CHECK_INT(iLast, 1000);
  CHECK_INT(kioskOutboxTake(db, 0, 100, &b, &err), KIOSK_OK);
  CHECK_INT(b.nRow, 4);
  CHECK_INT(b.iFirst, 6);
  CHECK(strncmp(b.zData, "end\t", 4)==0);
  kioskOutboxBatchFree(&b);

  /* Marking again changes no sent time; nothing left is an empty batch. */
  CHECK_INT(kioskOutboxMarkSent(db, 1, 100, 2000, &err), KIOSK_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox WHERE sent=1000"), 5);
  CHECK_INT(kioskOutboxTake(db, 0, 100, &b, &err), KIOSK_OK);
  CHECK_INT(b.nRow, 0);
  CHECK_STR(b.zData, "");
  kioskOutboxBatchFree(&b);

  kioskRecordsClose(pRec);

  /* A kiosk with history from before it joined: joining queues it all,
  ** each attempt's start before its answers and its end; a second time
  ** queues nothing more. */
  pRec = newRecords(0);
  if( pRec==0 ) return HARNESS_DONE("test-outbox");
  db = kioskRecordsDb(pRec);
  CHECK_INT(sqlite3_exec(db,
    "INSERT INTO students(id, name, created) VALUES(1, 'Ann', 't0');"
    "INSERT INTO attempts(id, uid, student, kind, status, started, finished)"
    "  VALUES(1, 'aa', 1, 'stage', 'finished', 't1', 't2'),"
    "        (2, 'bb', 1, 'stage', 'open', 't3', NULL);"
    "INSERT INTO questions(id, hash, qid, kind, body) VALUES(1, 1, 'q', 'tf',"
    "  '{}');"
    "INSERT INTO asked VALUES(1, 0, 1, '{}'), (1, 1, 1, '{}'),"
    "  (2, 0, 1, '{}');"
    "INSERT INTO answers VALUES(2, 0, 'x', '', 1, 1, 1, 't4'),"
    "  (1, 1, 'x', '', 1, 1, 1, 't2'), (1, 0, 'x', '', 0, 0, 0, 't1');"
    "INSERT INTO review(student, fact, stage, box, due, seen, lapses, last) VALUES(1, 'f', 's', 2, 5, 3, 1, 't4');"
    "INSERT INTO lessons_read VALUES(1, 's', 't0');", 0, 0, 0), SQLITE_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox"), 0);
  CHECK_INT(kioskRecordsSettingSet(pRec, "class.kiosk", "k1", &err), KIOSK_OK);
  CHECK_INT(kioskOutboxQueueHistory(db, &nQueued, &err), KIOSK_OK);
  CHECK_INT(nQueued, 11);
  CHECK_INT(kioskOutboxQueueHistory(db, &nQueued, &err), KIOSK_OK);
  CHECK_INT(nQueued, 0);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox WHERE sent IS NULL"), 11);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox o, outbox p"
                      " WHERE o.uid = p.uid AND o.k = 'attempt'"
                      " AND p.k <> 'attempt' AND p.seq < o.seq"), 0);
  CHECK_INT(count(db, "SELECT count(*) FROM outbox o, outbox p"
                      " WHERE o.uid = p.uid AND o.k = 'end'"
                      " AND p.k = 'answer' AND p.seq > o.seq"), 0);
  CHECK_INT(count(db, "SELECT group_concat(idx, '') FROM (SELECT idx FROM"
                      " outbox WHERE k='answer' AND uid='aa' ORDER BY seq)"),
            1);
  kioskRecordsClose(pRec);
  return HARNESS_DONE("test-outbox");
}
