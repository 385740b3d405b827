/* analysis/findings.h - the findings: every number a slide shows.
 *
 * jb_analyse() turns a dataset and a theme into findings; render/ reads them
 * and computes nothing. Ownership: the caller frees the result with
 * jb_findings_free() (NULL is safe). Findings borrow the theme and the
 * dataset (for area names, geometry and the data-quality record), which must
 * outlive them.
 *
 * Threads and processes: jb_analyse() works in the calling thread and
 * keeps no state between calls (analysis/ has no writable static data; GSL's
 * error handler is the caller's, which the driver turns off once). The
 * findings are read-only once it returns: the deck workers, processes
 * forked from the one holding them, read them at once, and so may any
 * number of threads; nothing writes to them but jb_findings_free().
 */
#ifndef JB_FINDINGS_H
#define JB_FINDINGS_H

#include <stddef.h>
#include <stdio.h>

#include "../ingest/dataset.h"
#include "coverage.h"
#include "keyfindings.h"
#include "stats.h"
#include "theme.h"

struct jb_drivers;

#define JB_MAP_CLASSES 5

struct jb_hotspots; /* analysis/hotspots.h */
struct jb_context;
struct jb_confidence;         /* analysis/confidence.h */
struct jb_homicide_findings;  /* analysis/homicide.h */
struct jb_ward_findings;      /* analysis/wards.h */

/* A group of boroughs (a BCU) written as one pack (--group "Central East:
 * Hackney, Tower Hamlets"): its figures are the members' counts and
 * residents summed, rates from those sums. Its findings are the area
 * JB_GROUP, after London; only the parts that can sum their figures over
 * the members fill it (the areas' series, change, trend, rate and
 * dashboard measures, the wards): the rest leave it empty, and their slides
 * are left out of the group's pack. */
#define JB_GROUP (JB_NBOROUGHS + 1)
#define JB_NAREAS (JB_NBOROUGHS + 2) /* the 32, London, the group */
_Static_assert(sizeof ((struct jb_lsoa_cover *)0)->missing /
			       sizeof ((struct jb_lsoa_cover *)0)->missing[0] ==
		       JB_NAREAS,
	       "a coverage reason for every area");
#define JB_GROUP_NAME 64
struct jb_group {
	char name[JB_GROUP_NAME]; /* "Central East" */
	char slug[JB_GROUP_NAME]; /* "central-east" */
	unsigned char member[JB_NBOROUGHS]; /* 1 for each member borough */
	int members[JB_NBOROUGHS]; /* the members in the order given */
	int n;
};

struct jb_series {
	int first_month;
	size_t n;
	double *v; /* [n]; NAN where the month is not covered */
};

