/* render/slides/slides_context.c - the local context slides: exclusion and
 * truancy, youth services, offender management and youth justice, actions
 * since the last meeting. See slides_context.h for the template
 * conventions. Every number comes from f->context, formatted by
 * render/slides/fill.c and render/slides/fill_context.c; nothing is computed here but
 * positions. */
#include "slides_context.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/context.h"
#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "fill.h"
#include "fill_context.h"
#include "palette.h"
#include "../display/font.h"

#define GAP 16.0
#define CAPTION_SIZE CHART_TEXT_PT
#define CAPTION_H 26.0

#define COL_SERVICE COL_TURQUOISE

/* Action status: colour and symbol, never colour alone. */
static const struct {
	struct dl_color color;
	const char *symbol;
} status_style[JB_NACT_STATUS] = {
	/* pills under white text: 4.5:1 or more (issue 13) */
	[JB_ACT_COMPLETE] = {DL_RGB(0x1B7A72), "\xe2\x9c\x94"},    /* ✔ */
	[JB_ACT_ON_TRACK] = {DL_RGB(0x12436D), "\xe2\x97\x8f"},    /* ● */
	[JB_ACT_DELAYED] = {DL_RGB(0xB8460E), "\xe2\x96\xb2"},     /* ▲ */
	[JB_ACT_NOT_STARTED] = {DL_RGB(0x3D3D3D), "\xe2\x97\x8b"}, /* ○ */
};
#define OVERDUE_SYMBOL "\xe2\x9a\xa0" /* ⚠ */

/* ---- shared pieces ---- */

/* ---- what the slides cannot do without (the overview has none of them) ---- */

static int lait(const struct jb_findings *f)
{
	return f->ds->youth->lait.has_table;
}

/* Of two inputs a slide needs, the first one's file cut short (why, read
 * after "no "; analysis/context.h), else the second's, else NULL. */
static const char *cut_why(const char *a, const char *b)
{
	return *a ? a : *b ? b : NULL;
}

const char *missing_exclusion_truancy(const struct jb_findings *f, int area)
{
	if (area >= JB_NBOROUGHS || lait(f))
		return NULL;
	if (*f->context->lait_missing)
		return f->context->lait_missing;
	return "DfE LAIT exclusion and absence figures (education-youth/)";
}

const char *missing_youth_services(const struct jb_findings *f, int area)
{
	const struct jb_context *x = f->context;
	if (area >= JB_NBOROUGHS || x->yp_per_youth.ok || x->services[area].nsvc)
		return NULL;
	const char *cut = cut_why(x->services_missing, x->lait_missing);
	return cut ? cut : "youth services (youth-services/) or DfE LAIT spending on them";
}

const char *missing_youth_justice(const struct jb_findings *f, int area)
{
	const struct jb_context *x = f->context;
	if (area >= JB_NBOROUGHS || lait(f) || x->offender[area].n)
		return NULL;
	const char *cut = cut_why(x->lait_missing, x->offender_missing);
	return cut ? cut : "DfE LAIT youth justice figures (education-youth/) or offender management";
}

const char *missing_actions(const struct jb_findings *f, int area)
{
	const struct jb_context *x = f->context;
	if (area >= JB_NBOROUGHS || x->actions[area].n)
		return NULL;
	if (*x->actions_missing)
		return x->actions_missing;
	return x->has_actions ? "actions for this borough in the action log" : "action log (actions/)";
}

static const struct jb_context *context(const struct slide_ctx *c)
{
	return c->f->context;
}

/* Bullet i of the slide, filled; NULL when the template has none. */
static char *caption_text(const struct slide_ctx *c, size_t i)
{
	return i < c->spec->nbullets ? slide_fill(c, c->spec->bullets[i]) : NULL;
}

/* Draws caption i at the top of *b and takes its height off *b. */
static void caption(struct dl_page *p, const struct slide_ctx *c, size_t i, struct chart_box *b)
{
	char *t = caption_text(c, i);
	if (!t)
		return;
	double h = chart_text(p, (struct chart_box){b->x, b->y, b->w, CAPTION_H}, DL_BOLD,
			      CAPTION_SIZE, COL_TEXT, ALIGN_LEFT, t);
	free(t);
	b->y += h + 4;
	b->h -= h + 4;
}

/* A plum badge with caption i of the slide (its illustrative warning) in
 * the top right corner of b; returns its height. */
