/* render/slides/fill_context.c - see fill_context.h. */
#include "fill_context.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define FILL_CTX_FN(name) \
	static void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, \
			 size_t n)

static const char *const month_long[12] = {"January", "February", "March",     "April",
					   "May",     "June",     "July",      "August",
					   "September", "October", "November", "December"};

void fmt_lait(const struct jb_lait_series *s, double v, char *buf, size_t n)
{
	int places = s && s->decimals >= 0 ? s->decimals : fabs(v) >= 100 ? 0 : 1;
	fmt_dec(v, places, buf, n);
}

void fmt_pounds(double v, char *buf, size_t n)
{
	char num[48];
	fmt_count(v, num, sizeof num);
	if (!isfinite(v))
		snprintf(buf, n, "%s", num);
	else
		snprintf(buf, n, "£%s", num);
}

void fmt_ymd(int ymd, int longform, char *buf, size_t n)
{
	int m = ymd / 100 % 100;
	if (ymd <= 0 || m < 1 || m > 12) {
		snprintf(buf, n, FILL_NA);
		return;
	}
	snprintf(buf, n, longform ? "%d %s %d" : "%d %.3s %d", ymd % 100, month_long[m - 1],
		 ymd / 10000);
}


void fmt_lait_year(const struct jb_lait_series *s, size_t y, char *buf, size_t n)
{
	const char *label = s->years[y].label;
	int start, plain;
	if (jb_lait_parse_year(label, &start, &plain) != 0)
		snprintf(buf, n, "%s", label);
	else if (!plain)
		snprintf(buf, n, "%d to %d", start, start + 1);
	else if (s->year_type && strcasecmp(s->year_type, "Academic Year") == 0)
		snprintf(buf, n, "%d to %d", start - 1, start); /* the year it ends */
	else
		snprintf(buf, n, "%d", start);
}

static const struct jb_context *ctx(const struct fill_ctx *c)
{
	return c->f->context;
}

/* ---- LAIT indicators ---- */

enum field { F_TITLE, F_UNITS, F_VALUE, F_LONDON, F_ENGLAND, F_YEAR, F_RANK, F_OF, F_WORSE };

/* Of whom a rank is: "the 32 boroughs", or "the 31 boroughs with a figure"
 * when DfE publishes it for only some (or a file was cut short). */
static void ranked_of(int nranked, char *b, size_t n)
{
	if (nranked <= 0)
		snprintf(b, n, FILL_NA);
	else if (nranked == JB_NBOROUGHS)
		snprintf(b, n, "the 32 boroughs");
	else
		snprintf(b, n, "the %d boroughs with a figure", nranked);
}

static void slot(const struct fill_ctx *c, const struct jb_area_findings *a, int k,
		 enum field what, char *b, size_t n)
{
	const struct jb_lait_series *s = ctx(c) ? ctx(c)->slot[k] : NULL;
	if (!s) {
		snprintf(b, n, FILL_NA);
		return;
	}
	int area = a->index;
	switch (what) {
	case F_TITLE:
		snprintf(b, n, "%s", label_plain(c->labels, s->title));
		break;
	case F_UNITS:
		snprintf(b, n, "%s", label_plain(c->labels, s->units));
		break;
	case F_VALUE:
		fmt_lait(s, jb_lait_value(s, area, s->latest), b, n);
		break;
	case F_LONDON:
		fmt_lait(s, jb_lait_value(s, JB_LONDON, s->latest), b, n);
		break;
	case F_ENGLAND:
		fmt_lait(s, jb_lait_value(s, JB_ENGLAND, s->latest), b, n);
		break;
	case F_YEAR:
		if (s->latest >= 0)
			fmt_lait_year(s, (size_t)s->latest, b, n);
		else
			snprintf(b, n, FILL_NA);
		break;
	case F_RANK: {
		/* rank is worst first: the highest value unless higher is better */
		int worst = area < JB_NBOROUGHS ? s->rank[area] : 0;
		int best = area < JB_NBOROUGHS ? s->rank_best[area] : 0;
		if (s->polarity != JB_POL_HIGH_GOOD)
			fmt_rank_natural(worst, best, b, n);
		else
			fmt_rank_natural(best, worst, b, n);
		break;
	}
	case F_OF:
		ranked_of(s->nranked, b, n);
		break;
	case F_WORSE:
		snprintf(b, n, "%s",
			 s->polarity == JB_POL_LOW_GOOD    ? "higher is worse"
			 : s->polarity == JB_POL_HIGH_GOOD ? "lower is worse"
							   : "DfE gives no better direction");
		break;
	}
}

