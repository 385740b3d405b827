/* analysis/spatial.c - neighbours, Getis-Ord Gi* with BH FDR, emerging hot
 * spot classes and quartic kernel density (DESIGN.md section 5). */
#include "spatial.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "../ingest/dataset.h"
#include "../util/xalloc.h"
#include "stats.h"

/* ---- neighbour lists ---- */

void jb_nb_free(struct jb_nb *w)
{
	if (!w)
		return;
	free(w->start);
	free(w->nb);
	free(w->id);
	memset(w, 0, sizeof *w);
}

/* A directed edge between two units. Unit and vertex numbers are 32-bit
 * here, halving the temporaries: a boundary file with 2^32 vertices would
 * be 64 GB of shapefile (16 bytes a vertex). */
struct edge {
	uint32_t a, b;
};

static int edge_cmp(const void *pa, const void *pb)
{
	const struct edge *x = pa, *y = pb;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* CSR from a list of directed edges (both directions present, duplicates
 * allowed) plus self for every unit. Sorts and consumes e. */
static void csr_from_edges(size_t n, struct edge *e, size_t ne, struct jb_nb *out)
{
	for (size_t i = 0; i < n; i++)
		e[ne + i] = (struct edge){ (uint32_t)i, (uint32_t)i };
	ne += n;
	qsort(e, ne, sizeof *e, edge_cmp);
	out->n = n;
	out->start = xcalloc(n + 1, sizeof *out->start);
	out->nb = xmalloc(ne * sizeof *out->nb);
	size_t k = 0;
	for (size_t i = 0; i < ne; i++) {
		if (i && e[i].a == e[i - 1].a && e[i].b == e[i - 1].b)
			continue;
		out->nb[k++] = e[i].b;
		out->start[e[i].a + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		out->start[i + 1] += out->start[i];
}

/* ---- queen contiguity: a hash of snapped vertex cells ----
 *
 * Every vertex has its cell (its coordinates over the snap, floored); the
 * table maps a cell to the first of its vertices, each vertex to the next
 * one in its cell. A slot holds only a vertex number: the cell it stands
 * for is that vertex's, so the table is a quarter of the size it would be
 * holding the cell's coordinates too (the peak of a batch's memory was
 * here). */

#define NO_VERTEX UINT32_MAX

struct vertices {
	size_t n;
	double *x, *y;
	int64_t *cx, *cy;  /* cell */
	uint32_t *unit;
	uint32_t *next;    /* next vertex in the same cell, NO_VERTEX at the end */
	uint32_t *head;    /* [mask + 1] a cell's first vertex, NO_VERTEX when empty */
	size_t mask;
};

static size_t cell_hash(int64_t cx, int64_t cy)
{
	uint64_t h = (uint64_t)cx * 0x9E3779B97F4A7C15u ^ (uint64_t)cy * 0xC2B2AE3D27D4EB4Fu;
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9u;
	return (size_t)(h ^ (h >> 29));
}

/* Slot of cell (cx, cy): its own, or the empty one where it would go. */
static size_t vtab_slot(const struct vertices *t, int64_t cx, int64_t cy)
{
	size_t s = cell_hash(cx, cy) & t->mask;
	for (uint32_t v; (v = t->head[s]) != NO_VERTEX && (t->cx[v] != cx || t->cy[v] != cy);)
		s = (s + 1) & t->mask;
	return s;
}

/* The finite vertices of the n polygons, hashed by cell. */
static void vertices_build(struct vertices *t, const struct jb_polygon *const *poly, size_t n,
			   double snap)
{
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		if (poly[i] && poly[i]->nrings)
			nv += poly[i]->ring[poly[i]->nrings];
	if (nv >= NO_VERTEX)
		nv = NO_VERTEX - 1; /* see struct edge */
	t->x = xmalloc((nv + 1) * sizeof *t->x);
	t->y = xmalloc((nv + 1) * sizeof *t->y);
	t->cx = xmalloc((nv + 1) * sizeof *t->cx);
	t->cy = xmalloc((nv + 1) * sizeof *t->cy);
	t->unit = xmalloc((nv + 1) * sizeof *t->unit);
	t->next = xmalloc((nv + 1) * sizeof *t->next);
	size_t size = 16;
	while (size < 2 * nv)
		size *= 2;
	t->mask = size - 1;
	t->head = xmalloc(size * sizeof *t->head);
	for (size_t s = 0; s < size; s++)
		t->head[s] = NO_VERTEX;
	size_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!poly[i] || !poly[i]->nrings)
			continue;
		size_t m = poly[i]->ring[poly[i]->nrings];
		for (size_t k = 0; k < m && v < nv; k++) {
			double x = poly[i]->xy[2 * k], y = poly[i]->xy[2 * k + 1];
			if (!isfinite(x) || !isfinite(y))
				continue;
			t->x[v] = x;
			t->y[v] = y;
			t->unit[v] = (uint32_t)i;
			t->cx[v] = (int64_t)floor(x / snap);
			t->cy[v] = (int64_t)floor(y / snap);
			size_t s = vtab_slot(t, t->cx[v], t->cy[v]);
			t->next[v] = t->head[s];
			t->head[s] = (uint32_t)v;
			v++;
		}
	}
	t->n = v;
}

static void vertices_free(struct vertices *t)
{
	free(t->x);
	free(t->y);
	free(t->cx);
	free(t->cy);
	free(t->unit);
	free(t->next);
	free(t->head);
}

void jb_queen_contiguity(const struct jb_polygon *const *poly, size_t n, double snap,
			 struct jb_nb *out)
{
	memset(out, 0, sizeof *out);
	if (!(snap > 0))
		snap = JB_QUEEN_SNAP;
	struct vertices t;
	vertices_build(&t, poly, n, snap);

	/* A vertex within snap of another lies in the same or an adjacent cell. */
	size_t ne = 0, cap = 0;
	struct edge *e = NULL;
	for (size_t v = 0; v < t.n; v++) {
		for (int dx = -1; dx <= 1; dx++)
			for (int dy = -1; dy <= 1; dy++) {
				size_t s = vtab_slot(&t, t.cx[v] + dx, t.cy[v] + dy);
				for (uint32_t u = t.head[s]; u != NO_VERTEX; u = t.next[u]) {
					if (t.unit[u] == t.unit[v] ||
					    hypot(t.x[u] - t.x[v], t.y[u] - t.y[v]) > snap)
						continue;
					e = xgrow(e, &cap, ne + 1 + n, sizeof *e);
					e[ne++] = (struct edge){ t.unit[v], t.unit[u] };
				}
			}
	}
	vertices_free(&t); /* before the sort's own buffer is taken */
	e = xgrow(e, &cap, ne + n, sizeof *e);
	csr_from_edges(n, e, ne, out);
	free(e);
}

/* ---- regular grid ---- */

void jb_grid_init(struct jb_grid *g, double minx, double miny, double maxx,
		  double maxy, double cell)
{
	if (!(cell > 0))
		cell = JB_GRID_CELL;
	g->cell = cell;
	g->x0 = g->y0 = 0;
	g->nx = g->ny = 0;
	if (!(isfinite(minx) && isfinite(miny) && maxx >= minx && maxy >= miny &&
	      isfinite(maxx) && isfinite(maxy)))
		return; /* an empty grid */
	double x0 = floor(minx / cell) * cell, y0 = floor(miny / cell) * cell;
	/* the max edge belongs to the cell above it, so floor + 1; counted in
	 * doubles, so that no extent overflows before the check */
	double nx = floor((maxx - x0) / cell) + 1, ny = floor((maxy - y0) / cell) + 1;
	if (!(nx * ny <= JB_GRID_MAX_CELLS))
		return; /* an empty grid */
	g->x0 = x0;
	g->y0 = y0;
	g->nx = (size_t)nx;
	g->ny = (size_t)ny;
}

long jb_grid_cell(const struct jb_grid *g, double x, double y)
{
	double fx = floor((x - g->x0) / g->cell), fy = floor((y - g->y0) / g->cell);
	if (!(fx >= 0 && fy >= 0 && fx < (double)g->nx && fy < (double)g->ny))
		return -1;
	return (long)((size_t)fy * g->nx + (size_t)fx);
}

size_t jb_grid_count(const struct jb_grid *g, const double *xy, size_t npts, double *count)
{
	size_t outside = 0;
	for (size_t i = 0; i < npts; i++) {
		long c = jb_grid_cell(g, xy[2 * i], xy[2 * i + 1]);
		if (c < 0)
			outside++;
		else
			count[c] += 1;
	}
	return outside;
}

void jb_grid_nb(const struct jb_grid *g, const unsigned char *keep, struct jb_nb *out)
{
	memset(out, 0, sizeof *out);
	size_t ncell = g->nx * g->ny, n = 0;
	size_t *unit = xmalloc((ncell + 1) * sizeof *unit);
	for (size_t c = 0; c < ncell; c++)
		unit[c] = !keep || keep[c] ? n++ : SIZE_MAX;
	out->n = n;
	out->id = xmalloc((n + 1) * sizeof *out->id);
	out->start = xcalloc(n + 1, sizeof *out->start);
	out->nb = xmalloc((9 * n + 1) * sizeof *out->nb);
	size_t k = 0;
	for (size_t c = 0; c < ncell; c++) {
		if (unit[c] == SIZE_MAX)
			continue;
		size_t ix = c % g->nx, iy = c / g->nx;
		out->id[unit[c]] = c;
		/* rows south to north, then west to east: ascending unit order */
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				if ((dx < 0 && ix == 0) || (dy < 0 && iy == 0) ||
				    (dx > 0 && ix + 1 == g->nx) || (dy > 0 && iy + 1 == g->ny))
					continue;
				size_t d = (iy + dy) * g->nx + (ix + dx);
				if (unit[d] != SIZE_MAX)
					out->nb[k++] = unit[d];
			}
		out->start[unit[c] + 1] = k;
	}
	free(unit);
}

