/*
** quizint.h: what the files of the quiz generator share (quiz.c: the
** driver and helpers; quiz-dates.c, quiz-figures.c, quiz-initiatives.c,
** quiz-named.c: the question forms). Not a public interface.
*/
#ifndef KIOSK_QUIZINT_H
#define KIOSK_QUIZINT_H

#include "quiz.h"
#include "prng.h"
#include "kdate.h"

#include <sqlite3.h>

/* The fact tables probed for facts, and their SELECT lists: every
** statement reading a table selects these columns in this order, so rows
** are read with the column enums below. */
typedef enum QTable {
  QT_EVENT, QT_FIGURE, QT_INIT, QT_PERSON, QT_ORG, QT_PLACE, QT_N
} QTable;

#define EV_COLS "id, stage, date, title, detail, source, y0, y1, approx"
enum { EV_ID, EV_STAGE, EV_DATE, EV_TITLE, EV_DETAIL, EV_SOURCE, EV_Y0,
       EV_Y1, EV_APPROX };
#define FG_COLS "id, stage, label, value, unit, period, grp, approx, source"
enum { FG_ID, FG_STAGE, FG_LABEL, FG_VALUE, FG_UNIT, FG_PERIOD, FG_GRP,
       FG_APPROX, FG_SOURCE };
#define IN_COLS "id, stage, name, kind, date, launched_by, by_country, " \
                "place, summary, source, y0, y1, verb"
enum { IN_ID, IN_STAGE, IN_NAME, IN_KIND, IN_DATE, IN_LAUNCHED_BY,
       IN_BY_COUNTRY, IN_PLACE, IN_SUMMARY, IN_SOURCE, IN_Y0, IN_Y1,
       IN_VERB };
#define PE_COLS "id, stage, name, role, country, year, source"
enum { PE_ID, PE_STAGE, PE_NAME, PE_ROLE, PE_COUNTRY, PE_YEAR, PE_SOURCE };
#define OR_COLS "id, stage, name, abbrev, country, kind, founded, summary, " \
                "source"
enum { OR_ID, OR_STAGE, OR_NAME, OR_ABBREV, OR_COUNTRY, OR_KIND,
       OR_FOUNDED, OR_SUMMARY, OR_SOURCE };
#define PL_COLS "id, stage, name, kind, country, summary, source"
enum { PL_ID, PL_STAGE, PL_NAME, PL_KIND, PL_COUNTRY, PL_SUMMARY,
       PL_SOURCE };

/* One result row, its text in the generator's arena (valid until the end
** of the current question attempt). az[i] is NULL for SQL NULL. */
#define ROW_MAXCOL 16
typedef struct Row {
  int nCol;
  const char *az[ROW_MAXCOL];
  double ar[ROW_MAXCOL];
} Row;

/* A bump allocator for the strings of one question attempt. */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ArenaBlock *pFirst;
} Arena;

/* The rowid span of one stage in one table. */
typedef struct Span {
  sqlite3_int64 lo, hi;
  const char *zStage;       /* NULL: the whole table */
} Span;

#define QUIZ_MAXSTMT 128     /* the forms use about 65 */

struct KioskQuizMaker {
  sqlite3 *db;
  int nStmt;
  struct { const char *zSql; sqlite3_stmt *pStmt; } aStmt[QUIZ_MAXSTMT];
};

typedef struct QuizGen {
  KioskQuizMaker *pMaker;
  sqlite3 *db;
  KioskPrng rng;
  unsigned mKind;           /* allowed kinds */
  int rc;                   /* latched error class, 0 while all is well */
  KioskError *pErr;
  Arena arena;
  int aNSpan[QT_N];
  Span *aSpan[QT_N];        /* per table: spans of the chosen stages */
  sqlite3_int64 aSpanTotal[QT_N];
  Span aAll[QT_N];          /* per table: the whole table (lo>hi: empty) */
  int nUsed, nUsedAlloc;
  char **azUsed;            /* fact ids asked and question ids made */
  int iYearLo, iYearHi;     /* the years the course covers (stages) */
  int nStage;               /* the chosen stages (0: the whole course) */
  char **azStage;
} QuizGen;

/* ---- quiz.c: helpers ---- */
const char *qStr(QuizGen *g, const char *z);
const char *qPrintf(QuizGen *g, const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 2, 3)))
#endif
  ;
const char *qFold(QuizGen *g, const char *z);
int qSameText(QuizGen *g, const char *a, const char *b);

/* Run zSql with parameters bound from zBind ('t' text, 'i' sqlite3_int64,
** 'd' double, 'n' NULL) and copy up to nMax rows into aRow. Returns the
** row count, or -1 after latching an error. */
int qFetch(QuizGen *g, const char *zSql, Row *aRow, int nMax,
           const char *zBind, ...);

/* A random fact of table t within the chosen stages. 1 found, 0 none,
** -1 error. */
int qProbe(QuizGen *g, QTable t, Row *pRow);

