/* tests/test_geo.c - projection, polygon geometry, the LSOA locator and the
 * boundary reader (ingest/geo.c, ingest/boundaries.c).
 *
 * Reference values come from tests/fixtures/geo/areas.py, an independent
 * python reader of the same files; its output is committed beside it as
 * tests/fixtures/geo/areas.out. Hand-worked values are worked in comments.
 */
#include "support.h"

#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../ingest/readers.h"
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
		jb_source_free_reasons(s);
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

/* Two references.
 *
 * 1. Ordnance Survey, "Transformations and OSGM15 user guide", Annexe A
 *    worked example (Caister Water Tower): ETRS89 lat 52 39 28.8282 N,
 *    lon 1 42 57.8663 E (52.658007833, 1.716073973) is OSGB36 National Grid
 *    E 651409.804, N 313177.450 through OSTN15. WGS84 and ETRS89 agree to
 *    well under a metre, so this checks the whole chain.
 * 2. The ONS borough boundaries are published both in BNG (the shapefile)
 *    and in WGS84 (the GeoJSON, 6 decimals, about 0.1 m) with the same
 *    vertices in the same order (areas.py prints equal vertex counts). The
 *    first vertex of Barking and Dagenham is lon 0.097157 lat 51.515660 in
 *    the GeoJSON and E 545613.150 N 181721.950 in the shapefile
 *    (areas.out). It agrees to centimetres: the GeoJSON was evidently made
 *    with the same Helmert transformation PROJ uses here, so this pins axis
 *    order and operation, not absolute accuracy (reference 1 does that).
 *
 * PROJ without the OSTN15 grid (Debian's proj-data lacks it) picks the
 * EPSG Helmert "OSGB36 to WGS 84 (6)", good to a few metres: hence 5 m. */
static void projection_matches_references(void **state)
{
	(void)state;
	struct jb_proj *p = jb_proj_new();
	assert_non_null(p);
	assert_string_equal(jb_proj_operation(p), "");
	double x[] = {1.716073973, 0.097157}, y[] = {52.658007833, 51.515660};
	assert_int_equal(jb_proj_to_bng(p, x, y, 2), 0);
	double d_os = hypot(x[0] - 651409.804, y[0] - 313177.450);
	double d_ons = hypot(x[1] - 545613.150, y[1] - 181721.950);
	print_message("OS worked example %.3f %.3f (%.2f m off); ONS vertex %.3f %.3f "
		      "(%.2f m off); via \"%s\"\n", x[0], y[0], d_os, x[1], y[1], d_ons,
		      jb_proj_operation(p));
	assert_true(d_os < 5.0);
	assert_true(d_ons < 5.0);
	assert_true(strstr(jb_proj_operation(p), "British National Grid") != NULL);
	/* The interleaved form gives the same answers. */
	double xy[] = {1.716073973, 52.658007833, 0.097157, 51.515660};
	assert_int_equal(jb_proj_xy_to_bng(p, xy, 2), 0);
	assert_true(xy[0] == x[0] && xy[1] == y[0] && xy[2] == x[1] && xy[3] == y[1]);
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
	char code[48];
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

/* ---- coordinate systems ---- */

static void crs_identified_by_proj(void **state)
{
	(void)state;
	char *prj = jb_slurp("tests/fixtures/geo/london-boroughs-2022-gen20.prj", NULL);
	assert_non_null(prj);
	assert_int_equal(jb_crs_identify(prj), JB_CRS_BNG); /* ESRI WKT */
	free(prj);
	assert_int_equal(jb_crs_identify("EPSG:27700"), JB_CRS_BNG);
	assert_int_equal(jb_crs_identify("urn:ogc:def:crs:OGC:1.3:CRS84"), JB_CRS_WGS84);
	assert_int_equal(jb_crs_identify("EPSG:4326"), JB_CRS_WGS84);
	assert_int_equal(jb_crs_identify("EPSG:3857"), JB_CRS_UNKNOWN);
	assert_int_equal(jb_crs_identify("not a CRS"), JB_CRS_UNKNOWN);
	assert_int_equal(jb_crs_identify(NULL), JB_CRS_UNKNOWN);
}

/* ---- the boundary reader on the real files ---- */

#define BOROUGH_GEOJSON "sample-data/boundaries/london-boroughs-2022-gen20.geojson"
#define BOROUGH_SHP "tests/fixtures/geo/london-boroughs-2022-gen20.shp"
#define LSOA_SHP "sample-data/boundaries/london-lsoa2021-bng-shp/london-lsoa2021-gen20.shp"

/* Hackney Town Hall, Mare Street (lon -0.0553, lat 51.5450). areas.py
 * finds it, by ray casting in lon/lat over the WGS84 GeoJSON files, in
 * Hackney (E09000012) and in LSOA E01001731 "Hackney 017A". */
#define TOWN_HALL_LON (-0.0553)
#define TOWN_HALL_LAT 51.5450

/* Reference areas from areas.out: "CODE<TAB>NAME<TAB>AREA..." lines. */
static void reference_areas(double area[JB_NBOROUGHS])
{
	char *text = jb_slurp("tests/fixtures/geo/areas.out", NULL);
	assert_non_null(text);
	int n = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char code[16];
		if (line[0] == '#' || sscanf(line, "%15[^\t]", code) != 1)
			continue;
		char *tab = strchr(strchr(line, '\t') + 1, '\t');
		int b = jb_borough_by_code(code);
		if (b >= 0) {
			area[b] = strtod(tab + 1, NULL);
			n++;
		}
	}
	free(text);
	assert_int_equal(n, JB_NBOROUGHS);
}

