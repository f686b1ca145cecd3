#!/usr/bin/env bash
# Issue 12: two kiosks share their attempts through a throwaway PostgreSQL server of this test's
# own. Kiosk A saves while the server is up, both save while it is stopped, B is killed with
# SIGKILL right after its saves (its sending thread may be mid-send), the server comes back, and
# in the end `guidedtouch report` and `export` (read from the server) hold every acknowledged
# attempt exactly once. A wrong password and an unreachable server each put a clear reason in
# the status the staff screen shows, and the kiosk goes on saving.
# The kiosks and the instructor log in with the roles docs/school-server-roles.sql makes.
# Usage: test_server_sync.sh SERVER_SAVER GUIDEDTOUCH ROLES_SQL
# Every wait polls for its condition with a generous bound; none decides a result by its length.
set -euo pipefail
saver=$1
gt=$2
roles_sql=$3
source "$(dirname "$0")/pg_throwaway.sh" # $work, $pgdata, $sock, pids, as_pg, fail, the EXIT trap

# --- the throwaway server: unix socket only, passwords checked (scram) ------------------------
echo "adminpw" >"$work/adminpw"
chmod 644 "$work/adminpw"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U gt_admin --pwfile="$work/adminpw" --auth=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; fail "initdb"; }
server_start() {
  touch "$work/pg.log" && chmod 666 "$work/pg.log"
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w -t 60 \
    -o "-c listen_addresses='' -k $sock -c fsync=off" start >/dev/null || fail "the server did not start"
}
server_stop() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -w -t 60 stop -m fast >/dev/null || fail "the server did not stop"
}
server_start
admin() { PGPASSWORD=adminpw psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -U gt_admin -d "${2:-postgres}" -tA -c "$1"; }
admin "CREATE ROLE gt_owner LOGIN CREATEROLE PASSWORD 'ownerpw'" >/dev/null
admin "CREATE DATABASE guidedtouch OWNER gt_owner" >/dev/null
printf '*:*:*:gt_owner:ownerpw\n*:*:*:gt_kiosk:kioskpw\n*:*:*:gt_teacher:teacherpw\n' >"$work/pgpass"
chmod 600 "$work/pgpass"
export PGPASSFILE=$work/pgpass HOME=$work
unset PGSERVICEFILE PGSERVICE PGHOST PGUSER PGDATABASE PGPASSWORD
configure() { # configure FOLDER USER: a configuration naming the server, logging in as USER
  mkdir -p "$work/$1/guidedtouch"
  cat >"$work/$1/guidedtouch/config.json" <<JSON
{"format": "guidedtouch-config", "version": 1,
 "server": {"connection": "host=$sock dbname=guidedtouch user=$2", "retry_max_s": 1}}
JSON
}

# --- the owner's first connection makes the tables; then the roles, as the docs say ------------
configure config-owner gt_owner
XDG_CONFIG_HOME=$work/config-owner XDG_DATA_HOME=$work/data-owner "$gt" report >"$work/first" 2>&1 ||
  fail "the owner's first report: $(cat "$work/first")"
grep -q 'No students yet' "$work/first" || fail "the first report: $(cat "$work/first")"
PGPASSWORD=ownerpw psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -U gt_owner -d guidedtouch -f "$roles_sql" >"$work/roles.log" 2>&1 ||
  fail "docs/school-server-roles.sql did not run: $(cat "$work/roles.log")"
admin "CREATE ROLE gt_kiosk LOGIN PASSWORD 'kioskpw' IN ROLE guidedtouch_kiosk;
       CREATE ROLE gt_teacher LOGIN PASSWORD 'teacherpw' IN ROLE guidedtouch_instructor" >/dev/null
configure config gt_kiosk
configure config-teacher gt_teacher
export XDG_CONFIG_HOME=$work/config
kiosk() { # kiosk A|B ARGS...: a saver with that kiosk's data folder; output in $work/out
  local name=$1
  shift
  XDG_DATA_HOME=$work/data-$name "$saver" "$@" >"$work/out" 2>"$work/err" || {
    cat "$work/out" "$work/err"
    fail "kiosk $name: $*"
  }
  { grep '^ack ' "$work/out" || true; } | cut -d' ' -f2 >>"$work/acks"
  grep -q '^error' "$work/out" && fail "kiosk $name: $(grep '^error' "$work/out")"
  cat "$work/out" >>"$work/all-out"
}
: >"$work/acks"

