/* ingest/boundaries.c - borough and LSOA boundaries from GeoJSON (json-c)
 * or ESRI shapefiles (shapelib), projected to British National Grid.
 *
 * A feature is an LSOA when it carries an LSOAnnCD code (LSOA21CD or
 * LSOA11CD); its LADnnCD code, when present, is the LSOA -> borough lookup.
 * Otherwise it is a local authority when it carries a LADnnCD (or the
 * London Datastore's GSS_CODE) code: the 32 boroughs are stored in
 * ds->borough_shape[], the City of London and authorities outside London
 * are set aside. Features are numbered from 1 in file order; that number is
 * the LINE of every message. has_borough_shapes / has_lsoa_shapes are set
 * when at least one such shape was stored.
 *
 * LSOA boundaries come in vintages (LSOA 2011, LSOA 2021: the two digits
 * of the code's column), whose codes mostly coincide and whose shapes
 * overlap; merging two would count areas twice. The LSOA features of a
 * whole folder are held until it is read, then one vintage is stored:
 * 2021 when any file has it, else the latest; the others are set aside,
 * counted with their reason.
 *
 * GeoJSON is WGS84 longitude/latitude (RFC 7946) unless an old-style "crs"
 * member says British National Grid. A shapefile's coordinate system comes
 * from the .prj beside it; without a .prj, or with one that is neither BNG
 * nor WGS84, the file is not used.
 */
#include "readers.h"

#include <ctype.h>
#include <json-c/json.h>
#include <limits.h>
#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "geo.h"
#include "limits.h"

/* The attributes of one feature that matter here (copied: shapelib reuses
 * its string buffer). */
struct attrs {
	char lsoa[16], lsoa_col[16], lsoa_name[128];
	int vintage; /* of the LSOA code: 2021 for LSOA21CD, 2011 for LSOA11CD */
	char lad[16], lad_col[16], lad_name[128];
};

/* "LSOA21CD" matches prefix "LSOA" and suffix "CD" with two digits between. */
static int is_coded(const char *name, const char *prefix, const char *suffix)
{
	size_t n = strlen(prefix);
	return strncasecmp(name, prefix, n) == 0 && isdigit((unsigned char)name[n]) &&
	       isdigit((unsigned char)name[n + 1]) && strcasecmp(name + n + 2, suffix) == 0;
}

static void set(char *dst, size_t cap, const char *src)
{
	while (isspace((unsigned char)*src))
		src++;
	snprintf(dst, cap, "%s", src);
	for (size_t n = strlen(dst); n > 0 && isspace((unsigned char)dst[n - 1]); n--)
		dst[n - 1] = '\0';
}

static void note_attr(struct attrs *a, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	/* LSOA21CD is preferred over LSOA11CD when a file carries both. */
	if (is_coded(name, "LSOA", "CD") && (!a->lsoa[0] || strcasecmp(name, "LSOA21CD") == 0)) {
		set(a->lsoa, sizeof a->lsoa, value);
		set(a->lsoa_col, sizeof a->lsoa_col, name);
		a->vintage = 2000 + (name[4] - '0') * 10 + (name[5] - '0');
	} else if (is_coded(name, "LSOA", "NM") &&
		   (!a->lsoa_name[0] || strcasecmp(name, "LSOA21NM") == 0)) {
		set(a->lsoa_name, sizeof a->lsoa_name, value);
	} else if (is_coded(name, "LAD", "CD") ||
		   (strcasecmp(name, "GSS_CODE") == 0 && !a->lad[0])) {
		set(a->lad, sizeof a->lad, value);
		set(a->lad_col, sizeof a->lad_col, name);
	} else if (is_coded(name, "LAD", "NM") ||
		   (strcasecmp(name, "NAME") == 0 && !a->lad_name[0])) {
		set(a->lad_name, sizeof a->lad_name, value);
	}
}

/* GSS codes: a letter for the country, two digits for the entity type, six
 * digits. LSOAs are E01/W01; local authorities E06-E09, W06. */
