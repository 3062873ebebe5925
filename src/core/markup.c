/*
** markup.c: parse lesson markup into runs. See markup.h.
**
** Not here: resolving references (course.c) or rendering (the UI).
*/
#include "markup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct MarkupParse {
  const char *z;
  int n;
  int i;              /* byte offset */
  int iLine, iCol;    /* position of z[i] */
  const char *zFile;
  KioskError *pErr;
  KioskMarkup *pOut;
  char *zBuf;         /* text being gathered */
  int nBuf, nBufAlloc;
  int iRunLine, iRunCol;
} MarkupParse;

static int noMem(MarkupParse *p){
  return kioskErrorSet(p->pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                       "out of memory");
}

/* Advance one byte, keeping line and column (in characters). */
static void advance(MarkupParse *p){
  unsigned char c = (unsigned char)p->z[p->i++];
  if( c=='\n' ){
    p->iLine++;
    p->iCol = 1;
    return;
  }
  /* Mid-character: the next byte continues this one. */
  if( p->i<p->n && (((unsigned char)p->z[p->i]) & 0xC0)==0x80 ) return;
  p->iCol++;
}

static int bufPut(MarkupParse *p, char c){
  if( p->nBuf+1>=p->nBufAlloc ){
    int nNew = p->nBufAlloc ? p->nBufAlloc*2 : 64;
    char *zNew = realloc(p->zBuf, (size_t)nNew);
    if( zNew==0 ) return noMem(p);
    p->zBuf = zNew;
    p->nBufAlloc = nNew;
  }
  p->zBuf[p->nBuf++] = c;
  p->zBuf[p->nBuf] = 0;
  return 0;
}

static char *dupN(const char *z, int n){
  char *zNew = malloc((size_t)n+1);
  if( zNew ){
    memcpy(zNew, z, (size_t)n);
    zNew[n] = 0;
  }
  return zNew;
}

static int addRun(MarkupParse *p, KioskRunKind e, const char *zText,
                  int nText, const char *zTarget, int nTarget,
                  int iLine, int iCol){
  KioskRun *a = realloc(p->pOut->aRun,
                        sizeof(KioskRun)*(size_t)(p->pOut->nRun+1));
  KioskRun *r;
  if( a==0 ) return noMem(p);
  p->pOut->aRun = a;
  r = &a[p->pOut->nRun];
  memset(r, 0, sizeof(*r));
  r->eKind = e;
  r->iLine = iLine;
  r->iCol = iCol;
  r->zText = dupN(zText, nText);
  if( zTarget ) r->zTarget = dupN(zTarget, nTarget);
  p->pOut->nRun++;
  if( r->zText==0 || (zTarget && r->zTarget==0) ) return noMem(p);
  return 0;
}

/* Close the pending text run, if any. */
static int flushText(MarkupParse *p){
  int rc;
  if( p->nBuf==0 ) return 0;
  rc = addRun(p, KR_TEXT, p->zBuf, p->nBuf, 0, 0, p->iRunLine, p->iRunCol);
  p->nBuf = 0;
  return rc;
}

static int lessonError(MarkupParse *p, const char *zCode, int iLine, int iCol,
                       const char *zMsg, const char *zArg){
  return kioskErrorSet(p->pErr, KIOSK_ELESSON, zCode, p->zFile, iLine, iCol,
                       zMsg, zArg ? zArg : "");
}

static int isSlugChar(char c){
  return (c>='a' && c<='z') || (c>='0' && c<='9') || c=='-';
}

