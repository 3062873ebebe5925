/*
** test-kerror.c: unit tests of the error report (kerror.c).
*/
#include "kerror.h"
#include "harness.h"

static void testFormat(void){
  KioskError err;
  char z[256];
  kioskErrorClear(&err);
  CHECK_INT(err.eClass, KIOSK_OK);
  CHECK_INT(kioskErrorSet(&err, KIOSK_ECSV, "NUMBER", "data/figures.csv",
                          17, 9, "amount \"%s\" is not a number", "12,x"),
            KIOSK_ECSV);
  kioskErrorFormat(&err, z, (int)sizeof(z));
  CHECK_STR(z, "data/figures.csv:17:9: amount \"12,x\" is not a number");
  CHECK_STR(kioskErrorClassName(err.eClass), "CSV");
  CHECK_STR(err.zCode, "NUMBER");

  kioskErrorSet(&err, KIOSK_EIO, 0, "x.csv", 0, 0, "cannot open");
  kioskErrorFormat(&err, z, (int)sizeof(z));
  CHECK_STR(z, "x.csv: cannot open");
  kioskErrorSet(&err, KIOSK_EPACK, 0, "p.pack", 3, 0, "bad");
  kioskErrorFormat(&err, z, (int)sizeof(z));
  CHECK_STR(z, "p.pack:3: bad");
  kioskErrorSet(&err, KIOSK_EARG, 0, 0, 0, 0, "plain");
  kioskErrorFormat(&err, z, (int)sizeof(z));
  CHECK_STR(z, "plain");
  CHECK_STR(kioskErrorClassName((KioskErrClass)999), "UNKNOWN");
  /* A NULL report is allowed and the class still comes back. */
  CHECK_INT(kioskErrorSet(0, KIOSK_EDB, 0, 0, 0, 0, "x"), KIOSK_EDB);
}

static void testTruncation(void){
  KioskError err;
  char z[16];
  kioskErrorSet(&err, KIOSK_ECSV, 0, "a.csv", 1, 1, "a long message here");
  kioskErrorFormat(&err, z, (int)sizeof(z));
  CHECK_INT((long long)strlen(z), 15);
}

int main(void){
  testFormat();
  testTruncation();
  return HARNESS_DONE("test-kerror");
}
