/* tests/test_batch.c - the whole batch, end to end: the driver run on the
 * shipped sample data, the decks checked by qpdf, pdfinfo and pdftotext.
 *
 * Hackney's numbers are computed here straight from the source CSVs with
 * awk (not with jembrief's ingest), and its trend from the committed
 * statsmodels reference tests/reference/hackney_syv.txt (made by
 * tests/reference/hackney_syv.py from the same CSVs).
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ingest/dataset.h"
#include "../render/slides/fill.h"
#include "../util/xalloc.h"

#define SLIDES 22 /* the template's; a deck leaves out a slide without data */
/* and two slides only Hackney's deck has: the pack's example text slide
 * (boroughs = ["Hackney"]) and the commentary slide, from the sample's
 * commentary/commentary.csv; every other deck leaves them out */
#define HACKNEY_ONLY_SLIDES 2
#define OVERVIEW_SLIDES 11

static char *outdir; /* one batch run shared by the tests */
static int batch_status;

static const char *jembrief(void)
{
	const char *j = getenv("JEMBRIEF");
	return j && *j ? j : "build/jembrief";
}

static int setup(void **state)
{
	(void)state;
	outdir = jb_tmpdir();
	char *cmd = xasprintf("'%s' --data sample-data --out '%s' --jobs 2 --quiet 2>&1",
			      jembrief(), outdir);
	char *log = jb_run(cmd, &batch_status);
	if (batch_status != 0)
		fprintf(stderr, "batch output:\n%s\n", log);
	free(log);
	free(cmd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jb_rmtree(outdir);
	free(outdir);
	return 0;
}

static void batch_writes_32_valid_decks(void **state)
{
	(void)state;
	assert_int_equal(batch_status, 0);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		char *pdf = xasprintf("%s/%s.pdf", outdir, jb_boroughs[b].slug);
		assert_int_equal(access(pdf, R_OK), 0);
		int st;
		char *cmd = xasprintf("qpdf --check '%s' 2>&1", pdf);
		char *out = jb_run(cmd, &st);
		if (st != 0)
			fail_msg("qpdf --check %s: %s", pdf, out);
		free(out);
		free(cmd);
		/* the street files are the City of London's: most boroughs have
		 * no street-level records, and their decks leave that slide out */
		cmd = xasprintf("pdfinfo '%s' | awk '/^Pages:/ {print $2}'; pdftotext '%s' - | "
				"grep -c 'Slides left out: .*Street-level density'", pdf, pdf);
		out = jb_run(cmd, &st);
		char *second = strchr(out, '\n');
		assert_non_null(second);
		int own = strcmp(jb_boroughs[b].slug, "hackney") == 0 ? HACKNEY_ONLY_SLIDES : 0;
		assert_int_equal(atoi(out), SLIDES + own - atoi(second + 1));
		free(out);
		free(cmd);
		free(pdf);
	}
	/* The full batch also writes the London overview. */
	char *overview = xasprintf("%s/london-overview.pdf", outdir);
	int ost;
	char *ocmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1 && pdfinfo '%s' | awk '/^Pages:/ {print $2}'",
			       overview, overview);
	char *oout = jb_run(ocmd, &ost);
	assert_int_equal(ost, 0);
	assert_int_equal(atoi(oout), OVERVIEW_SLIDES);
	free(oout);
	free(ocmd);
	free(overview);
	/* No temporary left behind. */
	int st;
	char *cmd = xasprintf("ls '%s' | grep -c tmp", outdir);
	char *out = jb_run(cmd, &st);
	assert_int_equal(atoi(out), 0);
	free(out);
	free(cmd);
}

/* Hackney's counts for the categories that the awk condition `which`
 * selects ($mj is the major, $mn the minor category), last 12 and previous
 * 12 months to the last month of the files, computed with awk from the
 * borough-level CSVs. */
