/* ingest/pas.c - the MOPAC Public Attitudes Survey dashboard export
 * (confidence/): Date, Survey, Borough, Measure, Proportion, MPS, one row
 * per borough, quarter and measure.
 *
 * The export as MOPAC publishes it: dates as d/m/yyyy ("31/3/2015", the
 * last day of the quarter), proportions with a decimal comma inside quotes
 * ("0,56"), measure names as written (libcsv undoes the doubled quotes of
 * "Good Job" local), "City of Westminster" for Westminster, Richmond spelt
 * both "Upon" and "upon", empty trailing columns (ignored: columns are
 * found by name), and London's figure (MPS) repeated on every borough row.
 * London's figure is taken from the first row of its quarter and measure;
 * a later row giving a different one is set aside, since one of the two
 * cannot be London's.
 */
#include "readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"

static const char kind[] = "MOPAC Public Attitudes Survey";

struct pas {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_date, c_borough, c_measure, c_prop, c_mps;
	struct strmap *measures, *vals; /* name -> index; "area:measure:month" -> index */
	struct strmap *london; /* "area:measure:month" -> index, London's rows of this file */
};

/* "0,56", "0.56" or "56%" as a proportion; -1 when it is none of them or
 * outside 0..1. The decimal comma is the export's own: a value has at most
 * one comma and then no point. */
static int parse_proportion(const char *s, double *out)
{
	char tmp[64];
	size_t n = strlen(s);
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n + 1);
	char *comma = strchr(tmp, ',');
	if (comma && !strchr(comma + 1, ',') && !strchr(tmp, '.'))
		*comma = '.';
	int percent = n > 1 && tmp[n - 1] == '%';
	if (percent)
		tmp[n - 1] = '\0';
	double v;
	if (strchr(tmp, ',') || jb_parse_number(tmp, &v) < 0)
		return -1;
	if (percent)
		v /= 100;
	if (!(v >= 0 && v <= 1))
		return -1;
	*out = v;
	return 0;
}

/* "31/12/2014" (d/m/yyyy, the export's) or an ISO date "2014-12-31". */
static int parse_date(const char *s, int *month)
{
	int d, m, y, len = 0;
	if (sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &len) == 3 && s[len] == '\0') {
		if (d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2999)
			return -1;
		*month = jb_month(y, m);
		return 0;
	}
	return jb_parse_month(s, month);
}

static void val_key(char *key, size_t n, int area, int measure, int month)
{
	snprintf(key, n, "%d:%d:%d", area, measure, month);
}

/* Store v for (area, measure, month), replacing an earlier value (a later
 * file is a later release). */
static void put_value(struct pas *d, int area, int measure, int month, double v)
{
	struct jb_pas *pas = &d->ds->pas;
	char key[48];
	val_key(key, sizeof key, area, measure, month);
	int i = strmap_get(d->vals, key);
	if (i < 0) {
		pas->vals = xgrow(pas->vals, &pas->capvals, pas->nvals + 1, sizeof *pas->vals);
		i = (int)pas->nvals++;
		strmap_put(d->vals, key, i);
	}
	pas->vals[i] = (struct jb_pas_value){area, measure, month, v};
}

/* London's figure as an earlier row of this file gave it for the quarter
 * and measure, or -1 when this is the first such row (which records it). */
static double london_seen(struct pas *d, int measure, int month, double v)
{
	char key[48];
	val_key(key, sizeof key, JB_LONDON, measure, month);
	int i = strmap_get(d->london, key);
	if (i >= 0)
		return d->ds->pas.vals[i].v;
	put_value(d, JB_LONDON, measure, month, v);
	strmap_put(d->london, key, strmap_get(d->vals, key));
	return -1;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct pas *d = ctx;
	long line = jb_csv_line(t);
	const char *s = jb_csv_get(t, d->c_borough);
	int b = jb_borough_by_name(s);
	if (b < 0) {
		if (!*s)
			jb_reject(d->src, line, jb_csv_name(t, d->c_borough), "empty", NULL);
		else
			jb_set_aside(d->src, line, "outside the 32 boroughs");
		return 0;
	}
	int month;
	s = jb_csv_get(t, d->c_date);
	if (parse_date(s, &month) < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_date), "not a date (d/m/yyyy)", s);
		return 0;
	}
	const char *measure = jb_csv_get(t, d->c_measure);
	if (!*measure) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_measure), "empty", NULL);
		return 0;
	}
	double v, london;
	s = jb_csv_get(t, d->c_prop);
	if (parse_proportion(s, &v) < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_prop), "not a proportion from 0 to 1", s);
		return 0;
	}
	s = jb_csv_get(t, d->c_mps);
	if (parse_proportion(s, &london) < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_mps), "not a proportion from 0 to 1", s);
		return 0;
	}
	int m = jb_intern_name(&d->ds->pas.measures, &d->ds->pas.nmeasures, d->measures, measure);
	double had = london_seen(d, m, month, london);
	if (had >= 0 && had != london) {
		char detail[96];
		snprintf(detail, sizeof detail, "%s where an earlier row of the quarter has %.4g", s,
			 had);
		jb_reject(d->src, line, jb_csv_name(t, d->c_mps),
			  "London figure differs from the quarter's earlier rows", detail);
		return 0;
	}
	put_value(d, b, m, month, v);
	d->src->kept++;
	return 0;
}

int jb_read_pas(struct jb_dataset *ds, const char *path, const char *rel)
{
	struct pas d = {.ds = ds};
	const struct jb_csv_want want[] = {
		{"Date", &d.c_date, "Date"},
		{"Borough", &d.c_borough, "Borough"},
		{"Measure", &d.c_measure, "Measure"},
		{"Proportion", &d.c_prop, "Proportion"},
		{"MPS|London", &d.c_mps, "MPS"},
	};
	struct jb_csv *t = jb_csv_open_source(ds, path, rel, kind, want, sizeof want / sizeof want[0],
					      "expected the PAS dashboard export (Date, Survey, "
					      "Borough, Measure, Proportion, MPS)", &d.src);
	if (!t)
		return -1;
	d.measures = strmap_new();
	d.vals = strmap_new();
	d.london = strmap_new();
	struct jb_pas *pas = &ds->pas;
	char key[48];
	for (size_t i = 0; i < pas->nmeasures; i++)
		strmap_put(d.measures, pas->measures[i], (int)i);
	for (size_t i = 0; i < pas->nvals; i++) {
		const struct jb_pas_value *v = &pas->vals[i];
		val_key(key, sizeof key, v->area, v->measure, v->month);
		strmap_put(d.vals, key, (int)i);
	}
	jb_csv_each(t, d.src, on_row, &d);
	if (d.src->kept)
		ds->has_pas = 1;
	strmap_free(d.measures);
	strmap_free(d.vals);
	strmap_free(d.london);
	jb_csv_close(t);
	return 0;
}
