/* render/slides_drivers.h - the borough profile and deprivation, drivers of
 * crime and attrition slides, and their data tables. Numbers come from the
 * findings (analysis/drivers.h), words from the template. */
#ifndef JB_SLIDES_DRIVERS_H
#define JB_SLIDES_DRIVERS_H

#include <stdio.h>

#include "deck.h"

void layout_profile(struct dl_page *p, const struct slide_ctx *c);
void layout_drivers(struct dl_page *p, const struct slide_ctx *c);
void layout_attrition(struct dl_page *p, const struct slide_ctx *c);

/* Data tables (datatable_fn, listed in render/datatables.c):
 * profile-deciles.csv   LSOAs by national IMD decile, borough and London;
 * profile-imd.csv       the borough's LSOAs, IMD score, decile, map class;
 * drivers-correlations.csv  the correlations and the domains model;
 * drivers-lsoa.csv      the borough's LSOAs in the scatter;
 * drivers-curves.csv    the fitted curves, borough and London;
 * attrition-stages.csv  outcome stages and funnel levels, borough, rest of
 *                       London and London, with the chi-square test;
 * positive-outcomes.csv rolling 12-month positive outcome rate by month,
 *                       borough, its similar boroughs and London. */
void drivers_table_deciles(FILE *out, const struct jb_findings *f, int area);
void drivers_table_imd(FILE *out, const struct jb_findings *f, int area);
void drivers_table_correlations(FILE *out, const struct jb_findings *f, int area);
void drivers_table_lsoa(FILE *out, const struct jb_findings *f, int area);
void drivers_table_curves(FILE *out, const struct jb_findings *f, int area);
void drivers_table_stages(FILE *out, const struct jb_findings *f, int area);
void drivers_table_positive_outcomes(FILE *out, const struct jb_findings *f, int area);

#endif
