/* tests/test_sentences.c - every sentence a slide can show is true and well
 * formed whatever is missing (issue 7).
 *
 * The matrix: the shipped sample with each input folder removed in turn,
 * each crime file removed or cut to its first third of rows (a download
 * that stopped early), an empty data directory, and periods the data do
 * not reach; every shipped theme (asb-confidence has no dashboard
 * measure); a borough deck (every borough slide kind) and the London
 * overview (every overview kind). Each deck is laid out to its display
 * list and its text read back: no placeholder dash, "not ranked", "no
 * comparison", NaN, "rose 0%" or leftover {braces} may appear.
 *
 * Then the headline rules on hand-made findings, each value worked by
 * hand in the comment beside it. */
#include "support.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../analysis/findings.h"
#include "../analysis/keyfindings.h"
#include "../ingest/dataset.h"
#include "../render/deck.h"
#include "../render/display/display.h"
#include "../render/slides/fill.h"
#include "../render/slides/kinds.h"
#include "../render/display/font.h"
#include "../template_load.h"
#include "../util/xalloc.h"

#define NDASH "\xe2\x80\x93" /* – */

static const char *const themes[] = {"serious-youth-violence", "all-violence",
				     "asb-confidence"};
static const char *const folders[] = {"actions",	 "boundaries",	   "crime",
				      "deprivation",	 "education-youth", "population",
				      "youth-services"};
static const char *const crime_files[] = {
	"mps-borough-level-crime-2010-2024.csv.gz", "mps-borough-level-crime-2024-2026.csv.gz",
	"mps-lsoa-level-crime-2024-2026.csv.gz",    "mps-monthly-crime-dashboard.csv.gz",
	"mps-ward-level-crime-2024-2026.csv.gz",    "police-uk-street",
};
enum { NCRIME = sizeof crime_files / sizeof crime_files[0] };

static char sample[PATH_MAX];

static void link_to(const char *from, const char *to)
{
	if (symlink(from, to) != 0)
		fail_msg("symlink %s -> %s failed", to, from);
}

/* gz file src's header and first third of its rows into dst. */
static void cut_gz(const char *src, const char *dst)
{
	gzFile in = gzopen(src, "rb");
	assert_non_null(in);
	size_t cap = 1 << 20, n = 0;
	char *buf = xmalloc(cap);
	int got;
	while ((got = gzread(in, buf + n, (unsigned)(cap - n))) > 0) {
		n += (size_t)got;
		if (n == cap)
			buf = xgrow(buf, &cap, cap + 1, 1);
	}
	gzclose(in);
	size_t lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += buf[i] == '\n';
	size_t keep = 1 + (lines - 1) / 3, end = 0;
	for (size_t seen = 0; end < n && seen < keep; end++)
		seen += buf[end] == '\n';
	gzFile out = gzopen(dst, "wb");
	assert_non_null(out);
	assert_int_equal(gzwrite(out, buf, (unsigned)end), (int)end);
	gzclose(out);
	free(buf);
}

/* A data directory in dir: the sample's folders but skip_folder; in
 * crime/, every file but skip_crime, and cut_crime cut short. */
static void make_data(const char *dir, const char *skip_folder, const char *skip_crime,
		      const char *cut_crime)
{
	for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
		if (skip_folder && strcmp(folders[i], skip_folder) == 0)
			continue;
		char *from = xasprintf("%s/%s", sample, folders[i]);
		char *to = xasprintf("%s/%s", dir, folders[i]);
		if (strcmp(folders[i], "crime") != 0) {
			link_to(from, to);
		} else {
			assert_int_equal(mkdir(to, 0755), 0);
			for (size_t k = 0; k < NCRIME; k++) {
				if (skip_crime && strcmp(crime_files[k], skip_crime) == 0)
					continue;
				char *f = xasprintf("%s/%s", from, crime_files[k]);
				char *t = xasprintf("%s/%s", to, crime_files[k]);
				if (cut_crime && strcmp(crime_files[k], cut_crime) == 0)
					cut_gz(f, t);
				else
					link_to(f, t);
				free(f);
				free(t);
			}
		}
		free(from);
		free(to);
	}
}

/* ---- what a malformed sentence looks like ---- */

static int is_word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* word occurs in s on its own (not inside "Finance") */
static const char *find_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = s; (p = strstr(p, word)); p++)
		if ((p == s || !is_word_char(p[-1])) && !is_word_char(p[n]))
			return p;
	return NULL;
}

