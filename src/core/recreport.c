/*
** recreport.c: what the instructor reads out of records.db: item analysis
** per question and the CSV export of every answer.
**
** Read-only over the tables recattempt.c fills. The export is one row per
** answer, in (attempt, index) order, so it can be checked against the
** database row for row.
*/
#include "recint.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* The join every report starts from: answered questions of attempts,
** filtered by kioskRecBindFilter's ?1..?5 (stage is the question's). */
#define ANSWERED_FROM \
  " FROM asked_questions q" \
  " JOIN answers n ON n.attempt=q.attempt AND n.idx=q.idx" \
  " JOIN attempts a ON a.id=q.attempt" \
  " WHERE (?1=0 OR a.student=?1) AND (?2=0 OR a.id=?2)" \
  " AND (?3 IS NULL OR a.pack=?3) AND (?4 IS NULL OR q.stage=?4)" \
  " AND (?5 IS NULL OR a.status=?5)"

static const char *const azItemSql[] = {
  /* KIOSK_ITEMS_QUESTIONS */
  "SELECT q.qid AS question, max(q.kind) AS kind, max(q.topic) AS topic,"
  " max(q.stage) AS stage, max(q.prompt) AS prompt, count(*) AS answered,"
  " sum(n.correct) AS correct,"
  " CAST(sum(n.correct) AS REAL) / count(*) AS share"
  ANSWERED_FROM
  " GROUP BY q.qid ORDER BY q.qid",

  /* KIOSK_ITEMS_OPTIONS: options are grouped by their text, since another
  ** attempt may show the same question's options in another order. */
  "SELECT q.qid AS question, o.text, max(o.credit) AS credit,"
  " count(pk.opt) AS picks"
  " FROM asked_questions q"
  " JOIN answers n ON n.attempt=q.attempt AND n.idx=q.idx"
  " JOIN attempts a ON a.id=q.attempt"
  " JOIN asked_options o ON o.attempt=q.attempt AND o.idx=q.idx"
  " LEFT JOIN answer_picks pk"
  "  ON pk.attempt=o.attempt AND pk.idx=o.idx AND pk.opt=o.opt"
  " WHERE (?1=0 OR a.student=?1) AND (?2=0 OR a.id=?2)"
  " AND (?3 IS NULL OR a.pack=?3) AND (?4 IS NULL OR q.stage=?4)"
  " AND (?5 IS NULL OR a.status=?5)"
  " AND q.kind IN ('choice', 'tf', 'multi')"
  " GROUP BY q.qid, o.text ORDER BY q.qid, min(o.opt), o.text",

  /* KIOSK_ITEMS_WRONG */
  "SELECT q.qid AS question, n.answer, count(*) AS count"
  ANSWERED_FROM
  " AND n.correct=0 AND q.kind IN ('year', 'number', 'text')"
  " GROUP BY q.qid, n.answer ORDER BY q.qid, count(*) DESC, n.answer",
};

int kioskRecordsItems(KioskRecords *p, const KioskRecFilter *pF, int eWhat,
                      KioskRowFn xRow, void *pArg, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  if( eWhat<0 || eWhat>=(int)(sizeof(azItemSql)/sizeof(azItemSql[0])) ){
    return kioskErrorSet(pErr, KIOSK_EARG, 0, 0, 0, 0,
                         "no item report %d", eWhat);
  }
  if( kioskRecPrepare(p, azItemSql[eWhat], &pStmt, pErr) ) return KIOSK_EDB;
  kioskRecBindFilter(pStmt, pF);
  return kioskRecEachRow(p, pStmt, xRow, pArg, pErr);
}

/* ---- CSV export ---- */

