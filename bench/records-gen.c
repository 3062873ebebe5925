/*
** records-gen.c: fill a records.db with class quiz answers through the
** core's attempt API (attempt.h), as the kiosk would write them, for
** bench/records.sh.
**
**   records-gen COURSEDIR RECORDS.DB NANSWER [FIRSTSEED]
**
** 30 students take stage quizzes of 10 questions generated from the course
** with a new seed each time (so the wrong options, their order and the
** explanations vary as they do in class), answer every question (right
** about two times in three, drawn from a fixed seed), and finish. The one
** difference from the kiosk: synchronous=OFF, since a million fsyncs
** measure the disk, not the records. Run again on the same file with
** another FIRSTSEED (default 1), it adds to it. Prints the answers
** written.
*/
#include "attempt.h"
#include "course.h"
#include "coursedb.h"
#include "prng.h"
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1700000000LL

/* An answer to q: its right answer two times in three, else a wrong one. */
static void pickAnswer(const KioskQuestion *q, int bRight, unsigned r,
                       char *z, size_t n){
  int i, k;
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_TF:
      for(k=0; k<q->nOption && (q->aOption[k].rCredit>0)!=bRight; k++){}
      snprintf(z, n, "%d", k<q->nOption ? k : 0);
      return;
    case KQ_MULTI:
      z[0] = 0;
      for(i=0; i<q->nOption; i++){
        if( (q->aOption[i].rCredit>0)==bRight || (r>>i & 1) ){
          size_t m = strlen(z);
          snprintf(z+m, n-m, m ? " %d" : "%d", i);
        }
      }
      return;
    case KQ_ORDER:
      z[0] = 0;
      for(i=0; i<q->nOption; i++){
        size_t m = strlen(z);
        int v = bRight && q->aOrder ? q->aOrder[i] : i;
        snprintf(z+m, n-m, i ? " %d" : "%d", v);
      }
      return;
    case KQ_MATCH:
      z[0] = 0;
      for(i=0; i<q->nPair; i++){
        size_t m = strlen(z);
        int j = bRight ? i : (i+1)%q->nPair;
        snprintf(z+m, n-m, i ? " {%s}" : "{%s}", q->aPair[j].zRight);
      }
      return;
    case KQ_TEXT:
      snprintf(z, n, "%s", bRight && q->nAccept ? q->azAccept[0] : "no idea");
      return;
    default:
      snprintf(z, n, "%.0f", bRight ? q->rValue : q->rValue + 1 + (r%7));
      return;
  }
}

int main(int argc, char **argv){
  KioskRecords *p = 0;
  KioskError err;
  sqlite3 *dbCourse = 0;
  KioskQuizMaker *pMaker = 0;
  sqlite3_int64 aStudent[30];
  long nWant, nDone = 0;
  long long t = T0;
  unsigned seed = 1;
  int i;

  if( argc!=4 && argc!=5 ){
    fprintf(stderr, "usage: records-gen COURSEDIR RECORDS.DB NANSWER"
            " [FIRSTSEED]\n");
    return 2;
  }
  nWant = atol(argv[3]);
  if( argc==5 ) seed = (unsigned)atol(argv[4]);
  kioskErrorClear(&err);
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &dbCourse, &err)
   || kioskCourseLoad(dbCourse, argv[1], 0, 10, 0, &err)
   || kioskRecordsOpen(argv[2], 0, &p, &err) ){
    fprintf(stderr, "records-gen: %s\n", err.zMsg);
    return 1;
  }
  sqlite3_exec(kioskRecordsDb(p), "PRAGMA synchronous=OFF", 0, 0, 0);
  for(i=0; i<30; i++){
    char zName[32];
    snprintf(zName, sizeof(zName), "Student %02d", i+1);
    aStudent[i] = i+1;
    if( kioskRecordsStudentAdd(p, zName, T0, &aStudent[i], &err)
     && strcmp(err.zCode, "EXISTS")!=0 ){
      fprintf(stderr, "records-gen: %s\n", err.zMsg);
      return 1;
    }
  }
  pMaker = kioskQuizMakerNew(dbCourse);
  while( nDone<nWant ){
    KioskQuizSpec qs;
    KioskAttemptSpec spec;
    KioskQuiz quiz;
    sqlite3_int64 a;
    int k;
    memset(&qs, 0, sizeof(qs));
    memset(&spec, 0, sizeof(spec));
    memset(&quiz, 0, sizeof(quiz));
    qs.nQuestion = 10;
    qs.iSeed = seed++;
    spec.rPassMark = -1;
    spec.iSeed = (long long)qs.iSeed;
    /* What kioskAttemptStartGenerated does, with one maker for all. */
    if( kioskQuizMake(pMaker, &qs, &quiz, &err)
     || kioskAttemptStart(p, aStudent[seed%30], &spec, &quiz, t, &a, &err) ){
      fprintf(stderr, "records-gen: %s\n", err.zMsg);
      return 1;
    }
    for(k=0; k<quiz.nQuestion && nDone<nWant; k++){
      char zAns[2048];
      KioskScore sc;
      unsigned r = (unsigned)(kioskPrngMix(seed, (uint64_t)k) >> 7);
      pickAnswer(quiz.apQuestion[k], r%3!=0, r, zAns, sizeof(zAns));
      t += 20;
      if( kioskAttemptAnswer(p, a, k, zAns, t, &sc, 0, &err) ){
        fprintf(stderr, "records-gen: %s (answer \"%s\")\n", err.zMsg, zAns);
        return 1;
      }
      kioskScoreClear(&sc);
      nDone++;
    }
    kioskQuizReset(&quiz);
    if( kioskAttemptFinish(p, a, t, 0, 0, &err) ){
      fprintf(stderr, "records-gen: %s\n", err.zMsg);
      return 1;
    }
  }
  sqlite3_exec(kioskRecordsDb(p), "PRAGMA wal_checkpoint(TRUNCATE)", 0, 0, 0);
  kioskRecordsClose(p);
  kioskQuizMakerFree(pMaker);
  sqlite3_close(dbCourse);
  printf("%ld\n", nDone);
  return 0;
}
