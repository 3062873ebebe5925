/*
** question.c: building and freeing KioskQuestion and KioskQuiz.
** What a question means is in question.h; making them is quiz.c (generated)
** and pack.c (hand-written); judging answers is score.c.
*/
#include "question.h"

#include <sqlite3.h>
#include <string.h>

static const char *const azKind[] = {
  "choice", "multi", "tf", "year", "number", "text", "order", "match",
  "essay", "description"
};

const char *kioskQKindName(KioskQKind e){
  if( (int)e<0 || (size_t)e>=sizeof(azKind)/sizeof(azKind[0]) ) return "?";
  return azKind[e];
}

int kioskQKindFromName(const char *z, KioskQKind *pe){
  size_t i;
  for(i=0; i<sizeof(azKind)/sizeof(azKind[0]); i++){
    if( strcmp(z, azKind[i])==0 ){ *pe = (KioskQKind)i; return 0; }
  }
  return -1;
}

char *kioskStrDup(const char *z){
  size_t n;
  char *zNew;
  if( z==0 ) return 0;
  n = strlen(z);
  zNew = sqlite3_malloc64(n+1);
  if( zNew ) memcpy(zNew, z, n+1);
  return zNew;
}

KioskQuestion *kioskQuestionNew(void){
  KioskQuestion *q = sqlite3_malloc64(sizeof(*q));
  if( q==0 ) return 0;
  memset(q, 0, sizeof(*q));
  q->rPoints = 1.0;
  q->rMin = 1.0;
  q->rMax = 0.0;
  return q;
}

static void freeStrings(char **az, int n){
  int i;
  for(i=0; i<n; i++) sqlite3_free(az[i]);
  sqlite3_free(az);
}

void kioskQuestionFree(KioskQuestion *q){
  int i;
  if( q==0 ) return;
  for(i=0; i<q->nOption; i++){
    sqlite3_free(q->aOption[i].zText);
    sqlite3_free(q->aOption[i].zFeedback);
    sqlite3_free(q->aOption[i].zFact);
  }
  sqlite3_free(q->aOption);
  sqlite3_free(q->aOrder);
  for(i=0; i<q->nPair; i++){
    sqlite3_free(q->aPair[i].zLeft);
    sqlite3_free(q->aPair[i].zRight);
  }
  sqlite3_free(q->aPair);
  for(i=0; i<q->nAccept && q->azAcceptFeedback; i++){
    sqlite3_free(q->azAcceptFeedback[i]);
  }
  sqlite3_free(q->azAcceptFeedback);
  sqlite3_free(q->arAccept);
  freeStrings(q->azAccept, q->nAccept);
  for(i=0; i<q->nNum; i++) sqlite3_free(q->aNum[i].zFeedback);
  sqlite3_free(q->aNum);
  freeStrings(q->azDistract, q->nDistract);
  freeStrings(q->azTag, q->nTag);
  sqlite3_free(q->zIdNumber);
  sqlite3_free(q->zComment);
  sqlite3_free(q->zImage);
  sqlite3_free(q->zImageAlt);
  sqlite3_free(q->zImageData);
  freeStrings(q->azFact, q->nFact);
  freeStrings(q->azSource, q->nSource);
  sqlite3_free(q->zId);
  sqlite3_free(q->zTopic);
  sqlite3_free(q->zStage);
  sqlite3_free(q->zPrompt);
  sqlite3_free(q->zUnit);
  sqlite3_free(q->zAnswer);
  sqlite3_free(q->zExplain);
  sqlite3_free(q->zFeedbackWrong);
  sqlite3_free(q->zLessonStage);
  sqlite3_free(q);
}

/* Grow *pa (n elements of sz bytes) by one. Returns 0 or -1. */
static int growByOne(void **pa, int n, size_t sz){
  void *aNew = sqlite3_realloc64(*pa, (sqlite3_uint64)(n+1)*sz);
  if( aNew==0 ) return -1;
  *pa = aNew;
  return 0;
}

