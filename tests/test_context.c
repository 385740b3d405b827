/* tests/test_context.c - exclusion and truancy, youth services, youth
 * justice, actions: ingest, analysis and slides.
 *
 * Real values come from sample-data/ and were computed independently from
 * the raw files with the python3 one-liners quoted beside each assertion
 * (run from the repository root; L = list(csv.DictReader(open(
 * 'sample-data/education-youth/dfe-lait-london.csv', encoding='utf-8-sig'))),
 * P = {x['name']: sum(float(x['age_%d' % a]) for a in range(10, 18)) for x
 * in csv.DictReader(open('sample-data/population/ons-mid2020-single-year-
 * of-age-london.csv'))}). Broken inputs are small files written here; their
 * expected results are worked by hand in the comments.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/confidence.h"
#include "../analysis/context.h"
#include "../analysis/drivers.h"
#include "../analysis/findings.h"
#include "../analysis/homicide.h"
#include "../analysis/hotspots.h"
#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../ingest/youth.h"
#include "../template_load.h"
#include "../util/xalloc.h"
#include "reference/similar_reference.h"

static const struct jb_load_options quiet = {.quiet = 1};
static struct jb_dataset *real;
static struct jb_findings *realf;
static struct jb_template *tpl;
static char *real_diag;

static int setup(void **state)
{
	(void)state;
	char err[512];
	tpl = jb_template_load("templates/serious-youth-violence.conf", err, sizeof err);
	if (!tpl) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	size_t len;
	FILE *d = open_memstream(&real_diag, &len);
	jb_diag_set(d);
	real = jb_dataset_load("sample-data", &quiet);
	fclose(d);
	jb_diag_set(stderr);
	if (!real)
		return -1;
	realf = jb_analyse(real, &tpl->theme, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	jb_findings_free(realf);
	jb_dataset_free(real);
	jb_template_free(tpl);
	free(real_diag);
	return 0;
}

/* ---- helpers ---- */

static int borough(const char *name)
{
	int b = jb_borough_by_name(name);
	assert_true(b >= 0);
	return b;
}

static const struct jb_source *source(const struct jb_dataset *ds, const char *path)
{
	for (size_t i = 0; i < ds->sources.n; i++)
		if (strcmp(ds->sources.v[i]->path, path) == 0)
			return ds->sources.v[i];
	fail_msg("no source %s", path);
	return NULL;
}

static size_t reason(const struct jb_source *s, const char *what)
{
	for (size_t i = 0; i < s->nreasons; i++)
		if (strcmp(s->reasons[i].what, what) == 0)
			return s->reasons[i].n;
	return 0;
}

/* Year index of a label in an indicator, -1 when absent. */
static int year_of(const struct jb_lait_indicator *ind, const char *label)
{
	for (size_t y = 0; y < ind->nyears; y++)
		if (strcmp(ind->years[y].label, label) == 0)
			return (int)y;
	return -1;
}

static double lait(const struct jb_dataset *ds, const char *code, int area, const char *label)
{
	const struct jb_lait_indicator *ind = jb_lait_find(&ds->youth->lait, code);
	assert_non_null(ind);
	int y = year_of(ind, label);
	assert_true(y >= 0);
	return ind->v[(size_t)area * ind->nyears + (size_t)y];
}

/* Load dir with diagnostics captured into *diag (caller frees). */
static struct jb_dataset *load_capture(const char *dir, char **diag)
{
	struct jb_dataset *ds = jb_load_capture(dir, &quiet, diag);
	assert_non_null(ds);
	return ds;
}

#define expect_in jb_expect_in

/* ---- LAIT: the real file ---- */

static void lait_real_rows(void **state)
{
	(void)state;
	/* Nothing in the sample data is malformed: no message printed. */
	assert_string_equal(real_diag, "");
	assert_int_equal(jb_dataset_check(real, stderr), 0);
	/* len(L) = 6265; City of London rows with a year: 178 (sum(1 for x in
	 * L if x['LA and Regions'] == 'City of London' and x['Years'] != '0'));
	 * '-' or blank values elsewhere: 685 (sum(1 for x in L if x['Values']
	 * in ('', '-') and not (x['LA and Regions'] == 'City of London' and
	 * x['Years'] != '0'))); kept 6265 - 178 - 685 = 5402. */
	const struct jb_source *s = source(real, "education-youth/dfe-lait-london.csv");
	assert_int_equal(s->rows, 6265);
	assert_int_equal(s->kept, 5402);
	assert_int_equal(s->set_aside, 863);
	assert_int_equal(reason(s, "column 'Values': not published (blank or '-')"), 685);
	assert_int_equal(reason(s, "City of London, Inner or Outer London: not used"), 178);
	/* The dictionary lists CINPermExclusion twice (20 rows, 19 measures). */
	s = source(real, "education-youth/dfe-lait-dictionary-subset.csv");
	assert_int_equal(s->rows, 20);
	assert_int_equal(s->kept, 19);
	assert_int_equal(reason(s, "measure listed again (the first entry is used)"), 1);
	/* Every indicator of the data README's list. */
	static const char *const codes[] = {
		"TotPermEx", "SecPermEx", "PriPermEx", "TotFixedEx", "SecFixedEx",
		"Total_ Pup_FixedEx", "TotPerAbNew", "SFSecPerAbNew", "TotSevPerAbNew", "TotAbs",
		"SecUnauth", "FirstYJS", "ReoffYO", "ReoffYO15-17", "YoungPeopleFinance",
		"YouthJusticeFinance", "LAC", "LAC_Convictions", "CINPermExclusion",
	};
	const struct jb_lait *l = &real->youth->lait;
	assert_int_equal(l->n, sizeof codes / sizeof codes[0]);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const struct jb_lait_indicator *ind = jb_lait_find(l, codes[i]);
		if (!ind)
			fail_msg("indicator %s missing", codes[i]);
		assert_non_null(jb_lait_dict_of(l, ind));
	}
}

