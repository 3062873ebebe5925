/*
** test-gradebook.c: roster import (all or nothing, errors by line and
** column) and the grade summary for Moodle's grade import (gradebook.c).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

#include "harness.h"
#include "gradebook.h"
#include "records.h"
#include "recfixture.h"

static int nStudents(KioskRecords *p){
  sqlite3_stmt *pStmt = 0;
  int n = -1;
  if( sqlite3_prepare_v2(kioskRecordsDb(p), "SELECT count(*) FROM students",
                         -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return n;
}

static int nRoster(KioskRecords *p){
  sqlite3_stmt *pStmt = 0;
  int n = -1;
  if( sqlite3_prepare_v2(kioskRecordsDb(p), "SELECT count(*) FROM settings"
                         " WHERE key LIKE 'roster.%'", -1, &pStmt,
                         0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    n = sqlite3_column_int(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  return n;
}

/* Import z; the errors formatted one a line into zErrs. */
static int import(KioskRecords *p, const char *z, char *zErrs, int nErrs,
                  int *pnAdd, int *pnUpd){
  KioskErrList errs;
  int rc, i, nUsed = 0;
  memset(&errs, 0, sizeof(errs));
  rc = kioskRosterImport(p, "roster.csv", z, (int)strlen(z), 1700000000LL,
                         pnAdd, pnUpd, &errs);
  zErrs[0] = 0;
  for(i=0; i<errs.nErr && nUsed<nErrs-1; i++){
    char zOne[512];
    kioskErrorFormat(&errs.aErr[i], zOne, (int)sizeof(zOne));
    nUsed += snprintf(zErrs+nUsed, (size_t)(nErrs-nUsed), "%s\n", zOne);
  }
  kioskErrListReset(&errs);
  return rc;
}

static void testRoster(void){
  KioskRecords *p = 0;
  KioskError err;
  char zErrs[4096];
  int nAdd = 0, nUpd = 0;
  char *zId = 0, *zMail = 0;
  kioskErrorClear(&err);
  if( kioskRecordsOpen(":memory:", 0, &p, &err) ){ nFail++; return; }

  /* a good roster, with a BOM, quoted fields, CRLF and columns in any
  ** order */
  CHECK_INT(import(p, "\xEF\xBB\xBF" "Email,Name,ID Number\r\n"
                   "ada@example.org,Ada Lovelace,S-001\r\n"
                   "alan@example.org,\"Turing, Alan\",S-002\r\n"
                   ",Grace Hopper,\r\n", zErrs, sizeof(zErrs), &nAdd, &nUpd),
            0);
  CHECK_STR(zErrs, "");
  CHECK_INT(nAdd, 3);
  CHECK_INT(nStudents(p), 3);
  CHECK_INT(kioskRosterGet(p, 2, &zId, &zMail, &err), 0);
  CHECK_STR(zId, "S-002");
  CHECK_STR(zMail, "alan@example.org");
  sqlite3_free(zId); sqlite3_free(zMail);

  /* again: the same names are updated, a new one added */
  CHECK_INT(import(p, "name,id number\nada lovelace,S-101\nEdsger,S-102\n",
                   zErrs, sizeof(zErrs), &nAdd, &nUpd), 0);
  CHECK_INT(nAdd, 1);
  CHECK_INT(nUpd, 1);
  CHECK_INT(kioskRosterGet(p, 1, &zId, &zMail, &err), 0);
  CHECK_STR(zId, "S-101");
  CHECK_STR(zMail, "ada@example.org");     /* no email column: kept */
  sqlite3_free(zId); sqlite3_free(zMail);
  CHECK_INT(kioskRosterGet(p, 3, &zId, &zMail, &err), 0);
  CHECK_STR(zId, "");
  sqlite3_free(zId); sqlite3_free(zMail);

  /* every error, by line and column, and nothing written */
  {
    int nS = nStudents(p), nR = nRoster(p);
    CHECK_INT(import(p, "name,email,id number\n"
                     "Bob,bob@,B1\n"
                     "Carol,carol@example.org,B1\n"
                     "bob,b@c.de,B3\n"
                     ",x@y.z,B4\n"
                     "Dan,d@e.fg\n"
                     "\"Un\"closed,a@b.c,B5\n", zErrs, sizeof(zErrs),
                     &nAdd, &nUpd), KIOSK_ECSV);
    CHECK_STR(zErrs,
      "roster.csv:2:5: \"bob@\" is not an email address\n"
      "roster.csv:3:25: id number \"B1\" is already on line 2\n"
      "roster.csv:4:1: \"bob\" is already on line 2\n"
      "roster.csv:5:1: no name\n"
      "roster.csv:6:1: 2 fields, expected 3\n"
      "roster.csv:7:5: a quote inside a field must be doubled, and a "
      "quoted field closed\n");
    CHECK_INT(nStudents(p), nS);
    CHECK_INT(nRoster(p), nR);
    CHECK_INT(nAdd, 0);
  }
  CHECK_INT(import(p, "nom,email\nx,y@z.ab\n", zErrs, sizeof(zErrs), &nAdd,
                   &nUpd), KIOSK_ECSV);
  CHECK_STR(zErrs, "roster.csv:1:1: unknown column \"nom\": the roster's "
            "columns are name, id number and email\n");
  CHECK_INT(import(p, "name\n", zErrs, sizeof(zErrs), &nAdd, &nUpd),
            KIOSK_ECSV);
  CHECK_STR(zErrs, "roster.csv:1:1: the roster has a header but no "
            "students\n");
  CHECK_INT(import(p, "name\nok\nbad\xFF\n", zErrs, sizeof(zErrs), &nAdd,
                   &nUpd), KIOSK_ECSV);
  CHECK_STR(zErrs, "roster.csv:3:4: invalid UTF-8 byte 0xFF\n");
  /* a name the records refuse (after the checks): rolled back whole */
  {
    int nS = nStudents(p);
    CHECK_INT(import(p, "name\nFirst new\nSecond new\n", zErrs,
                     sizeof(zErrs), &nAdd, &nUpd), 0);
    CHECK_INT(nStudents(p), nS+2);
  }
  CHECK(sqlite3_get_autocommit(kioskRecordsDb(p)));
  kioskRecordsClose(p);
}

