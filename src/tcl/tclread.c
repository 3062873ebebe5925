/*
** tclread.c: the course object's reading subcommands (see doc/tcl-api.md).
**
**   course, stage ID, lesson STAGE, facts, fact ID, events, figures,
**   places, initiatives, countries, sources, source ID, glossary, term ID
**
** Each runs fixed SQL with bound values and returns dicts keyed by column
** name (NULL columns left out). Rows with a KDATE also get "when", the date
** as people read it ("October 1991", "c. 2000-2003"). An unknown id is an
** error with -errorcode {KIOSK ARG NOTFOUND}.
**
** Not here: writing (tclload.c), quizzes (others' files).
*/
#include "tclkiosk.h"
#include "kdate.h"
#include "markup.h"

#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------------
** Helpers
*/

static int dbErr(Tcl_Interp *interp, sqlite3 *db){
  KioskError err;
  kioskErrorSet(&err, KIOSK_EDB, "QUERY", 0, 0, 0, "%s", sqlite3_errmsg(db));
  return kioskTclError(interp, &err);
}

static int notFound(Tcl_Interp *interp, const char *zWhat, const char *zId){
  KioskError err;
  kioskErrorSet(&err, KIOSK_EARG, "NOTFOUND", 0, 0, 0, "no %s \"%s\"",
                zWhat, zId);
  return kioskTclError(interp, &err);
}

/* The value of zKey in pDict, or NULL. */
static Tcl_Obj *dictGet(Tcl_Obj *pDict, const char *zKey){
  Tcl_Obj *pVal = 0;
  Tcl_Obj *pKey = Tcl_NewStringObj(zKey, -1);
  Tcl_IncrRefCount(pKey);
  if( Tcl_DictObjGet(0, pDict, pKey, &pVal)!=TCL_OK ) pVal = 0;
  Tcl_DecrRefCount(pKey);
  return pVal;
}

/* Add "when" to pDict from its KDATE column zCol, when present and valid. */
static void addWhen(Tcl_Obj *pDict, const char *zCol){
  Tcl_Obj *pVal = dictGet(pDict, zCol);
  KioskDate d;
  char zBuf[96];
  if( pVal && kioskDateParse(Tcl_GetString(pVal), -1, &d, 0, 0)==0 ){
    kioskDateFormat(&d, zBuf, (int)sizeof(zBuf));
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("when", -1),
                   Tcl_NewStringObj(zBuf, -1));
  }
}

/* Bind Tcl values (NULL pointers bind SQL NULL) to ?1..?n. */
static void bindAll(sqlite3_stmt *pStmt, int n, Tcl_Obj *const *apVal){
  int i;
  for(i=0; i<n; i++){
    if( apVal[i] ){
      int nByte;
      const char *z = Tcl_GetStringFromObj(apVal[i], &nByte);
      sqlite3_bind_text(pStmt, i+1, z, nByte, SQLITE_TRANSIENT);
    }else{
      sqlite3_bind_null(pStmt, i+1);
    }
  }
}

/* The countries of a fact: a list of dicts country name role. */
static int factCountries(Tcl_Interp *interp, sqlite3 *db, const char *zFact,
                         Tcl_Obj **ppList){
  sqlite3_stmt *pStmt = 0;
  Tcl_Obj *pList;
  int rc = sqlite3_prepare_v2(db,
      "SELECT fc.country AS country, c.name AS name, fc.role AS role"
      " FROM fact_countries fc JOIN countries c ON c.id=fc.country"
      " WHERE fc.fact=?1 ORDER BY fc.role, c.name", -1, &pStmt, 0);
  if( rc!=SQLITE_OK ) return dbErr(interp, db);
  sqlite3_bind_text(pStmt, 1, zFact, -1, SQLITE_TRANSIENT);
  pList = Tcl_NewListObj(0, 0);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    Tcl_ListObjAppendElement(0, pList, kioskTclRowDict(pStmt));
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ){
    Tcl_DecrRefCount(pList);
    return dbErr(interp, db);
  }
  *ppList = pList;
  return TCL_OK;
}

