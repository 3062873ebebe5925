/*
** outfile.h: writing a file the user named, without ever replacing what is
** not ours to replace.
**
** Every command that writes a file (results export, pack export -o, pack
** import -o, the desk's export) writes through this, so that what the path
** names decides what happens:
**
**   "-"                   standard output
**   missing               a new file, mode iMode whatever the umask, written
**                         to a unique temporary name beside it and renamed
**                         into place once complete
**   a regular file        replaced atomically once the new content is
**                         complete (same temporary-and-rename), keeping its
**                         mode
**   a symlink             the link stays a link: a regular target is
**                         replaced atomically as above (at the target's
**                         real path); any other target (a device, a FIFO,
**                         /dev/stdout's /proc/self/fd/1) is written through
**   a device, a FIFO      written through (opened for writing, never
**                         renamed over, never removed)
**   a directory           refused
**
** A failed or abandoned write removes its temporary file and leaves the
** path as it was (a write-through target keeps what was already written).
*/
#ifndef KIOSK_OUTFILE_H
#define KIOSK_OUTFILE_H

#include <stdio.h>
#include "kerror.h"

typedef struct KioskOutFile KioskOutFile;

/* iMode for a file anyone may read: 0666 less the umask, as fopen would. */
#define KIOSK_OUT_PUBLIC (-1)

/* Open zPath for writing as described above; iMode is the mode of a file
** created anew, whatever the umask (0600 for anything holding records), or
** KIOSK_OUT_PUBLIC. Returns 0 with *pp set,
** or KIOSK_EIO / KIOSK_ENOMEM with pErr naming zPath. */
int kioskOutOpen(const char *zPath, int iMode, KioskOutFile **pp,
                 KioskError *pErr);

/* The stream to write to (stdout for "-"). Not to be closed by the caller. */
FILE *kioskOutStream(KioskOutFile *p);

/* Flush, sync and put the file in place. Frees p whatever happens. Returns
** 0, or KIOSK_EIO with pErr naming the path (the temporary file removed). */
int kioskOutCommit(KioskOutFile *p, KioskError *pErr);

/* Give up: remove the temporary file (if any) and free p. NULL is a no-op. */
void kioskOutAbort(KioskOutFile *p);

#endif
