/* ingest/dataset.h - the dataset: everything read from the data directory.
 *
 * This is the only structure ingest/ hands on. It holds typed, validated
 * values and where they came from; it decides nothing about slides.
 * Ownership: jb_dataset_load() returns a dataset the caller frees with
 * jb_dataset_free() (NULL is safe). Every pointer inside is owned by the
 * dataset.
 *
 * Months are plain ints: year * 12 + (month - 1) (see jb_month()).
 * Coordinates are British National Grid (EPSG:27700) metres throughout.
 *
 * Threads and processes: jb_dataset_load() starts threads of its own
 * (street-level files, map simplification; jb_load_options.jobs) and joins
 * them before it returns. Its messages go to one process-wide stream
 * (jb_diag_set(): set it before a load, not during one). Once loaded the
 * dataset is read-only: any number of threads, and the deck workers forked
 * from the process holding it, may read it at once; jb_dataset_free() is
 * for the thread that loaded it, after every reader is done.
 */
#ifndef JB_DATASET_H
#define JB_DATASET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "commentary.h"
#include "../util/polygon.h"

struct strmap;
struct jb_youth_data;

#define JB_NBOROUGHS 32 /* the MPS boroughs; the City of London is not one */
#define JB_LONDON JB_NBOROUGHS /* index of London in per-area arrays */

static inline int jb_month(int year, int month) { return year * 12 + month - 1; }
static inline int jb_month_year(int m) { return m / 12; }
static inline int jb_month_mon(int m) { return m % 12 + 1; }

/* ---- the 32 boroughs (reference table, alphabetical by name) ---- */

struct jb_borough_ref {
	const char *code; /* GSS, E09... */
	const char *name; /* "Hammersmith and Fulham" */
	const char *slug; /* "hammersmith-and-fulham" */
	int inner;        /* 1 for Inner London (ONS statistical definition) */
};
extern const struct jb_borough_ref jb_boroughs[JB_NBOROUGHS];

/* Borough index 0..31 for a GSS code or a name as the published files spell
 * it (case, '&'/'and', punctuation and spacing ignored); -1 when the area is
 * not one of the 32 (City of London, "Aviation Security (SO18)", England...). */
int jb_borough_by_code(const char *gss);
int jb_borough_by_name(const char *name);
/* Either of the above: GSS code or name. */
int jb_borough_lookup(const char *code_or_name);
/* Boroughs whose name is close to name (one holds the other, as "Barking"
 * and "City of Westminster" do, or a slip of about one letter in five):
 * up to max indices into out, in borough order. Returns how many. */
int jb_borough_suggest(const char *name, int *out, int max);

/* ---- data quality: every file read, every row set aside and why ---- */

struct jb_reason {
	char *what;  /* "column 'lsoa_code': not a known LSOA", grouping key */
	char *first; /* first occurrence, "FILE:LINE" */
	size_t n;
	int used;    /* 1: rows noted but used all the same (jb_note_used) */
	int bad;     /* 1: bad input (jb_reject); 0 and not used: out of scope,
		      * a sound row deliberately not used (jb_set_aside), not an
		      * error */
};

struct jb_source {
	char *path;   /* relative to the data directory, as shown to users */
	char *kind;   /* what it was read as, "MPS recorded crime (LSOA level)" */
	size_t rows;  /* data rows seen (header excluded) */
	size_t kept;
	size_t set_aside;
	size_t bad;   /* of set_aside, bad input; the rest are out of scope */
	int cut_short; /* its last row is incomplete and ends the file without a
			* line end: a partial download, whose last rows are lost */
	struct jb_reason *reasons;
	size_t nreasons, capreasons;
	struct strmap *reason_of; /* kind and what -> index in reasons */
	size_t last_reason;       /* the reason counted last */
	size_t printed; /* messages printed so far (capped, see jb_reject) */
	/* When sha256[0]: the file's SHA-256 and size, taken from the bytes
	 * as its reader read them to the end (a plain CSV file), for the
	 * manifest, which otherwise reads the file again to hash it. */
	char sha256[65];
	long long bytes;
};

/* A file or folder of the data directory that was not read at all. */
struct jb_unread {
	char *path; /* relative to the data directory */
	char *why;  /* "not a format read here (.csv or .csv.gz)", "Permission denied" */
};

struct jb_sources {
	struct jb_source **v;
	size_t n, cap;
	/* Files not recognised and folders or files that could not be read,
	 * in path order within each folder. */
	struct jb_unread *unread;
	size_t nunread, capunread;
	/* Inputs looked for and not found, e.g. "deprivation/ (Indices of
	 * Deprivation)"; the matching slides say "no data supplied". */
	char **missing;
	size_t nmissing, capmissing;
};

