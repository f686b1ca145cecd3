#!/usr/bin/env bash
# fuzz_brief: every fuzz target runs briefly and deterministically over its seed corpus (fixed
# -seed, fixed -runs: the same inputs on any machine, at any load), under ASan, UBSan and
# LeakSanitizer. Fails on any crash, leak, undefined behaviour, timeout or out-of-memory, naming
# the target and the input that did it (kept in build/fuzz/findings/). Long runs: scripts/fuzz.sh.
# Usage: tests/fuzz/fuzz_brief.sh SOURCE_DIR
set -uo pipefail
source_dir=$(cd "$1" && pwd)
bin=$(bash "$source_dir/tests/fuzz/fuzz_build.sh" "$source_dir") ||
  { echo "FAIL: the fuzz targets did not build"; exit 1; }
work="$source_dir/build/fuzz/brief"
findings="$source_dir/build/fuzz/findings"
mkdir -p "$findings"
# runs per target, chosen so all of them take about 40 s of CPU under ASan on this 2-core machine (the
# configuration target writes and syncs files, so it waits on the disk too)
declare -A runs=([lesson]=24000 [technique]=30000 [bodymap]=8000 [replay]=30000 [script]=60000 [config]=8000
                 [progress]=60000 [recording]=5000)
failed=0
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for target in lesson technique bodymap replay script config progress recording; do
  rm -rf "$work/$target"
  mkdir -p "$work/$target"
  log="$work/$target.log"
  start=$SECONDS
  # new inputs go to the scratch folder (first), never into the seed corpus
  dict="$source_dir/tests/fuzz/json.dict"
  [[ $target == script ]] && dict="$source_dir/tests/fuzz/script.dict"
  (cd "$work" && "$bin/fuzz_$target" -dict="$dict" -seed=1 -runs="${runs[$target]}" -timeout=25 -rss_limit_mb=2560 \
     -artifact_prefix="$findings/$target-" "$work/$target" "$source_dir/tests/fuzz/corpus/$target" > "$log" 2>&1)
  status=$?
  if [[ $status -ne 0 ]]; then
    failed=1
    input=$(grep -o "Test unit written to .*" "$log" | sed 's/Test unit written to //' | tail -1)
    echo "FAIL: fuzz_$target (exit $status) on input ${input:-"(none written; see $log)"}"
    grep -E "ERROR|SUMMARY|runtime error|#[0-9]+ 0x" "$log" | head -30
  else
    echo "ok: fuzz_$target ${runs[$target]} runs in $((SECONDS - start)) s"
  fi
done
exit $failed
