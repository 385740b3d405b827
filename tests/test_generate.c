/* tests/test_generate.c - the synthetic street data generator
 * (sample-data/generate-street.c, run as BUILD/generate-street), the PROJ
 * inverse it uses, and the parallel reading of street files that make
 * bench measures (ingest/street.c, ingest/dataset.c).
 *
 * Expected values come from the real files in sample-data/ through the
 * python3 script quoted beside each assertion (independent of the C code);
 * the generated files are checked by reading them back as text here and
 * through jembrief's ingest.
 */
#include "support.h"

#include <ctype.h>
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../util/xalloc.h"

static const char header[] = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
			     "Location,LSOA code,LSOA name,Crime type,Last outcome category,"
			     "Context";

static const char *const types[] = {
	"Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson",
	"Drugs", "Other theft", "Possession of weapons", "Public order", "Robbery",
	"Shoplifting", "Theft from the person", "Vehicle crime",
	"Violence and sexual offences", "Other crime",
};

/* ---- helpers ---- */

/* BUILD/generate-street beside $JEMBRIEF (set by tests/run-tests.sh). */
static char *generator(void)
{
	const char *j = getenv("JEMBRIEF");
	char *copy = xstrdup(j && *j ? j : "build/jembrief");
	char *path = xasprintf("%s/generate-street", dirname(copy));
	free(copy);
	return path;
}

/* Run the generator with args into out; returns its exit status. */
static int generate(const char *args, const char *out)
{
	char *gen = generator();
	char *cmd = xasprintf("'%s' --data sample-data %s --out '%s' 2>&1", gen, args, out);
	int status;
	char *text = jb_run(cmd, &status);
	if (status != 0)
		print_error("%s\n%s", cmd, text);
	free(text);
	free(cmd);
	free(gen);
	return status;
}

static char *month_file(const char *dir, const char *ym)
{
	return xasprintf("%s/%s/%s-metropolitan-street.csv", dir, ym, ym);
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

/* Split a line (no quotes in generated files) into at most max fields, in
 * place; returns the number of fields. */
static int split(char *line, char **f, int max)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p && n <= max; p++)
		if (*p == ',') {
			*p = '\0';
			if (n < max)
				f[n] = p + 1;
			n++;
		}
	return n;
}

static struct jb_dataset *load(const char *dir, int jobs, char **diag)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	jb_diag_set(f);
	struct jb_dataset *ds = jb_dataset_load(dir, &(struct jb_load_options){.quiet = 1,
										  .jobs = jobs});
	jb_diag_set(NULL);
	fclose(f);
	*diag = buf;
	return ds;
}

/* A data directory with the real boundaries and no crime files yet. */
static char *data_dir(void)
{
	char *dir = jb_tmpdir();
	link_into(dir, "boundaries/boroughs.geojson",
		  "sample-data/boundaries/london-boroughs-2022-gen20.geojson");
	link_into(dir, "boundaries/lsoa", "sample-data/boundaries/london-lsoa2021-bng-shp");
	return dir;
}

/* ---- the PROJ inverse ---- */

/* The Ordnance Survey worked example of test_geo.c, backwards: E 651409.804,
 * N 313177.450 is lat 52.658007833, lon 1.716073973 (through OSTN15; PROJ
 * here uses the Helmert, good to a few metres: 5 m is 7.4e-5 degrees of
 * longitude at 52.66 N, 4.5e-5 of latitude). And the inverse undoes the
 * forward transform to well under a millimetre. */
static void inverse_projection(void **state)
{
	(void)state;
	struct jb_proj *p = jb_proj_new();
	assert_non_null(p);
	double x[] = {651409.804, 530000, NAN}, y[] = {313177.450, 180000, 0};
	assert_int_equal(jb_proj_to_wgs84(p, x, y, 3), 1);
	assert_true(fabs(x[0] - 1.716073973) < 7.4e-5);
	assert_true(fabs(y[0] - 52.658007833) < 4.5e-5);
	assert_true(isnan(x[2]) && isnan(y[2]));
	double bx[] = {x[0], x[1]}, by[] = {y[0], y[1]};
	assert_int_equal(jb_proj_to_bng(p, bx, by, 2), 0);
	assert_true(fabs(bx[0] - 651409.804) < 1e-3 && fabs(by[0] - 313177.450) < 1e-3);
	assert_true(fabs(bx[1] - 530000) < 1e-3 && fabs(by[1] - 180000) < 1e-3);
	jb_proj_free(p);
}

