/* analysis/wards.c - see wards.h. */
#include "wards.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../util/xalloc.h"
#include "findings.h"
#include "stats.h"

/* The window of the ward table ending at the pack's period: 0 with the
 * reason in w->why when the file lacks a month of it. */
static int ward_window(const struct jb_crime_table *t, int period, struct jb_ward_findings *w)
{
	int lo = 0, hi = t->nmonths - 1;
	while (lo <= hi && !t->covered[lo])
		lo++;
	while (hi >= lo && !t->covered[hi])
		hi--;
	if (lo > hi) {
		snprintf(w->why, sizeof w->why, "the ward-level crime file has no months");
		return 0;
	}
	w->age = (int)jb_source_window(t->first_month + lo, t->first_month + hi, period,
				       &w->first, &w->last);
	if (w->age == JB_WINDOW_NONE) {
		snprintf(w->why, sizeof w->why, "the ward-level crime file starts after the "
			 "pack's period");
		return 0;
	}
	int have = 0;
	for (int m = w->first; m <= w->last; m++)
		have += t->covered[m - t->first_month];
	if (w->last - w->first + 1 < 12 || have < 12) {
		snprintf(w->why, sizeof w->why, "only %d of the 12 months are in the ward-level "
			 "crime file", have);
		return 0;
	}
	return 1;
}

struct ward_sort {
	int ward;
	double count;
	const char *name;
};

static int cmp_ward(const void *pa, const void *pb)
{
	const struct ward_sort *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return strcmp(a->name, b->name);
}

/* The wards of the boroughs in member[] ranked together into wa. */
static void rank_area(const struct jb_dataset *ds, const struct jb_ward_findings *w,
		      const unsigned char *member, struct jb_ward_area *wa)
{
	struct ward_sort *s = xmalloc((ds->nward ? ds->nward : 1) * sizeof *s);
	size_t n = 0;
	for (size_t i = 0; i < ds->nward; i++) {
		int b = ds->ward[i].borough;
		if (b < 0 || !member[b] || isnan(w->count12[i]))
			continue;
		s[n++] = (struct ward_sort){(int)i, w->count12[i],
					    ds->ward[i].name ? ds->ward[i].name : ds->ward[i].code};
		wa->total12 += w->count12[i];
	}
	qsort(s, n, sizeof *s, cmp_ward);
	wa->nwards = (int)n;
	wa->order = xcalloc(n ? n : 1, sizeof *wa->order);
	wa->rank = xcalloc(n ? n : 1, sizeof *wa->rank);
	wa->share = xcalloc(n ? n : 1, sizeof *wa->share);
	double *key = xcalloc(n ? n : 1, sizeof *key);
	for (size_t i = 0; i < n; i++)
		key[i] = s[i].count;
	jb_competition_ranks(key, n, 1, wa->rank);
	double top = 0;
	for (size_t i = 0; i < n; i++) {
		wa->order[i] = s[i].ward;
		wa->share[i] = wa->total12 > 0 ? 100 * s[i].count / wa->total12 : NAN;
		if (i < JB_WARD_TOP)
			top += s[i].count;
	}
	wa->mean12 = n ? wa->total12 / (double)n : NAN;
	wa->top_share = wa->total12 > 0 ? 100 * top / wa->total12 : NAN;
	free(key);
	free(s);
}

/* rank_area() when every member's wards are whole, else why not. */
static void rank_whole(const struct jb_dataset *ds, const struct jb_ward_findings *w,
		       const unsigned char *member, const unsigned char *whole,
		       const char *name, struct jb_ward_area *wa)
{
	for (int b = 0; b < JB_NBOROUGHS; b++)
		if (member[b] && !whole[b]) {
			snprintf(wa->missing, sizeof wa->missing,
				 "whole ward-level crime for %s's wards: a file was cut short in "
				 "them, or lacks some of them", name);
			return;
		}
	rank_area(ds, w, member, wa);
}