static double illustrative_badge(struct dl_page *p, const struct slide_ctx *c, size_t i,
				 struct chart_box b)
{
	char *t = caption_text(c, i);
	if (!t)
		return 0;
	const double fs = CHART_TEXT_PT, pad = 5, w = fmin(b.w * 0.6, 260);
	char **lines = NULL;
	size_t n = font_wrap(DL_BOLD, fs, t, w - 2 * pad, &lines);
	font_lines_free(lines, n);
	double h = (double)n * fs * 1.2 + 2 * pad;
	dl_rect(p, b.x + b.w - w, b.y, w, h, (struct dl_style){.fill = COL_PLUM});
	chart_text(p, (struct chart_box){b.x + b.w - w + pad, b.y + pad, w - 2 * pad, h - pad},
		   DL_BOLD, fs, COL_WHITE, ALIGN_LEFT, t);
	free(t);
	return h;
}

static struct chart_box cell(struct chart_box b, int cols, int rows, int i)
{
	double w = (b.w - GAP * (cols - 1)) / cols, h = (b.h - 10 * (rows - 1)) / rows;
	return (struct chart_box){b.x + (w + GAP) * (i % cols), b.y + (h + 10) * (i / cols), w, h};
}

static const char *area_name(int a)
{
	return a == JB_ENGLAND ? "England" : a == JB_LONDON ? "London" : jb_boroughs[a].name;
}

/* Legend entry of the similar boroughs' mean (a borough's deck only); the
 * boroughs are named in the slide's note ({similar}). */
#define SIMILAR_LABEL "Similar boroughs (mean)"

static const char *similar_label(const struct slide_ctx *c, const struct jb_similar_mean *m)
{
	return jb_similar_mean_row(m, c->area) ? SIMILAR_LABEL : NULL;
}

/* ---- exclusion and truancy ---- */

/* A LAIT series' years in GOV.UK style (fmt_lait_year), for an axis. */
static char **year_labels(const struct jb_lait_series *s)
{
	char **v = xcalloc(s->nyears + 1, sizeof *v);
	for (size_t y = 0; y < s->nyears; y++) {
		char buf[48];
		fmt_lait_year(s, y, buf, sizeof buf);
		v[y] = xstrdup(buf);
	}
	return v;
}

static void year_labels_free(char **v, size_t n)
{
	for (size_t y = 0; y < n; y++)
		free(v[y]);
	free(v);
}

/* A LAIT indicator (code, or what it is) not found: not supplied, or
 * missing from a table file cut short (analysis/context.h). */
static void lait_missing(struct dl_page *p, const struct slide_ctx *c, struct chart_box b,
			 const char *code)
{
	const char *cut = context(c)->lait_cut;
	char *what = xasprintf("DfE LAIT %s", code);
	if (cut) {
		char *msg = xasprintf("Not found: %s. The LAIT file %s is cut short (its last row "
				      "is incomplete): what is missing may be in the rows lost.",
				      what, cut);
		slide_message(p, b, msg);
		free(msg);
	} else {
		slide_no_data(p, b, what);
	}
	free(what);
}

/* A panel for a borough with no rows in a file cut short: "No " and why
 * (analysis/context.h), never "No data supplied". */
static void no_rows_in_cut_file(struct dl_page *p, struct chart_box b, const char *why)
{
	char *msg = xasprintf("no %s.", why);
	slide_message(p, b, msg);
	free(msg);
}

static void lait_panel(struct dl_page *p, const struct slide_ctx *c, const struct jb_lait_series *s,
		       size_t i, struct chart_box b)
{
	caption(p, c, i, &b);
	if (!s || s->latest < 0) {
		lait_missing(p, c, b, jb_context_slot_codes[i]);
		return;
	}
	char **labels = year_labels(s);
	struct line_chart lc = {
		.n = s->nyears,
		.xlabels = (const char *const *)labels,
		.y = s->v + (size_t)c->area * s->nyears,
		.y_label = area_name(c->area),
		.rolling = s->v + (size_t)JB_LONDON * s->nyears,
		.rolling_label = "London",
		.fit = s->v + (size_t)JB_ENGLAND * s->nyears,
		.fit_label = "England",
		.y_title = label_plain(&c->t->labels, s->units),
		.compare = jb_similar_mean_row(&s->similar, c->area),
		.compare_label = similar_label(c, &s->similar),
	};
	chart_line(p, b, &lc);
	year_labels_free(labels, s->nyears);
}

