/* render/slides/slides_hotspots.c - see slides_hotspots.h. Every number and class
 * comes from the findings' hot spots (analysis/hotspots.h); this file only
 * picks colours, labels and places. */
#include "slides_hotspots.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analysis/hotspots.h"
#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "fill.h"
#include "palette.h"

#define TABLE_PT CHART_TEXT_PT
#define NOTE_PT CHART_TEXT_PT

static const char *lsoa_name(const struct jb_dataset *ds, int l)
{
	return ds->lsoa[l].name ? ds->lsoa[l].name : ds->lsoa[l].code;
}


/* The LSOA inputs: 1 when there is something to map; otherwise draws why
 * not and returns 0. */
static int lsoa_inputs(struct dl_page *p, struct chart_box b, const struct slide_ctx *c, int ok,
		       const char *why)
{
	const struct jb_findings *f = c->f;
	if (!f->has_lsoa) {
		slide_no_data(p, b, "MPS LSOA-level recorded crime");
		return 0;
	}
	if (!f->ds->has_lsoa_shapes) {
		slide_no_data(p, b, "LSOA boundaries");
		return 0;
	}
	if (!ok || !f->hot->area[c->area].nunits) {
		slide_message(p, b, ok ? "this borough has no LSOAs in the study region" : why);
		return 0;
	}
	return 1;
}

/* The borough's LSOAs in the study region: polygons and their units. */
static size_t borough_units(const struct slide_ctx *c, const struct jb_polygon **polys,
			    size_t *unit)
{
	const struct jb_hotspots *h = c->f->hot;
	const struct jb_dataset *ds = c->f->ds;
	size_t n = 0;
	for (size_t u = 0; u < h->nunits; u++) {
		int l = h->unit_lsoa[u];
		if (ds->lsoa[l].borough != c->area)
			continue;
		polys[n] = &ds->lsoa[l].draw;
		unit[n++] = u;
	}
	return n;
}

/* A paragraph under a table: the rest of the column. */
static void column_text(struct dl_page *p, double x, double y, double w, double bottom,
			const char *text)
{
	if (y + 12 < bottom)
		chart_text(p, (struct chart_box){x, y, w, bottom - y}, DL_REGULAR, NOTE_PT, COL_TEXT,
			   ALIGN_LEFT, text);
}

/* ---- what the slides cannot do without ---- */

const char *missing_hotspots(const struct jb_findings *f, int area)
{
	(void)area;
	if (!f->has_lsoa || !f->ds->has_lsoa_shapes)
		return "MPS LSOA-level recorded crime with LSOA boundaries";
	return *f->lsoa_cover.missing[JB_LONDON] ? f->lsoa_cover.missing[JB_LONDON] : NULL;
}

const char *missing_street_density(const struct jb_findings *f, int area)
{
	const struct jb_hotspots *h = f->hot;
	if (area < JB_NBOROUGHS && f->ds->has_street && h && h->has_street &&
	    h->area[area].street_n)
		return NULL;
	return "data.police.uk street-level records of these offences here";
}

/* ---- Gi* map ---- */

