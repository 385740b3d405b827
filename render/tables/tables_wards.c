/* render/tables/tables_wards.c - see tables_wards.h. */
#include "tables_wards.h"

#include <math.h>

#include "../../analysis/wards.h"

static const struct csv_col wards_cols[] = {
	DATATABLE_AREA_COLS,
	{"borough_code", "GSS code", "the ward's borough"},
	{"ward_code", "GSS code", "the ward (2022 wards, E05...)"},
	{"ward_name", "text", "the ward, as the MPS ward-level file names it"},
	{"first_month", "YYYY-MM", "first month counted"},
	{"last_month", "YYYY-MM", "last month counted"},
	{"offences", "offences", "the theme's offences in those 12 months (ward-level file)"},
	{"rank", "rank", "1 = the most offences of the area's wards (ties share a rank)"},
	{"share_pct", "percent", "share of the area's ward-level offences"},
};
const struct csv_table wards_table = CSV_TABLE(
	"<slug>/data/wards.csv", "one ward of the deck's borough (or group), most offences first",
	wards_cols);

void table_wards(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_ward_findings *w = f->wards;
	csv_header(out, &wards_table);
	if (!w || !w->ok || area == JB_LONDON)
		return;
	const struct jb_ward_area *wa = &w->area[area];
	for (int i = 0; i < wa->nwards; i++) {
		const struct jb_ward *wd = &f->ds->ward[wa->order[i]];
		datatable_area(out, f, area);
		csv_text(out, wd->borough >= 0 ? jb_boroughs[wd->borough].code : "", 0);
		csv_text(out, wd->code, 0);
		csv_text(out, wd->name ? wd->name : "", 0);
		csv_month(out, w->first, 0);
		csv_month(out, w->last, 0);
		csv_int(out, w->count12[wa->order[i]], 0);
		csv_int(out, wa->rank[i], 0);
		csv_fig(out, wa->share[i], 1);
	}
}
