/* render/slides/fill.c - see fill.h. */
#include "fill.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/hotspots.h"
#include "../../util/xalloc.h"
#include "kinds.h"

static const char *const month_short[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const month_long[12] = {"January", "February", "March",     "April",
					   "May",     "June",     "July",      "August",
					   "September", "October", "November", "December"};

void fmt_month(int m, int longform, char *buf, size_t n)
{
	if (m <= 0) {
		snprintf(buf, n, FILL_NA);
		return;
	}
	int mon = m % 12; /* m > 0, so 0..11 */
	snprintf(buf, n, "%s %d", (longform ? month_long : month_short)[mon], m / 12);
}

const char *label_plain(const struct jb_labels *l, const char *raw)
{
	for (size_t i = 0; l && raw && i < l->n; i++)
		if (strcmp(l->v[i].raw, raw) == 0)
			return l->v[i].plain;
	return raw;
}

void fmt_count(double v, char *buf, size_t n)
{
	fmt_dec(v, 0, buf, n);
}

void fmt_signed_pct(double v, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, FILL_NA);
		return;
	}
	char num[64];
	fmt_dec(v, 1, num, sizeof num);
	snprintf(buf, n, "%s%s%%", v > 0 && strcmp(num, "0.0") != 0 ? "+" : "", num);
}

const char *fmt_plural(double n, const char *one, const char *other)
{
	return n == 1 ? one : other;
}

void fmt_abs_pct(double v, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, FILL_NA);
		return;
	}
	char num[64];
	fmt_dec(fabs(v), 1, num, sizeof num);
	snprintf(buf, n, "%s%%", num);
}

void fmt_ordinal(int k, char *buf, size_t n)
{
	const char *suf = "th";
	if (k % 100 < 11 || k % 100 > 13) {
		if (k % 10 == 1)
			suf = "st";
		else if (k % 10 == 2)
			suf = "nd";
		else if (k % 10 == 3)
			suf = "rd";
	}
	snprintf(buf, n, "%d%s", k, suf);
}

void fmt_rank_natural(int high, int low, char *buf, size_t n)
{
	if (high <= 0 || low <= 0) {
		snprintf(buf, n, FILL_NA);
		return;
	}
	int from_top = high <= low;
	int k = from_top ? high : low;
	const char *end = from_top ? "highest" : "lowest";
	if (k == 1) {
		snprintf(buf, n, "%s", end);
		return;
	}
	char ord[16];
	fmt_ordinal(k, ord, sizeof ord);
	snprintf(buf, n, "%s %s", ord, end);
}

/* ---- the placeholders ---- */

/* The months of the borough series: none without one. */
static int period_end(const struct fill_ctx *c)
{
	return c->f->has_series ? c->f->period_end : 0;
}

static void f_theme(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)a;
	snprintf(b, n, "%s", c->f->theme->title);
}

static void f_theme_lower(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	snprintf(b, n, "%s", c->f->theme->title);
	for (char *s = b; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static void f_theme_note(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)a;
	snprintf(b, n, "%s", c->f->theme->note ? c->f->theme->note : "");
}

static void f_borough(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)c;
	snprintf(b, n, "%s", a->name);
}

static void f_marking(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)a;
	snprintf(b, n, "%s", c->marking ? c->marking : "");
}

static void f_period_end(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)a;
	fmt_month(period_end(c), 1, b, n);
}

void fmt_month_span(int first, int last, char *b, size_t n)
{
	char x[32], y[32];
	fmt_month(first, 1, x, sizeof x);
	fmt_month(last, 1, y, sizeof y);
	if (first == last)
		snprintf(b, n, "%s", x);
	else
		snprintf(b, n, "%s to %s", x, y);
}

static void span(int first, int last, char *b, size_t n)
{
	if (first <= 0 || last <= 0) {
		snprintf(b, n, FILL_NA);
		return;
	}
	fmt_month_span(first, last, b, n);
}

void fmt_window(int first, int last, int age, char *b, size_t n)
{
	char s[80];
	fmt_month_span(first, last, s, sizeof s);
	snprintf(b, n, "%s%s", s, age == JB_WINDOW_OLDER ? ", older than the rest of the pack" : "");
}

static void f_period(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)a;
	span(period_end(c) - 11, period_end(c), b, n);
}

static void f_prev_period(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	span(period_end(c) - 23, period_end(c) - 12, b, n);
}

