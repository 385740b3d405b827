/* tests/test_access.c - the decks are readable (issue 13): no text below
 * 9 pt, text contrast at least 4.5:1 against what is under it, no text cut
 * by the layout with an ellipsis; the map palettes tell their classes
 * apart. Every shipped theme, every borough deck and the overview, laid out
 * from the sample data to display lists and measured there.
 *
 * Contrast is WCAG 2.1's: (L1 + 0.05) / (L2 + 0.05) of the relative
 * luminances, sRGB decoded by the standard's formula (computed here, not
 * taken from the code under test). The colour under a text is what the
 * display list painted last, before the text, at the text's middle
 * (translucent fills composited over what lies below; white paper under
 * everything).
 *
 * The closing report gives, per slide kind, the smallest text size and the
 * lowest text contrast found, with the text where each was found. */
#include "support.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/context.h"
#include "../analysis/findings.h"
#include "../ingest/dataset.h"
#include "../render/chart/chart.h"
#include "../render/deck.h"
#include "../render/display/display.h"
#include "../render/display/font.h"
#include "../render/slides/fill.h"
#include "../render/slides/kinds.h"
#include "../render/slides/palette.h"
#include "../template_load.h"
#include "../util/xalloc.h"

#define MIN_PT 9.0
#define READ_PT 10.0 /* body, table and label text where a slide is not dense */
#define MIN_TEXT_CONTRAST 4.5
#define MIN_CLASS_CONTRAST 3.0
#define ELLIPSIS "\xe2\x80\xa6" /* … */

/* Slide kinds whose text is still cut by the layout: a ratchet, as in
 * tests/test_layers.py: a kind cut that is not listed fails, and so does
 * one listed that is no longer cut, so the list only shrinks. Empty now
 * (NULL ends it): table cells wrap onto two lines and columns make room
 * for their longest word (render/chart/chart.c), lists too long for their
 * box say how many more there are. */
static const char *const still_cut[] = {NULL};

/* The dense kinds, whose tables carry many columns or rows at once: their
 * read text may go down to MIN_PT. Every other kind's read text (all
 * but the artifacts: band, footer, page number) is READ_PT or more. */
static const char *const dense[] = {"comparison", "borough-table",
				    "borough-context", "confidence", "sources", NULL};

static const char *const themes[] = {"serious-youth-violence", "all-violence",
				     "asb-confidence"};

/* ---- WCAG 2.1 relative luminance and contrast ---- */

