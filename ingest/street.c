/* ingest/street.c - data.police.uk street-level crime (one row per crime:
 * Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location,
 * LSOA code, LSOA name, Crime type, Last outcome category, Context).
 *
 * Each kept row becomes a struct jb_point in British National Grid metres.
 * Coordinates are projected through PROJ (jb_proj_to_bng) in batches, and
 * the strings repeated on many rows (types, outcomes, locations) are
 * interned, so a row costs no allocation of its own.
 *
 * A point's LSOA is the one its LSOA code names in the registry; when the
 * code is blank or unknown, the LSOA polygon containing the point. Rows
 * without coordinates, outside London's LSOAs or in an LSOA outside the 32
 * boroughs are set aside. A blank Crime ID (anti-social behaviour) is fine.
 *
 * Reading at Met scale (a file a month, ~100,000 rows each): a file is read
 * into a part of its own - its own source record, its own string tables,
 * its points - by jb_street_read_part(), which touches the dataset only to
 * read the LSOA registry and shapes, so several files can be read at once
 * (one jb_proj per thread; one LSOA locator shared by all, in the
 * jb_street_reader). jb_street_merge() then adds parts to the dataset one
 * by one in path order: the source is registered, the part's strings are
 * interned into the dataset's tables, its months shifted, its points
 * appended. The dataset is therefore the same, byte for byte, whether the
 * files were read one after another or in parallel.
 *
 * Messages stay in order too: a part read in parallel is "muted" (its
 * source prints nothing) and stops at its first problem worth printing;
 * such a part is not merged but read again, printing, when its turn comes.
 */
#include "readers.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "limits.h"

/* Every month of the plausible years fits a point's month field. */
_Static_assert((JB_YEAR_MAX - JB_YEAR_MIN + 1) * 12 <= 1 << 10,
	       "a month offset fits struct jb_point's 10 bits");
#include "csvtable.h"
#include "geo.h"

static const char kind[] = "data.police.uk street-level crime";

enum { BATCH = 4096, MAXCODES = 256, MAXTYPES = JB_POINT_TYPES };

/* A muted source: jb_reject() prints at most MAX_PRINTED (20, quality.c)
 * messages per source, counted in src->printed; starting the count far
 * beyond that silences it. */
#define MUTED ((size_t)-1 / 2)

struct jb_street_reader {
	struct jb_dataset *ds;
	/* the Crime ID of every point merged that has one, for the outcomes
	 * files (outcomes.c); sorted by jb_street_keys() */
	struct jb_crime_key *keys;
	size_t nkeys, capkeys;
	int keys_sorted;
	int no_ids; /* no outcomes file to come: keep no Crime IDs */
	struct jb_lsoa_locator *locator; /* NULL without LSOA shapes */
	struct jb_proj *proj;            /* for parts read by the caller's thread */
	int proj_tried;
	/* ds->street's string tables, for merging */
	struct strmap *types, *outcomes, *locations;
	const char *const *keep; /* crime types to keep; NULL: all */
	size_t nkeep;
};

struct jb_street_part {
	struct jb_source *src;  /* private until merged; NULL when unusable */
	struct jb_street st;    /* the part's own string tables and points */
	struct jb_crime_key *keys; /* .point indexes st.pts */
	size_t nkeys, capkeys;
	char *type_col, *outcome_col;
	int muted;
	int clean;              /* muted and nothing printable happened */
	int rc;                 /* what jb_read_street returns for the file */
};

struct pending {
	long line;        /* where the row is, for set-aside reasons */
	int has_id;       /* id holds the row's Crime ID */
	unsigned char id[JB_CRIME_ID_BYTES];
	int32_t lsoa;     /* from the LSOA code, -1 when blank or unknown */
	int coded;        /* the row gave an LSOA code (maybe of another vintage) */
	int32_t location;
	int month;        /* absolute month */
	uint8_t type, outcome;
};

/* The value a column's string had in the row before, and what it was
 * looked up as; none yet (or too long to keep) when i is -2. */
struct last {
	char s[48];
	int i;
};

static int last_get(const struct last *m, const char *s)
{
	return m->i != -2 && strcmp(m->s, s) == 0 ? m->i : -2;
}

