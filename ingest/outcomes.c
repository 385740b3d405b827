/* ingest/outcomes.c - data.police.uk outcomes files (one row per outcome
 * recorded in a month: Crime ID, Month, Reported by, Falls within,
 * Longitude, Latitude, Location, LSOA code, LSOA name, Outcome type),
 * joined to the street-level points by Crime ID.
 *
 * A crime's outcome changes over the months (under investigation, then
 * charged, then a court result); the street files carry only a "last
 * outcome category" as of their publication. Where outcomes files are
 * supplied, each point takes the latest outcome they record for its
 * Crime ID: the one with the latest outcome Month; on the same Month, the
 * later record in path and line order (the rule "the later file wins").
 * A point the outcomes files do not mention keeps its last outcome.
 *
 * The street points' Crime IDs are held by the street reader as 32-byte
 * keys, sorted once, so the join needs no string per point and each
 * outcomes row costs one binary search.
 *
 * An outcomes row is kept when it names a kept street point; a row whose
 * Crime ID no street point kept has (a crime type the theme does not
 * count, outside the 32 boroughs, or a month without street files) is set
 * aside, counted, with its line.
 */
#include "readers.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "csvtable.h"

struct jb_outcomes {
	struct jb_dataset *ds;
	struct jb_street_reader *reader;
	int *month;  /* [npts]: month of the outcome each point has, INT_MIN: none yet */
	size_t npts;
};

struct jb_outcomes *jb_outcomes_new(struct jb_dataset *ds, struct jb_street_reader *r)
{
	struct jb_outcomes *o = xcalloc(1, sizeof *o);
	o->ds = ds;
	o->reader = r;
	o->npts = ds->street.npts;
	o->month = xmalloc((o->npts ? o->npts : 1) * sizeof *o->month);
	for (size_t i = 0; i < o->npts; i++)
		o->month[i] = INT_MIN;
	return o;
}

void jb_outcomes_free(struct jb_outcomes *o)
{
	if (!o)
		return;
	free(o->month);
	free(o);
}

struct reading {
	struct jb_outcomes *o;
	struct jb_source *src;
	const struct jb_crime_key *keys;
	size_t nkeys;
	int c_id, c_month, c_type;
};

/* First key with this id, or nkeys. */
static size_t first_key(const struct reading *rd, const unsigned char *id)
{
	size_t lo = 0, hi = rd->nkeys;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (memcmp(rd->keys[mid].id, id, JB_CRIME_ID_BYTES) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct reading *rd = ctx;
	long line = jb_csv_line(t);
	const char *v = jb_csv_get(t, rd->c_id);
	unsigned char id[JB_CRIME_ID_BYTES];
	if (jb_crime_id_parse(v, id) != 0) {
		jb_reject(rd->src, line, jb_csv_name(t, rd->c_id),
			  *v ? "not a data.police.uk Crime ID (64 hexadecimal digits)" : "empty",
			  *v ? v : NULL);
		return 0;
	}
	int month;
	v = jb_csv_get(t, rd->c_month);
	if (jb_parse_month(v, &month) < 0) {
		jb_reject(rd->src, line, jb_csv_name(t, rd->c_month), "not a month", v);
		return 0;
	}
	v = jb_csv_get(t, rd->c_type);
	if (!*v) {
		jb_reject(rd->src, line, jb_csv_name(t, rd->c_type), "empty", NULL);
		return 0;
	}
	size_t k = first_key(rd, id);
	if (k == rd->nkeys || memcmp(rd->keys[k].id, id, JB_CRIME_ID_BYTES) != 0) {
		jb_set_aside(rd->src, line, "Crime ID not among the street-level crimes used");
		return 0;
	}
	int outcome = jb_street_outcome(rd->o->reader, v);
	if (outcome < 0) {
		jb_reject(rd->src, line, jb_csv_name(t, rd->c_type),
			  "more than 255 different outcomes", v);
		return 0;
	}
	/* every point with this ID (a crime listed in two street files) */
	struct jb_outcomes *o = rd->o;
	for (; k < rd->nkeys && memcmp(rd->keys[k].id, id, JB_CRIME_ID_BYTES) == 0; k++) {
		size_t p = rd->keys[k].point;
		if (p < o->npts && month >= o->month[p]) {
			o->month[p] = month;
			o->ds->street.pts[p].outcome = (uint8_t)outcome;
		}
	}
	rd->src->kept++;
	return 0;
}

int jb_read_outcomes(struct jb_outcomes *o, struct jb_source *src, const char *path)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t) {
		jb_reject(src, 0, NULL, err, NULL);
		return -1;
	}
	struct reading rd = {.o = o, .src = src};
	const struct jb_csv_want want[] = {
		{"Crime ID", &rd.c_id, "Crime ID"},
		{"Month", &rd.c_month, "Month"},
		{"Outcome type", &rd.c_type, "Outcome type"},
	};
	const char *missing = jb_csv_cols(t, want, sizeof want / sizeof want[0]);
	if (missing) {
		jb_reject(src, 1, missing, "required column missing", NULL);
		jb_csv_close(t);
		return -1;
	}
	rd.keys = jb_street_keys(o->reader, &rd.nkeys);
	int rc = jb_csv_each(t, src, on_row, &rd);
	jb_csv_close(t);
	return rc;
}
