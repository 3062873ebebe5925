/*
** test-kdate.c: unit tests of KDATE parsing, formatting and year questions.
*/
#include "kdate.h"
#include "harness.h"

/* Parse z and return its display form ("" and a failed check if invalid). */
static const char *fmt(const char *z){
  static char zBuf[128];
  KioskDate d;
  zBuf[0] = 0;
  if( kioskDateParse(z, -1, &d, 0, 0) ) return "(invalid)";
  kioskDateFormat(&d, zBuf, (int)sizeof(zBuf));
  return zBuf;
}

static void testForms(void){
  KioskDate d;
  CHECK_INT(kioskDateParse("1992", -1, &d, 0, 0), 0);
  CHECK_INT(d.ePrec, KDATE_YEAR);
  CHECK_INT(d.y0, 1992); CHECK_INT(d.y1, 1992);
  CHECK_INT(d.m0, 0); CHECK_INT(d.bApprox, 0);

  CHECK_INT(kioskDateParse("1991-10", -1, &d, 0, 0), 0);
  CHECK_INT(d.ePrec, KDATE_MONTH);
  CHECK_INT(d.m0, 10); CHECK_INT(d.m1, 10); CHECK_INT(d.d0, 0);

  CHECK_INT(kioskDateParse("2018-10-15", -1, &d, 0, 0), 0);
  CHECK_INT(d.ePrec, KDATE_DAY);
  CHECK_INT(d.d0, 15); CHECK_INT(d.d1, 15);

  CHECK_INT(kioskDateParse("1997..1998", -1, &d, 0, 0), 0);
  CHECK_INT(d.ePrec, KDATE_RANGE);
  CHECK_INT(d.y0, 1997); CHECK_INT(d.y1, 1998);

  CHECK_INT(kioskDateParse("2015-10..2015-11", -1, &d, 0, 0), 0);
  CHECK_INT(d.ePrec, KDATE_RANGE);
  CHECK_INT(d.m0, 10); CHECK_INT(d.m1, 11);

  CHECK_INT(kioskDateParse("~2000..2003", -1, &d, 0, 0), 0);
  CHECK_INT(d.ePrec, KDATE_RANGE);
  CHECK_INT(d.bApprox, 1);
  CHECK_INT(d.y0, 2000); CHECK_INT(d.y1, 2003);

  CHECK_INT(kioskDateParse("~2019-05..2019-07", -1, &d, 0, 0), 0);
  CHECK_INT(d.bApprox, 1); CHECK_INT(d.m0, 5); CHECK_INT(d.m1, 7);

  CHECK_INT(kioskDateParse("1997-12..1998", -1, &d, 0, 0), 0);
  CHECK_INT(kioskDateParse("2000-02-29", -1, &d, 0, 0), 0);
  /* n limits the text: the tail is not read. */
  CHECK_INT(kioskDateParse("1992xyz", 4, &d, 0, 0), 0);
  CHECK_INT(d.y0, 1992);
  CHECK_INT(kioskDateValid("1992"), 1);
  CHECK_INT(kioskDateValid("1992-13"), 0);
}

/* Check that z fails at column iCol with reason zWhy. */
static void bad(const char *z, int iCol, const char *zWhy, int iLine){
  int col = -1;
  const char *zGot = 0;
  int rc = kioskDateParse(z, -1, 0, &col, &zGot);
  nCheck++;
  if( rc!=1 || col!=iCol || zGot==0 || strcmp(zGot, zWhy)!=0 ){
    nFail++;
    fprintf(stderr, "%s:%d: \"%s\": got rc=%d col=%d \"%s\", want col=%d \"%s\"\n",
            __FILE__, iLine, z, rc, col, zGot ? zGot : "(null)", iCol, zWhy);
  }
}
#define BAD(z, col, why) bad(z, col, why, __LINE__)