static void f_trend_window(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			   size_t n)
{
	(void)a;
	span(c->f->window_first, period_end(c), b, n);
}

static void f_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)c;
	fmt_count(a->change.ok ? a->change.a : NAN, b, n);
}

static void f_prev_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)c;
	fmt_count(a->change.ok ? a->change.b : NAN, b, n);
}

static void f_change_pct(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)c;
	fmt_signed_pct(a->change.ok ? a->change.pct : NAN, b, n);
}

/* The size of the change, formatted as the signed one ({change_pct}). */
static void pct_abs(const struct jb_area_findings *a, char *b, size_t n)
{
	fmt_abs_pct(a->change.ok ? a->change.pct : NAN, b, n);
}

static void f_pct_abs(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)c;
	pct_abs(a, b, n);
}

/* "rose" or "fell"; no value when the change is not defined or its
 * size rounds to 0.0% (nothing to say "rose" of: {pct_abs} would read
 * "rose 0.0%"). */
static void direction(const struct jb_area_findings *a, char *b, size_t n)
{
	char size[80];
	pct_abs(a, size, sizeof size);
	if (strcmp(size, FILL_NA) == 0 || strcmp(size, "0.0%") == 0)
		snprintf(b, n, FILL_NA);
	else
		snprintf(b, n, "%s", a->change.a < a->change.b ? "fell" : "rose");
}

static void f_direction(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)c;
	direction(a, b, n);
}

/* A p value, or no value (fmt_p's "p not available" is for tables). */
static void p_value(double p, char *b, size_t n)
{
	if (isfinite(p))
		fmt_p(p, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_p(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)c;
	p_value(a->change.ok ? a->change.p : NAN, b, n);
}

static void f_significance(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			   size_t n)
{
	(void)c;
	char p[32];
	fmt_p(a->change.p, p, sizeof p);
	if (!a->change.ok || !isfinite(a->change.p))
		snprintf(b, n, FILL_NA);
	else if (a->change.significant)
		snprintf(b, n, "a statistically significant change (%s)", p);
	else
		snprintf(b, n, "not a statistically significant change (%s)", p);
}

static void f_wheeler_z(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)c;
	fmt_dec(a->change.ok ? a->change.wheeler_z : NAN, 1, b, n);
}

static void f_change_rank(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)c;
	char ord[16] = "";
	int fall = a->change.a < a->change.b;
	int rank = fall ? a->fall_rank : a->rise_rank;
	if (!a->change.ok || a->index == JB_LONDON || !isfinite(a->change.pct) || rank <= 0 ||
	    a->change.a == a->change.b) {
		snprintf(b, n, FILL_NA);
		return;
	}
	if (rank > 1)
		fmt_ordinal(rank, ord, sizeof ord);
	snprintf(b, n, "%s%slargest %s", ord, rank > 1 ? " " : "", fall ? "fall" : "rise");
}

static void f_rate(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)c;
	fmt_dec(a->rate, 1, b, n);
}

static void f_rate_rank(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)c;
	fmt_rank_natural(a->rate_rank, a->rate_rank_low, b, n);
}

/* Why no borough is ranked and London has no total, when that is because
 * boroughs are missing from the borough-level file. */
static void f_boroughs_missing(const struct fill_ctx *c, const struct jb_area_findings *a,
			       char *b, size_t n)
{
	(void)a;
	const struct jb_findings *f = c->f;
	if (!f->has_series || f->nboroughs_missing <= 0 || f->nboroughs_missing >= JB_NBOROUGHS)
		snprintf(b, n, FILL_NA);
	else
		snprintf(b, n, "none ranked: only %d of the 32 boroughs are in full in the "
			 "borough-level crime file", JB_NBOROUGHS - f->nboroughs_missing);
}

static void f_london_rate(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	fmt_dec(c->f->area[JB_LONDON].rate, 1, b, n);
}

static void f_london_direction(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			       size_t n)
{
	(void)a;
	direction(&c->f->area[JB_LONDON], b, n);
}

static void f_london_pct_abs(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			     size_t n)
{
	(void)a;
	pct_abs(&c->f->area[JB_LONDON], b, n);
}

static int trend_significant(const struct jb_trend *t)
{
	return t->ok && t->significant;
}

static void f_trend_pct(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)c;
	fmt_signed_pct(a->trend.ok ? a->trend.annual_pct : NAN, b, n);
}

