/* tests/test_drivers.c - analysis/drivers.c and the correlation, Poisson GLM
 * and chi-square tools of analysis/stats.c.
 *
 * Expected values come from tests/reference/drivers_reference.h, written by
 * tests/reference/drivers_reference.py from the raw files in sample-data/
 * (pandas, scipy.stats.spearmanr / pearsonr / chi2_contingency, statsmodels
 * GLM Poisson with offset and scale='X2'); the IMD deciles from the
 * python3 one-liners quoted beside the assertions. Attrition runs on the
 * fixture tests/fixtures/drivers/street.csv (made-up stage counts with the
 * published outcome strings, written by the same script), because the
 * shipped street data is the City of London force's. The slides are read
 * back with pdftotext.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/drivers.h"
#include "../analysis/findings.h"
#include "../analysis/stats.h"
#include "../ingest/dataset.h"
#include "../render/slides/fill.h"
#include "../template_load.h"
#include "../util/xalloc.h"
#include "reference/drivers_reference.h"

#define REL 1e-6
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct jb_load_options quiet = {.quiet = 1};

struct world {
	struct jb_dataset *ds;
	struct jb_template *t;
	struct jb_findings *f;
};
static struct world sample; /* sample-data/, loaded once */

static struct jb_template *template(void)
{
	char err[512];
	struct jb_template *t = jb_template_load("templates/serious-youth-violence.conf", err,
						 sizeof err);
	if (!t)
		fail_msg("%s", err);
	return t;
}

static int setup(void **state)
{
	(void)state;
	jb_diag_set(NULL);
	sample.ds = jb_dataset_load("sample-data", &quiet);
	sample.t = template();
	sample.f = jb_analyse(sample.ds, &sample.t->theme, NULL);
	return sample.f ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jb_findings_free(sample.f);
	jb_template_free(sample.t);
	jb_dataset_free(sample.ds);
	return 0;
}

/* p-values below 1e-300 are 0 or denormal in both: compare them as "tiny". */
static void p_close(double got, double want)
{
	if (want < 1e-300)
		assert_true(got < 1e-300);
	else
		assert_close(got, want, REL);
}

/* ---- stats.c tools ---- */

static void chisq_matches_scipy(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(ref_chisq); i++) {
		const struct ref_chisq *r = &ref_chisq[i];
		struct jb_chisq c;
		assert_int_equal(jb_chisq_independence(r->t, r->r, r->c, &c), 0);
		assert_close(c.stat, r->stat, REL);
		assert_close(c.p, r->p, REL);
		assert_int_equal(c.df, r->df);
		assert_close(c.min_expected, r->min_expected, REL);
	}
	struct jb_chisq c;
	const double one_row[] = {3, 4, 0, 0};
	assert_int_equal(jb_chisq_independence(one_row, 2, 2, &c), -1);
	assert_int_equal(c.ok, 0);
	const double negative[] = {3, -1, 2, 2};
	assert_int_equal(jb_chisq_independence(negative, 2, 2, &c), -1);
}

static void correlation_edges(void **state)
{
	(void)state;
	struct jb_corr c;
	const double x[] = {1, 2, 3, 4}, flat[] = {5, 5, 5, 5}, up[] = {2, 4, 6, 8};
	assert_int_equal(jb_pearson(x, flat, 4, &c), -1);
	assert_true(!c.ok && isnan(c.r));
	assert_int_equal(jb_spearman(x, up, 2, &c), -1);
	const double nan[] = {1, NAN, 3, 4};
	assert_int_equal(jb_spearman(x, nan, 4, &c), -1);
	/* A perfect line: r = 1 (to rounding), p about 0. */
	assert_int_equal(jb_pearson(x, up, 4, &c), 0);
	assert_close(c.r, 1.0, 1e-12);
	assert_true(c.p < 1e-6);
	/* Ties take their average rank: ranks of y are 1, 2.5, 2.5, 4. */
	const double ties[] = {1, 7, 7, 9};
	assert_int_equal(jb_spearman(x, ties, 4, &c), 0);
	assert_close(c.r, 0.9486832980505138, 1e-12); /* scipy.stats.spearmanr */
}

static void glm_refuses_what_it_cannot_fit(void **state)
{
	(void)state;
	struct jb_glm g;
	const double X[] = {1, 0, 1, 1, 1, 2};
	const double zero[] = {0, 0, 0};
	assert_int_equal(jb_poisson_glm(X, 3, 2, zero, NULL, &g), -1);
	assert_non_null(strstr(g.why, "zero"));
	jb_glm_free(&g);
	assert_int_equal(jb_poisson_glm(X, 2, 2, zero, NULL, &g), -1);
	jb_glm_free(&g);
	jb_glm_free(NULL);
}

