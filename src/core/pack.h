/*
** pack.h: instructor quiz packs: reading, checking, running, GIFT.
**
** A pack is one UTF-8 text file (quizzes/README.md documents it):
**
**   # comment lines start with # (or ;) outside [questions]
**   [settings]
**   title    = Stage 1: Cautious first steps
**   stages   = s1-caution
**   pass     = 60%
**   ...
**   [rules]
**   # kind     stage        count
**   date       s1-caution   3
**   [questions]
**   ...GIFT (gift.h) to the end of the file...
**
** Reading (kioskPackParse) checks the syntax and collects every error;
** checking against a course (kioskPackCheckCourse) adds the errors only a
** course database can find: stages, fact ids, notes and lesson paragraphs
** that do not exist, rules asking for more questions than the course can
** make. A pack with any error never loads (kioskPackLoad). Nothing in a
** pack is evaluated: it is data.
**
** Hand-written questions get the ids "pack:<pack id>:<n>", n counting the
** question blocks of [questions] from 1 in file order.
**
** Not here: storing installed packs (records.c), the Tcl and CLI front
** ends (tclpack.c, ctl-pack.c), question generation itself (quiz.c).
*/
#ifndef KIOSK_PACK_H
#define KIOSK_PACK_H

#include <sqlite3.h>
#include <stdint.h>
#include "kerror.h"
#include "question.h"
#include "gift.h"

#define KIOSK_PACK_MAXBYTES (4*1024*1024)   /* larger files are refused */
#define KIOSK_PACK_MAXRULE_COUNT 200        /* questions one rule may ask */

typedef enum KioskPackOrder {
  KPACK_ORDER_SHUFFLE = 0,   /* all questions shuffled by the seed */
  KPACK_ORDER_FIXED          /* rules in order, then the hand-written ones */
} KioskPackOrder;

typedef enum KioskPackFeedback {
  KPACK_FEEDBACK_EACH = 0,   /* right/wrong and explanation after each */
  KPACK_FEEDBACK_END         /* everything on the results screen */
} KioskPackFeedback;

/* One rule of [rules]: COUNT generated questions of WHAT from STAGE. */
typedef struct KioskPackRule {
  char *zWhat;        /* a generator topic (kioskQuizTopics: "date"...),
                      ** a question kind ("tf"...), or "any" */
  char *zStage;       /* a stage id, or NULL for "*" (the pack's stages) */
  int nCount;
  int iLine;          /* positions, for errors found later */
  int iColWhat, iColStage, iColCount;
} KioskPackRule;

typedef struct KioskPack {
  char *zFile;        /* name for errors */
  char *zId;          /* setting id, else the file name without .pack */
  char *zTitle;
  char *zAuthor;      /* NULL when not given */
  char *zDescription; /* NULL when not given */
  int nStage;         /* 0: every stage of the course ("all") */
  KioskGiftRef *aStage;          /* eKind KGREF_STAGE, with positions */
  double rPass;       /* share of the points needed to pass, 0..1 */
  int nTimeLimit;     /* seconds; 0 for none */
  KioskPackOrder eOrder;
  int bFixedSeed;     /* 1: iSeed for everyone; 0: one per student */
  uint64_t iSeed;
  int nAttempts;      /* 0 for unlimited */
  KioskPackFeedback eFeedback;
  int nRule;
  KioskPackRule *aRule;
  KioskGiftDoc doc;   /* [questions]: one item per question block */
  int nQuestion;      /* items whose question was read (q != NULL) */
  int bStagesError;   /* the stages setting had an error: aStage may be
                      ** incomplete, so rule counts are not checked */
} KioskPack;

/*
** Read zFile (at most KIOSK_PACK_MAXBYTES) into *pz (sqlite3_malloc'd,
** NUL-terminated; the caller frees) and *pn. Returns 0 or KIOSK_EIO.
*/
int kioskPackReadFile(const char *zFile, char **pz, int *pn,
                      KioskError *pErr);

/*
** Parse the pack text z[0..n) named zFile (used in errors and, without an
** id setting, for the pack id). Every error is appended to pErrs (classes
** KIOSK_EPACK and KIOSK_EGIFT). *ppPack receives the pack as far as it
** could be read, even with errors (NULL only when out of memory); the
** caller frees it with kioskPackFree.
** Returns the number of errors found (0: the syntax is right).
*/
int kioskPackParse(const char *zFile, const char *z, int n,
                   KioskPack **ppPack, KioskErrList *pErrs);

