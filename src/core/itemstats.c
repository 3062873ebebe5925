/*
** itemstats.c: Moodle's item statistics over a pack's attempts (see
** itemstats.h for the definitions).
**
** The records are read only through records.h listings (attempts, their
** questions and answers, option picks per attempt), columns found by
** name, so the listing's other columns may change. A stored question is
** text (a Tcl dict, or JSON): only its id, kind, prompt and points are
** read out of it, as data; nothing is evaluated.
*/
#include "itemstats.h"
#include "question.h"

#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* ========================================================================
** The numbers
*/

void kioskItemStatsTopThird(int nAttempt, const double *aTotal, int *abTop){
  int nTop = (nAttempt+2)/3, a, b;
  for(a=0; a<nAttempt; a++){
    /* a is in the top third when fewer than nTop attempts rank above it
    ** (higher total, or equal and earlier) */
    int nAbove = 0;
    for(b=0; b<nAttempt; b++){
      if( aTotal[b]>aTotal[a] || (aTotal[b]==aTotal[a] && b<a) ) nAbove++;
    }
    abTop[a] = nAbove<nTop;
  }
}

static int cmpDouble(const void *a, const void *b){
  double x = *(const double *)a, y = *(const double *)b;
  return x<y ? -1 : x>y ? 1 : 0;
}

int kioskItemStatsCompute(KioskItemStats *p, int nAttempt, const double *aMark,
                          const double *aMax, const int *abTop){
  int nItem = p->nItem, i, a, k;
  double *aTotal = sqlite3_malloc64(sizeof(double)*(size_t)(nAttempt+1));
  double *aX = sqlite3_malloc64(sizeof(double)*(size_t)(nAttempt+1));
  double *aY = sqlite3_malloc64(sizeof(double)*(size_t)(nAttempt+1));
  if( aTotal==0 || aX==0 || aY==0 ){
    sqlite3_free(aTotal); sqlite3_free(aX); sqlite3_free(aY);
    return -1;
  }
  p->nAttempt = nAttempt;
  for(a=0; a<nAttempt; a++){
    aTotal[a] = 0;
    for(i=0; i<nItem; i++){
      double m = aMark[(size_t)a*nItem+i];
      if( !isnan(m) ) aTotal[a] += m;
    }
  }
  for(i=0; i<nItem; i++){
    KioskItemStat *s = &p->aItem[i];
    double rMeanX = 0, rMeanY = 0, rVarX = 0, rVarY = 0, rCov = 0;
    double rCovMax = 0;
    int n = 0, nTop = 0;
    for(a=0; a<nAttempt; a++){
      double m = aMark[(size_t)a*nItem+i];
      if( isnan(m) ) continue;
      aX[n] = m;
      aY[n] = aTotal[a]-m;
      rMeanX += aX[n];
      rMeanY += aY[n];
      if( abTop && abTop[a] ) nTop++;
      n++;
    }
    s->rMax = aMax[i];
    s->nAttempt = n;
    s->nTop = nTop;
    s->rFacility = s->rSd = s->rDiscrimination = s->rEfficiency = NAN;
    if( n>0 ){
      rMeanX /= n;
      rMeanY /= n;
      if( aMax[i]>0 ) s->rFacility = 100.0*rMeanX/aMax[i];
    }
    if( n>1 ){
      for(k=0; k<n; k++){
        rVarX += (aX[k]-rMeanX)*(aX[k]-rMeanX);
        rVarY += (aY[k]-rMeanY)*(aY[k]-rMeanY);
        rCov += (aX[k]-rMeanX)*(aY[k]-rMeanY);
      }
      /* covmax: the sorted marks paired with the sorted rest */
      qsort(aX, (size_t)n, sizeof(double), cmpDouble);
      qsort(aY, (size_t)n, sizeof(double), cmpDouble);
      for(k=0; k<n; k++) rCovMax += (aX[k]-rMeanX)*(aY[k]-rMeanY);
      rVarX /= n-1;
      rVarY /= n-1;
      rCov /= n-1;
      rCovMax /= n-1;
      if( aMax[i]>0 ) s->rSd = 100.0*sqrt(rVarX)/aMax[i];
      if( rVarX*rVarY>0 ) s->rDiscrimination = 100.0*rCov/sqrt(rVarX*rVarY);
      if( rCovMax!=0 ) s->rEfficiency = 100.0*rCov/rCovMax;
    }
    s->bNegative = !isnan(s->rDiscrimination) && s->rDiscrimination<0;
    s->iWrongTop = -1;
    {
      int nRight = -1, iWrong = -1, nWrong = -1;
      for(k=0; k<s->nOption; k++){
        const KioskItemOption *o = &s->aOption[k];
        if( o->rCredit>0 ){
          if( o->nPickTop>nRight ) nRight = o->nPickTop;
        }else if( o->nPickTop>nWrong ){
          nWrong = o->nPickTop;
          iWrong = k;
        }
      }
      if( iWrong>=0 && nRight>=0 && nWrong>nRight ) s->iWrongTop = iWrong;
    }
  }
  sqlite3_free(aTotal);
  sqlite3_free(aX);
  sqlite3_free(aY);
  return 0;
}

