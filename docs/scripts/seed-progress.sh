#!/usr/bin/env bash
# Seeds a fortnight of one student's practice ("Sam Rivera") for the picture of "My progress"
# (scripts/screenshots.sh). Every attempt is made by the real trainer from a script (the scripts
# beside this file, or a step's own demonstration replayed); the trainer stamps attempts with the
# clock, so after each day's runs sqlite3 moves that day's attempts onto the day they stand for,
# 5 p.m. onwards, and gives each the minutes a practice session of that day would take.
# Usage: docs/scripts/seed-progress.sh GUIDEDTOUCH TODAY(YYYY-MM-DD)
# with XDG_DATA_HOME set to the (empty) data folder to fill, SDL's dummy drivers and TZ=UTC.
set -euo pipefail
bin=$1 today=$2
here=$(cd "$(dirname "$0")" && pwd)
db=$XDG_DATA_HOME/guidedtouch/progress.db
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
last=0

# a step's demonstration, replayed in practice mode and handed in with Done
demo() { # LESSON STEP
  "$bin" demo "$1" "$2" > "$work/$1-$2.json"
  printf 'at 300\nreplay %s-%s.json\nwait 300\nkey Return\n' "$1" "$2" > "$work/$1-$2.txt"
  "$bin" --mute --student "Sam Rivera" --mode practice --lesson "$1" --step "$2" --script "$work/$1-$2.txt" \
    > /dev/null 2>&1
}

# one of the scripts beside this file (learn mode, lower-back-basics)
scripted() { # SCRIPT [STEP]
  "$bin" --mute --student "Sam Rivera" --lesson lower-back-basics --step "${2:-1}" --script "$here/$1.txt" \
    > /dev/null 2>&1
}

# moves the attempts made since the last call to DAYS_AGO days before today, MINUTES each
day() { # DAYS_AGO MINUTES
  local base=$(( $(date -u -d "$today 17:00 UTC - $1 days" +%s) * 1000 )) each=$(( $2 * 60000 ))
  sqlite3 "$db" "UPDATE attempts SET finished_ms = $base + (rowid - $last) * ($each + 60000),
                 started_ms = $base + (rowid - $last) * ($each + 60000) - $each WHERE rowid > $last;"
  last=$(sqlite3 "$db" "SELECT coalesce(max(rowid), 0) FROM attempts;")
}

# effleurage too fast or cut short at first, then mostly whole strokes; one unsafe circular
# friction over the kidney area; the front of the body in the arthritis lesson; a five-day run
# (10-6 days ago) and the three days up to today
scripted practice-too-fast; scripted result-short; day 13 4
scripted practice-too-fast; demo gentle-arthritis 1; day 11 6
scripted result-short; scripted result-kidney 4; day 10 5
scripted result-capped; demo lower-back-basics 3; day 9 8
scripted practice-too-fast; demo lower-back-basics 4; day 8 7
scripted result-capped; demo gentle-arthritis 2; day 7 8
scripted result-capped; demo lower-back-basics 3; day 6 6
scripted result-short; demo lower-back-basics 4; day 2 6
scripted result-capped; demo gentle-arthritis 1; day 1 8
demo lower-back-basics 1; scripted result-capped; day 0 9