static void f_trend_ci(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		       size_t n)
{
	(void)c;
	char lo[32], hi[32];
	fmt_signed_pct(a->trend.ok ? a->trend.annual_lo : NAN, lo, sizeof lo);
	fmt_signed_pct(a->trend.ok ? a->trend.annual_hi : NAN, hi, sizeof hi);
	snprintf(b, n, "%s to %s", lo, hi);
}

static void f_trend_summary(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)c;
	const struct jb_trend *t = &a->trend;
	if (!t->ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	char pct[80], lo[32], hi[32];
	fmt_abs_pct(t->annual_pct, pct, sizeof pct);
	fmt_signed_pct(t->annual_lo, lo, sizeof lo);
	fmt_signed_pct(t->annual_hi, hi, sizeof hi);
	if (trend_significant(t)) {
		snprintf(b, n, "%s by %s a year (95%% CI %s to %s)",
			 t->annual_pct < 0 ? "falling" : "rising", pct, lo, hi);
	} else {
		char est[32];
		fmt_signed_pct(t->annual_pct, est, sizeof est);
		snprintf(b, n, "no significant trend (%s a year, 95%% CI %s to %s)", est, lo, hi);
	}
}

/* "falling by 7.5% a year": a significant trend only, for a title. */
static void f_trend_short(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)c;
	const struct jb_trend *t = &a->trend;
	char pct[80];
	fmt_abs_pct(t->annual_pct, pct, sizeof pct);
	if (!trend_significant(t))
		snprintf(b, n, FILL_NA);
	else
		snprintf(b, n, "%s by %s a year", t->annual_pct < 0 ? "falling" : "rising", pct);
}

static void f_trend_why(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)c;
	snprintf(b, n, "%s", a->trend.ok ? FILL_NA : a->trend.why);
}

static void f_exceptions(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)c;
	fmt_count(a->trend.ok ? (double)a->trend.nexceptions : NAN, b, n);
}

static void f_mk_p(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
{
	(void)c;
	p_value(a->trend.mk_ok ? a->trend.mk.p : NAN, b, n);
}

static void f_population(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)c;
	fmt_count(a->population > 0 ? a->population : NAN, b, n);
}

static void f_pop_10_17(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)c;
	fmt_count(a->pop_10_17 > 0 ? a->pop_10_17 : NAN, b, n);
}

static void f_pop_year(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		       size_t n)
{
	(void)a;
	if (c->f->pop_year > 0)
		snprintf(b, n, "mid-%d", c->f->pop_year);
	else
		snprintf(b, n, FILL_NA);
}

static void f_lsoa_period(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	if (c->f->has_lsoa)
		fmt_window(c->f->lsoa_period_end - 11, c->f->lsoa_period_end, c->f->lsoa_age, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_lsoa_total(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	fmt_count(c->f->has_lsoa ? a->lsoa_total12 : NAN, b, n);
}

static void f_lsoa_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)c;
	snprintf(b, n, "%zu", a->nlsoa);
}

static void f_lsoa_top(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		       size_t n)
{
	int top = a->top_lsoa[0];
	const char *name = c->f->has_lsoa && top >= 0 ? c->f->ds->lsoa[top].name : NULL;
	snprintf(b, n, "%s", name ? name : FILL_NA);
}

static void f_lsoa_top_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			     size_t n)
{
	int top = a->top_lsoa[0];
	fmt_count(c->f->has_lsoa && top >= 0 ? c->f->lsoa[top].count12 : NAN, b, n);
}

/* The boroughs v[0..k) by name, "Camden, Islington and Hackney";
 * FILL_NA for none. */
static void borough_list(const int *v, int k, char *b, size_t n)
{
	size_t o = 0;
	b[0] = '\0';
	for (int i = 0; i < k && o < n; i++)
		o += (size_t)snprintf(b + o, n - o, "%s%s", i == 0 ? "" : i == k - 1 ? " and " : ", ",
				      jb_boroughs[v[i]].name);
	if (!k)
		snprintf(b, n, FILL_NA);
}

static void f_similar_measures(const struct fill_ctx *c, const struct jb_area_findings *a,
			       char *b, size_t n)
{
	(void)a;
	snprintf(b, n, "%s", *c->f->similar_measures ? c->f->similar_measures : FILL_NA);
}