void layout_hotspot_map(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const struct jb_hotspots *h = f->hot;
	if (!lsoa_inputs(p, b, c, h->lsoa_ok, h->lsoa_why))
		return;
	const struct jb_dataset *ds = f->ds;
	const struct jb_hot_area *a = &h->area[c->area];

	const struct jb_polygon **polys = xcalloc(h->nunits, sizeof *polys);
	size_t *unit = xcalloc(h->nunits, sizeof *unit);
	size_t n = borough_units(c, polys, unit);
	int *cls = xcalloc(n ? n : 1, sizeof *cls);
	for (size_t i = 0; i < n; i++)
		cls[i] = 3 - h->gi.cls[unit[i]];
	struct dl_color colors[JB_HOT_NCLASSES];
	char *labels[JB_HOT_NCLASSES];
	for (int k = 0; k < JB_HOT_NCLASSES; k++) {
		char v[32];
		colors[k] = palette_gi[k];
		fmt_count((double)a->ncls[JB_HOT_NCLASSES - 1 - k], v, sizeof v);
		labels[k] = xasprintf("%s (%s)", palette_gi_label[k], v);
	}
	double label_xy[2 * SLIDE_MAP_LABELS];
	const char *label_text[SLIDE_MAP_LABELS];
	size_t nlabels = 0;
	for (size_t k = 0; k < SLIDE_MAP_LABELS && k < a->ntop_hot; k++)
		slide_lsoa_label(ds, a->top_hot[k], label_xy, label_text, &nlabels,
				 SLIDE_MAP_LABELS);
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = JB_HOT_NCLASSES,
		.colors = colors,
		.class_labels = (const char *const *)labels,
		.legend_title = "Gi* class, LSOAs (confidence after FDR)",
		.outline = ds->has_borough_shapes ? &ds->borough_draw[c->area] : NULL,
		.nlabels = nlabels,
		.label_xy = label_xy,
		.labels = label_text,
	};

	/* the hottest, by Gi* z */
	double tx = b.x + b.w - SLIDE_TABLE_W;
	enum { ROWS = 8 };
	const char *cells[4 * (ROWS + 1)] = {"Hottest neighbourhoods", "Offences", "Gi* z",
					      "Level"};
	char num[ROWS][3][32];
	size_t rows = 1;
	for (size_t k = 0; k < ROWS && k < a->ntop_hot; k++) {
		int l = a->top_hot[k];
		size_t u = (size_t)h->lsoa_unit[l];
		fmt_count(h->x[u], num[k][0], sizeof num[k][0]);
		fmt_dec(h->gi.z[u], 1, num[k][1], sizeof num[k][1]);
		snprintf(num[k][2], sizeof num[k][2], "%s",
			 h->gi.cls[u] == 3 ? "99%" : h->gi.cls[u] == 2 ? "95%" : "90%");
		cells[4 * rows] = lsoa_name(ds, l);
		cells[4 * rows + 1] = num[k][0];
		cells[4 * rows + 2] = num[k][1];
		cells[4 * rows + 3] = num[k][2];
		rows++;
	}
	static const double widths[] = {0.52, 0.17, 0.14, 0.17};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT};
	struct table tb = {rows, 4, cells, widths, align, -1, TABLE_PT};
	double y;
	size_t shown = slide_map_and_table(p, b, &ch, &tb, SLIDE_TABLE_W, 6, 0, &y);
	char *msg;
	if (!a->nhot)
		msg = xasprintf("No neighbourhood in %s is a hot spot at 90%% confidence or more "
				"after the false discovery rate correction.",
				f->area[c->area].name);
	else if (a->nhot > shown)
		msg = xasprintf("%zu more hot spot%s in hotspots-lsoa.csv (every LSOA in London with "
				"its count, z, p and class).",
				a->nhot - shown, a->nhot - shown == 1 ? "" : "s");
	else
		msg = xstrdup("Every LSOA in London with its count, z, p and class: hotspots-lsoa.csv.");
	column_text(p, tx, y, SLIDE_TABLE_W, b.y + b.h, msg);
	free(msg);
	for (int k = 0; k < JB_HOT_NCLASSES; k++)
		free(labels[k]);
	free(cls);
	free(unit);
	free(polys);
}

/* ---- emerging hot spots ---- */

/* "Persistent hot spots (3): A, B and C." with at most the named ones,
 * then "and N more". Caller frees. */
static char *named_list(const struct jb_dataset *ds, const char *what, const int *idx,
			size_t count)
{
	size_t named = count < JB_HOT_NAMED ? count : JB_HOT_NAMED;
	if (!count)
		return xasprintf("%s: none.", what);
	size_t cap = 256, len = 0;
	char *s = xmalloc(cap);
	len = (size_t)snprintf(s, cap, "%s (%zu): ", what, count);
	for (size_t k = 0; k < named; k++) {
		const char *name = lsoa_name(ds, idx[k]);
		const char *sep = k == 0 ? "" : (k + 1 == named && named == count) ? " and " : ", ";
		s = xgrow(s, &cap, len + strlen(sep) + strlen(name) + 64, 1);
		len += (size_t)snprintf(s + len, cap - len, "%s%s", sep, name);
	}
	if (named < count)
		snprintf(s + len, cap - len, " and %zu more.", count - named);
	else
		snprintf(s + len, cap - len, ".");
	return s;
}

