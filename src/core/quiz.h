/*
** quiz.h: generating quizzes from the course database.
**
** Questions on dates, figures and initiatives first, then people,
** organizations, places, chronological order, matching and true/false,
** drawn from the fact tables of course.db (schema.sql). Every wrong option
** is checked against the fact base and is false; every question carries
** its explanation, the facts it tests, their footnotes and the lesson
** paragraph to revisit (question.h). Generation is deterministic: the same
** database, spec and seed give the same quiz, byte for byte.
**
** Look-ups are indexed (facts are found by rowid probes within a stage,
** wrong options by the year, value, group and id indexes): the cost of a
** quiz grows with its length, not with the size of the course.
**
** Not here: hand-written questions (pack.c), scoring (score.c), JSON
** (qjson.c).
*/
#ifndef KIOSK_QUIZ_H
#define KIOSK_QUIZ_H

#include <sqlite3.h>
#include <stdint.h>
#include "kerror.h"
#include "question.h"

/* Topics, as in KioskQuestion.zTopic. */
#define KIOSK_QUIZ_NTOPIC 11
extern const char *const kioskQuizTopics[KIOSK_QUIZ_NTOPIC + 1];

/* What to generate. Zero everywhere means: all stages, all kinds, all
** topics, 10 questions, seed 0. */
typedef struct KioskQuizSpec {
  int nStage;
  const char *const *azStage;   /* stage ids; none: the whole course */
  unsigned mKind;               /* bit (1u<<KQ_xxx) per allowed kind;
                                ** 0: every kind */
  int nTopic;
  const char *const *azTopic;   /* names from kioskQuizTopics; none: all */
  int nQuestion;                /* wanted; <=0: 10 */
  uint64_t iSeed;
  const KioskQuiz *pAvoid;      /* questions the quiz already holds (a
                                ** pack's earlier rules, borrowed): no new
                                ** one asks their facts or subjects or
                                ** answers them; NULL: none */
} KioskQuizSpec;

#define KIOSK_QUIZ_DEFAULT_COUNT 10
#define KIOSK_QUIZ_MAX_COUNT 1000

/*
** A quiz maker holds the prepared statements of one database, so that
** repeated quizzes do not prepare them again. It borrows db, which must
** outlive it. kioskQuizMakerNew returns NULL only when out of memory.
*/
typedef struct KioskQuizMaker KioskQuizMaker;
KioskQuizMaker *kioskQuizMakerNew(sqlite3 *db);
void kioskQuizMakerFree(KioskQuizMaker *p);

/*
** Append up to pSpec->nQuestion questions to pQuiz (fewer when the chosen
** stages, kinds and topics do not hold that many distinct questions; none
** is not an error). Returns 0, or an error class with pErr filled:
** KIOSK_EQUIZ "STAGE" for an unknown stage, KIOSK_EARG "TOPIC" for an
** unknown topic, KIOSK_EARG "COUNT" for a count over the maximum,
** KIOSK_EDB for SQLite errors. On error pQuiz keeps what it held before.
*/
int kioskQuizMake(KioskQuizMaker *p, const KioskQuizSpec *pSpec,
                  KioskQuiz *pQuiz, KioskError *pErr);

/* kioskQuizMake with a maker of its own. */
int kioskQuizGenerate(sqlite3 *db, const KioskQuizSpec *pSpec,
                      KioskQuiz *pQuiz, KioskError *pErr);

#endif
