/* tests/test_render.c - the display list, text measurement and the two
 * backends (PDF through libharu, PNG through cairo). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>
#include <json-c/json.h>

#include "../render/display/display.h"
#include "../render/display/font.h"
#include "../render/display/pdf.h"
#include "../render/display/png.h"
#include "../util/xalloc.h"

/* Reference advances read independently of FreeType with fontTools from
 * the TTFs' hmtx tables (/usr/bin/python3, python3-fonttools 4.38):
 *
 *   from fontTools.ttLib import TTFont
 *   f = TTFont('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')
 *   cmap = f.getBestCmap(); hm = f['hmtx']
 *   [hm[cmap[ord(c)]][0] for c in 'Hello'], f['head'].unitsPerEm,
 *   f['hhea'].ascent, f['hhea'].descent
 *
 * DejaVuSans.ttf:      H e l l o = 1540 1260 569 569 1253 (sum 5191),
 *                      unitsPerEm 2048, hhea ascent 1901, descent -483,
 *                      '£' 1303, '—' 2048, U+FFFD 2100, ' ' 651.
 * DejaVuSans-Bold.ttf: H e l l o = 1714 1389 702 702 1407 (sum 5914).
 */
#define UPEM 2048.0

static void width_is_sum_of_hmtx_advances(void **state)
{
	(void)state;
	assert_close(font_width(DL_REGULAR, 10, "Hello"), 5191 * 10 / UPEM, 1e-12);
	assert_close(font_width(DL_BOLD, 10, "Hello"), 5914 * 10 / UPEM, 1e-12);
	/* Cached second lookup gives the same. */
	assert_close(font_width(DL_REGULAR, 10, "Hello"), 5191 * 10 / UPEM, 1e-12);
	assert_close(font_width(DL_REGULAR, 12, "£—"), (1303 + 2048) * 12 / UPEM, 1e-12);
	/* A stray continuation byte is one U+FFFD, a truncated sequence one
	 * U+FFFD per byte. */
	assert_close(font_width(DL_REGULAR, 10, "\x80H\xE2\x80"),
		     (2100 + 1540 + 2 * 2100) * 10 / UPEM, 1e-12);
	assert_close(font_ascent(DL_REGULAR, 20), 1901 * 20 / UPEM, 1e-12);
	assert_close(font_descent(DL_REGULAR, 20), 483 * 20 / UPEM, 1e-12);
	assert_true(font_width(DL_REGULAR, 10, "") == 0);
}