/* How a listing treats each row. */
#define ROW_COUNTRIES 0x01    /* add "countries" (the row's id is a fact) */

/*
** Run zSql with apVal bound and set the result to the list of row dicts.
** zWhen names a KDATE column to format as "when" (or NULL).
*/
static int listQuery(Tcl_Interp *interp, sqlite3 *db, const char *zSql,
                     int nVal, Tcl_Obj *const *apVal, const char *zWhen,
                     int flags){
  sqlite3_stmt *pStmt = 0;
  Tcl_Obj *pList;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  if( rc!=SQLITE_OK ) return dbErr(interp, db);
  bindAll(pStmt, nVal, apVal);
  pList = Tcl_NewListObj(0, 0);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    Tcl_Obj *pRow = kioskTclRowDict(pStmt);
    if( zWhen ) addWhen(pRow, zWhen);
    if( flags & ROW_COUNTRIES ){
      Tcl_Obj *pC = 0;
      if( factCountries(interp, db,
              (const char *)sqlite3_column_text(pStmt, 0), &pC)!=TCL_OK ){
        Tcl_DecrRefCount(pRow);
        Tcl_DecrRefCount(pList);
        sqlite3_finalize(pStmt);
        return TCL_ERROR;
      }
      Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("countries", -1), pC);
    }
    Tcl_ListObjAppendElement(0, pList, pRow);
  }
  if( rc!=SQLITE_DONE ){
    Tcl_DecrRefCount(pList);
    sqlite3_finalize(pStmt);
    return dbErr(interp, db);
  }
  sqlite3_finalize(pStmt);
  Tcl_SetObjResult(interp, pList);
  return TCL_OK;
}

/*
** One row of zSql (its id bound to ?1; zSql without parameters ignores
** zId) as a dict into *ppRow, or NULL when there is none. Returns TCL_OK or
** TCL_ERROR.
*/
static int oneRow(Tcl_Interp *interp, sqlite3 *db, const char *zSql,
                  const char *zId, Tcl_Obj **ppRow){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  *ppRow = 0;
  if( rc!=SQLITE_OK ) return dbErr(interp, db);
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    *ppRow = kioskTclRowDict(pStmt);
  }else if( rc!=SQLITE_DONE ){
    sqlite3_finalize(pStmt);
    return dbErr(interp, db);
  }
  sqlite3_finalize(pStmt);
  return TCL_OK;
}

/*
** Parse "?-opt value ...?" from objv[iFirst..objc) against azOpt; the value
** of option i goes to apVal[i] (NULL when absent). zUsage is the argument
** part of the wrong # args message.
*/
static int parseOpts(Tcl_Interp *interp, int objc, Tcl_Obj *const objv[],
                     int iFirst, const char *const *azOpt, Tcl_Obj **apVal,
                     const char *zUsage){
  int i, iOpt;
  for(i=0; azOpt[i]; i++) apVal[i] = 0;
  if( ((objc-iFirst) % 2)!=0 ){
    Tcl_WrongNumArgs(interp, iFirst, objv, zUsage);
    return TCL_ERROR;
  }
  for(i=iFirst; i<objc; i+=2){
    if( Tcl_GetIndexFromObjStruct(interp, objv[i], azOpt, sizeof(char *),
                                  "option", 0, &iOpt) ){
      return TCL_ERROR;
    }
    apVal[iOpt] = objv[i+1];
  }
  return TCL_OK;
}

/* ----------------------------------------------------------------------
** Subcommands
*/

