/* util/numfmt.c - see numfmt.h. */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alpha.h"

void fmt_dec(double v, int places, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, NUM_NA);
		return;
	}
	char raw[400]; /* %.0f of DBL_MAX is 309 digits */
	snprintf(raw, sizeof raw, "%.*f", places > 0 ? places : 0, fabs(v));
	/* "−0" and "−0.0" read badly: only a value shown as non-zero gets a sign */
	int neg = v < 0 && strspn(raw, "0.") != strlen(raw);
	size_t intlen = strcspn(raw, ".");
	char out[sizeof raw + sizeof raw / 3 + sizeof NUM_MINUS];
	size_t o = 0;
	if (neg) {
		memcpy(out, NUM_MINUS, sizeof NUM_MINUS - 1);
		o = sizeof NUM_MINUS - 1;
	}
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = raw[i];
	}
	snprintf(out + o, sizeof out - o, "%s", raw + intlen);
	snprintf(buf, n, "%s", out);
}

/* The texts every p shares: none, or below the smallest shown; 0 when p
 * needs its digits. */
static int p_words(double p, char *buf, size_t n)
{
	if (!isfinite(p))
		snprintf(buf, n, "p not available");
	else if (p < 0.001)
		snprintf(buf, n, "p < 0.001");
	else
		return 0;
	return 1;
}

void fmt_p(double p, char *buf, size_t n)
{
	/* three places below 0.01, and near the line (JB_ALPHA): 0.049 is not
	 * "p = 0.05" */
	int near = p >= JB_ALPHA - 0.005 && p < JB_ALPHA + 0.005;
	if (!p_words(p, buf, n))
		snprintf(buf, n, "p = %.*f", p < 0.01 || near ? 3 : 2, p);
}

void fmt_p_max(double p, char *buf, size_t n)
{
	if (!p_words(p, buf, n))
		snprintf(buf, n, "p at most %.3f", p);
}
