/* analysis/hotspots.c - see hotspots.h. The statistics themselves (queen
 * contiguity, grids, Gi* with BH FDR, emerging classes, kernel density)
 * are analysis/spatial.c's; this file chooses the study regions, windows
 * and counts, and tallies the results per borough. */
#include "hotspots.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/polygon.h"
#include "../util/xalloc.h"
#include "findings.h"

/* A month whose London total is below this share of the median month is
 * not complete (as analysis/areas.c decides for the end of a file). */
#define INCOMPLETE_SHARE 0.5
/* The kernel density surface: 25 m cells, 50 m when a borough would need
 * more than this many. */
#define KDE_CELL_FINE 25.0
#define KDE_CELL_COARSE 50.0
#define KDE_MAX_CELLS 250000.0

static void why(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void why(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
}

const char *jb_hot_class_name(int cls)
{
	static const char *const names[JB_HOT_NCLASSES] = {
		"cold spot, 99% confidence", "cold spot, 95% confidence",
		"cold spot, 90% confidence", "not significant",
		"hot spot, 90% confidence",  "hot spot, 95% confidence",
		"hot spot, 99% confidence",
	};
	return cls >= -3 && cls <= 3 ? names[cls + 3] : "?";
}

static void month_text(int m, char *buf, size_t n)
{
	snprintf(buf, n, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
}

/* ---- ordering helpers ---- */

struct ranked {
	int idx;        /* dataset index */
	double key;     /* larger first */
	const char *tie;/* then ascending */
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? 1 : -1;
	return strcmp(x->tie, y->tie);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* ---- 1. LSOA Gi* over the last 12 months ---- */

static void lsoa_gistar(struct jb_hotspots *h, const struct jb_findings *f)
{
	const struct jb_dataset *ds = f->ds;
	h->lsoa_unit = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *h->lsoa_unit);
	for (size_t l = 0; l < ds->nlsoa; l++)
		h->lsoa_unit[l] = -1;
	if (!f->has_lsoa) {
		why(h->lsoa_why, sizeof h->lsoa_why,
		    "no usable MPS LSOA-level recorded crime was supplied");
		return;
	}
	if (!ds->has_lsoa_shapes) {
		why(h->lsoa_why, sizeof h->lsoa_why, "no LSOA boundaries were supplied");
		return;
	}
	if (*f->lsoa_cover.missing[JB_LONDON]) { /* hot spots are measured against all London */
		why(h->lsoa_why, sizeof h->lsoa_why, "there is no %s",
		    f->lsoa_cover.missing[JB_LONDON]);
		return;
	}
	h->first_month = f->lsoa_period_end - 11;
	h->last_month = f->lsoa_period_end;
	h->unit_lsoa = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *h->unit_lsoa);
	h->x = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *h->x);
	const struct jb_polygon **polys = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *polys);
	for (size_t l = 0; l < ds->nlsoa; l++) {
		const struct jb_lsoa *L = &ds->lsoa[l];
		if (L->borough < 0 || !L->poly.nrings || !isfinite(f->lsoa[l].count12))
			continue;
		h->lsoa_unit[l] = (int)h->nunits;
		h->unit_lsoa[h->nunits] = (int)l;
		h->x[h->nunits] = f->lsoa[l].count12;
		polys[h->nunits] = &L->poly;
		h->nunits++;
	}
	jb_queen_contiguity(polys, h->nunits, JB_QUEEN_SNAP, &h->nb);
	free(polys);
	if (jb_gistar(h->x, &h->nb, &h->gi) != 0) {
		why(h->lsoa_why, sizeof h->lsoa_why, "hot spots were not computed: %s", h->gi.why);
		return;
	}
	h->lsoa_ok = 1;

	struct ranked *r = xmalloc((h->nunits ? h->nunits : 1) * sizeof *r);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_hot_area *a = &h->area[b];
		size_t nr = 0;
		for (size_t u = 0; u < h->nunits; u++) {
			const struct jb_lsoa *L = &ds->lsoa[h->unit_lsoa[u]];
			if (L->borough != b)
				continue;
			int c = h->gi.cls[u];
			a->nunits++;
			a->ncls[c + 3]++;
			a->nhot += c > 0;
			a->nhot_fdr += c >= 2;
			a->ncold += c < 0;
			if (c > 0)
				r[nr++] = (struct ranked){h->unit_lsoa[u], h->gi.z[u], L->code};
		}
		qsort(r, nr, sizeof *r, cmp_ranked);
		for (size_t k = 0; k < JB_HOT_TOP; k++)
			a->top_hot[k] = k < nr ? r[k].idx : -1;
		a->ntop_hot = nr < JB_HOT_TOP ? nr : JB_HOT_TOP;
	}
	free(r);
}

/* ---- 2. emerging hot spots over time steps ---- */

