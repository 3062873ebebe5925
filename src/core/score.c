/*
** score.c: scoring one answer of any kind (the rules are in score.h) and
** the totals of a quiz. Pure functions of the question and the answer.
*/
#include "score.h"
#include "amount.h"
#include "normalize.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9

void kioskScoreClear(KioskScore *p){
  sqlite3_free(p->zExpected);
  sqlite3_free(p->zFeedback);
  memset(p, 0, sizeof(*p));
}

/* Append zAdd to the sqlite3_malloc'd *pz, with zSep between. -1 on OOM. */
static int appendStr(char **pz, const char *zSep, const char *zAdd){
  char *zNew;
  if( zAdd==0 ) return 0;
  zNew = *pz ? sqlite3_mprintf("%s%s%s", *pz, zSep, zAdd)
             : sqlite3_mprintf("%s", zAdd);
  if( zNew==0 ) return -1;
  sqlite3_free(*pz);
  *pz = zNew;
  return 0;
}

char *kioskQuestionExpected(const KioskQuestion *q){
  char *z = 0;
  int i, bOom = 0;
  if( q->zAnswer ) return kioskStrDup(q->zAnswer);
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_TF: {
      int iBest = -1;
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit>EPS
         && (iBest<0 || q->aOption[i].rCredit>q->aOption[iBest].rCredit) ){
          iBest = i;
        }
      }
      if( iBest>=0 ) z = kioskStrDup(q->aOption[iBest].zText);
      break;
    }
    case KQ_MULTI:
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit>EPS ){
          bOom |= appendStr(&z, "; ", q->aOption[i].zText);
        }
      }
      break;
    case KQ_YEAR:
      if( q->rTol>EPS ){
        z = sqlite3_mprintf("%.0f-%.0f", ceil(q->rValue-q->rTol-EPS),
                            floor(q->rValue+q->rTol+EPS));
      }else{
        z = sqlite3_mprintf("%.0f", q->rValue);
      }
      break;
    case KQ_NUMBER: {
      char zA[96], zB[96];
      if( q->rMin<=q->rMax ){
        kioskAmountFormat(q->rMin, q->zUnit, 0, zA, sizeof(zA));
        kioskAmountFormat(q->rMax, q->zUnit, 0, zB, sizeof(zB));
        z = sqlite3_mprintf("%s to %s", zA, zB);
      }else{
        kioskAmountFormat(q->rValue, q->zUnit, 0, zA, sizeof(zA));
        z = kioskStrDup(zA);
      }
      break;
    }
    case KQ_TEXT:
      if( q->nAccept>0 ) z = kioskStrDup(q->azAccept[0]);
      break;
    case KQ_ORDER:
      for(i=0; i<q->nOption && q->aOrder; i++){
        int k = q->aOrder[i];
        if( k>=0 && k<q->nOption ){
          bOom |= appendStr(&z, "; ", q->aOption[k].zText);
        }
      }
      break;
    case KQ_MATCH:
      for(i=0; i<q->nPair; i++){
        char *zPair = sqlite3_mprintf("%s: %s", q->aPair[i].zLeft,
                                      q->aPair[i].zRight);
        if( zPair==0 ){ bOom = 1; break; }
        bOom |= appendStr(&z, "; ", zPair);
        sqlite3_free(zPair);
      }
      break;
    case KQ_ESSAY: case KQ_DESC:
      break;
  }
  if( bOom ){ sqlite3_free(z); return 0; }
  if( z==0 ) z = kioskStrDup("");
  return z;
}

/* The typed year: the first run of three or four digits in z ("15 October
** 2018" -> 2018), else the first run of digits; -1 when there is none. */
static double typedYear(const char *z){
  double rFirst = -1;
  if( z==0 ) return -1;
  while( *z ){
    double r = 0;
    int n = 0;
    while( *z && !(*z>='0' && *z<='9') ) z++;
    while( *z>='0' && *z<='9' ){
      if( n<9 ) r = r*10 + (*z-'0');
      z++;
      n++;
    }
    if( n==3 || n==4 ) return r;
    if( n>0 && rFirst<0 ) rFirst = r;
  }
  return rFirst;
}

static int numberFits(const KioskQuestion *q, double v){
  double eps = EPS*(fabs(q->rValue)>1 ? fabs(q->rValue) : 1);
  if( q->rMin<=q->rMax ) return v>=q->rMin-eps && v<=q->rMax+eps;
  return fabs(v-q->rValue)<=q->rTol+eps;
}

static int numAnswerFits(const KioskNumAnswer *a, double v){
  double eps = EPS*(fabs(a->rValue)>1 ? fabs(a->rValue) : 1);
  if( a->bAny ) return 1;
  if( a->bRange ) return v>=a->rMin-eps && v<=a->rMax+eps;
  return fabs(v-a->rValue)<=a->rTol+eps;
}

