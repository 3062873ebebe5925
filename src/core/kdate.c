/*
** kdate.c: parsing, checking and formatting KDATE text. See kdate.h.
**
** Not here: anything about SQLite or CSV (csvload.c calls kioskDateParse),
** and no locale: month names are English; the UI translates around them.
*/
#include "kdate.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Parser state: the text, its length, the cursor and the first error. */
typedef struct DateParse {
  const char *z;
  int n;
  int i;
  int iErr;            /* byte offset of the error */
  const char *zWhy;
} DateParse;

static int fail(DateParse *p, int i, const char *zWhy){
  p->iErr = i;
  p->zWhy = zWhy;
  return 1;
}

static int isLeap(int y){
  return (y%4==0 && y%100!=0) || y%400==0;
}

static int daysIn(int y, int m){
  static const int aDays[] = {31,28,31,30,31,30,31,31,30,31,30,31};
  if( m==2 && isLeap(y) ) return 29;
  return aDays[m-1];
}

/* Read exactly nDigit decimal digits at p->i into *pV. */
static int digits(DateParse *p, int nDigit, int *pV, const char *zWhy){
  int k, v = 0;
  for(k=0; k<nDigit; k++){
    char c = p->i+k<p->n ? p->z[p->i+k] : 0;
    if( c<'0' || c>'9' ) return fail(p, p->i, zWhy);
    v = v*10 + (c-'0');
  }
  /* A fifth digit where four were expected is as wrong as three. The
  ** column is the component's start. */
  if( p->i+nDigit<p->n && p->z[p->i+nDigit]>='0' && p->z[p->i+nDigit]<='9' ){
    return fail(p, p->i, zWhy);
  }
  p->i += nDigit;
  *pV = v;
  return 0;
}

/* One point: YYYY, YYYY-MM or YYYY-MM-DD. */
static int point(DateParse *p, int *pY, int *pM, int *pD){
  int iStart = p->i;
  *pM = *pD = 0;
  if( digits(p, 4, pY, "year must be four digits") ) return 1;
  if( *pY==0 ) return fail(p, iStart, "year 0000 does not exist");
  if( p->i<p->n && p->z[p->i]=='-' ){
    int iM;
    p->i++;
    iM = p->i;
    if( digits(p, 2, pM, "month must be two digits") ) return 1;
    if( *pM<1 || *pM>12 ) return fail(p, iM, "month must be 01 to 12");
    if( p->i<p->n && p->z[p->i]=='-' ){
      int iD;
      p->i++;
      iD = p->i;
      if( digits(p, 2, pD, "day must be two digits") ) return 1;
      if( *pD<1 || *pD>daysIn(*pY, *pM) ){
        return fail(p, iD, "no such day in that month");
      }
    }
  }
  return 0;
}

/* Days since a fixed epoch, for ordering two points: the first day a point
** covers (bLast==0) or its last day (bLast==1). */
static long dayKey(int y, int m, int d, int bLast){
  if( m==0 ) m = bLast ? 12 : 1;
  if( d==0 ) d = bLast ? daysIn(y, m) : 1;
  return ((long)y*12 + (m-1))*31 + (d-1);
}

/* Column in characters of byte offset i within z. */
static int charCol(const char *z, int n, int i){
  int k, col = 1;
  for(k=0; k<i && k<n; k++){
    if( (((unsigned char)z[k]) & 0xC0)!=0x80 ) col++;
  }
  return col;
}

static int parseAll(DateParse *p, KioskDate *pDate){
  KioskDate d;
  int iEnd;
  memset(&d, 0, sizeof(d));
  if( p->n==0 ) return fail(p, 0, "empty date");
  if( p->z[0]=='~' ){
    d.bApprox = 1;
    p->i = 1;
  }
  if( point(p, &d.y0, &d.m0, &d.d0) ) return 1;
  if( p->i==p->n ){
    if( d.bApprox ){
      return fail(p, 0, "\"~\" needs a range, as in ~2000..2003");
    }
    d.y1 = d.y0; d.m1 = d.m0; d.d1 = d.d0;
    d.ePrec = d.d0 ? KDATE_DAY : d.m0 ? KDATE_MONTH : KDATE_YEAR;
    *pDate = d;
    return 0;
  }
  if( p->i+1>=p->n || p->z[p->i]!='.' || p->z[p->i+1]!='.' ){
    return fail(p, p->i, "expected \"..\" or the end of the date");
  }
  p->i += 2;
  iEnd = p->i;
  if( point(p, &d.y1, &d.m1, &d.d1) ) return 1;
  if( p->i<p->n ) return fail(p, p->i, "unexpected text after the date");
  if( dayKey(d.y1, d.m1, d.d1, 0)<=dayKey(d.y0, d.m0, d.d0, 1) ){
    return fail(p, iEnd, "range end must come after its start");
  }
  d.ePrec = KDATE_RANGE;
  *pDate = d;
  return 0;
}

