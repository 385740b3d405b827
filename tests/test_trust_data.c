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

#include "../analysis/drivers.h"
#include "../analysis/findings.h"
#include "../analysis/hotspots.h"
#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../template_load.h"
#include "../util/strmap.h"
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

static void drop_dir(char *dir)
{
	jb_rmtree(dir);
	free(dir);
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
	drop_dir(dir);
}

/* "The later file wins on overlap", cell by cell: a revision in the
 * published spelling giving one cell (Hackney, "Violence with Injury",
 * 2023-07: 250 + 100 = 350, made by make-published-borough.py; python3 -c
 * "import csv,gzip; print([r['202307'] for r in csv.DictReader(gzip.open(
 * BORO_OLD,'rt')) if r['boroughname']=='Hackney' and r['minortext']==
 * 'VIOLENCE WITH INJURY'])" -> ['250']). Read after the shipped files it
 * replaces that cell alone: 4338 + 100; read before them, they replace it:
 * 4338. Before the fix it was a category of its own, added: 4688. */
static void later_file_wins_cell_by_cell(void **state)
{
	(void)state;
	static const struct { const char *to; double want; } cases[] = {
		{"crime/zz-revision.csv", 4438},
		{"crime/MPS-revision.csv", 4338},
	};
	for (size_t i = 0; i < 2; i++) {
		char *dir = data_dir(BORO_OLD, "crime/mps-borough-level-crime-2010-2024.csv.gz",
				     BORO_NEW, "crime/mps-borough-level-crime-2024-2026.csv.gz",
				     FIX "/published-revision-hackney-202307.csv", cases[i].to, NULL);
		struct jb_dataset *ds;
		struct jb_findings *f = analyse(dir, &ds, jb_month(2023, 7));
		assert_close(f->area[HACKNEY].change.a, cases[i].want, 0);
		assert_close(f->area[HACKNEY].change.b, 4423, 0);
		assert_int_equal(ds->ncategories, 34);
		jb_findings_free(f);
		jb_dataset_free(ds);
		drop_dir(dir);
	}
}

/* The registries' identity rule on its own: spellings seen across London
 * Datastore releases (case, spacing, "&" for "and") are one entry. */
static void one_identity_however_spelt(void **state)
{
	(void)state;
	struct jb_dataset ds = {0};
	int vwi = jb_category_intern(&ds, "VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY");
	assert_int_equal(jb_category_intern(&ds, "Violence Against the Person",
					    "Violence with Injury"), vwi);
	assert_int_equal(jb_category_intern(&ds, "Violence  Against The Person ",
					    "Violence With Injury"), vwi);
	int arson = jb_category_intern(&ds, "ARSON AND CRIMINAL DAMAGE", "ARSON");
	assert_int_equal(jb_category_intern(&ds, "Arson & Criminal Damage", "Arson"), arson);
	assert_int_not_equal(jb_category_intern(&ds, "ARSON AND CRIMINAL DAMAGE",
						"CRIMINAL DAMAGE"), arson);
	assert_int_equal(ds.ncategories, 3);
	assert_true(jb_category_is(&ds.categories[vwi], "violence against the person", NULL));
	assert_false(jb_category_is(&ds.categories[vwi], "ROBBERY", NULL));

	/* boroughs as MPS and MOPAC releases write them */
	assert_int_equal(jb_borough_by_name("City of Westminster"),
			 jb_borough_by_code("E09000033"));
	assert_int_equal(jb_borough_by_name("Kingston Upon Thames"),
			 jb_borough_by_code("E09000021"));
	assert_int_equal(jb_borough_by_name("Hammersmith & Fulham"),
			 jb_borough_by_code("E09000013"));
	assert_int_equal(jb_borough_by_name("City of London"), -1);

	int l = jb_lsoa_intern(&ds, "E01000006", "Barking and Dagenham 016A", 0);
	assert_int_equal(jb_lsoa_find(&ds, " e01000006 "), l);
	assert_int_equal(jb_lsoa_intern(&ds, "e01000006", NULL, -1), l);
	assert_string_equal(ds.lsoa[l].code, "E01000006");
	int w = jb_ward_intern(&ds, "E05013570", "Heathrow Villages", -1);
	assert_int_equal(jb_ward_intern(&ds, "e05013570 ", NULL, -1), w);
	assert_int_equal(ds.nward, 1);

	for (size_t i = 0; i < ds.ncategories; i++) {
		free(ds.categories[i].major);
		free(ds.categories[i].minor);
	}
	free(ds.categories);
	free(ds.lsoa[l].name);
	free(ds.lsoa);
	free(ds.ward[w].name);
	free(ds.ward);
	strmap_free(ds.category_index);
	strmap_free(ds.lsoa_index);
	strmap_free(ds.ward_index);
}

