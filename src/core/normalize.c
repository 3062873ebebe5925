/*
** normalize.c: case folding, accent stripping and romanisation variants
** for comparing typed answers. See normalize.h for the exact rules.
** The Unicode work (NFKC, case folding, marks, categories) is
** libutf8proc's, for every script it knows; this file adds what a teacher
** accepts on top of Unicode (apostrophes, "&", letters with a stroke, the
** romanisation variants). Not a general text library.
*/
#include "normalize.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A growable output buffer; bOom latches an allocation failure. */
typedef struct Buf {
  char *z;
  size_t n, nAlloc;
  int bOom;
  int bSpace;   /* a separator is pending */
} Buf;

static void bufRaw(Buf *p, const char *z, size_t n){
  if( p->bOom ) return;
  if( p->n+n+1>p->nAlloc ){
    size_t nNew = p->nAlloc ? p->nAlloc*2 : 64;
    char *zNew;
    while( nNew<p->n+n+1 ) nNew *= 2;
    zNew = sqlite3_realloc64(p->z, nNew);
    if( zNew==0 ){ p->bOom = 1; return; }
    p->z = zNew;
    p->nAlloc = nNew;
  }
  memcpy(p->z+p->n, z, n);
  p->n += n;
  p->z[p->n] = 0;
}

/* Append text, first emitting a pending separator (never at the start). */
static void bufText(Buf *p, const char *z, size_t n){
  if( p->bSpace && p->n>0 ) bufRaw(p, " ", 1);
  p->bSpace = 0;
  bufRaw(p, z, n);
}

static char *bufFinish(Buf *p){
  if( p->bOom ){ sqlite3_free(p->z); return 0; }
  if( p->z==0 ){
    p->z = sqlite3_malloc(1);
    if( p->z ) p->z[0] = 0;
  }
  return p->z;
}

/* Decode one UTF-8 sequence at z (n bytes left). Returns its length and
** sets *pc, or returns the number of bytes to skip with *pc = -1 when the
** sequence is invalid. */
static int decode(const unsigned char *z, size_t n, int *pc){
  int c = z[0], nLen, i;
  if( c<0x80 ){ *pc = c; return 1; }
  if( c>=0xc2 && c<=0xdf ){ nLen = 2; c &= 0x1f; }
  else if( c>=0xe0 && c<=0xef ){ nLen = 3; c &= 0x0f; }
  else if( c>=0xf0 && c<=0xf4 ){ nLen = 4; c &= 0x07; }
  else { *pc = -1; return 1; }
  if( (size_t)nLen>n ){ *pc = -1; return 1; }
  for(i=1; i<nLen; i++){
    if( (z[i]&0xc0)!=0x80 ){ *pc = -1; return i; }
    c = (c<<6) | (z[i]&0x3f);
  }
  if( (nLen==3 && c<0x800) || (nLen==4 && (c<0x10000 || c>0x10ffff))
   || (c>=0xd800 && c<=0xdfff) ){
    *pc = -1;
    return nLen;
  }
  *pc = c;
  return nLen;
}

static int encode(int c, char *z){
  if( c<0x80 ){ z[0] = (char)c; return 1; }
  if( c<0x800 ){
    z[0] = (char)(0xc0|(c>>6)); z[1] = (char)(0x80|(c&0x3f)); return 2;
  }
  if( c<0x10000 ){
    z[0] = (char)(0xe0|(c>>12)); z[1] = (char)(0x80|((c>>6)&0x3f));
    z[2] = (char)(0x80|(c&0x3f)); return 3;
  }
  z[0] = (char)(0xf0|(c>>18)); z[1] = (char)(0x80|((c>>12)&0x3f));
  z[2] = (char)(0x80|((c>>6)&0x3f)); z[3] = (char)(0x80|(c&0x3f));
  return 4;
}

/* Characters that vanish without separating: apostrophes and their look-
** alikes (Uzbek o‘, Japan’s). Dropped before utf8proc sees the text, since
** NFKC turns the acute accent U+00B4 into a space and a combining mark. */
static int isApostrophe(int c){
  return c=='\'' || c=='`' || c==0xb4 || c==0x2018 || c==0x2019
      || c==0x02bb || c==0x02bc || c==0x2032 || c==0xff07;
}

/* Letters with a stroke or a ligature that Unicode does not decompose, so
** that mark stripping leaves them as they are: their base letters, as a
** reader without the key would type them. Only lower case: they are
** looked up after case folding. */
static const struct { int c; const char *zBase; } aLetter[] = {
  {0xe6,"ae"}, {0xf0,"d"}, {0xf8,"o"}, {0xfe,"th"}, {0x111,"d"},
  {0x127,"h"}, {0x131,"i"}, {0x138,"k"}, {0x142,"l"}, {0x153,"oe"},
  {0x167,"t"}, {0x259,"e"}
};

