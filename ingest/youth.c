/* ingest/youth.c - youth services, the action log and adult offender
 * management (project schemas, sample-data/SOURCES.md); the youth data's
 * new/free/check. See youth.h. */
#include "youth.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"
#include "limits.h"
#include "geo.h"

const char *const jb_action_status_names[JB_NACT_STATUS] = {
	[JB_ACT_COMPLETE] = "Complete",
	[JB_ACT_ON_TRACK] = "On track",
	[JB_ACT_DELAYED] = "Delayed",
	[JB_ACT_NOT_STARTED] = "Not started",
};

static const char services_kind[] = "youth services (project schema)";
static const char actions_kind[] = "action log (project schema)";
static const char offender_kind[] = "adult offender management (project schema)";

/* ---- cells ---- */

int jb_parse_ymd(const char *s, int *ymd)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < JB_YEAR_MIN || y > JB_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return -1;
	*ymd = y * 10000 + m * 100 + d;
	return 0;
}

/* A status or marking compared with case, spaces, '-' and '_' ignored. */
static int same_word(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '-' || *a == '_')
			a++;
		while (*b == ' ' || *b == '-' || *b == '_')
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++, b++;
	}
}

static int is_illustrative(const char *status)
{
	return same_word(status, "ILLUSTRATIVE");
}

/* A whole number in [lo, hi] or blank (*out = -1). */
static int opt_int(const char *s, long lo, long hi, int *out)
{
	long v;
	if (!*s) {
		*out = -1;
		return 0;
	}
	if (jb_parse_count(s, &v) != 0 || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* The borough a row names (name or GSS code); rejects and returns -1
 * otherwise. */
static int row_borough(struct jb_source *src, struct jb_csv *t, int col)
{
	const char *s = jb_csv_get(t, col);
	int b = jb_borough_lookup(s);
	if (b < 0)
		jb_reject(src, jb_csv_line(t), jb_csv_name(t, col),
			  *s ? "not one of the 32 boroughs" : "blank", s);
	return b;
}

static int required(struct jb_source *src, struct jb_csv *t, int col, const char **out)
{
	*out = jb_csv_get(t, col);
	if (!**out) {
		jb_reject(src, jb_csv_line(t), jb_csv_name(t, col), "blank", NULL);
		return -1;
	}
	return 0;
}

/* ---- youth services ---- */

#define SERVICE_MARGIN 2000.0 /* metres */

struct services {
	struct jb_dataset *ds;
	struct jb_source *src;
	struct jb_proj *proj;
	int has_extent; /* the 32 boroughs' bounding box, when boundaries were read */
	double minx, miny, maxx, maxy;
	int c_name, c_type, c_borough, c_lon, c_lat, c_sessions, c_age_min, c_age_max, c_status;
};

static int on_service_row(struct jb_csv *t, void *ctx)
{
	struct services *S = ctx;
	struct jb_youth_data *yd = S->ds->youth;
	long line = jb_csv_line(t);
	const char *name;
	if (required(S->src, t, S->c_name, &name) != 0)
		return 0;
	int b = row_borough(S->src, t, S->c_borough);
	if (b < 0)
		return 0;
	double lon, lat;
	const char *slon = jb_csv_get(t, S->c_lon), *slat = jb_csv_get(t, S->c_lat);
	if (jb_parse_number(slon, &lon) != 0 || lon < -180 || lon > 180) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_lon), "not a longitude", slon);
		return 0;
	}
	if (jb_parse_number(slat, &lat) != 0 || lat < -90 || lat > 90) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_lat), "not a latitude", slat);
		return 0;
	}
	int sessions, amin, amax;
	const char *s = jb_csv_get(t, S->c_sessions);
	if (opt_int(s, 0, 1000, &sessions) != 0) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_sessions),
			  "not a whole number of sessions 0..1000", s);
		return 0;
	}
	s = jb_csv_get(t, S->c_age_min);
	if (opt_int(s, 0, 30, &amin) != 0) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_age_min), "not an age 0..30", s);
		return 0;
	}
	s = jb_csv_get(t, S->c_age_max);
	if (opt_int(s, 0, 30, &amax) != 0) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_age_max), "not an age 0..30", s);
		return 0;
	}
	if (amin >= 0 && amax >= 0 && amax < amin) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_age_max), "below age_min", s);
		return 0;
	}
	double x = lon, y = lat;
	if (jb_proj_to_bng(S->proj, &x, &y, 1) != 0) {
		jb_reject(S->src, line, jb_csv_name(t, S->c_lon), "could not be projected", slon);
		return 0;
	}
	/* A sanity check against swapped or zero coordinates: with borough
	 * boundaries, a point more than SERVICE_MARGIN beyond their extent is
	 * not in London. (A service just over its borough's generalised
	 * border is kept: services serve across borders.) */
	if (S->has_extent && (x < S->minx - SERVICE_MARGIN || x > S->maxx + SERVICE_MARGIN ||
			      y < S->miny - SERVICE_MARGIN || y > S->maxy + SERVICE_MARGIN)) {
		char where[64];
		snprintf(where, sizeof where, "%s, %s", slon, slat);
		jb_reject(S->src, line, jb_csv_name(t, S->c_lon), "location outside London", where);
		return 0;
	}
	const char *status = jb_csv_get(t, S->c_status);
	yd->services = xgrow(yd->services, &yd->capservices, yd->nservices + 1, sizeof *yd->services);
	yd->services[yd->nservices++] = (struct jb_youth_service){
		.name = xstrdup(name),
		.type = xstrdup(jb_csv_get(t, S->c_type)),
		.borough = b,
		.lon = lon,
		.lat = lat,
		.x = x,
		.y = y,
		.weekly_sessions = sessions,
		.age_min = amin,
		.age_max = amax,
		.status = xstrdup(status),
		.illustrative = is_illustrative(status),
	};
	S->src->kept++;
	return 0;
}