void kioskItemStatsReset(KioskItemStats *p){
  int i, k;
  for(i=0; i<p->nItem; i++){
    KioskItemStat *s = &p->aItem[i];
    sqlite3_free(s->zQuestion);
    sqlite3_free(s->zKind);
    sqlite3_free(s->zPrompt);
    for(k=0; k<s->nOption; k++) sqlite3_free(s->aOption[k].zText);
    sqlite3_free(s->aOption);
  }
  sqlite3_free(p->aItem);
  memset(p, 0, sizeof(*p));
}

/* ========================================================================
** Reading the records
*/

/* The column named zName of the row, or -1. */
static int colIndex(sqlite3_stmt *pStmt, const char *zName){
  int i, n = sqlite3_column_count(pStmt);
  for(i=0; i<n; i++){
    const char *z = sqlite3_column_name(pStmt, i);
    if( z && strcmp(z, zName)==0 ) return i;
  }
  return -1;
}

/*
** The value of key zKey in a stored question: a Tcl dict as text
** ("id pack:x:1 kind choice prompt {Which ...} ...") or a JSON object
** ({"id":"pack:x:1",...}). A new string, or NULL when absent.
*/
static char *jsonString(const char *z){
  sqlite3_str *p = sqlite3_str_new(0);
  if( *z!='"' ) return 0;
  for(z++; *z && *z!='"'; z++){
    if( *z=='\\' && z[1] ){
      z++;
      switch( *z ){
        case 'n': sqlite3_str_appendchar(p, 1, '\n'); break;
        case 't': sqlite3_str_appendchar(p, 1, '\t'); break;
        case 'u': {
          unsigned cp = 0;
          int k;
          for(k=1; k<=4 && isxdigit((unsigned char)z[k]); k++){
            cp = cp*16 + (unsigned)(isdigit((unsigned char)z[k]) ? z[k]-'0'
                                    : (tolower(z[k])-'a'+10));
          }
          z += k-1;
          if( cp<0x80 ) sqlite3_str_appendchar(p, 1, (char)cp);
          else if( cp<0x800 ){
            sqlite3_str_appendchar(p, 1, (char)(0xC0|(cp>>6)));
            sqlite3_str_appendchar(p, 1, (char)(0x80|(cp&0x3F)));
          }else{
            sqlite3_str_appendchar(p, 1, (char)(0xE0|(cp>>12)));
            sqlite3_str_appendchar(p, 1, (char)(0x80|((cp>>6)&0x3F)));
            sqlite3_str_appendchar(p, 1, (char)(0x80|(cp&0x3F)));
          }
          break;
        }
        default: sqlite3_str_appendchar(p, 1, *z); break;
      }
    }else{
      sqlite3_str_appendchar(p, 1, *z);
    }
  }
  return sqlite3_str_finish(p);
}

