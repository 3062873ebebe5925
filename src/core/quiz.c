/*
** quiz.c: the quiz generator's driver and the helpers its forms share.
**
** kioskQuizMake picks a topic for each slot (weighted: dates, figures and
** initiatives first), the topic picks a random fact of the chosen stages
** by a rowid probe on the table's stage index and tries its question forms
** in random order; a form either builds a complete question whose wrong
** options it has checked, or gives up. The per-attempt strings live in an
** arena, freed after each attempt; questions own their own copies.
** The forms are in quiz-dates.c, quiz-figures.c, quiz-initiatives.c and
** quiz-named.c.
*/
#include "quizint.h"
#include "normalize.h"
#include "score.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const kioskQuizTopics[KIOSK_QUIZ_NTOPIC + 1] = {
  "date", "figure", "initiative", "person", "organization", "place",
  "chronology", "matching", "truefalse", "term", "why", 0
};

/* Per topic: weight, the kinds its forms make, the tables it draws its
** facts from (one must have facts in the chosen stages), its maker. */
static const struct TopicDef {
  int iWeight;
  unsigned mKind;
  unsigned mTable;
  KioskQuestion *(*xMake)(QuizGen *);
} aTopic[KIOSK_QUIZ_NTOPIC] = {
  { 5, (1u<<KQ_CHOICE)|(1u<<KQ_MULTI)|(1u<<KQ_YEAR), 1u<<QT_EVENT,
    quizDate },
  { 4, (1u<<KQ_CHOICE)|(1u<<KQ_NUMBER), 1u<<QT_FIGURE, quizFigure },
  { 4, (1u<<KQ_CHOICE)|(1u<<KQ_YEAR)|(1u<<KQ_TEXT), 1u<<QT_INIT,
    quizInitiative },
  { 1, (1u<<KQ_CHOICE)|(1u<<KQ_TEXT), 1u<<QT_PERSON, quizPerson },
  { 1, (1u<<KQ_CHOICE), 1u<<QT_ORG, quizOrganization },
  { 2, (1u<<KQ_CHOICE)|(1u<<KQ_TEXT), 1u<<QT_PLACE, quizPlace },
  { 1, (1u<<KQ_ORDER), 1u<<QT_EVENT, quizChronology },
  { 1, (1u<<KQ_MATCH), 1u<<QT_INIT, quizMatching },
  { 2, (1u<<KQ_TF), (1u<<QT_EVENT)|(1u<<QT_FIGURE)|(1u<<QT_INIT),
    quizTrueFalse },
  { 2, (1u<<KQ_CHOICE), (1u<<QT_N)-1, quizTerm },
  { 3, (1u<<KQ_CHOICE), (1u<<QT_N)-1, quizWhy },
};

/* Per table: name and the probe statements (stage-bound and whole). */
static const struct TableDef {
  const char *zName;
  const char *zProbeStage;   /* ?1 stage, ?2 rowid */
  const char *zProbeAll;     /* ?1 rowid */
  const char *zLoStage, *zHiStage, *zLoAll, *zHiAll;
} aTable[QT_N] = {
#define TABLE(T, C) { T, \
    "SELECT " C ", subject, support FROM " T " WHERE stage=?1" \
    " AND rowid>=?2 ORDER BY rowid LIMIT 1", \
    "SELECT " C ", subject, support FROM " T " WHERE rowid>=?1" \
    " ORDER BY rowid LIMIT 1", \
    "SELECT rowid FROM " T " WHERE stage=?1 ORDER BY rowid LIMIT 1", \
    "SELECT rowid FROM " T " WHERE stage=?1 ORDER BY rowid DESC LIMIT 1", \
    "SELECT rowid FROM " T " ORDER BY rowid LIMIT 1", \
    "SELECT rowid FROM " T " ORDER BY rowid DESC LIMIT 1" }
  TABLE("events", EV_COLS),
  TABLE("figures", FG_COLS),
  TABLE("initiatives", IN_COLS),
  TABLE("people", PE_COLS),
  TABLE("organizations", OR_COLS),
  TABLE("places", PL_COLS),
#undef TABLE
};

/* ---------------------------------------------------------------- arena */

struct ArenaBlock {
  ArenaBlock *pNext;
  size_t nUsed, nSize;
  /* data follows */
};

#define ARENA_BLOCK 16384

static void *arenaAlloc(Arena *p, size_t n){
  ArenaBlock *b = p->pFirst;
  char *z;
  n = (n+7) & ~(size_t)7;
  if( b==0 || b->nUsed+n>b->nSize ){
    size_t nSize = n>ARENA_BLOCK ? n : ARENA_BLOCK;
    b = sqlite3_malloc64(sizeof(ArenaBlock)+nSize);
    if( b==0 ) return 0;
    b->nUsed = 0;
    b->nSize = nSize;
    b->pNext = p->pFirst;
    p->pFirst = b;
  }
  z = (char *)(b+1) + b->nUsed;
  b->nUsed += n;
  return z;
}

/* Free all blocks but one, which is emptied for reuse. */
static void arenaReset(Arena *p, int bKeep){
  ArenaBlock *b = p->pFirst, *pKeep = 0;
  while( b ){
    ArenaBlock *pNext = b->pNext;
    if( bKeep && pKeep==0 && b->nSize==ARENA_BLOCK ){
      pKeep = b;
      pKeep->nUsed = 0;
      pKeep->pNext = 0;
    }else{
      sqlite3_free(b);
    }
    b = pNext;
  }
  p->pFirst = pKeep;
}

/* ---------------------------------------------------------------- errors */

int qOom(QuizGen *g){
  if( g->rc==0 ){
    g->rc = kioskErrorSet(g->pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                          "out of memory");
  }
  return g->rc;
}

static int dbError(QuizGen *g){
  if( g->rc==0 ){
    g->rc = kioskErrorSet(g->pErr, KIOSK_EDB, "QUERY", 0, 0, 0,
                          "quiz: %s", sqlite3_errmsg(g->db));
  }
  return g->rc;
}

/* ---------------------------------------------------------------- strings */

const char *qStr(QuizGen *g, const char *z){
  size_t n;
  char *zNew;
  if( z==0 ) return 0;
  n = strlen(z);
  zNew = arenaAlloc(&g->arena, n+1);
  if( zNew==0 ){ qOom(g); return 0; }
  memcpy(zNew, z, n+1);
  return zNew;
}

const char *qPrintf(QuizGen *g, const char *zFmt, ...){
  va_list ap;
  char *z;
  const char *zOut;
  va_start(ap, zFmt);
  z = sqlite3_vmprintf(zFmt, ap);
  va_end(ap);
  if( z==0 ){ qOom(g); return 0; }
  zOut = qStr(g, z);
  sqlite3_free(z);
  return zOut;
}

const char *qFold(QuizGen *g, const char *z){
  char *zF = kioskNormalizeFold(z ? z : "");
  const char *zOut;
  if( zF==0 ){ qOom(g); return ""; }
  zOut = qStr(g, zF);
  sqlite3_free(zF);
  return zOut ? zOut : "";
}

int qSameText(QuizGen *g, const char *a, const char *b){
  if( a==0 || b==0 ) return a==b;
  return strcmp(qFold(g, a), qFold(g, b))==0;
}

uint64_t qRand(QuizGen *g, uint64_t n){
  return kioskPrngBelow(&g->rng, n);
}

void qShuffle(QuizGen *g, void *a, int n, int sz){
  kioskPrngShuffle(&g->rng, a, n, sz);
}

/* ---------------------------------------------------------------- SQL */