static int last_put(struct last *m, const char *s, int i)
{
	size_t n = strlen(s);
	m->i = n < sizeof m->s ? i : -2;
	if (m->i != -2)
		memcpy(m->s, s, n + 1);
	return i;
}

/* One file being read into a part. */
struct street {
	const struct jb_dataset *ds;
	const struct jb_lsoa_locator *locator;
	struct jb_proj *proj;
	struct jb_street_part *part;
	struct jb_source *src;
	int c_month, c_lon, c_lat, c_loc, c_lsoa, c_type, c_outcome, c_id;
	struct strmap *types, *outcomes, *locations;
	/* data.police.uk writes a month by LSOA, then crime type: most rows
	 * repeat the row before's LSOA, type and often outcome, found here
	 * without a look-up */
	struct last last_type, last_outcome, last_lsoa;
	const struct jb_street_reader *reader;
	signed char kept_type[MAXCODES]; /* 1 keep, 0 not counted, -1 not known yet */
	size_t asides;    /* jb_set_aside() calls made here */
	int rejected;     /* some jb_reject() made here */
	size_t n;
	double x[BATCH], y[BATCH];
	struct pending p[BATCH];
};

/* The street tables keep no capacity: an array of n strings is allocated
 * for cap_for(n) entries (8, then doubling). */
static size_t cap_for(size_t n)
{
	size_t c = 8;
	while (c < n)
		c *= 2;
	return c;
}

/* Index of s in the string table v (via map), adding it when new; -1 when
 * the table already holds max entries. */
static int intern(struct strmap *map, char ***v, size_t *n, size_t max, const char *s)
{
	int i = strmap_get(map, s);
	if (i >= 0)
		return i;
	if (*n >= max)
		return -1;
	if (!*v || *n == cap_for(*n))
		*v = xrealloc(*v, (*v ? 2 * cap_for(*n) : 8) * sizeof **v);
	(*v)[*n] = xstrdup(s);
	i = (int)(*n)++;
	strmap_put(map, s, i);
	return i;
}

static struct strmap *map_of(char **v, size_t n)
{
	struct strmap *m = strmap_new();
	for (size_t i = 0; i < n; i++)
		strmap_put(m, v[i], (int)i);
	return m;
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Make the street table's month range include m. */
static void cover_month(struct jb_street *st, int m)
{
	if (st->nmonths == 0) {
		st->first_month = m;
		st->nmonths = 1;
	} else if (m < st->first_month) {
		int shift = st->first_month - m;
		for (size_t i = 0; i < st->npts; i++)
			st->pts[i].month = (unsigned)(st->pts[i].month + shift);
		st->first_month = m;
		st->nmonths += shift;
	} else if (m >= st->first_month + st->nmonths) {
		st->nmonths = m - st->first_month + 1;
	}
}

/* ---- sources of parts ---- */

static struct jb_source *source_new(const char *rel, size_t printed)
{
	struct jb_source *src = xcalloc(1, sizeof *src);
	src->path = xstrdup(rel);
	src->kind = xstrdup(kind);
	src->printed = printed;
	return src;
}

static void source_free(struct jb_source *src)
{
	if (!src)
		return;
	jb_source_free_reasons(src);
	free(src->path);
	free(src->kind);
	free(src);
}

/* What jb_source_add() does, for a source made earlier. */
static void source_adopt(struct jb_sources *s, struct jb_source *src)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = src;
}

static void aside(struct street *s, long line, const char *reason)
{
	jb_set_aside(s->src, line, reason);
	s->asides++;
}

/* A problem that is printed: a muted part stops here (it will be read
 * again, printing); 1 tells the caller to stop. */
static int reject(struct street *s, long line, int col, const char *problem,
		  const char *detail, struct jb_csv *t)
{
	s->rejected = 1;
	if (s->part->muted)
		return 1;
	jb_reject(s->src, line, jb_csv_name(t, col), problem, detail);
	return 0;
}

/* ---- reading one file into a part ---- */