# 1. A saves with the server up and sees every attempt confirmed
kiosk A --student Anna --count 3 --mode sync --seed 1
grep -q '^status School server: connected; all attempts sent' "$work/out" || fail "A never said connected: $(cat "$work/out")"

# 2. the server stops mid-way: both kiosks keep saving, and say the server is offline
server_stop
kiosk A --student Anna --count 2 --mode offline --seed 2
grep -q '^status School server: offline since [0-2][0-9]:[0-5][0-9]; .*Why: the school server cannot be reached' "$work/out" ||
  fail "A did not say the server is offline: $(grep status "$work/out")"
kiosk B --student Bruno --count 2 --mode offline --seed 3
grep -q 'attempts* waiting' "$work/out" || fail "B did not count its waiting attempts: $(grep status "$work/out")"

# 3. the server is back; B saves and is killed (SIGKILL) at once, its thread perhaps mid-send
server_start
XDG_DATA_HOME=$work/data-B "$saver" --student Bruno --count 2 --mode hold --seed 4 >"$work/held" 2>&1 &
pids+=($!)
for ((i = 0; i < 2250; i++)); do # up to 45 s
  grep -q '^held' "$work/held" && break
  grep -q '^error' "$work/held" && fail "B: $(cat "$work/held")"
  sleep 0.02
done
grep -q '^held' "$work/held" || fail "B never finished its saves"
kill -KILL "${pids[-1]}"
wait "${pids[-1]}" 2>/dev/null || true
grep '^ack ' "$work/held" | cut -d' ' -f2 >>"$work/acks"

# 4. both kiosks come back and send what waited; a student made on B is known on A
kiosk A --student Anna --count 1 --mode sync --seed 5
kiosk B --student Bruno --count 1 --mode sync --seed 6
kiosk A --student Anna --count 0 --mode sync
sqlite3 "$work/data-A/guidedtouch/progress.db" "SELECT name FROM students" | grep -qx Bruno ||
  fail "kiosk A does not know Bruno, a student made on kiosk B"
