/*
** outfile.c: writing a file the user named (see outfile.h for what each
** kind of path gets). Not here: what is written; callers format into the
** stream kioskOutStream gives them.
*/
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

struct KioskOutFile {
  FILE *out;          /* the stream written to */
  char *zPath;        /* the path as given (for messages) */
  char *zTarget;      /* the file replaced at commit, NULL: written through */
  char *zTmp;         /* the temporary file, NULL: written through */
  int bStdout;        /* out is stdout: never closed */
};

static int ioError(KioskError *pErr, const char *zPath, const char *zWhat,
                   int e){
  return kioskErrorSet(pErr, KIOSK_EIO, "WRITE", zPath, 0, 0, "%s: %s",
                       zWhat, strerror(e));
}

static void outFree(KioskOutFile *p){
  sqlite3_free(p->zPath);
  sqlite3_free(p->zTarget);
  sqlite3_free(p->zTmp);
  sqlite3_free(p);
}

/* Set fd's mode to iMode. A file system without modes (vfat) refuses with
** EPERM or ENOTSUP: that is not an error of ours. Returns 0 or errno. */
static int setMode(int fd, int iMode){
  if( iMode==KIOSK_OUT_PUBLIC ){
    mode_t m = umask(0);
    umask(m);
    iMode = (int)(0666 & ~m);
  }
  if( fchmod(fd, (mode_t)iMode)!=0
   && errno!=EPERM && errno!=ENOTSUP && errno!=EOPNOTSUPP ){
    return errno;
  }
  return 0;
}

/* A new temporary file beside zTarget, mode iMode (and, for root, the
** owner of the file it replaces, pSt may be NULL). */
static int openTemp(KioskOutFile *p, int iMode, const struct stat *pSt,
                    KioskError *pErr){
  int fd, e;
  p->zTmp = sqlite3_mprintf("%s.tmp-XXXXXX", p->zTarget);
  if( p->zTmp==0 ){
    return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }
  fd = mkstemp(p->zTmp);
  if( fd<0 ){
    e = errno;
    sqlite3_free(p->zTmp);
    p->zTmp = 0;
    return ioError(pErr, p->zPath, "cannot create a file beside it", e);
  }
  if( (e = setMode(fd, iMode))!=0 ){
    close(fd);
    return ioError(pErr, p->zPath, "cannot set the mode", e);
  }
  if( pSt && geteuid()==0 && (pSt->st_uid!=0 || pSt->st_gid!=0) ){
    /* root replacing a user's file gives it back to that user */
    if( fchown(fd, pSt->st_uid, pSt->st_gid)!=0 ){
      e = errno;
      close(fd);
      return ioError(pErr, p->zPath, "cannot keep the owner", e);
    }
  }
  p->out = fdopen(fd, "wb");
  if( p->out==0 ){
    e = errno;
    close(fd);
    return ioError(pErr, p->zPath, "cannot write", e);
  }
  return KIOSK_OK;
}

/* Open zPath itself for writing (a device, FIFO, /proc link or a dangling
** symlink's target). */
static int openThrough(KioskOutFile *p, int iMode, int bCreate, int bTrunc,
                       KioskError *pErr){
  int fd, e;
  int oflags = O_WRONLY | O_NOCTTY | O_CLOEXEC
             | (bCreate ? O_CREAT : 0) | (bTrunc ? O_TRUNC : 0);
  fd = open(p->zPath, oflags, (mode_t)(iMode<0 ? 0666 : iMode));
  if( fd<0 ) return ioError(pErr, p->zPath, "cannot open for writing", errno);
  if( bCreate && (e = setMode(fd, iMode))!=0 ){
    close(fd);
    return ioError(pErr, p->zPath, "cannot set the mode", e);
  }
  p->out = fdopen(fd, "wb");
  if( p->out==0 ){
    e = errno;
    close(fd);
    return ioError(pErr, p->zPath, "cannot write", e);
  }
  return KIOSK_OK;
}

/* 1 when the symlink zPath points into /proc (/dev/stdout, /dev/fd/N):
** such a target is the process's own descriptor, never a file to replace. */
static int linksIntoProc(const char *zPath){
  char zLink[PATH_MAX];
  ssize_t n = readlink(zPath, zLink, sizeof(zLink)-1);
  if( n<=0 ) return 0;
  zLink[n] = 0;
  return strncmp(zLink, "/proc/", 6)==0;
}

