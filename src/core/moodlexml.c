/*
** moodlexml.c: Moodle XML reader and writer (see moodlexml.h).
**
** Reading: expat parses the file into a small tree of elements (name,
** attributes, text, position), which is then walked question by
** question; a comment just before a <question> ("question: 12") is kept
** as the question's comment. Nothing read is evaluated. Writing escapes
** every text for XML; texts are written as plain_text unless the prompt
** carries an image (then html).
*/
#include "moodlexml.h"

#include <ctype.h>
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XML_MAX_DEPTH 64

/* ========================================================================
** The element tree
*/
typedef struct XNode XNode;
struct XNode {
  char *zName;
  char **azAttr;         /* name, value, ..., NULL (one allocation each) */
  sqlite3_str *pText;    /* while parsing */
  char *zText;           /* the element's own character data */
  char *zComment;        /* <question>: the comment just before it */
  int iLine, iCol;
  XNode *pParent, *pFirst, *pLast, *pNext;
};

typedef struct XTree {
  XML_Parser xp;
  XNode *pRoot;          /* a document node holding the top element */
  XNode *pCur;
  int nDepth;
  int bNoMem;
  sqlite3_str *pComment; /* comments since the last element */
} XTree;

static void nodeFree(XNode *p){
  while( p ){
    XNode *pNext = p->pNext;
    int i;
    nodeFree(p->pFirst);
    sqlite3_free(p->zName);
    for(i=0; p->azAttr && p->azAttr[i]; i++) sqlite3_free(p->azAttr[i]);
    sqlite3_free(p->azAttr);
    if( p->pText ) sqlite3_free(sqlite3_str_finish(p->pText));
    sqlite3_free(p->zText);
    sqlite3_free(p->zComment);
    sqlite3_free(p);
    p = pNext;
  }
}

static void XMLCALL onStart(void *pArg, const XML_Char *zName,
                            const XML_Char **azAttr){
  XTree *t = (XTree *)pArg;
  XNode *p;
  int n = 0, i;
  if( t->bNoMem ) return;
  if( ++t->nDepth>XML_MAX_DEPTH ){
    XML_StopParser(t->xp, XML_FALSE);
    return;
  }
  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ){ t->bNoMem = 1; XML_StopParser(t->xp, XML_FALSE); return; }
  memset(p, 0, sizeof(*p));
  p->iLine = (int)XML_GetCurrentLineNumber(t->xp);
  p->iCol = (int)XML_GetCurrentColumnNumber(t->xp)+1;
  p->zName = kioskStrDup(zName);
  while( azAttr[n] ) n++;
  p->azAttr = sqlite3_malloc64(sizeof(char *)*(size_t)(n+1));
  if( p->azAttr ){
    for(i=0; i<n; i++) p->azAttr[i] = kioskStrDup(azAttr[i]);
    p->azAttr[n] = 0;
  }
  p->pText = sqlite3_str_new(0);
  p->pParent = t->pCur;
  if( t->pCur->pLast ) t->pCur->pLast->pNext = p;
  else t->pCur->pFirst = p;
  t->pCur->pLast = p;
  t->pCur = p;
  if( strcmp(zName, "question")==0 && sqlite3_str_length(t->pComment)>0 ){
    p->zComment = sqlite3_str_finish(t->pComment);
    t->pComment = sqlite3_str_new(0);
  }else{
    sqlite3_str_reset(t->pComment);
  }
  if( p->zName==0 || p->azAttr==0 ){
    t->bNoMem = 1;
    XML_StopParser(t->xp, XML_FALSE);
  }
}

static void XMLCALL onEnd(void *pArg, const XML_Char *zName){
  XTree *t = (XTree *)pArg;
  XNode *p = t->pCur;
  (void)zName;
  t->nDepth--;
  if( t->bNoMem || p==t->pRoot ) return;
  if( sqlite3_str_errcode(p->pText) ) t->bNoMem = 1;
  p->zText = sqlite3_str_finish(p->pText);
  p->pText = 0;
  if( p->zText==0 ) p->zText = kioskStrDup("");
  if( p->zText==0 ) t->bNoMem = 1;
  t->pCur = p->pParent;
}

static void XMLCALL onText(void *pArg, const XML_Char *z, int n){
  XTree *t = (XTree *)pArg;
  if( t->bNoMem || t->pCur==t->pRoot || t->pCur->pText==0 ) return;
  sqlite3_str_append(t->pCur->pText, z, n);
}

static void XMLCALL onComment(void *pArg, const XML_Char *z){
  XTree *t = (XTree *)pArg;
  const char *zEnd;
  while( *z && isspace((unsigned char)*z) ) z++;
  zEnd = z+strlen(z);
  while( zEnd>z && isspace((unsigned char)zEnd[-1]) ) zEnd--;
  if( zEnd==z ) return;
  if( sqlite3_str_length(t->pComment)>0 ){
    sqlite3_str_appendchar(t->pComment, 1, '\n');
  }
  sqlite3_str_append(t->pComment, z, (int)(zEnd-z));
}

/* The first child element named zName, or NULL. */
static XNode *child(const XNode *p, const char *zName){
  XNode *c;
  if( p==0 ) return 0;
  for(c=p->pFirst; c; c=c->pNext) if( strcmp(c->zName, zName)==0 ) return c;
  return 0;
}

static const char *attr(const XNode *p, const char *zName){
  int i;
  for(i=0; p && p->azAttr && p->azAttr[i]; i+=2){
    if( strcmp(p->azAttr[i], zName)==0 ) return p->azAttr[i+1];
  }
  return 0;
}

/* The text of p's <text> child ("" when none). */
static const char *textOf(const XNode *p){
  XNode *c = child(p, "text");
  return c && c->zText ? c->zText : "";
}

/* ========================================================================
** Reading questions
*/
typedef struct Reader {
  const char *zFile;
  KioskErrList *pErrs;
  KioskErrList *pWarn;
  unsigned mWarned;
  int bFail;
  char *zCategory;
} Reader;

static void xerr(Reader *r, const XNode *p, const char *zCode,
                 const char *zFmt, ...)
#ifdef __GNUC__
  __attribute__((format(printf, 4, 5)))
