/* render/slides/fill.c - see fill.h. */
#include "fill.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/hotspots.h"
#include "../../util/xalloc.h"
#include "fill_drivers.h"
#include "fill_context.h"
#include "fill_public.h"

#define MINUS "\xe2\x88\x92" /* U+2212, the typographic minus */

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

void fmt_dec(double v, int places, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, FILL_NA);
		return;
	}
	char raw[64];
	snprintf(raw, sizeof raw, "%.*f", places, fabs(v));
	/* round-to-zero results lose their sign */
	int neg = v < 0 && strspn(raw, "0.") != strlen(raw);
	char *dot = strchr(raw, '.');
	size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	char out[96];
	size_t o = 0;
	if (neg) {
		memcpy(out, MINUS, 3);
		o = 3;
	}
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = raw[i];
	}
	if (dot)
		for (const char *s = dot; *s; s++)
			out[o++] = *s;
	out[o] = '\0';
	snprintf(buf, n, "%s", out);
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

void fmt_p(double p, char *buf, size_t n)
{
	if (!isfinite(p))
		snprintf(buf, n, "p not available");
	else if (p < 0.001)
		snprintf(buf, n, "p < 0.001");
	else if (p < 0.01 || (p >= 0.045 && p < 0.055))
		/* three places near the 0.05 line too: 0.049 is not "p = 0.05" */
		snprintf(buf, n, "p = %.3f", p);
	else
		snprintf(buf, n, "p = %.2f", p);
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

typedef void (*fill_fn)(const struct fill_ctx *c, const struct jb_area_findings *a, char *buf,
			size_t n);

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

static void f_similar(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)c;
	size_t o = 0;
	b[0] = '\0';
	for (int k = 0; k < a->nsimilar && o < n; k++)
		o += (size_t)snprintf(b + o, n - o, "%s%s",
				      k == 0 ? "" : k == a->nsimilar - 1 ? " and " : ", ",
				      jb_boroughs[a->similar[k]].name);
	if (!a->nsimilar)
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
		snprintf(b, n, "%s", t->dash_subtypes[k]);
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


/* ---- hot spots (analysis/hotspots.h) ---- */

/* The borough's hot spot tallies, or NULL for London and when absent. */
static const struct jb_hot_area *hot_area(const struct fill_ctx *c)
{
	const struct jb_hotspots *h = c->f->hot;
	return h && c->area >= 0 && c->area < JB_NBOROUGHS ? &h->area[c->area] : NULL;
}

static void hot_num(const struct fill_ctx *c, size_t v, int need_lsoa, char *b, size_t n)
{
	const struct jb_hotspots *h = c->f->hot;
	if (!hot_area(c) || (need_lsoa == 1 && !h->lsoa_ok) || (need_lsoa == 2 && !h->emg_ok))
		snprintf(b, n, FILL_NA);
	else
		fmt_count((double)v, b, n);
}

static const char *lsoa_label(const struct jb_findings *f, int l)
{
	const struct jb_lsoa *L = &f->ds->lsoa[l];
	return L->name ? L->name : L->code;
}

static void f_hot_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nhot : 0, 1, b, n);
}

static void f_hot_fdr_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nhot_fdr : 0, 1, b, n);
}

static void f_cold_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->ncold : 0, 1, b, n);
}

static void f_hot_units(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nunits : 0, 1, b, n);
}

