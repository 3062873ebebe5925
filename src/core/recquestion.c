/*
** recquestion.c: questions in records.db, stored once by content.
**
** A question as asked is written as JSON (qjson.h, with the answer key),
** then split: the stem (everything but the parts that vary with the wrong
** options drawn) goes to `questions`, each option, pair, the explanation
** and the answer in words to `qtexts`; both are found again by a 64-bit
** FNV-1a hash of the text and equal texts are one row. `asked` names the
** stem and the parts of each question of an attempt. Reading reverses
** it: the stem with its parts put back is the question's JSON again.
**
** An explanation or an answer in words is new text for every combination
** of wrong options drawn ("It was X. Why. The others came at other times:
** A (date); B (date)."), yet made of the same sentences and list items.
** So such a text is stored in pieces (split after each ". " and "; "),
** each piece a qtexts row found by content like any text, and the text's
** own row is "+" followed by its pieces' ids ("+12+40+7"): a row that a
** part names and that starts with "+" (which no JSON value does) is its
** pieces' bodies joined. Schema 6 (the migration from 5 is below).
**
** Also here: the SQL function kiosk_question(question, parts) that gives
** that JSON to queries, and the migration of schema 2's questions (Tcl
** dict text) into this form.
*/
#include "recint.h"
#include "qjson.h"
#include "tcllist.h"
#include "attempt.h"

#include <stdlib.h>
#include <string.h>

/* 64-bit FNV-1a of z, as SQLite's signed integer. */
static sqlite3_int64 textHash(const char *z){
  sqlite3_uint64 h = 0xcbf29ce484222325ULL;
  for(; *z; z++){
    h ^= (unsigned char)*z;
    h *= 0x100000001b3ULL;
  }
  return (sqlite3_int64)h;
}

/* The id of the qtexts row holding zBody, inserted when new. */
static int internText(KioskRecords *p, const char *zBody, sqlite3_int64 *piId,
                      KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 h = textHash(zBody);
  int rc;
  *piId = 0;
  if( kioskRecPrepare(p, "SELECT id FROM qtexts WHERE hash=?1 AND body=?2",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, h);
  sqlite3_bind_text(pStmt, 2, zBody, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) *piId = sqlite3_column_int64(pStmt, 0);
  kioskRecFinalize(p, pStmt);
  if( rc==SQLITE_ROW ) return KIOSK_OK;
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  if( kioskRecPrepare(p, "INSERT INTO qtexts(hash, body) VALUES(?1, ?2)",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, h);
  sqlite3_bind_text(pStmt, 2, zBody, -1, SQLITE_STATIC);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) return KIOSK_EDB;
  *piId = sqlite3_last_insert_rowid(p->db);
  return KIOSK_OK;
}

/* The first byte of a qtexts row that stands for a text in pieces: the row
** is this byte before each piece's id, "+12+40+7". */
#define PIECES_MARK '+'

/* Length of the first piece of the JSON text z, cut after a sentence's end
** or a list item (". ", "; "); all of z when uncut. */
static size_t pieceLen(const char *z){
  size_t i;
  for(i=0; z[i]; i++){
    if( (z[i]=='.' || z[i]==';') && z[i+1]==' ' ) return i+2;
  }
  return i;
}

/*
** The row of zBody in pieces, a part of a question named in its parts
** (explain, answer): a JSON string of more than one piece gets its pieces
** interned and *pzIds (sqlite3_malloc'd) set to the row that names them;
** anything else is stored whole, *pzIds NULL. Joining the pieces gives
** zBody byte for byte: they are its bytes, cut only after an ASCII space
** (never inside a UTF-8 sequence or a JSON escape).
*/
static int textPieces(KioskRecords *p, const char *zBody, char **pzIds,
                      KioskError *pErr){
  sqlite3_str *pIds;
  const char *z = zBody;
  int rc = KIOSK_OK;
  *pzIds = 0;
  if( zBody[0]!='"' || zBody[pieceLen(zBody)]==0 ) return KIOSK_OK;
  pIds = sqlite3_str_new(0);
  while( *z && rc==KIOSK_OK ){
    size_t n = pieceLen(z);
    char *zPiece = sqlite3_mprintf("%.*s", (int)n, z);
    sqlite3_int64 iPiece = 0;
    if( zPiece==0 ){
      sqlite3_free(sqlite3_str_finish(pIds));
      return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    }
    rc = internText(p, zPiece, &iPiece, pErr);
    sqlite3_free(zPiece);
    sqlite3_str_appendf(pIds, "%c%lld", PIECES_MARK, (long long)iPiece);
    z += n;
  }
  if( rc!=KIOSK_OK || sqlite3_str_errcode(pIds) ){
    sqlite3_free(sqlite3_str_finish(pIds));
    return rc!=KIOSK_OK ? rc : kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                             "out of memory");
  }
  *pzIds = sqlite3_str_finish(pIds);
  return KIOSK_OK;
}

