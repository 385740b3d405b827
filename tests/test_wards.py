#!/usr/bin/env python3
"""tests/test_wards.py - the wards part of the findings (analysis/wards.c)
and the group's figures (--group, analysis/areas.c) against an independent
computation over the same files of sample-data/, with the Python standard
library only, not with jembrief's code.

Definitions (analysis/wards.h, analysis/findings.h "struct jb_group"):
- Wards: the MPS ward-level file's rows of the theme's categories summed
  over the 12 months March 2025 to February 2026 (the pack's window: its
  borough-level data end in February 2026); each borough's wards (by the
  file's lookup_boroughname) ranked by that count, competition ranks
  (1, 2, 2, 4), 1 = most; share = count / the borough's ward total.
- A group: its monthly counts are the sum of its members' borough-level
  counts, its residents the sum of theirs (ONS mid-2020), its rate the
  last 12 months' sum per 1,000 of those residents (never a mean of the
  members' rates); change = last 12 on the 12 before.

Prints cmocka's line format for tests/run-tests.sh."""
import csv
import gzip
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "sample-data")
JEMBRIEF = os.environ.get("JEMBRIEF") or os.path.join(
    ROOT, os.environ.get("JEMBRIEF_BUILD", "build"), "jembrief")

# The themes' MPS categories (templates/*.conf): major -> minors, None = all.
THEMES = {
    "serious-youth-violence": {"VIOLENCE AGAINST THE PERSON": {"VIOLENCE WITH INJURY", "HOMICIDE"},
                               "ROBBERY": {"ROBBERY OF PERSONAL PROPERTY"},
                               "POSSESSION OF WEAPONS": None},
    "all-violence": {"VIOLENCE AGAINST THE PERSON": None, "ROBBERY": None,
                     "SEXUAL OFFENCES": None, "POSSESSION OF WEAPONS": None},
}
LAST = ["2025%02d" % m for m in range(3, 13)] + ["202601", "202602"]
PREV = ["2024%02d" % m for m in range(3, 13)] + ["202501", "202502"]


def counted(theme, major, minor):
    cats = THEMES[theme]
    major, minor = major.strip().upper(), minor.strip().upper()
    return major in cats and (cats[major] is None or minor in cats[major])


def boroughs():
    """name -> GSS code of the 32 boroughs, and code -> residents (ONS)."""
    with open(os.path.join(DATA, "population", "ons-mid2020-single-year-of-age-london.csv"),
              encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if r["geography"] == "London Borough" and r["name"] != "City of London"]
    assert len(rows) == 32
    return {r["name"]: r["code"] for r in rows}, {r["code"]: float(r["all_ages"]) for r in rows}


