/*
** gift.c: the GIFT reader and writer. See gift.h for what is understood.
**
** The reader works on the original bytes, never on a rewritten copy, so
** every error points at the exact line and column the author typed. A
** question block is first scanned for comment lines (masked out, their
** annotations kept), then split at the unescaped special characters; text
** is decoded (escapes, format, HTML) only once a piece is isolated.
** It follows Moodle's reading of GIFT (question/format/gift/format.php)
** but is stricter where Moodle guesses: an answer block must start with
** = ~ # or be T/TRUE/F/FALSE, a weight must be a number, a title must be
** closed. Nothing read is ever evaluated.
*/
#include "gift.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ========================================================================
** Error lists
*/

static KioskError *errListAddV(KioskErrList *pList, KioskErrClass eClass,
                               const char *zCode, const char *zFile,
                               int iLine, int iCol, const char *zFmt,
                               va_list ap){
  KioskError *p;
  if( pList->nErr>=KIOSK_ERRLIST_MAX ){
    pList->nDropped++;
    return 0;
  }
  if( pList->nErr>=pList->nAlloc ){
    int nNew = pList->nAlloc ? pList->nAlloc*2 : 8;
    KioskError *aNew = sqlite3_realloc64(pList->aErr,
                                 (sqlite3_uint64)nNew*sizeof(KioskError));
    if( aNew==0 ){
      pList->nDropped++;
      return 0;
    }
    pList->aErr = aNew;
    pList->nAlloc = nNew;
  }
  p = &pList->aErr[pList->nErr++];
  memset(p, 0, sizeof(*p));
  p->eClass = eClass;
  snprintf(p->zCode, sizeof(p->zCode), "%s", zCode ? zCode : "");
  snprintf(p->zFile, sizeof(p->zFile), "%s", zFile ? zFile : "");
  p->iLine = iLine;
  p->iCol = iCol;
  vsnprintf(p->zMsg, sizeof(p->zMsg), zFmt, ap);
  return p;
}

KioskError *kioskErrListAdd(KioskErrList *pList, KioskErrClass eClass,
                            const char *zCode, const char *zFile,
                            int iLine, int iCol, const char *zFmt, ...){
  KioskError *p;
  va_list ap;
  va_start(ap, zFmt);
  p = errListAddV(pList, eClass, zCode, zFile, iLine, iCol, zFmt, ap);
  va_end(ap);
  return p;
}

KioskError *kioskErrListAppend(KioskErrList *pList, const KioskError *pErr){
  KioskError *p = kioskErrListAdd(pList, pErr->eClass, pErr->zCode,
                                  pErr->zFile, pErr->iLine, pErr->iCol,
                                  "%s", pErr->zMsg);
  return p;
}

int kioskErrListCount(const KioskErrList *pList){
  return pList->nErr + pList->nDropped;
}

void kioskErrListReset(KioskErrList *pList){
  sqlite3_free(pList->aErr);
  memset(pList, 0, sizeof(*pList));
}

/* ========================================================================
** Source positions and text checks
*/

int kioskSrcInit(KioskSrc *pSrc, const char *zFile, const char *z, int n){
  int i, nLine = 1;
  memset(pSrc, 0, sizeof(*pSrc));
  for(i=0; i<n; i++) if( z[i]=='\n' ) nLine++;
  pSrc->aStart = sqlite3_malloc64((sqlite3_uint64)nLine*sizeof(int));
  if( pSrc->aStart==0 ) return -1;
  pSrc->zFile = zFile;
  pSrc->z = z;
  pSrc->n = n;
  pSrc->aStart[0] = 0;
  pSrc->nLine = 1;
  for(i=0; i<n; i++){
    if( z[i]=='\n' ) pSrc->aStart[pSrc->nLine++] = i+1;
  }
  return 0;
}

void kioskSrcFree(KioskSrc *pSrc){
  sqlite3_free(pSrc->aStart);
  memset(pSrc, 0, sizeof(*pSrc));
}

void kioskSrcPos(const KioskSrc *pSrc, int iOff, int *piLine, int *piCol){
  int lo = 0, hi = pSrc->nLine-1, i, nCol = 1;
  if( iOff<0 ) iOff = 0;
  if( iOff>pSrc->n ) iOff = pSrc->n;
  while( lo<hi ){
    int mid = (lo+hi+1)/2;
    if( pSrc->aStart[mid]<=iOff ) lo = mid; else hi = mid-1;
  }
  for(i=pSrc->aStart[lo]; i<iOff; i++){
    if( (((unsigned char)pSrc->z[i]) & 0xC0)!=0x80 ) nCol++;
  }
  *piLine = lo+1;
  *piCol = nCol;
}

/* Length (1-4) of the well-formed UTF-8 sequence at z[0..n), or 0. */
static int utf8Len(const unsigned char *z, int n){
  unsigned c = z[0], cp;
  int len, i;
  if( c<0x80 ) return 1;
  if( c<0xC2 ) return 0;
  if( c<0xE0 ){ len = 2; cp = c & 0x1F; }
  else if( c<0xF0 ){ len = 3; cp = c & 0x0F; }
  else if( c<0xF5 ){ len = 4; cp = c & 0x07; }
  else return 0;
  if( n<len ) return 0;
  for(i=1; i<len; i++){
    if( (z[i] & 0xC0)!=0x80 ) return 0;
    cp = (cp<<6) | (z[i] & 0x3F);
  }
  if( (len==3 && cp<0x800) || (len==4 && (cp<0x10000 || cp>0x10FFFF))
   || (cp>=0xD800 && cp<=0xDFFF) ){
    return 0;
  }
  return len;
}

int kioskSrcCheckText(const KioskSrc *pSrc, int iStart, int iEnd,
                      KioskErrClass eClass, KioskErrList *pErrs){
  const unsigned char *z = (const unsigned char *)pSrc->z;
  int i = iStart, nErr = 0;
  while( i<iEnd ){
    int len = utf8Len(z+i, iEnd-i);
    const char *zWhy = 0;
    char zBuf[64];
    if( len==0 ){
      snprintf(zBuf, sizeof(zBuf), "invalid UTF-8 byte 0x%02X", z[i]);
      zWhy = zBuf;
    }else if( z[i]==0 ){
      zWhy = "NUL byte";
    }else if( (z[i]<0x20 && z[i]!='\t' && z[i]!='\n'
               && !(z[i]=='\r' && i+1<iEnd && z[i+1]=='\n'))
           || z[i]==0x7F ){
      snprintf(zBuf, sizeof(zBuf), "control character U+%04X", z[i]);
      zWhy = zBuf;
    }
    if( zWhy ){
      int iLine, iCol;
      kioskSrcPos(pSrc, i, &iLine, &iCol);
      kioskErrListAdd(pErrs, eClass, "TEXT", pSrc->zFile, iLine, iCol,
                      "%s", zWhy);
      nErr++;
      while( i<iEnd && z[i]!='\n' ) i++;   /* one report per line */
      continue;
    }
    i += len;
  }
  return nErr;
}

void kioskSrcAppendClean(sqlite3_str *pOut, const char *z, int n){
  const unsigned char *u = (const unsigned char *)z;
  int i = 0;
  while( i<n ){
    int len = utf8Len(u+i, n-i);
    if( len==0 ){
      sqlite3_str_append(pOut, "\xEF\xBF\xBD", 3);
      i++;
    }else if( len==1 && (u[i]<0x20 || u[i]==0x7F) ){
      sqlite3_str_appendchar(pOut, 1, ' ');
      i++;
    }else{
      sqlite3_str_append(pOut, z+i, len);
      i += len;
    }
  }
}

/* ========================================================================
** Reading: the parser state and its small tools
*/

typedef struct Parser {
  const KioskSrc *pSrc;
  const char *z;         /* pSrc->z */
  int iBase;             /* aMask[i-iBase] is byte i's mask */
  char *aMask;           /* 1: byte of a comment line, not question text */
  KioskErrList *pErrs;
  KioskErrList *pWarn;   /* the doc's warnings */
  unsigned mWarned;      /* formats warned about in this question */
  char *zCategory;       /* the $CATEGORY in force (owned) */
  int bFail;             /* the current block has an error */
  int bPrompt;           /* decoding the question text: may hold an image */
  char *zImg, *zAlt;     /* the question's image and its alt (owned) */
} Parser;

/* Formats a text may declare with [name]. */
enum { FMT_MOODLE = 0, FMT_HTML, FMT_PLAIN, FMT_MARKDOWN };
/* Other changes warned about once a question (bits after the formats). */
enum { WARN_IMAGE = 4, WARN_CHOICE = 5 };

static void gerr(Parser *p, int iOff, const char *zCode,
                 const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 4, 5)))
#endif
  ;
static void gerr(Parser *p, int iOff, const char *zCode,
                 const char *zFmt, ...){
  int iLine, iCol;
  va_list ap;
  kioskSrcPos(p->pSrc, iOff, &iLine, &iCol);
  va_start(ap, zFmt);
  errListAddV(p->pErrs, KIOSK_EGIFT, zCode, p->pSrc->zFile, iLine, iCol,
              zFmt, ap);
  va_end(ap);
  p->bFail = 1;
}

/* A change to the question (eFmt: which kind, warned once a question). */
static void gwarn(Parser *p, int iOff, int eFmt, const char *zMsg){
  int iLine, iCol;
  if( p->mWarned & (1u<<eFmt) ) return;
  p->mWarned |= 1u<<eFmt;
  kioskSrcPos(p->pSrc, iOff, &iLine, &iCol);
  kioskErrListAdd(p->pWarn, KIOSK_EGIFT, "FORMAT", p->pSrc->zFile, iLine,
                  iCol, "%s", zMsg);
}

/* gwarn for a message made by the caller (a kind, once a question). */
static void gwarnMsg(Parser *p, int iOff, int eKind, const char *zMsg){
  gwarn(p, iOff, eKind, zMsg);
}

static void nomem(Parser *p, int iOff){
  gerr(p, iOff, "NOMEM", "out of memory");
}

static int masked(const Parser *p, int i){
  return p->aMask[i-p->iBase];
}

static int isSpace(char c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r';
}

/* 1 if a backslash at z[i] escapes the byte after it (as decode() reads
** it: only before \ ~ = # { } : and n; any other backslash is text). */
static int isEscape(const Parser *p, int i, int e){
  char d;
  if( p->z[i]!='\\' || i+1>=e || masked(p, i+1) ) return 0;
  d = p->z[i+1];
  return d && strchr("\\~=#{}:n", d)!=0;
}

/* First offset in [i, e) of an unmasked, unescaped byte from zSet, or e. */
static int findAny(const Parser *p, int i, int e, const char *zSet){
  while( i<e ){
    char c = p->z[i];
    if( masked(p, i) ){ i++; continue; }
    if( isEscape(p, i, e) ){ i += 2; continue; }
    if( c && strchr(zSet, c) ) return i;
    i++;
  }
  return e;
}

/* First offset in [i, e) of the unescaped two-byte string z2, or e. */
static int findPair(const Parser *p, int i, int e, const char *z2){
  while( i<e ){
    int j = findAny(p, i, e, (const char[]){ z2[0], 0 });
    if( j+1<e && p->z[j+1]==z2[1] && !masked(p, j+1) ) return j;
    if( j>=e ) return e;
    i = j+1;
  }
  return e;
}

/* Skip unmasked whitespace and masked bytes forward from i (to at most e). */
static int skipSpace(const Parser *p, int i, int e){
  while( i<e && (masked(p, i) || isSpace(p->z[i])) ) i++;
  return i;
}

/* Move e back over whitespace and masked bytes (to at least i). */
static int trimEnd(const Parser *p, int i, int e){
  while( e>i && (masked(p, e-1) || isSpace(p->z[e-1])) ) e--;
  return e;
}

/* Append one code point as UTF-8. */
static void putUtf8(sqlite3_str *pOut, unsigned cp){
  char z[4];
  int n;
  if( cp<0x80 ){ z[0] = (char)cp; n = 1; }
  else if( cp<0x800 ){
    z[0] = (char)(0xC0|(cp>>6)); z[1] = (char)(0x80|(cp&0x3F)); n = 2;
  }else if( cp<0x10000 ){
    z[0] = (char)(0xE0|(cp>>12)); z[1] = (char)(0x80|((cp>>6)&0x3F));
    z[2] = (char)(0x80|(cp&0x3F)); n = 3;
  }else{
    z[0] = (char)(0xF0|(cp>>18)); z[1] = (char)(0x80|((cp>>12)&0x3F));
    z[2] = (char)(0x80|((cp>>6)&0x3F)); z[3] = (char)(0x80|(cp&0x3F));
    n = 4;
  }
  sqlite3_str_append(pOut, z, n);
}