/* The id of the qtexts row for part zBody (explain, answer), inserted
** when new, in pieces where textPieces cuts it. */
static int internPieces(KioskRecords *p, const char *zBody,
                        sqlite3_int64 *piId, KioskError *pErr){
  char *zIds = 0;
  int rc = textPieces(p, zBody, &zIds, pErr);
  if( rc==KIOSK_OK ) rc = internText(p, zIds ? zIds : zBody, piId, pErr);
  sqlite3_free(zIds);
  return rc;
}

/* The id of the questions row for stem zStem of q, inserted when new. */
static int internStem(KioskRecords *p, const KioskQuestion *q,
                      const char *zStem, sqlite3_int64 *piId,
                      KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 h = textHash(zStem);
  int rc;
  *piId = 0;
  if( kioskRecPrepare(p, "SELECT id FROM questions WHERE hash=?1 AND body=?2",
                      &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, h);
  sqlite3_bind_text(pStmt, 2, zStem, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ) *piId = sqlite3_column_int64(pStmt, 0);
  kioskRecFinalize(p, pStmt);
  if( rc==SQLITE_ROW ) return KIOSK_OK;
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  if( kioskRecPrepare(p, "INSERT INTO questions(hash, qid, kind, topic, stage,"
                      " prompt, points, body) VALUES(?1, ?2, ?3, ?4, ?5, ?6,"
                      " ?7, ?8)", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, h);
  sqlite3_bind_text(pStmt, 2, q->zId, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 3, kioskQKindName(q->eKind), -1, SQLITE_STATIC);
  kioskRecBindText(pStmt, 4, q->zTopic);
  kioskRecBindText(pStmt, 5, q->zStage);
  kioskRecBindText(pStmt, 6, q->zPrompt);
  sqlite3_bind_double(pStmt, 7, q->rPoints);
  sqlite3_bind_text(pStmt, 8, zStem, -1, SQLITE_STATIC);
  if( kioskRecEachRow(p, pStmt, 0, 0, pErr) ) return KIOSK_EDB;
  *piId = sqlite3_last_insert_rowid(p->db);
  return KIOSK_OK;
}

/* Split zJson: the stem into *pzStem, the parts object (qtexts ids) into
** *pzParts, both sqlite3_malloc'd. */
static int splitQuestion(KioskRecords *p, const char *zJson, char **pzStem,
                         char **pzParts, KioskError *pErr){
  static const char *const azArray[] = { "options", "pairs" };
  static const char *const azOne[] = { "explain", "answer" };
  sqlite3_stmt *pStmt = 0;
  sqlite3_str *pParts = sqlite3_str_new(0);
  sqlite3_int64 iId;
  int i, rc, n, nKey = 0;

  *pzStem = *pzParts = 0;
  sqlite3_str_appendchar(pParts, 1, '{');
  if( kioskRecPrepare(p, "SELECT json_remove(?1, '$.options', '$.order',"
                      " '$.pairs', '$.explain', '$.answer'),"
                      " json_extract(?1, '$.order')", &pStmt, pErr) ){
    goto fail;
  }
  sqlite3_bind_text(pStmt, 1, zJson, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)!=SQLITE_ROW ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  *pzStem = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
  if( sqlite3_column_type(pStmt, 1)!=SQLITE_NULL ){
    sqlite3_str_appendf(pParts, "\"order\":%s", sqlite3_column_text(pStmt, 1));
    nKey++;
  }
  kioskRecFinalize(p, pStmt);
  pStmt = 0;
  if( *pzStem==0 ) goto no_mem;

  for(i=0; i<2; i++){
    char *zPath = sqlite3_mprintf("$.%s", azArray[i]);
    if( zPath==0 ) goto no_mem;
    rc = kioskRecPrepare(p, "SELECT value FROM json_each(?1, ?2) ORDER BY key",
                         &pStmt, pErr);
    if( rc ){ sqlite3_free(zPath); goto fail; }
    sqlite3_bind_text(pStmt, 1, zJson, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 2, zPath, -1, SQLITE_TRANSIENT);
    sqlite3_free(zPath);
    n = 0;
    while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      char *zPart = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
      if( zPart==0 ) goto no_mem;
      rc = internText(p, zPart, &iId, pErr);
      sqlite3_free(zPart);
      if( rc ) goto fail;
      if( n==0 ){
        sqlite3_str_appendf(pParts, "%s\"%s\":[", nKey ? "," : "", azArray[i]);
        nKey++;
      }
      sqlite3_str_appendf(pParts, n ? ",%lld" : "%lld", (long long)iId);
      n++;
    }
    if( rc!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      goto fail;
    }
    if( n ) sqlite3_str_appendchar(pParts, 1, ']');
    kioskRecFinalize(p, pStmt);
    pStmt = 0;
  }
  for(i=0; i<2; i++){
    char *zPath = sqlite3_mprintf("$.%s", azOne[i]);
    char *zPart = 0;
    if( zPath==0 ) goto no_mem;
    rc = kioskRecPrepare(p, "SELECT json_quote(json_extract(?1, ?2))"
                         " WHERE json_type(?1, ?2) IS NOT NULL", &pStmt, pErr);
    if( rc ){ sqlite3_free(zPath); goto fail; }
    sqlite3_bind_text(pStmt, 1, zJson, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 2, zPath, -1, SQLITE_TRANSIENT);
    sqlite3_free(zPath);
    rc = sqlite3_step(pStmt);
    if( rc==SQLITE_ROW ){
      zPart = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
      if( zPart==0 ) goto no_mem;
    }else if( rc!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      goto fail;
    }
    kioskRecFinalize(p, pStmt);
    pStmt = 0;
    if( zPart ){
      rc = internPieces(p, zPart, &iId, pErr);
      sqlite3_free(zPart);
      if( rc ) goto fail;
      sqlite3_str_appendf(pParts, "%s\"%s\":%lld", nKey ? "," : "", azOne[i],
                          (long long)iId);
      nKey++;
    }
  }
  sqlite3_str_appendchar(pParts, 1, '}');
  if( sqlite3_str_errcode(pParts) ) goto no_mem;
  *pzParts = sqlite3_str_finish(pParts);
  return KIOSK_OK;

no_mem:
  kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
fail:
  kioskRecFinalize(p, pStmt);
  sqlite3_free(sqlite3_str_finish(pParts));
  sqlite3_free(*pzStem);
  *pzStem = 0;
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}

int kioskRecAskedPut(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     const KioskQuestion *q, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char *zJson = 0, *zStem = 0, *zParts = 0;
  sqlite3_int64 iQuestion;
  int rc;

  if( q->zId==0 || q->zId[0]==0 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "QUESTION", 0, 0, 0,
                         "question %d has no id", idx);
  }
  zJson = kioskQuestionToJson(q, KIOSK_QJSON_KEY);
  if( zJson==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                      "out of memory");
  rc = splitQuestion(p, zJson, &zStem, &zParts, pErr);
  if( rc==KIOSK_OK ) rc = internStem(p, q, zStem, &iQuestion, pErr);
  if( rc==KIOSK_OK ){
    rc = kioskRecPrepare(p, "INSERT INTO asked(attempt, idx, question, parts)"
                         " VALUES(?1, ?2, ?3, ?4)", &pStmt, pErr);
  }
  if( rc==KIOSK_OK ){
    sqlite3_bind_int64(pStmt, 1, iAttempt);
    sqlite3_bind_int(pStmt, 2, idx);
    sqlite3_bind_int64(pStmt, 3, iQuestion);
    sqlite3_bind_text(pStmt, 4, zParts, -1, SQLITE_STATIC);
    rc = kioskRecEachRow(p, pStmt, 0, 0, pErr);
  }
  sqlite3_free(zJson);
  sqlite3_free(zStem);
  sqlite3_free(zParts);
  return rc;
}

