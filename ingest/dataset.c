/* ingest/dataset.c - load the data directory into a struct jb_dataset,
 * free it, check it.
 *
 * The folders are read in a fixed order: boundaries/ first (so the LSOA
 * registry has its geometry and boroughs before any table names an LSOA),
 * then crime/, deprivation/, population/, and the local context folders
 * education-youth/, youth-services/, actions/ and offender-management/
 * (ingest/youth.h). Each folder is walked to any
 * depth and its files are read in byte order of their paths, so the load
 * is the same on every machine. CSV files may be .csv or .csv.gz; a crime/
 * file's format is told by its header, not its name. What is not there is
 * recorded with jb_source_missing() and never stops the load.
 */
#include "dataset.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"
#include "readers.h"
#include "youth.h"

/* ---- walking a folder ---- */

struct files {
	char **v;
	size_t n, cap;
};

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static int is_csv(const char *name)
{
	return ends_with(name, ".csv") || ends_with(name, ".csv.gz");
}

static int is_boundary(const char *name)
{
	return ends_with(name, ".geojson") || ends_with(name, ".json") ||
	       ends_with(name, ".shp");
}

/* Collect files below dir/rel accepted by want(), as paths relative to dir.
 * Hidden entries are skipped; depth is bounded against symlink loops. */
static void walk(const char *dir, const char *rel, int (*want)(const char *),
		 struct files *out, int depth)
{
	char *path = xasprintf("%s/%s", dir, rel);
	DIR *d = opendir(path);
	free(path);
	if (!d || depth > 16) {
		if (d)
			closedir(d);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = xasprintf("%s/%s", rel, e->d_name);
		char *full = xasprintf("%s/%s", dir, sub);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(dir, sub, want, out, depth + 1);
			free(sub);
		} else if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && want(e->d_name)) {
			out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
			out->v[out->n++] = sub;
		} else {
			free(sub);
		}
		free(full);
	}
	closedir(d);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of one folder, sorted; 0 files when the folder is absent. */
static struct files folder(const char *dir, const char *name, int (*want)(const char *))
{
	struct files f = {0};
	walk(dir, name, want, &f, 0);
	if (f.n)
		qsort(f.v, f.n, sizeof *f.v, by_path);
	return f;
}

static void files_free(struct files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
}

/* ---- telling crime/ files apart by their headers ---- */

typedef int (*reader_fn)(struct jb_dataset *, const char *, const char *);

static int not_read(struct jb_dataset *ds, const char *path, const char *rel)
{
	(void)path;
	jb_source_add(&ds->sources, rel, "data.police.uk outcomes (not read)");
	return 0;
}

/* The reader for a crime/ file, or NULL with the source recorded as
 * unusable (unreadable, empty, header not recognised). */
static reader_fn crime_reader(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t) {
		jb_source_unusable(ds, rel, "crime", 0, NULL, err, NULL);
		return NULL;
	}
	reader_fn fn = NULL;
	int month;
	if (jb_csv_col(t, "Crime type") >= 0 && jb_csv_col(t, "Longitude") >= 0)
		fn = jb_read_street;
	else if (jb_csv_col(t, "Outcome type") >= 0)
		fn = not_read;
	else if (jb_csv_col(t, "month_year") >= 0 && jb_csv_col(t, "measure") >= 0)
		fn = jb_read_dashboard;
	else
		for (int c = 0; c < jb_csv_ncols(t) && !fn; c++)
			if (jb_parse_yyyymm(jb_csv_name(t, c), &month) == 0)
				fn = jb_read_mps_crime;
	if (!fn)
		jb_source_unusable(ds, rel, "crime", 1, NULL, "header not recognised",
				   "expected MPS recorded crime, data.police.uk "
				   "street-level or the MPS crime dashboard");
	jb_csv_close(t);
	return fn;
}

/* ---- loading ---- */

