#!/usr/bin/python3
"""tests/reference/stats_reference.py - independent reference values for
analysis/stats.c, written as a C table to tests/reference/stats_reference.h.

Run from the repository root:  /usr/bin/python3 tests/reference/stats_reference.py
(needs Debian's python3-scipy, python3-statsmodels, python3-numpy).

Independent of the C code:
  - binomial p: scipy.stats.binomtest(k, n, 0.5), two-sided (exact);
  - Mann-Kendall: S, the tie-corrected variance, the continuity-corrected Z
    and p written out from the textbook formulas (as pymannkendall and R's
    Kendall::MannKendall compute them); tau is Kendall's tau-b of (t, y)
    from scipy.stats.kendalltau;
  - Poisson trend: statsmodels GLM(family=Poisson) on the same design
    (intercept, t = 0..n-1, 11 month-of-year dummies when n >= 24, the
    reference level being y[0]'s calendar month), quasi-Poisson standard
    errors with scale='X2' (phi = Pearson chi2 / (n - p)) when phi > 1, the
    plain Poisson ones otherwise; the fitted-mean band from
    get_prediction(...).summary_frame() at z = 1.96 exactly.

One real series: Hackney, VIOLENCE AGAINST THE PERSON / VIOLENCE WITH INJURY,
the 36 months 2023-03 .. 2026-02, read from
sample-data/crime/mps-borough-level-crime-2010-2024.csv.gz (to 2024-02) and
mps-borough-level-crime-2024-2026.csv.gz (from 2024-03).
"""
import csv
import gzip
import io
import math
import sys

import numpy as np
import scipy.stats as st
import statsmodels.api as sm

Z95 = 1.96
OUT = "tests/reference/stats_reference.h"


def borough_series(major, minor, borough, first, last):
	"""Monthly counts {yyyymm: n} for one borough/category over both files."""
	got = {}
	for path in ("sample-data/crime/mps-borough-level-crime-2010-2024.csv.gz",
		     "sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz"):
		with gzip.open(path, "rt", newline="") as f:
			r = csv.reader(f)
			head = next(r)
			for row in r:
				rec = dict(zip(head, row))
				if (rec["majortext"], rec["minortext"], rec["boroughname"]) != (major, minor, borough):
					continue
				for k, v in rec.items():
					if k.isdigit():
						got[int(k)] = int(v)
	months = []
	y, m = first
	while (y, m) <= last:
		months.append(got[y * 100 + m])
		m += 1
		if m > 12:
			y, m = y + 1, 1
	return months


def mann_kendall(y):
	y = np.asarray(y, float)
	n = len(y)
	s = 0.0
	for i in range(n - 1):
		s += np.sign(y[i + 1:] - y[i]).sum()
	_, t = np.unique(y, return_counts=True)
	var = (n * (n - 1) * (2 * n + 5) - (t * (t - 1) * (2 * t + 5)).sum()) / 18.0
	if s > 0:
		z = (s - 1) / math.sqrt(var)
	elif s < 0:
		z = (s + 1) / math.sqrt(var)
	else:
		z = 0.0
	p = 2 * st.norm.sf(abs(z))
	tau = st.kendalltau(np.arange(n), y).statistic  # tau-b
	return dict(s=s, var_s=var, z=z, p=p, tau=tau)


def design(n, month0):
	seasonal = n >= 24
	cols = [np.ones(n), np.arange(n, dtype=float)]
	if seasonal:
		for k in range(1, 12):
			cols.append(np.array([1.0 if t % 12 == k else 0.0 for t in range(n)]))
	return np.column_stack(cols), seasonal


def poisson_trend(y, month0):
	y = np.asarray(y, float)
	n = len(y)
	X, seasonal = design(n, month0)
	p = X.shape[1]
	model = sm.GLM(y, X, family=sm.families.Poisson())
	plain = model.fit(tol=1e-14, maxiter=200)
	phi = float(np.sum((y - plain.mu) ** 2 / plain.mu) / (n - p))
	res = model.fit(scale="X2", tol=1e-14, maxiter=200) if phi > 1 else plain
	assert abs(res.scale - max(phi, 1.0)) < 1e-9 * max(phi, 1.0)
	b1, se = float(res.params[1]), float(res.bse[1])
	alpha = 2 * st.norm.sf(Z95)  # so that the interval is +-1.96 se exactly
	frame = res.get_prediction(X).summary_frame(alpha=alpha)
	resid = np.asarray(res.resid_pearson) / math.sqrt(max(phi, 1.0))
	return dict(
		seasonal=int(seasonal), b1=b1, se_b1=se,
		annual_pct=100 * (math.exp(12 * b1) - 1),
		annual_lo=100 * (math.exp(12 * (b1 - Z95 * se)) - 1),
		annual_hi=100 * (math.exp(12 * (b1 + Z95 * se)) - 1),
		p=2 * st.norm.sf(abs(b1 / se)), phi=phi,
		fitted=np.asarray(res.mu), lower=np.asarray(frame["mean_ci_lower"]),
		upper=np.asarray(frame["mean_ci_upper"]), resid=resid,
		exception=[int(abs(r) > 3) for r in resid])


def c(v):
	return "%.17g" % v