/* The body of qtexts row iId appended to pOut, as stored. Returns an
** SQLite code. */
static int appendBody(sqlite3_stmt *pText, sqlite3_int64 iId,
                      sqlite3_str *pOut){
  int rc;
  sqlite3_reset(pText);
  sqlite3_bind_int64(pText, 1, iId);
  rc = sqlite3_step(pText);
  if( rc==SQLITE_ROW ){
    sqlite3_str_appendall(pOut, (const char *)sqlite3_column_text(pText, 0));
    return SQLITE_OK;
  }
  if( rc==SQLITE_DONE ) return SQLITE_CORRUPT;   /* a dangling part */
  return rc;
}

/* The text of part iId (qtexts) appended to pOut: its body, or the bodies
** of its pieces joined when it is stored in pieces. Returns an SQLite
** code. */
static int appendText(sqlite3_stmt *pText, sqlite3_int64 iId,
                      sqlite3_str *pOut){
  const char *zBody, *z;
  char *zIds;
  int rc;
  sqlite3_reset(pText);
  sqlite3_bind_int64(pText, 1, iId);
  rc = sqlite3_step(pText);
  if( rc==SQLITE_DONE ) return SQLITE_CORRUPT;   /* a dangling part */
  if( rc!=SQLITE_ROW ) return rc;
  zBody = (const char *)sqlite3_column_text(pText, 0);
  if( zBody==0 ) return SQLITE_NOMEM;
  if( zBody[0]!=PIECES_MARK ){
    sqlite3_str_appendall(pOut, zBody);
    return SQLITE_OK;
  }
  /* Copied: reading each piece resets the statement. */
  if( (zIds = sqlite3_mprintf("%s", zBody))==0 ) return SQLITE_NOMEM;
  rc = SQLITE_OK;
  for(z=zIds; rc==SQLITE_OK && *z; ){
    char *zEnd;
    sqlite3_int64 iPiece;
    if( z[0]!=PIECES_MARK || z[1]<'0' || z[1]>'9' ){
      rc = SQLITE_CORRUPT;
      break;
    }
    iPiece = strtoll(z+1, &zEnd, 10);
    if( zEnd==z+1 || iPiece<=0 ){ rc = SQLITE_CORRUPT; break; }
    rc = appendBody(pText, iPiece, pOut);
    z = zEnd;
  }
  sqlite3_free(zIds);
  return rc;
}