int jb_read_youth_services(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, services_kind, 0, NULL, err, NULL);
	struct services S = {.ds = ds};
	const struct jb_csv_want want[] = {
		{"name", &S.c_name, "name"},
		{"type", &S.c_type, NULL},
		{"borough", &S.c_borough, "borough"},
		{"lon|longitude", &S.c_lon, "lon"},
		{"lat|latitude", &S.c_lat, "lat"},
		{"weekly_sessions|sessions", &S.c_sessions, NULL},
		{"age_min", &S.c_age_min, NULL},
		{"age_max", &S.c_age_max, NULL},
		{"status", &S.c_status, NULL},
	};
	const char *missing = jb_csv_cols(t, want, sizeof want / sizeof want[0]);
	int rc = 0;
	if (missing) {
		rc = jb_source_unusable(ds, rel, services_kind, 1, missing,
					"required column missing", NULL);
	} else if (!(S.proj = jb_proj_new())) {
		rc = jb_source_unusable(ds, rel, services_kind, 0, NULL, "no projection", NULL);
	} else {
		S.minx = S.miny = INFINITY;
		S.maxx = S.maxy = -INFINITY;
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			const struct jb_polygon *p = &ds->borough_shape[b];
			if (!p->nrings)
				continue;
			S.has_extent = 1;
			S.minx = fmin(S.minx, p->minx);
			S.miny = fmin(S.miny, p->miny);
			S.maxx = fmax(S.maxx, p->maxx);
			S.maxy = fmax(S.maxy, p->maxy);
		}
		S.src = jb_source_add(&ds->sources, rel, services_kind);
		jb_csv_each(t, S.src, on_service_row, &S);
		if (S.src->kept)
			ds->youth->has_services = 1;
		if (S.src->cut_short)
			ds->youth->services_cut_short = S.src->path;
	}
	jb_proj_free(S.proj);
	jb_csv_close(t);
	return rc;
}

/* ---- the action log ---- */

struct actions {
	struct jb_dataset *ds;
	struct jb_source *src;
	int illustrative;
	size_t first; /* first action of this file */
	int c_borough, c_meeting, c_id, c_action, c_owner, c_due, c_status, c_update;
	struct strmap *ids; /* action id -> index, of every action log read */
};

