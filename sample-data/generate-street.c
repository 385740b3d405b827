/* sample-data/generate-street.c - synthetic data.police.uk street-level
 * crime for the Metropolitan Police at full scale, for benchmarks and tests.
 *
 *   generate-street [--data DIR] [--months N] [--end YYYY-MM] [--seed S]
 *                   [--rows-per-month R] [--jobs J] --out DIR
 *
 * writes OUT/YYYY-MM/YYYY-MM-metropolitan-street.csv for the N months
 * ending at --end, in the downloaded archive's layout and with the real
 * 12-column header. Everything it draws from is real and is read through
 * jembrief's own ingest (jb_dataset_load on --data, default sample-data):
 *
 * - where: a crime of type T falls in LSOA L with probability proportional
 *   to L's count of T in the MPS LSOA-level file (MPS major/minor
 *   categories mapped to the 14 data.police.uk types, see type_map[]),
 *   summed over the file's complete months; the point is uniform inside
 *   L's boundary polygon (BNG), converted back to WGS84 through PROJ
 *   (jb_proj_to_wgs84) and written with 6 decimals like data.police.uk.
 *   A point is redrawn until its written coordinates, projected again the
 *   way jembrief reads them, still fall inside L (in double and in the
 *   float a struct jb_point keeps), so every named LSOA holds its points.
 * - how many: rows-per-month is the mean; a month gets
 *   R * (that calendar month's mean total / the mean over the year), and
 *   the type mix of the month follows the same calendar month in the MPS
 *   file, so the seasonal profile is London's.
 * - anti-social behaviour: not in the MPS files. It is ASB_SHARE of the
 *   rows over a year, placed and made seasonal like public order plus
 *   criminal damage (its nearest recorded-crime relatives). ASB rows have
 *   no Crime ID and no outcome, as on data.police.uk.
 * - outcomes: the last outcome category is drawn from the outcome mix of
 *   the same crime type in the real street files of --data (City of London
 *   Police), or of all their crimes when that type has fewer than
 *   MIN_OUTCOME_ROWS rows.
 * - Crime ID: 64 hex digits; Location: "On or near ..." from a pool of
 *   street and place names fixed per LSOA (drawn from stems and suffixes).
 * - quirks, as in the real files: NO_COORDS_SHARE of rows with no
 *   coordinates, no LSOA and "No Location"; NO_LSOA_SHARE with coordinates
 *   but a blank LSOA code and name; CITY_SHARE in City of London LSOAs
 *   (outside the Met's 32 boroughs, as the Met's files do have a few).
 *
 * - order: a month's rows as data.police.uk writes them, by LSOA name and
 *   then crime type, the rows without an LSOA last (see write_month).
 *
 * Deterministic: each month is drawn from its own GSL Mersenne Twister,
 * seeded from (seed, month), so a month's file is the same bytes for a
 * seed whatever --months, --end and --jobs are. Months are written in
 * parallel by --jobs threads, each file under a temporary name, renamed
 * when complete.
 */
#define _GNU_SOURCE /* qsort_r */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ingest/dataset.h"
#include "../ingest/geo.h"
#include "../util/csvout.h"
#include "../util/xalloc.h"

/* Shares of all rows over a year; see the header comment. The ASB share is
 * about what the Met's data.police.uk files show (roughly a fifth to a
 * quarter of rows). */
#define ASB_SHARE 0.23
#define NO_COORDS_SHARE 0.01
#define NO_LSOA_SHARE 0.002
#define CITY_SHARE 0.001
enum { MIN_OUTCOME_ROWS = 30, MAX_TRIES = 200 };

/* ---- the 14 data.police.uk crime types ---- */

enum {
	T_ASB, T_BICYCLE, T_BURGLARY, T_DAMAGE, T_DRUGS, T_OTHER_THEFT, T_WEAPONS,
	T_PUBLIC_ORDER, T_ROBBERY, T_SHOPLIFTING, T_PERSON, T_VEHICLE, T_VIOLENCE,
	T_OTHER, NTYPES
};

