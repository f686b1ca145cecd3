#!/usr/bin/env bash
# Sets everything up and runs every test: the release build must compile without a warning,
# then a build with warnings as errors, ASan and UBSan runs CTest (cmocka unit and integration
# tests, command-line tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release-check -DCMAKE_BUILD_TYPE=Release -DGT_WERROR=ON -DBUILD_TESTING=OFF > /dev/null
cmake --build build/release-check -j"$(nproc)"
cmake -S . -B build/test -DGT_TEST_BUILD=ON -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build build/test -j"$(nproc)"
ctest --test-dir build/test --output-on-failure --timeout 300 -j"$(nproc)"