void layout_exclusion_truancy(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_context *x = context(c);
	if (!c->f->ds->youth->lait.has_table) {
		if (*x->lait_missing)
			no_rows_in_cut_file(p, b, x->lait_missing);
		else
			slide_no_data(p, b, "DfE LAIT exclusion and absence figures (education-youth/)");
		return;
	}
	static const int slots[4] = {JB_CTX_PERMEX, JB_CTX_SUSP, JB_CTX_PA, JB_CTX_SPA};
	for (int i = 0; i < 4; i++)
		lait_panel(p, c, x->slot[slots[i]], (size_t)i, cell(b, 2, 2, i));
}

/* ---- youth services ---- */

static void spend_chart(struct dl_page *p, const struct slide_ctx *c,
			const struct jb_spend_per_youth *s, struct chart_box b)
{
	if (!s->ok) {
		if (!s->spend && context(c)->lait_cut)
			lait_missing(p, c, b, jb_context_slot_codes[JB_CTX_YP_SPEND]);
		else
			slide_no_data(p, b, "DfE LAIT spending on services for young people, or ONS "
					    "population aged 10-17");
		return;
	}
	char **labels = year_labels(s->spend);
	struct line_chart lc = {
		.n = s->nyears,
		.xlabels = (const char *const *)labels,
		.y = s->v + (size_t)c->area * s->nyears,
		.y_label = area_name(c->area),
		.rolling = s->v + (size_t)JB_LONDON * s->nyears,
		.rolling_label = "London",
		.y_title = "£ per resident aged 10-17",
		.compare = jb_similar_mean_row(&s->similar, c->area),
		.compare_label = similar_label(c, &s->similar),
	};
	chart_line(p, b, &lc);
	year_labels_free(labels, s->nyears);
}

/* A service's marker: a circle of radius r metres as a polygon. */
static void marker(struct jb_polygon *poly, double x, double y, double r)
{
	enum { N = 20 };
	double xy[2 * N];
	for (int k = 0; k < N; k++) {
		double t = 2 * M_PI * k / N;
		xy[2 * k] = x + r * cos(t);
		xy[2 * k + 1] = y + r * sin(t);
	}
	poly->nrings = 1;
	poly->ring = xmalloc(2 * sizeof *poly->ring);
	poly->ring[0] = 0;
	poly->ring[1] = N;
	poly->xy = xmalloc(sizeof xy);
	memcpy(poly->xy, xy, sizeof xy);
	poly->minx = x - r, poly->maxx = x + r, poly->miny = y - r, poly->maxy = y + r;
}

static void services_map(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_findings *f = c->f;
	const struct jb_dataset *ds = f->ds;
	const struct jb_context *x = context(c);
	const struct jb_services_area *sa = &x->services[c->area];
	if (!ds->has_lsoa_shapes || !ds->has_borough_shapes) {
		slide_no_data(p, b, "LSOA and borough boundaries (boundaries/)");
		return;
	}
	const struct jb_polygon **polys = xcalloc(ds->nlsoa + sa->nsvc + 1, sizeof *polys);
	size_t *lsoa = xcalloc(ds->nlsoa + 1, sizeof *lsoa);
	size_t nl = slide_borough_lsoas(c, polys, lsoa);
	size_t n = nl + sa->nsvc;
	int *cls = xcalloc(n ? n : 1, sizeof *cls);
	struct jb_polygon *marks = xcalloc(sa->nsvc ? sa->nsvc : 1, sizeof *marks);
	/* classes: the Gi* classes when known, else one neutral class; then
	 * the services */
	struct dl_color colors[8];
	const char *labels[8];
	size_t nc = 0;
	if (x->has_hot) {
		for (int k = 0; k < 7; k++) {
			colors[nc] = palette_gi[k];
			labels[nc++] = palette_gi_label[k];
		}
	} else {
		colors[nc] = DL_RGB(0xE4E8EE);
		labels[nc++] = "Neighbourhood (LSOA)";
	}
	size_t svc_class = nc;
	colors[nc] = COL_SERVICE;
	labels[nc++] = "Youth service";
	size_t k = 0;
	for (; k < nl; k++) {
		int g = x->lsoa_gi[lsoa[k]];
		cls[k] = !x->has_hot ? 0 : g == JB_GI_UNKNOWN ? -1 : 3 - g;
	}
	const struct jb_polygon *outline = &ds->borough_draw[c->area];
	double r = fmax(outline->maxx - outline->minx, outline->maxy - outline->miny) / 70;
	double *label_xy = xcalloc(2 * (sa->nsvc ? sa->nsvc : 1), sizeof *label_xy);
	char **label_text = xcalloc(sa->nsvc ? sa->nsvc : 1, sizeof *label_text);
	for (size_t i = 0; i < sa->nsvc; i++) {
		const struct jb_youth_service *s = &ds->youth->services[sa->svc[i]];
		marker(&marks[i], s->x, s->y, r);
		polys[k] = &marks[i];
		cls[k++] = (int)svc_class;
		label_xy[2 * i] = s->x;
		label_xy[2 * i + 1] = s->y;
		label_text[i] = xasprintf("%zu", i + 1);
	}
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = nc,
		.colors = colors,
		.class_labels = labels,
		.legend_title = x->has_hot ? "Hot spots (Gi*), 12 months" : "Hot spots not available",
		.outline = outline,
		.nlabels = sa->nsvc,
		.label_xy = label_xy,
		.labels = (const char *const *)label_text,
	};
	chart_choropleth(p, b, &ch);
	for (size_t i = 0; i < sa->nsvc; i++) {
		free(marks[i].ring);
		free(marks[i].xy);
		free(label_text[i]);
	}
	free(label_text);
	free(label_xy);
	free(marks);
	free(polys);
	free(lsoa);
	free(cls);
}