/* The question JSON of stem zStem with parts zParts, into *pzJson
** (sqlite3_malloc'd). Works on a bare connection, for the SQL function.
** Returns an SQLite code. */
static int joinQuestion(sqlite3 *db, const char *zStem, const char *zParts,
                        char **pzJson){
  sqlite3_stmt *pEach = 0, *pIds = 0, *pText = 0;
  sqlite3_str *pOut = sqlite3_str_new(db);
  size_t n = strlen(zStem);
  int rc;

  *pzJson = 0;
  while( n>0 && zStem[n-1]!='}' ) n--;
  if( n==0 ){
    sqlite3_free(sqlite3_str_finish(pOut));
    return SQLITE_CORRUPT;
  }
  sqlite3_str_append(pOut, zStem, (int)n-1);
  rc = sqlite3_prepare_v2(db, "SELECT key, type, value FROM json_each(?1)",
                          -1, &pEach, 0);
  if( rc==SQLITE_OK ){
    rc = sqlite3_prepare_v2(db, "SELECT value FROM json_each(?1) ORDER BY key",
                            -1, &pIds, 0);
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_prepare_v2(db, "SELECT body FROM qtexts WHERE id=?1", -1,
                            &pText, 0);
  }
  if( rc==SQLITE_OK ){
    sqlite3_bind_text(pEach, 1, zParts, -1, SQLITE_STATIC);
    while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
      const char *zKey = (const char *)sqlite3_column_text(pEach, 0);
      const char *zType = (const char *)sqlite3_column_text(pEach, 1);
      const char *zVal = (const char *)sqlite3_column_text(pEach, 2);
      if( zKey==0 || zType==0 || zVal==0 ){ rc = SQLITE_CORRUPT; break; }
      sqlite3_str_appendf(pOut, n>2 ? ",\"%s\":" : "\"%s\":", zKey);
      n = 3;
      if( strcmp(zKey, "order")==0 ){
        sqlite3_str_appendall(pOut, zVal);
      }else if( strcmp(zType, "array")==0 ){
        int i = 0;
        sqlite3_str_appendchar(pOut, 1, '[');
        sqlite3_reset(pIds);
        sqlite3_bind_text(pIds, 1, zVal, -1, SQLITE_TRANSIENT);
        while( rc==SQLITE_OK && sqlite3_step(pIds)==SQLITE_ROW ){
          if( i++ ) sqlite3_str_appendchar(pOut, 1, ',');
          rc = appendText(pText, sqlite3_column_int64(pIds, 0), pOut);
        }
        sqlite3_str_appendchar(pOut, 1, ']');
      }else{
        rc = appendText(pText, sqlite3_column_int64(pEach, 2), pOut);
      }
    }
  }
  sqlite3_finalize(pEach);
  sqlite3_finalize(pIds);
  sqlite3_finalize(pText);
  sqlite3_str_appendchar(pOut, 1, '}');
  if( rc==SQLITE_OK ) rc = sqlite3_str_errcode(pOut);
  if( rc!=SQLITE_OK ){
    sqlite3_free(sqlite3_str_finish(pOut));
    return rc;
  }
  *pzJson = sqlite3_str_finish(pOut);
  return *pzJson ? SQLITE_OK : SQLITE_NOMEM;
}

int kioskRecAskedJson(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                      char **pzJson, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  *pzJson = 0;
  if( kioskRecPrepare(p, "SELECT q.body, k.parts FROM asked k"
                      " JOIN questions q ON q.id=k.question"
                      " WHERE k.attempt=?1 AND k.idx=?2", &pStmt, pErr) ){
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  sqlite3_bind_int(pStmt, 2, idx);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    rc = joinQuestion(p->db, (const char *)sqlite3_column_text(pStmt, 0),
                      (const char *)sqlite3_column_text(pStmt, 1), pzJson);
    kioskRecFinalize(p, pStmt);
    if( rc!=SQLITE_OK ){
      return kioskErrorSet(pErr, KIOSK_EDB, "QUERY", 0, 0, 0,
                           "cannot read question %d of attempt %lld: %s",
                           idx, (long long)iAttempt, sqlite3_errstr(rc));
    }
    return KIOSK_OK;
  }
  kioskRecFinalize(p, pStmt);
  if( rc!=SQLITE_DONE ) return kioskRecDbError(p, "QUERY", pErr);
  return kioskErrorSet(pErr, KIOSK_ERECORDS, "INDEX", 0, 0, 0,
                       "attempt %lld has no question %d", (long long)iAttempt,
                       idx);
}

int kioskRecAskedGet(KioskRecords *p, sqlite3_int64 iAttempt, int idx,
                     KioskQuestion **ppQ, KioskError *pErr){
  char *zJson = 0;
  int rc;
  *ppQ = 0;
  if( (rc = kioskRecAskedJson(p, iAttempt, idx, &zJson, pErr))!=0 ) return rc;
  rc = kioskQuestionFromJson(p->db, zJson, ppQ, pErr);
  sqlite3_free(zJson);
  return rc;
}