#endif
  ;
static void xerr(Reader *r, const XNode *p, const char *zCode,
                 const char *zFmt, ...){
  char zMsg[512];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  va_end(ap);
  kioskErrListAdd(r->pErrs, KIOSK_EGIFT, zCode, r->zFile,
                  p ? p->iLine : 0, p ? p->iCol : 0, "%s", zMsg);
  r->bFail = 1;
}

/* A warning, once a kind (bit) per question. */
static void xwarn(Reader *r, const XNode *p, int iBit, const char *zMsg){
  if( r->mWarned & (1u<<iBit) ) return;
  r->mWarned |= 1u<<iBit;
  kioskErrListAdd(r->pWarn, KIOSK_EGIFT, "FORMAT", r->zFile,
                  p ? p->iLine : 0, p ? p->iCol : 0, "%s", zMsg);
}

enum { W_HTML = 0, W_AUTO, W_MARKDOWN, W_IMAGE, W_GRADE, W_UNITS,
       W_EXTRA };

/*
** The text of element p (questiontext, answer, feedback...) as the kiosk
** shows it, by its format attribute (html unless given). With pq, an
** image the kiosk can show goes to the question (the prompt only).
** Returns a new string, or NULL with an error recorded.
*/
static char *readText(Reader *r, const XNode *p, KioskQuestion *pq){
  const char *zFmt = attr(p, "format");
  const char *zRaw = textOf(p);
  char *z;
  if( zFmt==0 ) zFmt = "html";
  if( strcmp(zFmt, "html")==0 ){
    KioskHtmlInfo info;
    memset(&info, 0, sizeof(info));
    z = kioskGiftHtmlToText(zRaw, &info);
    if( z==0 ){
      xerr(r, p, "NOMEM", "out of memory");
      return 0;
    }
    if( info.zBad[0] ){
      xerr(r, p, "UNSUPPORTED", "HTML <%s> cannot be shown by the kiosk; "
           "only simple markup (p, br, b, i, em, strong, span, a, img...) "
           "is turned into text", info.zBad);
      sqlite3_free(z);
      kioskGiftHtmlInfoClear(&info);
      return 0;
    }
    if( info.nImg ){
      const char *zWhy = 0;
      char *zData = 0;
      if( pq==0 ) zWhy = "only the question text shows an image";
      else if( info.nImg>1 || pq->zImage ) zWhy = "one image a question";
      else if( info.zImg && strncmp(info.zImg, "@@PLUGINFILE@@/", 15)==0 ){
        /* a file carried in the XML, beside the text: <file name=...> */
        const char *zName = info.zImg+15;
        XNode *c;
        zWhy = "no <file> of that name in the question";
        for(c=p->pFirst; c; c=c->pNext){
          const char *zN = attr(c, "name"), *zEnc = attr(c, "encoding");
          if( strcmp(c->zName, "file")!=0 || zN==0 || strcmp(zN, zName)!=0 ){
            continue;
          }
          if( zEnc==0 || strcmp(zEnc, "base64")!=0 ){
            zWhy = "a file not in base64";
          }else if( (zWhy = kioskGiftImageWhyNot(zName))==0 ){
            /* base64 without its white space */
            sqlite3_str *pD = sqlite3_str_new(0);
            const char *t;
            for(t=c->zText ? c->zText : ""; *t; t++){
              if( !isspace((unsigned char)*t) ) sqlite3_str_appendchar(pD, 1, *t);
            }
            zData = sqlite3_str_finish(pD);
            if( zData==0 || strlen(zData)>KIOSK_GIFT_IMAGE_MAX/3*4+4 ){
              zWhy = "bigger than the kiosk carries";
              sqlite3_free(zData);
              zData = 0;
            }
          }
          break;
        }
        if( zWhy==0 ){
          char *zN = kioskStrDup(zName);
          sqlite3_free(info.zImg);
          info.zImg = zN;
        }
      }else zWhy = kioskGiftImageWhyNot(info.zImg);
      if( zWhy ){
        char zMsg[300];
        char *zNew = sqlite3_mprintf("%s%s[image%s%s]", z, z[0] ? " " : "",
                                     info.zAlt && info.zAlt[0] ? ": " : "",
                                     info.zAlt ? info.zAlt : "");
        snprintf(zMsg, sizeof(zMsg), "image \"%.120s\" cannot be shown by "
                 "the kiosk (%s): kept as its description",
                 info.zImg ? info.zImg : "", zWhy);
        xwarn(r, p, W_IMAGE, zMsg);
        sqlite3_free(z);
        z = zNew;
      }else{
        pq->zImage = info.zImg;
        pq->zImageAlt = info.zAlt;
        pq->zImageData = zData;
        zData = 0;
        info.zImg = info.zAlt = 0;
      }
      sqlite3_free(zData);
    }else if( strcmp(z, zRaw)!=0 ){
      char *zTrim = kioskStrDup(zRaw);
      if( zTrim ){
        /* only a change beyond surrounding white space is worth saying */
        size_t n = strlen(zTrim);
        char *s = zTrim;
        while( *s && isspace((unsigned char)*s) ) s++;
        while( n>0 && isspace((unsigned char)zTrim[n-1]) ) zTrim[--n] = 0;
        if( strcmp(s, z)!=0 ){
          xwarn(r, p, W_HTML, "HTML formatting kept as plain text: markup "
                "such as <b> and <p> dropped, entities decoded");
        }
        sqlite3_free(zTrim);
      }
    }
    kioskGiftHtmlInfoClear(&info);
  }else{
    size_t n;
    const char *s = zRaw;
    while( *s && isspace((unsigned char)*s) ) s++;
    z = kioskStrDup(s);
    if( z ){
      n = strlen(z);
      while( n>0 && isspace((unsigned char)z[n-1]) ) z[--n] = 0;
    }
    if( strcmp(zFmt, "markdown")==0 && z && z[0] ){
      xwarn(r, p, W_MARKDOWN, "markdown formatting kept as plain text: the "
            "kiosk shows marks such as * _ # as written");
    }else if( strcmp(zFmt, "moodle_auto_format")==0 && z
              && kioskGiftLooksLikeHtml(z) ){
      xwarn(r, p, W_AUTO, "Moodle auto-format kept as plain text: the "
            "kiosk shows its HTML tags and entities as written");
    }
  }
  if( z==0 ) xerr(r, p, "NOMEM", "out of memory");
  return z;
}

