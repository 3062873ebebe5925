/*
** test-moodlexml.c: Moodle XML import and export (moodlexml.c, and the
** pack import/export over it in pack.c).
**
** tests/fixtures/moodle-xml/questions.xml holds one question of every
** type the kiosk reads, in Moodle's documented structure, plus two it
** cannot (a calculated question, an HTML table). Checked: the fields read;
** the errors by line and column; XML -> XML and XML -> pack -> XML keep
** every field; malformed XML is one error at its position.
*/
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "harness.h"
#include "qsame.h"
#include "moodlexml.h"
#include "pack.h"
#include "score.h"
#include "qjson.h"

static char *zFixture = 0;
static int nFixture = 0;

typedef struct X {
  KioskGiftDoc doc;
  KioskErrList errs;
} X;

static int xparse(X *x, const char *zName, const char *z, int n){
  memset(x, 0, sizeof(*x));
  return kioskMoodleXmlParse(zName, z, n, &x->doc, &x->errs);
}
static void xfree(X *x){
  kioskGiftDocReset(&x->doc);
  kioskErrListReset(&x->errs);
}

/* The fixture's kept questions by title. */
static const KioskQuestion *byTitle(const X *x, const char *zTitle){
  int i;
  for(i=0; i<x->doc.nItem; i++){
    const KioskGiftItem *p = &x->doc.aItem[i];
    if( p->zTitle && strcmp(p->zTitle, zTitle)==0 ) return p->q;
  }
  return 0;
}

static void testRead(void){
  X x;
  const KioskQuestion *q;
  char zErr[512];
  CHECK_INT(xparse(&x, "questions.xml", zFixture, nFixture), 2);
  CHECK_INT(x.doc.nItem, 12);
  if( x.errs.nErr==2 ){
    kioskErrorFormat(&x.errs.aErr[0], zErr, (int)sizeof(zErr));
    CHECK_STR(zErr, "questions.xml:139:3: question type \"calculated\" is not "
              "supported by the kiosk (multichoice, truefalse, shortanswer, "
              "numerical, matching, essay, description)");
    kioskErrorFormat(&x.errs.aErr[1], zErr, (int)sizeof(zErr));
    CHECK_STR(zErr, "questions.xml:146:5: HTML <table> cannot be shown by "
              "the kiosk; only simple markup (p, br, b, i, em, strong, span, "
              "a, img...) is turned into text");
  }
  q = byTitle(&x, "Longest river");
  CHECK(q!=0);
  if( q ){
    CHECK_INT(q->eKind, KQ_CHOICE);
    CHECK_STR(q->zPrompt, "Which is the longest river in Africa?");
    CHECK_STR(q->zFeedbackWrong, "It is about 6,650 km long.");
    CHECK(q->rPoints==2.0);
    CHECK_STR(q->zIdNumber, "riv-01");
    CHECK_INT(q->nTag, 2);
    CHECK_STR(q->zComment, "question: 201");
    CHECK_INT(q->nOption, 3);
    if( q->nOption==3 ){
      CHECK_STR(q->aOption[0].zText, "Nile");
      CHECK_STR(q->aOption[0].zFeedback, "Yes.");
      CHECK_STR(q->aOption[2].zText, "Niger & Benue");
      CHECK(q->aOption[2].zFeedback==0);
    }
    CHECK_STR(x.doc.aItem[0].zCategory, "$course$/top/Rivers");
  }
  q = byTitle(&x, "Two rivers");
  if( q ){
    CHECK_INT(q->eKind, KQ_MULTI);
    CHECK(q->aOption[2].rCredit==-1.0);
  }
  q = byTitle(&x, "Delta");
  if( q ){
    CHECK_INT(q->eKind, KQ_TF);
    CHECK(q->aOption[0].rCredit==1.0);
    CHECK_STR(q->aOption[1].zFeedback, "Look at a map of Egypt.");
  }
  q = byTitle(&x, "Capital on the Nile");
  if( q ){
    CHECK_INT(q->eKind, KQ_TEXT);
    CHECK_INT(q->nAccept, 3);
    CHECK(q->arAccept[1]==0.5);
    CHECK_STR(q->azAccept[2], "*");
  }
  q = byTitle(&x, "Aswan dam");
  if( q ){
    CHECK_INT(q->eKind, KQ_NUMBER);
    CHECK_INT(q->nNum, 3);
    CHECK(q->rValue==1970);
    if( q->nNum==3 ) CHECK(q->aNum[2].bAny);
  }
  q = byTitle(&x, "Length");
  if( q ){
    CHECK_INT(q->nNum, 0);
    CHECK(q->rValue==6.6 && q->rTol==0.2);
  }
  q = byTitle(&x, "Sources");
  if( q ){
    CHECK_INT(q->nPair, 2);
    CHECK_INT(q->nDistract, 1);
    CHECK_STR(q->aPair[0].zLeft, "White Nile");
  }
  q = byTitle(&x, "Floods");
  if( q ){
    CHECK_INT(q->eKind, KQ_ESSAY);
    CHECK(q->rPoints==3.0);
  }
  /* an image carried in the XML (<file> beside the text) */
  q = byTitle(&x, "Map");
  CHECK(q!=0);
  if( q ){
    CHECK_STR(q->zImage, "sea.png");
    CHECK_STR(q->zImageAlt, "A small map");
    CHECK(q->zImageData && strncmp(q->zImageData, "iVBORw0KGgo", 11)==0);
    CHECK_STR(q->zPrompt, "Which sea is blue on this map?");
  }
  q = byTitle(&x, "Read first");
  if( q ){
    CHECK_INT(q->eKind, KQ_DESC);
    CHECK_STR(q->zPrompt, "The next questions are about the Nile basin "
              "(https://example.org/nile).");
  }
  xfree(&x);
}