/* The file's own name (not its folders) contains "illustrative". */
static int name_says_illustrative(const char *rel)
{
	const char *base = strrchr(rel, '/');
	base = base ? base + 1 : rel;
	static const char word[] = "illustrative";
	size_t k = sizeof word - 1;
	for (const char *p = base; strlen(p) >= k; p++)
		if (strncasecmp(p, word, k) == 0)
			return 1;
	return 0;
}

static int on_action_row(struct jb_csv *t, void *ctx)
{
	struct actions *A = ctx;
	struct jb_youth_data *yd = A->ds->youth;
	long line = jb_csv_line(t);
	int b = row_borough(A->src, t, A->c_borough);
	if (b < 0)
		return 0;
	const char *id, *action, *s;
	if (required(A->src, t, A->c_id, &id) != 0 || required(A->src, t, A->c_action, &action) != 0)
		return 0;
	int meeting, due;
	s = jb_csv_get(t, A->c_meeting);
	if (jb_parse_ymd(s, &meeting) != 0) {
		jb_reject(A->src, line, jb_csv_name(t, A->c_meeting), "not a date YYYY-MM-DD", s);
		return 0;
	}
	s = jb_csv_get(t, A->c_due);
	if (jb_parse_ymd(s, &due) != 0) {
		jb_reject(A->src, line, jb_csv_name(t, A->c_due), "not a date YYYY-MM-DD", s);
		return 0;
	}
	s = jb_csv_get(t, A->c_status);
	int status = -1;
	for (int k = 0; k < JB_NACT_STATUS; k++)
		if (same_word(s, jb_action_status_names[k]))
			status = k;
	if (status < 0) {
		jb_reject(A->src, line, jb_csv_name(t, A->c_status),
			  "not Complete, On track, Delayed or Not started", s);
		return 0;
	}
	if (strmap_get(A->ids, id) >= 0) {
		jb_reject(A->src, line, jb_csv_name(t, A->c_id), "duplicate action id", id);
		return 0;
	}
	strmap_put(A->ids, id, (int)yd->nactions);
	yd->actions = xgrow(yd->actions, &yd->capactions, yd->nactions + 1, sizeof *yd->actions);
	yd->actions[yd->nactions++] = (struct jb_action){
		.borough = b,
		.meeting = meeting,
		.id = xstrdup(id),
		.action = xstrdup(action),
		.owner = xstrdup(jb_csv_get(t, A->c_owner)),
		.update = xstrdup(jb_csv_get(t, A->c_update)),
		.due = due,
		.status = (enum jb_action_status)status,
		.illustrative = A->illustrative,
	};
	A->src->kept++;
	return 0;
}

int jb_read_actions(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, actions_kind, 0, NULL, err, NULL);
	struct actions A = {.ds = ds};
	/* The schema has no status column: a made-up log says so in its
	 * file name (sample-data/actions/actions-illustrative.csv). */
	A.illustrative = name_says_illustrative(rel);
	const struct jb_csv_want want[] = {
		{"borough", &A.c_borough, "borough"},
		{"meeting_date|meeting", &A.c_meeting, "meeting_date"},
		{"action_id|id", &A.c_id, "action_id"},
		{"action", &A.c_action, "action"},
		{"owner", &A.c_owner, NULL},
		{"due|due_date", &A.c_due, "due"},
		{"status", &A.c_status, "status"},
		{"update|progress", &A.c_update, NULL},
	};
	const char *missing = jb_csv_cols(t, want, sizeof want / sizeof want[0]);
	int rc = 0;
	if (missing) {
		rc = jb_source_unusable(ds, rel, actions_kind, 1, missing, "required column missing",
					NULL);
	} else {
		A.src = jb_source_add(&ds->sources, rel, actions_kind);
		A.ids = strmap_new();
		for (size_t i = 0; i < ds->youth->nactions; i++)
			strmap_put(A.ids, ds->youth->actions[i].id, (int)i);
		jb_csv_each(t, A.src, on_action_row, &A);
		strmap_free(A.ids);
		if (A.src->kept)
			ds->youth->has_actions = 1;
		if (A.src->cut_short)
			ds->youth->actions_cut_short = A.src->path;
	}
	jb_csv_close(t);
	return rc;
}

