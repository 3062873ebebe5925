/*
** quiz-initiatives.c: questions about initiatives (doctrines, formats,
** plans, declarations ...), matching, and the true/false topic.
**
**   initiative-who         who launched it (choice; wrong: other people)
**   initiative-typed-who   the same, typed (text; name, surname, aliases)
**   initiative-country     which country launched or proposed it (choice;
**                          wrong: countries the fact base does not link
**                          to the initiative at all)
**   initiative-when        year or month (choice, quiz-dates.c)
**   initiative-typed-year  the year, typed
**   initiative-what        which initiative a description fits (choice)
**   initiative-where       where it was adopted or signed (choice; wrong:
**                          other places of the same kind)
**   initiative-absent      which country stayed out (choice; wrong: the
**                          countries recorded as members or hosts)
**   matching-years / -people / -countries   initiatives to their year,
**                          launcher or launching country (match)
**   truefalse-initiative   "... was launched or proposed by X." (tf)
*/
#include "quizint.h"
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

static const char zPersonSql[] =
  "SELECT " PE_COLS " FROM people WHERE id=?1";
static const char zPeopleProbeSql[] =
  "SELECT " PE_COLS ", rowid FROM people WHERE rowid>=?1 AND support='stated'"
  " ORDER BY rowid LIMIT ?2";
static const char zAliasSql[] =
  "SELECT alias FROM aliases WHERE fact=?1 ORDER BY alias LIMIT 16";
static const char zLinkedSql[] =
  "SELECT f.country, c.name, f.role FROM fact_countries f"
  " JOIN countries c ON c.id=f.country WHERE f.fact=?1"
  " ORDER BY c.rowid, f.role LIMIT 64";
static const char zInitProbeSql[] =
  "SELECT " IN_COLS ", rowid FROM initiatives WHERE rowid>=?1 AND support='stated'"
  " ORDER BY rowid LIMIT ?2";
static const char zInitStageSql[] =
  "SELECT " IN_COLS " FROM initiatives WHERE stage=?1 AND support='stated'"
  " ORDER BY rowid LIMIT 12";
static const char zPlaceSql[] =
  "SELECT " PL_COLS " FROM places WHERE id=?1";
static const char zPlaceProbeSql[] =
  "SELECT " PL_COLS ", rowid FROM places WHERE rowid>=?1 AND support='stated'"
  " ORDER BY rowid LIMIT ?2";

static const char *dateOf(QuizGen *g, const Row *pIn){
  KioskDate d;
  char zBuf[96];
  if( kioskDateParse(pIn->az[IN_DATE], -1, &d, 0, 0) ) return pIn->az[IN_DATE];
  kioskDateFormat(&d, zBuf, (int)sizeof(zBuf));
  return qStr(g, zBuf);
}

/* "the Silk Road Action Plan (adopted in March 1998, on the initiative
** of Japan)"; zBy names who launched it instead of the country when
** set. */
static const char *initBrief(QuizGen *g, const Row *pIn, const char *zBy){
  const char *zWhen = qWhen(g, pIn->az[IN_DATE]);
  const char *zCountry = qCountryName(g, pIn->az[IN_BY_COUNTRY]);
  const char *z = qPrintf(g, "%s (%s %s", qTheName(g, pIn->az[IN_NAME]),
                          qInitVerbOf(pIn->az[IN_VERB], pIn->az[IN_KIND]),
                          zWhen ? zWhen : dateOf(g, pIn));
  if( zBy ) z = qPrintf(g, "%s by %s", z, zBy);
  else if( zCountry ){
    z = qPrintf(g, "%s, on the initiative of %s", z, qTheName(g, zCountry));
  }
  return qPrintf(g, "%s)", z);
}

/* initBrief with the summary: "The Silk Road Action Plan (adopted in
** March 1998, ...): Japanese plan on politics, ..." */
static const char *initSays(QuizGen *g, const Row *pIn, const char *zBy){
  return qPrintf(g, "%s: %s", qCap(g, initBrief(g, pIn, zBy)),
                 qInSentence(g, pIn->az[IN_SUMMARY]));
}

/* The last word of a name: "Hashimoto" for "Ryutaro Hashimoto". */
static const char *surname(QuizGen *g, const char *zName){
  const char *z = strrchr(zName, ' ');
  return qStr(g, z ? z+1 : zName);
}

