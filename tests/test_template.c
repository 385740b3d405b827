/* tests/test_template.c - deck templates (template_load.c) and the
 * placeholder filling and number formats (render/slides/fill.c). */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/findings.h"
#include "../render/slides/fill.h"
#include "../render/slides/kinds.h"
#include "../template_load.h"
#include "../util/xalloc.h"

/* The index in slide_kinds[] of the kind templates spell name. */
#define KIND(name) ((size_t)(slide_kind_by_name(name) - slide_kinds))

static void shipped_template_loads(void **state)
{
	(void)state;
	char err[512] = "";
	struct jb_template *t = jb_template_load("templates/serious-youth-violence.conf", err,
						 sizeof err);
	if (!t)
		fail_msg("%s", err);
	assert_string_equal(t->theme.id, "serious-youth-violence");
	assert_string_equal(t->marking, "OFFICIAL-SENSITIVE");
	assert_int_equal(t->theme.trend_months, 36);
	/* VIOLENCE WITH INJURY, HOMICIDE, ROBBERY OF PERSONAL PROPERTY, and
	 * every minor of POSSESSION OF WEAPONS */
	assert_int_equal(t->theme.nmps, 4);
	assert_null(t->theme.mps[3].minor);
	assert_int_equal(t->theme.ndash, 2);
	assert_true(t->theme.grid_m == 250);
	/* the labels' plain names, looked up by the raw label */
	assert_string_equal(label_plain(&t->labels, "Knife Injury Victims (1-24)"),
			    "Knife-injury victims aged 1-24");
	assert_string_equal(label_plain(&t->labels, "Not a label"), "Not a label");
	assert_string_equal(label_plain(NULL, "Knife Crime"), "Knife Crime");
	/* every kind the deck needs appears once; the title slide first */
	assert_string_equal(t->slides[0].kind->name, "title");
	const struct jb_slide_spec *kind[64] = {0};
	assert_true(slide_nkinds <= 64);
	for (size_t i = 0; i < t->nslides; i++) {
		size_t k = (size_t)(t->slides[i].kind - slide_kinds);
		assert_true(k < slide_nkinds);
		assert_null(kind[k]);
		kind[k] = &t->slides[i];
	}
	assert_non_null(kind[KIND("key-figures")]);
	assert_int_equal(kind[KIND("key-figures")]->ntiles, 7); /* the last about homicide */
	assert_string_equal(kind[KIND("trend")]->outline, "Crime trend");
	assert_non_null(kind[KIND("key-findings")]);
	assert_int_equal(kind[KIND("key-findings")]->max_items, 6);
	assert_non_null(kind[KIND("key-findings")]->rule_text[RULE_CHANGE_SIGNIFICANT]);

	assert_non_null(kind[KIND("profile")]);
	assert_non_null(kind[KIND("drivers")]);
	assert_non_null(kind[KIND("attrition")]);
	jb_template_free(t);
	jb_template_free(NULL);
}

static void every_shipped_theme_loads(void **state)
{
	(void)state;
	static const char *const themes[] = {"serious-youth-violence", "all-violence",
					     "asb-confidence"};
	size_t nslides = 0;
	for (size_t i = 0; i < 3; i++) {
		char *path = xasprintf("templates/%s.conf", themes[i]);
		char err[512] = "";
		struct jb_template *t = jb_template_load(path, err, sizeof err);
		if (!t)
			fail_msg("%s", err);
		assert_string_equal(t->theme.id, themes[i]);
		assert_non_null(t->theme.note);
		/* one slide pack for every theme */
		if (i == 0)
			nslides = t->nslides;
		assert_int_equal(t->nslides, nslides);
		assert_true(t->noverview > 0);
		jb_template_free(t);
		free(path);
	}
}

/* A broken template is refused with its file and line. */
static void expect_error(const char *text, const char *want)
{
	char *dir = jb_tmpdir();
	char *path = jb_write_file(dir, "broken.conf", text);
	char err[512] = "";
	struct jb_template *t = jb_template_load(path, err, sizeof err);
	assert_null(t);
	char *full = xasprintf("%s%s", path, want);
	if (!strstr(err, want) || strncmp(err, path, strlen(path)) != 0)
		fail_msg("error was '%s', want '%s'", err, full);
	free(full);
	free(path);
	jb_rmtree(dir);
	free(dir);
}

#define THEME                                                                           \
	"theme = { id = \"t\"; title = \"T\";\n"                                        \
	"  mps = ( { major = \"ROBBERY\"; } ); };\n"

