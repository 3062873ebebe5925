/*
** test-score.c: unit tests of scoring (score.c) for every question kind,
** generated or hand-written: GIFT weights, typed years, typed amounts in
** every written form, number ranges, typed text with accents and
** romanisation variants, ordering and matching with partial credit,
** totals and the pass mark.
*/
#include "score.h"
#include "harness.h"

#include <math.h>
#include <sqlite3.h>

#define NEAR(a, b) (fabs((a)-(b))<1e-9)

static KioskQuestion *choiceQ(KioskQKind e){
  KioskQuestion *q = kioskQuestionNew();
  q->eKind = e;
  return q;
}

/* Score a one-index answer. */
static double scoreIndex(const KioskQuestion *q, int k){
  KioskAnswer a;
  KioskScore s;
  KioskError err;
  double r = -1;
  memset(&a, 0, sizeof(a));
  a.nIndex = 1;
  a.aIndex = &k;
  if( kioskScore(q, &a, &s, &err)==0 ) r = s.rCredit;
  kioskScoreClear(&s);
  return r;
}

static double scoreText(const KioskQuestion *q, const char *z){
  KioskAnswer a;
  KioskScore s;
  KioskError err;
  double r = -1;
  memset(&a, 0, sizeof(a));
  a.zText = z;
  if( kioskScore(q, &a, &s, &err)==0 ) r = s.rCredit;
  kioskScoreClear(&s);
  return r;
}

static double scoreList(const KioskQuestion *q, const int *a, int n){
  KioskAnswer ans;
  KioskScore s;
  KioskError err;
  double r = -1;
  memset(&ans, 0, sizeof(ans));
  ans.nIndex = n;
  ans.aIndex = a;
  if( kioskScore(q, &ans, &s, &err)==0 ) r = s.rCredit;
  kioskScoreClear(&s);
  return r;
}

static void testChoice(void){
  KioskQuestion *q = choiceQ(KQ_CHOICE);
  KioskAnswer a;
  KioskScore s;
  KioskError err;
  int k = 1, bad = 7;
  kioskQuestionAddOption(q, "1990", 0, "Two years too early.", 0);
  kioskQuestionAddOption(q, "1992", 1, 0, "ev-x");
  kioskQuestionAddOption(q, "1994", 0, 0, 0);
  kioskQuestionAddOption(q, "1993", 0.5, "Close.", 0);   /* GIFT ~%50% */
  memset(&a, 0, sizeof(a));
  a.nIndex = 1;
  a.aIndex = &k;
  CHECK_INT(kioskScore(q, &a, &s, &err), 0);
  CHECK_INT(s.bCorrect, 1);
  CHECK(NEAR(s.rCredit, 1));
  CHECK(NEAR(s.rPoints, 1));
  CHECK_STR(s.zExpected, "1992");
  CHECK(s.zFeedback==0);
  kioskScoreClear(&s);
  CHECK(NEAR(scoreIndex(q, 0), 0));
  CHECK(NEAR(scoreIndex(q, 3), 0.5));
  k = 0;
  CHECK_INT(kioskScore(q, &a, &s, &err), 0);
  CHECK_STR(s.zFeedback, "Two years too early.");
  CHECK_INT(s.bCorrect, 0);
  kioskScoreClear(&s);
  /* out of range: an error, not a wrong answer */
  a.aIndex = &bad;
  CHECK_INT(kioskScore(q, &a, &s, &err), KIOSK_EARG);
  CHECK_STR(err.zCode, "ANSWER");
  CHECK_STR(err.zMsg, "option index 7 out of range 0..3");
  a.nIndex = 0;
  CHECK_INT(kioskScore(q, &a, &s, &err), KIOSK_EARG);
  CHECK_STR(err.zMsg, "expected one option index");
  /* points scale */
  q->rPoints = 2;
  k = 3;
  a.aIndex = &k;
  a.nIndex = 1;
  CHECK_INT(kioskScore(q, &a, &s, &err), 0);
  CHECK(NEAR(s.rPoints, 1));
  kioskScoreClear(&s);
  /* general feedback when wrong */
  q->zFeedbackWrong = kioskStrDup("See the lesson on 1992.");
  k = 2;
  CHECK_INT(kioskScore(q, &a, &s, &err), 0);
  CHECK_STR(s.zFeedback, "See the lesson on 1992.");
  kioskScoreClear(&s);
  kioskQuestionFree(q);

  q = choiceQ(KQ_TF);
  kioskQuestionAddOption(q, "True", 0, 0, 0);
  kioskQuestionAddOption(q, "False", 1, 0, 0);
  CHECK(NEAR(scoreIndex(q, 1), 1));
  CHECK(NEAR(scoreIndex(q, 0), 0));
  kioskQuestionFree(q);
}

