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
 * outcomes row costs one binary search, among the distinct IDs: the
 * latest outcome is kept per ID, and given to its points (a crime listed
 * in two street files has two) when every outcomes file is read.
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
	const struct jb_crime_key *keys; /* sorted by ID */
	size_t nkeys;
	size_t *start; /* [nids + 1]: the keys of distinct ID d, keys[start[d] .. start[d + 1]) */
	size_t nids;
	int *month;    /* [nids]: month of ID d's latest outcome, INT_MIN: none yet */
	uint8_t *outcome; /* [nids]: that outcome */
};

struct jb_outcomes *jb_outcomes_new(struct jb_dataset *ds, struct jb_street_reader *r)
{
	struct jb_outcomes *o = xcalloc(1, sizeof *o);
	o->ds = ds;
	o->reader = r;
	o->keys = jb_street_keys(r, &o->nkeys);
	o->start = xmalloc((o->nkeys + 1) * sizeof *o->start);
	for (size_t k = 0; k < o->nkeys; k++)
		if (k == 0 || memcmp(o->keys[k].id, o->keys[k - 1].id, JB_CRIME_ID_BYTES) != 0)
			o->start[o->nids++] = k;
	o->start[o->nids] = o->nkeys;
	o->month = xmalloc((o->nids ? o->nids : 1) * sizeof *o->month);
	o->outcome = xcalloc(o->nids ? o->nids : 1, sizeof *o->outcome);
	for (size_t d = 0; d < o->nids; d++)
		o->month[d] = INT_MIN;
	return o;
}

void jb_outcomes_finish(struct jb_outcomes *o)
{
	if (!o)
		return;
	struct jb_street *st = &o->ds->street;
	for (size_t d = 0; d < o->nids; d++) {
		if (o->month[d] == INT_MIN)
			continue;
		for (size_t k = o->start[d]; k < o->start[d + 1]; k++)
			if (o->keys[k].point < st->npts)
				st->pts[o->keys[k].point].outcome = o->outcome[d];
	}
}

void jb_outcomes_free(struct jb_outcomes *o)
{
	if (!o)
		return;
	free(o->start);
	free(o->month);
	free(o->outcome);
	free(o);
}

struct reading {
	struct jb_outcomes *o;
	struct jb_source *src;
	int c_id, c_month, c_type;
};

/* The distinct ID id is, or -1 when no street point kept has it. */
static long find_id(const struct jb_outcomes *o, const unsigned char *id)
{
	size_t lo = 0, hi = o->nids;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (memcmp(o->keys[o->start[mid]].id, id, JB_CRIME_ID_BYTES) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->nids && memcmp(o->keys[o->start[lo]].id, id, JB_CRIME_ID_BYTES) == 0
		       ? (long)lo
		       : -1;
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
	struct jb_outcomes *o = rd->o;
	long d = find_id(o, id);
	if (d < 0) {
		jb_set_aside(rd->src, line, "Crime ID not among the street-level crimes used");
		return 0;
	}
	int outcome = jb_street_outcome(rd->o->reader, v);
	if (outcome < 0) {
		jb_reject(rd->src, line, jb_csv_name(t, rd->c_type),
			  "more than 255 different outcomes", v);
		return 0;
	}
	if (month >= o->month[d]) { /* the later record wins a tie */
		o->month[d] = month;
		o->outcome[d] = (uint8_t)outcome;
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
	int rc = jb_csv_each(t, src, on_row, &rd);
	jb_csv_close(t);
	return rc;
}
