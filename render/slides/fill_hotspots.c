/* render/slides/fill_hotspots.c - see fill_hotspots.h. */
#include "fill_hotspots.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../analysis/hotspots.h"

/* The borough's hot spot tallies, or NULL for London and when absent. */
static const struct jb_hot_area *hot_area(const struct fill_ctx *c)
{
	const struct jb_hotspots *h = c->f->hot;
	return h && c->area >= 0 && c->area < JB_NBOROUGHS ? &h->area[c->area] : NULL;
}

static void hot_num(const struct fill_ctx *c, size_t v, int need_lsoa, char *b, size_t n)
{
	const struct jb_hotspots *h = c->f->hot;
	if (!hot_area(c) || (need_lsoa == 1 && !h->lsoa_ok) || (need_lsoa == 2 && !h->emg_ok))
		snprintf(b, n, FILL_NA);
	else
		fmt_count((double)v, b, n);
}

static const char *lsoa_label(const struct jb_findings *f, int l)
{
	const struct jb_lsoa *L = &f->ds->lsoa[l];
	return L->name ? L->name : L->code;
}

static void f_hot_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nhot : 0, 1, b, n);
}

static void f_hot_fdr_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nhot_fdr : 0, 1, b, n);
}

static void f_cold_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			 size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->ncold : 0, 1, b, n);
}

static void f_hot_units(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nunits : 0, 1, b, n);
}

