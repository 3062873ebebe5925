/*
** itemstats.h: item statistics a teacher acts on, as Moodle's quiz
** statistics report defines them (docs.moodle.org "Quiz statistics
** calculations"; Moodle's question/classes/statistics/questions/
** calculator.php), for one quiz pack's attempts.
**
** For each question over the s attempts that asked it, with x its mark in
** an attempt and y the rest of that attempt's marks (total minus x):
**   facility index   mean(x) / max mark, in percent
**   standard dev.    sd(x) / max mark, in percent (s-1 in the variance)
**   discrimination   100 * cov(x, y) / sqrt(var(x) var(y)): the
**                    correlation of the question with the rest of the test
**   discriminative   100 * cov(x, y) / covmax(x, y), covmax pairing the
**   efficiency       sorted x with the sorted y: how much of the
**                    discrimination the question could have, it has
** (NaN when undefined: fewer than two attempts, no spread.) Each option of
** a choice, true/false or multi question gets its share of the answers
** and its share among the top third of attempts by total score.
** A question is flagged when the numbers say it is broken:
**   negative discrimination (strong students do worse on it), or
**   a wrong option picked more often than any right one by the top third.
**
** Computing (kioskItemStatsCompute) is a pure function of a mark matrix,
** tested against hand-computed values. Reading the records
** (kioskItemStatsFromRecords) takes each student's first finished attempt
** of the pack, as Moodle's report does by default, through records.h.
*/
#ifndef KIOSK_ITEMSTATS_H
#define KIOSK_ITEMSTATS_H

#include <stdio.h>
#include "kerror.h"
#include "records.h"

typedef struct KioskItemOption {
  char *zText;
  double rCredit;
  int nPick;           /* attempts that picked it */
  int nPickTop;        /* of those, attempts in the top third */
} KioskItemOption;

typedef struct KioskItemStat {
  char *zQuestion;     /* the question id */
  char *zKind;         /* choice, tf, ... */
  char *zPrompt;
  double rMax;         /* its mark when fully right */
  int nAttempt;        /* attempts that asked it (Moodle's s) */
  int nTop;            /* of those, in the top third */
  double rFacility;    /* percent; NaN when undefined */
  double rSd;          /* percent of rMax */
  double rDiscrimination;
  double rEfficiency;
  int nOption;
  KioskItemOption *aOption;
  int bNegative;       /* flag: negative discrimination */
  int iWrongTop;       /* flag: a wrong option (its index) picked more
                       ** than any right one by the top third; -1 none */
} KioskItemStat;

typedef struct KioskItemStats {
  int nAttempt;        /* attempts analysed */
  int nItem;
  KioskItemStat *aItem;
} KioskItemStats;

/*
** Fill the numbers of p->aItem[0..nItem) (zQuestion etc. are the
** caller's) from the marks: aMark[a*nItem+i] is attempt a's mark on item
** i, NaN when the attempt did not ask it; aMax[i] the item's full mark.
** Also sets each item's nAttempt and nTop (abTop[a]: attempt a is in the
** top third; see kioskItemStatsTopThird) and the flags from the options'
** picks (filled by the caller before). Returns 0, or -1 out of memory.
*/
int kioskItemStatsCompute(KioskItemStats *p, int nAttempt, const double *aMark,
                          const double *aMax, const int *abTop);

/* Mark in abTop the top third of nAttempt attempts by aTotal (ceil(n/3),
** ties broken by the order given). */
void kioskItemStatsTopThird(int nAttempt, const double *aTotal, int *abTop);

/*
** The statistics of pack zPack (NULL: every pack) over each student's
** first finished attempt, read from the records. Returns 0 or an error
** class; *p is the caller's to kioskItemStatsReset.
*/
int kioskItemStatsFromRecords(KioskRecords *pRec, const char *zPack,
                              KioskItemStats *p, KioskError *pErr);

/* Write p as CSV with a header row: one row per question (row
** "question"), followed by one per option (row "option"). Text fields
** that a spreadsheet would read as a formula are prefixed with '.
** Returns 0 or KIOSK_EIO. */
int kioskItemStatsCsv(const KioskItemStats *p, FILE *out, KioskError *pErr);

void kioskItemStatsReset(KioskItemStats *p);

/* The value of key zKey in a question as the records store it (a Tcl dict
** as text, or JSON), read as data: sqlite3_malloc'd, NULL when absent. */
char *kioskItemBodyValue(const char *zBody, const char *zKey);

#endif
