/*
** qjson.c: KioskQuestion -> JSON (fields in doc/quiz-json.md).
** Writing only; nothing in the kiosk reads this JSON back.
*/
#include "qjson.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kioskJsonString(sqlite3_str *p, const char *z){
  const unsigned char *u = (const unsigned char *)z;
  if( z==0 ){ sqlite3_str_appendall(p, "null"); return; }
  sqlite3_str_appendchar(p, 1, '"');
  for(; *u; u++){
    switch( *u ){
      case '"':  sqlite3_str_appendall(p, "\\\""); break;
      case '\\': sqlite3_str_appendall(p, "\\\\"); break;
      case '\n': sqlite3_str_appendall(p, "\\n"); break;
      case '\r': sqlite3_str_appendall(p, "\\r"); break;
      case '\t': sqlite3_str_appendall(p, "\\t"); break;
      default:
        if( *u<0x20 ) sqlite3_str_appendf(p, "\\u%04x", *u);
        else sqlite3_str_appendchar(p, 1, (char)*u);
    }
  }
  sqlite3_str_appendchar(p, 1, '"');
}

static void key(sqlite3_str *p, const char *zKey){
  sqlite3_str_appendf(p, ",\"%s\":", zKey);
}

/* The shortest of 15 to 17 significant digits that reads back as r, so a
** stored question is the same question (a tolerance of 0.005 computed
** from a range is not quite 0.005). */
static void number(sqlite3_str *p, double r){
  char zBuf[64];
  int nDigit;
  for(nDigit=15; nDigit<=17; nDigit++){
    snprintf(zBuf, sizeof(zBuf), "%.*g", nDigit, r);
    if( strtod(zBuf, 0)==r ) break;
  }
  sqlite3_str_appendall(p, zBuf);
}

static void stringArray(sqlite3_str *p, char *const *az, int n){
  int i;
  sqlite3_str_appendchar(p, 1, '[');
  for(i=0; i<n; i++){
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    kioskJsonString(p, az[i]);
  }
  sqlite3_str_appendchar(p, 1, ']');
}

