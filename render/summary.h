/* render/summary.h - summary.csv: every headline figure, one row per
 * borough and one for London, read from the findings as they are. */
#ifndef JB_SUMMARY_H
#define JB_SUMMARY_H

#include <stddef.h>

#include "../analysis/findings.h"

/* Written atomically. 0, or -1 with a message in err. */
int summary_write(const struct jb_findings *f, const char *path, char *err, size_t errlen);

#endif
