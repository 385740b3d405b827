/* tests/test_chart.c - the charts (render/chart/chart.c), checked on the display
 * list they build: text stays inside the page and its box, axis labels do
 * not collide, scales and colours are the ones asked for.
 *
 * Set JB_CHART_PNG=DIR to also write the pages as PNGs into DIR, to look
 * at: JB_CHART_PNG=/tmp/charts build/tests/test_chart */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../ingest/dataset.h"
#include "../render/chart/chart.h"
#include "../render/display/display.h"
#include "../render/display/font.h"
#include "../render/display/png.h"
#include "../util/numfmt.h"
#include "../util/xalloc.h"

#define EPS 1e-6

/* ---- display-list helpers ---- */

struct ext {
	double x0, y0, x1, y1;
};

static struct ext text_ext(const struct dl_item *it)
{
	double w = font_width(it->u.text.font, it->u.text.size, it->u.text.utf8);
	return (struct ext){it->u.text.x, it->u.text.y - font_ascent(it->u.text.font, it->u.text.size),
			    it->u.text.x + w,
			    it->u.text.y + font_descent(it->u.text.font, it->u.text.size)};
}

static struct ext path_ext(const struct dl_item *it)
{
	struct ext e = {INFINITY, INFINITY, -INFINITY, -INFINITY};
	for (size_t i = 0; i < it->u.path.npts; i++) {
		e.x0 = fmin(e.x0, it->u.path.xy[2 * i]);
		e.x1 = fmax(e.x1, it->u.path.xy[2 * i]);
		e.y0 = fmin(e.y0, it->u.path.xy[2 * i + 1]);
		e.y1 = fmax(e.y1, it->u.path.xy[2 * i + 1]);
	}
	return e;
}

static int ext_in(struct ext e, struct chart_box b)
{
	return e.x0 >= b.x - EPS && e.y0 >= b.y - EPS && e.x1 <= b.x + b.w + EPS &&
	       e.y1 <= b.y + b.h + EPS;
}

static int same_color(struct dl_color a, struct dl_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static const struct chart_box page_box = {0, 0, DL_PAGE_W, DL_PAGE_H};

/* Every text item inside the page and inside b; returns how many. */
static size_t texts_inside(const struct dl_page *p, struct chart_box b)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nitems; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind != DL_TEXT)
			continue;
		struct ext e = text_ext(it);
		if (!ext_in(e, page_box) || !ext_in(e, b))
			fail_msg("text \"%s\" at (%.2f %.2f)-(%.2f %.2f) outside box (%.2f %.2f %.2f %.2f)",
				 it->u.text.utf8, e.x0, e.y0, e.x1, e.y1, b.x, b.y, b.w, b.h);
		n++;
	}
	return n;
}

static const struct dl_item *find_text(const struct dl_page *p, const char *s)
{
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT && strcmp(p->items[i].u.text.utf8, s) == 0)
			return &p->items[i];
	return NULL;
}

static const struct dl_item *find_last_text(const struct dl_page *p, const char *s)
{
	const struct dl_item *it = NULL;
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT && strcmp(p->items[i].u.text.utf8, s) == 0)
			it = &p->items[i];
	return it;
}

static size_t count_text(const struct dl_page *p, const char *s)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nitems; i++)
		n += p->items[i].kind == DL_TEXT && strcmp(p->items[i].u.text.utf8, s) == 0;
	return n;
}

static int ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && strcmp(s + a - b, end) == 0;
}

/* With JB_CHART_PNG=DIR set, the page is also written as DIR/name.png,
 * for looking at. */
static void maybe_png(const struct dl_page *p, const char *name)
{
	const char *dir = getenv("JB_CHART_PNG");
	if (!dir)
		return;
	char err[256];
	char *path = xasprintf("%s/%s.png", dir, name);
	if (png_write_page(NULL, p, path, 144, err, sizeof err) != 0)
		fail_msg("%s: %s", path, err);
	free(path);
}

static int setup(void **state)
{
	(void)state;
	return font_init(NULL, NULL);
}

static int teardown(void **state)
{
	(void)state;
	font_done();
	return 0;
}

/* ---- numbers ---- */

/* Ticks and legends use the slides' format (util/numfmt.h): the
 * typographic minus and the en dash for no value, never "-" or "n/a". */