static void read_ok(struct jb_dataset *ds, const char *path)
{
	assert_int_equal(jb_read_boundaries(ds, path, path), 0);
}

/* Both files hold 33 features: the 32 boroughs kept, the City of London
 * set aside. The shapefile's areas match the python shoelace exactly (same
 * coordinates); the GeoJSON's, projected by PROJ, within 0.5%. */
static void borough_boundaries_in_both_formats(void **state)
{
	(void)state;
	double ref[JB_NBOROUGHS];
	reference_areas(ref);
	struct jb_dataset gj = {0}, shp = {0};
	read_ok(&gj, BOROUGH_GEOJSON);
	read_ok(&shp, BOROUGH_SHP);
	struct jb_dataset *both[] = {&gj, &shp};
	for (int k = 0; k < 2; k++) {
		struct jb_dataset *ds = both[k];
		assert_int_equal(ds->sources.n, 1);
		struct jb_source *src = ds->sources.v[0];
		assert_int_equal(src->rows, 33);
		assert_int_equal(src->kept, 32);
		assert_int_equal(src->set_aside, 1);
		assert_string_equal(src->reasons[0].what,
				    "City of London (not one of the 32 boroughs)");
		assert_int_equal(ds->has_borough_shapes, 1);
		assert_int_equal(ds->has_lsoa_shapes, 0);
		assert_int_equal(ds->nlsoa, 0);
	}
	double worst = 0;
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		assert_true(gj.borough_shape[b].nrings > 0);
		assert_true(shp.borough_shape[b].nrings > 0);
		double a_shp = jb_polygon_area(&shp.borough_shape[b]);
		double a_gj = jb_polygon_area(&gj.borough_shape[b]);
		assert_close(a_shp, ref[b], 1e-8); /* areas.out rounds to 0.1 m^2 */
		assert_close(a_gj, a_shp, 0.005);
		worst = fmax(worst, fabs(a_gj - a_shp) / a_shp);
	}
	print_message("GeoJSON vs shapefile borough areas: worst relative difference %.2e\n",
		      worst);
	/* Hackney is 19.07 km^2 (areas.out); Bromley, the largest, 150.1 km^2. */
	int hackney = jb_borough_by_code("E09000012");
	assert_close(jb_polygon_area(&shp.borough_shape[hackney]), 19066075.2, 1e-8);
	free_geo_dataset(&gj);
	free_geo_dataset(&shp);
}

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* 4,994 LSOAs, each with its borough from LAD22CD (areas.out: 6 in the
 * City of London, which stay with borough -1; 149 in Hackney; record 2500
 * is E01002626 Hounslow 004C; the last E01035722 Westminster 024G). Each
 * LSOA's representative point lies inside it and the locator finds it
 * there. Then 3.4 million points are located, timed. */
