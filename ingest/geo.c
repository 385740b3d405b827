/* ingest/geo.c - WGS84 -> British National Grid through PROJ, the check
 * that a polygon lies on the grid, and a uniform-grid index for locating
 * points in LSOAs. See geo.h. */
#include "geo.h"

#include <math.h>
#include <proj.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "limits.h"

/* ---- projection ---- */

struct jb_proj {
	PJ_CONTEXT *ctx;
	PJ *pj;
	int used;     /* some point has gone through pj */
	char *opdesc; /* last answer of jb_proj_operation() */
	struct jb_proj *next; /* in the pool of kept transforms */
};

/* Built transforms kept for the next jb_proj_new(): building one reads
 * PROJ's database (proj.db, through SQLite) and costs far more than the
 * points a small file sends through it, and every reader, thread and fuzz
 * run asked for its own. A kept one is handed to one caller at a time, so
 * no context is ever shared between threads at once. */
static struct jb_proj *pool;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

static void destroy(struct jb_proj *p)
{
	proj_destroy(p->pj);
	proj_context_destroy(p->ctx);
	free(p->opdesc);
	free(p);
}

static void pool_free(void)
{
	pthread_mutex_lock(&pool_lock);
	while (pool) {
		struct jb_proj *p = pool;
		pool = p->next;
		destroy(p);
	}
	pthread_mutex_unlock(&pool_lock);
}

static struct jb_proj *build(void)
{
	PJ_CONTEXT *ctx = proj_context_create();
	if (!ctx) {
		fprintf(stderr, "jembrief: PROJ: cannot create a context\n");
		return NULL;
	}
	PJ *raw = proj_create_crs_to_crs(ctx, "EPSG:4326", "EPSG:27700", NULL);
	PJ *pj = raw ? proj_normalize_for_visualization(ctx, raw) : NULL;
	proj_destroy(raw);
	if (!pj) {
		int e = proj_context_errno(ctx);
		fprintf(stderr, "jembrief: PROJ: cannot build EPSG:4326 -> EPSG:27700: %s\n",
			e ? proj_context_errno_string(ctx, e) : "unknown error");
		proj_context_destroy(ctx);
		return NULL;
	}
	/* Bad points are counted by the caller; PROJ need not print each. */
	proj_log_level(ctx, PJ_LOG_NONE);
	struct jb_proj *p = xcalloc(1, sizeof *p);
	p->ctx = ctx;
	p->pj = pj;
	return p;
}

struct jb_proj *jb_proj_new(void)
{
	static int registered;
	pthread_mutex_lock(&pool_lock);
	struct jb_proj *p = pool;
	if (p)
		pool = p->next;
	if (!registered)
		registered = atexit(pool_free) == 0;
	pthread_mutex_unlock(&pool_lock);
	if (!p)
		return build();
	p->next = NULL;
	return p;
}

void jb_proj_free(struct jb_proj *p)
{
	if (!p)
		return;
	p->used = 0;
	free(p->opdesc);
	p->opdesc = NULL;
	pthread_mutex_lock(&pool_lock);
	p->next = pool;
	pool = p;
	pthread_mutex_unlock(&pool_lock);
}

/* n points at x[i * stride], y[i * stride] (stride in doubles). */
static size_t to_bng(struct jb_proj *p, double *x, double *y, size_t stride, size_t n)
{
	if (n == 0)
		return 0;
	proj_trans_generic(p->pj, PJ_FWD, x, stride * sizeof *x, n,
			   y, stride * sizeof *y, n, NULL, 0, 0, NULL, 0, 0);
	proj_errno_reset(p->pj);
	p->used = 1;
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		double *xi = &x[i * stride], *yi = &y[i * stride];
		if (!isfinite(*xi) || !isfinite(*yi) || fabs(*xi) > 1e7 || fabs(*yi) > 1e7) {
			*xi = *yi = NAN;
			failed++;
		}
	}
	return failed;
}