/* ---- the generator ---- */

/* The same seed gives the same bytes, whatever the number of months or
 * threads; another seed gives other bytes. */
static void deterministic_for_a_seed(void **state)
{
	(void)state;
	char *a = jb_tmpdir(), *b = jb_tmpdir(), *c = jb_tmpdir(), *d = jb_tmpdir();
	assert_int_equal(generate("--months 2 --end 2025-07 --seed 7 --rows-per-month 1500 "
				  "--jobs 2", a), 0);
	assert_int_equal(generate("--months 2 --end 2025-07 --seed 7 --rows-per-month 1500 "
				  "--jobs 1", b), 0);
	assert_int_equal(generate("--months 1 --end 2025-07 --seed 7 --rows-per-month 1500", c),
			 0);
	assert_int_equal(generate("--months 1 --end 2025-07 --seed 8 --rows-per-month 1500", d),
			 0);
	static const char *const ym[] = {"2025-06", "2025-07"};
	for (int m = 0; m < 2; m++) {
		char *fa = month_file(a, ym[m]), *fb = month_file(b, ym[m]);
		size_t na, nb;
		char *ta = jb_slurp(fa, &na), *tb = jb_slurp(fb, &nb);
		assert_non_null(ta);
		assert_non_null(tb);
		assert_true(na > 100000);
		assert_true(na == nb && memcmp(ta, tb, na) == 0);
		if (m == 1) {
			char *fc = month_file(c, ym[m]), *fd = month_file(d, ym[m]);
			size_t nc, nd;
			char *tc = jb_slurp(fc, &nc), *td = jb_slurp(fd, &nd);
			assert_true(nc == na && memcmp(tc, ta, na) == 0);
			assert_false(nd == na && memcmp(td, ta, na) == 0);
			free(tc);
			free(td);
			free(fc);
			free(fd);
		}
		free(ta);
		free(tb);
		free(fa);
		free(fb);
	}
	/* --months 1 wrote no 2025-06 */
	char *f = month_file(c, "2025-06");
	assert_int_equal(access(f, F_OK), -1);
	free(f);
	char *dirs[] = {a, b, c, d};
	for (int i = 0; i < 4; i++) {
		jb_rmtree(dirs[i]);
		free(dirs[i]);
	}
}

/* The rows of two months, read back as text: the real header; rows per
 * month from London's seasonal profile; every field as data.police.uk
 * writes it; the crime mix of the MPS file.
 *
 * Rows per month (R = 2000), from the MPS LSOA file (run from the
 * repository root with /usr/bin/python3; pandas):
 *   d=pd.read_csv('sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz')
 *   ms=[c for c in d.columns if c.isdigit()]; tot=d[ms].sum()
 *   ok=[m for m in ms if tot[m]>=tot.median()/2]      # 202403..202602
 *   po=d[d.major_category.isin(['PUBLIC ORDER OFFENCES','ARSON AND CRIMINAL DAMAGE'])]
 *   k=lambda m:int(m[4:]); n=lambda c:sum(1 for m in ok if k(m)==c)
 *   C={c:sum(tot[m] for m in ok if k(m)==c)/n(c) for c in range(1,13)}
 *   P={c:sum(po[m].sum() for m in ok if k(m)==c)/n(c) for c in range(1,13)}
 *   r=0.23/0.77*sum(C.values())/sum(P.values())
 *   T={c:C[c]+r*P[c] for c in C}; print({c:round(2000*T[c]/(sum(T.values())/12)) for c in T})
 * -> June 2062, July 2175 (January 1859 ... the year's low, July its high).
 * The expected shares of those two months' rows, with
 *   V={c:sum(d[d.major_category=='VIOLENCE AGAINST THE PERSON'][m].sum() for m in ok
 *      if k(m)==c)/n(c) for c in C}; w={6:2062,7:2175}
 *   print(sum(w[c]*r*P[c]/T[c] for c in w)/4237, sum(w[c]*V[c]/T[c] for c in w)/4237)
 * -> anti-social behaviour 0.2418 (0.23 over the year, more in summer) and
 * "Violence and sexual offences" 0.2101. */