int kioskCourseCourseCmd(KioskCourse *p, Tcl_Interp *interp,
                         int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pRow = 0;
  if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, NULL); return TCL_ERROR; }
  /* The table holds one row at most (its trigger). */
  if( oneRow(interp, p->db, "SELECT * FROM course LIMIT 1",
             0, &pRow) ){
    return TCL_ERROR;
  }
  if( pRow==0 ){
    KioskError err;
    kioskErrorSet(&err, KIOSK_EARG, "NOTFOUND", 0, 0, 0,
                  "no course: nothing is loaded");
    return kioskTclError(interp, &err);
  }
  Tcl_SetObjResult(interp, pRow);
  return TCL_OK;
}

int kioskCourseStageCmd(KioskCourse *p, Tcl_Interp *interp,
                        int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pRow = 0;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "id"); return TCL_ERROR; }
  if( oneRow(interp, p->db,
        "SELECT id, ord, title, period, summary, y0, y1,"
        " (SELECT count(*) FROM lessons WHERE stage=s.id) AS paras"
        " FROM stages s WHERE id=?1", Tcl_GetString(objv[2]), &pRow) ){
    return TCL_ERROR;
  }
  if( pRow==0 ) return notFound(interp, "stage", Tcl_GetString(objv[2]));
  addWhen(pRow, "period");
  Tcl_SetObjResult(interp, pRow);
  return TCL_OK;
}

/* One run of a lesson as a dict kind text ?target?. */
static Tcl_Obj *runDict(sqlite3_stmt *pNote, const KioskRun *r){
  Tcl_Obj *pDict = Tcl_NewDictObj();
  const char *zTarget = r->zTarget;
  Tcl_Obj *pTarget = 0;
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("kind", -1),
                 Tcl_NewStringObj(kioskRunKindName(r->eKind), -1));
  Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("text", -1),
                 Tcl_NewStringObj(r->zText, -1));
  if( r->eKind==KR_NOTE ){
    /* The source whose num this is ("n13" by convention). */
    sqlite3_bind_int64(pNote, 1, atoll(r->zText));
    if( sqlite3_step(pNote)==SQLITE_ROW ){
      pTarget = Tcl_NewStringObj(
          (const char *)sqlite3_column_text(pNote, 0), -1);
    }
    sqlite3_reset(pNote);
  }
  if( pTarget==0 && zTarget ) pTarget = Tcl_NewStringObj(zTarget, -1);
  if( pTarget ){
    Tcl_DictObjPut(0, pDict, Tcl_NewStringObj("target", -1), pTarget);
  }
  return pDict;
}

int kioskCourseLessonCmd(KioskCourse *p, Tcl_Interp *interp,
                         int objc, Tcl_Obj *const objv[]){
  sqlite3_stmt *pStmt = 0, *pNote = 0;
  Tcl_Obj *pRow = 0, *pList = 0;
  const char *zStage;
  int rc;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "stage"); return TCL_ERROR; }
  zStage = Tcl_GetString(objv[2]);
  if( oneRow(interp, p->db, "SELECT id FROM stages WHERE id=?1", zStage,
             &pRow) ){
    return TCL_ERROR;
  }
  if( pRow==0 ) return notFound(interp, "stage", zStage);
  Tcl_DecrRefCount(pRow);
  if( sqlite3_prepare_v2(p->db, "SELECT para, text FROM lessons"
                         " WHERE stage=?1 ORDER BY para", -1, &pStmt, 0)
   || sqlite3_prepare_v2(p->db, "SELECT id FROM sources WHERE num=?1", -1,
                         &pNote, 0) ){
    rc = dbErr(interp, p->db);
    goto done;
  }
  sqlite3_bind_text(pStmt, 1, zStage, -1, SQLITE_TRANSIENT);
  pList = Tcl_NewListObj(0, 0);
  Tcl_IncrRefCount(pList);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    KioskMarkup m;
    KioskError err;
    Tcl_Obj *pPara = Tcl_NewListObj(0, 0);
    int i;
    char zWhere[300];
    snprintf(zWhere, sizeof(zWhere), "lesson %s paragraph %d", zStage,
             sqlite3_column_int(pStmt, 0));
    kioskErrorClear(&err);
    if( kioskMarkupParse((const char *)sqlite3_column_text(pStmt, 1),
                         sqlite3_column_bytes(pStmt, 1), zWhere, 1, &m,
                         &err) ){
      /* Only a database not built by the loader gets here. */
      Tcl_DecrRefCount(pPara);
      rc = kioskTclError(interp, &err);
      goto done;
    }
    for(i=0; i<m.nRun; i++){
      Tcl_ListObjAppendElement(0, pPara, runDict(pNote, &m.aRun[i]));
    }
    kioskMarkupFree(&m);
    Tcl_ListObjAppendElement(0, pList, pPara);
  }
  Tcl_SetObjResult(interp, pList);
  rc = TCL_OK;

