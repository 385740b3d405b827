/* render/fill.h - template placeholders filled from the findings, and the
 * number formats every slide shares. Formatting only: each value shown is
 * read from the findings as it is.
 *
 * A placeholder is {name}; "{{" and "}}" stand for literal braces. The names
 * are listed in the README ("Template placeholders") and by
 * `jembrief --placeholders`.
 */
#ifndef JB_FILL_H
#define JB_FILL_H

#include <stddef.h>
#include <stdio.h>

#include "../analysis/findings.h"

struct fill_ctx {
	const struct jb_findings *f;
	int area;            /* borough 0..31 or JB_LONDON */
	const char *marking;
};

/* 0 when every placeholder in s is known; else -1 with the first unknown
 * name in bad. */
int fill_check(const char *s, char *bad, size_t badlen);
/* s with its placeholders replaced (a new string, caller frees). */
char *fill(const char *s, const struct fill_ctx *ctx);
/* Print every placeholder with its description. */
void fill_list(FILE *out);

/* Shared number formats (all write a NUL-terminated string into buf). */
void fmt_count(double v, char *buf, size_t n);    /* "12,345"; "–" for NAN */
void fmt_dec(double v, int places, char *buf, size_t n); /* "1,234.5" */
void fmt_signed_pct(double v, char *buf, size_t n);/* "+4.2%", "−12.0%" */
void fmt_p(double p, char *buf, size_t n);        /* "p < 0.001", "p = 0.042" */
void fmt_ordinal(int k, char *buf, size_t n);     /* "1st", "22nd" */
void fmt_month(int month, int longform, char *buf, size_t n); /* "Feb 2026" / "February 2026" */
/* A source's months, "Jan 2017 – Jun 2017", with ", older than the rest of
 * the pack" when the finding says the source ends before the period
 * analysed (enum jb_window_age JB_WINDOW_OLDER). */
void fmt_window(int first, int last, int age, char *buf, size_t n);

#endif
