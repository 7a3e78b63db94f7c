#!/usr/bin/env python3
"""Prints "COLOURS NON_WHITE_PERCENT" for a PNG screenshot, with the standard library only.

The browser test uses it to tell a page that was drawn from a blank one: a blank page has one
colour and no ink. Handles the 8-bit RGB and RGBA PNGs that Chromium writes.
"""
import struct
import sys
import zlib


def chunks(data):
    at = 8  # after the signature
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        yield kind, data[at + 8:at + 8 + length]
        at += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def rows(width, height, channels, raw):
    stride = width * channels
    previous = bytearray(stride)
    at = 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            predictor = (0, left, up, (left + up) // 2, paeth(left, up, corner))[kind]
            line[i] = (line[i] + predictor) & 0xFF
        yield line
        previous = line


def main(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    header, idat = None, b""
    for kind, body in chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        sys.exit(f"{path}: only 8-bit RGB(A), non-interlaced PNGs are handled")
    channels = 3 if colour_type == 2 else 4
    colours, ink = set(), 0
    for line in rows(width, height, channels, zlib.decompress(idat)):
        for x in range(0, len(line), channels):
            pixel = bytes(line[x:x + 3])
            colours.add(pixel)
            ink += pixel != b"\xff\xff\xff"
    print(len(colours), round(100 * ink / (width * height)))


if __name__ == "__main__":
    main(sys.argv[1])
