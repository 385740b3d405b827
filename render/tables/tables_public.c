/* render/tables/tables_public.c - see tables_public.h. */
#include "tables_public.h"

#include <math.h>
#include <stdio.h>

#include "../../analysis/confidence.h"
#include "../../analysis/homicide.h"
#include "../../util/csvout.h"
#include "datatables.h"

static const struct csv_col confidence_cols[] = {
	DATATABLE_AREA_COLS,
	{"measure", "text", "the Public Attitudes Survey measure, as MOPAC publishes it"},
	{"quarter_end", "YYYY-MM", "the last month of the rolling 12 months"},
	{"value_share", "fraction 0..1", "the area's share of residents agreeing, as published"},
	{"london_share", "fraction 0..1", "London's (the export's MPS figure), as published"},
	{"rank", "rank of 32", "1 = the highest; in the quarter used only"},
	{"quarter_used", "0/1", "1: the latest quarter at or before the period, the slide's"},
	{"change_4_quarters_share", "fraction 0..1", "value_share minus four quarters before "
						     "(quarter used only)"},
	{"london_change_4_quarters_share", "fraction 0..1", "the same for London"},
	{"longest_run_below_london", "quarters", "the longest unbroken run below London, to the "
						  "quarter used"},
	{"run_ends", "YYYY-MM", "the last quarter of that run"},
};
const struct csv_table confidence_table = CSV_TABLE(
	"<slug>/data/confidence.csv", "one survey measure in one quarter (long)", confidence_cols);

void table_confidence(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_confidence *k = f->confidence;
	csv_header(out, &confidence_table);
	for (size_t i = 0; k && k->ok && i < k->nm; i++) {
		const struct jb_conf_measure *m = &k->m[i];
		for (int q = 0; q <= m->latest; q++) {
			int used = q == m->latest, b = area < JB_NBOROUGHS;
			datatable_area(out, f, area);
			csv_text(out, m->name, 0);
			csv_month(out, m->month[q], 0);
			csv_as_read(out, jb_conf_value(m, area, q), 0);
			csv_as_read(out, jb_conf_value(m, JB_LONDON, q), 0);
			csv_int(out, used && b && m->rank[area] ? m->rank[area] : NAN, 0);
			csv_int(out, used, 0);
			csv_fig(out, used ? m->change[area] : NAN, 0);
			csv_fig(out, used ? m->change[JB_LONDON] : NAN, 0);
			csv_int(out, used && b ? m->below_run[area] : NAN, 0);
			csv_month(out, used && b ? m->below_run_end[area] : 0, 1);
		}
	}
}

static const struct csv_col homicide_cols[] = {
	DATATABLE_AREA_COLS,
	{"year", "calendar year", "year the homicide was recorded"},
	{"victims", "victims", "homicide victims (Count of Victims)"},
	{"victims_13_24", "victims", "of them, aged 13-24 (the 13-19 and 20-24 groups)"},
	{"victims_knife", "victims", "of them, killed with a knife or sharp instrument"},
};
const struct csv_table homicide_table = CSV_TABLE(
	"<slug>/data/homicide.csv", "one calendar year in the deck's borough or London (long)",
	homicide_cols);

void table_homicide(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_homicide_findings *h = f->homicide;
	csv_header(out, &homicide_table);
	const int areas[2] = {area, JB_LONDON};
	for (int k = 0; h && h->ok && k < (area == JB_LONDON ? 1 : 2); k++)
		for (int y = 0; y < h->nyears; y++) {
			datatable_area(out, f, areas[k]);
			csv_int(out, h->first_year + y, 0);
			for (int m = 0; m < JB_HOM_NMEASURES; m++)
				csv_int(out, h->area[areas[k]].per_year[m][y], m + 1 == JB_HOM_NMEASURES);
		}
}

/* ---- summary.csv ---- */

