/*
** normalize.h: comparing typed text the way a teacher would.
**
** Two levels, both returning sqlite3_malloc'd UTF-8 the caller frees with
** sqlite3_free (NULL only when out of memory):
**
** kioskNormalizeFold: by libutf8proc, NFKC (full-width "ＪＡＰＡＮ" is
**   "JAPAN", the ligature "ﬁ" is "fi"), full Unicode case folding in every
**   script (Latin, Greek, Cyrillic with Kazakh and Tajik letters: "ҚАЗАҚ"
**   -> "қазақ", "ß" -> "ss") and every mark stripped (é->e, ş->s, ō->o,
**   ё->е, й->и); then letters Unicode does not decompose spelt with their
**   base (æ->ae, œ->oe, ø->o, ł->l, đ->d, þ->th, ı->i, ə->e), typographic
**   quotes and apostrophes dropped, "&" read as "and" and "+" as "plus",
**   every other run of punctuation, symbols or white space turned into
**   one space, trimmed. Letters and digits of any script are kept.
**   "Nur-Sultan" -> "nur sultan", "Central Asia + Japan" -> "central asia
**   plus japan", "Japan’s" -> "japans".
**
** kioskNormalizeKey: the fold, then a leading "the " dropped, then the
**   common variants of romanising Russian, Central Asian and Japanese names
**   made equal, then the spaces removed:
**     dzh, zh -> j      (Dzhizak / Jizzakh)
**     kh -> h           (Rakhmon / Rahmon, Ashkhabad)
**     gh -> g           (Kirghiz / Kirgiz)
**     ou -> u           (Tourkmen)
**     y -> i            (Kyrgyzstan / Kirgizstan, Yaponiya)
**     w -> v            (Watanabe is unaffected unless spelt Vatanabe)
**     doubled letters -> single (Hashimmoto)
**   "Nur-Sultan", "Nur Sultan" and "Nursultan" all give "nursultan".
**   Names that differ in more than this (Astana / Nur-Sultan) are equal
**   only through the course's aliases table, which the quiz generator
**   puts into a question's accept list.
**
** Invalid UTF-8 bytes are skipped. Stripping marks also takes the
** voicing marks off Japanese kana (が -> か): a course in Latin or
** Cyrillic letters loses nothing by it.
*/
#ifndef KIOSK_NORMALIZE_H
#define KIOSK_NORMALIZE_H

char *kioskNormalizeFold(const char *z);
char *kioskNormalizeKey(const char *z);

/* 1 when a and b have the same key (kioskNormalizeKey), 0 when not or out
** of memory. */
int kioskNormalizeSame(const char *a, const char *b);

#endif
