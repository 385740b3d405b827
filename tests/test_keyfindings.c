/* tests/test_keyfindings.c - the key-findings rules (analysis/keyfindings.c)
 * on findings made by hand, so each rule's condition and the order are
 * checked against values worked here. */
#include "support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/findings.h"
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
		cmocka_unit_test(rule_names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
