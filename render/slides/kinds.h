/* render/slides/kinds.h - every slide kind, declared once: one row of
 * slide_kinds[] (render/slides/kinds.c) gives a kind's name as templates
 * spell it, its default outline entry, the function that lays it out, what
 * data it cannot do without, the data tables it writes and the
 * placeholders it brings, the way mandoc declares each macro once.
 *
 * Adding a slide kind: a layout file in render/slides/ with its header
 * (its layout function, its missing function, its placeholder group if it
 * has words of its own, its data tables: there, or in render/tables/ when
 * they are a topic's), one row in kinds.c, and its slide in the templates
 * (templates/london-pack.conf). Nothing else lists the kinds.
 *
 * Read-only: any number of threads or deck processes may share it. */
#ifndef JB_KINDS_H
#define JB_KINDS_H

#include <stddef.h>

#include "../deck.h"
#include "../tables/datatables.h"
#include "fill.h"

/* What sets a kind apart where the deck or the loader must know. */
enum slide_kind_flags {
	KIND_COVER = 1 << 0,       /* a full page: no title bar or footer (title) */
	KIND_NOT_LISTED = 1 << 1,  /* no entry on the contents slide (title, contents) */
	KIND_NEEDS_RULES = 1 << 2, /* its slide must give 'findings' (key-findings) */
	KIND_HOMICIDE = 1 << 3,    /* only in a theme that counts homicide; left out of
				    * another without a word (analysis/theme.h) */
	KIND_IMAGE = 1 << 4,       /* takes image = "file" (and needs it) */
	KIND_COMMENTARY = 1 << 5,  /* the analyst's notes: left out without a word
				    * when the borough has none for it */
	KIND_GROUP = 1 << 6,       /* laid out for a group of boroughs too (--group):
				    * its figures are summed over the members; a
				    * kind without it is left out of a group's pack
				    * and named on its sources slide */
	KIND_GROUP_ONLY = 1 << 7,  /* only in a group's pack (the members' figures);
				    * left out of other decks without a word */
};

struct slide_kind {
	const char *name;    /* as templates spell it: kind = "trend"; */
	const char *outline; /* the outline and contents entry when a slide gives none */
	/* Lays out a slide of this kind on p (the deck draws the title bar and
	 * footer around it unless KIND_COVER). */
	void (*layout)(struct dl_page *p, const struct slide_ctx *c);
	/* What it has nothing to show without for area: a phrase such as "MPS
	 * LSOA-level recorded crime with LSOA boundaries" (the slide is then
	 * left out, or says so with when_missing = "show"), or NULL when it has
	 * something to show. NULL: never missing. */
	const char *(*missing)(const struct jb_findings *f, int area);
	/* The CSV tables in each deck's data/ folder that hold its numbers,
	 * ended by {NULL}; NULL for none. */
	const struct datatable *tables;
	/* The placeholders its words bring besides every slide's (fill.h);
	 * NULL for none. Several kinds may share one group. */
	const struct fill_group *placeholders;
	unsigned flags; /* enum slide_kind_flags */
};

/* Every kind; the order is the order the data tables are written in and
 * the placeholders looked up in. */
extern const struct slide_kind slide_kinds[];
extern const size_t slide_nkinds;

/* The kind templates spell name, or NULL. */
const struct slide_kind *slide_kind_by_name(const char *name);
/* Every kind's data tables, in the kinds' order, into s. */
void slide_kinds_datatables(struct datatable_set *s);
/* The tables of area's deck: for the group (JB_GROUP) those of the kinds
 * a group's pack has (KIND_GROUP), else every kind's but the group's own
 * (KIND_GROUP_ONLY). */
void slide_kinds_deck_datatables(struct datatable_set *s, int area);

#endif