static void f_gi_units(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		       size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (h && h->lsoa_ok)
		fmt_count((double)h->nunits, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_hot_top(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)a;
	const struct jb_hot_area *ha = hot_area(c);
	snprintf(b, n, "%s", ha && ha->ntop_hot ? lsoa_label(c->f, ha->top_hot[0]) : FILL_NA);
}

static void f_hot_summary(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_hot_area *ha = hot_area(c);
	char k[32], u[32];
	if (!ha || !h->lsoa_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	fmt_count((double)ha->nhot, k, sizeof k);
	fmt_count((double)ha->nunits, u, sizeof u);
	if (!ha->nhot)
		snprintf(b, n, "none of its %s neighbourhoods is a significant hot spot", u);
	else
		snprintf(b, n, "%s of %s neighbourhoods %s hot spot%s; the hottest is %s", k, u,
			 ha->nhot == 1 ? "is a" : "are", ha->nhot == 1 ? "" : "s",
			 lsoa_label(c->f, ha->top_hot[0]));
}

static void f_hot_why(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	snprintf(b, n, "%s", h && h->lsoa_ok ? FILL_NA : h ? h->lsoa_why : "hot spots were not computed");
}

static void f_emg_why(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		      size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	snprintf(b, n, "%s", h && h->emg_ok ? FILL_NA : h ? h->emg_why : "the history was not computed");
}

static void f_emg_steps(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (!h || !h->emg_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	char s[80];
	fmt_month_span(h->step_first, h->step_first + (int)h->nsteps * h->step_months - 1, s,
		       sizeof s);
	snprintf(b, n, "%zu %s, %s", h->nsteps, h->step_months == 3 ? "quarters" : "years", s);
}

static void f_persistent_count(const struct fill_ctx *c, const struct jb_area_findings *a,
			       char *b, size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->npersistent : 0, 2, b, n);
}

static void f_intensifying_count(const struct fill_ctx *c, const struct jb_area_findings *a,
				 char *b, size_t n)
{
	(void)a;
	hot_num(c, hot_area(c) ? hot_area(c)->nintensifying : 0, 2, b, n);
}

static void f_emg_summary(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			  size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_hot_area *ha = hot_area(c);
	if (!ha || !h->emg_ok) {
		snprintf(b, n, FILL_NA);
		return;
	}
	const char *steps = h->step_months == 3 ? "quarters" : "years";
	size_t p = ha->npersistent, i = ha->nintensifying;
	char pc[32], ic[32];
	fmt_count((double)p, pc, sizeof pc);
	fmt_count((double)i, ic, sizeof ic);
	if (!p && !i)
		snprintf(b, n, "no neighbourhood has been a persistent or intensifying hot spot "
			 "over the last %zu %s", h->nsteps, steps);
	else if (p && i)
		snprintf(b, n, "%s persistent and %s intensifying hot spot%s over the last %zu %s",
			 pc, ic, i == 1 ? "" : "s", h->nsteps, steps);
	else
		snprintf(b, n, "%s %s hot spot%s over the last %zu %s", p ? pc : ic,
			 p ? "persistent" : "intensifying", (p ? p : i) == 1 ? "" : "s", h->nsteps,
			 steps);
}

static void f_street_period(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (h && h->has_street)
		fmt_window(h->street_first, h->street_last, h->street_age, b, n);
	else
		snprintf(b, n, FILL_NA);
}

static void f_street_count(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			   size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	if (!h || !h->has_street || !hot_area(c))
		snprintf(b, n, FILL_NA);
	else
		fmt_count((double)hot_area(c)->street_n, b, n);
}

static void f_kde_bandwidth(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
			    size_t n)
{
	(void)a;
	const struct jb_hot_area *ha = hot_area(c);
	if (ha && ha->kde_ok) {
		char v[32];
		fmt_count(ha->kde_h, v, sizeof v);
		snprintf(b, n, "%s m", v);
	} else {
		snprintf(b, n, FILL_NA);
	}
}

static void f_grid_m(const struct fill_ctx *c, const struct jb_area_findings *a, char *b,
		     size_t n)
{
	(void)a;
	char v[32];
	fmt_count(c->f->hot ? c->f->hot->grid_m : c->f->theme->grid_m, v, sizeof v);
	snprintf(b, n, "%s m", v);
}

static void f_street_summary(const struct fill_ctx *c, const struct jb_area_findings *a,
			     char *b, size_t n)
{
	(void)a;
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_hot_area *ha = hot_area(c);
	char k[32];
	if (!h || !h->has_street || !ha) {
		snprintf(b, n, "no street-level crime records were supplied");
		return;
	}
	fmt_count((double)ha->street_n, k, sizeof k);
	if (!ha->street_n)
		snprintf(b, n, "the street-level records supplied hold none of these offences here");
	else if (ha->ntop_loc)
		snprintf(b, n, "%s offence%s in the street-level records; most in hot cells: %s",
			 k, ha->street_n == 1 ? "" : "s",
			 c->f->ds->street.locations[ha->top_loc[0]]);
	else
		snprintf(b, n, "%s offence%s in the street-level records", k,
			 ha->street_n == 1 ? "" : "s");
}

static const struct fill_key keys[] = {
	{"hot_summary", f_hot_summary, "\"6 of 149 neighbourhoods are hot spots; the hottest is ...\""},
	{"hot_why", f_hot_why, "why there are no hot spots (only when there are none)"},
	{"emg_why", f_emg_why, "why there is no hot spot history (only when there is none)"},
	{"hot_count", f_hot_count, "the borough's LSOAs that are Gi* hot spots (90% or more)"},
	{"hot_fdr_count", f_hot_fdr_count, "those significant at 95% or more after the FDR correction"},
	{"cold_count", f_cold_count, "the borough's LSOAs that are cold spots"},
	{"hot_units", f_hot_units, "the borough's LSOAs in the hot spot study region"},
	{"hot_top", f_hot_top, "the hottest LSOA (highest Gi* z)"},
	{"gi_units", f_gi_units, "LSOAs in the London-wide study region"},
	{"emg_steps", f_emg_steps, "the time steps of the hot spot history, \"8 quarters, ...\""},
	{"emg_summary", f_emg_summary, "\"3 persistent and 1 intensifying hot spot over the last 8 quarters\""},
	{"emg_persistent", f_persistent_count, "the borough's persistent hot spots"},
	{"emg_intensifying", f_intensifying_count, "the borough's intensifying hot spots"},
	{"street_period", f_street_period, "the months of street-level data counted"},
	{"street_count", f_street_count, "the theme's offences in the borough's street-level data"},
	{"street_summary", f_street_summary, "what the street-level data show, for a title"},
	{"kde_bandwidth", f_kde_bandwidth, "the kernel density bandwidth, \"250 m\""},
	{"grid_m", f_grid_m, "the street hot spot grid's cell size, \"250 m\""},
};
const struct fill_group fill_hotspot_keys = FILL_GROUP(keys);
