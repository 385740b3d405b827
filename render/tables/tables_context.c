/* render/tables/tables_context.c - see tables_context.h. Full precision, no
 * thousands separators; an empty field is "not available". */
#include "tables_context.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../analysis/context.h"
#include "../../util/csvout.h"
#include "datatables.h"

static const struct jb_context *ctx(const struct jb_findings *f)
{
	return f->context;
}

static const char *code_of(int a)
{
	return a == JB_ENGLAND ? "E92000001" : a == JB_LONDON ? "E12000007" : jb_boroughs[a].code;
}

static const char *name_of(int a)
{
	return a == JB_ENGLAND ? "England" : a == JB_LONDON ? "London" : jb_boroughs[a].name;
}

/* The similar boroughs' mean for a year, how many it is over, and who
 * they are, by name ("Westminster; Lambeth; ..." nearest first) and by
 * code (empty off a borough's deck): four fields. */
static void similar_fields(FILE *out, const struct jb_findings *f, const struct jb_similar_mean *m,
			   int area, int year, int last)
{
	int n;
	double v = jb_similar_mean_value(m, area, year, &n);
	csv_fig(out, v, 0);
	fprintf(out, "%d,", n);
	for (int which = 0; which < 2; which++) {
		char list[512] = "";
		size_t o = 0;
		for (int k = 0; area < JB_NBOROUGHS && k < f->area[area].ncomparators && o < sizeof list;
		     k++) {
			const struct jb_borough_ref *b = &jb_boroughs[f->area[area].comparators[k]];
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", k ? "; " : "",
					      which ? b->code : b->name);
		}
		csv_text(out, list, which ? last : 0);
	}
}

#define SIMILAR_COLS(what, unit) \
	{"similar_boroughs_" what, unit, "mean over the boroughs the deck compares with (its " \
				 "five most similar, or those the analyst chose; those with a value)"}, \
	{"similar_boroughs_n", "boroughs", "how many similar boroughs the mean is over"}, \
	{"similar_boroughs", "text", "the similar boroughs, nearest first, '; ' between"}, \
	{"similar_boroughs_codes", "GSS codes", "their codes, in the same order"}

static void ymd(FILE *out, int d, int last)
{
	if (d > 0)
		fprintf(out, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
	fputc(last ? '\n' : ',', out);
}

static const struct csv_col exclusion_cols[] = {
	DATATABLE_AREA_COLS,
	{"indicator", "text", "the DfE LAIT indicator's short code"},
	{"title", "text", "the indicator's title (LAIT dictionary)"},
	{"units", "text", "the unit of the value columns (LAIT dictionary)"},
	{"year", "text", "the academic or financial year, as LAIT labels it"},
	{"year_start", "year", "the calendar year the year starts in"},
	{"borough_value", "as units", "the deck's borough, as published"},
	{"london_value", "as units", "London, as published"},
	{"england_value", "as units", "England, as published"},
	{"rank_of_32", "rank of 32", "the borough's rank in the latest year (rank_1_is)"},
	{"rank_1_is", "text", "whether rank 1 is the highest or the lowest value"},
	SIMILAR_COLS("mean", "as units"),
};
const struct csv_table exclusion_truancy_table =
	CSV_TABLE("<slug>/data/exclusion-truancy.csv",
		  "one indicator (exclusions, suspensions, absence) in one year", exclusion_cols);

void table_exclusion_truancy(FILE *out, const struct jb_findings *f, int area)
{
	static const int slots[] = {JB_CTX_PERMEX, JB_CTX_SUSP, JB_CTX_PA, JB_CTX_SPA};
	csv_header(out, &exclusion_truancy_table);
	for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) {
		const struct jb_lait_series *s = ctx(f)->slot[slots[k]];
		for (size_t y = 0; s && y < s->nyears; y++) {
			int latest = (int)y == s->latest;
			datatable_area(out, f, area);
			csv_text(out, s->code, 0);
			csv_text(out, s->title, 0);
			csv_text(out, s->units, 0);
			csv_text(out, s->years[y].label, 0);
			fprintf(out, "%d,", s->years[y].start);
			csv_as_read(out, jb_lait_value(s, area, (int)y), 0);
			csv_as_read(out, jb_lait_value(s, JB_LONDON, (int)y), 0);
			csv_as_read(out, jb_lait_value(s, JB_ENGLAND, (int)y), 0);
			csv_int(out, latest && area < JB_NBOROUGHS && s->rank[area] ? s->rank[area] : NAN,
				0);
			csv_text(out, s->polarity == JB_POL_HIGH_GOOD ? "lowest" : "highest", 0);
			similar_fields(out, f, &s->similar, area, (int)y, 1);
		}
	}
}