/*
** Check a parsed pack against the course database db: every stage, fact,
** note and lesson paragraph it names exists, and every rule can get the
** questions it asks for. Appends errors (KIOSK_EPACK codes STAGE, FACT,
** SOURCE, LESSON, COUNT; KIOSK_EDB) to pErrs; returns how many.
*/
int kioskPackCheckCourse(const KioskPack *pPack, sqlite3 *db,
                         KioskErrList *pErrs);

/*
** Parse z[0..n) and, with db, check it against the course: one list of
** every error. The course checks run on everything that parsed, even when
** the syntax has errors elsewhere, so one run reports all of them. The
** errors this call adds are sorted by line and column (file order kept for
** equal positions) and exact duplicates are removed. *ppPack as with
** kioskPackParse. Returns the number of errors added (0: the pack is good).
*/
int kioskPackCheck(const char *zFile, const char *z, int n, sqlite3 *db,
                   KioskPack **ppPack, KioskErrList *pErrs);

/*
** Parse and check (kioskPackCheck; syntax only when db is NULL). On success
** *ppPack is the caller's. On any error returns its class with the FIRST
** error in pErr (all of them in pErrs when not NULL) and *ppPack is NULL:
** a pack with errors never loads.
*/
int kioskPackLoad(const char *zFile, const char *z, int n, sqlite3 *db,
                  KioskPack **ppPack, KioskErrList *pErrs, KioskError *pErr);

void kioskPackFree(KioskPack *pPack);

/*
** The pack's quiz: questions from each rule (drawn from db with a seed
** derived from the quiz seed and the rule's position), then copies of the
** hand-written questions, shuffled by the seed when the pack says so.
** The seed is the pack's own when it fixes one, else iSeed. Appends to
** pOut; returns 0 or an error class (pOut may then hold some questions:
** the caller resets it).
*/
int kioskPackQuiz(const KioskPack *pPack, sqlite3 *db, uint64_t iSeed,
                  KioskQuiz *pOut, KioskError *pErr);

/* The seed kioskPackQuiz uses for a given student seed. */
uint64_t kioskPackSeed(const KioskPack *pPack, uint64_t iSeed);

/*
** The whole quiz as GIFT for Moodle: a header comment with the settings
** GIFT cannot hold, then a $CATEGORY per stage ("$course$/<pack title>/
** <stage n: title>", just "$course$/<pack title>" when the two are the
** same; hand-written questions without a stage under the pack title) and every question, generated ones (drawn with iSeed as it
** is: pass kioskPackSeed(p, s) to honour the pack's own seed) titled by
** their id, hand-written ones by their own ::title::. db may be NULL when
** the pack has no rules. Returns 0 or an error class.
*/
int kioskPackExportGift(const KioskPack *pPack, sqlite3 *db, uint64_t iSeed,
                        sqlite3_str *pOut, KioskError *pErr);

/* The same quiz as Moodle XML (moodlexml.h): the header as a comment, a
** category question per stage, every question. */
int kioskPackExportXml(const KioskPack *pPack, sqlite3 *db, uint64_t iSeed,
                       sqlite3_str *pOut, KioskError *pErr);

/*
** Turn the GIFT file z[0..n) named zFile into pack text appended to pOut:
** a [settings] section (id zId and title zTitle when not NULL, else taken
** from the file name and the category path all its questions share) and
** every question in
** [questions] written back as GIFT. A question that cannot be represented
** is kept in the pack as a comment (its original lines after "//> ") and
** its errors are appended to pErrs with their line and column in zFile.
** A question imported with a change (a format the kiosk shows as plain
** text: see KioskGiftDoc.warn) gets a comment saying so above it in the
** pack, and the warning is appended to pWarns (when not NULL).
** A file without a single question (only $CATEGORY lines, or empty) is
** refused: one error (code EMPTY) and nothing appended to pOut.
** Returns the number of questions that could not be represented (0: the
** whole file was imported), or -1 out of memory.
*/
int kioskPackImportGift(const char *zFile, const char *z, int n,
                        const char *zId, const char *zTitle,
                        sqlite3_str *pOut, KioskErrList *pErrs,
                        KioskErrList *pWarns);

/* kioskPackImportGift for a Moodle XML file (moodlexml.h): the same pack,
** a question that cannot be represented kept as a comment naming its line.
** A file that is not well-formed XML, or not Moodle's, is one error and
** nothing appended to pOut. */
int kioskPackImportXml(const char *zFile, const char *z, int n,
                       const char *zId, const char *zTitle,
                       sqlite3_str *pOut, KioskErrList *pErrs,
                       KioskErrList *pWarns);

/* 1 if z is a valid id ([a-z0-9-]+, at most 64 bytes). */
int kioskPackIsId(const char *z);

#endif