/* Defect "common BNG shapefiles refused". The spellings, in
 * tests/fixtures/trust-data/prj/ (see README there for how each was made):
 * the shipped .prj with the scale factor as the London Datastore's
 * statistical-GIS shapefiles write it (0.999601272), GDAL's OGC WKT1 with
 * TOWGS84, WKT2 and PROJJSON of EPSG:27700 with the same rounding, and
 * ESRI and OGC spellings of WGS84. Three lookalikes must stay refused: UTM
 * zone 30N, BNG with the false easting moved by 100 m, and BNG's
 * projection on the WGS84 datum. */
static void crs_identified_however_spelt(void **state)
{
	(void)state;
	static const struct { const char *file; enum jb_crs want; } cases[] = {
		{"sample-data/boundaries/london-lsoa2021-bng-shp/london-lsoa2021-gen20.prj",
		 JB_CRS_BNG},
		{FIX "/prj/bng-esri-london-datastore.prj", JB_CRS_BNG},
		{FIX "/prj/bng-ogc-wkt1-towgs84.prj", JB_CRS_BNG},
		{FIX "/prj/bng-wkt2.prj", JB_CRS_BNG},
		{FIX "/prj/bng-projjson.json", JB_CRS_BNG},
		{FIX "/prj/wgs84-esri.prj", JB_CRS_WGS84},
		{FIX "/prj/wgs84-ogc-wkt1.prj", JB_CRS_WGS84},
		{FIX "/prj/utm30n-esri.prj", JB_CRS_UNKNOWN},
		{FIX "/prj/bng-false-easting-moved.prj", JB_CRS_UNKNOWN},
		{FIX "/prj/tm-wgs84-datum.prj", JB_CRS_UNKNOWN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *wkt = jb_slurp(cases[i].file, NULL);
		assert_non_null(wkt);
		enum jb_crs got = jb_crs_identify(wkt);
		if (got != cases[i].want)
			fail_msg("%s: identified as %d, want %d", cases[i].file, got,
				 cases[i].want);
		free(wkt);
	}
	assert_int_equal(jb_crs_identify("EPSG:27700"), JB_CRS_BNG);
	assert_int_equal(jb_crs_identify("urn:ogc:def:crs:OGC:1.3:CRS84"), JB_CRS_WGS84);
}

#define LSOA_SHP "sample-data/boundaries/london-lsoa2021-bng-shp/london-lsoa2021-gen20"

/* The shipped LSOA shapefile with the London Datastore's .prj loads: all
 * its features are LSOAs with a shape. python3 -c "import struct; print(
 * struct.unpack('<I', open(LSOA_SHP + '.dbf','rb').read()[4:8])[0])"
 * -> 4994 records. */
static void london_datastore_prj_loads(void **state)
{
	(void)state;
	char *dir = data_dir(LSOA_SHP ".shp", "boundaries/lsoa/lsoa.shp",
			     LSOA_SHP ".shx", "boundaries/lsoa/lsoa.shx",
			     LSOA_SHP ".dbf", "boundaries/lsoa/lsoa.dbf",
			     FIX "/prj/bng-esri-london-datastore.prj", "boundaries/lsoa/lsoa.prj",
			     NULL);
	char *diag = NULL;
	struct jb_load_options lopt = {.quiet = 1, .jobs = 1};
	struct jb_dataset *ds = jb_load_capture(dir, &lopt, &diag);
	assert_non_null(ds);
	if (strstr(diag, "neither"))
		fail_msg("%s", diag);
	assert_true(ds->has_lsoa_shapes);
	size_t shaped = 0;
	for (size_t i = 0; i < ds->nlsoa; i++)
		shaped += ds->lsoa[i].poly.nrings > 0;
	assert_int_equal(shaped, 4994);
	free(diag);
	jb_dataset_free(ds);
	drop_dir(dir);
}


/* Runs jembrief with args (quiet, decks into a fresh folder); returns its
 * stderr (caller frees) and *status its exit status. */
static char *run_stderr(const char *args, int *status)
{
	char *out = jb_tmpdir();
	char *cmd = xasprintf("'%s' -q -j 1 -o '%s' %s 2>&1 >/dev/null", jb_jembrief(), out, args);
	char *err = jb_run(cmd, status);
	free(cmd);
	drop_dir(out);
	return err;
}

/* Hackney's deck written from sample-data with extra options into a fresh
 * folder; the run must succeed. deck_free() removes it. */
struct deck {
	char *out, *pdf, *log;
};

static struct deck borough_deck(const char *args, const char *slug)
{
	struct deck d = {.out = jb_tmpdir()};
	char *cmd = xasprintf("'%s' -q -j 1 -d sample-data -o '%s' %s %s 2>&1",
			      jb_jembrief(), d.out, args, slug);
	int status;
	d.log = jb_run(cmd, &status);
	free(cmd);
	if (status != 0)
		fail_msg("jembrief %s: status %d\n%s", args, status, d.log);
	d.pdf = xasprintf("%s/%s.pdf", d.out, slug);
	return d;
}

static struct deck hackney_deck(const char *args)
{
	return borough_deck(args, "hackney");
}

static void deck_free(struct deck *d)
{
	jb_rmtree(d->out);
	free(d->out);
	free(d->pdf);
	free(d->log);
}

/* Fails unless the deck's page holding marker says want. */
static void page_says(const struct deck *d, const char *marker, const char *want)
{
	char *page = jb_pdf_page_with(d->pdf, marker);
	jb_expect_in(page, want, marker);
	free(page);
}

static size_t lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Defect "unusable input exits 0": exit 2 and one line saying why. */
static void unusable_input_exits_2_with_one_line(void **state)
{
	(void)state;
	char *empty = jb_tmpdir();
	char *nocrime = data_dir("sample-data/population", "population", NULL);
	const struct { const char *dir, *want; } cases[] = {
		{empty, "no data file found that jembrief reads"},
		{nocrime, "crime/: no crime file found"},
	};
	for (size_t i = 0; i < 2; i++) {
		char *args = xasprintf("-d '%s'", cases[i].dir);
		int status;
		char *err = run_stderr(args, &status);
		assert_int_equal(status, 2);
		assert_int_equal(lines(err), 1);
		jb_expect_in(err, cases[i].want, cases[i].dir);
		free(err);
		free(args);
	}
	drop_dir(empty);
	drop_dir(nocrime);
}

/* Defect "--period outside the data". The shipped borough files cover
 * 2010-04 to 2026-02: python3 -c "import gzip; print([gzip.open(p,'rt').
 * readline().split(',')[i] for p,i in ((BORO_OLD,0),(BORO_NEW,23))])"
 * -> ['201004', '202602']. Before them: exit 2, one line. After them: the
 * deck is for 2026-02 and says so on stderr and its sources slide. */
static void period_outside_the_data(void **state)
{
	(void)state;
	int status;
	char *err = run_stderr("-d sample-data --dump-findings -p 2010-03", &status);
	assert_int_equal(status, 2);
	assert_int_equal(lines(err), 1);
	jb_expect_in(err, "--period 2010-03 is before the data: the borough-level crime "
			  "files cover 2010-04 to 2026-02", "period before the data");
	free(err);

	struct deck d = hackney_deck("-p 2030-01");
	const char *said = "--period 2030-01 is after the data, which end in 2026-02; "
			   "2026-02 is used instead";
	jb_expect_in(d.log, said, "stderr");
	/* the sources slide's note wraps in its column, beside the methods
	 * (pdftotext -layout runs the two columns' lines together): its
	 * pieces, one a line */
	page_says(&d, "What was read, what was set aside", "Period: --period 2030-01 is after the data");
	page_says(&d, "What was read, what was set aside", "2026-02 is used");
	page_says(&d, "data to", "data to February 2026");
	deck_free(&d);
}

/* --period at a month the data give only in part (make-cuts.py: the
 * shipped 2024-2026 borough file with 2026-02 a quarter of each count).
 * London's theme total in 2026-02 against the median of the 12 before:
 *   python3 -c "import csv,gzip,statistics as st; r=list(csv.DictReader(
 *     gzip.open(FIX + '/borough-partial-2026-02.csv.gz','rt'))); s=lambda x:
 *     (x['minortext'] in ('VIOLENCE WITH INJURY','HOMICIDE','ROBBERY OF PERSONAL
 *     PROPERTY') or x['majortext']=='POSSESSION OF WEAPONS') and
 *     x['boroughname']!='Unknown'; tot=lambda m: sum(int(x[m]) for x in r if
 *     s(x)); print(tot('202602'), st.median([tot(m) for m in ['2025%02d'%i
 *     for i in range(2,13)]+['202601']]))"  -> 1686 7780.0
 * below half: 2026-01 is used, and the note says so and why. */
static void period_at_an_incomplete_month(void **state)
{
	(void)state;
	char *dir = data_dir(FIX "/borough-partial-2026-02.csv.gz", "crime/b.csv.gz", NULL);
	struct jb_dataset *ds;
	struct jb_findings *f = analyse(dir, &ds, jb_month(2026, 2));
	assert_int_equal(f->period_end, jb_month(2026, 1));
	assert_true(f->period_moved);
	assert_null(f->period_refused);
	assert_string_equal(f->period_note,
			    "--period 2026-02 is not a complete month in the data; 2026-01, the "
			    "latest complete month before it, is used instead: 2026-02 left out "
			    "as incomplete (London total 1686 against a median of 7780 in the 12 "
			    "months before)");
	jb_findings_free(f);
	f = jb_analyse(ds, &syv->theme, &(struct jb_analysis_options){.period_end = jb_month(2026, 1)});
	assert_int_equal(f->period_end, jb_month(2026, 1));
	assert_false(f->period_moved);
	assert_null(f->period_note);
	jb_findings_free(f);
	jb_dataset_free(ds);
	drop_dir(dir);
}

#define DASHBOARD "sample-data/crime/mps-monthly-crime-dashboard.csv.gz"

/* Defect "a window compared with a shorter one": the shipped dashboard
 * starts in 2022-03, so at --period 2023-07 the 12 months before
 * (2021-08..2022-07) are only 5 in the data. Hackney's knife crime:
 *
 *   python3 -c "import csv,gzip; r=[x for x in csv.DictReader(gzip.open(
 *     'sample-data/crime/mps-monthly-crime-dashboard.csv.gz','rt'))
 *     if x['area_type']=='Borough']; print(min(x['month_year'][:7] for x in r),
 *     sum(float(x['count']) for x in r if x['area_name']=='Hackney' and
 *     x['crime_subtype']=='Knife Crime' and x['measure']=='Offences' and
 *     '2022-08'<=x['month_year'][:7]<='2023-07'))"
 *   -> 2022-03 532.0
 *
 * Before the fix the 5 months (222 offences) were compared with the 12:
 * +139.6%. */
static void dashboard_window_must_be_covered(void **state)
{
	(void)state;
	char *dir = data_dir(BORO_OLD, "crime/a.csv.gz", BORO_NEW, "crime/b.csv.gz",
			     DASHBOARD, "crime/dashboard.csv.gz", NULL);
	struct jb_dataset *ds;
	struct jb_findings *f = analyse(dir, &ds, jb_month(2023, 7));
	assert_string_equal(syv->theme.dash_subtypes[0], "Knife Crime");
	const struct jb_dash_window *w = &f->dash[0];
	assert_int_equal(w->first, jb_month(2022, 3));
	assert_int_equal(w->months_last, 12);
	assert_int_equal(w->months_prev, 5);
	assert_int_equal(w->status, JB_DASH_SHORT_PREV);
	assert_string_equal(w->why, "not compared: only 5 of the 12 months before are in the data");
	const struct jb_area_findings *h = &f->area[HACKNEY];
	assert_close(h->dash_last12[0], 532, 0);
	assert_true(isnan(h->dash_prev12[0]));
	assert_true(isnan(h->dash_pct[0]));
	jb_findings_free(f);

	/* Before the dashboard's first month: no count at all. At 2022-07
	 * the last 12 months (2021-08..2022-07) hold the same 5. */
	f = jb_analyse(ds, &syv->theme, &(struct jb_analysis_options){.period_end = jb_month(2022, 7)});
	w = &f->dash[0];
	assert_int_equal(w->months_last, 5);
	assert_int_equal(w->status, JB_DASH_SHORT_LAST);
	assert_string_equal(w->why, "only 5 of 12 months in the data");
	assert_true(isnan(f->area[HACKNEY].dash_last12[0]));
	jb_findings_free(f);
	jb_dataset_free(ds);
	drop_dir(dir);
}

/* The same on the deck: the knife crime tile gives the reason, not a
 * number. */
static void dashboard_tile_says_why(void **state)
{
	(void)state;
	struct deck d = hackney_deck("-p 2023-07");
	const char *tiles = "Knife crime offences, August 2022 to July 2023";
	page_says(&d, tiles, "532");
	/* in the tile's detail; "no comparison" is no phrase for a slide */
	page_says(&d, tiles, "not compared: only 5 of the 12 months before are in the data");
	char *page = jb_pdf_page_with(d.pdf, tiles);
	assert_null(strstr(page, "139.6"));
	free(page);
	deck_free(&d);
}

/* Defect "street-level and attrition windows ignore --period". The shipped
 * street files (City of London Police, 2017-01..2017-06) hold a few of the
 * theme's crimes in the 32 boroughs, by month:
 *
 *   python3 -c "import csv,glob; T={'Violence and sexual offences','Robbery',
 *     'Possession of weapons'}; print([sum(1 for x in csv.DictReader(open(f))
 *     if x['Crime type'] in T and x['LSOA name'] and not x['LSOA name']
 *     .startswith('City of London') and x['Longitude']) for f in
 *     sorted(glob.glob('sample-data/crime/police-uk-street/2017-0?/2017-??-city-of-london-street.csv'))])"
 *   -> [2, 3, 5, 1, 2, 2]
 *
 * At --period 2017-03 both street slides count 2017-01..2017-03 (10
 * crimes); before the fix they counted the files' own last months,
 * 2017-01..2017-06 (15). At 2026-02 the street files are older: their own
 * months, called out. At 2016-06 they start after the period: none. */
static void street_windows_follow_the_period(void **state)
{
	(void)state;
	char *dir = data_dir(BORO_OLD, "crime/a.csv.gz", BORO_NEW, "crime/b.csv.gz",
			     "sample-data/crime/police-uk-street", "crime/police-uk-street",
			     "sample-data/boundaries", "boundaries", NULL);
	struct jb_dataset *ds;
	struct jb_findings *f = analyse(dir, &ds, jb_month(2017, 3));
	const struct jb_hotspots *h = f->hot;
	const struct jb_drivers *d = f->drivers;
	assert_int_equal(h->street_first, jb_month(2017, 1));
	assert_int_equal(h->street_last, jb_month(2017, 3));
	assert_int_equal(h->street_age, JB_WINDOW_CURRENT);
	assert_int_equal(h->street_n, 10);
	assert_int_equal(d->street_first, jb_month(2017, 1));
	assert_int_equal(d->street_last, jb_month(2017, 3));
	const struct jb_drivers_area *L = &d->area[JB_LONDON];
	assert_close(L->known + L->unknown + L->unmapped, 10, 0);
	jb_findings_free(f);

	f = jb_analyse(ds, &syv->theme, &(struct jb_analysis_options){.period_end = jb_month(2026, 2)});
	assert_int_equal(f->hot->street_last, jb_month(2017, 6));
	assert_int_equal(f->hot->street_age, JB_WINDOW_OLDER);
	assert_int_equal(f->hot->street_n, 15);
	assert_int_equal(f->drivers->street_age, JB_WINDOW_OLDER);
	jb_findings_free(f);

	f = jb_analyse(ds, &syv->theme, &(struct jb_analysis_options){.period_end = jb_month(2016, 6)});
	assert_int_equal(f->hot->street_age, JB_WINDOW_NONE);
	assert_false(f->hot->has_street);
	jb_expect_in(f->hot->street_why, "start in 2017-01, after the period analysed (to 2016-06)",
		     "street why");
	assert_false(f->drivers->has_street);
	jb_findings_free(f);
	jb_dataset_free(ds);
	drop_dir(dir);
}

/* On the shipped sample the street slides say their months are older. */
static void older_source_called_out_on_the_slide(void **state)
{
	(void)state;
	/* Westminster: the shipped street files (the City of London's) place
	 * records there, so its deck has the density slide (issue 11: a deck
	 * without them leaves it out) */
	struct deck d = borough_deck("", "westminster");
	const char *older = "January 2017 to June 2017, older than the rest of the pack";
	page_says(&d, "(smoothed) from data.police.uk", older);
	page_says(&d, "Outcome stages of", older);
	deck_free(&d);
}

/* The LSOA file cut short (make-cuts.py: Hackney's rows, months to
 * 2025-06) beside the borough files to 2026-02: the maps keep the file's
 * own last 12 months and are called older.
 *   python3 -c "import csv,gzip; r=csv.DictReader(gzip.open(
 *     'sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz','rt'));
 *     s=lambda x: x['minor_category'] in ('VIOLENCE WITH INJURY','HOMICIDE',
 *     'ROBBERY OF PERSONAL PROPERTY') or x['major_category']=='POSSESSION OF WEAPONS';
 *     ms=['2024%02d'%m for m in range(7,13)]+['2025%02d'%m for m in range(1,7)];
 *     print(sum(int(x[m]) for x in r if x['borough']=='E09000012' and s(x) for m in ms))"
 *   -> 3623 */
static void lsoa_file_ending_early_is_older(void **state)
{
	(void)state;
	char *dir = data_dir(BORO_NEW, "crime/b.csv.gz", FIX "/lsoa-hackney-to-2025-06.csv.gz",
			     "crime/lsoa.csv.gz", NULL);
	struct jb_dataset *ds;
	struct jb_findings *f = analyse(dir, &ds, 0);
	assert_int_equal(f->period_end, jb_month(2026, 2));
	assert_true(f->has_lsoa);
	assert_int_equal(f->lsoa_period_end, jb_month(2025, 6));
	assert_int_equal(f->lsoa_age, JB_WINDOW_OLDER);
	assert_close(f->area[HACKNEY].lsoa_total12, 3623, 0);
	jb_findings_free(f);
	/* At a period inside it, the maps follow the period: current. */
	f = jb_analyse(ds, &syv->theme, &(struct jb_analysis_options){.period_end = jb_month(2025, 3)});
	assert_int_equal(f->lsoa_period_end, jb_month(2025, 3));
	assert_int_equal(f->lsoa_age, JB_WINDOW_CURRENT);
	jb_findings_free(f);
	jb_dataset_free(ds);
	drop_dir(dir);
}

/* The dashboard cut short (make-cuts.py: borough knife crime rows,
 * 2022-03..2025-06) beside the borough files to 2026-02. The knife crime
 * tile has only 4 of its 12 months (2025-03..2025-06): no count. The
 * positive outcome rate keeps the file's own last 12 months and is older.
 *   python3 -c "import csv,gzip; r=list(csv.DictReader(gzip.open(FIX +
 *     '/dashboard-knife-to-2025-06.csv.gz','rt'))); w=lambda x: '2024-07'<=
 *     x['month_year'][:7]<='2025-06' and x['area_name']=='Hackney'; print(*(sum(
 *     float(x['count']) for x in r if w(x) and x['measure']==m) for m in
 *     ('Offences','Positive Outcomes')))"  -> 644.0 57.0 */
static void dashboard_ending_early(void **state)
{
	(void)state;
	char *dir = data_dir(BORO_NEW, "crime/b.csv.gz", FIX "/dashboard-knife-to-2025-06.csv.gz",
			     "crime/dashboard.csv.gz", NULL);
	struct jb_dataset *ds;
	struct jb_findings *f = analyse(dir, &ds, 0);
	assert_int_equal(f->period_end, jb_month(2026, 2));
	assert_int_equal(f->dash[0].status, JB_DASH_SHORT_LAST);
	assert_int_equal(f->dash[0].months_last, 4);
	assert_string_equal(f->dash[0].why, "only 4 of 12 months in the data");
	assert_true(isnan(f->area[HACKNEY].dash_last12[0]));
	const struct jb_drivers *d = f->drivers;
	assert_true(d->has_po);
	assert_int_equal(d->po_age, JB_WINDOW_OLDER);
	assert_int_equal(d->po_first + (int)d->po_n - 1, jb_month(2025, 6));
	assert_close(d->area[HACKNEY].off_last12, 644, 0);
	assert_close(d->area[HACKNEY].po_last12, 57, 0);
	assert_close(d->area[HACKNEY].po_rate12, 100.0 * 57 / 644, 1e-12);
	jb_findings_free(f);
	jb_dataset_free(ds);
	drop_dir(dir);
}

/* The reason of src named what (NULL when none). */
static const struct jb_reason *reason(const struct jb_source *src, const char *what)
{
	for (size_t r = 0; r < src->nreasons; r++)
		if (strcmp(src->reasons[r].what, what) == 0)
			return &src->reasons[r];
	return NULL;
}


#define LSOA11 FIX "/lsoa2011"

/* Defect "two LSOA vintages merged": an LSOA 2011 file (made by
 * make-lsoa2011.py from Hackney's real polygons: 149 features, 5 with codes
 * no 2021 LSOA has) beside the shipped 2021 shapefile, and read before it
 * (path order). One vintage is used: the 2021 shapes alone, the 2011 file
 * set aside with its reason.
 *   python3 -c "import json; f=json.load(open(LSOA11 + '/hackney-lsoa2011.geojson'))
 *     ['features']; print(len(f), sum(x['properties']['LSOA11CD'].startswith('E0109')
 *     for x in f))"  -> 149 5
 *   python3 -c "import json; f=json.load(open('../shared/data/boundaries/
 *     london-lsoa2021-gen20.geojson'))['features']; print(len(f),
 *     sum(x['properties']['LAD22CD']!='E09000001' for x in f))"  -> 4994 4988
 * Before the fix the 5 became extra LSOAs (4,999) and 144 "LSOA given twice". */
static void one_lsoa_vintage(void **state)
{
	(void)state;
	char *dir = data_dir("sample-data/boundaries/london-lsoa2021-bng-shp",
			     "boundaries/london-lsoa2021-bng-shp",
			     LSOA11 "/hackney-lsoa2011.geojson", "boundaries/hackney-lsoa2011.geojson",
			     BORO_NEW, "crime/b.csv.gz", NULL);
	char *diag = NULL;
	struct jb_load_options lopt = {.quiet = 1, .jobs = 1};
	struct jb_dataset *ds = jb_load_capture(dir, &lopt, &diag);
	assert_non_null(ds);
	assert_null(strstr(diag, "given twice"));
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	size_t shaped = 0, study = 0;
	for (size_t i = 0; i < ds->nlsoa; i++) {
		shaped += ds->lsoa[i].poly.nrings > 0;
		study += ds->lsoa[i].poly.nrings > 0 && ds->lsoa[i].borough >= 0;
	}
	assert_int_equal(ds->nlsoa, 4994);
	assert_int_equal(shaped, 4994);
	assert_int_equal(study, 4988);
	const struct jb_source *s11 = jb_source_named(ds, "boundaries/hackney-lsoa2011.geojson");
	assert_int_equal(s11->rows, 149);
	assert_int_equal(s11->kept, 0);
	assert_int_equal(s11->set_aside, 149);
	const struct jb_reason *r = reason(s11, "LSOA 2011 boundary, not used: one LSOA "
						"vintage is used, LSOA 2021");
	assert_non_null(r);
	assert_int_equal(r->n, 149);
	free(diag);
	jb_dataset_free(ds);

	/* Alone, the 2011 file is the vintage used. */
	drop_dir(dir);
	dir = data_dir(LSOA11 "/hackney-lsoa2011.geojson", "boundaries/hackney-lsoa2011.geojson",
		       BORO_NEW, "crime/b.csv.gz", NULL);
	ds = jb_load_capture(dir, &lopt, &diag);
	assert_int_equal(ds->nlsoa, 149);
	assert_int_equal(jb_source_named(ds, "boundaries/hackney-lsoa2011.geojson")->kept, 149);
	free(diag);
	jb_dataset_free(ds);
	drop_dir(dir);
}

/* Street rows whose LSOA code is of another vintage (the 2017-01 file with
 * every code outside the City rewritten, make-lsoa2011.py) are placed by
 * their coordinates, kept, and counted in the data quality record:
 *   python3 -c "import csv; r=list(csv.DictReader(open(LSOA11 +
 *     '/2017-01-city-of-london-street.csv'))); print(sum(1 for x in r if
 *     x['LSOA code'].startswith('E0109') and x['Longitude']))"  -> 22
 * and by point-in-polygon (tests/fixtures/trust-data/street_pip_reference.py,
 * ray casting in python over the real polygons) 20 of them fall in the 32
 * boroughs, 1 in the City of London, 1 outside every LSOA. The original
 * file's 22 rows are all kept by their codes. */
static void street_rows_of_another_vintage_counted(void **state)
{
	(void)state;
	static const char *const files[] = {
		LSOA11 "/2017-01-city-of-london-street.csv",
		"sample-data/crime/police-uk-street/2017-01/2017-01-city-of-london-street.csv",
	};
	size_t kept[2];
	for (int k = 0; k < 2; k++) {
		char *dir = data_dir("sample-data/boundaries", "boundaries", files[k],
				     "crime/2017-01/2017-01-city-of-london-street.csv", NULL);
		char *diag = NULL;
		struct jb_load_options lopt = {.quiet = 1, .jobs = 1};
		struct jb_dataset *ds = jb_load_capture(dir, &lopt, &diag);
		const struct jb_source *s =
			jb_source_named(ds, "crime/2017-01/2017-01-city-of-london-street.csv");
		kept[k] = s->kept;
		const struct jb_reason *r = reason(s, "column 'LSOA code': not in the LSOA "
						      "boundaries used (another vintage?), placed "
						      "by its coordinates");
		if (k == 0) {
			assert_non_null(r);
			assert_true(r->used);
			assert_int_equal(r->n, 20);
			assert_non_null(reason(s, "outside London's LSOAs"));
			assert_int_equal(reason(s, "outside London's LSOAs")->n, 1);
		} else {
			assert_null(r);
		}
		free(diag);
		jb_dataset_free(ds);
		jb_rmtree(dir);
		free(dir);
	}
	assert_int_equal(kept[0], 20);
	assert_int_equal(kept[1], 22);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(releases_spelt_differently_merge_cell_by_cell),
		cmocka_unit_test(later_file_wins_cell_by_cell),
		cmocka_unit_test(one_identity_however_spelt),
		cmocka_unit_test(crs_identified_however_spelt),
		cmocka_unit_test(london_datastore_prj_loads),
		cmocka_unit_test(unusable_input_exits_2_with_one_line),
		cmocka_unit_test(period_outside_the_data),
		cmocka_unit_test(period_at_an_incomplete_month),
		cmocka_unit_test(dashboard_window_must_be_covered),
		cmocka_unit_test(dashboard_tile_says_why),
		cmocka_unit_test(street_windows_follow_the_period),
		cmocka_unit_test(older_source_called_out_on_the_slide),
		cmocka_unit_test(lsoa_file_ending_early_is_older),
		cmocka_unit_test(dashboard_ending_early),
		cmocka_unit_test(one_lsoa_vintage),
		cmocka_unit_test(street_rows_of_another_vintage_counted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
