/* analysis/hotspots.h - hot spots an analyst can defend (DESIGN.md §5):
 *
 *  1. LSOA Gi*: the LSOAs of the 32 boroughs (with a boundary) as one
 *     London-wide study region, queen contiguity (snap JB_QUEEN_SNAP),
 *     x = the theme's count per LSOA over the LSOA file's last 12 months,
 *     Benjamini-Hochberg FDR over all units, hot/cold at 99/95/90%.
 *  2. Emerging ("historic") hot spots: the LSOA file's complete months
 *     split into time steps (quarters for 24-59 months, years for 60 or
 *     more, ending at the last complete month; leftover early months are
 *     not used), Gi* per step, Mann-Kendall on each unit's z series,
 *     classes by jb_emerging_class().
 *  3. Street points (data.police.uk, when supplied): Gi* on a regular grid
 *     of theme.grid_m metres over London (cells whose centre lies in one of
 *     the 32 boroughs, plus any cell holding a point), neighbours within
 *     cell x sqrt 2, x = the theme's crime types over the street data's
 *     last 12 months; per borough a quartic kernel density surface on a
 *     25 m grid (50 m when that would exceed 250,000 cells) clipped
 *     to the borough and classed into JB_KDE_CLASSES equal steps of its
 *     maximum; the top locations ("On or near ...") inside hot cells.
 *
 * Refusals (zero variance, fewer than 30 units or incidents, missing
 * inputs) are kept as a sentence in the *_why fields; the slides show it
 * instead of a map.
 *
 * Ownership: jb_hotspots_analyse() returns a structure the caller frees
 * with jb_hotspots_free() (NULL safe). It borrows nothing after returning
 * except through the LSOA and location indices, which index the dataset.
 */
#ifndef JB_HOTSPOTS_H
#define JB_HOTSPOTS_H

#include <stddef.h>
#include <stdio.h>

#include "../ingest/dataset.h"
#include "findings.h"
#include "spatial.h"
#include "stats.h"

struct jb_findings;

#define JB_HOT_TOP 10      /* hottest LSOAs kept per borough */
#define JB_HOT_NAMED 12    /* persistent / intensifying LSOAs named per borough */
#define JB_KDE_CLASSES 5
#define JB_TOP_LOCATIONS 10
/* Gi* classes as indices 0..6: cls + 3 (0 = cold 99%, 3 = not
 * significant, 6 = hot 99%). */
#define JB_HOT_NCLASSES 7

struct jb_hot_area {
	/* LSOA Gi* */
	size_t nunits;                   /* the borough's LSOAs in the study region */
	size_t ncls[JB_HOT_NCLASSES];    /* units per class, index cls + 3 */
	size_t nhot, nhot_fdr, ncold;    /* class > 0, class >= 2, class < 0 */
	int top_hot[JB_HOT_TOP];         /* dataset LSOA indices, hot, by z descending; -1 = none */
	size_t ntop_hot;

	/* emerging */
	size_t nemg[JB_EMG_NCLASSES];    /* units per emerging class */
	int persistent[JB_HOT_NAMED];    /* persistent hot LSOAs, by final-step z descending */
	size_t npersistent;              /* how many in all (may exceed JB_HOT_NAMED) */
	int intensifying[JB_HOT_NAMED];  /* intensifying hot LSOAs, likewise */
	size_t nintensifying;

	/* street points */
	size_t street_n;                 /* theme offences located in the borough, window */
	size_t grid_cells, grid_hot, grid_cold; /* grid units whose cell is this borough's */
	int kde_ok;
	char kde_why[160];
	double kde_h, kde_h_rule;        /* bandwidth used and the rule's value, metres */
	double kde_cell;                 /* surface cell, metres */
	double kde_max;                  /* highest density, offences per km^2 */
	double kde_breaks[JB_KDE_CLASSES + 1]; /* class c: breaks[c] < d <= breaks[c + 1]; breaks[0] = 0 */
	/* region[c]: the cells of class >= c inside the borough, traced as
	 * rings (even-odd), so drawing region 0..K-1 in order shows the
	 * classes. */
	struct jb_polygon kde_region[JB_KDE_CLASSES];
	int top_loc[JB_TOP_LOCATIONS];   /* indices into street.locations */
	double top_loc_n[JB_TOP_LOCATIONS]; /* offences there inside hot cells */
	size_t ntop_loc;
	double hot_cell_offences;        /* the borough's offences inside hot cells */
};

