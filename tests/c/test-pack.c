/*
** test-pack.c: unit tests of quiz packs (pack.c): settings and rules,
** every error path with its exact position, checks against the bundled
** course (KIOSK_COURSEDIR, loaded into :memory:), running a pack, and the
** round trips pack -> GIFT -> pack and GIFT import.
*/
#include "pack.h"
#include "course.h"
#include "coursedb.h"
#include "harness.h"
#include "qsame.h"

#include <stdlib.h>

/* A pack with every setting, rules and one question of each kind. */
static const char zGood[] =
  "# A pack for the tests.\n"                                      /* 1 */
  "[settings]\n"
  "title       = Stage 1 and 2: the tests\n"
  "author      = Kiosk\n"
  "description = Used by test-pack.\n"                             /* 5 */
  "stages      = s1-caution, s2-pipelines\n"
  "pass        = 75%\n"
  "time        = 1 h 30 min\n"
  "order       = fixed\n"
  "seed        = 42\n"                                             /* 10 */
  "attempts    = 3\n"
  "feedback    = end\n"
  "\n"
  "[rules]\n"
  "; kind   stage        count\n"                                  /* 15 */
  "date     s1-caution   2\n"
  "any      *            2\n"
  "\n"
  "[questions]\n"
  "$CATEGORY: $course$/Tests\n"                                    /* 20 */
  "\n"
  "// @facts ev-1991-grants\n"
  "// @sources 1\n"
  "::grants:: How much did Japan decide to give in 1991? {\n"
  "\t=$2.5 billion#Right.\n"                                       /* 25 */
  "\t~$250 million#Ten times too little.\n"
  "\t~%50%about $2 billion\n"
  "\t####The grants came before the end of the Soviet Union (note 1).\n"
  "}\n"
  "\n"                                                             /* 30 */
  "// @kind year\n"
  "// @stage s2-pipelines\n"
  "// @points 2\n"
  "In which year was the pipeline to Japan discussed? {#1992}\n"
  "\n"                                                             /* 35 */
  "// @unit km\n"
  "How long was it to be? {#=8000:500 =7000..9000}\n"
  "\n"
  "Japan opened two embassies in the 1990s. {TRUE#There were two.#Yes.}\n"
  "\n"                                                             /* 40 */
  "Who was the foreign minister? {=Watanabe =Michio Watanabe}\n"
  "\n"
  "Match. {=Kazakhstan -> Astana =Uzbekistan -> Tashkent}\n"
  "\n"
  "// @kind order\n"                                               /* 45 */
  "// @lesson s1-caution 2\n"
  "Oldest first. {=b -> 2 =a -> 1 =c -> 3}\n"
  "\n"
  "Which two? {~%50%Kyrgyzstan ~%50%Kazakhstan ~%-100%Tajikistan}\n"
  "\n"                                                             /* 50 */
  "Japan sent its minister {=in 1992 ~in 1999} to the region.\n";

static sqlite3 *openCourse(void){
  const char *zDir = getenv("KIOSK_COURSEDIR");
  sqlite3 *db = 0;
  KioskError err;
  if( zDir==0 ) zDir = "data";
  if( kioskCourseOpen(":memory:", KIOSK_OPEN_CREATE, &db, &err)
   || kioskCourseLoad(db, zDir, 0, 10, 0, &err) ){
    fprintf(stderr, "test-pack: cannot load the course %s: %s\n", zDir,
            err.zMsg);
    sqlite3_close(db);
    return 0;
  }
  return db;
}

/* Parse z as zFile; the first error formatted into zErr (when any). */
static int parse(const char *zFile, const char *z, KioskPack **pp,
                 KioskErrList *pErrs, char *zErr, int nErr){
  int n;
  memset(pErrs, 0, sizeof(*pErrs));
  n = kioskPackParse(zFile, z, (int)strlen(z), pp, pErrs);
  zErr[0] = 0;
  if( pErrs->nErr ) kioskErrorFormat(&pErrs->aErr[0], zErr, nErr);
  return n;
}

