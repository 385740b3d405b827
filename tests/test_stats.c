/* tests/test_stats.c - analysis/stats.c against SciPy/statsmodels.
 *
 * Every expected value comes from tests/reference/stats_reference.h, written
 * by tests/reference/stats_reference.py (scipy.stats.binomtest, Mann-Kendall
 * formulas written out with scipy's kendalltau for tau-b, statsmodels GLM
 * Poisson with scale='X2'). One series is real: Hackney's monthly violence
 * with injury, 2023-03..2026-02, from sample-data/crime. */
#include "support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/stats.h"
#include "reference/stats_reference.h"

#define REL 1e-6
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void binomial_p_matches_scipy(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(ref_binom); i++)
		assert_close(jb_binom_test_half(ref_binom[i].k, ref_binom[i].n),
			     ref_binom[i].p, REL);
	assert_close(jb_binom_test_half(0, 0), 1.0, REL);
	assert_true(isnan(jb_binom_test_half(4, 3)));
}

static void change_matches_reference(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(ref_change); i++) {
		const struct ref_change *r = &ref_change[i];
		struct jb_change c;
		jb_change_compute(r->a, r->b, &c);
		assert_int_equal(c.ok, 1);
		if (isnan(r->pct))
			assert_true(isnan(c.pct));
		else
			assert_close(c.pct, r->pct, REL);
		assert_close(c.p, r->p, REL);
		assert_close(c.wheeler_z, r->wheeler_z, REL);
		assert_int_equal(c.exceptional, r->exceptional);
	}
	struct jb_change c;
	jb_change_compute(0, 0, &c);
	assert_int_equal(c.ok, 0);
	jb_change_compute(NAN, 3, &c);
	assert_int_equal(c.ok, 0);
	jb_change_compute(-1, 3, &c);
	assert_int_equal(c.ok, 0);
}

static void mann_kendall_matches_reference(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(ref_mk); i++) {
		const struct ref_mk *r = &ref_mk[i];
		struct jb_mk mk;
		assert_int_equal(jb_mann_kendall(r->y, r->n, &mk), 0);
		assert_close(mk.s, r->s, REL);
		assert_close(mk.var_s, r->var_s, REL);
		assert_close(mk.z, r->z, REL);
		assert_close(mk.p, r->p, REL);
		assert_close(mk.tau, r->tau, REL);
	}
}

static void mann_kendall_edges(void **state)
{
	(void)state;
	struct jb_mk mk;
	const double two[] = { 1, 2 };
	assert_int_equal(jb_mann_kendall(two, 2, &mk), -1);
	const double nan[] = { 1, NAN, 3, 4 };
	assert_int_equal(jb_mann_kendall(nan, 4, &mk), -1);
	/* Constant: S = 0, variance 0 (every pair tied): z 0, p 1, tau 0. */
	const double flat[] = { 5, 5, 5, 5, 5 };
	assert_int_equal(jb_mann_kendall(flat, 5, &mk), 0);
	assert_true(mk.s == 0 && mk.var_s == 0 && mk.z == 0 && mk.tau == 0);
	assert_close(mk.p, 1.0, REL);
	/* Worked by hand: 1 2 3, S = 3, var = 3*2*11/18 = 11/3,
	 * z = 2/sqrt(11/3), tau = 1. */
	const double up[] = { 1, 2, 3 };
	assert_int_equal(jb_mann_kendall(up, 3, &mk), 0);
	assert_close(mk.s, 3, REL);
	assert_close(mk.var_s, 11.0 / 3, REL);
	assert_close(mk.z, 2 / sqrt(11.0 / 3), REL);
	assert_close(mk.tau, 1, REL);
}

static void trend_matches_statsmodels(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(ref_trend); i++) {
		const struct ref_trend *r = &ref_trend[i];
		struct jb_trend t;
		print_message("series %s\n", r->name);
		assert_int_equal(jb_poisson_trend(r->y, r->n, r->month0, &t), 0);
		assert_int_equal(t.ok, 1);
		assert_int_equal(t.n, r->n);
		assert_int_equal(t.seasonal, r->seasonal);
		assert_close(t.b1, r->b1, REL);
		assert_close(t.se_b1, r->se_b1, REL);
		assert_close(t.annual_pct, r->annual_pct, REL);
		assert_close(t.annual_lo, r->annual_lo, REL);
		assert_close(t.annual_hi, r->annual_hi, REL);
		assert_close(t.p, r->p, REL);
		assert_close(t.phi, r->phi, REL);
		for (size_t k = 0; k < r->n; k++) {
			assert_close(t.fitted[k], r->fitted[k], REL);
			assert_close(t.lower[k], r->lower[k], REL);
			assert_close(t.upper[k], r->upper[k], REL);
			/* residuals cross zero: compare on the scale of 1 */
			assert_true(fabs(t.resid[k] - r->resid[k]) <= REL * fmax(1, fabs(r->resid[k])));
			assert_int_equal(t.exception[k], r->exception[k]);
		}
		assert_int_equal(t.nexceptions, r->nexceptions);
		assert_int_equal(t.mk_ok, 1);
		assert_close(t.mk.z, ref_mk[i].z, REL);
		jb_trend_free(&t);
	}
}