static void emerging(struct jb_hotspots *h, const struct jb_findings *f)
{
	const struct jb_dataset *ds = f->ds;
	if (!h->lsoa_ok) {
		why(h->emg_why, sizeof h->emg_why, "%s", h->lsoa_why);
		return;
	}
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_LSOA];
	int nm = t->nmonths, end = f->lsoa_period_end - t->first_month;
	unsigned char *matched = xcalloc(ds->ncategories ? ds->ncategories : 1, 1);
	for (size_t c = 0; c < ds->ncategories; c++)
		matched[c] = (unsigned char)jb_theme_has_category(f->theme, &ds->categories[c]);
	double *v = jb_theme_counts(t, matched, ds->nlsoa);
	free(matched);

	/* Complete months: the unbroken run ending at the last complete month
	 * whose study-region totals reach half the median month. */
	double *total = xcalloc((size_t)nm, sizeof *total);
	double *sorted = xmalloc((size_t)nm * sizeof *sorted);
	size_t ns = 0;
	for (int m = 0; m <= end && m < nm; m++) {
		for (size_t u = 0; u < h->nunits; u++)
			total[m] += v[(size_t)h->unit_lsoa[u] * (size_t)nm + (size_t)m];
		if (isfinite(total[m]))
			sorted[ns++] = total[m];
	}
	qsort(sorted, ns, sizeof *sorted, cmp_double);
	double median = ns ? (ns % 2 ? sorted[ns / 2] : (sorted[ns / 2 - 1] + sorted[ns / 2]) / 2) : 0;
	free(sorted);
	int first = end;
	while (first - 1 >= 0 && isfinite(total[first - 1]) &&
	       total[first - 1] >= INCOMPLETE_SHARE * median)
		first--;
	free(total);
	h->complete_months = (size_t)(end - first + 1);

	if (h->complete_months < 24) {
		why(h->emg_why, sizeof h->emg_why,
		    "emerging hot spots need at least 24 complete months of LSOA data; "
		    "the file has %zu", h->complete_months);
		free(v);
		return;
	}
	h->step_months = h->complete_months >= 60 ? 12 : 3;
	size_t T = h->nsteps = h->complete_months / (size_t)h->step_months;
	h->step_first = t->first_month + end - (int)T * h->step_months + 1;
	size_t n = h->nunits;
	h->step_z = xmalloc(n * T * sizeof *h->step_z);
	h->step_cls = xmalloc(n * T * sizeof *h->step_cls);
	double *x = xmalloc((n ? n : 1) * sizeof *x);
	for (size_t s = 0; s < T; s++) {
		int m0 = h->step_first - t->first_month + (int)s * h->step_months;
		for (size_t u = 0; u < n; u++) {
			const double *row = v + (size_t)h->unit_lsoa[u] * (size_t)nm;
			x[u] = 0;
			for (int m = m0; m < m0 + h->step_months; m++)
				x[u] += row[m];
		}
		struct jb_gistar g;
		if (jb_gistar(x, &h->nb, &g) != 0) {
			char mon[16];
			month_text(t->first_month + m0, mon, sizeof mon);
			why(h->emg_why, sizeof h->emg_why,
			    "emerging hot spots were not computed: the step from %s: %s", mon, g.why);
			jb_gistar_free(&g);
			free(x);
			free(v);
			return;
		}
		for (size_t u = 0; u < n; u++) {
			h->step_z[u * T + s] = g.z[u];
			h->step_cls[u * T + s] = g.cls[u];
		}
		jb_gistar_free(&g);
	}
	free(x);
	free(v);

	h->emg_ok = 1;
	h->emg = xmalloc((n ? n : 1) * sizeof *h->emg);
	h->mk_z = xmalloc((n ? n : 1) * sizeof *h->mk_z);
	h->mk_p = xmalloc((n ? n : 1) * sizeof *h->mk_p);
	h->hot_steps = xcalloc(n ? n : 1, sizeof *h->hot_steps);
	h->cold_steps = xcalloc(n ? n : 1, sizeof *h->cold_steps);
	for (size_t u = 0; u < n; u++) {
		h->emg[u] = (unsigned char)jb_emerging_class(h->step_cls + u * T, h->step_z + u * T, T);
		struct jb_mk mk;
		int ok = jb_mann_kendall(h->step_z + u * T, T, &mk) == 0;
		h->mk_z[u] = ok ? mk.z : NAN;
		h->mk_p[u] = ok ? mk.p : NAN;
		for (size_t s = 0; s < T; s++) {
			h->hot_steps[u] += h->step_cls[u * T + s] > 0;
			h->cold_steps[u] += h->step_cls[u * T + s] < 0;
		}
	}

	struct ranked *rp = xmalloc((n ? n : 1) * sizeof *rp);
	struct ranked *ri = xmalloc((n ? n : 1) * sizeof *ri);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_hot_area *a = &h->area[b];
		size_t np = 0, ni = 0;
		for (size_t u = 0; u < n; u++) {
			const struct jb_lsoa *L = &ds->lsoa[h->unit_lsoa[u]];
			if (L->borough != b)
				continue;
			a->nemg[h->emg[u]]++;
			struct ranked r = {h->unit_lsoa[u], h->step_z[u * T + T - 1], L->code};
			if (h->emg[u] == JB_EMG_PERSISTENT_HOT)
				rp[np++] = r;
			else if (h->emg[u] == JB_EMG_INTENSIFYING_HOT)
				ri[ni++] = r;
		}
		qsort(rp, np, sizeof *rp, cmp_ranked);
		qsort(ri, ni, sizeof *ri, cmp_ranked);
		a->npersistent = np;
		a->nintensifying = ni;
		for (size_t k = 0; k < JB_HOT_NAMED; k++) {
			a->persistent[k] = k < np ? rp[k].idx : -1;
			a->intensifying[k] = k < ni ? ri[k].idx : -1;
		}
	}
	free(rp);
	free(ri);
}