/* Up to nMax rows of zSql ("... WHERE rowid>=?1 ... ORDER BY rowid LIMIT
** ?2", more parameters from zBind starting at ?3), starting at a random
** rowid of table t and wrapping around to its start. Returns the count or
** -1. */
int qProbeList(QuizGen *g, QTable t, const char *zSql, Row *aRow, int nMax,
               const char *zBind, ...);

/* 1 when stage zStage is one of the quiz's (always, for the whole
** course): facts a question asks come from the quiz's stages only. */
int qInStages(QuizGen *g, const char *zStage);

/* The used-list key of a subject (schema.sql: fact_subjects): a quiz
** asks one question per subject. Arena; NULL on OOM. */
const char *qSubjectKey(QuizGen *g, const char *zSubject);
int qIsUsed(QuizGen *g, const char *zKey);
int qMarkUsed(QuizGen *g, const char *zKey);

uint64_t qRand(QuizGen *g, uint64_t n);

/* Options under construction. */
#define QUIZ_MAXOPT 8
typedef struct QOpt {
  const char *zText;
  double rCredit;
  const char *zFact;
  double rSort;
} QOpt;
typedef struct QOpts {
  int n;
  QOpt a[QUIZ_MAXOPT];
} QOpts;

/* Add an option unless full or equal (after folding) to one already
** there. Returns 1 when added. */
int qOptAdd(QuizGen *g, QOpts *p, const char *zText, double rCredit,
            const char *zFact, double rSort);
int qOptHas(QuizGen *g, const QOpts *p, const char *zText);
/* Move the options into q: sorted by rSort when bSort, else shuffled. */
int qOptsToQuestion(QuizGen *g, KioskQuestion *q, QOpts *p, int bSort);
void qShuffle(QuizGen *g, void *a, int n, int sz);

/* A new question of kind eKind and topic zTopic for stage zStage. */
KioskQuestion *qNew(QuizGen *g, KioskQKind eKind, const char *zTopic,
                    const char *zStage);
/* Record a fact the question tests (with its footnote; the first fact also
** gives the lesson paragraph). */
int qFact(QuizGen *g, KioskQuestion *q, const char *zFact,
          const char *zSource);
/* Set a string field (copied). */
int qSet(QuizGen *g, char **pz, const char *z);
/* Give q its id "gen:<topic>-<form>:<fact>:..." and check it is new to
** the quiz. Returns q, or NULL (q freed) when the id is taken or on
** error. */
KioskQuestion *qFinish(QuizGen *g, KioskQuestion *q, const char *zForm);
/* 1 when name zName stands in zText as whole words (folded; a possessive
** "s" may follow); a country also by its id in capitals ("EU", "U.S.")
** and by words made from its name ("Japanese", "Uzbek"). */
int qNameIn(QuizGen *g, const char *zText, const char *zName);
/* 1 when q's prompt gives its answer away: a right option (or, typed, an
** accepted answer or the year) stands in it, by its text or, when the
** option is the name of its fact, by the fact's aliases, abbreviation or
** a person's surname. qFinish drops such questions; zForm "abbrev" is
** exempt (the abbreviation is what it asks). */
int qGiveaway(QuizGen *g, const KioskQuestion *q, const char *zForm);
/* The word lists of the word give-aways (quiz.c): stop words that are
** never content, form words ("plan", "declaration") an option must not be
** alone in carrying. NULL-terminated. */
extern const char *const qazStopWord[];
extern const char *const qazFormWord[];
/* The words of a folded text, a trailing "s" stemmed off ("plans" ->
** "plan"), as pointers into zBuf (nBuf bytes); at most QWORD_MAX. */
#define QWORD_MAX 64
int qWords(const char *zFolded, char *zBuf, int nBuf, const char **az);
/* Free q and return NULL. */
KioskQuestion *qDrop(KioskQuestion *q);

int qOom(QuizGen *g);
int qKindOk(QuizGen *g, KioskQKind e);

/* Up to nWant countries (rows: id, name), in random order, that are
** neither zRight nor linked to fact zFact in fact_countries in any role:
** safe wrong answers to "which country ...". Returns the count or -1. */
int qOtherCountries(QuizGen *g, const char *zFact, const char *zRight,
                    Row *aOut, int nWant);

/* Country name for an id (arena), or NULL. */
const char *qCountryName(QuizGen *g, const char *zId);

/* ---- quiz.c: wording helpers (results in the arena; NULL only on OOM
** or, for qWhen, a missing or invalid date) ---- */

