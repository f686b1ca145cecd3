#!/usr/bin/env bash
# Drives the real guidedtouch binary the way an instructor or a script would, and checks
# what they would see: exit codes, located errors, JSON shapes and score cards.
# Usage: test_cli.sh PATH/TO/guidedtouch SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/../support/checks.sh" # check, finish

# --help and --version on the binary and on every subcommand
for cmd in "" validate list demo grade; do
    check "help $cmd" bash -c "'$bin' $cmd --help | grep -q '^Usage: guidedtouch'"
    check "version $cmd" bash -c "'$bin' $cmd --version | grep -Eq '^guidedtouch [0-9]+\.[0-9]+\.[0-9]+$'"
done

# the bundled library is valid
check "validate bundled" "$bin" validate
check "validate names what it checked" bash -c "'$bin' validate | grep -q '19 techniques, [0-9]* lessons and 2 body maps are valid'"

check "validate bundled prints no warning" bash -c "! '$bin' validate 2>&1 | grep -q 'warning'"

# a step whose instruction names another level range than it is scored on: a located warning with
# the fix, exit 0, and the lesson still loads (here in place of lower-back-basics in a data folder)
bad="$src/tests/data/bad/lessons"
"$bin" validate "$bad/level-range-mismatch.json" > "$work/out.txt" 2> "$work/err.txt"; code=$?
check "a warning alone exits 0" test "$code" -eq 0
check "a warning is located, with the fix" grep -Fqx "$bad/level-range-mismatch.json:18:88: steps[0].instruction: warning: the text says \"level 2-3\", but this step is scored on level 2-5; say level 2-5, or narrow the step with \"pressure_level\": {\"min\": 2, \"max\": 3}" "$work/err.txt"
check "warnings are counted" grep -qx "guidedtouch: 1 warning" "$work/err.txt"
check "a file with a warning is valid" grep -qx "guidedtouch: 1 file valid" "$work/out.txt"
mkdir -p "$work/warned/lessons"
ln -s "$src/assets" "$work/warned/assets"
ln -s "$src/lessons/techniques" "$work/warned/lessons/techniques"
sed 's/"id": "level-range-mismatch"/"id": "lower-back-basics"/' "$bad/level-range-mismatch.json" > "$work/warned/lessons/lower-back-basics.json"
"$bin" --data "$work/warned" validate > "$work/out.txt" 2> "$work/err.txt"; code=$?
check "a library with a warning is valid" test "$code" -eq 0
check "the library's warning is shown" grep -q "lower-back-basics.json:18:88: steps\[0\]\.instruction: warning: " "$work/err.txt"
check "a lesson with a warning is listed" bash -c "'$bin' --data '$work/warned' list | grep -q 'lower-back-basics'"
check "a lesson with a warning is trained" bash -c "'$bin' --data '$work/warned' demo lower-back-basics 1 > '$work/warned.json' && '$bin' --data '$work/warned' grade lower-back-basics 1 '$work/warned.json' | jq -e '.passed' > /dev/null"

# a step may narrow its technique's band only inside it, and only a band the technique has
"$bin" validate "$bad/step-band-outside.json" 2> "$work/err.txt"; code=$?
check "a step band outside the technique's exits 1" test "$code" -eq 1
check "a step band outside the technique's is located" grep -Fq "step-band-outside.json:17:43: steps[0].pressure_level.max: level 6 is above effleurage's band, level 2-5; a step can only narrow its technique's band, so use a max of level 5 or less" "$work/err.txt"
"$bin" validate "$bad/step-band-not-scored.json" 2> "$work/err.txt"; code=$?
check "narrowing a band the technique lacks exits 1" test "$code" -eq 1
check "narrowing a band the technique lacks is located" grep -Fq "step-band-not-scored.json:27:7: steps[1].speed_cm_s: circular-friction has no speed band to narrow" "$work/err.txt"
# a narrowed step is demonstrated and scored on its own band
"$bin" demo fibromyalgia-light-touch 1 > "$work/light.json"
"$bin" grade fibromyalgia-light-touch 1 "$work/light.json" > "$work/light-card.json"
check "a narrowed step is scored on its band" jq -e '(.criteria[] | select(.name == "pressure") | .target_min == 2 and .target_max == 3) and .total >= 95' "$work/light-card.json"