/* ---- Getis-Ord Gi* ---- */

static int gi_refuse(struct jb_gistar *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int gi_refuse(struct jb_gistar *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->why, sizeof out->why, fmt, ap);
	va_end(ap);
	out->ok = 0;
	return -1;
}

/* Benjamini-Hochberg: the largest p_(k) with p_(k) <= k q / n (0 when none);
 * units with p <= that cut are rejected. sorted is p ascending. */
static double bh_cut(const double *sorted, size_t n, double q)
{
	double cut = 0;
	for (size_t k = 1; k <= n; k++)
		if (sorted[k - 1] <= (double)k * q / (double)n)
			cut = sorted[k - 1];
	return cut;
}

int jb_gistar(const double *x, const struct jb_nb *w, struct jb_gistar *out)
{
	memset(out, 0, sizeof *out);
	size_t n = w ? w->n : 0;
	out->n = n;
	if (!x || !w)
		return gi_refuse(out, "no counts or no neighbours");
	if (n < JB_GI_MIN_UNITS)
		return gi_refuse(out, "only %zu areas (Gi* needs at least %d)", n,
				 JB_GI_MIN_UNITS);
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(x[i]) || x[i] < 0)
			return gi_refuse(out, "unit %zu has an invalid count (%g)", i, x[i]);
		total += x[i];
	}
	out->total = total;
	if (total < JB_GI_MIN_INCIDENTS)
		return gi_refuse(out, "only %g incidents (Gi* needs at least %d)", total,
				 JB_GI_MIN_INCIDENTS);
	for (size_t i = 0; i < n; i++)
		if (w->start[i + 1] < w->start[i] || w->start[i + 1] > w->start[n])
			return gi_refuse(out, "neighbour list is malformed at unit %zu", i);
	for (size_t k = 0; k < w->start[n]; k++)
		if (w->nb[k] >= n)
			return gi_refuse(out, "neighbour %zu is not one of the %zu units",
					 w->nb[k], n);

	double dn = (double)n;
	double xbar = gsl_stats_mean(x, 1, n);
	double ss = 0;
	for (size_t i = 0; i < n; i++)
		ss += (x[i] - xbar) * (x[i] - xbar);
	double sd = sqrt(ss / dn);
	out->xbar = xbar;
	out->sd = sd;
	if (!(sd > 0))
		return gi_refuse(out, "every area has the same count (%g): no variation "
				 "to find hot spots in", xbar);

	out->ok = 1;
	out->z = xmalloc(n * sizeof *out->z);
	out->p = xmalloc(n * sizeof *out->p);
	out->fdr = xcalloc(n, 1);
	out->cls = xcalloc(n, 1);
	for (size_t i = 0; i < n; i++) {
		double lag = 0, wi = (double)(w->start[i + 1] - w->start[i]);
		for (size_t k = w->start[i]; k < w->start[i + 1]; k++)
			lag += x[w->nb[k]];
		double var = (dn * wi - wi * wi) / (dn - 1); /* binary: sum w^2 = W */
		out->z[i] = var > 0 ? (lag - xbar * wi) / (sd * sqrt(var)) : 0;
		out->p[i] = var > 0 ? 2.0 * gsl_cdf_ugaussian_Q(fabs(out->z[i])) : 1.0;
	}

	double *sorted = xmalloc(n * sizeof *sorted);
	memcpy(sorted, out->p, n * sizeof *sorted);
	gsl_sort(sorted, 1, n);
	static const double q[3] = { 0.01, 0.05, 0.10 };
	for (int l = 0; l < 3; l++)
		out->p_cut[l] = bh_cut(sorted, n, q[l]);
	free(sorted);
	for (size_t i = 0; i < n; i++) {
		int level = 0;
		for (int l = 2; l >= 0; l--)
			if (out->p_cut[l] > 0 && out->p[i] <= out->p_cut[l])
				level = 3 - l;
		out->fdr[i] = level >= 2;
		out->cls[i] = (signed char)(out->z[i] > 0 ? level : -level);
		out->nhot += out->cls[i] > 0;
		out->ncold += out->cls[i] < 0;
	}
	return 0;
}

