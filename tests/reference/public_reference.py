#!/usr/bin/python3
"""Independent reference for tests/test_confidence.c: public confidence
(MOPAC Public Attitudes Survey) and homicide victims computed straight from
the shipped sample data with the Python standard library only, not with
jembrief's code.

Definitions (analysis/confidence.h, analysis/homicide.h, issue 11):
- Confidence, each measure: the quarter used is the latest at or before the
  analysis period (2026-02) with a London (MPS column) figure; the borough's
  value there, its competition rank among the 32 (1 = highest), the change on
  the quarter 12 months earlier, and the longest run of consecutive quarters
  (3 months apart) with the borough below London, the latest of equal runs.
  Headline: the measure with the largest gap to London in whole points, ties
  to the rank furthest from the middle, then the measure read first.
- Homicide: complete calendar years of the file (2003-2023); victims (Count
  of Victims), aged 13-24 (age groups inside 13..24), knife (Method of
  Killing names a knife); totals over the span and the last 5 and 3 years;
  rates per 100,000 residents a year (aged 10-24 for the 13-24 measure, ONS
  mid-2020); London = the 32 boroughs over their residents; competition
  ranks, 1 = highest; last 3 years against the 3 before by the exact
  two-sided binomial test min(1, 2 min(P(X <= a), P(X >= a))),
  X ~ Bin(a + b, 1/2), not made when a + b < 6.

Run: python3 tests/reference/public_reference.py > tests/reference/public_reference.h
"""
import csv
import gzip
import io
import math
import re
from fractions import Fraction

DATA = "sample-data"
PERIOD = 2026 * 12 + 1  # February 2026 as a month index (year * 12 + month - 1)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def rows(path):
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


pop_rows = list(csv.DictReader(open(DATA + "/population/ons-mid2020-single-year-of-age-london.csv",
                                    encoding="utf-8-sig", newline="")))
BOROUGHS = sorted((r["name"], r["code"]) for r in pop_rows
                  if r["geography"] == "London Borough" and r["name"] != "City of London")
assert len(BOROUGHS) == 32
NAMES = [b[0] for b in BOROUGHS]


def key(name):
    k = name.strip().lower().replace("&", "and")
    k = re.sub(r"[^a-z]", "", k)
    return {"cityofwestminster": "westminster"}.get(k, k)


INDEX = {key(n): i for i, n in enumerate(NAMES)}
POP_ALL = [0.0] * 32
POP_YOUTH = [0.0] * 32
for r in pop_rows:
    i = INDEX.get(key(r["name"]))
    if i is not None and r["geography"] == "London Borough":
        POP_ALL[i] = float(r["all_ages"])
        POP_YOUTH[i] = sum(float(r["age_%d" % a]) for a in range(10, 25))


def slug(name):
    return re.sub(r"[^a-z]+", "-", name.lower()).strip("-")


def ranks(vals):
    return [0 if v is None else 1 + sum(1 for w in vals if w is not None and w > v) for v in vals]


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- confidence ----
pas = rows(DATA + "/confidence/mopac-pas-borough-2014-2023.csv.gz")
measures = []
val = {}  # (area, measure, month) -> value; area 32 = London
for r in pas:
    d, m, y = (int(x) for x in r["Date"].split("/"))
    month = y * 12 + m - 1
    meas = r["Measure"]
    if meas not in measures:
        measures.append(meas)
    mi = measures.index(meas)
    b = INDEX[key(r["Borough"])]
    val[(b, mi, month)] = float(r["Proportion"].replace(",", "."))
    val.setdefault((32, mi, month), float(r["MPS"].replace(",", ".")))

conf = []
for mi, meas in enumerate(measures):
    quarters = sorted({k[2] for k in val if k[1] == mi})
    used = max(q for q in quarters if q <= PERIOD and (32, mi, q) in val)
    qi = quarters.index(used)
    value = [val.get((b, mi, used)) for b in range(33)]
    prev = used - 12
    change = [None if value[b] is None or (b, mi, prev) not in val else value[b] - val[(b, mi, prev)]
              for b in range(33)]
    rk = ranks(value[:32])
    runs = []
    for b in range(32):
        run = best = 0
        best_end = None
        for k, q in enumerate(quarters[:qi + 1]):
            v, L = val.get((b, mi, q)), val.get((32, mi, q))
            if v is None or L is None or not v < L:
                run = 0
                continue
            follows = k > 0 and q - quarters[k - 1] == 3
            run = run + 1 if follows and run else 1
            if run >= best:
                best, best_end = run, k
        runs.append((best, quarters[best_end] if best_end is not None else 0,
                     int(best > 0 and best_end == qi)))
    conf.append(dict(name=meas, used=used, value=value, change=change, rank=rk, runs=runs,
                     nranked=sum(1 for x in rk if x)))

headline = []
for b in range(32):
    best, best_pos, hl, gap = -1, 0, -1, 0.0
    for mi, c in enumerate(conf):
        if c["value"][b] is None or c["value"][32] is None:
            continue
        g = c["value"][b] - c["value"][32]
        pts = round(abs(g) * 100)
        pos = abs(2 * c["rank"][b] - (c["nranked"] + 1))
        if pts > best or (pts == best and pos > best_pos):
            best, best_pos, hl, gap = pts, pos, mi, g
    headline.append((hl, gap))

