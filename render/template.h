/* render/template.h - a deck template as render reads it: which slides,
 * in what order, with what words. The template is a libconfig file in
 * templates/, read by the driver's loader (template_load.h), which fills
 * these structures; render only reads them.
 *
 * Ownership: the loader's; jb_template_free() (template_load.h) frees the
 * whole template, the theme inside it included. Read-only once loaded, so
 * any number of threads or deck processes may share it.
 */
#ifndef JB_TEMPLATE_H
#define JB_TEMPLATE_H

#include <stddef.h>

#include "../analysis/keyfindings.h"
#include "../analysis/theme.h"
#include "../ingest/image.h"
#include "slides/fill.h"

/* A slide's kind: a row of the table of slide kinds (render/slides/kinds.h). */
struct slide_kind;

/* Every text below is a struct jb_text (render/slides/fill.h): one wording or
 * alternatives, the first that applies shown; NULL when absent. */
struct jb_tile_spec {
	struct jb_text *label, *value, *detail; /* a tile needs label and value */
};

struct jb_slide_spec {
	const struct slide_kind *kind;
	int line;        /* line in the template file, for messages */
	char *outline;   /* short name for the outline and contents (one string) */
	struct jb_text *title;    /* when no wording applies: the outline name */
	struct jb_text *subtitle;
	struct jb_text *source;   /* footer source line */
	struct jb_text *note;     /* a short note under the chart, may be NULL */
	struct jb_text *alt;      /* the chart's alternative text (tagged PDF);
				   * NULL: the slide's title */
	struct jb_text **bullets; /* text items, may be 0 */
	size_t nbullets;
	struct jb_text **paragraphs; /* text slides: paragraphs above any bullets */
	size_t nparagraphs;
	/* image slides: a PNG or JPEG in the data directory, its alternative
	 * text and its caption; the pixels read by jb_template_read_images
	 * (template_load.h), or why not in image_problem, a phrase that
	 * follows "no" ("readable picture site.jpg: there is no such file
	 * in the data directory"), as every slide's missing data does. */
	char *image; /* its alternative text is alt, above */
	struct jb_text *caption;
	struct jb_image pixels;
	char *image_problem;
	struct jb_tile_spec *tiles; /* key-figures tiles */
	size_t ntiles;
	struct jb_text *rule_text[JB_NRULES]; /* key-findings: each rule's sentence, or NULL */
	long max_items;             /* key-findings: at most this many (default 6) */
	/* boroughs = [ "Hackney", ... ]: the slide is only in these boroughs'
	 * decks (bit b for borough b), left out of the others without a word;
	 * 0: every deck */
	unsigned long long only_boroughs;
	int show_missing;           /* when_missing = "show": kept, saying what is
				     * missing, when its data are absent; default
				     * ("omit"): left out of that deck and named on the
				     * contents and sources slides */
};

/* Slides in one deck ('slides' or 'overview'): the shipped pack has about
 * 20; a list longer than this is refused (a deck of thousands of pages is
 * a mistake, and takes minutes to write). */
#define JB_TEMPLATE_MAX_SLIDES 200
/* The longest protective marking (--marking): the footer keeps room for
 * it between the source and the page number. */
#define JB_MARKING_MAX 40
/* The theme's 'dashboard' lists at most as many MPS dashboard measures as
 * the findings keep figures for (analysis/findings.h's dash arrays). */
#define JB_TEMPLATE_MAX_DASH                                                  \
	(sizeof ((struct jb_area_findings *)0)->dash_last12 /                 \
	 sizeof ((struct jb_area_findings *)0)->dash_last12[0])

struct jb_template {
	char *path;
	struct jb_theme theme;
	char *marking;   /* protective marking, default OFFICIAL-SENSITIVE;
			  * --marking replaces it (at most JB_MARKING_MAX bytes) */
	char *author;    /* PDF author */
	/* theme.logo = "file.png": a PNG or JPEG in the data directory for the
	 * title slide and the footer; NULL none. Read like a slide's image:
	 * unreadable, it is left out and logo_problem says why. */
	char *logo;
	struct jb_image logo_pixels;
	char *logo_problem;
	struct jb_slide_spec *slides;   /* a borough's deck */
	size_t nslides;
	struct jb_slide_spec *overview; /* the London overview deck */
	size_t noverview;
	/* theme.headline = "confidence": the theme's headline slide kind,
	 * moved to follow the key findings (or key figures); NULL none. */
	const struct slide_kind *headline;
	/* labels = ( { raw = "..."; plain = "..."; }, ... ): the plain names
	 * slides show for the labels sources publish (a LAIT title, a
	 * dashboard measure); the data tables and the sources slide keep the
	 * raw ones. */
	struct jb_labels labels;
	char **files;    /* every file read: the template, then what it includes */
	size_t nfiles;
};

#endif