static int gss_shaped(const char *s, const char *const *types)
{
	if (strlen(s) != 9 || !strchr("EWSN", toupper((unsigned char)s[0])))
		return 0;
	for (int i = 1; i < 9; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	for (; *types; types++)
		if (strncmp(s + 1, *types, 2) == 0)
			return 1;
	return 0;
}

static const char *const lsoa_types[] = {"01", NULL};
static const char *const lad_types[] = {"06", "07", "08", "09", NULL};

/* An LSOA feature held until the folder is read (its vintage decides). */
struct held_lsoa {
	struct jb_source *src;
	long fno;
	char code[16], col[16], name[128];
	int borough, vintage;
	struct jb_polygon poly;
};

struct jb_boundaries {
	struct jb_dataset *ds;
	struct held_lsoa *held;
	size_t nheld, capheld;
};

struct reading {
	struct jb_boundaries *set;
	struct jb_dataset *ds;
	struct jb_source *src;
	int boroughs; /* shapes stored */
};

/* Hold an LSOA feature (takes the polygon). */
static void hold_lsoa(struct reading *r, long fno, const struct attrs *a,
		      struct jb_polygon *poly)
{
	struct jb_boundaries *set = r->set;
	set->held = xgrow(set->held, &set->capheld, set->nheld + 1, sizeof *set->held);
	struct held_lsoa *h = &set->held[set->nheld++];
	*h = (struct held_lsoa){.src = r->src, .fno = fno, .vintage = a->vintage,
				.borough = a->lad[0] ? jb_borough_by_code(a->lad) : -1,
				.poly = *poly};
	snprintf(h->code, sizeof h->code, "%s", a->lsoa);
	snprintf(h->col, sizeof h->col, "%s", a->lsoa_col);
	snprintf(h->name, sizeof h->name, "%s", a->lsoa_name);
}

/* Store a held LSOA of the vintage used (takes its polygon). */
static void store_lsoa(struct jb_dataset *ds, struct held_lsoa *h)
{
	int i = jb_lsoa_intern(ds, h->code, h->name, h->borough);
	struct jb_lsoa *l = &ds->lsoa[i];
	if (l->poly.nrings) {
		jb_reject(h->src, h->fno, h->col, "LSOA given twice", h->code);
		jb_polygon_free(&h->poly);
		return;
	}
	l->poly = h->poly;
	jb_polygon_centroid(&l->poly, &l->cx, &l->cy);
	ds->has_lsoa_shapes = 1;
	h->src->kept++;
}

/* Store one feature (takes the polygon: it is stored, held or freed). */
static void take_feature(struct reading *r, long fno, const struct attrs *a,
			 struct jb_polygon *poly)
{
	struct jb_dataset *ds = r->ds;
	if (a->lsoa[0]) {
		if (!gss_shaped(a->lsoa, lsoa_types)) {
			jb_reject(r->src, fno, a->lsoa_col, "not an LSOA code", a->lsoa);
			goto drop;
		}
		hold_lsoa(r, fno, a, poly);
		return;
	}
	if (!a->lad[0]) {
		jb_reject(r->src, fno, NULL, "no LSOA or local authority code (LSOA21CD, LAD22CD)",
			  NULL);
		goto drop;
	}
	int b = jb_borough_by_code(a->lad);
	if (b < 0) {
		if (!gss_shaped(a->lad, lad_types))
			jb_reject(r->src, fno, a->lad_col, "not a local authority code", a->lad);
		else if (strcasecmp(a->lad, "E09000001") == 0)
			jb_set_aside(r->src, fno, "City of London (not one of the 32 boroughs)");
		else
			jb_set_aside(r->src, fno, "local authority outside the 32 boroughs");
		goto drop;
	}
	if (ds->borough_shape[b].nrings) {
		jb_reject(r->src, fno, a->lad_col, "borough given twice", a->lad);
		goto drop;
	}
	ds->borough_shape[b] = *poly;
	jb_polygon_centroid(&ds->borough_shape[b], &ds->borough_cx[b], &ds->borough_cy[b]);
	r->boroughs++;
	r->src->kept++;
	return;
drop:
	jb_polygon_free(poly);
}

static void finish(struct reading *r)
{
	if (r->boroughs)
		r->ds->has_borough_shapes = 1;
}

/* ---- GeoJSON ---- */

static int get_number(json_object *o, double *v)
{
	if (!json_object_is_type(o, json_type_double) && !json_object_is_type(o, json_type_int))
		return -1;
	*v = json_object_get_double(o);
	return isfinite(*v) ? 0 : -1;
}

/* One ring: an array of at least 3 positions [x, y, ...]. */
static int add_json_ring(struct jb_polygon *poly, json_object *ring)
{
	if (!json_object_is_type(ring, json_type_array))
		return -1;
	size_t n = json_object_array_length(ring);
	if (n < 3)
		return -1;
	double *xy = xmalloc(2 * n * sizeof *xy);
	for (size_t i = 0; i < n; i++) {
		json_object *pos = json_object_array_get_idx(ring, i);
		if (!json_object_is_type(pos, json_type_array) ||
		    json_object_array_length(pos) < 2 ||
		    get_number(json_object_array_get_idx(pos, 0), &xy[2 * i]) ||
		    get_number(json_object_array_get_idx(pos, 1), &xy[2 * i + 1])) {
			free(xy);
			return -1;
		}
	}
	jb_polygon_add_ring(poly, xy, n);
	free(xy);
	return 0;
}

/* A Polygon's coordinates: an array of rings. */
static int add_json_polygon(struct jb_polygon *poly, json_object *rings)
{
	if (!json_object_is_type(rings, json_type_array) || json_object_array_length(rings) == 0)
		return -1;
	for (size_t i = 0; i < json_object_array_length(rings); i++)
		if (add_json_ring(poly, json_object_array_get_idx(rings, i)))
			return -1;
	return 0;
}

/* Geometry into poly (coordinates as in the file); NULL or a message. */
static const char *json_geometry(struct jb_polygon *poly, json_object *geom)
{
	json_object *type, *coords;
	if (!geom || json_object_is_type(geom, json_type_null))
		return "missing";
	if (!json_object_object_get_ex(geom, "type", &type) ||
	    !json_object_is_type(type, json_type_string) ||
	    !json_object_object_get_ex(geom, "coordinates", &coords))
		return "no type or coordinates";
	const char *t = json_object_get_string(type);
	if (strcmp(t, "Polygon") == 0)
		return add_json_polygon(poly, coords) ? "malformed Polygon coordinates" : NULL;
	if (strcmp(t, "MultiPolygon") != 0)
		return "not a Polygon or MultiPolygon";
	if (!json_object_is_type(coords, json_type_array) || json_object_array_length(coords) == 0)
		return "malformed MultiPolygon coordinates";
	for (size_t i = 0; i < json_object_array_length(coords); i++)
		if (add_json_polygon(poly, json_object_array_get_idx(coords, i)))
			return "malformed MultiPolygon coordinates";
	return NULL;
}

/* Project a polygon read in WGS84 in place; -1 when some point failed. */
static int project(struct jb_proj *proj, struct jb_polygon *poly)
{
	if (!proj)
		return 0;
	if (jb_proj_xy_to_bng(proj, poly->xy, poly->ring[poly->nrings]))
		return -1;
	jb_polygon_bbox(poly);
	return 0;
}

/* Project poly (when read in WGS84) and check it lies on the grid; NULL or
 * what is wrong. Beyond the grid's extent a shape is not in Britain (a
 * wrong coordinate system, corrupt vertices): kept, it would size every
 * map, grid and raster laid over the boundaries. */
static const char *to_grid(struct jb_proj *proj, struct jb_polygon *poly)
{
	if (project(proj, poly))
		return "coordinates cannot be projected from WGS84";
	if (!jb_polygon_on_grid(poly))
		return "outside the British National Grid extent (x " JB_STR(JB_BNG_XMIN) ".."
		       JB_STR(JB_BNG_XMAX) " m, y " JB_STR(JB_BNG_YMIN) ".." JB_STR(JB_BNG_YMAX) " m)";
	return NULL;
}

/* Line number of a byte offset, for JSON syntax errors. */
static long line_of(const char *text, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off && text[i]; i++)
		line += text[i] == '\n';
	return line;
}

