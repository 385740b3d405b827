/* analysis/confidence.c - see confidence.h. */
#include "confidence.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "findings.h"
#include "stats.h"

double jb_conf_value(const struct jb_conf_measure *m, int area, int q)
{
	if (!m || area < 0 || area > JB_LONDON || q < 0 || (size_t)q >= m->nq)
		return NAN;
	return m->v[(size_t)area * m->nq + (size_t)q];
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The measure's quarters (distinct months, sorted) and its value grid,
 * from its n values, pas->vals[idx[0..n-1]]. */
static void grid(const struct jb_pas *pas, const size_t *idx, size_t n,
		 struct jb_conf_measure *m)
{
	int *months = xmalloc((n + 1) * sizeof *months);
	for (size_t i = 0; i < n; i++)
		months[i] = pas->vals[idx[i]].month;
	qsort(months, n, sizeof *months, by_int);
	size_t nq = 0;
	for (size_t i = 0; i < n; i++)
		if (nq == 0 || months[nq - 1] != months[i])
			months[nq++] = months[i];
	m->nq = nq;
	m->month = months;
	m->v = xmalloc(((size_t)(JB_NBOROUGHS + 1) * nq + 1) * sizeof *m->v);
	for (size_t i = 0; i < (size_t)(JB_NBOROUGHS + 1) * nq; i++)
		m->v[i] = NAN;
	for (size_t i = 0; i < n; i++) {
		const struct jb_pas_value *pv = &pas->vals[idx[i]];
		int *q = bsearch(&pv->month, months, nq, sizeof *months, by_int);
		m->v[(size_t)pv->area * nq + (size_t)(q - months)] = pv->v;
	}
}

/* The quarter four quarters before q (its month 12 earlier), or -1. */
static int year_before(const struct jb_conf_measure *m, int q)
{
	for (int k = q - 1; k >= 0; k--)
		if (m->month[k] == m->month[q] - 12)
			return k;
	return -1;
}

static void below_runs(struct jb_conf_measure *m, int b)
{
	int run = 0, best = 0, best_end = -1;
	for (int q = 0; q <= m->latest; q++) {
		double v = jb_conf_value(m, b, q), L = jb_conf_value(m, JB_LONDON, q);
		/* quarters follow one another only three months apart */
		int follows = q > 0 && m->month[q] - m->month[q - 1] == 3;
		if (!(v < L)) {
			run = 0;
			continue;
		}
		run = follows && run ? run + 1 : 1;
		if (run >= best) {
			best = run;
			best_end = q;
		}
	}
	m->below_run[b] = best;
	m->below_run_end[b] = best_end >= 0 ? m->month[best_end] : 0;
	m->below_now[b] = best > 0 && best_end == m->latest;
}

/* before(): borough x is listed before y, highest value first, ties by name. */
static int before(const double *value, int x, int y)
{
	if (value[x] != value[y])
		return value[x] > value[y];
	return strcmp(jb_boroughs[x].name, jb_boroughs[y].name) < 0;
}

static int contains_nocase(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (; *s; s++)
		if (strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/* Whether London and all 32 boroughs have a value at quarter q. */
static int complete(const struct jb_conf_measure *m, int q)
{
	for (int a = 0; a <= JB_LONDON; a++)
		if (isnan(jb_conf_value(m, a, q)))
			return 0;
	return 1;
}

/* The quarter the pack uses: the latest, at or before the period, at
 * which some measure has London and all 32 boroughs. The export is sorted
 * by quarter, then measure, then borough, so a file cut short ends with a
 * quarter that only some measures, or some boroughs, reach: ranks "of the
 * 32" there would be among the few, and a slide would mix quarters. 0
 * when there is none. */
static int quarter_used(const struct jb_conf_measure *ms, size_t nm, int period_end)
{
	int best = 0;
	for (size_t i = 0; i < nm; i++)
		for (size_t q = 0; q < ms[i].nq; q++)
			if ((!period_end || ms[i].month[q] <= period_end) && ms[i].month[q] > best &&
			    complete(&ms[i], (int)q))
				best = ms[i].month[q];
	return best;
}

/* Measure m at the quarter used (month): left out (latest -1) when it
 * does not have London and all 32 boroughs there. */
static void measure(int month, int period_end, struct jb_conf_measure *m)
{
	m->latest = -1;
	for (size_t q = 0; q < m->nq; q++)
		if (m->month[q] == month && complete(m, (int)q))
			m->latest = (int)q;
	for (int a = 0; a <= JB_LONDON; a++)
		m->value[a] = m->change[a] = NAN;
	if (m->latest < 0)
		return;
	m->older = period_end && m->month[m->latest] < period_end;
	int prev = year_before(m, m->latest);
	for (int a = 0; a <= JB_LONDON; a++) {
		m->value[a] = jb_conf_value(m, a, m->latest);
		m->change[a] = m->value[a] - jb_conf_value(m, a, prev);
	}
	m->nranked = jb_competition_ranks(m->value, JB_NBOROUGHS, 1, m->rank);
	jb_competition_ranks(m->value, JB_NBOROUGHS, 0, m->low_rank);
	int k = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		below_runs(m, b);
		if (!m->rank[b])
			continue;
		int j = k++;
		for (; j > 0 && before(m->value, b, m->order[j - 1]); j--)
			m->order[j] = m->order[j - 1];
		m->order[j] = b;
	}
}

/* The clearest finding of borough b: the measure furthest from London. */
static void headline(struct jb_confidence *c, int b)
{
	struct jb_conf_area *a = &c->area[b];
	a->headline = -1;
	double best = -1;
	int best_pos = 0;
	for (size_t i = 0; i < c->nm; i++) {
		const struct jb_conf_measure *m = &c->m[i];
		double gap = m->value[b] - m->value[JB_LONDON];
		if (isnan(gap))
			continue;
		/* published to two decimals: compare whole points */
		double pts = round(fabs(gap) * 100);
		a->nbelow += pts > 0 && gap < 0;
		a->nabove += pts > 0 && gap > 0;
		a->nlevel += pts == 0;
		/* how far from the middle of the ranking, to break ties */
		int pos = abs(2 * m->rank[b] - (m->nranked + 1));
		if (pts > best || (pts == best && pos > best_pos)) {
			best = pts;
			best_pos = pos;
			a->headline = (int)i;
			a->gap = gap;
		}
	}
}

struct jb_confidence *jb_confidence_analyse(const struct jb_dataset *ds, int period_end)
{
	struct jb_confidence *c = xcalloc(1, sizeof *c);
	c->good_job = -1;
	for (int b = 0; b < JB_NBOROUGHS; b++)
		c->area[b].headline = -1;
	if (!ds->has_pas)
		return c;
	const struct jb_pas *pas = &ds->pas;
	c->nm = pas->nmeasures;
	c->m = xcalloc(c->nm + 1, sizeof *c->m);
	/* the values of measure i: idx[at[i] .. at[i + 1]), in file order */
	size_t *at = xcalloc(c->nm + 2, sizeof *at), *idx = xmalloc((pas->nvals + 1) * sizeof *idx);
	for (size_t k = 0; k < pas->nvals; k++)
		at[pas->vals[k].measure + 2]++;
	for (size_t i = 2; i < c->nm + 2; i++)
		at[i] += at[i - 1];
	for (size_t k = 0; k < pas->nvals; k++)
		idx[at[pas->vals[k].measure + 1]++] = k;
	for (size_t i = 0; i < c->nm; i++) {
		c->m[i].name = pas->measures[i];
		grid(pas, idx + at[i], at[i + 1] - at[i], &c->m[i]);
	}
	free(at);
	free(idx);
	int month = quarter_used(c->m, c->nm, period_end);
	for (size_t i = 0; i < c->nm; i++) {
		measure(month, period_end, &c->m[i]);
		if (c->m[i].latest >= 0 && !c->ok) {
			c->ok = 1;
			c->latest_month = month;
			c->older = c->m[i].older;
		}
		c->nleft_out += c->m[i].latest < 0;
		if (c->good_job < 0 && contains_nocase(c->m[i].name, "good job"))
			c->good_job = (int)i;
	}
	for (int b = 0; b < JB_NBOROUGHS; b++)
		headline(c, b);
	return c;
}

void jb_confidence_free(struct jb_confidence *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nm; i++) {
		free(c->m[i].month);
		free(c->m[i].v);
	}
	free(c->m);
	free(c);
}

int jb_confidence_check(const struct jb_confidence *c, FILE *err)
{
	struct jb_check k = {err, "confidence", 0};
	for (size_t i = 0; i < c->nm; i++) {
		const struct jb_conf_measure *m = &c->m[i];
		int seen[JB_NBOROUGHS] = {0};
		for (int r = 0; r < m->nranked; r++) {
			int b = m->order[r];
			if (b < 0 || b >= JB_NBOROUGHS || seen[b]++ || !m->rank[b] ||
			    (r && m->value[m->order[r - 1]] < m->value[b])) {
				jb_check_problem(&k, "%s: order is not by value", m->name);
				break;
			}
		}
		for (int b = 0; b < JB_NBOROUGHS; b++)
			if (m->below_run[b] < 0 || (size_t)m->below_run[b] > m->nq ||
			    m->rank[b] < 0 || m->rank[b] > m->nranked)
				jb_check_problem(&k, "%s: %s out of range", m->name,
						 jb_boroughs[b].name);
	}
	return k.n;
}

void jb_confidence_dump(const struct jb_confidence *c, FILE *out)
{
	fprintf(out, "confidence ok %d measures %zu latest %d-%02d older %d\n", c->ok, c->nm,
		jb_month_year(c->latest_month), jb_month_mon(c->latest_month), c->older);
	for (size_t i = 0; i < c->nm; i++) {
		const struct jb_conf_measure *m = &c->m[i];
		int lm = m->latest >= 0 ? m->month[m->latest] : 0;
		fprintf(out, "  measure %zu %s quarters %zu latest %d-%02d london %.2f change %+.2f\n",
			i, m->name, m->nq, jb_month_year(lm), jb_month_mon(lm),
			m->value[JB_LONDON], m->change[JB_LONDON]);
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			int e = m->below_run_end[b];
			fprintf(out, "    %s %.2f rank %d change %+.2f below_run %d to %d-%02d%s\n",
				jb_boroughs[b].slug, m->value[b], m->rank[b], m->change[b],
				m->below_run[b], e ? jb_month_year(e) : 0, e ? jb_month_mon(e) : 0,
				m->below_now[b] ? " (now)" : "");
		}
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_conf_area *a = &c->area[b];
		fprintf(out, "  confidence_headline %s measure %d gap %+.2f below %d above %d level %d\n",
			jb_boroughs[b].slug, a->headline, a->headline >= 0 ? a->gap : NAN,
			a->nbelow, a->nabove, a->nlevel);
	}
}

/* ---- the part (analysis/findings.h) ---- */

static void confidence_part_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	f->confidence = jb_confidence_analyse(ds, f->period_end);
}

static void confidence_part_dump(const struct jb_findings *f, FILE *out)
{
	jb_confidence_dump(f->confidence, out);
}

static int confidence_part_check(const struct jb_findings *f, FILE *err)
{
	return jb_confidence_check(f->confidence, err);
}

static void confidence_part_free(struct jb_findings *f)
{
	jb_confidence_free(f->confidence);
}

const struct jb_part jb_confidence_part = {
	.analyse = confidence_part_analyse,
	.dump = confidence_part_dump,
	.check = confidence_part_check,
	.free = confidence_part_free,
};
