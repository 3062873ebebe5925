/*
** amount.c: reading typed amounts and writing them in house style.
** The grammar is described in amount.h. This file knows the course's four
** units and nothing about questions; score.c decides what is close enough.
*/
#include "amount.h"

#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copy z into an ASCII working string: the Unicode spaces people paste
** become ' ', typographic apostrophes '\'', other non-ASCII '_' (a letter
** of some word we do not know). Upper case is folded. sqlite3_malloc'd. */
static char *asciiCopy(const char *z){
  const unsigned char *u = (const unsigned char *)z;
  size_t n = strlen(z), i = 0, j = 0;
  char *zOut = sqlite3_malloc64(n+1);
  if( zOut==0 ) return 0;
  while( i<n ){
    unsigned c = u[i];
    if( c<0x80 ){ zOut[j++] = (char)tolower((int)c); i++; continue; }
    if( c==0xc2 && i+1<n && u[i+1]==0xa0 ){ zOut[j++] = ' '; i += 2; continue; }
    if( c==0xe2 && i+2<n && u[i+1]==0x80
     && (u[i+2]==0x87 || u[i+2]==0x89 || u[i+2]==0xaf) ){
      zOut[j++] = ' '; i += 3; continue;
    }
    if( c==0xe2 && i+2<n && u[i+1]==0x80 && u[i+2]==0x99 ){
      zOut[j++] = '\''; i += 3; continue;
    }
    /* any other character: one '_' for its whole sequence */
    zOut[j++] = '_';
    i++;
    while( i<n && (u[i]&0xc0)==0x80 ) i++;
  }
  zOut[j] = 0;
  return zOut;
}

typedef struct Word { const char *z; double r; } Word;

static const Word aScale[] = {
  {"k",1e3}, {"thousand",1e3}, {"thousands",1e3},
  {"m",1e6}, {"mn",1e6}, {"mln",1e6}, {"mio",1e6}, {"million",1e6},
  {"millions",1e6},
  {"b",1e9}, {"bn",1e9}, {"bln",1e9}, {"billion",1e9}, {"billions",1e9},
  {"tn",1e12}, {"trillion",1e12}, {"trillions",1e12},
  {0,0}
};

static const Word aNumber[] = {
  {"zero",0}, {"one",1}, {"two",2}, {"three",3}, {"four",4}, {"five",5},
  {"six",6}, {"seven",7}, {"eight",8}, {"nine",9}, {"ten",10},
  {"eleven",11}, {"twelve",12}, {"thirteen",13}, {"fourteen",14},
  {"fifteen",15}, {"sixteen",16}, {"seventeen",17}, {"eighteen",18},
  {"nineteen",19}, {"twenty",20}, {"thirty",30}, {"forty",40},
  {"fifty",50}, {"sixty",60}, {"seventy",70}, {"eighty",80},
  {"ninety",90}, {"hundred",100},
  {0,0}
};

/* Unit words: the unit they name and the factor from what was typed to
** the unit ("cubic metres" after "billion": 1e-9 bcm per cubic metre). */
static const struct { const char *z; const char *zUnit; double r; } aUnit[] = {
  {"usd","USD",1}, {"dollars","USD",1}, {"dollar","USD",1},
  {"km","km",1}, {"kilometres","km",1}, {"kilometers","km",1},
  {"kilometre","km",1}, {"kilometer","km",1}, {"kms","km",1},
  {"bcm","bcm/yr",1}, {"bcma","bcm/yr",1},
  {"metres","bcm/yr",1e-9}, {"meters","bcm/yr",1e-9}, {"m3","bcm/yr",1e-9},
  {0,0,0}
};

static const char *const azApprox[] = {
  "about", "around", "approximately", "approx", "roughly", "some",
  "nearly", "almost", "circa", "ca", "c", 0
};

