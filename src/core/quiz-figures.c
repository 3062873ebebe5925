/*
** quiz-figures.c: questions about amounts and quantities (figures table).
**
**   figure-amount  "Between 1992 and 2000, how much was Japanese economic
**                  aid to Uzbekistan?" (choice)
**   figure-typed   the same, typed ("396 million", "$396m", ...) (number)
**   figure-which   "Which of these came to $2.5 billion?", "Which of
**                  these was 5?" (options "The number of ...") (choice)
**   truefalse-figure  "..., Japanese economic aid to Uzbekistan came to
**                  $396 million." true or false (the amount comes last)
**
** Wrong amounts are the same unit and order of magnitude: sibling figures
** first (figures.grp: other countries, other periods), then scaled
** variants rounded like the right one. A wrong amount must not pass for
** the right one (kioskAmountSame) nor for any figure with the same label,
** and a wrong figure in figure-which must not have the asked amount: the
** course has $2.5 billion twice (1991 grants, 2017 FDI stock in
** Uzbekistan), so neither is ever a wrong option for the other.
*/
#include "quizint.h"
#include "amount.h"

#include <math.h>
#include <string.h>

static const char zSiblingSql[] =
  "SELECT " FG_COLS " FROM figures WHERE grp=?1 AND id<>?2 AND unit=?3"
  " AND support='stated'"
  " ORDER BY rowid LIMIT 16";
static const char zSameLabelSql[] =
  "SELECT " FG_COLS " FROM figures WHERE label=?1 AND unit=?2 LIMIT 64";

static const char zRegionSql[] =
  "SELECT count(*) FROM countries WHERE in_region=1";

static int isCount(const Row *pFig){
  return strcmp(pFig->az[FG_UNIT], "count")==0;
}

static const char *amountText(QuizGen *g, double v, const char *zUnit,
                              int bApprox){
  char zBuf[96];
  kioskAmountFormat(v, zUnit, bApprox, zBuf, (int)sizeof(zBuf));
  return qStr(g, zBuf);
}

/* 1 when v is certainly not the value of figure pFig: not the same amount,
** and no figure with the same label and unit has it either. -1 on error. */
static int valueIsWrong(QuizGen *g, const Row *pFig, double v){
  Row aRow[64];
  int n, i, bApprox = pFig->ar[FG_APPROX]!=0;
  if( v<=0 ) return 0;
  if( isCount(pFig) && v!=floor(v) ) return 0;
  if( kioskAmountSame(v, pFig->ar[FG_VALUE], bApprox) ) return 0;
  n = qFetch(g, zSameLabelSql, aRow, 64, "tt", pFig->az[FG_LABEL],
             pFig->az[FG_UNIT]);
  if( n<0 ) return -1;
  if( n>=64 ) return 0;
  for(i=0; i<n; i++){
    if( kioskAmountSame(aRow[i].ar[FG_VALUE], v,
                        bApprox || aRow[i].ar[FG_APPROX]!=0) ){
      return 0;
    }
  }
  return 1;
}

/* 1 when some figure labelled zLabel (unit zUnit) passes for amount v;
** -1 on error. */
static int labelHasValue(QuizGen *g, const char *zLabel, const char *zUnit,
                         double v, int bApprox){
  Row aRow[64];
  int n = qFetch(g, zSameLabelSql, aRow, 64, "tt", zLabel, zUnit), i;
  if( n<0 ) return -1;
  if( n>=64 ) return 1;
  for(i=0; i<n; i++){
    if( kioskAmountSame(aRow[i].ar[FG_VALUE], v,
                        bApprox || aRow[i].ar[FG_APPROX]!=0) ) return 1;
  }
  return 0;
}

/* 1 when every figure of pFig's label and unit has pFig's value (two
** sources giving two amounts make a typed answer ambiguous). */
static int labelUnambiguous(QuizGen *g, const Row *pFig){
  Row aRow[16];
  int n = qFetch(g, zSameLabelSql, aRow, 16, "tt", pFig->az[FG_LABEL],
                 pFig->az[FG_UNIT]), i;
  if( n<=0 || n>=16 ) return 0;
  for(i=0; i<n; i++){
    if( !kioskAmountSame(aRow[i].ar[FG_VALUE], pFig->ar[FG_VALUE],
                         aRow[i].ar[FG_APPROX]!=0 || pFig->ar[FG_APPROX]!=0) ){
      return 0;
    }
  }
  return 1;
}

