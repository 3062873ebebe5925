/*
** records.h: the learner records database (records.db).
**
** Students, attempts with every answer, the per-fact review schedule,
** lessons read, installed quiz packs, settings and the instructor PIN.
** records.db is precious: opened in WAL mode with synchronous=FULL, every
** answer committed on its own, checked on open at a cost that does not
** grow with the answers (kioskRecordsCheck checks everything; a corrupt
** file is moved aside and reported, never replaced), backed up with
** SQLite's online backup API, migrated in place by user_version. It names
** questions, facts and stages only by their string ids; questions as asked
** are stored once, as JSON (recquestion.c).
**
** Not here: the attempt and its rules (attempt.h: it scores with score.c
** and stores through this module), pack parsing (pack.c), anything Tcl.
** doc/records.md is the user-level description of all of this.
**
** Every function returns 0 (KIOSK_OK) or an error class with pErr filled.
** Functions that list rows call xRow once per row with the statement
** positioned on it (read the columns, do not step or finalize it); a
** non-zero return from xRow stops the listing and is returned as is.
** Times are Unix seconds passed in by the caller (iNow): nothing here reads
** the clock except the name a corrupt file is moved to and the backups
** made without one (kioskRecordsBackup, kioskRecordsPackRemove).
*/
#ifndef KIOSK_RECORDS_H
#define KIOSK_RECORDS_H

#include <sqlite3.h>
#include <stdio.h>
#include "kerror.h"

#define KIOSK_RECORDS_SCHEMA_VERSION 6
#define KIOSK_RECORDS_BACKUPS 3     /* backups kept by default */

/* The schema of a new database, compiled in from records.sql. */
extern const char kioskRecordsSchemaSql[];

typedef struct KioskRecords KioskRecords;

typedef int (*KioskRowFn)(void *pArg, sqlite3_stmt *pStmt);

/*
** Open (creating when missing, mode 0600) zPath, ":memory:" allowed. A
** file that is not a records database of ours (dbkind.h) fails with
** KIOSK_ERECORDS "FOREIGN" and is left untouched. Checks integrity (a
** corrupt file of ours is moved aside: "CORRUPT", the message names the
** new path, and *pp is NULL), makes a backup (recbackup.c; nBackup is the
** newest kept, 0 for no backups; a failed one is kioskRecordsOpenWarning,
** not an error, except before a migration), and migrates an older schema.
** A newer schema fails with "VERSION". On success *pp is the caller's to
** kioskRecordsClose.
*/
int kioskRecordsOpen(const char *zPath, int nBackup, KioskRecords **pp,
                     KioskError *pErr);

/* kioskRecordsOpen with flags. KIOSK_RECORDS_DEFER_BACKUP: make no backup
** while opening unless a migration is about to run; the caller makes it
** later with kioskRecordsBackup (the kiosk does, once its first screen is
** up, so the backup's fsyncs do not delay start-up). */
#define KIOSK_RECORDS_DEFER_BACKUP 0x01
/* KIOSK_RECORDS_KEEP_CORRUPT: a corrupt file fails with "CORRUPT" but is
** left where it is. For tools run from a shell (kioskctl), which report
** and change nothing; only the kiosk itself sets a damaged file aside. */
#define KIOSK_RECORDS_KEEP_CORRUPT 0x02
int kioskRecordsOpenFlags(const char *zPath, int nBackup, int flags,
                          KioskRecords **pp, KioskError *pErr);
/* The same, with the time iNow naming the backup made while opening. */
int kioskRecordsOpenAt(const char *zPath, int nBackup, int flags,
                       long long iNow, KioskRecords **pp, KioskError *pErr);
/* A records database larger than this many bytes is checked at open only
** in the tables that do not grow with the answers (the check stays fast
** with a year's answers); kioskRecordsCheck checks everything. */
#define KIOSK_RECORDS_CHECK_ALL (8*1024*1024)
/* PRAGMA integrity_check of the whole database: *pbOk 1 when sound, else
** *pzWhy (may be NULL; sqlite3_malloc'd) says what is wrong. */
int kioskRecordsCheck(KioskRecords *p, int *pbOk, char **pzWhy,
                      KioskError *pErr);
/* Close and free. NULL is a no-op. */
void kioskRecordsClose(KioskRecords *p);
/* The connection, for tests and for readers in the core. */
sqlite3 *kioskRecordsDb(KioskRecords *p);
/* The path it was opened with. */
const char *kioskRecordsPath(KioskRecords *p);

