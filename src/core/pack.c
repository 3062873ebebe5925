/*
** pack.c: quiz packs. See pack.h for the format and quizzes/README.md for
** the instructor's documentation.
**
** The reader walks the file line by line: section headers, then settings
** as "key = value", rules as "kind stage count", and hands everything after
** [questions] to the GIFT reader (gift.c) over the same source, so every
** error of either part carries the pack file's own line and column. Errors
** are collected, never fatal, so `kioskctl pack check` names them all.
*/
#include "pack.h"
#include "moodlexml.h"
#include "prng.h"
#include "quiz.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ========================================================================
** Small tools
*/

int kioskPackIsId(const char *z){
  int n = 0;
  for(; *z; z++, n++){
    if( !(islower((unsigned char)*z) || isdigit((unsigned char)*z)
          || *z=='-') ) return 0;
  }
  return n>0 && n<=64;
}

/* A copy of z[0..n) (NUL-terminated), or NULL out of memory. */
static char *dupN(const char *z, int n){
  char *zNew = sqlite3_malloc64((sqlite3_uint64)n+1);
  if( zNew ){
    memcpy(zNew, z, (size_t)n);
    zNew[n] = 0;
  }
  return zNew;
}

/* The last path component of zFile without its extension. */
static char *baseName(const char *zFile){
  const char *zBase = strrchr(zFile, '/');
  const char *zDot;
  zBase = zBase ? zBase+1 : zFile;
  zDot = strrchr(zBase, '.');
  return dupN(zBase, zDot && zDot>zBase ? (int)(zDot-zBase)
                                        : (int)strlen(zBase));
}

/* Bytes of a UTF-8 byte-order mark at the start of z[0..n): 3 or 0. */
static int bomLen(const char *z, int n){
  return (n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0) ? 3 : 0;
}

int kioskPackReadFile(const char *zFile, char **pz, int *pn,
                      KioskError *pErr){
  FILE *in = 0;
  char *z = 0;
  long nSize;
  size_t nRead;
  int rc = 0;

  *pz = 0;
  *pn = 0;
  in = fopen(zFile, "rb");
  if( in==0 ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zFile, 0, 0,
                       "cannot open: %s", strerror(errno));
    goto done;
  }
  if( fseek(in, 0, SEEK_END) || (nSize = ftell(in))<0
   || fseek(in, 0, SEEK_SET) ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "READ", zFile, 0, 0,
                       "cannot read: %s", strerror(errno));
    goto done;
  }
  if( nSize>KIOSK_PACK_MAXBYTES ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "SIZE", zFile, 0, 0,
                       "file is larger than %d bytes",
                       KIOSK_PACK_MAXBYTES);
    goto done;
  }
  z = sqlite3_malloc64((sqlite3_uint64)nSize+1);
  if( z==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, zFile, 0, 0, "out of memory");
    goto done;
  }
  nRead = fread(z, 1, (size_t)nSize, in);
  if( nRead!=(size_t)nSize || ferror(in) ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "READ", zFile, 0, 0,
                       "cannot read: %s", strerror(errno));
    goto done;
  }
  z[nSize] = 0;
  *pz = z;
  *pn = (int)nSize;
  z = 0;

done:
  if( in ) fclose(in);
  sqlite3_free(z);
  return rc;
}

/* ========================================================================
** Reading a pack
*/

typedef struct PackReader {
  KioskSrc src;
  KioskErrList *pErrs;
  KioskPack *pPack;
  unsigned mSeen;            /* settings already given, one bit each */
} PackReader;

static void perr(PackReader *r, int iOff, const char *zCode,
                 const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 4, 5)))
#endif
  ;
static void perr(PackReader *r, int iOff, const char *zCode,
                 const char *zFmt, ...){
  char zMsg[1024];
  int iLine, iCol;
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  va_end(ap);
  kioskSrcPos(&r->src, iOff, &iLine, &iCol);
  kioskErrListAdd(r->pErrs, KIOSK_EPACK, zCode, r->src.zFile, iLine, iCol,
                  "%s", zMsg);
}

static int isBlank(char c){ return c==' ' || c=='\t' || c=='\r'; }

/* 1 if z may be asked for by a rule: "any", a generator topic or a kind. */
static int isRuleName(const char *z){
  KioskQKind eKind;
  int i;
  if( strcmp(z, "any")==0 ) return 1;
  if( kioskQKindFromName(z, &eKind)==0 && KIOSK_QKIND_SCORED(eKind) ){
    return 1;   /* essays and descriptions are written, never generated */
  }
  for(i=0; kioskQuizTopics[i]; i++){
    if( strcmp(z, kioskQuizTopics[i])==0 ) return 1;
  }
  return 0;
}

/* Settings, in the order the documentation lists them. */
static const char *const azSetting[] = {
  "id", "title", "author", "description", "stages", "pass", "time",
  "order", "seed", "attempts", "feedback", 0
};
enum { S_ID, S_TITLE, S_AUTHOR, S_DESCRIPTION, S_STAGES, S_PASS, S_TIME,
       S_ORDER, S_SEED, S_ATTEMPTS, S_FEEDBACK };

/* Parse an unsigned decimal z (all of it); 0 and *pv, or 1. */
static int parseUnsigned(const char *z, uint64_t nMax, uint64_t *pv){
  uint64_t v = 0;
  if( !isdigit((unsigned char)*z) ) return 1;
  for(; isdigit((unsigned char)*z); z++){
    uint64_t d = (uint64_t)(*z-'0');
    if( v>(nMax-d)/10 ) return 1;
    v = v*10+d;
  }
  if( *z ) return 1;
  *pv = v;
  return 0;
}

/* "10 min", "1h 30m", "90 s", "none": seconds, or -1. */
static int parseTime(const char *z){
  static const struct { const char *zUnit; int nSec; } aUnit[] = {
    { "seconds", 1 }, { "second", 1 }, { "secs", 1 }, { "sec", 1 },
    { "s", 1 }, { "minutes", 60 }, { "minute", 60 }, { "mins", 60 },
    { "min", 60 }, { "m", 60 }, { "hours", 3600 }, { "hour", 3600 },
    { "hrs", 3600 }, { "hr", 3600 }, { "h", 3600 }
  };
  long nTotal = 0;
  if( strcmp(z, "none")==0 || strcmp(z, "0")==0 ) return 0;
  while( *z ){
    long v = 0;
    size_t u;
    int nDigit = 0;
    while( *z==' ' || *z=='\t' ) z++;
    while( isdigit((unsigned char)*z) && nDigit<6 ){
      v = v*10 + (*z-'0');
      z++;
      nDigit++;
    }
    if( nDigit==0 ) return -1;
    while( *z==' ' || *z=='\t' ) z++;
    for(u=0; u<sizeof(aUnit)/sizeof(aUnit[0]); u++){
      size_t n = strlen(aUnit[u].zUnit);
      if( strncmp(z, aUnit[u].zUnit, n)==0 && !isalpha((unsigned char)z[n]) ){
        nTotal += v*aUnit[u].nSec;
        z += n;
        break;
      }
    }
    if( u==sizeof(aUnit)/sizeof(aUnit[0]) ) return -1;
    if( nTotal>86400 ) return -1;
    while( *z==' ' || *z=='\t' || *z==',' ) z++;
  }
  return (int)nTotal;
}

static void addStage(PackReader *r, const char *zId, int iOff){
  KioskPack *p = r->pPack;
  KioskGiftRef *aNew;
  int i;
  for(i=0; i<p->nStage; i++){
    if( strcmp(p->aStage[i].zId, zId)==0 ){
      perr(r, iOff, "VALUE", "stage \"%s\" is listed twice", zId);
      return;
    }
  }
  aNew = sqlite3_realloc64(p->aStage,
                           (sqlite3_uint64)(p->nStage+1)*sizeof(*aNew));
  if( aNew==0 ){ perr(r, iOff, "NOMEM", "out of memory"); return; }
  p->aStage = aNew;
  memset(&aNew[p->nStage], 0, sizeof(aNew[0]));
  aNew[p->nStage].eKind = KGREF_STAGE;
  aNew[p->nStage].zId = kioskStrDup(zId);
  if( aNew[p->nStage].zId==0 ){ perr(r, iOff, "NOMEM", "out of memory"); return; }
  kioskSrcPos(&r->src, iOff, &aNew[p->nStage].iLine, &aNew[p->nStage].iCol);
  p->nStage++;
}