/* One code point of the folded, NFKC text: a letter or digit is kept,
** "&" and "+" become words, marks left over vanish, anything else
** separates words. */
static void foldOne(Buf *p, int c){
  char z[4];
  size_t i;
  if( c<0x80 ){
    if( (c>='a' && c<='z') || (c>='0' && c<='9') ){
      z[0] = (char)c; bufText(p, z, 1);
    }else if( c>='A' && c<='Z' ){
      z[0] = (char)(c+32); bufText(p, z, 1);
    }else if( c=='&' ){
      p->bSpace = 1; bufText(p, "and", 3); p->bSpace = 1;
    }else if( c=='+' ){
      p->bSpace = 1; bufText(p, "plus", 4); p->bSpace = 1;
    }else if( !isApostrophe(c) ){
      p->bSpace = 1;
    }
    return;
  }
  if( isApostrophe(c) ) return;
  for(i=0; i<sizeof(aLetter)/sizeof(aLetter[0]); i++){
    if( c==aLetter[i].c ){
      bufText(p, aLetter[i].zBase, strlen(aLetter[i].zBase));
      return;
    }
  }
  switch( utf8proc_category(c) ){
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      bufText(p, z, (size_t)encode(c, z));
      return;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return;
    default:
      p->bSpace = 1;
      return;
  }
}

char *kioskNormalizeFold(const char *zIn){
  Buf b, clean;
  const unsigned char *z;
  utf8proc_uint8_t *zMap = 0;
  utf8proc_ssize_t nMap;
  size_t n, i = 0;
  memset(&b, 0, sizeof(b));
  memset(&clean, 0, sizeof(clean));
  if( zIn==0 ) zIn = "";
  n = strlen(zIn);
  z = (const unsigned char *)zIn;
  /* 1. drop invalid UTF-8 and apostrophes: utf8proc refuses the one and
  ** would split words at the other */
  bufRaw(&clean, "", 0);
  while( i<n ){
    int c;
    char zEnc[4];
    i += (size_t)decode(z+i, n-i, &c);
    if( c>0 && !isApostrophe(c) ) bufRaw(&clean, zEnc, (size_t)encode(c, zEnc));
  }
  if( clean.bOom ){ sqlite3_free(clean.z); return 0; }
  /* 2. NFKC (width, ligatures, compatibility forms), full case folding,
  ** accents and other marks stripped, default-ignorable characters
  ** (soft hyphen, zero-width joiners) removed */
  nMap = utf8proc_map((const utf8proc_uint8_t *)clean.z, (utf8proc_ssize_t)clean.n,
                      &zMap, UTF8PROC_STABLE | UTF8PROC_COMPAT
                      | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD
                      | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  sqlite3_free(clean.z);
  if( nMap<0 ){
    /* the input is valid UTF-8 by now: only memory can fail */
    free(zMap);
    return 0;
  }
  /* 3. words: letters and digits kept, the rest separates */
  z = (const unsigned char *)zMap;
  n = (size_t)nMap;
  i = 0;
  while( i<n ){
    int c;
    i += (size_t)decode(z+i, n-i, &c);
    if( c>=0 ) foldOne(&b, c);
  }
  free(zMap);
  return bufFinish(&b);
}

/* The romanisation rules of normalize.h, applied to a folded string. */
static const struct { const char *zFrom; const char *zTo; } aVariant[] = {
  {"dzh","j"}, {"zh","j"}, {"kh","h"}, {"gh","g"}, {"ou","u"},
  {"y","i"}, {"w","v"}
};

char *kioskNormalizeKey(const char *zIn){
  char *zFold = kioskNormalizeFold(zIn);
  char *zOut;
  const char *z;
  size_t i, j = 0, k;
  if( zFold==0 ) return 0;
  zOut = sqlite3_malloc64(strlen(zFold)+1);
  if( zOut==0 ){ sqlite3_free(zFold); return 0; }
  z = zFold;
  if( strncmp(z, "the ", 4)==0 ) z += 4;
  for(i=0; z[i]; ){
    const char *zTo = 0;
    size_t nFrom = 1;
    if( z[i]==' ' ){ i++; continue; }
    for(k=0; k<sizeof(aVariant)/sizeof(aVariant[0]); k++){
      size_t nF = strlen(aVariant[k].zFrom);
      if( strncmp(z+i, aVariant[k].zFrom, nF)==0 ){
        zTo = aVariant[k].zTo;
        nFrom = nF;
        break;
      }
    }
    if( zTo ){
      for(k=0; zTo[k]; k++){
        if( j==0 || zOut[j-1]!=zTo[k] ) zOut[j++] = zTo[k];
      }
    }else{
      char c = z[i];
      if( j==0 || zOut[j-1]!=c || !((c>='a' && c<='z')) ) zOut[j++] = c;
    }
    i += nFrom;
  }
  zOut[j] = 0;
  sqlite3_free(zFold);
  return zOut;
}

int kioskNormalizeSame(const char *a, const char *b){
  char *zA = kioskNormalizeKey(a);
  char *zB = kioskNormalizeKey(b);
  int bSame = zA && zB && strcmp(zA, zB)==0;
  sqlite3_free(zA);
  sqlite3_free(zB);
  return bSame;
}
