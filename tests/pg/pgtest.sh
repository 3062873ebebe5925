#!/bin/sh
# pgtest.sh: a throw-away PostgreSQL server for the class tests and bench.
#
#   pgtest.sh run CMD [ARGS...]   make a server in a new temporary folder,
#                                 run CMD with PGHOST/PGPORT/PGUSER/
#                                 PGDATABASE/PGPASSFILE pointing at it, then
#                                 stop the server and remove the folder, on
#                                 success, failure or interruption alike.
#                                 CMD's exit status is ours.
#   pgtest.sh stop | start        (inside CMD) stop or start that server
#                                 again: KIOSK_PGDIR names it.
#
# The server is Debian's postgresql package (initdb, pg_ctl), run as an
# unprivileged user: as root (CI) it is `nobody` through runuser, since
# initdb refuses root. It listens on a Unix socket in the folder only (no
# TCP), with scram-sha-256 passwords: the superuser's is random and stored
# in the folder's pgpass file, which the tests extend for kiosk roles.
# Without a server binary it exits 77 (automake's "skipped") and says why.
#
# Not here: anything of the class schema (kioskctl class init makes it).
set -u

findBin(){
  for d in "${KIOSK_PG_BINDIR:-}" \
           "$(pg_config --bindir 2>/dev/null)" \
           $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"; return 0
    fi
  done
  return 1
}

# Run a command as the server's user.
asOwner(){
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "${KIOSK_PG_USER:-nobody}" -- "$@"
  else
    "$@"
  fi
}

pgctl(){
  asOwner "$KIOSK_PG_BIN/pg_ctl" -D "$KIOSK_PGDIR/data" -l "$KIOSK_PGDIR/server.log" "$@"
}

case ${1:-} in
  stop)
    pgctl -m fast -w stop >/dev/null; exit $? ;;
  start)
    pgctl -w -t 30 start >/dev/null; exit $? ;;
  run)
    shift ;;
  *)
    echo "usage: pgtest.sh run CMD [ARGS...] | stop | start" >&2; exit 2 ;;
esac
[ $# -ge 1 ] || { echo "usage: pgtest.sh run CMD [ARGS...]" >&2; exit 2; }

if ! KIOSK_PG_BIN=$(findBin); then
  echo "pgtest.sh: no PostgreSQL server (initdb, pg_ctl) found: skipping;" \
       "install it with: apt-get install postgresql" >&2
  exit 77
fi
export KIOSK_PG_BIN
KIOSK_PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-pg.XXXXXX") || exit 99
export KIOSK_PGDIR

cleanup(){
  if [ -f "$KIOSK_PGDIR/data/postmaster.pid" ]; then
    pgctl -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$KIOSK_PGDIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

pw=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$pw" > "$KIOSK_PGDIR/pw"
if [ "$(id -u)" -eq 0 ]; then
  chown "${KIOSK_PG_USER:-nobody}" "$KIOSK_PGDIR" "$KIOSK_PGDIR/pw"
fi
if ! asOwner "$KIOSK_PG_BIN/initdb" -D "$KIOSK_PGDIR/data" -U postgres \
      --pwfile="$KIOSK_PGDIR/pw" --auth=scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 --no-sync >"$KIOSK_PGDIR/initdb.log" 2>&1; then
  echo "pgtest.sh: initdb failed:" >&2
  cat "$KIOSK_PGDIR/initdb.log" >&2
  exit 99
fi
rm -f "$KIOSK_PGDIR/pw"
cat >> "$KIOSK_PGDIR/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$KIOSK_PGDIR'
unix_socket_permissions = 0777
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF
if ! pgctl -w -t 30 start >/dev/null; then
  echo "pgtest.sh: the server did not start:" >&2
  cat "$KIOSK_PGDIR/server.log" >&2
  exit 99
fi

PGHOST=$KIOSK_PGDIR PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
PGPASSFILE=$KIOSK_PGDIR/pgpass
printf '*:*:*:postgres:%s\n' "$pw" > "$PGPASSFILE"
chmod 600 "$PGPASSFILE"
export PGHOST PGPORT PGUSER PGDATABASE PGPASSFILE
unset PGSERVICE PGSERVICEFILE PGSSLMODE PGPASSWORD PGOPTIONS

"$@"
