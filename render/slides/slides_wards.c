/* render/slides/slides_wards.c - see slides_wards.h. */
#include "slides_wards.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/wards.h"
#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "../display/font.h"

#define GAP 24.0
#define TABLE_PT CHART_TEXT_PT
/* chart_hbar gives its labels at most this share of its width, at up to
 * CHART_TEXT_PT: the chart is made wide enough for the longest ward name */
#define LABEL_SHARE 0.35
#define LABEL_PT CHART_TEXT_PT
/* a bar row tall enough for chart_hbar to give its label CHART_TEXT_PT,
 * so that labels are read text and never overlap: the chart shows the
 * wards that fit */
#define ROW_MIN (CHART_TEXT_PT * CHART_BAR_ROW_PER_PT)

static const struct jb_ward_area *ward_area(const struct jb_findings *f, int area)
{
	const struct jb_ward_findings *w = f->wards;
	return w && w->ok && area != JB_LONDON && w->area[area].nwards ? &w->area[area] : NULL;
}

const char *missing_wards(const struct jb_findings *f, int area)
{
	const struct jb_ward_findings *w = f->wards;
	if (!w || !w->ok)
		return w && f->ds->has_crime[JB_LEVEL_WARD]
			       ? "MPS ward-level recorded crime for all 12 months of the pack"
			       : "MPS ward-level recorded crime (crime/)";
	if (area != JB_LONDON && *w->area[area].missing)
		return w->area[area].missing;
	return ward_area(f, area) ? NULL : "MPS ward-level recorded crime for this area";
}

static const char *ward_name(const struct jb_findings *f, int k)
{
	const struct jb_ward *wd = &f->ds->ward[k];
	return wd->name ? wd->name : wd->code;
}

/* A ward's borough, in a group's pack (where wards of several meet). */
static const char *ward_borough(const struct jb_findings *f, int area, int k)
{
	int b = f->ds->ward[k].borough;
	return area == JB_GROUP && b >= 0 ? jb_boroughs[b].name : NULL;
}

/* A ward's name for a sentence; in a group's pack with its borough,
 * "Hoxton East & Shoreditch (Hackney)" (caller frees). */
static char *ward_label(const struct jb_findings *f, int area, int k)
{
	const char *b = ward_borough(f, area, k);
	return b ? xasprintf("%s (%s)", ward_name(f, k), b) : xstrdup(ward_name(f, k));
}

static void pct_text(double v, char *b, size_t n)
{
	fmt_dec(v, 0, b, n);
	if (isfinite(v) && strlen(b) + 2 <= n)
		strcat(b, "%");
}

/* The columns of the top wards' table, in the order drawn. */
enum { COL_RANK, COL_WARD, COL_BOROUGH, COL_COUNT, COL_SHARE, NCOLS };
static const char *const col_head[NCOLS] = {"Rank", "Ward", "Borough", "Offences", "Share"};
/* which go first when not all fit the column: the ward and its count,
 * then (in a group's pack) its borough, its share, its rank */
static const int col_priority[NCOLS] = {COL_WARD, COL_COUNT, COL_BOROUGH, COL_SHARE, COL_RANK};

/* The top wards as a table, with the columns that fit b's width whole
 * (each measured: no name is cut); returns its height. */
