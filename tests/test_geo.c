/* tests/test_geo.c - projection, polygon geometry, the LSOA locator and the
 * boundary reader (ingest/geo.c, ingest/boundaries.c).
 *
 * Reference values come from tests/fixtures/geo/areas.py, an independent
 * python reader of the same files; its output is committed beside it as
 * tests/fixtures/geo/areas.out. Hand-worked values are worked in comments.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../util/strmap.h"
#include "../util/xalloc.h"

/* Frees what the geography code puts in a dataset (the full
 * jb_dataset_free() lives with the loader). */
static void free_geo_dataset(struct jb_dataset *ds)
{
	for (size_t i = 0; i < ds->nlsoa; i++) {
		free(ds->lsoa[i].name);
		jb_polygon_free(&ds->lsoa[i].poly);
	}
	free(ds->lsoa);
	strmap_free(ds->lsoa_index);
	for (int b = 0; b < JB_NBOROUGHS; b++)
		jb_polygon_free(&ds->borough_shape[b]);
	for (size_t i = 0; i < ds->sources.n; i++) {
		struct jb_source *s = ds->sources.v[i];
		for (size_t r = 0; r < s->nreasons; r++) {
			free(s->reasons[r].what);
			free(s->reasons[r].first);
		}
		free(s->reasons);
		free(s->path);
		free(s->kind);
		free(s);
	}
	free(ds->sources.v);
	for (size_t i = 0; i < ds->sources.nmissing; i++)
		free(ds->sources.missing[i]);
	free(ds->sources.missing);
	memset(ds, 0, sizeof *ds);
}

/* ---- projection ---- */

/* Reference: the ONS borough boundaries are published both in BNG (the
 * shapefile) and in WGS84 (the GeoJSON, coordinates to 6 decimals, about
 * 0.1 m); the two have the same vertices in the same order (areas.py prints
 * equal vertex counts per feature). The first vertex of Barking and
 * Dagenham is lon 0.097157 lat 51.515660 in the GeoJSON and
 * E 545613.150 N 181721.950 in the shapefile (areas.out). ONS converts with
 * OSTN15; PROJ without the OSTN15 grid (Debian's proj-data lacks it) falls
 * back to the EPSG Helmert "OSGB36 to WGS 84 (6)", good to a few metres,
 * hence the 5 m tolerance. */
static void projection_matches_ons_pair(void **state)
{
	(void)state;
	struct jb_proj *p = jb_proj_new();
	assert_non_null(p);
	assert_string_equal(jb_proj_operation(p), "");
	double x[] = {0.097157}, y[] = {51.515660};
	assert_int_equal(jb_proj_to_bng(p, x, y, 1), 0);
	double d = hypot(x[0] - 545613.150, y[0] - 181721.950);
	print_message("projected %.3f %.3f, %.2f m from the ONS vertex, via \"%s\"\n",
		      x[0], y[0], d, jb_proj_operation(p));
	assert_true(d < 5.0);
	assert_true(strstr(jb_proj_operation(p), "British National Grid") != NULL);
	jb_proj_free(p);
	jb_proj_free(NULL);
}

/* Non-finite input and latitudes beyond the pole fail as NAN and are
 * counted; the good point between them is still projected. */
static void projection_counts_failures(void **state)
{
	(void)state;
	struct jb_proj *p = jb_proj_new();
	double x[] = {NAN, 0.097157, -0.1}, y[] = {51.5, 51.515660, 95.0};
	assert_int_equal(jb_proj_to_bng(p, x, y, 3), 2);
	assert_true(isnan(x[0]) && isnan(y[0]));
	assert_true(isnan(x[2]) && isnan(y[2]));
	assert_true(fabs(x[1] - 545613.150) < 5 && fabs(y[1] - 181721.950) < 5);
	assert_int_equal(jb_proj_to_bng(p, x, y, 0), 0);
	jb_proj_free(p);
}