static void numbers_get_thousands_separators(void **state)
{
	(void)state;
	const struct {
		double v;
		int dec;
		const char *want;
	} cases[] = {
		{0, 0, "0"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{-1234, 0, "\xe2\x88\x92" "1,234"},
		{1234567.891, 2, "1,234,567.89"},
		{-0.04, 1, "0.0"},
		{12.6, 0, "13"},
		{NAN, 1, "\xe2\x80\x93"},
		{100000, 1, "100,000.0"},
		{-2.5, -1, "\xe2\x88\x92" "2"}, /* negative places: none; 2.5 rounds to even */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char s[64];
		fmt_dec(cases[i].v, cases[i].dec, s, sizeof s);
		assert_string_equal(s, cases[i].want);
	}
	char tiny[4]; /* cut short, still terminated */
	fmt_dec(1234567, 0, tiny, sizeof tiny);
	assert_string_equal(tiny, "1,2");
}

/* ---- text ---- */

static const char *para =
	"Violence with injury fell by twelve per cent over the last twelve months, "
	"the fifth largest fall in London, while robbery of personal property rose "
	"in the town centre wards and burglary stayed close to its long-run level.";

static void text_wraps_and_ends_in_ellipsis(void **state)
{
	(void)state;
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "text");
	struct chart_box b = {100, 100, 200, 50};
	double h = chart_text(p, b, DL_REGULAR, 10, COL_TEXT, ALIGN_LEFT, para);
	/* Too long at 10 pt for 4 lines of 200 pt, it is made smaller, half a
	 * point at a time, down to 9 pt (CHART_MIN_PT), where it is still too
	 * long (about 38 characters a line, 230 characters). DejaVu Sans hhea:
	 * ascender 1901, descender 483, 2048 units/em, so at 9 pt ascent 8.354
	 * and descent 2.124; lines every 10.8 pt (1.2 x size). Line i (from 0)
	 * fits when 8.354 + 10.8 i + 2.124 <= 50: i <= 3.66, so 4 lines and a
	 * height of 8.354 + 32.4 + 2.124 = 42.88. */
	assert_close(h, 1901.0 / 2048 * 9 + 32.4 + 483.0 / 2048 * 9, 1e-9);
	assert_int_equal(texts_inside(p, b), 4);
	for (size_t i = 0; i < p->nitems; i++)
		assert_close(p->items[i].u.text.size, 9, 1e-12);
	const struct dl_item *last = NULL;
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT)
			last = &p->items[i];
	assert_non_null(last);
	assert_true(ends_with(last->u.text.utf8, "\xE2\x80\xA6"));

	/* a short text: one line, no ellipsis, right aligned to the box edge */
	size_t before = p->nitems;
	h = chart_text(p, (struct chart_box){100, 300, 200, 50}, DL_BOLD, 10, COL_TEXT,
		       ALIGN_RIGHT, "Key findings");
	assert_close(h, (1901.0 + 483.0) / 2048 * 10, 1e-9);
	assert_int_equal(p->nitems, before + 1);
	struct ext e = text_ext(&p->items[before]);
	assert_close(e.x1, 300, 1e-9);
	assert_string_equal(p->items[before].u.text.utf8, "Key findings");
	assert_int_equal(dl_deck_check(d, stderr), 0);
	dl_deck_free(d);
}

static double cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Issue 10: a 200 KB word took 98 s to cut, each shorter prefix measured
 * again from its start. The cut is one pass now: the same text, the same
 * result as cutting it short by hand, well within a second (the old cut
 * needed minutes, so the bound cannot pass by luck). */
static void long_text_is_cut_in_linear_time(void **state)
{
	(void)state;
	size_t n = 200 * 1024;
	char *word = xmalloc(n + 1);
	memset(word, 'w', n);
	word[n] = '\0';
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "long");
	double t0 = cpu_seconds();
	chart_text(p, (struct chart_box){100, 100, 200, 50}, DL_REGULAR, 10, COL_TEXT,
		   ALIGN_LEFT, word);
	double used = cpu_seconds() - t0;
	assert_true(used < 2.0);
	assert_int_equal(p->nitems, 1);
	/* as many w's as fit in 200 pt with the ellipsis */
	const char *got = p->items[0].u.text.utf8;
	size_t k = strspn(got, "w");
	assert_string_equal(got + k, "\xE2\x80\xA6");
	/* made as small as text may be (9 pt) before it is cut */
	assert_close(p->items[0].u.text.size, 9, 1e-12);
	assert_true(font_width(DL_REGULAR, 9, got) <= 200);
	char *longer = xasprintf("w%s", got);
	assert_true(font_width(DL_REGULAR, 9, longer) > 200);
	free(longer);
	free(word);
	dl_deck_free(d);
}

static void bullets_stop_when_out_of_room(void **state)
{
	(void)state;
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "bullets");
	const char *items[] = {"Burglary down 8% on the previous year.", para,
			       "This item has no room left."};
	/* 55 pt: the first item takes one line (11.64 pt) and a 5 pt gap,
	 * leaving 38.36 pt: three lines of the second (9.28 + 24 + 2.36) */
	struct chart_box b = {60, 60, 300, 55};
	double h = chart_bullets(p, b, 10, items, 3);
	assert_true(h > 0 && h <= b.h + EPS);
	texts_inside(p, b);
	/* first item whole, second cut with an ellipsis, third not drawn */
	assert_non_null(find_text(p, items[0]));
	assert_null(find_text(p, items[2]));
	size_t bullets = count_text(p, "\xE2\x80\xA2");
	assert_int_equal(bullets, 2);
	int ellipsis = 0;
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT)
			ellipsis |= ends_with(p->items[i].u.text.utf8, "\xE2\x80\xA6");
	assert_true(ellipsis);
	maybe_png(p, "bullets");

	/* 20 pt: the first item whole (11.64 pt), no room to begin the
	 * others, so it ends in an ellipsis: none is left out unseen */
	p = dl_page_add(d, "bullets dropped");
	chart_bullets(p, (struct chart_box){60, 60, 300, 20}, 10, items, 3);
	assert_int_equal(count_text(p, "\xE2\x80\xA2"), 1);
	assert_non_null(find_text(p, "Burglary down 8% on the previous year.\xE2\x80\xA6"));
	dl_deck_free(d);
}

/* ---- line chart ---- */

#define NM 36

