/* tests/test_trust_data.c - issue 7, the data part: right numbers on the
 * files an analyst downloads, mixed, cut short or spelt another way.
 *
 * Every data directory here is made of real files (sample-data/ and
 * fixtures rewritten from them by the committed scripts in
 * tests/fixtures/trust-data/). Expected numbers come from python
 * one-liners over the original files, quoted beside each assertion, never
 * from jembrief's own output.
 */
#include "support.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/findings.h"
#include "../ingest/dataset.h"
#include "../render/template.h"
#include "../util/xalloc.h"

#define FIX "tests/fixtures/trust-data"
#define HACKNEY 10 /* jb_boroughs[] index of E09000012 */

static struct jb_template *syv; /* the default theme */

static int setup(void **state)
{
	(void)state;
	char err[512];
	syv = jb_template_load("templates/serious-youth-violence.conf", err, sizeof err);
	if (!syv)
		fprintf(stderr, "%s\n", err);
	return syv ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jb_template_free(syv);
	return 0;
}

/* A data directory in a new temporary folder: each pair names a file in
 * the repository (relative to its root) and where it goes below the data
 * directory; the file is linked, not copied. NULL ends the list. */
static char *data_dir(const char *first, ...)
{
	char *dir = jb_tmpdir();
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	va_list ap;
	va_start(ap, first);
	for (const char *from = first; from; from = va_arg(ap, const char *)) {
		const char *to = va_arg(ap, const char *);
		char *path = jb_write_file(dir, to, ""); /* makes the folders */
		unlink(path);
		char *target = xasprintf("%s/%s", cwd, from);
		assert_int_equal(symlink(target, path), 0);
		free(target);
		free(path);
	}
	va_end(ap);
	return dir;
}

static struct jb_findings *analyse(const char *dir, struct jb_dataset **ds, int period)
{
	char *diag = NULL;
	struct jb_load_options lopt = {.quiet = 1, .jobs = 1};
	*ds = jb_load_capture(dir, &lopt, &diag);
	free(diag);
	assert_non_null(*ds);
	assert_int_equal(jb_dataset_check(*ds, stderr), 0);
	struct jb_analysis_options aopt = {.period_end = period};
	struct jb_findings *f = jb_analyse(*ds, &syv->theme, &aopt);
	assert_int_equal(jb_findings_check(f, stderr), 0);
	return f;
}

#define BORO_OLD "sample-data/crime/mps-borough-level-crime-2010-2024.csv.gz"
#define BORO_NEW "sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz"

/* Defect "double counting across releases": the 2010-2024 file rewritten
 * in the original published spelling (MajorText,MinorText,
 * LookUp_BoroughName first; "Violence with Injury" in mixed case; by
 * make-published-borough.py) beside the two shipped borough files. It
 * names the same cells, so it must change nothing. Hackney at 2023-07:
 *
 *   python3 -c "import csv,gzip; r=list(csv.DictReader(gzip.open(
 *     'sample-data/crime/mps-borough-level-crime-2010-2024.csv.gz','rt')));
 *     s=lambda x: x['minortext'] in ('VIOLENCE WITH INJURY','HOMICIDE',
 *     'ROBBERY OF PERSONAL PROPERTY') or x['majortext']=='POSSESSION OF WEAPONS';
 *     w=lambda y0,m0: [f'{(y0*12+m0-1+i)//12}{(y0*12+m0-1+i)%12+1:02d}' for i in range(12)];
 *     print(*(sum(int(x[m]) for x in r if x['boroughname']=='Hackney' and s(x)
 *     for m in w(*a)) for a in ((2022,8),(2021,8))))"
 *   -> 4338 4423
 *
 * Before the fix the mixed-case rows were new categories and Hackney
 * counted 8676 and 8846. */
static void releases_spelt_differently_merge_cell_by_cell(void **state)
{
	(void)state;
	char *dir = data_dir(BORO_OLD, "crime/" "mps-borough-level-crime-2010-2024.csv.gz",
			     BORO_NEW, "crime/" "mps-borough-level-crime-2024-2026.csv.gz",
			     FIX "/published-borough-hackney.csv",
			     "crime/MPS Borough Level Crime (Historical).csv", NULL);
	struct jb_dataset *ds;
	struct jb_findings *f = analyse(dir, &ds, jb_month(2023, 7));
	assert_int_equal(f->period_end, jb_month(2023, 7));
	const struct jb_area_findings *h = &f->area[HACKNEY];
	assert_string_equal(h->code, "E09000012");
	assert_true(h->change.ok);
	assert_close(h->change.a, 4338, 0);
	assert_close(h->change.b, 4423, 0);
	/* one category per identity: the two shipped files have 34 (major,
	 * minor) pairs between them, python: len({(x['majortext'],
	 * x['minortext']) for p in (BORO_OLD, BORO_NEW) for x in
	 * csv.DictReader(gzip.open(p,'rt'))}) */
	assert_int_equal(ds->ncategories, 34);
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(releases_spelt_differently_merge_cell_by_cell),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