/* The borough's services, numbered as on the map, as a table: *owned
 * gets what to free with services_free. */
struct services_table {
	struct table tb;
	char **owned;
	size_t nsvc;
};

static void services_build(const struct slide_ctx *c, struct services_table *st)
{
	const struct jb_context *x = context(c);
	const struct jb_services_area *sa = &x->services[c->area];
	const struct jb_youth_data *yd = c->f->ds->youth;
	size_t ncols = x->has_hot ? 5 : 4, nrows = sa->nsvc + 1;
	const char **cells = xcalloc(nrows * ncols, sizeof *cells);
	char **owned = xcalloc(nrows * 4, sizeof *owned);
	static const char *const heads[] = {"", "Service", "Per week", "Ages",
					    "Hot LSOAs in reach"};
	memcpy(cells, heads, ncols * sizeof *cells);
	for (size_t i = 0; i < sa->nsvc; i++) {
		const struct jb_youth_service *s = &yd->services[sa->svc[i]];
		char v[32];
		owned[4 * i] = xasprintf("%zu", i + 1);
		fmt_count(s->weekly_sessions >= 0 ? s->weekly_sessions : NAN, v, sizeof v);
		owned[4 * i + 1] = xstrdup(v);
		if (s->age_min >= 0 && s->age_max >= 0)
			owned[4 * i + 2] = xasprintf("%d–%d", s->age_min, s->age_max);
		else
			owned[4 * i + 2] = xstrdup("–");
		fmt_count(x->has_hot ? (double)x->svc_hot_near[sa->svc[i]] : NAN, v, sizeof v);
		owned[4 * i + 3] = xstrdup(v);
		const char **row = cells + ncols * (i + 1);
		row[0] = owned[4 * i];
		row[1] = s->name;
		row[2] = owned[4 * i + 1];
		row[3] = owned[4 * i + 2];
		if (ncols == 5)
			row[4] = owned[4 * i + 3];
	}
	static const double w5[] = {0.05, 0.52, 0.09, 0.10, 0.24};
	static const double w4[] = {0.05, 0.6, 0.2, 0.15};
	static const enum chart_align align[] = {ALIGN_RIGHT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT,
						  ALIGN_RIGHT};
	st->tb = (struct table){nrows, ncols, cells, ncols == 5 ? w5 : w4, align, -1,
				CHART_TEXT_PT};
	st->owned = owned;
	st->nsvc = sa->nsvc;
}

static void services_free(struct services_table *st)
{
	for (size_t i = 0; i < st->tb.nrows * 4; i++)
		free(st->owned[i]);
	free(st->owned);
	free((void *)st->tb.cells);
}

/* The table at the top of b; when not every service fits, a line under
 * it says how many more there are and where. */
