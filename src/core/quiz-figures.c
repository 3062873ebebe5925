/*
** quiz-figures.c: questions about amounts and quantities (figures table).
**
**   figure-amount  "<label>: how much was it?" (choice)
**   figure-typed   the same, typed ("396 million", "$396m", ...) (number)
**   figure-which   "Which of these came to $2.5 billion?" (choice)
**   truefalse-figure  "<label>: $396 million." true or false
**
** Wrong amounts are the same unit and order of magnitude: sibling figures
** first (figures.grp: other countries, other periods), then scaled
** variants rounded like the right one. A wrong amount must not pass for
** the right one (kioskAmountSame) nor for any figure with the same label,
** and a wrong figure in figure-which must not have the asked amount: the
** course has $2.5 billion twice (1991 grants, 2017 FDI stock in
** Uzbekistan), so neither is ever a wrong option for the other.
*/
#include "quizint.h"
#include "amount.h"

#include <math.h>
#include <string.h>

static const char zSiblingSql[] =
  "SELECT " FG_COLS " FROM figures WHERE grp=?1 AND id<>?2 AND unit=?3"
  " ORDER BY rowid LIMIT 16";
static const char zSameLabelSql[] =
  "SELECT " FG_COLS " FROM figures WHERE label=?1 AND unit=?2 LIMIT 64";
static const char zAboveSql[] =
  "SELECT " FG_COLS " FROM figures WHERE unit=?1 AND value>?2"
  " ORDER BY value LIMIT 8";
static const char zBelowSql[] =
  "SELECT " FG_COLS " FROM figures WHERE unit=?1 AND value<?2"
  " ORDER BY value DESC LIMIT 8";

static int isCount(const Row *pFig){
  return strcmp(pFig->az[FG_UNIT], "count")==0;
}

static const char *amountText(QuizGen *g, double v, const char *zUnit,
                              int bApprox){
  char zBuf[96];
  kioskAmountFormat(v, zUnit, bApprox, zBuf, (int)sizeof(zBuf));
  return qStr(g, zBuf);
}

/* 1 when v is certainly not the value of figure pFig: not the same amount,
** and no figure with the same label and unit has it either. -1 on error. */
static int valueIsWrong(QuizGen *g, const Row *pFig, double v){
  Row aRow[64];
  int n, i, bApprox = pFig->ar[FG_APPROX]!=0;
  if( v<=0 ) return 0;
  if( isCount(pFig) && v!=floor(v) ) return 0;
  if( kioskAmountSame(v, pFig->ar[FG_VALUE], bApprox) ) return 0;
  n = qFetch(g, zSameLabelSql, aRow, 64, "tt", pFig->az[FG_LABEL],
             pFig->az[FG_UNIT]);
  if( n<0 ) return -1;
  if( n>=64 ) return 0;
  for(i=0; i<n; i++){
    if( kioskAmountSame(aRow[i].ar[FG_VALUE], v,
                        bApprox || aRow[i].ar[FG_APPROX]!=0) ){
      return 0;
    }
  }
  return 1;
}

/* 1 when some figure labelled zLabel (unit zUnit) passes for amount v;
** -1 on error. */
static int labelHasValue(QuizGen *g, const char *zLabel, const char *zUnit,
                         double v, int bApprox){
  Row aRow[64];
  int n = qFetch(g, zSameLabelSql, aRow, 64, "tt", zLabel, zUnit), i;
  if( n<0 ) return -1;
  if( n>=64 ) return 1;
  for(i=0; i<n; i++){
    if( kioskAmountSame(aRow[i].ar[FG_VALUE], v,
                        bApprox || aRow[i].ar[FG_APPROX]!=0) ) return 1;
  }
  return 0;
}

/* 1 when every figure of pFig's label and unit has pFig's value (two
** sources giving two amounts make a typed answer ambiguous). */
static int labelUnambiguous(QuizGen *g, const Row *pFig){
  Row aRow[16];
  int n = qFetch(g, zSameLabelSql, aRow, 16, "tt", pFig->az[FG_LABEL],
                 pFig->az[FG_UNIT]), i;
  if( n<=0 || n>=16 ) return 0;
  for(i=0; i<n; i++){
    if( !kioskAmountSame(aRow[i].ar[FG_VALUE], pFig->ar[FG_VALUE],
                         aRow[i].ar[FG_APPROX]!=0 || pFig->ar[FG_APPROX]!=0) ){
      return 0;
    }
  }
  return 1;
}

