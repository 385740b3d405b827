/* render/slides/slides_public.c - see slides_public.h. */
#include "slides_public.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/confidence.h"
#include "../../analysis/homicide.h"
#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "../chart/chart_scatter.h"
#include "fill.h"
#include "fill_public.h"
#include "../display/font.h"

#define GAP 18.0
#define CAPTION_PT CHART_TEXT_PT
#define ROW_GAP 6.0 /* between rows of the confidence panels */

const char *missing_confidence(const struct jb_findings *f, int area)
{
	const struct jb_confidence *k = f->confidence;
	if (!k || !k->ok)
		return "MOPAC Public Attitudes Survey (confidence/)";
	if (area < JB_NBOROUGHS ? k->area[area].headline < 0
				: k->good_job < 0 || !k->m[k->good_job].nranked)
		return area < JB_NBOROUGHS ? "Public Attitudes Survey figures for this borough"
					   : "Public Attitudes Survey \"Good Job\" local figures";
	return NULL;
}

const char *missing_homicide(const struct jb_findings *f, int area)
{
	(void)area;
	return f->homicide && f->homicide->ok ? NULL : "MPS homicide victims (crime/)";
}

/* ---- public confidence ---- */

/* The quarter a measure's figures are for, when it is not the survey's
 * latest (Trust MPS has fewer quarters): " (Mar 2023)"; else "". */
static void older_tag(const struct jb_confidence *k, const struct jb_conf_measure *m, char *b,
		      size_t n)
{
	b[0] = '\0';
	if (m->latest >= 0 && m->month[m->latest] != k->latest_month) {
		char q[32];
		fmt_month(m->month[m->latest], 0, q, sizeof q);
		snprintf(b, n, " (%s)", q);
	}
}

static void legend_entry(struct dl_page *p, double x, double y, struct dl_color col, double dash,
			 const char *label)
{
	struct dl_style s = {.stroke = col, .width = 2, .dash = dash};
	dl_path_begin(p);
	dl_move(p, x, y - 3);
	dl_line(p, x + 18, y - 3);
	dl_path_end(p, s);
	dl_text(p, x + 22, y, DL_REGULAR, CAPTION_PT, COL_TEXT, label);
}

/* One measure's panel: its name, then the two lines (the latest values
 * are in the table below the panels). */
static void conf_panel(struct dl_page *p, struct chart_box b, const struct jb_confidence *k,
		       const struct jb_conf_measure *m, int area)
{
	char tag[48];
	older_tag(k, m, tag, sizeof tag);
	char *head = xasprintf("%s%s", m->name, tag);
	chart_text(p, (struct chart_box){b.x, b.y, b.w, CAPTION_PT * 1.3}, DL_BOLD, CAPTION_PT,
		   COL_TEXT, ALIGN_LEFT, head);
	free(head);
	size_t n = (size_t)m->latest + 1;
	double *bv = xmalloc(n * sizeof *bv), *lv = xmalloc(n * sizeof *lv);
	char **xl = xcalloc(n, sizeof *xl);
	for (size_t q = 0; q < n; q++) {
		bv[q] = 100 * jb_conf_value(m, area, (int)q);
		lv[q] = 100 * jb_conf_value(m, JB_LONDON, (int)q);
		char s[32];
		fmt_month(m->month[q], 0, s, sizeof s);
		xl[q] = xstrdup(s);
	}
	struct chart_series s[2] = {
		{.v = lv, .color = COL_GREY, .width = 1.2, .dash = 3},
		{.v = bv, .color = CHART_ACCENT, .width = 2},
	};
	struct lines_chart lc = {.n = n, .xlabels = (const char *const *)xl, .nseries = 2,
				 .series = s, .y_suffix = "%"};
	double top = CAPTION_PT * 1.3 + 1;
	chart_lines(p, (struct chart_box){b.x, b.y + top, b.w, b.h - top}, &lc);
	for (size_t q = 0; q < n; q++)
		free(xl[q]);
	free(xl);
	free(bv);
	free(lv);
}

