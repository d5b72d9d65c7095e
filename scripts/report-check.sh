#!/usr/bin/env bash
# Opens an HTML report in headless Chromium (Debian's `chromium`, installed with apt-get when it is
# missing), takes a screenshot of its top (title, verdict table, first attack) and checks that the SVG sequence diagram was drawn:
# the page is not blank, and the diagram's own fills (the runs' and the intruder's header boxes) are on
# the screen. Usage: scripts/report-check.sh [REPORT.html [SCREENSHOT.png]]
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-Reports/attested-k.html}
shot=${2:-.build/report-check/$(basename "${page%.html}").png}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "installing chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null ||
    { echo "could not install chromium (run as root, or install Debian's chromium yourself)"; exit 2; }
  browser=$(command -v chromium)
fi
[ -f "$page" ] || { echo "no such report: $page (run make run)"; exit 2; }
grep -q '<svg' "$page" || { echo "$page holds no SVG diagram (a model without attacks?)"; exit 1; }

mkdir -p "$(dirname "$shot")"
rm -f "$shot"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --window-size=${REPORT_CHECK_SIZE:-1400,2200} --screenshot="$shot" "file://$PWD/$page" >/dev/null 2>&1 || true
[ -s "$shot" ] || { echo "chromium wrote no screenshot"; exit 1; }

# Plain python3 (zlib, struct): no image library needed to count the colours of a PNG.
python3 - "$shot" <<'PY'
import struct, sys, zlib

def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, rows, i = bytearray(stride), [], 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, [tuple(r[x:x + 3]) for r in rows for x in range(0, stride, bpp)]

width, height, px = pixels(sys.argv[1])
counts = {}
for p in px: counts[p] = counts.get(p, 0) + 1
ink = sum(n for p, n in counts.items() if p != (255, 255, 255))
# The diagram's header fills (SVGSequenceDiagram): a run's box and the intruder's box.
run_box, intruder_box = counts.get((0xee, 0xf3, 0xfb), 0), counts.get((0xfb, 0xee, 0xee), 0)
print(f"{sys.argv[1]}: {width}x{height}, {len(counts)} colours, {100 * ink / len(px):.1f}% non-white, "
      f"run boxes {run_box} px, intruder box {intruder_box} px")
problems = []
if ink < len(px) // 100: problems.append("the page is blank")
if len(counts) < 16: problems.append("too few colours for text and a diagram")
if run_box < 500 or intruder_box < 500: problems.append("the sequence diagram's header boxes are not on the screen")
if problems:
    print("report-check: FAILED: " + "; ".join(problems)); sys.exit(1)
print("report-check: the sequence diagram is drawn")
PY
