/* render/slides/slides_public.h - the public confidence and homicide slides, their
 * data tables and summary columns. Numbers come from f->confidence
 * (analysis/confidence.h) and f->homicide (analysis/homicide.h), words
 * from the template. */
#ifndef JB_SLIDES_PUBLIC_H
#define JB_SLIDES_PUBLIC_H

#include <stdio.h>

#include "../../util/csvout.h"
#include "../deck.h"

/* confidence: a borough's eight measures against London over time (small
 * multiples) beside the latest values ranked; the overview: the 32
 * boroughs on "Good Job" local. */
void layout_confidence(struct dl_page *p, const struct slide_ctx *c);
/* homicide: victims per year, all and aged 13-24, beside the totals, rates
 * and ranks of the three measures and the template's bullets. */
void layout_homicide(struct dl_page *p, const struct slide_ctx *c);

/* What a confidence or homicide slide lacks for area, or NULL when it has
 * what it shows (see slide_missing in deck.h). */
const char *public_missing(const struct jb_findings *f, enum jb_slide_kind kind, int area);

/* Data tables (datatable_fn, listed in render/tables/datatables.c), their columns
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
