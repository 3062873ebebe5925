/*
** test-quiz.c: property tests of the quiz generator (quiz.c and its
** forms) over thousands of seeds, on the bundled course and on a fixture
** full of traps (quizfixture.h).
**
** Every rule is checked against the fact base with SQL of its own, not
** through the generator's code: a wrong year is re-checked against the
** event's date columns, a wrong amount against every figure of the same
** label, a wrong "which happened in Y" against every event of that title,
** and so on. The test also scores every question's right answer (it must
** earn full credit) and every wrong option (it must earn none).
*/
#include "course.h"
#include "coursedb.h"
#include "quiz.h"
#include "qjson.h"
#include "score.h"
#include "amount.h"
#include "normalize.h"
#include "harness.h"
#include "quizfixture.h"
#include "quizint.h"      /* the wording helpers, tested directly */

#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- SQL */

/* Run zSql with parameters from zBind ('t' text, 'i' int, 'd' double);
** the first column of the first row as an integer, or -1 with no row. */
/* Prepared statements of the checks, cached by database and SQL text
** (the checks run hundreds of thousands of times). */
static struct { sqlite3 *db; char *zSql; sqlite3_stmt *p; } aCache[256];
static int nCache = 0;

static sqlite3_stmt *prepare(sqlite3 *db, const char *zSql){
  sqlite3_stmt *p = 0;
  int i;
  for(i=0; i<nCache; i++){
    if( aCache[i].db==db && strcmp(aCache[i].zSql, zSql)==0 ){
      sqlite3_reset(aCache[i].p);
      sqlite3_clear_bindings(aCache[i].p);
      return aCache[i].p;
    }
  }
  if( nCache>=(int)(sizeof(aCache)/sizeof(aCache[0])) ){
    fprintf(stderr, "test SQL cache full\n");
    exit(2);
  }
  if( sqlite3_prepare_v2(db, zSql, -1, &p, 0)!=SQLITE_OK ){
    fprintf(stderr, "test SQL error: %s\n%s\n", sqlite3_errmsg(db), zSql);
    exit(2);
  }
  aCache[nCache].db = db;
  aCache[nCache].zSql = strdup(zSql);
  aCache[nCache].p = p;
  nCache++;
  return p;
}

static void closeDb(sqlite3 *db){
  int i, j = 0;
  for(i=0; i<nCache; i++){
    if( aCache[i].db==db ){
      sqlite3_finalize(aCache[i].p);
      free(aCache[i].zSql);
    }else{
      aCache[j++] = aCache[i];
    }
  }
  nCache = j;
  sqlite3_close(db);
}

static sqlite3_int64 sqlInt(sqlite3 *db, const char *zSql,
                            const char *zBind, ...){
  sqlite3_stmt *p = prepare(db, zSql);
  va_list ap;
  sqlite3_int64 r = -1;
  int i;
  va_start(ap, zBind);
  for(i=0; zBind[i]; i++){
    switch( zBind[i] ){
      case 't': sqlite3_bind_text(p, i+1, va_arg(ap, const char *), -1,
                                  SQLITE_TRANSIENT); break;
      case 'i': sqlite3_bind_int64(p, i+1, va_arg(ap, sqlite3_int64)); break;
      case 'd': sqlite3_bind_double(p, i+1, va_arg(ap, double)); break;
    }
  }
  va_end(ap);
  if( sqlite3_step(p)==SQLITE_ROW ) r = sqlite3_column_int64(p, 0);
  sqlite3_reset(p);
  return r;
}

/* The same, first column as text (static buffer, "" with no row). */
static const char *sqlText(sqlite3 *db, const char *zSql, const char *zArg){
  static char zBuf[4][512];
  static int iBuf = 0;
  sqlite3_stmt *p = prepare(db, zSql);
  char *z = zBuf[iBuf++ % 4];
  z[0] = 0;
  if( zArg ) sqlite3_bind_text(p, 1, zArg, -1, SQLITE_TRANSIENT);
  if( sqlite3_step(p)==SQLITE_ROW && sqlite3_column_text(p, 0) ){
    snprintf(z, 512, "%s", (const char *)sqlite3_column_text(p, 0));
  }
  sqlite3_reset(p);
  return z;
}

/* ---------------------------------------------------------------- courses */

static sqlite3 *openFixture(void){
  sqlite3 *db = 0;
  KioskError err;
  char *zErr = 0;
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &db, &err) ){
    fprintf(stderr, "cannot open: %s\n", err.zMsg);
    exit(2);
  }
  if( sqlite3_exec(db, zQuizFixtureSql, 0, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "fixture: %s\n", zErr);
    exit(2);
  }
  return db;
}

/* The bundled course (KIOSK_COURSEDIR, as make check sets it), loaded
** through the core loader; NULL when unavailable. */
static sqlite3 *openBundled(void){
  const char *zDir = getenv("KIOSK_COURSEDIR");
  sqlite3 *db = 0;
  KioskError err;
  if( zDir==0 ) return 0;
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &db, &err)
   || kioskCourseLoad(db, zDir, 0, 10, 0, &err) ){
    fprintf(stderr, "cannot load %s: %s\n", zDir, err.zMsg);
    sqlite3_close(db);
    return 0;
  }
  return db;
}

/* ---------------------------------------------------------------- rules */

/* How often each rule was exercised: a rule never exercised proves
** nothing, so each must be seen at least once. */
enum {
  R_GENERAL, R_CHOICE_ONE, R_DISTINCT, R_AMOUNT_DISTINCT, R_SOURCES,
  R_LESSON, R_SCORE_RIGHT, R_SCORE_WRONG,
  R_YEAR_WRONG, R_MONTH_WRONG, R_RANGE_DATE, R_APPROX_DATE, R_TYPED_YEAR,
  R_INYEAR_WRONG, R_INYEAR_ALL, R_FIG_WRONG, R_FIG_MAGNITUDE, R_FIG_WHICH,
  R_FIG_TYPED, R_REPEATED_VALUE,
  R_WHO, R_COUNTRY, R_WHAT, R_WHERE, R_ABSENT, R_TYPED_WHO,
  R_PERSON_WHO, R_ORG, R_PLACE, R_PLACE_TYPED, R_CHRONO,
  R_MATCH, R_TF, R_TF_FALSE, R_MULTI, R_GIVEAWAY, R_GIVEAWAY_COUNTRY,
  R_STATED, R_PERSON_TYPED, R_TERM, R_WHY,
  R_RULE_WORDING, R_RULE_WORDS, R_RULE_YEARS, R_RULE_KIND, R_RULE_COUNT,
  R_RULE_MATCH, R_RULE_STAGE, R_RULE_ONCE, R_RULE_CROSS, R_RULE_SUBJECT,
  R_RULE_PLACE_COUNTRY,
  R_N
};
static const char *const azRule[R_N] = {
  "general fields", "one right option", "options distinct",
  "amount options not equivalent", "sources of facts", "lesson paragraph",
  "right answer scores 1", "wrong option scores 0",
  "wrong year is wrong", "wrong month is wrong", "range dates",
  "approximate dates", "typed year range",
  "in-year wrong events", "in-year multi", "wrong amount is wrong",
  "same unit and magnitude", "which-figure wrong labels", "typed amount",
  "repeated value not a wrong option",
  "who launched", "which country", "which initiative", "where adopted",
  "who stayed out", "typed launcher", "person who",
  "organization", "place", "typed place", "chronology", "matching",
  "true/false", "true/false falsified", "multi credits",
  "answer not in prompt", "answer country not in prompt",
  "facts stated in the article", "typed person", "glossary term", "authored why",
  "rule: wording", "rule: no lone answer word", "rule: dates in the course",
  "rule: options of one kind", "rule: counts within the region",
  "rule: matching items", "rule: stage facts only", "rule: one per fact",
  "rule: no answer in another prompt", "rule: one per subject",
  "rule: a place's country not in its prompt"
};
static int aRuleCount[R_N];

static int nQuestionChecked = 0;

#define RULE(r) (aRuleCount[r]++)

/* A failed check with the question id. */
#define QCHECK(q, cond) do{ nCheck++; if(!(cond)){ nFail++; \
  fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, \
          (q)->zId, #cond); } }while(0)

static int rightIndex(const KioskQuestion *q){
  int i;
  for(i=0; i<q->nOption; i++) if( q->aOption[i].rCredit>0.999 ) return i;
  return -1;
}

/* The part of the id between "gen:" and the first fact: "date-year". */
static void formOf(const KioskQuestion *q, char *zForm, int n){
  const char *z = q->zId + 4;
  const char *zEnd = strchr(z, ':');
  int k = zEnd ? (int)(zEnd-z) : (int)strlen(z);
  if( k>=n ) k = n-1;
  memcpy(zForm, z, (size_t)k);
  zForm[k] = 0;
}

/* ---- dates, parsed here independently of kdate.c ---- */

static const char *const azMonth[] = { "January", "February", "March",
  "April", "May", "June", "July", "August", "September", "October",
  "November", "December" };

static int monthOf(const char *z, int n){
  int i;
  for(i=0; i<12; i++){
    if( (int)strlen(azMonth[i])==n && strncmp(azMonth[i], z, (size_t)n)==0 ){
      return i+1;
    }
  }
  return 0;
}

typedef struct TIval { int a, b, bMonth, bApprox; } TIval;

/* Read an option such as "1992", "1997-1998", "c. 1991-1994",
** "October 1991", "October-November 2015", "December 1997-February
** 1998". Months count as y*12+m-1. Returns 0 or 1 when unreadable. */
static int parseIval(const char *z, TIval *p){
  int y0, y1, n = 0, m0, m1, k;
  memset(p, 0, sizeof(*p));
  if( strncmp(z, "c. ", 3)==0 ){ p->bApprox = 1; z += 3; }
  if( sscanf(z, "%d-%d%n", &y0, &y1, &n)==2 && z[n]==0 ){
    p->a = y0; p->b = y1; return 0;
  }
  if( sscanf(z, "%d%n", &y0, &n)==1 && z[n]==0 ){
    p->a = p->b = y0; return 0;
  }
  p->bMonth = 1;
  for(k=0; z[k]>='A' && z[k]<='z'; k++){}
  m0 = monthOf(z, k);
  if( m0==0 ) return 1;
  z += k;
  if( *z=='-' ){
    z++;
    for(k=0; z[k]>='A' && z[k]<='z'; k++){}
    m1 = monthOf(z, k);
    if( m1==0 || sscanf(z+k, " %d%n", &y0, &n)!=1 || z[k+n] ) return 1;
    p->a = y0*12+m0-1; p->b = y0*12+m1-1;
    return 0;
  }
  if( sscanf(z, " %d%n", &y0, &n)!=1 ) return 1;
  z += n;
  p->a = p->b = y0*12+m0-1;
  if( *z==0 ) return 0;
  if( *z!='-' ) return 1;
  z++;
  for(k=0; z[k]>='A' && z[k]<='z'; k++){}
  m1 = monthOf(z, k);
  if( m1==0 || sscanf(z+k, " %d%n", &y1, &n)!=1 || z[k+n] ) return 1;
  p->b = y1*12+m1-1;
  return 0;
}

