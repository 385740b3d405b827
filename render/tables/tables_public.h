/* render/tables/tables_public.h - the data tables and summary.csv columns of the
 * public confidence and homicide slides (analysis/confidence.h,
 * analysis/homicide.h). */
#ifndef JB_TABLES_PUBLIC_H
#define JB_TABLES_PUBLIC_H

#include <stdio.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* Data tables (datatable_fn, listed by their slide kinds, render/slides/kinds.c), their columns
 * declared beside them:
 * confidence.csv  every survey measure and quarter: the area, London, and
 *                 for the quarter used the rank, change and longest run below;
 * homicide.csv    victims per year, all, aged 13-24 and knife, of the deck's
 *                 borough and of London. */
extern const struct csv_table confidence_table, homicide_table;
void table_confidence(FILE *out, const struct jb_findings *f, int area);
void table_homicide(FILE *out, const struct jb_findings *f, int area);

/* summary.csv's public confidence and homicide columns (declared in
 * summary_public_table), written before the context columns. */
extern const struct csv_table summary_public_table;
void summary_public_row(FILE *out, const struct jb_findings *f, int area);

#endif
