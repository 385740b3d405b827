/* render/chart/chart_scatter.c - see chart_scatter.h. Layout only: scales,
 * ticks and placement; every value and label comes from the caller. */
#include "chart_scatter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/numfmt.h"
#include "../../util/xalloc.h"
#include "../display/font.h"
#include "figure.h"

#define AXIS_PT CHART_AXIS_PT
#define KEY_W 16.0
#define COL_FAINT DL_RGB(0xC8CDD3)

static struct dl_style fill_only(struct dl_color c)
{
	return (struct dl_style){.fill = c, .stroke = DL_NONE};
}

static struct dl_style stroke_only(struct dl_color c, double width, double dash)
{
	return (struct dl_style){.fill = DL_NONE, .stroke = c, .width = width, .dash = dash};
}

static double asc(double size)
{
	return font_ascent(DL_REGULAR, size);
}

static double desc(double size)
{
	return font_descent(DL_REGULAR, size);
}

/* One line in [x, x + w] with its top at y, ellipsised when too wide. */
static void line_at(struct dl_page *p, double x, double y, double w, enum dl_font f, double size,
		    struct dl_color c, enum chart_align al, const char *s)
{
	if (!s || w <= 0)
		return;
	double tw = font_width(f, size, s);
	if (tw > w) {
		chart_text(p, (struct chart_box){x, y, w, size * 1.25}, f, size, c, al, s);
		return;
	}
	double tx = al == ALIGN_RIGHT ? x + w - tw : al == ALIGN_CENTRE ? x + (w - tw) / 2 : x;
	dl_text(p, tx, y + font_ascent(f, size), f, size, c, s);
}

/* ---- ticks ---- */

static char *tick_label(double v, int decimals, const char *suffix)
{
	char num[64];
	fmt_dec(v, decimals, num, sizeof num);
	return xasprintf("%s%s", num, suffix ? suffix : "");
}

/* ---- legend ---- */

enum key_kind { KEY_POINT, KEY_SQUARE, KEY_LINE, KEY_BOX, KEY_TRIANGLE };

struct key {
	enum key_kind kind;
	struct dl_color c;
	double dash;
	const char *label;
};

static void triangle(struct dl_page *p, double cx, double cy, double r, struct dl_color c)
{
	dl_path_begin(p);
	dl_move(p, cx, cy - r);
	dl_line(p, cx + r, cy + r * 0.8);
	dl_line(p, cx - r, cy + r * 0.8);
	dl_close(p);
	dl_path_end(p, fill_only(c));
}

static void key_symbol(struct dl_page *p, const struct key *k, double x, double ym)
{
	switch (k->kind) {
	case KEY_POINT:
		dl_circle(p, x + KEY_W / 2, ym, 2.5, fill_only(k->c));
		break;
	case KEY_SQUARE:
		dl_rect(p, x + KEY_W / 2 - 2, ym - 2, 4, 4, fill_only(k->c));
		break;
	case KEY_LINE:
		dl_path_begin(p);
		dl_move(p, x, ym);
		dl_line(p, x + KEY_W, ym);
		dl_path_end(p, stroke_only(k->c, 2, k->dash));
		break;
	case KEY_BOX:
		dl_rect(p, x, ym - 4, KEY_W, 8, fill_only(k->c));
		break;
	case KEY_TRIANGLE:
		triangle(p, x + KEY_W / 2, ym, 3, k->c);
		break;
	}
}

/* Legend entries left to right, wrapping within w; returns the height. */
static double legend(struct dl_page *p, double x, double y, double w, const struct key *k,
		     size_t n)
{
	double lh = AXIS_PT * 1.6, cx = 0, rows = 0;
	for (size_t i = 0; i < n; i++) {
		double lw = fmin(font_width(DL_REGULAR, AXIS_PT, k[i].label), w - KEY_W - 4);
		double ew = KEY_W + 4 + lw;
		if (cx > 0 && cx + ew > w) {
			cx = 0;
			rows++;
		}
		double ym = y + rows * lh + lh / 2;
		key_symbol(p, &k[i], x + cx, ym);
		line_at(p, x + cx + KEY_W + 4, ym - (asc(AXIS_PT) + desc(AXIS_PT)) / 2, lw,
			DL_REGULAR, AXIS_PT, COL_TEXT, ALIGN_LEFT, k[i].label);
		cx += ew + 14;
	}
	return n ? (rows + 1) * lh + 2 : 0;
}

