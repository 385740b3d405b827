/* tests/test_ingest.c - the CSV ingest: csvtable, the readers, the loader.
 *
 * Real values come from sample-data/ and were computed independently from
 * the raw files with the python3 one-liners quoted beside each assertion
 * (run from sample-data/; B = the 32 borough names from ingest/areas.c).
 * Broken inputs are small fixtures in tests/fixtures/ingest/ or files
 * written here; their expected values are worked by hand in the comments.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#include "../ingest/csvtable.h"
#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../ingest/readers.h"
#include "../util/xalloc.h"

static const struct jb_load_options quiet = {.quiet = 1};

/* ---- helpers ---- */

static int borough(const char *name)
{
	int b = jb_borough_by_name(name);
	assert_true(b >= 0);
	return b;
}

static int category(const struct jb_dataset *ds, const char *major, const char *minor)
{
	for (size_t i = 0; i < ds->ncategories; i++)
		if (strcmp(ds->categories[i].major, major) == 0 &&
		    strcmp(ds->categories[i].minor, minor) == 0)
			return (int)i;
	return -1;
}

/* The count for area x category x month at a level; -1 when the table has
 * no such row, -2 when the month is outside the table. */
static long cell(const struct jb_dataset *ds, int level, int area, const char *major,
		 const char *minor, int month)
{
	const struct jb_crime_table *t = &ds->crime[level];
	int cat = category(ds, major, minor);
	int m = month - t->first_month;
	if (m < 0 || m >= t->nmonths)
		return -2;
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].area == area && t->rows[r].cat == cat)
			return t->rows[r].counts[m];
	return -1;
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

static int has_missing(const struct jb_dataset *ds, const char *what)
{
	for (size_t i = 0; i < ds->sources.nmissing; i++)
		if (strcmp(ds->sources.missing[i], what) == 0)
			return 1;
	return 0;
}

/* Load dir with diagnostics captured; *diag gets them (caller frees). */
static struct jb_dataset *load_capture(const char *dir, char **diag)
{
	return jb_load_capture(dir, &quiet, diag);
}

static void link_into(const char *dir, const char *name, const char *target)
{
	char *abs = realpath(target, NULL);
	assert_non_null(abs);
	char *path = jb_write_file(dir, name, ""); /* makes the folders */
	unlink(path);
	assert_int_equal(symlink(abs, path), 0);
	free(abs);
	free(path);
}

/* ---- the real sample data, loaded once ---- */

static struct jb_dataset *real;
static char *real_diag;

static int load_real(void **state)
{
	(void)state;
	real = load_capture("sample-data", &real_diag);
	return real ? 0 : -1;
}

static int free_real(void **state)
{
	(void)state;
	jb_dataset_free(real);
	free(real_diag);
	return 0;
}

static void real_data_loads_clean(void **state)
{
	(void)state;
	/* The published files have no malformed rows: nothing printed. */
	assert_string_equal(real_diag, "");
	assert_int_equal(jb_dataset_check(real, stderr), 0);
	/* sample-data/ ships no adult offender-management file (no open data) */
	assert_int_equal(real->sources.nmissing, 1);
	assert_true(has_missing(real, "adult offender management (offender-management/)"));
	assert_true(real->has_crime[JB_LEVEL_BOROUGH] && real->has_crime[JB_LEVEL_WARD] &&
		    real->has_crime[JB_LEVEL_LSOA] && real->has_dash && real->has_street &&
		    real->has_census);
	assert_int_equal(real->imd_edition, 2025);
	assert_int_equal(real->pop_year, 2020);
}

/* Each borough's label point (where the overview map names it) lies
 * inside the borough, and inside one of its own LSOAs, read from another
 * file (the LSOA boundaries), so a point computed from the wrong ring or
 * in the wrong coordinates cannot pass. */
static void real_borough_label_points(void **state)
{
	(void)state;
	assert_true(real->has_borough_shapes && real->has_lsoa_shapes);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		double x = real->borough_cx[b], y = real->borough_cy[b];
		assert_true(real->borough_shape[b].nrings > 0);
		assert_true(jb_polygon_contains(&real->borough_shape[b], x, y));
		int in = -2;
		for (size_t l = 0; l < real->nlsoa && in == -2; l++)
			if (jb_polygon_contains(&real->lsoa[l].poly, x, y))
				in = real->lsoa[l].borough;
		if (in != b)
			fail_msg("%s: label point %.0f %.0f lies in an LSOA of borough %d",
				 jb_boroughs[b].name, x, y, in);
	}
}

static void real_borough_crime(void **state)
{
	(void)state;
	/* rows / kept / set aside per file:
	 * python3 -c "import csv,gzip;r=list(csv.DictReader(gzip.open(F,'rt')));
	 *   print(len(r), sum(x['boroughname'] in B for x in r))"
	 * 2010-2024: 1085 rows, 1025 in the 32 ("London Heathrow and London City
	 * Airports" and "Unknown" set aside); 2024-2026: 1032, 1000 ("Unknown"). */
	const struct jb_source *s;
	s = source(real, "crime/mps-borough-level-crime-2010-2024.csv.gz");
	assert_int_equal(s->rows, 1085);
	assert_int_equal(s->kept, 1025);
	assert_int_equal(s->set_aside, 60);
	assert_int_equal(reason(s, "outside the 32 boroughs"), 60);
	s = source(real, "crime/mps-borough-level-crime-2024-2026.csv.gz");
	assert_int_equal(s->rows, 1032);
	assert_int_equal(s->kept, 1000);
	assert_int_equal(s->set_aside, 32);

	/* Both files merge into one table 2010-04 .. 2026-02 (191 months). */
	const struct jb_crime_table *t = &real->crime[JB_LEVEL_BOROUGH];
	assert_int_equal(t->first_month, jb_month(2010, 4));
	assert_int_equal(t->nmonths, 191);
	for (int m = 0; m < t->nmonths; m++)
		assert_int_equal(t->covered[m], 1);

	/* Hackney VIOLENCE WITH INJURY: python3 -c "import csv,gzip;[print(x.get('202501'),
	 *   x.get('201004'),x.get('202402')) for F in (OLD,NEW) for x in
	 *   csv.DictReader(gzip.open(F,'rt')) if x['boroughname']=='Hackney' and
	 *   x['minortext']=='VIOLENCE WITH INJURY']" -> 201004: 197, 202402: 184
	 *   (2010-2024 file), 202501: 164 (2024-2026 file). */
	int hk = borough("Hackney");
	const char *vap = "VIOLENCE AGAINST THE PERSON", *vwi = "VIOLENCE WITH INJURY";
	assert_int_equal(cell(real, JB_LEVEL_BOROUGH, hk, vap, vwi, jb_month(2025, 1)), 164);
	assert_int_equal(cell(real, JB_LEVEL_BOROUGH, hk, vap, vwi, jb_month(2010, 4)), 197);
	assert_int_equal(cell(real, JB_LEVEL_BOROUGH, hk, vap, vwi, jb_month(2024, 2)), 184);
}

