/*
** test-gift.c: unit tests of the GIFT reader and writer (gift.c): every
** question type, every escape, every error with its exact position, and
** the round trip read -> write -> read.
*/
#include "gift.h"
#include "harness.h"
#include "qsame.h"
#include "score.h"

#include <stdlib.h>

typedef struct G {
  KioskSrc src;
  KioskGiftDoc doc;
  KioskErrList errs;
  char zErr[2048];       /* the first error, formatted */
} G;

/* Read z as the GIFT file "t.gift"; returns the number of errors. */
static int gparse(G *g, const char *z){
  int n;
  memset(g, 0, sizeof(*g));
  kioskSrcInit(&g->src, "t.gift", z, (int)strlen(z));
  kioskSrcCheckText(&g->src, 0, g->src.n, KIOSK_EGIFT, &g->errs);
  n = kioskGiftParse(&g->src, 0, g->src.n, &g->doc, &g->errs);
  n += 0;
  if( g->errs.nErr>0 ){
    kioskErrorFormat(&g->errs.aErr[0], g->zErr, (int)sizeof(g->zErr));
  }
  return kioskErrListCount(&g->errs);
}

static void gfree(G *g){
  kioskGiftDocReset(&g->doc);
  kioskErrListReset(&g->errs);
  kioskSrcFree(&g->src);
}

/* The only question of z (NULL, and a failed check, when z does not read
** as exactly one question without errors). Caller frees with gfree. */
static const KioskQuestion *one(G *g, const char *z, int iLine){
  int nErr = gparse(g, z);
  if( nErr || g->doc.nItem!=1 || g->doc.aItem[0].q==0 ){
    nCheck++;
    nFail++;
    fprintf(stderr, "%s:%d: expected one question, got %d items, %d "
            "errors: %s\n", __FILE__, iLine, g->doc.nItem, nErr, g->zErr);
    return 0;
  }
  return g->doc.aItem[0].q;
}
#define ONE(g, z) one(g, z, __LINE__)

/* GIFT text for q. */
static char *gwrite(const KioskQuestion *q, const char *zTitle){
  sqlite3_str *p = sqlite3_str_new(0);
  KioskError err;
  if( kioskGiftWrite(p, q, zTitle, &err) ){
    sqlite3_free(sqlite3_str_finish(p));
    return 0;
  }
  return sqlite3_str_finish(p);
}

/* Write q, read it back, and check it is the same question. */
static void roundTrip(const KioskQuestion *q, const char *zTitle, int iLine){
  char *z = gwrite(q, zTitle);
  char zWhy[64];
  G g2;
  nCheck++;
  if( z==0 ){
    nFail++;
    fprintf(stderr, "%s:%d: write failed\n", __FILE__, iLine);
    return;
  }
  if( gparse(&g2, z) || g2.doc.nItem!=1 || g2.doc.aItem[0].q==0 ){
    nFail++;
    fprintf(stderr, "%s:%d: written GIFT does not read back: %s\n%s\n",
            __FILE__, iLine, g2.zErr, z);
  }else if( !questionSame(q, g2.doc.aItem[0].q, zWhy, (int)sizeof(zWhy)) ){
    nFail++;
    fprintf(stderr, "%s:%d: round trip: %s\n%s\n", __FILE__, iLine, zWhy, z);
  }else if( !strSame(zTitle, g2.doc.aItem[0].zTitle) ){
    nFail++;
    fprintf(stderr, "%s:%d: round trip: title differs\n", __FILE__, iLine);
  }
  gfree(&g2);
  sqlite3_free(z);
}
#define ROUND(q, t) roundTrip(q, t, __LINE__)

static void testChoice(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "::Q1:: Who is buried in Grant's tomb?"
              "{~Grant ~Jefferson =no one#Right, nobody.}\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_CHOICE);
    CHECK_STR(q->zPrompt, "Who is buried in Grant's tomb?");
    CHECK_STR(g.doc.aItem[0].zTitle, "Q1");
    CHECK_INT(q->nOption, 3);
    CHECK_STR(q->aOption[0].zText, "Grant");
    CHECK(q->aOption[0].rCredit==0.0);
    CHECK(q->aOption[0].zFeedback==0);
    CHECK_STR(q->aOption[2].zText, "no one");
    CHECK(q->aOption[2].rCredit==1.0);
    CHECK_STR(q->aOption[2].zFeedback, "Right, nobody.");
    CHECK_STR(q->zAnswer, "no one");
    CHECK_STR(q->zTopic, "hand");
    CHECK(q->zId==0);
    CHECK_INT(g.doc.aItem[0].iLine, 1);
    CHECK_INT(g.doc.aItem[0].iCol, 1);
    ROUND(q, "Q1");
  }
  gfree(&g);

  /* answers on their own lines, partial credit with one = answer */
  q = ONE(&g, "Which year?\n{\n  =1992 # yes\n  ~%50%1993#close\n  ~1991\n"
              "  #### Watanabe went in 1992.\n}\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_CHOICE);
    CHECK_STR(q->aOption[0].zFeedback, "yes");
    CHECK(q->aOption[1].rCredit==0.5);
    CHECK_STR(q->zFeedbackWrong, "Watanabe went in 1992.");
    ROUND(q, 0);
  }
  gfree(&g);

  /* missing word */
  q = ONE(&g, "Grant is {~buried =entombed ~living} in Grant's tomb.");
  if( q ){
    CHECK_STR(q->zPrompt, "Grant is _____ in Grant's tomb.");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "The capital is {=Astana ~Almaty}.");
  if( q ) CHECK_STR(q->zPrompt, "The capital is _____.");
  gfree(&g);
}

