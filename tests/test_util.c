/* tests/test_util.c - the shared helpers in util/. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"

static void strmap_holds_many_keys(void **state)
{
	(void)state;
	struct strmap *m = strmap_new();
	char key[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "E01%06d", i);
		strmap_put(m, key, i);
	}
	assert_int_equal(strmap_count(m), 5000);
	assert_int_equal(strmap_get(m, "E01000000"), 0);
	assert_int_equal(strmap_get(m, "E01004999"), 4999);
	assert_int_equal(strmap_get(m, "E01005000"), -1);
	strmap_put(m, "E01000007", 42);
	assert_int_equal(strmap_get(m, "E01000007"), 42);
	assert_int_equal(strmap_count(m), 5000);
	strmap_free(m);
	strmap_free(NULL);
}

static void xgrow_doubles_capacity(void **state)
{
	(void)state;
	size_t cap = 0;
	int *v = NULL;
	for (size_t i = 0; i < 100; i++) {
		v = xgrow(v, &cap, i + 1, sizeof *v);
		v[i] = (int)i;
	}
	assert_true(cap >= 100);
	assert_int_equal(v[99], 99);
	free(v);
	char *s = xasprintf("%s-%d", "ab", 7);
	assert_string_equal(s, "ab-7");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strmap_holds_many_keys),
		cmocka_unit_test(xgrow_doubles_capacity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
