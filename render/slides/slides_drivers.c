/* render/slides/slides_drivers.c - see slides_drivers.h. */
#include "slides_drivers.h"

#include "../tables/datatables.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/drivers.h"
#include "../../util/csvout.h"
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
	const struct jb_polygon **polys = xcalloc(ds->nlsoa ? ds->nlsoa : 1, sizeof *polys);
	int *cls = xcalloc(ds->nlsoa ? ds->nlsoa : 1, sizeof *cls);
	size_t n = 0;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		if (ds->lsoa[l].borough != c->area || !ds->lsoa[l].poly.nrings)
			continue;
		polys[n] = &ds->lsoa[l].draw;
		cls[n++] = d->lsoa_imd_class[l];
	}
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
		chart_text(p, (struct chart_box){low.x, low.y, low.w, 14}, DL_REGULAR, 9, COL_MUTED,
			   ALIGN_LEFT, "Indices of Deprivation by LSOA were not supplied (deprivation/): "
			   "no deciles or map.");
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
	struct table t = {ROWS, COLS, cells, widths, align, -1, 9};
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
	struct chart_series s[7];
	size_t ns = 0;
	for (int k = 0; k < me->nsimilar; k++)
		s[ns++] = (struct chart_series){.v = d->area[me->similar[k]].po_rolling,
						.color = CHART_SECOND,
						.label = k == 0 ? "Similar boroughs" : NULL,
						.width = 1};
	s[ns++] = (struct chart_series){.v = d->area[JB_LONDON].po_rolling, .color = COL_GREY,
					.label = "London", .width = 1.8, .dash = 4};
	s[ns++] = (struct chart_series){.v = d->area[c->area].po_rolling, .color = CHART_ACCENT,
					.label = me->name, .width = 2.5};
	char *title = xasprintf("Positive outcomes per 100 %s offences, rolling 12 months",
				d->po_measure);
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
	const char *cells[2 * 8];
	char vals[7][48];
	size_t rows = 1;
	cells[0] = "Last 12 months";
	cells[1] = "Rate";
	int areas[7], na = 0, hl = 0;
	areas[na++] = c->area;
	for (int k = 0; k < me->nsimilar; k++)
		areas[na++] = me->similar[k];
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
	struct table t = {rows, 2, cells, widths, align, hl, 9};
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

/* ---- data tables ---- */

/* The deck's area and London: the rows of the tables that compare them. */
static void area_and_london(int area, int *who, int *n)
{
	*n = 0;
	who[(*n)++] = area;
	if (area != JB_LONDON)
		who[(*n)++] = JB_LONDON;
}


static const struct csv_col deciles_cols[] = {
	{"imd_decile", "1..10", "IMD decile, 1 = the most deprived 10% of England's LSOAs"},
	DATATABLE_AREA_COLS,
	{"lsoas", "LSOAs", "the area's LSOAs in the decile"},
	{"lsoas_share", "fraction 0..1", "their share of the area's LSOAs"},
};
const struct csv_table drivers_deciles_table =
	CSV_TABLE("<slug>/data/profile-deciles.csv", "one IMD decile in the borough or in London",
		  deciles_cols);

void drivers_table_deciles(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	int who[2], n;
	area_and_london(area, who, &n);
	csv_header(out, &drivers_deciles_table);
	for (int k = 0; d && d->has_imd && k < 10; k++)
		for (int w = 0; w < n; w++) {
			fprintf(out, "%d,", k + 1);
			datatable_area(out, f, who[w]);
			csv_int(out, d->area[who[w]].decile_n[k], 0);
			csv_fig(out, d->area[who[w]].decile_share[k], 1);
		}
}

static const struct csv_col imd_cols[] = {
	{"lsoa21cd", "GSS code", "LSOA (2021) code"},
	{"lsoa21nm", "text", "LSOA (2021) name"},
	{"imd_score", "IMD score", "Index of Multiple Deprivation score, as published"},
	{"imd_rank", "rank", "IMD rank in England, 1 = the most deprived"},
	{"imd_decile", "1..10", "IMD decile in England, 1 = the most deprived"},
	{"map_class", "1..5", "the deprivation map's class (London-wide breaks)"},
};
const struct csv_table drivers_imd_table =
	CSV_TABLE("<slug>/data/profile-imd.csv", "one LSOA of the deck's borough", imd_cols);

void drivers_table_imd(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_dataset *ds = f->ds;
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_imd_table);
	for (size_t l = 0; d && l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (L->borough != area || !L->imd.has)
			continue;
		csv_text(out, L->code, 0);
		csv_text(out, L->name, 0);
		csv_as_read(out, L->imd.score, 0);
		csv_int(out, L->imd.rank ? L->imd.rank : NAN, 0);
		csv_int(out, L->imd.decile ? L->imd.decile : NAN, 0);
		csv_int(out, d->lsoa_imd_class[l] >= 0 ? d->lsoa_imd_class[l] + 1 : NAN, 1);
	}
}

