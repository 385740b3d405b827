/* analysis/homicide.h - homicide victims by borough (ingest/homicide.c):
 * all victims, victims aged 13-24 and knife or sharp-instrument homicides,
 * per calendar year, over the file's own span and its last 5 and last 3
 * complete years, with rates per 100,000 residents per year (aged 10-24
 * for the 13-24 measure; the population file's single estimate for every
 * year), ranks among the 32, and the last 3 years against the 3 before by
 * the exact conditional test of two Poisson counts (a ~ Bin(a + b, 1/2)).
 *
 * London is the 32 boroughs together (Heathrow's victims are set aside by
 * the reader), over the 32 boroughs' residents.
 *
 * Ownership: the findings own the struct (f->homicide, never NULL after
 * jb_analyse()) and free it with jb_homicide_free().
 */
#ifndef JB_HOMICIDE_H
#define JB_HOMICIDE_H

#include <stdio.h>

#include "../ingest/dataset.h"

enum jb_hom_measure { JB_HOM_ALL, JB_HOM_YOUTH, JB_HOM_KNIFE, JB_HOM_NMEASURES };
enum jb_hom_window { JB_HOM_SPAN, JB_HOM_LAST5, JB_HOM_LAST3, JB_HOM_NWINDOWS };
extern const char *const jb_hom_measure_names[JB_HOM_NMEASURES]; /* "all", "aged-13-24", "knife" */

/* Victims aged 13-24: age groups wholly inside these ages (the file's
 * "13 to19" and "20 to 24"). Knife: the Method of Killing names a knife. */
#define JB_HOM_YOUTH_LO 13
#define JB_HOM_YOUTH_HI 24
/* Residents counted for the 13-24 rate. */
#define JB_HOM_POP_LO 10
#define JB_HOM_POP_HI 24

/* Last 3 years against the 3 before. too_small: even an all-or-nothing
 * split of so few victims could not give p < 0.05 (a + b < 6), so the
 * counts are too small to compare and p is not reported. */
struct jb_hom_compare {
	int ok;           /* both periods in the file */
	int too_small;
	double a, b;      /* victims, last 3 years and the 3 before */
	double pct;       /* 100 (a - b) / b; NAN when b == 0 */
	double p;         /* exact two-sided, NAN when too small */
	int significant;  /* p < JB_ALPHA (analysis/stats.h) */
};

struct jb_hom_area {
	double *per_year[JB_HOM_NMEASURES]; /* [nyears] victims per calendar year */
	double total[JB_HOM_NMEASURES][JB_HOM_NWINDOWS];
	double rate[JB_HOM_NMEASURES][JB_HOM_NWINDOWS]; /* per 100,000 residents a year; NAN
							  * without population */
	int rank[JB_HOM_NMEASURES][JB_HOM_NWINDOWS];    /* 1 = highest rate of the 32; 0 none */
	int rank_low[JB_HOM_NMEASURES][JB_HOM_NWINDOWS]; /* the same from the bottom: 1 = lowest */
	struct jb_hom_compare cmp[JB_HOM_NMEASURES];
	double residents[JB_HOM_NMEASURES]; /* the denominator (all ages; 10-24) */
};

struct jb_homicide_findings {
	int ok;                 /* some complete year of homicide data */
	int first_year, last_year; /* complete calendar years used */
	int nyears;
	int data_last_month;    /* the file's last month */
	int cut_short;          /* the file was cut short: its years end with the
				 * one before its last row's */
	int before_period;      /* the file ends before the analysis period */
	int window_first[JB_HOM_NWINDOWS]; /* first year of each window (last_year ends all) */
	struct jb_hom_area area[JB_NBOROUGHS + 1];
};

struct jb_homicide_findings *jb_homicide_analyse(const struct jb_dataset *ds, int period_end);
void jb_homicide_free(struct jb_homicide_findings *h);
int jb_homicide_check(const struct jb_homicide_findings *h, FILE *err);
void jb_homicide_dump(const struct jb_homicide_findings *h, FILE *out);
/* Its row among the parts of the findings (f->homicide). */
struct jb_part;
extern const struct jb_part jb_homicide_part;

#endif
