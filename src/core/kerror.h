/*
** kerror.h: the error report every core function fills on failure.
**
** The core never prints and never knows about Tcl. A failing function fills
** a KioskError (message, file, line, column, class and detail code) and
** returns non-zero; the Tcl binding turns it into the interpreter result and
** -errorcode {KIOSK <class> <code>}, kioskctl prints it like a compiler.
*/
#ifndef KIOSK_KERROR_H
#define KIOSK_KERROR_H

#include <stdarg.h>

/* Error classes: the second word of the Tcl -errorcode. */
typedef enum KioskErrClass {
  KIOSK_OK = 0,
  KIOSK_ECSV,       /* malformed CSV or a value that breaks the schema */
  KIOSK_ECOURSE,    /* a course folder that does not hold together */
  KIOSK_ELESSON,    /* lesson markup or a dangling lesson reference */
  KIOSK_EQUIZ,      /* quiz generation or scoring */
  KIOSK_EPACK,      /* quiz pack settings and rules */
  KIOSK_EGIFT,      /* GIFT syntax */
  KIOSK_ERECORDS,   /* learner records */
  KIOSK_EDB,        /* SQLite itself */
  KIOSK_EIO,        /* files */
  KIOSK_EARG,       /* a bad argument from the caller */
  KIOSK_ENOMEM,
  KIOSK_ECLASS      /* the class server (PostgreSQL) and class sync */
} KioskErrClass;

typedef struct KioskError {
  KioskErrClass eClass;
  char zCode[32];      /* detail code, e.g. "UTF8", "FIELDS"; "" if none */
  char zFile[512];     /* "" when the error is not about a file */
  int iLine;           /* 1-based physical line, 0 if none */
  int iCol;            /* 1-based column in characters, 0 if none */
  char zMsg[1024];     /* the message alone, without position */
} KioskError;

/* Reset to "no error". */
void kioskErrorClear(KioskError *pErr);

/* Fill pErr. zFile may be NULL; iLine/iCol 0 when unknown. Always returns
** the class, so callers can write `return kioskErrorSet(...)`. pErr may be
** NULL, then nothing is recorded. */
int kioskErrorSet(KioskError *pErr, KioskErrClass eClass, const char *zCode,
                  const char *zFile, int iLine, int iCol,
                  const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 7, 8)))
#endif
  ;

/* Format "file:line:col: message" (parts omitted when absent) into zBuf. */
void kioskErrorFormat(const KioskError *pErr, char *zBuf, int nBuf);

/* "CSV", "COURSE", ...: the class name used in -errorcode. */
const char *kioskErrorClassName(KioskErrClass eClass);

#endif
