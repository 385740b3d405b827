#!/usr/bin/env python3
"""tests/test_layers.py - the house rules of README's "Layout of the source",
checked over every #include line, so a dependency that points the wrong way
fails make test instead of waiting for a reviewer:

- each folder includes only itself and the folders its row allows (the
  layers point one way: util <- ingest <- analysis <- render <- driver);
- render/ never computes a statistic: no csv.h, no gsl/, and no comparison
  of a p-value or a confidence interval (judgements are findings);
- analysis/ and ingest/ never draw: no cairo, no hpdf.

Prints cmocka's line format for tests/run-tests.sh."""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

# folder -> folders (or single files) it may include besides itself.
# Order matters: the first prefix that matches a file is its folder.
MAY_INCLUDE = [
    ("util/", []),
    ("ingest/", ["util/"]),
    ("analysis/", ["util/", "ingest/"]),
    ("render/display/", ["util/"]),
    ("render/chart/", ["util/", "render/display/"]),
    ("render/tables/", ["util/", "ingest/", "analysis/"]),
    ("render/slides/", ["util/", "ingest/", "analysis/", "render/display/", "render/chart/",
                        "render/tables/", "render/template.h", "render/deck.h"]),
    # deck, outdir, manifest, template.h: the deck layer, above its subfolders
    ("render/", ["util/", "ingest/", "analysis/", "render/display/", "render/chart/",
                 "render/tables/", "render/slides/"]),
    ("template_", ["util/", "ingest/", "analysis/", "render/"]),  # the loader, with the driver
]
# Local includes the stage may not make at all, and system headers it may not use.
FORBIDDEN_SYSTEM = [
    ("render/", re.compile(r"^(csv\.h|gsl/)")),
    ("analysis/", re.compile(r"^(cairo|hpdf)")),
    ("ingest/", re.compile(r"^(cairo|hpdf|gsl/)")),
    ("util/", re.compile(r"^(cairo|hpdf|gsl/|csv\.h)")),
]
# Made by the Makefile in $(BUILD), found through -I$(BUILD).
GENERATED = {"jembrief-paths.h"}
# Violations being removed (issue 9); a ratchet: the test fails when one of
# these is fixed and still listed, so the list only shrinks.
KNOWN = set()  # empty: every violation listed here was fixed
seen_known = set()
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^">]+)[">]')
# A p-value (or the largest of several, "_p_max") or an interval bound
# compared with anything: "c->p < 0.05", "d->corr_p_max < 0.001",
# "x.p <= JB_ALPHA", "t->annual_lo > 0", "rr10_hi < 1", "p >= 0.045", or
# the significance level itself.
P_COMPARE = re.compile(r"((\.|->)p(_max|_min)?|_p(_max|_min)?|\b[a-z0-9_]*_(lo|hi)|\blower|\bupper)(\[[^]]*\])?\s*(<|>|<=|>=)(?![=>])"
                       r"|(?<!-)(<|>|<=|>=)\s*[a-z0-9_>.-]*((\.|->)p|_p|_(lo|hi))\b"
                       r"|\bp\s*(<|>|<=|>=)\s*0?\.[0-9]"
                       r"|\bJB_ALPHA\b")

failed = False


def sources():
    for top in ("util", "ingest", "analysis", "render"):
        for d, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.relpath(os.path.join(d, f), ROOT)
    for f in sorted(os.listdir(ROOT)):
        if f.startswith("template_") and f.endswith((".c", ".h")):
            yield f


def folder_of(path):
    for prefix, allowed in MAY_INCLUDE:
        if path.startswith(prefix):
            return prefix, allowed
    return None, None


def check(name, problems):
    global failed
    print("[ RUN      ] %s" % name)
    if problems:
        failed = True
        for p in problems:
            print("  " + p)
        print("[  FAILED  ] %s" % name)
    else:
        print("[       OK ] %s" % name)


def layer_problems():
    out = []
    for path in sources():
        prefix, allowed = folder_of(path)
        if prefix is None:
            out.append("%s: in no folder of the layout" % path)
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                kind, target = m.groups()
                if kind == "<":
                    for p, bad in FORBIDDEN_SYSTEM:
                        if path.startswith(p) and bad.match(target):
                            out.append("%s:%d: %s may not include <%s>" % (path, n, p, target))
                    continue
                if target in GENERATED:
                    continue
                real = os.path.normpath(os.path.join(os.path.dirname(path), target))
                if not os.path.exists(os.path.join(ROOT, real)):
                    out.append("%s:%d: \"%s\" does not exist" % (path, n, target))
                    continue
                if real.startswith(prefix) and folder_of(real)[0] == prefix:
                    continue
                if not any(real == a or (a.endswith("/") and real.startswith(a)) for a in allowed):
                    if "%s -> %s" % (path, real) in KNOWN:
                        seen_known.add("%s -> %s" % (path, real))
                        continue
                    out.append("%s:%d: %s may not include %s (README: Layout of the source)"
                               % (path, n, prefix, real))
    return out


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"//[^\n]*", "", text)


def judgement_problems():
    out = []
    for path in sources():
        if not path.startswith("render/"):
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8") as fh:
            code = strip_comments(fh.read())
        for n, line in enumerate(code.split("\n"), 1):
            if P_COMPARE.search(line):
                if "%s: %s" % (path, line.strip()) in KNOWN:
                    seen_known.add("%s: %s" % (path, line.strip()))
                    continue
                out.append("%s:%d: compares a p-value or an interval: a judgement for "
                           "analysis/, stored in the findings: %s" % (path, n, line.strip()))
    return out


def self_test():
    """The rules must be able to fail: each pattern against lines it must catch."""
    out = []
    for bad in ("if (c->p < 0.05)", "x.p <= a", "t->annual_lo > 0", "if (0 < d->rr10_hi)",
                "else if (p < 0.01 || (p >= 0.045 && p < 0.055))", "c->p < JB_ALPHA",
                "else if (d->corr_p_max < 0.001)"):
        if not P_COMPARE.search(bad):
            out.append("the p-value rule misses: " + bad)
    for good in ("for (int p = 0; p < n; p++)", "csv_fig(out, c->p, 0);", "if (hi > lo)",
                 "x->p_len == 0"):
        if P_COMPARE.search(good):
            out.append("the p-value rule flags: " + good)
    prefix, allowed = folder_of("render/chart/chart.c")
    if prefix != "render/chart/" or "analysis/" in allowed:
        out.append("render/chart/ must not reach analysis/")
    return out


check("layers_rules_can_fail", self_test())
check("layers_includes_point_one_way", layer_problems())
check("layers_render_makes_no_judgement", judgement_problems())
check("layers_known_list_only_shrinks",
      ["fixed, so take it off KNOWN: " + k for k in sorted(KNOWN - seen_known)])
sys.exit(1 if failed else 0)
