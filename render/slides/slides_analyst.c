/* render/slides/slides_analyst.c - the analyst's own slides (see
 * slides_analyst.h). Their words may still use placeholders, filled like
 * any slide's. */
#include "slides_analyst.h"

#include <stdlib.h>

#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "kinds.h"

#define PARA_SIZE 13.0
#define PARA_GAP 10.0
#define CAPTION_SIZE 10.5
#define CAPTION_H 36.0

void layout_text(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	double y = b.y;
	for (size_t i = 0; i < c->spec->nparagraphs && y < b.y + b.h; i++) {
		char *s = slide_fill(c, c->spec->paragraphs[i]);
		if (s) /* a paragraph none of whose wordings applies is left out */
			y += chart_text(p, (struct chart_box){b.x, y, b.w, b.y + b.h - y},
					DL_REGULAR, PARA_SIZE, COL_TEXT, ALIGN_LEFT, s) +
			     PARA_GAP;
		free(s);
	}
	if (c->spec->nbullets && y < b.y + b.h)
		slide_bullets(p, c, (struct chart_box){b.x, y, b.w, b.y + b.h - y}, PARA_SIZE);
}

void layout_image(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	if (!c->spec->pixels.rgb) { /* kept with when_missing = "show" */
		char *msg = xasprintf("No %s. Put the file in the data directory, or name "
				      "another in the template's image slide.",
				      c->spec->image_problem);
		dl_rect(p, b.x, b.y, b.w, b.h, (struct dl_style){.fill = COL_PANEL});
		chart_text(p, (struct chart_box){b.x + 40, b.y + b.h / 2 - 20, b.w - 80, 60},
			   DL_BOLD, 14, COL_MUTED, ALIGN_CENTRE, msg);
		free(msg);
		return;
	}
	char *caption = slide_fill(c, c->spec->caption);
	if (caption) {
		chart_text(p, (struct chart_box){b.x, b.y + b.h - CAPTION_H, b.w, CAPTION_H},
			   DL_REGULAR, CAPTION_SIZE, COL_MUTED, ALIGN_CENTRE, caption);
		b.h -= CAPTION_H + 6;
	}
	free(caption);
	slide_picture(p, b, &c->spec->pixels, 1);
}

void layout_section(struct dl_page *p, const struct slide_ctx *c)
{
	dl_rect(p, 0, 0, DL_PAGE_W, DL_PAGE_H, (struct dl_style){.fill = COL_TURQUOISE});
	char *title = slide_title(c, c->spec);
	char *sub = slide_fill(c, c->spec->subtitle);
	double y = 220;
	y += chart_text(p, (struct chart_box){60, y, 840, 120}, DL_BOLD, 32, COL_WHITE, ALIGN_LEFT,
			title);
	dl_rect(p, 60, y + 12, 120, 6, (struct dl_style){.fill = COL_DARK_BLUE});
	if (sub)
		chart_text(p, (struct chart_box){60, y + 34, 840, 60}, DL_REGULAR, 16, COL_WHITE,
			   ALIGN_LEFT, sub);
	free(title);
	free(sub);
}