static void read_folder(struct jb_dataset *ds, const char *name,
			int (*want)(const char *), reader_fn fn, int quiet)
{
	struct files f = folder(ds->dir, name, want);
	for (size_t i = 0; i < f.n; i++) {
		char *path = xasprintf("%s/%s", ds->dir, f.v[i]);
		reader_fn r = fn ? fn : crime_reader(ds, path, f.v[i]);
		size_t before = ds->sources.n;
		if (r)
			r(ds, path, f.v[i]);
		if (!quiet && ds->sources.n > before) {
			const struct jb_source *s = ds->sources.v[ds->sources.n - 1];
			fprintf(stderr, "jembrief: %s: %s, %zu rows, %zu kept, %zu set aside\n",
				s->path, s->kind, s->rows, s->kept, s->set_aside);
		}
		free(path);
	}
	files_free(&f);
}

struct jb_dataset *jb_dataset_load(const char *dir, const struct jb_load_options *opt)
{
	int quiet = opt && opt->quiet;
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "jembrief: %s: %s\n", dir, strerror(errno));
		return NULL;
	}
	closedir(d);

	struct jb_dataset *ds = xcalloc(1, sizeof *ds);
	ds->dir = xstrdup(dir);

	read_folder(ds, "boundaries", is_boundary, jb_read_boundaries, quiet);
	read_folder(ds, "crime", is_csv, NULL, quiet);
	read_folder(ds, "deprivation", is_csv, jb_read_deprivation, quiet);
	read_folder(ds, "population", is_csv, jb_read_population, quiet);
	ds->youth = jb_youth_data_new();
	read_folder(ds, "education-youth", is_csv, jb_read_education_youth, quiet);
	jb_lait_finish(&ds->youth->lait);
	read_folder(ds, "youth-services", is_csv, jb_read_youth_services, quiet);
	read_folder(ds, "actions", is_csv, jb_read_actions, quiet);
	read_folder(ds, "offender-management", is_csv, jb_read_offender, quiet);

	/* What the decks will say "no data supplied" about. */
	struct jb_sources *s = &ds->sources;
	if (!ds->has_borough_shapes)
		jb_source_missing(s, "borough boundaries (boundaries/)");
	if (!ds->has_lsoa_shapes)
		jb_source_missing(s, "LSOA boundaries (boundaries/)");
	if (!ds->has_crime[JB_LEVEL_BOROUGH])
		jb_source_missing(s, "recorded crime by borough (crime/)");
	if (!ds->has_crime[JB_LEVEL_WARD])
		jb_source_missing(s, "recorded crime by ward (crime/)");
	if (!ds->has_crime[JB_LEVEL_LSOA])
		jb_source_missing(s, "recorded crime by LSOA (crime/)");
	if (!ds->has_street)
		jb_source_missing(s, "data.police.uk street-level crime (crime/)");
	if (!ds->has_dash)
		jb_source_missing(s, "MPS monthly crime dashboard (crime/)");
	if (!ds->imd_edition)
		jb_source_missing(s, "Indices of Deprivation (deprivation/)");
	if (!ds->pop[JB_LONDON].has)
		jb_source_missing(s, "mid-year population estimates (population/)");
	if (!ds->has_census)
		jb_source_missing(s, "Census 2021 LSOA populations (population/)");
	if (!ds->youth->lait.has_table)
		jb_source_missing(s, "DfE LAIT education and youth justice table (education-youth/)");
	if (!ds->youth->lait.has_dict)
		jb_source_missing(s, "DfE LAIT data dictionary (education-youth/)");
	if (!ds->youth->has_services)
		jb_source_missing(s, "youth services (youth-services/)");
	if (!ds->youth->has_actions)
		jb_source_missing(s, "action log (actions/)");
	if (!ds->youth->has_offender)
		jb_source_missing(s, "adult offender management (offender-management/)");
	return ds;
}

/* ---- freeing ---- */

