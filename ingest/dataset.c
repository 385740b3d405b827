/* ingest/dataset.c - load the data directory into a struct jb_dataset,
 * free it, check it.
 *
 * The folders are read in a fixed order: boundaries/ first (so the LSOA
 * registry has its geometry and boroughs before any table names an LSOA),
 * then crime/, deprivation/, population/, confidence/, and the local context folders
 * education-youth/, youth-services/, actions/ and offender-management/
 * (ingest/youth.h). Each folder is walked to any
 * depth and its files are read in byte order of their paths, so the load
 * is the same on every machine. CSV files may be .csv or .csv.gz; a crime/
 * file's format is told by its header, not its name. What is not there is
 * recorded with jb_source_missing() and never stops the load.
 *
 * data.police.uk street-level files (a file a month, millions of rows at
 * Met scale) are read by several threads at once (jb_load_options.jobs)
 * and merged in path order (see street.c), so the dataset, the sources and
 * the messages are the same as when they are read one after another.
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
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "archive.h"
#include "csvtable.h"
#include "geo.h"
#include "readers.h"
#include "youth.h"

/* ---- walking a folder ---- */

/* What a folder makes of a file name: read it, scan it like a folder (a
 * .zip, archive.h), pass over it without a word (a shapefile's .dbf beside
 * its .shp), or list it as not read, with why (*why, static text). */
enum take { TAKE, ARCHIVE, PASS, UNREAD };
typedef enum take (*want_fn)(const char *name, const char **why);

struct files {
	char **v;
	size_t n, cap;
};

/* One walk of a folder: the files to read and those not read, each with
 * why; and everything reached so far, by device and inode, so that each
 * folder is walked and each file found once whatever links lead to them
 * again. */
