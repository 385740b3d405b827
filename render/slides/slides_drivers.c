/* render/slides/slides_drivers.c - see slides_drivers.h. */
#include "slides_drivers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/drivers.h"
#include "../../util/xalloc.h"
#include "../chart/chart_scatter.h"
#include "fill.h"

#define GAP 24.0

static const struct dl_color tile_accents[] = {
	COL_DARK_BLUE, COL_TURQUOISE, COL_PLUM, COL_ORANGE, COL_LILAC, COL_GREY,
};

/* A share 0..1 as "16%" for a chart label (formatting only). */
static char *pct_text(double share, int places)
{
	char v[32];
	fmt_dec(100.0 * share, places, v, sizeof v);
	return xasprintf("%s%%", v);
}

/* The template's tiles, filled, in a row of box b. */
static void tiles_row(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	size_t n;
	struct tile *t =
		slide_tiles(c, tile_accents, sizeof tile_accents / sizeof tile_accents[0], &n);
	if (n)
		chart_tiles(p, b, t, n, n);
	slide_tiles_free(t, n);
}

/* ---- what the slides cannot do without ---- */

const char *missing_profile(const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	return f->ds->pop[area].has || (d && d->has_imd)
		       ? NULL
		       : "population estimates or Indices of Deprivation";
}

const char *missing_drivers(const struct jb_findings *f, int area)
{
	(void)area;
	/* a model refused on the data says why on the slide */
	return f->drivers ? f->drivers->model_missing
			  : "LSOA-level crime, Census residents and Indices of Deprivation";
}

const char *missing_attrition(const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	if (d && ((d->has_street && d->area[area].has_funnel) || d->has_po))
		return NULL;
	return "outcomes: data.police.uk street outcomes or the MPS crime dashboard";
}

/* ---- profile ---- */

static void imd_map(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_findings *f = c->f;
	const struct jb_dataset *ds = f->ds;
	const struct jb_drivers *d = f->drivers;
	if (!ds->has_lsoa_shapes) {
		slide_no_data(p, b, "LSOA boundaries");
		return;
	}
	if (*f->imd_cover.missing[JB_LONDON]) { /* its classes are London's fifths */
		char *s = xasprintf("No map of London's fifths: there are no %s.",
				    f->imd_cover.missing[JB_LONDON]);
		slide_message(p, b, s);
		free(s);
		return;
	}
	const struct jb_polygon **polys = xcalloc(ds->nlsoa ? ds->nlsoa : 1, sizeof *polys);
	size_t *lsoa = xcalloc(ds->nlsoa ? ds->nlsoa : 1, sizeof *lsoa);
	size_t n = slide_borough_lsoas(c, polys, lsoa);
	int *cls = xcalloc(n ? n : 1, sizeof *cls);
	for (size_t i = 0; i < n; i++)
		cls[i] = d->lsoa_imd_class[lsoa[i]];
	struct dl_color colors[JB_IMD_CLASSES];
	chart_blue_ramp(JB_IMD_CLASSES, colors);
	char *labels[JB_IMD_CLASSES];
	for (int k = 0; k < JB_IMD_CLASSES; k++) {
		char lo[32], hi[32];
		fmt_dec(d->imd_breaks[k], 1, lo, sizeof lo);
		fmt_dec(d->imd_breaks[k + 1], 1, hi, sizeof hi);
		labels[k] = xasprintf("%s – %s%s", lo, hi,
				      k == 0 ? " (least)" : k == JB_IMD_CLASSES - 1 ? " (most)" : "");
	}
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = JB_IMD_CLASSES,
		.colors = colors,
		.class_labels = (const char *const *)labels,
		.legend_title = "IMD score, London fifths",
		.outline = ds->has_borough_shapes ? &ds->borough_draw[c->area] : NULL,
	};
	chart_choropleth(p, b, &ch);
	for (int k = 0; k < JB_IMD_CLASSES; k++)
		free(labels[k]);
	free(polys);
	free(lsoa);
	free(cls);
}

