/* util/polygon.c - polygon geometry in plane coordinates: rings, bounding
 * box, containment, area and a representative point. See polygon.h. */
#include "polygon.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static size_t ring_len(const struct jb_polygon *poly, size_t r)
{
	return poly->ring[r + 1] - poly->ring[r];
}

static const double *ring_xy(const struct jb_polygon *poly, size_t r)
{
	return poly->xy + 2 * poly->ring[r];
}

void jb_polygon_add_ring(struct jb_polygon *poly, const double *xy, size_t npts)
{
	if (npts == 0)
		return;
	size_t have = poly->nrings ? poly->ring[poly->nrings] : 0;
	poly->ring = xrealloc(poly->ring, (poly->nrings + 2) * sizeof *poly->ring);
	if (poly->nrings == 0)
		poly->ring[0] = 0;
	poly->xy = xrealloc(poly->xy, 2 * (have + npts) * sizeof *poly->xy);
	memcpy(poly->xy + 2 * have, xy, 2 * npts * sizeof *xy);
	poly->nrings++;
	poly->ring[poly->nrings] = have + npts;
	jb_polygon_bbox(poly);
}

void jb_polygon_bbox(struct jb_polygon *poly)
{
	size_t n = poly->nrings ? poly->ring[poly->nrings] : 0;
	if (n == 0) {
		poly->minx = poly->miny = poly->maxx = poly->maxy = NAN;
		return;
	}
	poly->minx = poly->maxx = poly->xy[0];
	poly->miny = poly->maxy = poly->xy[1];
	for (size_t i = 1; i < n; i++) {
		double x = poly->xy[2 * i], y = poly->xy[2 * i + 1];
		poly->minx = fmin(poly->minx, x);
		poly->maxx = fmax(poly->maxx, x);
		poly->miny = fmin(poly->miny, y);
		poly->maxy = fmax(poly->maxy, y);
	}
}

void jb_polygon_free(struct jb_polygon *poly)
{
	if (!poly)
		return;
	free(poly->ring);
	free(poly->xy);
	memset(poly, 0, sizeof *poly);
}

/* Crossing test of one ring (W. R. Franklin's pnpoly): 1 when a ray from
 * (x, y) towards +x crosses the ring an odd number of times. An explicit
 * closing point just adds a zero-length edge. */
static int ring_crossings(const double *p, size_t n, double x, double y)
{
	int c = 0;
	for (size_t i = 0, j = n - 1; i < n; j = i++) {
		double xi = p[2 * i], yi = p[2 * i + 1];
		double xj = p[2 * j], yj = p[2 * j + 1];
		if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
			c = !c;
	}
	return c;
}

int jb_polygon_contains(const struct jb_polygon *poly, double x, double y)
{
	if (!poly || poly->nrings == 0 || x < poly->minx || x > poly->maxx ||
	    y < poly->miny || y > poly->maxy)
		return 0;
	int c = 0;
	for (size_t r = 0; r < poly->nrings; r++)
		if (ring_len(poly, r) >= 3)
			c ^= ring_crossings(ring_xy(poly, r), ring_len(poly, r), x, y);
	return c;
}

/* Signed shoelace area and centroid of one ring, relative to its first
 * point for precision (BNG coordinates are in the hundreds of thousands). */
static double ring_area(const double *p, size_t n, double *cx, double *cy)
{
	double ox = p[0], oy = p[1], a = 0, sx = 0, sy = 0;
	for (size_t i = 0, j = n - 1; i < n; j = i++) {
		double xj = p[2 * j] - ox, yj = p[2 * j + 1] - oy;
		double xi = p[2 * i] - ox, yi = p[2 * i + 1] - oy;
		double cross = xj * yi - xi * yj;
		a += cross;
		sx += (xj + xi) * cross;
		sy += (yj + yi) * cross;
	}
	a /= 2;
	if (cx && cy) {
		*cx = a != 0 ? ox + sx / (6 * a) : ox;
		*cy = a != 0 ? oy + sy / (6 * a) : oy;
	}
	return a;
}

double jb_polygon_area(const struct jb_polygon *poly)
{
	double total = 0;
	for (size_t r = 0; poly && r < poly->nrings; r++) {
		size_t n = ring_len(poly, r);
		if (n < 3)
			continue;
		const double *p = ring_xy(poly, r);
		int depth = 0;
		for (size_t s = 0; s < poly->nrings; s++)
			if (s != r && ring_len(poly, s) >= 3)
				depth += ring_crossings(ring_xy(poly, s), ring_len(poly, s),
							p[0], p[1]);
		double a = fabs(ring_area(p, n, NULL, NULL));
		total += depth % 2 ? -a : a;
	}
	return total;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The middle of the widest stretch of the line Y = y inside the polygon
 * (even-odd), or NAN when the line misses it. */
static double widest_inside(const struct jb_polygon *poly, double y)
{
	size_t total = poly->ring[poly->nrings], nx = 0;
	double *xs = xmalloc((total + 1) * sizeof *xs);
	for (size_t r = 0; r < poly->nrings; r++) {
		const double *p = ring_xy(poly, r);
		size_t n = ring_len(poly, r);
		for (size_t i = 0, j = n - 1; n >= 3 && i < n; j = i++) {
			double xi = p[2 * i], yi = p[2 * i + 1];
			double xj = p[2 * j], yj = p[2 * j + 1];
			if ((yi > y) != (yj > y))
				xs[nx++] = (xj - xi) * (y - yi) / (yj - yi) + xi;
		}
	}
	qsort(xs, nx, sizeof *xs, cmp_double);
	double best = NAN, width = -1;
	for (size_t i = 0; i + 1 < nx; i += 2)
		if (xs[i + 1] - xs[i] > width) {
			width = xs[i + 1] - xs[i];
			best = (xs[i] + xs[i + 1]) / 2;
		}
	free(xs);
	return best;
}

void jb_polygon_centroid(const struct jb_polygon *poly, double *cx, double *cy)
{
	*cx = *cy = NAN;
	double best = -1;
	for (size_t r = 0; poly && r < poly->nrings; r++) {
		if (ring_len(poly, r) < 3)
			continue;
		double x, y;
		double a = fabs(ring_area(ring_xy(poly, r), ring_len(poly, r), &x, &y));
		if (a > best) {
			best = a;
			*cx = x;
			*cy = y;
		}
	}
	if (best < 0 || jb_polygon_contains(poly, *cx, *cy))
		return;
	double x = widest_inside(poly, *cy);
	if (!isnan(x))
		*cx = x;
}