static double channel(uint8_t v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct dl_color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

static double contrast(struct dl_color a, struct dl_color b)
{
	double la = luminance(a), lb = luminance(b);
	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* c at its alpha over an opaque under. */
static struct dl_color over(struct dl_color c, struct dl_color under)
{
	double a = c.a / 255.0;
	return (struct dl_color){(uint8_t)lround(c.r * a + under.r * (1 - a)),
				 (uint8_t)lround(c.g * a + under.g * (1 - a)),
				 (uint8_t)lround(c.b * a + under.b * (1 - a)), 255};
}

/* ---- what lies under a point ---- */

/* Whether the edge (x0,y0)-(x1,y1) crosses the ray from (x, y) to the right. */
static int crosses(double x0, double y0, double x1, double y1, double x, double y)
{
	return (y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0);
}

/* Even-odd ray casting over every subpath of a path item, each filled as
 * if closed (as PDF and cairo fill an open subpath). */
static int path_covers(const struct dl_item *it, double x, double y)
{
	const double *xy = it->u.path.xy;
	double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
	for (size_t i = 0; i < it->u.path.npts; i++) {
		minx = fmin(minx, xy[2 * i]);
		maxx = fmax(maxx, xy[2 * i]);
		miny = fmin(miny, xy[2 * i + 1]);
		maxy = fmax(maxy, xy[2 * i + 1]);
	}
	if (x < minx || x > maxx || y < miny || y > maxy)
		return 0;
	int inside = 0;
	const double *start = NULL, *cur = NULL;
	for (size_t i = 0; i <= it->u.path.nops; i++) {
		unsigned char op = i < it->u.path.nops ? it->u.path.ops[i] : DL_MOVE;
		if ((op == DL_MOVE || op == DL_CLOSE) && start && cur != start)
			inside ^= crosses(cur[0], cur[1], start[0], start[1], x, y);
		if (op == DL_MOVE) {
			start = cur = i < it->u.path.nops ? xy : NULL;
			xy += 2;
		} else if (op == DL_LINE && cur) {
			inside ^= crosses(cur[0], cur[1], xy[0], xy[1], x, y);
			cur = xy;
			xy += 2;
		} else if (op == DL_CLOSE)
			cur = start;
	}
	return inside;
}

/* The colour painted at (x, y) by items [0, upto) of p: white paper under
 * everything. */
static struct dl_color under(const struct dl_page *p, size_t upto, double x, double y)
{
	for (size_t j = upto; j-- > 0;) {
		const struct dl_item *it = &p->items[j];
		if (it->kind == DL_PATH && it->u.path.style.fill.a > 0 && path_covers(it, x, y)) {
			struct dl_color c = it->u.path.style.fill;
			return c.a == 255 ? c : over(c, under(p, j, x, y));
		}
		if (it->kind == DL_IMAGE && x >= it->u.image.x && y >= it->u.image.y &&
		    x < it->u.image.x + it->u.image.w && y < it->u.image.y + it->u.image.h) {
			int px = (int)((x - it->u.image.x) / it->u.image.w * it->u.image.pw);
			int py = (int)((y - it->u.image.y) / it->u.image.h * it->u.image.ph);
			const unsigned char *rgb = it->u.image.rgb + 3 * ((size_t)py * (size_t)it->u.image.pw + (size_t)px);
			return (struct dl_color){rgb[0], rgb[1], rgb[2], 255};
		}
	}
	return DL_RGB(0xFFFFFF);
}

/* The lowest contrast of text item j against what is under it, sampled
 * at its left, middle and right, half an x-height above the baseline. */
static double text_contrast(const struct dl_page *p, size_t j)
{
	const struct dl_item *it = &p->items[j];
	double w = font_width(it->u.text.font, it->u.text.size, it->u.text.utf8);
	double y = it->u.text.y - 0.27 * it->u.text.size, worst = INFINITY;
	for (int k = 0; k < 3; k++) {
		double x = it->u.text.x + w * (0.1 + 0.4 * k);
		struct dl_color bg = under(p, j, x, y);
		worst = fmin(worst, contrast(over(it->u.text.color, bg), bg));
	}
	return worst;
}

/* ---- per slide kind ---- */

struct kind_report {
	double min_pt, min_contrast;
	double min_read_pt; /* the smallest text that is not an artifact */
	int read_seen;
	int cut; /* texts ended with a layout ellipsis */
	char *pt_text, *contrast_text; /* where each was found */
	int seen;
};

static void note_text(char **slot, const char *deck, const struct dl_item *it)
{
	free(*slot);
	*slot = xasprintf("%s: \"%.60s\"", deck, it->u.text.utf8);
}

static int in_list(const char *const *list, const char *kind)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], kind) == 0)
			return 1;
	return 0;
}

static int listed(const char *kind)
{
	return in_list(still_cut, kind);
}

/* Whether item j of p is page furniture: drawn inside an artifact. */
static int is_artifact(const struct dl_page *p, size_t j)
{
	int t = dl_tag_of_item(p, j);
	return t >= 0 && p->tags[t].role == DL_ROLE_ARTIFACT;
}

/* The slide kind of page p of area's deck: the template slide whose
 * outline name, filled, is the page's. -1 when none is. */
static int page_kind(const struct jb_template *t, const struct jb_findings *f, int area,
		     const struct dl_page *p)
{
	const struct jb_slide_spec *all = area == JB_LONDON ? t->overview : t->slides;
	size_t n = area == JB_LONDON ? t->noverview : t->nslides;
	for (size_t i = 0; i < n; i++) {
		char *name = fill(all[i].outline, &(struct fill_ctx){f, area, t->marking, &t->labels});
		int same = p->outline && strcmp(name, p->outline) == 0;
		free(name);
		if (same)
			return (int)(all[i].kind - slide_kinds);
	}
	return -1;
}

