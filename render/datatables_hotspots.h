/* render/datatables_hotspots.h - the hot spot slides' numbers as CSV in
 * OUT/<slug>/data/ (see datatables.h): written from the findings' hot
 * spots as they are. */
#ifndef JB_DATATABLES_HOTSPOTS_H
#define JB_DATATABLES_HOTSPOTS_H

#include <stdio.h>

#include "../analysis/findings.h"

/* hotspots-lsoa.csv: every LSOA of the London-wide study region (the same
 * in every deck): lsoa21cd,name,borough,count,gi_z,p_value,fdr_significant,
 * class (-3..3),class_name. Only the header when Gi* was refused. */
void datatable_hotspots_lsoa(FILE *out, const struct jb_findings *f, int area);
/* emerging-lsoa.csv: every LSOA of the study region: lsoa21cd,name,borough,
 * class,mk_z,mk_p,hot_steps,cold_steps, then z_YYYY-MM per time step. */
void datatable_emerging_lsoa(FILE *out, const struct jb_findings *f, int area);
/* hotspots-grid.csv: the street grid's cells of this borough: cell,x,y
 * (centre, BNG metres),count,gi_z,p_value,fdr_significant,class. */
void datatable_hotspots_grid(FILE *out, const struct jb_findings *f, int area);
/* street-top-locations.csv: rank,location,offences_in_hot_cells. */
void datatable_street_top_locations(FILE *out, const struct jb_findings *f, int area);
/* 1 when street-level data gave the hot spots something (the last two
 * tables are written only then). */
int datatable_hotspots_have_street(const struct jb_findings *f);

#endif
