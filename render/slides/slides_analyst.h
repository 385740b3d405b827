/* render/slides/slides_analyst.h - the slides an analyst writes in the
 * template, with no figures of their own (their rows: render/slides/kinds.c):
 * text (a title, paragraphs and bullets), image (a picture from the data
 * directory with its caption) and section (a divider). */
#ifndef JB_SLIDES_ANALYST_H
#define JB_SLIDES_ANALYST_H

#include "../deck.h"

void layout_text(struct dl_page *p, const struct slide_ctx *c);
void layout_image(struct dl_page *p, const struct slide_ctx *c);
void layout_section(struct dl_page *p, const struct slide_ctx *c);

#endif