static void testGood(void){
  KioskPack *p = 0;
  KioskErrList errs;
  char zErr[2048];
  CHECK_INT(parse("quizzes/good.pack", zGood, &p, &errs, zErr,
                  (int)sizeof(zErr)), 0);
  CHECK_STR(zErr, "");
  if( p==0 ) return;
  CHECK_STR(p->zId, "good");
  CHECK_STR(p->zTitle, "Stage 1 and 2: the tests");
  CHECK_STR(p->zAuthor, "Kiosk");
  CHECK_STR(p->zDescription, "Used by test-pack.");
  CHECK_INT(p->nStage, 2);
  CHECK_STR(p->aStage[1].zId, "s2-pipelines");
  CHECK_INT(p->aStage[1].iLine, 6);
  CHECK_INT(p->aStage[1].iCol, 27);
  CHECK(p->rPass==0.75);
  CHECK_INT(p->nTimeLimit, 5400);
  CHECK_INT(p->eOrder, KPACK_ORDER_FIXED);
  CHECK_INT(p->bFixedSeed, 1);
  CHECK_INT((long long)p->iSeed, 42);
  CHECK_INT(p->nAttempts, 3);
  CHECK_INT(p->eFeedback, KPACK_FEEDBACK_END);
  CHECK_INT(p->nRule, 2);
  CHECK_STR(p->aRule[0].zWhat, "date");
  CHECK_STR(p->aRule[0].zStage, "s1-caution");
  CHECK_INT(p->aRule[0].nCount, 2);
  CHECK_INT(p->aRule[0].iLine, 16);
  CHECK_INT(p->aRule[0].iColStage, 10);
  CHECK_INT(p->aRule[0].iColCount, 23);
  CHECK(p->aRule[1].zStage==0);
  CHECK_INT(p->nQuestion, 9);
  CHECK_INT(p->doc.nItem, 9);
  if( p->doc.nItem==9 ){
    const KioskQuestion *q = p->doc.aItem[0].q;
    CHECK_STR(q->zId, "pack:good:1");
    CHECK_STR(p->doc.aItem[0].zTitle, "grants");
    CHECK_INT(p->doc.aItem[0].iLine, 24);
    CHECK_STR(p->doc.aItem[8].q->zId, "pack:good:9");
    CHECK_INT(p->doc.aItem[1].q->eKind, KQ_YEAR);
    CHECK_STR(p->doc.aItem[1].q->zStage, "s2-pipelines");
    CHECK(p->doc.aItem[0].q->zStage==0);   /* two stages: no default */
    CHECK_INT(p->doc.aItem[5].q->eKind, KQ_MATCH);
    CHECK_INT(p->doc.aItem[6].q->eKind, KQ_ORDER);
    CHECK_INT(p->doc.aItem[7].q->eKind, KQ_MULTI);
    CHECK_STR(p->doc.aItem[8].q->zPrompt,
              "Japan sent its minister _____ to the region.");
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);

  /* defaults; one stage becomes the stage of questions without @stage */
  CHECK_INT(parse("x/one-stage.pack", "[settings]\ntitle = T\nstages = "
                  "s3-silk-road\n[questions]\nQ {T}\n\n// @stage s1-caution\n"
                  "R {F}\n", &p, &errs, zErr, (int)sizeof(zErr)), 0);
  if( p ){
    CHECK_STR(p->zId, "one-stage");
    CHECK(p->rPass==0.6);
    CHECK_INT(p->nTimeLimit, 0);
    CHECK_INT(p->eOrder, KPACK_ORDER_SHUFFLE);
    CHECK_INT(p->bFixedSeed, 0);
    CHECK_INT(p->nAttempts, 0);
    CHECK_INT(p->eFeedback, KPACK_FEEDBACK_EACH);
    CHECK_STR(p->doc.aItem[0].q->zStage, "s3-silk-road");
    CHECK_STR(p->doc.aItem[1].q->zStage, "s1-caution");
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);

  /* a byte-order mark and CRLF line ends; an id setting wins */
  CHECK_INT(parse("Odd Name.pack", "\xEF\xBB\xBF[settings]\r\nid = odd\r\n"
                  "title = \xC3\x89t\xC3\xA9\r\ntime = 45s\r\n[rules]\r\n"
                  "tf * 1\r\n", &p, &errs, zErr, (int)sizeof(zErr)), 0);
  if( p ){
    CHECK_STR(p->zId, "odd");
    CHECK_STR(p->zTitle, "\xC3\x89t\xC3\xA9");
    CHECK_INT(p->nTimeLimit, 45);
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);
}

