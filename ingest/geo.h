/* ingest/geo.h - projection and point-in-polygon (PROJ underneath).
 *
 * Everything the program measures is in British National Grid metres
 * (EPSG:27700). Points arrive as WGS84 longitude/latitude (EPSG:4326);
 * jb_proj converts them through PROJ, never through hand-written datum
 * maths. One jb_proj per thread (PROJ contexts are not shared).
 */
#ifndef JB_GEO_H
#define JB_GEO_H

#include <stddef.h>

#include "dataset.h"

struct jb_proj;

/* NULL (with a message on stderr) when PROJ cannot build the transform. */
struct jb_proj *jb_proj_new(void);
void jb_proj_free(struct jb_proj *p);
/* In place: lon[i], lat[i] (degrees) become x[i], y[i] (BNG metres).
 * Points that cannot be transformed become NAN. Returns the number that
 * failed. */
size_t jb_proj_to_bng(struct jb_proj *p, double *lon_x, double *lat_y, size_t n);

/* Even-odd rule over all rings: 1 inside, 0 outside. */
int jb_polygon_contains(const struct jb_polygon *poly, double x, double y);
/* Area in square metres (holes subtract, via even-odd ring orientation-free
 * computation as |sum| per ring with holes detected by containment). */
double jb_polygon_area(const struct jb_polygon *poly);
void jb_polygon_free(struct jb_polygon *poly);
/* Recompute minx..maxy from the points. */
void jb_polygon_bbox(struct jb_polygon *poly);

/* A uniform-grid index over the LSOA polygons for fast point lookup. */
struct jb_lsoa_locator;
struct jb_lsoa_locator *jb_lsoa_locator_new(const struct jb_dataset *ds);
void jb_lsoa_locator_free(struct jb_lsoa_locator *loc);
/* Index of the LSOA containing (x, y), or -1. */
int jb_lsoa_locate(const struct jb_lsoa_locator *loc, double x, double y);

#endif