/* A KDATE's span in months (first month of its start, last of its end). */
static int kdateMonths(const char *z, int *pA, int *pB, int *pApprox){
  int y, m = 0, d, n = 0;
  *pApprox = 0;
  if( *z=='~' ){ *pApprox = 1; z++; }
  if( sscanf(z, "%4d%n", &y, &n)!=1 ) return 1;
  z += n;
  if( *z=='-' && sscanf(z, "-%2d%n", &m, &n)==1 ){ z += n; }
  if( *z=='-' && sscanf(z, "-%2d%n", &d, &n)==1 ){ z += n; }
  *pA = y*12 + (m ? m-1 : 0);
  *pB = y*12 + (m ? m-1 : 11);
  if( strncmp(z, "..", 2)==0 ){
    z += 2;
    m = 0;
    if( sscanf(z, "%4d%n", &y, &n)!=1 ) return 1;
    z += n;
    if( *z=='-' && sscanf(z, "-%2d%n", &m, &n)==1 ){ z += n; }
    *pB = y*12 + (m ? m-1 : 11);
  }
  return 0;
}

/* Check a date option of fact (table, id) by its text. bRight: the
** option is the right one (it must be the fact's own date); otherwise it
** must be certainly wrong for EVERY fact of the same title. */
static void checkDateOption(sqlite3 *db, const KioskQuestion *q,
                            const char *zTable, const char *zId,
                            const char *zText, int bRight){
  TIval w;
  char zSql[512];
  sqlite3_stmt *p = 0;
  const char *zTitleCol = strcmp(zTable, "events")==0 ? "title" : "name";
  QCHECK(q, parseIval(zText, &w)==0);
  sqlite3_snprintf((int)sizeof(zSql), zSql,
      "SELECT date, y0, y1, id FROM %s WHERE %s=(SELECT %s FROM %s"
      " WHERE id=?1)", zTable, zTitleCol, zTitleCol, zTable);
  sqlite3_prepare_v2(db, zSql, -1, &p, 0);
  sqlite3_bind_text(p, 1, zId, -1, SQLITE_STATIC);
  while( sqlite3_step(p)==SQLITE_ROW ){
    const char *zDate = (const char *)sqlite3_column_text(p, 0);
    int y0 = sqlite3_column_int(p, 1), y1 = sqlite3_column_int(p, 2);
    int fa = 0, fb = 0, bApprox = 0, bLoose, y;
    int bSelf = strcmp((const char *)sqlite3_column_text(p, 3), zId)==0;
    QCHECK(q, kdateMonths(zDate, &fa, &fb, &bApprox)==0);
    if( bApprox ) RULE(R_APPROX_DATE);
    /* "mid-2019" (~2019-05..2019-07) is vague in months, not in years */
    bLoose = bApprox && zDate[5]!='-';
    if( y0!=y1 ) RULE(R_RANGE_DATE);
    if( bRight ){
      if( !bSelf ) continue;
      if( w.bMonth ) QCHECK(q, w.a==fa && w.b==fb);
      else QCHECK(q, w.a==y0 && w.b==y1);
      continue;
    }
    if( w.bMonth ){
      /* months are only offered for dates known to the month */
      QCHECK(q, !bApprox);
      QCHECK(q, w.b<fa || w.a>fb);
      RULE(R_MONTH_WRONG);
    }else{
      for(y=w.a; y<=w.b; y++){
        /* an approximate date may spill a year either way */
        QCHECK(q, y<y0-bLoose || y>y1+bLoose);
      }
      RULE(R_YEAR_WRONG);
    }
  }
  sqlite3_finalize(p);
}

/* ---- amounts ---- */

static double amountOf(const KioskQuestion *q, const char *z,
                       const char *zUnit){
  KioskAmount a;
  int rc = kioskAmountParse(z, &a, 0);
  QCHECK(q, rc==0);
  if( rc ) return -1;
  if( strcmp(zUnit, "count")==0 ) QCHECK(q, a.zUnit==0);
  else QCHECK(q, a.zUnit && strcmp(a.zUnit, zUnit)==0);
  return a.rValue;
}

/* Number of figures labelled zLabel in zUnit whose value passes for v
** (0.5%, or 20% when approximate). */
static sqlite3_int64 figuresWithValue(sqlite3 *db, const char *zLabel,
                                      const char *zUnit, double v,
                                      int bApprox){
  return sqlInt(db,
      "SELECT count(*) FROM figures WHERE (label=?1 OR (unit='count' AND"
      " 'the number of ' || label=?1 COLLATE NOCASE)) AND unit=?2"
      " AND abs(value-?3) <= (CASE WHEN approx=1 OR ?4 THEN 0.2 ELSE 0.005"
      " END)*max(abs(value), abs(?3))", "ttdi", zLabel, zUnit, v,
      (sqlite3_int64)bApprox);
}

/* ---------------------------------------------------------------- checks */

static void checkScores(const KioskQuestion *q){
  KioskAnswer a;
  KioskScore s;
  KioskError err;
  int i, aIdx[16], n = 0;
  const char *azText[16];
  memset(&a, 0, sizeof(a));
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_TF:
      aIdx[0] = rightIndex(q);
      a.nIndex = 1; a.aIndex = aIdx;
      break;
    case KQ_MULTI:
      for(i=0; i<q->nOption; i++) if( q->aOption[i].rCredit>0 ) aIdx[n++] = i;
      a.nIndex = n; a.aIndex = aIdx;
      break;
    case KQ_ORDER:
      for(i=0; i<q->nOption; i++) aIdx[i] = q->aOrder[i];
      a.nIndex = q->nOption; a.aIndex = aIdx;
      break;
    case KQ_MATCH:
      for(i=0; i<q->nPair; i++) azText[i] = q->aPair[i].zRight;
      a.nText = q->nPair; a.azText = azText;
      break;
    default:
      a.zText = q->eKind==KQ_TEXT ? q->azAccept[0] : q->zAnswer;
      break;
  }
  QCHECK(q, kioskScore(q, &a, &s, &err)==0);
  QCHECK(q, s.bCorrect==1);
  RULE(R_SCORE_RIGHT);
  kioskScoreClear(&s);
  if( q->eKind==KQ_CHOICE || q->eKind==KQ_TF ){
    for(i=0; i<q->nOption; i++){
      if( i==rightIndex(q) ) continue;
      aIdx[0] = i;
      a.nIndex = 1; a.aIndex = aIdx;
      QCHECK(q, kioskScore(q, &a, &s, &err)==0);
      QCHECK(q, s.rCredit==0);
      RULE(R_SCORE_WRONG);
      kioskScoreClear(&s);
    }
  }
}

/* Options pairwise distinct after folding; amounts not equivalent. */
static void checkDistinct(const KioskQuestion *q, int bAmounts,
                          const char *zUnit){
  int i, j;
  for(i=0; i<q->nOption; i++){
    for(j=i+1; j<q->nOption; j++){
      QCHECK(q, !kioskNormalizeSame(q->aOption[i].zText, q->aOption[j].zText));
      if( bAmounts ){
        KioskAmount a, b;
        if( kioskAmountParse(q->aOption[i].zText, &a, 0)==0
         && kioskAmountParse(q->aOption[j].zText, &b, 0)==0 ){
          QCHECK(q, !kioskAmountSame(a.rValue, b.rValue, 0));
          (void)zUnit;
          RULE(R_AMOUNT_DISTINCT);
        }
      }
    }
  }
  RULE(R_DISTINCT);
}

/* "True or false? X: $396 million." -> "$396 million" */
static void tailAfter(const char *z, const char *zSep, char *zOut, int n){
  const char *zAt = 0, *p = z;
  while( (p = strstr(p, zSep))!=0 ){ zAt = p; p++; }
  zOut[0] = 0;
  if( zAt ){
    int k;
    snprintf(zOut, (size_t)n, "%s", zAt+strlen(zSep));
    k = (int)strlen(zOut);
    if( k>0 && zOut[k-1]=='.' ) zOut[k-1] = 0;
  }
}

/* 1 when zWord stands in zText as a whole word: folded, or with bExact
** case-sensitive and unfolded ("EU", not the "eu" of a longer word). */
static int wordIn(const char *zText, const char *zWord, int bExact){
  char *zH = bExact ? sqlite3_mprintf("%s", zText) : kioskNormalizeFold(zText);
  char *zN = bExact ? sqlite3_mprintf("%s", zWord) : kioskNormalizeFold(zWord);
  int bFound = 0;
  size_t n = zN ? strlen(zN) : 0;
  const char *p;
  for(p=zH && n ? strstr(zH, zN) : 0; p && !bFound; p=strstr(p+1, zN)){
    unsigned char b = p>zH ? (unsigned char)p[-1] : ' ';
    unsigned char e = (unsigned char)p[n];
    bFound = !isalnum(b) && !isalnum(e);
  }
  sqlite3_free(zH);
  sqlite3_free(zN);
  return bFound;
}

/* A question must not carry its answer: no right option (accepted text,
** year) in the prompt as a word, and for a country neither its name nor
** its id in capitals ("Which country launched the EU Central Asia
** Strategy?"). The abbreviation form asks about the abbreviation. */
static void checkGiveaway(sqlite3 *db, const KioskQuestion *q,
                          const char *zForm){
  int i;
  if( strcmp(zForm, "organization-abbrev")==0 ) return;
  for(i=0; i<q->nOption; i++){
    const char *zText = q->aOption[i].zText, *zId;
    if( q->eKind==KQ_TF || q->eKind==KQ_ORDER ) break;
    if( q->aOption[i].rCredit<=0 ) continue;
    QCHECK(q, !wordIn(q->zPrompt, zText, 0));
    RULE(R_GIVEAWAY);
    zId = sqlText(db, "SELECT upper(id) FROM countries WHERE name=?1", zText);
    if( zId[0] ){
      QCHECK(q, !wordIn(q->zPrompt, zId, 1));
      RULE(R_GIVEAWAY_COUNTRY);
    }
  }
  for(i=0; i<q->nAccept; i++){
    QCHECK(q, !wordIn(q->zPrompt, q->azAccept[i], 0));
    RULE(R_GIVEAWAY);
  }
  if( q->eKind==KQ_YEAR ) QCHECK(q, !wordIn(q->zPrompt, q->zAnswer, 1));
}