static void hackney_counts(const char *which, double *a, double *b, double *pop)
{
	char *awk = xasprintf(
		"zcat sample-data/crime/mps-borough-level-crime-2010-2024.csv.gz "
		"sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz | awk -F, '"
		"/majortext/ { for (i = 1; i <= NF; i++) { h[i] = $i; if ($i == \"majortext\") mj = i;"
		"  if ($i == \"minortext\") mn = i; if ($i == \"boroughname\") bn = i }; next }"
		"$bn == \"Hackney\" && (%s) {"
		"  for (i = 1; i <= NF; i++) if (h[i] ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/) {"
		"    s[h[i] + 0] += $i; if (h[i] + 0 > last) last = h[i] + 0 } }"
		"END { m = last; for (k = 0; k < 24; k++) { if (k < 12) a += s[m]; else b += s[m];"
		"  y = int(m / 100); mo = m %% 100 - 1; if (mo == 0) { mo = 12; y-- }; m = y * 100 + mo }"
		"  print a, b }'",
		which);
	int st;
	char *out = jb_run(awk, &st);
	free(awk);
	assert_int_equal(st, 0);
	assert_int_equal(sscanf(out, "%lf %lf", a, b), 2);
	free(out);
	out = jb_run("awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"all_ages\") c = i }"
		     " $2 == \"Hackney\" { print $c }' "
		     "sample-data/population/ons-mid2020-single-year-of-age-london.csv",
		     &st);
	*pop = atof(out);
	free(out);
	assert_true(*a > 1000 && *b > 1000 && *pop > 100000);
}

/* The serious youth violence theme (templates/serious-youth-violence.conf). */
static void hackney_from_csv(double *a, double *b, double *pop)
{
	hackney_counts("($mj == \"VIOLENCE AGAINST THE PERSON\" &&"
		       "  ($mn == \"VIOLENCE WITH INJURY\" || $mn == \"HOMICIDE\")) ||"
		       "  ($mj == \"ROBBERY\" && $mn == \"ROBBERY OF PERSONAL PROPERTY\") ||"
		       "  $mj == \"POSSESSION OF WEAPONS\"",
		       a, b, pop);
}

static double reference(const char *key)
{
	char *text = jb_slurp("tests/reference/hackney_syv.txt", NULL);
	assert_non_null(text);
	char *at = strstr(text, key);
	assert_non_null(at);
	double v = atof(at + strlen(key) + 1);
	free(text);
	return v;
}

/* The slide of slug's deck that holds marker (see jb_pdf_page_with). */
static char *slide_with(const char *slug, const char *marker)
{
	char *pdf = xasprintf("%s/%s.pdf", outdir, slug);
	char *text = jb_pdf_page_with(pdf, marker);
	free(pdf);
	return text;
}

#define expect_in jb_expect_in

static void hackney_key_figures_match_the_csv(void **state)
{
	(void)state;
	double a, b, pop;
	hackney_from_csv(&a, &b, &pop);
	char *text = slide_with("hackney", "Change on the previous 12 months");
	char want[64];
	fmt_count(a, want, sizeof want);
	expect_in(text, want, "offences, last 12 months");
	fmt_count(b, want, sizeof want);
	expect_in(text, want, "offences, previous 12 months");
	fmt_signed_pct(100.0 * (a - b) / b, want, sizeof want);
	expect_in(text, want, "% change");
	fmt_dec(a / pop * 1000.0, 1, want, sizeof want);
	expect_in(text, want, "rate per 1,000");
	/* the title states the finding: the size of the change, rounded as
	 * on its tile (3,739 against 3,947: -5.27%, "fell 5.3%") */
	snprintf(want, sizeof want, "%s %.1f%%", a < b ? "fell" : "rose",
		 fabs(100.0 * (a - b) / b));
	expect_in(text, want, "title");
	fmt_p(reference("binom_p"), want, sizeof want);
	expect_in(text, want, "binomial p");
	free(text);
}