static void line_chart_axes_legend_and_gaps(void **state)
{
	(void)state;
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char *xl[NM];
	double y[NM], fit[NM], lo[NM], hi[NM], roll[NM];
	unsigned char mark[NM] = {0};
	for (int i = 0; i < NM; i++) {
		xl[i] = xasprintf("%s %d", mon[i % 12], 2022 + i / 12);
		/* a seasonal series peaking at 1,234 */
		y[i] = 1000 + 200 * sin(i * 2 * M_PI / 12) - 3 * i;
		fit[i] = 1000 - 3 * i;
		lo[i] = fit[i] - 150;
		hi[i] = fit[i] + 150;
		roll[i] = i >= 11 ? fit[i] : NAN;
	}
	y[3] = 1234; /* the maximum */
	y[10] = NAN; /* a month with no data */
	mark[3] = mark[20] = 1;
	struct line_chart c = {
		.n = NM, .xlabels = (const char *const *)xl, .y = y, .y_label = "Offences",
		.fit = fit, .fit_label = "Trend", .lo = lo, .hi = hi,
		.band_label = "95% interval", .rolling = roll,
		.rolling_label = "12-month average", .mark = mark,
		.mark_label = "Exception months", .y_title = "Offences per month",
	};
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "line");
	struct chart_box b = {40, 90, 880, 380};
	chart_line(p, b, &c);
	texts_inside(p, b);
	assert_int_equal(dl_deck_check(d, stderr), 0);

	/* x labels: more than one, in order, at least 8 pt apart */
	struct ext prev = {0};
	int nx = 0;
	for (size_t i = 0; i < p->nitems; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind != DL_TEXT)
			continue;
		for (int k = 0; k < NM; k++) {
			if (strcmp(it->u.text.utf8, xl[k]) != 0)
				continue;
			struct ext e = text_ext(it);
			if (nx > 0)
				assert_true(e.x0 >= prev.x1 + 8 - EPS);
			prev = e;
			nx++;
		}
	}
	assert_true(nx >= 6);

	/* y ticks: 0 at the bottom, equal steps of 1, 2 or 5 x 10^k, the top
	 * one the first above the maximum 1,234 */
	double ticks[20];
	int nt = 0;
	for (size_t i = 0; i < p->nitems; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind != DL_TEXT || !strchr("0123456789", it->u.text.utf8[0]))
			continue;
		if (strchr(it->u.text.utf8, ' '))
			continue; /* "Jan 2022": an x label */
		char digits[32];
		size_t k = 0;
		for (const char *s = it->u.text.utf8; *s && k + 1 < sizeof digits; s++)
			if (*s != ',')
				digits[k++] = *s;
		digits[k] = 0;
		assert_true(nt < 20);
		ticks[nt++] = atof(digits);
	}
	assert_true(nt >= 3);
	assert_true(ticks[0] == 0);
	double step = ticks[1] - ticks[0];
	double mant = step / pow(10, floor(log10(step)));
	assert_true(fabs(mant - 1) < EPS || fabs(mant - 2) < EPS || fabs(mant - 5) < EPS);
	for (int i = 1; i < nt; i++)
		assert_close(ticks[i] - ticks[i - 1], step, 1e-9);
	assert_true(ticks[nt - 1] >= 1234 && ticks[nt - 1] - step < 1234);
	assert_non_null(find_text(p, "1,000")); /* thousands separator */

	/* legend: each entry once, above the plot (above the top tick label) */
	const struct dl_item *top = NULL;
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT && p->items[i].u.text.utf8[0] >= '0' &&
		    p->items[i].u.text.utf8[0] <= '9' && !strchr(p->items[i].u.text.utf8, ' ') &&
		    (!top || p->items[i].u.text.y < top->u.text.y))
			top = &p->items[i];
	const char *legend[] = {"Offences", "Trend", "95% interval", "12-month average",
				"Exception months", "Offences per month"};
	for (size_t k = 0; k < 6; k++) {
		assert_int_equal(count_text(p, legend[k]), 1);
		assert_true(text_ext(find_text(p, legend[k])).y1 <= text_ext(top).y0 + EPS);
	}

	/* the observed line: one path of the 35 finite months, broken at the
	 * missing one (two MOVEs); the exception months ringed in plum */
	int found = 0, rings = 0;
	for (size_t i = 0; i < p->nitems; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind != DL_PATH)
			continue;
		const struct dl_style *st = &it->u.path.style;
		if (st->fill.a == 0 && same_color(st->stroke, COL_DARK_BLUE) && it->u.path.npts == 35) {
			int moves = 0;
			for (size_t k = 0; k < it->u.path.nops; k++)
				moves += it->u.path.ops[k] == DL_MOVE;
			assert_int_equal(moves, 2);
			found++;
		}
		if (st->fill.a == 0 && same_color(st->stroke, COL_PLUM))
			rings++;
	}
	assert_int_equal(found, 1);
	assert_int_equal(rings, 3); /* two months and the legend symbol */
	maybe_png(p, "line");
	for (int i = 0; i < NM; i++)
		free(xl[i]);
	dl_deck_free(d);
}

/* ---- bars ---- */