/* Register a file about to be read; the returned pointer stays valid for the
 * dataset's life. */
struct jb_source *jb_source_add(struct jb_sources *s, const char *path, const char *kind);
void jb_source_missing(struct jb_sources *s, const char *what);
/* Record a file or folder not read, and say so on the diagnostic stream:
 * "jembrief: PATH: not read: WHY". */
void jb_source_unread(struct jb_sources *s, const char *path, const char *why);
/* Frees src's reasons and their index (not src). */
void jb_source_free_reasons(struct jb_source *src);

/* A bad row: prints "PATH:LINE: column 'COLUMN': PROBLEM DETAIL" to the
 * dataset's diagnostic stream (at most 20 per file, then a count), counts
 * the row as set aside under the reason "column 'COLUMN': PROBLEM".
 * column may be NULL for a whole-row problem. detail may be NULL. */
void jb_reject(struct jb_source *src, long line, const char *column,
	       const char *problem, const char *detail);
/* A valid row that is deliberately not used (outside the 32 boroughs, a
 * category outside every theme is NOT this: those rows are kept). Counted
 * under reason, not printed; line (the row's line, or feature number) is
 * kept as the reason's first occurrence, 0 when the whole file is meant. */
void jb_set_aside(struct jb_source *src, long line, const char *reason);
/* A valid row used all the same, with something worth counting (a street
 * row whose LSOA code the boundaries do not have, placed by its
 * coordinates): a reason with used = 1, not counted as set aside; line as
 * for jb_set_aside(). */
void jb_note_used(struct jb_source *src, long line, const char *reason);
/* Where diagnostics go (default stderr; NULL silences them). */
void jb_diag_set(FILE *f);

/* ---- areas ---- */

enum jb_domain {
	JB_DOM_INCOME,
	JB_DOM_EMPLOYMENT,
	JB_DOM_EDUCATION,
	JB_DOM_HEALTH,
	JB_DOM_CRIME,
	JB_DOM_HOUSING, /* barriers to housing and services */
	JB_DOM_ENVIRONMENT,
	JB_NDOMAINS
};
extern const char *const jb_domain_names[JB_NDOMAINS];

struct jb_imd {
	int has;     /* 0 when no deprivation row for this LSOA */
	double score;
	int rank;    /* 1 = most deprived in England */
	int decile;  /* 1 = most deprived 10% */
	double dom_score[JB_NDOMAINS];
	int dom_rank[JB_NDOMAINS];
	int dom_decile[JB_NDOMAINS];
	int has_domains;
};

struct jb_lsoa {
	char code[12];   /* E01... */
	char *name;
	int borough;     /* 0..31, or -1 (City of London, outside London) */
	struct jb_polygon poly; /* nrings == 0 when no boundary supplied */
	/* poly simplified for maps (ingest/drawing.c): what render/ draws;
	 * everything measured uses poly */
	struct jb_polygon draw;
	double cx, cy;   /* a representative point (centroid), BNG */
	struct jb_imd imd;
	double residents; /* Census 2021 usual residents; 0 when unknown */
};

struct jb_ward {
	char code[12];
	char *name;
	int borough;     /* -1 for pseudo-boroughs such as Aviation Security */
};

/* ---- recorded crime ---- */

enum jb_level { JB_LEVEL_BOROUGH, JB_LEVEL_WARD, JB_LEVEL_LSOA, JB_NLEVELS };

struct jb_category {
	/* As the first file read (in path order) spells it, e.g. "VIOLENCE
	 * AGAINST THE PERSON" or "Violence Against the Person": one category
	 * however a release spells it (see jb_category_intern). */
	char *major;
	char *minor; /* "VIOLENCE WITH INJURY" */
};

struct jb_crime_row {
	int area;         /* borough 0..31 / index into ds->ward / ds->lsoa */
	int cat;          /* index into ds->categories */
	int32_t *counts;  /* [table.nmonths] */
};

struct jb_crime_table {
	int first_month;         /* month index of counts[0] */
	int nmonths;
	unsigned char *covered;  /* [nmonths]: 1 where some file gave this month */
	struct jb_crime_row *rows;
	size_t nrows, caprows;
	/* How many of the files read into the table have each area whole:
	 * some row of it, and not the area a file cut short (jb_source.
	 * cut_short) reached last, whose later rows are lost (the MPS files
	 * are sorted by area). An area a file lacks has no counts in that
	 * file's months, not zero counts (jb_crime_whole). */
	size_t nfiles;
	unsigned *nwhole;  /* [nwhole_cap], by area index */
	size_t nwhole_cap;
};
/* Whether every file read into t has area whole. */
int jb_crime_whole(const struct jb_crime_table *t, int area);