#define SLOT_FN(p, k, field, suffix)   \
	FILL_CTX_FN(fc_##p##_##suffix) \
	{                              \
		slot(c, a, k, field, b, n); \
	}
#define SLOT(p, k)                         \
	SLOT_FN(p, k, F_TITLE, title)      \
	SLOT_FN(p, k, F_UNITS, units)      \
	SLOT_FN(p, k, F_VALUE, value)      \
	SLOT_FN(p, k, F_LONDON, london)    \
	SLOT_FN(p, k, F_ENGLAND, england)  \
	SLOT_FN(p, k, F_YEAR, year)        \
	SLOT_FN(p, k, F_RANK, rank)        \
	SLOT_FN(p, k, F_OF, of)            \
	SLOT_FN(p, k, F_WORSE, worse)
SLOT(permex, JB_CTX_PERMEX)
SLOT(susp, JB_CTX_SUSP)
SLOT(pa, JB_CTX_PA)
SLOT(spa, JB_CTX_SPA)
SLOT(fte, JB_CTX_FTE)
SLOT(reoff, JB_CTX_REOFF)
SLOT(reoff1517, JB_CTX_REOFF_15_17)

/* ---- spend per resident aged 10-17 ---- */

static void spend(const struct fill_ctx *c, const struct jb_area_findings *a, int yj,
		  enum field what, char *b, size_t n)
{
	const struct jb_spend_per_youth *p =
		!ctx(c) ? NULL : yj ? &ctx(c)->yj_per_youth : &ctx(c)->yp_per_youth;
	if (!p || !p->ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	size_t y = (size_t)p->latest;
	switch (what) {
	case F_VALUE:
		fmt_pounds(a->index <= JB_NBOROUGHS ? p->v[(size_t)a->index * p->nyears + y] : NAN, b,
			   n);
		break;
	case F_LONDON:
		fmt_pounds(p->v[(size_t)JB_LONDON * p->nyears + y], b, n);
		break;
	case F_YEAR:
		fmt_lait_year(p->spend, y, b, n);
		break;
	case F_OF:
		ranked_of(p->nranked, b, n);
		break;
	default:
		fmt_rank_natural(a->index < JB_NBOROUGHS ? p->rank[a->index] : 0,
				 a->index < JB_NBOROUGHS ? p->rank_low[a->index] : 0, b, n);
		break;
	}
}

FILL_CTX_FN(fc_ypspend_value) { spend(c, a, 0, F_VALUE, b, n); }
FILL_CTX_FN(fc_ypspend_london) { spend(c, a, 0, F_LONDON, b, n); }
FILL_CTX_FN(fc_ypspend_year) { spend(c, a, 0, F_YEAR, b, n); }
FILL_CTX_FN(fc_ypspend_rank) { spend(c, a, 0, F_RANK, b, n); }
FILL_CTX_FN(fc_ypspend_of) { spend(c, a, 0, F_OF, b, n); }
FILL_CTX_FN(fc_yjspend_value) { spend(c, a, 1, F_VALUE, b, n); }
FILL_CTX_FN(fc_yjspend_london) { spend(c, a, 1, F_LONDON, b, n); }
FILL_CTX_FN(fc_yjspend_year) { spend(c, a, 1, F_YEAR, b, n); }
FILL_CTX_FN(fc_yjspend_rank) { spend(c, a, 1, F_RANK, b, n); }
FILL_CTX_FN(fc_yjspend_of) { spend(c, a, 1, F_OF, b, n); }

/* ---- youth services ---- */

static const struct jb_services_area *services_of(const struct fill_ctx *c,
						 const struct jb_area_findings *a)
{
	return ctx(c) && a->index < JB_NBOROUGHS ? &ctx(c)->services[a->index] : NULL;
}

/* The services of a whole file are counted; from a file cut short a
 * count is only a lower bound (the rows lost may hold more of any
 * borough's), so {services_count} has no value and {services_read} has
 * the services read, when there are some. */
static int services_counted(const struct fill_ctx *c, const struct jb_services_area *s,
			    int from_cut)
{
	int cut = ctx(c)->services_cut != NULL;
	if (!s || !ctx(c)->has_services || cut != from_cut)
		return 0;
	return !cut || s->nsvc > 0;
}

/* The borough's service count, or their weekly sessions, from a whole
 * file (from_cut 0) or from the rows read of a file cut short (1). */
static void services_figure(const struct fill_ctx *c, const struct jb_area_findings *a,
			    int from_cut, int sessions, char *b, size_t n)
{
	const struct jb_services_area *s = services_of(c, a);
	double v = !services_counted(c, s, from_cut) ? NAN
		   : sessions                         ? s->sessions
							: (double)s->nsvc;
	fmt_count(v, b, n);
}

FILL_CTX_FN(fc_services_count)
{
	services_figure(c, a, 0, 0, b, n);
}

FILL_CTX_FN(fc_services_sessions)
{
	services_figure(c, a, 0, 1, b, n);
}

FILL_CTX_FN(fc_services_read)
{
	services_figure(c, a, 1, 0, b, n);
}

FILL_CTX_FN(fc_services_sessions_read)
{
	services_figure(c, a, 1, 1, b, n);
}

/* Hot spots within reach of a service are counted only when every
 * service was read. */
static int reach_counted(const struct fill_ctx *c, const struct jb_services_area *s)
{
	return s && ctx(c)->has_hot && !ctx(c)->services_cut;
}

FILL_CTX_FN(fc_hot_count)
{
	const struct jb_services_area *s = services_of(c, a);
	if (s && ctx(c)->has_hot)
		snprintf(b, n, "%zu", s->nhot);
	else
		snprintf(b, n, FILL_NA);
}

FILL_CTX_FN(fc_hot_near)
{
	const struct jb_services_area *s = services_of(c, a);
	if (reach_counted(c, s))
		snprintf(b, n, "%zu", s->nhot_near);
	else
		snprintf(b, n, FILL_NA);
}

FILL_CTX_FN(fc_hot_share)
{
	const struct jb_services_area *s = services_of(c, a);
	if (reach_counted(c, s) && isfinite(s->hot_share))
		snprintf(b, n, "%.0f%%", 100.0 * s->hot_share);
	else
		snprintf(b, n, FILL_NA);
}

FILL_CTX_FN(fc_service_reach)
{
	(void)c;
	(void)a;
	char v[16];
	fmt_dec(JB_SERVICE_REACH / 1000.0, 0, v, sizeof v);
	snprintf(b, n, "%s km", v);
}

FILL_CTX_FN(fc_reach_summary)
{
	const struct jb_services_area *s = services_of(c, a);
	char reach[48];
	fc_service_reach(c, a, reach, sizeof reach);
	if (!s || !ctx(c)->has_services)
		snprintf(b, n, "no youth services were supplied");
	else if (!ctx(c)->has_hot)
		snprintf(b, n, "hot-spot classes are not available, so their reach is not measured");
	else if (!s->nhot)
		snprintf(b, n, "the borough has no hot-spot neighbourhoods");
	else if (ctx(c)->services_cut && !s->nhot_near) /* services lost may reach more */
		snprintf(b, n, "none of the services read is within %s of its %zu hot-spot "
			 "%s", reach, s->nhot, s->nhot == 1 ? "neighbourhood" : "neighbourhoods");
	else if (ctx(c)->services_cut)
		snprintf(b, n, "at least %zu of its %zu hot-spot neighbourhoods (%.0f%% or more) are "
			 "within %s of one", s->nhot_near, s->nhot, 100.0 * s->hot_share, reach);
	else
		snprintf(b, n, "%zu of its %zu hot-spot neighbourhoods (%.0f%%) are within %s of one",
			 s->nhot_near, s->nhot, 100.0 * s->hot_share, reach);
}

/* ---- actions ---- */

static const struct jb_actions_area *actions_of(const struct fill_ctx *c,
						const struct jb_area_findings *a)
{
	return ctx(c) && a->index < JB_NBOROUGHS ? &ctx(c)->actions[a->index] : NULL;
}

static void status_count(const struct fill_ctx *c, const struct jb_area_findings *a, int k,
			 char *b, size_t n)
{
	const struct jb_actions_area *x = actions_of(c, a);
	snprintf(b, n, "%zu", x ? x->nstatus[k] : (size_t)0);
}

/* As for services: a count from an action log cut short is a lower
 * bound, so {actions_count} has no value and {actions_read} has the
 * actions read. None: no log for the borough. */
FILL_CTX_FN(fc_actions_count)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_count(x && x->n && !ctx(c)->actions_cut ? (double)x->n : NAN, b, n);
}

FILL_CTX_FN(fc_actions_read)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_count(x && x->n && ctx(c)->actions_cut ? (double)x->n : NAN, b, n);
}

