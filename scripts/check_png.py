#!/usr/bin/env python3
"""An independent PNG / APNG reader (Python standard library only) for the tests.

Checks the signature, every chunk's CRC, IHDR, the APNG frame sequence numbers, inflates the
image data and undoes the scanline filters (8-bit gray, RGB, gray+alpha, RGBA; not interlaced).
Prints one JSON object per file: width, height, colour type, frames, the number of distinct
pixel values and their standard deviation (0 for a blank picture). Exits 1 on any problem.
"""
import json
import struct
import sys
import zlib


def unfilter(raw, width, height, channels):
    stride = width * channels
    out = bytearray()
    previous = bytearray(stride)
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 0:
                pass
            elif kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 0xFF
            else:
                raise ValueError("bad filter type %d" % kind)
        out += line
        previous = line
    return bytes(out)


def read(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, chunks = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("CRC mismatch in %s" % kind.decode())
        chunks.append((kind.decode(), body))
        pos += 12 + length
        if kind == b"IEND":
            break
    if chunks[0][0] != "IHDR" or chunks[-1][0] != "IEND":
        raise ValueError("IHDR must come first and IEND last")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError("only 8-bit non-interlaced gray/RGB/GA/RGBA are read here")
    idat = b"".join(body for kind, body in chunks if kind == "IDAT")
    pixels = unfilter(zlib.decompress(idat), width, height, channels)
    frames = 1
    actl = [body for kind, body in chunks if kind == "acTL"]
    if actl:
        frames = struct.unpack(">I", actl[0][:4])[0]
        sequence = [struct.unpack(">I", body[:4])[0] for kind, body in chunks if kind in ("fcTL", "fdAT")]
        if sequence != list(range(len(sequence))):
            raise ValueError("APNG sequence numbers out of order")
        if sum(1 for kind, _ in chunks if kind == "fcTL") != frames:
            raise ValueError("acTL frame count does not match fcTL chunks")
        for kind, body in chunks:
            if kind == "fdAT":
                unfilter(zlib.decompress(body[4:]), width, height, channels)
    values = pixels
    mean = sum(values) / len(values)
    deviation = (sum((v - mean) ** 2 for v in values[:: max(1, len(values) // 200000)]) / max(1, len(values[:: max(1, len(values) // 200000)]))) ** 0.5
    return {"file": path, "width": width, "height": height, "colourType": colour, "frames": frames,
            "distinct": len(set(values[:: max(1, len(values) // 200000)])), "deviation": round(deviation, 3)}


def main():
    ok = True
    for path in sys.argv[1:]:
        try:
            print(json.dumps(read(path)))
        except Exception as error:  # noqa: BLE001 - report every problem with its file
            print(json.dumps({"file": path, "error": str(error)}))
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