static void real_lsoa_and_ward_crime(void **state)
{
	(void)state;
	const struct jb_source *s = source(real, "crime/mps-lsoa-level-crime-2024-2026.csv.gz");
	assert_int_equal(s->rows, 105620);
	assert_int_equal(s->kept, 105620);
	const struct jb_crime_table *t = &real->crime[JB_LEVEL_LSOA];
	assert_int_equal(t->first_month, jb_month(2024, 2));
	assert_int_equal(t->nmonths, 25);
	assert_int_equal(t->nrows, 105620);

	/* python3 -c "import csv,gzip;h=[x for x in csv.DictReader(gzip.open(
	 *   'crime/mps-lsoa-level-crime-2024-2026.csv.gz','rt')) if x['borough']==
	 *   'E09000012' and x['minor_category']=='VIOLENCE WITH INJURY'];
	 *   print([(x['202501'],x['202402']) for x in h if x['lsoa_code']=='E01033708'],
	 *   sum(int(x['202501']) for x in h), len(h))" -> [('16','0')] 158 149 */
	const char *vap = "VIOLENCE AGAINST THE PERSON", *vwi = "VIOLENCE WITH INJURY";
	int l = jb_lsoa_find(real, "E01033708");
	assert_true(l >= 0);
	assert_int_equal(real->lsoa[l].borough, borough("Hackney"));
	assert_int_equal(cell(real, JB_LEVEL_LSOA, l, vap, vwi, jb_month(2025, 1)), 16);
	assert_int_equal(cell(real, JB_LEVEL_LSOA, l, vap, vwi, jb_month(2024, 2)), 0);
	long sum = 0, n = 0;
	int cat = category(real, vap, vwi);
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].cat == cat &&
		    real->lsoa[t->rows[r].area].borough == borough("Hackney")) {
			sum += t->rows[r].counts[jb_month(2025, 1) - t->first_month];
			n++;
		}
	assert_int_equal(sum, 158);
	assert_int_equal(n, 149);

	/* Ward level: python3 -c "import csv,gzip;w=list(csv.DictReader(gzip.open(
	 *   'crime/mps-ward-level-crime-2024-2026.csv.gz','rt')));print(len(w),
	 *   sum(x['lookup_boroughname'].startswith('Aviation') for x in w),
	 *   [x['202501'] for x in w if x['wardcode']=='E05009367' and
	 *   x['minortext']=='VIOLENCE WITH INJURY'])" -> 18688 31 ['3'] */
	s = source(real, "crime/mps-ward-level-crime-2024-2026.csv.gz");
	assert_int_equal(s->rows, 18688);
	assert_int_equal(s->kept, 18688 - 31);
	assert_int_equal(reason(s, "outside the 32 boroughs"), 31);
	int w = -1;
	for (size_t i = 0; i < real->nward; i++)
		if (strcmp(real->ward[i].code, "E05009367") == 0)
			w = (int)i;
	assert_true(w >= 0);
	assert_string_equal(real->ward[w].name, "Brownswood");
	assert_int_equal(real->ward[w].borough, borough("Hackney"));
	assert_int_equal(cell(real, JB_LEVEL_WARD, w, vap, vwi, jb_month(2025, 1)), 3);
}

static void real_dashboard(void **state)
{
	(void)state;
	/* python3 -c "import csv,gzip,collections;d=list(csv.DictReader(gzip.open(
	 *   'crime/mps-monthly-crime-dashboard.csv.gz','rt')));print(len(d),
	 *   collections.Counter(x['area_type'] for x in d),sum(x['area_type']==
	 *   'Borough' and x['area_code'].startswith('E09') and x['area_code']!=
	 *   'E09000001' for x in d))" -> 59431, SNT 49643, Borough 9788, kept 9472
	 * (the other 316 Borough rows are "N/K (Legacy Only)", blank, "Non MET
	 * police force" and "Aviation Security (SO18) (Legacy Only)"). */
	const struct jb_source *s = source(real, "crime/mps-monthly-crime-dashboard.csv.gz");
	assert_int_equal(s->rows, 59431);
	assert_int_equal(s->kept, 9472);
	assert_int_equal(reason(s, "area_type is not Borough"), 49643);
	assert_int_equal(reason(s, "outside the 32 boroughs"), 316);
	assert_int_equal(real->dash.nrows, 9472);

	/* Hackney, 2025-01, Knife Crime: Offences 53, Positive Outcomes 8:
	 * python3 -c "...[print(x['crime_subtype'],x['measure'],x['count']) for x in d
	 *   if x['area_type']=='Borough' and x['area_code']=='E09000012' and
	 *   x['month_year'].startswith('2025-01')]" */
	int hk = borough("Hackney"), found = 0;
	const struct jb_dashboard *db = &real->dash;
	for (size_t i = 0; i < db->nrows; i++) {
		const struct jb_dash_row *r = &db->rows[i];
		if (r->borough != hk || r->month != jb_month(2025, 1) ||
		    strcmp(db->subtypes[r->subtype], "Knife Crime") != 0)
			continue;
		assert_string_equal(db->types[r->subtype], "Knife Crime");
		if (strcmp(db->measures[r->measure], "Offences") == 0) {
			assert_close(r->count, 53, 0);
			found |= 1;
		} else if (strcmp(db->measures[r->measure], "Positive Outcomes") == 0) {
			assert_close(r->count, 8, 0);
			found |= 2;
		}
	}
	assert_int_equal(found, 3);
}

