/* analysis/areas.c - the areas part of the findings: each borough's and
 * London's series, change, rate and ranks, most similar boroughs,
 * dashboard measures and LSOA counts; their text dump and check.
 *
 * Windows (DESIGN §5): the analysis ends at the latest complete month of the
 * borough-level series (or --period); "last 12 months" is compared with the
 * 12 before; the trend is fitted over theme.trend_months months. London is
 * the sum of the 32 boroughs (the City of London has its own force), both
 * for offences and for residents, so London's rate compares like with like.
 */
#include "areas.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "findings.h"
#include "similar.h"

/* A month whose London total is below this share of the median of the 12
 * months before it is taken as not yet complete (published files often end
 * with, or start with, a partial month). */
#define INCOMPLETE_SHARE 0.5

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Last month index (relative to the table) at or before limit that is
 * covered and not incomplete by the rule above; -1 when none. total[m] is
 * the London total per month. Writes a note when months are dropped. */
static int last_complete(const double *total, int nmonths, int first_month, int limit_rel,
			 char **note)
{
	int m = limit_rel < nmonths ? limit_rel : nmonths - 1;
	while (m >= 0 && isnan(total[m]))
		m--;
	while (m >= 12) {
		double prev[12];
		int k = 0;
		for (int j = m - 12; j < m; j++)
			if (!isnan(total[j]))
				prev[k++] = total[j];
		if (k < 6)
			break;
		qsort(prev, (size_t)k, sizeof prev[0], cmp_double);
		double median = k % 2 ? prev[k / 2] : (prev[k / 2 - 1] + prev[k / 2]) / 2;
		if (total[m] >= INCOMPLETE_SHARE * median)
			break;
		if (note && !*note) {
			int mon = first_month + m;
			*note = xasprintf("%04d-%02d left out as incomplete (London total %.0f "
					  "against a median of %.0f in the 12 months before)",
					  jb_month_year(mon), jb_month_mon(mon), total[m], median);
		}
		m--;
	}
	return m;
}

/* Sum of v[first..last] (relative indices); NAN if any is outside the table
 * or not covered. */
static double window_sum(const double *v, int nmonths, int first, int last)
{
	if (first < 0 || last >= nmonths)
		return NAN;
	double s = 0;
	for (int m = first; m <= last; m++)
		s += v[m];
	return s;
}


/* The group's value: its members' v[b * stride] summed (NAN when one is). */
static double group_sum(const struct jb_findings *f, const double *v, size_t stride)
{
	double s = 0;
	for (int k = 0; k < f->group.n; k++)
		s += v[(size_t)f->group.members[k] * stride];
	return s;
}

static void area_series(struct jb_area_findings *a, const double *full,
			const struct jb_crime_table *t, int end_rel, int first_rel)
{
	int nm = t->nmonths;
	a->has_series = 1;
	size_t n = (size_t)(end_rel - first_rel + 1);
	a->monthly.first_month = t->first_month + first_rel;
	a->monthly.n = n;
	a->monthly.v = xmalloc(n * sizeof *a->monthly.v);
	a->rolling.first_month = a->monthly.first_month;
	a->rolling.n = n;
	a->rolling.v = xmalloc(n * sizeof *a->rolling.v);
	for (size_t i = 0; i < n; i++) {
		int m = first_rel + (int)i;
		a->monthly.v[i] = full[m];
		double s = window_sum(full, nm, m - 11, m);
		a->rolling.v[i] = isnan(s) ? NAN : s / 12.0;
	}
	double last = window_sum(full, nm, end_rel - 11, end_rel);
	double prev = window_sum(full, nm, end_rel - 23, end_rel - 12);
	if (!isnan(last) && !isnan(prev))
		jb_change_compute(last, prev, &a->change);
	jb_poisson_trend(a->monthly.v, n, jb_month_mon(a->monthly.first_month), &a->trend);
}

