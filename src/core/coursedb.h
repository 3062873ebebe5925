/*
** coursedb.h: opening the course database (course.db).
**
** course.db is derived data: its schema is compiled in from schema.sql and
** stamped with PRAGMA user_version. A database with another version is not
** migrated: the caller rebuilds it from the course folder.
*/
#ifndef KIOSK_COURSEDB_H
#define KIOSK_COURSEDB_H

#include <sqlite3.h>
#include "kerror.h"

#define KIOSK_COURSE_SCHEMA_VERSION 4

/* The schema, as compiled in from schema.sql (generated schema-sql.c). */
extern const char kioskCourseSchemaSql[];

/* Flags for kioskCourseOpen. */
#define KIOSK_OPEN_READONLY 0x01   /* never create or write */
#define KIOSK_OPEN_CREATE   0x02   /* create file and schema when missing */

/*
** Open zPath (":memory:" allowed). With KIOSK_OPEN_CREATE an empty database
** gets the schema. A database stamped with another schema version fails with
** KIOSK_ECOURSE code "VERSION". Foreign keys are switched on.
** On success *ppDb is the caller's to sqlite3_close; on failure *ppDb is NULL
** and pErr says why.
*/
int kioskCourseOpen(const char *zPath, int flags, sqlite3 **ppDb,
                    KioskError *pErr);

/* Create the schema in an empty database db. Returns 0 or an error class. */
int kioskCourseCreateSchema(sqlite3 *db, KioskError *pErr);

#endif