int qWrongValues(QuizGen *g, const Row *pFig, double *aOut, int nWant){
  static const double aMul[] = {
    0.4, 0.5, 0.6, 0.75, 0.8, 1.25, 1.5, 1.75, 2, 2.5, 3
  };
  double aCand[40], v = pFig->ar[FG_VALUE];
  int nCand = 0, nSib = 0, i, j, n = 0;
  int bApprox = pFig->ar[FG_APPROX]!=0;
  int nSig = kioskAmountSigDigits(v);
  const char *zRight = amountText(g, v, pFig->az[FG_UNIT], bApprox);
  if( nSig<2 ) nSig = 2;

  if( pFig->az[FG_GRP] ){
    Row aSib[16];
    int nRow = qFetch(g, zSiblingSql, aSib, 16, "ttt", pFig->az[FG_GRP],
                      pFig->az[FG_ID], pFig->az[FG_UNIT]);
    if( nRow<0 ) return -1;
    for(i=0; i<nRow; i++){
      double s = aSib[i].ar[FG_VALUE];
      if( s>=v/5 && s<=v*5 ) aCand[nCand++] = s;
    }
    qShuffle(g, aCand, nCand, (int)sizeof(double));
    nSib = nCand;
  }
  if( isCount(pFig) ){
    static const int aDelta[] = { -3, -2, -1, 1, 2, 3 };
    /* a count of Central Asian states, ministers or embassies there
    ** cannot pass the number of states in the region (five) */
    double rMax = 1e300;
    Row r;
    if( strstr(pFig->az[FG_LABEL], "Central Asia")
     && qFetch(g, zRegionSql, &r, 1, "")==1 && r.ar[0]>0 ){
      rMax = r.ar[0];
    }
    for(i=0; i<6; i++){
      if( v + aDelta[i]>=1 && v + aDelta[i]<=rMax ) aCand[nCand++] = v + aDelta[i];
    }
  }else{
    for(i=0; i<(int)(sizeof(aMul)/sizeof(aMul[0])); i++){
      aCand[nCand++] = kioskAmountRound(v*aMul[i], nSig);
    }
  }
  qShuffle(g, aCand+nSib, nCand-nSib, (int)sizeof(double));

  for(i=0; i<nCand && n<nWant; i++){
    double c = aCand[i];
    const char *zText;
    int rc = valueIsWrong(g, pFig, c);
    if( rc<0 ) return -1;
    if( rc==0 ) continue;
    zText = amountText(g, c, pFig->az[FG_UNIT], bApprox);
    if( zText==0 || strcmp(zText, zRight)==0 ) continue;
    for(j=0; j<n; j++){
      if( kioskAmountSame(aOut[j], c, bApprox) ) break;
      if( strcmp(amountText(g, aOut[j], pFig->az[FG_UNIT], bApprox),
                 zText)==0 ) break;
    }
    if( j<n ) continue;
    aOut[n++] = c;
  }
  return n;
}

/* ---------------------------------------------------------------- wording
**
** A figure's label is a noun phrase ("Grants Japan decided to give the
** post-Soviet countries", "Planned length of the ... pipeline", "Japanese
** economic aid to Uzbekistan, 1992-2000"); its period says when. The
** helpers below turn the two into questions and sentences a teacher would
** write: "In October 1991, how much were the grants Japan decided to give
** the post-Soviet countries?", "Between 1992 and 2000, Japanese economic
** aid to Uzbekistan came to $396 million." */

static const char zFigEventSql[] =
  "SELECT e.detail FROM figures f JOIN events e ON e.y0=f.y0 AND e.y1=f.y1"
  " AND e.date=f.period AND e.source=f.source WHERE f.id=?1"
  " ORDER BY e.rowid LIMIT 1";

/* The label without a trailing ", 1992-2000" when the period carries the
** years. */
static const char *figLabel(QuizGen *g, const Row *pFig){
  const char *zLabel = pFig->az[FG_LABEL];
  const char *p = strrchr(zLabel, ',');
  if( pFig->az[FG_PERIOD] && p && p[1]==' ' ){
    const char *q = p+2;
    while( (*q>='0' && *q<='9') || *q=='-' ) q++;
    if( *q==0 && q>p+2 ) return qPrintf(g, "%.*s", (int)(p-zLabel), zLabel);
  }
  return zLabel;
}