static sqlite3_stmt *qStmt(QuizGen *g, const char *zSql){
  KioskQuizMaker *m = g->pMaker;
  sqlite3_stmt *pStmt = 0;
  int i;
  for(i=0; i<m->nStmt; i++){
    if( m->aStmt[i].zSql==zSql ){
      pStmt = m->aStmt[i].pStmt;
      sqlite3_reset(pStmt);
      sqlite3_clear_bindings(pStmt);
      return pStmt;
    }
  }
  if( sqlite3_prepare_v3(g->db, zSql, -1, SQLITE_PREPARE_PERSISTENT,
                         &pStmt, 0)!=SQLITE_OK ){
    dbError(g);
    return 0;
  }
  if( m->nStmt<QUIZ_MAXSTMT ){
    m->aStmt[m->nStmt].zSql = zSql;
    m->aStmt[m->nStmt].pStmt = pStmt;
    m->nStmt++;
  }else{
    /* more statements than the cache holds: a programming error */
    sqlite3_finalize(pStmt);
    g->rc = kioskErrorSet(g->pErr, KIOSK_EQUIZ, "INTERNAL", 0, 0, 0,
                          "quiz: statement cache full");
    return 0;
  }
  return pStmt;
}

static int bindList(QuizGen *g, sqlite3_stmt *pStmt, int iFirst,
                    const char *zBind, va_list ap){
  int i, rc = SQLITE_OK;
  for(i=0; zBind && zBind[i] && rc==SQLITE_OK; i++){
    int iParam = iFirst+i;
    switch( zBind[i] ){
      case 't': {
        const char *z = va_arg(ap, const char *);
        rc = z ? sqlite3_bind_text(pStmt, iParam, z, -1, SQLITE_TRANSIENT)
               : sqlite3_bind_null(pStmt, iParam);
        break;
      }
      case 'i':
        rc = sqlite3_bind_int64(pStmt, iParam, va_arg(ap, sqlite3_int64));
        break;
      case 'd':
        rc = sqlite3_bind_double(pStmt, iParam, va_arg(ap, double));
        break;
      default:
        rc = sqlite3_bind_null(pStmt, iParam);
        break;
    }
  }
  if( rc!=SQLITE_OK ) return dbError(g);
  return 0;
}

/* Step pStmt, copying up to nMax rows. Returns the count or -1. */
static int fetchRows(QuizGen *g, sqlite3_stmt *pStmt, Row *aRow, int nMax){
  int n = 0, rc;
  while( n<nMax && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    Row *r = &aRow[n];
    int i, nCol = sqlite3_column_count(pStmt);
    if( nCol>ROW_MAXCOL ) nCol = ROW_MAXCOL;
    r->nCol = nCol;
    for(i=0; i<nCol; i++){
      if( sqlite3_column_type(pStmt, i)==SQLITE_NULL ){
        r->az[i] = 0;
        r->ar[i] = 0;
      }else{
        r->ar[i] = sqlite3_column_double(pStmt, i);
        r->az[i] = qStr(g, (const char *)sqlite3_column_text(pStmt, i));
        if( r->az[i]==0 ){ sqlite3_reset(pStmt); return -1; }
      }
    }
    n++;
  }
  if( n<nMax && rc!=SQLITE_DONE ){
    dbError(g);
    sqlite3_reset(pStmt);
    return -1;
  }
  sqlite3_reset(pStmt);
  return n;
}

int qFetch(QuizGen *g, const char *zSql, Row *aRow, int nMax,
           const char *zBind, ...){
  va_list ap;
  sqlite3_stmt *pStmt;
  if( g->rc ) return -1;
  pStmt = qStmt(g, zSql);
  if( pStmt==0 ) return -1;
  va_start(ap, zBind);
  if( bindList(g, pStmt, 1, zBind, ap) ){ va_end(ap); return -1; }
  va_end(ap);
  return fetchRows(g, pStmt, aRow, nMax);
}

/* One rowid from zSql (parameter ?1 text when zStage), or lo>hi: none. */
static int spanEnd(QuizGen *g, const char *zSql, const char *zStage,
                   sqlite3_int64 *piRowid){
  sqlite3_stmt *pStmt = qStmt(g, zSql);
  int rc;
  if( pStmt==0 ) return -1;
  if( zStage ) sqlite3_bind_text(pStmt, 1, zStage, -1, SQLITE_STATIC);
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    *piRowid = sqlite3_column_int64(pStmt, 0);
    sqlite3_reset(pStmt);
    return 1;
  }
  sqlite3_reset(pStmt);
  if( rc!=SQLITE_DONE ){ dbError(g); return -1; }
  return 0;
}

/* Fill g's spans for the chosen stages (or the whole tables). */
static int loadSpans(QuizGen *g, int nStage, const char *const *azStage){
  int t, i;
  for(t=0; t<QT_N; t++){
    const struct TableDef *d = &aTable[t];
    sqlite3_int64 lo = 1, hi = 0;
    if( spanEnd(g, d->zLoAll, 0, &lo)<0 ) return -1;
    if( spanEnd(g, d->zHiAll, 0, &hi)<0 ) return -1;
    g->aAll[t].lo = lo;
    g->aAll[t].hi = hi;
    g->aAll[t].zStage = 0;
    if( lo>hi ){ g->aAll[t].lo = 1; g->aAll[t].hi = 0; }
    g->aSpan[t] = sqlite3_malloc64(sizeof(Span)*(size_t)(nStage ? nStage : 1));
    if( g->aSpan[t]==0 ) return qOom(g);
    g->aNSpan[t] = 0;
    g->aSpanTotal[t] = 0;
    if( nStage==0 ){
      if( g->aAll[t].lo<=g->aAll[t].hi ){
        g->aSpan[t][0] = g->aAll[t];
        g->aNSpan[t] = 1;
        g->aSpanTotal[t] = g->aAll[t].hi - g->aAll[t].lo + 1;
      }
      continue;
    }
    for(i=0; i<nStage; i++){
      int rcLo, rcHi;
      Span s;
      s.zStage = azStage[i];
      rcLo = spanEnd(g, d->zLoStage, s.zStage, &s.lo);
      if( rcLo<0 ) return -1;
      if( rcLo==0 ) continue;
      rcHi = spanEnd(g, d->zHiStage, s.zStage, &s.hi);
      if( rcHi<0 ) return -1;
      g->aSpan[t][g->aNSpan[t]++] = s;
      g->aSpanTotal[t] += s.hi - s.lo + 1;
    }
  }
  return 0;
}

/* One probe of qProbe: a random row of t, 1 when it may be asked. */
static int probeOnce(QuizGen *g, QTable t, Row *pRow){
  sqlite3_int64 r, iRowid = 0;
  int i, n;
  const Span *s = 0;
  r = (sqlite3_int64)qRand(g, (uint64_t)g->aSpanTotal[t]);
  for(i=0; i<g->aNSpan[t]; i++){
    sqlite3_int64 nLen = g->aSpan[t][i].hi - g->aSpan[t][i].lo + 1;
    if( r<nLen ){ s = &g->aSpan[t][i]; iRowid = s->lo + r; break; }
    r -= nLen;
  }
  if( s==0 ) return 0;
  if( s->zStage ){
    n = qFetch(g, aTable[t].zProbeStage, pRow, 1, "ti", s->zStage, iRowid);
  }else{
    n = qFetch(g, aTable[t].zProbeAll, pRow, 1, "i", iRowid);
  }
  if( n<0 ) return -1;
  /* only what the article states is asked (schema.sql: support) */
  if( n==1 && (pRow->nCol<3 || pRow->az[pRow->nCol-1]==0
               || strcmp(pRow->az[pRow->nCol-1], "stated")!=0) ) n = 0;
  /* a fact asked already, or its subject: no question on it in this
  ** quiz (kioskQuizMake checks the question's other facts) */
  if( n==1 && qIsUsed(g, pRow->az[0]) ) n = 0;
  if( n==1 && pRow->az[pRow->nCol-2] ){
    const char *zKey = qSubjectKey(g, pRow->az[pRow->nCol-2]);
    if( zKey==0 ) return -1;
    if( qIsUsed(g, zKey) ) n = 0;
  }
  if( n==1 ) pRow->nCol -= 2;
  return n;
}

