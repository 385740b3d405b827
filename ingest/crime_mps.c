/* ingest/crime_mps.c - MPS recorded crime from the London Datastore, wide
 * format: one column per month (YYYYMM), a major and a minor category, and
 * an area at LSOA, ward or borough level. The level is told by the columns:
 * an LSOA code column makes it LSOA level, else a ward code column ward
 * level, else a borough column borough level.
 *
 * Several files at one level merge into one jb_crime_table spanning the
 * union of their months. Where two files give the same area, category and
 * month, the later file (in path order) wins: the London Datastore's newer
 * extracts revise recent months. Within one file a repeated area and
 * category likewise keeps its last row. Cells a file does not give keep
 * what an earlier file gave (or 0 where none did; covered[] tells which
 * months some file gave).
 */
#include "readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"
#include "limits.h"

static const char *const level_kind[JB_NLEVELS] = {
	"MPS recorded crime (borough level)",
	"MPS recorded crime (ward level)",
	"MPS recorded crime (LSOA level)",
};

#define COL_LSOA "lsoa_code|LSOA Code|lsoa21_code|LSOA code (2021)"
#define COL_LSOA_NAME "lsoa_name|LSOA Name"
#define COL_WARD "wardcode|ward_code|Ward Code"
#define COL_WARD_NAME "wardname|ward_name|Ward Name"
#define COL_MAJOR "majortext|major_category|Major Category|major_text"
#define COL_MINOR "minortext|minor_category|Minor Category|minor_text"
#define COL_BOROUGH "boroughname|lookup_boroughname|borough|borough_name"

struct mps {
	struct jb_dataset *ds;
	struct jb_source *src;
	enum jb_level level;
	struct jb_crime_table *tab;
	int c_area, c_name, c_borough, c_major, c_minor;
	int nmcols;
	int *mcol;         /* [nmcols] column index */
	int *moff;         /* [nmcols] offset into the table's months */
	int32_t *tmp;      /* [nmcols] this row's counts */
	struct strmap *rows; /* "area:cat" -> row index */
	unsigned char *seen; /* [nseen] areas this file has rows for */
	size_t nseen;
	int last_area;       /* of the last row kept, -1 before any */
};

/* One more file read into the table: the areas it has whole
 * (jb_crime_whole). */
static void count_whole(struct mps *m)
{
	struct jb_crime_table *tab = m->tab;
	if (m->src->cut_short && m->last_area >= 0)
		m->seen[m->last_area] = 0;
	if (tab->nwhole_cap < m->nseen) {
		tab->nwhole = xrealloc(tab->nwhole, m->nseen * sizeof *tab->nwhole);
		memset(tab->nwhole + tab->nwhole_cap, 0,
		       (m->nseen - tab->nwhole_cap) * sizeof *tab->nwhole);
		tab->nwhole_cap = m->nseen;
	}
	for (size_t a = 0; a < m->nseen; a++)
		tab->nwhole[a] += m->seen[a];
	tab->nfiles++;
}

/* Widen the table to cover months first..last. */
static void widen(struct jb_crime_table *tab, int first, int last)
{
	if (tab->nmonths == 0) {
		tab->first_month = first;
		tab->nmonths = last - first + 1;
		tab->covered = xcalloc((size_t)tab->nmonths, 1);
		return;
	}
	int lo = first < tab->first_month ? first : tab->first_month;
	int old_last = tab->first_month + tab->nmonths - 1;
	int hi = last > old_last ? last : old_last;
	if (lo == tab->first_month && hi == old_last)
		return;
	size_t n = (size_t)(hi - lo + 1), shift = (size_t)(tab->first_month - lo);
	for (size_t r = 0; r < tab->nrows; r++) {
		int32_t *c = xcalloc(n, sizeof *c);
		memcpy(c + shift, tab->rows[r].counts, (size_t)tab->nmonths * sizeof *c);
		free(tab->rows[r].counts);
		tab->rows[r].counts = c;
	}
	unsigned char *cov = xcalloc(n, 1);
	memcpy(cov + shift, tab->covered, (size_t)tab->nmonths);
	free(tab->covered);
	tab->covered = cov;
	tab->first_month = lo;
	tab->nmonths = (int)n;
}

