/* analysis/drivers.h - borough profile and deprivation, drivers of crime,
 * attrition (DESIGN §5 "Drivers", "Attrition").
 *
 * Profile: each borough's LSOAs by national IMD decile (1 = England's most
 * deprived 10%), against London's; the IMD score of every London LSOA in
 * five classes whose breaks are London-wide quintiles (the same breaks on
 * every borough's map, so maps compare).
 *
 * Drivers: across the LSOAs of the 32 boroughs that have an LSOA crime
 * count, Census 2021 residents and all IMD domain scores, the theme's rate
 * per 1,000 residents over the last 12 months of the LSOA file is
 * correlated (Spearman and Pearson) with the IMD score and with each domain
 * score except the crime domain, which measures crime itself. A Poisson
 * regression of the counts on the six other domain scores, with
 * log(residents) as offset, gives each domain's rate ratio per standard
 * deviation of its score (over the LSOAs used), adjusted for the others;
 * standard errors scaled by the overdispersion (DESIGN: phi floored at 1).
 * For the scatter, a Poisson regression of counts on the IMD score alone
 * (offset log residents) over London's LSOAs and over each borough's gives
 * the fitted rate curve.
 *
 * Attrition: data.police.uk street records of the theme's crime types, the
 * last 12 months of the street data; each "Last outcome category" is put in
 * a stage by jb_outcome_stage() (the full mapping is in drivers.c). The
 * borough's stage counts are compared with the rest of London's (the other
 * 31 boroughs) by a chi-square test of independence. From the MPS
 * dashboard: the positive outcome rate = positive outcomes / offences of the
 * theme's first dashboard measure that has "Positive Outcomes" rows, summed
 * over the same 12 months (rolling, month by month).
 *
 * Ownership: jb_drivers_analyse() returns a struct the caller frees with
 * jb_drivers_free() (NULL safe); it borrows nothing.
 */
#ifndef JB_DRIVERS_H
#define JB_DRIVERS_H

#include <stddef.h>
#include <stdio.h>

#include "../ingest/dataset.h"
#include "findings.h"
#include "stats.h"

struct jb_findings;

#define JB_IMD_CLASSES 5
#define JB_DRV_NVARS 7   /* the IMD score and the six domains without crime */
#define JB_DRV_NDOMAINS 6
#define JB_CURVE_POINTS 41
#define JB_MIN_FUNNEL 30 /* crimes with a known stage before a funnel is shown */

/* Attrition stages, in funnel order. */
enum jb_stage {
	JB_STAGE_NO_SUSPECT,   /* no suspect identified / under investigation */
	JB_STAGE_NFA,          /* suspect identified, no further action */
	JB_STAGE_CHARGED,      /* charged or summonsed, no court result yet */
	JB_STAGE_COURT,        /* court outcome */
	JB_STAGE_OUT_OF_COURT, /* out-of-court disposal */
	JB_NSTAGES,
	JB_STAGE_UNKNOWN = -1, /* no outcome, "Status update unavailable" */
	JB_STAGE_UNMAPPED = -2 /* a string the mapping does not know */
};
extern const char *const jb_stage_names[JB_NSTAGES];
/* The stage of a data.police.uk last outcome (exact published wording,
 * case ignored). */
int jb_outcome_stage(const char *outcome);

/* Funnel levels, each a share of crimes with a known stage: all;
 * a suspect identified (stages NFA..OUT_OF_COURT); formal action (charged,
 * court or out of court); charged or summonsed (charged or court); a court
 * outcome. */
#define JB_FUNNEL_LEVELS 5
extern const char *const jb_funnel_names[JB_FUNNEL_LEVELS];

/* A fitted rate curve: rate per 1,000 = exp(b0 + b1 imd) 1000. */
struct jb_curve {
	int ok;
	size_t n;               /* LSOAs fitted */
	double b0, b1, se_b1;   /* log scale; se scaled for overdispersion */
	double phi;
	double rr10, rr10_lo, rr10_hi; /* rate ratio per 10 IMD points, 95% CI */
	int significant;        /* the 95% CI of rr10 leaves out 1 */
	double x[JB_CURVE_POINTS], rate[JB_CURVE_POINTS]; /* over [xmin, xmax] */
};

