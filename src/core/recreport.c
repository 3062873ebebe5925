/*
** recreport.c: what the instructor reads out of records.db: item analysis
** per question and the CSV export of every answer.
**
** Read-only over the tables recattempt.c fills. The export is one row per
** answer, in (attempt, index) order, so it can be checked against the
** database row for row.
*/
#include "recint.h"
#include "outfile.h"

#include <csv.h>

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

/* The export for a teacher's spreadsheet: local times beside UTC, and the
** answer as the student saw it (answers.text, stored by the core with
** each answer: the chosen options' texts, or what was typed). */
static const char zSafeSql[] =
  "SELECT a.id AS attempt, a.student AS student_id, s.name AS student,"
  " a.kind, a.pack, a.stage, a.started,"
  " datetime(a.started, 'localtime') AS started_local, a.finished,"
  " datetime(a.finished, 'localtime') AS finished_local, a.status,"
  " n.idx AS \"index\", q.qid AS question, q.topic,"
  " (SELECT group_concat(value, ' ') FROM (SELECT f.value"
  "   FROM json_each(q.body, '$.facts') f ORDER BY f.value)) AS facts,"
  " q.prompt, n.text AS answer, n.correct, n.credit, n.points, n.answered,"
  " datetime(n.answered, 'localtime') AS answered_local"
  " FROM asked_questions q"
  " JOIN answers n ON n.attempt=q.attempt AND n.idx=q.idx"
  " JOIN attempts a ON a.id=q.attempt"
  " JOIN students s ON s.id=a.student"
  " WHERE (?1=0 OR a.student=?1) AND (?2=0 OR a.id=?2)"
  " AND (?3 IS NULL OR a.pack=?3) AND (?4 IS NULL OR q.stage=?4)"
  " AND (?5 IS NULL OR a.status=?5)"
  " ORDER BY a.id, n.idx";

/*
** One CSV field through libcsv's writer (always quoted, quotes doubled).
** bSafe: a value a spreadsheet would take for a formula (starting with
** = + - @, a tab or a carriage return) gets a leading ' as OWASP advises
** ("CSV Injection"), so it shows as text. NULL is an empty field.
** Returns 0, or EOF when the stream fails.
*/
static int csvPut(FILE *out, int bFirst, const char *z, int bSafe){
  if( !bFirst && fputc(',', out)==EOF ) return EOF;
  if( z==0 ) z = "";
  if( bSafe && (z[0]=='=' || z[0]=='+' || z[0]=='-' || z[0]=='@'
                || z[0]=='\t' || z[0]=='\r') ){
    char *zQ = sqlite3_mprintf("'%s", z);
    int rc;
    if( zQ==0 ) return EOF;
    rc = csv_fwrite(out, zQ, strlen(zQ));
    sqlite3_free(zQ);
    return rc;
  }
  return csv_fwrite(out, z, strlen(z));
}

int kioskRecordsExport(KioskRecords *p, const KioskRecFilter *pF, FILE *out,
                       int *pnRow, KioskError *pErr){
  return kioskRecordsExportAs(p, pF, 0, out, pnRow, pErr);
}

int kioskRecordsExportAs(KioskRecords *p, const KioskRecFilter *pF, int bRaw,
                         FILE *out, int *pnRow, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int i, nCol, rc = SQLITE_DONE, nRow = 0, bFail = 0;
  *pnRow = 0;
  if( kioskRecPrepare(p, bRaw ? zExportSql : zSafeSql, &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  kioskRecBindFilter(pStmt, pF);
  nCol = sqlite3_column_count(pStmt);
  for(i=0; i<nCol && !bFail; i++){
    bFail = csvPut(out, i==0, sqlite3_column_name(pStmt, i), 0)==EOF;
  }
  if( !bFail ) bFail = fputc('\n', out)==EOF;
  while( !bFail && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    for(i=0; i<nCol && !bFail; i++){
      const char *z = (const char *)sqlite3_column_text(pStmt, i);
      bFail = csvPut(out, i==0, z, !bRaw)==EOF;
    }
    if( !bFail ) bFail = fputc('\n', out)==EOF;
    nRow++;
  }
  if( !bFail && rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    kioskRecFinalize(p, pStmt);
    return KIOSK_EDB;
  }
  kioskRecFinalize(p, pStmt);
  if( bFail || ferror(out) ){
    return kioskErrorSet(pErr, KIOSK_EIO, "EXPORT", 0, 0, 0,
                         "cannot write the export: %s",
                         errno ? strerror(errno) : "write error");
  }
  *pnRow = nRow;
  return KIOSK_OK;
}

int kioskRecordsExportFile(KioskRecords *p, const KioskRecFilter *pF,
                           const char *zPath, int *pnRow, KioskError *pErr){
  return kioskRecordsExportFileAs(p, pF, 0, zPath, pnRow, pErr);
}

int kioskRecordsExportFileAs(KioskRecords *p, const KioskRecFilter *pF,
                             int bRaw, const char *zPath, int *pnRow,
                             KioskError *pErr){
  KioskOutFile *pOut = 0;
  int rc;
  *pnRow = 0;
  /* Answers are private: a new export is 0600. A half-written export never
  ** takes the place of a good one, and a device or link is written
  ** through (outfile.h). */
  if( (rc = kioskOutOpen(zPath, 0600, &pOut, pErr))!=0 ) return rc;
  rc = kioskRecordsExportAs(p, pF, bRaw, kioskOutStream(pOut), pnRow, pErr);
  if( rc ){
    kioskOutAbort(pOut);
    *pnRow = 0;
    return rc;
  }
  return kioskOutCommit(pOut, pErr);
}
