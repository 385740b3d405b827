/* render/tables/datatables.h - the numbers behind each deck's charts, as CSV in
 * OUT/<slug>/data/, so analysts can check and reuse them. Each table is
 * written atomically from the findings as they are (the precision rule of
 * util/csvout.h, no thousands separators; an empty field is "not
 * available"), its columns declared once beside it. */
#ifndef JB_DATATABLES_H
#define JB_DATATABLES_H

#include <stddef.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* Every table of area's deck into dir (created). Tables that are the same
 * in every deck (London-wide: hotspots-lsoa.csv, emerging-lsoa.csv) are
 * hard links to the copies datatables_shared_write() put in shared, when
 * shared is not NULL; otherwise they are written. 0, or -1 with err. */
int datatables_write(const struct jb_findings *f, int area, const char *dir, const char *shared,
		     char *err, size_t errlen);
/* The names of the tables datatables_write() writes for f (every table
 * there can be when f is NULL), at most max; returns how many. */
size_t datatables_names(const struct jb_findings *f, const char **names, size_t max);
#define DATATABLES_MAX 64 /* more than there are tables */
/* The London-wide tables, once, into dir (created). 0, or -1 with err. */
int datatables_shared_write(const struct jb_findings *f, const char *dir, char *err,
			    size_t errlen);

/* One table: opens dir/name atomically, calls body, commits. Topic files
 * use this for their own tables. 0, or -1 with err. */
typedef void (*datatable_fn)(FILE *out, const struct jb_findings *f, int area);
int datatable_write(const char *dir, const char *name, datatable_fn body,
		    const struct jb_findings *f, int area, char *err, size_t errlen);

/* The area a row is about, as the first columns of a deck's tables:
 * area_code, area_name (declared by DATATABLE_AREA_COLS, written by
 * datatable_area), so the tables of several decks can be stacked. */
#define DATATABLE_AREA_COLS                                                          \
	{"area_code", "GSS code", "the row's area: the deck's borough (E09...), or "    \
				  "London (E12000007)"},                                \
	{"area_name", "text", "the row's area: the deck's borough, or London"}
void datatable_area(FILE *out, const struct jb_findings *f, int area);

/* The declaration (file, row, columns) of the i-th table of a deck's data/
 * folder, for the data dictionary; NULL past the last. */
const struct csv_table *datatables_def(size_t i);

#endif