static void rows_as_data_police_uk_writes_them(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	assert_int_equal(generate("--months 2 --end 2025-07 --seed 3 --rows-per-month 2000", dir),
			 0);
	static const char *const ym[] = {"2025-06", "2025-07"};
	static const int want_rows[] = {2062, 2175};
	int asb = 0, violence = 0, total = 0, noxy = 0, nolsoa = 0;
	for (int m = 0; m < 2; m++) {
		char *path = month_file(dir, ym[m]);
		char *text = jb_slurp(path, NULL);
		assert_non_null(text);
		assert_null(strchr(text, '"'));
		char *save, *line = strtok_r(text, "\n", &save);
		assert_string_equal(line, header);
		int rows = 0;
		/* in the real files' order: by LSOA name, then crime type as in
		 * types[] ("Other crime" last), the rows with no LSOA last
		 * (sample-data's City of London files: python's csv module
		 * finds them so) */
		char prev_name[64] = "";
		int prev_blank = 0, prev_type = 0;
		while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
			char *f[12];
			assert_int_equal(split(line, f, 12), 12);
			rows++;
			int blank = !*f[8], type = -1;
			for (int t = 0; t < (int)(sizeof types / sizeof types[0]); t++)
				if (strcmp(f[9], types[t]) == 0)
					type = t;
			assert_true(blank >= prev_blank);
			if (!blank && rows > 1) {
				int c = strcmp(f[8], prev_name);
				assert_true(c > 0 || (c == 0 && type >= prev_type));
			}
			prev_blank = blank;
			prev_type = type;
			snprintf(prev_name, sizeof prev_name, "%s", f[8]);
			int is_asb = strcmp(f[9], types[0]) == 0, known = 0;
			for (size_t t = 0; t < sizeof types / sizeof types[0]; t++)
				known |= strcmp(f[9], types[t]) == 0;
			assert_true(known);
			asb += is_asb;
			violence += strcmp(f[9], "Violence and sexual offences") == 0;
			if (is_asb) {
				assert_string_equal(f[0], "");
				assert_string_equal(f[10], "");
			} else {
				assert_int_equal(strlen(f[0]), 64);
				for (int k = 0; k < 64; k++)
					assert_true(isxdigit((unsigned char)f[0][k]) &&
						    !isupper((unsigned char)f[0][k]));
				assert_true(strlen(f[10]) > 0);
			}
			assert_string_equal(f[1], ym[m]);
			assert_string_equal(f[2], "Metropolitan Police Service");
			assert_string_equal(f[3], "Metropolitan Police Service");
			assert_string_equal(f[11], "");
			if (!*f[4]) {
				noxy++;
				assert_string_equal(f[5], "");
				assert_string_equal(f[6], "No Location");
				assert_string_equal(f[7], "");
				assert_string_equal(f[8], "");
				continue;
			}
			/* London: lon -0.52..0.34, lat 51.28..51.70, 6 decimals */
			double lon = atof(f[4]), lat = atof(f[5]);
			assert_true(lon > -0.52 && lon < 0.34 && lat > 51.28 && lat < 51.70);
			assert_int_equal(strlen(strchr(f[4], '.') + 1), 6);
			assert_int_equal(strlen(strchr(f[5], '.') + 1), 6);
			assert_int_equal(strncmp(f[6], "On or near ", 11), 0);
			if (!*f[7]) {
				nolsoa++;
				assert_string_equal(f[8], "");
			} else {
				assert_int_equal(strncmp(f[7], "E01", 3), 0);
				assert_true(strlen(f[8]) > 5);
			}
		}
		assert_int_equal(rows, want_rows[m]);
		total += rows;
		free(text);
		free(path);
	}
	/* Shares, with binomial tolerances of about 4 standard errors on
	 * 4,237 rows: ASB 0.2418 (sd 0.0066), violence 0.2101 (sd 0.0063),
	 * no coordinates 0.01 (sd 0.0015). */
	print_message("%d rows: ASB %.4f, violence %.4f, no coordinates %.4f, no LSOA %d\n",
		      total, (double)asb / total, (double)violence / total,
		      (double)noxy / total, nolsoa);
	assert_int_equal(total, 2062 + 2175);
	assert_true(fabs((double)asb / total - 0.2418) < 0.027);
	assert_true(fabs((double)violence / total - 0.2101) < 0.025);
	assert_true(fabs((double)noxy / total - 0.01) < 0.006);
	assert_true(nolsoa < 40); /* 0.2%: about 8 expected */
	jb_rmtree(dir);
	free(dir);
}

