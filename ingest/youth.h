/* ingest/youth.h - the local context inputs: DfE LAIT (education and
 * youth justice), youth services, the action log of the joint engagement
 * meeting, and adult offender management.
 *
 * Read from four folders of the data directory:
 *   education-youth/     the DfE Local Authority Interactive Tool long table
 *                        ("Short Desc,Data item,Years,LA and Regions,Values,
 *                        LA Number,Region") and LAIT's data dictionary
 *                        (Measure_short, Chart_title, Polarity, y_axis_name,
 *                        Year_Type, dps...), told apart by their headers;
 *   youth-services/      project schema (sample-data/SOURCES.md);
 *   actions/             project schema (sample-data/SOURCES.md);
 *   offender-management/ project schema (sample-data/SOURCES.md), optional.
 *
 * Ownership: the dataset owns one struct jb_youth_data (ds->youth, never
 * NULL after jb_dataset_load()) and everything inside it; it is released
 * by jb_dataset_free(). Nothing here decides what a slide shows.
 */
#ifndef JB_YOUTH_H
#define JB_YOUTH_H

#include <stddef.h>
#include <stdio.h>

#include "dataset.h"

struct strmap;

/* LAIT areas: the 32 boroughs (0..31), London (JB_LONDON) and England. */
#define JB_ENGLAND (JB_NBOROUGHS + 1)
#define JB_LAIT_AREAS (JB_NBOROUGHS + 2)

/* ---- DfE LAIT ---- */

/* Which way is better, from the dictionary's Polarity ("Low", "High";
 * "-", "NA" or blank: neither). */
enum jb_polarity { JB_POL_NONE = 0, JB_POL_LOW_GOOD = -1, JB_POL_HIGH_GOOD = 1 };

struct jb_lait_dict {
	char *code;      /* Measure_short, e.g. "TotPermEx" */
	char *topic;     /* "All Pupil Absence & Exclusions" */
	char *measure;   /* "Total Permanent Exclusions" */
	char *title;     /* Chart_title, "Total Permanent Exclusions (%)" */
	char *units;     /* y_axis_name, "% of the school population" */
	char *year_type; /* "Academic Year", "Financial Year", "Calendar Year", "Annual" */
	enum jb_polarity polarity;
	int decimals;    /* dps; -1 when "NA" or blank */
};

/* A year as LAIT labels it. start is the first calendar year of the
 * period: 2022 for "2022/23" and "2022-23 (OT)"; for a plain "2023" it is
 * 2022 when the dictionary's Year_Type is an academic or financial year
 * (LAIT labels those by the year they end in) and 2023 otherwise (calendar
 * year, a 31 March snapshot, or no dictionary entry). */
struct jb_lait_year {
	int start;
	char *label; /* as published: "2023", "2022/23", "2023-24 (OT)" */
};

struct jb_lait_value {
	int area;   /* 0..31, JB_LONDON or JB_ENGLAND */
	int year;   /* index into the indicator's years (after jb_lait_finish: sorted) */
	double v;
	long line;  /* where it was read */
};

struct jb_lait_indicator {
	char *code;  /* Short Desc, e.g. "TotPermEx" */
	char *item;  /* Data item: the first non-blank one of the indicator
		      * (LAIT leaves it blank on the rows after it); NULL when
		      * every row left it blank */
	int dict;    /* index into lait.dict, -1 when the dictionary has no entry */
	struct jb_lait_year *years; /* sorted by start, oldest first */
	size_t nyears, capyears;
	struct jb_lait_value *vals; /* as read */
	size_t nvals, capvals;
	double *v;   /* [JB_LAIT_AREAS * nyears]: v[area * nyears + year], NAN
		      * where nothing was published (built by jb_lait_finish) */
};

struct jb_lait {
	struct jb_lait_indicator *ind; /* in order of first appearance */
	size_t n, cap;
	struct jb_lait_dict *dict;
	size_t ndict, capdict;
	int has_table, has_dict;
	/* A table file cut short (its last row incomplete, the rows after it
	 * lost): its path, else NULL. An indicator not found may be in the
	 * part lost, so it is not "not supplied". */
	const char *cut_short;
	/* While loading (freed by jb_lait_finish): code -> indicator index,
	 * "indicator:area:year" -> its value, "indicator:label" -> year
	 * index, and code -> dictionary entry, so that nothing is found by a
	 * scan (a file of 100,000 indicators took minutes; one indicator with
	 * 400,000 year labels, 13 s). */
	struct strmap *codes, *cells, *years, *dicts;
};

