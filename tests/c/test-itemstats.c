/*
** test-itemstats.c: Moodle's item statistics (itemstats.c) against values
** computed by hand on a small class.
**
** The class: six attempts at four questions (full marks 1, 1, 2, 1; the
** fourth not asked in attempt 5), totals 4 4 3 2 1 1:
**
**            q1  q2  q3  q4   total
**   att 0     1   1   2   0    4
**   att 1     1   0   2   1    4
**   att 2     1   1   1   0    3
**   att 3     0   1   0   1    2
**   att 4     0   0   1   -    1
**   att 5     0   0   0   1    1
**
** q1 by hand: x = 1 1 1 0 0 0, rest y = total - x = 3 3 2 2 1 1;
** mean x .5, mean y 2; var x = 6(.25)/5 = .3, var y = 4/5 = .8;
** cov = (.5+.5+0+0+.5+.5)/5 = .4; facility 50%, sd sqrt(.3) = 54.77%;
** discrimination 100(.4)/sqrt(.3 x .8) = 81.65; sorted pairs x 0 0 0 1 1 1
** with y 1 1 2 2 3 3 give covmax .4, so efficiency 100.
** q2: y = 3 4 2 1 1 1, cov 0: discrimination 0, efficiency 0.
** q3: facility 50%, sd 44.72%, discrimination 26.73, efficiency 33.33.
** q4 (five attempts): facility 60%, sd 54.77%, discrimination -72.22,
** efficiency -76.47: flagged negative.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "harness.h"
#include "itemstats.h"
#include "records.h"
#include "recfixture.h"

#define CHECK_NEAR(got, want) do{ double g_ = (got), w_ = (want); nCheck++; \
  if( !(fabs(g_-w_)<0.005) ){ nFail++; \
  fprintf(stderr, "%s:%d: %s is %.4f, want %.4f\n", __FILE__, __LINE__, \
          #got, g_, w_); } }while(0)

static const double aClass[6][4] = {
  { 1, 1, 2, 0 },
  { 1, 0, 2, 1 },
  { 1, 1, 1, 0 },
  { 0, 1, 0, 1 },
  { 0, 0, 1, NAN },
  { 0, 0, 0, 1 },
};
static const double aMaxMark[4] = { 1, 1, 2, 1 };

static void checkClass(const KioskItemStats *p){
  CHECK_INT(p->nItem, 4);
  if( p->nItem!=4 ) return;
  CHECK_INT(p->aItem[0].nAttempt, 6);
  CHECK_NEAR(p->aItem[0].rFacility, 50.0);
  CHECK_NEAR(p->aItem[0].rSd, 54.7723);
  CHECK_NEAR(p->aItem[0].rDiscrimination, 81.6497);
  CHECK_NEAR(p->aItem[0].rEfficiency, 100.0);
  CHECK_NEAR(p->aItem[1].rDiscrimination, 0.0);
  CHECK_NEAR(p->aItem[1].rEfficiency, 0.0);
  CHECK_NEAR(p->aItem[2].rFacility, 50.0);
  CHECK_NEAR(p->aItem[2].rSd, 44.7214);
  CHECK_NEAR(p->aItem[2].rDiscrimination, 26.7261);
  CHECK_NEAR(p->aItem[2].rEfficiency, 33.3333);
  CHECK_INT(p->aItem[3].nAttempt, 5);
  CHECK_NEAR(p->aItem[3].rFacility, 60.0);
  CHECK_NEAR(p->aItem[3].rDiscrimination, -72.2222);
  CHECK_NEAR(p->aItem[3].rEfficiency, -76.4706);
  CHECK(!p->aItem[0].bNegative && p->aItem[3].bNegative);
}

static void testCompute(void){
  KioskItemStats s;
  KioskItemStat aItem[4];
  double aMark[24], aTotal[6];
  int abTop[6], a, i;
  memset(&s, 0, sizeof(s));
  memset(aItem, 0, sizeof(aItem));
  s.nItem = 4;
  s.aItem = aItem;
  for(a=0; a<6; a++){
    aTotal[a] = 0;
    for(i=0; i<4; i++){
      aMark[a*4+i] = aClass[a][i];
      if( !isnan(aClass[a][i]) ) aTotal[a] += aClass[a][i];
    }
  }
  /* the top third: two of six, the two 4s */
  kioskItemStatsTopThird(6, aTotal, abTop);
  CHECK(abTop[0] && abTop[1] && !abTop[2] && !abTop[3] && !abTop[4]
        && !abTop[5]);
  CHECK_INT(kioskItemStatsCompute(&s, 6, aMark, aMaxMark, abTop), 0);
  checkClass(&s);
  CHECK_INT(aItem[0].nTop, 2);
  /* one attempt: nothing is defined but the facility */
  CHECK_INT(kioskItemStatsCompute(&s, 1, aMark, aMaxMark, abTop), 0);
  CHECK_NEAR(aItem[0].rFacility, 100.0);
  CHECK(isnan(aItem[0].rSd) && isnan(aItem[0].rDiscrimination)
        && isnan(aItem[0].rEfficiency));
  /* ties keep the order given: ceil(4/3) = 2 of four equal totals */
  {
    double aEq[4] = { 1, 1, 1, 1 };
    int abT[4];
    kioskItemStatsTopThird(4, aEq, abT);
    CHECK(abT[0] && abT[1] && !abT[2] && !abT[3]);
  }
}

