/* tests/test_keyfindings.c - the key-findings rules (analysis/keyfindings.c)
 * on findings made by hand, so each rule's condition and the order are
 * checked against values worked here. */
#include "support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/context.h"
#include "../analysis/findings.h"
#include "../analysis/hotspots.h"
#include "../analysis/spatial.h"
#include "../util/xalloc.h"

static struct jb_findings *made(void)
{
	static struct jb_theme theme = {.id = "t", .title = "T"};
	struct jb_findings *f = xcalloc(1, sizeof *f);
	f->theme = &theme;
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		f->area[a].index = a;
		f->area[a].rate = NAN;
		for (int k = 0; k < 5; k++)
			f->area[a].top_lsoa[k] = -1;
	}
	f->area[JB_LONDON].rate = 10;
	return f;
}

static int has(const struct jb_key_findings *k, enum jb_rule r)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->rule[i] == r)
			return (int)i + 1;
	return 0;
}

static void significant_fall_ranked_first(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	struct jb_area_findings *a = &f->area[3];
	/* 800 vs 1,000: binomial p far below 0.05; Wheeler's Z =
	 * 2 (sqrt 800 - sqrt 1000) = -6.677, exceptional. */
	jb_change_compute(800, 1000, &a->change);
	a->fall_rank = 1;
	a->rate = 25; /* 2.5 x London */
	a->rate_rank = 2;
	jb_key_findings(f);
	const struct jb_key_findings *k = &a->key;
	assert_int_equal(has(k, RULE_CHANGE_SIGNIFICANT), 1); /* weight |Z| + 1 = 7.68 */
	assert_int_equal(has(k, RULE_CHANGE_EXCEPTIONAL), 2);  /* |Z| + 0.5 */
	assert_true(has(k, RULE_FALL_RANK));
	assert_true(has(k, RULE_RATE_HIGH));
	assert_false(has(k, RULE_RATE_ABOVE_LONDON)); /* said once, as rate-high */
	assert_false(has(k, RULE_CHANGE_NOT_SIGNIFICANT));
	assert_false(has(k, RULE_RISE_RANK));
	assert_close(k->weight[0], 2 * (sqrt(1000) - sqrt(800)) + 1, 1e-12);
	for (size_t i = 1; i < k->n; i++)
		assert_true(k->weight[i] <= k->weight[i - 1]);
	free(f);
}

static void small_change_is_not_significant(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	struct jb_area_findings *a = &f->area[0];
	/* 1,010 vs 1,000: p = 0.83, Z = 0.31 */
	jb_change_compute(1010, 1000, &a->change);
	a->rise_rank = 12;
	a->rate = 8; /* below London's 10, rank 20: neither high nor low */
	a->rate_rank = 20;
	jb_key_findings(f);
	const struct jb_key_findings *k = &a->key;
	assert_true(has(k, RULE_CHANGE_NOT_SIGNIFICANT));
	assert_false(has(k, RULE_CHANGE_SIGNIFICANT));
	assert_false(has(k, RULE_CHANGE_EXCEPTIONAL));
	assert_false(has(k, RULE_RISE_RANK)); /* 12th is not among the 5 largest */
	assert_true(has(k, RULE_RATE_BELOW_LONDON));
	assert_true(isnan(k->top5_share)); /* no LSOA data */
	assert_false(has(k, RULE_CONCENTRATED));
	/* London itself is never ranked against the boroughs */
	assert_false(has(&f->area[JB_LONDON].key, RULE_RATE_HIGH));
	free(f);
}

/* ---- trend-significant, trend-flat, trend-exceptions ---- */

/* A fitted trend as jb_poisson_trend() leaves it: b1 and its standard
 * error per month, the annual change 100 (exp(12 b) - 1) at b1 and at
 * b1 -/+ 1.96 se, significant when that interval excludes 0. */
static void trend(struct jb_trend *t, double b1, double se, size_t nexceptions)
{
	memset(t, 0, sizeof *t);
	t->ok = 1;
	t->n = 36;
	t->b1 = b1;
	t->se_b1 = se;
	t->annual_pct = 100 * (exp(12 * b1) - 1);
	t->annual_lo = 100 * (exp(12 * (b1 - 1.96 * se)) - 1);
	t->annual_hi = 100 * (exp(12 * (b1 + 1.96 * se)) - 1);
	t->significant = t->annual_lo > 0 || t->annual_hi < 0;
	t->nexceptions = nexceptions;
}