/* ---- polygons, worked by hand ---- */

/* A 10 x 10 square (anticlockwise) with a 2 x 2 hole (clockwise) at
 * (2..4, 2..4): area 100 - 4 = 96. */
static void square_with_hole(struct jb_polygon *p)
{
	const double outer[] = {0, 0, 10, 0, 10, 10, 0, 10};
	const double hole[] = {2, 2, 2, 4, 4, 4, 4, 2, 2, 2}; /* explicitly closed */
	memset(p, 0, sizeof *p);
	jb_polygon_add_ring(p, outer, 4);
	jb_polygon_add_ring(p, hole, 5);
}

static void polygon_even_odd_and_area(void **state)
{
	(void)state;
	struct jb_polygon p;
	square_with_hole(&p);
	assert_int_equal(p.nrings, 2);
	assert_true(p.minx == 0 && p.miny == 0 && p.maxx == 10 && p.maxy == 10);
	assert_close(jb_polygon_area(&p), 96.0, 1e-12);
	assert_int_equal(jb_polygon_contains(&p, 1, 1), 1);
	assert_int_equal(jb_polygon_contains(&p, 3, 3), 0);  /* in the hole */
	assert_int_equal(jb_polygon_contains(&p, 9.5, 5), 1);
	assert_int_equal(jb_polygon_contains(&p, 11, 5), 0);
	assert_int_equal(jb_polygon_contains(&p, -1, 5), 0);
	/* An island (2.5..3.5)^2 in the hole: inside again, area 96 + 1. The
	 * same orientation as the hole: only nesting decides the sign. */
	const double island[] = {2.5, 2.5, 2.5, 3.5, 3.5, 3.5, 3.5, 2.5};
	jb_polygon_add_ring(&p, island, 4);
	assert_close(jb_polygon_area(&p), 97.0, 1e-12);
	assert_int_equal(jb_polygon_contains(&p, 3, 3), 1);
	assert_int_equal(jb_polygon_contains(&p, 2.2, 3), 0);
	/* A second part far away (a MultiPolygon): 4 x 5 = 20 more. */
	const double far[] = {100, 100, 104, 100, 104, 105, 100, 105};
	jb_polygon_add_ring(&p, far, 4);
	assert_close(jb_polygon_area(&p), 117.0, 1e-12);
	assert_int_equal(jb_polygon_contains(&p, 102, 102), 1);
	assert_int_equal(jb_polygon_contains(&p, 50, 50), 0); /* in the bbox only */
	/* jb_polygon_bbox recomputes after the points move. */
	for (size_t i = 0; i < p.ring[p.nrings]; i++)
		p.xy[2 * i] += 1000;
	jb_polygon_bbox(&p);
	assert_true(p.minx == 1000 && p.maxx == 1104 && p.maxy == 105);
	jb_polygon_free(&p);
	assert_int_equal(p.nrings, 0);
	assert_close(jb_polygon_area(&p), 0.0, 1);
	assert_int_equal(jb_polygon_contains(&p, 0, 0), 0);
	jb_polygon_free(NULL);
}

/* The centroid of a rectangle is its middle. For a U shape the centroid
 * falls in the gap: the U (0..10 wide, 10 tall, arms 2 wide, base 2 tall)
 * is a base 10 x 2 (area 20, centre (5, 1)) and two arms 2 x 8 (area 16
 * each, centres (1, 6) and (9, 6)): centroid (5, (20*1 + 16*6 + 16*6)/52)
 * = (5, 212/52), which is outside. The horizontal line y = 212/52 crosses
 * the U at x = 0, 2, 8, 10; the two inside stretches are equally wide and
 * the first, [0, 2], is kept: representative point (1, 212/52). */
