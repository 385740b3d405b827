/* tests/test_confidence.c - public confidence (the MOPAC Public Attitudes
 * Survey) and homicide victims: the two readers on the shipped files and
 * on broken fixtures with each published quirk, the analysis against the
 * independent Python reference (tests/reference/public_reference.py, run
 * over the same files; its output is public_reference.h), and the slides
 * by their text. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/confidence.h"
#include "../analysis/homicide.h"
#include "../ingest/dataset.h"
#include "../util/xalloc.h"
#include "reference/public_reference.h"
#include "support.h"

#define PERIOD (2026 * 12 + 1) /* February 2026 */

static const char PAS[] = "sample-data/confidence/mopac-pas-borough-2014-2023.csv.gz";
static const char HOM[] = "sample-data/crime/mps-homicide-victims-2003-2023.csv.gz";
static const char POP[] = "sample-data/population/ons-mid2020-single-year-of-age-london.csv";

/* A data directory holding the given sample files (linked), as rel paths. */
static char *data_dir(const char *const *files, const char *const *as, size_t n)
{
	char *dir = jb_tmpdir();
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	for (size_t i = 0; i < n; i++) {
		char *p = jb_write_file(dir, as[i], "");
		unlink(p);
		char *from = xasprintf("%s/%s", cwd, files[i]);
		assert_int_equal(symlink(from, p), 0);
		free(from);
		free(p);
	}
	return dir;
}

static struct jb_dataset *load(const char *dir, char **diag)
{
	struct jb_load_options o = {.quiet = 1, .jobs = 1};
	struct jb_dataset *ds = jb_load_capture(dir, &o, diag);
	assert_non_null(ds);
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	return ds;
}

static struct jb_dataset *shipped(char **dir)
{
	const char *files[] = {PAS, HOM, POP};
	const char *as[] = {"confidence/pas.csv.gz", "crime/homicide.csv.gz", "population/pop.csv"};
	*dir = data_dir(files, as, 3);
	char *diag = NULL;
	struct jb_dataset *ds = load(*dir, &diag);
	free(diag);
	return ds;
}

/* ---- readers on the shipped files ---- */