static void testGrades(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  static const char *const azOpt[] = { "Right", "Wrong" };
  static const double arCredit[] = { 1.0, 0.0 };
  sqlite3_int64 iAtt = 0;
  char zErrs[1024];
  int nAdd, nUpd, nRow = 0, i;
  char *zBuf = 0;
  size_t nBuf = 0;
  FILE *out;

  kioskErrorClear(&err);
  if( kioskRecordsOpen(":memory:", 0, &p, &err) ){ nFail++; return; }
  CHECK_INT(import(p, "name,id number,email\nAda,S-1,ada@example.org\n"
                   "=Bad,S-2,b@example.org\nNobody,,\n", zErrs,
                   sizeof(zErrs), &nAdd, &nUpd), 0);
  CHECK_INT(kioskRecordsPackInstall(p, "geo", "Geography", "x", 1000, &err),
            0);
  memset(&quiz, 0, sizeof(quiz));
  for(i=0; i<2; i++){
    fixQuestion(&quiz, i ? "pack:geo:2" : "pack:geo:1", KQ_CHOICE, "x", 1,
                2, azOpt, arCredit);
  }
  /* Ada: 100% on 2023-11-14 22:13:20 UTC, then 50% a day later */
  CHECK_INT(fixStart(p, 1, "geo", &quiz, 2, 1700000000LL, &iAtt, &err), 0);
  CHECK_INT(fixAnswer(p, iAtt, 0, "0", 1700000000LL, &err), 0);
  CHECK_INT(fixAnswer(p, iAtt, 1, "0", 1700000000LL, &err), 0);
  CHECK_INT(kioskAttemptFinish(p, iAtt, 1700000000LL, 0, 0, &err), 0);
  CHECK_INT(fixStart(p, 1, "geo", &quiz, 2, 1700086400LL, &iAtt, &err), 0);
  CHECK_INT(fixAnswer(p, iAtt, 0, "0", 1700086400LL, &err), 0);
  CHECK_INT(fixAnswer(p, iAtt, 1, "1", 1700086400LL, &err), 0);
  CHECK_INT(kioskAttemptFinish(p, iAtt, 1700086400LL, 0, 0, &err), 0);
  /* "=Bad": an open attempt does not count */
  CHECK_INT(fixStart(p, 2, "geo", &quiz, 2, 1700000000LL, &iAtt, &err), 0);

  /* students by name; times in the local zone (Tokyo: UTC+9) */
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  out = open_memstream(&zBuf, &nBuf);
  CHECK_INT(kioskGradesCsv(p, out, &nRow, &err), 0);
  fclose(out);
  CHECK_INT(nRow, 3);
  CHECK_STR(zBuf,
    "Full name,ID number,Email address,Geography best (%),"
    "Geography last (%),Last attempt (local time)\r\n"
    "'=Bad,S-2,b@example.org,,,\r\n"
    "Ada,S-1,ada@example.org,100.00,50.00,2023-11-16 07:13\r\n"
    "Nobody,,,,,\r\n");
  free(zBuf);
  kioskRecordsClose(p);
  kioskQuizReset(&quiz);
}