/* Set a string setting, copying the value. */
static void setString(PackReader *r, char **pz, const char *zVal, int iOff){
  sqlite3_free(*pz);
  *pz = kioskStrDup(zVal);
  if( *pz==0 ) perr(r, iOff, "NOMEM", "out of memory");
}

/* One "key = value" line: key at [k0,k1), value text zVal at iVal. */
static void readSetting(PackReader *r, int k0, int k1, const char *zVal,
                        int iVal){
  KioskPack *p = r->pPack;
  const char *z = r->src.z;
  int iKey;
  for(iKey=0; azSetting[iKey]; iKey++){
    if( (int)strlen(azSetting[iKey])==k1-k0
     && memcmp(azSetting[iKey], z+k0, (size_t)(k1-k0))==0 ) break;
  }
  if( azSetting[iKey]==0 ){
    perr(r, k0, "SETTING", "unknown setting \"%.*s\" (known: id title "
         "author description stages pass time order seed attempts "
         "feedback)", k1-k0, z+k0);
    return;
  }
  if( r->mSeen & (1u<<iKey) ){
    perr(r, k0, "SETTING", "%s is set twice", azSetting[iKey]);
    return;
  }
  r->mSeen |= 1u<<iKey;
  if( zVal[0]==0 ){
    perr(r, iVal, "VALUE", "%s needs a value", azSetting[iKey]);
    return;
  }
  switch( iKey ){
    case S_ID:
      if( !kioskPackIsId(zVal) ){
        perr(r, iVal, "VALUE", "id \"%s\" must be lower-case letters, "
             "digits and - (at most 64)", zVal);
      }else{
        setString(r, &p->zId, zVal, iVal);
      }
      break;
    case S_TITLE:
      if( strlen(zVal)>200 ){
        perr(r, iVal, "VALUE", "title is longer than 200 bytes");
      }else{
        setString(r, &p->zTitle, zVal, iVal);
      }
      break;
    case S_AUTHOR:
      setString(r, &p->zAuthor, zVal, iVal);
      break;
    case S_DESCRIPTION:
      setString(r, &p->zDescription, zVal, iVal);
      break;
    case S_STAGES: {
      int i = 0;
      if( strcmp(zVal, "all")==0 ) break;
      while( zVal[i] ){
        int j;
        char zId[80];
        while( zVal[i]==' ' || zVal[i]=='\t' || zVal[i]==',' ) i++;
        if( zVal[i]==0 ) break;
        j = i;
        while( zVal[j] && zVal[j]!=' ' && zVal[j]!='\t' && zVal[j]!=',' ) j++;
        snprintf(zId, sizeof(zId), "%.*s", j-i, zVal+i);
        if( j-i>=(int)sizeof(zId) || !kioskPackIsId(zId) ){
          perr(r, iVal+i, "VALUE", "\"%.*s\" is not a stage id: write "
               "stage ids separated by spaces, or all", j-i, zVal+i);
        }else if( strcmp(zId, "all")==0 ){
          perr(r, iVal+i, "VALUE", "all stands alone: stages = all");
        }else{
          addStage(r, zId, iVal+i);
        }
        i = j;
      }
      break;
    }
    case S_PASS: {
      char zNum[32];
      uint64_t v;
      size_t n = strlen(zVal);
      if( n>0 && zVal[n-1]=='%' ) n--;
      while( n>0 && zVal[n-1]==' ' ) n--;
      snprintf(zNum, sizeof(zNum), "%.*s", (int)n, zVal);
      if( n>=sizeof(zNum) || parseUnsigned(zNum, 100, &v) ){
        perr(r, iVal, "VALUE", "pass must be a percentage from 0%% to "
             "100%%, like 60%%, not \"%s\"", zVal);
      }else{
        p->rPass = (double)v/100.0;
      }
      break;
    }
    case S_TIME: {
      int n = parseTime(zVal);
      if( n<0 ){
        perr(r, iVal, "VALUE", "time must be none or a duration up to 24 "
             "hours such as 10 min, 1 h 30 min or 90 s, not \"%s\"", zVal);
      }else{
        p->nTimeLimit = n;
      }
      break;
    }
    case S_ORDER:
      if( strcmp(zVal, "shuffle")==0 ) p->eOrder = KPACK_ORDER_SHUFFLE;
      else if( strcmp(zVal, "fixed")==0 ) p->eOrder = KPACK_ORDER_FIXED;
      else perr(r, iVal, "VALUE", "order must be shuffle or fixed, not "
                "\"%s\"", zVal);
      break;
    case S_SEED: {
      uint64_t v;
      if( strcmp(zVal, "per-student")==0 ){
        p->bFixedSeed = 0;
      }else if( parseUnsigned(zVal, (uint64_t)INT64_MAX, &v)==0 ){
        p->bFixedSeed = 1;
        p->iSeed = v;
      }else{
        perr(r, iVal, "VALUE", "seed must be per-student or a whole number "
             "from 0 to %lld, not \"%s\"", (long long)INT64_MAX, zVal);
      }
      break;
    }
    case S_ATTEMPTS: {
      uint64_t v;
      if( strcmp(zVal, "unlimited")==0 ){
        p->nAttempts = 0;
      }else if( parseUnsigned(zVal, 1000, &v)==0 && v>=1 ){
        p->nAttempts = (int)v;
      }else{
        perr(r, iVal, "VALUE", "attempts must be unlimited or a number from "
             "1 to 1000, not \"%s\"", zVal);
      }
      break;
    }
    case S_FEEDBACK:
      if( strcmp(zVal, "each")==0 ) p->eFeedback = KPACK_FEEDBACK_EACH;
      else if( strcmp(zVal, "end")==0 ) p->eFeedback = KPACK_FEEDBACK_END;
      else perr(r, iVal, "VALUE", "feedback must be each (after every "
                "question) or end (on the results screen), not \"%s\"",
                zVal);
      break;
  }
}

/* One rule line [t, u): "kind stage count". */
static void readRule(PackReader *r, int t, int u){
  KioskPack *p = r->pPack;
  const char *z = r->src.z;
  int aTok[4][2], nTok = 0, i = t, k;
  char zWhat[32], zStage[80], zCount[16];
  KioskPackRule *pRule, *aNew;
  uint64_t v;
  int iLine, iCol;

  while( i<u ){
    while( i<u && isBlank(z[i]) ) i++;
    if( i>=u ) break;
    if( nTok==4 ){ nTok++; break; }
    aTok[nTok][0] = i;
    while( i<u && !isBlank(z[i]) ) i++;
    aTok[nTok++][1] = i;
  }
  if( nTok!=3 ){
    perr(r, nTok>3 ? aTok[3][0] : t, "RULE", "a rule is three words: kind "
         "stage count, like \"date s1-caution 3\" (stage * for the pack's "
         "stages)");
    return;
  }
  snprintf(zWhat, sizeof(zWhat), "%.*s", aTok[0][1]-aTok[0][0], z+aTok[0][0]);
  snprintf(zStage, sizeof(zStage), "%.*s", aTok[1][1]-aTok[1][0],
           z+aTok[1][0]);
  snprintf(zCount, sizeof(zCount), "%.*s", aTok[2][1]-aTok[2][0],
           z+aTok[2][0]);
  if( aTok[0][1]-aTok[0][0]>=(int)sizeof(zWhat) || !isRuleName(zWhat) ){
    perr(r, aTok[0][0], "RULE", "unknown question kind \"%.*s\" (known: "
         "any date figure initiative person organization place chronology "
         "matching truefalse term why choice multi tf year number text order match)",
         aTok[0][1]-aTok[0][0], z+aTok[0][0]);
    return;
  }
  if( strcmp(zStage, "*")!=0 ){
    if( aTok[1][1]-aTok[1][0]>=(int)sizeof(zStage) || !kioskPackIsId(zStage) ){
      perr(r, aTok[1][0], "RULE", "\"%.*s\" is not a stage id (or * for "
           "the pack's stages)", aTok[1][1]-aTok[1][0], z+aTok[1][0]);
      return;
    }
    if( p->nStage>0 ){
      for(k=0; k<p->nStage; k++){
        if( strcmp(p->aStage[k].zId, zStage)==0 ) break;
      }
      if( k==p->nStage ){
        perr(r, aTok[1][0], "STAGE", "stage \"%s\" is not among the pack's "
             "stages (the stages setting)", zStage);
        return;
      }
    }
  }
  if( aTok[2][1]-aTok[2][0]>=(int)sizeof(zCount)
   || parseUnsigned(zCount, KIOSK_PACK_MAXRULE_COUNT, &v) || v<1 ){
    perr(r, aTok[2][0], "RULE", "count must be a number from 1 to %d, not "
         "\"%.*s\"", KIOSK_PACK_MAXRULE_COUNT, aTok[2][1]-aTok[2][0],
         z+aTok[2][0]);
    return;
  }
  aNew = sqlite3_realloc64(p->aRule, (sqlite3_uint64)(p->nRule+1)*sizeof(*aNew));
  if( aNew==0 ){ perr(r, t, "NOMEM", "out of memory"); return; }
  p->aRule = aNew;
  pRule = &aNew[p->nRule];
  memset(pRule, 0, sizeof(*pRule));
  pRule->zWhat = kioskStrDup(zWhat);
  pRule->zStage = strcmp(zStage, "*")==0 ? 0 : kioskStrDup(zStage);
  pRule->nCount = (int)v;
  kioskSrcPos(&r->src, aTok[0][0], &iLine, &iCol);
  pRule->iLine = iLine;
  pRule->iColWhat = iCol;
  kioskSrcPos(&r->src, aTok[1][0], &iLine, &pRule->iColStage);
  kioskSrcPos(&r->src, aTok[2][0], &iLine, &pRule->iColCount);
  p->nRule++;
  if( pRule->zWhat==0 || (strcmp(zStage, "*")!=0 && pRule->zStage==0) ){
    perr(r, t, "NOMEM", "out of memory");
  }
}

