/* analysis/context.h - the local context findings: exclusion and truancy,
 * spending on young people, youth justice, youth services near hot spots,
 * the action log, adult offender management.
 *
 * Computed once for all boroughs by jb_context_analyse() from the dataset's
 * youth data (ingest/youth.h) and the findings already made (population,
 * borough series, similar boroughs, hot spots). Ownership: the findings own
 * the struct jb_context (f->context) and free it with jb_context_free()
 * (NULL safe); it borrows the dataset's LAIT values, years, services and
 * actions, which outlive it.
 */
#ifndef JB_CONTEXT_H
#define JB_CONTEXT_H

#include <stddef.h>
#include <stdio.h>

#include "../ingest/youth.h"

struct jb_findings;

/* A service "reaches" a neighbourhood whose representative point lies
 * within this distance (metres, BNG). */
#define JB_SERVICE_REACH 1000.0
#define JB_GI_UNKNOWN (-128)

/* A series' mean over each borough's most similar boroughs (f->area[b].
 * similar[], DESIGN §5), year by year: the plain mean of the values of
 * those of the (up to five) similar boroughs that have one that year. */
struct jb_similar_mean {
	size_t nyears;       /* the series' */
	double *v;           /* [JB_NBOROUGHS * nyears], v[b * nyears + year]; NAN when
			      * none of b's similar boroughs has a value that year */
	int *n;              /* [JB_NBOROUGHS * nyears] how many similar boroughs
			      * the mean is over (0..5) */
};

/* One LAIT indicator for every area and year, as LAIT publishes it. */
struct jb_lait_series {
	const char *code;    /* Short Desc */
	const char *title;   /* the dictionary's Chart_title, else the Data item, else the code */
	const char *units;   /* the dictionary's y_axis_name, "" when none */
	const char *year_type; /* the dictionary's Year_Type, "" when none */
	enum jb_polarity polarity;
	int decimals;        /* the dictionary's dps, -1 when none */
	size_t nyears;
	const struct jb_lait_year *years; /* [nyears], oldest first (the dataset's) */
	const double *v;     /* [JB_LAIT_AREAS * nyears], v[area * nyears + year]; NAN = none */
	/* Ranks among the 32 boroughs in the latest year any borough has a
	 * value: 1 = worst, i.e. the highest value when lower is better, the
	 * lowest when higher is better, and the highest when the dictionary
	 * gives no polarity. Competition ranks (1, 2, 2, 4); 0 = no value. */
	int latest;          /* year index, -1 when no borough has a value */
	int rank[JB_NBOROUGHS];
	int rank_best[JB_NBOROUGHS]; /* the same from the other end: 1 = the best */
	int nranked;
	struct jb_similar_mean similar; /* owned */
};

/* A LAIT spending indicator per resident aged 10-17 (ONS estimates; the
 * same population for every year, the only one supplied). London is the
 * boroughs that reported that year together: their spend over their
 * residents aged 10-17. */
struct jb_spend_per_youth {
	int ok;
	const struct jb_lait_series *spend;
	size_t nyears;       /* spend->nyears */
	double *v;           /* [(JB_NBOROUGHS + 1) * nyears], pounds per resident 10-17; NAN = none */
	int *london_n;       /* [nyears] boroughs in London's figure */
	int latest;          /* latest year with a London figure, -1 none */
	int rank[JB_NBOROUGHS]; /* in that year, 1 = highest spend; 0 = no value */
	int rank_low[JB_NBOROUGHS]; /* 1 = lowest spend */
	int nranked;
	struct jb_similar_mean similar; /* of the boroughs' per-resident figures; owned */
};

/* The indicators the slides use, by LAIT Short Desc. */
enum jb_context_slot {
	JB_CTX_PERMEX,      /* TotPermEx: permanent exclusions */
	JB_CTX_SUSP,        /* TotFixedEx: suspensions */
	JB_CTX_PA,          /* TotPerAbNew: persistent absence */
	JB_CTX_SPA,         /* TotSevPerAbNew: severe persistent absence */
	JB_CTX_FTE,         /* FirstYJS: first-time entrants per 100,000 aged 10-17 */
	JB_CTX_REOFF,       /* ReoffYO: proven reoffending */
	JB_CTX_REOFF_15_17, /* ReoffYO15-17 */
	JB_CTX_YP_SPEND,    /* YoungPeopleFinance: services for young people */
	JB_CTX_YJ_SPEND,    /* YouthJusticeFinance: youth justice */
	JB_CTX_NSLOTS
};
extern const char *const jb_context_slot_codes[JB_CTX_NSLOTS];

struct jb_services_area {
	size_t *svc;         /* indices into ds->youth->services of the borough's, in file order */
	size_t nsvc;
	double sessions;     /* weekly sessions of those that give them */
	int illustrative;    /* some of them are marked ILLUSTRATIVE */
	size_t nhot;         /* hot-spot LSOAs of the borough (Gi* hot, any confidence) */
	size_t nhot_near;    /* of them, within JB_SERVICE_REACH of some service (any borough's) */
	double hot_share;    /* nhot_near / nhot; NAN without hot spots or services */
};

