/* render/deck.c - assemble one area's deck: a page per template slide, each
 * with its title, subtitle and footer (DESIGN §6), then write the PDF and,
 * on request, PNG previews, SVGs and a PowerPoint file. */
#include "deck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/atomic.h"
#include "../util/xalloc.h"
#include "tables/datatables.h"
#include "chart/chart.h"
#include "slides/fill.h"
#include "slides/kinds.h"
#include "slides/slides_analyst.h"
#include "display/font.h"
#include "display/png.h"
#include "display/pptx.h"
#include "display/svg.h"

#define MARGIN 40.0
#define TITLE_Y 30.0
#define TITLE_SIZE 20.0
#define SUBTITLE_SIZE 11.5
#define BODY_TOP 122.0
#define FOOTER_RULE 503.0
#define FOOTER_BASE 516.0 /* the first line's baseline */
#define FOOTER_SIZE 9.0
#define PAGE_NUM_W 48.0   /* room for "20 / 20" */

static void header(struct dl_page *p, const struct slide_ctx *c)
{
	char *title = slide_title(c, c->spec);
	char *sub = slide_fill(c, c->spec->subtitle);
	struct chart_box tb = {MARGIN, TITLE_Y, DL_PAGE_W - 2 * MARGIN, 54};
	size_t span = dl_span_begin(p, DL_SPAN_TITLE, tb.x, tb.y, tb.w, tb.h);
	dl_tag_begin(p, DL_ROLE_H1);
	double h = chart_text(p, tb, DL_BOLD, TITLE_SIZE, COL_DARK_BLUE, ALIGN_LEFT, title);
	dl_tag_end(p);
	dl_span_end(p, span);
	if (sub)
		chart_text(p, (struct chart_box){MARGIN, TITLE_Y + h + 4, DL_PAGE_W - 2 * MARGIN, 30},
			   DL_REGULAR, SUBTITLE_SIZE, COL_MUTED, ALIGN_LEFT, sub);
	free(title);
	free(sub);
}

static void footer(struct dl_page *p, const struct slide_ctx *c, int page, int npages)
{
	const struct jb_findings *f = c->f;
	dl_tag_begin(p, DL_ROLE_ARTIFACT); /* page furniture: not read */
	dl_segment(p, MARGIN, FOOTER_RULE, DL_PAGE_W - MARGIN, FOOTER_RULE, COL_RULE, 0.6);
	char period[48];
	fmt_month(f->period_end, 1, period, sizeof period);
	char *src = slide_fill(c, c->spec->source);
	char *left = xasprintf("%s%s%s%s%s", f->area[c->area].name,
			       f->has_series ? " · data to " : "", f->has_series ? period : "",
			       src ? " · Source: " : "", src ? src : "");
	if (src) {
		char *notes = xasprintf("Source: %s", src);
		dl_page_notes(p, notes); /* the speaker notes of --pptx */
		free(notes);
	}
	/* The source may be long: two lines, clear of the marking and page
	 * number, which sit right. */
	double mw = font_width(DL_BOLD, FOOTER_SIZE, c->t->marking);
	double mx = DL_PAGE_W - MARGIN - PAGE_NUM_W - mw;
	chart_text(p, (struct chart_box){MARGIN, FOOTER_RULE + 4, mx - 16 - MARGIN, DL_PAGE_H - FOOTER_RULE - 6},
		   DL_REGULAR, FOOTER_SIZE, COL_MUTED, ALIGN_LEFT, left);
	dl_text(p, mx, FOOTER_BASE, DL_BOLD, FOOTER_SIZE, COL_PLUM, c->t->marking);
	char num[32];
	snprintf(num, sizeof num, "%d / %d", page + 1, npages);
	dl_text(p, DL_PAGE_W - MARGIN - font_width(DL_REGULAR, FOOTER_SIZE, num), FOOTER_BASE,
		DL_REGULAR, FOOTER_SIZE, COL_MUTED, num);
	dl_tag_end(p);
	/* the logo, small, between the marking and the page number */
	slide_picture(p, (struct chart_box){DL_PAGE_W - MARGIN - 130, FOOTER_RULE + 6, 80, 14},
		      &c->t->logo_pixels, 1);
	free(src);
	free(left);
}

