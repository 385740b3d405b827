/* tests/fuzz/fuzz_layout.c - slide layout of findings made from fuzzed
 * numbers. A small dataset is read once from sample-data/ (borough crime,
 * the dashboard, population, the local context folders); each input
 * rewrites its counts and populations, within the ranges ingest/ lets
 * through (ingest/limits.h), and picks the period and the deck. The
 * findings must pass jb_findings_check() and the laid-out deck
 * dl_deck_check(): a finding or a layout the checks reject is a crash. */
#include <stdio.h>
#include <stdlib.h>

#include "../../analysis/findings.h"
#include "../../ingest/dataset.h"
#include "../../ingest/limits.h"
#include "../../render/deck.h"
#include "../../render/display/font.h"
#include "../../template_load.h"
#include "../../util/xalloc.h"
#include "fuzz.h"

static struct jb_dataset *ds;
static struct jb_template *tpl;

static const char *const inputs[] = {
	"crime/mps-borough-level-crime-2024-2026.csv.gz",
	"crime/mps-monthly-crime-dashboard.csv.gz",
	"population/ons-mid2020-single-year-of-age-london.csv",
	"education-youth/dfe-lait-london.csv",
	"education-youth/dfe-lait-dictionary-subset.csv",
	"youth-services/youth-services-illustrative.csv",
	"actions/actions-illustrative.csv",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *dir = fuzz_scratch();
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char *src = xasprintf("sample-data/%s", inputs[i]);
		fuzz_copy(src, dir, inputs[i]);
		free(src);
	}
	jb_diag_set(NULL);
	ds = jb_dataset_load(dir, &(struct jb_load_options){.quiet = 1, .jobs = 1});
	char err[1024], *path = xasprintf("%s/templates/serious-youth-violence.conf", fuzz_root());
	tpl = jb_template_load(path, err, sizeof err);
	free(path);
	if (!ds || !tpl || font_init(NULL, NULL) != 0)
		die("fuzz: cannot set up the layout target (%s)", tpl ? "data or fonts" : err);
	/* fontconfig's configuration is released at exit, as the driver does */
	atexit(font_done);
	return 0;
}

/* The input read as a stream of numbers, from its start again when used
 * up; all zero for an empty input. */
struct feed {
	const uint8_t *p;
	size_t n, at;
};

static uint32_t next(struct feed *f)
{
	uint32_t v = 0;
	for (int k = 0; k < 4 && f->n; k++) {
		v = v << 8 | f->p[f->at];
		f->at = (f->at + 1) % f->n;
	}
	return v;
}

static void rewrite(struct feed *f)
{
	struct jb_crime_table *t = &ds->crime[JB_LEVEL_BOROUGH];
	for (size_t r = 0; r < t->nrows; r++)
		for (int m = 0; m < t->nmonths; m++)
			t->rows[r].counts[m] = (int32_t)(next(f) % (JB_COUNT_MAX + 1u));
	for (size_t r = 0; r < ds->dash.nrows; r++)
		ds->dash.rows[r].count = next(f) % (JB_COUNT_MAX + 1u);
	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		struct jb_population *p = &ds->pop[b];
		if (!p->has)
			continue;
		p->all_ages = next(f) % (JB_POPULATION_MAX + 1u);
		for (int a = 0; a <= JB_MAXAGE; a++)
			p->age[a] = next(f) % (JB_POPULATION_MAX / (JB_MAXAGE + 1) + 1u);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	struct feed f = {data + 2, size - 2, 0};
	rewrite(&f);
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_BOROUGH];
	/* the latest month, or one of the table's */
	int period = data[0] % 4 == 0 ? 0 : t->first_month + data[0] % t->nmonths;
	struct jb_findings *fi = jb_analyse(ds, &tpl->theme,
					    &(struct jb_analysis_options){.period_end = period});
	if (jb_findings_check(fi, stderr) != 0)
		abort();
	int area = data[1] % (JB_NBOROUGHS + 1);
	struct dl_deck *d = deck_build(fi, tpl, area);
	if (dl_deck_check(d, stderr) != 0)
		abort();
	dl_deck_free(d);
	jb_findings_free(fi);
	return 0;
}
