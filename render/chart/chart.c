/* render/chart/chart.c - see chart.h. Layout only: scales, ticks, wrapping and
 * placement; every value and label comes from the caller. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/numfmt.h"
#include "../../util/xalloc.h"
#include "../display/font.h"
#include "figure.h"

#define ELLIPSIS "\xE2\x80\xA6" /* U+2026 */
#define LEADING 1.2             /* line height as a multiple of the size */
#define AXIS_PT CHART_AXIS_PT /* tick labels, legends, axis titles */

/* Light tints for areas under lines and for highlighted rows. */
#define COL_BAND DL_RGB(0xFBD9C8)  /* COL_ORANGE at ~25% on white */
#define COL_NODATA DL_RGB(0xE4E4E4)
#define COL_CONTEXT DL_RGB(0xF1F1F1)
#define COL_HILITE DL_RGB(0xDCE5EF) /* COL_DARK_BLUE at ~15% on white */

static struct dl_style fill_only(struct dl_color c)
{
	return (struct dl_style){.fill = c, .stroke = DL_NONE};
}

static struct dl_style stroke_only(struct dl_color c, double width, double dash)
{
	return (struct dl_style){.fill = DL_NONE, .stroke = c, .width = width, .dash = dash};
}

/* ---- text helpers ---- */

/* Points a line may exceed its width by and still fit, as font_wrap
 * allows a hair of slack: a line wrapped to a column exactly its width
 * keeps its size and is not cut (the column's edges, sums of fractions,
 * differ from its width in the last bits). */
#define FIT_SLACK 1e-6

/* s cut (UTF-8 safely) and ended with an ellipsis so it is no wider than
 * maxw; s itself when it fits; "" when not even the ellipsis fits. Caller
 * frees. Linear in the length of s: the cut is found in one pass
 * (font_fit), then trailing blanks are dropped before the ellipsis. */
static char *ellipsize(enum dl_font f, double size, const char *s, double maxw)
{
	if (font_width(f, size, s) <= maxw + FIT_SLACK)
		return xstrdup(s);
	size_t len = strlen(s);
	char *buf = xmalloc(len + sizeof ELLIPSIS);
	size_t keep = font_fit(f, size, s, maxw - font_width(f, size, ELLIPSIS));
	for (;;) {
		while (keep > 0 && s[keep - 1] == ' ')
			keep--;
		memcpy(buf, s, keep);
		memcpy(buf + keep, ELLIPSIS, sizeof ELLIPSIS);
		/* the sums differ in rounding only: at most a step back */
		if (font_width(f, size, buf) <= maxw)
			return buf;
		if (keep == 0)
			break;
		do /* step back over one UTF-8 character */
			keep--;
		while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80);
	}
	buf[0] = '\0';
	return buf;
}

/* One line of text in [x, x + w] aligned: made smaller if too wide (not
 * below CHART_MIN_PT), then cut with an ellipsis if still too wide. */
static void text_line(struct dl_page *p, double x, double baseline, double w, enum dl_font f,
		      double size, struct dl_color c, enum chart_align al, const char *s)
{
	if (!s || w <= 0)
		return;
	double full = font_width(f, size, s);
	if (full > w + FIT_SLACK && size > CHART_MIN_PT)
		size = fmax(CHART_MIN_PT, floor(size * w / full * 10) / 10);
	char *t = ellipsize(f, size, s, w);
	if (*t) {
		double tw = font_width(f, size, t);
		double tx = al == ALIGN_RIGHT ? x + w - tw : al == ALIGN_CENTRE ? x + (w - tw) / 2 : x;
		dl_text(p, tx, baseline, f, size, c, t);
	}
	free(t);
}

/* Baseline that centres a line of text vertically on y. */
static double centre_baseline(enum dl_font f, double size, double y)
{
	return y + (font_ascent(f, size) - font_descent(f, size)) / 2;
}

/* Whether n wrapped lines at size fit a box h tall. */
static int lines_fit(enum dl_font f, double size, size_t n, double h)
{
	return n == 0 || font_ascent(f, size) + (double)(n - 1) * size * LEADING +
				 font_descent(f, size) <= h + 1e-9;
}

/* s wrapped to the width of b (*lines, *n), made smaller when too long
 * for its height, in half points down to CHART_MIN_PT (*size); returns how
 * many lines fit. */
static size_t wrap_to_box(enum dl_font f, double *size, const char *s, struct chart_box b,
			  char ***lines, size_t *n)
{
	*n = font_wrap(f, *size, s, b.w, lines);
	while (!lines_fit(f, *size, *n, b.h) && *size - 0.5 >= CHART_MIN_PT) {
		font_lines_free(*lines, *n);
		*size -= 0.5;
		*n = font_wrap(f, *size, s, b.w, lines);
	}
	size_t fit = 0;
	while (fit < *n && lines_fit(f, *size, fit + 1, b.h))
		fit++;
	return fit;
}

/* The height of fit lines at size. */
static double lines_height(enum dl_font f, double size, size_t fit)
{
	return fit ? font_ascent(f, size) + (double)(fit - 1) * size * LEADING + font_descent(f, size)
		   : 0;
}

/* Wrapped paragraph, made smaller when too long for the box (not below
 * CHART_MIN_PT); *cut (may be NULL) is set when lines were left out. */
static double paragraph(struct dl_page *p, struct chart_box b, enum dl_font f, double size,
			struct dl_color c, enum chart_align al, const char *s, int *cut)
{
	if (cut)
		*cut = 0;
	if (!s || !*s || b.w <= 0)
		return 0;
	char **lines;
	size_t n, fit = wrap_to_box(f, &size, s, b, &lines, &n);
	double asc = font_ascent(f, size), lh = size * LEADING;
	for (size_t i = 0; i < fit; i++) {
		double y = b.y + asc + (double)i * lh;
		if (i + 1 == fit && fit < n) {
			/* lines were left out: this one ends in an ellipsis, cut
			 * further by text_line if it no longer fits */
			char *last = xasprintf("%s" ELLIPSIS, lines[i]);
			text_line(p, b.x, y, b.w, f, size, c, al, last);
			free(last);
		} else {
			text_line(p, b.x, y, b.w, f, size, c, al, lines[i]);
		}
	}
	font_lines_free(lines, n);
	if (cut && fit < n)
		*cut = 1;
	return lines_height(f, size, fit);
}

double chart_text(struct dl_page *p, struct chart_box b, enum dl_font f, double size,
		  struct dl_color c, enum chart_align align, const char *utf8)
{
	dl_tag_begin(p, DL_ROLE_P);
	double h = paragraph(p, b, f, size, c, align, utf8, NULL);
	dl_tag_end(p);
	return h;
}

/* How many of the n items begin inside b, as chart_bullets lays them out:
 * each below the last with a gap, made smaller or cut as paragraph does. */