/* A text that may be absent: NULL both when absent and when empty. */
static char *readOptText(Reader *r, const XNode *p, int *pbErr){
  char *z;
  if( p==0 ) return 0;
  z = readText(r, p, 0);
  if( z==0 ){ *pbErr = 1; return 0; }
  if( z[0]==0 ){ sqlite3_free(z); return 0; }
  return z;
}

/* A number from element text or an attribute: 0 and *pr, or 1. */
static int readNumber(const char *z, double *pr){
  char *zEnd;
  if( z==0 ) return 1;
  while( isspace((unsigned char)*z) ) z++;
  if( *z==0 ) return 1;
  *pr = strtod(z, &zEnd);
  while( isspace((unsigned char)*zEnd) ) zEnd++;
  return *zEnd!=0 || !isfinite(*pr);
}

/* An answer's fraction attribute as a share (1 for "100"). */
static int answerFraction(Reader *r, const XNode *a, double *pr){
  const char *z = attr(a, "fraction");
  double f = 0;
  if( z && readNumber(z, &f) ){
    xerr(r, a, "SYNTAX", "fraction \"%s\" is not a number", z);
    return 1;
  }
  if( f<-100 || f>100 ){
    xerr(r, a, "SYNTAX", "fraction %g is outside -100 to 100", f);
    return 1;
  }
  *pr = f/100.0;
  return 0;
}

static void readChoice(Reader *r, const XNode *pQ, KioskQuestion *q){
  XNode *a;
  const char *zSingle = textOf(child(pQ, "single"));
  XNode *pSingle = child(pQ, "single");
  int bSingle = pSingle==0 || strcmp(pSingle->zText ? pSingle->zText : "",
                                     "false")!=0;
  (void)zSingle;
  for(a=pQ->pFirst; a; a=a->pNext){
    double f;
    char *zText, *zFb;
    int bErr = 0;
    if( strcmp(a->zName, "answer")!=0 ) continue;
    if( answerFraction(r, a, &f) ) continue;
    zText = readText(r, a, 0);
    zFb = readOptText(r, child(a, "feedback"), &bErr);
    if( zText && !bErr ){
      if( zText[0]==0 ) xerr(r, a, "SYNTAX", "an answer with no text");
      else if( kioskQuestionAddOption(q, zText, f, zFb, 0) ){
        xerr(r, a, "NOMEM", "out of memory");
      }
    }
    sqlite3_free(zText);
    sqlite3_free(zFb);
  }
  if( r->bFail ) return;
  if( q->nOption<2 ){
    xerr(r, pQ, "SYNTAX", "a multiple-choice question needs at least two "
         "answers");
    return;
  }
  if( bSingle ){
    q->eKind = KQ_CHOICE;
  }else{
    double rSum = 0;
    int i;
    q->eKind = KQ_MULTI;
    for(i=0; i<q->nOption; i++){
      if( q->aOption[i].rCredit>0 ) rSum += q->aOption[i].rCredit;
    }
    if( fabs(rSum-1.0)>0.005 ){
      xerr(r, pQ, "SYNTAX", "the positive fractions add up to %g%%, not "
           "100%%", rSum*100.0);
    }
  }
}

static void readTrueFalse(Reader *r, const XNode *pQ, KioskQuestion *q){
  XNode *a;
  double rTrue = -1, rFalse = -1;
  char *zFbTrue = 0, *zFbFalse = 0;
  for(a=pQ->pFirst; a; a=a->pNext){
    double f;
    int bErr = 0;
    char *zText;
    if( strcmp(a->zName, "answer")!=0 ) continue;
    if( answerFraction(r, a, &f) ) continue;
    zText = readText(r, a, 0);
    if( zText==0 ) continue;
    if( sqlite3_stricmp(zText, "true")==0 && rTrue<0 ){
      rTrue = f;
      zFbTrue = readOptText(r, child(a, "feedback"), &bErr);
    }else if( sqlite3_stricmp(zText, "false")==0 && rFalse<0 ){
      rFalse = f;
      zFbFalse = readOptText(r, child(a, "feedback"), &bErr);
    }else{
      xerr(r, a, "SYNTAX", "a true/false answer is \"true\" or \"false\", "
           "each once, not \"%s\"", zText);
    }
    sqlite3_free(zText);
  }
  if( !r->bFail && (rTrue<0 || rFalse<0) ){
    xerr(r, pQ, "SYNTAX", "a true/false question needs a \"true\" and a "
         "\"false\" answer");
  }
  if( !r->bFail ){
    q->eKind = KQ_TF;
    if( kioskQuestionAddOption(q, "True", rTrue>=rFalse ? 1.0 : 0.0,
                               zFbTrue, 0)
     || kioskQuestionAddOption(q, "False", rTrue>=rFalse ? 0.0 : 1.0,
                               zFbFalse, 0) ){
      xerr(r, pQ, "NOMEM", "out of memory");
    }
  }
  sqlite3_free(zFbTrue);
  sqlite3_free(zFbFalse);
}

static void readShort(Reader *r, const XNode *pQ, KioskQuestion *q){
  XNode *a;
  int bFull = 0;
  q->eKind = KQ_TEXT;
  for(a=pQ->pFirst; a; a=a->pNext){
    double f;
    int bErr = 0;
    char *zText, *zFb;
    if( strcmp(a->zName, "answer")!=0 ) continue;
    if( answerFraction(r, a, &f) ) continue;
    zText = readText(r, a, 0);
    zFb = readOptText(r, child(a, "feedback"), &bErr);
    if( zText && !bErr ){
      if( zText[0]==0 ){
        xerr(r, a, "SYNTAX", "an answer with no text");
      }else if( f<0 ){
        xerr(r, a, "SYNTAX", "a typed answer's fraction is from 0 to 100");
      }else if( kioskQuestionAddAcceptEx(q, zText, f, zFb) ){
        xerr(r, a, "NOMEM", "out of memory");
      }
      if( f>=1.0 ) bFull = 1;
    }
    sqlite3_free(zText);
    sqlite3_free(zFb);
  }
  if( r->bFail ) return;
  if( q->nAccept==0 ){
    xerr(r, pQ, "SYNTAX", "a short-answer question needs an answer");
  }else if( !bFull ){
    xerr(r, pQ, "SYNTAX", "no answer gets full credit (fraction 100)");
  }
}

