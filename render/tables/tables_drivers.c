/* render/tables/tables_drivers.c - see tables_drivers.h. */
#include "tables_drivers.h"

#include <math.h>
#include <stdio.h>

#include "../../analysis/drivers.h"
#include "../../util/csvout.h"
#include "datatables.h"

/* The deck's area and London: the rows of the tables that compare them. */
static void area_and_london(int area, int *who, int *n)
{
	*n = 0;
	who[(*n)++] = area;
	if (area != JB_LONDON)
		who[(*n)++] = JB_LONDON;
}


static const struct csv_col deciles_cols[] = {
	{"imd_decile", "1..10", "IMD decile, 1 = the most deprived 10% of England's LSOAs"},
	DATATABLE_AREA_COLS,
	{"lsoas", "LSOAs", "the area's LSOAs in the decile"},
	{"lsoas_share", "fraction 0..1", "their share of the area's LSOAs"},
};
const struct csv_table drivers_deciles_table =
	CSV_TABLE("<slug>/data/profile-deciles.csv", "one IMD decile in the borough or in London",
		  deciles_cols);

void drivers_table_deciles(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	int who[2], n;
	area_and_london(area, who, &n);
	csv_header(out, &drivers_deciles_table);
	for (int k = 0; d && d->has_imd && k < 10; k++)
		for (int w = 0; w < n; w++) {
			fprintf(out, "%d,", k + 1);
			datatable_area(out, f, who[w]);
			csv_int(out, d->area[who[w]].decile_n[k], 0);
			csv_fig(out, d->area[who[w]].decile_share[k], 1);
		}
}

static const struct csv_col imd_cols[] = {
	{"lsoa21cd", "GSS code", "LSOA (2021) code"},
	{"lsoa21nm", "text", "LSOA (2021) name"},
	{"imd_score", "IMD score", "Index of Multiple Deprivation score, as published"},
	{"imd_rank", "rank", "IMD rank in England, 1 = the most deprived"},
	{"imd_decile", "1..10", "IMD decile in England, 1 = the most deprived"},
	{"map_class", "1..5", "the deprivation map's class (London-wide breaks)"},
};
const struct csv_table drivers_imd_table =
	CSV_TABLE("<slug>/data/profile-imd.csv", "one LSOA of the deck's borough", imd_cols);

void drivers_table_imd(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_dataset *ds = f->ds;
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_imd_table);
	for (size_t l = 0; d && l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (L->borough != area || !L->imd.has)
			continue;
		csv_text(out, L->code, 0);
		csv_text(out, L->name, 0);
		csv_as_read(out, L->imd.score, 0);
		csv_int(out, L->imd.rank ? L->imd.rank : NAN, 0);
		csv_int(out, L->imd.decile ? L->imd.decile : NAN, 0);
		csv_int(out, d->lsoa_imd_class[l] >= 0 ? d->lsoa_imd_class[l] + 1 : NAN, 1);
	}
}

static const struct csv_col corr_cols[] = {
	{"measure", "text", "the IMD score, or one of its domains"},
	{"n", "LSOAs", "LSOAs in the correlation and the model"},
	{"spearman_rho", "correlation -1..1", "Spearman's rank correlation with the LSOA rates"},
	{"spearman_p", "probability", "two-sided p of spearman_rho"},
	{"pearson_r", "correlation -1..1", "Pearson's correlation with the LSOA rates"},
	{"pearson_p", "probability", "two-sided p of pearson_r"},
	{"glm_coef", "log rate per unit of score", "Poisson regression coefficient of the domain "
						   "(all domains but crime together, offset log "
						   "residents)"},
	{"glm_se", "log rate per unit of score", "its standard error, overdispersion-scaled"},
	{"score_sd", "domain score", "standard deviation of the domain score over the LSOAs"},
	{"rate_ratio_per_sd", "ratio", "exp(glm_coef x score_sd): the rate's multiple per "
				       "standard deviation of the domain"},
	{"rate_ratio_low_95", "ratio", "lower end of its 95% confidence interval"},
	{"rate_ratio_high_95", "ratio", "upper end of its 95% confidence interval"},
	{"rate_ratio_p", "probability", "two-sided p of glm_coef"},
};
const struct csv_table drivers_correlations_table =
	CSV_TABLE("<slug>/data/drivers-correlations.csv",
		  "one deprivation measure against the LSOA rates of all 32 boroughs", corr_cols);