static void lsoa_shapefile_gives_lookup_and_locator(void **state)
{
	(void)state;
	struct jb_dataset ds = {0};
	read_ok(&ds, LSOA_SHP);
	assert_int_equal(ds.nlsoa, 4994);
	assert_int_equal(ds.sources.v[0]->rows, 4994);
	assert_int_equal(ds.sources.v[0]->kept, 4994);
	assert_int_equal(ds.has_lsoa_shapes, 1);
	assert_int_equal(ds.has_borough_shapes, 0);
	int city = 0, hackney = 0, hk = jb_borough_by_code("E09000012");
	for (size_t i = 0; i < ds.nlsoa; i++) {
		city += ds.lsoa[i].borough < 0;
		hackney += ds.lsoa[i].borough == hk;
	}
	assert_int_equal(city, 6);
	assert_int_equal(hackney, 149);
	int i = jb_lsoa_find(&ds, "E01000001");
	assert_int_equal(ds.lsoa[i].borough, -1);
	assert_string_equal(ds.lsoa[i].name, "City of London 001A");
	i = jb_lsoa_find(&ds, "E01002626");
	assert_int_equal(ds.lsoa[i].borough, jb_borough_by_code("E09000018"));
	assert_string_equal(ds.lsoa[i].name, "Hounslow 004C");
	i = jb_lsoa_find(&ds, "E01035722");
	assert_int_equal(ds.lsoa[i].borough, jb_borough_lookup("Westminster"));

	struct jb_lsoa_locator *loc = jb_lsoa_locator_new(&ds);
	size_t self = 0;
	for (size_t k = 0; k < ds.nlsoa; k++) {
		const struct jb_lsoa *l = &ds.lsoa[k];
		assert_true(jb_polygon_contains(&l->poly, l->cx, l->cy));
		self += jb_lsoa_locate(loc, l->cx, l->cy) == (int)k;
	}
	/* Generalised boundaries can overlap a little; nearly all are exact. */
	print_message("%zu of %zu representative points locate to their own LSOA\n", self,
		      ds.nlsoa);
	assert_true(self >= ds.nlsoa - 5);

	/* 3.4 million points spread over the LSOAs' extent. */
	double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
	for (size_t k = 0; k < ds.nlsoa; k++) {
		minx = fmin(minx, ds.lsoa[k].poly.minx);
		miny = fmin(miny, ds.lsoa[k].poly.miny);
		maxx = fmax(maxx, ds.lsoa[k].poly.maxx);
		maxy = fmax(maxy, ds.lsoa[k].poly.maxy);
	}
	unsigned long long s = 99;
	size_t inside = 0, n = 3400000;
	double t0 = seconds();
	for (size_t k = 0; k < n; k++) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		double x = minx + (double)(s >> 40) / (1 << 24) * (maxx - minx);
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		double y = miny + (double)(s >> 40) / (1 << 24) * (maxy - miny);
		inside += jb_lsoa_locate(loc, x, y) >= 0;
	}
	print_message("located %zu points in %.2f s (%zu inside an LSOA)\n", n, seconds() - t0,
		      inside);
	/* London fills roughly two thirds of its bounding box. */
	assert_true(inside > n / 2 && inside < n);
	jb_lsoa_locator_free(loc);
	free_geo_dataset(&ds);
}

static void hackney_town_hall(void **state)
{
	(void)state;
	struct jb_proj *p = jb_proj_new();
	double x = TOWN_HALL_LON, y = TOWN_HALL_LAT;
	assert_int_equal(jb_proj_to_bng(p, &x, &y, 1), 0);
	jb_proj_free(p);
	int hk = jb_borough_by_code("E09000012");

	struct jb_dataset b = {0}, l = {0};
	read_ok(&b, BOROUGH_SHP);
	assert_int_equal(jb_polygon_contains(&b.borough_shape[hk], x, y), 1);
	assert_int_equal(jb_borough_locate(&b, x, y), hk);
	/* 2 km west is Islington, far out in the Thames estuary is nowhere. */
	assert_int_equal(jb_borough_locate(&b, x - 2000, y), jb_borough_lookup("Islington"));
	assert_int_equal(jb_borough_locate(&b, 600000, 180000), -1);

	read_ok(&l, LSOA_SHP);
	struct jb_lsoa_locator *loc = jb_lsoa_locator_new(&l);
	int i = jb_lsoa_locate(loc, x, y);
	assert_true(i >= 0);
	assert_string_equal(l.lsoa[i].code, "E01001731");
	assert_string_equal(l.lsoa[i].name, "Hackney 017A");
	assert_int_equal(l.lsoa[i].borough, hk);
	jb_lsoa_locator_free(loc);
	free_geo_dataset(&b);
	free_geo_dataset(&l);
}

