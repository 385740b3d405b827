/* tests/test_pptx_backend.c - the PowerPoint and SVG backends on a deck
 * made by hand, read back with libzip and libxml2's XPath: the numbers in
 * the XML against the hand working below, the spans (title placeholder,
 * described figure group, one SVG per figure), notes, links, and bytes
 * that do not depend on the time zone.
 *
 * Hand working (1 pt = 12700 EMU, ECMA-376 20.1.2.1):
 *   rect at (10, 20), 30 x 40 pt      -> off 127000 254000, ext 381000 508000
 *   stroke 2 pt, dash 3 pt            -> ln w 25400, ds d = sp = 3/2 * 100000 = 150000
 *   text 12 pt at baseline (50, 100)  -> sz 1200, off y = (100 - 12 * 1901/2048) * 12700
 *                                        = 88.861328 * 12700 = 1128539 (rounded)
 *   image at (600, 400), 40 x 40 pt   -> pic off x 7620000, ext cx 508000
 *   figure box (100, 200) 300 x 150   -> a chart SVG with viewBox "0 0 300 150",
 *                                        its text at x = 120 - 100 = 20, y = 260 - 200 = 60
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "../render/display/display.h"
#include "../render/display/font.h"
#include "../render/display/pptx.h"
#include "../render/display/pptx_table.h"
#include "../render/display/svg.h"
#include "../util/xalloc.h"

static struct dl_deck *hand_deck(void)
{
	struct dl_deck *d = dl_deck_new();
	dl_deck_meta(d, "A title", "An author", "A subject", "k", 1772323200); /* 2026-03-01 */
	struct dl_page *p = dl_page_add(d, "First");
	size_t t = dl_span_begin(p, DL_SPAN_TITLE, 40, 30, 880, 54);
	dl_text(p, 40, 50, DL_BOLD, 20, DL_RGB(0x12436D), "Title line one");
	dl_text(p, 40, 75, DL_BOLD, 20, DL_RGB(0x12436D), "and line two");
	dl_span_end(p, t);
	dl_rect(p, 10, 20, 30, 40,
		(struct dl_style){.fill = DL_RGB(0xF46A25), .stroke = DL_RGB(0x222222),
				  .width = 2, .dash = 3});
	dl_text(p, 50, 100, DL_REGULAR, 12, DL_RGB(0x222222), "Body & <text>");
	size_t f = dl_span_begin(p, DL_SPAN_FIGURE, 100, 200, 300, 150);
	dl_segment(p, 100, 210, 400, 210, DL_RGB(0x28A197), 1);
	dl_text(p, 120, 260, DL_REGULAR, 9, DL_RGB(0x6F6F6F), "Axis label");
	dl_span_end(p, f);
	dl_span_alt(p, f, "A line chart of something");
	dl_link(p, 500, 300, 100, 20, 1);
	static const unsigned char px[2 * 2 * 3] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9};
	dl_image(p, 600, 400, 40, 40, 2, 2, px);
	dl_page_notes(p, "Source: a survey");
	struct dl_page *q = dl_page_add(d, "Second");
	dl_text(q, 40, 50, DL_REGULAR, 10, DL_RGB(0x222222), "Page two");
	return d;
}

/* Part name of the package at path, its bytes (NUL after them, not
 * counted, in *len); fails the test when absent. Caller frees. */