/* ---- adult offender management ---- */

struct offender {
	struct jb_dataset *ds;
	struct jb_source *src;
	struct strmap *seen; /* "borough|month|cohort" of the rows kept */
	int c_borough, c_period, c_cohort, c_caseload, c_reoff, c_status;
};

/* The key a row is kept under: one row per borough, month and cohort. */
static char *offender_key(int borough, int month, const char *cohort)
{
	return xasprintf("%d|%d|%s", borough, month, cohort);
}

static int on_offender_row(struct jb_csv *t, void *ctx)
{
	struct offender *O = ctx;
	struct jb_youth_data *yd = O->ds->youth;
	long line = jb_csv_line(t);
	int b = row_borough(O->src, t, O->c_borough);
	if (b < 0)
		return 0;
	const char *cohort, *s;
	if (required(O->src, t, O->c_cohort, &cohort) != 0)
		return 0;
	int month;
	s = jb_csv_get(t, O->c_period);
	if (jb_parse_month(s, &month) != 0) {
		jb_reject(O->src, line, jb_csv_name(t, O->c_period), "not a month YYYY-MM", s);
		return 0;
	}
	long caseload;
	s = jb_csv_get(t, O->c_caseload);
	if (jb_parse_count(s, &caseload) != 0) {
		jb_reject(O->src, line, jb_csv_name(t, O->c_caseload), "not a whole number >= 0", s);
		return 0;
	}
	double reoff = NAN;
	s = jb_csv_get(t, O->c_reoff);
	if (*s && (jb_parse_number(s, &reoff) != 0 || reoff < 0 || reoff > 100)) {
		jb_reject(O->src, line, jb_csv_name(t, O->c_reoff), "not a percentage 0..100", s);
		return 0;
	}
	char *key = offender_key(b, month, cohort);
	int dup = strmap_get(O->seen, key) >= 0;
	if (!dup)
		strmap_put(O->seen, key, 1);
	free(key);
	if (dup) {
		jb_reject(O->src, line, jb_csv_name(t, O->c_cohort),
			  "duplicate borough, period and cohort", cohort);
		return 0;
	}
	const char *status = jb_csv_get(t, O->c_status);
	yd->offender = xgrow(yd->offender, &yd->capoffender, yd->noffender + 1, sizeof *yd->offender);
	yd->offender[yd->noffender++] = (struct jb_offender_row){
		.borough = b,
		.month = month,
		.cohort = xstrdup(cohort),
		.caseload = (double)caseload,
		.reoffending = reoff,
		.status = xstrdup(status),
		.illustrative = is_illustrative(status),
	};
	O->src->kept++;
	return 0;
}

int jb_read_offender(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, offender_kind, 0, NULL, err, NULL);
	struct offender O = {.ds = ds, .seen = strmap_new()};
	const struct jb_youth_data *yd = ds->youth;
	for (size_t i = 0; i < yd->noffender; i++) { /* rows of the files read before */
		char *key = offender_key(yd->offender[i].borough, yd->offender[i].month,
					 yd->offender[i].cohort);
		strmap_put(O.seen, key, 1);
		free(key);
	}
	const struct jb_csv_want want[] = {
		{"borough", &O.c_borough, "borough"},
		{"period|month", &O.c_period, "period"},
		{"cohort", &O.c_cohort, "cohort"},
		{"caseload", &O.c_caseload, "caseload"},
		{"reoffending_rate|reoffending", &O.c_reoff, NULL},
		{"status", &O.c_status, NULL},
	};
	const char *missing = jb_csv_cols(t, want, sizeof want / sizeof want[0]);
	int rc = 0;
	if (missing) {
		rc = jb_source_unusable(ds, rel, offender_kind, 1, missing, "required column missing",
					NULL);
	} else {
		O.src = jb_source_add(&ds->sources, rel, offender_kind);
		jb_csv_each(t, O.src, on_offender_row, &O);
		if (O.src->kept)
			ds->youth->has_offender = 1;
		if (O.src->cut_short)
			ds->youth->offender_cut_short = O.src->path;
	}
	strmap_free(O.seen);
	jb_csv_close(t);
	return rc;
}

