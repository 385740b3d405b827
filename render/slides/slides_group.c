/* render/slides/slides_group.c - see slides_group.h. */
#include "slides_group.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "fill.h"

#define GAP 24.0
#define TABLE_PT CHART_TEXT_PT

/* The rows of the slide and its table: the members in the order given,
 * the group, London; returns how many (room for JB_NBOROUGHS + 2). */
static int group_rows(const struct jb_findings *f, int *rows)
{
	int n = 0;
	for (int k = 0; k < f->group.n; k++)
		rows[n++] = f->group.members[k];
	rows[n++] = JB_GROUP;
	rows[n++] = JB_LONDON;
	return n;
}

enum { NC = 7 };

/* One area's cells, formatted from its findings. */
static void row_cells(const struct jb_area_findings *a, char v[NC][64])
{
	const struct jb_change *ch = &a->change;
	snprintf(v[0], 64, "%s", a->name);
	fmt_count(ch->ok ? ch->a : NAN, v[1], 64);
	fmt_count(ch->ok ? ch->b : NAN, v[2], 64);
	fmt_signed_pct(ch->ok ? ch->pct : NAN, v[3], 64);
	if (ch->ok)
		fmt_p(ch->p, v[4], 64);
	else
		snprintf(v[4], 64, FILL_NA);
	fmt_count(a->population > 0 ? a->population : NAN, v[5], 64);
	fmt_dec(a->rate, 1, v[6], 64);
}

static void members_table(struct dl_page *p, struct chart_box b, const struct jb_findings *f)
{
	int rows[JB_NBOROUGHS + 2];
	int n = group_rows(f, rows);
	const char **cells = xcalloc((size_t)(n + 1) * NC, sizeof *cells);
	char(*v)[NC][64] = xcalloc((size_t)n, sizeof *v);
	static const char *const head[NC] = {"Area", "Last 12 months", "12 months before",
					     "Change", "Exact test", "Residents", "Rate per 1,000"};
	for (int k = 0; k < NC; k++)
		cells[k] = head[k];
	int highlight = -1;
	for (int r = 0; r < n; r++) {
		row_cells(&f->area[rows[r]], v[r]);
		for (int k = 0; k < NC; k++)
			cells[(size_t)(r + 1) * NC + (size_t)k] = v[r][k];
		if (rows[r] == JB_GROUP)
			highlight = r;
	}
	static const double widths[NC] = {0.22, 0.15, 0.13, 0.11, 0.12, 0.14, 0.13};
	static const enum chart_align align[NC] = {ALIGN_LEFT,	ALIGN_RIGHT, ALIGN_RIGHT,
						   ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT,
						   ALIGN_RIGHT};
	struct table t = {(size_t)n + 1, NC, cells, widths, align, highlight, TABLE_PT};
	chart_table(p, b, &t);
	free(v);
	free(cells);
}

static void rate_bars(struct dl_page *p, struct chart_box b, const struct jb_findings *f)
{
	int rows[JB_NBOROUGHS + 2];
	int n = group_rows(f, rows) - 1; /* London is the line, not a bar */
	const char *labels[JB_NBOROUGHS + 1];
	double values[JB_NBOROUGHS + 1];
	char text[JB_NBOROUGHS + 1][32];
	const char *texts[JB_NBOROUGHS + 1];
	int hl = -1;
	for (int r = 0; r < n; r++) {
		const struct jb_area_findings *a = &f->area[rows[r]];
		labels[r] = a->name;
		values[r] = a->rate;
		fmt_dec(a->rate, 1, text[r], sizeof text[r]);
		texts[r] = text[r];
		if (rows[r] == JB_GROUP)
			hl = r;
	}
	char *ref = slide_london_rate_label(f);
	struct bar_chart bc = {
		.n = (size_t)n,
		.labels = labels,
		.values = values,
		.value_text = texts,
		.highlight = hl,
		.ref = f->area[JB_LONDON].rate,
		.ref_label = ref,
		.x_title = "Offences per 1,000 residents, last 12 months",
	};
	chart_hbar(p, b, &bc);
	free(ref);
}

void layout_group_members(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	double th = 1.9 * TABLE_PT * (double)(f->group.n + 3) + 4;
	double bars = fmin(b.h - th - GAP, 40.0 * (f->group.n + 1) + 40);
	rate_bars(p, (struct chart_box){b.x, b.y, b.w * 0.7, bars}, f);
	members_table(p, (struct chart_box){b.x, b.y + bars + GAP, b.w, th}, f);
	slide_bullets(p, c, (struct chart_box){b.x + b.w * 0.7 + GAP, b.y, b.w * 0.3 - GAP, bars},
		      10);
}

static const struct csv_col group_members_cols[] = {
	DATATABLE_AREA_COLS,
	{"role", "text", "member, group (the members summed) or london"},
	{"count_last12", "offences", "the theme's offences in the last 12 months"},
	{"count_prev12", "offences", "in the 12 months before"},
	{"change_pct", "percent", "last 12 months on the 12 before"},
	{"change_p_value", "probability", "exact two-sided binomial test of the change"},
	{"residents", "people", "ONS mid-year residents (the members' summed for the group)"},
	{"rate_per_1000", "offences per 1,000 residents", "last 12 months, from the sums"},
};
const struct csv_table group_members_table = CSV_TABLE(
	"<slug>/data/group-members.csv", "one member borough, the group or London", group_members_cols);

void table_group_members(FILE *out, const struct jb_findings *f, int area)
{
	csv_header(out, &group_members_table);
	if (area != JB_GROUP || !f->has_group)
		return;
	int rows[JB_NBOROUGHS + 2];
	int n = group_rows(f, rows);
	for (int r = 0; r < n; r++) {
		const struct jb_area_findings *a = &f->area[rows[r]];
		const struct jb_change *ch = &a->change;
		datatable_area(out, f, rows[r]);
		csv_text(out, rows[r] == JB_GROUP ? "group" : rows[r] == JB_LONDON ? "london" : "member",
			 0);
		csv_int(out, ch->ok ? ch->a : NAN, 0);
		csv_int(out, ch->ok ? ch->b : NAN, 0);
		csv_fig(out, ch->ok ? ch->pct : NAN, 0);
		csv_fig(out, ch->ok ? ch->p : NAN, 0);
		csv_int(out, a->population > 0 ? a->population : NAN, 0);
		csv_fig(out, a->rate, 1);
	}
}
