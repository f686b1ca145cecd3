#!/usr/bin/env bash
# An instructor's lesson packs, driven through the real guidedtouch binary: a pack loads beside
# the bundled library in validate, list, demo and grade; clashing ids and files that reach
# outside the pack are located errors; a pipe never hangs a command; new-lesson writes a lesson
# that validates and grades its own demonstration >= 95 on every region of the body map; and
# `regions --json` tells the truth about the body map files; `map` draws each view as a PNG.
# Usage: test_packs.sh PATH/TO/guidedtouch SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" GUIDEDTOUCH_SYSTEM_CONFIG="$work/none.json"

source "$(dirname "$0")/../support/checks.sh" # check, finish

# a pack with its own technique and a lesson that uses it
pack="$work/pack"
mkdir -p "$pack/techniques"
sed 's/"id": "effleurage"/"id": "pack-glide"/' "$src/lessons/techniques/effleurage.json" > "$pack/techniques/pack-glide.json"
"$bin" new-lesson calf-warmup --title "Calf warm-up" --region calf-l --pack "$pack" > "$work/new.txt" 2>&1
check "new-lesson writes the file and says where" grep -q "wrote $pack/calf-warmup.json" "$work/new.txt"
sed -i 's/"technique": "effleurage"/"technique": "pack-glide"/' "$pack/calf-warmup.json"
"$bin" --lessons "$pack" validate > "$work/out.txt" 2> "$work/err.txt"; code=$?
check "a pack validates beside the bundled library" test "$code" -eq 0
check "validate counts the pack's lessons" grep -q "20 techniques, [0-9]* lessons (1 from lesson packs) and 2 body maps are valid" "$work/out.txt"
"$bin" --lessons "$pack" list --json > "$work/list.json"
check "list shows the pack's lesson and the bundled ones" jq -e '(.lessons | map(.id) | index("calf-warmup") != null)
    and (.lessons | map(.id) | index("lower-back-basics") != null) and (.techniques | map(.id) | index("pack-glide") != null)' "$work/list.json"
check "list takes --lessons after the command too" bash -c "'$bin' list --lessons '$pack' | grep -q calf-warmup"
"$bin" --lessons "$pack" demo calf-warmup 1 > "$work/demo.json"
"$bin" --lessons "$pack" grade calf-warmup 1 "$work/demo.json" > "$work/card.json"
check "a pack lesson grades its own demo >= 95" jq -e '.total >= 95 and .technique == "pack-glide"' "$work/card.json"
check "demo and grade take a lesson file's path" bash -c "'$bin' demo '$pack/calf-warmup.json' 1 > '$work/demo2.json' &&
    '$bin' grade '$pack/calf-warmup.json' 1 '$work/demo2.json' | jq -e '.total >= 95'"
check "without the pack its lesson is unknown" bash -c "! '$bin' demo calf-warmup 1"
# the configuration's lesson_packs are used when no --lessons is given
mkdir -p "$work/config/guidedtouch"
printf '{"format": "guidedtouch-config", "version": 1, "lesson_packs": ["%s"]}\n' "$pack" > "$work/config/guidedtouch/config.json"
check "the configuration's lesson packs are loaded" bash -c "'$bin' list | grep -q calf-warmup"
rm "$work/config/guidedtouch/config.json"
check "new-lesson never overwrites" bash -c "! '$bin' new-lesson calf-warmup --title X --region calf-l --pack '$pack'"
check "new-lesson names an unknown region's list" bash -c "'$bin' new-lesson x --title X --region calves --pack '$pack' 2>&1 | grep -q 'guidedtouch regions'"

# a lesson id that clashes with a bundled one: located at the id, naming both files
clash="$work/clash"
mkdir -p "$clash/techniques"
cp "$src/lessons/lower-back-basics.json" "$clash/"
"$bin" --lessons "$clash" validate 2> "$work/err.txt"; code=$?
check "a clash fails validate" test "$code" -eq 1
check "a clash is located and names both files" grep -Fq "$clash/lower-back-basics.json:4:9: id: lesson id \"lower-back-basics\" is already used by $src/lessons/lower-back-basics.json" "$work/err.txt"
"$bin" validate "$clash" 2> "$work/err.txt"; code=$?
check "validating the pack folder reports the clash" grep -q "is already used by" "$work/err.txt"
cp "$src/lessons/techniques/effleurage.json" "$clash/techniques/"
rm "$clash/lower-back-basics.json"
"$bin" --lessons "$clash" validate 2> "$work/err.txt"
check "a technique clash names both files" grep -Fq "technique id \"effleurage\" is already used by $src/lessons/techniques/effleurage.json" "$work/err.txt"