static void f_gi_units(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		       size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (h && h->lsoa_ok)
		fmt_count((double)h->nunits, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_hot_top(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)a;
	const struct jb_hot_area *ha = hot_area(c);
	snprintf(b, n, "%s", ha && ha->ntop_hot ? lsoa_label(c->f, ha->top_hot[0]) : FILL_NA);
}

static void f_hot_summary(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_hot_area *ha = hot_area(c);
	char k[32], u[32];
	if (!ha || !h->lsoa_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	fmt_count((double)ha->nhot, k, sizeof k);
	fmt_count((double)ha->nunits, u, sizeof u);
	if (!ha->nhot)
		snprintf(b, n, "none of its %s neighbourhoods is a significant hot spot", u);
	else
		snprintf(b, n, "%s of %s neighbourhoods %s hot spot%s; the hottest is %s", k, u,
			 ha->nhot == 1 ? "is a" : "are", ha->nhot == 1 ? "" : "s",
			 lsoa_label(c->f, ha->top_hot[0]));
}

static void f_hot_why(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	snprintf(b, n, "%s", h && h->lsoa_ok ? FILL_NA : h ? h->lsoa_why : "hot spots were not computed");
}

static void f_emg_why(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	snprintf(b, n, "%s", h && h->emg_ok ? FILL_NA : h ? h->emg_why : "the history was not computed");
}

static void f_emg_steps(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (!h || !h->emg_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	char s[80];
	fmt_month_span(h->step_first, h->step_first + (int)h->nsteps * h->step_months - 1, s,
		       sizeof s);
	snprintf(b, n, "%zu %s, %s", h->nsteps, h->step_months == 3 ? "quarters" : "years", s);
}

static void f_persistent_count(const struct fill_ctx *c, const struct jb_area_findings *a,
			       char *b, size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->npersistent : 0, 2, b, n);
}

static void f_intensifying_count(const struct fill_ctx *c, const struct jb_area_findings *a,
				 char *b, size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nintensifying : 0, 2, b, n);
}

static void f_emg_summary(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_hot_area *ha = hot_area(c);
	if (!ha || !h->emg_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	const char *steps = h->step_months == 3 ? "quarters" : "years";
	size_t p = ha->npersistent, i = ha->nintensifying;
	char pc[32], ic[32];
	fmt_count((double)p, pc, sizeof pc);
	fmt_count((double)i, ic, sizeof ic);
	if (!p && !i)
		snprintf(b, n, "no neighbourhood has been a persistent or intensifying hot spot "
			 "over the last %zu %s", h->nsteps, steps);
	else if (p && i)
		snprintf(b, n, "%s persistent and %s intensifying hot spot%s over the last %zu %s",
			 pc, ic, i == 1 ? "" : "s", h->nsteps, steps);
	else
		snprintf(b, n, "%s %s hot spot%s over the last %zu %s", p ? pc : ic,
			 p ? "persistent" : "intensifying", (p ? p : i) == 1 ? "" : "s", h->nsteps,
			 steps);
}

static void f_street_period(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (h && h->has_street)
		fmt_window(h->street_first, h->street_last, h->street_age, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_street_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			   size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (!h || !h->has_street || !hot_area(c))
		snprintf(b, n, FILL_NA);
	else
		fmt_count((double)hot_area(c)->street_n, b, n);
}

static void f_kde_bandwidth(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)a;
	const struct jb_hot_area *ha = hot_area(c);
	if (ha && ha->kde_ok) {
		char v[32];
		fmt_count(ha->kde_h, v, sizeof v);
		snprintf(b, n, "%s m", v);
	} else {
		snprintf(b, n, FILL_NA);
	}
}

static void f_grid_m(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		     size_t n)
{
	(void)a;
	char v[32];
	fmt_count(c->f->hot ? c->f->hot->grid_m : c->f->theme->grid_m, v, sizeof v);
	snprintf(b, n, "%s m", v);
}

static void f_street_summary(const struct fill_ctx *c, const struct jb_area_findings *a,
			     char *b, size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_hot_area *ha = hot_area(c);
	char k[32];
	if (!h || !h->has_street || !ha) {
		snprintf(b, n, "no street-level crime records were supplied");
		return;
	}
	fmt_count((double)ha->street_n, k, sizeof k);
	if (!ha->street_n)
		snprintf(b, n, "the street-level records supplied hold none of these offences here");
	else if (ha->ntop_loc)
		snprintf(b, n, "%s offence%s in the street-level records; most in hot cells: %s",
			 k, ha->street_n == 1 ? "" : "s",
			 c->f->ds->street.locations[ha->top_loc[0]]);
	else
		snprintf(b, n, "%s offence%s in the street-level records", k,
			 ha->street_n == 1 ? "" : "s");
}

static const struct {
	const char *name;
	fill_fn fn;
	const char *what;
} keys[] = {
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
	{"share_of_london", f_share_of_london, "the borough's share of London's offences, \"4.1%\""},
	{"highest_rate_borough", f_highest_rate_borough, "the borough with the highest rate"},
	{"highest_rate", f_highest_rate, "its rate per 1,000 residents"},
	{"similar", f_similar, "the five most similar boroughs, nearest first"},
	{"dash1", f_dash1, "the theme's first MPS dashboard measure, by name"},
	{"dash1_count", f_dash1_count, "its offences in the last 12 months"},
	{"dash1_prev", f_dash1_prev, "its offences in the previous 12 months"},
	{"dash1_change", f_dash1_change, "its signed % change"},
	{"dash1_why", f_dash1_why, "why its counts are not available (only when they are not)"},
	{"dash2", f_dash2, "the second dashboard measure, by name"},
	{"dash2_count", f_dash2_count, "its offences in the last 12 months"},
	{"dash2_prev", f_dash2_prev, "its offences in the previous 12 months"},
	{"dash2_change", f_dash2_change, "its signed % change"},
	{"dash2_why", f_dash2_why, "why its counts are not available (only when they are not)"},
	/* hot spots (analysis/hotspots.h) */
	{"hot_summary", f_hot_summary, "\"6 of 149 neighbourhoods are hot spots; the hottest is ...\""},
	{"hot_why", f_hot_why, "why there are no hot spots (only when there are none)"},
	{"emg_why", f_emg_why, "why there is no hot spot history (only when there is none)"},
	{"hot_count", f_hot_count, "the borough's LSOAs that are Gi* hot spots (90% or more)"},
	{"hot_fdr_count", f_hot_fdr_count, "those significant at 95% or more after the FDR correction"},
	{"cold_count", f_cold_count, "the borough's LSOAs that are cold spots"},
	{"hot_units", f_hot_units, "the borough's LSOAs in the hot spot study region"},
	{"hot_top", f_hot_top, "the hottest LSOA (highest Gi* z)"},
	{"gi_units", f_gi_units, "LSOAs in the London-wide study region"},
	{"emg_steps", f_emg_steps, "the time steps of the hot spot history, \"8 quarters, ...\""},
	{"emg_summary", f_emg_summary, "\"3 persistent and 1 intensifying hot spot over the last 8 quarters\""},
	{"emg_persistent", f_persistent_count, "the borough's persistent hot spots"},
	{"emg_intensifying", f_intensifying_count, "the borough's intensifying hot spots"},
	{"street_period", f_street_period, "the months of street-level data counted"},
	{"street_count", f_street_count, "the theme's offences in the borough's street-level data"},
	{"street_summary", f_street_summary, "what the street-level data show, for a title"},
	{"kde_bandwidth", f_kde_bandwidth, "the kernel density bandwidth, \"250 m\""},
	{"grid_m", f_grid_m, "the street hot spot grid's cell size, \"250 m\""},
	/* profile, drivers and attrition (render/slides/fill_drivers.c) */
	{"imd_edition", fd_imd_edition, "the deprivation indices used, \"Indices of Deprivation 2025\""},
	{"imd_lsoas", fd_imd_lsoas, "the borough's LSOAs with an IMD score"},
	{"imd_d1_n", fd_imd_d1_n, "of them, in England's most deprived 10%"},
	{"imd_d1_pct", fd_imd_d1_pct, "their share, \"16.1%\""},
	{"imd_d1_2_n", fd_imd_d1_2_n, "LSOAs in England's most deprived 20%"},
	{"imd_d1_2_pct", fd_imd_d1_2_pct, "their share"},
	{"london_imd_d1_pct", fd_london_imd_d1_pct, "London's share in the most deprived 10%"},
	{"london_imd_d1_2_pct", fd_london_imd_d1_2_pct, "London's share in the most deprived 20%"},
	{"drv_why", fd_drv_why, "what the drivers model lacks (only when it was not fitted)"},
	{"drv_n", fd_drv_n, "London LSOAs in the drivers analysis"},
	{"drv_imd_rho", fd_drv_imd_rho, "Spearman's rho, LSOA rate against IMD score"},
	{"drv_imd_r", fd_drv_imd_r, "Pearson's r, the same"},
	{"drv_imd_link", fd_drv_imd_link, "\"rise with\", \"fall with\" or \"show no clear link with\""},
	{"drv_corr_p", fd_drv_corr_p, "the correlations' p, \"every p < 0.001\""},
	{"drv_phi", fd_drv_phi, "overdispersion of the domains model"},
	{"drv_top_domain", fd_drv_top_domain, "the domain with the largest adjusted rate ratio"},
	{"drv_borough_link", fd_drv_borough_link, "the borough's fitted rate change per 10 IMD points"},
	{"drv_borough_ci", fd_drv_borough_ci, "its 95% confidence interval"},
	{"drv_london_link", fd_drv_london_link, "the same for London"},
	{"drv_london_ci", fd_drv_london_ci, "its 95% confidence interval"},
	{"drv_above_cap", fd_drv_above_cap, "the borough's LSOAs above the scatter's scale"},
	{"street_period", fd_street_period, "the months of street outcomes used"},
	{"street_known", fd_street_known, "the borough's crimes with a known outcome stage"},
	{"funnel_suspect_pct", fd_funnel_suspect_pct, "share with a suspect identified"},
	{"london_funnel_suspect_pct", fd_london_funnel_suspect_pct, "London's share"},
	{"funnel_charged_pct", fd_funnel_charged_pct, "share charged or summonsed"},
	{"london_funnel_charged_pct", fd_london_funnel_charged_pct, "London's share"},
	{"chisq_summary", fd_chisq_summary, "the funnel against the rest of London, chi-square"},
	{"po_measure", fd_po_measure, "the dashboard measure of the positive outcome rate"},
	{"po_period", fd_po_period, "its last 12 months"},
	{"po_rate", fd_po_rate, "positive outcomes per 100 offences, last 12 months"},
	{"po_count", fd_po_count, "positive outcomes, last 12 months"},
	{"po_offences", fd_po_offences, "offences, last 12 months"},
	{"london_po_rate", fd_london_po_rate, "London's positive outcome rate"},
	{"po_rank", fd_po_rank, "rank of the rate among the 32 from the nearer end, \"2nd lowest\""},
	/* local context slides (render/slides/fill_context.c) */
	{"permex_title", fc_permex_title, "permanent exclusions: the DfE dictionary's title"},
	{"permex_units", fc_permex_units, "permanent exclusions: its units"},
	{"permex_value", fc_permex_value, "permanent exclusions: the borough's value, latest year"},
	{"permex_london", fc_permex_london, "permanent exclusions: London's value, latest year"},
	{"permex_england", fc_permex_england, "permanent exclusions: England's value, latest year"},
	{"permex_year", fc_permex_year, "permanent exclusions: the latest year, as LAIT labels it"},
	{"permex_rank", fc_permex_rank, "permanent exclusions: rank of 32 from the nearer end, \"3rd highest\""},
	{"permex_worse", fc_permex_worse, "permanent exclusions: \"higher is worse\" (DfE polarity)"},
	{"susp_title", fc_susp_title, "suspensions: the DfE dictionary's title"},
	{"susp_units", fc_susp_units, "suspensions: its units"},
	{"susp_value", fc_susp_value, "suspensions: the borough's value, latest year"},
	{"susp_london", fc_susp_london, "suspensions: London's value, latest year"},
	{"susp_england", fc_susp_england, "suspensions: England's value, latest year"},
	{"susp_year", fc_susp_year, "suspensions: the latest year, as LAIT labels it"},
	{"susp_rank", fc_susp_rank, "suspensions: rank of 32 from the nearer end, \"3rd highest\""},
	{"susp_worse", fc_susp_worse, "suspensions: \"higher is worse\" (DfE polarity)"},
	{"pa_title", fc_pa_title, "persistent absence: the DfE dictionary's title"},
	{"pa_units", fc_pa_units, "persistent absence: its units"},
	{"pa_value", fc_pa_value, "persistent absence: the borough's value, latest year"},
	{"pa_london", fc_pa_london, "persistent absence: London's value, latest year"},
	{"pa_england", fc_pa_england, "persistent absence: England's value, latest year"},
	{"pa_year", fc_pa_year, "persistent absence: the latest year, as LAIT labels it"},
	{"pa_rank", fc_pa_rank, "persistent absence: rank of 32 from the nearer end, \"3rd highest\""},
	{"pa_worse", fc_pa_worse, "persistent absence: \"higher is worse\" (DfE polarity)"},
	{"spa_title", fc_spa_title, "severe persistent absence: the DfE dictionary's title"},
	{"spa_units", fc_spa_units, "severe persistent absence: its units"},
	{"spa_value", fc_spa_value, "severe persistent absence: the borough's value, latest year"},
	{"spa_london", fc_spa_london, "severe persistent absence: London's value, latest year"},
	{"spa_england", fc_spa_england, "severe persistent absence: England's value, latest year"},
	{"spa_year", fc_spa_year, "severe persistent absence: the latest year, as LAIT labels it"},
	{"spa_rank", fc_spa_rank, "severe persistent absence: rank of 32 from the nearer end, \"3rd highest\""},
	{"spa_worse", fc_spa_worse, "severe persistent absence: \"higher is worse\" (DfE polarity)"},
	{"fte_title", fc_fte_title, "first-time entrants: the DfE dictionary's title"},
	{"fte_units", fc_fte_units, "first-time entrants: its units"},
	{"fte_value", fc_fte_value, "first-time entrants: the borough's value, latest year"},
	{"fte_london", fc_fte_london, "first-time entrants: London's value, latest year"},
	{"fte_england", fc_fte_england, "first-time entrants: England's value, latest year"},
	{"fte_year", fc_fte_year, "first-time entrants: the latest year, as LAIT labels it"},
	{"fte_rank", fc_fte_rank, "first-time entrants: rank of 32 from the nearer end, \"3rd highest\""},
	{"fte_worse", fc_fte_worse, "first-time entrants: \"higher is worse\" (DfE polarity)"},
	{"reoff_title", fc_reoff_title, "youth reoffending: the DfE dictionary's title"},
	{"reoff_units", fc_reoff_units, "youth reoffending: its units"},
	{"reoff_value", fc_reoff_value, "youth reoffending: the borough's value, latest year"},
	{"reoff_london", fc_reoff_london, "youth reoffending: London's value, latest year"},
	{"reoff_england", fc_reoff_england, "youth reoffending: England's value, latest year"},
	{"reoff_year", fc_reoff_year, "youth reoffending: the latest year, as LAIT labels it"},
	{"reoff_rank", fc_reoff_rank, "youth reoffending: rank of 32 from the nearer end, \"3rd highest\""},
	{"reoff_worse", fc_reoff_worse, "youth reoffending: \"higher is worse\" (DfE polarity)"},
	{"reoff1517_title", fc_reoff1517_title, "youth reoffending 15-17: the DfE dictionary's title"},
	{"reoff1517_units", fc_reoff1517_units, "youth reoffending 15-17: its units"},
	{"reoff1517_value", fc_reoff1517_value, "youth reoffending 15-17: the borough's value, latest year"},
	{"reoff1517_london", fc_reoff1517_london, "youth reoffending 15-17: London's value, latest year"},
	{"reoff1517_england", fc_reoff1517_england, "youth reoffending 15-17: England's value, latest year"},
	{"reoff1517_year", fc_reoff1517_year, "youth reoffending 15-17: the latest year, as LAIT labels it"},
	{"reoff1517_rank", fc_reoff1517_rank, "youth reoffending 15-17: rank of 32 from the nearer end, \"3rd highest\""},
	{"reoff1517_worse", fc_reoff1517_worse, "youth reoffending 15-17: \"higher is worse\" (DfE polarity)"},
	{"ypspend_value", fc_ypspend_value, "spend on services for young people per resident 10-17, latest year"},
	{"ypspend_london", fc_ypspend_london, "London's spend on services for young people per resident 10-17"},
	{"ypspend_year", fc_ypspend_year, "its latest year"},
	{"ypspend_rank", fc_ypspend_rank, "its rank of 32, \"3rd highest\""},
	{"yjspend_value", fc_yjspend_value, "youth justice spend per resident 10-17, latest year"},
	{"yjspend_london", fc_yjspend_london, "London's youth justice spend per resident 10-17"},
	{"yjspend_year", fc_yjspend_year, "its latest year"},
	{"yjspend_rank", fc_yjspend_rank, "its rank of 32, \"3rd highest\""},
	{"services_count", fc_services_count, "youth services listed in the borough"},
	{"services_sessions", fc_services_sessions, "their weekly sessions"},
	{"hot_count", fc_hot_count, "hot-spot LSOAs of the borough"},
	{"hot_near", fc_hot_near, "of them, within reach of a youth service"},
	{"hot_share", fc_hot_share, "that share, \"67%\""},
	{"reach_summary", fc_reach_summary, "\"4 of its 6 hot-spot neighbourhoods (67%) are within 1 km of one\""},
	{"service_reach", fc_service_reach, "the reach distance, \"1 km\""},
	{"actions_count", fc_actions_count, "actions in the log"},
	{"actions_overdue", fc_actions_overdue, "overdue: due by the period end, not complete"},
	{"actions_complete", fc_actions_complete, "actions complete"},
	{"actions_on_track", fc_actions_on_track, "actions on track"},
	{"actions_delayed", fc_actions_delayed, "actions delayed"},
	{"actions_not_started", fc_actions_not_started, "actions not started"},
	{"last_meeting", fc_last_meeting, "the last meeting's date, \"15 September 2025\""},
	{"meeting_period", fc_meeting_period, "the 12 months to the meeting's month"},
	{"meeting_count", fc_meeting_count, "offences in those 12 months"},
	{"meeting_rate", fc_meeting_rate, "their rate per 1,000 residents"},
	{"since_meeting_pct", fc_since_meeting_pct, "signed % change since then (latest 12 months)"},
	{"since_meeting_summary", fc_since_meeting_summary, "\"offences fell 3.1% since the last meeting\""},
	{"since_meeting_why", fc_since_meeting_why, "why offences since the meeting are not compared (only when not)"},
	{"london_since_meeting_pct", fc_london_since_meeting_pct, "London's change over the same months"},
	{"om_period", fc_om_period, "month of the offender-management figures"},
	/* public confidence and homicide (render/slides/fill_public.c) */
	FILL_PUBLIC_KEYS
};
enum { NKEYS = sizeof keys / sizeof keys[0] };

static int find_key(const char *name, size_t len)
{
	for (int i = 0; i < NKEYS; i++)
		if (strlen(keys[i].name) == len && memcmp(keys[i].name, name, len) == 0)
			return i;
	return -1;
}

void fill_list(FILE *out)
{
	for (int i = 0; i < NKEYS; i++)
		fprintf(out, "  {%s}%*s%s\n", keys[i].name, (int)(18 - strlen(keys[i].name)), "",
			keys[i].what);
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
		if (unclosed || split(p + 1, end, &ph) != 0 || find_key(ph.name, ph.len) < 0) {
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
	int k = find_key(ph->name, ph->len);
	val[0] = '\0';
	if (k < 0)
		return 0;
	keys[k].fn(c, &c->f->area[c->area], val, n);
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