int kioskPackParse(const char *zFile, const char *z, int n,
                   KioskPack **ppPack, KioskErrList *pErrs){
  enum { SEC_NONE, SEC_SETTINGS, SEC_RULES, SEC_QUESTIONS };
  static const char *const azSection[] = { "settings", "rules", "questions" };
  PackReader r;
  KioskPack *p;
  int n0 = kioskErrListCount(pErrs);
  int nBom = bomLen(z, n);
  int eSec = SEC_NONE, iSettingsOff = -1, i, iLine, bTextBefore = 0;
  unsigned mSections = 0;

  *ppPack = 0;
  memset(&r, 0, sizeof(r));
  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) goto nomem;
  memset(p, 0, sizeof(*p));
  p->rPass = 0.6;
  p->zFile = kioskStrDup(zFile ? zFile : "");
  if( p->zFile==0 ) goto nomem;
  *ppPack = p;
  z += nBom;
  n -= nBom;
  if( kioskSrcInit(&r.src, p->zFile, z, n) ) goto nomem;
  r.pErrs = pErrs;
  r.pPack = p;
  kioskSrcCheckText(&r.src, 0, n, KIOSK_EPACK, pErrs);

  for(iLine=0; iLine<r.src.nLine; iLine++){
    int ls = r.src.aStart[iLine];
    int le = iLine+1<r.src.nLine ? r.src.aStart[iLine+1]-1 : n;
    int t = ls, u = le;
    while( t<u && isBlank(z[t]) ) t++;
    while( u>t && isBlank(z[u-1]) ) u--;
    if( t>=u || z[t]=='#' || z[t]==';' ) continue;
    if( z[t]=='[' ){
      int k;
      if( z[u-1]!=']' ){
        perr(&r, t, "SYNTAX", "a section header is [settings], [rules] or "
             "[questions] alone on its line");
        continue;
      }
      for(k=0; k<3; k++){
        if( (int)strlen(azSection[k])==u-t-2
         && memcmp(azSection[k], z+t+1, (size_t)(u-t-2))==0 ) break;
      }
      if( k==3 ){
        perr(&r, t, "SYNTAX", "unknown section \"%.*s\" (known: [settings] "
             "[rules] [questions])", u-t, z+t);
        continue;
      }
      if( mSections & (1u<<k) ){
        perr(&r, t, "SYNTAX", "[%s] appears twice", azSection[k]);
      }
      mSections |= 1u<<k;
      eSec = SEC_SETTINGS+k;
      if( eSec==SEC_SETTINGS && iSettingsOff<0 ) iSettingsOff = t;
      if( eSec==SEC_QUESTIONS ){
        /* GIFT from the next line to the end of the file. */
        int iStart = le<n ? le+1 : n;
        kioskGiftParse(&r.src, iStart, n, &p->doc, pErrs);
        break;
      }
      continue;
    }
    switch( eSec ){
      case SEC_NONE:
        /* once: a GIFT file given as a pack would say it on every line */
        if( !bTextBefore ){
          perr(&r, t, "SYNTAX", "text before [settings]: a pack starts "
               "with [settings] (comment lines start with #)");
        }
        bTextBefore = 1;
        break;
      case SEC_SETTINGS: {
        int k0 = t, k1 = t, iEq, iVal, nBefore;
        char *zVal;
        while( k1<u && (islower((unsigned char)z[k1]) || z[k1]=='-') ) k1++;
        iEq = k1;
        while( iEq<u && isBlank(z[iEq]) ) iEq++;
        if( k1==k0 || iEq>=u || z[iEq]!='=' ){
          perr(&r, k1==k0 ? t : iEq, "SYNTAX",
               "a setting is written key = value");
          break;
        }
        iVal = iEq+1;
        while( iVal<u && isBlank(z[iVal]) ) iVal++;
        zVal = dupN(z+iVal, u-iVal);
        if( zVal==0 ){ perr(&r, t, "NOMEM", "out of memory"); break; }
        nBefore = kioskErrListCount(pErrs);
        readSetting(&r, k0, k1, zVal, iVal);
        if( kioskErrListCount(pErrs)>nBefore && k1-k0==6
         && memcmp(z+k0, "stages", 6)==0 ){
          p->bStagesError = 1;
        }
        sqlite3_free(zVal);
        break;
      }
      case SEC_RULES:
        readRule(&r, t, u);
        break;
    }
  }

  /* What the whole file must have. */
  if( iSettingsOff<0 ){
    perr(&r, 0, "SYNTAX", "no [settings] section: a pack starts with "
         "[settings] and a title (kioskctl pack import turns a GIFT file "
         "into a pack)");
  }else if( p->zTitle==0 && !(r.mSeen & (1u<<S_TITLE)) ){
    perr(&r, iSettingsOff, "SETTING", "title is missing from [settings]");
  }
  if( p->zId==0 && !(r.mSeen & (1u<<S_ID)) ){
    p->zId = baseName(p->zFile);
    if( p->zId==0 ) goto nomem;
    if( !kioskPackIsId(p->zId) ){
      perr(&r, iSettingsOff<0 ? 0 : iSettingsOff, "SETTING", "the file "
           "name does not make a pack id (lower-case letters, digits and "
           "-): add id = ... to [settings]");
    }
  }
  for(i=0; i<p->doc.nItem; i++){
    KioskGiftItem *pItem = &p->doc.aItem[i];
    if( pItem->q==0 ) continue;
    p->nQuestion++;
    pItem->q->zId = sqlite3_mprintf("pack:%s:%d", p->zId ? p->zId : "",
                                    i+1);
    if( pItem->q->zId==0 ) goto nomem;
    if( pItem->q->zStage==0 && p->nStage==1 ){
      pItem->q->zStage = kioskStrDup(p->aStage[0].zId);
      if( pItem->q->zStage==0 ) goto nomem;
    }
  }
  if( p->nRule==0 && p->doc.nItem==0 && kioskErrListCount(pErrs)==n0 ){
    perr(&r, iSettingsOff<0 ? 0 : iSettingsOff, "EMPTY", "the pack has no "
         "questions: add [rules] for generated ones or [questions] with "
         "GIFT");
  }
  kioskSrcFree(&r.src);
  return kioskErrListCount(pErrs)-n0;

nomem:
  kioskSrcFree(&r.src);
  kioskErrListAdd(pErrs, KIOSK_ENOMEM, "NOMEM", zFile, 0, 0, "out of memory");
  return kioskErrListCount(pErrs)-n0;
}

void kioskPackFree(KioskPack *p){
  int i;
  if( p==0 ) return;
  sqlite3_free(p->zFile);
  sqlite3_free(p->zId);
  sqlite3_free(p->zTitle);
  sqlite3_free(p->zAuthor);
  sqlite3_free(p->zDescription);
  for(i=0; i<p->nStage; i++) sqlite3_free(p->aStage[i].zId);
  sqlite3_free(p->aStage);
  for(i=0; i<p->nRule; i++){
    sqlite3_free(p->aRule[i].zWhat);
    sqlite3_free(p->aRule[i].zStage);
  }
  sqlite3_free(p->aRule);
  kioskGiftDocReset(&p->doc);
  sqlite3_free(p);
}