static void broken_templates_name_their_line(void **state)
{
	(void)state;
	/* the missing comma after line 4 is reported where libconfig sees it: line 5 */
	expect_error(THEME "slides = (\n { kind = \"title\"; title = \"x\" }\n  { kind = \"contents\"; }\n);\n",
		     ":5: syntax error");
	expect_error(THEME "slides = (\n  { kind = \"title\"; title = \"x\"; },\n"
			   "  { kind = \"pie-chart\"; title = \"y\"; }\n);\n",
		     ":5: unknown slide kind 'pie-chart'");
	expect_error(THEME "slides = (\n  { kind = \"trend\";\n    title = \"{borugh} rose\"; }\n);\n",
		     ":5: 'title': unknown placeholder {borugh}");
	expect_error(THEME "slides = (\n  { kind = \"trend\"; subtitle = \"no title\"; }\n);\n",
		     ":4: 'title' is missing");
	expect_error("slides = ( { kind = \"trend\"; title = \"x\"; } );\n",
		     ":1: no 'theme' group");
	expect_error("theme = { id = \"t\"; title = \"T\"; mps = (); };\nslides = ();\n",
		     ":1: 'mps' must be a list");
	expect_error(THEME "slides = (\n  { kind = \"key-findings\"; title = \"x\";\n"
			   "    findings = ( { rule = \"rate-enormous\"; text = \"y\"; } ); }\n);\n",
		     ":5: unknown rule 'rate-enormous'");
	expect_error(THEME "labels = (\n  { raw = \"A (%)\"; plain = \"A\"; },\n"
			   "  { raw = \"A (%)\"; plain = \"B\"; }\n);\n",
		     ":5: 'labels': 'A (%)' is given a plain name twice");
	expect_error(THEME "labels = (\n  { raw = \"A (%)\"; }\n);\n", ":4: 'plain' is missing");
	expect_error(THEME "labels = \"A\";\n", ":3: 'labels' must be a list");
}

/* An error inside an @included file names that file, beside the theme. */
static void errors_in_included_files_name_them(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *pack = jb_write_file(dir, "pack.conf",
				   "slides = (\n  { kind = \"title\"; title = \"{nope}\"; }\n);\n");
	char *theme = jb_write_file(dir, "t.conf", THEME "@include \"pack.conf\"\n");
	char err[512] = "";
	assert_null(jb_template_load(theme, err, sizeof err));
	char *want = xasprintf("%s:2: 'title': unknown placeholder {nope}", pack);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("error was '%s', want '%s'", err, want);
	free(want);
	free(pack);
	free(theme);
	jb_rmtree(dir);
	free(dir);
}

static void number_formats(void **state)
{
	(void)state;
	char b[64];
	fmt_count(1234567, b, sizeof b);
	assert_string_equal(b, "1,234,567");
	fmt_count(999, b, sizeof b);
	assert_string_equal(b, "999");
	fmt_count(NAN, b, sizeof b);
	assert_string_equal(b, "–");
	fmt_dec(-1234.56, 1, b, sizeof b);
	assert_string_equal(b, "\xe2\x88\x92" "1,234.6");
	fmt_dec(-0.04, 1, b, sizeof b); /* rounds to zero: no minus sign */
	assert_string_equal(b, "0.0");
	fmt_signed_pct(-12.345, b, sizeof b);
	assert_string_equal(b, "\xe2\x88\x92" "12.3%");
	fmt_signed_pct(4.25, b, sizeof b);
	assert_string_equal(b, "+4.2%"); /* 4.25 is 4.2499... in binary */
	fmt_p(0.0004, b, sizeof b);
	assert_string_equal(b, "p < 0.001");
	fmt_p(0.0042, b, sizeof b);
	assert_string_equal(b, "p = 0.004");
	fmt_p(0.317, b, sizeof b);
	assert_string_equal(b, "p = 0.32");
	/* near the 0.05 line three places, so a significant p never reads 0.05 */
	fmt_p(0.0494, b, sizeof b);
	assert_string_equal(b, "p = 0.049");
	fmt_p(0.0536, b, sizeof b);
	assert_string_equal(b, "p = 0.054");
	fmt_p(0.0449, b, sizeof b);
	assert_string_equal(b, "p = 0.04");
	fmt_p_max(0.0004, b, sizeof b); /* the drivers slide's "every p ..." */
	assert_string_equal(b, "p < 0.001");
	fmt_p_max(0.0421, b, sizeof b);
	assert_string_equal(b, "p at most 0.042");
	fmt_p(NAN, b, sizeof b);
	assert_string_equal(b, "p not available");
	const int k[] = {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 32, 111};
	const char *want[] = {"1st", "2nd", "3rd", "4th", "11th", "12th",
			      "13th", "21st", "22nd", "23rd", "32nd", "111th"};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		fmt_ordinal(k[i], b, sizeof b);
		assert_string_equal(b, want[i]);
	}
	fmt_month(jb_month(2026, 2), 1, b, sizeof b);
	assert_string_equal(b, "February 2026");
	fmt_month(jb_month(2023, 12), 0, b, sizeof b);
	assert_string_equal(b, "Dec 2023");
}