done:
  if( pList ) Tcl_DecrRefCount(pList);
  sqlite3_finalize(pStmt);
  sqlite3_finalize(pNote);
  return rc;
}

int kioskCourseFactsCmd(KioskCourse *p, Tcl_Interp *interp,
                        int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-stage", "-kind", 0 };
  Tcl_Obj *apVal[2];
  if( parseOpts(interp, objc, objv, 2, azOpt, apVal,
                "?-stage id? ?-kind kind?") ){
    return TCL_ERROR;
  }
  return listQuery(interp, p->db,
      "SELECT f.id, f.kind, f.stage, f.name, f.source FROM facts f"
      " LEFT JOIN stages s ON s.id=f.stage"
      " WHERE (?1 IS NULL OR f.stage=?1) AND (?2 IS NULL OR f.kind=?2)"
      " ORDER BY s.ord, f.kind, f.id", 2, apVal, 0, 0);
}

/* The table of each fact kind, and its KDATE column. */
static const struct FactTable {
  const char *zKind, *zTable, *zWhen;
} aFactTable[] = {
  { "event",        "events",        "date" },
  { "figure",       "figures",       "period" },
  { "person",       "people",        0 },
  { "organization", "organizations", "founded" },
  { "place",        "places",        0 },
  { "initiative",   "initiatives",   "date" },
};