struct jb_drivers_area {
	/* profile */
	size_t nlsoa_imd;       /* LSOAs with an IMD row */
	double decile_n[10];    /* LSOAs in national decile 1..10 */
	double decile_share[10];/* of nlsoa_imd; NAN when none */
	double share_d1, share_d1_2; /* most deprived 10%, 20% */
	double imd_median;      /* median IMD score of its LSOAs */
	/* drivers scatter */
	size_t nmodel;          /* its LSOAs in the drivers set */
	size_t nabove;          /* of those, rates above the scatter's cap */
	struct jb_curve curve;
	/* attrition: street outcomes */
	double stage_n[JB_NSTAGES];
	double rest_n[JB_NSTAGES]; /* the other 31 boroughs (the test's second row) */
	double known;           /* crimes with a stage */
	double unknown;         /* no outcome / status unavailable */
	double unmapped;
	double funnel[JB_FUNNEL_LEVELS]; /* shares of known; NAN when none */
	int has_funnel;         /* known >= JB_MIN_FUNNEL */
	struct jb_chisq chisq;  /* vs the other 31 boroughs; not for London */
	int chisq_reliable;     /* every expected count >= 5 */
	/* attrition: dashboard positive outcome rate */
	double po_last12, off_last12, po_rate12; /* rate as a % */
	int po_rank;            /* 1 = highest rate of the 32; 0 none */
	int po_rank_low;        /* the same from the other end: 1 = lowest */
	double *po_rolling;     /* [po_n] rolling 12-month rate %, NAN with no offences */
};

struct jb_drivers {
	/* profile */
	int has_imd;
	double imd_breaks[JB_IMD_CLASSES + 1]; /* class k: [breaks[k], breaks[k+1]) (last inclusive) */
	int *lsoa_imd_class;    /* [nlsoa] 0..4, -1 = no IMD score */

	/* drivers */
	int has_model;          /* enough LSOAs with counts, residents, domains */
	const char *why_no_model; /* static text when !has_model */
	/* when the model lacks a whole input (one not supplied, or an
	 * LSOA-keyed file that does not cover all London): what, for
	 * "no ..."; the slide is left out. NULL otherwise. */
	const char *model_missing;
	size_t n;               /* LSOAs used */
	double *lsoa_rate;      /* [nlsoa] rate per 1,000 when in the set, else NAN */
	const char *var_names[JB_DRV_NVARS]; /* "IMD score", "Income", ... (static) */
	int var_domain[JB_DRV_NVARS];        /* -1 for the IMD score */
	struct jb_corr spearman[JB_DRV_NVARS], pearson[JB_DRV_NVARS];
	struct jb_glm glm;      /* intercept + six domains, in var order 1..6 */
	double dom_sd[JB_DRV_NDOMAINS];      /* SD of each domain score (n - 1) */
	double rr_sd[JB_DRV_NDOMAINS], rr_lo[JB_DRV_NDOMAINS], rr_hi[JB_DRV_NDOMAINS];
	double rr_p[JB_DRV_NDOMAINS];
	double corr_p_max;      /* the largest p of the 14 correlations */
	int top_domain;         /* 0..5: largest rate ratio per SD whose CI is above 1; -1 none */
	double rate_cap;        /* scatter's y cap: London's 99th percentile rate */
	double imd_min, imd_max;/* over the set */

	/* attrition */
	int has_street;         /* street records of the theme in the 32 boroughs */
	int street_first, street_last; /* months used */
	enum jb_window_age street_age; /* against the analysis period */
	char **unmapped;        /* outcome strings not in the mapping */
	size_t nunmapped;
	int has_po;
	const char *po_measure; /* borrowed from the theme */
	int po_first;           /* month of po_rolling[0] */
	enum jb_window_age po_age; /* OLDER when the dashboard ends before period_end */
	size_t po_n;

	struct jb_drivers_area area[JB_NBOROUGHS + 1]; /* [JB_LONDON] = London */
};

/* From the dataset and the findings computed so far (the LSOA counts
 * f->lsoa[l].count12, f->period_end, the theme). Never fails: what is
 * missing leaves its has_* flag 0. */
struct jb_drivers *jb_drivers_analyse(const struct jb_dataset *ds, const struct jb_findings *f);
void jb_drivers_free(struct jb_drivers *d);
void jb_drivers_dump(const struct jb_drivers *d, const struct jb_dataset *ds, FILE *out);
/* Internal consistency (deciles that add up, correlations and shares in
 * range, intervals around their estimate, funnels that narrow): the number
 * of problems, each printed to err. NULL d is none. */
int jb_drivers_check(const struct jb_drivers *d, const struct jb_dataset *ds, FILE *err);
/* Its row among the parts of the findings (f->drivers). */
extern const struct jb_part jb_drivers_part;

#endif
