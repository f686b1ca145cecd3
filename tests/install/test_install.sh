#!/usr/bin/env bash
# Installing: `cmake --install` into a temporary DESTDIR puts the command line (no SDL) and the
# trainer it runs (in libexec), the bundled library,
# the desktop entry, its icon and the manual page in their places, and the installed binary,
# run from another directory, finds its library there (not in the source tree): validate, list
# and a frame of the trainer with no window system.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" GUIDEDTOUCH_SYSTEM_CONFIG="$work/none.json"
unset GUIDEDTOUCH_DATA
source "$(dirname "$0")/../support/checks.sh" # check, finish

root="$work/root"
check "cmake --install into a DESTDIR" env DESTDIR="$root" cmake --install "$build" --prefix /usr
bin="$root/usr/bin/guidedtouch"
share="$root/usr/share"
check "the binary is installed" test -x "$bin"
check "the trainer is installed beside the library's programs" test -x "$root/usr/libexec/guidedtouch/guidedtouch-trainer"
if command -v ldd > /dev/null; then
    check "the command line loads no SDL" bash -c "ldd '$bin' | (! grep -i 'libSDL')"
else echo "skipped: no ldd here to list the command line's libraries"; fi
check "the lessons are installed" test -f "$share/guidedtouch/lessons/lower-back-basics.json"
check "the techniques are installed" test -f "$share/guidedtouch/lessons/techniques/effleurage.json"
check "the schemas are installed" test -f "$share/guidedtouch/lessons/schema/lesson.schema.json"
check "the body map and fonts are installed" test -f "$share/guidedtouch/assets/bodymap/posterior.svg" -a \
    -f "$share/guidedtouch/assets/fonts/Inter-Regular.otf"
check "every bundled lesson is installed" bash -c "diff <(cd '$src/lessons' && ls *.json) <(cd '$share/guidedtouch/lessons' && ls *.json)"
check "the desktop entry is installed and valid" desktop-file-validate "$share/applications/guidedtouch.desktop"
check "the icon is installed in hicolor" test -s "$share/icons/hicolor/scalable/apps/guidedtouch.svg"
check "the manual page renders without a warning" bash -c "groff -man -Tutf8 -ww -z '$share/man/man1/guidedtouch.1' 2>&1 | (! grep .)"
check "the manual page names every command" bash -c "for c in validate list regions map new-lesson demo grade students export report backup print-config set-pin; do
    grep -q -- \"\$c\" '$share/man/man1/guidedtouch.1' || { echo \"missing: \$c\"; exit 1; }; done"

# the installed binary reads the installed library: a lesson only the install holds is listed
sed 's/"id": "lower-back-basics"/"id": "only-installed"/' "$share/guidedtouch/lessons/lower-back-basics.json" \
    > "$share/guidedtouch/lessons/only-installed.json"
mkdir -p "$work/elsewhere"
cd "$work/elsewhere" || exit 1
check "validate, from another directory, finds the installed library" bash -c "'$bin' validate 2>&1 | grep -q 'are valid'"
check "list reads the installed lessons" bash -c "'$bin' list --json | jq -e '.lessons | map(.id) | index(\"only-installed\") != null'"
check "the source tree is not where it reads" bash -c "! grep -rq only-installed '$src/lessons'"
check "a frame of the trainer draws from the installed fonts and art" env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    "$bin" --mute --frames 3 --screenshot "$work/frame.png"
check "the frame was written" test -s "$work/frame.png"
check "the installed trainer, run on its own, also finds the installed library" bash -c \
    "'$root/usr/libexec/guidedtouch/guidedtouch-trainer' list --json | jq -e '.lessons | map(.id) | index(\"only-installed\") != null'"
check "a command line copied away from its trainer says where it looked" bash -c "cp '$bin' '$work/lonely' &&
    ! '$work/lonely' --frames 1 2> '$work/lonely.txt' && grep -q 'guidedtouch-trainer' '$work/lonely.txt' &&
    grep -q '$work/guidedtouch-trainer' '$work/lonely.txt'"

finish "install"