/* A few probes before giving up: once most subjects of a stage are asked,
** one probe finds a free fact rarely, and the quiz would end dry before
** its stages are. */
#define QUIZ_PROBES 6

int qProbe(QuizGen *g, QTable t, Row *pRow){
  int k, n = 0;
  if( g->rc ) return -1;
  if( g->aSpanTotal[t]<=0 ) return 0;
  for(k=0; k<QUIZ_PROBES && n==0; k++) n = probeOnce(g, t, pRow);
  return n;
}

int qProbeList(QuizGen *g, QTable t, const char *zSql, Row *aRow, int nMax,
               const char *zBind, ...){
  sqlite3_int64 lo = g->aAll[t].lo, hi = g->aAll[t].hi, iStart;
  sqlite3_stmt *pStmt;
  int n = 0, nPass;
  va_list ap;
  if( g->rc ) return -1;
  if( lo>hi || nMax<=0 ) return 0;
  iStart = lo + (sqlite3_int64)qRand(g, (uint64_t)(hi-lo+1));
  for(nPass=0; nPass<2 && n<nMax; nPass++){
    int k;
    pStmt = qStmt(g, zSql);
    if( pStmt==0 ) return -1;
    sqlite3_bind_int64(pStmt, 1, nPass==0 ? iStart : lo);
    sqlite3_bind_int64(pStmt, 2, nMax-n);
    va_start(ap, zBind);
    if( bindList(g, pStmt, 3, zBind, ap) ){ va_end(ap); return -1; }
    va_end(ap);
    k = fetchRows(g, pStmt, aRow+n, nMax-n);
    if( k<0 ) return -1;
    if( nPass==1 ){
      /* the wrap-around pass must stop where the first began */
      int j, nKeep = 0;
      for(j=0; j<k; j++){
        /* rows are in rowid order; the statement's last column is the
        ** rowid */
        Row *r = &aRow[n+j];
        if( (sqlite3_int64)r->ar[r->nCol-1]>=iStart ) break;
        nKeep++;
      }
      k = nKeep;
    }
    n += k;
  }
  return n;
}

/* ---------------------------------------------------------------- used */

int qInStages(QuizGen *g, const char *zStage){
  int i;
  if( g->nStage==0 ) return 1;
  for(i=0; zStage && i<g->nStage; i++){
    if( g->azStage[i] && strcmp(g->azStage[i], zStage)==0 ) return 1;
  }
  return 0;
}

const char *qSubjectKey(QuizGen *g, const char *zSubject){
  return qPrintf(g, "subj:%s", zSubject);
}

int qIsUsed(QuizGen *g, const char *zKey){
  int i;
  for(i=0; i<g->nUsed; i++){
    if( strcmp(g->azUsed[i], zKey)==0 ) return 1;
  }
  return 0;
}

int qMarkUsed(QuizGen *g, const char *zKey){
  char *z;
  if( qIsUsed(g, zKey) ) return 0;
  if( g->nUsed>=g->nUsedAlloc ){
    int nNew = g->nUsedAlloc ? g->nUsedAlloc*2 : 64;
    char **azNew = sqlite3_realloc64(g->azUsed, sizeof(char *)*(size_t)nNew);
    if( azNew==0 ) return qOom(g);
    g->azUsed = azNew;
    g->nUsedAlloc = nNew;
  }
  z = kioskStrDup(zKey);
  if( z==0 ) return qOom(g);
  g->azUsed[g->nUsed++] = z;
  return 0;
}

/* ---------------------------------------------------------------- options */

int qOptHas(QuizGen *g, const QOpts *p, const char *zText){
  int i;
  for(i=0; i<p->n; i++){
    if( qSameText(g, p->a[i].zText, zText) ) return 1;
  }
  return 0;
}

int qOptAdd(QuizGen *g, QOpts *p, const char *zText, double rCredit,
            const char *zFact, double rSort){
  if( zText==0 || p->n>=QUIZ_MAXOPT || qOptHas(g, p, zText) ) return 0;
  p->a[p->n].zText = zText;
  p->a[p->n].rCredit = rCredit;
  p->a[p->n].zFact = zFact;
  p->a[p->n].rSort = rSort;
  p->n++;
  return 1;
}

static int cmpOpt(const void *a, const void *b){
  const QOpt *x = a, *y = b;
  if( x->rSort<y->rSort ) return -1;
  if( x->rSort>y->rSort ) return 1;
  return strcmp(x->zText, y->zText);
}

int qOptsToQuestion(QuizGen *g, KioskQuestion *q, QOpts *p, int bSort){
  int i;
  if( bSort ) qsort(p->a, (size_t)p->n, sizeof(QOpt), cmpOpt);
  else qShuffle(g, p->a, p->n, (int)sizeof(QOpt));
  for(i=0; i<p->n; i++){
    if( kioskQuestionAddOption(q, p->a[i].zText, p->a[i].rCredit, 0,
                               p->a[i].zFact) ){
      return qOom(g);
    }
  }
  return 0;
}

/* ---------------------------------------------------------------- questions */

int qKindOk(QuizGen *g, KioskQKind e){
  return (g->mKind & (1u<<e))!=0;
}

KioskQuestion *qDrop(KioskQuestion *q){
  kioskQuestionFree(q);
  return 0;
}

int qSet(QuizGen *g, char **pz, const char *z){
  char *zNew;
  if( z==0 ) return g->rc;
  zNew = kioskStrDup(z);
  if( zNew==0 ) return qOom(g);
  sqlite3_free(*pz);
  *pz = zNew;
  return 0;
}

KioskQuestion *qNew(QuizGen *g, KioskQKind eKind, const char *zTopic,
                    const char *zStage){
  KioskQuestion *q;
  if( g->rc ) return 0;
  q = kioskQuestionNew();
  if( q==0 ){ qOom(g); return 0; }
  q->eKind = eKind;
  if( qSet(g, &q->zTopic, zTopic) || qSet(g, &q->zStage, zStage) ){
    return qDrop(q);
  }
  return q;
}

static const char zLessonSql[] =
  "SELECT r.stage, r.para FROM lesson_refs r JOIN stages s ON s.id=r.stage"
  " WHERE r.target=?1 AND r.kind='fact'"
  " ORDER BY r.stage<>?2, s.ord, r.para LIMIT 1";

int qFact(QuizGen *g, KioskQuestion *q, const char *zFact,
          const char *zSource){
  int i;
  if( g->rc ) return g->rc;
  for(i=0; i<q->nFact; i++){
    if( strcmp(q->azFact[i], zFact)==0 ) break;
  }
  if( i==q->nFact && kioskQuestionAddFact(q, zFact) ) return qOom(g);
  if( zSource ){
    for(i=0; i<q->nSource; i++){
      if( strcmp(q->azSource[i], zSource)==0 ) break;
    }
    if( i==q->nSource && kioskQuestionAddSource(q, zSource) ) return qOom(g);
  }
  if( q->zLessonStage==0 ){
    Row r;
    int n = qFetch(g, zLessonSql, &r, 1, "tt", zFact, q->zStage);
    if( n<0 ) return g->rc;
    if( n==1 ){
      if( qSet(g, &q->zLessonStage, r.az[0]) ) return g->rc;
      q->iLessonPara = (int)r.ar[1];
    }
  }
  return 0;
}