static const char *const type_name[NTYPES] = {
	"Anti-social behaviour", "Bicycle theft", "Burglary",
	"Criminal damage and arson", "Drugs", "Other theft", "Possession of weapons",
	"Public order", "Robbery", "Shoplifting", "Theft from the person",
	"Vehicle crime", "Violence and sexual offences", "Other crime",
};

/* MPS major category (and minor, where the major splits) -> type. */
static const struct {
	const char *major, *minor;
	int type;
} type_map[] = {
	{"ARSON AND CRIMINAL DAMAGE", NULL, T_DAMAGE},
	{"BURGLARY", NULL, T_BURGLARY},
	{"DRUG OFFENCES", NULL, T_DRUGS},
	{"MISCELLANEOUS CRIMES AGAINST SOCIETY", NULL, T_OTHER},
	{"POSSESSION OF WEAPONS", NULL, T_WEAPONS},
	{"PUBLIC ORDER OFFENCES", NULL, T_PUBLIC_ORDER},
	{"ROBBERY", NULL, T_ROBBERY},
	{"THEFT", "BICYCLE THEFT", T_BICYCLE},
	{"THEFT", "SHOPLIFTING", T_SHOPLIFTING},
	{"THEFT", "THEFT FROM THE PERSON", T_PERSON},
	{"THEFT", NULL, T_OTHER_THEFT},
	{"VEHICLE OFFENCES", NULL, T_VEHICLE},
	{"VIOLENCE AGAINST THE PERSON", NULL, T_VIOLENCE},
	{"SEXUAL OFFENCES", NULL, T_VIOLENCE},
};

static int map_category(const struct jb_category *c)
{
	for (size_t i = 0; i < sizeof type_map / sizeof type_map[0]; i++)
		if (strcmp(c->major, type_map[i].major) == 0 &&
		    (!type_map[i].minor || strcmp(c->minor, type_map[i].minor) == 0))
			return type_map[i].type;
	return -1;
}

/* ---- street names ---- */

static const char *const stems[] = {
	"Church", "Station", "High", "Park", "Victoria", "Albert", "Queens", "Kings",
	"Manor", "Mill", "Grove", "York", "Green", "Elm", "Oak", "Cedar", "Richmond",
	"Windsor", "Springfield", "Chestnut", "Beech", "Willow", "Alexandra",
	"Stanley", "Clarence", "George", "Mount", "Cromwell", "Nelson", "Wellington",
	"Marlborough", "Cambridge", "Oxford", "Salisbury", "Gordon", "Warwick",
	"Hamilton", "Melbourne", "Harrow", "Highbury", "Tower", "Bridge", "River",
	"Canal", "Market", "Chapel", "School", "Farm", "Orchard", "Meadow", "Forest",
	"Hill", "Vale", "Lodge", "Priory", "Abbey", "Cavendish", "Grosvenor",
	"Belmont", "Fairfield", "Hazel", "Holly", "Laurel", "Maple", "Rose", "Ash",
};
static const char *const suffixes[] = {
	"Street", "Road", "Lane", "Avenue", "Close", "Gardens", "Way", "Place",
	"Crescent", "Terrace", "Court", "Drive", "Row", "Square", "Walk", "Mews",
	"Rise", "Parade",
};
static const char *const places[] = {
	"Supermarket", "Parking Area", "Petrol Station", "Shopping Area",
	"Nightclub", "Sports/Recreation Area", "Further/Higher Educational Building",
	"Hospital", "Theatre/Concert Hall", "Pedestrian Subway", "Bus/Coach Station",
	"Police Station",
};
#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* ---- the model drawn from the data ---- */

struct model {
	const struct jb_dataset *ds;
	unsigned long seed;
	/* per type: LSOA sampler (index k -> LSOA lsoa_of[t][k]) */
	gsl_ran_discrete_t *where[NTYPES];
	int *lsoa_of[NTYPES];
	double month_mean[NTYPES][12]; /* mean rows of type t in a calendar month */
	double month_factor[12];       /* mean total of the month / mean over the year */
	gsl_ran_discrete_t *outcome[NTYPES]; /* NULL for ASB */
	int *outcome_of[NTYPES];       /* index -> ds->street.outcomes */
	int *city;                     /* LSOAs with a boundary outside the 32 */
	size_t ncity;
	char ***pool;                  /* [nlsoa]: location names, "On or near ..." */
	int *npool;
};

