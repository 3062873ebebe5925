/*
** pin.h: the instructor PIN, hashed with libcrypt's yescrypt.
**
** The PIN itself is never stored: only the string crypt_rn returns for it
** under a fresh "$y$" salt from crypt_gensalt_rn. Salts need real entropy,
** so unlike quizzes (seeded) they come from libcrypt, which reads the
** operating system's random source.
*/
#ifndef KIOSK_PIN_H
#define KIOSK_PIN_H

#include "kerror.h"

#define KIOSK_PIN_MIN 4
#define KIOSK_PIN_MAX 64

/* 0 when zPin is an acceptable PIN (KIOSK_PIN_MIN..MAX bytes, no control
** characters), else fills pErr (KIOSK_ERECORDS "PIN") and returns its class. */
int kioskPinValid(const char *zPin, KioskError *pErr);

/* Hash zPin. On success *pzHash is a sqlite3_malloc'd "$y$..." string the
** caller frees with sqlite3_free; on failure it is NULL and pErr says why. */
int kioskPinHash(const char *zPin, char **pzHash, KioskError *pErr);

/* 1 when zPin hashes to zHash under zHash's own salt, else 0 (also for a
** malformed hash or out of memory). The comparison takes the same time
** wherever the strings differ. */
int kioskPinVerify(const char *zPin, const char *zHash);

#endif