static size_t bullets_begun(struct chart_box b, double size, const char *const *items, size_t n)
{
	double indent = size * 1.2, gap = size * 0.5, used = 0;
	double asc = font_ascent(DL_REGULAR, size), desc = font_descent(DL_REGULAR, size);
	size_t begun = 0;
	for (size_t i = 0; i < n; i++) {
		double top = used ? used + gap : 0;
		if (top + asc + desc > b.h + 1e-9)
			break;
		begun = i + 1;
		if (!items[i] || !*items[i])
			continue;
		double sz = size;
		char **lines;
		size_t nl, fit = wrap_to_box(DL_REGULAR, &sz, items[i],
					     (struct chart_box){0, 0, b.w - indent, b.h - top}, &lines, &nl);
		font_lines_free(lines, nl);
		used = top + lines_height(DL_REGULAR, sz, fit);
		if (fit < nl)
			break; /* cut inside: paragraph marks it */
	}
	return begun;
}

double chart_bullets(struct dl_page *p, struct chart_box b, double size,
		     const char *const *items, size_t n)
{
	double indent = size * 1.2, gap = size * 0.5, used = 0;
	double asc = font_ascent(DL_REGULAR, size);
	/* items that do not even begin in the box are not left out unseen:
	 * the last item drawn ends in an ellipsis */
	size_t begun = bullets_begun(b, size, items, n), last = begun;
	int dropped = 0;
	for (size_t i = begun; i < n; i++)
		dropped |= items[i] && *items[i];
	for (size_t i = 0; i < begun; i++)
		if (items[i] && *items[i])
			last = i;
	dl_tag_begin(p, DL_ROLE_L);
	for (size_t i = 0; i < begun; i++) {
		double top = used ? used + gap : 0;
		struct chart_box tb = {b.x + indent, b.y + top, b.w - indent, b.h - top};
		if (!items[i] || !*items[i])
			continue;
		/* the item: its label (the bullet), then its body */
		dl_tag_begin(p, DL_ROLE_LI);
		dl_tag_begin(p, DL_ROLE_LBL);
		dl_text(p, b.x + size * 0.2, b.y + top + asc, DL_REGULAR, size, COL_DARK_BLUE,
			"\xE2\x80\xA2"); /* U+2022 bullet */
		dl_tag_end(p);
		dl_tag_begin(p, DL_ROLE_LBODY);
		char *body = dropped && i == last ? xasprintf("%s" ELLIPSIS, items[i]) : NULL;
		double h = paragraph(p, tb, DL_REGULAR, size, COL_TEXT, ALIGN_LEFT,
				     body ? body : items[i], NULL);
		free(body);
		dl_tag_end(p);
		dl_tag_end(p);
		used = top + h;
	}
	dl_tag_end(p);
	return used;
}

double chart_bullets_extend(double used, double w, double size, const char *item)
{
	if (!item || !*item)
		return used;
	double indent = size * 1.2, gap = size * 0.5;
	char **lines;
	size_t k = font_wrap(DL_REGULAR, size, item, w - indent, &lines);
	font_lines_free(lines, k);
	return used + ((used ? gap : 0) + font_ascent(DL_REGULAR, size) +
		       (double)(k - 1) * size * LEADING + font_descent(DL_REGULAR, size));
}

double chart_bullets_height(double w, double size, const char *const *items, size_t n)
{
	double used = 0;
	for (size_t i = 0; i < n; i++)
		used = chart_bullets_extend(used, w, size, items[i]);
	return used;
}

/* ---- numbers and ticks ---- */

struct chart_ticks chart_nice_ticks(double lo, double hi, int want)
{
	struct chart_ticks t;
	if (!(hi > lo))
		hi = lo + 1;
	if (want < 1)
		want = 1;
	double raw = (hi - lo) / want, mag = pow(10, floor(log10(raw))), norm = raw / mag;
	/* nearest of 1, 2, 5, 10 on a log scale (cut at their geometric means) */
	t.step = (norm < 1.414 ? 1 : norm < 3.162 ? 2 : norm < 7.071 ? 5 : 10) * mag;
	t.lo = floor(lo / t.step + 1e-9) * t.step;
	t.hi = ceil(hi / t.step - 1e-9) * t.step;
	t.n = (int)lround((t.hi - t.lo) / t.step) + 1;
	t.decimals = t.step < 1 ? (int)ceil(-log10(t.step) - 1e-9) : 0;
	return t;
}

/* ---- legends ---- */

enum key_kind { KEY_LINE, KEY_DASH, KEY_DOTS, KEY_POINTS, KEY_BOX, KEY_RING };

/* The line chart's comparison series: dotted, so it differs from the
 * solid and dashed lines in shape as well as colour. */
#define COMPARE_WIDTH 2.0
#define COMPARE_DASH 2.0

struct key {
	enum key_kind kind;
	struct dl_color c;
	const char *label;
};

#define KEY_W 16.0 /* symbol width */

static void key_symbol(struct dl_page *p, const struct key *k, double x, double ymid)
{
	switch (k->kind) {
	case KEY_LINE:
		dl_segment(p, x, ymid, x + KEY_W, ymid, k->c, 2);
		break;
	case KEY_DASH:
		dl_path_begin(p);
		dl_move(p, x, ymid);
		dl_line(p, x + KEY_W, ymid);
		dl_path_end(p, stroke_only(k->c, 1.5, 3));
		break;
	case KEY_DOTS:
		dl_path_begin(p);
		dl_move(p, x, ymid);
		dl_line(p, x + KEY_W, ymid);
		dl_path_end(p, stroke_only(k->c, COMPARE_WIDTH, COMPARE_DASH));
		break;
	case KEY_POINTS:
		dl_segment(p, x, ymid, x + KEY_W, ymid, k->c, 1.2);
		dl_circle(p, x + KEY_W / 2, ymid, 2, fill_only(k->c));
		break;
	case KEY_BOX:
		dl_rect(p, x, ymid - 4, KEY_W, 8,
			(struct dl_style){.fill = k->c, .stroke = COL_MUTED, .width = 0.3});
		break;
	case KEY_RING:
		dl_circle(p, x + KEY_W / 2, ymid, 4, stroke_only(k->c, 1.2, 0));
		break;
	}
}

/* Legend entries left to right, wrapping to new rows within w; draws only
 * when p is not NULL. Returns the height used. */
static double legend_row(struct dl_page *p, double x, double y, double w, const struct key *k,
			 size_t n)
{
	double size = AXIS_PT, lh = size * 1.6, cx = 0, rows = 0;
	for (size_t i = 0; i < n; i++) {
		double lw = font_width(DL_REGULAR, size, k[i].label);
		double ew = KEY_W + 4 + fmin(lw, w - KEY_W - 4);
		if (cx > 0 && cx + ew > w) {
			cx = 0;
			rows++;
		}
		if (p) {
			double ymid = y + rows * lh + lh / 2;
			key_symbol(p, &k[i], x + cx, ymid);
			text_line(p, x + cx + KEY_W + 4, centre_baseline(DL_REGULAR, size, ymid),
				  w - cx - KEY_W - 4, DL_REGULAR, size, COL_TEXT, ALIGN_LEFT,
				  k[i].label);
		}
		cx += ew + 14;
	}
	return n ? (rows + 1) * lh : 0;
}

