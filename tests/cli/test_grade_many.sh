#!/usr/bin/env bash
# Grading a class: `guidedtouch grade LESSON STEP REPLAY...` (files, a folder, --files-from) gives
# one result per replay in the order given, a broken replay as its own located error while the
# others are still graded, exit 0/1/2 for all/some/none graded; and the command line that does
# it loads no SDL (it runs guidedtouch-trainer only for the trainer, `map` and `bench`).
# Usage: test_grade_many.sh PATH/TO/guidedtouch
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/../support/checks.sh" # check, finish

# a class folder: two good attempts (one of them sloppy: drawn off the guide), a broken one in
# the middle, and one of another step
mkdir -p "$work/class"
"$bin" demo lower-back-basics 1 > "$work/class/anna.json"
jq -c '.contacts[0].samples |= map(.[1] += 3)' "$work/class/anna.json" > "$work/class/ben.json"
sed 's/"device": "synthetic"/"device": "trackball"/' "$work/class/anna.json" > "$work/class/carl.json"
"$bin" demo lower-back-basics 2 > "$work/class/dora.json"
"$bin" grade lower-back-basics 1 "$work/class/anna.json" > "$work/anna-card.json"
"$bin" grade lower-back-basics 1 "$work/class/ben.json" > "$work/ben-card.json"

cd "$work" || exit 1
"$bin" grade lower-back-basics 1 class/anna.json class/carl.json class/ben.json > lines.txt 2> err.txt
code=$?
check "some graded, one not: exit 1" test "$code" -eq 1
check "one JSON line per replay" test "$(wc -l < lines.txt)" -eq 3
check "results in the order given" bash -c "jq -r .replay lines.txt | paste -sd' ' | grep -qx 'class/anna.json class/carl.json class/ben.json'"
check "the broken replay is its own result, located" jq -se '.[1] | .graded == false and (.card | not) and
    (.errors | length == 1) and .errors[0].line == 3 and .errors[0].column > 0 and .errors[0].path == "device"
    and (.errors[0].message | test("unknown device \"trackball\""))' lines.txt
check "the broken replay's error also on stderr, located" grep -Eq '^class/carl.json:3:[0-9]+: device: unknown device' err.txt
check "the replays after it are still graded" jq -se '.[2].graded == true and .[2].card.lesson == "lower-back-basics"' lines.txt
check "each card is the one grade gives alone" bash -c "diff <(jq -cs '.[0].card' lines.txt) <(jq -c . '$work/anna-card.json') &&
    diff <(jq -cs '.[2].card' lines.txt) <(jq -c . '$work/ben-card.json')"
check "the sloppy attempt scores below the demonstration" jq -se '.[2].card.total < .[0].card.total' lines.txt

"$bin" grade --json lower-back-basics 1 class/anna.json class/ben.json > array.json
code=$?
check "all graded: exit 0" test "$code" -eq 0
check "--json is one array of the same results" jq -e 'type == "array" and length == 2 and all(.graded) and
    (map(.replay) == ["class/anna.json", "class/ben.json"]) and all(.card | has("total") and has("criteria"))' array.json
"$bin" grade --json lower-back-basics 1 class/carl.json > one-bad.json 2> /dev/null
code=$?
check "none graded: exit 2" test "$code" -eq 2
check "--json of one broken replay is still an array with its error" jq -e 'length == 1 and .[0].graded == false' one-bad.json

"$bin" grade lower-back-basics 1 class > folder.txt 2> folder-err.txt
code=$?
check "a folder: every .json in it, by name" bash -c "jq -r .replay folder.txt | paste -sd' ' | grep -qx 'class/anna.json class/ben.json class/carl.json class/dora.json'"
check "another step's replay is its own explained error" jq -se '.[3].graded == false and
    (.[3].errors[0].message | test("not \"lower-back-basics\" step 1"))' folder.txt
check "a folder with broken replays: exit 1" test "$code" -eq 1
printf 'class/ben.json\n\nclass/anna.json\n' | "$bin" grade lower-back-basics 1 --files-from - > listed.txt
check "--files-from - reads the list from stdin, in its order" bash -c "jq -r .replay listed.txt | paste -sd' ' | grep -qx 'class/ben.json class/anna.json'"
"$bin" grade --lines lower-back-basics 1 class/anna.json > one-line.txt
check "--lines gives one replay as a line too" jq -se 'length == 1 and .[0].graded' one-line.txt
"$bin" grade lower-back-basics 1 class/anna.json > alone.json
check "one replay alone prints its card as always" jq -e '.lesson == "lower-back-basics" and .total >= 95 and (has("replay") | not)' alone.json
"$bin" grade no-such-lesson 1 class/anna.json class/ben.json > /dev/null 2>&1
code=$?
check "an unknown lesson: exit 2" test "$code" -eq 2
"$bin" grade lower-back-basics 1 > /dev/null 2>&1
code=$?
check "no replay: exit 2" test "$code" -eq 2
check "grade --help shows the many-replay form" bash -c "'$bin' grade --help | grep -q 'LESSON STEP REPLAY\.\.\.'"
check "--help names it too" bash -c "'$bin' --help | grep -q 'grade LESSON STEP REPLAY\.\.\.'"

# the command line loads no SDL; the trainer's program does
if command -v ldd > /dev/null; then
    check "the command line loads no SDL" bash -c "! ldd '$bin' | grep -i libSDL"
    trainer="$(dirname "$bin")/guidedtouch-trainer"
    if [ -x "$trainer" ]; then
        check "the trainer's program is the one with SDL" bash -c "ldd '$trainer' | grep -qi libSDL2"
    fi
else
    echo "skipped: ldd is not installed, so the command line's libraries cannot be listed"
fi

finish "grade many"