static void trend_rules(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	/* b1 = -0.01, se 0.002: annual -11.31%, 95% interval exp(12 (-0.01
	 * -/+ 0.00392)) - 1 = -15.38% .. -7.04%, which excludes 0:
	 * trend-significant, weight |b1 / se| = 5. Two months outside the
	 * range: trend-exceptions, weight 2 + 2 = 4. */
	struct jb_area_findings *a = &f->area[4];
	trend(&a->trend, -0.01, 0.002, 2);
	/* b1 = -0.001, se 0.002: annual -1.19%, interval -5.73% .. +3.57%,
	 * which holds 0: trend-flat (weight 0.4); no month outside. */
	struct jb_area_findings *b = &f->area[5];
	trend(&b->trend, -0.001, 0.002, 0);
	/* no trend fitted (too few months): no trend rule at all */
	struct jb_area_findings *c = &f->area[6];
	c->trend.ok = 0;
	c->trend.nexceptions = 3; /* never read without a fit */
	jb_key_findings(f);
	assert_true(a->trend.significant);
	assert_true(has(&a->key, RULE_TREND_SIGNIFICANT));
	assert_false(has(&a->key, RULE_TREND_FLAT));
	assert_true(has(&a->key, RULE_TREND_EXCEPTIONS));
	/* most important first: 5 (significant), then 4 (exceptions) */
	assert_int_equal(a->key.n, 2);
	assert_int_equal(a->key.rule[0], RULE_TREND_SIGNIFICANT);
	assert_close(a->key.weight[0], 5.0, 1e-12);
	assert_int_equal(a->key.rule[1], RULE_TREND_EXCEPTIONS);
	assert_close(a->key.weight[1], 4.0, 1e-12);

	assert_false(b->trend.significant);
	assert_true(has(&b->key, RULE_TREND_FLAT));
	assert_close(b->key.weight[has(&b->key, RULE_TREND_FLAT) - 1], 0.4, 1e-12);
	assert_false(has(&b->key, RULE_TREND_SIGNIFICANT));
	assert_false(has(&b->key, RULE_TREND_EXCEPTIONS));

	assert_false(c->key.holds & ((1ul << RULE_TREND_SIGNIFICANT) | (1ul << RULE_TREND_FLAT) |
				     (1ul << RULE_TREND_EXCEPTIONS)));
	free(f);
}

/* ---- rate-low ---- */

static void rate_low_is_the_bottom_five(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	/* ranks run 1 (highest rate) .. 32: the bottom five are 28..32 */
	struct jb_area_findings *low = &f->area[7], *above = &f->area[8];
	low->rate_rank = 28; /* 32 - 4: the highest of the bottom five */
	low->rate = 4;
	above->rate_rank = 27; /* one above the bottom five */
	above->rate = 5;       /* half London's 10 */
	f->area[9].rate_rank = 32; /* the lowest of all, and no rate to compare */
	jb_key_findings(f);
	assert_true(has(&low->key, RULE_RATE_LOW));
	assert_close(low->key.weight[has(&low->key, RULE_RATE_LOW) - 1], 2.5, 1e-12);
	/* said once: not "below London" too */
	assert_false(has(&low->key, RULE_RATE_BELOW_LONDON));
	assert_false(has(&low->key, RULE_RATE_HIGH));
	/* rank 27 is not low; below London instead: ratio 5 / 10 = 0.5,
	 * weight 1 + 1 / 0.5 - 0.5 = 2.5 */
	assert_false(has(&above->key, RULE_RATE_LOW));
	assert_true(has(&above->key, RULE_RATE_BELOW_LONDON));
	assert_close(above->key.weight[has(&above->key, RULE_RATE_BELOW_LONDON) - 1], 2.5, 1e-12);
	assert_true(has(&f->area[9].key, RULE_RATE_LOW));
	/* unranked (rank 0) is neither high nor low; London is never ranked */
	assert_false(has(&f->area[10].key, RULE_RATE_LOW));
	f->area[JB_LONDON].rate_rank = 30;
	jb_key_findings(f);
	assert_false(has(&f->area[JB_LONDON].key, RULE_RATE_LOW));
	free(f);
}

/* ---- dashboard-rise, dashboard-fall ---- */

/* The first dashboard measure of area: last and previous 12 months, and
 * the % change as analysis/findings.c derives it. */
