/* ingest/geo.h - projection (PROJ underneath) and locating points in the
 * dataset's areas.
 *
 * Everything the program measures is in British National Grid metres
 * (EPSG:27700). Points arrive as WGS84 longitude/latitude (EPSG:4326);
 * jb_proj converts them through PROJ, never through hand-written datum
 * maths. One jb_proj per thread (PROJ contexts are not shared).
 *
 * Ownership: jb_proj_new() and jb_lsoa_locator_new() return objects the
 * caller frees with the matching *_free() (NULL is safe). Polygon
 * geometry itself is util/polygon.h.
 */
#ifndef JB_GEO_H
#define JB_GEO_H

#include <stddef.h>

#include "dataset.h"

struct jb_proj;

/* NULL (with a message on stderr) when PROJ cannot build the transform. */
struct jb_proj *jb_proj_new(void);
/* Keeps p for the next jb_proj_new() of any thread (a built transform is
 * expensive); everything kept is released at exit. */
void jb_proj_free(struct jb_proj *p);
/* In place: lon[i], lat[i] (degrees) become x[i], y[i] (BNG metres).
 * Points that cannot be transformed (or were not finite) become NAN.
 * Returns the number that failed. */
size_t jb_proj_to_bng(struct jb_proj *p, double *lon_x, double *lat_y, size_t n);
/* The same for n interleaved points: xy[2i] = lon, xy[2i + 1] = lat. */
size_t jb_proj_xy_to_bng(struct jb_proj *p, double *xy, size_t n);
/* The inverse, through the same PROJ operation: x[i], y[i] (BNG metres)
 * become lon[i], lat[i] (degrees), in place. Points that cannot be
 * transformed (or were not finite) become NAN. Returns the number that
 * failed. */
size_t jb_proj_to_wgs84(struct jb_proj *p, double *x_lon, double *y_lat, size_t n);
/* PROJ's description of the operation it used for the last point
 * transformed, e.g. "Inverse of OSGB36 to WGS 84 (6) + British National
 * Grid", for the methods slide. Owned by p, valid until the next
 * jb_proj_to_bng() or jb_proj_free(); "" before any point was transformed. */
const char *jb_proj_operation(struct jb_proj *p);

/* What a coordinate reference system definition (WKT as in a shapefile's
 * .prj, "EPSG:27700", a GeoJSON "urn:ogc:def:crs:OGC:1.3:CRS84"...) is,
 * as far as this program cares: PROJ parses it and compares it with
 * EPSG:27700 and EPSG:4326 (axis order aside), strictly or, failing that,
 * on the same datum giving the same coordinates over London to within a
 * millimetre, so rounded parameters (a scale factor written 0.999601272)
 * and every common spelling (ESRI or OGC WKT, WKT2, PROJJSON, a CRS bound
 * to WGS84 by TOWGS84) are recognised. */
enum jb_crs { JB_CRS_UNKNOWN, JB_CRS_BNG, JB_CRS_WGS84 };
enum jb_crs jb_crs_identify(const char *definition);

/* 1 when the polygon's bounding box lies within British National Grid's
 * extent (JB_BNG_*, ingest/limits.h); 0 otherwise (or when empty). */
int jb_polygon_on_grid(const struct jb_polygon *poly);

/* ---- drawing copies (drawing.c, GEOS) ---- */

/* A GEOS context, one per thread; NULL when GEOS cannot start. */
struct jb_geom;
struct jb_geom *jb_geom_new(void);
void jb_geom_free(struct jb_geom *g);
/* out (overwritten) = in with every ring simplified by GEOS's
 * topology-preserving simplifier at tolerance metres: rings stay closed
 * rings of at least 3 points and no two come to cross. 0, or -1 when GEOS
 * could not do it (g NULL, a degenerate ring): out is then a copy of in. */
int jb_polygon_simplify(struct jb_geom *g, const struct jb_polygon *in, double tolerance,
			struct jb_polygon *out);
/* Fill the drawing copies of every LSOA and borough boundary (lsoa.draw,
 * borough_draw, draw_tolerance), in up to jobs threads: see drawing.c for
 * the tolerance. */
void jb_prepare_drawing(struct jb_dataset *ds, int jobs);

/* The borough (0..31) whose boundary contains (x, y), or -1 (also when no
 * borough boundaries were loaded). */
int jb_borough_locate(const struct jb_dataset *ds, double x, double y);

/* A uniform-grid index over the LSOA polygons for fast point lookup. The
 * locator points into ds, which must outlive it and keep its LSOAs. */
struct jb_lsoa_locator;
struct jb_lsoa_locator *jb_lsoa_locator_new(const struct jb_dataset *ds);
void jb_lsoa_locator_free(struct jb_lsoa_locator *loc);
/* Index of the LSOA containing (x, y), or -1. When boundaries overlap the
 * lowest index wins. */
int jb_lsoa_locate(const struct jb_lsoa_locator *loc, double x, double y);

#endif
