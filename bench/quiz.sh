#!/bin/sh
# quiz.sh: how long a 20-question quiz takes to generate, on the bundled
# course and on a generated course of about 100,000 facts, side by side in
# the same run with a reference: the same number of random-fact look-ups
# done the naive way, one scan of the facts per question.
#
#   sh bench/quiz.sh BUILDDIR [RUNS]
#
# BUILDDIR is a configured and built tree (src/kioskctl and the core
# library src/.libs/libkioskcore.a). RUNS quizzes per measure (default
# 200). Builds both course databases with kioskctl build, compiles
# bench/quiz-bench.c against the core, and prints its in-process figures
# (median and 90th percentile per quiz); then times the whole command
# `kioskctl quiz --count 20` against `sqlite3` answering one query on the
# same database, with hyperfine when it is installed. Goals: under 5 ms
# per quiz on the bundled course, at most 3x that at 100,000 facts. Exits 0
# whatever the figures are (a benchmark, not a test).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=${1:?usage: sh bench/quiz.sh BUILDDIR [RUNS]}
runs=${2:-200}
build=$(cd "$build" && pwd)
ctl=$build/src/kioskctl
lib=$build/src/.libs/libkioskcore.a
[ -x "$ctl" ] && [ -f "$lib" ] || { echo "quiz.sh: build $build first" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-quiz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "== building the course databases"
"$ctl" build --course "$src/data" --db "$work/bundled.db" >/dev/null
mkdir -p "$work/big/lessons"
awk -v dir="$work/big" -v n=100000 -f "$here/quiz-course.awk"
"$ctl" build --course "$work/big" --db "$work/big.db" | awk '
  $1!="lessons" && $1!="lesson_refs" && $1!="glossary" { n[$1]=$2 }
  END { printf "generated course: %d events, %d figures, %d initiatives, %d people, %d organizations, %d places\n",
        n["events"], n["figures"], n["initiatives"], n["people"], n["organizations"], n["places"] }'

echo "== compiling bench/quiz-bench.c"
${CC:-cc} -O2 -std=c99 -I"$src/src/core" -I"$build/src/core" \
  -o "$work/quiz-bench" "$here/quiz-bench.c" "$lib" \
  $(pkg-config --libs sqlite3 expat libutf8proc) -lcsv -lcrypt -lm

for db in bundled big; do
  echo "== in process: $db course ($runs quizzes per line)"
  "$work/quiz-bench" "$work/$db.db" "$runs"
done

if command -v hyperfine >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1; then
  for db in bundled big; do
    echo "== whole command: $db course"
    hyperfine -N --warmup 3 --runs 50 --style basic \
      "$ctl quiz --db $work/$db.db --count 20 --seed 7 --json" \
      "sqlite3 $work/$db.db 'SELECT id FROM facts ORDER BY random() LIMIT 20'"
  done
else
  echo "(hyperfine or sqlite3 not installed: whole-command timing skipped)"
fi