/* One word of a Tcl list at *pz (braced, quoted or bare); advances *pz.
** NULL at the end of the list. */
static char *tclWord(const char **pz){
  const char *z = *pz;
  sqlite3_str *p;
  while( *z && isspace((unsigned char)*z) ) z++;
  if( *z==0 ){ *pz = z; return 0; }
  p = sqlite3_str_new(0);
  if( *z=='{' ){
    int nDepth = 1;
    for(z++; *z; z++){
      if( *z=='\\' && z[1] ){ sqlite3_str_append(p, z, 2); z++; continue; }
      if( *z=='{' ) nDepth++;
      if( *z=='}' && --nDepth==0 ){ z++; break; }
      sqlite3_str_appendchar(p, 1, *z);
    }
  }else{
    char cEnd = *z=='"' ? '"' : 0;
    if( cEnd ) z++;
    for(; *z; z++){
      if( cEnd ? *z==cEnd : isspace((unsigned char)*z) ) break;
      if( *z=='\\' && z[1] ){
        z++;
        sqlite3_str_appendchar(p, 1, *z=='n' ? '\n' : *z=='t' ? '\t' : *z);
        continue;
      }
      sqlite3_str_appendchar(p, 1, *z);
    }
    if( cEnd && *z ) z++;
  }
  *pz = z;
  {
    char *zW = sqlite3_str_finish(p);
    return zW ? zW : kioskStrDup("");
  }
}

char *kioskItemBodyValue(const char *zBody, const char *zKey){
  const char *z = zBody;
  while( *z && isspace((unsigned char)*z) ) z++;
  if( *z=='{' && z[1]=='"' ){
    /* JSON: the top-level key (the first occurrence of "key": will do for
    ** id, kind, prompt and points, which come first) */
    char zPat[40];
    const char *zAt;
    snprintf(zPat, sizeof(zPat), "\"%s\":", zKey);
    zAt = strstr(z, zPat);
    if( zAt==0 ) return 0;
    zAt += strlen(zPat);
    while( isspace((unsigned char)*zAt) ) zAt++;
    if( *zAt=='"' ) return jsonString(zAt);
    {
      const char *e = zAt;
      while( *e && *e!=',' && *e!='}' ) e++;
      return sqlite3_mprintf("%.*s", (int)(e-zAt), zAt);
    }
  }
  for(;;){
    char *zK = tclWord(&z), *zV;
    if( zK==0 ) return 0;
    zV = tclWord(&z);
    if( zV==0 ){ sqlite3_free(zK); return 0; }
    if( strcmp(zK, zKey)==0 ){
      sqlite3_free(zK);
      return zV;
    }
    sqlite3_free(zK);
    sqlite3_free(zV);
  }
}

/* What is read out of the records. */
typedef struct Att {
  sqlite3_int64 iId;
  sqlite3_int64 iStudent;
} Att;

typedef struct Loader {
  int nAtt, nAttAlloc;
  Att *aAtt;
  KioskItemStats *p;
  /* per attempt: index -> item */
  int nIdx;
  int aIdxItem[1024];
  double aIdxMax[1024];
  double *aMark;         /* nAtt x nItemAlloc, NaN when not asked */
  int nItemAlloc;
  double *aMax;
  int iAtt;              /* the attempt being read */
  int bNoMem;
} Loader;