static void hackney_trend_matches_the_reference(void **state)
{
	(void)state;
	char *text = slide_with("hackney", "with the fitted trend and its 95%");
	char want[128], lo[32], hi[32];
	double pct = reference("trend_annual_pct");
	fmt_signed_pct(reference("trend_annual_lo"), lo, sizeof lo);
	fmt_signed_pct(reference("trend_annual_hi"), hi, sizeof hi);
	snprintf(want, sizeof want, "%s by %.1f%% a year", pct < 0 ? "falling" : "rising",
		 fabs(pct));
	expect_in(text, want, "trend title");
	snprintf(want, sizeof want, "%s to %s", lo, hi);
	expect_in(text, want, "trend CI");
	expect_in(text, "March 2023 to February 2026", "trend window");
	free(text);
}

static void decks_are_byte_identical(void **state)
{
	(void)state;
	char *again = jb_tmpdir();
	char *cmd = xasprintf("'%s' --data sample-data --out '%s' --quiet hackney 2>&1 && "
			      "cmp '%s/hackney.pdf' '%s/hackney.pdf'",
			      jembrief(), again, outdir, again);
	int st;
	char *out = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("second run differs: %s", out);
	free(out);
	free(cmd);
	jb_rmtree(again);
	free(again);
}

/* The overview's table lists all 32 boroughs with Hackney's row as the CSV
 * gives it. */
static void overview_has_every_borough(void **state)
{
	(void)state;
	char *cmd = xasprintf("pdftotext -layout '%s/london-overview.pdf' -", outdir);
	int st;
	char *text = jb_run(cmd, &st);
	assert_int_equal(st, 0);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		expect_in(text, jb_boroughs[b].name, "overview borough table");
	double a, b, pop;
	hackney_from_csv(&a, &b, &pop);
	char count[32], pct[32];
	fmt_count(a, count, sizeof count);
	fmt_signed_pct(100.0 * (a - b) / b, pct, sizeof pct);
	char *row = strstr(text, "Hackney  ");
	assert_non_null(row);
	char *eol = strchr(row, '\n');
	if (eol)
		*eol = '\0';
	expect_in(row, count, "Hackney's offences in the overview");
	expect_in(row, pct, "Hackney's change in the overview");
	free(text);
	free(cmd);
}

static void summary_has_every_borough(void **state)
{
	(void)state;
	char *path = xasprintf("%s/summary.csv", outdir);
	char *text = jb_slurp(path, NULL);
	assert_non_null(text);
	int lines = 0;
	for (char *s = text; *s; s++)
		lines += *s == '\n';
	assert_int_equal(lines, 1 + JB_NBOROUGHS + 1);
	double a, b, pop;
	hackney_from_csv(&a, &b, &pop);
	char *row = strstr(text, "\nE09000012,Hackney,");
	assert_non_null(row);
	char want[64];
	snprintf(want, sizeof want, ",2026-02,%.0f,%.0f,", a, b);
	expect_in(row, want, "summary row");
	free(text);
	free(path);
}

static void bad_usage_exits_2(void **state)
{
	(void)state;
	static const char *const args[] = {
		"--jobs 0", "--period 2026-13", "--theme no-such-theme", "Gotham",
		"--data /nonexistent/dir",
	};
	for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
		char *cmd = xasprintf("'%s' %s --out /tmp/jembrief-never >/dev/null 2>&1", jembrief(),
				      args[i]);
		int st;
		free(jb_run(cmd, &st));
		if (st != 2)
			fail_msg("'%s' exited %d, want 2", args[i], st);
		free(cmd);
	}
}

/* The other shipped themes count their own categories: the ASB theme's
 * key figures equal the CSV's public order, arson and criminal damage, and
 * drug offences; all-violence writes a valid deck too. */