struct jb_actions_area {
	size_t *order;       /* indices into ds->youth->actions: overdue first, then the
			      * other open actions, then complete ones; each by due
			      * date, then id */
	size_t n;
	size_t nstatus[JB_NACT_STATUS];
	size_t noverdue;
	int illustrative;    /* some come from a file marked illustrative */
	int last_meeting;    /* latest meeting date (yyyymmdd), 0 when none */
	/* Headline figures: the 12 months to the meeting's month against the
	 * latest 12 months (the borough series of the findings). */
	int change_ok;
	char why[96];        /* when !change_ok */
	int then_last;       /* month index: the 12 months then_last-11..then_last */
	double count_then, count_now, pct;  /* offences; pct = 100 (now - then) / then */
	double rate_then, rate_now, rate_pct; /* per 1,000 residents (NAN without population) */
	double london_then, london_now, london_pct; /* London over the same windows */
};

struct jb_offender_area {
	int month;           /* latest month with rows, 0 when none */
	size_t *rows;        /* indices into ds->youth->offender of that month, by cohort */
	size_t n;
	int illustrative;
};

struct jb_context {
	struct jb_lait_series *lait;  /* every LAIT indicator, in the dataset's order */
	size_t nlait;
	const struct jb_lait_series *slot[JB_CTX_NSLOTS]; /* NULL when not supplied */
	/* The path of an input cut short (its last row incomplete), else
	 * NULL; the strings are the dataset's. What is not found in such a
	 * file may be in the rows lost: an indicator missing from the LAIT
	 * table is never "not supplied". And every count taken from the
	 * youth services file, the action log or the offender management
	 * file is then a lower bound, for every borough: the rows lost may
	 * hold more of any borough's (the files need not be sorted). */
	const char *lait_cut, *services_cut, *actions_cut, *offender_cut;
	struct jb_spend_per_youth yp_per_youth;  /* YoungPeopleFinance per resident 10-17 */
	struct jb_spend_per_youth yj_per_youth;  /* YouthJusticeFinance per resident 10-17 */

	/* Why a borough has no youth services, actions or offender figures
	 * when their file is cut short, read after "no ": "actions for this
	 * borough: the action log F is cut short, ending mid-row, so they may
	 * be in the rows lost". "" when the file is whole (then none were
	 * supplied). Never NULL in a context jb_context_analyse made. */
	char *services_missing, *actions_missing, *offender_missing;
	char *lait_missing; /* "DfE LAIT figures: the DfE LAIT file F is cut short, ..." */

	int has_services;
	int has_hot;                 /* hot-spot classes were available */
	signed char *lsoa_gi;        /* [ds->nlsoa]: Gi* class -3..3 (cold 99% .. hot
				      * 99%, 0 not significant), JB_GI_UNKNOWN when
				      * not known; hot spot = class > 0 */
	struct jb_services_area services[JB_NBOROUGHS];
	size_t *svc_hot_near;        /* [nservices]: hot LSOAs (any borough) within reach */

	int has_actions;
	int overdue_known;           /* a period end to judge "overdue" against */
	unsigned char *overdue;      /* [nactions]: due by the period's end and not complete */
	struct jb_actions_area actions[JB_NBOROUGHS];

	int has_offender;
	struct jb_offender_area offender[JB_NBOROUGHS];
};

/* Needs f's population, series, similar boroughs (and hot spots, when
 * computed) to be filled first. Returns a new context (never NULL). */
struct jb_context *jb_context_analyse(const struct jb_dataset *ds, const struct jb_findings *f);
void jb_context_free(struct jb_context *c);
/* Internal consistency (ranks are competition ranks, shares in [0, 1],
 * action order a permutation of the borough's actions...). Returns the
 * number of problems, each printed to err. */
int jb_context_check(const struct jb_context *c, const struct jb_dataset *ds, FILE *err);
/* Text dump (part of --dump-findings). */
void jb_context_dump(const struct jb_context *c, const struct jb_dataset *ds, FILE *out);
/* Its row among the parts of the findings (f->context). */
struct jb_part;
extern const struct jb_part jb_context_part;

/* Value of a series for an area and year index (NAN when out of range). */
double jb_lait_value(const struct jb_lait_series *s, int area, int year);
/* The similar boroughs' mean for borough b, all years ([m->nyears],
 * borrowed from m); NULL when b is not a borough or m holds nothing. */
const double *jb_similar_mean_row(const struct jb_similar_mean *m, int b);
/* The same for one year (NAN when out of range or none); *n (when not NULL)
 * gets how many similar boroughs it is over. */
double jb_similar_mean_value(const struct jb_similar_mean *m, int b, int year, int *n);

#endif