/* A 64-bit mix (SplitMix64's finaliser) to derive independent seeds. */
static unsigned long mix(uint64_t z)
{
	z += 0x9e3779b97f4a7c15u;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return (unsigned long)(z ^ (z >> 31));
}

static gsl_rng *rng_for(unsigned long seed, uint64_t stream)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, mix(mix(seed) ^ stream));
	return r;
}

static int has_shape(const struct jb_lsoa *l)
{
	return l->poly.nrings > 0 && !isnan(l->poly.minx);
}

/* Months of the LSOA table that are complete: total at least half the
 * median month (the first month of the published file is a partial one). */
static void complete_months(const struct jb_crime_table *t, unsigned char *ok)
{
	double *tot = xcalloc((size_t)t->nmonths, sizeof *tot);
	double *sorted = xmalloc((size_t)t->nmonths * sizeof *sorted);
	for (size_t r = 0; r < t->nrows; r++)
		for (int m = 0; m < t->nmonths; m++)
			tot[m] += t->rows[r].counts[m];
	int n = 0;
	for (int m = 0; m < t->nmonths; m++)
		if (t->covered[m])
			sorted[n++] = tot[m];
	for (int i = 1; i < n; i++) /* insertion sort: a few dozen months */
		for (int j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
			double v = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = v;
		}
	double median = n ? (n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2) : 0;
	for (int m = 0; m < t->nmonths; m++)
		ok[m] = t->covered[m] && tot[m] >= median / 2 && tot[m] > 0;
	free(tot);
	free(sorted);
}

