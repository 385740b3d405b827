/* tests/test_trust_formats.c - the formats analysts download, read as they
 * come (issue 7, formats part; issue 15, unreadable subfolders): where set
 * aside rows are (FILE:LINE in data-quality), files not recognised,
 * data.police.uk outcomes joined by Crime ID, .zip archives read in place,
 * boundaries simplified for drawing.
 *
 * Expected lines and counts come from the python3 one-liners quoted beside
 * each assertion, run over the same files.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/drivers.h"
#include "../analysis/findings.h"
#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../template_load.h"
#include "../util/xalloc.h"

static const struct jb_load_options quiet = {.quiet = 1};

static struct jb_dataset *sample; /* sample-data/, loaded once */

static int setup(void **state)
{
	(void)state;
	jb_diag_set(NULL);
	sample = jb_dataset_load("sample-data", &quiet);
	return sample ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	jb_dataset_free(sample);
	return 0;
}

static const char *first_at(const struct jb_dataset *ds, const char *path, const char *what)
{
	const struct jb_source *s = jb_source_named(ds, path);
	for (size_t r = 0; r < s->nreasons; r++)
		if (strcmp(s->reasons[r].what, what) == 0)
			return s->reasons[r].first;
	fail_msg("%s: no reason '%s'", path, what);
	return NULL;
}

/* Rows set aside as out of scope say where the first one is, not just the
 * file (data-quality.csv first_at used to hold only the path). */
static void set_aside_rows_have_a_line(void **state)
{
	(void)state;
	/* python3 -c "import csv; r=list(csv.reader(open('sample-data/crime/
	 *   police-uk-street/2017-01/2017-01-city-of-london-street.csv')));
	 *   print(next(i+1 for i,x in enumerate(r) if i and x[4]==x[5]==''))"
	 * -> 481 */
	assert_string_equal(first_at(sample, "crime/police-uk-street/2017-01/"
					     "2017-01-city-of-london-street.csv",
				     "no coordinates"),
			    "crime/police-uk-street/2017-01/2017-01-city-of-london-street.csv:481");
	/* England (E92000001) is the first data row, line 2 */
	assert_string_equal(first_at(sample, "population/ons-mid2020-single-year-of-age-london.csv",
				     "not London or one of the 32 boroughs"),
			    "population/ons-mid2020-single-year-of-age-london.csv:2");
	/* python3 -c "import json; g=json.load(open('sample-data/boundaries/
	 *   london-boroughs-2022-gen20.geojson')); print([i+1 for i,f in
	 *   enumerate(g['features']) if f['properties']['LAD22CD']=='E09000001'])"
	 * -> [7]: features are numbered as the geometry messages number them */
	assert_string_equal(first_at(sample, "boundaries/london-boroughs-2022-gen20.geojson",
				     "City of London (not one of the 32 boroughs)"),
			    "boundaries/london-boroughs-2022-gen20.geojson:7");
}

/* A data directory in a new temporary folder made by the shell commands
 * cmd (run there; $R is the repository root). Caller removes it. */
static char *data_dir(const char *cmd)
{
	char *dir = jb_tmpdir();
	char *sh = xasprintf("R=\"$PWD\" && cd '%s' && %s", dir, cmd);
	int st;
	free(jb_run(sh, &st));
	free(sh);
	assert_int_equal(st, 0);
	return dir;
}

static struct jb_findings *analyse(struct jb_dataset *ds, struct jb_template **t)
{
	char err[512];
	*t = jb_template_load("templates/serious-youth-violence.conf", err, sizeof err);
	if (!*t)
		fail_msg("%s", err);
	return jb_analyse(ds, &(*t)->theme, NULL);
}

/* Stages of one area: no suspect, NFA, charged, court, out of court, and
 * unknown; from tests/reference/outcomes_funnel.txt. */
