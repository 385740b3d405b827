/* util/polygon.h - polygon geometry shared by every stage: ingest reads
 * boundaries into polygons, analysis measures them, render draws them.
 * Plane coordinates only (British National Grid metres in this program);
 * projection is ingest's business (ingest/geo.h, through PROJ).
 *
 * Ownership: a jb_polygon's arrays are owned by the polygon and released
 * by jb_polygon_free(), which leaves an empty polygon (nrings == 0) behind
 * and accepts NULL. Read-only functions may be called from any number of
 * threads at once.
 */
#ifndef JB_POLYGON_H
#define JB_POLYGON_H

#include <stddef.h>

struct jb_polygon {
	size_t nrings;
	size_t *ring; /* [nrings + 1]: ring r is points ring[r] .. ring[r+1]-1 */
	double *xy;   /* x0, y0, x1, y1, ... BNG metres */
	double minx, miny, maxx, maxy;
};

/* Append a ring of npts points (x0, y0, x1, y1, ...; copied) and widen the
 * bounding box. Rings need not be closed and may be in either orientation. */
void jb_polygon_add_ring(struct jb_polygon *poly, const double *xy, size_t npts);
/* Even-odd rule over all rings: 1 inside, 0 outside. */
int jb_polygon_contains(const struct jb_polygon *poly, double x, double y);
/* Area in square metres. Orientation-free: each ring counts |shoelace|,
 * added when it lies inside an even number of the other rings (an outer
 * ring or an island in a hole) and subtracted when odd (a hole). */
double jb_polygon_area(const struct jb_polygon *poly);
/* A representative point inside the polygon: the area-weighted centroid of
 * its largest ring when that lies inside, otherwise the middle of the
 * widest inside stretch of the horizontal line through it. NAN, NAN for an
 * empty polygon. */
void jb_polygon_centroid(const struct jb_polygon *poly, double *cx, double *cy);
void jb_polygon_free(struct jb_polygon *poly);
/* Recompute minx..maxy from the points. */
void jb_polygon_bbox(struct jb_polygon *poly);

#endif
