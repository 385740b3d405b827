/* util/csvout.c - see csvout.h. */
#include "csvout.h"

#include <math.h>
#include <string.h>

static int with_bom;

void csv_set_bom(int on)
{
	with_bom = on;
}

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

void csv_int(FILE *f, double v, int last)
{
	csv_num(f, v, "%.0f", last);
}

void csv_fig(FILE *f, double v, int last)
{
	csv_num(f, v, v != 0 && fabs(v) < 0.001 ? "%.6g" : "%.6f", last);
}

void csv_as_read(FILE *f, double v, int last)
{
	/* 10 significant figures reproduce every value the sources publish */
	csv_num(f, v, "%.10g", last);
}

void csv_month(FILE *f, int m, int last)
{
	if (m > 0)
		fprintf(f, "%04d-%02d", m / 12, m % 12 + 1);
	fputc(last ? '\n' : ',', f);
}

void csv_header_parts(FILE *f, const struct csv_table *const *parts, size_t nparts)
{
	if (with_bom)
		fputs("\xEF\xBB\xBF", f);
	const char *sep = "";
	for (size_t p = 0; p < nparts; p++)
		for (size_t i = 0; i < parts[p]->ncols; i++) {
			fprintf(f, "%s%s", sep, parts[p]->cols[i].name);
			sep = ",";
		}
	fputc('\n', f);
}

void csv_header(FILE *f, const struct csv_table *t)
{
	csv_header_parts(f, &t, 1);
}
