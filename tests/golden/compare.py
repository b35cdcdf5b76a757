#!/usr/bin/env python3
"""Compare sitrep JSON-lines output with a golden file.

Records are compared as sets of keys (kind, doc, sentence, source/target
code and span, cameo, and for figures/quotes their main fields), so the
order of records and fields added later do not break old goldens, while
any change in what is coded does. Prints what is missing and what is new.
"""
import json
import sys


def key(r):
    kind = r.get("kind")
    def actor(a):
        a = a or {}
        return (a.get("code"), tuple(a.get("span") or ()))
    if kind == "event":
        return (kind, r.get("doc"), r.get("sentence"), actor(r.get("source")),
                actor(r.get("target")), r.get("cameo"), r.get("mood"))
    return (kind, r.get("doc"), json.dumps(r, sort_keys=True))


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(key(json.loads(line)))
            except ValueError as e:
                print(f"{path}:{n}: not JSON: {e}")
                out.append(("invalid", n))
    return out


def main():
    want, got = load(sys.argv[1]), load(sys.argv[2])
    missing = [k for k in want if k not in got]
    extra = [k for k in got if k not in want]
    for k in missing:
        print("  missing:", k)
    for k in extra:
        print("  new:    ", k)
    return 1 if missing or extra or len(want) != len(got) else 0


if __name__ == "__main__":
    sys.exit(main())