FILL_CTX_FN(fc_actions_overdue)
{
	const struct jb_actions_area *x = actions_of(c, a);
	if (!ctx(c) || !ctx(c)->overdue_known || !x || !x->n)
		snprintf(b, n, FILL_NA);
	else
		snprintf(b, n, "%zu", x ? x->noverdue : (size_t)0);
}

FILL_CTX_FN(fc_actions_complete) { status_count(c, a, JB_ACT_COMPLETE, b, n); }
FILL_CTX_FN(fc_actions_on_track) { status_count(c, a, JB_ACT_ON_TRACK, b, n); }
FILL_CTX_FN(fc_actions_delayed) { status_count(c, a, JB_ACT_DELAYED, b, n); }
FILL_CTX_FN(fc_actions_not_started) { status_count(c, a, JB_ACT_NOT_STARTED, b, n); }

FILL_CTX_FN(fc_last_meeting)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_ymd(x ? x->last_meeting : 0, 1, b, n);
}

FILL_CTX_FN(fc_meeting_period)
{
	const struct jb_actions_area *x = actions_of(c, a);
	if (!x || !x->last_meeting) {
		snprintf(b, n, FILL_NA);
		return;
	}
	int last = jb_ymd_month(x->last_meeting);
	fmt_month_span(last - 11, last, b, n);
}