static void run_text(const struct jb_conf_measure *m, int b, char *out, size_t n)
{
	int r = m->below_run[b];
	if (!r) {
		snprintf(out, n, "never below");
		return;
	}
	char end[32];
	fmt_month(m->below_run_end[b], 0, end, sizeof end);
	snprintf(out, n, "%d quarter%s %s %s", r, r == 1 ? "" : "s",
		 m->below_now[b] ? "to date," : "to", end);
}

/* The most measures the slide shows, a panel and a row each: the survey
 * publishes 8. With more, the rest with a figure for the quarter used
 * are in the deck's data table. */
#define CONF_SHOWN_MAX 8

/* The measures with a latest quarter, the first CONF_SHOWN_MAX of them
 * in the file's order into shown[]; returns how many there are in all. */
static size_t conf_shown(const struct jb_confidence *k, size_t shown[CONF_SHOWN_MAX],
			 size_t *nshown)
{
	size_t all = 0;
	*nshown = 0;
	for (size_t i = 0; i < k->nm; i++)
		if (k->m[i].latest >= 0) {
			if (*nshown < CONF_SHOWN_MAX)
				shown[(*nshown)++] = i;
			all++;
		}
	return all;
}

/* The measures shown, best rank first: value, London, rank, change, run;
 * then, when there are more, where they are. */
static void conf_table(struct dl_page *p, struct chart_box b, const struct jb_confidence *k,
		       int area, const size_t *shown, size_t nshown, size_t more)
{
	enum { NC = 6 };
	size_t nm = nshown, rows = 1;
	const char **cells = xcalloc((nm + 2) * NC, sizeof *cells);
	char **owned = xcalloc((nm + 1) * NC, sizeof *owned);
	static const char *const head[NC] = {"Measure", "Borough", "London", "Rank of 32",
					     "Change on a year, points", "Longest run below London"};
	memcpy(cells, head, sizeof head);
	int *order = xcalloc(nm + 1, sizeof *order);
	size_t no = 0;
	for (size_t s = 0; s < nm; s++) {
		size_t i = shown[s];
		const struct jb_conf_measure *m = &k->m[i];
		if (m->latest < 0 || !m->rank[area])
			continue;
		size_t j = no++;
		for (; j > 0 && k->m[order[j - 1]].rank[area] > m->rank[area]; j--)
			order[j] = order[j - 1];
		order[j] = (int)i;
	}
	for (size_t r = 0; r < no; r++) {
		const struct jb_conf_measure *m = &k->m[order[r]];
		char s[4][64], tag[48], bc[32], lc[32];
		older_tag(k, m, tag, sizeof tag);
		fmt_share(m->value[area], s[0], sizeof s[0]);
		fmt_share(m->value[JB_LONDON], s[1], sizeof s[1]);
		fmt_ordinal(m->rank[area], s[2], sizeof s[2]);
		fmt_points(m->change[area], bc, sizeof bc);
		fmt_points(m->change[JB_LONDON], lc, sizeof lc);
		char **o = owned + r * NC;
		o[0] = xasprintf("%s%s", m->name, tag);
		o[1] = xstrdup(s[0]);
		o[2] = xstrdup(s[1]);
		o[3] = xstrdup(s[2]);
		o[4] = xasprintf("%s (London %s)", bc, lc);
		char run[64];
		run_text(m, area, run, sizeof run);
		o[5] = xstrdup(run);
		for (int c = 0; c < NC; c++)
			cells[rows * NC + (size_t)c] = o[c];
		rows++;
	}
	if (more) {
		char **o = owned + nm * NC;
		o[0] = xasprintf("%zu more %s: see data/confidence.csv beside the deck", more,
				 more == 1 ? "measure" : "measures");
		cells[rows * NC] = o[0];
		for (int c = 1; c < NC; c++)
			cells[rows * NC + (size_t)c] = "";
		rows++;
	}
	static const double widths[NC] = {0.25, 0.09, 0.09, 0.09, 0.24, 0.24};
	static const enum chart_align align[NC] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT,
						   ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
	/* six columns of figures beside the panels: the slide is a dense one */
	struct table t = {rows, NC, cells, widths, align, -1, CHART_MIN_PT};
	chart_table(p, b, &t);
	for (size_t i = 0; i < (nm + 1) * NC; i++)
		free(owned[i]);
	free(owned);
	free(cells);
	free(order);
}