static void testMulti(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "Which two? {\n~%50%Kazakhstan#one\n~%50%Uzbekistan\n"
              "~%-100%Japan#no\n~Mongolia\n}");
  if( q ){
    CHECK_INT(q->eKind, KQ_MULTI);
    CHECK_INT(q->nOption, 4);
    CHECK(q->aOption[0].rCredit==0.5);
    CHECK(q->aOption[2].rCredit==-1.0);
    CHECK(q->aOption[3].rCredit==0.0);
    CHECK_STR(q->aOption[2].zFeedback, "no");
    CHECK_STR(q->zAnswer, "Kazakhstan; Uzbekistan");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "Thirds {~%33.33333%a ~%33.33333%b ~%33.33333%c ~d}");
  if( q ){
    CHECK_INT(q->eKind, KQ_MULTI);
    /* Moodle's 33.33333% and our own export's 33.33333333% are a third */
    CHECK(q->aOption[0].rCredit==1.0/3);
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "Thirds {~%33.33333333%a ~%33.33333333%b ~%33.33333333%c "
              "~%-50%d ~%-12.5%e}");
  if( q ){
    CHECK(q->aOption[2].rCredit==1.0/3);
    CHECK(q->aOption[3].rCredit==-0.5);
    CHECK(q->aOption[4].rCredit==-0.125);
  }
  gfree(&g);
}

static void testTrueFalse(void){
  G g;
  const KioskQuestion *q;
  static const char *const azTrue[] = { "{T}", "{TRUE}" };
  static const char *const azFalse[] = { "{F}", "{FALSE}" };
  int i;
  char z[64];
  for(i=0; i<2; i++){
    snprintf(z, sizeof(z), "Japan gave aid. %s", azTrue[i]);
    q = ONE(&g, z);
    if( q ){
      CHECK_INT(q->eKind, KQ_TF);
      CHECK_STR(q->aOption[0].zText, "True");
      CHECK(q->aOption[0].rCredit==1.0 && q->aOption[1].rCredit==0.0);
      CHECK_STR(q->zAnswer, "True");
      ROUND(q, 0);
    }
    gfree(&g);
    snprintf(z, sizeof(z), "Japan gave no aid. %s", azFalse[i]);
    q = ONE(&g, z);
    if( q ){
      CHECK(q->aOption[0].rCredit==0.0 && q->aOption[1].rCredit==1.0);
      CHECK_STR(q->zAnswer, "False");
    }
    gfree(&g);
  }
  /* {F#wrong#right}: the first feedback is for a wrong answer */
  q = ONE(&g, "Abe skipped Tajikistan.{FALSE#No: he visited all five.#Yes, "
              "he went to all five.####See stage 7.}");
  if( q ){
    CHECK_STR(q->aOption[0].zFeedback, "No: he visited all five.");
    CHECK_STR(q->aOption[1].zFeedback, "Yes, he went to all five.");
    CHECK_STR(q->zFeedbackWrong, "See stage 7.");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "Only right feedback {T##Well done}");
  if( q ){
    CHECK(q->aOption[1].zFeedback==0);
    CHECK_STR(q->aOption[0].zFeedback, "Well done");
    ROUND(q, 0);
  }
  gfree(&g);
}

static void testShort(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "Who toured all five states in 2015?{=Abe =Shinzo Abe "
              "=%100%Abe Shinzo#}");
  if( q ){
    CHECK_INT(q->eKind, KQ_TEXT);
    CHECK_INT(q->nAccept, 3);
    CHECK_STR(q->azAccept[2], "Abe Shinzo");
    CHECK_STR(q->zAnswer, "Abe");
    ROUND(q, 0);
  }
  gfree(&g);
}

static void testNumber(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "How many km?{#8000:500}");
  if( q ){
    CHECK_INT(q->eKind, KQ_NUMBER);
    CHECK(q->rValue==8000 && q->rTol==500 && q->rMin>q->rMax);
    CHECK_STR(q->zAnswer, "8000 \xC2\xB1 500");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "Range {#1..5}");
  if( q ){
    CHECK(q->rMin==1 && q->rMax==5 && q->rValue==3 && q->rTol==2);
    CHECK_STR(q->zAnswer, "1 to 5");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "Negative {#-5..-1}");
  if( q ) CHECK(q->rMin==-5 && q->rMax==-1);
  gfree(&g);
  q = ONE(&g, "Both {#\n=3.5:0.25#\n=10..20\n####two ways\n}");
  if( q ){
    CHECK(q->rValue==3.5 && q->rTol==0.25 && q->rMin==10 && q->rMax==20);
    CHECK_STR(q->zFeedbackWrong, "two ways");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "Exact {#1.5e3}");
  if( q ) CHECK(q->rValue==1500 && q->rTol==0);
  gfree(&g);
  q = ONE(&g, "// @kind year\n// @stage s1-caution\nWhen? {#1992:1}");
  if( q ){
    CHECK_INT(q->eKind, KQ_YEAR);
    CHECK(q->rValue==1992 && q->rTol==1);
    CHECK_STR(q->zStage, "s1-caution");
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "// @kind year\nA span {#1991..1994}");
  if( q ){
    char *z = gwrite(q, 0);
    CHECK_INT(q->eKind, KQ_YEAR);
    CHECK(q->rValue==1992.5 && q->rTol==1.5 && q->rMin>q->rMax);
    CHECK_STR(z, "// @kind year\nA span {#1991..1994}\n\n");
    sqlite3_free(z);
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "// @unit USD\n// @points 2.5\nHow much? {#396000000:1000000}");
  if( q ){
    CHECK_STR(q->zUnit, "USD");
    CHECK(q->rPoints==2.5);
    CHECK_STR(q->zAnswer, "396000000 \xC2\xB1 1000000 USD");
    ROUND(q, 0);
  }
  gfree(&g);
}

static void testMatch(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "Match the capitals.{\n=Kazakhstan -> Astana\n"
              "=Uzbekistan -> Tashkent\n=Kyrgyzstan -> Bishkek\n}");
  if( q ){
    CHECK_INT(q->eKind, KQ_MATCH);
    CHECK_INT(q->nPair, 3);
    CHECK_STR(q->aPair[1].zLeft, "Uzbekistan");
    CHECK_STR(q->aPair[1].zRight, "Tashkent");
    ROUND(q, 0);
  }
  gfree(&g);
  /* -> inside the right side is text */
  q = ONE(&g, "Arrows {=a -> b -> c =d -> e}");
  if( q ) CHECK_STR(q->aPair[0].zRight, "b -> c");
  if( q ) ROUND(q, 0);
  gfree(&g);
  /* @kind order: positions 1..n */
  q = ONE(&g, "// @kind order\nOldest first {=Abe tour -> 3 =Hashimoto "
              "speech -> 1 =CA+J launch -> 2}");
  if( q ){
    CHECK_INT(q->eKind, KQ_ORDER);
    CHECK_INT(q->nOption, 3);
    CHECK_INT(q->nPair, 0);
    CHECK_INT(q->aOrder[0], 1);
    CHECK_INT(q->aOrder[1], 2);
    CHECK_INT(q->aOrder[2], 0);
    CHECK_STR(q->zAnswer, "Hashimoto speech; CA+J launch; Abe tour");
    ROUND(q, 0);
  }
  gfree(&g);
}