struct jb_hotspots {
	/* ---- LSOA Gi* (12 months) ---- */
	int lsoa_ok;
	char lsoa_why[200];      /* when !lsoa_ok: why there is no map */
	int first_month, last_month; /* the 12 months counted */
	size_t nunits;           /* LSOAs in the study region */
	int *unit_lsoa;          /* [nunits] dataset LSOA index, ascending */
	int *lsoa_unit;          /* [ds->nlsoa] unit, or -1 outside the study region */
	double *x;               /* [nunits] counts */
	struct jb_nb nb;         /* queen contiguity, self included */
	struct jb_gistar gi;

	/* ---- emerging hot spots ---- */
	int emg_ok;
	char emg_why[200];
	size_t complete_months;  /* complete months available in the LSOA file */
	int step_months;         /* 3 (quarters) or 12 (years) */
	size_t nsteps;
	int step_first;          /* first month of step 0 */
	double *step_z;          /* [nunits * nsteps], unit-major */
	signed char *step_cls;   /* [nunits * nsteps] enum jb_hot */
	int *hot_steps, *cold_steps; /* [nunits] steps in which the unit was hot (class
				      * > 0), cold (class < 0) */
	unsigned char *emg;      /* [nunits] enum jb_emerging */
	double *mk_z, *mk_p;     /* [nunits] Mann-Kendall on the z series (NAN if < 3 steps) */

	/* ---- street points ---- */
	int has_street;          /* street data with some theme offence in the 32 boroughs */
	char street_why[200];    /* when !has_street */
	int street_first, street_last; /* months counted */
	enum jb_window_age street_age; /* against the analysis period */
	size_t street_n;         /* theme offences counted (London) */
	double grid_m;
	int grid_ok;
	char grid_why[200];
	struct jb_grid grid;
	struct jb_nb gnb;        /* units = kept cells (gnb.id: cell) */
	double *gx;              /* [gnb.n] offences per kept cell */
	signed char *gborough;   /* [gnb.n] borough of the cell (-1 none) */
	struct jb_gistar ggi;

	/* [JB_LONDON] holds London's tallies, the boroughs' summed: nunits,
	 * ncls, nhot, nhot_fdr, ncold, nemg, npersistent, nintensifying (its
	 * lists, street figures and surfaces are empty). */
	struct jb_hot_area area[JB_NBOROUGHS + 1];
};

/* Needs the findings' LSOA counts (f->lsoa[].count12, f->has_lsoa,
 * f->lsoa_period_end); reads ds through f->ds and the theme through
 * f->theme. Never returns NULL. */
struct jb_hotspots *jb_hotspots_analyse(const struct jb_findings *f);
void jb_hotspots_free(struct jb_hotspots *h);
/* Text dump for --dump-findings and golden tests. */
void jb_hotspots_dump(const struct jb_findings *f, FILE *out);
/* Internal consistency (tallies against classes, lists of the right
 * borough, step counts against step classes...): the number of problems,
 * each printed to err. NULL h is none. */
int jb_hotspots_check(const struct jb_hotspots *h, const struct jb_dataset *ds, FILE *err);
/* Its row among the parts of the findings (f->hot). */
extern const struct jb_part jb_hotspots_part;

/* Name of a Gi* class (enum jb_hot), "hot spot, 99% confidence". */
const char *jb_hot_class_name(int cls);

#endif
