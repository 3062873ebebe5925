/*
** ctlargs.c: the option parser and error printer all kioskctl
** subcommands share.
**
** Options are parsed with getopt_long (GNU conventions): "--db FILE" and
** "--db=FILE" both work, "-o FILE" and "-oFILE", options anywhere among the
** arguments, "--" ends them, and an unambiguous prefix of a long option is
** accepted. "--help" and "-h" print the subcommand's usage (ctlUsage) and
** exit 0.
*/
#include "ctl.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTL_MAX_OPT 32

const char *ctlUsage = 0;

/* The value getopt_long returns for long option aOpt[i]: above any char. */
#define CTL_LONG(i) (0x100 + (i))

/* Print the usage of the running subcommand on stdout and exit 0 (1 when
** it cannot be written). */
static void printHelp(void){
  fputs(ctlUsage ? ctlUsage : "", stdout);
  exit(fflush(stdout)==0 && !ferror(stdout) ? 0 : 1);
}

int ctlParseArgs(const char *zCmd, int argc, char **argv, const CtlOpt *aOpt,
                 const char **azPos, int nPos, int *pnPos){
  struct option aLong[CTL_MAX_OPT+2];
  char zShort[3*CTL_MAX_OPT+4];
  char **azArg = 0;
  int nLong = 0, nShort = 0, n = 0, i, c, rc = 2;

  /* getopt's tables from aOpt: "--name" is long, "-x" short. */
  zShort[nShort++] = ':';   /* a missing value returns ':' */
  zShort[nShort++] = 'h';
  for(i=0; aOpt[i].zName && i<CTL_MAX_OPT; i++){
    const char *z = aOpt[i].zName;
    if( z[1]=='-' ){
      aLong[nLong].name = z+2;
      aLong[nLong].has_arg = aOpt[i].hasValue ? required_argument : no_argument;
      aLong[nLong].flag = 0;
      aLong[nLong].val = CTL_LONG(i);
      nLong++;
    }else{
      zShort[nShort++] = z[1];
      if( aOpt[i].hasValue ) zShort[nShort++] = ':';
    }
  }
  zShort[nShort] = 0;
  aLong[nLong].name = "help";
  aLong[nLong].has_arg = no_argument;
  aLong[nLong].flag = 0;
  aLong[nLong].val = 'h';
  nLong++;
  memset(&aLong[nLong], 0, sizeof(aLong[nLong]));

  /* getopt wants argv[0] and permutes the array: work on a copy. */
  azArg = malloc(sizeof(char *)*(size_t)(argc+2));
  if( azArg==0 ){
    fprintf(stderr, "kioskctl: out of memory\n");
    return 1;
  }
  azArg[0] = (char *)"kioskctl";
  for(i=0; i<argc; i++) azArg[i+1] = argv[i];
  azArg[argc+1] = 0;
  optind = 0;               /* GNU: start afresh */
  opterr = 0;               /* our messages, below */

  while( (c = getopt_long(argc+1, azArg, zShort, aLong, 0))!=-1 ){
    const CtlOpt *p = 0;
    if( c=='h' ) printHelp();
    if( c==':' ){
      fprintf(stderr, "kioskctl: %s: option %s needs a value (kioskctl %s "
              "--help)\n", zCmd, azArg[optind-1], zCmd);
      goto done;
    }
    if( c=='?' ){
      if( optopt>=CTL_LONG(0) ){
        fprintf(stderr, "kioskctl: %s: option %s takes no value\n", zCmd,
                aOpt[optopt-CTL_LONG(0)].zName);
      }else if( optopt ){
        fprintf(stderr, "kioskctl: %s: unknown option \"-%c\" (kioskctl %s "
                "--help)\n", zCmd, optopt, zCmd);
      }else{
        fprintf(stderr, "kioskctl: %s: unknown option \"%s\" (kioskctl %s "
                "--help)\n", zCmd, azArg[optind-1], zCmd);
      }
      goto done;
    }
    if( c>=CTL_LONG(0) ){
      p = &aOpt[c-CTL_LONG(0)];
    }else{
      for(i=0; aOpt[i].zName; i++){
        if( aOpt[i].zName[1]==c && aOpt[i].zName[2]==0 ){
          p = &aOpt[i];
          break;
        }
      }
    }
    if( p==0 ) continue;    /* cannot happen: every option is in aOpt */
    if( p->hasValue ){
      *p->pzValue = optarg;
    }else{
      *p->pbFlag = 1;
    }
  }
  for(i=optind; i<argc+1; i++){
    if( n>=nPos ){
      fprintf(stderr, "kioskctl: %s: too many arguments (kioskctl %s "
              "--help)\n", zCmd, zCmd);
      goto done;
    }
    azPos[n++] = azArg[i];
  }
  *pnPos = n;
  rc = 0;

done:
  free(azArg);
  return rc;
}

void ctlPrintError(const KioskError *pErr){
  char zMsg[2048];
  kioskErrorFormat(pErr, zMsg, (int)sizeof(zMsg));
  fprintf(stderr, "kioskctl: %s\n", zMsg);
}
