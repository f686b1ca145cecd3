#!/usr/bin/env bash
# Builds the release trainer and prints its speed and memory figures (`guidedtouch bench`): the
# engine, and the trainer through its real loop in an X server of its own (Xvfb) on every renderer.
# Usage: scripts/bench.sh [--json] [--quick]   See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
cmake --build build/release -j"$(nproc)" > /dev/null
exec xvfb-run -a -s "-screen 0 1920x1080x24" ./build/release/guidedtouch --data "$PWD" bench "$@"
