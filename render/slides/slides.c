/* render/slides/slides.c - the helpers every slide layout shares (deck.h), and
 * the core slides (slides_core.h), laid out from the findings with the
 * charts of render/chart/chart.c. Words come from the template; numbers
 * from the findings, formatted by render/slides/fill.c. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "../chart/chart.h"
#include "../deck.h"
#include "fill.h"
#include "../display/font.h"
#include "kinds.h"
#include "slides_core.h"

#define NOTE_SIZE CHART_TEXT_PT
#define NOTE_H 36.0

char *slide_fill(const struct slide_ctx *c, const struct jb_text *t)
{
	struct fill_ctx fc = {c->f, c->area, c->t->marking, &c->t->labels};
	return fill_text(t, &fc);
}

struct chart_box slide_body_with_note(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = c->body;
	char *note = slide_fill(c, c->spec->note);
	if (!note)
		return b;
	struct chart_box nb = {b.x, b.y + b.h - NOTE_H, b.w, NOTE_H};
	dl_tag_begin(p, DL_ROLE_NOTE); /* read after the chart, drawn first */
	chart_text(p, nb, DL_REGULAR, NOTE_SIZE, COL_MUTED, ALIGN_LEFT, note);
	dl_tag_end(p);
	free(note);
	b.h -= NOTE_H + 8;
	return b;
}

void slide_bullets(struct dl_page *p, const struct slide_ctx *c, struct chart_box b, double size)
{
	char **bul = xcalloc(c->spec->nbullets + 1, sizeof *bul);
	size_t nbul = 0;
	for (size_t i = 0; i < c->spec->nbullets; i++)
		if ((bul[nbul] = slide_fill(c, c->spec->bullets[i])))
			nbul++; /* a bullet none of whose wordings has its figures is left out */
	chart_bullets(p, b, size, (const char *const *)bul, nbul);
	for (size_t i = 0; i < nbul; i++)
		free(bul[i]);
	free(bul);
}

char *slide_title(const struct slide_ctx *c, const struct jb_slide_spec *s)
{
	char *title = slide_fill(c, s->title);
	return title ? title
		     : fill(s->outline, &(struct fill_ctx){c->f, c->area, c->t->marking, &c->t->labels});
}

struct tile *slide_tiles(const struct slide_ctx *c, const struct dl_color *accents,
			 size_t naccents, size_t *n)
{
	struct tile *t = xcalloc(c->spec->ntiles + 1, sizeof *t);
	*n = 0;
	for (size_t k = 0; k < c->spec->ntiles; k++) {
		const struct jb_tile_spec *ts = &c->spec->tiles[k];
		char *label = slide_fill(c, ts->label), *value = slide_fill(c, ts->value);
		if (!label || !value) { /* a tile without its figure is left out */
			free(label);
			free(value);
			continue;
		}
		t[*n].label = label;
		t[*n].value = value;
		t[*n].detail = slide_fill(c, ts->detail);
		t[*n].accent = accents[*n % naccents];
		(*n)++;
	}
	return t;
}

void slide_tiles_free(struct tile *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)t[i].label);
		free((char *)t[i].value);
		free((char *)t[i].detail);
	}
	free(t);
}

void slide_lsoa_label(const struct jb_dataset *ds, int l, double *xy, const char **text,
		      size_t *n, size_t max)
{
	if (l < 0 || *n >= max)
		return;
	xy[2 * *n] = ds->lsoa[l].cx;
	xy[2 * *n + 1] = ds->lsoa[l].cy;
	text[(*n)++] = ds->lsoa[l].name ? ds->lsoa[l].name : ds->lsoa[l].code;
}

int slide_for_theme(const struct jb_slide_spec *spec, const struct jb_theme *theme, int area)
{
	if (spec->only_boroughs && (area < 0 || area >= JB_NBOROUGHS ||
				    !(spec->only_boroughs >> area & 1)))
		return 0;
	if ((spec->kind->flags & KIND_GROUP_ONLY) && area != JB_GROUP)
		return 0;
	return !(spec->kind->flags & KIND_HOMICIDE) || theme->homicide;
}

int slide_for_group(const struct jb_slide_spec *spec, int area)
{
	return area != JB_GROUP || (spec->kind->flags & KIND_GROUP);
}