struct jb_area_findings {
	int index;            /* borough 0..31, JB_LONDON or JB_GROUP */
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
#define JB_NSIMILAR 5
/* A deck compares a borough with at most this many others (the slides'
 * bar charts and tables have room for them): the analyst's choice beside
 * the most similar takes the place of the least similar beyond it. */
#define JB_MAX_COMPARATORS 8
	int similar[JB_NSIMILAR]; /* borough indices, nearest first */
	int nsimilar;
	/* The boroughs this one is compared with (the comparison slide, the
	 * similar-borough means and their tables): the five most similar, with
	 * the analyst's choice (theme.compare) after them, or instead of them;
	 * comparator_chosen[k] is 1 when comparators[k] is the analyst's
	 * choice, 0 when it is one of the most similar. */
	int comparators[JB_MAX_COMPARATORS];
	unsigned char comparator_chosen[JB_MAX_COMPARATORS];
	int ncomparators;
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

/* A source's 12-month window against the analysis period: every source
 * follows period_end; one that ends before it keeps its own last 12
 * months and is called out as older on its slide; one that starts after
 * it has no window. */
enum jb_window_age { JB_WINDOW_CURRENT, JB_WINDOW_OLDER, JB_WINDOW_NONE };
/* The window (at most 12 months, *wfirst..*wlast) of a source covering
 * months first..last, ending at period_end (0: the source's own last
 * month). */
enum jb_window_age jb_source_window(int first, int last, int period_end, int *wfirst,
				    int *wlast);
/* The month every source's window ends at: period_end when there is a
 * borough-level series, else --period as given, else 0 (each source its
 * own last month). */
int jb_findings_period(const struct jb_findings *f);

/* Why a dashboard measure's figure is not given (struct jb_dash_window). */
enum jb_dash_status {
	JB_DASH_OK,           /* both 12-month windows in the data */
	JB_DASH_NO_PERIOD,    /* no analysis period (no borough-level series) */
	JB_DASH_NOT_SUPPLIED, /* no dashboard file */
	JB_DASH_NO_MEASURE,   /* the file has no rows of this measure */
	JB_DASH_SHORT_LAST,   /* the last 12 months not all in the data: no count */
	JB_DASH_SHORT_PREV,   /* the 12 before not all in the data: a count, no change */
};

/* How far the dashboard covers one of the theme's measures. Every statistic
 * needs its whole window in the data: a window reaching past the
 * dashboard's first or last month is never summed (absent months are not
 * zeros), and `why` says so, e.g. "only 5 of 12 months in the data". */
struct jb_dash_window {
	enum jb_dash_status status;
	int first, last;      /* the measure's months in the file (when it has some) */
	int months_last;      /* of the last 12 months (to period_end), in the data */
	int months_prev;      /* of the 12 before them, in the data */
	char why[128];        /* a phrase when status != JB_DASH_OK, else "" */
};

struct jb_findings {
	const struct jb_theme *theme;
	const struct jb_dataset *ds; /* borrowed: names, geometry, sources */

	int period_end;       /* last complete month analysed (borough series) */
	int window_first;     /* first month of the trend window */
	int has_series;       /* some borough-level crime file was usable */
	int nboroughs_missing; /* boroughs with no row in the borough-level file,
				* or only some (the last a file cut short reached);
				* any: no London total, no ranks */
	char ranks_missing[160]; /* then why, read after "no " (as a slide left
				  * out says it): "recorded crime by borough for
				  * all 32 boroughs: the borough-level file has 20
				  * of them in full"; "" otherwise */
	char *period_note;    /* e.g. why the last month was dropped; or NULL */
	/* --period (jb_analysis_options.period_end) against the borough-level
	 * data: period_moved is 1 when another month is used, and period_note
	 * says which and why; period_refused, when not NULL, is why no month
	 * can be used (the month is before the data): the driver stops with
	 * it (exit 2). */
	int period_moved;
	char *period_refused;
	int period_asked;     /* --period as given, 0 when none */

	/* [JB_LONDON] = London; [JB_GROUP] = the group, when has_group */
	struct jb_area_findings area[JB_NAREAS];
	int has_group;
	struct jb_group group;

	int has_lsoa;         /* LSOA crime file usable */
	int lsoa_period_end;  /* last complete month of the LSOA file */
	enum jb_window_age lsoa_age; /* OLDER when it ends before period_end */
	struct jb_lsoa_findings *lsoa; /* [nlsoa], parallel to dataset lsoa */
	size_t nlsoa;
	/* Which areas the LSOA-level file covers in full: an area it does not
	 * has no LSOA figures (count12 NAN), and says why. */
	struct jb_lsoa_cover lsoa_cover;
	/* The same for the LSOA-keyed inputs the profile, the most similar
	 * boroughs and the drivers model read: IMD scores (deprivation/) and
	 * Census 2021 residents (population/). */
	struct jb_lsoa_cover imd_cover, residents_cover;
	/* the measures the most similar boroughs are found on, for the note:
	 * "deprivation, density, share aged 10-24"; "" when none */
	char similar_measures[64];

