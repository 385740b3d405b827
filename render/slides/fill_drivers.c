/* render/slides/fill_drivers.c - see fill_drivers.h. */
#include "fill_drivers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../analysis/drivers.h"

#define NA FILL_NA
#define FILL_DRIVERS_FN(name)                                                              \
	static void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)

static const struct jb_drivers *D(const struct fill_ctx *c)
{
	return c->f->drivers;
}

static const struct jb_drivers_area *A(const struct fill_ctx *c, const struct jb_area_findings *a)
{
	return c->f->drivers ? &c->f->drivers->area[a->index] : NULL;
}

static const struct jb_drivers_area *LON(const struct fill_ctx *c)
{
	return c->f->drivers ? &c->f->drivers->area[JB_LONDON] : NULL;
}

/* A share (0..1) as a percentage, "16.1%". */
static void pct(double share, char *b, size_t n)
{
	if (!isfinite(share)) {
		snprintf(b, n, NA);
		return;
	}
	char v[32];
	fmt_dec(100.0 * share, 1, v, sizeof v);
	snprintf(b, n, "%s%%", v);
}

/* A rate ratio as a signed % change, "+53%": 1.53 -> "+53.0%". */
static void rr_pct(double rr, char *b, size_t n)
{
	fmt_signed_pct(isfinite(rr) ? 100.0 * (rr - 1) : NAN, b, n);
}

FILL_DRIVERS_FN(fd_imd_edition)
{
	(void)a;
	int e = c->f->ds->imd_edition;
	if (e)
		snprintf(b, n, "Indices of Deprivation %d", e);
	else
		snprintf(b, n, NA);
}

FILL_DRIVERS_FN(fd_imd_lsoas)
{
	fmt_count(A(c, a) && A(c, a)->nlsoa_imd ? (double)A(c, a)->nlsoa_imd : NAN, b, n);
}

FILL_DRIVERS_FN(fd_imd_d1_n)
{
	fmt_count(A(c, a) && A(c, a)->nlsoa_imd ? A(c, a)->decile_n[0] : NAN, b, n);
}

FILL_DRIVERS_FN(fd_imd_d1_pct)
{
	pct(A(c, a) ? A(c, a)->share_d1 : NAN, b, n);
}

FILL_DRIVERS_FN(fd_imd_d1_2_n)
{
	const struct jb_drivers_area *x = A(c, a);
	fmt_count(x && x->nlsoa_imd ? x->decile_n[0] + x->decile_n[1] : NAN, b, n);
}

FILL_DRIVERS_FN(fd_imd_d1_2_pct)
{
	pct(A(c, a) ? A(c, a)->share_d1_2 : NAN, b, n);
}

FILL_DRIVERS_FN(fd_london_imd_d1_pct)
{
	(void)a;
	pct(LON(c) ? LON(c)->share_d1 : NAN, b, n);
}

FILL_DRIVERS_FN(fd_london_imd_d1_2_pct)
{
	(void)a;
	pct(LON(c) ? LON(c)->share_d1_2 : NAN, b, n);
}

FILL_DRIVERS_FN(fd_drv_why)
{
	(void)a;
	const struct jb_drivers *d = D(c);
	snprintf(b, n, "%s", d && d->has_model ? NA : d && d->why_no_model ? d->why_no_model : NA);
}

FILL_DRIVERS_FN(fd_drv_n)
{
	(void)a;
	fmt_count(D(c) && D(c)->has_model ? (double)D(c)->n : NAN, b, n);
}

FILL_DRIVERS_FN(fd_drv_imd_rho)
{
	(void)a;
	fmt_dec(D(c) && D(c)->has_model && D(c)->spearman[0].ok ? D(c)->spearman[0].r : NAN, 2, b,
		n);
}

FILL_DRIVERS_FN(fd_drv_imd_r)
{
	(void)a;
	fmt_dec(D(c) && D(c)->has_model && D(c)->pearson[0].ok ? D(c)->pearson[0].r : NAN, 2, b, n);
}