# nothing in a pack reaches outside it: links, absolute and parent demo paths; pipes never hang
escape="$work/escape"
mkdir -p "$escape/techniques"
ln -s "$src/lessons/tension-headache.json" "$escape/tension-headache.json"
mkfifo "$escape/stuck.json"
truncate -s 100M "$escape/huge.json"   # sparse: takes no disk, and must not be read
"$bin" new-lesson up --title Up --region calf-r --pack "$escape" > /dev/null
jq '.steps[0].demo = "../../../../../etc/passwd"' "$escape/up.json" > "$escape/up2.json" && mv "$escape/up2.json" "$escape/up.json"
timeout 60 "$bin" --lessons "$escape" validate > /dev/null 2> "$work/err.txt"; code=$?
check "a pipe in a pack does not hang validate" test "$code" -eq 1
check "a linked lesson is refused" grep -Fq "$escape/tension-headache.json: is a symbolic link" "$work/err.txt"
check "a pipe is refused" grep -Fq "$escape/stuck.json: is not a regular file" "$work/err.txt"
check "a file over 64 MiB is refused unread" grep -Fq "$escape/huge.json: the file is larger than 64 MiB" "$work/err.txt"
check "a demo path going up is refused, located" grep -q "^$escape/up.json:[0-9]*:[0-9]*: steps\[0\]\.demo: .*must not start with / or go up with \.\." "$work/err.txt"
check "a pipe does not hang list" timeout 60 "$bin" --lessons "$escape" list
check "a missing pack is said" bash -c "'$bin' --lessons '$work/nowhere' validate 2>&1 | grep -q 'lesson pack folder cannot be opened'"

# a lone file's id must match its name, as it must inside a folder
sed 's/"id": "calf-warmup"/"id": "calf-warm-up"/' "$pack/calf-warmup.json" > "$work/renamed.json"
mkdir -p "$work/lone" && mv "$work/renamed.json" "$work/lone/calf-warmup.json"
sed -i 's/"technique": "pack-glide"/"technique": "effleurage"/' "$work/lone/calf-warmup.json"
"$bin" validate "$work/lone/calf-warmup.json" 2> "$work/err.txt"; code=$?
check "a lone file with another id fails" test "$code" -eq 1
check "the id mismatch is located" grep -Fq "$work/lone/calf-warmup.json:4:9: id: id \"calf-warm-up\" does not match the file name \"calf-warmup.json\"" "$work/err.txt"

# regions --json agrees with the body map files, and every region takes a new lesson
"$bin" regions --json > "$work/regions.json"
check "regions --json matches the body map" python3 - "$src" "$work/regions.json" <<'EOF'
import json, sys
src, listed = sys.argv[1], json.load(open(sys.argv[2]))
def inside(poly, x, y):
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit
views = {v["view"]: v for v in listed["views"]}
assert set(views) == {"posterior", "anterior"}
for name, view in views.items():
    data = json.load(open(f"{src}/assets/bodymap/{name}.json"))
    regions = {r["id"]: r for r in view["regions"]}
    assert set(regions) == {r["id"] for r in data["regions"]}, name
    for r in data["regions"]:
        shown, poly = regions[r["id"]], r["polygon"]
        assert shown["name"] == r["name"]
        assert inside(poly, *shown["inside_cm"]), r["id"]
        assert abs(shown["min_cm"][0] - min(p[0] for p in poly)) < 0.06 and abs(shown["max_cm"][1] - max(p[1] for p in poly)) < 0.06
    assert {l["id"] for l in view["landmarks"]} == {l["id"] for l in data["landmarks"]}, name
EOF
all="$work/all"
mkdir -p "$all"
jq -r '.views[].regions[].id' "$work/regions.json" | sort -u > "$work/ids.txt"
while read -r region; do
    "$bin" new-lesson "on-$region" --title "On $region" --region "$region" --pack "$all" > /dev/null 2>> "$work/new-err.txt" ||
        echo "new-lesson failed on $region" >> "$work/new-err.txt"
done < "$work/ids.txt"
check "new-lesson works on every region" test ! -s "$work/new-err.txt"
check "every new lesson validates" "$bin" validate --lessons "$all" "$all"
while read -r region; do
    "$bin" --lessons "$all" demo "on-$region" 1 > "$work/d.json" &&
        "$bin" --lessons "$all" grade "on-$region" 1 "$work/d.json" | jq -e '.total >= 95' > /dev/null ||
        echo "$region" >> "$work/low.txt"
done < "$work/ids.txt"
check "every new lesson grades its own demo >= 95" test ! -s "$work/low.txt"

# map: a labelled PNG of each view, its size following --px-per-cm; mistakes are said
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print(*struct.unpack(">II", d[16:24]))' "$1"; }
export -f png_size
check "map draws the back" "$bin" map --view posterior --out "$work/back.png"
check "map draws the front at 5 px a cm" "$bin" map --view anterior --out "$work/front.png" --px-per-cm 5
check "map's PNG holds the figure, the grid's margin and the legend" bash -c "read w h < <(png_size '$work/back.png') &&
    height=\$(jq '.height_cm' '$src/assets/bodymap/posterior.json') && test \$h -eq \$(( 60 + 16 + \${height%.*} * 10 )) && test \$w -gt 1500"
check "map's size follows --px-per-cm" bash -c "read w h < <(png_size '$work/front.png') &&
    height=\$(jq '.height_cm' '$src/assets/bodymap/anterior.json') && test \$h -eq \$(( 60 + 16 + \${height%.*} * 5 ))"
check "map refuses an unknown view" bash -c "'$bin' map --view side --out '$work/x.png' 2>&1 | grep -q 'unknown view \"side\"'"
check "map says when it cannot write" bash -c "! '$bin' map --out '$work/nowhere/x.png' 2> '$work/map-err.txt' && grep -q 'cannot write' '$work/map-err.txt'"

finish "packs"