def ward_reference(theme, names):
    """{borough code: [(ward code, count)]} over the window."""
    out = {}
    with gzip.open(os.path.join(DATA, "crime", "mps-ward-level-crime-2024-2026.csv.gz"), "rt",
                   encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            code = names.get(r["lookup_boroughname"].strip())
            if code is None or not counted(theme, r["majortext"], r["minortext"]):
                continue
            wards = out.setdefault(code, {})
            wards[r["wardcode"]] = wards.get(r["wardcode"], 0) + sum(int(r[m]) for m in LAST)
    return {b: sorted(w.items(), key=lambda kv: -kv[1]) for b, w in out.items()}


def competition(counts):
    return [1 + sum(1 for d in counts if d > c) for c in counts]


def run(theme, *args):
    cmd = [JEMBRIEF, "--quiet", "--data", DATA,
           "--theme", os.path.join(ROOT, "templates", theme + ".conf"), "--dump-findings", *args]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise AssertionError("%s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr.decode()))
    return r.stdout.decode("utf-8")


def dumped_wards(text, code):
    """[(rank, ward code, count, share)] of one area's ward lines."""
    out = []
    for line in text.splitlines():
        w = line.split()
        if len(w) == 7 and w[0] == code and w[1] == "ward" and w[5] == "share":
            out.append((int(w[2]), w[3], int(w[4]), float(w[6])))
    return out


def check_wards(theme, slugs):
    names, _ = boroughs()
    ref = ward_reference(theme, names)
    text = run(theme, *slugs)
    assert text.startswith("theme ") and "wards ok 1 window 2025-03..2026-02" in text, \
        "no ward window in the dump"
    for slug in slugs:
        code = names[next(n for n in names if n.lower().replace(" ", "-") == slug)]
        got = dumped_wards(text, code)
        want = ref[code]
        total = sum(c for _, c in want)
        ranks = competition([c for _, c in want])
        assert len(got) == len(want), "%s: %d wards, reference %d" % (slug, len(got), len(want))
        # the same counts in the same order, the same ranks; ties may list
        # their wards in either order, so compare the sets at each count
        assert [g[2] for g in got] == [c for _, c in want], "%s: counts differ" % slug
        assert [g[0] for g in got] == ranks, "%s: ranks differ" % slug
        assert {(g[1], g[2]) for g in got} == set(want), "%s: wards differ" % slug
        for g in got:
            assert abs(g[3] - 100 * g[2] / total) < 1e-3, "%s: share of %s" % (slug, g[1])


def borough_series(theme, names):
    """{borough code: {month: count}} from the borough-level files (the
    later file wins a month both give)."""
    out = {}
    for fn in ("mps-borough-level-crime-2010-2024.csv.gz", "mps-borough-level-crime-2024-2026.csv.gz"):
        with gzip.open(os.path.join(DATA, "crime", fn), "rt", encoding="utf-8-sig", newline="") as f:
            rd = csv.DictReader(f)
            months = [c for c in rd.fieldnames if c.isdigit() and len(c) == 6]
            got = {}
            for r in rd:
                name = (r.get("boroughname") or r.get("BoroughName") or "").strip()
                code = names.get(name)
                major = r.get("majortext") or r.get("MajorText") or ""
                minor = r.get("minortext") or r.get("MinorText") or ""
                if code is None or not counted(theme, major, minor):
                    continue
                for m in months:
                    if r[m].strip() != "":
                        got.setdefault(code, {}).setdefault(m, 0)
                        got[code][m] += int(float(r[m]))
            for code, ms in got.items():
                out.setdefault(code, {}).update(ms)
    return out


def dumped_area(text, code):
    """(population, last12, prev12, rate, {month: count}) of the dump's
    'area CODE ...' block."""
    lines = text.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith("area %s " % code))
    pop = last = prev = rate = None
    months = {}
    for l in lines[i + 1:]:
        if not l.startswith(" "):
            break
        w = l.split()
        if w[0] == "population":
            pop = float(w[1])
        elif w[0] == "change" and w[1] == "last12":
            last, prev = float(w[2]), float(w[4])
        elif w[0] == "rate":
            rate = float(w[1])
        elif w[0] == "month" and w[2] == "count":
            months[w[1].replace("-", "")] = float(w[3])
    return pop, last, prev, rate, months


def check_group(theme):
    names, pop = boroughs()
    members = [names["Hackney"], names["Tower Hamlets"]]
    series = borough_series(theme, names)
    text = run(theme, "--group", "Central East: Hackney, Tower Hamlets", "hackney")
    gpop, glast, gprev, grate, gmonths = dumped_area(text, "central-east")
    assert len(gmonths) == 36, "the group's trend has %d months" % len(gmonths)
    for m, v in gmonths.items():
        want_m = sum(series[b][m] for b in members)
        assert v == want_m, "group %s: %s, members sum to %s" % (m, v, want_m)
    last = sum(series[b][m] for b in members for m in LAST)
    prev = sum(series[b][m] for b in members for m in PREV)
    residents = sum(pop[b] for b in members)
    assert gpop == residents, "group residents %s, reference %s" % (gpop, residents)
    assert (glast, gprev) == (last, prev), "group counts %s %s, reference %s %s" % (
        glast, gprev, last, prev)
    want = last / residents * 1000
    assert abs(grate - want) < 1e-4, "group rate %s, reference %.4f" % (grate, want)
    # never the mean of the members' rates (they differ here)
    mean = sum(sum(series[b][m] for m in LAST) / pop[b] * 1000 for b in members) / 2
    assert abs(mean - want) > 1e-3, "the test cannot tell a sum from a mean"
    # the group's wards: both members' wards ranked together
    ref = ward_reference(theme, names)
    want_w = sorted(ref[members[0]] + ref[members[1]], key=lambda kv: -kv[1])
    got_w = dumped_wards(text, "central-east")
    assert [g[2] for g in got_w] == [c for _, c in want_w], "group ward counts differ"
    assert [g[0] for g in got_w] == competition([c for _, c in want_w]), "group ranks differ"


def check_group_errors():
    """Refused with a message naming the problem, exit 2, nothing written."""
    cases = [
        ("Central East: Hackny, Tower Hamlets", "--group: 'Hackny' is not one of the 32 London "
                                                "boroughs; did you mean Hackney?"),
        ("Hackney: Hackney, Camden", "would write hackney.pdf"),
        ("Solo: Hackney, hackney", "names one borough"),
        ("Hackney and Camden", "has no ':'"),
    ]
    for spec, want in cases:
        r = subprocess.run([JEMBRIEF, "--quiet", "--data", DATA, "--dump-findings", "--group", spec],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        err = r.stderr.decode()
        assert r.returncode == 2 and want in err and not r.stdout, \
            "%r: exit %d, %r" % (spec, r.returncode, err)


def check_group_pack():
    """The pack itself: written beside the members' decks, readable, its
    figures the sums, the one-borough slides named on its sources slide."""
    import tempfile
    names, pop = boroughs()
    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run([JEMBRIEF, "--quiet", "--data", DATA, "--out", out, "--group",
                            "Central East: Hackney, Tower Hamlets", "hackney", "tower-hamlets"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert r.returncode == 0, r.stderr.decode()
        for deck in ("central-east", "hackney", "tower-hamlets"):
            assert os.path.exists(os.path.join(out, deck + ".pdf")), deck
        pdf = os.path.join(out, "central-east.pdf")
        assert subprocess.run(["qpdf", "--check", pdf], stdout=subprocess.PIPE).returncode == 0
        text = subprocess.run(["pdftotext", pdf, "-"], stdout=subprocess.PIPE).stdout.decode()
        series = borough_series("serious-youth-violence", names)
        members = [names["Hackney"], names["Tower Hamlets"]]
        last = sum(series[b][m] for b in members for m in LAST)
        rate = last / sum(pop[b] for b in members) * 1000
        for want in ("Serious youth violence: Central East", "Hackney and Tower Hamlets",
                     "{:,}".format(last), "%.1f" % rate, "Made for one borough",
                     "Hot spots"):
            assert want in text, "%r not in the group's pack" % want
        with open(os.path.join(out, "central-east", "data", "group-members.csv")) as f:
            rows = list(csv.DictReader(f))
        assert [r["role"] for r in rows] == ["member", "member", "group", "london"]
        assert int(rows[2]["count_last12"]) == last


def main():
    cases = [
        ("wards_syv", lambda: check_wards("serious-youth-violence",
                                          ["hackney", "tower-hamlets", "westminster", "sutton"])),
        ("wards_all_violence", lambda: check_wards("all-violence", ["hackney", "croydon"])),
        ("group_syv", lambda: check_group("serious-youth-violence")),
        ("group_all_violence", lambda: check_group("all-violence")),
        ("group_errors", check_group_errors),
        ("group_pack", check_group_pack),
    ]
    failed = 0
    for name, fn in cases:
        print("[ RUN      ] %s" % name)
        try:
            fn()
            print("[       OK ] %s" % name)
        except Exception as e:  # noqa: BLE001 - every failure is reported
            print("%s: %s" % (name, e))
            print("[  FAILED  ] %s" % name)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
