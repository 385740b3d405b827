#!/usr/bin/python3
"""tests/reference/similar_reference.py - independent reference for
analysis/similar.c (DESIGN §5, "Most similar boroughs"), written as a C table
to tests/reference/similar_reference.h and as text, with every borough's
distances, to tests/reference/similar_reference.txt.

Run from the repository root:  python3 tests/reference/similar_reference.py
(python3's standard library only).

Straight from the files in sample-data/, for each of the 32 boroughs:
  - mean IMD score: deprivation/imd2025-lsoa21-london.csv.gz, IMD_score,
    averaged over the borough's LSOAs; an LSOA's borough is its name in
    population/census2021-lsoa21-age6-london.csv.gz without the " 001A"
    suffix (the C code takes it from the LSOA boundary file's LAD22CD);
  - residents per km2: all_ages of population/ons-mid2020-single-year-of-
    age-london.csv over the borough's area in boundaries/london-boroughs-
    2022-gen20.geojson. The C code projects the boundary to British National
    Grid (PROJ) and takes the planar area there; this script takes the area
    on the WGS84 ellipsoid instead, with no projection library: in
    Lambert's cylindrical equal-area map of the ellipsoid, x = a * lon and
    y = a * q(lat) / 2 (q as in Snyder, Map Projections - A Working Manual,
    eq. 3-12), every region keeps its area, so the shoelace formula over
    (x, y) gives the ellipsoidal area of the ring (outer rings added, holes
    taken away). British National Grid's scale factor over London is about
    0.99985, so its areas are about 0.03% smaller than the ellipsoid's and
    densities 0.03% larger: the C test allows 0.1%.
  - share aged 10-24: the sum of age_10 .. age_24 over all_ages, same file.
Then each measure is standardised over the 32 boroughs (population SD), the
distance between two boroughs is the Euclidean distance of their z-scores,
and the five nearest are the similar boroughs, nearest first (ties: the
borough first in name order). The text output gives the five distances and
the sixth, so that a reader can see how far the list is from changing.
"""
import csv
import gzip
import json
import math
import sys

DATA = "sample-data"
OUT_H = "tests/reference/similar_reference.h"
OUT_TXT = "tests/reference/similar_reference.txt"
CITY = "E09000001"  # the City of London: not one of the 32

# WGS84
A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = math.sqrt(E2)


def q(lat):
    """Snyder eq. 3-12: the authalic function of the geodetic latitude."""
    s = math.sin(lat)
    return (1 - E2) * (s / (1 - E2 * s * s) - math.log((1 - E * s) / (1 + E * s)) / (2 * E))


def ring_area(ring):
    """The ellipsoidal area (m2) of a ring of (lon, lat) degrees, unsigned."""
    pts = [(A * math.radians(lon), A * q(math.radians(lat)) / 2) for lon, lat in ring]
    s = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        s += x0 * y1 - x1 * y0
    return abs(s) / 2


def boroughs():
    """{code: (name, area km2)} of the 32 boroughs, from the GeoJSON."""
    with open(f"{DATA}/boundaries/london-boroughs-2022-gen20.geojson", encoding="utf-8") as f:
        gj = json.load(f)
    out = {}
    for feat in gj["features"]:
        code, name = feat["properties"]["LAD22CD"], feat["properties"]["LAD22NM"]
        if code == CITY:
            continue
        g = feat["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        m2 = sum(ring_area(p[0]) - sum(ring_area(h) for h in p[1:]) for p in polys)
        out[code] = (name, m2 / 1e6)
    assert len(out) == 32, len(out)
    return out


def imd_means(code_of_name):
    """{borough code: mean IMD score of its LSOAs}."""
    borough_of = {}
    with gzip.open(f"{DATA}/population/census2021-lsoa21-age6-london.csv.gz", "rt",
                   encoding="utf-8") as f:
        for r in csv.DictReader(f):
            borough_of[r["lsoa21_code"]] = r["lsoa21_name"].rsplit(" ", 1)[0]
    scores = {}
    with gzip.open(f"{DATA}/deprivation/imd2025-lsoa21-london.csv.gz", "rt",
                   encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = code_of_name.get(borough_of.get(r["lsoa21_code"]))
            if code:
                scores.setdefault(code, []).append(float(r["IMD_score"]))
    return {c: sum(v) / len(v) for c, v in scores.items()}, {c: len(v) for c, v in scores.items()}


def population():
    """{borough code: (all ages, aged 10-24)}."""
    out = {}
    with open(f"{DATA}/population/ons-mid2020-single-year-of-age-london.csv",
              encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            out[r["code"]] = (float(r["all_ages"]),
                              sum(float(r[f"age_{a}"]) for a in range(10, 25)))
    return out


def zscores(values):
    n = len(values)
    mean = sum(values.values()) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values.values()) / n)
    return {k: (v - mean) / sd for k, v in values.items()}


def main():
    b = boroughs()
    code_of_name = {name: code for code, (name, _) in b.items()}
    imd, nlsoa = imd_means(code_of_name)
    pop = population()
    codes = sorted(b, key=lambda c: b[c][0])  # name order: the C code's borough index
    m = {
        "imd_mean": {c: imd[c] for c in codes},
        "density": {c: pop[c][0] / b[c][1] for c in codes},
        "share_10_24": {c: pop[c][1] / pop[c][0] for c in codes},
    }
    z = {k: zscores(v) for k, v in m.items()}

    def dist(x, y):
        return math.sqrt(sum((z[k][x] - z[k][y]) ** 2 for k in z))

    rows = []
    for c in codes:
        near = sorted((dist(c, o), i, o) for i, o in enumerate(codes) if o != c)
        rows.append((c, near))

    with open(OUT_TXT, "w", encoding="utf-8") as t:
        t.write("# tests/reference/similar_reference.txt - GENERATED by "
                "tests/reference/similar_reference.py\n")
        t.write("# code name lsoas imd_mean density share_10_24 | the five nearest "
                "(distance) | the sixth\n")
        for c, near in rows:
            t.write("%s %s %d %.6f %.4f %.6f |" % (c, b[c][0], nlsoa[c], m["imd_mean"][c],
                                                  m["density"][c], m["share_10_24"][c]))
            t.write("".join(" %s(%.4f)" % (o, d) for d, _, o in near[:5]))
            t.write(" | %s(%.4f)\n" % (near[5][2], near[5][0]))

    with open(OUT_H, "w", encoding="utf-8") as h:
        h.write("/* tests/reference/similar_reference.h - GENERATED by "
                "tests/reference/similar_reference.py\n"
                " * from sample-data/ (standard library only). Do not edit: rerun the "
                "script. */\n\n")
        h.write("struct ref_similar {\n\tconst char *code, *name;\n"
                "\tdouble imd_mean, density, share_10_24;\n"
                "\tconst char *similar[5]; /* nearest first */\n"
                "\tdouble gap; /* 6th distance minus 5th: how far the list is from changing */\n"
                "};\n\n")
        h.write("static const struct ref_similar ref_similar[32] = {\n")
        for c, near in rows:
            h.write('\t{"%s", "%s", %.17g, %.17g, %.17g,\n\t {%s}, %.6g},\n' % (
                c, b[c][0], m["imd_mean"][c], m["density"][c], m["share_10_24"][c],
                ", ".join('"%s"' % o for _, _, o in near[:5]), near[5][0] - near[4][0]))
        h.write("};\n")
    print("wrote", OUT_H, "and", OUT_TXT, file=sys.stderr)


if __name__ == "__main__":
    main()
