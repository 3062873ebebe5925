/*
** kdate.h: KDATE, the course's date-with-precision type.
**
** A KDATE is text in one of these forms (see the top of schema.sql):
**   1992            a year
**   1991-10         a month
**   2018-10-15      a day
**   1997..1998      a range; either end may be a year, month or day
**   ~2000..2003     an approximate range ("early 2000s")
** This module parses and checks that text, formats it for people, and
** answers year questions for the quiz makers. It does not touch SQLite:
** the CSV loader calls kioskDateParse to validate a KDATE column.
*/
#ifndef KIOSK_KDATE_H
#define KIOSK_KDATE_H

typedef enum KioskDatePrec {
  KDATE_DAY = 1,    /* 2018-10-15 */
  KDATE_MONTH,      /* 1991-10 */
  KDATE_YEAR,       /* 1992 */
  KDATE_RANGE       /* a..b, with or without ~ */
} KioskDatePrec;

/* A parsed KDATE. (y0,m0,d0) is the start, (y1,m1,d1) the end; for a single
** point both are the same. m and d are 0 where the text leaves them out:
** "1997..1998-03" is {1997,0,0, 1998,3,0}. */
typedef struct KioskDate {
  int y0, m0, d0;
  int y1, m1, d1;
  KioskDatePrec ePrec;
  int bApprox;       /* 1 for "~a..b" */
} KioskDate;

/*
** Parse n bytes of z (n<0: up to the NUL) as a KDATE. Strict: no spaces, no
** signs, four-digit years 0001-9999, two-digit months and days that exist
** in the calendar, a range whose end comes after its start, "~" only in
** front of a range.
** Returns 0 and fills *pDate (which may be NULL) on success. On failure
** returns 1, sets *piCol (1-based column in characters within z, may be
** NULL) and *pzWhy (a static English phrase such as "month must be 01 to
** 12", may be NULL); *pDate is then unspecified.
*/
int kioskDateParse(const char *z, int n, KioskDate *pDate, int *piCol,
                   const char **pzWhy);

/* 1 if z (NUL-terminated) is a valid KDATE, else 0. */
int kioskDateValid(const char *z);

/*
** Format for display into zBuf (always NUL-terminated when nBuf>0):
**   1992                 "1992"
**   1991-10              "October 1991"
**   2018-10-15           "15 October 2018"
**   1997..1998           "1997-1998"
**   2015-10..2015-11     "October-November 2015"
**   2015-10-03..2015-10-05  "3-5 October 2015"
**   1997-12..1998-02     "December 1997-February 1998"
**   ~2000..2003          "c. 2000-2003"
** Returns the length written (truncated to nBuf-1).
*/
int kioskDateFormat(const KioskDate *pDate, char *zBuf, int nBuf);

/* English month name for 1..12, "" otherwise. */
const char *kioskDateMonthName(int m);

/* 1 if the date may fall in year y: y0 <= y <= y1 (an approximate range is
** taken as written). */
int kioskDateOverlapsYear(const KioskDate *pDate, int y);

/* 1 if the date is certainly not in year y, so y is a safe wrong answer:
** outside y0..y1, and for an approximate range also more than one year
** away from it (~2000..2003 does not rule out 1999 or 2004). An
** approximate range of months keeps its years: "mid-2019"
** (~2019-05..2019-07) is vague about the month, not the year. */
int kioskDateCertainlyNotYear(const KioskDate *pDate, int y);

#endif