static void bars_fit_32_and_highlight_the_borough(void **state)
{
	(void)state;
	const char *labels[JB_NBOROUGHS], *vt[JB_NBOROUGHS];
	double v[JB_NBOROUGHS];
	int similar[JB_NBOROUGHS] = {0};
	for (int i = 0; i < JB_NBOROUGHS; i++) {
		labels[i] = jb_boroughs[i].name;
		v[i] = 160.0 - 4.5 * i;
		vt[i] = xasprintf("%.1f", v[i]);
	}
	similar[3] = similar[7] = similar[9] = similar[12] = 1;
	struct bar_chart c = {
		.n = JB_NBOROUGHS, .labels = labels, .values = v, .value_text = vt,
		.highlight = 5, .similar = similar, .ref = 93.4,
		.ref_label = "London 93.4", .x_title = "Offences per 1,000 residents",
	};
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "bars");
	/* 32 rows of 9 pt text (10.5 pt from ascent to descent) under a
	 * 10 pt reference label and over a 10 pt axis title: 390 pt holds them */
	struct chart_box b = {500, 100, 420, 390};
	chart_hbar(p, b, &c);
	texts_inside(p, b);
	assert_int_equal(dl_deck_check(d, stderr), 0);

	/* every label drawn once, legibly, rows not overlapping; the
	 * highlighted one bold */
	double prev_y1 = -INFINITY;
	for (int i = 0; i < JB_NBOROUGHS; i++) {
		const struct dl_item *it = NULL;
		for (size_t k = 0; k < p->nitems; k++)
			if (p->items[k].kind == DL_TEXT &&
			    strcmp(p->items[k].u.text.utf8, labels[i]) == 0 &&
			    p->items[k].u.text.x < b.x + b.w / 2)
				it = &p->items[k];
		assert_non_null(it);
		assert_true(it->u.text.size >= 7.5);
		assert_int_equal(it->u.text.font, i == 5 ? DL_BOLD : DL_REGULAR);
		struct ext e = text_ext(it);
		assert_true(e.y0 >= prev_y1 - EPS);
		prev_y1 = e.y1;
	}

	/* bars: filled, unstroked rects; one per borough, lengths in
	 * proportion to the values, from a common zero */
	const struct dl_item *bar[JB_NBOROUGHS] = {0};
	int nbar = 0;
	for (size_t k = 0; k < p->nitems; k++) {
		const struct dl_item *it = &p->items[k];
		if (it->kind != DL_PATH || it->u.path.style.fill.a == 0 || it->u.path.style.stroke.a)
			continue;
		assert_true(nbar < JB_NBOROUGHS);
		bar[nbar++] = it;
	}
	assert_int_equal(nbar, JB_NBOROUGHS);
	double zero = path_ext(bar[0]).x0, perunit = (path_ext(bar[0]).x1 - zero) / v[0];
	for (int i = 0; i < JB_NBOROUGHS; i++) {
		struct ext e = path_ext(bar[i]);
		assert_close(e.x0, zero, 1e-9);
		assert_close(e.x1 - e.x0, v[i] * perunit, 1e-9);
		struct dl_color want = i == 5 ? CHART_ACCENT : similar[i] ? CHART_SECOND : CHART_BASE;
		assert_true(same_color(bar[i]->u.path.style.fill, want));
		/* the bar is level with its label (drawn after the legend) */
		const struct dl_item *lab = find_last_text(p, labels[i]);
		struct ext le = text_ext(lab);
		double mid = (e.y0 + e.y1) / 2;
		assert_true(mid > le.y0 && mid < le.y1);
	}
	/* the London line, dashed, at 93.4 on the same scale, with its label */
	int refs = 0;
	for (size_t k = 0; k < p->nitems; k++) {
		const struct dl_item *it = &p->items[k];
		if (it->kind == DL_PATH && it->u.path.style.dash > 0) {
			struct ext e = path_ext(it);
			assert_close(e.x0, zero + 93.4 * perunit, 1e-9);
			assert_close(e.x1, e.x0, 1e-12);
			refs++;
		}
	}
	assert_int_equal(refs, 1);
	/* ... and broken where it would cross a value: no text meets it
	 * (92.5, 88.0 and 97.0 sit right by 93.4 here) */
	double rx = zero + 93.4 * perunit;
	for (size_t k = 0; k < p->nitems; k++) {
		const struct dl_item *it = &p->items[k];
		if (it->kind == DL_PATH && it->u.path.style.dash > 0) {
			for (size_t j = 0; j < p->nitems; j++) {
				if (p->items[j].kind != DL_TEXT)
					continue;
				struct ext t = text_ext(&p->items[j]);
				if (t.x0 > rx || t.x1 < rx)
					continue;
				/* a text spanning the line's x: no stretch of the
				 * line may run through its height */
				size_t pt = 0;
				for (size_t o = 0; o < it->u.path.nops; o++) {
					if (it->u.path.ops[o] == DL_LINE) {
						double ya = it->u.path.xy[2 * pt - 1];
						double yb = it->u.path.xy[2 * pt + 1];
						assert_true(yb <= t.y0 || ya >= t.y1);
					}
					pt += it->u.path.ops[o] != DL_CLOSE;
				}
			}
		}
	}
	assert_non_null(find_text(p, "London 93.4"));
	assert_non_null(find_text(p, "Similar boroughs"));
	maybe_png(p, "bars");
	for (int i = 0; i < JB_NBOROUGHS; i++)
		free((char *)vt[i]);
	dl_deck_free(d);
}

/* ---- choropleth ---- */

#define GX 6
#define GY 4
#define X0 530000.0
#define Y0 180000.0

static void square(struct jb_polygon *g, double x, double y, double side)
{
	g->nrings = 1;
	g->ring = xmalloc(2 * sizeof *g->ring);
	g->ring[0] = 0;
	g->ring[1] = 4;
	g->xy = xmalloc(8 * sizeof *g->xy);
	double xy[8] = {x, y, x + side, y, x + side, y + side, x, y + side};
	memcpy(g->xy, xy, sizeof xy);
	g->minx = x, g->miny = y, g->maxx = x + side, g->maxy = y + side;
}

static void rectangle(struct jb_polygon *g, double x0, double y0, double x1, double y1)
{
	square(g, x0, y0, 1);
	double xy[8] = {x0, y0, x1, y0, x1, y1, x0, y1};
	memcpy(g->xy, xy, sizeof xy);
	g->minx = x0, g->miny = y0, g->maxx = x1, g->maxy = y1;
}

