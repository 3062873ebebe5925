#!/bin/sh
# bench/load.sh: kioskctl import against the sqlite3 shell's .import, on the
# same generated CSV files loaded into the same typed table, in one run.
#
#   sh bench/load.sh [KIOSKCTL] [WORKDIR]
#
# KIOSKCTL defaults to ./src/kioskctl (run from a build folder), WORKDIR to
# a fresh folder under /tmp (the 1M-row file is about 110 MB). Prints, per
# file: wall time and peak RSS of each tool, and the time ratio. Needs
# sqlite3, awk and GNU time (/usr/bin/time).
set -eu
ctl=${1:-./src/kioskctl}
work=${2:-$(mktemp -d /tmp/kiosk-bench-load.XXXXXX)}
mkdir -p "$work"
TIME=/usr/bin/time

schema='CREATE TABLE t(
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  date KDATE NOT NULL,
  country TEXT NOT NULL,
  amount REAL,
  title TEXT NOT NULL
);'

# gen N FILE: N rows plus a header. Every 7th title has commas and doubled
# quotes, every 50th an embedded newline; ids are shuffled by a fixed LCG.
gen() {
  awk -v n="$1" 'BEGIN {
    split("Kazakhstan Uzbekistan Turkmenistan Kyrgyzstan Tajikistan Japan China Russia", c, " ")
    print "id,year,date,country,amount,title"
    for (i = 1; i <= n; i++) {
      y = 1991 + (i * 7919) % 29
      m = 1 + (i * 31) % 12
      d = 1 + (i * 17) % 28
      t = sprintf("Grant number %d for roads, schools and clinics in the region", i)
      if (i % 7 == 0) t = sprintf("\"\"Silk Road\"\" plan %d, phase %d, with partners", i, i % 5)
      if (i % 50 == 0) t = sprintf("Two-line note %d\nsecond line, with a comma", i)
      printf "%d,%d,%04d-%02d-%02d,%s,%d.%02d,\"%s\"\n", i, y, y, m, d, \
        c[1 + i % 8], (i * 104729) % 100000000, i % 100, t
    }
  }' > "$2"
}

# run LABEL CMD...: wall seconds and peak KiB of one command.
run() {
  label=$1; shift
  $TIME -f "%e %M" -o "$work/time.out" "$@" > /dev/null
  read -r secs kib < "$work/time.out"
  printf '  %-24s %7.2f s  %7d KiB peak RSS\n' "$label" "$secs" "$kib"
  echo "$secs" > "$work/last.secs"
}

for n in 10000 1000000; do
  csv=$work/rows-$n.csv
  [ -f "$csv" ] || gen $n "$csv"
  echo "$n rows, $(wc -c < "$csv") bytes:"
  rm -f "$work/a.db" "$work/b.db"
  sqlite3 "$work/a.db" "$schema"
  sqlite3 "$work/b.db" "$schema"
  run "kioskctl import" "$ctl" import --db "$work/a.db" t "$csv"
  ta=$(cat "$work/last.secs")
  run "sqlite3 .import --csv" sqlite3 "$work/b.db" ".import --csv --skip 1 $csv t"
  tb=$(cat "$work/last.secs")
  ca=$(sqlite3 "$work/a.db" 'SELECT count(*), sum(amount), sum(length(title)) FROM t')
  cb=$(sqlite3 "$work/b.db" 'SELECT count(*), sum(amount), sum(length(title)) FROM t')
  [ "$ca" = "$cb" ] || { echo "  rows differ: $ca vs $cb" >&2; exit 1; }
  awk -v a="$ta" -v b="$tb" 'BEGIN { if (b > 0) printf "  ratio kioskctl/sqlite3: %.2f\n", a / b }'
done
rm -f "$work/a.db" "$work/b.db" "$work/time.out" "$work/last.secs"
echo "files kept in $work"