const char *slide_missing(const struct jb_findings *f, const struct jb_slide_spec *spec, int area)
{
	if (spec->image_problem) /* the analyst's picture, not the data */
		return spec->image_problem;
	return spec->kind->missing ? spec->kind->missing(f, area) : NULL;
}

void slide_no_data(struct dl_page *p, struct chart_box b, const char *what)
{
	dl_rect(p, b.x, b.y, b.w, b.h, (struct dl_style){.fill = COL_PANEL});
	struct chart_box t = {b.x + 40, b.y + b.h / 2 - 20, b.w - 80, 60};
	char *msg = xasprintf("No data supplied: %s. See the sources slide for what was read.", what);
	chart_text(p, t, DL_BOLD, 14, COL_MUTED, ALIGN_CENTRE, msg);
	free(msg);
}

/* "Text with a capital." - a copy of s with its first letter capitalised
 * and a full stop added when it has none. Caller frees. */
char *slide_sentence(const char *s)
{
	size_t n = strlen(s);
	char *t = xasprintf("%s%s", s, n && s[n - 1] != '.' ? "." : "");
	t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

/* A grey panel with a message, where the map would be. */
void slide_message(struct dl_page *p, struct chart_box b, const char *msg)
{
	dl_rect(p, b.x, b.y, b.w, b.h, (struct dl_style){.fill = COL_PANEL});
	char *t = slide_sentence(msg);
	chart_text(p, (struct chart_box){b.x + 40, b.y + b.h / 2 - 30, b.w - 80, 80}, DL_BOLD, 14,
		   COL_MUTED, ALIGN_CENTRE, t);
	free(t);
}

char *slide_london_rate_label(const struct jb_findings *f)
{
	char lr[32];
	fmt_dec(f->area[JB_LONDON].rate, 1, lr, sizeof lr);
	return xasprintf("London %s", lr);
}

void slide_picture(struct dl_page *p, struct chart_box b, const struct jb_image *img, int centre)
{
	if (!img->rgb || b.w <= 0 || b.h <= 0)
		return;
	double sx = b.w / img->w, sy = b.h / img->h, s = sx < sy ? sx : sy;
	double w = img->w * s, h = img->h * s;
	double x = centre ? b.x + (b.w - w) / 2 : b.x, y = centre ? b.y + (b.h - h) / 2 : b.y;
	dl_image(p, x, y, w, h, img->w, img->h, img->rgb);
}

size_t slide_borough_lsoas(const struct slide_ctx *c, const struct jb_polygon **polys,
			   size_t *lsoa)
{
	const struct jb_dataset *ds = c->f->ds;
	size_t n = 0;
	for (size_t l = 0; l < ds->nlsoa; l++) {
		if (ds->lsoa[l].borough != c->area || !ds->lsoa[l].poly.nrings)
			continue;
		if (lsoa)
			lsoa[n] = l;
		polys[n++] = &ds->lsoa[l].draw;
	}
	return n;
}

size_t slide_map_and_table(struct dl_page *p, struct chart_box b, const struct choropleth *map,
			   const struct table *tb, double table_w, double inset, double table_h,
			   double *below)
{
	chart_choropleth(p, (struct chart_box){b.x, b.y, b.w - table_w - SLIDE_TABLE_GAP, b.h}, map);
	double tx = b.x + b.w - table_w;
	size_t shown = chart_table(
		p, (struct chart_box){tx, b.y + inset, table_w, table_h > 0 ? table_h : b.h - inset},
		tb);
	if (below)
		*below = b.y + inset + chart_table_height(tb, table_w, shown) + 10;
	return shown;
}

/* ---- what the core slides cannot do without ---- */

#define BOROUGH_SERIES "MPS borough-level recorded crime for this theme"

const char *missing_key_figures(const struct jb_findings *f, int area)
{
	return f->has_series && f->area[area].change.ok ? NULL : BOROUGH_SERIES;
}

const char *missing_trend(const struct jb_findings *f, int area)
{
	return f->has_series && f->area[area].monthly.n ? NULL : BOROUGH_SERIES;
}

const char *missing_comparison(const struct jb_findings *f, int area)
{
	(void)area;
	if (f->nrate_ranked)
		return NULL;
	return *f->ranks_missing ? f->ranks_missing
				 : "recorded crime by borough and population estimates";
}

const char *missing_lsoa_map(const struct jb_findings *f, int area)
{
	if (f->has_lsoa && *f->lsoa_cover.missing[area])
		return f->lsoa_cover.missing[area];
	return f->has_lsoa && f->ds->has_lsoa_shapes && f->area[area].nlsoa
		       ? NULL
		       : "MPS LSOA-level recorded crime with LSOA boundaries";
}

/* ---- title ---- */

#define LOGO_W 180.0 /* the title slide's logo, at most */
#define LOGO_H 72.0

void slide_cover(struct dl_page *p, const struct slide_ctx *c, struct dl_color page,
		 struct dl_color rule, double y)
{
	dl_rect(p, 0, 0, DL_PAGE_W, DL_PAGE_H, (struct dl_style){.fill = page});
	char *title = slide_title(c, c->spec);
	char *sub = slide_fill(c, c->spec->subtitle);
	size_t span = dl_span_begin(p, DL_SPAN_TITLE, 60, y, 840, 140);
	y += chart_text(p, (struct chart_box){60, y, 840, 140}, DL_BOLD, 36, COL_WHITE, ALIGN_LEFT,
			title);
	dl_span_end(p, span);
	dl_rect(p, 60, y + 14, 120, 6, (struct dl_style){.fill = rule});
	if (sub)
		chart_text(p, (struct chart_box){60, y + 38, 840, 50}, DL_REGULAR, 16, COL_WHITE,
			   ALIGN_LEFT, sub);
	free(title);
	free(sub);
}

void layout_title(struct dl_page *p, const struct slide_ctx *c)
{
	slide_cover(p, c, COL_DARK_BLUE, COL_TURQUOISE, 170);
	char *note = slide_fill(c, c->spec->note);
	if (note)
		chart_text(p, (struct chart_box){60, 400, 760, 70}, DL_REGULAR, 10.5,
			   DL_RGB(0xC9D6E3), ALIGN_LEFT, note);
	/* the logo at the top left, above the title, on a white card so any
	 * logo reads against the dark page */
	if (c->t->logo_pixels.rgb) {
		dl_rect(p, 60, 50, LOGO_W + 16, LOGO_H + 16, (struct dl_style){.fill = COL_WHITE});
		slide_picture(p, (struct chart_box){68, 58, LOGO_W, LOGO_H}, &c->t->logo_pixels, 1);
	}
	free(note);
}

/* ---- contents ---- */

/* The slides left out of this deck for want of data, under the contents
 * (up to four lines; the sources slide lists each of them too). */
#define OMITTED_H 34.0
static void omitted_line(struct dl_page *p, const struct slide_ctx *c)
{
	size_t len = 128;
	for (size_t i = 0; i < c->nomitted; i++)
		len += strlen(c->omitted_names[i]) + 2;
	char *s = xmalloc(len);
	snprintf(s, len, "Left out of this deck, their data not supplied or not whole (the sources "
		 "slide says which): ");
	for (size_t i = 0; i < c->nomitted; i++) {
		strcat(s, c->omitted_names[i]);
		strcat(s, i + 1 < c->nomitted ? ", " : ".");
	}
	chart_text(p, (struct chart_box){c->body.x + 20, c->body.y + c->body.h - OMITTED_H,
					 c->body.w - 40, OMITTED_H},
		   DL_REGULAR, CHART_TEXT_PT, COL_MUTED, ALIGN_LEFT, s);
	free(s);
}

/* A contents entry: the slide's outline name (12 pt bold) and, when it
 * says more than the name, the slide's title under it (CHART_TEXT_PT,
 * wrapped to the column). */
#define ENTRY_ROW 38.0     /* one column: every entry this tall at least */
#define ENTRY_TOP 10.5     /* from the entry's top to its title's box */
#define ENTRY_LINE 12.0    /* a 10 pt line */
#define ENTRY_NAME 22.0    /* an entry without its title */
#define ENTRY_GAP 3.0

/* The title shown under entry i's name, or NULL when it is the name
 * again or details are off (caller frees). */
static char *entry_detail(const struct slide_ctx *c, size_t i, int details)
{
	char *title = details ? slide_title(c, &c->specs[i]) : NULL;
	if (title && strcmp(title, c->specs[i].outline) == 0) {
		free(title);
		title = NULL;
	}
	return title;
}

static void contents_entry(struct dl_page *p, const struct slide_ctx *c, size_t i, double x,
			   double y, double colw, double h, int details)
{
	const struct jb_slide_spec *s = &c->specs[i];
	int page = c->page_of_slide[i];
	char num[16];
	snprintf(num, sizeof num, "%d", page + 1);
	dl_circle(p, x + 9, y + 9, 11, (struct dl_style){.fill = COL_DARK_BLUE});
	double nw = font_width(DL_BOLD, 10, num);
	dl_text(p, x + 9 - nw / 2, y + 12.5, DL_BOLD, 10, COL_WHITE, num);
	dl_text(p, x + 32, y + 8, DL_BOLD, 12, COL_TEXT, s->outline);
	char *title = entry_detail(c, i, details);
	if (title)
		chart_text(p, (struct chart_box){x + 32, y + ENTRY_TOP, colw - 44, h - ENTRY_TOP},
			   DL_REGULAR, CHART_TEXT_PT, COL_MUTED, ALIGN_LEFT, title);
	dl_link(p, x - 4, y - 4, colw - 24, h - 2, page);
	free(title);
}

/* How tall entry i is in a column colw wide: its title's lines measured,
 * so that no entry runs into the next. */
static double entry_height(const struct slide_ctx *c, size_t i, double colw, int details)
{
	char *title = entry_detail(c, i, details);
	if (!title)
		return ENTRY_NAME + ENTRY_GAP;
	char **lines;
	size_t n = font_wrap(DL_REGULAR, CHART_TEXT_PT, title, colw - 44, &lines);
	font_lines_free(lines, n);
	free(title);
	return ENTRY_TOP + (double)(n ? n : 1) * ENTRY_LINE + ENTRY_GAP;
}

/* Lays the entries list[0..n) out in cols columns of height h (draws
 * when p is not NULL); 1 when all fit. */
static int contents_columns(struct dl_page *p, const struct slide_ctx *c, const size_t *list,
			    size_t n, int cols, double h, int details)
{
	double colw = (c->body.w - 20) / cols, y = 0;
	int col = 0;
	for (size_t k = 0; k < n; k++) {
		double eh = entry_height(c, list[k], colw, details);
		if (cols == 1)
			eh = fmax(eh, ENTRY_ROW);
		if (y + eh > h) { /* the next column */
			if (++col == cols)
				return 0; /* the outline still lists every slide */
			y = 0;
		}
		if (p)
			contents_entry(p, c, list[k], c->body.x + 20 + col * colw, c->body.y + 6 + y,
				       colw, eh, details);
		y += eh;
	}
	return 1;
}

void layout_contents(struct dl_page *p, const struct slide_ctx *c)
{
	/* The entries in one column, or two when they need it, each as tall
	 * as its title's lines; when two columns cannot hold them with their
	 * titles, their names alone. */
	size_t *list = xcalloc(c->nspecs + 1, sizeof *list), n = 0;
	for (size_t i = 0; i < c->nspecs; i++)
		if (!(c->specs[i].kind->flags & KIND_NOT_LISTED))
			list[n++] = i;
	/* room under the entries for the slides left out */
	double h = c->body.h - 6 - (c->nomitted ? OMITTED_H + 6 : 0);
	static const struct { int cols, details; } plan[] = {{1, 1}, {2, 1}, {2, 0}};
	size_t k = 0;
	while (k + 1 < sizeof plan / sizeof plan[0] &&
	       !contents_columns(NULL, c, list, n, plan[k].cols, h, plan[k].details))
		k++;
	contents_columns(p, c, list, n, plan[k].cols, h, plan[k].details);
	free(list);
	if (c->nomitted)
		omitted_line(p, c);
}

/* ---- key figures ---- */

void layout_key_figures(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const char *what = missing_key_figures(c->f, c->area);
	if (what) {
		slide_no_data(p, b, what);
		return;
	}
	static const struct dl_color accents[] = {
		COL_DARK_BLUE, COL_TURQUOISE, COL_PLUM, COL_ORANGE, COL_LILAC, COL_GREY,
	};
	size_t n;
	struct tile *tiles = slide_tiles(c, accents, sizeof accents / sizeof accents[0], &n);
	if (n) {
		/* Tiles of a readable height, not stretched over the whole body. */
		size_t cols = n > 4 ? 3 : 2, rows = (n + cols - 1) / cols;
		double h = (double)rows * 130 + (double)(rows - 1) * 12;
		if (h < b.h)
			b.h = h;
		chart_tiles(p, b, tiles, n, cols);
	}
	slide_tiles_free(tiles, n);
}

/* ---- trend ---- */

void layout_trend(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_area_findings *a = &c->f->area[c->area];
	const char *what = missing_trend(c->f, c->area);
	if (what) {
		slide_no_data(p, b, what);
		return;
	}
	size_t n = a->monthly.n;
	char **labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++) {
		char m[32];
		fmt_month(a->monthly.first_month + (int)i, 0, m, sizeof m);
		labels[i] = xstrdup(m);
	}
	const struct jb_trend *t = &a->trend;
	struct line_chart lc = {
		.n = n,
		.xlabels = (const char *const *)labels,
		.y = a->monthly.v,
		.y_label = "Offences per month",
		.rolling = a->rolling.v,
		.rolling_label = "12-month average",
		.y_title = "Offences per month",
	};
	if (t->ok) {
		lc.fit = t->fitted;
		lc.fit_label = "Fitted trend (Poisson, seasonal)";
		lc.lo = t->lower;
		lc.hi = t->upper;
		lc.band_label = "95% confidence band";
		if (t->nexceptions) {
			lc.mark = t->exception;
			lc.mark_label = "Exceptional month";
		}
	}
	chart_line(p, b, &lc);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
}