static void f_similar(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)c;
	borough_list(a->similar, a->nsimilar, b, n);
}

/* The comparators of one origin (chosen by the analyst, or among the most
 * similar), as "Camden, Islington and Lambeth"; FILL_NA when none. */
static int comparators_of(const struct jb_area_findings *a, int chosen)
{
	int total = 0;
	for (int i = 0; i < a->ncomparators; i++)
		total += a->comparator_chosen[i] == chosen;
	return total;
}

static void comparators_named(const struct jb_area_findings *a, int chosen, char *b, size_t n)
{
	int v[JB_MAX_COMPARATORS], k = 0;
	for (int i = 0; i < a->ncomparators; i++)
		if (a->comparator_chosen[i] == chosen)
			v[k++] = a->comparators[i];
	borough_list(v, k, b, n);
}

static void f_compare_chosen(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			     size_t n)
{
	(void)c;
	comparators_named(a, 1, b, n);
}

static void f_compare_similar(const struct fill_ctx *c, const struct jb_area_findings *a,
			      char *b, size_t n)
{
	(void)c;
	/* only when the analyst chose some: otherwise {similar} says it */
	if (!comparators_of(a, 1))
		snprintf(b, n, FILL_NA);
	else
		comparators_named(a, 0, b, n);
}

static void f_compare_replaced(const struct fill_ctx *c, const struct jb_area_findings *a,
			       char *b, size_t n)
{
	/* the most similar, when the analyst's choice took their place */
	if (comparators_of(a, 1) && !comparators_of(a, 0))
		f_similar(c, a, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_top5_share(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)c;
	if (isfinite(a->key.top5_share))
		snprintf(b, n, "%.0f%%", a->key.top5_share);
	else
		snprintf(b, n, FILL_NA);
}

static void f_group_members(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	const struct jb_group *g = &c->f->group;
	borough_list(g->members, a->index == JB_GROUP ? g->n : 0, b, n);
}

static void f_share_of_london(const struct fill_ctx *c, const struct jb_area_findings *a,
			      char *b, size_t n)
{
	(void)c;
	if (isfinite(a->share_of_london))
		snprintf(b, n, "%.1f%%", a->share_of_london);
	else
		snprintf(b, n, FILL_NA);
}

/* The borough ranked first by rate (the overview's map title). */
static int highest_rate(const struct jb_findings *f)
{
	return f->nrate_ranked ? f->rate_order[0] : -1;
}

static void f_highest_rate_borough(const struct fill_ctx *c, const struct jb_area_findings *a,
				   char *b, size_t n)
{
	(void)a;
	int h = highest_rate(c->f);
	snprintf(b, n, "%s", h >= 0 ? c->f->area[h].name : FILL_NA);
}

static void f_highest_rate(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			   size_t n)
{
	(void)a;
	int h = highest_rate(c->f);
	fmt_dec(h >= 0 ? c->f->area[h].rate : NAN, 1, b, n);
}

static void dash(const struct fill_ctx *c, const struct jb_area_findings *a, size_t k, int what,
		 char *b, size_t n)
{
	const struct jb_theme *t = c->f->theme;
	if (k >= t->ndash) {
		snprintf(b, n, FILL_NA);
		return;
	}
	double last = a->dash_last12[k], prev = a->dash_prev12[k];
	switch (what) {
	case 0:
		snprintf(b, n, "%s", label_plain(c->labels, t->dash_subtypes[k]));
		break;
	case 1:
		fmt_count(last, b, n);
		break;
	case 2:
		fmt_count(prev, b, n);
		break;
	case 3:
		fmt_signed_pct(a->dash_pct[k], b, n);
		break;
	default: /* why a figure has no value: the finding's reason */
		snprintf(b, n, "%s", c->f->dash[k].status != JB_DASH_OK && c->f->dash[k].why[0]
					     ? c->f->dash[k].why
					     : FILL_NA);
		break;
	}
}

#define DASH_FN(k, what, name)                                                             \
	static void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, \
			 size_t n)                                                          \
	{                                                                                   \
		dash(c, a, k, what, b, n);                                                  \
	}
DASH_FN(0, 0, f_dash1)
DASH_FN(0, 1, f_dash1_count)
DASH_FN(0, 2, f_dash1_prev)
DASH_FN(0, 3, f_dash1_change)
DASH_FN(0, 4, f_dash1_why)
DASH_FN(1, 0, f_dash2)
DASH_FN(1, 1, f_dash2_count)
DASH_FN(1, 2, f_dash2_prev)
DASH_FN(1, 3, f_dash2_change)
DASH_FN(1, 4, f_dash2_why)


