/*
** kerror.c: filling and formatting KioskError. See kerror.h.
*/
#include "kerror.h"

#include <stdio.h>
#include <string.h>

void kioskErrorClear(KioskError *pErr){
  if( pErr==0 ) return;
  memset(pErr, 0, sizeof(*pErr));
}

int kioskErrorSet(KioskError *pErr, KioskErrClass eClass, const char *zCode,
                  const char *zFile, int iLine, int iCol,
                  const char *zFmt, ...){
  va_list ap;
  if( pErr==0 ) return (int)eClass;
  pErr->eClass = eClass;
  snprintf(pErr->zCode, sizeof(pErr->zCode), "%s", zCode ? zCode : "");
  snprintf(pErr->zFile, sizeof(pErr->zFile), "%s", zFile ? zFile : "");
  pErr->iLine = iLine;
  pErr->iCol = iCol;
  va_start(ap, zFmt);
  vsnprintf(pErr->zMsg, sizeof(pErr->zMsg), zFmt, ap);
  va_end(ap);
  return (int)eClass;
}

void kioskErrorFormat(const KioskError *pErr, char *zBuf, int nBuf){
  if( nBuf<=0 ) return;
  if( pErr->zFile[0] && pErr->iLine>0 && pErr->iCol>0 ){
    snprintf(zBuf, (size_t)nBuf, "%s:%d:%d: %s",
             pErr->zFile, pErr->iLine, pErr->iCol, pErr->zMsg);
  }else if( pErr->zFile[0] && pErr->iLine>0 ){
    snprintf(zBuf, (size_t)nBuf, "%s:%d: %s",
             pErr->zFile, pErr->iLine, pErr->zMsg);
  }else if( pErr->zFile[0] ){
    snprintf(zBuf, (size_t)nBuf, "%s: %s", pErr->zFile, pErr->zMsg);
  }else{
    snprintf(zBuf, (size_t)nBuf, "%s", pErr->zMsg);
  }
}

const char *kioskErrorClassName(KioskErrClass eClass){
  static const char *const azName[] = {
    "OK", "CSV", "COURSE", "LESSON", "QUIZ", "PACK", "GIFT", "RECORDS",
    "DB", "IO", "ARG", "NOMEM", "CLASS"
  };
  if( (int)eClass<0 || (size_t)eClass>=sizeof(azName)/sizeof(azName[0]) ){
    return "UNKNOWN";
  }
  return azName[eClass];
}