/* ---- 3. street points: grid Gi*, kernel density, top locations ---- */

/* Cells of g whose centre lies inside poly (even-odd over its rings, as
 * jb_polygon_contains), found row by row from the edges' crossings; each
 * is passed to mark(). */
static void scan_polygon(const struct jb_polygon *poly, const struct jb_grid *g,
			 void (*mark)(void *ctx, size_t cell), void *ctx)
{
	if (!poly->nrings || !g->nx || !g->ny)
		return;
	size_t npts = poly->ring[poly->nrings];
	double *xs = xmalloc((npts + 1) * sizeof *xs);
	for (size_t iy = 0; iy < g->ny; iy++) {
		double yc = g->y0 + ((double)iy + 0.5) * g->cell;
		if (yc < poly->miny || yc > poly->maxy)
			continue;
		size_t nx = 0;
		for (size_t r = 0; r < poly->nrings; r++) {
			size_t a = poly->ring[r], m = poly->ring[r + 1] - a;
			for (size_t i = 0; i < m; i++) {
				const double *p = poly->xy + 2 * (a + i);
				const double *q = poly->xy + 2 * (a + (i + 1) % m);
				if ((p[1] <= yc) != (q[1] <= yc))
					xs[nx++] = p[0] + (yc - p[1]) * (q[0] - p[0]) / (q[1] - p[1]);
			}
		}
		qsort(xs, nx, sizeof *xs, cmp_double);
		for (size_t k = 0; k + 1 < nx; k += 2) {
			double lo = ceil((xs[k] - g->x0) / g->cell - 0.5);
			double hi = ceil((xs[k + 1] - g->x0) / g->cell - 0.5) - 1;
			lo = fmax(lo, 0);
			hi = fmin(hi, (double)g->nx - 1);
			for (double ix = lo; ix <= hi; ix++)
				mark(ctx, iy * g->nx + (size_t)ix);
		}
	}
	free(xs);
}

struct owner_ctx {
	signed char *owner;
	int b;
};

static void mark_owner(void *ctx, size_t cell)
{
	struct owner_ctx *o = ctx;
	if (o->owner[cell] < 0)
		o->owner[cell] = (signed char)o->b;
}

static void mark_in(void *ctx, size_t cell)
{
	((unsigned char *)ctx)[cell] = 1;
}

/* The boundary of the cells with in[cell] != 0, as rings of cell corners
 * (collinear corners dropped) added to out. Every vertex of the boundary
 * has as many edges in as out, so a walk from an edge always comes back to
 * where it started; even-odd filling of the rings is the set of cells
 * however the walk pairs the edges at a corner two cells share. */
