/*
** quiz-dates.c: questions about when things happened.
**
**   date-year        "In which year did this happen: ...?" (choice; months
**                    for a fact dated to the month or day)
**   date-typed-year  the same, typed, within the fact's own range
**   date-inyear      "Which of these happened in 2004?" (choice)
**   date-inyear-all  the same with several right answers (multi)
**   chronology-order put four or five events in order (order)
**   truefalse-date   "... happened in 1997." true, or false with a year
**                    it certainly did not happen in
**
** A wrong date is one the fact base rules out (qIvalCertainlyWrong): for a
** fact dated "1997..1998" neither 1997 nor 1998 is wrong, and for an
** approximate date ("~2000..2003") a year next to the range is not wrong
** either (kdate.h).
*/
#include "quizint.h"

#include <string.h>

/* ---------------------------------------------------------------- intervals */

int qDateIval(const char *zDate, QIval *p, KioskDate *pDate){
  KioskDate d;
  if( zDate==0 || kioskDateParse(zDate, -1, &d, 0, 0) ) return 1;
  memset(p, 0, sizeof(*p));
  if( d.bApprox ){
    /* "mid-2019" (~2019-05..2019-07): vague months, certain years */
    p->a = d.y0; p->b = d.y1; p->bApprox = d.m0==0;
  }else if( d.ePrec==KDATE_MONTH || d.ePrec==KDATE_DAY ){
    p->bMonth = 1;
    p->a = p->b = d.y0*12 + d.m0 - 1;
  }else if( d.ePrec==KDATE_RANGE && d.m0 && d.m1 ){
    p->bMonth = 1;
    p->a = d.y0*12 + d.m0 - 1;
    p->b = d.y1*12 + d.m1 - 1;
  }else{
    p->a = d.y0; p->b = d.y1;
  }
  if( pDate ) *pDate = d;
  return 0;
}

const char *qIvalText(QuizGen *g, const QIval *p){
  KioskDate d;
  char zBuf[96];
  memset(&d, 0, sizeof(d));
  d.bApprox = p->bApprox;
  if( p->bMonth ){
    d.y0 = p->a/12; d.m0 = p->a%12 + 1;
    d.y1 = p->b/12; d.m1 = p->b%12 + 1;
    d.ePrec = p->a==p->b ? KDATE_MONTH : KDATE_RANGE;
  }else{
    d.y0 = p->a; d.y1 = p->b;
    d.ePrec = p->a==p->b ? KDATE_YEAR : KDATE_RANGE;
  }
  kioskDateFormat(&d, zBuf, (int)sizeof(zBuf));
  return qStr(g, zBuf);
}

int qIvalCertainlyWrong(const QIval *t, const KioskDate *pDate,
                        const QIval *w){
  int y, ext;
  if( t->bMonth!=w->bMonth ) return 0;
  if( t->bMonth ) return w->b<t->a || w->a>t->b;
  /* An approximate wrong answer ("c. 2016") must stay clear of the truth
  ** even when read loosely: one more year of margin. */
  ext = t->bApprox ? 1 : 0;
  for(y=w->a-ext; y<=w->b+ext; y++){
    if( !kioskDateCertainlyNotYear(pDate, y) ) return 0;
  }
  return 1;
}

int qWrongIvals(QuizGen *g, const QIval *t, const KioskDate *pDate,
                QIval *aOut, int nWant){
  int aStart[64], nStart = 0, i, j, n = 0;
  int nLen = t->b - t->a + 1;
  int nReach = (t->bMonth ? 12 : 5) + nLen;
  int c;
  for(c=t->a-nReach-nLen+1; c<=t->b+nReach && nStart<64; c++){
    QIval w = *t;
    w.a = c;
    w.b = c+nLen-1;
    if( qIvalCertainlyWrong(t, pDate, &w) ) aStart[nStart++] = c;
  }
  /* wrong dates only inside the years the course covers: "c. 2023-2032"
  ** in a course that ends in 2019 gives itself away */
  {
    int nIn = 0;
    for(i=0; i<nStart; i++){
      int yA = t->bMonth ? aStart[i]/12 : aStart[i];
      int yB = t->bMonth ? (aStart[i]+nLen-1)/12 : aStart[i]+nLen-1;
      if( yA>=g->iYearLo && yB<=g->iYearHi ) aStart[nIn++] = aStart[i];
    }
    nStart = nIn;
    qShuffle(g, aStart, nStart, (int)sizeof(int));
  }
  for(i=0; i<nStart && n<nWant; i++){
    QIval w = *t;
    w.a = aStart[i];
    w.b = aStart[i]+nLen-1;
    for(j=0; j<n; j++){
      if( !(w.b<aOut[j].a || w.a>aOut[j].b) ) break;   /* overlaps */
    }
    if( j<n ) continue;
    aOut[n++] = w;
  }
  return n;
}