/* ---- the real London LSOAs ---- */

static void lsoa_set_matches_the_reference(void **state)
{
	(void)state;
	const struct jb_drivers *d = sample.f->drivers;
	assert_non_null(d);
	assert_true(d->has_model);
	assert_int_equal(d->n, REF_NLSOA);
	assert_int_equal(sample.f->lsoa_period_end, jb_month(2026, 2));
	double total = 0;
	for (size_t l = 0; l < sample.ds->nlsoa; l++)
		if (isfinite(d->lsoa_rate[l]))
			total += sample.f->lsoa[l].count12;
	assert_close(total, REF_TOTAL_COUNT, 1e-12);
}

static void correlations_match_scipy(void **state)
{
	(void)state;
	const struct jb_drivers *d = sample.f->drivers;
	for (int v = 0; v < JB_DRV_NVARS; v++) {
		assert_true(d->spearman[v].ok && d->pearson[v].ok);
		assert_int_equal(d->spearman[v].n, REF_NLSOA);
		assert_close(d->spearman[v].r, ref_corr[v].spearman, REL);
		p_close(d->spearman[v].p, ref_corr[v].spearman_p);
		assert_close(d->pearson[v].r, ref_corr[v].pearson, REL);
		p_close(d->pearson[v].p, ref_corr[v].pearson_p);
	}
	/* The crime domain is never among the drivers. */
	for (int v = 0; v < JB_DRV_NVARS; v++)
		assert_int_not_equal(d->var_domain[v], JB_DOM_CRIME);
}

static void domain_model_matches_statsmodels(void **state)
{
	(void)state;
	const struct jb_drivers *d = sample.f->drivers;
	assert_true(d->glm.ok);
	assert_int_equal(d->glm.p, 7);
	assert_close(d->glm.phi, ref_glm_phi, REL);
	for (size_t j = 0; j < 7; j++) {
		assert_close(d->glm.coef[j], ref_glm_coef[j], REL);
		assert_close(d->glm.se[j], ref_glm_se[j], REL);
	}
	for (int k = 0; k < JB_DRV_NDOMAINS; k++) {
		assert_close(d->dom_sd[k], ref_dom_sd[k], REL);
		assert_close(d->rr_sd[k], ref_glm_rr_sd[k], REL);
		assert_true(d->rr_lo[k] < d->rr_sd[k] && d->rr_sd[k] < d->rr_hi[k]);
	}
}

static void curves_match_statsmodels(void **state)
{
	(void)state;
	const struct jb_drivers *d = sample.f->drivers;
	const struct jb_curve *L = &d->area[JB_LONDON].curve;
	const struct jb_curve *H = &d->area[jb_borough_by_name("Hackney")].curve;
	assert_true(L->ok && H->ok);
	assert_close(L->b0, ref_curve_london[0], REL);
	assert_close(L->b1, ref_curve_london[1], REL);
	assert_close(L->se_b1, ref_curve_london[2], REL);
	assert_close(L->phi, ref_curve_london[3], REL);
	assert_close(H->b0, ref_curve_hackney[0], REL);
	assert_close(H->b1, ref_curve_hackney[1], REL);
	assert_close(H->se_b1, ref_curve_hackney[2], REL);
	assert_int_equal(H->n, 149);
	/* The curve is the fit: its last point is exp(b0 + b1 x) per 1,000. */
	assert_close(H->rate[JB_CURVE_POINTS - 1],
		     1000 * exp(ref_curve_hackney[0] + ref_curve_hackney[1] *
				H->x[JB_CURVE_POINTS - 1]), REL);
	assert_close(H->rr10, exp(10 * ref_curve_hackney[1]), REL);
	/* Significance is a finding (the drivers slide reads it): the 95% CI
	 * of b1 leaves out 0 for London (0.0267 +- 0.0030), not for Hackney
	 * (-0.0100 +- 0.0131). */
	const double z = 1.96; /* as the drivers slide states its interval */
	assert_int_equal(L->significant, ref_curve_london[1] - z * ref_curve_london[2] > 0 ||
						 ref_curve_london[1] + z * ref_curve_london[2] < 0);
	assert_int_equal(H->significant, ref_curve_hackney[1] - z * ref_curve_hackney[2] > 0 ||
						 ref_curve_hackney[1] + z * ref_curve_hackney[2] < 0);
	assert_true(L->significant && !H->significant);
}

