/*
** score.h: judging one answer to one question, whoever wrote it.
**
** Stateless: everything needed is in the KioskQuestion (question.h), so
** generated questions and hand-written pack questions (GIFT) are scored by
** the same code. Per kind:
**   choice, tf  the picked option's credit (GIFT weights allowed), 0..1
**   multi       the sum of the picked options' credits (GIFT weights,
**               negative for wrong ones), clamped to 0..1
**   year        the first 3- or 4-digit number in the text (else the first
**               number), within rTol of rValue
**   number      kioskAmountParse (amount.h) in the question's unit:
**               within rTol of rValue, or inside [rMin, rMax] when set;
**               either reading of an ambiguous separator counts; a typed
**               unit that is not the question's is wrong
**   text        the first of azAccept (in order) equal to it under
**               kioskNormalizeKey (normalize.h: case, accents, kh/h, y/i,
**               ...), "*" in an accepted answer matching any text; its
**               credit (arAccept) and feedback
**   number      with aNum, the first answer the amount fits (catch-all
**               last), its credit and feedback
**   essay,      never marked: bUngraded, no credit, left out of the
**   description totals (the teacher reads an essay on the desk)
**   order       pairwise: the share of the n(n-1)/2 pairs of items the
**               student put in the right relative order (all right: 1,
**               exactly reversed: 0)
**   match       the share of pairs given the right right-hand text
**               (compared after kioskNormalizeFold)
** A question is answered correctly when its credit is 1 (within 1e-9).
*/
#ifndef KIOSK_SCORE_H
#define KIOSK_SCORE_H

#include "kerror.h"
#include "question.h"

/* What the student gave. Which fields count depends on the kind:
**   choice, tf       aIndex[0] (nIndex 1): the option, 0-based
**   multi            aIndex[0..nIndex-1]: the picked options, any order
**   order            aIndex[0..nIndex-1]: option indexes, the student's
**                    order (earliest first)
**   year, number,
**   text             zText
**   match            azText[0..nText-1]: the right-hand text chosen for
**                    each pair, in the order of q->aPair
*/
typedef struct KioskAnswer {
  int nIndex;
  const int *aIndex;
  const char *zText;
  int nText;
  const char *const *azText;
} KioskAnswer;

typedef struct KioskScore {
  int bCorrect;       /* full credit */
  double rCredit;     /* 0..1 */
  double rPoints;     /* rCredit * q->rPoints */
  char *zExpected;    /* the right answer in words (sqlite3_malloc'd) */
  char *zFeedback;    /* the feedback of the picked option(s), or of the
                      ** question when wrong; NULL if none */
  int bUngraded;      /* essay or description: not marked by the kiosk */
} KioskScore;

/*
** Score pAns against q into *pScore (which the caller later passes to
** kioskScoreClear). A wrong or unreadable typed answer is not an error: it
** scores 0. Returns 0, or KIOSK_EARG (code "ANSWER") when the answer does
** not fit the question (an option index out of range, an index twice in an
** order, a match list of the wrong length), or KIOSK_ENOMEM.
*/
int kioskScore(const KioskQuestion *q, const KioskAnswer *pAns,
               KioskScore *pScore, KioskError *pErr);

/* Free what a KioskScore holds and zero it. */
void kioskScoreClear(KioskScore *pScore);

/* Totals over a quiz. */
typedef struct KioskTally {
  int nQuestion;        /* questions scored */
  int nCorrect;         /* with full credit */
  double rPoints;       /* points earned */
  double rMax;          /* points possible */
} KioskTally;

/* Add one scored question to *p (essays and descriptions add nothing). */
void kioskTallyAdd(KioskTally *p, const KioskQuestion *q,
                   const KioskScore *pScore);
/* Percentage of the possible points (0 when nothing was possible). */
double kioskTallyPercent(const KioskTally *p);
/* 1 when the percentage reaches rPassMark (a percentage, 0..100). */
int kioskTallyPassed(const KioskTally *p, double rPassMark);

/* The right answer in words: q->zAnswer when set, otherwise built from the
** options, order, pairs, accept list or value. sqlite3_malloc'd; NULL only
** when out of memory. */
char *kioskQuestionExpected(const KioskQuestion *q);

#endif
