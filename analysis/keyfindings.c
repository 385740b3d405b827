/* analysis/keyfindings.c - see keyfindings.h.
 *
 * Each rule holds or not on the findings alone; its weight orders the key
 * findings slide. Weights are on one scale, "how unusual": a |z|-like
 * number, so a very significant change outranks a mildly high rate. */
#include "keyfindings.h"

#include <math.h>
#include <string.h>

#include "confidence.h"
#include "context.h"
#include "findings.h"
#include "homicide.h"
#include "hotspots.h"

/* The rules that hold are a bit set (keyfindings.h, holds). */
_Static_assert(JB_NRULES <= 32, "jb_key_findings.holds has a bit per rule");

const char *const jb_rule_names[JB_NRULES] = {
	[RULE_CHANGE_SIGNIFICANT] = "change-significant",
	[RULE_CHANGE_EXCEPTIONAL] = "change-exceptional",
	[RULE_CHANGE_NOT_SIGNIFICANT] = "change-not-significant",
	[RULE_TREND_SIGNIFICANT] = "trend-significant",
	[RULE_TREND_FLAT] = "trend-flat",
	[RULE_TREND_EXCEPTIONS] = "trend-exceptions",
	[RULE_RATE_HIGH] = "rate-high",
	[RULE_RATE_LOW] = "rate-low",
	[RULE_RATE_ABOVE_LONDON] = "rate-above-london",
	[RULE_RATE_BELOW_LONDON] = "rate-below-london",
	[RULE_RISE_RANK] = "rise-rank",
	[RULE_FALL_RANK] = "fall-rank",
	[RULE_CONCENTRATED] = "concentrated",
	[RULE_DASH_RISE] = "dashboard-rise",
	[RULE_DASH_FALL] = "dashboard-fall",
	[RULE_HOTSPOTS] = "hotspots",
	[RULE_PERSISTENT_HOTSPOTS] = "persistent-hotspots",
	[RULE_EXCLUSIONS_HIGH] = "exclusions-high",
	[RULE_FTE_HIGH] = "first-time-entrants-high",
	[RULE_HOMICIDE_HIGH] = "homicide-high",
	[RULE_YOUTH_HOMICIDE_HIGH] = "youth-homicide-high",
	[RULE_CONFIDENCE_LOW] = "confidence-low",
};

int jb_rule_by_name(const char *name)
{
	for (int r = 0; r < JB_NRULES; r++)
		if (strcmp(jb_rule_names[r], name) == 0)
			return r;
	return -1;
}

static void add(struct jb_key_findings *k, enum jb_rule r, double w)
{
	k->rule[k->n] = r;
	k->weight[k->n] = w;
	k->n++;
	k->holds |= 1ul << r;
}

/* Homicide (themes that count it) and public confidence: a rank among the
 * five worst of the 32. */
static void public_rules(const struct jb_findings *f, int b, struct jb_key_findings *k)
{
	const struct jb_homicide_findings *h = f->homicide;
	if (f->theme->homicide && h && h->ok) {
		int r = h->area[b].rank[JB_HOM_ALL][JB_HOM_LAST5];
		int ry = h->area[b].rank[JB_HOM_YOUTH][JB_HOM_LAST5];
		if (r >= 1 && r <= 5)
			add(k, RULE_HOMICIDE_HIGH, 3.4 - 0.1 * r);
		if (ry >= 1 && ry <= 5)
			add(k, RULE_YOUTH_HOMICIDE_HIGH, 3.4 - 0.1 * ry);
	}
	const struct jb_confidence *c = f->confidence;
	if (c && c->ok && c->good_job >= 0) {
		const struct jb_conf_measure *m = &c->m[c->good_job];
		if (m->low_rank[b] >= 1 && m->low_rank[b] <= 5)
			add(k, RULE_CONFIDENCE_LOW, 2.9 - 0.1 * m->low_rank[b]);
	}
}

