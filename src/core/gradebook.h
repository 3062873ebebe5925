/*
** gradebook.h: the class roster in and the grades out, in the forms a
** school's Moodle takes.
**
** Roster import reads a CSV file with a header row naming its columns
** (any order, case ignored):
**   name                     required: the student's name on the kiosk
**   id number | idnumber     optional: the school's id (Moodle's "ID number")
**   email | email address    optional
** Each row adds a student, or gives an existing student (same name,
** ignoring case) their id number and email. Every problem is reported as
** file:line:column (libcsv parses, one physical line at a time), and the
** import is all or nothing: with any error the records are not touched.
** The id number and email are kept as settings "roster.<student id>.
** idnumber" and ".email" (records.h settings).
**
** Grade export writes one row per student on the roster and one pair of
** columns per pack (best and last score of finished attempts, in percent),
** with "ID number" and "Email address" first, as Moodle's grade import maps
** them ("Id Number" to useridnumber, "Email Address" to useremail), and the
** student's last finished attempt in local time.
**
** Not here: storing students and attempts (records.c).
*/
#ifndef KIOSK_GRADEBOOK_H
#define KIOSK_GRADEBOOK_H

#include <stdio.h>
#include "gift.h"
#include "records.h"

/*
** Import the roster CSV z[0..n) named zFile into pRec at time iNow.
** Every error goes to pErrs (class KIOSK_ECSV, codes HEADER, FIELDS,
** QUOTE, NAME, EMAIL, IDNUMBER, DUPLICATE, TEXT, EMPTY) and nothing is
** written; on success *pnAdded and *pnUpdated say what changed. Returns 0,
** KIOSK_ECSV with errors, or another class (the database) with the first
** error in pErrs.
*/
int kioskRosterImport(KioskRecords *pRec, const char *zFile, const char *z,
                      int n, long long iNow, int *pnAdded, int *pnUpdated,
                      KioskErrList *pErrs);

/* A student's id number and email from the roster: sqlite3_malloc'd, ""
** when none. Returns 0 or an error class. */
int kioskRosterGet(KioskRecords *pRec, sqlite3_int64 iStudent,
                   char **pzIdNumber, char **pzEmail, KioskError *pErr);

/*
** Write the grade summary as CSV to out: a header row ("Full name", "ID
** number", "Email address", then "<pack> best (%)" and "<pack> last (%)"
** per pack with finished attempts, then "Last attempt (local time)") and
** one row per current student. Times are local (the TZ of the process).
** *pnRow receives the number of students. Returns 0 or an error class.
*/
int kioskGradesCsv(KioskRecords *pRec, FILE *out, int *pnRow,
                   KioskError *pErr);

/*
** The essays written, for the teacher to read: xRow is called once per
** answered essay question of a finished or open attempt (of pack zPack,
** or every pack and stage when NULL), oldest first, with the student's
** id and name, the question id and prompt, the text written and when
** (ISO UTC). A non-zero return from xRow stops and is returned.
*/
typedef int (*KioskEssayFn)(void *pArg, sqlite3_int64 iStudent,
                            const char *zName, const char *zQuestion,
                            const char *zPrompt, const char *zText,
                            const char *zAnswered);
int kioskEssays(KioskRecords *pRec, const char *zPack, KioskEssayFn xRow,
                void *pArg, KioskError *pErr);

#endif