static void real_population(void **state)
{
	(void)state;
	/* python3 -c "import csv;p={x['code']:x for x in csv.DictReader(open(
	 *   'population/ons-mid2020-single-year-of-age-london.csv'))};h=p['E09000012'];
	 *   print(sum(int(h['age_%d'%a]) for a in range(10,18)),h['all_ages'],
	 *   h['age_90'],p['E12000007']['all_ages'])" -> 25531 280941 1087 9002488 */
	const struct jb_population *p = &real->pop[borough("Hackney")];
	assert_true(p->has);
	double youth = 0;
	for (int a = 10; a <= 17; a++)
		youth += p->age[a];
	assert_close(youth, 25531, 0);
	assert_close(p->all_ages, 280941, 0);
	assert_close(p->age[JB_MAXAGE], 1087, 0);
	assert_close(real->pop[JB_LONDON].all_ages, 9002488, 0);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		assert_true(real->pop[b].has);
	/* England and the City of London are the 2 rows set aside (35 rows). */
	const struct jb_source *s;
	s = source(real, "population/ons-mid2020-single-year-of-age-london.csv");
	assert_int_equal(s->rows, 35);
	assert_int_equal(s->kept, 33);

	/* Census: python3 -c "import csv,gzip,collections;c=collections.Counter()
	 *   ;[c.update({x['lsoa21_code']:int(x['usual_residents'])}) for x in
	 *   csv.DictReader(gzip.open('population/census2021-lsoa21-age6-london.csv.gz',
	 *   'rt'))];print(c['E01033708'],len(c),sum(c.values()))" -> 1870 4994 8799687 */
	assert_close(real->lsoa[jb_lsoa_find(real, "E01033708")].residents, 1870, 0);
	double total = 0;
	for (size_t i = 0; i < real->nlsoa; i++)
		total += real->lsoa[i].residents;
	assert_close(total, 8799687, 0);
}

static void real_deprivation_2025(void **state)
{
	(void)state;
	/* python3 -c "import csv,gzip;m={x['lsoa21_code']:x for x in csv.DictReader(
	 *   gzip.open('deprivation/imd2025-lsoa21-london.csv.gz','rt'))};x=m['E01033708'];
	 *   print([x[k] for k in ('IMD_score','IMD_rank','IMD_decile','Crime_score',
	 *   'Crime_rank','Crime_decile','Environment_score','Housing_and_Services_rank')])"
	 * -> 14.482 19894 6 0.25 13052 4 53.422 17839 */
	const struct jb_imd *imd = &real->lsoa[jb_lsoa_find(real, "E01033708")].imd;
	assert_true(imd->has && imd->has_domains);
	assert_close(imd->score, 14.482, 1e-12);
	assert_int_equal(imd->rank, 19894);
	assert_int_equal(imd->decile, 6);
	assert_close(imd->dom_score[JB_DOM_CRIME], 0.25, 1e-12);
	assert_int_equal(imd->dom_rank[JB_DOM_CRIME], 13052);
	assert_int_equal(imd->dom_decile[JB_DOM_CRIME], 4);
	assert_close(imd->dom_score[JB_DOM_ENVIRONMENT], 53.422, 1e-12);
	assert_int_equal(imd->dom_rank[JB_DOM_HOUSING], 17839);
	/* The 2019 file is recorded but not used. */
	const struct jb_source *s = source(real, "deprivation/iod2019-file1-imd-london.csv");
	assert_int_equal(s->kept, 0);
	assert_non_null(strstr(s->kind, "not used"));
}

static void real_street(void **state)
{
	(void)state;
	/* cat crime/police-uk-street/2017-0[1-6]/2017-0[1-6]-city-*.csv |
	 *   python3 -c "import csv,sys,collections;r=[x for x in csv.reader(sys.stdin) if x[0]!='Crime ID'];
	 *   k=[x for x in r if x[4] and not x[8].startswith('City of London')];
	 *   print(len(r),sum(not x[4] for x in r),len(k),collections.Counter(
	 *   x[8].rsplit(' ',1)[0] for x in k),collections.Counter(x[1] for x in k),
	 *   sum(x[9]=='Anti-social behaviour' and x[0]=='' for x in k),
	 *   sum(x[10]=='' for x in k))"
	 * -> 3541 rows, 185 without coordinates, 175 kept: Tower Hamlets 85,
	 * Islington 53, Camden 18, Westminster 15, Southwark 4; by month
	 * 22 24 32 38 16 43; 71 ASB rows (blank Crime ID), 71 without outcome.
	 * Two kept rows carry 2011 LSOA codes absent from the 2021 boundaries
	 * and are placed by point-in-polygon, in the borough their LSOA name
	 * gives. */
	const struct jb_street *st = &real->street;
	size_t rows = 0, noxy = 0, outside = 0, kept = 0;
	for (size_t i = 0; i < real->sources.n; i++) {
		const struct jb_source *s = real->sources.v[i];
		if (strncmp(s->path, "crime/police-uk-street/", 23) != 0)
			continue;
		rows += s->rows;
		kept += s->kept;
		noxy += reason(s, "no coordinates");
		outside += reason(s, "outside the 32 boroughs");
	}
	assert_int_equal(rows, 3541);
	assert_int_equal(noxy, 185);
	assert_int_equal(kept, 175);
	assert_int_equal(outside, 3541 - 185 - 175);
	assert_int_equal(st->npts, 175);
	assert_int_equal(st->first_month, jb_month(2017, 1));
	assert_int_equal(st->nmonths, 6);

	int per_borough[JB_NBOROUGHS] = {0}, per_month[6] = {0}, asb = 0, none = 0;
	for (size_t i = 0; i < st->npts; i++) {
		const struct jb_point *p = &st->pts[i];
		per_borough[jb_point_borough(real, p)]++;
		per_month[p->month]++;
		asb += strcmp(st->types[p->type], "Anti-social behaviour") == 0;
		none += p->outcome == 0;
	}
	assert_int_equal(per_borough[borough("Tower Hamlets")], 85);
	assert_int_equal(per_borough[borough("Islington")], 53);
	assert_int_equal(per_borough[borough("Camden")], 18);
	assert_int_equal(per_borough[borough("Westminster")], 15);
	assert_int_equal(per_borough[borough("Southwark")], 4);
	static const int want_month[6] = {22, 24, 32, 38, 16, 43};
	for (int m = 0; m < 6; m++)
		assert_int_equal(per_month[m], want_month[m]);
	assert_int_equal(asb, 71);
	assert_int_equal(none, 71);
	assert_string_equal(st->outcomes[0], "");

	/* The first kept row (2017-01 file, line 2): Camden 028B, E01000914,
	 * "On or near Pedestrian Subway", Burglary, Under investigation; its
	 * projected point lies in that LSOA's polygon. */
	const struct jb_point *p = &st->pts[0];
	const struct jb_lsoa *l = &real->lsoa[p->lsoa];
	assert_string_equal(l->code, "E01000914");
	assert_string_equal(st->locations[p->location], "On or near Pedestrian Subway");
	assert_string_equal(st->types[p->type], "Burglary");
	assert_string_equal(st->outcomes[p->outcome], "Under investigation");
	assert_true(jb_polygon_contains(&l->poly, p->x, p->y));
}

