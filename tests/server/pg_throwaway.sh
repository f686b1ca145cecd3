# pg_throwaway.sh: sourced by the school-server tests. A throwaway PostgreSQL server in a
# temporary folder (initdb, pg_ctl; as nobody when the test runs as root), the database and the
# roles docs/school-server-roles.sql makes, a password file, and configurations for kiosks and
# an instructor. Nothing is left running afterwards (an EXIT trap stops the server and kills
# every process in `pids`).
#
# The sourcing test sets `gt` (the guidedtouch program) and `roles_sql` first, then calls
#   pg_setup [SERVER OPTIONS...]  initdb, start, owner, tables, roles; the kiosks log in as
#                                 gt_kiosk, the instructor as gt_teacher (passwords in $work/pgpass)
#   pg_initdb, then pg_start_with_roles [SERVER OPTIONS...]: the same in two, to change the
#                                 server's files (pg_hba.conf, certificates) in between
#   server_start / server_stop    start or stop (fast) the server, waiting until done
#   admin SQL [DATABASE]          runs SQL as the superuser, prints tuples unaligned
#   configure FOLDER USER [CONN]  writes $work/FOLDER/guidedtouch/config.json naming the server
# and uses $work, $sock, fail.
set -euo pipefail
pgbin=$({ ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1)
if [[ -z $pgbin || ! -x $pgbin/initdb ]]; then
  echo "FAIL: PostgreSQL's initdb is not installed (scripts/setup.sh installs postgresql)"
  exit 1
fi

work=$(mktemp -d /tmp/gt-server-test.XXXXXX)
chmod 711 "$work"
pgdata=$work/pgdata
sock=$work/sock
mkdir -p "$pgdata" "$sock"
pids=()
as_pg=()
server_options=()
if [[ $(id -u) -eq 0 ]]; then # PostgreSQL refuses to run as root: the server runs as nobody
  chown nobody "$pgdata" "$sock"
  as_pg=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
cleanup() {
  local code=$?
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  if [[ -f $pgdata/postmaster.pid ]]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" stop -m immediate -w >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit $code
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  [[ -f $work/pg.log ]] && tail -n 20 "$work/pg.log" || true
  exit 1
}

server_start() {
  touch "$work/pg.log" && chmod 666 "$work/pg.log"
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w -t 60 \
    -o "-k $sock -c fsync=off ${server_options[*]}" start >/dev/null || fail "the server did not start"
}
server_stop() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -w -t 60 stop -m fast >/dev/null || fail "the server did not stop"
}
admin() { PGPASSWORD=adminpw psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -U gt_admin -d "${2:-postgres}" -tA -c "$1"; }
configure() { # configure FOLDER USER [CONNECTION]: a configuration naming the server, logging in as USER
  mkdir -p "$work/$1/guidedtouch"
  cat >"$work/$1/guidedtouch/config.json" <<JSON
{"format": "guidedtouch-config", "version": 1,
 "server": {"connection": "${3:-host=$sock dbname=guidedtouch user=$2}", "retry_max_s": 1}}
JSON
}

pg_initdb() { # pg_initdb: the server's files (passwords checked, scram); not started
  echo "adminpw" >"$work/adminpw"
  chmod 644 "$work/adminpw"
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U gt_admin --pwfile="$work/adminpw" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; fail "initdb"; }
}
pg_setup() { # pg_setup [SERVER OPTIONS...]: initdb, then pg_start_with_roles on the unix socket only
  pg_initdb
  pg_start_with_roles -c "listen_addresses=''" "$@"
}
pg_start_with_roles() { # pg_start_with_roles [SERVER OPTIONS...]: start, the owner, the tables, the roles
  server_options=("$@")
  server_start
  admin "CREATE ROLE gt_owner LOGIN CREATEROLE PASSWORD 'ownerpw'" >/dev/null
  admin "CREATE DATABASE guidedtouch OWNER gt_owner" >/dev/null
  printf '*:*:*:gt_owner:ownerpw\n*:*:*:gt_kiosk:kioskpw\n*:*:*:gt_teacher:teacherpw\n' >"$work/pgpass"
  chmod 600 "$work/pgpass"
  export PGPASSFILE=$work/pgpass HOME=$work GUIDEDTOUCH_SYSTEM_CONFIG=$work/no-system-config.json
  unset PGSERVICEFILE PGSERVICE PGHOST PGUSER PGDATABASE PGPASSWORD PGSSLMODE
  # the owner's first connection makes the tables; then the roles, as the docs say
  configure config-owner gt_owner
  XDG_CONFIG_HOME=$work/config-owner XDG_DATA_HOME=$work/data-owner "$gt" report >"$work/first" 2>&1 ||
    fail "the owner's first report: $(cat "$work/first")"
  PGPASSWORD=ownerpw psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -U gt_owner -d guidedtouch -f "$roles_sql" \
    >"$work/roles.log" 2>&1 || fail "docs/school-server-roles.sql did not run: $(cat "$work/roles.log")"
  admin "CREATE ROLE gt_kiosk LOGIN PASSWORD 'kioskpw' IN ROLE guidedtouch_kiosk;
         CREATE ROLE gt_teacher LOGIN PASSWORD 'teacherpw' IN ROLE guidedtouch_instructor" >/dev/null
  configure config gt_kiosk
  configure config-teacher gt_teacher
}

# Waits up to $1 s (polling every 0.1 s) for the command after it to succeed; the bound never
# decides a result, it only ends a test that would otherwise hang.
wait_for() {
  local limit=$1
  shift
  for ((i = 0; i < limit * 10; i++)); do "$@" && return 0; sleep 0.1; done
  return 1
}

# strokes_script N FILE: a trainer script making N effleurage attempts at lower-back-basics step 1
# (Done after each, then Try again), for `guidedtouch --lesson lower-back-basics --script FILE`
strokes_script() {
  local stroke='trace 0 46.5 83 46.1 72 3000
trace 0 46.1 72.2 45.6 62 2800
wait 300
key Return
wait 500'
  printf 'at 200\nkey Return\nwait 200\nkey 4\n%s\n' "$stroke" >"$2"
  for ((n = 1; n < $1; n++)); do printf 'key r\nwait 300\n%s\n' "$stroke" >>"$2"; done
}

# idle_trainer LOG: the trainer idle on the real clock (its sending thread at work), in the
# background with its own LOG; its pid in $trainer. close_trainer LOG: once it has said the
# server's status in LOG (so it is past its start, where SIGTERM is its window's close), closes
# it with SIGTERM and expects a clean end.
idle_trainer() {
  : >"$1"
  "$gt" --mute >>"$1" 2>&1 &
  trainer=$!
  pids+=("$trainer")
}
close_trainer() {
  wait_for 60 grep -q '^guidedtouch: School server: ' "$1" || fail "the trainer never said the server's status: $(cat "$1")"
  kill -TERM "$trainer"
  wait "$trainer" || fail "the trainer did not close cleanly (exit $?): $(cat "$1")"
}