/* ---- line chart ---- */

/* One path through the finite points of v, broken at NAN. Returns the
 * number of points drawn. */
static size_t series_path(struct dl_page *p, const double *v, size_t n, const double *xs,
			  double (*ymap)(const void *, double), const void *ctx,
			  struct dl_style st)
{
	size_t drawn = 0;
	int open = 0, any = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i])) {
			open = 0;
			continue;
		}
		/* a lone point has no segment: markers show it */
		int next = i + 1 < n && isfinite(v[i + 1]);
		if (!open && !next)
			continue;
		if (!any) {
			dl_path_begin(p);
			any = 1;
		}
		if (open)
			dl_line(p, xs[i], ymap(ctx, v[i]));
		else
			dl_move(p, xs[i], ymap(ctx, v[i]));
		open = 1;
		drawn++;
	}
	if (any)
		dl_path_end(p, st);
	return drawn;
}

struct yscale {
	double top, bottom; /* page y of the plot's top and bottom */
	double lo, hi;      /* data values there */
};

static double ymap(const void *ctx, double v)
{
	const struct yscale *s = ctx;
	return s->bottom - (v - s->lo) / (s->hi - s->lo) * (s->bottom - s->top);
}

static void minmax(const double *v, size_t n, double *lo, double *hi)
{
	for (size_t i = 0; v && i < n; i++)
		if (isfinite(v[i])) {
			*lo = fmin(*lo, v[i]);
			*hi = fmax(*hi, v[i]);
		}
}

static void line_draw(struct dl_page *p, struct chart_box b, const struct line_chart *c)
{
	const double fs = AXIS_PT;
	const double asc = font_ascent(DL_REGULAR, fs), desc = font_descent(DL_REGULAR, fs);
	size_t n = c->n;

	/* legend: what is drawn, in drawing order of importance */
	struct key keys[6];
	size_t nk = 0;
	if (c->y_label)
		keys[nk++] = (struct key){KEY_POINTS, COL_DARK_BLUE, c->y_label};
	if (c->compare && c->compare_label)
		keys[nk++] = (struct key){KEY_DOTS, COL_PLUM, c->compare_label};
	if (c->rolling && c->rolling_label)
		keys[nk++] = (struct key){KEY_LINE, COL_TURQUOISE, c->rolling_label};
	if (c->fit && c->fit_label)
		keys[nk++] = (struct key){KEY_DASH, COL_ORANGE, c->fit_label};
	if (c->lo && c->hi && c->band_label)
		keys[nk++] = (struct key){KEY_BOX, COL_BAND, c->band_label};
	if (c->mark && c->mark_label)
		keys[nk++] = (struct key){KEY_RING, COL_PLUM, c->mark_label};
	double top = b.y;
	top += legend_row(p, b.x, top, b.w, keys, nk);
	if (c->y_title && top + 2 + asc + desc <= b.y + b.h) {
		text_line(p, b.x, top + 2 + asc, b.w, DL_REGULAR, fs, COL_MUTED, ALIGN_LEFT,
			  c->y_title);
		top += 2 + asc + desc + 2;
	}

	/* vertical layout: half a tick label above the top grid line, x
	 * labels below the plot */
	struct yscale ys = {.top = top + (asc + desc) / 2 + 1};
	ys.bottom = b.y + b.h - (4 + asc + desc);
	if (ys.bottom - ys.top < 20)
		return; /* no room for a plot */
	double lo = 0, hi = 0; /* the y axis starts at 0 */
	minmax(c->y, n, &lo, &hi);
	minmax(c->fit, n, &lo, &hi);
	minmax(c->rolling, n, &lo, &hi);
	minmax(c->compare, n, &lo, &hi);
	if (c->lo && c->hi) {
		minmax(c->lo, n, &lo, &hi);
		minmax(c->hi, n, &lo, &hi);
	}
	int want = (int)fmax(2, fmin(6, (ys.bottom - ys.top) / 45));
	struct chart_ticks t = chart_nice_ticks(lo, hi, want);
	ys.lo = t.lo;
	ys.hi = t.hi;

	/* horizontal layout: tick labels left; the first and last x labels
	 * are centred on their points, so keep half a label either side */
	char **tl = xcalloc((size_t)t.n, sizeof *tl);
	double tickw = 0, xlw = 0;
	for (int i = 0; i < t.n; i++) {
		char num[64];
		fmt_dec(t.lo + i * t.step, t.decimals, num, sizeof num);
		tl[i] = xstrdup(num);
		tickw = fmax(tickw, font_width(DL_REGULAR, fs, tl[i]));
	}
	for (size_t i = 0; c->xlabels && i < n; i++)
		xlw = fmax(xlw, font_width(DL_REGULAR, fs, c->xlabels[i]));
	double px = b.x + fmax(tickw + 5, xlw / 2 + 1);
	double pr = b.x + b.w - (xlw / 2 + 1);
	if (pr - px < 20) {
		for (int i = 0; i < t.n; i++)
			free(tl[i]);
		free(tl);
		return;
	}
	double *xs = xmalloc((n ? n : 1) * sizeof *xs);
	for (size_t i = 0; i < n; i++)
		xs[i] = n == 1 ? (px + pr) / 2 : px + (pr - px) * (double)i / (double)(n - 1);
	double dx = n > 1 ? (pr - px) / (double)(n - 1) : pr - px;

	/* grid and y tick labels */
	for (int i = 0; i < t.n; i++) {
		double y = ymap(&ys, t.lo + i * t.step);
		dl_segment(p, px, y, pr, y, COL_RULE, 0.5);
		double w = font_width(DL_REGULAR, fs, tl[i]);
		dl_text(p, px - 4 - w, centre_baseline(DL_REGULAR, fs, y), DL_REGULAR, fs,
			COL_MUTED, tl[i]);
		free(tl[i]);
	}
	free(tl);

	/* confidence band: one polygon per run where both bounds exist */
	if (c->lo && c->hi) {
		size_t i = 0;
		while (i < n) {
			if (!isfinite(c->lo[i]) || !isfinite(c->hi[i])) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < n && isfinite(c->lo[j]) && isfinite(c->hi[j]))
				j++;
			dl_path_begin(p);
			for (size_t k = i; k < j; k++)
				(k == i ? dl_move : dl_line)(p, xs[k], ymap(&ys, c->hi[k]));
			for (size_t k = j; k-- > i;)
				dl_line(p, xs[k], ymap(&ys, c->lo[k]));
			dl_close(p);
			dl_path_end(p, fill_only(COL_BAND));
			i = j;
		}
	}
	if (c->rolling)
		series_path(p, c->rolling, n, xs, ymap, &ys, stroke_only(COL_TURQUOISE, 2, 0));
	if (c->fit)
		series_path(p, c->fit, n, xs, ymap, &ys, stroke_only(COL_ORANGE, 1.5, 4));
	if (c->compare)
		series_path(p, c->compare, n, xs, ymap, &ys,
			    stroke_only(COL_PLUM, COMPARE_WIDTH, COMPARE_DASH));
	if (c->y) {
		series_path(p, c->y, n, xs, ymap, &ys, stroke_only(COL_DARK_BLUE, 1.2, 0));
		double r = fmin(2, dx / 3);
		for (size_t i = 0; i < n && r >= 0.8; i++)
			if (isfinite(c->y[i]))
				dl_circle(p, xs[i], ymap(&ys, c->y[i]), r, fill_only(COL_DARK_BLUE));
	}
	for (size_t i = 0; c->mark && c->y && i < n; i++)
		if (c->mark[i] && isfinite(c->y[i]))
			dl_circle(p, xs[i], ymap(&ys, c->y[i]), 4.5, stroke_only(COL_PLUM, 1.2, 0));

	/* x axis: a baseline, and every k-th label, k chosen so labels keep
	 * a gap of at least 8 pt (monthly steps: 1, 2, 3, 4, 6, then years) */
	dl_segment(p, px, ys.bottom, pr, ys.bottom, COL_GREY, 0.8);
	size_t k = 1;
	static const size_t steps[] = {1, 2, 3, 4, 6, 12};
	for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
		k = steps[s];
		if ((double)k * dx >= xlw + 8)
			break;
		if (s + 1 == sizeof steps / sizeof *steps)
			while ((double)k * dx < xlw + 8 && k < n)
				k += 12;
	}
	for (size_t i = 0; c->xlabels && i < n; i += k) {
		double w = font_width(DL_REGULAR, fs, c->xlabels[i]);
		dl_segment(p, xs[i], ys.bottom, xs[i], ys.bottom + 3, COL_GREY, 0.8);
		dl_text(p, xs[i] - w / 2, ys.bottom + 4 + asc, DL_REGULAR, fs, COL_MUTED,
			c->xlabels[i]);
	}
	free(xs);
}