/* Every error path, with its exact position. */
static void testErrors(void){
  static const struct { const char *zIn, *zErr, *zCode; } aCase[] = {
    { "title = x\n", "p.pack:1:1: text before [settings]: a pack starts "
      "with [settings] (comment lines start with #)", "SYNTAX" },
    { "[settings]\ntitle = x\n[extra]\n", "p.pack:3:1: unknown section "
      "\"[extra]\" (known: [settings] [rules] [questions])", "SYNTAX" },
    { "[settings] x\ntitle = x\n", "p.pack:1:1: a section header is "
      "[settings], [rules] or [questions] alone on its line", "SYNTAX" },
    { "[settings]\ntitle = x\n[settings]\n", "p.pack:3:1: [settings] appears "
      "twice", "SYNTAX" },
    { "[settings]\ntitle = x\n  colour = red\n", "p.pack:3:3: unknown setting "
      "\"colour\" (known: id title author description stages pass time "
      "order seed attempts feedback)", "SETTING" },
    { "[settings]\ntitle = x\ntitle = y\n", "p.pack:3:1: title is set twice",
      "SETTING" },
    { "[settings]\ntitle x\n", "p.pack:2:7: a setting is written key = "
      "value", "SYNTAX" },
    { "[settings]\ntitle : x\n", "p.pack:2:7: a setting is written key = "
      "value", "SYNTAX" },
    { "[settings]\ntitle =\n", "p.pack:2:8: title needs a value", "VALUE" },
    { "[settings]\ntitle = "
      "0123456789012345678901234567890123456789012345678901234567890123456789"
      "0123456789012345678901234567890123456789012345678901234567890123456789"
      "0123456789012345678901234567890123456789012345678901234567890123456789"
      "\n", "p.pack:2:9: title is longer than 200 bytes", "VALUE" },
    { "[settings]\ntitle = x\nid = My Pack\n", "p.pack:3:6: id \"My Pack\" "
      "must be lower-case letters, digits and - (at most 64)", "VALUE" },
    { "[settings]\nstages = s1-caution S2\ntitle = x\n", "p.pack:2:21: "
      "\"S2\" is not a stage id: write stage ids separated by spaces, or all",
      "VALUE" },
    { "[settings]\nstages = s1 s1\ntitle = x\n", "p.pack:2:13: stage \"s1\" "
      "is listed twice", "VALUE" },
    { "[settings]\nstages = s1 all\ntitle = x\n", "p.pack:2:13: all stands "
      "alone: stages = all", "VALUE" },
    { "[settings]\ntitle = x\npass = 120%\n", "p.pack:3:8: pass must be a "
      "percentage from 0% to 100%, like 60%, not \"120%\"", "VALUE" },
    { "[settings]\ntitle = x\npass = half\n", "p.pack:3:8: pass must be a "
      "percentage from 0% to 100%, like 60%, not \"half\"", "VALUE" },
    { "[settings]\ntitle = x\ntime = 10\n", "p.pack:3:8: time must be none "
      "or a duration up to 24 hours such as 10 min, 1 h 30 min or 90 s, not "
      "\"10\"", "VALUE" },
    { "[settings]\ntitle = x\ntime = 25 h\n", "p.pack:3:8: time must be none "
      "or a duration up to 24 hours such as 10 min, 1 h 30 min or 90 s, not "
      "\"25 h\"", "VALUE" },
    { "[settings]\ntitle = x\norder = random\n", "p.pack:3:9: order must be "
      "shuffle or fixed, not \"random\"", "VALUE" },
    { "[settings]\ntitle = x\nseed = -1\n", "p.pack:3:8: seed must be "
      "per-student or a whole number from 0 to 9223372036854775807, not "
      "\"-1\"", "VALUE" },
    { "[settings]\ntitle = x\nseed = 9223372036854775808\n", "p.pack:3:8: "
      "seed must be per-student or a whole number from 0 to "
      "9223372036854775807, not \"9223372036854775808\"", "VALUE" },
    { "[settings]\ntitle = x\nattempts = 0\n", "p.pack:3:12: attempts must "
      "be unlimited or a number from 1 to 1000, not \"0\"", "VALUE" },
    { "[settings]\ntitle = x\nfeedback = later\n", "p.pack:3:12: feedback "
      "must be each (after every question) or end (on the results screen), "
      "not \"later\"", "VALUE" },
    { "[settings]\ntitle = x\n[rules]\ndate s1-caution\n", "p.pack:4:1: a "
      "rule is three words: kind stage count, like \"date s1-caution 3\" "
      "(stage * for the pack's stages)", "RULE" },
    { "[settings]\ntitle = x\n[rules]\ndate s1-caution 3 4\n", "p.pack:4:19: "
      "a rule is three words: kind stage count, like \"date s1-caution 3\" "
      "(stage * for the pack's stages)", "RULE" },
    { "[settings]\ntitle = x\n[rules]\n  dates * 3\n", "p.pack:4:3: unknown "
      "question kind \"dates\" (known: any date figure initiative person "
      "organization place chronology matching truefalse term why choice multi tf "
      "year number text order match)", "RULE" },
    { "[settings]\ntitle = x\n[rules]\ndate S1 3\n", "p.pack:4:6: \"S1\" is "
      "not a stage id (or * for the pack's stages)", "RULE" },
    { "[settings]\ntitle = x\nstages = s1-caution\n[rules]\ndate s2-pipelines "
      "3\n", "p.pack:5:6: stage \"s2-pipelines\" is not among the pack's "
      "stages (the stages setting)", "STAGE" },
    { "[settings]\ntitle = x\n[rules]\ndate * 0\n", "p.pack:4:8: count must "
      "be a number from 1 to 200, not \"0\"", "RULE" },
    { "[settings]\ntitle = x\n[rules]\ndate *\t201\n", "p.pack:4:8: count "
      "must be a number from 1 to 200, not \"201\"", "RULE" },
    { "# only a comment\n", "p.pack:1:1: no [settings] section: a pack "
      "starts with [settings] and a title (kioskctl pack import turns a GIFT "
      "file into a pack)", "SYNTAX" },
    { "\n[settings]\nauthor = me\n[rules]\ntf * 1\n", "p.pack:2:1: title is "
      "missing from [settings]", "SETTING" },
    { "[settings]\ntitle = x\n", "p.pack:1:1: the pack has no questions: "
      "add [rules] for generated ones or [questions] with GIFT", "EMPTY" },
    { "[settings]\ntitle = caf\xC3\n[rules]\ntf * 1\n", "p.pack:2:12: "
      "invalid UTF-8 byte 0xC3", "TEXT" },
    { "[settings]\ntitle = x\n\n[questions]\n\nQ {=a ~b\n", "p.pack:6:3: { is "
      "never closed by }", "SYNTAX" },
    { "[settings]\ntitle = x\n[questions]\n// @facts Bad\nQ {T}\n",
      "p.pack:4:11: \"Bad\" is not a fact id (lower-case letters, digits and "
      "-, at most 64)", "ANNOTATION" },
  };
  size_t i;
  for(i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    KioskPack *p = 0;
    KioskErrList errs;
    char zErr[2048];
    int n = parse("p.pack", aCase[i].zIn, &p, &errs, zErr, (int)sizeof(zErr));
    nCheck++;
    if( n==0 || strcmp(zErr, aCase[i].zErr)!=0
     || strcmp(errs.aErr[0].zCode, aCase[i].zCode)!=0 ){
      nFail++;
      fprintf(stderr, "%s: case %d:\n%s  got  \"%s\" [%s]\n  want \"%s\" "
              "[%s]\n", __FILE__, (int)i, aCase[i].zIn, zErr,
              n ? errs.aErr[0].zCode : "", aCase[i].zErr, aCase[i].zCode);
    }
    kioskPackFree(p);
    kioskErrListReset(&errs);
  }
  /* a file name that makes no id */
  {
    KioskPack *p = 0;
    KioskErrList errs;
    char zErr[512];
    CHECK_INT(parse("dir/My Quiz.pack", "[settings]\ntitle = x\n[rules]\n"
                    "tf * 1\n", &p, &errs, zErr, (int)sizeof(zErr)), 1);
    CHECK_STR(zErr, "dir/My Quiz.pack:1:1: the file name does not make a "
              "pack id (lower-case letters, digits and -): add id = ... to "
              "[settings]");
    kioskPackFree(p);
    kioskErrListReset(&errs);
  }
}

