/* ingest/csvtable.h - a streaming CSV table reader (libcsv + zlib) and the
 * cell helpers the readers share. Internal to ingest/.
 *
 * A table is one file, .csv or .csv.gz alike (zlib reads plain files
 * through unchanged). Its first record is the header; columns are found by
 * NAME, never by position: case, spaces and underscores are ignored, so
 * "LSOA Code", "lsoa_code" and "LSOACODE" are the same column. A UTF-8 BOM,
 * CRLF line ends and newlines inside quoted fields are handled; every record
 * knows the physical line it starts on, for messages.
 *
 * Ownership: jb_csv_open() returns a table the caller closes with
 * jb_csv_close() (NULL is safe). Strings returned by jb_csv_get() and
 * jb_csv_name() belong to the table and last until the next record
 * (jb_csv_get) or jb_csv_close (jb_csv_name).
 */
#ifndef JB_CSVTABLE_H
#define JB_CSVTABLE_H

#include <stddef.h>

#include "dataset.h"

struct jb_csv;

/* Open path and read its header. NULL when the file cannot be opened or
 * has no header (empty), with *err set to a description owned by the
 * library (strerror or zlib text) or a constant. */
struct jb_csv *jb_csv_open(const char *path, const char **err);
void jb_csv_close(struct jb_csv *t);

int jb_csv_ncols(const struct jb_csv *t);
/* Header name of column col, as written (BOM removed). */
const char *jb_csv_name(const struct jb_csv *t, int col);
/* Index of the first column matching one of the '|'-separated names, e.g.
 * "lsoa_code|LSOA Code (2011)"; -1 when none matches. */
int jb_csv_col(const struct jb_csv *t, const char *names);

/* A column a reader looks for: names as for jb_csv_col, where to put its
 * index, and, for a required column, what to call it when it is missing
 * (NULL: optional). */
struct jb_csv_want {
	const char *names;
	int *col;
	const char *required;
};
/* Looks up every column; returns the first required one that is missing
 * (its `required` name), or NULL when all are there. */
const char *jb_csv_cols(const struct jb_csv *t, const struct jb_csv_want *want, size_t n);

/* Read every data record, calling row(t, ctx) for each one that has as many
 * fields as the header. Each record is counted in src->rows; a ragged record
 * is rejected ("wrong number of fields") and not passed on, and so is one
 * with a NUL byte in a field, a field longer than JB_FIELD_MAX or more than
 * JB_FIELDS_MAX fields (ingest/limits.h). A non-zero return from row stops
 * the reading. Returns 0, or -1 after a read error or a field still open
 * after JB_FIELD_BUFFER_MAX bytes (rejected on src, so the rows before it
 * stay counted), or when the header names a column twice (rejected at line
 * 1: which of the two a reader gets would be chance; nothing is read). */
int jb_csv_each(struct jb_csv *t, struct jb_source *src,
		int (*row)(struct jb_csv *t, void *ctx), void *ctx);
/* Field col of the current record ("" when col < 0), leading and trailing
 * blanks removed. */
const char *jb_csv_get(const struct jb_csv *t, int col);
/* Physical line (1-based) on which the current record starts. */
long jb_csv_line(const struct jb_csv *t);

/* ---- cell helpers: 0 on success, -1 when the cell is not what is asked ---- */

/* A whole number >= 0: digits, optionally grouped by thousands ("29,199"). */
int jb_parse_count(const char *s, long *out);
/* A finite decimal number, thousands grouping allowed ("-1.5", "1,234.5"). */
int jb_parse_number(const char *s, double *out);
/* A month: "202501" (YYYYMM), "2025-01", or an ISO date or timestamp
 * beginning "2025-01-..."; the result is jb_month(year, month). */
int jb_parse_month(const char *s, int *month);
/* Month of a wide-file header name: exactly six digits YYYYMM. Returns
 * -2 for a month outside JB_YEAR_MIN..JB_YEAR_MAX (ingest/limits.h), which
 * the reader reports; months are always within that window. */
int jb_parse_yyyymm(const char *s, int *month);

/* ---- source helpers ---- */

/* Register rel as a source of the given kind that could not be used, and
 * report why at line (0: the whole file). Always returns -1, what a reader
 * returns for an unusable file. */
int jb_source_unusable(struct jb_dataset *ds, const char *rel, const char *kind,
		       long line, const char *column, const char *problem,
		       const char *detail);

/* The LSOA a row names, for readers of LSOA tables: when the registry came
 * from a boundary file an unknown code is set aside ("LSOA not in the
 * boundary file") and -1 returned; otherwise the code is interned (name and
 * borough fill blanks). An empty code is rejected. */
int jb_row_lsoa(struct jb_dataset *ds, struct jb_source *src, long line,
		const char *column, const char *code, const char *name, int borough);

#endif
