#!/usr/bin/env python3
"""Write JSON lines of about MB megabytes for the ingest tests and the
ingest benchmark, from SOURCE...: a text file of one article per line
("Title (Outlet). Outlet - body"), JSON lines with a "text" field, or a
directory whose .txt files are one article each and whose .jsonl files
are read as above.

Unlike bench/make_input.py every copy has its own text (a copy number is
added to it), so ingest, which skips a text it has already stored, codes
and stores every line. Copies get one of five outlets and one of sixty
days, so grouping has reports of the same events from several outlets
on neighbouring days."""
import json
import sys

import os

if len(sys.argv) < 3:
    sys.exit("usage: ingest_input.py SOURCE... MB")
sources, mb = sys.argv[1:-1], float(sys.argv[-1])
texts = []


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("{"):
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str) and rec["text"].strip():
                    texts.append(rec["text"])
            else:
                texts.append(line)


for src in sources:
    if os.path.isdir(src):
        for name in sorted(os.listdir(src)):
            path = os.path.join(src, name)
            if name.endswith(".txt"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    texts.append(f.read().strip())
            elif name.endswith(".jsonl") and not name.endswith(".expected.jsonl"):
                read_lines(path)
    else:
        read_lines(src)
texts = [t for t in texts if t]
if not texts:
    sys.exit("ingest_input.py: no articles in " + " ".join(sources))
outlets = ["Wire One", "Daily Two", "Herald Three", "Post Four", "Times Five"]
target = int(mb * 1e6)
written = 0
rep = 0
while written < target:
    for n, text in enumerate(texts):
        day = 1 + (rep + n) % 60
        rec = {"id": f"c{rep}-{n}", "source": outlets[(rep + n) % len(outlets)],
               "date": f"2004-{7 + (day - 1) // 30:02d}-{1 + (day - 1) % 30:02d}",
               "text": f"{text}\n\n(copy {rep})" if rep else text}
        s = json.dumps(rec, ensure_ascii=False) + "\n"
        sys.stdout.write(s)
        written += len(s.encode("utf-8"))
        if written >= target:
            break
    rep += 1
