#!/usr/bin/python3
"""Independent reference for the end-to-end test (tests/test_batch.c):
Hackney's serious-youth-violence figures computed straight from the sample
data's borough-level CSVs with the standard library, SciPy and statsmodels,
not with jembrief's code.

Theme (templates/serious-youth-violence.conf): VIOLENCE AGAINST THE PERSON /
VIOLENCE WITH INJURY and HOMICIDE; ROBBERY / ROBBERY OF PERSONAL PROPERTY;
every POSSESSION OF WEAPONS minor. Window: the 36 months to the last month
(2026-02); change: last 12 against previous 12; rate per 1,000 residents,
ONS mid-2020 all ages.

Trend: Poisson GLM, log mu = b0 + b1 t + 11 month-of-year dummies,
quasi-Poisson scale phi = Pearson chi2 / (n - p) floored at 1.

Run: /usr/bin/python3 tests/reference/hackney_syv.py > tests/reference/hackney_syv.txt
"""
import csv
import gzip
import math

import numpy as np
import statsmodels.api as sm
from scipy.stats import binomtest, norm

CATS = {("VIOLENCE AGAINST THE PERSON", "VIOLENCE WITH INJURY"),
        ("VIOLENCE AGAINST THE PERSON", "HOMICIDE"),
        ("ROBBERY", "ROBBERY OF PERSONAL PROPERTY")}
series = {}
for name in ("mps-borough-level-crime-2010-2024.csv.gz",
             "mps-borough-level-crime-2024-2026.csv.gz"):
    with gzip.open("sample-data/crime/" + name, "rt", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["boroughname"] != "Hackney":
                continue
            cat = (row["majortext"], row["minortext"])
            if cat in CATS or row["majortext"] == "POSSESSION OF WEAPONS":
                for k, v in row.items():
                    if k.isdigit():
                        series[k] = series.get(k, 0) + int(v)

months = sorted(series)
a = sum(series[m] for m in months[-12:])
b = sum(series[m] for m in months[-24:-12])
with open("sample-data/population/ons-mid2020-single-year-of-age-london.csv", newline="") as fh:
    pop = next(float(r["all_ages"]) for r in csv.DictReader(fh) if r["name"] == "Hackney")

y = np.array([series[m] for m in months[-36:]], dtype=float)
n = len(y)
cal = [int(m[4:]) for m in months[-36:]]
X = [np.ones(n), np.arange(n, dtype=float)]
for mo in range(1, 13):
    if mo != cal[0]:
        X.append(np.array([1.0 if c == mo else 0.0 for c in cal]))
X = np.column_stack(X)
fit = sm.GLM(y, X, family=sm.families.Poisson()).fit()
mu = fit.mu
phi = float(np.sum((y - mu) ** 2 / mu) / (n - X.shape[1]))
scale = max(phi, 1.0)
se = math.sqrt(fit.cov_params()[1, 1] * scale)
b1 = fit.params[1]
z = 1.959963984540054

print("last_month", months[-1])
print("window_first", months[-36])
print("last12", a)
print("prev12", b)
print("pct_change %.10f" % (100.0 * (a - b) / b))
print("binom_p %.10g" % binomtest(a, a + b, 0.5).pvalue)
print("wheeler_z %.10f" % (2 * (math.sqrt(a) - math.sqrt(b))))
print("population %.0f" % pop)
print("rate_per_1000 %.10f" % (a / pop * 1000))
print("trend_b1 %.10g" % b1)
print("trend_se %.10g" % se)
print("trend_phi %.10f" % phi)
print("trend_annual_pct %.10f" % (100 * (math.exp(12 * b1) - 1)))
print("trend_annual_lo %.10f" % (100 * (math.exp(12 * (b1 - z * se)) - 1)))
print("trend_annual_hi %.10f" % (100 * (math.exp(12 * (b1 + z * se)) - 1)))
print("trend_p %.10g" % (2 * norm.sf(abs(b1 / se))))
resid = (y - mu) / np.sqrt(scale * mu)
print("exceptions", int(np.sum(np.abs(resid) > 3)))