static void services_draw(struct dl_page *p, struct services_table *st, struct chart_box b)
{
	const double more_h = CHART_TEXT_PT * 1.2 + 4;
	if (chart_table_height(&st->tb, b.w, st->nsvc) <= b.h + 1e-9) {
		chart_table(p, b, &st->tb);
		return;
	}
	size_t shown = chart_table(p, (struct chart_box){b.x, b.y, b.w, b.h - more_h}, &st->tb);
	char *more = xasprintf("%zu more %s in youth-services.csv beside the deck.",
			       st->nsvc - shown, fmt_plural((double)(st->nsvc - shown), "service", "services"));
	chart_text(p, (struct chart_box){b.x, b.y + chart_table_height(&st->tb, b.w, shown) + 4, b.w,
					 more_h},
		   DL_REGULAR, CHART_TEXT_PT, COL_MUTED, ALIGN_LEFT, more);
	free(more);
}

void layout_youth_services(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_context *x = context(c);
	double lw = b.w * 0.46;
	struct chart_box left = {b.x, b.y, lw, b.h}, right = {b.x + lw + GAP, b.y, b.w - lw - GAP, b.h};

	/* left: spend per resident aged 10-17 over time, then the services,
	 * the table as tall as its rows up to 60% of the column */
	caption(p, c, 0, &left);
	struct services_table st = {0};
	double table_h = 0;
	if (x->services[c->area].nsvc) {
		services_build(c, &st);
		table_h = fmin(left.h * 0.6, chart_table_height(&st.tb, left.w, st.nsvc) + 4);
	}
	struct chart_box chart = {left.x, left.y, left.w, fmin(left.h * 0.55, left.h - table_h - 10)};
	spend_chart(p, c, &x->yp_per_youth, chart);
	if (x->services[c->area].nsvc) {
		services_draw(p, &st, (struct chart_box){left.x, chart.y + chart.h + 10, left.w,
							 left.h - chart.h - 10});
		services_free(&st);
	}

	/* right: the services over the hot-spot classes */
	caption(p, c, 1, &right);
	if (!x->has_services || !x->services[c->area].nsvc) {
		if (*x->services_missing)
			no_rows_in_cut_file(p, right, x->services_missing);
		else
			slide_no_data(p, right, x->has_services
						? "youth services in this borough (youth-services/)"
						: "youth services (youth-services/)");
		return;
	}
	if (x->services[c->area].illustrative) {
		double h = illustrative_badge(p, c, 2, right);
		right.y += h + 6;
		right.h -= h + 6;
	}
	services_map(p, c, right);
}

/* ---- offender management and youth justice ---- */

struct bar_row {
	int area;
	double v;
};

static int by_value_desc(const void *a, const void *b)
{
	const struct bar_row *x = a, *y = b;
	int nx = isnan(x->v), ny = isnan(y->v);
	if (nx != ny)
		return nx - ny;
	if (!nx && x->v != y->v)
		return x->v < y->v ? 1 : -1;
	return x->area - y->area;
}

/* "No figure published for Camden, Hackney and Newham." at the bottom
 * of b, wrapped; returns its height. */
static double missing_line(struct dl_page *p, struct chart_box b, const char *const *names,
			   size_t n)
{
	size_t len = 64;
	for (size_t i = 0; i < n; i++)
		len += strlen(names[i]) + 6;
	char *t = xmalloc(len);
	strcpy(t, "No figure published for ");
	for (size_t i = 0; i < n; i++) {
		strcat(t, names[i]);
		strcat(t, i + 1 == n ? "." : i + 2 == n ? " and " : ", ");
	}
	char **lines;
	const double fs = CHART_TEXT_PT;
	size_t nl = font_wrap(DL_REGULAR, fs, t, b.w, &lines);
	font_lines_free(lines, nl);
	double h = font_ascent(DL_REGULAR, fs) + (double)(nl - 1) * fs * 1.2 +
		   font_descent(DL_REGULAR, fs);
	chart_text(p, (struct chart_box){b.x, b.y + b.h - h, b.w, h}, DL_REGULAR, fs, COL_MUTED,
		   ALIGN_LEFT, t);
	free(t);
	return h;
}

#define SIMILAR_BARS (JB_MAX_COMPARATORS + 1) /* the borough and them */
/* The borough and its similar boroughs, highest first, London as the
 * reference line; those with no figure are named under the bars.
 * values[area] for the 32 boroughs and London. */