static void imd_deciles_of_hackney(void **state)
{
	(void)state;
	/* From sample-data/:
	 * python3 -c "import csv,gzip;H={r['lsoa21_code'] for r in csv.DictReader(gzip.open(
	 *   'population/census2021-lsoa21-age6-london.csv.gz','rt')) if r['lsoa21_name']
	 *   .rsplit(' ',1)[0]=='Hackney'};d=[int(r['IMD_decile']) for r in csv.DictReader(
	 *   gzip.open('deprivation/imd2025-lsoa21-london.csv.gz','rt')) if r['lsoa21_code'] in H];
	 *   print(len(d),[d.count(k) for k in range(1,11)])"
	 * -> 149 [24, 36, 34, 29, 13, 7, 1, 4, 0, 1]
	 * and for London (every name not starting "City of London"):
	 * -> 4988 [201, 692, 851, 712, 574, 471, 431, 381, 357, 318] */
	static const double hackney[10] = {24, 36, 34, 29, 13, 7, 1, 4, 0, 1};
	static const double london[10] = {201, 692, 851, 712, 574, 471, 431, 381, 357, 318};
	const struct jb_drivers *d = sample.f->drivers;
	const struct jb_drivers_area *H = &d->area[jb_borough_by_name("Hackney")];
	const struct jb_drivers_area *L = &d->area[JB_LONDON];
	assert_int_equal(H->nlsoa_imd, 149);
	assert_int_equal(L->nlsoa_imd, 4988);
	for (int k = 0; k < 10; k++) {
		assert_close(H->decile_n[k], hackney[k], 1e-12);
		assert_close(L->decile_n[k], london[k], 1e-12);
		assert_close(H->decile_share[k], hackney[k] / 149, 1e-12);
	}
	assert_close(H->share_d1, 24.0 / 149, 1e-12);
	assert_close(H->share_d1_2, 60.0 / 149, 1e-12);
	assert_close(L->share_d1_2, 893.0 / 4988, 1e-12);
	/* Map classes: London quintiles; every class holds about a fifth. */
	size_t per[JB_IMD_CLASSES] = {0}, all = 0;
	for (size_t l = 0; l < sample.ds->nlsoa; l++)
		if (d->lsoa_imd_class[l] >= 0) {
			per[d->lsoa_imd_class[l]]++;
			all++;
		}
	assert_int_equal(all, 4988);
	for (int k = 0; k < JB_IMD_CLASSES; k++)
		assert_true(per[k] >= 997 && per[k] <= 999);
}

static void positive_outcome_rate_from_the_dashboard(void **state)
{
	(void)state;
	const struct jb_drivers *d = sample.f->drivers;
	assert_true(d->has_po);
	assert_string_equal(d->po_measure, "Knife Crime");
	const struct jb_drivers_area *H = &d->area[jb_borough_by_name("Hackney")];
	assert_close(H->po_last12, ref_po_hackney[0], 1e-12);
	assert_close(H->off_last12, ref_po_hackney[1], 1e-12);
	assert_close(H->po_rate12, ref_po_hackney[2], 1e-12);
	assert_close(d->area[JB_LONDON].po_rate12, ref_po_london[2], 1e-12);
	/* The last rolling point is the last 12 months; it ends at 2026-02. */
	assert_int_equal(d->po_first + (int)d->po_n - 1, jb_month(2026, 2));
	assert_close(H->po_rolling[d->po_n - 1], ref_po_hackney[2], 1e-12);
	assert_true(H->po_rank >= 1 && H->po_rank <= 32);
}

/* ---- attrition ---- */