/* ---- a y axis frame shared by the charts ---- */

struct frame {
	double px, pr;     /* plot left and right */
	double top, bottom;
	struct chart_ticks t;
};

static double fy(const struct frame *f, double v)
{
	return f->bottom - (v - f->t.lo) / (f->t.hi - f->t.lo) * (f->bottom - f->top);
}

/* Lays out the y axis over [lo, hi] in b from y = top, keeping below_h
 * under the plot; draws the y title, grid and tick labels. 0 when drawn,
 * -1 when there is no room. */
static int frame_y(struct dl_page *p, struct chart_box b, double top, double below_h, double lo,
		   double hi, const char *y_title, const char *suffix, double right_pad,
		   struct frame *f)
{
	if (y_title) {
		line_at(p, b.x, top, b.w, DL_REGULAR, AXIS_PT, COL_MUTED, ALIGN_LEFT, y_title);
		top += AXIS_PT * 1.5;
	}
	f->top = top + AXIS_PT / 2 + 1;
	f->bottom = b.y + b.h - below_h;
	if (f->bottom - f->top < 30)
		return -1;
	int want = (int)fmax(2, fmin(6, (f->bottom - f->top) / 45));
	f->t = chart_nice_ticks(lo, hi, want);
	double tickw = 0;
	for (int i = 0; i < f->t.n; i++) {
		char *s = tick_label(f->t.lo + i * f->t.step, f->t.decimals, suffix);
		tickw = fmax(tickw, font_width(DL_REGULAR, AXIS_PT, s));
		free(s);
	}
	f->px = b.x + tickw + 6;
	f->pr = b.x + b.w - right_pad;
	if (f->pr - f->px < 40)
		return -1;
	for (int i = 0; i < f->t.n; i++) {
		double v = f->t.lo + i * f->t.step, y = fy(f, v);
		dl_segment(p, f->px, y, f->pr, y, COL_RULE, 0.5);
		char *s = tick_label(v, f->t.decimals, suffix);
		double w = font_width(DL_REGULAR, AXIS_PT, s);
		dl_text(p, f->px - 4 - w, y + (asc(AXIS_PT) - desc(AXIS_PT)) / 2, DL_REGULAR,
			AXIS_PT, COL_MUTED, s);
		free(s);
	}
	return 0;
}

static void range(const double *v, size_t n, double *lo, double *hi)
{
	for (size_t i = 0; v && i < n; i++)
		if (isfinite(v[i])) {
			*lo = fmin(*lo, v[i]);
			*hi = fmax(*hi, v[i]);
		}
}

/* ---- scatter ---- */

