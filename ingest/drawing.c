/* ingest/drawing.c - boundaries prepared for drawing.
 *
 * Analysis measures on the boundaries as supplied (areas, contiguity,
 * point-in-polygon); maps need only what a page can show. Full-resolution
 * boundaries (a vertex every metre or two) drawn as supplied make decks
 * several times heavier and slower for no visible difference, so each
 * LSOA and borough boundary gets a drawing copy, simplified by GEOS's
 * topology-preserving simplifier (rings stay rings, holes stay inside,
 * no ring comes to cross another of the same polygon) at a tolerance of
 * JB_DRAW_RESOLUTION_PT on the largest map the borough can have: the
 * borough filling the whole page (util/page.h). A map of the borough
 * drawn at any size that fits on the page therefore loses nothing wider
 * than half a point, and a deck costs about the same whatever resolution
 * of boundary is supplied. Neighbouring polygons are simplified one by
 * one, so along a shared edge they may part by up to the tolerance: half
 * a point at most, under the white edge line every map draws.
 */
#include "geo.h"

#include <geos_c.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/page.h"
#include "../util/xalloc.h"

struct jb_geom {
	GEOSContextHandle_t h;
};

/* GEOS reports problems through these; a ring it cannot simplify is drawn
 * as supplied, so there is nothing to tell the user. */
static void geos_quiet(const char *fmt, ...)
{
	(void)fmt;
}

struct jb_geom *jb_geom_new(void)
{
	struct jb_geom *g = xmalloc(sizeof *g);
	g->h = GEOS_init_r();
	if (!g->h) {
		free(g);
		return NULL;
	}
	GEOSContext_setNoticeHandler_r(g->h, geos_quiet);
	GEOSContext_setErrorHandler_r(g->h, geos_quiet);
	return g;
}

void jb_geom_free(struct jb_geom *g)
{
	if (!g)
		return;
	GEOS_finish_r(g->h);
	free(g);
}

/* Ring r of poly as a closed GEOS line string; NULL when GEOS refuses it. */
static GEOSGeometry *ring_line(GEOSContextHandle_t h, const struct jb_polygon *poly, size_t r)
{
	const double *xy = poly->xy + 2 * poly->ring[r];
	size_t n = poly->ring[r + 1] - poly->ring[r];
	int closed = xy[0] == xy[2 * (n - 1)] && xy[1] == xy[2 * (n - 1) + 1];
	size_t m = n + !closed;
	double *buf = xmalloc(2 * m * sizeof *buf);
	memcpy(buf, xy, 2 * n * sizeof *buf);
	if (!closed) {
		buf[2 * n] = xy[0];
		buf[2 * n + 1] = xy[1];
	}
	GEOSCoordSequence *cs = GEOSCoordSeq_copyFromBuffer_r(h, buf, (unsigned)m, 0, 0);
	free(buf);
	return cs ? GEOSGeom_createLineString_r(h, cs) : NULL;
}

/* The rings of a simplified multi line string into out; -1 when it does
 * not have one ring for each of the nrings given. */
static int take_rings(GEOSContextHandle_t h, const GEOSGeometry *g, size_t nrings,
		      struct jb_polygon *out)
{
	if (GEOSGetNumGeometries_r(h, g) != (int)nrings)
		return -1;
	for (size_t r = 0; r < nrings; r++) {
		const GEOSCoordSequence *cs =
			GEOSGeom_getCoordSeq_r(h, GEOSGetGeometryN_r(h, g, (int)r));
		unsigned n;
		if (!cs || !GEOSCoordSeq_getSize_r(h, cs, &n) || n < 4)
			return -1;
		double *buf = xmalloc(2 * n * sizeof *buf);
		int ok = GEOSCoordSeq_copyToBuffer_r(h, cs, buf, 0, 0);
		if (ok)
			jb_polygon_add_ring(out, buf, n);
		free(buf);
		if (!ok)
			return -1;
	}
	return 0;
}

static void copy_polygon(const struct jb_polygon *in, struct jb_polygon *out)
{
	for (size_t r = 0; r < in->nrings; r++)
		jb_polygon_add_ring(out, in->xy + 2 * in->ring[r], in->ring[r + 1] - in->ring[r]);
}