static void conf_borough(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_confidence *k = c->f->confidence;
	double lh = 16;
	legend_entry(p, b.x, b.y + 9, CHART_ACCENT, 0, c->f->area[c->area].name);
	legend_entry(p, b.x + 40 + font_width(DL_REGULAR, CAPTION_PT, c->f->area[c->area].name),
		     b.y + 9, COL_GREY, 3, "London");
	/* panels above, the ranked table below */
	size_t shown[CONF_SHOWN_MAX], ns;
	size_t more = conf_shown(k, shown, &ns) - ns;
	/* room for every measure of the file, as many as the slide shows */
	size_t room = k->nm < CONF_SHOWN_MAX ? k->nm : CONF_SHOWN_MAX;
	double th = 1.9 * CHART_MIN_PT * (double)(room + 1 + (more > 0)) + 4;
	struct chart_box grid = {b.x, b.y + lh, b.w, b.h - lh - th - 10};
	size_t cols = room > 6 ? 4 : 3, rows = (room + cols - 1) / cols;
	double pw = (grid.w - GAP * (double)(cols - 1)) / (double)cols;
	double ph = (grid.h - ROW_GAP * (double)(rows ? rows - 1 : 0)) / (double)(rows ? rows : 1);
	for (size_t s = 0; s < ns; s++) {
		size_t col = s % cols, row = s / cols;
		conf_panel(p, (struct chart_box){grid.x + (double)col * (pw + GAP),
						 grid.y + (double)row * (ph + ROW_GAP), pw, ph},
			   k, &k->m[shown[s]], c->area);
	}
	conf_table(p, (struct chart_box){b.x, b.y + b.h - th, b.w, th}, k, c->area, shown, ns,
		   more);
}

/* The overview: the 32 boroughs on "Good Job" local, London dashed. */
static void conf_london(struct dl_page *p, const struct slide_ctx *c, struct chart_box b)
{
	const struct jb_confidence *k = c->f->confidence;
	const struct jb_conf_measure *m = &k->m[k->good_job];
	const char *labels[JB_NBOROUGHS];
	char *texts[JB_NBOROUGHS];
	double values[JB_NBOROUGHS];
	for (int i = 0; i < m->nranked; i++) {
		int bo = m->order[i];
		labels[i] = jb_boroughs[bo].name;
		values[i] = 100 * m->value[bo];
		char v[16];
		fmt_share(m->value[bo], v, sizeof v);
		texts[i] = xstrdup(v);
	}
	char L[16], tag[48];
	fmt_share(m->value[JB_LONDON], L, sizeof L);
	older_tag(k, m, tag, sizeof tag);
	char *ref = xasprintf("London %s", L);
	char *title = xasprintf("%s%s, %% of residents", m->name, tag);
	struct bar_chart bc = {
		.n = (size_t)m->nranked,
		.labels = labels,
		.values = values,
		.value_text = (const char *const *)texts,
		.highlight = -1,
		.ref = 100 * m->value[JB_LONDON],
		.ref_label = ref,
		.x_title = title,
	};
	chart_hbar(p, b, &bc);
	for (int i = 0; i < m->nranked; i++)
		free(texts[i]);
	free(ref);
	free(title);
}

void layout_confidence(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const char *what = missing_confidence(c->f, c->area);
	if (what)
		slide_no_data(p, b, what);
	else if (c->area == JB_LONDON)
		conf_london(p, c, b);
	else
		conf_borough(p, c, b);
}

/* ---- homicide ---- */

