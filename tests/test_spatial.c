/* tests/test_spatial.c - analysis/spatial.c against R's spdep, by hand and
 * by a golden table.
 *
 * tests/reference/spatial_reference.h is written by
 * tests/reference/spatial_reference.R: spdep::poly2nb (queen, snap 1 cm),
 * spdep::localG on self-included binary weights, p.adjust(BH), and a
 * brute-force quartic kernel density, on a made-up lattice and on the real
 * 4,994 London LSOAs with their violence-with-injury counts for the 12 months
 * to 2026-02 (from sample-data/crime). */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shapefil.h>

#include "../analysis/spatial.h"
#include "../ingest/dataset.h"
#include "../util/xalloc.h"
#include "reference/spatial_reference.h"

#define REL 1e-6
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* spdep's lists leave self out; ours include it. */
static void assert_same_nb(const struct jb_nb *w, const unsigned *card,
			   const unsigned *nb, size_t n)
{
	assert_int_equal(w->n, n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(w->start[i + 1] - w->start[i], card[i] + 1);
		for (size_t j = w->start[i]; j < w->start[i + 1]; j++) {
			if (w->nb[j] == i)
				continue;
			if (w->nb[j] != nb[k])
				print_message("unit %zu: neighbour %zu, spdep %u\n", i, w->nb[j], nb[k]);
			assert_int_equal(w->nb[j], nb[k]);
			k++;
		}
	}
}

static void assert_same_gi(const struct jb_gistar *g, const double *z, const double *p,
			   const signed char *cls, size_t n)
{
	assert_int_equal(g->ok, 1);
	size_t hot = 0, cold = 0;
	for (size_t i = 0; i < n; i++) {
		/* z crosses zero: relative on the scale of 1 */
		assert_true(fabs(g->z[i] - z[i]) <= REL * fmax(1, fabs(z[i])));
		assert_close(g->p[i], p[i], REL);
		if (g->cls[i] != cls[i])
			print_message("unit %zu: class %d, spdep %d\n", i, g->cls[i], cls[i]);
		assert_int_equal(g->cls[i], cls[i]);
		assert_int_equal(g->fdr[i], abs(cls[i]) >= 2);
		hot += cls[i] > 0;
		cold += cls[i] < 0;
	}
	assert_int_equal(g->nhot, hot);
	assert_int_equal(g->ncold, cold);
}

/* ---- the made-up lattice ---- */

static struct jb_polygon *lattice_polys(size_t *n)
{
	*n = LATTICE_N;
	struct jb_polygon *pl = xcalloc(*n, sizeof *pl);
	for (size_t i = 0; i < *n; i++) {
		pl[i].nrings = 1;
		pl[i].ring = xmalloc(2 * sizeof *pl[i].ring);
		pl[i].ring[0] = 0;
		pl[i].ring[1] = LATTICE_RING_POINTS;
		pl[i].xy = xmalloc(2 * LATTICE_RING_POINTS * sizeof *pl[i].xy);
		memcpy(pl[i].xy, lattice_xy + 2 * LATTICE_RING_POINTS * i,
		       2 * LATTICE_RING_POINTS * sizeof *pl[i].xy);
	}
	return pl;
}

static void free_polys(struct jb_polygon *pl, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(pl[i].ring);
		free(pl[i].xy);
	}
	free(pl);
}