static void checkQuestion(sqlite3 *db, const KioskQuestion *q,
                          const KioskQuizSpec *pSpec){
  char zForm[64];
  const char *zFact;
  int i, j, bRightSeen = 0;
  sqlite3_int64 n;

  nQuestionChecked++;
  /* general: id, text, facts, stage */
  QCHECK(q, q->zId && strncmp(q->zId, "gen:", 4)==0);
  QCHECK(q, q->zPrompt && q->zPrompt[0]);
  QCHECK(q, q->zExplain && q->zExplain[0]);
  QCHECK(q, q->zAnswer && q->zAnswer[0]);
  QCHECK(q, q->nFact>=1);
  if( q->nFact<1 ) return;
  formOf(q, zForm, (int)sizeof(zForm));
  QCHECK(q, strncmp(zForm, q->zTopic, strlen(q->zTopic))==0);
  if( pSpec->mKind ) QCHECK(q, (pSpec->mKind & (1u<<q->eKind))!=0);
  zFact = q->azFact[0];
  for(i=0; i<q->nFact; i++){
    QCHECK(q, sqlInt(db, "SELECT count(*) FROM facts WHERE id=?1", "t",
                     q->azFact[i])==1);
  }
  /* truth: only what the article states is asked or offered
  ** (schema.sql: support); a fact marked 'general' is never asked as
  ** dated */
  for(i=0; i<q->nFact+q->nOption; i++){
    const char *zF = i<q->nFact ? q->azFact[i] : q->aOption[i-q->nFact].zFact;
    if( zF==0 ) continue;
    QCHECK(q, sqlInt(db, "SELECT count(*) FROM facts WHERE id=?1"
                     " AND support='stated'", "t", zF)==1);
    RULE(R_STATED);
  }
  QCHECK(q, q->zStage && strcmp(q->zStage,
         sqlText(db, "SELECT stage FROM facts WHERE id=?1", zFact))==0);
  if( pSpec->nStage ){
    int bIn = 0;
    for(i=0; i<pSpec->nStage; i++){
      const char *zId = sqlText(db, "SELECT id FROM stages WHERE id=?1 OR"
                                " CAST(ord AS TEXT)=?1", pSpec->azStage[i]);
      if( strcmp(zId, q->zStage)==0 ) bIn = 1;
    }
    QCHECK(q, bIn);
  }
  RULE(R_GENERAL);
  /* sources: exactly the footnotes of the facts tested */
  for(i=0; i<q->nFact; i++){
    const char *zSrc = sqlText(db, "SELECT source FROM facts WHERE id=?1",
                               q->azFact[i]);
    int bFound = 0;
    for(j=0; j<q->nSource; j++) if( strcmp(q->azSource[j], zSrc)==0 ) bFound = 1;
    QCHECK(q, bFound);
  }
  for(j=0; j<q->nSource; j++){
    QCHECK(q, sqlInt(db, "SELECT count(*) FROM sources WHERE id=?1", "t",
                     q->azSource[j])==1);
  }
  RULE(R_SOURCES);
  checkGiveaway(db, q, zForm);
  /* lesson: a paragraph that refers to the first fact that has one (the
  ** first fact itself when it can), in the question's stage when there is
  ** one there; none when no fact of the question is in a lesson */
  {
    const char *zTarget = 0;
    for(i=0; i<q->nFact && zTarget==0; i++){
      if( sqlInt(db, "SELECT count(*) FROM lesson_refs WHERE target=?1"
                 " AND kind='fact'", "t", q->azFact[i])>0 ){
        zTarget = q->azFact[i];
      }
    }
    if( zTarget ){
      QCHECK(q, q->zLessonStage!=0);
      if( q->zLessonStage ){
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM lesson_refs WHERE"
                         " stage=?1 AND para=?2 AND target=?3 AND kind='fact'",
                         "tit", q->zLessonStage,
                         (sqlite3_int64)q->iLessonPara, zTarget)==1);
        if( sqlInt(db, "SELECT count(*) FROM lesson_refs WHERE target=?1"
                   " AND stage=?2", "tt", zTarget, q->zStage)>0 ){
          QCHECK(q, strcmp(q->zLessonStage, q->zStage)==0);
        }
        RULE(R_LESSON);
      }
    }else{
      QCHECK(q, q->zLessonStage==0);
    }
  }
  /* options */
  if( q->eKind==KQ_CHOICE || q->eKind==KQ_TF ){
    int nRight = 0;
    QCHECK(q, q->nOption>=(q->eKind==KQ_TF ? 2 : 3));
    for(i=0; i<q->nOption; i++){
      if( q->aOption[i].rCredit>0.999 ) nRight++;
      else QCHECK(q, q->aOption[i].rCredit==0);
    }
    QCHECK(q, nRight==1);
    QCHECK(q, strcmp(q->zAnswer, q->aOption[rightIndex(q)].zText)==0);
    RULE(R_CHOICE_ONE);
  }
  if( q->eKind==KQ_TF ){
    QCHECK(q, q->nOption==2 && strcmp(q->aOption[0].zText, "True")==0
              && strcmp(q->aOption[1].zText, "False")==0);
  }
  checkDistinct(q, strcmp(q->zTopic, "figure")==0 && q->eKind==KQ_CHOICE
                   && strstr(zForm, "amount")!=0, 0);
  checkScores(q);

  /* ---- per form ---- */
  if( strcmp(zForm, "date-year")==0 || strcmp(zForm, "initiative-when")==0
   || strcmp(zForm, "date-typed-year")==0
   || strcmp(zForm, "initiative-typed-year")==0 ){
    /* the prompt names the fact; that name must not spell out its year */
    const char *zTable = zForm[0]=='d' ? "events" : "initiatives";
    char zSql[400];
    sqlite3_snprintf((int)sizeof(zSql), zSql, "WITH RECURSIVE yr(y) AS"
        " (SELECT y0 FROM %s WHERE id=?1 UNION ALL SELECT y+1 FROM yr"
        " WHERE y<(SELECT y1 FROM %s WHERE id=?1))"
        " SELECT count(*) FROM %s, yr WHERE id=?1 AND instr(%s, y)>0",
        zTable, zTable, zTable, zTable[0]=='e' ? "title" : "name");
    QCHECK(q, sqlInt(db, zSql, "t", zFact)==0);
  }
  if( strcmp(zForm, "date-year")==0 || strcmp(zForm, "initiative-when")==0 ){
    const char *zTable = zForm[0]=='d' ? "events" : "initiatives";
    for(i=0; i<q->nOption; i++){
      checkDateOption(db, q, zTable, zFact, q->aOption[i].zText,
                      q->aOption[i].rCredit>0);
    }
  }else if( strcmp(zForm, "date-typed-year")==0
         || strcmp(zForm, "initiative-typed-year")==0 ){
    const char *zTable = zForm[0]=='d' ? "events" : "initiatives";
    char zSql[200];
    /* the accepted years: the fact's, and one more either side of an
    ** approximate date */
    sqlite3_snprintf((int)sizeof(zSql), zSql,
        "SELECT y0-(date GLOB '~*' AND date NOT GLOB '~[0-9][0-9][0-9][0-9]-*')"
        " FROM %s WHERE id=?1", zTable);
    QCHECK(q, fabs(q->rValue-q->rTol - (double)sqlInt(db, zSql, "t", zFact))<1e-9);
    sqlite3_snprintf((int)sizeof(zSql), zSql,
        "SELECT y1+(date GLOB '~*' AND date NOT GLOB '~[0-9][0-9][0-9][0-9]-*')"
        " FROM %s WHERE id=?1", zTable);
    QCHECK(q, fabs(q->rValue+q->rTol - (double)sqlInt(db, zSql, "t", zFact))<1e-9);
    sqlite3_snprintf((int)sizeof(zSql), zSql, "SELECT count(DISTINCT date)"
                     " FROM %s WHERE %s=(SELECT %s FROM %s WHERE id=?1)",
                     zTable, zTable[0]=='e' ? "title" : "name",
                     zTable[0]=='e' ? "title" : "name", zTable);
    QCHECK(q, sqlInt(db, zSql, "t", zFact)==1);
    RULE(R_TYPED_YEAR);
  }else if( strcmp(zForm, "date-inyear")==0
         || strcmp(zForm, "date-inyear-all")==0 ){
    int y = 0;
    QCHECK(q, sscanf(q->zPrompt, "Which of these happened in %d?", &y)==1);
    for(i=0; i<q->nOption; i++){
      const char *zT = q->aOption[i].zText;
      if( q->aOption[i].rCredit>0 ){
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM events WHERE title=?1"
                         " AND y0=?2 AND y1=?2 AND approx=0", "ti", zT,
                         (sqlite3_int64)y)>=1);
        bRightSeen = 1;
      }else{
        /* no event of that title may have happened in y */
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM events WHERE title=?1"
                         " AND NOT (y1<?2-(approx AND date NOT GLOB '~[0-9][0-9][0-9][0-9]-*')"
                         " OR y0>?2+(approx AND date NOT GLOB '~[0-9][0-9][0-9][0-9]-*'))",
                         "ti", zT,
                         (sqlite3_int64)y)==0);
        RULE(R_INYEAR_WRONG);
      }
    }
    QCHECK(q, bRightSeen);
    if( q->eKind==KQ_MULTI ){
      double rPos = 0, rNeg = 0;
      int nPos = 0;
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit>0 ){ rPos += q->aOption[i].rCredit; nPos++; }
        else rNeg += q->aOption[i].rCredit;
      }
      QCHECK(q, fabs(rPos-1)<1e-9 && fabs(rNeg+1)<1e-9 && nPos>=2);
      RULE(R_INYEAR_ALL);
      RULE(R_MULTI);
    }
  }else if( strcmp(zForm, "figure-amount")==0 ){
    const char *zUnit = sqlText(db, "SELECT unit FROM figures WHERE id=?1", zFact);
    const char *zLabel = sqlText(db, "SELECT label FROM figures WHERE id=?1", zFact);
    int bApprox = (int)sqlInt(db, "SELECT approx FROM figures WHERE id=?1", "t", zFact);
    double rTrue = (double)sqlInt(db, "SELECT value FROM figures WHERE id=?1",
                                  "t", zFact);
    for(i=0; i<q->nOption; i++){
      double v = amountOf(q, q->aOption[i].zText, zUnit);
      if( q->aOption[i].rCredit>0 ){
        QCHECK(q, kioskAmountSame(v, rTrue, bApprox));
      }else{
        QCHECK(q, figuresWithValue(db, zLabel, zUnit, v, bApprox)==0);
        QCHECK(q, v>=rTrue/5 && v<=rTrue*5);
        RULE(R_FIG_WRONG);
        RULE(R_FIG_MAGNITUDE);
        if( sqlInt(db, "SELECT count(*) FROM figures WHERE unit=?1 AND"
                   " label<>?2 AND abs(value-?3)<=0.005*abs(?3)", "ttd",
                   zUnit, zLabel, rTrue)>0 ){
          RULE(R_REPEATED_VALUE);
        }
      }
    }
  }else if( strcmp(zForm, "figure-which")==0 ){
    const char *zUnit = sqlText(db, "SELECT unit FROM figures WHERE id=?1", zFact);
    int bApprox = (int)sqlInt(db, "SELECT approx FROM figures WHERE id=?1", "t", zFact);
    static const char *const azVerb[] = {
      "Which of these came to ",
      "Which of these measured ", "Which of these was ", 0
    };
    char zAmt[128];
    double v = -1;
    for(i=0; azVerb[i]; i++){
      if( strncmp(q->zPrompt, azVerb[i], strlen(azVerb[i]))==0 ){
        snprintf(zAmt, sizeof(zAmt), "%s", q->zPrompt+strlen(azVerb[i]));
        zAmt[strlen(zAmt)-1] = 0;   /* the "?" */
        v = amountOf(q, zAmt, zUnit);
      }
    }
    QCHECK(q, v>=0);
    for(i=0; i<q->nOption; i++){
      /* a count is asked as a number: "Which of these was 5?" "The
      ** number of ..." */
      if( strcmp(zUnit, "count")==0 ){
        QCHECK(q, strncmp(q->aOption[i].zText, "The number of ", 14)==0);
      }
      n = figuresWithValue(db, q->aOption[i].zText, zUnit, v, bApprox);
      if( q->aOption[i].rCredit>0 ){
        QCHECK(q, n>=1);
      }else{
        QCHECK(q, n==0);
        RULE(R_FIG_WHICH);
        if( sqlInt(db, "SELECT count(*) FROM figures WHERE unit=?1 AND"
                   " abs(value-?2)<=0.005*abs(?2) AND id<>?3", "tdt",
                   zUnit, v, zFact)>0 ){
          RULE(R_REPEATED_VALUE);
        }
      }
    }
  }else if( strcmp(zForm, "figure-typed")==0 ){
    QCHECK(q, q->eKind==KQ_NUMBER);
    QCHECK(q, q->rValue==(double)sqlInt(db, "SELECT value FROM figures"
                                        " WHERE id=?1", "t", zFact));
    QCHECK(q, strcmp(q->zUnit, sqlText(db, "SELECT unit FROM figures"
                                       " WHERE id=?1", zFact))==0);
    QCHECK(q, q->rTol>=0 && q->rTol<=0.2*q->rValue);
    /* no second figure of that label with another amount */
    QCHECK(q, sqlInt(db, "SELECT count(*) FROM figures f, figures g"
                     " WHERE f.id=?1 AND g.label=f.label AND g.unit=f.unit"
                     " AND abs(g.value-f.value)>0.005*f.value", "t", zFact)==0);
    RULE(R_FIG_TYPED);
  }else if( strcmp(zForm, "initiative-who")==0 ){
    for(i=0; i<q->nOption; i++){
      n = sqlInt(db, "SELECT count(*) FROM initiatives i JOIN people p"
                 " ON p.id=i.launched_by WHERE i.id=?1 AND p.name=?2", "tt",
                 zFact, q->aOption[i].zText);
      QCHECK(q, n==(q->aOption[i].rCredit>0 ? 1 : 0));
    }
    RULE(R_WHO);
  }else if( strcmp(zForm, "initiative-typed-who")==0 ){
    int bFound = 0;
    const char *zName = sqlText(db, "SELECT p.name FROM initiatives i JOIN"
                                " people p ON p.id=i.launched_by WHERE i.id=?1",
                                zFact);
    for(i=0; i<q->nAccept; i++) if( strcmp(q->azAccept[i], zName)==0 ) bFound = 1;
    QCHECK(q, bFound);
    RULE(R_TYPED_WHO);
  }else if( strcmp(zForm, "initiative-country")==0 ){
    for(i=0; i<q->nOption; i++){
      const char *zC = q->aOption[i].zText;
      n = sqlInt(db, "SELECT count(*) FROM initiatives i JOIN countries c"
                 " ON c.id=i.by_country WHERE i.id=?1 AND c.name=?2", "tt",
                 zFact, zC);
      if( q->aOption[i].rCredit>0 ){
        QCHECK(q, n==1);
      }else{
        QCHECK(q, n==0);
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM fact_countries f JOIN"
                         " countries c ON c.id=f.country WHERE f.fact=?1"
                         " AND c.name=?2", "tt", zFact, zC)==0);
      }
    }
    RULE(R_COUNTRY);
  }else if( strcmp(zForm, "initiative-what")==0 ){
    for(i=0; i<q->nOption; i++){
      n = sqlInt(db, "SELECT count(*) FROM initiatives WHERE name=?1 AND"
                 " summary=(SELECT summary FROM initiatives WHERE id=?2)",
                 "tt", q->aOption[i].zText, zFact);
      QCHECK(q, q->aOption[i].rCredit>0 ? n>=1 : n==0);
    }
    RULE(R_WHAT);
  }else if( strcmp(zForm, "initiative-where")==0 ){
    for(i=0; i<q->nOption; i++){
      n = sqlInt(db, "SELECT count(*) FROM initiatives i JOIN places p"
                 " ON p.id=i.place WHERE i.id=?1 AND p.name=?2", "tt",
                 zFact, q->aOption[i].zText);
      QCHECK(q, n==(q->aOption[i].rCredit>0 ? 1 : 0));
    }
    RULE(R_WHERE);
  }else if( strcmp(zForm, "initiative-absent")==0 ){
    for(i=0; i<q->nOption; i++){
      n = sqlInt(db, "SELECT count(*) FROM fact_countries f JOIN countries c"
                 " ON c.id=f.country WHERE f.fact=?1 AND c.name=?2"
                 " AND f.role='absent'", "tt", zFact, q->aOption[i].zText);
      QCHECK(q, n==(q->aOption[i].rCredit>0 ? 1 : 0));
      if( q->aOption[i].rCredit==0 ){
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM fact_countries f JOIN"
                         " countries c ON c.id=f.country WHERE f.fact=?1"
                         " AND c.name=?2 AND f.role IN ('member','host')",
                         "tt", zFact, q->aOption[i].zText)>=1);
      }
    }
    RULE(R_ABSENT);
  }else if( strcmp(zForm, "person-who")==0 ){
    for(i=0; i<q->nOption; i++){
      n = sqlInt(db, "SELECT count(*) FROM people WHERE name=?1 AND"
                 " role=(SELECT role FROM people WHERE id=?2)", "tt",
                 q->aOption[i].zText, zFact);
      QCHECK(q, q->aOption[i].rCredit>0 ? n>=1 : n==0);
    }
    RULE(R_PERSON_WHO);
  }else if( strncmp(zForm, "why-", 4)==0 ){
    /* the authored answer right, the authored wrong options wrong, the
    ** claim's fact and footnote cited */
    char zClaim[80];
    sqlite3_snprintf((int)sizeof(zClaim), zClaim, "cl-%s", zForm+4);
    QCHECK(q, sqlInt(db, "SELECT count(*) FROM claims WHERE id=?1 AND"
                     " fact=?2 AND question=?3", "ttt", zClaim, zFact,
                     q->zPrompt)==1);
    for(i=0; i<q->nOption; i++){
      const char *zT = q->aOption[i].zText;
      QCHECK(q, sqlInt(db, q->aOption[i].rCredit>0
                       ? "SELECT count(*) FROM claims WHERE id=?1 AND answer=?2"
                       : "SELECT count(*) FROM claims WHERE id=?1 AND"
                         " ?2 IN (wrong1, wrong2, wrong3) AND ?2<>answer",
                       "tt", zClaim, zT)==1);
    }
    {
      const char *zSrc = sqlText(db, "SELECT source FROM claims WHERE id=?1",
                                 zClaim);
      int bSrc = 0;
      for(i=0; i<q->nSource; i++) if( strcmp(q->azSource[i], zSrc)==0 ) bSrc = 1;
      QCHECK(q, bSrc);
    }
    RULE(R_WHY);
  }else if( strncmp(zForm, "term-what-", 10)==0 ){
    const char *zTerm = zForm+10;
    for(i=0; i<q->nOption; i++){
      if( q->aOption[i].rCredit>0 ){
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM glossary WHERE id=?1"
                         " AND term=?2", "tt", zTerm, q->aOption[i].zText)==1);
      }else{
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM glossary a, glossary b"
                         " WHERE a.id=?1 AND b.term=?2 AND b.id<>a.id"
                         " AND b.definition<>a.definition", "tt", zTerm,
                         q->aOption[i].zText)==1);
      }
    }
    /* the definition, less an "(in full: ...)" tail, is the prompt */
    QCHECK(q, strstr(q->zPrompt, sqlText(db, "SELECT CASE WHEN instr(definition,"
                     " ' (in full:')>0 THEN substr(definition, 1, instr(definition,"
                     " ' (in full:')-1) ELSE definition END FROM glossary"
                     " WHERE id=?1", zTerm))!=0);
    RULE(R_TERM);
  }else if( strcmp(zForm, "person-typed")==0 ){
    int bName = 0;
    const char *zName = sqlText(db, "SELECT name FROM people WHERE id=?1", zFact);
    for(i=0; i<q->nAccept; i++){
      if( strcmp(q->azAccept[i], zName)==0 ) bName = 1;
      /* every accepted answer is the name, its last word or an alias */
      QCHECK(q, strcmp(q->azAccept[i], zName)==0
             || (strrchr(zName, ' ') && strcmp(q->azAccept[i], strrchr(zName, ' ')+1)==0)
             || sqlInt(db, "SELECT count(*) FROM aliases WHERE fact=?1 AND alias=?2",
                       "tt", zFact, q->azAccept[i])==1);
    }
    QCHECK(q, bName);
    RULE(R_PERSON_TYPED);
  }else if( strncmp(zForm, "organization-", 13)==0 ){
    const char *zCol = strcmp(zForm, "organization-what")==0 ? "summary"
                     : strcmp(zForm, "organization-abbrev")==0 ? "abbrev" : 0;
    for(i=0; i<q->nOption; i++){
      if( zCol ){
        char zSql[256];
        sqlite3_snprintf((int)sizeof(zSql), zSql, "SELECT count(*) FROM"
            " organizations WHERE name=?1 AND %s=(SELECT %s FROM"
            " organizations WHERE id=?2)", zCol, zCol);
        n = sqlInt(db, zSql, "tt", q->aOption[i].zText, zFact);
      }else{
        n = sqlInt(db, "SELECT count(*) FROM organizations o JOIN countries c"
                   " ON c.id=o.country WHERE o.id=?1 AND c.name=?2", "tt",
                   zFact, q->aOption[i].zText);
      }
      QCHECK(q, q->aOption[i].rCredit>0 ? n>=1 : n==0);
    }
    RULE(R_ORG);
  }else if( strcmp(zForm, "place-what")==0 || strcmp(zForm, "place-country")==0 ){
    for(i=0; i<q->nOption; i++){
      if( zForm[6]=='w' ){
        n = sqlInt(db, "SELECT count(*) FROM places WHERE name=?1 AND"
                   " summary=(SELECT summary FROM places WHERE id=?2)", "tt",
                   q->aOption[i].zText, zFact);
      }else{
        n = sqlInt(db, "SELECT count(*) FROM places p JOIN countries c ON"
                   " c.id=p.country WHERE p.id=?1 AND c.name=?2", "tt",
                   zFact, q->aOption[i].zText);
      }
      QCHECK(q, q->aOption[i].rCredit>0 ? n>=1 : n==0);
    }
    RULE(R_PLACE);
  }else if( strcmp(zForm, "place-typed")==0 ){
    sqlite3_stmt *p = 0;
    sqlite3_prepare_v2(db, "SELECT name FROM places WHERE id=?1 UNION ALL"
                       " SELECT alias FROM aliases WHERE fact=?1", -1, &p, 0);
    sqlite3_bind_text(p, 1, zFact, -1, SQLITE_STATIC);
    while( sqlite3_step(p)==SQLITE_ROW ){
      int bFound = 0;
      for(i=0; i<q->nAccept; i++){
        if( strcmp(q->azAccept[i], (const char *)sqlite3_column_text(p, 0))==0 ){
          bFound = 1;
        }
      }
      QCHECK(q, bFound);
    }
    sqlite3_finalize(p);
    RULE(R_PLACE_TYPED);
  }else if( strcmp(zForm, "chronology-order")==0 ){
    int bSorted = 1;
    QCHECK(q, q->nOption>=4 && q->nOption<=5 && q->aOrder);
    for(i=0; i+1<q->nOption; i++){
      const char *zA = q->aOption[q->aOrder[i]].zText;
      const char *zB = q->aOption[q->aOrder[i+1]].zText;
      /* every event called A ends, with any approximation, before every
      ** event called B begins */
      QCHECK(q, sqlInt(db, "SELECT count(*) FROM events a, events b"
                       " WHERE a.title=?1 AND b.title=?2"
                       " AND a.y1+a.approx >= b.y0-b.approx", "tt", zA, zB)==0);
      QCHECK(q, sqlInt(db, "SELECT count(*) FROM events WHERE title=?1",
                       "t", zA)==1);
    }
    for(i=0; i<q->nOption; i++) if( q->aOrder[i]!=i ) bSorted = 0;
    QCHECK(q, !bSorted);
    RULE(R_CHRONO);
  }else if( strncmp(zForm, "matching-", 9)==0 ){
    int nKind = 0;
    QCHECK(q, q->nPair>=3 && q->nPair<=4);
    /* a hedge ("launched or proposed") only for initiatives of mixed
    ** verbs: the row's verb, else its kind's */
    for(i=0; i<q->nPair; i++){
      for(j=0; j<i; j++){
        if( strcmp(sqlText(db, "SELECT coalesce(verb, kind) FROM initiatives"
                           " WHERE name=?1", q->aPair[i].zLeft),
                   sqlText(db, "SELECT coalesce(verb, kind) FROM initiatives"
                           " WHERE name=?1", q->aPair[j].zLeft))==0 ) break;
      }
      if( j==i ) nKind++;
    }
    if( nKind==1 ) QCHECK(q, strstr(q->zPrompt, " or ")==0);
    for(i=0; i<q->nPair; i++){
      for(j=0; j<q->nPair; j++){
        const char *zL = q->aPair[i].zLeft, *zR = q->aPair[j].zRight;
        if( j!=i ){
          QCHECK(q, strcmp(q->aPair[i].zLeft, q->aPair[j].zLeft)!=0);
          QCHECK(q, strcmp(q->aPair[i].zRight, q->aPair[j].zRight)!=0);
        }
        if( strcmp(zForm, "matching-years")==0 ){
          int y = atoi(zR);
          if( i==j ) QCHECK(q, strstr(zL, zR)==0);
          if( i==j ){
            n = sqlInt(db, "SELECT count(*) FROM initiatives WHERE name=?1"
                       " AND y0=?2 AND y1=?2", "ti", zL, (sqlite3_int64)y);
            QCHECK(q, n>=1);
          }else{
            n = sqlInt(db, "SELECT count(*) FROM initiatives WHERE name=?1"
                       " AND NOT (?2<y0-(date GLOB '~*') OR"
                       " ?2>y1+(date GLOB '~*'))", "ti", zL, (sqlite3_int64)y);
            QCHECK(q, n==0);
          }
        }else if( strcmp(zForm, "matching-people")==0 ){
          n = sqlInt(db, "SELECT count(*) FROM initiatives i JOIN people p"
                     " ON p.id=i.launched_by WHERE i.name=?1 AND p.name=?2",
                     "tt", zL, zR);
          QCHECK(q, i==j ? n>=1 : n==0);
        }else{
          n = sqlInt(db, "SELECT count(*) FROM initiatives i JOIN countries c"
                     " ON c.id=i.by_country WHERE i.name=?1 AND c.name=?2",
                     "tt", zL, zR);
          QCHECK(q, i==j ? n>=1 : n==0);
        }
      }
    }
    RULE(R_MATCH);
  }else if( strncmp(zForm, "truefalse-", 10)==0 ){
    int bTrue = q->aOption[0].rCredit>0;
    char zClaim[256];
    QCHECK(q, strstr(zForm, bTrue ? "-true" : "-false")!=0);
    if( strncmp(zForm, "truefalse-date", 14)==0 ){
      tailAfter(q->zPrompt, " happened in ", zClaim, (int)sizeof(zClaim));
      checkDateOption(db, q, "events", zFact, zClaim, bTrue);
    }else if( strncmp(zForm, "truefalse-figure", 16)==0 ){
      const char *zUnit = sqlText(db, "SELECT unit FROM figures WHERE id=?1", zFact);
      const char *zLabel = sqlText(db, "SELECT label FROM figures WHERE id=?1", zFact);
      int bApprox = (int)sqlInt(db, "SELECT approx FROM figures WHERE id=?1", "t", zFact);
      double v;
      /* "..., X came to $396 million." or "..., the number of X was 5.":
      ** the claimed amount ends the prompt */
      tailAfter(q->zPrompt, " came to ", zClaim, (int)sizeof(zClaim));
      if( zClaim[0]==0 ) tailAfter(q->zPrompt, " was ", zClaim, (int)sizeof(zClaim));
      QCHECK(q, zClaim[0]!=0);
      v = amountOf(q, zClaim, zUnit);
      n = figuresWithValue(db, zLabel, zUnit, v, bApprox);
      QCHECK(q, bTrue ? n>=1 : n==0);
    }else{
      {
        /* "... was proposed by Japan." with the row's verb, else "...
        ** was launched or proposed by Japan." */
        const char *zVerb = sqlText(db, "SELECT verb FROM initiatives"
                                    " WHERE id=?1", zFact);
        char zSep[64];
        sqlite3_snprintf((int)sizeof(zSep), zSep, " %s by ",
                         zVerb[0] ? zVerb : "launched or proposed");
        tailAfter(q->zPrompt, zSep, zClaim, (int)sizeof(zClaim));
      }
      n = sqlInt(db, "SELECT count(*) FROM initiatives i"
                 " LEFT JOIN countries c ON c.id=i.by_country"
                 " LEFT JOIN people p ON p.id=i.launched_by"
                 " WHERE i.id=?1 AND (c.name=?2 OR p.name=?2)", "tt",
                 zFact, zClaim);
      QCHECK(q, n==(bTrue ? 1 : 0));
      if( !bTrue ){
        QCHECK(q, sqlInt(db, "SELECT count(*) FROM fact_countries f JOIN"
                         " countries c ON c.id=f.country WHERE f.fact=?1"
                         " AND c.name=?2", "tt", zFact, zClaim)==0);
      }
    }
    RULE(R_TF);
    if( !bTrue ) RULE(R_TF_FALSE);
  }else{
    nCheck++;
    nFail++;
    fprintf(stderr, "%s: no test for form %s\n", q->zId, zForm);
  }
}