/* sqlite3_str_finish, with an empty string instead of NULL for "". NULL
** only when out of memory. */
static char *strFinish(sqlite3_str *pStr){
  int bErr = sqlite3_str_errcode(pStr)!=SQLITE_OK;
  char *z = sqlite3_str_finish(pStr);
  if( bErr ){
    sqlite3_free(z);
    return 0;
  }
  return z ? z : kioskStrDup("");
}

/* Remove leading and trailing whitespace of z in place. */
static void trimInPlace(char *z){
  size_t n = strlen(z), i = 0;
  while( i<n && isSpace(z[i]) ) i++;
  while( n>i && isSpace(z[n-1]) ) n--;
  memmove(z, z+i, n-i);
  z[n-i] = 0;
}

/* ------------------------------------------------------------------------
** HTML to plain text, for [html] texts. Simple markup is dropped (inline
** tags) or becomes a line break (br, p, div, li); entities are decoded.
** A link <a href="u">t</a> becomes "t (u)"; an image <img src alt> is
** taken out of the text and reported in KioskHtmlInfo (the prompt shows it).
** Anything else (table, script, iframe...) cannot be shown by the kiosk:
** KioskHtmlInfo.zBad receives the first such tag name.
*/
static const char *const azInlineTag[] = {
  "b", "strong", "i", "em", "u", "span", "sub", "sup", "small", "font",
  "s", "strike", "mark", "code", "tt", "a", "img", 0
};
static const char *const azBlockTag[] = {
  "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
  "blockquote", "pre", 0
};



void kioskGiftHtmlInfoClear(KioskHtmlInfo *p){
  sqlite3_free(p->zImg);
  sqlite3_free(p->zAlt);
  memset(p, 0, sizeof(*p));
}

static int inList(const char *z, const char *const *az){
  int i;
  for(i=0; az[i]; i++) if( strcmp(z, az[i])==0 ) return 1;
  return 0;
}

/* The value of attribute zAttr in the tag text z[0..n) (after its name),
** quoted with " or ' or bare; entities are left as written. NULL when
** absent or out of memory. */
static char *htmlAttr(const char *z, int n, const char *zAttr){
  int i = 0, nAttr = (int)strlen(zAttr);
  while( i<n ){
    int j, q;
    while( i<n && !isalpha((unsigned char)z[i]) ) i++;
    j = i;
    while( i<n && (isalnum((unsigned char)z[i]) || z[i]=='-') ) i++;
    if( i-j==nAttr && sqlite3_strnicmp(z+j, zAttr, nAttr)==0 ){
      while( i<n && z[i]==' ' ) i++;
      if( i>=n || z[i]!='=' ) return kioskStrDup("");
      i++;
      while( i<n && z[i]==' ' ) i++;
      if( i<n && (z[i]=='"' || z[i]=='\'') ){
        char c = z[i++];
        q = i;
        while( i<n && z[i]!=c ) i++;
      }else{
        q = i;
        while( i<n && z[i]!=' ' && z[i]!='/' ) i++;
      }
      return sqlite3_mprintf("%.*s", i-q, z+q);
    }
    /* skip this attribute's value */
    while( i<n && z[i]==' ' ) i++;
    if( i<n && z[i]=='=' ){
      i++;
      while( i<n && z[i]==' ' ) i++;
      if( i<n && (z[i]=='"' || z[i]=='\'') ){
        char c = z[i++];
        while( i<n && z[i]!=c ) i++;
        i++;
      }
    }
  }
  return 0;
}