/* The credit of the typed amount; with q->aNum, the first answer it fits
** (in the author's order, as Moodle) gives credit and feedback. */
static double scoreNumber(const KioskQuestion *q, const char *zText,
                          char **pzFb, int *pOom){
  KioskAmount a;
  int i;
  if( zText==0 || kioskAmountParse(zText, &a, 0) ) return 0;
  if( a.zUnit && q->zUnit && strcmp(q->zUnit, "count")!=0
   && strcmp(a.zUnit, q->zUnit)!=0 ){
    return 0;
  }
  if( a.zUnit && q->zUnit && strcmp(q->zUnit, "count")==0 ) return 0;
  if( q->nNum==0 ){
    return (numberFits(q, a.rValue) || numberFits(q, a.rAlt)) ? 1 : 0;
  }
  for(i=0; i<q->nNum; i++){
    const KioskNumAnswer *p = &q->aNum[i];
    if( numAnswerFits(p, a.rValue) || numAnswerFits(p, a.rAlt) ){
      if( p->zFeedback ) *pOom |= appendStr(pzFb, "\n", p->zFeedback);
      return p->rCredit;
    }
  }
  return 0;
}

/* 1 when the typed key zKey matches the accepted answer zAcc: equal keys,
** or, when zAcc holds "*" (Moodle's wildcard), its pieces in order, the
** first at the start and the last at the end unless "*" stands there.
** -1 out of memory. */
static int acceptMatch(const char *zKey, const char *zAcc){
  char *zCopy, *zPiece, *zNext;
  const char *zAt = zKey;
  int rc = 1, bFirst = 1;
  if( strchr(zAcc, '*')==0 ){
    char *zA = kioskNormalizeKey(zAcc);
    if( zA==0 ) return -1;
    rc = zKey[0] && strcmp(zKey, zA)==0;
    sqlite3_free(zA);
    return rc;
  }
  if( zKey[0]==0 ) return 0;
  zCopy = kioskStrDup(zAcc);
  if( zCopy==0 ) return -1;
  for(zPiece=zCopy; zPiece && rc==1; zPiece=zNext){
    char *zP;
    zNext = strchr(zPiece, '*');
    if( zNext ) *zNext++ = 0;
    zP = kioskNormalizeKey(zPiece);
    if( zP==0 ){ rc = -1; break; }
    if( zP[0] ){
      size_t n = strlen(zP);
      if( bFirst ){
        if( strncmp(zAt, zP, n)!=0 ) rc = 0;
        zAt += n;
      }else if( zNext==0 ){
        size_t nLeft = strlen(zAt);
        if( nLeft<n || strcmp(zAt+nLeft-n, zP)!=0 ) rc = 0;
      }else{
        const char *zFound = strstr(zAt, zP);
        if( zFound==0 ) rc = 0;
        else zAt = zFound+n;
      }
    }else if( bFirst==0 && zNext==0 ){
      /* ends with "*": anything may follow */
    }
    sqlite3_free(zP);
    bFirst = 0;
  }
  sqlite3_free(zCopy);
  return rc;
}

/* The first accepted answer zText matches, in the author's order (as
** Moodle tries them): its credit, and its feedback into *pzFb. */
static double scoreText(const KioskQuestion *q, const char *zText,
                        char **pzFb, int *pOom){
  char *zKey = kioskNormalizeKey(zText ? zText : "");
  int i;
  double r = 0;
  if( zKey==0 ){ *pOom = 1; return 0; }
  for(i=0; i<q->nAccept; i++){
    int m = acceptMatch(zKey, q->azAccept[i]);
    if( m<0 ){ *pOom = 1; break; }
    if( m ){
      r = q->arAccept ? q->arAccept[i] : 1.0;
      if( q->azAcceptFeedback && q->azAcceptFeedback[i] ){
        *pOom |= appendStr(pzFb, "\n", q->azAcceptFeedback[i]);
      }
      break;
    }
  }
  sqlite3_free(zKey);
  return r;
}

static int badAnswer(KioskError *pErr, const char *zWhy){
  return kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0, "%s", zWhy);
}