/* kiosk_question(STEM_ID, PARTS): the JSON of a question as asked. */
static void questionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  sqlite3_stmt *pStmt = 0;
  char *zJson = 0, *zStem = 0;
  int rc;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = sqlite3_prepare_v2(db, "SELECT body FROM questions WHERE id=?1", -1,
                          &pStmt, 0);
  if( rc==SQLITE_OK ){
    sqlite3_bind_int64(pStmt, 1, sqlite3_value_int64(argv[0]));
    rc = sqlite3_step(pStmt);
    if( rc==SQLITE_ROW ){
      zStem = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
      rc = zStem ? SQLITE_OK : SQLITE_NOMEM;
    }else if( rc==SQLITE_DONE ){
      rc = SQLITE_OK;   /* no such question: NULL */
    }
  }
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK && zStem ){
    const char *zParts = (const char *)sqlite3_value_text(argv[1]);
    rc = joinQuestion(db, zStem, zParts ? zParts : "{}", &zJson);
  }
  sqlite3_free(zStem);
  if( rc!=SQLITE_OK ){
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  if( zJson ) sqlite3_result_text(ctx, zJson, -1, sqlite3_free);
}

int kioskRecRegisterFunctions(sqlite3 *db){
  return sqlite3_create_function(db, "kiosk_question", 2,
                                 SQLITE_UTF8 | SQLITE_DIRECTONLY, 0,
                                 questionFunc, 0, 0);
}

/* ---- migrating schema 2's questions ---- */

/* The value of zKey in the Tcl dict split into az/n, or NULL. */
static const char *dictGet(char **az, int n, const char *zKey){
  int i;
  for(i=0; i+1<n; i+=2){
    if( strcmp(az[i], zKey)==0 ) return az[i+1];
  }
  return 0;
}

/* Fill q's list field through xAdd from the Tcl list zList. */
static int addList(KioskQuestion *q, const char *zList,
                   int (*xAdd)(KioskQuestion *, const char *)){
  char **az = 0;
  int n = 0, i, rc;
  if( zList==0 ) return 0;
  if( (rc = kioskTclListSplit(zList, &n, &az))!=0 ) return rc;
  for(i=0; i<n && rc==0; i++) rc = xAdd(q, az[i]) ? -1 : 0;
  kioskTclListFree(az, n);
  return rc;
}

static double dictDouble(char **az, int n, const char *zKey, double rDefault){
  const char *z = dictGet(az, n, zKey);
  char *zEnd;
  double r;
  if( z==0 ) return rDefault;
  r = strtod(z, &zEnd);
  return zEnd==z ? rDefault : r;
}

