#!/usr/bin/env python3
"""Check that a store holds what `sitrep code` writes: every event, figure
and quote record of RECORDS (JSON lines) has a row in DB with the same
values (dates in the store's form: the first day of the period).
Prints one line per mismatch and exits 1 when there is any."""
import datetime
import json
import re
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
db.row_factory = sqlite3.Row
bad = 0
seen = {"event": 0, "figure": 0, "quote": 0}
matched = {"event": set(), "figure": set(), "quote": set()}


def store_day(v):
    """The store's form of a TIMEX3 value (sr_store_day, include/sitrep/ingest.h)."""
    if v is None:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return m.group(0)
    m = re.match(r"^(\d{4})-W(\d{2})(-WE)?$", v)
    if m:
        day = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
        return day.isoformat()
    m = re.match(r"^(\d{4})-(\d{2})$", v)
    if m:
        return v + "-01"
    if re.match(r"^\d{4}$", v):
        return v + "-01-01"
    if re.match(r"^\d{3}X?$", v):
        return v[:3] + "0-01-01"
    parts = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7, "SP": 3, "SU": 6,
             "FA": 9, "AU": 9, "WI": 12}
    m = re.match(r"^(\d{4})-([A-Z0-9]{2})$", v)
    if m and m.group(2) in parts:
        return f"{m.group(1)}-{parts[m.group(2)]:02d}-01"
    return v


def same(what, rec, field, want, got):
    global bad
    if isinstance(want, float) or isinstance(got, float):
        ok = want is not None and got is not None and abs(float(want) - float(got)) < 1e-9
        ok = ok or (want is None and got is None)
    else:
        ok = want == got
    if not ok:
        bad += 1
        print(f"MISMATCH {what} doc={rec['doc']} span={rec['span']} {field}: record {want!r}, store {got!r}")


def place_row(place_id):
    if place_id is None:
        return None
    return db.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()


def check_place(what, rec, row):
    p = rec.get("place")
    pl = place_row(row["place_id"])
    if p is None:
        same(what, rec, "place", None, None if pl is None else pl["name"])
        return
    if pl is None:
        same(what, rec, "place", p["name"], None)
        return
    for f in ("name", "text", "lat", "lon", "country", "country3", "admin1", "geonameid",
              "feature", "precision"):
        same(what, rec, "place." + f, p[f], pl[f])
    same(what, rec, "place.span", p["span"], [pl["start"], pl["end"]])
    same(what, rec, "place.from", p["from"], row["place_from"])


def check_when(what, rec, row):
    same(what, rec, "date", store_day(rec["date"]), row["date"])
    for f in ("date_text", "date_precision", "date_source"):
        same(what, rec, f, rec[f], row[f])


for line in open(sys.argv[2], encoding="utf-8"):
    rec = json.loads(line)
    kind = rec.get("kind")
    if kind == "event":
        seen[kind] += 1
        rows = db.execute(
            "SELECT e.*, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
            " WHERE (d.doc_key = ?1 OR substr(d.hash, 1, 16) = ?1) AND e.start = ? AND e.end = ? AND e.verb_start = ?"
            " AND e.verb_end = ? AND e.cameo = ?",
            (rec["doc"], rec["span"][0], rec["span"][1], rec["verb"]["span"][0],
             rec["verb"]["span"][1], rec["cameo"])).fetchall()
        rows = [r for r in rows if r["source_text"] == rec["source"]["text"]
                and r["target_text"] == rec["target"]["text"]]
        if len(rows) != 1:
            bad += 1
            print(f"MISSING event doc={rec['doc']} span={rec['span']} cameo={rec['cameo']}: {len(rows)} rows")
            continue
        r = rows[0]
        matched[kind].add(r["id"])
        w = "event"
        same(w, rec, "sentence", rec["sentence"], r["sentence"])
        for side in ("source", "target"):
            same(w, rec, side + ".code", rec[side]["code"], r[side + "_code"])
            same(w, rec, side + ".text", rec[side]["text"], r[side + "_text"])
        for f in ("root", "quad_class", "goldstein", "mood", "pattern"):
            same(w, rec, f, rec[f], r[f])
        same(w, rec, "plover.type", rec["plover"]["type"], r["plover_type"])
        same(w, rec, "plover.mode", rec["plover"]["mode"], r["plover_mode"])
        same(w, rec, "verb.text", rec["verb"]["text"], r["verb_text"])
        same(w, rec, "source_outlet", rec["source_outlet"], r["outlet"])
        check_place(w, rec, r)
        check_when(w, rec, r)
    elif kind == "figure":
        seen[kind] += 1
        rows = db.execute(
            "SELECT f.* FROM figures f JOIN documents d ON d.id = f.doc_id"
            " WHERE (d.doc_key = ?1 OR substr(d.hash, 1, 16) = ?1) AND f.start = ? AND f.end = ?",
            (rec["doc"], rec["span"][0], rec["span"][1])).fetchall()
        if len(rows) != 1:
            bad += 1
            print(f"MISSING figure doc={rec['doc']} span={rec['span']}: {len(rows)} rows")
            continue
        r = rows[0]
        matched[kind].add(r["id"])
        w = "figure"
        for f in ("sentence", "figure_text", "low", "high", "qualifier", "category"):
            same(w, rec, f, rec[f], r[f])
        same(w, rec, "unit", rec["unit"]["text"] if rec["unit"] else None, r["unit_text"])
        for party in ("whose", "claimant"):
            p = rec[party]
            same(w, rec, party + ".code", p["code"] if p else None, r[party + "_code"])
            same(w, rec, party + ".text", p["text"] if p else None, r[party + "_text"])
        check_place(w, rec, r)
        check_when(w, rec, r)
    elif kind == "quote":
        seen[kind] += 1
        rows = db.execute(
            "SELECT q.* FROM quotes q JOIN documents d ON d.id = q.doc_id"
            " WHERE (d.doc_key = ?1 OR substr(d.hash, 1, 16) = ?1) AND q.start = ? AND q.end = ?",
            (rec["doc"], rec["span"][0], rec["span"][1])).fetchall()
        if len(rows) != 1:
            bad += 1
            print(f"MISSING quote doc={rec['doc']} span={rec['span']}: {len(rows)} rows")
            continue
        r = rows[0]
        matched[kind].add(r["id"])
        w = "quote"
        same(w, rec, "sentence", rec["sentence"], r["sentence"])
        same(w, rec, "quote", rec["quote"], r["quote"])
        same(w, rec, "parts", rec["parts"], json.loads(r["parts"]))
        same(w, rec, "direct", int(rec["direct"]), r["direct"])
        sp = rec["speaker"]
        same(w, rec, "speaker.text", sp["text"] if sp else None, r["speaker_text"])
        same(w, rec, "speaker.code", sp["code"] if sp else None, r["speaker_code"])
        same(w, rec, "speaker_from_pronoun", int(rec["speaker_from_pronoun"]), r["speaker_from_pronoun"])
        same(w, rec, "cue", rec["cue"]["text"] if rec["cue"] else None, r["cue_text"])

for kind, table in (("event", "events"), ("figure", "figures"), ("quote", "quotes")):
    stored = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if stored != len(matched[kind]):
        bad += 1
        print(f"COUNT {table}: {len(matched[kind])} rows match records, {stored} rows stored")
print(f"checked {seen['event']} events, {seen['figure']} figures, {seen['quote']} quotes: {bad} mismatches")
sys.exit(1 if bad else 0)