KioskQuestion *qFinish(QuizGen *g, KioskQuestion *q, const char *zForm){
  char *zId;
  int i;
  if( q==0 ) return 0;
  if( g->rc ) return qDrop(q);
  zId = sqlite3_mprintf("gen:%s-%s", q->zTopic, zForm);
  for(i=0; zId && i<q->nFact; i++){
    char *zNew = sqlite3_mprintf("%s:%s", zId, q->azFact[i]);
    sqlite3_free(zId);
    zId = zNew;
  }
  if( zId==0 ){ qOom(g); return qDrop(q); }
  sqlite3_free(q->zId);
  q->zId = zId;
  if( q->zAnswer==0 ){
    /* order and match: the answer in words from the key itself */
    q->zAnswer = kioskQuestionExpected(q);
    if( q->zAnswer==0 ){ qOom(g); return qDrop(q); }
  }
  if( qIsUsed(g, zId) ) return qDrop(q);
  if( qGiveaway(g, q, zForm) || g->rc ) return qDrop(q);
  return q;
}

/* ---------------------------------------------------------------- giveaway
**
** A question must not carry its answer: "Which country launched the EU
** Central Asia Strategy?", "Who launched Koizumi's energy plans?", "In
** which year was the 2014 Joint Statement adopted?". qNameIn looks for a
** name in a text as whole words, after folding (a possessive "s" may
** follow: "Koizumi's"); a country is found by its name, its id in capitals
** ("EU", "US", "U.S.") and words made from its name ("Japanese",
** "Chinese", "Uzbek"). */

static const char zCountryIdSql[] =
  "SELECT id FROM countries WHERE name=?1 LIMIT 1";
static const char zFactNameSql[] =
  "SELECT name, 1 FROM people WHERE id=?1"
  " UNION ALL SELECT name, 0 FROM organizations WHERE id=?1"
  " UNION ALL SELECT name, 0 FROM places WHERE id=?1"
  " UNION ALL SELECT name, 0 FROM initiatives WHERE id=?1 LIMIT 1";
static const char zFactNamesSql[] =
  "SELECT alias FROM aliases WHERE fact=?1"
  " UNION ALL SELECT abbrev FROM organizations WHERE id=?1 AND abbrev<>''"
  " LIMIT 32";

/* 1 when folded zNeedle stands in folded zHay at word boundaries; with
** bPrefix it may also be the start of a longer word. */
static int foldedWordIn(const char *zHay, const char *zNeedle, int bPrefix){
  size_t n = strlen(zNeedle);
  const char *p;
  if( n==0 ) return 0;
  for(p=strstr(zHay, zNeedle); p; p=strstr(p+1, zNeedle)){
    const char *e = p+n;
    if( p>zHay && p[-1]!=' ' ) continue;
    if( *e==0 || *e==' ' || bPrefix ) return 1;
    if( e[0]=='s' && (e[1]==0 || e[1]==' ') ) return 1;
  }
  return 0;
}

/* 1 when the exact (case-sensitive) zWord stands in z between
** non-letters. */
static int exactWordIn(const char *z, const char *zWord){
  size_t n = strlen(zWord);
  const char *p;
  if( n==0 ) return 0;
  for(p=strstr(z, zWord); p; p=strstr(p+1, zWord)){
    unsigned char b = p>z ? (unsigned char)p[-1] : ' ';
    unsigned char e = (unsigned char)p[n];
    int bAlnumB = (b>='A' && b<='Z') || (b>='a' && b<='z') || (b>='0' && b<='9');
    int bAlnumE = (e>='A' && e<='Z') || (e>='a' && e<='z') || (e>='0' && e<='9');
    if( !bAlnumB && !bAlnumE ) return 1;
  }
  return 0;
}

int qNameIn(QuizGen *g, const char *zText, const char *zName){
  const char *zHay, *zFold;
  Row r;
  if( zText==0 || zName==0 || zName[0]==0 ) return 0;
  zHay = qFold(g, zText);
  zFold = qFold(g, zName);
  if( foldedWordIn(zHay, zFold, 0) ) return 1;
  if( qFetch(g, zCountryIdSql, &r, 1, "t", zName)==1 && r.az[0] ){
    char zId[8], zDot[16];
    size_t n = strlen(r.az[0]), i, k = 0;
    if( n<sizeof(zId) ){
      for(i=0; i<=n; i++){
        char c = r.az[0][i];
        zId[i] = (char)(c>='a' && c<='z' ? c-'a'+'A' : c);
        if( c ){ zDot[k++] = zId[i]; zDot[k++] = '.'; }
      }
      zDot[k] = 0;
      if( exactWordIn(zText, zId) || strstr(zText, zDot) ) return 1;
    }
    if( strchr(zFold, ' ')==0 ){
      /* "uzbekistan" -> "uzbek", "china" -> "chin", "japan" -> "japan" */
      size_t m = strlen(zFold);
      if( m>6 && strcmp(zFold+m-5, "istan")==0 ) m -= 5;
      else if( m>5 && strcmp(zFold+m-4, "stan")==0 ) m -= 4;
      else if( m>4 && strchr("aeioy", zFold[m-1]) ) m--;
      if( m>=4 && foldedWordIn(zHay, qPrintf(g, "%.*s", (int)m, zFold), 1) ){
        return 1;
      }
    }
  }
  return 0;
}

/* 1 when the answer zAnswer shows in the prompt by its text or, when it
** is the name of fact zFact (may be NULL), by the fact's aliases,
** abbreviation or, for a person, surname. */
static int answerShows(QuizGen *g, const char *zPrompt, const char *zAnswer,
                       const char *zFact){
  Row aRow[32], name;
  int n, i;
  const char *p;
  if( qNameIn(g, zPrompt, zAnswer) ) return 1;
  if( zFact==0 ) return 0;
  /* "Which post did Shinzo Abe hold?": the option is a post, its fact
  ** the person asked about, whose names are meant to be in the prompt */
  if( qFetch(g, zFactNameSql, &name, 1, "t", zFact)!=1
   || !qSameText(g, name.az[0], zAnswer) ) return 0;
  n = qFetch(g, zFactNamesSql, aRow, 32, "t", zFact);
  for(i=0; i<n; i++){
    if( qNameIn(g, zPrompt, aRow[i].az[0]) ) return 1;
  }
  /* a person's surname, the last word: "Koizumi's energy plans" */
  p = strrchr(zAnswer, ' ');
  if( name.ar[1]!=0 && p && qNameIn(g, zPrompt, p+1) ) return 1;
  return 0;
}

/* ---------------------------------------------------------------- words
**
** Two more give-aways, by words rather than names. A content word of the
** prompt that only right options carry ("Roadmap adopted by ..." against
** "Roadmap for trade ..." and three other names), and a form word only the
** right option carries ("... Action Plan" among names with no "Plan", the
** only "Declaration"): a student picks by the word, not by knowing. Words
** are folded (kioskNormalizeFold) and stemmed by a trailing "s"; short and
** common words, and the course's own "Japan" and "Central Asia", are not
** content. The same lists are in quizint.h for the property tests. */