static void similar_bars(struct dl_page *p, const struct slide_ctx *c, const double *values,
			 const char *const *texts, const char *x_title, struct chart_box b)
{
	const struct jb_area_findings *me = &c->f->area[c->area];
	struct bar_row rows[SIMILAR_BARS];
	size_t n = 0;
	rows[n++] = (struct bar_row){c->area, values[c->area]};
	for (int k = 0; k < me->ncomparators && n < SIMILAR_BARS; k++)
		rows[n++] = (struct bar_row){me->comparators[k], values[me->comparators[k]]};
	qsort(rows, n, sizeof rows[0], by_value_desc);
	const char *labels[SIMILAR_BARS], *vt[SIMILAR_BARS];
	double v[SIMILAR_BARS];
	int similar[SIMILAR_BARS] = {0}, hl = -1;
	size_t nbars = 0;
	const char *missing[SIMILAR_BARS];
	size_t nmissing = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = jb_boroughs[rows[i].area].name;
		if (isnan(rows[i].v)) {
			missing[nmissing++] = name;
			continue;
		}
		v[nbars] = rows[i].v;
		vt[nbars] = texts[rows[i].area];
		labels[nbars] = name;
		if (rows[i].area == c->area)
			hl = (int)nbars;
		else
			similar[nbars] = 1;
		nbars++;
	}
	if (nmissing) /* under the bars, on as many lines as it takes */
		b.h -= missing_line(p, b, missing, nmissing) + 3;
	if (!nbars)
		return;
	char *ref_label = xasprintf("London %s", texts[JB_LONDON]);
	struct bar_chart bc = {
		.n = nbars,
		.labels = labels,
		.values = v,
		.value_text = vt,
		.highlight = hl,
		.similar = similar,
		.ref = values[JB_LONDON],
		.ref_label = ref_label,
		.x_title = x_title,
	};
	chart_hbar(p, b, &bc);
	free(ref_label);
}

static void lait_bars(struct dl_page *p, const struct slide_ctx *c, const struct jb_lait_series *s,
		      size_t i, struct chart_box b)
{
	caption(p, c, i, &b);
	if (!s || s->latest < 0) {
		lait_missing(p, c, b, s ? s->code : "youth justice figures");
		return;
	}
	double values[JB_NBOROUGHS + 1];
	char *texts[JB_NBOROUGHS + 1];
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		char t[32];
		values[a] = jb_lait_value(s, a, s->latest);
		fmt_lait(s, values[a], t, sizeof t);
		texts[a] = xstrdup(t);
	}
	similar_bars(p, c, values, (const char *const *)texts, label_plain(&c->t->labels, s->units),
		     b);
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		free(texts[a]);
}

static void spend_bars(struct dl_page *p, const struct slide_ctx *c,
		       const struct jb_spend_per_youth *s, size_t i, struct chart_box b)
{
	caption(p, c, i, &b);
	if (!s->ok) {
		if (!s->spend && context(c)->lait_cut)
			lait_missing(p, c, b, jb_context_slot_codes[JB_CTX_YJ_SPEND]);
		else
			slide_no_data(p, b, "DfE LAIT youth justice spending, or ONS population aged 10-17");
		return;
	}
	double values[JB_NBOROUGHS + 1];
	char *texts[JB_NBOROUGHS + 1];
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		char t[32];
		values[a] = s->v[(size_t)a * s->nyears + (size_t)s->latest];
		fmt_pounds(values[a], t, sizeof t);
		texts[a] = xstrdup(t);
	}
	similar_bars(p, c, values, (const char *const *)texts, "£ per resident aged 10-17", b);
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		free(texts[a]);
}