static int is_month_start(const char *p)
{
	static const char *const m[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	for (size_t i = 0; i < 12; i++)
		if (strncmp(p, m[i], 3) == 0)
			return 1;
	return 0;
}

/* An en dash that is not a range ("Mar 2025 – Feb 2026", "0 – 12",
 * "£10 – £20"): a figure that had no value. */
static const char *find_placeholder_dash(const char *s)
{
	size_t dl = strlen(NDASH);
	for (const char *p = s; (p = strstr(p, NDASH)); p += dl) {
		const char *before = p, *after = p + dl;
		while (before > s && before[-1] == ' ')
			before--;
		while (*after == ' ')
			after++;
		int digit_before = before > s && before[-1] >= '0' && before[-1] <= '9';
		int range_after = (*after >= '0' && *after <= '9') || is_month_start(after) ||
				  strncmp(after, "\xc2\xa3", 2) == 0 || strncmp(after, "\xe2\x88\x92", 3) == 0;
		if (!(digit_before && range_after))
			return p;
	}
	return NULL;
}

/* The first malformed thing in s, or NULL; *what says which. */
static const char *malformed(const char *s, const char **what)
{
	static const char *const words[] = {"not ranked", "no comparison", "NaN", "nan",
					    "inf", "rose 0%", "fell 0%", "rose 0.0%",
					    "fell 0.0%", "(null)"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *p = find_word(s, words[i]);
		if (p) {
			*what = words[i];
			return p;
		}
	}
	const char *p = strpbrk(s, "{}");
	if (p) {
		*what = "a placeholder left in braces";
		return p;
	}
	if ((p = find_placeholder_dash(s))) {
		*what = "a placeholder dash";
		return p;
	}
	return NULL;
}

/* A page's text: its runs joined by spaces. A run that is a lone dash (a
 * table cell without a figure) is no sentence and is left out. */
static char *page_text(const struct dl_page *pg)
{
	size_t cap = 256, n = 0;
	char *t = xmalloc(cap);
	t[0] = '\0';
	for (size_t i = 0; i < pg->nitems; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind != DL_TEXT || strcmp(it->u.text.utf8, NDASH) == 0)
			continue;
		size_t l = strlen(it->u.text.utf8);
		t = xgrow(t, &cap, n + l + 2, 1);
		if (n)
			t[n++] = ' ';
		memcpy(t + n, it->u.text.utf8, l + 1);
		n += l;
	}
	return t;
}

/* Problems found in deck d, appended to *report; returns how many. */
static int check_deck(const struct dl_deck *d, const char *label, char **report)
{
	int bad = 0;
	for (size_t i = 0; i < d->npages; i++) {
		char *t = page_text(d->pages[i]);
		const char *what, *p = malformed(t, &what);
		if (p) {
			size_t off = (size_t)(p - t), from = off > 90 ? off - 90 : 0;
			char *line = xasprintf("%s%s, page %zu (%s): %s: ...%.180s...\n",
					       *report ? *report : "", label, i + 1,
					       d->pages[i]->outline, what, t + from);
			free(*report);
			*report = line;
			bad++;
		}
		free(t);
	}
	return bad;
}

struct matrix_case {
	const char *name;
	const char *skip_folder, *skip_crime, *cut_crime;
	int empty;
	int period_end; /* 0: the latest complete month */
};


/* The data directory dir, every street type kept: the analysis counts
 * each theme's own types, so one load serves every theme. */
static struct jb_dataset *load(const char *dir)
{
	struct jb_load_options lo = {.quiet = 1, .jobs = 1};
	char *diag = NULL;
	struct jb_dataset *ds = jb_load_capture(dir, &lo, &diag);
	free(diag);
	assert_non_null(ds);
	return ds;
}

