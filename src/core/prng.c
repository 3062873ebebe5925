/*
** prng.c: splitmix64 (Steele, Lea, Flood 2014; the generator Java's
** SplittableRandom and xoshiro's seeding use). One 64-bit word of state,
** passes BigCrush, fast. See prng.h.
*/
#include "prng.h"

#include <string.h>

void kioskPrngSeed(KioskPrng *p, uint64_t iSeed){
  p->s = iSeed;
}

uint64_t kioskPrngNext(KioskPrng *p){
  uint64_t z = (p->s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t kioskPrngBelow(KioskPrng *p, uint64_t n){
  uint64_t x, lim;
  if( n<=1 ) return 0;
  /* Reject the top partial block so every residue is equally likely. */
  lim = UINT64_MAX - (UINT64_MAX % n);
  do{ x = kioskPrngNext(p); }while( x>=lim );
  return x % n;
}

double kioskPrngUnit(KioskPrng *p){
  return (double)(kioskPrngNext(p) >> 11) * (1.0/9007199254740992.0);
}

void kioskPrngShuffle(KioskPrng *p, void *a, int n, int sz){
  unsigned char *aB = (unsigned char *)a;
  int i;
  if( sz<=0 ) return;
  for(i=n-1; i>0; i--){
    int j = (int)kioskPrngBelow(p, (uint64_t)i+1);
    if( j!=i ){
      /* swapped byte by byte: elements of any size (the quiz's rows are
      ** larger than any fixed buffer would be) */
      unsigned char *x = aB + (size_t)i*sz, *y = aB + (size_t)j*sz;
      int k;
      for(k=0; k<sz; k++){
        unsigned char t = x[k];
        x[k] = y[k];
        y[k] = t;
      }
    }
  }
}

uint64_t kioskPrngMix(uint64_t iSeed, uint64_t iLabel){
  KioskPrng r;
  kioskPrngSeed(&r, iSeed ^ (iLabel * 0xd1b54a32d192ed03ULL));
  kioskPrngNext(&r);
  return kioskPrngNext(&r);
}
