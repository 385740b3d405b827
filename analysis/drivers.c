/* analysis/drivers.c - see drivers.h. */
#include "drivers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "../util/xalloc.h"
#include "findings.h"

#define Z95 1.96
#define MIN_MODEL_LSOAS 30
#define RATE_CAP_QUANTILE 0.99

const char *const jb_stage_names[JB_NSTAGES] = {
	[JB_STAGE_NO_SUSPECT] = "No suspect identified / under investigation",
	[JB_STAGE_NFA] = "Suspect identified, no further action",
	[JB_STAGE_CHARGED] = "Charged or summonsed (awaiting court)",
	[JB_STAGE_COURT] = "Court outcome",
	[JB_STAGE_OUT_OF_COURT] = "Out-of-court disposal",
};

const char *const jb_funnel_names[JB_FUNNEL_LEVELS] = {
	"Crimes with a known outcome",
	"Suspect identified",
	"Formal action taken",
	"Charged or summonsed",
	"Court outcome reached",
};

/* Every "Last outcome category" data.police.uk publishes (the API's
 * outcome categories and their names in the street files). Choices:
 * "Status update unavailable" says nothing about the case, so it is
 * unknown, like a blank; "Court result unavailable" means the suspect was
 * charged but the result is not known, so it stays at "charged";
 * "Unable to prosecute suspect", public-interest decisions and transfers to
 * another organisation all had a suspect and ended without action by this
 * force; "Defendant found not guilty" and "Court case unable to proceed"
 * are court outcomes (attrition at court is still a court outcome). */
static const struct {
	const char *outcome;
	int stage;
} outcome_map[] = {
	{"Investigation complete; no suspect identified", JB_STAGE_NO_SUSPECT},
	{"Under investigation", JB_STAGE_NO_SUSPECT},
	{"Unable to prosecute suspect", JB_STAGE_NFA},
	{"Formal action is not in the public interest", JB_STAGE_NFA},
	{"Further action is not in the public interest", JB_STAGE_NFA},
	{"Further investigation is not in the public interest", JB_STAGE_NFA},
	{"Action to be taken by another organisation", JB_STAGE_NFA},
	{"Suspect charged", JB_STAGE_CHARGED},
	{"Suspect charged as part of another case", JB_STAGE_CHARGED},
	{"Awaiting court outcome", JB_STAGE_CHARGED},
	{"Defendant sent to Crown Court", JB_STAGE_CHARGED},
	{"Court result unavailable", JB_STAGE_CHARGED},
	{"Offender sent to prison", JB_STAGE_COURT},
	{"Offender given suspended prison sentence", JB_STAGE_COURT},
	{"Offender given community sentence", JB_STAGE_COURT},
	{"Offender fined", JB_STAGE_COURT},
	{"Offender given conditional discharge", JB_STAGE_COURT},
	{"Offender given absolute discharge", JB_STAGE_COURT},
	{"Offender ordered to pay compensation", JB_STAGE_COURT},
	{"Offender deprived of property", JB_STAGE_COURT},
	{"Offender otherwise dealt with", JB_STAGE_COURT},
	{"Defendant found not guilty", JB_STAGE_COURT},
	{"Court case unable to proceed", JB_STAGE_COURT},
	{"Offender given a caution", JB_STAGE_OUT_OF_COURT},
	{"Offender given a drugs possession warning", JB_STAGE_OUT_OF_COURT},
	{"Offender given penalty notice", JB_STAGE_OUT_OF_COURT},
	{"Local resolution", JB_STAGE_OUT_OF_COURT},
	{"Status update unavailable", JB_STAGE_UNKNOWN},
	{"", JB_STAGE_UNKNOWN},
};

int jb_outcome_stage(const char *outcome)
{
	if (!outcome)
		return JB_STAGE_UNKNOWN;
	for (size_t i = 0; i < sizeof outcome_map / sizeof outcome_map[0]; i++)
		if (strcasecmp(outcome, outcome_map[i].outcome) == 0)
			return outcome_map[i].stage;
	return JB_STAGE_UNMAPPED;
}

/* R's type 7 quantile of sorted v[n]. */
static double quantile(const double *v, size_t n, double q)
{
	if (!n)
		return NAN;
	double h = (double)(n - 1) * q;
	size_t lo = (size_t)floor(h);
	size_t hi = lo + 1 < n ? lo + 1 : lo;
	return v[lo] + (h - (double)lo) * (v[hi] - v[lo]);
}

