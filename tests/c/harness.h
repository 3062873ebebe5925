/*
** harness.h: the few macros the C unit tests share. Each test program
** counts checks and failures, prints every failure with its line, and
** returns non-zero from main when anything failed.
*/
#ifndef KIOSK_HARNESS_H
#define KIOSK_HARNESS_H

#include <stdio.h>
#include <string.h>

static int nCheck = 0;
static int nFail = 0;

#define CHECK(cond) do{ nCheck++; if(!(cond)){ nFail++; \
  fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
}while(0)

#define CHECK_STR(got, want) do{ const char *g_ = (got), *w_ = (want); \
  nCheck++; if( g_==0 || strcmp(g_, w_)!=0 ){ nFail++; \
  fprintf(stderr, "%s:%d: got \"%s\"\n%*s  want \"%s\"\n", __FILE__, \
          __LINE__, g_ ? g_ : "(null)", (int)strlen(__FILE__)+5, "", w_); } \
}while(0)

#define CHECK_INT(got, want) do{ long long g_ = (got), w_ = (want); \
  nCheck++; if( g_!=w_ ){ nFail++; \
  fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, \
          #got, g_, w_); } \
}while(0)

/* Print the totals in the form CI reads and return main's status. */
#define HARNESS_DONE(zName) ( \
  printf("%s: %d passed, %d failed\n", zName, nCheck-nFail, nFail), \
  nFail ? 1 : 0 )

#endif
