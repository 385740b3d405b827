/* render/slides/fill_context.h - template placeholders of the local context
 * slides (exclusion and truancy, youth services, youth justice, actions),
 * grouped for the slide kinds (render/slides/kinds.c), and the formats those
 * slides share. Formatting only: every value is read from the findings'
 * context (analysis/context.h) as it is. */
#ifndef JB_FILL_CONTEXT_H
#define JB_FILL_CONTEXT_H

#include <stddef.h>

#include "../../analysis/context.h"
#include "fill.h"

/* A LAIT value with the dictionary's decimals (when it gives none: 0 for
 * values of 100 or more, else 1); "–" for NAN. */
void fmt_lait(const struct jb_lait_series *s, double v, char *buf, size_t n);
/* Year y of a LAIT series in GOV.UK style: "2023/24" and "2023-24 (OT)"
 * as "2023 to 2024"; a single year of an academic-year indicator (LAIT
 * labels absence by the year it ends) as the academic year, "2025" as
 * "2024 to 2025"; any other single year as published, and a label that
 * is no year as it stands. */
void fmt_lait_year(const struct jb_lait_series *s, size_t y, char *buf, size_t n);
/* Pounds, whole: "£205". */
void fmt_pounds(double v, char *buf, size_t n);
/* A date yyyymmdd as "15 September 2025" (longform) or "15 Sep 2025". */
void fmt_ymd(int ymd, int longform, char *buf, size_t n);

/* The placeholders, as a group for the slide kinds (render/slides/kinds.c). */
extern const struct fill_group fill_context_keys;

#endif
