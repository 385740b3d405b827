/* render/tables_context.c - see tables_context.h. Full precision, no
 * thousands separators; an empty field is "not available". */
#include "tables_context.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../analysis/context.h"
#include "../util/csvout.h"

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
 * they are ("Westminster; Lambeth; ..." nearest first; empty off a
 * borough's deck): three fields. */
static void similar_fields(FILE *out, const struct jb_findings *f, const struct jb_similar_mean *m,
			   int area, int year, const char *fmt, int last)
{
	int n;
	double v = jb_similar_mean_value(m, area, year, &n);
	csv_num(out, v, fmt, 0);
	fprintf(out, "%d,", n);
	char names[512] = "";
	size_t o = 0;
	for (int k = 0; area < JB_NBOROUGHS && k < f->area[area].nsimilar && o < sizeof names; k++)
		o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", k ? "; " : "",
				      jb_boroughs[f->area[area].similar[k]].name);
	csv_text(out, names, last);
}

static void ymd(FILE *out, int d, int last)
{
	if (d > 0)
		fprintf(out, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
	fputc(last ? '\n' : ',', out);
}

void table_exclusion_truancy(FILE *out, const struct jb_findings *f, int area)
{
	static const int slots[] = {JB_CTX_PERMEX, JB_CTX_SUSP, JB_CTX_PA, JB_CTX_SPA};
	fputs("indicator,title,units,year,year_start,borough,london,england,rank_of_32,"
	      "rank_1_is,similar_boroughs_mean,similar_boroughs_n,similar_boroughs\n",
	      out);
	for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) {
		const struct jb_lait_series *s = ctx(f)->slot[slots[k]];
		for (size_t y = 0; s && y < s->nyears; y++) {
			int latest = (int)y == s->latest;
			csv_text(out, s->code, 0);
			csv_text(out, s->title, 0);
			csv_text(out, s->units, 0);
			csv_text(out, s->years[y].label, 0);
			fprintf(out, "%d,", s->years[y].start);
			csv_num(out, jb_lait_value(s, area, (int)y), "%.10g", 0);
			csv_num(out, jb_lait_value(s, JB_LONDON, (int)y), "%.10g", 0);
			csv_num(out, jb_lait_value(s, JB_ENGLAND, (int)y), "%.10g", 0);
			csv_num(out, latest && area < JB_NBOROUGHS && s->rank[area] ? s->rank[area] : NAN,
				"%.0f", 0);
			csv_text(out, s->polarity == JB_POL_HIGH_GOOD ? "lowest" : "highest", 0);
			similar_fields(out, f, &s->similar, area, (int)y, "%.10g", 1);
		}
	}
}

void table_youth_spend(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_spend_per_youth *ps[] = {&ctx(f)->yp_per_youth, &ctx(f)->yj_per_youth};
	fputs("indicator,year,year_start,spend,residents_10_17,per_resident_10_17,"
	      "london_per_resident_10_17,london_boroughs,rank_of_32,"
	      "similar_boroughs_per_resident_10_17,similar_boroughs_n,similar_boroughs\n",
	      out);
	for (int k = 0; k < 2; k++) {
		const struct jb_spend_per_youth *p = ps[k];
		for (size_t y = 0; p->ok && y < p->nyears; y++) {
			csv_text(out, p->spend->code, 0);
			csv_text(out, p->spend->years[y].label, 0);
			fprintf(out, "%d,", p->spend->years[y].start);
			csv_num(out, jb_lait_value(p->spend, area, (int)y), "%.10g", 0);
			csv_num(out, f->area[area].pop_10_17 > 0 ? f->area[area].pop_10_17 : NAN, "%.0f", 0);
			csv_num(out, p->v[(size_t)area * p->nyears + y], "%.6f", 0);
			csv_num(out, p->v[(size_t)JB_LONDON * p->nyears + y], "%.6f", 0);
			fprintf(out, "%d,", p->london_n[y]);
			csv_num(out,
				(int)y == p->latest && area < JB_NBOROUGHS && p->rank[area] ? p->rank[area]
											  : NAN,
				"%.0f", 0);
			similar_fields(out, f, &p->similar, area, (int)y, "%.6f", 1);
		}
	}
}

