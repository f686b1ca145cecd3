#!/usr/bin/env bash
# Drives the real guidedtouch binary the way staff and instructors would for issue 8: students by
# name, the first start importing the older progress files, export (CSV a spreadsheet reads back
# exactly, JSON), the class report, backup, print-config with the source of every value, and
# set-pin. Runs in its own HOME and XDG folders, in UTC.
# Usage: test_store_cli.sh PATH/TO/guidedtouch SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" TZ=UTC
export GUIDEDTOUCH_SYSTEM_CONFIG="$work/etc/config.json"
mkdir -p "$HOME" "$work/etc"
data="$XDG_DATA_HOME/guidedtouch"
db="$data/progress.db"
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3

source "$(dirname "$0")/../support/checks.sh" # check, finish
sql() { # sql FILE STATEMENT: the first column of the first row
    "$py" -c 'import sqlite3, sys; row = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(row[0] if row else "")' "$1" "$2"
}

for cmd in students export report backup print-config set-pin; do
    check "help $cmd" bash -c "'$bin' $cmd --help | grep -q '^Usage: guidedtouch $cmd'"
    check "version $cmd" bash -c "'$bin' $cmd --version | grep -Eq '^guidedtouch [0-9]+\.[0-9]+\.[0-9]+$'"
done
check "the main help lists the new commands" bash -c "'$bin' --help | grep -q 'export \[--student NAME\]'"

# nothing saved yet: the read-only commands say so and create nothing
check "no students yet" bash -c "'$bin' students | grep -qx 'No students yet; add one with \`guidedtouch students add NAME\`.'"
check "report with nothing saved" bash -c "'$bin' report | grep -qx 'No students yet: nothing has been saved.'"
check "export with nothing saved is a header" bash -c "'$bin' export | head -1 | grep -q '^attempt_id,student,lesson,step,'"
check "reading creates no database" test ! -e "$db"

# the older file store: two graded replays and an unsafe one, and progress.json
mkdir -p "$data/replays"
"$bin" demo lower-back-basics 1 > "$data/replays/lower-back-basics-step1-20240102-093000-1.json"
"$bin" demo lower-back-basics 2 > "$data/replays/lower-back-basics-step2-20240102-093500-1.json"
jq '.contacts[].samples[][3] = 1.0' "$data/replays/lower-back-basics-step1-20240102-093000-1.json" \
    > "$data/replays/lower-back-basics-step1-20240103-100000-1.json"
cat > "$data/progress.json" <<'EOF'
{"format": "guidedtouch-progress", "version": 1, "entries": [
  {"lesson": "lower-back-basics", "step": 1, "best": 97, "attempts": 4, "passes": 3},
  {"lesson": "lower-back-basics", "step": 2, "best": 99, "attempts": 1, "passes": 1}]}
EOF
"$bin" students > "$work/out.txt" 2> "$work/err.txt"; code=$?
check "the first start imports the older files" test "$code" -eq 0
check "the import is announced" grep -q 'imported the earlier progress from .* (3 attempts, 2 marks) as student "Earlier work"' "$work/err.txt"
check "imported work is listed" grep -Eq '^Earlier work +3 attempts  last practised 2024-01-03 10:00  \(not a real name\)$' "$work/out.txt"
"$bin" students 2> "$work/err.txt" > /dev/null
check "the import runs once" test ! -s "$work/err.txt"
check "the database is WAL" test "$(sql "$db" 'PRAGMA journal_mode')" = wal

# students by name
check "add a student" bash -c "'$bin' students add '  Anna   Lee ' | grep -qx 'Added Anna Lee'"
"$bin" students add "ANNA LEE" > /dev/null 2> "$work/err.txt"; code=$?
check "a name taken in another case is refused" test "$code" -eq 1
check "... saying whose it is" grep -qx 'guidedtouch: There is already a student called Anna Lee' "$work/err.txt"
"$bin" students rename "Ana Lee" "Anna Li" > /dev/null 2> "$work/err.txt"; code=$?
check "renaming a misspelt name fails" test "$code" -eq 1
check "... with did you mean" grep -qx 'guidedtouch: No student is called Ana Lee (did you mean Anna Lee?)' "$work/err.txt"
check "rename the imported work to its owner" bash -c "'$bin' students rename 'earlier work' 'Cara \"CJ\", Jones' | grep -qx 'Renamed Earlier work to Cara \"CJ\", Jones'"
check "students are listed by name" bash -c "'$bin' students list | awk '{print \$1}' | tr '\n' ' ' | grep -qx 'Anna Cara '"
"$bin" students frobnicate > /dev/null 2>&1; code=$?
check "an unknown action is a usage error" test "$code" -eq 2