static double lookup(const Word *a, const char *z, size_t n){
  int i;
  for(i=0; a[i].z; i++){
    if( strlen(a[i].z)==n && memcmp(a[i].z, z, n)==0 ) return a[i].r;
  }
  return -1;
}

static int isWordChar(char c){
  return (c>='a' && c<='z') || c=='_' || (c>='0' && c<='9');
}
static int isGroupSpace(char c){ return c==' ' || c=='\''; }

/*
** Read the digits and separators of a number at z[*pi]. On success stores
** the reading(s) and advances *pi. Returns 0, or 1 with *pzWhy.
*/
static int readNumber(const char *z, size_t *pi, double *pr, double *prAlt,
                      const char **pzWhy){
  char zDigits[64];       /* the run, separators as found */
  char aSep[32];          /* separator chars, in order */
  int aGroup[33];         /* digit count of each group */
  int nSep = 0, nG = 0, nD = 0, i, nComma = 0, nPoint = 0, iDec = -1;
  size_t k = *pi;
  char zClean[80];
  int nClean = 0, bAmbig = 0;

  if( z[k]=='.' ){
    /* ".5": a leading decimal point */
    aGroup[nG++] = 0;
    aSep[nSep++] = '.';
    k++;
  }
  for(;;){
    int n = 0;
    while( z[k]>='0' && z[k]<='9' ){
      if( nD>=(int)sizeof(zDigits)-1 ){ *pzWhy = "too many digits"; return 1; }
      zDigits[nD++] = z[k++];
      n++;
    }
    if( n==0 ){ *pzWhy = "a separator must be followed by digits"; return 1; }
    aGroup[nG++] = n;
    /* another group follows? */
    if( nSep<(int)sizeof(aSep) && (z[k]==',' || z[k]=='.')
     && z[k+1]>='0' && z[k+1]<='9' ){
      aSep[nSep++] = z[k++];
      continue;
    }
    if( nSep<(int)sizeof(aSep) && isGroupSpace(z[k])
     && isdigit((unsigned char)z[k+1]) && isdigit((unsigned char)z[k+2])
     && isdigit((unsigned char)z[k+3]) && !isdigit((unsigned char)z[k+4]) ){
      aSep[nSep++] = z[k++];
      continue;
    }
    break;
  }
  zDigits[nD] = 0;
  for(i=0; i<nSep; i++){
    if( aSep[i]==',' ) nComma++;
    if( aSep[i]=='.' ) nPoint++;
  }
  if( nComma && nPoint ){
    /* the last of them is the decimal mark and must appear once */
    char cDec = 0;
    for(i=nSep-1; i>=0; i--){
      if( aSep[i]==',' || aSep[i]=='.' ){ cDec = aSep[i]; iDec = i; break; }
    }
    if( (cDec==',' ? nComma : nPoint)!=1 ){
      *pzWhy = "both \",\" and \".\" used as decimal marks"; return 1;
    }
  }else if( nComma+nPoint==1 ){
    char c = nComma ? ',' : '.';
    for(i=0; i<nSep; i++) if( aSep[i]==c ) iDec = i;
    if( aGroup[iDec+1]==3 && nSep==1 && aGroup[0]>=1 && aGroup[0]<=3
     && !(aGroup[0]==1 && zDigits[0]=='0') ){
      bAmbig = 1;
      if( c==',' ) iDec = -1;   /* "2,500": grouping first */
    }
  }
  /* every separator but the decimal mark is grouping: check the groups */
  for(i=0; i<nSep; i++){
    if( i==iDec ) continue;
    if( iDec>=0 && i>iDec ){
      *pzWhy = "digits grouped after the decimal mark"; return 1;
    }
    if( aGroup[i+1]!=3 || (i==0 && (aGroup[0]<1 || aGroup[0]>3)) ){
      *pzWhy = "digit groups must have three digits"; return 1;
    }
  }
  /* build the clean reading */
  {
    int iD = 0, g;
    for(g=0; g<nG; g++){
      if( g>0 && g-1==iDec ) zClean[nClean++] = '.';
      for(i=0; i<aGroup[g]; i++) zClean[nClean++] = zDigits[iD++];
    }
    zClean[nClean] = 0;
  }
  if( aGroup[0]==0 ){
    /* ".5": prepend a zero */
    memmove(zClean+1, zClean, (size_t)nClean+1);
    zClean[0] = '0';
  }
  *pr = strtod(zClean, 0);
  *prAlt = *pr;
  if( bAmbig ){
    /* the other reading: swap grouping and decimal for the one separator */
    double rInt = 0, rFrac = 0;
    int iD;
    for(iD=0; iD<aGroup[0]; iD++) rInt = rInt*10 + (zDigits[iD]-'0');
    for(iD=0; iD<3; iD++) rFrac = rFrac*10 + (zDigits[aGroup[0]+iD]-'0');
    *prAlt = (iDec<0) ? rInt + rFrac/1000.0 : rInt*1000 + rFrac;
  }
  *pi = k;
  return 0;
}