/* ---- ranked horizontal bars ---- */

static void hbar_draw(struct dl_page *p, struct chart_box b, const struct bar_chart *c)
{
	size_t n = c->n;
	if (n == 0)
		return;
	int has_ref = isfinite(c->ref);
	int any_similar = 0;
	for (size_t i = 0; c->similar && i < n; i++)
		any_similar |= c->similar[i] != 0;

	/* rows above the bars: legend, then the reference line's label */
	struct key keys[3];
	size_t nk = 0;
	if (c->highlight >= 0 && (size_t)c->highlight < n)
		keys[nk++] = (struct key){KEY_BOX, CHART_ACCENT, c->labels[c->highlight]};
	if (any_similar)
		keys[nk++] = (struct key){KEY_BOX, CHART_SECOND, "Similar boroughs"};
	double top = b.y + legend_row(p, b.x, b.y, b.w, keys, nk);
	double refrow = has_ref && c->ref_label ? AXIS_PT * 1.5 : 0;
	double bottom = b.y + b.h;
	if (c->x_title)
		bottom -= AXIS_PT * 1.6;
	/* rows share the height, but a few bars stay bars, not blocks */
	double rowh = fmin((bottom - top - refrow) / (double)n, 20);
	if (rowh < 4)
		return;
	double fs = fmax(CHART_MIN_PT, fmin(CHART_TEXT_PT, rowh / CHART_BAR_ROW_PER_PT));
	/* text taller than its row: rows closer, so that the first and last
	 * rows' text stays in the box (n rows plus the overhang fill it) */
	double texth = font_ascent(DL_REGULAR, fs) + font_descent(DL_REGULAR, fs), pad = 0;
	if (texth > rowh) {
		double avail = bottom - top - refrow;
		rowh = n > 1 ? fmin((avail - texth) / (double)(n - 1), 20) : avail;
		pad = fmax(0, (texth - rowh) / 2);
		if (rowh < 4)
			return;
	}

	/* columns: labels | bars | value text */
	double labw = 0, valw = 0;
	for (size_t i = 0; i < n; i++) {
		enum dl_font f = (int)i == c->highlight ? DL_BOLD : DL_REGULAR;
		labw = fmax(labw, font_width(f, fs, c->labels[i]));
		if (c->value_text)
			valw = fmax(valw, font_width(f, fs, c->value_text[i]));
	}
	labw = fmin(labw, b.w * 0.35);
	double x0 = b.x + labw + 5;
	double pw = b.x + b.w - valw - 3 - x0;
	if (pw < 10)
		return;
	double vmin = 0, vmax = 0;
	minmax(c->values, n, &vmin, &vmax);
	if (has_ref) {
		vmin = fmin(vmin, c->ref);
		vmax = fmax(vmax, c->ref);
	}
	if (!(vmax > vmin))
		vmax = vmin + 1;
	/* values below zero extend left of the zero line */
	double scale = pw / (vmax - vmin), zx = x0 - vmin * scale;
	double ybars = top + refrow + pad;

	for (size_t i = 0; i < n; i++) {
		double ymid = ybars + rowh * ((double)i + 0.5);
		int hi = (int)i == c->highlight;
		enum dl_font f = hi ? DL_BOLD : DL_REGULAR;
		text_line(p, b.x, centre_baseline(f, fs, ymid), labw, f, fs, COL_TEXT,
			  ALIGN_RIGHT, c->labels[i]);
		double v = c->values[i];
		if (!isfinite(v))
			continue;
		struct dl_color col = hi ? CHART_ACCENT
				      : c->similar && c->similar[i] ? CHART_SECOND
								    : CHART_BASE;
		double bx = fmin(zx, zx + v * scale), bw = fabs(v * scale);
		dl_rect(p, bx, ymid - rowh * 0.36, bw, rowh * 0.72, fill_only(col));
		if (c->value_text && c->value_text[i])
			dl_text(p, fmax(zx, zx + v * scale) + 3, centre_baseline(f, fs, ymid), f,
				fs, hi ? COL_TEXT : COL_GREY, c->value_text[i]);
	}
	dl_segment(p, zx, ybars, zx, ybars + rowh * (double)n, COL_GREY, 0.8);
	if (has_ref) {
		/* the London line, dashed, broken where it would cross a value */
		double rx = zx + c->ref * scale;
		int open = 0;
		dl_path_begin(p);
		for (size_t i = 0; i < n; i++) {
			double y0 = i == 0 ? ybars - 2 : ybars + rowh * (double)i;
			int blocked = 0;
			if (c->value_text && c->value_text[i] && isfinite(c->values[i])) {
				enum dl_font f = (int)i == c->highlight ? DL_BOLD : DL_REGULAR;
				double tx = fmax(zx, zx + c->values[i] * scale) + 3;
				double tw = font_width(f, fs, c->value_text[i]);
				blocked = rx > tx - 2 && rx < tx + tw + 2;
			}
			if (blocked) {
				open = 0;
				continue;
			}
			if (!open)
				dl_move(p, rx, y0);
			dl_line(p, rx, ybars + rowh * (double)(i + 1));
			open = 1;
		}
		dl_path_end(p, stroke_only(COL_GREY, 1, 3));
		if (c->ref_label) {
			double w = fmin(font_width(DL_REGULAR, AXIS_PT, c->ref_label), b.w);
			double lx = fmin(fmax(rx - w / 2, b.x), b.x + b.w - w);
			text_line(p, lx, top + font_ascent(DL_REGULAR, AXIS_PT), w, DL_REGULAR,
				  AXIS_PT, COL_GREY, ALIGN_LEFT, c->ref_label);
		}
	}
	if (c->x_title)
		text_line(p, x0, ybars + rowh * (double)n + 2 + font_ascent(DL_REGULAR, AXIS_PT),
			  b.x + b.w - x0, DL_REGULAR, AXIS_PT, COL_MUTED, ALIGN_LEFT, c->x_title);
}