/*
** A question from the text of a Tcl question dict (doc/tcl-api.md), as the
** Tk screens stored them in schema 1 and 2. Returns 0, 1 when the text is
** not such a dict, -1 out of memory. *pzRun receives a copy of the value
** of its "ui.run" key (the run's settings), NULL when absent.
*/
static int questionFromDict(const char *zBody, KioskQuestion **ppQ,
                            char **pzRun){
  KioskQuestion *q = 0;
  char **az = 0, **azO = 0, **azF = 0;
  int n = 0, nO = 0, nF = 0, i, rc = 1;
  const char *z;

  *ppQ = 0;
  *pzRun = 0;
  if( (rc = kioskTclListSplit(zBody, &n, &az))!=0 ) return rc;
  rc = 1;
  if( n%2 ) goto done;
  if( (q = kioskQuestionNew())==0 ){ rc = -1; goto done; }
  z = dictGet(az, n, "kind");
  if( z==0 || kioskQKindFromName(z, &q->eKind) ) goto done;
  if( (z = dictGet(az, n, "id"))==0 || z[0]==0 ) goto done;
  rc = -1;
  if( (q->zId = kioskStrDup(z))==0 ) goto done;
#define COPY(F, K) \
  if( (z = dictGet(az, n, K))!=0 && (q->F = kioskStrDup(z))==0 ) goto done;
  COPY(zTopic, "topic")
  COPY(zStage, "stage")
  COPY(zPrompt, "prompt")
  COPY(zUnit, "unit")
  COPY(zAnswer, "answer")
  COPY(zExplain, "explain")
  COPY(zFeedbackWrong, "feedback")
#undef COPY
  q->rPoints = dictDouble(az, n, "points", 1.0);
  q->rValue = dictDouble(az, n, "value", 0.0);
  q->rTol = dictDouble(az, n, "tol", 0.0);
  if( dictGet(az, n, "min") && dictGet(az, n, "max") ){
    q->rMin = dictDouble(az, n, "min", 1.0);
    q->rMax = dictDouble(az, n, "max", 0.0);
  }
  if( (z = dictGet(az, n, "options"))!=0 ){
    if( kioskTclListSplit(z, &nO, &azO) ){ rc = 1; goto done; }
    for(i=0; i<nO; i++){
      char **azOpt = 0;
      int nOpt = 0, rcOpt;
      if( kioskTclListSplit(azO[i], &nOpt, &azOpt) || nOpt%2 ){
        kioskTclListFree(azOpt, nOpt);
        rc = 1;
        goto done;
      }
      z = dictGet(azOpt, nOpt, "text");
      rcOpt = kioskQuestionAddOption(q, z ? z : "",
                                     dictDouble(azOpt, nOpt, "credit", 0.0),
                                     dictGet(azOpt, nOpt, "feedback"),
                                     dictGet(azOpt, nOpt, "fact"));
      kioskTclListFree(azOpt, nOpt);
      if( rcOpt ) goto done;
    }
  }
  if( (z = dictGet(az, n, "order"))!=0 && q->nOption>0 ){
    char **azOrd = 0;
    int nOrd = 0;
    if( kioskTclListSplit(z, &nOrd, &azOrd) ){ rc = 1; goto done; }
    if( nOrd==q->nOption ){
      q->aOrder = sqlite3_malloc64(sizeof(int)*(size_t)nOrd);
      for(i=0; q->aOrder && i<nOrd; i++) q->aOrder[i] = atoi(azOrd[i]);
    }
    kioskTclListFree(azOrd, nOrd);
    if( nOrd==q->nOption && q->aOrder==0 ) goto done;
  }
  if( (z = dictGet(az, n, "pairs"))!=0 ){
    char **azP = 0;
    int nP = 0, bad = 0;
    if( kioskTclListSplit(z, &nP, &azP) ){ rc = 1; goto done; }
    for(i=0; i<nP && !bad; i++){
      char **az2 = 0;
      int n2 = 0;
      if( kioskTclListSplit(azP[i], &n2, &az2) || n2!=2 ){
        bad = 1;
      }else if( kioskQuestionAddPair(q, az2[0], az2[1]) ){
        bad = -1;
      }
      kioskTclListFree(az2, n2);
    }
    kioskTclListFree(azP, nP);
    if( bad ){ rc = bad; goto done; }
  }
  if( addList(q, dictGet(az, n, "accept"), kioskQuestionAddAccept)
   || addList(q, dictGet(az, n, "facts"), kioskQuestionAddFact)
   || addList(q, dictGet(az, n, "sources"), kioskQuestionAddSource) ){
    goto done;
  }
  if( (z = dictGet(az, n, "lesson"))!=0 ){
    if( kioskTclListSplit(z, &nF, &azF)==0 && nF==2 ){
      if( (q->zLessonStage = kioskStrDup(azF[0]))==0 ) goto done;
      q->iLessonPara = atoi(azF[1]);
    }
  }
  if( (z = dictGet(az, n, "ui.run"))!=0 && (*pzRun = kioskStrDup(z))==0 ){
    goto done;
  }
  *ppQ = q;
  q = 0;
  rc = 0;

done:
  kioskTclListFree(az, n);
  kioskTclListFree(azO, nO);
  kioskTclListFree(azF, nF);
  kioskQuestionFree(q);
  return rc;
}

/* A question from schema 2's columns alone (its body unreadable). */
static int questionFromColumns(KioskRecords *p, sqlite3_stmt *pRow,
                               KioskQuestion **ppQ, KioskError *pErr){
  KioskQuestion *q = kioskQuestionNew();
  sqlite3_stmt *pStmt = 0;
  const char *z;
  int rc;
  *ppQ = 0;
  if( q==0 ) goto no_mem;
  z = (const char *)sqlite3_column_text(pRow, 3);
  if( z==0 || kioskQKindFromName(z, &q->eKind) ) q->eKind = KQ_TEXT;
#define COL(F, I) \
  if( (z = (const char *)sqlite3_column_text(pRow, I))!=0 \
      && (q->F = kioskStrDup(z))==0 ) goto no_mem;
  COL(zId, 2)
  COL(zTopic, 4)
  COL(zStage, 5)
  COL(zPrompt, 6)
#undef COL
  q->rPoints = sqlite3_column_double(pRow, 7);
  if( kioskRecPrepare(p, "SELECT text, credit FROM v2_question_options"
                      " WHERE attempt=?1 AND idx=?2 ORDER BY opt", &pStmt,
                      pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, sqlite3_column_int64(pRow, 0));
  sqlite3_bind_int(pStmt, 2, sqlite3_column_int(pRow, 1));
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    z = (const char *)sqlite3_column_text(pStmt, 0);
    if( kioskQuestionAddOption(q, z ? z : "", sqlite3_column_double(pStmt, 1),
                               0, 0) ){
      goto no_mem;
    }
  }
  kioskRecFinalize(p, pStmt);
  pStmt = 0;
  if( rc!=SQLITE_DONE ){ kioskRecDbError(p, "QUERY", pErr); goto fail; }
  if( kioskRecPrepare(p, "SELECT fact FROM v2_question_facts"
                      " WHERE attempt=?1 AND idx=?2 ORDER BY fact", &pStmt,
                      pErr) ){
    goto fail;
  }
  sqlite3_bind_int64(pStmt, 1, sqlite3_column_int64(pRow, 0));
  sqlite3_bind_int(pStmt, 2, sqlite3_column_int(pRow, 1));
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    z = (const char *)sqlite3_column_text(pStmt, 0);
    if( z && kioskQuestionAddFact(q, z) ) goto no_mem;
  }
  kioskRecFinalize(p, pStmt);
  pStmt = 0;
  if( rc!=SQLITE_DONE ){ kioskRecDbError(p, "QUERY", pErr); goto fail; }
  if( q->zId==0 ) goto no_mem;
  *ppQ = q;
  return KIOSK_OK;

