/* render/slides/slides_analyst.h - the slides an analyst writes in the
 * template, with no figures of their own (their rows: render/slides/kinds.c):
 * text (a title, paragraphs and bullets), image (a picture from the data
 * directory with its caption) and section (a divider); and the analyst's
 * commentary (ingest/commentary.h) placed in the deck: a note naming a
 * slide kind goes in a box on the first slide of that kind, one naming a
 * page in a box on that page, and the rest (no slide named, or one this
 * deck does not have, or a cover page) on the commentary slide, marked
 * as the analyst's words, not the data's. */
#ifndef JB_SLIDES_ANALYST_H
#define JB_SLIDES_ANALYST_H

#include "../deck.h"

void layout_text(struct dl_page *p, const struct slide_ctx *c);
void layout_image(struct dl_page *p, const struct slide_ctx *c);
void layout_section(struct dl_page *p, const struct slide_ctx *c);
void layout_commentary(struct dl_page *p, const struct slide_ctx *c);

/* The slide of specs[n] (this deck's) note m goes in a box on, or -1 for
 * the commentary slide. */
long slide_comment_slide(const struct jb_comment *m, const struct jb_slide_spec *specs,
			 size_t n);
/* Whether area has a note for the commentary slide of the deck specs[n]. */
int slide_commentary_has(const struct jb_findings *f, int area,
			 const struct jb_slide_spec *specs, size_t n);
/* The height the box of the notes for slide `slide` of c's deck takes
 * at the bottom of the body (0: none). */
#define SLIDE_COMMENT_H 54.0
double slide_comment_room(const struct slide_ctx *c, size_t slide);
/* Draws that box in b. */
void slide_comment_box(struct dl_page *p, const struct slide_ctx *c, size_t slide,
		       struct chart_box b);

#endif