/* A KDATE as an adverbial: "in October 1991", "in 1992", "on 15 October
** 2018", "between 1992 and 2000", "in October-November 2015"; an
** approximate range in words where it can be: "in mid-2019" (~2019-05..
** 2019-07), "in the early 2000s" (~2000..2003), else "around 1991-1995". */
const char *qWhen(QuizGen *g, const char *zDate);
/* z with its first letter upper-cased (ASCII). */
const char *qCap(QuizGen *g, const char *z);
/* "a" or "an" for the word z. */
const char *qAn(const char *z);
/* A name as it stands in a sentence: "the Embassy of Japan in
** Kazakhstan", "the Amu Darya River", "the Caspian region", but
** "Astana", "Exxon". */
const char *qTheName(QuizGen *g, const char *zName);
/* 1 when the first word of z is a common noun or adjective that takes a
** small letter inside a sentence ("Grants", "Planned", "Value"): not an
** all-capitals word, a country name or a word made from one ("Japanese"),
** nor the start of a run of capitalised words ("Central Asian"). */
int qFirstWordCommon(QuizGen *g, const char *z);
/* z with its first letter lower-cased when qFirstWordCommon. */
const char *qInSentence(QuizGen *g, const char *z);
/* 1 when the name's head noun is plural and it takes "were":
** "Koizumi's energy cooperation plans for Central Asia", "Six-party
** talks"; not "Arc of Freedom and Prosperity", "the United States",
** "Economics". A rule of thumb: the head is the last word before the
** first preposition, plural when it ends in a single "s". */
int qPlural(const char *zName);
/* "was" or "were" for zName as a subject. */
const char *qWas(const char *zName);
/* The past participle that suits an initiative of kind zKind: "adopted"
** for a plan, "signed" for a declaration, "launched" by default. */
const char *qInitVerb(const char *zKind);
/* The verb the article uses for an initiative (initiatives.verb:
** "announced" for Koizumi's plans, "presented" for the Silk Road Action
** Plan), else qInitVerb of its kind. */
const char *qInitVerbOf(const char *zVerb, const char *zKind);

/* ---- quiz-dates.c: date intervals shared by dates, tf and matching ---- */

/* A date as an interval of whole years or of whole months
** (y*12 + m-1), inclusive. Approximate dates are always in years and
** carry a margin of one year on either side (kdate.h). */
typedef struct QIval {
  int a, b;
  int bMonth;
  int bApprox;
} QIval;

int qDateIval(const char *zDate, QIval *p, KioskDate *pDate);
/* The interval as shown: "1992", "1997-1998", "c. 1991-1994",
** "October 1991", "October-November 2015". */
const char *qIvalText(QuizGen *g, const QIval *p);
/* 1 when the interval w (same unit as the truth t) certainly does not
** contain the truth: for years every year of w passes
** kioskDateCertainlyNotYear on the date, for months they are disjoint. */
int qIvalCertainlyWrong(const QIval *t, const KioskDate *pDate,
                        const QIval *w);
/* Choose up to nWant wrong intervals of t's length and unit, mutually
** disjoint, near the truth. Returns how many were written to aOut. */
int qWrongIvals(QuizGen *g, const QIval *t, const KioskDate *pDate,
                QIval *aOut, int nWant);
/* 1 when event/initiative date a certainly ends before b begins, with a
** year to spare around approximate dates. */
int qCertainlyBefore(const KioskDate *a, const KioskDate *b);

/* A dated fact (event or initiative) for the date forms. */
typedef struct QDated {
  const char *zId, *zStage, *zDate, *zSource;
  const char *zWhat;        /* event title or initiative name */
  const char *zDetail;      /* event detail or initiative summary */
  const char *zKind;        /* initiative kind ("plan"), else NULL */
  const char *zVerb;        /* initiative verb ("announced"), or NULL */
  int bInitiative;
} QDated;
/* "In which year/month...?" as multiple choice, and as a typed year. */
KioskQuestion *qDateChoice(QuizGen *g, const QDated *f, const char *zTopic,
                           const char *zForm);
KioskQuestion *qDateTyped(QuizGen *g, const QDated *f, const char *zTopic,
                          const char *zForm);

/* ---- the topics: each returns a finished question or NULL ---- */
KioskQuestion *quizDate(QuizGen *g);
KioskQuestion *quizChronology(QuizGen *g);
KioskQuestion *quizFigure(QuizGen *g);
KioskQuestion *quizInitiative(QuizGen *g);
KioskQuestion *quizMatching(QuizGen *g);
KioskQuestion *quizPerson(QuizGen *g);
KioskQuestion *quizOrganization(QuizGen *g);
KioskQuestion *quizPlace(QuizGen *g);
KioskQuestion *quizTrueFalse(QuizGen *g);
KioskQuestion *quizTerm(QuizGen *g);
KioskQuestion *quizWhy(QuizGen *g);

/* The true/false forms live with their topics. */
KioskQuestion *quizTfDate(QuizGen *g, const Row *pEv);
KioskQuestion *quizTfFigure(QuizGen *g, const Row *pFig);
KioskQuestion *quizTfInitiative(QuizGen *g, const Row *pIn);

/* Shared by the figure forms and their true/false form: up to nWant wrong
** values for figure row pFig, each checked against the fact base. */
int qWrongValues(QuizGen *g, const Row *pFig, double *aOut, int nWant);

#endif