static void choropleth_fits_box_with_true_scale_bar(void **state)
{
	(void)state;
	/* a 6 x 4 km grid of 1 km squares; square 0 is the south-west corner */
	struct jb_polygon sq[GX * GY], outline, ctx;
	const struct jb_polygon *polys[GX * GY], *ctxs[1] = {&ctx};
	int cls[GX * GY];
	for (int j = 0; j < GY; j++)
		for (int i = 0; i < GX; i++) {
			int k = j * GX + i;
			square(&sq[k], X0 + 1000 * i, Y0 + 1000 * j, 1000);
			polys[k] = &sq[k];
			cls[k] = (i + j) % 4;
		}
	cls[GX * GY - 1] = 4; /* only the north-east square is in the top class */
	cls[1] = -1;          /* no data */
	rectangle(&outline, X0, Y0, X0 + GX * 1000, Y0 + GY * 1000);
	/* a neighbour reaching far outside the map: must be clipped */
	rectangle(&ctx, X0 - 20000, Y0 - 20000, X0 + 40000, Y0 + 30000);
	struct dl_color colors[5];
	chart_blue_ramp(5, colors);
	const char *cl[5] = {"Least deprived 20%", "2nd quintile", "3rd quintile",
			     "4th quintile", "Most deprived 20%"};
	/* five labels within 50 m (they cannot all have room), one more
	 * near the middle */
	double lxy[12] = {X0 + 500, Y0 + 3500, X0 + 550, Y0 + 3500, X0 + 500, Y0 + 3450,
			  X0 + 520, Y0 + 3480, X0 + 540, Y0 + 3520, X0 + 3000, Y0 + 2000};
	const char *labs[6] = {"Town centre", "Market", "High Street", "Park", "Library",
			       "Station"};
	struct choropleth c = {
		.n = GX * GY, .polys = polys, .cls = cls, .nclasses = 5, .colors = colors,
		.class_labels = cl, .legend_title = "Index of Multiple Deprivation 2025",
		.outline = &outline, .context = ctxs, .ncontext = 1,
		.nlabels = 6, .label_xy = lxy, .labels = labs,
	};
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "map");
	struct chart_box b = {40, 90, 600, 380};
	chart_choropleth(p, b, &c);
	texts_inside(p, b);
	assert_int_equal(dl_deck_check(d, stderr), 0);

	/* every path inside the box */
	for (size_t k = 0; k < p->nitems; k++)
		if (p->items[k].kind == DL_PATH)
			assert_true(ext_in(path_ext(&p->items[k]), b));

	/* the squares: white-bordered, square on the page (aspect kept), all
	 * of one size; north up: the top-class square is the north-east one */
	double side = NAN;
	const struct dl_item *ne = NULL, *sw = NULL;
	int nsq = 0;
	for (size_t k = 0; k < p->nitems; k++) {
		const struct dl_item *it = &p->items[k];
		if (it->kind != DL_PATH || !same_color(it->u.path.style.stroke, COL_WHITE) ||
		    it->u.path.style.fill.a == 0 || it->u.path.npts != 4)
			continue;
		struct ext e = path_ext(it);
		if (isnan(side))
			side = e.x1 - e.x0;
		assert_close(e.x1 - e.x0, side, 1e-9);
		assert_close(e.y1 - e.y0, side, 1e-9);
		if (same_color(it->u.path.style.fill, colors[4]))
			ne = it;
		if (nsq == 0)
			sw = it;
		nsq++;
	}
	assert_int_equal(nsq, GX * GY);
	assert_non_null(ne);
	assert_close(path_ext(ne).x0 - path_ext(sw).x0, (GX - 1) * side, 1e-9);
	assert_close(path_ext(sw).y0 - path_ext(ne).y0, (GY - 1) * side, 1e-9);

	/* the scale bar: "N km" or "N m" with N of 1, 2 or 5 x 10^k, and the
	 * path drawn just before it as long as N metres at side pt per km */
	int bars = 0;
	for (size_t k = 1; k < p->nitems; k++) {
		const struct dl_item *it = &p->items[k];
		double num;
		char unit[4];
		if (it->kind != DL_TEXT || sscanf(it->u.text.utf8, "%lf %3s", &num, unit) != 2 ||
		    (strcmp(unit, "km") != 0 && strcmp(unit, "m") != 0))
			continue;
		double metres = strcmp(unit, "km") == 0 ? num * 1000 : num;
		double mant = metres / pow(10, floor(log10(metres) + 1e-9));
		assert_true(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 5) < 1e-9);
		assert_int_equal(p->items[k - 1].kind, DL_PATH);
		struct ext e = path_ext(&p->items[k - 1]);
		assert_close(e.x1 - e.x0, metres / 1000 * side, 0.01);
		bars++;
	}
	assert_int_equal(bars, 1);

	/* legend: title, every class, "No data"; a north arrow */
	for (int k = 0; k < 5; k++)
		assert_int_equal(count_text(p, cl[k]), 1);
	assert_int_equal(count_text(p, "No data"), 1);
	assert_int_equal(count_text(p, "N"), 1);

	/* labels: the first always placed; some of the cluster dropped; no
	 * two drawn labels overlap */
	assert_int_equal(count_text(p, "Town centre"), 1);
	assert_int_equal(count_text(p, "Station"), 1);
	struct ext drawn[6];
	size_t nd = 0;
	for (int k = 0; k < 6; k++) {
		const struct dl_item *it = find_text(p, labs[k]);
		if (it)
			drawn[nd++] = text_ext(it);
	}
	assert_true(nd >= 2 && nd < 6);
	for (size_t i = 0; i < nd; i++)
		for (size_t j = 0; j < i; j++)
			assert_true(drawn[i].x1 <= drawn[j].x0 || drawn[j].x1 <= drawn[i].x0 ||
				    drawn[i].y1 <= drawn[j].y0 || drawn[j].y1 <= drawn[i].y0);
	maybe_png(p, "map");

	for (int k = 0; k < GX * GY; k++) {
		free(sq[k].ring);
		free(sq[k].xy);
	}
	free(outline.ring);
	free(outline.xy);
	free(ctx.ring);
	free(ctx.xy);
	dl_deck_free(d);
}