/* All errors are collected, in file order, settings and GIFT alike. */
static void testAllErrors(void){
  KioskPack *p = 0;
  KioskErrList errs;
  char zErr[512];
  CHECK_INT(parse("p.pack", "[settings]\ntitle = x\npass = 2\xFF\ncolour = "
                  "red\n[rules]\nfoo * 1\n[questions]\nA {~only}\n\nB {T}\n\n"
                  "C {#x}\n", &p, &errs, zErr, (int)sizeof(zErr)), 6);
  if( errs.nErr==6 ){
    CHECK_INT(errs.aErr[0].iLine, 3);           /* the bad byte */
    CHECK_STR(errs.aErr[0].zCode, "TEXT");
    CHECK_INT(errs.aErr[1].iLine, 3);           /* pass */
    CHECK_INT(errs.aErr[2].iLine, 4);
    CHECK_INT(errs.aErr[3].iLine, 6);
    CHECK_INT(errs.aErr[4].iLine, 8);
    CHECK_INT(errs.aErr[4].eClass, KIOSK_EGIFT);
    CHECK_INT(errs.aErr[5].iLine, 12);
  }
  if( p ){
    CHECK_INT(p->nQuestion, 1);
    CHECK_STR(p->doc.aItem[1].q->zId, "pack:p:2");   /* stable numbering */
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);
}

