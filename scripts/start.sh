#!/usr/bin/env bash
# Sets everything up, builds the trainer and starts it on the bundled lessons.
# Extra arguments go to the trainer (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
cmake --build build/release -j"$(nproc)"
exec ./build/release/guidedtouch "$@"