int qCertainlyBefore(const KioskDate *a, const KioskDate *b){
  /* "~1991..1994" may run into 1995 and "~1996..1999" start in 1995 */
  return a->y1 + a->bApprox + b->bApprox < b->y0;
}

static const char *dateText(QuizGen *g, const KioskDate *d){
  char zBuf[96];
  kioskDateFormat(d, zBuf, (int)sizeof(zBuf));
  return qStr(g, zBuf);
}

/* ---------------------------------------------------------------- names */

/* A question names a fact by its title: every check must hold for all the
** facts of that title (indexes events_title, initiatives_name). */
static const char zEventTitleSql[] =
  "SELECT date FROM events WHERE title=?1 LIMIT 16";
static const char zInitNameSql[] =
  "SELECT date FROM initiatives WHERE name=?1 LIMIT 16";

/* 1 when every fact of f's title has f's date, so the title means one
** date, and the title does not spell out its year; 0 when not (or on
** error). */
static int dateUnambiguous(QuizGen *g, const QDated *f){
  Row a[16];
  KioskDate d;
  int n, i;
  /* "2014 Joint Statement": the name gives the year away */
  if( kioskDateParse(f->zDate, -1, &d, 0, 0) ) return 0;
  for(i=d.y0; i<=d.y1; i++){
    if( strstr(f->zWhat, qPrintf(g, "%d", i)) ) return 0;
  }
  n = qFetch(g, f->bInitiative ? zInitNameSql : zEventTitleSql, a, 16,
             "t", f->zWhat);
  if( n<=0 || n>=16 ) return 0;
  for(i=0; i<n; i++){
    if( strcmp(a[i].az[0], f->zDate)!=0 ) return 0;
  }
  return 1;
}

/* 1 when no event titled zTitle may have happened in year y. */
static int titleNotIn(QuizGen *g, const char *zTitle, int y){
  Row a[16];
  int n = qFetch(g, zEventTitleSql, a, 16, "t", zTitle), i;
  if( n<=0 || n>=16 ) return 0;
  for(i=0; i<n; i++){
    KioskDate d;
    if( kioskDateParse(a[i].az[0], -1, &d, 0, 0) ) return 0;
    if( !kioskDateCertainlyNotYear(&d, y) ) return 0;
  }
  return 1;
}

/* 1 when zTitle belongs to one event only. */
static int titleUnique(QuizGen *g, const char *zTitle){
  Row a[2];
  return qFetch(g, zEventTitleSql, a, 2, "t", zTitle)==1;
}

/* ---------------------------------------------------------------- year */

static const char *datePrompt(QuizGen *g, const QDated *f, const QIval *t){
  const char *zUnit;
  int bMany = t->a!=t->b;
  if( t->bMonth ) zUnit = bMany ? "months" : "month";
  else zUnit = bMany ? "years" : "year";
  if( f->bInitiative ){
    return qPrintf(g, "In which %s %s %s %s?", zUnit, qWas(f->zWhat),
                   qTheName(g, f->zWhat), qInitVerbOf(f->zVerb, f->zKind));
  }
  return qPrintf(g, "In which %s did this happen: \xe2\x80\x9c%s\xe2\x80\x9d?",
                 zUnit, f->zWhat);
}

