#!/bin/sh
# make bench: throughput, dictionary load time, peak memory and thread
# scaling of `sitrep code` (the coder alone, with places and dates, and
# with figures and quotes too), as medians of several runs, with a baseline
# (wc -w over the same bytes) measured in the same run so that figures from
# noisy machines can be compared as ratios.
#
# Input: ../shared/corpus/ag_news_world.txt replicated to BENCH_MB (default
# 50) MB as JSON lines, in build/bench/. Runs: BENCH_RUNS (default 5).
set -eu
sitrep=${1:-build/sitrep}
mb=${BENCH_MB:-50}
runs=${BENCH_RUNS:-5}
src=${BENCH_CORPUS:-../shared/corpus/ag_news_world.txt}
dir=build/bench
mkdir -p "$dir"
input="$dir/ag_news_${mb}mb.jsonl"
if [ ! -f "$src" ]; then
    echo "bench: $src not found (set BENCH_CORPUS to a one-article-a-line text file)"; exit 1
fi
if [ ! -f "$input" ]; then
    python3 bench/make_input.py "$src" "$mb" > "$input"
fi
bytes=$(wc -c < "$input")
echo "bench: input $input ($bytes bytes), $runs runs each"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
field() { sed -n "s|.* $1=\([0-9.]*\).*|\1|p"; }

echo '{"id":"x","text":"Syrian troops attacked rebels."}' > "$dir/one.jsonl"
# One stats line per run; the configurations measured:
#   events   sitrep code --kinds event --no-places  (the coder: issue 2)
#   places   sitrep code --kinds event              (+ places and dates: issue 3)
#   full     sitrep code                            (+ figures and quotes)
#   events2  the events configuration with --threads 2
run_cfg() { # name, then sitrep arguments
    name=$1; shift
    "$sitrep" code -q --stats "$@" "$input" 2>&1 >/dev/null | grep '^stats:' >> "$dir/$name.txt"
}
for f in events places full events2 base load; do : > "$dir/$f.txt"; done
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    t0=$(date +%s.%N); wc -w "$input" > /dev/null; t1=$(date +%s.%N)
    echo "$bytes $t0 $t1" | awk '{printf "%.2f\n", $1 / 1e6 / ($3 - $2)}' >> "$dir/base.txt"
    "$sitrep" code -q --stats "$dir/one.jsonl" 2>&1 >/dev/null | field dict_load_ms >> "$dir/load.txt"
    run_cfg events --kinds event --no-places
    run_cfg places --kinds event
    run_cfg full
    run_cfg events2 --kinds event --no-places --threads 2
done
med() { field "$2" < "$dir/$1.txt" | median; }
base=$(median < "$dir/base.txt")
e1=$(med events 'MB/s'); e2=$(med events2 'MB/s'); pl=$(med places 'MB/s'); fu=$(med full 'MB/s')
echo "events (--kinds event --no-places), 1 thread: $e1 MB/s  $(med events 'docs/s') articles/s  $(med events 'sentences/s') sentences/s  $(med events 'events/s') events/s"
echo "events, 2 threads:                            $e2 MB/s  (speed-up $(echo "$e2 $e1" | awk '{printf "%.2f", $1 / $2}')x)"
echo "events + places + dates (--kinds event):      $pl MB/s  ($(echo "$pl $e1" | awk '{printf "%.0f", 100 * $1 / $2}')% of events only)"
echo "everything (events, figures, quotes):         $fu MB/s  $(med full 'docs/s') articles/s"
echo "dictionary load:                              $(median < "$dir/load.txt") ms"
echo "peak memory, events / everything:             $(med events peak_rss_mb) MB / $(med full peak_rss_mb) MB"
echo "baseline wc -w:                               $base MB/s (events/wc ratio $(echo "$e1 $base" | awk '{printf "%.3f", $1 / $2}'))"

# Ingest (issue 5): `sitrep ingest` of distinct articles into a new store
# (the replicated input above would be skipped as already stored), with its
# default two coding threads; MB/s of article text, and the store's size
# against the JSON lines `sitrep code` writes for the same input.
ingest_mb=${BENCH_INGEST_MB:-10}
ingest_in="$dir/ingest_${ingest_mb}mb.jsonl"
[ -f "$ingest_in" ] || python3 tests/ingest_input.py "$src" "$ingest_mb" > "$ingest_in"
: > "$dir/ingest.txt"
: > "$dir/ingest_wall.txt"
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    rm -f "$dir/ingest.db" "$dir/ingest.db-wal" "$dir/ingest.db-shm"
    t0=$(date +%s.%N)
    line=$("$sitrep" ingest --db "$dir/ingest.db" "$ingest_in" 2>&1 | tail -1)
    t1=$(date +%s.%N)
    # the command's own rate (first document to last group) and the whole
    # process's (dictionary load and the store's close included)
    echo "$line" | sed -n 's/.*(\([0-9.]*\) MB\/s).*/\1/p' >> "$dir/ingest.txt"
    echo "$line" | sed -n 's/.* \([0-9.]*\) MB in .*/\1/p' |
        awk -v a="$t0" -v b="$t1" '{printf "%.2f\n", $1 / (b - a)}' >> "$dir/ingest_wall.txt"
done
"$sitrep" code -q "$ingest_in" > "$dir/ingest_code.jsonl"
store_bytes=$(($(wc -c < "$dir/ingest.db") + $( [ -f "$dir/ingest.db-wal" ] && wc -c < "$dir/ingest.db-wal" || echo 0)))
json_bytes=$(wc -c < "$dir/ingest_code.jsonl")
echo "ingest into SQLite (2 threads):               $(median < "$dir/ingest.txt") MB/s of article text" \
     "(runs: $(tr '\n' ' ' < "$dir/ingest.txt")); whole process $(median < "$dir/ingest_wall.txt") MB/s;" \
     "store $(echo "$store_bytes $json_bytes" | awk '{printf "%.2f", $1 / $2}')x the JSON lines"
rm -f "$dir/ingest_code.jsonl"
