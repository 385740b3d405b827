/* analysis/spatial.h - hot spot statistics: neighbours (queen contiguity of
 * polygons, a regular grid for points), Getis-Ord Gi* with Benjamini-Hochberg
 * FDR, emerging hot spot classes, quartic kernel density.
 * Definitions are DESIGN.md section 5. Coordinates are BNG metres; nothing
 * here knows about boroughs, files or slides.
 * Ownership: every struct filled here owns its arrays; free them with the
 * matching *_free() (safe on NULL, on a zeroed struct and after a refusal).
 * No state is kept between calls: any number of threads may call these at
 * once, each with its own results. */
#ifndef JB_SPATIAL_H
#define JB_SPATIAL_H

#include <stddef.h>

struct jb_polygon;

/* ---- neighbours ---- */

/* Binary spatial weights as a neighbour list (CSR): unit i's neighbours are
 * nb[start[i]] .. nb[start[i + 1] - 1], ascending, i itself included
 * (w_ii = 1, as Gi* needs). */
struct jb_nb {
	size_t n;      /* units */
	size_t *start; /* [n + 1] */
	size_t *nb;    /* [start[n]] */
	size_t *id;    /* [n] grid cell of each unit (jb_grid_nb), else NULL */
};
void jb_nb_free(struct jb_nb *w);

#define JB_QUEEN_SNAP 0.01 /* metres: vertices this close count as shared */

/* Queen contiguity: polygons i and j are neighbours when some vertex of one
 * lies within snap metres (Euclidean) of some vertex of the other, as
 * spdep's poly2nb(queen = TRUE, snap = snap). Vertices are hashed on
 * coordinates rounded to a snap-sized grid, so this is linear in the number
 * of vertices. A polygon with no rings has only itself. snap <= 0 means
 * JB_QUEEN_SNAP. */
void jb_queen_contiguity(const struct jb_polygon *const *poly, size_t n, double snap,
			 struct jb_nb *out);

/* A regular grid: cell (ix, iy) is [x0 + ix cell, x0 + (ix+1) cell) x
 * [y0 + iy cell, ...), numbered iy * nx + ix from the south-west. */
#define JB_GRID_CELL 250.0 /* metres, the default cell for point hot spots */
struct jb_grid {
	double x0, y0, cell;
	size_t nx, ny;
};
/* At most this many cells in a grid: London at the finest cell a theme may
 * ask for (50 m) needs about 1.5 million. */
#define JB_GRID_MAX_CELLS 4000000
/* The grid of cell-sized squares (cell <= 0 means JB_GRID_CELL) aligned to
 * multiples of cell and covering [minx, maxx] x [miny, maxy]; an empty
 * grid (nx = ny = 0) when the bounds are not finite or inverted, or when
 * it would need more than JB_GRID_MAX_CELLS cells. */
void jb_grid_init(struct jb_grid *g, double minx, double miny, double maxx,
		  double maxy, double cell);
/* Cell index of a point, -1 when outside the grid (or not finite). */
long jb_grid_cell(const struct jb_grid *g, double x, double y);
/* Adds one to count[cell] for each point (xy = x0, y0, x1, y1, ...) inside
 * the grid; returns how many fell outside. count has nx * ny entries. */
size_t jb_grid_count(const struct jb_grid *g, const double *xy, size_t npts, double *count);
/* Neighbours of the kept cells (keep[cell] != 0; keep NULL keeps all): the
 * kept cells among the 8 surrounding ones, plus itself, i.e. centres within
 * cell * sqrt 2. Units are the kept cells in cell order; out->id maps unit
 * to cell. */
void jb_grid_nb(const struct jb_grid *g, const unsigned char *keep, struct jb_nb *out);

/* ---- Getis-Ord Gi* ---- */

/* Classes: hot/cold at 90/95/99% confidence after the FDR correction. */
enum jb_hot {
	JB_COLD99 = -3, JB_COLD95 = -2, JB_COLD90 = -1,
	JB_NOT_SIGNIFICANT = 0,
	JB_HOT90 = 1, JB_HOT95 = 2, JB_HOT99 = 3
};

#define JB_GI_MIN_UNITS 30
#define JB_GI_MIN_INCIDENTS 30

/* G*_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n sum_j w_ij^2 - W_i^2) / (n - 1)))
 * with xbar, S the mean and population SD over all n units (spdep's localG
 * with self-included weights). p is the two-sided normal p.
 *
 * FDR and classes, as ArcGIS's Hot Spot Analysis does with its FDR option:
 * the Benjamini-Hochberg step-up procedure is run across all units at each
 * of q = 0.01, 0.05 and 0.10; a unit's class is +-3 when it is rejected at
 * q = 0.01, else +-2 at 0.05, else +-1 at 0.10 (sign of z), else 0. So
 * |class| >= 2 is exactly "significant after FDR at 0.05" (fdr[i] = 1), and
 * class +-1 marks the 90% level, which the design's classes also show. A
 * unit whose neighbours are all n units has no variance of its own: z = 0,
 * p = 1. */