static double top_table(struct dl_page *p, struct chart_box b, const struct slide_ctx *c,
			const struct jb_ward_area *wa)
{
	const struct jb_ward_findings *w = c->f->wards;
	int nrows = wa->nwards < JB_WARD_TOP ? wa->nwards : JB_WARD_TOP;
	char v[JB_WARD_TOP][NCOLS][64];
	double need[NCOLS];
	for (int j = 0; j < NCOLS; j++)
		need[j] = font_width(DL_BOLD, TABLE_PT, col_head[j]);
	for (int i = 0; i < nrows; i++) {
		int k = wa->order[i];
		const char *bo = ward_borough(c->f, c->area, k);
		snprintf(v[i][COL_RANK], 64, "%d", wa->rank[i]);
		snprintf(v[i][COL_WARD], 64, "%s", ward_name(c->f, k));
		snprintf(v[i][COL_BOROUGH], 64, "%s", bo ? bo : "");
		fmt_count(w->count12[k], v[i][COL_COUNT], 64);
		pct_text(wa->share[i], v[i][COL_SHARE], 64);
		for (int j = 0; j < NCOLS; j++)
			need[j] = fmax(need[j], font_width(DL_REGULAR, TABLE_PT, v[i][j]));
	}
	/* room for the cell padding (chart_table: half the size each side) */
	int use[NCOLS] = {0};
	double used = 0;
	for (int q = 0; q < NCOLS; q++) {
		int j = col_priority[q];
		double wj = need[j] + TABLE_PT + 2;
		if (j == COL_BOROUGH && c->area != JB_GROUP)
			continue;
		if (used + wj <= b.w) {
			use[j] = 1;
			used += wj;
		}
	}
	const char *cells[(JB_WARD_TOP + 1) * NCOLS];
	double widths[NCOLS];
	enum chart_align align[NCOLS];
	size_t nc = 0;
	for (int j = 0; j < NCOLS; j++) {
		if (!use[j])
			continue;
		/* the slack goes to the ward's name */
		widths[nc] = need[j] + TABLE_PT + 2 + (j == COL_WARD ? b.w - used : 0);
		align[nc] = j == COL_WARD || j == COL_BOROUGH ? ALIGN_LEFT : ALIGN_RIGHT;
		cells[nc] = col_head[j];
		for (int i = 0; i < nrows; i++)
			cells[(size_t)(i + 1) * NCOLS + nc] = v[i][j];
		nc++;
	}
	/* cells were laid out NCOLS to a row: close them up to nc */
	for (int i = 1; i <= nrows; i++)
		for (size_t j = 0; j < nc; j++)
			cells[(size_t)i * nc + j] = cells[(size_t)i * NCOLS + j];
	struct table t = {(size_t)nrows + 1, nc, cells, widths, align, -1, TABLE_PT};
	double h = 1.9 * TABLE_PT * (double)(nrows + 2);
	chart_table(p, (struct chart_box){b.x, b.y, b.w, h}, &t);
	return h;
}

void layout_wards(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const char *what = missing_wards(c->f, c->area);
	if (what) {
		slide_no_data(p, b, what);
		return;
	}
	const struct jb_ward_findings *w = c->f->wards;
	const struct jb_ward_area *wa = ward_area(c->f, c->area);
	size_t fit = (size_t)fmax(1, floor((b.h - 40) / ROW_MIN));
	size_t n = (size_t)wa->nwards < fit ? (size_t)wa->nwards : fit;
	char **labels = xcalloc(n, sizeof *labels), **texts = xcalloc(n, sizeof *texts);
	double *values = xcalloc(n, sizeof *values);
	for (size_t i = 0; i < n; i++) {
		int k = wa->order[i];
		/* the ward's name left of its bar; in a group's pack its
		 * borough after the count, where the text has room */
		labels[i] = xstrdup(ward_name(c->f, k));
		values[i] = w->count12[k];
		char s[32];
		fmt_count(values[i], s, sizeof s);
		const char *bo = ward_borough(c->f, c->area, k);
		texts[i] = bo ? xasprintf("%s, %s", s, bo) : xstrdup(s);
	}
	char mean[32];
	fmt_dec(wa->mean12, 0, mean, sizeof mean);
	char *ref = xasprintf("Ward average %s", mean);
	char *x_title = n < (size_t)wa->nwards
				? xasprintf("Offences, 12 months: the %zu wards with the most, of %d", n,
					    wa->nwards)
				: xstrdup("Offences, 12 months");
	struct bar_chart bc = {
		.n = n,
		.labels = (const char *const *)labels,
		.values = values,
		.value_text = (const char *const *)texts,
		.highlight = -1,
		.ref = wa->mean12,
		.ref_label = ref,
		.x_title = x_title,
	};
	/* the chart as wide as its longest label needs, the table the rest */
	double labw = 0;
	for (size_t i = 0; i < n; i++)
		labw = fmax(labw, font_width(DL_REGULAR, LABEL_PT, labels[i]));
	double rw = fmin((b.w - GAP) * 0.42, b.w - GAP - (labw + 6) / LABEL_SHARE);
	chart_hbar(p, (struct chart_box){b.x, b.y, b.w - rw - GAP, b.h}, &bc);
	struct chart_box r = {b.x + b.w - rw, b.y, rw, b.h};
	double th = top_table(p, r, c, wa);
	slide_bullets(p, c, (struct chart_box){r.x, r.y + th + 12, rw, b.h - th - 12}, 10);
	for (size_t i = 0; i < n; i++) {
		free(labels[i]);
		free(texts[i]);
	}
	free(labels);
	free(texts);
	free(values);
	free(ref);
	free(x_title);
}