/* ---- broken inputs ---- */

/* Only the crime types a theme counts are kept: the others are valid rows
 * set aside, before their coordinates are read. Of the 175 rows kept above,
 * 71 are anti-social behaviour and 6 drugs (python over the street files:
 * Crime type of rows with coordinates whose LSOA name starts with one of
 * the 32 boroughs' names). */
static void street_types_filter(void **state)
{
	(void)state;
	static const char *const types[] = {"anti-social behaviour", "Drugs"};
	struct jb_load_options o = {.quiet = 1, .street_types = types, .nstreet_types = 2};
	struct jb_dataset *ds = jb_dataset_load("sample-data", &o);
	assert_non_null(ds);
	assert_int_equal(ds->street.npts, 71 + 6);
	size_t not_counted = 0;
	for (size_t i = 0; i < ds->sources.n; i++) {
		const struct jb_source *src = ds->sources.v[i];
		for (size_t r = 0; r < src->nreasons; r++)
			if (strstr(src->reasons[r].what, "the theme does not count"))
				not_counted += src->reasons[r].n;
	}
	/* Of the 3,541 rows, 2,630 are of other types (python: Crime type not
	 * in the two), all set aside as not counted, whatever their
	 * coordinates. */
	assert_int_equal(not_counted, 2630);
	size_t of_kept_types = 0;
	for (size_t i = 0; i < ds->street.npts; i++) {
		const char *type = ds->street.types[ds->street.pts[i].type];
		of_kept_types += strcasecmp(type, "Anti-social behaviour") == 0 ||
				 strcasecmp(type, "Drugs") == 0;
	}
	assert_int_equal(of_kept_types, ds->street.npts);
	jb_dataset_free(ds);
}

/* A data folder (caller frees, jb_rmtree) with the real borough and LSOA
 * boundaries, for street files to be placed in. */
static char *street_dir(void)
{
	char *dir = jb_tmpdir();
	link_into(dir, "boundaries/boroughs.geojson",
		  "sample-data/boundaries/london-boroughs-2022-gen20.geojson");
	link_into(dir, "boundaries/lsoa", "sample-data/boundaries/london-lsoa2021-bng-shp");
	return dir;
}

/* A street point keeps its crime type in 5 bits (struct jb_point): a
 * file naming more than 32 types has the rows of the 33rd and later
 * rejected, each with its line, and the first 32 kept; the real Spital
 * Yard row (Tower Hamlets) repeated with type "Type 1" to "Type 34". */