/* "rise with", "fall with" or "show no clear link with": the sign of
 * Spearman's rho for the IMD score when it is significant. */
FILL_DRIVERS_FN(fd_drv_imd_link)
{
	(void)a;
	const struct jb_drivers *d = D(c);
	if (!d || !d->has_model || !d->spearman[0].ok)
		snprintf(b, n, NA);
	else if (!d->spearman[0].significant)
		snprintf(b, n, "show no clear link with");
	else
		snprintf(b, n, "%s with", d->spearman[0].r > 0 ? "rise" : "fall");
}

/* The weakest of the 14 correlations' p: "every p < 0.001", or "every p
 * at most 0.042". */
FILL_DRIVERS_FN(fd_drv_corr_p)
{
	(void)a;
	const struct jb_drivers *d = D(c);
	if (!d || !d->has_model || !isfinite(d->corr_p_max))
		snprintf(b, n, NA);
	else {
		char p[32];
		fmt_p_max(d->corr_p_max, p, sizeof p);
		snprintf(b, n, "every %s", p);
	}
}

FILL_DRIVERS_FN(fd_drv_phi)
{
	(void)a;
	fmt_dec(D(c) && D(c)->has_model && D(c)->glm.ok ? D(c)->glm.phi : NAN, 1, b, n);
}

FILL_DRIVERS_FN(fd_drv_top_domain)
{
	(void)a;
	const struct jb_drivers *d = D(c);
	if (!d || !d->has_model || d->top_domain < 0) {
		snprintf(b, n, NA);
		return;
	}
	char rr[32];
	fmt_dec(d->rr_sd[d->top_domain], 2, rr, sizeof rr);
	snprintf(b, n, "%s (rate ratio %s per SD)", d->var_names[1 + d->top_domain], rr);
}

/* "rates rise 53.1% per 10 IMD points", "rates fall ...", or "no
 * significant link (−9.5% per 10 IMD points)" (analysis/drivers.h: the
 * curve's significance). */
static void link(const struct jb_curve *cv, char *b, size_t n)
{
	if (!cv->ok) {
		snprintf(b, n, "no curve could be fitted");
		return;
	}
	char est[32];
	if (cv->significant) {
		fmt_dec(100.0 * fabs(cv->rr10 - 1), 1, est, sizeof est);
		snprintf(b, n, "rates %s %s%% per 10 IMD points", cv->rr10 > 1 ? "rise" : "fall",
			 est);
	} else {
		rr_pct(cv->rr10, est, sizeof est);
		snprintf(b, n, "no significant link (%s per 10 IMD points)", est);
	}
}

static void ci(const struct jb_curve *cv, char *b, size_t n)
{
	if (!cv->ok) {
		snprintf(b, n, NA);
		return;
	}
	char lo[32], hi[32];
	rr_pct(cv->ok ? cv->rr10_lo : NAN, lo, sizeof lo);
	rr_pct(cv->ok ? cv->rr10_hi : NAN, hi, sizeof hi);
	snprintf(b, n, "95%% CI %s to %s", lo, hi);
}

FILL_DRIVERS_FN(fd_drv_borough_link)
{
	const struct jb_drivers_area *x = A(c, a);
	if (!x || !D(c)->has_model)
		snprintf(b, n, NA);
	else
		link(&x->curve, b, n);
}

FILL_DRIVERS_FN(fd_drv_borough_ci)
{
	const struct jb_drivers_area *x = A(c, a);
	if (!x || !D(c)->has_model)
		snprintf(b, n, NA);
	else
		ci(&x->curve, b, n);
}

FILL_DRIVERS_FN(fd_drv_london_link)
{
	(void)a;
	if (!LON(c) || !D(c)->has_model)
		snprintf(b, n, NA);
	else
		link(&LON(c)->curve, b, n);
}

