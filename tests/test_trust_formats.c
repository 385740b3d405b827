/* tests/test_trust_formats.c - the formats analysts download, read as they
 * come (issue 7, formats part; issue 15, unreadable subfolders): where set
 * aside rows are (FILE:LINE in data-quality), files not recognised,
 * data.police.uk outcomes joined by Crime ID, .zip archives read in place,
 * boundaries simplified for drawing.
 *
 * Expected lines and counts come from the python3 one-liners quoted beside
 * each assertion, run over the same files.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ingest/dataset.h"
#include "../util/xalloc.h"

static const struct jb_load_options quiet = {.quiet = 1};

static struct jb_dataset *sample; /* sample-data/, loaded once */

static int setup(void **state)
{
	(void)state;
	jb_diag_set(NULL);
	sample = jb_dataset_load("sample-data", &quiet);
	return sample ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jb_dataset_free(sample);
	return 0;
}

static const struct jb_source *source(const struct jb_dataset *ds, const char *path)
{
	for (size_t i = 0; i < ds->sources.n; i++)
		if (strcmp(ds->sources.v[i]->path, path) == 0)
			return ds->sources.v[i];
	fail_msg("no source %s", path);
	return NULL;
}

static const char *first_at(const struct jb_dataset *ds, const char *path, const char *what)
{
	const struct jb_source *s = source(ds, path);
	for (size_t r = 0; r < s->nreasons; r++)
		if (strcmp(s->reasons[r].what, what) == 0)
			return s->reasons[r].first;
	fail_msg("%s: no reason '%s'", path, what);
	return NULL;
}

/* Rows set aside as out of scope say where the first one is, not just the
 * file (data-quality.csv first_at used to hold only the path). */
static void set_aside_rows_have_a_line(void **state)
{
	(void)state;
	/* python3 -c "import csv; r=list(csv.reader(open('sample-data/crime/
	 *   police-uk-street/2017-01/2017-01-city-of-london-street.csv')));
	 *   print(next(i+1 for i,x in enumerate(r) if i and x[4]==x[5]==''))"
	 * -> 481 */
	assert_string_equal(first_at(sample, "crime/police-uk-street/2017-01/"
					     "2017-01-city-of-london-street.csv",
				     "no coordinates"),
			    "crime/police-uk-street/2017-01/2017-01-city-of-london-street.csv:481");
	/* England (E92000001) is the first data row, line 2 */
	assert_string_equal(first_at(sample, "population/ons-mid2020-single-year-of-age-london.csv",
				     "not London or one of the 32 boroughs"),
			    "population/ons-mid2020-single-year-of-age-london.csv:2");
	/* python3 -c "import json; g=json.load(open('sample-data/boundaries/
	 *   london-boroughs-2022-gen20.geojson')); print([i+1 for i,f in
	 *   enumerate(g['features']) if f['properties']['LAD22CD']=='E09000001'])"
	 * -> [7]: features are numbered as the geometry messages number them */
	assert_string_equal(first_at(sample, "boundaries/london-boroughs-2022-gen20.geojson",
				     "City of London (not one of the 32 boroughs)"),
			    "boundaries/london-boroughs-2022-gen20.geojson:7");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(set_aside_rows_have_a_line),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
