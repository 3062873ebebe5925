/*
** classimport.h: what a kiosk takes from its class into records.db, so
** that a student sees the same progress and review schedule at any kiosk
** and can carry an unfinished attempt on where that is safe
** (doc/class.md, "Any kiosk, same student").
**
** Free of libpq: classsync.c reads the server and hands rows here; the
** rules (which attempt may be carried on, which review state wins) and the
** writes live in the core with the records they change. Everything taken
** in is marked sent in the outbox in the same transaction: it came from
** the class, and is never queued back to it.
**
** Every function returns 0 or an error class with pErr filled.
*/
#ifndef KIOSK_CLASSIMPORT_H
#define KIOSK_CLASSIMPORT_H

#include "kerror.h"
#include "records.h"

/* One answer of an attempt, as the server has it. */
typedef struct KioskClassAnswer {
  int idx;
  const char *zAnswer;     /* as given */
  const char *zText;       /* in words */
  int bCorrect;
  double rCredit, rPoints;
  const char *zAnswered;   /* ISO time, the answering kiosk's clock */
} KioskClassAnswer;

/* An attempt as the server has it. Strings may be NULL where the server
** column is. */
typedef struct KioskClassAttempt {
  const char *zUid, *zStudent, *zKiosk;   /* kiosk: where it started */
  const char *zKind, *zPack, *zStage, *zTitle;
  const char *zStatus, *zStarted, *zFinished;
  long long iSeed;
  int nTimeLimit;          /* seconds, 0 none */
  const char *zFeedback;   /* each | end */
  double rPassMark;
  int nAllowed;
  int iPackVersion;        /* the pack's version it started on; 0 unknown */
  long long iLeftAt;       /* when it was left on purpose; 0 while in use */
  int nQuestion;           /* questions as asked, JSON, by index */
  const char *const *azQuestion;
  int nAnswer;
  const KioskClassAnswer *aAnswer;
} KioskClassAttempt;

/*
** The rule for carrying an unfinished attempt on at kiosk zHere (doc/
** class.md): 1 when pA may be taken up here, else 0 with *pzWhy (static
** text, may be NULL) saying why not. iPackVersionNow is the version of
** pA's pack the class publishes now (0: none). Safe means all of:
**   - it is open, and it started at another kiosk;
**   - the student left it on purpose there (iLeftAt), and that reached the
**     server: the kiosk sends in order, so every answer given before it is
**     on the server too, and none is in flight;
**   - it has no time limit (the time left would depend on two clocks);
**   - a pack attempt started on the pack version the class has now;
**   - every question it asks is on the server.
*/
int kioskClassCarryable(const KioskClassAttempt *pA, const char *zHere,
                        int iPackVersionNow, const char **pzWhy);

/* Take attempt pA into pRec at iNow: a new one is stored whole (its
** student found by name, ignoring case, or added), keeping its uid; one
** the kiosk has gets the answers it lacks and, when the class has it
** finished or abandoned, that status. A different answer to a question
** the kiosk has answered is not taken (the first to reach the server is
** the class's; doc/class.md). *pbChanged: 1 when anything was written.
** One transaction. */
int kioskClassImportAttempt(KioskRecords *pRec, const KioskClassAttempt *pA,
                            long long iNow, int *pbChanged, KioskError *pErr);

/* A review state of the class: kept when it has seen more answers than
** the kiosk's own state of (student, fact), or the kiosk has none. The
** student is found by name or added. *pbChanged as above. */
int kioskClassImportReview(KioskRecords *pRec, const char *zStudent,
                           const char *zFact, const char *zStage, int iBox,
                           long long iDue, int nSeen, int nLapses,
                           const char *zLast, long long iNow, int *pbChanged,
                           KioskError *pErr);

/* A lesson the class says the student read (the first reading counts). */
int kioskClassImportLesson(KioskRecords *pRec, const char *zStudent,
                           const char *zStage, const char *zAt,
                           long long iNow, int *pbChanged, KioskError *pErr);

/* The version of pack zId the class publishes (0: forget it). */
int kioskClassPackVersionSet(KioskRecords *pRec, const char *zId,
                             int iVersion, KioskError *pErr);
int kioskClassPackVersionGet(KioskRecords *pRec, const char *zId,
                             int *piVersion, KioskError *pErr);

#endif
