/*
** fuzz-pack.c: libFuzzer target for the quiz pack reader and the GIFT
** import/export (pack.c).
**
** Each input is read as a pack (every error collected; a pack without
** errors and without rules is exported as GIFT, which must then import
** again without a single error), and as a GIFT file to import: the pack
** text an import writes must always read back without errors, whatever
** the input (questions it could not represent are kept as comments).
** Failures abort, so libFuzzer keeps the input. Built and run by
** `make fuzz`, not by `make check`.
*/
#include "pack.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

/* Read the pack text z; abort on any error except an empty pack. */
static void mustRead(const char *zWhat, const char *z){
  KioskErrList errs;
  KioskPack *p = 0;
  int i;
  memset(&errs, 0, sizeof(errs));
  kioskPackParse("again.pack", z, (int)strlen(z), &p, &errs);
  for(i=0; i<errs.nErr; i++){
    if( strcmp(errs.aErr[i].zCode, "EMPTY")==0 ) continue;
    if( strcmp(errs.aErr[i].zCode, "NOMEM")==0 ) continue;
    fprintf(stderr, "fuzz-pack: %s does not read back: %d:%d: %s\n%s\n",
            zWhat, errs.aErr[i].iLine, errs.aErr[i].iCol, errs.aErr[i].zMsg,
            z);
    abort();
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  const char *z = (const char *)aData;
  KioskErrList errs;
  KioskPack *p = 0;
  sqlite3_str *pOut;
  char *zOut;
  int n = (int)nData;

  if( nData>65536 ) return 0;
  memset(&errs, 0, sizeof(errs));

  /* As a pack. */
  kioskPackParse("fuzz.pack", z, n, &p, &errs);
  if( p && kioskErrListCount(&errs)==0 && p->nRule==0 ){
    KioskError err;
    KioskErrList errs2;
    int nSkip;
    pOut = sqlite3_str_new(0);
    if( kioskPackExportGift(p, 0, 0, pOut, &err) ){
      fprintf(stderr, "fuzz-pack: cannot export a pack it read: %s\n",
              err.zMsg);
      abort();
    }
    zOut = sqlite3_str_finish(pOut);
    if( zOut ){
      sqlite3_str *pPack = sqlite3_str_new(0);
      char *zPack;
      memset(&errs2, 0, sizeof(errs2));
      nSkip = kioskPackImportGift("export.gift", zOut, (int)strlen(zOut),
                                  0, 0, pPack, &errs2, 0);
      zPack = sqlite3_str_finish(pPack);
      if( nSkip>0 || (errs2.nErr>0 && strcmp(errs2.aErr[0].zCode, "NOMEM")) ){
        fprintf(stderr, "fuzz-pack: its own export does not import: %s\n%s\n",
                errs2.nErr ? errs2.aErr[0].zMsg : "", zOut);
        abort();
      }
      if( zPack ) mustRead("the import of an export", zPack);
      sqlite3_free(zPack);
      kioskErrListReset(&errs2);
    }
    sqlite3_free(zOut);
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);

  /* As a GIFT file to import. */
  pOut = sqlite3_str_new(0);
  if( kioskPackImportGift("fuzz.gift", z, n, 0, 0, pOut, &errs, 0)>=0 ){
    zOut = sqlite3_str_finish(pOut);
    if( zOut ) mustRead("an imported pack", zOut);
    sqlite3_free(zOut);
  }else{
    sqlite3_free(sqlite3_str_finish(pOut));
  }
  kioskErrListReset(&errs);
  return 0;
}