static void testEscapes(void){
  G g;
  const KioskQuestion *q;
  char *z;
  q = ONE(&g, "::A\\:B:: 1 \\= 1 \\{ok\\} \\# \\~ \\\\ end\\nnext: c\\:d {"
              "=a\\=b#f\\#g ~c\\~d ~e\\{f\\}g ####x\\#\\#\\#\\#y}");
  if( q ){
    CHECK_STR(g.doc.aItem[0].zTitle, "A:B");
    CHECK_STR(q->zPrompt, "1 = 1 {ok} # ~ \\ end\nnext: c:d");
    CHECK_STR(q->aOption[0].zText, "a=b");
    CHECK_STR(q->aOption[0].zFeedback, "f#g");
    CHECK_STR(q->aOption[1].zText, "c~d");
    CHECK_STR(q->aOption[2].zText, "e{f}g");
    CHECK_STR(q->zFeedbackWrong, "x####y");
    ROUND(q, "A:B");
    z = gwrite(q, "A:B");
    CHECK_STR(z, "::A\\:B:: 1 \\= 1 \\{ok\\} \\# \\~ \\\\ end\\nnext\\: c\\:d "
                 "{\n\t=a\\=b#f\\#g\n\t~c\\~d\n\t~e\\{f\\}g\n"
                 "\t####x\\#\\#\\#\\#y\n}\n\n");
    sqlite3_free(z);
  }
  gfree(&g);
  /* an unknown escape keeps its backslash, as Moodle does */
  q = ONE(&g, "C\\d {T}");
  if( q ) CHECK_STR(q->zPrompt, "C\\d");
  gfree(&g);
  /* a text that looks like a format marker or a comment is protected */
  q = ONE(&g, "[moodle][plain] is text {T}");
  if( q ){
    CHECK_STR(q->zPrompt, "[plain] is text");
    z = gwrite(q, 0);
    CHECK_STR(z, "[moodle][plain] is text {TRUE}\n\n");
    sqlite3_free(z);
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "[moodle]//not a comment {=a ~[moodle][html]b ~[html]<i>c</i>}");
  if( q ){
    CHECK_STR(q->zPrompt, "//not a comment");
    CHECK_STR(q->aOption[1].zText, "[html]b");
    CHECK_STR(q->aOption[2].zText, "c");
    ROUND(q, 0);
  }
  gfree(&g);
}

static void testStructure(void){
  G g;
  /* comments, categories, blank-line separation, CRLF, several items */
  const char *z =
    "// header comment\r\n"
    "$CATEGORY: $course$/Kiosk/Stage 1\r\n"
    "\r\n"
    "  // indented comment\r\n"
    "::One:: First {T}\r\n"
    "\r\n"
    "\r\n"
    "Second\r\n"
    "// a comment inside the question\r\n"
    "continues {=x ~y}\r\n"
    "\r\n"
    "$CATEGORY: $course$/Kiosk/Stage 2\r\n"
    "\r\n"
    "Third {#3}\r\n";
  CHECK_INT(gparse(&g, z), 0);
  CHECK_INT(g.doc.nItem, 3);
  if( g.doc.nItem==3 ){
    CHECK_STR(g.doc.aItem[0].zCategory, "$course$/Kiosk/Stage 1");
    CHECK_STR(g.doc.aItem[0].zTitle, "One");
    CHECK_INT(g.doc.aItem[0].iLine, 5);
    CHECK_STR(g.doc.aItem[1].q->zPrompt, "Second\ncontinues");
    CHECK_INT(g.doc.aItem[1].iLine, 8);
    CHECK_STR(g.doc.aItem[2].zCategory, "$course$/Kiosk/Stage 2");
    CHECK_INT(g.doc.aItem[2].iLine, 14);
  }
  gfree(&g);
  /* a byte-order mark is the caller's business; UTF-8 text is kept */
  {
    const KioskQuestion *q = ONE(&g, "Caf\xC3\xA9 in \xE6\x9D\xB1\xE4\xBA"
                                     "\xAC? {=\xE2\x9C\x93 ~x}");
    if( q ) CHECK_STR(q->aOption[0].zText, "\xE2\x9C\x93");
    gfree(&g);
  }
}

static void testFormats(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "[html]<p>Is <b>this</b> &amp; <i>that</i>&nbsp;true?</p>"
              "<p>Line&#160;two &#x41;&#66;</p>{TRUE#<em>No</em>}");
  if( q ){
    CHECK_STR(q->zPrompt, "Is this & that true?\nLine\xC2\xA0two AB");
    CHECK_STR(q->aOption[1].zFeedback, "No");
    /* written back as plain text, marked [plain] because of the & */
    {
      char *z = gwrite(q, 0);
      CHECK(z && strncmp(z, "[plain]Is this & that", 21)==0);
      sqlite3_free(z);
    }
    ROUND(q, 0);
  }
  gfree(&g);
  q = ONE(&g, "[markdown]**Bold** question {=*a* ~b}");
  if( q ){
    CHECK_STR(q->zPrompt, "**Bold** question");
    CHECK_STR(q->aOption[0].zText, "*a*");
  }
  gfree(&g);
  q = ONE(&g, "[plain]a <b> c {=x ~y}");
  if( q ) CHECK_STR(q->zPrompt, "a <b> c");
  gfree(&g);
  /* an answer with its own format */
  q = ONE(&g, "Q {=[html]<b>x</b> ~y}");
  if( q ) CHECK_STR(q->aOption[0].zText, "x");
  gfree(&g);
}

