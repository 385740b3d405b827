/* render/tables/datatables_hotspots.c - see datatables_hotspots.h. */
#include "datatables_hotspots.h"

#include <math.h>
#include <stdio.h>

#include "../../analysis/hotspots.h"
#include "../../util/csvout.h"

int datatable_hotspots_have_street(const struct jb_findings *f)
{
	return f->hot && f->hot->has_street;
}

/* The columns naming an LSOA and its borough, shared by the LSOA tables. */
#define LSOA_COLS                                                                            \
	{"lsoa21cd", "GSS code", "LSOA (2021) code"}, {"lsoa21nm", "text", "LSOA (2021) name"}, \
	{"borough_code", "GSS code", "the LSOA's borough"},                                   \
	{"borough_name", "text", "the LSOA's borough"}

static void lsoa_fields(FILE *out, const struct jb_lsoa *L)
{
	csv_text(out, L->code, 0);
	csv_text(out, L->name, 0);
	csv_text(out, jb_boroughs[L->borough].code, 0);
	csv_text(out, jb_boroughs[L->borough].name, 0);
}

static const struct csv_col lsoa_cols[] = {
	LSOA_COLS,
	{"count_last12", "offences", "the theme's offences in the last 12 months of the LSOA file"},
	{"gi_z", "z-score", "Getis-Ord Gi* over all LSOAs of the 32 boroughs"},
	{"p_value", "probability", "two-sided p of gi_z"},
	{"fdr_significant", "0/1", "1: significant at 95% after the Benjamini-Hochberg false "
				   "discovery rate"},
	{"class", "-3..3", "hot (1..3) or cold (-1..-3) spot at 90/95/99% confidence; 0 not "
			   "significant"},
	{"class_name", "text", "class in words"},
};
const struct csv_table hotspots_lsoa_table =
	CSV_TABLE("<slug>/data/hotspots-lsoa.csv",
		  "one LSOA of the London-wide study region (the same file in every deck)", lsoa_cols);

void datatable_hotspots_lsoa(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_hotspots *h = f->hot;
	csv_header(out, &hotspots_lsoa_table);
	for (size_t u = 0; h && h->lsoa_ok && u < h->nunits; u++) {
		lsoa_fields(out, &f->ds->lsoa[h->unit_lsoa[u]]);
		csv_int(out, h->x[u], 0);
		csv_fig(out, h->gi.z[u], 0);
		csv_fig(out, h->gi.p[u], 0);
		fprintf(out, "%d,%d,", h->gi.fdr[u], h->gi.cls[u]);
		csv_text(out, jb_hot_class_name(h->gi.cls[u]), 1);
	}
}

static const struct csv_col emerging_cols[] = {
	LSOA_COLS,
	{"class", "text", "emerging hot spot class (ESRI's names), from the Gi* of each time step"},
	{"mk_z", "z-score", "Mann-Kendall trend of the LSOA's Gi* z-scores over the time steps"},
	{"mk_p", "probability", "two-sided p of mk_z"},
	{"hot_steps", "time steps", "time steps in which the LSOA was a hot spot"},
	{"cold_steps", "time steps", "time steps in which the LSOA was a cold spot"},
};
const struct csv_table emerging_lsoa_table =
	CSV_TABLE("<slug>/data/emerging-lsoa.csv",
		  "one LSOA of the study region: its emerging hot spot class (the same file in "
		  "every deck; the z-score of each time step is in emerging-lsoa-steps.csv)",
		  emerging_cols);

void datatable_emerging_lsoa(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_hotspots *h = f->hot;
	int ok = h && h->emg_ok;
	csv_header(out, &emerging_lsoa_table);
	for (size_t u = 0; ok && u < h->nunits; u++) {
		lsoa_fields(out, &f->ds->lsoa[h->unit_lsoa[u]]);
		csv_text(out, jb_emerging_names[h->emg[u]], 0);
		csv_fig(out, h->mk_z[u], 0);
		csv_fig(out, h->mk_p[u], 0);
		fprintf(out, "%d,%d\n", h->hot_steps[u], h->cold_steps[u]);
	}
}

