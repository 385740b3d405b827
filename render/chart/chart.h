/* render/chart/chart.h - charts, maps, tiles and tables drawn into a box of a
 * display-list page. Charts draw what they are given: every value, label
 * and class comes from the caller (which takes it from the findings); a
 * chart computes only positions (scales, ticks, layout), never a statistic.
 *
 * All strings are UTF-8 and copied into the display list. Each chart and
 * map (not tiles or tables) is one figure span of its page (display.h),
 * its box the one it was given.
 */
#ifndef JB_CHART_H
#define JB_CHART_H

#include <stddef.h>

#include "../../util/polygon.h"
#include "../display/display.h"

/* The UK Government Analysis Function palette and the deck's neutrals. */
#define COL_DARK_BLUE DL_RGB(0x12436D)
#define COL_TURQUOISE DL_RGB(0x28A197)
#define COL_PLUM DL_RGB(0x801650)
#define COL_ORANGE DL_RGB(0xF46A25)
#define COL_GREY DL_RGB(0x3D3D3D)
#define COL_LILAC DL_RGB(0xA285D1)
#define COL_TEXT DL_RGB(0x222222)
#define COL_MUTED DL_RGB(0x5F5F5F) /* 4.9:1 or more on every tint here */
#define COL_RULE DL_RGB(0xD0D0D0)
#define COL_PANEL DL_RGB(0xF3F5F8)
#define COL_WHITE DL_RGB(0xFFFFFF)

/* Text sizes (issue 13): body, table and label text is CHART_TEXT_PT or
 * more, tick labels, legends and axis titles CHART_AXIS_PT; only the dense
 * slides (every borough, every file or eight panels at once: comparison,
 * borough table and context, confidence, sources) and the page furniture
 * go down to CHART_MIN_PT, and no text on a slide is smaller. */
#define CHART_MIN_PT 9.0
#define CHART_TEXT_PT 10.0
#define CHART_AXIS_PT 10.0
/* chart_hbar's row height for each point of its labels' size: rows of
 * CHART_TEXT_PT * CHART_BAR_ROW_PER_PT keep labels at CHART_TEXT_PT. */
#define CHART_BAR_ROW_PER_PT 1.25

/* Roles in comparisons: the borough, its similar boroughs, the rest. */
#define CHART_ACCENT COL_DARK_BLUE
#define CHART_SECOND COL_TURQUOISE
#define CHART_BASE DL_RGB(0xBAC4CF)

struct chart_box {
	double x, y, w, h; /* points, top-left origin */
};

/* ---- axes ---- */

/* Ticks of step 1, 2 or 5 x 10^k covering [lo, hi] in about `want` steps. */
struct chart_ticks {
	double lo, hi, step;
	int n;        /* number of ticks, lo and hi included */
	int decimals; /* for the labels */
};
struct chart_ticks chart_nice_ticks(double lo, double hi, int want);

/* ---- text ---- */

/* Numbers are written with util/numfmt.h's fmt_dec, as on the slides. */

enum chart_align { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT };

/* Wrapped paragraph in the box starting at its top; returns the height
 * used. Lines that do not fit the box height are not drawn and the last
 * drawn line ends in an ellipsis. */
double chart_text(struct dl_page *p, struct chart_box b, enum dl_font f, double size,
		  struct dl_color c, enum chart_align align, const char *utf8);
/* Bulleted list, one wrapped item per string; returns the height used. */
double chart_bullets(struct dl_page *p, struct chart_box b, double size,
		     const char *const *items, size_t n);
/* The height chart_bullets gives the n items across a width w, when the
 * box is tall enough for them all. */
double chart_bullets_height(double w, double size, const char *const *items, size_t n);
/* The height of a list of bullets that is used high with item added at
 * its end: chart_bullets_height of n + 1 items from that of n. */
double chart_bullets_extend(double used, double w, double size, const char *item);

/* ---- line chart of a monthly series ---- */

struct line_chart {
	size_t n;
	const char *const *xlabels; /* [n] e.g. "Mar 2024"; thinned so none overlap */
	const double *y;            /* [n] observed (NAN = gap), drawn as points+line */
	const char *y_label;        /* legend entry for y */
	const double *fit;          /* [n] or NULL: fitted trend line */
	const char *fit_label;
	const double *lo, *hi;      /* [n] or NULL: confidence band around fit */
	const char *band_label;
	const double *rolling;      /* [n] or NULL: 12-month rolling mean */
	const char *rolling_label;
	const unsigned char *mark;  /* [n] or NULL: exception months, ringed */
	const char *mark_label;
	const char *y_title;        /* axis title, e.g. "Offences per month" */
	const double *compare;      /* [n] or NULL: a further comparison series,
				     * e.g. the similar boroughs' mean */
	const char *compare_label;
};
/* Legend on top (only what is drawn), y axis from 0 (lower only if a value
 * is negative) with 1/2/5 x 10^k ticks, every k-th x label so they keep
 * 8 pt apart; observed in dark blue with markers, fit dashed orange over
 * its band, rolling mean turquoise, the comparison dotted plum, exceptions
 * ringed in plum. */