/* Other people than zPersonId, names unlike those in pOpts. */
static int otherPeople(QuizGen *g, const char *zPersonId, QOpts *pOpts,
                       int nWant){
  Row aRow[12];
  int n = qProbeList(g, QT_PERSON, zPeopleProbeSql, aRow, 12, ""), i, k = 0;
  if( n<0 ) return -1;
  qShuffle(g, aRow, n, (int)sizeof(Row));
  for(i=0; i<n && k<nWant; i++){
    if( strcmp(aRow[i].az[PE_ID], zPersonId)==0 ) continue;
    if( qOptAdd(g, pOpts, aRow[i].az[PE_NAME], 0, aRow[i].az[PE_ID], 0) ) k++;
  }
  return k;
}

static KioskQuestion *finishChoice(QuizGen *g, const Row *pIn, QOpts *pOpts,
                                   const char *zPrompt, const char *zAnswer,
                                   const char *zExplain, const char *zForm,
                                   int bSort){
  KioskQuestion *q = qNew(g, KQ_CHOICE, "initiative", pIn->az[IN_STAGE]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, zPrompt)
   || qSet(g, &q->zAnswer, zAnswer)
   || qSet(g, &q->zExplain, zExplain)
   || qFact(g, q, pIn->az[IN_ID], pIn->az[IN_SOURCE])
   || qOptsToQuestion(g, q, pOpts, bSort) ){
    return qDrop(q);
  }
  return qFinish(g, q, zForm);
}

/* 1 when the initiative's name gives its launcher away ("Koizumi's energy
** plans"). */
static int nameTells(QuizGen *g, const Row *pIn, const Row *pPerson){
  return strstr(qFold(g, pIn->az[IN_NAME]),
                qFold(g, surname(g, pPerson->az[PE_NAME])))!=0;
}

static KioskQuestion *initWho(QuizGen *g, const Row *pIn){
  Row person;
  QOpts opts;
  int n;
  if( pIn->az[IN_LAUNCHED_BY]==0 ) return 0;
  if( qFetch(g, zPersonSql, &person, 1, "t", pIn->az[IN_LAUNCHED_BY])!=1 ){
    return 0;
  }
  if( nameTells(g, pIn, &person) ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, person.az[PE_NAME], 1, person.az[PE_ID], 0);
  n = otherPeople(g, person.az[PE_ID], &opts, 3);
  if( n<2 ) return 0;
  return finishChoice(g, pIn, &opts,
      qPrintf(g, "Who launched \xe2\x80\x9c%s\xe2\x80\x9d?", pIn->az[IN_NAME]),
      person.az[PE_NAME],
      initSays(g, pIn, qPrintf(g, "%s, %s", person.az[PE_NAME],
                               person.az[PE_ROLE])),
      "who", 0);
}