static void testCourse(sqlite3 *db){
  static const struct { const char *zIn, *zErr, *zCode; } aCase[] = {
    { "[settings]\ntitle = x\nstages = s1-caution s9-none\n[rules]\ntf * 1\n",
      "p.pack:3:21: no stage \"s9-none\" in the course", "STAGE" },
    { "[settings]\ntitle = x\n[rules]\ntf s9-none 1\n", "p.pack:4:4: no "
      "stage \"s9-none\" in the course", "STAGE" },
    { "[settings]\ntitle = x\n[questions]\n// @stage s9-none\nQ {T}\n",
      "p.pack:4:11: no stage \"s9-none\" in the course", "STAGE" },
    { "[settings]\ntitle = x\n[questions]\n// @facts ev-1991-grants "
      "ev-nothing\nQ {T}\n", "p.pack:4:26: no fact \"ev-nothing\" in the "
      "course", "FACT" },
    { "[settings]\ntitle = x\n[questions]\n// @sources 1 999\nQ {T}\n",
      "p.pack:4:15: no note 999 in the course", "SOURCE" },
    { "[settings]\ntitle = x\n[questions]\n// @lesson s1-caution 99\nQ {T}\n",
      "p.pack:4:12: no paragraph 99 in the lesson of stage \"s1-caution\"",
      "LESSON" },
    { "[settings]\ntitle = x\nstages = s1-caution\n[rules]\ndate * 200\n",
      "p.pack:5:8: the rule asks for 200 date questions from the pack's "
      "stages but the course can make only ", "COUNT" },
    { "[settings]\ntitle = x\n[rules]\nfigure s1-caution 2\nfigure "
      "s1-caution 50\n", "p.pack:5:19: the rule asks for 50 figure questions "
      "from s1-caution but the course can make only ", "COUNT" },
  };
  size_t i;
  for(i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    KioskPack *p = 0;
    KioskErrList errs;
    char zErr[2048];
    int n = parse("p.pack", aCase[i].zIn, &p, &errs, zErr, (int)sizeof(zErr));
    nCheck++;
    if( n || p==0 ){
      nFail++;
      fprintf(stderr, "%s: course case %d has syntax errors: %s\n", __FILE__,
              (int)i, zErr);
    }else{
      n = kioskPackCheckCourse(p, db, &errs);
      if( n ) kioskErrorFormat(&errs.aErr[0], zErr, (int)sizeof(zErr));
      if( n==0 || strncmp(zErr, aCase[i].zErr, strlen(aCase[i].zErr))!=0
       || strcmp(errs.aErr[0].zCode, aCase[i].zCode)!=0 ){
        nFail++;
        fprintf(stderr, "%s: course case %d:\n  got  \"%s\"\n  want \"%s\"\n",
                __FILE__, (int)i, n ? zErr : "", aCase[i].zErr);
      }
    }
    kioskPackFree(p);
    kioskErrListReset(&errs);
  }

  /* the good pack checks clean, and loads */
  {
    static const char zBad1[] = "[settings]\ntitle = x\n[questions]\n"
      "// @facts nope\nQ {T}\n";
    static const char zBad2[] = "[settings]\ntitle = x\n[questions]\n"
      "// @facts nope\nQ {T}\n\nR {~x}\n";
    KioskPack *p = 0;
    KioskErrList errs;
    KioskError err;
    memset(&errs, 0, sizeof(errs));
    CHECK_INT(kioskPackLoad("good.pack", zGood, (int)strlen(zGood), db, &p,
                            &errs, &err), 0);
    CHECK(p!=0);
    CHECK_INT(errs.nErr, 0);
    kioskPackFree(p);
    /* a pack with an error never loads: the first error comes back */
    CHECK_INT(kioskPackLoad("bad.pack", zBad1, (int)strlen(zBad1), db, &p,
                            0, &err), KIOSK_EPACK);
    CHECK(p==0);
    CHECK_STR(err.zMsg, "no fact \"nope\" in the course");
    /* syntax and course errors together, the first by position first */
    CHECK_INT(kioskPackLoad("bad.pack", zBad2, (int)strlen(zBad2), db, &p,
                            &errs, &err), KIOSK_EPACK);
    CHECK_INT(err.iLine, 4);
    CHECK_STR(err.zCode, "FACT");
    CHECK_INT(errs.nErr, 2);
    if( errs.nErr==2 ) CHECK_INT(errs.aErr[1].iLine, 7);
    kioskErrListReset(&errs);
  }
}