/* Why the backup made while opening failed, or NULL when it did not (or
** none was made). Opening never needs a backup, except before a
** migration: a full disk must not keep the PIN from being set. The caller
** shows this as a warning. */
const char *kioskRecordsOpenWarning(KioskRecords *p);

/* Make a backup now, named for time iNow, then prune the old ones by the
** retention rules of recbackup.c (doc/records.md). *pzPath, when not
** NULL, receives the sqlite3_malloc'd path of the new backup ("" for
** :memory: or nBackup 0, where nothing is written). kioskRecordsBackup is
** the same at the clock's time. */
int kioskRecordsBackupAt(KioskRecords *p, long long iNow, char **pzPath,
                         KioskError *pErr);
int kioskRecordsBackup(KioskRecords *p, char **pzPath, KioskError *pErr);

/* One backup of a records database, as kioskRecordsBackupList finds it. */
typedef struct KioskBackupInfo {
  char *zPath;          /* sqlite3_malloc'd */
  long long iTime;      /* when it was made (Unix time) */
  long long nAnswer;    /* answers it holds, -1 when it cannot be read */
  long long nSize;      /* bytes */
} KioskBackupInfo;

/* The backups of the records database zPath (which need not exist),
** newest first: *pa (free with kioskRecordsBackupListFree), *pn of them. */
int kioskRecordsBackupList(const char *zPath, KioskBackupInfo **pa, int *pn,
                           KioskError *pErr);
void kioskRecordsBackupListFree(KioskBackupInfo *a, int n);

/*
** Put the backup zBackup in the place of the records database zPath
** (created when missing): the backup must be a sound records database;
** what zPath held is backed up first (its path into *pzSaved, may be ""),
** and the copy is made with the online backup API, so a kiosk running on
** zPath sees the restored records. An older backup is migrated. A damaged
** zPath is refused ("CORRUPT"): the kiosk sets it aside when it starts.
*/
int kioskRecordsRestore(const char *zPath, const char *zBackup,
                        long long iNow, char **pzSaved, KioskError *pErr);

/* The times records accept: years 1970 to 9999 (Unix seconds). */
#define KIOSK_RECORDS_TIME_MIN 0LL
#define KIOSK_RECORDS_TIME_MAX 253402300799LL
/* "2024-03-05T09:12:44Z" for Unix time t into z, which holds at least
** KIOSK_RECORDS_ISO_SIZE bytes; "" for a time outside the range above. */
#define KIOSK_RECORDS_ISO_SIZE 21
void kioskRecordsIsoTime(long long t, char *z);

/*
** Students. Names are trimmed of surrounding white space here; then 1-64
** characters, no control characters, unique among current students
** ignoring (ASCII) case.
*/
int kioskRecordsStudentAdd(KioskRecords *p, const char *zName,
                           long long iNow, sqlite3_int64 *piId,
                           KioskError *pErr);
int kioskRecordsStudentRename(KioskRecords *p, sqlite3_int64 iId,
                              const char *zName, KioskError *pErr);
/* bKeep: leave the roster but keep every record; else delete them all. */
int kioskRecordsStudentRemove(KioskRecords *p, sqlite3_int64 iId, int bKeep,
                              long long iNow, KioskError *pErr);
/* Rows: id name created ?removed?. bAll includes removed students. */
int kioskRecordsStudents(KioskRecords *p, int bAll, KioskRowFn xRow,
                         void *pArg, KioskError *pErr);
/* One row, or "NOSTUDENT". */
int kioskRecordsStudentGet(KioskRecords *p, sqlite3_int64 iId,
                           KioskRowFn xRow, void *pArg, KioskError *pErr);

/* Attempts are started, answered, resumed and finished through attempt.h,
** which keeps their rules. */

/* *piAttempt: the student's latest open attempt, 0 when none. */
int kioskRecordsUnfinished(KioskRecords *p, sqlite3_int64 iStudent,
                           sqlite3_int64 *piAttempt, KioskError *pErr);

/* Filters for listings; zero/NULL fields do not filter. */
typedef struct KioskRecFilter {
  sqlite3_int64 iStudent;
  sqlite3_int64 iAttempt;
  const char *zPack;
  const char *zStage;
  const char *zStatus;
} KioskRecFilter;

