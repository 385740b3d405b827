/* analysis/stats.c - change tests, Mann-Kendall and the Poisson trend
 * (DESIGN.md section 5), on top of GSL. */
#include "stats.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_vector.h>

#include "../util/xalloc.h"

#define Z95 1.96          /* DESIGN: "95% CI from b1 +- 1.96 se" */
#define IRLS_MAXIT 100
#define IRLS_TOL 1e-10    /* relative change of every coefficient */
#define MU_FLOOR 1e-8     /* a fitted mean this small means no finite MLE */

/* ---- change ---- */

double jb_binom_test_half(unsigned k, unsigned n)
{
	if (k > n)
		return NAN;
	if (n == 0)
		return 1.0;
	double lo = gsl_cdf_binomial_P(k, 0.5, n);                    /* P(X <= k) */
	double hi = k ? gsl_cdf_binomial_Q(k - 1, 0.5, n) : 1.0;      /* P(X >= k) */
	double p = 2.0 * fmin(lo, hi);
	return p > 1.0 ? 1.0 : p;
}

static int is_count(double v)
{
	return isfinite(v) && v >= 0 && v <= 4e9 && v == floor(v);
}

void jb_change_compute(double a, double b, struct jb_change *out)
{
	memset(out, 0, sizeof *out);
	out->a = a;
	out->b = b;
	out->pct = NAN;
	out->p = NAN;
	out->wheeler_z = NAN;
	if (!is_count(a) || !is_count(b) || a + b == 0)
		return;
	out->ok = 1;
	if (b > 0)
		out->pct = 100.0 * (a - b) / b;
	out->p = jb_binom_test_half((unsigned)a, (unsigned)(a + b));
	out->significant = out->p < JB_ALPHA;
	out->wheeler_z = 2.0 * (sqrt(a) - sqrt(b));
	out->exceptional = fabs(out->wheeler_z) > 3.0;
}

/* ---- Mann-Kendall ---- */

int jb_mann_kendall(const double *y, size_t n, struct jb_mk *out)
{
	memset(out, 0, sizeof *out);
	if (n < 3)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isfinite(y[i]))
			return -1;

	double s = 0;
	for (size_t i = 0; i + 1 < n; i++)
		for (size_t j = i + 1; j < n; j++)
			s += (y[j] > y[i]) - (y[j] < y[i]);

	/* Ties: groups of equal values, found by sorting a copy. */
	double *v = xmalloc(n * sizeof *v);
	memcpy(v, y, n * sizeof *v);
	gsl_sort(v, 1, n);
	double tievar = 0, tiepairs = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && v[j] == v[i])
			j++;
		double t = (double)(j - i);
		tievar += t * (t - 1) * (2 * t + 5);
		tiepairs += t * (t - 1) / 2;
		i = j;
	}
	free(v);

	double dn = (double)n;
	double pairs = dn * (dn - 1) / 2;
	out->s = s;
	out->var_s = (dn * (dn - 1) * (2 * dn + 5) - tievar) / 18.0;
	if (out->var_s > 0 && s != 0)
		out->z = (s - (s > 0 ? 1 : -1)) / sqrt(out->var_s);
	out->p = 2.0 * gsl_cdf_ugaussian_Q(fabs(out->z));
	if (out->p > 1.0)
		out->p = 1.0;
	if (pairs > tiepairs)
		out->tau = s / sqrt(pairs * (pairs - tiepairs));
	return 0;
}

/* ---- Poisson trend ---- */

static int refuse(struct jb_trend *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int refuse(struct jb_trend *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->why, sizeof out->why, fmt, ap);
	va_end(ap);
	out->ok = 0;
	return -1;
}

