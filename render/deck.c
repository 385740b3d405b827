/* render/deck.c - assemble one area's deck: a page per template slide, each
 * with its title, subtitle and footer (DESIGN §6), then write the PDF and,
 * on request, PNG previews. */
#include "deck.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/atomic.h"
#include "../util/xalloc.h"
#include "datatables.h"
#include "chart.h"
#include "fill.h"
#include "font.h"
#include "png.h"

#define MARGIN 40.0
#define TITLE_Y 30.0
#define TITLE_SIZE 20.0
#define SUBTITLE_SIZE 11.5
#define BODY_TOP 122.0
#define FOOTER_RULE 506.0
#define FOOTER_BASE 524.0
#define FOOTER_SIZE 7.5

static void header(struct dl_page *p, const struct slide_ctx *c)
{
	char *title = slide_title(c, c->spec);
	char *sub = slide_fill(c, c->spec->subtitle);
	double h = chart_text(p, (struct chart_box){MARGIN, TITLE_Y, DL_PAGE_W - 2 * MARGIN, 54},
			      DL_BOLD, TITLE_SIZE, COL_DARK_BLUE, ALIGN_LEFT, title);
	if (sub)
		chart_text(p, (struct chart_box){MARGIN, TITLE_Y + h + 4, DL_PAGE_W - 2 * MARGIN, 30},
			   DL_REGULAR, SUBTITLE_SIZE, COL_MUTED, ALIGN_LEFT, sub);
	free(title);
	free(sub);
}

static void footer(struct dl_page *p, const struct slide_ctx *c, int page, int npages)
{
	const struct jb_findings *f = c->f;
	dl_segment(p, MARGIN, FOOTER_RULE, DL_PAGE_W - MARGIN, FOOTER_RULE, COL_RULE, 0.6);
	char period[48];
	fmt_month(f->period_end, 1, period, sizeof period);
	char *src = slide_fill(c, c->spec->source);
	char *left = xasprintf("%s%s%s%s%s", f->area[c->area].name,
			       f->has_series ? " · data to " : "", f->has_series ? period : "",
			       src ? " · Source: " : "", src ? src : "");
	/* The source may be long: keep it clear of the marking and page number. */
	chart_text(p, (struct chart_box){MARGIN, FOOTER_BASE - FOOTER_SIZE, 560, FOOTER_SIZE * 1.4},
		   DL_REGULAR, FOOTER_SIZE, COL_MUTED, ALIGN_LEFT, left);
	double mw = font_width(DL_BOLD, FOOTER_SIZE, c->t->marking);
	dl_text(p, 700 - mw / 2, FOOTER_BASE, DL_BOLD, FOOTER_SIZE, COL_PLUM, c->t->marking);
	char num[32];
	snprintf(num, sizeof num, "%d / %d", page + 1, npages);
	dl_text(p, DL_PAGE_W - MARGIN - font_width(DL_REGULAR, FOOTER_SIZE, num), FOOTER_BASE,
		DL_REGULAR, FOOTER_SIZE, COL_MUTED, num);
	free(src);
	free(left);
}

static void marking_top(struct dl_page *p, const struct jb_template *t, struct dl_color col)
{
	double w = font_width(DL_BOLD, FOOTER_SIZE, t->marking);
	dl_text(p, DL_PAGE_W - MARGIN - w, 18, DL_BOLD, FOOTER_SIZE, col, t->marking);
}

const char *deck_name(const struct jb_findings *f, int area)
{
	return area == JB_LONDON ? "london-overview" : f->area[area].slug;
}

struct dl_deck *deck_build(const struct jb_findings *f, const struct jb_template *t, int area)
{
	struct dl_deck *d = dl_deck_new();
	/* London gets the overview's slides. */
	const struct jb_slide_spec *specs = area == JB_LONDON ? t->overview : t->slides;
	size_t nspecs = area == JB_LONDON ? t->noverview : t->nslides;
	int *page_of = xcalloc(nspecs ? nspecs : 1, sizeof *page_of);
	for (size_t i = 0; i < nspecs; i++)
		page_of[i] = (int)i;
	int npages = (int)nspecs;

	for (size_t i = 0; i < nspecs; i++) {
		const struct jb_slide_spec *s = &specs[i];
		struct slide_ctx c = {
			.f = f,
			.t = t,
			.spec = s,
			.specs = specs,
			.nspecs = nspecs,
			.area = area,
			.page_of_slide = page_of,
			.body = {MARGIN, BODY_TOP, DL_PAGE_W - 2 * MARGIN, FOOTER_RULE - 14 - BODY_TOP},
		};
		char *outline = fill(s->outline, &(struct fill_ctx){f, area, t->marking});
		struct dl_page *p = dl_page_add(d, outline);
		free(outline);
		if (s->kind == SLIDE_TITLE) {
			slide_layout(p, &c);
			marking_top(p, t, COL_WHITE);
			continue;
		}
		header(p, &c);
		marking_top(p, t, COL_PLUM);
		slide_layout(p, &c);
		footer(p, &c, (int)i, npages);
	}

	char *title = fill(area == JB_LONDON ? "{theme}: London overview" : "{theme}: {borough}",
			   &(struct fill_ctx){f, area, t->marking});
	char *subject = fill("Joint engagement meeting briefing pack, data to {period_end}",
			     &(struct fill_ctx){f, area, t->marking});
	char *keywords = xasprintf("%s, %s, %s", t->theme.id, f->area[area].code, t->marking);
	dl_deck_meta(d, title, t->author, subject, keywords, 0);
	free(title);
	free(subject);
	free(keywords);
	free(page_of);
	return d;
}

int deck_write(const struct jb_findings *f, const struct jb_template *t, int area,
	       const struct deck_options *o, char *err, size_t errlen)
{
	struct dl_deck *d = deck_build(f, t, area);
	d->epoch = o->epoch;
	int rc = 0;
	if (dl_deck_check(d, stderr) != 0) {
		snprintf(err, errlen, "%s: the laid-out deck failed its check", deck_name(f, area));
		rc = -1;
	}
	char *path = xasprintf("%s/%s.pdf", o->outdir, deck_name(f, area));
	if (rc == 0)
		rc = pdf_write(d, path, o->pdf, err, errlen);
	free(path);
	if (rc == 0) {
		char *dir = xasprintf("%s/%s/data", o->outdir, deck_name(f, area));
		rc = datatables_write(f, area, dir, o->shared, err, errlen);
		free(dir);
	}
	if (rc == 0 && o->png) {
		char *dir = xasprintf("%s/png/%s", o->outdir, deck_name(f, area));
		if (make_dirs(dir) != 0) {
			snprintf(err, errlen, "%s: cannot create: %s", dir, strerror(errno));
			rc = -1;
		}
		for (size_t i = 0; rc == 0 && i < d->npages; i++) {
			char *png = xasprintf("%s/%02zu.png", dir, i + 1);
			rc = png_write_page(d->pages[i], png, o->png_dpi > 0 ? o->png_dpi : 96, err,
					    errlen);
			free(png);
		}
		free(dir);
	}
	dl_deck_free(d);
	return rc;
}