static void street_types_beyond_a_point_field_are_rejected(void **state)
{
	(void)state;
	char *dir = street_dir();
	size_t cap = 8192, len = 0;
	char *csv = xmalloc(cap);
	len += (size_t)snprintf(csv + len, cap - len,
				"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
				"LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
	for (int k = 1; k <= 34; k++)
		len += (size_t)snprintf(csv + len, cap - len,
					",2017-01,City of London Police,City of London Police,"
					"-0.078591,51.520290,On or near Spital Yard,E01004307,,"
					"Type %d,,\n", k);
	free(jb_write_file(dir, "crime/2017-01/street.csv", csv));
	free(csv);
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	assert_non_null(strstr(diag, "crime/2017-01/street.csv:34: column 'Crime type': more than "
				     "32 different crime types (Type 33)"));
	assert_non_null(strstr(diag, "crime/2017-01/street.csv:35: column 'Crime type': more than "
				     "32 different crime types (Type 34)"));
	const struct jb_source *src = source(ds, "crime/2017-01/street.csv");
	assert_int_equal(src->rows, 34);
	assert_int_equal(src->kept, 32);
	assert_int_equal(ds->street.npts, 32);
	assert_int_equal(ds->street.ntypes, 32);
	for (size_t i = 0; i < ds->street.npts; i++) {
		char want[32];
		snprintf(want, sizeof want, "Type %zu", i + 1);
		assert_string_equal(ds->street.types[ds->street.pts[i].type], want);
	}
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

static void street_quirks(void **state)
{
	(void)state;
	/* tests/fixtures/ingest/street/, with the real boundaries. Line 2 is
	 * the real Spital Yard ASB row (LSOA E01004307, Tower Hamlets 015B in
	 * the published file) with its LSOA code blanked: point-in-polygon
	 * must find the same LSOA. Line 3 has no coordinates, line 4 is in
	 * Manchester, lines 5-6 are malformed, line 7 (the real Baltic Street
	 * West row, Islington, moved to 2016-12) comes before the first month
	 * seen, so the month offsets shift. */
	char *dir = street_dir();
	link_into(dir, "crime/2017-01/street.csv",
		  "tests/fixtures/ingest/street/2017-01-test-street.csv");
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	assert_string_equal(diag,
		"crime/2017-01/street.csv:5: column 'Longitude': not a longitude in "
		"degrees (abc)\n"
		"crime/2017-01/street.csv:6: column 'Month': not a month (2017-13)\n");
	const struct jb_source *s = source(ds, "crime/2017-01/street.csv");
	assert_int_equal(s->rows, 6);
	assert_int_equal(s->kept, 2);
	assert_int_equal(reason(s, "no coordinates"), 1);
	assert_int_equal(reason(s, "outside London's LSOAs"), 1);

	const struct jb_street *st = &ds->street;
	assert_int_equal(st->npts, 2);
	assert_int_equal(st->first_month, jb_month(2016, 12));
	assert_int_equal(st->nmonths, 2);
	const struct jb_point *p = &st->pts[0];
	assert_string_equal(ds->lsoa[p->lsoa].code, "E01004307");
	assert_int_equal(jb_point_borough(ds, p), borough("Tower Hamlets"));
	assert_int_equal(p->month, 1);
	assert_int_equal(p->outcome, 0);
	assert_string_equal(st->types[p->type], "Anti-social behaviour");
	p = &st->pts[1];
	assert_string_equal(ds->lsoa[p->lsoa].code, "E01033490");
	assert_int_equal(jb_point_borough(ds, p), borough("Islington"));
	assert_int_equal(p->month, 0);
	assert_string_equal(st->outcomes[p->outcome], "Local resolution");
	assert_string_equal(st->locations[p->location], "On or near Baltic Street West");
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

static void bad_rows_are_reported_and_set_aside(void **state)
{
	(void)state;
	char *diag;
	struct jb_dataset *ds = load_capture("tests/fixtures/ingest/bad", &diag);
	assert_non_null(ds);
	/* Worked by hand from tests/fixtures/ingest/bad/ (files in path order):
	 * crime/lsoa.csv line 2-3 is one record (quoted newline in lsoa_name),
	 * so the next record is line 4; line 5 is the City (set aside, not
	 * printed); line 9 is kept. */
	assert_string_equal(diag,
		"crime/lsoa.csv:4: column '202501': not a whole number >= 0 (2.5)\n"
		"crime/lsoa.csv:6: wrong number of fields (6 fields, the header has 7)\n"
		"crime/lsoa.csv:7: column '202412': not a whole number >= 0 (-1)\n"
		"crime/lsoa.csv:8: column 'major_category': empty\n"
		"crime/notes.csv:1: header not recognised (expected MPS recorded crime, "
		"data.police.uk street-level, the MPS crime dashboard or MPS homicide victims)\n"
		"crime/ward-no-major.csv:1: column 'majortext': required column missing\n"
		"population/empty.csv:0: empty file (no header)\n");

	const struct jb_source *s = source(ds, "crime/lsoa.csv");
	assert_int_equal(s->rows, 7);
	assert_int_equal(s->kept, 2);
	assert_int_equal(s->set_aside, 5);
	assert_int_equal(reason(s, "outside the 32 boroughs"), 1);
	assert_int_equal(reason(s, "column '202501': not a whole number >= 0"), 1);
	assert_string_equal(s->reasons[0].first, "crime/lsoa.csv:4");

	/* The good rows are all there; the unusable ward file left no trace in
	 * the tables and the other files were still read. */
	int l = jb_lsoa_find(ds, "E01033708");
	assert_true(l >= 0);
	assert_string_equal(ds->lsoa[l].name, "Hackney\n033C");
	assert_int_equal(cell(ds, JB_LEVEL_LSOA, l, "VIOLENCE AGAINST THE PERSON",
			      "VIOLENCE WITH INJURY", jb_month(2025, 1)), 16);
	assert_int_equal(cell(ds, JB_LEVEL_LSOA, l, "ROBBERY",
			      "ROBBERY OF PERSONAL PROPERTY", jb_month(2025, 1)), -1);
	l = jb_lsoa_find(ds, "E01001830");
	assert_int_equal(cell(ds, JB_LEVEL_LSOA, l, "BURGLARY", "BURGLARY - RESIDENTIAL",
			      jb_month(2024, 12)), 5);
	assert_int_equal(ds->crime[JB_LEVEL_LSOA].nrows, 2);
	assert_int_equal(jb_lsoa_find(ds, "E01000001"), -1);
	assert_false(ds->has_crime[JB_LEVEL_WARD]);
	assert_int_equal(ds->nward, 0);
	assert_true(has_missing(ds, "recorded crime by ward (crime/)"));
	assert_true(has_missing(ds, "Indices of Deprivation (deprivation/)"));
	assert_int_equal(source(ds, "population/empty.csv")->rows, 0);
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	jb_dataset_free(ds);
	free(diag);
}

static void bom_crlf_and_grouped_ranks(void **state)
{
	(void)state;
	/* IoD2019 File 1 as published: BOM, CRLF, ranks quoted with thousands
	 * separators. Rows 2-3 are the real rows for E01000001 and E01001830
	 * (python3 -c "import csv;o={x['LSOA code (2011)']:x for x in
	 * csv.DictReader(open('deprivation/iod2019-file1-imd-london.csv'))};
	 * print(o['E01000001'],o['E01001830'])" -> "29,199" 9, "6,903" 3); row 4
	 * has a decile of 11. */
	char *dir = jb_tmpdir();
	free(jb_write_file(dir, "deprivation/iod2019.csv",
		"\xEF\xBB\xBFLSOA code (2011),LSOA name (2011),Local Authority District code "
		"(2019),Local Authority District name (2019),Index of Multiple Deprivation "
		"(IMD) Rank,Index of Multiple Deprivation (IMD) Decile\r\n"
		"E01000001,City of London 001A,E09000001,City of London,\"29,199\",9\r\n"
		"E01001830,Hackney 014C,E09000012,Hackney,\"6,903\",3\r\n"
		"E01001714,Hackney 002A,E09000012,Hackney,\"3,216\",11\r\n"));
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	assert_string_equal(diag,
		"deprivation/iod2019.csv:4: column 'Index of Multiple Deprivation (IMD) "
		"Decile': not a decile (1 to 10) (11)\n");
	assert_int_equal(ds->imd_edition, 2019);
	const struct jb_lsoa *l = &ds->lsoa[jb_lsoa_find(ds, "E01000001")];
	assert_int_equal(l->imd.rank, 29199);
	assert_int_equal(l->imd.decile, 9);
	assert_true(isnan(l->imd.score));
	assert_false(l->imd.has_domains);
	assert_int_equal(l->borough, -1);
	l = &ds->lsoa[jb_lsoa_find(ds, "E01001830")];
	assert_int_equal(l->imd.rank, 6903);
	assert_int_equal(l->borough, borough("Hackney"));
	assert_int_equal(jb_lsoa_find(ds, "E01001714"), -1);
	jb_dataset_free(ds);
	free(diag);
	jb_rmtree(dir);
	free(dir);
}

static void real_deprivation_2019_alone(void **state)
{
	(void)state;
	/* The real IoD2019 file on its own (no 2025, no boundaries): 4835 rows,
	 * python3 -c "import csv;o={x['LSOA code (2011)']:x for x in
	 * csv.DictReader(open('deprivation/iod2019-file1-imd-london.csv'))};
	 * print(len(o),o['E01001714'])" -> 4835, rank "3,216", decile 1 */
	char *dir = jb_tmpdir();
	link_into(dir, "deprivation/iod2019-file1-imd-london.csv",
		  "sample-data/deprivation/iod2019-file1-imd-london.csv");
	struct jb_dataset *ds = jb_dataset_load(dir, &quiet);
	assert_int_equal(ds->imd_edition, 2019);
	assert_int_equal(ds->nlsoa, 4835);
	const struct jb_imd *imd = &ds->lsoa[jb_lsoa_find(ds, "E01001714")].imd;
	assert_int_equal(imd->rank, 3216);
	assert_int_equal(imd->decile, 1);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

static void later_file_wins_when_merging(void **state)
{
	(void)state;
	/* tests/fixtures/ingest/merge: a-borough.csv (202412, 202501, ids
	 * first) then b-borough.csv (202501, 202502, ids last). Hackney VWI:
	 * 150 from a; 202501 given by both, b's 164 wins over a's 999; 140 from
	 * b. Hackney robbery is only in a: 60, 61, then 0 in 202502. */
	struct jb_dataset *ds = jb_dataset_load("tests/fixtures/ingest/merge", &quiet);
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_BOROUGH];
	assert_int_equal(t->first_month, jb_month(2024, 12));
	assert_int_equal(t->nmonths, 3);
	int hk = borough("Hackney"), hf = borough("Hammersmith and Fulham");
	const char *vap = "VIOLENCE AGAINST THE PERSON", *vwi = "VIOLENCE WITH INJURY";
	const char *rob = "ROBBERY", *rpp = "ROBBERY OF PERSONAL PROPERTY";
	assert_int_equal(cell(ds, 0, hk, vap, vwi, jb_month(2024, 12)), 150);
	assert_int_equal(cell(ds, 0, hk, vap, vwi, jb_month(2025, 1)), 164);
	assert_int_equal(cell(ds, 0, hk, vap, vwi, jb_month(2025, 2)), 140);
	assert_int_equal(cell(ds, 0, hk, rob, rpp, jb_month(2025, 1)), 61);
	assert_int_equal(cell(ds, 0, hk, rob, rpp, jb_month(2025, 2)), 0);
	assert_int_equal(cell(ds, 0, hf, rob, rpp, jb_month(2024, 12)), 0);
	assert_int_equal(cell(ds, 0, hf, rob, rpp, jb_month(2025, 2)), 8);
	assert_int_equal(t->nrows, 3);
	jb_dataset_free(ds);
}

static void published_spellings_and_order(void **state)
{
	(void)state;
	/* tests/fixtures/ingest/published: the London Datastore's published
	 * headers (LSOA Code / Major Category, WardCode / LookUp_BoroughName /
	 * MajorText), identifier columns first, CRLF, "&" in a borough name.
	 * Values worked by hand from the three files. */
	struct jb_dataset *ds = jb_dataset_load("tests/fixtures/ingest/published", &quiet);
	assert_non_null(ds);
	assert_true(ds->has_crime[JB_LEVEL_LSOA]);
	assert_true(ds->has_crime[JB_LEVEL_WARD]);
	assert_true(ds->has_crime[JB_LEVEL_BOROUGH]);
	const char *vap = "VIOLENCE AGAINST THE PERSON", *vwi = "VIOLENCE WITH INJURY";
	int l = jb_lsoa_find(ds, "E01001714");
	assert_true(l >= 0);
	assert_int_equal(ds->lsoa[l].borough, borough("Hackney"));
	assert_int_equal(cell(ds, JB_LEVEL_LSOA, l, vap, vwi, jb_month(2025, 1)), 7);
	/* the City of London LSOA row is set aside, not kept */
	assert_int_equal(source(ds, "crime/lsoa-published.csv")->kept, 1);
	assert_int_equal(source(ds, "crime/lsoa-published.csv")->set_aside, 1);
	int w = -1;
	for (size_t i = 0; i < ds->nward; i++)
		if (strcmp(ds->ward[i].code, "E05009373") == 0)
			w = (int)i;
	assert_true(w >= 0);
	assert_int_equal(ds->ward[w].borough, borough("Hackney"));
	assert_int_equal(cell(ds, JB_LEVEL_WARD, w, "ROBBERY", "ROBBERY OF PERSONAL PROPERTY",
			      jb_month(2024, 12)),
			 3);
	assert_int_equal(source(ds, "crime/ward-published.csv")->set_aside, 1);
	assert_int_equal(cell(ds, JB_LEVEL_BOROUGH, borough("Hammersmith and Fulham"), vap, vwi,
			      jb_month(2025, 1)),
			 131);
	jb_dataset_free(ds);
}

static void gz_and_plain_give_the_same(void **state)
{
	(void)state;
	/* The same real files, once as shipped (.csv.gz) and once gunzipped. */
	static const char *const files[] = {
		"crime/mps-borough-level-crime-2024-2026.csv",
		"deprivation/imd2025-lsoa21-london.csv",
	};
	char *gz = jb_tmpdir(), *plain = jb_tmpdir();
	for (size_t i = 0; i < 2; i++) {
		char *src = xasprintf("sample-data/%s.gz", files[i]);
		char *name = xasprintf("%s.gz", files[i]);
		link_into(gz, name, src);
		char *out = jb_write_file(plain, files[i], "");
		char *cmd = xasprintf("gzip -dc '%s' > '%s'", src, out);
		int st;
		free(jb_run(cmd, &st));
		assert_int_equal(st, 0);
		free(src);
		free(name);
		free(out);
		free(cmd);
	}
	struct jb_dataset *a = jb_dataset_load(gz, &quiet);
	struct jb_dataset *b = jb_dataset_load(plain, &quiet);
	assert_int_equal(a->sources.n, 2);
	assert_int_equal(b->sources.n, 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(a->sources.v[i]->rows, b->sources.v[i]->rows);
		assert_int_equal(a->sources.v[i]->kept, b->sources.v[i]->kept);
		assert_true(a->sources.v[i]->rows > 1000);
	}
	const struct jb_crime_table *ta = &a->crime[0], *tb = &b->crime[0];
	assert_int_equal(ta->nrows, tb->nrows);
	assert_int_equal(ta->nmonths, tb->nmonths);
	for (size_t r = 0; r < ta->nrows; r++)
		assert_memory_equal(ta->rows[r].counts, tb->rows[r].counts,
				    (size_t)ta->nmonths * sizeof(int32_t));
	assert_int_equal(a->nlsoa, b->nlsoa);
	for (size_t i = 0; i < a->nlsoa; i++)
		assert_memory_equal(&a->lsoa[i].imd, &b->lsoa[i].imd, sizeof a->lsoa[i].imd);
	jb_dataset_free(a);
	jb_dataset_free(b);
	jb_rmtree(gz);
	jb_rmtree(plain);
	free(gz);
	free(plain);
}

static void truncated_gz_keeps_what_came_before(void **state)
{
	(void)state;
	/* The real census file cut at 100000 compressed bytes: python3 -c
	 *   "import zlib;d=zlib.decompressobj(31).decompress(open('population/
	 *   census2021-lsoa21-age6-london.csv.gz','rb').read()[:100000]);
	 *   print(d.count(b'\n')-1)" -> 19103 whole records (lines 2..19104);
	 * the partial line 19105 is not taken. */
	char *dir = jb_tmpdir();
	char *out = jb_write_file(dir, "population/census.csv.gz", "");
	char *cmd = xasprintf("head -c 100000 sample-data/population/"
			      "census2021-lsoa21-age6-london.csv.gz > '%s'", out);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	char *diag;
	struct jb_dataset *ds = load_capture(dir, &diag);
	const struct jb_source *s = source(ds, "population/census.csv.gz");
	assert_int_equal(s->rows, 19103);
	assert_int_equal(s->kept, 19103);
	assert_int_equal(reason(s, "read error, the rest of the file is lost"), 1);
	assert_string_equal(s->reasons[0].first, "population/census.csv.gz:19105");
	assert_non_null(strstr(diag, "population/census.csv.gz:19105: read error"));
	assert_non_null(strstr(diag, "unexpected end of file"));
	jb_dataset_free(ds);
	free(diag);
	free(out);
	free(cmd);
	jb_rmtree(dir);
	free(dir);
}

static void nothing_supplied(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	struct jb_dataset *ds = jb_dataset_load(dir, &quiet);
	assert_non_null(ds);
	assert_int_equal(ds->sources.n, 0);
	assert_int_equal(ds->sources.nmissing, 17); /* with homicide victims and the PAS */
	assert_true(has_missing(ds, "recorded crime by borough (crime/)"));
	assert_true(has_missing(ds, "LSOA boundaries (boundaries/)"));
	assert_true(has_missing(ds, "mid-year population estimates (population/)"));
	assert_int_equal(jb_dataset_check(ds, NULL), 0);
	jb_dataset_free(ds);
	jb_dataset_free(NULL);
	jb_rmtree(dir);
	free(dir);

	/* prints "jembrief: tests/fixtures/ingest/no-such-dir: No such file..." */
	assert_null(jb_dataset_load("tests/fixtures/ingest/no-such-dir", &quiet));
}

static void check_finds_problems(void **state)
{
	(void)state;
	struct jb_dataset *ds = jb_dataset_load("tests/fixtures/ingest/merge", &quiet);
	assert_int_equal(jb_dataset_check(ds, NULL), 0);
	ds->crime[0].rows[0].counts[0] = -4;
	ds->crime[0].rows[1].cat = 99;
	assert_int_equal(jb_dataset_check(ds, NULL), 2);
	jb_dataset_free(ds);
}

/* ---- csvtable ---- */

struct seen {
	long line[8];
	char field[8][32];
	int n;
};

static int note(struct jb_csv *t, void *ctx)
{
	struct seen *s = ctx;
	s->line[s->n] = jb_csv_line(t);
	snprintf(s->field[s->n], sizeof s->field[0], "%s", jb_csv_get(t, jb_csv_col(t, "b")));
	s->n++;
	return 0;
}

static void csv_lines_names_and_gz(void **state)
{
	(void)state;
	/* CRLF ends, a blank line, a quoted CRLF inside a field, a ragged row,
	 * blanks around an unquoted field. Worked by hand: records start on
	 * lines 2, 4, 5 (quoted newline, runs to 6), 7 (ragged), 8. */
	const char *text = "A ,B_\r\n"
			   "1,x\r\n"
			   "\r\n"
			   "2, y \r\n"
			   "3,\"p\r\nq\"\r\n"
			   "4\r\n"
			   "5,z";
	char *dir = jb_tmpdir();
	char *plain = jb_write_file(dir, "t.csv", text);
	char *gzpath = xasprintf("%s/t.csv.gz", dir);
	gzFile g = gzopen(gzpath, "wb");
	gzwrite(g, text, (unsigned)strlen(text));
	gzclose(g);

	const char *paths[] = {plain, gzpath};
	for (int k = 0; k < 2; k++) {
		const char *err = NULL;
		struct jb_csv *t = jb_csv_open(paths[k], &err);
		assert_non_null(t);
		assert_int_equal(jb_csv_ncols(t), 2);
		assert_string_equal(jb_csv_name(t, 0), "A");
		assert_int_equal(jb_csv_col(t, "nope|a"), 0);
		assert_int_equal(jb_csv_col(t, "b"), 1);
		assert_int_equal(jb_csv_col(t, "c"), -1);
		struct jb_source src = {.path = "t.csv"};
		struct seen s = {0};
		jb_diag_set(NULL);
		assert_int_equal(jb_csv_each(t, &src, note, &s), 0);
		assert_int_equal(s.n, 4);
		assert_int_equal(s.line[0], 2);
		assert_int_equal(s.line[1], 4);
		assert_int_equal(s.line[2], 5);
		assert_int_equal(s.line[3], 8);
		assert_string_equal(s.field[1], "y");
		assert_string_equal(s.field[2], "p\r\nq");
		assert_string_equal(s.field[3], "z");
		assert_int_equal(src.rows, 5);
		assert_int_equal(src.set_aside, 1);
		assert_string_equal(src.reasons[0].first, "t.csv:7");
		jb_source_free_reasons(&src);
		jb_csv_close(t);
	}
	jb_csv_close(NULL);
	const char *err = NULL;
	assert_null(jb_csv_open("tests/fixtures/ingest/bad/population/empty.csv", &err));
	assert_string_equal(err, "empty file (no header)");
	free(plain);
	free(gzpath);
	jb_rmtree(dir);
	free(dir);
}

static void cell_parsers(void **state)
{
	(void)state;
	long v;
	double d;
	int m;
	assert_int_equal(jb_parse_count("29,199", &v), 0);
	assert_int_equal(v, 29199);
	assert_int_equal(jb_parse_count("1,234,567", &v), 0);
	assert_int_equal(v, 1234567);
	assert_int_equal(jb_parse_count("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(jb_parse_count("1,2345", &v), -1);
	assert_int_equal(jb_parse_count(",123", &v), -1);
	assert_int_equal(jb_parse_count("-1", &v), -1);
	assert_int_equal(jb_parse_count("2.5", &v), -1);
	assert_int_equal(jb_parse_count("", &v), -1);
	assert_int_equal(jb_parse_count("99999999999", &v), -1);
	assert_int_equal(jb_parse_number("-1.771", &d), 0);
	assert_close(d, -1.771, 1e-15);
	assert_int_equal(jb_parse_number("1,234.5", &d), 0);
	assert_close(d, 1234.5, 1e-15);
	assert_int_equal(jb_parse_number("nan", &d), -1);
	assert_int_equal(jb_parse_number("1e999", &d), -1);
	assert_int_equal(jb_parse_number("12abc", &d), -1);
	assert_int_equal(jb_parse_month("2022-03-01T00:00:00.000Z", &m), 0);
	assert_int_equal(m, jb_month(2022, 3));
	assert_int_equal(jb_parse_month("2017-01", &m), 0);
	assert_int_equal(m, jb_month(2017, 1));
	assert_int_equal(jb_parse_month("202501", &m), 0);
	assert_int_equal(m, jb_month(2025, 1));
	assert_int_equal(jb_parse_month("2017-13", &m), -1);
	assert_int_equal(jb_parse_month("2017-1", &m), -1);
	assert_int_equal(jb_parse_yyyymm("2025011", &m), -1);
	assert_int_equal(jb_parse_yyyymm("majortext", &m), -1);
}

/* data.police.uk's Crime ID: 64 hex digits, either case, to 32 bytes
 * (worked by hand: "0f" is 15, "A0" 160, "Ff" 255). */
static void crime_ids(void **state)
{
	(void)state;
	char s[2 * JB_CRIME_ID_BYTES + 2];
	unsigned char id[JB_CRIME_ID_BYTES];
	static const char *const pair[] = {"0f", "A0", "Ff", "9b"};
	static const int value[] = {15, 160, 255, 155};
	for (int i = 0; i < JB_CRIME_ID_BYTES; i++)
		memcpy(s + 2 * i, pair[i % 4], 2);
	s[2 * JB_CRIME_ID_BYTES] = '\0';
	assert_int_equal(jb_crime_id_parse(s, id), 0);
	for (int i = 0; i < JB_CRIME_ID_BYTES; i++)
		assert_int_equal(id[i], value[i % 4]);
	s[7] = 'g';
	assert_int_equal(jb_crime_id_parse(s, id), -1);
	s[7] = '@'; /* one before 'A' */
	assert_int_equal(jb_crime_id_parse(s, id), -1);
	s[7] = 'G';
	assert_int_equal(jb_crime_id_parse(s, id), -1);
	s[7] = '0';
	s[2 * JB_CRIME_ID_BYTES - 1] = '\0'; /* 63 digits */
	assert_int_equal(jb_crime_id_parse(s, id), -1);
	assert_int_equal(jb_crime_id_parse("", id), -1);
}

int main(void)
{
	const struct CMUnitTest real_tests[] = {
		cmocka_unit_test(real_data_loads_clean),
		cmocka_unit_test(real_borough_label_points),
		cmocka_unit_test(real_borough_crime),
		cmocka_unit_test(real_lsoa_and_ward_crime),
		cmocka_unit_test(real_dashboard),
		cmocka_unit_test(real_population),
		cmocka_unit_test(real_deprivation_2025),
		cmocka_unit_test(real_street),
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bad_rows_are_reported_and_set_aside),
		cmocka_unit_test(street_quirks),
		cmocka_unit_test(street_types_beyond_a_point_field_are_rejected),
		cmocka_unit_test(street_types_filter),
		cmocka_unit_test(bom_crlf_and_grouped_ranks),
		cmocka_unit_test(real_deprivation_2019_alone),
		cmocka_unit_test(later_file_wins_when_merging),
		cmocka_unit_test(published_spellings_and_order),
		cmocka_unit_test(gz_and_plain_give_the_same),
		cmocka_unit_test(truncated_gz_keeps_what_came_before),
		cmocka_unit_test(nothing_supplied),
		cmocka_unit_test(check_finds_problems),
		cmocka_unit_test(crime_ids),
		cmocka_unit_test(csv_lines_names_and_gz),
		cmocka_unit_test(cell_parsers),
	};
	int failed = cmocka_run_group_tests_name("real sample data", real_tests, load_real,
						 free_real);
	failed += cmocka_run_group_tests_name("ingest", tests, NULL, NULL);
	return failed;
}
