/* render/slides/slides_analyst.c - the analyst's own slides (see
 * slides_analyst.h). Their words may still use placeholders, filled like
 * any slide's. */
#include "slides_analyst.h"

#include <stdlib.h>
#include <string.h>

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
	/* the title page's layout, in the other colours, a little lower */
	slide_cover(p, c, COL_TURQUOISE, COL_DARK_BLUE, 220);
}

/* ---- the analyst's commentary ---- */

#define ANALYST_LABEL "The analyst's words, not figures from the data"
#define COMMENT_SIZE 10.0
#define COMMENT_BAR 4.0

long slide_comment_slide(const struct jb_comment *m, const struct jb_slide_spec *specs,
			 size_t n)
{
	long at = -1;
	if (m->page && (size_t)m->page <= n)
		at = m->page - 1;
	for (size_t i = 0; m->slide && at < 0 && i < n; i++)
		if (strcmp(specs[i].kind->name, m->slide) == 0)
			at = (long)i;
	/* a cover page has no body to put a box in; the commentary slide
	 * holds its notes already */
	if (at >= 0 && specs[at].kind->flags & (KIND_COVER | KIND_COMMENTARY))
		at = -1;
	return at;
}

int slide_commentary_has(const struct jb_findings *f, int area,
			 const struct jb_slide_spec *specs, size_t n)
{
	const struct jb_comments *cm = &f->ds->comments;
	for (size_t i = 0; i < cm->n; i++)
		if (cm->v[i].borough == area && slide_comment_slide(&cm->v[i], specs, n) < 0)
			return 1;
	return 0;
}

/* The notes of c's area that go on slide `slide` (-1: the commentary
 * slide), in file order, into out (room for every note); how many. */
static size_t notes_for(const struct slide_ctx *c, long slide, const struct jb_comment **out)
{
	const struct jb_comments *cm = &c->f->ds->comments;
	size_t n = 0;
	for (size_t i = 0; i < cm->n; i++)
		if (cm->v[i].borough == c->area &&
		    slide_comment_slide(&cm->v[i], c->specs, c->nspecs) == slide)
			out[n++] = &cm->v[i];
	return n;
}

double slide_comment_room(const struct slide_ctx *c, size_t slide)
{
	const struct jb_comments *cm = &c->f->ds->comments;
	for (size_t i = 0; i < cm->n; i++)
		if (cm->v[i].borough == c->area &&
		    slide_comment_slide(&cm->v[i], c->specs, c->nspecs) == (long)slide)
			return SLIDE_COMMENT_H + 10;
	return 0;
}

/* The mark every note of the analyst carries: a plum bar down its left. */
static void analyst_bar(struct dl_page *p, double x, double y, double h)
{
	dl_rect(p, x, y, COMMENT_BAR, h, (struct dl_style){.fill = COL_PLUM});
}

void slide_comment_box(struct dl_page *p, const struct slide_ctx *c, size_t slide,
		       struct chart_box b)
{
	const struct jb_comment **v = xcalloc(c->f->ds->comments.n + 1, sizeof *v);
	size_t n = notes_for(c, (long)slide, v);
	if (n) {
		dl_rect(p, b.x, b.y, b.w, b.h, (struct dl_style){.fill = COL_PANEL});
		analyst_bar(p, b.x, b.y, b.h);
		double x = b.x + COMMENT_BAR + 10, w = b.w - COMMENT_BAR - 20;
		double y = b.y + 6 + chart_text(p, (struct chart_box){x, b.y + 6, w, 14}, DL_BOLD,
						CHART_TEXT_PT, COL_PLUM, ALIGN_LEFT,
						"Analyst's note (" ANALYST_LABEL ")");
		for (size_t i = 0; i < n && y < b.y + b.h - 6; i++)
			y += chart_text(p, (struct chart_box){x, y, w, b.y + b.h - 4 - y},
					DL_REGULAR, COMMENT_SIZE, COL_TEXT, ALIGN_LEFT, v[i]->text);
	}
	free(v);
}

void layout_commentary(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_comment **v = xcalloc(c->f->ds->comments.n + 1, sizeof *v);
	size_t n = notes_for(c, -1, v);
	double y = b.y + chart_text(p, (struct chart_box){b.x, b.y, b.w, 18}, DL_BOLD, 11,
				    COL_PLUM, ALIGN_LEFT, ANALYST_LABEL) + 10;
	for (size_t i = 0; i < n && y < b.y + b.h; i++) {
		/* a note for a slide this deck does not have says which it was */
		char *s = v[i]->slide || v[i]->page
				  ? v[i]->slide ? xasprintf("%s (written for the %s slide, which "
							    "this deck does not have)",
							    v[i]->text, v[i]->slide)
						: xasprintf("%s (written for page %d)", v[i]->text,
							    v[i]->page)
				  : xstrdup(v[i]->text);
		double h = chart_text(p, (struct chart_box){b.x + 16, y, b.w - 16, b.y + b.h - y},
				      DL_REGULAR, PARA_SIZE, COL_TEXT, ALIGN_LEFT, s);
		analyst_bar(p, b.x, y - 2, h + 2);
		y += h + PARA_GAP;
		free(s);
	}
	free(v);
}
