/* analysis/stats.h - the statistical building blocks (GSL underneath).
 * Definitions are DESIGN.md section 5; each function says what it returns.
 * Nothing here knows about boroughs, files or slides. */
#ifndef JB_STATS_H
#define JB_STATS_H

#include <stddef.h>

/* Year-on-year change: a = last 12 months, b = previous 12. */
struct jb_change {
	int ok;          /* 0 when a + b == 0 */
	double a, b;
	double pct;      /* 100 (a - b) / b; NAN when b == 0 */
	double p;        /* exact two-sided binomial p, a ~ Bin(a + b, 1/2) */
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

#endif