static int cmpStr(const void *a, const void *b){
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void kioskQuestionJsonAppend(sqlite3_str *p, const KioskQuestion *q,
                             int flags){
  int bKey = (flags & KIOSK_QJSON_KEY)!=0, i;
  KioskQKind e = q->eKind;

  sqlite3_str_appendall(p, "{\"id\":");
  kioskJsonString(p, q->zId);
  key(p, "kind");
  kioskJsonString(p, kioskQKindName(e));
  key(p, "topic");
  kioskJsonString(p, q->zTopic);
  key(p, "stage");
  kioskJsonString(p, q->zStage);
  key(p, "prompt");
  kioskJsonString(p, q->zPrompt);
  key(p, "points");
  number(p, q->rPoints);

  if( e==KQ_CHOICE || e==KQ_MULTI || e==KQ_TF || e==KQ_ORDER ){
    key(p, "options");
    sqlite3_str_appendchar(p, 1, '[');
    for(i=0; i<q->nOption; i++){
      const KioskOption *o = &q->aOption[i];
      if( i ) sqlite3_str_appendchar(p, 1, ',');
      sqlite3_str_appendall(p, "{\"text\":");
      kioskJsonString(p, o->zText);
      if( bKey ){
        if( e!=KQ_ORDER ){
          key(p, "credit");
          number(p, o->rCredit);
        }
        if( o->zFeedback ){ key(p, "feedback"); kioskJsonString(p, o->zFeedback); }
        if( o->zFact ){ key(p, "fact"); kioskJsonString(p, o->zFact); }
      }
      sqlite3_str_appendchar(p, 1, '}');
    }
    sqlite3_str_appendchar(p, 1, ']');
  }
  if( e==KQ_ORDER && bKey && q->aOrder ){
    key(p, "order");
    sqlite3_str_appendchar(p, 1, '[');
    for(i=0; i<q->nOption; i++){
      sqlite3_str_appendf(p, i ? ",%d" : "%d", q->aOrder[i]);
    }
    sqlite3_str_appendchar(p, 1, ']');
  }
  if( e==KQ_MATCH ){
    if( bKey ){
      key(p, "pairs");
      sqlite3_str_appendchar(p, 1, '[');
      for(i=0; i<q->nPair; i++){
        if( i ) sqlite3_str_appendchar(p, 1, ',');
        sqlite3_str_appendall(p, "{\"left\":");
        kioskJsonString(p, q->aPair[i].zLeft);
        key(p, "right");
        kioskJsonString(p, q->aPair[i].zRight);
        sqlite3_str_appendchar(p, 1, '}');
      }
      sqlite3_str_appendchar(p, 1, ']');
    }else{
      char **az = sqlite3_malloc64(sizeof(char *)*(size_t)(q->nPair+1));
      if( az==0 ) return;   /* the caller sees the short output */
      key(p, "left");
      for(i=0; i<q->nPair; i++) az[i] = q->aPair[i].zLeft;
      stringArray(p, az, q->nPair);
      key(p, "right");
      sqlite3_free(az);
      /* the right sides and the extra wrong ones, sorted */
      az = sqlite3_malloc64(sizeof(char *)*(size_t)(q->nPair+q->nDistract+1));
      if( az==0 ) return;
      for(i=0; i<q->nPair; i++) az[i] = q->aPair[i].zRight;
      for(i=0; i<q->nDistract; i++) az[q->nPair+i] = q->azDistract[i];
      qsort(az, (size_t)(q->nPair+q->nDistract), sizeof(char *), cmpStr);
      stringArray(p, az, q->nPair+q->nDistract);
      sqlite3_free(az);
    }
  }
  if( e==KQ_TEXT && bKey ){
    int bDetail = 0;
    key(p, "accept");
    stringArray(p, q->azAccept, q->nAccept);
    for(i=0; i<q->nAccept; i++){
      if( (q->arAccept && q->arAccept[i]!=1.0)
       || (q->azAcceptFeedback && q->azAcceptFeedback[i]) ) bDetail = 1;
    }
    if( bDetail ){
      key(p, "acceptcredit");
      sqlite3_str_appendchar(p, 1, '[');
      for(i=0; i<q->nAccept; i++){
        if( i ) sqlite3_str_appendchar(p, 1, ',');
        number(p, q->arAccept[i]);
      }
      sqlite3_str_appendchar(p, 1, ']');
      key(p, "acceptfeedback");
      sqlite3_str_appendchar(p, 1, '[');
      for(i=0; i<q->nAccept; i++){
        if( i ) sqlite3_str_appendchar(p, 1, ',');
        kioskJsonString(p, q->azAcceptFeedback[i]);
      }
      sqlite3_str_appendchar(p, 1, ']');
    }
  }
  if( e==KQ_MATCH && bKey && q->nDistract ){
    key(p, "distractors");
    stringArray(p, q->azDistract, q->nDistract);
  }
  if( e==KQ_NUMBER && bKey && q->nNum ){
    key(p, "numbers");
    sqlite3_str_appendchar(p, 1, '[');
    for(i=0; i<q->nNum; i++){
      const KioskNumAnswer *a = &q->aNum[i];
      if( i ) sqlite3_str_appendchar(p, 1, ',');
      sqlite3_str_appendchar(p, 1, '{');
      if( a->bAny ){
        sqlite3_str_appendall(p, "\"any\":1");
      }else if( a->bRange ){
        sqlite3_str_appendall(p, "\"min\":");
        number(p, a->rMin);
        key(p, "max");
        number(p, a->rMax);
      }else{
        sqlite3_str_appendall(p, "\"value\":");
        number(p, a->rValue);
        key(p, "tol");
        number(p, a->rTol);
      }
      key(p, "credit");
      number(p, a->rCredit);
      if( a->zFeedback ){ key(p, "feedback"); kioskJsonString(p, a->zFeedback); }
      sqlite3_str_appendchar(p, 1, '}');
    }
    sqlite3_str_appendchar(p, 1, ']');
  }
  /* the image shows in every view; Moodle's own fields with the key */
  if( q->zImage ){
    key(p, "image");
    kioskJsonString(p, q->zImage);
    if( q->zImageAlt ){ key(p, "imagealt"); kioskJsonString(p, q->zImageAlt); }
    if( q->zImageData ){ key(p, "imagedata"); kioskJsonString(p, q->zImageData); }
  }
  if( bKey ){
    if( q->zIdNumber ){ key(p, "idnumber"); kioskJsonString(p, q->zIdNumber); }
    if( q->nTag ){ key(p, "tags"); stringArray(p, q->azTag, q->nTag); }
    if( q->zComment ){ key(p, "comment"); kioskJsonString(p, q->zComment); }
  }
  if( e==KQ_YEAR || e==KQ_NUMBER ){
    if( bKey ){
      key(p, "value");
      number(p, q->rValue);
      key(p, "tol");
      number(p, q->rTol);
      if( q->rMin<=q->rMax ){
        key(p, "min");
        number(p, q->rMin);
        key(p, "max");
        number(p, q->rMax);
      }
    }
    if( e==KQ_NUMBER && q->zUnit ){
      key(p, "unit");
      kioskJsonString(p, q->zUnit);
    }
  }
  if( bKey ){
    key(p, "answer");
    kioskJsonString(p, q->zAnswer);
    key(p, "explain");
    kioskJsonString(p, q->zExplain);
    if( q->zFeedbackWrong ){
      key(p, "feedback");
      kioskJsonString(p, q->zFeedbackWrong);
    }
    key(p, "facts");
    stringArray(p, q->azFact, q->nFact);
    key(p, "sources");
    stringArray(p, q->azSource, q->nSource);
    key(p, "lesson");
    if( q->zLessonStage ){
      sqlite3_str_appendall(p, "{\"stage\":");
      kioskJsonString(p, q->zLessonStage);
      sqlite3_str_appendf(p, ",\"para\":%d}", q->iLessonPara);
    }else{
      sqlite3_str_appendall(p, "null");
    }
  }
  sqlite3_str_appendchar(p, 1, '}');
}

char *kioskQuestionToJson(const KioskQuestion *q, int flags){
  sqlite3_str *p = sqlite3_str_new(0);
  kioskQuestionJsonAppend(p, q, flags);
  if( sqlite3_str_errcode(p) ){
    sqlite3_free(sqlite3_str_finish(p));
    return 0;
  }
  return sqlite3_str_finish(p);
}

/* ---- reading ---- */

/* Copy column i as a string into *pz (NULL stays NULL). -1 out of memory. */
static int colStr(sqlite3_stmt *pStmt, int i, char **pz){
  const char *z = (const char *)sqlite3_column_text(pStmt, i);
  *pz = 0;
  if( sqlite3_column_type(pStmt, i)==SQLITE_NULL || z==0 ) return 0;
  *pz = kioskStrDup(z);
  return *pz ? 0 : -1;
}

/* Run pStmt (bound ?1 = the JSON, ?2 = a path) and append each row's column
** 0 as a string through xAdd. Returns an SQLite code, SQLITE_NOMEM for an
** xAdd failure. */
static int eachString(sqlite3_stmt *pStmt, const char *zPath, KioskQuestion *q,
                      int (*xAdd)(KioskQuestion *, const char *)){
  int rc;
  sqlite3_reset(pStmt);
  sqlite3_bind_text(pStmt, 2, zPath, -1, SQLITE_STATIC);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    const char *z = (const char *)sqlite3_column_text(pStmt, 0);
    if( xAdd(q, z ? z : "") ) return SQLITE_NOMEM;
  }
  return rc==SQLITE_DONE ? SQLITE_OK : rc;
}