static void testAnnotations(void){
  G g;
  const KioskQuestion *q;
  q = ONE(&g, "// @stage s1-caution\n//@facts ev-a, fig-b  pe-c\n"
              "// @sources n3 13\n// @lesson s1-caution 2\n"
              "// an ordinary comment\nQ {T}");
  if( q ){
    const KioskGiftItem *pItem = &g.doc.aItem[0];
    CHECK_STR(q->zStage, "s1-caution");
    CHECK_INT(q->nFact, 3);
    CHECK_STR(q->azFact[2], "pe-c");
    CHECK_INT(q->nSource, 2);
    CHECK_STR(q->azSource[1], "n13");
    CHECK_STR(q->zLessonStage, "s1-caution");
    CHECK_INT(q->iLessonPara, 2);
    CHECK_INT(pItem->nRef, 7);
    CHECK_INT(pItem->aRef[0].eKind, KGREF_STAGE);
    CHECK_INT(pItem->aRef[0].iLine, 1);
    CHECK_INT(pItem->aRef[0].iCol, 11);
    CHECK_INT(pItem->aRef[2].eKind, KGREF_FACT);
    CHECK_STR(pItem->aRef[2].zId, "fig-b");
    CHECK_INT(pItem->aRef[2].iLine, 2);
    CHECK_INT(pItem->aRef[2].iCol, 16);
    CHECK_INT(pItem->aRef[5].iCol, 16);
    CHECK_INT(pItem->aRef[6].eKind, KGREF_LESSON);
    CHECK_INT(pItem->aRef[6].iPara, 2);
    ROUND(q, 0);
  }
  gfree(&g);
}