static void marking_top(struct dl_page *p, const struct jb_template *t, struct dl_color col)
{
	double w = font_width(DL_BOLD, FOOTER_SIZE, t->marking);
	dl_tag_begin(p, DL_ROLE_ARTIFACT); /* repeated on every page: in the metadata once */
	dl_text(p, DL_PAGE_W - MARGIN - w, 18, DL_BOLD, FOOTER_SIZE, col, t->marking);
	dl_tag_end(p);
}

/* Every figure of the slide gets the template's alternative text, or
 * the title (which states the finding) when the template has none. */
static void figure_alt(struct dl_page *p, const struct slide_ctx *c)
{
	char *alt = slide_fill(c, c->spec->alt);
	if (!alt)
		alt = slide_title(c, c->spec);
	for (size_t k = 0; k < p->ntags; k++)
		if (p->tags[k].role == DL_ROLE_FIGURE)
			dl_tag_alt(p, (int)k, alt);
	free(alt);
}

const char *deck_file_name(int area)
{
	return area == JB_LONDON ? "london-overview" : jb_boroughs[area].slug;
}

const char *deck_name(const struct jb_findings *f, int area)
{
	return area == JB_GROUP ? f->group.slug : deck_file_name(area);
}

void deck_outputs(const struct jb_findings *f, const struct jb_template *t, int area,
		  const struct deck_options *o, void (*add)(void *ctx, const char *rel), void *ctx)
{
	int png = o->png;
	const char *name = deck_name(f, area);
	struct datatable_set set;
	slide_kinds_deck_datatables(&set, area);
	const char *tables[DATATABLES_MAX];
	size_t n = datatables_names(&set, f, tables, DATATABLES_MAX);
	for (size_t i = 0; i < n; i++) {
		char *rel = xasprintf("%s/data/%s", name, tables[i]);
		add(ctx, rel);
		free(rel);
	}
	/* one page per slide of the template (deck_build) */
	size_t npages = png ? area == JB_LONDON ? t->noverview : t->nslides : 0;
	for (size_t i = 0; i < npages; i++) {
		char *rel = xasprintf("png/%s/%02zu.png", name, i + 1);
		add(ctx, rel);
		free(rel);
	}
	if (o->svg) { /* a file per slide and per chart: the laid-out deck says */
		struct dl_deck *d = deck_build(f, t, area);
		svg_deck_files(d, name, add, ctx);
		dl_deck_free(d);
	}
	if (o->pptx) {
		char *pptx = xasprintf("%s.pptx", name);
		add(ctx, pptx);
		free(pptx);
	}
	char *pdf = xasprintf("%s.pdf", name);
	add(ctx, pdf);
	free(pdf);
}