/* Copy zSrc into *pz; 0 on success or when zSrc is NULL, -1 out of memory. */
static int dupInto(char **pz, const char *zSrc){
  *pz = 0;
  if( zSrc==0 ) return 0;
  *pz = kioskStrDup(zSrc);
  return *pz ? 0 : -1;
}

int kioskQuestionAddOption(KioskQuestion *q, const char *zText,
                           double rCredit, const char *zFeedback,
                           const char *zFact){
  KioskOption o;
  memset(&o, 0, sizeof(o));
  o.rCredit = rCredit;
  if( dupInto(&o.zText, zText) || dupInto(&o.zFeedback, zFeedback)
   || dupInto(&o.zFact, zFact)
   || growByOne((void **)&q->aOption, q->nOption, sizeof(o)) ){
    sqlite3_free(o.zText);
    sqlite3_free(o.zFeedback);
    sqlite3_free(o.zFact);
    return -1;
  }
  q->aOption[q->nOption++] = o;
  return 0;
}

int kioskQuestionAddPair(KioskQuestion *q, const char *zLeft,
                         const char *zRight){
  KioskPair p;
  if( dupInto(&p.zLeft, zLeft) || dupInto(&p.zRight, zRight)
   || growByOne((void **)&q->aPair, q->nPair, sizeof(p)) ){
    sqlite3_free(p.zLeft);
    sqlite3_free(p.zRight);
    return -1;
  }
  q->aPair[q->nPair++] = p;
  return 0;
}

static int addString(char ***paz, int *pn, const char *z){
  char *zCopy = kioskStrDup(z);
  if( zCopy==0 || growByOne((void **)paz, *pn, sizeof(char *)) ){
    sqlite3_free(zCopy);
    return -1;
  }
  (*paz)[(*pn)++] = zCopy;
  return 0;
}

int kioskQuestionAddAccept(KioskQuestion *q, const char *zText){
  return kioskQuestionAddAcceptEx(q, zText, 1.0, 0);
}
int kioskQuestionAddAcceptEx(KioskQuestion *q, const char *zText,
                             double rCredit, const char *zFeedback){
  char *zFb = 0;
  int n = q->nAccept;
  /* The parallel arrays grow first, so a failure leaves nAccept as it was
  ** and every array at least nAccept long. */
  if( dupInto(&zFb, zFeedback)
   || growByOne((void **)&q->arAccept, n, sizeof(double))
   || growByOne((void **)&q->azAcceptFeedback, n, sizeof(char *)) ){
    sqlite3_free(zFb);
    return -1;
  }
  if( addString(&q->azAccept, &q->nAccept, zText) ){
    sqlite3_free(zFb);
    return -1;
  }
  q->arAccept[n] = rCredit;
  q->azAcceptFeedback[n] = zFb;
  return 0;
}
int kioskQuestionAddNum(KioskQuestion *q, const KioskNumAnswer *pNum){
  KioskNumAnswer a = *pNum;
  if( dupInto(&a.zFeedback, pNum->zFeedback)
   || growByOne((void **)&q->aNum, q->nNum, sizeof(a)) ){
    sqlite3_free(a.zFeedback);
    return -1;
  }
  q->aNum[q->nNum++] = a;
  return 0;
}
int kioskQuestionAddDistract(KioskQuestion *q, const char *zText){
  return addString(&q->azDistract, &q->nDistract, zText);
}
int kioskQuestionAddTag(KioskQuestion *q, const char *zTag){
  return addString(&q->azTag, &q->nTag, zTag);
}
int kioskQuestionAddFact(KioskQuestion *q, const char *zFact){
  return addString(&q->azFact, &q->nFact, zFact);
}
int kioskQuestionAddSource(KioskQuestion *q, const char *zSource){
  return addString(&q->azSource, &q->nSource, zSource);
}