const char *const qazStopWord[] = {
  "the", "and", "of", "in", "on", "to", "a", "an", "for", "with", "by", "at",
  "from", "its", "it", "this", "that", "these", "those", "which", "what",
  "who", "whom", "how", "many", "much", "was", "were", "is", "are", "be",
  "been", "did", "does", "do", "or", "as", "into", "than", "not", "no",
  "one", "all", "each", "every", "type", "year", "years", "month", "when",
  "where", "there", "their", "they", "his", "her", "had", "has", "have",
  "would", "could", "any", "other", "others", "after", "before", "about",
  "first", "second", "third", "later", "also", "more", "most", "only",
  "between", "during", "over", "under", "per", "but", "so", "such", "some",
  "happen", "happened", "true", "false", "choose", "country", "countrie",
  "central", "asia", "asian", "japan", "japanese", "tokyo", "region",
  "regional", 0
};
const char *const qazFormWord[] = {
  "plan", "declaration", "strategy", "roadmap", "statement", "dialog",
  "dialogue", "pipeline", "corridor", "diplomacy", "partnership", "concept",
  "doctrine", "project", "initiative", "embassy", "river", "field",
  "company", "corporation", "organization", "organisation", "society",
  "ministry", "community", "union", "route", "meeting", "agreement",
  "treaty", 0
};

/* The folded, stemmed words of z into az (each a pointer into zBuf, which
** it fills); returns the count. */
int qWords(const char *zFolded, char *zBuf, int nBuf, const char **az){
  int n = 0, k = 0;
  const char *p = zFolded;
  while( *p && n<QWORD_MAX ){
    const char *w;
    int len;
    while( *p==' ' ) p++;
    if( *p==0 ) break;
    w = p;
    while( *p && *p!=' ' ) p++;
    len = (int)(p-w);
    if( len>3 && w[len-1]=='s' && w[len-2]!='s' ) len--;   /* plans, japans */
    if( k+len+1>nBuf ) break;
    memcpy(zBuf+k, w, (size_t)len);
    zBuf[k+len] = 0;
    az[n++] = zBuf+k;
    k += len+1;
  }
  return n;
}

static int inList(const char *const *az, const char *z){
  int i;
  for(i=0; az[i]; i++) if( strcmp(az[i], z)==0 ) return 1;
  return 0;
}

static int wordsHave(const char *const *az, int n, const char *z){
  int i;
  for(i=0; i<n; i++) if( strcmp(az[i], z)==0 ) return 1;
  return 0;
}

/* 1 when a content word of q's prompt is carried by right options only,
** or a form word by the right option only. */
static int wordGiveaway(QuizGen *g, const KioskQuestion *q){
  char zP[2048], zO[QUIZ_MAXOPT][1024];
  const char *azP[QWORD_MAX], *aaz[QUIZ_MAXOPT][QWORD_MAX];
  int nP, an[QUIZ_MAXOPT], i, j, k, nOpt = q->nOption;
  /* form words matter where options are names of initiatives ("Plan",
  ** "Declaration"); places and organizations keep to one kind instead,
  ** and event titles and posts are not names */
  int bNames = strcmp(q->zTopic, "initiative")==0;
  if( nOpt>QUIZ_MAXOPT ) nOpt = QUIZ_MAXOPT;
  nP = qWords(qFold(g, q->zPrompt), zP, (int)sizeof(zP), azP);
  for(i=0; i<nOpt; i++){
    an[i] = qWords(qFold(g, q->aOption[i].zText), zO[i], (int)sizeof(zO[i]),
                   aaz[i]);
  }
  for(i=0; i<nOpt; i++){
    if( q->aOption[i].rCredit<=0 ) continue;
    for(j=0; j<an[i]; j++){
      const char *w = aaz[i][j];
      int bContent = strlen(w)>=3 && !inList(qazStopWord, w)
                     && wordsHave(azP, nP, w);
      int bForm = bNames && inList(qazFormWord, w);
      if( !bContent && !bForm ) continue;
      for(k=0; k<nOpt; k++){
        if( q->aOption[k].rCredit<=0 && wordsHave(aaz[k], an[k], w) ) break;
      }
      if( k==nOpt ) return 1;
    }
  }
  return 0;
}

int qGiveaway(QuizGen *g, const KioskQuestion *q, const char *zForm){
  int i;
  /* "What does EU stand for?": the abbreviation is the question */
  if( q->zPrompt==0 || strcmp(zForm, "abbrev")==0 ) return 0;
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_MULTI:
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit>0
         && answerShows(g, q->zPrompt, q->aOption[i].zText,
                        q->aOption[i].zFact) ) return 1;
      }
      if( wordGiveaway(g, q) ) return 1;
      break;
    case KQ_TEXT:
      for(i=0; i<q->nAccept; i++){
        if( qNameIn(g, q->zPrompt, q->azAccept[i]) ) return 1;
      }
      break;
    case KQ_YEAR:
      return q->zAnswer && qNameIn(g, q->zPrompt, q->zAnswer);
    default:
      break;
  }
  return 0;
}

static const char zCountrySql[] = "SELECT name FROM countries WHERE id=?1";

const char *qCountryName(QuizGen *g, const char *zId){
  Row r;
  if( zId==0 ) return 0;
  if( qFetch(g, zCountrySql, &r, 1, "t", zId)!=1 ) return 0;
  return r.az[0];
}

/* ---------------------------------------------------------------- wording */

/* For an approximate range of months within one year: "early", "mid-" or
** "late" by where its months fall, or NULL when it spans more than that
** (the month range is then said as it is). */
static const char *approxPart(const KioskDate *d){
  if( d->m0==0 || d->m1==0 || d->y0!=d->y1 ) return 0;
  if( d->m1<=4 ) return "early";
  if( d->m0>=9 ) return "late";
  if( d->m0>=4 && d->m1<=8 ) return "mid-";
  return 0;
}

const char *qWhen(QuizGen *g, const char *zDate){
  KioskDate d;
  char zBuf[96];
  if( zDate==0 || kioskDateParse(zDate, -1, &d, 0, 0) ) return 0;
  kioskDateFormat(&d, zBuf, (int)sizeof(zBuf));
  if( d.ePrec==KDATE_DAY ) return qPrintf(g, "on %s", zBuf);
  if( d.ePrec!=KDATE_RANGE ) return qPrintf(g, "in %s", zBuf);
  if( d.bApprox ){
    const char *zPart = approxPart(&d);
    if( zPart && d.y0==d.y1 ){
      /* ~2019-05..2019-07: "in mid-2019" */
      return qPrintf(g, "in %s%s%d", zPart, zPart[3]=='-' ? "" : " ", d.y0);
    }
    if( d.m0==0 && d.m1==0 && d.y0/10==d.y1/10 ){
      /* ~2000..2003: "in the early 2000s", ~1991..1995: "in the first
      ** half of the 1990s"; a whole decade: "in the 2000s" */
      int a = d.y0%10, b = d.y1%10;
      const char *zWhich = a==0 && b==9 ? "" : b<=4 ? "early " : a>=6 ? "late "
                         : a>=3 && b<=7 ? "mid-"
                         : a<=1 && b<=5 ? "first half of the "
                         : a>=4 && b>=8 ? "second half of the " : 0;
      if( zWhich ) return qPrintf(g, "in the %s%d0s", zWhich, d.y0/10);
    }
    return qPrintf(g, "around %s", strncmp(zBuf, "c. ", 3)==0 ? zBuf+3 : zBuf);
  }
  if( d.m0==0 && d.m1==0 ){
    return qPrintf(g, "between %d and %d", d.y0, d.y1);
  }
  return qPrintf(g, "in %s", zBuf);
}

