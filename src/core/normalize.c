/*
** normalize.c: case folding, accent stripping and romanisation variants
** for comparing typed answers. See normalize.h for the exact rules.
** Not a general Unicode library: it covers the scripts a course in
** Latin, Greek or Cyrillic letters needs, and nothing else.
*/
#include "normalize.h"

#include <sqlite3.h>
#include <string.h>

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

/* Base letters of U+00C0..U+00FF, lower case; "" marks a separator. */
static const char *const azLatin1[64] = {
  "a","a","a","a","a","a","ae","c", "e","e","e","e","i","i","i","i",
  "d","n","o","o","o","o","o","",   "o","u","u","u","u","y","th","ss",
  "a","a","a","a","a","a","ae","c", "e","e","e","e","i","i","i","i",
  "d","n","o","o","o","o","o","",   "o","u","u","u","u","y","th","y"
};

/* Latin Extended-A, U+0100..U+017F, as ranges of one base. */
static const struct { int cLo, cHi; const char *zBase; } aExtA[] = {
  {0x100,0x105,"a"}, {0x106,0x10d,"c"}, {0x10e,0x111,"d"}, {0x112,0x11b,"e"},
  {0x11c,0x123,"g"}, {0x124,0x127,"h"}, {0x128,0x131,"i"}, {0x132,0x133,"ij"},
  {0x134,0x135,"j"}, {0x136,0x138,"k"}, {0x139,0x142,"l"}, {0x143,0x14b,"n"},
  {0x14c,0x151,"o"}, {0x152,0x153,"oe"}, {0x154,0x159,"r"}, {0x15a,0x161,"s"},
  {0x162,0x167,"t"}, {0x168,0x173,"u"}, {0x174,0x175,"w"}, {0x176,0x178,"y"},
  {0x179,0x17e,"z"}, {0x17f,0x17f,"s"},
  /* a few of Latin Extended-B used in Turkic and Romanian spellings */
  {0x18f,0x18f,"e"}, {0x259,0x259,"e"}, {0x218,0x219,"s"}, {0x21a,0x21b,"t"}
};

/* Characters that vanish without separating: apostrophes and their look-
** alikes (Uzbek o‘, Japan’s). */
static int isApostrophe(int c){
  return c=='\'' || c=='`' || c==0xb4 || c==0x2018 || c==0x2019
      || c==0x02bb || c==0x02bc || c==0x2032;
}

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
  if( c>=0x300 && c<=0x36f ) return;        /* combining accents */
  if( c>=0xc0 && c<=0xff ){
    const char *zB = azLatin1[c-0xc0];
    if( zB[0]==0 ) p->bSpace = 1; else bufText(p, zB, strlen(zB));
    return;
  }
  for(i=0; i<sizeof(aExtA)/sizeof(aExtA[0]); i++){
    if( c>=aExtA[i].cLo && c<=aExtA[i].cHi ){
      bufText(p, aExtA[i].zBase, strlen(aExtA[i].zBase));
      return;
    }
  }
  if( c<0xc0 || (c>=0x2000 && c<=0x206f) || c==0x2212 || c==0x3000 ){
    /* Latin-1 punctuation and spaces, general punctuation, minus sign */
    p->bSpace = 1;
    return;
  }
  if( c>=0x391 && c<=0x3a9 ) c += 0x20;      /* Greek capitals */
  else if( c>=0x410 && c<=0x42f ) c += 0x20; /* Cyrillic А-Я */
  else if( c>=0x400 && c<=0x40f ) c += 0x50; /* Cyrillic Ѐ-Џ */
  bufText(p, z, (size_t)encode(c, z));
}

char *kioskNormalizeFold(const char *zIn){
  Buf b;
  const unsigned char *z;
  size_t n, i = 0;
  memset(&b, 0, sizeof(b));
  if( zIn==0 ) zIn = "";
  n = strlen(zIn);
  z = (const unsigned char *)zIn;
  while( i<n ){
    int c;
    i += (size_t)decode(z+i, n-i, &c);
    if( c>=0 ) foldOne(&b, c);
  }
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
