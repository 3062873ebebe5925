/*
** outbox.c: the class outbox of a records database (outbox.h).
**
** Reads and marks rows of the outbox table; the triggers of outbox.sql fill
** it. Not here: the network (classsync.c), the records themselves
** (records.c): this file never writes anything but outbox.sent.
*/
#include "outbox.h"

#include <stdlib.h>
#include <string.h>

static int dbError(sqlite3 *db, const char *zCode, KioskError *pErr){
  return kioskErrorSet(pErr, KIOSK_EDB, zCode, 0, 0, 0, "outbox: %s",
                       sqlite3_errmsg(db));
}

/* What a kiosk recorded before it joined, queued in an order that keeps
** each attempt's start before its questions, its answers, its leaving and
** its end. A pack's version is not known for an attempt from before: it
** is never carried on elsewhere. OR IGNORE: an
** event queued already (by a trigger, or an earlier join) stays as it is,
** sent or not. */
static const char zHistorySql[] =
  "INSERT OR IGNORE INTO outbox(key, k, uid, student, kind, pack, stage,"
  " title, started, seed, time_limit, feedback, pass_mark, allowed,"
  " version)"
  " SELECT json_array('attempt', a.uid), 'attempt', a.uid, s.name, a.kind,"
  " a.pack, a.stage, a.title, a.started, a.seed, a.time_limit, a.feedback,"
  " a.pass_mark, a.allowed, NULL"
  " FROM attempts a JOIN students s ON s.id = a.student ORDER BY a.id;"
  "INSERT OR IGNORE INTO outbox(key, k, uid, idx, qid)"
  " SELECT json_array('asked', a.uid, w.idx), 'asked', a.uid, w.idx, q.qid"
  " FROM asked w JOIN attempts a ON a.id = w.attempt"
  " JOIN questions q ON q.id = w.question ORDER BY w.attempt, w.idx;"
  "INSERT OR IGNORE INTO outbox(key, k, uid, idx, qid, answer, text,"
  " correct, credit, points, at)"
  " SELECT json_array('answer', a.uid, w.idx), 'answer', a.uid, w.idx,"
  " q.qid, w.answer, w.text, w.correct, w.credit, w.points, w.answered"
  " FROM answers w"
  " JOIN attempts a ON a.id = w.attempt"
  " JOIN asked k ON k.attempt = w.attempt AND k.idx = w.idx"
  " JOIN questions q ON q.id = k.question"
  " ORDER BY w.attempt, w.idx;"
  "INSERT OR IGNORE INTO outbox(key, k, uid, left_at)"
  " SELECT json_array('leave', uid, left_at, sitting), 'leave', uid, left_at"
  " FROM attempts WHERE status = 'open' AND left_at IS NOT NULL ORDER BY id;"
  "INSERT OR IGNORE INTO outbox(key, k, uid, status, at)"
  " SELECT json_array('end', uid), 'end', uid, status, finished"
  " FROM attempts WHERE status <> 'open' ORDER BY id;"
  "INSERT OR IGNORE INTO outbox(key, k, student, stage, at)"
  " SELECT json_array('lesson', s.name, l.stage), 'lesson', s.name,"
  " l.stage, l.at"
  " FROM lessons_read l JOIN students s ON s.id = l.student"
  " ORDER BY l.student, l.stage;"
  "INSERT OR IGNORE INTO outbox(key, k, student, fact, stage, box, due,"
  " seen, lapses, at)"
  " SELECT json_array('review', s.name, r.fact, r.seen), 'review', s.name,"
  " r.fact, r.stage, r.box, r.due, r.seen, r.lapses, r.last"
  " FROM review r JOIN students s ON s.id = r.student"
  " ORDER BY r.student, r.fact;";

int kioskOutboxQueueHistory(sqlite3 *db, int *pnQueued, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int bJoined, rc, nBefore;
  if( pnQueued ) *pnQueued = 0;
  rc = sqlite3_prepare_v2(db, "SELECT 1 FROM settings"
                          " WHERE key = 'class.kiosk'", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ) return dbError(db, "QUERY", pErr);
  bJoined = sqlite3_step(pStmt)==SQLITE_ROW;
  sqlite3_finalize(pStmt);
  if( !bJoined ) return KIOSK_OK;
  nBefore = sqlite3_total_changes(db);
  if( sqlite3_exec(db, "SAVEPOINT outbox_history", 0, 0, 0)!=SQLITE_OK ){
    return dbError(db, "QUERY", pErr);
  }
  if( sqlite3_exec(db, zHistorySql, 0, 0, 0)!=SQLITE_OK ){
    rc = dbError(db, "WRITE", pErr);
    sqlite3_exec(db, "ROLLBACK TO outbox_history; RELEASE outbox_history",
                 0, 0, 0);
    return rc;
  }
  if( pnQueued ) *pnQueued = sqlite3_total_changes(db)-nBefore;
  if( sqlite3_exec(db, "RELEASE outbox_history", 0, 0, 0)!=SQLITE_OK ){
    return dbError(db, "WRITE", pErr);
  }
  return KIOSK_OK;
}

/* Make room for n more bytes (and a NUL) in the batch. 0 or ENOMEM. */
static int reserve(KioskOutboxBatch *p, size_t *pnAlloc, size_t n,
                   KioskError *pErr){
  if( p->nData+n+1>*pnAlloc ){
    size_t nNew = (*pnAlloc ? *pnAlloc*2 : 16384);
    char *zNew;
    while( nNew<p->nData+n+1 ) nNew *= 2;
    zNew = sqlite3_realloc64(p->zData, nNew);
    if( zNew==0 ){
      return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                           "out of memory");
    }
    p->zData = zNew;
    *pnAlloc = nNew;
  }
  return KIOSK_OK;
}