/* Every kept question of doc a is in doc b, same fields, same titles. */
static void sameDocs(const KioskGiftDoc *a, const KioskGiftDoc *b,
                     const char *zWhat){
  int i, j = 0;
  for(i=0; i<a->nItem; i++){
    char zWhy[128];
    const KioskGiftItem *pa = &a->aItem[i];
    if( pa->q==0 ) continue;
    while( j<b->nItem && b->aItem[j].q==0 ) j++;
    if( j>=b->nItem ){
      nFail++;
      fprintf(stderr, "%s: %s missing\n", zWhat, pa->zTitle);
      return;
    }
    nCheck++;
    if( !questionSame(pa->q, b->aItem[j].q, zWhy, sizeof(zWhy)) ){
      nFail++;
      fprintf(stderr, "%s: %s: %s\n", zWhat, pa->zTitle, zWhy);
    }
    CHECK(strSame(pa->zTitle, b->aItem[j].zTitle));
    j++;
  }
}

/* XML -> XML, and XML -> pack -> XML, keep every field. */
static void testRoundTrips(void){
  X x, y, z3;
  sqlite3_str *pOut = sqlite3_str_new(0);
  char *zXml, *zPack;
  KioskError err;
  KioskErrList errs;
  KioskPack *p = 0;
  int i;
  memset(&errs, 0, sizeof(errs));
  xparse(&x, "questions.xml", zFixture, nFixture);

  kioskMoodleXmlBegin(pOut, "again");
  for(i=0; i<x.doc.nItem; i++){
    if( x.doc.aItem[i].q ){
      CHECK_INT(kioskMoodleXmlWrite(pOut, x.doc.aItem[i].q,
                                    x.doc.aItem[i].zTitle, &err), 0);
    }
  }
  kioskMoodleXmlEnd(pOut);
  zXml = sqlite3_str_finish(pOut);
  CHECK_INT(xparse(&y, "again.xml", zXml, (int)strlen(zXml)), 0);
  CHECK_INT(y.doc.nItem, 10);
  sameDocs(&x.doc, &y.doc, "XML -> XML");
  {
    /* as the records store them: JSON with the key, and back (the image's
    ** bytes too) */
    sqlite3 *db = 0;
    sqlite3_open(":memory:", &db);
    for(i=0; i<x.doc.nItem; i++){
      KioskQuestion *qBack = 0;
      char *zJson;
      char zWhy[128];
      if( x.doc.aItem[i].q==0 ) continue;
      {
        KioskQuestion *qId = kioskQuestionCopy(x.doc.aItem[i].q);
        sqlite3_free(qId->zId);
        qId->zId = kioskStrDup("pack:t:1");
        zJson = kioskQuestionToJson(qId, KIOSK_QJSON_KEY);
        kioskQuestionFree(qId);
      }
      CHECK_INT(kioskQuestionFromJson(db, zJson, &qBack, &err), 0);
      nCheck++;
      if( qBack==0 || !questionSame(x.doc.aItem[i].q, qBack, zWhy,
                                    sizeof(zWhy)) ){
        nFail++;
        fprintf(stderr, "JSON: %s: %s\n", x.doc.aItem[i].zTitle,
                qBack ? zWhy : "not read");
      }
      kioskQuestionFree(qBack);
      sqlite3_free(zJson);
    }
    sqlite3_close(db);
  }
  xfree(&y);
  sqlite3_free(zXml);

  /* through a pack: the pack parses clean, holds the same questions,
  ** and exports to the same XML questions */
  pOut = sqlite3_str_new(0);
  CHECK_INT(kioskPackImportXml("questions.xml", zFixture, nFixture, 0, 0,
                               pOut, &errs, 0), 2);
  zPack = sqlite3_str_finish(pOut);
  kioskErrListReset(&errs);
  CHECK_INT(kioskPackParse("questions.pack", zPack, (int)strlen(zPack), &p,
                           &errs), 0);
  if( p ){
    CHECK_INT(p->nQuestion, 10);
    sameDocs(&x.doc, &p->doc, "XML -> pack");
    pOut = sqlite3_str_new(0);
    CHECK_INT(kioskPackExportXml(p, 0, 0, pOut, &err), 0);
    zXml = sqlite3_str_finish(pOut);
    CHECK_INT(xparse(&z3, "export.xml", zXml, (int)strlen(zXml)), 0);
    sameDocs(&x.doc, &z3.doc, "XML -> pack -> XML");
    CHECK_STR(z3.doc.aItem[0].zCategory, "$course$/top/Rivers");
    xfree(&z3);
    sqlite3_free(zXml);
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);
  sqlite3_free(zPack);
  xfree(&x);
}