/* "in October 1991" etc., or NULL when there is no period or the label
** already says when (a year of the period, or its decade: "1990s"). */
static const char *figWhen(QuizGen *g, const Row *pFig){
  KioskDate d;
  const char *zLabel = figLabel(g, pFig);
  int y;
  if( pFig->az[FG_PERIOD]==0 || zLabel==0 ) return 0;
  if( kioskDateParse(pFig->az[FG_PERIOD], -1, &d, 0, 0) ) return 0;
  for(y=d.y0; y<=d.y1; y++){
    if( strstr(zLabel, qPrintf(g, "%d", y)) ) return 0;
  }
  if( strstr(zLabel, qPrintf(g, "%d0s", d.y0/10)) ) return 0;
  return qWhen(g, pFig->az[FG_PERIOD]);
}

/* 1 when the label names a measure of something: "Value of ...",
** "Planned length of ...", "Estimated cost of ...". */
static int figIsMeasure(QuizGen *g, const Row *pFig){
  static const char *const azMeasure[] = {
    "value", "cost", "length", "capacity", "price", "size", "number",
    "total", "amount", "share", "sum", "volume", "area", "distance",
    "population", "budget", "height", "depth", "output", "worth", 0
  };
  const char *zLabel = qFold(g, pFig->az[FG_LABEL]);
  const char *zOf = strstr(zLabel, " of ");
  const char *p;
  int i, nWord = 1;
  if( zOf==0 ) return 0;
  for(p=zLabel; p<zOf; p++) if( *p==' ' ) nWord++;
  if( nWord>2 ) return 0;
  p = zOf;
  while( p>zLabel && p[-1]!=' ' ) p--;
  for(i=0; azMeasure[i]; i++){
    size_t k = strlen(azMeasure[i]);
    if( (size_t)(zOf-p)==k && strncmp(p, azMeasure[i], k)==0 ) return 1;
  }
  return 0;
}

/* The figure as the subject of a sentence, inside it: "the grants Japan
** decided ...", "the planned length of ...", "Japanese economic aid to
** Uzbekistan". */
static const char *figSubject(QuizGen *g, const Row *pFig){
  const char *zLabel = figLabel(g, pFig);
  if( zLabel==0 ) return 0;
  if( qFirstWordCommon(g, zLabel) ){
    return qPrintf(g, "the %s", qInSentence(g, zLabel));
  }
  return zLabel;
}

/* 1 when the first word of the label is a plural ("Grants"). */
static int figPlural(const Row *pFig){
  const char *z = pFig->az[FG_LABEL];
  int n = 0;
  while( z[n] && z[n]!=' ' ) n++;
  return n>2 && z[n-1]=='s' && z[n-2]!='s';
}

static int wordUpper(const char *z){
  return z[0]>='A' && z[0]<='Z';
}

/* For a count: the label with "were" put before its verb or preposition,
** "Central Asian countries were visited by Shinzo Abe in 2015",
** "Japanese embassies were opened in ...", or NULL when the label does
** not split so ("Countries the proposed corridor would cross"). */
static const char *countWere(QuizGen *g, const Row *pFig){
  static const char *const azPrep[] = {
    "at", "in", "on", "from", "to", "by", "for", "with", "during", 0
  };
  static const char *const azStop[] = {
    "the", "a", "an", "its", "their", "this", "that", "which", "who",
    "would", "will", "could", "should", "can", "may", "might", "did", 0
  };
  const char *zLabel = qInSentence(g, figLabel(g, pFig));
  const char *p;
  if( zLabel==0 ) return 0;
  for(p=strchr(zLabel, ' '); p; p=strchr(p+1, ' ')){
    const char *w = p+1;
    int n = 0, i;
    while( w[n] && w[n]!=' ' ) n++;
    if( n==0 || wordUpper(w) ) continue;
    if( n>3 && w[n-2]=='e' && w[n-1]=='d' ){
      return qPrintf(g, "%.*s were %s", (int)(p-zLabel), zLabel, w);
    }
    for(i=0; azPrep[i]; i++){
      if( (int)strlen(azPrep[i])==n && strncmp(w, azPrep[i], (size_t)n)==0 ){
        return qPrintf(g, "%.*s were %s", (int)(p-zLabel), zLabel, w);
      }
    }
    for(i=0; azStop[i]; i++){
      /* "the", "would": a clause begins and the phrase does not split */
      if( (int)strlen(azStop[i])==n && strncmp(w, azStop[i], (size_t)n)==0 ){
        return 0;
      }
    }
  }
  return 0;
}