/* Generate and check one quiz; returns its question count. */
static int runQuiz(sqlite3 *db, const KioskQuizSpec *pSpec){
  KioskQuiz quiz;
  KioskError err;
  int i, j, n;
  memset(&quiz, 0, sizeof(quiz));
  if( kioskQuizGenerate(db, pSpec, &quiz, &err) ){
    nCheck++; nFail++;
    fprintf(stderr, "quiz failed: %s\n", err.zMsg);
    return 0;
  }
  for(i=0; i<quiz.nQuestion; i++){
    checkQuestion(db, quiz.apQuestion[i], pSpec);
    for(j=0; j<i; j++){
      QCHECK(quiz.apQuestion[i],
             strcmp(quiz.apQuestion[i]->zId, quiz.apQuestion[j]->zId)!=0);
    }
  }
  n = quiz.nQuestion;
  kioskQuizReset(&quiz);
  return n;
}

/* ---------------------------------------------------------------- rules
**
** The teacher's rules (issue 13), checked on whole quizzes over many seeds:
** for the whole course, each stage alone and each kind alone, 200 seeds
** each. Each check is written here from the data, not by calling the
** generator's own checks. */

static int nRuleFail = 0;
#define RCHECK(q, cond, what) do{ nCheck++; if(!(cond)){ nFail++; nRuleFail++; \
  fprintf(stderr, "%s:%d: %s: rule \"%s\" broken: %s\n", __FILE__, \
          __LINE__, (q)->zId, what, (q)->zPrompt); } }while(0)

