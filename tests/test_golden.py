#!/usr/bin/env python3
"""tests/test_golden.py - the golden dumps of tests/golden/: each case of
tests/golden/CASES is a jembrief run over sample-data/ whose standard output
(--dump-findings, --dump-display) must equal tests/golden/NAME.txt byte for
byte. A difference fails the test and is shown: for a display list, which
slides changed and how many of their lines; then the first lines of the
unified diff.

    python3 tests/test_golden.py            compare (make test)
    python3 tests/test_golden.py --update   rewrite the golden files (make golden)

Rewrite them only for a change meant to alter what they show, and say in the
commit which slides or figures change and why: the diff of tests/golden/ in
review is what the change did.

Prints cmocka's line format for tests/run-tests.sh."""
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOLDEN = os.path.join(HERE, "golden")
JEMBRIEF = os.environ.get("JEMBRIEF") or os.path.join(
    ROOT, os.environ.get("JEMBRIEF_BUILD", "build"), "jembrief")
DIFF_LINES = 40


def cases():
    """(name, args) for each line 'NAME ARG...' of tests/golden/CASES."""
    with open(os.path.join(GOLDEN, "CASES"), encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if words and not words[0].startswith("#"):
                yield words[0], words[1:]


def dump(args):
    """jembrief's standard output for args over the shipped data and theme,
    with nothing from the caller's environment that could change it."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("SOURCE_DATE_EPOCH", "JEMBRIEF_DATA", "JEMBRIEF_TEMPLATES")}
    cmd = [JEMBRIEF, "--quiet", "--jobs", "2", "--data", os.path.join(ROOT, "sample-data"),
           "--theme", os.path.join(ROOT, "templates", "serious-youth-violence.conf"), *args]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if r.returncode != 0:
        raise AssertionError(f"{' '.join(args)}: exit {r.returncode}: "
                             f"{r.stderr.decode('utf-8', 'replace').strip()}")
    return r.stdout.decode("utf-8")


def pages(lines):
    """A display dump's lines grouped by slide: {index: (outline line, lines)}."""
    out, cur = {}, None
    for line in lines:
        if line.startswith("page "):
            cur = int(line.split()[1])
            out[cur] = (line.split(" items=")[0], [])
        if cur is not None:
            out[cur][1].append(line)
    return out


def slides_changed(want, got):
    """One line per slide whose items differ, for a display dump."""
    a, b = pages(want), pages(got)
    said = []
    for k in sorted(set(a) | set(b)):
        if k not in a or k not in b:
            said.append(f"  {(a.get(k) or b.get(k))[0]}: {'added' if k in b else 'gone'}")
            continue
        if a[k][1] != b[k][1]:
            sm = difflib.SequenceMatcher(None, a[k][1], b[k][1], autojunk=False)
            n = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes()
                    if tag != "equal")
            said.append(f"  {b[k][0]}: {n} line(s) differ")
    return said


def compare(name, args):
    path = os.path.join(GOLDEN, name + ".txt")
    got = dump(args)
    with open(path, encoding="utf-8") as f:
        want = f.read()
    if got == want:
        return
    w, g = want.splitlines(), got.splitlines()
    report = [f"{path} differs from jembrief {' '.join(args)}"]
    if "--dump-display" in args:
        report += slides_changed(w, g)
    diff = list(difflib.unified_diff(w, g, path, "now", n=1, lineterm=""))
    report += [d[:300] for d in diff[:DIFF_LINES]]
    if len(diff) > DIFF_LINES:
        report.append(f"... {len(diff) - DIFF_LINES} more diff lines")
    report.append("if the change is meant, 'make golden' rewrites the file")
    raise AssertionError("\n".join(report))


def update():
    for name, args in cases():
        path = os.path.join(GOLDEN, name + ".txt")
        got = dump(args)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if got != old:
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.write(got)
            os.replace(path + ".tmp", path)
        print(f"{'unchanged' if got == old else 'rewritten'}: {os.path.relpath(path, ROOT)}")


def main():
    if sys.argv[1:] == ["--update"]:
        update()
        return 0
    failed = 0
    for name, args in cases():
        test = "golden_" + name.replace("-", "_")
        print(f"[ RUN      ] {test}", flush=True)
        try:
            compare(name, args)
            print(f"[       OK ] {test}", flush=True)
        except AssertionError as e:
            print(f"{test}: FAILED: {e}")
            print(f"[  FAILED  ] {test}", flush=True)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
