/*
** dbkind.c: which file is this? See dbkind.h. Reads, never writes.
*/
#include "dbkind.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Big-endian 32-bit integer at a. */
static int get4(const unsigned char *a){
  return (int)(((unsigned)a[0]<<24) | ((unsigned)a[1]<<16)
               | ((unsigned)a[2]<<8) | (unsigned)a[3]);
}

int kioskDbKind(const char *zPath, KioskDbKind *peKind, int *piAppId,
                KioskError *pErr){
  static const char zMagic[16] = "SQLite format 3";   /* with its NUL */
  unsigned char aHdr[100];
  struct stat st;
  ssize_t n = 0, got;
  int fd;

  *peKind = KIOSK_DB_OTHER;
  *piAppId = 0;
  if( stat(zPath, &st)!=0 ){
    if( errno==ENOENT || errno==ENOTDIR ){
      *peKind = KIOSK_DB_MISSING;
      return KIOSK_OK;
    }
    return kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zPath, 0, 0,
                         "cannot read: %s", strerror(errno));
  }
  if( !S_ISREG(st.st_mode) ) return KIOSK_OK;
  if( st.st_size==0 ){
    *peKind = KIOSK_DB_EMPTY;
    return KIOSK_OK;
  }
  fd = open(zPath, O_RDONLY | O_CLOEXEC);
  if( fd<0 ){
    return kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zPath, 0, 0,
                         "cannot read: %s", strerror(errno));
  }
  while( n<(ssize_t)sizeof(aHdr)
      && (got = read(fd, aHdr+n, sizeof(aHdr)-(size_t)n))!=0 ){
    if( got<0 ){
      if( errno==EINTR ) continue;
      close(fd);
      return kioskErrorSet(pErr, KIOSK_EIO, "OPEN", zPath, 0, 0,
                           "cannot read: %s", strerror(errno));
    }
    n += got;
  }
  close(fd);
  if( n<(ssize_t)sizeof(aHdr) || memcmp(aHdr, zMagic, sizeof(zMagic))!=0 ){
    return KIOSK_OK;
  }
  *piAppId = get4(aHdr+68);
  *peKind = *piAppId==KIOSK_APPID_COURSE ? KIOSK_DB_COURSE
          : *piAppId==KIOSK_APPID_RECORDS ? KIOSK_DB_RECORDS
          : KIOSK_DB_SQLITE;
  return KIOSK_OK;
}

const char *kioskDbKindName(KioskDbKind eKind){
  switch( eKind ){
    case KIOSK_DB_MISSING: return "a missing file";
    case KIOSK_DB_EMPTY:   return "an empty file";
    case KIOSK_DB_COURSE:  return "a kiosk course database";
    case KIOSK_DB_RECORDS: return "a kiosk records database";
    case KIOSK_DB_SQLITE:  return "an SQLite database of another program";
    case KIOSK_DB_OTHER:   break;
  }
  return "a file that is not an SQLite database";
}

/* The tables of course.db before it carried an application_id: schema
** version 1, and version 2 which added "course". Sorted, comma-separated,
** as the query below lists them. */
static const char *const azOldCourse[] = {
  "aliases,countries,events,fact_countries,figures,glossary,initiatives,"
  "lesson_refs,lessons,meta,organizations,people,places,sources,stages",
  "aliases,countries,course,events,fact_countries,figures,glossary,"
  "initiatives,lesson_refs,lessons,meta,organizations,people,places,sources,"
  "stages",
};

int kioskDbIsOldCourse(sqlite3 *db){
  sqlite3_stmt *pStmt = 0;
  int bOld = 0;
  size_t i;
  if( sqlite3_prepare_v2(db,
        "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema"
        " WHERE type='table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        " ORDER BY name)", -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW
   && sqlite3_column_type(pStmt, 0)==SQLITE_TEXT ){
    const char *z = (const char *)sqlite3_column_text(pStmt, 0);
    for(i=0; i<sizeof(azOldCourse)/sizeof(azOldCourse[0]); i++){
      if( strcmp(z, azOldCourse[i])==0 ) bOld = 1;
    }
  }
  sqlite3_finalize(pStmt);
  return bOld;
}