/* Folded words of z, a trailing "s" dropped, into az (strdup'd). */
static int testWords(const char *z, char **az, int nMax){
  char *zF = kioskNormalizeFold(z ? z : "");
  char *p = zF, *w;
  int n = 0;
  while( p && *p && n<nMax ){
    size_t len;
    while( *p==' ' ) p++;
    if( !*p ) break;
    w = p;
    while( *p && *p!=' ' ) p++;
    len = (size_t)(p-w);
    if( len>3 && w[len-1]=='s' && w[len-2]!='s' ) len--;
    az[n] = malloc(len+1);
    memcpy(az[n], w, len);
    az[n][len] = 0;
    n++;
  }
  sqlite3_free(zF);
  return n;
}
static void freeWords(char **az, int n){ while( n>0 ) free(az[--n]); }
static int hasWord(char **az, int n, const char *w){
  int i;
  for(i=0; i<n; i++) if( strcmp(az[i], w)==0 ) return 1;
  return 0;
}
static int listed(const char *const *az, const char *w){
  int i;
  for(i=0; az[i]; i++) if( strcmp(az[i], w)==0 ) return 1;
  return 0;
}

/* Only right options share a content word with the prompt, or (names of
** initiatives) only the right option carries a form word: 1. */
static int wordsGiveAway(const KioskQuestion *q){
  char *azP[64], *aaz[8][64];
  int nP = testWords(q->zPrompt, azP, 64), an[8], i, j, k, bOut = 0;
  int nOpt = q->nOption<8 ? q->nOption : 8;
  int bInit = strcmp(q->zTopic, "initiative")==0;
  for(i=0; i<nOpt; i++) an[i] = testWords(q->aOption[i].zText, aaz[i], 64);
  for(i=0; i<nOpt && !bOut; i++){
    if( q->aOption[i].rCredit<=0 ) continue;
    for(j=0; j<an[i] && !bOut; j++){
      const char *w = aaz[i][j];
      int bContent = strlen(w)>=3 && !listed(qazStopWord, w) && hasWord(azP, nP, w);
      int bForm = bInit && listed(qazFormWord, w);
      if( !bContent && !bForm ) continue;
      for(k=0; k<nOpt; k++){
        if( q->aOption[k].rCredit<=0 && hasWord(aaz[k], an[k], w) ) break;
      }
      if( k==nOpt ) bOut = 1;
    }
  }
  for(i=0; i<nOpt; i++) freeWords(aaz[i], an[i]);
  freeWords(azP, nP);
  return bOut;
}

/* Every 4-digit year in z within [lo, hi]. */
static int yearsWithin(const char *z, int lo, int hi){
  const char *p;
  for(p=z; p && *p; p++){
    if( isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1])
     && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])
     && (p==z || !isalnum((unsigned char)p[-1]))
     && !isalnum((unsigned char)p[4]) && p[4]!='.' && p[4]!=',' ){
      int y = atoi(p);
      if( (p[0]=='1' && p[1]=='9') || (p[0]=='2' && p[1]=='0') ){
        if( y<lo || y>hi ) return 0;
      }
    }
    if( isdigit((unsigned char)*p) ) while( isdigit((unsigned char)p[1]) ) p++;
  }
  return 1;
}