static void readNumerical(Reader *r, const XNode *pQ, KioskQuestion *q){
  XNode *a;
  int nPoint = 0, bDetail = 0, i;
  q->eKind = KQ_NUMBER;
  for(a=pQ->pFirst; a; a=a->pNext){
    KioskNumAnswer na;
    double f;
    int bErr = 0;
    const char *zVal;
    if( strcmp(a->zName, "answer")!=0 ) continue;
    if( answerFraction(r, a, &f) ) continue;
    memset(&na, 0, sizeof(na));
    na.rMin = 1.0;
    na.rMax = 0.0;
    na.rCredit = f;
    zVal = textOf(a);
    while( isspace((unsigned char)*zVal) ) zVal++;
    if( zVal[0]=='*' && zVal[1]==0 ){
      na.bAny = 1;
    }else if( readNumber(zVal, &na.rValue) ){
      xerr(r, a, "SYNTAX", "answer \"%s\" is not a number (or * for any "
           "other)", zVal);
      continue;
    }
    if( !na.bAny ){
      XNode *pTol = child(a, "tolerance");
      if( pTol && pTol->zText && pTol->zText[0]
       && (readNumber(pTol->zText, &na.rTol) || na.rTol<0) ){
        xerr(r, pTol, "SYNTAX", "tolerance \"%s\" is not a number of at "
             "least 0", pTol->zText);
        continue;
      }
      na.rTol = fabs(na.rTol);
    }
    if( f<0 ){
      xerr(r, a, "SYNTAX", "a number's fraction is from 0 to 100");
      continue;
    }
    na.zFeedback = readOptText(r, child(a, "feedback"), &bErr);
    if( bErr ) continue;
    if( kioskQuestionAddNum(q, &na) ) xerr(r, a, "NOMEM", "out of memory");
    if( na.bAny || f!=1.0 || na.zFeedback ) bDetail = 1;
    if( !na.bAny && f==1.0 && nPoint++==0 ){
      q->rValue = na.rValue;
      q->rTol = na.rTol;
    }else if( !na.bAny && f==1.0 ){
      bDetail = 1;
    }
    sqlite3_free(na.zFeedback);
  }
  {
    XNode *pUnits = child(pQ, "units");
    if( pUnits && pUnits->pFirst ){
      xwarn(r, pUnits, W_UNITS, "units not kept: the kiosk takes the number "
            "alone");
    }
  }
  if( r->bFail ) return;
  if( nPoint==0 ){
    xerr(r, pQ, "SYNTAX", "a numerical question needs a number with full "
         "credit (fraction 100)");
    return;
  }
  if( !bDetail ){
    for(i=0; i<q->nNum; i++) sqlite3_free(q->aNum[i].zFeedback);
    sqlite3_free(q->aNum);
    q->aNum = 0;
    q->nNum = 0;
  }
}

static void readMatching(Reader *r, const XNode *pQ, KioskQuestion *q){
  XNode *s;
  int i;
  q->eKind = KQ_MATCH;
  for(s=pQ->pFirst; s; s=s->pNext){
    char *zLeft;
    const char *zRight;
    XNode *pAns;
    if( strcmp(s->zName, "subquestion")!=0 ) continue;
    zLeft = readText(r, s, 0);
    pAns = child(s, "answer");
    zRight = textOf(pAns);
    while( isspace((unsigned char)*zRight) ) zRight++;
    if( zLeft==0 ) continue;
    if( zRight[0]==0 ){
      xerr(r, s, "SYNTAX", "a subquestion with no answer");
    }else if( zLeft[0]==0 ){
      if( kioskQuestionAddDistract(q, zRight) ) xerr(r, s, "NOMEM", "out of "
                                                     "memory");
    }else{
      for(i=0; i<q->nPair && strcmp(q->aPair[i].zLeft, zLeft)!=0; i++){}
      if( i<q->nPair ){
        xerr(r, s, "SYNTAX", "\"%s\" is matched twice", zLeft);
      }else if( kioskQuestionAddPair(q, zLeft, zRight) ){
        xerr(r, s, "NOMEM", "out of memory");
      }
    }
    sqlite3_free(zLeft);
  }
  if( !r->bFail && q->nPair<2 ){
    xerr(r, pQ, "SYNTAX", "a matching question needs at least two "
         "subquestions with text");
  }
}

/* zAnswer, as the GIFT reader makes it: the right answer in words. */
static char *answerWords(const KioskQuestion *q){
  sqlite3_str *p = sqlite3_str_new(0);
  int i, n = 0;
  switch( q->eKind ){
    case KQ_CHOICE: case KQ_MULTI: case KQ_TF:
      for(i=0; i<q->nOption; i++){
        if( q->aOption[i].rCredit<1.0 && q->eKind!=KQ_MULTI ) continue;
        if( q->aOption[i].rCredit<=0 ) continue;
        if( n++ ) sqlite3_str_appendall(p, "; ");
        sqlite3_str_appendall(p, q->aOption[i].zText);
      }
      break;
    case KQ_TEXT:
      for(i=0; i<q->nAccept; i++){
        if( q->arAccept[i]<1.0 ) continue;
        sqlite3_str_appendall(p, q->azAccept[i]);
        break;
      }
      break;
    case KQ_NUMBER:
      kioskGiftNumber(p, q->rValue);
      if( q->rTol>0 ){
        sqlite3_str_appendall(p, " \xC2\xB1 ");
        kioskGiftNumber(p, q->rTol);
      }
      break;
    case KQ_MATCH:
      for(i=0; i<q->nPair; i++){
        if( i ) sqlite3_str_appendall(p, "; ");
        sqlite3_str_appendf(p, "%s \xE2\x86\x92 %s", q->aPair[i].zLeft,
                            q->aPair[i].zRight);
      }
      break;
    default:
      break;
  }
  if( sqlite3_str_errcode(p) ){
    sqlite3_free(sqlite3_str_finish(p));
    return 0;
  }
  {
    char *z = sqlite3_str_finish(p);
    return z ? z : kioskStrDup("");
  }
}

