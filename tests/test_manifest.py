#!/usr/bin/env python3
"""tests/test_manifest.py - manifest.json names the exact bytes a run read
and wrote: every input's and every written file's size and SHA-256 are
those of the file on disk, computed here with hashlib. A plain CSV is
hashed by its reader as it parses (read once), a .gz or shapefile by the
manifest: the cases that differ are checked, on a copy of sample-data/
where one plain CSV begins with a byte order mark (which the reader drops
before parsing, and the hash must keep), one is cut short mid-row, and
one ends without a line end.

Prints cmocka's line format for tests/run-tests.sh."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from cmocka_lines import exit_status, test

JEMBRIEF = os.environ.get("JEMBRIEF") or os.path.join(os.environ.get("JEMBRIEF_BUILD", "build"), "jembrief")


def run(data, out):
    r = subprocess.run([JEMBRIEF, "--quiet", "--jobs", "2", "--data", data, "--out", out, "hackney"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def digest(path):
    with open(path, "rb") as f:
        b = f.read()
    return len(b), hashlib.sha256(b).hexdigest()


def check_entries(entries, base, what):
    assert entries, f"no {what} in the manifest"
    for e in entries:
        size, sha = digest(os.path.join(base, e["path"]))
        assert e["bytes"] == size, f"{what} {e['path']}: bytes {e['bytes']}, file has {size}"
        assert e["sha256"] == sha, f"{what} {e['path']}: sha256 {e['sha256']}, file's is {sha}"



def sample_inputs_and_outputs():
    with tempfile.TemporaryDirectory() as tmp:
        m = run("sample-data", tmp)
        paths = [e["path"] for e in m["inputs"]]
        assert any(p.endswith(".csv") for p in paths), "no plain CSV input"
        assert any(p.endswith(".csv.gz") for p in paths), "no .gz input"
        assert any(p.endswith(".dbf") for p in paths), "no shapefile companion"
        check_entries(m["inputs"], "sample-data", "input")
        check_entries(m["files"], tmp, "written file")


def edited_copy():
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        shutil.copytree("sample-data", data, symlinks=False)
        plain = sorted(os.path.join(r, f) for r, _, fs in os.walk(data) for f in fs
                       if f.endswith(".csv") and os.path.getsize(os.path.join(r, f)) > 4096)
        assert len(plain) >= 3, "fewer than three plain CSV files to edit"
        bom, cut, no_eol = plain[0], plain[1], plain[2]
        with open(bom, "rb") as f:
            b = f.read()
        with open(bom, "wb") as f:
            f.write(b"\xef\xbb\xbf" + b)
        size = os.path.getsize(cut)
        with open(cut, "r+b") as f:
            f.truncate(size // 2 + 7)  # mid-row
        with open(no_eol, "rb") as f:
            b = f.read()
        with open(no_eol, "wb") as f:
            f.write(b.rstrip(b"\r\n"))
        m = run(data, os.path.join(tmp, "out"))
        shown = {e["path"] for e in m["inputs"]}
        for p in (bom, cut, no_eol):
            assert os.path.relpath(p, data) in shown, f"{p} not among the inputs"
        check_entries(m["inputs"], data, "input")


test("manifest_hashes_sample_inputs_and_outputs", sample_inputs_and_outputs)
test("manifest_hashes_bom_cut_short_and_unterminated_files", edited_copy)
sys.exit(exit_status())