char *kioskGiftHtmlToText(const char *z, KioskHtmlInfo *pInfo){
  sqlite3_str *pOut = sqlite3_str_new(0);
  int i = 0, bSpace = 0;
  char *zHref = 0;          /* the open <a>'s href */
  int iLinkText = 0;        /* where its text starts in pOut */
  while( z[i] ){
    char c = z[i];
    if( c=='<' && (isalpha((unsigned char)z[i+1])
                   || (z[i+1]=='/' && isalpha((unsigned char)z[i+2]))) ){
      char zName[16];
      int j = i+1, n = 0, k, bClose = z[i+1]=='/';
      if( bClose ) j++;
      while( isalnum((unsigned char)z[j]) ){
        if( n<(int)sizeof(zName)-1 ) zName[n++] = (char)tolower(z[j]);
        j++;
      }
      zName[n] = 0;
      k = j;
      while( z[k] && z[k]!='>' ) k++;
      if( z[k]==0 ){           /* no closing >: a literal < */
        sqlite3_str_appendchar(pOut, 1, '<');
        bSpace = 0;
        i++;
        continue;
      }
      if( inList(zName, azBlockTag) ){
        sqlite3_str_appendchar(pOut, 1, '\n');
        bSpace = 0;
      }else if( strcmp(zName, "img")==0 && !bClose ){
        if( pInfo->nImg++==0 ){
          pInfo->zImg = htmlAttr(z+j, k-j, "src");
          pInfo->zAlt = htmlAttr(z+j, k-j, "alt");
        }
      }else if( strcmp(zName, "a")==0 ){
        if( !bClose ){
          sqlite3_free(zHref);
          zHref = htmlAttr(z+j, k-j, "href");
          iLinkText = sqlite3_str_length(pOut);
        }else if( zHref ){
          /* the address after the link's text, unless it is the text */
          int nText = sqlite3_str_length(pOut)-iLinkText;
          const char *zAll = sqlite3_str_value(pOut);
          if( zHref[0] && (zAll==0 || nText!=(int)strlen(zHref)
               || memcmp(zAll+iLinkText, zHref, (size_t)nText)!=0) ){
            sqlite3_str_appendf(pOut, " (%s)", zHref);
          }
          pInfo->nLink++;
          sqlite3_free(zHref);
          zHref = 0;
        }
      }else if( !inList(zName, azInlineTag) && pInfo->zBad[0]==0 ){
        snprintf(pInfo->zBad, sizeof(pInfo->zBad), "%s", zName);
      }
      i = k+1;
      continue;
    }
    if( c=='&' ){
      static const struct { const char *zName; unsigned cp; } aEnt[] = {
        { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
        { "apos;", '\'' }, { "nbsp;", ' ' }
      };
      size_t e;
      unsigned cp = 0;
      int len = 0;
      for(e=0; e<sizeof(aEnt)/sizeof(aEnt[0]); e++){
        size_t n = strlen(aEnt[e].zName);
        if( strncmp(z+i+1, aEnt[e].zName, n)==0 ){
          cp = aEnt[e].cp;
          len = 1+(int)n;
          break;
        }
      }
      if( len==0 && z[i+1]=='#' ){
        int j = i+2, bHex = 0, nDigit = 0;
        if( z[j]=='x' || z[j]=='X' ){ bHex = 1; j++; }
        while( (bHex ? isxdigit((unsigned char)z[j])
                     : isdigit((unsigned char)z[j])) && nDigit<7 ){
          int d = isdigit((unsigned char)z[j]) ? z[j]-'0'
                                               : (tolower(z[j])-'a'+10);
          cp = cp*(bHex ? 16u : 10u) + (unsigned)d;
          j++;
          nDigit++;
        }
        if( nDigit>0 && z[j]==';' && cp>=0x20 && cp<=0x10FFFF
         && !(cp>=0xD800 && cp<=0xDFFF) && cp!=0x7F ){
          len = j+1-i;
        }else{
          cp = 0;
        }
      }
      if( len>0 ){
        if( cp==' ' ){
          if( !bSpace ) sqlite3_str_appendchar(pOut, 1, ' ');
          bSpace = 1;
        }else{
          putUtf8(pOut, cp);
          bSpace = 0;
        }
        i += len;
        continue;
      }
    }
    if( isSpace(c) ){
      if( !bSpace ) sqlite3_str_appendchar(pOut, 1, ' ');
      bSpace = 1;
      i++;
      continue;
    }
    sqlite3_str_appendchar(pOut, 1, c);
    bSpace = 0;
    i++;
  }
  {
    /* Trim each line and drop empty lines the tags left behind. */
    char *zRaw = strFinish(pOut);
    sqlite3_str *pLines;
    char *zLine, *zNext;
    int bFirst = 1;
    if( zRaw==0 ){ sqlite3_free(zHref); return 0; }
    pLines = sqlite3_str_new(0);
    for(zLine=zRaw; zLine; zLine=zNext){
      zNext = strchr(zLine, '\n');
      if( zNext ) *zNext++ = 0;
      trimInPlace(zLine);
      if( zLine[0]==0 ) continue;
      if( !bFirst ) sqlite3_str_appendchar(pLines, 1, '\n');
      sqlite3_str_appendall(pLines, zLine);
      bFirst = 0;
    }
    sqlite3_free(zRaw);
    sqlite3_free(zHref);
    return strFinish(pLines);
  }
}

char *kioskBase64(const unsigned char *a, int n){
  static const char zAlpha[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  sqlite3_str *p = sqlite3_str_new(0);
  int i;
  for(i=0; i<n; i+=3){
    unsigned v = (unsigned)a[i]<<16;
    if( i+1<n ) v |= (unsigned)a[i+1]<<8;
    if( i+2<n ) v |= a[i+2];
    sqlite3_str_appendchar(p, 1, zAlpha[(v>>18)&63]);
    sqlite3_str_appendchar(p, 1, zAlpha[(v>>12)&63]);
    sqlite3_str_appendchar(p, 1, i+1<n ? zAlpha[(v>>6)&63] : '=');
    sqlite3_str_appendchar(p, 1, i+2<n ? zAlpha[v&63] : '=');
  }
  return strFinish(p);
}

const char *kioskGiftImageWhyNot(const char *zSrc){
  const char *zExt;
  int i;
  if( zSrc==0 || zSrc[0]==0 ) return "no src";
  if( strstr(zSrc, "@@PLUGINFILE@@") ){
    return "a file kept inside Moodle; export as Moodle XML to bring it";
  }
  if( strstr(zSrc, "://") || strncmp(zSrc, "data:", 5)==0 ){
    return "not a file beside the GIFT";
  }
  if( zSrc[0]=='/' || strstr(zSrc, "..") ) return "not a file beside the GIFT";
  for(i=0; zSrc[i]; i++){
    unsigned char c = (unsigned char)zSrc[i];
    if( !(isalnum(c) || c=='.' || c=='_' || c=='-' || c=='/') ){
      return "a file name of letters, digits, . _ - and / only";
    }
  }
  zExt = strrchr(zSrc, '.');
  if( zExt==0 || !(sqlite3_stricmp(zExt, ".png")==0
                   || sqlite3_stricmp(zExt, ".gif")==0) ){
    return "PNG and GIF only";
  }
  return 0;
}

/* The format named by "[name]" at the start of z: sets *peFmt and returns
** the length of the marker, or 0 when z does not start with one. */
static int formatMarker(const char *z, int *peFmt){
  static const char *const azFmt[] = { "moodle", "html", "plain", "markdown" };
  int i;
  if( z[0]!='[' ) return 0;
  for(i=0; i<4; i++){
    size_t n = strlen(azFmt[i]);
    if( strncmp(z+1, azFmt[i], n)==0 && z[1+n]==']' ){
      *peFmt = i;
      return (int)n+2;
    }
  }
  return 0;
}

/* 1 if z holds something Moodle would read as HTML: a tag (<b>, </p>,
** <!-- ...) or an entity (&amp; &#233;). */
int kioskGiftLooksLikeHtml(const char *z){
  for(; *z; z++){
    if( z[0]=='<' && (isalpha((unsigned char)z[1]) || z[1]=='/'
                      || z[1]=='!') ){
      return 1;
    }
    if( z[0]=='&' ){
      int i = 1;
      if( z[1]=='#' ){
        i = 2;
        while( isalnum((unsigned char)z[i]) ) i++;
        if( i>2 && z[i]==';' ) return 1;
      }else{
        while( isalnum((unsigned char)z[i]) ) i++;
        if( i>1 && z[i]==';' ) return 1;
      }
    }
  }
  return 0;
}

/*
** Decode z[a..b) of the source: skip comment lines, resolve escapes, drop
** CR, trim. With peFmt, a leading [format] is read (defaulting to *peFmt,
** which receives the format found) and [html] text becomes plain text;
** what the kiosk shows differently from Moodle is a warning (gwarn).
** Returns a new string, or NULL with an error recorded (out of memory, or
** HTML the kiosk cannot show).
*/
static char *decode(Parser *p, int a, int b, int *peFmt){
  sqlite3_str *pOut = sqlite3_str_new(0);
  char *zOut;
  int i;
  for(i=a; i<b; i++){
    char c = p->z[i];
    if( masked(p, i) || c=='\r' ) continue;
    if( isEscape(p, i, b) ){
      char d = p->z[i+1];
      if( d!='n' ){
        sqlite3_str_appendchar(pOut, 1, d);
        i++;
        continue;
      }
      sqlite3_str_appendchar(pOut, 1, '\n');
      i++;
      continue;
    }
    sqlite3_str_appendchar(pOut, 1, c);
  }
  zOut = strFinish(pOut);
  if( zOut==0 ){
    nomem(p, a);
    return 0;
  }
  trimInPlace(zOut);
  if( peFmt ){
    int eFmt = *peFmt;
    int n = formatMarker(zOut, &eFmt);
    int iText = skipSpace(p, a, b);      /* the marker, or the text */
    if( n ){
      memmove(zOut, zOut+n, strlen(zOut+n)+1);
      trimInPlace(zOut);
      *peFmt = eFmt;
    }
    if( n && eFmt==FMT_MARKDOWN ){
      gwarn(p, iText, FMT_MARKDOWN, "markdown formatting kept as plain "
            "text: the kiosk shows marks such as * _ # as written");
    }
    if( eFmt==FMT_MOODLE && kioskGiftLooksLikeHtml(zOut) ){
      gwarn(p, iText, FMT_MOODLE, "Moodle auto-format kept as plain text: "
            "the kiosk shows its HTML tags and entities as written");
    }
    if( eFmt==FMT_HTML ){
      KioskHtmlInfo info;
      char *zText;
      memset(&info, 0, sizeof(info));
      zText = kioskGiftHtmlToText(zOut, &info);
      if( zText==0 ){
        sqlite3_free(zOut);
        kioskGiftHtmlInfoClear(&info);
        nomem(p, a);
        return 0;
      }
      if( info.zBad[0] ){
        gerr(p, a, "UNSUPPORTED",
             "HTML <%s> cannot be shown by the kiosk; only simple markup "
             "(p, br, b, i, em, strong, span, a, img...) is turned into "
             "text", info.zBad);
        sqlite3_free(zOut);
        sqlite3_free(zText);
        kioskGiftHtmlInfoClear(&info);
        return 0;
      }
      if( strcmp(zText, zOut)!=0 && info.nImg==0 ){
        gwarn(p, iText, FMT_HTML, "HTML formatting kept as plain text: "
              "markup such as <b> and <p> dropped, entities decoded");
      }
      if( info.nImg ){
        const char *zWhy = 0;
        if( !p->bPrompt ) zWhy = "only the question text shows an image";
        else if( info.nImg>1 || p->zImg ) zWhy = "one image a question";
        else zWhy = kioskGiftImageWhyNot(info.zImg);
        if( zWhy ){
          char zMsg[300];
          char *zNew = sqlite3_mprintf("%s%s[image%s%s]", zText,
                                       zText[0] ? " " : "",
                                       info.zAlt && info.zAlt[0] ? ": " : "",
                                       info.zAlt ? info.zAlt : "");
          snprintf(zMsg, sizeof(zMsg), "image \"%.120s\" cannot be shown "
                   "by the kiosk (%s): kept as its description",
                   info.zImg ? info.zImg : "", zWhy);
          gwarnMsg(p, iText, WARN_IMAGE, zMsg);
          sqlite3_free(zText);
          zText = zNew;
          if( zText==0 ){
            sqlite3_free(zOut);
            kioskGiftHtmlInfoClear(&info);
            nomem(p, a);
            return 0;
          }
        }else{
          p->zImg = info.zImg;
          p->zAlt = info.zAlt;
          info.zImg = info.zAlt = 0;
        }
      }
      kioskGiftHtmlInfoClear(&info);
      sqlite3_free(zOut);
      zOut = zText;
    }
  }
  return zOut;
}

/* z[a..b) as written, comment lines and CR left out, trimmed: Moodle
** reads a $CATEGORY path without escapes. NULL with an error recorded
** when out of memory. */
static char *rawText(Parser *p, int a, int b){
  sqlite3_str *pOut = sqlite3_str_new(0);
  char *zOut;
  int i;
  for(i=a; i<b; i++){
    if( masked(p, i) || p->z[i]=='\r' ) continue;
    sqlite3_str_appendchar(pOut, 1, p->z[i]);
  }
  zOut = strFinish(pOut);
  if( zOut==0 ){
    nomem(p, a);
    return 0;
  }
  trimInPlace(zOut);
  return zOut;
}

/*
** Parse a decimal number: [+-]digits[.digits][e[+-]digits] (or .5).
** Returns 0 and sets *pr, or 1.
*/
static int parseNumber(const char *z, double *pr){
  const char *s = z;
  char *zEnd;
  int nDigit = 0;
  if( *s=='+' || *s=='-' ) s++;
  while( isdigit((unsigned char)*s) ){ s++; nDigit++; }
  if( *s=='.' ){
    s++;
    while( isdigit((unsigned char)*s) ){ s++; nDigit++; }
  }
  if( nDigit==0 ) return 1;
  if( *s=='e' || *s=='E' ){
    s++;
    if( *s=='+' || *s=='-' ) s++;
    if( !isdigit((unsigned char)*s) ) return 1;
    while( isdigit((unsigned char)*s) ) s++;
  }
  if( *s ) return 1;
  errno = 0;
  *pr = strtod(z, &zEnd);
  if( errno || !isfinite(*pr) ) return 1;
  return 0;
}

/* 1 if z is an id: [a-z0-9-]+, at most 64 bytes. */
static int isSlug(const char *z){
  int n = 0;
  for(; *z; z++, n++){
    if( !(islower((unsigned char)*z) || isdigit((unsigned char)*z)
          || *z=='-') ) return 0;
  }
  return n>0 && n<=64;
}

/* ========================================================================
** Reading: items and annotations
*/

static KioskGiftItem *newItem(Parser *p, KioskGiftDoc *pDoc, int bs){
  KioskGiftItem *pItem;
  if( pDoc->nItem>=pDoc->nAlloc ){
    int nNew = pDoc->nAlloc ? pDoc->nAlloc*2 : 16;
    KioskGiftItem *aNew = sqlite3_realloc64(pDoc->aItem,
                                 (sqlite3_uint64)nNew*sizeof(*aNew));
    if( aNew==0 ){
      nomem(p, bs);
      return 0;
    }
    pDoc->aItem = aNew;
    pDoc->nAlloc = nNew;
  }
  pItem = &pDoc->aItem[pDoc->nItem++];
  memset(pItem, 0, sizeof(*pItem));
  return pItem;
}

static void addRef(Parser *p, KioskGiftItem *pItem, KioskGiftRefKind eKind,
                   const char *zId, int iPara, int iOff){
  KioskGiftRef *aNew, *pRef;
  aNew = sqlite3_realloc64(pItem->aRef,
                           (sqlite3_uint64)(pItem->nRef+1)*sizeof(*aNew));
  if( aNew==0 ){ nomem(p, iOff); return; }
  pItem->aRef = aNew;
  pRef = &aNew[pItem->nRef];
  memset(pRef, 0, sizeof(*pRef));
  pRef->zId = kioskStrDup(zId);
  if( pRef->zId==0 ){ nomem(p, iOff); return; }
  pRef->eKind = eKind;
  pRef->iPara = iPara;
  kioskSrcPos(p->pSrc, iOff, &pRef->iLine, &pRef->iCol);
  pItem->nRef++;
}

/* What a block's annotations say beyond what goes straight into q. */
typedef struct Annot {
  int eKindHint;         /* 0, or KQ_YEAR / KQ_ORDER from @kind */
  int offKind;           /* where @kind's value is, for errors */
  int offUnit;           /* where @unit is, 0 when absent */
  unsigned mSeen;        /* bit per key already seen */
} Annot;

/* A token of an annotation line: [i, j) in the source. */
typedef struct Tok { int i, j; } Tok;

/*
** Read the annotation on the comment line [ls, le) whose '@' is at iAt,
** into q (stage, facts, sources, points, unit, lesson), pA and the item's
** refs. Errors are recorded; the caller goes on.
*/
static void readAnnotation(Parser *p, int iAt, int le, KioskQuestion *q,
                           Annot *pA, KioskGiftItem *pItem){
  static const char *const azKey[] = {
    "stage", "facts", "fact", "sources", "source", "points", "kind",
    "unit", "lesson", "image", 0
  };
  enum { K_STAGE, K_FACTS, K_FACT, K_SOURCES, K_SOURCE, K_POINTS, K_KIND,
         K_UNIT, K_LESSON, K_IMAGE };
  const char *z = p->z;
  char zKey[16];
  Tok aTok[64];
  int nTok = 0, i = iAt+1, n = 0, iKey, t;
  unsigned mBit;

  while( i<le && islower((unsigned char)z[i]) ){
    if( n<(int)sizeof(zKey)-1 ) zKey[n] = z[i];
    n++;
    i++;
  }
  zKey[n<(int)sizeof(zKey) ? n : (int)sizeof(zKey)-1] = 0;
  for(iKey=0; azKey[iKey]; iKey++) if( strcmp(zKey, azKey[iKey])==0 ) break;
  if( n==0 || n>=(int)sizeof(zKey) || azKey[iKey]==0
   || (i<le && !isSpace(z[i]) && z[i]!=',') ){
    int j = iAt+1;
    while( j<le && !isSpace(z[j]) ) j++;
    gerr(p, iAt, "ANNOTATION", "unknown annotation \"%.*s\" (known: @stage "
         "@facts @sources @points @kind @unit @lesson @image)", j-iAt, z+iAt);
    return;
  }
  /* fact/facts and source/sources are one key each */
  if( iKey==K_FACT ) iKey = K_FACTS;
  if( iKey==K_SOURCE ) iKey = K_SOURCES;
  mBit = 1u<<iKey;
  if( pA->mSeen & mBit ){
    gerr(p, iAt, "ANNOTATION", "@%s given twice for this question",
         azKey[iKey]);
    return;
  }
  pA->mSeen |= mBit;

  if( iKey==K_IMAGE ){
    /* "@image NAME DATA": the question's image, its bytes in base64 (long:
    ** not a token like the others) */
    int a0, a1, d0, d1, k;
    const char *zWhy;
    char *zName;
    while( i<le && isSpace(z[i]) ) i++;
    a0 = i;
    while( i<le && !isSpace(z[i]) ) i++;
    a1 = i;
    while( i<le && isSpace(z[i]) ) i++;
    d0 = i;
    d1 = le;
    while( d1>d0 && isSpace(z[d1-1]) ) d1--;
    if( a1==a0 || d1==d0 ){
      gerr(p, iAt, "ANNOTATION", "@image takes a file name and the file's "
           "bytes in base64");
      return;
    }
    for(k=d0; k<d1; k++){
      char c = z[k];
      if( !(isalnum((unsigned char)c) || c=='+' || c=='/' || c=='=') ){
        gerr(p, k, "ANNOTATION", "@image data is base64: letters, digits, "
             "+ / and =");
        return;
      }
    }
    if( (d1-d0)%4!=0 || d1-d0>KIOSK_GIFT_IMAGE_MAX/3*4+4 ){
      gerr(p, d0, "ANNOTATION", "@image data is not whole base64 of at most "
           "%d KiB", KIOSK_GIFT_IMAGE_MAX/1024);
      return;
    }
    zName = sqlite3_mprintf("%.*s", a1-a0, z+a0);
    if( zName==0 ){ nomem(p, a0); return; }
    if( (zWhy = kioskGiftImageWhyNot(zName))!=0 ){
      gerr(p, a0, "ANNOTATION", "@image \"%s\": %s", zName, zWhy);
      sqlite3_free(zName);
      return;
    }
    sqlite3_free(q->zImage);
    q->zImage = zName;
    q->zImageData = sqlite3_mprintf("%.*s", d1-d0, z+d0);
    if( q->zImageData==0 ) nomem(p, d0);
    return;
  }

  /* Values: separated by spaces or commas. */
  while( i<le ){
    while( i<le && (isSpace(z[i]) || z[i]==',') ) i++;
    if( i>=le ) break;
    if( nTok>=(int)(sizeof(aTok)/sizeof(aTok[0])) ){
      gerr(p, i, "ANNOTATION", "too many values for @%s", azKey[iKey]);
      return;
    }
    aTok[nTok].i = i;
    while( i<le && !isSpace(z[i]) && z[i]!=',' ) i++;
    aTok[nTok++].j = i;
  }

  switch( iKey ){
    case K_STAGE: case K_POINTS: case K_KIND: case K_UNIT:
      if( nTok!=1 ){
        gerr(p, nTok ? aTok[1].i : iAt, "ANNOTATION",
             "@%s takes exactly one value", azKey[iKey]);
        return;
      }
      break;
    case K_LESSON:
      if( nTok!=2 ){
        gerr(p, nTok>2 ? aTok[2].i : iAt, "ANNOTATION",
             "@lesson takes a stage id and a paragraph number");
        return;
      }
      break;
    default:
      if( nTok==0 ){
        gerr(p, iAt, "ANNOTATION", "@%s needs at least one value",
             azKey[iKey]);
        return;
      }
      break;
  }

  for(t=0; t<nTok; t++){
    char zVal[80];
    int nVal = aTok[t].j-aTok[t].i;
    int iOff = aTok[t].i;
    if( nVal>=(int)sizeof(zVal) ){
      gerr(p, iOff, "ANNOTATION", "value of @%s is too long", azKey[iKey]);
      continue;
    }
    memcpy(zVal, z+iOff, (size_t)nVal);
    zVal[nVal] = 0;
    switch( iKey ){
      case K_STAGE:
        if( !isSlug(zVal) ){
          gerr(p, iOff, "ANNOTATION", "\"%s\" is not a stage id "
               "(lower-case letters, digits and -, at most 64)", zVal);
        }else{
          sqlite3_free(q->zStage);
          q->zStage = kioskStrDup(zVal);
          if( q->zStage==0 ) nomem(p, iOff);
          addRef(p, pItem, KGREF_STAGE, zVal, 0, iOff);
        }
        break;
      case K_FACTS:
        if( !isSlug(zVal) ){
          gerr(p, iOff, "ANNOTATION", "\"%s\" is not a fact id "
               "(lower-case letters, digits and -, at most 64)", zVal);
        }else{
          if( kioskQuestionAddFact(q, zVal) ) nomem(p, iOff);
          addRef(p, pItem, KGREF_FACT, zVal, 0, iOff);
        }
        break;
      case K_SOURCES: {
        /* "n13" or "13": one of the article's notes */
        const char *zNum = zVal[0]=='n' ? zVal+1 : zVal;
        const char *s = zNum;
        char zId[16];
        while( isdigit((unsigned char)*s) ) s++;
        if( s==zNum || *s || zNum[0]=='0' || s-zNum>6 ){
          gerr(p, iOff, "ANNOTATION", "\"%s\" is not a note: write n13 or "
               "13", zVal);
          break;
        }
        snprintf(zId, sizeof(zId), "n%.8s", zNum);
        if( kioskQuestionAddSource(q, zId) ) nomem(p, iOff);
        addRef(p, pItem, KGREF_SOURCE, zId, 0, iOff);
        break;
      }
      case K_POINTS: {
        double r;
        if( parseNumber(zVal, &r) || r<=0 || r>1000 ){
          gerr(p, iOff, "ANNOTATION", "@points must be a number above 0 "
               "and at most 1000, not \"%s\"", zVal);
        }else{
          q->rPoints = r;
        }
        break;
      }
      case K_KIND:
        pA->offKind = iOff;
        if( strcmp(zVal, "year")==0 ) pA->eKindHint = KQ_YEAR;
        else if( strcmp(zVal, "order")==0 ) pA->eKindHint = KQ_ORDER;
        else gerr(p, iOff, "ANNOTATION", "@kind must be year or order, "
                  "not \"%s\"", zVal);
        break;
      case K_UNIT:
        pA->offUnit = iOff;
        sqlite3_free(q->zUnit);
        q->zUnit = kioskStrDup(zVal);
        if( q->zUnit==0 ) nomem(p, iOff);
        break;
      case K_LESSON:
        if( t==0 ){
          if( !isSlug(zVal) ){
            gerr(p, iOff, "ANNOTATION", "\"%s\" is not a stage id", zVal);
            return;
          }
          sqlite3_free(q->zLessonStage);
          q->zLessonStage = kioskStrDup(zVal);
          if( q->zLessonStage==0 ) nomem(p, iOff);
        }else{
          const char *s = zVal;
          int iPara = 0;
          while( isdigit((unsigned char)*s) && iPara<100000 ){
            iPara = iPara*10 + (*s-'0');
            s++;
          }
          if( s==zVal || *s || iPara<1 || iPara>=100000 ){
            gerr(p, iOff, "ANNOTATION", "\"%s\" is not a paragraph number",
                 zVal);
            return;
          }
          q->iLessonPara = iPara;
          addRef(p, pItem, KGREF_LESSON, q->zLessonStage ? q->zLessonStage
                                                         : "", iPara,
                 aTok[0].i);
        }
        break;
    }
  }
}

/* ========================================================================
** Reading: the answer block of each kind
*/

/* The credit of a percent weight. A weight within 1e-7 of a fraction k/n
** with n up to 12 is that fraction, as Moodle matches weights to its
** list of grades: "33.33333%" and "33.33333333%" are a third, so that
** an exported pack reads back with the credits it had. */
static double creditOf(double rPercent){
  double r = rPercent/100.0;
  int n;
  for(n=1; n<=12; n++){
    double k = floor(r*n+0.5);
    if( fabs(r-k/n)<1e-7 ) return k/n;
  }
  return r;
}

/* A weight "%50%" right after position i (spaces allowed before it).
** Returns the offset after it and sets *pr (percent), or returns i when
** there is none. On a malformed weight records an error, returns -1. */
static int readWeight(Parser *p, int i, int e, double *pr){
  int j = skipSpace(p, i, e), k;
  char zNum[32];
  if( j>=e || p->z[j]!='%' ) return i;
  for(k=j+1; k<e && p->z[k]!='%' && p->z[k]!='\n'; k++){}
  if( k>=e || p->z[k]!='%' ){
    gerr(p, j, "SYNTAX", "weight is not closed: write it as %%50%%");
    return -1;
  }
  if( k-j-1<=0 || k-j-1>=(int)sizeof(zNum) ){
    gerr(p, j, "SYNTAX", "weight must be a percentage from -100 to 100, "
         "like %%50%%");
    return -1;
  }
  memcpy(zNum, p->z+j+1, (size_t)(k-j-1));
  zNum[k-j-1] = 0;
  if( parseNumber(zNum, pr) || *pr<-100 || *pr>100 ){
    gerr(p, j, "SYNTAX", "weight must be a percentage from -100 to 100, "
         "like %%50%%, not \"%%%s%%\"", zNum);
    return -1;
  }
  return k+1;
}

/* Split one answer [i, e) (after its marker and weight) at its first
** unescaped '#' into text and feedback (NULL when absent or empty).
** Returns 0, or 1 with an error recorded. */
static int answerAndFeedback(Parser *p, int i, int e, int *peFmt,
                             char **pzText, char **pzFeedback){
  int h = findAny(p, i, e, "#");
  int eFmt = *peFmt;
  *pzText = decode(p, i, h, &eFmt);
  *pzFeedback = 0;
  if( *pzText==0 ) return 1;
  if( h<e ){
    eFmt = *peFmt;
    *pzFeedback = decode(p, h+1, e, &eFmt);
    if( *pzFeedback==0 ){
      sqlite3_free(*pzText);
      *pzText = 0;
      return 1;
    }
    if( (*pzFeedback)[0]==0 ){
      sqlite3_free(*pzFeedback);
      *pzFeedback = 0;
    }
  }
  return 0;
}

/* Multiple choice: "=right#fb ~wrong ~%50%half". */
static void readChoice(Parser *p, int a, int b, int eFmt, KioskQuestion *q){
  int i = findAny(p, a, b, "=~"), nRight = 0;
  if( skipSpace(p, a, b)<i ){
    gerr(p, skipSpace(p, a, b), "SYNTAX", "text before the first answer: "
         "start each answer with = (right) or ~ (wrong)");
    return;
  }
  while( i<b ){
    char cMark = p->z[i];
    int j = findAny(p, i+1, b, "=~");
    int k = i+1;
    double rWeight = cMark=='=' ? 100.0 : 0.0;
    char *zText = 0, *zFb = 0;
    if( cMark=='~' ){
      k = readWeight(p, i+1, j, &rWeight);
      if( k<0 ){ i = j; continue; }
    }else if( skipSpace(p, i+1, j)<j && p->z[skipSpace(p, i+1, j)]=='%' ){
      gerr(p, skipSpace(p, i+1, j), "SYNTAX", "a weight goes after ~ "
           "(~%%50%%answer); = marks a fully right answer");
      i = j;
      continue;
    }
    if( answerAndFeedback(p, k, j, &eFmt, &zText, &zFb)==0 ){
      if( zText[0]==0 ){
        gerr(p, i, "SYNTAX", "empty answer after %c", cMark);
      }else if( kioskQuestionAddOption(q, zText, creditOf(rWeight), zFb, 0) ){
        nomem(p, i);
      }
      if( cMark=='=' ) nRight++;
    }
    sqlite3_free(zText);
    sqlite3_free(zFb);
    i = j;
  }
  if( p->bFail ) return;
  if( q->nOption<2 ){
    gerr(p, a, "SYNTAX", "a multiple-choice question needs at least two "
         "answers");
    return;
  }
  if( nRight>0 ){
    q->eKind = KQ_CHOICE;
  }else{
    /* No = answer: several answers carry weights (Moodle's "multiple
    ** answers"); the positive ones must add up to 100%. */
    double rSum = 0;
    int o;
    q->eKind = KQ_MULTI;
    for(o=0; o<q->nOption; o++){
      if( q->aOption[o].rCredit>0 ) rSum += q->aOption[o].rCredit;
    }
    if( fabs(rSum-1.0)>0.005 ){
      gerr(p, a, "SYNTAX", "the positive weights add up to %g%%, not 100%% "
           "(or mark the one right answer with =)", rSum*100.0);
    }
  }
}

/* True/false: "T", "TRUE", "F", "FALSE", then #wrong feedback#right. */
static void readTrueFalse(Parser *p, int a, int b, int eFmt,
                          KioskQuestion *q, int bTrue){
  int h1 = findAny(p, a, b, "#"), h2 = b;
  char *zWrong = 0, *zRight = 0;
  if( h1<b ){
    int f = eFmt;
    h2 = findAny(p, h1+1, b, "#");
    zWrong = decode(p, h1+1, h2, &f);
    if( h2<b ){
      f = eFmt;
      zRight = decode(p, h2+1, b, &f);
    }
  }
  if( p->bFail ) goto done;
  if( zWrong && zWrong[0]==0 ){ sqlite3_free(zWrong); zWrong = 0; }
  if( zRight && zRight[0]==0 ){ sqlite3_free(zRight); zRight = 0; }
  q->eKind = KQ_TF;
  if( kioskQuestionAddOption(q, "True", bTrue ? 1.0 : 0.0,
                             bTrue ? zRight : zWrong, 0)
   || kioskQuestionAddOption(q, "False", bTrue ? 0.0 : 1.0,
                             bTrue ? zWrong : zRight, 0) ){
    nomem(p, a);
  }
done:
  sqlite3_free(zWrong);
  sqlite3_free(zRight);
}

/* Short answer: "=a#fb =%50%b#fb": each accepted answer with its credit
** and feedback, tried in order; "*" in one is Moodle's wildcard. As in
** Moodle, a word before the first = is an answer too (a bare {Paris}). */
static void readShort(Parser *p, int a, int b, int eFmt, KioskQuestion *q){
  int i = findAny(p, a, b, "=");
  q->eKind = KQ_TEXT;
  if( skipSpace(p, a, i)<i ) i = a-1;    /* the text before = is an answer */
  while( i<b ){
    int j = findAny(p, i+1, b, "=");
    double rWeight = 100.0;
    int k = readWeight(p, i+1, j, &rWeight);
    char *zText = 0, *zFb = 0;
    if( k<0 ){ i = j; continue; }
    if( answerAndFeedback(p, k, j, &eFmt, &zText, &zFb)==0 ){
      if( zText[0]==0 ){
        gerr(p, i<a ? a : i, "SYNTAX", "empty answer after =");
      }else if( rWeight<0 ){
        gerr(p, skipSpace(p, i+1, j), "SYNTAX", "a typed answer's weight "
             "is from 0%% to 100%%");
      }else if( kioskQuestionAddAcceptEx(q, zText, creditOf(rWeight), zFb) ){
        nomem(p, i<a ? a : i);
      }
    }
    sqlite3_free(zText);
    sqlite3_free(zFb);
    i = j;
  }
  if( !p->bFail ){
    int o, bFull = 0;
    for(o=0; o<q->nAccept; o++) if( q->arAccept[o]>=1.0 ) bFull = 1;
    if( q->nAccept==0 ){
      gerr(p, a, "SYNTAX", "a short-answer question needs an answer");
    }else if( !bFull ){
      gerr(p, a, "SYNTAX", "no answer gets full credit: give one as "
           "=answer (without a weight)");
    }
  }
}

/* Matching: "=left -> right" pairs. */
static void readMatch(Parser *p, int a, int b, int eFmt, KioskQuestion *q){
  int i = findAny(p, a, b, "=");
  q->eKind = KQ_MATCH;
  if( skipSpace(p, a, b)<i ){
    gerr(p, skipSpace(p, a, b), "SYNTAX", "text before the first pair: "
         "write each pair as =left -> right");
    return;
  }
  while( i<b ){
    int j = findAny(p, i+1, b, "=");
    int k = findPair(p, i+1, j, "->");
    int h = findAny(p, i+1, j, "#");
    char *zLeft = 0, *zRight = 0;
    int f = eFmt, o;
    if( k>=j ){
      gerr(p, i, "SYNTAX", "a matching pair needs -> between its two sides");
      i = j;
      continue;
    }
    if( h<j ){
      gerr(p, h, "UNSUPPORTED", "feedback on a matching pair is not "
           "supported: write general feedback after ####");
      i = j;
      continue;
    }
    zLeft = decode(p, i+1, k, &f);
    zRight = decode(p, k+2, j, 0);     /* Moodle reads right sides plain */
    if( zLeft && zRight ){
      if( zLeft[0]==0 && zRight[0]!=0 ){
        /* "= -> Chat": an extra wrong answer among the right sides */
        if( kioskQuestionAddDistract(q, zRight) ) nomem(p, i);
      }else if( zRight[0]==0 ){
        gerr(p, k, "SYNTAX", "empty right side after ->");
      }else{
        for(o=0; o<q->nPair; o++){
          if( strcmp(q->aPair[o].zLeft, zLeft)==0 ) break;
        }
        if( o<q->nPair ){
          gerr(p, i, "SYNTAX", "\"%s\" is matched twice", zLeft);
        }else if( kioskQuestionAddPair(q, zLeft, zRight) ){
          nomem(p, i);
        }
      }
    }
    sqlite3_free(zLeft);
    sqlite3_free(zRight);
    i = j;
  }
  if( !p->bFail && q->nPair<2 ){
    gerr(p, a, "SYNTAX", "a matching question needs at least two pairs");
  }
}

/* One numerical answer [i, e) without marker and weight: "v", "v:tol" or
** "min..max". Returns 0 and fills *pr..., or 1 with an error recorded. */
static int readNumAnswer(Parser *p, int i, int e, int *pbRange,
                         double *pr1, double *pr2){
  char *zText;
  char *zSep;
  int rc = 1;
  zText = decode(p, i, e, 0);
  if( zText==0 ) return 1;
  *pbRange = 0;
  *pr2 = 0;
  if( (zSep = strstr(zText, ".."))!=0 && zSep>zText ){
    *zSep = 0;
    trimInPlace(zText);
    trimInPlace(zSep+2);
    if( parseNumber(zText, pr1) || parseNumber(zSep+2, pr2) ){
      gerr(p, skipSpace(p, i, e), "SYNTAX", "a range is written min..max "
           "with two numbers");
    }else if( *pr1>*pr2 ){
      gerr(p, skipSpace(p, i, e), "SYNTAX", "range %g..%g ends before it "
           "starts", *pr1, *pr2);
    }else{
      *pbRange = 1;
      rc = 0;
    }
  }else if( (zSep = strchr(zText, ':'))!=0 ){
    *zSep = 0;
    trimInPlace(zText);
    trimInPlace(zSep+1);
    if( parseNumber(zText, pr1) ){
      gerr(p, skipSpace(p, i, e), "SYNTAX", "\"%s\" is not a number",
           zText);
    }else if( parseNumber(zSep+1, pr2) || *pr2<0 ){
      gerr(p, findAny(p, i, e, ":")+1, "SYNTAX", "the tolerance after : "
           "must be a number of at least 0");
    }else{
      rc = 0;
    }
  }else if( parseNumber(zText, pr1) ){
    gerr(p, skipSpace(p, i, e), "SYNTAX", "\"%s\" is not a number (write "
         "#value, #value:tolerance or #min..max)", zText);
  }else{
    rc = 0;
  }
  sqlite3_free(zText);
  return rc;
}

/* Numerical: "#v:tol", "#min..max", "#=v:tol =%50%min..max#fb ~#other".
** Every answer goes into q->aNum when one of them has partial credit or
** feedback, or when there are more than one value and one range or a
** catch-all; otherwise (the common case) only rValue/rTol/rMin/rMax. */
static void readNumber(Parser *p, int a, int b, int eFmt,
                       KioskQuestion *q){
  int i = a+1;                          /* past the '#' */
  int t = findAny(p, i, b, "~");
  int nPoint = 0, nRange = 0, bDetail = 0, o;
  q->eKind = KQ_NUMBER;
  while( i<t ){
    int j = findAny(p, i, t, "=");
    int s = skipSpace(p, i, j);
    if( s<j ){
      int k = s, h, bRange;
      double rW = 100.0, r1, r2;
      char *zFb = 0;
      if( p->z[i-1]=='=' ) k = readWeight(p, s, j, &rW);
      if( k>=0 ){
        h = findAny(p, k, j, "#");
        if( h<j && trimEnd(p, h+1, j)>skipSpace(p, h+1, j) ){
          int f = eFmt;
          zFb = decode(p, h+1, j, &f);
        }
        if( rW<0 ){
          gerr(p, s, "SYNTAX", "a number's weight is from 0%% to 100%%");
        }else if( readNumAnswer(p, k, h, &bRange, &r1, &r2)==0 ){
          KioskNumAnswer na;
          memset(&na, 0, sizeof(na));
          na.bRange = bRange;
          na.rCredit = creditOf(rW);
          na.zFeedback = zFb;
          if( bRange ){
            na.rMin = r1;
            na.rMax = r2;
            na.rValue = (r1+r2)/2.0;
            na.rTol = (r2-r1)/2.0;
          }else{
            na.rValue = r1;
            na.rTol = r2;
            na.rMin = 1.0;
            na.rMax = 0.0;
          }
          if( rW!=100.0 || zFb ) bDetail = 1;
          if( kioskQuestionAddNum(q, &na) ) nomem(p, s);
          if( rW==100.0 && bRange && nRange++==0 ){
            q->rMin = r1;
            q->rMax = r2;
          }else if( rW==100.0 && !bRange && nPoint++==0 ){
            q->rValue = r1;
            q->rTol = r2;
          }else{
            bDetail = 1;
          }
        }
        sqlite3_free(zFb);
      }
    }
    i = j<t ? j+1 : t;
  }
  if( t<b ){
    /* "~#feedback": any other number (Moodle's answer "*") */
    KioskNumAnswer na;
    int h = findAny(p, t+1, b, "#");
    int f = eFmt;
    memset(&na, 0, sizeof(na));
    na.bAny = 1;
    na.rMin = 1.0;
    na.rMax = 0.0;
    if( skipSpace(p, t+1, h)<h ){
      gerr(p, skipSpace(p, t+1, h), "SYNTAX", "after ~ in a numerical "
           "question comes only #feedback for any other number");
    }else if( h<b ){
      na.zFeedback = decode(p, h+1, b, &f);
      if( na.zFeedback && na.zFeedback[0]==0 ){
        sqlite3_free(na.zFeedback);
        na.zFeedback = 0;
      }
    }
    if( !p->bFail && kioskQuestionAddNum(q, &na) ) nomem(p, t);
    sqlite3_free(na.zFeedback);
    bDetail = 1;
  }
  if( p->bFail ) return;
  if( nPoint+nRange==0 ){
    gerr(p, a, "SYNTAX", "a numerical answer needs a number after # "
         "with full credit");
    return;
  }
  if( !bDetail ){
    for(o=0; o<q->nNum; o++) sqlite3_free(q->aNum[o].zFeedback);
    sqlite3_free(q->aNum);
    q->aNum = 0;
    q->nNum = 0;
  }
  if( nPoint==0 ){
    /* A range alone: its middle and half-width, so either reading of the
    ** struct accepts the same numbers. */
    q->rValue = (q->rMin+q->rMax)/2.0;
    q->rTol = (q->rMax-q->rMin)/2.0;
  }
}

/* ========================================================================
** Reading: a whole question
*/

/* 1 when a number question's value and tolerance are exactly those of its
** range (how a range read alone is stored): the range says it all. */
static int rangeOnly(const KioskQuestion *q){
  return q->rMin<=q->rMax && q->rValue==(q->rMin+q->rMax)/2.0
      && q->rTol==(q->rMax-q->rMin)/2.0;
}

/* zAnswer: the right answer in words, for answer keys. */
static char *answerInWords(const KioskQuestion *q){
  sqlite3_str *pOut = sqlite3_str_new(0);
  int i, n = 0;
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_MULTI: case KQ_TF:
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit<1.0 && q->eKind!=KQ_MULTI ) continue;
        if( q->aOption[i].rCredit<=0 ) continue;
        if( n++ ) sqlite3_str_appendall(pOut, "; ");
        sqlite3_str_appendall(pOut, q->aOption[i].zText);
      }
      break;
    case KQ_TEXT:
      for(i=0; i<q->nAccept; i++){
        if( q->arAccept && q->arAccept[i]<1.0 ) continue;
        sqlite3_str_appendall(pOut, q->azAccept[i]);
        break;
      }
      break;
    case KQ_ESSAY: case KQ_DESC:
      break;
    case KQ_YEAR: case KQ_NUMBER:
      if( rangeOnly(q) && q->rTol>0 ){
        kioskGiftNumber(pOut, q->rMin);
        sqlite3_str_appendall(pOut, " to ");
        kioskGiftNumber(pOut, q->rMax);
      }else{
        kioskGiftNumber(pOut, q->rValue);
        if( q->rTol>0 ){
          sqlite3_str_appendall(pOut, " \xC2\xB1 ");
          kioskGiftNumber(pOut, q->rTol);
        }
        if( q->rMin<=q->rMax ){
          sqlite3_str_appendall(pOut, ", or ");
          kioskGiftNumber(pOut, q->rMin);
          sqlite3_str_appendall(pOut, " to ");
          kioskGiftNumber(pOut, q->rMax);
        }
      }
      if( q->zUnit ) sqlite3_str_appendf(pOut, " %s", q->zUnit);
      break;
    case KQ_ORDER:
      for(i=0; i<q->nOption; i++){
        if( i ) sqlite3_str_appendall(pOut, "; ");
        sqlite3_str_appendall(pOut, q->aOption[q->aOrder[i]].zText);
      }
      break;
    case KQ_MATCH:
      for(i=0; i<q->nPair; i++){
        if( i ) sqlite3_str_appendall(pOut, "; ");
        sqlite3_str_appendf(pOut, "%s \xE2\x86\x92 %s", q->aPair[i].zLeft,
                            q->aPair[i].zRight);
      }
      break;
  }
  return strFinish(pOut);
}

