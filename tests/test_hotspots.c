/* tests/test_hotspots.c - analysis/hotspots.c and the hot spot slides.
 *
 * tests/reference/hotspots_reference.h is written by
 * tests/reference/hotspots_reference.R: R, sf and spdep read the shipped
 * LSOA shapefile and LSOA crime file themselves, count the serious youth
 * violence theme per LSOA (2025-03..2026-02, and each quarter of
 * 2024-03..2026-02), and run poly2nb(queen, snap = 0.01), localG with self
 * included and p.adjust("BH"). The emerging classes of a few real LSOAs
 * are checked against the rules by hand from their quarterly series. */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/findings.h"
#include "../analysis/hotspots.h"
#include "../ingest/dataset.h"
#include "../template_load.h"
#include "../util/xalloc.h"
#include "reference/hotspots_reference.h"

#define REL 1e-6

static struct jb_dataset *ds;
static struct jb_template *tpl;
static struct jb_findings *f;

static const char *jembrief(void)
{
	const char *j = getenv("JEMBRIEF");
	return j && *j ? j : "build/jembrief";
}

static struct jb_findings *analyse_dir(const char *dir, struct jb_dataset **out)
{
	*out = jb_dataset_load(dir, &(struct jb_load_options){.quiet = 1});
	assert_non_null(*out);
	return jb_analyse(*out, &tpl->theme, NULL);
}

static int setup(void **state)
{
	(void)state;
	jb_diag_set(NULL);
	char err[512];
	tpl = jb_template_load("templates/serious-youth-violence.conf", err, sizeof err);
	if (!tpl) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	f = analyse_dir("sample-data", &ds);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_template_free(tpl);
	return 0;
}

static size_t unit_of(const char *code)
{
	int l = jb_lsoa_find(ds, code);
	if (l < 0)
		fail_msg("%s is not in the dataset", code);
	int u = f->hot->lsoa_unit[l];
	if (u < 0)
		fail_msg("%s is not in the study region", code);
	return (size_t)u;
}

/* ---- LSOA Gi*: every unit against spdep ---- */

static void lsoa_gistar_matches_spdep(void **state)
{
	(void)state;
	const struct jb_hotspots *h = f->hot;
	assert_true(h->lsoa_ok);
	assert_int_equal(h->nunits, HOT_N);
	assert_int_equal(h->first_month, jb_month(2025, 3));
	assert_int_equal(h->last_month, jb_month(2026, 2));
	size_t hot = 0, cold = 0;
	for (size_t i = 0; i < HOT_N; i++) {
		size_t u = unit_of(hot_code[i]);
		if (h->x[u] != hot_x[i])
			fail_msg("%s: count %g, R %g", hot_code[i], h->x[u], hot_x[i]);
		/* z crosses zero: relative on the scale of 1 */
		if (fabs(h->gi.z[u] - hot_z[i]) > REL * fmax(1, fabs(hot_z[i])))
			fail_msg("%s: z %.12g, spdep %.12g", hot_code[i], h->gi.z[u], hot_z[i]);
		assert_close(h->gi.p[u], hot_p[i], REL);
		if (h->gi.cls[u] != hot_cls[i])
			fail_msg("%s: class %d, R %d", hot_code[i], h->gi.cls[u], hot_cls[i]);
		assert_int_equal(h->gi.fdr[u], abs(hot_cls[i]) >= 2);
		hot += hot_cls[i] > 0;
		cold += hot_cls[i] < 0;
	}
	assert_int_equal(h->gi.nhot, hot);
	assert_int_equal(h->gi.ncold, cold);
}

/* The borough tallies add up to London's, and each borough's hottest list
 * holds hot LSOAs of that borough by z descending. */
