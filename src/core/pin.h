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

/* 0 when zHash is a yescrypt string as kioskPinHash makes them ("$y$",
** then only crypt's characters, at most 512 bytes, and accepted by
** crypt_rn as a setting): what a kiosk may store as its PIN hash when it
** comes from elsewhere (the class server). Else KIOSK_ERECORDS "PINHASH".
** Never a PIN: a plain PIN fails this check. */
int kioskPinHashValid(const char *zHash, KioskError *pErr);

/* 1 when zPin hashes to zHash under zHash's own salt, else 0 (also for a
** malformed hash or out of memory). The comparison takes the same time
** wherever the strings differ. */
int kioskPinVerify(const char *zPin, const char *zHash);

/*
** The throttle on wrong PINs. KIOSK_PIN_FREE wrong PINs in a row are
** free; the next ones each start a pause, 30 seconds after the third,
** doubling with every further wrong PIN up to KIOSK_PIN_PAUSE_MAX. The
** count goes back to 0 only with the right PIN (or a new PIN set). The
** records keep the count and the end of the pause (reclog.c), so a
** restart changes nothing: at the cap, all 4-digit PINs take years.
*/
#define KIOSK_PIN_FREE 2
#define KIOSK_PIN_PAUSE_FIRST 30
#define KIOSK_PIN_PAUSE_MAX 3600

/* Seconds to refuse every PIN after the nFail-th wrong one in a row:
** 0 for nFail <= KIOSK_PIN_FREE, then 30, 60, 120, ... at most
** KIOSK_PIN_PAUSE_MAX. Never fails. */
long long kioskPinPause(int nFail);

#endif