/* @kind order on a matching question: the right sides are the positions
** 1..n, turned into an ordering question. */
static void matchToOrder(Parser *p, int iOff, KioskQuestion *q){
  int i, n = q->nPair;
  int *aOrder = sqlite3_malloc64((sqlite3_uint64)(n>0 ? n : 1)*sizeof(int));
  if( aOrder==0 ){ nomem(p, iOff); return; }
  for(i=0; i<n; i++) aOrder[i] = -1;
  for(i=0; i<n; i++){
    const char *z = q->aPair[i].zRight;
    int v = 0, nDigit = 0;
    while( isdigit((unsigned char)*z) && nDigit<6 ){
      v = v*10 + (*z-'0');
      z++;
      nDigit++;
    }
    if( nDigit==0 || *z || v<1 || v>n || aOrder[v-1]>=0 ){
      gerr(p, iOff, "SYNTAX", "with @kind order the right sides must be the "
           "positions 1 to %d, each once (\"%s\" is not)", n,
           q->aPair[i].zRight);
      sqlite3_free(aOrder);
      return;
    }
    aOrder[v-1] = i;
  }
  for(i=0; i<n; i++){
    if( kioskQuestionAddOption(q, q->aPair[i].zLeft, 0, 0, 0) ){
      nomem(p, iOff);
      sqlite3_free(aOrder);
      return;
    }
  }
  for(i=0; i<n; i++){
    sqlite3_free(q->aPair[i].zLeft);
    sqlite3_free(q->aPair[i].zRight);
  }
  sqlite3_free(q->aPair);
  q->aPair = 0;
  q->nPair = 0;
  q->aOrder = aOrder;
  q->eKind = KQ_ORDER;
}