static int onAttempt(void *pArg, sqlite3_stmt *pStmt){
  Loader *l = (Loader *)pArg;
  int iId = colIndex(pStmt, "id"), iStu = colIndex(pStmt, "student");
  int iKind = colIndex(pStmt, "kind");
  sqlite3_int64 iStudent;
  int a;
  if( iId<0 || iStu<0 ) return 0;
  if( iKind>=0 && sqlite3_column_text(pStmt, iKind)
   && strcmp((const char *)sqlite3_column_text(pStmt, iKind), "pack")!=0 ){
    return 0;
  }
  iStudent = sqlite3_column_int64(pStmt, iStu);
  for(a=0; a<l->nAtt; a++) if( l->aAtt[a].iStudent==iStudent ) return 0;
  if( l->nAtt>=l->nAttAlloc ){
    int nNew = l->nAttAlloc ? 2*l->nAttAlloc : 32;
    Att *aNew = sqlite3_realloc64(l->aAtt, sizeof(Att)*(size_t)nNew);
    if( aNew==0 ){ l->bNoMem = 1; return 1; }
    l->aAtt = aNew;
    l->nAttAlloc = nNew;
  }
  l->aAtt[l->nAtt].iId = sqlite3_column_int64(pStmt, iId);
  l->aAtt[l->nAtt].iStudent = iStudent;
  l->nAtt++;
  return 0;
}

/* The item of question zQid (added when new), or -1 out of memory. */
static int itemFor(Loader *l, const char *zQid, const char *zKind,
                   const char *zPrompt){
  KioskItemStats *p = l->p;
  int i;
  for(i=0; i<p->nItem; i++) if( strcmp(p->aItem[i].zQuestion, zQid)==0 ){
    return i;
  }
  if( p->nItem>=l->nItemAlloc ){
    int nNew = l->nItemAlloc ? 2*l->nItemAlloc : 16, a, k;
    KioskItemStat *aNew = sqlite3_realloc64(p->aItem,
                                  sizeof(KioskItemStat)*(size_t)nNew);
    double *aMark, *aMax;
    if( aNew==0 ) return -1;
    p->aItem = aNew;
    aMark = sqlite3_malloc64(sizeof(double)*(size_t)nNew*(size_t)l->nAtt+1);
    aMax = sqlite3_realloc64(l->aMax, sizeof(double)*(size_t)nNew);
    if( aMark==0 || aMax==0 ){
      sqlite3_free(aMark);
      if( aMax ) l->aMax = aMax;
      return -1;
    }
    for(a=0; a<l->nAtt; a++){
      for(k=0; k<nNew; k++){
        aMark[(size_t)a*nNew+k] = k<p->nItem && l->aMark
                                  ? l->aMark[(size_t)a*l->nItemAlloc+k] : NAN;
      }
    }
    sqlite3_free(l->aMark);
    l->aMark = aMark;
    l->aMax = aMax;
    l->nItemAlloc = nNew;
  }
  memset(&p->aItem[p->nItem], 0, sizeof(KioskItemStat));
  p->aItem[p->nItem].zQuestion = kioskStrDup(zQid);
  p->aItem[p->nItem].zKind = kioskStrDup(zKind ? zKind : "");
  p->aItem[p->nItem].zPrompt = kioskStrDup(zPrompt ? zPrompt : "");
  l->aMax[p->nItem] = 0;
  return p->nItem++;
}

