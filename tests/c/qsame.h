/*
** qsame.h: comparing two questions field by field, for the GIFT and pack
** tests (round trips must give the same questions). Describes the first
** difference in zWhy.
*/
#ifndef KIOSK_QSAME_H
#define KIOSK_QSAME_H

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "question.h"

static int strSame(const char *a, const char *b){
  if( a==0 || b==0 ) return a==b;
  return strcmp(a, b)==0;
}

/* 1 when a and b are the same question apart from zId (and zTopic and
** zExplain, which GIFT carries as general feedback), else 0 with zWhy. */
static int questionSame(const KioskQuestion *a, const KioskQuestion *b,
                        char *zWhy, int nWhy){
  int i;
#define DIFF(what) do{ snprintf(zWhy, (size_t)nWhy, "%s differs", what); \
  return 0; }while(0)
  if( a->eKind!=b->eKind ) DIFF("kind");
  if( !strSame(a->zPrompt, b->zPrompt) ) DIFF("prompt");
  if( !strSame(a->zStage, b->zStage) ) DIFF("stage");
  if( !strSame(a->zUnit, b->zUnit) ) DIFF("unit");
  if( !strSame(a->zAnswer, b->zAnswer) ) DIFF("answer");
  if( !strSame(a->zFeedbackWrong, b->zFeedbackWrong) ) DIFF("feedback");
  if( !strSame(a->zLessonStage, b->zLessonStage)
   || a->iLessonPara!=b->iLessonPara ) DIFF("lesson");
  if( a->rPoints!=b->rPoints ) DIFF("points");
  if( a->nOption!=b->nOption ) DIFF("option count");
  for(i=0; i<a->nOption; i++){
    if( !strSame(a->aOption[i].zText, b->aOption[i].zText) ) DIFF("option");
    if( fabs(a->aOption[i].rCredit-b->aOption[i].rCredit)>1e-9 ){
      DIFF("credit");
    }
    if( !strSame(a->aOption[i].zFeedback, b->aOption[i].zFeedback) ){
      DIFF("option feedback");
    }
  }
  if( (a->aOrder==0)!=(b->aOrder==0) ) DIFF("order");
  for(i=0; a->aOrder && i<a->nOption; i++){
    if( a->aOrder[i]!=b->aOrder[i] ) DIFF("order");
  }
  if( a->nPair!=b->nPair ) DIFF("pair count");
  for(i=0; i<a->nPair; i++){
    if( !strSame(a->aPair[i].zLeft, b->aPair[i].zLeft)
     || !strSame(a->aPair[i].zRight, b->aPair[i].zRight) ) DIFF("pair");
  }
  if( a->nAccept!=b->nAccept ) DIFF("accept count");
  for(i=0; i<a->nAccept; i++){
    if( !strSame(a->azAccept[i], b->azAccept[i]) ) DIFF("accept");
  }
  if( a->eKind==KQ_NUMBER || a->eKind==KQ_YEAR ){
    if( a->rValue!=b->rValue || a->rTol!=b->rTol ) DIFF("value");
    if( (a->rMin<=a->rMax)!=(b->rMin<=b->rMax) ) DIFF("range");
    if( a->rMin<=a->rMax && (a->rMin!=b->rMin || a->rMax!=b->rMax) ){
      DIFF("range");
    }
  }
  if( a->nFact!=b->nFact ) DIFF("fact count");
  for(i=0; i<a->nFact; i++){
    if( !strSame(a->azFact[i], b->azFact[i]) ) DIFF("fact");
  }
  if( a->nSource!=b->nSource ) DIFF("source count");
  for(i=0; i<a->nSource; i++){
    if( !strSame(a->azSource[i], b->azSource[i]) ) DIFF("source");
  }
#undef DIFF
  zWhy[0] = 0;
  return 1;
}

#endif
