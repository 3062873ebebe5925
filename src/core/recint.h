/*
** recint.h: what the files of the records module share (records.c,
** recattempt.c, recreport.c) and nobody else sees.
*/
#ifndef KIOSK_RECINT_H
#define KIOSK_RECINT_H

#include "records.h"

/* A statement kept prepared for the life of the handle (kioskRecPrepare). */
typedef struct KioskRecStmt {
  sqlite3_stmt *pStmt;    /* NULL: a free slot */
  unsigned int iHash;     /* of its SQL text, sqlite3_sql(pStmt) */
  unsigned int iUsed;     /* when last handed out (p->iTick), for eviction */
  int bBusy;              /* handed out and not yet given back */
} KioskRecStmt;

/* Statements kept: the answer path uses about a dozen, a desk session a
** few dozen more. When every slot is taken the least recently used one
** that is not busy is finalized. */
#define KIOSK_REC_NSTMT 64

struct KioskRecords {
  sqlite3 *db;
  char *zPath;        /* sqlite3_malloc'd copy of the path opened */
  int nBackup;        /* backups to keep; 0 for none */
  char *zWarning;     /* sqlite3_malloc'd: why the open's backup failed */
  unsigned int iTick;                  /* counts kioskRecPrepare calls */
  KioskRecStmt aStmt[KIOSK_REC_NSTMT]; /* finalized by kioskRecordsClose */
};

/*
** The points an attempt can earn (its maximum) are those of the questions
** the kiosk marks itself. An essay (a written answer the kiosk never
** marks) and a description (no answer at all) count neither in the
** maximum nor in the questions scored: a student who wrote an essay is
** not marked down for points nobody has given yet. The records hold no
** teacher's grade for an essay (that needs a column of its own, a schema
** change); until one exists an essay counts nowhere, and once a grade is
** stored it should count, earned and possible, from that moment.
** KIOSK_REC_MARKED is that rule as an SQL condition on the questions row
** q; kioskTallyAdd (score.c) is the same rule in memory.
*/
#define KIOSK_REC_MARKED " q.kind NOT IN ('essay', 'description') "

/* Fill pErr from the connection's last error (class KIOSK_EDB, code zCode)
** and return KIOSK_EDB. */
int kioskRecDbError(KioskRecords *p, const char *zCode, KioskError *pErr);

/*
** A prepared statement for zSql (one statement). Statements are kept in
** p's cache, found again by their text, so the same SQL is prepared once
** per handle: give it back with kioskRecFinalize (or kioskRecEachRow),
** never sqlite3_finalize, which would leave the cache a dangling pointer.
** A statement already handed out and not given back (a nested use of the
** same SQL) is prepared afresh and finalized when given back. On failure
** fills pErr and returns KIOSK_EDB with *ppStmt NULL.
*/
int kioskRecPrepare(KioskRecords *p, const char *zSql, sqlite3_stmt **ppStmt,
                    KioskError *pErr);

/* Give back a statement of kioskRecPrepare: a cached one is reset and its
** bindings cleared (SQLITE_STATIC values are the caller's only until
** now); any other is finalized. NULL is a no-op. Returns nothing: the
** step's result was the caller's to check. */
void kioskRecFinalize(KioskRecords *p, sqlite3_stmt *pStmt);

/* Step pStmt to the end calling xRow per row, then give it back
** (kioskRecFinalize; always).
** Returns 0, xRow's non-zero return, or KIOSK_EDB. With xRow NULL it runs
** a write statement to completion. */
int kioskRecEachRow(KioskRecords *p, sqlite3_stmt *pStmt, KioskRowFn xRow,
                    void *pArg, KioskError *pErr);

/* Run one SQL statement without results (bound nothing). */
int kioskRecExec(KioskRecords *p, const char *zSql, KioskError *pErr);

/* Bind z, or NULL when z is NULL. */
int kioskRecBindText(sqlite3_stmt *pStmt, int i, const char *z);

/* 0 when student iId exists (removed or not), else "NOSTUDENT". */
int kioskRecStudentCheck(KioskRecords *p, sqlite3_int64 iId,
                         KioskError *pErr);

/* Bind a filter (NULL: none) as ?1 student, ?2 attempt, ?3 pack, ?4 stage,
** ?5 status of a listing query, whose WHERE clause tests each as
** "(?1=0 OR ...)" / "(?3 IS NULL OR ...)". */
void kioskRecBindFilter(sqlite3_stmt *pStmt, const KioskRecFilter *pF);

/* Apply one answer to the review state of (iStudent, zFact), inside the
** caller's transaction. iAttempt/idx name the question (0/-1: none). */
int kioskRecReviewUpdate(KioskRecords *p, sqlite3_int64 iStudent,
                         const char *zFact, const char *zStage, int bCorrect,
                         long long iNow, sqlite3_int64 iAttempt, int idx,
                         KioskError *pErr);

/* recquestion.c: questions stored once by content. Store q as question
** idx of iAttempt (inside the caller's transaction); read one back as
** JSON (qjson.h) or as a question (the caller's, kioskQuestionFree). */
struct KioskQuestion;
int kioskRecAskedPut(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     const struct KioskQuestion *q, KioskError *pErr);
int kioskRecAskedJson(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                      char **pzJson, KioskError *pErr);
int kioskRecAskedGet(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     struct KioskQuestion **ppQ, KioskError *pErr);
/* The SQL function kiosk_question(question, parts): a question's JSON. */
int kioskRecRegisterFunctions(sqlite3 *db);
/* The C part of the migration from schema 2 to 3 (records.c). */
int kioskRecMigrateQuestions(KioskRecords *p, KioskError *pErr);
/* The C part of the migration from schema 5 to 6 (records.c): explanations
** and answers in words into pieces. */
int kioskRecMigratePieces(KioskRecords *p, KioskError *pErr);
/* The SQL of the step from schema 1 to 2, for tests that make a schema 2
** database. */
extern const char *const kioskRecMigrationSql2;

#endif
