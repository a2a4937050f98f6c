#!/usr/bin/env bash
# Renders an HTML file in headless Chromium and fails when the page is blank or broken.
#
#   scripts/render-html.sh REPORT.html OUT.png [ELEMENT_ID ...]
#
# 1. Loads the page and dumps the DOM Chromium built: every ELEMENT_ID must be in it
#    (e.g. the report's four chart ids), which proves the browser parsed them.
# 2. Screenshots the page to OUT.png (1280x2000) and decodes the PNG with the Python standard
#    library: it fails when the image is one colour or nearly all background.
#
# Exit status: 0 rendered; 1 blank, broken or missing elements; 2 usage; 3 no Chromium
# (install the Debian package: apt-get install -y chromium).
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 REPORT.html OUT.png [ELEMENT_ID ...]" >&2
    exit 2
fi
html=$1
png=$2
shift 2

browser=""
for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome; do
    if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null 2>&1; then
        browser=$candidate
        break
    fi
done
if [[ -z "$browser" ]]; then
    echo "render-html: no chromium on PATH (apt-get install -y chromium)" >&2
    exit 3
fi
if [[ ! -s "$html" ]]; then
    echo "render-html: $html is missing or empty" >&2
    exit 1
fi

html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png_dir=$(cd "$(dirname "$png")" && pwd)
png_abs=$png_dir/$(basename "$png")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

chromium_run() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --no-default-browser-check --hide-scrollbars --user-data-dir="$profile" "$@" 2>"$profile/stderr.log"
}

dom=$(chromium_run --dump-dom "file://$html_abs") || {
    echo "render-html: chromium could not load $html_abs" >&2
    cat "$profile/stderr.log" >&2
    exit 1
}
missing=()
for id in "$@"; do
    grep -q "id=\"$id\"" <<<"$dom" || missing+=("$id")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "render-html: not in the rendered DOM: ${missing[*]}" >&2
    exit 1
fi

rm -f "$png_abs"
chromium_run --screenshot="$png_abs" --window-size=1280,2000 "file://$html_abs" >/dev/null || true
if [[ ! -s "$png_abs" ]]; then
    echo "render-html: chromium wrote no screenshot" >&2
    cat "$profile/stderr.log" >&2
    exit 1
fi

python3 - "$png_abs" <<'PY'
import struct, sys, zlib
from collections import Counter

path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"render-html: {path} is not a PNG")
pos, idat, header = 8, [], None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat.append(body)
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
if depth != 8 or channels is None or interlace:
    sys.exit(f"render-html: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
raw = zlib.decompress(b"".join(idat))
stride = width * channels
prev = bytearray(stride)
pixels = Counter()
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    if kind == 1:
        for i in range(channels, stride):
            line[i] = (line[i] + line[i - channels]) & 255
    elif kind == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, prev))
    elif kind == 3:
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif kind == 4:
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + predictor) & 255
    prev = line
    # Every 4th pixel of every row is plenty to tell a page from a blank.
    for x in range(0, width, 4):
        pixels[bytes(line[x * channels:x * channels + 3])] += 1
total = sum(pixels.values())
background, count = pixels.most_common(1)[0]
ink = 1 - count / total
print(f"render-html: {path}: {width}x{height}, {len(pixels)} colours, {ink:.1%} of pixels differ from the background #{background.hex()}")
if len(pixels) < 2:
    sys.exit("render-html: the page is blank (one colour)")
if ink < 0.005:
    sys.exit("render-html: the page is nearly blank")
PY
