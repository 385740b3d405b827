/* render/tables/datatables.h - the numbers behind each deck's charts, as CSV in
 * OUT/<slug>/data/, so analysts can check and reuse them. Each table is
 * written atomically from the findings as they are (the precision rule of
 * util/csvout.h, no thousands separators; an empty field is "not
 * available"), its columns declared once beside it. */
#ifndef JB_DATATABLES_H
#define JB_DATATABLES_H

#include <stddef.h>
#include <stdio.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* One table: opens dir/name atomically, calls body, commits. Topic files
 * use this for their own tables. 0, or -1 with err. */
typedef void (*datatable_fn)(FILE *out, const struct jb_findings *f, int area);
int datatable_write(const char *dir, const char *name, datatable_fn body,
		    const struct jb_findings *f, int area, char *err, size_t errlen);

/* A data table as a slide kind lists it (render/slides/kinds.c): its
 * declaration (file name and columns), what writes it, when. */
enum datatable_scope {
	DATATABLE_PER_DECK,    /* each deck's own numbers */
	DATATABLE_LONDON_WIDE, /* the same bytes in every deck: written once, linked */
};
struct datatable {
	const struct csv_table *def;
	datatable_fn body;
	int (*when)(const struct jb_findings *f); /* NULL: always written */
	enum datatable_scope scope;
};
/* Every deck's tables, in the order they are written (the slide kinds'
 * tables, in the kinds' order: slide_kinds_datatables()). */
#define DATATABLES_MAX 64 /* more than there are tables */
struct datatable_set {
	const struct datatable *v[DATATABLES_MAX];
	size_t n;
};

/* Every table of s for area's deck into dir (created). London-wide
 * tables are hard links to the copies datatables_shared_write() put in
 * shared, when shared is not NULL; otherwise they are written. 0, or -1
 * with err. */
int datatables_write(const struct datatable_set *s, const struct jb_findings *f, int area,
		     const char *dir, const char *shared, char *err, size_t errlen);
/* The names of the tables of s datatables_write() writes for f (every
 * table of s when f is NULL), at most max; returns how many. */
size_t datatables_names(const struct datatable_set *s, const struct jb_findings *f,
			const char **names, size_t max);
/* The London-wide tables of s, once, into dir (created). 0, or -1 with err. */
int datatables_shared_write(const struct datatable_set *s, const struct jb_findings *f,
			    const char *dir, char *err, size_t errlen);

/* The area a row is about, as the first columns of a deck's tables:
 * area_code, area_name (declared by DATATABLE_AREA_COLS, written by
 * datatable_area), so the tables of several decks can be stacked. */
#define DATATABLE_AREA_COLS                                                          \
	{"area_code", "GSS code", "the row's area: the deck's borough (E09...), or "    \
				  "London (E12000007); empty for a group (--group)"},   \
	{"area_name", "text", "the row's area: the deck's borough, London, or the "    \
			      "group's name"}
void datatable_area(FILE *out, const struct jb_findings *f, int area);

/* The core slides' tables (trend, comparison, neighbourhood map), declared
 * and written in datatables.c:
 * trend.csv        the trend slide's series and fit;
 * comparison.csv   the 32 boroughs' rates, ranks and whether similar;
 * lsoa-counts.csv  the neighbourhood map's LSOAs, counts and classes. */
extern const struct csv_table trend_table, comparison_table, lsoa_counts_table;
void datatable_trend(FILE *out, const struct jb_findings *f, int area);
void datatable_comparison(FILE *out, const struct jb_findings *f, int area);
void datatable_lsoa_counts(FILE *out, const struct jb_findings *f, int area);

#endif