static void testErrors(void){
  static const struct { const char *zIn, *zErr; } aCase[] = {
    { "<quiz>\n<question type=\"truefalse\">\n</quiz>\n",
      "e.xml:3:3: mismatched tag" },
    { "<?xml version=\"1.0\"?>\n<questions/>\n",
      "e.xml:2:1: not Moodle XML: the top element is <questions>, not <quiz>" },
    { "", "e.xml:1:1: no element found" },
    { "<quiz><question type=\"truefalse\"><questiontext><text>x</text>"
      "</questiontext><answer fraction=\"100\"><text>yes</text></answer>"
      "</question></quiz>",
      "e.xml:1:77: a true/false answer is \"true\" or \"false\", each once, "
      "not \"yes\"" },
    { "<quiz><question type=\"numerical\"><questiontext><text>x</text>"
      "</questiontext><answer fraction=\"100\"><text>ten</text></answer>"
      "</question></quiz>",
      "e.xml:1:77: answer \"ten\" is not a number (or * for any other)" },
    { "<quiz><question type=\"multichoice\"><questiontext><text>x</text>"
      "</questiontext><answer fraction=\"lots\"><text>a</text></answer>"
      "</question></quiz>",
      "e.xml:1:79: fraction \"lots\" is not a number" },
  };
  size_t i;
  for(i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    X x;
    char zErr[512] = "";
    xparse(&x, "e.xml", aCase[i].zIn, (int)strlen(aCase[i].zIn));
    if( x.errs.nErr>0 ){
      kioskErrorFormat(&x.errs.aErr[0], zErr, (int)sizeof(zErr));
    }
    CHECK_STR(zErr, aCase[i].zErr);
    xfree(&x);
  }
  /* a file of categories only is refused, as with GIFT */
  {
    static const char zCat[] = "<quiz><question type=\"category\"><category>"
      "<text>$course$/top/x</text></category></question></quiz>";
    KioskErrList errs;
    sqlite3_str *pOut = sqlite3_str_new(0);
    memset(&errs, 0, sizeof(errs));
    CHECK_INT(kioskPackImportXml("c.xml", zCat, (int)strlen(zCat), 0, 0, pOut,
                                 &errs, 0), 0);
    CHECK_INT(sqlite3_str_length(pOut), 0);
    CHECK_INT(errs.nErr, 1);
    if( errs.nErr ) CHECK_STR(errs.aErr[0].zCode, "EMPTY");
    sqlite3_free(sqlite3_str_finish(pOut));
    kioskErrListReset(&errs);
  }
}

int main(void){
  const char *zSrc = getenv("KIOSK_SRCDIR");
  char zPath[4096];
  KioskError err;
  snprintf(zPath, sizeof(zPath), "%s/tests/fixtures/moodle-xml/questions.xml",
           zSrc ? zSrc : ".");
  CHECK_INT(kioskPackReadFile(zPath, &zFixture, &nFixture, &err), 0);
  if( zFixture ){
    testRead();
    testRoundTrips();
  }
  testErrors();
  sqlite3_free(zFixture);
  return HARNESS_DONE("test-moodlexml");
}
