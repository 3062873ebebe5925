/*
** amount.h: amounts as people type and read them.
**
** Parsing accepts the ways a student writes a figure, for the units the
** course uses (figures.unit: USD, km, bcm/yr, count):
**   "396 million", "$396m", "US$ 396 mln", "0.396 billion", "0,396 bn",
**   "396,000,000", "396 000 000", "396.000.000", "2.5bn", "$2,5 billion",
**   "8000km", "8,000 kilometres", "30 bcm a year",
**   "30 billion cubic metres per year", "about 9 billion dollars", "five".
** Scale words: k/thousand, m/mn/mln/mio/million, b/bn/bln/billion,
** tn/trillion. A separator is a group separator when it is repeated
** ("1,000,000"), when both "," and "." appear (the last one is then the
** decimal mark) or when it is a space or an apostrophe. A single "," or "."
** followed by exactly three digits ("2,500", "2.500") is ambiguous: the
** comma reads as grouping and the point as decimal, and the other reading
** is kept in rAlt, so a scorer can accept either. Any other single ","
** or "." is a decimal mark ("0,396", "2,5").
** Unknown words ("countries", "of gas", "it was") are ignored; a second
** number, or a character that is neither, is an error.
**
** Formatting writes the course's house style: "$396 million",
** "$2.5 billion", "$12,500", "8,000 km", "30 bcm a year", "5";
** "about $9 billion" when approximate.
*/
#ifndef KIOSK_AMOUNT_H
#define KIOSK_AMOUNT_H

typedef struct KioskAmount {
  double rValue;      /* in the unit, unscaled: 396000000 */
  double rAlt;        /* the other reading of an ambiguous separator;
                      ** equal to rValue when there is none */
  const char *zUnit;  /* static "USD", "km", "bcm/yr"; NULL when the text
                      ** names no unit */
  int bApprox;        /* "about", "~", "c." was written */
} KioskAmount;

/* Parse z. Returns 0 and fills *p, or 1 and sets *pzWhy (a static English
** phrase, may be NULL) when z holds no readable amount. */
int kioskAmountParse(const char *z, KioskAmount *p, const char **pzWhy);

/* Write rValue in zUnit (NULL or "count": a bare number) into zBuf in
** house style. Returns the length written (truncated to nBuf-1). */
int kioskAmountFormat(double rValue, const char *zUnit, int bApprox,
                      char *zBuf, int nBuf);

/* 1 when a and b would pass for the same figure: within 0.5% of the larger
** (rounding in print), or within 20% when either is approximate. */
int kioskAmountSame(double a, double b, int bApprox);

/* The number of significant digits of v (1..15): 396000000 -> 3,
** 2500000000 -> 2, 8000 -> 1. */
int kioskAmountSigDigits(double v);

/* v rounded to nSig significant digits. */
double kioskAmountRound(double v, int nSig);

#endif