/* Checks that make the maximum likelihood fit exist; 0 when fine. */
static int check_series(const double *y, size_t n, int month0, int seasonal,
			struct jb_trend *out)
{
	if (n < 6)
		return refuse(out, "only %zu months of counts (a trend needs at least 6)", n);
	if (month0 < 1 || month0 > 12)
		return refuse(out, "first month %d is not a calendar month 1..12", month0);
	double total = 0;
	for (size_t t = 0; t < n; t++) {
		if (!isfinite(y[t]))
			return refuse(out, "month %zu of %zu is not a number", t + 1, n);
		if (y[t] < 0)
			return refuse(out, "month %zu of %zu has a negative count (%g)",
				      t + 1, n, y[t]);
		total += y[t];
	}
	if (total <= 0)
		return refuse(out, "all %zu months are zero: no trend to fit", n);
	if (seasonal) {
		for (int k = 0; k < 12; k++) {
			double sum = 0;
			for (size_t t = (size_t)k; t < n; t += 12)
				sum += y[t];
			if (sum <= 0)
				return refuse(out, "calendar month %d has no counts in any year, "
					      "so its seasonal term cannot be estimated",
					      (month0 - 1 + k) % 12 + 1);
		}
	}
	return 0;
}

static gsl_matrix *design(size_t n, int seasonal)
{
	size_t p = seasonal ? 13 : 2;
	gsl_matrix *X = gsl_matrix_calloc(n, p);
	if (!X)
		die("out of memory");
	for (size_t t = 0; t < n; t++) {
		gsl_matrix_set(X, t, 0, 1.0);
		gsl_matrix_set(X, t, 1, (double)t);
		if (seasonal && t % 12)
			gsl_matrix_set(X, t, 1 + t % 12, 1.0);
	}
	return X;
}

/* x_t' A x_t for row t of X. */
static double quad_row(const gsl_matrix *X, size_t t, const gsl_matrix *A)
{
	double q = 0;
	for (size_t i = 0; i < X->size2; i++)
		for (size_t j = 0; j < X->size2; j++)
			q += gsl_matrix_get(X, t, i) * gsl_matrix_get(A, i, j) *
			     gsl_matrix_get(X, t, j);
	return q;
}

/* IRLS for the Poisson log-linear model. On return mu holds the fitted means,
 * c the coefficients, cov the unscaled (X' W X)^-1 at the fit. Returns the
 * number of iterations; -1 when it did not converge, -2 when some fitted
 * mean went to zero (the likelihood has no finite maximum). */
static int irls(const gsl_matrix *X, const double *y, gsl_vector *c,
		gsl_matrix *cov, double *mu)
{
	size_t n = X->size1, p = X->size2;
	gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc(n, p);
	gsl_vector *w = gsl_vector_alloc(n), *z = gsl_vector_alloc(n);
	gsl_vector *old = gsl_vector_alloc(p);
	if (!ws || !w || !z || !old)
		die("out of memory");

	for (size_t t = 0; t < n; t++)
		mu[t] = y[t] + 0.1; /* R's glm starting values for poisson */
	gsl_vector_set_all(c, 0);
	int rc = -1; /* until converged */
	for (int it = 1; it <= IRLS_MAXIT && rc == -1; it++) {
		for (size_t t = 0; t < n; t++) {
			double eta = log(mu[t]);
			gsl_vector_set(z, t, eta + (y[t] - mu[t]) / mu[t]);
			gsl_vector_set(w, t, mu[t]);
		}
		gsl_vector_memcpy(old, c);
		double chisq;
		gsl_multifit_wlinear(X, w, z, c, cov, &chisq, ws);
		int moved = 0;
		for (size_t j = 0; j < p; j++) {
			double cj = gsl_vector_get(c, j);
			if (!(fabs(cj - gsl_vector_get(old, j)) <= IRLS_TOL * (1 + fabs(cj))))
				moved = 1; /* also when cj is not finite */
		}
		for (size_t t = 0; t < n; t++) {
			gsl_vector_const_view row = gsl_matrix_const_row(X, t);
			double eta;
			gsl_blas_ddot(&row.vector, c, &eta);
			mu[t] = exp(eta);
			if (!(mu[t] >= MU_FLOOR)) /* heading for -infinity, or NaN */
				rc = -2;
		}
		if (rc == -1 && !moved)
			rc = it;
	}
	gsl_vector_free(old);
	gsl_vector_free(z);
	gsl_vector_free(w);
	gsl_multifit_linear_free(ws);
	return rc;
}