static void flush(struct street *s)
{
	const struct jb_dataset *ds = s->ds;
	struct jb_street *st = &s->part->st;
	jb_proj_to_bng(s->proj, s->x, s->y, s->n);
	for (size_t i = 0; i < s->n; i++) {
		const struct pending *p = &s->p[i];
		double x = s->x[i], y = s->y[i];
		if (isnan(x) || isnan(y)) {
			aside(s, p->line, "coordinates could not be projected");
			continue;
		}
		int lsoa = p->lsoa;
		if (lsoa < 0) {
			if (!ds->has_lsoa_shapes || !s->locator) {
				aside(s, p->line, "LSOA not known (no LSOA boundary file)");
				continue;
			}
			lsoa = jb_lsoa_locate(s->locator, x, y);
			if (lsoa < 0) {
				aside(s, p->line, "outside London's LSOAs");
				continue;
			}
			if (p->coded && ds->lsoa[lsoa].borough >= 0)
				jb_note_used(s->src, p->line, "column 'LSOA code': not in the LSOA boundaries "
						     "used (another vintage?), placed by its "
						     "coordinates");
		}
		if (lsoa >= JB_POINT_LSOAS) { /* never in real data: see struct jb_point */
			aside(s, p->line, "an LSOA beyond the " JB_STR(JB_POINT_LSOAS)
					  " a street point can name");
			continue;
		}
		int b = ds->lsoa[lsoa].borough;
		if (b < 0) {
			/* without LSOA boundaries an LSOA's borough may be unknown */
			aside(s, p->line, ds->has_lsoa_shapes
				 ? "outside the 32 boroughs"
				 : "LSOA's borough not known (no LSOA boundary file)");
			continue;
		}
		cover_month(st, p->month);
		if (p->has_id && !s->reader->no_ids) {
			struct jb_street_part *part = s->part;
			part->keys = xgrow(part->keys, &part->capkeys, part->nkeys + 1,
					   sizeof *part->keys);
			struct jb_crime_key *k = &part->keys[part->nkeys++];
			memcpy(k->id, p->id, sizeof k->id);
			k->point = st->npts;
		}
		st->pts = xgrow(st->pts, &st->cappts, st->npts + 1, sizeof *st->pts);
		st->pts[st->npts++] = (struct jb_point){
			.x = (float)x,
			.y = (float)y,
			.lsoa = (unsigned)lsoa,
			.location = (unsigned)p->location,
			.month = (unsigned)(p->month - st->first_month),
			.type = p->type,
			.outcome = p->outcome,
		};
		s->src->kept++;
	}
	s->n = 0;
}

/* Whether crime type number type (named name) is one the reader keeps;
 * decided once per type per file. */