const char *qCap(QuizGen *g, const char *z){
  char *zNew;
  if( z==0 ) return 0;
  zNew = (char*)qStr(g, z);
  if( zNew && zNew[0]>='a' && zNew[0]<='z' ) zNew[0] = (char)(zNew[0]-'a'+'A');
  return zNew;
}

const char *qAn(const char *z){
  return z && z[0] && strchr("aeiouAEIOU", z[0]) ? "an" : "a";
}

/* 1 when the word z[0..n) is capitalised (its first letter upper-case). */
static int wordCapital(const char *z){
  return z[0]>='A' && z[0]<='Z';
}

const char *qTheName(QuizGen *g, const char *zName){
  const char *p;
  if( zName==0 ) return 0;
  if( strncmp(zName, "The ", 4)==0 || strncmp(zName, "the ", 4)==0 ){
    return zName;
  }
  /* "Koizumi's energy plans": the possessive is the article */
  for(p=zName; *p && *p!=' '; p++){
    if( p[0]=='\'' && p[1]=='s' ) return zName;
    if( strncmp(p, "\xe2\x80\x99s", 4)==0 ) return zName;
  }
  /* a name with a small word in it ("Embassy of Japan", "Caspian region")
  ** or ending in a feature word takes "the"; a bare proper name does not */
  for(p=zName; *p; p++){
    if( p[0]==' ' && p[1]>='a' && p[1]<='z' ) return qPrintf(g, "the %s", zName);
  }
  if( !wordCapital(zName) ) return qPrintf(g, "the %s", zName);
  p = strrchr(zName, ' ');
  if( p ){
    static const char *const azHead[] = {
      "River", "Sea", "Lake", "Mountains", "Union", "Organization",
      "Organisation", "Corporation", "Community", "Society", "Ministry",
      "Agency", "Bank", "Fund", "Council", "Committee", "Association",
      "Institute", "Forum", "States", "Kingdom", "Federation", "Republic",
      "Strategy", "Declaration", "Plan", "Dialog", "Dialogue", "Statement",
      "Corridor", "Pipeline", "Initiative", "Partnership", "Roadmap", 0
    };
    int i;
    for(i=0; azHead[i]; i++){
      if( strcmp(p+1, azHead[i])==0 ) return qPrintf(g, "the %s", zName);
    }
  }
  return zName;
}

int qPlural(const char *zName){
  static const char *const azPrep[] = {
    "for", "of", "on", "in", "to", "with", "between", "by", "at", "from",
    "about", "plus", 0
  };
  static const char *const azNot[] = {
    "news", "series", "means", "species", "States", "economics",
    "politics", "Economics", "Politics", 0
  };
  const char *zHead = 0, *p = zName, *zEnd = 0;
  int n, i;
  if( zName==0 ) return 0;
  /* the head is the last word before a preposition or a comma, else the
  ** last word: "Koizumi's energy cooperation plans for Central Asia" */
  while( *p ){
    const char *w = p;
    while( *p && *p!=' ' && *p!=',' ) p++;
    n = (int)(p-w);
    for(i=0; azPrep[i]; i++){
      if( (int)strlen(azPrep[i])==n && strncmp(w, azPrep[i], (size_t)n)==0 ){
        break;
      }
    }
    if( azPrep[i] && zHead ) break;
    if( n>0 ){ zHead = w; zEnd = p; }
    if( *p==',' ) break;
    while( *p==' ' ) p++;
  }
  if( zHead==0 ) return 0;
  n = (int)(zEnd-zHead);
  if( n<4 || zHead[n-1]!='s' ) return 0;
  if( zHead[n-2]=='s' || zHead[n-2]=='u' || zHead[n-2]=='i' ) return 0;
  if( zHead[0]>='0' && zHead[0]<='9' ) return 0;   /* "1990s" */
  for(i=0; azNot[i]; i++){
    if( (int)strlen(azNot[i])==n && strncmp(zHead, azNot[i], (size_t)n)==0 ){
      return 0;
    }
  }
  return 1;
}

const char *qWas(const char *zName){
  return qPlural(zName) ? "were" : "was";
}

const char *qInitVerbOf(const char *zVerb, const char *zKind){
  return zVerb && zVerb[0] ? zVerb : qInitVerb(zKind);
}

const char *qInitVerb(const char *zKind){
  static const char *const az[] = {
    "plan", "adopted", "strategy", "adopted", "roadmap", "adopted",
    "statement", "adopted", "declaration", "signed", "doctrine", "set out",
    "concept", "set out", "project", "discussed", "corridor", "discussed",
    "partnership", "announced", "format", "launched", 0
  };
  int i;
  for(i=0; zKind && az[i]; i+=2){
    if( strcmp(zKind, az[i])==0 ) return az[i+1];
  }
  return "launched";
}

static const char zCountryWordSql[] =
  "SELECT 1 FROM countries WHERE name=?1"
  " OR (length(?1)>=4 AND ?1 GLOB substr(name, 1, 4) || '*') LIMIT 1";

/* 1 when the n-byte word z is a country name or made from one
** ("Japanese", "Kazakh", "Chinese"), or looks like a nationality
** ("American", "European", "Turkish"). */
static int wordNational(QuizGen *g, const char *z, int n){
  static const char *const azEnd[] = { "ian", "ean", "can", "ese", "ish", 0 };
  Row r;
  int i, k;
  const char *zWord;
  for(i=0; azEnd[i]; i++){
    k = (int)strlen(azEnd[i]);
    if( n>=6 && strncmp(z+n-k, azEnd[i], (size_t)k)==0 ) return 1;
  }
  zWord = qPrintf(g, "%.*s", n, z);
  if( zWord==0 ) return 0;
  return qFetch(g, zCountryWordSql, &r, 1, "t", zWord)==1;
}

int qFirstWordCommon(QuizGen *g, const char *z){
  int n, i, m;
  if( z==0 || !wordCapital(z) ) return 0;
  for(n=0; z[n] && z[n]!=' ' && z[n]!=','; n++){}
  for(i=1; i<n; i++){
    if( (z[i]>='A' && z[i]<='Z') || (z[i]>='0' && z[i]<='9') ) return 0;
    /* "Hashimoto's initiative": a possessive is a name */
    if( z[i]=='\'' || (unsigned char)z[i]==0xe2 ) return 0;
  }
  if( wordNational(g, z, n) ) return 0;
  if( z[n]==' ' && wordCapital(z+n+1) ){
    for(m=0; z[n+1+m] && z[n+1+m]!=' ' && z[n+1+m]!=','; m++){}
    if( !wordNational(g, z+n+1, m) ) return 0;
  }
  return 1;
}

const char *qInSentence(QuizGen *g, const char *z){
  char *zNew;
  if( !qFirstWordCommon(g, z) ) return z;
  zNew = (char*)qStr(g, z);
  if( zNew ) zNew[0] = (char)(zNew[0]-'A'+'a');
  return zNew;
}

static const char zLinkedCountrySql[] =
  "SELECT country FROM fact_countries WHERE fact=?1 LIMIT 64";
static const char zCountriesSql[] =
  "SELECT id, name, in_region FROM countries ORDER BY rowid LIMIT 64";