static KioskGiftItem *newItem(KioskGiftDoc *pDoc){
  KioskGiftItem *pItem;
  if( pDoc->nItem>=pDoc->nAlloc ){
    int nNew = pDoc->nAlloc ? pDoc->nAlloc*2 : 16;
    KioskGiftItem *aNew = sqlite3_realloc64(pDoc->aItem,
                                 (sqlite3_uint64)nNew*sizeof(*aNew));
    if( aNew==0 ) return 0;
    pDoc->aItem = aNew;
    pDoc->nAlloc = nNew;
  }
  pItem = &pDoc->aItem[pDoc->nItem++];
  memset(pItem, 0, sizeof(*pItem));
  return pItem;
}

static void readQuestion(Reader *r, const XNode *pQ, KioskGiftDoc *pDoc){
  const char *zType = attr(pQ, "type");
  KioskGiftItem *pItem;
  KioskQuestion *q = 0;
  XNode *c;
  int bErr = 0;

  if( zType && strcmp(zType, "category")==0 ){
    const char *zCat = textOf(child(pQ, "category"));
    while( isspace((unsigned char)*zCat) ) zCat++;
    sqlite3_free(r->zCategory);
    r->zCategory = kioskStrDup(zCat);
    if( r->zCategory ){
      size_t n = strlen(r->zCategory);
      while( n>0 && isspace((unsigned char)r->zCategory[n-1]) ){
        r->zCategory[--n] = 0;
      }
    }
    return;
  }
  pItem = newItem(pDoc);
  if( pItem==0 ){
    xerr(r, pQ, "NOMEM", "out of memory");
    return;
  }
  r->bFail = 0;
  r->mWarned = 0;
  pItem->iLine = pQ->iLine;
  pItem->iCol = pQ->iCol;
  pItem->iFirstErr = r->pErrs->nErr;
  pItem->iFirstWarn = r->pWarn->nErr;
  if( r->zCategory ) pItem->zCategory = kioskStrDup(r->zCategory);
  {
    const char *zName = textOf(child(pQ, "name"));
    while( isspace((unsigned char)*zName) ) zName++;
    if( zName[0] ){
      pItem->zTitle = kioskStrDup(zName);
      if( pItem->zTitle ){
        size_t n = strlen(pItem->zTitle);
        while( n>0 && isspace((unsigned char)pItem->zTitle[n-1]) ){
          pItem->zTitle[--n] = 0;
        }
      }
    }
  }
  q = kioskQuestionNew();
  if( q==0 ){ xerr(r, pQ, "NOMEM", "out of memory"); goto done; }
  q->zTopic = kioskStrDup("hand");
  if( zType==0 ){
    xerr(r, pQ, "SYNTAX", "a <question> needs a type");
    goto done;
  }
  c = child(pQ, "questiontext");
  q->zPrompt = c ? readText(r, c, q) : kioskStrDup("");
  if( q->zPrompt==0 ) goto done;
  q->zFeedbackWrong = readOptText(r, child(pQ, "generalfeedback"), &bErr);
  if( bErr ) goto done;
  if( (c = child(pQ, "defaultgrade"))!=0 && c->zText && c->zText[0] ){
    double g;
    if( readNumber(c->zText, &g) ){
      xerr(r, c, "SYNTAX", "defaultgrade \"%s\" is not a number", c->zText);
      goto done;
    }
    if( g>0 && g<=1000 ){
      q->rPoints = g;
    }else if( strcmp(zType, "description")!=0 ){
      xwarn(r, c, W_GRADE, "a question worth no points counts 1 point in "
            "the kiosk");
    }
  }
  if( (c = child(pQ, "idnumber"))!=0 && c->zText ){
    const char *z = c->zText;
    while( isspace((unsigned char)*z) ) z++;
    if( z[0] ){
      q->zIdNumber = kioskStrDup(z);
      if( q->zIdNumber ){
        size_t n = strlen(q->zIdNumber);
        while( n>0 && isspace((unsigned char)q->zIdNumber[n-1]) ){
          q->zIdNumber[--n] = 0;
        }
      }
    }
  }
  if( (c = child(pQ, "tags"))!=0 ){
    XNode *t;
    for(t=c->pFirst; t; t=t->pNext){
      const char *z = textOf(t);
      if( strcmp(t->zName, "tag")==0 && z[0] && kioskQuestionAddTag(q, z) ){
        xerr(r, t, "NOMEM", "out of memory");
      }
    }
  }
  if( pQ->zComment ){
    q->zComment = kioskStrDup(pQ->zComment);
  }

  if( strcmp(zType, "multichoice")==0 ){
    readChoice(r, pQ, q);
  }else if( strcmp(zType, "truefalse")==0 ){
    readTrueFalse(r, pQ, q);
  }else if( strcmp(zType, "shortanswer")==0 ){
    readShort(r, pQ, q);
  }else if( strcmp(zType, "numerical")==0 ){
    readNumerical(r, pQ, q);
  }else if( strcmp(zType, "matching")==0 ){
    readMatching(r, pQ, q);
  }else if( strcmp(zType, "essay")==0 ){
    q->eKind = KQ_ESSAY;
  }else if( strcmp(zType, "description")==0 ){
    q->eKind = KQ_DESC;
    q->rPoints = 0;
  }else{
    xerr(r, pQ, "UNSUPPORTED", "question type \"%s\" is not supported by the "
         "kiosk (multichoice, truefalse, shortanswer, numerical, matching, "
         "essay, description)", zType);
    goto done;
  }
  if( r->bFail ) goto done;
  if( q->zPrompt[0]==0 && q->zImage==0 ){
    xerr(r, pQ, "SYNTAX", "the question has no text");
    goto done;
  }
  q->zAnswer = answerWords(q);
  if( q->zAnswer==0 ) xerr(r, pQ, "NOMEM", "out of memory");

done:
  pItem->nErr = r->pErrs->nErr - pItem->iFirstErr;
  if( r->bFail ){
    kioskQuestionFree(q);
    q = 0;
    if( r->pWarn->nErr>pItem->iFirstWarn ) r->pWarn->nErr = pItem->iFirstWarn;
  }
  pItem->nWarn = r->pWarn->nErr - pItem->iFirstWarn;
  pItem->q = q;
}

