#!/usr/bin/env python3
"""Write a JSON-lines benchmark input of about MB megabytes from a text
file of one article per line ("Title (Outlet). Outlet - body"), giving
each copy its own id so nothing is deduplicated."""
import json
import sys

src, mb = sys.argv[1], float(sys.argv[2])
lines = [l.strip() for l in open(src, encoding="utf-8", errors="replace") if l.strip()]
target = int(mb * 1e6)
written = 0
rep = 0
while written < target:
    for n, line in enumerate(lines):
        title, _, body = line.partition(". ")
        rec = {"id": f"r{rep}-{n}", "source": "ag_news", "date": "2004-08-15",
               "title": title, "text": line}
        s = json.dumps(rec, ensure_ascii=False) + "\n"
        sys.stdout.write(s)
        written += len(s.encode("utf-8"))
        if written >= target:
            break
    rep += 1