/* The subject two questions share (schema.sql: fact_subjects), or NULL:
** the rows of one happening answer each other, so a quiz holds one
** question per subject. A term question asks the glossary (its fact is
** only the lesson it points to) and is exempt. Read from the data here,
** not from the generator. */
static const char *sharedSubject(sqlite3 *db, const KioskQuestion *a,
                                 const KioskQuestion *b){
  static char zOut[128];
  int i, j;
  if( strcmp(a->zTopic, "term")==0 || strcmp(b->zTopic, "term")==0 ) return 0;
  for(i=0; i<a->nFact; i++){
    for(j=0; j<b->nFact; j++){
      sqlite3_stmt *p = prepare(db, "SELECT x.subject FROM fact_subjects x"
                                " JOIN fact_subjects y ON y.subject=x.subject"
                                " WHERE x.id=?1 AND y.id=?2");
      zOut[0] = 0;
      sqlite3_bind_text(p, 1, a->azFact[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(p, 2, b->azFact[j], -1, SQLITE_TRANSIENT);
      if( sqlite3_step(p)==SQLITE_ROW ){
        snprintf(zOut, sizeof(zOut), "%s",
                 (const char *)sqlite3_column_text(p, 0));
      }
      sqlite3_reset(p);
      if( zOut[0] ) return zOut;
    }
  }
  return 0;
}

/* How many pairs of questions of pQuiz share a subject. */
static int subjectClashes(sqlite3 *db, const KioskQuiz *pQuiz, int bReport){
  int i, j, n = 0;
  for(i=0; i<pQuiz->nQuestion; i++){
    for(j=0; j<i; j++){
      const char *z = sharedSubject(db, pQuiz->apQuestion[i],
                                    pQuiz->apQuestion[j]);
      if( z ){
        n++;
        if( bReport ){
          fprintf(stderr, "%s:%d: %s and %s share the subject %s\n", __FILE__,
                  __LINE__, pQuiz->apQuestion[j]->zId,
                  pQuiz->apQuestion[i]->zId, z);
        }
      }
    }
  }
  return n;
}

static void checkRules(sqlite3 *db, const KioskQuiz *pQuiz,
                       const KioskQuizSpec *pSpec){
  int lo = (int)sqlInt(db, "SELECT min(y) FROM (SELECT min(y0) AS y FROM stages"
                       " UNION ALL SELECT min(y0) FROM events WHERE support='stated'"
                       " UNION ALL SELECT min(y0) FROM initiatives"
                       " WHERE support='stated')", "");
  int hi = (int)sqlInt(db, "SELECT max(y1) FROM stages", "");
  int nRegion = (int)sqlInt(db, "SELECT count(*) FROM countries"
                            " WHERE in_region=1", "");
  int i, j, k, m;
  char zForm[64];
  for(i=0; i<pQuiz->nQuestion; i++){
    const KioskQuestion *q = pQuiz->apQuestion[i];
    formOf(q, zForm, (int)sizeof(zForm));
    /* wording that teaches */
    RCHECK(q, strncmp(q->zPrompt, "This describes", 14)!=0, "wording");
    RCHECK(q, strstr(q->zPrompt, "Which of these was ")==0, "wording");
    RCHECK(q, strstr(q->zPrompt, "Which place is this")==0, "wording");
    RULE(R_RULE_WORDING);
    /* no answer word alone in the prompt, no lone form word */
    if( (q->eKind==KQ_CHOICE || q->eKind==KQ_MULTI)
     && strcmp(zForm, "organization-abbrev")!=0 ){
      RCHECK(q, !wordsGiveAway(q), "no answer word alone in the prompt");
      RULE(R_RULE_WORDS);
    }
    /* dates inside the course's years */
    RCHECK(q, yearsWithin(q->zPrompt, lo, hi), "dates inside the course");
    for(j=0; j<q->nOption; j++){
      RCHECK(q, yearsWithin(q->aOption[j].zText, lo, hi),
             "dates inside the course");
    }
    RULE(R_RULE_YEARS);
    /* options of the same kind as the right one */
    if( strcmp(zForm, "place-what")==0 || strcmp(zForm, "figure-which")==0
     || strcmp(zForm, "organization-what")==0
     || strcmp(zForm, "person-who")==0 ){
      static const char *const azSql[] = {
        "SELECT count(*) FROM places a, places b WHERE a.id=?1 AND b.id=?2"
        " AND a.kind=b.kind",
        "SELECT count(*) FROM figures a, figures b WHERE a.id=?1 AND b.id=?2"
        " AND a.grp=b.grp",
        "SELECT count(*) FROM organizations a, organizations b WHERE a.id=?1"
        " AND b.id=?2 AND (a.kind=b.kind OR (a.kind NOT IN ('company','bloc')"
        " AND b.kind NOT IN ('company','bloc')))",
        "SELECT count(*) FROM people a, people b WHERE a.id=?1 AND b.id=?2"
        " AND a.country=b.country",
      };
      int iSql = zForm[1]=='l' ? 0 : zForm[0]=='f' ? 1 : zForm[0]=='o' ? 2 : 3;
      for(j=0; j<q->nOption; j++){
        RCHECK(q, q->aOption[j].zFact
               && sqlInt(db, azSql[iSql], "tt", q->azFact[0],
                         q->aOption[j].zFact)==1, "options of one kind");
      }
      RULE(R_RULE_KIND);
    }
    /* a place described by its country ("Capital of Japan", "a city in
    ** Uzbekistan") among places of other countries gives itself away; a
    ** format named after the country ("Central Asia plus Japan") does
    ** not say where the place is */
    if( strcmp(zForm, "place-what")==0 ){
      const char *zC = sqlText(db, "SELECT c.name FROM places p JOIN"
                               " countries c ON c.id=p.country WHERE p.id=?1",
                               q->azFact[0]);
      char zOf[96], zIn[96];
      sqlite3_snprintf((int)sizeof(zOf), zOf, "of %s", zC);
      sqlite3_snprintf((int)sizeof(zIn), zIn, "in %s", zC);
      if( zC[0] && (strstr(q->zPrompt, zOf) || strstr(q->zPrompt, zIn)) ){
        for(j=0; j<q->nOption; j++){
          RCHECK(q, sqlInt(db, "SELECT count(*) FROM places a, places b"
                           " WHERE a.id=?1 AND b.id=?2 AND a.country=b.country",
                           "tt", q->azFact[0], q->aOption[j].zFact)==1,
                 "a place's country not in its prompt");
        }
      }
      RULE(R_RULE_PLACE_COUNTRY);
    }
    /* an organization described by its country: options of that country */
    if( strcmp(zForm, "organization-what")==0 ){
      const char *zC = sqlText(db, "SELECT c.name FROM organizations o JOIN"
                               " countries c ON c.id=o.country WHERE o.id=?1",
                               q->azFact[0]);
      char zAdj[64];
      sqlite3_snprintf((int)sizeof(zAdj), zAdj, "%.4s", zC ? zC : "");
      if( zC && zC[0] && strstr(q->zPrompt, zAdj) ){
        for(j=0; j<q->nOption; j++){
          RCHECK(q, sqlInt(db, "SELECT count(*) FROM organizations a,"
                           " organizations b WHERE a.id=?1 AND b.id=?2 AND"
                           " a.country=b.country", "tt", q->azFact[0],
                           q->aOption[j].zFact)==1, "same country");
        }
      }
    }
    /* counts within what the world allows */
    if( q->zTopic && strcmp(q->zTopic, "figure")==0 && q->eKind==KQ_CHOICE
     && sqlInt(db, "SELECT count(*) FROM figures WHERE id=?1 AND unit='count'"
               " AND label LIKE '%Central Asia%'", "t", q->azFact[0])==1 ){
      for(j=0; j<q->nOption; j++){
        int v = atoi(q->aOption[j].zText);
        RCHECK(q, v>=1 && v<=nRegion, "counts within the region");
      }
      RULE(R_RULE_COUNT);
    }
    /* matching items do not hold their answers */
    if( q->eKind==KQ_MATCH ){
      for(j=0; j<q->nPair; j++){
        char *azL[64], *azR[64];
        int nL = testWords(q->aPair[j].zLeft, azL, 64);
        int nR = testWords(q->aPair[j].zRight, azR, 64), bIn = 0;
        for(k=0; k<nR; k++){
          if( strlen(azR[k])>=4 && hasWord(azL, nL, azR[k]) ) bIn = 1;
          /* "Japan" in "Uzbekistan-Japan ...", "Japanese" for Japan */
          for(m=0; m<nL && strlen(azR[k])>=4; m++){
            if( strncmp(azL[m], azR[k], 4)==0 && strlen(azR[k])>=5 ) bIn = 1;
          }
        }
        RCHECK(q, !bIn, "matching item holds its answer");
        freeWords(azL, nL);
        freeWords(azR, nR);
      }
      RULE(R_RULE_MATCH);
    }
    /* a stage quiz asks its stages' facts only */
    if( pSpec->nStage ){
      for(j=0; j<q->nFact; j++){
        const char *zSt = sqlText(db, "SELECT stage FROM facts WHERE id=?1",
                                  q->azFact[j]);
        int bIn = 0;
        for(k=0; k<pSpec->nStage; k++){
          if( strcmp(sqlText(db, "SELECT id FROM stages WHERE id=?1 OR"
                             " CAST(ord AS TEXT)=?1", pSpec->azStage[k]),
                     zSt)==0 ) bIn = 1;
        }
        RCHECK(q, bIn, "facts of the quiz's stages");
      }
      RULE(R_RULE_STAGE);
    }
    /* one question per fact per quiz; a figure's group counts as one */
    for(j=0; j<i; j++){
      const KioskQuestion *p = pQuiz->apQuestion[j];
      int a, b, bShared = 0;
      for(a=0; a<q->nFact; a++){
        for(b=0; b<p->nFact; b++){
          if( strcmp(q->azFact[a], p->azFact[b])==0
           || sqlInt(db, "SELECT count(*) FROM figures x, figures y WHERE"
                     " x.id=?1 AND y.id=?2 AND x.grp=y.grp", "tt",
                     q->azFact[a], p->azFact[b])==1 ) bShared = 1;
        }
      }
      RCHECK(q, !bShared, "one question per fact");
      /* one question per subject (the facts of one happening) */
      RCHECK(q, sharedSubject(db, q, p)==0, "one question per subject");
      /* a term question and a question on the organization it names
      ** ("What does SCO stand for?" beside the term SCO) */
      {
        const KioskQuestion *pT = strcmp(q->zTopic, "term")==0 ? q
                                : strcmp(p->zTopic, "term")==0 ? p : 0;
        const KioskQuestion *pO = pT==q ? p : q;
        /* two term questions: the other's fact is only its lesson anchor */
        if( strcmp(pO->zTopic, "term")==0 ) pT = 0;
        for(a=0; pT && a<pO->nFact; a++){
          RCHECK(q, sqlInt(db, "SELECT count(*) FROM organizations o JOIN"
                           " glossary g ON g.term=o.abbrev OR g.term=o.name"
                           " WHERE o.id=?1 AND g.term=?2", "tt",
                           pO->azFact[a], pT->zAnswer)==0,
                 "a term and the organization it names");
        }
      }
      if( strcmp(q->zTopic, "term") && strcmp(p->zTopic, "term") ){
        RULE(R_RULE_SUBJECT);
      }
    }
    RULE(R_RULE_ONCE);
    /* no question's answer stands in another's prompt */
    for(j=0; j<pQuiz->nQuestion; j++){
      const KioskQuestion *p = pQuiz->apQuestion[j];
      char zA[64];
      const char *zAns = p->zAnswer;
      if( j==i ) continue;
      if( p->eKind==KQ_YEAR ){
        if( p->rTol>0 ) continue;
        sqlite3_snprintf((int)sizeof(zA), zA, "%.0f", p->rValue);
        zAns = zA;
      }else if( p->eKind!=KQ_CHOICE && p->eKind!=KQ_TEXT
             && p->eKind!=KQ_NUMBER ){
        continue;
      }
      if( zAns==0 ) continue;
      {
        char *zF = kioskNormalizeFold(zAns), *zP = kioskNormalizeFold(q->zPrompt);
        char *zPad = sqlite3_mprintf(" %s ", zP), *zNeedle = sqlite3_mprintf(" %s ", zF);
        char *zNeedleS = sqlite3_mprintf(" %ss ", zF);
        if( strlen(zF)>=4 ){
          RCHECK(q, strstr(zPad, zNeedle)==0 && strstr(zPad, zNeedleS)==0,
                 "no answer of another question in the prompt");
        }
        sqlite3_free(zF); sqlite3_free(zP); sqlite3_free(zPad);
        sqlite3_free(zNeedle); sqlite3_free(zNeedleS);
      }
    }
    RULE(R_RULE_CROSS);
  }
}

static void testRules(sqlite3 *db, const char *zName, int nSeed){
  static const KioskQKind aKind[] = { KQ_CHOICE, KQ_MULTI, KQ_TF, KQ_YEAR,
    KQ_NUMBER, KQ_TEXT, KQ_ORDER, KQ_MATCH };
  sqlite3_stmt *pStage = 0;
  char *azStage[32], *azTermSeen[256];
  int nStage = 0, iSeed, k, nQ = 0, nQuiz = 0, nTermSeen = 0, nAskable = 0;
  sqlite3_prepare_v2(db, "SELECT id FROM stages ORDER BY ord", -1, &pStage, 0);
  while( sqlite3_step(pStage)==SQLITE_ROW && nStage<32 ){
    azStage[nStage++] = strdup((const char *)sqlite3_column_text(pStage, 0));
  }
  sqlite3_finalize(pStage);
  for(iSeed=0; iSeed<nSeed; iSeed++){
    for(k=-1; k<nStage+8; k++){
      KioskQuizSpec spec;
      KioskQuiz quiz;
      KioskError err;
      const char *az[1];
      memset(&spec, 0, sizeof(spec));
      memset(&quiz, 0, sizeof(quiz));
      spec.iSeed = (uint64_t)iSeed;
      spec.nQuestion = k<0 ? 20 : 10;
      if( k>=0 && k<nStage ){
        az[0] = azStage[k];
        spec.azStage = az;
        spec.nStage = 1;
      }else if( k>=nStage ){
        spec.mKind = 1u<<aKind[k-nStage];
      }
      if( kioskQuizGenerate(db, &spec, &quiz, &err) ){
        nCheck++; nFail++;
        fprintf(stderr, "quiz failed: %s\n", err.zMsg);
        continue;
      }
      checkRules(db, &quiz, &spec);
      {
        int i2;
        for(i2=0; i2<quiz.nQuestion; i2++){
          const char *zId = quiz.apQuestion[i2]->zId;
          /* "gen:term-what-<term>:..." and "gen:why-<claim>:..." */
          int bWhy = strncmp(zId, "gen:why-", 8)==0;
          if( bWhy || strncmp(zId, "gen:term-what-", 14)==0 ){
            const char *zStart = zId + (bWhy ? 8 : 14);
            const char *zEnd = strchr(zStart, ':');
            char zT[64];
            int nT = zEnd ? (int)(zEnd-zStart) : 0, j2;
            if( nT<=0 || nT>=60 ) continue;
            memcpy(zT, bWhy ? "cl-" : "", bWhy ? 3 : 0);
            memcpy(zT+(bWhy ? 3 : 0), zStart, (size_t)nT);
            zT[nT+(bWhy ? 3 : 0)] = 0;
            for(j2=0; j2<nTermSeen && strcmp(azTermSeen[j2], zT); j2++){}
            if( j2==nTermSeen && nTermSeen<256 ) azTermSeen[nTermSeen++] = strdup(zT);
          }
        }
      }
      nQ += quiz.nQuestion;
      nQuiz++;
      kioskQuizReset(&quiz);
    }
  }
  /* every glossary term and every authored claim can be asked (the facts
  ** of the fact tables: testCoverage) */
  sqlite3_prepare_v2(db, "SELECT id FROM glossary UNION ALL"
                     " SELECT id FROM claims", -1, &pStage, 0);
  while( sqlite3_step(pStage)==SQLITE_ROW ){
    const char *zT = (const char *)sqlite3_column_text(pStage, 0);
    int j2;
    for(j2=0; j2<nTermSeen && strcmp(azTermSeen[j2], zT); j2++){}
    nCheck++;
    if( j2==nTermSeen ){
      nFail++;
      fprintf(stderr, "%s: glossary term or claim %s never asked in %d"
              " seeds\n", zName, zT, nSeed);
    }
    nAskable++;
  }
  sqlite3_finalize(pStage);
  for(k=0; k<nTermSeen; k++) free(azTermSeen[k]);
  for(k=0; k<nStage; k++) free(azStage[k]);
  printf("%s: teacher's rules over %d quizzes (%d seeds x whole course, "
         "each stage, each kind), %d questions, %d broken; %d glossary terms"
         " and claims, each asked\n", zName, nQuiz, nSeed, nQ, nRuleFail,
         nAskable);
}

/* The subject rule's test can fail: quizzes made blind to subjects (a copy
** of the course with every subject cleared) break it, by the same check
** testRules runs, in some of 200 seeds; quizzes made knowing them never
** do. */
static void testSubjectRuleCanFail(sqlite3 *db){
  static const char *const azTable[] = { "events", "figures", "people",
    "organizations", "places", "initiatives", 0 };
  sqlite3 *dbBlind = openBundled();
  int iSeed, i, nBlind = 0, nSeeing = 0;
  if( dbBlind==0 ){ nCheck++; nFail++; return; }
  for(i=0; azTable[i]; i++){
    char *zSql = sqlite3_mprintf("UPDATE %w SET subject=NULL", azTable[i]);
    CHECK_INT(sqlite3_exec(dbBlind, zSql, 0, 0, 0), SQLITE_OK);
    sqlite3_free(zSql);
  }
  for(iSeed=0; iSeed<200; iSeed++){
    KioskQuizSpec spec;
    KioskQuiz quiz;
    KioskError err;
    memset(&spec, 0, sizeof(spec));
    spec.iSeed = (uint64_t)iSeed;
    spec.nQuestion = 20;
    memset(&quiz, 0, sizeof(quiz));
    CHECK_INT(kioskQuizGenerate(dbBlind, &spec, &quiz, &err), 0);
    nBlind += subjectClashes(db, &quiz, 0);
    kioskQuizReset(&quiz);
    memset(&quiz, 0, sizeof(quiz));
    CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
    nSeeing += subjectClashes(db, &quiz, 1);
    kioskQuizReset(&quiz);
  }
  CHECK(nBlind>0);
  CHECK_INT(nSeeing, 0);
  printf("subject rule: %d pairs of one subject in 200 quizzes made blind to"
         " subjects, %d made seeing them\n", nBlind, nSeeing);
  closeDb(dbBlind);
}

/* ---------------------------------------------------------------- tests */

static void testProperties(sqlite3 *db, const char *zName, int nSeed){
  KioskQuizSpec spec;
  int iSeed, nTotal = 0, nShort = 0;
  memset(&spec, 0, sizeof(spec));
  spec.nQuestion = 20;
  for(iSeed=0; iSeed<nSeed; iSeed++){
    int n;
    spec.iSeed = (uint64_t)iSeed * 0x9e3779b9u + 1;
    n = runQuiz(db, &spec);
    nTotal += n;
    if( n<20 ) nShort++;
  }
  CHECK_INT(nShort, 0);
  printf("%s: %d seeds, %d questions checked\n", zName, nSeed, nTotal);
}

/* Every kind alone, every topic alone, and stage filters. */
static void testFilters(sqlite3 *db, const char *zName){
  static const KioskQKind aKind[] = { KQ_CHOICE, KQ_MULTI, KQ_TF, KQ_YEAR,
    KQ_NUMBER, KQ_TEXT, KQ_ORDER, KQ_MATCH };
  KioskQuizSpec spec;
  int k, iSeed, nTotal = 0;
  memset(&spec, 0, sizeof(spec));
  spec.nQuestion = 10;
  for(k=0; k<8; k++){
    int n = 0;
    spec.mKind = 1u<<aKind[k];
    for(iSeed=0; iSeed<60; iSeed++){
      spec.iSeed = (uint64_t)iSeed;
      n += runQuiz(db, &spec);
    }
    nCheck++;
    if( n==0 ){
      nFail++;
      fprintf(stderr, "%s: no question of kind %s\n", zName,
              kioskQKindName(aKind[k]));
    }
    nTotal += n;
  }
  spec.mKind = 0;
  for(k=0; k<KIOSK_QUIZ_NTOPIC; k++){
    const char *az[1];
    int n = 0;
    az[0] = kioskQuizTopics[k];
    spec.azTopic = az;
    spec.nTopic = 1;
    for(iSeed=0; iSeed<60; iSeed++){
      KioskQuiz quiz;
      KioskError err;
      int i;
      spec.iSeed = (uint64_t)iSeed;
      memset(&quiz, 0, sizeof(quiz));
      CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
      for(i=0; i<quiz.nQuestion; i++){
        QCHECK(quiz.apQuestion[i],
               strcmp(quiz.apQuestion[i]->zTopic, az[0])==0);
        checkQuestion(db, quiz.apQuestion[i], &spec);
      }
      n += quiz.nQuestion;
      kioskQuizReset(&quiz);
    }
    nCheck++;
    if( n==0 ){
      nFail++;
      fprintf(stderr, "%s: no question of topic %s\n", zName, az[0]);
    }
    nTotal += n;
  }
  printf("%s: kind and topic filters, %d questions checked\n", zName, nTotal);
}

/*
** Over COVERAGE_SEEDS seeds of a stage's quiz (default count), every fact
** of the stage is asked at least once. A quiz asks one fact per subject,
** so a fact of a large subject (the 1992 pipeline has ten rows) needs
** more seeds than 100.
*/
#define COVERAGE_SEEDS 300
static void testCoverage(sqlite3 *db, const char *zName){
  sqlite3_stmt *pStage = 0, *pFact = 0;
  int nStage = 0, nFact = 0;
  sqlite3_prepare_v2(db, "SELECT id FROM stages ORDER BY ord", -1, &pStage, 0);
  sqlite3_prepare_v2(db, "SELECT id FROM facts WHERE stage=?1"
                     " AND support='stated' ORDER BY id",
                     -1, &pFact, 0);
  while( sqlite3_step(pStage)==SQLITE_ROW ){
    const char *zStage = (const char *)sqlite3_column_text(pStage, 0);
    const char *az[1];
    char **azSeen = 0;
    int nSeen = 0, iSeed, i, j;
    KioskQuizSpec spec;
    memset(&spec, 0, sizeof(spec));
    az[0] = zStage;
    spec.azStage = az;
    spec.nStage = 1;
    for(iSeed=0; iSeed<COVERAGE_SEEDS; iSeed++){
      KioskQuiz quiz;
      KioskError err;
      memset(&quiz, 0, sizeof(quiz));
      spec.iSeed = (uint64_t)iSeed;
      CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
      for(i=0; i<quiz.nQuestion; i++){
        const KioskQuestion *q = quiz.apQuestion[i];
        for(j=0; j<q->nFact; j++){
          azSeen = realloc(azSeen, sizeof(char *)*(size_t)(nSeen+1));
          azSeen[nSeen++] = strdup(q->azFact[j]);
        }
      }
      kioskQuizReset(&quiz);
    }
    sqlite3_bind_text(pFact, 1, zStage, -1, SQLITE_TRANSIENT);
    while( sqlite3_step(pFact)==SQLITE_ROW ){
      const char *zId = (const char *)sqlite3_column_text(pFact, 0);
      int bSeen = 0;
      for(i=0; i<nSeen && !bSeen; i++) bSeen = strcmp(azSeen[i], zId)==0;
      nCheck++;
      if( !bSeen ){
        nFail++;
        fprintf(stderr, "%s: fact %s of stage %s never asked in %d seeds\n",
                zName, zId, zStage, COVERAGE_SEEDS);
      }
      nFact++;
    }
    sqlite3_reset(pFact);
    for(i=0; i<nSeen; i++) free(azSeen[i]);
    free(azSeen);
    nStage++;
  }
  sqlite3_finalize(pStage);
  sqlite3_finalize(pFact);
  printf("%s: coverage of %d facts in %d stages over %d seeds each\n",
         zName, nFact, nStage, COVERAGE_SEEDS);
}

/* The same database, spec and seed give the same quiz, byte for byte; a
** second database loaded from the same source too. */
static char *quizJson(sqlite3 *db, const KioskQuizSpec *pSpec){
  KioskQuiz quiz;
  KioskError err;
  sqlite3_str *p = sqlite3_str_new(0);
  int i;
  memset(&quiz, 0, sizeof(quiz));
  kioskQuizGenerate(db, pSpec, &quiz, &err);
  for(i=0; i<quiz.nQuestion; i++){
    kioskQuestionJsonAppend(p, quiz.apQuestion[i], KIOSK_QJSON_KEY);
    sqlite3_str_appendchar(p, 1, '\n');
  }
  kioskQuizReset(&quiz);
  return sqlite3_str_finish(p);
}

static void testDeterminism(sqlite3 *db, sqlite3 *db2){
  KioskQuizSpec spec;
  int iSeed, nDiffer = 0;
  char *zPrev = 0;
  memset(&spec, 0, sizeof(spec));
  spec.nQuestion = 20;
  for(iSeed=0; iSeed<50; iSeed++){
    char *zA, *zB, *zC;
    spec.iSeed = (uint64_t)iSeed;
    zA = quizJson(db, &spec);
    zB = quizJson(db, &spec);
    zC = quizJson(db2, &spec);
    CHECK(zA && zB && strcmp(zA, zB)==0);
    CHECK(zA && zC && strcmp(zA, zC)==0);
    if( zPrev && strcmp(zPrev, zA)!=0 ) nDiffer++;
    sqlite3_free(zPrev);
    sqlite3_free(zB);
    sqlite3_free(zC);
    zPrev = zA;
  }
  sqlite3_free(zPrev);
  CHECK_INT(nDiffer, 49);   /* other seeds, other quizzes */
}

static void testErrors(sqlite3 *db){
  KioskQuizSpec spec;
  KioskQuiz quiz;
  KioskError err;
  const char *azBad[] = { "no-such-stage" };
  const char *azTopic[] = { "weather" };
  const char *azNum[] = { "2" };
  memset(&spec, 0, sizeof(spec));
  memset(&quiz, 0, sizeof(quiz));
  spec.azStage = azBad;
  spec.nStage = 1;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), KIOSK_EQUIZ);
  CHECK_STR(err.zCode, "STAGE");
  CHECK_STR(err.zMsg, "quiz: unknown stage \"no-such-stage\"");
  CHECK_INT(quiz.nQuestion, 0);
  spec.nStage = 0;
  spec.azTopic = azTopic;
  spec.nTopic = 1;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), KIOSK_EARG);
  CHECK_STR(err.zCode, "TOPIC");
  CHECK_STR(err.zMsg, "quiz: unknown topic \"weather\"");
  spec.nTopic = 0;
  spec.nQuestion = KIOSK_QUIZ_MAX_COUNT+1;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), KIOSK_EARG);
  CHECK_STR(err.zCode, "COUNT");
  /* a stage by its number */
  spec.nQuestion = 5;
  spec.azStage = azNum;
  spec.nStage = 1;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
  CHECK_INT(quiz.nQuestion, 5);
  if( quiz.nQuestion>0 ) CHECK_STR(quiz.apQuestion[0]->zStage, "s2");
  kioskQuizReset(&quiz);
  /* defaults: 10 questions */
  memset(&spec, 0, sizeof(spec));
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
  CHECK_INT(quiz.nQuestion, 10);
  kioskQuizReset(&quiz);
  /* an empty course: no question, no error */
  {
    sqlite3 *dbEmpty = 0;
    kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &dbEmpty, &err);
    CHECK_INT(kioskQuizGenerate(dbEmpty, &spec, &quiz, &err), 0);
    CHECK_INT(quiz.nQuestion, 0);
    sqlite3_close(dbEmpty);
  }
  /* appending keeps what the quiz held */
  spec.nQuestion = 3;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
  spec.iSeed = 1;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
  CHECK_INT(quiz.nQuestion, 6);
  spec.azStage = azBad;
  spec.nStage = 1;
  CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), KIOSK_EQUIZ);
  CHECK_INT(quiz.nQuestion, 6);
  kioskQuizReset(&quiz);
}