FILL_DRIVERS_FN(fd_drv_london_ci)
{
	(void)a;
	if (!LON(c) || !D(c)->has_model)
		snprintf(b, n, NA);
	else
		ci(&LON(c)->curve, b, n);
}

FILL_DRIVERS_FN(fd_drv_above_cap)
{
	const struct jb_drivers_area *x = A(c, a);
	fmt_count(x && D(c)->has_model ? (double)x->nabove : NAN, b, n);
}

FILL_DRIVERS_FN(fd_street_period)
{
	(void)a;
	const struct jb_drivers *d = D(c);
	if (!d || !d->has_street) {
		snprintf(b, n, NA);
		return;
	}
	fmt_window(d->street_first, d->street_last, d->street_age, b, n);
}

FILL_DRIVERS_FN(fd_street_known)
{
	const struct jb_drivers_area *x = A(c, a);
	fmt_count(x && D(c)->has_street ? x->known : NAN, b, n);
}

FILL_DRIVERS_FN(fd_funnel_suspect_pct)
{
	pct(A(c, a) ? A(c, a)->funnel[1] : NAN, b, n);
}

FILL_DRIVERS_FN(fd_london_funnel_suspect_pct)
{
	(void)a;
	pct(LON(c) ? LON(c)->funnel[1] : NAN, b, n);
}

FILL_DRIVERS_FN(fd_funnel_charged_pct)
{
	pct(A(c, a) ? A(c, a)->funnel[3] : NAN, b, n);
}

FILL_DRIVERS_FN(fd_london_funnel_charged_pct)
{
	(void)a;
	pct(LON(c) ? LON(c)->funnel[3] : NAN, b, n);
}

/* Completes "{borough}'s stages ...". */
FILL_DRIVERS_FN(fd_chisq_summary)
{
	const struct jb_drivers_area *x = A(c, a);
	if (!x || !D(c)->has_street) {
		snprintf(b, n, "could not be compared: no street outcomes were supplied");
		return;
	}
	if (!x->has_funnel || !x->chisq.ok) {
		char k[32];
		fmt_count(x->known, k, sizeof k);
		snprintf(b, n, "could not be compared: %s crimes with a known outcome, fewer than "
			 "the %d a funnel needs", k, JB_MIN_FUNNEL);
		return;
	}
	char stat[32], p[32];
	fmt_dec(x->chisq.stat, 1, stat, sizeof stat);
	fmt_p(x->chisq.p, p, sizeof p);
	snprintf(b, n, "%s from the rest of London's (chi-square %s, %d df, %s)%s",
		 x->chisq.significant ? "differ significantly" : "do not differ significantly",
		 stat, x->chisq.df, p,
		 x->chisq_reliable ? "" : "; some expected counts are under 5, so read it with care");
}

FILL_DRIVERS_FN(fd_po_measure)
{
	(void)a;
	snprintf(b, n, "%s", D(c) && D(c)->po_measure ? label_plain(c->labels, D(c)->po_measure) : NA);
}

FILL_DRIVERS_FN(fd_po_period)
{
	(void)a;
	const struct jb_drivers *d = D(c);
	if (!d || !d->has_po) {
		snprintf(b, n, NA);
		return;
	}
	int last = d->po_first + (int)d->po_n - 1;
	fmt_window(last - 11, last, d->po_age, b, n);
}

FILL_DRIVERS_FN(fd_po_rate)
{
	const struct jb_drivers_area *x = A(c, a);
	if (!x || !isfinite(x->po_rate12)) {
		snprintf(b, n, NA);
		return;
	}
	char v[32];
	fmt_dec(x->po_rate12, 1, v, sizeof v);
	snprintf(b, n, "%s%%", v);
}

FILL_DRIVERS_FN(fd_po_count)
{
	fmt_count(A(c, a) ? A(c, a)->po_last12 : NAN, b, n);
}

FILL_DRIVERS_FN(fd_po_offences)
{
	fmt_count(A(c, a) ? A(c, a)->off_last12 : NAN, b, n);
}