/* ---- profile ---- */

static void profile(struct jb_drivers *d, const struct jb_dataset *ds,
		    const struct jb_findings *f)
{
	d->lsoa_imd_class = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *d->lsoa_imd_class);
	double *scores = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *scores);
	size_t ns = 0;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		d->lsoa_imd_class[l] = -1;
		if (L->borough < 0 || !L->imd.has)
			continue;
		if (L->imd.decile >= 1 && L->imd.decile <= 10) {
			d->area[L->borough].decile_n[L->imd.decile - 1]++;
			d->area[JB_LONDON].decile_n[L->imd.decile - 1]++;
			d->area[L->borough].nlsoa_imd++;
			d->area[JB_LONDON].nlsoa_imd++;
		}
		if (isfinite(L->imd.score))
			scores[ns++] = L->imd.score;
	}
	d->has_imd = d->area[JB_LONDON].nlsoa_imd > 0;
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		struct jb_drivers_area *A = &d->area[a];
		if (*f->imd_cover.missing[a]) { /* part of an area is not the area */
			memset(A->decile_n, 0, sizeof A->decile_n);
			A->nlsoa_imd = 0;
		}
		double n = (double)A->nlsoa_imd;
		for (int k = 0; k < 10; k++)
			A->decile_share[k] = n > 0 ? A->decile_n[k] / n : NAN;
		A->share_d1 = n > 0 ? A->decile_n[0] / n : NAN;
		A->share_d1_2 = n > 0 ? (A->decile_n[0] + A->decile_n[1]) / n : NAN;
	}
	/* Map classes: London-wide quintiles of the IMD score, so of every
	 * London LSOA. */
	if (ns >= JB_IMD_CLASSES && !*f->imd_cover.missing[JB_LONDON]) {
		gsl_sort(scores, 1, ns);
		for (int k = 0; k <= JB_IMD_CLASSES; k++)
			d->imd_breaks[k] = quantile(scores, ns, (double)k / JB_IMD_CLASSES);
		for (size_t l = 0; l < ds->nlsoa; l++) {
			const struct jb_lsoa *L = &ds->lsoa[l];
			if (L->borough < 0 || !L->imd.has || !isfinite(L->imd.score))
				continue;
			int c = 0;
			while (c + 1 < JB_IMD_CLASSES && L->imd.score >= d->imd_breaks[c + 1])
				c++;
			d->lsoa_imd_class[l] = c;
		}
	} else {
		for (int k = 0; k <= JB_IMD_CLASSES; k++)
			d->imd_breaks[k] = NAN;
	}
	free(scores);
}

/* ---- drivers ---- */

/* The six domains that enter the model, in order. */
static const int model_domains[JB_DRV_NDOMAINS] = {
	JB_DOM_INCOME, JB_DOM_EMPLOYMENT, JB_DOM_EDUCATION,
	JB_DOM_HEALTH, JB_DOM_HOUSING,	  JB_DOM_ENVIRONMENT,
};

static int in_model(const struct jb_lsoa *L, double count12)
{
	if (L->borough < 0 || !isfinite(count12) || !(L->residents > 0) || !L->imd.has ||
	    !L->imd.has_domains || !isfinite(L->imd.score))
		return 0;
	for (int k = 0; k < JB_DRV_NDOMAINS; k++)
		if (!isfinite(L->imd.dom_score[model_domains[k]]))
			return 0;
	return 1;
}

/* Poisson regression of count on the IMD score with log(residents) as
 * offset over the LSOAs idx[0..n-1]; the curve over their score range. */
