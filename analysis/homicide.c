/* analysis/homicide.c - see homicide.h. */
#include "homicide.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "findings.h"
#include "stats.h"

const char *const jb_hom_measure_names[JB_HOM_NMEASURES] = {
	[JB_HOM_ALL] = "all",
	[JB_HOM_YOUTH] = "aged-13-24",
	[JB_HOM_KNIFE] = "knife",
};

static int is_knife(const char *method)
{
	for (const char *s = method; *s; s++)
		if (strncasecmp(s, "knife", 5) == 0)
			return 1;
	return 0;
}

/* The complete calendar years of the file, up to the period's. */
static int years(const struct jb_dataset *ds, int period_end, struct jb_homicide_findings *h)
{
	const struct jb_homicides *hs = &ds->homicide;
	int last = hs->last_month;
	if (period_end && period_end < last)
		last = period_end;
	h->first_year = jb_month_year(hs->first_month) + (jb_month_mon(hs->first_month) != 1);
	h->last_year = jb_month_year(last) - (jb_month_mon(last) != 12);
	/* a file cut short has lost the end of its last year, whatever the
	 * month of its last row (victims are listed year by year, not month
	 * by month) */
	if (hs->cut_short && jb_month_year(hs->last_month) <= h->last_year)
		h->last_year = jb_month_year(hs->last_month) - 1;
	h->cut_short = hs->cut_short;
	h->data_last_month = hs->last_month;
	h->before_period = period_end > hs->last_month;
	h->nyears = h->last_year - h->first_year + 1;
	return h->nyears > 0;
}

static double window_sum(const double *per_year, int from, int to, int first)
{
	double s = 0;
	for (int y = from; y <= to; y++)
		s += per_year[y - first];
	return s;
}

static void compare(struct jb_homicide_findings *h, struct jb_hom_area *a, int m)
{
	struct jb_hom_compare *c = &a->cmp[m];
	int L = h->last_year;
	c->p = c->pct = NAN;
	c->significant = 0;
	if (L - 5 < h->first_year)
		return;
	c->ok = 1;
	c->a = window_sum(a->per_year[m], L - 2, L, h->first_year);
	c->b = window_sum(a->per_year[m], L - 5, L - 3, h->first_year);
	if (c->b > 0)
		c->pct = 100 * (c->a - c->b) / c->b;
	c->too_small = c->a + c->b < 6;
	if (!c->too_small) {
		c->p = jb_binom_test_half((unsigned)lround(c->a), (unsigned)lround(c->a + c->b));
		c->significant = c->p < JB_ALPHA;
	}
}

static double residents(const struct jb_population *p, int lo, int hi)
{
	if (!p->has)
		return NAN;
	if (lo == 0 && hi >= JB_MAXAGE)
		return p->all_ages;
	double s = 0;
	for (int age = lo; age <= hi; age++)
		s += p->age[age];
	return s;
}

static void rates(const struct jb_dataset *ds, struct jb_homicide_findings *h)
{
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		struct jb_hom_area *ha = &h->area[a];
		for (int m = 0; m < JB_HOM_NMEASURES; m++) {
			double pop = 0;
			int youth = m == JB_HOM_YOUTH;
			int lo = youth ? JB_HOM_POP_LO : 0, hi = youth ? JB_HOM_POP_HI : JB_MAXAGE;
			if (a < JB_NBOROUGHS)
				pop = residents(&ds->pop[a], lo, hi);
			else /* London: the 32 boroughs' residents, all of them */
				for (int b = 0; b < JB_NBOROUGHS; b++)
					pop += ds->pop[b].has ? residents(&ds->pop[b], lo, hi) : NAN;
			ha->residents[m] = pop > 0 ? pop : NAN;
			for (int w = 0; w < JB_HOM_NWINDOWS; w++) {
				int ny = h->last_year - h->window_first[w] + 1;
				ha->rate[m][w] = ha->total[m][w] / ny / ha->residents[m] * 1e5;
			}
		}
	}
	for (int m = 0; m < JB_HOM_NMEASURES; m++)
		for (int w = 0; w < JB_HOM_NWINDOWS; w++) {
			double key[JB_NBOROUGHS];
			int rank[JB_NBOROUGHS], low[JB_NBOROUGHS];
			for (int b = 0; b < JB_NBOROUGHS; b++)
				key[b] = h->area[b].rate[m][w];
			jb_ranks_of_all(key, JB_NBOROUGHS, 1, rank);
			jb_ranks_of_all(key, JB_NBOROUGHS, 0, low);
			for (int b = 0; b < JB_NBOROUGHS; b++) {
				h->area[b].rank[m][w] = rank[b];
				h->area[b].rank_low[m][w] = low[b];
			}
		}
}