/* Every text item of d measured into r[kind]; problems appended to *bad. */
static int measure_deck(const struct dl_deck *d, const struct jb_template *t,
			const struct jb_findings *f, int area, const char *deck,
			struct kind_report *r, char **bad)
{
	int problems = 0;
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		int k = page_kind(t, f, area, p);
		if (k < 0) {
			fail_msg("%s page %zu: outline '%s' is no template slide's", deck, i + 1,
				 p->outline ? p->outline : "");
		}
		struct kind_report *kr = &r[k];
		for (size_t j = 0; j < p->nitems; j++) {
			const struct dl_item *it = &p->items[j];
			if (it->kind != DL_TEXT || !*it->u.text.utf8)
				continue;
			double cr = text_contrast(p, j);
			if (!kr->seen || it->u.text.size < kr->min_pt) {
				kr->min_pt = it->u.text.size;
				note_text(&kr->pt_text, deck, it);
			}
			if (!kr->seen || cr < kr->min_contrast) {
				kr->min_contrast = cr;
				note_text(&kr->contrast_text, deck, it);
			}
			kr->seen = 1;
			int read = !is_artifact(p, j);
			if (read && (!kr->read_seen || it->u.text.size < kr->min_read_pt)) {
				kr->min_read_pt = it->u.text.size;
				kr->read_seen = 1;
			}
			int small = read && !in_list(dense, slide_kinds[k].name) &&
				    it->u.text.size < READ_PT - 1e-9;
			int cut = strstr(it->u.text.utf8, ELLIPSIS) != NULL;
			kr->cut += cut;
			const char *why = it->u.text.size < MIN_PT - 1e-9 ? "below 9 pt"
					  : small ? "read text below 10 pt"
					  : cr < MIN_TEXT_CONTRAST	  ? "contrast below 4.5:1"
					  : cut && !listed(slide_kinds[k].name) ? "cut with an ellipsis"
										    : NULL;
			if (why && getenv("JB_ACCESS_ALL"))
				printf("%s page %zu (%s): %s: %.1f pt, %.2f:1 \"%.60s\"\n", deck, i + 1,
				       slide_kinds[k].name, why, it->u.text.size, cr, it->u.text.utf8);
			if (why && problems++ < 40) {
				char *line = xasprintf("%s%s page %zu (%s): %s: %.1f pt, %.2f:1 \"%.60s\"\n",
						       *bad ? *bad : "", deck, i + 1,
						       slide_kinds[k].name, why, it->u.text.size, cr,
						       it->u.text.utf8);
				free(*bad);
				*bad = line;
			}
		}
	}
	return problems;
}


/* ---- the words: plain names, GOV.UK years (issue 13) ---- */

/* Problems found, as lines of text. */
struct findings_of_test {
	int n;
	char *lines;
};

static void note_problem(struct findings_of_test *t, const char *deck, size_t page,
			 const char *kind, const char *why, const char *text)
{
	if (t->n++ >= 40)
		return;
	char *line = xasprintf("%s%s page %zu (%s): %s: \"%.80s\"\n", t->lines ? t->lines : "",
			       deck, page, kind, why, text);
	free(t->lines);
	t->lines = line;
}

/* The labels sources publish that a slide would show raw: the LAIT titles
 * and axis names of the indicators the slides use (the spending series'
 * axis name "Spend" is a plain word), the theme's MPS dashboard measures,
 * and LAIT's outturn mark. NULL-terminated; the strings are borrowed. */
static const char **raw_labels(const struct jb_findings *f, const struct jb_template *t)
{
	const char **v = xcalloc(2 * JB_CTX_NSLOTS + t->theme.ndash + 2, sizeof *v);
	size_t n = 0;
	for (int k = 0; f->context && k < JB_CTX_NSLOTS; k++) {
		const struct jb_lait_series *s = f->context->slot[k];
		if (!s)
			continue;
		v[n++] = s->title;
		if (k != JB_CTX_YP_SPEND && k != JB_CTX_YJ_SPEND && *s->units)
			v[n++] = s->units;
	}
	for (size_t i = 0; i < t->theme.ndash; i++)
		v[n++] = t->theme.dash_subtypes[i];
	v[n++] = "(OT)";
	return v;
}

/* A year span as LAIT and DfE write it, "2023/24", "2023-24", "2023/2024":
 * GOV.UK style is "2023 to 2024". */
#define NOT_GOV_UK_YEAR "(^|[^0-9])(19|20)[0-9]{2}[/-]([0-9]{2}|(19|20)[0-9]{2})([^0-9]|$)"

/* Every text of d off the sources slide (which names files and labels as
 * published): no raw label, no year span in another style. */