void jb_gistar_free(struct jb_gistar *g)
{
	if (!g)
		return;
	free(g->z);
	free(g->p);
	free(g->fdr);
	free(g->cls);
	g->z = g->p = NULL;
	g->fdr = NULL;
	g->cls = NULL;
}

/* ---- emerging hot spots ---- */

const char *const jb_emerging_names[JB_EMG_NCLASSES] = {
	"no pattern detected",
	"new hot spot", "consecutive hot spot", "intensifying hot spot",
	"persistent hot spot", "diminishing hot spot", "sporadic hot spot",
	"oscillating hot spot", "historical hot spot",
	"new cold spot", "consecutive cold spot", "intensifying cold spot",
	"persistent cold spot", "diminishing cold spot", "sporadic cold spot",
	"oscillating cold spot", "historical cold spot",
};

/* The hot-spot rules with sign = +1; sign = -1 swaps hot and cold. Returns
 * the offset of the hot class from JB_EMG_NEW_HOT, or -1 for none. */
static int emerging_side(const signed char *cls, const double *z, size_t T, int sign)
{
	size_t last = T - 1, hot = 0, hot_before = 0, cold_before = 0;
	for (size_t t = 0; t < T; t++) {
		int c = cls[t] * sign;
		hot += c > 0;
		if (t < last) {
			hot_before += c > 0;
			cold_before += c < 0;
		}
	}
	if (cls[last] * sign <= 0) /* historical: >= 90% of the other steps hot */
		return last > 0 && 10 * hot_before >= 9 * last ? JB_EMG_HISTORICAL_HOT - JB_EMG_NEW_HOT : -1;

	if (10 * hot >= 9 * T) {
		struct jb_mk mk;
		if (jb_mann_kendall(z, T, &mk) == 0 && mk.p < JB_EMG_TREND_ALPHA && mk.s != 0)
			return (mk.s * sign > 0 ? JB_EMG_INTENSIFYING_HOT : JB_EMG_DIMINISHING_HOT)
			       - JB_EMG_NEW_HOT;
		return JB_EMG_PERSISTENT_HOT - JB_EMG_NEW_HOT;
	}
	if (cold_before)
		return JB_EMG_OSCILLATING_HOT - JB_EMG_NEW_HOT;
	if (hot == 1)
		return 0; /* new */
	size_t run = 0;
	while (run < T && cls[last - run] * sign > 0)
		run++;
	if (run == hot)
		return JB_EMG_CONSECUTIVE_HOT - JB_EMG_NEW_HOT;
	return JB_EMG_SPORADIC_HOT - JB_EMG_NEW_HOT;
}