int jb_poisson_trend(const double *y, size_t n, int month0, struct jb_trend *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	out->seasonal = n >= 24;
	out->phi = NAN;
	out->mk_ok = y && jb_mann_kendall(y, n, &out->mk) == 0;
	if (!y)
		return refuse(out, "no series");
	if (check_series(y, n, month0, out->seasonal, out))
		return -1;

	gsl_matrix *X = design(n, out->seasonal);
	size_t p = X->size2;
	gsl_vector *c = gsl_vector_alloc(p);
	gsl_matrix *cov = gsl_matrix_alloc(p, p);
	if (!c || !cov)
		die("out of memory");
	double *mu = xmalloc(n * sizeof *mu);
	int it = irls(X, y, c, cov, mu);
	int rc = -1;
	if (it == -2) {
		refuse(out, "the counts are too sparse for a trend "
		       "(some fitted mean tends to zero)");
		goto done;
	}
	if (it < 0) {
		refuse(out, "the Poisson fit did not converge in %d iterations", IRLS_MAXIT);
		goto done;
	}

	double chi2 = 0;
	for (size_t t = 0; t < n; t++)
		chi2 += (y[t] - mu[t]) * (y[t] - mu[t]) / mu[t];
	out->phi = chi2 / (double)(n - p);
	double phi = fmax(out->phi, 1.0);
	gsl_matrix_scale(cov, phi);

	out->ok = 1;
	out->iterations = it;
	out->b1 = gsl_vector_get(c, 1);
	out->se_b1 = sqrt(gsl_matrix_get(cov, 1, 1));
	out->annual_pct = 100.0 * expm1(12.0 * out->b1);
	out->annual_lo = 100.0 * expm1(12.0 * (out->b1 - Z95 * out->se_b1));
	out->annual_hi = 100.0 * expm1(12.0 * (out->b1 + Z95 * out->se_b1));
	out->significant = out->annual_lo > 0 || out->annual_hi < 0;
	out->p = 2.0 * gsl_cdf_ugaussian_Q(fabs(out->b1 / out->se_b1));

	out->fitted = mu;
	mu = NULL;
	out->lower = xmalloc(n * sizeof *out->lower);
	out->upper = xmalloc(n * sizeof *out->upper);
	out->resid = xmalloc(n * sizeof *out->resid);
	out->exception = xcalloc(n, 1);
	for (size_t t = 0; t < n; t++) {
		double m = out->fitted[t], eta = log(m);
		double se = sqrt(quad_row(X, t, cov));
		out->lower[t] = exp(eta - Z95 * se);
		out->upper[t] = exp(eta + Z95 * se);
		out->resid[t] = (y[t] - m) / sqrt(phi * m);
		if (fabs(out->resid[t]) > 3.0) {
			out->exception[t] = 1;
			out->nexceptions++;
		}
	}
	rc = 0;
done:
	free(mu);
	gsl_matrix_free(cov);
	gsl_vector_free(c);
	gsl_matrix_free(X);
	return rc;
}

void jb_trend_free(struct jb_trend *t)
{
	if (!t)
		return;
	free(t->fitted);
	free(t->lower);
	free(t->upper);
	free(t->resid);
	free(t->exception);
	t->fitted = t->lower = t->upper = t->resid = NULL;
	t->exception = NULL;
}

/* ---- correlation ---- */

static int corr_fail(struct jb_corr *out)
{
	out->ok = 0;
	out->r = out->p = NAN;
	return -1;
}

static int corr_check(const double *x, const double *y, size_t n, struct jb_corr *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	if (n < 3)
		return corr_fail(out);
	int xvar = 0, yvar = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(x[i]) || !isfinite(y[i]))
			return corr_fail(out);
		xvar |= x[i] != x[0];
		yvar |= y[i] != y[0];
	}
	return xvar && yvar ? 0 : corr_fail(out);
}

