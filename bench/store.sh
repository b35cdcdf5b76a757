#!/bin/sh
# The store at scale (issue 5, item 6): a store of 1,000,000 synthetic
# events (tools/gen_store.c), then
#   - the filtered events query (actor + CAMEO code prefix + a month,
#     100 rows), as the median of STORE_RUNS (default 7) runs both in
#     process (bench/store_query.c around sr_store_events) and end to end
#     (`sitrep events`, process start included); the target is 50 ms;
#   - the same for a few other actor/code mixes, so that a plan that only
#     suits one of them shows;
#   - the store's size against the same events as JSON lines
#     (`sitrep events --format jsonl`), whose ratio must stay under 2.
#
#   sh bench/store.sh [SITREP]      (make bench runs it with build/sitrep)
#
# The store is kept in build/bench/store_1m.db and rebuilt when
# tools/gen_store.c or src/store/schema.c change (or STORE_REBUILD=1).
# STORE_EVENTS changes its size.
set -eu
sitrep=${1:-build/sitrep}
runs=${STORE_RUNS:-7}
events=${STORE_EVENTS:-1000000}
dir=build/bench
db=$dir/store_1m.db
[ "$events" -eq 1000000 ] || db=$dir/store_$events.db
cc=${CC:-cc}
mkdir -p "$dir" build/tools
[ -x "$sitrep" ] && [ -f build/libsitrep.a ] || { echo "store bench: build first (make)"; exit 1; }

flags="-std=c17 -O2 -D_GNU_SOURCE -Iinclude -Isrc"
libs="build/libsitrep.a -lutf8proc -ljansson -lgumbo -lsqlite3 -lm -pthread"
$cc $flags -o build/tools/gen_store tools/gen_store.c $libs
$cc $flags -o "$dir/store_query" bench/store_query.c $libs

stamp=$(cat tools/gen_store.c src/store/schema.c src/store/store.c | cksum | cut -d' ' -f1)
if [ "${STORE_REBUILD:-0}" = 1 ] || [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
    t0=$(date +%s.%N)
    build/tools/gen_store -q -o "$db" -n "$events"
    t1=$(date +%s.%N)
    echo "$stamp" > "$db.stamp"
    echo "store: generated $events events into $db in $(echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}') s"
else
    echo "store: reusing $db ($events events; STORE_REBUILD=1 to regenerate)"
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# The query of the issue: a frequent actor, a CAMEO root, one month.
query="--actor SYRMIL --code 19 --since 2018-06-01 --until 2018-06-30 --limit 100"
# shellcheck disable=SC2086
lib=$("$dir/store_query" "$db" "$runs" $query)
# End to end: each run is a new process opening the store (the OS keeps
# the file's pages cached, as it would for a user asking twice).
: > "$dir/store_cli.txt"
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    "$sitrep" events --db "$db" $query --format jsonl > "$dir/store_cli.out"
    t1=$(date +%s%N)
    echo "$t0 $t1" | awk '{printf "%.2f\n", ($2 - $1) / 1e6}' >> "$dir/store_cli.txt"
done
rows=$(wc -l < "$dir/store_cli.out" | tr -d ' ')
echo "filtered query ($query):"
echo "  sr_store_events:  $lib"
echo "  sitrep events:    median_ms=$(median < "$dir/store_cli.txt") rows=$rows (process start included; target 50 ms)"

# Other mixes: frequent and rare actors, two- and three-digit codes, no
# code, the whole year; the slowest is the one to watch.
echo "other mixes (sr_store_events, median of $runs):"
worst=0
for mix in "SYR 19" "TURMIL 20" "TURMIL 190" "KWT 19" "AZEREF 19" "SYRMIL -" "KWT -"; do
    actor=${mix% *}; code=${mix#* }
    codeopt=""; [ "$code" = "-" ] || codeopt="--code $code"
    for range in "2018-06-01 2018-06-30" "2018-01-01 2018-12-31"; do
        # shellcheck disable=SC2086
        r=$("$dir/store_query" "$db" "$runs" --actor "$actor" $codeopt --since "${range% *}" \
            --until "${range#* }" --limit 100)
        ms=$(echo "$r" | sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p')
        printf '  %-8s %-4s %s..%s  %s\n' "$actor" "$code" "${range% *}" "${range#* }" "$r"
        worst=$(echo "$worst $ms" | awk '{print ($2 > $1) ? $2 : $1}')
    done
done
echo "  slowest: $worst ms"

# Size: the store against the JSON lines of all its events.
t0=$(date +%s.%N)
"$sitrep" events --db "$db" --format jsonl > "$dir/store_all.jsonl"
t1=$(date +%s.%N)
store_bytes=$(($(wc -c < "$db") + $( [ -f "$db-wal" ] && wc -c < "$db-wal" || echo 0)))
json_bytes=$(wc -c < "$dir/store_all.jsonl")
nlines=$(wc -l < "$dir/store_all.jsonl" | tr -d ' ')
echo "size: store $(echo "$store_bytes" | awk '{printf "%.1f", $1 / 1048576}') MB," \
     "JSON lines of its $nlines events $(echo "$json_bytes" | awk '{printf "%.1f", $1 / 1048576}') MB" \
     "(written in $(echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}') s)," \
     "ratio $(echo "$store_bytes $json_bytes" | awk '{printf "%.2f", $1 / $2}') (target under 2)"
rm -f "$dir/store_all.jsonl" "$dir/store_cli.out"

# ---- report for a month ----------------------------------------------------
# `sitrep report` over the busiest month of the store (December), HTML,
# median of $runs runs; target 5 s.
: > "$dir/report_times.txt"
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    t0=$(date +%s.%N)
    "$sitrep" report --db "$db" --since 2018-12-01 --until 2018-12-31 --format html -o "$dir/report_month.html"
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.3f\n", $2 - $1}' >> "$dir/report_times.txt"
done
rmed=$(sort -n "$dir/report_times.txt" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "report, one month (2018-12, HTML): median $rmed s over $runs runs (target under 5 s)"