static json_object *parse_json_file(struct jb_source *src, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		jb_reject(src, 0, NULL, "cannot be read", NULL);
		return NULL;
	}
	size_t cap = 1 << 16, n = 0, got;
	char *text = xmalloc(cap);
	while ((got = fread(text + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2)
			text = xgrow(text, &cap, cap + 1, 1);
	}
	fclose(f);
	text[n] = '\0';
	if (n >= INT_MAX) {
		jb_reject(src, 0, NULL, "too large for a boundary file", NULL);
		free(text);
		return NULL;
	}
	json_tokener *tok = json_tokener_new();
	json_object *root = json_tokener_parse_ex(tok, text, (int)n + 1);
	enum json_tokener_error err = json_tokener_get_error(tok);
	if (!root || err != json_tokener_success) {
		jb_reject(src, line_of(text, json_tokener_get_parse_end(tok)), NULL,
			  "not valid JSON", json_tokener_error_desc(err));
		json_object_put(root);
		root = NULL;
	}
	json_tokener_free(tok);
	free(text);
	return root;
}

static int read_geojson(struct reading *r, const char *path)
{
	json_object *root = parse_json_file(r->src, path);
	if (!root)
		return -1;
	json_object *features, *crs, *props;
	if (!json_object_object_get_ex(root, "features", &features) ||
	    !json_object_is_type(features, json_type_array)) {
		jb_reject(r->src, 1, NULL, "not a GeoJSON FeatureCollection (no features array)",
			  NULL);
		json_object_put(root);
		return -1;
	}
	/* RFC 7946 says WGS84; the 2008 draft allowed a named "crs". */
	enum jb_crs kind = JB_CRS_WGS84;
	if (json_object_object_get_ex(root, "crs", &crs) &&
	    json_object_object_get_ex(crs, "properties", &props) &&
	    json_object_object_get_ex(props, "name", &crs)) {
		kind = jb_crs_identify(json_object_get_string(crs));
		if (kind == JB_CRS_UNKNOWN) {
			jb_reject(r->src, 1, "crs", "not British National Grid or WGS84",
				  json_object_get_string(crs));
			json_object_put(root);
			return -1;
		}
	}
	struct jb_proj *proj = NULL;
	if (kind == JB_CRS_WGS84 && !(proj = jb_proj_new())) {
		jb_reject(r->src, 0, NULL, "cannot project from WGS84", NULL);
		json_object_put(root);
		return -1;
	}
	for (size_t i = 0; i < json_object_array_length(features); i++) {
		long fno = (long)i + 1;
		json_object *feat = json_object_array_get_idx(features, i), *geom = NULL;
		r->src->rows++;
		struct attrs a = {0};
		if (json_object_object_get_ex(feat, "properties", &props) &&
		    json_object_is_type(props, json_type_object)) {
			json_object_object_foreach(props, key, val)
				if (json_object_is_type(val, json_type_string))
					note_attr(&a, key, json_object_get_string(val));
		}
		json_object_object_get_ex(feat, "geometry", &geom);
		struct jb_polygon poly = {0};
		const char *bad = json_geometry(&poly, geom);
		if (!bad)
			bad = to_grid(proj, &poly);
		if (bad) {
			jb_reject(r->src, fno, "geometry", bad, a.lsoa[0] ? a.lsoa : a.lad);
			jb_polygon_free(&poly);
			continue;
		}
		take_feature(r, fno, &a, &poly);
	}
	jb_proj_free(proj);
	json_object_put(root);
	return 0;
}