FILL_CTX_FN(fc_meeting_count)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_count(x && x->change_ok ? x->count_then : NAN, b, n);
}

FILL_CTX_FN(fc_meeting_rate)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_dec(x && x->change_ok ? x->rate_then : NAN, 1, b, n);
}

FILL_CTX_FN(fc_since_meeting_pct)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_signed_pct(x && x->change_ok ? x->pct : NAN, b, n);
}

FILL_CTX_FN(fc_london_since_meeting_pct)
{
	const struct jb_actions_area *x = actions_of(c, a);
	fmt_signed_pct(x && x->change_ok ? x->london_pct : NAN, b, n);
}

FILL_CTX_FN(fc_since_meeting_summary)
{
	const struct jb_actions_area *x = actions_of(c, a);
	if (!x || !x->change_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	char size[80];
	fmt_abs_pct(x->pct, size, sizeof size);
	/* a change that rounds to 0.0% is no rise or fall ("rose 0%") */
	if (!isfinite(x->pct) || strcmp(size, "0.0%") == 0)
		snprintf(b, n, "offences have not changed since the last meeting");
	else
		snprintf(b, n, "offences %s %s since the last meeting",
			 x->count_now < x->count_then ? "fell" : "rose", size);
}

FILL_CTX_FN(fc_since_meeting_why)
{
	const struct jb_actions_area *x = actions_of(c, a);
	if (x && x->change_ok)
		snprintf(b, n, FILL_NA);
	else
		snprintf(b, n, "%s", x && x->why[0] ? x->why : "no action log was supplied");
}

/* The youth services file's path, when it is cut short and lists no
 * services for the borough (they may be in the rows lost); unavailable
 * otherwise. */
FILL_CTX_FN(fc_services_cut_short)
{
	const struct jb_context *x = ctx(c);
	if (x && x->services_cut && a->index < JB_NBOROUGHS && !x->services[a->index].nsvc)
		snprintf(b, n, "%s", x->services_cut);
	else
		snprintf(b, n, FILL_NA);
}

/* The youth services file's or the action log's path when it is cut
 * short, whatever the borough has in the rows read. */
FILL_CTX_FN(fc_services_cut_file)
{
	(void)a;
	snprintf(b, n, "%s", ctx(c) && ctx(c)->services_cut ? ctx(c)->services_cut : FILL_NA);
}

FILL_CTX_FN(fc_actions_cut_file)
{
	(void)a;
	snprintf(b, n, "%s", ctx(c) && ctx(c)->actions_cut ? ctx(c)->actions_cut : FILL_NA);
}

/* The LAIT table file's path when it is cut short and has no spending on
 * services for young people (it may be in the rows lost); unavailable
 * otherwise, as when it is there and the residents are missing. */
FILL_CTX_FN(fc_ypspend_cut_short)
{
	(void)a;
	const struct jb_context *x = ctx(c);
	if (x && x->lait_cut && !x->yp_per_youth.spend)
		snprintf(b, n, "%s", x->lait_cut);
	else
		snprintf(b, n, FILL_NA);
}

/* The LAIT table file's path when it is cut short (an indicator not
 * found may be in the rows lost); unavailable otherwise. */
FILL_CTX_FN(fc_lait_cut_short)
{
	(void)a;
	const struct jb_context *x = ctx(c);
	if (x && x->lait_cut)
		snprintf(b, n, "%s", x->lait_cut);
	else
		snprintf(b, n, FILL_NA);
}

/* ---- adult offender management ---- */

/* From a file cut short, the latest month read may not be the latest,
 * nor all of its cohorts there: the rows lost may hold more. */
FILL_CTX_FN(fc_om_period)
{
	const char *cut = ctx(c) ? ctx(c)->offender_cut : NULL;
	int m = ctx(c) && a->index < JB_NBOROUGHS ? ctx(c)->offender[a->index].month : 0;
	char month[32];
	if (m > 0 && cut) {
		fmt_month(m, 1, month, sizeof month);
		snprintf(b, n, "%s, the latest in the rows read of %s, which is cut short (a later "
			 "month or more cohorts may be in the rows lost)", month, cut);
	} else if (m > 0) {
		fmt_month(m, 1, b, n);
	} else if (cut) {
		snprintf(b, n, "none for this borough in %s, which is cut short", cut);
	} else {
		snprintf(b, n, "no figures supplied");
	}
}

static const struct fill_key keys[] = {
	{"permex_title", fc_permex_title, "permanent exclusions: the DfE dictionary's title, by its plain name (labels)"},
	{"permex_units", fc_permex_units, "permanent exclusions: its units"},
	{"permex_value", fc_permex_value, "permanent exclusions: the borough's value, latest year"},
	{"permex_london", fc_permex_london, "permanent exclusions: London's value, latest year"},
	{"permex_england", fc_permex_england, "permanent exclusions: England's value, latest year"},
	{"permex_year", fc_permex_year, "permanent exclusions: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"permex_rank", fc_permex_rank, "permanent exclusions: rank from the nearer end, \"3rd highest\""},
	{"permex_of", fc_permex_of, "permanent exclusions: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"permex_worse", fc_permex_worse, "permanent exclusions: \"higher is worse\" (DfE polarity)"},
	{"susp_title", fc_susp_title, "suspensions: the DfE dictionary's title, by its plain name (labels)"},
	{"susp_units", fc_susp_units, "suspensions: its units"},
	{"susp_value", fc_susp_value, "suspensions: the borough's value, latest year"},
	{"susp_london", fc_susp_london, "suspensions: London's value, latest year"},
	{"susp_england", fc_susp_england, "suspensions: England's value, latest year"},
	{"susp_year", fc_susp_year, "suspensions: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"susp_rank", fc_susp_rank, "suspensions: rank from the nearer end, \"3rd highest\""},
	{"susp_of", fc_susp_of, "suspensions: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"susp_worse", fc_susp_worse, "suspensions: \"higher is worse\" (DfE polarity)"},
	{"pa_title", fc_pa_title, "persistent absence: the DfE dictionary's title, by its plain name (labels)"},
	{"pa_units", fc_pa_units, "persistent absence: its units"},
	{"pa_value", fc_pa_value, "persistent absence: the borough's value, latest year"},
	{"pa_london", fc_pa_london, "persistent absence: London's value, latest year"},
	{"pa_england", fc_pa_england, "persistent absence: England's value, latest year"},
	{"pa_year", fc_pa_year, "persistent absence: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"pa_rank", fc_pa_rank, "persistent absence: rank from the nearer end, \"3rd highest\""},
	{"pa_of", fc_pa_of, "persistent absence: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"pa_worse", fc_pa_worse, "persistent absence: \"higher is worse\" (DfE polarity)"},
	{"spa_title", fc_spa_title, "severe persistent absence: the DfE dictionary's title, by its plain name (labels)"},
	{"spa_units", fc_spa_units, "severe persistent absence: its units"},
	{"spa_value", fc_spa_value, "severe persistent absence: the borough's value, latest year"},
	{"spa_london", fc_spa_london, "severe persistent absence: London's value, latest year"},
	{"spa_england", fc_spa_england, "severe persistent absence: England's value, latest year"},
	{"spa_year", fc_spa_year, "severe persistent absence: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"spa_rank", fc_spa_rank, "severe persistent absence: rank from the nearer end, \"3rd highest\""},
	{"spa_of", fc_spa_of, "severe persistent absence: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"spa_worse", fc_spa_worse, "severe persistent absence: \"higher is worse\" (DfE polarity)"},
	{"fte_title", fc_fte_title, "first-time entrants: the DfE dictionary's title, by its plain name (labels)"},
	{"fte_units", fc_fte_units, "first-time entrants: its units"},
	{"fte_value", fc_fte_value, "first-time entrants: the borough's value, latest year"},
	{"fte_london", fc_fte_london, "first-time entrants: London's value, latest year"},
	{"fte_england", fc_fte_england, "first-time entrants: England's value, latest year"},
	{"fte_year", fc_fte_year, "first-time entrants: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"fte_rank", fc_fte_rank, "first-time entrants: rank from the nearer end, \"3rd highest\""},
	{"fte_of", fc_fte_of, "first-time entrants: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"fte_worse", fc_fte_worse, "first-time entrants: \"higher is worse\" (DfE polarity)"},
	{"reoff_title", fc_reoff_title, "youth reoffending: the DfE dictionary's title, by its plain name (labels)"},
	{"reoff_units", fc_reoff_units, "youth reoffending: its units"},
	{"reoff_value", fc_reoff_value, "youth reoffending: the borough's value, latest year"},
	{"reoff_london", fc_reoff_london, "youth reoffending: London's value, latest year"},
	{"reoff_england", fc_reoff_england, "youth reoffending: England's value, latest year"},
	{"reoff_year", fc_reoff_year, "youth reoffending: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"reoff_rank", fc_reoff_rank, "youth reoffending: rank from the nearer end, \"3rd highest\""},
	{"reoff_of", fc_reoff_of, "youth reoffending: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"reoff_worse", fc_reoff_worse, "youth reoffending: \"higher is worse\" (DfE polarity)"},
	{"reoff1517_title", fc_reoff1517_title, "youth reoffending 15-17: the DfE dictionary's title, by its plain name (labels)"},
	{"reoff1517_units", fc_reoff1517_units, "youth reoffending 15-17: its units"},
	{"reoff1517_value", fc_reoff1517_value, "youth reoffending 15-17: the borough's value, latest year"},
	{"reoff1517_london", fc_reoff1517_london, "youth reoffending 15-17: London's value, latest year"},
	{"reoff1517_england", fc_reoff1517_england, "youth reoffending 15-17: England's value, latest year"},
	{"reoff1517_year", fc_reoff1517_year, "youth reoffending 15-17: the latest year, an academic or financial one as \"2023 to 2024\""},
	{"reoff1517_rank", fc_reoff1517_rank, "youth reoffending 15-17: rank from the nearer end, \"3rd highest\""},
	{"reoff1517_of", fc_reoff1517_of, "youth reoffending 15-17: of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"reoff1517_worse", fc_reoff1517_worse, "youth reoffending 15-17: \"higher is worse\" (DfE polarity)"},
	{"ypspend_value", fc_ypspend_value, "spend on services for young people per resident 10-17, latest year"},
	{"ypspend_london", fc_ypspend_london, "London's spend on services for young people per resident 10-17"},
	{"ypspend_year", fc_ypspend_year, "its latest year"},
	{"ypspend_rank", fc_ypspend_rank, "its rank, \"3rd highest\""},
	{"ypspend_of", fc_ypspend_of, "of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"yjspend_value", fc_yjspend_value, "youth justice spend per resident 10-17, latest year"},
	{"yjspend_london", fc_yjspend_london, "London's youth justice spend per resident 10-17"},
	{"yjspend_year", fc_yjspend_year, "its latest year"},
	{"yjspend_rank", fc_yjspend_rank, "its rank, \"3rd highest\""},
	{"yjspend_of", fc_yjspend_of, "of whom the rank is, \"the 32 boroughs\" or \"the 31 boroughs with a figure\""},
	{"services_count", fc_services_count, "youth services listed in the borough (no value when the file is cut short: see services_read)"},
	{"services_sessions", fc_services_sessions, "their weekly sessions (no value when the file is cut short)"},
	{"services_read", fc_services_read, "when the youth services file is cut short: the borough's services in the rows read, a lower bound (no value when none)"},
	{"services_sessions_read", fc_services_sessions_read, "their weekly sessions, a lower bound"},
	{"services_hot_count", fc_hot_count, "hot-spot LSOAs of the borough, for the youth services slide"},
	{"hot_near", fc_hot_near, "of them, within reach of a youth service (no value when the services file is cut short)"},
	{"hot_share", fc_hot_share, "that share, \"67%\" (no value when the services file is cut short)"},
	{"reach_summary", fc_reach_summary, "\"4 of its 6 hot-spot neighbourhoods (67%) are within 1 km of one\""},
	{"service_reach", fc_service_reach, "the reach distance, \"1 km\""},
	{"actions_count", fc_actions_count, "actions in the log (no value when the log is cut short: see actions_read)"},
	{"actions_read", fc_actions_read, "when the action log is cut short: the borough's actions in the rows read, a lower bound"},
	{"actions_overdue", fc_actions_overdue, "overdue: due by the period end, not complete"},
	{"actions_complete", fc_actions_complete, "actions complete"},
	{"actions_on_track", fc_actions_on_track, "actions on track"},
	{"actions_delayed", fc_actions_delayed, "actions delayed"},
	{"actions_not_started", fc_actions_not_started, "actions not started"},
	{"last_meeting", fc_last_meeting, "the last meeting's date, \"15 September 2025\""},
	{"meeting_period", fc_meeting_period, "the 12 months to the meeting's month"},
	{"meeting_count", fc_meeting_count, "offences in those 12 months"},
	{"meeting_rate", fc_meeting_rate, "their rate per 1,000 residents"},
	{"since_meeting_pct", fc_since_meeting_pct, "signed % change since then (latest 12 months)"},
	{"since_meeting_summary", fc_since_meeting_summary, "\"offences fell 3.1% since the last meeting\""},
	{"since_meeting_why", fc_since_meeting_why, "why offences since the meeting are not compared (only when not)"},
	{"london_since_meeting_pct", fc_london_since_meeting_pct, "London's change over the same months"},
	{"om_period", fc_om_period, "month of the offender-management figures"},
	{"services_cut_short", fc_services_cut_short, "the youth services file, when it is cut short and lists none for the borough (they may be in the rows lost)"},
	{"services_cut_file", fc_services_cut_file, "the youth services file, when it is cut short (every count from it a lower bound)"},
	{"actions_cut_file", fc_actions_cut_file, "the action log, when it is cut short (every count from it a lower bound)"},
	{"ypspend_cut_short", fc_ypspend_cut_short, "the DfE LAIT table file, when it is cut short and has no spending on services for young people (it may be in the rows lost)"},
	{"lait_cut_short", fc_lait_cut_short, "the DfE LAIT table file, when it is cut short (its last row incomplete): an indicator not found may be in the rows lost"},
};
const struct fill_group fill_context_keys = FILL_GROUP(keys);
