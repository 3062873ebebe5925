/*
** normalize.h: comparing typed text the way a teacher would.
**
** Two levels, both returning sqlite3_malloc'd UTF-8 the caller frees with
** sqlite3_free (NULL only when out of memory):
**
** kioskNormalizeFold: case folded (ASCII, Latin-1, Latin Extended-A,
**   Greek and basic Cyrillic), Latin accents stripped (é->e, ş->s, ō->o,
**   ß->ss, æ->ae, œ->oe, ø->o, ł->l, đ->d, þ->th), typographic quotes and
**   apostrophes dropped, "&" read as "and" and "+" as "plus", every other
**   run of punctuation or white space turned into one space, trimmed.
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
** Invalid UTF-8 bytes are skipped. Code points outside the folded ranges
** are kept as they are.
*/
#ifndef KIOSK_NORMALIZE_H
#define KIOSK_NORMALIZE_H

char *kioskNormalizeFold(const char *z);
char *kioskNormalizeKey(const char *z);

/* 1 when a and b have the same key (kioskNormalizeKey), 0 when not or out
** of memory. */
int kioskNormalizeSame(const char *a, const char *b);

#endif
