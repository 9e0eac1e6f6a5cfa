#!/usr/bin/env python3
"""How much of a screenshot is painted: the tests' check that a page rendered (not blank).

    png_ink.py FILE.png [#rrggbb ...]

Decodes the PNG itself (zlib and the five row filters; 8-bit grey, RGB, grey+alpha or RGBA, not
interlaced), takes the most common colour as the background and prints one JSON object:
{"width", "height", "background", "ink" (share of pixels that differ from the background),
"colours" (distinct colours), "counts" (pixels of each colour asked for)}.
"""
import json
import struct
import sys
import zlib
from collections import Counter

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
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
    if depth != 8 or colour not in CHANNELS or interlace:
        sys.exit(f"{path}: unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, colour, bpp, rows


def rgb(pixel, colour):
    return "#%02x%02x%02x" % ((pixel[0],) * 3 if colour in (0, 4) else tuple(pixel[:3]))


def main():
    width, height, colour, bpp, rows = decode(sys.argv[1])
    pixels = Counter()
    for row in rows:
        pixels.update(row[i:i + bpp] for i in range(0, len(row), bpp))
    colours = Counter()
    for pixel, count in pixels.items():
        colours[rgb(pixel, colour)] += count
    background, background_count = colours.most_common(1)[0]
    total = width * height
    print(json.dumps({
        "width": width, "height": height, "background": background,
        "ink": (total - background_count) / total, "colours": len(colours),
        "counts": {wanted.lower(): colours.get(wanted.lower(), 0) for wanted in sys.argv[2:]},
    }))


main()