int kioskAmountParse(const char *zIn, KioskAmount *p, const char **pzWhy){
  char *z = 0;
  const char *zWhy = 0;
  size_t i = 0;
  int bNumber = 0, rc = 1;
  double rScale = 1, rFactor = 1, r = 0, rAlt = 0;

  memset(p, 0, sizeof(*p));
  if( zIn==0 ){ zWhy = "no amount"; goto done; }
  z = asciiCopy(zIn);
  if( z==0 ){ zWhy = "out of memory"; goto done; }
  while( z[i] ){
    char c = z[i];
    if( c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\'' || c=='/'
     || c==':' || c=='=' || c=='(' || c==')' || c=='-' ){
      i++;
      continue;
    }
    if( c=='~' ){ p->bApprox = 1; i++; continue; }
    if( c=='$' ){ p->zUnit = "USD"; i++; continue; }
    if( c==',' || c=='.' ){
      if( !bNumber && z[i+1]>='0' && z[i+1]<='9' && c=='.' ) goto number;
      i++;   /* a full stop or a comma between words */
      continue;
    }
    if( c>='0' && c<='9' ){
    number:
      if( bNumber ){ zWhy = "more than one number"; goto done; }
      if( readNumber(z, &i, &r, &rAlt, &zWhy) ) goto done;
      bNumber = 1;
      /* "2.5bn", "8000km", "396m": a word glued to the number */
      continue;
    }
    if( isWordChar(c) ){
      size_t n = 0, k;
      const char *zW = z+i;
      double v;
      while( isWordChar(z[i+n]) ) n++;
      i += n;
      if( n==2 && memcmp(zW, "us", 2)==0 ){
        p->zUnit = "USD";
        continue;
      }
      for(k=0; azApprox[k]; k++){
        if( strlen(azApprox[k])==n && memcmp(azApprox[k], zW, n)==0 ){
          p->bApprox = 1;
          break;
        }
      }
      if( azApprox[k] ) continue;
      if( bNumber && (v = lookup(aScale, zW, n))>0 ){
        if( rScale!=1 ){ zWhy = "more than one scale word"; goto done; }
        rScale = v;
        continue;
      }
      if( !bNumber && (v = lookup(aNumber, zW, n))>=0 ){
        r = rAlt = v;
        bNumber = 1;
        continue;
      }
      for(k=0; aUnit[k].z; k++){
        if( strlen(aUnit[k].z)==n && memcmp(aUnit[k].z, zW, n)==0 ){
          p->zUnit = aUnit[k].zUnit;
          rFactor = aUnit[k].r;
          break;
        }
      }
      /* anything else ("countries", "a year", "of gas") is ignored */
      continue;
    }
    zWhy = "unexpected character";
    goto done;
  }
  if( !bNumber ){ zWhy = "no number"; goto done; }
  p->rValue = r*rScale*rFactor;
  p->rAlt = rAlt*rScale*rFactor;
  rc = 0;

done:
  sqlite3_free(z);
  if( rc && pzWhy ) *pzWhy = zWhy;
  return rc;
}

