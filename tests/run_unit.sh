#!/bin/sh
# Run each unit-test binary given; record its counts for tests/summary.sh.
status=0
for t in "$@"; do
    out=$("$t") || status=1
    echo "$out"
    echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/unit \1 \2/p' >> build/test-results.txt
done
exit $status