/* ========================================================================
** Generated questions: the glue to the generator (quiz.h)
*/

/* The stages a rule draws from: its own, or the pack's (NULL, 0: all). */
static void ruleStages(const KioskPack *p, const KioskPackRule *pRule,
                       const char **azBuf, const char ***pazStage,
                       int *pnStage){
  int i;
  if( pRule->zStage ){
    azBuf[0] = pRule->zStage;
    *pazStage = azBuf;
    *pnStage = 1;
    return;
  }
  for(i=0; i<p->nStage; i++) azBuf[i] = p->aStage[i].zId;
  *pazStage = p->nStage ? azBuf : 0;
  *pnStage = p->nStage;
}

/*
** Generate nWant questions for pRule from db into pOut, with seed iSeed,
** skipping ids already in pOut. Returns 0 (fewer than nWant when the
** course cannot make more: *pnGot says how many were added) or an error
** class with pErr set.
*/
static int genRule(const KioskPack *p, const KioskPackRule *pRule,
                   sqlite3 *db, uint64_t iSeed, int nWant, KioskQuiz *pOut,
                   int *pnGot, KioskError *pErr){
  const char **azBuf = 0, **azStage = 0;
  int nStage = 0, rc = 0, i, j;
  KioskQuizSpec spec;
  KioskQuiz got;

  memset(&got, 0, sizeof(got));
  *pnGot = 0;
  azBuf = sqlite3_malloc64((sqlite3_uint64)(p->nStage+1)*sizeof(char *));
  if( azBuf==0 ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }
  ruleStages(p, pRule, azBuf, &azStage, &nStage);
  memset(&spec, 0, sizeof(spec));
  spec.azStage = azStage;
  spec.nStage = nStage;
  if( strcmp(pRule->zWhat, "any")!=0 ){
    KioskQKind eKind;
    if( kioskQKindFromName(pRule->zWhat, &eKind)==0 ){
      spec.mKind = 1u<<eKind;
    }else{
      spec.azTopic = (const char *const *)&pRule->zWhat;
      spec.nTopic = 1;
    }
  }
  /* The questions earlier rules chose are avoided: no fact, subject or
  ** id asked twice in one quiz, no answer given away (quiz.h). */
  spec.nQuestion = nWant;
  spec.pAvoid = pOut;
  spec.iSeed = iSeed;
  rc = kioskQuizGenerate(db, &spec, &got, pErr);
  if( rc ) goto done;
  for(i=0; i<got.nQuestion && *pnGot<nWant; i++){
    KioskQuestion *q = got.apQuestion[i];
    for(j=0; j<pOut->nQuestion; j++){
      if( strcmp(pOut->apQuestion[j]->zId, q->zId)==0 ) break;
    }
    if( j<pOut->nQuestion ) continue;
    got.apQuestion[i] = 0;
    if( kioskQuizAppend(pOut, q) ){
      rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
      goto done;
    }
    (*pnGot)++;
  }

done:
  kioskQuizReset(&got);        /* the taken ones are NULL there: no-ops */
  sqlite3_free(azBuf);
  return rc;
}

/* ========================================================================
** Checking against a course
*/

/* The seeds a pack check runs its rules under. */
#define PACK_CHECK_SEEDS 32

typedef struct Checker {
  sqlite3 *db;
  sqlite3_stmt *apStmt[4];   /* stage, fact, source, lesson */
  KioskErrList *pErrs;
  const char *zFile;
  int bDbError;
} Checker;

/* 1 when the row exists, 0 when not, -1 on a database error (recorded). */
static int exists(Checker *c, int iStmt, const char *zId, int iPara){
  static const char *const azSql[] = {
    "SELECT 1 FROM stages WHERE id=?1",
    "SELECT 1 FROM facts WHERE id=?1",
    "SELECT 1 FROM sources WHERE id=?1",
    "SELECT 1 FROM lessons WHERE stage=?1 AND para=?2"
  };
  int rc;
  if( c->bDbError ) return -1;
  if( c->apStmt[iStmt]==0
   && sqlite3_prepare_v2(c->db, azSql[iStmt], -1, &c->apStmt[iStmt], 0) ){
    goto db_error;
  }
  sqlite3_reset(c->apStmt[iStmt]);
  sqlite3_bind_text(c->apStmt[iStmt], 1, zId, -1, SQLITE_STATIC);
  if( iStmt==3 ) sqlite3_bind_int(c->apStmt[iStmt], 2, iPara);
  rc = sqlite3_step(c->apStmt[iStmt]);
  if( rc==SQLITE_ROW ) return 1;
  if( rc==SQLITE_DONE ) return 0;

db_error:
  kioskErrListAdd(c->pErrs, KIOSK_EDB, "QUERY", c->zFile, 0, 0,
                  "course database: %s", sqlite3_errmsg(c->db));
  c->bDbError = 1;
  return -1;
}

static void checkRef(Checker *c, const KioskGiftRef *pRef){
  switch( pRef->eKind ){
    case KGREF_STAGE:
      if( exists(c, 0, pRef->zId, 0)==0 ){
        kioskErrListAdd(c->pErrs, KIOSK_EPACK, "STAGE", c->zFile,
                        pRef->iLine, pRef->iCol,
                        "no stage \"%s\" in the course", pRef->zId);
      }
      break;
    case KGREF_FACT:
      if( exists(c, 1, pRef->zId, 0)==0 ){
        kioskErrListAdd(c->pErrs, KIOSK_EPACK, "FACT", c->zFile,
                        pRef->iLine, pRef->iCol,
                        "no fact \"%s\" in the course", pRef->zId);
      }
      break;
    case KGREF_SOURCE:
      if( exists(c, 2, pRef->zId, 0)==0 ){
        kioskErrListAdd(c->pErrs, KIOSK_EPACK, "SOURCE", c->zFile,
                        pRef->iLine, pRef->iCol,
                        "no note %s in the course", pRef->zId+1);
      }
      break;
    case KGREF_LESSON:
      if( exists(c, 3, pRef->zId, pRef->iPara)==0 ){
        kioskErrListAdd(c->pErrs, KIOSK_EPACK, "LESSON", c->zFile,
                        pRef->iLine, pRef->iCol,
                        "no paragraph %d in the lesson of stage \"%s\"",
                        pRef->iPara, pRef->zId);
      }
      break;
  }
}

int kioskPackCheckCourse(const KioskPack *p, sqlite3 *db,
                         KioskErrList *pErrs){
  Checker c;
  int n0 = kioskErrListCount(pErrs), i, j, nBadStage;
  KioskQuiz quiz;

  memset(&c, 0, sizeof(c));
  memset(&quiz, 0, sizeof(quiz));
  c.db = db;
  c.pErrs = pErrs;
  c.zFile = p->zFile;
  for(i=0; i<p->nStage; i++) checkRef(&c, &p->aStage[i]);
  nBadStage = kioskErrListCount(pErrs)-n0;
  for(i=0; i<p->nRule; i++){
    const KioskPackRule *pRule = &p->aRule[i];
    if( pRule->zWhat==0 ) continue;       /* out of memory while read */
    if( pRule->zStage && exists(&c, 0, pRule->zStage, 0)==0 ){
      kioskErrListAdd(pErrs, KIOSK_EPACK, "STAGE", p->zFile, pRule->iLine,
                      pRule->iColStage, "no stage \"%s\" in the course",
                      pRule->zStage);
    }
  }
  for(i=0; i<p->doc.nItem; i++){
    const KioskGiftItem *pItem = &p->doc.aItem[i];
    for(j=0; j<pItem->nRef; j++) checkRef(&c, &pItem->aRef[j]);
  }

  /* Rules: with every stage known, generate them all, rule after rule as
  ** a quiz does, under PACK_CHECK_SEEDS seeds; a rule that gets fewer
  ** questions than it asks under any of them is beyond the course. The
  ** pool of a rule depends on the pick of the rules before it (a quiz asks
  ** one question per subject, quiz.h), so one seed would not do. */
  if( nBadStage==0 && !c.bDbError && !p->bStagesError && p->nRule>0 ){
    int *aMin = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)p->nRule);
    int iSeedTry, bStop = 0;
    if( aMin==0 ){
      kioskErrListAdd(pErrs, KIOSK_ENOMEM, "NOMEM", p->zFile, 0, 0,
                      "out of memory");
      bStop = 1;
    }
    for(i=0; aMin && i<p->nRule; i++) aMin[i] = p->aRule[i].nCount;
    for(iSeedTry=0; !bStop && iSeedTry<PACK_CHECK_SEEDS; iSeedTry++){
      kioskQuizReset(&quiz);
      memset(&quiz, 0, sizeof(quiz));
      for(i=0; i<p->nRule; i++){
        const KioskPackRule *pRule = &p->aRule[i];
        KioskError err;
        int nGot = 0;
        if( pRule->zWhat==0 ) continue;
        if( pRule->zStage && exists(&c, 0, pRule->zStage, 0)!=1 ) continue;
        kioskErrorClear(&err);
        if( genRule(p, pRule, db, kioskPrngMix((uint64_t)iSeedTry, (uint64_t)i),
                    pRule->nCount, &quiz, &nGot, &err) ){
          err.iLine = pRule->iLine;
          err.iCol = pRule->iColWhat;
          snprintf(err.zFile, sizeof(err.zFile), "%s", p->zFile);
          kioskErrListAppend(pErrs, &err);
          bStop = 1;
          break;
        }
        if( nGot<aMin[i] ) aMin[i] = nGot;
      }
    }
    for(i=0; aMin && !bStop && i<p->nRule; i++){
      const KioskPackRule *pRule = &p->aRule[i];
      if( aMin[i]<pRule->nCount ){
        kioskErrListAdd(pErrs, KIOSK_EPACK, "COUNT", p->zFile, pRule->iLine,
                        pRule->iColCount, "the rule asks for %d %s "
                        "question%s from %s but the course can make only %d"
                        "%s", pRule->nCount, pRule->zWhat,
                        pRule->nCount==1 ? "" : "s",
                        pRule->zStage ? pRule->zStage : "the pack's stages",
                        aMin[i], i>0 ? " more (after the rules above)" : "");
      }
    }
    sqlite3_free(aMin);
  }
  kioskQuizReset(&quiz);
  for(i=0; i<4; i++) sqlite3_finalize(c.apStmt[i]);
  return kioskErrListCount(pErrs)-n0;
}