static void fit_curve(struct jb_curve *c, const struct jb_dataset *ds, const double *count,
		      const size_t *idx, size_t n)
{
	memset(c, 0, sizeof *c);
	c->n = n;
	c->rr10 = c->rr10_lo = c->rr10_hi = c->phi = NAN;
	if (n < 3)
		return;
	double *X = xmalloc(2 * n * sizeof *X), *y = xmalloc(n * sizeof *y);
	double *off = xmalloc(n * sizeof *off);
	double xmin = INFINITY, xmax = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		const struct jb_lsoa *L = &ds->lsoa[idx[i]];
		X[2 * i] = 1;
		X[2 * i + 1] = L->imd.score;
		y[i] = count[idx[i]];
		off[i] = log(L->residents);
		xmin = fmin(xmin, L->imd.score);
		xmax = fmax(xmax, L->imd.score);
	}
	struct jb_glm g = {0}; /* freed below, fitted or not */
	if (xmax > xmin && jb_poisson_glm(X, n, 2, y, off, &g) == 0) {
		c->ok = 1;
		c->b0 = g.coef[0];
		c->b1 = g.coef[1];
		c->se_b1 = g.se[1];
		c->phi = g.phi;
		c->rr10 = exp(10 * c->b1);
		c->rr10_lo = exp(10 * (c->b1 - Z95 * c->se_b1));
		c->rr10_hi = exp(10 * (c->b1 + Z95 * c->se_b1));
		c->significant = c->rr10_lo > 1 || c->rr10_hi < 1;
		for (int k = 0; k < JB_CURVE_POINTS; k++) {
			c->x[k] = xmin + (xmax - xmin) * k / (JB_CURVE_POINTS - 1);
			c->rate[k] = 1000.0 * exp(c->b0 + c->b1 * c->x[k]);
		}
	}
	jb_glm_free(&g);
	free(X);
	free(y);
	free(off);
}

/* The inputs of the model not supplied at all, named alone: NULL when
 * all three are there. */
static const char *absent_inputs(const struct jb_findings *f, const struct jb_dataset *ds)
{
	/* by bits: LSOA crime 4, residents 2, IMD 1 */
	static const char *const what[8] = {
		NULL,
		"Indices of Deprivation",
		"Census residents",
		"Census residents and Indices of Deprivation",
		"LSOA-level crime",
		"LSOA-level crime and Indices of Deprivation",
		"LSOA-level crime and Census residents",
		"LSOA-level crime, Census residents and Indices of Deprivation",
	};
	return what[(!f->has_lsoa) << 2 | (!ds->has_census) << 1 | !ds->imd_edition];
}