/* WCAG relative luminance of an sRGB colour. */
static double luminance(struct dl_color c)
{
	double ch[3] = {c.r / 255.0, c.g / 255.0, c.b / 255.0};
	for (int i = 0; i < 3; i++)
		ch[i] = ch[i] <= 0.04045 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static void blue_ramp_is_light_to_dark_and_visible(void **state)
{
	(void)state;
	for (size_t n = 3; n <= 7; n++) {
		struct dl_color c[7];
		chart_blue_ramp(n, c);
		/* contrast ratio with white of the lightest class: at least 1.3
		 * (ColorBrewer's #F7FBFF would give 1.04 and vanish) */
		assert_true(1.05 / (luminance(c[0]) + 0.05) >= 1.3);
		for (size_t i = 1; i < n; i++) {
			assert_true(c[i].b >= c[i].r); /* blue */
			/* neighbours distinguishable: contrast ratio >= 1.2
			 * (the 7-class ramp's closest pair gives 1.23) */
			assert_true((luminance(c[i - 1]) + 0.05) / (luminance(c[i]) + 0.05) >= 1.2);
		}
	}
}

/* ---- tiles ---- */

static void tiles_keep_text_inside_each_tile(void **state)
{
	(void)state;
	struct tile t[5] = {
		{"Offences, last 12 months", "23,456",
		 "down 12% on the previous 12 months (p < 0.001), the fifth largest fall in London",
		 COL_DARK_BLUE},
		{"Rate per 1,000 residents", "101.3", "London 88.9", COL_TURQUOISE},
		{"Violence with injury", "2,345", "up 3% (not significant)", COL_ORANGE},
		{"Most deprived LSOAs (national 10%)", "17", "of 178 LSOAs in the borough",
		 COL_PLUM},
		{"Residents", "1,234,567,890,123", NULL, COL_GREY},
	};
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "tiles");
	struct chart_box b = {40, 90, 880, 300};
	chart_tiles(p, b, t, 5, 3);
	texts_inside(p, b);
	assert_int_equal(dl_deck_check(d, stderr), 0);
	/* tiles: 3 columns, 2 rows, 10 pt gaps: (880 - 20) / 3 wide,
	 * (300 - 10) / 2 tall */
	double tw = (880 - 20) / 3.0, th = (300 - 10) / 2.0;
	for (int i = 0; i < 5; i++) {
		struct chart_box tb = {40 + (tw + 10) * (i % 3), 90 + (th + 10) * (i / 3), tw, th};
		/* the value: bold, large (shrunk to fit if it must), inside
		 * the tile and below the label */
		const struct dl_item *v = find_text(p, t[i].value);
		assert_non_null(v);
		assert_int_equal(v->u.text.font, DL_BOLD);
		assert_true(v->u.text.size >= (i == 4 ? 12 : 28));
		assert_true(ext_in(text_ext(v), tb));
		const struct dl_item *l = find_text(p, t[i].label);
		assert_non_null(l);
		assert_true(ext_in(text_ext(l), tb));
		assert_true(text_ext(l).y1 <= text_ext(v).y0 + EPS);
		/* the accent bar */
		int accent = 0;
		for (size_t k = 0; k < p->nitems; k++)
			if (p->items[k].kind == DL_PATH &&
			    same_color(p->items[k].u.path.style.fill, t[i].accent) &&
			    fabs(path_ext(&p->items[k]).x0 - tb.x) < EPS &&
			    fabs(path_ext(&p->items[k]).y0 - tb.y) < EPS)
				accent++;
		assert_int_equal(accent, 1);
	}
	maybe_png(p, "tiles");
	dl_deck_free(d);
}

/* ---- tables ---- */

/* The text items of p whose left edges are at x, between y0 and y1,
 * joined by spaces in drawing order (a wrapped cell read back). */
static char *column_text(const struct dl_page *p, double x, double y0, double y1)
{
	char *out = xstrdup("");
	for (size_t i = 0; i < p->nitems; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind != DL_TEXT || fabs(it->u.text.x - x) > 1e-9 || it->u.text.y < y0 ||
		    it->u.text.y > y1)
			continue;
		char *t = xasprintf("%s%s%s", out, *out ? " " : "", it->u.text.utf8);
		free(out);
		out = t;
	}
	return out;
}