/* "It happened in October 1991. <detail>" (an initiative: "The Silk Road
** Action Plan dates from March 1998: <summary>"). */
static const char *dateExplain(QuizGen *g, const QDated *f,
                               const KioskDate *d){
  const char *zWhen = qWhen(g, f->zDate);
  if( zWhen==0 ) zWhen = dateText(g, d);
  if( f->bInitiative ){
    return qPrintf(g, "%s %s %s %s: %s", qCap(g, qTheName(g, f->zWhat)),
                   qWas(f->zWhat), qInitVerbOf(f->zVerb, f->zKind), zWhen, qInSentence(g, f->zDetail));
  }
  return qPrintf(g, "It happened %s. %s", zWhen, f->zDetail);
}

KioskQuestion *qDateChoice(QuizGen *g, const QDated *f, const char *zTopic,
                           const char *zForm){
  QIval t, aWrong[3];
  KioskDate d;
  QOpts opts;
  KioskQuestion *q;
  int i, nWrong;
  const char *zRight;

  if( qDateIval(f->zDate, &t, &d) ) return 0;
  if( !dateUnambiguous(g, f) ) return 0;
  nWrong = qWrongIvals(g, &t, &d, aWrong, 3);
  if( nWrong<2 ) return 0;
  memset(&opts, 0, sizeof(opts));
  zRight = qIvalText(g, &t);
  qOptAdd(g, &opts, zRight, 1, f->zId, t.a);
  for(i=0; i<nWrong; i++){
    qOptAdd(g, &opts, qIvalText(g, &aWrong[i]), 0, 0, aWrong[i].a);
  }
  if( g->rc || opts.n<3 ) return 0;
  q = qNew(g, KQ_CHOICE, zTopic, f->zStage);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, datePrompt(g, f, &t))
   || qSet(g, &q->zAnswer, zRight)
   || qSet(g, &q->zExplain, dateExplain(g, f, &d))
   || qFact(g, q, f->zId, f->zSource)
   || qOptsToQuestion(g, q, &opts, 1) ){
    return qDrop(q);
  }
  return qFinish(g, q, zForm);
}

/* The answer to a typed year: the fact's year, or its date and the
** years accepted: "c. 1991-1994 (any year from 1990 to 1995 is
** accepted)". */
static const char *yearAnswer(QuizGen *g, const KioskDate *d){
  int bLoose = d->bApprox && d->m0==0;    /* not "mid-2019" */
  int a = d->y0 - bLoose, b = d->y1 + bLoose;
  const char *zDate;
  if( a==b ){
    return d->bApprox ? qPrintf(g, "%d (%s)", a, dateText(g, d))
                      : qPrintf(g, "%d", a);
  }
  zDate = d->ePrec==KDATE_RANGE ? dateText(g, d) : qPrintf(g, "%d", d->y0);
  if( b==a+1 ){
    return qPrintf(g, "%s (%d or %d is accepted)", zDate, a, b);
  }
  return qPrintf(g, "%s (any year from %d to %d is accepted)", zDate, a, b);
}

KioskQuestion *qDateTyped(QuizGen *g, const QDated *f, const char *zTopic,
                          const char *zForm){
  KioskDate d;
  KioskQuestion *q;
  const char *zPrompt;
  if( kioskDateParse(f->zDate, -1, &d, 0, 0) ) return 0;
  if( !dateUnambiguous(g, f) ) return 0;
  if( f->bInitiative ){
    zPrompt = qPrintf(g, "In which year %s %s %s? Type the year.",
                      qWas(f->zWhat), qTheName(g, f->zWhat),
                      qInitVerbOf(f->zVerb, f->zKind));
  }else if( d.y0==d.y1 ){
    zPrompt = qPrintf(g, "In which year did this happen: "
                      "\xe2\x80\x9c%s\xe2\x80\x9d? Type the year.", f->zWhat);
  }else{
    zPrompt = qPrintf(g, "In which years did this happen: "
                      "\xe2\x80\x9c%s\xe2\x80\x9d? Type any one of "
                      "them.", f->zWhat);
  }
  q = qNew(g, KQ_YEAR, zTopic, f->zStage);
  if( q==0 ) return 0;
  /* any year of the range; an approximate one ("early 2000s") also the
  ** year either side, as for wrong answers (kioskDateCertainlyNotYear) */
  q->rValue = (d.y0 + d.y1)/2.0;
  q->rTol = (d.y1 - d.y0)/2.0 + (d.bApprox && d.m0==0);
  if( qSet(g, &q->zPrompt, zPrompt)
   || qSet(g, &q->zAnswer, yearAnswer(g, &d))
   || qSet(g, &q->zExplain, dateExplain(g, f, &d))
   || qFact(g, q, f->zId, f->zSource) ){
    return qDrop(q);
  }
  return qFinish(g, q, zForm);
}