	/* theme.dash_subtypes[k]'s coverage; dash_last12/dash_prev12/dash_pct
	 * of every area are NAN where it says they cannot be given (the
	 * windows end at period_end: JB_DASH_NO_PERIOD without has_series). */
	struct jb_dash_window dash[8];

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
	/* Public confidence (the PAS) and homicide victims; never NULL after
	 * jb_analyse(). */
	struct jb_confidence *confidence;
	struct jb_homicide_findings *homicide;
	/* Each borough's (and the group's) wards ranked (analysis/wards.h);
	 * never NULL after jb_analyse(). */
	struct jb_ward_findings *wards;
};

/* The findings are made by parts, one topic each (the areas' series and
 * ranks, hot spots, drivers, ...), listed in order in analysis/findings.c:
 * each part fills its own members of the findings from the dataset and
 * what the parts before it made, and dumps, checks and frees them. A new
 * part is its module, declaring its row (a const struct jb_part), one line
 * in that list, and its member above. */
struct jb_part {
	void (*analyse)(const struct jb_dataset *ds, struct jb_findings *f);
	/* Its lines of jb_findings_dump(); NULL when another part's lines
	 * hold its figures (the areas' lines hold the key findings). */
	void (*dump)(const struct jb_findings *f, FILE *out);
	/* Internal consistency: the number of problems, each printed to err
	 * (when not NULL) through jb_check_problem(); NULL when none can be
	 * told from the part alone. */
	int (*check)(const struct jb_findings *f, FILE *err);
	void (*free)(struct jb_findings *f); /* NULL when it owns nothing */
};

/* A check's problems: each printed as "jembrief: findings: PART: ..." on
 * err (when not NULL) and counted in n. */
struct jb_check {
	FILE *err;
	const char *part;
	int n;
};
void jb_check_problem(struct jb_check *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct jb_analysis_options {
	int period_end; /* month index; 0 = latest complete month in the data */
	const struct jb_group *group; /* a group to analyse as one area, or NULL */
};

struct jb_findings *jb_analyse(const struct jb_dataset *ds, const struct jb_theme *theme,
			       const struct jb_analysis_options *opt);
void jb_findings_free(struct jb_findings *f);
/* The last area with figures: the group when the run has one (JB_GROUP),
 * else London; areas 0..jb_last_area(f) are the ones to write. */
int jb_last_area(const struct jb_findings *f);
/* The area's GSS code for tables and dumps: NULL for a group, which has
 * none of its own (its findings' code is its slug). */
const char *jb_area_gss(const struct jb_findings *f, int area);
/* Internal consistency of every part (ranks competition ranks, series
 * lengths, tallies that add up, shares within 0 and 1...). Returns the
 * number of problems, each printed to err. */
int jb_findings_check(const struct jb_findings *f, FILE *err);
/* Text dump for golden tests and --dump-findings. */
void jb_findings_dump(const struct jb_findings *f, FILE *out);
/* The same, keeping of the lines about one area only those of the areas
 * with keep[area] set (boroughs 0..31, JB_LONDON); London-wide lines stay
 * (analysis/dump_json.c). */
void jb_findings_dump_areas(const struct jb_findings *f, const unsigned char *keep, FILE *out);
/* The headline findings of the areas kept (all when keep is NULL) as one
 * JSON object: theme, period, and per area the change, rate and ranks,
 * trend, dashboard measures, key-finding rules and monthly series; figures
 * not available are null. */
void jb_findings_dump_json(const struct jb_findings *f, const unsigned char *keep, FILE *out);

/* The theme's category matching, shared by every topic that counts MPS
 * recorded crime: 1 when the theme counts category c (by the identity of
 * jb_category_is: case, spacing and punctuation ignored; a theme entry
 * with no minor takes every minor). */
int jb_theme_has_category(const struct jb_theme *t, const struct jb_category *c);
/* Theme counts of a crime table per area and month: a new array (caller
 * frees) v[area * t->nmonths + m], NAN where month m is not covered.
 * matched[cat] says which of ds->categories count; rows whose area is not
 * below nareas are ignored. */
double *jb_theme_counts(const struct jb_crime_table *t, const unsigned char *matched,
			size_t nareas);

#endif