static void other_themes(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("'%s' --theme asb-confidence --quiet --out '%s/asb' hackney && "
			      "'%s' --theme all-violence --quiet --out '%s/av' hackney && "
			      "qpdf --check '%s/av/hackney.pdf' >/dev/null 2>&1",
			      jembrief(), dir, jembrief(), dir, dir);
	int st;
	char *out = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("exit %d: %s", st, out);
	free(out);
	free(cmd);
	double a, b, pop;
	hackney_counts("$mj == \"PUBLIC ORDER OFFENCES\" || $mj == \"ARSON AND CRIMINAL DAMAGE\" ||"
		       " $mj == \"DRUG OFFENCES\"",
		       &a, &b, &pop);
	cmd = xasprintf("pdftotext -layout '%s/asb/hackney.pdf' -", dir);
	out = jb_run(cmd, &st);
	char want[64];
	fmt_count(a, want, sizeof want);
	expect_in(out, want, "ASB offences, last 12 months");
	fmt_signed_pct(100.0 * (a - b) / b, want, sizeof want);
	expect_in(out, want, "ASB % change");
	expect_in(out, "Anti-social behaviour and disorder", "ASB theme title");
	/* no dashboard measures: no tile about them */
	if (strstr(out, "Knife crime offences,") || strstr(out, "Knife Crime offences,"))
		fail_msg("the ASB deck shows a knife crime tile");
	free(out);
	free(cmd);
	jb_rmtree(dir);
	free(dir);
}

/* The text of deck slug, one line, from a run on the data directory that
 * the shell command setup makes in dir/data. */
static char *deck_of(const char *dir, const char *setup, const char *slug)
{
	char *cmd = xasprintf("%s && '%s' --data '%s/data' --out '%s/out' --quiet %s 2>&1", setup,
			      jembrief(), dir, dir, slug);
	int st;
	char *out = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("exit %d: %s", st, out);
	free(out);
	free(cmd);
	cmd = xasprintf("pdftotext '%s/out/%s.pdf' - | tr '\\n' ' '", dir, slug);
	out = jb_run(cmd, &st);
	free(cmd);
	return out;
}

/* Only the borough-level crime file: the decks are still written, and the
 * map slide says what is missing instead of failing. */
static void missing_inputs_say_no_data(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *setup = xasprintf("mkdir -p '%s/data/crime' && cp sample-data/crime/mps-borough-level-*"
				" '%s/data/crime/'",
				dir, dir);
	char *out = deck_of(dir, setup, "camden");
	expect_in(out, "Neighbourhood map (no MPS LSOA-level recorded crime with LSOA boundaries)",
		  "the LSOA map left out and named");
	expect_in(out, "Not supplied: LSOA boundaries", "sources slide lists what is missing");
	free(out);
	free(setup);
	jb_rmtree(dir);
	free(dir);
}

/* Only the deprivation file removed: the drivers slide is left out for
 * what is missing, and nothing else. It read "no LSOA-level crime, Census
 * residents and Indices of Deprivation" whatever was missing. */
static void one_input_missing_is_named_alone(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *setup = xasprintf("mkdir -p '%s/data' && for d in \"$PWD\"/sample-data/*/; do "
				"case \"$d\" in */deprivation/) ;; *) ln -s \"$d\" '%s/data/' ;; "
				"esac; done",
				dir, dir);
	char *out = deck_of(dir, setup, "hackney");
	expect_in(out, "Drivers of crime (no Indices of Deprivation)", "drivers: IMD alone");
	expect_in(out, "Not supplied: Indices of Deprivation (deprivation/)", "sources slide");
	if (strstr(out, "no LSOA-level crime"))
		fail_msg("LSOA-level crime was supplied, but is named as missing");
	free(out);
	free(setup);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(batch_writes_32_valid_decks),
		cmocka_unit_test(hackney_key_figures_match_the_csv),
		cmocka_unit_test(hackney_trend_matches_the_reference),
		cmocka_unit_test(decks_are_byte_identical),
		cmocka_unit_test(summary_has_every_borough),
		cmocka_unit_test(overview_has_every_borough),
		cmocka_unit_test(bad_usage_exits_2),
		cmocka_unit_test(missing_inputs_say_no_data),
		cmocka_unit_test(one_input_missing_is_named_alone),
		cmocka_unit_test(other_themes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