static void population(const struct jb_dataset *ds, struct jb_findings *f)
{
	struct jb_area_findings *L = &f->area[JB_LONDON];
	int all = 1;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_population *p = &ds->pop[b];
		if (!p->has) {
			all = 0;
			continue;
		}
		f->area[b].population = p->all_ages;
		for (int age = 10; age <= 17; age++)
			f->area[b].pop_10_17 += p->age[age];
		L->population += f->area[b].population;
		L->pop_10_17 += f->area[b].pop_10_17;
	}
	if (!all)
		L->population = L->pop_10_17 = 0;
	if (f->has_group) { /* residents summed; unknown when a member's are */
		struct jb_area_findings *G = &f->area[JB_GROUP];
		for (int k = 0; k < f->group.n; k++) {
			int b = f->group.members[k];
			if (!ds->pop[b].has) {
				G->population = G->pop_10_17 = 0;
				break;
			}
			G->population += f->area[b].population;
			G->pop_10_17 += f->area[b].pop_10_17;
		}
	}
	f->pop_year = ds->pop_year;
}

/* Months of the 12 ending at `end` that lie in [first, last]. */
static int months_in(int end, int first, int last)
{
	int lo = end - 11 > first ? end - 11 : first, hi = end < last ? end : last;
	return hi >= lo ? hi - lo + 1 : 0;
}

/* How far the dashboard covers measure k's two windows, and why a figure
 * cannot be given when it does not. Within its first..last month a month
 * without a row is a month without offences (the dashboard leaves zero
 * rows out); outside them nothing is known, so a window reaching outside
 * is not summed at all. */
static void dash_window(const struct jb_dataset *ds, struct jb_findings *f, size_t k, int sub,
			int measure)
{
	struct jb_dash_window *w = &f->dash[k];
	if (!ds->has_dash) {
		w->status = JB_DASH_NOT_SUPPLIED;
		snprintf(w->why, sizeof w->why, "no MPS crime dashboard was supplied");
		return;
	}
	int first = 0, last = -1;
	for (size_t r = 0; sub >= 0 && measure >= 0 && r < ds->dash.nrows; r++) {
		const struct jb_dash_row *row = &ds->dash.rows[r];
		if (row->subtype != sub)
			continue;
		if (last < 0 || row->month < first)
			first = row->month;
		if (row->month > last)
			last = row->month;
	}
	if (last < 0) {
		w->status = JB_DASH_NO_MEASURE;
		snprintf(w->why, sizeof w->why, "the dashboard file has no %s offences",
			 f->theme->dash_subtypes[k]);
		return;
	}
	w->first = first;
	w->last = last;
	w->months_last = months_in(f->period_end, first, last);
	w->months_prev = months_in(f->period_end - 12, first, last);
	if (w->months_last < 12) {
		w->status = JB_DASH_SHORT_LAST;
		snprintf(w->why, sizeof w->why, "only %d of 12 months in the data", w->months_last);
	} else if (w->months_prev < 12) {
		w->status = JB_DASH_SHORT_PREV;
		snprintf(w->why, sizeof w->why, "not compared: only %d of the 12 months before "
			 "%s in the data", w->months_prev, w->months_prev == 1 ? "is" : "are");
	}
}

static void dashboard(const struct jb_dataset *ds, struct jb_findings *f)
{
	const struct jb_dashboard *d = &ds->dash;
	int measure = -1;
	for (size_t i = 0; i < d->nmeasures; i++)
		if (strcasecmp(d->measures[i], "Offences") == 0)
			measure = (int)i;
	for (size_t k = 0; k < f->theme->ndash && k < 8; k++) {
		int sub = -1;
		for (size_t i = 0; i < d->nsubtypes; i++)
			if (strcasecmp(d->subtypes[i], f->theme->dash_subtypes[k]) == 0)
				sub = (int)i;
		f->dash[k] = (struct jb_dash_window){0};
		dash_window(ds, f, k, sub, measure);
		const struct jb_dash_window *w = &f->dash[k];
		int has_last = w->status == JB_DASH_OK || w->status == JB_DASH_SHORT_PREV;
		int has_prev = w->status == JB_DASH_OK;
		for (int a = 0; a <= jb_last_area(f); a++) {
			f->area[a].dash_last12[k] = has_last ? 0 : NAN;
			f->area[a].dash_prev12[k] = has_prev ? 0 : NAN;
		}
		if (!has_last)
			continue;
		for (size_t r = 0; r < d->nrows; r++) {
			const struct jb_dash_row *row = &d->rows[r];
			if (row->subtype != sub || row->measure != measure)
				continue;
			int age = f->period_end - row->month;
			double *dst = age >= 0 && age < 12	 ? f->area[row->borough].dash_last12
				      : age >= 12 && age < 24 ? f->area[row->borough].dash_prev12
							      : NULL;
			double *lon = age >= 0 && age < 12	 ? f->area[JB_LONDON].dash_last12
				      : age >= 12 && age < 24 ? f->area[JB_LONDON].dash_prev12
							      : NULL;
			if (dst) {
				dst[k] += row->count;
				lon[k] += row->count;
				if (f->has_group && f->group.member[row->borough])
					(age < 12 ? f->area[JB_GROUP].dash_last12
						  : f->area[JB_GROUP].dash_prev12)[k] += row->count;
			}
		}
	}
	for (int a = 0; a <= jb_last_area(f); a++)
		for (size_t k = 0; k < 8; k++) {
			double last = f->area[a].dash_last12[k], prev = f->area[a].dash_prev12[k];
			f->area[a].dash_pct[k] = k < f->theme->ndash && prev > 0 && isfinite(last)
							 ? 100.0 * (last - prev) / prev
							 : NAN;
		}
}

