/*
** qjson.c: KioskQuestion -> JSON (fields in doc/quiz-json.md).
** Writing only; nothing in the kiosk reads this JSON back.
*/
#include "qjson.h"

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

static void number(sqlite3_str *p, double r){
  char zBuf[64];
  sqlite3_snprintf((int)sizeof(zBuf), zBuf, "%.15g", r);
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
      for(i=0; i<q->nPair; i++) az[i] = q->aPair[i].zRight;
      qsort(az, (size_t)q->nPair, sizeof(char *), cmpStr);
      stringArray(p, az, q->nPair);
      sqlite3_free(az);
    }
  }
  if( e==KQ_TEXT && bKey ){
    key(p, "accept");
    stringArray(p, q->azAccept, q->nAccept);
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
