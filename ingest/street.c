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
 */
#include "readers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"
#include "geo.h"

static const char kind[] = "data.police.uk street-level crime";

enum { BATCH = 4096, MAXCODES = 256 };

struct pending {
	int32_t lsoa;     /* from the LSOA code, -1 when blank or unknown */
	int32_t location;
	int month;        /* absolute month */
	uint8_t type, outcome;
};

struct street {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_month, c_lon, c_lat, c_loc, c_lsoa, c_type, c_outcome;
	struct strmap *types, *outcomes, *locations;
	struct jb_proj *proj;
	struct jb_lsoa_locator *locator;
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

/* Make the street table's month range include m. */
static void cover_month(struct jb_street *st, int m)
{
	if (st->nmonths == 0) {
		st->first_month = m;
		st->nmonths = 1;
	} else if (m < st->first_month) {
		int shift = st->first_month - m;
		for (size_t i = 0; i < st->npts; i++)
			st->pts[i].month = (int16_t)(st->pts[i].month + shift);
		st->first_month = m;
		st->nmonths += shift;
	} else if (m >= st->first_month + st->nmonths) {
		st->nmonths = m - st->first_month + 1;
	}
}

static void flush(struct street *s)
{
	struct jb_dataset *ds = s->ds;
	struct jb_street *st = &ds->street;
	jb_proj_to_bng(s->proj, s->x, s->y, s->n);
	for (size_t i = 0; i < s->n; i++) {
		const struct pending *p = &s->p[i];
		double x = s->x[i], y = s->y[i];
		if (isnan(x) || isnan(y)) {
			jb_set_aside(s->src, "coordinates could not be projected");
			continue;
		}
		int lsoa = p->lsoa;
		if (lsoa < 0) {
			if (!ds->has_lsoa_shapes) {
				jb_set_aside(s->src, "LSOA not known (no LSOA boundary file)");
				continue;
			}
			if (!s->locator)
				s->locator = jb_lsoa_locator_new(ds);
			lsoa = jb_lsoa_locate(s->locator, x, y);
			if (lsoa < 0) {
				jb_set_aside(s->src, "outside London's LSOAs");
				continue;
			}
		}
		int b = ds->lsoa[lsoa].borough;
		if (b < 0) {
			/* without LSOA boundaries an LSOA's borough may be unknown */
			jb_set_aside(s->src, ds->has_lsoa_shapes
				     ? "outside the 32 boroughs"
				     : "LSOA's borough not known (no LSOA boundary file)");
			continue;
		}
		cover_month(st, p->month);
		st->pts = xgrow(st->pts, &st->cappts, st->npts + 1, sizeof *st->pts);
		st->pts[st->npts++] = (struct jb_point){
			.x = (float)x,
			.y = (float)y,
			.lsoa = lsoa,
			.location = p->location,
			.month = (int16_t)(p->month - st->first_month),
			.type = p->type,
			.outcome = p->outcome,
			.borough = (int8_t)b,
		};
		s->src->kept++;
	}
	s->n = 0;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct street *s = ctx;
	struct jb_street *st = &s->ds->street;
	long line = jb_csv_line(t);
	const char *v;
	int month;

	v = jb_csv_get(t, s->c_month);
	if (jb_parse_month(v, &month) < 0) {
		jb_reject(s->src, line, jb_csv_name(t, s->c_month), "not a month", v);
		return 0;
	}
	const char *lon_s = jb_csv_get(t, s->c_lon), *lat_s = jb_csv_get(t, s->c_lat);
	if (!*lon_s && !*lat_s) {
		jb_set_aside(s->src, "no coordinates");
		return 0;
	}
	double lon, lat;
	if (jb_parse_number(lon_s, &lon) < 0 || lon < -180 || lon > 180) {
		jb_reject(s->src, line, jb_csv_name(t, s->c_lon),
			  "not a longitude in degrees", lon_s);
		return 0;
	}
	if (jb_parse_number(lat_s, &lat) < 0 || lat < -90 || lat > 90) {
		jb_reject(s->src, line, jb_csv_name(t, s->c_lat),
			  "not a latitude in degrees", lat_s);
		return 0;
	}
	v = jb_csv_get(t, s->c_type);
	if (!*v) {
		jb_reject(s->src, line, jb_csv_name(t, s->c_type), "empty", NULL);
		return 0;
	}
	int type = intern(s->types, &st->types, &st->ntypes, MAXCODES, v);
	if (type < 0) {
		jb_reject(s->src, line, jb_csv_name(t, s->c_type),
			  "more than 256 different crime types", v);
		return 0;
	}
	v = jb_csv_get(t, s->c_outcome);
	int outcome = intern(s->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, v);
	if (outcome < 0) {
		jb_reject(s->src, line, jb_csv_name(t, s->c_outcome),
			  "more than 255 different outcomes", v);
		return 0;
	}
	int loc = intern(s->locations, &st->locations, &st->nlocations, (size_t)INT32_MAX,
			 jb_csv_get(t, s->c_loc));
	v = jb_csv_get(t, s->c_lsoa);

	struct pending *p = &s->p[s->n];
	p->lsoa = *v ? jb_lsoa_find(s->ds, v) : -1;
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

int jb_read_street(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, kind, 0, NULL, err, NULL);

	struct street *s = xcalloc(1, sizeof *s);
	s->ds = ds;
	static const char *const req[] = {"Month", "Longitude", "Latitude", "LSOA code",
					  "Crime type"};
	int *cols[] = {&s->c_month, &s->c_lon, &s->c_lat, &s->c_lsoa, &s->c_type};
	int rc = 0;
	for (size_t i = 0; i < sizeof req / sizeof req[0] && !rc; i++)
		if ((*cols[i] = jb_csv_col(t, req[i])) < 0)
			rc = jb_source_unusable(ds, rel, kind, 1, req[i],
						"required column missing", NULL);
	s->c_loc = jb_csv_col(t, "Location");
	s->c_outcome = jb_csv_col(t, "Last outcome category|Outcome type");
	if (!rc && !(s->proj = jb_proj_new()))
		rc = jb_source_unusable(ds, rel, kind, 0, NULL,
					"cannot set up the WGS84 to British National Grid "
					"projection", NULL);
	if (!rc) {
		struct jb_street *st = &ds->street;
		s->types = map_of(st->types, st->ntypes);
		s->outcomes = map_of(st->outcomes, st->noutcomes);
		/* outcomes[0] is "" (no outcome given) */
		intern(s->outcomes, &st->outcomes, &st->noutcomes, MAXCODES, "");
		s->locations = map_of(st->locations, st->nlocations);
		s->src = jb_source_add(&ds->sources, rel, kind);
		jb_csv_each(t, s->src, on_row, s);
		flush(s);
		if (st->npts)
			ds->has_street = 1;
		strmap_free(s->types);
		strmap_free(s->outcomes);
		strmap_free(s->locations);
	}
	jb_proj_free(s->proj);
	jb_lsoa_locator_free(s->locator);
	free(s);
	jb_csv_close(t);
	return rc;
}