static void drivers(struct jb_drivers *d, const struct jb_dataset *ds,
		    const struct jb_findings *f)
{
	d->var_names[0] = "IMD score (all domains)";
	d->var_domain[0] = -1;
	for (int k = 0; k < JB_DRV_NDOMAINS; k++) {
		d->var_names[1 + k] = jb_domain_names[model_domains[k]];
		d->var_domain[1 + k] = model_domains[k];
	}
	d->lsoa_rate = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *d->lsoa_rate);
	for (size_t l = 0; l < ds->nlsoa; l++)
		d->lsoa_rate[l] = NAN;
	d->rate_cap = d->imd_min = d->imd_max = d->corr_p_max = NAN;
	d->top_domain = -1;
	if (!f->has_lsoa) {
		d->why_no_model = "MPS LSOA-level recorded crime";
		d->model_missing = absent_inputs(f, ds);
		return;
	}
	/* the model is London's: of all its LSOAs */
	const struct jb_lsoa_cover *cover[] = {&f->lsoa_cover, &f->imd_cover, &f->residents_cover};
	for (size_t k = 0; k < sizeof cover / sizeof *cover; k++)
		if (*cover[k]->missing[JB_LONDON]) {
			d->why_no_model = d->model_missing = cover[k]->missing[JB_LONDON];
			return;
		}
	double *count = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *count);
	size_t *idx = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *idx);
	size_t n = 0;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		count[l] = f->lsoa[l].count12;
		if (in_model(&ds->lsoa[l], count[l]))
			idx[n++] = l;
	}
	d->n = n;
	if (n < MIN_MODEL_LSOAS) {
		d->why_no_model = "LSOA residents (Census 2021) and Indices of Deprivation "
				  "domain scores for London's LSOAs";
		d->model_missing = absent_inputs(f, ds);
		free(count);
		free(idx);
		return;
	}
	d->has_model = 1;
	d->corr_p_max = 0;

	double *rate = xmalloc(n * sizeof *rate), *x = xmalloc(n * sizeof *x);
	for (size_t i = 0; i < n; i++) {
		const struct jb_lsoa *L = &ds->lsoa[idx[i]];
		rate[i] = d->lsoa_rate[idx[i]] = count[idx[i]] / L->residents * 1000.0;
	}
	for (int v = 0; v < JB_DRV_NVARS; v++) {
		for (size_t i = 0; i < n; i++) {
			const struct jb_imd *m = &ds->lsoa[idx[i]].imd;
			x[i] = v == 0 ? m->score : m->dom_score[d->var_domain[v]];
		}
		jb_spearman(x, rate, n, &d->spearman[v]);
		jb_pearson(x, rate, n, &d->pearson[v]);
		d->corr_p_max = fmax(d->corr_p_max, fmax(d->spearman[v].p, d->pearson[v].p));
	}

	/* The domains model. */
	const size_t p = 1 + JB_DRV_NDOMAINS;
	double *X = xmalloc(n * p * sizeof *X), *y = xmalloc(n * sizeof *y);
	double *off = xmalloc(n * sizeof *off);
	for (size_t i = 0; i < n; i++) {
		const struct jb_lsoa *L = &ds->lsoa[idx[i]];
		X[i * p] = 1;
		for (int k = 0; k < JB_DRV_NDOMAINS; k++)
			X[i * p + 1 + (size_t)k] = L->imd.dom_score[model_domains[k]];
		y[i] = count[idx[i]];
		off[i] = log(L->residents);
	}
	for (int k = 0; k < JB_DRV_NDOMAINS; k++) {
		d->dom_sd[k] = gsl_stats_sd(X + 1 + k, p, n);
		d->rr_sd[k] = d->rr_lo[k] = d->rr_hi[k] = d->rr_p[k] = NAN;
	}
	d->top_domain = -1;
	if (jb_poisson_glm(X, n, p, y, off, &d->glm) == 0)
		for (int k = 0; k < JB_DRV_NDOMAINS; k++) {
			double b = d->glm.coef[1 + k], se = d->glm.se[1 + k], sd = d->dom_sd[k];
			d->rr_sd[k] = exp(b * sd);
			d->rr_lo[k] = exp((b - Z95 * se) * sd);
			d->rr_hi[k] = exp((b + Z95 * se) * sd);
			d->rr_p[k] = 2.0 * gsl_cdf_ugaussian_Q(fabs(b / se));
			if (d->rr_lo[k] > 1 &&
			    (d->top_domain < 0 || d->rr_sd[k] > d->rr_sd[d->top_domain]))
				d->top_domain = k;
		}
	free(X);
	free(y);
	free(off);

	/* The scatter: its cap, the curves. */
	memcpy(x, rate, n * sizeof *x);
	gsl_sort(x, 1, n);
	d->rate_cap = quantile(x, n, RATE_CAP_QUANTILE);
	d->imd_min = INFINITY;
	d->imd_max = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		const struct jb_lsoa *L = &ds->lsoa[idx[i]];
		d->imd_min = fmin(d->imd_min, L->imd.score);
		d->imd_max = fmax(d->imd_max, L->imd.score);
		d->area[L->borough].nmodel++;
		d->area[JB_LONDON].nmodel++;
		if (rate[i] > d->rate_cap) {
			d->area[L->borough].nabove++;
			d->area[JB_LONDON].nabove++;
		}
	}
	fit_curve(&d->area[JB_LONDON].curve, ds, count, idx, n);
	size_t *sub = xmalloc(n * sizeof *sub);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (ds->lsoa[idx[i]].borough == b)
				sub[m++] = idx[i];
		fit_curve(&d->area[b].curve, ds, count, sub, m);
	}
	free(sub);
	free(rate);
	free(x);
	free(count);
	free(idx);
}

/* ---- attrition: street outcomes ---- */

static void add_unmapped(struct jb_drivers *d, const char *s)
{
	for (size_t i = 0; i < d->nunmapped; i++)
		if (strcmp(d->unmapped[i], s) == 0)
			return;
	d->unmapped = xrealloc(d->unmapped, (d->nunmapped + 1) * sizeof *d->unmapped);
	d->unmapped[d->nunmapped++] = xstrdup(s);
}

