# kiosk-tcl.m4: find Tcl and Tk 8.6 through tclConfig.sh and tkConfig.sh.
#
# KIOSK_TCLCONFIG sets TCL_INCLUDE_SPEC, TCL_STUB_LIB_SPEC and TCL_VERSION;
# KIOSK_TKCONFIG sets TK_VERSION and WISH. A missing or wrong version stops
# configure and names the Debian package to install.

AC_DEFUN([KIOSK_TCLCONFIG], [
  AC_ARG_WITH([tcl],
    [AS_HELP_STRING([--with-tcl=DIR], [directory containing tclConfig.sh])],
    [kiosk_tcl_dirs="$withval"],
    [kiosk_tcl_dirs="/usr/lib/tcl8.6 /usr/lib64/tcl8.6 /usr/local/lib/tcl8.6 /usr/lib/$host_alias/tcl8.6 /usr/lib/x86_64-linux-gnu/tcl8.6 /usr/local/lib /usr/lib"])
  AC_MSG_CHECKING([for tclConfig.sh])
  kiosk_tclconfig=
  for d in $kiosk_tcl_dirs; do
    if test -r "$d/tclConfig.sh"; then kiosk_tclconfig="$d/tclConfig.sh"; break; fi
  done
  AS_IF([test -z "$kiosk_tclconfig"], [
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([tclConfig.sh for Tcl 8.6 not found; install it with: apt-get install tcl8.6-dev (or pass --with-tcl=DIR)])])
  AC_MSG_RESULT([$kiosk_tclconfig])
  . "$kiosk_tclconfig"
  AS_CASE([$TCL_VERSION], [8.6], [],
    [AC_MSG_ERROR([Tcl 8.6 is required, $kiosk_tclconfig is for Tcl $TCL_VERSION; install tcl8.6-dev])])
  eval "TCL_INCLUDE_SPEC=\"$TCL_INCLUDE_SPEC\""
  eval "TCL_STUB_LIB_SPEC=\"$TCL_STUB_LIB_SPEC\""
  AC_SUBST([TCL_VERSION])
  AC_SUBST([TCL_INCLUDE_SPEC])
  AC_SUBST([TCL_STUB_LIB_SPEC])
  kiosk_save_CPPFLAGS=$CPPFLAGS
  CPPFLAGS="$CPPFLAGS $TCL_INCLUDE_SPEC"
  AC_CHECK_HEADER([tcl.h], [],
    [AC_MSG_ERROR([tcl.h not found; install it with: apt-get install tcl8.6-dev])])
  CPPFLAGS=$kiosk_save_CPPFLAGS
  AC_PATH_PROGS([TCLSH], [tclsh8.6 tclsh], [],
    [$TCL_EXEC_PREFIX/bin$PATH_SEPARATOR$PATH])
  AS_IF([test -z "$TCLSH"],
    [AC_MSG_ERROR([tclsh 8.6 not found; install it with: apt-get install tcl8.6])])
])

AC_DEFUN([KIOSK_TKCONFIG], [
  AC_ARG_WITH([tk],
    [AS_HELP_STRING([--with-tk=DIR], [directory containing tkConfig.sh])],
    [kiosk_tk_dirs="$withval"],
    [kiosk_tk_dirs="/usr/lib/tk8.6 /usr/lib64/tk8.6 /usr/local/lib/tk8.6 /usr/lib/x86_64-linux-gnu/tk8.6 /usr/local/lib /usr/lib"])
  AC_MSG_CHECKING([for tkConfig.sh])
  kiosk_tkconfig=
  for d in $kiosk_tk_dirs; do
    if test -r "$d/tkConfig.sh"; then kiosk_tkconfig="$d/tkConfig.sh"; break; fi
  done
  AS_IF([test -z "$kiosk_tkconfig"], [
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([tkConfig.sh for Tk 8.6 not found; install it with: apt-get install tk8.6-dev (or pass --with-tk=DIR)])])
  AC_MSG_RESULT([$kiosk_tkconfig])
  TK_VERSION=`. "$kiosk_tkconfig"; echo "$TK_VERSION"`
  AS_CASE([$TK_VERSION], [8.6], [],
    [AC_MSG_ERROR([Tk 8.6 is required, found $TK_VERSION; install tk8.6-dev])])
  AC_SUBST([TK_VERSION])
  AC_PATH_PROGS([WISH], [wish8.6 wish])
  AS_IF([test -z "$WISH"],
    [AC_MSG_ERROR([wish 8.6 not found; install it with: apt-get install tk8.6])])
])
