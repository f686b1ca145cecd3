#!/usr/bin/env bash
# Issue 12, as a school would meet it: two real trainers (headless, SDL's dummy drivers, scripted
# strokes on the virtual clock), each with its own data folder, record attempts into one
# throwaway PostgreSQL server. Both record with the server up; the server is stopped while
# kiosk A records and started again; kiosk B records two attempts and is killed with SIGKILL
# before its next one, its sending thread perhaps mid-send; both trainers come back (idle, on
# the real clock) and send what waited. In the end the instructor's `guidedtouch report` and
# `export` (read from the server) hold every attempt either kiosk saved, each exactly once,
# compared by UUID.
# Usage: test_server_trainers.sh GUIDEDTOUCH ROLES_SQL
# Every wait polls for its condition with a generous bound; none decides a result by its length.
gt=$1
roles_sql=$2
source "$(dirname "$0")/pg_throwaway.sh"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

pg_setup
export XDG_CONFIG_HOME=$work/config

# two effleurage attempts at lower-back-basics step 1; hold.txt waits twenty hours of the virtual
# clock after them before a third, so the trainer is killed between saves
strokes_script 2 "$work/two.txt"
strokes_script 3 "$work/three.txt"
{ cat "$work/two.txt"; echo 'wait 72000000'; tail -n "+$(($(wc -l <"$work/two.txt") + 1))" "$work/three.txt"; } >"$work/hold.txt"

db() { sqlite3 "$work/data-$1/guidedtouch/progress.db" "$2"; }
waiting() { [[ $(db "$1" "SELECT count(*) FROM attempts WHERE synced_ms IS NULL") == 0 ]]; }
own() { db "$1" "SELECT count(*) FROM attempts a JOIN students s ON s.id = a.student_id WHERE s.name = '$2'"; }
count_is() { [[ $(own "$1" "$2") -eq $3 ]]; } # count_is KIOSK STUDENT N: the kiosk saved N of that student
record() { # record KIOSK STUDENT: a scripted trainer run saving two attempts (in the background)
  XDG_DATA_HOME=$work/data-$1 "$gt" --mute --student "$2" --lesson lower-back-basics --script "$work/two.txt" \
    >>"$work/$1.log" 2>&1 &
  pids+=($!)
}
finish() { # finish PID KIOSK: waits for a trainer run to end by itself, successfully
  wait "$1" || fail "kiosk $2's trainer failed: $(cat "$work/$2.log")"
}

# 1. both kiosks record with the server up, at the same time
record A Anna
a=$!
record B Bruno
b=$!
finish "$a" A
finish "$b" B

# 2. the server stops while kiosk A records: A keeps saving
record A Anna
a=$!
server_stop
finish "$a" A
count_is A Anna 4 || fail "kiosk A did not save its attempts with the server away: $(own A Anna)"

# 3. the server is back; B saves two attempts and is killed (SIGKILL) before its next one
server_start
XDG_DATA_HOME=$work/data-B "$gt" --mute --student Bruno --lesson lower-back-basics --script "$work/hold.txt" \
  >>"$work/B.log" 2>&1 &
pids+=($!)
b=$!
wait_for 90 count_is B Bruno 4 || fail "kiosk B never saved its two attempts: $(cat "$work/B.log")"
kill -KILL "$b"
wait "$b" 2>/dev/null || true

# every attempt saved on either kiosk, by UUID (each kiosk's own student)
{
  db A "SELECT a.id FROM attempts a JOIN students s ON s.id = a.student_id WHERE s.name = 'Anna'"
  db B "SELECT a.id FROM attempts a JOIN students s ON s.id = a.student_id WHERE s.name = 'Bruno'"
} | sort >"$work/saved"
[[ $(sort -u "$work/saved" | wc -l) -eq 8 && $(wc -l <"$work/saved") -eq 8 ]] ||
  fail "expected 8 distinct attempts saved on the two kiosks: $(cat "$work/saved")"

# 4. both trainers come back (idle, real clock) and send what waited; then they are closed
for k in A B; do
  : >"$work/idle-$k.log"
  XDG_DATA_HOME=$work/data-$k "$gt" --mute >>"$work/idle-$k.log" 2>&1 &
  pids+=($!)
  eval "idle_$k=\$!"
done
wait_for 90 waiting A || fail "kiosk A never emptied its outbox: $(cat "$work/idle-A.log")"
wait_for 90 waiting B || fail "kiosk B never emptied its outbox: $(cat "$work/idle-B.log")"
for k in A B; do # the staff screen's words, in each kiosk's log; then the trainer is closed
  wait_for 60 grep -q '^guidedtouch: School server: connected; all attempts sent$' "$work/idle-$k.log" ||
    fail "kiosk $k never said all its attempts were sent: $(cat "$work/idle-$k.log")"
  trainer=idle_$k
  trainer=${!trainer}
  close_trainer "$work/idle-$k.log"
done

# 5. the server holds each saved attempt exactly once; report and export (as the instructor) agree
admin "SELECT id FROM attempts" guidedtouch | sort >"$work/server-ids"
diff "$work/saved" "$work/server-ids" >"$work/diff" || fail "the server's attempts are not the saved ones: $(cat "$work/diff")"
XDG_CONFIG_HOME=$work/config-teacher XDG_DATA_HOME=$work/data-A "$gt" report >"$work/report" 2>"$work/report.err" ||
  fail "report: $(cat "$work/report.err")"
grep -q '^Anna: 4 attempts' "$work/report" && grep -q '^Bruno: 4 attempts' "$work/report" ||
  fail "the report does not show 4 attempts each: $(cat "$work/report")"
XDG_CONFIG_HOME=$work/config-teacher XDG_DATA_HOME=$work/data-B "$gt" export >"$work/export.csv" 2>/dev/null ||
  fail "export"
tail -n +2 "$work/export.csv" | cut -d, -f1 | sort >"$work/export-ids"
diff "$work/saved" "$work/export-ids" >"$work/diff" ||
  fail "the export from the server does not list every saved attempt exactly once: $(cat "$work/diff")"
echo "PASS: two trainers, a server restart and a SIGKILL: the report holds all 8 saved attempts, each once"