static int model_build(struct model *md, const struct jb_dataset *ds, unsigned long seed,
		       char *err, size_t errsz)
{
	memset(md, 0, sizeof *md);
	md->ds = ds;
	md->seed = seed;
	const struct jb_crime_table *t = &ds->crime[JB_LEVEL_LSOA];
	if (!ds->has_lsoa_shapes || !ds->has_crime[JB_LEVEL_LSOA] || t->nmonths <= 0) {
		snprintf(err, errsz, "needs LSOA boundaries (boundaries/) and MPS LSOA-level "
			 "crime (crime/) in the data directory");
		return -1;
	}
	if (!ds->has_street) {
		snprintf(err, errsz, "needs data.police.uk street files (crime/) in the data "
			 "directory for the outcome mix");
		return -1;
	}
	size_t nl = ds->nlsoa;
	unsigned char *ok = xcalloc((size_t)t->nmonths, 1);
	complete_months(t, ok);
	int nmoy[12] = {0};
	for (int m = 0; m < t->nmonths; m++)
		if (ok[m])
			nmoy[jb_month_mon(t->first_month + m) - 1]++;
	for (int k = 0; k < 12; k++)
		if (!nmoy[k]) {
			snprintf(err, errsz, "the MPS LSOA-level file must cover every calendar "
				 "month (no complete %s)", k == 0 ? "January" : "month");
			free(ok);
			return -1;
		}

	/* weights[t][lsoa] and seasonal totals */
	double *w = xcalloc(NTYPES * nl, sizeof *w);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct jb_crime_row *row = &t->rows[r];
		int ty = map_category(&ds->categories[row->cat]);
		if (ty < 0 || !has_shape(&ds->lsoa[row->area]))
			continue;
		for (int m = 0; m < t->nmonths; m++) {
			if (!ok[m])
				continue;
			w[ty * nl + (size_t)row->area] += row->counts[m];
			md->month_mean[ty][jb_month_mon(t->first_month + m) - 1] += row->counts[m];
		}
	}
	free(ok);
	/* ASB: placed and seasonal like public order + criminal damage. */
	for (size_t i = 0; i < nl; i++)
		w[T_ASB * nl + i] = w[T_PUBLIC_ORDER * nl + i] + w[T_DAMAGE * nl + i];
	double crimes = 0, proxy = 0;
	for (int k = 0; k < 12; k++) {
		for (int ty = 1; ty < NTYPES; ty++) {
			md->month_mean[ty][k] /= nmoy[k];
			crimes += md->month_mean[ty][k];
		}
		proxy += md->month_mean[T_PUBLIC_ORDER][k] + md->month_mean[T_DAMAGE][k];
	}
	if (crimes <= 0 || proxy <= 0) {
		snprintf(err, errsz, "the MPS LSOA-level file has no counts in the known "
			 "categories");
		free(w);
		return -1;
	}
	double asb_ratio = ASB_SHARE / (1 - ASB_SHARE) * crimes / proxy, year = 0;
	for (int k = 0; k < 12; k++) {
		md->month_mean[T_ASB][k] = asb_ratio * (md->month_mean[T_PUBLIC_ORDER][k] +
							md->month_mean[T_DAMAGE][k]);
		double tot = 0;
		for (int ty = 0; ty < NTYPES; ty++)
			tot += md->month_mean[ty][k];
		md->month_factor[k] = tot;
		year += tot;
	}
	for (int k = 0; k < 12; k++)
		md->month_factor[k] /= year / 12;

	/* LSOA samplers over the LSOAs with a positive weight */
	double *wk = xmalloc(nl * sizeof *wk);
	for (int ty = 0; ty < NTYPES; ty++) {
		size_t n = 0;
		md->lsoa_of[ty] = xmalloc((nl ? nl : 1) * sizeof *md->lsoa_of[ty]);
		for (size_t i = 0; i < nl; i++)
			if (w[ty * nl + i] > 0) {
				md->lsoa_of[ty][n] = (int)i;
				wk[n++] = w[ty * nl + i];
			}
		if (n == 0) {
			/* a type with no counts (e.g. a category dropped from the
			 * file): spread evenly over the 32 boroughs' LSOAs */
			for (size_t i = 0; i < nl; i++)
				if (has_shape(&ds->lsoa[i]) && ds->lsoa[i].borough >= 0) {
					md->lsoa_of[ty][n] = (int)i;
					wk[n++] = 1;
				}
		}
		md->where[ty] = gsl_ran_discrete_preproc(n, wk);
	}
	free(wk);
	free(w);

	/* outcome mix by type from the real street files */
	const struct jb_street *st = &ds->street;
	size_t no = st->noutcomes;
	double *oc = xcalloc((NTYPES + 1) * no, sizeof *oc);
	for (size_t i = 0; i < st->npts; i++) {
		const struct jb_point *p = &st->pts[i];
		int ty = -1;
		for (int k = 0; k < NTYPES; k++)
			if (strcmp(st->types[p->type], type_name[k]) == 0)
				ty = k;
		if (ty == T_ASB || p->outcome == 0)
			continue;
		if (ty >= 0)
			oc[ty * no + p->outcome]++;
		oc[NTYPES * no + p->outcome]++;
	}
	double all = 0;
	for (size_t o = 0; o < no; o++)
		all += oc[NTYPES * no + o];
	if (all <= 0) {
		snprintf(err, errsz, "the street files give no outcomes to draw from");
		free(oc);
		return -1;
	}
	for (int ty = 1; ty < NTYPES; ty++) {
		double n = 0;
		for (size_t o = 0; o < no; o++)
			n += oc[ty * no + o];
		const double *src = n >= MIN_OUTCOME_ROWS ? &oc[ty * no] : &oc[NTYPES * no];
		md->outcome_of[ty] = xmalloc(no * sizeof *md->outcome_of[ty]);
		double *ow = xmalloc(no * sizeof *ow);
		size_t k = 0;
		for (size_t o = 1; o < no; o++)
			if (src[o] > 0) {
				md->outcome_of[ty][k] = (int)o;
				ow[k++] = src[o];
			}
		md->outcome[ty] = gsl_ran_discrete_preproc(k, ow);
		free(ow);
	}
	free(oc);

	/* City of London LSOAs */
	md->city = xmalloc((nl ? nl : 1) * sizeof *md->city);
	for (size_t i = 0; i < nl; i++)
		if (has_shape(&ds->lsoa[i]) && ds->lsoa[i].borough < 0)
			md->city[md->ncity++] = (int)i;

	/* location pools, fixed per LSOA for the seed */
	md->pool = xcalloc(nl ? nl : 1, sizeof *md->pool);
	md->npool = xcalloc(nl ? nl : 1, sizeof *md->npool);
	for (size_t i = 0; i < nl; i++) {
		gsl_rng *r = rng_for(seed, 0x10000000u + i);
		int n = 5 + (int)gsl_rng_uniform_int(r, 8);
		md->pool[i] = xmalloc((size_t)n * sizeof *md->pool[i]);
		for (int k = 0; k < n; k++) {
			if (gsl_rng_uniform(r) < 0.15)
				md->pool[i][k] = xasprintf("On or near %s",
					places[gsl_rng_uniform_int(r, COUNT(places))]);
			else {
				const char *stem = stems[gsl_rng_uniform_int(r, COUNT(stems))];
				const char *suf = suffixes[gsl_rng_uniform_int(r, COUNT(suffixes))];
				md->pool[i][k] = xasprintf("On or near %s %s", stem, suf);
			}
		}
		md->npool[i] = n;
		gsl_rng_free(r);
	}
	return 0;
}