static void wards_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	struct jb_ward_findings *w = xcalloc(1, sizeof *w);
	f->wards = w;
	snprintf(w->why_unrated, sizeof w->why_unrated,
		 "the data directory has no ward boundaries or LSOA-to-ward lookup, so no "
		 "ward can be given its Census LSOA residents");
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_WARD];
	if (!ds->has_crime[JB_LEVEL_WARD] || t->nmonths <= 0 || !ds->nward) {
		snprintf(w->why, sizeof w->why, "no ward-level recorded crime file was supplied");
		return;
	}
	if (!ward_window(t, jb_findings_period(f), w))
		return;
	unsigned char *matched = xcalloc(ds->ncategories ? ds->ncategories : 1, 1);
	for (size_t c = 0; c < ds->ncategories; c++)
		matched[c] = (unsigned char)jb_theme_has_category(f->theme, &ds->categories[c]);
	double *v = jb_theme_counts(t, matched, ds->nward);
	free(matched);
	w->ok = 1;
	w->count12 = xcalloc(ds->nward, sizeof *w->count12);
	size_t nm = (size_t)t->nmonths;
	for (size_t i = 0; i < ds->nward; i++)
		for (int m = w->first; m <= w->last; m++)
			w->count12[i] += v[i * nm + (size_t)(m - t->first_month)];
	free(v);
	/* a borough with a ward some file does not have whole is ranked on
	 * part of its offences: not at all (jb_crime_whole) */
	unsigned char whole[JB_NBOROUGHS];
	memset(whole, 1, sizeof whole);
	for (size_t i = 0; i < ds->nward; i++)
		if (ds->ward[i].borough >= 0 && ds->ward[i].borough < JB_NBOROUGHS &&
		    !jb_crime_whole(t, (int)i))
			whole[ds->ward[i].borough] = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		unsigned char one[JB_NBOROUGHS] = {0};
		one[b] = 1;
		rank_whole(ds, w, one, whole, jb_boroughs[b].name, &w->area[b]);
	}
	if (f->has_group)
		rank_whole(ds, w, f->group.member, whole, f->group.name, &w->area[JB_GROUP]);
}

static void wards_free(struct jb_findings *f)
{
	struct jb_ward_findings *w = f->wards;
	if (!w)
		return;
	for (int a = 0; a < JB_NAREAS; a++) {
		free(w->area[a].order);
		free(w->area[a].rank);
		free(w->area[a].share);
	}
	free(w->count12);
	free(w);
}

static void wards_dump(const struct jb_findings *f, FILE *out)
{
	const struct jb_ward_findings *w = f->wards;
	if (!w->ok) {
		fprintf(out, "wards ok 0 why %s\n", w->why);
		return;
	}
	fprintf(out, "wards ok 1 window %d-%02d..%d-%02d age %d\n",
		jb_month_year(w->first), jb_month_mon(w->first), jb_month_year(w->last),
		jb_month_mon(w->last), w->age);
	for (int a = 0; a < JB_NAREAS; a++) {
		const struct jb_ward_area *wa = &w->area[a];
		if (!wa->nwards)
			continue;
		/* the area's code first on each line, so a dump cut to some
		 * areas (jb_findings_dump_areas) keeps their lines */
		const char *code = f->area[a].code;
		fprintf(out, "  %s wards %d total %.0f mean %.4f top%d_share %.4f\n", code,
			wa->nwards, wa->total12, wa->mean12, JB_WARD_TOP, wa->top_share);
		for (int i = 0; i < wa->nwards; i++) {
			int k = wa->order[i];
			fprintf(out, "  %s ward %d %s %.0f share %.4f\n", code, wa->rank[i],
				f->ds->ward[k].code, w->count12[k], wa->share[i]);
		}
	}
}

/* Ranks in order and competition ranks; the wards' sum is the total; a
 * borough's wards are its own. */
static int wards_check(const struct jb_findings *f, FILE *err)
{
	struct jb_check c = {err, "wards", 0};
	const struct jb_ward_findings *w = f->wards;
	if (!w->ok)
		return 0;
	for (int a = 0; a < JB_NAREAS; a++) {
		const struct jb_ward_area *wa = &w->area[a];
		double s = 0;
		for (int i = 0; i < wa->nwards; i++) {
			int k = wa->order[i];
			s += w->count12[k];
			if (a < JB_NBOROUGHS && f->ds->ward[k].borough != a)
				jb_check_problem(&c, "%s: ward %s is another borough's",
						 f->area[a].name, f->ds->ward[k].code);
			int want = i && w->count12[k] == w->count12[wa->order[i - 1]]
					   ? wa->rank[i - 1] : i + 1;
			if (wa->rank[i] != want)
				jb_check_problem(&c, "%s: ward %d ranked %d, not %d", f->area[a].name,
						 i, wa->rank[i], want);
		}
		if (fabs(s - wa->total12) > 1e-6)
			jb_check_problem(&c, "%s: the wards do not add up to the total",
					 f->area[a].name);
	}
	return c.n;
}

const struct jb_part jb_wards_part = {
	.analyse = wards_analyse,
	.dump = wards_dump,
	.check = wards_check,
	.free = wards_free,
};
