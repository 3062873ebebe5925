/*
** quiz-named.c: questions about people, organizations and places.
**
**   person-who           "Who was <post> in <year>?" (choice; wrong:
**                        people of the same country whose post differs)
**   person-typed         the same, typed (text; name, surname, aliases)
**   organization-what    which company or organization a description
**                        fits (choice; the same class of organization,
**                        and the same country when the description names
**                        it)
**   organization-abbrev  what an abbreviation stands for (choice)
**   organization-country which country it is from (choice)
**   place-what           which embassy, river, city... a description fits
**                        (choice; places of the same kind only)
**   place-country        which country a city or field is in (choice)
**   place-typed          name the place described (text; name and
**                        aliases), when no word of its name is in the
**                        description
**
** Descriptions that two facts share (the course describes two embassies
** in the same words) never make one of them a wrong option for the other.
*/
#include "quizint.h"

#include <string.h>

static const char zPeopleProbeSql[] =
  "SELECT " PE_COLS ", rowid FROM people WHERE rowid>=?1 AND support='stated'"
  " ORDER BY rowid LIMIT ?2";
static const char zOrgStageSql[] =
  "SELECT " OR_COLS " FROM organizations WHERE stage=?1 AND support='stated'"
  " ORDER BY rowid LIMIT 12";
static const char zOrgProbeSql[] =
  "SELECT " OR_COLS ", rowid FROM organizations WHERE rowid>=?1 AND support='stated'"
  " ORDER BY rowid LIMIT ?2";
static const char zPlaceProbeSql[] =
  "SELECT " PL_COLS ", rowid FROM places WHERE rowid>=?1 AND support='stated'"
  " ORDER BY rowid LIMIT ?2";
static const char zPlaceStageSql[] =
  "SELECT " PL_COLS " FROM places WHERE stage=?1 AND support='stated' ORDER BY rowid LIMIT 12";
static const char zAliasSql[] =
  "SELECT alias FROM aliases WHERE fact=?1 ORDER BY alias LIMIT 16";

static int foldContains(QuizGen *g, const char *zText, const char *zPart){
  return strstr(qFold(g, zText), qFold(g, zPart))!=0;
}

static KioskQuestion *finish(QuizGen *g, const char *zTopic,
                             const char *zStage, const char *zFact,
                             const char *zSource, QOpts *pOpts,
                             const char *zPrompt, const char *zAnswer,
                             const char *zExplain, const char *zForm){
  KioskQuestion *q = qNew(g, KQ_CHOICE, zTopic, zStage);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, zPrompt)
   || qSet(g, &q->zAnswer, zAnswer)
   || qSet(g, &q->zExplain, zExplain)
   || qFact(g, q, zFact, zSource)
   || qOptsToQuestion(g, q, pOpts, 0) ){
    return qDrop(q);
  }
  return qFinish(g, q, zForm);
}

/* ---------------------------------------------------------------- people */

static const char *personSays(QuizGen *g, const Row *p){
  if( p->az[PE_YEAR] ){
    return qPrintf(g, "%s was %s in %s.", p->az[PE_NAME], p->az[PE_ROLE],
                   p->az[PE_YEAR]);
  }
  return qPrintf(g, "%s was %s.", p->az[PE_NAME], p->az[PE_ROLE]);
}

static KioskQuestion *personWho(QuizGen *g, const Row *p){
  Row aRow[16];
  QOpts opts;
  int n, i, nWrong = 0;
  const char *zOthers = "";
  if( p->az[PE_YEAR]==0 ) return 0;
  n = qProbeList(g, QT_PERSON, zPeopleProbeSql, aRow, 16, "");
  if( n<0 ) return 0;
  qShuffle(g, aRow, n, (int)sizeof(Row));
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, p->az[PE_NAME], 1, p->az[PE_ID], 0);
  for(i=0; i<n && nWrong<3; i++){
    if( qSameText(g, aRow[i].az[PE_ROLE], p->az[PE_ROLE]) ) continue;
    /* people of the same country only: three Japanese names against
    ** Rakhmon for a Tajik post answer the question */
    if( strcmp(aRow[i].az[PE_COUNTRY], p->az[PE_COUNTRY])!=0 ) continue;
    if( qOptAdd(g, &opts, aRow[i].az[PE_NAME], 0, aRow[i].az[PE_ID], 0) ){
      nWrong++;
      zOthers = qPrintf(g, "%s%s%s, %s", zOthers, nWrong>1 ? "; " : "",
                        aRow[i].az[PE_NAME], aRow[i].az[PE_ROLE]);
    }
  }
  if( nWrong<2 ) return 0;
  return finish(g, "person", p->az[PE_STAGE], p->az[PE_ID], p->az[PE_SOURCE],
                &opts,
                qPrintf(g, "Who was %s in %s?", p->az[PE_ROLE], p->az[PE_YEAR]),
                p->az[PE_NAME],
                qPrintf(g, "%s The others held other posts: %s.",
                        personSays(g, p), zOthers),
                "who");
}