static void street_outcomes(struct jb_drivers *d, const struct jb_dataset *ds,
			    const struct jb_findings *f)
{
	const struct jb_theme *theme = f->theme;
	const struct jb_street *st = &ds->street;
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		for (int k = 0; k < JB_FUNNEL_LEVELS; k++)
			d->area[a].funnel[k] = NAN;
		d->area[a].chisq.stat = d->area[a].chisq.p = NAN;
	}
	if (!ds->has_street || !st->npts || st->nmonths <= 0)
		return;
	unsigned char *want = xcalloc(st->ntypes ? st->ntypes : 1, 1);
	for (size_t t = 0; t < st->ntypes; t++)
		for (size_t k = 0; k < theme->nstreet; k++)
			if (strcasecmp(st->types[t], theme->street_types[k]) == 0)
				want[t] = 1;
	int *stage = xmalloc((st->noutcomes ? st->noutcomes : 1) * sizeof *stage);
	for (size_t o = 0; o < st->noutcomes; o++)
		stage[o] = jb_outcome_stage(st->outcomes[o]);
	d->street_age = jb_source_window(st->first_month, st->first_month + st->nmonths - 1,
					 jb_findings_period(f), &d->street_first,
					 &d->street_last);
	int first = d->street_first - st->first_month, last = d->street_last - st->first_month;
	if (d->street_age == JB_WINDOW_NONE)
		first = last + 1; /* nothing at or before the period */
	for (size_t i = 0; i < st->npts; i++) {
		const struct jb_point *pt = &st->pts[i];
		int b = jb_point_borough(ds, pt);
		if (!want[pt->type] || (int)pt->month < first || (int)pt->month > last || b < 0 ||
		    b >= JB_NBOROUGHS)
			continue;
		int s = stage[pt->outcome];
		struct jb_drivers_area *A = &d->area[b], *L = &d->area[JB_LONDON];
		if (s >= 0) {
			A->stage_n[s]++;
			L->stage_n[s]++;
			A->known++;
			L->known++;
		} else if (s == JB_STAGE_UNKNOWN) {
			A->unknown++;
			L->unknown++;
		} else {
			A->unmapped++;
			L->unmapped++;
			add_unmapped(d, st->outcomes[pt->outcome]);
		}
	}
	free(stage);
	free(want);
	d->has_street = d->area[JB_LONDON].known > 0;
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		struct jb_drivers_area *A = &d->area[a];
		const double *s = A->stage_n;
		if (A->known > 0) {
			double lv[JB_FUNNEL_LEVELS] = {
				A->known,
				s[JB_STAGE_NFA] + s[JB_STAGE_CHARGED] + s[JB_STAGE_COURT] +
					s[JB_STAGE_OUT_OF_COURT],
				s[JB_STAGE_CHARGED] + s[JB_STAGE_COURT] + s[JB_STAGE_OUT_OF_COURT],
				s[JB_STAGE_CHARGED] + s[JB_STAGE_COURT],
				s[JB_STAGE_COURT],
			};
			for (int k = 0; k < JB_FUNNEL_LEVELS; k++)
				A->funnel[k] = lv[k] / A->known;
		}
		A->has_funnel = A->known >= JB_MIN_FUNNEL;
		if (a == JB_LONDON)
			continue;
		double table[2 * JB_NSTAGES];
		for (int k = 0; k < JB_NSTAGES; k++) {
			table[k] = s[k];
			table[JB_NSTAGES + k] = A->rest_n[k] = d->area[JB_LONDON].stage_n[k] - s[k];
		}
		if (A->known > 0 && jb_chisq_independence(table, 2, JB_NSTAGES, &A->chisq) == 0)
			A->chisq_reliable = A->chisq.min_expected >= 5;
	}
}

/* ---- attrition: the dashboard's positive outcome rate ---- */

static int find_name(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(v[i], s) == 0)
			return (int)i;
	return -1;
}