/* kioskPackCheck: one run reports the syntax errors and the course errors
** of everything that parsed, sorted by line and column. */
static void testCheckAll(sqlite3 *db){
  static const char zIn[] =
    "[settings]\n"                                                 /* 1 */
    "title = Bad\n"
    "stages = s1-caution s99\n"
    "time = soon\n"
    "[rules]\n"                                                    /* 5 */
    "date s1-caution\n"
    "tf s99 1\n"
    "[questions]\n"
    "// @facts no-such-fact\n"
    "// @sources 77\n"                                             /* 10 */
    "// @lesson s1-caution 40\n"
    "::q:: x {=a ~b}\n"
    "\n"
    "Q {=a ~b\n"
    "\n"                                                           /* 15 */
    "// @facts ev-nope\n"
    "R {T}\n";
  static const char *const azWant[] = {
    "p.pack:3:21: no stage \"s99\" in the course",
    "p.pack:4:8: time must be none or a duration up to 24 hours such as "
      "10 min, 1 h 30 min or 90 s, not \"soon\"",
    "p.pack:6:1: a rule is three words: kind stage count, like \"date "
      "s1-caution 3\" (stage * for the pack's stages)",
    "p.pack:7:4: no stage \"s99\" in the course",
    "p.pack:9:11: no fact \"no-such-fact\" in the course",
    "p.pack:10:13: no note 77 in the course",
    "p.pack:11:12: no paragraph 40 in the lesson of stage \"s1-caution\"",
    "p.pack:14:3: { is never closed by }",
    "p.pack:16:11: no fact \"ev-nope\" in the course",
  };
  KioskPack *p = 0;
  KioskErrList errs;
  char zErr[2048];
  int i, n;
  memset(&errs, 0, sizeof(errs));
  n = kioskPackCheck("p.pack", zIn, (int)strlen(zIn), db, &p, &errs);
  CHECK_INT(n, (int)(sizeof(azWant)/sizeof(azWant[0])));
  for(i=0; i<errs.nErr && i<n; i++){
    kioskErrorFormat(&errs.aErr[i], zErr, (int)sizeof(zErr));
    CHECK_STR(zErr, azWant[i]);
  }
  CHECK(p!=0);
  kioskPackFree(p);
  kioskErrListReset(&errs);

  /* without a course: the syntax errors only */
  memset(&errs, 0, sizeof(errs));
  CHECK_INT(kioskPackCheck("p.pack", zIn, (int)strlen(zIn), 0, &p, &errs), 3);
  kioskPackFree(p);
  kioskErrListReset(&errs);
}

/* Running a pack: rules then hand-written questions; the seed decides. */
static void testQuiz(sqlite3 *db){
  KioskPack *p = 0;
  KioskErrList errs;
  KioskError err;
  KioskQuiz a, b;
  int i, bSame;
  memset(&errs, 0, sizeof(errs));
  memset(&a, 0, sizeof(a));
  memset(&b, 0, sizeof(b));
  CHECK_INT(kioskPackLoad("good.pack", zGood, (int)strlen(zGood), db, &p,
                          &errs, &err), 0);
  if( p==0 ) return;
  /* fixed order, fixed seed 42: rules first, the seed argument ignored */
  CHECK_INT(kioskPackQuiz(p, db, 7, &a, &err), 0);
  CHECK_INT(kioskPackQuiz(p, db, 8, &b, &err), 0);
  CHECK_INT(a.nQuestion, 13);
  for(i=0, bSame=1; i<a.nQuestion && i<b.nQuestion; i++){
    if( strcmp(a.apQuestion[i]->zId, b.apQuestion[i]->zId) ) bSame = 0;
  }
  CHECK(bSame);
  if( a.nQuestion==13 ){
    CHECK(strncmp(a.apQuestion[0]->zId, "gen:", 4)==0);
    CHECK_STR(a.apQuestion[0]->zTopic, "date");
    CHECK_STR(a.apQuestion[0]->zStage, "s1-caution");
    CHECK_STR(a.apQuestion[4]->zId, "pack:good:1");
    CHECK_STR(a.apQuestion[12]->zId, "pack:good:9");
  }
  kioskQuizReset(&a);
  kioskQuizReset(&b);
  kioskPackFree(p);

  /* per-student, shuffled: the seed given decides, the same seed gives the
  ** same quiz */
  {
    static const char zShuffle[] = "[settings]\ntitle = x\nstages = all\n"
      "[rules]\nany * 6\n[questions]\nA {T}\n\nB {F}\n\nC {=c ~d}\n";
    int nDiff = 0;
    CHECK_INT(kioskPackLoad("s.pack", zShuffle, (int)strlen(zShuffle), db, &p,
                            &errs, &err), 0);
    if( p ){
      CHECK_INT(kioskPackQuiz(p, db, 1, &a, &err), 0);
      CHECK_INT(kioskPackQuiz(p, db, 1, &b, &err), 0);
      CHECK_INT(a.nQuestion, 9);
      for(i=0; i<a.nQuestion && i<b.nQuestion; i++){
        CHECK_STR(a.apQuestion[i]->zId, b.apQuestion[i]->zId);
      }
      kioskQuizReset(&b);
      CHECK_INT(kioskPackQuiz(p, db, 2, &b, &err), 0);
      for(i=0; i<a.nQuestion && i<b.nQuestion; i++){
        if( strcmp(a.apQuestion[i]->zId, b.apQuestion[i]->zId) ) nDiff++;
      }
      CHECK(nDiff>0);
      kioskQuizReset(&a);
      kioskQuizReset(&b);
      kioskPackFree(p);
    }
  }
  kioskErrListReset(&errs);
}