/* Every theme, a borough deck and the overview, for one case. */
static int run_case(const struct matrix_case *mc, char **report)
{
	char *dir = jb_tmpdir();
	if (!mc->empty)
		make_data(dir, mc->skip_folder, mc->skip_crime, mc->cut_crime);
	struct jb_dataset *ds = load(dir);
	int bad = 0;
	for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
		struct jb_template *tpl = jb_load_theme(themes[t]);
		struct jb_analysis_options ao = {.period_end = mc->period_end};
		struct jb_findings *f = jb_analyse(ds, &tpl->theme, &ao);
		assert_non_null(f);
		const int areas[] = {jb_borough_by_name("Hackney"), jb_borough_by_name("Bromley"),
				     JB_LONDON};
		for (size_t k = 0; k < sizeof areas / sizeof areas[0]; k++) {
			assert_true(areas[k] >= 0);
			struct dl_deck *d = deck_build(f, tpl, areas[k]);
			char *label = xasprintf("[%s] %s, %s", mc->name, themes[t],
						f->area[areas[k]].name);
			bad += check_deck(d, label, report);
			free(label);
			dl_deck_free(d);
		}
		jb_findings_free(f);
		jb_template_free(tpl);
	}
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
	return bad;
}

static void every_slide_reads_well_whatever_is_missing(void **state)
{
	(void)state;
	struct matrix_case cases[64];
	size_t n = 0;
	cases[n++] = (struct matrix_case){.name = "the whole sample"};
	cases[n++] = (struct matrix_case){.name = "empty data directory", .empty = 1};
	for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++)
		cases[n++] = (struct matrix_case){.name = folders[i], .skip_folder = folders[i]};
	for (size_t i = 0; i < NCRIME; i++)
		cases[n++] = (struct matrix_case){.name = crime_files[i],
						  .skip_crime = crime_files[i]};
	for (size_t i = 0; i + 1 < NCRIME; i++) /* the street folder is not one file */
		cases[n++] = (struct matrix_case){.name = crime_files[i], .cut_crime = crime_files[i]};
	/* periods the data do not reach: before the LSOA file and the
	 * dashboard's 24 months (2024-06), and before every file (2005-01) */
	cases[n++] = (struct matrix_case){.name = "period 2024-06", .period_end = jb_month(2024, 6)};
	cases[n++] = (struct matrix_case){.name = "period 2005-01", .period_end = jb_month(2005, 1)};
	char *report = NULL;
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += run_case(&cases[i], &report);
	if (bad)
		fail_msg("%d slides with a malformed sentence:\n%s", bad, report);
	free(report);
}

/* ---- the detector itself: it must catch what the issue saw ---- */

static void the_detector_catches_the_garbled_sentences(void **state)
{
	(void)state;
	const char *what;
	const char *garbled[] = {
		"Hackney has the not ranked highest rate of the 32 boroughs",
		(NDASH " of " NDASH " offences in Barnet had a positive outcome"),
		("the 2nd highest of the 32 boroughs (London " NDASH ")"),
		"This is no comparison possible: exact binomial test",
		"offences rose 0% since the last meeting",
		("Offences in " NDASH " " NDASH " " NDASH " against the 12 before"),
		"a rate of nan per 1,000", ("Hackney data to " NDASH), "the {rate_rank} rate",
	};
	for (size_t i = 0; i < sizeof garbled / sizeof garbled[0]; i++)
		if (!malformed(garbled[i], &what))
			fail_msg("not caught: %s", garbled[i]);
	const char *fine[] = {
		("Offences in Mar 2025 " NDASH " Feb 2026 against Mar 2024 " NDASH " Feb 2025"),
		"Financial year spend; maintenance", ("classes 0 " NDASH " 12 and 13 " NDASH " 40"),
		("95% confidence interval \xe2\x88\x92" "9.7% to \xe2\x88\x92" "6.0%"),
	};
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		const char *p = malformed(fine[i], &what);
		if (p)
			fail_msg("wrongly flagged (%s): %s", what, fine[i]);
	}
}

/* ---- headline rules on hand-made findings ---- */

struct hand {
	struct jb_theme theme;
	struct jb_template *tpl;
	struct jb_findings *f;
};

static struct hand *hand_new(void)
{
	struct hand *h = xcalloc(1, sizeof *h);
	char err[512];
	h->tpl = jb_template_load("templates/serious-youth-violence.conf", err, sizeof err);
	if (!h->tpl)
		fail_msg("%s", err);
	h->f = xcalloc(1, sizeof *h->f);
	h->f->theme = &h->tpl->theme;
	h->f->has_series = 1;
	h->f->period_end = jb_month(2026, 2);
	h->f->window_first = jb_month(2023, 3);
	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		h->f->area[b].index = b;
		h->f->area[b].name = b == JB_LONDON ? "London" : jb_boroughs[b].name;
	}
	return h;
}