/* ---- choropleth ---- */

void chart_blue_ramp(size_t n, struct dl_color *out)
{
	/* ColorBrewer "Blues" (Brewer, Penn State), the 9-class scheme without
	 * its two lightest steps, which vanish on white */
	static const unsigned blues[7] = {0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6,
					  0x2171B5, 0x08519C, 0x08306B};
	for (size_t i = 0; i < n; i++) {
		size_t k = n == 1 ? 3 : (size_t)lround((double)i * 6 / (double)(n - 1));
		out[i] = DL_RGB(blues[k > 6 ? 6 : k]);
	}
}

struct mapfit {
	double x, y, w, h; /* the map rectangle on the page */
	double s;          /* points per metre */
	double ox, oy;     /* page position of BNG (minx, maxy) */
	double minx, maxy;
};

static void map_xy(const struct mapfit *m, double e, double nn, double *x, double *y)
{
	*x = m->ox + (e - m->minx) * m->s;
	*y = m->oy + (m->maxy - nn) * m->s; /* north is up: page y grows down */
}

/* Sutherland-Hodgman: the ring clipped to the map rectangle, one edge at a
 * time. in/out hold 2 * cap doubles; returns the point count. */
static size_t clip_edge(const double *in, size_t n, double *out, int axis, double v, int keep_ge)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const double *a = in + 2 * ((i + n - 1) % n), *b = in + 2 * i;
		int ain = keep_ge ? a[axis] >= v : a[axis] <= v;
		int bin = keep_ge ? b[axis] >= v : b[axis] <= v;
		if (ain != bin) {
			double t = (v - a[axis]) / (b[axis] - a[axis]);
			out[2 * m] = a[0] + t * (b[0] - a[0]);
			out[2 * m + 1] = a[1] + t * (b[1] - a[1]);
			out[2 * m + axis] = v;
			m++;
		}
		if (bin) {
			out[2 * m] = b[0];
			out[2 * m + 1] = b[1];
			m++;
		}
	}
	return m;
}

/* Adds the polygon's rings, mapped and clipped, to the current path. */
static int poly_rings(struct dl_page *p, const struct mapfit *m, const struct jb_polygon *g)
{
	int any = 0;
	for (size_t r = 0; r < g->nrings; r++) {
		size_t n = g->ring[r + 1] - g->ring[r];
		if (n < 3)
			continue;
		/* each clip edge adds at most one point per edge crossing */
		double *a = xmalloc(2 * (2 * n + 8) * sizeof *a);
		double *bb = xmalloc(2 * (2 * n + 8) * sizeof *bb);
		const double *src = g->xy + 2 * g->ring[r];
		for (size_t i = 0; i < n; i++)
			map_xy(m, src[2 * i], src[2 * i + 1], &a[2 * i], &a[2 * i + 1]);
		n = clip_edge(a, n, bb, 0, m->x, 1);
		n = clip_edge(bb, n, a, 0, m->x + m->w, 0);
		n = clip_edge(a, n, bb, 1, m->y, 1);
		n = clip_edge(bb, n, a, 1, m->y + m->h, 0);
		if (n >= 3) {
			if (!any)
				dl_path_begin(p);
			any = 1;
			dl_move(p, a[0], a[1]);
			for (size_t i = 1; i < n; i++)
				dl_line(p, a[2 * i], a[2 * i + 1]);
			dl_close(p);
		}
		free(a);
		free(bb);
	}
	return any;
}

static void draw_poly(struct dl_page *p, const struct mapfit *m, const struct jb_polygon *g,
		      struct dl_style st)
{
	if (g && poly_rings(p, m, g)) {
		st.evenodd = 1;
		dl_path_end(p, st);
	}
}

/* A round scale-bar length (1, 2 or 5 x 10^k metres) no longer than maxm. */
static double round_length(double maxm)
{
	double mag = pow(10, floor(log10(maxm)));
	double norm = maxm / mag;
	return (norm >= 5 ? 5 : norm >= 2 ? 2 : 1) * mag;
}

static char *km_text(double metres)
{
	if (metres >= 1000)
		return xasprintf("%g km", metres / 1000);
	return xasprintf("%g m", metres);
}

struct rect {
	double x0, y0, x1, y1;
};