static void testMulti(void){
  /* GIFT: {~%50%A ~%50%B ~%-100%C} */
  KioskQuestion *q = choiceQ(KQ_MULTI);
  int a[3];
  KioskAnswer ans;
  KioskScore s;
  KioskError err;
  kioskQuestionAddOption(q, "A", 0.5, "yes", 0);
  kioskQuestionAddOption(q, "B", 0.5, 0, 0);
  kioskQuestionAddOption(q, "C", -1, "no", 0);
  kioskQuestionAddOption(q, "D", 0, 0, 0);
  a[0] = 1; a[1] = 0;
  CHECK(NEAR(scoreList(q, a, 2), 1));
  CHECK(NEAR(scoreList(q, a, 1), 0.5));
  a[0] = 0; a[1] = 2;
  CHECK(NEAR(scoreList(q, a, 2), 0));          /* clamped at 0 */
  a[0] = 0; a[1] = 1; a[2] = 3;
  CHECK(NEAR(scoreList(q, a, 3), 1));
  CHECK(NEAR(scoreList(q, a, 0), 0));
  memset(&ans, 0, sizeof(ans));
  a[0] = 0; a[1] = 2;
  ans.nIndex = 2;
  ans.aIndex = a;
  CHECK_INT(kioskScore(q, &ans, &s, &err), 0);
  CHECK_STR(s.zFeedback, "yes\nno");
  CHECK_STR(s.zExpected, "A; B");
  kioskScoreClear(&s);
  a[1] = 0;
  CHECK_INT(kioskScore(q, &ans, &s, &err), KIOSK_EARG);
  CHECK_STR(err.zMsg, "option index 0 given twice");
  /* generated form: right 1/3 each, wrong -1/2 each */
  kioskQuestionFree(q);
  q = choiceQ(KQ_MULTI);
  kioskQuestionAddOption(q, "r1", 1.0/3, 0, 0);
  kioskQuestionAddOption(q, "w1", -0.5, 0, 0);
  kioskQuestionAddOption(q, "r2", 1.0/3, 0, 0);
  kioskQuestionAddOption(q, "r3", 1.0/3, 0, 0);
  kioskQuestionAddOption(q, "w2", -0.5, 0, 0);
  a[0] = 0; a[1] = 2; a[2] = 3;
  CHECK(NEAR(scoreList(q, a, 3), 1));
  a[2] = 1;
  CHECK(NEAR(scoreList(q, a, 3), 1.0/6));
  kioskQuestionFree(q);
  /* Weights that add up to a hair under 1 (0.7+0.2+0.1 in doubles) give
  ** full credit, exactly, and count as correct. */
  q = choiceQ(KQ_MULTI);
  kioskQuestionAddOption(q, "a", 0.7, 0, 0);
  kioskQuestionAddOption(q, "b", 0.2, 0, 0);
  kioskQuestionAddOption(q, "c", 0.1, 0, 0);
  a[0] = 0; a[1] = 1; a[2] = 2;
  CHECK(scoreList(q, a, 3)==1.0);
  kioskQuestionFree(q);
}

static void testYear(void){
  KioskQuestion *q = choiceQ(KQ_YEAR);
  q->rValue = 1992;
  CHECK(NEAR(scoreText(q, "1992"), 1));
  CHECK(NEAR(scoreText(q, " in 1992 "), 1));
  CHECK(NEAR(scoreText(q, "1993"), 0));
  CHECK(NEAR(scoreText(q, "nineteen ninety-two"), 0));
  CHECK(NEAR(scoreText(q, ""), 0));
  CHECK(NEAR(scoreText(q, 0), 0));
  /* a range event 1997..1998: value 1997.5, tolerance 0.5 */
  q->rValue = 1997.5;
  q->rTol = 0.5;
  CHECK(NEAR(scoreText(q, "1997"), 1));
  CHECK(NEAR(scoreText(q, "1998"), 1));
  CHECK(NEAR(scoreText(q, "1999"), 0));
  CHECK(NEAR(scoreText(q, "1996"), 0));
  {
    char *z = kioskQuestionExpected(q);
    CHECK_STR(z, "1997-1998");
    sqlite3_free(z);
  }
  /* a year with tolerance (hand-written {#1992:2}) */
  q->rValue = 1992;
  q->rTol = 2;
  CHECK(NEAR(scoreText(q, "1990"), 1));
  CHECK(NEAR(scoreText(q, "1994"), 1));
  CHECK(NEAR(scoreText(q, "1995"), 0));
  kioskQuestionFree(q);
}