static void expect_stages(const struct jb_drivers_area *A, const double want[6],
			  const char *what)
{
	static const int order[JB_NSTAGES] = {JB_STAGE_NO_SUSPECT, JB_STAGE_NFA,
					      JB_STAGE_CHARGED, JB_STAGE_COURT,
					      JB_STAGE_OUT_OF_COURT};
	for (int k = 0; k < JB_NSTAGES; k++)
		if (A->stage_n[order[k]] != want[k])
			fail_msg("%s: stage %d: %g, want %g", what, k, A->stage_n[order[k]],
				 want[k]);
	if (A->unknown != want[5])
		fail_msg("%s: unknown %g, want %g", what, A->unknown, want[5]);
}

/* The outcomes fixture (tests/fixtures/outcomes, real Crime IDs of the
 * shipped street files) joined by Crime ID: each crime takes its latest
 * outcome. Expected stages: tests/reference/outcomes_funnel.py. */
static void outcomes_joined_by_crime_id(void **state)
{
	(void)state;
	char *dir = data_dir("mkdir crime && ln -s \"$R/sample-data/boundaries\" boundaries && "
			     "ln -s \"$R/sample-data/crime/police-uk-street\" crime/ && "
			     "ln -s \"$R/tests/fixtures/outcomes/crime/police-uk-outcomes\" crime/");
	char *diag;
	struct jb_dataset *ds = jb_load_capture(dir, &quiet, &diag);
	assert_non_null(ds);
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	struct jb_template *t;
	struct jb_findings *f = analyse(ds, &t);
	const struct jb_drivers *d = f->drivers;
	static const double islington[6] = {1, 0, 0, 1, 1, 2};
	static const double camden[6] = {0, 1, 1, 1, 0, 0};
	static const double tower_hamlets[6] = {0, 1, 1, 0, 0, 2};
	static const double westminster[6] = {0, 1, 0, 0, 1, 0};
	static const double london[6] = {1, 3, 2, 2, 2, 5};
	expect_stages(&d->area[jb_borough_by_name("Islington")], islington, "Islington");
	expect_stages(&d->area[jb_borough_by_name("Camden")], camden, "Camden");
	expect_stages(&d->area[jb_borough_by_name("Tower Hamlets")], tower_hamlets,
		      "Tower Hamlets");
	expect_stages(&d->area[jb_borough_by_name("Westminster")], westminster, "Westminster");
	expect_stages(&d->area[JB_LONDON], london, "London");
	/* London's funnel: 10 known; suspect identified 9, action 6, charged 4,
	 * court 2 */
	assert_close(d->area[JB_LONDON].funnel[1], 9.0 / 10, 1e-12);
	assert_close(d->area[JB_LONDON].funnel[2], 6.0 / 10, 1e-12);
	assert_close(d->area[JB_LONDON].funnel[3], 4.0 / 10, 1e-12);
	assert_close(d->area[JB_LONDON].funnel[4], 2.0 / 10, 1e-12);

	/* The outcomes files are sources of their own, in path order, rows
	 * counted: 12 kept, 1 set aside, 2 rejected over the six files. */
	size_t kept = 0, aside = 0, rows = 0;
	for (size_t i = 0; i < ds->sources.n; i++)
		if (strstr(ds->sources.v[i]->path, "-outcomes")) {
			assert_string_equal(ds->sources.v[i]->kind, "data.police.uk outcomes");
			kept += ds->sources.v[i]->kept;
			aside += ds->sources.v[i]->set_aside;
			rows += ds->sources.v[i]->rows;
		}
	assert_int_equal(rows, 15);
	assert_int_equal(kept, 12);
	assert_int_equal(aside, 3);
	const char *o3 = "crime/police-uk-outcomes/2017-03/2017-03-city-of-london-outcomes.csv";
	assert_string_equal(first_at(ds, o3, "Crime ID not among the street-level crimes used"),
			    "crime/police-uk-outcomes/2017-03/2017-03-city-of-london-outcomes.csv:5");
	jb_expect_in(diag, "crime/police-uk-outcomes/2017-03/2017-03-city-of-london-outcomes.csv:6: "
			   "column 'Month': not a month (2017-13)", "stderr");
	jb_expect_in(diag, "crime/police-uk-outcomes/2017-04/2017-04-city-of-london-outcomes.csv:4: "
			   "column 'Crime ID': not a data.police.uk Crime ID (64 hexadecimal digits) "
			   "(not-a-crime-id)", "stderr");
	free(diag);
	jb_findings_free(f);
	jb_template_free(t);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* The program under test, as an absolute path (caller frees): the test
 * that runs it as nobody runs it from elsewhere. */
static char *jembrief(void)
{
	const char *j = jb_jembrief();
	char cwd[4096];
	if (*j == '/')
		return xstrdup(j);
	if (!getcwd(cwd, sizeof cwd))
		fail_msg("getcwd failed");
	return xasprintf("%s/%s", cwd, j);
}

/* Files no folder reads are listed, with why, on the diagnostic stream and
 * in the sources; a shapefile's companions are not. */
static void files_not_recognised_are_listed(void **state)
{
	(void)state;
	char *dir = data_dir("mkdir -p boundaries crime/2017-01 && "
			     "echo 'code,name' > boundaries/lookup.csv && "
			     "echo '<x/>' > boundaries/lsoa.shp.xml && echo x > boundaries/lsoa.dbf && "
			     "echo PAR1 > crime/2017-01/street.parquet");
	char *diag;
	struct jb_dataset *ds = jb_load_capture(dir, &quiet, &diag);
	assert_non_null(ds);
	assert_int_equal(ds->sources.nunread, 2);
	assert_string_equal(ds->sources.unread[0].path, "boundaries/lookup.csv");
	assert_string_equal(ds->sources.unread[0].why,
			    "a table, not a boundary file (boundaries/ reads GeoJSON and ESRI "
			    "shapefiles)");
	assert_string_equal(ds->sources.unread[1].path, "crime/2017-01/street.parquet");
	assert_string_equal(ds->sources.unread[1].why,
			    "not a format read here (.csv, .csv.gz or .zip)");
	jb_expect_in(diag, "boundaries/lookup.csv: not read: a table, not a boundary file", "stderr");
	jb_expect_in(diag, "crime/2017-01/street.parquet: not read: not a format read here",
		     "stderr");
	free(diag);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* A subfolder of the data directory that cannot be read (issue 15) is
 * listed with its reason on stderr, in data-quality.csv and on the sources
 * slide (the first four there, then a count). chmod 000 stops no root process, so as root the run is made as
 * nobody (setpriv), for whom the permission bits hold. */
static void unreadable_subfolder_is_listed(void **state)
{
	(void)state;
	int root = geteuid() == 0;
	/* copies, not links: nobody must read them */
	char *dir = data_dir("mkdir -p data/crime/locked data/boundaries out && "
			     "for f in deprivation population education-youth; do "
			     "cp -r \"$R/sample-data/$f\" data/; done && "
			     "cp -r \"$R/sample-data/boundaries/\"* data/boundaries/ && "
			     "cp \"$R/sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz\" "
			     "data/crime/ && chmod -R a+rX data && "
			     "cp \"$R/sample-data/crime/police-uk-street/2017-01/\"*.csv "
			     "data/crime/locked/ && chmod 000 data/crime/locked && chmod 755 . && "
			     "for i in 1 2 3 4 5; do echo PAR1 > data/crime/x$i.parquet; done && "
			     "chown -R 65534:65534 out");
	char *prog = jembrief(), cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		fail_msg("getcwd failed");
	/* the binary and the templates copied beside the data: nobody may not
	 * be able to reach the clone itself (a mktemp -d checkout is 0700) */
	char *cmd = xasprintf("cd '%s' && cp '%s' ./jembrief && cp -r '%s/templates' . && "
			      "chmod -R a+rX jembrief templates && %s ./jembrief -q -j 1 -d data "
			      "-o out -t templates/serious-youth-violence.conf hackney 2>&1",
			      dir, prog, cwd,
			      root ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "");
	free(prog);
	int st;
	char *err = jb_run(cmd, &st);
	free(cmd);
	assert_int_equal(st, 0);
	jb_expect_in(err, "crime/locked: not read: Permission denied", "stderr");
	char *path = xasprintf("%s/out/data-quality.csv", dir);
	char *dq = jb_slurp(path, NULL);
	assert_non_null(dq);
	jb_expect_in(dq, "\ncrime/locked,not read,0,0,0,0,Permission denied,not read,,\n",
		     "data-quality.csv");
	free(path);
	path = xasprintf("%s/out/hackney.pdf", dir);
	char *page = jb_pdf_page_with(path, "Not read:");
	jb_expect_in(page, "Not read: crime/locked (Permission denied)", "sources slide");
	/* six not read: four named, then a count; data-quality.csv has all */
	jb_expect_in(page, "Not read: crime/x3.parquet (not a format read here (.csv, .csv.gz or "
			   ".zip))", "sources slide");
	jb_expect_in(page, "2 more files or folders not read: see data-quality.csv.", "sources slide");
	jb_expect_in(dq, "\ncrime/x5.parquet,not read,0,0,0,0,", "data-quality.csv");
	free(page);
	free(path);
	free(dq);
	free(err);
	cmd = xasprintf("chmod -R 755 '%s'", dir);
	free(jb_run(cmd, &st));
	free(cmd);
	jb_rmtree(dir);
	free(dir);
}

/* path as it reads from the archive: "police-uk-street/" becomes
 * "police-uk-street.zip/" (caller frees). */
static char *zipped(const char *path)
{
	const char *cut = strstr(path, "police-uk-street/");
	if (!cut)
		return xstrdup(path);
	return xasprintf("%.*spolice-uk-street.zip/%s", (int)(cut - path), path,
			 cut + strlen("police-uk-street/"));
}

static void expect_path(const char *folder_path, const char *zip_path)
{
	char *want = zipped(folder_path);
	assert_string_equal(zip_path, want);
	free(want);
}

/* Two loads give the same street data: points, tables, sources and their
 * reasons, paths aside (see zipped()). */
static void expect_same_street(const struct jb_dataset *a, const struct jb_dataset *b)
{
	const struct jb_street *x = &a->street, *y = &b->street;
	assert_true(x->npts > 0);
	assert_int_equal(x->npts, y->npts);
	assert_int_equal(x->first_month, y->first_month);
	assert_int_equal(x->nmonths, y->nmonths);
	for (size_t i = 0; i < x->npts; i++) {
		const struct jb_point *p = &x->pts[i], *q = &y->pts[i];
		assert_true(p->x == q->x && p->y == q->y && p->lsoa == q->lsoa &&
			    p->location == q->location && p->month == q->month &&
			    p->type == q->type && p->outcome == q->outcome);
	}
	assert_int_equal(x->ntypes, y->ntypes);
	for (size_t i = 0; i < x->ntypes; i++)
		assert_string_equal(x->types[i], y->types[i]);
	assert_int_equal(x->noutcomes, y->noutcomes);
	for (size_t i = 0; i < x->noutcomes; i++)
		assert_string_equal(x->outcomes[i], y->outcomes[i]);
	assert_int_equal(x->nlocations, y->nlocations);
	for (size_t i = 0; i < x->nlocations; i++)
		assert_string_equal(x->locations[i], y->locations[i]);
	assert_int_equal(a->sources.n, b->sources.n);
	for (size_t i = 0; i < a->sources.n; i++) {
		const struct jb_source *s = a->sources.v[i], *t = b->sources.v[i];
		expect_path(s->path, t->path);
		assert_string_equal(s->kind, t->kind);
		assert_int_equal(s->rows, t->rows);
		assert_int_equal(s->kept, t->kept);
		assert_int_equal(s->set_aside, t->set_aside);
		assert_int_equal(s->nreasons, t->nreasons);
		for (size_t r = 0; r < s->nreasons; r++) {
			assert_string_equal(s->reasons[r].what, t->reasons[r].what);
			assert_int_equal(s->reasons[r].n, t->reasons[r].n);
			expect_path(s->reasons[r].first, t->reasons[r].first);
		}
	}
}

/* A data.police.uk archive as downloaded (monthly folders inside a .zip,
 * deflated) is read in place and gives the dataset the folder gives; the
 * outcomes files inside it are joined as well. The zip is made here with
 * python's zipfile from the shipped street files and the outcomes fixture. */
static void zip_reads_like_the_folder(void **state)
{
	(void)state;
	static const char zip[] =
		"python3 -c \"import os, sys, zipfile\n"
		"z = zipfile.ZipFile('zipped/crime/police-uk-street.zip', 'w', zipfile.ZIP_DEFLATED)\n"
		"for top in sys.argv[1:]:\n"
		"    for d, _, fs in sorted(os.walk(top)):\n"
		"        for f in sorted(fs):\n"
		"            p = os.path.join(d, f)\n"
		"            z.write(p, os.path.relpath(p, top))\n"
		"z.writestr('__MACOSX/2017-01/._x.csv', 'junk')\n"
		"z.close()\" \"$R/sample-data/crime/police-uk-street\" "
		"\"$R/tests/fixtures/outcomes/crime/police-uk-outcomes\"";
	char *cmd = xasprintf(
		"mkdir -p folder/crime/police-uk-street zipped/crime && "
		"ln -s \"$R/sample-data/boundaries\" folder/ && "
		"ln -s \"$R/sample-data/boundaries\" zipped/ && "
		"cp -r \"$R/sample-data/crime/police-uk-street/\"* "
		"\"$R/tests/fixtures/outcomes/crime/police-uk-outcomes/\"* "
		"folder/crime/police-uk-street/ && %s", zip);
	char *dir = data_dir(cmd);
	free(cmd);
	char *fpath = xasprintf("%s/folder", dir), *zpath = xasprintf("%s/zipped", dir);
	struct jb_load_options one = {.quiet = 1, .jobs = 1}, many = {.quiet = 1, .jobs = 4};
	char *fdiag, *zdiag;
	struct jb_dataset *f = jb_load_capture(fpath, &one, &fdiag);
	struct jb_dataset *z = jb_load_capture(zpath, &many, &zdiag);
	assert_non_null(f);
	assert_non_null(z);
	/* the messages name the member inside the archive */
	jb_expect_in(zdiag, "crime/police-uk-street.zip/2017-03/2017-03-city-of-london-outcomes.csv:6: "
			    "column 'Month': not a month (2017-13)", "stderr");
	free(fdiag);
	free(zdiag);
	assert_int_equal(z->sources.nunread, 0);
	assert_int_equal(jb_dataset_check(z, stderr), 0);
	/* 6 street files and 6 outcomes files, all read from the archive */
	assert_int_equal(z->sources.n, 2 + 12);
	assert_string_equal(z->sources.v[2]->path,
			    "crime/police-uk-street.zip/2017-01/2017-01-city-of-london-street.csv");
	expect_same_street(f, z);
	jb_dataset_free(f);
	jb_dataset_free(z);
	free(fpath);
	free(zpath);
	jb_rmtree(dir);
	free(dir);
}

/* A damaged archive is listed as not read, with libzip's reason. */
static void damaged_zip_is_listed(void **state)
{
	(void)state;
	char *dir = data_dir("mkdir crime && head -c 3000 \"$R/sample-data/crime/police-uk-street/"
			     "2017-01/2017-01-city-of-london-street.csv\" > crime/download.zip");
	char *diag;
	struct jb_dataset *ds = jb_load_capture(dir, &quiet, &diag);
	assert_int_equal(ds->sources.nunread, 1);
	assert_string_equal(ds->sources.unread[0].path, "crime/download.zip");
	assert_string_equal(ds->sources.unread[0].why,
			    "not a zip archive that can be read (Not a zip archive)");
	jb_expect_in(diag, "crime/download.zip: not read: not a zip archive", "stderr");
	free(diag);
	jb_dataset_free(ds);
	jb_rmtree(dir);
	free(dir);
}

/* ---- boundaries simplified for drawing ---- */

static size_t npoints(const struct jb_polygon *p)
{
	return p->nrings ? p->ring[p->nrings] : 0;
}

/* Distance from (x, y) to the segment a-b. */
static double seg_dist(double x, double y, const double *a, const double *b)
{
	double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
	double t = len2 > 0 ? ((x - a[0]) * dx + (y - a[1]) * dy) / len2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/* draw is a simplification of poly within tol: the same rings, each made
 * of points of the original ring (in order), every original point within
 * tol of the simplified ring. */
static void expect_simplified(const struct jb_polygon *poly, const struct jb_polygon *draw,
			      double tol, const char *what)
{
	if (draw->nrings != poly->nrings)
		fail_msg("%s: %zu rings drawn of %zu", what, draw->nrings, poly->nrings);
	for (size_t r = 0; r < poly->nrings; r++) {
		const double *o = poly->xy + 2 * poly->ring[r], *d = draw->xy + 2 * draw->ring[r];
		size_t no = poly->ring[r + 1] - poly->ring[r], nd = draw->ring[r + 1] - draw->ring[r];
		if (nd < 4 || nd > no + 1)
			fail_msg("%s ring %zu: %zu points drawn of %zu", what, r, nd, no);
		size_t k = 0;
		for (size_t i = 0; i < nd; i++) {
			while (k < no && (o[2 * k] != d[2 * i] || o[2 * k + 1] != d[2 * i + 1]))
				k++;
			if (k == no && !(i == nd - 1 && d[2 * i] == d[0] && d[2 * i + 1] == d[1]))
				fail_msg("%s ring %zu: drawn point %zu is not an original point in order",
					 what, r, i);
		}
		for (size_t i = 0; i < no; i++) {
			double best = INFINITY;
			for (size_t j = 0; j + 1 < nd; j++)
				best = fmin(best, seg_dist(o[2 * i], o[2 * i + 1], d + 2 * j, d + 2 * j + 2));
			if (best > tol * (1 + 1e-9))
				fail_msg("%s ring %zu: point %zu is %.2f m from the drawn ring (tolerance "
					 "%.2f m)", what, r, i, best, tol);
		}
	}
}

/* The shipped boundaries: every LSOA and borough is drawn from a
 * simplification within its borough's tolerance, half a point on a page
 * the borough fills (util/page.h: 960 x 540 pt), while the geometry that is
 * measured stays as supplied. */
static void boundaries_drawn_simplified(void **state)
{
	(void)state;
	size_t full = 0, drawn = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_polygon *s = &sample->borough_shape[b];
		double box[4] = {s->minx, s->miny, s->maxx, s->maxy};
		for (size_t l = 0; l < sample->nlsoa; l++) {
			const struct jb_polygon *p = &sample->lsoa[l].poly;
			if (sample->lsoa[l].borough != b || !p->nrings)
				continue;
			box[0] = fmin(box[0], p->minx);
			box[1] = fmin(box[1], p->miny);
			box[2] = fmax(box[2], p->maxx);
			box[3] = fmax(box[3], p->maxy);
		}
		assert_close(sample->draw_tolerance[b],
			     0.5 * fmax((box[2] - box[0]) / 960, (box[3] - box[1]) / 540), 1e-12);
		expect_simplified(s, &sample->borough_draw[b], sample->draw_tolerance[b],
				  jb_boroughs[b].name);
	}
	for (size_t l = 0; l < sample->nlsoa; l++) {
		const struct jb_lsoa *L = &sample->lsoa[l];
		full += npoints(&L->poly);
		drawn += npoints(&L->draw);
		if (L->borough >= 0)
			expect_simplified(&L->poly, &L->draw, sample->draw_tolerance[L->borough],
					  L->code);
	}
	/* python3 -c "import struct; d=open('sample-data/boundaries/london-lsoa2021-
	 *   bng-shp/london-lsoa2021-gen20.shp','rb').read(); p=100; n=0
	 *   while p < len(d): l=struct.unpack('>i',d[p+4:p+8])[0]; n+=struct.unpack(
	 *   '<i',d[p+48:p+52])[0]; p+=8+2*l
	 *   print(n)" -> 164622 points in all 4,994 LSOAs (the City's included) */
	assert_int_equal(full, 164622);
	assert_true(drawn < full);
}

static long file_size(const char *path)
{
	size_t n = 0;
	char *s = jb_slurp(path, &n);
	if (!s)
		fail_msg("cannot read %s", path);
	free(s);
	return (long)n;
}

/* Boundaries 8 times as dense (tests/fixtures/geo/densify.py: every edge
 * split at its midpoint three times over, so the shapes are exactly the
 * shipped ones) give the same numbers and a deck of the same weight: the
 * drawing copies are simplified at the page's resolution whatever the
 * input's. Before, the deck grew with the boundaries (about 5 times). */
static void dense_boundaries_cost_the_same(void **state)
{
	(void)state;
	char *dir = data_dir("mkdir dense && python3 \"$R/tests/fixtures/geo/densify.py\" 3 "
			     "\"$R/sample-data/boundaries\" dense/boundaries && "
			     "for f in crime confidence deprivation population education-youth youth-services "
			     "actions; do ln -s \"$R/sample-data/$f\" dense/; done");
	char *prog = jembrief();
	char *cmd = xasprintf("'%s' -q -j 2 -o '%s/out-shipped' hackney && '%s' -q -j 2 -d '%s/dense' "
			      "-o '%s/out-dense' hackney", prog, dir, prog, dir, dir);
	int st;
	free(jb_run(cmd, &st));
	assert_int_equal(st, 0);
	char *a = xasprintf("%s/out-shipped/summary.csv", dir), *b = xasprintf("%s/out-dense/summary.csv", dir);
	char *sa = jb_slurp(a, NULL), *sb = jb_slurp(b, NULL);
	assert_non_null(sa);
	assert_non_null(sb);
	assert_string_equal(sa, sb); /* analysis: the same full geometry */
	free(a);
	free(b);
	a = xasprintf("%s/out-shipped/hackney.pdf", dir);
	b = xasprintf("%s/out-dense/hackney.pdf", dir);
	long shipped = file_size(a), dense = file_size(b);
	if (fabs((double)dense / (double)shipped - 1) > 0.02)
		fail_msg("hackney.pdf: %ld bytes from dense boundaries, %ld from the shipped ones",
			 dense, shipped);
	free(a);
	free(b);
	free(sa);
	free(sb);
	free(cmd);
	free(prog);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(set_aside_rows_have_a_line),
		cmocka_unit_test(outcomes_joined_by_crime_id),
		cmocka_unit_test(files_not_recognised_are_listed),
		cmocka_unit_test(unreadable_subfolder_is_listed),
		cmocka_unit_test(zip_reads_like_the_folder),
		cmocka_unit_test(damaged_zip_is_listed),
		cmocka_unit_test(boundaries_drawn_simplified),
		cmocka_unit_test(dense_boundaries_cost_the_same),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
