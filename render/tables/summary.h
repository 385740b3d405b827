/* render/tables/summary.h - summary.csv: every headline figure, one row per
 * borough and one for London; dashboard.csv: the theme's MPS dashboard
 * measures, one row per area and measure. Read from the findings as they
 * are; columns declared in summary.c (util/csvout.h). */
#ifndef JB_SUMMARY_H
#define JB_SUMMARY_H

#include <stddef.h>

#include "../../analysis/findings.h"
#include "../../util/csvout.h"

/* Written atomically. 0, or -1 with a message in err. */
int summary_write(const struct jb_findings *f, const char *path, char *err, size_t errlen);
int summary_dashboard_write(const struct jb_findings *f, const char *path, char *err,
			    size_t errlen);

/* The declarations of summary.csv's columns, in order (NULL past the
 * last), and of dashboard.csv's, for the data dictionary. */
const struct csv_table *summary_part(size_t i);
extern const struct csv_table dashboard_table;

#endif