void layout_hotspot_persistence(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const struct jb_hotspots *h = f->hot;
	if (!lsoa_inputs(p, b, c, h->emg_ok, h->emg_why))
		return;
	const struct jb_dataset *ds = f->ds;
	const struct jb_hot_area *a = &h->area[c->area];

	/* the classes this borough has, in legend order */
	int slot[JB_EMG_NCLASSES];
	struct dl_color colors[JB_EMG_NCLASSES];
	char *labels[JB_EMG_NCLASSES];
	const char *names[JB_EMG_NCLASSES];
	char *names_cap[JB_EMG_NCLASSES];
	char counts[JB_EMG_NCLASSES][32];
	size_t nc = 0;
	for (int k = 0; k < JB_EMG_NCLASSES; k++) {
		enum jb_emerging e = palette_emg[k].cls;
		slot[e] = -1;
		if (!a->nemg[e])
			continue;
		slot[e] = (int)nc;
		colors[nc] = palette_emg[k].color;
		fmt_count((double)a->nemg[e], counts[nc], sizeof counts[nc]);
		labels[nc] = xasprintf("%s (%s)", jb_emerging_names[e], counts[nc]);
		labels[nc][0] = (char)toupper((unsigned char)labels[nc][0]);
		names[nc] = names_cap[nc] = xstrdup(jb_emerging_names[e]);
		names_cap[nc][0] = (char)toupper((unsigned char)names_cap[nc][0]);
		nc++;
	}
	const struct jb_polygon **polys = xcalloc(h->nunits, sizeof *polys);
	size_t *unit = xcalloc(h->nunits, sizeof *unit);
	size_t n = borough_units(c, polys, unit);
	int *cls = xcalloc(n ? n : 1, sizeof *cls);
	for (size_t i = 0; i < n; i++)
		cls[i] = slot[h->emg[unit[i]]];

	/* labels: intensifying, then persistent hot spots */
	double label_xy[2 * SLIDE_MAP_LABELS];
	const char *label_text[SLIDE_MAP_LABELS];
	size_t nlabels = 0;
	for (size_t k = 0; k < a->nintensifying && k < JB_HOT_NAMED; k++)
		slide_lsoa_label(ds, a->intensifying[k], label_xy, label_text, &nlabels,
				 SLIDE_MAP_LABELS);
	for (size_t k = 0; k < a->npersistent && k < JB_HOT_NAMED; k++)
		slide_lsoa_label(ds, a->persistent[k], label_xy, label_text, &nlabels,
				 SLIDE_MAP_LABELS);
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = nc,
		.colors = colors,
		.class_labels = (const char *const *)labels,
		.legend_title = "Hot spot history, LSOAs",
		.outline = ds->has_borough_shapes ? &ds->borough_draw[c->area] : NULL,
		.nlabels = nlabels,
		.label_xy = label_xy,
		.labels = label_text,
	};

	/* units per class, then the places named */
	double tx = b.x + b.w - SLIDE_TABLE_W;
	const char **cells = xcalloc(2 * (nc + 1), sizeof *cells);
	cells[0] = "Pattern over the time steps";
	cells[1] = "Neighbourhoods";
	for (size_t k = 0; k < nc; k++) {
		cells[2 * (k + 1)] = names[k];
		cells[2 * (k + 1) + 1] = counts[k];
	}
	static const double widths[] = {0.7, 0.3};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT};
	struct table tb = {nc + 1, 2, cells, widths, align, -1, TABLE_PT};
	double y;
	slide_map_and_table(p, b, &ch, &tb, SLIDE_TABLE_W, 6, b.h * 0.5, &y);
	char *pl = named_list(ds, "Persistent hot spots", a->persistent, a->npersistent);
	char *il = named_list(ds, "Intensifying hot spots", a->intensifying, a->nintensifying);
	char *text = xasprintf("%s %s", pl, il);
	column_text(p, tx, y, SLIDE_TABLE_W, b.y + b.h, text);
	free(text);
	free(pl);
	free(il);
	free(cells);
	for (size_t k = 0; k < nc; k++) {
		free(labels[k]);
		free(names_cap[k]);
	}
	free(cls);
	free(unit);
	free(polys);
}