static void pas_shipped(void **state)
{
	(void)state;
	char *dir;
	struct jb_dataset *ds = shipped(&dir);
	const struct jb_source *s = jb_source_named(ds, "confidence/pas.csv.gz");
	assert_int_equal(s->rows, 9312);
	assert_int_equal(s->kept, 9312);
	assert_int_equal(s->set_aside, 0);
	assert_true(ds->has_pas);
	assert_int_equal(ds->pas.nmeasures, REF_NMEASURES);
	for (int m = 0; m < REF_NMEASURES; m++)
		assert_string_equal(ds->pas.measures[m], ref_measure[m]);
	/* the file's first row: 31/12/2014, Barking and Dagenham, "0,56", MPS "0,67" */
	int bd = jb_borough_by_name("Barking and Dagenham"), found = 0;
	for (size_t i = 0; i < ds->pas.nvals; i++) {
		const struct jb_pas_value *v = &ds->pas.vals[i];
		if (v->measure == 0 && v->month == jb_month(2014, 12)) {
			if (v->area == bd)
				assert_close(v->v, 0.56, 1e-12), found++;
			if (v->area == JB_LONDON)
				assert_close(v->v, 0.67, 1e-12), found++;
		}
	}
	assert_int_equal(found, 2);
	/* Westminster ("City of Westminster") and Richmond (both spellings):
	 * 37 quarters x 7 measures + 32 of Trust MPS each */
	int n[JB_NBOROUGHS] = {0};
	for (size_t i = 0; i < ds->pas.nvals; i++)
		if (ds->pas.vals[i].area < JB_NBOROUGHS)
			n[ds->pas.vals[i].area]++;
	assert_int_equal(n[jb_borough_by_name("Westminster")], 291);
	assert_int_equal(n[jb_borough_by_name("Richmond upon Thames")], 291);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

static void homicide_shipped(void **state)
{
	(void)state;
	char *dir;
	struct jb_dataset *ds = shipped(&dir);
	const struct jb_source *s = jb_source_named(ds, "crime/homicide.csv.gz");
	assert_string_equal(s->kind, "MPS homicide victims");
	assert_int_equal(s->rows, 2912);
	assert_int_equal(s->kept, 2912 - REF_HEATHROW);
	assert_int_equal(jb_reason_count(s, "outside the 32 boroughs: Heathrow"), REF_HEATHROW);
	assert_int_equal(ds->homicide.first_month, jb_month(2003, 1));
	assert_int_equal(ds->homicide.last_month, jb_month(2023, 12));
	/* "Brent " (trailing space) is Brent: 147 + 1 rows */
	int brent = jb_borough_by_name("Brent"), nb = 0;
	for (size_t i = 0; i < ds->homicide.nrows; i++)
		nb += ds->homicide.rows[i].borough == brent;
	assert_int_equal(nb, 148);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* ---- readers on broken fixtures ---- */

static void pas_quirks(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	free(jb_write_file(dir, "confidence/pas.csv",
		"Date,Survey,Borough,Measure,Proportion,MPS,,,,\n"
		"31/12/2014,PAS,Barking and Dagenham,\"\"\"Good Job\"\" local\",\"0,56\",\"0,67\",,,,\n"
		"31/12/2014,PAS,City of Westminster,\"\"\"Good Job\"\" local\",\"0,50\",\"0,67\",,,,\n"
		"31/12/2014,PAS,Richmond Upon Thames,\"\"\"Good Job\"\" local\",\"0,70\",\"0,67\",,,,\n"
		"31/3/2015,PAS,Richmond upon Thames,\"\"\"Good Job\"\" local\",\"0,71\",\"0,66\",,,,\n"
		"31/13/2015,PAS,Barnet,\"\"\"Good Job\"\" local\",\"0,60\",\"0,66\",,,,\n"
		"31/3/2015,PAS,Barnet,\"\"\"Good Job\"\" local\",\"1,60\",\"0,66\",,,,\n"
		"31/3/2015,PAS,Barnet,\"\"\"Good Job\"\" local\",\"0,60\",\"0,65\",,,,\n"
		"31/3/2015,PAS,,\"\"\"Good Job\"\" local\",\"0,60\",\"0,66\",,,,\n"
		"31/3/2015,PAS,City of London,\"\"\"Good Job\"\" local\",\"0,60\",\"0,66\",,,,\n"
		"31/3/2015,PAS,Barnet,\"\"\"Good Job\"\" local\",\"0,60\"\n"
		"2015-03-31,PAS,Barnet,Trust MPS,0.61,61%,,,,\n"));
	char *diag = NULL;
	struct jb_dataset *ds = load(dir, &diag);
	const struct jb_source *s = jb_source_named(ds, "confidence/pas.csv");
	assert_int_equal(s->rows, 11);
	assert_int_equal(s->kept, 5);
	assert_int_equal(s->set_aside, 6);
	jb_expect_in(diag, "confidence/pas.csv:6: column 'Date': not a date (d/m/yyyy) (31/13/2015)",
		     "bad date");
	jb_expect_in(diag, "confidence/pas.csv:7: column 'Proportion': not a proportion from 0 to 1 (1,60)",
		     "out of range");
	jb_expect_in(diag, "confidence/pas.csv:8: column 'MPS': London figure differs from the "
			   "quarter's earlier rows", "London differs");
	jb_expect_in(diag, "confidence/pas.csv:9: column 'Borough': empty", "empty borough");
	jb_expect_in(diag, "confidence/pas.csv:11: wrong number of fields", "ragged");
	assert_int_equal(jb_reason_count(s, "outside the 32 boroughs"), 1);
	assert_int_equal(ds->pas.nmeasures, 2);
	assert_string_equal(ds->pas.measures[0], "\"Good Job\" local");
	int w = jb_borough_by_name("Westminster"), r = jb_borough_by_name("Richmond upon Thames");
	int seen = 0;
	for (size_t i = 0; i < ds->pas.nvals; i++) {
		const struct jb_pas_value *v = &ds->pas.vals[i];
		if (v->area == w)
			assert_close(v->v, 0.50, 1e-12), seen |= 1;
		if (v->area == r && v->month == jb_month(2015, 3))
			assert_close(v->v, 0.71, 1e-12), seen |= 2;
		if (v->measure == 1 && v->area == JB_LONDON)
			assert_close(v->v, 0.61, 1e-12), seen |= 4;
	}
	assert_int_equal(seen, 7);
	free(diag);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

static void homicide_quirks(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	const char *head = "Count of Victims,Age Group,Sex,Method of Killing,Domestic Abuse,"
			   "Recorded Date,Homicide Offence Type,Solved Status,Borough,"
			   "Officer Observed Ethnicity\n";
	char *text = xasprintf(
		"%s"
		"1,13 to19,Male,Knife or Sharp Implement,No,Jan-03,Murder,Solved,Barking & Dagenham ,White\n"
		"2,20 to 24,Male,Shooting,No,Feb-03,Murder,Solved,Kensington & Chelsea,Black\n"
		"1,65 and over,Female,Blunt Implement,No,Mar-03,Murder,Solved,Kingston Upon Thames,White\n"
		"1,25 to 34,Male,Shooting,No,Foo-03,Murder,Solved,Brent,Black\n"
		"x,25 to 34,Male,Shooting,No,Apr-03,Murder,Solved,Brent,Black\n"
		"1,13 to,Male,Shooting,No,Apr-03,Murder,Solved,Brent,Black\n"
		"1,25 to 34,Male,Shooting,No,Apr-03,Murder,Solved,Heathrow ,Black\n"
		"1,Not known,Male,Knife or Sharp Implement,No,Dec-04,Murder,Solved,Brent ,Black\n"
		"1,25 to 34,Male,Shooting,No,Apr-03,Murder,Solved,,Black\n",
		head);
	free(jb_write_file(dir, "crime/homicide.csv", text));
	free(text);
	char *diag = NULL;
	struct jb_dataset *ds = load(dir, &diag);
	const struct jb_source *s = jb_source_named(ds, "crime/homicide.csv");
	assert_int_equal(s->rows, 9);
	assert_int_equal(s->kept, 4);
	jb_expect_in(diag, "crime/homicide.csv:5: column 'Recorded Date': not a month (Mon-YY) (Foo-03)",
		     "bad month");
	jb_expect_in(diag, "crime/homicide.csv:6: column 'Count of Victims': not a whole number >= 0 (x)",
		     "bad count");
	jb_expect_in(diag, "crime/homicide.csv:7: column 'Age Group': not an age group (13 to)",
		     "bad age group");
	jb_expect_in(diag, "crime/homicide.csv:10: column 'Borough': empty", "empty borough");
	assert_int_equal(jb_reason_count(s, "outside the 32 boroughs: Heathrow"), 1);
	const struct jb_homicide *r = ds->homicide.rows;
	assert_int_equal(r[0].borough, jb_borough_by_name("Barking and Dagenham"));
	assert_int_equal(r[0].month, jb_month(2003, 1));
	assert_int_equal(r[0].age_lo, 13);
	assert_int_equal(r[0].age_hi, 19);
	assert_close(r[1].victims, 2, 0);
	assert_int_equal(r[1].borough, jb_borough_by_name("Kensington and Chelsea"));
	assert_int_equal(r[2].age_lo, 65);
	assert_int_equal(r[2].age_hi, JB_MAXAGE);
	assert_int_equal(r[3].age_lo, -1);
	assert_int_equal(r[3].borough, jb_borough_by_name("Brent"));

	/* 2003 and 2004 are complete years; 13-24 holds the first two rows */
	struct jb_homicide_findings *h = jb_homicide_analyse(ds, 0);
	assert_true(h->ok);
	assert_int_equal(h->first_year, 2003);
	assert_int_equal(h->last_year, 2004);
	assert_close(h->area[JB_LONDON].per_year[JB_HOM_ALL][0], 4, 0);
	assert_close(h->area[JB_LONDON].per_year[JB_HOM_YOUTH][0], 3, 0);
	assert_close(h->area[JB_LONDON].per_year[JB_HOM_KNIFE][0], 1, 0);
	assert_close(h->area[JB_LONDON].per_year[JB_HOM_KNIFE][1], 1, 0);
	assert_false(h->area[JB_LONDON].cmp[JB_HOM_ALL].ok); /* fewer than 6 years */
	jb_homicide_free(h);
	free(diag);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* ---- the analysis against the reference ---- */

static void confidence_reference(void **state)
{
	(void)state;
	char *dir;
	struct jb_dataset *ds = shipped(&dir);
	struct jb_confidence *c = jb_confidence_analyse(ds, PERIOD);
	assert_int_equal(jb_confidence_check(c, stderr), 0);
	assert_true(c->ok);
	assert_true(c->older);
	assert_int_equal(c->nm, REF_NMEASURES);
	assert_int_equal(c->good_job, 0);
	assert_int_equal(c->latest_month, ref_used_month[0]);
	for (int m = 0; m < REF_NMEASURES; m++) {
		const struct jb_conf_measure *cm = &c->m[m];
		assert_int_equal(cm->month[cm->latest], ref_used_month[m]);
		assert_close(cm->value[JB_LONDON], ref_london[m], 1e-9);
		assert_close(cm->change[JB_LONDON], ref_london_change[m], 1e-9);
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			const struct ref_conf *r = &ref_conf[b];
			assert_string_equal(jb_boroughs[b].slug, r->slug);
			assert_close(cm->value[b], r->value[m], 1e-9);
			assert_close(cm->change[b], r->change[m], 1e-9);
			assert_int_equal(cm->rank[b], r->rank[m]);
			assert_int_equal(cm->below_run[b], r->run[m]);
			assert_int_equal(cm->below_run_end[b], r->run_end[m]);
			assert_int_equal(cm->below_now[b], r->now[m]);
		}
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		assert_int_equal(c->area[b].headline, ref_conf[b].headline);
		assert_close(c->area[b].gap, ref_conf[b].gap, 1e-9);
	}
	jb_confidence_free(c);

	/* a period at a quarter's end: that quarter, not older; a month later,
	 * the same quarter, older than the period */
	c = jb_confidence_analyse(ds, jb_month(2019, 6));
	assert_int_equal(c->latest_month, jb_month(2019, 6));
	assert_false(c->older);
	jb_confidence_free(c);
	c = jb_confidence_analyse(ds, jb_month(2019, 7));
	assert_int_equal(c->latest_month, jb_month(2019, 6));
	assert_true(c->older);
	jb_confidence_free(c);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

static void homicide_reference(void **state)
{
	(void)state;
	char *dir;
	struct jb_dataset *ds = shipped(&dir);
	struct jb_homicide_findings *h = jb_homicide_analyse(ds, PERIOD);
	assert_int_equal(jb_homicide_check(h, stderr), 0);
	assert_true(h->ok);
	assert_true(h->before_period);
	assert_int_equal(h->first_year, REF_HOM_FIRST);
	assert_int_equal(h->last_year, REF_HOM_LAST);
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const struct ref_hom *r = &ref_hom[a];
		const struct jb_hom_area *ha = &h->area[a];
		if (a < JB_NBOROUGHS)
			assert_string_equal(jb_boroughs[a].slug, r->slug);
		for (int m = 0; m < JB_HOM_NMEASURES; m++) {
			for (int y = 0; y < h->nyears; y++)
				assert_close(ha->per_year[m][y], r->per_year[m][y], 0);
			for (int w = 0; w < JB_HOM_NWINDOWS; w++) {
				assert_close(ha->total[m][w], r->total[m][w], 0);
				assert_close(ha->rate[m][w], r->rate[m][w], 1e-9);
				assert_int_equal(ha->rank[m][w], r->rank[m][w]);
			}
		}
		const struct jb_hom_compare *ca = &ha->cmp[JB_HOM_ALL], *cy = &ha->cmp[JB_HOM_YOUTH];
		assert_close(ca->a, r->cmp_a, 0);
		assert_close(ca->b, r->cmp_b, 0);
		assert_close(cy->a, r->youth_a, 0);
		assert_close(cy->b, r->youth_b, 0);
		assert_int_equal(ca->too_small, isnan(r->cmp_p));
		assert_int_equal(cy->too_small, isnan(r->youth_p));
		if (!isnan(r->cmp_p))
			assert_close(ca->p, r->cmp_p, 1e-9);
		if (!isnan(r->youth_p))
			assert_close(cy->p, r->youth_p, 1e-9);
	}
	jb_homicide_free(h);
	/* --period inside the file: the complete years before it */
	h = jb_homicide_analyse(ds, jb_month(2019, 6));
	assert_int_equal(h->last_year, 2018);
	assert_false(h->before_period);
	jb_homicide_free(h);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* ---- the slides, by their text ---- */

static char *deck(const char *theme, const char *borough, const char *slug, char **out)
{
	*out = jb_tmpdir();
	char *cmd = xasprintf("'%s' -q -j 1 -t %s -o %s %s 2>&1", jb_jembrief(), theme, *out, borough);
	int st;
	free(jb_run(cmd, &st));
	free(cmd);
	assert_int_equal(st, 0);
	return xasprintf("%s/%s.pdf", *out, slug);
}

static int ref_index(const char *slug)
{
	for (int b = 0; b < JB_NBOROUGHS; b++)
		if (strcmp(ref_conf[b].slug, slug) == 0)
			return b;
	fail_msg("no reference for %s", slug);
	return -1;
}

static const char *ordinal(int k)
{
	return k % 10 == 1 && k % 100 != 11 ? "st" : k % 10 == 2 && k % 100 != 12 ? "nd"
	       : k % 10 == 3 && k % 100 != 13 ? "rd" : "th";
}

/* A change of proportions in whole points, as the slides write it. */
static void points(double d, char *b, size_t n)
{
	long p = lround(d * 100);
	if (p == 0)
		snprintf(b, n, "no change");
	else
		snprintf(b, n, "%s%ld point%s", p > 0 ? "+" : "\xe2\x88\x92", labs(p),
			 labs(p) == 1 ? "" : "s");
}

/* Every row of the confidence slide's table for borough b, from the
 * reference: value, London, rank, change on a year, longest run below. */
static void conf_table_rows(const char *page, int b)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	const struct ref_conf *r = &ref_conf[b];
	for (int m = 0; m < REF_NMEASURES; m++) {
		char ch[32], lch[32], run[64];
		points(r->change[m], ch, sizeof ch);
		points(ref_london_change[m], lch, sizeof lch);
		if (!r->run[m])
			snprintf(run, sizeof run, "never below");
		else
			snprintf(run, sizeof run, "%d quarter%s %s %s %d", r->run[m],
				 r->run[m] == 1 ? "" : "s", r->now[m] ? "to date," : "to",
				 mon[r->run_end[m] % 12], r->run_end[m] / 12);
		char *row = xasprintf("%s %ld%% %ld%% %d%s %s (London %s) %s", ref_measure[m],
				      lround(r->value[m] * 100), lround(ref_london[m] * 100),
				      r->rank[m], ordinal(r->rank[m]), ch, lch, run);
		jb_expect_in(page, row, "a row of the confidence table");
		free(row);
	}
}

/* The confidence title from the reference: "Hackney is 12 points below
 * London on Treat everyone fairly: 50% against 62%, the 3rd lowest of the
 * 32". */
static char *conf_title(const char *name, int b)
{
	const struct ref_conf *r = &ref_conf[b];
	int m = r->headline;
	long pts = lround(fabs(r->gap) * 100);
	char label[128];
	const char *s = ref_measure[m];
	size_t o = 0;
	for (int open = 1; *s; s++)
		if (*s == '"') {
			memcpy(label + o, open ? "\xe2\x80\x9c" : "\xe2\x80\x9d", 3);
			o += 3;
			open = !open;
		} else {
			label[o++] = *s;
		}
	label[o] = '\0';
	/* the rank read from the nearer end: the reference's rank from the top,
	 * and from the bottom one more than the boroughs below it */
	int rank = r->rank[m], low = 1;
	for (int o = 0; o < 32; o++)
		low += isfinite(ref_conf[o].value[m]) && ref_conf[o].value[m] < r->value[m];
	int k = rank <= low ? rank : low;
	const char *end = rank <= low ? "highest" : "lowest";
	char where[64];
	if (k == 1)
		snprintf(where, sizeof where, "the %s of the 32", end);
	else
		snprintf(where, sizeof where, "the %d%s %s of the 32", k, ordinal(k), end);
	return xasprintf("%s is %ld point%s %s London on %s: %ld%% against %ld%%, %s", name, pts,
			 pts == 1 ? "" : "s", r->gap < 0 ? "below" : "above", label,
			 lround(r->value[m] * 100), lround(ref_london[m] * 100), where);
}

static void asb_deck(void **state)
{
	(void)state;
	static const char *const names[][2] = {
		{"Hackney", "hackney"}, {"Croydon", "croydon"}, {"Harrow", "harrow"}};
	for (size_t i = 0; i < 3; i++) {
		char *out;
		char *pdf = deck("asb-confidence", names[i][0], names[i][1], &out);
		int b = ref_index(names[i][1]);
		char *title = conf_title(names[i][0], b);
		/* the headline slide: right after the key findings, page 4 */
		char *cmd = xasprintf("pdftotext -f 4 -l 4 -layout %s -", pdf);
		int st;
		char *p4 = jb_run(cmd, &st);
		jb_expect_in(p4, title, "the confidence slide leads the deck");
		jb_expect_in(p4, "The survey's latest quarter ends in December 2023, before this "
				 "pack's period (to February 2026).", "the survey's own period");
		jb_expect_in(p4, "no difference here can be tested for significance", "no test");
		conf_table_rows(p4, b);
		free(p4);
		free(cmd);
		/* Croydon shares the lowest "Good Job" local: the key finding */
		int lower = 0;
		for (int o = 0; o < JB_NBOROUGHS; o++)
			lower += ref_conf[o].value[0] < ref_conf[b].value[0];
		if (lower == 0) {
			char *rule = xasprintf("Public confidence: %ld%% of residents agree the police "
					       "do a good job locally, the lowest of the 32 boroughs",
					       lround(ref_conf[b].value[0] * 100));
			free(jb_pdf_page_with(pdf, rule));
			free(rule);
		} else {
			assert_string_not_equal(names[i][1], "croydon");
		}
		cmd = xasprintf("pdftotext %s -", pdf);
		char *all = jb_run(cmd, &st);
		assert_null(strstr(all, "No data supplied"));
		assert_null(strstr(all, "homicide victims in"));
		jb_expect_in(all, "Left out of this deck, their data not supplied or not whole (the sources "
				  "slide says which): Street-level density",
			     "contents names the slide left out");
		jb_expect_in(all, "Slides left out: Street-level density", "sources name it");
		free(all);
		free(cmd);
		free(title);
		free(pdf);
		jb_rmtree(out);
		free(out);
	}
}

static void syv_deck(void **state)
{
	(void)state;
	/* the borough with the highest rate of victims aged 13-24 (reference) */
	int top = 0;
	while (ref_hom[top].rank[1][1] != 1)
		top++;
	const struct ref_hom *r = &ref_hom[top];
	const char *name = jb_boroughs[top].name;
	char *out;
	char *pdf = deck("serious-youth-violence", r->slug, r->slug, &out);
	char *want = xasprintf("%.0f homicide victims in %s in 2021 to 2023: %.0f aged 13-24, "
			       "%.0f killed with a knife or sharp instrument",
			       r->total[0][2], name, r->total[1][2], r->total[2][2]);
	char *page = jb_pdf_page_with(pdf, want);
	jb_expect_in(page, "The homicide file ends in December 2023, before this pack's period",
		     "the file's own years");
	/* the table's rows: totals over the span, 5 and 3 years, rate, rank */
	static const char *const rows[] = {"All victims", "Aged 13-24", "Knife or sharp instrument"};
	for (int m = 0; m < 3; m++) {
		char *row = xasprintf("%s %.0f %.0f %.0f %.1f %d%s", rows[m], r->total[m][0],
				      r->total[m][1], r->total[m][2], r->rate[m][1], r->rank[m][1],
				      ordinal(r->rank[m][1]));
		jb_expect_in(page, row, "a row of the homicide table");
		free(row);
	}
	free(page);
	/* among the five highest youth homicide rates: the rule holds */
	char rate[32];
	snprintf(rate, sizeof rate, "%.1f", r->rate[1][1]);
	char *rule = xasprintf("Young people killed: %s victims aged 13-24 a year per 100,000 "
			       "residents aged 10-24 over 2019 to 2023", rate);
	free(jb_pdf_page_with(pdf, rule));
	/* the key-figures tile */
	char *tile = xasprintf("Homicide victims, 2021 to 2023 %.0f", r->total[0][2]);
	free(jb_pdf_page_with(pdf, tile));
	char *csv = xasprintf("%s/%s/data/homicide.csv", out, r->slug);
	char *text = jb_slurp(csv, NULL);
	assert_non_null(text);
	char line[160];
	snprintf(line, sizeof line, "\n%s,%s,2023,%.0f,%.0f,%.0f\n", jb_boroughs[top].code, name,
		 r->per_year[0][20], r->per_year[1][20], r->per_year[2][20]);
	jb_expect_in(text, line, "homicide.csv");
	free(text);
	free(csv);
	free(tile);
	free(rule);
	free(want);
	free(pdf);
	jb_rmtree(out);
	free(out);
}

/* The overview deck's confidence slide: the 32 boroughs on "Good Job"
 * local, from a full batch over the crime, population and survey files. */
static void overview_deck(void **state)
{
	(void)state;
	const char *files[] = {"sample-data/crime/mps-borough-level-crime-2010-2024.csv.gz",
			       "sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz", PAS, POP};
	const char *as[] = {"crime/a.csv.gz", "crime/b.csv.gz", "confidence/pas.csv.gz",
			    "population/pop.csv"};
	char *dir = data_dir(files, as, 4);
	char *cmd = xasprintf("'%s' -q -j 2 -t asb-confidence -d %s -o %s/out && pdftotext "
			      "%s/out/london-overview.pdf -", jb_jembrief(), dir, dir, dir);
	int st;
	char *text = jb_run(cmd, &st);
	assert_int_equal(st, 0);
	/* from the reference: the lowest and highest shares and who has them */
	double lo = 1, hi = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		lo = fmin(lo, ref_conf[b].value[0]);
		hi = fmax(hi, ref_conf[b].value[0]);
	}
	char los[256] = "", his[256] = "";
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		char *list = ref_conf[b].value[0] == lo ? los : ref_conf[b].value[0] == hi ? his : NULL;
		if (list)
			snprintf(list + strlen(list), 256 - strlen(list), "%s%s", *list ? " and " : "",
				 jb_boroughs[b].name);
	}
	char *want = xasprintf("\xe2\x80\x9cGood Job\xe2\x80\x9d local ranges from %ld%% in %s to "
			       "%ld%% in %s (London %ld%%)", lround(lo * 100), los, lround(hi * 100),
			       his, lround(ref_london[0] * 100));
	jb_expect_in(text, want, "the overview's confidence slide");
	free(want);
	free(text);
	free(cmd);
	jb_rmtree(dir);
	free(dir);
}

/* when_missing: "show" keeps a slide without data (saying so); the
 * default leaves it out; a homicide slide outside a homicide theme goes
 * silently; a bad value is refused with its line. */
static void when_missing(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	const char *theme = "theme = { id = \"t\"; title = \"T\"; mps = ( { major = \"ROBBERY\"; } ); };\n";
	char *show = xasprintf("%sslides = ( { kind = \"title\"; title = \"x\"; },\n"
			       "{ kind = \"street-density\"; title = \"S\"; when_missing = \"show\"; },\n"
			       "{ kind = \"homicide\"; title = \"H\"; } );\n", theme);
	char *omit = xasprintf("%sslides = ( { kind = \"title\"; title = \"x\"; },\n"
			       "{ kind = \"street-density\"; title = \"S\"; } );\n", theme);
	char *bad = xasprintf("%sslides = ( { kind = \"title\"; title = \"x\";\n"
			      "  when_missing = \"hide\"; } );\n", theme);
	char *ps = jb_write_file(dir, "show.conf", show);
	char *po = jb_write_file(dir, "omit.conf", omit);
	char *pb = jb_write_file(dir, "bad.conf", bad);
	int st;
	char *cmd = xasprintf("'%s' -q -j 1 -t %s -o %s/a Hackney && qpdf --show-npages "
			      "%s/a/hackney.pdf && pdftotext %s/a/hackney.pdf - | grep -c 'No data supplied'",
			      jb_jembrief(), ps, dir, dir, dir);
	char *o = jb_run(cmd, &st);
	assert_string_equal(o, "2\n1\n");
	free(o);
	free(cmd);
	cmd = xasprintf("'%s' -q -j 1 -t %s -o %s/b Hackney && qpdf --show-npages "
			"%s/b/hackney.pdf", jb_jembrief(), po, dir, dir);
	o = jb_run(cmd, &st);
	assert_string_equal(o, "1\n");
	free(o);
	free(cmd);
	cmd = xasprintf("'%s' -q -t %s -o %s/c Hackney 2>&1", jb_jembrief(), pb, dir);
	o = jb_run(cmd, &st);
	assert_int_equal(st, 2);
	jb_expect_in(o, "bad.conf:3: 'when_missing' must be \"omit\" or \"show\"", "refused");
	free(o);
	free(cmd);
	free(ps);
	free(po);
	free(pb);
	free(show);
	free(omit);
	free(bad);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pas_shipped),
		cmocka_unit_test(homicide_shipped),
		cmocka_unit_test(pas_quirks),
		cmocka_unit_test(homicide_quirks),
		cmocka_unit_test(confidence_reference),
		cmocka_unit_test(homicide_reference),
		cmocka_unit_test(asb_deck),
		cmocka_unit_test(syv_deck),
		cmocka_unit_test(overview_deck),
		cmocka_unit_test(when_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
