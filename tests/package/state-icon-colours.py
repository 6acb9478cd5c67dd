#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Counts the pixels of the VM list's state icons (resources/icons/state-*.svg fills) in a PNG
# screenshot of `porthole --demo`. Without Qt's SVG plugin (libqt6svg6) the icons are blank and
# every count is 0. Standard library only: the PNG is decoded here (8-bit RGB/RGBA, as Qt writes).
# Usage: state-icon-colours.py FILE.png MIN  — exit 0 when the green "running" and the amber
# "pending" fills (the demo cloud has both) each cover MIN pixels; the grey "off" fill is too
# close to the window's own greys to count.
import struct
import sys
import zlib

FILLS = {"running": (0x3F, 0xB9, 0x50), "off": (0xC9, 0xCE, 0xD6), "failed": (0xF8, 0x51, 0x49),
         "pending": (0xF2, 0xCC, 0x60)}


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: depth {depth}, colour type {colour}, interlace {interlace}: not decoded here")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        previous = line
        for x in range(0, stride, bpp):
            yield line[x], line[x + 1], line[x + 2]


def main():
    path, minimum = sys.argv[1], int(sys.argv[2])
    counts = dict.fromkeys(FILLS, 0)
    for r, g, b in pixels(path):
        for state, (fr, fg, fb) in FILLS.items():
            if abs(r - fr) <= 6 and abs(g - fg) <= 6 and abs(b - fb) <= 6:
                counts[state] += 1
    print(" ".join(f"{state}={n}" for state, n in counts.items()))
    sys.exit(0 if counts["running"] >= minimum and counts["pending"] >= minimum else 1)


main()
