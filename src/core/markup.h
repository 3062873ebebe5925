/*
** markup.h: the lesson markup, parsed into runs.
**
**   {fact:ID|shown text}   a reference to a fact (events, figures, ...)
**   {term:ID|shown text}   a glossary term
**   {note:N}               footnote marker N (a sources.num)
**   {{  }}                 a literal { and }
**
** Everything else is plain text. Shown text may not contain braces. IDs are
** slugs ([a-z0-9-]+), N a positive number without leading zeros.
** This module only reads the syntax: whether an ID exists is course.c's
** question.
*/
#ifndef KIOSK_MARKUP_H
#define KIOSK_MARKUP_H

#include "kerror.h"

typedef enum KioskRunKind {
  KR_TEXT = 0,
  KR_FACT,
  KR_NOTE,
  KR_TERM
} KioskRunKind;

typedef struct KioskRun {
  KioskRunKind eKind;
  char *zText;     /* shown text; for a note the number, "13" */
  char *zTarget;   /* fact id, term id, source id ("n13"); NULL for text */
  int iLine;       /* where the run starts (for a reference, its "{") */
  int iCol;
} KioskRun;

typedef struct KioskMarkup {
  int nRun;
  KioskRun *aRun;
} KioskMarkup;

/*
** Parse n bytes of z (n<0: up to the NUL). Positions count from line
** iLine, column 1, in characters; a '\n' in z starts the next line. zFile
** names the text in errors (may be NULL).
** Returns 0 and fills *pOut (the caller's to kioskMarkupFree), or
** KIOSK_ELESSON with pErr filled (codes BRACE, KIND, ID, NOTE, TEXT) and
** *pOut empty. Adjacent text is one run.
*/
int kioskMarkupParse(const char *z, int n, const char *zFile, int iLine,
                     KioskMarkup *pOut, KioskError *pErr);

/* Free the runs; *p becomes empty. */
void kioskMarkupFree(KioskMarkup *p);

/* "text", "fact", "note", "term". */
const char *kioskRunKindName(KioskRunKind e);

#endif
