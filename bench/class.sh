#!/bin/sh
# bench/class.sh: class sync against psql's \copy, in one run, on a
# throw-away PostgreSQL (tests/pg/pgtest.sh). Run from a build folder:
#
#   sh bench/class.sh [SRCDIR]          (SRCDIR: where tests/pg is; .)
#
# 1. 30 kiosks, each with 1,000 answers in 100 attempts in its outbox
#    (tests/pg/class-kiosk), sync at once, all 30 processes in parallel:
#    time until every one has finished. The reference: psql \copy of the
#    same rows (the 30,000 answers, the 30,000 questions as asked and the
#    3,000 attempts, as CSV exported from the same kiosks) into tables
#    shaped like the class's, indexes and
#    all, the way 30 kiosks would: 30 psql processes at once, each its own
#    connection. Goal: sync at least 0.5x the speed of that \copy (ratio =
#    copy time / sync time). For comparison, also one psql session
#    \copy-ing everything (no 30 connections to set up).
# 2. The class results (`kioskctl class results`, one row per attempt) with
#    100,000 answers on the server: the best of 5 runs, end to end
#    (connect, query, print). Goal: under 0.5 s.
set -eu
src=${1:-.}
build=$(pwd)
if [ -z "${KIOSK_PGDIR:-}" ]; then
  exec "$src/tests/pg/pgtest.sh" run sh "$0" "$@"
fi
helper=$build/tests/pg/class-kiosk
ctl=$build/src/kioskctl
n=${KIOSKS:-30}
per=${ANSWERS:-1000}
work=$KIOSK_PGDIR/bench
mkdir -p "$work"