static void testErrors(void){
  BAD("", 1, "empty date");
  BAD("92", 1, "year must be four digits");
  BAD("199", 1, "year must be four digits");
  BAD("19920", 1, "year must be four digits");
  BAD("0000", 1, "year 0000 does not exist");
  BAD(" 1992", 1, "year must be four digits");
  BAD("1992 ", 5, "expected \"..\" or the end of the date");
  BAD("1992-1", 6, "month must be two digits");
  BAD("1992-", 6, "month must be two digits");
  BAD("1992-13", 6, "month must be 01 to 12");
  BAD("1992-00", 6, "month must be 01 to 12");
  BAD("1992-10-5", 9, "day must be two digits");
  BAD("1992-10-32", 9, "no such day in that month");
  BAD("1999-02-29", 9, "no such day in that month");
  BAD("1900-02-29", 9, "no such day in that month");
  BAD("1992/10", 5, "expected \"..\" or the end of the date");
  BAD("1992.1993", 5, "expected \"..\" or the end of the date");
  BAD("1992..", 7, "year must be four digits");
  BAD("1998..1997", 7, "range end must come after its start");
  BAD("1997..1997", 7, "range end must come after its start");
  BAD("1997..1997-05", 7, "range end must come after its start");
  BAD("2015-11..2015-10", 10, "range end must come after its start");
  BAD("1997..1998x", 11, "unexpected text after the date");
  BAD("1997..1998..1999", 11, "unexpected text after the date");
  BAD("~2000", 1, "\"~\" needs a range, as in ~2000..2003");
  BAD("~~2000..2003", 2, "year must be four digits");
  BAD("-1992", 1, "year must be four digits");
  BAD("+1992", 1, "year must be four digits");
  BAD("12x", 1, "year must be four digits");
  /* The column counts characters, not bytes. */
  BAD("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 1, "year must be four digits");
  BAD("1992-\xc3\xa9", 6, "month must be two digits");
  BAD("1992..\xc3\xa9\xc3\xa9x", 7, "year must be four digits");
  {
    /* NULL out-pointers are allowed. */
    CHECK_INT(kioskDateParse("nope", -1, 0, 0, 0), 1);
    CHECK_INT(kioskDateParse(0, 0, 0, 0, 0), 1);
  }
}

static void testFormat(void){
  CHECK_STR(fmt("1992"), "1992");
  CHECK_STR(fmt("1991-10"), "October 1991");
  CHECK_STR(fmt("2018-10-15"), "15 October 2018");
  CHECK_STR(fmt("1997..1998"), "1997-1998");
  CHECK_STR(fmt("2015-10..2015-11"), "October-November 2015");
  CHECK_STR(fmt("2015-10-03..2015-10-05"), "3-5 October 2015");
  CHECK_STR(fmt("1997-12..1998-02"), "December 1997-February 1998");
  CHECK_STR(fmt("1997..1998-03"), "1997-March 1998");
  CHECK_STR(fmt("~2000..2003"), "c. 2000-2003");
  CHECK_STR(fmt("~2019-05..2019-07"), "c. May-July 2019");
  CHECK_STR(kioskDateMonthName(1), "January");
  CHECK_STR(kioskDateMonthName(13), "");
  {
    /* Truncation keeps the buffer terminated and reports what fits. */
    KioskDate d;
    char z[6];
    kioskDateParse("2018-10-15", -1, &d, 0, 0);
    CHECK_INT(kioskDateFormat(&d, z, (int)sizeof(z)), 5);
    CHECK_STR(z, "15 Oc");
  }
}

static void testYears(void){
  KioskDate d;
  kioskDateParse("1997..1998", -1, &d, 0, 0);
  CHECK_INT(kioskDateOverlapsYear(&d, 1996), 0);
  CHECK_INT(kioskDateOverlapsYear(&d, 1997), 1);
  CHECK_INT(kioskDateOverlapsYear(&d, 1998), 1);
  CHECK_INT(kioskDateOverlapsYear(&d, 1999), 0);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 1996), 1);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 1997), 0);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 1999), 1);

  kioskDateParse("~2000..2003", -1, &d, 0, 0);
  CHECK_INT(kioskDateOverlapsYear(&d, 1999), 0);
  CHECK_INT(kioskDateOverlapsYear(&d, 2001), 1);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 1999), 0);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 2004), 0);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 1998), 1);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 2005), 1);

  kioskDateParse("1991-10", -1, &d, 0, 0);
  CHECK_INT(kioskDateOverlapsYear(&d, 1991), 1);
  CHECK_INT(kioskDateCertainlyNotYear(&d, 1992), 1);
}

int main(void){
  testForms();
  testErrors();
  testFormat();
  testYears();
  return HARNESS_DONE("test-kdate");
}