static int row_index(struct mps *m, int area, int cat)
{
	char key[32];
	snprintf(key, sizeof key, "%d:%d", area, cat);
	int r = strmap_get(m->rows, key);
	if (r >= 0)
		return r;
	struct jb_crime_table *tab = m->tab;
	tab->rows = xgrow(tab->rows, &tab->caprows, tab->nrows + 1, sizeof *tab->rows);
	r = (int)tab->nrows++;
	tab->rows[r].area = area;
	tab->rows[r].cat = cat;
	tab->rows[r].counts = xcalloc((size_t)tab->nmonths, sizeof(int32_t));
	strmap_put(m->rows, key, r);
	return r;
}

static const char outside[] = "outside the 32 boroughs";

/* The row's area index at the file's level, or -1 (row set aside). */
static int row_area(struct mps *m, struct jb_csv *t)
{
	long line = jb_csv_line(t);
	const char *bname = jb_csv_get(t, m->c_borough);
	int b = m->c_borough >= 0 ? jb_borough_lookup(bname) : -1;
	switch (m->level) {
	case JB_LEVEL_BOROUGH:
		if (b < 0)
			jb_set_aside(m->src, line, outside);
		return b;
	case JB_LEVEL_WARD: {
		const char *code = jb_csv_get(t, m->c_area);
		if (b < 0) {
			jb_set_aside(m->src, line, outside);
			return -1;
		}
		if (!*code) {
			jb_reject(m->src, line, jb_csv_name(t, m->c_area), "empty", NULL);
			return -1;
		}
		return jb_ward_intern(m->ds, code, jb_csv_get(t, m->c_name), b);
	}
	case JB_LEVEL_LSOA: {
		if (b < 0) {
			jb_set_aside(m->src, line, outside);
			return -1;
		}
		int i = jb_row_lsoa(m->ds, m->src, line, jb_csv_name(t, m->c_area),
				    jb_csv_get(t, m->c_area), jb_csv_get(t, m->c_name), b);
		if (i >= 0 && m->ds->lsoa[i].borough < 0) {
			jb_set_aside(m->src, line, outside);
			return -1;
		}
		return i;
	}
	default:
		return -1;
	}
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct mps *m = ctx;
	long line = jb_csv_line(t);
	for (int k = 0; k < m->nmcols; k++) {
		long v;
		const char *s = jb_csv_get(t, m->mcol[k]);
		if (jb_parse_count(s, &v) < 0) {
			jb_reject(m->src, line, jb_csv_name(t, m->mcol[k]),
				  "not a whole number >= 0", s);
			return 0;
		}
		if (v > JB_COUNT_MAX) {
			jb_reject(m->src, line, jb_csv_name(t, m->mcol[k]),
				  "more than " JB_STR(JB_COUNT_MAX) " in a month (not plausible)", s);
			return 0;
		}
		m->tmp[k] = (int32_t)v;
	}
	const char *major = jb_csv_get(t, m->c_major);
	if (!*major) {
		jb_reject(m->src, line, jb_csv_name(t, m->c_major), "empty", NULL);
		return 0;
	}
	int area = row_area(m, t);
	if (area < 0)
		return 0;
	int cat = jb_category_intern(m->ds, major, jb_csv_get(t, m->c_minor));
	int r = row_index(m, area, cat); /* may move tab->rows */
	int32_t *counts = m->tab->rows[r].counts;
	for (int k = 0; k < m->nmcols; k++)
		counts[m->moff[k]] = m->tmp[k];
	m->src->kept++;
	if ((size_t)area >= m->nseen) {
		size_t n = (size_t)area + 1 > 2 * m->nseen ? (size_t)area + 1 : 2 * m->nseen;
		m->seen = xrealloc(m->seen, n);
		memset(m->seen + m->nseen, 0, n - m->nseen);
		m->nseen = n;
	}
	m->seen[area] = 1;
	m->last_area = area;
	return 0;
}

