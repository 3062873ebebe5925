/*
** attempt.h: a quiz attempt, the core object the kiosk's quiz screen and
** any other front end drive.
**
** An attempt is one student's sitting of a quiz: a stage quiz generated
** from the course (quiz.h), a pack's quiz (pack.h), or a review. Its rules
** live here, not in a UI: the questions are stored when it starts (records
** schema 3: questions kept once by content, doc/records.md), every answer
** is scored here (score.c), refused after the deadline or once given, and
** committed with the review schedule of its facts (review.c) before the
** call returns; a pack's attempts limit is enforced at start; finishing
** tallies the stored answers. Nothing is scored that is not stored.
**
** Essays and descriptions: the kiosk marks neither, so neither counts in
** an attempt's maximum or its questions scored (the tally, the attempt
** listings, a stage's best score): an ungraded essay's points are not
** points the student could have earned here. The records keep no
** teacher's grade for an essay yet; when they do, a graded essay counts
** (its points possible and earned) from then on. The rule is written once
** for SQL (KIOSK_REC_MARKED, recint.h) and once in memory (kioskTallyAdd).
**
** The clock: a timed attempt runs in sittings. The first begins at start;
** kioskAttemptResume begins another (after a crash, or after the student
** left). The time used by a sitting is counted up to its last answer, or
** to the moment the student left on purpose (kioskAttemptLeave), since
** when a crashed kiosk stopped is not known. The deadline of the current
** sitting is its beginning plus the time left. All times are Unix seconds
** passed in by the caller (iNow): tests inject the clock.
**
** Errors (KioskError, class and code; the Tcl binding makes them
** -errorcode {KIOSK RECORDS <code>}):
**   KIOSK_ERECORDS NOSTUDENT   no such student, or one removed (start)
**   KIOSK_ERECORDS NOATTEMPT   no such attempt
**   KIOSK_ERECORDS ATTEMPTS    the pack's attempts are used up (start)
**   KIOSK_ERECORDS QUESTION    no questions, or one without id or kind
**   KIOSK_ERECORDS FINISHED    the attempt is finished or abandoned
**   KIOSK_ERECORDS INDEX       no question with that index
**   KIOSK_ERECORDS ANSWERED    that question is answered already
**   KIOSK_ERECORDS DEADLINE    the time is up: the answer is not taken
**   KIOSK_EARG ANSWER          the answer does not fit the question
**   KIOSK_EARG SETTING         a bad feedback mode, pass mark, limit
**   KIOSK_EDB FULL             the disk is full: nothing was stored
**   KIOSK_EDB QUERY ...        any other database failure: nothing stored
*/
#ifndef KIOSK_ATTEMPT_H
#define KIOSK_ATTEMPT_H

#include <sqlite3.h>
#include "kerror.h"
#include "question.h"
#include "quiz.h"
#include "records.h"
#include "score.h"

/* Answers given up to this many seconds after the deadline still count:
** the screen's clock ticks once a second. */
#define KIOSK_ATTEMPT_GRACE 2

/* How an attempt runs. Zero everywhere: a stage quiz, untimed, feedback
** after each answer, pass mark 60 %, unlimited attempts. */
typedef struct KioskAttemptSpec {
  const char *zKind;     /* "stage" (NULL too), "pack" or "review" */
  const char *zPack;     /* pack id, NULL for none */
  const char *zStage;    /* the stage it is about, NULL for none */
  const char *zTitle;    /* what the student sees it called; NULL */
  long long iSeed;       /* the seed its questions were drawn with */
  int nTimeLimit;        /* seconds; 0 for none */
  int bFeedbackEnd;      /* 1: all feedback at the end; 0: after each */
  double rPassMark;      /* percent, 0..100; <0 for the default (60) */
  int nAllowed;          /* attempts the pack allows; 0 unlimited */
} KioskAttemptSpec;

#define KIOSK_ATTEMPT_PASS_MARK 60.0

/*
** Start an attempt for iStudent on the questions of pQuiz (copied: the
** caller keeps pQuiz). With pSpec->zPack and nAllowed > 0, refused with
** "ATTEMPTS" when the student already has that many attempts at the pack.
** *piAttempt receives the new attempt's id.
*/
int kioskAttemptStart(KioskRecords *p, sqlite3_int64 iStudent,
                      const KioskAttemptSpec *pSpec, const KioskQuiz *pQuiz,
                      long long iNow, sqlite3_int64 *piAttempt,
                      KioskError *pErr);

/* Generate a stage quiz from course database dbCourse with pQuizSpec
** (quiz.h; its seed is recorded) and start an attempt on it. KIOSK_EQUIZ
** "EMPTY" when the generator finds no question. */
int kioskAttemptStartGenerated(KioskRecords *p, sqlite3 *dbCourse,
                               sqlite3_int64 iStudent,
                               const KioskAttemptSpec *pSpec,
                               const KioskQuizSpec *pQuizSpec,
                               long long iNow, sqlite3_int64 *piAttempt,
                               KioskError *pErr);