/* Two-sided p of r on n - 2 df (t test). */
static void corr_p(struct jb_corr *out)
{
	double r = out->r, df = (double)out->n - 2;
	out->ok = 1;
	if (!(fabs(r) < 1)) {
		out->p = 0;
	} else {
		double t = fabs(r) * sqrt(df / ((1 - r) * (1 + r)));
		out->p = fmin(2.0 * gsl_cdf_tdist_Q(t, df), 1);
	}
	out->significant = out->p < JB_ALPHA;
}

int jb_pearson(const double *x, const double *y, size_t n, struct jb_corr *out)
{
	if (corr_check(x, y, n, out))
		return -1;
	out->r = gsl_stats_correlation(x, 1, y, 1, n);
	corr_p(out);
	return 0;
}

int jb_spearman(const double *x, const double *y, size_t n, struct jb_corr *out)
{
	if (corr_check(x, y, n, out))
		return -1;
	double *work = xmalloc(2 * n * sizeof *work);
	out->r = gsl_stats_spearman(x, 1, y, 1, n, work);
	free(work);
	corr_p(out);
	return 0;
}

/* ---- Poisson GLM with an offset ---- */

static int glm_refuse(struct jb_glm *out, const char *why)
{
	snprintf(out->why, sizeof out->why, "%s", why);
	out->ok = 0;
	return -1;
}

int jb_poisson_glm(const double *X, size_t n, size_t p, const double *y,
		   const double *offset, struct jb_glm *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	out->p = p;
	out->phi = out->deviance = NAN;
	if (p == 0 || n <= p)
		return glm_refuse(out, "fewer observations than coefficients");
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(y[i]) || y[i] < 0 || (offset && !isfinite(offset[i])))
			return glm_refuse(out, "a count is negative or not a number, or an "
					  "offset is not finite");
		for (size_t j = 0; j < p; j++)
			if (!isfinite(X[i * p + j]))
				return glm_refuse(out, "a covariate is not a number");
		total += y[i];
	}
	if (total <= 0)
		return glm_refuse(out, "all counts are zero");

	gsl_matrix_const_view Xv = gsl_matrix_const_view_array(X, n, p);
	gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc(n, p);
	gsl_vector *w = gsl_vector_alloc(n), *z = gsl_vector_alloc(n);
	gsl_vector *c = gsl_vector_calloc(p), *old = gsl_vector_alloc(p);
	gsl_matrix *cov = gsl_matrix_alloc(p, p);
	if (!ws || !w || !z || !c || !old || !cov)
		die("out of memory");
	double *mu = xmalloc(n * sizeof *mu);
	for (size_t i = 0; i < n; i++)
		mu[i] = y[i] + 0.1; /* R's glm starting values for poisson */
	int rc = -1;
	for (int it = 1; it <= IRLS_MAXIT && rc == -1; it++) {
		for (size_t i = 0; i < n; i++) {
			double off = offset ? offset[i] : 0;
			gsl_vector_set(z, i, log(mu[i]) - off + (y[i] - mu[i]) / mu[i]);
			gsl_vector_set(w, i, mu[i]);
		}
		gsl_vector_memcpy(old, c);
		double chisq;
		gsl_multifit_wlinear(&Xv.matrix, w, z, c, cov, &chisq, ws);
		int moved = 0;
		for (size_t j = 0; j < p; j++) {
			double cj = gsl_vector_get(c, j);
			if (!(fabs(cj - gsl_vector_get(old, j)) <= IRLS_TOL * (1 + fabs(cj))))
				moved = 1;
		}
		for (size_t i = 0; i < n; i++) {
			gsl_vector_const_view row = gsl_matrix_const_row(&Xv.matrix, i);
			double eta;
			gsl_blas_ddot(&row.vector, c, &eta);
			mu[i] = exp(eta + (offset ? offset[i] : 0));
			if (!(mu[i] > 0)) /* underflow or NaN */
				rc = -2;
		}
		if (rc == -1 && !moved)
			rc = it;
	}
	if (rc == -2)
		glm_refuse(out, "some fitted mean tends to zero (no finite maximum)");
	else if (rc < 0)
		glm_refuse(out, "the Poisson fit did not converge");
	else {
		double chi2 = 0, dev = 0;
		for (size_t i = 0; i < n; i++) {
			chi2 += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
			dev += (y[i] > 0 ? y[i] * log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
		}
		out->ok = 1;
		out->iterations = rc;
		out->phi = chi2 / (double)(n - p);
		out->deviance = 2 * dev;
		double scale = fmax(out->phi, 1.0);
		out->coef = xmalloc(p * sizeof *out->coef);
		out->se = xmalloc(p * sizeof *out->se);
		for (size_t j = 0; j < p; j++) {
			out->coef[j] = gsl_vector_get(c, j);
			out->se[j] = sqrt(gsl_matrix_get(cov, j, j) * scale);
		}
		rc = 0;
	}
	free(mu);
	gsl_matrix_free(cov);
	gsl_vector_free(old);
	gsl_vector_free(c);
	gsl_vector_free(z);
	gsl_vector_free(w);
	gsl_multifit_linear_free(ws);
	return out->ok ? 0 : -1;
}

