/* render/slides/fill_drivers.h - the template placeholders of the profile, drivers
 * and attrition slides (listed in render/slides/fill.c's keys[] table). Each
 * formats a number the findings hold (analysis/drivers.h) with fill.h's
 * formats; "–" when it is not available. */
#ifndef JB_FILL_DRIVERS_H
#define JB_FILL_DRIVERS_H

#include <stddef.h>

#include "fill.h"

#define FILL_DRIVERS_FN(name)                                                              \
	void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, size_t n)

FILL_DRIVERS_FN(fd_imd_edition);
FILL_DRIVERS_FN(fd_imd_lsoas);
FILL_DRIVERS_FN(fd_imd_d1_n);
FILL_DRIVERS_FN(fd_imd_d1_pct);
FILL_DRIVERS_FN(fd_imd_d1_2_n);
FILL_DRIVERS_FN(fd_imd_d1_2_pct);
FILL_DRIVERS_FN(fd_london_imd_d1_pct);
FILL_DRIVERS_FN(fd_london_imd_d1_2_pct);
FILL_DRIVERS_FN(fd_drv_why);
FILL_DRIVERS_FN(fd_drv_n);
FILL_DRIVERS_FN(fd_drv_imd_rho);
FILL_DRIVERS_FN(fd_drv_imd_r);
FILL_DRIVERS_FN(fd_drv_imd_link);
FILL_DRIVERS_FN(fd_drv_corr_p);
FILL_DRIVERS_FN(fd_drv_phi);
FILL_DRIVERS_FN(fd_drv_top_domain);
FILL_DRIVERS_FN(fd_drv_borough_link);
FILL_DRIVERS_FN(fd_drv_london_link);
FILL_DRIVERS_FN(fd_drv_borough_ci);
FILL_DRIVERS_FN(fd_drv_london_ci);
FILL_DRIVERS_FN(fd_drv_above_cap);
FILL_DRIVERS_FN(fd_street_period);
FILL_DRIVERS_FN(fd_street_known);
FILL_DRIVERS_FN(fd_funnel_suspect_pct);
FILL_DRIVERS_FN(fd_london_funnel_suspect_pct);
FILL_DRIVERS_FN(fd_funnel_charged_pct);
FILL_DRIVERS_FN(fd_london_funnel_charged_pct);
FILL_DRIVERS_FN(fd_chisq_summary);
FILL_DRIVERS_FN(fd_po_measure);
FILL_DRIVERS_FN(fd_po_period);
FILL_DRIVERS_FN(fd_po_rate);
FILL_DRIVERS_FN(fd_po_count);
FILL_DRIVERS_FN(fd_po_offences);
FILL_DRIVERS_FN(fd_london_po_rate);
FILL_DRIVERS_FN(fd_po_rank);

#endif
