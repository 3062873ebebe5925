/*
** test-markup.c: unit tests of the lesson markup parser (markup.c).
*/
#include "markup.h"
#include "harness.h"

#include <stdlib.h>

/* The runs of z as "kind[target]:text" joined by " / ", or the error as
** "file:line:col: message [CODE]". */
static const char *runs(const char *z){
  static char zOut[2048];
  KioskMarkup m;
  KioskError err;
  size_t n = 0;
  int i;
  kioskErrorClear(&err);
  if( kioskMarkupParse(z, -1, "l.txt", 3, &m, &err) ){
    char zMsg[1200];
    kioskErrorFormat(&err, zMsg, (int)sizeof(zMsg));
    snprintf(zOut, sizeof(zOut), "%s [%s]", zMsg, err.zCode);
    CHECK_INT(m.nRun, 0);
    return zOut;
  }
  zOut[0] = 0;
  for(i=0; i<m.nRun; i++){
    const KioskRun *r = &m.aRun[i];
    n += (size_t)snprintf(zOut+n, sizeof(zOut)-n, "%s%s%s%s%s@%d.%d:%s",
                          i ? " / " : "", kioskRunKindName(r->eKind),
                          r->zTarget ? "[" : "", r->zTarget ? r->zTarget : "",
                          r->zTarget ? "]" : "", r->iLine, r->iCol, r->zText);
  }
  kioskMarkupFree(&m);
  return zOut;
}

static void testGood(void){
  CHECK_STR(runs(""), "");
  CHECK_STR(runs("plain"), "text@3.1:plain");
  CHECK_STR(runs("Aid came to {fact:fig-aid|$1 billion}, as {term:soft-loan|soft"
                 " loans}.{note:13}"),
            "text@3.1:Aid came to  / fact[fig-aid]@3.13:$1 billion / "
            "text@3.38:, as  / term[soft-loan]@3.43:soft loans / "
            "text@3.70:. / note[n13]@3.71:13");
  CHECK_STR(runs("a {{b}} c"), "text@3.1:a {b} c");
  CHECK_STR(runs("{{"), "text@3.1:{");
  CHECK_STR(runs("x\ny {note:2}"), "text@3.1:x\ny  / note[n2]@4.3:2");
  CHECK_STR(runs("\xc3\xa9t\xc3\xa9 {note:1}"),
            "text@3.1:\xc3\xa9t\xc3\xa9  / note[n1]@3.5:1");
  CHECK_STR(runs("{fact:a|\xc3\xa9}{note:7}"),
            "fact[a]@3.1:\xc3\xa9 / note[n7]@3.11:7");
}

static void testErrors(void){
  CHECK_STR(runs("ab {fact:x|y"), "l.txt:3:4: unterminated \"{\" [BRACE]");
  CHECK_STR(runs("ab {fact:x"), "l.txt:3:4: unterminated \"{\" [BRACE]");
  CHECK_STR(runs("ab {fact"), "l.txt:3:4: unterminated \"{\" [BRACE]");
  CHECK_STR(runs("ab {"), "l.txt:3:4: unterminated \"{\" [BRACE]");
  CHECK_STR(runs("ab {fact\n:x|y}"), "l.txt:3:4: unterminated \"{\" [BRACE]");
  CHECK_STR(runs("ab } c"),
            "l.txt:3:4: stray \"}\" (write }} for a literal brace) [BRACE]");
  CHECK_STR(runs("{fact:x|a {b}"),
            "l.txt:3:11: \"{\" inside a reference's shown text [BRACE]");
  CHECK_STR(runs("see {foo:x|y}"),
            "l.txt:3:6: unknown markup kind \"foo\" (fact, note or term)"
            " [KIND]");
  CHECK_STR(runs("see {Fact:x|y}"),
            "l.txt:3:6: unknown markup kind \"Fact\" (fact, note or term)"
            " [KIND]");
  CHECK_STR(runs("see {x}"),
            "l.txt:3:6: expected fact:, note: or term: after \"{\" (write {{"
            " for a literal brace) [KIND]");
  CHECK_STR(runs("see {fact:|y}"), "l.txt:3:11: empty id [ID]");
  CHECK_STR(runs("see {term:|y}"), "l.txt:3:11: empty id [ID]");
  CHECK_STR(runs("see {fact:Ab|y}"),
            "l.txt:3:11: bad id \"Ab\" (lowercase letters, digits and"
            " hyphens) [ID]");
  CHECK_STR(runs("see {fact:ab}"),
            "l.txt:3:13: expected \"|\" and the shown text after the id"
            " [TEXT]");
  CHECK_STR(runs("see {fact:ab|}"), "l.txt:3:14: empty shown text [TEXT]");
  CHECK_STR(runs("x {note:}"), "l.txt:3:9: empty note number [NOTE]");
  CHECK_STR(runs("x {note:0}"),
            "l.txt:3:9: bad note number \"0\" (a positive number) [NOTE]");
  CHECK_STR(runs("x {note:07}"),
            "l.txt:3:9: bad note number \"07\" (a positive number) [NOTE]");
  CHECK_STR(runs("x {note:1a}"),
            "l.txt:3:9: bad note number \"1a\" (a positive number) [NOTE]");
  CHECK_STR(runs("x {note:-1}"),
            "l.txt:3:9: bad note number \"-1\" (a positive number) [NOTE]");
  CHECK_STR(runs("x {note:3|y}"),
            "l.txt:3:9: bad note number \"3|y\" (a positive number) [NOTE]");
  CHECK_STR(runs("line\n\xc3\xa9 {note:x}"),
            "l.txt:4:9: bad note number \"x\" (a positive number) [NOTE]");
}

int main(void){
  testGood();
  testErrors();
  return HARNESS_DONE("test-markup");
}