static void trace_cells(const unsigned char *in, const struct jb_grid *g, struct jb_polygon *out)
{
	size_t nx = g->nx, ny = g->ny, nv = (nx + 1) * (ny + 1);
	size_t cap = 0, ne = 0;
	size_t *from = NULL, *to = NULL, capt = 0;
#define V(ix, iy) ((size_t)(iy) * (nx + 1) + (size_t)(ix))
#define EDGE(a, b)                                               \
	do {                                                     \
		from = xgrow(from, &cap, ne + 1, sizeof *from);  \
		to = xgrow(to, &capt, ne + 1, sizeof *to);       \
		from[ne] = (a);                                  \
		to[ne++] = (b);                                  \
	} while (0)
	for (size_t iy = 0; iy < ny; iy++)
		for (size_t ix = 0; ix < nx; ix++) {
			if (!in[iy * nx + ix])
				continue;
			if (iy == 0 || !in[(iy - 1) * nx + ix])
				EDGE(V(ix, iy), V(ix + 1, iy));
			if (ix + 1 == nx || !in[iy * nx + ix + 1])
				EDGE(V(ix + 1, iy), V(ix + 1, iy + 1));
			if (iy + 1 == ny || !in[(iy + 1) * nx + ix])
				EDGE(V(ix + 1, iy + 1), V(ix, iy + 1));
			if (ix == 0 || !in[iy * nx + ix - 1])
				EDGE(V(ix, iy + 1), V(ix, iy));
		}
#undef EDGE
#undef V
	if (!ne) {
		free(from);
		free(to);
		return;
	}
	size_t *head = xmalloc(nv * sizeof *head), *next = xmalloc(ne * sizeof *next);
	for (size_t v = 0; v < nv; v++)
		head[v] = SIZE_MAX;
	for (size_t e = ne; e-- > 0;) {
		next[e] = head[from[e]];
		head[from[e]] = e;
	}
	unsigned char *used = xcalloc(ne, 1);
	size_t *ring = xmalloc((ne + 1) * sizeof *ring);
	double *xy = xmalloc(2 * (ne + 1) * sizeof *xy);
	for (size_t e0 = 0; e0 < ne; e0++) {
		if (used[e0])
			continue;
		size_t n = 0, e = e0;
		for (;;) {
			used[e] = 1;
			ring[n++] = from[e];
			size_t v = to[e];
			if (v == from[e0])
				break;
			/* unlink used edges as they are met */
			while (head[v] != SIZE_MAX && used[head[v]])
				head[v] = next[head[v]];
			e = head[v];
			if (e == SIZE_MAX)
				break; /* cannot happen: in-degree equals out-degree */
		}
		/* drop corners where the ring goes straight on */
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			size_t a = ring[(i + n - 1) % n], b = ring[i], c = ring[(i + 1) % n];
			long ax = (long)(a % (nx + 1)), ay = (long)(a / (nx + 1));
			long bx = (long)(b % (nx + 1)), by = (long)(b / (nx + 1));
			long cx = (long)(c % (nx + 1)), cy = (long)(c / (nx + 1));
			if ((bx - ax) * (cy - by) - (by - ay) * (cx - bx) == 0)
				continue;
			xy[2 * k] = g->x0 + (double)bx * g->cell;
			xy[2 * k + 1] = g->y0 + (double)by * g->cell;
			k++;
		}
		if (k >= 3)
			jb_polygon_add_ring(out, xy, k);
	}
	free(ring);
	free(xy);
	free(used);
	free(head);
	free(next);
	free(from);
	free(to);
}

/* The borough's kernel density surface, classed and traced. */
static void borough_kde(struct jb_hot_area *a, const struct jb_polygon *shape, const double *xy,
			size_t n)
{
	if (n < 2) {
		why(a->kde_why, sizeof a->kde_why,
		    "%zu offence%s located in the borough: a density surface needs at least 2", n,
		    n == 1 ? "" : "s");
		return;
	}
	if (!shape->nrings) {
		why(a->kde_why, sizeof a->kde_why, "no borough boundary was supplied");
		return;
	}
	double w = shape->maxx - shape->minx, ht = shape->maxy - shape->miny;
	double cell = (w / KDE_CELL_FINE + 1) * (ht / KDE_CELL_FINE + 1) > KDE_MAX_CELLS
			      ? KDE_CELL_COARSE
			      : KDE_CELL_FINE;
	struct jb_grid g;
	jb_grid_init(&g, shape->minx, shape->miny, shape->maxx, shape->maxy, cell);
	struct jb_kde k;
	if (jb_kde_quartic(xy, n, &g, &k) != 0) {
		why(a->kde_why, sizeof a->kde_why, "no bandwidth could be set from the points");
		jb_kde_free(&k);
		return;
	}
	size_t nc = g.nx * g.ny;
	unsigned char *inside = xcalloc(nc, 1);
	scan_polygon(shape, &g, mark_in, inside);
	double max = 0;
	for (size_t c = 0; c < nc; c++)
		if (inside[c] && k.density[c] > max)
			max = k.density[c];
	a->kde_h = k.h;
	a->kde_h_rule = k.h_rule;
	a->kde_cell = cell;
	a->kde_max = max;
	if (!(max > 0)) {
		why(a->kde_why, sizeof a->kde_why, "the density is zero everywhere inside the borough");
		free(inside);
		jb_kde_free(&k);
		return;
	}
	a->kde_ok = 1;
	for (int c = 0; c <= JB_KDE_CLASSES; c++)
		a->kde_breaks[c] = max * c / JB_KDE_CLASSES;
	signed char *cls = xmalloc(nc);
	for (size_t c = 0; c < nc; c++) {
		double d = k.density[c];
		int kc = -1;
		if (inside[c] && d > 0) {
			kc = (int)ceil(d / max * JB_KDE_CLASSES) - 1;
			kc = kc < 0 ? 0 : kc >= JB_KDE_CLASSES ? JB_KDE_CLASSES - 1 : kc;
		}
		cls[c] = (signed char)kc;
	}
	for (int c = 0; c < JB_KDE_CLASSES; c++) {
		for (size_t i = 0; i < nc; i++)
			inside[i] = cls[i] >= c;
		trace_cells(inside, &g, &a->kde_region[c]);
	}
	free(cls);
	free(inside);
	jb_kde_free(&k);
}

struct street_pt {
	double x, y;
	int borough, location;
};

