/*
** ctl-quiz.c: kioskctl quiz — a generated quiz on the command line.
**
**   kioskctl quiz --db FILE [--stage N] [--kind K] [--topic T] [--count N]
**                 [--seed S] [--json] [--answer-key]
**
** Prints the quiz for reading (or printing on paper), or as JSON
** (doc/quiz-json.md). Not here: generating it (src/core/quiz.c).
*/
#include "ctl.h"
#include "coursedb.h"
#include "qjson.h"
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char ctlQuizUsage[] =
  "Usage: kioskctl quiz --db FILE [--stage N] [--kind K] [--topic T]\n"
  "                     [--count N] [--seed S] [--json] [--answer-key]\n"
  "\n"
  "Generates a quiz from the course database FILE and prints it.\n"
  "  --stage N     stage id or number; several separated by commas\n"
  "                (default: the whole course)\n"
  "  --kind K      question kinds, comma-separated: choice multi tf year\n"
  "                number text order match (default: all)\n"
  "  --topic T     topics, comma-separated: date figure initiative person\n"
  "                organization place chronology matching truefalse term why\n"
  "  --count N     number of questions (default 10, at most 1000)\n"
  "  --seed S      seed; the same database, options and seed print the\n"
  "                same quiz (default 0)\n"
  "  --json        JSON instead of text (fields: doc/quiz-json.md)\n"
  "  --answer-key  also print the answers, explanations and sources\n"
  "\n"
  "Exit status: 0 printed, 1 error (database, unknown stage), 2 usage.\n";

/* Split a comma-separated list in place into az (at most nMax). */
static int splitList(char *z, const char **az, int nMax){
  int n = 0;
  while( z && *z && n<nMax ){
    char *zComma = strchr(z, ',');
    if( zComma ) *zComma = 0;
    if( *z ) az[n++] = z;
    z = zComma ? zComma+1 : 0;
  }
  return n;
}

static int parseNumber(const char *z, long long *pV){
  char *zEnd = 0;
  long long v;
  if( z==0 || *z==0 ) return 1;
  v = strtoll(z, &zEnd, 10);
  if( *zEnd ) return 1;
  *pV = v;
  return 0;
}

static void printReadable(const KioskQuiz *pQuiz, const KioskQuizSpec *pSpec,
                          int bKey){
  int i, j;
  printf("Quiz: %d question%s, seed %llu, stages: ", pQuiz->nQuestion,
         pQuiz->nQuestion==1 ? "" : "s", (unsigned long long)pSpec->iSeed);
  if( pSpec->nStage==0 ) printf("all");
  for(i=0; i<pSpec->nStage; i++) printf("%s%s", i ? ", " : "", pSpec->azStage[i]);
  printf("%s\n\n", bKey ? " (answer key)" : "");
  for(i=0; i<pQuiz->nQuestion; i++){
    const KioskQuestion *q = pQuiz->apQuestion[i];
    printf("%d. %s\n", i+1, q->zPrompt);
    printf("   [%s, %s]\n", q->zTopic, kioskQKindName(q->eKind));
    switch( q->eKind ){
      case KQ_CHOICE: case KQ_MULTI: case KQ_TF: case KQ_ORDER:
        for(j=0; j<q->nOption; j++){
          const KioskOption *o = &q->aOption[j];
          if( bKey && q->eKind==KQ_MULTI ){
            printf("   %c) %s  [%+.0f%%]\n", 'a'+j, o->zText, 100*o->rCredit);
          }else{
            printf("   %c) %s%s\n", 'a'+j, o->zText,
                   bKey && q->eKind!=KQ_ORDER && o->rCredit>0 ? "  *" : "");
          }
        }
        if( bKey && q->eKind==KQ_ORDER && q->aOrder ){
          printf("   Order:");
          for(j=0; j<q->nOption; j++) printf(" %c", 'a'+q->aOrder[j]);
          printf("\n");
        }
        break;
      case KQ_MATCH: {
        const char **az = malloc(sizeof(char *)*(size_t)(q->nPair+1));
        int k;
        if( az==0 ) break;
        for(j=0; j<q->nPair; j++) az[j] = q->aPair[j].zRight;
        /* the right-hand column in alphabetical order */
        for(j=1; j<q->nPair; j++){
          for(k=j; k>0 && strcmp(az[k-1], az[k])>0; k--){
            const char *zT = az[k]; az[k] = az[k-1]; az[k-1] = zT;
          }
        }
        for(j=0; j<q->nPair; j++){
          printf("   %d. %-50s %c) %s\n", j+1, q->aPair[j].zLeft, 'a'+j, az[j]);
        }
        if( bKey ){
          printf("   Pairs:");
          for(j=0; j<q->nPair; j++){
            for(k=0; k<q->nPair && strcmp(az[k], q->aPair[j].zRight); k++){}
            printf(" %d-%c", j+1, 'a'+k);
          }
          printf("\n");
        }
        free(az);
        break;
      }
      case KQ_YEAR:
        printf("   Year: ________\n");
        break;
      case KQ_NUMBER:
        printf("   Amount: ________\n");
        break;
      case KQ_TEXT:
        printf("   Your answer: ________\n");
        break;
      case KQ_ESSAY:
        printf("   Written answer (read by the teacher): ________\n");
        break;
      case KQ_DESC:
        break;
    }
    if( bKey ){
      printf("   Answer: %s\n", q->zAnswer ? q->zAnswer : "");
      if( q->eKind==KQ_TEXT && q->nAccept>1 ){
        printf("   Also accepted:");
        for(j=1; j<q->nAccept; j++){
          printf("%s %s", j>1 ? ";" : "", q->azAccept[j]);
        }
        printf("\n");
      }
      if( q->zExplain ) printf("   Why: %s\n", q->zExplain);
      printf("   Source:");
      for(j=0; j<q->nSource; j++) printf("%s %s", j ? "," : "", q->azSource[j]);
      if( q->zLessonStage ){
        printf("; lesson %s, paragraph %d", q->zLessonStage, q->iLessonPara);
      }
      printf("\n   Id: %s\n", q->zId);
    }
    printf("\n");
  }
}