struct dl_deck *deck_build(const struct jb_findings *f, const struct jb_template *t, int area)
{
	struct dl_deck *d = dl_deck_new();
	/* London gets the overview's slides. */
	const struct jb_slide_spec *all = area == JB_LONDON ? t->overview : t->slides;
	size_t nall = area == JB_LONDON ? t->noverview : t->nslides;
	/* the slides this deck has: without those whose data are absent
	 * (unless the template says show) and those not about the theme */
	struct jb_slide_spec *specs = xcalloc(nall ? nall : 1, sizeof *specs);
	char **omitted = xcalloc(nall ? nall : 1, sizeof *omitted);
	const char **omitted_names = xcalloc(nall ? nall : 1, sizeof *omitted_names);
	const char **not_for_group = xcalloc(nall ? nall : 1, sizeof *not_for_group);
	size_t nspecs = 0, nomitted = 0, nnot_for_group = 0;
	for (size_t i = 0; i < nall; i++) {
		if (!slide_for_theme(&all[i], &t->theme, area))
			continue;
		if (!slide_for_group(&all[i], area)) {
			not_for_group[nnot_for_group++] = all[i].outline;
			continue;
		}
		const char *what = slide_missing(f, &all[i], area);
		if (what && !all[i].show_missing) {
			omitted_names[nomitted] = all[i].outline;
			omitted[nomitted++] = xasprintf("%s (no %s)", all[i].outline, what);
		}
		else
			specs[nspecs++] = all[i];
	}
	/* a commentary slide with no note of this borough's for it is left
	 * out without a word, as a homicide slide is */
	size_t kept = 0;
	int notes = slide_commentary_has(f, area, specs, nspecs);
	for (size_t i = 0; i < nspecs; i++)
		if (!(specs[i].kind->flags & KIND_COMMENTARY) || notes)
			specs[kept++] = specs[i];
	nspecs = kept;
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
			.omitted = (const char *const *)omitted,
			.omitted_names = omitted_names,
			.nomitted = nomitted,
			.not_for_group = not_for_group,
			.nnot_for_group = nnot_for_group,
		};
		char *outline = fill(s->outline, &(struct fill_ctx){f, area, t->marking, &t->labels});
		struct dl_page *p = dl_page_add(d, outline);
		free(outline);
		if (s->kind->flags & KIND_COVER) {
			slide_layout(p, &c);
			marking_top(p, t, COL_WHITE);
			figure_alt(p, &c);
			continue;
		}
		header(p, &c);
		marking_top(p, t, COL_PLUM);
		/* the analyst's notes for this slide: a box under its body */
		double room = slide_comment_room(&c, i);
		c.body.h -= room;
		slide_layout(p, &c);
		if (room > 0)
			slide_comment_box(p, &c, i,
					  (struct chart_box){c.body.x, c.body.y + c.body.h + 10,
							     c.body.w, SLIDE_COMMENT_H});
		footer(p, &c, (int)i, npages);
		figure_alt(p, &c);
	}

	char *title = fill(area == JB_LONDON ? "{theme}: London overview" : "{theme}: {borough}",
			   &(struct fill_ctx){f, area, t->marking, &t->labels});
	char *subject = fill("Joint engagement meeting briefing pack, data to {period_end}",
			     &(struct fill_ctx){f, area, t->marking, &t->labels});
	char *keywords = xasprintf("%s, %s, %s", t->theme.id, f->area[area].code, t->marking);
	dl_deck_meta(d, title, t->author, subject, keywords, 0);
	free(title);
	free(subject);
	free(keywords);
	free(page_of);
	for (size_t i = 0; i < nomitted; i++)
		free(omitted[i]);
	free(omitted);
	free(omitted_names);
	free(not_for_group);
	free(specs);
	return d;
}

/* The PNG previews of d into OUTDIR/png/NAME/NN.png. */
static int write_pngs(const struct dl_deck *d, const char *name, const struct deck_options *o,
		      char *err, size_t errlen)
{
	char *dir = xasprintf("%s/png/%s", o->outdir, name); /* as deck_outputs() */
	int rc = 0;
	if (make_dirs(dir) != 0) {
		atomic_error(err, errlen, dir);
		rc = -1;
	}
	struct png_writer *pw = png_writer_new();
	for (size_t i = 0; rc == 0 && i < d->npages; i++) {
		char *png = xasprintf("%s/%02zu.png", dir, i + 1);
		rc = png_write_page(pw, d->pages[i], png, o->png_dpi > 0 ? o->png_dpi : 96, err,
				    errlen);
		free(png);
	}
	png_writer_free(pw);
	free(dir);
	return rc;
}

int deck_write(const struct jb_findings *f, const struct jb_template *t, int area,
	       const struct deck_options *o, char *err, size_t errlen)
{
	struct dl_deck *d = deck_build(f, t, area);
	d->epoch = o->epoch;
	const char *name = deck_name(f, area);
	int rc = 0;
	if (dl_deck_check(d, stderr) != 0) {
		snprintf(err, errlen, "%s: the laid-out deck failed its check", name);
		rc = -1;
	}
	/* The PDF last: a deck whose tables or previews could not be
	 * written is never put in place (the driver then removes what
	 * was written of it). */
	if (rc == 0) {
		char *dir = xasprintf("%s/%s/data", o->outdir, name);
		struct datatable_set set;
		slide_kinds_deck_datatables(&set, area);
		rc = datatables_write(&set, f, area, dir, o->shared, err, errlen);
		free(dir);
	}
	if (rc == 0 && o->png)
		rc = write_pngs(d, name, o, err, errlen);
	if (rc == 0 && o->svg)
		rc = svg_write_deck(d, o->outdir, name, err, errlen);
	if (rc == 0 && o->pptx) {
		char *path = xasprintf("%s/%s.pptx", o->outdir, name);
		rc = pptx_write(d, path, err, errlen);
		free(path);
	}
	if (rc == 0) {
		char *path = xasprintf("%s/%s.pdf", o->outdir, name);
		rc = pdf_write(d, path, o->pdf, err, errlen);
		free(path);
	}
	dl_deck_free(d);
	return rc;
}
