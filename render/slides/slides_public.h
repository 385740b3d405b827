/* render/slides/slides_public.h - the public confidence and homicide slides (their
 * data tables and summary columns: render/tables/tables_public.h). Numbers come from f->confidence
 * (analysis/confidence.h) and f->homicide (analysis/homicide.h), words
 * from the template. */
#ifndef JB_SLIDES_PUBLIC_H
#define JB_SLIDES_PUBLIC_H

#include "../deck.h"

/* confidence: a borough's eight measures against London over time (small
 * multiples) beside the latest values ranked; the overview: the 32
 * boroughs on "Good Job" local. */
void layout_confidence(struct dl_page *p, const struct slide_ctx *c);
/* homicide: victims per year, all and aged 13-24, beside the totals, rates
 * and ranks of the three measures and the template's bullets. */
void layout_homicide(struct dl_page *p, const struct slide_ctx *c);

/* What a confidence or homicide slide lacks for area, or NULL when it has
 * what it shows (struct slide_kind's missing). */
const char *missing_confidence(const struct jb_findings *f, int area);
const char *missing_homicide(const struct jb_findings *f, int area);

#endif
