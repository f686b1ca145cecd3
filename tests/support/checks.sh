# checks.sh: sourced by the shell tests. `check NAME COMMAND...` runs a command and counts it as
# passed when it succeeds; when it fails, says so with the first lines it printed. `finish
# LABEL` prints the tally and fails when any check failed. The sourcing script sets $work (its
# temporary folder) first.
passed=0
failed=0
check() { # check NAME COMMAND... : passes when the command succeeds
    local name=$1
    shift
    if "$@" > "$work/last.txt" 2>&1; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAILED: $name"; sed 's/^/    /' "$work/last.txt" | head -20; fi
}
finish() { # finish LABEL: the tally; the status says whether every check passed
    echo "$1: $passed passed, $failed failed"
    test "$failed" -eq 0
}