enum jb_emerging jb_emerging_class(const signed char *cls, const double *z, size_t nsteps)
{
	if (!nsteps || !cls || !z)
		return JB_EMG_NONE;
	int k = emerging_side(cls, z, nsteps, +1);
	if (k >= 0)
		return (enum jb_emerging)(JB_EMG_NEW_HOT + k);
	k = emerging_side(cls, z, nsteps, -1);
	if (k >= 0)
		return (enum jb_emerging)(JB_EMG_NEW_COLD + k);
	return JB_EMG_NONE;
}

/* ---- kernel density ---- */

static double axis_rule(const double *xy, size_t n, int axis)
{
	double *v = xmalloc(n * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = xy[2 * i + axis];
	gsl_sort(v, 1, n);
	double sd = gsl_stats_sd(v, 1, n);
	double iqr = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.75) -
		     gsl_stats_quantile_from_sorted_data(v, 1, n, 0.25);
	free(v);
	return 0.9 * fmin(sd, iqr / 1.34) * pow((double)n, -0.2);
}

double jb_kde_bandwidth(const double *xy, size_t n, double *h_rule)
{
	double rule = NAN;
	if (n >= 2)
		rule = (axis_rule(xy, n, 0) + axis_rule(xy, n, 1)) / 2;
	if (h_rule)
		*h_rule = rule;
	if (!isfinite(rule))
		return NAN;
	return fmin(fmax(rule, JB_KDE_HMIN), JB_KDE_HMAX);
}