/* For a count whose label is a noun and a clause with a modal verb,
** "Countries the proposed corridor would cross": its parts (noun
** "countries", modal "would", subject "the proposed corridor", verb
** phrase "cross"), in the arena. Returns 0 when the label is not built
** so. */
typedef struct CountClause {
  const char *zNoun, *zModal, *zSubj, *zVerb;
} CountClause;
static int countClause(QuizGen *g, const Row *pFig, CountClause *pC){
  static const char *const azArt[] = { "the", "a", "an", "its", "their", 0 };
  static const char *const azModal[] = {
    "would", "will", "could", "should", "can", "might", "did", 0
  };
  const char *zLabel = qInSentence(g, figLabel(g, pFig));
  const char *zArt = 0, *p;
  int i;
  if( zLabel==0 ) return 0;
  for(p=strchr(zLabel, ' '); p; p=strchr(p+1, ' ')){
    const char *w = p+1;
    int n = 0;
    while( w[n] && w[n]!=' ' ) n++;
    if( zArt==0 ){
      for(i=0; azArt[i]; i++){
        if( (int)strlen(azArt[i])==n && strncmp(w, azArt[i], (size_t)n)==0 ){
          zArt = p;
        }
      }
      continue;
    }
    for(i=0; azModal[i]; i++){
      if( (int)strlen(azModal[i])==n && strncmp(w, azModal[i], (size_t)n)==0
       && w[n]==' ' ){
        pC->zNoun = qPrintf(g, "%.*s", (int)(zArt-zLabel), zLabel);
        pC->zModal = azModal[i];
        pC->zSubj = qPrintf(g, "%.*s", (int)(p-zArt-1), zArt+1);
        pC->zVerb = w+n+1;
        return pC->zNoun && pC->zSubj;
      }
    }
  }
  return 0;
}

/* "When, z" with z's first letter small, or "Z" capitalised when there
** is no when. */
static const char *withWhen(QuizGen *g, const char *zWhen, const char *z){
  if( zWhen ) return qCap(g, qPrintf(g, "%s, %s", zWhen, z));
  return qCap(g, z);
}

/* The question: "In October 1991, how much were the grants ...?" */
static const char *figQuestion(QuizGen *g, const Row *pFig){
  const char *zUnit = pFig->az[FG_UNIT];
  const char *zWhen = figWhen(g, pFig);
  const char *zSubj = figSubject(g, pFig);
  const char *z;
  if( strcmp(zUnit, "count")==0 ){
    const char *zWere = countWere(g, pFig);
    CountClause c;
    if( zWere ) z = qPrintf(g, "how many %s?", zWere);
    else if( countClause(g, pFig, &c) ){
      z = qPrintf(g, "how many %s %s %s %s?", c.zNoun, c.zModal, c.zSubj,
                  c.zVerb);
    }
    else z = qPrintf(g, "what was the number of %s?",
                     qInSentence(g, figLabel(g, pFig)));
  }else if( figIsMeasure(g, pFig) ){
    z = qPrintf(g, "what was %s?", zSubj);
  }else if( strcmp(zUnit, "USD")==0 ){
    z = qPrintf(g, "how much %s %s?", figPlural(pFig) ? "were" : "was", zSubj);
  }else if( strcmp(zUnit, "km")==0 ){
    z = qPrintf(g, "how long %s %s?", figPlural(pFig) ? "were" : "was", zSubj);
  }else{
    z = qPrintf(g, "how much gas a year did %s carry?", zSubj);
  }
  return withWhen(g, zWhen, z);
}