static const char zExportSql[] =
  "SELECT a.id AS attempt, a.student AS student_id, s.name AS student,"
  " a.kind, a.pack, a.stage, a.started, a.finished, a.status,"
  " n.idx AS \"index\", q.qid AS question, q.topic,"
  " (SELECT group_concat(value, ' ') FROM (SELECT f.value"
  "   FROM json_each(q.body, '$.facts') f ORDER BY f.value)) AS facts,"
  " q.prompt, n.answer, n.correct, n.credit, n.points, n.answered"
  " FROM asked_questions q"
  " JOIN answers n ON n.attempt=q.attempt AND n.idx=q.idx"
  " JOIN attempts a ON a.id=q.attempt"
  " JOIN students s ON s.id=a.student"
  " WHERE (?1=0 OR a.student=?1) AND (?2=0 OR a.id=?2)"
  " AND (?3 IS NULL OR a.pack=?3) AND (?4 IS NULL OR q.stage=?4)"
  " AND (?5 IS NULL OR a.status=?5)"
  " ORDER BY a.id, n.idx";

/* Write one field, quoted when it holds a comma, quote, line end, or
** leading/trailing space (RFC 4180). NULL is an empty field. */
static void csvField(FILE *out, const char *z){
  const char *c;
  int bQuote = 0;
  if( z==0 ) return;
  if( z[0]==' ' || (z[0] && z[strlen(z)-1]==' ') ) bQuote = 1;
  for(c=z; *c && !bQuote; c++){
    if( *c==',' || *c=='"' || *c=='\n' || *c=='\r' ) bQuote = 1;
  }
  if( !bQuote ){
    fputs(z, out);
    return;
  }
  fputc('"', out);
  for(c=z; *c; c++){
    if( *c=='"' ) fputc('"', out);
    fputc(*c, out);
  }
  fputc('"', out);
}

int kioskRecordsExport(KioskRecords *p, const KioskRecFilter *pF, FILE *out,
                       int *pnRow, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int i, nCol, rc, nRow = 0;
  *pnRow = 0;
  if( kioskRecPrepare(p, zExportSql, &pStmt, pErr) ) return KIOSK_EDB;
  kioskRecBindFilter(pStmt, pF);
  nCol = sqlite3_column_count(pStmt);
  for(i=0; i<nCol; i++){
    if( i ) fputc(',', out);
    csvField(out, sqlite3_column_name(pStmt, i));
  }
  fputc('\n', out);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    for(i=0; i<nCol; i++){
      if( i ) fputc(',', out);
      csvField(out, (const char *)sqlite3_column_text(pStmt, i));
    }
    fputc('\n', out);
    nRow++;
  }
  if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    sqlite3_finalize(pStmt);
    return KIOSK_EDB;
  }
  sqlite3_finalize(pStmt);
  if( ferror(out) ){
    return kioskErrorSet(pErr, KIOSK_EIO, "EXPORT", 0, 0, 0,
                         "cannot write the export: %s", strerror(errno));
  }
  *pnRow = nRow;
  return KIOSK_OK;
}

int kioskRecordsExportFile(KioskRecords *p, const KioskRecFilter *pF,
                           const char *zPath, int *pnRow, KioskError *pErr){
  char *zTmp = sqlite3_mprintf("%s.tmp", zPath);
  FILE *out = 0;
  int rc;
  *pnRow = 0;
  if( zTmp==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                     "out of memory");
  /* A half-written export never takes the place of a good one. */
  out = fopen(zTmp, "w");
  if( out==0 ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "EXPORT", zPath, 0, 0,
                       "cannot write the export: %s", strerror(errno));
    goto done;
  }
  rc = kioskRecordsExport(p, pF, out, pnRow, pErr);
  if( rc==KIOSK_OK && (fflush(out)!=0 || fsync(fileno(out))!=0) ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "EXPORT", zPath, 0, 0,
                       "cannot write the export: %s", strerror(errno));
  }
  if( fclose(out)!=0 && rc==KIOSK_OK ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "EXPORT", zPath, 0, 0,
                       "cannot write the export: %s", strerror(errno));
  }
  if( rc==KIOSK_OK && rename(zTmp, zPath)!=0 ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "EXPORT", zPath, 0, 0,
                       "cannot write the export: %s", strerror(errno));
  }
  if( rc!=KIOSK_OK ) (void)unlink(zTmp);

done:
  sqlite3_free(zTmp);
  return rc;
}