static void polygon_representative_point(void **state)
{
	(void)state;
	struct jb_polygon p = {0};
	double cx, cy;
	jb_polygon_centroid(&p, &cx, &cy);
	assert_true(isnan(cx) && isnan(cy));
	const double rect[] = {10, 20, 14, 20, 14, 30, 10, 30};
	jb_polygon_add_ring(&p, rect, 4);
	jb_polygon_centroid(&p, &cx, &cy);
	assert_close(cx, 12.0, 1e-12);
	assert_close(cy, 25.0, 1e-12);
	jb_polygon_free(&p);

	const double u[] = {0, 0, 10, 0, 10, 10, 8, 10, 8, 2, 2, 2, 2, 10, 0, 10};
	jb_polygon_add_ring(&p, u, 8);
	assert_close(jb_polygon_area(&p), 52.0, 1e-12);
	jb_polygon_centroid(&p, &cx, &cy);
	assert_close(cx, 1.0, 1e-12);
	assert_close(cy, 212.0 / 52.0, 1e-12);
	assert_int_equal(jb_polygon_contains(&p, cx, cy), 1);
	jb_polygon_free(&p);
}

/* ---- the locator against brute force ---- */

/* 30 x 20 LSOAs, each a 100 m square cut into two triangles along its
 * diagonal (so bounding boxes overlap and the polygon test decides), on a
 * BNG-like origin; 20,000 pseudo-random points, some outside the grid. The
 * locator must agree with testing every polygon in index order. */
static void locator_agrees_with_brute_force(void **state)
{
	(void)state;
	struct jb_dataset ds = {0};
	const double x0 = 530000, y0 = 180000;
	char code[16];
	for (int j = 0; j < 20; j++)
		for (int i = 0; i < 30; i++)
			for (int t = 0; t < 2; t++) {
				double ax = x0 + 100 * i, ay = y0 + 100 * j;
				double lower[] = {ax, ay, ax + 100, ay, ax + 100, ay + 100};
				double upper[] = {ax, ay, ax + 100, ay + 100, ax, ay + 100};
				snprintf(code, sizeof code, "E01%02d%02d%d", j, i, t);
				int k = jb_lsoa_intern(&ds, code, NULL, 0);
				jb_polygon_add_ring(&ds.lsoa[k].poly, t ? upper : lower, 3);
			}
	struct jb_lsoa_locator *loc = jb_lsoa_locator_new(&ds);
	unsigned long long s = 12345;
	int found = 0;
	for (int n = 0; n < 20000; n++) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		double x = x0 - 200 + (double)(s >> 40) / (1 << 24) * 3400;
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		double y = y0 - 200 + (double)(s >> 40) / (1 << 24) * 2400;
		int want = -1;
		for (size_t k = 0; k < ds.nlsoa && want < 0; k++)
			if (jb_polygon_contains(&ds.lsoa[k].poly, x, y))
				want = (int)k;
		assert_int_equal(jb_lsoa_locate(loc, x, y), want);
		found += want >= 0;
	}
	/* The grid covers 3000 x 2000 of the 3400 x 2400 sampled: ~73%. */
	assert_true(found > 13000 && found < 16000);
	assert_int_equal(jb_lsoa_locate(loc, NAN, y0), -1);
	assert_int_equal(jb_lsoa_locate(loc, x0 + 3000.5, y0 + 50), -1);
	jb_lsoa_locator_free(loc);
	jb_lsoa_locator_free(NULL);

	/* A dataset without shapes gives a locator that finds nothing. */
	struct jb_dataset empty = {0};
	loc = jb_lsoa_locator_new(&empty);
	assert_int_equal(jb_lsoa_locate(loc, x0, y0), -1);
	jb_lsoa_locator_free(loc);
	free_geo_dataset(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(projection_matches_ons_pair),
		cmocka_unit_test(projection_counts_failures),
		cmocka_unit_test(polygon_even_odd_and_area),
		cmocka_unit_test(polygon_representative_point),
		cmocka_unit_test(locator_agrees_with_brute_force),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
