/*
** pin.c: hashing and checking the instructor PIN with yescrypt. See pin.h.
*/
#include "pin.h"

#include <crypt.h>
#include <errno.h>
#include <sqlite3.h>
#include <string.h>

int kioskPinValid(const char *zPin, KioskError *pErr){
  size_t n = strlen(zPin), i;
  if( n<KIOSK_PIN_MIN || n>KIOSK_PIN_MAX ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "PIN", 0, 0, 0,
                         "a PIN has %d to %d characters",
                         KIOSK_PIN_MIN, KIOSK_PIN_MAX);
  }
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)zPin[i];
    if( c<0x20 || c==0x7f ){
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "PIN", 0, 0, 0,
                           "a PIN cannot contain control characters");
    }
  }
  return KIOSK_OK;
}

int kioskPinHash(const char *zPin, char **pzHash, KioskError *pErr){
  char zSalt[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data *pData = 0;
  const char *zOut;
  int rc = KIOSK_OK;

  *pzHash = 0;
  if( kioskPinValid(zPin, pErr) ) return pErr ? (int)pErr->eClass : KIOSK_ERECORDS;
  /* rbytes NULL: libcrypt draws the salt from the OS entropy source. */
  if( crypt_gensalt_rn("$y$", 0, 0, 0, zSalt, (int)sizeof(zSalt))==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "PIN", 0, 0, 0,
                       "cannot make a yescrypt salt: %s", strerror(errno));
    goto done;
  }
  pData = sqlite3_malloc64(sizeof(*pData));
  if( pData==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
    goto done;
  }
  memset(pData, 0, sizeof(*pData));
  zOut = crypt_rn(zPin, zSalt, pData, (int)sizeof(*pData));
  if( zOut==0 || zOut[0]=='*' ){
    rc = kioskErrorSet(pErr, KIOSK_ERECORDS, "PIN", 0, 0, 0,
                       "cannot hash the PIN: %s", strerror(errno));
    goto done;
  }
  *pzHash = sqlite3_mprintf("%s", zOut);
  if( *pzHash==0 ){
    rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }

done:
  if( pData ){
    /* The phrase passed through this buffer: do not leave it in memory. */
    memset(pData, 0, sizeof(*pData));
    sqlite3_free(pData);
  }
  return rc;
}

int kioskPinHashValid(const char *zHash, KioskError *pErr){
  struct crypt_data *pData;
  const char *zOut;
  size_t n = zHash ? strlen(zHash) : 0, i;
  int bOk;
  if( n<8 || n>512 || strncmp(zHash, "$y$", 3)!=0 ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "PINHASH", 0, 0, 0,
                         "not a PIN hash: a yescrypt string ($y$...) is "
                         "expected");
  }
  for(i=0; i<n; i++){
    char c = zHash[i];
    if( !((c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9')
          || c=='.' || c=='/' || c=='$') ){
      return kioskErrorSet(pErr, KIOSK_ERECORDS, "PINHASH", 0, 0, 0,
                           "not a PIN hash: character %d is not one of "
                           "crypt's", (int)i+1);
    }
  }
  pData = sqlite3_malloc64(sizeof(*pData));
  if( pData==0 ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }
  memset(pData, 0, sizeof(*pData));
  zOut = crypt_rn("", zHash, pData, (int)sizeof(*pData));
  bOk = zOut && zOut[0]!='*';
  sqlite3_free(pData);
  if( !bOk ){
    return kioskErrorSet(pErr, KIOSK_ERECORDS, "PINHASH", 0, 0, 0,
                         "not a PIN hash: libcrypt does not read it");
  }
  return KIOSK_OK;
}

int kioskPinVerify(const char *zPin, const char *zHash){
  struct crypt_data *pData;
  const char *zOut;
  size_t nOut, nHash, n, i;
  unsigned char diff;
  int bOk = 0;

  if( zHash==0 || zHash[0]!='$' ) return 0;
  pData = sqlite3_malloc64(sizeof(*pData));
  if( pData==0 ) return 0;
  memset(pData, 0, sizeof(*pData));
  zOut = crypt_rn(zPin, zHash, pData, (int)sizeof(*pData));
  if( zOut && zOut[0]!='*' ){
    nOut = strlen(zOut);
    nHash = strlen(zHash);
    n = nOut>nHash ? nOut : nHash;
    diff = (unsigned char)(nOut!=nHash);
    for(i=0; i<n; i++){
      unsigned char a = i<nOut ? (unsigned char)zOut[i] : 0;
      unsigned char b = i<nHash ? (unsigned char)zHash[i] : 0;
      diff |= (unsigned char)(a ^ b);
    }
    bOk = diff==0;
  }
  memset(pData, 0, sizeof(*pData));
  sqlite3_free(pData);
  return bOk;
}

long long kioskPinPause(int nFail){
  long long iPause = KIOSK_PIN_PAUSE_FIRST;
  int i;
  if( nFail<=KIOSK_PIN_FREE ) return 0;
  for(i=KIOSK_PIN_FREE+1; i<nFail && iPause<KIOSK_PIN_PAUSE_MAX; i++){
    iPause *= 2;
  }
  return iPause<KIOSK_PIN_PAUSE_MAX ? iPause : KIOSK_PIN_PAUSE_MAX;
}