/* ---- comparison ---- */

void layout_comparison(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const int *order = f->rate_order; /* highest rate first */
	int n = f->nrate_ranked;
	const char *what = missing_comparison(c->f, c->area);
	if (what) {
		slide_no_data(p, b, what);
		return;
	}
	const char *labels[JB_NBOROUGHS];
	char *texts[JB_NBOROUGHS];
	double values[JB_NBOROUGHS];
	int similar[JB_NBOROUGHS] = {0};
	int hl = -1;
	const struct jb_area_findings *me = &f->area[c->area];
	for (int k = 0; k < n; k++) {
		const struct jb_area_findings *a = &f->area[order[k]];
		labels[k] = a->name;
		values[k] = a->rate;
		char v[32];
		fmt_dec(a->rate, 1, v, sizeof v);
		texts[k] = xstrdup(v);
		if (order[k] == c->area)
			hl = k;
		for (int s = 0; s < me->ncomparators; s++)
			similar[k] |= me->comparators[s] == order[k];
	}
	char *ref_label = slide_london_rate_label(f);
	struct bar_chart bc = {
		.n = (size_t)n,
		.labels = labels,
		.values = values,
		.value_text = (const char *const *)texts,
		.highlight = hl,
		.similar = me->ncomparators ? similar : NULL,
		.ref = f->area[JB_LONDON].rate,
		.ref_label = ref_label,
		.x_title = "Offences per 1,000 residents, last 12 months",
	};
	chart_hbar(p, b, &bc);
	free(ref_label);
	for (int k = 0; k < n; k++)
		free(texts[k]);
}