static void free_polygon(struct jb_polygon *p)
{
	free(p->ring);
	free(p->xy);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void jb_dataset_free(struct jb_dataset *ds)
{
	if (!ds)
		return;
	for (size_t i = 0; i < ds->sources.n; i++) {
		struct jb_source *src = ds->sources.v[i];
		for (size_t r = 0; r < src->nreasons; r++) {
			free(src->reasons[r].what);
			free(src->reasons[r].first);
		}
		free(src->reasons);
		free(src->path);
		free(src->kind);
		free(src);
	}
	free(ds->sources.v);
	free_strings(ds->sources.missing, ds->sources.nmissing);

	for (size_t i = 0; i < ds->nlsoa; i++) {
		free(ds->lsoa[i].name);
		free_polygon(&ds->lsoa[i].poly);
	}
	free(ds->lsoa);
	strmap_free(ds->lsoa_index);
	for (size_t i = 0; i < ds->nward; i++)
		free(ds->ward[i].name);
	free(ds->ward);
	strmap_free(ds->ward_index);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		free_polygon(&ds->borough_shape[b]);

	for (size_t i = 0; i < ds->ncategories; i++) {
		free(ds->categories[i].major);
		free(ds->categories[i].minor);
	}
	free(ds->categories);
	strmap_free(ds->category_index);
	for (int l = 0; l < JB_NLEVELS; l++) {
		struct jb_crime_table *t = &ds->crime[l];
		for (size_t r = 0; r < t->nrows; r++)
			free(t->rows[r].counts);
		free(t->rows);
		free(t->covered);
	}

	free_strings(ds->dash.types, ds->dash.nsubtypes);
	free_strings(ds->dash.subtypes, ds->dash.nsubtypes);
	free_strings(ds->dash.measures, ds->dash.nmeasures);
	free(ds->dash.rows);

	free_strings(ds->street.types, ds->street.ntypes);
	free_strings(ds->street.outcomes, ds->street.noutcomes);
	free_strings(ds->street.locations, ds->street.nlocations);
	free(ds->street.pts);
	jb_youth_data_free(ds->youth);

	free(ds->dir);
	free(ds);
}

/* ---- checking ---- */

struct check {
	FILE *err;
	int n;
};

__attribute__((format(printf, 2, 3)))
static void problem(struct check *c, const char *fmt, ...)
{
	if (c->err) {
		va_list ap;
		va_start(ap, fmt);
		fputs("dataset check: ", c->err);
		vfprintf(c->err, fmt, ap);
		fputc('\n', c->err);
		va_end(ap);
	}
	c->n++;
}

static void check_polygon(struct check *c, const struct jb_polygon *p, const char *what)
{
	if (p->nrings == 0)
		return;
	if (!p->ring || !p->xy || p->ring[0] != 0) {
		problem(c, "%s: polygon without rings or points", what);
		return;
	}
	for (size_t r = 0; r < p->nrings; r++) {
		size_t a = p->ring[r], b = p->ring[r + 1];
		if (b < a + 3) {
			problem(c, "%s: ring %zu has fewer than 3 points", what, r);
			continue;
		}
		for (size_t k = a; k < b; k++)
			if (!isfinite(p->xy[2 * k]) || !isfinite(p->xy[2 * k + 1]) ||
			    p->xy[2 * k] < p->minx || p->xy[2 * k] > p->maxx ||
			    p->xy[2 * k + 1] < p->miny || p->xy[2 * k + 1] > p->maxy) {
				problem(c, "%s: ring %zu point %zu not finite or outside "
					   "the bounding box", what, r, k - a);
				break;
			}
	}
}

static void check_crime(struct check *c, const struct jb_dataset *ds, int level)
{
	static const char *const name[] = {"borough", "ward", "LSOA"};
	const struct jb_crime_table *t = &ds->crime[level];
	size_t nareas = level == JB_LEVEL_BOROUGH ? JB_NBOROUGHS
			: level == JB_LEVEL_WARD  ? ds->nward
						  : ds->nlsoa;
	if (t->nrows && (t->nmonths <= 0 || !t->covered))
		problem(c, "%s crime table: rows but no months", name[level]);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct jb_crime_row *row = &t->rows[r];
		if (row->area < 0 || (size_t)row->area >= nareas)
			problem(c, "%s crime row %zu: area %d out of range", name[level], r,
				row->area);
		if (row->cat < 0 || (size_t)row->cat >= ds->ncategories)
			problem(c, "%s crime row %zu: category %d out of range", name[level],
				r, row->cat);
		for (int m = 0; m < t->nmonths; m++)
			if (row->counts[m] < 0) {
				problem(c, "%s crime row %zu: negative count", name[level], r);
				break;
			}
	}
}

