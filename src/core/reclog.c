/*
** reclog.c: the records' operator log and the throttle on wrong PINs
** (records.h). The log is what the instructor desk shows: wrong PINs,
** desk openings, leaving the kiosk, errors caught on screen. The throttle
** rule itself (how long a pause lasts) is pin.c's; here it is kept in
** records.db so that restarting the kiosk does not reset it.
**
** Not here: hashing (pin.c), the PIN's storage (records.c).
*/
#include "recint.h"
#include "pin.h"

#include <string.h>

int kioskRecordsLog(KioskRecords *p, long long iNow, const char *zKind,
                    const char *zMessage, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char zTime[KIOSK_RECORDS_ISO_SIZE];
  size_t nKind = zKind ? strlen(zKind) : 0;
  if( nKind<1 || nKind>16 ){
    return kioskErrorSet(pErr, KIOSK_EARG, "LOG", 0, 0, 0,
                         "a log entry's kind has 1 to 16 characters");
  }
  kioskRecordsIsoTime(iNow, zTime);
  if( zTime[0]==0 ){
    return kioskErrorSet(pErr, KIOSK_EARG, "NOW", 0, 0, 0,
                         "time %lld is outside the years 1970 to 9999", iNow);
  }
  if( kioskRecPrepare(p, "INSERT INTO oplog(at, kind, message)"
                      " VALUES(?1, ?2, ?3)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_text(pStmt, 1, zTime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(pStmt, 2, zKind, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, zMessage ? zMessage : "", -1, SQLITE_STATIC);
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskRecordsLogList(KioskRecords *p, int nLimit, KioskRowFn xRow,
                        void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( kioskRecPrepare(p, "SELECT id, at, kind, message FROM oplog"
                      " ORDER BY id DESC LIMIT ?1", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int(pStmt, 1, nLimit);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* Read the throttle row (none: 0 and 0). */
static int throttleGet(KioskRecords *p, int *pnFail, long long *piUntil,
                       KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *pnFail = 0;
  *piUntil = 0;
  if( kioskRecPrepare(p, "SELECT fails, until FROM pin_throttle WHERE id=1",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    *pnFail = sqlite3_column_int(pStmt, 0);
    *piUntil = sqlite3_column_int64(pStmt, 1);
  }
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_ROW && rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return KIOSK_OK;
}

static int throttleSet(KioskRecords *p, int nFail, long long iUntil,
                       KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( kioskRecPrepare(p, "INSERT INTO pin_throttle(id, fails, until)"
                      " VALUES(1, ?1, ?2) ON CONFLICT(id) DO UPDATE"
                      " SET fails=excluded.fails, until=excluded.until",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int(pStmt, 1, nFail);
  sqlite3_bind_int64(pStmt, 2, iUntil);
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskRecordsPinWait(KioskRecords *p, long long iNow, long long *piWait,
                        int *pnFail, KioskError *pErr){
  long long iUntil;
  int rc = throttleGet(p, pnFail, &iUntil, pErr);
  *piWait = rc==KIOSK_OK && iUntil>iNow ? iUntil-iNow : 0;
  return rc;
}

int kioskRecordsPinTry(KioskRecords *p, const char *zPin, long long iNow,
                       int *pbOk, long long *piWait, int *pnFail,
                       KioskError *pErr){
  long long iUntil = 0, iPause;
  int bSet = 0, nFail = 0, rc;
  char *zMsg = 0;

  *pbOk = 0;
  *piWait = 0;
  *pnFail = 0;
  /* Immediate: two kiosks on one records file count every try. */
  if( kioskRecExec(p, "BEGIN IMMEDIATE", pErr) ) return KIOSK_EDB;
  if( (rc = kioskRecordsPinIsSet(p, &bSet, pErr))!=0 ) goto done;
  if( !bSet ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "NOPIN", 0, 0, 0,
                       "no instructor PIN is set (kioskctl pin set)");
    goto done;
  }
  if( (rc = throttleGet(p, &nFail, &iUntil, pErr))!=0 ) goto done;
  *pnFail = nFail;
  if( iUntil>iNow ){
    /* In the pause: refused unchecked, and not counted again. */
    *piWait = iUntil-iNow;
    goto done;
  }
  if( (rc = kioskRecordsPinCheck(p, zPin, pbOk, pErr))!=0 ) goto done;
  if( *pbOk ){
    *pnFail = 0;
    rc = nFail ? throttleSet(p, 0, 0, pErr) : KIOSK_OK;
    goto done;
  }
  nFail++;
  iPause = kioskPinPause(nFail);
  *pnFail = nFail;
  *piWait = iPause;
  if( (rc = throttleSet(p, nFail, iPause ? iNow+iPause : 0, pErr))!=0 ) goto done;
  zMsg = iPause
    ? sqlite3_mprintf("wrong PIN (%d in a row); PINs refused for %lld s",
                      nFail, iPause)
    : sqlite3_mprintf("wrong PIN (%d in a row)", nFail);
  if( zMsg==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    goto done;
  }
  rc = kioskRecordsLog(p, iNow, "pin", zMsg, pErr);

done:
  sqlite3_free(zMsg);
  if( rc==KIOSK_OK && kioskRecExec(p, "COMMIT", pErr) ) rc = KIOSK_EDB;
  if( rc!=KIOSK_OK ){
    sqlite3_exec(kioskRecordsDb(p), "ROLLBACK", 0, 0, 0);
    *pbOk = 0;
  }
  return rc;
}
