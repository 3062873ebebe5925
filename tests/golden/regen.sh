#!/bin/sh
# regen.sh KIOSKCTL: rewrite the golden quizzes listed in cases.txt with
# the given kioskctl, after a deliberate change to the quiz generator or
# its output. Review the diff before committing it.
set -e
ctl=${1:?usage: regen.sh PATH/TO/kioskctl}
here=$(cd "$(dirname "$0")" && pwd)
db=$(mktemp -d)/golden.db
"$ctl" build --course "$here/course" --db "$db" >/dev/null
grep -v '^#' "$here/cases.txt" | while read -r file args; do
  [ -n "$file" ] || continue
  # shellcheck disable=SC2086
  "$ctl" quiz --db "$db" $args >"$here/$file"
  echo "wrote $file"
done
rm -rf "$(dirname "$db")"
