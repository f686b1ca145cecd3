#!/usr/bin/env bash
# An attempt the school server keeps refusing (here a CHECK constraint naming its UUID, as a
# school's own rule or a damaged row would) does not hold up the queue: a real trainer (headless,
# scripted) saves three attempts offline; once the server is back and refuses the oldest, the
# other two still arrive, the refused one stays on the kiosk with the server's reason, and the
# status the staff screen shows (written to the kiosk's log as well) says "1 attempt refused by
# the server: ..."; `guidedtouch report --local` says so too. When the rule is lifted, the next
# connection sends it and every word of the refusal goes.
# Usage: test_server_refused.sh GUIDEDTOUCH ROLES_SQL
# Every wait polls for its condition with a generous bound; none decides a result by its length.
gt=$1
roles_sql=$2
source "$(dirname "$0")/pg_throwaway.sh"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

pg_setup
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
db() { sqlite3 "$work/data/guidedtouch/progress.db" "$1"; }
log=$work/trainer.log

# 1. three attempts saved while the server is away
server_stop
strokes_script 3 "$work/three.txt"
"$gt" --mute --student Anna --lesson lower-back-basics --script "$work/three.txt" >"$work/record.log" 2>&1 ||
  fail "the trainer failed: $(cat "$work/record.log")"
db "SELECT id FROM attempts ORDER BY finished_ms" >"$work/saved"
[[ $(wc -l <"$work/saved") -eq 3 ]] || fail "expected 3 saved attempts: $(cat "$work/saved")"
first=$(head -n 1 "$work/saved")

# 2. the server is back and refuses the oldest attempt
server_start
admin "ALTER TABLE attempts ADD CONSTRAINT refuse_one CHECK (id <> '$first')" guidedtouch >/dev/null
sent_all_but_one() { [[ $(db "SELECT count(*) FROM attempts WHERE synced_ms IS NULL") -eq 1 ]]; }
idle_trainer "$log"
wait_for 90 sent_all_but_one || fail "the other attempts never went: $(cat "$log")"
refused_line="guidedtouch: School server: connected; all others sent; 1 attempt refused by the server: new row for relation \"attempts\" violates check constraint \"refuse_one\"$"
wait_for 30 grep -q "$refused_line" "$log" || fail "the status never said an attempt was refused: $(cat "$log")"
close_trainer "$log"
admin "SELECT id FROM attempts" guidedtouch | sort >"$work/server-ids"
tail -n 2 "$work/saved" | sort | diff - "$work/server-ids" >/dev/null ||
  fail "the server should hold the two later attempts: $(cat "$work/server-ids")"
[[ $(db "SELECT id FROM attempts WHERE sync_error LIKE '%refuse_one%' AND synced_ms IS NULL") == "$first" ]] ||
  fail "the refused attempt is not kept with its reason: $(db 'SELECT id, sync_error FROM attempts')"

# 3. the report of this machine says so
"$gt" report --local >"$work/report" 2>&1 || fail "report --local: $(cat "$work/report")"
grep -q '^Anna: 3 attempts' "$work/report" || fail "report --local lost an attempt: $(cat "$work/report")"
grep -q '^1 attempt refused by the school server .*refuse_one' "$work/report" ||
  fail "report --local does not say an attempt was refused: $(cat "$work/report")"

# 4. the rule is lifted: the next connection sends it, and the refusal is forgotten
admin "ALTER TABLE attempts DROP CONSTRAINT refuse_one" guidedtouch >/dev/null
idle_trainer "$log"
nothing_waits() { [[ $(db "SELECT count(*) FROM attempts WHERE synced_ms IS NULL OR sync_error IS NOT NULL") == 0 ]]; }
wait_for 90 nothing_waits || fail "the once-refused attempt never went: $(cat "$log")"
wait_for 30 grep -q "guidedtouch: School server: connected; all attempts sent$" "$log" ||
  fail "the status did not come back to all sent: $(cat "$log")"
close_trainer "$log"
[[ $(admin "SELECT count(*) FROM attempts" guidedtouch) -eq 3 ]] || fail "the server should hold all 3 attempts now"
"$gt" report --local >"$work/report" 2>&1 || fail "report --local: $(cat "$work/report")"
grep -q 'refused' "$work/report" && fail "report --local still speaks of a refusal: $(cat "$work/report")"
echo "PASS: a refused attempt is set aside with the server's reason, the others arrive, and it goes once allowed"