/* ---- ESRI shapefile ---- */

/* The .prj beside a .shp, identified by PROJ. */
static enum jb_crs shapefile_crs(struct jb_source *src, const char *path)
{
	size_t n = strlen(path);
	char *prj = xasprintf("%.*s.prj", (int)(n - 4), path);
	FILE *f = fopen(prj, "rb");
	if (!f) {
		memcpy(prj + n - 3, "PRJ", 3);
		f = fopen(prj, "rb");
	}
	free(prj);
	if (!f) {
		jb_reject(src, 0, NULL, "no .prj beside the .shp: coordinate system unknown", NULL);
		return JB_CRS_UNKNOWN;
	}
	char wkt[8192];
	size_t got = fread(wkt, 1, sizeof wkt - 1, f);
	fclose(f);
	wkt[got] = '\0';
	enum jb_crs kind = jb_crs_identify(wkt);
	if (kind == JB_CRS_UNKNOWN)
		jb_reject(src, 0, NULL, ".prj is neither British National Grid nor WGS84", NULL);
	return kind;
}

static const char *shape_geometry(struct jb_polygon *poly, const SHPObject *o)
{
	if (!o || o->nSHPType == SHPT_NULL || o->nVertices == 0 || o->nParts == 0)
		return "missing";
	if (o->nSHPType != SHPT_POLYGON && o->nSHPType != SHPT_POLYGONZ &&
	    o->nSHPType != SHPT_POLYGONM)
		return "not a polygon";
	double *xy = xmalloc(2 * (size_t)o->nVertices * sizeof *xy);
	const char *bad = NULL;
	for (int p = 0; p < o->nParts && !bad; p++) {
		int from = o->panPartStart[p];
		int to = p + 1 < o->nParts ? o->panPartStart[p + 1] : o->nVertices;
		if (from < 0 || to > o->nVertices || to - from < 3) {
			bad = "malformed ring";
			break;
		}
		for (int i = from; i < to; i++) {
			xy[2 * (i - from)] = o->padfX[i];
			xy[2 * (i - from) + 1] = o->padfY[i];
			if (!isfinite(o->padfX[i]) || !isfinite(o->padfY[i]))
				bad = "coordinates not finite";
		}
		jb_polygon_add_ring(poly, xy, (size_t)(to - from));
	}
	free(xy);
	return bad;
}