static void offender_panel(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_context *x = context(c);
	const struct jb_offender_area *o = &x->offender[c->area];
	const struct jb_youth_data *yd = c->f->ds->youth;
	caption(p, c, 4, &b);
	if (!o->n) {
		if (*x->offender_missing)
			no_rows_in_cut_file(p, b, x->offender_missing);
		else
			slide_no_data(p, b, x->has_offender ? "adult offender management for this borough"
							    : "adult offender management");
		return;
	}
	size_t nrows = o->n + 1;
	const char **cells = xcalloc(nrows * 3, sizeof *cells);
	char **owned = xcalloc(nrows * 2, sizeof *owned);
	cells[0] = "Cohort";
	cells[1] = "Caseload";
	cells[2] = "Reoffending";
	for (size_t i = 0; i < o->n; i++) {
		const struct jb_offender_row *r = &yd->offender[o->rows[i]];
		char v[32];
		fmt_count(r->caseload, v, sizeof v);
		owned[2 * i] = xstrdup(v);
		fmt_dec(r->reoffending, 1, v, sizeof v);
		owned[2 * i + 1] = isfinite(r->reoffending) ? xasprintf("%s%%", v) : xstrdup(v);
		cells[3 * (i + 1)] = r->cohort;
		cells[3 * (i + 1) + 1] = owned[2 * i];
		cells[3 * (i + 1) + 2] = owned[2 * i + 1];
	}
	static const double widths[] = {0.5, 0.25, 0.25};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT};
	struct table tb = {nrows, 3, cells, widths, align, -1, CHART_TEXT_PT};
	double top = b.y;
	if (o->illustrative)
		top += illustrative_badge(p, c, 5, b) + 6;
	chart_table(p, (struct chart_box){b.x, top, b.w, b.y + b.h - top}, &tb);
	for (size_t i = 0; i < nrows * 2; i++)
		free(owned[i]);
	free(owned);
	free(cells);
}

void layout_youth_justice(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_context *x = context(c);
	/* the youth justice panels above, adult offender management in a
	 * strip along the foot */
	const double om_h = 96;
	struct chart_box grid = {b.x, b.y, b.w, b.h - om_h - 12};
	struct chart_box strip = {b.x, b.y + b.h - om_h, b.w, om_h};
	/* a part without data gives its space to the other; one line says
	 * what is missing */
	int no_om = !x->offender[c->area].n;
	if (!c->f->ds->youth->lait.has_table) {
		const char *cut = cut_why(x->lait_missing, x->offender_missing);
		if (no_om && cut)
			no_rows_in_cut_file(p, b, cut);
		else if (no_om)
			slide_no_data(p, b, "DfE LAIT youth justice figures (education-youth/) or "
					    "offender management");
		else
			offender_panel(p, c, b);
		return;
	}
	if (no_om)
		grid.h = b.h - 20;
	lait_bars(p, c, x->slot[JB_CTX_FTE], 0, cell(grid, 2, 2, 0));
	lait_bars(p, c, x->slot[JB_CTX_REOFF], 1, cell(grid, 2, 2, 1));
	lait_bars(p, c, x->slot[JB_CTX_REOFF_15_17], 2, cell(grid, 2, 2, 2));
	spend_bars(p, c, &x->yj_per_youth, 3, cell(grid, 2, 2, 3));
	if (!no_om) {
		offender_panel(p, c, strip);
		return;
	}
	const char *om_cut = x->offender_cut;
	char *what = om_cut
			     ? xasprintf("Adult offender management: none for this borough in %s, which "
					 "is cut short.", om_cut)
			     : xasprintf("Adult offender management: no figures were supplied%s.",
					 x->has_offender ? " for this borough" : " (offender-management/)");
	chart_text(p, (struct chart_box){b.x, b.y + b.h - 12, b.w, 12}, DL_REGULAR, CHART_TEXT_PT,
		   COL_MUTED, ALIGN_LEFT, what);
	free(what);
}

/* ---- actions since the last meeting ---- */

/* One table cell of up to two wrapped lines. */
static void cell_text(struct dl_page *p, double x, double y, double w, double h, enum dl_font f,
		      double fs, struct dl_color col, const char *s)
{
	chart_text(p, (struct chart_box){x, y, w, h}, f, fs, col, ALIGN_LEFT, s);
}

