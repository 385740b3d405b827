/* analysis/context.c - see context.h.
 *
 * Definitions:
 *  - LAIT values are shown as LAIT publishes them (rates, percentages,
 *    pounds); ranks are competition ranks among the 32 boroughs in the
 *    indicator's latest year with any borough value, 1 = worst by the
 *    dictionary's polarity.
 *  - Spend per resident aged 10-17 = LAIT's gross spend / ONS residents
 *    aged 10-17; London = the boroughs that reported that year together
 *    (LAIT's own London row includes the City of London, whose residents
 *    the MPS-area population leaves out).
 *  - Similar boroughs' mean: for each borough and year, the plain
 *    (unweighted) mean of the values of those of its five most similar
 *    boroughs (analysis/similar.c) that have a value that year, with how
 *    many that is; for spend, of their per-resident figures.
 *  - Hot spots: LSOAs in a Gi* hot class (any confidence) from the hot-spot
 *    analysis; "within reach": the LSOA's representative point lies within
 *    JB_SERVICE_REACH metres of a service, wherever the service is.
 *  - Actions: overdue = due on or before the last day of the period's final
 *    month and not complete. Headline change since the last meeting: the
 *    theme's offences in the 12 months to the meeting's month against the
 *    latest 12 months, from the borough series (the windows overlap when
 *    the meeting is less than a year before the period's end, so no test
 *    of significance is made).
 */
#include "context.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "findings.h"
#include "hotspots.h"

const char *const jb_context_slot_codes[JB_CTX_NSLOTS] = {
	[JB_CTX_PERMEX] = "TotPermEx",
	[JB_CTX_SUSP] = "TotFixedEx",
	[JB_CTX_PA] = "TotPerAbNew",
	[JB_CTX_SPA] = "TotSevPerAbNew",
	[JB_CTX_FTE] = "FirstYJS",
	[JB_CTX_REOFF] = "ReoffYO",
	[JB_CTX_REOFF_15_17] = "ReoffYO15-17",
	[JB_CTX_YP_SPEND] = "YoungPeopleFinance",
	[JB_CTX_YJ_SPEND] = "YouthJusticeFinance",
};

double jb_lait_value(const struct jb_lait_series *s, int area, int year)
{
	if (!s || area < 0 || area >= JB_LAIT_AREAS || year < 0 || (size_t)year >= s->nyears)
		return NAN;
	return s->v[(size_t)area * s->nyears + (size_t)year];
}

/* Competition ranks (1, 2, 2, 4) of the 32 boroughs by key, larger first
 * when desc; NAN keys get 0. Returns how many were ranked: DfE publishes
 * some indicators for only some boroughs (and left Wandsworth's 2024-25
 * spend out), so a rank here is of the boroughs with a figure, and the
 * slides say of how many (nranked). */
static int ranks(const double *key, int desc, int *rank)
{
	return jb_competition_ranks(key, JB_NBOROUGHS, desc, rank);
}

const double *jb_similar_mean_row(const struct jb_similar_mean *m, int b)
{
	if (!m || !m->v || b < 0 || b >= JB_NBOROUGHS)
		return NULL;
	return m->v + (size_t)b * m->nyears;
}

double jb_similar_mean_value(const struct jb_similar_mean *m, int b, int year, int *n)
{
	const double *row = jb_similar_mean_row(m, b);
	int ok = row && year >= 0 && (size_t)year < m->nyears;
	if (n)
		*n = ok ? m->n[(size_t)b * m->nyears + (size_t)year] : 0;
	return ok ? row[year] : NAN;
}

/* m from v[area * nyears + year] (the boroughs' rows are read). */
static void similar_mean(const struct jb_findings *f, const double *v, size_t nyears,
			 struct jb_similar_mean *m)
{
	size_t cells = (size_t)JB_NBOROUGHS * (nyears ? nyears : 1);
	m->nyears = nyears;
	m->v = xmalloc(cells * sizeof *m->v);
	m->n = xcalloc(cells, sizeof *m->n);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_area_findings *a = &f->area[b];
		for (size_t y = 0; y < nyears; y++) {
			double sum = 0;
			int n = 0;
			for (int k = 0; k < a->ncomparators; k++) {
				double x = v[(size_t)a->comparators[k] * nyears + y];
				if (!isnan(x)) {
					sum += x;
					n++;
				}
			}
			m->v[(size_t)b * nyears + y] = n ? sum / n : NAN;
			m->n[(size_t)b * nyears + y] = n;
		}
	}
}