/* The generated files through jembrief's ingest: every row counted, the
 * quirks set aside for the right reasons, and every kept point inside the
 * LSOA its row names (or, with a blank code, the one it was placed in). */
static void rows_load_through_ingest(void **state)
{
	(void)state;
	char *dir = data_dir();
	char *street = xasprintf("%s/crime/police-uk-street", dir);
	assert_int_equal(generate("--months 3 --end 2025-03 --seed 11 --rows-per-month 2500",
				  street), 0);
	char *diag;
	struct jb_dataset *ds = load(dir, 2, &diag);
	assert_non_null(ds);
	assert_string_equal(diag, "");
	assert_int_equal(jb_dataset_check(ds, stderr), 0);
	assert_true(ds->has_street);
	const struct jb_street *st = &ds->street;
	assert_int_equal(st->first_month, jb_month(2025, 1));
	assert_int_equal(st->nmonths, 3);

	static const char *const ym[] = {"2025-01", "2025-02", "2025-03"};
	size_t k = 0, city_total = 0;
	for (int m = 0; m < 3; m++) {
		char *rel = xasprintf("crime/police-uk-street/%s/%s-metropolitan-street.csv",
				      ym[m], ym[m]);
		const struct jb_source *src = NULL;
		for (size_t i = 0; i < ds->sources.n; i++)
			if (strcmp(ds->sources.v[i]->path, rel) == 0)
				src = ds->sources.v[i];
		assert_non_null(src);
		char *path = xasprintf("%s/%s", dir, rel);
		char *text = jb_slurp(path, NULL);
		char *save, *line = strtok_r(text, "\n", &save);
		size_t rows = 0, noxy = 0, city = 0;
		while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
			char *f[12];
			split(line, f, 12);
			rows++;
			if (!*f[4]) {
				noxy++;
				continue;
			}
			if (strncmp(f[8], "City of London", 14) == 0) {
				city++;
				continue;
			}
			/* the next kept point is this row's */
			assert_true(k < st->npts);
			const struct jb_point *p = &st->pts[k++];
			const struct jb_lsoa *l = &ds->lsoa[p->lsoa];
			if (*f[7])
				assert_string_equal(l->code, f[7]);
			assert_true(jb_polygon_contains(&l->poly, p->x, p->y));
			assert_true(l->borough >= 0 && l->borough < JB_NBOROUGHS);
			assert_int_equal(p->month, m);
			assert_string_equal(st->types[p->type], f[9]);
			assert_string_equal(st->outcomes[p->outcome], f[10]);
			assert_string_equal(st->locations[p->location], f[6]);
		}
		assert_int_equal(src->rows, rows);
		assert_int_equal(src->set_aside, noxy + city);
		assert_int_equal(src->kept, rows - noxy - city);
		size_t r_noxy = 0, r_city = 0;
		for (size_t r = 0; r < src->nreasons; r++) {
			if (strcmp(src->reasons[r].what, "no coordinates") == 0)
				r_noxy = src->reasons[r].n;
			if (strcmp(src->reasons[r].what, "outside the 32 boroughs") == 0)
				r_city = src->reasons[r].n;
		}
		assert_int_equal(r_noxy, noxy);
		assert_int_equal(r_city, city);
		city_total += city;
		free(text);
		free(path);
		free(rel);
	}
	assert_int_equal(k, st->npts);
	assert_true(city_total > 0); /* 0.1% of about 7,000 rows */
	jb_dataset_free(ds);
	free(diag);
	free(street);
	jb_rmtree(dir);
	free(dir);
}

/* ---- parallel reading ---- */

