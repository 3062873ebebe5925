/*
** classsync.h: a kiosk and its class on PostgreSQL, through libpq.
**
** The class database (class-1.sql and later migrations, compiled in) holds
** what many kiosks share. This module connects to it (a libpq connection
** string, or "" for the environment: PGSERVICE, PGHOST, ~/.pgpass...),
** creates or migrates its schema, sends a records database's outbox
** (outbox.h) batch by batch, brings the teacher's roster, packs and
** settings down into records.db, publishes them from a teacher's
** records.db, and reads the class's results. doc/class.md is the
** user-level description.
**
** It is the only core file that includes libpq-fe.h: it is built into
** kioskctl only, never into the Tcl module, so the kiosk loads and runs
** without libpq and a slow or missing server can never stall a screen (the
** kiosk runs `kioskctl class sync` beside itself).
**
** Every value goes to the server as a bound parameter (PQexecParams); the
** only SQL text sent unbound is the compiled-in migrations and constant
** statements. Every function returns 0 or an error class with pErr filled
** (KIOSK_ECLASS with codes CONNECT, SCHEMA, QUERY, VERSION, SEND...).
*/
#ifndef KIOSK_CLASSSYNC_H
#define KIOSK_CLASSSYNC_H

#include "kerror.h"
#include "outbox.h"
#include "records.h"

/* The schema version this build writes (the number of migrations). */
#define KIOSK_CLASS_SCHEMA_VERSION 2

/* The migrations, in order, compiled in from class-N.sql; NULL-ended. */
extern const char *const kioskClassMigrationSql[];

typedef struct KioskClass KioskClass;

/* Connect with zConn (a libpq connection string or URI; "" uses the
** environment and ~/.pgpass, PGSERVICE...). A connect_timeout of 10 s
** applies unless zConn sets one. On success *pp is the caller's to close. */
int kioskClassConnect(const char *zConn, KioskClass **pp, KioskError *pErr);
void kioskClassClose(KioskClass *p);

/* 0 when zConn parses as a connection string without a password (what a
** kiosk may store); "CONN" or "PASSWORD" (KIOSK_EARG) otherwise. */
int kioskClassConnCheck(const char *zConn, KioskError *pErr);

/* *piVersion: the class schema's version, 0 when there is none. */
int kioskClassVersion(KioskClass *p, int *piVersion, KioskError *pErr);

/* Create or migrate the schema up to KIOSK_CLASS_SCHEMA_VERSION, each
** migration in its own transaction (taken under an advisory lock, so two
** at once are safe). *piFrom: the version found. A newer schema than this
** build knows fails with "VERSION". */
int kioskClassInit(KioskClass *p, int *piFrom, KioskError *pErr);

/* Fail with "VERSION" unless the schema is the one this build knows. */
int kioskClassCheck(KioskClass *p, KioskError *pErr);

/* Send one batch for kiosk zKiosk in one transaction; *pnAdded: the rows
** the server did not have (0 for a batch it has seen). */
int kioskClassSend(KioskClass *p, const char *zKiosk,
                   const KioskOutboxBatch *pBatch, long long *pnAdded,
                   KioskError *pErr);

typedef struct KioskClassSync {
  int nBatch;         /* batches committed by the server */
  int nSent;          /* outbox rows sent and marked */
  long long nAdded;   /* rows new to the server */
} KioskClassSync;

/* Send every pending row of db's outbox in seq order, nBatch rows per
** batch; each batch is marked sent (at iNow) once the server committed
** it. On an error the rows not yet marked stay pending; *pStat counts
** what was done until then. */
int kioskClassUpload(KioskClass *p, sqlite3 *db, const char *zKiosk,
                     int nBatch, long long iNow, KioskClassSync *pStat,
                     KioskError *pErr);

typedef struct KioskClassPull {
  int nPack;          /* packs installed or replaced */
  int nStudent;       /* students added to the roster */
  int nSetting;       /* settings written */
  int bPin;           /* the PIN hash written (it differed) */
  int nAttempt;       /* attempts taken in or brought up to date */
  int nReview;        /* review states taken in */
  int nLesson;        /* lessons read taken in */
} KioskClassPull;

/* Bring the class's roster (students added), packs (installed when new or
** changed; the active one activated), settings and the instructor PIN
** hash into pRec; on a kiosk that joined (class.kiosk), also what other
** kiosks recorded since the last pull: attempts (with their questions and
** answers; an open one only where it may be carried on), review states
** and lessons read (classimport.h). The class wins: a setting or PIN hash the teacher
** published replaces the kiosk's own (doc/class.md). Only the hash
** travels; a PIN never leaves the machine where it was typed. */
int kioskClassPullInto(KioskClass *p, KioskRecords *pRec, long long iNow,
                       KioskClassPull *pStat, KioskError *pErr);

/* A setting of pRec (sqlite3_malloc'd), *pz NULL when it was never set
** and has no default (class.conn on a kiosk that has not joined). */
int kioskClassSetting(KioskRecords *pRec, const char *zKey, char **pz,
                      KioskError *pErr);

/* Publish pRec's packs (and which is active), settings (not class.*) and
** its PIN hash (when one is set) to the class, in one transaction.
** Teacher only. */
int kioskClassPublish(KioskClass *p, KioskRecords *pRec,
                      KioskClassPull *pStat, KioskError *pErr);

/* The roster: add or remove (keep records) one student by name. */
int kioskClassRosterAdd(KioskClass *p, const char *zName, int *pbAdded,
                        KioskError *pErr);
int kioskClassRosterRemove(KioskClass *p, const char *zName, int *pbRemoved,
                           KioskError *pErr);

/* Rows of a query, as text: azVal[i] NULL for SQL NULL. A non-zero return
** stops the listing and is returned. */
typedef int (*KioskClassRowFn)(void *pArg, int nCol, const char *const *azCol,
                               const char *const *azVal);

/* The class's results, one row per attempt (zPack NULL for all): uid
** student kiosk kind pack stage status started finished answered correct
** score, by student then start. */
int kioskClassResults(KioskClass *p, const char *zPack, KioskClassRowFn xRow,
                      void *pArg, KioskError *pErr);
/* The packs the class publishes: id title version active updated, by id. */
int kioskClassPacks(KioskClass *p, KioskClassRowFn xRow, void *pArg,
                    KioskError *pErr);
/* The roster: name, current students by name. */
int kioskClassRoster(KioskClass *p, KioskClassRowFn xRow, void *pArg,
                     KioskError *pErr);
/* The kiosks that sent something: name role first_seen last_seen
** received (rows). */
int kioskClassKiosks(KioskClass *p, KioskClassRowFn xRow, void *pArg,
                     KioskError *pErr);
/* Current students, attempts and answers on the server. */
int kioskClassCounts(KioskClass *p, long long *pnStudent,
                     long long *pnAttempt, long long *pnAnswer,
                     KioskError *pErr);

#endif