static const struct csv_col spend_cols[] = {
	DATATABLE_AREA_COLS,
	{"indicator", "text", "the DfE LAIT spending indicator's short code"},
	{"year", "text", "the financial year, as LAIT labels it"},
	{"year_start", "year", "the calendar year the year starts in"},
	{"spend_gbp", "pounds", "the area's spend, as published"},
	{"residents_10_17", "people", "residents aged 10-17 (ONS mid-year estimate)"},
	{"spend_gbp_per_resident_10_17", "pounds per resident aged 10-17", "the area's spend per "
									   "resident aged 10-17"},
	{"london_spend_gbp_per_resident_10_17", "pounds per resident aged 10-17",
	 "London's: the boroughs' spend over their residents aged 10-17"},
	{"london_boroughs", "boroughs", "boroughs with a published spend in London's figure"},
	{"rank_of_32", "rank of 32", "the borough's rank in the latest year, 1 = the most spent"},
	SIMILAR_COLS("spend_gbp_per_resident_10_17", "pounds per resident aged 10-17"),
};
const struct csv_table youth_spend_table =
	CSV_TABLE("<slug>/data/youth-spend.csv",
		  "one spending indicator (services for young people, youth justice) in one year",
		  spend_cols);

void table_youth_spend(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_spend_per_youth *ps[] = {&ctx(f)->yp_per_youth, &ctx(f)->yj_per_youth};
	csv_header(out, &youth_spend_table);
	for (int k = 0; k < 2; k++) {
		const struct jb_spend_per_youth *p = ps[k];
		for (size_t y = 0; p->ok && y < p->nyears; y++) {
			datatable_area(out, f, area);
			csv_text(out, p->spend->code, 0);
			csv_text(out, p->spend->years[y].label, 0);
			fprintf(out, "%d,", p->spend->years[y].start);
			csv_as_read(out, jb_lait_value(p->spend, area, (int)y), 0);
			csv_int(out, f->area[area].pop_10_17 > 0 ? f->area[area].pop_10_17 : NAN, 0);
			csv_fig(out, p->v[(size_t)area * p->nyears + y], 0);
			csv_fig(out, p->v[(size_t)JB_LONDON * p->nyears + y], 0);
			fprintf(out, "%d,", p->london_n[y]);
			csv_int(out,
				(int)y == p->latest && area < JB_NBOROUGHS && p->rank[area] ? p->rank[area]
											  : NAN,
				0);
			similar_fields(out, f, &p->similar, area, (int)y, 1);
		}
	}
}

static const struct csv_col services_cols[] = {
	DATATABLE_AREA_COLS,
	{"number", "number", "the service's number on the map"},
	{"service_name", "text", "the service's name, as supplied"},
	{"type", "text", "youth club, detached youth work, mentoring project, ..."},
	{"lon", "degrees (WGS84)", "longitude"},
	{"lat", "degrees (WGS84)", "latitude"},
	{"x_bng_m", "metres", "British National Grid easting (PROJ)"},
	{"y_bng_m", "metres", "British National Grid northing (PROJ)"},
	{"weekly_sessions", "sessions a week", "as supplied"},
	{"age_min", "years", "youngest age served"},
	{"age_max", "years", "oldest age served"},
	{"status", "text", "as supplied; ILLUSTRATIVE for the made-up sample"},
	{"hot_lsoas_within_reach", "LSOAs", "hot spot LSOAs within reach of the service"},
};
const struct csv_table youth_services_table =
	CSV_TABLE("<slug>/data/youth-services.csv", "one youth service in the borough",
		  services_cols);

