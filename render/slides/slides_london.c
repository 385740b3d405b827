/* render/slides/slides_london.c - the pan-London slides: the issues that cross a
 * borough's boundary (every borough deck) and the 32 boroughs side by side
 * (the London overview deck). */
#include "slides_london.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/context.h"
#include "../../analysis/drivers.h"
#include "../../analysis/hotspots.h"
#include "../../util/polygon.h"
#include "../../util/xalloc.h"
#include "fill.h"

#define TOP_CHANGES 5   /* rows of the largest rises and of the largest falls */
#define NAMED_ON_MAP 5  /* boroughs with the highest rates named on the map */

/* A table whose cells are formatted into a string pool the table owns. */
struct grid {
	size_t nrows, ncols;
	const char **cells;
	char **owned;
	size_t nowned;
};

static void grid_init(struct grid *g, size_t nrows, size_t ncols, const char *const *header)
{
	g->nrows = nrows;
	g->ncols = ncols;
	g->cells = xcalloc(nrows * ncols, sizeof *g->cells);
	g->owned = xcalloc(nrows * ncols, sizeof *g->owned);
	g->nowned = 0;
	for (size_t c = 0; c < ncols; c++)
		g->cells[c] = header[c];
}

static void grid_set(struct grid *g, size_t row, size_t col, const char *text)
{
	char *s = xstrdup(text);
	g->owned[g->nowned++] = s;
	g->cells[row * g->ncols + col] = s;
}

static void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->nowned; i++)
		free(g->owned[i]);
	free(g->owned);
	free(g->cells);
}

/* Row cells for borough b: name, offences, % change, rate. */
static void borough_row(struct grid *g, size_t row, const struct jb_area_findings *a)
{
	char buf[64];
	grid_set(g, row, 0, a->name);
	fmt_count(a->change.ok ? a->change.a : NAN, buf, sizeof buf);
	grid_set(g, row, 1, buf);
	fmt_signed_pct(a->change.ok ? a->change.pct : NAN, buf, sizeof buf);
	grid_set(g, row, 2, buf);
	fmt_dec(a->rate, 1, buf, sizeof buf);
	grid_set(g, row, 3, buf);
}

static const char *const change_header[] = {"Borough", "Offences", "Change", "Rate"};
static const double change_widths[] = {0.46, 0.18, 0.18, 0.18};
static const enum chart_align change_align[] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT,
						 ALIGN_RIGHT};

static double heading(struct dl_page *p, double x, double y, const char *text)
{
	dl_text(p, x, y + 11, DL_BOLD, 11, COL_DARK_BLUE, text);
	return 20;
}

/* Five boroughs from order[from], stepping by step. */
/* A table of TOP_CHANGES boroughs: the header and five rows at 10 pt. */
#define CHANGE_H 116.0

static void change_table(struct dl_page *p, struct chart_box b, const struct jb_findings *f,
			 const int *order, int from, int step, int count, int me)
{
	struct grid g;
	grid_init(&g, (size_t)count + 1, 4, change_header);
	int hl = -1;
	for (int k = 0; k < count; k++) {
		int bor = order[from + k * step];
		borough_row(&g, (size_t)k + 1, &f->area[bor]);
		if (bor == me)
			hl = k;
	}
	struct table t = {g.nrows, 4, g.cells, change_widths, change_align, hl, CHART_TEXT_PT};
	chart_table(p, b, &t);
	grid_free(&g);
}

void slide_pan_london(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	if (!f->has_series || f->nranked == 0) {
		slide_no_data(p, b, *f->ranks_missing ? f->ranks_missing
						     : "MPS borough-level recorded crime for this theme");
		return;
	}
	double colw = (b.w - 40) / 2;
	int n = f->nranked < TOP_CHANGES ? f->nranked : TOP_CHANGES;
	double y = b.y;
	y += heading(p, b.x, y, "Largest rises in London");
	change_table(p, (struct chart_box){b.x, y, colw, CHANGE_H}, f, f->rise_order, 0, 1, n,
		     c->area);
	y += CHANGE_H + 12;
	y += heading(p, b.x, y, "Largest falls in London");
	change_table(p, (struct chart_box){b.x, y, colw, CHANGE_H}, f, f->rise_order, f->nranked - 1,
		     -1, n, c->area);

	/* This borough and its neighbours across the boundary. */
	double x = b.x + colw + 40;
	const struct jb_area_findings *me = &f->area[c->area];
	if (c->area == JB_LONDON || me->nneighbours == 0) {
		return;
	}
	y = b.y + heading(p, x, b.y, "This borough and its neighbours");
	int order[17];
	int m = 0;
	order[m++] = c->area;
	for (int k = 0; k < me->nneighbours; k++)
		order[m++] = me->neighbours[k];
	change_table(p, (struct chart_box){x, y, colw, b.y + b.h - y}, f, order, 0, 1, m, c->area);
}