void layout_profile(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_drivers *d = c->f->drivers;
	double th = 84;
	tiles_row(p, c, (struct chart_box){b.x, b.y, b.w, th});
	struct chart_box low = {b.x, b.y + th + 14, b.w, b.h - th - 14};
	if (!d || !d->has_imd) {
		/* the residents' tiles are the slide; one line says what is missing */
		chart_text(p, (struct chart_box){low.x, low.y, low.w, 14}, DL_REGULAR, CHART_TEXT_PT, COL_MUTED,
			   ALIGN_LEFT, "Indices of Deprivation by LSOA were not supplied (deprivation/): "
			   "no deciles or map.");
		return;
	}
	const char *gap = c->f->imd_cover.missing[c->area];
	if (*gap) { /* the file does not cover this area: no deciles, no map */
		char *s = xasprintf("No deciles or map: there are no %s.", gap);
		chart_text(p, (struct chart_box){low.x, low.y, low.w, 28}, DL_REGULAR, 10, COL_MUTED,
			   ALIGN_LEFT, s);
		free(s);
		return;
	}
	const struct jb_drivers_area *A = &d->area[c->area], *L = &d->area[JB_LONDON];
	static const char *const xl[10] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
	double bv[10], lv[10];
	char *vt[20] = {0};
	for (int k = 0; k < 10; k++) {
		bv[k] = 100.0 * A->decile_share[k];
		lv[k] = 100.0 * L->decile_share[k];
		vt[k] = isfinite(A->decile_share[k]) ? pct_text(A->decile_share[k], 0) : NULL;
	}
	struct chart_series series[2] = {
		{.v = bv, .color = CHART_ACCENT, .label = c->f->area[c->area].name},
		{.v = lv, .color = CHART_BASE, .label = "London"},
	};
	struct column_chart cc = {
		.n = 10,
		.xlabels = xl,
		.nseries = 2,
		.series = series,
		.value_text = (const char *const *)vt,
		.y_title = "Share of LSOAs",
		.x_title = "National IMD decile (1 = England's most deprived 10%)",
		.y_suffix = "%",
	};
	double lw = (low.w - GAP) * 0.5;
	chart_columns(p, (struct chart_box){low.x, low.y, lw, low.h}, &cc);
	for (int k = 0; k < 10; k++)
		free(vt[k]);
	imd_map(p, c, (struct chart_box){low.x + lw + GAP, low.y, low.w - lw - GAP, low.h});
}

/* ---- drivers ---- */

static void correlation_table(struct dl_page *p, const struct jb_drivers *d, struct chart_box b)
{
	enum { COLS = 4, ROWS = JB_DRV_NVARS + 1 };
	const char *cells[ROWS * COLS];
	char *owned[ROWS * COLS] = {0};
	cells[0] = "Measure";
	cells[1] = "Spearman ρ";
	cells[2] = "Pearson r";
	cells[3] = "Rate ratio/SD (95% CI)";
	for (int v = 0; v < JB_DRV_NVARS; v++) {
		int r = (v + 1) * COLS;
		char s[32], q[32], lo[32], hi[32];
		fmt_dec(d->spearman[v].ok ? d->spearman[v].r : NAN, 2, s, sizeof s);
		fmt_dec(d->pearson[v].ok ? d->pearson[v].r : NAN, 2, q, sizeof q);
		cells[r] = d->var_names[v];
		cells[r + 1] = owned[r + 1] = xstrdup(s);
		cells[r + 2] = owned[r + 2] = xstrdup(q);
		if (v == 0 || !d->glm.ok) {
			cells[r + 3] = v == 0 ? "not in the model" : "–";
		} else {
			fmt_dec(d->rr_sd[v - 1], 2, s, sizeof s);
			fmt_dec(d->rr_lo[v - 1], 2, lo, sizeof lo);
			fmt_dec(d->rr_hi[v - 1], 2, hi, sizeof hi);
			cells[r + 3] = owned[r + 3] = xasprintf("%s (%s–%s)", s, lo, hi);
		}
	}
	static const double widths[COLS] = {0.38, 0.16, 0.15, 0.31};
	static const enum chart_align align[COLS] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT,
						     ALIGN_RIGHT};
	struct table t = {ROWS, COLS, cells, widths, align, -1, CHART_TEXT_PT};
	chart_table(p, b, &t);
	for (int i = 0; i < ROWS * COLS; i++)
		free(owned[i]);
}