void table_youth_services(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	const struct jb_youth_data *yd = f->ds->youth;
	fputs("number,name,type,lon,lat,x_bng,y_bng,weekly_sessions,age_min,age_max,status,"
	      "hot_lsoas_within_reach\n",
	      out);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_services_area *sa = &c->services[area];
	for (size_t i = 0; i < sa->nsvc; i++) {
		const struct jb_youth_service *s = &yd->services[sa->svc[i]];
		fprintf(out, "%zu,", i + 1);
		csv_text(out, s->name, 0);
		csv_text(out, s->type, 0);
		csv_num(out, s->lon, "%.6f", 0);
		csv_num(out, s->lat, "%.6f", 0);
		csv_num(out, s->x, "%.1f", 0);
		csv_num(out, s->y, "%.1f", 0);
		csv_num(out, s->weekly_sessions >= 0 ? s->weekly_sessions : NAN, "%.0f", 0);
		csv_num(out, s->age_min >= 0 ? s->age_min : NAN, "%.0f", 0);
		csv_num(out, s->age_max >= 0 ? s->age_max : NAN, "%.0f", 0);
		csv_text(out, s->status, 0);
		csv_num(out, c->has_hot ? (double)c->svc_hot_near[sa->svc[i]] : NAN, "%.0f", 1);
	}
}

static void justice_rows(FILE *out, const char *code, const char *label, const double *values,
			 const struct jb_findings *f, int area, int with_england, double england)
{
	const struct jb_area_findings *me = &f->area[area];
	int areas[8], n = 0;
	areas[n++] = area;
	for (int k = 0; k < me->nsimilar; k++)
		areas[n++] = me->similar[k];
	areas[n++] = JB_LONDON;
	for (int i = 0; i < n; i++) {
		int a = areas[i];
		csv_text(out, code, 0);
		csv_text(out, label, 0);
		csv_text(out, code_of(a), 0);
		csv_text(out, name_of(a), 0);
		csv_text(out, a == area ? "borough" : a == JB_LONDON ? "london" : "similar", 0);
		csv_num(out, values[a], "%.10g", 1);
	}
	if (with_england) {
		csv_text(out, code, 0);
		csv_text(out, label, 0);
		csv_text(out, code_of(JB_ENGLAND), 0);
		csv_text(out, "England", 0);
		csv_text(out, "england", 0);
		csv_num(out, england, "%.10g", 1);
	}
}

void table_youth_justice(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	fputs("indicator,year,area_code,area_name,role,value\n", out);
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
		justice_rows(out, s->code, s->years[s->latest].label, v, f, area, 1,
			     jb_lait_value(s, JB_ENGLAND, s->latest));
	}
	const struct jb_spend_per_youth *p = &c->yj_per_youth;
	if (p->ok) {
		for (int a = 0; a <= JB_NBOROUGHS; a++)
			v[a] = p->v[(size_t)a * p->nyears + (size_t)p->latest];
		justice_rows(out, "YouthJusticeFinance per resident 10-17",
			     p->spend->years[p->latest].label, v, f, area, 0, NAN);
	}
}

void table_offender_management(FILE *out, const struct jb_findings *f, int area)
{
	fputs("period,cohort,caseload,reoffending_rate,status\n", out);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_offender_area *o = &ctx(f)->offender[area];
	for (size_t i = 0; i < o->n; i++) {
		const struct jb_offender_row *r = &f->ds->youth->offender[o->rows[i]];
		csv_month(out, r->month, 0);
		csv_text(out, r->cohort, 0);
		csv_num(out, r->caseload, "%.0f", 0);
		csv_num(out, r->reoffending, "%.10g", 0);
		csv_text(out, r->status, 1);
	}
}

void table_actions(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	fputs("order,action_id,meeting_date,action,owner,due,status,overdue,update\n", out);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_actions_area *A = &c->actions[area];
	for (size_t i = 0; i < A->n; i++) {
		const struct jb_action *a = &f->ds->youth->actions[A->order[i]];
		fprintf(out, "%zu,", i + 1);
		csv_text(out, a->id, 0);
		ymd(out, a->meeting, 0);
		csv_text(out, a->action, 0);
		csv_text(out, a->owner, 0);
		ymd(out, a->due, 0);
		csv_text(out, jb_action_status_names[a->status], 0);
		csv_num(out, c->overdue_known ? c->overdue[A->order[i]] : NAN, "%.0f", 0);
		csv_text(out, a->update, 1);
	}
}