/* ---------------------------------------------------------------- in year */

static const char zAfterSql[] =
  "SELECT " EV_COLS " FROM events WHERE y0>?1 AND support='stated' ORDER BY y0, y1 LIMIT 8";
static const char zBeforeSql[] =
  "SELECT " EV_COLS " FROM events WHERE y0<?1 AND support='stated'"
  " ORDER BY y0 DESC, y1 DESC LIMIT 8";
static const char zSameYearSql[] =
  "SELECT " EV_COLS " FROM events WHERE y0=?1 AND y1=?1 AND approx=0"
  " AND support='stated'"
  " ORDER BY y0, y1 LIMIT 8";

/* Events that certainly did not happen in year y, with titles unlike those
** in pOpts, into aOut (at most nWant). Returns the count or -1. */
static int eventsNotIn(QuizGen *g, int y, const QOpts *pOpts, Row *aOut,
                       int nWant){
  Row aRow[16];
  int nA, nB, i, n = 0;
  nA = qFetch(g, zAfterSql, aRow, 8, "i", (sqlite3_int64)(y + (int)qRand(g, 3)));
  if( nA<0 ) return -1;
  nB = qFetch(g, zBeforeSql, aRow+nA, 8, "i",
              (sqlite3_int64)(y - (int)qRand(g, 3)));
  if( nB<0 ) return -1;
  qShuffle(g, aRow, nA+nB, (int)sizeof(Row));
  for(i=0; i<nA+nB && n<nWant; i++){
    KioskDate d;
    int j;
    if( kioskDateParse(aRow[i].az[EV_DATE], -1, &d, 0, 0) ) continue;
    if( !kioskDateCertainlyNotYear(&d, y) ) continue;
    if( qOptHas(g, pOpts, aRow[i].az[EV_TITLE]) ) continue;
    if( !titleNotIn(g, aRow[i].az[EV_TITLE], y) ) continue;
    for(j=0; j<n; j++){
      if( qSameText(g, aOut[j].az[EV_TITLE], aRow[i].az[EV_TITLE]) ) break;
    }
    if( j<n ) continue;
    aOut[n++] = aRow[i];
  }
  return n;
}

/* "The others: X (1995); Y (2002)." */
static const char *othersText(QuizGen *g, const Row *a, int n){
  const char *z = "";
  int i;
  for(i=0; i<n; i++){
    KioskDate d;
    if( kioskDateParse(a[i].az[EV_DATE], -1, &d, 0, 0) ) continue;
    z = qPrintf(g, "%s%s%s (%s)", z, i ? "; " : "", a[i].az[EV_TITLE],
                dateText(g, &d));
  }
  return z;
}

static KioskQuestion *inYear(QuizGen *g, const Row *pEv){
  KioskDate d;
  QOpts opts;
  Row aWrong[3];
  KioskQuestion *q;
  int i, nWrong;
  if( kioskDateParse(pEv->az[EV_DATE], -1, &d, 0, 0) ) return 0;
  if( d.bApprox || d.y0!=d.y1 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, pEv->az[EV_TITLE], 1, pEv->az[EV_ID], 0);
  nWrong = eventsNotIn(g, d.y0, &opts, aWrong, 3);
  if( nWrong<2 ) return 0;
  for(i=0; i<nWrong; i++){
    qOptAdd(g, &opts, aWrong[i].az[EV_TITLE], 0, aWrong[i].az[EV_ID], 0);
  }
  q = qNew(g, KQ_CHOICE, "date", pEv->az[EV_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, qPrintf(g, "Which of these happened in %d?", d.y0))
   || qSet(g, &q->zAnswer, pEv->az[EV_TITLE])
   || qSet(g, &q->zExplain, qPrintf(g, "It was \xe2\x80\x9c%s\xe2\x80\x9d. %s "
                                    "The others came at other times: %s.",
                                    pEv->az[EV_TITLE], pEv->az[EV_DETAIL],
                                    othersText(g, aWrong, nWrong)))
   || qFact(g, q, pEv->az[EV_ID], pEv->az[EV_SOURCE])
   || qOptsToQuestion(g, q, &opts, 0) ){
    return qDrop(q);
  }
  return qFinish(g, q, "inyear");
}