struct jb_gistar {
	int ok;
	char why[160];  /* when !ok: why Gi* was refused */
	size_t n;
	double total, xbar, sd; /* sum, mean, population SD of x */
	double *z, *p;  /* [n] */
	unsigned char *fdr; /* [n] 1 when significant after BH at q = 0.05 */
	signed char *cls;   /* [n] enum jb_hot */
	double p_cut[3];    /* BH p thresholds at q = 0.01, 0.05, 0.10 (0: none) */
	size_t nhot, ncold; /* units with class > 0, < 0 */
};
/* x[i] >= 0 is the count of unit i. Refuses (returns -1, ok = 0, why set,
 * arrays NULL) when there are fewer than JB_GI_MIN_UNITS units, fewer than
 * JB_GI_MIN_INCIDENTS incidents, a count is negative or not a number, the
 * weights do not match x, or every unit has the same count. */
int jb_gistar(const double *x, const struct jb_nb *w, struct jb_gistar *out);
void jb_gistar_free(struct jb_gistar *g);

/* ---- emerging hot spots ---- */

enum jb_emerging {
	JB_EMG_NONE,
	JB_EMG_NEW_HOT, JB_EMG_CONSECUTIVE_HOT, JB_EMG_INTENSIFYING_HOT,
	JB_EMG_PERSISTENT_HOT, JB_EMG_DIMINISHING_HOT, JB_EMG_SPORADIC_HOT,
	JB_EMG_OSCILLATING_HOT, JB_EMG_HISTORICAL_HOT,
	JB_EMG_NEW_COLD, JB_EMG_CONSECUTIVE_COLD, JB_EMG_INTENSIFYING_COLD,
	JB_EMG_PERSISTENT_COLD, JB_EMG_DIMINISHING_COLD, JB_EMG_SPORADIC_COLD,
	JB_EMG_OSCILLATING_COLD, JB_EMG_HISTORICAL_COLD,
	JB_EMG_NCLASSES
};
extern const char *const jb_emerging_names[JB_EMG_NCLASSES]; /* "new hot spot" */

#define JB_EMG_TREND_ALPHA 0.05 /* Mann-Kendall p for a "significant trend" */

/* One unit's class from its per-step Gi* classes cls[0..T-1] (hot: > 0,
 * cold: < 0) and z-scores z[0..T-1] (Mann-Kendall on z gives the trend;
 * with T < 3 there is no trend). "90%" means 10 hot >= 9 T. Rules for a
 * unit hot in the final step, first match wins:
 *   hot in >= 90% of steps: significant rising trend -> intensifying,
 *     significant falling trend -> diminishing, else persistent;
 *   cold in some earlier step -> oscillating;
 *   hot only in the final step -> new;
 *   the hot steps are one unbroken run (>= 2) ending at the final step
 *     -> consecutive;
 *   else (on and off, never cold) -> sporadic.
 * Not hot in the final step: hot in >= 90% of the other steps -> historical.
 * Cold spots mirror these with hot and cold swapped and the trend reversed
 * (intensifying cold = significantly falling z). Everything else, and
 * T == 0, is JB_EMG_NONE. So a cold history always makes a final-step hot
 * spot oscillating rather than new or consecutive (as ESRI/sfdep do), and
 * persistent/intensifying/diminishing need the final step hot (otherwise
 * the unit is historical). */
enum jb_emerging jb_emerging_class(const signed char *cls, const double *z, size_t nsteps);

/* ---- kernel density ---- */

#define JB_KDE_HMIN 150.0
#define JB_KDE_HMAX 600.0

/* Bandwidth rule: per axis 0.9 min(sd, IQR / 1.34) n^-1/5 (sd with n - 1,
 * IQR from R's default type 7 quantiles), h_rule the mean of the x and y
 * values; returns h_rule clamped to [JB_KDE_HMIN, JB_KDE_HMAX] and stores
 * the unclamped value in *h_rule when not NULL. NAN when n < 2. */
double jb_kde_bandwidth(const double *xy, size_t n, double *h_rule);

/* Quartic (biweight) kernel density at each cell centre of grid:
 * sum_i 3 / (pi h^2) (1 - d_i^2 / h^2)^2 over points within h, in incidents
 * per km^2. Returns 0, or -1 (density NULL) when n < 2 or the bandwidth is
 * undefined (non-finite coordinates). Clipping to an area is the caller's. */
struct jb_kde {
	struct jb_grid grid;
	double h, h_rule;  /* bandwidth used (metres) and the rule's value */
	double *density;   /* [grid.nx * grid.ny], incidents per km^2 */
};
int jb_kde_quartic(const double *xy, size_t n, const struct jb_grid *grid, struct jb_kde *out);
void jb_kde_free(struct jb_kde *k);

#endif