int kioskMoodleXmlParse(const char *zFile, const char *z, int n,
                        KioskGiftDoc *pDoc, KioskErrList *pErrs){
  XTree t;
  Reader r;
  int n0 = kioskErrListCount(pErrs);
  XNode *pQuiz, *c;

  memset(&t, 0, sizeof(t));
  memset(&r, 0, sizeof(r));
  r.zFile = zFile;
  r.pErrs = pErrs;
  r.pWarn = &pDoc->warn;
  t.pRoot = sqlite3_malloc64(sizeof(XNode));
  t.xp = XML_ParserCreate("UTF-8");
  t.pComment = sqlite3_str_new(0);
  if( t.pRoot==0 || t.xp==0 ){
    kioskErrListAdd(pErrs, KIOSK_EGIFT, "NOMEM", zFile, 0, 0,
                    "out of memory");
    goto done;
  }
  memset(t.pRoot, 0, sizeof(XNode));
  t.pCur = t.pRoot;
  XML_SetUserData(t.xp, &t);
  XML_SetElementHandler(t.xp, onStart, onEnd);
  XML_SetCharacterDataHandler(t.xp, onText);
  XML_SetCommentHandler(t.xp, onComment);
  if( XML_Parse(t.xp, z, n, XML_TRUE)==XML_STATUS_ERROR ){
    if( t.bNoMem ){
      kioskErrListAdd(pErrs, KIOSK_EGIFT, "NOMEM", zFile, 0, 0,
                      "out of memory");
    }else if( t.nDepth>XML_MAX_DEPTH ){
      kioskErrListAdd(pErrs, KIOSK_EGIFT, "XML", zFile,
                      (int)XML_GetCurrentLineNumber(t.xp),
                      (int)XML_GetCurrentColumnNumber(t.xp)+1,
                      "elements nested more than %d deep", XML_MAX_DEPTH);
    }else{
      kioskErrListAdd(pErrs, KIOSK_EGIFT, "XML", zFile,
                      (int)XML_GetCurrentLineNumber(t.xp),
                      (int)XML_GetCurrentColumnNumber(t.xp)+1,
                      "%s", XML_ErrorString(XML_GetErrorCode(t.xp)));
    }
    goto done;
  }
  pQuiz = t.pRoot->pFirst;
  if( pQuiz==0 || strcmp(pQuiz->zName, "quiz")!=0 ){
    kioskErrListAdd(pErrs, KIOSK_EGIFT, "SYNTAX", zFile,
                    pQuiz ? pQuiz->iLine : 1, pQuiz ? pQuiz->iCol : 1,
                    "not Moodle XML: the top element is <%s>, not <quiz>",
                    pQuiz ? pQuiz->zName : "");
    goto done;
  }
  for(c=pQuiz->pFirst; c; c=c->pNext){
    if( strcmp(c->zName, "question")==0 ) readQuestion(&r, c, pDoc);
  }

done:
  if( t.xp ) XML_ParserFree(t.xp);
  if( t.pRoot ){
    nodeFree(t.pRoot->pFirst);
    sqlite3_free(t.pRoot);
  }
  sqlite3_free(sqlite3_str_finish(t.pComment));
  sqlite3_free(r.zCategory);
  return kioskErrListCount(pErrs)-n0;
}

/* ========================================================================
** Writing
*/

/* z escaped for XML text and attributes; control characters other than
** tab and new line dropped (XML 1.0 cannot hold them). */
static void xmlEscape(sqlite3_str *pOut, const char *z){
  for(; z && *z; z++){
    unsigned char c = (unsigned char)*z;
    switch( c ){
      case '&': sqlite3_str_appendall(pOut, "&amp;"); break;
      case '<': sqlite3_str_appendall(pOut, "&lt;"); break;
      case '>': sqlite3_str_appendall(pOut, "&gt;"); break;
      case '"': sqlite3_str_appendall(pOut, "&quot;"); break;
      default:
        if( c<0x20 && c!='\t' && c!='\n' ) break;
        sqlite3_str_appendchar(pOut, 1, (char)c);
    }
  }
}

/* <zTag format="plain_text"><text>z</text></zTag> */
static void writeText(sqlite3_str *pOut, const char *zIndent,
                      const char *zTag, const char *z){
  sqlite3_str_appendf(pOut, "%s<%s format=\"plain_text\">\n%s  <text>",
                      zIndent, zTag, zIndent);
  xmlEscape(pOut, z ? z : "");
  sqlite3_str_appendf(pOut, "</text>\n%s</%s>\n", zIndent, zTag);
}

static void writeFraction(sqlite3_str *pOut, double r){
  char zBuf[40];
  snprintf(zBuf, sizeof(zBuf), "%.10g", r*100.0);
  sqlite3_str_appendall(pOut, zBuf);
}