static int printJson(const KioskQuiz *pQuiz, const KioskQuizSpec *pSpec,
                     int bKey){
  sqlite3_str *p = sqlite3_str_new(0);
  char *z;
  int i;
  sqlite3_str_appendf(p, "{\"seed\":%llu,\"stages\":[",
                      (unsigned long long)pSpec->iSeed);
  for(i=0; i<pSpec->nStage; i++){
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    kioskJsonString(p, pSpec->azStage[i]);
  }
  sqlite3_str_appendf(p, "],\"count\":%d,\"answer_key\":%s,\"questions\":[",
                      pQuiz->nQuestion, bKey ? "true" : "false");
  for(i=0; i<pQuiz->nQuestion; i++){
    sqlite3_str_appendall(p, i ? ",\n" : "\n");
    kioskQuestionJsonAppend(p, pQuiz->apQuestion[i],
                            bKey ? KIOSK_QJSON_KEY : 0);
  }
  sqlite3_str_appendall(p, "\n]}\n");
  if( sqlite3_str_errcode(p) ){
    sqlite3_free(sqlite3_str_finish(p));
    fprintf(stderr, "kioskctl: quiz: out of memory\n");
    return 1;
  }
  z = sqlite3_str_finish(p);
  fputs(z, stdout);
  sqlite3_free(z);
  return 0;
}

int ctlQuiz(int argc, char **argv){
  const char *zDb = 0, *zStage = 0, *zKind = 0, *zTopic = 0;
  const char *zCount = 0, *zSeed = 0;
  int bJson = 0, bKey = 0, nPos = 0, rc = 1, i;
  const char *azPos[1];
  CtlOpt aOpt[] = {
    { "--db", 1, &zDb, 0 },
    { "--stage", 1, &zStage, 0 },
    { "--kind", 1, &zKind, 0 },
    { "--topic", 1, &zTopic, 0 },
    { "--count", 1, &zCount, 0 },
    { "--seed", 1, &zSeed, 0 },
    { "--json", 0, 0, &bJson },
    { "--answer-key", 0, 0, &bKey },
    { 0, 0, 0, 0 }
  };
  char *zStageBuf = 0, *zKindBuf = 0, *zTopicBuf = 0;
  const char *azStage[64], *azKind[16], *azTopic[16];
  int nKind;
  long long v;
  KioskQuizSpec spec;
  KioskQuiz quiz;
  KioskError err;
  sqlite3 *db = 0;

  memset(&spec, 0, sizeof(spec));
  memset(&quiz, 0, sizeof(quiz));
  kioskErrorClear(&err);
  if( ctlParseArgs("quiz", argc, argv, aOpt, azPos, 0, &nPos) ) return 2;
  if( zDb==0 ){
    fprintf(stderr, "kioskctl: quiz: --db FILE is required "
            "(kioskctl help quiz)\n");
    return 2;
  }
  if( zCount ){
    if( parseNumber(zCount, &v) || v<1 || v>KIOSK_QUIZ_MAX_COUNT ){
      fprintf(stderr, "kioskctl: quiz: --count must be a number from 1 to %d,"
              " not \"%s\"\n", KIOSK_QUIZ_MAX_COUNT, zCount);
      return 2;
    }
    spec.nQuestion = (int)v;
  }
  if( zSeed ){
    char *zEnd = 0;
    spec.iSeed = strtoull(zSeed, &zEnd, 10);
    if( *zSeed==0 || *zSeed=='-' || *zEnd ){
      fprintf(stderr, "kioskctl: quiz: --seed must be a whole number from 0,"
              " not \"%s\"\n", zSeed);
      return 2;
    }
  }
  zStageBuf = zStage ? strdup(zStage) : 0;
  zKindBuf = zKind ? strdup(zKind) : 0;
  zTopicBuf = zTopic ? strdup(zTopic) : 0;
  spec.nStage = splitList(zStageBuf, azStage, 64);
  spec.azStage = azStage;
  nKind = splitList(zKindBuf, azKind, 16);
  for(i=0; i<nKind; i++){
    KioskQKind e;
    if( kioskQKindFromName(azKind[i], &e) || !KIOSK_QKIND_SCORED(e) ){
      fprintf(stderr, "kioskctl: quiz: unknown kind \"%s\": must be choice,"
              " multi, tf, year, number, text, order or match\n", azKind[i]);
      rc = 2;
      goto done;
    }
    spec.mKind |= 1u<<e;
  }
  spec.nTopic = splitList(zTopicBuf, azTopic, 16);
  spec.azTopic = azTopic;

  if( kioskCourseOpen(zDb, KIOSK_OPEN_READONLY, &db, &err)
   || kioskQuizGenerate(db, &spec, &quiz, &err) ){
    ctlPrintError(&err);
    rc = (err.eClass==KIOSK_EARG) ? 2 : 1;
    goto done;
  }
  if( bJson ){
    rc = printJson(&quiz, &spec, bKey);
  }else{
    printReadable(&quiz, &spec, bKey);
    rc = 0;
  }

done:
  kioskQuizReset(&quiz);
  sqlite3_close(db);
  free(zStageBuf);
  free(zKindBuf);
  free(zTopicBuf);
  return rc;
}
