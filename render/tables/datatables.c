/* render/tables/datatables.c - see datatables.h. Writing a deck's tables, and
 * the tables of the core slides (trend, comparison, LSOA counts); each
 * topic's tables are in its own file, and each slide kind lists its tables
 * (render/slides/kinds.c). */
#include "datatables.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../util/atomic.h"
#include "../../util/csvout.h"
#include "../../util/xalloc.h"

int datatable_write(const char *dir, const char *name, datatable_fn body,
		    const struct jb_findings *f, int area, char *err, size_t errlen)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct atomic_file af;
	int rc = 0;
	if (!atomic_open(&af, path)) {
		rc = -1;
	} else {
		body(af.f, f, area);
		rc = atomic_commit(&af);
	}
	if (rc != 0)
		atomic_error(err, errlen, path);
	free(path);
	return rc;
}

void datatable_area(FILE *out, const struct jb_findings *f, int area)
{
	/* a group of boroughs has no GSS code of its own */
	csv_text(out, jb_area_gss(f, area), 0);
	csv_text(out, f->area[area].name, 0);
}

static const struct csv_col trend_cols[] = {
	DATATABLE_AREA_COLS,
	{"month", "YYYY-MM", "calendar month"},
	{"count", "offences", "the theme's offences recorded in the month (borough-level file)"},
	{"rolling_12m_mean", "offences", "mean of the 12 months ending in this one"},
	{"fitted", "offences", "the Poisson trend's fitted mean"},
	{"fitted_lower_95", "offences", "lower end of the fitted mean's 95% confidence band"},
	{"fitted_upper_95", "offences", "upper end of the fitted mean's 95% confidence band"},
	{"pearson_residual", "ratio", "(count - fitted) / sqrt(overdispersion x fitted)"},
	{"exception", "0/1", "1: |pearson_residual| > 3, a month outside the trend's range"},
};
const struct csv_table trend_table =
	CSV_TABLE("<slug>/data/trend.csv", "one month of the trend window", trend_cols);

/* trend.csv: the trend slide's series. */
void datatable_trend(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_area_findings *a = &f->area[area];
	const struct jb_trend *t = &a->trend;
	csv_header(out, &trend_table);
	for (size_t i = 0; i < a->monthly.n; i++) {
		int ok = t->ok && i < t->n;
		datatable_area(out, f, area);
		csv_month(out, a->monthly.first_month + (int)i, 0);
		csv_int(out, a->monthly.v[i], 0);
		csv_fig(out, a->rolling.v[i], 0);
		csv_fig(out, ok ? t->fitted[i] : NAN, 0);
		csv_fig(out, ok ? t->lower[i] : NAN, 0);
		csv_fig(out, ok ? t->upper[i] : NAN, 0);
		csv_fig(out, ok ? t->resid[i] : NAN, 0);
		csv_int(out, ok ? (double)t->exception[i] : NAN, 1);
	}
}

static const struct csv_col comparison_cols[] = {
	{"area_code", "GSS code", "a borough, or London (E12000007)"},
	{"area_name", "text", "a borough, or London"},
	{"count_last12", "offences", "the theme's offences in the last 12 months"},
	{"rate_per_1000", "offences per 1,000 residents", "last 12 months, ONS mid-year residents"},
	{"rate_rank", "rank of 32", "1 = the highest rate; empty for London"},
	{"change_pct", "percent", "last 12 months against the 12 before"},
	{"this_borough", "0/1", "1: the deck's borough"},
	{"similar", "0/1", "1: one the deck compares with (its five most similar boroughs, "
			   "or those the analyst chose)"},
};
const struct csv_table comparison_table =
	CSV_TABLE("<slug>/data/comparison.csv", "one of the 32 boroughs, or London",
		  comparison_cols);