static const struct csv_col summary_public_cols[] = {
	{"confidence_quarter_end", "YYYY-MM", "the Public Attitudes Survey quarter used"},
	{"confidence_good_job_share", "fraction 0..1", "\"Good Job\" local: the area's share, as published"},
	{"confidence_good_job_london_share", "fraction 0..1", "\"Good Job\" local: London's, as published"},
	{"confidence_good_job_rank", "rank of 32", "1 = the highest"},
	{"confidence_good_job_change_share", "fraction 0..1", "change on four quarters before"},
	{"confidence_headline_measure", "text", "the measure furthest from London"},
	{"confidence_headline_gap_share", "fraction 0..1", "the area minus London there"},
	{"homicide_first_year", "calendar year", "first complete year of the homicide file"},
	{"homicide_last_year", "calendar year", "last complete year used"},
	{"homicide_victims_last3", "victims", "homicide victims, the last 3 years"},
	{"homicide_victims_13_24_last3", "victims", "of them aged 13-24"},
	{"homicide_victims_knife_last3", "victims", "of them killed with a knife or sharp instrument"},
	{"homicide_rate_per_100000_last5", "victims a year per 100,000 residents", "last 5 years"},
	{"homicide_rank_last5", "rank of 32", "1 = the highest rate"},
	{"homicide_13_24_rate_per_100000_last5", "victims a year per 100,000 residents aged 10-24",
	 "victims aged 13-24, last 5 years"},
	{"homicide_13_24_rank_last5", "rank of 32", "1 = the highest rate"},
	{"homicide_last3_vs_prev3_p_value", "probability", "exact Poisson test of the last 3 years "
							   "against the 3 before; empty when too "
							   "few to compare"},
};
const struct csv_table summary_public_table =
	CSV_TABLE("summary.csv", "", summary_public_cols);

void summary_public_row(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_confidence *k = f->confidence;
	const struct jb_conf_measure *gj = k && k->ok && k->good_job >= 0 ? &k->m[k->good_job] : NULL;
	int b = area < JB_NBOROUGHS;
	csv_month(out, k && k->ok ? k->latest_month : 0, 0);
	csv_as_read(out, gj ? gj->value[area] : NAN, 0);
	csv_as_read(out, gj ? gj->value[JB_LONDON] : NAN, 0);
	csv_int(out, gj && b && gj->rank[area] ? gj->rank[area] : NAN, 0);
	csv_fig(out, gj ? gj->change[area] : NAN, 0);
	int hl = k && b ? k->area[area].headline : -1;
	csv_text(out, hl >= 0 ? k->m[hl].name : NULL, 0);
	csv_fig(out, hl >= 0 ? k->area[area].gap : NAN, 0);
	const struct jb_homicide_findings *h = f->homicide;
	const struct jb_hom_area *a = h && h->ok ? &h->area[area] : NULL;
	csv_int(out, a ? h->first_year : NAN, 0);
	csv_int(out, a ? h->last_year : NAN, 0);
	csv_int(out, a ? a->total[JB_HOM_ALL][JB_HOM_LAST3] : NAN, 0);
	csv_int(out, a ? a->total[JB_HOM_YOUTH][JB_HOM_LAST3] : NAN, 0);
	csv_int(out, a ? a->total[JB_HOM_KNIFE][JB_HOM_LAST3] : NAN, 0);
	csv_fig(out, a ? a->rate[JB_HOM_ALL][JB_HOM_LAST5] : NAN, 0);
	csv_int(out, a && b && a->rank[JB_HOM_ALL][JB_HOM_LAST5] ? a->rank[JB_HOM_ALL][JB_HOM_LAST5]
								  : NAN,
		0);
	csv_fig(out, a ? a->rate[JB_HOM_YOUTH][JB_HOM_LAST5] : NAN, 0);
	csv_int(out, a && b && a->rank[JB_HOM_YOUTH][JB_HOM_LAST5]
			     ? a->rank[JB_HOM_YOUTH][JB_HOM_LAST5]
			     : NAN,
		0);
	csv_fig(out, a && a->cmp[JB_HOM_ALL].ok ? a->cmp[JB_HOM_ALL].p : NAN, 0);
}
