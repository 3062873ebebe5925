/*
** test-prng.c: unit tests of the seeded generator (prng.c).
*/
#include "prng.h"
#include "harness.h"

static void testKnownValues(void){
  /* splitmix64 reference outputs for seed 0 and seed 1234567 */
  KioskPrng r;
  kioskPrngSeed(&r, 0);
  CHECK(kioskPrngNext(&r)==0xe220a8397b1dcdafULL);
  CHECK(kioskPrngNext(&r)==0x6e789e6aa1b965f4ULL);
  kioskPrngSeed(&r, 1234567);
  CHECK(kioskPrngNext(&r)==0x599ed017fb08fc85ULL);
}

static void testBelow(void){
  KioskPrng r;
  int aCount[7] = {0}, i;
  kioskPrngSeed(&r, 42);
  CHECK_INT((long long)kioskPrngBelow(&r, 0), 0);
  CHECK_INT((long long)kioskPrngBelow(&r, 1), 0);
  for(i=0; i<70000; i++){
    uint64_t x = kioskPrngBelow(&r, 7);
    CHECK(x<7);
    if( x<7 ) aCount[x]++;
  }
  for(i=0; i<7; i++) CHECK(aCount[i]>9500 && aCount[i]<10500);
  for(i=0; i<1000; i++){
    double u = kioskPrngUnit(&r);
    CHECK(u>=0 && u<1);
  }
}

static void testShuffleAndDeterminism(void){
  KioskPrng r1, r2;
  int a[10], b[10], i, nSame = 0, aSeen[10] = {0};
  for(i=0; i<10; i++) a[i] = b[i] = i;
  kioskPrngSeed(&r1, 7);
  kioskPrngSeed(&r2, 7);
  kioskPrngShuffle(&r1, a, 10, (int)sizeof(int));
  kioskPrngShuffle(&r2, b, 10, (int)sizeof(int));
  for(i=0; i<10; i++){
    CHECK_INT(a[i], b[i]);
    if( a[i]==i ) nSame++;
    aSeen[a[i]]++;
  }
  for(i=0; i<10; i++) CHECK_INT(aSeen[i], 1);
  CHECK(nSame<10);
  {
    /* elements larger than 256 bytes are shuffled too (the quiz's rows
    ** are; they once were silently left in order) */
    struct Big { int i; char pad[300]; } big[8];
    int nMoved = 0;
    for(i=0; i<8; i++){ big[i].i = i; memset(big[i].pad, i, sizeof(big[i].pad)); }
    kioskPrngShuffle(&r1, big, 8, (int)sizeof(big[0]));
    for(i=0; i<8; i++){
      if( big[i].i!=i ) nMoved++;
      CHECK(big[i].pad[299]==big[i].i && big[i].pad[0]==big[i].i);
    }
    CHECK(nMoved>0);
  }
  CHECK(kioskPrngMix(1, 2)==kioskPrngMix(1, 2));
  CHECK(kioskPrngMix(1, 2)!=kioskPrngMix(1, 3));
  CHECK(kioskPrngMix(1, 2)!=kioskPrngMix(2, 2));
}

int main(void){
  testKnownValues();
  testBelow();
  testShuffleAndDeterminism();
  return HARNESS_DONE("test-prng");
}