int qWrongValues(QuizGen *g, const Row *pFig, double *aOut, int nWant){
  static const double aMul[] = {
    0.4, 0.5, 0.6, 0.75, 0.8, 1.25, 1.5, 1.75, 2, 2.5, 3
  };
  double aCand[40], v = pFig->ar[FG_VALUE];
  int nCand = 0, nSib = 0, i, j, n = 0;
  int bApprox = pFig->ar[FG_APPROX]!=0;
  int nSig = kioskAmountSigDigits(v);
  const char *zRight = amountText(g, v, pFig->az[FG_UNIT], bApprox);
  if( nSig<2 ) nSig = 2;

  if( pFig->az[FG_GRP] ){
    Row aSib[16];
    int nRow = qFetch(g, zSiblingSql, aSib, 16, "ttt", pFig->az[FG_GRP],
                      pFig->az[FG_ID], pFig->az[FG_UNIT]);
    if( nRow<0 ) return -1;
    for(i=0; i<nRow; i++){
      double s = aSib[i].ar[FG_VALUE];
      if( s>=v/5 && s<=v*5 ) aCand[nCand++] = s;
    }
    qShuffle(g, aCand, nCand, (int)sizeof(double));
    nSib = nCand;
  }
  if( isCount(pFig) ){
    static const int aDelta[] = { -3, -2, -1, 1, 2, 3 };
    for(i=0; i<6; i++) aCand[nCand++] = v + aDelta[i];
  }else{
    for(i=0; i<(int)(sizeof(aMul)/sizeof(aMul[0])); i++){
      aCand[nCand++] = kioskAmountRound(v*aMul[i], nSig);
    }
  }
  qShuffle(g, aCand+nSib, nCand-nSib, (int)sizeof(double));

  for(i=0; i<nCand && n<nWant; i++){
    double c = aCand[i];
    const char *zText;
    int rc = valueIsWrong(g, pFig, c);
    if( rc<0 ) return -1;
    if( rc==0 ) continue;
    zText = amountText(g, c, pFig->az[FG_UNIT], bApprox);
    if( zText==0 || strcmp(zText, zRight)==0 ) continue;
    for(j=0; j<n; j++){
      if( kioskAmountSame(aOut[j], c, bApprox) ) break;
      if( strcmp(amountText(g, aOut[j], pFig->az[FG_UNIT], bApprox),
                 zText)==0 ) break;
    }
    if( j<n ) continue;
    aOut[n++] = c;
  }
  return n;
}

static const char *howMuch(const Row *pFig){
  const char *zUnit = pFig->az[FG_UNIT];
  if( strcmp(zUnit, "km")==0 ) return "how many kilometres?";
  if( strcmp(zUnit, "bcm/yr")==0 ) return "how much gas a year?";
  if( strcmp(zUnit, "count")==0 ) return "how many?";
  return "how much was it?";
}

/* "Japanese aid to Uzbekistan: $396 million. For comparison: ..." */
static const char *figureExplain(QuizGen *g, const Row *pFig){
  Row aSib[16];
  const char *z;
  int n = 0, i, nShown = 0;
  z = qPrintf(g, "%s: %s.", pFig->az[FG_LABEL],
              amountText(g, pFig->ar[FG_VALUE], pFig->az[FG_UNIT],
                         pFig->ar[FG_APPROX]!=0));
  if( pFig->az[FG_GRP] ){
    n = qFetch(g, zSiblingSql, aSib, 16, "ttt", pFig->az[FG_GRP],
               pFig->az[FG_ID], pFig->az[FG_UNIT]);
  }
  for(i=0; i<n && nShown<3; i++, nShown++){
    z = qPrintf(g, "%s%s%s: %s", z, nShown ? "; " : " For comparison: ",
                aSib[i].az[FG_LABEL],
                amountText(g, aSib[i].ar[FG_VALUE], aSib[i].az[FG_UNIT],
                           aSib[i].ar[FG_APPROX]!=0));
  }
  if( nShown ) z = qPrintf(g, "%s.", z);
  return z;
}

