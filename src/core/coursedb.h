/*
** coursedb.h: opening the course database (course.db).
**
** course.db is derived data: its schema is compiled in from schema.sql and
** stamped with PRAGMA user_version and PRAGMA application_id (dbkind.h). A
** database of ours with another version, or damaged, is not migrated or
** repaired: it is rebuilt from the course folder. Any other file (records,
** another program's database, a text file) is refused and left untouched,
** whatever the flags.
*/
#ifndef KIOSK_COURSEDB_H
#define KIOSK_COURSEDB_H

#include <sqlite3.h>
#include "kerror.h"

/* 6: the application_id (3), the facts' support and the authored
** claims of the question writers (4, 5), the facts' subject and the
** initiatives' verb (6). A
** course.db is derived: another version is rebuilt from the course
** folder. */
#define KIOSK_COURSE_SCHEMA_VERSION 6

/* The schema, as compiled in from schema.sql (generated schema-sql.c). */
extern const char kioskCourseSchemaSql[];

/* Flags for kioskCourseOpen. */
#define KIOSK_OPEN_READONLY 0x01   /* never create or write */
#define KIOSK_OPEN_CREATE   0x02   /* create file and schema when missing */
#define KIOSK_OPEN_REBUILD  0x04   /* a course db of ours that is stale or
                                   ** damaged is deleted and made anew,
                                   ** empty (the caller loads it) */
#define KIOSK_OPEN_NOCHECK  0x08   /* no PRAGMA quick_check while opening:
                                   ** the caller runs kioskCourseCheck
                                   ** later (the kiosk, after its first
                                   ** screen is up) */

/*
** Open zPath (":memory:" allowed). With KIOSK_OPEN_CREATE an empty database
** gets the schema. Errors (class KIOSK_ECOURSE): "FOREIGN" for a file that
** is not a course database of ours (untouched); without KIOSK_OPEN_REBUILD,
** "VERSION" for one of ours of another schema version (or built before the
** application_id: recognised by its exact tables) and "CORRUPT" for one of
** ours that fails PRAGMA quick_check. Foreign keys are switched on.
** On success *ppDb is the caller's to sqlite3_close; on failure *ppDb is NULL
** and pErr says why.
*/
int kioskCourseOpen(const char *zPath, int flags, sqlite3 **ppDb,
                    KioskError *pErr);

/* PRAGMA quick_check on an open course database: zWhy (nWhy bytes)
** receives "" when it is sound, else what is damaged (a page of zeros, a
** broken b-tree...). Returns 0, or KIOSK_EDB when the check could not run.
** A few milliseconds on the bundled course, which is why the kiosk runs it
** after its first screen rather than while opening. */
int kioskCourseCheck(sqlite3 *db, char *zWhy, int nWhy, KioskError *pErr);

/* Create the schema in an empty database db. Returns 0 or an error class. */
int kioskCourseCreateSchema(sqlite3 *db, KioskError *pErr);

#endif
