/* util/csvout.h - writing CSV fields (RFC 4180 quoting). Output only: all
 * reading goes through libcsv in ingest/. */
#ifndef JB_CSVOUT_H
#define JB_CSVOUT_H

#include <stdio.h>

/* A text field, quoted when it holds a comma, quote or newline; then ','
 * or, when last, '\n'. NULL writes an empty field. */
void csv_text(FILE *f, const char *s, int last);
/* A number with printf format fmt; NAN or infinity writes an empty field. */
void csv_num(FILE *f, double v, const char *fmt, int last);
/* A comma, then the number (nothing for NAN or infinity): for a row whose
 * fields each follow the one before. */
void csv_num_next(FILE *f, double v, const char *fmt);
/* A month index as YYYY-MM; 0 or less writes an empty field. */
void csv_month(FILE *f, int month, int last);

#endif