static KioskQuestion *figureAmount(QuizGen *g, const Row *pFig){
  double aWrong[3];
  QOpts opts;
  KioskQuestion *q;
  int i, n, bApprox = pFig->ar[FG_APPROX]!=0;
  const char *zRight = amountText(g, pFig->ar[FG_VALUE], pFig->az[FG_UNIT],
                                  bApprox);
  n = qWrongValues(g, pFig, aWrong, 3);
  if( n<2 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, zRight, 1, pFig->az[FG_ID], pFig->ar[FG_VALUE]);
  for(i=0; i<n; i++){
    qOptAdd(g, &opts, amountText(g, aWrong[i], pFig->az[FG_UNIT], bApprox),
            0, 0, aWrong[i]);
  }
  if( opts.n<3 ) return 0;
  q = qNew(g, KQ_CHOICE, "figure", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, qPrintf(g, "%s: %s", pFig->az[FG_LABEL],
                                   howMuch(pFig)))
   || qSet(g, &q->zAnswer, zRight)
   || qSet(g, &q->zExplain, figureExplain(g, pFig))
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE])
   || qOptsToQuestion(g, q, &opts, 1) ){
    return qDrop(q);
  }
  return qFinish(g, q, "amount");
}

static KioskQuestion *figureTyped(QuizGen *g, const Row *pFig){
  KioskQuestion *q;
  double v = pFig->ar[FG_VALUE];
  int bApprox = pFig->ar[FG_APPROX]!=0;
  const char *zHint;
  const char *zUnit = pFig->az[FG_UNIT];
  if( strcmp(zUnit, "USD")==0 ) zHint = "Type the amount, e.g. \"$12 million\".";
  else if( strcmp(zUnit, "km")==0 ) zHint = "Type the distance in kilometres.";
  else if( strcmp(zUnit, "bcm/yr")==0 ) zHint = "Type the volume in bcm a year.";
  else zHint = "Type the number.";
  if( !labelUnambiguous(g, pFig) ) return 0;
  q = qNew(g, KQ_NUMBER, "figure", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  q->rValue = v;
  q->rTol = bApprox ? 0.15*v : isCount(pFig) ? 0 : 0.005*v;
  if( qSet(g, &q->zUnit, zUnit)
   || qSet(g, &q->zPrompt, qPrintf(g, "%s: %s %s", pFig->az[FG_LABEL],
                                   howMuch(pFig), zHint))
   || qSet(g, &q->zAnswer, amountText(g, v, zUnit, bApprox))
   || qSet(g, &q->zExplain, figureExplain(g, pFig))
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, "typed");
}

static KioskQuestion *figureWhich(QuizGen *g, const Row *pFig){
  Row aCand[32], aWrong[3];
  QOpts opts;
  KioskQuestion *q;
  int nCand = 0, nSib = 0, k, i, nWrong = 0;
  int bApprox = pFig->ar[FG_APPROX]!=0;
  double v = pFig->ar[FG_VALUE];
  const char *zAmount = amountText(g, v, pFig->az[FG_UNIT], bApprox);
  const char *zVerb, *zOthers = "";
  const char *zUnit = pFig->az[FG_UNIT];

  if( pFig->az[FG_GRP] ){
    nSib = qFetch(g, zSiblingSql, aCand, 16, "ttt", pFig->az[FG_GRP],
                  pFig->az[FG_ID], zUnit);
    if( nSib<0 ) return 0;
    qShuffle(g, aCand, nSib, (int)sizeof(Row));
    nCand = nSib;
  }
  k = qFetch(g, zAboveSql, aCand+nCand, 8, "td", zUnit, v);
  if( k<0 ) return 0;
  nCand += k;
  k = qFetch(g, zBelowSql, aCand+nCand, 8, "td", zUnit, v);
  if( k<0 ) return 0;
  nCand += k;
  qShuffle(g, aCand+nSib, nCand-nSib, (int)sizeof(Row));

  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, pFig->az[FG_LABEL], 1, pFig->az[FG_ID], 0);
  for(i=0; i<nCand && nWrong<3; i++){
    const Row *c = &aCand[i];
    if( strcmp(c->az[FG_ID], pFig->az[FG_ID])==0 ) continue;
    if( kioskAmountSame(c->ar[FG_VALUE], v,
                        bApprox || c->ar[FG_APPROX]!=0) ) continue;
    if( qOptHas(g, &opts, c->az[FG_LABEL]) ) continue;
    k = labelHasValue(g, c->az[FG_LABEL], zUnit, v, bApprox);
    if( k<0 ) return 0;
    if( k ) continue;
    if( qOptAdd(g, &opts, c->az[FG_LABEL], 0, c->az[FG_ID], 0) ){
      aWrong[nWrong++] = *c;
    }
  }
  if( nWrong<2 ) return 0;
  for(i=0; i<nWrong; i++){
    zOthers = qPrintf(g, "%s%s%s: %s", zOthers, i ? "; " : "",
                      aWrong[i].az[FG_LABEL],
                      amountText(g, aWrong[i].ar[FG_VALUE], zUnit,
                                 aWrong[i].ar[FG_APPROX]!=0));
  }
  if( strcmp(zUnit, "count")==0 ) zVerb = "numbered";
  else if( strcmp(zUnit, "km")==0 ) zVerb = "measured";
  else if( strcmp(zUnit, "bcm/yr")==0 ) zVerb = "was";
  else zVerb = "came to";
  q = qNew(g, KQ_CHOICE, "figure", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, qPrintf(g, "Which of these %s %s?", zVerb, zAmount))
   || qSet(g, &q->zAnswer, pFig->az[FG_LABEL])
   || qSet(g, &q->zExplain, qPrintf(g, "%s: %s. The others: %s.",
                                    pFig->az[FG_LABEL], zAmount, zOthers))
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE])
   || qOptsToQuestion(g, q, &opts, 0) ){
    return qDrop(q);
  }
  return qFinish(g, q, "which");
}

