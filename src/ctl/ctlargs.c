/*
** ctlargs.c: the small option parser and error printer all kioskctl
** subcommands share.
*/
#include "ctl.h"

#include <stdio.h>
#include <string.h>

int ctlParseArgs(const char *zCmd, int argc, char **argv, const CtlOpt *aOpt,
                 const char **azPos, int nPos, int *pnPos){
  int i, n = 0;
  for(i=0; i<argc; i++){
    const char *z = argv[i];
    const CtlOpt *p;
    if( z[0]=='-' && z[1]=='-' && z[2]==0 ){
      /* "--" ends the options */
      for(i++; i<argc; i++){
        if( n>=nPos ) goto too_many;
        azPos[n++] = argv[i];
      }
      break;
    }
    if( z[0]=='-' && z[1]!=0 ){
      for(p=aOpt; p->zName; p++){
        if( strcmp(p->zName, z)==0 ) break;
      }
      if( p->zName==0 ){
        fprintf(stderr, "kioskctl %s: unknown option \"%s\" "
                "(kioskctl help %s)\n", zCmd, z, zCmd);
        return 2;
      }
      if( p->hasValue ){
        if( i+1>=argc ){
          fprintf(stderr, "kioskctl %s: option %s needs a value\n", zCmd, z);
          return 2;
        }
        *p->pzValue = argv[++i];
      }else{
        *p->pbFlag = 1;
      }
      continue;
    }
    if( n>=nPos ) goto too_many;
    azPos[n++] = z;
  }
  *pnPos = n;
  return 0;

too_many:
  fprintf(stderr, "kioskctl %s: too many arguments (kioskctl help %s)\n",
          zCmd, zCmd);
  return 2;
}

void ctlPrintError(const KioskError *pErr){
  char zMsg[2048];
  kioskErrorFormat(pErr, zMsg, (int)sizeof(zMsg));
  fprintf(stderr, "%s\n", zMsg);
}
