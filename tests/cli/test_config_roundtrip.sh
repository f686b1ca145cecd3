#!/usr/bin/env bash
# `print-config --json` writes a configuration file that the trainer's own loader reads back as
# the same settings, whatever form a path setting took on the command line: relative (kept as a
# full path under the folder it was given in, so the file means the same folder wherever it is
# read), with spaces, in Unicode, absolute, with a trailing slash, "~/..." quoted past the shell,
# and as long as a file may hold (the database beside it then follows it, not a longer path).
# A path no file can hold (a line break, bytes that are not UTF-8, too long) is refused with a
# message naming the option, and no file is printed at all.
# Usage: test_config_roundtrip.sh PATH/TO/guidedtouch
set -u
bin=$(readlink -f "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export GUIDEDTOUCH_SYSTEM_CONFIG="$work/none.json"
mkdir -p "$HOME" "$work/here"
cd "$work/here" || exit 1
here=$(pwd -P)
# pass / fail NAME WHY: count one check
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED: $1: $2"; }

# round_trip NAME EXPECTED_DATA_DIR OPTIONS...: prints the settings as a file, loads that file
# as the system configuration, and checks it loads without a word, holds data_dir EXPECTED and
# prints the very same file again
round_trip() {
    local name=$1 expected=$2
    shift 2
    if ! "$bin" print-config --json "$@" > "$work/first.json" 2> "$work/err.txt"; then
        fail "$name" "print-config --json refused: $(head -c 300 "$work/err.txt")"; return; fi
    if ! GUIDEDTOUCH_SYSTEM_CONFIG="$work/first.json" "$bin" print-config --json > "$work/again.json" \
        2> "$work/err.txt" || [ -s "$work/err.txt" ]; then
        fail "$name" "the printed file does not load back: $(head -c 300 "$work/err.txt")"; return; fi
    local got
    got=$(jq -r .data_dir "$work/first.json")
    if [ "$got" != "$expected" ]; then fail "$name" "data_dir is \"${got:0:80}\", not \"${expected:0:80}\""; return; fi
    if ! cmp -s "$work/first.json" "$work/again.json"; then
        fail "$name" "loaded back it prints another file: $(diff "$work/first.json" "$work/again.json" | head -5)"
        return; fi
    if ! GUIDEDTOUCH_SYSTEM_CONFIG="$work/first.json" "$bin" print-config | grep -q "^data_dir .*# $work/first.json:"
    then fail "$name" "print-config does not say data_dir came from the file"; return; fi
    pass
}
# refused NAME OPTIONS...: print-config --json exits 1, prints nothing on stdout and names the option
refused() {
    local name=$1
    shift
    "$bin" print-config --json "$@" > "$work/out.json" 2> "$work/err.txt"; local code=$?
    if [ "$code" -ne 1 ]; then fail "$name" "exit status $code, not 1"
    elif [ -s "$work/out.json" ]; then fail "$name" "a file was printed all the same"
    elif ! grep -q "^command line: --data-dir: .*$3" "$work/err.txt"; then
        fail "$name" "the message does not name --data-dir and why: $(head -c 300 "$work/err.txt")"
    else pass; fi
}

round_trip "relative" "$here/kiosk data" --data-dir "kiosk data"
round_trip "relative with ./" "$here/kiosk" --data-dir ./kiosk
round_trip "relative, given as --data-dir=" "$here/sub/kiosk" --data-dir=sub/kiosk
round_trip "with spaces" "$work/two words/and more" --data-dir "$work/two words/and more"
round_trip "unicode" "$work/données élèves/日本語" --data-dir "$work/données élèves/日本語"
round_trip "absolute" "$work/srv/kiosk" --data-dir "$work/srv/kiosk"
round_trip "trailing slash" "$work/srv/kiosk" --data-dir "$work/srv/kiosk/"
round_trip "~/ quoted past the shell" "$HOME/kiosk" --data-dir '~/kiosk'
round_trip "quotes, backslash and a dollar" "$work/a \"b\" \\c \$d" --data-dir "$work/a \"b\" \\c \$d"
longest="$work/$(printf 'x%.0s' $(seq $((3896 - ${#work} - 1))))"
round_trip "as long as a file may hold" "$longest" --data-dir "$longest"
check_longest() { # the database beside the longest data_dir is left for the loader to work out
    "$bin" print-config --json --data-dir "$longest" | jq -e '.format == "guidedtouch-config" and
        (has("database") | not)' > /dev/null; }
if check_longest; then pass; else fail "database beside a long data_dir" "printed, longer than a file may hold"; fi

# the other path settings keep the same rule
"$bin" print-config --json --data-dir "$work/d" --database "rel.db" --lesson-pack "my pack" > "$work/paths.json"
if jq -e --arg h "$here" '.database == ($h + "/rel.db") and .lesson_packs == [$h + "/my pack"]' "$work/paths.json" \
    > /dev/null && GUIDEDTOUCH_SYSTEM_CONFIG="$work/paths.json" "$bin" print-config > /dev/null 2>&1; then pass
else fail "relative --database and --lesson-pack" "$(cat "$work/paths.json" | head -c 300)"; fi

refused "a line break" --data-dir "$(printf 'line\nbreak')" "control character"
refused "bytes that are not UTF-8" --data-dir "$(printf 'caf\xe9')" "not UTF-8"
refused "too long" --data-dir "$longest-more" "too long"

# a data folder from the environment that no file can hold: refused, located as the default
XDG_DATA_HOME="$(printf '%s/tab\there' "$work")" "$bin" print-config --json > "$work/out.json" 2> "$work/err.txt"
if [ $? -eq 1 ] && [ ! -s "$work/out.json" ] && grep -q '^default: data_dir: cannot be written' "$work/err.txt"; then pass
else fail "an unwritable default" "$(head -c 300 "$work/err.txt")"; fi

echo "config round trip: $passed passed, $failed failed"
test "$failed" -eq 0