/* ---- placeholders ---- */

#define FILL_WARDS_FN(name) \
	static void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, \
			 size_t n)

FILL_WARDS_FN(fw_period)
{
	(void)a;
	const struct jb_ward_findings *w = c->f->wards;
	if (w->ok)
		fmt_window(w->first, w->last, w->age, b, n);
	else
		snprintf(b, n, FILL_NA);
}

FILL_WARDS_FN(fw_count)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	fmt_count(wa ? wa->nwards : NAN, b, n);
}

FILL_WARDS_FN(fw_total)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	fmt_count(wa ? wa->total12 : NAN, b, n);
}

FILL_WARDS_FN(fw_mean)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	fmt_dec(wa ? wa->mean12 : NAN, 0, b, n);
}

FILL_WARDS_FN(fw_top)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	if (!wa) {
		snprintf(b, n, FILL_NA);
		return;
	}
	char *s = ward_label(c->f, a->index, wa->order[0]);
	snprintf(b, n, "%s", s);
	free(s);
}

FILL_WARDS_FN(fw_top_count)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	fmt_count(wa ? c->f->wards->count12[wa->order[0]] : NAN, b, n);
}

FILL_WARDS_FN(fw_top_share)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	pct_text(wa ? wa->share[0] : NAN, b, n);
}

FILL_WARDS_FN(fw_top5_share)
{
	const struct jb_ward_area *wa = ward_area(c->f, a->index);
	pct_text(wa ? wa->top_share : NAN, b, n);
}

FILL_WARDS_FN(fw_why)
{
	(void)a;
	const struct jb_ward_findings *w = c->f->wards;
	snprintf(b, n, "%s", w->ok ? FILL_NA : w->why);
}

FILL_WARDS_FN(fw_counts_why)
{
	(void)a;
	snprintf(b, n, "%s", c->f->wards->why_unrated);
}

static const struct fill_key keys[] = {
	{"ward_period", fw_period, "the 12 months the wards are ranked over"},
	{"ward_count", fw_count, "the borough's wards in the ward-level file"},
	{"ward_total", fw_total, "their offences, 12 months (offences with a location)"},
	{"ward_mean", fw_mean, "offences per ward, 12 months"},
	{"ward_top", fw_top, "the ward with the most offences"},
	{"ward_top_count", fw_top_count, "its offences, 12 months"},
	{"ward_top_share", fw_top_share, "its share of the wards' offences, \"12%\""},
	{"ward_top5_share", fw_top5_share, "the share of the wards' offences in the top 5 wards"},
	{"ward_why", fw_why, "why wards are not ranked (only when they are not)"},
	{"ward_counts_why", fw_counts_why, "why wards are ranked by offences, not rate per resident"},
};
const struct fill_group fill_wards_keys = FILL_GROUP(keys);
