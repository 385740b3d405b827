/* analysis/stats.h - the statistical building blocks (GSL underneath).
 * Definitions are DESIGN.md section 5; each function says what it returns.
 * Nothing here knows about boroughs, files or slides. Every function works
 * only on its arguments (no state kept between calls), so any number of
 * threads may call them at once, each with its own results. */
#ifndef JB_STATS_H
#define JB_STATS_H

#include <stddef.h>

/* The significance level of every test the pack reports: a result with
 * p < JB_ALPHA is "statistically significant". Each result below carries
 * that judgement as `significant`, so no later stage compares a p. */
#include "../util/alpha.h"

/* Year-on-year change: a = last 12 months, b = previous 12. */
struct jb_change {
	int ok;          /* 0 when a + b == 0 */
	double a, b;
	double pct;      /* 100 (a - b) / b; NAN when b == 0 */
	double p;        /* exact two-sided binomial p, a ~ Bin(a + b, 1/2) */
	int significant; /* p < JB_ALPHA */
	double wheeler_z;/* 2 (sqrt a - sqrt b) */
	int exceptional; /* |wheeler_z| > 3 */
};
void jb_change_compute(double a, double b, struct jb_change *out);

/* Exact two-sided binomial test of k successes in n trials, p = 1/2:
 * min(1, 2 min(P(X <= k), P(X >= k))). 1 when n == 0, NAN when k > n. */
double jb_binom_test_half(unsigned k, unsigned n);

/* Mann-Kendall trend test with the tie correction of the variance and the
 * continuity correction of Z (as R's Kendall::MannKendall / pymannkendall).
 * tau is Kendall's tau-b of (time, y), as R's Kendall reports (time has no
 * ties, so only ties in y enter the denominator); 0 for a constant series,
 * whose z is 0 and p 1. Needs n >= 3 finite values; returns 0 on success,
 * -1 (out zeroed) when n < 3 or some value is NaN or infinite. */
struct jb_mk {
	double s, var_s, z, p, tau;
};
int jb_mann_kendall(const double *y, size_t n, struct jb_mk *out);

/* Poisson trend: log mu_t = b0 + b1 t + month-of-year terms (11 dummies
 * when seasonal, reference = the first month's calendar month), fitted by
 * IRLS (gsl_multifit_wlinear). Overdispersion phi = Pearson chi2 / (n - p),
 * floored at 1, scales the covariance. */
struct jb_trend {
	int ok;
	char why[160];    /* when !ok: why no trend was fitted */
	size_t n;         /* months */
	int seasonal;
	int iterations;
	double b1, se_b1; /* per month, log scale; se scaled by sqrt(phi) */
	double annual_pct, annual_lo, annual_hi; /* 100 (exp(12 b1) - 1), 95% CI */
	int significant;  /* the 95% interval excludes no change */
	double p;         /* two-sided normal p for b1 = 0 */
	double phi;       /* Pearson chi2 / (n - p), before flooring */
	double *fitted;   /* [n] fitted means */
	double *lower, *upper; /* [n] 95% confidence band of the fitted mean */
	double *resid;    /* [n] Pearson residuals (y - mu) / sqrt(phi_used mu) */
	unsigned char *exception; /* [n] |resid| > 3 */
	size_t nexceptions;
	struct jb_mk mk;  /* Mann-Kendall on the same series */
	int mk_ok;
};
/* month0 is the calendar month (1..12) of y[0]. Needs n >= 6 finite,
 * non-negative counts with a positive total, and (when seasonal) some count
 * in every calendar month; seasonal terms only when n >= 24. Returns 0 when
 * fitted; otherwise -1 with out->why set and the arrays NULL (mk/mk_ok are
 * still filled when the series allows). Caller frees the arrays with
 * jb_trend_free() (safe on NULL and on a failed fit). */
int jb_poisson_trend(const double *y, size_t n, int month0, struct jb_trend *out);
void jb_trend_free(struct jb_trend *t);

/* ---- correlation, Poisson GLM, chi-square (general tools) ---- */

/* Correlation of n pairs (x[i], y[i]), all finite. Pearson's r
 * (gsl_stats_correlation) or Spearman's rho (gsl_stats_spearman: Pearson's r
 * of the ranks, ties given their average rank), with the two-sided p of the
 * t test t = r sqrt((n - 2) / (1 - r^2)) on n - 2 degrees of freedom, as
 * scipy.stats.pearsonr / spearmanr report. Returns 0, or -1 (out->ok = 0,
 * r and p NAN) when n < 3, a value is not finite or a variable is
 * constant. */
struct jb_corr {
	int ok;
	size_t n;
	double r, p;
	int significant; /* p < JB_ALPHA */
};
int jb_pearson(const double *x, const double *y, size_t n, struct jb_corr *out);
int jb_spearman(const double *x, const double *y, size_t n, struct jb_corr *out);

/* Poisson regression log mu_i = offset_i + x_i' b by IRLS
 * (gsl_multifit_wlinear), x_i row i of the n x p row-major X (the caller
 * puts in the intercept column). offset may be NULL (zero). Overdispersion
 * phi = Pearson chi2 / (n - p); the standard errors are scaled by
 * sqrt(max(phi, 1)), as the trend's are. Returns 0 when fitted; otherwise
 * -1 with out->why and the arrays NULL. Caller frees with jb_glm_free()
 * (NULL and failed fits are safe). */
struct jb_glm {
	int ok;
	char why[160];
	size_t n, p;
	int iterations;
	double *coef; /* [p] */
	double *se;   /* [p] scaled */
	double phi;   /* before flooring */
	double deviance;
};
int jb_poisson_glm(const double *X, size_t n, size_t p, const double *y,
		   const double *offset, struct jb_glm *out);
void jb_glm_free(struct jb_glm *g);

/* Pearson chi-square test of independence of an r x c table of counts
 * (row-major), without continuity correction (scipy's chi2_contingency with
 * correction=False). Rows and columns whose total is zero are left out
 * first; df = (r' - 1)(c' - 1) over what is left. min_expected is the
 * smallest expected count (the usual rule asks for >= 5). Returns 0, or -1
 * (ok = 0) when fewer than two rows or columns are left or a count is
 * negative or not finite. */
struct jb_chisq {
	int ok;
	double stat, p;
	int significant; /* p < JB_ALPHA */
	int df;
	double min_expected;
};
int jb_chisq_independence(const double *table, size_t r, size_t c, struct jb_chisq *out);

/* Competition ranks (1, 2, 2, 4) of n keys, larger first when desc; NAN
 * keys get rank 0 and are not counted. Returns how many were ranked. */
int jb_competition_ranks(const double *key, size_t n, int desc, int *rank);
/* The same, but only when every one of the n keys is there: a rank is
 * "of the 32", and when some borough has no figure (cut out of a file
 * cut short, no population to divide by) the first of the 20 that are
 * would read as the first of 32. Otherwise every rank is 0 and it
 * returns 0. */
int jb_ranks_of_all(const double *key, size_t n, int desc, int *rank);

#endif
