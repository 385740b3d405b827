/* analysis/confidence.h - public confidence in the police: the MOPAC
 * Public Attitudes Survey (ingest/pas.c) by borough against London.
 *
 * For each published measure (higher is better for all of them: "Good Job"
 * local, Trust MPS, ...): the borough's value in the quarter used and
 * London's, its rank among the 32, the change over the last four quarters
 * against London's, and the longest run of quarters below London. The
 * quarter used is the latest at or before the analysis period for which
 * London has a figure; when it ends before the period, `older` says so and
 * the slides name the survey's own period. The export gives no sample
 * sizes, so no difference here is tested for significance.
 *
 * Ownership: the findings own the struct jb_confidence (f->confidence,
 * never NULL after jb_analyse()) and free it with jb_confidence_free().
 * Measure names are borrowed from the dataset.
 */
#ifndef JB_CONFIDENCE_H
#define JB_CONFIDENCE_H

#include <stddef.h>
#include <stdio.h>

#include "../ingest/dataset.h"

struct jb_conf_measure {
	const char *name;     /* as published, e.g. "\"Good Job\" local" */
	size_t nq;            /* quarters with some value, oldest first */
	int *month;           /* [nq] month index of each quarter's end */
	double *v;            /* [(JB_NBOROUGHS + 1) * nq]: v[area * nq + q], NAN = none */
	int latest;           /* the quarter used, -1 when none at or before the period */
	int older;            /* 1 when that quarter ends before the analysis period */
	double value[JB_NBOROUGHS + 1];  /* at the quarter used; NAN = none */
	double change[JB_NBOROUGHS + 1]; /* value minus the value four quarters (12 months)
					  * earlier; NAN when either is missing */
	int rank[JB_NBOROUGHS];  /* 1 = highest of the 32 (competition ranks); 0 = none */
	int low_rank[JB_NBOROUGHS]; /* the same from the bottom: 1 = lowest */
	int nranked;
	int order[JB_NBOROUGHS]; /* the ranked boroughs, highest first (ties by name) */
	/* The longest unbroken run of quarters with the borough below London
	 * (a quarter missing either value ends a run); the latest such run
	 * when two are as long. */
	int below_run[JB_NBOROUGHS];
	int below_run_end[JB_NBOROUGHS]; /* month its last quarter ends; 0 = no run */
	int below_now[JB_NBOROUGHS];     /* that run reaches the quarter used */
};

struct jb_conf_area {
	/* The clearest finding: the measure whose value at the quarter used is
	 * furthest from London's (ties: the lower rank position wins, then the
	 * measure published first); -1 when none has both values. */
	int headline;
	double gap;          /* borough minus London there, proportion (0.07 = 7 points) */
	int nbelow, nabove, nlevel; /* measures below, above and level with London */
};

struct jb_confidence {
	int ok;               /* some measure has a quarter used */
	struct jb_conf_measure *m;
	size_t nm;
	int good_job;         /* index of "Good Job" local, the overview's measure; -1 none */
	int latest_month;     /* the quarter used: the latest at which some measure
			       * has London and all 32 boroughs; every measure shown
			       * is at it */
	size_t nleft_out;     /* measures without London and all 32 boroughs there */
	int older;
	struct jb_conf_area area[JB_NBOROUGHS];
};

/* period_end: the analysis period's last month (0: no limit). Returns a
 * new struct (never NULL; ok = 0 without survey data). */
struct jb_confidence *jb_confidence_analyse(const struct jb_dataset *ds, int period_end);
void jb_confidence_free(struct jb_confidence *c);
/* Ranks are competition ranks, orders permutations, runs within the
 * series. Returns the number of problems, each printed to err. */
int jb_confidence_check(const struct jb_confidence *c, FILE *err);
void jb_confidence_dump(const struct jb_confidence *c, FILE *out);
/* Its row among the parts of the findings (f->confidence). */
struct jb_part;
extern const struct jb_part jb_confidence_part;
/* Value of a measure for an area at quarter q (NAN out of range). */
double jb_conf_value(const struct jb_conf_measure *m, int area, int q);

#endif