/* The fact as a sentence, with amount zAmount: "Between 1992 and 2000,
** Japanese economic aid to Uzbekistan came to $396 million." With bEnd
** the amount comes last, for true/false claims ("..., the number of X
** was 5."). */
static const char *figSentence(QuizGen *g, const Row *pFig,
                               const char *zAmount, int bEnd){
  const char *zWhen = figWhen(g, pFig);
  const char *z;
  if( strcmp(pFig->az[FG_UNIT], "count")==0 ){
    int bOne = strcmp(zAmount, "1")==0;
    CountClause c;
    if( !bEnd && countClause(g, pFig, &c) ){
      /* "the proposed corridor would cross 3 countries" */
      z = qPrintf(g, "%s %s %s %s %s.", c.zSubj, c.zModal, c.zVerb, zAmount,
                  c.zNoun);
    }else if( bEnd ){
      z = qPrintf(g, "the number of %s was %s.",
                  qInSentence(g, figLabel(g, pFig)), zAmount);
    }else{
      z = qPrintf(g, "there %s %s %s.", bOne ? "was" : "were", zAmount,
                  qInSentence(g, figLabel(g, pFig)));
    }
  }else if( figIsMeasure(g, pFig) || strcmp(pFig->az[FG_UNIT], "USD")!=0 ){
    z = qPrintf(g, "%s was %s.", figSubject(g, pFig), zAmount);
  }else{
    z = qPrintf(g, "%s came to %s.", figSubject(g, pFig), zAmount);
  }
  return withWhen(g, zWhen, z);
}

static const char *figAmount(QuizGen *g, const Row *pFig){
  return amountText(g, pFig->ar[FG_VALUE], pFig->az[FG_UNIT],
                    pFig->ar[FG_APPROX]!=0);
}

/* What tells the sibling figures apart: the labels less their common
** start and end ("Japanese economic aid to Kazakhstan, 1992-2000" ->
** "Kazakhstan"). Fills azPart[0..n) or returns 0 when a part is empty. */
static int siblingParts(QuizGen *g, const char **azLabel, int n,
                        const char **azPart){
  size_t nPre, nSuf, k;
  int i;
  nPre = strlen(azLabel[0]);
  nSuf = nPre;
  for(i=1; i<n; i++){
    size_t m = strlen(azLabel[i]), l0 = strlen(azLabel[0]);
    for(k=0; k<nPre && k<m && azLabel[i][k]==azLabel[0][k]; k++){}
    nPre = k;
    for(k=0; k<nSuf && k<m && k<l0
             && azLabel[i][m-1-k]==azLabel[0][l0-1-k]; k++){}
    nSuf = k;
  }
  /* whole words only */
  while( nPre>0 && azLabel[0][nPre-1]!=' ' ) nPre--;
  {
    size_t l0 = strlen(azLabel[0]);
    while( nSuf>0 && azLabel[0][l0-nSuf]!=' ' && azLabel[0][l0-nSuf]!=',' ){
      nSuf--;
    }
  }
  for(i=0; i<n; i++){
    size_t m = strlen(azLabel[i]);
    const char *z;
    int len;
    if( nPre+nSuf>=m ) return 0;
    z = azLabel[i]+nPre;
    len = (int)(m-nPre-nSuf);
    while( len>0 && (z[len-1]==' ' || z[len-1]==',') ) len--;
    if( len<=0 ) return 0;
    azPart[i] = qPrintf(g, "%.*s", len, z);
    if( azPart[i]==0 ) return 0;
  }
  return 1;
}

/* Why: the fact as a sentence; the event it belongs to (same period and
** footnote), which says what lay behind it; the sibling figures for
** comparison ("For comparison: Kazakhstan $306 million, Kyrgyzstan $290
** million."). */
static const char *figureExplain(QuizGen *g, const Row *pFig){
  Row aSib[16], ev;
  const char *z, *azLabel[17], *azPart[17];
  int n = 0, i;
  z = figSentence(g, pFig, figAmount(g, pFig), 0);
  if( qFetch(g, zFigEventSql, &ev, 1, "t", pFig->az[FG_ID])==1
   && ev.az[0] ){
    z = qPrintf(g, "%s %s", z, ev.az[0]);
  }
  if( pFig->az[FG_GRP] ){
    n = qFetch(g, zSiblingSql, aSib, 16, "ttt", pFig->az[FG_GRP],
               pFig->az[FG_ID], pFig->az[FG_UNIT]);
  }
  if( n>3 ) n = 3;
  if( n==1 ){
    z = qPrintf(g, "%s For comparison, %s", z,
                qInSentence(g, figSentence(g, &aSib[0],
                                           figAmount(g, &aSib[0]), 0)));
  }else if( n>1 ){
    azLabel[0] = pFig->az[FG_LABEL];
    for(i=0; i<n; i++) azLabel[i+1] = aSib[i].az[FG_LABEL];
    if( !siblingParts(g, azLabel, n+1, azPart) ){
      for(i=0; i<=n; i++) azPart[i] = azLabel[i];
    }
    z = qPrintf(g, "%s For comparison:", z);
    for(i=0; i<n; i++){
      z = qPrintf(g, "%s %s %s%s", z, azPart[i+1],
                  figAmount(g, &aSib[i]), i+1<n ? "," : ".");
    }
  }
  return z;
}