static void table_returns_the_rows_that_fit(void **state)
{
	(void)state;
	enum { NR = 41, NC = 3 };
	char *cells[NR * NC];
	cells[0] = xstrdup("Area");
	cells[1] = xstrdup("Offences");
	cells[2] = xstrdup("Change");
	/* a name wider than the whole table (at 9 pt about 440 pt against
	 * 420): two lines in any column */
	for (int r = 1; r < NR; r++) {
		cells[r * NC] = xasprintf("Ward number %02d, whose name is too long for its column "
					  "of the table, so it wraps onto a second line", r);
		cells[r * NC + 1] = xasprintf("%d,%03d", r, r * 7);
		cells[r * NC + 2] = xasprintf("%+d%%", r - 20);
	}
	assert_true(font_width(DL_REGULAR, 9, cells[NC]) > 420);
	const double widths[NC] = {0.5, 0.25, 0.25};
	const enum chart_align al[NC] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT};
	struct table t = {NR, NC, (const char *const *)cells, widths, al, 3, 9};
	struct dl_deck *d = dl_deck_new();
	struct dl_page *p = dl_page_add(d, "table");
	struct chart_box b = {60, 90, 420, 200};
	/* the header one line, 1.9 x 9 = 17.1 pt; a two-line row a line
	 * (1.2 x 9 = 10.8 pt) more, 27.9 pt: 17.1 + 6 x 27.9 = 184.5 fits in
	 * 200, 7 rows (212.4) do not */
	size_t n = chart_table(p, b, &t);
	assert_int_equal(n, 6);
	assert_close(chart_table_height(&t, 420, 6), 184.5, 1e-9);
	texts_inside(p, b);
	assert_int_equal(dl_deck_check(d, stderr), 0);
	/* row 6 drawn, row 7 not; no cell cut: each name is read back whole
	 * from its two lines */
	assert_non_null(find_text(p, cells[6 * NC + 1]));
	assert_null(find_text(p, cells[7 * NC + 1]));
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT)
			assert_null(strstr(p->items[i].u.text.utf8, "\xe2\x80\xa6"));
	for (int r = 1; r <= 6; r++) {
		double top = b.y + 17.1 + 27.9 * (r - 1);
		char *back = column_text(p, b.x + 4.5, top, top + 27.9);
		assert_string_equal(back, cells[r * NC]);
		free(back);
	}
	/* header and the highlighted data row (index 3, table row 4) bold */
	assert_int_equal(find_text(p, "Offences")->u.text.font, DL_BOLD);
	assert_int_equal(find_text(p, cells[4 * NC + 1])->u.text.font, DL_BOLD);
	assert_int_equal(find_text(p, cells[5 * NC + 1])->u.text.font, DL_REGULAR);
	/* right-aligned column: right edges level */
	for (int r = 2; r <= 6; r++)
		assert_close(text_ext(find_text(p, cells[r * NC + 1])).x1,
			     text_ext(find_text(p, cells[1 * NC + 1])).x1, 1e-9);
	maybe_png(p, "table");

	/* tall enough for all 40 */
	assert_int_equal(chart_table(p, (struct chart_box){60, 0, 420, 17.1 + 40 * 27.9 + 0.01}, &t),
			 40);
	/* not even the header */
	assert_int_equal(chart_table(p, (struct chart_box){60, 0, 420, 17}, &t), 0);
	for (int i = 0; i < NR * NC; i++)
		free(cells[i]);
	dl_deck_free(d);
}

/* The texts of p, in drawing order, joined by "|". */
static char *page_texts(const struct dl_page *p)
{
	char *out = xstrdup("");
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT) {
			char *t = xasprintf("%s%s%s", out, *out ? "|" : "", p->items[i].u.text.utf8);
			free(out);
			out = t;
		}
	return out;
}

/* A header word wider than its column takes room the other columns leave
 * empty; a file path wraps after a '/' or '-'; a cell that needs three
 * lines is cut on its second with an ellipsis. */
static void table_cells_wrap_and_columns_make_room(void **state)
{
	(void)state;
	struct dl_deck *d = dl_deck_new();
	/* at 9 pt bold "Neighbourhoods" is wider than a fifth of 300 pt less
	 * its padding; "Rows" and "x" leave room */
	const char *head[3] = {"Neighbourhoods", "Rows", "x"};
	const double widths[3] = {0.2, 0.5, 0.3};
	assert_true(font_width(DL_BOLD, 9, "Neighbourhoods") > 0.2 * 300 - 9);
	struct dl_page *p = dl_page_add(d, "header");
	chart_table(p, (struct chart_box){10, 10, 300, 200}, &(struct table){1, 3, head, widths, NULL, -1, 9});
	char *got = page_texts(p);
	assert_string_equal(got, "Neighbourhoods|Rows|x");
	free(got);

	/* the path, about 330 pt at 9 pt, in a column of 191 pt: two lines,
	 * the first ending at a joint */
	const char *path[2] = {"File", "crime/police-uk-street/2017-01/2017-01-city-of-london-street.csv"};
	p = dl_page_add(d, "path");
	chart_table(p, (struct chart_box){10, 10, 200, 200}, &(struct table){2, 1, path, NULL, NULL, -1, 9});
	got = page_texts(p);
	char *bar = strrchr(got, '|');
	assert_non_null(bar);
	assert_true(bar[-1] == '/' || bar[-1] == '-');
	memmove(bar, bar + 1, strlen(bar));
	assert_string_equal(got, "File|crime/police-uk-street/2017-01/2017-01-city-of-london-street.csv");
	free(got);

	/* ten words in 51 pt need more than three lines: the third, the last
	 * a cell may take (CELL_LINES), ends in an ellipsis */
	const char *words[2] = {"Words", "one two three four five six seven eight nine ten"};
	p = dl_page_add(d, "words");
	chart_table(p, (struct chart_box){10, 10, 60, 200}, &(struct table){2, 1, words, NULL, NULL, -1, 9});
	got = page_texts(p);
	assert_int_equal(strchr(got, '|') != NULL, 1);
	assert_non_null(strstr(got, "\xe2\x80\xa6"));
	assert_string_equal(got + strlen(got) - 3, "\xe2\x80\xa6");
	const char *l2 = strchr(strchr(got, '|') + 1, '|');
	assert_non_null(l2);
	assert_non_null(strchr(l2 + 1, '|'));              /* three lines */
	assert_null(strchr(strchr(l2 + 1, '|') + 1, '|')); /* not four */
	free(got);
	assert_int_equal(dl_deck_check(d, stderr), 0);
	dl_deck_free(d);
}

/* ---- awkward inputs ---- */

/* Every chart in boxes from roomy to tiny, fed empty, single, all-missing,
 * negative and oversized inputs: nothing crashes (make check runs this
 * under ASan/UBSan), the deck passes dl_deck_check, text stays in its box. */
