/* render/slides/slides_wards.h - the wards slide: the borough's (or the
 * group's) wards ranked by the theme's offences, as bars beside a table of
 * the top wards, and the placeholders its words use. Numbers and ranks
 * come from f->wards (analysis/wards.h), words from the template.
 *
 * No ward map: the data hold no ward boundaries (analysis/wards.h). */
#ifndef JB_SLIDES_WARDS_H
#define JB_SLIDES_WARDS_H

#include "../deck.h"
#include "fill.h"

void layout_wards(struct dl_page *p, const struct slide_ctx *c);
/* What the slide lacks for area, or NULL (struct slide_kind's missing). */
const char *missing_wards(const struct jb_findings *f, int area);

/* Its placeholders, {ward_top}, {ward_period}, ... (render/slides/kinds.c). */
extern const struct fill_group fill_wards_keys;

#endif