static KioskQuestion *initTypedWho(QuizGen *g, const Row *pIn){
  Row person, aAlias[16];
  KioskQuestion *q;
  int nAlias, i;
  if( pIn->az[IN_LAUNCHED_BY]==0 ) return 0;
  if( qFetch(g, zPersonSql, &person, 1, "t", pIn->az[IN_LAUNCHED_BY])!=1 ){
    return 0;
  }
  if( nameTells(g, pIn, &person) ) return 0;
  nAlias = qFetch(g, zAliasSql, aAlias, 16, "t", person.az[PE_ID]);
  if( nAlias<0 ) return 0;
  q = qNew(g, KQ_TEXT, "initiative", pIn->az[IN_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddAccept(q, person.az[PE_NAME])
   || kioskQuestionAddAccept(q, surname(g, person.az[PE_NAME])) ){
    qOom(g);
    return qDrop(q);
  }
  for(i=0; i<nAlias; i++){
    if( kioskQuestionAddAccept(q, aAlias[i].az[0]) ){ qOom(g); return qDrop(q); }
  }
  if( qSet(g, &q->zPrompt, qPrintf(g, "Who launched \xe2\x80\x9c%s\xe2\x80\x9d? "
                                   "Type the name.", pIn->az[IN_NAME]))
   || qSet(g, &q->zAnswer, person.az[PE_NAME])
   || qSet(g, &q->zExplain, initSays(g, pIn, qPrintf(g, "%s, %s",
                                    person.az[PE_NAME], person.az[PE_ROLE])))
   || qFact(g, q, pIn->az[IN_ID], pIn->az[IN_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, "typed-who");
}

static KioskQuestion *initCountry(QuizGen *g, const Row *pIn){
  Row aOther[3];
  QOpts opts;
  int n, i;
  const char *zName = qCountryName(g, pIn->az[IN_BY_COUNTRY]);
  Row person;
  if( zName==0 ) return 0;
  /* "Koizumi's energy plans": the launcher's name tells the country */
  if( pIn->az[IN_LAUNCHED_BY]
   && qFetch(g, zPersonSql, &person, 1, "t", pIn->az[IN_LAUNCHED_BY])==1
   && nameTells(g, pIn, &person) ){
    return 0;
  }
  n = qOtherCountries(g, pIn->az[IN_ID], pIn->az[IN_BY_COUNTRY], aOther, 3);
  if( n<2 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, zName, 1, 0, 0);
  for(i=0; i<n; i++) qOptAdd(g, &opts, aOther[i].az[1], 0, 0, 0);
  if( opts.n<3 ) return 0;
  return finishChoice(g, pIn, &opts,
      pIn->az[IN_VERB]
        ? qPrintf(g, "Which of these countries %s %s?", pIn->az[IN_VERB],
                  qTheName(g, pIn->az[IN_NAME]))
        : qPrintf(g, "Which country launched or proposed "
                  "\xe2\x80\x9c%s\xe2\x80\x9d?", pIn->az[IN_NAME]),
      zName,
      initSays(g, pIn, 0),
      "country", 0);
}

/* 1 when zText (folded) contains zPart (folded). */
static int foldContains(QuizGen *g, const char *zText, const char *zPart){
  return strstr(qFold(g, zText), qFold(g, zPart))!=0;
}

/* "It is the Silk Road Action Plan (adopted in March 1998, on the
** initiative of Japan). The others: ..." */
static const char *initWhatWhy(QuizGen *g, const Row *pIn, const Row *aWrong,
                               int nWrong){
  const char *z = qPrintf(g, "It is %s.", initBrief(g, pIn, 0));
  int i;
  for(i=0; i<nWrong; i++){
    z = qPrintf(g, "%s%s%s", z, i ? "; " : " The others: ",
                initBrief(g, &aWrong[i], 0));
  }
  return nWrong ? qPrintf(g, "%s.", z) : z;
}

static KioskQuestion *initWhat(QuizGen *g, const Row *pIn){
  Row aCand[24], aAlias[16], aWrong[3];
  QOpts opts;
  int nStage, nProbe, nAlias, i, j, nWrong = 0;
  if( foldContains(g, pIn->az[IN_SUMMARY], pIn->az[IN_NAME]) ) return 0;
  nAlias = qFetch(g, zAliasSql, aAlias, 16, "t", pIn->az[IN_ID]);
  if( nAlias<0 ) return 0;
  nStage = qFetch(g, zInitStageSql, aCand, 12, "t", pIn->az[IN_STAGE]);
  if( nStage<0 ) return 0;
  qShuffle(g, aCand, nStage, (int)sizeof(Row));
  nProbe = qProbeList(g, QT_INIT, zInitProbeSql, aCand+nStage, 12, "");
  if( nProbe<0 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, pIn->az[IN_NAME], 1, pIn->az[IN_ID], 0);
  for(i=0; i<nStage+nProbe && nWrong<3; i++){
    const Row *c = &aCand[i];
    if( strcmp(c->az[IN_ID], pIn->az[IN_ID])==0 ) continue;
    if( qSameText(g, c->az[IN_SUMMARY], pIn->az[IN_SUMMARY]) ) continue;
    for(j=0; j<nAlias; j++){
      if( qSameText(g, c->az[IN_NAME], aAlias[j].az[0]) ) break;
    }
    if( j<nAlias ) continue;
    if( qOptAdd(g, &opts, c->az[IN_NAME], 0, c->az[IN_ID], 0) ){
      aWrong[nWrong++] = *c;
    }
  }
  if( nWrong<2 ) return 0;
  return finishChoice(g, pIn, &opts,
      qPrintf(g, "Which initiative is this? %s", pIn->az[IN_SUMMARY]),
      pIn->az[IN_NAME],
      initWhatWhy(g, pIn, aWrong, nWrong),
      "what", 0);
}

static KioskQuestion *initWhere(QuizGen *g, const Row *pIn){
  Row place, aCand[24];
  QOpts opts;
  int n, i, nWrong = 0;
  if( pIn->az[IN_PLACE]==0 ) return 0;
  if( qFetch(g, zPlaceSql, &place, 1, "t", pIn->az[IN_PLACE])!=1 ) return 0;
  n = qProbeList(g, QT_PLACE, zPlaceProbeSql, aCand, 24, "");
  if( n<0 ) return 0;
  qShuffle(g, aCand, n, (int)sizeof(Row));
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, place.az[PL_NAME], 1, place.az[PL_ID], 0);
  for(i=0; i<n && nWrong<3; i++){
    if( strcmp(aCand[i].az[PL_ID], place.az[PL_ID])==0 ) continue;
    if( strcmp(aCand[i].az[PL_KIND], place.az[PL_KIND])!=0 ) continue;
    if( qOptAdd(g, &opts, aCand[i].az[PL_NAME], 0, aCand[i].az[PL_ID], 0) ){
      nWrong++;
    }
  }
  if( nWrong<2 ) return 0;
  return finishChoice(g, pIn, &opts,
      qPrintf(g, "Where %s %s %s?", qWas(pIn->az[IN_NAME]),
              qTheName(g, pIn->az[IN_NAME]),
              qInitVerbOf(pIn->az[IN_VERB], pIn->az[IN_KIND])),
      place.az[PL_NAME],
      qPrintf(g, "%s %s %s in %s, %s: %s", qCap(g, qTheName(g, pIn->az[IN_NAME])),
              qWas(pIn->az[IN_NAME]), qInitVerbOf(pIn->az[IN_VERB], pIn->az[IN_KIND]), qTheName(g, place.az[PL_NAME]),
              qWhen(g, pIn->az[IN_DATE]) ? qWhen(g, pIn->az[IN_DATE]) : dateOf(g, pIn),
              qInSentence(g, pIn->az[IN_SUMMARY])),
      "where", 0);
}

static KioskQuestion *initAbsent(QuizGen *g, const Row *pIn){
  Row aLink[64];
  QOpts opts;
  int n, i, j, iAbsent = -1, nWrong = 0;
  const char *zMembers = "";
  n = qFetch(g, zLinkedSql, aLink, 64, "t", pIn->az[IN_ID]);
  if( n<0 ) return 0;
  for(i=0; i<n && iAbsent<0; i++){
    if( strcmp(aLink[i].az[2], "absent")==0 ) iAbsent = i;
  }
  if( iAbsent<0 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, aLink[iAbsent].az[1], 1, 0, 0);
  qShuffle(g, aLink, n, (int)sizeof(Row));
  for(i=0; i<n; i++){
    const char *zRole = aLink[i].az[2];
    if( strcmp(zRole, "member")!=0 && strcmp(zRole, "host")!=0 ) continue;
    /* a country both absent and a member (at another time) is no option */
    for(j=0; j<n; j++){
      if( strcmp(aLink[j].az[0], aLink[i].az[0])==0
       && strcmp(aLink[j].az[2], "absent")==0 ) break;
    }
    if( j<n ) continue;
    if( nWrong<3 && qOptAdd(g, &opts, aLink[i].az[1], 0, 0, 0) ){
      nWrong++;
      zMembers = qPrintf(g, "%s%s%s", zMembers, nWrong>1 ? ", " : "",
                         aLink[i].az[1]);
    }
  }
  if( nWrong<2 ) return 0;
  return finishChoice(g, pIn, &opts,
      qPrintf(g, "Which of these countries stayed out of "
              "\xe2\x80\x9c%s\xe2\x80\x9d?", pIn->az[IN_NAME]),
      opts.a[0].zText,
      qPrintf(g, "%s stayed out; %s took part. %s", opts.a[0].zText,
              zMembers, pIn->az[IN_SUMMARY]),
      "absent", 0);
}

static void initDated(const Row *pIn, QDated *f){
  memset(f, 0, sizeof(*f));
  f->zId = pIn->az[IN_ID];
  f->zStage = pIn->az[IN_STAGE];
  f->zDate = pIn->az[IN_DATE];
  f->zSource = pIn->az[IN_SOURCE];
  f->zWhat = pIn->az[IN_NAME];
  f->zDetail = pIn->az[IN_SUMMARY];
  f->zKind = pIn->az[IN_KIND];
  f->zVerb = pIn->az[IN_VERB];
  f->bInitiative = 1;
}

KioskQuestion *quizInitiative(QuizGen *g){
  Row in;
  QDated f;
  int aForm[8] = {0, 1, 2, 3, 4, 5, 6, 7}, i;
  if( qProbe(g, QT_INIT, &in)!=1 ) return 0;
  initDated(&in, &f);
  qShuffle(g, aForm, 8, (int)sizeof(int));
  for(i=0; i<8; i++){
    KioskQuestion *q = 0;
    int bChoice = qKindOk(g, KQ_CHOICE);
    switch( aForm[i] ){
      case 0: if( bChoice ) q = initWho(g, &in); break;
      case 1: if( qKindOk(g, KQ_TEXT) ) q = initTypedWho(g, &in); break;
      case 2: if( bChoice ) q = initCountry(g, &in); break;
      case 3: if( bChoice ) q = qDateChoice(g, &f, "initiative", "when"); break;
      case 4:
        if( qKindOk(g, KQ_YEAR) ) q = qDateTyped(g, &f, "initiative", "typed-year");
        break;
      case 5: if( bChoice ) q = initWhat(g, &in); break;
      case 6: if( bChoice ) q = initWhere(g, &in); break;
      case 7: if( bChoice ) q = initAbsent(g, &in); break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

/* ---------------------------------------------------------------- match */

#define MATCH_MAX 4

typedef struct MatchItem {
  Row in;
  KioskDate d;
  const char *zRight;
} MatchItem;

static int cmpItemId(const void *a, const void *b){
  return strcmp(((const MatchItem *)a)->in.az[IN_ID],
                ((const MatchItem *)b)->in.az[IN_ID]);
}

/* The right-hand text of pIn for form iForm (0 years, 1 people,
** 2 countries), or NULL when it has none. */
static const char *rightText(QuizGen *g, int iForm, const Row *pIn,
                             KioskDate *pD){
  Row person;
  if( kioskDateParse(pIn->az[IN_DATE], -1, pD, 0, 0) ) return 0;
  switch( iForm ){
    case 0:
      if( pD->y0!=pD->y1 ) return 0;
      if( strstr(pIn->az[IN_NAME], qPrintf(g, "%d", pD->y0)) ) return 0;
      return qPrintf(g, "%d", pD->y0);
    case 1:
      if( pIn->az[IN_LAUNCHED_BY]==0 ) return 0;
      if( qFetch(g, zPersonSql, &person, 1, "t", pIn->az[IN_LAUNCHED_BY])!=1 ){
        return 0;
      }
      return person.az[PE_NAME];
    default:
      return qCountryName(g, pIn->az[IN_BY_COUNTRY]);
  }
}

/* 1 when item c can join the items: its left and right texts are new and,
** for years, no item's year could also be c's and the other way round. */
static int matchFits(QuizGen *g, int iForm, const MatchItem *a, int n,
                     const MatchItem *c){
  int i;
  for(i=0; i<n; i++){
    if( strcmp(a[i].in.az[IN_ID], c->in.az[IN_ID])==0 ) return 0;
    if( qSameText(g, a[i].in.az[IN_NAME], c->in.az[IN_NAME]) ) return 0;
    if( qSameText(g, a[i].zRight, c->zRight) ) return 0;
    if( iForm==0 && (!kioskDateCertainlyNotYear(&a[i].d, c->d.y0)
                  || !kioskDateCertainlyNotYear(&c->d, a[i].d.y0)) ){
      return 0;
    }
  }
  return 1;
}

/* 1 when an item's left side holds its right one: "Uzbekistan-Japan
** strategic partnership" -> Japan, "Koizumi's energy plans" -> Junichiro
** Koizumi, "2014 Joint Statement" -> 2014. */
static int matchTells(QuizGen *g, int iForm, const MatchItem *c){
  if( qNameIn(g, c->in.az[IN_NAME], c->zRight) ) return 1;
  if( iForm==1 && qNameIn(g, c->in.az[IN_NAME], surname(g, c->zRight)) ){
    return 1;
  }
  return 0;
}

static KioskQuestion *matchForm(QuizGen *g, int iForm, const Row *pAnchor,
                                Row *aCand, int nCand){
  static const char *const azForm[] = { "years", "people", "countries" };
  static const char *const azPrompt[] = {
    "Match each initiative to its year.",
    "Match each initiative to the person who launched it.",
    "Match each initiative to the country that launched or proposed it."
  };
  MatchItem aItem[MATCH_MAX];
  const char *zPrompt, *zVerb;
  int n = 0, i, nTarget = 3 + (int)qRand(g, 2);
  const char *zExplain = "";
  KioskQuestion *q;

  aItem[0].in = *pAnchor;
  aItem[0].zRight = rightText(g, iForm, pAnchor, &aItem[0].d);
  if( aItem[0].zRight==0 || matchTells(g, iForm, &aItem[0]) ) return 0;
  n = 1;
  for(i=0; i<nCand && n<nTarget; i++){
    MatchItem c;
    c.in = aCand[i];
    c.zRight = rightText(g, iForm, &aCand[i], &c.d);
    if( c.zRight==0 || !matchFits(g, iForm, aItem, n, &c) ) continue;
    /* a stage quiz matches the stage's own initiatives */
    if( !qInStages(g, aCand[i].az[IN_STAGE]) ) continue;
    if( matchTells(g, iForm, &c) ) continue;
    aItem[n++] = c;
  }
  if( g->rc || n<3 ) return 0;
  q = qNew(g, KQ_MATCH, "matching", pAnchor->az[IN_STAGE]);
  if( q==0 ) return 0;
  /* facts: the anchor, then the others by id (a stable question id) */
  if( qFact(g, q, aItem[0].in.az[IN_ID], aItem[0].in.az[IN_SOURCE]) ){
    return qDrop(q);
  }
  qsort(aItem+1, (size_t)(n-1), sizeof(MatchItem), cmpItemId);
  for(i=1; i<n; i++){
    if( qFact(g, q, aItem[i].in.az[IN_ID], aItem[i].in.az[IN_SOURCE]) ){
      return qDrop(q);
    }
  }
  qShuffle(g, aItem, n, (int)sizeof(MatchItem));
  for(i=0; i<n; i++){
    if( kioskQuestionAddPair(q, aItem[i].in.az[IN_NAME], aItem[i].zRight) ){
      qOom(g);
      return qDrop(q);
    }
    zExplain = qPrintf(g, "%s%s%s: %s", zExplain, i ? "; " : "",
                       aItem[i].in.az[IN_NAME], aItem[i].zRight);
  }
  /* one verb when the initiatives are all of a kind ("the year it was
  ** adopted"), the hedge only when they are mixed */
  zVerb = qInitVerbOf(aItem[0].in.az[IN_VERB], aItem[0].in.az[IN_KIND]);
  for(i=1; i<n && zVerb; i++){
    if( strcmp(qInitVerbOf(aItem[i].in.az[IN_VERB], aItem[i].in.az[IN_KIND]),
               zVerb)!=0 ){
      zVerb = 0;
    }
  }
  zPrompt = azPrompt[iForm];
  if( zVerb && iForm==0 ){
    zPrompt = qPrintf(g, "Match each initiative to the year it was %s.", zVerb);
  }else if( zVerb && iForm==2 && strchr(zVerb, ' ')==0 ){
    zPrompt = qPrintf(g, "Match each initiative to the country that %s it.",
                      zVerb);
  }
  if( qSet(g, &q->zPrompt, zPrompt)
   || qSet(g, &q->zExplain, qPrintf(g, "%s.", zExplain)) ){
    return qDrop(q);
  }
  return qFinish(g, q, azForm[iForm]);
}

KioskQuestion *quizMatching(QuizGen *g){
  Row anchor, aCand[24];
  int nStage, nProbe, aForm[3] = {0, 1, 2}, i;
  if( !qKindOk(g, KQ_MATCH) ) return 0;
  if( qProbe(g, QT_INIT, &anchor)!=1 ) return 0;
  nStage = qFetch(g, zInitStageSql, aCand, 12, "t", anchor.az[IN_STAGE]);
  if( nStage<0 ) return 0;
  nProbe = qProbeList(g, QT_INIT, zInitProbeSql, aCand+nStage, 12, "");
  if( nProbe<0 ) return 0;
  qShuffle(g, aCand, nStage+nProbe, (int)sizeof(Row));
  qShuffle(g, aForm, 3, (int)sizeof(int));
  for(i=0; i<3; i++){
    KioskQuestion *q = matchForm(g, aForm[i], &anchor, aCand, nStage+nProbe);
    if( q || g->rc ) return q;
  }
  return 0;
}

/* ---------------------------------------------------------------- tf */

KioskQuestion *quizTfInitiative(QuizGen *g, const Row *pIn){
  KioskQuestion *q;
  int bTrue = (int)qRand(g, 2);
  int bPerson = pIn->az[IN_LAUNCHED_BY]!=0 && qRand(g, 2);
  const char *zRight, *zClaim, *zExplain;
  if( bPerson ){
    Row person;
    QOpts opts;
    if( qFetch(g, zPersonSql, &person, 1, "t", pIn->az[IN_LAUNCHED_BY])!=1 ){
      return 0;
    }
    zRight = person.az[PE_NAME];
    zClaim = zRight;
    if( !bTrue ){
      memset(&opts, 0, sizeof(opts));
      qOptAdd(g, &opts, zRight, 1, 0, 0);
      if( otherPeople(g, person.az[PE_ID], &opts, 1)!=1 ) return 0;
      zClaim = opts.a[1].zText;
    }
  }else{
    Row other;
    zRight = qCountryName(g, pIn->az[IN_BY_COUNTRY]);
    if( zRight==0 ) return 0;
    zClaim = zRight;
    if( !bTrue ){
      if( qOtherCountries(g, pIn->az[IN_ID], pIn->az[IN_BY_COUNTRY], &other, 1)!=1 ){
        return 0;
      }
      zClaim = other.az[1];
    }
  }
  /* "EU Central Asia Strategy ... by Japan": the name settles it */
  if( qNameIn(g, pIn->az[IN_NAME], zRight)
   || (bPerson && qNameIn(g, pIn->az[IN_NAME], surname(g, zRight))) ){
    return 0;
  }
  if( bTrue ){
    zExplain = qPrintf(g, "True. %s", initSays(g, pIn, bPerson ? zRight : 0));
  }else{
    zExplain = qPrintf(g, "False: not %s. %s", qTheName(g, zClaim),
                       initSays(g, pIn, bPerson ? zRight : 0));
  }
  q = qNew(g, KQ_TF, "truefalse", pIn->az[IN_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddOption(q, "True", bTrue ? 1 : 0, 0, 0)
   || kioskQuestionAddOption(q, "False", bTrue ? 0 : 1, 0, 0) ){
    qOom(g);
    return qDrop(q);
  }
  /* the article's own verb when the course records one ("proposed",
  ** "introduced"), else the hedge that fits every kind */
  if( qSet(g, &q->zPrompt, qPrintf(g, "True or false? %s %s %s by %s.",
                                   qCap(g, qTheName(g, pIn->az[IN_NAME])),
                                   qWas(pIn->az[IN_NAME]),
                                   pIn->az[IN_VERB] ? pIn->az[IN_VERB]
                                     : "launched or proposed",
                                   zClaim))
   || qSet(g, &q->zAnswer, bTrue ? "True" : "False")
   || qSet(g, &q->zExplain, zExplain)
   || qFact(g, q, pIn->az[IN_ID], pIn->az[IN_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, bPerson ? (bTrue ? "initiative-who-true"
                                        : "initiative-who-false")
                               : (bTrue ? "initiative-true"
                                        : "initiative-false"));
}

KioskQuestion *quizTrueFalse(QuizGen *g){
  Row r;
  QTable aT[3] = { QT_EVENT, QT_FIGURE, QT_INIT };
  sqlite3_int64 nTotal = 0, w;
  int i;
  if( !qKindOk(g, KQ_TF) ) return 0;
  /* a table in proportion to its facts in the chosen stages */
  for(i=0; i<3; i++) nTotal += g->aSpanTotal[aT[i]];
  if( nTotal<=0 ) return 0;
  w = (sqlite3_int64)qRand(g, (uint64_t)nTotal);
  for(i=0; i<2 && w>=g->aSpanTotal[aT[i]]; i++) w -= g->aSpanTotal[aT[i]];
  if( qProbe(g, aT[i], &r)!=1 ) return 0;
  switch( aT[i] ){
    case QT_EVENT: return quizTfDate(g, &r);
    case QT_FIGURE: return quizTfFigure(g, &r);
    default: return quizTfInitiative(g, &r);
  }
}