/* ---- new, free, check ---- */

struct jb_youth_data *jb_youth_data_new(void)
{
	return xcalloc(1, sizeof(struct jb_youth_data));
}

void jb_youth_data_free(struct jb_youth_data *y)
{
	if (!y)
		return;
	struct jb_lait *l = &y->lait;
	for (size_t i = 0; i < l->n; i++) {
		struct jb_lait_indicator *ind = &l->ind[i];
		free(ind->code);
		free(ind->item);
		for (size_t k = 0; k < ind->nyears; k++)
			free(ind->years[k].label);
		free(ind->years);
		free(ind->vals);
		free(ind->v);
	}
	free(l->ind);
	for (size_t i = 0; i < l->ndict; i++) {
		struct jb_lait_dict *d = &l->dict[i];
		free(d->code);
		free(d->topic);
		free(d->measure);
		free(d->title);
		free(d->units);
		free(d->year_type);
	}
	free(l->dict);
	for (size_t i = 0; i < y->nservices; i++) {
		free(y->services[i].name);
		free(y->services[i].type);
		free(y->services[i].status);
	}
	free(y->services);
	for (size_t i = 0; i < y->nactions; i++) {
		free(y->actions[i].id);
		free(y->actions[i].action);
		free(y->actions[i].owner);
		free(y->actions[i].update);
	}
	free(y->actions);
	for (size_t i = 0; i < y->noffender; i++) {
		free(y->offender[i].cohort);
		free(y->offender[i].status);
	}
	free(y->offender);
	free(y);
}

int jb_youth_data_check(const struct jb_youth_data *y, FILE *err)
{
	int n = 0;
#define PROBLEM(...)                                        \
	do {                                                \
		if (err) {                                  \
			fputs("youth data check: ", err);   \
			fprintf(err, __VA_ARGS__);          \
			fputc('\n', err);                   \
		}                                           \
		n++;                                        \
	} while (0)
	if (!y) {
		PROBLEM("no youth data");
		return n;
	}
	const struct jb_lait *l = &y->lait;
	for (size_t i = 0; i < l->n; i++) {
		const struct jb_lait_indicator *ind = &l->ind[i];
		if (ind->dict >= (int)l->ndict)
			PROBLEM("%s: dictionary index out of range", ind->code);
		for (size_t k = 1; k < ind->nyears; k++)
			if (ind->years[k].start < ind->years[k - 1].start)
				PROBLEM("%s: years not sorted", ind->code);
		for (size_t k = 0; k < ind->nvals; k++) {
			const struct jb_lait_value *v = &ind->vals[k];
			if (v->area < 0 || v->area >= JB_LAIT_AREAS || v->year < 0 ||
			    (size_t)v->year >= ind->nyears || !isfinite(v->v)) {
				PROBLEM("%s: value %zu out of range", ind->code, k);
				continue;
			}
			if (ind->v && ind->v[(size_t)v->area * ind->nyears + (size_t)v->year] != v->v)
				PROBLEM("%s: table does not hold value %zu", ind->code, k);
		}
	}
	for (size_t i = 0; i < y->nservices; i++) {
		const struct jb_youth_service *s = &y->services[i];
		if (s->borough < 0 || s->borough >= JB_NBOROUGHS || !isfinite(s->x) || !isfinite(s->y))
			PROBLEM("service %zu: borough or coordinates out of range", i);
	}
	for (size_t i = 0; i < y->nactions; i++) {
		const struct jb_action *a = &y->actions[i];
		if (a->borough < 0 || a->borough >= JB_NBOROUGHS || a->status < 0 ||
		    a->status >= JB_NACT_STATUS || a->meeting <= 0 || a->due <= 0)
			PROBLEM("action %zu: borough, status or dates out of range", i);
	}
	for (size_t i = 0; i < y->noffender; i++) {
		const struct jb_offender_row *o = &y->offender[i];
		if (o->borough < 0 || o->borough >= JB_NBOROUGHS || !(o->caseload >= 0))
			PROBLEM("offender management row %zu out of range", i);
	}
#undef PROBLEM
	return n;
}