void table_youth_services(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	const struct jb_youth_data *yd = f->ds->youth;
	csv_header(out, &youth_services_table);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_services_area *sa = &c->services[area];
	for (size_t i = 0; i < sa->nsvc; i++) {
		const struct jb_youth_service *s = &yd->services[sa->svc[i]];
		datatable_area(out, f, area);
		fprintf(out, "%zu,", i + 1);
		csv_text(out, s->name, 0);
		csv_text(out, s->type, 0);
		csv_fig(out, s->lon, 0);
		csv_fig(out, s->lat, 0);
		csv_fig(out, s->x, 0);
		csv_fig(out, s->y, 0);
		csv_int(out, s->weekly_sessions >= 0 ? s->weekly_sessions : NAN, 0);
		csv_int(out, s->age_min >= 0 ? s->age_min : NAN, 0);
		csv_int(out, s->age_max >= 0 ? s->age_max : NAN, 0);
		csv_text(out, s->status, 0);
		csv_int(out, c->has_hot ? (double)c->svc_hot_near[sa->svc[i]] : NAN, 1);
	}
}

static void justice_row(FILE *out, const char *code, const char *label, const char *units,
			int a, const char *role, double value)
{
	csv_text(out, code, 0);
	csv_text(out, label, 0);
	csv_text(out, units, 0);
	csv_text(out, code_of(a), 0);
	csv_text(out, name_of(a), 0);
	csv_text(out, role, 0);
	csv_as_read(out, value, 1);
}

static void justice_rows(FILE *out, const char *code, const char *label, const char *units,
			 const double *values, const struct jb_findings *f, int area,
			 int with_england, double england)
{
	const struct jb_area_findings *me = &f->area[area];
	int areas[JB_MAX_COMPARATORS + 2], n = 0; /* the borough, them, London */
	areas[n++] = area;
	for (int k = 0; k < me->ncomparators; k++)
		areas[n++] = me->comparators[k];
	areas[n++] = JB_LONDON;
	for (int i = 0; i < n; i++) {
		int a = areas[i];
		justice_row(out, code, label, units, a,
			    a == area		 ? "borough"
			    : a == JB_LONDON	 ? "london"
			    : me->comparator_chosen[i - 1] ? "chosen"
						 : "similar",
			    values[a]);
	}
	if (with_england)
		justice_row(out, code, label, units, JB_ENGLAND, "england", england);
}

static const struct csv_col justice_cols[] = {
	{"indicator", "text", "the DfE LAIT indicator's short code (or the spend per resident)"},
	{"year", "text", "the latest year, as LAIT labels it"},
	{"units", "text", "the unit of value (LAIT dictionary)"},
	{"area_code", "GSS code", "the borough, a similar borough, London or England"},
	{"area_name", "text", "the borough, a similar borough, London or England"},
	{"role", "text", "borough (the deck's), similar, chosen (by the analyst), london or england"},
	{"value", "as units", "the area's value"},
};
const struct csv_table youth_justice_table =
	CSV_TABLE("<slug>/data/youth-justice.csv",
		  "one youth justice indicator for one area, latest year (long)", justice_cols);

void table_youth_justice(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	csv_header(out, &youth_justice_table);
	if (area >= JB_NBOROUGHS)
		return;
	static const int slots[] = {JB_CTX_FTE, JB_CTX_REOFF, JB_CTX_REOFF_15_17};
	double v[JB_NBOROUGHS + 1];
	for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) {
		const struct jb_lait_series *s = c->slot[slots[k]];
		if (!s || s->latest < 0)
			continue;
		for (int a = 0; a <= JB_NBOROUGHS; a++)
			v[a] = jb_lait_value(s, a, s->latest);
		justice_rows(out, s->code, s->years[s->latest].label, s->units, v, f, area, 1,
			     jb_lait_value(s, JB_ENGLAND, s->latest));
	}
	const struct jb_spend_per_youth *p = &c->yj_per_youth;
	if (p->ok) {
		for (int a = 0; a <= JB_NBOROUGHS; a++)
			v[a] = p->v[(size_t)a * p->nyears + (size_t)p->latest];
		justice_rows(out, "YouthJusticeFinance per resident 10-17",
			     p->spend->years[p->latest].label, "pounds per resident aged 10-17", v, f,
			     area, 0, NAN);
	}
}

