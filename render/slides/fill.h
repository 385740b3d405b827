/* render/slides/fill.h - template placeholders filled from the findings, and the
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

#include "../../analysis/findings.h"
#include "../../util/numfmt.h" /* fmt_dec, fmt_p: the shared number format */

/* A label as a source publishes it ("Knife Injury Victims (1-24)", "Total
 * Permanent Exclusions (%)") and the plain name the slides show for it:
 * the template's 'labels' list (template_load.h). */
struct jb_label {
	char *raw, *plain;
};
struct jb_labels {
	struct jb_label *v;
	size_t n;
};
/* The plain name of raw, or raw itself when l (may be NULL) has none. */
const char *label_plain(const struct jb_labels *l, const char *raw);

struct fill_ctx {
	const struct jb_findings *f;
	int area;            /* borough 0..31 or JB_LONDON */
	const char *marking;
	const struct jb_labels *labels; /* the template's; NULL: labels as published */
};

/* A placeholder has a value, or none: a figure the data do not give (no
 * file, a window the data do not cover, a rank with nothing ranked...).
 * A placeholder function writes FILL_NA for "no value"; a wording with
 * such a placeholder is never shown, so no dash, "not ranked" or empty
 * value ever lands mid-sentence (see jb_text below).
 *
 * {name|one|other} is the word agreeing with name's number: "one" when
 * the value is 1, else "other" ("{actions_overdue|is|are} overdue"). */
#define FILL_NA NUM_NA /* "–", the shared formats' "no value" */

/* A text as a template gives it: one wording, or alternatives tried in
 * order. A wording applies when every rule of its 'when' holds for the area
 * (analysis/keyfindings.h: the judgements) and every placeholder in it has
 * a value; the first that applies is shown. */
struct jb_wording {
	char *text;         /* with {placeholders} */
	unsigned long when; /* bit (1ul << rule) per rule that must hold; 0: none */
};
struct jb_text {
	size_t n;
	struct jb_wording *v;
};
void jb_text_free(struct jb_text *t); /* NULL safe */

/* FILL_OK when every placeholder in s is known, well formed and closed;
 * else FILL_UNKNOWN with the first unknown or malformed one in bad, or
 * FILL_UNCLOSED with the text from the brace that is never closed
 * ("{borough rose") in bad; *at gets the offending brace's offset in s. */
enum { FILL_OK = 0, FILL_UNKNOWN = -1, FILL_UNCLOSED = -2 };
int fill_check(const char *s, char *bad, size_t badlen, size_t *at);
/* s with its placeholders replaced (a new string, caller frees); a
 * placeholder without a value reads FILL_NA. For fixed texts of the
 * program's own (PDF metadata), not for template wordings. */
char *fill(const char *s, const struct fill_ctx *ctx);
/* The first wording of t that applies, filled (caller frees); NULL when
 * none applies or t is NULL. */
char *fill_text(const struct jb_text *t, const struct fill_ctx *ctx);
/* Print every placeholder with its description. */
void fill_list(FILE *out);

/* One placeholder: its name, the function writing its value into buf
 * (FILL_NA for none), and what it is, for --placeholders. */
typedef void (*fill_fn)(const struct fill_ctx *c, const struct jb_area_findings *a, char *buf,
			size_t n);
struct fill_key {
	const char *name;
	fill_fn fn;
	const char *what;
};
/* A group of placeholders: every slide's (fill.c), or those a slide kind
 * brings (render/slides/kinds.h). A template text may use any of them. */
struct fill_group {
	const struct fill_key *v;
	size_t n;
};
#define FILL_GROUP(keys) {keys, sizeof keys / sizeof keys[0]}

/* The word agreeing with a count: one when n is 1, else other. */
const char *fmt_plural(double n, const char *one, const char *other);

/* Shared number formats (all write a NUL-terminated string into buf);
 * fmt_dec and fmt_p are util/numfmt.h's. */
void fmt_count(double v, char *buf, size_t n);    /* "12,345"; FILL_NA for NAN */
void fmt_signed_pct(double v, char *buf, size_t n);/* "+4.2%", "−12.0%" */
/* The same number without its sign, "12.0%": a title's "fell 12.0%" reads
 * as its tile's "−12.0%". */
void fmt_abs_pct(double v, char *buf, size_t n);
void fmt_ordinal(int k, char *buf, size_t n);     /* "1st", "22nd" */
/* A rank read from the nearer end: high is its place counting from the
 * highest value (1 = highest), low from the lowest; "highest", "5th
 * highest", "2nd lowest". FILL_NA when unranked (high or low 0). */
void fmt_rank_natural(int high, int low, char *buf, size_t n);
void fmt_month(int month, int longform, char *buf, size_t n); /* "Feb 2026" / "February 2026" */
/* Months first to last in GOV.UK style: "March 2025 to February 2026";
 * one month alone, "January 2025". */
void fmt_month_span(int first, int last, char *buf, size_t n);
/* A source's months, "Jan 2017 – Jun 2017", with ", older than the rest of
 * the pack" when the finding says the source ends before the period
 * analysed (enum jb_window_age JB_WINDOW_OLDER). */
void fmt_window(int first, int last, int age, char *buf, size_t n);

#endif
