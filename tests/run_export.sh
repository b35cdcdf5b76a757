#!/bin/sh
# End-to-end tests of `sitrep export`: samples/ ingested into a store, each
# format exported and its layout checked with Python's json and csv
# modules against ../shared/data/formats/event-data-formats.md (61 GDELT
# columns, ACLED's 31 names and categories, PLOVER's required fields,
# RFC 7946 points), ids compared across runs and across a store built in
# another order, filters and error exits checked.
# Usage: tests/run_export.sh path/to/sitrep   (prints PASS/FAIL lines)
sitrep=$1
[ -x "$sitrep" ] || { echo "usage: $0 path/to/sitrep"; exit 2; }
pass=0; fail=0
dir=$(mktemp -d /tmp/run_export.XXXXXX)
trap 'rm -rf "$dir"' EXIT

ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }

# Two stores of the same documents: the directory in name order, and the
# files one by one in the reverse order.
"$sitrep" ingest -q --db "$dir/a.db" samples/ 2>"$dir/ingest.err" ||
    { ko ingest "$(cat "$dir/ingest.err")"; echo "export: $pass passed, $fail failed"; exit 1; }
for f in $(ls samples/* | sort -r); do
    "$sitrep" ingest -q --db "$dir/b.db" "$f" 2>>"$dir/ingest.err" || ko "ingest $f"
done

for fmt in gdelt acled plover geojson; do
    if "$sitrep" export --db "$dir/a.db" --format "$fmt" -o "$dir/a.$fmt" 2>"$dir/a.$fmt.err"; then
        ok "export $fmt"
    else
        ko "export $fmt" "$(cat "$dir/a.$fmt.err")"
    fi
done

# The summary line adds up: written + left out = events.
for fmt in gdelt acled plover geojson; do
    if python3 - "$dir/a.$fmt.err" <<'EOF'
import re, sys
line = open(sys.argv[1]).read().strip().splitlines()[-1]
m = re.match(r"sitrep export: (\d+) events, (\d+) written as \w+(; left out: (.*))?$", line)
assert m, line
events, written = int(m.group(1)), int(m.group(2))
left = sum(int(n) for n in re.findall(r"(\d+) with", m.group(4) or ""))
assert events > 0 and written + left == events, line
EOF
    then ok "summary $fmt"; else ko "summary $fmt"; fi
done

if python3 - "$dir/a.gdelt" <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "" and len(lines) > 1, "no lines, or no final line end"
seen = set()
for n, line in enumerate(lines[:-1], 1):
    c = [None] + line.split("\t")          # 1-based, as the codebook numbers them
    assert len(c) == 62, f"line {n}: {len(c) - 1} columns"
    assert "\r" not in line, f"line {n}: carriage return"
    assert re.fullmatch(r"\d+", c[1]) and c[1] not in seen, f"line {n}: GLOBALEVENTID {c[1]!r}"
    seen.add(c[1])
    if c[2]:
        assert re.fullmatch(r"\d{8}", c[2]) and c[3] == c[2][:6] and c[4] == c[2][:4], f"line {n}: dates"
        assert re.fullmatch(r"\d{4}\.\d{4}", c[5]) and c[5][:4] == c[4], f"line {n}: FractionDate {c[5]}"
    assert c[26] in ("0", "1"), f"line {n}: IsRootEvent"
    assert re.fullmatch(r"\d{2,4}", c[27]), f"line {n}: EventCode {c[27]!r}"
    assert c[28] == c[27][:3] and c[29] == c[27][:2], f"line {n}: base/root {c[28]} {c[29]}"
    assert c[30] in "1234" and len(c[30]) == 1, f"line {n}: QuadClass"
    assert -10 <= float(c[31]) <= 10, f"line {n}: Goldstein"
    assert all(re.fullmatch(r"[1-9]\d*", c[i]) for i in (32, 33, 34)), f"line {n}: counts"
    assert int(c[32]) >= int(c[34]) >= 1 and int(c[32]) >= int(c[33]), f"line {n}: counts order"
    for actor in (6, 16):
        code = c[actor]
        if c[actor + 2]:
            assert code.startswith(c[actor + 2]), f"line {n}: country {c[actor + 2]} of {code}"
        for t in (actor + 7, actor + 8, actor + 9):
            assert c[t] == "" or c[t] in code, f"line {n}: type {c[t]} of {code}"
    for g in (36, 44, 52):
        t = c[g]
        assert t in ("0", "1", "2", "3", "4", "5"), f"line {n}: geo type {t!r}"
        if t == "0":
            assert all(x == "" for x in c[g + 1:g + 8]), f"line {n}: empty geo block has values"
            continue
        assert re.fullmatch(r"[A-Z]{2}", c[g + 2]), f"line {n}: FIPS {c[g + 2]!r}"
        assert c[g + 3].startswith(c[g + 2]), f"line {n}: ADM1 {c[g + 3]!r}"
        lat, lon = float(c[g + 5]), float(c[g + 6])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, f"line {n}: lat/long"
        if t == "1":
            assert c[g + 7] == c[g + 2], f"line {n}: country FeatureID"
        if t == "5":
            assert c[g + 7] == c[g + 3], f"line {n}: ADM1 FeatureID"
    assert re.fullmatch(r"\d{14}", c[60]), f"line {n}: DATEADDED {c[60]!r}"
    assert c[61], f"line {n}: SOURCEURL"
EOF
then ok "gdelt layout"; else ko "gdelt layout"; fi

if python3 - "$dir/a.gdelt" <<'EOF'
import sys
rows = [l.split("\t") for l in open(sys.argv[1], encoding="utf-8").read().splitlines()]
codes = {r[52].split(", ")[-1]: r[53] for r in rows if r[51] != "0"}
assert codes.get("Syria") == "SY", codes
EOF
then ok "gdelt fips"; else ko "gdelt fips"; fi

# The same ids (and rows, but for DATEADDED) on a second run and from the
# store built in the other order.
"$sitrep" export -q --db "$dir/a.db" --format gdelt -o "$dir/a2.gdelt" &&
    cmp -s "$dir/a.gdelt" "$dir/a2.gdelt" && ok "gdelt same on a second run" ||
    ko "gdelt same on a second run"
"$sitrep" export -q --db "$dir/b.db" --format gdelt -o "$dir/b.gdelt"
if python3 - "$dir/a.gdelt" "$dir/b.gdelt" <<'EOF'
import sys
def rows(path):
    out = set()
    for l in open(path, encoding="utf-8").read().splitlines():
        c = l.split("\t")
        del c[59]                           # DATEADDED: when each store was filled
        out.add(tuple(c))
    return out
a, b = rows(sys.argv[1]), rows(sys.argv[2])
assert a == b, f"{len(a ^ b)} rows differ, e.g. {sorted(a ^ b)[:2]}"
EOF
then ok "gdelt ids independent of ingest order"; else ko "gdelt ids independent of ingest order"; fi

if python3 - "$dir/a.acled" <<'EOF'
import csv, re, sys
names = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
         "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
         "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
         "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
         "source_scale", "notes", "fatalities", "tags", "timestamp"]
subs = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
        "Disrupted weapons use", "Headquarters or base established",
        "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}
disorder = {"Political violence", "Demonstrations", "Strategic developments",
            "Political violence; Demonstrations"}
raw = open(sys.argv[1], encoding="utf-8", newline="").read()
assert raw.endswith("\r\n"), "records end in CRLF (RFC 4180)"
rows = list(csv.reader(raw.splitlines()))
assert rows[0] == names, rows[0]
assert len(rows) > 1, "no rows"
for n, r in enumerate(rows[1:], 2):
    d = dict(zip(names, r))
    assert len(r) == 31, f"row {n}: {len(r)} fields"
    assert re.fullmatch(r"[A-Z]{3}\d+", d["event_id_cnty"]), d["event_id_cnty"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["event_date"]) and d["year"] == d["event_date"][:4]
    assert d["time_precision"] in ("1", "2", "3")
    assert d["sub_event_type"] in subs[d["event_type"]], (d["event_type"], d["sub_event_type"])
    assert d["disorder_type"] in disorder
    i1, i2 = int(d["inter1"]), int(d["inter2"])
    assert 1 <= i1 <= 8 and 0 <= i2 <= 8, (i1, i2)
    want = f"{i1}0" if i2 == 0 else f"{min(i1, i2)}{max(i1, i2)}"
    assert d["interaction"] == want, (d["interaction"], want)
    assert d["civilian_targeting"] in ("", "Civilian targeting")
    if d["event_type"] == "Violence against civilians":
        assert d["civilian_targeting"] == "Civilian targeting"
    if d["event_type"] == "Battles":
        assert i1 in (1, 2, 3, 4, 8) and i2 in (0, 1, 2, 3, 4, 8), f"row {n}: battle of unarmed actors"
    assert d["iso"].isdigit() and d["region"] and d["country"] and d["location"]
    assert -90 <= float(d["latitude"]) <= 90 and -180 <= float(d["longitude"]) <= 180
    assert d["geo_precision"] in ("1", "2", "3")
    assert d["notes"] and int(d["fatalities"]) >= 0 and int(d["timestamp"]) > 0
EOF
then ok "acled layout"; else ko "acled layout"; fi

if python3 - "$dir/a.plover" <<'EOF'
import json, re, sys
types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines, "no records"
ids = set()
for n, l in enumerate(lines, 1):
    r = json.loads(l)
    for k in ("id", "date", "event", "actor", "recipient", "mode", "quad_code", "event_loc",
              "event_text", "cite_info", "coder", "coded_date"):
        assert k in r, f"line {n}: no {k}"
    assert isinstance(r["id"], str) and r["id"] not in ids
    ids.add(r["id"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
    assert isinstance(r["event"], list) and r["event"][0] in types, r["event"]
    assert isinstance(r["actor"], list) and isinstance(r["mode"], list)
    assert r["quad_code"] in (1, 2, 3, 4)
    for e in r["actor"] + r["recipient"]:
        assert set(e) == {"code", "sector", "entity_text"}, e
    loc = r["event_loc"]
    if loc is not None:
        assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180
        assert loc["country_code"] is None or re.fullmatch(r"[A-Z]{3}", loc["country_code"])
        assert loc["resolution"] in (1, 2, 3, 4, 5)
    assert r["coder"].startswith("sitrep ")
    assert r["sitrep"]["cameo"][:2] not in ("01", "02")
EOF
then ok "plover layout"; else ko "plover layout"; fi

if python3 - "$dir/a.geojson" <<'EOF'
import json, sys
fc = json.load(open(sys.argv[1], encoding="utf-8"))
assert fc["type"] == "FeatureCollection" and fc["features"]
for f in fc["features"]:
    assert f["type"] == "Feature" and isinstance(f["id"], str)
    g = f["geometry"]
    assert g["type"] == "Point" and len(g["coordinates"]) == 2
    lon, lat = g["coordinates"]
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat))
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    p = f["properties"]
    for k in ("id", "date", "cameo", "plover", "quad_class", "goldstein", "source_code",
              "source_name", "target_code", "target_name", "place", "country", "num_sources",
              "url", "sentence"):
        assert k in p, k
    assert isinstance(p["goldstein"], (int, float)) and isinstance(p["quad_class"], int)
    if p["country_code"] == "SYR":            # Syria lies east of 35E, north of 32N:
        assert 35 <= lon <= 43 and 32 <= lat <= 38, (lon, lat)   # [lon, lat], not [lat, lon]
EOF
then ok "geojson layout"; else ko "geojson layout"; fi

# GDAL's GeoJSON driver (the one QGIS reads GeoJSON with), when installed.
if command -v ogrinfo >/dev/null 2>&1; then
    n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["features"]))' "$dir/a.geojson")
    if ogrinfo -ro -al -so "$dir/a.geojson" 2>&1 | grep -q "Feature Count: $n\$" &&
        ogrinfo -ro -al -so "$dir/a.geojson" 2>&1 | grep -q "Geometry: Point"; then
        ok "geojson opens in GDAL"; else ko "geojson opens in GDAL"; fi
else
    echo "SKIP geojson opens in GDAL (no ogrinfo)"
fi

# Filters reach the query: --code 19 keeps root 19 only; --until keeps
# earlier dates only.
"$sitrep" export -q --db "$dir/a.db" --format gdelt --code 19 -o "$dir/c19.gdelt"
if [ -s "$dir/c19.gdelt" ] && [ "$(cut -f29 "$dir/c19.gdelt" | sort -u)" = "19" ] &&
    [ "$(wc -l < "$dir/c19.gdelt")" -lt "$(wc -l < "$dir/a.gdelt")" ]; then
    ok "filter --code"; else ko "filter --code"; fi
"$sitrep" export -q --db "$dir/a.db" --format gdelt --until 2019-12-31 -o "$dir/u.gdelt"
if [ -s "$dir/u.gdelt" ] && [ "$(cut -f2 "$dir/u.gdelt" | sort | tail -n 1)" -le 20191231 ] &&
    [ "$(wc -l < "$dir/u.gdelt")" -lt "$(wc -l < "$dir/a.gdelt")" ]; then
    ok "filter --until"; else ko "filter --until"; fi

# Errors: usage (2), an output that cannot be written (3, and no file).
"$sitrep" export --db "$dir/a.db" >/dev/null 2>&1; [ $? -eq 2 ] && ok "no --format" || ko "no --format"
"$sitrep" export --db "$dir/a.db" --format csv >/dev/null 2>&1; [ $? -eq 2 ] && ok "unknown format" || ko "unknown format"
"$sitrep" export --db "$dir/a.db" --format gdelt -o "$dir/nodir/x.tsv" >/dev/null 2>&1
[ $? -eq 3 ] && [ ! -e "$dir/nodir/x.tsv" ] && ok "unwritable output" || ko "unwritable output"
"$sitrep" export --db "$dir/none.db" --format gdelt >/dev/null 2>&1
[ $? -eq 3 ] && ok "missing store" || ko "missing store"

echo "export: $pass passed, $fail failed"
mkdir -p build && echo "export $pass $fail" >> build/test-results.txt
[ "$fail" -eq 0 ]