static void similar_mean_free(struct jb_similar_mean *m)
{
	free(m->v);
	free(m->n);
}

/* ---- LAIT ---- */

static void lait_series(const struct jb_findings *f, const struct jb_lait *l,
			const struct jb_lait_indicator *ind, struct jb_lait_series *s)
{
	const struct jb_lait_dict *d = jb_lait_dict_of(l, ind);
	s->code = ind->code;
	s->title = d && d->title ? d->title : ind->item ? ind->item : ind->code;
	s->units = d && d->units ? d->units : "";
	s->year_type = d && d->year_type ? d->year_type : "";
	s->polarity = d ? d->polarity : JB_POL_NONE;
	s->decimals = d ? d->decimals : -1;
	s->nyears = ind->nyears;
	s->years = ind->years;
	s->v = ind->v;
	s->latest = -1;
	for (int y = (int)s->nyears - 1; y >= 0 && s->latest < 0; y--)
		for (int b = 0; b < JB_NBOROUGHS; b++)
			if (!isnan(jb_lait_value(s, b, y))) {
				s->latest = y;
				break;
			}
	double key[JB_NBOROUGHS];
	for (int b = 0; b < JB_NBOROUGHS; b++)
		key[b] = jb_lait_value(s, b, s->latest);
	/* worst first: highest unless higher is better */
	s->nranked = ranks(key, s->polarity != JB_POL_HIGH_GOOD, s->rank);
	ranks(key, s->polarity == JB_POL_HIGH_GOOD, s->rank_best);
	similar_mean(f, s->v, s->nyears, &s->similar);
}

static void per_youth(const struct jb_findings *f, const struct jb_lait_series *s,
		      struct jb_spend_per_youth *p)
{
	if (!s)
		return;
	size_t ny = s->nyears;
	p->spend = s;
	p->nyears = ny;
	p->v = xmalloc((size_t)(JB_NBOROUGHS + 1) * (ny ? ny : 1) * sizeof *p->v);
	p->london_n = xcalloc(ny ? ny : 1, sizeof *p->london_n);
	p->latest = -1;
	for (size_t y = 0; y < ny; y++) {
		double spend = 0, pop = 0;
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			double v = jb_lait_value(s, b, (int)y), young = f->area[b].pop_10_17;
			p->v[(size_t)b * ny + y] = young > 0 ? v / young : NAN;
			if (!isnan(v) && young > 0) {
				spend += v;
				pop += young;
				p->london_n[y]++;
			}
		}
		p->v[(size_t)JB_LONDON * ny + y] = p->london_n[y] ? spend / pop : NAN;
		if (p->london_n[y])
			p->latest = (int)y;
	}
	double key[JB_NBOROUGHS];
	for (int b = 0; b < JB_NBOROUGHS; b++)
		key[b] = p->latest >= 0 ? p->v[(size_t)b * ny + (size_t)p->latest] : NAN;
	p->nranked = ranks(key, 1, p->rank);
	ranks(key, 0, p->rank_low);
	p->ok = p->latest >= 0;
	similar_mean(f, p->v, ny, &p->similar);
}

/* ---- hot spots and services ---- */

/* Why a borough has none of what, when its file (a kind, at path) is cut
 * short, as a string of any length to free; "" when path is NULL (the file
 * whole). No parentheses: the sources slide puts the reason in some. */
static char *cut_short_missing(const char *what, const char *kind, const char *path)
{
	return path ? xasprintf("%s: the %s %s is cut short, ending mid-row, so they may be in "
				"the rows lost", what, kind, path)
		    : xstrdup("");
}

/* The Gi* class of each LSOA from the hot-spot findings (JB_GI_UNKNOWN
 * where there is none). Returns 0 when no hot-spot classes were computed. */
static int gi_classes(const struct jb_findings *f, const struct jb_dataset *ds, signed char *cls)
{
	const struct jb_hotspots *h = f->hot;
	int ok = h && h->lsoa_ok && h->lsoa_unit && h->gi.cls;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		int u = ok ? h->lsoa_unit[l] : -1;
		cls[l] = u >= 0 && (size_t)u < h->nunits ? h->gi.cls[u] : JB_GI_UNKNOWN;
	}
	return ok;
}

