#!/bin/sh
# Report tests: ingest samples/ into a fresh store, write the situation
# report as Markdown and as HTML, check their sections and that the HTML
# refers to nothing outside itself but the articles, then render the HTML
# in headless Chromium and check the screenshot is a real picture.
#
#   sh tests/run_report.sh build/sitrep
#
# The report, its Markdown and the screenshot stay in the binary's build
# folder (build/tests/report.{html,md,png}) for people to look at.
# Without chromium the render check prints SKIP and counts neither way.
sitrep=$1
[ -x "$sitrep" ] || { echo "usage: $0 path/to/sitrep" >&2; exit 2; }
out=$(dirname "$sitrep")/tests
mkdir -p "$out" build
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0; fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }

db=$work/report.db
if "$sitrep" ingest -q --db "$db" samples/ > "$work/ingest.log" 2>&1; then
    ok report_store
else
    ko report_store "sitrep ingest samples/ failed: $(tail -n 1 "$work/ingest.log")"
fi

# ---- Markdown: every section, in order, and no picture or address but
# the articles'
md=$out/report.md
if "$sitrep" report --db "$db" --format md -o "$md" 2> "$work/md.err" &&
    python3 - "$md" "$db" <<'EOF'
import re, sqlite3, sys
text = open(sys.argv[1], encoding='utf-8').read()
heads = ['# Situation report', '## Summary', '### Key points', '## Timeline', '## Places',
         '## Most reported events', '## Who acts on whom', '## Killed, as reported',
         '## Figures compared across outlets', '## Quotes by speaker',
         '## Framing words by outlet', '## Sources']
at = 0
for h in heads:
    i = text.find('\n' + h if h[0:2] != '# ' else h, at)
    if i < 0:
        sys.exit('missing or out of order: ' + h)
    at = i + 1
urls = {u for (u,) in sqlite3.connect(sys.argv[2]).execute('SELECT url FROM documents WHERE url IS NOT NULL')}
if '![' in text:
    sys.exit('an image')
for u in re.findall(r'https?://[^\s<>)\]]+', text):
    if u not in urls:
        sys.exit('not an article address: ' + u)
if not re.search(r'\| \d+ \(\d+ mentions\) \|', text):
    sys.exit('no headline numbers')
EOF
then
    ok report_markdown
else
    ko report_markdown "$(cat "$work/md.err")"
fi

# ---- HTML: one file, nothing fetched from anywhere
html=$out/report.html
if "$sitrep" report --db "$db" -o "$html" 2> "$work/html.err" &&
    python3 - "$html" "$db" <<'EOF'
import re, sqlite3, sys
text = open(sys.argv[1], encoding='utf-8').read()
if not text.startswith('<!DOCTYPE html>') or not text.rstrip().endswith('</html>'):
    sys.exit('not one whole HTML document')
for svg in ('<svg class="chart"', '<svg class="map"', '<svg class="net"'):
    if svg not in text:
        sys.exit('no ' + svg)
for tag in ('<script', '<link', '<img', '<iframe', '<object', '<embed', '@import', 'url(http'):
    if tag in text.lower():
        sys.exit('found ' + tag)
urls = {u for (u,) in sqlite3.connect(sys.argv[2]).execute('SELECT url FROM documents WHERE url IS NOT NULL')}
refs = re.findall(r'\b(src|href|xlink:href)="([^"]*)"', text)
for attr, value in refs:
    value = value.replace('&amp;', '&')
    if attr == 'src':
        sys.exit('src= ' + value)
    if not value.startswith('#') and value not in urls:
        sys.exit('not an article address: ' + value)
if not any(v.startswith('http') for _, v in refs):
    sys.exit('no article is linked')
EOF
then
    ok report_html
else
    ko report_html "$(cat "$work/html.err")"
fi

# ---- filters narrow the report; malformed ones are usage errors
count() { sed -n 's/^| \([0-9,]*\) (\([0-9,]*\) mentions).*/\2/p' "$1" | head -n 1 | tr -d ,; }
"$sitrep" report --db "$db" --place Idlib > "$work/idlib.md" 2>/dev/null
"$sitrep" report --db "$db" --since 2020-03-01 --until 2020-03-31 > "$work/march.md" 2>/dev/null
all=$(count "$md"); idlib=$(count "$work/idlib.md"); march=$(count "$work/march.md")
if [ -n "$all" ] && [ -n "$idlib" ] && [ -n "$march" ] && [ "$idlib" -gt 0 ] &&
    [ "$idlib" -lt "$all" ] && [ "$march" -gt 0 ] && [ "$march" -lt "$all" ]; then
    ok report_filters
else
    ko report_filters "mentions: all '$all', --place Idlib '$idlib', March 2020 '$march'"
fi
"$sitrep" report --db "$db" --since 2020-02-30x > /dev/null 2>&1
status=$?
if [ "$status" -eq 2 ]; then ok report_bad_date; else ko report_bad_date "exit status $status, expected 2"; fi

# ---- the HTML as a browser draws it
browser=$(command -v chromium || command -v chromium-browser || true)
png=$out/report.png
if [ -z "$browser" ]; then
    echo "SKIP report_render (chromium is not installed: apt-get install chromium)"
else
    rm -f "$png"
    timeout 180 "$browser" --headless --no-sandbox --disable-background-networking --disable-gpu \
        --hide-scrollbars --screenshot="$png" --window-size=1280,2000 "file://$html" \
        > "$work/chromium.log" 2>&1
    if [ -s "$png" ] && python3 - "$png" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
if data[:8] != b'\x89PNG\r\n\x1a\n' or len(data) < 20000:
    sys.exit('not a PNG of some size (%d bytes)' % len(data))
pos, idat = 8, []
while pos < len(data):
    n, = struct.unpack('>I', data[pos:pos + 4])
    kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat.append(body)
    pos += 12 + n
if (w, h) != (1280, 2000) or depth != 8 or ctype not in (2, 6):
    sys.exit('unexpected image %dx%d depth %d type %d' % (w, h, depth, ctype))
raw, bpp = zlib.decompress(b''.join(idat)), 3 if ctype == 2 else 4
stride, prev, colours = w * bpp, bytearray(w * bpp), {}
for y in range(h):  # undo the PNG row filters, then sample the pixels
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if f == 2:
        line = bytearray((v + u) & 255 for v, u in zip(line, prev))
    elif f:
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4 == 0:
        for x in range(0, stride, 4 * bpp):
            px = bytes(line[x:x + 3])
            colours[px] = colours.get(px, 0) + 1
top = max(colours.values()) / sum(colours.values())
# a page of text, a chart and a map: many colours, and white not everywhere
if len(colours) < 50 or top > 0.9:
    sys.exit('%d colours, the commonest on %.0f%% of the page' % (len(colours), 100 * top))
EOF
    then
        ok report_render
    else
        ko report_render "no usable screenshot (see $work/chromium.log)"
        tail -n 3 "$work/chromium.log"
    fi
fi

echo "report: $pass passed, $fail failed"
echo "report $pass $fail" >> build/test-results.txt
[ "$fail" -eq 0 ]