static void outcome_mapping(void **state)
{
	(void)state;
	assert_int_equal(jb_outcome_stage("Investigation complete; no suspect identified"),
			 JB_STAGE_NO_SUSPECT);
	assert_int_equal(jb_outcome_stage("Unable to prosecute suspect"), JB_STAGE_NFA);
	assert_int_equal(jb_outcome_stage("Awaiting court outcome"), JB_STAGE_CHARGED);
	assert_int_equal(jb_outcome_stage("Offender sent to prison"), JB_STAGE_COURT);
	assert_int_equal(jb_outcome_stage("Defendant found not guilty"), JB_STAGE_COURT);
	assert_int_equal(jb_outcome_stage("offender given a caution"), JB_STAGE_OUT_OF_COURT);
	assert_int_equal(jb_outcome_stage("Status update unavailable"), JB_STAGE_UNKNOWN);
	assert_int_equal(jb_outcome_stage(""), JB_STAGE_UNKNOWN);
	assert_int_equal(jb_outcome_stage("Something new"), JB_STAGE_UNMAPPED);
	/* Every outcome in the shipped street files is mapped (read with awk
	 * from the raw files: they hold no quoted fields). */
	int st;
	char *out = jb_run("cat sample-data/crime/police-uk-street/*/*.csv | awk -F, "
			   "'$11 != \"Last outcome category\" {print $11}' | sort -u", &st);
	assert_int_equal(st, 0);
	int n = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), n++)
		if (jb_outcome_stage(line) == JB_STAGE_UNMAPPED)
			fail_msg("unmapped outcome '%s'", line);
	assert_int_equal(n, 24); /* 25 distinct values; the blank is no line */
	free(out);
}

/* Every neighbourhood with the same IMD score: no curve can be fitted
 * (the score does not vary), and none is drawn. This crashed: the model
 * left unfitted was freed uninitialised (a deprivation file whose scores
 * are all equal killed the run with SIGSEGV). */
static void curve_refused_when_the_score_does_not_vary(void **state)
{
	(void)state;
	struct jb_dataset *ds = jb_dataset_load("sample-data", &quiet);
	assert_non_null(ds);
	for (size_t l = 0; l < ds->nlsoa; l++)
		ds->lsoa[l].imd.score = 20;
	struct jb_findings *f = jb_analyse(ds, &sample.t->theme, NULL);
	assert_non_null(f);
	assert_false(f->drivers->area[JB_LONDON].curve.ok);
	assert_false(f->drivers->area[jb_borough_by_name("Hackney")].curve.ok);
	jb_findings_free(f);
	jb_dataset_free(ds);
}

static void street_funnel_and_chisq(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("mkdir -p '%s/crime' && ln -s \"$PWD/sample-data/boundaries\" "
			      "'%s/boundaries' && cp tests/fixtures/drivers/street.csv '%s/crime/'",
			      dir, dir, dir);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	free(cmd);
	struct jb_dataset *ds = jb_dataset_load(dir, &quiet);
	assert_non_null(ds);
	struct jb_findings *f = jb_analyse(ds, &sample.t->theme, NULL);
	const struct jb_drivers *d = f->drivers;
	assert_true(d->has_street);
	assert_int_equal(d->street_first, jb_month(2025, 1));
	assert_int_equal(d->street_last, jb_month(2025, 12));
	int h = jb_borough_by_name("Hackney");
	const struct jb_drivers_area *H = &d->area[h], *L = &d->area[JB_LONDON];
	for (int k = 0; k < JB_NSTAGES; k++) {
		assert_close(H->stage_n[k], ref_street_hackney[k], 1e-12);
		assert_close(L->stage_n[k], ref_street_hackney[k] + ref_street_rest[k], 1e-12);
	}
	/* Status unavailable and the blank: unknown; the made-up string:
	 * unmapped and listed; burglary and 2024-12 left out. */
	assert_close(H->unknown, 2, 1e-12);
	assert_close(H->unmapped, 1, 1e-12);
	assert_int_equal(d->nunmapped, 1);
	assert_string_equal(d->unmapped[0], "Offender given a made-up disposal");
	assert_true(H->has_funnel);
	assert_true(H->chisq.ok);
	assert_close(H->chisq.stat, ref_street_chisq[0], REL);
	assert_close(H->chisq.p, ref_street_chisq[1], REL);
	assert_int_equal(H->chisq.df, (int)ref_street_chisq[2]);
	assert_close(H->chisq.min_expected, ref_street_chisq[3], REL);
	assert_true(H->chisq_reliable);
	/* Funnel: shares of the 92 known: suspect identified 52, action 27,
	 * charged 21, court 9. */
	assert_close(H->funnel[0], 1.0, 1e-12);
	assert_close(H->funnel[1], 52.0 / 92, 1e-12);
	assert_close(H->funnel[2], 27.0 / 92, 1e-12);
	assert_close(H->funnel[3], 21.0 / 92, 1e-12);
	assert_close(H->funnel[4], 9.0 / 92, 1e-12);
	/* A borough with no rows has no funnel and no test. */
	const struct jb_drivers_area *C = &d->area[jb_borough_by_name("Camden")];
	assert_false(C->has_funnel);
	assert_false(C->chisq.ok);
	/* Nothing else was supplied: no model, no dashboard. */
	assert_false(d->has_model);
	assert_false(d->has_po);
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}