int jb_polygon_simplify(struct jb_geom *g, const struct jb_polygon *in, double tolerance,
			struct jb_polygon *out)
{
	memset(out, 0, sizeof *out);
	if (!in->nrings)
		return 0;
	GEOSGeometry **lines = g ? xcalloc(in->nrings, sizeof *lines) : NULL;
	int ok = g != NULL;
	for (size_t r = 0; ok && r < in->nrings; r++)
		ok = in->ring[r + 1] - in->ring[r] >= 3 && (lines[r] = ring_line(g->h, in, r));
	GEOSGeometry *all = NULL, *simple = NULL;
	if (ok) {
		/* the collection owns its lines from here */
		all = GEOSGeom_createCollection_r(g->h, GEOS_MULTILINESTRING, lines,
						  (unsigned)in->nrings);
		simple = all ? GEOSTopologyPreserveSimplify_r(g->h, all, tolerance) : NULL;
	} else {
		for (size_t r = 0; lines && r < in->nrings; r++)
			if (lines[r])
				GEOSGeom_destroy_r(g->h, lines[r]);
	}
	int rc = simple ? take_rings(g->h, simple, in->nrings, out) : -1;
	if (simple)
		GEOSGeom_destroy_r(g->h, simple);
	if (all)
		GEOSGeom_destroy_r(g->h, all);
	free(lines);
	if (rc != 0) {
		jb_polygon_free(out);
		copy_polygon(in, out);
	}
	return rc;
}

/* ---- the dataset's drawing copies ---- */

static void widen(double box[4], const struct jb_polygon *p)
{
	if (!p->nrings)
		return;
	box[0] = fmin(box[0], p->minx);
	box[1] = fmin(box[1], p->miny);
	box[2] = fmax(box[2], p->maxx);
	box[3] = fmax(box[3], p->maxy);
}

/* The tolerance for a map of extent box: JB_DRAW_RESOLUTION_PT at the
 * scale that makes the extent fill the page. NAN for an empty box. */
static double tolerance_for(const double box[4])
{
	double w = box[2] - box[0], h = box[3] - box[1];
	if (!(w > 0) || !(h > 0))
		return NAN;
	return JB_DRAW_RESOLUTION_PT * fmax(w / JB_PAGE_W_PT, h / JB_PAGE_H_PT);
}

/* The tolerance for LSOA l's drawing copy. */
static double lsoa_tolerance(const struct jb_dataset *ds, size_t l, double finest)
{
	int b = ds->lsoa[l].borough;
	return b >= 0 && isfinite(ds->draw_tolerance[b]) ? ds->draw_tolerance[b] : finest;
}

/* Threads simplify every nth LSOA from their first; each polygon's result
 * depends on it alone, so the dataset is the same with any number. */
struct worker {
	struct jb_dataset *ds;
	double finest;
	size_t first, step;
	pthread_t thread;
	int started;
};

static void *simplify_lsoas(void *arg)
{
	struct worker *w = arg;
	struct jb_geom *g = jb_geom_new();
	for (size_t l = w->first; l < w->ds->nlsoa; l += w->step)
		jb_polygon_simplify(g, &w->ds->lsoa[l].poly, lsoa_tolerance(w->ds, l, w->finest),
				    &w->ds->lsoa[l].draw);
	jb_geom_free(g);
	return NULL;
}

void jb_prepare_drawing(struct jb_dataset *ds, int jobs)
{
	double box[JB_NBOROUGHS][4];
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		box[b][0] = box[b][1] = INFINITY;
		box[b][2] = box[b][3] = -INFINITY;
		widen(box[b], &ds->borough_shape[b]);
	}
	for (size_t l = 0; l < ds->nlsoa; l++)
		if (ds->lsoa[l].borough >= 0)
			widen(box[ds->lsoa[l].borough], &ds->lsoa[l].poly);
	/* LSOAs outside the 32 boroughs (the City's) drawn as context on a
	 * neighbour's map: the finest tolerance of all */
	double finest = INFINITY;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		ds->draw_tolerance[b] = tolerance_for(box[b]);
		if (ds->draw_tolerance[b] < finest)
			finest = ds->draw_tolerance[b];
	}
	if (!isfinite(finest))
		finest = 0; /* no extent known: drawn as supplied */
	struct jb_geom *g = jb_geom_new();
	for (int b = 0; b < JB_NBOROUGHS; b++)
		jb_polygon_simplify(g, &ds->borough_shape[b],
				    isfinite(ds->draw_tolerance[b]) ? ds->draw_tolerance[b] : finest,
				    &ds->borough_draw[b]);
	jb_geom_free(g);

	size_t n = jobs > 1 ? (size_t)jobs : 1;
	struct worker *w = xcalloc(n, sizeof *w);
	for (size_t t = 0; t < n; t++) {
		w[t] = (struct worker){.ds = ds, .finest = finest, .first = t, .step = n};
		w[t].started = t > 0 && pthread_create(&w[t].thread, NULL, simplify_lsoas, &w[t]) == 0;
	}
	for (size_t t = 0; t < n; t++)
		if (!w[t].started) /* this thread, and any share no thread took */
			simplify_lsoas(&w[t]);
	for (size_t t = 0; t < n; t++)
		if (w[t].started)
			pthread_join(w[t].thread, NULL);
	free(w);
}
