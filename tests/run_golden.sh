#!/bin/sh
# Golden tests: each tests/golden/NAME.{txt,jsonl,html} is coded and the
# output compared with tests/golden/NAME.expected.jsonl, field by field
# for the fields that matter (tests/golden/compare.py prints a diff).
# NAME.status, when present, holds the exit status sitrep must end with
# (default 0). Regenerate an expectation only after checking the new
# output by eye:
#   build/sitrep code tests/golden/NAME.txt > tests/golden/NAME.expected.jsonl
sitrep=$1
pass=0; fail=0
for input in tests/golden/*; do
    case "$input" in *.expected.jsonl|*.status|*.py) continue ;; esac
    name=${input%.*}
    expected="$name.expected.jsonl"
    [ -f "$expected" ] || continue
    actual=$(mktemp)
    # the exit status must be the expected one: 0, or what NAME.status
    # holds (1 for an input with bad records in it on purpose), so a crash
    # or a failed start fails even a golden that expects no events
    want=0
    [ -f "$name.status" ] && want=$(cat "$name.status")
    "$sitrep" code -q "$input" > "$actual" 2>/dev/null
    status=$?
    if [ "$status" -ne "$want" ]; then
        echo "  sitrep exited with status $status, expected $want"
        echo "golden FAIL: $input"
        fail=$((fail + 1))
    elif python3 tests/golden/compare.py "$expected" "$actual"; then
        pass=$((pass + 1))
    else
        echo "golden FAIL: $input"
        fail=$((fail + 1))
    fi
    rm -f "$actual"
done
echo "golden: $pass passed, $fail failed"
echo "golden $pass $fail" >> build/test-results.txt
[ "$fail" -eq 0 ]
