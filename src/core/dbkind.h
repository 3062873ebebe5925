/*
** dbkind.h: telling the kiosk's two databases from each other and from
** every other file, before anything opens, writes or deletes one.
**
** course.db and records.db each carry a PRAGMA application_id of their own
** (stored in the file's 100-byte header, so it can be read without SQLite
** and even from a damaged file whose first page is intact). A course
** database built before the id existed is recognised by its exact set of
** tables (kioskDbIsOldCourse). Nothing else is ever taken for ours.
*/
#ifndef KIOSK_DBKIND_H
#define KIOSK_DBKIND_H

#include <sqlite3.h>
#include "kerror.h"

#define KIOSK_APPID_COURSE  0x4B435253   /* "KCRS" */
#define KIOSK_APPID_RECORDS 0x4B524543   /* "KREC" */

typedef enum KioskDbKind {
  KIOSK_DB_MISSING = 0,  /* no such file */
  KIOSK_DB_EMPTY,        /* zero bytes: SQLite makes a new database of it */
  KIOSK_DB_COURSE,       /* application_id KIOSK_APPID_COURSE */
  KIOSK_DB_RECORDS,      /* application_id KIOSK_APPID_RECORDS */
  KIOSK_DB_SQLITE,       /* an SQLite database with another application_id
                         ** (0 included: look closer before calling it ours) */
  KIOSK_DB_OTHER         /* not an SQLite database, or not a regular file */
} KioskDbKind;

/*
** What zPath holds, from its header alone. *piAppId receives the header's
** application_id (0 when there is none). Returns 0, or KIOSK_EIO when the
** file exists but cannot be read (pErr names it).
*/
int kioskDbKind(const char *zPath, KioskDbKind *peKind, int *piAppId,
                KioskError *pErr);

/* How a kind reads in a refusal: "a kiosk records database", "a text or
** other file that is not an SQLite database"... */
const char *kioskDbKindName(KioskDbKind eKind);

/*
** 1 when db's tables (sqlite_* aside) are exactly those of a course
** database of schema version 1 or 2 (before the application_id), else 0
** (also when they cannot be read).
*/
int kioskDbIsOldCourse(sqlite3 *db);

#endif