static int onQuestion(void *pArg, sqlite3_stmt *pStmt){
  Loader *l = (Loader *)pArg;
  int iIdx = colIndex(pStmt, "idx"), iBody = colIndex(pStmt, "body");
  const char *zBody;
  char *zQid, *zKind, *zPrompt, *zPoints;
  int idx, iItem;
  double rMax = 1.0;
  KioskQKind e;
  if( iBody<0 ) iBody = colIndex(pStmt, "question");
  if( iIdx<0 || iBody<0 ) return 0;
  idx = sqlite3_column_int(pStmt, iIdx);
  zBody = (const char *)sqlite3_column_text(pStmt, iBody);
  if( idx<0 || idx>=(int)(sizeof(l->aIdxItem)/sizeof(int)) || zBody==0 ){
    return 0;
  }
  zQid = kioskItemBodyValue(zBody, "id");
  zKind = kioskItemBodyValue(zBody, "kind");
  zPrompt = kioskItemBodyValue(zBody, "prompt");
  zPoints = kioskItemBodyValue(zBody, "points");
  if( zPoints ) rMax = atof(zPoints);
  l->aIdxItem[idx] = -1;
  if( idx>=l->nIdx ) l->nIdx = idx+1;
  /* essays and descriptions are not marked: no statistics */
  if( zQid && !(zKind && kioskQKindFromName(zKind, &e)==0
                && !KIOSK_QKIND_SCORED(e)) ){
    iItem = itemFor(l, zQid, zKind, zPrompt);
    if( iItem<0 ){
      l->bNoMem = 1;
    }else{
      l->aIdxItem[idx] = iItem;
      l->aIdxMax[idx] = rMax;
      if( rMax>l->aMax[iItem] ) l->aMax[iItem] = rMax;
      /* asked: 0 until an answer says otherwise */
      l->aMark[(size_t)l->iAtt*l->nItemAlloc+iItem] = 0;
    }
  }
  sqlite3_free(zQid);
  sqlite3_free(zKind);
  sqlite3_free(zPrompt);
  sqlite3_free(zPoints);
  return l->bNoMem;
}

static int onAnswer(void *pArg, sqlite3_stmt *pStmt){
  Loader *l = (Loader *)pArg;
  int iIdx = colIndex(pStmt, "index"), iPts = colIndex(pStmt, "points");
  int idx;
  if( iIdx<0 || iPts<0 ) return 0;
  idx = sqlite3_column_int(pStmt, iIdx);
  if( idx<0 || idx>=l->nIdx || l->aIdxItem[idx]<0 ) return 0;
  l->aMark[(size_t)l->iAtt*l->nItemAlloc+l->aIdxItem[idx]] =
      sqlite3_column_double(pStmt, iPts);
  return 0;
}

typedef struct Picks {
  KioskItemStats *p;
  int bTop;
  int bNoMem;
} Picks;

/* Option rows (question text credit picks) of one attempt. */
static int onPick(void *pArg, sqlite3_stmt *pStmt){
  Picks *k = (Picks *)pArg;
  int iQ = colIndex(pStmt, "question"), iT = colIndex(pStmt, "text");
  int iC = colIndex(pStmt, "credit"), iP = colIndex(pStmt, "picks");
  const char *zQ, *zT;
  int i, o, nPick;
  KioskItemStat *s = 0;
  if( iQ<0 || iT<0 || iC<0 || iP<0 ) return 0;
  zQ = (const char *)sqlite3_column_text(pStmt, iQ);
  zT = (const char *)sqlite3_column_text(pStmt, iT);
  nPick = sqlite3_column_int(pStmt, iP);
  if( zQ==0 || zT==0 ) return 0;
  for(i=0; i<k->p->nItem; i++){
    if( strcmp(k->p->aItem[i].zQuestion, zQ)==0 ){ s = &k->p->aItem[i]; break; }
  }
  if( s==0 ) return 0;
  for(o=0; o<s->nOption && strcmp(s->aOption[o].zText, zT)!=0; o++){}
  if( o==s->nOption ){
    KioskItemOption *aNew = sqlite3_realloc64(s->aOption,
                                  sizeof(KioskItemOption)*(size_t)(o+1));
    if( aNew==0 ){ k->bNoMem = 1; return 1; }
    s->aOption = aNew;
    memset(&aNew[o], 0, sizeof(aNew[o]));
    aNew[o].zText = kioskStrDup(zT);
    aNew[o].rCredit = sqlite3_column_double(pStmt, iC);
    s->nOption++;
    if( aNew[o].zText==0 ){ k->bNoMem = 1; return 1; }
  }
  s->aOption[o].nPick += nPick>0;
  if( k->bTop ) s->aOption[o].nPickTop += nPick>0;
  return 0;
}