/* Print v with thousands commas and at most 3 decimals (trailing zeros
** and a bare point dropped). */
static int fmtNumber(double v, char *zBuf, int nBuf){
  char zTmp[64], zOut[96];
  char *zDot;
  int nInt, i, j = 0;
  if( v<0 ){ zOut[j++] = '-'; v = -v; }
  snprintf(zTmp, sizeof(zTmp), "%.3f", v);
  zDot = strchr(zTmp, '.');
  if( zDot ){
    char *zEnd = zTmp + strlen(zTmp) - 1;
    while( zEnd>zDot && *zEnd=='0' ) *zEnd-- = 0;
    if( zEnd==zDot ) *zEnd = 0;
  }
  zDot = strchr(zTmp, '.');
  nInt = zDot ? (int)(zDot-zTmp) : (int)strlen(zTmp);
  for(i=0; i<nInt; i++){
    if( i>0 && (nInt-i)%3==0 ) zOut[j++] = ',';
    zOut[j++] = zTmp[i];
  }
  if( zDot ){
    strcpy(zOut+j, zDot);
    j += (int)strlen(zDot);
  }
  zOut[j] = 0;
  return snprintf(zBuf, (size_t)nBuf, "%s", zOut);
}

int kioskAmountFormat(double rValue, const char *zUnit, int bApprox,
                      char *zBuf, int nBuf){
  char zNum[96];
  const char *zPre = bApprox ? "about " : "";
  int n;
  if( nBuf<=0 ) return 0;
  if( zUnit && strcmp(zUnit, "USD")==0 ){
    double a = fabs(rValue);
    if( a>=1e12 ){
      fmtNumber(rValue/1e12, zNum, sizeof(zNum));
      n = snprintf(zBuf, (size_t)nBuf, "%s$%s trillion", zPre, zNum);
    }else if( a>=1e9 ){
      fmtNumber(rValue/1e9, zNum, sizeof(zNum));
      n = snprintf(zBuf, (size_t)nBuf, "%s$%s billion", zPre, zNum);
    }else if( a>=1e6 ){
      fmtNumber(rValue/1e6, zNum, sizeof(zNum));
      n = snprintf(zBuf, (size_t)nBuf, "%s$%s million", zPre, zNum);
    }else{
      fmtNumber(rValue, zNum, sizeof(zNum));
      n = snprintf(zBuf, (size_t)nBuf, "%s$%s", zPre, zNum);
    }
  }else{
    const char *zSuf = "";
    fmtNumber(rValue, zNum, sizeof(zNum));
    if( zUnit && strcmp(zUnit, "km")==0 ) zSuf = " km";
    else if( zUnit && strcmp(zUnit, "bcm/yr")==0 ) zSuf = " bcm a year";
    n = snprintf(zBuf, (size_t)nBuf, "%s%s%s", zPre, zNum, zSuf);
  }
  if( n>=nBuf ) n = nBuf-1;
  return n;
}

int kioskAmountSame(double a, double b, int bApprox){
  double m = fabs(a)>fabs(b) ? fabs(a) : fabs(b);
  double tol = m*(bApprox ? 0.2 : 0.005);
  if( tol<1e-9 ) tol = 1e-9;
  return fabs(a-b)<=tol;
}

int kioskAmountSigDigits(double v){
  int n;
  v = fabs(v);
  if( v==0 ) return 1;
  for(n=1; n<15; n++){
    double r = kioskAmountRound(v, n);
    if( fabs(r-v)<=v*1e-12 ) return n;
  }
  return 15;
}

double kioskAmountRound(double v, int nSig){
  double e, f;
  if( v==0 || nSig<1 ) return v;
  e = floor(log10(fabs(v)));
  f = pow(10, (double)nSig-1-e);
  return floor(v*f+0.5)/f;
}