/*
** Read the question whose text is [s, e) (comment lines masked) into a new
** item. iAnn/nAnn: offsets of the block's annotation '@'s and their line
** ends. pMeta: the comment, idnumber and tags found in the block's comment
** lines, moved into the question when it is read.
*/
static void readQuestion(Parser *p, KioskGiftDoc *pDoc, int bs, int be,
                         int s, int e, const int *aAnn, int nAnn,
                         KioskQuestion *pMeta){
  KioskGiftItem *pItem = newItem(p, pDoc, bs);
  KioskQuestion *q = 0;
  Annot ann;
  int iErr0 = kioskErrListCount(p->pErrs);
  int i, t, ob, cb, after, eFmt = FMT_MOODLE;
  char *zBefore = 0, *zAfter = 0;

  if( pItem==0 ) return;
  pItem->iOff = bs;
  pItem->iEnd = be;
  pItem->iFirstErr = p->pErrs->nErr;
  pItem->iFirstWarn = p->pWarn->nErr;
  p->mWarned = 0;
  kioskSrcPos(p->pSrc, s, &pItem->iLine, &pItem->iCol);
  if( p->zCategory ){
    pItem->zCategory = kioskStrDup(p->zCategory);
    if( pItem->zCategory==0 ) nomem(p, s);
  }
  memset(&ann, 0, sizeof(ann));
  q = kioskQuestionNew();
  if( q==0 ){ nomem(p, s); goto done; }
  q->zTopic = kioskStrDup("hand");
  if( q->zTopic==0 ) nomem(p, s);

  for(i=0; i<nAnn; i++){
    readAnnotation(p, aAnn[2*i], aAnn[2*i+1], q, &ann, pItem);
  }

  /* ::title:: */
  t = s;
  if( e-s>=2 && p->z[s]==':' && p->z[s+1]==':' ){
    int k = findPair(p, s+2, e, "::");
    if( k>=e ){
      gerr(p, s, "SYNTAX", "the title is not closed: write ::title:: "
           "before the question");
      goto done;
    }
    pItem->zTitle = decode(p, s+2, k, 0);
    if( pItem->zTitle && pItem->zTitle[0]==0 ){
      sqlite3_free(pItem->zTitle);
      pItem->zTitle = 0;
    }
    t = k+2;
  }

  /* The answer block: the first unescaped { and the } that closes it. */
  ob = findAny(p, t, e, "{}");
  if( ob>=e ){
    /* No answer block: a description, shown as an information page. */
    p->bPrompt = 1;
    q->zPrompt = decode(p, t, e, &eFmt);
    p->bPrompt = 0;
    if( q->zPrompt==0 ) goto done;
    if( q->zPrompt[0]==0 && p->zImg==0 ){
      gerr(p, s, "SYNTAX", "a description with no text");
      goto done;
    }
    q->eKind = KQ_DESC;
    q->rPoints = 0;
    goto meta;
  }
  if( p->z[ob]=='}' ){
    gerr(p, ob, "SYNTAX", "} without a { before it (escape it as \\})");
    goto done;
  }
  cb = findAny(p, ob+1, e, "{}");
  if( cb>=e ){
    gerr(p, ob, "SYNTAX", "{ is never closed by }");
    goto done;
  }
  if( p->z[cb]=='{' ){
    gerr(p, cb, "SYNTAX", "{ inside an answer block (escape it as \\{)");
    goto done;
  }
  after = findAny(p, cb+1, e, "{}");
  if( after<e ){
    gerr(p, after, "SYNTAX", p->z[after]=='{'
         ? "a second answer block: a question has one {...} (escape a "
           "literal brace as \\{)"
         : "} without a { before it (escape it as \\})");
    goto done;
  }

  /* The prompt: text before the block, and the missing-word form when
  ** text follows it. */
  p->bPrompt = 1;
  zBefore = decode(p, t, ob, &eFmt);
  p->bPrompt = 0;
  if( zBefore==0 ) goto done;
  if( skipSpace(p, cb+1, e)<e ){
    int f = eFmt;
    p->bPrompt = 1;
    zAfter = decode(p, cb+1, e, &f);
    p->bPrompt = 0;
    if( zAfter==0 ) goto done;
    q->zPrompt = sqlite3_mprintf("%s%s_____%s%s", zBefore,
                                 zBefore[0] ? " " : "",
                                 (zAfter[0] && !ispunct((unsigned char)zAfter[0]))
                                   ? " " : "",
                                 zAfter);
  }else{
    q->zPrompt = kioskStrDup(zBefore);
  }
  if( q->zPrompt==0 ){ nomem(p, s); goto done; }
  if( q->zPrompt[0]==0 ){
    gerr(p, s, "SYNTAX", "the question has no text before its answers");
    goto done;
  }

  {
    /* General feedback: after the last unescaped "####". */
    int a = ob+1, b = cb, g = -1, run = 0, k, first;
    for(k=a; k<b; k++){
      if( masked(p, k) ){ run = 0; continue; }
      if( isEscape(p, k, b) ){ run = 0; k++; continue; }
      if( p->z[k]=='#' ){
        if( ++run>=4 ) g = k-3;
      }else{
        run = 0;
      }
    }
    if( g>=0 ){
      int f = eFmt;
      char *zGen = decode(p, g+4, b, &f);
      if( zGen==0 ) goto done;
      if( zGen[0] ){
        q->zFeedbackWrong = zGen;
      }else{
        sqlite3_free(zGen);
      }
      b = g;
    }
    first = skipSpace(p, a, b);
    b = trimEnd(p, first, b);
    if( first>=b ){
      /* {} : an essay, kept for the teacher to read */
      q->eKind = KQ_ESSAY;
    }else if( p->z[first]=='#' ){
      readNumber(p, first, b, eFmt, q);
    }else if( findAny(p, first, b, "~")<b ){
      readChoice(p, first, b, eFmt, q);
    }else if( findAny(p, first, b, "=")<b
              && findPair(p, first, b, "->")<b ){
      readMatch(p, first, b, eFmt, q);
    }else{
      int h = findAny(p, first, b, "#");
      char *zTf = decode(p, first, h, 0);
      if( zTf==0 ) goto done;
      if( strcmp(zTf, "T")==0 || strcmp(zTf, "TRUE")==0 ){
        readTrueFalse(p, first, b, eFmt, q, 1);
      }else if( strcmp(zTf, "F")==0 || strcmp(zTf, "FALSE")==0 ){
        readTrueFalse(p, first, b, eFmt, q, 0);
      }else{
        /* =a =b, or a bare {answer}, which Moodle reads as short answer */
        readShort(p, first, b, eFmt, q);
      }
      sqlite3_free(zTf);
    }
  }
  if( p->bFail ) goto done;

  /* Annotations that change or check the kind. */
  if( ann.eKindHint==KQ_YEAR ){
    if( q->eKind!=KQ_NUMBER ){
      gerr(p, ann.offKind, "ANNOTATION", "@kind year needs a numerical "
           "answer {#1992}");
    }else if( q->rMin<=q->rMax && !rangeOnly(q) ){
      gerr(p, ann.offKind, "ANNOTATION", "@kind year takes one year and "
           "its tolerance, not a range besides");
    }else if( q->rValue-q->rTol!=floor(q->rValue-q->rTol)
           || q->rValue+q->rTol!=floor(q->rValue+q->rTol) ){
      gerr(p, ann.offKind, "ANNOTATION", "@kind year needs whole years: "
           "1992, 1992:1 or 1991..1994");
    }else if( ann.offUnit ){
      gerr(p, ann.offUnit, "ANNOTATION", "@unit does not apply to a year");
    }else{
      q->eKind = KQ_YEAR;
      q->rMin = 1.0;
      q->rMax = 0.0;
    }
  }else if( ann.eKindHint==KQ_ORDER ){
    if( q->eKind!=KQ_MATCH ){
      gerr(p, ann.offKind, "ANNOTATION", "@kind order needs a matching "
           "answer {=first -> 1 =second -> 2}");
    }else{
      matchToOrder(p, ob, q);
    }
  }
  if( ann.offUnit && q->eKind!=KQ_NUMBER && q->eKind!=KQ_YEAR ){
    gerr(p, ann.offUnit, "ANNOTATION", "@unit applies to numerical "
         "answers only");
  }
  if( p->bFail ) goto done;

meta:
  q->zAnswer = answerInWords(q);
  if( q->zAnswer==0 ){ nomem(p, s); goto done; }
  if( p->zImg ){
    if( q->zImage && strcmp(q->zImage, p->zImg)!=0 ){
      gerr(p, s, "ANNOTATION", "@image names \"%s\" but the question shows "
           "\"%s\"", q->zImage, p->zImg);
      goto done;
    }
    sqlite3_free(q->zImage);
    q->zImage = p->zImg;
    q->zImageAlt = p->zAlt;
    p->zImg = p->zAlt = 0;
  }
  if( pMeta ){
    q->zComment = pMeta->zComment;
    q->zIdNumber = pMeta->zIdNumber;
    q->azTag = pMeta->azTag;
    q->nTag = pMeta->nTag;
    pMeta->zComment = pMeta->zIdNumber = 0;
    pMeta->azTag = 0;
    pMeta->nTag = 0;
  }

done:
  sqlite3_free(p->zImg);
  sqlite3_free(p->zAlt);
  p->zImg = p->zAlt = 0;
  sqlite3_free(zBefore);
  sqlite3_free(zAfter);
  pItem->nErr = p->pErrs->nErr - pItem->iFirstErr;
  if( kioskErrListCount(p->pErrs)!=iErr0 ){
    kioskQuestionFree(q);
    q = 0;
    /* not read: its errors say it all */
    if( p->pWarn->nErr>pItem->iFirstWarn ) p->pWarn->nErr = pItem->iFirstWarn;
  }
  pItem->nWarn = p->pWarn->nErr - pItem->iFirstWarn;
  pItem->q = q;
}

