/* render/tables/tables_drivers.h - the data tables of the borough profile,
 * drivers of crime and attrition slides (analysis/drivers.h). */
#ifndef JB_TABLES_DRIVERS_H
#define JB_TABLES_DRIVERS_H

#include <stdio.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* Data tables (datatable_fn, listed by their slide kinds, render/slides/kinds.c):
 * profile-deciles.csv   LSOAs by national IMD decile, borough and London;
 * profile-imd.csv       the borough's LSOAs, IMD score, decile, map class;
 * drivers-correlations.csv  the correlations and the domains model;
 * drivers-lsoa.csv      the borough's LSOAs in the scatter;
 * drivers-curves.csv    the fitted curves, borough and London;
 * attrition-stages.csv  outcome stages, borough, rest of London and London;
 * attrition-funnel.csv  funnel levels, borough and London;
 * positive-outcomes.csv rolling 12-month positive outcome rate by month and
 *                       area (long): borough, its similar boroughs, London.
 * Each table's columns are declared beside it (the *_table). */
extern const struct csv_table drivers_deciles_table, drivers_imd_table,
	drivers_correlations_table, drivers_lsoa_table, drivers_curves_table,
	drivers_stages_table, drivers_funnel_table, drivers_po_table;
void drivers_table_deciles(FILE *out, const struct jb_findings *f, int area);
void drivers_table_imd(FILE *out, const struct jb_findings *f, int area);
void drivers_table_correlations(FILE *out, const struct jb_findings *f, int area);
void drivers_table_lsoa(FILE *out, const struct jb_findings *f, int area);
void drivers_table_curves(FILE *out, const struct jb_findings *f, int area);
void drivers_table_stages(FILE *out, const struct jb_findings *f, int area);
void drivers_table_funnel(FILE *out, const struct jb_findings *f, int area);
void drivers_table_positive_outcomes(FILE *out, const struct jb_findings *f, int area);

#endif