static void scatter_draw(struct dl_page *p, struct chart_box b, const struct scatter_chart *c)
{
	struct key keys[8];
	size_t nk = 0;
	if (c->nfg && c->fg_label)
		keys[nk++] = (struct key){KEY_POINT, CHART_ACCENT, 0, c->fg_label};
	if (c->nbg && c->bg_label)
		keys[nk++] = (struct key){KEY_SQUARE, COL_FAINT, 0, c->bg_label};
	for (size_t i = 0; i < c->ncurves && nk < 6; i++)
		if (c->curves[i].label && c->curves[i].n)
			keys[nk++] = (struct key){KEY_LINE, c->curves[i].color, c->curves[i].dash,
						  c->curves[i].label};
	int capped = isfinite(c->y_cap);
	if (capped && c->cap_label)
		keys[nk++] = (struct key){KEY_TRIANGLE, COL_GREY, 0, c->cap_label};
	double top = b.y + legend(p, b.x, b.y, b.w, keys, nk);

	double xlo = INFINITY, xhi = -INFINITY, ylo = 0, yhi = -INFINITY;
	range(c->bg_x, c->nbg, &xlo, &xhi);
	range(c->fg_x, c->nfg, &xlo, &xhi);
	range(c->bg_y, c->nbg, &ylo, &yhi);
	range(c->fg_y, c->nfg, &ylo, &yhi);
	for (size_t i = 0; i < c->ncurves; i++)
		range(c->curves[i].y, c->curves[i].n, &ylo, &yhi);
	if (!isfinite(xlo) || !isfinite(yhi))
		return;
	if (capped && yhi > c->y_cap)
		yhi = c->y_cap;
	double below = 4 + asc(AXIS_PT) + desc(AXIS_PT) + (c->x_title ? AXIS_PT * 1.8 : 0);
	struct frame f;
	if (frame_y(p, b, top, below, ylo, yhi, c->y_title, NULL, 8, &f))
		return;
	struct chart_ticks xt = chart_nice_ticks(xlo, xhi, (int)fmax(2, fmin(10, (f.pr - f.px) / 70)));
	double xs = (f.pr - f.px) / (xt.hi - xt.lo);
#define FX(v) (f.px + ((v) - xt.lo) * xs)
	for (int i = 0; i < xt.n; i++) {
		double v = xt.lo + i * xt.step, x = FX(v);
		dl_segment(p, x, f.bottom, x, f.bottom + 3, COL_GREY, 0.8);
		char *s = tick_label(v, xt.decimals, NULL);
		double w = font_width(DL_REGULAR, AXIS_PT, s);
		dl_text(p, x - w / 2, f.bottom + 4 + asc(AXIS_PT), DL_REGULAR, AXIS_PT, COL_MUTED, s);
		free(s);
	}
	dl_segment(p, f.px, f.bottom, f.pr, f.bottom, COL_GREY, 0.8);
	if (c->x_title)
		line_at(p, f.px, f.bottom + 6 + asc(AXIS_PT) + desc(AXIS_PT), f.pr - f.px,
			DL_REGULAR, AXIS_PT, COL_MUTED, ALIGN_CENTRE, c->x_title);

	/* context points: one path of small squares (thousands of them: one
	 * item keeps the PDF small and fast), triangles on the top edge for
	 * those above the scale */
	const double h = 1.2;
	int open = 0;
	for (size_t i = 0; i < c->nbg; i++) {
		double x = c->bg_x[i], y = c->bg_y[i];
		if (!isfinite(x) || !isfinite(y) || y > f.t.hi)
			continue;
		if (!open)
			dl_path_begin(p);
		open = 1;
		double px = FX(x), py = fy(&f, y);
		dl_move(p, px - h, py - h);
		dl_line(p, px + h, py - h);
		dl_line(p, px + h, py + h);
		dl_line(p, px - h, py + h);
		dl_close(p);
	}
	if (open)
		dl_path_end(p, fill_only(COL_FAINT));
	for (size_t i = 0; i < c->nbg; i++)
		if (isfinite(c->bg_x[i]) && isfinite(c->bg_y[i]) && c->bg_y[i] > f.t.hi)
			triangle(p, FX(c->bg_x[i]), f.top + 3, 2.2, COL_GREY);
	/* the highlighted points on top */
	for (size_t i = 0; i < c->nfg; i++) {
		double x = c->fg_x[i], y = c->fg_y[i];
		if (!isfinite(x) || !isfinite(y))
			continue;
		if (y > f.t.hi)
			triangle(p, FX(x), f.top + 3, 3, CHART_ACCENT);
		else
			dl_circle(p, FX(x), fy(&f, y), 2.2, fill_only(CHART_ACCENT));
	}
	/* curves, clipped to the plot's top (they start at their first point) */
	for (size_t k = 0; k < c->ncurves; k++) {
		const struct scatter_curve *cv = &c->curves[k];
		int open = 0;
		for (size_t i = 0; i < cv->n; i++) {
			if (!isfinite(cv->x[i]) || !isfinite(cv->y[i]) || cv->y[i] > f.t.hi) {
				if (open)
					dl_path_end(p, stroke_only(cv->color, 2.2, cv->dash));
				open = 0;
				continue;
			}
			if (!open) {
				dl_path_begin(p);
				dl_move(p, FX(cv->x[i]), fy(&f, cv->y[i]));
				open = 1;
			} else {
				dl_line(p, FX(cv->x[i]), fy(&f, cv->y[i]));
			}
		}
		if (open)
			dl_path_end(p, stroke_only(cv->color, 2.2, cv->dash));
	}
#undef FX
}