static int type_kept(struct street *s, int type, const char *name)
{
	const struct jb_street_reader *r = s->reader;
	if (!r->keep)
		return 1;
	if (s->kept_type[type] < 0) {
		s->kept_type[type] = 0;
		for (size_t k = 0; k < r->nkeep; k++)
			if (strcasecmp(r->keep[k], name) == 0)
				s->kept_type[type] = 1;
	}
	return s->kept_type[type];
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct street *s = ctx;
	struct jb_street *st = &s->part->st;
	long line = jb_csv_line(t);
	const char *v;
	int month;

	v = jb_csv_get(t, s->c_month);
	if (jb_parse_month(v, &month) < 0)
		return reject(s, line, s->c_month, "not a month", v, t);
	v = jb_csv_get(t, s->c_type);
	if (!*v)
		return reject(s, line, s->c_type, "empty", NULL, t);
	int type = last_get(&s->last_type, v);
	if (type == -2)
		type = last_put(&s->last_type, v,
				intern(s->types, &st->types, &st->ntypes, MAXTYPES, v));
	if (type < 0)
		return reject(s, line, s->c_type,
			      "more than " JB_STR(JB_POINT_TYPES) " different crime types", v, t);
	if (!type_kept(s, type, v)) {
		aside(s, line, "a crime type the theme does not count (valid, not used)");
		return 0;
	}
	const char *lon_s = jb_csv_get(t, s->c_lon), *lat_s = jb_csv_get(t, s->c_lat);
	if (!*lon_s && !*lat_s) {
		aside(s, line, "no coordinates");
		return 0;
	}
	double lon, lat;
	if (jb_parse_number(lon_s, &lon) < 0 || lon < -180 || lon > 180)
		return reject(s, line, s->c_lon, "not a longitude in degrees", lon_s, t);
	if (jb_parse_number(lat_s, &lat) < 0 || lat < -90 || lat > 90)
		return reject(s, line, s->c_lat, "not a latitude in degrees", lat_s, t);
	v = jb_csv_get(t, s->c_outcome);
	int outcome = last_get(&s->last_outcome, v);
	if (outcome == -2)
		outcome = last_put(&s->last_outcome, v,
				   intern(s->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, v));
	if (outcome < 0)
		return reject(s, line, s->c_outcome, "more than 255 different outcomes", v, t);
	int loc = intern(s->locations, &st->locations, &st->nlocations, JB_POINT_LOCATIONS,
			 jb_csv_get(t, s->c_loc));
	if (loc < 0)
		return reject(s, line, s->c_loc,
			      "more than " JB_STR(JB_POINT_LOCATIONS) " different locations",
			      jb_csv_get(t, s->c_loc), t);
	v = jb_csv_get(t, s->c_lsoa);

	struct pending *p = &s->p[s->n];
	p->line = line;
	/* a Crime ID that is not data.police.uk's 64 hex digits cannot be
	 * joined to an outcome; the row keeps its last outcome category */
	p->has_id = !s->reader->no_ids && jb_crime_id_parse(jb_csv_get(t, s->c_id), p->id) == 0;
	int lsoa = last_get(&s->last_lsoa, v);
	p->lsoa = lsoa != -2 ? lsoa : last_put(&s->last_lsoa, v, *v ? jb_lsoa_find(s->ds, v) : -1);
	p->coded = *v != '\0';
	p->location = loc;
	p->month = month;
	p->type = (uint8_t)type;
	p->outcome = (uint8_t)outcome;
	s->x[s->n] = lon;
	s->y[s->n] = lat;
	if (++s->n == BATCH)
		flush(s);
	return 0;
}

/* An unusable file: a muted part just says so (the file will be read
 * again, printing); otherwise the source is registered and reported. */
static void unusable(struct jb_street_reader *r, struct jb_street_part *part,
		     const char *rel, const char *column, const char *problem)
{
	part->rc = -1;
	if (!part->muted)
		jb_source_unusable(r->ds, rel, kind, column ? 1 : 0, column, problem, NULL);
}

static struct jb_street_part *read_part(const struct jb_street_reader *rd,
					struct jb_proj *proj, const char *path,
					const char *rel, int muted)
{
	/* unusable() registers sources only when not muted, i.e. when called
	 * from the thread that owns the dataset */
	struct jb_street_reader *r = (struct jb_street_reader *)rd;
	struct jb_street_part *part = xcalloc(1, sizeof *part);
	part->muted = muted;
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t) {
		unusable(r, part, rel, NULL, err);
		return part;
	}
	struct street *s = xcalloc(1, sizeof *s);
	s->ds = r->ds;
	s->reader = rd;
	memset(s->kept_type, -1, sizeof s->kept_type);
	s->last_type.i = s->last_outcome.i = s->last_lsoa.i = -2;
	s->locator = r->locator;
	s->proj = proj;
	s->part = part;
	static const char *const req[] = {"Month", "Longitude", "Latitude", "LSOA code",
					  "Crime type"};
	int *cols[] = {&s->c_month, &s->c_lon, &s->c_lat, &s->c_lsoa, &s->c_type};
	for (size_t i = 0; i < sizeof req / sizeof req[0] && !part->rc; i++)
		if ((*cols[i] = jb_csv_col(t, req[i])) < 0)
			unusable(r, part, rel, req[i], "required column missing");
	s->c_loc = jb_csv_col(t, "Location");
	s->c_id = jb_csv_col(t, "Crime ID");
	s->c_outcome = jb_csv_col(t, "Last outcome category|Outcome type");
	if (!part->rc && !proj)
		unusable(r, part, rel, NULL, "cannot set up the WGS84 to British National "
			 "Grid projection");
	if (!part->rc) {
		struct jb_street *st = &part->st;
		part->type_col = xstrdup(jb_csv_name(t, s->c_type));
		part->outcome_col = xstrdup(jb_csv_name(t, s->c_outcome));
		s->types = strmap_new();
		s->outcomes = strmap_new();
		/* outcomes[0] is "" (no outcome given) */
		intern(s->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, "");
		s->locations = strmap_new();
		s->src = part->src = source_new(rel, muted ? MUTED : 0);
		jb_csv_each(t, s->src, on_row, s);
		if (!(muted && s->rejected))
			flush(s);
		strmap_free(s->types);
		strmap_free(s->outcomes);
		strmap_free(s->locations);
		part->clean = muted && !s->rejected && s->src->set_aside == s->asides;
	}
	free(s);
	jb_csv_close(t);
	return part;
}