/* ---- the overview deck ---- */

void slide_borough_table(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const int *order = f->rate_order; /* highest rate first */
	int n = f->nrate_ranked;
	if (!n) {
		slide_no_data(p, b, "recorded crime by borough and population estimates");
		return;
	}
	static const char *const header[] = {"Rank", "Borough", "Offences", "Change", "p",
					     "Rate", "Trend a year"};
	static const double widths[] = {0.08, 0.33, 0.12, 0.11, 0.11, 0.08, 0.17};
	static const enum chart_align align[] = {ALIGN_RIGHT, ALIGN_LEFT,  ALIGN_RIGHT, ALIGN_RIGHT,
						 ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
	int half = (n + 1) / 2;
	double colw = (b.w - 24) / 2;
	for (int side = 0; side < 2; side++) {
		int from = side * half, to = side ? n : half;
		struct grid g;
		grid_init(&g, (size_t)(to - from) + 1, 7, header);
		for (int k = from; k < to; k++) {
			const struct jb_area_findings *a = &f->area[order[k]];
			size_t row = (size_t)(k - from) + 1;
			char buf[64];
			snprintf(buf, sizeof buf, "%d", a->rate_rank);
			grid_set(&g, row, 0, buf);
			grid_set(&g, row, 1, a->name);
			fmt_count(a->change.ok ? a->change.a : NAN, buf, sizeof buf);
			grid_set(&g, row, 2, buf);
			fmt_signed_pct(a->change.ok ? a->change.pct : NAN, buf, sizeof buf);
			grid_set(&g, row, 3, buf);
			fmt_p(a->change.ok ? a->change.p : NAN, buf, sizeof buf);
			/* "p = 0.02" is long for a column: the column title says p */
			grid_set(&g, row, 4, strncmp(buf, "p = ", 4) == 0 ? buf + 4 : buf + 2);
			fmt_dec(a->rate, 1, buf, sizeof buf);
			grid_set(&g, row, 5, buf);
			fmt_signed_pct(a->trend.ok ? a->trend.annual_pct : NAN, buf, sizeof buf);
			grid_set(&g, row, 6, buf);
		}
		struct table t = {g.nrows, 7, g.cells, widths, align, -1, CHART_MIN_PT};
		chart_table(p, (struct chart_box){b.x + side * (colw + 24), b.y, colw, b.h}, &t);
		grid_free(&g);
	}
}

void slide_borough_map(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const struct jb_dataset *ds = f->ds;
	if (!ds->has_borough_shapes || f->borough_map_nclasses < 1) {
		slide_no_data(p, b, ds->has_borough_shapes ? "rates by borough" : "borough boundaries");
		return;
	}
	const struct jb_polygon *polys[JB_NBOROUGHS];
	int cls[JB_NBOROUGHS];
	size_t n = 0;
	for (int i = 0; i < JB_NBOROUGHS; i++)
		if (ds->borough_shape[i].nrings) {
			polys[n] = &ds->borough_draw[i];
			cls[n++] = f->borough_map_class[i];
		}
	size_t nc = (size_t)f->borough_map_nclasses;
	struct dl_color colors[JB_MAP_CLASSES];
	chart_blue_ramp(nc, colors);
	char *labels[JB_MAP_CLASSES];
	for (size_t k = 0; k < nc; k++) {
		char lo[32], hi[32];
		fmt_dec(f->borough_map_breaks[k], 1, lo, sizeof lo);
		fmt_dec(f->borough_map_breaks[k + 1], 1, hi, sizeof hi);
		/* the top class includes its upper edge */
		labels[k] = xasprintf(k + 1 < nc ? "%s to under %s" : "%s to %s", lo, hi);
	}
	/* The highest rates named on the map. */
	double xy[2 * NAMED_ON_MAP];
	const char *names[NAMED_ON_MAP];
	size_t nl = 0;
	for (int k = 0; k < f->nrate_ranked && nl < NAMED_ON_MAP; k++) {
		int i = f->rate_order[k];
		if (ds->borough_shape[i].nrings) {
			xy[2 * nl] = ds->borough_cx[i];
			xy[2 * nl + 1] = ds->borough_cy[i];
			names[nl++] = f->area[i].name;
		}
	}
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = nc,
		.colors = colors,
		.class_labels = (const char *const *)labels,
		.legend_title = "Offences per 1,000 residents",
		.nlabels = nl,
		.label_xy = xy,
		.labels = names,
	};
	chart_choropleth(p, b, &ch);
	for (size_t k = 0; k < nc; k++)
		free(labels[k]);
}