struct jb_homicide_findings *jb_homicide_analyse(const struct jb_dataset *ds, int period_end)
{
	struct jb_homicide_findings *h = xcalloc(1, sizeof *h);
	if (!ds->has_homicide || !years(ds, period_end, h))
		return h;
	h->ok = 1;
	size_t ny = (size_t)h->nyears;
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		for (int m = 0; m < JB_HOM_NMEASURES; m++)
			h->area[a].per_year[m] = xcalloc(ny, sizeof(double));
	const struct jb_homicides *hs = &ds->homicide;
	for (size_t i = 0; i < hs->nrows; i++) {
		const struct jb_homicide *r = &hs->rows[i];
		int y = jb_month_year(r->month);
		if (y < h->first_year || y > h->last_year)
			continue;
		int in[JB_HOM_NMEASURES] = {
			[JB_HOM_ALL] = 1,
			[JB_HOM_YOUTH] = r->age_lo >= JB_HOM_YOUTH_LO && r->age_hi >= 0 &&
					 r->age_hi <= JB_HOM_YOUTH_HI,
			[JB_HOM_KNIFE] = is_knife(hs->methods[r->method]),
		};
		for (int m = 0; m < JB_HOM_NMEASURES; m++)
			if (in[m]) {
				h->area[r->borough].per_year[m][y - h->first_year] += r->victims;
				h->area[JB_LONDON].per_year[m][y - h->first_year] += r->victims;
			}
	}
	h->window_first[JB_HOM_SPAN] = h->first_year;
	h->window_first[JB_HOM_LAST5] = h->last_year - 4 > h->first_year ? h->last_year - 4
									   : h->first_year;
	h->window_first[JB_HOM_LAST3] = h->last_year - 2 > h->first_year ? h->last_year - 2
									   : h->first_year;
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		for (int m = 0; m < JB_HOM_NMEASURES; m++) {
			struct jb_hom_area *ha = &h->area[a];
			for (int w = 0; w < JB_HOM_NWINDOWS; w++)
				ha->total[m][w] = window_sum(ha->per_year[m], h->window_first[w],
							     h->last_year, h->first_year);
			compare(h, ha, m);
		}
	rates(ds, h);
	return h;
}

void jb_homicide_free(struct jb_homicide_findings *h)
{
	if (!h)
		return;
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		for (int m = 0; m < JB_HOM_NMEASURES; m++)
			free(h->area[a].per_year[m]);
	free(h);
}

int jb_homicide_check(const struct jb_homicide_findings *h, FILE *err)
{
	struct jb_check c = {err, "homicide", 0};
	if (!h->ok)
		return 0;
	/* London is the sum of the boroughs; the subsets are within all victims. */
	for (int m = 0; m < JB_HOM_NMEASURES; m++)
		for (int y = 0; y < h->nyears; y++) {
			double s = 0;
			for (int b = 0; b < JB_NBOROUGHS; b++) {
				s += h->area[b].per_year[m][y];
				if (h->area[b].per_year[m][y] > h->area[b].per_year[JB_HOM_ALL][y])
					jb_check_problem(&c, "%s: %s above all victims",
							 jb_boroughs[b].name, jb_hom_measure_names[m]);
			}
			if (fabs(s - h->area[JB_LONDON].per_year[m][y]) > 1e-9)
				jb_check_problem(&c, "London %s %d is not the boroughs' sum",
						 jb_hom_measure_names[m], h->first_year + y);
		}
	return c.n;
}

void jb_homicide_dump(const struct jb_homicide_findings *h, FILE *out)
{
	fprintf(out, "homicide ok %d years %d-%d last5 %d- last3 %d- data_to %d-%02d before_period %d\n",
		h->ok, h->first_year, h->last_year, h->window_first[JB_HOM_LAST5],
		h->window_first[JB_HOM_LAST3], jb_month_year(h->data_last_month),
		jb_month_mon(h->data_last_month), h->before_period);
	if (!h->ok)
		return;
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const struct jb_hom_area *ha = &h->area[a];
		for (int m = 0; m < JB_HOM_NMEASURES; m++) {
			fprintf(out, "  %s %s per_year",
				a == JB_LONDON ? "london" : jb_boroughs[a].slug, jb_hom_measure_names[m]);
			for (int y = 0; y < h->nyears; y++)
				fprintf(out, " %.0f", ha->per_year[m][y]);
			fprintf(out, "\n    residents %.0f", ha->residents[m]);
			for (int w = 0; w < JB_HOM_NWINDOWS; w++)
				fprintf(out, " | total %.0f rate %.4f rank %d", ha->total[m][w],
					ha->rate[m][w], ha->rank[m][w]);
			const struct jb_hom_compare *c = &ha->cmp[m];
			fprintf(out, "\n    compare ok %d a %.0f b %.0f pct %.2f p %.6f too_small %d\n",
				c->ok, c->a, c->b, c->pct, c->p, c->too_small);
		}
	}
}

/* ---- the part (analysis/findings.h) ---- */

static void homicide_part_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	f->homicide = jb_homicide_analyse(ds, f->period_end);
}

static void homicide_part_dump(const struct jb_findings *f, FILE *out)
{
	jb_homicide_dump(f->homicide, out);
}

static int homicide_part_check(const struct jb_findings *f, FILE *err)
{
	return jb_homicide_check(f->homicide, err);
}

static void homicide_part_free(struct jb_findings *f)
{
	jb_homicide_free(f->homicide);
}

const struct jb_part jb_homicide_part = {
	.analyse = homicide_part_analyse,
	.dump = homicide_part_dump,
	.check = homicide_part_check,
	.free = homicide_part_free,
};
