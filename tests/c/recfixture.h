/*
** recfixture.h: small attempts for tests of what reads records.db (item
** statistics, the grade summary). The attempt runs through the core
** (attempt.h) as the kiosk runs it, so each mark is the one the scorer
** gives: a test picks the option whose credit makes the mark it wants.
*/
#ifndef KIOSK_TEST_RECFIXTURE_H
#define KIOSK_TEST_RECFIXTURE_H

#include <string.h>
#include "attempt.h"
#include "question.h"

/* A question with options (azOpt, arCredit; nOpt may be 0) appended to
** pQuiz, which owns it. */
static void fixQuestion(KioskQuiz *pQuiz, const char *zId, KioskQKind eKind,
                        const char *zPrompt, double rPoints, int nOpt,
                        const char *const *azOpt, const double *arCredit){
  KioskQuestion *q = kioskQuestionNew();
  int i;
  q->zId = kioskStrDup(zId);
  q->eKind = eKind;
  q->zPrompt = kioskStrDup(zPrompt);
  q->rPoints = rPoints;
  for(i=0; i<nOpt; i++) kioskQuestionAddOption(q, azOpt[i], arCredit[i], 0, 0);
  kioskQuizAppend(pQuiz, q);
}

/* Start a pack attempt on the first n questions of pQuiz at iNow. */
static int fixStart(KioskRecords *p, sqlite3_int64 iStudent,
                    const char *zPack, const KioskQuiz *pQuiz, int n,
                    long long iNow, sqlite3_int64 *piAttempt,
                    KioskError *pErr){
  KioskQuiz quiz = *pQuiz;
  KioskAttemptSpec spec;
  memset(&spec, 0, sizeof(spec));
  spec.zKind = "pack";
  spec.zPack = zPack;
  spec.rPassMark = -1;
  quiz.nQuestion = n;
  return kioskAttemptStart(p, iStudent, &spec, &quiz, iNow, piAttempt, pErr);
}

/* Answer question idx with option index zAnswer ("0"), scored by the core. */
static int fixAnswer(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     const char *zAnswer, long long iNow, KioskError *pErr){
  KioskScore sc;
  int rc;
  memset(&sc, 0, sizeof(sc));
  rc = kioskAttemptAnswer(p, iAttempt, idx, zAnswer, iNow, &sc, 0, pErr);
  kioskScoreClear(&sc);
  return rc;
}

#endif