static void hand_free(struct hand *h)
{
	jb_template_free(h->tpl);
	free(h->f);
	free(h);
}

static const struct jb_slide_spec *spec_of(const struct jb_template *t, const char *kind)
{
	for (size_t i = 0; i < t->nslides; i++)
		if (strcmp(t->slides[i].kind->name, kind) == 0)
			return &t->slides[i];
	fail_msg("no %s slide", kind);
	return NULL;
}

static char *title_of(struct hand *h, int area, const char *k)
{
	return fill_text(spec_of(h->tpl, k)->title, &(struct fill_ctx){h->f, area, "x", &h->tpl->labels});
}

/* A trend fitted over the window: annual % and its CI. */
static void set_trend(struct jb_trend *t, double pct, double lo, double hi)
{
	t->ok = 1;
	t->annual_pct = pct;
	t->annual_lo = lo;
	t->annual_hi = hi;
	t->significant = lo > 0 || hi < 0; /* the interval excludes no change */
}

static void a_rise_within_normal_variation_is_no_ranked_headline(void **state)
{
	(void)state;
	struct hand *h = hand_new();
	int b = jb_borough_by_name("Hackney");
	struct jb_area_findings *a = &h->f->area[b];
	/* 1,070 against 1,000: +7.0%; a ~ Bin(2070, 1/2), two-sided exact
	 * p = 0.13 (python: from math import comb; n=2070; 2*sum(comb(n,k)
	 * for k in range(1070,n+1))/2**n = 0.1298...) */
	jb_change_compute(1070, 1000, &a->change);
	assert_true(a->change.p > 0.05);
	a->rise_rank = 5; /* 5th largest rise of the 32 */
	a->fall_rank = 28;
	set_trend(&a->trend, -7.5, -10.1, -4.8); /* falling, significant */
	jb_key_findings(h->f);
	assert_false(a->key.holds & (1ul << RULE_RISE_RANK));
	assert_true(a->key.holds & (1ul << RULE_CHANGE_NOT_SIGNIFICANT));
	char *t = title_of(h, b, "key-figures");
	assert_string_equal(t, "Serious youth violence: no significant change in the last 12 "
			       "months (+7.0%, p = 0.13); the trend is falling by 7.5% a year");
	free(t);
	/* the same rise, significant: 1,150 against 1,000, p < 0.001 */
	jb_change_compute(1150, 1000, &a->change);
	jb_key_findings(h->f);
	assert_true(a->key.holds & (1ul << RULE_RISE_RANK));
	t = title_of(h, b, "key-figures");
	assert_string_equal(t, "Serious youth violence rose 15.0% in the last 12 months: the 5th "
			       "largest rise in London");
	free(t);
	hand_free(h);
}

static void a_dashboard_rise_within_normal_variation_is_no_key_finding(void **state)
{
	(void)state;
	struct hand *h = hand_new();
	int b = jb_borough_by_name("Hackney");
	struct jb_area_findings *a = &h->f->area[b];
	/* knife crime 110 against 100: +10%, but exact binomial p = 0.53
	 * (python: n=210; 2*sum(comb(n,k) for k in range(110,n+1))/2**n) */
	a->dash_last12[0] = 110;
	a->dash_prev12[0] = 100;
	a->dash_pct[0] = 10;
	jb_key_findings(h->f);
	assert_false(a->key.holds & (1ul << RULE_DASH_RISE));
	/* 1,100 against 1,000: +10%, p = 0.031 (the same one-liner) */
	a->dash_last12[0] = 1100;
	a->dash_prev12[0] = 1000;
	jb_key_findings(h->f);
	assert_true(a->key.holds & (1ul << RULE_DASH_RISE));
	hand_free(h);
}

static void a_title_rounds_as_its_tile(void **state)
{
	(void)state;
	struct hand *h = hand_new();
	int b = jb_borough_by_name("Hackney");
	struct jb_area_findings *a = &h->f->area[b];
	/* 3,739 against 3,947 (Hackney, the sample): -5.2698...%, tile
	 * "−5.3%", so the title says "fell 5.3%", not "fell 5%" */
	jb_change_compute(3739, 3947, &a->change);
	a->fall_rank = 8;
	jb_key_findings(h->f);
	char *t = title_of(h, b, "key-figures");
	assert_string_equal(t, "Serious youth violence fell 5.3% in the last 12 months: the 8th "
			       "largest fall in London");
	free(t);
	char tile[32];
	fmt_signed_pct(a->change.pct, tile, sizeof tile);
	assert_string_equal(tile, "\xe2\x88\x92" "5.3%");
	hand_free(h);
}