no_mem:
  kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
fail:
  kioskRecFinalize(p, pStmt);
  kioskQuestionFree(q);
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}

/* Copy a run's settings (the Tcl dict text zRun: title time feedback pass)
** into attempt iAttempt's columns. Unreadable settings are left out. */
static int runSettings(KioskRecords *p, sqlite3_int64 iAttempt,
                       const char *zRun, KioskError *pErr){
  sqlite3_stmt *pStmt = 0;
  char **az = 0;
  const char *zFb;
  int n = 0;
  if( kioskTclListSplit(zRun, &n, &az) || n%2 ){
    kioskTclListFree(az, n);
    return KIOSK_OK;
  }
  if( kioskRecPrepare(p, "UPDATE attempts SET"
                      " title=coalesce(?2, title),"
                      " time_limit=CAST(round(?3) AS INTEGER),"
                      " feedback=coalesce(?4, feedback),"
                      " pass_mark=coalesce(?5, pass_mark) WHERE id=?1",
                      &pStmt, pErr) ){
    kioskTclListFree(az, n);
    return KIOSK_EDB;
  }
  sqlite3_bind_int64(pStmt, 1, iAttempt);
  kioskRecBindText(pStmt, 2, dictGet(az, n, "title"));
  sqlite3_bind_double(pStmt, 3, dictDouble(az, n, "time", 0.0) > 0
                      ? dictDouble(az, n, "time", 0.0) : 0.0);
  zFb = dictGet(az, n, "feedback");
  kioskRecBindText(pStmt, 4, zFb && (strcmp(zFb, "each")==0
                                     || strcmp(zFb, "end")==0) ? zFb : 0);
  if( dictGet(az, n, "pass") ){
    double r = dictDouble(az, n, "pass", -1.0);
    if( r>=0 && r<=1 ) sqlite3_bind_double(pStmt, 5, 100.0*r);
  }
  kioskTclListFree(az, n);
  return kioskRecEachRow(p, pStmt, 0, 0, pErr);
}

int kioskRecMigrateQuestions(KioskRecords *p, KioskError *pErr){
  sqlite3_stmt *pRow = 0, *pAns = 0, *pText = 0;
  int rc;
  if( kioskRecPrepare(p, "SELECT attempt, idx, qid, kind, topic, stage,"
                      " prompt, points, body FROM v2_questions"
                      " ORDER BY attempt, idx", &pRow, pErr)
   || kioskRecPrepare(p, "SELECT answer FROM v2_answers"
                      " WHERE attempt=?1 AND idx=?2", &pAns, pErr)
   || kioskRecPrepare(p, "INSERT INTO answers(attempt, idx, answer, text,"
                      " correct, credit, points, answered)"
                      " SELECT attempt, idx, answer, ?3, correct, credit,"
                      " points, answered FROM v2_answers"
                      " WHERE attempt=?1 AND idx=?2", &pText, pErr) ){
    goto fail;
  }
  while( (rc = sqlite3_step(pRow))==SQLITE_ROW ){
    sqlite3_int64 iAttempt = sqlite3_column_int64(pRow, 0);
    int idx = sqlite3_column_int(pRow, 1);
    const char *zBody = (const char *)sqlite3_column_text(pRow, 8);
    KioskQuestion *q = 0;
    char *zRun = 0;
    rc = questionFromDict(zBody ? zBody : "", &q, &zRun);
    if( rc<0 ){
      kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
      goto fail;
    }
    /* A body that does not read as a question keeps what its columns
    ** say: nothing is dropped. */
    if( rc>0 && questionFromColumns(p, pRow, &q, pErr) ) goto fail;
    if( q->zId==0 || strcmp(q->zId, (const char *)sqlite3_column_text(pRow, 2)) ){
      sqlite3_free(q->zId);
      q->zId = kioskStrDup((const char *)sqlite3_column_text(pRow, 2));
    }
    rc = kioskRecAskedPut(p, iAttempt, idx, q, pErr);
    if( rc==KIOSK_OK && zRun && idx==0 ){
      rc = runSettings(p, iAttempt, zRun, pErr);
    }
    sqlite3_free(zRun);
    if( rc==KIOSK_OK ){
      sqlite3_reset(pAns);
      sqlite3_bind_int64(pAns, 1, iAttempt);
      sqlite3_bind_int(pAns, 2, idx);
      rc = sqlite3_step(pAns);
      if( rc==SQLITE_ROW ){
        char *zWords = kioskAnswerWords(q,
                           (const char *)sqlite3_column_text(pAns, 0));
        if( zWords==0 ){
          rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
        }else{
          sqlite3_reset(pText);
          sqlite3_bind_int64(pText, 1, iAttempt);
          sqlite3_bind_int(pText, 2, idx);
          sqlite3_bind_text(pText, 3, zWords, -1, sqlite3_free);
          rc = sqlite3_step(pText)==SQLITE_DONE ? KIOSK_OK
             : kioskRecDbError(p, "QUERY", pErr);
        }
      }else if( rc==SQLITE_DONE ){
        rc = KIOSK_OK;
      }else{
        rc = kioskRecDbError(p, "QUERY", pErr);
      }
    }
    kioskQuestionFree(q);
    if( rc ) goto fail;
  }
  if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  kioskRecFinalize(p, pRow);
  kioskRecFinalize(p, pAns);
  kioskRecFinalize(p, pText);
  return KIOSK_OK;

fail:
  kioskRecFinalize(p, pRow);
  kioskRecFinalize(p, pAns);
  kioskRecFinalize(p, pText);
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}

