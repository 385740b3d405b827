/* analysis/london.c - see london.h.
 *
 * Neighbouring boroughs come from queen contiguity of the borough
 * boundaries. The published generalised boundaries are simplified per
 * borough, so shared edges do not always share vertices exactly: vertices
 * within 25 m count as shared (the generalisation tolerance is 20 m).
 * Overview map classes are quintiles of the 32 rates (R type 7), rounded
 * to one decimal place so the legend's numbers are the class edges. */
#include "london.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spatial.h"

#define BOROUGH_SNAP 25.0

static void neighbours(const struct jb_dataset *ds, struct jb_findings *f)
{
	if (!ds->has_borough_shapes)
		return;
	const struct jb_polygon *poly[JB_NBOROUGHS];
	for (int b = 0; b < JB_NBOROUGHS; b++)
		poly[b] = &ds->borough_shape[b];
	struct jb_nb nb;
	jb_queen_contiguity(poly, JB_NBOROUGHS, BOROUGH_SNAP, &nb);
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		struct jb_area_findings *a = &f->area[b];
		for (size_t k = nb.start[b]; k < nb.start[b + 1] && a->nneighbours < 16; k++)
			if ((int)nb.nb[k] != b && ds->borough_shape[nb.nb[k]].nrings)
				a->neighbours[a->nneighbours++] = (int)nb.nb[k];
	}
	jb_nb_free(&nb);
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

static void map_classes(struct jb_findings *f)
{
	double v[JB_NBOROUGHS];
	int n = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++)
		if (isfinite(f->area[b].rate))
			v[n++] = f->area[b].rate;
	for (int b = 0; b < JB_NBOROUGHS; b++)
		f->borough_map_class[b] = -1;
	if (n < 2)
		return;
	qsort(v, (size_t)n, sizeof v[0], cmp_double);
	double *e = f->borough_map_breaks;
	int ne = 0;
	e[ne++] = floor(v[0] * 10) / 10;
	for (int k = 1; k < JB_MAP_CLASSES; k++) {
		double h = (double)(n - 1) * k / JB_MAP_CLASSES;
		int lo = (int)floor(h);
		double q = v[lo] + (h - lo) * (v[lo + 1 < n ? lo + 1 : lo] - v[lo]);
		double edge = round(q * 10) / 10;
		if (edge > e[ne - 1])
			e[ne++] = edge;
	}
	double top = ceil(v[n - 1] * 10) / 10;
	if (top <= e[ne - 1])
		top = e[ne - 1] + 0.1;
	e[ne++] = top;
	f->borough_map_nclasses = ne - 1;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		double r = f->area[b].rate;
		if (!isfinite(r))
			continue;
		int c = 0;
		while (c + 1 < ne - 1 && r >= e[c + 1])
			c++;
		f->borough_map_class[b] = c;
	}
}

void jb_london_view(const struct jb_dataset *ds, struct jb_findings *f)
{
	neighbours(ds, f);
	const struct jb_area_findings *L = &f->area[JB_LONDON];
	for (int b = 0; b <= jb_last_area(f); b++) {
		if (b == JB_LONDON)
			continue;
		struct jb_area_findings *a = &f->area[b];
		a->share_of_london = a->change.ok && L->change.ok && L->change.a > 0
					     ? 100.0 * a->change.a / L->change.a
					     : NAN;
	}
	f->area[JB_LONDON].share_of_london = L->change.ok ? 100.0 : NAN;
	/* Orders by rank (ties keep borough order, i.e. by name). */
	f->nranked = f->nrate_ranked = 0;
	for (int r = 1; r <= JB_NBOROUGHS; r++)
		for (int b = 0; b < JB_NBOROUGHS; b++) {
			if (f->area[b].rise_rank == r)
				f->rise_order[f->nranked++] = b;
			if (f->area[b].rate_rank == r)
				f->rate_order[f->nrate_ranked++] = b;
		}
	map_classes(f);
}

const struct jb_part jb_london_part = {
	.analyse = jb_london_view,
};
