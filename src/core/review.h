/*
** review.h: the spaced-review scheduler (Leitner boxes).
**
** Pure arithmetic on a fact's state: no SQL, no clock. The caller passes
** "today" as a day number (days since 1970-01-01 UTC), so every
** transition is testable with fixed dates. records.c stores the state per
** student and fact and calls kioskReviewAnswer for every answer given.
**
** The rules (also in doc/records.md):
**   - a wrong answer puts the fact in box 1, due the same day;
**   - a correct answer on a new fact, or on one that is due, moves it up
**     one box (at most 5) and makes it due after that box's interval;
**   - a correct answer on a fact not yet due changes nothing;
**   - box intervals: 1: 0 days, 2: 1 day, 3: 3 days, 4: 7 days,
**     5: 15 days;
**   - a fact in box 4 or 5 is mastered.
*/
#ifndef KIOSK_REVIEW_H
#define KIOSK_REVIEW_H

#define KIOSK_REVIEW_BOXES    5
#define KIOSK_REVIEW_MASTERED 4   /* lowest box that counts as mastered */

typedef struct KioskReviewState {
  int iBox;        /* 1..KIOSK_REVIEW_BOXES; 0 for a fact never answered */
  long iDue;       /* day number on which the fact is next due */
} KioskReviewState;

/* Days a fact waits after landing in box iBox (1..5); 0 outside. */
int kioskReviewInterval(int iBox);

/* Apply one answer given on day iToday to *p. */
void kioskReviewAnswer(KioskReviewState *p, int bCorrect, long iToday);

/* 1 when a fact in box iBox counts as mastered. */
int kioskReviewMastered(int iBox);

/* Day number of Unix time t (UTC), rounding towards the past. */
long kioskReviewDay(long long t);

#endif