int kioskOutOpen(const char *zPath, int iMode, KioskOutFile **pp,
                 KioskError *pErr){
  KioskOutFile *p;
  struct stat st;
  int rc;

  *pp = 0;
  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0,
                                  "out of memory");
  memset(p, 0, sizeof(*p));
  p->zPath = sqlite3_mprintf("%s", zPath);
  if( p->zPath==0 ){
    outFree(p);
    return kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
  }

  if( strcmp(zPath, "-")==0 ){
    p->out = stdout;
    p->bStdout = 1;
    *pp = p;
    return KIOSK_OK;
  }
  if( zPath[0]==0 ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "WRITE", 0, 0, 0,
                       "an empty file name");
    goto fail;
  }

  if( lstat(zPath, &st)!=0 ){
    if( errno!=ENOENT ){
      rc = ioError(pErr, zPath, "cannot write", errno);
      goto fail;
    }
    /* A new file. */
    p->zTarget = sqlite3_mprintf("%s", zPath);
    if( p->zTarget==0 ) goto no_mem;
    rc = openTemp(p, iMode, 0, pErr);
  }else if( S_ISLNK(st.st_mode) ){
    struct stat stTo;
    if( stat(zPath, &stTo)!=0 ){
      if( errno!=ENOENT ){
        rc = ioError(pErr, zPath, "cannot write", errno);
        goto fail;
      }
      /* Dangling: create its target, leaving the link as it is. */
      rc = openThrough(p, iMode, 1, 1, pErr);
    }else if( S_ISDIR(stTo.st_mode) ){
      rc = kioskErrorSet(pErr, KIOSK_EIO, "WRITE", zPath, 0, 0,
                         "is a directory");
    }else if( S_ISREG(stTo.st_mode) && !linksIntoProc(zPath) ){
      char *zReal = realpath(zPath, 0);
      if( zReal==0 ){
        rc = ioError(pErr, zPath, "cannot resolve the link", errno);
        goto fail;
      }
      p->zTarget = sqlite3_mprintf("%s", zReal);
      free(zReal);
      if( p->zTarget==0 ) goto no_mem;
      rc = openTemp(p, (int)(stTo.st_mode & 07777), &stTo, pErr);
    }else{
      rc = openThrough(p, iMode, 0, S_ISREG(stTo.st_mode), pErr);
    }
  }else if( S_ISREG(st.st_mode) ){
    p->zTarget = sqlite3_mprintf("%s", zPath);
    if( p->zTarget==0 ) goto no_mem;
    rc = openTemp(p, (int)(st.st_mode & 07777), &st, pErr);
  }else if( S_ISDIR(st.st_mode) ){
    rc = kioskErrorSet(pErr, KIOSK_EIO, "WRITE", zPath, 0, 0,
                       "is a directory");
  }else{
    /* A device, a FIFO, a socket: written through, never replaced. */
    rc = openThrough(p, iMode, 0, 0, pErr);
  }
  if( rc ) goto fail;
  *pp = p;
  return KIOSK_OK;

no_mem:
  rc = kioskErrorSet(pErr, KIOSK_ENOMEM, 0, 0, 0, 0, "out of memory");
fail:
  kioskOutAbort(p);
  return rc;
}

FILE *kioskOutStream(KioskOutFile *p){ return p->out; }

int kioskOutCommit(KioskOutFile *p, KioskError *pErr){
  int rc = KIOSK_OK, e = 0;
  if( p->bStdout ){
    if( fflush(stdout)!=0 || ferror(stdout) ){
      rc = ioError(pErr, 0, "cannot write to standard output",
                   errno ? errno : EIO);
    }
    outFree(p);
    return rc;
  }
  if( fflush(p->out)!=0 || ferror(p->out) ) e = errno ? errno : EIO;
  /* A temporary file is synced before it takes the old one's place; a
  ** device or FIFO written through has nothing to sync. */
  if( e==0 && p->zTmp && fsync(fileno(p->out))!=0 ) e = errno;
  if( fclose(p->out)!=0 && e==0 ) e = errno;
  p->out = 0;
  if( e==0 && p->zTmp && rename(p->zTmp, p->zTarget)!=0 ) e = errno;
  if( e ){
    rc = ioError(pErr, p->zPath, "cannot write", e);
    kioskOutAbort(p);
    return rc;
  }
  sqlite3_free(p->zTmp);
  p->zTmp = 0;
  outFree(p);
  return KIOSK_OK;
}

void kioskOutAbort(KioskOutFile *p){
  if( p==0 ) return;
  if( p->out && !p->bStdout ) fclose(p->out);
  if( p->zTmp ) (void)unlink(p->zTmp);
  outFree(p);
}
