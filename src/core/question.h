/*
** question.h: one quiz question, whoever made it.
**
** The quiz generator (quiz.c), the pack parser (pack.c, GIFT questions) and
** the scorer (score.c) all speak this struct; the Tcl binding turns it into
** a dict and back (same field names, see doc/tcl-api.md), kioskctl into
** JSON and GIFT. A question carries everything needed to show it, score it
** and explain it, so scoring is stateless: score(question, answer).
**
** Ownership: every pointer in a KioskQuestion is heap memory from
** sqlite3_malloc (kioskStrDup), owned by the question and freed by
** kioskQuestionFree. Arrays are sized by their n* counts.
*/
#ifndef KIOSK_QUESTION_H
#define KIOSK_QUESTION_H

typedef enum KioskQKind {
  KQ_CHOICE = 0, /* one correct option among aOption (keys 1-4) */
  KQ_MULTI,      /* several options carry credit (GIFT weights) */
  KQ_TF,         /* true/false: aOption = {"True","False"}, one correct */
  KQ_YEAR,       /* typed year: rValue, within rTol years */
  KQ_NUMBER,     /* typed amount: rValue in zUnit, within rTol (absolute),
                 ** or anywhere in [rMin, rMax] when rMin<=rMax */
  KQ_TEXT,       /* typed text: any of azAccept, normalised */
  KQ_ORDER,      /* put aOption in order: aOrder is the correct sequence */
  KQ_MATCH,      /* match each aPair[i].zLeft to its zRight; azDistract
                 ** are extra right-hand texts that match nothing */
  KQ_ESSAY,      /* a written answer the teacher reads: never scored */
  KQ_DESC        /* an information page: no answer, no points */
} KioskQKind;

/* 1 for the kinds the kiosk marks itself (all but essay and description). */
#define KIOSK_QKIND_SCORED(e) ((e)!=KQ_ESSAY && (e)!=KQ_DESC)

/* The names used in Tcl dicts and JSON: "choice", "multi", "tf", "year",
** "number", "text", "order", "match", "essay", "description". */
const char *kioskQKindName(KioskQKind e);
/* Returns 0 and sets *pe, or -1 for an unknown name. */
int kioskQKindFromName(const char *z, KioskQKind *pe);

typedef struct KioskOption {
  char *zText;      /* as shown */
  double rCredit;   /* share of the points this option earns: 1 for the
                    ** correct option of a CHOICE/TF, GIFT weights
                    ** (-1..1) for MULTI, 0 for a wrong option */
  char *zFeedback;  /* shown when picked; NULL if none */
  char *zFact;      /* the fact this option stands for, NULL if none */
} KioskOption;

typedef struct KioskPair {
  char *zLeft;
  char *zRight;
} KioskPair;

/* One answer of a numerical question as Moodle writes them: a value with
** its tolerance or a range, its credit and feedback; bAny for the catch-all
** "any other number" (GIFT ~#feedback, Moodle's answer "*"). */
typedef struct KioskNumAnswer {
  int bAny;
  int bRange;           /* [rMin, rMax] rather than rValue +/- rTol */
  double rValue, rTol;
  double rMin, rMax;
  double rCredit;       /* 0..1 */
  char *zFeedback;      /* NULL if none */
} KioskNumAnswer;