struct lsoa_sort {
	int idx;
	double count;
	const char *code;
};

static int cmp_lsoa_desc(const void *a, const void *b)
{
	const struct lsoa_sort *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->code, y->code);
}

/* Class edges from quantiles of the borough's LSOA counts: edge 0 the
 * minimum, inner edges ceil(Q(k/5)) (R type 7 quantile), last edge max + 1
 * (exclusive). Ties collapse classes. */
static void map_classes(struct jb_area_findings *a, const struct lsoa_sort *v, size_t n)
{
	double *c = xmalloc((n ? n : 1) * sizeof *c);
	for (size_t i = 0; i < n; i++)
		c[i] = v[i].count;
	qsort(c, n, sizeof *c, cmp_double);
	double e[JB_MAP_CLASSES + 1];
	int ne = 0;
	e[ne++] = n ? c[0] : 0;
	for (int k = 1; k < JB_MAP_CLASSES; k++) {
		double h = (double)(n - 1) * k / JB_MAP_CLASSES;
		size_t lo = (size_t)floor(h);
		double q = n ? c[lo] + (h - (double)lo) * (c[lo + 1 < n ? lo + 1 : lo] - c[lo]) : 0;
		double edge = ceil(q);
		if (edge > e[ne - 1])
			e[ne++] = edge;
	}
	double top = (n ? c[n - 1] : 0) + 1;
	if (top > e[ne - 1])
		e[ne++] = top;
	else
		e[ne - 1] = top;
	if (ne < 2)
		e[ne++] = top + 1;
	a->map_nclasses = ne - 1;
	memcpy(a->map_breaks, e, (size_t)ne * sizeof e[0]);
	free(c);
}

static int class_of(const struct jb_area_findings *a, double v)
{
	for (int c = a->map_nclasses - 1; c >= 0; c--)
		if (v >= a->map_breaks[c])
			return c;
	return 0;
}

/* An LSOA with no row at all in an LSOA-level file (every London LSOA
 * has some recorded crime over a file's months: the shipped release lists
 * all 4,988), or the last one of a file cut short, is not an LSOA with no
 * crime: the file was cut short or the release leaves its borough out
 * (coverage.h, jb_crime_whole). */
static void lsoa_coverage(const struct jb_dataset *ds, struct jb_findings *f)
{
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_LSOA];
	unsigned char *seen = xcalloc(ds->nlsoa ? ds->nlsoa : 1, 1);
	for (size_t l = 0; l < ds->nlsoa; l++)
		seen[l] = (unsigned char)jb_crime_whole(t, (int)l);
	jb_lsoa_cover(ds, seen, "LSOA-level crime", &f->lsoa_cover);
	free(seen);
	for (size_t l = 0; l < ds->nlsoa; l++)
		if (ds->lsoa[l].borough >= 0 && *f->lsoa_cover.missing[ds->lsoa[l].borough])
			f->lsoa[l].count12 = NAN;
}