typedef struct EssayRows { int n; char z[1024]; } EssayRows;
static int onEssay(void *pArg, sqlite3_int64 iStudent, const char *zName,
                   const char *zQuestion, const char *zPrompt,
                   const char *zText, const char *zAnswered){
  EssayRows *r = (EssayRows *)pArg;
  size_t n = strlen(r->z);
  snprintf(r->z+n, sizeof(r->z)-n, "%lld|%s|%s|%s|%s|%s\n",
           (long long)iStudent, zName, zQuestion, zPrompt, zText, zAnswered);
  r->n++;
  return 0;
}

/* The essays written, for the teacher: only essay questions, with their
** text, in attempt order; other packs' left out when one is named. */
static void testEssays(void){
  KioskRecords *p = 0;
  KioskError err;
  KioskQuiz quiz;
  sqlite3_int64 iStu = 0, iAtt = 0;
  EssayRows r;
  kioskErrorClear(&err);
  memset(&quiz, 0, sizeof(quiz));
  if( kioskRecordsOpen(":memory:", 0, &p, &err) ){ nFail++; return; }
  fixQuestion(&quiz, "pack:e:1", KQ_ESSAY, "Why do rivers flood?", 1, 0, 0, 0);
  fixQuestion(&quiz, "pack:e:2", KQ_TEXT, "Name?", 1, 0, 0, 0);
  kioskQuestionAddAccept(quiz.apQuestion[1], "x");
  CHECK_INT(kioskRecordsStudentAdd(p, "Ada", 1000, &iStu, &err), 0);
  CHECK_INT(fixStart(p, iStu, "e", &quiz, 2, 1000, &iAtt, &err), 0);
  CHECK_INT(fixAnswer(p, iAtt, 0, "Rain, \"lots\" of it.\nAnd snow.",
                      1700000000LL, &err), 0);
  CHECK_INT(fixAnswer(p, iAtt, 1, "x", 1700000001LL, &err), 0);
  memset(&r, 0, sizeof(r));
  CHECK_INT(kioskEssays(p, "e", onEssay, &r, &err), 0);
  CHECK_INT(r.n, 1);
  CHECK_STR(r.z, "1|Ada|pack:e:1|Why do rivers flood?|Rain, \"lots\" of it.\n"
            "And snow.|2023-11-14T22:13:20Z\n");
  memset(&r, 0, sizeof(r));
  CHECK_INT(kioskEssays(p, "other", onEssay, &r, &err), 0);
  CHECK_INT(r.n, 0);
  kioskQuizReset(&quiz);
  kioskRecordsClose(p);
}

int main(void){
  testRoster();
  testGrades();
  testEssays();
  return HARNESS_DONE("test-gradebook");
}