int kioskQuestionFromJson(sqlite3 *db, const char *zJson, KioskQuestion **ppQ,
                          KioskError *pErr){
  static const char zTop[] =
    "SELECT json_extract(?1,'$.id'), json_extract(?1,'$.kind'),"
    " json_extract(?1,'$.topic'), json_extract(?1,'$.stage'),"
    " json_extract(?1,'$.prompt'), json_extract(?1,'$.points'),"
    " json_extract(?1,'$.value'), json_extract(?1,'$.tol'),"
    " json_extract(?1,'$.min'), json_extract(?1,'$.max'),"
    " json_extract(?1,'$.unit'), json_extract(?1,'$.answer'),"
    " json_extract(?1,'$.explain'), json_extract(?1,'$.feedback'),"
    " json_extract(?1,'$.lesson.stage'), json_extract(?1,'$.lesson.para'),"
    " json_type(?1,'$.min'), json_extract(?1,'$.image'),"
    " json_extract(?1,'$.imagealt'), json_extract(?1,'$.imagedata'),"
    " json_extract(?1,'$.idnumber'), json_extract(?1,'$.comment')";
  static const char zOpt[] =
    "SELECT json_extract(value,'$.text'), json_extract(value,'$.credit'),"
    " json_extract(value,'$.feedback'), json_extract(value,'$.fact')"
    " FROM json_each(?1,'$.options') ORDER BY key";
  static const char zPair[] =
    "SELECT json_extract(value,'$.left'), json_extract(value,'$.right')"
    " FROM json_each(?1,'$.pairs') ORDER BY key";
  static const char zList[] =
    "SELECT value FROM json_each(?1, ?2) ORDER BY key";
  sqlite3_stmt *pTop = 0, *pOpt = 0, *pPair = 0, *pList = 0;
  KioskQuestion *q = 0;
  const char *zKind;
  int rc, i, nOrder = 0;

  *ppQ = 0;
  if( zJson==0 ) zJson = "";
  rc = sqlite3_prepare_v2(db, zTop, -1, &pTop, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zOpt, -1, &pOpt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zPair, -1, &pPair, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zList, -1, &pList, 0);
  if( rc!=SQLITE_OK ) goto db_error;
  sqlite3_bind_text(pTop, 1, zJson, -1, SQLITE_STATIC);
  sqlite3_bind_text(pOpt, 1, zJson, -1, SQLITE_STATIC);
  sqlite3_bind_text(pPair, 1, zJson, -1, SQLITE_STATIC);
  sqlite3_bind_text(pList, 1, zJson, -1, SQLITE_STATIC);
  rc = sqlite3_step(pTop);
  if( rc!=SQLITE_ROW ){
    /* Malformed JSON fails the step. */
    kioskErrorSet(pErr, KIOSK_EQUIZ, "JSON", 0, 0, 0,
                  "a stored question is not JSON: %s", sqlite3_errmsg(db));
    goto fail;
  }
  q = kioskQuestionNew();
  if( q==0 ) goto no_mem;
  zKind = (const char *)sqlite3_column_text(pTop, 1);
  if( sqlite3_column_type(pTop, 0)!=SQLITE_TEXT
   || zKind==0 || kioskQKindFromName(zKind, &q->eKind) ){
    kioskErrorSet(pErr, KIOSK_EQUIZ, "JSON", 0, 0, 0,
                  "a stored question has no id or no known kind");
    goto fail;
  }
  if( colStr(pTop, 0, &q->zId) || colStr(pTop, 2, &q->zTopic)
   || colStr(pTop, 3, &q->zStage) || colStr(pTop, 4, &q->zPrompt)
   || colStr(pTop, 10, &q->zUnit) || colStr(pTop, 11, &q->zAnswer)
   || colStr(pTop, 12, &q->zExplain) || colStr(pTop, 13, &q->zFeedbackWrong)
   || colStr(pTop, 14, &q->zLessonStage) || colStr(pTop, 17, &q->zImage)
   || colStr(pTop, 18, &q->zImageAlt) || colStr(pTop, 19, &q->zImageData)
   || colStr(pTop, 20, &q->zIdNumber) || colStr(pTop, 21, &q->zComment) ){
    goto no_mem;
  }
  if( sqlite3_column_type(pTop, 5)!=SQLITE_NULL ){
    q->rPoints = sqlite3_column_double(pTop, 5);
  }
  q->rValue = sqlite3_column_double(pTop, 6);
  q->rTol = sqlite3_column_double(pTop, 7);
  if( sqlite3_column_type(pTop, 16)!=SQLITE_NULL ){
    q->rMin = sqlite3_column_double(pTop, 8);
    q->rMax = sqlite3_column_double(pTop, 9);
  }
  q->iLessonPara = sqlite3_column_int(pTop, 15);

  while( (rc = sqlite3_step(pOpt))==SQLITE_ROW ){
    const char *zText = (const char *)sqlite3_column_text(pOpt, 0);
    const char *zFb = (const char *)sqlite3_column_text(pOpt, 2);
    const char *zFact = (const char *)sqlite3_column_text(pOpt, 3);
    if( kioskQuestionAddOption(q, zText ? zText : "",
                               sqlite3_column_double(pOpt, 1), zFb, zFact) ){
      goto no_mem;
    }
  }
  if( rc!=SQLITE_DONE ) goto db_error;
  while( (rc = sqlite3_step(pPair))==SQLITE_ROW ){
    const char *zL = (const char *)sqlite3_column_text(pPair, 0);
    const char *zR = (const char *)sqlite3_column_text(pPair, 1);
    if( kioskQuestionAddPair(q, zL ? zL : "", zR ? zR : "") ) goto no_mem;
  }
  if( rc!=SQLITE_DONE ) goto db_error;
  if( (rc = eachString(pList, "$.accept", q, kioskQuestionAddAccept))!=0
   || (rc = eachString(pList, "$.facts", q, kioskQuestionAddFact))!=0
   || (rc = eachString(pList, "$.sources", q, kioskQuestionAddSource))!=0
   || (rc = eachString(pList, "$.distractors", q,
                       kioskQuestionAddDistract))!=0
   || (rc = eachString(pList, "$.tags", q, kioskQuestionAddTag))!=0 ){
    if( rc==SQLITE_NOMEM ) goto no_mem;
    goto db_error;
  }
  {
    /* Moodle's per-answer credit and feedback, and numerical answers */
    static const char zAcc[] =
      "SELECT json_extract(?1,'$.acceptcredit['||key||']'),"
      " json_extract(?1,'$.acceptfeedback['||key||']')"
      " FROM json_each(?1,'$.acceptcredit') ORDER BY key";
    static const char zNum[] =
      "SELECT json_extract(value,'$.any'), json_extract(value,'$.value'),"
      " json_extract(value,'$.tol'), json_extract(value,'$.min'),"
      " json_extract(value,'$.max'), json_extract(value,'$.credit'),"
      " json_extract(value,'$.feedback'), json_type(value,'$.min')"
      " FROM json_each(?1,'$.numbers') ORDER BY key";
    sqlite3_stmt *pAcc = 0, *pNum = 0;
    int k = 0;
    rc = sqlite3_prepare_v2(db, zAcc, -1, &pAcc, 0);
    if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zNum, -1, &pNum, 0);
    if( rc==SQLITE_OK ){
      sqlite3_bind_text(pAcc, 1, zJson, -1, SQLITE_STATIC);
      sqlite3_bind_text(pNum, 1, zJson, -1, SQLITE_STATIC);
      while( (rc = sqlite3_step(pAcc))==SQLITE_ROW && k<q->nAccept ){
        const char *zFb = (const char *)sqlite3_column_text(pAcc, 1);
        q->arAccept[k] = sqlite3_column_double(pAcc, 0);
        if( zFb && zFb[0] ){
          q->azAcceptFeedback[k] = kioskStrDup(zFb);
          if( q->azAcceptFeedback[k]==0 ) rc = SQLITE_NOMEM;
        }
        k++;
        if( rc==SQLITE_NOMEM ) break;
      }
      if( rc==SQLITE_ROW ) rc = SQLITE_DONE;
      while( rc==SQLITE_DONE && (rc = sqlite3_step(pNum))==SQLITE_ROW ){
        KioskNumAnswer a;
        memset(&a, 0, sizeof(a));
        a.bAny = sqlite3_column_int(pNum, 0)!=0;
        a.bRange = sqlite3_column_type(pNum, 7)!=SQLITE_NULL;
        a.rValue = sqlite3_column_double(pNum, 1);
        a.rTol = sqlite3_column_double(pNum, 2);
        a.rMin = a.bRange ? sqlite3_column_double(pNum, 3) : 1.0;
        a.rMax = a.bRange ? sqlite3_column_double(pNum, 4) : 0.0;
        a.rCredit = sqlite3_column_double(pNum, 5);
        a.zFeedback = (char *)sqlite3_column_text(pNum, 6);
        if( kioskQuestionAddNum(q, &a) ){ rc = SQLITE_NOMEM; break; }
        rc = SQLITE_DONE;
      }
    }
    sqlite3_finalize(pAcc);
    sqlite3_finalize(pNum);
    if( rc==SQLITE_NOMEM ) goto no_mem;
    if( rc!=SQLITE_DONE ) goto db_error;
  }
  if( q->eKind==KQ_ORDER && q->nOption>0 ){
    q->aOrder = sqlite3_malloc64(sizeof(int)*(size_t)q->nOption);
    if( q->aOrder==0 ) goto no_mem;
    for(i=0; i<q->nOption; i++) q->aOrder[i] = i;
    sqlite3_reset(pList);
    sqlite3_bind_text(pList, 2, "$.order", -1, SQLITE_STATIC);
    while( (rc = sqlite3_step(pList))==SQLITE_ROW ){
      int v = sqlite3_column_int(pList, 0);
      if( nOrder<q->nOption && v>=0 && v<q->nOption ) q->aOrder[nOrder] = v;
      nOrder++;
    }
    if( rc!=SQLITE_DONE ) goto db_error;
    if( nOrder!=q->nOption ){
      kioskErrorSet(pErr, KIOSK_EQUIZ, "JSON", 0, 0, 0,
                    "stored question %s: its order does not fit its options",
                    q->zId);
      goto fail;
    }
  }
  sqlite3_finalize(pTop);
  sqlite3_finalize(pOpt);
  sqlite3_finalize(pPair);
  sqlite3_finalize(pList);
  *ppQ = q;
  return KIOSK_OK;

no_mem:
  kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  goto fail;
db_error:
  kioskErrorSet(pErr, KIOSK_EDB, "QUERY", 0, 0, 0, "%s", sqlite3_errmsg(db));
fail:
  sqlite3_finalize(pTop);
  sqlite3_finalize(pOpt);
  sqlite3_finalize(pPair);
  sqlite3_finalize(pList);
  kioskQuestionFree(q);
  return pErr ? (int)pErr->eClass : KIOSK_EQUIZ;
}
