#!/bin/sh
# make bench: throughput, dictionary load time, peak memory and thread
# scaling of `sitrep code`, as medians of several runs, with a baseline
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

: > "$dir/t1.txt"; : > "$dir/t2.txt"; : > "$dir/load.txt"; : > "$dir/rss.txt"; : > "$dir/base.txt"
: > "$dir/docs.txt"; : > "$dir/sent.txt"; : > "$dir/ev.txt"
echo '{"id":"x","text":"Syrian troops attacked rebels."}' > "$dir/one.jsonl"
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    t0=$(date +%s.%N); wc -w "$input" > /dev/null; t1=$(date +%s.%N)
    echo "$bytes $t0 $t1" | awk '{printf "%.2f\n", $1 / 1e6 / ($3 - $2)}' >> "$dir/base.txt"
    "$sitrep" code -q --stats "$dir/one.jsonl" 2>&1 >/dev/null | field dict_load_ms >> "$dir/load.txt"
    s=$("$sitrep" code -q --stats "$input" 2>&1 >/dev/null | grep '^stats:')
    echo "$s" | field 'MB/s' >> "$dir/t1.txt"
    echo "$s" | field peak_rss_mb >> "$dir/rss.txt"
    echo "$s" | field 'docs/s' >> "$dir/docs.txt"
    echo "$s" | field 'sentences/s' >> "$dir/sent.txt"
    echo "$s" | field 'events/s' >> "$dir/ev.txt"
    "$sitrep" code -q --stats --threads 2 "$input" 2>&1 >/dev/null | field 'MB/s' >> "$dir/t2.txt"
done
t1=$(median < "$dir/t1.txt"); t2=$(median < "$dir/t2.txt"); base=$(median < "$dir/base.txt")
echo "code, 1 thread:      $t1 MB/s  $(median < "$dir/docs.txt") articles/s  $(median < "$dir/sent.txt") sentences/s  $(median < "$dir/ev.txt") events/s"
echo "code, 2 threads:     $t2 MB/s  (speed-up $(echo "$t2 $t1" | awk '{printf "%.2f", $1 / $2}')x)"
echo "dictionary load:     $(median < "$dir/load.txt") ms"
echo "peak memory:         $(median < "$dir/rss.txt") MB (1 thread)"
echo "baseline wc -w:      $base MB/s (sitrep/wc ratio $(echo "$t1 $base" | awk '{printf "%.3f", $1 / $2}'))"
