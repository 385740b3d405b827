/* render/slides/fill_public.h - template placeholders of the public confidence
 * and homicide slides, grouped for the slide kinds (render/slides/kinds.c).
 * Formatting only: every value is read from f->confidence
 * (analysis/confidence.h) and f->homicide (analysis/homicide.h) as it is. */
#ifndef JB_FILL_PUBLIC_H
#define JB_FILL_PUBLIC_H

#include <stddef.h>

#include "../../analysis/confidence.h"
#include "../../analysis/homicide.h"
#include "fill.h"

/* A proportion as whole per cent, "47%"; "–" for NAN. */
void fmt_share(double v, char *buf, size_t n);
/* A difference of proportions in whole points, signed: "+3 points",
 * "−2 points", "no change". */
void fmt_points(double d, char *buf, size_t n);
/* Years "2021–2023" (one year: "2023"). */
void fmt_years(int first, int last, char *buf, size_t n);

/* The placeholders, as a group for the slide kinds (render/slides/kinds.c). */
extern const struct fill_group fill_public_keys;

#endif