def arr(name, ctype, vals, fmt=c):
	body = ", ".join(fmt(v) for v in vals)
	return "static const %s %s[] = { %s };\n" % (ctype, name, body)


def main():
	hackney = borough_series("VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY",
				 "Hackney", (2023, 3), (2026, 2))
	assert len(hackney) == 36
	series = [
		# name, values, month0 (calendar month of values[0])
		("hackney_vwi", hackney, 3),
		# made up: ties, a dip and a rise, 12 months (no seasonal terms)
		("ties12", [4, 6, 6, 5, 9, 6, 4, 9, 12, 9, 11, 14], 1),
		# made up: zero-heavy, 18 months
		("sparse18", [0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 3, 0, 1, 0, 0, 2], 7),
		# made up: underdispersed (phi < 1, so the floor applies), seasonal
		("flat26", [20, 21, 19, 20, 22, 20, 19, 21, 20, 20, 21, 22,
			    21, 20, 20, 22, 21, 19, 20, 22, 21, 20, 21, 21, 22, 21], 11),
		# made up: one wild month (an exception), 20 months, falling
		("spike20", [30, 28, 31, 27, 29, 26, 80, 25, 27, 24, 26, 23,
			     24, 22, 25, 21, 23, 20, 22, 19], 4),
	]
	binom = [(0, 1), (1, 1), (3, 10), (5, 10), (7, 10), (0, 25), (25, 25),
		 (120, 200), (1500, 2900), (2, 3), (40, 41), (6000, 12345)]
	a, b = sum(hackney[-12:]), sum(hackney[-24:-12])
	changes = [(a, b), (10, 0), (0, 10), (100, 64), (64, 100), (1, 1), (2250, 2100)]

	o = io.StringIO()
	o.write("/* tests/reference/stats_reference.h - GENERATED by "
		"tests/reference/stats_reference.py\n * (SciPy %s, statsmodels %s, NumPy %s). "
		"Do not edit: rerun the script. */\n\n"
		% (__import__("scipy").__version__, sm.__version__, np.__version__))
	o.write("struct ref_binom { unsigned k, n; double p; };\n")
	o.write("static const struct ref_binom ref_binom[] = {\n")
	for k, n in binom:
		o.write("\t{ %d, %d, %s },\n" % (k, n, c(st.binomtest(k, n, 0.5).pvalue)))
	o.write("};\n\n")

	o.write("struct ref_change { double a, b, pct, p, wheeler_z; int exceptional; };\n")
	o.write("static const struct ref_change ref_change[] = {\n")
	for a_, b_ in changes:
		pct = 100.0 * (a_ - b_) / b_ if b_ else float("nan")
		wz = 2 * (math.sqrt(a_) - math.sqrt(b_))
		pv = st.binomtest(a_, a_ + b_, 0.5).pvalue
		o.write("\t{ %d, %d, %s, %s, %s, %d },\n" % (a_, b_, "NAN" if b_ == 0 else c(pct),
							    c(pv), c(wz), int(abs(wz) > 3)))
	o.write("};\n\n")

	o.write("struct ref_mk { const char *name; const double *y; size_t n; "
		"double s, var_s, z, p, tau; };\n")
	o.write("struct ref_trend {\n\tconst char *name; const double *y; size_t n; int month0;\n"
		"\tint seasonal; double b1, se_b1, annual_pct, annual_lo, annual_hi, p, phi;\n"
		"\tconst double *fitted, *lower, *upper, *resid;\n"
		"\tconst unsigned char *exception; size_t nexceptions;\n};\n\n")
	mks, trends = [], []
	for name, y, m0 in series:
		o.write(arr("y_%s" % name, "double", y, lambda v: "%d" % v))
		mk = mann_kendall(y)
		mks.append("\t{ \"%s\", y_%s, %d, %s, %s, %s, %s, %s },\n"
			   % (name, name, len(y), c(mk["s"]), c(mk["var_s"]), c(mk["z"]),
			      c(mk["p"]), c(mk["tau"])))
		t = poisson_trend(y, m0)
		for part in ("fitted", "lower", "upper", "resid"):
			o.write(arr("%s_%s" % (part, name), "double", t[part]))
		o.write(arr("exception_%s" % name, "unsigned char", t["exception"],
			    lambda v: "%d" % v))
		trends.append("\t{ \"%s\", y_%s, %d, %d,\n\t  %d, %s, %s, %s, %s, %s, %s, %s,\n"
			      "\t  fitted_%s, lower_%s, upper_%s, resid_%s, exception_%s, %d },\n"
			      % (name, name, len(y), m0, t["seasonal"], c(t["b1"]), c(t["se_b1"]),
				 c(t["annual_pct"]), c(t["annual_lo"]), c(t["annual_hi"]),
				 c(t["p"]), c(t["phi"]), name, name, name, name, name,
				 sum(t["exception"])))
		o.write("\n")
	o.write("static const struct ref_mk ref_mk[] = {\n%s};\n\n" % "".join(mks))
	o.write("static const struct ref_trend ref_trend[] = {\n%s};\n" % "".join(trends))
	with open(OUT, "w") as f:
		f.write(o.getvalue())
	print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
	main()