static const struct csv_col steps_cols[] = {
	{"lsoa21cd", "GSS code", "LSOA (2021) code (named in emerging-lsoa.csv)"},
	{"step_first_month", "YYYY-MM", "first month of the time step"},
	{"step_last_month", "YYYY-MM", "last month of the time step"},
	{"gi_z", "z-score", "Getis-Ord Gi* of the LSOA's offences in the time step"},
	{"class", "-3..3", "hot (1..3) or cold (-1..-3) spot in the time step; 0 not significant"},
};
const struct csv_table emerging_steps_table =
	CSV_TABLE("<slug>/data/emerging-lsoa-steps.csv",
		  "one LSOA in one time step of the emerging hot spot analysis (the same file in "
		  "every deck)",
		  steps_cols);

void datatable_emerging_steps(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_hotspots *h = f->hot;
	int ok = h && h->emg_ok;
	size_t T = ok ? h->nsteps : 0;
	csv_header(out, &emerging_steps_table);
	for (size_t u = 0; ok && u < h->nunits; u++)
		for (size_t s = 0; s < T; s++) {
			int first = h->step_first + (int)s * h->step_months;
			csv_text(out, f->ds->lsoa[h->unit_lsoa[u]].code, 0);
			csv_month(out, first, 0);
			csv_month(out, first + h->step_months - 1, 0);
			csv_fig(out, h->step_z[u * T + s], 0);
			fprintf(out, "%d\n", h->step_cls[u * T + s]);
		}
}

static const struct csv_col grid_cols[] = {
	{"cell", "number", "the cell's number in London's street grid (row by row from the "
			   "south-west)"},
	{"x_bng_m", "metres", "the cell's centre, British National Grid easting"},
	{"y_bng_m", "metres", "the cell's centre, British National Grid northing"},
	{"count", "offences", "the theme's street-level incidents in the cell"},
	{"gi_z", "z-score", "Getis-Ord Gi* over London's grid"},
	{"p_value", "probability", "two-sided p of gi_z"},
	{"fdr_significant", "0/1", "1: significant at 95% after the false discovery rate"},
	{"class", "-3..3", "hot (1..3) or cold (-1..-3) cell at 90/95/99%; 0 not significant"},
};
const struct csv_table hotspots_grid_table =
	CSV_TABLE("<slug>/data/hotspots-grid.csv",
		  "one cell of the street-level grid in the borough (with street-level data only)",
		  grid_cols);

void datatable_hotspots_grid(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_hotspots *h = f->hot;
	csv_header(out, &hotspots_grid_table);
	if (!h || !h->grid_ok)
		return;
	for (size_t u = 0; u < h->gnb.n; u++) {
		if (h->gborough[u] != area)
			continue;
		size_t c = h->gnb.id[u];
		double x = h->grid.x0 + ((double)(c % h->grid.nx) + 0.5) * h->grid.cell;
		double y = h->grid.y0 + ((double)(c / h->grid.nx) + 0.5) * h->grid.cell;
		fprintf(out, "%zu,", c);
		csv_fig(out, x, 0);
		csv_fig(out, y, 0);
		csv_int(out, h->gx[u], 0);
		csv_fig(out, h->ggi.z[u], 0);
		csv_fig(out, h->ggi.p[u], 0);
		fprintf(out, "%d,%d\n", h->ggi.fdr[u], h->ggi.cls[u]);
	}
}

static const struct csv_col top_cols[] = {
	{"rank", "rank", "1 = the most offences"},
	{"location", "text", "data.police.uk's anonymised location (\"On or near ...\")"},
	{"offences_in_hot_cells", "offences", "the theme's incidents there, in hot cells"},
};
const struct csv_table street_top_table =
	CSV_TABLE("<slug>/data/street-top-locations.csv",
		  "one of the borough's commonest street-level locations in hot cells", top_cols);

void datatable_street_top_locations(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_hotspots *h = f->hot;
	csv_header(out, &street_top_table);
	if (!h || area < 0 || area >= JB_NBOROUGHS)
		return;
	const struct jb_hot_area *a = &h->area[area];
	for (size_t k = 0; k < a->ntop_loc; k++) {
		fprintf(out, "%zu,", k + 1);
		csv_text(out, f->ds->street.locations[a->top_loc[k]], 0);
		csv_int(out, a->top_loc_n[k], 1);
	}
}
