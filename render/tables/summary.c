/* render/tables/summary.c - see summary.h. Numbers follow the precision rule of
 * util/csvout.h, with no thousands separators, for reuse in a spreadsheet;
 * an empty field means "not available". */
#include "summary.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../analysis/hotspots.h"
#include "../../analysis/drivers.h"
#include "../../util/atomic.h"
#include "../../util/csvout.h"
#include "tables_public.h"
#include "tables_context.h"

static const struct csv_col core_cols[] = {
	{"area_code", "GSS code", "a borough (E09...), or London (E12000007); empty for a group "
				  "of boroughs (--group)"},
	{"area_name", "text", "a borough, London, or the group"},
	{"theme", "text", "the template's theme"},
	{"period_end", "YYYY-MM", "the last month analysed"},
	{"count_last12", "offences", "the theme's offences in the 12 months to period_end"},
	{"count_prev12", "offences", "in the 12 months before those"},
	{"change_pct", "percent", "count_last12 against count_prev12"},
	{"change_p_value", "probability", "exact two-sided binomial test of the change"},
	{"wheeler_z", "z-score", "Wheeler's Z, 2 (sqrt last12 - sqrt prev12)"},
	{"rate_per_1000", "offences per 1,000 residents", "last 12 months, ONS mid-year residents"},
	{"rate_rank", "rank of 32", "1 = the highest rate"},
	{"fall_rank", "rank of 32", "1 = the largest fall (change_pct)"},
	{"rise_rank", "rank of 32", "1 = the largest rise (change_pct)"},
	{"trend_annual_pct", "percent a year", "the Poisson trend's annual change"},
	{"trend_annual_pct_low_95", "percent a year", "lower end of its 95% confidence interval"},
	{"trend_annual_pct_high_95", "percent a year", "upper end of its 95% confidence interval"},
	{"trend_p_value", "probability", "two-sided p of the trend"},
	{"overdispersion", "ratio", "Pearson chi-square over its degrees of freedom"},
	{"exceptions", "months", "months outside the trend's range (|Pearson residual| > 3)"},
	{"mk_z", "z-score", "Mann-Kendall trend test of the monthly counts"},
	{"mk_p_value", "probability", "two-sided p of mk_z"},
	{"population", "people", "residents, ONS mid-year estimate"},
	{"residents_10_17", "people", "residents aged 10-17"},
	{"lsoa_period_end", "YYYY-MM", "the last month of the LSOA-level file analysed"},
	{"lsoa_count_last12", "offences", "the LSOA-level file's offences, last 12 months (leaves "
					  "out crimes without a usable location)"},
	{"hot_lsoas", "LSOAs", "hot spot LSOAs (Gi*, 90% or more)"},
	{"hot_lsoas_fdr05", "LSOAs", "hot spot LSOAs significant after the false discovery rate"},
	{"cold_lsoas", "LSOAs", "cold spot LSOAs"},
	{"persistent_hot_lsoas", "LSOAs", "persistent hot spots (emerging hot spot analysis)"},
	{"intensifying_hot_lsoas", "LSOAs", "intensifying hot spots"},
};

static const struct csv_col drivers_cols[] = {
	{"imd_decile1_share", "fraction 0..1", "share of the area's LSOAs in England's most "
					       "deprived 10%"},
	{"imd_decile1_2_share", "fraction 0..1", "share in the most deprived 20%"},
	{"drivers_rate_ratio_per_10_imd", "ratio", "the rate's multiple per 10 IMD points "
						   "(Poisson regression of LSOA counts)"},
	{"drivers_rate_ratio_low_95", "ratio", "lower end of its 95% confidence interval"},
	{"drivers_rate_ratio_high_95", "ratio", "upper end of its 95% confidence interval"},
	{"attrition_offences", "offences", "data.police.uk crimes with a known outcome stage"},
	{"attrition_chisq", "chi-square", "the borough's stages against the rest of London's"},
	{"attrition_df", "degrees of freedom", "of attrition_chisq"},
	{"attrition_p_value", "probability", "p of attrition_chisq"},
	{"attrition_min_expected", "offences", "the test's smallest expected count (below 5 the "
					       "chi-square approximation is doubtful)"},
	{"positive_outcomes_last12", "outcomes", "positive outcomes, last 12 months (MPS "
						 "dashboard)"},
	{"positive_outcome_offences_last12", "offences", "the offences they are counted against"},
	{"positive_outcomes_pct", "percent", "positive outcomes per 100 of those offences"},
	{"positive_outcomes_rank", "rank of 32", "1 = the highest positive outcome rate"},
};