/* The traps of the fixture, asked for directly. */
/* An authored question whose answer alone shares a word with it is never
** asked; the other is. */
static void testClaimTrap(sqlite3 *db){
  KioskQuizSpec spec;
  const char *az[1] = { "why" };
  int iSeed, nAims = 0, nTrap = 0, i;
  memset(&spec, 0, sizeof(spec));
  spec.azTopic = az;
  spec.nTopic = 1;
  for(iSeed=0; iSeed<100; iSeed++){
    KioskQuiz quiz;
    KioskError err;
    memset(&quiz, 0, sizeof(quiz));
    spec.iSeed = (uint64_t)iSeed;
    CHECK_INT(kioskQuizGenerate(db, &spec, &quiz, &err), 0);
    for(i=0; i<quiz.nQuestion; i++){
      if( strncmp(quiz.apQuestion[i]->zId, "gen:why-aims:", 13)==0 ) nAims++;
      if( strncmp(quiz.apQuestion[i]->zId, "gen:why-trap:", 13)==0 ) nTrap++;
    }
    kioskQuizReset(&quiz);
  }
  CHECK(nAims>0);
  CHECK_INT(nTrap, 0);
}

static void testTraps(sqlite3 *db){
  KioskQuizSpec spec;
  int iSeed, nGrantsWhich = 0, nDialogAbsent = 0;
  const char *azTopic[1];
  memset(&spec, 0, sizeof(spec));
  spec.nQuestion = 30;
  azTopic[0] = "figure";
  spec.azTopic = azTopic;
  spec.nTopic = 1;
  for(iSeed=0; iSeed<300; iSeed++){
    KioskQuiz quiz;
    KioskError err;
    int i, j;
    memset(&quiz, 0, sizeof(quiz));
    spec.iSeed = (uint64_t)iSeed;
    kioskQuizGenerate(db, &spec, &quiz, &err);
    for(i=0; i<quiz.nQuestion; i++){
      const KioskQuestion *q = quiz.apQuestion[i];
      if( strcmp(q->zId, "gen:figure-which:f-grants")==0 ){
        /* $2.5 billion: the FDI stock in Uzbekistan is never wrong */
        nGrantsWhich++;
        for(j=0; j<q->nOption; j++){
          CHECK(strcmp(q->aOption[j].zText, "FDI stock in Uzbekistan")!=0);
        }
      }
      if( strcmp(q->zId, "gen:figure-amount:f-aid-uz")==0 ){
        /* the other source's $400 million is never wrong either */
        for(j=0; j<q->nOption; j++){
          CHECK(strcmp(q->aOption[j].zText, "$400 million")!=0);
        }
      }
      CHECK(strcmp(q->zId, "gen:figure-typed:f-aid-uz")!=0);
    }
    kioskQuizReset(&quiz);
  }
  /* figure-which draws its wrong options from the figure's group only
  ** (a label from elsewhere is another kind of thing): f-grants has no
  ** group, so it is never asked that way and the trap cannot spring */
  CHECK(nGrantsWhich==0);
  azTopic[0] = "initiative";
  for(iSeed=0; iSeed<300; iSeed++){
    KioskQuiz quiz;
    KioskError err;
    int i;
    memset(&quiz, 0, sizeof(quiz));
    spec.iSeed = (uint64_t)iSeed;
    kioskQuizGenerate(db, &spec, &quiz, &err);
    for(i=0; i<quiz.nQuestion; i++){
      const KioskQuestion *q = quiz.apQuestion[i];
      if( strcmp(q->zId, "gen:initiative-absent:i-dialog")==0 ){
        nDialogAbsent++;
        CHECK_STR(q->zAnswer, "Turkmenistan");
      }
      /* Koizumi's plans name their launcher: no "who" question on them */
      CHECK(strcmp(q->zId, "gen:initiative-who:i-energy")!=0);
    }
    kioskQuizReset(&quiz);
  }
  CHECK(nDialogAbsent>0);
}