/* The placeholders every slide's words may use; each kind brings its own
 * besides (render/slides/kinds.c). */
static const struct fill_key every_slide[] = {
	{"theme", f_theme, "the theme's title, \"Serious youth violence\""},
	{"theme_lower", f_theme_lower, "the theme's title in lower case, for mid-sentence"},
	{"theme_note", f_theme_note, "the theme's note on what it counts"},
	{"borough", f_borough, "the borough's name"},
	{"marking", f_marking, "the protective marking"},
	{"period_end", f_period_end, "the last month analysed, \"February 2026\""},
	{"period", f_period, "the last 12 months, \"Mar 2025 – Feb 2026\""},
	{"prev_period", f_prev_period, "the 12 months before those"},
	{"trend_window", f_trend_window, "the months the trend is fitted over"},
	{"count", f_count, "offences in the last 12 months"},
	{"prev_count", f_prev_count, "offences in the previous 12 months"},
	{"change_pct", f_change_pct, "signed % change, \"−12.3%\""},
	{"pct_abs", f_pct_abs, "size of the % change, as {change_pct} without its sign, \"12.3%\""},
	{"direction", f_direction, "\"fell\" or \"rose\" (no value when the change rounds to 0.0%)"},
	{"p", f_p, "exact binomial p of the change, \"p < 0.001\""},
	{"significance", f_significance, "whether the change is statistically significant, with p"},
	{"wheeler_z", f_wheeler_z, "Wheeler's Z of the change"},
	{"change_rank", f_change_rank, "\"5th largest fall\" / \"largest rise\" among the 32"},
	{"rate", f_rate, "offences per 1,000 residents, last 12 months"},
	{"boroughs_missing", f_boroughs_missing, "why nothing is ranked, when boroughs are missing from the borough-level file (else no value)"},
	{"rate_rank", f_rate_rank, "rank of the rate among the 32 from the nearer end, \"5th highest\", \"2nd lowest\""},
	{"london_rate", f_london_rate, "London's rate per 1,000 residents"},
	{"london_direction", f_london_direction, "London's direction of change"},
	{"london_pct_abs", f_london_pct_abs, "size of London's % change"},
	{"trend_pct", f_trend_pct, "the fitted trend, % a year"},
	{"trend_ci", f_trend_ci, "its 95% confidence interval"},
	{"trend_summary", f_trend_summary, "\"falling by 4.1% a year (95% CI ...)\""},
	{"trend_short", f_trend_short, "\"falling by 4.1% a year\", only for a significant trend"},
	{"trend_why", f_trend_why, "why no trend was fitted (only when none was)"},
	{"exceptions", f_exceptions, "months outside the trend's expected range"},
	{"mk_p", f_mk_p, "Mann-Kendall p of the trend window"},
	{"population", f_population, "residents (all ages)"},
	{"pop_10_17", f_pop_10_17, "residents aged 10-17"},
	{"pop_year", f_pop_year, "the population estimates' year, \"mid-2020\""},
	{"lsoa_period", f_lsoa_period, "the 12 months of the LSOA map"},
	{"lsoa_total", f_lsoa_total, "offences with a location, LSOA file, 12 months"},
	{"lsoa_count", f_lsoa_count, "LSOAs in the borough"},
	{"lsoa_top", f_lsoa_top, "the LSOA with the most offences"},
	{"lsoa_top_count", f_lsoa_top_count, "its count"},
	{"top5_share", f_top5_share, "share of the LSOA offences in the top 5 LSOAs, \"18%\""},
	{"group_members", f_group_members, "a group's boroughs, \"Hackney and Tower Hamlets\" (no value in a borough's deck)"},
	{"share_of_london", f_share_of_london, "the borough's share of London's offences, \"4.1%\""},
	{"highest_rate_borough", f_highest_rate_borough, "the borough with the highest rate"},
	{"highest_rate", f_highest_rate, "its rate per 1,000 residents"},
	{"similar", f_similar, "the five most similar boroughs, nearest first"},
	{"similar_measures", f_similar_measures,
	 "the measures they are the most similar on: 'deprivation, density, share aged 10-24'"},
	{"compare_chosen", f_compare_chosen,
	 "the boroughs the analyst chose to compare with (template compare, --compare); "
	 "no value when none"},
	{"compare_similar", f_compare_similar,
	 "the most similar boroughs compared with beside the analyst's choice; no value "
	 "when the analyst chose none, or chose them instead"},
	{"compare_replaced", f_compare_replaced,
	 "the five most similar boroughs when the analyst's choice replaced them "
	 "(compare_instead, --compare-instead); else no value"},
	{"dash1", f_dash1, "the theme's first MPS dashboard measure, by its plain name (labels)"},
	{"dash1_count", f_dash1_count, "its offences in the last 12 months"},
	{"dash1_prev", f_dash1_prev, "its offences in the previous 12 months"},
	{"dash1_change", f_dash1_change, "its signed % change"},
	{"dash1_why", f_dash1_why, "why its counts are not available (only when they are not)"},
	{"dash2", f_dash2, "the second dashboard measure, by its plain name (labels)"},
	{"dash2_count", f_dash2_count, "its offences in the last 12 months"},
	{"dash2_prev", f_dash2_prev, "its offences in the previous 12 months"},
	{"dash2_change", f_dash2_change, "its signed % change"},
	{"dash2_why", f_dash2_why, "why its counts are not available (only when they are not)"},
};
static const struct fill_group every_slide_keys = FILL_GROUP(every_slide);

