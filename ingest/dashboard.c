/* ingest/dashboard.c - the MPS monthly crime dashboard (long format:
 * month_year, area_type, area_name, area_code, crime_type, crime_subtype,
 * measure, count, ...). Only borough rows of the 32 boroughs are kept; Safer
 * Neighbourhood Team rows and other areas are set aside with a reason.
 * Where a later row (or file, in path order) gives the same borough, month,
 * subtype and measure again, it replaces the earlier value.
 */
#include "readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"
#include "limits.h"

static const char kind[] = "MPS monthly crime dashboard";

struct dash {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_month, c_type, c_areaname, c_areacode, c_ctype, c_subtype, c_measure,
		c_count;
	struct strmap *subtypes, *measures, *rows;
};

static int intern_subtype(struct dash *d, const char *type, const char *subtype)
{
	struct jb_dashboard *db = &d->ds->dash;
	char *key = xasprintf("%s\x1f%s", type, subtype);
	int i = strmap_get(d->subtypes, key);
	if (i < 0) {
		/* few distinct subtypes: grow the parallel arrays one by one */
		size_t n = db->nsubtypes + 1;
		db->types = xrealloc(db->types, n * sizeof *db->types);
		db->subtypes = xrealloc(db->subtypes, n * sizeof *db->subtypes);
		i = (int)db->nsubtypes++;
		db->types[i] = xstrdup(type);
		db->subtypes[i] = xstrdup(subtype);
		strmap_put(d->subtypes, key, i);
	}
	free(key);
	return i;
}

static int intern_measure(struct dash *d, const char *measure)
{
	struct jb_dashboard *db = &d->ds->dash;
	int i = strmap_get(d->measures, measure);
	if (i < 0) {
		db->measures = xrealloc(db->measures,
					(db->nmeasures + 1) * sizeof *db->measures);
		i = (int)db->nmeasures++;
		db->measures[i] = xstrdup(measure);
		strmap_put(d->measures, measure, i);
	}
	return i;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct dash *d = ctx;
	long line = jb_csv_line(t);
	if (strcasecmp(jb_csv_get(t, d->c_type), "Borough") != 0) {
		jb_set_aside(d->src, line, "area_type is not Borough");
		return 0;
	}
	int b = jb_borough_by_code(jb_csv_get(t, d->c_areacode));
	if (b < 0)
		b = jb_borough_by_name(jb_csv_get(t, d->c_areaname));
	if (b < 0) {
		jb_set_aside(d->src, line, "outside the 32 boroughs");
		return 0;
	}
	int month;
	const char *s = jb_csv_get(t, d->c_month);
	if (jb_parse_month(s, &month) < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_month), "not a month", s);
		return 0;
	}
	double count;
	s = jb_csv_get(t, d->c_count);
	if (jb_parse_number(s, &count) < 0 || count < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_count),
			  "not a number >= 0", s);
		return 0;
	}
	if (count > JB_COUNT_MAX) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_count),
			  "more than " JB_STR(JB_COUNT_MAX) " in a month (not plausible)", s);
		return 0;
	}
	const char *subtype = jb_csv_get(t, d->c_subtype);
	const char *measure = jb_csv_get(t, d->c_measure);
	if (!*subtype || !*measure) {
		jb_reject(d->src, line, jb_csv_name(t, *subtype ? d->c_measure : d->c_subtype),
			  "empty", NULL);
		return 0;
	}
	int st = intern_subtype(d, jb_csv_get(t, d->c_ctype), subtype);
	int me = intern_measure(d, measure);

	struct jb_dashboard *db = &d->ds->dash;
	char key[64];
	snprintf(key, sizeof key, "%d:%d:%d:%d", b, month, st, me);
	int r = strmap_get(d->rows, key);
	if (r < 0) {
		db->rows = xgrow(db->rows, &db->caprows, db->nrows + 1, sizeof *db->rows);
		r = (int)db->nrows++;
		strmap_put(d->rows, key, r);
	}
	db->rows[r] = (struct jb_dash_row){b, month, st, me, count};
	d->src->kept++;
	return 0;
}

int jb_read_dashboard(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, kind, 0, NULL, err, NULL);

	struct dash d = {.ds = ds};
	static const char *const req[] = {
		"month_year", "area_type", "area_name", "crime_type", "crime_subtype",
		"measure", "count",
	};
	int *cols[] = {&d.c_month, &d.c_type, &d.c_areaname, &d.c_ctype, &d.c_subtype,
		       &d.c_measure, &d.c_count};
	for (size_t i = 0; i < sizeof req / sizeof req[0]; i++)
		if ((*cols[i] = jb_csv_col(t, req[i])) < 0) {
			jb_csv_close(t);
			return jb_source_unusable(ds, rel, kind, 1, req[i],
						  "required column missing", NULL);
		}
	d.c_areacode = jb_csv_col(t, "area_code");

	d.src = jb_source_add(&ds->sources, rel, kind);
	struct jb_dashboard *db = &ds->dash;
	d.subtypes = strmap_new();
	d.measures = strmap_new();
	d.rows = strmap_new();
	char key[64];
	for (size_t i = 0; i < db->nsubtypes; i++) {
		char *k = xasprintf("%s\x1f%s", db->types[i], db->subtypes[i]);
		strmap_put(d.subtypes, k, (int)i);
		free(k);
	}
	for (size_t i = 0; i < db->nmeasures; i++)
		strmap_put(d.measures, db->measures[i], (int)i);
	for (size_t i = 0; i < db->nrows; i++) {
		struct jb_dash_row *r = &db->rows[i];
		snprintf(key, sizeof key, "%d:%d:%d:%d", r->borough, r->month,
			 r->subtype, r->measure);
		strmap_put(d.rows, key, (int)i);
	}
	jb_csv_each(t, d.src, on_row, &d);
	if (d.src->kept)
		ds->has_dash = 1;
	strmap_free(d.subtypes);
	strmap_free(d.measures);
	strmap_free(d.rows);
	jb_csv_close(t);
	return 0;
}