struct walk {
	const char *dir;
	want_fn want;
	struct files out;
	struct jb_unread *unread;
	size_t nunread, capunread;
	struct strmap *seen; /* "dev:ino" -> index into rels */
	char **rels;         /* where each was first reached */
	size_t nrels, caprels;
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

static enum take want_csv(const char *name, const char **why)
{
	*why = "not a format read here (.csv, .csv.gz or .zip)";
	return is_csv(name) ? TAKE : ends_with(name, ".zip") ? ARCHIVE : UNREAD;
}

static enum take want_boundary(const char *name, const char **why)
{
	/* the files an ESRI shapefile comes with, read through its .shp */
	static const char *const sidecar[] = {".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn",
					      ".sbx", ".shp.xml", ".qmd", ".fix", ".aih",
					      ".ain", ".atx"};
	if (ends_with(name, ".geojson") || ends_with(name, ".json") || ends_with(name, ".shp"))
		return TAKE;
	for (size_t i = 0; i < sizeof sidecar / sizeof sidecar[0]; i++)
		if (ends_with(name, sidecar[i]))
			return PASS;
	*why = is_csv(name) ? "a table, not a boundary file (boundaries/ reads GeoJSON and "
			      "ESRI shapefiles)"
	       : ends_with(name, ".zip") ? "an archive: boundary files are read unzipped"
				       : "not a format read here (GeoJSON or ESRI shapefile)";
	return UNREAD;
}

static void not_read(struct walk *w, const char *rel, const char *why)
{
	w->unread = xgrow(w->unread, &w->capunread, w->nunread + 1, sizeof *w->unread);
	w->unread[w->nunread++] = (struct jb_unread){xstrdup(rel), xstrdup(why)};
}

static void take(struct walk *w, char *rel)
{
	w->out.v = xgrow(w->out.v, &w->out.cap, w->out.n + 1, sizeof *w->out.v);
	w->out.v[w->out.n++] = rel;
}

/* -1 and remember it when (dev, ino) is new; else the index of where it
 * was first reached. */
static int first_reached(struct walk *w, const struct stat *st, const char *rel)
{
	char key[48];
	snprintf(key, sizeof key, "%llu:%llu", (unsigned long long)st->st_dev,
		 (unsigned long long)st->st_ino);
	int i = strmap_get(w->seen, key);
	if (i >= 0)
		return i;
	w->rels = xgrow(w->rels, &w->caprels, w->nrels + 1, sizeof *w->rels);
	w->rels[w->nrels] = xstrdup(rel);
	strmap_put(w->seen, key, (int)w->nrels++);
	return -1;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible entries of the folder rel, sorted, so that the walk (and so
 * which of two paths to one file counts as first) is the same on every
 * machine. A folder that cannot be read is listed as not read, with the
 * system's reason; one that is not there is simply absent. */
static size_t entries(struct walk *w, const char *rel, char ***names)
{
	size_t n = 0, cap = 0;
	*names = NULL;
	char *path = xasprintf("%s/%s", w->dir, rel);
	DIR *d = opendir(path);
	free(path);
	if (!d) {
		if (errno != ENOENT)
			not_read(w, rel, strerror(errno));
		return 0;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		*names = xgrow(*names, &cap, n + 1, sizeof **names);
		(*names)[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(*names, n, sizeof **names, by_path);
	return n;
}

struct member_ctx {
	struct walk *w;
	const char *zip; /* the archive's path, relative to dir */
};

/* A member of an archive, judged as a file of the folder would be; hidden
 * members (".x", macOS's "__MACOSX/") are skipped like hidden files. */
static void member(const char *name, void *arg)
{
	struct member_ctx *m = arg;
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	if (name[0] == '.' || strstr(name, "/.") || strncmp(name, "__MACOSX/", 9) == 0)
		return;
	char *rel = xasprintf("%s/%s", m->zip, name);
	const char *why = NULL;
	enum take k = m->w->want(base, &why);
	if (k == TAKE && ends_with(base, ".gz"))
		not_read(m->w, rel, "compressed inside an archive (a .gz in a .zip)");
	else if (k == TAKE) {
		take(m->w, rel);
		rel = NULL;
	} else if (k == ARCHIVE)
		not_read(m->w, rel, "an archive inside an archive");
	else if (why)
		not_read(m->w, rel, why);
	free(rel);
}

/* A link to a folder or file reached before: listed, not read again. */
static void reached_again(struct walk *w, const char *rel, int dir, const char *first)
{
	char *why = dir ? xasprintf("a link back to the folder %s, already read (a loop)", first)
			: xasprintf("the same file as %s (read once)", first);
	not_read(w, rel, why);
	free(why);
}

/* Collect the files below dir/rel, as paths relative to dir; a .zip's
 * members as "rel/archive.zip/member" (archive.h). Hidden entries are
 * skipped; depth is bounded too (deep nesting). An entry that cannot be
 * read is listed as not read, with the system's reason. */
static void walk(struct walk *w, const char *rel, int depth)
{
	char **names;
	size_t n = depth > 16 ? 0 : entries(w, rel, &names);
	for (size_t i = 0; i < n; i++) {
		char *sub = xasprintf("%s/%s", rel, names[i]);
		char *full = xasprintf("%s/%s", w->dir, sub);
		struct stat st;
		const char *why = NULL;
		enum take k = TAKE;
		int first;
		if (stat(full, &st) != 0)
			not_read(w, sub, strerror(errno));
		else if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
			not_read(w, sub, "not a regular file");
		else if (S_ISREG(st.st_mode) && (k = w->want(names[i], &why)) == UNREAD)
			not_read(w, sub, why);
		else if (k == PASS)
			; /* a companion of a file read */
		else if ((first = first_reached(w, &st, sub)) >= 0)
			reached_again(w, sub, S_ISDIR(st.st_mode), w->rels[first]);
		else if (S_ISDIR(st.st_mode))
			walk(w, sub, depth + 1);
		else if (k == ARCHIVE) {
			struct member_ctx m = {w, sub};
			char err[160];
			if (jb_zip_list(full, member, &m, err, sizeof err) != 0)
				not_read(w, sub, err);
		} else {
			take(w, sub);
			sub = NULL;
		}
		free(sub);
		free(full);
		free(names[i]);
	}
	if (n)
		free(names);
}

/* Files of one folder, sorted; 0 files when the folder is absent. What is
 * not read is recorded in the sources, in path order, and reported. */
static struct files folder(struct jb_dataset *ds, const char *name, want_fn want)
{
	struct walk w = {.dir = ds->dir, .want = want, .seen = strmap_new()};
	char *top = xasprintf("%s/%s", ds->dir, name);
	struct stat st;
	if (stat(top, &st) == 0)
		first_reached(&w, &st, name);
	free(top);
	walk(&w, name, 0);
	for (size_t i = 0; i < w.nrels; i++)
		free(w.rels[i]);
	free(w.rels);
	strmap_free(w.seen);
	if (w.out.n)
		qsort(w.out.v, w.out.n, sizeof *w.out.v, by_path);
	if (w.nunread)
		qsort(w.unread, w.nunread, sizeof *w.unread, by_path);
	for (size_t i = 0; i < w.nunread; i++) {
		jb_source_unread(&ds->sources, w.unread[i].path, w.unread[i].why);
		free(w.unread[i].path);
		free(w.unread[i].why);
	}
	free(w.unread);
	return w.out;
}

static void files_free(struct files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
}

/* ---- telling crime/ files apart by their headers ---- */

typedef int (*reader_fn)(struct jb_dataset *, const char *, const char *);

enum crime_kind { C_UNUSABLE, C_STREET, C_OUTCOMES, C_DASHBOARD, C_HOMICIDE, C_MPS };

/* A crime/ file, told apart before any is read; an unusable one is
 * registered (and reported) only when its turn comes, so the sources stay
 * in path order. */
struct crime_file {
	char *rel, *path;
	enum crime_kind kind;
	long line;                    /* C_UNUSABLE: where, what, detail */
	char *problem;
	const char *detail;
	struct jb_street_part *part;  /* C_STREET read by a worker */
	int ready;
	struct jb_source *src;        /* C_OUTCOMES: registered in its turn, read last */
};

static void classify(struct crime_file *f)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(f->path, &err);
	f->kind = C_UNUSABLE;
	if (!t) {
		f->problem = xstrdup(err);
		return;
	}
	int month;
	if (jb_csv_col(t, "Crime type") >= 0 && jb_csv_col(t, "Longitude") >= 0)
		f->kind = C_STREET;
	else if (jb_csv_col(t, "Outcome type") >= 0)
		f->kind = C_OUTCOMES;
	else if (jb_csv_col(t, "month_year") >= 0 && jb_csv_col(t, "measure") >= 0)
		f->kind = C_DASHBOARD;
	else if (jb_csv_col(t, "Count of Victims") >= 0 && jb_csv_col(t, "Method of Killing") >= 0)
		f->kind = C_HOMICIDE;
	else
		for (int c = 0; c < jb_csv_ncols(t) && f->kind == C_UNUSABLE; c++)
			if (jb_parse_yyyymm(jb_csv_name(t, c), &month) == 0)
				f->kind = C_MPS;
	if (f->kind == C_UNUSABLE) {
		f->line = 1;
		f->problem = xstrdup("header not recognised");
		f->detail = "expected MPS recorded crime, data.police.uk street-level, "
			    "the MPS crime dashboard or MPS homicide victims";
	}
	jb_csv_close(t);
}

/* Files whose reading changes only the sources and the street table: they
 * may be handled while street files are being read in other threads. The
 * other readers may add LSOAs, which the street readers look up. */
static int beside_street(enum crime_kind k)
{
	return k == C_UNUSABLE || k == C_STREET || k == C_OUTCOMES;
}

static void source_line(const struct jb_source *s)
{
	fprintf(stderr, "jembrief: %s: %s, %zu row%s: %zu used, %zu out of scope (not errors), "
			"%zu bad\n",
		s->path, s->kind, s->rows, s->rows == 1 ? "" : "s", s->kept, s->set_aside - s->bad,
		s->bad);
}

static void progress(const struct jb_dataset *ds, size_t before, int quiet)
{
	if (!quiet && ds->sources.n > before)
		source_line(ds->sources.v[ds->sources.n - 1]);
}

/* ---- street files in parallel ---- */

/* Workers read the street files of a run of crime/ files into parts, at
 * most `ahead` files beyond the last one merged; the loading thread merges
 * them in path order as they become ready. */
struct pool {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	const struct jb_street_reader *reader;
	struct crime_file *files;
	size_t *todo, ntodo; /* indices into files, in path order */
	size_t next;         /* next of todo to read */
	size_t merged;       /* how many of todo are merged */
	size_t ahead;
};

static void *pool_worker(void *arg)
{
	struct pool *p = arg;
	struct jb_proj *proj = jb_proj_new(); /* NULL: the parts say so */
	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->next < p->ntodo && p->next >= p->merged + p->ahead)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->next >= p->ntodo) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		struct crime_file *f = &p->files[p->todo[p->next++]];
		pthread_mutex_unlock(&p->lock);
		struct jb_street_part *part = jb_street_read_part(p->reader, proj, f->path,
								  f->rel);
		pthread_mutex_lock(&p->lock);
		f->part = part;
		f->ready = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	jb_proj_free(proj);
	return NULL;
}

/* jb_reject() settles where diagnostics go on its first call; make that
 * happen here, before any worker can make it. */
static void settle_diag(void)
{
	struct jb_source quiet = {.path = "", .kind = "", .printed = (size_t)-1 / 2};
	jb_reject(&quiet, 0, NULL, "", NULL);
	jb_source_free_reasons(&quiet);
}

static int load_jobs(const struct jb_load_options *opt)
{
	int jobs = opt ? opt->jobs : 0;
	if (jobs <= 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = cores > 0 ? (int)(cores < 64 ? cores : 64) : 1;
	}
	return jobs;
}

/* Handle crime files [from, to), none of which changes the LSOAs: street
 * files read by up to jobs threads, everything merged in path order. */
static void read_run(struct jb_dataset *ds, struct jb_street_reader *reader,
		     struct crime_file *files, size_t from, size_t to, int jobs, int quiet)
{
	struct pool p = {.reader = reader, .files = files};
	p.todo = xmalloc((to - from) * sizeof *p.todo);
	for (size_t i = from; i < to; i++)
		if (files[i].kind == C_STREET)
			p.todo[p.ntodo++] = i;
	size_t nthreads = p.ntodo < (size_t)jobs ? p.ntodo : (size_t)jobs;
	pthread_t *threads = NULL;
	if (nthreads >= 2) {
		settle_diag();
		pthread_mutex_init(&p.lock, NULL);
		pthread_cond_init(&p.cond, NULL);
		p.ahead = 2 * nthreads;
		threads = xcalloc(nthreads, sizeof *threads);
		for (size_t t = 0; t < nthreads; t++)
			if (pthread_create(&threads[t], NULL, pool_worker, &p) != 0)
				die("cannot start a thread to read street files");
	}
	for (size_t i = from; i < to; i++) {
		struct crime_file *f = &files[i];
		size_t before = ds->sources.n;
		if (f->kind == C_UNUSABLE) {
			jb_source_unusable(ds, f->rel, "crime", f->line, NULL, f->problem,
					   f->detail);
		} else if (f->kind == C_OUTCOMES) {
			f->src = jb_source_add(&ds->sources, f->rel, "data.police.uk outcomes");
			continue; /* reported when read, after every street file */
		} else if (threads) {
			pthread_mutex_lock(&p.lock);
			while (!f->ready)
				pthread_cond_wait(&p.cond, &p.lock);
			struct jb_street_part *part = f->part;
			f->part = NULL;
			pthread_mutex_unlock(&p.lock);
			jb_street_merge(reader, part, f->path, f->rel);
			pthread_mutex_lock(&p.lock);
			p.merged++;
			pthread_cond_broadcast(&p.cond);
			pthread_mutex_unlock(&p.lock);
		} else {
			jb_street_merge(reader, NULL, f->path, f->rel);
		}
		progress(ds, before, quiet);
	}
	if (threads) {
		for (size_t t = 0; t < nthreads; t++)
			pthread_join(threads[t], NULL);
		pthread_cond_destroy(&p.cond);
		pthread_mutex_destroy(&p.lock);
		free(threads);
	}
	free(p.todo);
}

/* The outcomes files, in path order, once every street point is there
 * (an outcome may be recorded for a crime of any earlier month). */
static void read_outcomes(struct jb_dataset *ds, struct jb_street_reader *reader,
			  struct crime_file *files, size_t n, int quiet)
{
	struct jb_outcomes *o = NULL;
	for (size_t i = 0; i < n; i++) {
		if (files[i].kind != C_OUTCOMES)
			continue;
		if (!o)
			o = jb_outcomes_new(ds, reader);
		jb_read_outcomes(o, files[i].src, files[i].path);
		if (!quiet)
			source_line(files[i].src);
	}
	jb_outcomes_finish(o);
	jb_outcomes_free(o);
}

static void read_crime(struct jb_dataset *ds, const struct jb_load_options *opt, int jobs, int quiet)
{
	struct files names = folder(ds, "crime", want_csv);
	struct crime_file *files = xcalloc(names.n ? names.n : 1, sizeof *files);
	for (size_t i = 0; i < names.n; i++) {
		files[i].rel = names.v[i];
		files[i].path = xasprintf("%s/%s", ds->dir, names.v[i]);
		classify(&files[i]);
	}
	struct jb_street_reader *reader = NULL;
	int outcomes = 0; /* whether the street points' Crime IDs will be wanted */
	for (size_t i = 0; i < names.n; i++)
		outcomes |= files[i].kind == C_OUTCOMES;
	for (size_t i = 0; i < names.n;) {
		if (!beside_street(files[i].kind)) {
			size_t before = ds->sources.n;
			reader_fn fn = files[i].kind == C_DASHBOARD   ? jb_read_dashboard
				       : files[i].kind == C_HOMICIDE ? jb_read_homicide
								     : jb_read_mps_crime;
			fn(ds, files[i].path, files[i].rel);
			progress(ds, before, quiet);
			i++;
			continue;
		}
		size_t j = i;
		while (j < names.n && beside_street(files[j].kind))
			j++;
		if (!reader) {
			reader = jb_street_reader_new(ds, opt ? opt->street_types : NULL,
						      opt ? opt->nstreet_types : 0);
			if (!outcomes)
				jb_street_reader_no_ids(reader);
		}
		read_run(ds, reader, files, i, j, jobs, quiet);
		i = j;
	}
	read_outcomes(ds, reader, files, names.n, quiet);
	jb_street_reader_free(reader);
	for (size_t i = 0; i < names.n; i++) {
		free(files[i].path);
		free(files[i].problem);
	}
	free(files);
	files_free(&names);
}

/* ---- loading ---- */

static void read_folder(struct jb_dataset *ds, const char *name, want_fn want, reader_fn fn,
			int quiet)
{
	struct files f = folder(ds, name, want);
	for (size_t i = 0; i < f.n; i++) {
		char *path = xasprintf("%s/%s", ds->dir, f.v[i]);
		size_t before = ds->sources.n;
		fn(ds, path, f.v[i]);
		progress(ds, before, quiet);
		free(path);
	}
	files_free(&f);
}

/* boundaries/ as one set (one LSOA vintage is chosen when all are read);
 * each file's line printed once its rows are settled. */
static void read_boundaries(struct jb_dataset *ds, int quiet)
{
	struct files f = folder(ds, "boundaries", want_boundary);
	struct jb_boundaries *set = jb_boundaries_begin(ds);
	for (size_t i = 0; i < f.n; i++) {
		char *path = xasprintf("%s/%s", ds->dir, f.v[i]);
		jb_boundaries_read(set, path, f.v[i]);
		free(path);
	}
	jb_boundaries_end(set);
	for (size_t i = 0; i < ds->sources.n && !quiet; i++)
		source_line(ds->sources.v[i]);
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

	read_boundaries(ds, quiet);
	read_crime(ds, opt, load_jobs(opt), quiet);
	read_folder(ds, "deprivation", want_csv, jb_read_deprivation, quiet);
	read_folder(ds, "population", want_csv, jb_read_population, quiet);
	read_folder(ds, "confidence", want_csv, jb_read_pas, quiet);
	ds->youth = jb_youth_data_new();
	read_folder(ds, "education-youth", want_csv, jb_read_education_youth, quiet);
	jb_lait_finish(&ds->youth->lait);
	read_folder(ds, "youth-services", want_csv, jb_read_youth_services, quiet);
	read_folder(ds, "actions", want_csv, jb_read_actions, quiet);
	read_folder(ds, "offender-management", want_csv, jb_read_offender, quiet);
	if (opt) {
		ds->slide_kinds = opt->slide_kinds;
		ds->nslide_kinds = opt->nslide_kinds;
	}
	read_folder(ds, "commentary", want_csv, jb_read_commentary, quiet);
	ds->slide_kinds = NULL; /* borrowed: not kept past the load */
	ds->nslide_kinds = 0;

	jb_prepare_drawing(ds, load_jobs(opt));

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
	if (!ds->has_homicide)
		jb_source_missing(s, "MPS homicide victims (crime/)");
	if (!ds->has_pas)
		jb_source_missing(s, "MOPAC Public Attitudes Survey (confidence/)");
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

int jb_dataset_usable(const struct jb_dataset *ds, char *why, size_t cap)
{
	int crime = ds->has_street || ds->has_dash;
	for (int l = 0; l < JB_NLEVELS; l++)
		crime |= ds->has_crime[l];
	if (crime)
		return 1;
	size_t read = 0;
	for (size_t i = 0; i < ds->sources.n; i++)
		read += strncmp(ds->sources.v[i]->path, "crime/", 6) == 0;
	if (ds->sources.n == 0)
		snprintf(why, cap, "%s: no data file found that jembrief reads (crime files go "
				   "in %s/crime/; the README lists the folders read)", ds->dir, ds->dir);
	else if (read == 0)
		snprintf(why, cap, "%s/crime/: no crime file found (MPS recorded crime, "
				   "data.police.uk street-level or the MPS crime dashboard)", ds->dir);
	else
		snprintf(why, cap, "%s/crime/: none of the %zu crime files read has a usable "
				   "row (see data-quality.csv or the messages above)", ds->dir, read);
	return 0;
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

int jb_crime_whole(const struct jb_crime_table *t, int area)
{
	return area >= 0 && (size_t)area < t->nwhole_cap && t->nwhole[area] == t->nfiles;
}

void jb_dataset_free(struct jb_dataset *ds)
{
	if (!ds)
		return;
	jb_comments_free(&ds->comments);
	for (size_t i = 0; i < ds->sources.n; i++) {
		struct jb_source *src = ds->sources.v[i];
		jb_source_free_reasons(src);
		free(src->path);
		free(src->kind);
		free(src);
	}
	free(ds->sources.v);
	free_strings(ds->sources.missing, ds->sources.nmissing);
	for (size_t i = 0; i < ds->sources.nunread; i++) {
		free(ds->sources.unread[i].path);
		free(ds->sources.unread[i].why);
	}
	free(ds->sources.unread);

	for (size_t i = 0; i < ds->nlsoa; i++) {
		free(ds->lsoa[i].name);
		free_polygon(&ds->lsoa[i].poly);
		free_polygon(&ds->lsoa[i].draw);
	}
	free(ds->lsoa);
	strmap_free(ds->lsoa_index);
	for (size_t i = 0; i < ds->nward; i++)
		free(ds->ward[i].name);
	free(ds->ward);
	strmap_free(ds->ward_index);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		free_polygon(&ds->borough_shape[b]);
		free_polygon(&ds->borough_draw[b]);
	}

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
		free(t->nwhole);
	}

	free_strings(ds->dash.types, ds->dash.nsubtypes);
	free_strings(ds->dash.subtypes, ds->dash.nsubtypes);
	free_strings(ds->dash.measures, ds->dash.nmeasures);
	free(ds->dash.rows);

	free_strings(ds->street.types, ds->street.ntypes);
	free_strings(ds->street.outcomes, ds->street.noutcomes);
	free_strings(ds->street.locations, ds->street.nlocations);
	free(ds->street.pts);
	free_strings(ds->pas.measures, ds->pas.nmeasures);
	free(ds->pas.vals);
	free_strings(ds->homicide.methods, ds->homicide.nmethods);
	free(ds->homicide.rows);
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
		fputs("jembrief: dataset check: ", c->err);
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
		check_polygon(&c, &l->draw, l->code);
	}
	for (size_t i = 0; i < ds->nward; i++)
		if (ds->ward[i].borough < -1 || ds->ward[i].borough >= JB_NBOROUGHS)
			problem(&c, "ward %s: borough out of range", ds->ward[i].code);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		check_polygon(&c, &ds->borough_shape[b], jb_boroughs[b].name);
		check_polygon(&c, &ds->borough_draw[b], jb_boroughs[b].name);
	}
	for (int l = 0; l < JB_NLEVELS; l++)
		check_crime(&c, ds, l);

	for (size_t i = 0; i < ds->dash.nrows; i++) {
		const struct jb_dash_row *r = &ds->dash.rows[i];
		if (r->borough < 0 || r->borough >= JB_NBOROUGHS || r->subtype < 0 ||
		    (size_t)r->subtype >= ds->dash.nsubtypes || r->measure < 0 ||
		    (size_t)r->measure >= ds->dash.nmeasures || !(r->count >= 0))
			problem(&c, "dashboard row %zu out of range", i);
	}

	for (size_t i = 0; i < ds->pas.nvals; i++) {
		const struct jb_pas_value *v = &ds->pas.vals[i];
		if (v->area < 0 || v->area > JB_LONDON || v->measure < 0 ||
		    (size_t)v->measure >= ds->pas.nmeasures || !(v->v >= 0 && v->v <= 1))
			problem(&c, "survey value %zu out of range", i);
	}
	for (size_t i = 0; i < ds->homicide.nrows; i++) {
		const struct jb_homicide *h = &ds->homicide.rows[i];
		if (h->borough < 0 || h->borough >= JB_NBOROUGHS || h->method < 0 ||
		    (size_t)h->method >= ds->homicide.nmethods || !(h->victims >= 0) ||
		    h->month < ds->homicide.first_month || h->month > ds->homicide.last_month)
			problem(&c, "homicide row %zu out of range", i);
	}

	const struct jb_street *st = &ds->street;
	if (st->npts && (st->noutcomes == 0 || strcmp(st->outcomes[0], "") != 0))
		problem(&c, "street outcomes[0] is not the empty outcome");
	for (size_t i = 0; i < st->npts; i++) {
		const struct jb_point *p = &st->pts[i];
		if ((size_t)p->lsoa >= ds->nlsoa || p->type >= st->ntypes ||
		    p->outcome >= st->noutcomes || (size_t)p->location >= st->nlocations ||
		    (int)p->month >= st->nmonths || jb_point_borough(ds, p) < 0 ||
		    jb_point_borough(ds, p) >= JB_NBOROUGHS || !isfinite(p->x) || !isfinite(p->y)) {
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