/* The groups of placeholders in turn: every slide's, then each kind's in
 * the kinds' order, a group several kinds share once. *at is where the
 * walk is (0 to start); NULL past the last. */
static const struct fill_group *next_group(size_t *at)
{
	if ((*at)++ == 0)
		return &every_slide_keys;
	for (; *at <= slide_nkinds; (*at)++) {
		size_t k = *at - 1;
		const struct fill_group *g = slide_kinds[k].placeholders;
		int first = g != NULL;
		for (size_t j = 0; first && j < k; j++)
			first = slide_kinds[j].placeholders != g;
		if (first) {
			(*at)++;
			return g;
		}
	}
	return NULL;
}

/* The first placeholder named name (len bytes), in the groups' order;
 * *in (when not NULL) gets its group. */
static const struct fill_key *find_key_in(const char *name, size_t len,
					  const struct fill_group **in)
{
	size_t at = 0;
	for (const struct fill_group *g; (g = next_group(&at));)
		for (size_t k = 0; k < g->n; k++)
			if (strlen(g->v[k].name) == len && memcmp(g->v[k].name, name, len) == 0) {
				if (in)
					*in = g;
				return &g->v[k];
			}
	return NULL;
}

static const struct fill_key *find_key(const char *name, size_t len)
{
	return find_key_in(name, len, NULL);
}

/* 1 when group g's placeholders have figures for a group of boroughs
 * (JB_GROUP): every slide's, and those of the kinds made for a group.
 * The others read topics made for one borough, which have none. */
static int group_has(const struct fill_group *g)
{
	if (g == &every_slide_keys)
		return 1;
	for (size_t k = 0; k < slide_nkinds; k++)
		if (slide_kinds[k].placeholders == g && (slide_kinds[k].flags & KIND_GROUP))
			return 1;
	return 0;
}

void fill_list(FILE *out)
{
	size_t at = 0;
	for (const struct fill_group *g; (g = next_group(&at));)
		for (size_t k = 0; k < g->n; k++)
			fprintf(out, "  {%s}%*s%s\n", g->v[k].name,
				(int)(18 - strlen(g->v[k].name)), "", g->v[k].what);
}

/* A placeholder's parts: "{name}" or "{name|one|other}". */
struct ph {
	const char *name, *one, *other; /* one/other NULL without the word choice */
	size_t len, one_len, other_len;
};

/* Splits the placeholder opening at p (after its '{') up to end (its '}').
 * 0 when well formed: a name, and either no '|' or exactly two. */
static int split(const char *p, const char *end, struct ph *ph)
{
	memset(ph, 0, sizeof *ph);
	const char *bar = memchr(p, '|', (size_t)(end - p));
	ph->name = p;
	ph->len = (size_t)((bar ? bar : end) - p);
	if (!bar)
		return 0;
	const char *bar2 = memchr(bar + 1, '|', (size_t)(end - bar - 1));
	if (!bar2 || memchr(bar2 + 1, '|', (size_t)(end - bar2 - 1)))
		return -1;
	ph->one = bar + 1;
	ph->one_len = (size_t)(bar2 - bar - 1);
	ph->other = bar2 + 1;
	ph->other_len = (size_t)(end - bar2 - 1);
	return 0;
}

