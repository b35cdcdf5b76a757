#!/bin/sh
# Ingest tests: `sitrep ingest` against a real store, checked with sqlite3.
#
#   records      the stored events, figures and quotes equal the records
#                `sitrep code` writes for the same input (tests/ingest_check.py)
#   idempotent   a second ingest of the same input adds nothing
#   incremental_grouping  two runs (every day but one, then that day)
#                make the events and groups one run makes
#   threads      one thread and three make the same events and groups
#   crash        an ingest killed with SIGKILL at random moments leaves a
#                consistent store each time (integrity_check, no orphan
#                rows, no duplicates), and a re-run then ends with exactly
#                the store a clean single ingest makes
#
# The input is a few MB of JSON lines made by tests/ingest_input.py from
# ../shared/corpus/ag_news_world.txt when it is there, else from samples/
# and the golden inputs, each copy's text varied so that nothing is
# skipped as already stored. INGEST_TEST_MB sets its size (default 3; 1
# for a sanitizer build, which runs several times slower).
#
# usage: tests/run_ingest.sh path/to/sitrep
sitrep=$1
pass=0; fail=0
ok()  { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }

if [ -z "$sitrep" ] || [ ! -x "$sitrep" ]; then
    echo "usage: tests/run_ingest.sh path/to/sitrep" >&2
    exit 2
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "run_ingest: sqlite3 is not installed" >&2
    exit 2