static void lait_real_values(void **state)
{
	(void)state;
	int hackney = borough("Hackney");
	/* [x['Values'] for x in L if x['Short Desc'] == 'TotPermEx' and
	 *  x['Years'] == '2023/24' and x['LA and Regions'] == 'Hackney']
	 *  -> ['0.15783']; London 2023/24 '6.6949999999999996E-2' (exponent
	 *  form); London 2021/22 '-' (not published). */
	assert_close(lait(real, "TotPermEx", hackney, "2023/24"), 0.15783, 1e-12);
	assert_close(lait(real, "TotPermEx", JB_LONDON, "2023/24"), 0.06695, 1e-12);
	assert_true(isnan(lait(real, "TotPermEx", JB_LONDON, "2021/22")));
	/* 2023-24 (OT): Hackney's spend on services for young people, line
	 * 258 of the file: '5321597'. */
	const struct jb_lait_indicator *yp = jb_lait_find(&real->youth->lait, "YoungPeopleFinance");
	int y = year_of(yp, "2023-24 (OT)");
	assert_true(y >= 0);
	assert_int_equal(yp->years[y].start, 2023);
	assert_close(lait(real, "YoungPeopleFinance", hackney, "2023-24 (OT)"), 5321597, 1e-12);
	/* Data item is given on the first row of each indicator only; the
	 * Hackney row above has it blank and is kept under the carried item
	 * (its doubled space made single). */
	assert_string_equal(yp->item, "Total Services for Young People (finance)");
	assert_string_equal(jb_lait_find(&real->youth->lait, "TotPermEx")->item,
			    "Total Permanent Explusions");
	/* Years settle by the dictionary's Year_Type: a plain year of an
	 * academic or financial year is the year it ends in. */
	const struct jb_lait_indicator *pa = jb_lait_find(&real->youth->lait, "TotPerAbNew");
	assert_int_equal(pa->years[year_of(pa, "2025")].start, 2024);  /* Academic Year */
	const struct jb_lait_indicator *fte = jb_lait_find(&real->youth->lait, "FirstYJS");
	assert_int_equal(fte->years[year_of(fte, "2024")].start, 2024); /* Calendar Year */
	const struct jb_lait_indicator *ro = jb_lait_find(&real->youth->lait, "ReoffYO");
	assert_int_equal(ro->years[year_of(ro, "2024")].start, 2023);   /* Financial Year */
	/* 2020 absence: every row '-', kept as a gap in the years. */
	assert_true(year_of(pa, "2020") >= 0);
	for (int a = 0; a < JB_LAIT_AREAS; a++)
		assert_true(isnan(lait(real, "TotPerAbNew", a, "2020")));
	/* Polarity: Low, NA and '-' in the dictionary. */
	const struct jb_lait *l = &real->youth->lait;
	assert_int_equal(jb_lait_dict_of(l, jb_lait_find(l, "TotPermEx"))->polarity, JB_POL_LOW_GOOD);
	assert_int_equal(jb_lait_dict_of(l, yp)->polarity, JB_POL_NONE);
	assert_int_equal(jb_lait_dict_of(l, jb_lait_find(l, "LAC"))->polarity, JB_POL_NONE);
	assert_string_equal(jb_lait_dict_of(l, fte)->units, "Rate per 100,000 of 10-17 population");
}