int fill_check(const char *s, char *bad, size_t badlen, size_t *at)
{
	for (const char *p = s; *p; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			p++;
			continue;
		}
		if (*p != '{')
			continue;
		const char *end = strchr(p, '}');
		size_t len = end ? (size_t)(end - p - 1) : strlen(p + 1);
		/* "{borough" then "{count}": the first brace is the unclosed one */
		const char *next = strchr(p + 1, '{');
		int unclosed = !end || (next && next < end);
		struct ph ph;
		if (unclosed || split(p + 1, end, &ph) != 0 || !find_key(ph.name, ph.len)) {
			if (unclosed)
				len = next && (!end || next < end) ? (size_t)(next - p) : strlen(p);
			snprintf(bad, badlen, "%.*s", (int)(len < 40 ? len : 40), unclosed ? p : p + 1);
			*at = (size_t)(p - s);
			return unclosed ? FILL_UNCLOSED : FILL_UNKNOWN;
		}
		p = end;
	}
	return FILL_OK;
}

/* The number a value states ("1,234" -> 1234); NAN when it is not one. */
static double value_number(const char *v)
{
	char digits[64];
	size_t o = 0;
	for (const char *s = v; *s && o + 1 < sizeof digits; s++)
		if (*s != ',')
			digits[o++] = *s;
	digits[o] = '\0';
	char *end;
	double x = strtod(digits, &end);
	return end != digits && *end == '\0' ? x : NAN;
}

/* The value of one placeholder into val; 0 when it has none. */
static int value_of(const struct ph *ph, const struct fill_ctx *c, char *val, size_t n)
{
	const struct fill_group *g = NULL;
	const struct fill_key *k = find_key_in(ph->name, ph->len, &g);
	val[0] = '\0';
	if (!k || (c->area == JB_GROUP && !group_has(g)))
		return 0;
	k->fn(c, &c->f->area[c->area], val, n);
	if (!val[0] || strcmp(val, FILL_NA) == 0)
		return 0;
	if (ph->one) {
		double x = value_number(val);
		if (!isfinite(x))
			return 0; /* a word choice on a value that is not a number */
		char one[128], other[128];
		snprintf(one, sizeof one, "%.*s", (int)ph->one_len, ph->one);
		snprintf(other, sizeof other, "%.*s", (int)ph->other_len, ph->other);
		snprintf(val, n, "%s", fmt_plural(x, one, other));
	}
	return 1;
}

/* s filled; with strict, NULL as soon as a placeholder has no value. */
static char *fill_string(const char *s, const struct fill_ctx *c, int strict)
{
	size_t cap = strlen(s) + 64, n = 0;
	char *out = xmalloc(cap);
	for (const char *p = s; *p; p++) {
		char val[256];
		const char *add = val;
		size_t addlen;
		const char *end;
		struct ph ph;
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			val[0] = *p++;
			addlen = 1;
		} else if (*p == '{' && (end = strchr(p, '}')) && split(p + 1, end, &ph) == 0) {
			if (!value_of(&ph, c, val, sizeof val)) {
				if (strict) {
					free(out);
					return NULL;
				}
				snprintf(val, sizeof val, "%s", FILL_NA);
			}
			addlen = strlen(val);
			p = end;
		} else {
			add = p;
			addlen = 1;
		}
		out = xgrow(out, &cap, n + addlen + 1, 1);
		memcpy(out + n, add, addlen);
		n += addlen;
	}
	out[n] = '\0';
	return out;
}

char *fill(const char *s, const struct fill_ctx *c)
{
	return fill_string(s, c, 0);
}

char *fill_text(const struct jb_text *t, const struct fill_ctx *c)
{
	if (!t)
		return NULL;
	unsigned long holds = c->f->area[c->area].key.holds;
	for (size_t i = 0; i < t->n; i++) {
		if ((t->v[i].when & holds) != t->v[i].when)
			continue;
		char *s = fill_string(t->v[i].text, c, 1);
		if (s)
			return s;
	}
	return NULL;
}

void jb_text_free(struct jb_text *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	free(t);
}
