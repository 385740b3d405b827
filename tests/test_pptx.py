#!/usr/bin/env python3
"""tests/test_pptx.py - the PowerPoint and SVG backends (--pptx, --svg)
against the PDF of the same run, which the PDF backend drew independently
from the same display list:

- LibreOffice Impress opens every .pptx of the full batch (one headless
  `soffice --convert-to pdf` for all of them), and the text pdftotext finds
  on each key-figures and trend slide of its PDF holds every number of the
  same slide of jembrief's PDF (slides found by jembrief's PDF outline);
- the XML of the packages (zipfile + ElementTree): a slide per PDF page;
  one p:sp text box per text run, with as many runs on a slide as the PDF
  page shows text strings (pikepdf counts its text operators); the title
  placeholder on every slide, its text on the PDF page; slide-jump links
  as many as the PDF's link annotations; speaker notes holding the source
  line; a group per chart, as many as the chart SVGs of the slide;
  identical bytes from a second run;
- tables as tables (a:tbl in a graphic frame): as many on a slide as the
  PDF's structure tree has Table elements on its page, each with as many
  rows as the Table's TR elements and columns as the widest TR has cells,
  the first row marked as the header when the PDF's first TR is all TH,
  and the header cells' texts on the PDF page; LibreOffice's text of every
  slide holding a table has every number of jembrief's slide;
- the fonts embedded (p:embeddedFontLst: DejaVu Sans, regular and bold,
  each a .fntdata part): libeot, the Embedded OpenType reader LibreOffice
  uses, unwraps each into a TrueType font it finds legal to edit with, which
  fontconfig reads as DejaVu Sans Book or Bold holding every character of
  the deck's text in that face (and of the speaker notes, in the regular);
- every SVG parses with python's xml module, a slide's holds its title as
  <title> and as <text>, and as many <text> runs as the PDF page.

The XML and SVGs are read for four decks (borough and overview slides). Under the sanitizers (make check) those four are written by the
sanitized binary and checked the same way; the LibreOffice conversion,
which tests the files, not the code, runs in make test only.

Prints cmocka's line format for tests/run-tests.sh."""
import ctypes
import functools
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

from cmocka_lines import exit_status, test

try:
    import pikepdf
except ImportError:
    # Debian's python3-pikepdf is for Debian's python: a python3 earlier
    # in PATH (a virtualenv, pyenv) does not see it.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and \
            os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

BUILD = os.environ.get("JEMBRIEF_BUILD", "build")
JEMBRIEF = os.environ.get("JEMBRIEF") or os.path.join(BUILD, "jembrief")
SANITIZED = "san" in os.path.basename(BUILD.rstrip("/"))
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
SVG = "{http://www.w3.org/2000/svg}"
skipped = False