/*
** A comment line's text [k, le) (after "//"): Moodle's [id:...] and
** [tag:...] go into pMeta, the rest of the line (when any is left) onto
** pCom, the question's comment. Lines the kiosk writes itself ("kioskctl
** pack import: ...") are not kept: they are made again on each import.
*/
static void commentLine(Parser *p, KioskQuestion *pMeta, sqlite3_str *pCom,
                        int k, int le){
  sqlite3_str *pRest = sqlite3_str_new(0);
  char *zRest;
  int i = k;
  static const char zOwn[] = "kioskctl pack import:";
  if( le-k>=(int)sizeof(zOwn)-1 && memcmp(p->z+k, zOwn, sizeof(zOwn)-1)==0 ){
    sqlite3_free(sqlite3_str_finish(pRest));
    return;
  }
  while( i<le ){
    int bId = le-i>=4 && memcmp(p->z+i, "[id:", 4)==0;
    int bTag = le-i>=5 && memcmp(p->z+i, "[tag:", 5)==0;
    if( bId || bTag ){
      int j = i+(bId ? 4 : 5);
      sqlite3_str *pVal = sqlite3_str_new(0);
      char *zVal;
      while( j<le && p->z[j]!=']' ){
        if( p->z[j]=='\\' && j+1<le && p->z[j+1]==']' ) j++;
        sqlite3_str_appendchar(pVal, 1, p->z[j]);
        j++;
      }
      zVal = strFinish(pVal);
      if( zVal==0 ){ nomem(p, i); break; }
      trimInPlace(zVal);
      if( j<le && zVal[0] ){
        if( bId && pMeta->zIdNumber==0 ){
          pMeta->zIdNumber = zVal;
          zVal = 0;
        }else if( bTag && kioskQuestionAddTag(pMeta, zVal) ){
          nomem(p, i);
        }
        sqlite3_free(zVal);
        i = j+1;
        continue;
      }
      sqlite3_free(zVal);
    }
    sqlite3_str_appendchar(pRest, 1, p->z[i]);
    i++;
  }
  zRest = strFinish(pRest);
  if( zRest==0 ){ nomem(p, k); return; }
  trimInPlace(zRest);
  if( zRest[0] ){
    if( sqlite3_str_length(pCom)>0 ) sqlite3_str_appendchar(pCom, 1, '\n');
    sqlite3_str_appendall(pCom, zRest);
  }
  sqlite3_free(zRest);
}

