#!/usr/bin/env bash
# Fuzzes every loader and parser with libFuzzer (clang) under ASan, UBSan and LeakSanitizer, one
# target after the other, each for SECONDS (default 60). The corpus grows in build/fuzz/corpus/
# (kept between runs) from the seeds in tests/fuzz/corpus/; findings land in build/fuzz/findings/
# (what to do with one: docs/fuzzing.md).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   targets: lesson technique bodymap replay script
#        config progress recording (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(lesson technique bodymap replay script config progress recording)
bash scripts/setup.sh
bin=$(bash tests/fuzz/fuzz_build.sh .)
mkdir -p build/fuzz/findings
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in "${targets[@]}"; do
  mkdir -p "build/fuzz/corpus/$target"
  echo "== fuzz_$target for $seconds s"
  dict=tests/fuzz/json.dict
  [[ $target == script ]] && dict=tests/fuzz/script.dict
  code=0
  "$bin/fuzz_$target" -dict="$dict" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/findings/$target-" "build/fuzz/corpus/$target" "tests/fuzz/corpus/$target" \
    > "build/fuzz/$target.log" 2>&1 || code=$?
  grep -E "^#[0-9]+ +(INITED|DONE)|ERROR|SUMMARY|runtime error|Test unit|stat::number_of_executed_units" \
    "build/fuzz/$target.log" || true
  [[ $code -eq 0 ]] || { status=1; echo "fuzz_$target found a problem: see build/fuzz/$target.log"; }
done
exit $status