/* ---- LSOA map ---- */

void layout_lsoa_map(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_findings *f = c->f;
	const struct jb_dataset *ds = f->ds;
	const struct jb_area_findings *a = &f->area[c->area];
	if (!f->has_lsoa || !ds->has_lsoa_shapes || !a->nlsoa) {
		slide_no_data(p, b, !f->has_lsoa ? "MPS LSOA-level recorded crime" : "LSOA boundaries");
		return;
	}
	const struct jb_polygon **polys = xcalloc(ds->nlsoa, sizeof *polys);
	size_t *lsoa = xcalloc(ds->nlsoa, sizeof *lsoa);
	size_t n = slide_borough_lsoas(c, polys, lsoa);
	int *cls = xcalloc(n ? n : 1, sizeof *cls);
	for (size_t i = 0; i < n; i++)
		cls[i] = isnan(f->lsoa[lsoa[i]].count12) ? -1 : f->lsoa[lsoa[i]].map_class;
	size_t nc = (size_t)a->map_nclasses;
	struct dl_color colors[JB_MAP_CLASSES];
	chart_blue_ramp(nc, colors);
	char *class_labels[JB_MAP_CLASSES];
	for (size_t k = 0; k < nc; k++) {
		char lo[32], hi[32];
		fmt_count(a->map_breaks[k], lo, sizeof lo);
		fmt_count(a->map_breaks[k + 1] - 1, hi, sizeof hi);
		class_labels[k] = a->map_breaks[k + 1] - 1 > a->map_breaks[k]
					  ? xasprintf("%s – %s", lo, hi)
					  : xstrdup(lo);
	}
	/* Labels: the top LSOAs by name. */
	double label_xy[2 * SLIDE_MAP_LABELS];
	const char *label_text[SLIDE_MAP_LABELS];
	size_t nlabels = 0;
	for (int k = 0; k < SLIDE_MAP_LABELS; k++)
		slide_lsoa_label(ds, a->top_lsoa[k], label_xy, label_text, &nlabels,
				 SLIDE_MAP_LABELS);
	struct choropleth ch = {
		.n = n,
		.polys = polys,
		.cls = cls,
		.nclasses = nc,
		.colors = colors,
		.class_labels = (const char *const *)class_labels,
		.legend_title = "Offences, 12 months",
		.outline = ds->has_borough_shapes ? &ds->borough_draw[c->area] : NULL,
		.nlabels = nlabels,
		.label_xy = label_xy,
		.labels = label_text,
	};

	/* The top LSOAs (the findings keep TOP of them) as a table beside the map. */
	enum { TOP = sizeof a->top_lsoa / sizeof a->top_lsoa[0] };
	const char *cells[2 * (TOP + 1)];
	char counts[TOP][32];
	size_t rows = 1;
	cells[0] = "Neighbourhood (LSOA)";
	cells[1] = "Offences";
	for (int k = 0; k < TOP; k++) {
		int l = a->top_lsoa[k];
		if (l < 0)
			continue;
		fmt_count(f->lsoa[l].count12, counts[k], sizeof counts[k]);
		cells[2 * rows] = ds->lsoa[l].name ? ds->lsoa[l].name : ds->lsoa[l].code;
		cells[2 * rows + 1] = counts[k];
		rows++;
	}
	static const double widths[] = {0.7, 0.3};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT};
	struct table tb = {rows, 2, cells, widths, align, -1, CHART_TEXT_PT};
	slide_map_and_table(p, b, &ch, &tb, SLIDE_TABLE_NARROW_W, 10, 0, NULL);
	for (size_t k = 0; k < nc; k++)
		free(class_labels[k]);
	free(polys);
	free(lsoa);
	free(cls);
}

