/* render/tables/datatables_hotspots.h - the hot spot slides' numbers as CSV in
 * OUT/<slug>/data/ (see datatables.h): written from the findings' hot
 * spots as they are. Each table's columns are declared beside it (the
 * *_table below, util/csvout.h). */
#ifndef JB_DATATABLES_HOTSPOTS_H
#define JB_DATATABLES_HOTSPOTS_H

#include <stdio.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* hotspots-lsoa.csv: every LSOA of the London-wide study region (the same
 * in every deck), its Gi* and class. Only the header when Gi* was refused. */
extern const struct csv_table hotspots_lsoa_table;
void datatable_hotspots_lsoa(FILE *out, const struct jb_findings *f, int area);
/* emerging-lsoa.csv: every LSOA of the study region and its emerging hot
 * spot class; emerging-lsoa-steps.csv: its z-score in each time step
 * (long: one row per LSOA and step). */
extern const struct csv_table emerging_lsoa_table, emerging_steps_table;
void datatable_emerging_lsoa(FILE *out, const struct jb_findings *f, int area);
void datatable_emerging_steps(FILE *out, const struct jb_findings *f, int area);
/* hotspots-grid.csv: the street grid's cells of this borough. */
extern const struct csv_table hotspots_grid_table;
void datatable_hotspots_grid(FILE *out, const struct jb_findings *f, int area);
/* street-top-locations.csv. */
extern const struct csv_table street_top_table;
void datatable_street_top_locations(FILE *out, const struct jb_findings *f, int area);
/* 1 when street-level data gave the hot spots something (the last two
 * tables are written only then). */
int datatable_hotspots_have_street(const struct jb_findings *f);

#endif
