#!/bin/sh
# Replay each fuzzer's corpus with its plain build: BUILD/tests/replay_fuzz_X
# runs every file of tests/fuzz/corpus/X/. Records "fuzz N M" per fuzzer in
# build/test-results.txt for tests/summary.sh; a crash or sanitizer report
# fails the run.
# usage: tests/run_fuzz_replay.sh BUILD
build=${1:?usage: run_fuzz_replay.sh BUILD}
status=0
found=0
for bin in "$build"/tests/replay_fuzz_*; do
    [ -x "$bin" ] || continue
    found=1
    name=${bin##*/replay_fuzz_}
    corpus=tests/fuzz/corpus/$name
    if [ ! -d "$corpus" ]; then
        echo "replay fuzz_$name: no corpus in $corpus, skipped"
        continue
    fi
    out=$("$bin" "$corpus" 2>&1)
    rc=$?
    echo "$out" | tail -n 20
    line=$(echo "$out" | sed -n 's/^replay .*: \([0-9]*\) passed, \([0-9]*\) failed$/fuzz \1 \2/p' | tail -n 1)
    if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
        # a crash prints no summary: count the fuzzer as one failure
        echo "replay fuzz_$name: exit $rc"
        passed=$(echo "$line" | cut -d' ' -f2)
        line="fuzz ${passed:-0} 1"
        status=1
    fi
    echo "$line" >> build/test-results.txt
done
[ "$found" = 1 ] || echo "replay: no fuzzers built in $build/tests"
exit $status
