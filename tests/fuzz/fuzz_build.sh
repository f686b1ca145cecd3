#!/usr/bin/env bash
# Configures (once) and builds the libFuzzer targets in SOURCE/build/fuzz with clang; prints the
# folder holding them. Shared by tests/fuzz/fuzz_brief.sh and scripts/fuzz.sh.
# Usage: tests/fuzz/fuzz_build.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd)
build="$source_dir/build/fuzz"
if ! command -v clang > /dev/null; then
  echo "clang is not installed; scripts/setup.sh installs it (with libclang-rt-14-dev for libFuzzer)" >&2
  exit 1
fi
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$source_dir" -B "$build" -DGT_FUZZ=ON -DCMAKE_C_COMPILER=clang -DGT_BUILD_APP=OFF \
    -DBUILD_TESTING=OFF > "$build.configure.log" 2>&1 || { cat "$build.configure.log" >&2; exit 1; }
fi
cmake --build "$build" --target fuzz_all -j2 > "$build/build.log" 2>&1 || { tail -40 "$build/build.log" >&2; exit 1; }
echo "$build/tests/fuzz"