void layout_drivers(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const struct jb_drivers *d = f->drivers;
	if (!d || !d->has_model) {
		slide_no_data(p, b, d && d->why_no_model ? d->why_no_model
							 : "LSOA crime, residents and deprivation");
		return;
	}
	const struct jb_dataset *ds = f->ds;
	size_t n = ds->nlsoa ? ds->nlsoa : 1;
	double *bx = xmalloc(n * sizeof *bx), *by = xmalloc(n * sizeof *by);
	double *hx = xmalloc(n * sizeof *hx), *hy = xmalloc(n * sizeof *hy);
	size_t nb = 0, nh = 0;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		if (!isfinite(d->lsoa_rate[l]))
			continue;
		if (ds->lsoa[l].borough == c->area) {
			hx[nh] = ds->lsoa[l].imd.score;
			hy[nh++] = d->lsoa_rate[l];
		} else {
			bx[nb] = ds->lsoa[l].imd.score;
			by[nb++] = d->lsoa_rate[l];
		}
	}
	const struct jb_curve *cb = &d->area[c->area].curve, *cl = &d->area[JB_LONDON].curve;
	struct scatter_curve curves[2];
	size_t ncurves = 0;
	if (cl->ok)
		curves[ncurves++] = (struct scatter_curve){JB_CURVE_POINTS, cl->x, cl->rate,
							   COL_GREY, 4, "London fit (Poisson)"};
	char *blabel = xasprintf("%s fit (Poisson)", f->area[c->area].name);
	if (cb->ok)
		curves[ncurves++] = (struct scatter_curve){JB_CURVE_POINTS, cb->x, cb->rate,
							   COL_ORANGE, 0, blabel};
	char *fg = xasprintf("%s LSOAs", f->area[c->area].name);
	struct scatter_chart sc = {
		.nbg = nb,
		.bg_x = bx,
		.bg_y = by,
		.bg_label = "Other London LSOAs",
		.nfg = nh,
		.fg_x = hx,
		.fg_y = hy,
		.fg_label = fg,
		.curves = curves,
		.ncurves = ncurves,
		.y_cap = d->rate_cap,
		.cap_label = "Above London's 99th percentile (at the top)",
		.x_title = "IMD score (higher = more deprived)",
		.y_title = "Offences per 1,000 residents, 12 months",
	};
	double tw = 370;
	chart_scatter(p, (struct chart_box){b.x, b.y, b.w - tw - GAP, b.h}, &sc);
	correlation_table(p, d, (struct chart_box){b.x + b.w - tw, b.y + 4, tw, b.h - 4});
	free(fg);
	free(blabel);
	free(bx);
	free(by);
	free(hx);
	free(hy);
}

/* ---- attrition ---- */

static void funnel(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_drivers *d = c->f->drivers;
	const struct jb_drivers_area *A = &d->area[c->area], *L = &d->area[JB_LONDON];
	if (!d->has_street || !A->has_funnel) {
		/* the note says how many crimes were found and why none is shown */
		slide_no_data(p, b, "data.police.uk street outcomes");
		return;
	}
	double bv[JB_FUNNEL_LEVELS], lv[JB_FUNNEL_LEVELS];
	char *vt[2 * JB_FUNNEL_LEVELS];
	for (int k = 0; k < JB_FUNNEL_LEVELS; k++) {
		bv[k] = 100.0 * A->funnel[k];
		lv[k] = 100.0 * L->funnel[k];
		vt[k] = pct_text(A->funnel[k], 1);
		vt[JB_FUNNEL_LEVELS + k] = pct_text(L->funnel[k], 1);
	}
	struct chart_series series[2] = {
		{.v = bv, .color = CHART_ACCENT, .label = c->f->area[c->area].name},
		{.v = lv, .color = CHART_BASE, .label = "London"},
	};
	struct funnel_chart fc = {
		.n = JB_FUNNEL_LEVELS,
		.labels = jb_funnel_names,
		.nseries = 2,
		.series = series,
		.value_text = (const char *const *)vt,
	};
	chart_funnel(p, b, &fc);
	for (int k = 0; k < 2 * JB_FUNNEL_LEVELS; k++)
		free(vt[k]);
}

