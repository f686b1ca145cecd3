#!/usr/bin/env bash
# Sets everything up and runs every test: a build with warnings as errors, ASan and UBSan,
# then CTest (cmocka unit and integration tests, command-line tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/test -DGT_TEST_BUILD=ON -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build build/test -j"$(nproc)"
ctest --test-dir build/test --output-on-failure --timeout 300 -j"$(nproc)"