/* One block of non-blank lines [bs, be). */
static void readBlock(Parser *p, KioskGiftDoc *pDoc, int bs, int be){
  int aAnnBuf[2*32];
  int *aAnn = aAnnBuf, nAnn = 0, nAnnAlloc = 32;
  int ls = bs, s, e;
  KioskQuestion *pMeta = kioskQuestionNew();
  sqlite3_str *pCom = sqlite3_str_new(0);
  p->bFail = 0;
  if( pMeta==0 ){ nomem(p, bs); goto done; }

  /* Mask comment lines (with their line end) and collect annotations. */
  while( ls<be ){
    int le = ls, f;
    while( le<be && p->z[le]!='\n' ) le++;
    f = ls;
    while( f<le && (p->z[f]==' ' || p->z[f]=='\t') ) f++;
    if( le-f>=2 && p->z[f]=='/' && p->z[f+1]=='/' ){
      int k = f+2;
      memset(p->aMask+(ls-p->iBase), 1, (size_t)(le-ls+(le<be ? 1 : 0)));
      while( k<le && (p->z[k]==' ' || p->z[k]=='\t') ) k++;
      if( k<le && p->z[k]!='@' && pMeta ){
        commentLine(p, pMeta, pCom, k, (le>k && p->z[le-1]=='\r') ? le-1 : le);
      }
      if( k<le && p->z[k]=='@' ){
        if( nAnn>=nAnnAlloc ){
          int *aNew;
          nAnnAlloc *= 2;
          aNew = sqlite3_malloc64((sqlite3_uint64)nAnnAlloc*2*sizeof(int));
          if( aNew==0 ){ nomem(p, k); goto done; }
          memcpy(aNew, aAnn, (size_t)nAnn*2*sizeof(int));
          if( aAnn!=aAnnBuf ) sqlite3_free(aAnn);
          aAnn = aNew;
        }
        aAnn[2*nAnn] = k;
        aAnn[2*nAnn+1] = (le>k && p->z[le-1]=='\r') ? le-1 : le;
        nAnn++;
      }
    }
    ls = le+1;
  }

  s = skipSpace(p, bs, be);
  e = trimEnd(p, s, be);
  if( s>=e ){
    int i;
    for(i=0; i<nAnn; i++){
      gerr(p, aAnn[2*i], "ANNOTATION", "annotation without a question: put "
           "it right above its question, with no blank line between");
    }
    goto done;
  }
  if( e-s>=10 && memcmp(p->z+s, "$CATEGORY:", 10)==0 ){
    int i;
    char *zCat = rawText(p, s+10, e);
    for(i=0; i<nAnn; i++){
      gerr(p, aAnn[2*i], "ANNOTATION", "annotation on a $CATEGORY line: "
           "annotations belong to questions");
    }
    if( zCat ){
      sqlite3_free(p->zCategory);
      p->zCategory = zCat;
    }
    goto done;
  }
  if( sqlite3_str_length(pCom)>0 ){
    pMeta->zComment = strFinish(pCom);
    pCom = 0;
    if( pMeta->zComment==0 ){ nomem(p, s); goto done; }
  }
  readQuestion(p, pDoc, bs, be, s, e, aAnn, nAnn, pMeta);

done:
  if( aAnn!=aAnnBuf ) sqlite3_free(aAnn);
  sqlite3_free(sqlite3_str_finish(pCom));
  kioskQuestionFree(pMeta);
}

int kioskGiftParse(const KioskSrc *pSrc, int iStart, int iEnd,
                   KioskGiftDoc *pDoc, KioskErrList *pErrs){
  Parser p;
  int n0 = kioskErrListCount(pErrs);
  int i;

  memset(&p, 0, sizeof(p));
  p.pSrc = pSrc;
  p.z = pSrc->z;
  p.iBase = iStart;
  p.pErrs = pErrs;
  p.pWarn = &pDoc->warn;
  p.aMask = sqlite3_malloc64((sqlite3_uint64)(iEnd-iStart)+1);
  if( p.aMask==0 ){
    kioskErrListAdd(pErrs, KIOSK_EGIFT, "NOMEM", pSrc->zFile, 0, 0,
                    "out of memory");
    return kioskErrListCount(pErrs)-n0;
  }
  memset(p.aMask, 0, (size_t)(iEnd-iStart)+1);

  /* Blocks: maximal runs of lines that are not blank. */
  i = iStart;
  while( i<iEnd ){
    int le = i, bs, be;
    while( le<iEnd && p.z[le]!='\n' ) le++;
    if( skipSpace(&p, i, le)>=le ){
      i = le+1;
      continue;
    }
    bs = i;
    be = le;
    i = le+1;
    while( i<iEnd ){
      le = i;
      while( le<iEnd && p.z[le]!='\n' ) le++;
      if( skipSpace(&p, i, le)>=le ) break;
      be = le;
      i = le+1;
    }
    readBlock(&p, pDoc, bs, be);
  }

  sqlite3_free(p.aMask);
  sqlite3_free(p.zCategory);
  return kioskErrListCount(pErrs)-n0;
}

void kioskGiftDocReset(KioskGiftDoc *pDoc){
  int i, j;
  for(i=0; i<pDoc->nItem; i++){
    KioskGiftItem *pItem = &pDoc->aItem[i];
    kioskQuestionFree(pItem->q);
    sqlite3_free(pItem->zTitle);
    sqlite3_free(pItem->zCategory);
    for(j=0; j<pItem->nRef; j++) sqlite3_free(pItem->aRef[j].zId);
    sqlite3_free(pItem->aRef);
  }
  sqlite3_free(pDoc->aItem);
  kioskErrListReset(&pDoc->warn);
  memset(pDoc, 0, sizeof(*pDoc));
}

/* ========================================================================
** Writing
*/

void kioskGiftEscape(sqlite3_str *pOut, const char *z){
  for(; *z; z++){
    char c = *z;
    if( c=='\r' ) continue;
    if( c=='\n' ){
      sqlite3_str_append(pOut, "\\n", 2);
    }else if( strchr("\\~=#{}:", c) ){
      sqlite3_str_appendchar(pOut, 1, '\\');
      sqlite3_str_appendchar(pOut, 1, c);
    }else{
      sqlite3_str_appendchar(pOut, 1, c);
    }
  }
}

void kioskGiftNumber(sqlite3_str *pOut, double r){
  char zBuf[40];
  int nDigit;
  if( r==0 ) r = 0;                      /* no "-0" */
  for(nDigit=15; nDigit<=17; nDigit++){
    snprintf(zBuf, sizeof(zBuf), "%.*g", nDigit, r);
    if( strtod(zBuf, 0)==r ) break;
  }
  sqlite3_str_appendall(pOut, zBuf);
}

void kioskGiftWriteCategory(sqlite3_str *pOut, const char *const *azPart,
                            int nPart){
  int i;
  const char *z;
  sqlite3_str_appendall(pOut, "$CATEGORY: $course$");
  for(i=0; i<nPart; i++){
    sqlite3_str_appendchar(pOut, 1, '/');
    for(z=azPart[i]; *z; z++){
      if( *z=='\n' || *z=='\r' ) continue;
      if( *z=='/' ) sqlite3_str_appendchar(pOut, 1, '/');
      sqlite3_str_appendchar(pOut, 1, *z);
    }
  }
  sqlite3_str_appendall(pOut, "\n\n");
}

/* A text that must not be read as a format marker (or, after = and ~, as
** a weight) gets the question's own format marker in front of it; with
** bForce it always does (texts of a question whose prompt is HTML). */
static void writeTextF(sqlite3_str *pOut, const char *z, const char *zFmt,
                       int bForce){
  int eFmt;
  if( bForce || formatMarker(z, &eFmt) || z[0]=='%' ){
    sqlite3_str_appendall(pOut, zFmt);
  }
  kioskGiftEscape(pOut, z);
}

static int hasHtmlChar(const char *z){
  return z && (strchr(z, '<') || strchr(z, '&'));
}

/* Percent weight: credit*100 without the noise of binary fractions
** ("50", "33.33333333"); creditOf reads a third back as a third. */
static void writeWeight(sqlite3_str *pOut, double rCredit){
  char zBuf[40];
  snprintf(zBuf, sizeof(zBuf), "%.10g", rCredit*100.0);
  sqlite3_str_appendf(pOut, "%%%s%%", zBuf);
}

static void writeAnnotations(sqlite3_str *pOut, const KioskQuestion *q){
  int i;
  if( q->zStage ) sqlite3_str_appendf(pOut, "// @stage %s\n", q->zStage);
  if( q->nFact ){
    sqlite3_str_appendall(pOut, "// @facts");
    for(i=0; i<q->nFact; i++) sqlite3_str_appendf(pOut, " %s", q->azFact[i]);
    sqlite3_str_appendchar(pOut, 1, '\n');
  }
  if( q->nSource ){
    sqlite3_str_appendall(pOut, "// @sources");
    for(i=0; i<q->nSource; i++){
      sqlite3_str_appendf(pOut, " %s", q->azSource[i]);
    }
    sqlite3_str_appendchar(pOut, 1, '\n');
  }
  if( q->rPoints!=1.0 && q->eKind!=KQ_DESC ){   /* a description: 0 */
    sqlite3_str_appendall(pOut, "// @points ");
    kioskGiftNumber(pOut, q->rPoints);
    sqlite3_str_appendchar(pOut, 1, '\n');
  }
  if( q->eKind==KQ_YEAR ) sqlite3_str_appendall(pOut, "// @kind year\n");
  if( q->eKind==KQ_ORDER ) sqlite3_str_appendall(pOut, "// @kind order\n");
  if( q->zUnit && q->eKind==KQ_NUMBER ){
    sqlite3_str_appendf(pOut, "// @unit %s\n", q->zUnit);
  }
  if( q->zLessonStage && q->iLessonPara>0 ){
    sqlite3_str_appendf(pOut, "// @lesson %s %d\n", q->zLessonStage,
                        q->iLessonPara);
  }
  if( q->zImage && q->zImageData ){
    sqlite3_str_appendf(pOut, "// @image %s %s\n", q->zImage, q->zImageData);
  }
}

/* The comment lines, then Moodle's idnumber and tags, as // lines. */
static void writeMeta(sqlite3_str *pOut, const KioskQuestion *q){
  int i;
  if( q->zComment ){
    const char *z = q->zComment;
    while( *z ){
      const char *zEnd = strchr(z, '\n');
      int n = zEnd ? (int)(zEnd-z) : (int)strlen(z);
      sqlite3_str_appendall(pOut, "// ");
      kioskSrcAppendClean(pOut, z, n);
      sqlite3_str_appendchar(pOut, 1, '\n');
      z += n;
      if( *z ) z++;
    }
  }
  if( q->zIdNumber || q->nTag ){
    sqlite3_str_appendall(pOut, "//");
    for(i=-1; i<q->nTag; i++){
      const char *z = i<0 ? q->zIdNumber : q->azTag[i];
      if( z==0 ) continue;
      sqlite3_str_appendall(pOut, i<0 ? " [id:" : " [tag:");
      for(; *z; z++){
        if( *z==']' ) sqlite3_str_appendchar(pOut, 1, '\\');
        kioskSrcAppendClean(pOut, z, 1);
      }
      sqlite3_str_appendchar(pOut, 1, ']');
    }
    sqlite3_str_appendchar(pOut, 1, '\n');
  }
}

