#!/bin/sh
# Store query commands end to end: sitrep events, actors, quotes, and the
# store modes of places and figures, each in each format, against a store
# made by `sitrep ingest` (an empty one filled from tests/query/fixture.sql,
# whose rows and values are known) and against samples/ ingested for real.
# Output is parsed (JSON, CSV) and compared value by value.
#
#   sh tests/run_query.sh build/sitrep
sitrep=$1
[ -x "$sitrep" ] || { echo "usage: tests/run_query.sh SITREP" >&2; exit 2; }
pass=0; fail=0
tmp=$(mktemp -d /tmp/run_query.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/q.db

ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "$2" ] && printf '  %s\n' "$2"; }

# same NAME EXPECTED ACTUAL
same() {
    if [ "$2" = "$3" ]; then ok "$1"; else ko "$1" "expected [$2], got [$3]"; fi
}

# The ids of the events of a JSON-lines stream, space-separated.
ids() { python3 -c '
import json, sys
print(" ".join(str(json.loads(l)["id"]) for l in sys.stdin if l.strip()))'; }

# ---- the fixture store ----------------------------------------------------
: > "$tmp/none.jsonl"
if ! "$sitrep" ingest --db "$db" "$tmp/none.jsonl" >/dev/null 2>"$tmp/err"; then
    ko "create an empty store with sitrep ingest" "$(cat "$tmp/err")"
fi
python3 - "$db" tests/query/fixture.sql <<'EOF' || ko "fixture loads"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(open(sys.argv[2], encoding="utf-8").read())
c.commit()
EOF

ev() { "$sitrep" events --db "$db" --format jsonl "$@" 2>"$tmp/err" | ids; }

# ---- events: each filter ----------------------------------------------------
same "events: all, dated first then undated" "1 2 3 4 6 5" "$(ev)"
same "events --actor RUS" "3" "$(ev --actor RUS)"
same "events --actor syrreb (any case)" "1 2 3" "$(ev --actor syrreb)"
same "events --source-actor SYRMIL" "1 4 6" "$(ev --source-actor SYRMIL)"
same "events --target-actor SYRREB" "1 3" "$(ev --target-actor SYRREB)"
same "events --code 19" "1 2 3" "$(ev --code 19)"
same "events --code 195" "1 3" "$(ev --code 195)"
same "events --plover assault" "1 2 3" "$(ev --plover assault)"
same "events --place idlib" "1 3" "$(ev --place idlib)"
same "events --place as written (Ḥamāh)" "5" "$(ev --place 'Ḥamāh')"
same "events --place LAT,LON,KM" "1 2 3" "$(ev --place 35.9306,36.6339,60)"
same "events --since" "3 4 6" "$(ev --since 2018-09-02)"
same "events --since --until (month)" "1 2 3 4" "$(ev --since 2018-09 --until 2018-09)"
same "events --outlet reuters" "1 2 6" "$(ev --outlet reuters)"
same "events --outlet with quote and semicolon" "5" "$(ev --outlet "O'Brien; Daily \"News\"")"
same "events --text" "1 3" "$(ev --text idlib)"
same "events --text boolean" "4 6" "$(ev --text 'syrian AND (army OR troops)')"
same "events --limit" "1 2" "$(ev --limit 2)"
same "events --grouped" "1 2 4 6 5" "$(ev --grouped)"
same "events all filters at once" "3" \
    "$(ev --actor SYR --source-actor RUS --target-actor SYRREB --code 19 --plover ASSAULT \
         --place Idlib --since 2018-09-01 --until 2018-09-30 --outlet SANA --text jets --limit 100)"

# hostile text is data: no rows, or refused as malformed; never more rows
same "events --outlet \"' OR 1=1 --\" selects nothing" "" "$(ev --outlet "' OR 1=1 --")"
same "events --place \"x'; DROP TABLE events; --\" selects nothing" "" \
    "$(ev --place "x'; DROP TABLE events; --")"
same "events --plover \"' OR ''='\" selects nothing" "" "$(ev --plover "' OR ''='")"
for opt in --actor --code --since --text; do
    "$sitrep" events --db "$db" "$opt" "' OR 1=1 --" >"$tmp/out" 2>"$tmp/err"
    same "events $opt \"' OR 1=1 --\" refused (exit 2)" "2:0" "$?:$(wc -l < "$tmp/out" | tr -d ' ')"
done
same "store unchanged after hostile input" "1 2 3 4 6 5" "$(ev)"

# ---- events: the JSON record --------------------------------------------------
"$sitrep" events --db "$db" --format jsonl --code 195 > "$tmp/e.jsonl"
python3 - "$tmp/e.jsonl" > "$tmp/check" 2>&1 <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
r = rows[0]
want = {
    "kind": "event", "doc": "d1", "sentence": 0, "span": [0, 40],
    "text": "Syrian forces shelled Idlib on Saturday.",
    "source": {"code": "SYRMIL", "text": "Syrian forces", "span": [0, 13]},
    "target": {"code": "SYRREB", "text": "Idlib", "span": None},
    "cameo": "195", "root": "19", "quad_class": 4, "goldstein": -10.0,
    "plover": {"type": "ASSAULT", "mode": None}, "mood": "asserted",
    "verb": {"text": "shelled", "span": [14, 21]}, "pattern": "CAMEO.2.0.txt:101",
    "date": "2018-09-01", "date_precision": "day", "date_source": "metadata",
    "source_outlet": "Reuters", "outlet": "Reuters", "url": "https://example.org/r/1",
    "group_id": 1001, "num_mentions": 2, "num_sources": 2, "num_articles": 2,
    "mention_key": 1001, "id": 1, "v": 1,
}
bad = [f"{k}: {r.get(k)!r} != {v!r}" for k, v in want.items() if r.get(k) != v]
p = r["place"]
if (p["name"], p["span"], p["geonameid"], p["country"]) != ("Idlib", [22, 27], 169389, "SY"):
    bad.append(f"place {p}")
if len(rows) != 2 or rows[1]["id"] != 3 or rows[1]["target"]["code"] != "SYRREB":
    bad.append("second row")
print("; ".join(bad) if bad else "ok")
EOF
same "events jsonl: record fields and values" "ok" "$(cat "$tmp/check")"

"$sitrep" events --db "$db" --format jsonl --code 14 > "$tmp/e5.jsonl"
python3 - "$tmp/e5.jsonl" > "$tmp/check" 2>&1 <<'EOF'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
ok = (r["text"] == "Café owners in Ḥamāh protested against the government." and
      r["date"] is None and r["group_id"] is None and r["place"]["text"] == "Ḥamāh" and
      r["source_outlet"] == "O'Brien; Daily \"News\"")
print("ok" if ok else repr(r))
EOF
same "events jsonl: undated, ungrouped, non-ASCII span" "ok" "$(cat "$tmp/check")"

# ---- events: CSV ----------------------------------------------------------
"$sitrep" events --db "$db" --format csv > "$tmp/e.csv"
python3 - "$tmp/e.csv" > "$tmp/check" 2>&1 <<'EOF'
import csv, sys
raw = open(sys.argv[1], "rb").read()
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
head = rows[0]
want_head = ["id", "date", "date_precision", "source_code", "source_text", "target_code",
             "target_text", "cameo", "root", "quad_class", "goldstein", "plover_type",
             "plover_mode", "mood", "verb", "place", "place_text", "country", "admin1", "lat",
             "lon", "geonameid", "outlet", "doc", "url", "published", "sentence", "group_id",
             "num_mentions", "num_sources", "num_articles", "mention_key", "text"]
bad = []
if head != want_head:
    bad.append(f"header {head}")
if not raw.endswith(b"\r\n") or raw.count(b"\r\n") != len(rows):
    bad.append("lines must end in CRLF")
by_id = {r[0]: dict(zip(head, r)) for r in rows[1:]}
if [r[0] for r in rows[1:]] != ["1", "2", "3", "4", "6", "5"]:
    bad.append("order " + str([r[0] for r in rows[1:]]))
e5 = by_id.get("5", {})
if e5.get("outlet") != "O'Brien; Daily \"News\"" or e5.get("date") != "":
    bad.append(f"row 5 {e5}")
if by_id.get("1", {}).get("lat") != "35.93060" or by_id["1"]["goldstein"] != "-10.0":
    bad.append(f"row 1 {by_id.get('1')}")
print("; ".join(bad) if bad else "ok")
EOF
same "events csv: header, CRLF, quoting, values" "ok" "$(cat "$tmp/check")"

# ---- events: table ----------------------------------------------------------
COLUMNS=120 "$sitrep" events --db "$db" --format table > "$tmp/e.txt"
python3 - "$tmp/e.txt" > "$tmp/check" 2>&1 <<'EOF'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
head = lines[0]
bad = []
if head.split() != ["date", "source", "event", "target", "place", "outlet", "sentence"]:
    bad.append("header " + head)
if len(lines) != 7:
    bad.append(f"{len(lines)} lines")
# every column starts where its header does (widths in characters)
for name in ["source", "event", "target", "place", "outlet", "sentence"]:
    col = head.index(name)
    for l in lines[1:]:
        if l[col - 2:col] != "  " or l[col] == " " and name not in ("target", "place"):
            bad.append(f"{name} misaligned in: {l}")
if any(width(l) > 120 for l in lines):
    bad.append("wider than the terminal")
if not lines[-1].startswith("undated") or "Ḥamāh" not in lines[-1] and "Café" not in lines[-1]:
    bad.append("last row " + lines[-1])
if "195 ASSAULT" not in lines[1]:
    bad.append("first row " + lines[1])
print("; ".join(bad) if bad else "ok")
EOF
same "events table: aligned, within COLUMNS" "ok" "$(cat "$tmp/check")"
COLUMNS=60 "$sitrep" events --db "$db" --format table > "$tmp/e60.txt"
same "events table: the sentence gives way on a narrow terminal" "yes" \
    "$(grep -q '…' "$tmp/e60.txt" && echo yes)"

# ---- events: errors ---------------------------------------------------------
"$sitrep" events --db "$db" --code 1x >/dev/null 2>"$tmp/err"
same "events --code 1x: exit 2" "2" "$?"
same "events --code 1x: message" "sitrep events: --code: '1x' is not a CAMEO code prefix (digits only)" \
    "$(cat "$tmp/err")"
"$sitrep" events --db "$db" --since 2018-13-01 >/dev/null 2>"$tmp/err"
same "events --since bad: exit 2" "2" "$?"
"$sitrep" events --db "$db" --text '"unbalanced' >/dev/null 2>"$tmp/err"
same "events --text bad FTS: exit 2 and says so" "2:yes" "$?:$(grep -q 'not a full-text query' "$tmp/err" && echo yes)"
"$sitrep" events --db "$db" --limit 0 >/dev/null 2>"$tmp/err"
same "events --limit 0: exit 2" "2" "$?"
"$sitrep" events --db "$db" --format xml >/dev/null 2>"$tmp/err"
same "events --format xml: exit 2" "2" "$?"
"$sitrep" events --db "$tmp/missing.db" >/dev/null 2>"$tmp/err"
same "events on a missing store: exit 3 naming it" "3:yes" \
    "$?:$(grep -q "$tmp/missing.db" "$tmp/err" && echo yes)"
SITREP_DB=$db "$sitrep" events --format jsonl --actor RUS | ids > "$tmp/out"
same "events: the store from \$SITREP_DB" "3" "$(cat "$tmp/out")"

# ---- actors -------------------------------------------------------------------
"$sitrep" actors --db "$db" --format jsonl > "$tmp/a.jsonl"
python3 - "$tmp/a.jsonl" > "$tmp/check" 2>&1 <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = [(r["code"], r["as_source"], r["as_target"], r["events"]) for r in rows]
want = [("SYRMIL", 3, 1, 4), ("SYRREB", 1, 2, 3), ("RUSMIL", 1, 0, 1), ("SYRBUS", 1, 0, 1),
        ("SYRCVL", 0, 1, 1), ("SYRGOV", 0, 1, 1), ("TURGOV", 0, 1, 1)]
names = rows[0]["names"]
ok = got == want and names[0] == {"text": "Syrian forces", "count": 1} and len(names) == 3
print("ok" if ok else f"{got} {names}")
EOF
same "actors jsonl: codes, counts by role, names" "ok" "$(cat "$tmp/check")"
"$sitrep" actors --db "$db" --format csv --code 19 > "$tmp/a.csv"
same "actors csv --code 19" "code,as_source,as_target,events,names|SYRREB,1,2,3,Idlib; Rebels|SYRMIL,1,1,2,Syrian forces; government positions|RUSMIL,1,0,1,Russian jets" \
    "$(tr -d '\r' < "$tmp/a.csv" | paste -sd'|')"
"$sitrep" actors --db "$db" --format table --actor SYRM > "$tmp/a.txt"
same "actors table --actor lists codes by prefix" "2:SYRMIL" \
    "$(wc -l < "$tmp/a.txt" | tr -d ' '):$(sed -n 2p "$tmp/a.txt" | cut -d' ' -f1)"

# ---- quotes -------------------------------------------------------------------
q() { "$sitrep" quotes --db "$db" --format jsonl "$@" 2>"$tmp/err" | python3 -c '
import json, sys
print("|".join(json.loads(l)["quote"] for l in sys.stdin if l.strip()))'; }
same "quotes: all" "We will retake every inch,|nothing happened" "$(q)"
same "quotes --speaker name part" "We will retake every inch," "$(q --speaker assad)"
same "quotes --speaker code" "We will retake every inch," "$(q --speaker SYRGOV)"
same "quotes --outlet" "nothing happened" "$(q --outlet "o'brien; daily \"news\"")"
same "quotes --text" "nothing happened" "$(q --text happened)"
same "quotes --since" "We will retake every inch," "$(q --since 2018-09-01)"
same "quotes --speaker hostile selects nothing" "" "$(q --speaker "' OR 1=1 --")"
"$sitrep" quotes --db "$db" --format jsonl --speaker assad > "$tmp/q.jsonl"
python3 - "$tmp/q.jsonl" > "$tmp/check" 2>&1 <<'EOF'
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
ok = (r["kind"] == "quote" and r["doc"] == "d1" and r["direct"] is True and
      r["speaker"]["code"] == "SYRGOV" and r["speaker"]["text"] == "President Bashar al-Assad" and
      r["parts"] == [r["span"]] and r["cue"]["text"] == "said" and r["source_outlet"] == "Reuters")
print("ok" if ok else repr(r))
EOF
same "quotes jsonl: record fields" "ok" "$(cat "$tmp/check")"
"$sitrep" quotes --db "$db" --format csv > "$tmp/q.csv"
same "quotes csv: header and rows" "id,published,outlet,doc,sentence,speaker_code,speaker_text,cue,direct,quote,url|3" \
    "$(head -1 "$tmp/q.csv" | tr -d '\r')|$(wc -l < "$tmp/q.csv" | tr -d ' ')"
COLUMNS=100 "$sitrep" quotes --db "$db" --format table > "$tmp/q.txt"
same "quotes table" "3:yes" "$(wc -l < "$tmp/q.txt" | tr -d ' '):$(grep -q '^undated .*Officials' "$tmp/q.txt" && echo yes)"

# ---- places and figures from the store ------------------------------------------
"$sitrep" places --db "$db" --format jsonl > "$tmp/p.jsonl"
same "places --db jsonl: one row per place, events and articles" "Hama 2 2|Idlib 2 2|Aleppo 1 1|Ankara 1 1" \
    "$(python3 -c '
import json, sys
print("|".join("%s %d %d" % (r["name"], r["events"], r["articles"]) for r in map(json.loads, open(sys.argv[1]))))' "$tmp/p.jsonl")"
same "places --db --since, csv" "place,country,admin1,feature,lat,lon,geonameid,events,articles|Ankara,TR,Ankara,city,39.9199,32.8543,323786,1,1" \
    "$("$sitrep" places --db "$db" --format csv --since 2018-09-02 --limit 1 | tr -d '\r' | paste -sd'|')"
same "places --db table" "5" "$("$sitrep" places --db "$db" --format table | wc -l | tr -d ' ')"
"$sitrep" places --db "$db" samples/feed.jsonl >/dev/null 2>&1
same "places: PATH and --db together is a usage error" "2" "$?"

"$sitrep" figures --db "$db" --contested --format jsonl > "$tmp/f.jsonl"
python3 - "$tmp/f.jsonl" > "$tmp/check" 2>&1 <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
g = rows[0] if rows else {}
ok = (len(rows) == 1 and g["status"] == "contested" and g["outlets"] == 2 and
      [f["outlet"] for f in g["figures"]] == ["Reuters", "SANA"] and
      g["figures"][0]["low"] == 12 and g["figures"][0]["high"] is None and
      g["figures"][1]["value"] == 7 and g["place"] == "Idlib")
print("ok" if ok else repr(rows))
EOF
same "figures --db --contested: the disagreement across outlets" "ok" "$(cat "$tmp/check")"
same "figures --db --contested table" "CONTESTED: killed, civilians, in Idlib (2 outlets)" \
    "$("$sitrep" figures --db "$db" --contested --format table | head -1)"
same "figures --db csv" "3:At least 12" \
    "$("$sitrep" figures --db "$db" --format csv | wc -l | tr -d ' '):$("$sitrep" figures --db "$db" --format csv | sed -n 2p | cut -d, -f5)"
same "figures --db --until keeps one: nothing to compare" "" \
    "$("$sitrep" figures --db "$db" --contested --format jsonl --until 2018-09-01)"

# ---- a store ingested from samples/ -------------------------------------------------
real=$tmp/real.db
if "$sitrep" ingest --db "$real" samples/ >/dev/null 2>"$tmp/err"; then
    n_sql=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from events").fetchone()[0])' "$real")
    n_cli=$("$sitrep" events --db "$real" --format jsonl | wc -l | tr -d ' ')
    same "ingested samples: every event comes out" "$n_sql" "$n_cli"
    "$sitrep" events --db "$real" --format jsonl > "$tmp/r.jsonl"
    python3 - "$tmp/r.jsonl" "$real" > "$tmp/check" 2>&1 <<'EOF'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
bad = []
dates = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    text = db.execute("select text from documents where doc_key = ?", (r["doc"],)).fetchone()[0]
    b = text.encode()
    s, e = r["span"]
    if b[s:e].decode() != r["text"]:
        bad.append(f"event {r['id']}: text is not the span")
    for role in ("source", "target"):
        a = r[role]
        if a["span"] and b[a["span"][0]:a["span"][1]].decode() != a["text"]:
            bad.append(f"event {r['id']}: {role} span")
    dates.append(r["date"] is None)
if dates != sorted(dates):
    bad.append("undated events are not last")
print("; ".join(bad[:5]) if bad else "ok")
EOF
    same "ingested samples: sentence and actor spans match the document text" "ok" "$(cat "$tmp/check")"
    same "ingested samples: actors lists codes" "yes" \
        "$("$sitrep" actors --db "$real" --format csv | grep -q '^SYR' && echo yes)"
else
    ko "ingest samples/ for the end-to-end checks" "$(cat "$tmp/err")"
fi

echo "query: $pass passed, $fail failed"
mkdir -p build
echo "query $pass $fail" >> build/test-results.txt
[ "$fail" -eq 0 ]