static void borough_tallies_add_up(void **state)
{
	(void)state;
	const struct jb_hotspots *h = f->hot;
	size_t units = 0, hot = 0, cold = 0, emg[JB_EMG_NCLASSES] = {0};
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_hot_area *a = &h->area[b];
		size_t sum = 0;
		for (int k = 0; k < JB_HOT_NCLASSES; k++)
			sum += a->ncls[k];
		assert_int_equal(sum, a->nunits);
		units += a->nunits;
		hot += a->nhot;
		cold += a->ncold;
		for (int k = 0; k < JB_EMG_NCLASSES; k++)
			emg[k] += a->nemg[k];
		assert_int_equal(a->ntop_hot, a->nhot < JB_HOT_TOP ? a->nhot : JB_HOT_TOP);
		for (size_t k = 0; k < a->ntop_hot; k++) {
			int l = a->top_hot[k];
			size_t u = (size_t)h->lsoa_unit[l];
			assert_int_equal(ds->lsoa[l].borough, b);
			assert_true(h->gi.cls[u] > 0);
			if (k)
				assert_true(h->gi.z[u] <= h->gi.z[h->lsoa_unit[a->top_hot[k - 1]]]);
		}
		for (size_t k = 0; k < a->npersistent && k < JB_HOT_NAMED; k++)
			assert_int_equal(h->emg[h->lsoa_unit[a->persistent[k]]], JB_EMG_PERSISTENT_HOT);
		assert_int_equal(a->npersistent, a->nemg[JB_EMG_PERSISTENT_HOT]);
		assert_int_equal(a->nintensifying, a->nemg[JB_EMG_INTENSIFYING_HOT]);
	}
	assert_int_equal(units, h->nunits);
	assert_int_equal(hot, h->gi.nhot);
	assert_int_equal(cold, h->gi.ncold);
	const struct jb_hot_area *L = &h->area[JB_LONDON];
	assert_int_equal(L->nunits, units);
	assert_int_equal(L->nhot, hot);
	assert_int_equal(L->ncold, cold);
	for (int k = 0; k < JB_EMG_NCLASSES; k++)
		assert_int_equal(emg[k], L->nemg[k]);
}

/* ---- emerging hot spots ---- */

static void quarterly_classes_match_spdep(void **state)
{
	(void)state;
	const struct jb_hotspots *h = f->hot;
	assert_true(h->emg_ok);
	/* the file's 24 complete months (its first column, 2024-02, is partial) */
	assert_int_equal(h->complete_months, 24);
	assert_int_equal(h->step_months, 3);
	assert_int_equal(h->nsteps, EMG_STEPS);
	assert_int_equal(h->step_first, jb_month(2024, 3));
	for (size_t i = 0; i < HOT_N; i++) {
		size_t u = unit_of(hot_code[i]);
		int hot = 0, cold = 0; /* R's quarters in which the LSOA is hot, cold */
		for (size_t s = 0; s < EMG_STEPS; s++) {
			if (h->step_cls[u * EMG_STEPS + s] != emg_cls[i * EMG_STEPS + s])
				fail_msg("%s quarter %zu: class %d, R %d", hot_code[i], s,
					 h->step_cls[u * EMG_STEPS + s], emg_cls[i * EMG_STEPS + s]);
			hot += emg_cls[i * EMG_STEPS + s] > 0;
			cold += emg_cls[i * EMG_STEPS + s] < 0;
		}
		/* the step counts emerging-lsoa.csv gives are findings */
		assert_int_equal(h->hot_steps[u], hot);
		assert_int_equal(h->cold_steps[u], cold);
	}
}

/* The R script picks one real LSOA per pattern of quarterly classes; the
 * class each must get, worked out from DESIGN §5's rules (8 steps, so
 * "90% of steps" means all 8):
 *   all_hot_trend   hot in 8/8, Mann-Kendall S = -18, p = 0.035 < 0.05,
 *                   falling                              -> diminishing
 *   all_hot_flat    hot in 8/8, p = 0.27                 -> persistent
 *   seven_hot_last  hot in 7/8 (< 90%) incl. the last, never cold, hot
 *                   quarters 1-3 and 5-8: not one run    -> sporadic
 *   last_only       hot only in the last quarter         -> new
 *   last_run        hot in quarters 5-8 only, never cold -> consecutive
 *   on_off_last     hot in quarters 2, 4, 6, 8           -> sporadic
 *   not_last_before not hot in the last quarter, hot in all 7 before
 *                                                        -> historical
 *   never           never hot or cold                    -> no pattern */