static void street(struct jb_hotspots *h, const struct jb_findings *f)
{
	const struct jb_dataset *ds = f->ds;
	const struct jb_street *st = &ds->street;
	const struct jb_theme *th = f->theme;
	h->grid_m = th->grid_m > 0 ? th->grid_m : JB_GRID_CELL;
	if (!ds->has_street || !st->nmonths) {
		why(h->street_why, sizeof h->street_why,
		    "no data.police.uk street-level crime was supplied");
		return;
	}
	if (!th->nstreet) {
		why(h->street_why, sizeof h->street_why,
		    "the theme names no data.police.uk crime types");
		return;
	}
	unsigned char *type_ok = xcalloc(st->ntypes ? st->ntypes : 1, 1);
	for (size_t i = 0; i < st->ntypes; i++)
		for (size_t k = 0; k < th->nstreet; k++)
			type_ok[i] |= strcasecmp(st->types[i], th->street_types[k]) == 0;
	h->street_age = jb_source_window(st->first_month, st->first_month + st->nmonths - 1,
					 jb_findings_period(f), &h->street_first,
					 &h->street_last);
	if (h->street_age == JB_WINDOW_NONE) {
		char a[16], b[16];
		month_text(st->first_month, a, sizeof a);
		month_text(f->period_end, b, sizeof b);
		why(h->street_why, sizeof h->street_why,
		    "the street-level files start in %s, after the period analysed (to %s)", a, b);
		free(type_ok);
		return;
	}
	int lo = h->street_first - st->first_month, hi = h->street_last - st->first_month;
	struct street_pt *pt = xmalloc((st->npts ? st->npts : 1) * sizeof *pt);
	size_t n = 0;
	for (size_t i = 0; i < st->npts; i++) {
		const struct jb_point *p = &st->pts[i];
		int b = jb_point_borough(ds, p);
		if (!type_ok[p->type] || (int)p->month < lo || (int)p->month > hi || b < 0 ||
		    b >= JB_NBOROUGHS || !isfinite(p->x) || !isfinite(p->y))
			continue;
		pt[n++] = (struct street_pt){p->x, p->y, b, (int)p->location};
	}
	free(type_ok);
	h->street_n = n;
	if (!n) {
		char a[16], b[16];
		month_text(h->street_first, a, sizeof a);
		month_text(h->street_last, b, sizeof b);
		why(h->street_why, sizeof h->street_why,
		    "the street-level files read (%s to %s) hold none of the theme's offences "
		    "in the 32 boroughs", a, b);
		free(pt);
		return;
	}
	h->has_street = 1;
	for (size_t i = 0; i < n; i++)
		h->area[pt[i].borough].street_n++;

	/* The grid over London and its Gi*. */
	size_t *cell_unit = NULL;
	if (!ds->has_borough_shapes) {
		why(h->grid_why, sizeof h->grid_why, "no borough boundaries to lay the grid over");
	} else {
		double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			const struct jb_polygon *s = &ds->borough_shape[b];
			if (!s->nrings)
				continue;
			minx = fmin(minx, s->minx);
			miny = fmin(miny, s->miny);
			maxx = fmax(maxx, s->maxx);
			maxy = fmax(maxy, s->maxy);
		}
		jb_grid_init(&h->grid, minx, miny, maxx, maxy, h->grid_m);
		size_t nc = h->grid.nx * h->grid.ny;
		signed char *owner = xmalloc(nc ? nc : 1);
		memset(owner, -1, nc ? nc : 1);
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			struct owner_ctx o = {owner, b};
			scan_polygon(&ds->borough_shape[b], &h->grid, mark_owner, &o);
		}
		double *count = xcalloc(nc ? nc : 1, sizeof *count);
		unsigned char *keep = xcalloc(nc ? nc : 1, 1);
		for (size_t i = 0; i < n; i++) {
			long c = jb_grid_cell(&h->grid, pt[i].x, pt[i].y);
			if (c < 0)
				continue;
			count[c]++;
			if (owner[c] < 0) /* a point in a cell whose centre is outside */
				owner[c] = (signed char)pt[i].borough;
		}
		for (size_t c = 0; c < nc; c++)
			keep[c] = owner[c] >= 0;
		jb_grid_nb(&h->grid, keep, &h->gnb);
		h->gx = xmalloc((h->gnb.n ? h->gnb.n : 1) * sizeof *h->gx);
		h->gborough = xmalloc(h->gnb.n ? h->gnb.n : 1);
		cell_unit = xmalloc((nc ? nc : 1) * sizeof *cell_unit);
		for (size_t c = 0; c < nc; c++)
			cell_unit[c] = SIZE_MAX;
		for (size_t u = 0; u < h->gnb.n; u++) {
			size_t c = h->gnb.id[u];
			h->gx[u] = count[c];
			h->gborough[u] = owner[c];
			cell_unit[c] = u;
		}
		free(owner);
		free(count);
		free(keep);
		if (jb_gistar(h->gx, &h->gnb, &h->ggi) == 0) {
			h->grid_ok = 1;
			for (size_t u = 0; u < h->gnb.n; u++) {
				struct jb_hot_area *a = &h->area[h->gborough[u]];
				a->grid_cells++;
				a->grid_hot += h->ggi.cls[u] > 0;
				a->grid_cold += h->ggi.cls[u] < 0;
			}
		} else {
			why(h->grid_why, sizeof h->grid_why,
			    "hot cells (Gi* over London's grid) were not computed: %s", h->ggi.why);
		}
	}

	/* Per borough: density surface and the top locations in hot cells. */
	double *xy = xmalloc(2 * n * sizeof *xy);
	double *at = xcalloc(st->nlocations ? st->nlocations : 1, sizeof *at);
	struct ranked *r = xmalloc((n ? n : 1) * sizeof *r);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_hot_area *a = &h->area[b];
		size_t m = 0, nr = 0;
		for (size_t i = 0; i < n; i++) {
			if (pt[i].borough != b)
				continue;
			xy[2 * m] = pt[i].x;
			xy[2 * m + 1] = pt[i].y;
			m++;
			if (!h->grid_ok || pt[i].location < 0 || (size_t)pt[i].location >= st->nlocations)
				continue;
			long c = jb_grid_cell(&h->grid, pt[i].x, pt[i].y);
			if (c < 0 || cell_unit[c] == SIZE_MAX || h->ggi.cls[cell_unit[c]] <= 0)
				continue;
			a->hot_cell_offences++;
			if (at[pt[i].location]++ == 0)
				r[nr++] = (struct ranked){pt[i].location, 0, st->locations[pt[i].location]};
		}
		for (size_t k = 0; k < nr; k++) {
			r[k].key = at[r[k].idx];
			at[r[k].idx] = 0;
		}
		qsort(r, nr, sizeof *r, cmp_ranked);
		for (size_t k = 0; k < JB_TOP_LOCATIONS && k < nr; k++) {
			a->top_loc[k] = r[k].idx;
			a->top_loc_n[k] = r[k].key;
		}
		a->ntop_loc = nr < JB_TOP_LOCATIONS ? nr : JB_TOP_LOCATIONS;
		borough_kde(a, &ds->borough_shape[b], xy, m);
	}
	free(r);
	free(at);
	free(xy);
	free(cell_unit);
	free(pt);
}

