/* analysis/dump.c - the findings as text (--dump-findings, golden tests) and
 * their consistency check. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "drivers.h"
#include "confidence.h"
#include "context.h"
#include "homicide.h"
#include "findings.h"
#include "hotspots.h"

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

void jb_findings_dump(const struct jb_findings *f, FILE *out)
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
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		area(out, f, &f->area[a]);
	jb_hotspots_dump(f, out);
	jb_drivers_dump(f->drivers, f->ds, out);
	jb_context_dump(f->context, f->ds, out);
	jb_confidence_dump(f->confidence, out);
	jb_homicide_dump(f->homicide, out);
}

int jb_findings_check(const struct jb_findings *f, FILE *err)
{
	int problems = 0;
#define PROBLEM(...)                                    \
	do {                                            \
		fprintf(err, "jembrief: findings: " __VA_ARGS__); \
		fputc('\n', err);                       \
		problems++;                             \
	} while (0)
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
	if (f->confidence)
		problems += jb_confidence_check(f->confidence, err);
	if (f->homicide)
		problems += jb_homicide_check(f->homicide, err);
	return problems;
}