int kioskCourseFactCmd(KioskCourse *p, Tcl_Interp *interp,
                       int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pKind = 0, *pRow = 0, *pVal = 0, *pList = 0;
  const char *zId, *zKind;
  const struct FactTable *t = 0;
  sqlite3_stmt *pStmt = 0;
  char *zSql;
  size_t i;
  int rc;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "id"); return TCL_ERROR; }
  zId = Tcl_GetString(objv[2]);
  if( oneRow(interp, p->db, "SELECT kind FROM facts WHERE id=?1", zId,
             &pKind) ){
    return TCL_ERROR;
  }
  if( pKind==0 ) return notFound(interp, "fact", zId);
  Tcl_IncrRefCount(pKind);
  pVal = dictGet(pKind, "kind");
  zKind = pVal ? Tcl_GetString(pVal) : "";
  for(i=0; i<sizeof(aFactTable)/sizeof(aFactTable[0]); i++){
    if( strcmp(aFactTable[i].zKind, zKind)==0 ) t = &aFactTable[i];
  }
  if( t==0 ){
    Tcl_DecrRefCount(pKind);
    return notFound(interp, "fact", zId);
  }
  zSql = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE id=?1", t->zTable);
  rc = oneRow(interp, p->db, zSql, zId, &pRow);
  sqlite3_free(zSql);
  if( rc || pRow==0 ){
    Tcl_DecrRefCount(pKind);
    return rc ? rc : notFound(interp, "fact", zId);
  }
  Tcl_IncrRefCount(pRow);
  /* "kind" is the fact kind, as in the facts listing and the quiz; the
  ** table's own kind column (places: city, route...; organizations;
  ** initiatives) comes back as "type". */
  pVal = dictGet(pRow, "kind");
  if( pVal ){
    Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("type", -1), pVal);
  }
  Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("kind", -1),
                 Tcl_NewStringObj(t->zKind, -1));
  Tcl_DecrRefCount(pKind);
  if( t->zWhen ) addWhen(pRow, t->zWhen);

  /* countries */
  if( factCountries(interp, p->db, zId, &pList) ) goto error;
  Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("countries", -1), pList);

  /* aliases */
  if( sqlite3_prepare_v2(p->db, "SELECT alias FROM aliases WHERE fact=?1"
                         " ORDER BY alias", -1, &pStmt, 0) ){
    dbErr(interp, p->db);
    goto error;
  }
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_TRANSIENT);
  pList = Tcl_NewListObj(0, 0);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    Tcl_ListObjAppendElement(0, pList, Tcl_NewStringObj(
        (const char *)sqlite3_column_text(pStmt, 0), -1));
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("aliases", -1), pList);

  /* citation */
  pVal = dictGet(pRow, "source");
  if( pVal ){
    Tcl_Obj *pSrc = 0;
    if( oneRow(interp, p->db, "SELECT * FROM sources WHERE id=?1",
               Tcl_GetString(pVal), &pSrc) ){
      goto error;
    }
    if( pSrc ){
      Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("citation", -1), pSrc);
    }
  }

  /* lesson: the first paragraph, in teaching order, that refers to it */
  if( sqlite3_prepare_v2(p->db,
        "SELECT r.stage, r.para FROM lesson_refs r"
        " JOIN stages s ON s.id=r.stage"
        " WHERE r.kind='fact' AND r.target=?1"
        " ORDER BY s.ord, r.para LIMIT 1", -1, &pStmt, 0) ){
    dbErr(interp, p->db);
    goto error;
  }
  sqlite3_bind_text(pStmt, 1, zId, -1, SQLITE_TRANSIENT);
  if( sqlite3_step(pStmt)==SQLITE_ROW ){
    Tcl_Obj *apPair[2];
    apPair[0] = Tcl_NewStringObj((const char *)sqlite3_column_text(pStmt, 0),
                                 -1);
    apPair[1] = Tcl_NewIntObj(sqlite3_column_int(pStmt, 1));
    Tcl_DictObjPut(0, pRow, Tcl_NewStringObj("lesson", -1),
                   Tcl_NewListObj(2, apPair));
  }
  sqlite3_finalize(pStmt);
  Tcl_SetObjResult(interp, pRow);
  Tcl_DecrRefCount(pRow);
  return TCL_OK;

error:
  sqlite3_finalize(pStmt);
  Tcl_DecrRefCount(pRow);
  return TCL_ERROR;
}

int kioskCourseEventsCmd(KioskCourse *p, Tcl_Interp *interp,
                         int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-stage", "-key", 0 };
  Tcl_Obj *apVal[2];
  Tcl_Obj *pKey = 0;
  int rc;
  if( parseOpts(interp, objc, objv, 2, azOpt, apVal,
                "?-stage id? ?-key boolean?") ){
    return TCL_ERROR;
  }
  if( apVal[1] ){
    int b;
    if( Tcl_GetBooleanFromObj(interp, apVal[1], &b) ) return TCL_ERROR;
    pKey = Tcl_NewIntObj(b);
    Tcl_IncrRefCount(pKey);
    apVal[1] = pKey;
  }
  rc = listQuery(interp, p->db,
      "SELECT * FROM events"
      " WHERE (?1 IS NULL OR stage=?1) AND (?2 IS NULL OR key=CAST(?2 AS INTEGER))"
      " ORDER BY y0, ltrim(date, '~'), id", 2, apVal, "date", 0);
  if( pKey ) Tcl_DecrRefCount(pKey);
  return rc;
}