int jb_read_mps_crime(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, "MPS recorded crime", 0, NULL, err, NULL);

	struct mps m = {.ds = ds, .last_area = -1};
	m.c_major = jb_csv_col(t, COL_MAJOR);
	m.c_minor = jb_csv_col(t, COL_MINOR);
	m.c_borough = jb_csv_col(t, COL_BOROUGH);
	if ((m.c_area = jb_csv_col(t, COL_LSOA)) >= 0) {
		m.level = JB_LEVEL_LSOA;
		m.c_name = jb_csv_col(t, COL_LSOA_NAME);
	} else if ((m.c_area = jb_csv_col(t, COL_WARD)) >= 0) {
		m.level = JB_LEVEL_WARD;
		m.c_name = jb_csv_col(t, COL_WARD_NAME);
	} else {
		m.level = JB_LEVEL_BOROUGH;
		m.c_name = -1;
	}
	const char *kind = level_kind[m.level];

	const char *missing = NULL;
	if (m.c_major < 0)
		missing = "majortext";
	else if (m.c_minor < 0)
		missing = "minortext";
	else if (m.c_borough < 0)
		missing = m.level == JB_LEVEL_BOROUGH ? "boroughname" : "borough";
	int ncols = jb_csv_ncols(t);
	m.mcol = xcalloc((size_t)ncols + 1, sizeof *m.mcol);
	m.moff = xcalloc((size_t)ncols + 1, sizeof *m.moff);
	m.tmp = xcalloc((size_t)ncols + 1, sizeof *m.tmp);
	int first = 0, last = 0, month, far = -1;
	for (int c = 0; c < ncols; c++) {
		int got = jb_parse_yyyymm(jb_csv_name(t, c), &month);
		if (got == -2 && far < 0)
			far = c;
		if (got == 0) {
			if (m.nmcols == 0 || month < first)
				first = month;
			if (m.nmcols == 0 || month > last)
				last = month;
			m.mcol[m.nmcols] = c;
			m.moff[m.nmcols++] = month;
		}
	}

	int rc = 0;
	if (missing) {
		rc = jb_source_unusable(ds, rel, kind, 1, missing,
					"required column missing", NULL);
	} else if (m.nmcols == 0) {
		rc = jb_source_unusable(ds, rel, kind, 1, NULL,
					"no month columns (YYYYMM)", NULL);
	} else {
		m.src = jb_source_add(&ds->sources, rel, kind);
		if (far >= 0)
			jb_reject(m.src, 1, jb_csv_name(t, far), "month outside "
				  JB_STR(JB_YEAR_MIN) "-01.." JB_STR(JB_YEAR_MAX) "-12",
				  "the column is not read");
		m.tab = &ds->crime[m.level];
		widen(m.tab, first, last);
		for (int k = 0; k < m.nmcols; k++)
			m.moff[k] -= m.tab->first_month;
		m.rows = strmap_new();
		char key[32];
		for (size_t r = 0; r < m.tab->nrows; r++) {
			snprintf(key, sizeof key, "%d:%d", m.tab->rows[r].area,
				 m.tab->rows[r].cat);
			strmap_put(m.rows, key, (int)r);
		}
		jb_csv_each(t, m.src, on_row, &m);
		for (int k = 0; k < m.nmcols; k++)
			m.tab->covered[m.moff[k]] = 1;
		count_whole(&m);
		if (m.src->kept)
			ds->has_crime[m.level] = 1;
		strmap_free(m.rows);
	}
	free(m.seen);
	free(m.mcol);
	free(m.moff);
	free(m.tmp);
	jb_csv_close(t);
	return rc;
}