/* The indicator with this Short Desc (exact, case ignored), or NULL. */
const struct jb_lait_indicator *jb_lait_find(const struct jb_lait *l, const char *code);
/* Its dictionary entry, or NULL. */
const struct jb_lait_dict *jb_lait_dict_of(const struct jb_lait *l,
					   const struct jb_lait_indicator *ind);

/* ---- youth services ---- */

struct jb_youth_service {
	char *name, *type;   /* type "" when not given */
	int borough;         /* 0..31, as the row names it */
	double lon, lat;     /* WGS84, as given */
	double x, y;         /* BNG metres */
	int weekly_sessions; /* -1 when not given */
	int age_min, age_max;/* -1 when not given */
	char *status;        /* as given ("ILLUSTRATIVE", "verified", "") */
	int illustrative;    /* status is ILLUSTRATIVE (case ignored) */
};

/* ---- the action log ---- */

enum jb_action_status {
	JB_ACT_COMPLETE,
	JB_ACT_ON_TRACK,
	JB_ACT_DELAYED,
	JB_ACT_NOT_STARTED,
	JB_NACT_STATUS
};
/* "Complete", "On track", "Delayed", "Not started": the spellings read
 * (case, spaces, '-' and '_' ignored) and shown. */
extern const char *const jb_action_status_names[JB_NACT_STATUS];

/* A calendar date as yyyymmdd (20250915): ordered like the dates. */
static inline int jb_ymd_month(int ymd) { return jb_month(ymd / 10000, ymd / 100 % 100); }

struct jb_action {
	int borough;        /* 0..31 */
	int meeting;        /* meeting date, yyyymmdd */
	char *id, *action, *owner, *update; /* owner and update "" when blank */
	int due;            /* yyyymmdd */
	enum jb_action_status status;
	int illustrative;   /* the file's name says "illustrative" */
};

/* ---- adult offender management (project schema) ---- */

struct jb_offender_row {
	int borough;        /* 0..31 */
	int month;          /* the month the figures describe (jb_month) */
	char *cohort;       /* "IOM fixed", "Probation caseload"... */
	double caseload;    /* people, >= 0 */
	double reoffending; /* % proven reoffending, NAN when not given */
	char *status;       /* as given */
	int illustrative;
};

/* ---- everything ---- */

struct jb_youth_data {
	struct jb_lait lait;

	struct jb_youth_service *services;
	size_t nservices, capservices;
	int has_services;

	struct jb_action *actions;
	size_t nactions, capactions;
	int has_actions;

	struct jb_offender_row *offender;
	size_t noffender, capoffender;
	int has_offender;

	/* A youth services, action log or offender management file cut short
	 * (its last row incomplete, the rows after it lost): its path, else
	 * NULL. A borough with no rows may have had them in the part lost. */
	const char *services_cut_short, *actions_cut_short, *offender_cut_short;
};

/* Readers (ingest/lait.c, ingest/youth.c), dispatched by jb_dataset_load:
 * the conventions of ingest/readers.h. */
int jb_read_education_youth(struct jb_dataset *ds, const char *path, const char *rel);
int jb_read_youth_services(struct jb_dataset *ds, const char *path, const char *rel);
int jb_read_actions(struct jb_dataset *ds, const char *path, const char *rel);
int jb_read_offender(struct jb_dataset *ds, const char *path, const char *rel);

/* After education-youth/ is read: link each indicator to its dictionary
 * entry, settle the years' starts, sort the years and build v[]. */
void jb_lait_finish(struct jb_lait *l);

/* A date "YYYY-MM-DD" (a valid calendar date) as yyyymmdd; 0 or -1. */
int jb_parse_ymd(const char *s, int *ymd);

/* Parse a LAIT year label: "2023" (*plain = 1, *start = 2023), "2022/23"
 * or "2022-23", optionally followed by a note in brackets such as "(OT)"
 * (*plain = 0, *start = 2022). 0, or -1 when s is none of these (e.g. "0"),
 * the second year does not follow the first, or the year is outside
 * 1990..2100. */
int jb_lait_parse_year(const char *s, int *start, int *plain);

struct jb_youth_data *jb_youth_data_new(void);
void jb_youth_data_free(struct jb_youth_data *y);
/* Consistency: areas and years in range, v[] matching vals, actions'
 * boroughs and statuses valid, coordinates finite. Returns the number of
 * problems, each printed to err (may be NULL). */
int jb_youth_data_check(const struct jb_youth_data *y, FILE *err);

#endif