int kioskItemStatsFromRecords(KioskRecords *pRec, const char *zPack,
                              KioskItemStats *p, KioskError *pErr){
  Loader l;
  KioskRecFilter f;
  int rc = 0, a, i;
  double *aTotal = 0;
  int *abTop = 0;

  memset(p, 0, sizeof(*p));
  memset(&l, 0, sizeof(l));
  l.p = p;
  if( zPack==0 || zPack[0]==0 ){
    return kioskErrorSet(pErr, KIOSK_EARG, "PACK", 0, 0, 0,
                         "item statistics are per pack: name one");
  }
  memset(&f, 0, sizeof(f));
  f.zPack = zPack;
  f.zStatus = "finished";
  rc = kioskRecordsAttempts(pRec, &f, onAttempt, &l, pErr);
  if( rc ) goto done;
  if( l.bNoMem ) goto nomem;
  for(a=0; a<l.nAtt; a++){
    l.iAtt = a;
    l.nIdx = 0;
    rc = kioskRecordsAttemptQuestions(pRec, l.aAtt[a].iId, onQuestion, &l,
                                      pErr);
    if( rc==0 && l.bNoMem ) goto nomem;
    if( rc ) goto done;
    rc = kioskRecordsAttemptAnswers(pRec, l.aAtt[a].iId, onAnswer, &l, pErr);
    if( rc ) goto done;
  }
  aTotal = sqlite3_malloc64(sizeof(double)*(size_t)(l.nAtt+1));
  abTop = sqlite3_malloc64(sizeof(int)*(size_t)(l.nAtt+1));
  if( aTotal==0 || abTop==0 ) goto nomem;
  {
    /* marks packed nAtt x nItem for the computation */
    double *aMark = sqlite3_malloc64(sizeof(double)
                                     *(size_t)(l.nAtt*p->nItem+1));
    if( aMark==0 ) goto nomem;
    for(a=0; a<l.nAtt; a++){
      aTotal[a] = 0;
      for(i=0; i<p->nItem; i++){
        double m = l.aMark[(size_t)a*l.nItemAlloc+i];
        aMark[(size_t)a*p->nItem+i] = m;
        if( !isnan(m) ) aTotal[a] += m;
      }
    }
    kioskItemStatsTopThird(l.nAtt, aTotal, abTop);
    /* each attempt's option picks, counted overall and in the top third */
    for(a=0; a<l.nAtt && rc==0; a++){
      Picks k;
      KioskRecFilter fa;
      memset(&k, 0, sizeof(k));
      memset(&fa, 0, sizeof(fa));
      k.p = p;
      k.bTop = abTop[a];
      fa.iAttempt = l.aAtt[a].iId;
      rc = kioskRecordsItems(pRec, &fa, KIOSK_ITEMS_OPTIONS, onPick, &k, pErr);
      if( rc==0 && k.bNoMem ) rc = -1;
    }
    if( rc==0 && kioskItemStatsCompute(p, l.nAtt, aMark, l.aMax, abTop) ){
      rc = -1;
    }
    sqlite3_free(aMark);
    if( rc<0 ) goto nomem;
  }
  goto done;

nomem:
  rc = kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0, "out of memory");
done:
  if( rc ) kioskItemStatsReset(p);
  sqlite3_free(l.aAtt);
  sqlite3_free(l.aMark);
  sqlite3_free(l.aMax);
  sqlite3_free(aTotal);
  sqlite3_free(abTop);
  return rc;
}

/* ========================================================================
** CSV
*/

