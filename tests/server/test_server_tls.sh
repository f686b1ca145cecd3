#!/usr/bin/env bash
# A school server that accepts kiosks only over TLS: the throwaway server listens on 127.0.0.1
# with ssl=on (a certificate signed by a certificate authority made here with openssl) and
# pg_hba.conf allows TCP only as `hostssl`. A trainer with sslmode=require records an attempt
# and sends it (the server's log shows the connection was encrypted); the instructor's report
# with sslmode=verify-full and the school's CA reads the class; a kiosk with sslmode=disable is
# refused and the status line and the report say plainly that the server wants TLS; verify-full
# against another CA is refused as a failed secure connection.
# Usage: test_server_tls.sh GUIDEDTOUCH ROLES_SQL
# Every wait polls for its condition with a generous bound; none decides a result by its length.
gt=$1
roles_sql=$2
source "$(dirname "$0")/pg_throwaway.sh"
command -v openssl >/dev/null || fail "openssl is not installed (scripts/setup.sh installs it)"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

# --- the school's CA and the server's certificate (for localhost and 127.0.0.1); another CA --
tls=$work/tls
mkdir -p "$tls"
make_ca() { # make_ca NAME: a self-signed certificate authority NAME.crt / NAME.key
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Guided Touch test $1" \
    -keyout "$tls/$1.key" -out "$tls/$1.crt" >"$tls/$1.log" 2>&1 || fail "openssl: $(cat "$tls/$1.log")"
}
make_ca school-ca
make_ca other-ca
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" \
  >"$tls/req.log" 2>&1 || fail "openssl req: $(cat "$tls/req.log")"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$tls/san.ext"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/school-ca.crt" -CAkey "$tls/school-ca.key" -CAcreateserial \
  -days 2 -extfile "$tls/san.ext" -out "$tls/server.crt" >"$tls/sign.log" 2>&1 || fail "openssl x509: $(cat "$tls/sign.log")"
chmod 644 "$tls"/*.crt

# --- the server: TLS on, TCP on 127.0.0.1 only as hostssl; the admin keeps the unix socket ------
pg_initdb
cp "$tls/server.crt" "$tls/server.key" "$pgdata/"
chmod 600 "$pgdata/server.key"
printf 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n' >"$pgdata/pg_hba.conf"
[[ ${#as_pg[@]} -gt 0 ]] && chown nobody "$pgdata/server.crt" "$pgdata/server.key" "$pgdata/pg_hba.conf"
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + $$ % 20000))
for ((tries = 0; tries < 200; tries++)); do port_free "$port" && break; port=$((port + 1)); done
export PGPORT=$port # the socket's name carries the port: the admin and the owner talk to it there
pg_start_with_roles -c "listen_addresses=127.0.0.1" -c "port=$port" -c ssl=on -c log_connections=on

tcp="host=localhost port=$port dbname=guidedtouch"
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
db() { sqlite3 "$work/data/guidedtouch/progress.db" "$1"; }
log=$work/trainer.log
strokes_script 1 "$work/one.txt"

# 1. sslmode=require: the trainer records and sends over TLS
configure config gt_kiosk "$tcp user=gt_kiosk sslmode=require"
"$gt" --mute --student Anna --lesson lower-back-basics --script "$work/one.txt" >"$log" 2>&1 ||
  fail "the trainer failed: $(cat "$log")"
idle_trainer "$work/idle.log"
all_sent() { [[ $(db "SELECT count(*) FROM attempts WHERE synced_ms IS NULL") -eq 0 ]]; }
wait_for 90 all_sent || fail "the attempt never went over TLS: $(cat "$log" "$work/idle.log")"
wait_for 30 grep -q "guidedtouch: School server: connected; all attempts sent" "$work/idle.log" ||
  fail "the status never said connected: $(cat "$work/idle.log")"
close_trainer "$work/idle.log"
[[ $(admin "SELECT id FROM attempts" guidedtouch) == "$(db 'SELECT id FROM attempts')" ]] ||
  fail "the server does not hold the attempt"
grep -q 'connection authorized: user=gt_kiosk database=guidedtouch.*SSL enabled' "$work/pg.log" ||
  fail "the kiosk's connection was not encrypted: $(grep 'connection authorized' "$work/pg.log")"

# 2. the instructor with sslmode=verify-full and the school's certificate authority
configure config-teacher gt_teacher "$tcp user=gt_teacher sslmode=verify-full sslrootcert=$tls/school-ca.crt"
XDG_CONFIG_HOME=$work/config-teacher "$gt" report >"$work/report" 2>&1 || fail "report over verify-full: $(cat "$work/report")"
grep -q '^Anna: 1 attempt' "$work/report" || fail "the report over verify-full: $(cat "$work/report")"

# 3. sslmode=disable: refused, said plainly; the trainer keeps saving
configure config gt_kiosk "$tcp user=gt_kiosk sslmode=disable"
"$gt" --mute --student Anna --lesson lower-back-basics --script "$work/one.txt" >"$log" 2>&1 ||
  fail "the trainer failed: $(cat "$log")"
[[ $(db "SELECT count(*) FROM attempts") -eq 2 ]] || fail "the trainer did not save with the server refusing it"
idle_trainer "$work/idle.log"
plain="accepts only secure (TLS) connections and this kiosk's setting does not ask for one"
wait_for 60 grep -q "guidedtouch: School server: offline since .*1 attempt waiting.*$plain" "$work/idle.log" ||
  fail "sslmode=disable was not said plainly: $(cat "$work/idle.log")"
close_trainer "$work/idle.log"
"$gt" report >"$work/report" 2>&1 && fail "a report without TLS should fail"
grep -q "$plain" "$work/report" && grep -q -- '--local' "$work/report" ||
  fail "the report without TLS should say why and offer --local: $(cat "$work/report")"

# 4. verify-full against a CA that did not sign the server's certificate: refused as such
configure config-teacher gt_teacher "$tcp user=gt_teacher sslmode=verify-full sslrootcert=$tls/other-ca.crt"
XDG_CONFIG_HOME=$work/config-teacher "$gt" report >"$work/report" 2>&1 && fail "verify-full accepted another CA"
grep -q "secure connection failed.*certificate verify failed" "$work/report" ||
  fail "a certificate from another CA was not said plainly: $(cat "$work/report")"
echo "PASS: over TLS the kiosk sends and the instructor reads; without TLS or with another CA, said plainly"