void kioskMoodleXmlBegin(sqlite3_str *pOut, const char *zComment){
  sqlite3_str_appendall(pOut, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  if( zComment ){
    sqlite3_str_appendall(pOut, "<!-- ");
    for(; *zComment; zComment++){
      if( zComment[0]=='-' && zComment[1]=='-' ) continue;
      sqlite3_str_appendchar(pOut, 1, *zComment);
    }
    sqlite3_str_appendall(pOut, " -->\n");
  }
  sqlite3_str_appendall(pOut, "<quiz>\n");
}

void kioskMoodleXmlEnd(sqlite3_str *pOut){
  sqlite3_str_appendall(pOut, "</quiz>\n");
}

void kioskMoodleXmlWriteCategory(sqlite3_str *pOut,
                                 const char *const *azPart, int nPart){
  int i;
  const char *z;
  sqlite3_str_appendall(pOut, "  <question type=\"category\">\n"
                        "    <category>\n      <text>$course$/top");
  for(i=0; i<nPart; i++){
    sqlite3_str_appendchar(pOut, 1, '/');
    for(z=azPart[i]; *z; z++){
      char c[2] = { *z, 0 };
      if( *z=='\n' || *z=='\r' ) continue;
      if( *z=='/' ) sqlite3_str_appendchar(pOut, 1, '/');
      xmlEscape(pOut, c);
    }
  }
  sqlite3_str_appendall(pOut, "</text>\n    </category>\n  </question>\n\n");
}

/* The question's comment as XML comments, one a line ("--" cannot be in
** one: written "- -"). */
static void writeComment(sqlite3_str *pOut, const char *z){
  if( z==0 ) return;
  sqlite3_str_appendall(pOut, "  <!-- ");
  for(; *z; z++){
    if( *z=='\n' ){
      sqlite3_str_appendall(pOut, " -->\n  <!-- ");
    }else if( *z=='-' && z[1]=='-' ){
      sqlite3_str_appendall(pOut, "- ");
    }else if( (unsigned char)*z>=0x20 || *z=='\t' ){
      sqlite3_str_appendchar(pOut, 1, *z);
    }
  }
  sqlite3_str_appendall(pOut, " -->\n");
}

static void writeAnswer(sqlite3_str *pOut, double rFraction, const char *zText,
                        const char *zFb, int bPlain){
  sqlite3_str_appendall(pOut, "    <answer fraction=\"");
  writeFraction(pOut, rFraction);
  sqlite3_str_appendall(pOut, bPlain ? "\" format=\"plain_text\">\n"
                                     : "\">\n");
  sqlite3_str_appendall(pOut, "      <text>");
  xmlEscape(pOut, zText);
  sqlite3_str_appendall(pOut, "</text>\n");
  writeText(pOut, "      ", "feedback", zFb ? zFb : "");
  sqlite3_str_appendall(pOut, "    </answer>\n");
}

int kioskMoodleXmlWrite(sqlite3_str *pOut, const KioskQuestion *q,
                        const char *zTitle, KioskError *pErr){
  static const char *const azType[] = {
    "multichoice", "multichoice", "truefalse", "numerical", "numerical",
    "shortanswer", "matching", "matching", "essay", "description"
  };
  const char *zGen = q->zFeedbackWrong ? q->zFeedbackWrong : q->zExplain;
  int i;
  if( q->zPrompt==0 || (q->zPrompt[0]==0 && q->zImage==0) ){
    return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                         "question %s has no text", q->zId ? q->zId : "");
  }
  if( (int)q->eKind<0 || (size_t)q->eKind>=sizeof(azType)/sizeof(azType[0]) ){
    return kioskErrorSet(pErr, KIOSK_EGIFT, "WRITE", 0, 0, 0,
                         "question %s has an unknown kind",
                         q->zId ? q->zId : "");
  }
  writeComment(pOut, q->zComment);
  sqlite3_str_appendf(pOut, "  <question type=\"%s\">\n", azType[q->eKind]);
  sqlite3_str_appendall(pOut, "    <name>\n      <text>");
  if( zTitle && zTitle[0] ){
    xmlEscape(pOut, zTitle);
  }else{
    /* Moodle's own default: the start of the question text */
    char zName[64];
    int n = 0;
    const char *z = q->zPrompt;
    while( *z && n<(int)sizeof(zName)-5 ){
      if( *z=='\n' ){ zName[n++] = ' '; z++; continue; }
      zName[n++] = *z++;
    }
    while( n>0 && (((unsigned char)zName[n-1])&0xC0)==0x80 ) n--;
    if( n>0 && (((unsigned char)zName[n-1])&0xC0)==0xC0 ) n--;
    zName[n] = 0;
    xmlEscape(pOut, zName);
  }
  sqlite3_str_appendall(pOut, "</text>\n    </name>\n");
  if( q->zImage ){
    /* HTML, so that the image goes with it */
    sqlite3_str *pHtml = sqlite3_str_new(0);
    char *zHtml;
    const char *z;
    for(z=q->zPrompt; *z; z++){
      if( *z=='\n' ) sqlite3_str_appendall(pHtml, "<br>");
      else{ char c[2] = { *z, 0 }; xmlEscape(pHtml, c); }
    }
    sqlite3_str_appendall(pHtml, "<br><img src=\"");
    if( q->zImageData ) sqlite3_str_appendall(pHtml, "@@PLUGINFILE@@/");
    xmlEscape(pHtml, q->zImage);
    sqlite3_str_appendall(pHtml, "\" alt=\"");
    xmlEscape(pHtml, q->zImageAlt ? q->zImageAlt : "");
    sqlite3_str_appendall(pHtml, "\">");
    zHtml = sqlite3_str_finish(pHtml);
    sqlite3_str_appendall(pOut, "    <questiontext format=\"html\">\n"
                          "      <text>");
    xmlEscape(pOut, zHtml ? zHtml : "");
    sqlite3_str_appendall(pOut, "</text>\n");
    if( q->zImageData ){
      sqlite3_str_appendall(pOut, "      <file name=\"");
      xmlEscape(pOut, q->zImage);
      sqlite3_str_appendf(pOut, "\" path=\"/\" encoding=\"base64\">%s</file>\n",
                          q->zImageData);
    }
    sqlite3_str_appendall(pOut, "    </questiontext>\n");
    sqlite3_free(zHtml);
  }else{
    writeText(pOut, "    ", "questiontext", q->zPrompt);
  }
  writeText(pOut, "    ", "generalfeedback", zGen ? zGen : "");
  sqlite3_str_appendall(pOut, "    <defaultgrade>");
  kioskGiftNumber(pOut, q->eKind==KQ_DESC ? 0.0 : q->rPoints);
  sqlite3_str_appendall(pOut, "</defaultgrade>\n    <penalty>0.3333333"
                        "</penalty>\n    <hidden>0</hidden>\n");
  sqlite3_str_appendall(pOut, "    <idnumber>");
  xmlEscape(pOut, q->zIdNumber ? q->zIdNumber : "");
  sqlite3_str_appendall(pOut, "</idnumber>\n");

  switch( q->eKind ){
    case KQ_CHOICE: case KQ_MULTI:
      sqlite3_str_appendf(pOut, "    <single>%s</single>\n"
                          "    <shuffleanswers>true</shuffleanswers>\n"
                          "    <answernumbering>abc</answernumbering>\n",
                          q->eKind==KQ_CHOICE ? "true" : "false");
      for(i=0; i<q->nOption; i++){
        writeAnswer(pOut, q->aOption[i].rCredit, q->aOption[i].zText,
                    q->aOption[i].zFeedback, 1);
      }
      break;
    case KQ_TF: {
      writeAnswer(pOut, q->aOption[0].rCredit, "true",
                  q->aOption[0].zFeedback, 0);
      writeAnswer(pOut, q->aOption[1].rCredit, "false",
                  q->aOption[1].zFeedback, 0);
      break;
    }
    case KQ_TEXT:
      sqlite3_str_appendall(pOut, "    <usecase>0</usecase>\n");
      for(i=0; i<q->nAccept; i++){
        writeAnswer(pOut, q->arAccept ? q->arAccept[i] : 1.0, q->azAccept[i],
                    q->azAcceptFeedback ? q->azAcceptFeedback[i] : 0, 1);
      }
      break;
    case KQ_YEAR: case KQ_NUMBER:
      if( q->nNum>0 ){
        for(i=0; i<q->nNum; i++){
          const KioskNumAnswer *a = &q->aNum[i];
          sqlite3_str_appendall(pOut, "    <answer fraction=\"");
          writeFraction(pOut, a->rCredit);
          sqlite3_str_appendall(pOut, "\">\n      <text>");
          if( a->bAny ){
            sqlite3_str_appendall(pOut, "*</text>\n      <tolerance>0");
          }else{
            kioskGiftNumber(pOut, a->bRange ? (a->rMin+a->rMax)/2.0
                                            : a->rValue);
            sqlite3_str_appendall(pOut, "</text>\n      <tolerance>");
            kioskGiftNumber(pOut, a->bRange ? (a->rMax-a->rMin)/2.0 : a->rTol);
          }
          sqlite3_str_appendall(pOut, "</tolerance>\n");
          writeText(pOut, "      ", "feedback", a->zFeedback);
          sqlite3_str_appendall(pOut, "    </answer>\n");
        }
      }else{
        /* the value with its tolerance (a range alone is stored as its
        ** middle and half-width); a range besides is a second answer */
        int bRange = q->rMin<=q->rMax
          && !(q->rValue==(q->rMin+q->rMax)/2.0
               && q->rTol==(q->rMax-q->rMin)/2.0);
        sqlite3_str_appendall(pOut, "    <answer fraction=\"100\">\n"
                              "      <text>");
        kioskGiftNumber(pOut, q->rValue);
        sqlite3_str_appendall(pOut, "</text>\n      <tolerance>");
        kioskGiftNumber(pOut, q->rTol);
        sqlite3_str_appendall(pOut, "</tolerance>\n");
        writeText(pOut, "      ", "feedback", "");
        sqlite3_str_appendall(pOut, "    </answer>\n");
        if( bRange ){
          sqlite3_str_appendall(pOut, "    <answer fraction=\"100\">\n"
                                "      <text>");
          kioskGiftNumber(pOut, (q->rMin+q->rMax)/2.0);
          sqlite3_str_appendall(pOut, "</text>\n      <tolerance>");
          kioskGiftNumber(pOut, (q->rMax-q->rMin)/2.0);
          sqlite3_str_appendall(pOut, "</tolerance>\n");
          writeText(pOut, "      ", "feedback", "");
          sqlite3_str_appendall(pOut, "    </answer>\n");
        }
      }
      break;
    case KQ_MATCH: case KQ_ORDER: {
      int n = q->eKind==KQ_MATCH ? q->nPair : q->nOption;
      sqlite3_str_appendall(pOut, "    <shuffleanswers>true"
                            "</shuffleanswers>\n");
      for(i=0; i<n; i++){
        char zPos[16];
        const char *zL, *zR;
        if( q->eKind==KQ_MATCH ){
          zL = q->aPair[i].zLeft;
          zR = q->aPair[i].zRight;
        }else{
          int k;
          for(k=0; k<n && q->aOrder[k]!=i; k++){}
          snprintf(zPos, sizeof(zPos), "%d", k+1);
          zL = q->aOption[i].zText;
          zR = zPos;
        }
        sqlite3_str_appendall(pOut, "    <subquestion format=\"plain_text\">"
                              "\n      <text>");
        xmlEscape(pOut, zL);
        sqlite3_str_appendall(pOut, "</text>\n      <answer>\n        <text>");
        xmlEscape(pOut, zR);
        sqlite3_str_appendall(pOut, "</text>\n      </answer>\n"
                              "    </subquestion>\n");
      }
      for(i=0; q->eKind==KQ_MATCH && i<q->nDistract; i++){
        sqlite3_str_appendall(pOut, "    <subquestion format=\"plain_text\">"
                              "\n      <text></text>\n      <answer>\n"
                              "        <text>");
        xmlEscape(pOut, q->azDistract[i]);
        sqlite3_str_appendall(pOut, "</text>\n      </answer>\n"
                              "    </subquestion>\n");
      }
      break;
    }
    case KQ_ESSAY:
      sqlite3_str_appendall(pOut, "    <responseformat>editor</responseformat>"
                            "\n    <responserequired>1</responserequired>\n"
                            "    <responsefieldlines>15</responsefieldlines>\n"
                            "    <attachments>0</attachments>\n");
      break;
    case KQ_DESC:
      break;
  }
  if( q->nTag ){
    sqlite3_str_appendall(pOut, "    <tags>\n");
    for(i=0; i<q->nTag; i++){
      sqlite3_str_appendall(pOut, "      <tag><text>");
      xmlEscape(pOut, q->azTag[i]);
      sqlite3_str_appendall(pOut, "</text></tag>\n");
    }
    sqlite3_str_appendall(pOut, "    </tags>\n");
  }
  sqlite3_str_appendall(pOut, "  </question>\n\n");
  return 0;
}