static KioskQuestion *figureAmount(QuizGen *g, const Row *pFig){
  double aWrong[3];
  QOpts opts;
  KioskQuestion *q;
  int i, n, bApprox = pFig->ar[FG_APPROX]!=0;
  const char *zRight = amountText(g, pFig->ar[FG_VALUE], pFig->az[FG_UNIT],
                                  bApprox);
  n = qWrongValues(g, pFig, aWrong, 3);
  if( n<2 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, zRight, 1, pFig->az[FG_ID], pFig->ar[FG_VALUE]);
  for(i=0; i<n; i++){
    qOptAdd(g, &opts, amountText(g, aWrong[i], pFig->az[FG_UNIT], bApprox),
            0, 0, aWrong[i]);
  }
  if( opts.n<3 ) return 0;
  q = qNew(g, KQ_CHOICE, "figure", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, figQuestion(g, pFig))
   || qSet(g, &q->zAnswer, zRight)
   || qSet(g, &q->zExplain, figureExplain(g, pFig))
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE])
   || qOptsToQuestion(g, q, &opts, 1) ){
    return qDrop(q);
  }
  return qFinish(g, q, "amount");
}

static KioskQuestion *figureTyped(QuizGen *g, const Row *pFig){
  KioskQuestion *q;
  double v = pFig->ar[FG_VALUE];
  int bApprox = pFig->ar[FG_APPROX]!=0;
  const char *zHint;
  const char *zUnit = pFig->az[FG_UNIT];
  if( strcmp(zUnit, "USD")==0 ) zHint = "Type the amount (for example, $12 million).";
  else if( strcmp(zUnit, "km")==0 ) zHint = "Type the distance in kilometres.";
  else if( strcmp(zUnit, "bcm/yr")==0 ) zHint = "Type the volume in bcm a year.";
  else zHint = "Type the number.";
  if( !labelUnambiguous(g, pFig) ) return 0;
  q = qNew(g, KQ_NUMBER, "figure", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  q->rValue = v;
  q->rTol = bApprox ? 0.15*v : isCount(pFig) ? 0 : 0.005*v;
  if( qSet(g, &q->zUnit, zUnit)
   || qSet(g, &q->zPrompt, qPrintf(g, "%s %s", figQuestion(g, pFig),
                                   zHint))
   || qSet(g, &q->zAnswer, amountText(g, v, zUnit, bApprox))
   || qSet(g, &q->zExplain, figureExplain(g, pFig))
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, "typed");
}

/* An option of figure-which: the label, or for a count the number it
** is ("Which of these was 5?" "The number of Central Asian countries
** visited by Shinzo Abe in 2015": a count is not a thing that "numbered
** 5"). */
static const char *whichOption(QuizGen *g, const Row *pFig){
  if( !isCount(pFig) ) return pFig->az[FG_LABEL];
  return qPrintf(g, "The number of %s", qInSentence(g, pFig->az[FG_LABEL]));
}

static KioskQuestion *figureWhich(QuizGen *g, const Row *pFig){
  Row aCand[32], aWrong[3];
  QOpts opts;
  KioskQuestion *q;
  int nCand = 0, nSib = 0, k, i, nWrong = 0;
  int bApprox = pFig->ar[FG_APPROX]!=0;
  double v = pFig->ar[FG_VALUE];
  const char *zAmount = amountText(g, v, pFig->az[FG_UNIT], bApprox);
  const char *zVerb, *zOthers = "";
  const char *zUnit = pFig->az[FG_UNIT];

  /* Wrong options are the figure's siblings only (the same measure for
  ** other countries or the total): a label from elsewhere in the course
  ** ("Estimated cost of the pipeline" against aid figures) is another kind
  ** of thing and rules itself out. Counts are not asked this way ("Which
  ** of these was 2?" names no thing that was 2). */
  if( isCount(pFig) || pFig->az[FG_GRP]==0 ) return 0;
  nSib = qFetch(g, zSiblingSql, aCand, 16, "ttt", pFig->az[FG_GRP],
                pFig->az[FG_ID], zUnit);
  if( nSib<0 ) return 0;
  qShuffle(g, aCand, nSib, (int)sizeof(Row));
  nCand = nSib;

  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, whichOption(g, pFig), 1, pFig->az[FG_ID], 0);
  for(i=0; i<nCand && nWrong<3; i++){
    const Row *c = &aCand[i];
    if( strcmp(c->az[FG_ID], pFig->az[FG_ID])==0 ) continue;
    if( kioskAmountSame(c->ar[FG_VALUE], v,
                        bApprox || c->ar[FG_APPROX]!=0) ) continue;
    if( qOptHas(g, &opts, c->az[FG_LABEL]) ) continue;
    k = labelHasValue(g, c->az[FG_LABEL], zUnit, v, bApprox);
    if( k<0 ) return 0;
    if( k ) continue;
    if( qOptAdd(g, &opts, whichOption(g, c), 0, c->az[FG_ID], 0) ){
      aWrong[nWrong++] = *c;
    }
  }
  if( nWrong<2 ) return 0;
  for(i=0; i<nWrong; i++){
    zOthers = qPrintf(g, "%s%s%s (%s)", zOthers, i ? "; " : "",
                      isCount(pFig) ? qInSentence(g, whichOption(g, &aWrong[i]))
                                    : aWrong[i].az[FG_LABEL],
                      amountText(g, aWrong[i].ar[FG_VALUE], zUnit,
                                 aWrong[i].ar[FG_APPROX]!=0));
  }
  if( strcmp(zUnit, "count")==0 ) zVerb = "was";
  else if( strcmp(zUnit, "km")==0 ) zVerb = "measured";
  else if( strcmp(zUnit, "bcm/yr")==0 ) zVerb = "was";
  else zVerb = "came to";
  q = qNew(g, KQ_CHOICE, "figure", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, qPrintf(g, "Which of these %s %s?", zVerb, zAmount))
   || qSet(g, &q->zAnswer, whichOption(g, pFig))
   || qSet(g, &q->zExplain, qPrintf(g, "%s The others: %s.",
                                    figSentence(g, pFig, zAmount, 0),
                                    zOthers))
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE])
   || qOptsToQuestion(g, q, &opts, 0) ){
    return qDrop(q);
  }
  return qFinish(g, q, "which");
}