static void services(const struct jb_dataset *ds, const struct jb_findings *f,
		     struct jb_context *c)
{
	const struct jb_youth_data *yd = ds->youth;
	c->has_services = yd->has_services;
	c->services_cut = yd->services_cut_short;
	c->services_missing = cut_short_missing("youth services in this borough",
						"youth services file", yd->services_cut_short);
	c->lsoa_gi = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *c->lsoa_gi);
	c->has_hot = gi_classes(f, ds, c->lsoa_gi);
	c->svc_hot_near = xcalloc(yd->nservices ? yd->nservices : 1, sizeof *c->svc_hot_near);
	for (size_t i = 0; i < yd->nservices; i++) {
		const struct jb_youth_service *s = &yd->services[i];
		struct jb_services_area *a = &c->services[s->borough];
		a->svc = xrealloc(a->svc, (a->nsvc + 1) * sizeof *a->svc);
		a->svc[a->nsvc++] = i;
		if (s->weekly_sessions >= 0)
			a->sessions += s->weekly_sessions;
		a->illustrative |= s->illustrative;
	}
	const double r2 = JB_SERVICE_REACH * JB_SERVICE_REACH;
	for (int b = 0; b < JB_NBOROUGHS; b++)
		c->services[b].hot_share = NAN;
	if (!c->has_hot)
		return;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (c->lsoa_gi[l] == JB_GI_UNKNOWN || c->lsoa_gi[l] <= 0 || !isfinite(L->cx) ||
		    !isfinite(L->cy))
			continue;
		int near = 0;
		for (size_t i = 0; i < yd->nservices; i++) {
			double dx = yd->services[i].x - L->cx, dy = yd->services[i].y - L->cy;
			if (dx * dx + dy * dy <= r2) {
				c->svc_hot_near[i]++;
				near = 1;
			}
		}
		if (L->borough >= 0) {
			c->services[L->borough].nhot++;
			c->services[L->borough].nhot_near += (size_t)near;
		}
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_services_area *a = &c->services[b];
		if (a->nhot && c->has_services)
			a->hot_share = (double)a->nhot_near / (double)a->nhot;
	}
}

/* ---- actions ---- */

/* Review order: overdue, then open, then complete; by due date, then id. */
struct action_key {
	int group, due;
	const char *id;
	size_t idx;
};