static const struct csv_table core_table =
	CSV_TABLE("summary.csv", "one borough, London, or the group (--group): every headline "
				 "figure; a group's are those its members' counts and residents "
				 "sum to (the rest empty)", core_cols);
static const struct csv_table drivers_table = CSV_TABLE("summary.csv", "", drivers_cols);

/* The profile, drivers and attrition columns (analysis/drivers.h). */
static void drivers_columns(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	const struct jb_drivers_area *A = d ? &d->area[area] : NULL;
	int model = A && d->has_model && A->curve.ok, street = A && d->has_street;
	csv_fig(out, A ? A->share_d1 : NAN, 0);
	csv_fig(out, A ? A->share_d1_2 : NAN, 0);
	csv_fig(out, model ? A->curve.rr10 : NAN, 0);
	csv_fig(out, model ? A->curve.rr10_lo : NAN, 0);
	csv_fig(out, model ? A->curve.rr10_hi : NAN, 0);
	csv_int(out, street ? A->known : NAN, 0);
	csv_fig(out, street && A->chisq.ok ? A->chisq.stat : NAN, 0);
	csv_int(out, street && A->chisq.ok ? A->chisq.df : NAN, 0);
	csv_fig(out, street && A->chisq.ok ? A->chisq.p : NAN, 0);
	csv_fig(out, street && A->chisq.ok ? A->chisq.min_expected : NAN, 0);
	csv_int(out, A ? A->po_last12 : NAN, 0);
	csv_int(out, A ? A->off_last12 : NAN, 0);
	csv_fig(out, A ? A->po_rate12 : NAN, 0);
	csv_int(out, A && A->po_rank ? A->po_rank : NAN, 0);
}

/* The hot spot counts: the borough's LSOAs, or London's for London; none
 * for a group (its findings do not count them). */
static void hotspot_columns(FILE *out, const struct jb_findings *f, int i)
{
	const struct jb_hotspots *h = i <= JB_LONDON ? f->hot : NULL;
	const struct jb_hot_area *a = h ? &h->area[i] : NULL;
	int gi = h && h->lsoa_ok, emg = h && h->emg_ok;
	csv_int(out, gi ? (double)a->nhot : NAN, 0);
	csv_int(out, gi ? (double)a->nhot_fdr : NAN, 0);
	csv_int(out, gi ? (double)a->ncold : NAN, 0);
	csv_int(out, emg ? (double)a->npersistent : NAN, 0);
	csv_int(out, emg ? (double)a->nintensifying : NAN, 0);
}

static void core_columns(FILE *out, const struct jb_findings *f, int i)
{
	const struct jb_area_findings *a = &f->area[i];
	const struct jb_change *c = &a->change;
	const struct jb_trend *t = &a->trend;
	int lsoa = f->has_lsoa && i <= JB_LONDON; /* a group's LSOAs are not summed */
	csv_text(out, jb_area_gss(f, i), 0);
	csv_text(out, a->name, 0);
	csv_text(out, f->theme->id, 0);
	csv_month(out, f->has_series ? f->period_end : 0, 0);
	csv_int(out, c->ok ? c->a : NAN, 0);
	csv_int(out, c->ok ? c->b : NAN, 0);
	csv_fig(out, c->ok ? c->pct : NAN, 0);
	csv_fig(out, c->ok ? c->p : NAN, 0);
	csv_fig(out, c->ok ? c->wheeler_z : NAN, 0);
	csv_fig(out, a->rate, 0);
	csv_int(out, a->rate_rank ? a->rate_rank : NAN, 0);
	csv_int(out, a->fall_rank ? a->fall_rank : NAN, 0);
	csv_int(out, a->rise_rank ? a->rise_rank : NAN, 0);
	csv_fig(out, t->ok ? t->annual_pct : NAN, 0);
	csv_fig(out, t->ok ? t->annual_lo : NAN, 0);
	csv_fig(out, t->ok ? t->annual_hi : NAN, 0);
	csv_fig(out, t->ok ? t->p : NAN, 0);
	csv_fig(out, t->ok ? t->phi : NAN, 0);
	csv_int(out, t->ok ? (double)t->nexceptions : NAN, 0);
	csv_fig(out, t->mk_ok ? t->mk.z : NAN, 0);
	csv_fig(out, t->mk_ok ? t->mk.p : NAN, 0);
	csv_int(out, a->population > 0 ? a->population : NAN, 0);
	csv_int(out, a->pop_10_17 > 0 ? a->pop_10_17 : NAN, 0);
	csv_month(out, lsoa ? f->lsoa_period_end : 0, 0);
	csv_int(out, lsoa ? a->lsoa_total12 : NAN, 0);
	hotspot_columns(out, f, i);
}