/* Append column i of pStmt as a COPY text field: \N for NULL, else the
** text with backslash, tab, newline and carriage return escaped. */
static int appendField(KioskOutboxBatch *p, size_t *pnAlloc,
                       sqlite3_stmt *pStmt, int i, KioskError *pErr){
  const unsigned char *z;
  int n, j, rc;
  if( sqlite3_column_type(pStmt, i)==SQLITE_NULL ){
    if( (rc = reserve(p, pnAlloc, 2, pErr)) ) return rc;
    memcpy(p->zData+p->nData, "\\N", 2);
    p->nData += 2;
    return KIOSK_OK;
  }
  z = sqlite3_column_text(pStmt, i);
  n = sqlite3_column_bytes(pStmt, i);
  if( (rc = reserve(p, pnAlloc, (size_t)n*2, pErr)) ) return rc;
  for(j=0; j<n; j++){
    char c = (char)z[j];
    switch( c ){
      case '\\': p->zData[p->nData++] = '\\'; break;
      case '\t': p->zData[p->nData++] = '\\'; c = 't'; break;
      case '\n': p->zData[p->nData++] = '\\'; c = 'n'; break;
      case '\r': p->zData[p->nData++] = '\\'; c = 'r'; break;
    }
    p->zData[p->nData++] = c;
  }
  return KIOSK_OK;
}

int kioskOutboxTake(sqlite3 *db, sqlite3_int64 iAfter, int nMax,
                    KioskOutboxBatch *pBatch, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  size_t nAlloc = 0;
  int rc = KIOSK_OK, step;

  memset(pBatch, 0, sizeof(*pBatch));
  if( sqlite3_prepare_v2(db, "SELECT o.seq, o.k, o.uid, o.idx, o.student,"
                         " o.kind, o.pack, o.stage, o.title, o.started, o.qid,"
                         " o.answer, o.text, o.correct, o.credit, o.points,"
                         " o.at, o.status, o.fact, o.box, o.due, o.seen,"
                         " o.lapses, o.seed, o.time_limit, o.feedback,"
                         " o.pass_mark, o.allowed, o.version, o.left_at,"
                         " CASE WHEN o.k = 'asked' THEN"
                         "  (SELECT kiosk_question(w.question, w.parts)"
                         "   FROM attempts a JOIN asked w ON w.attempt = a.id"
                         "   WHERE a.uid = o.uid AND w.idx = o.idx) END"
                         " FROM outbox o WHERE o.sent IS NULL AND o.seq>?1"
                         " ORDER BY o.seq LIMIT ?2", -1, &pStmt, 0) ){
    return dbError(db, "QUERY", pErr);
  }
  sqlite3_bind_int64(pStmt, 1, iAfter);
  sqlite3_bind_int(pStmt, 2, nMax>0 ? nMax : 1);
  if( (rc = reserve(pBatch, &nAlloc, 0, pErr)) ) goto done;
  pBatch->zData[0] = 0;
  while( (step = sqlite3_step(pStmt))==SQLITE_ROW ){
    sqlite3_int64 iSeq = sqlite3_column_int64(pStmt, 0);
    int i, nCol = sqlite3_column_count(pStmt);
    if( pBatch->nRow==0 ) pBatch->iFirst = iSeq;
    pBatch->iLast = iSeq;
    for(i=1; i<nCol; i++){
      if( (rc = appendField(pBatch, &nAlloc, pStmt, i, pErr))
       || (rc = reserve(pBatch, &nAlloc, 1, pErr)) ){
        goto done;
      }
      pBatch->zData[pBatch->nData++] = i+1<nCol ? '\t' : '\n';
    }
    pBatch->zData[pBatch->nData] = 0;
    pBatch->nRow++;
  }
  if( step!=SQLITE_DONE ){
    rc = dbError(db, "QUERY", pErr);
    goto done;
  }

done:
  sqlite3_finalize(pStmt);
  if( rc ) kioskOutboxBatchFree(pBatch);
  return rc;
}

void kioskOutboxBatchFree(KioskOutboxBatch *pBatch){
  sqlite3_free(pBatch->zData);
  memset(pBatch, 0, sizeof(*pBatch));
}

int kioskOutboxMarkSent(sqlite3 *db, sqlite3_int64 iFirst,
                        sqlite3_int64 iLast, long long iNow,
                        KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( sqlite3_prepare_v2(db, "UPDATE outbox SET sent=?3"
                         " WHERE seq BETWEEN ?1 AND ?2 AND sent IS NULL",
                         -1, &pStmt, 0) ){
    return dbError(db, "QUERY", pErr);
  }
  sqlite3_bind_int64(pStmt, 1, iFirst);
  sqlite3_bind_int64(pStmt, 2, iLast);
  sqlite3_bind_int64(pStmt, 3, iNow);
  rc = sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ) return dbError(db, "WRITE", pErr);
  return KIOSK_OK;
}

int kioskOutboxCount(sqlite3 *db, int *pnPending, int *pnSent,
                     long long *piLastSent, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( sqlite3_prepare_v2(db, "SELECT count(*) FILTER (WHERE sent IS NULL),"
                         " count(sent), coalesce(max(sent), 0) FROM outbox",
                         -1, &pStmt, 0) ){
    return dbError(db, "QUERY", pErr);
  }
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    if( pnPending ) *pnPending = sqlite3_column_int(pStmt, 0);
    if( pnSent ) *pnSent = sqlite3_column_int(pStmt, 1);
    if( piLastSent ) *piLastSent = sqlite3_column_int64(pStmt, 2);
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_ROW ) return dbError(db, "QUERY", pErr);
  return KIOSK_OK;
}