static int read_shapefile(struct reading *r, const char *path)
{
	enum jb_crs kind = shapefile_crs(r->src, path);
	if (kind == JB_CRS_UNKNOWN)
		return -1;
	SHPHandle shp = SHPOpen(path, "rb");
	DBFHandle dbf = shp ? DBFOpen(path, "rb") : NULL;
	if (!shp || !dbf) {
		jb_reject(r->src, 0, NULL, shp ? "no readable .dbf beside the .shp"
					       : "not a readable shapefile", NULL);
		if (shp)
			SHPClose(shp);
		return -1;
	}
	struct jb_proj *proj = NULL;
	if (kind == JB_CRS_WGS84 && !(proj = jb_proj_new())) {
		jb_reject(r->src, 0, NULL, "cannot project from WGS84", NULL);
		SHPClose(shp);
		DBFClose(dbf);
		return -1;
	}
	int nshapes = 0, nrecords = DBFGetRecordCount(dbf), nfields = DBFGetFieldCount(dbf);
	SHPGetInfo(shp, &nshapes, NULL, NULL, NULL);
	char name[XBASE_FLDNAME_LEN_READ + 1];
	for (int i = 0; i < nshapes; i++) {
		long fno = (long)i + 1;
		r->src->rows++;
		struct attrs a = {0};
		for (int f = 0; f < nfields && i < nrecords; f++) {
			if (DBFGetFieldInfo(dbf, f, name, NULL, NULL) != FTString ||
			    DBFIsAttributeNULL(dbf, i, f))
				continue;
			note_attr(&a, name, DBFReadStringAttribute(dbf, i, f));
		}
		SHPObject *o = SHPReadObject(shp, i);
		struct jb_polygon poly = {0};
		const char *bad = shape_geometry(&poly, o);
		SHPDestroyObject(o);
		if (!bad)
			bad = to_grid(proj, &poly);
		if (bad) {
			jb_reject(r->src, fno, "geometry", bad, a.lsoa[0] ? a.lsoa : a.lad);
			jb_polygon_free(&poly);
			continue;
		}
		take_feature(r, fno, &a, &poly);
	}
	jb_proj_free(proj);
	SHPClose(shp);
	DBFClose(dbf);
	return 0;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

struct jb_boundaries *jb_boundaries_begin(struct jb_dataset *ds)
{
	struct jb_boundaries *set = xcalloc(1, sizeof *set);
	set->ds = ds;
	return set;
}

int jb_boundaries_read(struct jb_boundaries *set, const char *path, const char *rel)
{
	struct jb_dataset *ds = set->ds;
	struct reading r = {.set = set, .ds = ds};
	int rc;
	if (has_ext(path, ".geojson") || has_ext(path, ".json")) {
		r.src = jb_source_add(&ds->sources, rel, "boundaries (GeoJSON)");
		rc = read_geojson(&r, path);
	} else if (has_ext(path, ".shp")) {
		r.src = jb_source_add(&ds->sources, rel, "boundaries (ESRI shapefile)");
		rc = read_shapefile(&r, path);
	} else {
		r.src = jb_source_add(&ds->sources, rel, "boundaries");
		jb_reject(r.src, 0, NULL, "not a .geojson, .json or .shp file", NULL);
		return -1;
	}
	finish(&r);
	return rc;
}

void jb_boundaries_end(struct jb_boundaries *set)
{
	if (!set)
		return;
	int use = 0;
	for (size_t i = 0; i < set->nheld; i++)
		if (use != 2021 && (set->held[i].vintage == 2021 || set->held[i].vintage > use))
			use = set->held[i].vintage;
	for (size_t i = 0; i < set->nheld; i++) {
		struct held_lsoa *h = &set->held[i];
		if (h->vintage == use) {
			store_lsoa(set->ds, h);
			continue;
		}
		char *why = xasprintf("LSOA %d boundary, not used: one LSOA vintage is used, "
				      "LSOA %d", h->vintage, use);
		jb_set_aside(h->src, h->fno, why);
		free(why);
		jb_polygon_free(&h->poly);
	}
	free(set->held);
	free(set);
}

int jb_read_boundaries(struct jb_dataset *ds, const char *path, const char *rel)
{
	struct jb_boundaries *set = jb_boundaries_begin(ds);
	int rc = jb_boundaries_read(set, path, rel);
	jb_boundaries_end(set);
	return rc;
}
