#!/usr/bin/env bash
# Fuzzes the JSON loaders with libFuzzer (clang) under ASan and UBSan.
# Usage: scripts/fuzz.sh [SECONDS]   (default 60). Findings land in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/setup.sh
command -v clang > /dev/null || { sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo; $sudo apt-get install -y -qq clang; }
mkdir -p build/fuzz/corpus
cp lessons/*.json lessons/techniques/*.json assets/bodymap/*.json build/fuzz/corpus/ 2>/dev/null || true
[[ -d tests/data/bad ]] && find tests/data/bad -name '*.json' -exec cp {} build/fuzz/corpus/ \; || true
clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L \
  -DGT_VERSION='"fuzz"' -DGT_SOURCE_DATA_DIR="\"$PWD\"" $(for d in game/core/*/; do printf -- "-I%s " "$d"; done) $(for d in game/load game/load/*/; do printf -- "-I%s " "$d"; done) \
  game/core/*/*.c game/load/*.c game/load/*/*.c tests/fuzz/fuzz_loaders.c $(pkg-config --cflags --libs libcjson) -lm \
  -o build/fuzz/fuzz_loaders
cd build/fuzz
./fuzz_loaders -max_total_time="$seconds" -max_len=65536 -timeout=10 corpus