/* Every error path: the input and the first error, exactly. */
static void testErrors(void){
  static const struct { const char *zIn, *zErr, *zCode; } aCase[] = {
    { "Q {=a ~b", "t.gift:1:3: { is never closed by }", "SYNTAX" },
    { "Q =a ~b}", "t.gift:1:8: } without a { before it (escape it as \\})",
      "SYNTAX" },
    { "Q {=a ~b} and {=c ~d}", "t.gift:1:15: a second answer block: a "
      "question has one {...} (escape a literal brace as \\{)", "SYNTAX" },
    { "Q {=a {x} ~b}", "t.gift:1:7: { inside an answer block (escape it as "
      "\\{)", "SYNTAX" },
    { "Q {=a ~b} x}", "t.gift:1:12: } without a { before it (escape it as "
      "\\})", "SYNTAX" },
    { "::Title Q {T}", "t.gift:1:1: the title is not closed: write "
      "::title:: before the question", "SYNTAX" },
    { "::T:: {T}", "t.gift:1:1: the question has no text before its answers",
      "SYNTAX" },
    { "Q\n{~%5x%a =b}", "t.gift:2:3: weight must be a percentage from -100 "
      "to 100, like %50%, not \"%5x%\"", "SYNTAX" },
    { "Q {~%150%a =b}", "t.gift:1:5: weight must be a percentage from -100 "
      "to 100, like %50%, not \"%150%\"", "SYNTAX" },
    { "Q {~%50 a =b}", "t.gift:1:5: weight is not closed: write it as %50%",
      "SYNTAX" },
    { "Q {=%50%a ~b}", "t.gift:1:5: a weight goes after ~ (~%50%answer); = "
      "marks a fully right answer", "SYNTAX" },
    { "Q {~only}", "t.gift:1:4: a multiple-choice question needs at least "
      "two answers", "SYNTAX" },
    { "Q {~%50%a ~%40%b ~c}", "t.gift:1:4: the positive weights add up to "
      "90%, not 100% (or mark the one right answer with =)", "SYNTAX" },
    { "Q {=a ~ ~b}", "t.gift:1:7: empty answer after ~", "SYNTAX" },
    { "Q {x =a ~b}", "t.gift:1:4: text before the first answer: start each "
      "answer with = (right) or ~ (wrong)", "SYNTAX" },
    { "Q {#abc}", "t.gift:1:5: \"abc\" is not a number (write #value, "
      "#value:tolerance or #min..max)", "SYNTAX" },
    { "Q {#3:-1}", "t.gift:1:7: the tolerance after : must be a number of "
      "at least 0", "SYNTAX" },
    { "Q {#5..1}", "t.gift:1:5: range 5..1 ends before it starts", "SYNTAX" },
    { "Q {#1..x}", "t.gift:1:5: a range is written min..max with two "
      "numbers", "SYNTAX" },
    { "Q {#}", "t.gift:1:4: a numerical answer needs a number after # "
      "with full credit", "SYNTAX" },
    { "Q {#=%50%3}", "t.gift:1:4: a numerical answer needs a number after # "
      "with full credit", "SYNTAX" },
    { "Q {#3 ~x#wrong}", "t.gift:1:8: after ~ in a numerical question comes "
      "only #feedback for any other number", "SYNTAX" },
    { "Q {#=%-50%3}", "t.gift:1:6: a number's weight is from 0% to 100%",
      "SYNTAX" },
    { "Q {=%50%a}", "t.gift:1:4: no answer gets full credit: give one as "
      "=answer (without a weight)", "SYNTAX" },
    { "Q {=a =%-50%b}", "t.gift:1:8: a typed answer's weight is from 0% to "
      "100%", "SYNTAX" },
    { "Q {=}", "t.gift:1:4: empty answer after =", "SYNTAX" },
    { "Q {=a -> b =c}", "t.gift:1:12: a matching pair needs -> between its "
      "two sides", "SYNTAX" },
    { "Q {=a -> b = -> c}", "t.gift:1:4: a matching question needs at least "
      "two pairs", "SYNTAX" },
    { "Q {=a -> b#fb =c -> d}", "t.gift:1:11: feedback on a matching pair "
      "is not supported: write general feedback after ####", "UNSUPPORTED" },
    { "Q {=a -> b =a -> c}", "t.gift:1:12: \"a\" is matched twice",
      "SYNTAX" },
    { "Q {=a -> }", "t.gift:1:7: empty right side after ->", "SYNTAX" },
    { "Q {=a -> b}", "t.gift:1:4: a matching question needs at least two "
      "pairs", "SYNTAX" },
    { "[html]<p>See <table><tr><td>x</td></tr></table></p> {T}",
      "t.gift:1:1: HTML <table> cannot be shown by the kiosk; only simple "
      "markup (p, br, b, i, em, strong, span, a, img...) is turned into "
      "text", "UNSUPPORTED" },
    { "// @frobnicate x\nQ {T}", "t.gift:1:4: unknown annotation "
      "\"@frobnicate\" (known: @stage @facts @sources @points @kind @unit "
      "@lesson @image)", "ANNOTATION" },
    { "// @stage a\n// @stage b\nQ {T}", "t.gift:2:4: @stage given twice for "
      "this question", "ANNOTATION" },
    { "// @stage\nQ {T}", "t.gift:1:4: @stage takes exactly one value",
      "ANNOTATION" },
    { "// @stage a b\nQ {T}", "t.gift:1:13: @stage takes exactly one value",
      "ANNOTATION" },
    { "// @stage S1\nQ {T}", "t.gift:1:11: \"S1\" is not a stage id "
      "(lower-case letters, digits and -, at most 64)", "ANNOTATION" },
    { "// @facts ok Bad_id\nQ {T}", "t.gift:1:14: \"Bad_id\" is not a fact "
      "id (lower-case letters, digits and -, at most 64)", "ANNOTATION" },
    { "// @facts\nQ {T}", "t.gift:1:4: @facts needs at least one value",
      "ANNOTATION" },
    { "// @sources n3 x13\nQ {T}", "t.gift:1:16: \"x13\" is not a note: "
      "write n13 or 13", "ANNOTATION" },
    { "// @points 0\nQ {T}", "t.gift:1:12: @points must be a number above 0 "
      "and at most 1000, not \"0\"", "ANNOTATION" },
    { "// @kind essay\nQ {T}", "t.gift:1:10: @kind must be year or order, "
      "not \"essay\"", "ANNOTATION" },
    { "// @kind year\nQ {T}", "t.gift:1:10: @kind year needs a numerical "
      "answer {#1992}", "ANNOTATION" },
    { "// @kind year\nQ {#1992.5}", "t.gift:1:10: @kind year needs whole "
      "years: 1992, 1992:1 or 1991..1994", "ANNOTATION" },
    { "// @kind year\nQ {#=1992 =1990..1995}", "t.gift:1:10: @kind year "
      "takes one year and its tolerance, not a range besides", "ANNOTATION" },
    { "// @kind year\n// @unit km\nQ {#1992}", "t.gift:2:10: @unit does not "
      "apply to a year", "ANNOTATION" },
    { "// @kind order\nQ {=a ~b}", "t.gift:1:10: @kind order needs a "
      "matching answer {=first -> 1 =second -> 2}", "ANNOTATION" },
    { "// @kind order\nQ {=a -> 1 =b -> 1}", "t.gift:2:3: with @kind order "
      "the right sides must be the positions 1 to 2, each once (\"1\" is "
      "not)", "SYNTAX" },
    { "// @unit km\nQ {T}", "t.gift:1:10: @unit applies to numerical answers "
      "only", "ANNOTATION" },
    { "// @lesson s1 x\nQ {T}", "t.gift:1:15: \"x\" is not a paragraph "
      "number", "ANNOTATION" },
    { "// @lesson s1\nQ {T}", "t.gift:1:4: @lesson takes a stage id and a "
      "paragraph number", "ANNOTATION" },
    { "// @lesson S1 2\nQ {T}", "t.gift:1:12: \"S1\" is not a stage id",
      "ANNOTATION" },
    { "// @facts a-0123456789012345678901234567890123456789012345678901234567"
      "8901234567890\nQ {T}", "t.gift:1:11: \"a-01234567890123456789012345678"
      "901234567890123456789012345678901234567890\" is not a fact id "
      "(lower-case letters, digits and -, at most 64)", "ANNOTATION" },
    { "// @facts a-0123456789012345678901234567890123456789012345678901234567"
      "89012345678901234567890\nQ {T}", "t.gift:1:11: value of @facts is too "
      "long", "ANNOTATION" },
    { "// @facts a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a "
      "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b c\n"
      "Q {T}", "t.gift:1:139: too many values for @facts", "ANNOTATION" },
    { "// @facts\tx\n// @Stage s1\nQ {T}", "t.gift:2:4: unknown annotation "
      "\"@Stage\" (known: @stage @facts @sources @points @kind @unit "
      "@lesson @image)", "ANNOTATION" },
    { "// @stage s1\n\nQ {T}", "t.gift:1:4: annotation without a question: "
      "put it right above its question, with no blank line between",
      "ANNOTATION" },
    { "// @stage s1\n$CATEGORY: x", "t.gift:1:4: annotation on a $CATEGORY "
      "line: annotations belong to questions", "ANNOTATION" },
    { "Q \xC3\xA9\xFF {T}", "t.gift:1:4: invalid UTF-8 byte 0xFF", "TEXT" },
    { "Q\n\xC3\xA9 \x01 {T}", "t.gift:2:3: control character U+0001",
      "TEXT" },
    { "Q \xED\xA0\x80 {T}", "t.gift:1:3: invalid UTF-8 byte 0xED", "TEXT" },
    { "Q \xC0\xAF {T}", "t.gift:1:3: invalid UTF-8 byte 0xC0", "TEXT" },
  };
  size_t i;
  for(i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    G g;
    int nErr = gparse(&g, aCase[i].zIn);
    nCheck++;
    if( nErr==0 || strcmp(g.zErr, aCase[i].zErr)!=0
     || strcmp(g.errs.aErr[0].zCode, aCase[i].zCode)!=0
     || g.errs.aErr[0].eClass!=KIOSK_EGIFT ){
      nFail++;
      fprintf(stderr, "%s: case %d: %s\n  got  \"%s\" [%s]\n  want \"%s\" "
              "[%s]\n", __FILE__, (int)i, aCase[i].zIn, g.zErr,
              nErr ? g.errs.aErr[0].zCode : "", aCase[i].zErr,
              aCase[i].zCode);
    }
    gfree(&g);
  }
}

/* A NUL byte: inputs are counted, not NUL-terminated. */
static void testNul(void){
  G g;
  static const char z[] = "Q \0 {T}";
  memset(&g, 0, sizeof(g));
  kioskSrcInit(&g.src, "t.gift", z, (int)sizeof(z)-1);
  CHECK_INT(kioskSrcCheckText(&g.src, 0, g.src.n, KIOSK_EGIFT, &g.errs), 1);
  CHECK_INT(g.errs.aErr[0].iCol, 3);
  CHECK_STR(g.errs.aErr[0].zMsg, "NUL byte");
  kioskGiftParse(&g.src, 0, g.src.n, &g.doc, &g.errs);
  gfree(&g);
}