def run(out, *args):
    r = subprocess.run([JEMBRIEF, "--quiet", "--jobs", "2", "--out", out, *args],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr



def pdftotext(pdf):
    """The text of each page (pdftotext ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", "-q", pdf, "-"], stdout=subprocess.PIPE, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def squash(s):
    return " ".join(s.split())


def numbers(text):
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


def outline(pdf):
    """jembrief's PDF outline: [(title, page index)]."""
    with pikepdf.open(pdf) as p:
        objs = [pg.obj.objgen for pg in p.pages]
        with p.open_outline() as o:
            return [(it.title, objs.index(it.destination[0].objgen)) for it in o.root]


@functools.lru_cache(maxsize=None)
def pdf_pages(pdf):
    """Per page of jembrief's PDF: text strings shown, link annotations."""
    out = []
    with pikepdf.open(pdf) as p:
        for pg in p.pages:
            shows = sum(1 for _, op in pikepdf.parse_content_stream(pg)
                        if str(op) in ("Tj", "TJ", "'", '"'))
            links = sum(1 for a in pg.obj.get("/Annots", []) if a.get("/Subtype") == "/Link")
            out.append((shows, links))
    return out


@functools.lru_cache(maxsize=None)
def slides(pptx):
    """Each slide's XML root and notes text (or None), in presentation order."""
    with zipfile.ZipFile(pptx) as z:
        assert z.testzip() is None
        pres = ET.fromstring(z.read("ppt/presentation.xml"))
        rels = ET.fromstring(z.read("ppt/_rels/presentation.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        out = []
        for sid in pres.find("p:sldIdLst", NS):
            part = "ppt/" + target[sid.get(f"{{{NS['r']}}}id")]
            root = ET.fromstring(z.read(part))
            rel = part.replace("slides/", "slides/_rels/") + ".rels"
            notes = None
            for r in ET.fromstring(z.read(rel)):
                if r.get("Type").endswith("/notesSlide"):
                    n = ET.fromstring(z.read(os.path.normpath("ppt/slides/" + r.get("Target"))))
                    notes = "".join(t.text or "" for t in n.iter(f"{{{NS['a']}}}t"))
            out.append((root, notes))
        return out


@functools.lru_cache(maxsize=None)
def pdf_tables(pdf):
    """jembrief's PDF structure tree: per page index, its Table elements,
    each a list of rows, each the roles of its cells ("TH", "TD")."""
    def kids(e):
        k = e.get("/K")
        k = k if isinstance(k, pikepdf.Array) else [k]
        return [c for c in k if isinstance(c, pikepdf.Dictionary) and "/S" in c]

    out = {}
    with pikepdf.open(pdf) as p:
        pages = [pg.obj.objgen for pg in p.pages]

        def walk(e, page):
            page = e.get("/Pg").objgen if e.get("/Pg") is not None else page
            if str(e.get("/S")) == "/Table":
                rows = [[str(c.get("/S"))[1:] for c in kids(r)] for r in kids(e)
                        if str(r.get("/S")) == "/TR"]
                out.setdefault(pages.index(page), []).append(rows)
                return
            for c in kids(e):
                walk(c, page)

        walk(p.Root.StructTreeRoot, None)
    return out


def tables_of(root):
    """Each a:tbl of a slide: whether its first row is the header, and its
    rows, each its cells' texts (a cell wrapped onto two lines breaks
    its paragraph, or has two: read with a space there, as the PDF's text is)."""
    def para(p):
        return "".join(" " if k.tag == f"{{{NS['a']}}}br" else
                       "".join(t.text or "" for t in k.iter(f"{{{NS['a']}}}t")) for k in p)

    def cell(tc):
        return " ".join(para(p) for p in tc.iter(f"{{{NS['a']}}}p")).strip()
    return [(tbl.find("a:tblPr", NS).get("firstRow") == "1",
             [[cell(tc) for tc in tr.findall("a:tc", NS)] for tr in tbl.findall("a:tr", NS)])
            for tbl in root.iter(f"{{{NS['a']}}}tbl")]


def runs_of(sp):
    return ["".join(t.text or "" for t in r.iter(f"{{{NS['a']}}}t"))
            for r in sp.iter(f"{{{NS['a']}}}r")]


def is_title(sp):
    ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
    return ph is not None and ph.get("type") == "title"


tmp = tempfile.mkdtemp()
out = os.path.join(tmp, "out")
again = os.path.join(tmp, "again")
lo = os.path.join(tmp, "lo")
# The XML is read for these (every slide kind of both templates); the
# batch's other decks are opened by LibreOffice.
DECKS = ["barnet", "hackney", "london-overview", "westminster"]


def setup():
    # the full batch in make test (LibreOffice opens every deck of it)
    run(out, "--pptx", "--svg", *([] if not SANITIZED else
                                  [d if d != "london-overview" else "london" for d in DECKS]))
    run(again, "--pptx", "--jobs", "1", "hackney")


def decks(every=False):
    names = sorted(f[:-5] for f in os.listdir(out) if f.endswith(".pptx"))
    assert names == DECKS if SANITIZED else len(names) == 33, names
    return names if every else DECKS


def libreoffice_opens_every_deck():
    setup()
    names = decks(every=True)
    if SANITIZED:
        return "skip"
    os.makedirs(lo)
    t0, cpu0 = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                        "--convert-to", "pdf", "--outdir", lo] +
                       [os.path.join(out, n + ".pptx") for n in names],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"soffice converted {len(names)} decks in {time.monotonic() - t0:.0f} s "
          f"({cpu.ru_utime + cpu.ru_stime - cpu0.ru_utime - cpu0.ru_stime:.0f} s of CPU)", flush=True)
    assert r.returncode == 0, r.stdout
    checked = 0
    for n in names:
        ours, theirs = os.path.join(out, n + ".pdf"), os.path.join(lo, n + ".pdf")
        assert os.path.exists(theirs), f"{n}: LibreOffice wrote no PDF\n{r.stdout}"
        with pikepdf.open(theirs) as p, pikepdf.open(ours) as q:
            assert len(p.pages) == len(q.pages), (n, len(p.pages), len(q.pages))
            q_pages = list(q.pages)
        pages = [i for title, i in outline(ours) if title == "Key figures" or "trend" in title.lower()]
        assert len(pages) >= 2, (n, outline(ours))
        with zipfile.ZipFile(os.path.join(out, n + ".pptx")) as z:  # and every slide with a table
            pages += [i for i in range(len(q_pages)) if i not in pages and
                      b"<a:tbl>" in z.read(f"ppt/slides/slide{i + 1}.xml")]
        ours_text, theirs_text = pdftotext(ours), pdftotext(theirs)
        for i in pages:
            want, got = numbers(ours_text[i]), numbers(theirs_text[i])
            assert want and want <= got, f"{n} slide {i + 1}: not in LibreOffice's text: {sorted(want - got)}"
            checked += 1
    assert checked >= 2 * len(names) + 5, checked


def one_text_box_per_run():
    for n in decks():
        pdf, pptx = os.path.join(out, n + ".pdf"), os.path.join(out, n + ".pptx")
        pages = pdf_pages(pdf)
        page_text = [squash(t) for t in pdftotext(pdf)]
        sl = slides(pptx)
        assert len(sl) == len(pages) == len(page_text), (n, len(sl), len(pages))
        for i, ((root, notes), (shows, links)) in enumerate(zip(sl, pages), 1):
            where = f"{n} slide {i}"
            sps = [sp for sp in root.iter(f"{{{NS['p']}}}sp") if sp.find("p:txBody", NS) is not None]
            titles = [sp for sp in sps if is_title(sp)]
            assert len(titles) == 1, f"{where}: {len(titles)} title placeholders"
            for sp in sps:
                if not is_title(sp):
                    assert len(runs_of(sp)) == 1, f"{where}: a text box of {runs_of(sp)}"
            total = sum(len(runs_of(sp)) for sp in sps) + \
                sum(len(runs_of(tc)) for tc in root.iter(f"{{{NS['a']}}}tc"))
            assert total == shows, f"{where}: {total} runs in the pptx, {shows} in the PDF"
            title = squash(" ".join(runs_of(titles[0])))
            assert title and title in page_text[i - 1], f"{where}: title {title!r}"
            hl = len(root.findall(".//p:cNvPr/a:hlinkClick", NS))
            assert hl == links, f"{where}: {hl} links, {links} in the PDF"
            text = page_text[i - 1]
            if " · Source: " in text:  # the footer's source line, as the notes
                assert notes and notes.startswith("Source: "), f"{where}: notes {notes!r}"
                assert squash(notes)[:48] in text, f"{where}: notes {notes!r}"
            else:
                assert notes is None, f"{where}: notes {notes!r} and no source line"

            groups = len(root.findall(".//p:grpSp", NS))
            charts = [f for f in os.listdir(os.path.join(out, "svg", n)) if f.startswith(f"{i:02d}-")]
            assert groups == len(charts), f"{where}: {groups} groups, {len(charts)} chart SVGs"


def tables_are_tables():
    count = 0
    for n in decks():
        pdf = os.path.join(out, n + ".pdf")
        want_all, page_text = pdf_tables(pdf), [squash(t) for t in pdftotext(pdf)]
        for i, (root, _) in enumerate(slides(os.path.join(out, n + ".pptx"))):
            where = f"{n} slide {i + 1}"
            got, want = tables_of(root), want_all.get(i, [])
            assert len(got) == len(want), f"{where}: {len(got)} a:tbl, {len(want)} PDF Tables"
            for (first_row, rows), tagged in zip(got, want):
                shape = (len(rows), {len(r) for r in rows})
                assert shape == (len(tagged), {max(len(r) for r in tagged)}), (where, shape, tagged)
                assert first_row == all(role == "TH" for role in tagged[0]), where
                heads = [h for h in rows[0] if h]
                assert len(heads) == len(tagged[0]), (where, heads, tagged[0])
                for h in heads:
                    assert squash(h) in page_text[i], f"{where}: header {h!r} not on the PDF page"
                count += 1
    assert count >= 4 * len(DECKS), count  # every deck has tables


def eot_to_ttf(data):
    """The TrueType font inside an Embedded OpenType, and whether its
    permissions allow editing, by libeot (the header's layout is libeot's
    business: its metadata is kept in an opaque, ample buffer)."""
    lib = ctypes.CDLL("libeot.so.0")
    lib.EOTcanLegallyEdit.restype = ctypes.c_bool
    meta = ctypes.create_string_buffer(4096)
    out, size = ctypes.POINTER(ctypes.c_uint8)(), ctypes.c_uint()
    rc = lib.EOT2ttf_buffer(data, len(data), meta, ctypes.byref(out), ctypes.byref(size))
    assert rc == 0, f"libeot: error {rc}"
    ttf, editable = ctypes.string_at(out, size.value), lib.EOTcanLegallyEdit(meta)
    lib.EOTfreeBuffer(out)
    lib.EOTfreeMetadata(meta)
    return ttf, editable


def fontconfig_scan(ttf):
    """(family, style, set of code points) of a font file, by fc-scan."""
    path = os.path.join(tmp, "scan.ttf")
    with open(path, "wb") as f:
        f.write(ttf)
    r = subprocess.run(["fc-scan", "--format", "%{family}|%{style}|%{charset}", path],
                       stdout=subprocess.PIPE, text=True, check=True).stdout
    family, style, charset = r.split("|")
    cps = set()
    for part in charset.split():
        lo, _, hi = part.partition("-")
        cps.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return family, style, cps


def fonts_are_embedded():
    rel_font = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
    for n in decks():
        pptx = os.path.join(out, n + ".pptx")
        text = {"regular": set(), "bold": set()}
        for root, notes in slides(pptx):
            for r in root.iter(f"{{{NS['a']}}}r"):
                face = "bold" if r.find("a:rPr", NS).get("b") == "1" else "regular"
                text[face].update(ord(c) for c in "".join(t.text or "" for t in r.iter(f"{{{NS['a']}}}t")))
            text["regular"].update(ord(c) for c in notes or "")
        with zipfile.ZipFile(pptx) as z:
            pres = ET.fromstring(z.read("ppt/presentation.xml"))
            rels = {r.get("Id"): r for r in ET.fromstring(z.read("ppt/_rels/presentation.xml.rels"))}
            fonts = pres.findall("p:embeddedFontLst/p:embeddedFont", NS)
            assert len(fonts) == 1 and fonts[0].find("p:font", NS).get("typeface") == "DejaVu Sans", n
            for face, style in (("regular", "Book"), ("bold", "Bold")):
                rel = rels[fonts[0].find(f"p:{face}", NS).get(f"{{{NS['r']}}}id")]
                assert rel.get("Type") == rel_font, (n, face, rel.get("Type"))
                ttf, editable = eot_to_ttf(z.read("ppt/" + rel.get("Target")))
                assert ttf[:4] == b"\x00\x01\x00\x00" and editable, (n, face)
                family, got_style, cps = fontconfig_scan(ttf)
                assert (family, got_style) == ("DejaVu Sans", style), (n, face, family, got_style)
                missing = {c for c in text[face] if c > 0x20} - cps
                assert not missing, f"{n} {face}: not in the embedded font: {sorted(map(chr, missing))}"


def same_bytes_again():
    with open(os.path.join(out, "hackney.pptx"), "rb") as a, \
            open(os.path.join(again, "hackney.pptx"), "rb") as b:
        assert a.read() == b.read(), "hackney.pptx differs between two runs"


def svgs_parse_with_the_title_as_text():
    count = 0
    for n in decks():
        pages = pdf_pages(os.path.join(out, n + ".pdf"))
        sl = slides(os.path.join(out, n + ".pptx"))
        files = sorted(os.listdir(os.path.join(out, "svg", n)))
        for f in files:
            root = ET.parse(os.path.join(out, "svg", n, f)).getroot()
            assert root.tag == SVG + "svg", (n, f)
            count += 1
            if "-" in f:
                continue
            i = int(f[:2])
            title = [sp for sp in sl[i - 1][0].iter(f"{{{NS['p']}}}sp") if is_title(sp)][0]
            want = squash(" ".join(runs_of(title)))
            assert squash(root.find(SVG + "title").text) == want, (n, f)
            texts = [t.text or "" for t in root.iter(SVG + "text")]
            assert want in squash(" ".join(texts)), (n, f, want)
            assert len(texts) == pages[i - 1][0], (n, f, len(texts), pages[i - 1][0])
        assert len([f for f in files if "-" not in f]) == len(pages), n
    assert count > 0


for name, fn in [("libreoffice_opens_every_deck", libreoffice_opens_every_deck),
                 ("one_text_box_per_run", one_text_box_per_run),
                 ("tables_are_tables", tables_are_tables),
                 ("fonts_are_embedded", fonts_are_embedded),
                 ("same_bytes_again", same_bytes_again),
                 ("svgs_parse_with_the_title_as_text", svgs_parse_with_the_title_as_text)]:
    test(name, fn)
subprocess.run(["rm", "-rf", tmp])
sys.exit(exit_status())