int kioskScore(const KioskQuestion *q, const KioskAnswer *pAns,
               KioskScore *pScore, KioskError *pErr){
  double r = 0;
  int i, j, bOom = 0, rc = 0;
  int *aPos = 0;

  memset(pScore, 0, sizeof(*pScore));
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_TF: {
      int k;
      if( pAns->nIndex!=1 || pAns->aIndex==0 ){
        rc = badAnswer(pErr, "expected one option index");
        goto done;
      }
      k = pAns->aIndex[0];
      if( k<0 || k>=q->nOption ){
        rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                           "option index %d out of range 0..%d", k,
                           q->nOption-1);
        goto done;
      }
      r = q->aOption[k].rCredit;
      if( q->aOption[k].zFeedback ){
        bOom |= appendStr(&pScore->zFeedback, "\n", q->aOption[k].zFeedback);
      }
      break;
    }
    case KQ_MULTI:
      for(i=0; i<pAns->nIndex; i++){
        int k = pAns->aIndex[i];
        if( k<0 || k>=q->nOption ){
          rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                             "option index %d out of range 0..%d", k,
                             q->nOption-1);
          goto done;
        }
        for(j=0; j<i; j++){
          if( pAns->aIndex[j]==k ){
            rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                               "option index %d given twice", k);
            goto done;
          }
        }
        r += q->aOption[k].rCredit;
        if( q->aOption[k].zFeedback ){
          bOom |= appendStr(&pScore->zFeedback, "\n",
                            q->aOption[k].zFeedback);
        }
      }
      break;
    case KQ_YEAR: {
      double y = typedYear(pAns->zText);
      double eps = EPS*(fabs(q->rValue)>1 ? fabs(q->rValue) : 1);
      r = (y>=0 && fabs(y-q->rValue)<=q->rTol+eps) ? 1 : 0;
      break;
    }
    case KQ_NUMBER:
      r = scoreNumber(q, pAns->zText, &pScore->zFeedback, &bOom);
      break;
    case KQ_TEXT:
      r = scoreText(q, pAns->zText, &pScore->zFeedback, &bOom);
      break;
    case KQ_ESSAY: case KQ_DESC:
      /* Kept for the teacher (an essay's text is in the records), never
      ** marked here: no credit, not counted in the totals. */
      pScore->bUngraded = 1;
      pScore->zExpected = kioskStrDup("");
      if( pScore->zExpected==0 ) bOom = 1;
      goto done;
    case KQ_ORDER: {
      int n = q->nOption, nPair = 0, nGood = 0;
      if( q->aOrder==0 || pAns->nIndex!=n ){
        rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                           "expected an order of %d option indexes", n);
        goto done;
      }
      aPos = sqlite3_malloc64(sizeof(int)*(size_t)(n>0 ? n : 1));
      if( aPos==0 ){ bOom = 1; break; }
      for(i=0; i<n; i++) aPos[i] = -1;
      for(i=0; i<n; i++){
        int k = q->aOrder[i];
        if( k>=0 && k<n ) aPos[k] = i;
      }
      for(i=0; i<n; i++){
        int k = pAns->aIndex[i];
        if( k<0 || k>=n ){
          rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                             "option index %d out of range 0..%d", k, n-1);
          goto done;
        }
        for(j=0; j<i; j++){
          if( pAns->aIndex[j]==k ){
            rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                               "option index %d given twice", k);
            goto done;
          }
        }
      }
      for(i=0; i<n; i++){
        for(j=i+1; j<n; j++){
          nPair++;
          if( aPos[pAns->aIndex[i]]<aPos[pAns->aIndex[j]] ) nGood++;
        }
      }
      r = nPair ? (double)nGood/nPair : 1;
      break;
    }
    case KQ_MATCH: {
      int nGood = 0;
      if( pAns->nText!=q->nPair || (q->nPair>0 && pAns->azText==0) ){
        rc = kioskErrorSet(pErr, KIOSK_EARG, "ANSWER", 0, 0, 0,
                           "expected %d right-hand texts", q->nPair);
        goto done;
      }
      for(i=0; i<q->nPair; i++){
        char *zA = kioskNormalizeFold(pAns->azText[i] ? pAns->azText[i] : "");
        char *zB = kioskNormalizeFold(q->aPair[i].zRight);
        if( zA==0 || zB==0 ) bOom = 1;
        else if( strcmp(zA, zB)==0 ) nGood++;
        sqlite3_free(zA);
        sqlite3_free(zB);
      }
      r = q->nPair ? (double)nGood/q->nPair : 1;
      break;
    }
    default:
      rc = kioskErrorSet(pErr, KIOSK_EQUIZ, "KIND", 0, 0, 0,
                         "cannot score a question of unknown kind %d",
                         (int)q->eKind);
      goto done;
  }
  if( r<0 ) r = 0;
  /* GIFT weights such as 33.33333% sum to a hair under 1: a full answer
  ** is full credit, not 0.9999999999999999 of it. */
  if( r>1-EPS ) r = 1;
  pScore->rCredit = r;
  pScore->bCorrect = r>=1;
  pScore->rPoints = r*q->rPoints;
  if( !pScore->bCorrect && pScore->zFeedback==0 && q->zFeedbackWrong ){
    bOom |= appendStr(&pScore->zFeedback, "", q->zFeedbackWrong);
  }
  pScore->zExpected = kioskQuestionExpected(q);
  if( pScore->zExpected==0 ) bOom = 1;

done:
  sqlite3_free(aPos);
  if( rc==0 && bOom ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
  }
  if( rc ) kioskScoreClear(pScore);
  return rc;
}

void kioskTallyAdd(KioskTally *p, const KioskQuestion *q,
                   const KioskScore *pScore){
  if( !KIOSK_QKIND_SCORED(q->eKind) || pScore->bUngraded ) return;
  p->nQuestion++;
  if( pScore->bCorrect ) p->nCorrect++;
  p->rPoints += pScore->rPoints;
  p->rMax += q->rPoints;
}

double kioskTallyPercent(const KioskTally *p){
  if( p->rMax<=0 ) return 0;
  return 100.0*p->rPoints/p->rMax;
}

int kioskTallyPassed(const KioskTally *p, double rPassMark){
  return kioskTallyPercent(p)+1e-9>=rPassMark;
}