/* ---- MPS monthly crime dashboard (long format, borough rows) ---- */

struct jb_dash_row {
	int borough; /* 0..31 */
	int month;
	int subtype; /* index into dash.subtypes */
	int measure; /* index into dash.measures ("Offences", "Positive Outcomes") */
	double count;
};

struct jb_dashboard {
	char **types;    /* crime_type, e.g. "Knife Crime"; parallel to subtypes */
	char **subtypes; /* crime_subtype, e.g. "Knife Injury Victims (1-24)" */
	size_t nsubtypes;
	char **measures;
	size_t nmeasures;
	struct jb_dash_row *rows;
	size_t nrows, caprows;
};

/* ---- data.police.uk street-level records ---- */

/* One street-level crime in 16 bytes: a Met-scale batch keeps millions
 * (issue 12). Its borough is its LSOA's, ds->lsoa[lsoa].borough, 0..31
 * for every point kept (jb_point_borough). The readers keep each index
 * inside its field: a point whose LSOA, type or location would not fit is
 * not kept, with the reason counted. */
struct jb_point {
	float x, y;             /* BNG metres */
	unsigned lsoa : 17;     /* index into ds->lsoa, below JB_POINT_LSOAS */
	unsigned month : 10;    /* offset from street.first_month */
	unsigned type : 5;      /* index into street.types, below JB_POINT_TYPES */
	unsigned location : 24; /* index into street.locations ("On or near ..."),
				 * below JB_POINT_LOCATIONS */
	unsigned outcome : 8;   /* index into street.outcomes; 0 = none given */
};
#define JB_POINT_LSOAS 131072        /* 2^17; England and Wales: about 36,000 LSOAs a vintage */
#define JB_POINT_TYPES 32            /* 2^5; data.police.uk has used fewer than 20 names */
#define JB_POINT_LOCATIONS 16777216  /* 2^24 "On or near ..." names */
_Static_assert(sizeof(struct jb_point) == 16, "a street point is 16 bytes");
#define jb_point_borough(ds, p) ((ds)->lsoa[(p)->lsoa].borough)

struct jb_street {
	int first_month, nmonths;
	char **types;     size_t ntypes;
	char **outcomes;  size_t noutcomes;   /* outcomes[0] = "" */
	char **locations; size_t nlocations;
	struct jb_point *pts;
	size_t npts, cappts;
};

/* ---- MOPAC Public Attitudes Survey (confidence/) ---- */

/* One published proportion: a borough's, or London's (the export's MPS
 * column, the same on every borough row of a quarter and measure). Each is
 * a rolling 12-month figure to the end of its quarter. */
struct jb_pas_value {
	int area;    /* borough 0..31, or JB_LONDON */
	int measure; /* index into pas.measures */
	int month;   /* month index of the quarter's last month */
	double v;    /* proportion of respondents, 0..1 */
};

struct jb_pas {
	char **measures;  /* as published, e.g. "\"Good Job\" local", in order of appearance */
	size_t nmeasures;
	struct jb_pas_value *vals; /* one per (area, measure, month): a later row replaces */
	size_t nvals, capvals;
};

/* ---- MPS homicide victims (crime/, the homicide dashboard data) ---- */

struct jb_homicide {
	int borough;    /* 0..31 */
	int month;
	int age_lo, age_hi; /* the age group "13 to19" as 13, 19; "65 and over" as
			     * 65, JB_MAXAGE; -1, -1 when not given or not known */
	int method;     /* index into homicide.methods */
	double victims; /* Count of Victims */
};

struct jb_homicides {
	char **methods;   /* Method of Killing, as published */
	size_t nmethods;
	struct jb_homicide *rows;
	size_t nrows, caprows;
	int first_month, last_month; /* months of the rows kept (0 when none) */
	int cut_short;    /* the file was cut short: it lists victims year by
			   * year, so its last year is not complete */
};

/* ---- population ---- */

#define JB_MAXAGE 90 /* 90 = 90 and over */

struct jb_population {
	int has;
	double all_ages;
	double age[JB_MAXAGE + 1];
};

/* ---- the dataset ---- */

struct jb_dataset {
	char *dir;
	struct jb_sources sources;

