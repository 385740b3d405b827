#!/usr/bin/env python3
"""tests/test_csv_tidy.py - every CSV under out/ is one an analyst can open
in a spreadsheet and understand: python's csv module reads each (strict),
every row has the header's width, data-dictionary.csv lists every file and
every column in order (and nothing that is not written), no column is named
after a borough or a month (long, not wide), an area code stands beside
every area name, units are in the names (_pct, _share, _per_1000), numbers
follow the one precision rule, months are YYYY-MM, and --csv-bom starts
each file with a UTF-8 byte order mark while the default has none.

Prints cmocka's line format for tests/run-tests.sh."""
import csv
import os
import re
import subprocess
import sys
import tempfile

from cmocka_lines import exit_status, test

JEMBRIEF = os.environ.get("JEMBRIEF") or os.path.join(os.environ.get("JEMBRIEF_BUILD", "build"), "jembrief")
SLUGS = None


def run(out, *args):
    r = subprocess.run([JEMBRIEF, "--quiet", "--jobs", "2", "--out", out, *args],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr


def csv_files(out):
    for root, _, files in os.walk(out):
        for f in sorted(files):
            if f.endswith(".csv"):
                yield os.path.relpath(os.path.join(root, f), out)


def pattern(rel):
    """hackney/data/trend.csv -> <slug>/data/trend.csv"""
    parts = rel.split("/")
    return "<slug>/" + "/".join(parts[1:]) if len(parts) == 3 and parts[1] == "data" else rel


def read(path, bom):
    raw = open(path, "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    assert has_bom == bom, f"{path}: byte order mark {'missing' if bom else 'unexpected'}"
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, strict=True))
    assert rows, f"{path}: empty"
    width = len(rows[0])
    for i, r in enumerate(rows[1:], 2):
        assert len(r) == width, f"{path}:{i}: {len(r)} fields, header has {width}"
    return rows



tmp = tempfile.mkdtemp()
out = os.path.join(tmp, "out")
plain = os.path.join(tmp, "plain")
GROUP = "Central East"  # a group's pack (--group) has tables too
tables = {}
dictionary = []


def setup():
    run(out, "--csv-bom", "--group", GROUP + ": Hackney, Tower Hamlets", "hackney", "westminster",
        "london")
    run(plain, "camden")
    for rel in csv_files(out):
        tables[rel] = read(os.path.join(out, rel), bom=True)
    global dictionary
    dictionary = tables["data-dictionary.csv"]


def every_csv_is_read_by_the_csv_module():
    setup()
    assert len(tables) >= 40, sorted(tables)
    for rel in ("summary.csv", "dashboard.csv", "data-quality.csv", "data-dictionary.csv",
                "hackney/data/trend.csv", "london-overview/data/positive-outcomes.csv"):
        assert rel in tables, rel


def no_bom_by_default():
    files = list(csv_files(plain))
    assert len(files) >= 20, files
    for rel in files:
        read(os.path.join(plain, rel), bom=False)


def dictionary_covers_every_column():
    head = dictionary[0]
    assert head == ["file", "row", "column", "unit", "meaning"], head
    by_file = {}
    for file, row, col, unit, meaning in dictionary[1:]:
        assert row and unit and meaning, (file, col)
        by_file.setdefault(file, []).append(col)
    seen = set()
    for rel, rows in tables.items():
        p = pattern(rel)
        seen.add(p)
        assert p in by_file, f"{rel} is not in the dictionary"
        assert rows[0] == by_file[p], f"{rel}: header {rows[0]}, dictionary {by_file[p]}"
    assert set(by_file) == seen, f"in the dictionary, not written: {set(by_file) - seen}"


def long_not_wide():
    slugs = {r.split("/")[0] for r in tables if "/data/" in r}
    assert "hackney" in slugs and "westminster" in slugs
    for rel, rows in tables.items():
        for col in rows[0]:
            assert col not in slugs and col.replace("_", "-") not in slugs, f"{rel}: column {col}"
            assert not re.search(r"\d{4}-\d{2}", col), f"{rel}: a month as a column: {col}"
            assert re.fullmatch(r"[a-z][a-z0-9_]*", col), f"{rel}: column name {col!r}"


def area_code_beside_every_area_name():
    names = {"area_name": "area_code", "borough_name": "borough_code", "lsoa21nm": "lsoa21cd"}
    for rel, rows in tables.items():
        h = rows[0]
        for i, col in enumerate(h):
            if col in names:
                assert i > 0 and h[i - 1] == names[col], f"{rel}: {col} without {names[col]} before it"
        if "area_code" in h:
            c = h.index("area_code")
            for r in rows[1:]:
                # a group has no GSS code of its own: empty, beside its name
                group = r[c + 1] == GROUP and r[c] == ""
                assert group or re.fullmatch(r"E(09|12|92)\d{6}", r[c]), f"{rel}: area_code {r[c]!r}"