static void placeholders_fill_from_findings(void **state)
{
	(void)state;
	struct jb_theme theme = {.id = "t", .title = "Serious youth violence"};
	struct jb_findings *f = xcalloc(1, sizeof *f);
	f->theme = &theme;
	f->has_series = 1;
	f->period_end = jb_month(2026, 2);
	f->window_first = jb_month(2023, 3);
	struct jb_area_findings *a = &f->area[11];
	a->index = 11;
	a->name = "Hammersmith and Fulham";
	/* 1,150 against 1,300: 11.538...% fall */
	jb_change_compute(1150, 1300, &a->change);
	a->fall_rank = 2;
	a->rise_rank = 31;
	a->rate = 6.25;
	a->rate_rank = 22;
	a->rate_rank_low = 11; /* 22nd highest of 32 is 11th lowest: the nearer end */
	struct fill_ctx c = {f, 11, "OFFICIAL", NULL};
	char *s = fill("{theme} in {borough} {direction} {pct_abs} ({change_pct}), the "
		       "{change_rank}; {count} vs {prev_count} in {period}; {{literal}}; "
		       "rate {rate}, {rate_rank}; {marking}",
		       &c);
	/* the size of the change rounds as its signed form does */
	assert_string_equal(s, "Serious youth violence in Hammersmith and Fulham fell 11.5% "
			       "(\xe2\x88\x92" "11.5%), the 2nd largest fall; 1,150 vs 1,300 in "
			       "March 2025 to February 2026; {literal}; rate 6.2, 11th lowest; OFFICIAL");
	free(s);
	a->fall_rank = 1;
	s = fill("the {change_rank}", &c);
	assert_string_equal(s, "the largest fall");
	free(s);
	char bad[64];
	size_t at;
	assert_int_equal(fill_check("{count} and {nope}", bad, sizeof bad, &at), -1);
	assert_string_equal(bad, "nope");
	assert_int_equal(fill_check("{count} and {{x}}", bad, sizeof bad, &at), 0);
	free(f);
}

/* The table of slide kinds is sound: names unique, every row whole, its
 * tables' files unique and within DATATABLES_MAX, and no placeholder
 * shadowed but the two known ones (the first group's wins: fill.c). */
static void slide_kinds_table_is_sound(void **state)
{
	(void)state;
	size_t ntables = 0;
	const char *files[128];
	for (size_t k = 0; k < slide_nkinds; k++) {
		const struct slide_kind *K = &slide_kinds[k];
		assert_non_null(K->name);
		assert_non_null(K->outline);
		assert_non_null(K->layout);
		assert_ptr_equal(slide_kind_by_name(K->name), K);
		for (const struct datatable *t = K->tables; t && t->def; t++) {
			assert_non_null(t->body);
			for (size_t i = 0; i < ntables; i++)
				assert_string_not_equal(files[i], t->def->file);
			assert_true(ntables < sizeof files / sizeof files[0]);
			files[ntables++] = t->def->file;
		}
	}
	assert_null(slide_kind_by_name("pie-chart"));
	assert_true(ntables <= DATATABLES_MAX);
	struct datatable_set set;
	slide_kinds_datatables(&set);
	assert_int_equal(set.n, ntables);
	assert_string_equal(set.v[0]->def->file, "<slug>/data/trend.csv");

	/* the kinds' groups, each once, in order; then names two bring: none
	 * ({street_period} meant street crime months on one slide and street
	 * outcome months on another) */
	const struct fill_group *groups[64];
	size_t ng = 0;
	for (size_t k = 0; k < slide_nkinds; k++) {
		const struct fill_group *g = slide_kinds[k].placeholders;
		if (g && (!ng || groups[ng - 1] != g))
			groups[ng++] = g;
	}
	char shadowed[256] = "";
	for (size_t i = 0; i < ng; i++)
		for (size_t n = 0; n < groups[i]->n; n++)
			for (size_t j = 0; j < i; j++)
				for (size_t m = 0; m < groups[j]->n; m++)
					if (strcmp(groups[j]->v[m].name, groups[i]->v[n].name) == 0) {
						strcat(shadowed, groups[i]->v[n].name);
						strcat(shadowed, " ");
					}
	assert_string_equal(shadowed, ""); /* one meaning for each name */
	for (size_t i = 0; i < ng; i++) /* a group shared by kinds side by side */
		for (size_t j = 0; j < i; j++)
			assert_ptr_not_equal(groups[i], groups[j]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_template_loads),
		cmocka_unit_test(every_shipped_theme_loads),
		cmocka_unit_test(broken_templates_name_their_line),
		cmocka_unit_test(errors_in_included_files_name_them),
		cmocka_unit_test(number_formats),
		cmocka_unit_test(placeholders_fill_from_findings),
		cmocka_unit_test(slide_kinds_table_is_sound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
