/* render/deck.h - one area's deck: lay out the template's slides from the
 * findings into a display list, then write it (PDF, optional PNGs).
 * Nothing here computes a statistic: every number comes from the findings,
 * formatted by render/slides/fill.c. */
#ifndef JB_DECK_H
#define JB_DECK_H

#include <stddef.h>

#include "../analysis/findings.h"
#include "chart/chart.h"
#include "display/display.h"
#include "display/pdf.h"
#include "template.h"

struct deck_options {
	const char *outdir;          /* decks go to OUTDIR/<slug>.pdf */
	int png;                     /* also OUTDIR/png/<slug>/NN.png */
	double png_dpi;              /* default 96 */
	int pptx;                    /* also OUTDIR/<slug>.pptx */
	int svg;                     /* also OUTDIR/svg/<slug>/NN.svg, NN-K.svg */
	long long epoch;             /* PDF creation date (seconds since 1970) */
	const char *shared;          /* London-wide data tables to link, or NULL */
	const struct pdf_options *pdf;
};

/* The file name (without .pdf) of area's deck: the borough's slug, or
 * "london-overview" for JB_LONDON (not for the group: deck_name). */
const char *deck_file_name(int area);
/* The same for any deck of f: the group's (JB_GROUP) is its slug. */
const char *deck_name(const struct jb_findings *f, int area);
/* Every file deck_write() writes for area with options o, relative to the
 * output folder, passed to add(ctx, rel) in the order written: the data
 * tables, the PNG previews, the SVGs, the PowerPoint file, the PDF. */
void deck_outputs(const struct jb_findings *f, const struct jb_template *t, int area,
		  const struct deck_options *o, void (*add)(void *ctx, const char *rel), void *ctx);
/* The laid-out deck of area: a borough 0..31 (the template's slides),
 * JB_LONDON (its overview slides), or JB_GROUP (the template's slides of
 * kinds made for a group, KIND_GROUP). Caller frees (dl_deck_free). */
struct dl_deck *deck_build(const struct jb_findings *f, const struct jb_template *t, int area);
/* Build and write. 0 on success; -1 with a message in err. */
int deck_write(const struct jb_findings *f, const struct jb_template *t, int area,
	       const struct deck_options *o, char *err, size_t errlen);

/* Laying out one slide: what every slide kind gets. */
struct slide_ctx {
	const struct jb_findings *f;
	const struct jb_template *t;
	const struct jb_slide_spec *spec;
	const struct jb_slide_spec *specs; /* every slide of this deck */
	size_t nspecs;
	int area;
	const int *page_of_slide; /* [t->nslides] page index of each slide */
	struct chart_box body;    /* the free area under the title */
	/* Slides of the template left out of this deck because their data
	 * are absent: "Street-level density (no ...)", for the contents and
	 * sources slides. */
	const char *const *omitted;
	const char *const *omitted_names; /* their outline names alone */
	size_t nomitted;
	/* In a group's pack, the template's slides left out as they are made
	 * for one borough (no KIND_GROUP): their outline names, for the
	 * sources slide. */
	const char *const *not_for_group;
	size_t nnot_for_group;
};
/* render/slides/slides.c: lays out spec's slide on p (title and footer are drawn
 * by the deck). */
void slide_layout(struct dl_page *p, const struct slide_ctx *c);
/* Helpers every slide layout shares (render/slides/slides.c): */
/* The wording of a template text that applies here, filled (fill_text);
 * NULL when the text is absent or no wording applies. Caller frees. */
char *slide_fill(const struct slide_ctx *c, const struct jb_text *t);
/* The slide's title: its wording that applies, else its outline name. */
char *slide_title(const struct slide_ctx *c, const struct jb_slide_spec *s);
/* The slide's tiles that can be shown (a wording applies for label and
 * value), filled, coloured from accents in turn; *n gets how many. Free
 * with slide_tiles_free. */
struct tile *slide_tiles(const struct slide_ctx *c, const struct dl_color *accents,
			 size_t naccents, size_t *n);