static const struct {
	const char *what;
	enum jb_emerging want;
} by_hand[] = {
	{"all_hot_trend", JB_EMG_DIMINISHING_HOT}, {"all_hot_flat", JB_EMG_PERSISTENT_HOT},
	{"seven_hot_last", JB_EMG_SPORADIC_HOT},   {"last_only", JB_EMG_NEW_HOT},
	{"last_run", JB_EMG_CONSECUTIVE_HOT},      {"on_off_last", JB_EMG_SPORADIC_HOT},
	{"not_last_before", JB_EMG_HISTORICAL_HOT}, {"never", JB_EMG_NONE},
};

static void emerging_classes_by_hand(void **state)
{
	(void)state;
	const struct jb_hotspots *h = f->hot;
	size_t checked = 0;
	for (size_t i = 0; i < EMG_NPICKS; i++) {
		size_t u = unit_of(emg_pick[i].code);
		for (size_t s = 0; s < EMG_STEPS; s++) {
			double z = h->step_z[u * EMG_STEPS + s], want = emg_pick[i].z[s];
			assert_true(fabs(z - want) <= REL * fmax(1, fabs(want)));
			assert_int_equal(h->step_cls[u * EMG_STEPS + s], emg_pick[i].cls[s]);
		}
		assert_true(fabs(h->mk_z[u] - emg_pick[i].mk_z) <= REL * fmax(1, fabs(emg_pick[i].mk_z)));
		assert_close(h->mk_p[u], emg_pick[i].mk_p, REL);
		for (size_t k = 0; k < sizeof by_hand / sizeof by_hand[0]; k++) {
			if (strcmp(by_hand[k].what, emg_pick[i].what) != 0)
				continue;
			if (h->emg[u] != by_hand[k].want)
				fail_msg("%s (%s): %s, want %s", emg_pick[i].code, emg_pick[i].what,
					 jb_emerging_names[h->emg[u]], jb_emerging_names[by_hand[k].want]);
			checked++;
		}
	}
	assert_int_equal(checked, sizeof by_hand / sizeof by_hand[0]);
}

/* ---- the deck ---- */

#define slide_with jb_pdf_page_with
#define expect_in jb_expect_in

/* The hot spot slide (page 7) names the borough's hottest LSOAs, as
 * hotspots-lsoa.csv ranks them (awk reads the CSV, not jembrief). */
