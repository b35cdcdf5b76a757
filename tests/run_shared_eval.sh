#!/bin/sh
# Quality checks that need ../shared (present in a developer's workspace and
# in CI, not in a user's clone): the seed articles' key events, and every
# seed and the world-news corpus coded without a crash (under the sanitizers
# when this is the SAN=1 build). Skipped, and said so, when ../shared is
# missing.
sitrep=$1
shared=${SHARED:-../shared}
if [ ! -d "$shared/corpus" ]; then
    echo "shared-eval: $shared not found, skipped"
    exit 0
fi
status=0
if out=$(sh "$shared/eval/seeds.sh" "$sitrep" 2>&1); then
    echo "shared-eval seeds: $(echo "$out" | tail -n 1)"
    echo "seeds 1 0" >> build/test-results.txt
else
    echo "$out"
    echo "seeds 0 1" >> build/test-results.txt
    status=1
fi
# robustness: the whole world-news file as one document and line by line
tmp=$(mktemp -d)
python3 - "$shared/corpus/ag_news_world.txt" > "$tmp/ag.jsonl" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8", errors="replace")):
    print(json.dumps({"id": f"ag{n}", "date": "2004-08-15", "text": line.rstrip("\n")}))
PY
if "$sitrep" code -q "$tmp/ag.jsonl" "$shared/corpus/seeds" "$shared/corpus/ag_news_world.txt" > "$tmp/out.jsonl"; then
    n=$(wc -l < "$tmp/out.jsonl")
    if python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$tmp/out.jsonl"; then
        echo "shared-eval robustness: $n records, all valid JSON"
        echo "robustness 1 0" >> build/test-results.txt
    else
        echo "shared-eval robustness: invalid JSON in the output"
        echo "robustness 0 1" >> build/test-results.txt
        status=1
    fi
else
    echo "shared-eval robustness: sitrep code failed on the world-news corpus"
    echo "robustness 0 1" >> build/test-results.txt
    status=1
fi
# the same records, in the same order, whatever the thread count
if "$sitrep" code -q --threads 2 "$tmp/ag.jsonl" > "$tmp/t2.jsonl" &&
   "$sitrep" code -q --threads 1 "$tmp/ag.jsonl" > "$tmp/t1.jsonl" && cmp -s "$tmp/t1.jsonl" "$tmp/t2.jsonl"; then
    echo "shared-eval threads: --threads 2 output identical to --threads 1"
    echo "threads 1 0" >> build/test-results.txt
else
    echo "shared-eval threads: --threads 2 output differs from --threads 1"
    echo "threads 0 1" >> build/test-results.txt
    status=1
fi
rm -rf "$tmp"
exit $status
