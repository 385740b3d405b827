/* render/template.h - deck templates: which slides, in what order, with
 * what words. A template is a libconfig file in templates/ (see
 * templates/serious-youth-violence.conf for the format); it is read at run
 * time, so wording and order change without a rebuild.
 *
 * Ownership: jb_template_load() returns a template the caller frees with
 * jb_template_free() (NULL safe). The theme inside it is owned by it.
 */
#ifndef JB_TEMPLATE_H
#define JB_TEMPLATE_H

#include <stddef.h>

#include "../analysis/keyfindings.h"
#include "../analysis/theme.h"
#include "fill.h"

enum jb_slide_kind {
	SLIDE_TITLE,
	SLIDE_CONTENTS,
	SLIDE_KEY_FIGURES,
	SLIDE_TREND,
	SLIDE_COMPARISON,
	SLIDE_LSOA_MAP,
	SLIDE_EXCLUSION_TRUANCY,
	SLIDE_YOUTH_SERVICES,
	SLIDE_YOUTH_JUSTICE,
	SLIDE_ACTIONS,
	SLIDE_SOURCES,
	SLIDE_KEY_FINDINGS,
	SLIDE_PAN_LONDON,
	SLIDE_BOROUGH_TABLE,
	SLIDE_BOROUGH_MAP,
	SLIDE_BOROUGH_CONTEXT,
	SLIDE_HOTSPOT_MAP,
	SLIDE_HOTSPOT_PERSISTENCE,
	SLIDE_STREET_DENSITY,
	SLIDE_PROFILE,
	SLIDE_DRIVERS,
	SLIDE_ATTRITION,
	JB_NSLIDE_KINDS
};
extern const char *const jb_slide_kind_names[JB_NSLIDE_KINDS];

/* Every text below is a struct jb_text (render/fill.h): one wording or
 * alternatives, the first that applies shown; NULL when absent. */
struct jb_tile_spec {
	struct jb_text *label, *value, *detail; /* a tile needs label and value */
};

struct jb_slide_spec {
	enum jb_slide_kind kind;
	int line;        /* line in the template file, for messages */
	char *outline;   /* short name for the outline and contents (one string) */
	struct jb_text *title;    /* when no wording applies: the outline name */
	struct jb_text *subtitle;
	struct jb_text *source;   /* footer source line */
	struct jb_text *note;     /* a short note under the chart, may be NULL */
	struct jb_text **bullets; /* text items, may be 0 */
	size_t nbullets;
	struct jb_tile_spec *tiles; /* key-figures tiles */
	size_t ntiles;
	struct jb_text *rule_text[JB_NRULES]; /* key-findings: each rule's sentence, or NULL */
	long max_items;             /* key-findings: at most this many (default 6) */
};

/* Slides in one deck ('slides' or 'overview'): the shipped pack has about
 * 20; a list longer than this is refused (a deck of thousands of pages is
 * a mistake, and takes minutes to write). */
#define JB_TEMPLATE_MAX_SLIDES 200

struct jb_template {
	char *path;
	struct jb_theme theme;
	char *marking;   /* protective marking, default OFFICIAL-SENSITIVE */
	char *author;    /* PDF author */
	struct jb_slide_spec *slides;   /* a borough's deck */
	size_t nslides;
	struct jb_slide_spec *overview; /* the London overview deck */
	size_t noverview;
};

/* Resolve a theme given by name ("all-violence") or path: a path is used as
 * is; a name is looked for as NAME.conf in each of jb_template_dirs()
 * (util/paths.h: $JEMBRIEF_TEMPLATES, the checkout's templates/, the
 * installed DATADIR/templates). Returns a new string, or NULL when nothing
 * is found. */
char *jb_template_find(const char *name_or_path, const char *argv0);

/* Load and validate: syntax, known slide kinds, required fields, every
 * {placeholder} known. On error returns NULL and writes
 * "FILE:LINE: problem" into err. */
struct jb_template *jb_template_load(const char *path, char *err, size_t errlen);
void jb_template_free(struct jb_template *t);

#endif