/* One CSV field: quoted when it holds a comma, quote or line end; a text
** a spreadsheet would take for a formula (= + - @, tab, CR first) gets a
** leading '. */
static void csvField(sqlite3_str *p, const char *z, int bText){
  int bQuote = strpbrk(z, ",\"\r\n")!=0;
  if( bText && (z[0]=='=' || z[0]=='+' || z[0]=='-' || z[0]=='@'
                || z[0]=='\t' || z[0]=='\r') ){
    sqlite3_str_appendchar(p, 1, '\'');
  }
  if( bQuote ) sqlite3_str_appendchar(p, 1, '"');
  for(; *z; z++){
    if( *z=='"' ) sqlite3_str_appendchar(p, 1, '"');
    sqlite3_str_appendchar(p, 1, *z);
  }
  if( bQuote ) sqlite3_str_appendchar(p, 1, '"');
}

static void csvNum(sqlite3_str *p, double r){
  if( isnan(r) ) return;           /* undefined: an empty cell */
  sqlite3_str_appendf(p, "%.2f", r);
}

int kioskItemStatsCsv(const KioskItemStats *p, FILE *out, KioskError *pErr){
  sqlite3_str *s = sqlite3_str_new(0);
  char *z;
  int i, k, rc = 0;
  sqlite3_str_appendall(s, "row,question,kind,text,credit,count,"
      "share_percent,top_third_share_percent,facility_percent,sd_percent,"
      "discrimination_index,discriminative_efficiency,flags\r\n");
  for(i=0; i<p->nItem; i++){
    const KioskItemStat *t = &p->aItem[i];
    char zFlags[512];
    zFlags[0] = 0;
    if( t->bNegative ){
      snprintf(zFlags, sizeof(zFlags), "negative discrimination");
    }
    if( t->iWrongTop>=0 ){
      size_t n = strlen(zFlags);
      snprintf(zFlags+n, sizeof(zFlags)-n, "%swrong option \"%.200s\" chosen "
               "more than the right one by the top third",
               n ? "; " : "", t->aOption[t->iWrongTop].zText);
    }
    sqlite3_str_appendall(s, "question,");
    csvField(s, t->zQuestion, 1);
    sqlite3_str_appendchar(s, 1, ',');
    csvField(s, t->zKind, 1);
    sqlite3_str_appendchar(s, 1, ',');
    csvField(s, t->zPrompt, 1);
    sqlite3_str_appendf(s, ",,%d,,,", t->nAttempt);
    csvNum(s, t->rFacility);
    sqlite3_str_appendchar(s, 1, ',');
    csvNum(s, t->rSd);
    sqlite3_str_appendchar(s, 1, ',');
    csvNum(s, t->rDiscrimination);
    sqlite3_str_appendchar(s, 1, ',');
    csvNum(s, t->rEfficiency);
    sqlite3_str_appendchar(s, 1, ',');
    csvField(s, zFlags, 1);
    sqlite3_str_appendall(s, "\r\n");
    for(k=0; k<t->nOption; k++){
      const KioskItemOption *o = &t->aOption[k];
      sqlite3_str_appendall(s, "option,");
      csvField(s, t->zQuestion, 1);
      sqlite3_str_appendchar(s, 1, ',');
      csvField(s, t->zKind, 1);
      sqlite3_str_appendchar(s, 1, ',');
      csvField(s, o->zText, 1);
      sqlite3_str_appendf(s, ",%g,%d,", o->rCredit, o->nPick);
      csvNum(s, t->nAttempt ? 100.0*o->nPick/t->nAttempt : NAN);
      sqlite3_str_appendchar(s, 1, ',');
      csvNum(s, t->nTop ? 100.0*o->nPickTop/t->nTop : NAN);
      sqlite3_str_appendall(s, ",,,,,\r\n");
    }
  }
  if( sqlite3_str_errcode(s) ){
    sqlite3_free(sqlite3_str_finish(s));
    return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                         "out of memory");
  }
  z = sqlite3_str_finish(s);
  if( z && fputs(z, out)==EOF ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "WRITE", 0, 0, 0,
                       "cannot write the statistics");
  }
  sqlite3_free(z);
  return rc;
}