# export: CSV that reads back exactly, one row per attempt, criteria columns, quoting
"$bin" export > "$work/all.csv"; code=$?
check "export exits 0" test "$code" -eq 0
cat > "$work/csv_check.py" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 3, len(rows)
assert all(r["student"] == 'Cara "CJ", Jones' for r in rows), rows[0]["student"]
header = open(sys.argv[1]).readline().strip().split(",")
for name in ("path", "direction", "pressure", "speed", "rhythm", "continuity", "hold"):
    for suffix in ("score", "measured", "unit", "target_min", "target_max", "feedback"):
        assert f"{name}_{suffix}" in header, f"{name}_{suffix}"
unsafe = [r for r in rows if r["verdict"] == "unsafe"]
assert len(unsafe) == 1 and unsafe[0]["passed"] == "no" and int(unsafe[0]["safety_events"]) >= 1, unsafe
assert unsafe[0]["safety"], "the safety messages are exported"
scored = [r for r in rows if r["verdict"] == "scored"]
assert len(scored) == 2 and all(float(r["total"]) >= 95 and r["passed"] == "yes" for r in scored)
assert all(r["path_score"] and r["path_feedback"] for r in scored)
assert rows[0]["finished_utc"] == "2024-01-02T09:30:00Z", rows[0]["finished_utc"]
assert all(r["source"] == "legacy-import" for r in rows)
EOF
check "the CSV reads back: 3 rows, criteria columns, quoted name, unsafe attempt" "$py" "$work/csv_check.py" "$work/all.csv"
"$bin" students rename "cara \"cj\", jones" "=HYPERLINK(1)" > /dev/null
check "a name a spreadsheet would run is exported as text" bash -c "'$bin' export | sed -n 2p | grep -q ',\"'\"'\"'=HYPERLINK(1)\",'"
"$bin" students rename "=hyperlink(1)" "Cara" > /dev/null
"$bin" export --format json > "$work/all.json"
check "the JSON export has every attempt with criteria and safety" jq -e '.format == "guidedtouch-export" and
    (.attempts | length) == 3 and (.attempts[0].criteria | length) >= 3 and
    ([.attempts[] | select(.verdict == "unsafe") | .safety | length] | .[0]) >= 1 and .attempts[0].student == "Cara"' "$work/all.json"
check "export of one student" bash -c "'$bin' export --student anna\ lee | wc -l | grep -qx 1"
"$bin" export --student Carra > /dev/null 2> "$work/err.txt"; code=$?
check "export of an unknown student fails" test "$code" -eq 1
check "... with did you mean" grep -qx 'guidedtouch: No student is called Carra (did you mean Cara?)' "$work/err.txt"
"$bin" export --format xml > /dev/null 2>&1; code=$?
check "an unknown format is a usage error" test "$code" -eq 2

# the class report
"$bin" report > "$work/report.txt"
check "report names each student" grep -q '^Cara: 3 attempts, last practised 2024-01-03$' "$work/report.txt"
check "report counts lessons done and tried" grep -q '^  Lessons done: 0 of [0-9]*; tried: 1$' "$work/report.txt"
check "report has best and recent per technique" grep -Eq '^  effleurage +3 +2 +[0-9.]+ +[0-9.]+!' "$work/report.txt"
check "report counts safety events" grep -Eq '^  Safety events: [1-9][0-9]* \(injurious-pressure [0-9]+' "$work/report.txt"
check "report shows a student with nothing yet" grep -q '^Anna Lee: 0 attempts, last practised never$' "$work/report.txt"
check "report of one student" bash -c "'$bin' report --student cara | grep -c '^[A-Z]' | grep -qx 1"

# backup while in use, and --database
check "backup" bash -c "'$bin' backup '$work/backup.db' | grep -q 'backed up'"
check "the backup holds every attempt" test "$(sql "$work/backup.db" 'SELECT count(*) FROM attempts')" = 3
"$bin" backup "$work/backup.db" > /dev/null 2> "$work/err.txt"; code=$?
check "backup never overwrites" test "$code" -eq 1
check "another database by --database" bash -c "'$bin' students add Dan --database '$work/other.db' && '$bin' students --database='$work/other.db' | grep -q '^Dan '"
check "... the usual one is untouched" bash -c "! '$bin' students | grep -q '^Dan '"