/* ---- the slides, read back with pdftotext ---- */

static const char *jembrief(void)
{
	const char *j = getenv("JEMBRIEF");
	return j && *j ? j : "build/jembrief";
}

/* The whole deck's text with every run of white space made one space, so
 * a title wrapped over two lines still reads as one string. */
static char *deck_text(const char *data, const char *slug)
{
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("'%s' --data '%s' --out '%s' --quiet %s 2>&1 && pdftotext '%s/%s.pdf' -",
			      jembrief(), data, dir, slug, dir, slug);
	int st;
	char *text = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("%s: exit %d: %s", cmd, st, text);
	free(cmd);
	jb_rmtree(dir);
	free(dir);
	return jb_fold_space(text);
}

static void expect_in(const char *text, const char *want)
{
	jb_expect_in(text, want, "the deck's text");
}

static void rr_ci_text(int k, char *buf, size_t n)
{
	double b = ref_glm_coef[1 + k], se = ref_glm_se[1 + k], sd = ref_dom_sd[k];
	char v[32], lo[32], hi[32];
	fmt_dec(exp(b * sd), 2, v, sizeof v);
	fmt_dec(exp((b - 1.96 * se) * sd), 2, lo, sizeof lo);
	fmt_dec(exp((b + 1.96 * se) * sd), 2, hi, sizeof hi);
	snprintf(buf, n, "%s (%s–%s)", v, lo, hi);
}

static void hackney_slides_show_the_reference_values(void **state)
{
	(void)state;
	char *text = deck_text("sample-data", "hackney");
	char want[256], v[64], lo[64], hi[64];
	/* profile: 60 of 149 LSOAs in deciles 1-2, 24 in decile 1 (the
	 * one-liner above); London 893 of 4,988 and 201 */
	snprintf(want, sizeof want, "40.3%% of Hackney's neighbourhoods are among England's most "
		 "deprived 20%% (London 17.9%%)");
	expect_in(text, want);
	expect_in(text, "24 of 149; London 4.0%");
	expect_in(text, "60 of 149; London 17.9%");
	/* drivers: the IMD correlation in the title, every domain's rho and
	 * rate ratio in the table, Hackney's curve */
	fmt_dec(ref_corr[0].spearman, 2, v, sizeof v);
	snprintf(want, sizeof want, "neighbourhood rates rise with deprivation (correlation %s)", v);
	expect_in(text, want);
	for (int k = 0; k < JB_DRV_NDOMAINS; k++) {
		fmt_dec(ref_corr[1 + k].spearman, 2, v, sizeof v);
		expect_in(text, v);
		rr_ci_text(k, want, sizeof want);
		expect_in(text, want);
	}
	double b1 = ref_curve_hackney[1], se = ref_curve_hackney[2];
	assert_true(b1 - 1.96 * se < 0 && b1 + 1.96 * se > 0); /* not significant */
	fmt_signed_pct(100 * (exp(10 * b1) - 1), v, sizeof v);
	snprintf(want, sizeof want, "in Hackney: no significant link (%s per 10 IMD points)", v);
	expect_in(text, want);
	fmt_signed_pct(100 * (exp(10 * (b1 - 1.96 * se)) - 1), lo, sizeof lo);
	fmt_signed_pct(100 * (exp(10 * (b1 + 1.96 * se)) - 1), hi, sizeof hi);
	snprintf(want, sizeof want, "Hackney 95%% CI %s to %s", lo, hi);
	expect_in(text, want);
	expect_in(text, "4,988 LSOAs");
	expect_in(text, "it measures crime itself");
	expect_in(text, "Correlation is not cause");
	/* attrition: the dashboard rate; no street outcomes in Hackney */
	fmt_dec(ref_po_hackney[2], 1, v, sizeof v);
	fmt_dec(ref_po_london[2], 1, lo, sizeof lo);
	snprintf(want, sizeof want, "Knife crime in Hackney: %s%% of offences had a positive "
		 "outcome", v);
	expect_in(text, want);
	snprintf(want, sizeof want, "(London %s%%)", lo);
	expect_in(text, want);
	/* the funnel has no data: the rate takes the whole slide (issue 11) */
	assert_null(strstr(text, "No data supplied: data.police.uk street outcomes"));
	free(text);
}

