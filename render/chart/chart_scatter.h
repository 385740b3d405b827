/* render/chart/chart_scatter.h - more chart kinds, beside render/chart/chart.h: a
 * scatter with fitted curves, grouped columns, a two-series funnel and a
 * line chart of several series. As in chart.h, charts draw what they are
 * given (every value and label from the caller, which takes it from the
 * findings) and compute only positions: scales, ticks and layout. All
 * strings are UTF-8 and copied into the display list.
 */
#ifndef JB_CHART_SCATTER_H
#define JB_CHART_SCATTER_H

#include <stddef.h>

#include "chart.h"

/* ---- scatter with fitted curves ---- */

struct scatter_curve {
	size_t n;
	const double *x, *y;   /* [n], in data units, drawn as one line */
	struct dl_color color;
	double dash;           /* 0 = solid */
	const char *label;     /* legend entry */
};

struct scatter_chart {
	/* context points, drawn small and faint (NAN skipped) */
	size_t nbg;
	const double *bg_x, *bg_y;
	const char *bg_label;
	/* highlighted points, drawn over them in the accent colour */
	size_t nfg;
	const double *fg_x, *fg_y;
	const char *fg_label;
	const struct scatter_curve *curves;
	size_t ncurves;
	/* y axis cap: points above it are drawn as triangles on the top edge;
	 * NAN = the axis covers every point */
	double y_cap;
	const char *cap_label; /* legend entry for the triangles, or NULL */
	const char *x_title, *y_title;
};
/* Legend on top (what is drawn), the y title above the plot, y from 0 with
 * 1/2/5 x 10^k ticks, x ticks over the points' range, grid lines, the
 * context points as small light grey squares (one path for all of them),
 * the highlighted ones as CHART_ACCENT dots, the curves over them (cut at
 * the plot's top), the x title under the axis. */
void chart_scatter(struct dl_page *p, struct chart_box b, const struct scatter_chart *c);

/* ---- grouped columns ---- */

struct chart_series {
	const double *v;       /* [n]; NAN = not drawn */
	struct dl_color color;
	const char *label;     /* legend entry, or NULL for none */
	double width;          /* lines only: stroke width (0 = 1.5) */
	double dash;           /* lines only: 0 = solid */
	int markers;           /* lines only: dots at the points */
};

struct column_chart {
	size_t n;                       /* categories, left to right */
	const char *const *xlabels;     /* [n] */
	size_t nseries;                 /* columns per category (<= 4) */
	const struct chart_series *series;
	const char *const *value_text;  /* [nseries * n] above each column, or NULL */
	const char *y_title;
	const char *x_title;
	const char *y_suffix;           /* after each tick label, e.g. "%" */
};
/* Legend on top, y from 0 with ticks, each category's columns side by
 * side (series order), value text above them when it fits the column
 * width at 6.5 pt or more, category labels under the axis, the x title
 * under them. */
void chart_columns(struct dl_page *p, struct chart_box b, const struct column_chart *c);

/* ---- funnel ---- */

struct funnel_chart {
	size_t n;                       /* levels, top (widest) first */
	const char *const *labels;      /* [n] */
	size_t nseries;                 /* bars per level (<= 3) */
	const struct chart_series *series; /* values >= 0, e.g. % of the first level */
	const char *const *value_text;  /* [nseries * n] at each bar's right end, or NULL */
};
/* Legend on top; level labels right-aligned in a column on the left; per
 * level, the series' bars one under the other, each centred on the plot's
 * middle with a width proportional to its value (the largest value spans
 * the plot), so each series reads as a funnel. */
void chart_funnel(struct dl_page *p, struct chart_box b, const struct funnel_chart *c);

/* ---- several lines over the same months ---- */

struct lines_chart {
	size_t n;
	const char *const *xlabels;     /* [n]; thinned so none overlap */
	size_t nseries;
	const struct chart_series *series; /* drawn in order: put the highlight last */
	const char *y_title;
	const char *y_suffix;
};
/* Legend on top (series with a label), y from 0 with ticks, lines broken
 * at NAN, markers where asked, every k-th x label. */
void chart_lines(struct dl_page *p, struct chart_box b, const struct lines_chart *c);

#endif