# ---- homicide ----
hom = rows(DATA + "/crime/mps-homicide-victims-2003-2023.csv.gz")
FIRST, LAST = 2003, 2023
NY = LAST - FIRST + 1
per = [[[0.0] * NY for _ in range(3)] for _ in range(33)]
heathrow = 0
for r in hom:
    b = INDEX.get(key(r["Borough"]))
    if b is None:
        heathrow += 1
        continue
    mon, yy = r["Recorded Date"].split("-")
    year = 2000 + int(yy)
    ages = [int(x) for x in re.findall(r"\d+", r["Age Group"])]
    youth = len(ages) == 2 and ages[0] >= 13 and ages[1] <= 24
    knife = "knife" in r["Method of Killing"].lower()
    n = float(r["Count of Victims"])
    for m, inside in enumerate((True, youth, knife)):
        if inside:
            per[b][m][year - FIRST] += n
            per[32][m][year - FIRST] += n

WINDOWS = [(FIRST, LAST), (LAST - 4, LAST), (LAST - 2, LAST)]
pops = [POP_ALL + [sum(POP_ALL)], POP_YOUTH + [sum(POP_YOUTH)], POP_ALL + [sum(POP_ALL)]]


def total(a, m, w):
    lo, hi = WINDOWS[w]
    return sum(per[a][m][y - FIRST] for y in range(lo, hi + 1))


def rate(a, m, w):
    lo, hi = WINDOWS[w]
    return total(a, m, w) / (hi - lo + 1) / pops[m][a] * 1e5


def binom_p(k, n):
    cdf = lambda x: sum(Fraction(math.comb(n, i), 2 ** n) for i in range(0, x + 1))
    lower = cdf(k)
    upper = 1 - cdf(k - 1) if k > 0 else Fraction(1)
    return float(min(Fraction(1), 2 * min(lower, upper)))


hrank = [[ranks([rate(b, m, w) for b in range(32)]) for w in range(3)] for m in range(3)]

print("/* Generated by tests/reference/public_reference.py from sample-data/: do not edit. */")
print("#define REF_NMEASURES %d" % len(measures))
print("#define REF_HEATHROW %d" % heathrow)
print("static const char *const ref_measure[] = {%s};" % ", ".join(cstr(m) for m in measures))
print("static const int ref_used_month[] = {%s};" % ", ".join(str(c["used"]) for c in conf))
print("static const double ref_london[] = {%s};" % ", ".join("%.4f" % c["value"][32] for c in conf))
print("static const double ref_london_change[] = {%s};" %
      ", ".join("%.4f" % c["change"][32] for c in conf))
print("struct ref_conf { const char *slug; double value[REF_NMEASURES], change[REF_NMEASURES];")
print("\tint rank[REF_NMEASURES], run[REF_NMEASURES], run_end[REF_NMEASURES], now[REF_NMEASURES];")
print("\tint headline; double gap; };")
print("static const struct ref_conf ref_conf[32] = {")
for b in range(32):
    f = lambda xs: "{" + ", ".join(xs) + "}"
    print("\t{%s, %s, %s, %s, %s, %s, %s, %d, %.4f}," % (
        cstr(slug(NAMES[b])),
        f(["%.4f" % c["value"][b] for c in conf]),
        f(["%.4f" % c["change"][b] for c in conf]),
        f([str(c["rank"][b]) for c in conf]),
        f([str(c["runs"][b][0]) for c in conf]),
        f([str(c["runs"][b][1]) for c in conf]),
        f([str(c["runs"][b][2]) for c in conf]),
        headline[b][0], headline[b][1]))
print("};")
print("#define REF_HOM_FIRST %d" % FIRST)
print("#define REF_HOM_LAST %d" % LAST)
print("struct ref_hom { const char *slug; double per_year[3][%d]; double total[3][3], rate[3][3];" % NY)
print("\tint rank[3][3]; double cmp_a, cmp_b, cmp_p, youth_a, youth_b, youth_p; };")
print("static const struct ref_hom ref_hom[33] = {")
for a in range(33):
    nm = "london" if a == 32 else slug(NAMES[a])
    py = ", ".join("{" + ", ".join("%.0f" % v for v in per[a][m]) + "}" for m in range(3))
    tot = ", ".join("{" + ", ".join("%.0f" % total(a, m, w) for w in range(3)) + "}" for m in range(3))
    rt = ", ".join("{" + ", ".join("%.10g" % rate(a, m, w) for w in range(3)) + "}" for m in range(3))
    rk = ", ".join("{" + ", ".join(str(hrank[m][w][a] if a < 32 else 0) for w in range(3)) + "}"
                   for m in range(3))
    cmp = []
    for m in (0, 1):
        x = sum(per[a][m][y - FIRST] for y in range(LAST - 2, LAST + 1))
        yv = sum(per[a][m][y - FIRST] for y in range(LAST - 5, LAST - 2))
        p = binom_p(int(x), int(x + yv)) if x + yv >= 6 else float("nan")
        cmp += ["%.0f" % x, "%.0f" % yv, "NAN" if p != p else "%.12g" % p]
    print("\t{%s, {%s}, {%s}, {%s}, {%s}, %s}," % (cstr(nm), py, tot, rt, rk, ", ".join(cmp)))
print("};")