/* Subject-verb agreement: a name whose head noun is plural takes
** "were". */
static void testPlural(void){
  static const struct { const char *z; int b; } a[] = {
    { "Koizumi\xe2\x80\x99s energy cooperation plans for Central Asia", 1 },
    { "Six-party talks", 1 },
    { "Roadmap for trade, economic and transport cooperation", 0 },
    { "Arc of Freedom and Prosperity", 0 },
    { "Central Asia plus Japan Dialog", 0 },
    { "Samarkand Declaration", 0 },
    { "the United States", 0 },
    { "Japanese embassies opened in the 1990s", 0 },
    { "Economics of the region", 0 },
    { "Trans-Asia Gas Pipeline", 0 },
    { "Belt and Road", 0 },
    { "Business ties", 1 },
    { "Status", 0 },
  };
  int i;
  for(i=0; i<(int)(sizeof(a)/sizeof(a[0])); i++){
    if( qPlural(a[i].z)!=a[i].b ){
      fprintf(stderr, "qPlural(\"%s\") is not %d\n", a[i].z, a[i].b);
    }
    CHECK(qPlural(a[i].z)==a[i].b);
  }
  CHECK(strcmp(qWas("Koizumi\xe2\x80\x99s plans"), "were")==0);
  CHECK(strcmp(qWas("Silk Road Action Plan"), "was")==0);
}

int main(void){
  sqlite3 *dbFix = openFixture(), *dbFix2 = openFixture();
  sqlite3 *dbCourse = openBundled(), *dbCourse2 = openBundled();
  int i;

  testPlural();
  testErrors(dbFix);
  testTraps(dbFix);
  testClaimTrap(dbFix);
  testProperties(dbFix, "fixture", 2000);
  testFilters(dbFix, "fixture");
  testCoverage(dbFix, "fixture");
  testDeterminism(dbFix, dbFix2);
  if( dbCourse && dbCourse2 ){
    testRules(dbCourse, "bundled course", 200);
    testSubjectRuleCanFail(dbCourse);
    testProperties(dbCourse, "bundled course", 2000);
    testFilters(dbCourse, "bundled course");
    testCoverage(dbCourse, "bundled course");
    testDeterminism(dbCourse, dbCourse2);
  }else{
    nCheck++;
    nFail++;
    fprintf(stderr, "the bundled course could not be loaded "
            "(KIOSK_COURSEDIR)\n");
  }
  for(i=0; i<R_N; i++){
    printf("  rule %-36s %7d\n", azRule[i], aRuleCount[i]);
    nCheck++;
    if( aRuleCount[i]==0 ){
      nFail++;
      fprintf(stderr, "rule \"%s\" was never exercised\n", azRule[i]);
    }
  }
  printf("questions checked: %d\n", nQuestionChecked);
  closeDb(dbFix);
  closeDb(dbFix2);
  closeDb(dbCourse);
  closeDb(dbCourse2);
  return HARNESS_DONE("test-quiz");
}
