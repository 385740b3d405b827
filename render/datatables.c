/* render/datatables.c - see datatables.h. The tables of the core slides
 * (trend, comparison, LSOA counts) are here; each topic's slides add their
 * own tables to the list in datatables_write(). */
#include "datatables.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/atomic.h"
#include "../util/csvout.h"
#include "../util/xalloc.h"
#include "tables_context.h"
#include "datatables_hotspots.h"
#include "slides_drivers.h"

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

/* trend.csv: the trend slide's series. */
static void trend(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_area_findings *a = &f->area[area];
	const struct jb_trend *t = &a->trend;
	fputs("month,count,rolling_12m_mean,fitted,lower,upper,pearson_residual,exception\n", out);
	for (size_t i = 0; i < a->monthly.n; i++) {
		int ok = t->ok && i < t->n;
		csv_month(out, a->monthly.first_month + (int)i, 0);
		csv_num(out, a->monthly.v[i], "%.0f", 0);
		csv_num(out, a->rolling.v[i], "%.6f", 0);
		csv_num(out, ok ? t->fitted[i] : NAN, "%.6f", 0);
		csv_num(out, ok ? t->lower[i] : NAN, "%.6f", 0);
		csv_num(out, ok ? t->upper[i] : NAN, "%.6f", 0);
		csv_num(out, ok ? t->resid[i] : NAN, "%.6f", 0);
		csv_num(out, ok ? (double)t->exception[i] : NAN, "%.0f", 1);
	}
}

/* comparison.csv: the 32 boroughs' rates, ranks and whether similar. */
static void comparison(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_area_findings *me = &f->area[area];
	fputs("code,name,count_last12,rate_per_1000,rate_rank,pct_change,this_borough,similar\n",
	      out);
	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		const struct jb_area_findings *a = &f->area[b];
		int similar = 0;
		for (int k = 0; k < me->nsimilar; k++)
			similar |= me->similar[k] == b;
		csv_text(out, a->code, 0);
		csv_text(out, a->name, 0);
		csv_num(out, a->change.ok ? a->change.a : NAN, "%.0f", 0);
		csv_num(out, a->rate, "%.6f", 0);
		csv_num(out, a->rate_rank ? a->rate_rank : NAN, "%.0f", 0);
		csv_num(out, a->change.ok ? a->change.pct : NAN, "%.6f", 0);
		fprintf(out, "%d,%d\n", b == area, similar);
	}
}

/* lsoa-counts.csv: the neighbourhood map's LSOAs, counts and classes. */
static void lsoa_counts(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_dataset *ds = f->ds;
	fputs("lsoa21cd,name,count_last12,map_class\n", out);
	for (size_t l = 0; f->has_lsoa && l < ds->nlsoa; l++) {
		if (ds->lsoa[l].borough != area)
			continue;
		csv_text(out, ds->lsoa[l].code, 0);
		csv_text(out, ds->lsoa[l].name, 0);
		csv_num(out, f->lsoa[l].count12, "%.0f", 0);
		fprintf(out, "%d\n", f->lsoa[l].map_class + 1);
	}
}

enum { PER_DECK, LONDON_WIDE };

static const struct {
	const char *name;
	datatable_fn body;
	int (*when)(const struct jb_findings *f); /* NULL: always written */
	int scope; /* LONDON_WIDE: the same bytes in every deck */
} tables[] = {
	{"trend.csv", trend, NULL, PER_DECK},
	{"comparison.csv", comparison, NULL, PER_DECK},
	{"lsoa-counts.csv", lsoa_counts, NULL, PER_DECK},
	{"hotspots-lsoa.csv", datatable_hotspots_lsoa, NULL, LONDON_WIDE},
	{"emerging-lsoa.csv", datatable_emerging_lsoa, NULL, LONDON_WIDE},
	{"hotspots-grid.csv", datatable_hotspots_grid, datatable_hotspots_have_street, PER_DECK},
	{"street-top-locations.csv", datatable_street_top_locations,
	 datatable_hotspots_have_street, PER_DECK},
	{"profile-deciles.csv", drivers_table_deciles, NULL, PER_DECK},
	{"profile-imd.csv", drivers_table_imd, NULL, PER_DECK},
	{"drivers-correlations.csv", drivers_table_correlations, NULL, PER_DECK},
	{"drivers-lsoa.csv", drivers_table_lsoa, NULL, PER_DECK},
	{"drivers-curves.csv", drivers_table_curves, NULL, PER_DECK},
	{"attrition-stages.csv", drivers_table_stages, NULL, PER_DECK},
	{"positive-outcomes.csv", drivers_table_positive_outcomes, NULL, PER_DECK},
	{"exclusion-truancy.csv", table_exclusion_truancy, NULL, PER_DECK},
	{"youth-spend.csv", table_youth_spend, NULL, PER_DECK},
	{"youth-services.csv", table_youth_services, NULL, PER_DECK},
	{"youth-justice.csv", table_youth_justice, NULL, PER_DECK},
	{"offender-management.csv", table_offender_management, NULL, PER_DECK},
	{"actions.csv", table_actions, NULL, PER_DECK},
	{"actions-since-meeting.csv", table_actions_since_meeting, NULL, PER_DECK},
};
enum { NTABLES = sizeof tables / sizeof tables[0] };
_Static_assert(NTABLES <= DATATABLES_MAX, "DATATABLES_MAX is too small");

size_t datatables_names(const struct jb_findings *f, const char **names, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < NTABLES && n < max; i++)
		if (!f || !tables[i].when || tables[i].when(f))
			names[n++] = tables[i].name;
	return n;
}

int datatables_shared_write(const struct jb_findings *f, const char *dir, char *err,
			    size_t errlen)
{
	if (make_dirs(dir) != 0) {
		atomic_error(err, errlen, dir);
		return -1;
	}
	for (size_t i = 0; i < NTABLES; i++)
		if (tables[i].scope == LONDON_WIDE && (!tables[i].when || tables[i].when(f)) &&
		    datatable_write(dir, tables[i].name, tables[i].body, f, JB_LONDON, err, errlen) != 0)
			return -1;
	return 0;
}

/* dir/name as a hard link to shared/name (link to a temporary name, then
 * rename over: atomic like every other output). Where the file system
 * refuses links, the table is written instead. */
static int link_shared(const char *shared, const char *dir, size_t i, const struct jb_findings *f,
		       int area, char *err, size_t errlen)
{
	char *from = xasprintf("%s/%s", shared, tables[i].name);
	char *to = xasprintf("%s/%s", dir, tables[i].name);
	char *tmp = atomic_tmpname(to);
	int rc = 0;
	if (link(from, tmp) != 0 || rename(tmp, to) != 0) {
		remove(tmp);
		rc = datatable_write(dir, tables[i].name, tables[i].body, f, area, err, errlen);
	}
	free(from);
	free(to);
	free(tmp);
	return rc;
}

int datatables_write(const struct jb_findings *f, int area, const char *dir, const char *shared,
		     char *err, size_t errlen)
{
	if (make_dirs(dir) != 0) {
		atomic_error(err, errlen, dir);
		return -1;
	}
	for (size_t i = 0; i < NTABLES; i++) {
		if (tables[i].when && !tables[i].when(f))
			continue;
		int rc = shared && tables[i].scope == LONDON_WIDE
				 ? link_shared(shared, dir, i, f, area, err, errlen)
				 : datatable_write(dir, tables[i].name, tables[i].body, f, area, err,
						   errlen);
		if (rc != 0)
			return -1;
	}
	return 0;
}