void slide_tiles_free(struct tile *t, size_t n);
/* Draws the slide's note (if any) at the bottom of the body; returns the
 * body box left above it for the chart. */
struct chart_box slide_body_with_note(struct dl_page *p, const struct slide_ctx *c);
/* Map labels for LSOAs: appends LSOA l's name (or code) at its
 * representative point to xy/text while *n < max; l < 0 is skipped. */
void slide_lsoa_label(const struct jb_dataset *ds, int l, double *xy, const char **text,
		      size_t *n, size_t max);
#define SLIDE_MAP_LABELS 3 /* LSOAs named on a borough's map, at most */
/* The LSOAs of c's borough that have a boundary, in file order: their
 * drawing polygons into polys and, when lsoa is not NULL, their indices
 * into lsoa (both of ds->nlsoa room); returns how many. */
size_t slide_borough_lsoas(const struct slide_ctx *c, const struct jb_polygon **polys,
			   size_t *lsoa);
/* A borough's map with a table beside it, the shape of the neighbourhood,
 * hot spot and street-level slides: the map fills box b but for a column
 * table_w wide on the right (SLIDE_TABLE_GAP from it), where the table is
 * drawn inset below b's top and table_h tall (0: down to b's bottom).
 * Returns the table's data rows drawn; *below (if not NULL) gets the top
 * of the column's room under the table, for a note. */
#define SLIDE_TABLE_W 300.0      /* the hot spot and street maps' tables */
#define SLIDE_TABLE_NARROW_W 250.0 /* the neighbourhood map's two columns */
#define SLIDE_TABLE_GAP 20.0
size_t slide_map_and_table(struct dl_page *p, struct chart_box b, const struct choropleth *map,
			   const struct table *tb, double table_w, double inset, double table_h,
			   double *below);
/* What a slide of spec's kind has nothing to show without for area: a
 * phrase such as "data.police.uk street-level records of these offences in
 * this borough", or NULL when it has something to show. A slide that shows
 * part of what it has is not missing. */
const char *slide_missing(const struct jb_findings *f, const struct jb_slide_spec *spec, int area);
/* 0 when the slide is not for this deck (the homicide slide of a theme
 * that does not count homicide, a slide whose 'boroughs' leave out area):
 * it is left out without a word. */
int slide_for_theme(const struct jb_slide_spec *spec, const struct jb_theme *theme, int area);
/* 0 when a group's pack (area JB_GROUP) cannot have the slide (its kind is
 * made for one borough): it is left out and named on the sources slide. */
int slide_for_group(const struct jb_slide_spec *spec, int area);
/* The slide's template bullets, filled, as a list in box b at size pt. */
void slide_bullets(struct dl_page *p, const struct slide_ctx *c, struct chart_box b, double size);
/* A full-page cover (the title slide, a section divider): page colour,
 * the slide's title from y down with a rule in rule colour under it, and
 * its subtitle. */
void slide_cover(struct dl_page *p, const struct slide_ctx *c, struct dl_color page,
		 struct dl_color rule, double y);
/* A picture drawn as large as fits box b without changing its shape,
 * centred (centre) or at b's top left (not); nothing when img has no
 * pixels. */
void slide_picture(struct dl_page *p, struct chart_box b, const struct jb_image *img, int centre);
/* A panel saying "No data supplied: WHAT. ..." filling box b. */
void slide_no_data(struct dl_page *p, struct chart_box b, const char *what);
/* A grey panel with a message (a sentence: capital, full stop added),
 * where a chart or map would be. */
void slide_message(struct dl_page *p, struct chart_box b, const char *msg);
/* "London 10.5": the reference line's label on a chart of rates (caller
 * frees). */
char *slide_london_rate_label(const struct jb_findings *f);
/* "Text with a capital." - a copy of s with its first letter capitalised
 * and a full stop added when it has none. Caller frees. */
char *slide_sentence(const char *s);

#endif
