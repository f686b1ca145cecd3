#!/usr/bin/env bash
# A student renamed on one kiosk, here given a pseudonym (`guidedtouch students rename Bob
# "Blue Fox" --pseudonym`), is renamed on the school server, on the other kiosk and in the
# instructor's report, with every attempt kept: real trainers (headless, scripted) record
# Bob's attempts on kiosks A and B; B records one more while the server is away; A renames Bob
# and records as Blue Fox; when B is back it takes the rename before sending, so its waiting
# attempt arrives as Blue Fox's and no "Bob" is left anywhere.
# First the server's tables are put back to version 1 (as the previous Guided Touch made them):
# a kiosk says the owner must bring them up to date, the owner's report does, and the kiosk's
# group gets the new rights with them.
# Usage: test_server_renames.sh GUIDEDTOUCH ROLES_SQL
# Every wait polls for its condition with a generous bound; none decides a result by its length.
gt=$1
roles_sql=$2
source "$(dirname "$0")/pg_throwaway.sh"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

pg_setup
export XDG_CONFIG_HOME=$work/config
strokes_script 1 "$work/one.txt"
db() { sqlite3 "$work/data-$1/guidedtouch/progress.db" "$2" 2>/dev/null; }
record() { # record KIOSK STUDENT: one scripted attempt
  XDG_DATA_HOME=$work/data-$1 "$gt" --mute --student "$2" --lesson lower-back-basics --script "$work/one.txt" \
    >"$work/record.log" 2>&1 || fail "kiosk $1's trainer failed: $(cat "$work/record.log")"
}
nothing_waits() { [[ $(db "$1" "SELECT count(*) FROM attempts WHERE synced_ms IS NULL") == 0 ]]; }
has_attempts() { # has_attempts KIOSK NAME N: the kiosk knows N attempts of NAME
  [[ $(db "$1" "SELECT count(*) FROM attempts a JOIN students s ON s.id = a.student_id WHERE s.name = '$2'") -eq $3 ]]
}
sync_kiosk() { # sync_kiosk KIOSK CONDITION...: the trainer idles, sending and receiving, until CONDITION holds
  local kiosk=$1
  shift
  XDG_DATA_HOME=$work/data-$kiosk idle_trainer "$work/idle.log"
  wait_for 90 nothing_waits "$kiosk" || fail "kiosk $kiosk never sent its attempts: $(cat "$work/idle.log")"
  wait_for 90 "$@" || fail "kiosk $kiosk: never $*: $(cat "$work/idle.log")"
  close_trainer "$work/idle.log"
}

# 0. a server the previous Guided Touch made (its tables at version 1, without renames): a kiosk
# keeps saving and says the owner must bring the tables up to date; the owner's report does
admin "DROP FUNCTION guidedtouch_rename_student(uuid, text, text, text, integer, bigint);
       DROP TABLE student_renames; UPDATE guidedtouch_schema SET version = 1" guidedtouch >/dev/null
record A Bob
XDG_DATA_HOME=$work/data-A idle_trainer "$work/idle.log"
wait_for 60 grep -q "offline since .*1 attempt waiting.*tables are at version 1 and this Guided Touch needs 2" \
  "$work/idle.log" || fail "a kiosk meeting older tables did not say what to do: $(cat "$work/idle.log")"
close_trainer "$work/idle.log"
XDG_CONFIG_HOME=$work/config-owner XDG_DATA_HOME=$work/data-owner "$gt" report >"$work/owner.log" 2>&1 ||
  fail "the owner's report did not bring the tables up to date: $(cat "$work/owner.log")"
[[ $(admin "SELECT version FROM guidedtouch_schema" guidedtouch) == 2 ]] || fail "the tables are not at version 2"

# 1. Bob practises on A; B learns of him; Bob practises on B while the server is away
sync_kiosk A has_attempts A Bob 1
sync_kiosk B has_attempts B Bob 1
server_stop
record B Bob
server_start

# 2. on A, staff give Bob a pseudonym; he practises on A under it
XDG_DATA_HOME=$work/data-A "$gt" students rename Bob "Blue Fox" --pseudonym >"$work/rename.log" 2>&1 ||
  fail "rename: $(cat "$work/rename.log")"
record A "Blue Fox"
sync_kiosk A has_attempts A "Blue Fox" 2
[[ $(admin "SELECT name || ' ' || pseudonym FROM students" guidedtouch) == "Blue Fox 1" ]] ||
  fail "the server did not take the rename: $(admin 'SELECT name, pseudonym FROM students' guidedtouch)"

# 3. B comes back: the rename first, then its waiting attempt, as Blue Fox's
sync_kiosk B has_attempts B "Blue Fox" 3
[[ $(db B "SELECT name || ' ' || pseudonym FROM students") == "Blue Fox 1" ]] ||
  fail "kiosk B still knows another name: $(db B 'SELECT name, pseudonym FROM students')"
[[ $(admin "SELECT count(*) FROM attempts a JOIN students s ON s.id = a.student_id WHERE s.name = 'Blue Fox'" \
  guidedtouch) -eq 3 ]] || fail "the server does not file all 3 attempts under Blue Fox"
[[ $(admin "SELECT count(*) FROM students" guidedtouch) -eq 1 ]] || fail "the server keeps another student"

# 4. the instructor's report: one student, under the pseudonym, with every attempt
XDG_CONFIG_HOME=$work/config-teacher XDG_DATA_HOME=$work/data-A "$gt" report >"$work/report" 2>"$work/report.err" ||
  fail "report: $(cat "$work/report.err")"
grep -q '^Blue Fox (not a real name): 3 attempts' "$work/report" || fail "the report: $(cat "$work/report")"
grep -q 'Bob' "$work/report" && fail "the report still names Bob: $(cat "$work/report")"
echo "PASS: a pseudonym given on one kiosk reached the server, the other kiosk and the report, attempts kept"