/* The last word of a name: "Abe" for "Shinzo Abe". */
static const char *lastWord(QuizGen *g, const char *zName){
  const char *z = strrchr(zName, ' ');
  return qStr(g, z ? z+1 : zName);
}

/* "Who was President of Tajikistan in 2018? Type the name.": typed, so no
** wrong names need inventing; the full name, the surname and the
** course's other spellings (Rahmon) are accepted. */
static KioskQuestion *personTyped(QuizGen *g, const Row *p){
  Row aAlias[16];
  KioskQuestion *q;
  int nAlias, i;
  if( p->az[PE_YEAR]==0 ) return 0;
  nAlias = qFetch(g, zAliasSql, aAlias, 16, "t", p->az[PE_ID]);
  if( nAlias<0 ) return 0;
  q = qNew(g, KQ_TEXT, "person", p->az[PE_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddAccept(q, p->az[PE_NAME])
   || kioskQuestionAddAccept(q, lastWord(g, p->az[PE_NAME])) ){
    qOom(g);
    return qDrop(q);
  }
  for(i=0; i<nAlias; i++){
    if( kioskQuestionAddAccept(q, aAlias[i].az[0]) ){ qOom(g); return qDrop(q); }
  }
  if( qSet(g, &q->zPrompt, qPrintf(g, "Who was %s in %s? Type the name.",
                                   p->az[PE_ROLE], p->az[PE_YEAR]))
   || qSet(g, &q->zAnswer, p->az[PE_NAME])
   || qSet(g, &q->zExplain, personSays(g, p))
   || qFact(g, q, p->az[PE_ID], p->az[PE_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, "typed");
}

KioskQuestion *quizPerson(QuizGen *g){
  Row p;
  int aForm[2] = {0, 1}, i;
  /* No "Which post did X hold?": wrong posts must be of X's country
  ** ("President of Tajikistan" among Japanese posts answers itself), and
  ** the course has too few of any one country's. */
  if( qProbe(g, QT_PERSON, &p)!=1 ) return 0;
  qShuffle(g, aForm, 2, (int)sizeof(int));
  for(i=0; i<2; i++){
    KioskQuestion *q = 0;
    switch( aForm[i] ){
      case 0: if( qKindOk(g, KQ_CHOICE) ) q = personWho(g, &p); break;
      case 1: if( qKindOk(g, KQ_TEXT) ) q = personTyped(g, &p); break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

/* ---------------------------------------------------------------- orgs */

/* Candidate organizations: the same stage first, then from anywhere. */
static int orgCandidates(QuizGen *g, const Row *o, Row *aRow){
  int nStage, nProbe;
  nStage = qFetch(g, zOrgStageSql, aRow, 12, "t", o->az[OR_STAGE]);
  if( nStage<0 ) return -1;
  qShuffle(g, aRow, nStage, (int)sizeof(Row));
  nProbe = qProbeList(g, QT_ORG, zOrgProbeSql, aRow+nStage, 12, "");
  if( nProbe<0 ) return -1;
  qShuffle(g, aRow+nStage, nProbe, (int)sizeof(Row));
  return nStage+nProbe;
}

/* "the Japan National Oil Corporation (JNOC), an agency from Japan" */
static const char *orgBrief(QuizGen *g, const Row *o){
  const char *zCountry = qCountryName(g, o->az[OR_COUNTRY]);
  const char *z = qTheName(g, o->az[OR_NAME]);
  if( o->az[OR_ABBREV] ) z = qPrintf(g, "%s (%s)", z, o->az[OR_ABBREV]);
  if( o->az[OR_KIND] ){
    z = qPrintf(g, "%s, %s %s", z, qAn(o->az[OR_KIND]), o->az[OR_KIND]);
    if( zCountry ) z = qPrintf(g, "%s from %s", z, qTheName(g, zCountry));
  }
  return z;
}

/* Kinds of organization one may be offered against another: companies,
** blocs, and public bodies (agencies, ministries, societies, councils). */
static int orgClass(const char *zKind){
  if( strcmp(zKind, "company")==0 ) return 0;
  if( strcmp(zKind, "bloc")==0 ) return 1;
  return 2;
}

static KioskQuestion *orgWhat(QuizGen *g, const Row *o){
  Row aRow[24], aWrong[3];
  const char *zWhy, *zCountry;
  int bCountryShown;
  QOpts opts;
  int n, i, nWrong = 0;
  if( foldContains(g, o->az[OR_SUMMARY], o->az[OR_NAME]) ) return 0;
  n = orgCandidates(g, o, aRow);
  if( n<0 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, o->az[OR_NAME], 1, o->az[OR_ID], 0);
  zCountry = qCountryName(g, o->az[OR_COUNTRY]);
  bCountryShown = zCountry && qNameIn(g, o->az[OR_SUMMARY], zCountry);
  for(i=0; i<n && nWrong<3; i++){
    if( strcmp(aRow[i].az[OR_ID], o->az[OR_ID])==0 ) continue;
    if( qSameText(g, aRow[i].az[OR_SUMMARY], o->az[OR_SUMMARY]) ) continue;
    /* the same kind only (a company among companies), and when the
    ** description names the country ("American oil company") only
    ** organizations of that country */
    if( orgClass(aRow[i].az[OR_KIND])!=orgClass(o->az[OR_KIND]) ) continue;
    if( bCountryShown && (aRow[i].az[OR_COUNTRY]==0
                          || strcmp(aRow[i].az[OR_COUNTRY], o->az[OR_COUNTRY])) ){
      continue;
    }
    if( qOptAdd(g, &opts, aRow[i].az[OR_NAME], 0, aRow[i].az[OR_ID], 0) ){
      aWrong[nWrong++] = aRow[i];
    }
  }
  if( nWrong<2 ) return 0;
  zWhy = qPrintf(g, "It is %s.", orgBrief(g, o));
  for(i=0; i<nWrong; i++){
    zWhy = qPrintf(g, "%s%s%s", zWhy, i ? "; " : " The others: ",
                   orgBrief(g, &aWrong[i]));
  }
  return finish(g, "organization", o->az[OR_STAGE], o->az[OR_ID],
                o->az[OR_SOURCE], &opts,
                qPrintf(g, "Which %s is this? %s",
                        orgClass(o->az[OR_KIND])==0 ? "company"
                                                    : "organization",
                        o->az[OR_SUMMARY]),
                o->az[OR_NAME], qPrintf(g, "%s.", zWhy), "what");
}

static KioskQuestion *orgAbbrev(QuizGen *g, const Row *o){
  Row aRow[24];
  QOpts opts;
  int n, i, nWrong = 0;
  if( o->az[OR_ABBREV]==0 ) return 0;
  n = orgCandidates(g, o, aRow);
  if( n<0 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, o->az[OR_NAME], 1, o->az[OR_ID], 0);
  for(i=0; i<n && nWrong<3; i++){
    if( strcmp(aRow[i].az[OR_ID], o->az[OR_ID])==0 ) continue;
    if( aRow[i].az[OR_ABBREV]
     && qSameText(g, aRow[i].az[OR_ABBREV], o->az[OR_ABBREV]) ) continue;
    /* a one-word name ("Exxon") stands for nothing: no one would pick it
    ** for "What does SCO stand for?" */
    if( strchr(aRow[i].az[OR_NAME], ' ')==0 ) continue;
    if( qOptAdd(g, &opts, aRow[i].az[OR_NAME], 0, aRow[i].az[OR_ID], 0) ){
      nWrong++;
    }
  }
  if( nWrong<2 ) return 0;
  return finish(g, "organization", o->az[OR_STAGE], o->az[OR_ID],
                o->az[OR_SOURCE], &opts,
                qPrintf(g, "What does %s stand for?", o->az[OR_ABBREV]),
                o->az[OR_NAME],
                qPrintf(g, "%s stands for %s: %s", o->az[OR_ABBREV],
                        qTheName(g, o->az[OR_NAME]),
                        qInSentence(g, o->az[OR_SUMMARY])),
                "abbrev");
}

static KioskQuestion *orgCountry(QuizGen *g, const Row *o){
  Row aOther[3];
  QOpts opts;
  int n, i;
  const char *zName;
  if( o->az[OR_COUNTRY]==0 ) return 0;
  zName = qCountryName(g, o->az[OR_COUNTRY]);
  if( zName==0 ) return 0;
  n = qOtherCountries(g, o->az[OR_ID], o->az[OR_COUNTRY], aOther, 3);
  if( n<2 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, zName, 1, 0, 0);
  for(i=0; i<n; i++) qOptAdd(g, &opts, aOther[i].az[1], 0, 0, 0);
  return finish(g, "organization", o->az[OR_STAGE], o->az[OR_ID],
                o->az[OR_SOURCE], &opts,
                qPrintf(g, "Which country is %s from?",
                        qTheName(g, o->az[OR_NAME])),
                zName,
                qPrintf(g, "%s is from %s: %s", qCap(g, qTheName(g, o->az[OR_NAME])),
                        qTheName(g, zName), qInSentence(g, o->az[OR_SUMMARY])),
                "country");
}

KioskQuestion *quizOrganization(QuizGen *g){
  Row o;
  int aForm[3] = {0, 1, 2}, i;
  if( !qKindOk(g, KQ_CHOICE) ) return 0;
  if( qProbe(g, QT_ORG, &o)!=1 ) return 0;
  qShuffle(g, aForm, 3, (int)sizeof(int));
  for(i=0; i<3; i++){
    KioskQuestion *q = 0;
    switch( aForm[i] ){
      case 0: q = orgWhat(g, &o); break;
      case 1: q = orgAbbrev(g, &o); break;
      case 2: q = orgCountry(g, &o); break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

/* ---------------------------------------------------------------- places */

/* "the Amu Darya River, a river in Turkmenistan" ("Astana, a city in
** Kazakhstan"; the country left out when the name says it). */
static const char *placeBrief(QuizGen *g, const Row *p){
  const char *zCountry = qCountryName(g, p->az[PL_COUNTRY]);
  const char *z = qTheName(g, p->az[PL_NAME]);
  if( p->az[PL_KIND] && strstr(qFold(g, p->az[PL_NAME]), p->az[PL_KIND])
   && zCountry && strstr(p->az[PL_NAME], zCountry) ){
    return z;   /* "the Embassy of Japan in Kazakhstan" says it all */
  }
  if( p->az[PL_KIND] ){
    z = qPrintf(g, "%s, %s %s", z, qAn(p->az[PL_KIND]), p->az[PL_KIND]);
    if( zCountry && strstr(p->az[PL_NAME], zCountry)==0 ){
      z = qPrintf(g, "%s in %s", z, qTheName(g, zCountry));
    }
  }
  return z;
}

/* 1 when a word of the name other than its kind or a stop word stands in
** zText ("Caspian" in "around the Caspian Sea" for "Caspian region"). */
static int nameWordIn(QuizGen *g, const char *zName, const char *zText){
  char zN[512], zT[2048];
  const char *azN[QWORD_MAX], *azT[QWORD_MAX];
  int nN = qWords(qFold(g, zName), zN, (int)sizeof(zN), azN);
  int nT = qWords(qFold(g, zText), zT, (int)sizeof(zT), azT);
  int i, j, k;
  for(i=0; i<nN; i++){
    if( strlen(azN[i])<3 ) continue;
    for(k=0; qazStopWord[k] && strcmp(qazStopWord[k], azN[i]); k++){}
    if( qazStopWord[k] ) continue;
    for(k=0; qazFormWord[k] && strcmp(qazFormWord[k], azN[i]); k++){}
    if( qazFormWord[k] ) continue;
    for(j=0; j<nT; j++) if( strcmp(azN[i], azT[j])==0 ) return 1;
  }
  return 0;
}

static const char zPlaceKindSql[] =
  "SELECT " PL_COLS ", rowid FROM places WHERE rowid>=?1 AND support='stated' AND kind=?3"
  " ORDER BY rowid LIMIT ?2";

/* "embassies", "cities", "fields": the plural of a place kind. */
static const char *placePlural(QuizGen *g, const char *zKind){
  size_t n = strlen(zKind);
  if( n>1 && zKind[n-1]=='y' ) return qPrintf(g, "%.*sies", (int)n-1, zKind);
  return qPrintf(g, "%ss", zKind);
}

static KioskQuestion *placeWhat(QuizGen *g, const Row *p){
  Row aRow[36], aWrong[3];
  const char *zWhy;
  int nKind;
  QOpts opts;
  int nStage, nProbe, n, i, nWrong = 0, bShared = 0;
  if( foldContains(g, p->az[PL_SUMMARY], p->az[PL_NAME]) ) return 0;
  nStage = qFetch(g, zPlaceStageSql, aRow, 12, "t", p->az[PL_STAGE]);
  if( nStage<0 ) return 0;
  nProbe = qProbeList(g, QT_PLACE, zPlaceProbeSql, aRow+nStage, 12, "");
  if( nProbe<0 ) return 0;
  n = nStage+nProbe;
  qShuffle(g, aRow, n, (int)sizeof(Row));
  /* places of the same kind from the whole course, so that an embassy is
  ** never offered against a river when other embassies exist */
  nKind = qProbeList(g, QT_PLACE, zPlaceKindSql, aRow+n, 12, "t",
                     p->az[PL_KIND]);
  if( nKind<0 ) return 0;
  qShuffle(g, aRow+n, nKind, (int)sizeof(Row));
  n += nKind;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, p->az[PL_NAME], 1, p->az[PL_ID], 0);
  /* places of the same kind only: an embassy among rivers and cities,
  ** or a pipeline route among them, gives itself away */
  for(i=0; i<n && nWrong<3; i++){
    if( strcmp(aRow[i].az[PL_ID], p->az[PL_ID])==0 ) continue;
    if( strcmp(aRow[i].az[PL_KIND], p->az[PL_KIND])!=0 ) continue;
    if( qSameText(g, aRow[i].az[PL_SUMMARY], p->az[PL_SUMMARY]) ){
      bShared = 1;    /* the other 1990s embassy: not an option */
      continue;
    }
    if( qOptAdd(g, &opts, aRow[i].az[PL_NAME], 0, aRow[i].az[PL_ID], 0) ){
      aWrong[nWrong++] = aRow[i];
    }
  }
  if( nWrong<2 ) return 0;
  zWhy = qPrintf(g, "It is %s.", placeBrief(g, p));
  for(i=0; i<nWrong; i++){
    const char *zS = aWrong[i].az[PL_SUMMARY];
    zWhy = qPrintf(g, "%s%s%s", zWhy, i ? "; " : " The others: ",
                   placeBrief(g, &aWrong[i]));
    /* a place of the same kind is told apart by its own short summary
    ** ("opened by Japan in the early 2000s") */
    if( zS && strlen(zS)<=80 && strchr(zS, ';')==0
     && strcmp(aWrong[i].az[PL_KIND], p->az[PL_KIND])==0 ){
      int k = (int)strlen(zS);
      zWhy = qPrintf(g, "%s (%.*s)", zWhy, zS[k-1]=='.' ? k-1 : k,
                     qInSentence(g, zS));
    }
  }
  return finish(g, "place", p->az[PL_STAGE], p->az[PL_ID], p->az[PL_SOURCE],
                &opts,
                bShared ? qPrintf(g, "Which of these %s fits this? %s",
                                  placePlural(g, p->az[PL_KIND]),
                                  p->az[PL_SUMMARY])
                        : qPrintf(g, "Which %s is this? %s", p->az[PL_KIND],
                                  p->az[PL_SUMMARY]),
                p->az[PL_NAME], qPrintf(g, "%s.", zWhy), "what");
}

static KioskQuestion *placeCountry(QuizGen *g, const Row *p){
  Row aOther[3];
  QOpts opts;
  int n, i;
  const char *zName;
  /* rivers and routes cross borders; a region, city or field given a
  ** country lies in it */
  if( p->az[PL_COUNTRY]==0 ) return 0;
  if( strcmp(p->az[PL_KIND], "river")==0 || strcmp(p->az[PL_KIND], "route")==0
   || strcmp(p->az[PL_KIND], "embassy")==0 ){
    return 0;
  }
  zName = qCountryName(g, p->az[PL_COUNTRY]);
  if( zName==0 ) return 0;
  n = qOtherCountries(g, p->az[PL_ID], p->az[PL_COUNTRY], aOther, 3);
  if( n<2 ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, zName, 1, 0, 0);
  for(i=0; i<n; i++) qOptAdd(g, &opts, aOther[i].az[1], 0, 0, 0);
  return finish(g, "place", p->az[PL_STAGE], p->az[PL_ID], p->az[PL_SOURCE],
                &opts,
                qPrintf(g, "In which country is %s?", qTheName(g, p->az[PL_NAME])),
                zName,
                qPrintf(g, "%s is in %s: %s", qCap(g, qTheName(g, p->az[PL_NAME])),
                        qTheName(g, zName), qInSentence(g, p->az[PL_SUMMARY])),
                "country");
}

static KioskQuestion *placeTyped(QuizGen *g, const Row *p){
  Row aAlias[16];
  KioskQuestion *q;
  int nAlias, i;
  /* an embassy's name is a description, not a name one types */
  if( strcmp(p->az[PL_KIND], "embassy")==0 ) return 0;
  if( foldContains(g, p->az[PL_SUMMARY], p->az[PL_NAME]) ) return 0;
  if( nameWordIn(g, p->az[PL_NAME], p->az[PL_SUMMARY]) ) return 0;
  nAlias = qFetch(g, zAliasSql, aAlias, 16, "t", p->az[PL_ID]);
  if( nAlias<0 ) return 0;
  q = qNew(g, KQ_TEXT, "place", p->az[PL_STAGE]);
  if( q==0 ) return 0;
  if( kioskQuestionAddAccept(q, p->az[PL_NAME]) ){ qOom(g); return qDrop(q); }
  for(i=0; i<nAlias; i++){
    if( kioskQuestionAddAccept(q, aAlias[i].az[0]) ){ qOom(g); return qDrop(q); }
  }
  if( qSet(g, &q->zPrompt, qPrintf(g, "Which %s is this? %s Type its name.",
                                   p->az[PL_KIND], p->az[PL_SUMMARY]))
   || qSet(g, &q->zAnswer, p->az[PL_NAME])
   || qSet(g, &q->zExplain, qPrintf(g, "It is %s: %s", qTheName(g, p->az[PL_NAME]),
                                    qInSentence(g, p->az[PL_SUMMARY])))
   || qFact(g, q, p->az[PL_ID], p->az[PL_SOURCE]) ){
    return qDrop(q);
  }
  return qFinish(g, q, "typed");
}

KioskQuestion *quizPlace(QuizGen *g){
  Row p;
  int aForm[3] = {0, 1, 2}, i;
  if( qProbe(g, QT_PLACE, &p)!=1 ) return 0;
  qShuffle(g, aForm, 3, (int)sizeof(int));
  for(i=0; i<3; i++){
    KioskQuestion *q = 0;
    switch( aForm[i] ){
      case 0: if( qKindOk(g, KQ_CHOICE) ) q = placeWhat(g, &p); break;
      case 1: if( qKindOk(g, KQ_CHOICE) ) q = placeCountry(g, &p); break;
      case 2: if( qKindOk(g, KQ_TEXT) ) q = placeTyped(g, &p); break;
    }
    if( q || g->rc ) return q;
  }
  return 0;
}

/* ---------------------------------------------------------------- terms
**
**   term-what-<term id>  "Which term means this? <definition>" (choice;
**                        wrong: other glossary terms of the same form,
**                        abbreviations against abbreviations, words
**                        against words)
**
** A term belongs to the lesson paragraphs that use it; the question is
** anchored to a fact of the first such paragraph in the quiz's stages
** (its stage, lesson paragraph and footnote), so that it takes its place
** in a stage quiz and in review like any other question. */

static const char zTermStageSql[] =
  "SELECT g.id, g.term, g.definition, g.source, r.stage, r.para"
  " FROM lesson_refs r JOIN glossary g ON g.id=r.target"
  " JOIN stages s ON s.id=r.stage"
  " WHERE r.kind='term' AND (?1 IS NULL OR r.stage=?1)"
  " ORDER BY s.ord, r.para, g.id LIMIT 256";
static const char zTermAnchorSql[] =
  "SELECT f.id, f.source, r.para FROM lesson_refs r"
  " JOIN facts f ON f.id=r.target"
  " WHERE r.kind='fact' AND r.stage=?1 AND f.stage=?1"
  " AND f.support='stated'"
  " ORDER BY r.para<>?2, abs(r.para-?2), r.rowid LIMIT 16";
static const char zTermOthersSql[] =
  "SELECT id, term, definition FROM glossary WHERE id<>?1"
  " ORDER BY id LIMIT 256";

/* 1 for an abbreviation or symbol ("FDI", "bcm", "5+1"): no space and not
** a plain lower-case word of more than four letters. */
static int termAbbrev(const char *z){
  int i, bUpper = 0, bOther = 0;
  if( strchr(z, ' ') ) return 0;
  for(i=0; z[i]; i++){
    if( z[i]>='A' && z[i]<='Z' ) bUpper = 1;
    else if( !(z[i]>='a' && z[i]<='z') ) bOther = 1;
  }
  return bUpper || bOther || i<=4;
}

/* 1 when the initials of a run of capitalised words in zDef spell the
** abbreviation zTerm ("Shanghai Cooperation Organization" for SCO). */
static int initialsSpell(const char *zDef, const char *zTerm){
  char zInit[64];
  int n = 0, i;
  const char *p = zDef;
  size_t nTerm = strlen(zTerm);
  while( *p ){
    while( *p==' ' || *p=='(' || *p=='"' ) p++;
    if( *p>='A' && *p<='Z' ){
      if( n<63 ) zInit[n++] = *p;
    }else if( *p ){
      n = 0;
    }
    zInit[n] = 0;
    for(i=0; n>=(int)nTerm && i<=n-(int)nTerm; i++){
      if( strncmp(zInit+i, zTerm, nTerm)==0 ) return 1;
    }
    while( *p && *p!=' ' ) p++;
  }
  return 0;
}

KioskQuestion *quizTerm(QuizGen *g){
  Row aRow[256], aOther[256], aAnchor[16], t;
  QOpts opts;
  KioskQuestion *q;
  const char *zStage = 0, *zFact = 0, *zFactSource = 0, *zWhy, *zDef, *zFull;
  int n, nOther, nAnchor, i, j, nWrong = 0, bAbbrev, iAnchorPara = 0;
  if( !qKindOk(g, KQ_CHOICE) ) return 0;
  if( g->nStage ) zStage = g->azStage[qRand(g, (uint64_t)g->nStage)];
  n = qFetch(g, zTermStageSql, aRow, 256, "t", zStage);
  if( n<=0 ) return 0;
  t = aRow[qRand(g, (uint64_t)n)];
  /* the first paragraph of that stage using the term */
  for(i=0; i<n; i++){
    if( strcmp(aRow[i].az[0], t.az[0])==0 && strcmp(aRow[i].az[4], t.az[4])==0 ){
      t = aRow[i];
      break;
    }
  }
  if( qIsUsed(g, qPrintf(g, "term:%s", t.az[0])) ) return 0;
  /* the prompt leaves out an "(in full: ...)" tail, which spells out an
  ** abbreviation; the explanation keeps it */
  zDef = t.az[2];
  if( (zFull = strstr(zDef, " (in full:"))!=0 ){
    zDef = qPrintf(g, "%.*s.", (int)(zFull-zDef), zDef);
  }
  /* "SCO": a definition that spells the term out asks nothing */
  if( qNameIn(g, zDef, t.az[1]) || initialsSpell(zDef, t.az[1]) ) return 0;
  nAnchor = qFetch(g, zTermAnchorSql, aAnchor, 16, "ti", t.az[4],
                   (sqlite3_int64)t.ar[5]);
  if( nAnchor<0 ) return 0;
  for(i=0; i<nAnchor && zFact==0; i++){
    if( !qIsUsed(g, aAnchor[i].az[0]) ){
      zFact = aAnchor[i].az[0];
      zFactSource = aAnchor[i].az[1];
      iAnchorPara = (int)aAnchor[i].ar[2];
    }
  }
  if( zFact==0 ) return 0;
  nOther = qFetch(g, zTermOthersSql, aOther, 256, "t", t.az[0]);
  if( nOther<0 ) return 0;
  qShuffle(g, aOther, nOther, (int)sizeof(Row));
  bAbbrev = termAbbrev(t.az[1]);
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, t.az[1], 1, 0, 0);
  for(i=0; i<nOther && nWrong<3; i++){
    if( termAbbrev(aOther[i].az[1])!=bAbbrev ) continue;
    if( qSameText(g, aOther[i].az[2], t.az[2]) ) continue;
    /* a term inside the other ("FDI" in "FDI stock") is no fair pair */
    if( qNameIn(g, aOther[i].az[1], t.az[1])
     || qNameIn(g, t.az[1], aOther[i].az[1]) ) continue;
    if( qOptAdd(g, &opts, aOther[i].az[1], 0, 0, 0) ) nWrong++;
  }
  if( nWrong<2 ) return 0;
  zWhy = qPrintf(g, "\xe2\x80\x9c%s\xe2\x80\x9d: %s", t.az[1], t.az[2]);
  zWhy = qPrintf(g, "%s The others are other terms of the course:", zWhy);
  for(i=1; i<opts.n; i++){
    zWhy = qPrintf(g, "%s%s %s", zWhy, i>1 ? (i+1==opts.n ? " and" : ",") : "",
                   opts.a[i].zText);
  }
  zWhy = qPrintf(g, "%s (see the glossary).", zWhy);
  q = qNew(g, KQ_CHOICE, "term", t.az[4]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, qPrintf(g, "Which term means this? %s", zDef))
   || qSet(g, &q->zAnswer, t.az[1])
   || qSet(g, &q->zExplain, zWhy)
   || qFact(g, q, zFact, zFactSource)
   || qOptsToQuestion(g, q, &opts, 0) ){
    return qDrop(q);
  }
  for(j=0; t.az[3] && j<q->nSource && strcmp(q->azSource[j], t.az[3]); j++){}
  if( t.az[3] && j==q->nSource && kioskQuestionAddSource(q, t.az[3]) ){
    qOom(g);
    return qDrop(q);
  }
  /* the lesson paragraph that uses the term, when it is the anchor's */
  if( iAnchorPara==(int)t.ar[5] ){
    if( qSet(g, &q->zLessonStage, t.az[4]) ) return qDrop(q);
    q->iLessonPara = iAnchorPara;
  }
  q = qFinish(g, q, qPrintf(g, "what-%s", t.az[0]));
  if( q && qMarkUsed(g, qPrintf(g, "term:%s", t.az[0])) ) return qDrop(q);
  return q;
}

/* ---------------------------------------------------------------- why
**
**   why-<claim id>       an authored question on why or what for
**                        (claims.csv), its authored wrong options shuffled
**                        (choice); the question is about the claim's fact
*/

static const char zClaimSql[] =
  "SELECT c.id, c.stage, c.fact, c.question, c.answer, c.wrong1, c.wrong2,"
  " c.wrong3, c.explain, c.source, f.source FROM claims c"
  " JOIN facts f ON f.id=c.fact"
  " WHERE (?1 IS NULL OR c.stage=?1) ORDER BY c.rowid LIMIT 256";

KioskQuestion *quizWhy(QuizGen *g){
  Row aRow[256], c;
  QOpts opts;
  KioskQuestion *q;
  const char *zStage = 0;
  int n, i, j;
  if( !qKindOk(g, KQ_CHOICE) ) return 0;
  if( g->nStage ) zStage = g->azStage[qRand(g, (uint64_t)g->nStage)];
  n = qFetch(g, zClaimSql, aRow, 256, "t", zStage);
  if( n<=0 ) return 0;
  c = aRow[qRand(g, (uint64_t)n)];
  if( qIsUsed(g, c.az[2]) ) return 0;
  memset(&opts, 0, sizeof(opts));
  qOptAdd(g, &opts, c.az[4], 1, 0, 0);
  for(i=5; i<=7; i++){
    if( c.az[i] ) qOptAdd(g, &opts, c.az[i], 0, 0, 0);
  }
  if( opts.n<3 ) return 0;
  q = qNew(g, KQ_CHOICE, "why", c.az[1]);
  if( q==0 ) return 0;
  if( qSet(g, &q->zPrompt, c.az[3])
   || qSet(g, &q->zAnswer, c.az[4])
   || qSet(g, &q->zExplain, c.az[8])
   || qFact(g, q, c.az[2], c.az[10])
   || qOptsToQuestion(g, q, &opts, 0) ){
    return qDrop(q);
  }
  for(j=0; j<q->nSource && strcmp(q->azSource[j], c.az[9]); j++){}
  if( j==q->nSource && kioskQuestionAddSource(q, c.az[9]) ){
    qOom(g);
    return qDrop(q);
  }
  return qFinish(g, q, c.az[0]+(strncmp(c.az[0], "cl-", 3)==0 ? 3 : 0));
}