static KioskQuestion *inYearAll(QuizGen *g, const Row *pEv){
  KioskDate d;
  QOpts opts;
  Row aSame[8], aRight[3], aWrong[3];
  KioskQuestion *q;
  int i, nSame, nRight = 0, nWrong;
  const char *zRight = "";
  if( kioskDateParse(pEv->az[EV_DATE], -1, &d, 0, 0) ) return 0;
  if( d.bApprox || d.y0!=d.y1 ) return 0;
  nSame = qFetch(g, zSameYearSql, aSame, 8, "i", (sqlite3_int64)d.y0);
  if( nSame<0 ) return 0;
  qShuffle(g, aSame, nSame, (int)sizeof(Row));
  memset(&opts, 0, sizeof(opts));
  aRight[nRight++] = *pEv;
  qOptAdd(g, &opts, pEv->az[EV_TITLE], 0, pEv->az[EV_ID], 0);
  for(i=0; i<nSame && nRight<3; i++){
    KioskDate e;
    if( strcmp(aSame[i].az[EV_ID], pEv->az[EV_ID])==0 ) continue;
    /* the SQL says "in year y"; the parsed date must agree */
    if( kioskDateParse(aSame[i].az[EV_DATE], -1, &e, 0, 0)
     || e.bApprox || e.y0!=d.y0 || e.y1!=d.y0 ) continue;
    if( !qInStages(g, aSame[i].az[EV_STAGE]) ) continue;
    if( qOptAdd(g, &opts, aSame[i].az[EV_TITLE], 0, aSame[i].az[EV_ID], 0) ){
      aRight[nRight++] = aSame[i];
    }
  }
  if( nRight<2 ) return 0;
  nWrong = eventsNotIn(g, d.y0, &opts, aWrong, 5-nRight);
  if( nWrong<2 ) return 0;
  for(i=0; i<opts.n; i++) opts.a[i].rCredit = 1.0/nRight;
  for(i=0; i<nWrong; i++){
    qOptAdd(g, &opts, aWrong[i].az[EV_TITLE], -1.0/nWrong,
            aWrong[i].az[EV_ID], 0);
  }
  for(i=0; i<nRight; i++){
    zRight = qPrintf(g, "%s%s%s", zRight, i ? "; " : "",
                     aRight[i].az[EV_TITLE]);
  }
  q = qNew(g, KQ_MULTI, "date", pEv->az[EV_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, qPrintf(g, "Which of these happened in %d? "
                                   "Choose every one that did.", d.y0))
   || qSet(g, &q->zAnswer, zRight)
   || qSet(g, &q->zExplain, qPrintf(g, "In %d: %s. The others came at "
                                    "other times: %s.", d.y0, zRight,
                                    othersText(g, aWrong, nWrong))) ){
    return qDrop(q);
  }
  for(i=0; i<nRight; i++){
    if( qFact(g, q, aRight[i].az[EV_ID], aRight[i].az[EV_SOURCE]) ){
      return qDrop(q);
    }
  }
  if( qOptsToQuestion(g, q, &opts, 0) ) return qDrop(q);
  return qFinish(g, q, "inyear-all");
}

static void eventDated(const Row *pEv, QDated *f){
  memset(f, 0, sizeof(*f));
  f->zId = pEv->az[EV_ID];
  f->zStage = pEv->az[EV_STAGE];
  f->zDate = pEv->az[EV_DATE];
  f->zSource = pEv->az[EV_SOURCE];
  f->zWhat = pEv->az[EV_TITLE];
  f->zDetail = pEv->az[EV_DETAIL];
}

