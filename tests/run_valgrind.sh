#!/bin/sh
# Run sitrep and the reader and text unit tests under valgrind's leak
# checker; any memory error or definite/indirect leak fails. Records
# "valgrind N M" in build/test-results.txt for tests/summary.sh.
# usage: tests/run_valgrind.sh path/to/sitrep   (a build without sanitizers)
#
# Programs run with SITREP_UNDER_VALGRIND=1 in the environment, so a test
# can skip what cannot hold at valgrind's speed (timing checks).
sitrep=${1:?usage: run_valgrind.sh SITREP}
tests=$(dirname "$sitrep")/tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0

# check NAME CMD...: run CMD under valgrind, output to /dev/null
check() {
    name=$1
    shift
    SITREP_UNDER_VALGRIND=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --error-exitcode=9 "$@" > /dev/null 2> "$log"
    rc=$?
    if [ "$rc" -ne 0 ] && grep -q "unknown command" "$log"; then
        echo "valgrind $name: skipped (no such command yet)"
        return
    fi
    if [ "$rc" -eq 0 ]; then
        echo "valgrind $name: ok"
        passed=$((passed + 1))
    else
        if [ "$rc" -eq 9 ]; then
            echo "valgrind $name: FAILED (memory errors or leaks)"
        else
            echo "valgrind $name: FAILED (exit $rc: the program itself failed under valgrind)"
        fi
        tail -n 40 "$log"
        failed=$((failed + 1))
    fi
}

if [ -x "$sitrep" ]; then
    check "sitrep code samples/" "$sitrep" code samples/
    vdb=$(mktemp -u /tmp/sitrep_valgrind.XXXXXX.db)
    check "sitrep ingest samples/" "$sitrep" ingest -q --db "$vdb" samples/
    check "sitrep events" "$sitrep" events --db "$vdb" --format jsonl --actor SYR
    check "sitrep figures --contested (store)" "$sitrep" figures --db "$vdb" --contested
    check "sitrep export gdelt" "$sitrep" export --db "$vdb" --format gdelt
    check "sitrep export acled" "$sitrep" export --db "$vdb" --format acled
    check "sitrep report html" "$sitrep" report --db "$vdb" --format html
    rm -f "$vdb" "$vdb-wal" "$vdb-shm"
else
    echo "valgrind sitrep: skipped ($sitrep not built)"
fi
for t in test_read test_text; do
    if [ -x "$tests/$t" ]; then
        check "$t" "$tests/$t"
    else
        echo "valgrind $t: skipped (not built)"
    fi
done

echo "valgrind $passed $failed" >> build/test-results.txt
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