static void area_rules(const struct jb_findings *f, struct jb_area_findings *a)
{
	struct jb_key_findings *k = &a->key;
	memset(k, 0, sizeof *k);
	const struct jb_area_findings *L = &f->area[JB_LONDON];
	const struct jb_change *c = &a->change;
	int borough = a->index < JB_NBOROUGHS;
	if (c->ok) {
		double z = fabs(c->wheeler_z);
		if (c->significant)
			add(k, RULE_CHANGE_SIGNIFICANT, z + 1);
		else
			add(k, RULE_CHANGE_NOT_SIGNIFICANT, 0.5);
		if (c->exceptional)
			add(k, RULE_CHANGE_EXCEPTIONAL, z + 0.5);
		/* A rank among the largest rises or falls is news only when the
		 * change itself is more than normal variation: a p = 0.14 rise
		 * is no "5th largest rise", whatever its rank. */
		int sig = c->significant;
		if (borough && sig && c->a < c->b && a->fall_rank >= 1 && a->fall_rank <= 5)
			add(k, RULE_FALL_RANK, 3.5 - 0.1 * a->fall_rank);
		if (borough && sig && c->a > c->b && a->rise_rank >= 1 && a->rise_rank <= 5)
			add(k, RULE_RISE_RANK, 3.5 - 0.1 * a->rise_rank);
	}
	const struct jb_trend *t = &a->trend;
	if (t->ok) {
		int sig = t->significant;
		double z = t->se_b1 > 0 ? fabs(t->b1 / t->se_b1) : 0;
		if (sig)
			add(k, RULE_TREND_SIGNIFICANT, z);
		else
			add(k, RULE_TREND_FLAT, 0.4);
		if (t->nexceptions)
			add(k, RULE_TREND_EXCEPTIONS, 2.0 + t->nexceptions);
	}
	if (borough && a->rate_rank >= 1) {
		if (a->rate_rank <= 5)
			add(k, RULE_RATE_HIGH, 3.5 - 0.1 * a->rate_rank);
		else if (a->rate_rank >= JB_NBOROUGHS - 4)
			add(k, RULE_RATE_LOW, 2.5);
		/* Above / below London only when not already among the highest or
		 * lowest: the same fact twice is not two findings. */
		else if (isfinite(a->rate) && isfinite(L->rate) && L->rate > 0) {
			double ratio = a->rate / L->rate;
			if (ratio >= 1)
				add(k, RULE_RATE_ABOVE_LONDON, 1 + ratio);
			else
				add(k, RULE_RATE_BELOW_LONDON, 1 + 1 / ratio - 0.5);
		}
	}
	if (f->has_lsoa && a->lsoa_total12 > 0) {
		double top = 0;
		for (int i = 0; i < 5 && a->top_lsoa[i] >= 0; i++)
			top += f->lsoa[a->top_lsoa[i]].count12;
		k->top5_share = 100.0 * top / a->lsoa_total12;
		if (borough && k->top5_share >= 15)
			add(k, RULE_CONCENTRATED, 1.5 + k->top5_share / 20);
	} else {
		k->top5_share = NAN;
	}
	if (f->theme->ndash > 0 && isfinite(a->dash_pct[0])) {
		/* a rise or fall of 10% or more, and more than normal variation:
		 * the same exact binomial test as the theme's own change */
		struct jb_change dc;
		jb_change_compute(a->dash_last12[0], a->dash_prev12[0], &dc);
		double pct = dc.ok && dc.significant ? a->dash_pct[0] : 0;
		if (pct >= 10)
			add(k, RULE_DASH_RISE, 1.5 + pct / 20);
		else if (pct <= -10)
			add(k, RULE_DASH_FALL, 1.5 - pct / 20);
	}
	if (borough && f->hot && f->hot->lsoa_ok) {
		const struct jb_hot_area *h = &f->hot->area[a->index];
		if (h->nhot_fdr > 0)
			add(k, RULE_HOTSPOTS, 2.0 + (double)h->nhot_fdr / 5);
		if (f->hot->emg_ok && h->npersistent + h->nintensifying > 0)
			add(k, RULE_PERSISTENT_HOTSPOTS,
			    3.0 + (double)(h->npersistent + h->nintensifying) / 5);
	}
	if (borough && f->context) {
		/* Ranks are worst first: 1 = the worst of the 32. */
		const struct jb_lait_series *ex = f->context->slot[JB_CTX_PERMEX];
		const struct jb_lait_series *fte = f->context->slot[JB_CTX_FTE];
		if (ex && ex->rank[a->index] >= 1 && ex->rank[a->index] <= 3)
			add(k, RULE_EXCLUSIONS_HIGH, 3.2 - 0.1 * ex->rank[a->index]);
		if (fte && fte->rank[a->index] >= 1 && fte->rank[a->index] <= 3)
			add(k, RULE_FTE_HIGH, 3.2 - 0.1 * fte->rank[a->index]);
	}
	if (borough)
		public_rules(f, a->index, k);
	/* Most important first; equal weights keep rule order (insertion sort
	 * is stable). */
	for (size_t i = 1; i < k->n; i++)
		for (size_t j = i; j > 0 && k->weight[j] > k->weight[j - 1]; j--) {
			enum jb_rule r = k->rule[j];
			double w = k->weight[j];
			k->rule[j] = k->rule[j - 1];
			k->weight[j] = k->weight[j - 1];
			k->rule[j - 1] = r;
			k->weight[j - 1] = w;
		}
}

void jb_key_findings(struct jb_findings *f)
{
	for (int a = 0; a <= jb_last_area(f); a++)
		area_rules(f, &f->area[a]);
}

void jb_key_findings_dump(const struct jb_key_findings *k, FILE *out)
{
	fprintf(out, "  key_findings top5_share %.4f", k->top5_share);
	for (size_t i = 0; i < k->n; i++)
		fprintf(out, " %s(%.3f)", jb_rule_names[k->rule[i]], k->weight[i]);
	fputc('\n', out);
}

/* ---- check, and the part (analysis/findings.h) ---- */

/* Each area's rules: known, none twice, most important first, and the
 * bit set saying the same. */
static int keyfindings_check(const struct jb_findings *f, FILE *err)
{
	struct jb_check c = {err, "key findings", 0};
	for (int a = 0; a <= jb_last_area(f); a++) {
		const struct jb_key_findings *k = &f->area[a].key;
		unsigned long seen = 0;
		for (size_t i = 0; i < k->n && i < JB_NRULES; i++) {
			int r = (int)k->rule[i];
			if (r < 0 || r >= JB_NRULES || (seen >> r & 1) ||
			    (i && k->weight[i] > k->weight[i - 1])) {
				jb_check_problem(&c, "%s: rule %zu out of order or twice",
						 f->area[a].name, i);
				break;
			}
			seen |= 1ul << r;
		}
		if (k->n > JB_NRULES || seen != k->holds)
			jb_check_problem(&c, "%s: the rules that hold and their list differ",
					 f->area[a].name);
	}
	return c.n;
}

static void keyfindings_part_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	(void)ds;
	jb_key_findings(f);
}

/* dumped with each area's lines (analysis/areas.c) */
const struct jb_part jb_keyfindings_part = {
	.analyse = keyfindings_part_analyse,
	.check = keyfindings_check,
};