void drivers_table_correlations(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_correlations_table);
	for (int v = 0; d && d->has_model && v < JB_DRV_NVARS; v++) {
		int k = v - 1, m = v > 0 && d->glm.ok;
		csv_text(out, d->var_names[v], 0);
		fprintf(out, "%zu,", d->n);
		csv_fig(out, d->spearman[v].r, 0);
		csv_fig(out, d->spearman[v].p, 0);
		csv_fig(out, d->pearson[v].r, 0);
		csv_fig(out, d->pearson[v].p, 0);
		csv_fig(out, m ? d->glm.coef[v] : NAN, 0);
		csv_fig(out, m ? d->glm.se[v] : NAN, 0);
		csv_fig(out, v > 0 ? d->dom_sd[k] : NAN, 0);
		csv_fig(out, m ? d->rr_sd[k] : NAN, 0);
		csv_fig(out, m ? d->rr_lo[k] : NAN, 0);
		csv_fig(out, m ? d->rr_hi[k] : NAN, 0);
		csv_fig(out, m ? d->rr_p[k] : NAN, 1);
	}
}

static const struct csv_col drv_lsoa_cols[] = {
	{"lsoa21cd", "GSS code", "LSOA (2021) code"},
	{"lsoa21nm", "text", "LSOA (2021) name"},
	{"imd_score", "IMD score", "Index of Multiple Deprivation score, as published"},
	{"count_last12", "offences", "the theme's offences in the last 12 months of the LSOA file"},
	{"residents", "people", "Census 2021 usual residents"},
	{"rate_per_1000", "offences per 1,000 residents", "count_last12 per 1,000 residents"},
	{"above_scale", "0/1", "1: drawn at the scatter's top edge (rate above its scale)"},
};
const struct csv_table drivers_lsoa_table =
	CSV_TABLE("<slug>/data/drivers-lsoa.csv", "one LSOA of the deck's borough",
		  drv_lsoa_cols);

void drivers_table_lsoa(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_dataset *ds = f->ds;
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_lsoa_table);
	for (size_t l = 0; d && d->has_model && l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (L->borough != area || !isfinite(d->lsoa_rate[l]))
			continue;
		csv_text(out, L->code, 0);
		csv_text(out, L->name, 0);
		csv_as_read(out, L->imd.score, 0);
		csv_int(out, f->lsoa[l].count12, 0);
		csv_int(out, L->residents, 0);
		csv_fig(out, d->lsoa_rate[l], 0);
		fprintf(out, "%d\n", d->lsoa_rate[l] > d->rate_cap);
	}
}

static const struct csv_col curves_cols[] = {
	DATATABLE_AREA_COLS,
	{"imd_score", "IMD score", "a point along the curve"},
	{"fitted_rate_per_1000", "offences per 1,000 residents", "the fitted rate at imd_score"},
	{"b0", "log rate", "intercept of the Poisson regression of LSOA counts on the IMD score"},
	{"b1", "log rate per IMD point", "its slope"},
	{"se_b1", "log rate per IMD point", "standard error of b1, overdispersion-scaled"},
	{"rate_ratio_per_10", "ratio", "exp(10 b1): the rate's multiple per 10 IMD points"},
	{"rate_ratio_per_10_low_95", "ratio", "lower end of its 95% confidence interval"},
	{"rate_ratio_per_10_high_95", "ratio", "upper end of its 95% confidence interval"},
};
const struct csv_table drivers_curves_table =
	CSV_TABLE("<slug>/data/drivers-curves.csv",
		  "one point of the fitted rate-deprivation curve of the borough or of London",
		  curves_cols);

void drivers_table_curves(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	int who[2], n;
	area_and_london(area, who, &n);
	csv_header(out, &drivers_curves_table);
	for (int w = 0; d && d->has_model && w < n; w++) {
		const struct jb_curve *cv = &d->area[who[w]].curve;
		for (int k = 0; cv->ok && k < JB_CURVE_POINTS; k++) {
			datatable_area(out, f, who[w]);
			csv_fig(out, cv->x[k], 0);
			csv_fig(out, cv->rate[k], 0);
			csv_fig(out, cv->b0, 0);
			csv_fig(out, cv->b1, 0);
			csv_fig(out, cv->se_b1, 0);
			csv_fig(out, cv->rr10, 0);
			csv_fig(out, cv->rr10_lo, 0);
			csv_fig(out, cv->rr10_hi, 1);
		}
	}
}

