#!/usr/bin/python3
"""tests/reference/drivers_reference.py - independent reference values for
analysis/drivers.c and the correlation / GLM / chi-square tools of
analysis/stats.c, written as a C table to tests/reference/drivers_reference.h,
and the street-outcomes fixture tests/fixtures/drivers/street.csv.

Run from the repository root:  /usr/bin/python3 tests/reference/drivers_reference.py
(needs Debian's python3-scipy, python3-statsmodels, python3-numpy, python3-pandas).

Independent of the C code, straight from the files in sample-data/:
  - LSOA counts: crime/mps-lsoa-level-crime-2024-2026.csv.gz, the serious
    youth violence categories (VIOLENCE AGAINST THE PERSON / VIOLENCE WITH
    INJURY and HOMICIDE, ROBBERY / ROBBERY OF PERSONAL PROPERTY, every
    POSSESSION OF WEAPONS), summed over 202503..202602 (the last 12 months);
    an LSOA with no row counts 0;
  - residents: population/census2021-lsoa21-age6-london.csv.gz summed over
    the age bands; the borough is the LSOA name without its " 001A" suffix
    (the C code takes it from the boundary file's LAD22CD instead);
  - IMD and domain scores: deprivation/imd2025-lsoa21-london.csv.gz;
  - the LSOAs used: the 32 boroughs' (not the City of London) with residents
    > 0 and every score; rate = count / residents * 1000;
  - scipy.stats.spearmanr / pearsonr of the rate with the IMD score and the
    six domains other than crime;
  - statsmodels GLM Poisson, offset log(residents), scale='X2' (phi > 1
    here), of the counts on the six domain scores; and of the counts on the
    IMD score alone, for London and for Hackney;
  - scipy.stats.chi2_contingency(correction=False) on the fixture's stage
    counts (Hackney against the other boroughs) and on small tables;
  - the dashboard's positive outcome rate: crime/mps-monthly-crime-dashboard
    .csv.gz, area_type Borough, crime_subtype "Knife Crime", measures
    "Positive Outcomes" and "Offences" summed over 2025-03..2026-02.
"""
import csv
import gzip
import io
import math
import os
import sys

import numpy as np
import pandas as pd
import scipy.stats as st
import statsmodels.api as sm

OUT = "tests/reference/drivers_reference.h"
FIXTURE = "tests/fixtures/drivers/street.csv"
MONTHS = ["%d%02d" % (2025, m) for m in range(3, 13)] + ["202601", "202602"]
DOMAINS = ["Income", "Employment", "Education", "Health", "Housing_and_Services",
	   "Environment"]


def theme(major, minor):
	return ((major == "VIOLENCE AGAINST THE PERSON" and minor in
		 ("VIOLENCE WITH INJURY", "HOMICIDE")) or
		(major == "ROBBERY" and minor == "ROBBERY OF PERSONAL PROPERTY") or
		major == "POSSESSION OF WEAPONS")


def lsoa_table():
	crime = pd.read_csv("sample-data/crime/mps-lsoa-level-crime-2024-2026.csv.gz",
			    dtype={m: float for m in MONTHS})
	keep = [theme(a, b) for a, b in zip(crime["major_category"], crime["minor_category"])]
	crime = crime[keep]
	counts = crime.groupby("lsoa_code")[MONTHS].sum().sum(axis=1)
	cen = pd.read_csv("sample-data/population/census2021-lsoa21-age6-london.csv.gz")
	res = cen.groupby(["lsoa21_code", "lsoa21_name"])["usual_residents"].sum().reset_index()
	res["borough"] = res["lsoa21_name"].str.replace(r" [0-9]{3}[A-Z]$", "", regex=True)
	res = res[res["borough"] != "City of London"]
	imd = pd.read_csv("sample-data/deprivation/imd2025-lsoa21-london.csv.gz")
	t = res.merge(imd, left_on="lsoa21_code", right_on="lsoa21_code")
	t = t[t["usual_residents"] > 0]
	cols = ["IMD_score"] + ["%s_score" % d for d in DOMAINS]
	t = t.dropna(subset=cols)
	t["count"] = t["lsoa21_code"].map(counts).fillna(0.0)
	t["rate"] = t["count"] / t["usual_residents"] * 1000.0
	assert t["borough"].nunique() == 32, t["borough"].unique()
	return t.sort_values("lsoa21_code").reset_index(drop=True)