FILL_DRIVERS_FN(fd_london_po_rate)
{
	(void)a;
	fd_po_rate(c, &c->f->area[JB_LONDON], b, n);
}

FILL_DRIVERS_FN(fd_po_rank)
{
	const struct jb_drivers_area *x = A(c, a);
	fmt_rank_natural(x ? x->po_rank : 0, x ? x->po_rank_low : 0, b, n);
}

static const struct fill_key keys[] = {
	{"imd_edition", fd_imd_edition, "the deprivation indices used, \"Indices of Deprivation 2025\""},
	{"imd_lsoas", fd_imd_lsoas, "the borough's LSOAs with an IMD score"},
	{"imd_d1_n", fd_imd_d1_n, "of them, in England's most deprived 10%"},
	{"imd_d1_pct", fd_imd_d1_pct, "their share, \"16.1%\""},
	{"imd_d1_2_n", fd_imd_d1_2_n, "LSOAs in England's most deprived 20%"},
	{"imd_d1_2_pct", fd_imd_d1_2_pct, "their share"},
	{"london_imd_d1_pct", fd_london_imd_d1_pct, "London's share in the most deprived 10%"},
	{"london_imd_d1_2_pct", fd_london_imd_d1_2_pct, "London's share in the most deprived 20%"},
	{"drv_why", fd_drv_why, "what the drivers model lacks (only when it was not fitted)"},
	{"drv_n", fd_drv_n, "London LSOAs in the drivers analysis"},
	{"drv_imd_rho", fd_drv_imd_rho, "Spearman's rho, LSOA rate against IMD score"},
	{"drv_imd_r", fd_drv_imd_r, "Pearson's r, the same"},
	{"drv_imd_link", fd_drv_imd_link, "\"rise with\", \"fall with\" or \"show no clear link with\""},
	{"drv_corr_p", fd_drv_corr_p, "the correlations' p, \"every p < 0.001\""},
	{"drv_phi", fd_drv_phi, "overdispersion of the domains model"},
	{"drv_top_domain", fd_drv_top_domain, "the domain with the largest adjusted rate ratio"},
	{"drv_borough_link", fd_drv_borough_link, "the borough's fitted rate change per 10 IMD points"},
	{"drv_borough_ci", fd_drv_borough_ci, "its 95% confidence interval"},
	{"drv_london_link", fd_drv_london_link, "the same for London"},
	{"drv_london_ci", fd_drv_london_ci, "its 95% confidence interval"},
	{"drv_above_cap", fd_drv_above_cap, "the borough's LSOAs above the scatter's scale"},
	{"outcomes_period", fd_street_period, "the months of street outcomes used"},
	{"street_known", fd_street_known, "the borough's crimes with a known outcome stage"},
	{"funnel_suspect_pct", fd_funnel_suspect_pct, "share with a suspect identified"},
	{"london_funnel_suspect_pct", fd_london_funnel_suspect_pct, "London's share"},
	{"funnel_charged_pct", fd_funnel_charged_pct, "share charged or summonsed"},
	{"london_funnel_charged_pct", fd_london_funnel_charged_pct, "London's share"},
	{"chisq_summary", fd_chisq_summary, "the funnel against the rest of London, chi-square"},
	{"po_measure", fd_po_measure, "the dashboard measure of the positive outcome rate, by its plain name (labels)"},
	{"po_period", fd_po_period, "its last 12 months"},
	{"po_rate", fd_po_rate, "positive outcomes per 100 offences, last 12 months"},
	{"po_count", fd_po_count, "positive outcomes, last 12 months"},
	{"po_offences", fd_po_offences, "offences, last 12 months"},
	{"london_po_rate", fd_london_po_rate, "London's positive outcome rate"},
	{"po_rank", fd_po_rank, "rank of the rate among the 32 from the nearer end, \"2nd lowest\""},
};
const struct fill_group fill_drivers_keys = FILL_GROUP(keys);