/* London's counts, the boroughs' summed (summary.csv's London row). */
static void london_tallies(struct jb_hotspots *h)
{
	struct jb_hot_area *L = &h->area[JB_LONDON];
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_hot_area *a = &h->area[b];
		L->nunits += a->nunits;
		for (int k = 0; k < JB_HOT_NCLASSES; k++)
			L->ncls[k] += a->ncls[k];
		L->nhot += a->nhot;
		L->nhot_fdr += a->nhot_fdr;
		L->ncold += a->ncold;
		for (int k = 0; k < JB_EMG_NCLASSES; k++)
			L->nemg[k] += a->nemg[k];
		L->npersistent += a->npersistent;
		L->nintensifying += a->nintensifying;
	}
}

struct jb_hotspots *jb_hotspots_analyse(const struct jb_findings *f)
{
	struct jb_hotspots *h = xcalloc(1, sizeof *h);
	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		for (int k = 0; k < JB_HOT_TOP; k++)
			h->area[b].top_hot[k] = -1;
		h->area[b].kde_h = h->area[b].kde_h_rule = NAN;
	}
	lsoa_gistar(h, f);
	emerging(h, f);
	street(h, f);
	london_tallies(h);
	return h;
}

void jb_hotspots_free(struct jb_hotspots *h)
{
	if (!h)
		return;
	free(h->unit_lsoa);
	free(h->lsoa_unit);
	free(h->x);
	jb_nb_free(&h->nb);
	jb_gistar_free(&h->gi);
	free(h->step_z);
	free(h->step_cls);
	free(h->emg);
	free(h->mk_z);
	free(h->mk_p);
	free(h->hot_steps);
	free(h->cold_steps);
	jb_nb_free(&h->gnb);
	free(h->gx);
	free(h->gborough);
	jb_gistar_free(&h->ggi);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		for (int c = 0; c < JB_KDE_CLASSES; c++)
			jb_polygon_free(&h->area[b].kde_region[c]);
	free(h);
}

/* ---- dump ---- */