size_t jb_proj_to_bng(struct jb_proj *p, double *x, double *y, size_t n)
{
	return to_bng(p, x, y, 1, n);
}

size_t jb_proj_xy_to_bng(struct jb_proj *p, double *xy, size_t n)
{
	return to_bng(p, xy, xy + 1, 2, n);
}

size_t jb_proj_to_wgs84(struct jb_proj *p, double *x, double *y, size_t n)
{
	if (n == 0)
		return 0;
	proj_trans_generic(p->pj, PJ_INV, x, sizeof *x, n, y, sizeof *y, n, NULL, 0, 0,
			   NULL, 0, 0);
	proj_errno_reset(p->pj);
	p->used = 1;
	size_t failed = 0;
	for (size_t i = 0; i < n; i++)
		if (!isfinite(x[i]) || !isfinite(y[i]) || fabs(x[i]) > 180 || fabs(y[i]) > 90) {
			x[i] = y[i] = NAN;
			failed++;
		}
	return failed;
}

const char *jb_proj_operation(struct jb_proj *p)
{
	if (!p->used)
		return "";
	PJ *op = proj_trans_get_last_used_operation(p->pj);
	if (!op)
		return "";
	PJ_PROJ_INFO info = proj_pj_info(op);
	free(p->opdesc);
	p->opdesc = xstrdup(info.description ? info.description : "");
	proj_destroy(op);
	return p->opdesc;
}

/* The horizontal CRS a definition names: a CRS bound to WGS84 by
 * TOWGS84[...] (as GDAL writes OGC WKT) is the CRS it binds. */
static PJ *base_crs(PJ_CONTEXT *ctx, PJ *crs)
{
	if (proj_get_type(crs) != PJ_TYPE_BOUND_CRS)
		return crs;
	PJ *src = proj_get_source_crs(ctx, crs);
	if (!src)
		return crs;
	proj_destroy(crs);
	return src;
}

/* 1 when crs gives ref's coordinates to within tol, at points spread over
 * London (given in ref's units, longitude or easting first), and rests on
 * the same datum: PROJ's strict equivalence compares parameters exactly,
 * and published .prj files round them (the London Datastore's boundary
 * shapefiles write BNG's scale factor 0.9996012717 as 0.999601272, which
 * moves a point by a tenth of a millimetre). The datum check stops a
 * lookalike on another datum, which PROJ would carry over unchanged. */
static int same_within(PJ_CONTEXT *ctx, PJ *crs, PJ *ref, const double (*pts)[2],
		       size_t npts, double tol)
{
	PJ *d1 = proj_crs_get_datum_forced(ctx, crs);
	PJ *d2 = proj_crs_get_datum_forced(ctx, ref);
	int same = d1 && d2 && proj_is_equivalent_to_with_ctx(ctx, d1, d2, PJ_COMP_EQUIVALENT);
	proj_destroy(d1);
	proj_destroy(d2);
	PJ *raw = same ? proj_create_crs_to_crs_from_pj(ctx, ref, crs, NULL, NULL) : NULL;
	PJ *op = raw ? proj_normalize_for_visualization(ctx, raw) : NULL;
	proj_destroy(raw);
	same = op != NULL;
	for (size_t i = 0; same && i < npts; i++) {
		PJ_COORD c = proj_trans(op, PJ_FWD, proj_coord(pts[i][0], pts[i][1], 0, 0));
		same = fabs(c.xy.x - pts[i][0]) <= tol && fabs(c.xy.y - pts[i][1]) <= tol;
	}
	proj_destroy(op);
	return same;
}