	struct jb_lsoa *lsoa;
	size_t nlsoa, caplsoa;
	struct strmap *lsoa_index;   /* code -> index */
	struct jb_ward *ward;
	size_t nward, capward;
	struct strmap *ward_index;

	struct jb_polygon borough_shape[JB_NBOROUGHS];
	/* a representative point of each borough_shape with rings (where maps
	 * put its name: jb_polygon_centroid), BNG */
	double borough_cx[JB_NBOROUGHS], borough_cy[JB_NBOROUGHS];
	/* borough_shape simplified for maps, and the tolerance (metres) each
	 * borough's boundaries were simplified with (ingest/drawing.c) */
	struct jb_polygon borough_draw[JB_NBOROUGHS];
	double draw_tolerance[JB_NBOROUGHS];
	int has_borough_shapes;
	int has_lsoa_shapes;
	int imd_edition;             /* 2025, 2019, or 0 when none */

	struct jb_category *categories;
	size_t ncategories, capcategories;
	struct strmap *category_index; /* folded "major\x1fminor" -> index */
	struct jb_crime_table crime[JB_NLEVELS];
	int has_crime[JB_NLEVELS];

	struct jb_dashboard dash;
	int has_dash;
	struct jb_street street;
	int has_street;
	struct jb_pas pas;           /* confidence/ (ingest/pas.c) */
	int has_pas;
	struct jb_homicides homicide; /* crime/ homicide victims (ingest/homicide.c) */
	int has_homicide;

	int pop_year;                /* mid-year of the estimates, 0 when none */
	struct jb_population pop[JB_NBOROUGHS + 1]; /* [JB_LONDON] = London */
	int has_census;

	/* education-youth/, youth-services/, actions/, offender-management/
	 * (ingest/youth.h); never NULL after jb_dataset_load(). */
	struct jb_youth_data *youth;
	/* commentary/: the analyst's notes, as written (ingest/commentary.h) */
	struct jb_comments comments;
	/* the slide kinds a commentary row may name (jb_load_options'),
	 * borrowed for the load */
	const char *const *slide_kinds;
	size_t nslide_kinds;
};

struct jb_load_options {
	int quiet; /* no progress messages */
	/* threads reading street-level files at once; 0: the number of cores,
	 * 1: one file after another. The dataset is the same either way. */
	int jobs;
	/* data.police.uk crime types to keep (case ignored); rows of other
	 * types are valid but set aside as not counted, before their
	 * coordinates are read. NULL: keep every type. */
	const char *const *street_types;
	size_t nstreet_types;
	/* the slide kinds a commentary row's 'slide' may name (commentary.h);
	 * NULL: any name is kept unchecked (a caller that lays out no deck) */
	const char *const *slide_kinds;
	size_t nslide_kinds;
};

/* Load everything found below dir. Never aborts on bad data: bad rows are
 * reported and set aside, missing inputs recorded in sources.missing.
 * Returns NULL (with a message) only when dir itself cannot be read. */
struct jb_dataset *jb_dataset_load(const char *dir, const struct jb_load_options *opt);
void jb_dataset_free(struct jb_dataset *ds);
/* 1 when the dataset has some crime to brief on (a recorded-crime,
 * street-level or dashboard file with a usable row); 0 otherwise, with a
 * one-line reason in why (an empty data directory, no crime file, no
 * usable crime file). */
int jb_dataset_usable(const struct jb_dataset *ds, char *why, size_t cap);

/* Consistency check of a loaded dataset (indices in range, counts >= 0,
 * polygons closed...). Returns the number of problems, each printed to err. */
int jb_dataset_check(const struct jb_dataset *ds, FILE *err);

/* Registries. *_find returns -1 when absent; *_intern adds when absent and
 * returns the index (name/borough fill blanks of an existing entry).
 * Each entry has one identity however a release spells it: area codes
 * compare with surrounding spaces dropped and case ignored; categories
 * with case, spacing, punctuation and '&'/"and" ignored. */
int jb_lsoa_find(const struct jb_dataset *ds, const char *code);
int jb_lsoa_intern(struct jb_dataset *ds, const char *code, const char *name, int borough);
int jb_ward_intern(struct jb_dataset *ds, const char *code, const char *name, int borough);
int jb_category_intern(struct jb_dataset *ds, const char *major, const char *minor);
/* 1 when category c is major / minor by that identity (minor NULL: any
 * minor of the major). */
int jb_category_is(const struct jb_category *c, const char *major, const char *minor);

#endif