# a typo in a lesson is reported like a compiler error, and validate exits 1
sed 's/"technique": "effleurage"/"technique": "efleurage"/' "$src/lessons/lower-back-basics.json" > "$work/lower-back-basics.json"
"$bin" validate "$work/lower-back-basics.json" 2> "$work/err.txt"; code=$?
check "validate exits 1 on errors" test "$code" -eq 1
check "validate error is located" grep -Eq "^$work/lower-back-basics.json:[0-9]+:[0-9]+: steps\[[0-9]+\]\.technique: unknown technique \"efleurage\" \(did you mean \"effleurage\"\?\)" "$work/err.txt"

# list --json has the documented shape
"$bin" list --json > "$work/list.json"
check "list json shape" jq -e '(.lessons | length) >= 8 and (.techniques | length) == 19 and
    (.lessons[0] | has("id") and has("title") and (.steps[0] | has("step") and has("technique") and has("view") and has("region"))) and
    (.techniques[0] | has("id") and has("name") and has("pattern")) and .lessons[0].steps[0].step == 1' "$work/list.json"
check "list text" bash -c "'$bin' list | grep -q 'lower-back-basics'"
# a roll's guide must fit its bands: rolled end to end at its tempo, a 4 cm hamstring guide would
# crawl at 2.4 cm/s, below the 4-24 cm/s band; validate says so at the guide, with the lengths that fit
mkdir -p "$work/roll"
sed 's/\[\[41.5, 117\], \[41.3, 110\], \[41, 103\]\]/[[41.5, 117], [41.3, 113]]/' \
    "$src/lessons/daily-self-massage.json" > "$work/roll/daily-self-massage.json"
check "validate warns about a roll guide too short for its tempo and speed" bash -c "'$bin' validate \
    '$work/roll/daily-self-massage.json' 2>&1 | grep -q 'steps\[4\].guide: warning: rolled end to end.*make it 6.6-39.5 cm long'"
# rolling is its own pattern (issue 9): the foam roller and the ball roll back and forth in passes
check "list json: rolling techniques and their lessons" jq -e '
    ([.techniques[] | select(.id == "calf-hamstring-rolling" or .id == "ball-rolling") | .pattern] == ["roll", "roll"]) and
    ([.lessons[] | select(.id == "hip-flexor-ball" or .id == "glute-self-massage")] | length) == 2' "$work/list.json"
# a lesson's real length, condition, level and own citations are listed ("sources" is [] when it cites none)
check "list json: duration, condition, level and sources" jq -e '(.lessons[] | select(.id == "daily-routine-full") |
    .duration_min == 18 and .level == "beginner" and (.condition | test("daily")) and
    any(.sources[]; test("15-20 minutes daily"))) and all(.lessons[]; (.sources | type) == "array" and
    (.duration_min | type) == "number")' "$work/list.json"
# every lesson carries the cautions a student reads before it: each with its kind and source, red
# flags first, a sentence once; techniques carry their own; the text list shows them with their kind
check "list json: every lesson has cautions" jq -e 'all(.lessons[]; (.cautions | length) >= 3 and
    all(.cautions[]; (.text | length) > 0 and (.source | length) > 0 and
        (.kind == "red-flag" or .kind == "contraindication" or .kind == "advice") and (.from | length) > 0))' "$work/list.json"
check "list json: red flags first, each sentence once" jq -e 'all(.lessons[]; ([.cautions[].text] | length) ==
    ([.cautions[].text] | unique | length) and ([.cautions[].kind | {"red-flag": 0, "contraindication": 1, "advice": 2}[.]] as $k | $k == ($k | sort)))' "$work/list.json"
check "list json: headache red flags" jq -e '.lessons[] | select(.id == "tension-headache") | [.cautions[] |
    select(.kind == "red-flag") | .text] | any(test("worst ever")) and any(test("head injury"))' "$work/list.json"
check "list json: a technique's caution is named as its" jq -e '.lessons[] | select(.id == "lower-back-basics") |
    any(.cautions[]; .from == "circular-friction" and (.text | test("72 hours")))' "$work/list.json"
check "list json: techniques carry cautions" jq -e 'all(.techniques[]; has("cautions")) and
    (.techniques[] | select(.id == "calf-hamstring-rolling") | any(.cautions[]; .kind == "red-flag" and (.text | test("DVT"))))' "$work/list.json"
check "list text shows cautions with their kind" bash -c "'$bin' list | grep -q '^    !! Red flag: A sudden, severe'"
# a lesson without cautions: validate warns, located, with the fix, and the lesson stays valid
jq 'del(.cautions)' "$src/lessons/neck-shoulder-tension.json" > "$work/neck-shoulder-tension.json"
"$bin" validate "$work/neck-shoulder-tension.json" > "$work/out.txt" 2> "$work/err.txt"; code=$?
check "a lesson without cautions is valid" test "$code" -eq 0
check "a lesson without cautions is warned about, located" grep -q "^$work/neck-shoulder-tension.json:1:1: warning: the lesson lists no cautions; .* add \"cautions\": \[" "$work/err.txt"