static const struct csv_col offender_cols[] = {
	DATATABLE_AREA_COLS,
	{"month", "YYYY-MM", "the period of the caseload"},
	{"cohort", "text", "the offender management cohort, as supplied"},
	{"caseload", "people", "people managed in the cohort"},
	{"reoffending_rate_pct", "percent", "as supplied"},
	{"status", "text", "as supplied (verified, provisional, ILLUSTRATIVE, ...)"},
};
const struct csv_table offender_table =
	CSV_TABLE("<slug>/data/offender-management.csv",
		  "one cohort of the borough's latest period, as supplied", offender_cols);

void table_offender_management(FILE *out, const struct jb_findings *f, int area)
{
	csv_header(out, &offender_table);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_offender_area *o = &ctx(f)->offender[area];
	for (size_t i = 0; i < o->n; i++) {
		const struct jb_offender_row *r = &f->ds->youth->offender[o->rows[i]];
		datatable_area(out, f, area);
		csv_month(out, r->month, 0);
		csv_text(out, r->cohort, 0);
		csv_int(out, r->caseload, 0);
		csv_as_read(out, r->reoffending, 0);
		csv_text(out, r->status, 1);
	}
}

static const struct csv_col actions_cols[] = {
	DATATABLE_AREA_COLS,
	{"order", "number", "the review order on the slide"},
	{"action_id", "text", "as supplied"},
	{"meeting_date", "YYYY-MM-DD", "the meeting that agreed the action"},
	{"action", "text", "as supplied"},
	{"owner", "text", "as supplied"},
	{"due", "YYYY-MM-DD", "as supplied"},
	{"status", "text", "Complete, On track, Delayed or Not started"},
	{"overdue", "0/1", "1: due before the end of the period and not complete"},
	{"update", "text", "as supplied"},
};
const struct csv_table actions_table =
	CSV_TABLE("<slug>/data/actions.csv", "one action of the borough's log", actions_cols);

void table_actions(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	csv_header(out, &actions_table);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_actions_area *A = &c->actions[area];
	for (size_t i = 0; i < A->n; i++) {
		const struct jb_action *a = &f->ds->youth->actions[A->order[i]];
		datatable_area(out, f, area);
		fprintf(out, "%zu,", i + 1);
		csv_text(out, a->id, 0);
		ymd(out, a->meeting, 0);
		csv_text(out, a->action, 0);
		csv_text(out, a->owner, 0);
		ymd(out, a->due, 0);
		csv_text(out, jb_action_status_names[a->status], 0);
		csv_int(out, c->overdue_known ? c->overdue[A->order[i]] : NAN, 0);
		csv_text(out, a->update, 1);
	}
}

static const struct csv_col since_cols[] = {
	DATATABLE_AREA_COLS,
	{"measure", "text", "offences, rate_per_1000 (the borough's) or london_offences"},
	{"unit", "text", "the unit of then_value and now_value"},
	{"then_first_month", "YYYY-MM", "first month of the 12 before the meeting"},
	{"then_last_month", "YYYY-MM", "last month of the 12 before the meeting"},
	{"then_value", "as unit", "the measure over those 12 months"},
	{"now_first_month", "YYYY-MM", "first month of the latest 12"},
	{"now_last_month", "YYYY-MM", "last month of the latest 12"},
	{"now_value", "as unit", "the measure over the latest 12 months"},
	{"change_pct", "percent", "now against then"},
};
const struct csv_table actions_since_table =
	CSV_TABLE("<slug>/data/actions-since-meeting.csv",
		  "one headline measure, at the last meeting and now", since_cols);

void table_actions_since_meeting(FILE *out, const struct jb_findings *f, int area)
{
	csv_header(out, &actions_since_table);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_actions_area *a = &ctx(f)->actions[area];
	if (!a->change_ok)
		return;
	struct {
		const char *name, *unit;
		double then, now, pct;
	} rows[] = {
		{"offences", "offences", a->count_then, a->count_now, a->pct},
		{"rate_per_1000", "offences per 1,000 residents", a->rate_then, a->rate_now,
		 a->rate_pct},
		{"london_offences", "offences", a->london_then, a->london_now, a->london_pct},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		datatable_area(out, f, area);
		csv_text(out, rows[i].name, 0);
		csv_text(out, rows[i].unit, 0);
		csv_month(out, a->then_last - 11, 0);
		csv_month(out, a->then_last, 0);
		csv_fig(out, rows[i].then, 0);
		csv_month(out, f->period_end - 11, 0);
		csv_month(out, f->period_end, 0);
		csv_fig(out, rows[i].now, 0);
		csv_fig(out, rows[i].pct, 1);
	}
}