static void positive_outcomes(struct jb_drivers *d, const struct jb_dataset *ds,
			      const struct jb_findings *f)
{
	const struct jb_dashboard *db = &ds->dash;
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		d->area[a].po_last12 = d->area[a].off_last12 = d->area[a].po_rate12 = NAN;
	if (!ds->has_dash)
		return;
	int off = find_name(db->measures, db->nmeasures, "Offences");
	int pos = find_name(db->measures, db->nmeasures, "Positive Outcomes");
	if (off < 0 || pos < 0)
		return;
	/* The theme's first dashboard measure with positive outcomes. */
	int sub = -1;
	for (size_t k = 0; k < f->theme->ndash && sub < 0; k++) {
		int s = find_name(db->subtypes, db->nsubtypes, f->theme->dash_subtypes[k]);
		for (size_t r = 0; s >= 0 && r < db->nrows; r++)
			if (db->rows[r].subtype == s && db->rows[r].measure == pos) {
				sub = s;
				d->po_measure = f->theme->dash_subtypes[k];
				break;
			}
	}
	if (sub < 0)
		return;
	int first = 0, last = 0;
	for (size_t r = 0; r < db->nrows; r++) {
		const struct jb_dash_row *row = &db->rows[r];
		if (row->subtype != sub || (row->measure != off && row->measure != pos))
			continue;
		if (!first || row->month < first)
			first = row->month;
		if (row->month > last)
			last = row->month;
	}
	int period = jb_findings_period(f);
	if (period && period < last)
		last = period;
	else if (period > last)
		d->po_age = JB_WINDOW_OLDER;
	int nm = last - first + 1;
	if (nm < 12)
		return;
	/* Monthly sums per area; months without a row count 0 (the dashboard
	 * leaves zero rows out). */
	double *mo = xcalloc((size_t)(JB_NBOROUGHS + 1) * (size_t)nm * 2, sizeof *mo);
#define CELL(a, m, which) mo[(((size_t)(a) * (size_t)nm) + (size_t)(m)) * 2 + (which)]
	for (size_t r = 0; r < db->nrows; r++) {
		const struct jb_dash_row *row = &db->rows[r];
		if (row->subtype != sub || row->month < first || row->month > last)
			continue;
		int w = row->measure == off ? 0 : row->measure == pos ? 1 : -1;
		if (w < 0)
			continue;
		CELL(row->borough, row->month - first, w) += row->count;
		CELL(JB_LONDON, row->month - first, w) += row->count;
	}
	d->has_po = 1;
	d->po_first = first + 11;
	d->po_n = (size_t)(nm - 11);
	double rate12[JB_NBOROUGHS];
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		struct jb_drivers_area *A = &d->area[a];
		A->po_rolling = xmalloc(d->po_n * sizeof *A->po_rolling);
		for (size_t i = 0; i < d->po_n; i++) {
			double so = 0, sp = 0;
			for (size_t m = i; m < i + 12; m++) {
				so += CELL(a, m, 0);
				sp += CELL(a, m, 1);
			}
			A->po_rolling[i] = so > 0 ? 100.0 * sp / so : NAN;
			if (i + 1 == d->po_n) {
				A->off_last12 = so;
				A->po_last12 = sp;
				A->po_rate12 = A->po_rolling[i];
			}
		}
		if (a < JB_NBOROUGHS)
			rate12[a] = A->po_rate12;
	}
#undef CELL
	free(mo);
	int high[JB_NBOROUGHS], low[JB_NBOROUGHS];
	for (int b = 0; b < JB_NBOROUGHS; b++)
		if (!isfinite(rate12[b]))
			rate12[b] = NAN;
	jb_ranks_of_all(rate12, JB_NBOROUGHS, 1, high);
	jb_ranks_of_all(rate12, JB_NBOROUGHS, 0, low);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		d->area[b].po_rank = high[b];
		d->area[b].po_rank_low = low[b];
	}
}

struct jb_drivers *jb_drivers_analyse(const struct jb_dataset *ds, const struct jb_findings *f)
{
	struct jb_drivers *d = xcalloc(1, sizeof *d);
	profile(d, ds, f);
	drivers(d, ds, f);
	street_outcomes(d, ds, f);
	positive_outcomes(d, ds, f);
	return d;
}

void jb_drivers_free(struct jb_drivers *d)
{
	if (!d)
		return;
	free(d->lsoa_imd_class);
	free(d->lsoa_rate);
	jb_glm_free(&d->glm);
	for (size_t i = 0; i < d->nunmapped; i++)
		free(d->unmapped[i]);
	free(d->unmapped);
	for (int a = 0; a <= JB_NBOROUGHS; a++)
		free(d->area[a].po_rolling);
	free(d);
}

