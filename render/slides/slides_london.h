/* render/slides/slides_london.h - pan-London slides (render/slides/slides_london.c). */
#ifndef JB_SLIDES_LONDON_H
#define JB_SLIDES_LONDON_H

#include "../deck.h"

/* Largest rises and falls in London; this borough and its neighbours. */
void slide_pan_london(struct dl_page *p, const struct slide_ctx *c);
/* Overview: the 32 boroughs' headline figures in two tables, by rate. */
void slide_borough_table(struct dl_page *p, const struct slide_ctx *c);
/* Overview: the 32 boroughs on the other topics' headline measures. */
void slide_borough_context(struct dl_page *p, const struct slide_ctx *c);
/* Overview: the boroughs' rates on a map of London. */
void slide_borough_map(struct dl_page *p, const struct slide_ctx *c);

#endif