/* ---- grouped columns ---- */

/* Whether column i's label is shown when every k-th is: the first of
 * each k, and the last always, in place of one that would crowd it. */
static int label_shown(size_t i, size_t k, size_t n)
{
	return i + 1 == n || (i % k == 0 && n - 1 - i >= k);
}

/* The x labels of n columns slot wide from x0, with their tops at y:
 * centred on their columns, the end ones nudged inside the box b, so that a
 * label may be wider than its column where its neighbours leave room
 * ("2003" over a narrow first column). When neighbours would come within
 * 2 pt of each other, every k-th label is shown, the smallest k at which
 * none do, and the last always: a thinned axis, never a cut label. */
static void column_labels(struct dl_page *p, struct chart_box b, double x0, double slot, double y,
			  const char *const *labels, size_t n)
{
	double *lx = xmalloc(n * sizeof *lx), *lw = xmalloc(n * sizeof *lw);
	for (size_t i = 0; i < n; i++) {
		lw[i] = labels[i] ? font_width(DL_REGULAR, AXIS_PT, labels[i]) : 0;
		lx[i] = fmax(b.x, fmin(x0 + slot * ((double)i + 0.5) - lw[i] / 2, b.x + b.w - lw[i]));
	}
	size_t k = 1;
	for (; k < n; k++) {
		double right = -INFINITY;
		int clear = 1;
		for (size_t i = 0; i < n && clear; i++) {
			if (!labels[i] || !label_shown(i, k, n))
				continue;
			clear = right + 2 <= lx[i];
			right = lx[i] + lw[i];
		}
		if (clear)
			break;
	}
	for (size_t i = 0; i < n; i++)
		if (labels[i] && label_shown(i, k, n))
			dl_text(p, lx[i], y + asc(AXIS_PT), DL_REGULAR, AXIS_PT, COL_TEXT, labels[i]);
	free(lx);
	free(lw);
}