static void testNumber(void){
  static const char *const azRight[] = {
    "396 million", "$396m", "0.396 billion", "396,000,000", "0,396 billion",
    "US$ 396 mln", "396 000 000", "396.000.000", "$396,000,000",
    "396 million dollars", "USD 396000000", "0.396bn", "396"
    "\xc2\xa0" "million", "about 396 million", "396.5 million", 0
  };
  static const char *const azWrong[] = {
    "400 million", "396", "396 billion", "39.6 million", "$3.96 billion",
    "396 km", "lots", "", "0,396", 0
  };
  KioskQuestion *q = choiceQ(KQ_NUMBER);
  int i;
  q->rValue = 396e6;
  q->rTol = 0.005*396e6;
  q->zUnit = kioskStrDup("USD");
  for(i=0; azRight[i]; i++){
    nCheck++;
    if( !NEAR(scoreText(q, azRight[i]), 1) ){
      nFail++;
      fprintf(stderr, "%s:%d: \"%s\" should score 1\n", __FILE__, __LINE__,
              azRight[i]);
    }
  }
  for(i=0; azWrong[i]; i++){
    nCheck++;
    if( !NEAR(scoreText(q, azWrong[i]), 0) ){
      nFail++;
      fprintf(stderr, "%s:%d: \"%s\" should score 0\n", __FILE__, __LINE__,
              azWrong[i]);
    }
  }
  /* the two readings of "2,500 million": 2.5 billion and 2.5 million */
  q->rValue = 2.5e9;
  q->rTol = 0.005*2.5e9;
  CHECK(NEAR(scoreText(q, "2,500 million"), 1));
  CHECK(NEAR(scoreText(q, "$2.5 billion"), 1));
  CHECK(NEAR(scoreText(q, "2,5 bn"), 1));
  CHECK(NEAR(scoreText(q, "2.500.000.000"), 1));
  q->rValue = 2.5e6;
  q->rTol = 0;
  /* "2,500 million" may be a decimal comma: 2.5 million, accepted */
  CHECK(NEAR(scoreText(q, "2,500 million"), 1));
  CHECK(NEAR(scoreText(q, "2,600 million"), 0));
  CHECK(NEAR(scoreText(q, "2.500 million"), 1));  /* decimal point */
  CHECK(NEAR(scoreText(q, "2,5 million"), 1));
  /* a range (GIFT {#1..2}) */
  q->rMin = 1e9;
  q->rMax = 2e9;
  CHECK(NEAR(scoreText(q, "1.5 billion"), 1));
  CHECK(NEAR(scoreText(q, "$2 billion"), 1));
  CHECK(NEAR(scoreText(q, "2.1 billion"), 0));
  {
    char *z = kioskQuestionExpected(q);
    CHECK_STR(z, "$1 billion to $2 billion");
    sqlite3_free(z);
  }
  kioskQuestionFree(q);

  /* other units */
  q = choiceQ(KQ_NUMBER);
  q->rValue = 8000;
  q->rTol = 40;
  q->zUnit = kioskStrDup("km");
  CHECK(NEAR(scoreText(q, "8000"), 1));
  CHECK(NEAR(scoreText(q, "8,000 km"), 1));
  CHECK(NEAR(scoreText(q, "8 000 kilometres"), 1));
  CHECK(NEAR(scoreText(q, "8000 dollars"), 0));
  CHECK(NEAR(scoreText(q, "8 km"), 0));
  sqlite3_free(q->zUnit);
  q->zUnit = kioskStrDup("bcm/yr");
  q->rValue = 30;
  q->rTol = 0.15;
  CHECK(NEAR(scoreText(q, "30"), 1));
  CHECK(NEAR(scoreText(q, "30 bcm a year"), 1));
  CHECK(NEAR(scoreText(q, "30 billion cubic metres"), 1));
  CHECK(NEAR(scoreText(q, "30 km"), 0));
  sqlite3_free(q->zUnit);
  q->zUnit = kioskStrDup("count");
  q->rValue = 5;
  q->rTol = 0;
  CHECK(NEAR(scoreText(q, "5"), 1));
  CHECK(NEAR(scoreText(q, "five"), 1));
  CHECK(NEAR(scoreText(q, "5 countries"), 1));
  CHECK(NEAR(scoreText(q, "4"), 0));
  CHECK(NEAR(scoreText(q, "$5"), 0));
  /* no unit at all (hand-written GIFT numeric) */
  sqlite3_free(q->zUnit);
  q->zUnit = 0;
  q->rValue = 3.14;
  q->rTol = 0.01;
  CHECK(NEAR(scoreText(q, "3.14"), 1));
  CHECK(NEAR(scoreText(q, "3,14"), 1));
  CHECK(NEAR(scoreText(q, "3.2"), 0));
  kioskQuestionFree(q);
}

