/* render/tables/dictionary.c - see dictionary.h. */
#include "dictionary.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../../util/atomic.h"
#include "../../util/csvout.h"
#include "datatables.h"
#include "quality.h"
#include "summary.h"

static const struct csv_col dictionary_cols[] = {
	{"file", "path", "the file under the output directory; <slug> stands for each deck's "
			 "folder (hackney, ..., london-overview)"},
	{"row", "text", "what one row of the file is"},
	{"column", "text", "the column's name, as in the file's header"},
	{"unit", "text", "its unit; YYYY-MM months are text (see the README on Excel)"},
	{"meaning", "text", "what it holds"},
};
static const struct csv_table dictionary_table =
	CSV_TABLE("data-dictionary.csv", "one column of one file", dictionary_cols);

/* The rows of t; row_of names what a row is (summary.csv's later parts
 * have none of their own). */
static void describe(FILE *out, const struct csv_table *t, const char *row_of)
{
	for (size_t i = 0; i < t->ncols; i++) {
		csv_text(out, t->file, 0);
		csv_text(out, row_of, 0);
		csv_text(out, t->cols[i].name, 0);
		csv_text(out, t->cols[i].unit, 0);
		csv_text(out, t->cols[i].meaning, 1);
	}
}

int dictionary_write(const char *path, const struct datatable_set *tables, char *err,
		     size_t errlen)
{
	struct atomic_file af;
	FILE *out = atomic_open(&af, path);
	if (!out) {
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	csv_header(out, &dictionary_table);
	const struct csv_table *t;
	for (size_t i = 0; (t = summary_part(i)); i++)
		describe(out, t, summary_part(0)->row);
	describe(out, &dashboard_table, dashboard_table.row);
	describe(out, &quality_table, quality_table.row);
	describe(out, &dictionary_table, dictionary_table.row);
	for (size_t i = 0; i < tables->n; i++)
		describe(out, tables->v[i]->def, tables->v[i]->def->row);
	if (atomic_commit(&af) != 0) {
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