fi
tmp=$(mktemp -d /tmp/run_ingest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

case "$sitrep" in */san/*) mb=${INGEST_TEST_MB:-1} ;; *) mb=${INGEST_TEST_MB:-3} ;; esac
corpus=../shared/corpus/ag_news_world.txt
[ -f "$corpus" ] || corpus=/work/shared/corpus/ag_news_world.txt
if [ -f "$corpus" ]; then
    python3 tests/ingest_input.py "$corpus" samples "$mb" > "$tmp/input.jsonl"
else
    python3 tests/ingest_input.py samples tests/golden "$mb" > "$tmp/input.jsonl"
fi

q() { sqlite3 -batch -noheader "$1" "$2"; }
now() { python3 -c 'import time; print(time.time())'; }

# Row counts of every table, one line.
counts() {
    q "$1" "SELECT (SELECT count(*) FROM documents) || ' docs ' ||
               (SELECT count(*) FROM sentences) || ' sentences ' ||
               (SELECT count(*) FROM actors) || ' actors ' ||
               (SELECT count(*) FROM places) || ' places ' ||
               (SELECT count(*) FROM events) || ' events ' ||
               (SELECT count(*) FROM figures) || ' figures ' ||
               (SELECT count(*) FROM quotes) || ' quotes ' ||
               (SELECT count(*) FROM labels) || ' labels'"
}

# What must hold at any moment: SQLite's own check, and no row without its
# document or sentence (a document's rows commit with it). Prints the
# problems, nothing when all is well.
consistency() {
    q "$1" "PRAGMA integrity_check" | grep -v '^ok$'
    q "$1" "SELECT 'orphan ' || t || ': ' || n FROM (
        SELECT 'sentences' t, count(*) n FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'actors', count(*) FROM actors WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'places', count(*) FROM places WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'events', count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'events.sentence_id', count(*) FROM events WHERE sentence_id NOT IN (SELECT id FROM sentences)
        UNION ALL SELECT 'events.place_id', count(*) FROM events WHERE place_id IS NOT NULL AND place_id NOT IN (SELECT id FROM places)
        UNION ALL SELECT 'events.source_id', count(*) FROM events WHERE source_id IS NOT NULL AND source_id NOT IN (SELECT id FROM actors)
        UNION ALL SELECT 'figures', count(*) FROM figures WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'quotes', count(*) FROM quotes WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'labels', count(*) FROM labels WHERE doc_id NOT IN (SELECT id FROM documents)
        UNION ALL SELECT 'documents without sentences', count(*) FROM documents d
            WHERE length(d.text) > 0 AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)
        UNION ALL SELECT 'duplicate hashes', count(*) - count(DISTINCT hash) FROM documents
        ) WHERE n != 0"
}

# After a finished ingest: every event in a group that exists, every group
# with members, and the group counts the members give.
grouped() {
    q "$1" "SELECT 'ungrouped events: ' || count(*) FROM events WHERE group_id IS NULL HAVING count(*) > 0;
            SELECT 'events in a missing group: ' || count(*) FROM events e
                WHERE NOT EXISTS (SELECT 1 FROM event_groups g WHERE g.id = e.group_id) HAVING count(*) > 0;
            SELECT 'groups whose counts disagree with their members: ' || count(*) FROM event_groups g
                WHERE num_mentions != (SELECT count(*) FROM events e WHERE e.group_id = g.id)
                   OR num_articles != (SELECT count(DISTINCT doc_id) FROM events e WHERE e.group_id = g.id)
                   OR id != (SELECT min(mention_key) FROM events e WHERE e.group_id = g.id)
                HAVING count(*) > 0"
}

# Two stores hold the same documents, events and groups (ids of rows may
# differ; mention keys and group ids may not).
same_store() {
    q "$1" "ATTACH '$2' AS b;
        SELECT 'documents differ: ' || count(*) FROM (
            SELECT hash FROM main.documents EXCEPT SELECT hash FROM b.documents) HAVING count(*) > 0;
        SELECT 'events differ: ' || count(*) FROM (
            SELECT mention_key, cameo, source_code, target_code, date, group_id FROM main.events
            EXCEPT SELECT mention_key, cameo, source_code, target_code, date, group_id FROM b.events) HAVING count(*) > 0;
        SELECT 'groups differ: ' || count(*) FROM (
            SELECT * FROM main.event_groups EXCEPT SELECT * FROM b.event_groups) HAVING count(*) > 0;
        SELECT 'groups differ: ' || count(*) FROM (
            SELECT * FROM b.event_groups EXCEPT SELECT * FROM main.event_groups) HAVING count(*) > 0;
        SELECT 'full-text index differs: ' || x || ' and ' || y FROM (
            SELECT (SELECT count(*) FROM main.sentence_fts WHERE sentence_fts MATCH 'said OR killed OR police') x,
                   (SELECT count(*) FROM b.sentence_fts WHERE sentence_fts MATCH 'said OR killed OR police') y)
            WHERE x != y OR x = 0"
}

# --- usage ---------------------------------------------------------------
if "$sitrep" ingest --help 2>/dev/null | grep -q "usage: sitrep ingest"; then ok help; else bad help; fi
"$sitrep" ingest --db "$tmp/none.db" >/dev/null 2>&1
[ $? -eq 2 ] && ok usage_no_input || bad usage_no_input "expected exit status 2"

# --- records: the store says what sitrep code says -------------------------
small="$tmp/small.jsonl"
head -n 400 "$tmp/input.jsonl" > "$small"
"$sitrep" ingest -q --db "$tmp/records.db" "$small" samples/ 2>"$tmp/err"
status=$?
"$sitrep" code -q "$small" samples/ > "$tmp/records.jsonl" 2>/dev/null
if [ $status -ne 0 ]; then
    bad records "ingest exited with status $status: $(head -n 3 "$tmp/err")"
elif python3 tests/ingest_check.py "$tmp/records.db" "$tmp/records.jsonl" > "$tmp/check" 2>&1; then
    ok records
else
    bad records "$(head -n 5 "$tmp/check")"
fi

# --- clean ingest ---------------------------------------------------------
t0=$(now)
"$sitrep" ingest -q --db "$tmp/clean.db" "$tmp/input.jsonl" 2>"$tmp/err"
status=$?
t1=$(now)
clean_secs=$(python3 -c "print(max(0.5, $t1 - $t0))")
clean=$(counts "$tmp/clean.db")
problems="$(consistency "$tmp/clean.db")$(grouped "$tmp/clean.db")"
if [ $status -eq 0 ] && [ -z "$problems" ] && [ "$(q "$tmp/clean.db" 'SELECT count(*) FROM events')" -gt 0 ]; then
    ok clean_ingest
else
    bad clean_ingest "status $status $(head -n 3 "$tmp/err") $problems"
fi
echo "  input: $(wc -c < "$tmp/input.jsonl") bytes, $(wc -l < "$tmp/input.jsonl") documents, ingested in ${clean_secs}s: $clean"

# --- idempotent: the same input again adds nothing --------------------------
"$sitrep" ingest --db "$tmp/clean.db" "$tmp/input.jsonl" 2>"$tmp/err" >/dev/null
status=$?
again=$(counts "$tmp/clean.db")
ndocs=$(q "$tmp/clean.db" "SELECT count(*) FROM documents")
if [ $status -eq 0 ] && [ "$again" = "$clean" ] &&
   grep -q "ingest: 0 documents stored, $ndocs already present, 0 errors" "$tmp/err"; then
    ok idempotent
else
    bad idempotent "status $status; before: $clean; after: $again; $(tail -n 1 "$tmp/err")"
fi

# --- incremental grouping: two runs group as one does -----------------------
# Every day but one, then that day: the second run regroups only the days
# around it, and its events must join (and link) groups that reach far
# beyond them, as a single run would have grouped them.
grep -v '"date": "2004-07-20"' "$tmp/input.jsonl" > "$tmp/most.jsonl"
grep '"date": "2004-07-20"' "$tmp/input.jsonl" > "$tmp/day.jsonl"
"$sitrep" ingest -q --db "$tmp/halves.db" "$tmp/most.jsonl" 2>/dev/null
"$sitrep" ingest -q --db "$tmp/halves.db" "$tmp/day.jsonl" 2>/dev/null
diff=$(same_store "$tmp/halves.db" "$tmp/clean.db")$(grouped "$tmp/halves.db")
[ -z "$diff" ] && [ "$(counts "$tmp/halves.db")" = "$clean" ] && ok incremental_grouping ||
    bad incremental_grouping "$diff"

# --- threads: the same store whatever the thread count ----------------------
"$sitrep" ingest -q --threads 1 --db "$tmp/t1.db" "$small" 2>/dev/null
"$sitrep" ingest -q --threads 3 --db "$tmp/t3.db" "$small" 2>/dev/null
diff=$(same_store "$tmp/t1.db" "$tmp/t3.db")
[ -z "$diff" ] && [ "$(counts "$tmp/t1.db")" = "$(counts "$tmp/t3.db")" ] && ok threads || bad threads "$diff"

# --- crash: SIGKILL at random moments, then finish ---------------------------
# Small batches (commits every 100 documents) so that kills fall between
# many commits; the clean store above used the default batches, so this
# also shows that batch boundaries change nothing.
# The start-up (dictionaries, gazetteer) is timed on a one-document input;
# each kill falls at a random moment of the following quarter of the work,
# so the five runs together get about halfway, one kill may land in the
# grouping at the end, and the last run does the rest.
head -n 1 "$tmp/input.jsonl" > "$tmp/one.jsonl"
t0=$(now)
"$sitrep" ingest -q --db "$tmp/one.db" "$tmp/one.jsonl" 2>/dev/null
t1=$(now)
start_secs=$(python3 -c "print(max(0.0, $t1 - $t0))")
kills=5
i=1
while [ $i -le $kills ]; do
    delay=$(python3 -c "import random; s, t = $start_secs, $clean_secs; print(round(s + random.uniform(0.1, 1.0) * max(0.05, t - s) / 4, 3))")
    "$sitrep" ingest -q --batch 100 --db "$tmp/crash.db" "$tmp/input.jsonl" 2>/dev/null &
    pid=$!
    sleep "$delay"
    if kill -KILL $pid 2>/dev/null; then when="killed after ${delay}s"; else when="ended before ${delay}s"; fi
    wait $pid 2>/dev/null
    if [ -f "$tmp/crash.db" ]; then
        problems=$(consistency "$tmp/crash.db")
        docs=$(q "$tmp/crash.db" "SELECT count(*) FROM documents" 2>/dev/null)
    else
        problems=""; docs=0
    fi
    [ -z "$problems" ] && ok "crash_consistent_$i ($when, $docs documents)" ||
        bad "crash_consistent_$i" "$when: $problems"
    i=$((i + 1))
done
"$sitrep" ingest -q --db "$tmp/crash.db" "$tmp/input.jsonl" 2>"$tmp/err"
status=$?
resumed=$(counts "$tmp/crash.db")
problems="$(consistency "$tmp/crash.db")$(grouped "$tmp/crash.db")$(same_store "$tmp/crash.db" "$tmp/clean.db")"
if [ $status -eq 0 ] && [ "$resumed" = "$clean" ] && [ -z "$problems" ]; then
    ok crash_resume
else
    bad crash_resume "status $status; clean: $clean; resumed: $resumed; $problems"
fi
# a finished store gains nothing from another run
"$sitrep" ingest -q --db "$tmp/crash.db" "$tmp/input.jsonl" 2>/dev/null
[ "$(counts "$tmp/crash.db")" = "$clean" ] && ok crash_then_idempotent || bad crash_then_idempotent

echo "ingest: $pass passed, $fail failed"
mkdir -p build
echo "ingest $pass $fail" >> build/test-results.txt
[ "$fail" -eq 0 ]
