#!/usr/bin/env python3
"""Expected attrition stages with the outcomes fixture
(tests/fixtures/outcomes, made by its make-outcomes.py) joined to the
shipped street files (sample-data/crime/police-uk-street), for
tests/test_trust_formats.c. Written from the published rules, not from
jembrief: a street crime of the serious-youth-violence theme's types, with
coordinates, in an LSOA of one of the 32 boroughs (its LSOA name is not the
City of London's) takes the latest outcome the outcomes files record for its
Crime ID (latest Month; on the same Month the later record in path, then
line, order), else its own "Last outcome category". Stages as DESIGN.md
section 5 defines them. Output: tests/reference/outcomes_funnel.txt.

Run from the repository root: python3 tests/reference/outcomes_funnel.py
"""
import csv
import glob

THEME = {"Violence and sexual offences", "Robbery", "Possession of weapons"}
STAGE = {  # 0 no suspect, 1 NFA, 2 charged, 3 court, 4 out of court, None unknown
    "Investigation complete; no suspect identified": 0, "Under investigation": 0,
    "Unable to prosecute suspect": 1, "Suspect charged": 2, "Awaiting court outcome": 2,
    "Offender fined": 3, "Offender sent to prison": 3,
    "Offender given a caution": 4, "Local resolution": 4,
    "Status update unavailable": None, "": None,
}

latest = {}  # Crime ID -> (month, order, outcome)
order = 0
rows_kept = rows_aside = rows_bad = 0
files = sorted(glob.glob("tests/fixtures/outcomes/crime/police-uk-outcomes/*/*.csv"))
crimes = {}
for f in sorted(glob.glob("sample-data/crime/police-uk-street/*/*-street.csv")):
    for r in csv.DictReader(open(f, newline="")):
        if (r["Crime type"] in THEME and r["Longitude"] and r["Crime ID"]
                and not r["LSOA name"].startswith("City of London")):
            crimes[r["Crime ID"]] = r
for f in files:
    for r in csv.DictReader(open(f, newline="")):
        order += 1
        cid, month = r["Crime ID"], r["Month"]
        if len(cid) != 64 or not 1 <= int(month[5:]) <= 12:
            rows_bad += 1
            continue
        if cid not in crimes:
            rows_aside += 1
            continue
        rows_kept += 1
        if cid not in latest or (month, order) >= latest[cid][:2]:
            latest[cid] = (month, order, r["Outcome type"])

stages = {}
for cid, r in crimes.items():
    outcome = latest[cid][2] if cid in latest else r["Last outcome category"]
    borough = r["LSOA name"].rsplit(" ", 1)[0]
    stages.setdefault(borough, [0] * 6)
    s = STAGE[outcome]
    stages[borough][5 if s is None else s] += 1

with open("tests/reference/outcomes_funnel.txt", "w") as out:
    out.write("# borough: no_suspect nfa charged court out_of_court unknown\n")
    for b in sorted(stages):
        out.write("%s: %s\n" % (b, " ".join(map(str, stages[b]))))
    out.write("London: %s\n" % " ".join(
        str(sum(v[k] for v in stages.values())) for k in range(6)))
    out.write("outcomes rows: kept %d set aside %d rejected %d\n" %
              (rows_kept, rows_aside, rows_bad))