/* A wrong option picked more than the right one by the top third. */
static void testWrongBeatsRight(void){
  KioskItemStats s;
  KioskItemStat it;
  KioskItemOption aOpt[3];
  double aMark[3] = { 0, 0, 1 }, aMax[1] = { 1 };
  int abTop[3] = { 1, 0, 0 };
  memset(&s, 0, sizeof(s));
  memset(&it, 0, sizeof(it));
  memset(aOpt, 0, sizeof(aOpt));
  aOpt[0].zText = "right"; aOpt[0].rCredit = 1; aOpt[0].nPick = 1;
  aOpt[1].zText = "tempting"; aOpt[1].nPick = 2; aOpt[1].nPickTop = 1;
  aOpt[2].zText = "silly";
  it.nOption = 3;
  it.aOption = aOpt;
  s.nItem = 1;
  s.aItem = &it;
  CHECK_INT(kioskItemStatsCompute(&s, 3, aMark, aMax, abTop), 0);
  CHECK_INT(it.iWrongTop, 1);
  aOpt[0].nPickTop = 1;                 /* a tie is not a flag */
  kioskItemStatsCompute(&s, 3, aMark, aMax, abTop);
  CHECK_INT(it.iWrongTop, -1);
}

/* The same class in a records database, through kioskctl's path. */
static void testFromRecords(void){
  static const char *const azOpt[] = { "Right", "Wrong" };
  static const double arCredit[] = { 1.0, 0.0 };
  KioskRecords *p = 0;
  KioskError err;
  KioskItemStats s;
  KioskQuiz quiz;
  int a, i;
  kioskErrorClear(&err);
  memset(&s, 0, sizeof(s));
  memset(&quiz, 0, sizeof(quiz));
  if( kioskRecordsOpen(":memory:", 0, &p, &err) ){
    nFail++;
    return;
  }
  /* Questions 1, 2 and 4 are right (1) or wrong (0); question 3, worth
  ** 2, takes a mark of 2, 1 or 0 from an option with credit 1, 0.5 or 0. */
  {
    static const char *const azPart[] = { "All of it", "Half", "None" };
    static const double arPart[] = { 1.0, 0.5, 0.0 };
    fixQuestion(&quiz, "pack:geo:1", KQ_CHOICE, "First one", 1, 2, azOpt,
                arCredit);
    fixQuestion(&quiz, "pack:geo:2", KQ_CHOICE, "Second one", 1, 2, azOpt,
                arCredit);
    fixQuestion(&quiz, "pack:geo:3", KQ_CHOICE, "How many?", 2, 3, azPart,
                arPart);
    fixQuestion(&quiz, "pack:geo:4", KQ_TF, "Is it so?", 1, 2, azOpt,
                arCredit);
  }
  for(a=0; a<6; a++){
    sqlite3_int64 iStu = 0, iAtt = 0;
    char zName[16];
    snprintf(zName, sizeof(zName), "Student %d", a);
    CHECK_INT(kioskRecordsStudentAdd(p, zName, 1000, &iStu, &err), 0);
    /* a missing mark (student 4, question 4): a quiz of three */
    CHECK_INT(fixStart(p, iStu, "geo", &quiz, isnan(aClass[a][3]) ? 3 : 4,
                       1000+a, &iAtt, &err), 0);
    for(i=0; i<4; i++){
      double m = aClass[a][i];
      const char *zAns = m>0 ? "0" : "1";
      if( isnan(m) ) continue;
      if( i==2 ) zAns = m==2 ? "0" : m==1 ? "1" : "2";
      CHECK_INT(fixAnswer(p, iAtt, i, zAns, 2000, &err), 0);
    }
    CHECK_INT(kioskAttemptFinish(p, iAtt, 3000, 0, 0, &err), 0);
    if( a==0 ){
      /* a second, later attempt of the same student is not analysed */
      sqlite3_int64 iAtt2 = 0;
      CHECK_INT(fixStart(p, iStu, "geo", &quiz, 1, 4000, &iAtt2, &err), 0);
      CHECK_INT(kioskAttemptFinish(p, iAtt2, 4001, 0, 0, &err), 0);
    }
  }
  CHECK_INT(kioskItemStatsFromRecords(p, "geo", &s, &err), 0);
  CHECK_INT(s.nAttempt, 6);
  checkClass(&s);
  if( s.nItem==4 ){
    CHECK_STR(s.aItem[0].zQuestion, "pack:geo:1");
    CHECK_STR(s.aItem[0].zPrompt, "First one");
    CHECK_INT(s.aItem[0].nOption, 2);
    if( s.aItem[0].nOption==2 ){
      CHECK_STR(s.aItem[0].aOption[0].zText, "Right");
      CHECK_INT(s.aItem[0].aOption[0].nPick, 3);
      CHECK_INT(s.aItem[0].aOption[0].nPickTop, 2);
      CHECK_INT(s.aItem[0].aOption[1].nPick, 3);
    }
    CHECK_INT(s.aItem[2].nOption, 3);
  }
  {
    /* the CSV: a header, a row per question and per option */
    char *zBuf = 0;
    size_t nBuf = 0;
    FILE *out = open_memstream(&zBuf, &nBuf);
    CHECK_INT(kioskItemStatsCsv(&s, out, &err), 0);
    fclose(out);
    CHECK(zBuf && strncmp(zBuf, "row,question,kind,text,credit,count,"
                          "share_percent,top_third_share_percent,"
                          "facility_percent,sd_percent,discrimination_index,"
                          "discriminative_efficiency,flags\r\n", 149)==0);
    CHECK(zBuf && strstr(zBuf, "\r\nquestion,pack:geo:1,choice,First one,,6,"
                         ",,50.00,54.77,81.65,100.00,\r\n"
                         "option,pack:geo:1,choice,Right,1,3,50.00,100.00,"
                         ",,,,\r\n"));
    CHECK(zBuf && strstr(zBuf, "question,pack:geo:4,tf,Is it so?,,5,,,60.00,"
                         "54.77,-72.22,-76.47,negative discrimination\r\n"));
    free(zBuf);
  }
  kioskItemStatsReset(&s);
  CHECK_INT(kioskItemStatsFromRecords(p, 0, &s, &err), KIOSK_EARG);
  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

int main(void){
  testCompute();
  testWrongBeatsRight();
  testFromRecords();
  return HARNESS_DONE("test-itemstats");
}