/* ---- summary.csv ---- */

static const int summary_slots[] = {JB_CTX_PERMEX, JB_CTX_SUSP, JB_CTX_PA, JB_CTX_SPA,
				    JB_CTX_FTE, JB_CTX_REOFF_15_17};

#define LAIT_COLS(name, what) \
	{name "_latest", "as the LAIT dictionary's unit", what ", latest year, as published"}, \
	{name "_year", "text", "that year, as LAIT labels it"}, \
	{name "_rank", "rank of 32", "the borough's rank that year (1 = the worst)"}

static const struct csv_col summary_context_cols[] = {
	LAIT_COLS("permanent_exclusions", "permanent exclusions (% of the school population)"),
	LAIT_COLS("suspensions", "suspensions (% of the school population)"),
	LAIT_COLS("persistent_absence", "pupils persistently absent (%)"),
	LAIT_COLS("severe_absence", "pupils severely absent (%)"),
	LAIT_COLS("first_time_entrants", "first-time entrants to the youth justice system (per "
					 "100,000 aged 10-17)"),
	LAIT_COLS("reoffending_15_17", "proven reoffending of young people aged 15-17 (%)"),
	{"young_people_spend_gbp_per_resident_10_17", "pounds per resident aged 10-17",
	 "spend on services for young people, latest year"},
	{"youth_justice_spend_gbp_per_resident_10_17", "pounds per resident aged 10-17",
	 "spend on youth justice, latest year"},
	{"youth_services", "services", "youth services supplied for the borough"},
	{"hot_lsoas_within_reach_of_services", "LSOAs", "hot spot LSOAs within reach of a service"},
	{"actions", "actions", "actions in the borough's log"},
	{"actions_overdue", "actions", "of them, overdue"},
	{"offences_change_pct_since_meeting", "percent", "the theme's offences, latest 12 months "
							 "against the 12 before the meeting"},
};
const struct csv_table summary_context_table =
	CSV_TABLE("summary.csv", "one borough, or London", summary_context_cols);

/* The context columns of one area's row of summary.csv: the last of the
 * row, so the last field ends the line. */
void summary_context_row(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	int b = area < JB_NBOROUGHS;
	for (size_t k = 0; k < sizeof summary_slots / sizeof summary_slots[0]; k++) {
		const struct jb_lait_series *s = c->slot[summary_slots[k]];
		int ok = s && s->latest >= 0;
		csv_as_read(out, ok ? jb_lait_value(s, area, s->latest) : NAN, 0);
		csv_text(out, ok ? s->years[s->latest].label : NULL, 0);
		csv_int(out, ok && b && s->rank[area] ? s->rank[area] : NAN, 0);
	}
	const struct jb_spend_per_youth *ps[] = {&c->yp_per_youth, &c->yj_per_youth};
	for (int k = 0; k < 2; k++)
		csv_fig(out,
			ps[k]->ok ? ps[k]->v[(size_t)area * ps[k]->nyears + (size_t)ps[k]->latest]
				  : NAN,
			0);
	/* from a file cut short a count is only a lower bound: left empty */
	int svc = b && c->has_services && !c->services_cut, act = b && c->has_actions && !c->actions_cut;
	csv_int(out, svc ? (double)c->services[area].nsvc : NAN, 0);
	csv_int(out, svc && c->has_hot ? (double)c->services[area].nhot_near : NAN, 0);
	csv_int(out, act ? (double)c->actions[area].n : NAN, 0);
	csv_int(out, act && c->overdue_known ? (double)c->actions[area].noverdue : NAN, 0);
	csv_fig(out, b && c->actions[area].change_ok ? c->actions[area].pct : NAN, 1);
}