static const struct csv_col corr_cols[] = {
	{"measure", "text", "the IMD score, or one of its domains"},
	{"n", "LSOAs", "LSOAs in the correlation and the model"},
	{"spearman_rho", "correlation -1..1", "Spearman's rank correlation with the LSOA rates"},
	{"spearman_p", "probability", "two-sided p of spearman_rho"},
	{"pearson_r", "correlation -1..1", "Pearson's correlation with the LSOA rates"},
	{"pearson_p", "probability", "two-sided p of pearson_r"},
	{"glm_coef", "log rate per unit of score", "Poisson regression coefficient of the domain "
						   "(all domains but crime together, offset log "
						   "residents)"},
	{"glm_se", "log rate per unit of score", "its standard error, overdispersion-scaled"},
	{"score_sd", "domain score", "standard deviation of the domain score over the LSOAs"},
	{"rate_ratio_per_sd", "ratio", "exp(glm_coef x score_sd): the rate's multiple per "
				       "standard deviation of the domain"},
	{"rate_ratio_low_95", "ratio", "lower end of its 95% confidence interval"},
	{"rate_ratio_high_95", "ratio", "upper end of its 95% confidence interval"},
	{"rate_ratio_p", "probability", "two-sided p of glm_coef"},
};
const struct csv_table drivers_correlations_table =
	CSV_TABLE("<slug>/data/drivers-correlations.csv",
		  "one deprivation measure against the LSOA rates of all 32 boroughs", corr_cols);

void drivers_table_correlations(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_correlations_table);
	for (int v = 0; d && d->has_model && v < JB_DRV_NVARS; v++) {
		int k = v - 1, m = v > 0 && d->glm.ok;
		csv_text(out, d->var_names[v], 0);
		fprintf(out, "%zu,", d->n);
		csv_fig(out, d->spearman[v].r, 0);
		csv_fig(out, d->spearman[v].p, 0);
		csv_fig(out, d->pearson[v].r, 0);
		csv_fig(out, d->pearson[v].p, 0);
		csv_fig(out, m ? d->glm.coef[v] : NAN, 0);
		csv_fig(out, m ? d->glm.se[v] : NAN, 0);
		csv_fig(out, v > 0 ? d->dom_sd[k] : NAN, 0);
		csv_fig(out, m ? d->rr_sd[k] : NAN, 0);
		csv_fig(out, m ? d->rr_lo[k] : NAN, 0);
		csv_fig(out, m ? d->rr_hi[k] : NAN, 0);
		csv_fig(out, m ? d->rr_p[k] : NAN, 1);
	}
}

static const struct csv_col drv_lsoa_cols[] = {
	{"lsoa21cd", "GSS code", "LSOA (2021) code"},
	{"lsoa21nm", "text", "LSOA (2021) name"},
	{"imd_score", "IMD score", "Index of Multiple Deprivation score, as published"},
	{"count_last12", "offences", "the theme's offences in the last 12 months of the LSOA file"},
	{"residents", "people", "Census 2021 usual residents"},
	{"rate_per_1000", "offences per 1,000 residents", "count_last12 per 1,000 residents"},
	{"above_scale", "0/1", "1: drawn at the scatter's top edge (rate above its scale)"},
};
const struct csv_table drivers_lsoa_table =
	CSV_TABLE("<slug>/data/drivers-lsoa.csv", "one LSOA of the deck's borough",
		  drv_lsoa_cols);

void drivers_table_lsoa(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_dataset *ds = f->ds;
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_lsoa_table);
	for (size_t l = 0; d && d->has_model && l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (L->borough != area || !isfinite(d->lsoa_rate[l]))
			continue;
		csv_text(out, L->code, 0);
		csv_text(out, L->name, 0);
		csv_as_read(out, L->imd.score, 0);
		csv_int(out, f->lsoa[l].count12, 0);
		csv_int(out, L->residents, 0);
		csv_fig(out, d->lsoa_rate[l], 0);
		fprintf(out, "%d\n", d->lsoa_rate[l] > d->rate_cap);
	}
}

static const struct csv_col curves_cols[] = {
	DATATABLE_AREA_COLS,
	{"imd_score", "IMD score", "a point along the curve"},
	{"fitted_rate_per_1000", "offences per 1,000 residents", "the fitted rate at imd_score"},
	{"b0", "log rate", "intercept of the Poisson regression of LSOA counts on the IMD score"},
	{"b1", "log rate per IMD point", "its slope"},
	{"se_b1", "log rate per IMD point", "standard error of b1, overdispersion-scaled"},
	{"rate_ratio_per_10", "ratio", "exp(10 b1): the rate's multiple per 10 IMD points"},
	{"rate_ratio_per_10_low_95", "ratio", "lower end of its 95% confidence interval"},
	{"rate_ratio_per_10_high_95", "ratio", "upper end of its 95% confidence interval"},
};
const struct csv_table drivers_curves_table =
	CSV_TABLE("<slug>/data/drivers-curves.csv",
		  "one point of the fitted rate-deprivation curve of the borough or of London",
		  curves_cols);