static void model_free(struct model *md)
{
	for (int ty = 0; ty < NTYPES; ty++) {
		if (md->where[ty])
			gsl_ran_discrete_free(md->where[ty]);
		if (md->outcome[ty])
			gsl_ran_discrete_free(md->outcome[ty]);
		free(md->lsoa_of[ty]);
		free(md->outcome_of[ty]);
	}
	free(md->city);
	for (size_t i = 0; md->pool && i < md->ds->nlsoa; i++) {
		for (int k = 0; k < md->npool[i]; k++)
			free(md->pool[i][k]);
		free(md->pool[i]);
	}
	free(md->pool);
	free(md->npool);
}

/* ---- one month ---- */

enum quirk { Q_NONE, Q_NO_COORDS, Q_NO_LSOA, Q_CITY };

struct row {
	int type, lsoa, location, outcome;
	enum quirk quirk;
	double x, y;     /* BNG while drawing, then lon, lat */
	uint32_t id[8];
};

/* A uniform point inside LSOA l (rejection in its bounding box; the
 * representative point when the polygon is too thin to hit). */
static void draw_point(gsl_rng *r, const struct jb_lsoa *l, double *x, double *y)
{
	const struct jb_polygon *p = &l->poly;
	for (int k = 0; k < MAX_TRIES; k++) {
		*x = p->minx + gsl_rng_uniform(r) * (p->maxx - p->minx);
		*y = p->miny + gsl_rng_uniform(r) * (p->maxy - p->miny);
		if (jb_polygon_contains(p, *x, *y))
			return;
	}
	*x = l->cx;
	*y = l->cy;
}

/* Round to data.police.uk's 6 decimals. */
static double six(double v)
{
	return round(v * 1e6) / 1e6;
}

/* Rows of month m: types, LSOAs, quirks and points; points end as lon/lat
 * whose reading back lands in the row's LSOA. */