static void same_sources(const struct jb_sources *a, const struct jb_sources *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct jb_source *x = a->v[i], *y = b->v[i];
		assert_string_equal(x->path, y->path);
		assert_string_equal(x->kind, y->kind);
		assert_int_equal(x->rows, y->rows);
		assert_int_equal(x->kept, y->kept);
		assert_int_equal(x->set_aside, y->set_aside);
		assert_int_equal(x->nreasons, y->nreasons);
		for (size_t r = 0; r < x->nreasons; r++) {
			assert_string_equal(x->reasons[r].what, y->reasons[r].what);
			assert_string_equal(x->reasons[r].first, y->reasons[r].first);
			assert_int_equal(x->reasons[r].n, y->reasons[r].n);
		}
	}
	assert_int_equal(a->nmissing, b->nmissing);
}

static void same_strings(char **a, size_t na, char **b, size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++)
		assert_string_equal(a[i], b[i]);
}

/* A generated run of street files with, in path order among them: a file
 * with bad rows (printed messages, so read again when its turn comes), an
 * outcomes file, a file that is not recognised and a small MPS LSOA file
 * (which may add LSOAs, so it splits the street files into two runs).
 * Read one by one and by 1, 2 and 4 threads: the same messages, sources,
 * street tables and points, bit for bit. */
static void parallel_read_matches_sequential(void **state)
{
	(void)state;
	char *dir = data_dir();
	char *street = xasprintf("%s/crime/police-uk-street", dir);
	assert_int_equal(generate("--months 6 --end 2025-06 --seed 5 --rows-per-month 1200",
				  street), 0);
	char *path = month_file(street, "2025-02");
	char *good = jb_slurp(path, NULL);
	free(path);
	char *cut = good;
	for (int i = 0; i < 40; i++) /* header and 39 rows */
		cut = strchr(cut, '\n') + 1;
	*cut = '\0';
	char *bad = xasprintf(
		"%s"
		",2025-02,Metropolitan Police Service,Metropolitan Police Service,abc,51.5,"
		"On or near X,,,Anti-social behaviour,,\n"
		",2025-13,Metropolitan Police Service,Metropolitan Police Service,-0.1,51.5,"
		"On or near X,,,Anti-social behaviour,,\n"
		"too,few,fields\n"
		"%s",
		good, strchr(good, '\n') + 1);
	free(jb_write_file(dir, "crime/police-uk-street/2025-02/2025-02-zz-bad-street.csv",
			   bad));
	free(jb_write_file(dir, "crime/police-uk-street/2025-03/2025-03-outcomes.csv",
			   "Crime ID,Month,Outcome type\n"));
	free(jb_write_file(dir, "crime/police-uk-street/2025-03/notes.csv", "a,b\n1,2\n"));
	free(jb_write_file(dir, "crime/police-uk-street/2025-04/2025-04-a-lsoa.csv",
			   "lsoa_code,lsoa_name,borough,major_category,minor_category,202504\n"
			   "E01000006,Barking and Dagenham 016A,E09000002,ROBBERY,"
			   "ROBBERY OF PERSONAL PROPERTY,3\n"));

	char *diag1;
	struct jb_dataset *one = load(dir, 1, &diag1);
	assert_non_null(one);
	/* 39 good rows, then the bad ones at lines 41-43 */
	assert_string_equal(diag1,
		"crime/police-uk-street/2025-02/2025-02-zz-bad-street.csv:41: column "
		"'Longitude': not a longitude in degrees (abc)\n"
		"crime/police-uk-street/2025-02/2025-02-zz-bad-street.csv:42: column "
		"'Month': not a month (2025-13)\n"
		"crime/police-uk-street/2025-02/2025-02-zz-bad-street.csv:43: wrong number "
		"of fields (3 fields, the header has 12)\n"
		"crime/police-uk-street/2025-03/notes.csv:1: header not recognised "
		"(expected MPS recorded crime, data.police.uk street-level, the MPS "
		"crime dashboard or MPS homicide victims)\n");
	assert_int_equal(one->sources.n, 2 + 6 + 4);
	assert_true(one->street.npts > 6000);
	assert_int_equal(jb_dataset_check(one, stderr), 0);

	static const int jobs[] = {2, 4};
	for (int j = 0; j < 2; j++) {
		char *diag;
		struct jb_dataset *par = load(dir, jobs[j], &diag);
		assert_non_null(par);
		assert_string_equal(diag, diag1);
		same_sources(&one->sources, &par->sources);
		const struct jb_street *a = &one->street, *b = &par->street;
		assert_int_equal(a->first_month, b->first_month);
		assert_int_equal(a->nmonths, b->nmonths);
		same_strings(a->types, a->ntypes, b->types, b->ntypes);
		same_strings(a->outcomes, a->noutcomes, b->outcomes, b->noutcomes);
		same_strings(a->locations, a->nlocations, b->locations, b->nlocations);
		assert_int_equal(a->npts, b->npts);
		for (size_t i = 0; i < a->npts; i++) {
			/* field by field: the struct's padding is unspecified */
			const struct jb_point *p = &a->pts[i], *q = &b->pts[i];
			if (p->x != q->x || p->y != q->y || p->lsoa != q->lsoa ||
			    p->location != q->location || p->month != q->month ||
			    p->type != q->type || p->outcome != q->outcome)
				fail_msg("point %zu differs with %d threads", i, jobs[j]);
		}
		assert_int_equal(one->nlsoa, par->nlsoa);
		assert_int_equal(one->crime[JB_LEVEL_LSOA].nrows, par->crime[JB_LEVEL_LSOA].nrows);
		jb_dataset_free(par);
		free(diag);
	}
	jb_dataset_free(one);
	free(diag1);
	free(bad);
	free(good);
	free(street);
	jb_rmtree(dir);
	free(dir);
}