/* ---- migrating schema 5's parts into pieces ---- */

/*
** Schema 5 -> 6: every explanation and answer in words that parts name
** and that textPieces would cut is stored in pieces, in place: its row
** keeps its id (so asked, and what the outbox queued, are untouched) and
** becomes the row naming its pieces. A text some question names as an
** option or a pair stays whole (options are read by SQL, asked_options).
** Inside the migration's transaction: any failure leaves schema 5 as it
** was.
*/
int kioskRecMigratePieces(KioskRecords *p, KioskError *pErr){
  sqlite3_stmt *pIds = 0, *pBody = 0, *pSet = 0;
  sqlite3_int64 *aId = 0;
  sqlite3_int64 nId = 0, nAlloc = 0, i;
  int rc;

  /* The ids first: the rows read change as the loop goes. */
  if( kioskRecPrepare(p, "SELECT DISTINCT e.value FROM asked k,"
                      " json_each(k.parts) e"
                      " WHERE e.key IN ('explain', 'answer')"
                      " AND e.value NOT IN (SELECT o.value FROM asked k2,"
                      "  json_each(k2.parts) a, json_each(a.value) o"
                      "  WHERE a.key IN ('options', 'pairs'))"
                      " ORDER BY 1", &pIds, pErr) ){
    return KIOSK_EDB;
  }
  while( (rc = sqlite3_step(pIds))==SQLITE_ROW ){
    if( nId==nAlloc ){
      sqlite3_int64 *aNew;
      nAlloc = nAlloc ? 2*nAlloc : 256;
      aNew = sqlite3_realloc64(aId, sizeof(*aId)*(size_t)nAlloc);
      if( aNew==0 ){
        kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
        goto fail;
      }
      aId = aNew;
    }
    aId[nId++] = sqlite3_column_int64(pIds, 0);
  }
  if( rc!=SQLITE_DONE ){
    kioskRecDbError(p, "QUERY", pErr);
    goto fail;
  }
  if( kioskRecPrepare(p, "SELECT body FROM qtexts WHERE id=?1", &pBody, pErr)
   || kioskRecPrepare(p, "UPDATE qtexts SET hash=?2, body=?3 WHERE id=?1",
                      &pSet, pErr) ){
    goto fail;
  }
  for(i=0; i<nId; i++){
    char *zBody = 0, *zPieces = 0;
    sqlite3_reset(pBody);
    sqlite3_bind_int64(pBody, 1, aId[i]);
    rc = sqlite3_step(pBody);
    if( rc==SQLITE_DONE ){
      kioskErrorSet(pErr, KIOSK_ERECORDS, "CORRUPT", 0, 0, 0,
                    "a question part names text %lld, which is missing",
                    (long long)aId[i]);
      goto fail;
    }
    if( rc!=SQLITE_ROW ){
      kioskRecDbError(p, "QUERY", pErr);
      goto fail;
    }
    zBody = sqlite3_mprintf("%s", sqlite3_column_text(pBody, 0));
    sqlite3_reset(pBody);
    if( zBody==0 ){
      kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
      goto fail;
    }
    rc = textPieces(p, zBody, &zPieces, pErr);
    sqlite3_free(zBody);
    if( rc ) goto fail;
    if( zPieces==0 ) continue;   /* stays whole */
    sqlite3_reset(pSet);
    sqlite3_bind_int64(pSet, 1, aId[i]);
    sqlite3_bind_int64(pSet, 2, textHash(zPieces));
    sqlite3_bind_text(pSet, 3, zPieces, -1, sqlite3_free);
    if( sqlite3_step(pSet)!=SQLITE_DONE ){
      kioskRecDbError(p, "QUERY", pErr);
      goto fail;
    }
  }
  kioskRecFinalize(p, pIds);
  kioskRecFinalize(p, pBody);
  kioskRecFinalize(p, pSet);
  sqlite3_free(aId);
  return KIOSK_OK;

fail:
  kioskRecFinalize(p, pIds);
  kioskRecFinalize(p, pBody);
  kioskRecFinalize(p, pSet);
  sqlite3_free(aId);
  return pErr && pErr->eClass ? (int)pErr->eClass : KIOSK_EDB;
}