static struct row *draw_month(const struct model *md, struct jb_proj *proj, int m,
			      size_t nrows)
{
	const struct jb_dataset *ds = md->ds;
	gsl_rng *r = rng_for(md->seed, (uint64_t)m);
	int k = jb_month_mon(m) - 1;
	double tw[NTYPES];
	for (int ty = 0; ty < NTYPES; ty++)
		tw[ty] = md->month_mean[ty][k];
	gsl_ran_discrete_t *types = gsl_ran_discrete_preproc(NTYPES, tw);
	struct row *rows = xcalloc(nrows ? nrows : 1, sizeof *rows);
	for (size_t i = 0; i < nrows; i++) {
		struct row *w = &rows[i];
		w->type = (int)gsl_ran_discrete(r, types);
		double u = gsl_rng_uniform(r);
		w->quirk = u < NO_COORDS_SHARE ? Q_NO_COORDS
			 : u < NO_COORDS_SHARE + NO_LSOA_SHARE ? Q_NO_LSOA
			 : u < NO_COORDS_SHARE + NO_LSOA_SHARE + CITY_SHARE && md->ncity ? Q_CITY
			 : Q_NONE;
		if (w->quirk == Q_CITY)
			w->lsoa = md->city[gsl_rng_uniform_int(r, md->ncity)];
		else
			w->lsoa = md->lsoa_of[w->type][gsl_ran_discrete(r, md->where[w->type])];
		w->location = (int)gsl_rng_uniform_int(r, (unsigned long)md->npool[w->lsoa]);
		w->outcome = w->type == T_ASB ? 0
			   : md->outcome_of[w->type][gsl_ran_discrete(r, md->outcome[w->type])];
		if (w->type != T_ASB)
			for (int j = 0; j < 8; j++)
				w->id[j] = (uint32_t)gsl_rng_get(r);
		if (w->quirk != Q_NO_COORDS)
			draw_point(r, &ds->lsoa[w->lsoa], &w->x, &w->y);
	}
	gsl_ran_discrete_free(types);

	/* To lon/lat, rounded; read back as jembrief would; redraw the points
	 * that moved out of their LSOA, until none does. */
	double *lon = xmalloc((nrows ? nrows : 1) * sizeof *lon);
	double *lat = xmalloc((nrows ? nrows : 1) * sizeof *lat);
	size_t *todo = xmalloc((nrows ? nrows : 1) * sizeof *todo), ntodo = 0;
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].quirk != Q_NO_COORDS)
			todo[ntodo++] = i;
	for (int pass = 0; ntodo; pass++) {
		for (size_t j = 0; j < ntodo; j++) {
			lon[j] = rows[todo[j]].x;
			lat[j] = rows[todo[j]].y;
		}
		jb_proj_to_wgs84(proj, lon, lat, ntodo);
		for (size_t j = 0; j < ntodo; j++) {
			lon[j] = six(lon[j]);
			lat[j] = six(lat[j]);
		}
		double *bx = xmalloc(ntodo * sizeof *bx), *by = xmalloc(ntodo * sizeof *by);
		memcpy(bx, lon, ntodo * sizeof *bx);
		memcpy(by, lat, ntodo * sizeof *by);
		jb_proj_to_bng(proj, bx, by, ntodo);
		size_t again = 0;
		for (size_t j = 0; j < ntodo; j++) {
			struct row *w = &rows[todo[j]];
			const struct jb_polygon *p = &ds->lsoa[w->lsoa].poly;
			if (!isnan(lon[j]) && jb_polygon_contains(p, bx[j], by[j]) &&
			    jb_polygon_contains(p, (float)bx[j], (float)by[j])) {
				w->x = lon[j];
				w->y = lat[j];
			} else if (pass >= 50) {
				die("cannot place a point inside LSOA %s",
				    ds->lsoa[w->lsoa].code);
			} else {
				draw_point(r, &ds->lsoa[w->lsoa], &w->x, &w->y);
				todo[again++] = todo[j];
			}
		}
		ntodo = again;
		free(bx);
		free(by);
	}
	free(lon);
	free(lat);
	free(todo);
	gsl_rng_free(r);
	return rows;
}

static const char header[] = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
			     "Location,LSOA code,LSOA name,Crime type,Last outcome category,"
			     "Context\n";

/* The order data.police.uk writes a month's rows in (as its files in
 * sample-data/crime/police-uk-street/ show): by LSOA name, then by crime
 * type in type_name[]'s order (alphabetical, "Other crime" last), the
 * rows with no LSOA last; within those, the order drawn. */
struct order {
	uint64_t key; /* no LSOA, the LSOA name's rank, the type */
	size_t row;
};

static int by_order(const void *x, const void *y)
{
	const struct order *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->row > b->row) - (a->row < b->row);
}

static int by_name(const void *x, const void *y, void *ds)
{
	const size_t *a = x, *b = y;
	const struct jb_lsoa *l = ((const struct jb_dataset *)ds)->lsoa;
	int c = strcmp(l[*a].name ? l[*a].name : "", l[*b].name ? l[*b].name : "");
	return c ? c : (*a > *b) - (*a < *b);
}

