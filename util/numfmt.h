/* util/numfmt.h - the number format every figure shown on a page shares:
 * slide text, chart ticks and map legends alike, so a number reads the same
 * wherever it is drawn.
 *
 * The choices are made here once: thousands separated by commas, the
 * typographic minus U+2212 (never a hyphen), no sign on a value that
 * rounds to zero ("0.0", not "−0.0"), and NUM_NA for a value that is not
 * a number. (CSV files have their own rule: util/csvout.h.)
 *
 * Pure functions of their arguments: safe from any number of threads.
 */
#ifndef JB_NUMFMT_H
#define JB_NUMFMT_H

#include <stddef.h>

#define NUM_MINUS "\xe2\x88\x92" /* U+2212 MINUS SIGN */
#define NUM_NA "\xe2\x80\x93"    /* "–" (U+2013): no value */

/* v with `places` decimals (0 when negative) and thousands separators,
 * "−1,234.5"; NUM_NA when v is not finite. Writes a NUL-terminated string
 * of at most n bytes into buf. */
void fmt_dec(double v, int places, char *buf, size_t n);

/* A p-value as a slide cites it: "p < 0.001", "p = 0.004", "p = 0.32";
 * three places below 0.01 and near the 0.05 line (0.045 to 0.055), so a
 * p of 0.049 never reads "p = 0.05" beside "significant". "p not
 * available" when p is not finite. Formatting only: whether a result is
 * significant is a finding (analysis/stats.h), never decided from this
 * text. */
void fmt_p(double p, char *buf, size_t n);

/* The largest of several p-values as a bound: "p < 0.001", or "p at most
 * 0.042" (three places); "p not available" when not finite. */
void fmt_p_max(double p, char *buf, size_t n);

#endif
