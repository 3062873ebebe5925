/*
** course.h: load a whole course folder into course.db, or check it.
**
** A course folder (the bundled one is data/) holds one CSV per table
** (course.csv: the course's own one row, title and credits) and
** lessons/<stage-id>.txt (see doc/course-format.md). Loading reads every
** table in dependency order with the CSV loader, then the lessons, then
** checks what no single file can: fact ids unique across the fact tables,
** fact_countries and aliases pointing at facts, every lesson reference
** resolving, one lesson per stage and no lesson without a stage.
**
** The load is ONE savepoint that replaces the previous content: with any
** error the database is exactly as it was. Errors are collected up to a
** limit: after an error in one file the load goes on with the next file
** (within a file it stops at the first syntax error, but reports every
** dangling lesson reference), and lookups into a table whose file failed
** are skipped so that one error does not cascade.
*/
#ifndef KIOSK_COURSE_H
#define KIOSK_COURSE_H

#include <sqlite3.h>
#include "kerror.h"

/* Flags for kioskCourseLoad. */
#define KIOSK_COURSE_CHECK 0x01   /* validate only: always roll back */

#define KIOSK_COURSE_MAXTABLE 16

typedef struct KioskCourseReport {
  int nErr;                 /* errors collected (<= the limit) */
  KioskError *aErr;         /* malloc'd; kioskCourseReportFree */
  int bMore;                /* 1: the limit was reached, more may exist */
  int nTable;               /* tables loaded, in load order */
  struct {
    char zName[32];         /* table, or "lessons", "lesson_refs" */
    sqlite3_int64 nRow;
  } aTable[KIOSK_COURSE_MAXTABLE];
  char zFingerprint[17];    /* of the folder, 16 hex digits */
} KioskCourseReport;

/*
** Load folder zDir into db (which has the course schema). nLimit (>=1) caps
** the errors collected. Returns 0 when the folder had no error (and, unless
** KIOSK_COURSE_CHECK, the new content is in place with meta course_dir and
** fingerprint), else the class of the first error, which is also copied to
** pErr (may be NULL); the database is then as before. *pRep (may be NULL)
** receives the errors and row counts either way; the caller frees it with
** kioskCourseReportFree.
*/
int kioskCourseLoad(sqlite3 *db, const char *zDir, int flags, int nLimit,
                    KioskCourseReport *pRep, KioskError *pErr);

void kioskCourseReportFree(KioskCourseReport *pRep);

/*
** Fingerprint of the course files of zDir (its .csv files and the .txt
** files in lessons/: names, sizes and FNV-1a 64 of contents) as 16 hex
** digits into zOut[17]. Returns 0 or KIOSK_EIO.
*/
int kioskCourseFingerprint(const char *zDir, char *zOut, KioskError *pErr);

/*
** *pbFresh = 1 when db was built from zDir (same real path) and the
** fingerprint still matches, else 0. Returns 0 or an error class.
*/
int kioskCourseFresh(sqlite3 *db, const char *zDir, int *pbFresh,
                     KioskError *pErr);

#endif
