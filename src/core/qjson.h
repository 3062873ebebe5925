/*
** qjson.h: questions as JSON, for kioskctl and for learner records.
**
** One JSON object per question; the fields are documented in
** doc/quiz-json.md. Without KIOSK_QJSON_KEY only what a student may see is
** written (prompt, options' texts, the two columns of a matching question
** with the right-hand column sorted, the unit of a number question); with
** it, everything in the KioskQuestion.
*/
#ifndef KIOSK_QJSON_H
#define KIOSK_QJSON_H

#include <sqlite3.h>
#include "kerror.h"
#include "question.h"

#define KIOSK_QJSON_KEY 0x01   /* include answers, explanations, sources */

/* Append the JSON object of q to pStr (sqlite3_str, see sqlite3_str_new).
** Errors (out of memory) are latched in pStr: check sqlite3_str_errcode. */
void kioskQuestionJsonAppend(sqlite3_str *pStr, const KioskQuestion *q,
                             int flags);

/* The JSON object of q as a sqlite3_malloc'd string, NULL when out of
** memory. */
char *kioskQuestionToJson(const KioskQuestion *q, int flags);

/*
** Read back a question written with KIOSK_QJSON_KEY into *ppQ (the
** caller's, kioskQuestionFree). The JSON is taken apart with SQLite's JSON
** functions on db (any connection: nothing is read from it). Returns 0, or
** KIOSK_EQUIZ "JSON" for text that is not such a question (no id, an
** unknown kind), KIOSK_EDB, KIOSK_ENOMEM; *ppQ is then NULL.
*/
int kioskQuestionFromJson(sqlite3 *db, const char *zJson, KioskQuestion **ppQ,
                          KioskError *pErr);

/* Append z as a JSON string literal (quotes included; NULL as null). */
void kioskJsonString(sqlite3_str *pStr, const char *z);

#endif