/* head, then the n items of v joined by sep, ending in a full stop
 * (caller frees). */
static char *list_item(const char *head, const char *const *v, size_t n, const char *sep)
{
	size_t len = strlen(head) + 2;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + strlen(sep);
	char *s = xmalloc(len);
	snprintf(s, len, "%s", head);
	for (size_t i = 0; i < n; i++) {
		strcat(s, v[i]);
		strcat(s, i + 1 < n ? sep : ".");
	}
	return s;
}

/* One bullet naming the slides left out and what each lacked. */
static char *omitted_item(const struct slide_ctx *c)
{
	return list_item("Slides left out: ", c->omitted, c->nomitted, "; ");
}

/* One bullet naming the slides a group's pack leaves out. */
static char *not_for_group_item(const struct slide_ctx *c)
{
	return list_item("Made for one borough, so not in this group's pack (each member's deck "
			 "has them): ", c->not_for_group, c->nnot_for_group, ", ");
}

/* ---- sources and data quality ---- */

#define SOURCES_PT CHART_MIN_PT /* a dense slide */

/* One reason rows of a file were used or set aside, as a sentence. */
static char *reason_item(const struct jb_reason *re)
{
	char nbuf[32];
	fmt_count((double)re->n, nbuf, sizeof nbuf);
	int one = re->n == 1;
	if (re->used)
		return xasprintf("%s row%s used: %s (first at %s)", nbuf, one ? "" : "s", re->what,
				 re->first);
	if (re->bad)
		return xasprintf("%s bad row%s set aside: %s (first at %s)", nbuf, one ? "" : "s",
				 re->what, re->first);
	return xasprintf("%s row%s out of scope, not %s: %s (%s)", nbuf, one ? "" : "s",
			 one ? "an error" : "errors", re->what, re->first);
}

