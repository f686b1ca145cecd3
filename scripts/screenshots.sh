#!/usr/bin/env bash
# Regenerates the screenshots in docs/images from the real trainer, driven by input scripts,
# headless (SDL's dummy video driver). Usage: scripts/screenshots.sh [path/to/guidedtouch]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/guidedtouch}
[[ -x $bin ]] || { cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release > /dev/null; cmake --build build/release -j"$(nproc)" > /dev/null; }
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export XDG_DATA_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
out=docs/images
"$bin" --mute --frames 3 --screenshot $out/home.png
"$bin" --mute --lesson lower-back-basics --frames 90 --screenshot $out/demo.png
"$bin" --mute --lesson lower-back-basics --script docs/scripts/practice-partial.txt --screenshot $out/practice.png
"$bin" --mute --lesson lower-back-basics --script docs/scripts/practice-too-fast.txt --screenshot $out/result.png
"$bin" --mute --lesson lower-back-basics --step 4 --script docs/scripts/practice-kidney.txt --screenshot $out/warning.png
"$bin" --mute --lesson lower-back-basics --step 4 --script docs/scripts/result-kidney.txt --screenshot $out/result-unsafe.png
"$bin" --mute --lesson lower-back-basics --script docs/scripts/result-capped.txt --screenshot $out/result-capped.png
"$bin" --mute --lesson lower-back-basics --script docs/scripts/result-short.txt --screenshot $out/result-short.png
"$bin" --mute --window 1080x1920 --lesson lymphatic-drainage-arm --mode practice --frames 5 --screenshot $out/kiosk-portrait.png
# a hold's demonstration 6 s in: the gauge follows the demonstration's level
"$bin" --mute --lesson tension-headache --step 2 --frames 400 --screenshot $out/demo-hold.png
"$bin" --mute --lesson lower-back-basics --script docs/scripts/practice-back.txt --screenshot $out/practice-back.png
# a lesson's intro with its cautions (red flags first), and the reminder before the first step
"$bin" --mute --lesson tension-headache --script docs/scripts/intro-cautions.txt --screenshot $out/intro-cautions.png
"$bin" --mute --window 1080x1920 --lesson tension-headache --script docs/scripts/intro-cautions.txt --screenshot $out/intro-cautions-portrait.png
"$bin" --mute --lesson tension-headache --frames 3 --screenshot $out/first-step-cautions.png
# the summary of a whole lesson, each step done by replaying its own demonstration
steps=$(mktemp -d)
trap 'rm -rf "$XDG_DATA_HOME" "$steps"' EXIT
echo "at 300" > "$steps/summary.txt"
for i in 1 2 3 4; do
  "$bin" demo neck-shoulder-tension $i > "$steps/step$i.json"
  printf 'replay step%d.json\nwait 300\nkey Return\nwait 300\nkey Return\nwait 300\n' $i >> "$steps/summary.txt"
done
"$bin" --mute --mode practice --lesson neck-shoulder-tension --script "$steps/summary.txt" --screenshot $out/summary.png
"$bin" --mute --window 1080x1920 --frames 3 --screenshot $out/home-portrait.png
# kiosk mode: the staff PIN pad after a wrong PIN, the staff menu, and the attract screen
export XDG_CONFIG_HOME=$(mktemp -d) GUIDEDTOUCH_SYSTEM_CONFIG=/nonexistent/guidedtouch.json
trap 'rm -rf "$XDG_DATA_HOME" "$steps" "$XDG_CONFIG_HOME"' EXIT
echo 2468 | "$bin" set-pin > /dev/null
"$bin" --kiosk --mute --script docs/scripts/kiosk-wrong-pin.txt --screenshot $out/kiosk-pin.png 2> /dev/null
# the staff menu shows the data folder: a fixed one, so the picture is the same on every run
kiosk_data=/tmp/guidedtouch-kiosk-example
rm -rf "$kiosk_data"
"$bin" --kiosk --mute --data-dir "$kiosk_data" --script docs/scripts/kiosk-staff.txt --screenshot $out/kiosk-staff.png 2> /dev/null
rm -rf "$kiosk_data"
"$bin" --kiosk --mute --idle-timeout-s 1 --frames 300 --screenshot $out/kiosk-attract.png 2> /dev/null
# My progress: a fortnight of one student's practice, made by the real trainer from scripts and
# moved onto its days (docs/scripts/seed-progress.sh), opened from the lesson list by its key (P)
export TZ=UTC
bash docs/scripts/seed-progress.sh "$bin" 2026-03-14
printf 'at 300\nkey p\n' > "$steps/progress.txt"
"$bin" --mute --student "Sam Rivera" --today 2026-03-14 --script "$steps/progress.txt" --screenshot $out/progress.png
# "Who is practising?" with a class of 40: the names go by pages (Up, More)
for i in $(seq -w 1 40); do "$bin" students add "Student $i" > /dev/null; done
"$bin" --mute --script docs/scripts/picker.txt --screenshot $out/picker.png
# the settings, and practice with larger text, high contrast and the gauge on the left
"$bin" --mute --student "Anna Lee" --script docs/scripts/settings.txt --screenshot $out/settings.png
# the skin tone: medium-dark chosen on the settings (F8), and practice with the figure in the dark tone
"$bin" --mute --student "Anna Lee" --script docs/scripts/settings-skin-tone.txt --screenshot $out/settings-skin-tone.png
"$bin" --mute --skin-tone dark --lesson lower-back-basics --script docs/scripts/practice-partial.txt \
  --screenshot $out/practice-tone-dark.png
"$bin" --mute --large-text --high-contrast --left-handed --lesson lower-back-basics \
  --script docs/scripts/practice-partial.txt --screenshot $out/practice-accessible.png
# the whole figure, front and back, every region numbered, every place to avoid lettered, a cm grid
"$bin" --data . map --view anterior --out $out/bodymap-front.png --px-per-cm 8
"$bin" --data . map --view posterior --out $out/bodymap-back.png --px-per-cm 8
"$bin" --data . map --view anterior --out $out/bodymap-front-tone-dark.png --px-per-cm 5 --skin-tone dark
echo "screenshots written to $out"
