/* render/slides/slides_hotspots.h - the hot spot slides (DESIGN §6 "historic
 * hotspots map; hotspot persistence"), laid out from the findings' hot
 * spots (analysis/hotspots.h). Called from slide_layout(). */
#ifndef JB_SLIDES_HOTSPOTS_H
#define JB_SLIDES_HOTSPOTS_H

#include "../deck.h"

/* Gi* classes over the borough's LSOAs, the hottest named in a table. */
void layout_hotspot_map(struct dl_page *p, const struct slide_ctx *c);
/* Emerging hot spot classes on a map, units per class, the persistent and
 * intensifying LSOAs named. */
void layout_hotspot_persistence(struct dl_page *p, const struct slide_ctx *c);
/* Street-level kernel density inside the borough and the top locations
 * inside hot grid cells. */
void layout_street_density(struct dl_page *p, const struct slide_ctx *c);

/* What each lacks for area (struct slide_kind's missing): the two hot spot
 * maps share theirs. */
const char *missing_hotspots(const struct jb_findings *f, int area);
const char *missing_street_density(const struct jb_findings *f, int area);

#endif