/* pack -> GIFT -> pack: the same questions. */
static void testRoundTrip(sqlite3 *db){
  KioskPack *p = 0, *p2 = 0;
  KioskErrList errs;
  KioskError err;
  KioskQuiz quiz;
  sqlite3_str *pOut;
  char *zGift, *zPack;
  char zWhy[64];
  int i, j, nSkip;

  memset(&errs, 0, sizeof(errs));
  memset(&quiz, 0, sizeof(quiz));
  CHECK_INT(kioskPackLoad("good.pack", zGood, (int)strlen(zGood), db, &p,
                          &errs, &err), 0);
  if( p==0 ) return;
  pOut = sqlite3_str_new(0);
  CHECK_INT(kioskPackExportGift(p, db, 42, pOut, &err), 0);
  zGift = sqlite3_str_finish(pOut);
  CHECK(zGift && strstr(zGift, "$CATEGORY: $course$/Stage 1 and 2: the "
                        "tests/Stage 1: Cautious first steps\n"));
  CHECK(zGift && strstr(zGift, "// Generated questions drawn with seed 42."));
  CHECK(zGift && strstr(zGift, "pass mark 75%, time limit 90 min, questions "
                        "in order, 3 attempts, feedback after the attempt."));

  pOut = sqlite3_str_new(0);
  nSkip = kioskPackImportGift("good.gift", zGift, (int)strlen(zGift), 0, 0,
                              pOut, &errs, 0);
  zPack = sqlite3_str_finish(pOut);
  CHECK_INT(nSkip, 0);
  CHECK_INT(errs.nErr, 0);
  CHECK_INT(kioskPackLoad("good2.pack", zPack, (int)strlen(zPack), db, &p2,
                          &errs, &err), 0);
  if( p2 ){
    CHECK_STR(p2->zId, "good");
    CHECK_INT(p2->nRule, 0);
    /* every hand-written question comes back as it was */
    for(i=0; i<p->doc.nItem; i++){
      const KioskQuestion *q = p->doc.aItem[i].q;
      int bFound = 0;
      for(j=0; j<p2->doc.nItem; j++){
        const KioskQuestion *q2 = p2->doc.aItem[j].q;
        if( q2 && strcmp(q->zPrompt, q2->zPrompt)==0 ){
          bFound = 1;
          nCheck++;
          if( !questionSame(q, q2, zWhy, (int)sizeof(zWhy)) ){
            nFail++;
            fprintf(stderr, "%s: round trip of \"%s\": %s\n", __FILE__,
                    q->zPrompt, zWhy);
          }
          CHECK_STR(p->doc.aItem[i].zTitle ? p->doc.aItem[i].zTitle : "",
                    p2->doc.aItem[j].zTitle ? p2->doc.aItem[j].zTitle : "");
        }
      }
      CHECK(bFound);
    }
    /* the generated ones too, fixed by the seed: same kind, prompt,
    ** options, answers, facts and notes; the explanation as feedback */
    CHECK_INT(kioskPackQuiz(p, db, 0, &quiz, &err), 0);
    for(i=0; i<quiz.nQuestion; i++){
      const KioskQuestion *q = quiz.apQuestion[i];
      if( strncmp(q->zId, "gen:", 4)!=0 ) continue;
      for(j=0; j<p2->doc.nItem; j++){
        if( strSame(p2->doc.aItem[j].zTitle, q->zId) ) break;
      }
      nCheck++;
      if( j==p2->doc.nItem ){
        nFail++;
        fprintf(stderr, "%s: %s missing after the round trip\n", __FILE__,
                q->zId);
      }else{
        KioskQuestion *q2 = p2->doc.aItem[j].q;
        char *zSaveAnswer = q2->zAnswer, *zSaveFb = q2->zFeedbackWrong;
        KioskQuestion c = *q;
        c.zFeedbackWrong = q->zExplain;
        q2->zAnswer = q->zAnswer;       /* in words: the generator's own */
        if( !questionSame(&c, q2, zWhy, (int)sizeof(zWhy)) ){
          nFail++;
          fprintf(stderr, "%s: round trip of %s: %s\n", __FILE__, q->zId,
                  zWhy);
        }
        q2->zAnswer = zSaveAnswer;
        q2->zFeedbackWrong = zSaveFb;
      }
    }
  }
  kioskQuizReset(&quiz);
  kioskPackFree(p2);
  sqlite3_free(zPack);
  sqlite3_free(zGift);
  kioskPackFree(p);
  kioskErrListReset(&errs);
}