/* Every error is reported, not only the first; a bad question does not
** hide the good ones after it. */
static void testAllErrors(void){
  G g;
  CHECK_INT(gparse(&g, "A {=a ~b\n\nB {T}\n\nC {~x}\n\n"
                       "// @nope\nD {T}\n\nE {#x}\n"), 4);
  CHECK_INT(g.doc.nItem, 5);
  if( g.doc.nItem==5 ){
    CHECK(g.doc.aItem[0].q==0);
    CHECK(g.doc.aItem[1].q!=0);
    CHECK(g.doc.aItem[2].q==0);
    CHECK(g.doc.aItem[3].q==0);
    CHECK_INT(g.doc.aItem[3].nErr, 1);
    CHECK_INT(g.errs.aErr[g.doc.aItem[3].iFirstErr].iLine, 7);
    CHECK_INT(g.errs.aErr[3].iLine, 10);
  }
  gfree(&g);
  /* the list keeps at most KIOSK_ERRLIST_MAX and counts the rest */
  {
    sqlite3_str *p = sqlite3_str_new(0);
    char *z;
    int i;
    for(i=0; i<KIOSK_ERRLIST_MAX+5; i++) sqlite3_str_appendall(p, "Q {~x}\n\n");
    z = sqlite3_str_finish(p);
    CHECK_INT(gparse(&g, z), KIOSK_ERRLIST_MAX+5);
    CHECK_INT(g.errs.nErr, KIOSK_ERRLIST_MAX);
    CHECK_INT(g.errs.nDropped, 5);
    gfree(&g);
    sqlite3_free(z);
  }
}

/* Writing what GIFT cannot hold fails cleanly; writing generated kinds. */
static void testWriter(void){
  KioskQuestion *q = kioskQuestionNew();
  KioskError err;
  sqlite3_str *p;
  char *z;
  G g;

  q->eKind = KQ_MATCH;
  q->zPrompt = kioskStrDup("Pairs");
  kioskQuestionAddPair(q, "a -> b", "c");
  kioskQuestionAddPair(q, "d", "e");
  p = sqlite3_str_new(0);
  CHECK_INT(kioskGiftWrite(p, q, 0, &err), KIOSK_EGIFT);
  CHECK_STR(err.zCode, "WRITE");
  z = sqlite3_str_finish(p);
  CHECK(z==0);                       /* nothing written */
  kioskQuestionFree(q);

  /* a generated-looking question: explanation becomes general feedback */
  q = kioskQuestionNew();
  q->eKind = KQ_YEAR;
  q->zId = kioskStrDup("gen:date-year:ev-x");
  q->zPrompt = kioskStrDup("In which year?");
  q->zExplain = kioskStrDup("Because: reasons.");
  q->rValue = 1992;
  kioskQuestionAddFact(q, "ev-x");
  kioskQuestionAddSource(q, "n3");
  q->zStage = kioskStrDup("s1-caution");
  z = gwrite(q, q->zId);
  CHECK_STR(z, "// @stage s1-caution\n// @facts ev-x\n// @sources n3\n"
               "// @kind year\n::gen\\:date-year\\:ev-x:: In which year? "
               "{#1992####Because\\: reasons.}\n\n");
  CHECK_INT(gparse(&g, z), 0);
  if( g.doc.nItem==1 && g.doc.aItem[0].q ){
    CHECK_INT(g.doc.aItem[0].q->eKind, KQ_YEAR);
    CHECK_STR(g.doc.aItem[0].q->zFeedbackWrong, "Because: reasons.");
    CHECK_STR(g.doc.aItem[0].zTitle, "gen:date-year:ev-x");
  }
  gfree(&g);
  sqlite3_free(z);
  kioskQuestionFree(q);

  /* categories: $course$ prefix, / doubled */
  p = sqlite3_str_new(0);
  {
    const char *az[2] = { "Pack a/b", "Stage 1: x" };
    kioskGiftWriteCategory(p, az, 2);
  }
  z = sqlite3_str_finish(p);
  CHECK_STR(z, "$CATEGORY: $course$/Pack a//b/Stage 1: x\n\n");
  sqlite3_free(z);

  /* numbers: the shortest text that reads back exactly */
  p = sqlite3_str_new(0);
  kioskGiftNumber(p, 0.1);
  sqlite3_str_appendchar(p, 1, ' ');
  kioskGiftNumber(p, 396000000);
  sqlite3_str_appendchar(p, 1, ' ');
  kioskGiftNumber(p, -0.0);
  sqlite3_str_appendchar(p, 1, ' ');
  kioskGiftNumber(p, 1.0/3.0);
  z = sqlite3_str_finish(p);
  CHECK_STR(z, "0.1 396000000 0 0.3333333333333333");
  sqlite3_free(z);
}

static void testPositions(void){
  KioskSrc src;
  int iLine, iCol;
  const char *z = "ab\n\xC3\xA9x\n\nend";
  kioskSrcInit(&src, "f", z, (int)strlen(z));
  kioskSrcPos(&src, 0, &iLine, &iCol);
  CHECK(iLine==1 && iCol==1);
  kioskSrcPos(&src, 5, &iLine, &iCol);      /* the x after a 2-byte char */
  CHECK(iLine==2 && iCol==2);
  kioskSrcPos(&src, 8, &iLine, &iCol);
  CHECK(iLine==4 && iCol==1);
  kioskSrcPos(&src, 11, &iLine, &iCol);     /* the end */
  CHECK(iLine==4 && iCol==4);
  kioskSrcFree(&src);
}