static int by_review_order(const void *x, const void *y)
{
	const struct action_key *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void review_order(const struct jb_youth_data *yd, const unsigned char *overdue,
			 size_t *order, size_t n)
{
	struct action_key *k = xmalloc((n ? n : 1) * sizeof *k);
	for (size_t i = 0; i < n; i++) {
		const struct jb_action *a = &yd->actions[order[i]];
		k[i] = (struct action_key){overdue[order[i]] ? 0 : a->status != JB_ACT_COMPLETE ? 1 : 2,
					   a->due, a->id, order[i]};
	}
	qsort(k, n, sizeof *k, by_review_order);
	for (size_t i = 0; i < n; i++)
		order[i] = k[i].idx;
	free(k);
}

/* Sum of the series over months [first, last]; NAN when outside it. */
static double window(const struct jb_series *s, int first, int last)
{
	if (!s->v || first < s->first_month || last >= s->first_month + (int)s->n)
		return NAN;
	double sum = 0;
	for (int m = first; m <= last; m++)
		sum += s->v[m - s->first_month];
	return sum;
}

static void headline_change(const struct jb_findings *f, int b, struct jb_actions_area *a)
{
	a->count_then = a->count_now = a->pct = NAN;
	a->rate_then = a->rate_now = a->rate_pct = NAN;
	a->london_then = a->london_now = a->london_pct = NAN;
	if (!a->last_meeting) {
		snprintf(a->why, sizeof a->why, "no meeting date in the action log");
		return;
	}
	if (!f->has_series || !f->area[b].has_series) {
		snprintf(a->why, sizeof a->why, "no borough-level crime series");
		return;
	}
	a->then_last = jb_ymd_month(a->last_meeting);
	if (a->then_last > f->period_end) {
		snprintf(a->why, sizeof a->why, "the meeting is after the data's last month");
		return;
	}
	const struct jb_area_findings *A = &f->area[b], *L = &f->area[JB_LONDON];
	a->count_then = window(&A->monthly, a->then_last - 11, a->then_last);
	a->count_now = window(&A->monthly, f->period_end - 11, f->period_end);
	a->london_then = window(&L->monthly, a->then_last - 11, a->then_last);
	a->london_now = window(&L->monthly, f->period_end - 11, f->period_end);
	if (isnan(a->count_then) || isnan(a->count_now)) {
		snprintf(a->why, sizeof a->why, "the meeting's 12 months are outside the trend window");
		return;
	}
	a->change_ok = 1;
	a->pct = a->count_then > 0 ? 100.0 * (a->count_now - a->count_then) / a->count_then : NAN;
	if (A->population > 0) {
		a->rate_then = a->count_then / A->population * 1000.0;
		a->rate_now = a->count_now / A->population * 1000.0;
		if (a->rate_then > 0)
			a->rate_pct = 100.0 * (a->rate_now - a->rate_then) / a->rate_then;
	}
	if (a->london_then > 0)
		a->london_pct = 100.0 * (a->london_now - a->london_then) / a->london_then;
}

static void actions(const struct jb_dataset *ds, const struct jb_findings *f,
		    struct jb_context *c)
{
	const struct jb_youth_data *yd = ds->youth;
	c->has_actions = yd->has_actions;
	c->actions_cut = yd->actions_cut_short;
	c->actions_missing = cut_short_missing("actions for this borough", "action log",
					       yd->actions_cut_short);
	c->overdue_known = f->has_series;
	c->overdue = xcalloc(yd->nactions ? yd->nactions : 1, 1);
	for (size_t i = 0; i < yd->nactions; i++) {
		const struct jb_action *a = &yd->actions[i];
		struct jb_actions_area *A = &c->actions[a->borough];
		c->overdue[i] = c->overdue_known && a->status != JB_ACT_COMPLETE &&
				jb_ymd_month(a->due) <= f->period_end;
		A->order = xrealloc(A->order, (A->n + 1) * sizeof *A->order);
		A->order[A->n++] = i;
		A->nstatus[a->status]++;
		A->noverdue += c->overdue[i];
		A->illustrative |= a->illustrative;
		if (a->meeting > A->last_meeting)
			A->last_meeting = a->meeting;
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_actions_area *A = &c->actions[b];
		review_order(yd, c->overdue, A->order, A->n);
		headline_change(f, b, A);
	}
}

/* ---- offender management ---- */

struct cohort_key {
	const char *cohort;
	size_t idx;
};

static int by_cohort(const void *x, const void *y)
{
	const struct cohort_key *a = x, *b = y;
	int c = strcmp(a->cohort, b->cohort);
	return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

static void offender(const struct jb_dataset *ds, struct jb_context *c)
{
	const struct jb_youth_data *yd = ds->youth;
	c->has_offender = yd->has_offender;
	c->offender_cut = yd->offender_cut_short;
	c->offender_missing =
		cut_short_missing("adult offender management figures for this borough",
				  "offender management file", yd->offender_cut_short);
	for (size_t i = 0; i < yd->noffender; i++) {
		const struct jb_offender_row *r = &yd->offender[i];
		if (r->month > c->offender[r->borough].month)
			c->offender[r->borough].month = r->month;
	}
	for (size_t i = 0; i < yd->noffender; i++) {
		const struct jb_offender_row *r = &yd->offender[i];
		struct jb_offender_area *o = &c->offender[r->borough];
		if (r->month != o->month)
			continue;
		o->rows = xrealloc(o->rows, (o->n + 1) * sizeof *o->rows);
		o->rows[o->n++] = i;
		o->illustrative |= r->illustrative;
	}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_offender_area *o = &c->offender[b];
		struct cohort_key *k = xmalloc((o->n ? o->n : 1) * sizeof *k);
		for (size_t i = 0; i < o->n; i++)
			k[i] = (struct cohort_key){yd->offender[o->rows[i]].cohort, o->rows[i]};
		qsort(k, o->n, sizeof *k, by_cohort);
		for (size_t i = 0; i < o->n; i++)
			o->rows[i] = k[i].idx;
		free(k);
	}
}

/* ---- the whole ---- */

struct jb_context *jb_context_analyse(const struct jb_dataset *ds, const struct jb_findings *f)
{
	struct jb_context *c = xcalloc(1, sizeof *c);
	const struct jb_lait *l = &ds->youth->lait;
	c->nlait = l->n;
	c->lait = xcalloc(l->n ? l->n : 1, sizeof *c->lait);
	c->lait_cut = l->cut_short;
	c->lait_missing = cut_short_missing("DfE LAIT figures", "DfE LAIT file", l->cut_short);
	for (size_t i = 0; i < l->n; i++)
		lait_series(f, l, &l->ind[i], &c->lait[i]);
	for (int k = 0; k < JB_CTX_NSLOTS; k++)
		for (size_t i = 0; i < c->nlait && !c->slot[k]; i++)
			if (strcasecmp(c->lait[i].code, jb_context_slot_codes[k]) == 0)
				c->slot[k] = &c->lait[i];
	per_youth(f, c->slot[JB_CTX_YP_SPEND], &c->yp_per_youth);
	per_youth(f, c->slot[JB_CTX_YJ_SPEND], &c->yj_per_youth);
	services(ds, f, c);
	actions(ds, f, c);
	offender(ds, c);
	return c;
}

void jb_context_free(struct jb_context *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nlait; i++)
		similar_mean_free(&c->lait[i].similar);
	free(c->lait);
	similar_mean_free(&c->yp_per_youth.similar);
	similar_mean_free(&c->yj_per_youth.similar);
	free(c->yp_per_youth.v);
	free(c->yp_per_youth.london_n);
	free(c->yj_per_youth.v);
	free(c->yj_per_youth.london_n);
	free(c->lsoa_gi);
	free(c->svc_hot_near);
	free(c->overdue);
	free(c->services_missing);
	free(c->actions_missing);
	free(c->offender_missing);
	free(c->lait_missing);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		free(c->services[b].svc);
		free(c->actions[b].order);
		free(c->offender[b].rows);
	}
	free(c);
}

