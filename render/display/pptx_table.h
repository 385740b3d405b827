/* render/display/pptx_table.h - a table of the display list read back as a
 * grid, for the PowerPoint backend to write as a real table (a:tbl) an
 * analyst can edit cell by cell, instead of loose text boxes.
 *
 * The display list knows a table only by its structure tags (Table, TR,
 * TH, TD: display.h): the cells' text runs where the layout put them, the
 * rows' bands and the rules. The grid is inferred from those alone:
 *
 * - columns: the cells of each row in order, a row with fewer cells (an
 *   empty cell draws nothing) placed by where its cells are; a boundary
 *   halfway between one column's text and the next's;
 * - rows: a boundary where a band or a rule says, else halfway between one
 *   row's text and the next's; the outer rows as much room beyond their
 *   text as they have on their inner side;
 * - each cell's margins put its text exactly where the layout did;
 *   a column whose text all starts (ends, centres) at one x is aligned
 *   left (right, centred), so that an edit grows the way the layout would.
 *
 * What cannot be said so (a band that is not a whole row, a dashed rule,
 * a picture or link inside the table, overlapping columns) makes no grid:
 * the backend then writes the table's items as it writes any others.
 */
#ifndef JB_PPTX_TABLE_H
#define JB_PPTX_TABLE_H

#include <stddef.h>

#include "display.h"

enum pt_align { PT_LEFT, PT_CENTRE, PT_RIGHT };

struct pt_cell {
	const struct dl_item **runs; /* its text runs, a line each, top down */
	size_t nruns;                /* 0: an empty cell */
	double mar_l, mar_r, mar_t;  /* margins placing the text, points */
};

struct pt_rule {
	struct dl_color color; /* a == 0: none */
	double width;
};

struct pt_table {
	size_t first, end;    /* the items it stands for */
	size_t nrows, ncols;
	double *colx;         /* ncols + 1 boundaries, left to right */
	double *rowy;         /* nrows + 1 boundaries, top down */
	enum pt_align *align; /* per column */
	struct dl_color *fill; /* per row; a == 0: none */
	struct pt_rule *rule;  /* per row boundary (nrows + 1) */
	int header;            /* the first row is all header cells (TH) */
	double *size;          /* per row: the smallest text size, for empty cells */
	struct pt_cell *cells; /* nrows * ncols, row by row */
	const struct dl_item **runs_owned; /* what the cells' runs point into */
};

/* The grid of table element tag of page p (a DL_ROLE_TABLE), its links
 * checked against npages: 0 with *t filled (free with pt_table_free), or
 * -1 when it cannot be written as a grid (*t then needs no freeing). */
int pt_table_read(const struct dl_page *p, size_t tag, size_t npages, struct pt_table *t);
void pt_table_free(struct pt_table *t);

#endif
