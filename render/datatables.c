/* render/datatables.c - see datatables.h. The tables of the core slides
 * (trend, comparison, LSOA counts) are here; each topic's slides add their
 * own tables to the list in datatables_write(). */
#include "datatables.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/atomic.h"
#include "../util/csvout.h"
#include "../util/xalloc.h"
#include "datatables_hotspots.h"

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
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
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

int datatables_write(const struct jb_findings *f, int area, const char *dir, char *err,
		     size_t errlen)
{
	static const struct {
		const char *name;
		datatable_fn body;
		int (*when)(const struct jb_findings *f); /* NULL: always written */
	} tables[] = {
		{"trend.csv", trend, NULL},
		{"comparison.csv", comparison, NULL},
		{"lsoa-counts.csv", lsoa_counts, NULL},
		{"hotspots-lsoa.csv", datatable_hotspots_lsoa, NULL},
		{"emerging-lsoa.csv", datatable_emerging_lsoa, NULL},
		{"hotspots-grid.csv", datatable_hotspots_grid, datatable_hotspots_have_street},
		{"street-top-locations.csv", datatable_street_top_locations,
		 datatable_hotspots_have_street},
	};
	if (make_dirs(dir) != 0) {
		snprintf(err, errlen, "%s: cannot create: %s", dir, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if ((!tables[i].when || tables[i].when(f)) &&
		    datatable_write(dir, tables[i].name, tables[i].body, f, area, err, errlen) != 0)
			return -1;
	return 0;
}