/* ---- check and dump ---- */

static int check_ranks(const int *rank, int nranked)
{
	int seen[JB_NBOROUGHS + 2] = {0}, n = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		if (rank[b] < 0 || rank[b] > JB_NBOROUGHS)
			return -1;
		if (rank[b]) {
			seen[rank[b]]++;
			n++;
		}
	}
	if (n != nranked)
		return -1;
	/* rank r used k times: r+1 .. r+k-1 unused */
	for (int r = 1; r <= JB_NBOROUGHS; r++)
		for (int k = 1; k < seen[r] && r + k <= JB_NBOROUGHS; k++)
			if (seen[r + k])
				return -1;
	return 0;
}

/* Every year's count is 0..JB_MAX_COMPARATORS (the boroughs compared
 * with) and the mean is a number exactly when the count is not 0. */
static int check_similar(const struct jb_similar_mean *m, size_t nyears)
{
	if (m->nyears != nyears || !m->v || !m->n)
		return -1;
	for (size_t i = 0; i < (size_t)JB_NBOROUGHS * nyears; i++)
		if (m->n[i] < 0 || m->n[i] > JB_MAX_COMPARATORS || (m->n[i] == 0) != (isnan(m->v[i]) != 0))
			return -1;
	return 0;
}

int jb_context_check(const struct jb_context *c, const struct jb_dataset *ds, FILE *err)
{
	struct jb_check chk = {err, "context", 0};
#define PROBLEM(...) jb_check_problem(&chk, __VA_ARGS__)
	if (!c) {
		PROBLEM("no context findings");
		return chk.n;
	}
	for (size_t i = 0; i < c->nlait; i++) {
		if (check_ranks(c->lait[i].rank, c->lait[i].nranked) != 0)
			PROBLEM("%s: ranks are not competition ranks", c->lait[i].code);
		if (check_similar(&c->lait[i].similar, c->lait[i].nyears) != 0)
			PROBLEM("%s: similar boroughs' means and counts disagree", c->lait[i].code);
	}
	const struct jb_spend_per_youth *py[] = {&c->yp_per_youth, &c->yj_per_youth};
	for (int k = 0; k < 2; k++) {
		if (py[k]->ok && check_ranks(py[k]->rank, py[k]->nranked) != 0)
			PROBLEM("%s per resident: ranks are not competition ranks", py[k]->spend->code);
		if (py[k]->ok && check_similar(&py[k]->similar, py[k]->nyears) != 0)
			PROBLEM("%s per resident: similar boroughs' means and counts disagree",
				py[k]->spend->code);
	}
	const struct jb_youth_data *yd = ds->youth;
	size_t nsvc = 0, nact = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_services_area *s = &c->services[b];
		nsvc += s->nsvc;
		for (size_t k = 0; k < s->nsvc; k++)
			if (s->svc[k] >= yd->nservices || yd->services[s->svc[k]].borough != b)
				PROBLEM("%s: service %zu is not the borough's", jb_boroughs[b].name, k);
		if (s->nhot_near > s->nhot || (!isnan(s->hot_share) &&
					       !(s->hot_share >= 0 && s->hot_share <= 1)))
			PROBLEM("%s: hot-spot share out of range", jb_boroughs[b].name);
		const struct jb_actions_area *a = &c->actions[b];
		nact += a->n;
		size_t st = 0, od = 0;
		for (int k = 0; k < JB_NACT_STATUS; k++)
			st += a->nstatus[k];
		for (size_t k = 0; k < a->n; k++) {
			if (a->order[k] >= yd->nactions || yd->actions[a->order[k]].borough != b) {
				PROBLEM("%s: action %zu is not the borough's", jb_boroughs[b].name, k);
				continue;
			}
			od += c->overdue[a->order[k]];
			/* overdue ones first */
			if (k && c->overdue[a->order[k]] && !c->overdue[a->order[k - 1]])
				PROBLEM("%s: an overdue action after one that is not",
					jb_boroughs[b].name);
		}
		if (st != a->n || od != a->noverdue)
			PROBLEM("%s: action counts do not add up", jb_boroughs[b].name);
	}
	if (nsvc != yd->nservices)
		PROBLEM("%zu services in the boroughs' lists, %zu read", nsvc, yd->nservices);
	if (nact != yd->nactions)
		PROBLEM("%zu actions in the boroughs' lists, %zu read", nact, yd->nactions);