KioskQuestion *quizDate(QuizGen *g){
  Row ev;
  QDated f;
  int aForm[4] = {0, 1, 2, 3}, i;
  if( qProbe(g, QT_EVENT, &ev)!=1 ) return 0;
  eventDated(&ev, &f);
  qShuffle(g, aForm, 4, (int)sizeof(int));
  for(i=0; i<4; i++){
    KioskQuestion *q = 0;
    switch( aForm[i] ){
      case 0:
        if( qKindOk(g, KQ_CHOICE) ) q = qDateChoice(g, &f, "date", "year");
        break;
      case 1:
        if( qKindOk(g, KQ_YEAR) ) q = qDateTyped(g, &f, "date", "typed-year");
        break;
      case 2:
        if( qKindOk(g, KQ_CHOICE) ) q = inYear(g, &ev);
        break;
      case 3:
        if( qKindOk(g, KQ_MULTI) ) q = inYearAll(g, &ev);
        break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

/* ---------------------------------------------------------------- order */

#define CHRONO_MAX 5

KioskQuestion *quizChronology(QuizGen *g){
  Row aList[CHRONO_MAX], anchor;
  KioskDate aDate[CHRONO_MAX];
  int nList = 1, nTarget, nStep, i, j;
  int bFwdDone = 0, bBackDone = 0;
  int aDisp[CHRONO_MAX];
  const char *zExplain = "In order: ";
  KioskQuestion *q;

  if( !qKindOk(g, KQ_ORDER) ) return 0;
  if( qProbe(g, QT_EVENT, &anchor)!=1 ) return 0;
  if( kioskDateParse(anchor.az[EV_DATE], -1, &aDate[0], 0, 0) ) return 0;
  if( !titleUnique(g, anchor.az[EV_TITLE]) ) return 0;
  aList[0] = anchor;
  nTarget = 4 + (int)qRand(g, 2);
  for(nStep=0; nStep<12 && nList<nTarget && !(bFwdDone && bBackDone); nStep++){
    Row aCand[8];
    int bFwd = bBackDone ? 1 : bFwdDone ? 0 : (int)qRand(g, 2);
    int nCand, aOk[8], nOk = 0, k;
    const Row *pEdge = bFwd ? &aList[nList-1] : &aList[0];
    const KioskDate *pEdgeDate = bFwd ? &aDate[nList-1] : &aDate[0];
    if( bFwd ){
      nCand = qFetch(g, zAfterSql, aCand, 8, "i",
                     (sqlite3_int64)(pEdgeDate->y1 + pEdgeDate->bApprox));
    }else{
      nCand = qFetch(g, zBeforeSql, aCand, 8, "i",
                     (sqlite3_int64)(pEdgeDate->y0 - pEdgeDate->bApprox));
    }
    if( nCand<0 ) return 0;
    for(k=0; k<nCand && nOk<3; k++){
      KioskDate e;
      if( kioskDateParse(aCand[k].az[EV_DATE], -1, &e, 0, 0) ) continue;
      if( bFwd ? !qCertainlyBefore(pEdgeDate, &e)
               : !qCertainlyBefore(&e, pEdgeDate) ) continue;
      for(j=0; j<nList; j++){
        if( qSameText(g, aList[j].az[EV_TITLE], aCand[k].az[EV_TITLE]) ) break;
      }
      if( j<nList ) continue;
      if( !titleUnique(g, aCand[k].az[EV_TITLE]) ) continue;
      /* a stage quiz orders the stage's own events */
      if( !qInStages(g, aCand[k].az[EV_STAGE]) ) continue;
      aOk[nOk++] = k;
    }
    (void)pEdge;
    if( nOk==0 ){
      if( bFwd ) bFwdDone = 1; else bBackDone = 1;
      continue;
    }
    k = aOk[qRand(g, (uint64_t)nOk)];
    if( bFwd ){
      aList[nList] = aCand[k];
      kioskDateParse(aCand[k].az[EV_DATE], -1, &aDate[nList], 0, 0);
    }else{
      memmove(&aList[1], &aList[0], sizeof(Row)*(size_t)nList);
      memmove(&aDate[1], &aDate[0], sizeof(KioskDate)*(size_t)nList);
      aList[0] = aCand[k];
      kioskDateParse(aCand[k].az[EV_DATE], -1, &aDate[0], 0, 0);
    }
    nList++;
  }
  if( nList<4 ) return 0;

  /* display order: shuffled, never already sorted */
  for(i=0; i<nList; i++) aDisp[i] = i;
  qShuffle(g, aDisp, nList, (int)sizeof(int));
  for(i=0; i<nList && aDisp[i]==i; i++){}
  if( i==nList ){ aDisp[0] = 1; aDisp[1] = 0; }

  q = qNew(g, KQ_ORDER, "chronology", anchor.az[EV_STAGE]);
  if( q==0 ) return 0;
  q->aOrder = sqlite3_malloc64(sizeof(int)*(size_t)nList);
  if( q->aOrder==0 ){ qOom(g); return qDrop(q); }
  for(i=0; i<nList; i++){
    /* display slot i shows event aDisp[i] */
    if( kioskQuestionAddOption(q, aList[aDisp[i]].az[EV_TITLE], 0, 0,
                               aList[aDisp[i]].az[EV_ID]) ){
      qOom(g);
      return qDrop(q);
    }
    q->aOrder[aDisp[i]] = i;
  }
  for(i=0; i<nList; i++){
    zExplain = qPrintf(g, "%s%s%s, %s", zExplain, i ? "; " : "",
                       dateText(g, &aDate[i]), aList[i].az[EV_TITLE]);
  }
  if( qSet(g, &q->zPrompt, "Put these events in order, earliest first.")
   || qSet(g, &q->zExplain, qPrintf(g, "%s.", zExplain))
   || qFact(g, q, anchor.az[EV_ID], anchor.az[EV_SOURCE]) ){
    return qDrop(q);
  }
  for(i=0; i<nList; i++){
    if( qFact(g, q, aList[i].az[EV_ID], aList[i].az[EV_SOURCE]) ){
      return qDrop(q);
    }
  }
  return qFinish(g, q, "order");
}

/* ---------------------------------------------------------------- tf */

KioskQuestion *quizTfDate(QuizGen *g, const Row *pEv){
  QIval t, w;
  KioskDate d;
  KioskQuestion *q;
  int bTrue = (int)qRand(g, 2);
  const char *zClaim, *zExplain, *zRight;
  QDated f;
  eventDated(pEv, &f);
  if( !dateUnambiguous(g, &f) ) return 0;
  if( qDateIval(pEv->az[EV_DATE], &t, &d) ) return 0;
  zRight = qIvalText(g, &t);
  /* a title with its year in it settles the claim by itself */
  if( qNameIn(g, pEv->az[EV_TITLE], qPrintf(g, "%d", d.y0)) ) return 0;
  if( bTrue ){
    zClaim = zRight;
    zExplain = qPrintf(g, "True: it happened %s. %s",
                       qWhen(g, pEv->az[EV_DATE]), pEv->az[EV_DETAIL]);
  }else{
    if( qWrongIvals(g, &t, &d, &w, 1)!=1 ) return 0;
    zClaim = qIvalText(g, &w);
    zExplain = qPrintf(g, "False: it happened %s, not %s. %s",
                       qWhen(g, pEv->az[EV_DATE]), zClaim,
                       pEv->az[EV_DETAIL]);
  }
  q = qNew(g, KQ_TF, "truefalse", pEv->az[EV_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddOption(q, "True", bTrue ? 1 : 0, 0, 0)
   || kioskQuestionAddOption(q, "False", bTrue ? 0 : 1, 0, 0) ){
    qOom(g);
    return qDrop(q);
  }
  if( qSet(g, &q->zPrompt, qPrintf(g, "True or false? \xe2\x80\x9c%s\xe2\x80\x9d "
                                   "happened in %s.", pEv->az[EV_TITLE], zClaim))
   || qSet(g, &q->zAnswer, bTrue ? "True" : "False")
   || qSet(g, &q->zExplain, zExplain)
   || qFact(g, q, pEv->az[EV_ID], pEv->az[EV_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, bTrue ? "date-true" : "date-false");
}