static void columns_draw(struct dl_page *p, struct chart_box b, const struct column_chart *c)
{
	size_t n = c->n, m = c->nseries;
	if (!n || !m || m > 4)
		return;
	struct key keys[4];
	size_t nk = 0;
	for (size_t s = 0; s < m; s++)
		if (c->series[s].label)
			keys[nk++] = (struct key){KEY_BOX, c->series[s].color, 0, c->series[s].label};
	double top = b.y + legend(p, b.x, b.y, b.w, keys, nk);
	double lo = 0, hi = 0;
	for (size_t s = 0; s < m; s++)
		range(c->series[s].v, n, &lo, &hi);
	double below = 4 + asc(AXIS_PT) + desc(AXIS_PT) + (c->x_title ? AXIS_PT * 1.8 : 0);
	struct frame f;
	/* room above the tallest column for its value text */
	if (frame_y(p, b, top + (c->value_text ? 8 : 0), below, lo, hi, c->y_title, c->y_suffix,
		    2, &f))
		return;
	double slot = (f.pr - f.px) / (double)n, gw = slot * 0.8, cw = gw / (double)m;
	/* value labels at CHART_TEXT_PT over their column, or over the whole
	 * group when only one series is labelled; none when they do not fit */
	double vs = CHART_TEXT_PT;
	size_t labelled = 0;
	for (size_t s = 0; c->value_text && s < m; s++)
		for (size_t i = 0; i < n; i++)
			if (c->value_text[s * n + i]) {
				labelled++;
				break;
			}
	double room = labelled == 1 ? gw : cw + 2;
	for (size_t i = 0; i < n; i++) {
		double x0 = f.px + slot * (double)i + (slot - gw) / 2;
		for (size_t s = 0; s < m; s++) {
			double v = c->series[s].v[i];
			if (!isfinite(v))
				continue;
			double y = fy(&f, v), y0 = fy(&f, 0);
			dl_rect(p, x0 + cw * (double)s + 0.5, fmin(y, y0), cw - 1, fabs(y0 - y),
				fill_only(c->series[s].color));
			const char *vt = c->value_text ? c->value_text[s * n + i] : NULL;
			if (vt && font_width(DL_REGULAR, vs, vt) > room)
				vs = 0;
		}
	}
	/* value text after the sizes settled, so every label shares one size */
	for (size_t i = 0; c->value_text && vs > 0 && i < n; i++) {
		double x0 = f.px + slot * (double)i + (slot - gw) / 2, top = 0;
		for (size_t s = 0; s < m; s++)
			if (isfinite(c->series[s].v[i]))
				top = fmax(top, c->series[s].v[i]);
		for (size_t s = 0; s < m; s++) {
			double v = c->series[s].v[i];
			const char *vt = c->value_text[s * n + i];
			if (!isfinite(v) || !vt)
				continue;
			double w = font_width(DL_REGULAR, vs, vt);
			if (labelled == 1) /* above the group, in its series' colour */
				dl_text(p, x0 + (gw - w) / 2, fy(&f, top) - 2, DL_REGULAR, vs,
					c->series[s].color, vt);
			else
				dl_text(p, x0 + cw * (double)s + (cw - w) / 2, fy(&f, fmax(v, 0)) - 2,
					DL_REGULAR, vs, COL_GREY, vt);
		}
	}
	dl_segment(p, f.px, fy(&f, 0), f.pr, fy(&f, 0), COL_GREY, 0.8);
	if (c->xlabels)
		column_labels(p, b, f.px, slot, f.bottom + 4, c->xlabels, n);
	if (c->x_title)
		line_at(p, f.px, f.bottom + 6 + asc(AXIS_PT) + desc(AXIS_PT), f.pr - f.px,
			DL_REGULAR, AXIS_PT, COL_MUTED, ALIGN_CENTRE, c->x_title);
}

/* ---- funnel ---- */

static void funnel_draw(struct dl_page *p, struct chart_box b, const struct funnel_chart *c)
{
	size_t n = c->n, m = c->nseries;
	if (!n || !m || m > 3)
		return;
	struct key keys[3];
	size_t nk = 0;
	for (size_t s = 0; s < m; s++)
		if (c->series[s].label)
			keys[nk++] = (struct key){KEY_BOX, c->series[s].color, 0, c->series[s].label};
	double top = b.y + legend(p, b.x, b.y, b.w, keys, nk) + 4;
	double rowh = fmin((b.y + b.h - top) / (double)n, 24.0 * (double)m);
	if (rowh < 8)
		return;
	double labw = 0, valw = 0, vmin = 0, vmax = 0;
	for (size_t i = 0; i < n; i++)
		labw = fmax(labw, font_width(DL_REGULAR, AXIS_PT, c->labels[i]));
	for (size_t k = 0; c->value_text && k < n * m; k++)
		if (c->value_text[k])
			valw = fmax(valw, font_width(DL_REGULAR, AXIS_PT, c->value_text[k]));
	for (size_t s = 0; s < m; s++)
		range(c->series[s].v, n, &vmin, &vmax);
	labw = fmin(labw, b.w * 0.35);
	double x0 = b.x + labw + 10, pw = b.x + b.w - x0 - 2 * (valw + 4);
	if (pw < 40 || !(vmax > 0))
		return;
	double mid = x0 + valw + 4 + pw / 2, barh = rowh * 0.8 / (double)m;
	for (size_t i = 0; i < n; i++) {
		double y = top + rowh * (double)i;
		line_at(p, b.x, y + rowh / 2 - (asc(AXIS_PT) + desc(AXIS_PT)) / 2, labw, DL_REGULAR,
			AXIS_PT, COL_TEXT, ALIGN_RIGHT, c->labels[i]);
		for (size_t s = 0; s < m; s++) {
			double v = c->series[s].v[i];
			if (!isfinite(v))
				continue;
			double w = pw * v / vmax, by = y + rowh * 0.1 + barh * (double)s;
			dl_rect(p, mid - w / 2, by, w, barh - 1, fill_only(c->series[s].color));
			const char *vt = c->value_text ? c->value_text[s * n + i] : NULL;
			if (vt)
				dl_text(p, mid + w / 2 + 4,
					by + (barh - 1) / 2 + (asc(AXIS_PT) - desc(AXIS_PT)) / 2,
					DL_REGULAR, AXIS_PT, COL_GREY, vt);
		}
		if (i + 1 < n)
			dl_segment(p, x0, y + rowh, b.x + b.w, y + rowh, COL_RULE, 0.4);
	}
}

