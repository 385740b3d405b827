/* util/alpha.h - the significance level of every test the pack reports.
 * Here, below both the statistics (analysis/stats.h) and the p-value
 * formatter (util/numfmt.c, which gives three places near it), so that the
 * line is written once. */
#ifndef JB_UTIL_ALPHA_H
#define JB_UTIL_ALPHA_H

/* A result with p < JB_ALPHA is "statistically significant". */
#define JB_ALPHA 0.05

#endif