KioskQuestion *quizFigure(QuizGen *g){
  Row fig;
  int aForm[3] = {0, 1, 2}, i;
  if( qProbe(g, QT_FIGURE, &fig)!=1 ) return 0;
  qShuffle(g, aForm, 3, (int)sizeof(int));
  for(i=0; i<3; i++){
    KioskQuestion *q = 0;
    switch( aForm[i] ){
      case 0: if( qKindOk(g, KQ_CHOICE) ) q = figureAmount(g, &fig); break;
      case 1: if( qKindOk(g, KQ_NUMBER) ) q = figureTyped(g, &fig); break;
      case 2: if( qKindOk(g, KQ_CHOICE) ) q = figureWhich(g, &fig); break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

KioskQuestion *quizTfFigure(QuizGen *g, const Row *pFig){
  KioskQuestion *q;
  int bTrue = (int)qRand(g, 2), bApprox = pFig->ar[FG_APPROX]!=0;
  double v = pFig->ar[FG_VALUE], w;
  const char *zRight = amountText(g, v, pFig->az[FG_UNIT], bApprox);
  const char *zClaim = zRight, *zExplain;
  if( !bTrue ){
    if( qWrongValues(g, pFig, &w, 1)!=1 ) return 0;
    zClaim = amountText(g, w, pFig->az[FG_UNIT], bApprox);
    zExplain = qPrintf(g, "False: %s, not %s. %s", zRight, zClaim,
                       figureExplain(g, pFig));
  }else{
    zExplain = qPrintf(g, "True. %s", figureExplain(g, pFig));
  }
  q = qNew(g, KQ_TF, "truefalse", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddOption(q, "True", bTrue ? 1 : 0, 0, 0)
   || kioskQuestionAddOption(q, "False", bTrue ? 0 : 1, 0, 0) ){
    qOom(g);
    return qDrop(q);
  }
  if( qSet(g, &q->zPrompt, qPrintf(g, "True or false? %s: %s.",
                                   pFig->az[FG_LABEL], zClaim))
   || qSet(g, &q->zAnswer, bTrue ? "True" : "False")
   || qSet(g, &q->zExplain, zExplain)
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, bTrue ? "figure-true" : "figure-false");
}
