/*
** outbox.h: the class outbox of a records database (outbox.sql).
**
** The SQLite side of class sync, free of libpq so that the Tcl module and
** the pure core never need it: what waits to be sent, taken in order as
** batches in PostgreSQL's COPY text format, and marked sent once the
** server has committed them.
** classsync.h sends the batches. doc/class.md describes the model.
**
** Every function returns 0 (KIOSK_OK) or an error class with pErr filled.
*/
#ifndef KIOSK_OUTBOX_H
#define KIOSK_OUTBOX_H

#include <sqlite3.h>
#include <stddef.h>
#include "kerror.h"

/* The outbox table and its triggers, compiled in from outbox.sql: part
** of records schema 5 (records.c applies it to a new records.db and in
** migration 4 -> 5). */
extern const char kioskOutboxSchemaSql[];

/* On a records database that has joined a class (the setting class.kiosk
** exists), queue every attempt, answer, end, lesson read and review state
** it holds that is not queued yet, in one savepoint: what was recorded
** before joining (or before schema 5) goes to the class too. Does nothing
** on a kiosk that has not joined. *pnQueued (may be NULL): rows added. */
int kioskOutboxQueueHistory(sqlite3 *db, int *pnQueued, KioskError *pErr);

/* The columns of a batch row, in order: the server's staging table has
** them (class-2.sql, kiosk.upload). All but body are the outbox's own;
** body is the JSON of an 'asked' row's question, read as it is sent. */
#define KIOSK_OUTBOX_COLUMNS "k, uid, idx, student, kind, pack, stage, " \
  "title, started, qid, answer, text, correct, credit, points, at, " \
  "status, fact, box, due, seen, lapses, seed, time_limit, feedback, " \
  "pass_mark, allowed, version, left_at, body"

/* A batch: rows iFirst..iLast (seq) of which nRow are pending, as COPY
** text (one line per row, tab-separated, \N for NULL, backslash escapes)
** in zData, nData bytes (sqlite3_malloc'd; kioskOutboxBatchFree). */
typedef struct KioskOutboxBatch {
  sqlite3_int64 iFirst, iLast;
  int nRow;
  char *zData;
  size_t nData;
} KioskOutboxBatch;

/* The first nMax pending rows after seq iAfter, in seq order. nRow is 0
** when nothing waits. db must be a records connection (kioskRecordsDb):
** an 'asked' row's question is read with its kiosk_question function. */
int kioskOutboxTake(sqlite3 *db, sqlite3_int64 iAfter, int nMax,
                    KioskOutboxBatch *pBatch, KioskError *pErr);
void kioskOutboxBatchFree(KioskOutboxBatch *pBatch);

/* Mark the pending rows iFirst..iLast sent at iNow (Unix seconds),
** committed before returning. */
int kioskOutboxMarkSent(sqlite3 *db, sqlite3_int64 iFirst,
                        sqlite3_int64 iLast, long long iNow,
                        KioskError *pErr);

/* How many rows wait and how many were sent; *piLastSent: the time of the
** latest sending (0 for never). Any pointer may be NULL. */
int kioskOutboxCount(sqlite3 *db, int *pnPending, int *pnSent,
                     long long *piLastSent, KioskError *pErr);

#endif