/* Deep copy of a question, or NULL out of memory. */
KioskQuestion *kioskQuestionCopy(const KioskQuestion *q){
  KioskQuestion *c = kioskQuestionNew();
  int i, bFail = 0;
  if( c==0 ) return 0;
#define DUP(f) do{ if( q->f && (c->f = kioskStrDup(q->f))==0 ) bFail = 1; }while(0)
  DUP(zId); DUP(zTopic); DUP(zStage); DUP(zPrompt); DUP(zUnit);
  DUP(zAnswer); DUP(zExplain); DUP(zFeedbackWrong); DUP(zLessonStage);
  DUP(zIdNumber); DUP(zComment); DUP(zImage); DUP(zImageAlt);
  DUP(zImageData);
#undef DUP
  c->eKind = q->eKind;
  c->rValue = q->rValue;
  c->rTol = q->rTol;
  c->rMin = q->rMin;
  c->rMax = q->rMax;
  c->iLessonPara = q->iLessonPara;
  c->rPoints = q->rPoints;
  for(i=0; i<q->nOption && !bFail; i++){
    const KioskOption *o = &q->aOption[i];
    bFail = kioskQuestionAddOption(c, o->zText, o->rCredit, o->zFeedback,
                                   o->zFact)!=0;
  }
  if( q->aOrder && !bFail ){
    c->aOrder = sqlite3_malloc64((sqlite3_uint64)(q->nOption ? q->nOption : 1)
                                 *sizeof(int));
    if( c->aOrder==0 ) bFail = 1;
    else memcpy(c->aOrder, q->aOrder, (size_t)q->nOption*sizeof(int));
  }
  for(i=0; i<q->nPair && !bFail; i++){
    bFail = kioskQuestionAddPair(c, q->aPair[i].zLeft, q->aPair[i].zRight)!=0;
  }
  for(i=0; i<q->nAccept && !bFail; i++){
    bFail = kioskQuestionAddAcceptEx(c, q->azAccept[i],
                  q->arAccept ? q->arAccept[i] : 1.0,
                  q->azAcceptFeedback ? q->azAcceptFeedback[i] : 0)!=0;
  }
  for(i=0; i<q->nNum && !bFail; i++){
    bFail = kioskQuestionAddNum(c, &q->aNum[i])!=0;
  }
  for(i=0; i<q->nDistract && !bFail; i++){
    bFail = kioskQuestionAddDistract(c, q->azDistract[i])!=0;
  }
  for(i=0; i<q->nTag && !bFail; i++){
    bFail = kioskQuestionAddTag(c, q->azTag[i])!=0;
  }
  for(i=0; i<q->nFact && !bFail; i++){
    bFail = kioskQuestionAddFact(c, q->azFact[i])!=0;
  }
  for(i=0; i<q->nSource && !bFail; i++){
    bFail = kioskQuestionAddSource(c, q->azSource[i])!=0;
  }
  if( bFail ){
    kioskQuestionFree(c);
    return 0;
  }
  return c;
}

int kioskQuizAppend(KioskQuiz *pQuiz, KioskQuestion *q){
  if( pQuiz->nQuestion>=pQuiz->nAlloc ){
    int nNew = pQuiz->nAlloc ? pQuiz->nAlloc*2 : 16;
    KioskQuestion **aNew = sqlite3_realloc64(pQuiz->apQuestion,
                                   (sqlite3_uint64)nNew*sizeof(*aNew));
    if( aNew==0 ){
      kioskQuestionFree(q);
      return -1;
    }
    pQuiz->apQuestion = aNew;
    pQuiz->nAlloc = nNew;
  }
  pQuiz->apQuestion[pQuiz->nQuestion++] = q;
  return 0;
}

void kioskQuizReset(KioskQuiz *pQuiz){
  int i;
  for(i=0; i<pQuiz->nQuestion; i++) kioskQuestionFree(pQuiz->apQuestion[i]);
  sqlite3_free(pQuiz->apQuestion);
  memset(pQuiz, 0, sizeof(*pQuiz));
}