/* The latest-year value of a LAIT indicator for borough b, and its year's
 * label; NAN / "" when not supplied. */
static double lait_latest(const struct jb_lait_series *s, int b, const char **label)
{
	*label = "";
	if (!s || s->latest < 0)
		return NAN;
	*label = s->years[s->latest].label;
	return s->v[(size_t)b * s->nyears + (size_t)s->latest];
}

void slide_borough_context(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const int *order = f->rate_order;
	int n = f->nrate_ranked;
	if (!n) {
		slide_no_data(p, b, "recorded crime by borough and population estimates");
		return;
	}
	const struct jb_lait_series *permex = f->context ? f->context->slot[JB_CTX_PERMEX] : NULL;
	const struct jb_lait_series *fte = f->context ? f->context->slot[JB_CTX_FTE] : NULL;
	/* Short headers: the subtitle says what each is and for when. */
	static const char *const header[] = {"Borough", "Deprived", "Hot spots", "Excl.", "FTE",
					     "Outcomes"};
	static const double widths[] = {0.36, 0.13, 0.13, 0.11, 0.11, 0.16};
	static const enum chart_align align[] = {ALIGN_LEFT,  ALIGN_RIGHT, ALIGN_RIGHT,
						 ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
	int half = (n + 1) / 2;
	double colw = (b.w - 24) / 2;
	for (int side = 0; side < 2; side++) {
		int from = side * half, to = side ? n : half;
		struct grid g;
		grid_init(&g, (size_t)(to - from) + 1, 6, header);
		for (int k = from; k < to; k++) {
			int bor = order[k];
			size_t row = (size_t)(k - from) + 1;
			char buf[64];
			const char *unused;
			grid_set(&g, row, 0, f->area[bor].name);
			const struct jb_drivers_area *d = f->drivers ? &f->drivers->area[bor] : NULL;
			if (d && isfinite(d->share_d1_2)) {
				fmt_dec(100.0 * d->share_d1_2, 1, buf, sizeof buf);
				strcat(buf, "%");
			} else {
				snprintf(buf, sizeof buf, "–");
			}
			grid_set(&g, row, 1, buf);
			fmt_count(f->hot && f->hot->lsoa_ok ? (double)f->hot->area[bor].nhot_fdr : NAN,
				  buf, sizeof buf);
			grid_set(&g, row, 2, buf);
			fmt_dec(lait_latest(permex, bor, &unused), 2, buf, sizeof buf);
			grid_set(&g, row, 3, buf);
			fmt_count(lait_latest(fte, bor, &unused), buf, sizeof buf);
			grid_set(&g, row, 4, buf);
			if (d && isfinite(d->po_rate12)) {
				fmt_dec(d->po_rate12, 1, buf, sizeof buf);
				strcat(buf, "%");
			} else {
				snprintf(buf, sizeof buf, "–");
			}
			grid_set(&g, row, 5, buf);
		}
		struct table t = {g.nrows, 6, g.cells, widths, align, -1, CHART_MIN_PT};
		chart_table(p, (struct chart_box){b.x + side * (colw + 24), b.y, colw, b.h}, &t);
		grid_free(&g);
	}
}
