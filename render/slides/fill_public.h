/* render/slides/fill_public.h - template placeholders of the public confidence
 * and homicide slides, spliced into the keys[] table of render/slides/fill.c by
 * FILL_PUBLIC_KEYS. Formatting only: every value is read from
 * f->confidence (analysis/confidence.h) and f->homicide
 * (analysis/homicide.h) as it is. */
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

#define FILL_PUBLIC_FN(name) \
	void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)
FILL_PUBLIC_FN(fp_conf_summary);
FILL_PUBLIC_FN(fp_conf_period);
FILL_PUBLIC_FN(fp_conf_period_note);
FILL_PUBLIC_FN(fp_conf_gj_value);
FILL_PUBLIC_FN(fp_conf_gj_london);
FILL_PUBLIC_FN(fp_conf_gj_rank);
FILL_PUBLIC_FN(fp_conf_gj_change);
FILL_PUBLIC_FN(fp_conf_gj_top);
FILL_PUBLIC_FN(fp_conf_gj_bottom);
FILL_PUBLIC_FN(fp_hom_span);
FILL_PUBLIC_FN(fp_hom_last3);
FILL_PUBLIC_FN(fp_hom_prev3);
FILL_PUBLIC_FN(fp_hom_last5);
FILL_PUBLIC_FN(fp_hom_count3);
FILL_PUBLIC_FN(fp_hom_youth3);
FILL_PUBLIC_FN(fp_hom_knife3);
FILL_PUBLIC_FN(fp_hom_rate5);
FILL_PUBLIC_FN(fp_hom_rank5);
FILL_PUBLIC_FN(fp_hom_london_rate5);
FILL_PUBLIC_FN(fp_hom_youth_rate5);
FILL_PUBLIC_FN(fp_hom_youth_rank5);
FILL_PUBLIC_FN(fp_hom_london_youth_rate5);
FILL_PUBLIC_FN(fp_hom_compare);
FILL_PUBLIC_FN(fp_hom_youth_compare);
FILL_PUBLIC_FN(fp_hom_summary);
FILL_PUBLIC_FN(fp_hom_data_note);

#define FILL_PUBLIC_KEYS                                                                         \
	{"conf_summary", fp_conf_summary, "the clearest survey finding, \"Hackney is 7 points below London on ...\""}, \
	{"conf_period", fp_conf_period, "the survey's quarter used, \"the 12 months to December 2023\""}, \
	{"conf_period_note", fp_conf_period_note, "says when that quarter ends before the pack's period, else empty"}, \
	{"conf_gj_value", fp_conf_gj_value, "\"Good Job\" local: the borough's share, \"47%\""},       \
	{"conf_gj_london", fp_conf_gj_london, "\"Good Job\" local: London's share"},                   \
	{"conf_gj_rank", fp_conf_gj_rank, "\"Good Job\" local: rank of 32 from the nearer end, \"3rd highest\", \"2nd lowest\""},          \
	{"conf_gj_change", fp_conf_gj_change, "\"Good Job\" local: change on four quarters before, in points"}, \
	{"conf_gj_top", fp_conf_gj_top, "\"Good Job\" local: the highest borough and its share"},      \
	{"conf_gj_bottom", fp_conf_gj_bottom, "\"Good Job\" local: the lowest borough and its share"}, \
	{"hom_span", fp_hom_span, "the homicide file's complete years, \"2003–2023\""},                \
	{"hom_last3", fp_hom_last3, "its last 3 years, \"2021–2023\""},                                \
	{"hom_prev3", fp_hom_prev3, "the 3 years before them"},                                        \
	{"hom_last5", fp_hom_last5, "its last 5 years"},                                               \
	{"hom_count3", fp_hom_count3, "homicide victims, last 3 years"},                               \
	{"hom_youth3", fp_hom_youth3, "victims aged 13-24, last 3 years"},                             \
	{"hom_knife3", fp_hom_knife3, "victims of knife or sharp-instrument homicide, last 3 years"},  \
	{"hom_rate5", fp_hom_rate5, "victims a year per 100,000 residents, last 5 years"},             \
	{"hom_rank5", fp_hom_rank5, "its rank of 32 from the nearer end, \"3rd highest\", \"2nd lowest\""},                                \
	{"hom_london_rate5", fp_hom_london_rate5, "London's rate, last 5 years"},                      \
	{"hom_youth_rate5", fp_hom_youth_rate5, "victims aged 13-24 a year per 100,000 aged 10-24, last 5 years"}, \
	{"hom_youth_rank5", fp_hom_youth_rank5, "its rank of 32"},                                     \
	{"hom_london_youth_rate5", fp_hom_london_youth_rate5, "London's youth rate, last 5 years"},    \
	{"hom_compare", fp_hom_compare, "last 3 years against the 3 before, exact Poisson test, in words"}, \
	{"hom_youth_compare", fp_hom_youth_compare, "the same for victims aged 13-24"},                \
	{"hom_summary", fp_hom_summary, "\"12 homicide victims in 2021–2023, 5 of them aged 13-24\""}, \
	{"hom_data_note", fp_hom_data_note, "says when the homicide file ends before the pack's period, else empty"},

#endif