int jb_dataset_check(const struct jb_dataset *ds, FILE *err)
{
	struct check c = {err, 0};
	if (!ds) {
		problem(&c, "no dataset");
		return c.n;
	}
	for (size_t s = 0; s < ds->sources.n; s++) {
		const struct jb_source *src = ds->sources.v[s];
		if (src->kept + src->set_aside < src->rows || src->kept > src->rows)
			problem(&c, "%s: %zu rows but %zu kept and %zu set aside", src->path,
				src->rows, src->kept, src->set_aside);
	}
	if (ds->nlsoa && strmap_count(ds->lsoa_index) != ds->nlsoa)
		problem(&c, "LSOA index holds %zu codes for %zu LSOAs",
			strmap_count(ds->lsoa_index), ds->nlsoa);
	for (size_t i = 0; i < ds->nlsoa; i++) {
		const struct jb_lsoa *l = &ds->lsoa[i];
		if (l->borough < -1 || l->borough >= JB_NBOROUGHS)
			problem(&c, "LSOA %s: borough %d out of range", l->code, l->borough);
		if (l->residents < 0)
			problem(&c, "LSOA %s: negative residents", l->code);
		if (l->imd.has && (l->imd.decile < 0 || l->imd.decile > 10 || l->imd.rank < 0))
			problem(&c, "LSOA %s: IMD rank or decile out of range", l->code);
		check_polygon(&c, &l->poly, l->code);
	}
	for (size_t i = 0; i < ds->nward; i++)
		if (ds->ward[i].borough < -1 || ds->ward[i].borough >= JB_NBOROUGHS)
			problem(&c, "ward %s: borough out of range", ds->ward[i].code);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		check_polygon(&c, &ds->borough_shape[b], jb_boroughs[b].name);
	for (int l = 0; l < JB_NLEVELS; l++)
		check_crime(&c, ds, l);

	for (size_t i = 0; i < ds->dash.nrows; i++) {
		const struct jb_dash_row *r = &ds->dash.rows[i];
		if (r->borough < 0 || r->borough >= JB_NBOROUGHS || r->subtype < 0 ||
		    (size_t)r->subtype >= ds->dash.nsubtypes || r->measure < 0 ||
		    (size_t)r->measure >= ds->dash.nmeasures || !(r->count >= 0))
			problem(&c, "dashboard row %zu out of range", i);
	}

	const struct jb_street *st = &ds->street;
	if (st->npts && (st->noutcomes == 0 || strcmp(st->outcomes[0], "") != 0))
		problem(&c, "street outcomes[0] is not the empty outcome");
	for (size_t i = 0; i < st->npts; i++) {
		const struct jb_point *p = &st->pts[i];
		if (p->lsoa < 0 || (size_t)p->lsoa >= ds->nlsoa || p->type >= st->ntypes ||
		    p->outcome >= st->noutcomes || p->location < 0 ||
		    (size_t)p->location >= st->nlocations || p->month < 0 ||
		    p->month >= st->nmonths || p->borough < 0 || p->borough >= JB_NBOROUGHS ||
		    !isfinite(p->x) || !isfinite(p->y)) {
			problem(&c, "street point %zu out of range", i);
			break;
		}
	}

	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		const struct jb_population *p = &ds->pop[b];
		if (!p->has)
			continue;
		int bad = !(p->all_ages >= 0);
		for (int a = 0; a <= JB_MAXAGE; a++)
			bad |= !(p->age[a] >= 0);
		if (bad)
			problem(&c, "population of %s: negative or missing value",
				b == JB_LONDON ? "London" : jb_boroughs[b].name);
	}
	if (ds->youth)
		c.n += jb_youth_data_check(ds->youth, err);
	return c.n;
}