now(){ date +%s.%N; }
since(){ awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.3f", b-a}'; }

createdb class
"$ctl" class init --conn dbname=class >/dev/null
psql -X -q -d class -c "CREATE ROLE bench LOGIN PASSWORD 'bench' IN ROLE kiosk_device"
echo "*:*:*:bench:bench" >> "$PGPASSFILE"

echo "class.sh: filling $n kiosks with $per answers each..."
i=1
while [ $i -le "$n" ]; do
  "$helper" make "$work/k$i.db" "k$i"
  "$helper" answer "$work/k$i.db" "student$i" "$per" --seed $i --bench
  i=$((i+1))
done
rows=$(for f in "$work"/k*.db; do
  sqlite3 "$f" "SELECT count(*) FROM outbox"; done | awk '{s+=$1} END{print s}')

# The reference: the same rows as CSV, \copy'd by one psql session.
psql -X -q -d class -c "CREATE TABLE ref_attempts (LIKE kiosk.attempts INCLUDING ALL);
  CREATE TABLE ref_answers (LIKE kiosk.answers INCLUDING ALL);
  CREATE TABLE ref_asked (LIKE kiosk.asked INCLUDING ALL);
  GRANT INSERT, SELECT ON ref_attempts, ref_answers, ref_asked TO bench;
  GRANT USAGE ON SEQUENCE kiosk.rev TO bench"
: > "$work/copy.sql"
i=1
while [ $i -le "$n" ]; do
  sqlite3 -csv "$work/k$i.db" "SELECT a.uid, s.name, 'k$i', a.kind, a.pack,
      a.stage, a.title, a.status, a.started, a.finished
    FROM attempts a JOIN students s ON s.id = a.student" > "$work/a$i.csv"
  sqlite3 -csv "$work/k$i.db" "SELECT a.uid, w.idx, 'k$i', q.qid, w.answer,
      w.text, w.correct, w.credit, w.points, w.answered
    FROM answers w JOIN attempts a ON a.id = w.attempt
    JOIN asked k ON k.attempt = w.attempt AND k.idx = w.idx
    JOIN questions q ON q.id = k.question" > "$work/w$i.csv"
  sqlite3 -csv "$work/k$i.db" "SELECT a.uid, k.idx, q.qid, q.body
    FROM asked k JOIN attempts a ON a.id = k.attempt
    JOIN questions q ON q.id = k.question" > "$work/q$i.csv"
  {
    printf "%s\n" "\\copy ref_attempts (uid, student, kiosk, kind, pack, stage, title, status, started, finished) FROM '$work/a$i.csv' WITH (FORMAT csv)"
    printf "%s\n" "\\copy ref_answers (uid, idx, kiosk, qid, answer, text, correct, credit, points, answered) FROM '$work/w$i.csv' WITH (FORMAT csv)"
    printf "%s\n" "\\copy ref_asked (uid, idx, qid, body) FROM '$work/q$i.csv' WITH (FORMAT csv)"
  } > "$work/copy$i.sql"
  cat "$work/copy$i.sql" >> "$work/copy.sql"
  i=$((i+1))
done
# Reference: 30 psql processes at once, one per kiosk.
t0=$(now)
i=1
while [ $i -le "$n" ]; do
  psql -X -q -d class -U bench -v ON_ERROR_STOP=1 -f "$work/copy$i.sql" &
  i=$((i+1))
done
wait
tcopy=$(since "$t0")
refanswers=$(psql -X -At -d class -c "SELECT count(*) FROM ref_answers")
# For comparison: one session copying it all, into emptied tables.
psql -X -q -d class -c "TRUNCATE ref_attempts, ref_answers, ref_asked"
t0=$(now)
psql -X -q -d class -v ON_ERROR_STOP=1 -f "$work/copy.sql"
tcopy1=$(since "$t0")

# The floor under both: 30 processes at once that only connect.
t0=$(now)
i=1
while [ $i -le "$n" ]; do
  psql -X -q -At -d class -U bench -c "SELECT 1" > /dev/null &
  i=$((i+1))
done
wait
tfloor=$(since "$t0")

# Sync: all kiosks at once, each its own process and connection.
t0=$(now)
i=1
while [ $i -le "$n" ]; do
  "$helper" sync "$work/k$i.db" "k$i" "dbname=class user=bench" \
    > "$work/sync$i.log" 2>&1 &
  i=$((i+1))
done
wait
tsync=$(since "$t0")
sent=$(cat "$work"/sync*.log | awk '/^sent/{s+=$2} END{print s+0}')
answers=$(psql -X -At -d class -c "SELECT count(*) FROM kiosk.answers")
if [ "$sent" -ne "$rows" ] || [ "$answers" -ne "$refanswers" ]; then
  echo "class.sh: sync incomplete: sent $sent of $rows outbox rows," \
       "$answers answers on the server, $refanswers copied" >&2
  cat "$work"/sync*.log >&2
  exit 1
fi
echo "sync:   $n kiosks, $sent outbox rows ($answers answers): $tsync s"
printf "%s\n" "\\copy: the same $refanswers answers, their questions and attempts, $n psql at once: $tcopy s; one psql session: $tcopy1 s"
echo "floor:  $n psql processes at once that only connect: $tfloor s"
awk -v n="$n" -v c="$tcopy" -v c1="$tcopy1" -v s="$tsync" 'BEGIN{printf "ratio:  sync at %.2fx the speed of %d psql \\copy at once (goal >= 0.5x); %.2fx of one session\n", c/s, n, c1/s}'

# 100,000 answers: add attempts of 10 answers until there are (with the
# totals kiosk.upload would have kept).
more=$(( (100000 - answers) / 10 ))
if [ "$more" -gt 0 ]; then
  psql -X -q -d class -c "
    INSERT INTO kiosk.attempts (uid, student, kiosk, kind, pack, status, started, finished)
      SELECT md5('bench' || g), 'extra' || (g % 300), 'extra', 'pack', 'class-test',
             'finished', '2024-01-01T00:00:00Z', '2024-01-01T00:10:00Z'
      FROM generate_series(1, $more) g;
    INSERT INTO kiosk.answers (uid, idx, kiosk, qid, answer, correct, credit, points, answered)
      SELECT md5('bench' || g), i, 'extra', 'gen:q' || i, '1', (g + i) % 3 <> 0,
             1, 1, '2024-01-01T00:05:00Z'
      FROM generate_series(1, $more) g, generate_series(0, 9) i;
    UPDATE kiosk.attempts a SET answered = t.n, correct = t.c, score = t.s
      FROM (SELECT uid, count(*) AS n, count(*) FILTER (WHERE correct) AS c,
                   sum(points) AS s FROM kiosk.answers WHERE kiosk = 'extra'
            GROUP BY uid) t
      WHERE a.uid = t.uid;
    ANALYZE kiosk.attempts; ANALYZE kiosk.answers"
fi
total=$(psql -X -At -d class -c "SELECT count(*) FROM kiosk.answers")
best=
for r in 1 2 3 4 5; do
  t0=$(now)
  "$ctl" class results --conn "dbname=class user=bench" > "$work/results.tsv"
  t=$(since "$t0")
  best=$(awk -v a="${best:-999}" -v b="$t" 'BEGIN{print (b<a)?b:a}')
done
lines=$(($(wc -l < "$work/results.tsv") - 1))
# The query alone, on the server (no process start, no connection), and
# the floor: starting psql and connecting.
best1=
for r in 1 2 3 4 5; do
  t0=$(now)
  psql -X -q -At -d class -U bench -c "SELECT 1" > /dev/null
  t=$(since "$t0")
  best1=$(awk -v a="${best1:-999}" -v b="$t" 'BEGIN{print (b<a)?b:a}')
done
{
  printf '%s\n' '\timing on'
  for r in 1 2 3 4 5; do
    printf '%s\n' "SELECT count(*) FROM (SELECT * FROM kiosk.results ORDER BY lower(student), started, uid) x;"
  done
} > "$work/query.sql"
query=$(psql -X -d class -f "$work/query.sql" |
  awk '/^Time:/{t=$2; if(b==""||t<b)b=t} END{printf "%.1f", b}')
echo "results: $lines attempts from $total answers: best of 5 $best s end to end (kioskctl class results: start, connect, query, print; goal < 0.5 s); the query alone $query ms; psql connecting only $best1 s"
