/*
** quiz-bench.c: time quiz generation in process, for bench/quiz.sh.
**
**   quiz-bench DB [RUNS]
**
** For the course database DB: RUNS quizzes of 20 questions over the whole
** course and RUNS over one stage, each with its own seed, timed one by one
** with a monotonic clock (median and 90th percentile, milliseconds), both
** with a fresh quiz maker per quiz (statements prepared each time, what
** `kiosk::course quiz` and kioskctl do) and with one maker reused. The
** reference, in the same run: the same number of "questions" the naive
** way, one random fact per question by a scan (`ORDER BY random() LIMIT
** 4` over the facts view). Prints one line per measure.
*/
#define _POSIX_C_SOURCE 200809L
#include "coursedb.h"
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double nowMs(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec*1e3 + t.tv_nsec/1e6;
}

static int cmpDouble(const void *a, const void *b){
  double x = *(const double *)a, y = *(const double *)b;
  return x<y ? -1 : x>y;
}

static void report(const char *zWhat, double *a, int n, int nQ){
  qsort(a, (size_t)n, sizeof(double), cmpDouble);
  printf("%-44s median %7.3f ms  p90 %7.3f ms  (%d runs, %d questions)\n",
         zWhat, a[n/2], a[(n*9)/10], n, nQ);
}

int main(int argc, char **argv){
  sqlite3 *db = 0;
  KioskError err;
  KioskQuizSpec spec;
  KioskQuizMaker *pMaker;
  int nRun = argc>2 ? atoi(argv[2]) : 200, i, nQ, bStage;
  double *a;
  const char *azStage[1];
  char zStage[64];
  sqlite3_stmt *pStmt = 0;

  if( argc<2 || nRun<1 ){
    fprintf(stderr, "usage: quiz-bench DB [RUNS]\n");
    return 2;
  }
  if( kioskCourseOpen(argv[1], KIOSK_OPEN_READONLY, &db, &err) ){
    fprintf(stderr, "%s\n", err.zMsg);
    return 1;
  }
  a = malloc(sizeof(double)*(size_t)nRun);
  memset(&spec, 0, sizeof(spec));
  spec.nQuestion = 20;

  /* a stage in the middle of the course */
  sqlite3_prepare_v2(db, "SELECT id FROM stages ORDER BY ord"
                     " LIMIT 1 OFFSET (SELECT count(*)/2 FROM stages)",
                     -1, &pStmt, 0);
  zStage[0] = 0;
  if( sqlite3_step(pStmt)==SQLITE_ROW ){
    snprintf(zStage, sizeof(zStage), "%s", sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  azStage[0] = zStage;

  /* warm the page cache */
  for(i=0; i<5; i++){
    KioskQuiz quiz;
    memset(&quiz, 0, sizeof(quiz));
    spec.iSeed = (uint64_t)i + 1000;
    kioskQuizGenerate(db, &spec, &quiz, &err);
    kioskQuizReset(&quiz);
  }

  for(bStage=0; bStage<2; bStage++){
    spec.nStage = bStage;
    spec.azStage = bStage ? azStage : 0;
    nQ = 0;
    for(i=0; i<nRun; i++){
      KioskQuiz quiz;
      double t0;
      memset(&quiz, 0, sizeof(quiz));
      spec.iSeed = (uint64_t)i;
      t0 = nowMs();
      if( kioskQuizGenerate(db, &spec, &quiz, &err) ){
        fprintf(stderr, "%s\n", err.zMsg);
        return 1;
      }
      a[i] = nowMs() - t0;
      nQ += quiz.nQuestion;
      kioskQuizReset(&quiz);
    }
    report(bStage ? "quiz of 20, one stage, fresh maker"
                  : "quiz of 20, whole course, fresh maker", a, nRun, nQ);
  }

  pMaker = kioskQuizMakerNew(db);
  spec.nStage = 0;
  spec.azStage = 0;
  nQ = 0;
  for(i=0; i<nRun; i++){
    KioskQuiz quiz;
    double t0;
    memset(&quiz, 0, sizeof(quiz));
    spec.iSeed = (uint64_t)i;
    t0 = nowMs();
    kioskQuizMake(pMaker, &spec, &quiz, &err);
    a[i] = nowMs() - t0;
    nQ += quiz.nQuestion;
    kioskQuizReset(&quiz);
  }
  kioskQuizMakerFree(pMaker);
  report("quiz of 20, whole course, maker reused", a, nRun, nQ);

  /* reference: a scan per question */
  sqlite3_prepare_v2(db, "SELECT id, name FROM facts ORDER BY random()"
                     " LIMIT 4", -1, &pStmt, 0);
  for(i=0; i<nRun; i++){
    double t0 = nowMs();
    int k;
    for(k=0; k<20; k++){
      while( sqlite3_step(pStmt)==SQLITE_ROW ){}
      sqlite3_reset(pStmt);
    }
    a[i] = nowMs() - t0;
  }
  sqlite3_finalize(pStmt);
  report("reference: 20 x scan facts ORDER BY random()", a, nRun, 20*nRun);

  free(a);
  sqlite3_close(db);
  return 0;
}