static void lait_year_labels(void **state)
{
	(void)state;
	int start, plain;
	assert_int_equal(jb_lait_parse_year("2023", &start, &plain), 0);
	assert_int_equal(start, 2023);
	assert_int_equal(plain, 1);
	assert_int_equal(jb_lait_parse_year("2022/23", &start, &plain), 0);
	assert_int_equal(start, 2022);
	assert_int_equal(plain, 0);
	assert_int_equal(jb_lait_parse_year("2023-24 (OT)", &start, &plain), 0);
	assert_int_equal(start, 2023);
	assert_int_equal(plain, 0);
	assert_int_equal(jb_lait_parse_year("1999/2000", &start, &plain), 0);
	assert_int_equal(start, 1999);
	static const char *const bad[] = {"0", "", "2022/24", "2022-", "abcd", "2023 (OT",
					  "2023xx", "20231", "1800", "2023-24 (OT) x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (jb_lait_parse_year(bad[i], &start, &plain) == 0)
			fail_msg("'%s' read as a year", bad[i]);
}

/* ---- LAIT: broken rows ---- */

static const char lait_fixture[] =
	"Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n"
	"TotPermEx,Total Permanent Exclusions,2022/23,Hackney,0.1,204,Inner London\n" /* 2 kept */
	",,2022/23,Camden,0.2,202,Inner London\n"            /* 3 blank Short Desc */
	"TotPermEx,,2022/23,Camden,n/a,202,Inner London\n"   /* 4 not a number */
	"TotPermEx,,2023/24,Camden,0.3,202,Inner London\n"   /* 5 kept, item carried */
	"TotPermEx,Something else,2023/24,Brent,0.4,304,Outer London\n" /* 6 item differs */
	"TotPermEx,,2023/24,Gotham,0.5,999,Outer London\n"   /* 7 not an area */
	"TotPermEx,,0,Camden,0.6,202,Inner London\n"         /* 8 not a year */
	"TotPermEx,,2023/24,Camden,0.7,202,Inner London\n"   /* 9 duplicate of 5 */
	"TotPermEx,,2023/24,Brent,-,304,Outer London\n"      /* 10 not published */
	"TotPermEx,,2023/24,City of London,0.8,201,Inner London\n" /* 11 not used */
	"TotPermEx,,2023/24,England,6.6E-2,970,NA\n"          /* 12 kept */
	"TotPermEx,,2023/24,Inner London,0.9,987,NA\n";      /* 13 not used */

static void lait_broken_rows(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	free(jb_write_file(dir, "education-youth/lait.csv", lait_fixture));
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	const struct jb_source *s = source(ds, "education-youth/lait.csv");
	assert_int_equal(s->rows, 12);
	assert_int_equal(s->kept, 3);
	assert_int_equal(s->set_aside, 9);
	/* the messages, with file, line and column */
	expect_in(diag, "education-youth/lait.csv:3: column 'Short Desc': blank", "diag");
	expect_in(diag, "education-youth/lait.csv:4: column 'Values': not a number (n/a)", "diag");
	expect_in(diag, "education-youth/lait.csv:6: column 'Data item': differs from the "
			"indicator's first Data item (Something else)", "diag");
	expect_in(diag, "education-youth/lait.csv:7: column 'LA and Regions': not a London "
			"borough, London or England (Gotham)", "diag");
	expect_in(diag, "education-youth/lait.csv:8: column 'Years': not a year", "diag");
	expect_in(diag, "education-youth/lait.csv:9: duplicate indicator, year and area "
			"(first at line 5)", "diag");
	/* '-' and the areas not used are counted, not printed */
	assert_null(strstr(diag, ":10:"));
	assert_null(strstr(diag, ":11:"));
	assert_int_equal(reason(s, "column 'Values': not published (blank or '-')"), 1);
	assert_int_equal(reason(s, "City of London, Inner or Outer London: not used"), 2);
	/* carried forward: line 5 has no Data item and is kept */
	const struct jb_lait_indicator *ind = jb_lait_find(&ds->youth->lait, "TotPermEx");
	assert_string_equal(ind->item, "Total Permanent Exclusions");
	assert_close(lait(ds, "TotPermEx", borough("Camden"), "2023/24"), 0.3, 1e-12);
	assert_close(lait(ds, "TotPermEx", JB_ENGLAND, "2023/24"), 0.066, 1e-12);
	assert_true(isnan(lait(ds, "TotPermEx", borough("Camden"), "2022/23")));
	/* no dictionary: plain titles, no polarity, and it is listed missing */
	assert_int_equal(ind->dict, -1);
	int missing_dict = 0;
	for (size_t i = 0; i < ds->sources.nmissing; i++)
		missing_dict |= strstr(ds->sources.missing[i], "LAIT data dictionary") != NULL;
	assert_true(missing_dict);
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

/* ---- ranks ---- */

static void ranks_follow_polarity(void **state)
{
	(void)state;
	/* Worked by hand. HiGood (higher is better): Brent 5, Barnet 10,
	 * Camden 20, Hackney 20 -> worst first: Brent 1, Barnet 2, Camden 3,
	 * Hackney 3. LoGood: Camden 20, Hackney 20, Barnet 10, Brent 5 ->
	 * Camden 1, Hackney 1, Barnet 3, Brent 4. A measure with polarity '-'
	 * ranks the highest first. */
	char *dir = jb_tmpdir();
	free(jb_write_file(dir, "education-youth/dict.csv",
			   "Measure_short,Chart_title,Polarity,y_axis_name,Year_Type,dps\n"
			   "HiGood,Higher is better,High,%,Academic Year,1\n"
			   "LoGood,Lower is better,Low,%,Academic Year,1\n"
			   "Plain,No direction,-,count,Annual,NA\n"));
	free(jb_write_file(dir, "education-youth/table.csv",
			   "Short Desc,Data item,Years,LA and Regions,Values\n"
			   "HiGood,H,2024,Brent,5\nHiGood,,2024,Barnet,10\n"
			   "HiGood,,2024,Camden,20\nHiGood,,2024,Hackney,20\n"
			   "HiGood,,2023,Brent,50\n"
			   "LoGood,L,2024,Brent,5\nLoGood,,2024,Barnet,10\n"
			   "LoGood,,2024,Camden,20\nLoGood,,2024,Hackney,20\n"
			   "Plain,P,2024,Brent,5\nPlain,,2024,Barnet,10\n"));
	struct jb_dataset *ds = jb_dataset_load(dir, &quiet);
	struct jb_findings *f = jb_analyse(ds, &tpl->theme, NULL);
	const struct jb_context *c = f->context;
	assert_int_equal(c->nlait, 3);
	const struct jb_lait_series *hi = &c->lait[0], *lo = &c->lait[1], *pl = &c->lait[2];
	int brent = borough("Brent"), barnet = borough("Barnet"), camden = borough("Camden"),
	    hackney = borough("Hackney");
	/* HiGood's years: "2023" and "2024" of an academic year: 2022, 2023 */
	assert_int_equal(hi->nyears, 2);
	assert_int_equal(hi->years[0].start, 2022);
	assert_int_equal(hi->latest, 1);
	assert_int_equal(hi->rank[brent], 1);
	assert_int_equal(hi->rank[barnet], 2);
	assert_int_equal(hi->rank[camden], 3);
	assert_int_equal(hi->rank[hackney], 3);
	assert_int_equal(hi->rank[borough("Bexley")], 0);
	assert_int_equal(hi->nranked, 4);
	assert_int_equal(lo->rank[camden], 1);
	assert_int_equal(lo->rank[hackney], 1);
	assert_int_equal(lo->rank[barnet], 3);
	assert_int_equal(lo->rank[brent], 4);
	assert_int_equal(pl->rank[barnet], 1);
	assert_int_equal(pl->rank[brent], 2);
	assert_int_equal(pl->years[0].start, 2024); /* "Annual": its own year */
	assert_int_equal(jb_context_check(c, ds, stderr), 0);
	/* no population: no spend per resident; nothing else supplied */
	assert_false(c->yp_per_youth.ok);
	assert_false(c->has_services || c->has_actions || c->has_offender);
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

static void real_ranks(void **state)
{
	(void)state;
	const struct jb_context *c = realf->context;
	assert_int_equal(jb_context_check(c, real, stderr), 0);
	/* TotPermEx 2023/24, 32 boroughs, highest first (polarity Low):
	 * sorted((float(x['Values']), x['LA and Regions']) for x in L if
	 * x['Short Desc'] == 'TotPermEx' and x['Years'] == '2023/24' and
	 * x['LA and Regions'] not in ('London', 'England', 'City of London'))
	 * -> Hackney 0.15783 1st, Hammersmith and Fulham 0.15114 2nd, Camden 4th. */
	const struct jb_lait_series *pe = c->slot[JB_CTX_PERMEX];
	assert_non_null(pe);
	assert_string_equal(pe->years[pe->latest].label, "2023/24");
	assert_int_equal(pe->nranked, 32);
	assert_int_equal(pe->rank[borough("Hackney")], 1);
	assert_int_equal(pe->rank[borough("Hammersmith and Fulham")], 2);
	assert_int_equal(pe->rank[borough("Camden")], 4);
	/* FirstYJS 2024: Waltham Forest 272, Hackney 255, Lambeth and Camden
	 * 241 (a tie: both 3rd, no 4th), the next 5th. */
	const struct jb_lait_series *fte = c->slot[JB_CTX_FTE];
	assert_int_equal(fte->rank[borough("Waltham Forest")], 1);
	assert_int_equal(fte->rank[borough("Hackney")], 2);
	assert_int_equal(fte->rank[borough("Lambeth")], 3);
	assert_int_equal(fte->rank[borough("Camden")], 3);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		assert_int_not_equal(fte->rank[b], 4);
	/* ReoffYO 2024: Hackney's value is '-': not ranked. */
	assert_int_equal(c->slot[JB_CTX_REOFF]->rank[borough("Hackney")], 0);
	assert_true(c->slot[JB_CTX_REOFF]->nranked < 32);
}

static void spend_per_resident(void **state)
{
	(void)state;
	/* sp = {x['LA and Regions']: x['Values'] for x in L if x['Short Desc']
	 * == 'YoungPeopleFinance' and x['Years'] == '2024-25 (OT)'};
	 * float(sp['Hackney']) / P['Hackney'] -> 204.90243233715876;
	 * Bromley 30.76377086262762; London: the 31 boroughs with a value
	 * (Wandsworth's is '-') -> 123.3285052051924; YouthJusticeFinance
	 * Hackney 143.187575888136. */
	const struct jb_context *c = realf->context;
	const struct jb_spend_per_youth *p = &c->yp_per_youth;
	assert_true(p->ok);
	assert_string_equal(p->spend->years[p->latest].label, "2024-25 (OT)");
	size_t y = (size_t)p->latest;
	assert_close(p->v[(size_t)borough("Hackney") * p->nyears + y], 204.90243233715876, 1e-9);
	assert_close(p->v[(size_t)borough("Bromley") * p->nyears + y], 30.76377086262762, 1e-9);
	assert_close(p->v[(size_t)JB_LONDON * p->nyears + y], 123.3285052051924, 1e-9);
	assert_int_equal(p->london_n[y], 31);
	assert_int_equal(p->london_n[0], 32);
	assert_true(isnan(p->v[(size_t)borough("Wandsworth") * p->nyears + y]));
	assert_int_equal(p->rank[borough("Wandsworth")], 0);
	assert_int_equal(p->rank[borough("Camden")], 1); /* 336.04, the highest */
	const struct jb_spend_per_youth *j = &c->yj_per_youth;
	assert_close(j->v[(size_t)borough("Hackney") * j->nyears + (size_t)j->latest],
		     143.187575888136, 1e-9);
}

/* ---- similar boroughs ---- */

/* Every borough's measures and five most similar boroughs, nearest first,
 * as tests/reference/similar_reference.py computes them from the source
 * files (its .txt output gives the distances). The density there is over
 * the ellipsoidal area, 0.02-0.05% larger than British National Grid's
 * planar area the program uses; a common scale leaves the z-scores alone,
 * and the lists agree. */
static void similar_boroughs_match_the_reference(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof ref_similar / sizeof ref_similar[0]; i++) {
		const struct ref_similar *r = &ref_similar[i];
		int b = jb_borough_by_code(r->code);
		assert_true(b >= 0);
		assert_string_equal(jb_boroughs[b].name, r->name);
		const struct jb_area_findings *a = &realf->area[b];
		assert_close(a->imd_mean, r->imd_mean, 1e-9);
		assert_close(a->share_10_24, r->share_10_24, 1e-9);
		assert_close(a->density, r->density, 1e-3);
		assert_int_equal(a->nsimilar, 5);
		for (int k = 0; k < 5; k++)
			assert_string_equal(jb_boroughs[a->similar[k]].code, r->similar[k]);
	}
}

/* A borough's row of the reference. */
static const struct ref_similar *ref_of(const char *code)
{
	for (size_t i = 0; i < sizeof ref_similar / sizeof ref_similar[0]; i++)
		if (strcmp(ref_similar[i].code, code) == 0)
			return &ref_similar[i];
	fail_msg("%s is not in tests/reference/similar_reference.h", code);
	return NULL;
}

static void similar_boroughs_mean(void **state)
{
	(void)state;
	/* The means below are over Hackney's five of the reference:
	 * Westminster, Lambeth, Haringey, Southwark, Lewisham. */
	int hackney = borough("Hackney");
	const struct ref_similar *r = ref_of("E09000012");
	static const char *const five[] = {"Westminster", "Lambeth", "Haringey", "Southwark",
					   "Lewisham"};
	for (int k = 0; k < 5; k++)
		assert_string_equal(jb_boroughs[borough(five[k])].code, r->similar[k]);
	/* S = ['Westminster', 'Lambeth', 'Haringey', 'Southwark', 'Lewisham'];
	 * v = [float(x['Values']) for x in L if x['Short Desc'] == 'TotPermEx'
	 *  and x['Years'] == '2023/24' and x['LA and Regions'] in S];
	 * sum(v) / len(v), len(v) -> 0.029252 5; 2015/16 -> 0.09396 5;
	 * 'TotFixedEx' 2023/24 -> 6.815156 5. */
	const struct jb_context *c = realf->context;
	const struct jb_lait_series *pe = c->slot[JB_CTX_PERMEX];
	const struct jb_lait_indicator *ind = jb_lait_find(&real->youth->lait, "TotPermEx");
	int n = -1;
	assert_close(jb_similar_mean_value(&pe->similar, hackney, year_of(ind, "2023/24"), &n),
		     0.029252, 1e-12);
	assert_int_equal(n, 5);
	assert_close(jb_similar_mean_value(&pe->similar, hackney, year_of(ind, "2015/16"), &n),
		     0.09396, 1e-12);
	ind = jb_lait_find(&real->youth->lait, "TotFixedEx");
	assert_close(jb_similar_mean_value(&c->slot[JB_CTX_SUSP]->similar, hackney,
					   year_of(ind, "2023/24"), NULL),
		     6.815156, 1e-12);
	/* No absence figures for 2020 (every row '-'): no mean, over none. */
	ind = jb_lait_find(&real->youth->lait, "TotPerAbNew");
	assert_true(isnan(jb_similar_mean_value(&c->slot[JB_CTX_PA]->similar, hackney,
						year_of(ind, "2020"), &n)));
	assert_int_equal(n, 0);
	/* Spend per resident aged 10-17, 2024-25 (OT), Kensington and
	 * Chelsea: similar Lambeth, Southwark, Westminster, Lewisham,
	 * Wandsworth (tests/reference/similar_reference.txt); Wandsworth's
	 * spend is '-', so the mean is over four: S = ['Lambeth', 'Southwark',
	 * 'Westminster', 'Lewisham', 'Wandsworth']; v = [float(sp[b]) / P[b]
	 * for b in S if sp[b] != '-']; sum(v) / len(v), len(v)
	 * -> 109.99498838011684 4. */
	int kc = borough("Kensington and Chelsea");
	static const char *const kc5[] = {"Lambeth", "Southwark", "Westminster", "Lewisham",
					  "Wandsworth"};
	r = ref_of("E09000020");
	for (int k = 0; k < 5; k++)
		assert_string_equal(jb_boroughs[borough(kc5[k])].code, r->similar[k]);
	const struct jb_spend_per_youth *p = &c->yp_per_youth;
	assert_close(jb_similar_mean_value(&p->similar, kc, p->latest, &n), 109.99498838011684,
		     1e-9);
	assert_int_equal(n, 4);
	/* London and England have no similar boroughs; out of range is NAN. */
	assert_null(jb_similar_mean_row(&pe->similar, JB_LONDON));
	assert_null(jb_similar_mean_row(&pe->similar, JB_ENGLAND));
	assert_non_null(jb_similar_mean_row(&pe->similar, hackney));
	assert_true(isnan(jb_similar_mean_value(&pe->similar, hackney, (int)pe->nyears, &n)));
	assert_int_equal(n, 0);
	assert_true(isnan(jb_similar_mean_value(&pe->similar, JB_LONDON, 0, NULL)));
	assert_int_equal(jb_context_check(c, real, stderr), 0);
}

/* Without the context measures there are no similar boroughs: the means
 * are all missing and the slides draw no similar line. */
static void similar_mean_without_similar_boroughs(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	free(jb_write_file(dir, "education-youth/table.csv",
			   "Short Desc,Data item,Years,LA and Regions,Values\n"
			   "TotPermEx,P,2023/24,Brent,0.1\nTotPermEx,,2023/24,Barnet,0.2\n"
			   "TotPermEx,,2023/24,London,0.15\n"));
	struct jb_dataset *ds = jb_dataset_load(dir, &quiet);
	struct jb_findings *f = jb_analyse(ds, &tpl->theme, NULL);
	int brent = borough("Brent");
	assert_int_equal(f->area[brent].nsimilar, 0);
	const struct jb_lait_series *s = f->context->slot[JB_CTX_PERMEX];
	assert_non_null(s);
	int n = -1;
	assert_true(isnan(jb_similar_mean_value(&s->similar, brent, 0, &n)));
	assert_int_equal(n, 0);
	assert_int_equal(jb_context_check(f->context, ds, stderr), 0);
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* ---- youth services ---- */

static void services_real(void **state)
{
	(void)state;
	/* 145 rows, all kept; Hackney: 6 services, sum of weekly_sessions 40
	 * (sum(int(x['weekly_sessions']) for x in S if x['borough'] ==
	 * 'Hackney')). A ray-casting test on the WGS84 borough GeoJSON puts 144
	 * of the 145 points inside their named borough (Redbridge youth club 4
	 * lies 11 m outside the generalised boundary): the projection to BNG
	 * must agree. */
	const struct jb_source *s = source(real, "youth-services/youth-services-illustrative.csv");
	assert_int_equal(s->rows, 145);
	assert_int_equal(s->kept, 145);
	const struct jb_youth_data *yd = real->youth;
	size_t inside = 0, illustrative = 0;
	for (size_t i = 0; i < yd->nservices; i++) {
		inside += jb_borough_locate(real, yd->services[i].x, yd->services[i].y) ==
			  yd->services[i].borough;
		illustrative += (size_t)yd->services[i].illustrative;
	}
	assert_int_equal(inside, 144);
	assert_int_equal(illustrative, 145);
	const struct jb_services_area *h = &realf->context->services[borough("Hackney")];
	assert_int_equal(h->nsvc, 6);
	assert_close(h->sessions, 40, 0);
	assert_true(h->illustrative);
}

/* The share of hot LSOAs within reach, recounted here from the hot-spot
 * classes and the coordinates with plain loops. */
static void services_reach_hot_spots(void **state)
{
	(void)state;
	const struct jb_context *c = realf->context;
	const struct jb_hotspots *h = realf->hot;
	assert_true(h->lsoa_ok);
	assert_true(c->has_hot);
	const struct jb_youth_data *yd = real->youth;
	size_t boroughs_with_hot = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		size_t hot = 0, near = 0;
		for (size_t u = 0; u < h->nunits; u++) {
			const struct jb_lsoa *l = &real->lsoa[h->unit_lsoa[u]];
			if (l->borough != b || h->gi.cls[u] <= 0)
				continue;
			hot++;
			int reached = 0;
			for (size_t i = 0; i < yd->nservices; i++)
				reached |= hypot(yd->services[i].x - l->cx, yd->services[i].y - l->cy) <= 1000;
			near += (size_t)reached;
		}
		const struct jb_services_area *a = &c->services[b];
		assert_int_equal(a->nhot, hot);
		assert_int_equal(a->nhot_near, near);
		if (hot) {
			assert_close(a->hot_share, (double)near / (double)hot, 1e-12);
			boroughs_with_hot++;
		} else {
			assert_true(isnan(a->hot_share));
		}
	}
	assert_true(boroughs_with_hot > 5);
}

static void services_broken_rows(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("mkdir -p '%s/boundaries' && cp sample-data/boundaries/"
			      "london-boroughs-2022-gen20.geojson '%s/boundaries/'",
			      dir, dir);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	free(cmd);
	free(jb_write_file(
		dir, "youth-services/a.csv",
		"name,type,borough,lon,lat,weekly_sessions,age_min,age_max,status\n"
		"Club,Youth club,Hackney,-0.0537,51.5407,7,10,18,verified\n"  /* 2 kept */
		"Hub,Youth hub,E09000007,-0.1400,51.5400,,,,\n"              /* 3 kept, GSS, blanks */
		"Club,Youth club,Gotham,-0.0537,51.5407,7,10,18,verified\n"   /* 4 borough */
		"Club,Youth club,Hackney,abc,51.5407,7,10,18,verified\n"      /* 5 lon */
		"Club,Youth club,Hackney,-0.0537,51.5407,7,18,10,verified\n"  /* 6 ages */
		"Club,Youth club,Hackney,51.5407,-0.0537,7,10,18,verified\n"  /* 7 swapped */
		",Youth club,Hackney,-0.0537,51.5407,7,10,18,verified\n"      /* 8 no name */
		"Club,Youth club,Hackney,-0.0537,51.5407,many,10,18,x\n"));   /* 9 sessions */
	free(jb_write_file(dir, "youth-services/b.csv", "name,borough,lon\nX,Hackney,0\n"));
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	const struct jb_source *s = source(ds, "youth-services/a.csv");
	assert_int_equal(s->rows, 8);
	assert_int_equal(s->kept, 2);
	expect_in(diag, "youth-services/a.csv:4: column 'borough': not one of the 32 boroughs (Gotham)",
		  "diag");
	expect_in(diag, "youth-services/a.csv:5: column 'lon': not a longitude (abc)", "diag");
	expect_in(diag, "youth-services/a.csv:6: column 'age_max': below age_min (10)", "diag");
	expect_in(diag, "youth-services/a.csv:7: column 'lon': location outside London", "diag");
	expect_in(diag, "youth-services/a.csv:8: column 'name': blank", "diag");
	expect_in(diag, "youth-services/a.csv:9: column 'weekly_sessions': not a whole number",
		  "diag");
	expect_in(diag, "youth-services/b.csv:1: column 'lat': required column missing", "diag");
	const struct jb_youth_data *yd = ds->youth;
	assert_int_equal(yd->nservices, 2);
	assert_int_equal(yd->services[1].borough, borough("Camden"));
	assert_int_equal(yd->services[1].weekly_sessions, -1);
	assert_int_equal(yd->services[1].age_min, -1);
	assert_false(yd->services[0].illustrative);
	/* a point in Hackney, projected: inside Hackney's boundary */
	assert_int_equal(jb_borough_locate(ds, yd->services[0].x, yd->services[0].y),
			 borough("Hackney"));
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

/* ---- actions ---- */

static void actions_real(void **state)
{
	(void)state;
	/* A = list(csv.DictReader(open('sample-data/actions/actions-illustrative.csv')));
	 * 126 rows; statuses Complete 34, On track 31, Delayed 32, Not started
	 * 29; overdue (due <= '2026-02-28', the period's end, and not
	 * Complete): 41. */
	const struct jb_source *s = source(real, "actions/actions-illustrative.csv");
	assert_int_equal(s->rows, 126);
	assert_int_equal(s->kept, 126);
	const struct jb_context *c = realf->context;
	assert_true(c->overdue_known);
	size_t st[JB_NACT_STATUS] = {0}, overdue = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		for (int k = 0; k < JB_NACT_STATUS; k++)
			st[k] += c->actions[b].nstatus[k];
		overdue += c->actions[b].noverdue;
	}
	assert_int_equal(st[JB_ACT_COMPLETE], 34);
	assert_int_equal(st[JB_ACT_ON_TRACK], 31);
	assert_int_equal(st[JB_ACT_DELAYED], 32);
	assert_int_equal(st[JB_ACT_NOT_STARTED], 29);
	assert_int_equal(overdue, 41);
	/* Barking and Dagenham: -01 Not started due 2026-03-31, -02 Not started
	 * due 2026-01-31 (overdue), -03 Complete 2026-06-30, -04 Delayed
	 * 2026-06-30: overdue first, then open by due date, then complete. */
	const struct jb_actions_area *bd = &c->actions[borough("Barking and Dagenham")];
	static const char *const order[] = {"barking-and-dagenham-02", "barking-and-dagenham-01",
					    "barking-and-dagenham-04", "barking-and-dagenham-03"};
	assert_int_equal(bd->n, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(real->youth->actions[bd->order[i]].id, order[i]);
	assert_int_equal(bd->noverdue, 1);
	assert_int_equal(bd->last_meeting, 20250915);
	assert_true(real->youth->actions[0].illustrative); /* the file's name says so */
	/* Hackney's theme offences: 12 months to the meeting (Oct 2024 - Sep
	 * 2025) 3850, latest 12 (Mar 2025 - Feb 2026) 3739, summed with python
	 * from the two borough-level files over the theme's categories. */
	const struct jb_actions_area *h = &c->actions[borough("Hackney")];
	assert_true(h->change_ok);
	assert_int_equal(h->then_last, jb_month(2025, 9));
	assert_close(h->count_then, 3850, 0);
	assert_close(h->count_now, 3739, 0);
	assert_close(h->pct, 100.0 * (3739 - 3850) / 3850.0, 1e-12);
	assert_close(h->rate_then, 3850 / realf->area[borough("Hackney")].population * 1000, 1e-12);
	/* one population for both windows: the rate changes as the count does */
	assert_close(h->rate_pct, 100.0 * (3739 - 3850) / 3850.0, 1e-12);
}

static void actions_broken_rows(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	free(jb_write_file(
		dir, "actions/log.csv",
		"borough,meeting_date,action_id,action,owner,due,status,update\n"
		"Hackney,2025-09-15,h-1,Patrols,MPS,2026-01-31,on track,\n"      /* 2 kept */
		"Hackney,2025-09-15,h-2,Lighting,TfL,2026-02-30,Delayed,\n"      /* 3 date */
		"Hackney,2025-09-15,h-3,Mentoring,YOS,2026-05-01,Done,\n"        /* 4 status */
		"Hackney,2025-09-15,h-1,Again,MPS,2026-05-01,Complete,\n"        /* 5 duplicate */
		"Gotham,2025-09-15,g-1,Bats,MPS,2026-05-01,Complete,\n"          /* 6 borough */
		"Hackney,15/09/2025,h-4,Hub,Council,2026-05-01,Complete,\n"      /* 7 meeting */
		"Hackney,2024-03-01,h-5,Older,Council,2024-06-01,NOT_STARTED,x\n")); /* 8 kept */
	free(jb_write_file(dir, "actions/other.csv", "borough,action_id,action\nHackney,x,y\n"));
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	const struct jb_source *s = source(ds, "actions/log.csv");
	assert_int_equal(s->rows, 7);
	assert_int_equal(s->kept, 2);
	expect_in(diag, "actions/log.csv:3: column 'due': not a date YYYY-MM-DD (2026-02-30)", "diag");
	expect_in(diag, "actions/log.csv:4: column 'status': not Complete, On track, Delayed or "
			"Not started (Done)", "diag");
	expect_in(diag, "actions/log.csv:5: column 'action_id': duplicate action id (h-1)", "diag");
	expect_in(diag, "actions/log.csv:6: column 'borough': not one of the 32 boroughs (Gotham)",
		  "diag");
	expect_in(diag, "actions/log.csv:7: column 'meeting_date': not a date", "diag");
	expect_in(diag, "actions/other.csv:1: column 'meeting_date': required column missing", "diag");
	const struct jb_youth_data *yd = ds->youth;
	assert_int_equal(yd->nactions, 2);
	assert_int_equal(yd->actions[0].status, JB_ACT_ON_TRACK);
	assert_int_equal(yd->actions[1].status, JB_ACT_NOT_STARTED);
	assert_false(yd->actions[0].illustrative);
	/* no crime data: no period end, so nothing can be judged overdue, and
	 * no change since the meeting */
	struct jb_findings *f = jb_analyse(ds, &tpl->theme, NULL);
	const struct jb_actions_area *h = &f->context->actions[borough("Hackney")];
	assert_false(f->context->overdue_known);
	assert_int_equal(h->noverdue, 0);
	assert_int_equal(h->last_meeting, 20250915);
	assert_false(h->change_ok);
	assert_string_equal(h->why, "no borough-level crime series");
	jb_findings_free(f);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

static void dates(void **state)
{
	(void)state;
	int d;
	assert_int_equal(jb_parse_ymd("2024-02-29", &d), 0);
	assert_int_equal(d, 20240229);
	assert_int_equal(jb_parse_ymd("2025-12-31", &d), 0);
	static const char *const bad[] = {"2025-02-29", "2100-02-29", "2025-13-01", "2025-00-10",
					  "2025-04-31", "2025-4-01", "20250401", "", "2025-04-01T00"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (jb_parse_ymd(bad[i], &d) == 0)
			fail_msg("'%s' read as a date", bad[i]);
	assert_int_equal(jb_ymd_month(20250915), jb_month(2025, 9));
}

/* ---- adult offender management ---- */

static const char offender_fixture[] =
	"borough,period,cohort,caseload,reoffending_rate,status\n"
	"Hackney,2025-12,IOM fixed,40,30.5,verified\n"        /* 2 kept, not the latest */
	"Hackney,2026-01,IOM fixed,42,31.3,verified\n"        /* 3 kept */
	"Hackney,2026-01,Community orders,1234,,verified\n"   /* 4 kept, no rate */
	"Hackney,2026-01,IOM flex,x,10,verified\n"            /* 5 caseload */
	"Hackney,2026-01,IOM flex,5,120,verified\n"           /* 6 rate */
	"Hackney,2026-01,IOM fixed,43,1,verified\n"           /* 7 duplicate */
	"Camden,2026-01,IOM fixed,17,22,ILLUSTRATIVE\n";      /* 8 kept */

static void offender_management(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	free(jb_write_file(dir, "offender-management/om.csv", offender_fixture));
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	const struct jb_source *s = source(ds, "offender-management/om.csv");
	assert_int_equal(s->rows, 7);
	assert_int_equal(s->kept, 4);
	expect_in(diag, "om.csv:5: column 'caseload': not a whole number >= 0 (x)", "diag");
	expect_in(diag, "om.csv:6: column 'reoffending_rate': not a percentage 0..100 (120)", "diag");
	expect_in(diag, "om.csv:7: column 'cohort': duplicate borough, period and cohort", "diag");
	struct jb_findings *f = jb_analyse(ds, &tpl->theme, NULL);
	const struct jb_offender_area *h = &f->context->offender[borough("Hackney")];
	assert_int_equal(h->month, jb_month(2026, 1));
	assert_int_equal(h->n, 2);
	/* by cohort: "Community orders" before "IOM fixed" */
	assert_string_equal(ds->youth->offender[h->rows[0]].cohort, "Community orders");
	assert_true(isnan(ds->youth->offender[h->rows[0]].reoffending));
	assert_close(ds->youth->offender[h->rows[1]].caseload, 42, 0);
	assert_false(h->illustrative);
	assert_true(f->context->offender[borough("Camden")].illustrative);
	jb_findings_free(f);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

/* ---- the slides, by their text ---- */

static const char *jembrief(void)
{
	const char *j = getenv("JEMBRIEF");
	return j && *j ? j : "build/jembrief";
}

/* The deck's text with every run of white space made one space; layout:
 * as laid out (table rows on one line), else in reading order (wrapped
 * titles in one piece). */
static char *deck_text(const char *pdf, int layout)
{
	char *cmd = xasprintf("pdftotext %s '%s' - | tr -s ' \\n\\f' '   '", layout ? "-layout" : "",
			      pdf);
	int st;
	char *text = jb_run(cmd, &st);
	assert_int_equal(st, 0);
	free(cmd);
	return text;
}

/* The page of the deck that holds needle, white space made single spaces;
 * the caller frees. */
static char *page_text(const char *pdf, const char *needle)
{
	return jb_fold_space(jb_pdf_page_with(pdf, needle));
}

static size_t count_of(const char *text, const char *want)
{
	size_t n = 0;
	for (const char *p = strstr(text, want); p; p = strstr(p + strlen(want), want))
		n++;
	return n;
}

static void slides_say_the_numbers(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	/* the sample data plus an offender-management file */
	char *cmd = xasprintf("mkdir -p '%s/data' && for d in sample-data/*; do ln -s \"$PWD/$d\" "
			      "'%s/data/'; done",
			      dir, dir);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	free(cmd);
	char *data = xasprintf("%s/data", dir);
	free(jb_write_file(data, "offender-management/om.csv", offender_fixture));
	cmd = xasprintf("'%s' --data '%s' --out '%s/out' --quiet hackney camden 2>&1", jembrief(),
			data, dir);
	char *log = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("exit %d: %s", st, log);
	free(log);
	free(cmd);
	char *pdf = xasprintf("%s/out/hackney.pdf", dir);
	char *t = deck_text(pdf, 0);
	/* exclusion and truancy: TotPermEx 2023/24 0.15783 (2 decimals, the
	 * dictionary's dps), the highest of 32; London 0.06695, England
	 * 0.12676... as published; the year in GOV.UK style, the title by
	 * the template's plain name */
	expect_in(t, "Permanent exclusions in Hackney: the highest rate of the 32 boroughs in 2023 "
		     "to 2024",
		  "exclusion title");
	expect_in(t, "Permanent exclusions (% of pupils): 0.16 in 2023 to 2024, highest of the 32 "
		     "boroughs (higher is worse); London 0.07",
		  "exclusion caption");
	/* youth services: £204.90 per resident 10-17 -> "£205"; London £123;
	 * the 6th of the 31 with a figure (Wandsworth's 2024-25 is '-': a
	 * rank "of 32" was not true); LAIT's "2024-25 (OT)" in GOV.UK style */
	expect_in(t, "Spend per resident aged 10-17: £205 in 2024 to 2025, the 6th highest of the 31 "
		     "boroughs with a figure; London £123",
		  "spend caption");
	/* the similar boroughs, named (Hackney's, as --dump-findings lists them) */
	expect_in(t, "School exclusions and absence, every year DfE publishes: Hackney against its "
		     "most similar boroughs (Westminster, Lambeth, Haringey, Southwark and "
		     "Lewisham), London and England",
		  "exclusion subtitle");
	expect_in(t, "similar boroughs (mean) is the plain mean of Westminster, Lambeth, Haringey, "
		     "Southwark and Lewisham, of those that reported",
		  "services note");
	expect_in(t, "Hackney lists 6 youth services", "services title");
	expect_in(t, "Hackney youth hub 5 (illustrative)", "services table");
	expect_in(t, "ILLUSTRATIVE: these services are made-up sample rows", "illustrative badge");
	/* youth justice: FirstYJS 2024 255, 2nd highest */
	expect_in(t, "Hackney has the 2nd highest rate of first-time entrants to youth justice of "
		     "the 32 boroughs: 255 per 100,000 aged 10-17",
		  "justice title");
	expect_in(t, "No figure published for Hackney", "suppressed reoffending");
	/* offender management from the file: January 2026, two cohorts */
	expect_in(t, "Adult offender management: January 2026", "om caption");
	/* actions: none overdue, 3,850 -> 3,739 (-2.9%) */
	expect_in(t, "0 of 3 actions from the 15 September 2025 meeting are overdue; offences fell "
		     "2.9% since the last meeting",
		  "actions title");
	expect_in(t, "3,850", "offences to the meeting");
	expect_in(t, "\xe2\x88\x92" "2.9% since the meeting", "change since the meeting");
	free(t);
	/* tables, row by row */
	t = deck_text(pdf, 1);
	expect_in(t, "Community orders 1,234 –", "om table");
	expect_in(t, "IOM fixed 42 31.3%", "om table");
	expect_in(t, "\xe2\x96\xb2 Delayed hackney-02 · Targeted patrols during school leaving times "
		     "Health (ICB) 31 Mar 2026", "actions table: symbol and status");
	expect_in(t, "\xe2\x9c\x94 Complete hackney-01", "actions table: complete last");
	free(t);
	/* the similar boroughs' mean line in every legend: the four exclusion
	 * panels (two rows of two, side by side as laid out) and the spend
	 * chart */
	t = page_text(pdf, "School exclusions and absence, every year DfE publishes");
	assert_int_equal(count_of(t, "Hackney Similar boroughs (mean) London England"), 4);
	free(t);
	t = page_text(pdf, "Spending on services for young people per resident aged 10-17");
	expect_in(t, "Hackney Similar boroughs (mean) London", "spend legend");
	assert_int_equal(count_of(t, "Similar boroughs (mean)"), 1);
	free(t);
	free(pdf);
	/* Camden: the offender-management rows are ILLUSTRATIVE */
	pdf = xasprintf("%s/out/camden.pdf", dir);
	t = deck_text(pdf, 0);
	expect_in(t, "ILLUSTRATIVE: made-up sample figures, not real caseloads.", "om badge");
	free(t);
	free(pdf);
	/* the tables beside the deck */
	char *csv = xasprintf("%s/out/hackney/data/exclusion-truancy.csv", dir);
	char *text = jb_slurp(csv, NULL);
	assert_non_null(text);
	expect_in(text, "TotPermEx,Total Permanent Exclusions (%),% of the school population,2023/24,"
			"2023,0.15783,0.06695,", "exclusion table");
	/* ... with the similar boroughs' mean (0.029252 over 5, see
	 * similar_boroughs_mean) appended */
	expect_in(text, "rank_1_is,similar_boroughs_mean,similar_boroughs_n,similar_boroughs,"
			"similar_boroughs_codes\n",
		  "exclusion table header");
	expect_in(text, "\nE09000012,Hackney,TotPermEx,", "exclusion table: the area first");
	expect_in(text, ",2023/24,2023,0.15783,0.06695,0.12889,1,highest,0.029252,5,Westminster; "
			"Lambeth; Haringey; Southwark; Lewisham,E09000033; E09000022; E09000014; "
			"E09000028; E09000023\n",
		  "exclusion table");
	free(text);
	free(csv);
	/* youth-spend.csv: 2024-25 (OT) Hackney 204.902432 (spend_per_resident);
	 * S = Hackney's five; v = [float(sp[b]) / P[b] for b in S if sp[b] !=
	 * '-']; sum(v) / len(v), len(v) -> 118.93733600995412 5, printed "%.6f" */
	csv = xasprintf("%s/out/hackney/data/youth-spend.csv", dir);
	text = jb_slurp(csv, NULL);
	assert_non_null(text);
	expect_in(text, "rank_of_32,similar_boroughs_spend_gbp_per_resident_10_17,"
			"similar_boroughs_n,similar_boroughs,similar_boroughs_codes\n",
		  "spend table header");
	expect_in(text, "\nE09000012,Hackney,YoungPeopleFinance,2024-25 (OT),2024,5231364,25531,"
			"204.902432,123.328505,31,6,118.937336,5,Westminster; Lambeth; Haringey; "
			"Southwark; Lewisham,E09000033; E09000022; E09000014; E09000028; E09000023\n",
		  "spend table");
	free(text);
	free(csv);
	csv = xasprintf("%s/out/hackney/data/actions.csv", dir);
	text = jb_slurp(csv, NULL);
	assert_non_null(text);
	expect_in(text, "\nE09000012,Hackney,1,hackney-02,2025-09-15,Targeted patrols during "
			"school leaving times,Health (ICB),2026-03-31,Delayed,0,", "actions table");
	free(text);
	free(csv);
	csv = xasprintf("%s/out/hackney/data/offender-management.csv", dir);
	text = jb_slurp(csv, NULL);
	assert_non_null(text);
	expect_in(text, "\nE09000012,Hackney,2026-01,IOM fixed,42,31.3,verified\n",
		  "offender table");
	free(text);
	free(csv);
	free(data);
	jb_rmtree(dir);
	free(dir);
}

/* Only the borough-level crime file: the local context slides are left
 * out, and the contents and sources slides say what is missing. */
static void missing_inputs_say_no_data(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *cmd = xasprintf("mkdir -p '%s/data/crime' && cp sample-data/crime/mps-borough-level-*"
			      " '%s/data/crime/' && '%s' --data '%s/data' --out '%s/out' --quiet "
			      "camden 2>&1",
			      dir, dir, jembrief(), dir, dir);
	int st;
	char *out = jb_run(cmd, &st);
	if (st != 0)
		fail_msg("exit %d: %s", st, out);
	free(out);
	free(cmd);
	char *pdf = xasprintf("%s/out/camden.pdf", dir);
	char *t = deck_text(pdf, 0);
	assert_null(strstr(t, "No data supplied"));
	expect_in(t, "Exclusion and truancy (no DfE LAIT exclusion and absence "
		     "figures (education-youth/))", "exclusion");
	expect_in(t, "Youth services (no youth services (youth-services/) or DfE "
		     "LAIT spending on them)", "services");
	expect_in(t, "Offender management and youth justice (no DfE LAIT youth "
		     "justice figures (education-youth/) or offender management)", "justice");
	expect_in(t, "Actions since the last meeting (no action log (actions/))",
		  "actions");
	free(t);
	free(pdf);
	char *dq = xasprintf("%s/out/data-quality.csv", dir);
	t = jb_slurp(dq, NULL);
	assert_non_null(t);
	expect_in(t, "action log (actions/),not supplied", "data-quality.csv");
	expect_in(t, "youth services (youth-services/),not supplied", "data-quality.csv");
	expect_in(t, "DfE LAIT education and youth justice table (education-youth/),not supplied",
		  "data-quality.csv");
	free(t);
	free(dq);
	jb_rmtree(dir);
	free(dir);
}

static void dump_lists_the_context(void **state)
{
	(void)state;
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	jb_findings_dump(realf, f);
	fclose(f);
	expect_in(buf, "lait TotPermEx \"Total Permanent Exclusions (%)\" units \"% of the school "
		       "population\" polarity lower_is_better latest 2023/24 ranked 32",
		  "dump");
	expect_in(buf, "  action barking-and-dagenham-02 due 2026-01-31 \"Not started\" overdue\n",
		  "dump");
	expect_in(buf, "  since_meeting to 2025-09 then 3850 now 3739", "dump");
	/* TotPermEx's similar boroughs' mean for Hackney, every year 2015/16
	 * to 2023/24: the one-liner of similar_boroughs_mean for each year,
	 * printed '%.6g' */
	expect_in(buf, "  similar_mean E09000012 0.09396 0.092488 0.097088 0.076524 0.030326 "
		       "0.026354 0.024642 0.029922 0.029252 n 5 5 5 5 5 5 5 5 5\n",
		  "dump");
	free(buf);
	jb_context_free(NULL);
	assert_int_equal(jb_context_check(NULL, real, NULL), 1);
}

/* jb_findings_check() covers every part of the findings: the real
 * findings pass, and one figure put out of line in any part (a tally that
 * no longer adds up, a share above 1, a rank of 99...) is found. Each is
 * put back before the next. */
#define BREAKS(lvalue, bad)                                                         \
	do {                                                                        \
		__typeof__(lvalue) keep = (lvalue);                                 \
		(lvalue) = (bad);                                                   \
		if (jb_findings_check(realf, NULL) < 1)                             \
			fail_msg("jb_findings_check misses %s = %s", #lvalue, #bad); \
		(lvalue) = keep;                                                    \
	} while (0)

static void findings_check_covers_every_part(void **state)
{
	(void)state;
	struct jb_findings *f = realf;
	int hackney = borough("Hackney");
	assert_int_equal(jb_findings_check(f, stderr), 0);
	BREAKS(f->area[hackney].rate_rank, 99);                       /* areas */
	BREAKS(f->area[hackney].key.holds, f->area[hackney].key.holds ^ 1ul); /* key findings */
	assert_true(f->hot->lsoa_ok && f->hot->emg_ok);
	BREAKS(f->hot->area[JB_LONDON].nhot, f->hot->area[JB_LONDON].nhot + 1); /* hot spots */
	BREAKS(f->hot->area[hackney].npersistent, 1000);
	BREAKS(f->hot->hot_steps[0], f->hot->hot_steps[0] + 1);
	assert_true(f->drivers->has_imd && f->drivers->has_model);
	BREAKS(f->drivers->area[hackney].decile_n[0], f->drivers->area[hackney].decile_n[0] + 1);
	BREAKS(f->drivers->area[JB_LONDON].funnel[2], 1.5);               /* drivers */
	BREAKS(f->drivers->top_domain, 7);
	BREAKS(f->context->services[hackney].hot_share, 2.0);            /* context */
	BREAKS(f->context->actions[hackney].noverdue, 1000);
	assert_true(f->confidence->nm > 0);
	BREAKS(f->confidence->m[0].below_run[hackney], -1);              /* confidence */
	assert_true(f->homicide->ok);
	BREAKS(f->homicide->area[JB_LONDON].per_year[0][0],              /* homicide */
	       f->homicide->area[JB_LONDON].per_year[0][0] + 1);
	assert_int_equal(jb_findings_check(f, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lait_real_rows),
		cmocka_unit_test(lait_real_values),
		cmocka_unit_test(lait_year_labels),
		cmocka_unit_test(lait_broken_rows),
		cmocka_unit_test(ranks_follow_polarity),
		cmocka_unit_test(real_ranks),
		cmocka_unit_test(spend_per_resident),
		cmocka_unit_test(similar_boroughs_match_the_reference),
		cmocka_unit_test(similar_boroughs_mean),
		cmocka_unit_test(similar_mean_without_similar_boroughs),
		cmocka_unit_test(services_real),
		cmocka_unit_test(services_reach_hot_spots),
		cmocka_unit_test(services_broken_rows),
		cmocka_unit_test(actions_real),
		cmocka_unit_test(actions_broken_rows),
		cmocka_unit_test(dates),
		cmocka_unit_test(offender_management),
		cmocka_unit_test(slides_say_the_numbers),
		cmocka_unit_test(missing_inputs_say_no_data),
		cmocka_unit_test(dump_lists_the_context),
		cmocka_unit_test(findings_check_covers_every_part),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
