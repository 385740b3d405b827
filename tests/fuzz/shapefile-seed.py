#!/usr/bin/env python3
"""tests/fuzz/shapefile-seed.py OUT X Y - write a shapefile target input
(tests/fuzz/fuzz_shapefile.c: 4-byte little-endian lengths of the .shp and
the .shx, then the .shp, .shx and .dbf) holding two 1 km square LSOAs of
Camden with their lower left corners at (X, Y) and (X + 1000, Y), British
National Grid metres. seeds/shapefile/two-lsoas is `528000 182000`;
regress/shapefile/vertex-1e308 is `1e308 182000`. The formats are ESRI's
shapefile white paper and dBASE III; used only to make test inputs."""
import struct
import sys


def shp_and_shx(polys):
    recs = []
    for i, ring in enumerate(polys):
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        body = struct.pack('<i4d2i', 5, min(xs), min(ys), max(xs), max(ys), 1, len(ring))
        body += struct.pack('<i', 0) + b''.join(struct.pack('<2d', *p) for p in ring)
        recs.append(struct.pack('>2i', i + 1, len(body) // 2) + body)
    allx = [p[0] for r in polys for p in r]
    ally = [p[1] for r in polys for p in r]

    def header(length):
        return (struct.pack('>7i', 9994, 0, 0, 0, 0, 0, length // 2) +
                struct.pack('<2i', 1000, 5) +
                struct.pack('<4d', min(allx), min(ally), max(allx), max(ally)) +
                struct.pack('<4d', 0, 0, 0, 0))
    body = b''.join(recs)
    index, off = b'', 100
    for r in recs:
        index += struct.pack('>2i', off // 2, (len(r) - 8) // 2)
        off += len(r)
    return header(100 + len(body)) + body, header(100 + len(index)) + index


def dbf(rows, fields):
    hl = 32 + 32 * len(fields) + 1
    rl = 1 + sum(w for _, w in fields)
    h = struct.pack('<B3BIHH20x', 3, 126, 1, 1, len(rows), hl, rl)
    for name, w in fields:
        h += name.encode().ljust(11, b'\0') + b'C' + b'\0' * 4 + bytes([w, 0]) + b'\0' * 14
    h += b'\r'
    for r in rows:
        h += b' ' + b''.join(v.encode().ljust(w) for v, (_, w) in zip(r, fields))
    return h + b'\x1a'


def main():
    out, x, y = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    square = [(0, 0), (0, 1000), (1000, 1000), (1000, 0), (0, 0)]
    polys = [[(x + dx + k * 1000, y + dy) for dx, dy in square] for k in range(2)]
    shp, shx = shp_and_shx(polys)
    d = dbf([('E01000907', 'Camden 001A', 'E09000007'),
             ('E01000908', 'Camden 001B', 'E09000007')],
            [('LSOA21CD', 9), ('LSOA21NM', 20), ('LAD22CD', 9)])
    with open(out, 'wb') as f:
        f.write(struct.pack('<2I', len(shp), len(shx)) + shp + shx + d)


main()
