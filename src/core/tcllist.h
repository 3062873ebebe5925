/*
** tcllist.h: reading the text of a Tcl list (and so of a Tcl dict) in C.
**
** Records schema 1 kept each question as the text of a Tcl dict; the
** migration to schema 3 reads them back into questions without Tcl. This is
** Tcl's list syntax (brace-quoted, quoted and bare words, backslash
** substitution) and nothing else: no command or variable substitution, so
** nothing is ever evaluated.
*/
#ifndef KIOSK_TCLLIST_H
#define KIOSK_TCLLIST_H

/*
** Split z into its elements: *pazElem is a sqlite3_malloc'd array of
** *pnElem sqlite3_malloc'd strings (free with kioskTclListFree). Returns 0,
** 1 when z is not a well-formed list (unbalanced braces or quotes), -1 when
** out of memory; on failure *pazElem is NULL and *pnElem 0.
*/
int kioskTclListSplit(const char *z, int *pnElem, char ***pazElem);
void kioskTclListFree(char **azElem, int nElem);

#endif