/* ---- street-level density ---- */

void layout_street_density(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const struct jb_hotspots *h = f->hot;
	const struct jb_dataset *ds = f->ds;
	const char *name = f->area[c->area].name;
	if (!ds->has_street) {
		slide_no_data(p, b, "data.police.uk street-level crime");
		return;
	}
	const struct jb_hot_area *a = &h->area[c->area];
	if (!h->has_street || !a->street_n) {
		char span[80];
		fmt_month_span(ds->street.first_month, ds->street.first_month + ds->street.nmonths - 1,
			       span, sizeof span);
		char *what = xasprintf("data.police.uk street-level records of these offences in %s "
				       "(the street-level files read, %s, place none here)",
				       name, span);
		slide_no_data(p, b, what);
		free(what);
		return;
	}
	if (!a->kde_ok) {
		slide_message(p, b, a->kde_why);
		return;
	}

	/* the density classes, drawn lowest first (each region holds the
	 * classes above it) */
	const struct jb_polygon *polys[JB_KDE_CLASSES];
	int cls[JB_KDE_CLASSES];
	size_t n = 0;
	for (int k = 0; k < JB_KDE_CLASSES; k++)
		if (a->kde_region[k].nrings) {
			polys[n] = &a->kde_region[k];
			cls[n++] = k;
		}
	struct dl_color colors[JB_KDE_CLASSES];
	chart_blue_ramp(JB_KDE_CLASSES, colors);
	char *labels[JB_KDE_CLASSES];
	int places = a->kde_max >= 50 ? 0 : 1;
	for (int k = 0; k < JB_KDE_CLASSES; k++) {
		char lo[32], hi[32];
		fmt_dec(a->kde_breaks[k], places, lo, sizeof lo);
		fmt_dec(a->kde_breaks[k + 1], places, hi, sizeof hi);
		labels[k] = k == 0 ? xasprintf("above 0 – %s", hi) : xasprintf("%s – %s", lo, hi);
	}
	/* the borough's LSOAs, faint, for orientation */
	const struct jb_polygon **context = xcalloc(ds->nlsoa ? ds->nlsoa : 1, sizeof *context);
	size_t ncontext = slide_borough_lsoas(c, context, NULL);
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = JB_KDE_CLASSES,
		.colors = colors,
		.class_labels = (const char *const *)labels,
		.legend_title = "Offences per km² (kernel density)",
		.outline = ds->has_borough_shapes ? &ds->borough_draw[c->area] : NULL,
		.context = context,
		.ncontext = ncontext,
	};

	/* the top locations inside hot cells */
	double tx = b.x + b.w - SLIDE_TABLE_W;
	const char *cells[2 * (JB_TOP_LOCATIONS + 1)] = {"Location, in hot cells", "Offences"};
	char num[JB_TOP_LOCATIONS][32];
	size_t rows = 1;
	for (size_t k = 0; k < a->ntop_loc; k++) {
		fmt_count(a->top_loc_n[k], num[k], sizeof num[k]);
		cells[2 * rows] = ds->street.locations[a->top_loc[k]];
		cells[2 * rows + 1] = num[k];
		rows++;
	}
	static const double widths[] = {0.78, 0.22};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT};
	struct table tb = {rows, 2, cells, widths, align, -1, TABLE_PT};
	double y;
	slide_map_and_table(p, b, &ch, &tb, SLIDE_TABLE_W, 6, 0, &y);
	char *msg = NULL;
	if (!h->grid_ok)
		msg = slide_sentence(h->grid_why);
	else if (!a->ntop_loc)
		msg = xasprintf("None of the %zu offence%s in %s lies in a hot cell.", a->street_n,
				a->street_n == 1 ? "" : "s", name);
	if (msg)
		column_text(p, tx, y, SLIDE_TABLE_W, b.y + b.h, msg);
	free(msg);
	free(context);
	for (int k = 0; k < JB_KDE_CLASSES; k++)
		free(labels[k]);
}
