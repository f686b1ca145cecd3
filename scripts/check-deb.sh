#!/usr/bin/env bash
# Builds the Debian package from a clean copy of the committed tree, installs it with apt-get,
# tries what a school's technician would try (validate, list, --help, the manual page, the menu
# entry, a trainer frame with no window system, from another folder), then removes it again.
# It installs into this machine's /usr: run it as root on a machine you can throw away, not in the
# test suite (the build alone takes minutes). docs/install.md says the steps it automates.
# Usage: scripts/check-deb.sh [--keep]   (--keep leaves the package installed)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
keep=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ "$(id -u)" -eq 0 ] || { echo "check-deb: run as root (it installs the package)" >&2; exit 2; }
# the build tools, then what debian/control's Build-Depends names and this machine lacks
mkdir "$work/src"
git -C "$src" archive HEAD | tar -x -C "$work/src" # the committed tree, as a builder gets it
# install_packages PKG...: from Debian's archive, without recommends
install_packages() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; }
command -v dpkg-buildpackage > /dev/null && command -v dh > /dev/null ||
    { apt-get update -qq && install_packages debhelper dpkg-dev fakeroot; }
unmet=$(cd "$work/src" && dpkg-checkbuilddeps 2>&1 | sed -n 's/.*Unmet build dependencies: //p' |
    sed -E 's/\([^)]*\)//g')
if [ -n "$unmet" ]; then apt-get update -qq && install_packages $unmet; fi
echo "check-deb: the source package (dpkg-source -b)"
(cd "$work" && dpkg-source -b src > "$work/source.log" 2>&1) || { cat "$work/source.log"; exit 1; }
echo "check-deb: building (dpkg-buildpackage -us -uc -b)"
(cd "$work/src" && dpkg-buildpackage -us -uc -b > "$work/build.log" 2>&1) ||
    { tail -40 "$work/build.log"; exit 1; }
deb=$(ls "$work"/guidedtouch_*.deb)
echo "check-deb: built $(basename "$deb") ($(du -k "$deb" | cut -f1) KB)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" > "$work/install.log" 2>&1 ||
    { cat "$work/install.log"; exit 1; }

failed=0
# check NAME COMMAND...: runs the command from an empty folder with a fresh home
check() {
    local name=$1
    shift
    if (cd "$work/elsewhere" && "$@") > "$work/last.txt" 2>&1; then echo "ok: $name"; else
        failed=$((failed + 1)); echo "FAILED: $name"; sed 's/^/    /' "$work/last.txt" | head -20; fi
}
mkdir "$work/elsewhere"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset GUIDEDTOUCH_DATA
check "the command line is installed, the trainer beside the library" \
    test -x /usr/bin/guidedtouch -a -x /usr/libexec/guidedtouch/guidedtouch-trainer
check "guidedtouch validate" bash -c "guidedtouch validate 2>&1 | tee /dev/stderr | grep -q 'are valid'"
check "guidedtouch list" bash -c "guidedtouch list --json | jq -e '.lessons | length > 0'"
check "guidedtouch --help" bash -c "guidedtouch --help | grep -q '^Commands:'"
check "man guidedtouch renders" bash -c "man -P cat guidedtouch 2> '$work/man.err' | grep -q 'guidedtouch - ' && ! grep . '$work/man.err'"
check "the desktop entry is valid" desktop-file-validate /usr/share/applications/guidedtouch.desktop
check "a trainer frame with no window system" env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    guidedtouch --mute --frames 3 --screenshot "$work/frame.png"
check "the frame was written" test -s "$work/frame.png"
if [ "$keep" != "--keep" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq guidedtouch > /dev/null
    check "apt-get remove takes the programs away" test ! -e /usr/bin/guidedtouch -a ! -e /usr/libexec/guidedtouch
fi
echo "check-deb: $failed failed"
test "$failed" -eq 0