static const struct csv_col stages_cols[] = {
	{"stage", "text", "the last outcome's stage, or why a crime has none"},
	{"staged", "0/1", "1: a stage of the chi-square test; 0: left out of it"},
	{"borough_offences", "offences", "the deck's borough's street-level crimes"},
	{"rest_of_london_offences", "offences", "the other 31 boroughs' (staged rows only)"},
	{"london_offences", "offences", "the 32 boroughs'"},
};
const struct csv_table drivers_stages_table =
	CSV_TABLE("<slug>/data/attrition-stages.csv",
		  "one outcome stage of data.police.uk crimes (the chi-square test of the borough "
		  "against the rest of London is in summary.csv)",
		  stages_cols);

static void stage_row(FILE *out, const char *name, int staged, double borough, double rest,
		      double london)
{
	csv_text(out, name, 0);
	fprintf(out, "%d,", staged);
	csv_int(out, borough, 0);
	csv_int(out, rest, 0);
	csv_int(out, london, 1);
}

void drivers_table_stages(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	csv_header(out, &drivers_stages_table);
	if (!d || !d->has_street)
		return;
	const struct jb_drivers_area *A = &d->area[area], *L = &d->area[JB_LONDON];
	for (int k = 0; k < JB_NSTAGES; k++)
		stage_row(out, jb_stage_names[k], 1, A->stage_n[k], A->rest_n[k], L->stage_n[k]);
	/* the test's second row is for the stages only */
	stage_row(out, "no outcome or status unavailable", 0, A->unknown, NAN, L->unknown);
	stage_row(out, "outcome not in the mapping", 0, A->unmapped, NAN, L->unmapped);
}

static const struct csv_col funnel_cols[] = {
	{"level", "text", "a level of the attrition funnel"},
	DATATABLE_AREA_COLS,
	{"offences_share", "fraction 0..1", "the share of the area's staged crimes reaching it"},
};
const struct csv_table drivers_funnel_table =
	CSV_TABLE("<slug>/data/attrition-funnel.csv",
		  "one level of the attrition funnel, for the borough or London", funnel_cols);

void drivers_table_funnel(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	int who[2], n;
	area_and_london(area, who, &n);
	csv_header(out, &drivers_funnel_table);
	for (int k = 0; d && d->has_street && k < JB_FUNNEL_LEVELS; k++)
		for (int w = 0; w < n; w++) {
			csv_text(out, jb_funnel_names[k], 0);
			datatable_area(out, f, who[w]);
			csv_fig(out, d->area[who[w]].funnel[k], 1);
		}
}

static const struct csv_col po_cols[] = {
	{"month", "YYYY-MM", "the last month of the 12 summed"},
	{"area_code", "GSS code", "the borough, a similar borough, or London (E12000007)"},
	{"area_name", "text", "the borough, a similar borough, or London"},
	{"role", "text", "borough (the deck's), similar (one of its five most similar), chosen (one "
			 "the analyst chose to compare with) or london"},
	{"positive_outcomes_pct", "percent", "positive outcomes as a percentage of the theme's "
					     "offences, over the 12 months to month (MPS "
					     "dashboard)"},
};
const struct csv_table drivers_po_table =
	CSV_TABLE("<slug>/data/positive-outcomes.csv",
		  "one area in one month (long: the deck's borough, its similar boroughs, London)",
		  po_cols);

void drivers_table_positive_outcomes(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	const struct jb_area_findings *me = &f->area[area];
	int areas[JB_MAX_COMPARATORS + 2], na = 0; /* the borough, them, London */
	areas[na++] = area;
	for (int k = 0; k < me->ncomparators; k++)
		areas[na++] = me->comparators[k];
	if (area != JB_LONDON)
		areas[na++] = JB_LONDON;
	csv_header(out, &drivers_po_table);
	for (size_t i = 0; d && d->has_po && i < d->po_n; i++)
		for (int k = 0; k < na; k++) {
			int a = areas[k];
			csv_month(out, d->po_first + (int)i, 0);
			datatable_area(out, f, a);
			csv_text(out, a == JB_LONDON		? "london"
				      : k == 0			? "borough"
				      : me->comparator_chosen[k - 1] ? "chosen"
								: "similar",
				 0);
			csv_fig(out, d->area[a].po_rolling[i], 1);
		}
}