/* Summary rows: id student name ?removed? kind ?pack? ?stage? status
** started ?finished? questions answered correct score max uid ?title?
** seed time feedback pass attempts (time: the limit in seconds, 0 none;
** pass: the pass mark in percent; attempts: those the pack allows, 0 for
** unlimited). */
int kioskRecordsAttempts(KioskRecords *p, const KioskRecFilter *pF,
                         KioskRowFn xRow, void *pArg, KioskError *pErr);
/* Rows idx question (its JSON, qjson.h), in order ("NOATTEMPT" when
** there is no such attempt). */
int kioskRecordsAttemptQuestions(KioskRecords *p, sqlite3_int64 iAttempt,
                                 KioskRowFn xRow, void *pArg,
                                 KioskError *pErr);
/* Rows index answer text correct credit points answered, in index order. */
int kioskRecordsAttemptAnswers(KioskRecords *p, sqlite3_int64 iAttempt,
                               KioskRowFn xRow, void *pArg, KioskError *pErr);

/* Lessons and progress. Progress rows: stage read ?best? attempts seen
** mastered. */
int kioskRecordsLessonRead(KioskRecords *p, sqlite3_int64 iStudent,
                           const char *zStage, long long iNow,
                           KioskError *pErr);
int kioskRecordsProgress(KioskRecords *p, sqlite3_int64 iStudent,
                         KioskRowFn xRow, void *pArg, KioskError *pErr);

/* Review. Due rows: fact box due stage ?question?, nLimit<0 for all.
** Question rows: question, distinct by question id. question is the JSON
** of the question as last asked (qjson.h). */
int kioskRecordsReviewDue(KioskRecords *p, sqlite3_int64 iStudent,
                          long long iNow, int nLimit, KioskRowFn xRow,
                          void *pArg, KioskError *pErr);
int kioskRecordsReviewQuestions(KioskRecords *p, sqlite3_int64 iStudent,
                                long long iNow, int nLimit, KioskRowFn xRow,
                                void *pArg, KioskError *pErr);
/* One answer outside an attempt; zStage may be NULL (kept if known). */
int kioskRecordsReviewAnswer(KioskRecords *p, sqlite3_int64 iStudent,
                             const char *zFact, const char *zStage,
                             int bCorrect, long long iNow, KioskError *pErr);
/* State rows: fact box due stage seen lapses last; zFact NULL for all,
** else one row or "NOFACT". */
int kioskRecordsReviewState(KioskRecords *p, sqlite3_int64 iStudent,
                            const char *zFact, KioskRowFn xRow, void *pArg,
                            KioskError *pErr);

/* Settings. *pzValue is sqlite3_malloc'd. Rows: key value. */
int kioskRecordsSettingGet(KioskRecords *p, const char *zKey,
                           char **pzValue, KioskError *pErr);
int kioskRecordsSettingSet(KioskRecords *p, const char *zKey,
                           const char *zValue, KioskError *pErr);
int kioskRecordsSettings(KioskRecords *p, KioskRowFn xRow, void *pArg,
                         KioskError *pErr);

/* The instructor PIN (pin.h hashes it). */
int kioskRecordsPinIsSet(KioskRecords *p, int *pbSet, KioskError *pErr);
int kioskRecordsPinSet(KioskRecords *p, const char *zPin, KioskError *pErr);
int kioskRecordsPinCheck(KioskRecords *p, const char *zPin, int *pbOk,
                         KioskError *pErr);
/* The stored PIN hash as is (sqlite3_malloc'd; NULL when none is set), to
** publish to a class. */
int kioskRecordsPinHashGet(KioskRecords *p, char **pzHash, KioskError *pErr);
/* Store zHash, a yescrypt string made elsewhere (the class's PIN), as this
** kiosk's PIN hash; "PINHASH" unless kioskPinHashValid accepts it. *pbChanged
** (may be NULL): 1 when it differed from the stored one; a change clears
** the wrong-PIN throttle, as a new PIN does. */
int kioskRecordsPinHashSet(KioskRecords *p, const char *zHash, int *pbChanged,
                           KioskError *pErr);

/*
** A PIN typed at the kiosk, under the throttle (pin.h): during a pause it
** is refused unchecked (*pbOk 0, *piWait the seconds left); otherwise it
** is checked, a wrong one counted, logged (kind "pin") and maybe starts a
** pause (*piWait), the right one clears the count. *pnFail: wrong PINs in
** a row after this one. No PIN set: "NOPIN". In one transaction.
*/
int kioskRecordsPinTry(KioskRecords *p, const char *zPin, long long iNow,
                       int *pbOk, long long *piWait, int *pnFail,
                       KioskError *pErr);