void jb_glm_free(struct jb_glm *g)
{
	if (!g)
		return;
	free(g->coef);
	free(g->se);
	g->coef = g->se = NULL;
}

/* ---- chi-square test of independence ---- */

int jb_chisq_independence(const double *table, size_t r, size_t c, struct jb_chisq *out)
{
	memset(out, 0, sizeof *out);
	out->stat = out->p = out->min_expected = NAN;
	double *row = xcalloc(r ? r : 1, sizeof *row), *col = xcalloc(c ? c : 1, sizeof *col);
	double total = 0;
	int bad = 0;
	for (size_t i = 0; i < r; i++)
		for (size_t j = 0; j < c; j++) {
			double v = table[i * c + j];
			if (!isfinite(v) || v < 0)
				bad = 1;
			row[i] += v;
			col[j] += v;
			total += v;
		}
	size_t rr = 0, cc = 0;
	for (size_t i = 0; i < r; i++)
		rr += row[i] > 0;
	for (size_t j = 0; j < c; j++)
		cc += col[j] > 0;
	if (!bad && rr >= 2 && cc >= 2) {
		double stat = 0, minexp = INFINITY;
		for (size_t i = 0; i < r; i++)
			for (size_t j = 0; j < c; j++) {
				if (row[i] <= 0 || col[j] <= 0)
					continue;
				double e = row[i] * col[j] / total, d = table[i * c + j] - e;
				stat += d * d / e;
				minexp = fmin(minexp, e);
			}
		out->ok = 1;
		out->stat = stat;
		out->df = (int)((rr - 1) * (cc - 1));
		out->p = gsl_cdf_chisq_Q(stat, out->df);
		out->significant = out->p < JB_ALPHA;
		out->min_expected = minexp;
	}
	free(row);
	free(col);
	return out->ok ? 0 : -1;
}

int jb_ranks_of_all(const double *key, size_t n, int desc, int *rank)
{
	int ranked = jb_competition_ranks(key, n, desc, rank);
	if ((size_t)ranked == n)
		return ranked;
	for (size_t i = 0; i < n; i++)
		rank[i] = 0;
	return 0;
}

struct ranked_key {
	double key;
	size_t i;
};

static int by_key(const void *x, const void *y)
{
	const struct ranked_key *a = x, *b = y;
	return (a->key > b->key) - (a->key < b->key);
}

/* Sorted once: a key's rank is 1 + the number of keys better than it,
 * the start of its run of equals in the order best first. */
int jb_competition_ranks(const double *key, size_t n, int desc, int *rank)
{
	struct ranked_key *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		rank[i] = 0;
		if (!isnan(key[i]))
			v[m++] = (struct ranked_key){desc ? -key[i] : key[i], i};
	}
	qsort(v, m, sizeof *v, by_key);
	for (size_t k = 0, first = 0; k < m; k++) {
		if (k > 0 && v[k].key != v[k - 1].key)
			first = k;
		rank[v[k].i] = (int)first + 1;
	}
	free(v);
	return (int)m;
}