/* What the kiosk shows differently from Moodle is a warning, by line,
** once per kind and question; nothing changed silently. */
static void testFormatWarnings(void){
  static const struct { const char *zIn, *zWarn; } aCase[] = {
    { "::t::[markdown]What is *this*? {=a ~b}",
      "t.gift:1:6: markdown formatting kept as plain text: the kiosk shows "
      "marks such as * _ # as written" },
    { "\n[html]<p>Capital of <b>Kazakhstan</b>?</p> {=Astana ~Almaty}",
      "t.gift:2:1: HTML formatting kept as plain text: markup such as <b> "
      "and <p> dropped, entities decoded" },
    { "Q {=[html]x &amp; y ~z}",
      "t.gift:1:5: HTML formatting kept as plain text: markup such as <b> "
      "and <p> dropped, entities decoded" },
    { "[moodle]Is <i>this</i> right? {T}",
      "t.gift:1:1: Moodle auto-format kept as plain text: the kiosk shows "
      "its HTML tags and entities as written" },
    { "Tom &amp; Jerry? {T}",
      "t.gift:1:1: Moodle auto-format kept as plain text: the kiosk shows "
      "its HTML tags and entities as written" },
    /* nothing changes: no warning */
    { "[html]Plain words {T}", 0 },
    { "[plain]x <b> y & z {T}", 0 },
    { "[moodle]1 < 2 & 3 > 2 {T}", 0 },
    { "Q {=a ~b}", 0 },
  };
  size_t i;
  for(i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    G g;
    char zWarn[2048];
    if( ONE(&g, aCase[i].zIn) ){
      if( aCase[i].zWarn==0 ){
        CHECK_INT(g.doc.warn.nErr, 0);
      }else{
        CHECK_INT(g.doc.warn.nErr, 1);
        CHECK_INT(g.doc.aItem[0].nWarn, 1);
        if( g.doc.warn.nErr>0 ){
          kioskErrorFormat(&g.doc.warn.aErr[0], zWarn, (int)sizeof(zWarn));
          CHECK_STR(zWarn, aCase[i].zWarn);
          CHECK_STR(g.doc.warn.aErr[0].zCode, "FORMAT");
        }
      }
    }
    gfree(&g);
  }

  /* once a kind per question: markdown answers inherit the format; two
  ** kinds in one question are two warnings; a question with an error has
  ** none (its error says it all) */
  {
    G g;
    gparse(&g, "[markdown]*a* {=*b* ~_c_}\n\n[html]<b>x</b> {=a ~[moodle]"
           "<i>b</i>}\n\n[markdown]essay {}\n");
    CHECK_INT(g.doc.nItem, 3);
    CHECK_INT(g.doc.warn.nErr, 4);
    if( g.doc.nItem==3 ){
      CHECK_INT(g.doc.aItem[0].nWarn, 1);
      CHECK_INT(g.doc.aItem[1].nWarn, 2);
      CHECK_INT(g.doc.aItem[1].iFirstWarn, 1);
      CHECK_INT(g.doc.aItem[2].nWarn, 1);   /* an essay is read: warned */
    }
    gfree(&g);
  }
}


/* Score the typed text z against q: credit, feedback into zFb. */
static double typed(const KioskQuestion *q, const char *z, char *zFb,
                    int nFb){
  KioskAnswer a;
  KioskScore sc;
  KioskError err;
  double r;
  memset(&a, 0, sizeof(a));
  a.zText = z;
  if( kioskScore(q, &a, &sc, &err) ) return -1;
  snprintf(zFb, (size_t)nFb, "%s", sc.zFeedback ? sc.zFeedback : "");
  r = sc.bUngraded ? -2 : sc.rCredit;
  kioskScoreClear(&sc);
  return r;
}