/* The throttle now: seconds of pause left (0: none), wrong PINs in a row. */
int kioskRecordsPinWait(KioskRecords *p, long long iNow, long long *piWait,
                        int *pnFail, KioskError *pErr);

/* The operator log: add one entry (zKind 1-16 characters, zMessage any
** text), or list the newest nLimit (<0: all) as rows id at kind message,
** newest first. */
int kioskRecordsLog(KioskRecords *p, long long iNow, const char *zKind,
                    const char *zMessage, KioskError *pErr);
int kioskRecordsLogList(KioskRecords *p, int nLimit, KioskRowFn xRow,
                        void *pArg, KioskError *pErr);

/* Quiz packs. Install stores or replaces (keeping its active flag).
** List rows: id title installed active; Get adds text. Activate "" or NULL
** for none. *pzId is sqlite3_malloc'd ("" when none is active). */
int kioskRecordsPackInstall(KioskRecords *p, const char *zId,
                            const char *zTitle, const char *zText,
                            long long iNow, KioskError *pErr);
int kioskRecordsPacks(KioskRecords *p, KioskRowFn xRow, void *pArg,
                      KioskError *pErr);
int kioskRecordsPackGet(KioskRecords *p, const char *zId, KioskRowFn xRow,
                        void *pArg, KioskError *pErr);
int kioskRecordsPackRemove(KioskRecords *p, const char *zId,
                           KioskError *pErr);
int kioskRecordsPackActivate(KioskRecords *p, const char *zId,
                             KioskError *pErr);
int kioskRecordsPackActive(KioskRecords *p, char **pzId, KioskError *pErr);

/* Item analysis over answered questions (pF: zPack, zStage, iStudent).
** KIOSK_ITEMS_QUESTIONS rows: question kind ?topic? ?stage? ?prompt?
**   answered correct share
** KIOSK_ITEMS_OPTIONS rows: question text credit picks (choice, tf, multi)
** KIOSK_ITEMS_WRONG rows: question answer count (typed kinds, wrong only)
** each ordered by question id. */
#define KIOSK_ITEMS_QUESTIONS 0
#define KIOSK_ITEMS_OPTIONS   1
#define KIOSK_ITEMS_WRONG     2
int kioskRecordsItems(KioskRecords *p, const KioskRecFilter *pF, int eWhat,
                      KioskRowFn xRow, void *pArg, KioskError *pErr);

/*
** Export every answer (pF: zPack, iStudent) as CSV with a header row to
** out, or to the file zPath (through outfile.h: a new file is 0600, an
** existing one replaced only once the export is complete, a device, FIFO
** or link written through). Every field is written by libcsv's writer.
** *pnRow receives the number of data rows.
**
** The export for a teacher (bRaw 0, and the functions without "As"):
** attempt,student_id,student,kind,pack,stage,started,started_local,
** finished,finished_local,status,index,question,topic,facts,prompt,answer,
** correct,credit,points,answered,answered_local, where answer is the text
** the student chose (the chosen options' texts, as the core stored them)
** or typed, *_local the UTC times in the machine's local time, and any
** value starting with = + - @, a tab or a CR gets a leading ' so no
** spreadsheet runs it.
** bRaw 1, for scripts: attempt,student_id,student,kind,pack,stage,started,
** finished,status,index,question,topic,facts,prompt,answer,correct,credit,
** points,answered, every value verbatim (answer as stored: the option
** positions in that attempt's order, or the typed text).
*/
int kioskRecordsExport(KioskRecords *p, const KioskRecFilter *pF, FILE *out,
                       int *pnRow, KioskError *pErr);
int kioskRecordsExportFile(KioskRecords *p, const KioskRecFilter *pF,
                           const char *zPath, int *pnRow, KioskError *pErr);
int kioskRecordsExportAs(KioskRecords *p, const KioskRecFilter *pF, int bRaw,
                         FILE *out, int *pnRow, KioskError *pErr);
int kioskRecordsExportFileAs(KioskRecords *p, const KioskRecFilter *pF,
                             int bRaw, const char *zPath, int *pnRow,
                             KioskError *pErr);

#endif