static void utf8_decoding(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(font_utf8_next("\xC2\xA3", &cp), 2); /* £ */
	assert_int_equal(cp, 0xA3);
	assert_int_equal(font_utf8_next("\xE2\x80\x94", &cp), 3); /* — */
	assert_int_equal(cp, 0x2014);
	assert_int_equal(font_utf8_next("\xF0\x9F\x98\x80", &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(font_utf8_next("\xC0\xAF", &cp), 1); /* overlong '/' */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(font_utf8_next("\xED\xA0\x80", &cp), 1); /* surrogate */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(font_utf8_next("\xE2\x80", &cp), 1); /* truncated at NUL */
	assert_int_equal(cp, 0xFFFD);
}

static void wrap_is_greedy(void **state)
{
	(void)state;
	char **l;
	/* Regular at 10 pt: "aa" = 2 * 1255 units, space 651. A limit of
	 * exactly "aa aa" (2*2510 + 651 = 5671 units) fits two words a line. */
	double aa = font_width(DL_REGULAR, 10, "aa");
	assert_close(aa, 2510 * 10 / UPEM, 1e-12);
	double w = 5671 * 10 / UPEM;
	size_t n = font_wrap(DL_REGULAR, 10, "aa aa aa  aa aa", w, &l);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "aa aa");
	/* Two spaces are wider than the limit allows: "aa" alone. */
	assert_string_equal(l[1], "aa");
	assert_string_equal(l[2], "aa aa");
	font_lines_free(l, n);

	/* A word wider than the line stands alone; newlines break. */
	n = font_wrap(DL_REGULAR, 10, "a verylongwordindeed b\n\nc", 20, &l);
	assert_int_equal(n, 5);
	assert_string_equal(l[0], "a");
	assert_string_equal(l[1], "verylongwordindeed");
	assert_string_equal(l[2], "b");
	assert_string_equal(l[3], "");
	assert_string_equal(l[4], "c");
	font_lines_free(l, n);

	n = font_wrap(DL_REGULAR, 10, "   ", 100, &l);
	assert_int_equal(n, 0);
	font_lines_free(l, n);
	font_lines_free(NULL, 0);
}

static void display_builds_dumps_and_checks(void **state)
{
	(void)state;
	struct dl_deck *d = dl_deck_new();
	dl_deck_meta(d, "Test \"deck\"", "me", "subj", "k1, k2", 1700000000);
	struct dl_page *p = dl_page_add(d, "One");
	struct dl_style s = {.fill = DL_RGB(0x12436D), .stroke = DL_NONE};
	dl_rect(p, 10, 20, 30, 40, s);
	dl_segment(p, 0, 0, 5, 5, DL_RGB(0xFF0000), 0.5);
	dl_text(p, 50, 60, DL_BOLD, 12, DL_RGB(0x222222), "A\xFF" "b");
	dl_link(p, 1, 2, 3, 4, 1);
	unsigned char px[6] = {255, 0, 0, 0, 0, 255};
	dl_image(p, 5, 6, 7, 8, 2, 1, px);
	dl_page_add(d, NULL);

	/* The invalid byte was stored as U+FFFD. */
	assert_string_equal(p->items[2].u.text.utf8, "A\xEF\xBF\xBD" "b");

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	dl_deck_dump(d, f);
	fclose(f);
	/* CRC-32 of the 6 pixel bytes: python3 -c 'import zlib;
	 * print("%08X" % zlib.crc32(bytes([255,0,0,0,0,255])))' */
	const char *want =
		"deck title=\"Test \\\"deck\\\"\" author=\"me\" subject=\"subj\" keywords=\"k1, k2\" "
		"creator=\"jembrief\" epoch=1700000000 pages=2\n"
		"page 0 outline=\"One\" items=5\n"
		"  path fill=#12436DFF stroke=none width=0.00 dash=0.00 M 10.00 20.00 L 40.00 20.00 "
		"L 40.00 60.00 L 10.00 60.00 Z\n"
		"  path fill=none stroke=#FF0000FF width=0.50 dash=0.00 M 0.00 0.00 L 5.00 5.00\n"
		"  text 50.00 60.00 bold 12.00 #222222FF \"A\xEF\xBF\xBD" "b\"\n"
		"  link 1.00 2.00 3.00 4.00 -> 1\n"
		"  image 5.00 6.00 7.00 8.00 2x1 crc32=%s\n"
		"page 1 outline=\"\" items=0\n";
	char *crc = jb_run("/usr/bin/python3 -c 'import zlib; print(\"%08X\" % "
			   "zlib.crc32(bytes([255,0,0,0,0,255])), end=\"\")'",
			   &(int){0});
	char *expect = xasprintf(want, crc);
	assert_string_equal(buf, expect);
	free(expect);
	free(crc);
	free(buf);

	assert_int_equal(dl_deck_check(d, NULL), 0);
	dl_deck_free(d);
	dl_deck_free(NULL);
}

static void check_finds_problems(void **state)
{
	(void)state;
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "Only");
	struct dl_style s = {.stroke = DL_RGB(0), .width = 1};
	dl_line(p, 1, 1);             /* no path begun: misuse */
	dl_path_begin(p);
	dl_line(p, 1, 1);             /* line before move: misuse */
	dl_path_end(p, s);
	dl_link(p, 0, 0, 10, 10, 1); /* page 1 does not exist */
	dl_text(p, 900, 100, DL_REGULAR, 12, DL_RGB(0), "runs off the right edge");
	dl_image(p, 0, 0, 10, 10, 0, 0, NULL);
	dl_circle(p, 100, 100, 50, s);
	dl_path_begin(p);              /* never ended */
	dl_move(p, 0, 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(dl_deck_check(d, f), 5);
	fclose(f);
	assert_non_null(strstr(buf, "page 0 item 5: path begun and never ended"));
	assert_non_null(strstr(buf, "2 path or span call(s) out of order"));
	assert_non_null(strstr(buf, "link targets a page that does not exist"));
	assert_non_null(strstr(buf, "text runs outside the page"));
	assert_non_null(strstr(buf, "image has no pixels"));
	free(buf);

	/* The circle stays within 0.05 pt of radius 50 and is closed. */
	const struct dl_item *c = &p->items[4];
	assert_int_equal(c->kind, DL_PATH);
	assert_true(c->u.path.npts >= 70);
	assert_int_equal(c->u.path.ops[c->u.path.nops - 1], DL_CLOSE);
	dl_deck_free(d);
}

/* ---- the backends ---- */

#define FILL 0x28A197 /* the filled rectangle, 100..300 x 100..200 pt */
#define TEXT1 "£1,234 — fell 12%"

/* Two pages: text with non-ASCII UTF-8, a filled rectangle, a half
 * transparent red disc, a link from page 1 to page 2 and a 4x4 image. */
static struct dl_deck *small_deck(void)
{
	struct dl_deck *d = dl_deck_new();
	dl_deck_meta(d, "Camden — crime briefing", "jembrief tests", "Recorded crime",
		     "crime, Camden", 1700000000); /* 2023-11-14T22:13:20Z */
	struct dl_page *p = dl_page_add(d, "Summary — £ and ≥");
	dl_rect(p, 100, 100, 200, 100, (struct dl_style){.fill = DL_RGB(FILL)});
	dl_circle(p, 500, 300, 60,
		  (struct dl_style){.fill = {255, 0, 0, 128}, .stroke = DL_RGB(0x12436D),
				    .width = 2, .dash = 3});
	dl_segment(p, 100, 250, 300, 250, DL_RGB(0x801650), 1); /* solid after dashed */
	dl_text(p, 100, 300, DL_REGULAR, 24, DL_RGB(0x222222), TEXT1);
	dl_link(p, 100, 100, 200, 100, 1);
	unsigned char px[4 * 4 * 3];
	for (int i = 0; i < 16; i++) { /* pixel i = (10 i, 255 - 10 i, 7) */
		px[3 * i] = (unsigned char)(10 * i);
		px[3 * i + 1] = (unsigned char)(255 - 10 * i);
		px[3 * i + 2] = 7;
	}
	dl_image(p, 700, 50, 100, 100, 4, 4, px);
	struct dl_page *q = dl_page_add(d, "Detail");
	dl_text(q, 50, 50, DL_BOLD, 12, DL_RGB(0), "Page two");
	return d;
}

static char *write_pdf(const char *dir, const char *name, const struct dl_deck *d,
		       const struct pdf_options *opt)
{
	char *path = xasprintf("%s/%s", dir, name);
	char err[512] = "";
	int rc = pdf_write(d, path, opt, err, sizeof err);
	if (rc)
		print_error("%s\n", err);
	assert_int_equal(rc, 0);
	return path;
}

static char *run_ok(const char *fmt, const char *path)
{
	char *cmd = xasprintf(fmt, path);
	int st;
	char *out = jb_run(cmd, &st);
	if (st != 0)
		print_error("%s -> %d\n%s\n", cmd, st, out);
	assert_int_equal(st, 0);
	free(cmd);
	return out;
}

static void pdf_is_valid_and_text_round_trips(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	assert_int_equal(dl_deck_check(d, stderr), 0);
	char *dir = jb_tmpdir();
	char *pdf = write_pdf(dir, "deck.pdf", d, NULL);

	char *out = run_ok("qpdf --check '%s' 2>&1", pdf);
	assert_non_null(strstr(out, "No syntax or stream encoding errors found"));
	free(out);

	/* The embedded fonts' ToUnicode maps give back the exact UTF-8. */
	out = run_ok("pdftotext '%s' - 2>&1", pdf);
	assert_string_equal(out, TEXT1 "\n\n\fPage two\n\n\f");
	free(out);

	out = run_ok("pdfinfo -isodates '%s'", pdf);
	assert_non_null(strstr(out, "Title:           Camden — crime briefing\n"));
	assert_non_null(strstr(out, "Author:          jembrief tests\n"));
	assert_non_null(strstr(out, "Subject:         Recorded crime\n"));
	assert_non_null(strstr(out, "Keywords:        crime, Camden\n"));
	assert_non_null(strstr(out, "Creator:         jembrief\n"));
	assert_non_null(strstr(out, "CreationDate:    2023-11-14T22:13:20Z\n"));
	assert_non_null(strstr(out, "ModDate:         2023-11-14T22:13:20Z\n"));
	assert_non_null(strstr(out, "Pages:           2\n"));
	assert_non_null(strstr(out, "Page size:       960 x 540 pts\n"));
	assert_non_null(strstr(out, "Encrypted:       no\n"));
	free(out);

	out = run_ok("qpdf --show-npages '%s'", pdf);
	assert_string_equal(out, "2\n");
	free(out);

	/* Both fonts embedded, subset, with a Unicode map: emb sub uni. */
	out = run_ok("pdffonts '%s'", pdf);
	assert_non_null(strstr(out, "+DejaVuSans                    CID TrueType      "
				    "Identity-H       yes yes yes"));
	assert_non_null(strstr(out, "+DejaVuSans-Bold               CID TrueType      "
				    "Identity-H       yes yes yes"));
	free(out);
	/* Each font cut to the characters it shows (issue 12): /W names no
	 * other code, and the font program is under 40 KB (libharu's own
	 * embedding of DejaVu Sans was ~150 KB whatever the text). pikepdf
	 * reads the file independently of libharu. */
	out = run_ok("/usr/bin/python3 -c \"import pikepdf, sys\n"
		     "p = pikepdf.open(sys.argv[1])\n"
		     "for k, f in p.pages[0].Resources.Font.items():\n"
		     "  c = f.DescendantFonts[0]; w = list(c.W); i = 0; cids = set()\n"
		     "  while i < len(w): cids |= set(range(int(w[i]), int(w[i]) + len(w[i + 1]))); i += 2\n"
		     "  n = len(c.FontDescriptor.FontFile2.read_bytes())\n"
		     "  print(str(f.BaseFont).split('+')[1], ''.join(map(chr, sorted(cids))), n < 40000)\n"
		     "\" '%s'", pdf);
	assert_string_equal(out, "DejaVuSans  %,1234efl\u00a3\u2014 True\n");
	free(out);
	out = run_ok("/usr/bin/python3 -c \"import pikepdf, sys\n"
		     "p = pikepdf.open(sys.argv[1])\n"
		     "for k, f in p.pages[1].Resources.Font.items():\n"
		     "  c = f.DescendantFonts[0]; w = list(c.W); i = 0; cids = set()\n"
		     "  while i < len(w): cids |= set(range(int(w[i]), int(w[i]) + len(w[i + 1]))); i += 2\n"
		     "  print(str(f.BaseFont).split('+')[1], ''.join(map(chr, sorted(cids))))\n"
		     "\" '%s'", pdf);
	assert_string_equal(out, "DejaVuSans-Bold  Paegotw\n");
	free(out);

	out = run_ok("pdfimages -list '%s'", pdf);
	assert_non_null(strstr(out, "   1     0 image       4     4  rgb     3   8"));
	free(out);

	free(pdf);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

static struct json_object *jget(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;
	if (!json_object_object_get_ex(o, key, &v))
		fail_msg("no key %s", key);
	return v;
}

static void pdf_outline_labels_and_link(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	char *dir = jb_tmpdir();
	char *pdf = write_pdf(dir, "deck.pdf", d, NULL);
	char *out = run_ok("qpdf --json=2 --json-key=outlines --json-key=pages "
			   "--json-key=qpdf '%s'", pdf);
	struct json_object *j = json_tokener_parse(out);
	assert_non_null(j);

	struct json_object *pages = jget(j, "pages");
	assert_int_equal(json_object_array_length(pages), 2);
	const char *page2 = json_object_get_string(jget(json_object_array_get_idx(pages, 1), "object"));
	for (size_t i = 0; i < 2; i++) {
		struct json_object *label = jget(json_object_array_get_idx(pages, i), "label");
		assert_string_equal(json_object_get_string(jget(label, "/S")), "/D");
		assert_int_equal(json_object_get_int(jget(label, "/St")), (int)i + 1);
	}

	struct json_object *ol = jget(j, "outlines");
	assert_int_equal(json_object_array_length(ol), 2);
	const char *titles[2] = {"Summary — £ and ≥", "Detail"};
	for (size_t i = 0; i < 2; i++) {
		struct json_object *e = json_object_array_get_idx(ol, i);
		assert_string_equal(json_object_get_string(jget(e, "title")), titles[i]);
		assert_int_equal(json_object_get_int(jget(e, "destpageposfrom1")), (int)i + 1);
	}

	/* The one link annotation: rectangle flipped to PDF space (y up from
	 * the bottom of a 540 pt page: 540 - 200 = 340 .. 540 - 100 = 440), no
	 * border, destination page 2 shown whole. */
	struct json_object *objs = json_object_array_get_idx(jget(j, "qpdf"), 1);
	int links = 0;
	json_object_object_foreach(objs, key, val) {
		(void)key;
		struct json_object *v, *sub;
		if (!json_object_object_get_ex(val, "value", &v) ||
		    !json_object_is_type(v, json_type_object) ||
		    !json_object_object_get_ex(v, "/Subtype", &sub) ||
		    strcmp(json_object_get_string(sub), "/Link") != 0)
			continue;
		links++;
		struct json_object *r = jget(v, "/Rect");
		double want[4] = {100, 340, 300, 440};
		for (size_t i = 0; i < 4; i++)
			assert_close(json_object_get_double(json_object_array_get_idx(r, i)), want[i], 1e-9);
		struct json_object *b = jget(v, "/Border");
		assert_int_equal(json_object_get_int(json_object_array_get_idx(b, 2)), 0);
		char *ref = xasprintf("obj:%s", json_object_get_string(jget(v, "/Dest")));
		struct json_object *dest = jget(jget(objs, ref), "value");
		assert_string_equal(json_object_get_string(json_object_array_get_idx(dest, 0)), page2);
		assert_string_equal(json_object_get_string(json_object_array_get_idx(dest, 1)), "/Fit");
		free(ref);
	}
	assert_int_equal(links, 1);
	json_object_put(j);
	free(out);
	free(pdf);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

static int same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *x = jb_slurp(a, &na), *y = jb_slurp(b, &nb);
	int same = x && y && na == nb && memcmp(x, y, na) == 0;
	free(x);
	free(y);
	return same;
}

static void pdf_is_byte_identical(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	char *dir = jb_tmpdir();
	struct pdf_options enc = {.owner_password = "owner-secret", .allow_print = 1};
	char *a = write_pdf(dir, "a.pdf", d, NULL);
	char *ea = write_pdf(dir, "ea.pdf", d, &enc);
	/* libharu's own saver puts time(NULL) into an encrypted file's ID:
	 * cross a second boundary so that would show. */
	sleep(1);
	char *b = write_pdf(dir, "b.pdf", d, NULL);
	char *eb = write_pdf(dir, "eb.pdf", d, &enc);
	assert_true(same_file(a, b));
	assert_true(same_file(ea, eb));
	assert_false(same_file(a, ea));
	/* A different deck gets a different file (and document ID). */
	dl_text(d->pages[1], 50, 80, DL_REGULAR, 12, DL_RGB(0), "more");
	char *c = write_pdf(dir, "c.pdf", d, NULL);
	assert_false(same_file(a, c));
	/* No temporary left behind. */
	char *ls = run_ok("ls '%s'", dir);
	assert_string_equal(ls, "a.pdf\nb.pdf\nc.pdf\nea.pdf\neb.pdf\n");
	free(ls);
	free(a);
	free(b);
	free(c);
	free(ea);
	free(eb);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

static void pdf_encryption_and_permissions(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	char *dir = jb_tmpdir();
	struct pdf_options opt = {.owner_password = "owner-secret", .user_password = "reader",
				  .allow_print = 1, .allow_copy = 0};
	char *pdf = write_pdf(dir, "locked.pdf", d, &opt);
	char *out = run_ok("qpdf --password=reader --show-encryption '%s'", pdf);
	assert_non_null(strstr(out, "R = 6\n"));
	assert_non_null(strstr(out, "stream encryption method: AESv3\n"));
	assert_non_null(strstr(out, "extract for accessibility: allowed\n"));
	assert_non_null(strstr(out, "extract for any purpose: not allowed\n"));
	assert_non_null(strstr(out, "print high resolution: allowed\n"));
	assert_non_null(strstr(out, "modify anything: not allowed\n"));
	free(out);
	out = run_ok("qpdf --password=reader --check '%s' 2>&1", pdf);
	assert_non_null(strstr(out, "No syntax or stream encoding errors found"));
	free(out);
	/* The user password is needed to open it; the owner password decrypts
	 * it to the same text. */
	char *cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", pdf);
	int st;
	free(jb_run(cmd, &st));
	assert_int_not_equal(st, 0);
	free(cmd);
	out = run_ok("pdftotext -opw owner-secret '%s' - 2>&1", pdf);
	assert_string_equal(out, TEXT1 "\n\n\fPage two\n\n\f");
	free(out);
	free(pdf);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

static void pdf_errors_are_reported(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	char *dir = jb_tmpdir();
	char err[512] = "";
	char *path = xasprintf("%s/no-such-dir/deck.pdf", dir);
	assert_int_equal(pdf_write(d, path, NULL, err, sizeof err), -1);
	/* the system's reason, not libharu's code */
	char *want = xasprintf("%s: No such file or directory", path);
	assert_string_equal(err, want);
	free(want);
	free(path);

	path = xasprintf("%s/deck.pdf", dir);
	struct pdf_options same = {.owner_password = "pw", .user_password = "pw"};
	assert_int_equal(pdf_write(d, path, &same, err, sizeof err), -1);
	assert_non_null(strstr(err, "must differ"));
	struct dl_deck *empty = dl_deck_new();
	assert_int_equal(pdf_write(empty, path, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "no pages"));
	dl_deck_free(empty);
	/* Nothing written, no temporary left. */
	char *ls = run_ok("ls -A '%s'", dir);
	assert_string_equal(ls, "");
	free(ls);
	free(path);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

/* Pixel (x, y) of a PNG as 0xRRGGBB. */
static uint32_t png_pixel(const char *path, int x, int y, int *w, int *h)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	*w = cairo_image_surface_get_width(s);
	*h = cairo_image_surface_get_height(s);
	assert_true(x < *w && y < *h);
	const unsigned char *row = cairo_image_surface_get_data(s) +
				   (size_t)y * (size_t)cairo_image_surface_get_stride(s);
	uint32_t px = ((const uint32_t *)(const void *)row)[x];
	cairo_surface_destroy(s);
	return px & 0xFFFFFF;
}

static void png_draws_the_page(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	char *dir = jb_tmpdir();
	char *png = xasprintf("%s/01.png", dir);
	char err[512] = "";
	int w, h;

	assert_int_equal(png_write_page(NULL, d->pages[0], png, 72, err, sizeof err), 0);
	assert_int_equal(png_pixel(png, 200, 150, &w, &h), FILL); /* inside the rectangle */
	assert_int_equal(w, 960);
	assert_int_equal(h, 540);
	assert_int_equal(png_pixel(png, 200, 90, &w, &h), 0xFFFFFF); /* above it: white */
	/* Red at alpha 128/255 over white: G = B = 255 * (1 - 128/255) = 127. */
	uint32_t disc = png_pixel(png, 500, 300, &w, &h);
	assert_int_equal(disc >> 16, 255);
	assert_true(abs((int)((disc >> 8) & 0xFF) - 127) <= 1);
	assert_true(abs((int)(disc & 0xFF) - 127) <= 1);
	/* Image pixel (1, 2) = index 9 = (90, 165, 7) covers 725..750 x 100..125 pt. */
	assert_int_equal(png_pixel(png, 737, 112, &w, &h), (90u << 16) | (165u << 8) | 7u);

	/* 144 dpi doubles the pixels; the same point is the same colour. */
	char *png2 = xasprintf("%s/01@2x.png", dir);
	assert_int_equal(png_write_page(NULL, d->pages[0], png2, 144, err, sizeof err), 0);
	assert_int_equal(png_pixel(png2, 400, 300, &w, &h), FILL);
	assert_int_equal(w, 1920);
	assert_int_equal(h, 1080);

	/* Deterministic too; and a writer kept across pages (as a deck's
	 * are written) starts each page afresh, whatever the one before. */
	char *again = xasprintf("%s/again.png", dir);
	assert_int_equal(png_write_page(NULL, d->pages[0], again, 72, err, sizeof err), 0);
	assert_true(same_file(png, again));
	struct png_writer *pw = png_writer_new();
	assert_int_equal(png_write_page(pw, d->pages[0], again, 144, err, sizeof err), 0);
	assert_true(same_file(png2, again));
	assert_int_equal(png_write_page(pw, d->pages[0], again, 72, err, sizeof err), 0);
	assert_true(same_file(png, again));
	assert_int_equal(png_write_page(pw, d->pages[0], again, 72, err, sizeof err), 0);
	assert_true(same_file(png, again));
	png_writer_free(pw);

	/* Errors: a bad resolution, a missing directory. */
	assert_int_equal(png_write_page(NULL, d->pages[0], png, 0, err, sizeof err), -1);
	assert_non_null(strstr(err, "dpi"));
	char *bad = xasprintf("%s/missing/01.png", dir);
	assert_int_equal(png_write_page(NULL, d->pages[0], bad, 72, err, sizeof err), -1);
	assert_non_null(strstr(err, bad));
	char *ls = run_ok("ls '%s'", dir);
	assert_string_equal(ls, "01.png\n01@2x.png\nagain.png\n");
	free(ls);
	free(bad);
	free(again);
	free(png2);
	free(png);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

/* The PDF, rasterised by poppler, puts things where the PNG backend does:
 * checks the y flip and the text placement against the same display list. */
static void pdf_and_png_agree(void **state)
{
	(void)state;
	struct dl_deck *d = small_deck();
	char *dir = jb_tmpdir();
	char *pdf = write_pdf(dir, "deck.pdf", d, NULL);
	char *prefix = xasprintf("%s/poppler", dir);
	char *cmd = xasprintf("pdftoppm -r 72 -f 1 -l 1 -singlefile -png '%s' '%s'", pdf, prefix);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	char *ppm = xasprintf("%s.png", prefix);
	int w, h;
	assert_int_equal(png_pixel(ppm, 200, 150, &w, &h), FILL);
	assert_int_equal(w, 960);
	assert_int_equal(h, 540);
	assert_int_equal(png_pixel(ppm, 200, 90, &w, &h), 0xFFFFFF);
	assert_int_equal(png_pixel(ppm, 737, 112, &w, &h), (90u << 16) | (165u << 8) | 7u);

	/* The text's ink: its dark pixels span the same columns in both
	 * renderings, starting at x = 100 (plus the '£' left bearing) and
	 * ending within 4 pt before 100 + font_width (the '%' right bearing). */
	char *png = xasprintf("%s/cairo.png", dir);
	char err[512];
	assert_int_equal(png_write_page(NULL, d->pages[0], png, 72, err, sizeof err), 0);
	double right = 100 + font_width(DL_REGULAR, 24, TEXT1);
	int minx[2] = {960, 960}, maxx[2] = {-1, -1};
	for (int k = 0; k < 2; k++) {
		cairo_surface_t *s = cairo_image_surface_create_from_png(k ? png : ppm);
		const unsigned char *data = cairo_image_surface_get_data(s);
		int stride = cairo_image_surface_get_stride(s);
		for (int y = 276; y < 306; y++)
			for (int x = 0; x < 430; x++) { /* left of the disc */
				uint32_t px = *(const uint32_t *)(const void *)(data + y * stride + 4 * x);
				if (((px >> 8) & 0xFF) < 100) {
					minx[k] = x < minx[k] ? x : minx[k];
					maxx[k] = x > maxx[k] ? x : maxx[k];
				}
			}
		cairo_surface_destroy(s);
		assert_true(minx[k] >= 100 && minx[k] <= 103);
		assert_true(maxx[k] <= right + 1 && maxx[k] >= right - 4);
	}
	assert_true(abs(minx[0] - minx[1]) <= 1);
	assert_true(abs(maxx[0] - maxx[1]) <= 1);
	free(png);
	free(ppm);
	free(cmd);
	free(prefix);
	free(pdf);
	jb_rmtree(dir);
	free(dir);
	dl_deck_free(d);
}

/* Runs last: it reloads the fonts. */
static void font_init_finds_and_rejects_fonts(void **state)
{
	(void)state;
	setenv("JEMBRIEF_FONT_DIR", "/usr/share/fonts/truetype/dejavu", 1);
	assert_int_equal(font_init(NULL, NULL), 0);
	assert_string_equal(font_path(DL_BOLD), "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
	setenv("JEMBRIEF_FONT_DIR", "/nonexistent", 1);
	assert_int_equal(font_init(NULL, NULL), -1);
	assert_null(font_path(DL_REGULAR));
	assert_null(font_ft_face(DL_REGULAR));
	/* A file that is not a font. */
	assert_int_equal(font_init("tests/test_render.c", NULL), -1);
	unsetenv("JEMBRIEF_FONT_DIR");
	/* fontconfig's DejaVu Sans: fc-match 'DejaVu Sans:bold' names the same file */
	assert_int_equal(font_init(NULL, NULL), 0);
	int st;
	char *fc = jb_run("fc-match -f '%{file}' 'DejaVu Sans:bold'", &st);
	assert_int_equal(st, 0);
	assert_string_equal(font_path(DL_BOLD), fc);
	free(fc);
	assert_close(font_width(DL_REGULAR, 10, "Hello"), 5191 * 10 / UPEM, 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(width_is_sum_of_hmtx_advances),
		cmocka_unit_test(utf8_decoding),
		cmocka_unit_test(wrap_is_greedy),
		cmocka_unit_test(display_builds_dumps_and_checks),
		cmocka_unit_test(check_finds_problems),
		cmocka_unit_test(pdf_is_valid_and_text_round_trips),
		cmocka_unit_test(pdf_outline_labels_and_link),
		cmocka_unit_test(pdf_is_byte_identical),
		cmocka_unit_test(pdf_encryption_and_permissions),
		cmocka_unit_test(pdf_errors_are_reported),
		cmocka_unit_test(png_draws_the_page),
		cmocka_unit_test(pdf_and_png_agree),
		cmocka_unit_test(font_init_finds_and_rejects_fonts),
	};
	return cmocka_run_group_tests(tests, jb_fonts_up, jb_fonts_down);
}