int jb_kde_quartic(const double *xy, size_t n, const struct jb_grid *grid, struct jb_kde *out)
{
	memset(out, 0, sizeof *out);
	out->grid = *grid;
	out->h = jb_kde_bandwidth(xy, n, &out->h_rule);
	if (!isfinite(out->h))
		return -1;
	const struct jb_grid *g = grid;
	double h = out->h, h2 = h * h;
	double k0 = 3.0 / (M_PI * h2) * 1e6; /* per m^2 -> per km^2 */
	out->density = xcalloc(g->nx * g->ny, sizeof *out->density);
	for (size_t i = 0; i < n; i++) {
		double px = xy[2 * i], py = xy[2 * i + 1];
		/* cell centres within h: x0 + (ix + 0.5) cell in [px - h, px + h] */
		double lx = ceil((px - h - g->x0) / g->cell - 0.5);
		double hx = floor((px + h - g->x0) / g->cell - 0.5);
		double ly = ceil((py - h - g->y0) / g->cell - 0.5);
		double hy = floor((py + h - g->y0) / g->cell - 0.5);
		lx = fmax(lx, 0);
		ly = fmax(ly, 0);
		hx = fmin(hx, (double)g->nx - 1);
		hy = fmin(hy, (double)g->ny - 1);
		for (double iy = ly; iy <= hy; iy++) {
			double dy = g->y0 + (iy + 0.5) * g->cell - py;
			for (double ix = lx; ix <= hx; ix++) {
				double dx = g->x0 + (ix + 0.5) * g->cell - px;
				double d2 = dx * dx + dy * dy;
				if (d2 >= h2)
					continue;
				double u = 1.0 - d2 / h2;
				out->density[(size_t)iy * g->nx + (size_t)ix] += k0 * u * u;
			}
		}
	}
	return 0;
}

void jb_kde_free(struct jb_kde *k)
{
	if (!k)
		return;
	free(k->density);
	k->density = NULL;
}
