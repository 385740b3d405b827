/* util/csvout.c - see csvout.h. */
#include "csvout.h"

#include <math.h>
#include <string.h>

void csv_text(FILE *f, const char *s, int last)
{
	if (s && strpbrk(s, ",\"\n\r")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else if (s) {
		fputs(s, f);
	}
	fputc(last ? '\n' : ',', f);
}

void csv_num(FILE *f, double v, const char *fmt, int last)
{
	if (isfinite(v))
		fprintf(f, fmt, v);
	fputc(last ? '\n' : ',', f);
}

void csv_num_next(FILE *f, double v, const char *fmt)
{
	fputc(',', f);
	if (isfinite(v))
		fprintf(f, fmt, v);
}

void csv_month(FILE *f, int m, int last)
{
	if (m > 0)
		fprintf(f, "%04d-%02d", m / 12, m % 12 + 1);
	fputc(last ? '\n' : ',', f);
}
