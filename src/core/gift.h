/*
** gift.h: reading and writing GIFT, the quiz text format of Moodle.
**
** Reading turns GIFT text into KioskQuestion structs (question.h), with the
** position of every question, and reports every problem it finds, not only
** the first, as file:line:column errors. Writing turns a KioskQuestion back
** into GIFT that Moodle imports. Quiz packs (pack.c) use both for their
** hand-written questions; kioskctl uses them for `pack import` and
** `pack export --gift`.
**
** Not here: checking ids against a course (pack.c does that with the
** positions recorded in KioskGiftRef) and anything about pack settings.
**
** The GIFT understood (as Moodle reads it, see doc in quizzes/README.md):
**   - questions separated by blank lines; // starts a comment line
**   - $CATEGORY: path          a category for the questions that follow
**   - ::title::                an optional question title
**   - [html] [moodle] [plain] [markdown] before a text: its format; HTML
**     is turned into plain text (simple markup only, other tags are
**     reported as unsupported); whatever is shown differently from Moodle
**     (markdown, dropped markup, HTML in auto-format) is a warning
**   - {=right ~wrong}          multiple choice; ~%50% weights, with no =
**                              answer, make it "several correct answers"
**   - {T} {TRUE} {F} {FALSE}   true/false, {T#wrong fb#right fb}
**   - {=a =b}                  short answer (every answer accepted)
**   - {#v:tol} {#min..max} {#=v:tol =min..max}   numerical
**   - {=left -> right ...}     matching
**   - #feedback after an answer, ####general feedback at the end
**   - text after the answer block: the missing-word form ("_____")
**   - escapes \~ \= \# \{ \} \: \\ and \n (a new line)
** plus kiosk annotations, which are GIFT comments (Moodle ignores them):
**   // @stage ID   // @facts ID...   // @sources n3 13...   // @points N
**   // @kind year|order   // @unit USD   // @lesson STAGE PARA
**   // @image NAME BASE64  (the question's image file, carried in the pack)
** in the same block (no blank line) as the question they describe.
**
** Every string in these structs is sqlite3_malloc'd and owned by the struct.
*/
#ifndef KIOSK_GIFT_H
#define KIOSK_GIFT_H

#include <sqlite3.h>
#include "kerror.h"
#include "question.h"

/* ------------------------------------------------------------------------
** A list of errors: a check reports all of them, in the order found.
*/
#define KIOSK_ERRLIST_MAX 1000   /* more than this are counted, not kept */

typedef struct KioskErrList {
  int nErr;            /* errors kept in aErr */
  int nAlloc;
  KioskError *aErr;
  int nDropped;        /* errors beyond KIOSK_ERRLIST_MAX, or out of memory */
} KioskErrList;

/* Append an error (arguments as kioskErrorSet). Returns the new entry, or
** NULL when the list is full or out of memory (then nDropped grows). */
KioskError *kioskErrListAdd(KioskErrList *pList, KioskErrClass eClass,
                            const char *zCode, const char *zFile,
                            int iLine, int iCol, const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 7, 8)))
#endif
  ;
/* Append a copy of *pErr (as kioskErrListAdd). */
KioskError *kioskErrListAppend(KioskErrList *pList, const KioskError *pErr);
/* Total errors found: kept plus dropped. */
int kioskErrListCount(const KioskErrList *pList);
/* Free the array; the list is left empty and reusable. */
void kioskErrListReset(KioskErrList *pList);

/* ------------------------------------------------------------------------
** Source text with its line table, so a byte offset becomes line:column.
*/
typedef struct KioskSrc {
  const char *zFile;   /* name used in errors; not copied, may be NULL */
  const char *z;       /* the text; not copied */
  int n;               /* its length in bytes */
  int nLine;
  int *aStart;         /* byte offset where each line starts */
} KioskSrc;

/* Index the lines of z[0..n). Returns 0, or -1 out of memory. */
int kioskSrcInit(KioskSrc *pSrc, const char *zFile, const char *z, int n);
void kioskSrcFree(KioskSrc *pSrc);
/* 1-based line and column (in characters) of byte offset iOff. */
void kioskSrcPos(const KioskSrc *pSrc, int iOff, int *piLine, int *piCol);

/*
** Check that z[iStart..iEnd) is text a pack may hold: valid UTF-8, no NUL
** and no control characters other than tab, CR and LF. Each bad byte
** sequence is reported (class eClass, code "TEXT"), at most one per line.
** Returns the number of errors added.
*/
int kioskSrcCheckText(const KioskSrc *pSrc, int iStart, int iEnd,
                      KioskErrClass eClass, KioskErrList *pErrs);

/* Append z[0..n) as one clean line of text: bytes that are not UTF-8
** become U+FFFD, control characters (line ends included) spaces. */
void kioskSrcAppendClean(sqlite3_str *pOut, const char *z, int n);

/* ------------------------------------------------------------------------
** Reading.
*/

/* Kinds of id an annotation refers to, checked against a course later. */
typedef enum KioskGiftRefKind {
  KGREF_STAGE = 1,     /* @stage, and the stage of @lesson */
  KGREF_FACT,          /* @facts */
  KGREF_SOURCE,        /* @sources, normalised to "n13" */
  KGREF_LESSON         /* @lesson: zId the stage, iPara the paragraph */
} KioskGiftRefKind;