static void testText(void){
  KioskQuestion *q = choiceQ(KQ_TEXT);
  kioskQuestionAddAccept(q, "Astana");
  kioskQuestionAddAccept(q, "Nur-Sultan");
  CHECK(NEAR(scoreText(q, "astana"), 1));
  CHECK(NEAR(scoreText(q, "  ASTANA "), 1));
  CHECK(NEAR(scoreText(q, "Nur Sultan"), 1));
  CHECK(NEAR(scoreText(q, "nursultan"), 1));
  CHECK(NEAR(scoreText(q, "Almaty"), 0));
  CHECK(NEAR(scoreText(q, ""), 0));
  kioskQuestionFree(q);
  q = choiceQ(KQ_TEXT);
  kioskQuestionAddAccept(q, "Emomali Rakhmon");
  kioskQuestionAddAccept(q, "Rakhmon");
  CHECK(NEAR(scoreText(q, "Rahmon"), 1));
  CHECK(NEAR(scoreText(q, "emomali rahmon"), 1));
  CHECK(NEAR(scoreText(q, "Emomali Rakhmon"), 1));
  CHECK(NEAR(scoreText(q, "Rachmon"), 0));
  kioskQuestionFree(q);
  q = choiceQ(KQ_TEXT);
  kioskQuestionAddAccept(q, "Kyrgyzstan");
  CHECK(NEAR(scoreText(q, "Kirgizstan"), 1));
  CHECK(NEAR(scoreText(q, "KYRGYZSTAN"), 1));
  CHECK(NEAR(scoreText(q, "Kyrgyzstán"), 1));
  CHECK(NEAR(scoreText(q, "Kazakhstan"), 0));
  kioskQuestionFree(q);
  q = choiceQ(KQ_TEXT);
  kioskQuestionAddAccept(q, "Türkmenbaşy");
  CHECK(NEAR(scoreText(q, "Turkmenbashi"), 0));   /* ş->s, not sh */
  CHECK(NEAR(scoreText(q, "turkmenbasy"), 1));
  CHECK(NEAR(scoreText(q, "Turkmenbasi"), 1));
  kioskQuestionFree(q);
}