/* ---- bad input ---- */

/* Diagnostics captured in memory between begin and end. */
static void capture_begin(FILE **f, char **buf, size_t *len)
{
	*f = open_memstream(buf, len);
	assert_non_null(*f);
	jb_diag_set(*f);
}

static void capture_end(FILE *f)
{
	fclose(f);
	jb_diag_set(stderr);
}

static const char bad_geojson[] =
	"{\"type\": \"FeatureCollection\", \"features\": [\n"
	/* 1: good borough, a small square around Hackney Town Hall */
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E09000012\"},\n"
	" \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[-0.056, 51.544],"
	" [-0.054, 51.544], [-0.054, 51.546], [-0.056, 51.546], [-0.056, 51.544]]]}},\n"
	/* 2: no geometry */
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E09000013\"}, \"geometry\": null},\n"
	/* 3: a code that is no code */
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"HACKNEY\"},\n"
	" \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 51], [0.1, 51], [0, 51.1]]]}},\n"
	/* 4: coordinates that are strings */
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E09000014\"},\n"
	" \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[\"a\", 51], [0.1, 51], [0, 51.1]]]}},\n"
	/* 5: good LSOA, in Hackney */
	"{\"type\": \"Feature\", \"properties\": {\"LSOA21CD\": \"E01001731\", \"LSOA21NM\":"
	" \"Hackney 017A\", \"LAD22CD\": \"E09000012\"},\n"
	" \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [[[[-0.056, 51.544],"
	" [-0.054, 51.544], [-0.054, 51.546], [-0.056, 51.546]]]]}},\n"
	/* 6: latitude beyond the pole */
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E09000015\"},\n"
	" \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 95], [0.1, 95], [0, 96]]]}},\n"
	/* 7: neither code; 8: a district outside London; 9: a Point */
	"{\"type\": \"Feature\", \"properties\": {\"name\": \"x\"},\n"
	" \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 51], [0.1, 51], [0, 51.1]]]}},\n"
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E07000001\"},\n"
	" \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 51], [0.1, 51], [0, 51.1]]]}},\n"
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E09000016\"},\n"
	" \"geometry\": {\"type\": \"Point\", \"coordinates\": [0, 51]}},\n"
	/* 10: not even an object; 11: a null geometry type */
	"null,\n"
	"{\"type\": \"Feature\", \"properties\": {\"LAD22CD\": \"E09000017\"},\n"
	" \"geometry\": {\"type\": null, \"coordinates\": [0, 51]}}\n"
	"]}\n";

static void bad_geojson_features_rejected(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *path = jb_write_file(dir, "bad.geojson", bad_geojson);
	struct jb_dataset ds = {0};
	FILE *f;
	char *msg;
	size_t len;
	capture_begin(&f, &msg, &len);
	assert_int_equal(jb_read_boundaries(&ds, path, "boundaries/bad.geojson"), 0);
	capture_end(f);
	struct jb_source *src = ds.sources.v[0];
	assert_int_equal(src->rows, 11);
	assert_int_equal(src->kept, 2);
	assert_int_equal(src->set_aside, 9);
	assert_non_null(strstr(msg, "boundaries/bad.geojson:2: column 'geometry': missing"));
	assert_non_null(strstr(msg, "boundaries/bad.geojson:3: column 'LAD22CD': not a local "
				    "authority code (HACKNEY)"));
	assert_non_null(strstr(msg, "bad.geojson:4: column 'geometry': malformed Polygon"));
	assert_non_null(strstr(msg, "bad.geojson:6: column 'geometry': coordinates cannot be "
				    "projected"));
	assert_non_null(strstr(msg, "bad.geojson:7: no LSOA or local authority code"));
	assert_null(strstr(msg, "bad.geojson:8:")); /* set aside, not an error */
	assert_non_null(strstr(msg, "bad.geojson:9: column 'geometry': not a Polygon"));
	assert_non_null(strstr(msg, "bad.geojson:10: column 'geometry': missing"));
	assert_non_null(strstr(msg, "bad.geojson:11: column 'geometry': no type or coordinates"));
	/* The good features survive: the square holds the Town Hall. */
	struct jb_proj *p = jb_proj_new();
	double x = TOWN_HALL_LON, y = TOWN_HALL_LAT;
	jb_proj_to_bng(p, &x, &y, 1);
	jb_proj_free(p);
	assert_int_equal(jb_borough_locate(&ds, x, y), jb_borough_by_code("E09000012"));
	assert_int_equal(ds.nlsoa, 1);
	assert_int_equal(ds.lsoa[0].borough, jb_borough_by_code("E09000012"));
	assert_true(jb_polygon_contains(&ds.lsoa[0].poly, x, y));
	assert_int_equal(ds.has_borough_shapes, 1);
	assert_int_equal(ds.has_lsoa_shapes, 1);
	free(msg);
	free(path);
	jb_rmtree(dir);
	free(dir);
	free_geo_dataset(&ds);
}

