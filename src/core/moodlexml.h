/*
** moodlexml.h: reading and writing Moodle XML, the format Moodle's question
** bank exports by default (docs.moodle.org "Moodle XML format").
**
** Reading turns a <quiz> of <question type="..."> elements into the same
** KioskGiftDoc items the GIFT reader makes (gift.h), so `pack import`
** writes either into a pack the same way. The question types read are
** those the kiosk can run: category (the category of the questions that
** follow), multichoice (single: one right answer, else several with
** weights), truefalse, shortanswer, numerical (answer and tolerance; the
** answer "*" is the catch-all), matching (a subquestion without text is
** an extra wrong answer), essay, description. Per question: name,
** questiontext, generalfeedback, defaultgrade, idnumber, tags, and each
** answer's fraction and feedback. Texts in format "html" are shown as
** plain text the way GIFT's [html] is (gift.h); what the kiosk shows
** differently is a warning, what it cannot show an error, by line and
** column of the XML file. Other question types (calculated, multianswer,
** ddwtos...) are errors naming the type. The XML itself is parsed by
** expat; a file that is not well-formed is one error at its position.
**
** Writing turns a KioskQuestion into a <question> element of the same
** types (kinds year and order become numerical and matching, as in GIFT).
**
** Not here: packs (pack.c calls these for `pack import FILE.xml` and
** `pack export --moodle-xml`).
*/
#ifndef KIOSK_MOODLEXML_H
#define KIOSK_MOODLEXML_H

#include <sqlite3.h>
#include "gift.h"

/*
** Parse the Moodle XML text z[0..n) named zFile. Appends one item per
** <question> (categories excepted) to pDoc and every problem to pErrs
** (class KIOSK_EGIFT; codes XML, SYNTAX, UNSUPPORTED, NOMEM); items with
** errors have q NULL. Returns the number of errors added.
*/
int kioskMoodleXmlParse(const char *zFile, const char *z, int n,
                        KioskGiftDoc *pDoc, KioskErrList *pErrs);

/* The opening of a Moodle XML file (declaration, a comment zComment when
** not NULL, <quiz>) and its end. */
void kioskMoodleXmlBegin(sqlite3_str *pOut, const char *zComment);
void kioskMoodleXmlEnd(sqlite3_str *pOut);

/* A category question for the path components azPart[0..nPart), under
** "$course$/top". */
void kioskMoodleXmlWriteCategory(sqlite3_str *pOut,
                                 const char *const *azPart, int nPart);

/*
** Append q as a <question> element named zTitle (else its prompt's first
** words). Returns 0, or 1 with pErr set (KIOSK_EGIFT "WRITE") for a
** question Moodle XML cannot hold (no text, no answers).
*/
int kioskMoodleXmlWrite(sqlite3_str *pOut, const KioskQuestion *q,
                        const char *zTitle, KioskError *pErr);

#endif
