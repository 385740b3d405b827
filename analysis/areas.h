/* analysis/areas.h - the first part of the findings (analysis/areas.c):
 * every area's borough-level series and the month the analysis ends at,
 * the change and trend, rates and ranks, most similar boroughs, dashboard
 * measures and LSOA counts (struct jb_area_findings, and the findings'
 * period, dashboard windows and LSOA fields). The parts after it read
 * these. */
#ifndef JB_AREAS_H
#define JB_AREAS_H

struct jb_part;
extern const struct jb_part jb_areas_part;

#endif