/* Import: what cannot be represented is reported by line and kept. */
static void testImport(void){
  static const char zIn[] =
    "$CATEGORY: $course$/top/Default for Geography/Central Asia\n"
    "\n"
    "::ok:: Capital of Kazakhstan?{=Astana ~Almaty}\n"
    "\n"
    "// an essay\n"
    "::essay:: Write about the Silk Road.{}\n"
    "\n"
    "Pick {=%50%b}\n"
    "\n"
    "Bad \xFF byte {T}\n"
    "\n"
    "Last {F}\n";
  KioskErrList errs;
  KioskPack *p = 0;
  sqlite3_str *pOut = sqlite3_str_new(0);
  char *zPack;
  char zErr[512];
  int nSkip;
  memset(&errs, 0, sizeof(errs));
  nSkip = kioskPackImportGift("in/geo quiz.gift", zIn, (int)strlen(zIn), 0, 0,
                              pOut, &errs, 0);
  zPack = sqlite3_str_finish(pOut);
  CHECK_INT(nSkip, 2);
  CHECK_INT(errs.nErr, 2);
  if( errs.nErr==2 ){
    kioskErrorFormat(&errs.aErr[0], zErr, (int)sizeof(zErr));
    CHECK_STR(zErr, "in/geo quiz.gift:10:5: invalid UTF-8 byte 0xFF");
    kioskErrorFormat(&errs.aErr[1], zErr, (int)sizeof(zErr));
    CHECK_STR(zErr, "in/geo quiz.gift:8:7: no answer gets full credit: give "
              "one as =answer (without a weight)");
  }
  CHECK(zPack && strstr(zPack, "id          = geo-quiz\n"
                        "title       = Central Asia\n"));
  /* an essay is kept, with its comment */
  CHECK(zPack && strstr(zPack, "// an essay\n"
                        "::essay:: Write about the Silk Road. {}\n"));
  CHECK(zPack && strstr(zPack, "// kioskctl pack import: line 8 was not "
                        "imported: no answer gets full credit: give one as "
                        "=answer (without a weight)\n"
                        "//> Pick {=%50%b}\n"));
  CHECK(zPack && strstr(zPack, "//> Bad \xEF\xBF\xBD byte {T}\n"));
  kioskErrListReset(&errs);
  CHECK_INT(parse("geo-quiz.pack", zPack ? zPack : "", &p, &errs, zErr,
                  (int)sizeof(zErr)), 0);
  CHECK_STR(zErr, "");
  if( p ){
    CHECK_INT(p->nQuestion, 3);
    CHECK_STR(p->doc.aItem[0].zCategory,
              "$course$/top/Default for Geography/Central Asia");
    CHECK_STR(p->doc.aItem[1].q->zId, "pack:geo-quiz:2");
  }
  kioskPackFree(p);
  kioskErrListReset(&errs);
  sqlite3_free(zPack);

  /* --id and --title win */
  pOut = sqlite3_str_new(0);
  kioskPackImportGift("x.gift", "Q {T}\n", 6, "my-id", "My\ttitle", pOut,
                      &errs, 0);
  zPack = sqlite3_str_finish(pOut);
  CHECK(zPack && strstr(zPack, "id          = my-id\ntitle       = My "
                        "title\n"));
  sqlite3_free(zPack);
  kioskErrListReset(&errs);
}

static void testReadFile(void){
  char *z = 0;
  int n = 0;
  KioskError err;
  CHECK_INT(kioskPackReadFile("/nonexistent/x.pack", &z, &n, &err),
            KIOSK_EIO);
  CHECK_STR(err.zCode, "OPEN");
  CHECK(z==0);
}

int main(void){
  sqlite3 *db = openCourse();
  testGood();
  testErrors();
  testAllErrors();
  testImport();
  testReadFile();
  CHECK(db!=0);
  if( db ){
    testCourse(db);
    testCheckAll(db);
    testQuiz(db);
    testRoundTrip(db);
  }
  sqlite3_close(db);
  return HARNESS_DONE("test-pack");
}
