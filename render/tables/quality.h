/* render/tables/quality.h - data-quality.csv: every file read, its rows used and
 * set aside (out of scope, or bad input), each reason with its count and
 * first occurrence, and every input not supplied. The full version of the
 * sources slide. */
#ifndef JB_QUALITY_H
#define JB_QUALITY_H

#include <stddef.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* Written atomically. 0, or -1 with a message in err. */
int quality_write(const struct jb_findings *f, const char *path, char *err, size_t errlen);
extern const struct csv_table quality_table;

#endif