static void lsoa_level(const struct jb_dataset *ds, struct jb_findings *f,
		       const unsigned char *matched)
{
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_LSOA];
	f->nlsoa = ds->nlsoa;
	f->lsoa = xcalloc(ds->nlsoa ? ds->nlsoa : 1, sizeof *f->lsoa);
	for (int a = 0; a < JB_NAREAS; a++)
		for (int k = 0; k < 5; k++)
			f->area[a].top_lsoa[k] = -1;
	if (!ds->has_crime[JB_LEVEL_LSOA] || t->nmonths <= 0 || !ds->nlsoa)
		return;
	double *v = jb_theme_counts(t, matched, ds->nlsoa);
	double *total = xcalloc((size_t)t->nmonths, sizeof *total);
	for (int m = 0; m < t->nmonths; m++) {
		if (!t->covered[m]) {
			total[m] = NAN;
			continue;
		}
		for (size_t l = 0; l < ds->nlsoa; l++)
			if (ds->lsoa[l].borough >= 0)
				total[m] += v[l * (size_t)t->nmonths + m];
	}
	int limit = jb_findings_period(f) ? jb_findings_period(f) - t->first_month
					  : t->nmonths - 1;
	int end = last_complete(total, t->nmonths, t->first_month, limit, NULL);
	free(total);
	if (end < 11) {
		free(v);
		return;
	}
	f->has_lsoa = 1;
	f->lsoa_period_end = t->first_month + end;
	f->lsoa_age = f->lsoa_period_end < jb_findings_period(f) ? JB_WINDOW_OLDER
								 : JB_WINDOW_CURRENT;
	for (size_t l = 0; l < ds->nlsoa; l++)
		f->lsoa[l].count12 = window_sum(v + l * (size_t)t->nmonths, t->nmonths, end - 11, end);
	free(v);
	lsoa_coverage(ds, f);

	struct lsoa_sort *s = xmalloc(ds->nlsoa * sizeof *s);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_area_findings *a = &f->area[b];
		size_t n = 0;
		for (size_t l = 0; l < ds->nlsoa; l++) {
			if (ds->lsoa[l].borough != b || isnan(f->lsoa[l].count12))
				continue;
			s[n++] = (struct lsoa_sort){(int)l, f->lsoa[l].count12, ds->lsoa[l].code};
			a->lsoa_total12 += f->lsoa[l].count12;
		}
		a->nlsoa = n;
		f->area[JB_LONDON].nlsoa += n;
		f->area[JB_LONDON].lsoa_total12 += a->lsoa_total12;
		qsort(s, n, sizeof *s, cmp_lsoa_desc);
		for (size_t k = 0; k < 5 && k < n; k++)
			a->top_lsoa[k] = s[k].idx;
		map_classes(a, s, n);
		for (size_t i = 0; i < n; i++)
			f->lsoa[s[i].idx].map_class = class_of(a, s[i].count);
	}
	free(s);
	for (int a = 0; a <= JB_NBOROUGHS; a++) /* part of an area's LSOAs is not its total */
		if (*f->lsoa_cover.missing[a])
			f->area[a].lsoa_total12 = NAN;
}

