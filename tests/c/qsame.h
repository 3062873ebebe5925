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
  for(i=0; i<a->nAccept; i++){
    double ra = a->arAccept ? a->arAccept[i] : 1.0;
    double rb = b->arAccept ? b->arAccept[i] : 1.0;
    if( fabs(ra-rb)>1e-9 ) DIFF("accept credit");
    if( !strSame(a->azAcceptFeedback ? a->azAcceptFeedback[i] : 0,
                 b->azAcceptFeedback ? b->azAcceptFeedback[i] : 0) ){
      DIFF("accept feedback");
    }
  }
  if( a->nNum!=b->nNum ) DIFF("number answer count");
  for(i=0; i<a->nNum; i++){
    const KioskNumAnswer *x = &a->aNum[i], *y = &b->aNum[i];
    if( x->bAny!=y->bAny || x->bRange!=y->bRange ) DIFF("number answer");
    if( !x->bAny && x->bRange && (x->rMin!=y->rMin || x->rMax!=y->rMax) ){
      DIFF("number answer range");
    }
    if( !x->bAny && !x->bRange && (x->rValue!=y->rValue || x->rTol!=y->rTol) ){
      DIFF("number answer value");
    }
    if( fabs(x->rCredit-y->rCredit)>1e-9 ) DIFF("number answer credit");
    if( !strSame(x->zFeedback, y->zFeedback) ) DIFF("number answer feedback");
  }
  if( a->nDistract!=b->nDistract ) DIFF("distractor count");
  for(i=0; i<a->nDistract; i++){
    if( !strSame(a->azDistract[i], b->azDistract[i]) ) DIFF("distractor");
  }
  if( !strSame(a->zIdNumber, b->zIdNumber) ) DIFF("idnumber");
  if( !strSame(a->zComment, b->zComment) ) DIFF("comment");
  if( !strSame(a->zImage, b->zImage) ) DIFF("image");
  if( !strSame(a->zImageAlt, b->zImageAlt) ) DIFF("image alt");
  if( !strSame(a->zImageData, b->zImageData) ) DIFF("image data");
  if( a->nTag!=b->nTag ) DIFF("tag count");
  for(i=0; i<a->nTag; i++){
    if( !strSame(a->azTag[i], b->azTag[i]) ) DIFF("tag");
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