void jb_hotspots_dump(const struct jb_findings *f, FILE *out)
{
	const struct jb_hotspots *h = f->hot;
	const struct jb_dataset *ds = f->ds;
	if (!h)
		return;
	char a[16], b[16];
	if (h->lsoa_ok) {
		month_text(h->first_month, a, sizeof a);
		month_text(h->last_month, b, sizeof b);
		fprintf(out, "hotspots lsoa %s..%s units %zu total %.0f mean %.6f sd %.6f "
			"p_cut %.6g %.6g %.6g hot %zu cold %zu\n",
			a, b, h->nunits, h->gi.total, h->gi.xbar, h->gi.sd, h->gi.p_cut[0],
			h->gi.p_cut[1], h->gi.p_cut[2], h->gi.nhot, h->gi.ncold);
	} else {
		fprintf(out, "hotspots lsoa none (%s)\n", h->lsoa_why);
	}
	if (h->emg_ok) {
		month_text(h->step_first, a, sizeof a);
		fprintf(out, "hotspots emerging complete_months %zu steps %zu of %d months from %s",
			h->complete_months, h->nsteps, h->step_months, a);
		for (int k = 0; k < JB_EMG_NCLASSES; k++)
			fprintf(out, " %zu", h->area[JB_LONDON].nemg[k]);
		fputc('\n', out);
	} else {
		fprintf(out, "hotspots emerging none (%s)\n", h->emg_why);
	}
	if (h->has_street) {
		month_text(h->street_first, a, sizeof a);
		month_text(h->street_last, b, sizeof b);
		fprintf(out, "hotspots street %s..%s offences %zu grid %g m ", a, b, h->street_n,
			h->grid_m);
		if (h->grid_ok)
			fprintf(out, "cells %zu hot %zu cold %zu\n", h->gnb.n, h->ggi.nhot,
				h->ggi.ncold);
		else
			fprintf(out, "none (%s)\n", h->grid_why);
	} else {
		fprintf(out, "hotspots street none (%s)\n", h->street_why);
	}
	for (int bo = 0; bo < JB_NBOROUGHS; bo++) {
		const struct jb_hot_area *ar = &h->area[bo];
		fprintf(out, "hot %s", jb_boroughs[bo].code);
		if (h->lsoa_ok) {
			fprintf(out, " units %zu classes", ar->nunits);
			for (int k = 0; k < JB_HOT_NCLASSES; k++)
				fprintf(out, " %zu", ar->ncls[k]);
			for (size_t k = 0; k < ar->ntop_hot; k++)
				fprintf(out, " %s:%.4f", ds->lsoa[ar->top_hot[k]].code,
					h->gi.z[h->lsoa_unit[ar->top_hot[k]]]);
		}
		fputc('\n', out);
		if (h->emg_ok) {
			fputs("  emerging", out);
			for (int k = 0; k < JB_EMG_NCLASSES; k++)
				fprintf(out, " %zu", ar->nemg[k]);
			fputs(" persistent", out);
			for (size_t k = 0; k < ar->npersistent && k < JB_HOT_NAMED; k++)
				fprintf(out, " %s", ds->lsoa[ar->persistent[k]].code);
			fputs(" intensifying", out);
			for (size_t k = 0; k < ar->nintensifying && k < JB_HOT_NAMED; k++)
				fprintf(out, " %s", ds->lsoa[ar->intensifying[k]].code);
			fputc('\n', out);
		}
		if (h->has_street) {
			fprintf(out, "  street offences %zu cells %zu hot %zu cold %zu in_hot %.0f",
				ar->street_n, ar->grid_cells, ar->grid_hot, ar->grid_cold,
				ar->hot_cell_offences);
			if (ar->kde_ok)
				fprintf(out, " kde h %.1f rule %.1f cell %g max %.4f", ar->kde_h,
					ar->kde_h_rule, ar->kde_cell, ar->kde_max);
			else
				fprintf(out, " kde none (%s)", ar->kde_why);
			fputc('\n', out);
			for (size_t k = 0; k < ar->ntop_loc; k++)
				fprintf(out, "  location %.0f %s\n", ar->top_loc_n[k],
					ds->street.locations[ar->top_loc[k]]);
		}
	}
}

/* ---- check ---- */

/* A borough's Gi* tallies against its classes, and its hottest list. */
static void check_lsoa_area(struct jb_check *c, const struct jb_hotspots *h,
			    const struct jb_dataset *ds, int b)
{
	const struct jb_hot_area *a = &h->area[b];
	size_t units = 0, cls[JB_HOT_NCLASSES] = {0};
	for (size_t u = 0; u < h->nunits; u++)
		if (b == JB_LONDON || ds->lsoa[h->unit_lsoa[u]].borough == b) {
			units++;
			cls[h->gi.cls[u] + 3]++;
		}
	if (a->nunits != units || memcmp(a->ncls, cls, sizeof cls) != 0)
		jb_check_problem(c, "area %d: %zu units in its classes, %zu in the study region", b,
			    a->nunits, units);
	if (a->nhot != cls[4] + cls[5] + cls[6] || a->nhot_fdr != cls[5] + cls[6] ||
	    a->ncold != cls[0] + cls[1] + cls[2])
		jb_check_problem(c, "area %d: hot, FDR or cold count is not its classes'", b);
	if (b == JB_LONDON)
		return;
	if (a->ntop_hot != (a->nhot < JB_HOT_TOP ? a->nhot : JB_HOT_TOP))
		jb_check_problem(c, "area %d: %zu hottest listed of %zu hot", b, a->ntop_hot, a->nhot);
	for (size_t k = 0; k < a->ntop_hot && k < JB_HOT_TOP; k++) {
		int l = a->top_hot[k];
		if (l < 0 || (size_t)l >= ds->nlsoa || h->lsoa_unit[l] < 0 ||
		    ds->lsoa[l].borough != b || h->gi.cls[h->lsoa_unit[l]] <= 0)
			jb_check_problem(c, "area %d: hottest %zu is not a hot LSOA of it", b, k);
	}
}

