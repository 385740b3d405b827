/* tests/test_render.c - the display list, text measurement and the two
 * backends (PDF through libharu, PNG through cairo). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../render/display.h"
#include "../render/font.h"
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

static int fonts_up(void **state)
{
	(void)state;
	return font_init(NULL, NULL);
}

static int fonts_down(void **state)
{
	(void)state;
	font_done();
	return 0;
}

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
	assert_non_null(strstr(buf, "2 path call(s) out of order"));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(width_is_sum_of_hmtx_advances),
		cmocka_unit_test(utf8_decoding),
		cmocka_unit_test(wrap_is_greedy),
		cmocka_unit_test(display_builds_dumps_and_checks),
		cmocka_unit_test(check_finds_problems),
	};
	return cmocka_run_group_tests(tests, fonts_up, fonts_down);
}