def units_in_the_names():
    for file, row, col, unit, meaning in dictionary[1:]:
        if unit == "percent" or unit == "percent a year":
            assert "_pct" in col, f"{file}: {col} is in percent"
        if unit.startswith("fraction"):
            assert col.endswith("_share"), f"{file}: {col} is a fraction"
        if "per 1,000" in unit:
            assert "per_1000" in col, f"{file}: {col} is per 1,000"
        if col.endswith("_pct"):
            assert unit.startswith("percent"), f"{file}: {col} ends _pct, unit {unit}"
        if col.endswith("_share"):
            assert unit.startswith("fraction"), f"{file}: {col} ends _share, unit {unit}"


NUM = re.compile(r"-?\d+(\.\d+)?(e[-+]\d+)?")


def one_precision_rule():
    units = {}
    for file, row, col, unit, meaning in dictionary[1:]:
        units[(file, col)] = (unit, meaning)
    checked = 0
    for rel, rows in tables.items():
        p = pattern(rel)
        for i, col in enumerate(rows[0]):
            unit, meaning = units[(p, col)]
            as_read = "as published" in meaning or "as supplied" in meaning or unit == "as units"
            for r in rows[1:]:
                v = r[i]
                if unit == "YYYY-MM":
                    assert v == "" or re.fullmatch(r"\d{4}-\d{2}", v), f"{rel}: {col} {v!r}"
                if as_read or not NUM.fullmatch(v) or unit in ("text", "GSS code"):
                    continue
                checked += 1
                x = float(v)
                whole = re.fullmatch(r"-?\d+", v)
                six_dp = re.fullmatch(r"-?\d+\.\d{6}", v)
                small = x != 0 and abs(x) < 0.001 and len(re.sub(r"[^0-9]", "", v.split("e")[0]).lstrip("0")) <= 6
                assert whole or six_dp or small, f"{rel}: {col} = {v}"
    assert checked > 10000, checked


def summary_and_dashboard_are_consistent():
    s = tables["summary.csv"]
    h = s[0]
    assert len(s) == 35, len(s)  # the 32, London and the group
    rows = {r[h.index("area_code")]: r for r in s[1:]}
    d = tables["dashboard.csv"]
    dh = d[0]
    measures = {r[dh.index("measure")] for r in d[1:]}
    assert len(d) == 1 + 34 * len(measures), (len(d), measures)
    # London's count of each measure is the sum of the 32 boroughs'
    for m in measures:
        vals = {r[0]: int(r[dh.index("count_last12")]) for r in d[1:] if r[dh.index("measure")] == m}
        assert sum(v for k, v in vals.items() if k.startswith("E09")) == vals["E12000007"], m
        # and the group's (its code empty) the sum of its two members'
        assert vals[""] == vals["E09000012"] + vals["E09000030"], m
    # the overview's positive outcomes: London only, long
    po = tables["london-overview/data/positive-outcomes.csv"]
    assert {r[po[0].index("area_name")] for r in po[1:]} == {"London"}
    po = tables["hackney/data/positive-outcomes.csv"]
    roles = [r[po[0].index("role")] for r in po[1:]]
    assert roles.count("borough") == roles.count("london") and roles.count("similar") == 5 * roles.count("borough")
    # the rate in summary.csv is the count per 1,000 of the population (6 dp)
    hk = rows["E09000012"]
    rate = int(hk[h.index("count_last12")]) / int(hk[h.index("population")]) * 1000
    assert abs(rate - float(hk[h.index("rate_per_1000")])) < 5e-7, (rate, hk[h.index("rate_per_1000")])
    # the group (--group "Central East: Hackney, Tower Hamlets"): its counts
    # and residents are its members' sums, its change and rate computed
    # from those sums; what is made for one borough (ranks, LSOA counts,
    # hot spots, drivers, confidence, context) is empty, not zero
    g, th = rows[""], rows["E09000030"]
    assert g[h.index("area_name")] == GROUP, g
    def col(r, c):
        return r[h.index(c)]
    for c in ("count_last12", "count_prev12", "population", "residents_10_17"):
        assert int(col(g, c)) == int(col(hk, c)) + int(col(th, c)), (c, col(g, c))
    a, b = int(col(g, "count_last12")), int(col(g, "count_prev12"))
    assert abs(float(col(g, "change_pct")) - 100 * (a - b) / b) < 5e-7, col(g, "change_pct")
    assert abs(float(col(g, "rate_per_1000")) - 1000 * a / int(col(g, "population"))) < 5e-7
    for c in ("rate_rank", "fall_rank", "rise_rank", "lsoa_count_last12", "hot_lsoas",
              "imd_decile1_share", "attrition_offences"):
        assert col(g, c) == "", (c, col(g, c))
    assert col(g, "trend_annual_pct") != "", "the group's trend is fitted to its summed series"


for name, fn in [("every_csv_is_read_by_the_csv_module", every_csv_is_read_by_the_csv_module),
                 ("no_bom_by_default", no_bom_by_default),
                 ("dictionary_covers_every_column", dictionary_covers_every_column),
                 ("long_not_wide", long_not_wide),
                 ("area_code_beside_every_area_name", area_code_beside_every_area_name),
                 ("units_in_the_names", units_in_the_names),
                 ("one_precision_rule", one_precision_rule),
                 ("summary_and_dashboard_are_consistent", summary_and_dashboard_are_consistent)]:
    test(name, fn)
subprocess.run(["rm", "-rf", tmp])
sys.exit(exit_status())