/* Text as HTML: & < > escaped, new lines as <br>. */
static void writeHtmlText(sqlite3_str *pOut, const char *z){
  for(; *z; z++){
    switch( *z ){
      case '&': sqlite3_str_appendall(pOut, "&amp;"); break;
      case '<': sqlite3_str_appendall(pOut, "&lt;"); break;
      case '>': sqlite3_str_appendall(pOut, "&gt;"); break;
      case '"': sqlite3_str_appendall(pOut, "&quot;"); break;
      case '\n': sqlite3_str_appendall(pOut, "<br>"); break;
      case '\r': break;
      default: sqlite3_str_appendchar(pOut, 1, *z); break;
    }
  }
}

int kioskGiftWrite(sqlite3_str *pOut, const KioskQuestion *q,
                   const char *zTitle, KioskError *pErr){
  const char *zGen = q->zFeedbackWrong ? q->zFeedbackWrong : q->zExplain;
  const char *zFmt = "[moodle]";
  int bForce = q->zImage!=0;
  int i, bPlain = hasHtmlChar(q->zPrompt) || hasHtmlChar(zGen) || bForce;
#define writeText(o, z, f) writeTextF(o, z, f, bForce)

  /* Check first, so nothing is written for a question GIFT cannot hold. */
  if( q->zPrompt==0 || q->zPrompt[0]==0 ){
    return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                         "question %s has no text", q->zId ? q->zId : "");
  }
  for(i=0; i<q->nOption; i++){
    bPlain |= hasHtmlChar(q->aOption[i].zText)
            | hasHtmlChar(q->aOption[i].zFeedback);
  }
  for(i=0; i<q->nPair; i++){
    bPlain |= hasHtmlChar(q->aPair[i].zLeft) | hasHtmlChar(q->aPair[i].zRight);
    if( strstr(q->aPair[i].zLeft, "->") ){
      return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                           "question %s: GIFT cannot write \"->\" inside "
                           "the left side of a pair", q->zId ? q->zId : "");
    }
  }
  for(i=0; i<q->nAccept; i++) bPlain |= hasHtmlChar(q->azAccept[i]);
  if( (q->eKind==KQ_CHOICE || q->eKind==KQ_MULTI || q->eKind==KQ_TF
       || q->eKind==KQ_ORDER) && q->nOption<2 ){
    return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                         "question %s has fewer than two options",
                         q->zId ? q->zId : "");
  }
  if( q->eKind==KQ_ORDER && q->aOrder==0 ){
    return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                         "question %s has no order", q->zId ? q->zId : "");
  }
  for(i=0; i<q->nDistract; i++) bPlain |= hasHtmlChar(q->azDistract[i]);
  for(i=0; i<q->nAccept && q->azAcceptFeedback; i++){
    bPlain |= hasHtmlChar(q->azAcceptFeedback[i]);
  }
  for(i=0; i<q->nNum; i++) bPlain |= hasHtmlChar(q->aNum[i].zFeedback);
  if( (q->eKind==KQ_TEXT && q->nAccept==0)
   || (q->eKind==KQ_MATCH && q->nPair<2) ){
    return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                         "question %s has no answers", q->zId ? q->zId : "");
  }
  if( bPlain ) zFmt = "[plain]";

  writeMeta(pOut, q);
  writeAnnotations(pOut, q);
  if( zTitle && zTitle[0] ){
    sqlite3_str_appendall(pOut, "::");
    kioskGiftEscape(pOut, zTitle);
    sqlite3_str_appendall(pOut, ":: ");
  }
  if( q->zImage ){
    /* The image goes in as HTML; every other text is marked [plain]. */
    sqlite3_str *pHtml = sqlite3_str_new(0);
    char *zHtml;
    writeHtmlText(pHtml, q->zPrompt);
    sqlite3_str_appendall(pHtml, "<br><img src=\"");
    writeHtmlText(pHtml, q->zImage);
    sqlite3_str_appendall(pHtml, "\" alt=\"");
    writeHtmlText(pHtml, q->zImageAlt ? q->zImageAlt : "");
    sqlite3_str_appendall(pHtml, "\">");
    zHtml = sqlite3_str_finish(pHtml);
    if( zHtml==0 ){
      return kioskErrorSet(pErr, KIOSK_ENOMEM, "NOMEM", 0, 0, 0,
                           "out of memory");
    }
    sqlite3_str_appendall(pOut, "[html]");
    kioskGiftEscape(pOut, zHtml);
    sqlite3_free(zHtml);
  }else{
    int eFmt;
    if( bPlain || q->zPrompt[0]=='[' || strncmp(q->zPrompt, "//", 2)==0
     || formatMarker(q->zPrompt, &eFmt) ){
      sqlite3_str_appendall(pOut, zFmt);
    }
    kioskGiftEscape(pOut, q->zPrompt);
  }
  if( q->eKind==KQ_DESC ){
    sqlite3_str_appendall(pOut, "\n\n");
    return 0;
  }
  sqlite3_str_appendall(pOut, " {");

  switch( q->eKind ){
    case KQ_ESSAY: case KQ_DESC:
      if( zGen && zGen[0] ){
        sqlite3_str_appendall(pOut, "####");
        writeText(pOut, zGen, zFmt);
      }
      sqlite3_str_appendall(pOut, "}\n\n");
      return 0;
    case KQ_TF: {
      int bTrue = q->aOption[0].rCredit>=q->aOption[1].rCredit;
      const char *zRight = q->aOption[bTrue ? 0 : 1].zFeedback;
      const char *zWrong = q->aOption[bTrue ? 1 : 0].zFeedback;
      sqlite3_str_appendall(pOut, bTrue ? "TRUE" : "FALSE");
      if( zWrong || zRight ){
        sqlite3_str_appendchar(pOut, 1, '#');
        if( zWrong ) writeText(pOut, zWrong, zFmt);
      }
      if( zRight ){
        sqlite3_str_appendchar(pOut, 1, '#');
        writeText(pOut, zRight, zFmt);
      }
      if( zGen && zGen[0] ){
        sqlite3_str_appendall(pOut, "####");
        writeText(pOut, zGen, zFmt);
      }
      sqlite3_str_appendall(pOut, "}\n\n");
      return 0;
    }
    case KQ_NUMBER: if( q->nNum>0 ){
      /* every answer, with its weight and feedback, one a line */
      sqlite3_str_appendall(pOut, "#\n");
      for(i=0; i<q->nNum; i++){
        const KioskNumAnswer *a = &q->aNum[i];
        if( a->bAny ){
          sqlite3_str_appendall(pOut, "\t~#");
          if( a->zFeedback ) writeText(pOut, a->zFeedback, zFmt);
          sqlite3_str_appendchar(pOut, 1, '\n');
          continue;
        }
        sqlite3_str_appendall(pOut, "\t=");
        if( a->rCredit!=1.0 ) writeWeight(pOut, a->rCredit);
        if( a->bRange ){
          kioskGiftNumber(pOut, a->rMin);
          sqlite3_str_appendall(pOut, "..");
          kioskGiftNumber(pOut, a->rMax);
        }else{
          kioskGiftNumber(pOut, a->rValue);
          if( a->rTol!=0 ){
            sqlite3_str_appendchar(pOut, 1, ':');
            kioskGiftNumber(pOut, a->rTol);
          }
        }
        if( a->zFeedback ){
          sqlite3_str_appendchar(pOut, 1, '#');
          writeText(pOut, a->zFeedback, zFmt);
        }
        sqlite3_str_appendchar(pOut, 1, '\n');
      }
      break;
    }
    /* fall through - one value and one range, in full credit */
    case KQ_YEAR: {
      int bRange = q->rMin<=q->rMax;
      int bPoint = !rangeOnly(q);
      double rLo = q->rValue-q->rTol, rHi = q->rValue+q->rTol;
      if( q->eKind==KQ_YEAR && q->rValue!=floor(q->rValue)
       && (rLo+rHi)/2.0==q->rValue && (rHi-rLo)/2.0==q->rTol ){
        /* a span of years such as c. 1991-1994 (1992.5 +/- 1.5) */
        sqlite3_str_appendchar(pOut, 1, '#');
        kioskGiftNumber(pOut, rLo);
        sqlite3_str_appendall(pOut, "..");
        kioskGiftNumber(pOut, rHi);
        bPoint = bRange = 0;
      }else{
        sqlite3_str_appendchar(pOut, 1, '#');
      }
      if( bPoint && bRange ) sqlite3_str_appendchar(pOut, 1, '=');
      if( bPoint ){
        kioskGiftNumber(pOut, q->rValue);
        if( q->rTol!=0 ){
          sqlite3_str_appendchar(pOut, 1, ':');
          kioskGiftNumber(pOut, q->rTol);
        }
      }
      if( bRange ){
        if( bPoint ) sqlite3_str_appendall(pOut, " =");
        kioskGiftNumber(pOut, q->rMin);
        sqlite3_str_appendall(pOut, "..");
        kioskGiftNumber(pOut, q->rMax);
      }
      if( zGen && zGen[0] ){
        sqlite3_str_appendall(pOut, "####");
        writeText(pOut, zGen, zFmt);
      }
      sqlite3_str_appendall(pOut, "}\n\n");
      return 0;
    }
    case KQ_CHOICE: case KQ_MULTI: {
      /* A choice needs one ~ to read as multiple choice, one = to stay a
      ** choice: when every option is fully right, the first is written
      ** with = and the others as ~%100%. */
      int bAllRight = 1, nEq = 0;
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit!=1.0 ) bAllRight = 0;
      }
      sqlite3_str_appendchar(pOut, 1, '\n');
      for(i=0; i<q->nOption; i++){
        const KioskOption *o = &q->aOption[i];
        sqlite3_str_appendchar(pOut, 1, '\t');
        if( q->eKind==KQ_CHOICE && o->rCredit==1.0
         && !(bAllRight && nEq>0) ){
          nEq++;
          sqlite3_str_appendchar(pOut, 1, '=');
        }else{
          sqlite3_str_appendchar(pOut, 1, '~');
          if( o->rCredit!=0 ) writeWeight(pOut, o->rCredit);
        }
        writeText(pOut, o->zText, zFmt);
        if( o->zFeedback ){
          sqlite3_str_appendchar(pOut, 1, '#');
          writeText(pOut, o->zFeedback, zFmt);
        }
        sqlite3_str_appendchar(pOut, 1, '\n');
      }
      break;
    }
    case KQ_TEXT:
      sqlite3_str_appendchar(pOut, 1, '\n');
      for(i=0; i<q->nAccept; i++){
        double r = q->arAccept ? q->arAccept[i] : 1.0;
        const char *zFb = q->azAcceptFeedback ? q->azAcceptFeedback[i] : 0;
        sqlite3_str_appendall(pOut, "\t=");
        if( r!=1.0 ) writeWeight(pOut, r);
        writeText(pOut, q->azAccept[i], zFmt);
        if( zFb ){
          sqlite3_str_appendchar(pOut, 1, '#');
          writeText(pOut, zFb, zFmt);
        }
        sqlite3_str_appendchar(pOut, 1, '\n');
      }
      break;
    case KQ_MATCH:
      sqlite3_str_appendchar(pOut, 1, '\n');
      for(i=0; i<q->nPair; i++){
        sqlite3_str_appendall(pOut, "\t=");
        writeText(pOut, q->aPair[i].zLeft, zFmt);
        sqlite3_str_appendall(pOut, " -> ");
        kioskGiftEscape(pOut, q->aPair[i].zRight);
        sqlite3_str_appendchar(pOut, 1, '\n');
      }
      for(i=0; i<q->nDistract; i++){
        sqlite3_str_appendall(pOut, "\t= -> ");
        kioskGiftEscape(pOut, q->azDistract[i]);
        sqlite3_str_appendchar(pOut, 1, '\n');
      }
      break;
    case KQ_ORDER: {
      /* Matching onto positions: option i -> its place in aOrder. */
      sqlite3_str_appendchar(pOut, 1, '\n');
      for(i=0; i<q->nOption; i++){
        int k;
        for(k=0; k<q->nOption && q->aOrder[k]!=i; k++){}
        sqlite3_str_appendall(pOut, "\t=");
        writeText(pOut, q->aOption[i].zText, zFmt);
        sqlite3_str_appendf(pOut, " -> %d\n", k+1);
      }
      break;
    }
  }
  if( zGen && zGen[0] ){
    sqlite3_str_appendall(pOut, "\t####");
    writeText(pOut, zGen, zFmt);
    sqlite3_str_appendchar(pOut, 1, '\n');
  }
  sqlite3_str_appendall(pOut, "}\n\n");
  return 0;
#undef writeText
}
