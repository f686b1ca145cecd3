#!/usr/bin/env bash
# Kiosk mode in a real X window, as a school's students and staff would meet it: under Xvfb
# with a window manager (openbox), the trainer runs with --kiosk; the window manager's close
# (wmctrl -c), Alt+F4 and Escape from the keyboard (xdotool), "show desktop" (wmctrl -k on) and
# minimising do not end or hide it; a 3-second press with the pointer in a corner opens the PIN
# pad; the staff PIN typed on the keyboard opens the staff menu, whose Close (Q) ends it.
# Usage: test_kiosk_x11.sh path/to/guidedtouch
set -euo pipefail
bin=$1
for tool in Xvfb openbox xdotool wmctrl; do
  command -v "$tool" > /dev/null || { echo "missing $tool (scripts/setup.sh installs it)"; exit 1; }
done
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config GUIDEDTOUCH_SYSTEM_CONFIG=$work/none.json
export SDL_AUDIODRIVER=dummy ASAN_OPTIONS=detect_leaks=0
unset SDL_VIDEODRIVER
log=$work/trainer.log

# waits up to $1 s for the command after it to succeed
wait_for() {
  local limit=$1; shift
  for ((i = 0; i < limit * 10; i++)); do "$@" && return 0; sleep 0.1; done
  return 1
}
fail() { echo "FAIL: $*"; echo "--- trainer's log:"; cat "$log"; exit 1; }
alive() { kill -0 "$trainer" 2> /dev/null; }
said() { grep -q "$1" "$log"; }
visible() { xdotool search --onlyvisible --name '^Guided Touch$' > /dev/null 2>&1; }

# Xvfb picks a free display itself and says which (-displayfd), so parallel runs never collide
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -screen 0 1280x800x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
pids+=($!)
read -r -t 60 -u "$display_fd" number || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=:$number
openbox > "$work/openbox.log" 2>&1 &
pids+=($!)
wait_for 60 wmctrl -m > /dev/null 2>&1 || fail "openbox did not start"

echo 2468 | "$bin" set-pin > /dev/null
"$bin" --kiosk --mute > "$log" 2>&1 &
trainer=$!
pids+=("$trainer")
wait_for 60 visible || fail "the trainer's window did not appear"
sleep 1

# students' ways out: none works
wmctrl -c 'Guided Touch' || true
wait_for 10 said "a request to close was refused" || fail "the window manager's close was not refused"
xdotool key alt+F4 Escape
sleep 1
alive || fail "the trainer ended after a close, Alt+F4 or Escape"

# "show desktop" and minimising: the trainer comes back
wmctrl -k on || true
sleep 1
wait_for 10 visible || fail "after show desktop the trainer stayed hidden"
window=$(xdotool search --name '^Guided Touch$' | head -1)
xdotool windowminimize "$window" || true
sleep 1
wait_for 10 visible || fail "after minimising the trainer stayed hidden"
alive || fail "the trainer ended after show desktop or minimising"

# staff: hold the pointer in a corner for 3 s (tried again if a loaded machine delayed it)
for try in 1 2 3; do
  xdotool mousemove 1278 798 mousedown 1
  sleep 3.6
  xdotool mouseup 1
  wait_for 5 said "staff PIN pad opened" && break
done
said "staff PIN pad opened" || fail "a 3-second press in a corner did not open the PIN pad"
xdotool type --delay 80 1357
xdotool key Return
wait_for 10 said "wrong staff PIN" || fail "a wrong PIN was not refused"
xdotool type --delay 80 2468
xdotool key Return
wait_for 10 said "staff PIN accepted" || fail "the right PIN did not open the staff menu"
xdotool key q
wait_for 20 bash -c "! kill -0 $trainer 2> /dev/null" || fail "Close Guided Touch did not end the trainer"
wait "$trainer" || fail "the trainer ended with an error"
said "closed by staff" || fail "the trainer did not say staff closed it"
echo "kiosk under X11: close, Alt+F4, Escape, show desktop and minimise refused; staff PIN and Close work"