[[ $(sqlite3 "$work/data-A/guidedtouch/progress.db" "SELECT count(*) FROM attempts a JOIN students s ON
     s.id = a.student_id WHERE s.name = 'Bruno'") -eq 5 ]] || fail "kiosk A does not have Bruno's progress from B"

# 5. the server holds every acknowledged attempt exactly once
acked=$(sort -u "$work/acks" | wc -l)
[[ $acked -eq $(wc -l <"$work/acks") && $acked -eq 11 ]] || fail "expected 11 distinct acknowledgements, got $acked"
on_server=$(admin "SELECT count(*) FROM attempts" guidedtouch)
[[ $on_server -eq $acked ]] || fail "the server holds $on_server attempts; $acked were saved"
admin "SELECT id FROM attempts" guidedtouch | sort >"$work/server-ids"
sort -u "$work/acks" | diff - "$work/server-ids" >/dev/null || fail "the server's attempts are not the saved ones"

# a kiosk may add but never change or remove what was sent
PGPASSWORD=kioskpw psql -X -q -h "$sock" -U gt_kiosk -d guidedtouch -c "DELETE FROM attempts" >/dev/null 2>&1 &&
  fail "the kiosk role could delete attempts"

# 6. report and export read the server (the class) as the instructor; --local this machine only
XDG_CONFIG_HOME=$work/config-teacher XDG_DATA_HOME=$work/data-A "$gt" report >"$work/report" 2>"$work/report.err" || fail "report: $(cat "$work/report.err")"
grep -q '^Anna: 6 attempts' "$work/report" || fail "the report does not show Anna's 6 attempts: $(cat "$work/report")"
grep -q '^Bruno: 5 attempts' "$work/report" || fail "the report does not show Bruno's 5 attempts: $(cat "$work/report")"
server_stop # --local reads this kiosk's database alone, with what it has received so far
XDG_DATA_HOME=$work/data-A "$gt" report --local >"$work/report-local" 2>/dev/null || fail "report --local"
grep -q '^Bruno: 5 attempts' "$work/report-local" ||
  fail "report --local should show kiosk A's copy of the class: $(cat "$work/report-local")"
XDG_DATA_HOME=$work/data-A "$gt" report >"$work/report-away" 2>&1 && fail "a report with the server away should fail"
grep -q 'cannot be reached' "$work/report-away" && grep -q -- '--local' "$work/report-away" ||
  fail "a report with the server away should say why and offer --local: $(cat "$work/report-away")"
server_start
XDG_CONFIG_HOME=$work/config-teacher XDG_DATA_HOME=$work/data-B "$gt" export >"$work/export.csv" 2>/dev/null || fail "export"
tail -n +2 "$work/export.csv" | cut -d, -f1 | sort >"$work/export-ids"
sort -u "$work/acks" | diff - "$work/export-ids" >/dev/null ||
  fail "the export from the server does not list every attempt exactly once"

# 7. a wrong password: a clear reason on the status line, and the kiosk still saves
printf '*:*:*:gt_kiosk:wrong\n' >"$work/badpass"
chmod 600 "$work/badpass"
PGPASSFILE=$work/badpass kiosk A --student Anna --count 1 --mode offline --seed 7
grep -q "^status School server: offline since .*refused the kiosk's password" "$work/out" ||
  fail "a wrong password was not said plainly: $(grep status "$work/out")"
grep -q 'wrong\|kioskpw' "$work/all-out" && fail "a password appeared in the output"

# 8. an unreachable server (no socket there): said plainly, the kiosk still saves
sed -i "s|host=$sock|host=$work/nowhere|" "$work/config/guidedtouch/config.json"
kiosk B --student Bruno --count 1 --mode offline --seed 8
grep -q '^status School server: offline since .*cannot be reached' "$work/out" ||
  fail "an unreachable server was not said plainly: $(grep status "$work/out")"
[[ $(sqlite3 "$work/data-B/guidedtouch/progress.db" "SELECT count(*) FROM attempts WHERE synced_ms IS NULL") -eq 1 ]] ||
  fail "kiosk B did not keep its offline attempt in its outbox"

# 9. a password file others can read is refused with the reason
chmod 644 "$work/pgpass"
sed -i "s|host=$work/nowhere|host=$sock|" "$work/config/guidedtouch/config.json"
kiosk A --student Anna --count 1 --mode offline --seed 9
grep -q "^status .*password file $work/pgpass can be read by other users" "$work/out" ||
  fail "a world-readable password file was not refused: $(grep status "$work/out")"
chmod 600 "$work/pgpass"

# 9b. a libpq service file names the server; one that others can read is refused too
printf '[school]\nhost=%s\ndbname=guidedtouch\nuser=gt_kiosk\n' "$sock" >"$work/pg_service.conf"
chmod 600 "$work/pg_service.conf"
sed -i "s|\"connection\": \"[^\"]*\"|\"connection\": \"service=school\"|" "$work/config/guidedtouch/config.json"
PGSERVICEFILE=$work/pg_service.conf kiosk A --student Anna --count 0 --mode sync
chmod 644 "$work/pg_service.conf"
PGSERVICEFILE=$work/pg_service.conf kiosk A --student Anna --count 0 --mode offline
grep -q "^status .*service file $work/pg_service.conf can be read by other users" "$work/out" ||
  fail "a world-readable service file was not refused: $(grep status "$work/out")"

# 10. a password in the configuration or on the command line is refused, where it was written
cat >"$work/config/guidedtouch/config.json" <<JSON
{"format": "guidedtouch-config", "version": 1,
 "server": {"connection": "host=$sock user=gt_kiosk password=kioskpw"}}
JSON
"$gt" print-config >"$work/pc" 2>&1 && fail "print-config accepted a password in the configuration"
grep -q 'config.json:2:[0-9]*: server.connection: holds a password' "$work/pc" || fail "the password was not located: $(cat "$work/pc")"
grep -q 'kioskpw' "$work/pc" && fail "print-config repeated the password"
rm "$work/config/guidedtouch/config.json"
"$gt" print-config --server "password=x host=$sock" >"$work/pc" 2>&1 && fail "--server with a password was accepted"
grep -q 'never on the command line' "$work/pc" || fail "--server with a password: $(cat "$work/pc")"
"$gt" print-config --server "service=school" | grep -q '^server *= {"connection":"service=school"' ||
  fail "print-config does not show the server: $("$gt" print-config --server service=school)"
echo "PASS: 11 attempts from two kiosks across a server restart and a SIGKILL, each once on the server"