/* rows' indices in data.police.uk's order */
static size_t *police_uk_order(const struct jb_dataset *ds, const struct row *rows, size_t nrows)
{
	size_t *by = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *by);
	uint64_t *rank = xmalloc((ds->nlsoa ? ds->nlsoa : 1) * sizeof *rank);
	for (size_t l = 0; l < ds->nlsoa; l++)
		by[l] = l;
	qsort_r(by, ds->nlsoa, sizeof *by, by_name, (void *)ds);
	for (size_t k = 0; k < ds->nlsoa; k++)
		rank[by[k]] = k;
	struct order *o = xmalloc((nrows ? nrows : 1) * sizeof *o);
	for (size_t i = 0; i < nrows; i++) {
		const struct row *w = &rows[i];
		int blank = w->quirk == Q_NO_COORDS || w->quirk == Q_NO_LSOA;
		o[i].key = (uint64_t)blank << 62 | (blank ? 0 : rank[w->lsoa]) << 8 |
			   (uint64_t)w->type;
		o[i].row = i;
	}
	qsort(o, nrows, sizeof *o, by_order);
	size_t *ord = xmalloc((nrows ? nrows : 1) * sizeof *ord);
	for (size_t i = 0; i < nrows; i++)
		ord[i] = o[i].row;
	free(o);
	free(rank);
	free(by);
	return ord;
}