/* Files that cannot be used at all: -1, one clear message, no crash. */
static void unusable_files_rejected(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *json = jb_write_file(dir, "broken.geojson",
				   "{\n \"type\": \"FeatureCollection\",\n \"features\": [\n"
				   "  {\"type\": \"Feature\" oops}\n ]\n}\n");
	char *notfc = jb_write_file(dir, "list.json", "[1, 2, 3]\n");
	char *cut = jb_write_file(dir, "cut.geojson", "{\"type\": \"FeatureCollection\",\n"
				  "\"features\": [\n{\"type\": \"Feature\", \"geometry\": {");
	char *empty = jb_write_file(dir, "empty.geojson", "");
	char *junk = jb_write_file(dir, "junk/junk.shp", "not a shapefile at all\n");
	free(jb_write_file(dir, "junk/junk.shx", "nor an index\n"));
	free(jb_write_file(dir, "junk/junk.prj", "EPSG:27700"));
	char *other = jb_write_file(dir, "notes.txt", "hello\n");
	char *cmd = xasprintf("cp tests/fixtures/geo/london-boroughs-2022-gen20.shp "
			      "tests/fixtures/geo/london-boroughs-2022-gen20.shx "
			      "tests/fixtures/geo/london-boroughs-2022-gen20.dbf '%s'/", dir);
	int status;
	free(jb_run(cmd, &status));
	assert_int_equal(status, 0);
	char *noprj = xasprintf("%s/london-boroughs-2022-gen20.shp", dir);
	char *merc = jb_write_file(dir, "merc/london-boroughs-2022-gen20.prj",
				   "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS["
				   "\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
				   "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT["
				   "\"Degree\",0.0174532925199433]],PROJECTION[\"Mercator_Auxiliary_"
				   "Sphere\"],PARAMETER[\"False_Easting\",0.0],PARAMETER["
				   "\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
				   "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER["
				   "\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]");
	free(merc);
	char *mercshp = xasprintf("%s/merc/london-boroughs-2022-gen20.shp", dir);
	char *missing = xasprintf("%s/nothing-here.geojson", dir);
	free(cmd);
	cmd = xasprintf("cp '%s'/london-boroughs-2022-gen20.s* '%s'/london-boroughs-2022-gen20.dbf "
			"'%s'/merc/ && mkdir '%s'/nodbf && cp '%s'/london-boroughs-2022-gen20.s* "
			"tests/fixtures/geo/london-boroughs-2022-gen20.prj '%s'/nodbf/",
			dir, dir, dir, dir, dir, dir);
	char *nodbf = xasprintf("%s/nodbf/london-boroughs-2022-gen20.shp", dir);
	free(jb_run(cmd, &status));
	assert_int_equal(status, 0);

	struct {
		const char *path, *want;
	} cases[] = {
		{json, "broken.geojson:4: not valid JSON"},
		{notfc, "list.json:1: not a GeoJSON FeatureCollection"},
		{cut, "cut.geojson:3: not valid JSON"},
		{empty, "empty.geojson:1: not valid JSON"},
		{junk, "junk.shp:0: not a readable shapefile"},
		{nodbf, "nodbf/london-boroughs-2022-gen20.shp:0: no readable .dbf beside the .shp"},
		{other, "notes.txt:0: not a .geojson, .json or .shp file"},
		{noprj, "no .prj beside the .shp: coordinate system unknown"},
		{mercshp, ".prj is neither British National Grid nor WGS84"},
		{missing, "nothing-here.geojson:0: cannot be read"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct jb_dataset ds = {0};
		FILE *f;
		char *msg;
		size_t len;
		capture_begin(&f, &msg, &len);
		assert_int_equal(jb_read_boundaries(&ds, cases[k].path, cases[k].path), -1);
		capture_end(f);
		print_message("%s", msg);
		assert_non_null(strstr(msg, cases[k].want));
		assert_int_equal(ds.sources.n, 1);
		assert_int_equal(ds.sources.v[0]->kept, 0);
		assert_int_equal(ds.has_borough_shapes, 0);
		free(msg);
		free_geo_dataset(&ds);
	}
	free(cmd);
	free(json);
	free(notfc);
	free(cut);
	free(empty);
	free(junk);
	free(nodbf);
	free(other);
	free(noprj);
	free(mercshp);
	free(missing);
	jb_rmtree(dir);
	free(dir);
}

/* A shapefile in WGS84 (written here with shapelib) is projected: a
 * 0.002 x 0.002 degree square centred on the Town Hall. At latitude
 * 51.545 a degree of latitude is 111132.954 - 559.822 cos 2phi
 * + 1.175 cos 4phi = 111258.7 m and a degree of longitude 111412.84 cos phi
 * - 93.5 cos 3phi = 69372.1 m (the usual WGS84 series), so the square is
 * 222.52 m x 138.74 m = 30873 m^2 on the ellipsoid; the National Grid
 * scale factor there (0.99982, squared 0.99964) makes it about 30862 m^2
 * in BNG. Checked to 0.2%. */
static void wgs84_shapefile_projected(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *base = xasprintf("%s/wgs", dir);
	SHPHandle shp = SHPCreate(base, SHPT_POLYGON);
	DBFHandle dbf = DBFCreate(base);
	assert_non_null(shp);
	assert_non_null(dbf);
	double xs[] = {-0.0563, -0.0563, -0.0543, -0.0543, -0.0563};
	double ys[] = {51.544, 51.546, 51.546, 51.544, 51.544};
	SHPObject *o = SHPCreateSimpleObject(SHPT_POLYGON, 5, xs, ys, NULL);
	assert_int_equal(SHPWriteObject(shp, -1, o), 0);
	SHPDestroyObject(o);
	o = SHPCreateObject(SHPT_NULL, -1, 0, NULL, NULL, 0, NULL, NULL, NULL, NULL);
	assert_int_equal(SHPWriteObject(shp, -1, o), 1);
	SHPDestroyObject(o);
	int fld = DBFAddField(dbf, "LAD22CD", FTString, 9, 0);
	DBFWriteStringAttribute(dbf, 0, fld, "E09000012");
	DBFWriteStringAttribute(dbf, 1, fld, "E09000013");
	SHPClose(shp);
	DBFClose(dbf);
	free(jb_write_file(dir, "wgs.prj",
			   "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
			   "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
			   "0.0174532925199433]]"));
	char *path = xasprintf("%s.shp", base);

	struct jb_dataset ds = {0};
	FILE *f;
	char *msg;
	size_t len;
	capture_begin(&f, &msg, &len);
	assert_int_equal(jb_read_boundaries(&ds, path, "wgs.shp"), 0);
	capture_end(f);
	assert_non_null(strstr(msg, "wgs.shp:2: column 'geometry': missing (E09000013)"));
	int hk = jb_borough_by_code("E09000012");
	assert_close(jb_polygon_area(&ds.borough_shape[hk]), 30862.0, 0.002);
	struct jb_proj *p = jb_proj_new();
	double x = TOWN_HALL_LON, y = TOWN_HALL_LAT;
	jb_proj_to_bng(p, &x, &y, 1);
	jb_proj_free(p);
	assert_int_equal(jb_borough_locate(&ds, x, y), hk);
	assert_int_equal(ds.sources.v[0]->kept, 1);
	assert_int_equal(ds.sources.v[0]->set_aside, 1);
	free(msg);
	free(path);
	free(base);
	jb_rmtree(dir);
	free(dir);
	free_geo_dataset(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(projection_matches_references),
		cmocka_unit_test(projection_counts_failures),
		cmocka_unit_test(polygon_even_odd_and_area),
		cmocka_unit_test(polygon_representative_point),
		cmocka_unit_test(locator_agrees_with_brute_force),
		cmocka_unit_test(crs_identified_by_proj),
		cmocka_unit_test(borough_boundaries_in_both_formats),
		cmocka_unit_test(lsoa_shapefile_gives_lookup_and_locator),
		cmocka_unit_test(hackney_town_hall),
		cmocka_unit_test(bad_geojson_features_rejected),
		cmocka_unit_test(unusable_files_rejected),
		cmocka_unit_test(wgs84_shapefile_projected),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