/* One reference; p->i is at its "{". */
static int reference(MarkupParse *p){
  int iLine = p->iLine, iCol = p->iCol;
  int iKind, nKind, iId, nId, iText, nText, iIdLine, iIdCol;
  KioskRunKind e;
  char zKind[16];

  advance(p);   /* { */
  iKind = p->i;
  while( p->i<p->n && p->z[p->i]!=':' && p->z[p->i]!='}'
      && p->z[p->i]!='{' && p->z[p->i]!='\n' ){
    advance(p);
  }
  nKind = p->i - iKind;
  if( p->i>=p->n || p->z[p->i]=='\n' ){
    return lessonError(p, "BRACE", iLine, iCol, "unterminated \"{\"%s", 0);
  }
  snprintf(zKind, sizeof(zKind), "%.*s", nKind<15 ? nKind : 15, p->z+iKind);
  if( p->z[p->i]!=':' ){
    return lessonError(p, "KIND", iLine, iCol+1,
                       "expected fact:, note: or term: after \"{\" (write"
                       " {{ for a literal brace)%s", 0);
  }
  if( nKind==4 && memcmp(p->z+iKind, "fact", 4)==0 ) e = KR_FACT;
  else if( nKind==4 && memcmp(p->z+iKind, "note", 4)==0 ) e = KR_NOTE;
  else if( nKind==4 && memcmp(p->z+iKind, "term", 4)==0 ) e = KR_TERM;
  else{
    return lessonError(p, "KIND", iLine, iCol+1,
                       "unknown markup kind \"%s\" (fact, note or term)",
                       zKind);
  }
  advance(p);   /* : */
  iId = p->i;
  iIdLine = p->iLine;
  iIdCol = p->iCol;
  while( p->i<p->n && p->z[p->i]!='|' && p->z[p->i]!='}'
      && p->z[p->i]!='{' && p->z[p->i]!='\n' ){
    advance(p);
  }
  nId = p->i - iId;
  if( p->i>=p->n || p->z[p->i]=='\n' || p->z[p->i]=='{' ){
    return lessonError(p, "BRACE", iLine, iCol, "unterminated \"{\"%s", 0);
  }
  if( nId==0 ){
    return lessonError(p, e==KR_NOTE ? "NOTE" : "ID", iIdLine, iIdCol,
                       e==KR_NOTE ? "empty note number%s" : "empty id%s", 0);
  }
  if( e==KR_NOTE ){
    int k;
    char zNum[64];
    int bOk = p->z[iId]!='0' && nId<10;
    for(k=0; k<nId; k++){
      if( p->z[iId+k]<'0' || p->z[iId+k]>'9' ) bOk = 0;
    }
    if( !bOk || p->z[p->i]!='}' ){
      if( p->z[p->i]=='|' ){
        while( p->i<p->n && p->z[p->i]!='}' && p->z[p->i]!='\n' ) advance(p);
        nId = p->i - iId;
      }
      snprintf(zNum, sizeof(zNum), "%.*s", nId<40 ? nId : 40, p->z+iId);
      return lessonError(p, "NOTE", iIdLine, iIdCol,
                         "bad note number \"%s\" (a positive number)", zNum);
    }
    snprintf(zNum, sizeof(zNum), "n%.*s", nId, p->z+iId);
    advance(p);   /* } */
    return addRun(p, KR_NOTE, p->z+iId, nId, zNum, (int)strlen(zNum),
                  iLine, iCol);
  }
  {
    int k;
    for(k=0; k<nId; k++){
      if( !isSlugChar(p->z[iId+k]) ){
        char zId[64];
        snprintf(zId, sizeof(zId), "%.*s", nId<40 ? nId : 40, p->z+iId);
        return lessonError(p, "ID", iIdLine, iIdCol,
                           "bad id \"%s\" (lowercase letters, digits and"
                           " hyphens)", zId);
      }
    }
  }
  if( p->z[p->i]!='|' ){
    return lessonError(p, "TEXT", p->iLine, p->iCol,
                       "expected \"|\" and the shown text after the id%s", 0);
  }
  advance(p);   /* | */
  iText = p->i;
  while( p->i<p->n && p->z[p->i]!='}' && p->z[p->i]!='{' ){
    advance(p);
  }
  nText = p->i - iText;
  if( p->i>=p->n ){
    return lessonError(p, "BRACE", iLine, iCol, "unterminated \"{\"%s", 0);
  }
  if( p->z[p->i]=='{' ){
    return lessonError(p, "BRACE", p->iLine, p->iCol,
                       "\"{\" inside a reference's shown text%s", 0);
  }
  if( nText==0 ){
    return lessonError(p, "TEXT", p->iLine, p->iCol, "empty shown text%s", 0);
  }
  advance(p);   /* } */
  return addRun(p, e, p->z+iText, nText, p->z+iId, nId, iLine, iCol);
}

int kioskMarkupParse(const char *z, int n, const char *zFile, int iLine,
                     KioskMarkup *pOut, KioskError *pErr){
  MarkupParse p;
  int rc = 0;
  memset(&p, 0, sizeof(p));
  memset(pOut, 0, sizeof(*pOut));
  if( z==0 ) z = "";
  p.z = z;
  p.n = n<0 ? (int)strlen(z) : n;
  p.iLine = iLine;
  p.iCol = 1;
  p.zFile = zFile;
  p.pErr = pErr;
  p.pOut = pOut;
  while( rc==0 && p.i<p.n ){
    char c = z[p.i];
    if( c=='{' && p.i+1<p.n && z[p.i+1]=='{' ){
      if( p.nBuf==0 ){ p.iRunLine = p.iLine; p.iRunCol = p.iCol; }
      rc = bufPut(&p, '{');
      advance(&p); advance(&p);
    }else if( c=='}' && p.i+1<p.n && z[p.i+1]=='}' ){
      if( p.nBuf==0 ){ p.iRunLine = p.iLine; p.iRunCol = p.iCol; }
      rc = bufPut(&p, '}');
      advance(&p); advance(&p);
    }else if( c=='{' ){
      rc = flushText(&p);
      if( rc==0 ) rc = reference(&p);
    }else if( c=='}' ){
      rc = lessonError(&p, "BRACE", p.iLine, p.iCol,
                       "stray \"}\" (write }} for a literal brace)%s", 0);
    }else{
      if( p.nBuf==0 ){ p.iRunLine = p.iLine; p.iRunCol = p.iCol; }
      rc = bufPut(&p, c);
      advance(&p);
    }
  }
  if( rc==0 ) rc = flushText(&p);
  free(p.zBuf);
  if( rc ) kioskMarkupFree(pOut);
  return rc;
}

void kioskMarkupFree(KioskMarkup *p){
  int i;
  for(i=0; i<p->nRun; i++){
    free(p->aRun[i].zText);
    free(p->aRun[i].zTarget);
  }
  free(p->aRun);
  p->aRun = 0;
  p->nRun = 0;
}

const char *kioskRunKindName(KioskRunKind e){
  switch( e ){
    case KR_TEXT: return "text";
    case KR_FACT: return "fact";
    case KR_NOTE: return "note";
    case KR_TERM: return "term";
  }
  return "text";
}