def glm(t, cols):
	X = sm.add_constant(t[cols].to_numpy(float), has_constant="add")
	model = sm.GLM(t["count"].to_numpy(float), X, family=sm.families.Poisson(),
		       offset=np.log(t["usual_residents"].to_numpy(float)))
	plain = model.fit(tol=1e-14, maxiter=300)
	n, p = X.shape
	phi = float(np.sum((plain.model.endog - plain.mu) ** 2 / plain.mu) / (n - p))
	res = model.fit(scale="X2", tol=1e-14, maxiter=300) if phi > 1 else plain
	return res, phi


def c(v):
	return "%.17g" % v


def street_fixture():
	"""Stage counts by borough: made up, written with real outcome strings."""
	hackney = ["E01001714", "E01001715"]
	others = ["E01000007", "E01002704", "E01004646"]  # Barking and Dagenham, Islington, Westminster
	outcomes = [
		("Investigation complete; no suspect identified", 0),
		("Under investigation", 0),
		("Unable to prosecute suspect", 1),
		("Formal action is not in the public interest", 1),
		("Awaiting court outcome", 2),
		("Court result unavailable", 2),
		("Offender sent to prison", 3),
		("Offender fined", 3),
		("Offender given a caution", 4),
		("Local resolution", 4),
	]
	want = {"hackney": [40, 25, 12, 9, 6], "rest": [300, 150, 60, 40, 50]}
	rows = []
	for who, codes in (("hackney", hackney), ("rest", others)):
		k = 0
		for stage, n in enumerate(want[who]):
			names = [o for o, s in outcomes if s == stage]
			for i in range(n):
				code = codes[k % len(codes)]
				month = "2025-%02d" % (1 + k % 12)
				rows.append([month, "Metropolitan Police Service", code,
					     "Violence and sexual offences", names[i % len(names)]])
				k += 1
	# Not counted: another crime type, unknown stages, an unmapped string,
	# a month before the 12-month window, a row outside London.
	rows.append(["2025-06", "Metropolitan Police Service", hackney[0], "Burglary",
		     "Offender sent to prison"])
	rows.append(["2025-06", "Metropolitan Police Service", hackney[0],
		     "Violence and sexual offences", "Status update unavailable"])
	rows.append(["2025-07", "Metropolitan Police Service", hackney[1],
		     "Violence and sexual offences", ""])
	rows.append(["2025-08", "Metropolitan Police Service", hackney[1], "Robbery",
		     "Offender given a made-up disposal"])
	rows.append(["2024-12", "Metropolitan Police Service", hackney[0],
		     "Possession of weapons", "Offender sent to prison"])
	os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
	with open(FIXTURE, "w", newline="") as f:
		w = csv.writer(f, lineterminator="\n")
		w.writerow(["Crime ID", "Month", "Reported by", "Falls within", "Longitude",
			    "Latitude", "Location", "LSOA code", "LSOA name", "Crime type",
			    "Last outcome category", "Context"])
		for i, (month, force, code, ctype, outcome) in enumerate(rows):
			w.writerow(["%064x" % (i + 1), month, force, force, "-0.0700", "51.5450",
				    "On or near Mare Street", code, "", ctype, outcome, ""])
	return [want["hackney"], want["rest"]]


def dashboard_rate(borough):
	off = pos = 0.0
	with gzip.open("sample-data/crime/mps-monthly-crime-dashboard.csv.gz", "rt",
		       newline="") as f:
		for r in csv.DictReader(f):
			if r["area_type"] != "Borough" or r["area_name"] != borough:
				continue
			if r["crime_subtype"] != "Knife Crime":
				continue
			if not ("2025-03" <= r["month_year"][:7] <= "2026-02"):
				continue
			if r["measure"] == "Offences":
				off += float(r["count"])
			elif r["measure"] == "Positive Outcomes":
				pos += float(r["count"])
	return pos, off