static void slide_names_the_csv_hottest(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	char *cmd = xasprintf("'%s' --data sample-data --out '%s' --quiet westminster hackney 2>&1",
			      jembrief(), out);
	int st;
	char *log = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("jembrief exit %d: %s", st, log);
	free(log);
	free(cmd);
	static const struct {
		const char *slug, *code;
	} decks[] = {{"westminster", "E09000033"}, {"hackney", "E09000012"}};
	for (size_t d = 0; d < 2; d++) {
		/* hot LSOAs of the borough by z descending: "name" per line */
		/* columns: lsoa21cd,lsoa21nm,borough_code,borough_name,count_last12,
		 * gi_z,p_value,fdr_significant,class,... (no commas in the names) */
		cmd = xasprintf("awk -F, 'NR > 1 && $3 == \"%s\" && $9 > 0 { print $6 \"\\t\" $2 }' "
				"'%s/%s/data/hotspots-lsoa.csv' | sort -t '\t' -k1,1gr | cut -f2",
				decks[d].code, out, decks[d].slug);
		char *names = jb_run(cmd, &st);
		free(cmd);
		assert_int_equal(st, 0);
		char *pdf = xasprintf("%s/%s.pdf", out, decks[d].slug);
		char *text = slide_with(pdf, "Hot spots of");
		int n = 0;
		char *save = NULL;
		for (char *line = strtok_r(names, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			if (n == 0) {
				char *want = xasprintf("the hottest is %s", line);
				/* the title may wrap before the name */
				char *flat = xstrdup(text);
				for (char *s = flat; *s; s++)
					if (*s == '\n')
						*s = ' ';
				char *sq = flat, *o = flat;
				for (; *sq; sq++)
					if (!(*sq == ' ' && o > flat && o[-1] == ' '))
						*o++ = *sq;
				*o = '\0';
				expect_in(flat, want, "title names the hottest");
				free(flat);
				free(want);
			}
			if (n < 6)
				expect_in(text, line, "table names the hottest");
			n++;
		}
		assert_true(n > 0);
		char want[64];
		snprintf(want, sizeof want, ": %d of ", n);
		expect_in(text, want, "title counts the hot spots of the CSV");
		free(names);
		free(text);
		free(pdf);
	}
	jb_rmtree(out);
	free(out);
}

/* ---- refusal: every LSOA has the same count ---- */

static void equal_counts_are_refused_with_a_message(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	/* the real LSOAs (codes, names, boroughs) with one weapon possession a
	 * month each, 2024-03..2026-02; the real boundaries */
	char *cmd = xasprintf(
		"mkdir -p '%s/data/crime' && ln -s \"$PWD/sample-data/boundaries\" '%s/data/boundaries' && "
		"zcat sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz | awk -F, '"
		"NR == 1 { for (i = 1; i <= NF; i++) { if ($i == \"lsoa_code\") c = i; if ($i == \"lsoa_name\") n = i;"
		"  if ($i == \"borough\") b = i }; h = \"lsoa_code,lsoa_name,borough,major_category,minor_category\";"
		"  for (y = 2024; y <= 2026; y++) for (m = 1; m <= 12; m++) { k = y * 100 + m;"
		"    if (k >= 202403 && k <= 202602) { h = h \",\" k; ones = ones \",1\" } }; print h; next }"
		"!seen[$c]++ { print $c \",\" $n \",\" $b \",POSSESSION OF WEAPONS,POSSESSION OF ARTICLE WITH BLADE OR POINT\" ones }'"
		" > '%s/data/crime/lsoa-equal.csv'",
		dir, dir, dir);
	int st;
	char *log = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("fixture: %s", log);
	free(log);
	free(cmd);

	char *data = xasprintf("%s/data", dir);
	struct jb_dataset *eds;
	struct jb_findings *ef = analyse_dir(data, &eds);
	assert_true(ef->has_lsoa);
	assert_false(ef->hot->lsoa_ok);
	expect_in(ef->hot->lsoa_why, "every area has the same count", "refusal");
	assert_false(ef->hot->emg_ok);
	jb_findings_free(ef);
	jb_dataset_free(eds);

	cmd = xasprintf("'%s' --data '%s' --out '%s/out' --quiet camden 2>&1", jembrief(), data, dir);
	log = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("jembrief exit %d: %s", st, log);
	free(log);
	free(cmd);
	char *pdf = xasprintf("%s/out/camden.pdf", dir);
	char *text = slide_with(pdf, "Hot spots of");
	expect_in(text, "Hot spots were not computed: every area has the same count", "slide");
	expect_in(text, "Camden: hot spots were not computed: every area has the same count", "title");
	if (strstr(text, "Hot spot, 99%"))
		fail_msg("a map legend was drawn with the refusal:\n%s", text);
	free(text);
	text = slide_with(pdf, "Emerging hot spot patterns");
	expect_in(text, "Hot spots were not computed", "persistence slide");
	free(text);
	free(pdf);
	free(data);
	jb_rmtree(dir);
	free(dir);
}

/* ---- street points: a made-up month of points in Hackney ---- */

static void street_points_make_hot_cells_and_top_locations(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	/* 40 offences at one point on Mare Street, 12 on Dalston Lane, 3 on
	 * Kingsland Road (one a type the theme does not count): the rest of
	 * London's grid has none, so the two busy cells are hot. */
	size_t cap = 1 << 14, len = 0;
	char *csv = xmalloc(cap);
	len += (size_t)snprintf(csv + len, cap - len,
				"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
				"LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
	static const struct {
		int n;
		const char *lon, *lat, *where, *type;
	} spots[] = {
		{40, "-0.055300", "51.545000", "On or near Mare Street", "Violence and sexual offences"},
		{12, "-0.070000", "51.546500", "On or near Dalston Lane", "Robbery"},
		{2, "-0.075600", "51.548000", "On or near Kingsland Road", "Possession of weapons"},
		{1, "-0.075600", "51.548000", "On or near Kingsland Road", "Bicycle theft"},
	};
	for (size_t s = 0; s < sizeof spots / sizeof spots[0]; s++)
		for (int i = 0; i < spots[s].n; i++) {
			csv = xgrow(csv, &cap, len + 512, 1);
			len += (size_t)snprintf(csv + len, cap - len,
						"%02zx%04d,2025-01,Metropolitan Police Service,"
						"Metropolitan Police Service,%s,%s,%s,,,%s,Under investigation,\n",
						s, i, spots[s].lon, spots[s].lat, spots[s].where,
						spots[s].type);
		}
	char *p = jb_write_file(dir, "data/crime/street/2025-01/2025-01-metropolitan-street.csv", csv);
	free(p);
	free(csv);
	char *cmd = xasprintf("ln -s \"$PWD/sample-data/boundaries\" '%s/data/boundaries'", dir);
	int st;
	free(jb_run(cmd, &st));
	free(cmd);
	assert_int_equal(st, 0);

	char *data = xasprintf("%s/data", dir);
	struct jb_dataset *sds;
	struct jb_findings *sf = analyse_dir(data, &sds);
	const struct jb_hotspots *h = sf->hot;
	int hackney = jb_borough_lookup("Hackney");
	const struct jb_hot_area *a = &h->area[hackney];
	assert_true(h->has_street);
	assert_int_equal(h->street_first, jb_month(2025, 1));
	assert_int_equal(h->street_n, 54);
	assert_int_equal(a->street_n, 54);
	if (!h->grid_ok)
		fail_msg("grid: %s", h->grid_why);
	assert_true(h->grid_m == 250);
	assert_true(a->ntop_loc >= 2);
	assert_string_equal(sds->street.locations[a->top_loc[0]], "On or near Mare Street");
	assert_true(a->top_loc_n[0] == 40);
	assert_string_equal(sds->street.locations[a->top_loc[1]], "On or near Dalston Lane");
	assert_true(a->top_loc_n[1] == 12);
	assert_true(a->kde_ok);
	assert_true(a->kde_h >= 150 && a->kde_h <= 600);
	assert_true(a->kde_cell == 25);
	for (int k = 0; k < JB_KDE_CLASSES; k++)
		assert_true(a->kde_region[k].nrings > 0);
	/* the surface holds the offences: its highest class lies inside the
	 * borough, around Mare Street */
	assert_true(a->kde_region[JB_KDE_CLASSES - 1].minx > sds->borough_shape[hackney].minx);
	jb_findings_free(sf);
	jb_dataset_free(sds);

	cmd = xasprintf("'%s' --data '%s' --out '%s/out' --quiet hackney 2>&1", jembrief(), data, dir);
	char *log = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("jembrief exit %d: %s", st, log);
	free(log);
	free(cmd);
	char *pdf = xasprintf("%s/out/hackney.pdf", dir);
	char *text = slide_with(pdf, "(smoothed) from data.police.uk");
	expect_in(text, "On or near Mare Street", "top location");
	expect_in(text, "records, January 2025", "street period");
	free(text);
	char *path = xasprintf("%s/out/hackney/data/street-top-locations.csv", dir);
	char *top = jb_slurp(path, NULL);
	assert_non_null(top);
	expect_in(top, "1,On or near Mare Street,40\n2,On or near Dalston Lane,12\n", "CSV");
	free(top);
	free(path);
	free(pdf);
	free(data);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lsoa_gistar_matches_spdep),
		cmocka_unit_test(borough_tallies_add_up),
		cmocka_unit_test(quarterly_classes_match_spdep),
		cmocka_unit_test(emerging_classes_by_hand),
		cmocka_unit_test(slide_names_the_csv_hottest),
		cmocka_unit_test(equal_counts_are_refused_with_a_message),
		cmocka_unit_test(street_points_make_hot_cells_and_top_locations),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