static void queen_lattice_matches_poly2nb(void **state)
{
	(void)state;
	size_t n;
	struct jb_polygon *pl = lattice_polys(&n);
	const struct jb_polygon **pp = xmalloc(n * sizeof *pp);
	for (size_t i = 0; i < n; i++)
		pp[i] = &pl[i];
	struct jb_nb w;
	jb_queen_contiguity(pp, n, 0.01, &w);
	assert_same_nb(&w, lattice_card, lattice_nb, n);
	/* by hand: a corner square has 3 neighbours, an inner one 8, the
	 * square 5 cm away and the island none */
	assert_int_equal(w.start[1] - w.start[0], 4);
	assert_int_equal(w.start[9] - w.start[8], 9);
	assert_int_equal(w.start[43] - w.start[42], 1);
	/* a snap of 0.1 m reaches the square 5 cm east of the lattice */
	struct jb_nb wide;
	jb_queen_contiguity(pp, n, 0.1, &wide);
	const size_t want_gap[] = { 6, 13, 42 }; /* row 0's and row 1's east squares */
	assert_int_equal(wide.start[43] - wide.start[42], 3);
	assert_memory_equal(wide.nb + wide.start[42], want_gap, sizeof want_gap);
	jb_nb_free(&wide);

	struct jb_gistar g;
	assert_int_equal(jb_gistar(lattice_x, &w, &g), 0);
	assert_same_gi(&g, lattice_z, lattice_p, lattice_cls, n);
	jb_gistar_free(&g);
	jb_gistar_free(&g);
	jb_gistar_free(NULL);
	jb_nb_free(&w);
	jb_nb_free(NULL);
	free(pp);
	free_polys(pl, n);
}

/* ---- the real lattice: London's LSOAs ---- */

static struct jb_polygon *read_shapes(const char *path, size_t *n)
{
	SHPHandle h = SHPOpen(path, "rb");
	assert_non_null(h);
	int count, type;
	double lo[4], hi[4];
	SHPGetInfo(h, &count, &type, lo, hi);
	*n = (size_t)count;
	struct jb_polygon *pl = xcalloc(*n, sizeof *pl);
	for (int i = 0; i < count; i++) {
		SHPObject *o = SHPReadObject(h, i);
		assert_non_null(o);
		struct jb_polygon *p = &pl[i];
		p->nrings = (size_t)o->nParts;
		p->ring = xmalloc((p->nrings + 1) * sizeof *p->ring);
		for (int r = 0; r < o->nParts; r++)
			p->ring[r] = (size_t)o->panPartStart[r];
		p->ring[p->nrings] = (size_t)o->nVertices;
		p->xy = xmalloc(2 * (size_t)o->nVertices * sizeof *p->xy);
		for (int v = 0; v < o->nVertices; v++) {
			p->xy[2 * v] = o->padfX[v];
			p->xy[2 * v + 1] = o->padfY[v];
		}
		SHPDestroyObject(o);
	}
	SHPClose(h);
	return pl;
}

static void lsoa_hot_spots_match_spdep(void **state)
{
	(void)state;
	size_t n;
	struct jb_polygon *pl = read_shapes(
		"sample-data/boundaries/london-lsoa2021-bng-shp/london-lsoa2021-gen20.shp", &n);
	assert_int_equal(n, LSOA_N);
	const struct jb_polygon **pp = xmalloc(n * sizeof *pp);
	for (size_t i = 0; i < n; i++)
		pp[i] = &pl[i];
	struct jb_nb w;
	jb_queen_contiguity(pp, n, JB_QUEEN_SNAP, &w);
	assert_same_nb(&w, lsoa_card, lsoa_nb, n);

	struct jb_gistar g;
	assert_int_equal(jb_gistar(lsoa_x, &w, &g), 0);
	assert_close(g.total, 63221, REL); /* see the header's comment */
	assert_same_gi(&g, lsoa_z, lsoa_p, lsoa_cls, n);
	assert_true(g.nhot > 100);
	jb_gistar_free(&g);
	jb_nb_free(&w);
	free(pp);
	free_polys(pl, n);
}

/* ---- refusals ---- */