static void testOrder(void){
  KioskQuestion *q = choiceQ(KQ_ORDER);
  int a[4];
  KioskAnswer ans;
  KioskScore s;
  KioskError err;
  /* shown C A D B; correct order A B C D = indexes 1 3 0 2 */
  kioskQuestionAddOption(q, "C", 0, 0, 0);
  kioskQuestionAddOption(q, "A", 0, 0, 0);
  kioskQuestionAddOption(q, "D", 0, 0, 0);
  kioskQuestionAddOption(q, "B", 0, 0, 0);
  q->aOrder = sqlite3_malloc(sizeof(int)*4);
  q->aOrder[0] = 1; q->aOrder[1] = 3; q->aOrder[2] = 0; q->aOrder[3] = 2;
  a[0] = 1; a[1] = 3; a[2] = 0; a[3] = 2;
  CHECK(NEAR(scoreList(q, a, 4), 1));
  a[0] = 2; a[1] = 0; a[2] = 3; a[3] = 1;          /* D C B A: reversed */
  CHECK(NEAR(scoreList(q, a, 4), 0));
  a[0] = 3; a[1] = 1; a[2] = 0; a[3] = 2;          /* B A C D: 5 of 6 */
  CHECK(NEAR(scoreList(q, a, 4), 5.0/6));
  a[0] = 1; a[1] = 0; a[2] = 3; a[3] = 2;          /* A C B D: 5 of 6 */
  CHECK(NEAR(scoreList(q, a, 4), 5.0/6));
  memset(&ans, 0, sizeof(ans));
  ans.aIndex = a;
  ans.nIndex = 3;
  CHECK_INT(kioskScore(q, &ans, &s, &err), KIOSK_EARG);
  CHECK_STR(err.zMsg, "expected an order of 4 option indexes");
  a[3] = 1;
  ans.nIndex = 4;
  CHECK_INT(kioskScore(q, &ans, &s, &err), KIOSK_EARG);
  CHECK_STR(err.zMsg, "option index 1 given twice");
  a[3] = 4;
  CHECK_INT(kioskScore(q, &ans, &s, &err), KIOSK_EARG);
  {
    char *z = kioskQuestionExpected(q);
    CHECK_STR(z, "A; B; C; D");
    sqlite3_free(z);
  }
  kioskQuestionFree(q);
}

static void testMatch(void){
  KioskQuestion *q = choiceQ(KQ_MATCH);
  const char *az[3];
  KioskAnswer ans;
  KioskScore s;
  KioskError err;
  kioskQuestionAddPair(q, "Silk Road Action Plan", "1998");
  kioskQuestionAddPair(q, "Central Asia plus Japan Dialog", "2004");
  kioskQuestionAddPair(q, "Roadmap", "2017");
  memset(&ans, 0, sizeof(ans));
  ans.azText = az;
  ans.nText = 3;
  az[0] = "1998"; az[1] = "2004"; az[2] = "2017";
  CHECK_INT(kioskScore(q, &ans, &s, &err), 0);
  CHECK(NEAR(s.rCredit, 1));
  CHECK_STR(s.zExpected, "Silk Road Action Plan: 1998; Central Asia plus "
            "Japan Dialog: 2004; Roadmap: 2017");
  kioskScoreClear(&s);
  az[0] = "2004"; az[1] = "1998";
  CHECK_INT(kioskScore(q, &ans, &s, &err), 0);
  CHECK(NEAR(s.rCredit, 1.0/3));
  CHECK_INT(s.bCorrect, 0);
  kioskScoreClear(&s);
  az[0] = " 1998 "; az[1] = "2004";                 /* compared folded */
  CHECK_INT(kioskScore(q, &ans, &s, &err), 0);
  CHECK(NEAR(s.rCredit, 1));
  kioskScoreClear(&s);
  ans.nText = 2;
  CHECK_INT(kioskScore(q, &ans, &s, &err), KIOSK_EARG);
  CHECK_STR(err.zMsg, "expected 3 right-hand texts");
  kioskQuestionFree(q);
}

static void testTally(void){
  KioskTally t;
  KioskQuestion *q = choiceQ(KQ_YEAR);
  KioskScore s;
  memset(&t, 0, sizeof(t));
  memset(&s, 0, sizeof(s));
  CHECK(NEAR(kioskTallyPercent(&t), 0));
  s.bCorrect = 1; s.rCredit = 1; s.rPoints = 1;
  kioskTallyAdd(&t, q, &s);
  s.bCorrect = 0; s.rCredit = 0.5; s.rPoints = 0.5;
  kioskTallyAdd(&t, q, &s);
  s.rCredit = 0; s.rPoints = 0;
  kioskTallyAdd(&t, q, &s);
  s.rCredit = 0; s.rPoints = 0;
  kioskTallyAdd(&t, q, &s);
  CHECK_INT(t.nQuestion, 4);
  CHECK_INT(t.nCorrect, 1);
  CHECK(NEAR(t.rPoints, 1.5));
  CHECK(NEAR(t.rMax, 4));
  CHECK(NEAR(kioskTallyPercent(&t), 37.5));
  CHECK_INT(kioskTallyPassed(&t, 37.5), 1);
  CHECK_INT(kioskTallyPassed(&t, 50), 0);
  kioskQuestionFree(q);
}

int main(void){
  testChoice();
  testMulti();
  testYear();
  testNumber();
  testText();
  testOrder();
  testMatch();
  testTally();
  return HARNESS_DONE("test-score");
}