static void month_str(int m, char *buf, size_t cap)
{
	snprintf(buf, cap, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
}

/* --period against the month the analysis can use (end, relative to the
 * borough table; -1 when none at or before the month asked for): a month
 * before the data is refused; a later one, or one that is not complete,
 * gives way to the latest complete month before it, and the note says
 * so (it is shown on stderr, on the sources slide and in
 * data-quality.csv). */
static void settle_period(struct jb_findings *f, const struct jb_crime_table *t,
			  const double *total, int asked, int end)
{
	char a[16], u[16], first[16], last[16];
	int lo = 0, hi = t->nmonths - 1;
	while (lo < t->nmonths && isnan(total[lo]))
		lo++;
	while (hi >= 0 && isnan(total[hi]))
		hi--;
	month_str(asked, a, sizeof a);
	month_str(t->first_month + (lo < t->nmonths ? lo : 0), first, sizeof first);
	month_str(t->first_month + (hi >= 0 ? hi : 0), last, sizeof last);
	if (end < 0) {
		f->period_refused = xasprintf("--period %s is before the data: the borough-level "
					      "crime files cover %s to %s", a, first, last);
		return;
	}
	if (t->first_month + end == asked)
		return;
	month_str(t->first_month + end, u, sizeof u);
	f->period_moved = 1;
	/* why a month was left out as incomplete, from last_complete() */
	char *incomplete = f->period_note;
	char *said = asked > t->first_month + hi && end == hi
		? xasprintf("--period %s is after the data, which end in %s; %s is used instead",
			    a, last, u)
		: asked > t->first_month + hi
		? xasprintf("--period %s is after the data, which end in %s; %s, the latest "
			    "complete month, is used instead", a, last, u)
		: xasprintf("--period %s is not a complete month in the data; %s, the latest "
			    "complete month before it, is used instead", a, u);
	f->period_note = incomplete ? xasprintf("%s: %s", said, incomplete) : said;
	if (incomplete)
		free(said);
	free(incomplete);
}

/* The borough-level series of every area over the trend window, and the
 * month the analysis ends at (--period settled against the data). */
static void borough_series(const struct jb_dataset *ds, struct jb_findings *f,
			   const unsigned char *matched)
{
	const struct jb_theme *theme = f->theme;
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_BOROUGH];
	if (ds->has_crime[JB_LEVEL_BOROUGH] && t->nmonths > 0 && f->ncategories_matched) {
		int nm = t->nmonths;
		double *v = jb_theme_counts(t, matched, JB_NAREAS);
		double *L = v + (size_t)JB_LONDON * (size_t)nm;
		/* A borough some file has no row for, or only some (a file cut
		 * short, a release without it), has no counts there, not zero
		 * counts: its figures are not available, and nor are London's,
		 * which would be the sum of the others. The month the data end is still found from the
		 * boroughs that are there. */
		unsigned char present[JB_NBOROUGHS] = {0};
		int missing = 0;
		for (int b = 0; b < JB_NBOROUGHS; b++)
			present[b] = (unsigned char)jb_crime_whole(t, b);
		for (int b = 0; b < JB_NBOROUGHS; b++)
			if (!present[b]) {
				missing++;
				for (int m = 0; m < nm; m++)
					v[(size_t)b * (size_t)nm + (size_t)m] = NAN;
			}
		for (int m = 0; m < nm; m++) {
			L[m] = 0;
			for (int b = 0; b < JB_NBOROUGHS; b++)
				if (present[b])
					L[m] += v[(size_t)b * (size_t)nm + (size_t)m];
			if (f->has_group) /* a missing member's NAN makes the group's */
				v[(size_t)JB_GROUP * (size_t)nm + (size_t)m] =
					group_sum(f, v + m, (size_t)nm);
		}
		int asked = f->period_asked;
		int limit = asked ? asked - t->first_month : nm - 1;
		int end = limit >= 0 ? last_complete(L, nm, t->first_month, limit,
						     &f->period_note)
				     : -1;
		if (asked)
			settle_period(f, t, L, asked, end);
		if (end >= 0) {
			int months = theme->trend_months > 0 ? theme->trend_months : 36;
			int first = end - months + 1 > 0 ? end - months + 1 : 0;
			while (first < end && isnan(L[first]))
				first++;
			f->has_series = 1;
			f->period_end = t->first_month + end;
			f->window_first = t->first_month + first;
			if (missing)
				for (int m = 0; m < nm; m++)
					L[m] = NAN;
			f->nboroughs_missing = missing;
			if (missing)
				snprintf(f->ranks_missing, sizeof f->ranks_missing,
					 "recorded crime by borough for all 32 boroughs: the "
					 "borough-level file has %d of them in full",
					 JB_NBOROUGHS - missing);
			int members_missing = 0;
			for (int k = 0; f->has_group && k < f->group.n; k++)
				members_missing += !present[f->group.members[k]];
			for (int a = 0; a <= jb_last_area(f); a++) {
				struct jb_area_findings *af = &f->area[a];
				area_series(af, v + (size_t)a * (size_t)nm, t, end, first);
				/* say why, in words, where the counts are not there */
				char *why = af->trend.why;
				size_t wn = sizeof af->trend.why;
				if (a < JB_NBOROUGHS && !present[a])
					snprintf(why, wn, "%s is not in full in the borough-level "
						 "crime file", af->name);
				else if (a == JB_LONDON && missing)
					snprintf(why, wn, "only %d of the 32 boroughs are in full in "
						 "the borough-level crime file", JB_NBOROUGHS - missing);
				else if (a == JB_GROUP && members_missing)
					snprintf(why, wn, "%d of its boroughs %s not in full in the "
						 "borough-level crime file", members_missing,
						 members_missing == 1 ? "is" : "are");
			}
		}
		free(v);
	}
}