typedef struct KioskGiftRef {
  KioskGiftRefKind eKind;
  char *zId;
  int iPara;           /* KGREF_LESSON only */
  int iLine, iCol;     /* where the id is written */
} KioskGiftRef;

/* One question block of a GIFT text. */
typedef struct KioskGiftItem {
  KioskQuestion *q;    /* the question (zId NULL, zTopic "hand"), or NULL
                       ** when it has errors or cannot be represented */
  char *zTitle;        /* decoded ::title::, or NULL */
  char *zCategory;     /* the $CATEGORY in force as written (Moodle reads
                       ** no escapes there), or NULL */
  int iOff, iEnd;      /* byte span of the whole block, comments included */
  int iLine, iCol;     /* where the question text starts */
  int iFirstErr;       /* its errors: pErrs->aErr[iFirstErr..+nErr) */
  int nErr;
  int iFirstWarn;      /* its warnings: the doc's warn.aErr[iFirstWarn..
                       ** +nWarn) (only a question that was read has any) */
  int nWarn;
  int nRef;
  KioskGiftRef *aRef;  /* annotated ids, for checks against a course */
} KioskGiftItem;

typedef struct KioskGiftDoc {
  int nItem;
  int nAlloc;
  KioskGiftItem *aItem;
  KioskErrList warn;   /* what was read but changed on the way (class
                       ** KIOSK_EGIFT, code FORMAT): a [markdown] text kept
                       ** as plain text, [html] markup dropped, HTML in
                       ** Moodle's auto-format shown as written. At most
                       ** one of each kind per question, at the first
                       ** place it happens. */
} KioskGiftDoc;

/*
** Parse the GIFT in z[iStart..iEnd) of pSrc (a whole file, or the question
** section of a pack). Appends one item per question block to pDoc and every
** problem to pErrs (class KIOSK_EGIFT; codes SYNTAX, UNSUPPORTED,
** ANNOTATION, TEXT, NOMEM), and every change made to a question that was
** read (formats the kiosk shows as plain text) to pDoc->warn. Blocks with
** errors are kept as items with q NULL, so `pack import` can report and
** preserve them.
** Returns the number of errors added (0 when everything was read).
*/
int kioskGiftParse(const KioskSrc *pSrc, int iStart, int iEnd,
                   KioskGiftDoc *pDoc, KioskErrList *pErrs);

/* Free every item; the doc is left empty and reusable. */
void kioskGiftDocReset(KioskGiftDoc *pDoc);

/* ------------------------------------------------------------------------
** Writing.
*/

/*
** Append q as GIFT to pOut: annotations as // @ comments (stage, facts,
** sources, points, kind, unit, lesson), then ::zTitle:: (when not NULL),
** the question and its answer block with every special character escaped,
** then an empty line. Kinds map back as they were read: choice/multi/tf/
** text/number/match; year is numerical with "@kind year"; order is matching
** onto positions 1..n with "@kind order". General feedback is
** q->zFeedbackWrong, or q->zExplain when that is NULL.
** Returns 0, or 1 with pErr set (KIOSK_EGIFT "WRITE") for a question GIFT
** cannot express (a matching left side containing "->", no options).
*/
int kioskGiftWrite(sqlite3_str *pOut, const KioskQuestion *q,
                   const char *zTitle, KioskError *pErr);

/* Append z with GIFT's special characters escaped (\~ \= \# \{ \} \: \\,
** new line as \n). */
void kioskGiftEscape(sqlite3_str *pOut, const char *z);

/* Append a $CATEGORY line for the path components azPart[0..nPart),
** prefixed "$course$/", "/" inside a component doubled as Moodle wants. */
void kioskGiftWriteCategory(sqlite3_str *pOut, const char *const *azPart,
                            int nPart);

/* HTML as the kiosk shows it (see gift.c): simple markup dropped or made
** line breaks, entities decoded, <a href="u">t</a> as "t (u)", the first
** <img> taken out into zImg/zAlt (sqlite3_malloc'd, freed by
** kioskGiftHtmlInfoClear), the first tag it cannot show in zBad. */
typedef struct KioskHtmlInfo {
  char zBad[16];       /* first tag the kiosk cannot show, or "" */
  int nImg;            /* <img> tags seen */
  char *zImg;          /* the first one's src and alt (owned; NULL) */
  char *zAlt;
  int nLink;           /* <a href> turned into "text (url)" */
} KioskHtmlInfo;
/* The text (sqlite3_malloc'd), or NULL out of memory. */
char *kioskGiftHtmlToText(const char *z, KioskHtmlInfo *pInfo);
void kioskGiftHtmlInfoClear(KioskHtmlInfo *p);
/* 1 if z holds something Moodle would read as HTML (a tag or entity). */
int kioskGiftLooksLikeHtml(const char *z);

/* Images a pack carries (// @image NAME BASE64) are at most this big. */
#define KIOSK_GIFT_IMAGE_MAX (256*1024)

/* a[0..n) in base64 (sqlite3_malloc'd; NULL out of memory). */
char *kioskBase64(const unsigned char *a, int n);

/* Why the kiosk cannot show the image zSrc (an <img src>): a static
** reason, or NULL when it can (a PNG or GIF file named relative to the
** GIFT file, inside its folder). */
const char *kioskGiftImageWhyNot(const char *zSrc);

/* Shortest "%g" text that reads back as exactly r. */
void kioskGiftNumber(sqlite3_str *pOut, double r);

#endif