/* Returns the height used. */
static double actions_table(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_context *x = context(c);
	const struct jb_actions_area *A = &x->actions[c->area];
	const struct jb_youth_data *yd = c->f->ds->youth;
	const double fs = CHART_TEXT_PT, pad = 5, head = 18, rowh = 2 * fs * 1.2 + 2 * pad;
	/* columns: status | action | owner | due | update */
	static const double frac[] = {0.13, 0.38, 0.13, 0.10, 0.26};
	static const char *const heads[] = {"Status", "Action", "Owner", "Due", "Latest update"};
	double cx[6];
	cx[0] = b.x;
	for (int j = 0; j < 5; j++)
		cx[j + 1] = cx[j] + b.w * frac[j];
	for (int j = 0; j < 5; j++)
		dl_text(p, cx[j] + pad, b.y + 12, DL_BOLD, fs, COL_TEXT, heads[j]);
	dl_segment(p, b.x, b.y + head, b.x + b.w, b.y + head, COL_GREY, 1);
	size_t fit = (size_t)fmax(0, floor((b.h - head - 14) / rowh));
	size_t shown = A->n < fit ? A->n : fit;
	double y = b.y + head;
	for (size_t i = 0; i < shown; i++, y += rowh) {
		size_t k = A->order[i];
		const struct jb_action *a = &yd->actions[k];
		int late = x->overdue[k];
		if (late)
			dl_rect(p, b.x, y, b.w, rowh, (struct dl_style){.fill = DL_RGB(0xF6E3EC)});
		else if (i % 2)
			dl_rect(p, b.x, y, b.w, rowh, (struct dl_style){.fill = COL_PANEL});
		/* status: a coloured pill with a symbol and the word */
		struct dl_color col = status_style[a->status].color;
		char *st = xasprintf("%s %s", status_style[a->status].symbol,
				     jb_action_status_names[a->status]);
		double pw = fmin(font_width(DL_BOLD, fs, st) + 10, cx[1] - cx[0] - 2 * pad);
		dl_rect(p, cx[0] + pad, y + pad, pw, fs * 1.6, (struct dl_style){.fill = col});
		dl_text(p, cx[0] + pad + 5, y + pad + fs * 1.15, DL_BOLD, fs, COL_WHITE, st);
		free(st);
		if (late) {
			char *od = xasprintf("%s overdue", OVERDUE_SYMBOL);
			dl_text(p, cx[0] + pad, y + pad + fs * 2.7, DL_BOLD, fs, COL_PLUM, od);
			free(od);
		}
		double th = rowh - 2 * pad;
		char *act = xasprintf("%s · %s", a->id, a->action);
		cell_text(p, cx[1] + pad, y + pad, cx[2] - cx[1] - 2 * pad, th, DL_REGULAR, fs,
			  COL_TEXT, act);
		free(act);
		cell_text(p, cx[2] + pad, y + pad, cx[3] - cx[2] - 2 * pad, th, DL_REGULAR, fs,
			  COL_TEXT, a->owner);
		char due[32];
		fmt_ymd(a->due, 0, due, sizeof due);
		cell_text(p, cx[3] + pad, y + pad, cx[4] - cx[3] - 2 * pad, th, late ? DL_BOLD : DL_REGULAR,
			  fs, late ? COL_PLUM : COL_TEXT, due);
		cell_text(p, cx[4] + pad, y + pad, cx[5] - cx[4] - 2 * pad, th, DL_REGULAR, fs,
			  COL_MUTED, *a->update ? a->update : "–");
	}
	dl_segment(p, b.x, y, b.x + b.w, y, COL_RULE, 0.5);
	if (shown < A->n) {
		char *more = xasprintf("%zu more in data/actions.csv beside the deck", A->n - shown);
		dl_text(p, b.x + pad, y + 11, DL_REGULAR, fs, COL_MUTED, more);
		free(more);
		y += 14;
	}
	return y - b.y;
}

void layout_actions(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_context *x = context(c);
	const struct jb_actions_area *A = &x->actions[c->area];
	if (!A->n) {
		if (*x->actions_missing)
			no_rows_in_cut_file(p, b, x->actions_missing);
		else
			slide_no_data(p, b, x->has_actions ? "actions for this borough in the action log"
							   : "the action log (actions/)");
		return;
	}
	const double tiles_h = 108;
	struct chart_box tb = {b.x, b.y, b.w, b.h - tiles_h - 12};
	if (A->illustrative) {
		double h = illustrative_badge(p, c, 0, tb);
		tb.y += h + 6;
		tb.h -= h + 6;
	}
	double used = tb.y - b.y + actions_table(p, c, tb);
	static const struct dl_color accents[] = {COL_GREY, COL_DARK_BLUE, COL_PLUM, COL_TURQUOISE};
	size_t n;
	struct tile *tiles = slide_tiles(c, accents, sizeof accents / sizeof accents[0], &n);
	double ty = fmin(b.y + used + 12, b.y + b.h - tiles_h);
	if (n)
		chart_tiles(p, (struct chart_box){b.x, ty, b.w, tiles_h}, tiles, n, n);
	slide_tiles_free(tiles, n);
}