/* ---- the reader: shared by the street files of one load ---- */

struct jb_street_reader *jb_street_reader_new(struct jb_dataset *ds, const char *const *types,
					      size_t ntypes)
{
	struct jb_street_reader *r = xcalloc(1, sizeof *r);
	r->ds = ds;
	r->keep = types;
	r->nkeep = ntypes;
	if (ds->has_lsoa_shapes)
		r->locator = jb_lsoa_locator_new(ds);
	struct jb_street *st = &ds->street;
	r->types = map_of(st->types, st->ntypes);
	r->outcomes = map_of(st->outcomes, st->noutcomes);
	r->locations = map_of(st->locations, st->nlocations);
	return r;
}

void jb_street_reader_no_ids(struct jb_street_reader *r)
{
	r->no_ids = 1;
}

void jb_street_reader_free(struct jb_street_reader *r)
{
	if (!r)
		return;
	jb_lsoa_locator_free(r->locator);
	jb_proj_free(r->proj);
	free(r->keys);
	strmap_free(r->types);
	strmap_free(r->outcomes);
	strmap_free(r->locations);
	free(r);
}

struct jb_street_part *jb_street_read_part(const struct jb_street_reader *r,
					   struct jb_proj *proj, const char *path,
					   const char *rel)
{
	return read_part(r, proj, path, rel, 1);
}

void jb_street_part_free(struct jb_street_part *part)
{
	if (!part)
		return;
	source_free(part->src);
	free_strings(part->st.types, part->st.ntypes);
	free_strings(part->st.outcomes, part->st.noutcomes);
	free_strings(part->st.locations, part->st.nlocations);
	free(part->st.pts);
	free(part->keys);
	free(part->type_col);
	free(part->outcome_col);
	free(part);
}

