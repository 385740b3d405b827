/* analysis/similar.c - most similar boroughs (DESIGN §5): standardise a few
 * context measures over the 32 boroughs (z-scores with the population SD),
 * take the Euclidean distance over the measures both boroughs have, and keep
 * the five nearest (ties by name order, i.e. borough index).
 *
 * Measures: mean IMD score of the borough's LSOAs, residents per km2 (ONS
 * mid-year residents over the boundary's area), share of residents aged
 * 10-24. A measure some borough lacks is left out for all, since a
 * distance over two measures is not comparable with one over three (a
 * deprivation file cut short leaves some boroughs without a mean); with
 * none, no borough has similar boroughs. The measures used are named in
 * f->similar_measures. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../util/polygon.h"
#include "findings.h"
#include "similar.h"

enum { NMEASURES = 3 };
static const char *const measure_names[NMEASURES] = {"deprivation", "density",
						     "share aged 10-24"};

static void measures(const struct jb_dataset *ds, struct jb_findings *f)
{
	double imd_sum[JB_NBOROUGHS] = {0};
	int imd_n[JB_NBOROUGHS] = {0};
	for (size_t l = 0; l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (L->borough >= 0 && L->imd.has && isfinite(L->imd.score)) {
			imd_sum[L->borough] += L->imd.score;
			imd_n[L->borough]++;
		}
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_area_findings *a = &f->area[b];
		const struct jb_population *p = &ds->pop[b];
		/* the mean of the part of a borough a file cut short has is
		 * not the borough's */
		a->imd_mean = imd_n[b] && !*f->imd_cover.missing[b] ? imd_sum[b] / imd_n[b] : NAN;
		double km2 = ds->has_borough_shapes && ds->borough_shape[b].nrings
				     ? jb_polygon_area(&ds->borough_shape[b]) / 1e6
				     : NAN;
		a->density = p->has && km2 > 0 ? p->all_ages / km2 : NAN;
		double young = 0;
		for (int age = 10; age <= 24; age++)
			young += p->age[age];
		a->share_10_24 = p->has && p->all_ages > 0 ? young / p->all_ages : NAN;
	}
}

/* a's comparators: its most similar boroughs unless the analyst's replace
 * them, then the analyst's not already there, never a itself. */
static void comparators(struct jb_area_findings *a, const struct jb_theme *theme)
{
	a->ncomparators = 0;
	int chosen = theme && theme->ncompare > 0, nchosen = 0;
	for (int k = 0; chosen && k < theme->ncompare; k++)
		nchosen += theme->compare[k] != a->index;
	/* the most similar, but room kept for the analyst's */
	int nsim = chosen && theme->compare_instead ? 0 : a->nsimilar;
	if (nsim > JB_MAX_COMPARATORS - nchosen)
		nsim = JB_MAX_COMPARATORS - nchosen;
	for (int k = 0; k < nsim; k++) {
		a->comparator_chosen[a->ncomparators] = 0;
		a->comparators[a->ncomparators++] = a->similar[k];
	}
	for (int k = 0; chosen && k < theme->ncompare; k++) {
		int b = theme->compare[k], seen = b == a->index || a->ncomparators >= JB_MAX_COMPARATORS;
		for (int j = 0; j < a->ncomparators; j++)
			seen |= a->comparators[j] == b;
		if (seen)
			continue;
		a->comparator_chosen[a->ncomparators] = 1;
		a->comparators[a->ncomparators++] = b;
	}
}

void jb_similar_boroughs(const struct jb_dataset *ds, struct jb_findings *f)
{
	measures(ds, f);
	double z[JB_NBOROUGHS][NMEASURES];
	for (int m = 0; m < NMEASURES; m++) {
		double v[JB_NBOROUGHS], sum = 0, sq = 0;
		int n = 0;
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			const struct jb_area_findings *a = &f->area[b];
			v[b] = m == 0 ? a->imd_mean : m == 1 ? a->density : a->share_10_24;
			if (isfinite(v[b])) {
				sum += v[b];
				n++;
			}
		}
		if (n < JB_NBOROUGHS) { /* left out for all */
			for (int b = 0; b < JB_NBOROUGHS; b++)
				z[b][m] = NAN;
			continue;
		}
		size_t len = strlen(f->similar_measures);
		snprintf(f->similar_measures + len, sizeof f->similar_measures - len, "%s%s",
			 len ? ", " : "", measure_names[m]);
		double mean = n ? sum / n : 0;
		for (int b = 0; b < JB_NBOROUGHS; b++)
			if (isfinite(v[b]))
				sq += (v[b] - mean) * (v[b] - mean);
		double sd = n ? sqrt(sq / n) : 0;
		for (int b = 0; b < JB_NBOROUGHS; b++)
			z[b][m] = isfinite(v[b]) && sd > 0 ? (v[b] - mean) / sd : NAN;
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_area_findings *a = &f->area[b];
		double dist[JB_NBOROUGHS];
		for (int o = 0; o < JB_NBOROUGHS; o++) {
			double d = 0;
			int used = 0;
			for (int m = 0; m < NMEASURES; m++)
				if (isfinite(z[b][m]) && isfinite(z[o][m])) {
					d += (z[b][m] - z[o][m]) * (z[b][m] - z[o][m]);
					used++;
				}
			dist[o] = o == b || !used ? INFINITY : sqrt(d);
		}
		a->nsimilar = 0;
		for (int k = 0; k < JB_NSIMILAR; k++) {
			int best = -1;
			for (int o = 0; o < JB_NBOROUGHS; o++)
				if (isfinite(dist[o]) && (best < 0 || dist[o] < dist[best]))
					best = o;
			if (best < 0)
				break;
			a->similar[a->nsimilar++] = best;
			dist[best] = INFINITY;
		}
	}
	for (int b = 0; b < JB_NBOROUGHS; b++)
		comparators(&f->area[b], f->theme);
	f->area[JB_LONDON].imd_mean = f->area[JB_LONDON].density = NAN;
	f->area[JB_LONDON].share_10_24 = NAN;
}