def main():
	t = lsoa_table()
	o = io.StringIO()
	o.write("/* tests/reference/drivers_reference.h - GENERATED by "
		"tests/reference/drivers_reference.py\n * (SciPy %s, statsmodels %s, NumPy %s, "
		"pandas %s). Do not edit: rerun the script. */\n\n"
		% (__import__("scipy").__version__, sm.__version__, np.__version__,
		   pd.__version__))
	o.write("#define REF_NLSOA %d\n" % len(t))
	o.write("#define REF_TOTAL_COUNT %s\n\n" % c(t["count"].sum()))

	o.write("struct ref_corr { double spearman, spearman_p, pearson, pearson_p; };\n")
	o.write("/* IMD score, then the six domains in drivers.c's order */\n")
	o.write("static const struct ref_corr ref_corr[] = {\n")
	for col in ["IMD_score"] + ["%s_score" % d for d in DOMAINS]:
		s = st.spearmanr(t[col], t["rate"])
		p = st.pearsonr(t[col], t["rate"])
		o.write("\t{ %s, %s, %s, %s },\n" % (c(s.correlation), c(s.pvalue),
						     c(p.statistic), c(p.pvalue)))
	o.write("};\n\n")

	res, phi = glm(t, ["%s_score" % d for d in DOMAINS])
	sd = [float(t["%s_score" % d].std(ddof=1)) for d in DOMAINS]
	o.write("static const double ref_glm_phi = %s;\n" % c(phi))
	o.write("static const double ref_glm_coef[] = { %s };\n"
		% ", ".join(c(v) for v in res.params))
	o.write("static const double ref_glm_se[] = { %s };\n"
		% ", ".join(c(v) for v in res.bse))
	o.write("static const double ref_dom_sd[] = { %s };\n" % ", ".join(c(v) for v in sd))
	o.write("static const double ref_glm_rr_sd[] = { %s };\n\n"
		% ", ".join(c(math.exp(res.params[1 + k] * sd[k])) for k in range(6)))

	for name, sub in (("london", t), ("hackney", t[t["borough"] == "Hackney"])):
		r, ph = glm(sub, ["IMD_score"])
		o.write("static const double ref_curve_%s[] = { %s, %s, %s, %s }; "
			"/* b0, b1, se_b1, phi; n = %d */\n"
			% (name, c(r.params[0]), c(r.params[1]), c(r.bse[1]), c(ph), len(sub)))
	o.write("\n")

	table = street_fixture()
	chi = st.chi2_contingency(np.array(table, float), correction=False)
	o.write("static const double ref_street_hackney[] = { %s };\n"
		% ", ".join("%d" % v for v in table[0]))
	o.write("static const double ref_street_rest[] = { %s };\n"
		% ", ".join("%d" % v for v in table[1]))
	o.write("static const double ref_street_chisq[] = { %s, %s, %d, %s }; "
		"/* stat, p, df, min expected */\n\n"
		% (c(chi[0]), c(chi[1]), chi[2], c(chi[3].min())))

	small = [
		("t2x2", [[12, 5], [7, 14]]),
		("t2x3_zero_col", [[3, 0, 5], [4, 0, 9]]),
		("t3x4", [[10, 20, 30, 5], [15, 15, 25, 10], [30, 5, 10, 20]]),
	]
	o.write("struct ref_chisq { const char *name; size_t r, c; const double *t; "
		"double stat, p; int df; double min_expected; };\n")
	entries = []
	for name, tab in small:
		a = np.array(tab, float)
		kept = a[:, a.sum(axis=0) > 0]
		kept = kept[kept.sum(axis=1) > 0, :]
		chi = st.chi2_contingency(kept, correction=False)
		o.write("static const double tab_%s[] = { %s };\n"
			% (name, ", ".join("%d" % v for v in a.flatten())))
		entries.append("\t{ \"%s\", %d, %d, tab_%s, %s, %s, %d, %s },\n"
			       % (name, a.shape[0], a.shape[1], name, c(chi[0]), c(chi[1]),
				  chi[2], c(chi[3].min())))
	o.write("static const struct ref_chisq ref_chisq[] = {\n%s};\n\n" % "".join(entries))

	pos, off = dashboard_rate("Hackney")
	o.write("/* Hackney, Knife Crime, 2025-03..2026-02 */\n")
	o.write("static const double ref_po_hackney[] = { %s, %s, %s }; "
		"/* positive outcomes, offences, rate %% */\n" % (c(pos), c(off),
								  c(100 * pos / off)))
	lpos = loff = 0.0
	for b in sorted(t["borough"].unique()):
		p_, o_ = dashboard_rate(b)
		lpos += p_
		loff += o_
	o.write("static const double ref_po_london[] = { %s, %s, %s };\n" % (c(lpos), c(loff),
									   c(100 * lpos / loff)))
	with open(OUT, "w") as f:
		f.write(o.getvalue())
	print("wrote", OUT, "and", FIXTURE, file=sys.stderr)


if __name__ == "__main__":
	main()