/* Order of errors: line, column, then as found (iSeq). */
typedef struct SortedErr {
  KioskError *pErr;
  int iSeq;
} SortedErr;

static int cmpSortedErr(const void *a, const void *b){
  const SortedErr *x = (const SortedErr *)a, *y = (const SortedErr *)b;
  if( x->pErr->iLine!=y->pErr->iLine ) return x->pErr->iLine<y->pErr->iLine ? -1 : 1;
  if( x->pErr->iCol!=y->pErr->iCol ) return x->pErr->iCol<y->pErr->iCol ? -1 : 1;
  return x->iSeq<y->iSeq ? -1 : x->iSeq>y->iSeq;
}

static int sameErr(const KioskError *a, const KioskError *b){
  return a->eClass==b->eClass && a->iLine==b->iLine && a->iCol==b->iCol
      && strcmp(a->zCode, b->zCode)==0 && strcmp(a->zFile, b->zFile)==0
      && strcmp(a->zMsg, b->zMsg)==0;
}

/* Sort pErrs->aErr[i0..nErr) by position and drop exact duplicates. */
static void sortErrors(KioskErrList *pErrs, int i0){
  int n = pErrs->nErr - i0, i, nOut;
  SortedErr *aIdx;
  KioskError *aCopy;
  if( n<2 ) return;
  aIdx = sqlite3_malloc64((sqlite3_uint64)n*sizeof(*aIdx));
  aCopy = sqlite3_malloc64((sqlite3_uint64)n*sizeof(*aCopy));
  if( aIdx==0 || aCopy==0 ){       /* left in the order found */
    sqlite3_free(aIdx);
    sqlite3_free(aCopy);
    return;
  }
  for(i=0; i<n; i++){
    aIdx[i].pErr = &pErrs->aErr[i0+i];
    aIdx[i].iSeq = i;
  }
  qsort(aIdx, (size_t)n, sizeof(*aIdx), cmpSortedErr);
  for(i=0, nOut=0; i<n; i++){
    if( nOut>0 && sameErr(&aCopy[nOut-1], aIdx[i].pErr) ) continue;
    aCopy[nOut++] = *aIdx[i].pErr;
  }
  memcpy(&pErrs->aErr[i0], aCopy, (size_t)nOut*sizeof(*aCopy));
  pErrs->nErr = i0+nOut;
  sqlite3_free(aIdx);
  sqlite3_free(aCopy);
}

int kioskPackCheck(const char *zFile, const char *z, int n, sqlite3 *db,
                   KioskPack **ppPack, KioskErrList *pErrs){
  int n0 = kioskErrListCount(pErrs), i0 = pErrs->nErr, i, bNomem = 0;
  kioskPackParse(zFile, z, n, ppPack, pErrs);
  for(i=i0; i<pErrs->nErr; i++){
    if( pErrs->aErr[i].eClass==KIOSK_ENOMEM
     || strcmp(pErrs->aErr[i].zCode, "NOMEM")==0 ) bNomem = 1;
  }
  /* The course checks need only what did parse; out of memory, the pack
  ** may be missing parts, so only the syntax errors are reported. */
  if( *ppPack && db && !bNomem ){
    kioskPackCheckCourse(*ppPack, db, pErrs);
  }
  sortErrors(pErrs, i0);
  return kioskErrListCount(pErrs)-n0;
}

int kioskPackLoad(const char *zFile, const char *z, int n, sqlite3 *db,
                  KioskPack **ppPack, KioskErrList *pErrs, KioskError *pErr){
  KioskErrList local;
  KioskErrList *pList = pErrs ? pErrs : &local;
  KioskPack *p = 0;
  int n0, rc = 0;

  memset(&local, 0, sizeof(local));
  *ppPack = 0;
  n0 = pList->nErr;
  if( kioskPackCheck(zFile, z, n, db, &p, pList)>0 || p==0 ){
    if( pList->nErr>n0 ){
      *pErr = pList->aErr[n0];
    }else{
      kioskErrorSet(pErr, KIOSK_ENOMEM, 0, zFile, 0, 0, "out of memory");
    }
    rc = pErr->eClass ? (int)pErr->eClass : KIOSK_EPACK;
    kioskPackFree(p);
    p = 0;
  }
  *ppPack = p;
  kioskErrListReset(&local);
  return rc;
}

/* ========================================================================
** Running a pack
*/

uint64_t kioskPackSeed(const KioskPack *p, uint64_t iSeed){
  return p->bFixedSeed ? p->iSeed : iSeed;
}

/* Generated questions of every rule, in rule order, into pOut. */
static int genAll(const KioskPack *p, sqlite3 *db, uint64_t iSeed,
                  KioskQuiz *pOut, KioskError *pErr){
  int i, rc;
  for(i=0; i<p->nRule; i++){
    const KioskPackRule *pRule = &p->aRule[i];
    int nGot = 0;
    if( db==0 ){
      return kioskErrorSet(pErr, KIOSK_EARG, "NODB", p->zFile, pRule->iLine,
                           pRule->iColWhat, "the pack's rules need a course "
                           "database to generate their questions");
    }
    rc = genRule(p, pRule, db, kioskPrngMix(iSeed, (uint64_t)i),
                 pRule->nCount, pOut, &nGot, pErr);
    if( rc ) return rc;
    /* none at all: the rule is beyond the course (a pack check says so);
    ** a few short: earlier rules took the subjects this one needed under
    ** this seed, and the quiz is that much shorter */
    if( nGot==0 && pRule->nCount>0 ){
      return kioskErrorSet(pErr, KIOSK_EPACK, "COUNT", p->zFile,
                           pRule->iLine, pRule->iColCount,
                           "the rule asks for %d %s questions but the course "
                           "can make only %d", pRule->nCount, pRule->zWhat,
                           nGot);
    }
  }
  return 0;
}

int kioskPackQuiz(const KioskPack *p, sqlite3 *db, uint64_t iSeed,
                  KioskQuiz *pOut, KioskError *pErr){
  int i, n0 = pOut->nQuestion, rc;
  uint64_t iQuizSeed = kioskPackSeed(p, iSeed);
  rc = genAll(p, db, iQuizSeed, pOut, pErr);
  if( rc ) return rc;
  for(i=0; i<p->doc.nItem; i++){
    KioskQuestion *q;
    if( p->doc.aItem[i].q==0 ) continue;
    q = kioskQuestionCopy(p->doc.aItem[i].q);
    if( q==0 || kioskQuizAppend(pOut, q) ){
      return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    }
  }
  if( p->eOrder==KPACK_ORDER_SHUFFLE && pOut->nQuestion-n0>1 ){
    KioskPrng rng;
    kioskPrngSeed(&rng, kioskPrngMix(iQuizSeed, 0x6f72646572ULL));
    kioskPrngShuffle(&rng, pOut->apQuestion+n0, pOut->nQuestion-n0,
                     (int)sizeof(KioskQuestion *));
  }
  return 0;
}

