#!/usr/bin/env bash
# Builds an optimised engine and prints its speed and memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON > /dev/null
cmake --build build/release -j"$(nproc)" --target bench_engine > /dev/null
./build/release/tests/bench_engine "$PWD"