/* Which reasons add_reasons lists: bad rows, rows used with a remark,
 * rows out of scope. */
static int reason_class(const struct jb_reason *re)
{
	return re->bad ? 0 : re->used ? 1 : 2;
}

/* A reason and its place among those listed, for qsort: the most rows
 * first, file order among equals. */
struct ranked_reason {
	const struct jb_reason *re;
	size_t at;
};

static int by_rows(const void *x, const void *y)
{
	const struct ranked_reason *a = x, *b = y;
	if (a->re->n != b->re->n)
		return a->re->n > b->re->n ? -1 : 1;
	return (a->at > b->at) - (a->at < b->at);
}

/* The reasons of class cls of every file, as sentences appended to
 * *items, the most rows first (file order among equals). */
static void add_reasons(const struct jb_sources *src, int cls, char ***items, size_t *n,
			size_t *cap)
{
	struct ranked_reason *v = NULL;
	size_t nv = 0, capv = 0;
	for (size_t i = 0; i < src->n; i++)
		for (size_t r = 0; r < src->v[i]->nreasons; r++) {
			const struct jb_reason *re = &src->v[i]->reasons[r];
			if (reason_class(re) != cls)
				continue;
			v = xgrow(v, &capv, nv + 1, sizeof *v);
			v[nv] = (struct ranked_reason){re, nv};
			nv++;
		}
	if (nv)
		qsort(v, nv, sizeof *v, by_rows);
	*items = xgrow(*items, cap, *n + nv, sizeof **items);
	for (size_t k = 0; k < nv; k++)
		(*items)[(*n)++] = reason_item(v[k].re);
	free(v);
}

