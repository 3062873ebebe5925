/*
** review.c: the Leitner scheduler. The rules are in review.h; storing the
** state is records.c's business.
*/
#include "review.h"

static const int aInterval[KIOSK_REVIEW_BOXES + 1] = { 0, 0, 1, 3, 7, 15 };

int kioskReviewInterval(int iBox){
  if( iBox<1 || iBox>KIOSK_REVIEW_BOXES ) return 0;
  return aInterval[iBox];
}

void kioskReviewAnswer(KioskReviewState *p, int bCorrect, long iToday){
  int iBox;
  if( !bCorrect ){
    p->iBox = 1;
    p->iDue = iToday;
    return;
  }
  /* Not due yet: answering it again early earns nothing. */
  if( p->iBox>0 && p->iDue>iToday ) return;
  iBox = p->iBox<1 ? 1 : p->iBox;
  if( iBox<KIOSK_REVIEW_BOXES ) iBox++;
  p->iBox = iBox;
  p->iDue = iToday + aInterval[iBox];
}

int kioskReviewMastered(int iBox){
  return iBox>=KIOSK_REVIEW_MASTERED;
}

long kioskReviewDay(long long t){
  long long d = t / 86400;
  if( t<0 && d*86400!=t ) d--;
  return (long)d;
}