static void check_lsoa(struct jb_check *c, const struct jb_hotspots *h,
		       const struct jb_dataset *ds)
{
	if (!h->lsoa_ok)
		return;
	size_t hot = 0, cold = 0;
	for (size_t u = 0; u < h->nunits; u++) {
		int l = h->unit_lsoa[u];
		if (l < 0 || (size_t)l >= ds->nlsoa || h->lsoa_unit[l] != (int)u ||
		    ds->lsoa[l].borough < 0) {
			jb_check_problem(c, "unit %zu: not an LSOA of the 32 boroughs", u);
			return;
		}
		int k = h->gi.cls[u];
		if (k < JB_COLD99 || k > JB_HOT99 || h->gi.fdr[u] != (k >= 2 || k <= -2) ||
		    !(h->gi.p[u] >= 0 && h->gi.p[u] <= 1)) {
			jb_check_problem(c, "unit %zu: class %d, FDR %d, p %g disagree", u, k,
				    h->gi.fdr[u], h->gi.p[u]);
			return;
		}
		hot += k > 0;
		cold += k < 0;
	}
	if (hot != h->gi.nhot || cold != h->gi.ncold)
		jb_check_problem(c, "Gi* counts %zu hot, %zu cold; its classes %zu, %zu", h->gi.nhot,
			    h->gi.ncold, hot, cold);
	for (int b = 0; b <= JB_NBOROUGHS; b++)
		check_lsoa_area(c, h, ds, b);
}

static void check_emerging(struct jb_check *c, const struct jb_hotspots *h)
{
	if (!h->emg_ok)
		return;
	size_t T = h->nsteps;
	for (size_t u = 0; u < h->nunits; u++) {
		int hot = 0, cold = 0;
		for (size_t s = 0; s < T; s++) {
			hot += h->step_cls[u * T + s] > 0;
			cold += h->step_cls[u * T + s] < 0;
		}
		if (h->emg[u] >= JB_EMG_NCLASSES || h->hot_steps[u] != hot ||
		    h->cold_steps[u] != cold) {
			jb_check_problem(c, "unit %zu: emerging class or step counts out of line", u);
			return;
		}
	}
	for (int b = 0; b <= JB_NBOROUGHS; b++) {
		const struct jb_hot_area *a = &h->area[b];
		if (a->npersistent != a->nemg[JB_EMG_PERSISTENT_HOT] ||
		    a->nintensifying != a->nemg[JB_EMG_INTENSIFYING_HOT])
			jb_check_problem(c, "area %d: persistent or intensifying count is not its "
				    "classes'", b);
	}
}

static void check_street(struct jb_check *c, const struct jb_hotspots *h,
			 const struct jb_dataset *ds)
{
	size_t n = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const struct jb_hot_area *a = &h->area[b];
		n += a->street_n;
		if (a->hot_cell_offences > (double)a->street_n || a->ntop_loc > JB_TOP_LOCATIONS)
			jb_check_problem(c, "area %d: more offences in hot cells than located", b);
		for (size_t k = 0; k < a->ntop_loc && k < JB_TOP_LOCATIONS; k++)
			if (a->top_loc[k] < 0 || (size_t)a->top_loc[k] >= ds->street.nlocations ||
			    (k && a->top_loc_n[k] > a->top_loc_n[k - 1]))
				jb_check_problem(c, "area %d: top location %zu out of order", b, k);
		for (int k = 0; a->kde_ok && k < JB_KDE_CLASSES; k++)
			if (!(a->kde_breaks[k] <= a->kde_breaks[k + 1]))
				jb_check_problem(c, "area %d: density classes out of order", b);
	}
	if (h->has_street && n != h->street_n)
		jb_check_problem(c, "%zu street offences, the boroughs hold %zu", h->street_n, n);
	for (size_t u = 0; h->grid_ok && u < h->gnb.n; u++)
		if (h->gborough[u] < 0 || h->gborough[u] >= JB_NBOROUGHS) {
			jb_check_problem(c, "grid cell %zu in no borough", u);
			break;
		}
}

int jb_hotspots_check(const struct jb_hotspots *h, const struct jb_dataset *ds, FILE *err)
{
	struct jb_check c = {err, "hot spots", 0};
	if (!h)
		return 0;
	check_lsoa(&c, h, ds);
	check_emerging(&c, h);
	check_street(&c, h, ds);
	return c.n;
}

/* ---- the part (analysis/findings.h) ---- */

static void hotspots_part_analyse(const struct jb_dataset *ds, struct jb_findings *f)
{
	(void)ds;
	f->hot = jb_hotspots_analyse(f);
}

static int hotspots_part_check(const struct jb_findings *f, FILE *err)
{
	return jb_hotspots_check(f->hot, f->ds, err);
}

static void hotspots_part_free(struct jb_findings *f)
{
	jb_hotspots_free(f->hot);
}

const struct jb_part jb_hotspots_part = {
	.analyse = hotspots_part_analyse,
	.dump = jb_hotspots_dump,
	.check = hotspots_part_check,
	.free = hotspots_part_free,
};