static void charts_survive_awkward_inputs(void **state)
{
	(void)state;
	enum { N = 200 };
	static char lab[N][16];
	const char *xl[N];
	double y[N], allnan[N], neg[N];
	for (int i = 0; i < N; i++) {
		snprintf(lab[i], sizeof lab[i], "M%03d", i);
		xl[i] = lab[i];
		y[i] = i % 7 == 0 ? NAN : 1e7 + i;
		allnan[i] = NAN;
		neg[i] = 40.0 - i;
	}
	const char *names[3] = {"A borough with a name far too long for any label column",
				NULL, "C"};
	double vals[3] = {-5, 12, 0};
	struct jb_polygon sq, empty = {0};
	square(&sq, 0, 0, 10);
	const struct jb_polygon *polys[2] = {&sq, &empty};
	int cls[2] = {6, 99}; /* 99: out of range, drawn as no data */
	struct dl_color ramp[7];
	chart_blue_ramp(7, ramp);
	const char *cl[7] = {"1", "2", "3", "4", "5", "6", "7"};
	double lxy[4] = {5, 5, 1e9, 1e9}; /* the second far off the map */
	const char *labs[2] = {"Here", "Nowhere"};
	const struct chart_box boxes[] = {
		{20, 20, 920, 500}, {100, 100, 200, 120}, {300, 300, 60, 40}, {10, 10, 5, 5},
	};
	for (size_t k = 0; k < sizeof boxes / sizeof *boxes; k++) {
		struct chart_box b = boxes[k];
		struct dl_deck *d = dl_deck_new();
		struct dl_page *p;
		struct line_chart lc[] = {
			{.n = N, .xlabels = xl, .y = y, .y_label = "Offences", .fit = neg,
			 .fit_label = "Trend", .y_title = "A title"},
			{.n = N, .xlabels = xl, .y = allnan, .rolling = allnan,
			 .rolling_label = "Average"},
			{.n = 1, .xlabels = xl, .y = neg},
			{.n = 0},
		};
		for (size_t i = 0; i < sizeof lc / sizeof *lc; i++) {
			p = dl_page_add(d, "line");
			chart_line(p, b, &lc[i]);
			texts_inside(p, b);
		}
		struct bar_chart bc[] = {
			{.n = 3, .labels = names, .values = vals, .highlight = 7, .ref = -2,
			 .ref_label = "London", .x_title = "x"},
			{.n = 3, .labels = names, .values = allnan, .highlight = 0, .ref = NAN},
			{.n = 0, .highlight = -1, .ref = NAN},
		};
		for (size_t i = 0; i < sizeof bc / sizeof *bc; i++) {
			p = dl_page_add(d, "bars");
			chart_hbar(p, b, &bc[i]);
			texts_inside(p, b);
		}
		struct choropleth cc[] = {
			{.n = 2, .polys = polys, .cls = cls, .nclasses = 7, .colors = ramp,
			 .class_labels = cl, .legend_title = "Seven classes", .nlabels = 2,
			 .label_xy = lxy, .labels = labs},
			{.n = 1, .polys = polys + 1, .cls = cls, .nclasses = 0},
			{.n = 0, .outline = &sq},
		};
		for (size_t i = 0; i < sizeof cc / sizeof *cc; i++) {
			p = dl_page_add(d, "map");
			chart_choropleth(p, b, &cc[i]);
			texts_inside(p, b);
			for (size_t j = 0; j < p->nitems; j++)
				if (p->items[j].kind == DL_PATH)
					assert_true(ext_in(path_ext(&p->items[j]), b));
		}
		struct tile t[2] = {{NULL, "", NULL, COL_GREY},
				    {"Label", "99,999,999,999,999,999", para, COL_PLUM}};
		p = dl_page_add(d, "tiles");
		chart_tiles(p, b, t, 2, 0);
		chart_tiles(p, b, t, 0, 3);
		texts_inside(p, b);
		const char *cells[4] = {"Head", NULL, para, "1"};
		struct table tab = {2, 2, cells, NULL, NULL, 5, 0};
		p = dl_page_add(d, "table");
		size_t rows = chart_table(p, b, &tab);
		assert_true(rows <= 1);
		texts_inside(p, b);
		p = dl_page_add(d, "text");
		chart_text(p, b, DL_BOLD, 30, COL_TEXT, ALIGN_CENTRE, para);
		chart_text(p, b, DL_REGULAR, 10, COL_TEXT, ALIGN_LEFT, "");
		chart_text(p, b, DL_REGULAR, 10, COL_TEXT, ALIGN_LEFT, NULL);
		chart_bullets(p, b, 12, names, 3);
		texts_inside(p, b);
		assert_int_equal(dl_deck_check(d, stderr), 0);
		for (size_t i = 0; k < 2 && i < d->npages; i++) {
			char name[32];
			snprintf(name, sizeof name, "awkward-%zu-%zu", k, i);
			maybe_png(d->pages[i], name);
		}
		dl_deck_free(d);
	}
	free(sq.ring);
	free(sq.xy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_get_thousands_separators),
		cmocka_unit_test(text_wraps_and_ends_in_ellipsis),
		cmocka_unit_test(long_text_is_cut_in_linear_time),
		cmocka_unit_test(bullets_stop_when_out_of_room),
		cmocka_unit_test(line_chart_axes_legend_and_gaps),
		cmocka_unit_test(bars_fit_32_and_highlight_the_borough),
		cmocka_unit_test(choropleth_fits_box_with_true_scale_bar),
		cmocka_unit_test(blue_ramp_is_light_to_dark_and_visible),
		cmocka_unit_test(tiles_keep_text_inside_each_tile),
		cmocka_unit_test(table_returns_the_rows_that_fit),
		cmocka_unit_test(table_cells_wrap_and_columns_make_room),
		cmocka_unit_test(charts_survive_awkward_inputs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