enum jb_crs jb_crs_identify(const char *definition)
{
	PJ_CONTEXT *ctx = proj_context_create();
	if (!ctx)
		return JB_CRS_UNKNOWN;
	proj_log_level(ctx, PJ_LOG_NONE);
	enum jb_crs kind = JB_CRS_UNKNOWN;
	PJ *crs = definition ? proj_create(ctx, definition) : NULL;
	if (crs) {
		crs = base_crs(ctx, crs);
		/* Greater London's corners and middle in each CRS; a millimetre
		 * in BNG, about a millimetre (1e-8 degree) in WGS84. */
		static const double bng[][2] = {
			{503000, 155000}, {562000, 155000}, {503000, 201000},
			{562000, 201000}, {530000, 180000},
		};
		static const double wgs[][2] = {
			{-0.51, 51.28}, {0.34, 51.28}, {-0.51, 51.70}, {0.34, 51.70}, {-0.13, 51.51},
		};
		static const struct {
			const char *epsg;
			enum jb_crs kind;
			const double (*pts)[2];
			double tol;
		} known[] = {
			{"EPSG:27700", JB_CRS_BNG, bng, 1e-3},
			{"EPSG:4326", JB_CRS_WGS84, wgs, 1e-8},
		};
		for (size_t i = 0; i < sizeof known / sizeof known[0] && !kind; i++) {
			PJ *ref = proj_create(ctx, known[i].epsg);
			if (ref && (proj_is_equivalent_to_with_ctx(ctx, crs, ref,
					PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) ||
				    same_within(ctx, crs, ref, known[i].pts, 5, known[i].tol)))
				kind = known[i].kind;
			proj_destroy(ref);
		}
	}
	proj_destroy(crs);
	proj_context_destroy(ctx);
	return kind;
}

/* ---- polygons ---- */

int jb_polygon_on_grid(const struct jb_polygon *poly)
{
	/* written so that NAN bounds fail */
	return poly->nrings > 0 && poly->minx >= JB_BNG_XMIN && poly->maxx <= JB_BNG_XMAX &&
	       poly->miny >= JB_BNG_YMIN && poly->maxy <= JB_BNG_YMAX;
}


int jb_borough_locate(const struct jb_dataset *ds, double x, double y)
{
	for (int b = 0; b < JB_NBOROUGHS; b++)
		if (jb_polygon_contains(&ds->borough_shape[b], x, y))
			return b;
	return -1;
}

/* ---- the LSOA locator ---- */

struct jb_lsoa_locator {
	const struct jb_dataset *ds;
	double x0, y0, cell; /* grid origin and cell side, metres */
	int nx, ny;
	size_t *start;       /* [nx * ny + 1]: cell c holds item[start[c]..start[c+1]) */
	int *item;           /* LSOA indices, ascending within a cell */
};

static int has_shape(const struct jb_lsoa *l)
{
	return l->poly.nrings > 0 && !isnan(l->poly.minx);
}

static int clampi(double v, int hi)
{
	if (v < 0)
		return 0;
	return v > hi ? hi : (int)v;
}

/* The most entries the locator's cell lists hold, per shape (a tiling
 * of LSOAs has 4 to 9). */
#define LOCATOR_ENTRIES_PER_SHAPE 64

/* Visit the cells a polygon's bounding box covers. */
#define FOR_CELLS(loc, poly, cx, cy)                                              \
	for (int cy = clampi(((poly)->miny - (loc)->y0) / (loc)->cell, (loc)->ny - 1); \
	     cy <= clampi(((poly)->maxy - (loc)->y0) / (loc)->cell, (loc)->ny - 1); cy++) \
		for (int cx = clampi(((poly)->minx - (loc)->x0) / (loc)->cell, (loc)->nx - 1); \
		     cx <= clampi(((poly)->maxx - (loc)->x0) / (loc)->cell, (loc)->nx - 1); cx++)