/* Rates per 1,000 residents, and the boroughs' ranks by rate and change. */
static void rates_and_ranks(struct jb_findings *f)
{
	double rate[JB_NBOROUGHS], pct[JB_NBOROUGHS];
	for (int a = 0; a <= jb_last_area(f); a++) {
		struct jb_area_findings *af = &f->area[a];
		if (af->change.ok && af->population > 0)
			af->rate = af->change.a / af->population * 1000.0;
		if (a < JB_NBOROUGHS) {
			rate[a] = af->rate;
			pct[a] = af->change.ok ? af->change.pct : NAN;
		}
	}
	int rate_rank[JB_NBOROUGHS], rate_low[JB_NBOROUGHS], fall_rank[JB_NBOROUGHS],
		rise_rank[JB_NBOROUGHS];
	jb_ranks_of_all(rate, JB_NBOROUGHS, 1, rate_rank);
	jb_ranks_of_all(rate, JB_NBOROUGHS, 0, rate_low);
	jb_ranks_of_all(pct, JB_NBOROUGHS, 0, fall_rank);
	jb_ranks_of_all(pct, JB_NBOROUGHS, 1, rise_rank);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		f->area[b].rate_rank = rate_rank[b];
		f->area[b].rate_rank_low = rate_low[b];
		f->area[b].fall_rank = fall_rank[b];
		f->area[b].rise_rank = rise_rank[b];
	}
}

/* Every area's name, and its figures not available until computed. The
 * group has no GSS code: its slug stands for one. */
static void areas_init(struct jb_findings *f)
{
	for (int a = 0; a < JB_NAREAS; a++) {
		struct jb_area_findings *af = &f->area[a];
		af->index = a;
		af->code = a == JB_GROUP ? f->group.slug : a == JB_LONDON ? "E12000007"
									  : jb_boroughs[a].code;
		af->name = a == JB_GROUP ? f->group.name : a == JB_LONDON ? "London"
									  : jb_boroughs[a].name;
		af->slug = a == JB_GROUP ? f->group.slug : a == JB_LONDON ? "london"
									  : jb_boroughs[a].slug;
		af->rate = NAN;
		for (int k = 0; k < 8; k++)
			af->dash_last12[k] = af->dash_prev12[k] = af->dash_pct[k] = NAN;
		af->change.pct = NAN;
		snprintf(af->trend.why, sizeof af->trend.why, "no borough-level crime data");
	}

	for (size_t k = 0; k < 8; k++) {
		f->dash[k].status = JB_DASH_NO_PERIOD;
		snprintf(f->dash[k].why, sizeof f->dash[k].why,
			 "no analysis period (no borough-level recorded crime)");
	}
}

/* Which boroughs the LSOA-keyed deprivation and Census files cover in
 * full (coverage.h): only a file that has some LSOA is judged, since one
 * not supplied at all says so by its absence. */
static void lsoa_inputs_coverage(const struct jb_dataset *ds, struct jb_findings *f)
{
	unsigned char *imd = xcalloc(ds->nlsoa ? ds->nlsoa : 1, 1);
	unsigned char *residents = xcalloc(ds->nlsoa ? ds->nlsoa : 1, 1);
	int any_imd = 0, any_residents = 0;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		any_imd |= imd[l] = L->imd.has && isfinite(L->imd.score);
		any_residents |= residents[l] = L->residents > 0;
	}
	if (any_imd)
		jb_lsoa_cover(ds, imd, "Indices of Deprivation scores", &f->imd_cover);
	if (any_residents)
		jb_lsoa_cover(ds, residents, "Census 2021 residents", &f->residents_cover);
	free(imd);
	free(residents);
}

/* The areas' series, change, rates and ranks, most similar boroughs,
 * dashboard measures and LSOA counts. */
static void areas_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	areas_init(f);
	unsigned char *matched = xcalloc(ds->ncategories ? ds->ncategories : 1, 1);
	for (size_t c = 0; c < ds->ncategories; c++)
		if ((matched[c] = (unsigned char)jb_theme_has_category(f->theme,
								       &ds->categories[c])))
			f->ncategories_matched++;
	lsoa_inputs_coverage(ds, f);
	population(ds, f);
	borough_series(ds, f, matched);
	rates_and_ranks(f);
	jb_similar_boroughs(ds, f);
	if (f->has_series)
		dashboard(ds, f);
	lsoa_level(ds, f, matched);
	free(matched);
}

static void areas_free(struct jb_findings *f)
{
	for (int a = 0; a < JB_NAREAS; a++) {
		free(f->area[a].monthly.v);
		free(f->area[a].rolling.v);
		jb_trend_free(&f->area[a].trend);
	}
	free(f->lsoa);
}

/* ---- dump and check ---- */