/* ========================================================================
** GIFT export
*/

/* The category path for a stage: pack title, then "Stage N: title". */
static char *stageCategory(sqlite3 *db, const char *zStage){
  sqlite3_stmt *pStmt = 0;
  char *z = 0;
  if( db && sqlite3_prepare_v2(db, "SELECT ord, title FROM stages"
                               " WHERE id=?1", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, zStage, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      z = sqlite3_mprintf("Stage %d: %s", sqlite3_column_int(pStmt, 0),
                          (const char *)sqlite3_column_text(pStmt, 1));
    }
  }
  sqlite3_finalize(pStmt);
  return z ? z : sqlite3_mprintf("%s", zStage);
}

/* Stage order for sorting: the stage's ord, or a large number. */
static int stageOrd(sqlite3 *db, const char *zStage){
  sqlite3_stmt *pStmt = 0;
  int iOrd = 1000000;
  if( zStage==0 ) return 2000000;
  if( db && sqlite3_prepare_v2(db, "SELECT ord FROM stages WHERE id=?1",
                               -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, zStage, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)==SQLITE_ROW ) iOrd = sqlite3_column_int(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return iOrd;
}

/* One question to export, with its title and sort key. */
typedef struct ExportRow {
  const KioskQuestion *q;
  const char *zTitle;
  int iOrd;            /* stage order */
  int iSeq;            /* position in the pack's fixed order */
} ExportRow;

static int cmpExportRow(const void *a, const void *b){
  const ExportRow *x = (const ExportRow *)a, *y = (const ExportRow *)b;
  if( x->iOrd!=y->iOrd ) return x->iOrd<y->iOrd ? -1 : 1;
  if( x->q->zStage && y->q->zStage ){
    int c = strcmp(x->q->zStage, y->q->zStage);
    if( c ) return c;
  }
  return x->iSeq<y->iSeq ? -1 : x->iSeq>y->iSeq;
}

static const char *yesNo(int b, const char *zYes, const char *zNo){
  return b ? zYes : zNo;
}

/* GIFT or (bXml) Moodle XML: see kioskPackExportGift. */
static int exportPack(const KioskPack *p, sqlite3 *db, uint64_t iSeed,
                      int bXml, sqlite3_str *pOutFinal, KioskError *pErr){
  sqlite3_str *pOut = sqlite3_str_new(0);   /* the header, then all */
  KioskQuiz gen;
  ExportRow *aRow = 0;
  int nRow = 0, i, rc;
  uint64_t iQuizSeed = iSeed;
  const char *zPrevStage = 0;
  int bFirstCat = 1;

  memset(&gen, 0, sizeof(gen));
  rc = genAll(p, db, iQuizSeed, &gen, pErr);
  if( rc ) goto done;
  aRow = sqlite3_malloc64((sqlite3_uint64)(gen.nQuestion+p->doc.nItem+1)
                          *sizeof(*aRow));
  if( aRow==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    goto done;
  }
  for(i=0; i<gen.nQuestion; i++){
    aRow[nRow].q = gen.apQuestion[i];
    aRow[nRow].zTitle = gen.apQuestion[i]->zId;
    aRow[nRow].iOrd = stageOrd(db, gen.apQuestion[i]->zStage);
    aRow[nRow].iSeq = nRow;
    nRow++;
  }
  for(i=0; i<p->doc.nItem; i++){
    const KioskGiftItem *pItem = &p->doc.aItem[i];
    if( pItem->q==0 ) continue;
    aRow[nRow].q = pItem->q;
    aRow[nRow].zTitle = pItem->zTitle;
    aRow[nRow].iOrd = stageOrd(db, pItem->q->zStage);
    aRow[nRow].iSeq = nRow;
    nRow++;
  }
  qsort(aRow, (size_t)nRow, sizeof(*aRow), cmpExportRow);

  /* The header: what Moodle's question bank cannot hold. */
  sqlite3_str_appendf(pOut, "// %s\n", p->zTitle ? p->zTitle : "");
  sqlite3_str_appendf(pOut, "// Kiosk quiz pack \"%s\", exported as GIFT "
                      "for Moodle by kioskctl.\n", p->zId);
  if( p->zAuthor ) sqlite3_str_appendf(pOut, "// Author: %s\n", p->zAuthor);
  if( p->nRule>0 ){
    sqlite3_str_appendf(pOut, "// Generated questions drawn with seed "
                        "%llu.\n", (unsigned long long)iQuizSeed);
  }
  sqlite3_str_appendall(pOut, "// Set these on the Moodle quiz: pass mark ");
  sqlite3_str_appendf(pOut, "%d%%, time limit ", (int)(p->rPass*100.0+0.5));
  if( p->nTimeLimit ){
    sqlite3_str_appendf(pOut, "%d min", (p->nTimeLimit+59)/60);
  }else{
    sqlite3_str_appendall(pOut, "none");
  }
  sqlite3_str_appendf(pOut, ", %s, ",
                      yesNo(p->eOrder==KPACK_ORDER_SHUFFLE,
                            "shuffle questions", "questions in order"));
  if( p->nAttempts ){
    sqlite3_str_appendf(pOut, "%d attempt%s", p->nAttempts,
                        p->nAttempts==1 ? "" : "s");
  }else{
    sqlite3_str_appendall(pOut, "unlimited attempts");
  }
  sqlite3_str_appendf(pOut, ", %s.\n\n",
                      yesNo(p->eFeedback==KPACK_FEEDBACK_EACH,
                            "immediate feedback",
                            "feedback after the attempt"));
  if( bXml ){
    /* the same header, as one XML comment */
    char *zHead = sqlite3_str_finish(pOut);
    sqlite3_str *pCom = sqlite3_str_new(0);
    char *zCom;
    const char *z;
    for(z=zHead ? zHead : ""; *z; z++){
      if( (z==zHead || z[-1]=='\n') && strncmp(z, "// ", 3)==0 ) z += 3;
      if( *z=='\n' && (z[1]==0 || z[1]=='\n') ) continue;
      sqlite3_str_appendchar(pCom, 1, *z);
    }
    zCom = sqlite3_str_finish(pCom);
    sqlite3_free(zHead);
    pOut = sqlite3_str_new(0);
    if( zCom ){
      /* "... exported as GIFT for Moodle": say what it is */
      char *zAt = strstr(zCom, "as GIFT for Moodle");
      if( zAt ){
        char *zNew = sqlite3_mprintf("%.*sas Moodle XML%s",
                                     (int)(zAt-zCom), zCom, zAt+18);
        sqlite3_free(zCom);
        zCom = zNew;
      }
    }
    kioskMoodleXmlBegin(pOut, zCom ? zCom : "");
    sqlite3_free(zCom);
  }

  for(i=0; i<nRow; i++){
    const KioskQuestion *q = aRow[i].q;
    if( bFirstCat || (q->zStage==0) != (zPrevStage==0)
     || (q->zStage && strcmp(q->zStage, zPrevStage)!=0) ){
      const char *azPart[2];
      char *zCat = q->zStage ? stageCategory(db, q->zStage) : 0;
      azPart[0] = p->zTitle ? p->zTitle : p->zId;
      azPart[1] = zCat;
      if( q->zStage && zCat==0 ){
        rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
        goto done;
      }
      /* A pack titled as its stage ("Stage 3: Silk Road diplomacy") gets
      ** that level once, not twice. */
      if( zCat && strcmp(zCat, azPart[0])==0 ){
        sqlite3_free(zCat);
        zCat = 0;
      }
      if( bXml ){
        kioskMoodleXmlWriteCategory(pOut, azPart, zCat ? 2 : 1);
      }else{
        kioskGiftWriteCategory(pOut, azPart, zCat ? 2 : 1);
      }
      sqlite3_free(zCat);
      zPrevStage = q->zStage;
      bFirstCat = 0;
    }
    rc = bXml ? kioskMoodleXmlWrite(pOut, q, aRow[i].zTitle, pErr)
              : kioskGiftWrite(pOut, q, aRow[i].zTitle, pErr);
    if( rc ) goto done;
  }
  if( bXml ) kioskMoodleXmlEnd(pOut);
  if( sqlite3_str_errcode(pOut) ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }

done:
  {
    char *zAll = sqlite3_str_finish(pOut);
    if( rc==0 && zAll ) sqlite3_str_appendall(pOutFinal, zAll);
    sqlite3_free(zAll);
  }
  sqlite3_free(aRow);
  kioskQuizReset(&gen);
  return rc;
}

int kioskPackExportGift(const KioskPack *p, sqlite3 *db, uint64_t iSeed,
                        sqlite3_str *pOut, KioskError *pErr){
  return exportPack(p, db, iSeed, 0, pOut, pErr);
}

int kioskPackExportXml(const KioskPack *p, sqlite3 *db, uint64_t iSeed,
                       sqlite3_str *pOut, KioskError *pErr){
  return exportPack(p, db, iSeed, 1, pOut, pErr);
}

/* ========================================================================
** GIFT import
*/

/* A pack id made from a file name: lower case, other characters as -. */
static char *idFromName(const char *zFile){
  char *zBase = baseName(zFile);
  int i, j = 0;
  if( zBase==0 ) return 0;
  for(i=0; zBase[i] && j<64; i++){
    unsigned char c = (unsigned char)zBase[i];
    if( isalnum(c) && c<0x80 ){
      zBase[j++] = (char)tolower(c);
    }else if( j>0 && zBase[j-1]!='-' ){
      zBase[j++] = '-';
    }
  }
  while( j>0 && zBase[j-1]=='-' ) j--;
  zBase[j] = 0;
  if( j==0 ){
    sqlite3_free(zBase);
    return kioskStrDup("imported");
  }
  return zBase;
}

/* A settings value on one line: clean UTF-8, control bytes as spaces. */
static void appendOneLine(sqlite3_str *pOut, const char *z){
  kioskSrcAppendClean(pOut, z, (int)strlen(z));
}

/* A title a pack accepts: one clean line, trimmed, 1-200 bytes (cut at a
** character boundary); NULL when nothing is left or out of memory. */
static char *cleanTitle(const char *z){
  sqlite3_str *p = sqlite3_str_new(0);
  char *zOut;
  int n, i = 0;
  kioskSrcAppendClean(p, z, (int)strlen(z));
  zOut = sqlite3_str_finish(p);
  if( zOut==0 ) return 0;
  n = (int)strlen(zOut);
  while( i<n && (zOut[i]==' ' || zOut[i]=='\t') ) i++;
  memmove(zOut, zOut+i, (size_t)(n-i)+1);
  n -= i;
  if( n>200 ){
    n = 200;
    while( n>0 && (((unsigned char)zOut[n]) & 0xC0)==0x80 ) n--;
  }
  while( n>0 && (zOut[n-1]==' ' || zOut[n-1]=='\t') ) n--;
  zOut[n] = 0;
  if( n==0 ){
    sqlite3_free(zOut);
    return 0;
  }
  return zOut;
}

/* Split a Moodle category path at single slashes ("//" is a slash in a
** name) into at most nMax components of zBuf; returns the count. */
static int categoryParts(const char *zCat, char *zBuf, int nBuf,
                         char **azPart, int nMax){
  int n = 0, j = 0;
  const char *z;
  if( nBuf<=0 ) return 0;
  azPart[n++] = zBuf;
  for(z=zCat; *z && j<nBuf-1; z++){
    if( z[0]=='/' && z[1]=='/' ){
      zBuf[j++] = '/';
      z++;
    }else if( z[0]=='/' ){
      zBuf[j++] = 0;
      if( n>=nMax || j>=nBuf-1 ) break;
      azPart[n++] = zBuf+j;
    }else{
      zBuf[j++] = *z;
    }
  }
  zBuf[j] = 0;
  return n;
}

/* A title from the categories of a GIFT file: the last component of the
** path every category shares (a whole-course export writes "$course$/
** <pack title>/<stage>"; a Moodle export one "$course$/top/<name>"),
** leaving out "$course$"-like contexts and "top". NULL when none. */
static char *titleFromCategories(const KioskGiftDoc *pDoc){
  char zFirst[512], zOther[512];
  char *azFirst[32], *azOther[32];
  int nCommon = -1, i, k;
  for(i=0; i<pDoc->nItem; i++){
    const char *zCat = pDoc->aItem[i].zCategory;
    if( zCat==0 ) continue;
    if( nCommon<0 ){
      nCommon = categoryParts(zCat, zFirst, (int)sizeof(zFirst), azFirst, 32);
    }else{
      int n = categoryParts(zCat, zOther, (int)sizeof(zOther), azOther, 32);
      for(k=0; k<nCommon && k<n && strcmp(azFirst[k], azOther[k])==0; k++){}
      nCommon = k;
    }
  }
  for(k=nCommon-1; k>=0; k--){
    const char *z = azFirst[k];
    if( z[0] && z[0]!='$' && strcmp(z, "top")!=0 ) return cleanTitle(z);
  }
  return 0;
}

/*
** Write the questions of doc (read from zFile: GIFT when pSrc is its
** source, Moodle XML when pSrc is NULL) as a pack to pOut: what
** kioskPackImportGift and kioskPackImportXml share. Takes doc and src
** and frees them. pErrs->aErr[iTextErr..+nTextErr) are the text errors
** of the GIFT source.
*/
static int importDoc(const char *zFile, KioskSrc *pSrc, KioskGiftDoc *pDoc,
                     int iTextErr, int nTextErr, const char *zId,
                     const char *zTitle, sqlite3_str *pOut,
                     KioskErrList *pErrs, KioskErrList *pWarns){
  KioskSrc src;
  KioskGiftDoc doc = *pDoc;
  char *zMadeId = 0, *zMadeTitle = 0;
  const char *zPrevCat = 0;
  const char **azStage = 0;
  int nStage = 0, nSkipped = 0, i, j;
  (void)0;

  memset(pDoc, 0, sizeof(*pDoc));
  memset(&src, 0, sizeof(src));
  if( pSrc ){ src = *pSrc; memset(pSrc, 0, sizeof(*pSrc)); }

  {
    /* Nothing to import (only $CATEGORY lines, comments, or nothing):
    ** refused, rather than a pack that `pack check` would reject. */
    if( doc.nItem==0 && kioskErrListCount(pErrs)==iTextErr+nTextErr
     && nTextErr==0 ){
      int iLine = 1, iCol = 1;
      const char *zCat = src.z ? strstr(src.z, "$CATEGORY:") : 0;
      if( zCat ) kioskSrcPos(&src, (int)(zCat-src.z), &iLine, &iCol);
      kioskErrListAdd(pErrs, KIOSK_EGIFT, "EMPTY", zFile, iLine, iCol,
                      zCat ? "no questions to import: the file holds only "
                             "$CATEGORY lines"
                           : pSrc==0 ? "no questions to import: no "
                             "<question> but categories"
                           : "no questions to import: the file is empty");
      kioskGiftDocReset(&doc);
      kioskSrcFree(&src);
      return 0;
    }
  }
  if( zId==0 ){
    zMadeId = idFromName(zFile);
    if( zMadeId==0 ) goto nomem;
    zId = zMadeId;
  }
  if( zTitle==0 ){
    zMadeTitle = titleFromCategories(&doc);
    if( zMadeTitle==0 ){
      char *zBase = baseName(zFile);
      if( zBase ) zMadeTitle = cleanTitle(zBase);
      sqlite3_free(zBase);
    }
    if( zMadeTitle==0 ) zMadeTitle = kioskStrDup(zId);
    if( zMadeTitle==0 ) goto nomem;
    zTitle = zMadeTitle;
  }
  azStage = sqlite3_malloc64((sqlite3_uint64)(doc.nItem+1)*sizeof(char *));
  if( azStage==0 ) goto nomem;
  for(i=0; i<doc.nItem; i++){
    const KioskQuestion *q = doc.aItem[i].q;
    if( q==0 || q->zStage==0 ) continue;
    for(j=0; j<nStage && strcmp(azStage[j], q->zStage)!=0; j++){}
    if( j==nStage ) azStage[nStage++] = q->zStage;
  }

  sqlite3_str_appendall(pOut, "# Imported from ");
  appendOneLine(pOut, zFile);
  sqlite3_str_appendall(pOut, " by kioskctl pack import.\n"
      "# Check it against the course with: kioskctl pack check FILE "
      "--db COURSE.db\n\n[settings]\nid          = ");
  sqlite3_str_appendall(pOut, zId);
  sqlite3_str_appendall(pOut, "\ntitle       = ");
  if( zMadeTitle==0 ){
    zMadeTitle = cleanTitle(zTitle);
    if( zMadeTitle==0 ) zMadeTitle = kioskStrDup(zId);
    if( zMadeTitle==0 ) goto nomem;
  }
  sqlite3_str_appendall(pOut, zMadeTitle);
  sqlite3_str_appendall(pOut, "\nstages      =");
  if( nStage==0 ) sqlite3_str_appendall(pOut, " all");
  for(i=0; i<nStage; i++) sqlite3_str_appendf(pOut, " %s", azStage[i]);
  sqlite3_str_appendall(pOut, "\npass        = 60%\n"
      "time        = none\n"
      "order       = shuffle\n"
      "seed        = per-student\n"
      "attempts    = unlimited\n"
      "feedback    = each\n\n[questions]\n\n");

  for(i=0; i<doc.nItem; i++){
    const KioskGiftItem *pItem = &doc.aItem[i];
    const char *zWhy = pItem->nErr>0 ? pErrs->aErr[pItem->iFirstErr].zMsg : 0;
    int bWritten = 0, iFirst, iLast, iCol;
    /* A question with a text error (bad UTF-8, control bytes) on one of
    ** its lines, annotations included, is not imported either. */
    iFirst = iLast = 0;
    if( src.z ){
      kioskSrcPos(&src, pItem->iOff, &iFirst, &iCol);
      kioskSrcPos(&src, pItem->iEnd, &iLast, &iCol);
    }
    for(j=iTextErr; j<iTextErr+nTextErr; j++){
      if( pErrs->aErr[j].iLine>=iFirst
       && pErrs->aErr[j].iLine<=iLast ) break;
    }
    if( j<iTextErr+nTextErr && zWhy==0 ) zWhy = pErrs->aErr[j].zMsg;
    if( pItem->zCategory && (zPrevCat==0
                             || strcmp(zPrevCat, pItem->zCategory)!=0) ){
      sqlite3_str_appendall(pOut, "$CATEGORY: ");
      appendOneLine(pOut, pItem->zCategory);
      sqlite3_str_appendall(pOut, "\n\n");
      zPrevCat = pItem->zCategory;
    }
    if( pItem->q && j==iTextErr+nTextErr ){
      KioskError err;
      sqlite3_str *pQ = sqlite3_str_new(0);
      char *zQ;
      int k;
      kioskErrorClear(&err);
      if( pItem->q->zImage && pItem->q->zImageData==0 ){
        /* the image must be beside the GIFT file to be shown (Moodle XML
        ** carries its own) */
        const char *zSlash = strrchr(zFile, '/');
        char *zPath = zSlash ? sqlite3_mprintf("%.*s/%s", (int)(zSlash-zFile),
                                               zFile, pItem->q->zImage)
                             : kioskStrDup(pItem->q->zImage);
        if( zPath && access(zPath, R_OK)==0 ){
          /* carried in the pack, so the kiosk can show it */
          char *zData = 0;
          int nData = 0;
          KioskError e2;
          if( kioskPackReadFile(zPath, &zData, &nData, &e2)==0
           && nData<=KIOSK_GIFT_IMAGE_MAX ){
            pItem->q->zImageData = kioskBase64((const unsigned char *)zData,
                                               nData);
          }else{
            KioskError *w = kioskErrListAdd(&doc.warn, KIOSK_EGIFT, "FORMAT",
                            zFile, pItem->iLine, pItem->iCol, "image \"%s\" "
                            "is over %d KiB: not carried in the pack",
                            pItem->q->zImage, KIOSK_GIFT_IMAGE_MAX/1024);
            if( w ){
              sqlite3_str_appendf(pQ, "// kioskctl pack import: line %d: ",
                                  w->iLine);
              appendOneLine(pQ, w->zMsg);
              sqlite3_str_appendchar(pQ, 1, '\n');
              if( pWarns ) kioskErrListAppend(pWarns, w);
            }
          }
          sqlite3_free(zData);
        }
        if( zPath && access(zPath, R_OK)!=0 ){
          KioskError *w = kioskErrListAdd(&doc.warn, KIOSK_EGIFT, "FORMAT",
                              zFile, pItem->iLine, pItem->iCol,
                              "image \"%s\" is not beside the imported "
                              "file: put it there before installing the "
                              "pack",
                              pItem->q->zImage);
          if( w ){
            sqlite3_str_appendf(pQ, "// kioskctl pack import: line %d: ",
                                w->iLine);
            appendOneLine(pQ, w->zMsg);
            sqlite3_str_appendchar(pQ, 1, '\n');
            if( pWarns ) kioskErrListAppend(pWarns, w);
          }
        }
        sqlite3_free(zPath);
      }
      for(k=0; k<pItem->nWarn; k++){
        /* imported with a change: say so, in the pack and to the caller */
        const KioskError *w = &doc.warn.aErr[pItem->iFirstWarn+k];
        sqlite3_str_appendf(pQ, "// kioskctl pack import: line %d: ",
                            w->iLine);
        appendOneLine(pQ, w->zMsg);
        sqlite3_str_appendchar(pQ, 1, '\n');
        if( pWarns ) kioskErrListAppend(pWarns, w);
      }
      if( kioskGiftWrite(pQ, pItem->q, pItem->zTitle, &err)==0 ){
        bWritten = 1;
      }else{
        kioskErrListAdd(pErrs, KIOSK_EGIFT, "UNSUPPORTED", zFile,
                        pItem->iLine, pItem->iCol, "%s", err.zMsg);
      }
      zQ = sqlite3_str_finish(pQ);
      if( bWritten && zQ ) sqlite3_str_appendall(pOut, zQ);
      sqlite3_free(zQ);
    }
    if( !bWritten ){
      /* Keep the original, commented out, with the first reason. */
      int a = pItem->iOff, b = pItem->iEnd, k;
      nSkipped++;
      sqlite3_str_appendf(pOut, "// kioskctl pack import: line %d was not "
                          "imported", pItem->iLine);
      if( zWhy ){
        sqlite3_str_appendall(pOut, ": ");
        appendOneLine(pOut, zWhy);
      }
      while( src.z && a<b ){
        for(k=a; k<b && src.z[k]!='\n'; k++){}
        sqlite3_str_appendall(pOut, "\n//> ");
        kioskSrcAppendClean(pOut, src.z+a, k-a);
        a = k+1;
      }
      sqlite3_str_appendall(pOut, "\n\n");
    }
  }
  if( sqlite3_str_errcode(pOut) ) goto nomem;
  kioskGiftDocReset(&doc);
  kioskSrcFree(&src);
  sqlite3_free(zMadeId);
  sqlite3_free(zMadeTitle);
  sqlite3_free(azStage);
  return nSkipped;

nomem:
  kioskGiftDocReset(&doc);
  kioskSrcFree(&src);
  sqlite3_free(zMadeId);
  sqlite3_free(zMadeTitle);
  sqlite3_free(azStage);
  return -1;
}

int kioskPackImportGift(const char *zFile, const char *z, int n,
                        const char *zId, const char *zTitle,
                        sqlite3_str *pOut, KioskErrList *pErrs,
                        KioskErrList *pWarns){
  KioskSrc src;
  KioskGiftDoc doc;
  int nBom = bomLen(z, n), iTextErr, nTextErr;
  memset(&doc, 0, sizeof(doc));
  if( kioskSrcInit(&src, zFile, z+nBom, n-nBom) ) return -1;
  iTextErr = pErrs->nErr;
  kioskSrcCheckText(&src, 0, src.n, KIOSK_EGIFT, pErrs);
  nTextErr = pErrs->nErr-iTextErr;
  kioskGiftParse(&src, 0, src.n, &doc, pErrs);
  return importDoc(zFile, &src, &doc, iTextErr, nTextErr, zId, zTitle, pOut,
                   pErrs, pWarns);
}

int kioskPackImportXml(const char *zFile, const char *z, int n,
                       const char *zId, const char *zTitle,
                       sqlite3_str *pOut, KioskErrList *pErrs,
                       KioskErrList *pWarns){
  KioskGiftDoc doc;
  int iErr0 = kioskErrListCount(pErrs);
  memset(&doc, 0, sizeof(doc));
  kioskMoodleXmlParse(zFile, z, n, &doc, pErrs);
  if( doc.nItem==0 && kioskErrListCount(pErrs)>iErr0 ){
    /* not XML, or not Moodle's: nothing to write */
    kioskGiftDocReset(&doc);
    return 0;
  }
  return importDoc(zFile, 0, &doc, pErrs->nErr, 0, zId, zTitle, pOut, pErrs,
                   pWarns);
}
