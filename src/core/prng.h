/*
** prng.h: a small seeded pseudo-random generator (splitmix64).
**
** Everything random in the kiosk (quiz generation, option order, review
** shuffles) draws from a KioskPrng seeded by the caller, never from
** random() or the clock, so the same seed gives the same output on every
** platform. Not for anything secret.
*/
#ifndef KIOSK_PRNG_H
#define KIOSK_PRNG_H

#include <stdint.h>

typedef struct KioskPrng {
  uint64_t s;          /* the whole state */
} KioskPrng;

/* Start the generator from iSeed (any value, 0 included). */
void kioskPrngSeed(KioskPrng *p, uint64_t iSeed);

/* The next 64 random bits. */
uint64_t kioskPrngNext(KioskPrng *p);

/* A uniform integer in [0, n); 0 when n<=1. Unbiased (rejection). */
uint64_t kioskPrngBelow(KioskPrng *p, uint64_t n);

/* A uniform double in [0, 1). */
double kioskPrngUnit(KioskPrng *p);

/* Shuffle n elements of sz bytes at a in place (Fisher-Yates), of any
** size. */
void kioskPrngShuffle(KioskPrng *p, void *a, int n, int sz);

/* Derive an independent seed from iSeed and a small label (e.g. a question
** slot): the same inputs always give the same output. */
uint64_t kioskPrngMix(uint64_t iSeed, uint64_t iLabel);

#endif
