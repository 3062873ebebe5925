/*
** csvload.h: load one CSV file into one existing table, validating it.
**
** The loader streams: it reads the file in blocks, hands libcsv one
** physical line at a time, checks every value against the column's declared
** type (INTEGER, REAL, TEXT, KDATE) and its constraints, and inserts it with
** one prepared statement. Memory stays flat whatever the row count: it holds
** the longest line and the longest record, nothing per row.
**
** One file is one SAVEPOINT: on any error the table is exactly as before
** and no transaction is left open that was not open before the call.
** Errors are KIOSK_ECSV with the physical line and the column in
** characters of the offending field, and one of these detail codes:
**   EMPTY      the file has no header row
**   UTF8 NUL   invalid UTF-8, a NUL byte
**   LINEEND    a carriage return not followed by a line feed, a blank line
**   FIELDS     too few or too many fields in a record
**   QUOTE      unterminated quoted field, stray quote in an unquoted field,
**              text after a closing quote
**   HEADER     unknown, duplicated, generated, empty or missing column name
**   INTEGER REAL KDATE   a value that is not of the column's type
**   NOTNULL CHECK UNIQUE FOREIGNKEY CONSTRAINT   a broken constraint
** Files that cannot be read are KIOSK_EIO; SQLite failures KIOSK_EDB.
**
** Not here: which files a course has and in what order (course.c).
*/
#ifndef KIOSK_CSVLOAD_H
#define KIOSK_CSVLOAD_H

#include <stddef.h>
#include <sqlite3.h>
#include "kerror.h"

typedef struct KioskCsvLoader KioskCsvLoader;

/*
** Start loading into table zTable of db. zFile names the input in error
** messages. Opens the savepoint "kiosk_csv". Returns 0 and sets *pp, or an
** error class with *pp NULL (unknown table: KIOSK_EARG code "TABLE").
** The loader is the caller's to kioskCsvFree.
*/
int kioskCsvBegin(sqlite3 *db, const char *zTable, const char *zFile,
                  KioskCsvLoader **pp, KioskError *pErr);

/*
** Skip the per-row foreign-key lookup into parent table zParent (used by a
** course check after that parent's file failed, so that one error does not
** cascade). Only the loader's own lookup is skipped: SQLite's enforcement is
** the caller's business (PRAGMA defer_foreign_keys). Call before feeding.
** Returns 0, or KIOSK_ENOMEM.
*/
int kioskCsvSkipParent(KioskCsvLoader *p, const char *zParent);

/*
** Also check column zCol of every row against column zParentCol of table
** or view zParent: with bMustExist 1 the value must be there (a foreign key
** SQLite cannot express, such as fact_countries.fact into the facts view);
** with 0 it must not be (ids unique across several tables). NULL values are
** not checked. Call before feeding. Returns 0, or an error class.
*/
int kioskCsvCheckRef(KioskCsvLoader *p, const char *zCol,
                     const char *zParent, const char *zParentCol,
                     int bMustExist);

/*
** Feed n bytes, split anywhere. Returns 0, or the class of the first error
** (then latched: later calls return it again and do nothing). The error is
** in the KioskError given to kioskCsvBegin.
*/
int kioskCsvFeed(KioskCsvLoader *p, const char *z, size_t n);

/*
** End of input: flush the last line, check the file was not empty, release
** the savepoint (keeping the rows). Returns 0 and sets *pnRow (may be NULL)
** to the number of rows inserted, or an error class (and the rows are
** rolled back).
*/
int kioskCsvFinish(KioskCsvLoader *p, sqlite3_int64 *pnRow);

/* Free the loader; if it did not finish successfully, roll back its rows
** first. NULL is a no-op. */
void kioskCsvFree(KioskCsvLoader *p);

/* Feed the whole of file zPath (read in blocks). Returns 0 or an error
** class (KIOSK_EIO if it cannot be read). */
int kioskCsvFeedFile(KioskCsvLoader *p, const char *zPath);

/* Length of the valid UTF-8 character at z[0..n), or 0 if invalid
** (overlong forms, surrogates and values past U+10FFFF are invalid). */
int kioskUtf8CharLen(const unsigned char *z, size_t n);

/*
** The whole thing for one file: Begin, Feed blocks read from zPath, Finish,
** Free. zName is the name used in messages (NULL: zPath). Returns 0 and sets
** *pnRow (may be NULL), or an error class with pErr filled and the database
** as before.
*/
int kioskCsvLoadFile(sqlite3 *db, const char *zTable, const char *zPath,
                     const char *zName, sqlite3_int64 *pnRow,
                     KioskError *pErr);

/* Same, for input already in memory. */
int kioskCsvLoadBuffer(sqlite3 *db, const char *zTable, const char *zName,
                       const char *z, size_t n, sqlite3_int64 *pnRow,
                       KioskError *pErr);

#endif