typedef struct KioskQuestion {
  char *zId;        /* stable across seeds and course rebuilds:
                    ** "gen:<topic>-<form>:<fact id>[:<fact id>...]" for
                    ** generated questions, "pack:<pack id>:<n>" for
                    ** hand-written ones. Records refer to questions by it. */
  KioskQKind eKind;
  char *zTopic;     /* "date", "figure", "initiative", "person",
                    ** "organization", "place", "chronology", "matching",
                    ** "truefalse", "term", "why", or "hand" for
                    ** hand-written ones */
  char *zStage;     /* stage id, NULL for a hand-written question without */
  char *zPrompt;
  int nOption;
  KioskOption *aOption;  /* CHOICE, MULTI, TF, ORDER: in display order */
  int *aOrder;           /* ORDER: nOption indexes into aOption, correct
                         ** sequence (earliest first) */
  int nPair;
  KioskPair *aPair;      /* MATCH: the correct pairs */
  int nAccept;
  char **azAccept;       /* TEXT: every accepted answer, in the order
                         ** tried (the first that matches counts); "*"
                         ** in one stands for any text, as in Moodle */
  double *arAccept;      /* TEXT: nAccept credits (0..1), 1 by default */
  char **azAcceptFeedback; /* TEXT: nAccept feedbacks, NULL entries if none */
  int nNum;
  KioskNumAnswer *aNum;  /* NUMBER: every answer when there is more than
                         ** one value and one range in full credit
                         ** (partial credit, feedback, catch-all); then
                         ** rValue/rTol/rMin/rMax repeat the first full-
                         ** credit value and range. 0 when unused. */
  int nDistract;
  char **azDistract;     /* MATCH: extra wrong right-hand texts */
  double rValue;         /* YEAR, NUMBER: the correct value */
  double rTol;           /* YEAR, NUMBER: accepted distance from rValue */
  double rMin, rMax;     /* NUMBER: an accepted range when rMin<=rMax;
                         ** set rMin>rMax (1, 0) when unused */
  char *zUnit;           /* NUMBER: "USD", "km", "bcm/yr", "count" */
  char *zAnswer;         /* the correct answer in words, for feedback and
                         ** answer keys: "1992", "$396 million" */
  char *zExplain;        /* why, in our words; shown after answering */
  char *zFeedbackWrong;  /* GIFT general feedback (hand-written), or NULL */
  int nFact;
  char **azFact;         /* the fact ids the question tests */
  int nSource;
  char **azSource;       /* the supporting footnotes: "n13" */
  char *zLessonStage;    /* the lesson paragraph to revisit; NULL if none */
  int iLessonPara;       /* 1-based; 0 if none */
  double rPoints;        /* points the question is worth; 1 by default */
  /* What Moodle keeps with a question, carried through import and export
  ** (all NULL/0 for generated questions). */
  char *zIdNumber;       /* Moodle's idnumber, GIFT [id:...] */
  int nTag;
  char **azTag;          /* Moodle tags, GIFT [tag:...] */
  char *zComment;        /* the author's comment lines above the question
                         ** ("question: 12  name: Grant"), "\n" between
                         ** lines, without the leading "//" */
  char *zImage;          /* an image file shown with the prompt, as
                         ** written in <img src> (relative to the pack) */
  char *zImageAlt;       /* its alt text, NULL if none */
  char *zImageData;      /* the image file itself, base64, as the pack
                         ** carries it (// @image NAME DATA), or NULL */
} KioskQuestion;

/* A new zeroed question (rPoints 1, rMin>rMax), or NULL when out of memory. */
KioskQuestion *kioskQuestionNew(void);
/* Free q and everything it owns. NULL is a no-op. */
void kioskQuestionFree(KioskQuestion *q);

/* Deep copy of q, or NULL out of memory. */
KioskQuestion *kioskQuestionCopy(const KioskQuestion *q);

/* sqlite3_malloc'd copy of z (NULL for NULL or out of memory). */
char *kioskStrDup(const char *z);

/* Append to the question's arrays. Each returns 0, or -1 when out of
** memory (the question is left unchanged). Strings are copied. */
int kioskQuestionAddOption(KioskQuestion *q, const char *zText,
                           double rCredit, const char *zFeedback,
                           const char *zFact);
int kioskQuestionAddPair(KioskQuestion *q, const char *zLeft,
                         const char *zRight);
int kioskQuestionAddAccept(KioskQuestion *q, const char *zText);
/* An accepted text with its credit (0..1) and feedback (may be NULL). */
int kioskQuestionAddAcceptEx(KioskQuestion *q, const char *zText,
                             double rCredit, const char *zFeedback);
/* A numerical answer (*pNum copied, its zFeedback duplicated). */
int kioskQuestionAddNum(KioskQuestion *q, const KioskNumAnswer *pNum);
int kioskQuestionAddDistract(KioskQuestion *q, const char *zText);
int kioskQuestionAddTag(KioskQuestion *q, const char *zTag);
int kioskQuestionAddFact(KioskQuestion *q, const char *zFact);
int kioskQuestionAddSource(KioskQuestion *q, const char *zSource);

/* A growable list of questions: what a quiz is. */
typedef struct KioskQuiz {
  int nQuestion;
  int nAlloc;
  KioskQuestion **apQuestion;
} KioskQuiz;

/* Append q (the quiz takes ownership). Returns 0 or -1 out of memory, in
** which case q is freed. */
int kioskQuizAppend(KioskQuiz *pQuiz, KioskQuestion *q);
/* Free every question and the array; the KioskQuiz itself is the caller's
** and is left empty. */
void kioskQuizReset(KioskQuiz *pQuiz);

#endif