int qOtherCountries(QuizGen *g, const char *zFact, const char *zRight,
                    Row *aOut, int nWant){
  Row aAll[64], aLink[64];
  int nAll, nLink, i, j, n = 0, bPass, bRegion = -1;
  nLink = qFetch(g, zLinkedCountrySql, aLink, 64, "t", zFact);
  if( nLink<0 ) return -1;
  nAll = qFetch(g, zCountriesSql, aAll, 64, "");
  if( nAll<0 ) return -1;
  qShuffle(g, aAll, nAll, (int)sizeof(Row));
  for(i=0; i<nAll; i++){
    if( zRight && strcmp(aAll[i].az[0], zRight)==0 ) bRegion = (int)aAll[i].ar[2];
  }
  /* countries like the right one (in the region or outside it) first */
  for(bPass=0; bPass<2; bPass++){
    for(i=0; i<nAll && n<nWant; i++){
      int bLike = bRegion<0 || (int)aAll[i].ar[2]==bRegion;
      if( bLike!=(bPass==0) ) continue;
      if( zRight && strcmp(aAll[i].az[0], zRight)==0 ) continue;
      for(j=0; j<nLink; j++){
        if( strcmp(aLink[j].az[0], aAll[i].az[0])==0 ) break;
      }
      if( j<nLink ) continue;
      aOut[n++] = aAll[i];
    }
  }
  return n;
}

/* ---------------------------------------------------------------- driver */

KioskQuizMaker *kioskQuizMakerNew(sqlite3 *db){
  KioskQuizMaker *p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->db = db;
  return p;
}

void kioskQuizMakerFree(KioskQuizMaker *p){
  int i;
  if( p==0 ) return;
  for(i=0; i<p->nStmt; i++) sqlite3_finalize(p->aStmt[i].pStmt);
  sqlite3_free(p);
}

static int topicIndex(const char *z){
  int i;
  for(i=0; i<KIOSK_QUIZ_NTOPIC; i++){
    if( strcmp(kioskQuizTopics[i], z)==0 ) return i;
  }
  return -1;
}

/* A stage by id, or by its number (stages.ord) when written in digits. */
static const char zStageSql[] =
  "SELECT id FROM stages WHERE id=?1"
  " UNION ALL SELECT id FROM stages WHERE ?1 GLOB '[0-9]*'"
  " AND ?1 NOT GLOB '*[^0-9]*' AND ord=CAST(?1 AS INTEGER) LIMIT 1";

/* The years the course covers: its stages, and back to its earliest dated
** fact (a society founded in 1989 in a course from 1991). */
static const char zYearsSql[] =
  "SELECT min(y), max(z) FROM (SELECT min(y0) AS y, max(y1) AS z FROM stages"
  " UNION ALL SELECT min(y0), NULL FROM events WHERE support='stated'"
  " UNION ALL SELECT min(y0), NULL FROM initiatives WHERE support='stated')";

#define QUIZ_DRY 40          /* attempts in a row without a question */
#define QUIZ_TOPIC_FAIL 24   /* failures in a row that drop a topic */

/* The figures of a figure's group: asking one shows the others (wrong
** options, "for comparison"), so a quiz asks one of them only. */
static const char zGroupSql[] =
  "SELECT g.id FROM figures f JOIN figures g ON g.grp=f.grp"
  " WHERE f.id=?1 AND f.grp IS NOT NULL ORDER BY g.rowid LIMIT 32";

/* The subject of a fact (schema.sql: fact_subjects), or none. */
static const char zSubjectSql[] =
  "SELECT subject FROM fact_subjects WHERE id=?1 LIMIT 1";
/* The glossary term that names an organization ("SCO"): a question on the
** organization and "Which term means this?" on its term ask one thing
** twice. */
static const char zOrgTermSql[] =
  "SELECT g.id FROM organizations o JOIN glossary g"
  " ON g.term=o.abbrev OR g.term=o.name WHERE o.id=?1 LIMIT 1";

/* Every fact q touches: the facts it tests and the group siblings of each
** figure among them (the figure forms show siblings as options and their
** values "for comparison"). One question per fact per quiz: a question
** touching a fact an earlier one touched would ask it again or answer it.
** Unless bFactsOnly, also the subject of each ("subj:<slug>"): the rows
** of one happening answer each other, so a quiz asks one question per
** subject. A term question is about the glossary, its fact only the
** lesson it points to: it touches facts only.
** Calls xEach for each until it returns non-zero; returns that, or -1. */
static int touchedFacts(QuizGen *g, const KioskQuestion *q, int bFactsOnly,
                        int (*xEach)(QuizGen *, const char *)){
  int i, j, n, rc;
  Row aRow[32], s;
  for(i=0; i<q->nFact; i++){
    const char *zFact = q->azFact[i];
    if( (rc = xEach(g, zFact))!=0 ) return rc;
    n = qFetch(g, zGroupSql, aRow, 32, "t", zFact);
    if( n<0 ) return -1;
    for(j=0; j<n; j++){
      if( (rc = xEach(g, aRow[j].az[0]))!=0 ) return rc;
    }
    if( bFactsOnly ) continue;
    n = qFetch(g, zOrgTermSql, &s, 1, "t", zFact);
    if( n<0 ) return -1;
    if( n==1 ){
      const char *zKey = qPrintf(g, "term:%s", s.az[0]);
      if( zKey==0 ) return -1;
      if( (rc = xEach(g, zKey))!=0 ) return rc;
    }
    n = qFetch(g, zSubjectSql, &s, 1, "t", zFact);
    if( n<0 ) return -1;
    if( n==1 && s.az[0] ){
      const char *zKey = qSubjectKey(g, s.az[0]);
      if( zKey==0 ) return -1;
      if( (rc = xEach(g, zKey))!=0 ) return rc;
    }
  }
  return 0;
}

/* The answer of q as it could stand in another question's prompt, or
** NULL: a typed year ("1992"), an amount, a name; not True/False, lists or
** orders, nor anything under four characters ("3"). */
static const char *answerWords(QuizGen *g, const KioskQuestion *q){
  const char *z = q->zAnswer;
  if( q->eKind==KQ_YEAR ){
    if( q->rTol>0 ) return 0;
    return qPrintf(g, "%.0f", q->rValue);
  }
  if( q->eKind!=KQ_CHOICE && q->eKind!=KQ_TEXT && q->eKind!=KQ_NUMBER ) return 0;
  if( z==0 || strlen(qFold(g, z))<4 ) return 0;
  return z;
}

/* 1 when a and b answer each other: the answer of one stands in the
** other's prompt ("set up in 1989" before "When was the society
** founded?", "$2.5 billion appears twice" beside "How much FDI stock in
** Uzbekistan?"). */
static int answerEachOther(QuizGen *g, const KioskQuestion *a,
                           const KioskQuestion *b){
  const char *za = answerWords(g, a), *zb = answerWords(g, b);
  if( za && qNameIn(g, b->zPrompt, za) ) return 1;
  if( zb && qNameIn(g, a->zPrompt, zb) ) return 1;
  return 0;
}

static int touchUsed(QuizGen *g, const char *z){ return qIsUsed(g, z); }
static int isTerm(const KioskQuestion *q){
  return q->zTopic && strcmp(q->zTopic, "term")==0;
}
static int touchMark(QuizGen *g, const char *z){
  return qMarkUsed(g, z) ? -1 : 0;
}