struct jb_lsoa_locator *jb_lsoa_locator_new(const struct jb_dataset *ds)
{
	struct jb_lsoa_locator *loc = xcalloc(1, sizeof *loc);
	loc->ds = ds;
	double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
	size_t nshapes = 0;
	for (size_t i = 0; i < ds->nlsoa; i++) {
		const struct jb_polygon *p = &ds->lsoa[i].poly;
		if (!has_shape(&ds->lsoa[i]))
			continue;
		minx = fmin(minx, p->minx);
		miny = fmin(miny, p->miny);
		maxx = fmax(maxx, p->maxx);
		maxy = fmax(maxy, p->maxy);
		nshapes++;
	}
	if (nshapes == 0) {
		loc->nx = loc->ny = 0;
		loc->start = xcalloc(1, sizeof *loc->start);
		return loc;
	}
	/* About four cells per LSOA: a few candidates per lookup. Each LSOA
	 * is listed in every cell its box covers; boxes that overlap a lot
	 * (not a tiling: many shapes each covering much of London) would
	 * list N LSOAs in each of 4N cells, so the cells are made larger
	 * until the lists hold at most LOCATOR_ENTRIES_PER_SHAPE a shape. */
	double w = fmax(maxx - minx, 1), h = fmax(maxy - miny, 1);
	double cell = fmax(sqrt(w * h / (4.0 * (double)nshapes)), 1);
	loc->x0 = minx;
	loc->y0 = miny;
	for (;;) {
		loc->nx = (int)fmin(w / cell + 1, 4096);
		loc->ny = (int)fmin(h / cell + 1, 4096);
		loc->cell = fmax(w / loc->nx, h / loc->ny) * (1 + 1e-9);
		double entries = 0;
		for (size_t i = 0; i < ds->nlsoa; i++) {
			const struct jb_polygon *p = &ds->lsoa[i].poly;
			if (has_shape(&ds->lsoa[i]))
				entries += (double)(clampi((p->maxx - minx) / loc->cell, loc->nx - 1) -
						    clampi((p->minx - minx) / loc->cell, loc->nx - 1) + 1) *
					   (double)(clampi((p->maxy - miny) / loc->cell, loc->ny - 1) -
						    clampi((p->miny - miny) / loc->cell, loc->ny - 1) + 1);
		}
		if (entries <= LOCATOR_ENTRIES_PER_SHAPE * (double)nshapes ||
		    (loc->nx == 1 && loc->ny == 1))
			break;
		cell = loc->cell * 2;
	}

	size_t ncells = (size_t)loc->nx * (size_t)loc->ny;
	loc->start = xcalloc(ncells + 1, sizeof *loc->start);
	for (size_t i = 0; i < ds->nlsoa; i++)
		if (has_shape(&ds->lsoa[i]))
			FOR_CELLS(loc, &ds->lsoa[i].poly, cx, cy)
				loc->start[(size_t)cy * loc->nx + cx + 1]++;
	for (size_t c = 0; c < ncells; c++)
		loc->start[c + 1] += loc->start[c];
	loc->item = xmalloc((loc->start[ncells] + 1) * sizeof *loc->item);
	size_t *fill = xmalloc(ncells * sizeof *fill);
	memcpy(fill, loc->start, ncells * sizeof *fill);
	for (size_t i = 0; i < ds->nlsoa; i++)
		if (has_shape(&ds->lsoa[i]))
			FOR_CELLS(loc, &ds->lsoa[i].poly, cx, cy)
				loc->item[fill[(size_t)cy * loc->nx + cx]++] = (int)i;
	free(fill);
	return loc;
}

void jb_lsoa_locator_free(struct jb_lsoa_locator *loc)
{
	if (!loc)
		return;
	free(loc->start);
	free(loc->item);
	free(loc);
}

int jb_lsoa_locate(const struct jb_lsoa_locator *loc, double x, double y)
{
	if (loc->nx == 0 || !(x >= loc->x0) || !(y >= loc->y0))
		return -1;
	double fx = (x - loc->x0) / loc->cell, fy = (y - loc->y0) / loc->cell;
	if (fx >= loc->nx || fy >= loc->ny)
		return -1;
	size_t c = (size_t)fy * loc->nx + (size_t)fx;
	for (size_t k = loc->start[c]; k < loc->start[c + 1]; k++) {
		int i = loc->item[k];
		if (jb_polygon_contains(&loc->ds->lsoa[i].poly, x, y))
			return i;
	}
	return -1;
}
