#!/usr/bin/env bash
# Installs what Guided Touch needs to build, run and test on Debian 12, from Debian's archive.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail
packages=(
  build-essential cmake pkg-config            # toolchain
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev  # the trainer's window, text and SVG art
  libcjson-dev                                # JSON
  libsqlite3-dev sqlite3                      # the progress database (and its shell, for backups)
  libpq-dev postgresql                        # the school server: its client library, and a throwaway server for tests
  openssl                                     # the school-server TLS test makes its certificates
  libsodium-dev                               # the staff PIN's salted hash (Argon2id)
  libcmocka-dev                               # C test framework
  jq                                          # command-line tests read JSON output
  python3-jsonschema                          # tests/schema/check_schemas.py checks the editor schemas
  xvfb xdotool x11-utils openbox wmctrl       # kiosk tests in a real X window with a window manager
  desktop-file-utils groff-base               # the install test checks the desktop entry and the manual page
  clang libclang-rt-14-dev                    # the fuzz targets (libFuzzer's runtime is in libclang-rt-14-dev)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
