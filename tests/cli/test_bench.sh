#!/usr/bin/env bash
# `guidedtouch bench --quick --json` runs end to end without a window system and reports every
# figure docs/performance.md records (their values are the machine's, never checked here).
# Usage: test_bench.sh PATH/TO/guidedtouch
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" bench --quick --json > "$work/bench.json" 2> "$work/err.txt" || {
    echo "FAILED: bench did not run"; cat "$work/err.txt"; exit 1; }
jq -e '
  (.engine | (.library_load_ms > 0) and (.library_load_cpu_ms > 0) and (.grades_per_second_in_process > 0)
             and (.grade_process_ms > 0) and (.grade_process_cpu_ms > 0)
             and (.grade_batch_per_second > 0) and (.grade_batch_replays > 1) and (.grade_batch_cpu_ms_per_replay > 0)
             and (.per_sample | length == 2) and (.per_sample | all(.score_ns_per_sample > 0 and .read_ns_per_sample > 0)))
  and (.trainer.runs | length >= 1)
  and (.trainer.runs | all(.frames > 0 and .frame_cpu_ms_p99 >= .frame_cpu_ms_p50 and .event_to_present_ms_p99 > 0
                           and .rss_mb_after_a_minute > 0 and .peak_rss_mb > 0 and .first_frame_ms_in_process > 0))
  and (.trainer.runs[0] | has("idle_cpu_ms_per_s_home") and has("idle_cpu_ms_per_s_practice") and has("idle_cpu_ms_per_s_rhythm"))
  and (.machine.cpus >= 1)' "$work/bench.json" > /dev/null || { echo "FAILED: a figure is missing"; cat "$work/bench.json"; exit 1; }
echo "bench: every figure reported"
