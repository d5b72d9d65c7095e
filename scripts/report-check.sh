#!/usr/bin/env bash
# Opens an HTML report in headless Chromium (Debian's `chromium`, installed with apt-get when it is
# missing), takes a screenshot of its title and first attack and checks that the SVG sequence diagram was drawn:
# the page is not blank, and the diagram's own fills (the runs' and the intruder's header boxes) are on
# the screen. It also checks that nothing (a wide diagram, a long trace line) pushes the page past its
# right edge: a copy of the page with a line of script reports the page's scroll width.
# Without arguments it checks Reports/attested-k.html and the report with the widest diagram.
# Usage: scripts/report-check.sh [REPORT.html [SCREENSHOT.png]]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  widest=$(for f in Reports/*.html; do
    w=$(grep -o '<svg[^>]*width="[0-9.]*"' "$f" | sed 's/.* width="\([0-9.]*\)"/\1/' | sort -n | tail -1)
    echo "${w:-0} $f"
  done | sort -n | tail -1 | cut -d' ' -f2)
  status=0
  for page in Reports/attested-k.html $widest; do bash "$0" "$page" || status=1; done
  exit $status
fi
page=$1
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
# The screenshot is of the page's head and its first attack: in a long report (many verified
# properties first) the first diagram lies far below the top.
first="$(dirname "$shot")/$(basename "${page%.html}")-first-attack.html"
python3 - "$page" "$first" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
top = page.index("<h2>")
figure = page.index("<figure>")
section = page.rindex("<section", 0, figure)
end = page.index("</section>", figure) + len("</section>")
open(sys.argv[2], "w", encoding="utf-8").write(page[:top] + page[section:end] + "\n</body>\n</html>\n")
PY
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --window-size=${REPORT_CHECK_SIZE:-1400,2200} --screenshot="$shot" "file://$(realpath "$first")" >/dev/null 2>&1 || true
[ -s "$shot" ] || { echo "chromium wrote no screenshot"; exit 1; }

# The page's width as laid out, against the window's, at the screenshot's width and at a narrow one.
probe="$(dirname "$shot")/$(basename "${page%.html}")-probe.html"
sed 's#</body>#<script>document.title = "scroll-width=" + document.documentElement.scrollWidth + " window=" + window.innerWidth</script></body>#' "$page" > "$probe"
for width in ${REPORT_CHECK_WIDTHS:-1400 900}; do
  measured=$("$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --window-size=$width,1000 --dump-dom "file://$(realpath "$probe")" 2>/dev/null | grep -o 'scroll-width=[0-9]* window=[0-9]*' | head -1 || true)
  [ -n "$measured" ] || { echo "report-check: FAILED: chromium did not lay out $page"; exit 1; }
  scroll=${measured#scroll-width=}; scroll=${scroll%% *}; window=${measured##*window=}
  echo "$page at $width px: $measured"
  [ "$scroll" -le "$window" ] || { echo "report-check: FAILED: $page is wider than the window ($scroll > $window px): something pushes it past the right edge"; exit 1; }
done

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