/* The notes on the files in b, as many as fit; when not all do, the last
 * shown says how many more data-quality.csv holds (never cut silently). */
static void notes_list(struct dl_page *p, struct chart_box b, char **items, size_t n)
{
	/* the height of the first k notes, each wrapped once */
	double *upto = xmalloc((n + 1) * sizeof *upto);
	upto[0] = 0;
	for (size_t i = 0; i < n; i++)
		upto[i + 1] = chart_bullets_extend(upto[i], b.w, SOURCES_PT, items[i]);
	if (upto[n] <= b.h + 1e-9) {
		free(upto);
		chart_bullets(p, b, SOURCES_PT, (const char *const *)items, n);
		return;
	}
	/* the first keep notes, then the sentence standing for the rest */
	size_t keep = n;
	char *more = NULL;
	while (keep > 0) {
		keep--;
		free(more);
		more = xasprintf("%zu more %s on the files read, rows set aside and inputs not "
				 "supplied: see data-quality.csv beside the decks.",
				 n - keep, n - keep == 1 ? "note" : "notes");
		if (chart_bullets_extend(upto[keep], b.w, SOURCES_PT, more) <= b.h + 1e-9)
			break;
	}
	free(upto);
	char *last = items[keep];
	items[keep] = more;
	chart_bullets(p, b, SOURCES_PT, (const char *const *)items, keep + 1);
	items[keep] = last;
	free(more);
}