void chart_line(struct dl_page *p, struct chart_box b, const struct line_chart *c);

/* ---- ranked horizontal bars ---- */

struct bar_chart {
	size_t n;
	const char *const *labels;  /* [n], drawn in the given order, top first */
	const double *values;       /* [n] */
	const char *const *value_text; /* [n] text printed at the bar end */
	int highlight;              /* index drawn in the accent colour, -1 none */
	const int *similar;         /* [n] or NULL: 1 = drawn in the second colour */
	double ref;                 /* reference line (London), NAN = none */
	const char *ref_label;
	const char *x_title;
};
/* Labels right-aligned left of the bars (the highlighted one bold), bars
 * CHART_ACCENT / CHART_SECOND / CHART_BASE with a legend for the first two,
 * value text at the bar ends, the reference line dashed with its label on
 * top (broken where it would cross a value). Rows share the height up to
 * 20 pt each; text is 8 pt, smaller only when rows are under 10 pt. */
void chart_hbar(struct dl_page *p, struct chart_box b, const struct bar_chart *c);

/* ---- choropleth map over polygons ---- */

struct choropleth {
	size_t n;
	const struct jb_polygon *const *polys; /* [n] */
	const int *cls;                        /* [n] class 0..nclasses-1, -1 = no data */
	size_t nclasses;
	const struct dl_color *colors;         /* [nclasses] */
	const char *const *class_labels;       /* [nclasses] legend text */
	const char *legend_title;
	const struct jb_polygon *outline;      /* boundary drawn on top (bold), or NULL */
	const struct jb_polygon *const *context; /* [ncontext] faint neighbours, or NULL */
	size_t ncontext;
	/* Labels placed at points (BNG), e.g. the top areas; may be 0. */
	size_t nlabels;
	const double *label_xy;                /* [2 * nlabels] */
	const char *const *labels;
};
/* Fits the outline's (or the polygons') extent into the box beside a
 * legend column, keeping the aspect ratio (north up; the pair centred),
 * clips everything to the map, draws
 * the classes (class -1: "No data"), the outline, the point labels (on
 * white plates; one that would overlap another label, a point or the map's
 * edge is dropped), and in a column on the right the legend, a north arrow
 * and a scale bar of 1, 2 or 5 x 10^k metres: one path item directly
 * followed by its label ("2 km", "500 m"). A box under 160 x 100 pt is
 * left empty. */
void chart_choropleth(struct dl_page *p, struct chart_box b, const struct choropleth *c);

/* A sequential blue ramp of n colours (n <= 7), light to dark. */
void chart_blue_ramp(size_t n, struct dl_color *out);

/* ---- KPI tiles ---- */

struct tile {
	const char *label;   /* "Offences, last 12 months" */
	const char *value;   /* "2,345" */
	const char *detail;  /* "down 12% on the previous 12 months (p < 0.001)" */
	struct dl_color accent;
};
/* Tiles in a grid of cols columns filling the box. */
void chart_tiles(struct dl_page *p, struct chart_box b, const struct tile *t, size_t n,
		 size_t cols);

/* ---- tables ---- */

struct table {
	size_t nrows, ncols;           /* nrows includes the header row */
	const char *const *cells;      /* [nrows * ncols], row-major */
	const double *widths;          /* [ncols] fractions of the box width, or NULL = equal */
	const enum chart_align *align; /* [ncols] or NULL = left */
	int highlight_row;             /* data row drawn highlighted, -1 none */
	double size;                   /* font size, 0 = CHART_TEXT_PT */
};
/* Rows are 1.9 x size tall, a line taller for each further line of their
 * tallest cell: a cell too wide for its column wraps onto up to three
 * lines (at spaces, or in a file path after a '/'), and only what needs
 * more ends in an ellipsis. The header is drawn bold over a rule, data rows are
 * zebra-striped and the highlighted one bold on a tint. Draws as many rows
 * as fit below the header; returns the number of data rows drawn. */
size_t chart_table(struct dl_page *p, struct chart_box b, const struct table *t);
/* The height chart_table gives the header and the first rows data rows
 * across a width w (the sizing of a box for it). */
double chart_table_height(const struct table *t, double w, size_t rows);

#endif