static void dash(struct jb_area_findings *a, double last, double prev)
{
	a->dash_last12[0] = last;
	a->dash_prev12[0] = prev;
	a->dash_pct[0] = prev > 0 ? 100 * (last - prev) / prev : NAN;
}

static void dashboard_rules(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	static char *subtypes[] = {"Knife Crime"};
	struct jb_theme theme = *f->theme;
	theme.dash_subtypes = subtypes;
	theme.ndash = 1;
	f->theme = &theme;
	/* exact binomial p (two-sided, p = 1/2), by hand as
	 * 2 * sum(comb(n, i) for i in range(min(a, b) + 1)) / 2**n:
	 *   150 vs 100: +50%,   p = 0.00188 -> rise, weight 1.5 + 50 / 20 = 4
	 *   100 vs 150: -33.3%, p = 0.00188 -> fall, weight 1.5 + 33.3 / 20 = 3.1667
	 *   15 vs 10:   +50%,   p = 0.424   -> not more than normal variation
	 *   10800 vs 10000: +8%, p = 3.0e-8 -> significant, but under 10%
	 *   118 vs 100: +18%,   p = 0.250   -> no
	 *   40 vs 0:    no % change (nothing before) -> no */
	dash(&f->area[0], 150, 100);
	dash(&f->area[1], 100, 150);
	dash(&f->area[2], 15, 10);
	dash(&f->area[3], 10800, 10000);
	dash(&f->area[4], 118, 100);
	dash(&f->area[5], 40, 0);
	jb_key_findings(f);
	const struct jb_key_findings *k = &f->area[0].key;
	assert_true(has(k, RULE_DASH_RISE));
	assert_false(has(k, RULE_DASH_FALL));
	assert_close(k->weight[has(k, RULE_DASH_RISE) - 1], 4.0, 1e-12);
	k = &f->area[1].key;
	assert_true(has(k, RULE_DASH_FALL));
	assert_false(has(k, RULE_DASH_RISE));
	assert_close(k->weight[has(k, RULE_DASH_FALL) - 1], 1.5 + 100.0 / 3 / 20, 1e-12);
	for (int b = 2; b <= 5; b++)
		assert_false(f->area[b].key.holds &
			     ((1ul << RULE_DASH_RISE) | (1ul << RULE_DASH_FALL)));
	/* a theme with no dashboard measure: no dashboard rule, whatever
	 * the figures say */
	theme.ndash = 0;
	jb_key_findings(f);
	assert_false(has(&f->area[0].key, RULE_DASH_RISE));
	assert_false(has(&f->area[1].key, RULE_DASH_FALL));
	free(f);
}

/* ---- hotspots, persistent-hotspots ---- */

static void hotspot_rules(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	struct jb_hotspots *hot = xcalloc(1, sizeof *hot);
	f->hot = hot;
	hot->lsoa_ok = hot->emg_ok = 1;
	/* 3 LSOAs hot after FDR (class >= 2, 95% or 99%): hotspots, weight
	 * 2 + 3 / 5 = 2.6; 2 persistent and 1 intensifying: persistent-
	 * hotspots, weight 3 + 3 / 5 = 3.6, so it comes first. */
	hot->area[0].nhot = hot->area[0].nhot_fdr = 3;
	hot->area[0].npersistent = 2;
	hot->area[0].nintensifying = 1;
	/* hot at 90% only (class 1: not significant after FDR), and
	 * diminishing, sporadic or persistent cold ones only: neither rule */
	hot->area[1].nhot = 4;
	hot->area[1].nhot_fdr = 0;
	hot->area[1].nemg[JB_EMG_DIMINISHING_HOT] = 2;
	hot->area[1].nemg[JB_EMG_SPORADIC_HOT] = 1;
	hot->area[1].nemg[JB_EMG_PERSISTENT_COLD] = 5;
	/* intensifying alone is enough */
	hot->area[2].nintensifying = 1;
	jb_key_findings(f);
	const struct jb_key_findings *k = &f->area[0].key;
	assert_int_equal(has(k, RULE_PERSISTENT_HOTSPOTS), 1);
	assert_close(k->weight[0], 3.6, 1e-12);
	assert_int_equal(has(k, RULE_HOTSPOTS), 2);
	assert_close(k->weight[1], 2.6, 1e-12);
	assert_false(f->area[1].key.holds &
		     ((1ul << RULE_HOTSPOTS) | (1ul << RULE_PERSISTENT_HOTSPOTS)));
	assert_true(has(&f->area[2].key, RULE_PERSISTENT_HOTSPOTS));
	assert_false(has(&f->area[2].key, RULE_HOTSPOTS));
	/* no emerging analysis (fewer than 24 months of LSOA data): the
	 * persistence rule cannot hold, the 12-month map's still can */
	hot->emg_ok = 0;
	jb_key_findings(f);
	assert_true(has(&f->area[0].key, RULE_HOTSPOTS));
	assert_false(has(&f->area[0].key, RULE_PERSISTENT_HOTSPOTS));
	/* no LSOA map at all: neither */
	hot->lsoa_ok = 0;
	hot->emg_ok = 1;
	jb_key_findings(f);
	assert_false(f->area[0].key.holds &
		     ((1ul << RULE_HOTSPOTS) | (1ul << RULE_PERSISTENT_HOTSPOTS)));
	free(hot);
	free(f);
}