/* The spike series has exactly one exception, in month 7 (the 80). */
static void trend_flags_the_spike(void **state)
{
	(void)state;
	struct jb_trend t;
	assert_int_equal(jb_poisson_trend(y_spike20, N(y_spike20), 4, &t), 0);
	assert_int_equal(t.nexceptions, 1);
	assert_int_equal(t.exception[6], 1);
	jb_trend_free(&t);
}

static void refuse(const double *y, size_t n, int month0, const char *why_has)
{
	struct jb_trend t;
	assert_int_equal(jb_poisson_trend(y, n, month0, &t), -1);
	assert_int_equal(t.ok, 0);
	assert_null(t.fitted);
	print_message("why: %s\n", t.why);
	assert_non_null(strstr(t.why, why_has));
	jb_trend_free(&t);
}

static void trend_refuses_bad_series(void **state)
{
	(void)state;
	double y[36] = { 0 };
	refuse(y, 36, 1, "all 36 months are zero");
	refuse(y_ties12, 5, 1, "only 5 months");
	refuse(y_ties12, 12, 13, "not a calendar month");
	double bad[12];
	memcpy(bad, y_ties12, sizeof bad);
	bad[4] = NAN;
	refuse(bad, 12, 1, "month 5 of 12 is not a number");
	bad[4] = -2;
	refuse(bad, 12, 1, "negative count");
	/* 24 months from April where every August is zero */
	double seas[24];
	for (int k = 0; k < 24; k++)
		seas[k] = k % 12 == 4 ? 0 : 10 + k % 5;
	refuse(seas, 24, 4, "calendar month 8 has no counts");
	/* A single non-zero month at the end: the MLE of b1 is +infinity. */
	double last[10] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 4 };
	refuse(last, 10, 1, "too sparse");
	struct jb_trend t;
	assert_int_equal(jb_poisson_trend(last, 10, 1, &t), -1);
	assert_int_equal(t.mk_ok, 1); /* Mann-Kendall is still given */
	jb_trend_free(&t);
	jb_trend_free(NULL);
}

/* Competition ranks ("1224"), worked by hand: larger first, then smaller
 * first; -0 and 0 are equal; NAN is not ranked. Then 20,000 keys with
 * many ties (a borough's wards), against the definition counted pair by
 * pair: 1 + the number of keys strictly better. */
static void competition_ranks_by_hand_and_by_definition(void **state)
{
	(void)state;
	const double key[] = {3, 1, NAN, 3, 2, -0.0, 0.0};
	const int want_desc[] = {1, 4, 0, 1, 3, 5, 5}, want_asc[] = {5, 3, 0, 5, 4, 1, 1};
	int rank[7];
	assert_int_equal(jb_competition_ranks(key, 7, 1, rank), 6);
	for (int i = 0; i < 7; i++)
		assert_int_equal(rank[i], want_desc[i]);
	assert_int_equal(jb_competition_ranks(key, 7, 0, rank), 6);
	for (int i = 0; i < 7; i++)
		assert_int_equal(rank[i], want_asc[i]);
	assert_int_equal(jb_competition_ranks(key, 0, 1, rank), 0);

	enum { N = 20000 };
	double *k = malloc(N * sizeof *k);
	int *r = malloc(N * sizeof *r);
	unsigned x = 12345;
	for (int i = 0; i < N; i++) {
		x = x * 1103515245u + 12345u;
		k[i] = (x >> 16) % 7 == 0 ? NAN : (double)((x >> 8) % 500);
	}
	for (int desc = 0; desc < 2; desc++) {
		int ranked = jb_competition_ranks(k, N, desc, r), nonan = 0;
		for (int i = 0; i < N; i += 97) { /* every 97th, against all */
			if (isnan(k[i])) {
				assert_int_equal(r[i], 0);
				continue;
			}
			int better = 0;
			for (int j = 0; j < N; j++)
				better += !isnan(k[j]) && (desc ? k[j] > k[i] : k[j] < k[i]);
			assert_int_equal(r[i], better + 1);
		}
		for (int i = 0; i < N; i++)
			nonan += !isnan(k[i]);
		assert_int_equal(ranked, nonan);
	}
	free(k);
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(binomial_p_matches_scipy),
		cmocka_unit_test(change_matches_reference),
		cmocka_unit_test(mann_kendall_matches_reference),
		cmocka_unit_test(mann_kendall_edges),
		cmocka_unit_test(trend_matches_statsmodels),
		cmocka_unit_test(trend_flags_the_spike),
		cmocka_unit_test(trend_refuses_bad_series),
		cmocka_unit_test(competition_ranks_by_hand_and_by_definition),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
