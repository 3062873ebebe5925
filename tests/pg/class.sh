#!/bin/sh
# class.sh: the class suite (class.test) against a throw-away PostgreSQL
# server that pgtest.sh starts and always stops. Skipped (77) without a
# server binary; build-aux/quickstart installs one, so CI runs it.
srcdir=${KIOSK_SRCDIR:-.}
exec "$srcdir/tests/pg/pgtest.sh" run "${TCLSH:-tclsh}" \
  "$srcdir/tests/pg/class.test" "$@"
