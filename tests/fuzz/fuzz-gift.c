/*
** fuzz-gift.c: libFuzzer target for the GIFT reader and writer (gift.c).
**
** Any input must be read without a crash, leak or undefined behaviour, and
** every question that reads must survive the round trip: written back as
** GIFT, it reads again as exactly one question, without errors, equal to
** the first (tests/c/qsame.h). A failed round trip aborts, so libFuzzer
** keeps the input. Built and run by `make fuzz`, not by `make check`.
*/
#include "gift.h"
#include "qsame.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

static void roundTrip(const KioskGiftItem *pItem){
  sqlite3_str *pOut = sqlite3_str_new(0);
  KioskError err;
  KioskSrc src;
  KioskGiftDoc doc;
  KioskErrList errs;
  char zWhy[64];
  char *z;
  int bFail = 0;

  if( kioskGiftWrite(pOut, pItem->q, pItem->zTitle, &err) ){
    /* The reader never makes a question the writer refuses. */
    fprintf(stderr, "fuzz-gift: cannot write a question it read: %s\n",
            err.zMsg);
    abort();
  }
  z = sqlite3_str_finish(pOut);
  if( z==0 ) return;                       /* out of memory */
  memset(&doc, 0, sizeof(doc));
  memset(&errs, 0, sizeof(errs));
  if( kioskSrcInit(&src, "again", z, (int)strlen(z))==0 ){
    kioskGiftParse(&src, 0, src.n, &doc, &errs);
    if( errs.nErr==0 && (doc.nItem!=1 || doc.aItem[0].q==0) ) bFail = 1;
    if( errs.nErr>0 && strcmp(errs.aErr[0].zCode, "NOMEM")!=0 ) bFail = 1;
    if( !bFail && errs.nErr==0
     && !questionSame(pItem->q, doc.aItem[0].q, zWhy, (int)sizeof(zWhy)) ){
      bFail = 1;
    }else{
      zWhy[0] = 0;
    }
    if( !bFail && errs.nErr==0
     && !strSame(pItem->zTitle, doc.aItem[0].zTitle) ){
      bFail = 1;
      snprintf(zWhy, sizeof(zWhy), "title differs");
    }
    if( bFail ){
      fprintf(stderr, "fuzz-gift: round trip failed (%s%s%s):\n%s\n", zWhy,
              errs.nErr ? " error: " : "", errs.nErr ? errs.aErr[0].zMsg : "",
              z);
      abort();
    }
    kioskSrcFree(&src);
  }
  kioskGiftDocReset(&doc);
  kioskErrListReset(&errs);
  sqlite3_free(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  KioskSrc src;
  KioskGiftDoc doc;
  KioskErrList errs;
  int i;
  if( nData>65536 ) return 0;
  memset(&doc, 0, sizeof(doc));
  memset(&errs, 0, sizeof(errs));
  if( kioskSrcInit(&src, "fuzz.gift", (const char *)aData, (int)nData) ){
    return 0;
  }
  kioskSrcCheckText(&src, 0, src.n, KIOSK_EGIFT, &errs);
  kioskGiftParse(&src, 0, src.n, &doc, &errs);
  for(i=0; i<doc.nItem; i++){
    if( doc.aItem[i].q ) roundTrip(&doc.aItem[i]);
  }
  kioskGiftDocReset(&doc);
  kioskErrListReset(&errs);
  kioskSrcFree(&src);
  return 0;
}