/* The whole batch on generated street data: decks, summary and data-quality
 * report are the same bytes with --jobs 1 (files read one by one) as with
 * --jobs 3. */
static void batch_output_same_with_threads(void **state)
{
	(void)state;
	char *dir = data_dir();
	static const char *const links[][2] = {
		{"crime/mps-borough-level-crime-2024-2026.csv.gz",
		 "sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz"},
		{"crime/mps-lsoa-level-crime-2024-2026.csv.gz",
		 "sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz"},
		{"deprivation", "sample-data/deprivation"},
		{"population", "sample-data/population"},
	};
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
		link_into(dir, links[i][0], links[i][1]);
	char *street = xasprintf("%s/crime/police-uk-street", dir);
	assert_int_equal(generate("--months 4 --seed 9 --rows-per-month 3000", street), 0);
	const char *jembrief = getenv("JEMBRIEF");
	char *out[2];
	for (int k = 0; k < 2; k++) {
		out[k] = xasprintf("%s/out%d", dir, k);
		char *cmd = xasprintf("'%s' --quiet --jobs %d --data '%s' --out '%s' hackney "
				      "bromley 2>&1", jembrief ? jembrief : "build/jembrief",
				      k ? 3 : 1, dir, out[k]);
		int status;
		char *text = jb_run(cmd, &status);
		if (status)
			print_error("%s\n%s", cmd, text);
		assert_int_equal(status, 0);
		free(text);
		free(cmd);
	}
	static const char *const files[] = {"hackney.pdf", "bromley.pdf", "summary.csv",
					    "data-quality.csv"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *pa = xasprintf("%s/%s", out[0], files[i]);
		char *pb = xasprintf("%s/%s", out[1], files[i]);
		size_t na, nb;
		char *a = jb_slurp(pa, &na), *b = jb_slurp(pb, &nb);
		assert_non_null(a);
		assert_non_null(b);
		assert_true(na > 0);
		if (na != nb || memcmp(a, b, na) != 0)
			fail_msg("%s differs between --jobs 1 and --jobs 3", files[i]);
		free(a);
		free(b);
		free(pa);
		free(pb);
	}
	/* the street files are in the data-quality report */
	char *dq = xasprintf("%s/data-quality.csv", out[0]);
	char *text = jb_slurp(dq, NULL);
	assert_non_null(strstr(text, "-metropolitan-street.csv"));
	free(text);
	free(dq);
	for (int k = 0; k < 2; k++)
		free(out[k]);
	free(street);
	jb_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inverse_projection),
		cmocka_unit_test(deterministic_for_a_seed),
		cmocka_unit_test(rows_as_data_police_uk_writes_them),
		cmocka_unit_test(rows_load_through_ingest),
		cmocka_unit_test(parallel_read_matches_sequential),
		cmocka_unit_test(batch_output_same_with_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