# configuration: /etc, then the user's file, then the command line, each value with its source
cat > "$work/etc/config.json" <<'EOF'
{
  "format": "guidedtouch-config",
  "version": 1,
  "kiosk": true,
  "idle_timeout_s": 300,
  "fullscreen": true
}
EOF
mkdir -p "$XDG_CONFIG_HOME/guidedtouch"
printf '{"format": "guidedtouch-config", "version": 1,\n "idle_timeout_s": 60, "database": "%s/cfg.db"}\n' "$work" \
    > "$XDG_CONFIG_HOME/guidedtouch/config.json"
"$bin" --no-kiosk --mode practice --window 800x600 --print-config > "$work/config.txt"; code=$?
check "--print-config exits 0" test "$code" -eq 0
check "the command line wins" grep -Eqx 'kiosk += false +# command line \(--no-kiosk\)' "$work/config.txt"
check "the system file is named with the place" grep -Eqx "fullscreen += true +# $work/etc/config.json:6:17" "$work/config.txt"
check "the user file wins over the system file" grep -Eqx "idle_timeout_s += 60 +# $XDG_CONFIG_HOME/guidedtouch/config.json:2:20" "$work/config.txt"
check "defaults say so" grep -Eqx 'mute += false +# default' "$work/config.txt"
check "print-config names both files" grep -q "^# system file: $work/etc/config.json$" "$work/config.txt"
check "print-config verb" bash -c "'$bin' print-config --kiosk | grep -Eq '^kiosk += true +# command line \(--kiosk\)'"
check "the configured database is used" bash -c "'$bin' students add Eve && test -e '$work/cfg.db'"
"$bin" print-config --kiosc > /dev/null 2> "$work/err.txt"; code=$?
check "an unknown option exits 1" test "$code" -eq 1
check "... with did you mean" grep -qx 'command line: unknown option --kiosc (did you mean --kiosk?)' "$work/err.txt"
sed -i 's/"fullscreen"/"fulscreen"/' "$work/etc/config.json"
"$bin" print-config > /dev/null 2> "$work/err.txt"; code=$?
check "a misspelt key exits 1" test "$code" -eq 1
check "... located, with did you mean" grep -qx "$work/etc/config.json:6:3: fulscreen: unknown key \"fulscreen\" (did you mean \"fullscreen\"?)" "$work/err.txt"
sed -i 's/"fulscreen"/"fullscreen"/' "$work/etc/config.json"
check "print-config --json is a config file" bash -c "'$bin' print-config --json | jq -e '.format == \"guidedtouch-config\" and .kiosk == true and (has(\"pin_hash\") | not)'"

# the staff PIN
check "kiosk without a PIN is pointed out" bash -c "'$bin' print-config | grep -q 'no staff PIN is set'"
echo 12 | "$bin" set-pin > /dev/null 2> "$work/err.txt"; code=$?
check "a short PIN is refused" test "$code" -eq 1
check "... saying what a PIN is" grep -qx 'guidedtouch: A staff PIN is 4 to 8 digits (0-9); nothing changed' "$work/err.txt"
check "set-pin" bash -c "echo 4321 | '$bin' set-pin | grep -q 'staff PIN was set in $XDG_CONFIG_HOME/guidedtouch/config.json'"
user_config="$XDG_CONFIG_HOME/guidedtouch/config.json"
check "only a salted hash is kept" jq -e '(.pin_hash | startswith("$argon2id$")) and (tostring | contains("4321") | not)' "$user_config"
check "the other settings are kept" jq -e '.idle_timeout_s == 60' "$user_config"
check "the file is private" test "$(stat -c %a "$user_config")" = 600
check "print-config shows a PIN is set" bash -c "'$bin' print-config | grep -Eq '^pin_hash += \(set\) +# $user_config:'"
"$bin" --pin-hash x --print-config > /dev/null 2> "$work/err.txt"; code=$?
check "no PIN on the command line" grep -q 'set with `guidedtouch set-pin`, never on the command line' "$work/err.txt"
check "set-pin --remove" bash -c "'$bin' set-pin --remove && ! jq -e 'has(\"pin_hash\")' '$user_config'"

finish "cli store"
