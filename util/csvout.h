/* util/csvout.h - writing CSV fields (RFC 4180 quoting), and the tables'
 * self-description. Output only: all reading goes through libcsv in
 * ingest/.
 *
 * The tables under out/ follow one set of rules (README "Tables for a
 * spreadsheet"): long rather than wide; an area code beside every area
 * name; units in the column names; months as YYYY-MM text; and one
 * precision rule for numbers, applied here:
 *   csv_int       whole numbers (counts, ranks, populations): no decimals;
 *   csv_fig       every other figure jembrief computes: 6 decimal places,
 *                 or 6 significant figures below 0.001 (p-values);
 *   csv_as_read   a value copied from an input file, as published there.
 * Every table declares its columns (struct csv_table) once: the header row
 * and out/data-dictionary.csv are both written from that declaration.
 * csv_set_bom() is process-wide: set it once, before the deck workers are
 * forked (they inherit it); the field writers keep no other state.
 */
#ifndef JB_CSVOUT_H
#define JB_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

/* A text field, quoted when it holds a comma, quote or newline; then ','
 * or, when last, '\n'. NULL writes an empty field. */
void csv_text(FILE *f, const char *s, int last);
/* A number with printf format fmt; NAN or infinity writes an empty field.
 * (For inputs made by the tools in sample-data/; out/ tables use the rule
 * below.) */
void csv_num(FILE *f, double v, const char *fmt, int last);
/* The precision rule (above); NAN or infinity writes an empty field. */
void csv_int(FILE *f, double v, int last);
void csv_fig(FILE *f, double v, int last);
void csv_as_read(FILE *f, double v, int last);
/* A month index as YYYY-MM; 0 or less writes an empty field. */
void csv_month(FILE *f, int month, int last);

/* One column: its name (unit in the name: _pct percent, _share a fraction
 * 0..1, _per_1000 per 1,000 residents, _gbp pounds), its unit and what it
 * holds, for the data dictionary. */
struct csv_col {
	const char *name, *unit, *meaning;
};

/* A table: its path under out/ (<slug> for each deck's folder), what one
 * row is, and its columns in order. */
struct csv_table {
	const char *file, *row;
	const struct csv_col *cols;
	size_t ncols;
};
#define CSV_TABLE(file, row, cols) {file, row, cols, sizeof cols / sizeof cols[0]}

/* The header row of t, after a UTF-8 byte order mark when csv_set_bom(1)
 * was called (--csv-bom: Excel then reads the file as UTF-8). */
void csv_header(FILE *f, const struct csv_table *t);
/* The header row of columns spread over several declarations (summary.csv):
 * cols of each, in order; the BOM as above. */
void csv_header_parts(FILE *f, const struct csv_table *const *parts, size_t nparts);
void csv_set_bom(int on);

#endif