void layout_sources(struct dl_page *p, const struct slide_ctx *c)
{
	const struct jb_sources *src = &c->f->ds->sources;
	struct chart_box b = slide_body_with_note(p, c);
	double left_w = b.w * 0.44;

	/* Files read: one row each; rows not used split into the sound rows
	 * outside the 32 boroughs (or not published), which are expected, and
	 * the bad ones. */
	enum { NCOL = 5, NNUM = NCOL - 1 };
	size_t nrows = src->n + 1;
	const char **cells = xcalloc(nrows * NCOL, sizeof *cells);
	char **owned = xcalloc(nrows * NNUM, sizeof *owned);
	cells[0] = "File";
	cells[1] = "Rows";
	cells[2] = "Used";
	cells[3] = "Out of scope";
	cells[4] = "Bad";
	for (size_t i = 0; i < src->n; i++) {
		const struct jb_source *s = src->v[i];
		const double v[NNUM] = {(double)s->rows, (double)s->kept,
					(double)(s->set_aside - s->bad), (double)s->bad};
		cells[NCOL * (i + 1)] = s->path;
		for (int k = 0; k < NNUM; k++) {
			char buf[32];
			fmt_count(v[k], buf, sizeof buf);
			owned[NNUM * i + k] = xstrdup(buf);
			cells[NCOL * (i + 1) + 1 + k] = owned[NNUM * i + k];
		}
	}
	static const double widths[] = {0.49, 0.12, 0.12, 0.17, 0.10};
	static const enum chart_align align[] = {ALIGN_LEFT, ALIGN_RIGHT, ALIGN_RIGHT, ALIGN_RIGHT,
						 ALIGN_RIGHT};
	struct table tb = {nrows, NCOL, cells, widths, align, -1, SOURCES_PT};
	/* the files' table no taller than its rows: the lists below get the rest */
	double table_h = fmin(b.h * 0.5, chart_table_height(&tb, left_w, src->n) + 4);
	size_t shown = chart_table(p, (struct chart_box){b.x, b.y, left_w, table_h}, &tb);

	/* Files not read, why rows were set aside, what was not supplied. */
	size_t nitems = 0, cap = 0;
	char **items = NULL;
	/* First: when it says another month than asked for, every slide
	 * depends on it. */
	if (c->f->period_note) {
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = xasprintf("Period: %s", c->f->period_note);
	}
	if (shown < src->n) {
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = xasprintf("%zu more %s read: see data-quality.csv beside the decks.",
					    src->n - shown,
					    fmt_plural((double)(src->n - shown), "file", "files"));
	}
	/* files not read, before the rows set aside (a whole file matters
	 * more): the first few, then how many more (all are in
	 * data-quality.csv) */
	enum { MAX_UNREAD = 4 };
	for (size_t i = 0; i < src->nunread && i < MAX_UNREAD; i++) {
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = xasprintf("Not read: %s (%s)", src->unread[i].path,
					    src->unread[i].why);
	}
	if (src->nunread > MAX_UNREAD) {
		size_t more = src->nunread - MAX_UNREAD;
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = xasprintf("%zu more %s not read: see data-quality.csv.", more,
					    more == 1 ? "file or folder" : "files or folders");
	}
	add_reasons(src, 0, &items, &nitems, &cap); /* bad rows: they need fixing */
	if (c->nomitted) { /* what this deck does not show */
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = omitted_item(c);
	}
	if (c->nnot_for_group) {
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = not_for_group_item(c);
	}
	/* what was not supplied, before the other rows set aside: a missing input
	 * leaves a slide empty, a row set aside does not */
	for (size_t i = 0; i < src->nmissing; i++) {
		items = xgrow(items, &cap, nitems + 1, sizeof *items);
		items[nitems++] = xasprintf("Not supplied: %s", src->missing[i]);
	}
	/* then the rows used with a remark, then those out of scope
	 * (expected), the most first */
	add_reasons(src, 1, &items, &nitems, &cap);
	add_reasons(src, 2, &items, &nitems, &cap);
	if (nitems)
		notes_list(p, (struct chart_box){b.x, b.y + table_h + 10, left_w, b.h - table_h - 10},
			   items, nitems);

	/* Methods, from the template. */
	slide_bullets(p, c, (struct chart_box){b.x + left_w + 24, b.y, b.w - left_w - 24, b.h},
		      SOURCES_PT);
	for (size_t i = 0; i < nitems; i++)
		free(items[i]);
	free(items);
	for (size_t i = 0; i < nrows * NNUM; i++)
		free(owned[i]);
	free(owned);
	free(cells);
}

/* ---- key findings ---- */

void layout_key_findings(struct dl_page *p, const struct slide_ctx *c)
{
	struct chart_box b = slide_body_with_note(p, c);
	const struct jb_key_findings *k = &c->f->area[c->area].key;
	size_t shown = 0;
	double y = b.y;
	for (size_t i = 0; i < k->n && shown < (size_t)c->spec->max_items; i++) {
		char *s = slide_fill(c, c->spec->rule_text[k->rule[i]]);
		if (!s)
			continue; /* no sentence for this rule, or none with its figures */
		char num[24];
		snprintf(num, sizeof num, "%zu", shown + 1);
		dl_rect(p, b.x, y, 4, 44, (struct dl_style){.fill = COL_TURQUOISE});
		dl_text(p, b.x + 16, y + 27, DL_BOLD, 20, COL_DARK_BLUE, num);
		double h = chart_text(p, (struct chart_box){b.x + 48, y + 4, b.w - 60, 44}, DL_REGULAR,
				      13, COL_TEXT, ALIGN_LEFT, s);
		free(s);
		y += (h > 40 ? h : 40) + 16;
		shown++;
		if (y > b.y + b.h - 40)
			break;
	}
	if (!shown)
		slide_no_data(p, b, "recorded crime for this theme");
}

void slide_layout(struct dl_page *p, const struct slide_ctx *c)
{
	c->spec->kind->layout(p, c);
}