static void gistar_refuses(void **state)
{
	(void)state;
	struct jb_grid grid;
	jb_grid_init(&grid, 0, 0, 999, 999, 250); /* 4 x 4 = 16 cells */
	struct jb_nb small;
	jb_grid_nb(&grid, NULL, &small);
	double x[64];
	for (size_t i = 0; i < 64; i++)
		x[i] = (double)(i % 5);
	struct jb_gistar g;
	assert_int_equal(jb_gistar(x, &small, &g), -1);
	assert_non_null(strstr(g.why, "only 16 areas"));
	assert_null(g.z);
	jb_gistar_free(&g);

	jb_grid_init(&grid, 0, 0, 1999, 999, 250); /* 8 x 4 = 32 cells */
	struct jb_nb w;
	jb_grid_nb(&grid, NULL, &w);
	double few[32] = { 0 };
	few[3] = 10;
	few[20] = 19; /* 29 incidents */
	assert_int_equal(jb_gistar(few, &w, &g), -1);
	assert_non_null(strstr(g.why, "only 29 incidents"));
	double flat[32];
	for (size_t i = 0; i < 32; i++)
		flat[i] = 3;
	assert_int_equal(jb_gistar(flat, &w, &g), -1);
	assert_non_null(strstr(g.why, "same count"));
	flat[7] = NAN;
	assert_int_equal(jb_gistar(flat, &w, &g), -1);
	assert_non_null(strstr(g.why, "unit 7"));
	flat[7] = -1;
	assert_int_equal(jb_gistar(flat, &w, &g), -1);
	flat[7] = 4;
	assert_int_equal(jb_gistar(flat, &w, &g), 0);
	assert_int_equal(g.ok, 1);
	jb_gistar_free(&g);
	jb_nb_free(&w);
	jb_nb_free(&small);
}

/* ---- the grid ---- */