static int write_month(const struct model *md, const struct row *rows, size_t nrows,
		       int m, const char *path)
{
	const struct jb_dataset *ds = md->ds;
	const struct jb_street *st = &ds->street;
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		fprintf(stderr, "generate-street: %s: %s\n", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	static const char force[] = "Metropolitan Police Service";
	char *buf = xmalloc(1 << 20);
	setvbuf(f, buf, _IOFBF, 1 << 20);
	fputs(header, f);
	size_t *ord = police_uk_order(ds, rows, nrows);
	for (size_t i = 0; i < nrows; i++) {
		const struct row *w = &rows[ord[i]];
		if (w->type == T_ASB)
			fputc(',', f);
		else
			fprintf(f, "%08x%08x%08x%08x%08x%08x%08x%08x,", w->id[0], w->id[1],
				w->id[2], w->id[3], w->id[4], w->id[5], w->id[6], w->id[7]);
		csv_month(f, m, 0);
		fprintf(f, "%s,%s,", force, force);
		if (w->quirk == Q_NO_COORDS) {
			fputs(",,No Location,,,", f);
		} else {
			fprintf(f, "%.6f,%.6f,", w->x, w->y);
			csv_text(f, md->pool[w->lsoa][w->location], 0);
			if (w->quirk == Q_NO_LSOA) {
				fputs(",,", f);
			} else {
				csv_text(f, ds->lsoa[w->lsoa].code, 0);
				csv_text(f, ds->lsoa[w->lsoa].name, 0);
			}
		}
		csv_text(f, type_name[w->type], 0);
		csv_text(f, w->outcome ? st->outcomes[w->outcome] : "", 0);
		fputc('\n', f);
	}
	free(ord);
	int bad = ferror(f);
	bad |= fclose(f) != 0;
	free(buf);
	if (bad || rename(tmp, path) != 0) {
		fprintf(stderr, "generate-street: %s: cannot write: %s\n", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* ---- the batch of months ---- */

struct job {
	const struct model *md;
	const char *out;
	int first, nmonths;
	long rows_per_month;
	pthread_mutex_t lock;
	int next, failed;
	size_t written;
};

/* mkdir -p */
static int make_dir(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0777);
		*s = '/';
	}
	free(p);
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "generate-street: %s: %s\n", path, strerror(errno));
	return -1;
}

static void *worker(void *arg)
{
	struct job *j = arg;
	struct jb_proj *proj = jb_proj_new();
	if (!proj) {
		pthread_mutex_lock(&j->lock);
		j->failed = 1;
		pthread_mutex_unlock(&j->lock);
		return NULL;
	}
	for (;;) {
		pthread_mutex_lock(&j->lock);
		int k = j->failed ? j->nmonths : j->next++;
		pthread_mutex_unlock(&j->lock);
		if (k >= j->nmonths)
			break;
		int m = j->first + k;
		size_t n = (size_t)lround((double)j->rows_per_month *
					  j->md->month_factor[jb_month_mon(m) - 1]);
		char ym[16];
		snprintf(ym, sizeof ym, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
		char *dir = xasprintf("%s/%s", j->out, ym);
		char *path = xasprintf("%s/%s-metropolitan-street.csv", dir, ym);
		int rc = make_dir(dir);
		if (rc == 0) {
			struct row *rows = draw_month(j->md, proj, m, n);
			rc = write_month(j->md, rows, n, m, path);
			free(rows);
		}
		pthread_mutex_lock(&j->lock);
		if (rc)
			j->failed = 1;
		else
			j->written += n;
		pthread_mutex_unlock(&j->lock);
		free(dir);
		free(path);
	}
	jb_proj_free(proj);
	return NULL;
}

static const char usage[] =
	"Usage: generate-street [OPTION]... --out DIR\n"
	"Write synthetic data.police.uk street-level crime for the Metropolitan Police,\n"
	"DIR/YYYY-MM/YYYY-MM-metropolitan-street.csv, drawn from the real data in --data.\n"
	"\n"
	"  --data DIR            real data to draw from (default: sample-data)\n"
	"  --months N            number of months (default: 36)\n"
	"  --end YYYY-MM         last month (default: the last month of the MPS LSOA file)\n"
	"  --seed S              random seed (default: 1); same seed, same bytes\n"
	"  --rows-per-month R    mean rows a month (default: 95000)\n"
	"  --jobs J              months written in parallel (default: the number of cores)\n"
	"  --out DIR             output directory (created)\n";

static long number(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || !*s || v < lo || v > hi) {
		fprintf(stderr, "generate-street: %s: '%s' is not a number from %ld to %ld\n",
			opt, s, lo, hi);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"months", required_argument, NULL, 'n'},
		{"end", required_argument, NULL, 'e'},
		{"seed", required_argument, NULL, 's'},
		{"rows-per-month", required_argument, NULL, 'r'},
		{"jobs", required_argument, NULL, 'j'},
		{"out", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *data = "sample-data", *out = NULL;
	long months = 36, rows = 95000, jobs = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned long seed = 1;
	int end = -1, c, y, mo;
	char extra;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'n': months = number("--months", optarg, 1, 600); break;
		case 'e':
			if (sscanf(optarg, "%d-%d%c", &y, &mo, &extra) != 2 || y < 1990 ||
			    y > 2100 || mo < 1 || mo > 12) {
				fprintf(stderr, "generate-street: --end: '%s' is not YYYY-MM\n",
					optarg);
				return 2;
			}
			end = jb_month(y, mo);
			break;
		case 's': seed = (unsigned long)number("--seed", optarg, 0, LONG_MAX); break;
		case 'r': rows = number("--rows-per-month", optarg, 0, 100000000); break;
		case 'j': jobs = number("--jobs", optarg, 1, 256); break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (!out || optind < argc) {
		fputs(usage, stderr);
		return 2;
	}
	if (jobs < 1)
		jobs = 1;
	jb_diag_set(NULL);
	struct jb_dataset *ds = jb_dataset_load(data, &(struct jb_load_options){.quiet = 1});
	if (!ds)
		return 2;
	struct model md;
	char err[256];
	if (model_build(&md, ds, seed, err, sizeof err) != 0) {
		fprintf(stderr, "generate-street: %s: %s\n", data, err);
		model_free(&md);
		jb_dataset_free(ds);
		return 2;
	}
	if (end < 0) {
		const struct jb_crime_table *t = &ds->crime[JB_LEVEL_LSOA];
		end = t->first_month + t->nmonths - 1;
	}
	int status = make_dir(out) ? 2 : 0;
	struct job j = {.md = &md, .out = out, .first = end - (int)months + 1,
			.nmonths = (int)months, .rows_per_month = rows};
	pthread_mutex_init(&j.lock, NULL);
	if (!status) {
		if (jobs > months)
			jobs = months;
		pthread_t *th = xcalloc((size_t)jobs, sizeof *th);
		for (long i = 0; i < jobs; i++)
			if (pthread_create(&th[i], NULL, worker, &j) != 0)
				die("cannot start a thread");
		for (long i = 0; i < jobs; i++)
			pthread_join(th[i], NULL);
		free(th);
		if (j.failed)
			status = 1;
		else
			fprintf(stderr, "generate-street: %ld months to %04d-%02d, %zu rows in %s\n",
				months, jb_month_year(end), jb_month_mon(end), j.written, out);
	}
	pthread_mutex_destroy(&j.lock);
	model_free(&md);
	jb_dataset_free(ds);
	return status;
}