static void check_words(const struct dl_deck *d, const struct jb_template *t,
			const struct jb_findings *f, int area, const char *deck, const regex_t *year,
			struct findings_of_test *raw, struct findings_of_test *years)
{
	const char **labels = raw_labels(f, t);
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		int k = page_kind(t, f, area, p);
		if (k < 0 || strcmp(slide_kinds[k].name, "sources") == 0)
			continue;
		for (size_t j = 0; j < p->nitems; j++) {
			const struct dl_item *it = &p->items[j];
			if (it->kind != DL_TEXT)
				continue;
			for (const char **l = labels; *l; l++)
				if (strstr(it->u.text.utf8, *l))
					note_problem(raw, deck, i + 1, slide_kinds[k].name, *l,
						     it->u.text.utf8);
			if (regexec(year, it->u.text.utf8, 0, NULL, 0) == 0)
				note_problem(years, deck, i + 1, slide_kinds[k].name,
					     "a year not in GOV.UK style", it->u.text.utf8);
		}
		/* the figures' alternative texts are read out in place of them */
		for (size_t j = 0; j < p->ntags; j++) {
			const char *alt = p->tags[j].alt;
			if (!alt)
				continue;
			for (const char **l = labels; *l; l++)
				if (strstr(alt, *l))
					note_problem(raw, deck, i + 1, slide_kinds[k].name, *l, alt);
			if (regexec(year, alt, 0, NULL, 0) == 0)
				note_problem(years, deck, i + 1, slide_kinds[k].name,
					     "a year not in GOV.UK style", alt);
		}
	}
	free(labels);
}

/* ---- every deck of every theme, laid out once for the tests below ---- */

struct every_deck {
	struct kind_report *r;
	struct findings_of_test sizes, raw, years;
	size_t decks;
};