static void month(FILE *out, int m)
{
	if (m > 0)
		fprintf(out, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
	else
		fputs("-", out);
}

static void area(FILE *out, const struct jb_findings *f, const struct jb_area_findings *a)
{
	fprintf(out, "area %s %s\n", a->code, a->name);
	fprintf(out, "  population %.0f aged_10_17 %.0f\n", a->population, a->pop_10_17);
	const struct jb_change *c = &a->change;
	if (c->ok)
		fprintf(out, "  change last12 %.0f prev12 %.0f pct %.4f p %.6g wheeler_z %.4f%s\n",
			c->a, c->b, c->pct, c->p, c->wheeler_z, c->exceptional ? " exceptional" : "");
	else
		fputs("  change none\n", out);
	if (a->index < JB_NBOROUGHS) {
		fprintf(out, "  context imd_mean %.4f density %.2f share_10_24 %.5f similar",
			a->imd_mean, a->density, a->share_10_24);
		for (int k = 0; k < a->nsimilar; k++)
			fprintf(out, " %s", jb_boroughs[a->similar[k]].code);
		fputc('\n', out);
		/* only when the analyst chose some: else they are the similar;
		 * why:code, so that no word is taken for the line's area */
		if (f->theme->ncompare) {
			fputs("  comparators", out);
			for (int k = 0; k < a->ncomparators; k++)
				fprintf(out, " %s:%s", a->comparator_chosen[k] ? "chosen" : "similar",
					jb_boroughs[a->comparators[k]].code);
			fputc('\n', out);
		}
	}
	fprintf(out, "  share_of_london %.4f neighbours", a->share_of_london);
	for (int k = 0; k < a->nneighbours; k++)
		fprintf(out, " %s", jb_boroughs[a->neighbours[k]].code);
	fputc('\n', out);
	fprintf(out, "  rate %.4f rate_rank %d fall_rank %d rise_rank %d\n", a->rate, a->rate_rank,
		a->fall_rank, a->rise_rank);
	const struct jb_trend *t = &a->trend;
	if (t->ok)
		fprintf(out,
			"  trend months %zu seasonal %d b1 %.6g se %.6g annual %.4f ci %.4f %.4f "
			"phi %.4f p %.6g exceptions %zu\n",
			t->n, t->seasonal, t->b1, t->se_b1, t->annual_pct, t->annual_lo, t->annual_hi,
			t->phi, t->p, t->nexceptions);
	else
		fprintf(out, "  trend none (%s)\n", t->why);
	if (t->mk_ok)
		fprintf(out, "  mann_kendall s %.0f var %.4f z %.4f p %.6g\n", t->mk.s, t->mk.var_s,
			t->mk.z, t->mk.p);
	for (size_t k = 0; k < f->theme->ndash && k < 8; k++)
		fprintf(out, "  dashboard \"%s\" last12 %.0f prev12 %.0f\n",
			f->theme->dash_subtypes[k], a->dash_last12[k], a->dash_prev12[k]);
	if (f->has_lsoa) {
		fprintf(out, "  lsoa n %zu total12 %.0f classes %d breaks", a->nlsoa, a->lsoa_total12,
			a->map_nclasses);
		for (int k = 0; k <= a->map_nclasses && a->map_nclasses > 0; k++)
			fprintf(out, " %.0f", a->map_breaks[k]);
		fputc('\n', out);
		for (int k = 0; k < 5 && a->top_lsoa[k] >= 0; k++)
			fprintf(out, "  top_lsoa %s %.0f\n", f->ds->lsoa[a->top_lsoa[k]].code,
				f->lsoa[a->top_lsoa[k]].count12);
		if (*f->lsoa_cover.missing[a->index])
			fprintf(out, "  lsoa not given (no %s)\n", f->lsoa_cover.missing[a->index]);
	}
	jb_key_findings_dump(&a->key, out);
	for (size_t i = 0; i < a->monthly.n; i++) {
		fputs("  month ", out);
		month(out, a->monthly.first_month + (int)i);
		fprintf(out, " count %.0f rolling %.4f", a->monthly.v[i], a->rolling.v[i]);
		if (t->ok && i < t->n)
			fprintf(out, " fitted %.4f lower %.4f upper %.4f resid %.4f%s", t->fitted[i],
				t->lower[i], t->upper[i], t->resid[i],
				t->exception[i] ? " exception" : "");
		fputc('\n', out);
	}
}

static void areas_dump(const struct jb_findings *f, FILE *out)
{
	fprintf(out, "theme %s\n", f->theme->id);
	fprintf(out, "categories_matched %zu\n", f->ncategories_matched);
	fputs("period_end ", out);
	month(out, f->has_series ? f->period_end : 0);
	fputs("\nwindow_first ", out);
	month(out, f->has_series ? f->window_first : 0);
	fputs("\nlsoa_period_end ", out);
	month(out, f->has_lsoa ? f->lsoa_period_end : 0);
	fprintf(out, "\npop_year %d\n", f->pop_year);
	if (f->period_note)
		fprintf(out, "period_note %s\n", f->period_note);
	if (f->period_refused)
		fprintf(out, "period_refused %s\n", f->period_refused);
	for (size_t k = 0; k < f->theme->ndash && k < 8; k++) {
		const struct jb_dash_window *w = &f->dash[k];
		fprintf(out, "dashboard_window \"%s\" months_last %d months_prev %d", f->theme->dash_subtypes[k],
			w->months_last, w->months_prev);
		if (w->status != JB_DASH_OK)
			fprintf(out, " unavailable %d (%s)", (int)w->status, w->why);
		fputc('\n', out);
	}
	fprintf(out, "borough_map_breaks");
	for (int k = 0; k <= f->borough_map_nclasses && f->borough_map_nclasses; k++)
		fprintf(out, " %.1f", f->borough_map_breaks[k]);
	fputc('\n', out);
	for (int a = 0; a <= jb_last_area(f); a++)
		area(out, f, &f->area[a]);
}

static int areas_check(const struct jb_findings *f, FILE *err)
{
	struct jb_check c = {err, "areas", 0};
#define PROBLEM(...) jb_check_problem(&c, __VA_ARGS__)
	int seen[JB_NBOROUGHS + 1] = {0};
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_area_findings *a = &f->area[b];
		if (a->rate_rank < 0 || a->rate_rank > JB_NBOROUGHS)
			PROBLEM("%s: rate rank %d out of range", a->name, a->rate_rank);
		else
			seen[a->rate_rank]++;
		if (a->change.ok && (a->change.p < 0 || a->change.p > 1))
			PROBLEM("%s: p %g outside [0, 1]", a->name, a->change.p);
		if (a->has_series && a->monthly.n != a->rolling.n)
			PROBLEM("%s: series lengths differ", a->name);
		if (a->trend.ok && a->trend.n != a->monthly.n)
			PROBLEM("%s: trend fitted over %zu months, series has %zu", a->name,
				a->trend.n, a->monthly.n);
	}
	/* Competition ranks: rank r used k times means r+1..r+k-1 unused. */
	for (int r = 1; r <= JB_NBOROUGHS; r++)
		if (seen[r] > 1)
			for (int k = 1; k < seen[r] && r + k <= JB_NBOROUGHS; k++)
				if (seen[r + k])
					PROBLEM("rate ranks are not competition ranks at %d", r);
	if (f->has_group && f->area[JB_GROUP].has_series) {
		/* The group's series is the sum of its members'. */
		const struct jb_area_findings *G = &f->area[JB_GROUP];
		for (size_t i = 0; i < G->monthly.n; i++) {
			double s = 0;
			for (int k = 0; k < f->group.n; k++)
				s += f->area[f->group.members[k]].monthly.v[i];
			if (!(fabs(s - G->monthly.v[i]) <= 1e-6) && !(isnan(s) && isnan(G->monthly.v[i])))
				PROBLEM("%s month %zu is %g, its members sum to %g", G->name, i,
					G->monthly.v[i], s);
		}
	}
	if (f->has_series) {
		/* London's series is the sum of the boroughs'. */
		const struct jb_area_findings *L = &f->area[JB_LONDON];
		for (size_t i = 0; i < L->monthly.n; i++) {
			double s = 0;
			for (int b = 0; b < JB_NBOROUGHS; b++)
				s += f->area[b].monthly.v[i];
			if (fabs(s - L->monthly.v[i]) > 1e-6)
				PROBLEM("London month %zu is %g, the boroughs sum to %g", i,
					L->monthly.v[i], s);
		}
	}
#undef PROBLEM
	return c.n;
}

const struct jb_part jb_areas_part = {
	.analyse = areas_analyse,
	.dump = areas_dump,
	.check = areas_check,
	.free = areas_free,
};