static char *part_bytes(const char *path, const char *name, size_t *len)
{
	int e;
	zip_t *za = zip_open(path, ZIP_RDONLY, &e);
	assert_non_null(za);
	zip_stat_t st;
	assert_int_equal(zip_stat(za, name, 0, &st), 0);
	zip_file_t *zf = zip_fopen(za, name, 0);
	assert_non_null(zf);
	char *buf = xmalloc(st.size + 1);
	assert_int_equal(zip_fread(zf, buf, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(za);
	buf[st.size] = '\0';
	*len = st.size;
	return buf;
}

static char *package_bytes(const char *path, const char *name)
{
	size_t len;
	return part_bytes(path, name, &len);
}

/* Part name of the package at path, parsed. */
static xmlDocPtr part(const char *path, const char *name)
{
	size_t len;
	char *buf = part_bytes(path, name, &len);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, name, NULL, XML_PARSE_NONET);
	free(buf);
	assert_non_null(doc);
	return doc;
}

/* The string value of an XPath expression over doc (caller frees). */
static char *xp(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr c = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(c, BAD_CAST "a", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
	xmlXPathRegisterNs(c, BAD_CAST "p",
			   BAD_CAST "http://schemas.openxmlformats.org/presentationml/2006/main");
	xmlXPathRegisterNs(c, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/"
						    "officeDocument/2006/relationships");
	xmlXPathRegisterNs(c, BAD_CAST "rel",
			   BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
	xmlXPathRegisterNs(c, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
	assert_non_null(o);
	xmlChar *s = xmlXPathCastToString(o);
	char *out = xstrdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	return out;
}

static void expect(xmlDocPtr doc, const char *expr, const char *want)
{
	char *got = xp(doc, expr);
	if (strcmp(got, want) != 0)
		fail_msg("%s: got '%s', want '%s'", expr, got, want);
	free(got);
}

static void pptx_shapes_match_the_display_list(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *path = xasprintf("%s/deck.pptx", dir);
	struct dl_deck *d = hand_deck();
	assert_int_equal(dl_deck_check(d, stderr), 0);
	char err[256];
	assert_int_equal(pptx_write(d, path, err, sizeof err), 0);

	xmlDocPtr s = part(path, "ppt/slides/slide1.xml");
	/* the title placeholder: both runs, a line break between them */
	expect(s, "count(//p:sp[p:nvSpPr/p:nvPr/p:ph/@type='title'])", "1");
	expect(s, "count(//p:sp[p:nvSpPr/p:nvPr/p:ph]//a:r)", "2");
	expect(s, "string(//p:sp[p:nvSpPr/p:nvPr/p:ph]//a:r[1]/a:t)", "Title line one");
	expect(s, "count(//p:sp[p:nvSpPr/p:nvPr/p:ph]//a:br)", "1");
	expect(s, "string(//p:sp[p:nvSpPr/p:nvPr/p:ph]//a:spcPts/@val)", "2500");
	/* the rectangle: custom geometry in its box, dashed line */
	const char *rect = "(//p:sp[.//a:custGeom])[1]";
	char *q = xasprintf("concat(%s//a:off/@x, ' ', %s//a:off/@y, ' ', %s//a:ext/@cx, ' ', "
			    "%s//a:ext/@cy)", rect, rect, rect, rect);
	expect(s, q, "127000 254000 381000 508000");
	free(q);
	q = xasprintf("concat(%s//a:ln/@w, ' ', %s//a:ds/@d, ' ', %s//a:ds/@sp, ' ', "
		      "%s/p:spPr/a:solidFill/a:srgbClr/@val)", rect, rect, rect, rect);
	expect(s, q, "25400 150000 150000 F46A25");
	free(q);
	expect(s, "count((//p:sp[.//a:custGeom])[1]//a:lnTo)", "3");
	/* the body text: its own box, size, escaped text, top = baseline - ascent */
	const char *body = "//p:sp[p:nvSpPr/p:cNvSpPr/@txBox='1'][.//a:t='Body & <text>']";
	q = xasprintf("concat(%s//a:rPr/@sz, ' ', %s//a:off/@x, ' ', %s//a:off/@y, ' ', "
		      "%s//a:latin/@typeface)", body, body, body, body);
	expect(s, q, "1200 635000 1128539 DejaVu Sans");
	free(q);
	/* one text box per run outside the title */
	expect(s, "count(//p:sp[p:nvSpPr/p:cNvSpPr/@txBox='1'])", "2");
	expect(s, "count(//p:sp[p:nvSpPr/p:cNvSpPr/@txBox='1'][count(.//a:r)!=1])", "0");
	/* the figure: a group with its alternative text, holding its items */
	expect(s, "string(//p:grpSp/p:nvGrpSpPr/p:cNvPr/@descr)", "A line chart of something");
	expect(s, "count(//p:grpSp/p:sp)", "2");
	expect(s, "string(//p:grpSp//a:t)", "Axis label");
	/* the link jumps to slide 2 */
	xmlDocPtr s2;
	char *rid = xp(s, "string(//a:hlinkClick/@r:id)");
	expect(s, "string(//a:hlinkClick/@action)", "ppaction://hlinksldjump");
	xmlFreeDoc(s);
	xmlDocPtr r = part(path, "ppt/slides/_rels/slide1.xml.rels");
	q = xasprintf("string(//rel:Relationship[@Id='%s']/@Target)", rid);
	expect(r, q, "slide2.xml");
	free(q);
	free(rid);
	expect(r, "count(//rel:Relationship[contains(@Type, 'notesSlide')])", "1");
	/* the image: a picture over its box, its pixels a PNG part */
	expect(s2 = part(path, "ppt/slides/slide1.xml"),
	       "concat(count(//p:pic), ' ', //p:pic//a:off/@x, ' ', //p:pic//a:ext/@cx)",
	       "1 7620000 508000");
	rid = xp(s2, "string(//p:pic//a:blip/@r:embed)");
	xmlFreeDoc(s2);
	q = xasprintf("string(//rel:Relationship[@Id='%s']/@Target)", rid);
	expect(r, q, "../media/image1.png");
	free(q);
	free(rid);
	char *png = package_bytes(path, "ppt/media/image1.png");
	assert_memory_equal(png, "\x89PNG", 4);
	free(png);
	xmlFreeDoc(r);
	/* notes on the first slide only */
	xmlDocPtr n = part(path, "ppt/notesSlides/notesSlide1.xml");
	expect(n, "string(//p:sp[p:nvSpPr/p:nvPr/p:ph/@type='body']//a:t)", "Source: a survey");
	xmlFreeDoc(n);
	r = part(path, "ppt/slides/_rels/slide2.xml.rels");
	expect(r, "count(//rel:Relationship[contains(@Type, 'notesSlide')])", "0");
	xmlFreeDoc(r);
	/* two slides of 960 x 540 pt */
	xmlDocPtr pr = part(path, "ppt/presentation.xml");
	expect(pr, "concat(count(//p:sldId), ' ', //p:sldSz/@cx, ' ', //p:sldSz/@cy)",
	       "2 12192000 6858000");
	xmlFreeDoc(pr);
	xmlDocPtr core = part(path, "docProps/core.xml");
	expect(core, "string(/*/*[local-name()='created'])", "2026-03-01T00:00:00Z");
	xmlFreeDoc(core);

	dl_deck_free(d);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

static void pptx_bytes_do_not_depend_on_the_time_zone(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *a = xasprintf("%s/a.pptx", dir), *b = xasprintf("%s/b.pptx", dir);
	struct dl_deck *d = hand_deck();
	char err[256];
	const char *tz = getenv("TZ");
	char *saved = tz ? xstrdup(tz) : NULL;
	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(pptx_write(d, a, err, sizeof err), 0);
	setenv("TZ", "Pacific/Kiritimati", 1); /* UTC+14 */
	tzset();
	assert_int_equal(pptx_write(d, b, err, sizeof err), 0);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	size_t na, nb;
	char *x = jb_slurp(a, &na), *y = jb_slurp(b, &nb);
	assert_non_null(x);
	assert_non_null(y);
	assert_int_equal(na, nb);
	assert_memory_equal(x, y, na);
	free(x);
	free(y);
	free(saved);
	dl_deck_free(d);
	free(a);
	free(b);
	jb_rmtree(dir);
	free(dir);
}

static void pptx_write_failure_is_reported(void **state)
{
	(void)state;
	struct dl_deck *d = hand_deck();
	char err[256] = "";
	assert_int_equal(pptx_write(d, "/nonexistent-dir/x.pptx", err, sizeof err), -1);
	jb_expect_in(err, "/nonexistent-dir/x.pptx: No such file or directory", "error");
	dl_deck_free(d);
}

/* A table as chart_table lays one out, by hand: the box (100, 100) 200 pt
 * wide, rows 20 pt tall, text 10 pt centred in its row, 5 pt in from the
 * cell's side; the first column left-aligned, the second right-aligned; a
 * rule under the header, a band on the last row; the first cell of the
 * middle row empty (nothing drawn, no TD).
 *
 * Hand working (DejaVu Sans, Book and Bold alike: ascent 1901/2048 em,
 * descent 483/2048 em, so at 10 pt 9.2822266 and 2.3583984 pt):
 *   baseline of row r = 100 + 20 r + 10 + (9.2822266 - 2.3583984) / 2
 *                     = 113.4619141 + 20 r
 *   rows 100, 120, 140, 160              -> off y 1270000, each tr h 254000
 *   (the rule says 120, the band 140 and 160, 100 is as far above row 0's
 *   text, 104.1796875, as 120 is below it, 116.3583984)
 *   top margin = 104.1796875 - 100 = 4.1796875 pt        -> marT 53082
 *   width 200 pt                         -> cx 2540000 = the gridCols' sum
 *   first column's text 5 pt in from x 100  -> marL 63500, marR 0
 *   second column's text ends 5 pt before 300 -> marR 63500, marL 0
 *   rule 1 pt #3D3D3D                    -> header lnB and row 2 lnT w 12700
 */
static void hand_table(struct dl_page *p, int with_link)
{
	double b0 = 100 + 10 + (font_ascent(DL_REGULAR, 10) - font_descent(DL_REGULAR, 10)) / 2;
	const char *cells[3][2] = {{"Name", "Count"}, {NULL, "12"}, {"b", "7"}};
	dl_tag_begin(p, DL_ROLE_TABLE);
	for (int r = 0; r < 3; r++) {
		dl_tag_begin(p, DL_ROLE_TR);
		if (r == 2)
			dl_rect(p, 100, 140, 200, 20, (struct dl_style){.fill = DL_RGB(0xF3F5F8)});
		enum dl_font f = r == 0 ? DL_BOLD : DL_REGULAR;
		for (int j = 0; j < 2; j++) {
			const char *s = cells[r][j];
			if (!s)
				continue;
			dl_tag_begin(p, r == 0 ? DL_ROLE_TH : DL_ROLE_TD);
			double x = j == 0 ? 105 : 295 - font_width(f, 10, s);
			dl_text(p, x, b0 + 20 * r, f, 10, DL_RGB(0x222222), s);
			dl_tag_end(p);
		}
		dl_tag_end(p);
		if (r == 0)
			dl_segment(p, 100, 120, 300, 120, DL_RGB(0x3D3D3D), 1);
	}
	if (with_link)
		dl_link(p, 100, 100, 50, 20, 0);
	dl_tag_end(p);
}

static void pptx_table_is_a_table(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *path = xasprintf("%s/table.pptx", dir);
	struct dl_deck *d = dl_deck_new();
	dl_deck_meta(d, "t", "a", "s", "k", 1772323200);
	hand_table(dl_page_add(d, "grid"), 0);
	hand_table(dl_page_add(d, "not a grid"), 1);
	assert_int_equal(dl_deck_check(d, stderr), 0);
	char err[256];
	assert_int_equal(pptx_write(d, path, err, sizeof err), 0);

	xmlDocPtr s = part(path, "ppt/slides/slide1.xml");
	const char *f = "//p:graphicFrame";
	expect(s, "count(//p:graphicFrame) + count(//p:sp)", "1");
	expect(s, "string(//a:graphicData/@uri)", "http://schemas.openxmlformats.org/drawingml/2006/table");
	char *q = xasprintf("concat(%s/p:xfrm/a:off/@x, ' ', %s/p:xfrm/a:off/@y, ' ', "
			    "%s/p:xfrm/a:ext/@cx, ' ', %s/p:xfrm/a:ext/@cy)", f, f, f, f);
	expect(s, q, "1270000 1270000 2540000 762000");
	free(q);
	expect(s, "concat(count(//a:gridCol), ' ', sum(//a:gridCol/@w))", "2 2540000");
	expect(s, "concat(count(//a:tr[@h='254000']), ' ', count(//a:tr))", "3 3");
	expect(s, "string(//a:tblPr/@firstRow)", "1");
	/* the header's text, bold; the empty cell an empty paragraph at 10 pt */
	expect(s, "concat(//a:tr[1]/a:tc[1]//a:t, ' ', //a:tr[1]/a:tc[2]//a:t, ' ', "
		  "//a:tr[1]/a:tc[1]//a:rPr/@b, ' ', //a:tr[2]/a:tc[2]//a:rPr/@b)",
	       "Name Count 1 0");
	expect(s, "concat(count(//a:tr[2]/a:tc[1]//a:r), ' ', //a:tr[2]/a:tc[1]//a:endParaRPr/@sz)",
	       "0 1000");
	expect(s, "concat(//a:tr[2]/a:tc[2]//a:t, ' ', //a:tr[3]/a:tc[1]//a:t)", "12 b");
	/* margins and alignment keep the text where it was (the empty cell
	 * takes its row's and column's, for what is typed into it) */
	expect(s, "count(//a:tc/a:tcPr[@marT='53082'])", "6");
	expect(s, "concat(//a:tr[2]/a:tc[1]/a:tcPr/@marL, ' ', //a:tr[2]/a:tc[1]//a:pPr/@algn)",
	       "63500 l");
	expect(s, "concat(//a:tr[3]/a:tc[1]/a:tcPr/@marL, ' ', //a:tr[3]/a:tc[1]/a:tcPr/@marR, ' ', "
		  "//a:tr[3]/a:tc[1]//a:pPr/@algn)", "63500 0 l");
	expect(s, "concat(//a:tr[1]/a:tc[2]/a:tcPr/@marL, ' ', //a:tr[1]/a:tc[2]/a:tcPr/@marR, ' ', "
		  "//a:tr[1]/a:tc[2]//a:pPr/@algn)", "0 63500 r");
	/* the rule between the header and the next row, the band a fill */
	expect(s, "concat(//a:tr[1]/a:tc[1]/a:tcPr/a:lnB/@w, ' ', "
		  "//a:tr[1]/a:tc[2]/a:tcPr/a:lnB//a:srgbClr/@val, ' ', //a:tr[2]/a:tc[1]/a:tcPr/a:lnT/@w)",
	       "12700 3D3D3D 12700");
	expect(s, "count(//a:tr[2]/a:tc/a:tcPr/a:lnB/a:noFill)", "2");
	expect(s, "concat(count(//a:tr[3]/a:tc/a:tcPr/a:solidFill/a:srgbClr[@val='F3F5F8']), ' ', "
		  "count(//a:tr[1]/a:tc/a:tcPr/a:noFill))", "2 2");
	xmlFreeDoc(s);

	/* a link inside: not a grid, its text boxes and shapes as before */
	s = part(path, "ppt/slides/slide2.xml");
	expect(s, "concat(count(//a:tbl), ' ', count(//p:sp[p:nvSpPr/p:cNvSpPr/@txBox='1']), ' ', "
		  "count(//p:sp[.//a:custGeom]), ' ', count(//a:hlinkClick))", "0 5 2 1");
	xmlFreeDoc(s);
	dl_deck_free(d);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

/* A table of one row and two cells at x0 and x1 (the second on baseline
 * y1), with a band from bx0 to bx1 when bx1 > bx0. */
static int one_row_grid(double x0, double x1, double y1, double bx0, double bx1)
{
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "x");
	int tag = dl_tag_begin(p, DL_ROLE_TABLE);
	dl_tag_begin(p, DL_ROLE_TR);
	if (bx1 > bx0)
		dl_rect(p, bx0, 90, bx1 - bx0, 20, (struct dl_style){.fill = DL_RGB(0xF3F5F8)});
	dl_tag_begin(p, DL_ROLE_TD);
	dl_text(p, x0, 104, DL_REGULAR, 10, DL_RGB(0), "left");
	dl_tag_end(p);
	dl_tag_begin(p, DL_ROLE_TD);
	dl_text(p, x1, y1, DL_REGULAR, 10, DL_RGB(0), "right");
	dl_tag_end(p);
	dl_tag_end(p);
	dl_tag_end(p);
	struct pt_table t;
	int rc = pt_table_read(p, (size_t)tag, 1, &t);
	if (rc == 0) {
		assert_int_equal(t.nrows, 1);
		assert_int_equal(t.ncols, 2);
		pt_table_free(&t);
	}
	dl_deck_free(d);
	return rc;
}

/* What a grid cannot say is refused, not guessed at. */
static void pptx_table_refuses_what_is_not_a_grid(void **state)
{
	(void)state;
	assert_int_equal(one_row_grid(100, 200, 104, 0, 0), 0);
	assert_int_equal(one_row_grid(100, 200, 104, 90, 300), 0);
	assert_int_equal(one_row_grid(100, 110, 104, 0, 0), -1);  /* the cells overlap */
	assert_int_equal(one_row_grid(100, 200, 154, 0, 0), 0);   /* one row: a tall one */
	assert_int_equal(one_row_grid(100, 200, 104, 90, 150), -1); /* the band short of a cell */
	assert_int_equal(one_row_grid(100, 200, 104, 150, 300), -1);
}

static unsigned long le(const unsigned char *p, int n)
{
	unsigned long v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* The EOT header of an embedded face, against the W3C EOT submission's
 * layout (version 0x00020001, little-endian):
 *   0 EOTSize  4 FontDataSize  8 Version  12 Flags (1: subset)
 *   16 PANOSE[10]  26 Charset (1)  27 Italic  28 Weight  32 fsType
 *   34 MagicNumber 0x504C  ...  80 Padding1  82 FamilyNameSize, the name
 *   then Padding2, StyleNameSize, the style; the font data last, a
 *   TrueType font (0x00010000). DejaVu Sans: weight 400 Book, 700 Bold;
 *   fsType 0 (installable embedding, read from the TTFs' OS/2 table); its
 *   licence text, name 13 (UTF-16BE), begins "Fonts are (c) Bitstream". */
static void expect_eot(const char *path, const char *part_name, unsigned weight, const char *style)
{
	size_t len;
	unsigned char *e = (unsigned char *)part_bytes(path, part_name, &len);
	assert_true(len > 200);
	assert_int_equal(le(e, 4), len);
	assert_int_equal(le(e + 8, 4), 0x00020001);
	assert_int_equal(le(e + 12, 4), 1);
	assert_int_equal(e[26], 1);
	assert_int_equal(e[27], 0);
	assert_int_equal(le(e + 28, 4), weight);
	assert_int_equal(le(e + 32, 2), 0);
	assert_int_equal(le(e + 34, 2), 0x504C);
	assert_int_equal(le(e + 80, 2), 0);
	assert_int_equal(le(e + 82, 2), 22); /* "DejaVu Sans" in UTF-16 */
	assert_memory_equal(e + 84, "D\0e\0j\0a\0V\0u\0 \0S\0a\0n\0s\0", 22);
	size_t sl = le(e + 108, 2);
	assert_int_equal(sl, 2 * strlen(style));
	for (size_t i = 0; i < strlen(style); i++)
		assert_int_equal(e[110 + 2 * i], style[i]);
	size_t data = le(e + 4, 4);
	assert_int_equal(le(e + len - data, 4), 0x00000100); /* 00 01 00 00 read little-endian */
	/* the font inside keeps DejaVu's licence (name 13), as the licence asks */
	FT_Library lib;
	FT_Face face;
	assert_int_equal(FT_Init_FreeType(&lib), 0);
	assert_int_equal(FT_New_Memory_Face(lib, e + len - data, (FT_Long)data, 0, &face), 0);
	assert_string_equal(face->family_name, "DejaVu Sans");
	assert_string_equal(face->style_name, style);
	int licence = 0;
	for (FT_UInt i = 0; i < FT_Get_Sfnt_Name_Count(face); i++) {
		FT_SfntName nm;
		assert_int_equal(FT_Get_Sfnt_Name(face, i, &nm), 0);
		static const char want[] = "\0F\0o\0n\0t\0s\0 \0a\0r\0e\0 \0(\0c\0)\0 \0B\0i\0t";
		licence |= nm.name_id == 13 && nm.platform_id == 3 && nm.string_len >= sizeof want - 1 &&
			   memcmp(nm.string, want, sizeof want - 1) == 0;
	}
	assert_true(licence);
	FT_Done_Face(face);
	FT_Done_FreeType(lib);
	free(e);
}

static void pptx_fonts_are_embedded(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *path = xasprintf("%s/deck.pptx", dir);
	struct dl_deck *d = hand_deck();
	char err[256];
	assert_int_equal(pptx_write(d, path, err, sizeof err), 0);
	xmlDocPtr pr = part(path, "ppt/presentation.xml");
	expect(pr, "concat(/p:presentation/@embedTrueTypeFonts, //p:embeddedFont/p:font/@typeface)",
	       "1DejaVu Sans");
	char *reg = xp(pr, "string(//p:embeddedFont/p:regular/@r:id)");
	char *bold = xp(pr, "string(//p:embeddedFont/p:bold/@r:id)");
	xmlFreeDoc(pr);
	xmlDocPtr r = part(path, "ppt/_rels/presentation.xml.rels");
	char *q = xasprintf("concat(//rel:Relationship[@Id='%s']/@Target, ' ', "
			    "//rel:Relationship[@Id='%s']/@Target)", reg, bold);
	expect(r, q, "fonts/font1.fntdata fonts/font2.fntdata");
	free(q);
	expect(r, "count(//rel:Relationship[@Type='http://schemas.openxmlformats.org/"
		  "officeDocument/2006/relationships/font'])", "2");
	xmlFreeDoc(r);
	free(reg);
	free(bold);
	xmlDocPtr ct = part(path, "[Content_Types].xml");
	expect(ct, "string(//*[@Extension='fntdata']/@ContentType)", "application/x-fontdata");
	xmlFreeDoc(ct);
	expect_eot(path, "ppt/fonts/font1.fntdata", 400, "Book");
	expect_eot(path, "ppt/fonts/font2.fntdata", 700, "Bold");
	dl_deck_free(d);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

static void add_name(void *ctx, const char *rel)
{
	char **list = ctx;
	char *s = xasprintf("%s%s ", *list, rel);
	free(*list);
	*list = s;
}

static void svg_a_file_per_slide_and_figure(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	struct dl_deck *d = hand_deck();
	char err[256];
	assert_int_equal(svg_write_deck(d, dir, "deck", err, sizeof err), 0);
	char *names = xstrdup("");
	svg_deck_files(d, "deck", add_name, &names);
	assert_string_equal(names, "svg/deck/01.svg svg/deck/01-1.svg svg/deck/02.svg ");
	free(names);

	char *p = xasprintf("%s/svg/deck/01.svg", dir);
	xmlDocPtr s = xmlReadFile(p, NULL, XML_PARSE_NONET);
	assert_non_null(s);
	expect(s, "string(/svg:svg/svg:title)", "Title line one and line two");
	expect(s, "string(/svg:svg/@viewBox)", "0 0 960 540");
	expect(s, "count(//svg:text)", "4");
	expect(s, "string(//svg:text[2])", "and line two");
	expect(s, "concat(//svg:text[3]/@x, ' ', //svg:text[3]/@y, ' ', //svg:text[3]/@font-size)",
	       "50.00 100.00 12.00");
	expect(s, "string(//svg:text[1]/@font-weight)", "bold");
	xmlFreeDoc(s);
	free(p);

	p = xasprintf("%s/svg/deck/01-1.svg", dir);
	s = xmlReadFile(p, NULL, XML_PARSE_NONET);
	assert_non_null(s);
	expect(s, "string(/svg:svg/@viewBox)", "0 0 300 150");
	expect(s, "string(/svg:svg/svg:desc)", "A line chart of something");
	expect(s, "count(//svg:text)", "1");
	expect(s, "concat(//svg:text/@x, ' ', //svg:text/@y, ' ', //svg:text/@fill, ' ', //svg:text)",
	       "20.00 60.00 #6F6F6F Axis label");
	xmlFreeDoc(s);
	free(p);

	assert_true(svg_is_file_name("01.svg"));
	assert_true(svg_is_file_name("12-3.svg"));
	assert_false(svg_is_file_name("notes.svg"));
	assert_false(svg_is_file_name("01-.svg"));
	assert_false(svg_is_file_name("01.svg.bak"));
	dl_deck_free(d);
	jb_rmtree(dir);
	free(dir);
}

static void span_misuse_is_counted(void **state)
{
	(void)state;
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "x");
	dl_span_end(p, 3);                                  /* never begun */
	size_t a = dl_span_begin(p, DL_SPAN_FIGURE, 0, 0, 10, 10);
	dl_text(p, 1, 9, DL_REGULAR, 8, DL_RGB(0), "a");
	dl_span_begin(p, DL_SPAN_TITLE, 0, 0, 10, 10);      /* nested: ends the first */
	dl_text(p, 1, 9, DL_REGULAR, 8, DL_RGB(0), "b");
	assert_int_equal(p->spans[a].end, 1);
	assert_int_equal(p->misuse, 2);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(dl_deck_check(d, f), 2); /* the misuse, and a span never ended */
	fclose(f);
	jb_expect_in(buf, "span begun and never ended", "check");
	free(buf);
	dl_deck_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pptx_shapes_match_the_display_list),
		cmocka_unit_test(pptx_bytes_do_not_depend_on_the_time_zone),
		cmocka_unit_test(pptx_write_failure_is_reported),
		cmocka_unit_test(pptx_table_is_a_table),
		cmocka_unit_test(pptx_table_refuses_what_is_not_a_grid),
		cmocka_unit_test(pptx_fonts_are_embedded),
		cmocka_unit_test(svg_a_file_per_slide_and_figure),
		cmocka_unit_test(span_misuse_is_counted),
	};
	int rc = cmocka_run_group_tests(tests, jb_fonts_up, jb_fonts_down);
	xmlCleanupParser();
	return rc;
}
