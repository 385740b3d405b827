#!/usr/bin/env python3
"""tests/test_tagged.py - every shipped deck is a tagged PDF (issue 13),
read with pikepdf (Debian python3-pikepdf), independent of the code that
wrote it:

- the catalog has /Lang en-GB, /MarkInfo /Marked true, /ViewerPreferences
  /DisplayDocTitle true and XMP metadata with the title and pdfuaid:part 1;
  pdfinfo says "Tagged: yes";
- the structure tree is walked from /StructTreeRoot: every marked-content
  sequence with an MCID on every page is reached from the tree, every MCID
  the tree names is on its page, the parent tree maps each page's MCIDs to
  the elements that hold them, and nothing draws text outside a
  marked-content sequence (tagged or artifact);
- every Figure has a non-empty /Alt that holds a number also printed on
  its slide (the alternative text says what the chart shows, from the
  findings);
- every page starts with its H1 in reading order, and every link is a Link
  element with its annotation.

Every theme's batch (the 32 boroughs and the overview) is written from
sample-data. Prints cmocka's line format for tests/run-tests.sh."""
import os
import re
import subprocess
import sys
import tempfile

try:
    import pikepdf
except ImportError:  # a python without Debian's packages (pyenv): Debian's own
    if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
JEMBRIEF = os.environ.get("JEMBRIEF", os.path.join(ROOT, "build", "jembrief"))
THEMES = ["serious-youth-violence", "all-violence", "asb-confidence"]
# make check runs the suite again with the sanitized binary, to find memory
# errors, not tagging ones: one theme's batch is enough there, and keeps
# .ci/run inside its time; make test walks every deck of every theme.
if "san" in os.environ.get("JEMBRIEF_BUILD", ""):
    THEMES = THEMES[:1]
TEXT_OPS = {"Tj", "TJ", "'", '"'}
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

failed = False


def kids(elem):
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def walk(pdf):
    """Every element of the tree, with the MCIDs it names per page."""
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    elems, named = [], {}
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        e = stack.pop()
        pg = e.get("/Pg")
        for k in kids(e):
            if isinstance(k, int):
                named.setdefault(pages[pg.objgen], []).append((int(k), e))
            elif isinstance(k, pikepdf.Dictionary):
                if k.get("/Type") == "/MCR":
                    named.setdefault(pages[k.Pg.objgen], []).append((int(k.MCID), e))
                elif k.get("/Type") == "/OBJR":
                    continue
                else:
                    stack.append(k)
        if "/S" in e:
            elems.append(e)
    return elems, named


def content_mcids(page, problems, where):
    """MCIDs of the page's marked content; text outside any is a problem."""
    depth, mcids, stack = 0, [], []
    for operands, op in pikepdf.parse_content_stream(page, 'BDC BMC EMC Tj TJ \' "'):
        op = str(op)
        if op == "BDC":
            props = operands[1]
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            stack.append(mcid)
            if mcid is not None:
                mcids.append(int(mcid))
        elif op == "BMC":
            stack.append(None)
        elif op == "EMC":
            if not stack:
                problems.append(f"{where}: EMC without a begin")
            else:
                stack.pop()
        elif op in TEXT_OPS and not stack:
            problems.append(f"{where}: text drawn outside marked content")
    if stack:
        problems.append(f"{where}: marked content left open")
    return mcids


def check_deck(path, problems):
    name = os.path.relpath(path)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    if not re.search(r"^Tagged:\s+yes$", info, re.M):
        problems.append(f"{name}: pdfinfo does not say Tagged: yes")
    pages_text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                                text=True).stdout.split("\f")
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if str(root.get("/Lang", "")) != "en-GB":
            problems.append(f"{name}: /Lang is not en-GB")
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            problems.append(f"{name}: /MarkInfo /Marked is not true")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            problems.append(f"{name}: /ViewerPreferences /DisplayDocTitle is not true")
        xmp = root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in root else ""
        title = str(pdf.docinfo.get("/Title", ""))
        if "<pdfuaid:part>1</pdfuaid:part>" not in xmp or not title or \
                title.replace("&", "&amp;") not in xmp:
            problems.append(f"{name}: XMP lacks the title or pdfuaid:part 1")
        if "/StructTreeRoot" not in root:
            problems.append(f"{name}: no structure tree")
            return 0
        elems, named = walk(pdf)
        ptree = root.StructTreeRoot.ParentTree.Nums
        nums = {int(ptree[i]): ptree[i + 1] for i in range(0, len(ptree), 2)}
        for i, page in enumerate(pdf.pages):
            where = f"{name} page {i + 1}"
            have = content_mcids(page, problems, where)
            tree = sorted(m for m, _ in named.get(i, []))
            if sorted(have) != tree:
                problems.append(f"{where}: MCIDs in the content {sorted(have)[:8]}... "
                                f"and in the tree {tree[:8]}... differ")
            sp = page.get("/StructParents")
            arr = nums.get(int(sp)) if sp is not None else None
            if arr is None or len(arr) != len(have):
                problems.append(f"{where}: the parent tree does not map its MCIDs")
            else:
                for m, e in named.get(i, []):
                    if m < len(arr) and arr[m].objgen != e.objgen:
                        problems.append(f"{where}: MCID {m} maps to another element")
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") == "/Link" and "/StructParent" not in annot:
                    problems.append(f"{where}: a link outside the structure tree")
        # every page's section starts with its title (the title slide has none)
        for i, sect in enumerate(kids(root.StructTreeRoot.K)):
            first = next((k for k in kids(sect) if isinstance(k, pikepdf.Dictionary)), None)
            if i > 0 and (first is None or first.get("/S") != "/H1"):
                problems.append(f"{name} page {i + 1}: reading order does not start with H1")
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        for e in elems:
            if e.get("/S") != "/Figure":
                continue
            alt = str(e.get("/Alt", ""))
            page = pages.get(e.Pg.objgen) if "/Pg" in e else None
            text = pages_text[page] if page is not None and page < len(pages_text) else ""
            numbers = NUMBER.findall(alt)
            if not alt.strip():
                problems.append(f"{name}: a Figure without /Alt")
            elif not any(n in text for n in numbers):
                problems.append(f"{name} page {page + 1}: the Figure's /Alt holds no number "
                                f"of its slide: {alt[:80]!r}")
    return len(elems)


def main():
    global failed
    tmp = tempfile.mkdtemp()
    print("[ RUN      ] every_shipped_deck_is_tagged")
    problems, decks, elems = [], 0, 0
    for theme in THEMES:
        out = os.path.join(tmp, theme)
        r = subprocess.run([JEMBRIEF, "-q", "-j", "2", "-t", theme, "-d",
                            os.path.join(ROOT, "sample-data"), "-o", out],
                           capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"{theme}: jembrief exit {r.returncode}: {r.stderr[:300]}")
            continue
        for f in sorted(os.listdir(out)):
            if f.endswith(".pdf"):
                elems += check_deck(os.path.join(out, f), problems)
                decks += 1
    subprocess.run(["rm", "-rf", tmp])
    if decks != len(THEMES) * 33:
        problems.append(f"{decks} decks checked, not {len(THEMES) * 33}")
    for p in problems[:40]:
        print(p)
    if problems:
        print(f"{len(problems)} problems")
        print("[  FAILED  ] every_shipped_deck_is_tagged")
        failed = True
    else:
        print(f"{decks} decks, {elems} structure elements")
        print("[       OK ] every_shipped_deck_is_tagged")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