static int overlaps(struct rect a, struct rect b)
{
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

static int inside(struct rect a, const struct mapfit *m)
{
	return a.x0 >= m->x && a.y0 >= m->y && a.x1 <= m->x + m->w && a.y1 <= m->y + m->h;
}

/* Point labels on white plates beside their points, first come first
 * served: a label whose plate would cover a placed label or point, or leave
 * the map, or whose point lies under a placed plate, is dropped with its
 * point. */
static void map_labels(struct dl_page *p, const struct mapfit *m, const struct choropleth *c)
{
	const double fs = CHART_TEXT_PT, pad = 1.5, r = 2;
	double asc = font_ascent(DL_BOLD, fs), desc = font_descent(DL_BOLD, fs);
	size_t n = c->nlabels, np = 0;
	struct rect *plate = xmalloc((n ? n : 1) * sizeof *plate);
	struct rect *dot = xmalloc((n ? n : 1) * sizeof *dot);
	for (size_t i = 0; i < n; i++) {
		double px, py;
		map_xy(m, c->label_xy[2 * i], c->label_xy[2 * i + 1], &px, &py);
		struct rect own = {px - r, py - r, px + r, py + r};
		if (!c->labels[i] || !inside(own, m))
			continue;
		int clash = 0;
		for (size_t j = 0; j < np && !clash; j++)
			clash = overlaps(own, plate[j]);
		if (clash)
			continue;
		double w = font_width(DL_BOLD, fs, c->labels[i]) + 2 * pad;
		double h = asc + desc + 2 * pad;
		/* right, left, above, below the point */
		struct rect cand[4] = {
			{px + r + 1, py - h / 2, px + r + 1 + w, py + h / 2},
			{px - r - 1 - w, py - h / 2, px - r - 1, py + h / 2},
			{px - w / 2, py - r - 1 - h, px + w / 2, py - r - 1},
			{px - w / 2, py + r + 1, px + w / 2, py + r + 1 + h},
		};
		int ok = -1;
		for (int k = 0; k < 4 && ok < 0; k++) {
			clash = !inside(cand[k], m);
			for (size_t j = 0; j < np && !clash; j++)
				clash = overlaps(cand[k], plate[j]) || overlaps(cand[k], dot[j]);
			if (!clash)
				ok = k;
		}
		if (ok < 0)
			continue;
		struct rect a = cand[ok];
		plate[np] = a;
		dot[np++] = own;
		dl_circle(p, px, py, r,
			  (struct dl_style){.fill = COL_TEXT, .stroke = COL_WHITE, .width = 0.8});
		dl_rect(p, a.x0, a.y0, a.x1 - a.x0, a.y1 - a.y0,
			(struct dl_style){.fill = (struct dl_color){255, 255, 255, 225},
					  .stroke = COL_MUTED, .width = 0.3});
		dl_text(p, a.x0 + pad, a.y0 + pad + asc, DL_BOLD, fs, COL_TEXT, c->labels[i]);
	}
	free(plate);
	free(dot);
}

static void north_arrow(struct dl_page *p, double cx, double top, double h)
{
	double w = h * 0.6, fs = CHART_TEXT_PT, asc = font_ascent(DL_BOLD, fs);
	dl_text(p, cx - font_width(DL_BOLD, fs, "N") / 2, top + asc, DL_BOLD, fs, COL_GREY, "N");
	double y0 = top + asc + 3;
	dl_path_begin(p);
	dl_move(p, cx, y0);
	dl_line(p, cx + w / 2, y0 + h);
	dl_line(p, cx, y0 + h * 0.72);
	dl_line(p, cx - w / 2, y0 + h);
	dl_close(p);
	dl_path_end(p, fill_only(COL_GREY));
}

static void choropleth_draw(struct dl_page *p, struct chart_box b, const struct choropleth *c)
{
	const double fs = AXIS_PT, asc = font_ascent(DL_REGULAR, fs);
	const double desc = font_descent(DL_REGULAR, fs), lh = fs * 1.7;
	if (b.w < 160 || b.h < 100)
		return; /* no room for a map with its legend, arrow and scale */
	int nodata = 0;
	for (size_t i = 0; i < c->n; i++)
		nodata |= c->cls[i] < 0 || (size_t)c->cls[i] >= c->nclasses;

	/* the legend column on the right: its width from the widest label */
	double colw = c->legend_title ? font_width(DL_BOLD, fs, c->legend_title) : 0;
	for (size_t k = 0; k < c->nclasses; k++)
		colw = fmax(colw, 14 + 5 + font_width(DL_REGULAR, fs, c->class_labels[k]));
	if (nodata)
		colw = fmax(colw, 14 + 5 + font_width(DL_REGULAR, fs, "No data"));
	colw = fmin(fmax(colw, 90), b.w * 0.32);
	double lx = b.x + b.w - colw;

	/* the extent: the outline's, or the polygons' */
	double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
	if (c->outline && c->outline->nrings) {
		minx = c->outline->minx, miny = c->outline->miny;
		maxx = c->outline->maxx, maxy = c->outline->maxy;
	} else {
		for (size_t i = 0; i < c->n; i++) {
			if (!c->polys[i] || !c->polys[i]->nrings)
				continue;
			minx = fmin(minx, c->polys[i]->minx);
			miny = fmin(miny, c->polys[i]->miny);
			maxx = fmax(maxx, c->polys[i]->maxx);
			maxy = fmax(maxy, c->polys[i]->maxy);
		}
	}
	struct mapfit m = {.x = b.x, .y = b.y, .w = lx - 12 - b.x, .h = b.h};
	if (!(maxx > minx) || !(maxy > miny) || m.w < 20 || m.h < 20)
		return;
	/* 4% margin so the bold outline is not cut at the edge */
	double ew = (maxx - minx) * 1.08, eh = (maxy - miny) * 1.08;
	m.s = fmin(m.w / ew, m.h / eh);
	m.minx = minx - (maxx - minx) * 0.04;
	m.maxy = maxy + (maxy - miny) * 0.04;
	/* a map narrower than its room moves right and takes the legend
	 * with it, so the pair is centred in the box; the map rectangle (the
	 * clip for neighbours) is the map's width and the box's height */
	double spare = m.w - ew * m.s;
	m.x += spare / 2;
	m.w -= spare;
	lx -= spare / 2;
	m.ox = m.x;
	m.oy = m.y + (m.h - eh * m.s) / 2;

	for (size_t i = 0; c->context && i < c->ncontext; i++)
		draw_poly(p, &m, c->context[i],
			  (struct dl_style){.fill = COL_CONTEXT, .stroke = COL_RULE, .width = 0.4});
	for (size_t i = 0; i < c->n; i++) {
		int k = c->cls[i];
		struct dl_color fill = k >= 0 && (size_t)k < c->nclasses ? c->colors[k] : COL_NODATA;
		draw_poly(p, &m, c->polys[i],
			  (struct dl_style){.fill = fill, .stroke = COL_WHITE, .width = 0.35});
	}
	draw_poly(p, &m, c->outline, stroke_only(COL_GREY, 1.6, 0));
	map_labels(p, &m, c);

	/* legend: title, one swatch per class, "No data" */
	double y = b.y;
	if (c->legend_title) {
		struct chart_box tb = {lx, y, colw, lh * 2.2};
		y += paragraph(p, tb, DL_BOLD, fs, COL_TEXT, ALIGN_LEFT, c->legend_title, NULL) + 4;
	}
	/* entries close up (down to a line's height apart, so that labels
	 * never overlap) to leave room for the arrow and scale bar; any still
	 * without room are left out */
	size_t nentries = c->nclasses + (nodata ? 1 : 0);
	double room = b.y + b.h - 60 - y;
	double step = nentries ? fmax(asc + desc, fmin(lh, room / (double)nentries)) : lh;
	for (size_t k = 0; k < nentries; k++) {
		if (y + step > b.y + b.h - 60)
			break;
		struct dl_color col = k < c->nclasses ? c->colors[k] : COL_NODATA;
		const char *lab = k < c->nclasses ? c->class_labels[k] : "No data";
		dl_rect(p, lx, y + (step - 9) / 2, 14, 9,
			(struct dl_style){.fill = col, .stroke = COL_MUTED, .width = 0.3});
		text_line(p, lx + 19, centre_baseline(DL_REGULAR, fs, y + step / 2), colw - 19,
			  DL_REGULAR, fs, COL_TEXT, ALIGN_LEFT, lab);
		y += step;
	}

	/* north arrow and scale bar at the foot of the legend column */
	double barmax = colw - 10;
	double metres = round_length(barmax / m.s);
	double barw = metres * m.s;
	double sy = b.y + b.h - desc - 1; /* label baseline */
	double by = sy - asc - 4;         /* the bar */
	north_arrow(p, lx + 7, by - 44, 22);
	dl_path_begin(p);
	dl_move(p, lx, by - 4);
	dl_line(p, lx, by);
	dl_line(p, lx + barw, by);
	dl_line(p, lx + barw, by - 4);
	dl_path_end(p, stroke_only(COL_GREY, 1.2, 0));
	char *t = km_text(metres);
	dl_text(p, lx, sy, DL_REGULAR, fs, COL_GREY, t);
	free(t);
}

/* ---- KPI tiles ---- */

void chart_tiles(struct dl_page *p, struct chart_box b, const struct tile *t, size_t n,
		 size_t cols)
{
	if (n == 0)
		return;
	if (cols == 0)
		cols = n;
	size_t rows = (n + cols - 1) / cols;
	const double gap = 10, pad = 10;
	double tw = (b.w - gap * (double)(cols - 1)) / (double)cols;
	double th = (b.h - gap * (double)(rows - 1)) / (double)rows;
	for (size_t i = 0; i < n; i++) {
		double x = b.x + (tw + gap) * (double)(i % cols);
		double y = b.y + (th + gap) * (double)(i / cols);
		dl_rect(p, x, y, tw, th, fill_only(COL_PANEL));
		dl_rect(p, x, y, 4, th, fill_only(t[i].accent));
		/* a tile reads as one paragraph: label, value, detail */
		dl_tag_begin(p, DL_ROLE_P);
		double ix = x + 4 + pad, iw = tw - 4 - 2 * pad, cy = y + pad;
		double bottom = y + th - pad;
		if (t[i].label) {
			struct chart_box lb = {ix, cy, iw,
					       fmin(CHART_TEXT_PT * LEADING * 2, bottom - cy)};
			cy += 4 + paragraph(p, lb, DL_REGULAR, CHART_TEXT_PT, COL_MUTED, ALIGN_LEFT,
					    t[i].label, NULL);
		}
		if (t[i].value) {
			double size = fmin(28, th * 0.3);
			while (size > 10 && font_width(DL_BOLD, size, t[i].value) > iw)
				size -= 1;
			double asc = font_ascent(DL_BOLD, size), desc = font_descent(DL_BOLD, size);
			if (cy + asc + desc <= bottom) {
				text_line(p, ix, cy + asc, iw, DL_BOLD, size, COL_TEXT, ALIGN_LEFT,
					  t[i].value);
				cy += asc + desc + 4;
			}
		}
		if (t[i].detail && bottom > cy)
			paragraph(p, (struct chart_box){ix, cy, iw, bottom - cy}, DL_REGULAR,
				  CHART_TEXT_PT, COL_TEXT, ALIGN_LEFT, t[i].detail, NULL);
		dl_tag_end(p);
	}
}

/* ---- tables ---- */

/* A table cell wraps onto at most CELL_LINES lines; a header's column is
 * made wide enough for it to take HEAD_LINES. */
#define CELL_LINES 3
#define HEAD_LINES 2

/* The header and the highlighted row are bold. */
static enum dl_font row_font(const struct table *t, size_t r)
{
	return r == 0 || (int)r - 1 == t->highlight_row ? DL_BOLD : DL_REGULAR;
}

/* Where a word too wide for its line may break: after a character that
 * already reads as a joint (a file path's '/', a '-', a '_'); 0 when none
 * lies in the first keep bytes. */
static size_t joint_before(const char *s, size_t keep)
{
	for (size_t i = keep; i > 1; i--)
		if (strchr("/-_", s[i - 1]))
			return i;
	return 0;
}

/* s wrapped to width w into at most max lines (*lines, freed with
 * font_lines_free): at spaces, and inside a word too wide for a line
 * after a '/', '-' or '_' (a long file path). When more lines would be
 * needed, the last kept one ends in an ellipsis (the layout's cut, which
 * tests/test_access.c finds). */
static size_t cell_wrap(enum dl_font f, double size, const char *s, double w, size_t max,
			char ***lines)
{
	char **words;
	size_t nw = font_wrap(f, size, s, w, &words), n = 0, cap = 0;
	char **out = NULL;
	for (size_t i = 0; i < nw; i++) {
		const char *rest = words[i];
		while (*rest) {
			size_t len = strlen(rest), keep = len;
			if (font_width(f, size, rest) > w) {
				size_t j = joint_before(rest, font_fit(f, size, rest, w));
				keep = j ? j : len; /* no joint: the word stays whole */
			}
			out = xgrow(out, &cap, n + 1, sizeof *out);
			out[n++] = xstrndup(rest, keep);
			rest += keep;
		}
	}
	font_lines_free(words, nw);
	if (n > max) {
		char *last = xasprintf("%s" ELLIPSIS, out[max - 1]);
		for (size_t i = max - 1; i < n; i++)
			free(out[i]);
		out[max - 1] = last;
		n = max;
	}
	*lines = out;
	return n;
}

/* Lines of row r: its tallest cell's. */
static size_t row_lines(const struct table *t, size_t r, const double *cx, double fs, double pad)
{
	enum dl_font f = row_font(t, r);
	size_t most = 1;
	for (size_t j = 0; j < t->ncols; j++) {
		const char *s = t->cells[r * t->ncols + j];
		if (!s || !*s)
			continue;
		char **lines;
		size_t n = cell_wrap(f, fs, s, cx[j + 1] - cx[j] - 2 * pad, CELL_LINES, &lines);
		font_lines_free(lines, n);
		most = n > most ? n : most;
	}
	return most;
}

static double table_size(const struct table *t)
{
	return t->size > 0 ? fmax(t->size, CHART_MIN_PT) : CHART_TEXT_PT;
}

/* The widest piece of s no line break may split: a word, or within a
 * word the run up to a joint ('/', '-', '_'), as cell_wrap breaks. */
static double min_content(enum dl_font f, double size, const char *s)
{
	double most = 0;
	while (*s) {
		size_t n = strcspn(s, " /-_");
		if (s[n] && s[n] != ' ')
			n++; /* the joint ends its piece */
		char *piece = xstrndup(s, n);
		most = fmax(most, font_width(f, size, piece));
		free(piece);
		s += n;
		while (*s == ' ')
			s++;
	}
	return most;
}

/* The narrowest width (to a tenth of a point) at which s takes no more
 * than n lines. */
static double lines_width(enum dl_font f, double size, const char *s, size_t n)
{
	double lo = min_content(f, size, s), hi = font_width(f, size, s);
	while (hi - lo > 0.1) {
		double mid = (lo + hi) / 2;
		char **lines;
		size_t k = cell_wrap(f, size, s, mid, n + 1, &lines);
		font_lines_free(lines, k);
		if (k <= n)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* Moves up to amount of width into the columns that take[] from those
 * that give[], in proportion to each one's share. */
static void shift(double *width, const double *give, const double *take, size_t n, double amount)
{
	double g = 0, t = 0;
	for (size_t j = 0; j < n; j++) {
		g += give[j];
		t += take[j];
	}
	double moved = fmin(amount, fmin(g, t));
	if (moved <= 0)
		return;
	for (size_t j = 0; j < n; j++)
		width[j] += moved * take[j] / t - moved * give[j] / g;
}

enum { ROOM_LACK, ROOM_UNUSED, ROOM_WRAP, ROOM_WIDER };

/* What column j lacks or can give (enum above) at its width w: need is
 * its longest word, full its longest data cell on one line. */
static double room(int what, double w, double need, double full)
{
	switch (what) {
	case ROOM_LACK: /* too narrow for a word */
		return fmax(0, need - w);
	case ROOM_UNUSED: /* left empty even with every data cell on one line */
		return fmax(0, w - fmax(need, full));
	case ROOM_WRAP: /* freed by wrapping its cells */
		return fmax(0, w - need) - fmax(0, w - fmax(need, full));
	default: /* a data cell would fit on fewer lines */
		return fmax(0, full - w);
	}
}

/* Column edges cx[0..ncols] across [x, x + w] (caller frees): the widths
 * asked for, adjusted as an HTML table's automatic layout does. A column
 * too narrow for its longest word (a header's "Neighbourhoods") takes what
 * it lacks from the others, first from room their text leaves unused, then
 * from room they free by wrapping; then a column whose data cells wrap
 * takes what room is still unused (a header may take two lines, a data
 * cell had better take one). What no column can give leaves a word cut. */
static double *table_columns(const struct table *t, double x, double w, double fs, double pad)
{
	size_t nc = t->ncols;
	double *cx = xmalloc((nc + 1) * sizeof *cx), total = 0;
	double *width = xcalloc(nc, sizeof *width), *need = xcalloc(nc, sizeof *need);
	double *full = xcalloc(nc, sizeof *full), *give = xcalloc(nc, sizeof *give);
	double *take = xcalloc(nc, sizeof *take);
	for (size_t j = 0; j < nc; j++)
		total += t->widths ? t->widths[j] : 1;
	for (size_t j = 0; j < nc; j++)
		width[j] = w * (t->widths ? t->widths[j] : 1) / total - 2 * pad;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t j = 0; j < nc; j++) {
			const char *s = t->cells[r * nc + j];
			if (!s)
				continue;
			need[j] = fmax(need[j], min_content(row_font(t, r), fs, s));
			full[j] = fmax(full[j], r > 0 ? font_width(row_font(t, r), fs, s)
						      : lines_width(row_font(t, r), fs, s, HEAD_LINES));
		}
	static const int steps[][2] = {
		{ROOM_UNUSED, ROOM_LACK}, {ROOM_WRAP, ROOM_LACK}, {ROOM_UNUSED, ROOM_WIDER}};
	for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
		for (size_t j = 0; j < nc; j++) {
			give[j] = room(steps[k][0], width[j], need[j], full[j]);
			take[j] = room(steps[k][1], width[j], need[j], full[j]);
		}
		shift(width, give, take, nc, INFINITY);
	}
	for (size_t j = 0; j <= nc; j++) {
		cx[j] = x;
		if (j < nc)
			x += width[j] + 2 * pad;
	}
	free(width);
	free(need);
	free(full);
	free(give);
	free(take);
	return cx;
}

/* A row of n lines: 1.9 x size for one line, a line's height more for each
 * further line. */
static double row_height(double fs, size_t n)
{
	return fs * 1.9 + (double)(n - 1) * fs * LEADING;
}

double chart_table_height(const struct table *t, double w, size_t rows)
{
	if (t->nrows == 0 || t->ncols == 0)
		return 0;
	double fs = table_size(t), h = 0;
	double *cx = table_columns(t, 0, w, fs, fs * 0.5);
	for (size_t r = 0; r <= rows && r < t->nrows; r++)
		h += row_height(fs, row_lines(t, r, cx, fs, fs * 0.5));
	free(cx);
	return h;
}

size_t chart_table(struct dl_page *p, struct chart_box b, const struct table *t)
{
	if (t->nrows == 0 || t->ncols == 0)
		return 0;
	double fs = table_size(t), pad = fs * 0.5, lh = fs * LEADING;
	double *cx = table_columns(t, b.x, b.w, fs, pad);
	/* the rows that fit below the header, each as tall as its lines */
	size_t ndata = t->nrows - 1, draw = 0;
	double *rh = xmalloc(t->nrows * sizeof *rh), used = 0;
	for (size_t r = 0; r <= ndata; r++) {
		rh[r] = row_height(fs, row_lines(t, r, cx, fs, pad));
		if (used + rh[r] > b.h + 1e-9)
			break;
		used += rh[r];
		draw = r;
	}
	if (rh[0] > b.h + 1e-9) {
		free(rh);
		free(cx);
		return 0;
	}
	dl_tag_begin(p, DL_ROLE_TABLE);
	double y = b.y;
	for (size_t r = 0; r <= draw; r++) {
		dl_tag_begin(p, DL_ROLE_TR);
		int hi = r > 0 && (int)(r - 1) == t->highlight_row;
		if (hi)
			dl_rect(p, b.x, y, b.w, rh[r], fill_only(COL_HILITE));
		else if (r > 0 && r % 2 == 0)
			dl_rect(p, b.x, y, b.w, rh[r], fill_only(COL_PANEL));
		enum dl_font f = row_font(t, r);
		for (size_t j = 0; j < t->ncols; j++) {
			const char *s = t->cells[r * t->ncols + j];
			if (!s)
				continue;
			enum chart_align al = t->align ? t->align[j] : ALIGN_LEFT;
			double cw = cx[j + 1] - cx[j] - 2 * pad;
			char **lines;
			size_t n = cell_wrap(f, fs, s, cw, CELL_LINES, &lines);
			/* the cell's lines centred on the row */
			double base = centre_baseline(f, fs, y + rh[r] / 2) - (double)(n - 1) * lh / 2;
			dl_tag_begin(p, r == 0 ? DL_ROLE_TH : DL_ROLE_TD);
			for (size_t k = 0; k < n; k++)
				text_line(p, cx[j] + pad, base + (double)k * lh, cw, f, fs, COL_TEXT, al,
					  lines[k]);
			dl_tag_end(p);
			font_lines_free(lines, n);
		}
		dl_tag_end(p);
		y += rh[r];
		if (r == 0)
			dl_segment(p, b.x, y, b.x + b.w, y, COL_GREY, 1);
	}
	dl_tag_end(p);
	if (draw > 0)
		dl_segment(p, b.x, y, b.x + b.w, y, COL_RULE, 0.5);
	free(rh);
	free(cx);
	return draw;
}

/* ---- every chart is one figure (its alternative text set by the slide) ---- */

CHART_AS_FIGURE(line, struct line_chart)
CHART_AS_FIGURE(hbar, struct bar_chart)
CHART_AS_FIGURE(choropleth, struct choropleth)