/* ---- several lines ---- */

static void lines_draw(struct dl_page *p, struct chart_box b, const struct lines_chart *c)
{
	size_t n = c->n, m = c->nseries;
	if (!n || !m)
		return;
	struct key *keys = xcalloc(m, sizeof *keys);
	size_t nk = 0;
	for (size_t s = 0; s < m; s++)
		if (c->series[s].label)
			keys[nk++] = (struct key){KEY_LINE, c->series[s].color, c->series[s].dash,
						  c->series[s].label};
	double top = b.y + legend(p, b.x, b.y, b.w, keys, nk);
	free(keys);
	double lo = 0, hi = 0;
	for (size_t s = 0; s < m; s++)
		range(c->series[s].v, n, &lo, &hi);
	double xlw = 0;
	for (size_t i = 0; c->xlabels && i < n; i++)
		xlw = fmax(xlw, font_width(DL_REGULAR, AXIS_PT, c->xlabels[i]));
	struct frame f;
	if (frame_y(p, b, top, 4 + asc(AXIS_PT) + desc(AXIS_PT), lo, hi, c->y_title, c->y_suffix,
		    xlw / 2 + 1, &f))
		return;
	double dx = n > 1 ? (f.pr - f.px) / (double)(n - 1) : 0;
#define LX(i) (n > 1 ? f.px + dx * (double)(i) : (f.px + f.pr) / 2)
	for (size_t s = 0; s < m; s++) {
		const struct chart_series *se = &c->series[s];
		double w = se->width > 0 ? se->width : 1.5;
		int open = 0;
		for (size_t i = 0; i < n; i++) {
			if (!isfinite(se->v[i])) {
				if (open)
					dl_path_end(p, stroke_only(se->color, w, se->dash));
				open = 0;
				continue;
			}
			if (!open) {
				dl_path_begin(p);
				dl_move(p, LX(i), fy(&f, se->v[i]));
				open = 1;
			} else {
				dl_line(p, LX(i), fy(&f, se->v[i]));
			}
		}
		if (open)
			dl_path_end(p, stroke_only(se->color, w, se->dash));
		for (size_t i = 0; se->markers && i < n; i++)
			if (isfinite(se->v[i]))
				dl_circle(p, LX(i), fy(&f, se->v[i]), fmin(2, dx / 3 + 0.5),
					  fill_only(se->color));
	}
	dl_segment(p, f.px, f.bottom, f.pr, f.bottom, COL_GREY, 0.8);
	size_t k = 1;
	while (k < n && (double)k * dx < xlw + 8)
		k = k < 3 ? k + 1 : k < 6 ? 6 : k + 6;
	/* end on the last month: step back from it */
	for (size_t j = 0; c->xlabels && j < n; j += k) {
		size_t i = n - 1 - j;
		double w = font_width(DL_REGULAR, AXIS_PT, c->xlabels[i]);
		dl_segment(p, LX(i), f.bottom, LX(i), f.bottom + 3, COL_GREY, 0.8);
		dl_text(p, LX(i) - w / 2, f.bottom + 4 + asc(AXIS_PT), DL_REGULAR, AXIS_PT, COL_MUTED,
			c->xlabels[i]);
	}
#undef LX
}

/* ---- every chart is one figure (its alternative text set by the slide) ---- */

CHART_AS_FIGURE(scatter, struct scatter_chart)
CHART_AS_FIGURE(columns, struct column_chart)
CHART_AS_FIGURE(funnel, struct funnel_chart)
CHART_AS_FIGURE(lines, struct lines_chart)