void table_actions_since_meeting(FILE *out, const struct jb_findings *f, int area)
{
	fputs("measure,then_first,then_last,then,now_first,now_last,now,pct_change\n", out);
	if (area >= JB_NBOROUGHS)
		return;
	const struct jb_actions_area *a = &ctx(f)->actions[area];
	if (!a->change_ok)
		return;
	struct {
		const char *name;
		double then, now, pct;
	} rows[] = {
		{"offences", a->count_then, a->count_now, a->pct},
		{"rate_per_1000", a->rate_then, a->rate_now,
		 a->rate_then > 0 ? 100.0 * (a->rate_now - a->rate_then) / a->rate_then : NAN},
		{"london_offences", a->london_then, a->london_now, a->london_pct},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		csv_text(out, rows[i].name, 0);
		csv_month(out, a->then_last - 11, 0);
		csv_month(out, a->then_last, 0);
		csv_num(out, rows[i].then, "%.6f", 0);
		csv_month(out, f->period_end - 11, 0);
		csv_month(out, f->period_end, 0);
		csv_num(out, rows[i].now, "%.6f", 0);
		csv_num(out, rows[i].pct, "%.6f", 1);
	}
}

/* ---- summary.csv ---- */

static const int summary_slots[] = {JB_CTX_PERMEX, JB_CTX_SUSP, JB_CTX_PA, JB_CTX_SPA,
				    JB_CTX_FTE, JB_CTX_REOFF_15_17};
static const char *const summary_names[] = {"permanent_exclusions", "suspensions",
					    "persistent_absence", "severe_absence",
					    "first_time_entrants", "reoffending_15_17"};

void summary_context_header(FILE *out)
{
	for (size_t k = 0; k < sizeof summary_slots / sizeof summary_slots[0]; k++)
		fprintf(out, ",%s_latest,%s_year,%s_rank", summary_names[k], summary_names[k],
			summary_names[k]);
	/* the hot-spot counts themselves are the hot-spot columns' */
	fputs(",young_people_spend_per_10_17,youth_justice_spend_per_10_17,youth_services,"
	      "hot_lsoas_within_reach_of_services,actions,actions_overdue,offences_pct_since_meeting",
	      out);
}

static void num(FILE *out, double v, const char *fmt)
{
	fputc(',', out);
	if (isfinite(v))
		fprintf(out, fmt, v);
}

/* ",text", quoted when it needs to be; "," alone for NULL. */
static void text(FILE *out, const char *t)
{
	fputc(',', out);
	if (!t)
		return;
	if (!strpbrk(t, ",\"\n\r")) {
		fputs(t, out);
		return;
	}
	fputc('"', out);
	for (; *t; t++) {
		if (*t == '"')
			fputc('"', out);
		fputc(*t, out);
	}
	fputc('"', out);
}

void summary_context_row(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_context *c = ctx(f);
	int b = area < JB_NBOROUGHS;
	for (size_t k = 0; k < sizeof summary_slots / sizeof summary_slots[0]; k++) {
		const struct jb_lait_series *s = c->slot[summary_slots[k]];
		int ok = s && s->latest >= 0;
		num(out, ok ? jb_lait_value(s, area, s->latest) : NAN, "%.10g");
		text(out, ok ? s->years[s->latest].label : NULL);
		num(out, ok && b && s->rank[area] ? s->rank[area] : NAN, "%.0f");
	}
	const struct jb_spend_per_youth *ps[] = {&c->yp_per_youth, &c->yj_per_youth};
	for (int k = 0; k < 2; k++)
		num(out, ps[k]->ok ? ps[k]->v[(size_t)area * ps[k]->nyears + (size_t)ps[k]->latest] : NAN,
		    "%.6f");
	num(out, b && c->has_services ? (double)c->services[area].nsvc : NAN, "%.0f");
	num(out, b && c->has_hot ? (double)c->services[area].nhot_near : NAN, "%.0f");
	num(out, b && c->has_actions ? (double)c->actions[area].n : NAN, "%.0f");
	num(out, b && c->has_actions && c->overdue_known ? (double)c->actions[area].noverdue : NAN,
	    "%.0f");
	num(out, b && c->actions[area].change_ok ? c->actions[area].pct : NAN, "%.6f");
}