int kioskDateParse(const char *z, int n, KioskDate *pDate, int *piCol,
                   const char **pzWhy){
  DateParse p;
  KioskDate d;
  if( z==0 ){ z = ""; n = 0; }
  if( n<0 ) n = (int)strlen(z);
  memset(&p, 0, sizeof(p));
  p.z = z;
  p.n = n;
  if( parseAll(&p, &d) ){
    if( piCol ) *piCol = charCol(z, n, p.iErr);
    if( pzWhy ) *pzWhy = p.zWhy;
    return 1;
  }
  if( pDate ) *pDate = d;
  return 0;
}

int kioskDateValid(const char *z){
  return kioskDateParse(z, -1, 0, 0, 0)==0;
}

const char *kioskDateMonthName(int m){
  static const char *const azMonth[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
  };
  if( m<1 || m>12 ) return "";
  return azMonth[m-1];
}

/* Append to a bounded buffer; *pN is the length so far. */
static void put(char *zBuf, int nBuf, int *pN, const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 4, 5)))
#endif
  ;
static void put(char *zBuf, int nBuf, int *pN, const char *zFmt, ...){
  va_list ap;
  int r;
  if( *pN>=nBuf-1 ) return;
  va_start(ap, zFmt);
  r = vsnprintf(zBuf+*pN, (size_t)(nBuf-*pN), zFmt, ap);
  va_end(ap);
  if( r<0 ) return;
  *pN += r;
  if( *pN>nBuf-1 ) *pN = nBuf-1;
}

/* One point in full: "15 October 2018", "October 1991", "1992". */
static void putPoint(char *zBuf, int nBuf, int *pN, int y, int m, int d){
  if( d ) put(zBuf, nBuf, pN, "%d %s %d", d, kioskDateMonthName(m), y);
  else if( m ) put(zBuf, nBuf, pN, "%s %d", kioskDateMonthName(m), y);
  else put(zBuf, nBuf, pN, "%d", y);
}

int kioskDateFormat(const KioskDate *p, char *zBuf, int nBuf){
  int n = 0;
  if( nBuf<=0 ) return 0;
  zBuf[0] = 0;
  if( p->bApprox ) put(zBuf, nBuf, &n, "c. ");
  if( p->ePrec!=KDATE_RANGE ){
    putPoint(zBuf, nBuf, &n, p->y0, p->m0, p->d0);
  }else if( p->y0==p->y1 && p->m0 && p->m1 && !p->d0 && !p->d1 ){
    /* October-November 2015 */
    put(zBuf, nBuf, &n, "%s-%s %d", kioskDateMonthName(p->m0),
        kioskDateMonthName(p->m1), p->y1);
  }else if( p->y0==p->y1 && p->m0==p->m1 && p->d0 && p->d1 ){
    /* 3-5 October 2015 */
    put(zBuf, nBuf, &n, "%d-%d %s %d", p->d0, p->d1,
        kioskDateMonthName(p->m1), p->y1);
  }else{
    putPoint(zBuf, nBuf, &n, p->y0, p->m0, p->d0);
    put(zBuf, nBuf, &n, "-");
    putPoint(zBuf, nBuf, &n, p->y1, p->m1, p->d1);
  }
  return n;
}

int kioskDateOverlapsYear(const KioskDate *p, int y){
  return y>=p->y0 && y<=p->y1;
}

int kioskDateCertainlyNotYear(const KioskDate *p, int y){
  int slack = p->bApprox && p->m0==0 ? 1 : 0;
  return y<p->y0-slack || y>p->y1+slack;
}
