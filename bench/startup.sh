#!/bin/sh
# startup.sh: how long the kiosk takes from launch until its course map is
# drawn, and its peak memory, side by side in the same run with bare `wish`
# showing one label. Both run under the same Xvfb, the course database
# already built (the kiosk's every-day start, not its first).
#
#   sh bench/startup.sh BUILDDIR [RUNS]
#
# BUILDDIR is a configured and built tree (it has kiosk-run); RUNS the
# hyperfine runs per command (default 30, after 3 warm-ups). Needs Xvfb,
# wish, hyperfine and GNU time (/usr/bin/time). The kiosk stops itself
# through bench/startup-hook.tcl (KIOSK_TEST_HOOK): prepare, attract, then
# the course map, drawn, then exit. Goals: time at most 1.3x and peak RSS at
# most 1.5x wish's. Prints the figures and the ratios; exits 0 whatever they
# are (a benchmark, not a test), non-zero when it could not measure.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: sh bench/startup.sh BUILDDIR [RUNS]}
runs=${2:-30}
build=$(cd "$build" && pwd)
kiosk=$build/kiosk-run
[ -x "$kiosk" ] || { echo "startup.sh: no $kiosk (build first)" >&2; exit 2; }
for tool in Xvfb wish hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "startup.sh: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-startup.XXXXXX")
xpid=
cleanup() {
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A display of our own: Xvfb picks a free number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" \
  2>"$work/xvfb.log" &
xpid=$!
i=0
while [ ! -s "$work/display" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$work/display" ] || { echo "startup.sh: Xvfb did not start" >&2; exit 2; }
DISPLAY=:$(cat "$work/display")
export DISPLAY

# The reference: wish, one label, drawn, exit.
cat >"$work/label.tcl" <<'EOF'
pack [label .l -text "Japan in Central Asia"]
update
exit 0
EOF

# The kiosk on databases of its own, with the hook that stops it.
KIOSK_TEST_HOOK=$here/startup-hook.tcl
XDG_DATA_HOME=$work/data
XDG_CACHE_HOME=$work/cache
export KIOSK_TEST_HOOK XDG_DATA_HOME XDG_CACHE_HOME
set -- "$kiosk" --windowed --db "$work/course.db" --records "$work/records.db"

# The first start builds course.db; the second must find it fresh.
"$@" || { echo "startup.sh: the kiosk did not reach its course map" >&2; exit 1; }
[ -s "$work/course.db" ] || { echo "startup.sh: no course.db was built" >&2; exit 1; }
"$@"

hyperfine -N --style basic --warmup 3 --runs "$runs" \
  --export-csv "$work/times.csv" \
  "wish $work/label.tcl" "$*" >"$work/hyperfine.log" 2>&1 ||
  { cat "$work/hyperfine.log" >&2; exit 1; }

# Peak resident memory (KiB), the median of five runs each.
peak() {
  for n in 1 2 3 4 5; do
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null
    cat "$work/rss"
  done | sort -n | sed -n 3p
}
wrss=$(peak wish "$work/label.tcl")
krss=$(peak "$@")

# hyperfine's CSV: command,mean,stddev,median,user,system,min,max (seconds).
# The verdict uses medians: a burst of load from elsewhere moves a mean
# more than a median.
awk -F, -v runs="$runs" -v wrss="$wrss" -v krss="$krss" '
  NR == 2 { wm = $2; ws = $3; wd = $4 }
  NR == 3 { km = $2; ks = $3; kd = $4 }
  END {
    tr = kd / wd; mr = krss / wrss
    printf "bench/startup: launch until the course map is drawn (Xvfb 1280x1024, course.db built)\n"
    printf "hyperfine, %d runs each after 3 warm-ups; peak RSS the median of 5 runs (GNU time %%M)\n\n", runs
    printf "  %-20s %10s %10s %10s %12s\n", "", "median", "mean", "stddev", "peak RSS"
    printf "  %-20s %7.1f ms %7.1f ms %7.1f ms %8.1f MiB\n", "wish, one label", wd * 1000, wm * 1000, ws * 1000, wrss / 1024
    printf "  %-20s %7.1f ms %7.1f ms %7.1f ms %8.1f MiB\n", "kiosk, course map", kd * 1000, km * 1000, ks * 1000, krss / 1024
    printf "\n  time   %.2fx wish, medians (means: %.2fx); goal <= 1.3x: %s\n", tr, km / wm, tr <= 1.3 ? "met" : "missed"
    printf "  memory %.2fx wish; goal <= 1.5x: %s\n", mr, mr <= 1.5 ? "met" : "missed"
  }' "$work/times.csv"