static void month(FILE *out, int m)
{
	if (m > 0)
		fprintf(out, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
	else
		fputs("-", out);
}

void jb_drivers_dump(const struct jb_drivers *d, const struct jb_dataset *ds, FILE *out)
{
	(void)ds;
	if (!d)
		return;
	fprintf(out, "drivers imd %d breaks", d->has_imd);
	for (int k = 0; k <= JB_IMD_CLASSES; k++)
		fprintf(out, " %.4f", d->imd_breaks[k]);
	fputc('\n', out);
	if (d->has_model) {
		fprintf(out, "drivers model n %zu rate_cap %.4f imd_range %.3f %.3f corr_p_max %.6g "
			"top_domain %d\n", d->n, d->rate_cap, d->imd_min, d->imd_max, d->corr_p_max,
			d->top_domain);
		for (int v = 0; v < JB_DRV_NVARS; v++)
			fprintf(out, "drivers corr \"%s\" spearman %.6f p %.6g pearson %.6f p %.6g\n",
				d->var_names[v], d->spearman[v].r, d->spearman[v].p,
				d->pearson[v].r, d->pearson[v].p);
		if (d->glm.ok) {
			fprintf(out, "drivers glm phi %.4f deviance %.4f iterations %d intercept %.6g\n",
				d->glm.phi, d->glm.deviance, d->glm.iterations, d->glm.coef[0]);
			for (int k = 0; k < JB_DRV_NDOMAINS; k++)
				fprintf(out,
					"drivers glm \"%s\" coef %.6g se %.6g sd %.4f rr_sd %.4f ci %.4f "
					"%.4f p %.6g\n",
					d->var_names[1 + k], d->glm.coef[1 + k], d->glm.se[1 + k],
					d->dom_sd[k], d->rr_sd[k], d->rr_lo[k], d->rr_hi[k], d->rr_p[k]);
		} else {
			fprintf(out, "drivers glm none (%s)\n", d->glm.why);
		}
	} else {
		fprintf(out, "drivers model none (no %s)\n", d->why_no_model);
	}
	fputs("attrition street ", out);
	month(out, d->has_street ? d->street_first : 0);
	fputs(" ", out);
	month(out, d->has_street ? d->street_last : 0);
	fprintf(out, " unmapped %zu\n", d->nunmapped);
	for (size_t i = 0; i < d->nunmapped; i++)
		fprintf(out, "attrition unmapped \"%s\"\n", d->unmapped[i]);
	fprintf(out, "attrition positive_outcomes \"%s\" from ", d->po_measure ? d->po_measure : "-");
	month(out, d->has_po ? d->po_first : 0);
	fprintf(out, " months %zu\n", d->po_n);
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const struct jb_drivers_area *A = &d->area[a];
		const char *code = a == JB_LONDON ? "E12000007" : jb_boroughs[a].code;
		fprintf(out, "drivers area %s lsoas_imd %zu deciles", code, A->nlsoa_imd);
		for (int k = 0; k < 10; k++)
			fprintf(out, " %.0f", A->decile_n[k]);
		fprintf(out, " share_d1 %.4f share_d1_2 %.4f\n", A->share_d1, A->share_d1_2);
		if (d->has_model) {
			const struct jb_curve *c = &A->curve;
			fprintf(out, "  scatter n %zu above_cap %zu", A->nmodel, A->nabove);
			if (c->ok)
				fprintf(out, " curve b0 %.6g b1 %.6g se %.6g rr10 %.4f ci %.4f %.4f\n",
					c->b0, c->b1, c->se_b1, c->rr10, c->rr10_lo, c->rr10_hi);
			else
				fputs(" curve none\n", out);
		}
		if (d->has_street) {
			fprintf(out, "  stages");
			for (int k = 0; k < JB_NSTAGES; k++)
				fprintf(out, " %.0f", A->stage_n[k]);
			fprintf(out, " unknown %.0f unmapped %.0f funnel %d", A->unknown, A->unmapped,
				A->has_funnel);
			if (A->chisq.ok)
				fprintf(out, " chisq %.4f df %d p %.6g min_expected %.3f%s", A->chisq.stat,
					A->chisq.df, A->chisq.p, A->chisq.min_expected,
					A->chisq_reliable ? "" : " unreliable");
			fputc('\n', out);
		}
		if (d->has_po)
			fprintf(out, "  positive_outcomes last12 %.0f offences %.0f rate %.4f rank %d\n",
				A->po_last12, A->off_last12, A->po_rate12, A->po_rank);
	}
}

/* ---- check ---- */

static int is_share(double v)
{
	return isnan(v) || (v >= 0 && v <= 1);
}

