/* render/slides/slides_core.h - the core slides, laid out in
 * render/slides/slides.c: title, contents, key figures, trend, comparison,
 * neighbourhood map, sources, key findings (their rows: render/slides/kinds.c). */
#ifndef JB_SLIDES_CORE_H
#define JB_SLIDES_CORE_H

#include "../deck.h"

void layout_title(struct dl_page *p, const struct slide_ctx *c);
void layout_contents(struct dl_page *p, const struct slide_ctx *c);
void layout_key_figures(struct dl_page *p, const struct slide_ctx *c);
void layout_trend(struct dl_page *p, const struct slide_ctx *c);
void layout_comparison(struct dl_page *p, const struct slide_ctx *c);
void layout_lsoa_map(struct dl_page *p, const struct slide_ctx *c);
void layout_sources(struct dl_page *p, const struct slide_ctx *c);
void layout_key_findings(struct dl_page *p, const struct slide_ctx *c);

/* What each lacks for area (struct slide_kind's missing). */
const char *missing_key_figures(const struct jb_findings *f, int area);
const char *missing_trend(const struct jb_findings *f, int area);
const char *missing_comparison(const struct jb_findings *f, int area);
const char *missing_lsoa_map(const struct jb_findings *f, int area);

#endif