/* Add a part's source and points to the dataset. */
static int merge(struct jb_street_reader *r, struct jb_street_part *part)
{
	struct jb_dataset *ds = r->ds;
	struct jb_street *st = &ds->street;
	const struct jb_street *ps = &part->st;
	int rc = part->rc;
	if (!part->src) {
		jb_street_part_free(part);
		return rc;
	}
	struct jb_source *src = part->src;
	part->src = NULL;
	src->printed = 0;
	source_adopt(&ds->sources, src);

	/* outcomes[0] is "" (no outcome given) */
	intern(r->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, "");
	int tmap[MAXCODES], omap[MAXCODES];
	for (size_t i = 0; i < ps->ntypes; i++)
		tmap[i] = intern(r->types, &st->types, &st->ntypes, MAXTYPES, ps->types[i]);
	for (size_t i = 0; i < ps->noutcomes; i++)
		omap[i] = intern(r->outcomes, &st->outcomes, &st->noutcomes, MAXCODES,
				 ps->outcomes[i]);
	int32_t *lmap = xmalloc((ps->nlocations ? ps->nlocations : 1) * sizeof *lmap);
	for (size_t i = 0; i < ps->nlocations; i++)
		lmap[i] = intern(r->locations, &st->locations, &st->nlocations,
				 JB_POINT_LOCATIONS, ps->locations[i]);

	if (ps->npts) {
		cover_month(st, ps->first_month);
		cover_month(st, ps->first_month + ps->nmonths - 1);
	}
	int shift = ps->first_month - st->first_month;
	st->pts = xgrow(st->pts, &st->cappts, st->npts + ps->npts, sizeof *st->pts);
	size_t key = 0;
	for (size_t i = 0; i < ps->npts; i++) {
		struct jb_point p = ps->pts[i];
		/* the part's keys are in point order: this point's, if any */
		const struct jb_crime_key *k =
			key < part->nkeys && part->keys[key].point == i ? &part->keys[key++] : NULL;
		/* The dataset's tables hold at most JB_POINT_TYPES types, 255
		 * outcomes and JB_POINT_LOCATIONS locations; a part may bring
		 * ones that no longer fit. */
		if (tmap[p.type] < 0 || omap[p.outcome] < 0 || lmap[p.location] < 0) {
			int t = tmap[p.type] < 0, o = !t && omap[p.outcome] < 0;
			jb_reject(src, 0, t ? part->type_col : o ? part->outcome_col : "Location",
				  t   ? "more than " JB_STR(JB_POINT_TYPES) " different crime types"
				  : o ? "more than 255 different outcomes"
				      : "more than " JB_STR(JB_POINT_LOCATIONS) " different locations",
				  t ? ps->types[p.type] : o ? ps->outcomes[p.outcome]
							    : ps->locations[p.location]);
			src->kept--;
			continue;
		}
		p.type = (unsigned)tmap[p.type];
		p.outcome = (unsigned)omap[p.outcome];
		p.location = (unsigned)lmap[p.location];
		p.month = (unsigned)(p.month + shift);
		if (k) {
			r->keys = xgrow(r->keys, &r->capkeys, r->nkeys + 1, sizeof *r->keys);
			r->keys[r->nkeys] = *k;
			r->keys[r->nkeys++].point = st->npts;
			r->keys_sorted = 0;
		}
		st->pts[st->npts++] = p;
	}
	free(lmap);
	if (st->npts)
		ds->has_street = 1;
	jb_street_part_free(part);
	return rc;
}

/* The reader's own PROJ transform, made on first use. */
static struct jb_proj *reader_proj(struct jb_street_reader *r)
{
	if (!r->proj_tried) {
		r->proj = jb_proj_new();
		r->proj_tried = 1;
	}
	return r->proj;
}

int jb_street_merge(struct jb_street_reader *r, struct jb_street_part *part,
		    const char *path, const char *rel)
{
	if (part && !part->clean) {
		/* something to print: read the file again, now printing */
		jb_street_part_free(part);
		part = NULL;
	}
	if (!part)
		part = read_part(r, reader_proj(r), path, rel, 0);
	return merge(r, part);
}

int jb_read_street(struct jb_dataset *ds, const char *path, const char *rel)
{
	struct jb_street_reader *r = jb_street_reader_new(ds, NULL, 0);
	int rc = jb_street_merge(r, NULL, path, rel);
	jb_street_reader_free(r);
	return rc;
}

/* ---- Crime IDs, for the outcomes files (outcomes.c) ---- */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

int jb_crime_id_parse(const char *s, unsigned char id[JB_CRIME_ID_BYTES])
{
	if (strlen(s) != 2 * JB_CRIME_ID_BYTES)
		return -1;
	for (size_t i = 0; i < JB_CRIME_ID_BYTES; i++) {
		int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		id[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

int jb_crime_key_cmp(const void *a, const void *b)
{
	const struct jb_crime_key *x = a, *y = b;
	int c = memcmp(x->id, y->id, sizeof x->id);
	if (c)
		return c;
	return (x->point > y->point) - (x->point < y->point);
}

const struct jb_crime_key *jb_street_keys(struct jb_street_reader *r, size_t *n)
{
	if (!r->keys_sorted && r->nkeys)
		qsort(r->keys, r->nkeys, sizeof *r->keys, jb_crime_key_cmp);
	r->keys_sorted = 1;
	*n = r->nkeys;
	return r->keys;
}

int jb_street_outcome(struct jb_street_reader *r, const char *outcome)
{
	struct jb_street *st = &r->ds->street;
	intern(r->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, "");
	return intern(r->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, outcome);
}