/* What Moodle imports (its GIFT docs and test fixtures): every construct
** read into the question, scored as Moodle scores it, written back the
** same. */
static void testMoodleConstructs(void){
  G g;
  const KioskQuestion *q;
  char zFb[256];
  char *z;

  /* short answer: weights, feedback, the * catch-all, tried in order */
  q = ONE(&g, "// question: 666  name: Shortanswer\n::Shortanswer::Which is "
          "the best animal?{\n =Frog#Good!\n =%50%Cat#What is it with "
          "cats?\n =%0%*#Completely wrong\n}\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_TEXT);
    CHECK_INT(q->nAccept, 3);
    CHECK(q->arAccept[1]==0.5 && q->arAccept[2]==0.0);
    CHECK_STR(q->azAcceptFeedback[0], "Good!");
    CHECK_STR(q->zComment, "question: 666  name: Shortanswer");
    CHECK_STR(q->zAnswer, "Frog");
    CHECK(typed(q, "frog", zFb, sizeof(zFb))==1.0);
    CHECK_STR(zFb, "Good!");
    CHECK(typed(q, "Cat", zFb, sizeof(zFb))==0.5);
    CHECK_STR(zFb, "What is it with cats?");
    CHECK(typed(q, "dog", zFb, sizeof(zFb))==0.0);
    CHECK_STR(zFb, "Completely wrong");
    z = gwrite(q, g.doc.aItem[0].zTitle);
    CHECK_STR(z, "// question: 666  name: Shortanswer\n::Shortanswer:: Which "
              "is the best animal? {\n\t=Frog#Good!\n\t=%50%Cat#What is it "
              "with cats?\n\t=%0%*#Completely wrong\n}\n\n");
    sqlite3_free(z);
  }
  gfree(&g);

  /* a wildcard inside an answer */
  q = ONE(&g, "Who wrote it?{=*Mozart}\n");
  if( q ){
    CHECK(typed(q, "Wolfgang Amadeus Mozart", zFb, sizeof(zFb))==1.0);
    CHECK(typed(q, "Mozart", zFb, sizeof(zFb))==1.0);
    CHECK(typed(q, "Salieri", zFb, sizeof(zFb))==0.0);
  }
  gfree(&g);

  /* a bare {One}: a short answer accepting it, as Moodle reads it */
  q = ONE(&g, "::Kanji::Japanese characters came from {China}.\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_TEXT);
    CHECK_INT(q->nAccept, 1);
    CHECK_STR(q->azAccept[0], "China");
  }
  gfree(&g);

  /* numerical: partial credit and feedback per answer, the catch-all */
  q = ONE(&g, "When was Grant born? {#\n =1822:0 #Correct!\n =%50%1822:2 "
          "#Close.\n ~#No idea?\n}\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_NUMBER);
    CHECK_INT(q->nNum, 3);
    CHECK(q->rValue==1822 && q->rTol==0);
    CHECK(q->aNum[1].rCredit==0.5 && q->aNum[1].rTol==2);
    CHECK(q->aNum[2].bAny);
    CHECK(typed(q, "1822", zFb, sizeof(zFb))==1.0);
    CHECK_STR(zFb, "Correct!");
    CHECK(typed(q, "1821", zFb, sizeof(zFb))==0.5);
    CHECK_STR(zFb, "Close.");
    CHECK(typed(q, "1700", zFb, sizeof(zFb))==0.0);
    CHECK_STR(zFb, "No idea?");
    z = gwrite(q, 0);
    CHECK_STR(z, "When was Grant born? {#\n\t=1822#Correct!\n\t=%50%1822:2"
              "#Close.\n\t~#No idea?\n}\n\n");
    sqlite3_free(z);
  }
  gfree(&g);
  q = ONE(&g, "::Q5:: What is a number from 1 to 5? {#3:2~#Completely "
          "wrong}\n");
  if( q ){
    CHECK_INT(q->nNum, 2);
    CHECK(typed(q, "9", zFb, sizeof(zFb))==0.0);
    CHECK_STR(zFb, "Completely wrong");
  }
  gfree(&g);
  /* one value and one range in full credit stay as before: no list */
  q = ONE(&g, "Q {#=3:1 =10..20}\n");
  if( q ) CHECK_INT(q->nNum, 0);
  gfree(&g);

  /* matching with an extra wrong answer */
  q = ONE(&g, "::Moodle activities::[html]Match the <b>activity</b>.{\n"
          " =[html]Discussions. -> Forum\n =[moodle]A poll. -> Choice\n"
          " =[plain]Records. -> Database\n = -> Chat\n}\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_MATCH);
    CHECK_INT(q->nPair, 3);
    CHECK_INT(q->nDistract, 1);
    CHECK_STR(q->azDistract[0], "Chat");
  }
  gfree(&g);

  /* essay and description */
  q = ONE(&g, "// essay\n::Q8:: How are you? {}\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_ESSAY);
    CHECK_STR(q->zComment, "essay");
    CHECK(typed(q, "Fine, thanks.", zFb, sizeof(zFb))==-2);
    z = gwrite(q, g.doc.aItem[0].zTitle);
    CHECK_STR(z, "// essay\n::Q8:: How are you? {}\n\n");
    sqlite3_free(z);
  }
  gfree(&g);
  q = ONE(&g, "::Intro::Read this first.\n");
  if( q ){
    CHECK_INT(q->eKind, KQ_DESC);
    CHECK(q->rPoints==0);
    z = gwrite(q, g.doc.aItem[0].zTitle);
    CHECK_STR(z, "::Intro:: Read this first.\n\n");
    sqlite3_free(z);
  }
  gfree(&g);

  /* [id:] and [tag:] in comments; written back on their own line */
  q = ONE(&g, "// question: 5  name: P\n// [id:astro-007] [tag:astro] "
          "[tag:safe\\]ty]\n::P::Closest planet?{=Mercury ~Venus}\n");
  if( q ){
    CHECK_STR(q->zIdNumber, "astro-007");
    CHECK_INT(q->nTag, 2);
    if( q->nTag==2 ) CHECK_STR(q->azTag[1], "safe]ty");
    CHECK_STR(q->zComment, "question: 5  name: P");
    z = gwrite(q, "P");
    CHECK(z && strncmp(z, "// question: 5  name: P\n// [id:astro-007] "
                       "[tag:astro] [tag:safe\\]ty]\n::P::", 67)==0);
    sqlite3_free(z);
  }
  gfree(&g);

  /* links kept as text; an image beside the file on the prompt */
  q = ONE(&g, "[html]<p>Read <a href=\"https://x.org/r\">the text</a>.</p>"
          "<img src=\"map.png\" alt=\"A map\">{T}\n");
  if( q ){
    CHECK_STR(q->zPrompt, "Read the text (https://x.org/r).");
    CHECK_STR(q->zImage, "map.png");
    CHECK_STR(q->zImageAlt, "A map");
  }
  gfree(&g);
  /* an image carried in the pack: @image NAME BASE64, written back */
  q = ONE(&g, "// @image map.png iVBORw0K\n[html]Where?<img src=\"map.png\" "
          "alt=\"A map\">{T}\n");
  if( q ){
    CHECK_STR(q->zImage, "map.png");
    CHECK_STR(q->zImageData, "iVBORw0K");
    z = gwrite(q, 0);
    CHECK_STR(z, "// @image map.png iVBORw0K\n[html]Where?<br><img src\\=\"map.png\" "
              "alt\\=\"A map\"> {TRUE}\n\n");
    sqlite3_free(z);
  }
  gfree(&g);
  CHECK_INT(gparse(&g, "// @image map.png abc!\nQ {T}\n"), 1);
  CHECK_STR(g.zErr, "t.gift:1:22: @image data is base64: letters, digits, + / "
            "and =");
  gfree(&g);
  CHECK_INT(gparse(&g, "// @image map.png QUJD\n[html]Q<img src=\"other.png\">"
                   "{T}\n"), 1);
  CHECK_STR(g.zErr, "t.gift:2:1: @image names \"map.png\" but the question "
            "shows \"other.png\"");
  gfree(&g);
  {
    char *z64 = kioskBase64((const unsigned char *)"Man", 3);
    CHECK_STR(z64, "TWFu");
    sqlite3_free(z64);
    z64 = kioskBase64((const unsigned char *)"Ma", 2);
    CHECK_STR(z64, "TWE=");
    sqlite3_free(z64);
  }

  /* an image the kiosk cannot show: its alt text, and a warning */
  q = ONE(&g, "[html]Whose coin?<img src=\"@@PLUGINFILE@@/c.jpg\" alt=\"A "
          "coin\">{=Hadrian ~Nero}\n");
  if( q ){
    CHECK(q->zImage==0);
    CHECK_STR(q->zPrompt, "Whose coin? [image: A coin]");
    CHECK_INT(g.doc.warn.nErr, 1);
  }
  gfree(&g);
}

int main(void){
  testMoodleConstructs();
  testChoice();
  testMulti();
  testTrueFalse();
  testShort();
  testNumber();
  testMatch();
  testEscapes();
  testStructure();
  testFormats();
  testFormatWarnings();
  testAnnotations();
  testErrors();
  testNul();
  testAllErrors();
  testWriter();
  testPositions();
  return HARNESS_DONE("test-gift");
}