static void ranks_read_from_the_nearer_end(void **state)
{
	(void)state;
	char b[64];
	fmt_rank_natural(31, 2, b, sizeof b); /* 31st highest of 32 */
	assert_string_equal(b, "2nd lowest");
	fmt_rank_natural(1, 32, b, sizeof b);
	assert_string_equal(b, "highest");
	fmt_rank_natural(32, 1, b, sizeof b);
	assert_string_equal(b, "lowest");
	fmt_rank_natural(5, 28, b, sizeof b);
	assert_string_equal(b, "5th highest");
	fmt_rank_natural(16, 17, b, sizeof b);
	assert_string_equal(b, "16th highest");
	fmt_rank_natural(0, 0, b, sizeof b);
	assert_string_equal(b, FILL_NA);
	/* and so on the comparison slide */
	struct hand *h = hand_new();
	int k = jb_borough_by_name("Bromley");
	h->f->area[k].rate = 5.04;
	h->f->area[k].rate_rank = 30;
	h->f->area[k].rate_rank_low = 3;
	char *t = title_of(h, k, "comparison");
	assert_string_equal(t, "Bromley has the 3rd lowest rate of the 32 boroughs: 5.0 per 1,000 "
			       "residents");
	free(t);
	hand_free(h);
}

static void plurals_agree(void **state)
{
	(void)state;
	struct hand *h = hand_new();
	int b = jb_borough_by_name("Hackney");
	struct fill_ctx c = {h->f, b, "x", NULL};
	struct jb_area_findings *a = &h->f->area[b];
	a->trend.ok = 1;
	a->trend.nexceptions = 1;
	char *s = fill("{exceptions} {exceptions|month|months} {exceptions|lies|lie} outside", &c);
	assert_string_equal(s, "1 month lies outside");
	free(s);
	a->trend.nexceptions = 3;
	s = fill("{exceptions} {exceptions|month|months} {exceptions|lies|lie} outside", &c);
	assert_string_equal(s, "3 months lie outside");
	free(s);
	char bad[64];
	size_t at;
	assert_int_equal(fill_check("{exceptions|month}", bad, sizeof bad, &at), -1);
	assert_int_equal(fill_check("{exceptions|a|b|c}", bad, sizeof bad, &at), -1);
	assert_int_equal(fill_check("{exceptions|month|months}", bad, sizeof bad, &at), 0);
	hand_free(h);
}

static void a_wording_without_its_figures_gives_way(void **state)
{
	(void)state;
	struct hand *h = hand_new();
	int b = jb_borough_by_name("Hackney");
	/* no population: no rate, no rank */
	h->f->area[b].rate = NAN;
	char *t = title_of(h, b, "comparison");
	assert_string_equal(t, "Hackney: rates by borough need recorded crime by borough and "
			       "population estimates");
	free(t);
	/* and fill() of a fixed text marks the gap, never an empty value */
	char *s = fill("rate {rate}", &(struct fill_ctx){h->f, b, "x", &h->tpl->labels});
	assert_string_equal(s, "rate " FILL_NA);
	free(s);
	hand_free(h);
}

/* The sources slide: one bad row is "1 row set aside", not "1 rows". */
static void one_row_set_aside_is_one_row(void **state)
{
	(void)state;
	/* the borough file (its out-of-scope rows are two more reasons) and
	 * the action log: few enough reasons for the slide to list them all */
	char *dir = jb_tmpdir();
	char *crime = xasprintf("%s/crime", dir);
	assert_int_equal(mkdir(crime, 0755), 0);
	char *from = xasprintf("%s/crime/%s", sample, crime_files[1]);
	char *to = xasprintf("%s/%s", crime, crime_files[1]);
	link_to(from, to);
	free(from);
	free(to);
	free(crime);
	char *src = xasprintf("%s/actions/actions-illustrative.csv", sample);
	char *text = jb_slurp(src, NULL);
	assert_non_null(text);
	/* the sample's rows, then one whose due date is no date */
	char *csv = xasprintf("%sHackney,2025-09-15,hackney-99,Extra patrols,MPS BCU,"
			      "someday,Not started,\n", text);
	free(jb_write_file(dir, "actions/actions.csv", csv));
	struct jb_dataset *ds = load(dir);
	struct jb_template *tpl = jb_load_theme("serious-youth-violence");
	struct jb_findings *f = jb_analyse(ds, &tpl->theme, NULL);
	struct dl_deck *d = deck_build(f, tpl, jb_borough_by_name("Hackney"));
	char *page = page_text(d->pages[d->npages - 1]);
	jb_expect_in(page, "1 bad row set aside:", "sources slide");
	if (find_word(page, "1 rows"))
		fail_msg("'1 rows' on the sources slide: %s", page);
	free(page);
	dl_deck_free(d);
	jb_findings_free(f);
	jb_template_free(tpl);
	jb_dataset_free(ds);
	free(csv);
	free(text);
	free(src);
	jb_rmtree(dir);
	free(dir);
}