/* comparison.csv: the 32 boroughs' rates, ranks and whether similar. */
void datatable_comparison(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_area_findings *me = &f->area[area];
	csv_header(out, &comparison_table);
	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		const struct jb_area_findings *a = &f->area[b];
		int similar = 0;
		for (int k = 0; k < me->ncomparators; k++)
			similar |= me->comparators[k] == b;
		datatable_area(out, f, b);
		csv_int(out, a->change.ok ? a->change.a : NAN, 0);
		csv_fig(out, a->rate, 0);
		csv_int(out, a->rate_rank ? a->rate_rank : NAN, 0);
		csv_fig(out, a->change.ok ? a->change.pct : NAN, 0);
		fprintf(out, "%d,%d\n", b == area, similar);
	}
}

static const struct csv_col lsoa_counts_cols[] = {
	{"lsoa21cd", "GSS code", "LSOA (2021) code"},
	{"lsoa21nm", "text", "LSOA (2021) name"},
	{"count_last12", "offences", "the theme's offences in the last 12 months of the LSOA file"},
	{"map_class", "1..5", "the neighbourhood map's class (1 = fewest)"},
};
const struct csv_table lsoa_counts_table =
	CSV_TABLE("<slug>/data/lsoa-counts.csv", "one LSOA of the deck's borough",
		  lsoa_counts_cols);

/* lsoa-counts.csv: the neighbourhood map's LSOAs, counts and classes. */
void datatable_lsoa_counts(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_dataset *ds = f->ds;
	csv_header(out, &lsoa_counts_table);
	for (size_t l = 0; f->has_lsoa && l < ds->nlsoa; l++) {
		if (ds->lsoa[l].borough != area)
			continue;
		csv_text(out, ds->lsoa[l].code, 0);
		csv_text(out, ds->lsoa[l].name, 0);
		csv_int(out, f->lsoa[l].count12, 0);
		fprintf(out, "%d\n", f->lsoa[l].map_class + 1);
	}
}

/* The file name of t: its path after "<slug>/data/". */
static const char *table_name(const struct datatable *t)
{
	const char *slash = strrchr(t->def->file, '/');
	return slash ? slash + 1 : t->def->file;
}

static int written_for(const struct datatable *t, const struct jb_findings *f)
{
	return !t->when || t->when(f);
}

size_t datatables_names(const struct datatable_set *s, const struct jb_findings *f,
			const char **names, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n && n < max; i++)
		if (!f || written_for(s->v[i], f))
			names[n++] = table_name(s->v[i]);
	return n;
}

int datatables_shared_write(const struct datatable_set *s, const struct jb_findings *f,
			    const char *dir, char *err, size_t errlen)
{
	if (make_dirs(dir) != 0) {
		atomic_error(err, errlen, dir);
		return -1;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct datatable *t = s->v[i];
		if (t->scope == DATATABLE_LONDON_WIDE && written_for(t, f) &&
		    datatable_write(dir, table_name(t), t->body, f, JB_LONDON, err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* dir/name as a hard link to shared/name (link to a temporary name, then
 * rename over: atomic like every other output). Where the file system
 * refuses links, the table is written instead. */
static int link_shared(const char *shared, const char *dir, const struct datatable *t,
		       const struct jb_findings *f, int area, char *err, size_t errlen)
{
	char *from = xasprintf("%s/%s", shared, table_name(t));
	char *to = xasprintf("%s/%s", dir, table_name(t));
	char *tmp = atomic_tmpname(to);
	int rc = 0;
	if (link(from, tmp) != 0 || rename(tmp, to) != 0) {
		remove(tmp);
		rc = datatable_write(dir, table_name(t), t->body, f, area, err, errlen);
	}
	free(from);
	free(to);
	free(tmp);
	return rc;
}

int datatables_write(const struct datatable_set *s, const struct jb_findings *f, int area,
		     const char *dir, const char *shared, char *err, size_t errlen)
{
	if (make_dirs(dir) != 0) {
		atomic_error(err, errlen, dir);
		return -1;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct datatable *t = s->v[i];
		if (!written_for(t, f))
			continue;
		int rc = shared && t->scope == DATATABLE_LONDON_WIDE
				 ? link_shared(shared, dir, t, f, area, err, errlen)
				 : datatable_write(dir, table_name(t), t->body, f, area, err, errlen);
		if (rc != 0)
			return -1;
	}
	return 0;
}