/* summary.csv's columns, in order: each part's declaration and the
 * function writing its fields of one area's row. */
static const struct {
	const struct csv_table *def;
	void (*row)(FILE *out, const struct jb_findings *f, int area);
} parts[] = {
	{&core_table, core_columns},
	{&drivers_table, drivers_columns},
	{&summary_public_table, summary_public_row},
	{&summary_context_table, summary_context_row},
};
enum { NPARTS = sizeof parts / sizeof parts[0] };

const struct csv_table *summary_part(size_t i)
{
	return i < NPARTS ? parts[i].def : NULL;
}

static void summary_body(FILE *out, const struct jb_findings *f)
{
	const struct csv_table *defs[NPARTS];
	for (size_t k = 0; k < NPARTS; k++)
		defs[k] = parts[k].def;
	csv_header_parts(out, defs, NPARTS);
	for (int i = 0; i <= JB_NBOROUGHS; i++)
		for (size_t k = 0; k < NPARTS; k++)
			parts[k].row(out, f, i);
	if (!f->has_group)
		return;
	/* the group: the core figures its findings hold, the other parts'
	 * fields empty (made for one borough, they are not in its pack) */
	core_columns(out, f, JB_GROUP);
	for (size_t k = 1; k < NPARTS; k++)
		for (size_t c = 0; c < parts[k].def->ncols; c++)
			csv_text(out, NULL, k + 1 == NPARTS && c + 1 == parts[k].def->ncols);
}

static const struct csv_col dashboard_cols[] = {
	{"area_code", "GSS code", "a borough (E09...), or London (E12000007); empty for a group "
				  "of boroughs (--group)"},
	{"area_name", "text", "a borough, London, or the group"},
	{"measure", "text", "the MPS dashboard measure (the theme's dashboard subtypes)"},
	{"count_last12", "offences or victims", "the measure over the 12 months to period_end"},
	{"count_prev12", "offences or victims", "over the 12 months before those"},
	{"change_pct", "percent", "count_last12 against count_prev12"},
};
const struct csv_table dashboard_table =
	CSV_TABLE("dashboard.csv", "one MPS dashboard measure of the theme in one area (long); "
				   "a group's are its members' sums",
		  dashboard_cols);

static void dashboard_body(FILE *out, const struct jb_findings *f)
{
	csv_header(out, &dashboard_table);
	for (int i = 0; i <= jb_last_area(f); i++) {
		const struct jb_area_findings *a = &f->area[i];
		/* as many as the findings keep (the loader allows no more) */
		size_t max = sizeof a->dash_last12 / sizeof a->dash_last12[0];
		for (size_t k = 0; k < f->theme->ndash && k < max; k++) {
			csv_text(out, jb_area_gss(f, i), 0);
			csv_text(out, a->name, 0);
			csv_text(out, f->theme->dash_subtypes[k], 0);
			csv_int(out, a->dash_last12[k], 0);
			csv_int(out, a->dash_prev12[k], 0);
			csv_fig(out, a->dash_pct[k], 1);
		}
	}
}

/* path, written atomically by body. */
static int write_table(const char *path, void (*body)(FILE *, const struct jb_findings *),
		       const struct jb_findings *f, char *err, size_t errlen)
{
	struct atomic_file af;
	FILE *out = atomic_open(&af, path);
	if (!out) {
		atomic_error(err, errlen, path);
		return -1;
	}
	body(out, f);
	if (atomic_commit(&af) != 0) {
		atomic_error(err, errlen, path);
		return -1;
	}
	return 0;
}

int summary_write(const struct jb_findings *f, const char *path, char *err, size_t errlen)
{
	return write_table(path, summary_body, f, err, errlen);
}

int summary_dashboard_write(const struct jb_findings *f, const char *path, char *err,
			    size_t errlen)
{
	return write_table(path, dashboard_body, f, err, errlen);
}