/* The loader's wordings: errors name their line; alternatives and their
 * 'when' rules are read in order. */
#define THEME                                                            \
	"theme = { id = \"t\"; title = \"T\";\n"                        \
	"  mps = ( { major = \"ROBBERY\"; } ); };\n"

static void expect_load_error(const char *text, const char *want)
{
	char *dir = jb_tmpdir();
	char *path = jb_write_file(dir, "t.conf", text);
	char err[512] = "";
	struct jb_template *t = jb_template_load(path, err, sizeof err);
	if (t || !strstr(err, want))
		fail_msg("error was '%s', want '%s'", err, want);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

static void wordings_load_with_their_rules(void **state)
{
	(void)state;
	expect_load_error(THEME "slides = (\n  { kind = \"trend\";\n"
				"    title = ( { when = \"trend-wobbly\"; text = \"x\"; }, \"y\" ); }\n);\n",
			  ":5: 'title': unknown rule 'trend-wobbly' in 'when'");
	expect_load_error(THEME "slides = (\n  { kind = \"trend\";\n"
				"    title = [ \"{rate}\", \"{nope}\" ]; }\n);\n",
			  ":5: 'title': unknown placeholder {nope}");
	expect_load_error(THEME "slides = (\n  { kind = \"trend\"; title = ( 3 ); }\n);\n",
			  ":4: 'title': each wording is a string");
	expect_load_error(THEME "slides = (\n  { kind = \"trend\"; title = ( ); }\n);\n",
			  ":4: 'title' has no wording");
	char *dir = jb_tmpdir();
	char *path = jb_write_file(
		dir, "t.conf",
		THEME "slides = (\n  { kind = \"trend\"; title = (\n"
		      "    { when = [\"trend-flat\", \"rate-high\"]; text = \"a\"; },\n"
		      "    \"b {rate}\", \"c\" );\n"
		      "    bullets = ( \"one\", [ \"two {rate}\", \"two\" ] ); }\n);\n");
	char err[512] = "";
	struct jb_template *t = jb_template_load(path, err, sizeof err);
	if (!t)
		fail_msg("%s", err);
	const struct jb_text *title = t->slides[0].title;
	assert_int_equal(title->n, 3);
	assert_int_equal(title->v[0].when, (1ul << RULE_TREND_FLAT) | (1ul << RULE_RATE_HIGH));
	assert_string_equal(title->v[1].text, "b {rate}");
	assert_int_equal(t->slides[0].nbullets, 2);
	assert_int_equal(t->slides[0].bullets[1]->n, 2);
	jb_template_free(t);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

static int setup(void **state)
{
	(void)state;
	if (!realpath("sample-data", sample))
		return -1;
	return font_init(NULL, NULL);
}

static int teardown(void **state)
{
	(void)state;
	font_done();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_detector_catches_the_garbled_sentences),
		cmocka_unit_test(ranks_read_from_the_nearer_end),
		cmocka_unit_test(plurals_agree),
		cmocka_unit_test(a_rise_within_normal_variation_is_no_ranked_headline),
		cmocka_unit_test(a_title_rounds_as_its_tile),
		cmocka_unit_test(a_dashboard_rise_within_normal_variation_is_no_key_finding),
		cmocka_unit_test(a_wording_without_its_figures_gives_way),
		cmocka_unit_test(one_row_set_aside_is_one_row),
		cmocka_unit_test(wordings_load_with_their_rules),
		cmocka_unit_test(every_slide_reads_well_whatever_is_missing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