KioskQuestion *quizFigure(QuizGen *g){
  Row fig;
  int aForm[3] = {0, 1, 2}, i;
  if( qProbe(g, QT_FIGURE, &fig)!=1 ) return 0;
  qShuffle(g, aForm, 3, (int)sizeof(int));
  for(i=0; i<3; i++){
    KioskQuestion *q = 0;
    switch( aForm[i] ){
      case 0: if( qKindOk(g, KQ_CHOICE) ) q = figureAmount(g, &fig); break;
      case 1: if( qKindOk(g, KQ_NUMBER) ) q = figureTyped(g, &fig); break;
      case 2: if( qKindOk(g, KQ_CHOICE) ) q = figureWhich(g, &fig); break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

KioskQuestion *quizTfFigure(QuizGen *g, const Row *pFig){
  KioskQuestion *q;
  int bTrue = (int)qRand(g, 2), bApprox = pFig->ar[FG_APPROX]!=0;
  double v = pFig->ar[FG_VALUE], w;
  const char *zRight = amountText(g, v, pFig->az[FG_UNIT], bApprox);
  const char *zClaim = zRight, *zExplain;
  if( !bTrue ){
    if( qWrongValues(g, pFig, &w, 1)!=1 ) return 0;
    zClaim = amountText(g, w, pFig->az[FG_UNIT], bApprox);
    zExplain = qPrintf(g, "False: not %s. %s", zClaim,
                       figureExplain(g, pFig));
  }else{
    zExplain = qPrintf(g, "True. %s", figureExplain(g, pFig));
  }
  q = qNew(g, KQ_TF, "truefalse", pFig->az[FG_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddOption(q, "True", bTrue ? 1 : 0, 0, 0)
   || kioskQuestionAddOption(q, "False", bTrue ? 0 : 1, 0, 0) ){
    qOom(g);
    return qDrop(q);
  }
  if( qSet(g, &q->zPrompt, qPrintf(g, "True or false? %s",
                                   figSentence(g, pFig, zClaim, 1)))
   || qSet(g, &q->zAnswer, bTrue ? "True" : "False")
   || qSet(g, &q->zExplain, zExplain)
   || qFact(g, q, pFig->az[FG_ID], pFig->az[FG_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, bTrue ? "figure-true" : "figure-false");
}