#undef PROBLEM
	return chk.n;
}

static void num(FILE *out, double v)
{
	if (isfinite(v))
		fprintf(out, " %.6g", v);
	else
		fputs(" -", out);
}

static const char *area_code(int a)
{
	return a == JB_ENGLAND ? "E92000001" : a == JB_LONDON ? "E12000007" : jb_boroughs[a].code;
}

/* "  similar_mean CODE v.. n k.." for every borough */
static void dump_similar(FILE *out, const struct jb_similar_mean *m)
{
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		fprintf(out, "  similar_mean %s", jb_boroughs[b].code);
		for (size_t y = 0; y < m->nyears; y++)
			num(out, jb_similar_mean_value(m, b, (int)y, NULL));
		fputs(" n", out);
		for (size_t y = 0; y < m->nyears; y++)
			fprintf(out, " %d", m->n[(size_t)b * m->nyears + y]);
		fputc('\n', out);
	}
}

static void ymd(FILE *out, int d)
{
	fprintf(out, " %04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

void jb_context_dump(const struct jb_context *c, const struct jb_dataset *ds, FILE *out)
{
	if (!c)
		return;
	static const char *const pol[] = {"lower_is_better", "none", "higher_is_better"};
	for (size_t i = 0; i < c->nlait; i++) {
		const struct jb_lait_series *s = &c->lait[i];
		fprintf(out, "lait %s \"%s\" units \"%s\" polarity %s latest %s ranked %d\n", s->code,
			s->title, s->units, pol[s->polarity + 1],
			s->latest >= 0 ? s->years[s->latest].label : "-", s->nranked);
		fputs("  years", out);
		for (size_t y = 0; y < s->nyears; y++)
			fprintf(out, " %d:\"%s\"", s->years[y].start, s->years[y].label);
		fputc('\n', out);
		for (int a = 0; a < JB_LAIT_AREAS; a++) {
			fprintf(out, "  %s", area_code(a));
			for (size_t y = 0; y < s->nyears; y++)
				num(out, jb_lait_value(s, a, (int)y));
			if (a < JB_NBOROUGHS)
				fprintf(out, " rank %d", s->rank[a]);
			fputc('\n', out);
		}
		dump_similar(out, &s->similar);
	}
	const struct jb_spend_per_youth *py[] = {&c->yp_per_youth, &c->yj_per_youth};
	for (int k = 0; k < 2; k++) {
		const struct jb_spend_per_youth *p = py[k];
		if (!p->ok)
			continue;
		fprintf(out, "per_resident_10_17 %s latest %s\n", p->spend->code,
			p->spend->years[p->latest].label);
		fputs("  london_boroughs", out);
		for (size_t y = 0; y < p->nyears; y++)
			fprintf(out, " %d", p->london_n[y]);
		fputc('\n', out);
		for (int a = 0; a <= JB_NBOROUGHS; a++) {
			fprintf(out, "  %s", area_code(a));
			for (size_t y = 0; y < p->nyears; y++)
				num(out, p->v[(size_t)a * p->nyears + y]);
			if (a < JB_NBOROUGHS)
				fprintf(out, " rank %d", p->rank[a]);
			fputc('\n', out);
		}
		dump_similar(out, &p->similar);
	}
	const struct jb_youth_data *yd = ds->youth;
	fprintf(out, "services %zu hot_spots %s\n", yd->nservices, c->has_hot ? "yes" : "no");
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_services_area *s = &c->services[b];
		const struct jb_actions_area *a = &c->actions[b];
		fprintf(out, "context %s services %zu sessions %.0f illustrative %d hot %zu near %zu share",
			jb_boroughs[b].code, s->nsvc, s->sessions, s->illustrative, s->nhot,
			s->nhot_near);
		num(out, s->hot_share);
		fputc('\n', out);
		for (size_t k = 0; k < s->nsvc; k++) {
			const struct jb_youth_service *v = &yd->services[s->svc[k]];
			fprintf(out, "  service \"%s\" x %.1f y %.1f hot_near %zu\n", v->name, v->x, v->y,
				c->svc_hot_near[s->svc[k]]);
		}
		fprintf(out, "  actions %zu overdue %zu", a->n, a->noverdue);
		for (int k = 0; k < JB_NACT_STATUS; k++)
			fprintf(out, " \"%s\" %zu", jb_action_status_names[k], a->nstatus[k]);
		if (a->last_meeting) {
			fputs(" last_meeting", out);
			ymd(out, a->last_meeting);
		}
		fputc('\n', out);
		for (size_t k = 0; k < a->n; k++) {
			const struct jb_action *x = &yd->actions[a->order[k]];
			fprintf(out, "  action %s due", x->id);
			ymd(out, x->due);
			fprintf(out, " \"%s\"%s\n", jb_action_status_names[x->status],
				c->overdue[a->order[k]] ? " overdue" : "");
		}
		if (a->change_ok) {
			fprintf(out, "  since_meeting to %04d-%02d then", jb_month_year(a->then_last),
				jb_month_mon(a->then_last));
			num(out, a->count_then);
			fputs(" now", out);
			num(out, a->count_now);
			fputs(" pct", out);
			num(out, a->pct);
			fputs(" rate_then", out);
			num(out, a->rate_then);
			fputs(" rate_now", out);
			num(out, a->rate_now);
			fputs(" london_pct", out);
			num(out, a->london_pct);
			fputc('\n', out);
		} else if (a->n) {
			fprintf(out, "  since_meeting none (%s)\n", a->why);
		}
		const struct jb_offender_area *o = &c->offender[b];
		for (size_t k = 0; k < o->n; k++) {
			const struct jb_offender_row *r = &yd->offender[o->rows[k]];
			fprintf(out, "  offender %04d-%02d \"%s\" caseload %.0f reoffending",
				jb_month_year(r->month), jb_month_mon(r->month), r->cohort, r->caseload);
			num(out, r->reoffending);
			fputc('\n', out);
		}
	}
}

/* ---- the part (analysis/findings.h) ---- */

static void context_part_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	f->context = jb_context_analyse(ds, f);
}

static void context_part_dump(const struct jb_findings *f, FILE *out)
{
	jb_context_dump(f->context, f->ds, out);
}

static int context_part_check(const struct jb_findings *f, FILE *err)
{
	return jb_context_check(f->context, f->ds, err);
}

static void context_part_free(struct jb_findings *f)
{
	jb_context_free(f->context);
}

const struct jb_part jb_context_part = {
	.analyse = context_part_analyse,
	.dump = context_part_dump,
	.check = context_part_check,
	.free = context_part_free,
};
