/* analysis/findings.h - the findings: every number a slide shows.
 *
 * jb_analyse() turns a dataset and a theme into findings; render/ reads them
 * and computes nothing. Ownership: the caller frees the result with
 * jb_findings_free() (NULL is safe). Findings borrow the theme and the
 * dataset (for area names, geometry and the data-quality record), which must
 * outlive them.
 */
#ifndef JB_FINDINGS_H
#define JB_FINDINGS_H

#include <stddef.h>
#include <stdio.h>

#include "../ingest/dataset.h"
#include "keyfindings.h"
#include "stats.h"
#include "theme.h"

struct jb_drivers;

#define JB_MAP_CLASSES 5

struct jb_hotspots; /* analysis/hotspots.h */
struct jb_context;

struct jb_series {
	int first_month;
	size_t n;
	double *v; /* [n]; NAN where the month is not covered */
};

struct jb_area_findings {
	int index;            /* borough 0..31, or JB_LONDON */
	const char *code, *name, *slug;

	int has_series;       /* theme counts from the borough-level file */
	struct jb_series monthly;  /* trend window, theme count per month */
	struct jb_series rolling;  /* 12-month rolling mean; NAN before 12 months */
	struct jb_change change;   /* last 12 vs previous 12 */
	struct jb_trend trend;     /* over the trend window */

	double population;    /* all ages; 0 when unknown */
	double pop_10_17;
	double rate;          /* last 12 months per 1,000 residents; NAN if no pop */
	int rate_rank;        /* 1 = highest rate of the 32; 0 for London / none */
	int rate_rank_low;    /* the same from the other end: 1 = lowest rate */
	int fall_rank;        /* 1 = largest % fall of the 32 (by pct ascending) */
	int rise_rank;        /* 1 = largest % rise of the 32 (by pct descending) */
	/* Most similar boroughs (DESIGN §5): the five nearest on the context
	 * measures below, each standardised over the 32 boroughs. */
	double imd_mean;      /* mean IMD score of the borough's LSOAs; NAN if none */
	double density;       /* residents per km2; NAN if no boundary or population */
	double share_10_24;   /* share of residents aged 10-24; NAN if no population */
	int similar[5];       /* borough indices, nearest first */
	int nsimilar;
	double dash_last12[8];/* theme.dash_subtypes offences, last 12 months */
	double dash_prev12[8];
	double dash_pct[8];   /* % change, last 12 on previous 12; NAN when not defined */

	/* LSOA level (the LSOA crime file; leaves out crimes without a usable
	 * location) */
	size_t nlsoa;          /* LSOAs of this area with boundaries or counts */
	double lsoa_total12;   /* sum over those LSOAs, last 12 months */
	int map_nclasses;      /* <= JB_MAP_CLASSES (fewer when counts tie) */
	double map_breaks[JB_MAP_CLASSES + 1]; /* class c: breaks[c] <= count < breaks[c+1] (last inclusive) */
	int top_lsoa[5];       /* LSOA indices with the highest counts, -1 = none */

	struct jb_key_findings key; /* rules that hold, most important first */

	/* Pan-London (analysis/london.c) */
	int neighbours[16];    /* boroughs sharing a boundary, by index */
	int nneighbours;
	double share_of_london;/* % of London's offences, last 12 months */
};

struct jb_lsoa_findings {
	double count12;  /* theme count, last 12 months of the LSOA file */
	int map_class;   /* 0..JB_MAP_CLASSES-1 against its borough's breaks */
};

struct jb_findings {
	const struct jb_theme *theme;
	const struct jb_dataset *ds; /* borrowed: names, geometry, sources */

	int period_end;       /* last complete month analysed (borough series) */
	int window_first;     /* first month of the trend window */
	int has_series;       /* some borough-level crime file was usable */
	char *period_note;    /* e.g. why the last month was dropped; or NULL */

	struct jb_area_findings area[JB_NBOROUGHS + 1]; /* [JB_LONDON] = London */

	int has_lsoa;         /* LSOA crime file usable */
	int lsoa_period_end;  /* last complete month of the LSOA file */
	struct jb_lsoa_findings *lsoa; /* [nlsoa], parallel to dataset lsoa */
	size_t nlsoa;

	int pop_year;
	size_t ncategories_matched; /* MPS categories the theme matched */

	/* The 32 boroughs' rates in classes for the overview map. */
	int borough_map_nclasses;
	double borough_map_breaks[JB_MAP_CLASSES + 1]; /* rate class edges */
	int borough_map_class[JB_NBOROUGHS];           /* -1 = no rate */
	int rise_order[JB_NBOROUGHS];  /* boroughs by % change, largest rise first */
	int nranked;                   /* boroughs with a % change */
	int rate_order[JB_NBOROUGHS];  /* boroughs by rate, highest first */
	int nrate_ranked;              /* boroughs with a rate */
	struct jb_hotspots *hot;      /* Gi*, emerging and street hot spots (hotspots.h) */
	struct jb_drivers *drivers; /* profile, drivers, attrition (analysis/drivers.h) */
	/* Exclusion and truancy, youth services, youth justice, actions
	 * (analysis/context.h); never NULL after jb_analyse(). */
	struct jb_context *context;
};

struct jb_analysis_options {
	int period_end; /* month index; 0 = latest complete month in the data */
};

struct jb_findings *jb_analyse(const struct jb_dataset *ds, const struct jb_theme *theme,
			       const struct jb_analysis_options *opt);
void jb_findings_free(struct jb_findings *f);
/* Internal consistency (ranks a permutation, series lengths...). Returns the
 * number of problems, each printed to err. */
int jb_findings_check(const struct jb_findings *f, FILE *err);
/* Text dump for golden tests and --dump-findings. */
void jb_findings_dump(const struct jb_findings *f, FILE *out);

/* The theme's category matching, shared by every topic that counts MPS
 * recorded crime: 1 when the theme counts category c (major and minor
 * compared without case; a theme entry with no minor takes every minor). */
int jb_theme_has_category(const struct jb_theme *t, const struct jb_category *c);
/* Theme counts of a crime table per area and month: a new array (caller
 * frees) v[area * t->nmonths + m], NAN where month m is not covered.
 * matched[cat] says which of ds->categories count; rows whose area is not
 * below nareas are ignored. */
double *jb_theme_counts(const struct jb_crime_table *t, const unsigned char *matched,
			size_t nareas);

#endif