/* The sample data plus the street fixture: the funnel and its test. */
static void hackney_funnel_slide(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("mkdir -p '%s/crime' && for d in boundaries deprivation population; "
			      "do ln -s \"$PWD/sample-data/$d\" '%s/'; done && ln -s "
			      "\"$PWD\"/sample-data/crime/*.gz '%s/crime/' && cp "
			      "tests/fixtures/drivers/street.csv '%s/crime/'",
			      dir, dir, dir, dir);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	free(cmd);
	char *text = deck_text(dir, "hackney");
	char want[256], stat[32], p[32];
	fmt_dec(ref_street_chisq[0], 1, stat, sizeof stat);
	fmt_p(ref_street_chisq[1], p, sizeof p);
	snprintf(want, sizeof want, "Hackney's stages do not differ significantly from the rest of "
		 "London's (chi-square %s, 4 df, %s)", stat, p);
	expect_in(text, want);
	expect_in(text, "January 2025 to December 2025");
	expect_in(text, "56.5%"); /* suspect identified: 52 of 92 */
	expect_in(text, "9.8%");  /* court outcome: 9 of 92 */
	free(text);
	jb_rmtree(dir);
	free(dir);
}

/* The data tables and summary columns carry the same numbers. */
static void tables_carry_the_reference_values(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("'%s' --data sample-data --out '%s' --quiet hackney 2>&1", jembrief(),
			      dir);
	int st;
	char *log = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("%s", log);
	free(log);
	free(cmd);
	char want[256];
	char *path = xasprintf("%s/hackney/data/drivers-correlations.csv", dir);
	char *csv = jb_slurp(path, NULL);
	assert_non_null(csv);
	snprintf(want, sizeof want, "IMD score (all domains),%d,%.6f,", REF_NLSOA,
		 ref_corr[0].spearman);
	expect_in(csv, want);
	snprintf(want, sizeof want, "Health and disability,%d,%.6f,", REF_NLSOA,
		 ref_corr[4].spearman);
	expect_in(csv, want);
	free(csv);
	free(path);
	path = xasprintf("%s/hackney/data/profile-deciles.csv", dir);
	csv = jb_slurp(path, NULL);
	/* long: the borough's row, then London's */
	expect_in(csv, "\n1,E09000012,Hackney,24,0.161074\n1,E12000007,London,201,0.040297\n");
	expect_in(csv, "\n10,E09000012,Hackney,1,0.006711\n10,E12000007,London,318,0.063753\n");
	free(csv);
	free(path);
	path = xasprintf("%s/hackney/data/positive-outcomes.csv", dir);
	csv = jb_slurp(path, NULL);
	snprintf(want, sizeof want, "\n2026-02,E09000012,Hackney,borough,%.6f\n", ref_po_hackney[2]);
	expect_in(csv, want);
	free(csv);
	free(path);
	path = xasprintf("%s/summary.csv", dir);
	csv = jb_slurp(path, NULL);
	char *row = strstr(csv, "\nE09000012,Hackney,");
	assert_non_null(row);
	row++;
	*strchr(row, '\n') = '\0';
	snprintf(want, sizeof want, ",%.6f,%.6f,", 24.0 / 149, 60.0 / 149);
	expect_in(row, want);
	snprintf(want, sizeof want, ",%.0f,%.0f,%.6f,", ref_po_hackney[0], ref_po_hackney[1],
		 ref_po_hackney[2]);
	expect_in(row, want);
	free(csv);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chisq_matches_scipy),
		cmocka_unit_test(correlation_edges),
		cmocka_unit_test(glm_refuses_what_it_cannot_fit),
		cmocka_unit_test(lsoa_set_matches_the_reference),
		cmocka_unit_test(correlations_match_scipy),
		cmocka_unit_test(domain_model_matches_statsmodels),
		cmocka_unit_test(curves_match_statsmodels),
		cmocka_unit_test(imd_deciles_of_hackney),
		cmocka_unit_test(positive_outcome_rate_from_the_dashboard),
		cmocka_unit_test(outcome_mapping),
		cmocka_unit_test(curve_refused_when_the_score_does_not_vary),
		cmocka_unit_test(street_funnel_and_chisq),
		cmocka_unit_test(hackney_slides_show_the_reference_values),
		cmocka_unit_test(hackney_funnel_slide),
		cmocka_unit_test(tables_carry_the_reference_values),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
