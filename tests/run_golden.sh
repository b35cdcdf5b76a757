#!/bin/sh
# Golden tests: each tests/golden/NAME.{txt,jsonl,html} is coded and the
# output compared with tests/golden/NAME.expected.jsonl, field by field
# for the fields that matter (tests/golden/compare.py prints a diff).
# Regenerate an expectation only after checking the new output by eye:
#   build/sitrep code tests/golden/NAME.txt > tests/golden/NAME.expected.jsonl
sitrep=$1
pass=0; fail=0
for input in tests/golden/*; do
    case "$input" in *.expected.jsonl) continue ;; esac
    name=${input%.*}
    expected="$name.expected.jsonl"
    [ -f "$expected" ] || continue
    actual=$(mktemp)
    "$sitrep" code -q "$input" > "$actual" 2>/dev/null
    if python3 tests/golden/compare.py "$expected" "$actual"; then
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