int kioskQuizMake(KioskQuizMaker *pMaker, const KioskQuizSpec *pSpec,
                  KioskQuiz *pQuiz, KioskError *pErr){
  QuizGen g;
  int aWeight[KIOSK_QUIZ_NTOPIC];
  int aFail[KIOSK_QUIZ_NTOPIC];
  int i, t, nWant, nAttempt, nMaxAttempt, nTotalWeight, nDry;
  int nStart = pQuiz->nQuestion;
  char **azStage = 0;
  Row r;

  memset(&g, 0, sizeof(g));
  g.pMaker = pMaker;
  g.db = pMaker->db;
  g.pErr = pErr;
  g.mKind = pSpec->mKind ? pSpec->mKind : ~0u;
  kioskPrngSeed(&g.rng, pSpec->iSeed);
  nWant = pSpec->nQuestion>0 ? pSpec->nQuestion : KIOSK_QUIZ_DEFAULT_COUNT;
  if( nWant>KIOSK_QUIZ_MAX_COUNT ){
    g.rc = kioskErrorSet(pErr, KIOSK_EARG, "COUNT", 0, 0, 0,
                         "quiz: at most %d questions, not %d",
                         KIOSK_QUIZ_MAX_COUNT, nWant);
    goto done;
  }

  /* which topics may be drawn */
  for(i=0; i<KIOSK_QUIZ_NTOPIC; i++) aWeight[i] = pSpec->nTopic ? 0 : 1;
  for(i=0; i<pSpec->nTopic; i++){
    int k = topicIndex(pSpec->azTopic[i]);
    if( k<0 ){
      g.rc = kioskErrorSet(pErr, KIOSK_EARG, "TOPIC", 0, 0, 0,
                           "quiz: unknown topic \"%s\"", pSpec->azTopic[i]);
      goto done;
    }
    aWeight[k] = 1;
  }
  if( pSpec->nStage>0 ){
    azStage = sqlite3_malloc64(sizeof(char *)*(size_t)pSpec->nStage);
    if( azStage==0 ){ qOom(&g); goto done; }
    memset(azStage, 0, sizeof(char *)*(size_t)pSpec->nStage);
  }
  for(i=0; i<pSpec->nStage; i++){
    int n = qFetch(&g, zStageSql, &r, 1, "t", pSpec->azStage[i]);
    if( n<0 ) goto done;
    if( n==0 ){
      g.rc = kioskErrorSet(pErr, KIOSK_EQUIZ, "STAGE", 0, 0, 0,
                           "quiz: unknown stage \"%s\"", pSpec->azStage[i]);
      goto done;
    }
    azStage[i] = kioskStrDup(r.az[0]);
    if( azStage[i]==0 ){ qOom(&g); goto done; }
  }
  if( loadSpans(&g, pSpec->nStage, (const char *const *)azStage) ) goto done;
  g.nStage = pSpec->nStage;
  g.azStage = azStage;
  g.iYearLo = 1;
  g.iYearHi = 9999;
  if( qFetch(&g, zYearsSql, &r, 1, "")==1 && r.az[0] && r.az[1] ){
    g.iYearLo = (int)r.ar[0];
    g.iYearHi = (int)r.ar[1];
  }
  if( g.rc ) goto done;
  for(i=0; i<KIOSK_QUIZ_NTOPIC; i++){
    int bFacts = 0;
    for(t=0; t<QT_N; t++){
      if( (aTopic[i].mTable & (1u<<t)) && g.aSpanTotal[t]>0 ) bFacts = 1;
    }
    if( !bFacts || (aTopic[i].mKind & g.mKind)==0 ) aWeight[i] = 0;
    if( aWeight[i] ) aWeight[i] = aTopic[i].iWeight;
  }

  /* The questions to avoid count as asked: their facts, subjects and
  ** ids are used. */
  for(i=0; pSpec->pAvoid && i<pSpec->pAvoid->nQuestion; i++){
    const KioskQuestion *pA = pSpec->pAvoid->apQuestion[i];
    if( pA==0 ) continue;
    if( touchedFacts(&g, pA, isTerm(pA), touchMark) || qMarkUsed(&g, pA->zId) ){
      goto done;
    }
  }
  arenaReset(&g.arena, 1);

  /* Fill the slots. Every question asks facts no earlier question
  ** touched (qProbe skips used facts, touchedFacts the rest). When that
  ** runs dry (QUIZ_DRY attempts in a row without a new question: the
  ** stages hold fewer facts than wanted) the quiz is shorter. A topic that
  ** fails QUIZ_TOPIC_FAIL times in a row is dropped. */
  nMaxAttempt = nWant*24 + 64;
  nDry = 0;
  nTotalWeight = 0;
  for(i=0; i<KIOSK_QUIZ_NTOPIC; i++){ nTotalWeight += aWeight[i]; aFail[i] = 0; }
  for(nAttempt=0; nAttempt<nMaxAttempt && pQuiz->nQuestion-nStart<nWant;
      nAttempt++){
    KioskQuestion *q;
    int w;
    if( nTotalWeight==0 || nDry>=QUIZ_DRY ) break;
    w = (int)qRand(&g, (uint64_t)nTotalWeight);
    for(t=0; t<KIOSK_QUIZ_NTOPIC; t++){
      if( w<aWeight[t] ) break;
      w -= aWeight[t];
    }
    q = aTopic[t].xMake(&g);
    if( g.rc ){ kioskQuestionFree(q); goto done; }
    if( q ){
      int rc = touchedFacts(&g, q, isTerm(q), touchUsed);
      if( rc<0 ){ kioskQuestionFree(q); goto done; }
      if( rc ) q = qDrop(q);
    }
    for(i=nStart; q && i<pQuiz->nQuestion; i++){
      if( answerEachOther(&g, q, pQuiz->apQuestion[i]) ) q = qDrop(q);
    }
    for(i=0; q && pSpec->pAvoid && i<pSpec->pAvoid->nQuestion; i++){
      const KioskQuestion *pA = pSpec->pAvoid->apQuestion[i];
      if( pA && answerEachOther(&g, q, pA) ) q = qDrop(q);
    }
    if( q==0 ){
      nDry++;
      if( ++aFail[t]>=QUIZ_TOPIC_FAIL ){
        nTotalWeight -= aWeight[t];
        aWeight[t] = 0;
      }
    }else{
      nDry = 0;
      aFail[t] = 0;
      if( touchedFacts(&g, q, isTerm(q), touchMark)
       || qMarkUsed(&g, q->zId) ){
        kioskQuestionFree(q);
        goto done;
      }
      if( kioskQuizAppend(pQuiz, q) ){ qOom(&g); goto done; }
    }
    arenaReset(&g.arena, 1);
  }

done:
  if( g.rc ){
    /* leave pQuiz as it was */
    for(i=nStart; i<pQuiz->nQuestion; i++){
      kioskQuestionFree(pQuiz->apQuestion[i]);
    }
    if( pQuiz->nQuestion>nStart ) pQuiz->nQuestion = nStart;
  }
  for(t=0; t<QT_N; t++) sqlite3_free(g.aSpan[t]);
  for(i=0; azStage && i<pSpec->nStage; i++) sqlite3_free(azStage[i]);
  sqlite3_free(azStage);
  for(i=0; i<g.nUsed; i++) sqlite3_free(g.azUsed[i]);
  sqlite3_free(g.azUsed);
  arenaReset(&g.arena, 0);
  return g.rc;
}

int kioskQuizGenerate(sqlite3 *db, const KioskQuizSpec *pSpec,
                      KioskQuiz *pQuiz, KioskError *pErr){
  KioskQuizMaker *p = kioskQuizMakerNew(db);
  int rc;
  if( p==0 ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                         "out of memory");
  }
  rc = kioskQuizMake(p, pSpec, pQuiz, pErr);
  kioskQuizMakerFree(p);
  return rc;
}