/* ---- exclusions-high, first-time-entrants-high ---- */

static void exclusions_and_first_time_entrants(void **state)
{
	(void)state;
	struct jb_findings *f = made();
	/* ranks among the 32, worst first (1 = the most permanent
	 * exclusions); 0 = no value */
	struct jb_lait_series ex = {.code = "TotPermEx"}, fte = {.code = "FirstYJS"};
	ex.rank[0] = 1;  /* exclusions-high, weight 3.2 - 0.1 = 3.1 */
	ex.rank[1] = 3;  /* exclusions-high, weight 3.2 - 0.3 = 2.9 */
	ex.rank[2] = 4;  /* fourth worst: not among the three */
	ex.rank[3] = 0;  /* no value */
	fte.rank[1] = 2; /* first-time-entrants-high, 3.0 */
	fte.rank[2] = 3; /* 2.9 */
	fte.rank[0] = 4; /* no */
	struct jb_context ctx = {0};
	ctx.slot[JB_CTX_PERMEX] = &ex;
	ctx.slot[JB_CTX_FTE] = &fte;
	f->context = &ctx;
	jb_key_findings(f);
	const struct jb_key_findings *k0 = &f->area[0].key, *k1 = &f->area[1].key;
	const struct jb_key_findings *k2 = &f->area[2].key, *k3 = &f->area[3].key;
	assert_close(k0->weight[has(k0, RULE_EXCLUSIONS_HIGH) - 1], 3.1, 1e-12);
	assert_false(has(k0, RULE_FTE_HIGH));
	assert_close(k1->weight[has(k1, RULE_EXCLUSIONS_HIGH) - 1], 2.9, 1e-12);
	assert_close(k1->weight[has(k1, RULE_FTE_HIGH) - 1], 3.0, 1e-12);
	assert_false(has(k2, RULE_EXCLUSIONS_HIGH));
	assert_close(k2->weight[has(k2, RULE_FTE_HIGH) - 1], 2.9, 1e-12);
	assert_false(k3->holds & ((1ul << RULE_EXCLUSIONS_HIGH) | (1ul << RULE_FTE_HIGH)));
	/* indicators not supplied (slot NULL): neither rule */
	ctx.slot[JB_CTX_PERMEX] = ctx.slot[JB_CTX_FTE] = NULL;
	jb_key_findings(f);
	assert_false(f->area[0].key.holds & ((1ul << RULE_EXCLUSIONS_HIGH) | (1ul << RULE_FTE_HIGH)));
	assert_false(f->area[1].key.holds & ((1ul << RULE_EXCLUSIONS_HIGH) | (1ul << RULE_FTE_HIGH)));
	free(f);
}

static void rule_names_round_trip(void **state)
{
	(void)state;
	for (int r = 0; r < JB_NRULES; r++) {
		assert_non_null(jb_rule_names[r]);
		assert_int_equal(jb_rule_by_name(jb_rule_names[r]), r);
	}
	assert_int_equal(jb_rule_by_name("no-such-rule"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(significant_fall_ranked_first),
		cmocka_unit_test(small_change_is_not_significant),
		cmocka_unit_test(trend_rules),
		cmocka_unit_test(rate_low_is_the_bottom_five),
		cmocka_unit_test(dashboard_rules),
		cmocka_unit_test(hotspot_rules),
		cmocka_unit_test(exclusions_and_first_time_entrants),
		cmocka_unit_test(rule_names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
