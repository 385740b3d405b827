/* render/slides/slides_drivers.h - the borough profile and deprivation, drivers of
 * crime and attrition slides (their data tables: render/tables/tables_drivers.h).
 * Numbers come from the
 * findings (analysis/drivers.h), words from the template. */
#ifndef JB_SLIDES_DRIVERS_H
#define JB_SLIDES_DRIVERS_H

#include "../deck.h"

void layout_profile(struct dl_page *p, const struct slide_ctx *c);
void layout_drivers(struct dl_page *p, const struct slide_ctx *c);
void layout_attrition(struct dl_page *p, const struct slide_ctx *c);

/* What each lacks for area (struct slide_kind's missing). */
const char *missing_profile(const struct jb_findings *f, int area);
const char *missing_drivers(const struct jb_findings *f, int area);
const char *missing_attrition(const struct jb_findings *f, int area);

#endif