# demo output is a replay that grades at full marks
"$bin" demo lower-back-basics 1 > "$work/demo.json"
check "demo is a replay" jq -e '.format == "guidedtouch-replay" and .version == 1 and .step == 1 and (.contacts | length) >= 1' "$work/demo.json"
"$bin" grade lower-back-basics 1 "$work/demo.json" > "$work/card.json"
check "grade card shape" jq -e '.lesson == "lower-back-basics" and .step == 1 and .total >= 95 and .grade == "S" and .passed == true and
    (.criteria | length) >= 3 and (.criteria | map(.name) | index("path")) != null and
    (.criteria[0] | has("score") and has("measured") and has("target_min") and has("target_max") and has("unit") and has("weight") and has("feedback"))' "$work/card.json"
check "grade from stdin" bash -c "'$bin' grade lower-back-basics 1 - < '$work/demo.json' | jq -e '.total >= 95' > /dev/null"
check "grade is deterministic" bash -c "diff <('$bin' grade lower-back-basics 1 '$work/demo.json') '$work/card.json'"

# a bad replay gets a located error and exit 2
sed 's/"device": "synthetic"/"device": "trackball"/' "$work/demo.json" > "$work/bad.json"
"$bin" grade lower-back-basics 1 "$work/bad.json" > /dev/null 2> "$work/err.txt"; code=$?
check "bad replay exits 2" test "$code" -eq 2
check "bad replay error located" grep -Eq "bad.json:3:[0-9]+: device: unknown device \"trackball\"" "$work/err.txt"
"$bin" grade lower-back-basics 2 "$work/demo.json" > /dev/null 2> "$work/err.txt"; code=$?
check "replay of another step exits 2" test "$code" -eq 2
check "replay of another step explained" grep -q "not \"lower-back-basics\" step 2" "$work/err.txt"
"$bin" grade no-such-lesson 1 "$work/demo.json" > /dev/null 2>&1; code=$?
check "unknown lesson exits 2" test "$code" -eq 2
"$bin" demo lower-back-basics 99 > /dev/null 2>&1; code=$?
check "step out of range exits 2" test "$code" -eq 2
"$bin" grade lower-back-basics 1 "$work/missing.json" > /dev/null 2> "$work/err.txt"; code=$?
check "missing replay exits 2" test "$code" -eq 2
check "missing replay says why" grep -q "No such file" "$work/err.txt"

# validating a replay checks it against the step it claims to be
check "valid replay validates" "$bin" validate "$work/demo.json"
sed 's/"step": 1,/"step": 9,/' "$work/demo.json" > "$work/nostep.json"
"$bin" validate "$work/nostep.json" 2> "$work/err.txt"; code=$?
check "replay of a missing step exits 1" test "$code" -eq 1
check "replay of a missing step located" grep -Eq 'nostep.json:2:[0-9]+: step: lesson "lower-back-basics" has steps 1 to 5, not 9' "$work/err.txt"

# a lesson step with an instructor-recorded demonstration uses it instead of synthesising one
mkdir -p "$work/data/lessons/demos"
ln -s "$src/assets" "$work/data/assets"
ln -s "$src/lessons/techniques" "$work/data/lessons/techniques"
jq '.steps[0].demo = "demos/first-stroke.json"' "$src/lessons/lower-back-basics.json" > "$work/data/lessons/lower-back-basics.json"
jq '.device = "mouse" | .pressure_source = "wheel"' "$work/demo.json" > "$work/data/lessons/demos/first-stroke.json"
check "recorded demo validates" "$bin" --data "$work/data" validate
"$bin" --data "$work/data" demo lower-back-basics 1 > "$work/recorded.json"
check "recorded demo is used" jq -e '.device == "mouse" and .pressure_source == "wheel"' "$work/recorded.json"
check "recorded demo grades" bash -c "'$bin' --data '$work/data' grade lower-back-basics 1 '$work/recorded.json' | jq -e '.passed' > /dev/null"
jq '.steps[1].demo = "demos/first-stroke.json"' "$src/lessons/lower-back-basics.json" > "$work/data/lessons/lower-back-basics.json"
"$bin" --data "$work/data" validate 2> "$work/err.txt"; code=$?
check "demo of the wrong step is refused" test "$code" -eq 1
check "wrong-step demo explained" grep -q 'first-stroke.json.*is for lesson "lower-back-basics" step 1' "$work/err.txt"

finish "cli"