static void grid_cells_and_neighbours(void **state)
{
	(void)state;
	struct jb_grid g;
	/* aligned to multiples of the cell: x from 530000, y from 180000 */
	jb_grid_init(&g, 530100, 180010, 530760, 180490, 250);
	assert_close(g.x0, 530000, REL);
	assert_close(g.y0, 180000, REL);
	assert_int_equal(g.nx, 4); /* 530000, 250, 500, 750 */
	assert_int_equal(g.ny, 2);
	assert_int_equal(jb_grid_cell(&g, 530000, 180000), 0);
	assert_int_equal(jb_grid_cell(&g, 530249.9, 180250), 4);
	assert_int_equal(jb_grid_cell(&g, 530999, 180499), 7);
	assert_int_equal(jb_grid_cell(&g, 531000, 180000), -1);
	assert_int_equal(jb_grid_cell(&g, 529999, 180000), -1);
	assert_int_equal(jb_grid_cell(&g, NAN, 180000), -1);
	const double pts[] = { 530010, 180010, 530020, 180020, 530900, 180400, 1, 1 };
	double count[8] = { 0 };
	assert_int_equal(jb_grid_count(&g, pts, 4, count), 1);
	assert_close(count[0], 2, REL);
	assert_close(count[7], 1, REL);
	/* default cell */
	struct jb_grid d;
	jb_grid_init(&d, 0, 0, 1000, 1000, 0);
	assert_close(d.cell, 250, REL);
	jb_grid_init(&d, NAN, 0, 1000, 1000, 0);
	assert_int_equal(d.nx * d.ny, 0);
	assert_int_equal(jb_grid_cell(&d, 10, 10), -1);

	/* 3 x 3: corner 4 (self included), edge 6, centre 9 */
	jb_grid_init(&g, 0, 0, 749, 749, 250);
	struct jb_nb w;
	jb_grid_nb(&g, NULL, &w);
	assert_int_equal(w.n, 9);
	const size_t want_centre[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	const size_t want_corner[] = { 0, 1, 3, 4 };
	const size_t want_edge[] = { 0, 1, 2, 3, 4, 5 };
	assert_int_equal(w.start[5] - w.start[4], 9);
	assert_memory_equal(w.nb + w.start[4], want_centre, sizeof want_centre);
	assert_memory_equal(w.nb + w.start[0], want_corner, sizeof want_corner);
	assert_memory_equal(w.nb + w.start[1], want_edge, sizeof want_edge);
	assert_int_equal(w.id[8], 8);
	jb_nb_free(&w);
	/* keep only a cross: units 0..4 = cells 1, 3, 4, 5, 7 */
	const unsigned char keep[9] = { 0, 1, 0, 1, 1, 1, 0, 1, 0 };
	jb_grid_nb(&g, keep, &w);
	assert_int_equal(w.n, 5);
	assert_int_equal(w.id[2], 4);
	const size_t want_top[] = { 1, 2, 3, 4 }; /* cell 7 sees 3, 4, 5, 7 */
	assert_memory_equal(w.nb + w.start[4], want_top, sizeof want_top);
	assert_int_equal(w.start[3] - w.start[2], 5);
	jb_nb_free(&w);
}

/* ---- emerging hot spots: the golden table ----
 * Steps are written as a string: H hot, C cold, . not significant. The z
 * series is "up" (1, 2, ..., T: Mann-Kendall p < 0.05 for T >= 5), "down"
 * (T, ..., 1) or "flat" (alternating 1, 2: no trend). */
struct golden {
	const char *steps, *trend;
	enum jb_emerging want;
	const char *why;
};

static const struct golden golden[] = {
	{ "..........", "flat", JB_EMG_NONE, "never significant" },
	{ ".........H", "flat", JB_EMG_NEW_HOT, "hot only in the final step" },
	{ "C........H", "flat", JB_EMG_OSCILLATING_HOT, "cold history beats new" },
	{ "......HHHH", "up", JB_EMG_CONSECUTIVE_HOT, "one final run, < 90%" },
	{ "........HH", "flat", JB_EMG_CONSECUTIVE_HOT, "shortest run" },
	{ "C.....HHHH", "flat", JB_EMG_OSCILLATING_HOT, "cold history beats consecutive" },
	{ "H.....HHHH", "flat", JB_EMG_SPORADIC_HOT, "a hot step before the run" },
	{ "H.H.H.H..H", "flat", JB_EMG_SPORADIC_HOT, "on and off, never cold" },
	{ "HHHHHHHHHH", "up", JB_EMG_INTENSIFYING_HOT, "all hot, rising" },
	{ "HHHHHHHHHH", "down", JB_EMG_DIMINISHING_HOT, "all hot, falling" },
	{ "HHHHHHHHHH", "flat", JB_EMG_PERSISTENT_HOT, "all hot, no trend" },
	{ ".HHHHHHHHH", "up", JB_EMG_INTENSIFYING_HOT, "exactly 90% hot" },
	{ "C.HHHHHHHHHHHHHHHHHH", "flat", JB_EMG_PERSISTENT_HOT, "90% beats oscillating" },
	{ "..HHHHHHHH", "up", JB_EMG_CONSECUTIVE_HOT, "80%: not intensifying" },
	{ "HHHHHHHHH.", "flat", JB_EMG_HISTORICAL_HOT, "final step not hot" },
	{ "HHHHHHHHHC", "down", JB_EMG_HISTORICAL_HOT, "final cold, hot before" },
	{ "HHHHHHHH..", "flat", JB_EMG_NONE, "final not hot, < 90% of the others" },
	{ "H.H.H.H.H.", "flat", JB_EMG_NONE, "sporadic needs the final step hot" },
	{ "HHH", "flat", JB_EMG_PERSISTENT_HOT, "T < 5: no significant trend" },
	{ "H", "flat", JB_EMG_PERSISTENT_HOT, "one step" },
	{ ".........C", "flat", JB_EMG_NEW_COLD, "mirror: new" },
	{ "......CCCC", "down", JB_EMG_CONSECUTIVE_COLD, "mirror: consecutive" },
	{ "CCCCCCCCCC", "down", JB_EMG_INTENSIFYING_COLD, "mirror: z falling" },
	{ "CCCCCCCCCC", "up", JB_EMG_DIMINISHING_COLD, "mirror: z rising" },
	{ "CCCCCCCCCC", "flat", JB_EMG_PERSISTENT_COLD, "mirror: persistent" },
	{ "C..C..C..C", "flat", JB_EMG_SPORADIC_COLD, "mirror: sporadic" },
	{ "H........C", "flat", JB_EMG_OSCILLATING_COLD, "mirror: oscillating" },
	{ "CCCCCCCCC.", "flat", JB_EMG_HISTORICAL_COLD, "mirror: historical" },
	{ "", "flat", JB_EMG_NONE, "no steps" },
};

static void emerging_golden_table(void **state)
{
	(void)state;
	int seen[JB_EMG_NCLASSES] = { 0 };
	for (size_t i = 0; i < N(golden); i++) {
		const struct golden *r = &golden[i];
		size_t T = strlen(r->steps);
		signed char cls[32];
		double z[32];
		for (size_t t = 0; t < T; t++) {
			cls[t] = r->steps[t] == 'H' ? JB_HOT95 : r->steps[t] == 'C' ? JB_COLD95 : 0;
			z[t] = !strcmp(r->trend, "up") ? (double)t + 1
			     : !strcmp(r->trend, "down") ? (double)(T - t) : (double)(1 + t % 2);
		}
		enum jb_emerging got = jb_emerging_class(cls, z, T);
		if (got != r->want)
			print_message("%s %s (%s): got %s, want %s\n", r->steps, r->trend, r->why,
				      jb_emerging_names[got], jb_emerging_names[r->want]);
		assert_int_equal(got, r->want);
		seen[got] = 1;
	}
	for (int c = 0; c < JB_EMG_NCLASSES; c++) {
		if (!seen[c])
			print_message("class %s not covered\n", jb_emerging_names[c]);
		assert_true(seen[c]);
	}
}

/* ---- kernel density ---- */

static void kde_matches_reference(void **state)
{
	(void)state;
	double rule;
	double h = jb_kde_bandwidth(kde_xy, KDE_N, &rule);
	assert_close(rule, kde_h_rule, REL);
	assert_close(h, kde_h, REL);
	struct jb_grid g = { KDE_GRID_X0, KDE_GRID_Y0, KDE_GRID_CELL, KDE_GRID_NX, KDE_GRID_NY };
	struct jb_kde k;
	assert_int_equal(jb_kde_quartic(kde_xy, KDE_N, &g, &k), 0);
	double peak = 0;
	for (size_t c = 0; c < N(kde_density); c++) {
		assert_true(fabs(k.density[c] - kde_density[c]) <= REL * fmax(kde_density[c], 1e-3));
		peak = fmax(peak, k.density[c]);
	}
	assert_true(peak > 100); /* the clusters are real peaks, not all zero */
	jb_kde_free(&k);
	jb_kde_free(NULL);
}

static void kde_bandwidth_is_clamped(void **state)
{
	(void)state;
	/* 5 points 1 m apart: the rule gives about 1 m, clamped to 150 */
	const double tight[] = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 };
	double rule;
	assert_close(jb_kde_bandwidth(tight, 5, &rule), 150, REL);
	/* by hand: sd = sqrt(2.5), IQR = 2 (type 7: 1 .. 3), min = 2/1.34,
	 * rule = 0.9 * 1.4925... * 5^-0.2, the same on both axes */
	assert_close(rule, 0.9 * (2 / 1.34) * pow(5, -0.2), REL);
	const double wide[] = { 0, 0, 10000, 5000, 20000, 12000, 30000, 15000, 40000, 22000 };
	assert_close(jb_kde_bandwidth(wide, 5, NULL), 600, REL);
	assert_true(isnan(jb_kde_bandwidth(wide, 1, NULL)));
	struct jb_grid g;
	jb_grid_init(&g, 0, 0, 100, 100, 25);
	struct jb_kde k;
	assert_int_equal(jb_kde_quartic(wide, 1, &g, &k), -1);
	assert_null(k.density);
	jb_kde_free(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(queen_lattice_matches_poly2nb),
		cmocka_unit_test(lsoa_hot_spots_match_spdep),
		cmocka_unit_test(gistar_refuses),
		cmocka_unit_test(grid_cells_and_neighbours),
		cmocka_unit_test(emerging_golden_table),
		cmocka_unit_test(kde_matches_reference),
		cmocka_unit_test(kde_bandwidth_is_clamped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