int kioskCourseFiguresCmd(KioskCourse *p, Tcl_Interp *interp,
                          int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-stage", "-group", "-unit", 0 };
  Tcl_Obj *apVal[3];
  if( parseOpts(interp, objc, objv, 2, azOpt, apVal,
                "?-stage id? ?-group group? ?-unit unit?") ){
    return TCL_ERROR;
  }
  return listQuery(interp, p->db,
      "SELECT f.* FROM figures f LEFT JOIN stages s ON s.id=f.stage"
      " WHERE (?1 IS NULL OR f.stage=?1) AND (?2 IS NULL OR f.grp=?2)"
      " AND (?3 IS NULL OR f.unit=?3)"
      " ORDER BY s.ord, f.grp, f.value DESC, f.id", 3, apVal, "period",
      ROW_COUNTRIES);
}

int kioskCoursePlacesCmd(KioskCourse *p, Tcl_Interp *interp,
                         int objc, Tcl_Obj *const objv[]){
  if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, NULL); return TCL_ERROR; }
  return listQuery(interp, p->db, "SELECT * FROM places ORDER BY name, id",
                   0, 0, 0, 0);
}

int kioskCourseInitiativesCmd(KioskCourse *p, Tcl_Interp *interp,
                              int objc, Tcl_Obj *const objv[]){
  static const char *const azOpt[] = { "-stage", 0 };
  Tcl_Obj *apVal[1];
  if( parseOpts(interp, objc, objv, 2, azOpt, apVal, "?-stage id?") ){
    return TCL_ERROR;
  }
  return listQuery(interp, p->db,
      "SELECT * FROM initiatives WHERE (?1 IS NULL OR stage=?1)"
      " ORDER BY y0, ltrim(date, '~'), id", 1, apVal, "date", 0);
}

int kioskCourseCountriesCmd(KioskCourse *p, Tcl_Interp *interp,
                            int objc, Tcl_Obj *const objv[]){
  if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, NULL); return TCL_ERROR; }
  return listQuery(interp, p->db, "SELECT * FROM countries ORDER BY name",
                   0, 0, 0, 0);
}

int kioskCourseSourcesCmd(KioskCourse *p, Tcl_Interp *interp,
                          int objc, Tcl_Obj *const objv[]){
  if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, NULL); return TCL_ERROR; }
  return listQuery(interp, p->db, "SELECT * FROM sources ORDER BY num",
                   0, 0, 0, 0);
}

int kioskCourseSourceCmd(KioskCourse *p, Tcl_Interp *interp,
                         int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pRow = 0;
  const char *zId;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "id"); return TCL_ERROR; }
  zId = Tcl_GetString(objv[2]);
  /* "n13" is the id, "13" the number. */
  if( oneRow(interp, p->db,
        "SELECT * FROM sources WHERE id=?1"
        " OR (?1 GLOB '[1-9]*' AND ?1 NOT GLOB '*[^0-9]*'"
        "     AND num=CAST(?1 AS INTEGER))", zId, &pRow) ){
    return TCL_ERROR;
  }
  if( pRow==0 ) return notFound(interp, "source", zId);
  Tcl_SetObjResult(interp, pRow);
  return TCL_OK;
}

int kioskCourseGlossaryCmd(KioskCourse *p, Tcl_Interp *interp,
                           int objc, Tcl_Obj *const objv[]){
  if( objc!=2 ){ Tcl_WrongNumArgs(interp, 2, objv, NULL); return TCL_ERROR; }
  return listQuery(interp, p->db,
      "SELECT * FROM glossary ORDER BY term COLLATE NOCASE, id", 0, 0, 0, 0);
}

int kioskCourseTermCmd(KioskCourse *p, Tcl_Interp *interp,
                       int objc, Tcl_Obj *const objv[]){
  Tcl_Obj *pRow = 0;
  if( objc!=3 ){ Tcl_WrongNumArgs(interp, 2, objv, "id"); return TCL_ERROR; }
  if( oneRow(interp, p->db, "SELECT * FROM glossary WHERE id=?1",
             Tcl_GetString(objv[2]), &pRow) ){
    return TCL_ERROR;
  }
  if( pRow==0 ) return notFound(interp, "term", Tcl_GetString(objv[2]));
  Tcl_SetObjResult(interp, pRow);
  return TCL_OK;
}