void drivers_table_curves(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	int who[2], n;
	area_and_london(area, who, &n);
	csv_header(out, &drivers_curves_table);
	for (int w = 0; d && d->has_model && w < n; w++) {
		const struct jb_curve *cv = &d->area[who[w]].curve;
		for (int k = 0; cv->ok && k < JB_CURVE_POINTS; k++) {
			datatable_area(out, f, who[w]);
			csv_fig(out, cv->x[k], 0);
			csv_fig(out, cv->rate[k], 0);
			csv_fig(out, cv->b0, 0);
			csv_fig(out, cv->b1, 0);
			csv_fig(out, cv->se_b1, 0);
			csv_fig(out, cv->rr10, 0);
			csv_fig(out, cv->rr10_lo, 0);
			csv_fig(out, cv->rr10_hi, 1);
		}
	}
}

static const struct csv_col stages_cols[] = {
	{"stage", "text", "the last outcome's stage, or why a crime has none"},
	{"staged", "0/1", "1: a stage of the chi-square test; 0: left out of it"},
	{"borough_offences", "offences", "the deck's borough's street-level crimes"},
	{"rest_of_london_offences", "offences", "the other 31 boroughs' (staged rows only)"},
	{"london_offences", "offences", "the 32 boroughs'"},
};
const struct csv_table drivers_stages_table =
	CSV_TABLE("<slug>/data/attrition-stages.csv",
		  "one outcome stage of data.police.uk crimes (the chi-square test of the borough "
		  "against the rest of London is in summary.csv)",
		  stages_cols);

static void stage_row(FILE *out, const char *name, int staged, double borough, double rest,
		      double london)
{
	csv_text(out, name, 0);
	fprintf(out, "%d,", staged);
	csv_int(out, borough, 0);
	csv_int(out, rest, 0);
	csv_int(out, london, 1);
}

void drivers_table_stages(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_stages_table);
	if (!d || !d->has_street)
		return;
	const struct jb_drivers_area *A = &d->area[area], *L = &d->area[JB_LONDON];
	for (int k = 0; k < JB_NSTAGES; k++)
		stage_row(out, jb_stage_names[k], 1, A->stage_n[k], A->rest_n[k], L->stage_n[k]);
	/* the test's second row is for the stages only */
	stage_row(out, "no outcome or status unavailable", 0, A->unknown, NAN, L->unknown);
	stage_row(out, "outcome not in the mapping", 0, A->unmapped, NAN, L->unmapped);
}

static const struct csv_col funnel_cols[] = {
	{"level", "text", "a level of the attrition funnel"},
	DATATABLE_AREA_COLS,
	{"offences_share", "fraction 0..1", "the share of the area's staged crimes reaching it"},
};
const struct csv_table drivers_funnel_table =
	CSV_TABLE("<slug>/data/attrition-funnel.csv",
		  "one level of the attrition funnel, for the borough or London", funnel_cols);

void drivers_table_funnel(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	int who[2], n;
	area_and_london(area, who, &n);
	csv_header(out, &drivers_funnel_table);
	for (int k = 0; d && d->has_street && k < JB_FUNNEL_LEVELS; k++)
		for (int w = 0; w < n; w++) {
			csv_text(out, jb_funnel_names[k], 0);
			datatable_area(out, f, who[w]);
			csv_fig(out, d->area[who[w]].funnel[k], 1);
		}
}

static const struct csv_col po_cols[] = {
	{"month", "YYYY-MM", "the last month of the 12 summed"},
	{"area_code", "GSS code", "the borough, a similar borough, or London (E12000007)"},
	{"area_name", "text", "the borough, a similar borough, or London"},
	{"role", "text", "borough (the deck's), similar (one of its five most similar) or london"},
	{"positive_outcomes_pct", "percent", "positive outcomes as a percentage of the theme's "
					     "offences, over the 12 months to month (MPS "
					     "dashboard)"},
};
const struct csv_table drivers_po_table =
	CSV_TABLE("<slug>/data/positive-outcomes.csv",
		  "one area in one month (long: the deck's borough, its similar boroughs, London)",
		  po_cols);

void drivers_table_positive_outcomes(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	const struct jb_area_findings *me = &f->area[area];
	int areas[7], na = 0;
	areas[na++] = area;
	for (int k = 0; k < me->nsimilar; k++)
		areas[na++] = me->similar[k];
	if (area != JB_LONDON)
		areas[na++] = JB_LONDON;
	csv_header(out, &drivers_po_table);
	for (size_t i = 0; d && d->has_po && i < d->po_n; i++)
		for (int k = 0; k < na; k++) {
			int a = areas[k];
			csv_month(out, d->po_first + (int)i, 0);
			datatable_area(out, f, a);
			csv_text(out, a == JB_LONDON ? "london" : k == 0 ? "borough" : "similar", 0);
			csv_fig(out, d->area[a].po_rolling[i], 1);
		}
}