static int lay_out_every_deck(void **state)
{
	struct jb_load_options lo = {.quiet = 1, .jobs = 2};
	char *diag = NULL;
	struct jb_dataset *ds = jb_load_capture("sample-data", &lo, &diag);
	free(diag);
	if (!ds)
		return -1;
	struct every_deck *e = xcalloc(1, sizeof *e);
	e->r = xcalloc(slide_nkinds, sizeof *e->r);
	regex_t year;
	if (regcomp(&year, NOT_GOV_UK_YEAR, REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	for (size_t t = 0; t < sizeof themes / sizeof *themes; t++) {
		struct jb_template *tpl = jb_load_theme(themes[t]);
		struct jb_findings *f = jb_analyse(ds, &tpl->theme, NULL);
		for (int area = 0; area <= JB_NBOROUGHS; area++) {
			int a = area == JB_NBOROUGHS ? JB_LONDON : area;
			struct dl_deck *d = deck_build(f, tpl, a);
			char *deck = xasprintf("%s/%s", themes[t], deck_file_name(a));
			e->sizes.n += measure_deck(d, tpl, f, a, deck, e->r, &e->sizes.lines);
			check_words(d, tpl, f, a, deck, &year, &e->raw, &e->years);
			e->decks++;
			free(deck);
			dl_deck_free(d);
		}
		jb_findings_free(f);
		jb_template_free(tpl);
	}
	regfree(&year);
	jb_dataset_free(ds);
	*state = e;
	return 0;
}

static int free_every_deck(void **state)
{
	struct every_deck *e = *state;
	if (!e)
		return 0;
	for (size_t k = 0; k < slide_nkinds; k++) {
		free(e->r[k].pt_text);
		free(e->r[k].contrast_text);
	}
	free(e->r);
	free(e->sizes.lines);
	free(e->raw.lines);
	free(e->years.lines);
	free(e);
	return 0;
}

/* Every deck of every theme: text 9 pt or more, contrast 4.5:1 or more,
 * no ellipsis; the report per slide kind printed. */
static void every_text_is_big_enough_and_contrasted(void **state)
{
	struct every_deck *e = *state;
	struct kind_report *r = e->r;
	int problems = e->sizes.n;
	printf("smallest text, smallest read text (not an artifact) and lowest text contrast"
	       " per slide kind (%zu decks, every theme):\n",
	       e->decks);
	for (int k = 0; k < (int)slide_nkinds; k++) {
		if (!r[k].seen)
			continue;
		printf("  %-20s %4.1f pt  read %4.1f pt%s  %5.2f:1  %5d cut   (%s; %s)\n",
		       slide_kinds[k].name, r[k].min_pt, r[k].min_read_pt,
		       in_list(dense, slide_kinds[k].name) ? " (dense)" : "", r[k].min_contrast,
		       r[k].cut, r[k].pt_text, r[k].contrast_text);
		if (listed(slide_kinds[k].name) && !r[k].cut) {
			printf("%s is no longer cut: take it off still_cut[]\n", slide_kinds[k].name);
			problems++;
		}
	}
	if (problems)
		fail_msg("%d texts too small, too faint or cut:\n%s", problems, e->sizes.lines);
}

/* No slide but the sources slide shows a label as its source publishes
 * it: the template's plain name stands in ("Knife Injury Victims (1-24)"
 * reads "Knife-injury victims aged 1-24"), in text and alternative text. */
static void slides_show_plain_names(void **state)
{
	struct every_deck *e = *state;
	if (e->raw.n)
		fail_msg("%d raw labels on slides:\n%s", e->raw.n, e->raw.lines);
}

/* Academic and financial years read "2023 to 2024" wherever a slide shows
 * one, never "2023/24" or "2023-24 (OT)". */
static void years_in_gov_uk_style(void **state)
{
	struct every_deck *e = *state;
	if (e->years.n)
		fail_msg("%d years not in GOV.UK style:\n%s", e->years.n, e->years.lines);
}

/* One palette: every class but the background one (what most of a map
 * is) 3:1 from it and from the white page; neighbours in the legend 3:1
 * apart or labelled apart (distinct, non-empty labels). Prints the lowest
 * ratios. */
static int check_palette(const char *name, const struct dl_color *c, const char *const *label,
			 size_t n, size_t background)
{
	int bad = 0;
	double low_bg = INFINITY, low_next = INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (i != background) {
			double rb = contrast(c[i], c[background]), rw = contrast(c[i], COL_WHITE);
			low_bg = fmin(low_bg, fmin(rb, rw));
			if (rb < MIN_CLASS_CONTRAST || rw < MIN_CLASS_CONTRAST) {
				printf("%s class %zu: %.2f:1 against the background class, %.2f:1 against white\n",
				       name, i, rb, rw);
				bad++;
			}
		}
		if (i + 1 < n) {
			double r = contrast(c[i], c[i + 1]);
			low_next = fmin(low_next, r);
			int labelled = label && *label[i] && *label[i + 1] && strcmp(label[i], label[i + 1]);
			if (r < MIN_CLASS_CONTRAST && !labelled) {
				printf("%s classes %zu and %zu: %.2f:1 and no labels to tell them apart\n",
				       name, i, i + 1, r);
				bad++;
			}
		}
	}
	printf("%s: every class %.2f:1 or more from the background class and white; legend "
	       "neighbours %.2f:1 or more (labelled)\n", name, low_bg, low_next);
	return bad;
}

static void map_palettes_tell_classes_apart(void **state)
{
	(void)state;
	int bad = check_palette("Gi* hot spots", palette_gi, palette_gi_label, JB_HOT_NCLASSES,
				PALETTE_GI_NOT_SIGNIFICANT);
	struct dl_color emg[JB_EMG_NCLASSES];
	const char *names[JB_EMG_NCLASSES];
	for (size_t i = 0; i < JB_EMG_NCLASSES; i++) {
		emg[i] = palette_emg[i].color;
		names[i] = jb_emerging_names[palette_emg[i].cls];
	}
	assert_int_equal(palette_emg[JB_EMG_NCLASSES - 1].cls, JB_EMG_NONE);
	bad += check_palette("emerging hot spots", emg, names, JB_EMG_NCLASSES, JB_EMG_NCLASSES - 1);
	/* every pattern once */
	for (size_t i = 0; i < JB_EMG_NCLASSES; i++)
		for (size_t j = i + 1; j < JB_EMG_NCLASSES; j++)
			assert_int_not_equal(palette_emg[i].cls, palette_emg[j].cls);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(map_palettes_tell_classes_apart),
		cmocka_unit_test(every_text_is_big_enough_and_contrasted),
		cmocka_unit_test(slides_show_plain_names),
		cmocka_unit_test(years_in_gov_uk_style),
	};
	if (font_init(NULL, NULL) != 0)
		return 1;
	int rc = cmocka_run_group_tests(tests, lay_out_every_deck, free_every_deck);
	font_done();
	return rc;
}