static void positive_outcomes(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_findings *f = c->f;
	const struct jb_drivers *d = f->drivers;
	if (!d->has_po) {
		slide_no_data(p, b, "the MPS monthly crime dashboard's offences and positive outcomes");
		return;
	}
	const struct jb_area_findings *me = &f->area[c->area];
	size_t n = d->po_n;
	char **xl = xcalloc(n, sizeof *xl);
	for (size_t i = 0; i < n; i++) {
		char m[32];
		fmt_month(d->po_first + (int)i, 0, m, sizeof m);
		xl[i] = xstrdup(m);
	}
	struct chart_series s[JB_MAX_COMPARATORS + 2];
	size_t ns = 0;
	for (int k = 0; k < me->ncomparators; k++)
		s[ns++] = (struct chart_series){.v = d->area[me->comparators[k]].po_rolling,
						.color = CHART_SECOND,
						.label = k == 0 ? "Similar boroughs" : NULL,
						.width = 1};
	s[ns++] = (struct chart_series){.v = d->area[JB_LONDON].po_rolling, .color = COL_GREY,
					.label = "London", .width = 1.8, .dash = 4};
	s[ns++] = (struct chart_series){.v = d->area[c->area].po_rolling, .color = CHART_ACCENT,
					.label = me->name, .width = 2.5};
	char *title = xasprintf("%s: positive outcomes per 100 offences, rolling 12 months",
				label_plain(&c->t->labels, d->po_measure));
	struct lines_chart lc = {
		.n = n,
		.xlabels = (const char *const *)xl,
		.nseries = ns,
		.series = s,
		.y_title = title,
		.y_suffix = "%",
	};
	double tw = 175;
	chart_lines(p, (struct chart_box){b.x, b.y, b.w - tw - 12, b.h}, &lc);

	/* the last 12 months' rates beside it: the borough, its similar
	 * boroughs, London */
	const char *cells[2 * (JB_MAX_COMPARATORS + 3)]; /* a header row too */
	char vals[JB_MAX_COMPARATORS + 2][48];
	size_t rows = 1;
	cells[0] = "Last 12 months";
	cells[1] = "Rate";
	int areas[JB_MAX_COMPARATORS + 2], na = 0, hl = 0;
	areas[na++] = c->area;
	for (int k = 0; k < me->ncomparators; k++)
		areas[na++] = me->comparators[k];
	areas[na++] = JB_LONDON;
	for (int k = 0; k < na; k++) {
		double r = d->area[areas[k]].po_rate12;
		char v[32];
		fmt_dec(r, 1, v, sizeof v);
		snprintf(vals[k], sizeof vals[k], "%s%s", v, isfinite(r) ? "%" : "");
		cells[2 * rows] = f->area[areas[k]].name;
		cells[2 * rows + 1] = vals[k];
		rows++;
	}
	static const double widths[] = {0.76, 0.24};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT};
	struct table t = {rows, 2, cells, widths, align, hl, CHART_TEXT_PT};
	chart_table(p, (struct chart_box){b.x + b.w - tw, b.y + 20, tw, b.h - 20}, &t);
	free(title);
	for (size_t i = 0; i < n; i++)
		free(xl[i]);
	free(xl);
}

void layout_attrition(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	if (!c->f->drivers) {
		slide_no_data(p, b, "outcomes");
		return;
	}
	/* a half without data gives its space to the other (the deck leaves
	 * the slide out when both are without) */
	const struct jb_drivers *d = c->f->drivers;
	int has_funnel = d->has_street && d->area[c->area].has_funnel;
	if (!has_funnel && d->has_po) {
		positive_outcomes(p, c, b);
		return;
	}
	if (has_funnel && !d->has_po) {
		funnel(p, c, b);
		return;
	}
	double lw = (b.w - GAP) * 0.42;
	funnel(p, c, (struct chart_box){b.x, b.y, lw, b.h});
	positive_outcomes(p, c, (struct chart_box){b.x + lw + GAP, b.y, b.w - lw - GAP, b.h});
}