static void check_profile(struct jb_check *c, const struct jb_drivers *d,
			  const struct jb_dataset *ds)
{
	for (size_t l = 0; d->has_imd && l < ds->nlsoa; l++)
		if (d->lsoa_imd_class[l] < -1 || d->lsoa_imd_class[l] >= JB_IMD_CLASSES) {
			jb_check_problem(c, "LSOA %s: IMD class %d", ds->lsoa[l].code,
					 d->lsoa_imd_class[l]);
			break;
		}
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const struct jb_drivers_area *A = &d->area[a];
		double n = 0;
		for (int k = 0; k < 10; k++) {
			n += A->decile_n[k];
			if (!is_share(A->decile_share[k]))
				jb_check_problem(c, "area %d: decile %d share %g", a, k + 1,
						 A->decile_share[k]);
		}
		if (n != (double)A->nlsoa_imd || !is_share(A->share_d1) || !is_share(A->share_d1_2) ||
		    A->share_d1 > A->share_d1_2)
			jb_check_problem(c, "area %d: deciles do not add up to its %zu LSOAs", a,
					 A->nlsoa_imd);
	}
}

/* A correlation, a rate ratio and its interval, in range and in order. */
static void check_model(struct jb_check *c, const struct jb_drivers *d)
{
	if (!d->has_model)
		return;
	for (int v = 0; v < JB_DRV_NVARS; v++) {
		const struct jb_corr *r[] = {&d->spearman[v], &d->pearson[v]};
		for (int k = 0; k < 2; k++)
			if (r[k]->ok && (!(fabs(r[k]->r) <= 1 + 1e-12) || !is_share(r[k]->p) ||
					 r[k]->p > d->corr_p_max))
				jb_check_problem(c, "%s: correlation %g, p %g (largest %g)",
						 d->var_names[v], r[k]->r, r[k]->p, d->corr_p_max);
	}
	if (d->top_domain < -1 || d->top_domain >= JB_DRV_NDOMAINS ||
	    (d->top_domain >= 0 && !(d->rr_lo[d->top_domain] > 1)))
		jb_check_problem(c, "top domain %d is not one whose interval is above 1",
				 d->top_domain);
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const struct jb_curve *cv = &d->area[a].curve;
		if (cv->ok && !(cv->rr10_lo <= cv->rr10 && cv->rr10 <= cv->rr10_hi))
			jb_check_problem(c, "area %d: rate ratio %g outside its interval", a,
					 cv->rr10);
	}
}

static void check_attrition(struct jb_check *c, const struct jb_drivers *d)
{
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const struct jb_drivers_area *A = &d->area[a];
		double known = 0;
		for (int s = 0; s < JB_NSTAGES; s++)
			known += A->stage_n[s];
		if (known != A->known || A->has_funnel != (A->known >= JB_MIN_FUNNEL))
			jb_check_problem(c, "area %d: %g crimes in the stages, %g known", a, known,
					 A->known);
		/* each funnel level is within the one before it */
		for (int k = 0; k < JB_FUNNEL_LEVELS; k++)
			if (!is_share(A->funnel[k]) || (k && A->funnel[k] > A->funnel[k - 1]))
				jb_check_problem(c, "area %d: funnel level %d is %g", a, k,
						 A->funnel[k]);
		if (A->chisq.ok && !is_share(A->chisq.p))
			jb_check_problem(c, "area %d: chi-square p %g", a, A->chisq.p);
		if (A->po_rank < 0 || A->po_rank > JB_NBOROUGHS || A->po_rank_low < 0 ||
		    A->po_rank_low > JB_NBOROUGHS || (a == JB_LONDON && A->po_rank))
			jb_check_problem(c, "area %d: positive outcome rank %d", a, A->po_rank);
	}
}

int jb_drivers_check(const struct jb_drivers *d, const struct jb_dataset *ds, FILE *err)
{
	struct jb_check c = {err, "drivers", 0};
	if (!d)
		return 0;
	check_profile(&c, d, ds);
	check_model(&c, d);
	check_attrition(&c, d);
	return c.n;
}

/* ---- the part (analysis/findings.h) ---- */

static void drivers_part_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	f->drivers = jb_drivers_analyse(ds, f);
}

static void drivers_part_dump(const struct jb_findings *f, FILE *out)
{
	jb_drivers_dump(f->drivers, f->ds, out);
}

static int drivers_part_check(const struct jb_findings *f, FILE *err)
{
	return jb_drivers_check(f->drivers, f->ds, err);
}

static void drivers_part_free(struct jb_findings *f)
{
	jb_drivers_free(f->drivers);
}

const struct jb_part jb_drivers_part = {
	.analyse = drivers_part_analyse,
	.dump = drivers_part_dump,
	.check = drivers_part_check,
	.free = drivers_part_free,
};