/*
** Take installed pack zPack's quiz: its text is read from the records
** (kioskRecordsPackInstall), parsed and checked against course database
** dbCourse (a pack that no longer fits the course is refused with its
** first error, class KIOSK_EPACK or KIOSK_EGIFT, file "<id>.pack"), its
** questions drawn from dbCourse with seed iSeed (the pack's own seed when
** it fixes one: kioskPackQuiz), and an attempt started on them, as
** kioskAttemptStart, with the pack's settings: kind "pack", its title as
** installed, its time limit, feedback mode, pass mark and the attempts it
** allows (so "ATTEMPTS" when they are used up). iSeed is recorded.
** Errors as kioskAttemptStart, and KIOSK_ERECORDS "NOPACK" when no pack
** zPack is installed, KIOSK_EQUIZ "EMPTY" when it draws no question.
*/
int kioskAttemptStartPack(KioskRecords *p, sqlite3 *dbCourse,
                          sqlite3_int64 iStudent, const char *zPack,
                          long long iSeed, long long iNow,
                          sqlite3_int64 *piAttempt, KioskError *pErr);

/*
** Score zAnswer to question idx, store it and commit, then fill *pScore
** (the caller's, kioskScoreClear) and, when pzText is not NULL, *pzText
** with the answer in words (sqlite3_malloc'd). zAnswer is written as the
** kiosk has always stored answers:
**   choice, tf     an option index, 0-based ("2")
**   multi, order   option indexes separated by spaces ("0 3")
**   year, number,
**   text           the text typed
**   match          the right-hand text chosen for each pair, in pair
**                  order, as a list in Tcl's list syntax ({Astana} Baku)
** On any error nothing is stored and *pScore is left zeroed.
*/
int kioskAttemptAnswer(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                       const char *zAnswer, long long iNow,
                       KioskScore *pScore, char **pzText, KioskError *pErr);

/* The answer zAnswer (the form above) to q in words: the chosen options'
** texts (", " between them; " -> " for an order), "left: right" pairs
** ("; " between them), or the text typed. sqlite3_malloc'd; NULL when out
** of memory. An unreadable answer is given back as it is. */
char *kioskAnswerWords(const KioskQuestion *q, const char *zAnswer);

/* One stored answer of an attempt. */
typedef struct KioskAttemptAnswer {
  int bAnswered;
  char *zAnswer;         /* as given */
  char *zText;           /* in words */
  KioskScore score;      /* as stored; zExpected and zFeedback re-derived */
  char zAnswered[KIOSK_RECORDS_ISO_SIZE];
} KioskAttemptAnswer;

/* An attempt as loaded: what a front end needs to show it again. */
typedef struct KioskAttempt {
  sqlite3_int64 iId;
  sqlite3_int64 iStudent;
  char *zUid;
  char *zKind, *zPack, *zStage, *zTitle, *zStatus;
  char zStarted[KIOSK_RECORDS_ISO_SIZE];
  char zFinished[KIOSK_RECORDS_ISO_SIZE];
  long long iSeed;
  int nTimeLimit;
  int bFeedbackEnd;
  double rPassMark;
  int nAllowed;
  long long iSitting;    /* when the current sitting began */
  long long iUsed;       /* seconds used before it */
  long long iLeftAt;     /* 0 when never left on purpose */
  long long iLast;       /* the last answer's time; 0 when none */
  KioskQuiz quiz;        /* the questions, in order */
  KioskAttemptAnswer *aAnswer;   /* quiz.nQuestion of them */
  int nAnswered;
  int iNext;             /* first question not answered (nQuestion: none) */
} KioskAttempt;

/* Load attempt iAttempt into *ppA (free with kioskAttemptFree). */
int kioskAttemptLoad(KioskRecords *p, sqlite3_int64 iAttempt,
                     KioskAttempt **ppA, KioskError *pErr);
void kioskAttemptFree(KioskAttempt *pA);

/* Seconds left of pA's time limit at iNow in its current sitting (never
** below 0); -1 when it has no limit. */
long long kioskAttemptTimeLeft(const KioskAttempt *pA, long long iNow);

/* Seconds pA would have left if it were resumed now (kioskAttemptResume's
** rule: the last sitting counts to its last answer or its leaving); -1
** when it has no limit. */
long long kioskAttemptTimeOnResume(const KioskAttempt *pA);

/*
** Begin a new sitting of open attempt iAttempt at iNow (after a crash, or
** carrying on after leaving): the time the last sitting used up to its
** last answer or its leaving is added to the time used, and the clock
** runs again from iNow. *pnLeft (may be NULL): the seconds left, -1 when
** untimed; a timed attempt whose time is used up keeps 0 and takes no
** more answers.
*/
int kioskAttemptResume(KioskRecords *p, sqlite3_int64 iAttempt,
                       long long iNow, long long *pnLeft, KioskError *pErr);

/* The student leaves open attempt iAttempt on purpose at iNow: the time
** until now counts when they carry on. */
int kioskAttemptLeave(KioskRecords *p, sqlite3_int64 iAttempt,
                      long long iNow, KioskError *pErr);

/* Finish open attempt iAttempt: tally its stored answers into *pTally
** (may be NULL), *pbPassed (may be NULL) against its pass mark. */
int kioskAttemptFinish(KioskRecords *p, sqlite3_int64 iAttempt,
                       long long iNow, KioskTally *pTally, int *pbPassed,
                       KioskError *pErr);

/* Abandon open attempt iAttempt (its answers stay). */
int kioskAttemptAbandon(KioskRecords *p, sqlite3_int64 iAttempt,
                        long long iNow, KioskError *pErr);

/* The tally of attempt iAttempt's stored answers, whatever its status. */
int kioskAttemptTally(KioskRecords *p, sqlite3_int64 iAttempt,
                      KioskTally *pTally, int *pbPassed, KioskError *pErr);

#endif