/* The victims table at the top of b; returns its height. */
static double hom_table(struct dl_page *p, struct chart_box b, const struct jb_homicide_findings *h,
			int area)
{
	enum { NC = 6 };
	static const char *const names[JB_HOM_NMEASURES] = {
		[JB_HOM_ALL] = "All victims",
		[JB_HOM_YOUTH] = "Aged 13-24",
		[JB_HOM_KNIFE] = "Knife or sharp instrument",
	};
	char hd[NC][80];
	snprintf(hd[0], sizeof hd[0], "Victims");
	fmt_years(h->first_year, h->last_year, hd[1], sizeof hd[1]);
	fmt_years(h->window_first[JB_HOM_LAST5], h->last_year, hd[2], sizeof hd[2]);
	fmt_years(h->window_first[JB_HOM_LAST3], h->last_year, hd[3], sizeof hd[3]);
	snprintf(hd[4], sizeof hd[4], "Rate a year");
	snprintf(hd[5], sizeof hd[5], "Rank");
	const char *cells[(JB_HOM_NMEASURES + 1) * NC];
	char v[JB_HOM_NMEASURES][NC][32];
	for (int c = 0; c < NC; c++)
		cells[c] = hd[c];
	const struct jb_hom_area *a = &h->area[area];
	for (int m = 0; m < JB_HOM_NMEASURES; m++) {
		fmt_count(a->total[m][JB_HOM_SPAN], v[m][1], sizeof v[m][1]);
		fmt_count(a->total[m][JB_HOM_LAST5], v[m][2], sizeof v[m][2]);
		fmt_count(a->total[m][JB_HOM_LAST3], v[m][3], sizeof v[m][3]);
		fmt_dec(a->rate[m][JB_HOM_LAST5], 1, v[m][4], sizeof v[m][4]);
		if (a->rank[m][JB_HOM_LAST5])
			fmt_ordinal(a->rank[m][JB_HOM_LAST5], v[m][5], sizeof v[m][5]);
		else
			snprintf(v[m][5], sizeof v[m][5], "–");
		const char **row = cells + (size_t)(m + 1) * NC;
		row[0] = names[m];
		for (int c = 1; c < NC; c++)
			row[c] = v[m][c];
	}
	static const double widths[NC] = {0.36, 0.13, 0.13, 0.13, 0.13, 0.12};
	static const enum chart_align align[NC] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT,
						   ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
	struct table t = {JB_HOM_NMEASURES + 1, NC, cells, widths, align, -1, CHART_TEXT_PT};
	b.h = chart_table_height(&t, b.w, JB_HOM_NMEASURES) + 4;
	chart_table(p, b, &t);
	return b.h;
}

void layout_homicide(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const char *what = missing_homicide(c->f, c->area);
	if (what) {
		slide_no_data(p, b, what);
		return;
	}
	const struct jb_homicide_findings *h = c->f->homicide;
	const struct jb_hom_area *a = &h->area[c->area];
	size_t n = (size_t)h->nyears;
	char **xl = xcalloc(n, sizeof *xl);
	for (size_t y = 0; y < n; y++)
		xl[y] = xasprintf("%s%02d", y == 0 || y == n - 1 ? "" : "’",
				  (h->first_year + (int)y) % (y == 0 || y == n - 1 ? 10000 : 100));
	struct chart_series s[2] = {
		{.v = a->per_year[JB_HOM_ALL], .color = CHART_BASE, .label = "All homicide victims"},
		{.v = a->per_year[JB_HOM_YOUTH], .color = COL_PLUM, .label = "Victims aged 13-24"},
	};
	struct column_chart cc = {
		.n = n,
		.xlabels = (const char *const *)xl,
		.nseries = 2,
		.series = s,
		.y_title = "Victims a year",
	};
	double rw = (b.w - GAP) * 0.46;
	chart_columns(p, (struct chart_box){b.x, b.y, b.w - rw - GAP, b.h}, &cc);
	struct chart_box r = {b.x + b.w - rw, b.y, rw, b.h};
	r.h = hom_table(p, r, h, c->area);
	slide_bullets(p, c, (struct chart_box){r.x, r.y + r.h + 14, rw, b.h - r.h - 14},
		      CHART_TEXT_PT);
	for (size_t y = 0; y < n; y++)
		free(xl[y]);
	free(xl);
}
