/*
** tcllist.c: Tcl list text split into elements, as Tcl's own list parser
** does it (tcllist.h). Used by the records migration only.
*/
#include "tcllist.h"

#include <sqlite3.h>
#include <string.h>

static int isSpace(char c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\v' || c=='\f';
}

static int hexValue(char c){
  if( c>='0' && c<='9' ) return c-'0';
  if( c>='a' && c<='f' ) return c-'a'+10;
  if( c>='A' && c<='F' ) return c-'A'+10;
  return -1;
}

/* Append code point u as UTF-8 to pOut. */
static void putUtf8(sqlite3_str *pOut, unsigned u){
  char z[4];
  int n;
  if( u<0x80 ){ z[0] = (char)u; n = 1; }
  else if( u<0x800 ){
    z[0] = (char)(0xc0|(u>>6)); z[1] = (char)(0x80|(u&0x3f)); n = 2;
  }else if( u<0x10000 ){
    z[0] = (char)(0xe0|(u>>12)); z[1] = (char)(0x80|((u>>6)&0x3f));
    z[2] = (char)(0x80|(u&0x3f)); n = 3;
  }else{
    if( u>0x10ffff ) u = 0xfffd;
    z[0] = (char)(0xf0|(u>>18)); z[1] = (char)(0x80|((u>>12)&0x3f));
    z[2] = (char)(0x80|((u>>6)&0x3f)); z[3] = (char)(0x80|(u&0x3f)); n = 4;
  }
  sqlite3_str_append(pOut, z, n);
}

/* One backslash sequence at z (z[0]=='\\'), substituted into pOut.
** Returns the number of bytes consumed. */
static int backslash(const char *z, sqlite3_str *pOut){
  static const char zFrom[] = "abfnrtv";
  static const char zTo[] = "\a\b\f\n\r\t\v";
  const char *p;
  unsigned u = 0;
  int i, n, nMax;
  char c = z[1];
  if( c==0 ){ sqlite3_str_appendchar(pOut, 1, '\\'); return 1; }
  if( (p = strchr(zFrom, c))!=0 ){
    sqlite3_str_appendchar(pOut, 1, zTo[p-zFrom]);
    return 2;
  }
  if( c=='x' || c=='u' || c=='U' ){
    nMax = c=='x' ? 2 : c=='u' ? 4 : 8;
    for(n=0; n<nMax && hexValue(z[2+n])>=0; n++) u = u*16 + (unsigned)hexValue(z[2+n]);
    if( n==0 ){ sqlite3_str_appendchar(pOut, 1, c); return 2; }
    putUtf8(pOut, u);
    return 2+n;
  }
  if( c>='0' && c<='7' ){
    for(n=0; n<3 && z[1+n]>='0' && z[1+n]<='7'; n++) u = u*8 + (unsigned)(z[1+n]-'0');
    putUtf8(pOut, u & 0xff);
    return 1+n;
  }
  if( c=='\n' ){
    for(i=2; z[i]==' ' || z[i]=='\t'; i++){}
    sqlite3_str_appendchar(pOut, 1, ' ');
    return i;
  }
  /* Any other character stands for itself (a UTF-8 sequence whole). */
  n = 1;
  if( (unsigned char)c>=0xc0 ){
    while( ((unsigned char)z[1+n] & 0xc0)==0x80 ) n++;
  }
  sqlite3_str_append(pOut, z+1, n);
  return 1+n;
}

int kioskTclListSplit(const char *z, int *pnElem, char ***pazElem){
  char **az = 0;
  int nElem = 0, nAlloc = 0, rc = 0;
  sqlite3_str *pOut = 0;

  *pnElem = 0;
  *pazElem = 0;
  while( 1 ){
    char *zElem;
    while( isSpace(*z) ) z++;
    if( *z==0 ) break;
    pOut = sqlite3_str_new(0);
    if( *z=='{' ){
      int nDepth = 1;
      const char *zStart = ++z;
      while( *z ){
        if( *z=='\\' && z[1] ){ z += 2; continue; }
        if( *z=='{' ) nDepth++;
        if( *z=='}' && --nDepth==0 ) break;
        z++;
      }
      if( *z!='}' ){ rc = 1; goto done; }
      sqlite3_str_append(pOut, zStart, (int)(z-zStart));
      z++;
    }else if( *z=='"' ){
      z++;
      while( *z && *z!='"' ){
        if( *z=='\\' ){ z += backslash(z, pOut); continue; }
        sqlite3_str_appendchar(pOut, 1, *z++);
      }
      if( *z!='"' ){ rc = 1; goto done; }
      z++;
    }else{
      while( *z && !isSpace(*z) ){
        if( *z=='\\' ){ z += backslash(z, pOut); continue; }
        sqlite3_str_appendchar(pOut, 1, *z++);
      }
    }
    /* A closing brace or quote must end the element. */
    if( *z && !isSpace(*z) ){ rc = 1; goto done; }
    if( nElem+1>=nAlloc ){
      char **azNew;
      nAlloc = nAlloc ? nAlloc*2 : 16;
      azNew = sqlite3_realloc64(az, sizeof(char *)*(size_t)nAlloc);
      if( azNew==0 ){ rc = -1; goto done; }
      az = azNew;
    }
    if( sqlite3_str_errcode(pOut) ){ rc = -1; goto done; }
    zElem = sqlite3_str_finish(pOut);
    pOut = 0;
    if( zElem==0 ){
      zElem = sqlite3_malloc(1);
      if( zElem==0 ){ rc = -1; goto done; }
      zElem[0] = 0;
    }
    az[nElem++] = zElem;
    az[nElem] = 0;
  }

done:
  if( pOut ) sqlite3_free(sqlite3_str_finish(pOut));
  if( rc ){
    kioskTclListFree(az, nElem);
    return rc;
  }
  *pnElem = nElem;
  *pazElem = az;
  return 0;
}

void kioskTclListFree(char **azElem, int nElem){
  int i;
  if( azElem==0 ) return;
  for(i=0; i<nElem; i++) sqlite3_free(azElem[i]);
  sqlite3_free(azElem);
}
