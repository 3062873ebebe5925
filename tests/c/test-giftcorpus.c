/*
** test-giftcorpus.c: how much of real-world GIFT the kiosk keeps.
**
** Reads every .gift file of tests/fixtures/gift-real (see its README.md),
** counts the question blocks and those read into a question, and checks:
**   - at least 95% of the questions are kept (the goal);
**   - every question left out has an error with its line and column;
**   - every kept question written back as GIFT reads back the same, every
**     field (GIFT -> pack -> GIFT keeps it all), and so does its JSON as
**     the records store it (qjson.h);
**   - a file holding only categories is refused (EMPTY), nothing written.
** Prints "gift-real: K of N questions kept (P%)" so the share can be read
** off the test log: `make check TESTS=tests/c/test-giftcorpus` then
** `cat tests/c/test-giftcorpus.log`.
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "harness.h"
#include "qsame.h"
#include "gift.h"
#include "pack.h"
#include "qjson.h"

static int nTotal = 0, nKept = 0;
static sqlite3 *db = 0;     /* for the JSON round trip (SQLite's JSON) */

static int cmpName(const void *a, const void *b){
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void oneFile(const char *zPath, const char *zName){
  char *z = 0;
  int n = 0, i, nFileKept = 0;
  KioskError err;
  KioskSrc src;
  KioskGiftDoc doc;
  KioskErrList errs;
  memset(&doc, 0, sizeof(doc));
  memset(&errs, 0, sizeof(errs));
  kioskErrorClear(&err);
  CHECK_INT(kioskPackReadFile(zPath, &z, &n, &err), 0);
  if( z==0 ) return;
  if( kioskSrcInit(&src, zName, z, n) ){ sqlite3_free(z); nFail++; return; }
  kioskGiftParse(&src, 0, n, &doc, &errs);
  for(i=0; i<doc.nItem; i++){
    const KioskGiftItem *pItem = &doc.aItem[i];
    nTotal++;
    if( pItem->q ){
      sqlite3_str *pOut = sqlite3_str_new(0);
      char *zGift;
      KioskSrc src2;
      KioskGiftDoc doc2;
      KioskErrList errs2;
      char zWhy[128];
      nKept++;
      nFileKept++;
      {
        /* as the records store it: JSON with the answer key, and back */
        KioskQuestion *qId = kioskQuestionCopy(pItem->q);
        char *zJson;
        /* the records need an id; a pack gives it */
        sqlite3_free(qId->zId);
        qId->zId = kioskStrDup("pack:t:1");
        zJson = kioskQuestionToJson(qId, KIOSK_QJSON_KEY);
        kioskQuestionFree(qId);
        KioskQuestion *qBack = 0;
        char zWhyJ[128];
        CHECK_INT(kioskQuestionFromJson(db, zJson, &qBack, &err), 0);
        if( qBack && !questionSame(pItem->q, qBack, zWhyJ, sizeof(zWhyJ)) ){
          nFail++;
          fprintf(stderr, "%s:%d: JSON round trip: %s\n%s\n", zName,
                  pItem->iLine, zWhyJ, zJson);
        }
        kioskQuestionFree(qBack);
        sqlite3_free(zJson);
      }
      memset(&doc2, 0, sizeof(doc2));
      memset(&errs2, 0, sizeof(errs2));
      CHECK_INT(kioskGiftWrite(pOut, pItem->q, pItem->zTitle, &err), 0);
      zGift = sqlite3_str_finish(pOut);
      if( zGift && kioskSrcInit(&src2, "again.gift", zGift,
                                (int)strlen(zGift))==0 ){
        if( kioskGiftParse(&src2, 0, src2.n, &doc2, &errs2)!=0 ){
          char zErr[512];
          nFail++;
          kioskErrorFormat(&errs2.aErr[0], zErr, (int)sizeof(zErr));
          fprintf(stderr, "%s:%d: written back, does not read: %s\n%s",
                  zName, pItem->iLine, zErr, zGift);
        }
        CHECK_INT(doc2.nItem, 1);
        if( doc2.nItem==1 && doc2.aItem[0].q ){
          if( !questionSame(pItem->q, doc2.aItem[0].q, zWhy, sizeof(zWhy)) ){
            nFail++;
            fprintf(stderr, "%s:%d: round trip: %s\n%s", zName,
                    pItem->iLine, zWhy, zGift);
          }
          CHECK(strSame(pItem->zTitle, doc2.aItem[0].zTitle));
        }
        kioskGiftDocReset(&doc2);
        kioskErrListReset(&errs2);
        kioskSrcFree(&src2);
      }
      sqlite3_free(zGift);
    }else{
      /* left out: reported by line and column */
      CHECK(pItem->nErr>0);
      if( pItem->nErr>0 ){
        const KioskError *e = &errs.aErr[pItem->iFirstErr];
        CHECK(e->iLine>0 && e->iCol>0);
        printf("  left out: %s:%d:%d: %s\n", zName, e->iLine, e->iCol,
               e->zMsg);
      }
    }
  }
  printf("%s: %d of %d kept\n", zName, nFileKept, doc.nItem);
  kioskGiftDocReset(&doc);
  kioskErrListReset(&errs);
  kioskSrcFree(&src);
  sqlite3_free(z);
}

/* A file of categories only is refused: one EMPTY error, nothing out. */
static void testOnlyCategories(const char *zDir){
  char zPath[8192];
  char *z = 0;
  int n = 0, nSkip;
  KioskError err;
  KioskErrList errs;
  sqlite3_str *pOut = sqlite3_str_new(0);
  memset(&errs, 0, sizeof(errs));
  snprintf(zPath, sizeof(zPath), "%s/only-categories.gift", zDir);
  CHECK_INT(kioskPackReadFile(zPath, &z, &n, &err), 0);
  nSkip = kioskPackImportGift("only-categories.gift", z ? z : "", n, 0, 0,
                              pOut, &errs, 0);
  CHECK_INT(nSkip, 0);
  CHECK_INT(sqlite3_str_length(pOut), 0);
  CHECK_INT(errs.nErr, 1);
  if( errs.nErr==1 ){
    char zErr[512];
    kioskErrorFormat(&errs.aErr[0], zErr, (int)sizeof(zErr));
    CHECK_STR(zErr, "only-categories.gift:2:1: no questions to import: the "
              "file holds only $CATEGORY lines");
    CHECK_STR(errs.aErr[0].zCode, "EMPTY");
  }
  sqlite3_free(sqlite3_str_finish(pOut));
  kioskErrListReset(&errs);
  sqlite3_free(z);
}

int main(void){
  const char *zSrc = getenv("KIOSK_SRCDIR");
  char zDir[4096];
  DIR *pDir;
  struct dirent *pEnt;
  char *azName[64];
  int nName = 0, i;
  snprintf(zDir, sizeof(zDir), "%s/tests/fixtures/gift-real",
           zSrc ? zSrc : ".");
  sqlite3_open(":memory:", &db);
  pDir = opendir(zDir);
  CHECK(pDir!=0);
  while( pDir && (pEnt = readdir(pDir))!=0 && nName<64 ){
    size_t len = strlen(pEnt->d_name);
    if( len>5 && strcmp(pEnt->d_name+len-5, ".gift")==0
     && strcmp(pEnt->d_name, "only-categories.gift")!=0 ){
      azName[nName++] = kioskStrDup(pEnt->d_name);
    }
  }
  if( pDir ) closedir(pDir);
  qsort(azName, (size_t)nName, sizeof(char *), cmpName);
  for(i=0; i<nName; i++){
    char zPath[8192];
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, azName[i]);
    oneFile(zPath, azName[i]);
    sqlite3_free(azName[i]);
  }
  printf("gift-real: %d of %d questions kept (%.1f%%)\n", nKept, nTotal,
         nTotal ? 100.0*nKept/nTotal : 0.0);
  CHECK(nTotal>=100);
  CHECK(nKept*100>=nTotal*95);
  testOnlyCategories(zDir);
  sqlite3_close(db);
  return HARNESS_DONE("test-giftcorpus");
}
