/* tests/test_slide_kinds.c - every slide kind of the table (render/slides/
 * kinds.c) laid out from three sets of findings, and drawn by both
 * backends, in the spirit of cairo's test suite running one drawing on
 * every backend:
 *
 *   all     sample-data/ as shipped: every input there;
 *   part    some inputs only (part_inputs below): LSOA and
 *           street crime and the LAIT table without its dictionary, but no
 *           deprivation, census, dashboard, homicide or youth services, so
 *           some slides show part of what they could and others nothing;
 *   none    the borough-level crime file alone (the least a run accepts)
 *           without the deck borough's rows, so that borough has nothing.
 *
 * Each kind is one slide of a deck for Westminster (the kinds of the
 * shipped template's borough deck and any kind it does not use; one of the
 * boroughs the sample's street-level records reach) and of one for the
 * London overview (the kinds of the shipped overview), kept with its "no
 * data" panel when its data are missing (when_missing = "show"). Every deck
 * must pass dl_deck_check(); a slide whose kind's missing() says its data
 * are absent says what was not supplied; and each page's ink, rasterised
 * from the PDF by poppler and drawn to PNG by cairo, must agree cell by
 * cell. */
#include "support.h"

#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/findings.h"
#include "../ingest/dataset.h"
#include "../render/deck.h"
#include "../render/display/font.h"
#include "../render/display/pdf.h"
#include "../render/display/png.h"
#include "../render/slides/kinds.h"
#include "../template_load.h"
#include "../util/xalloc.h"

enum state { ALL, PART, NONE, NSTATES };

static const char *const state_name[NSTATES] = {"all", "part", "none"};

/* The inputs of each state but ALL (which is sample-data/ itself), as
 * paths under sample-data/; a folder stands for everything in it. */
static const char *const part_inputs[] = {
	"crime/mps-borough-level-crime-2024-2026.csv.gz",
	"crime/mps-lsoa-level-crime-2024-2026.csv.gz",
	"crime/police-uk-street",
	"boundaries/london-boroughs-2022-gen20.geojson",
	"boundaries/london-lsoa2021-bng-shp",
	"population/ons-mid2020-single-year-of-age-london.csv",
	"education-youth/dfe-lait-london.csv",
	"actions/actions-illustrative.csv",
	"confidence/mopac-pas-borough-2014-2023.csv.gz",
	NULL,
};
#define NONE_CRIME "crime/mps-borough-level-crime-2024-2026.csv.gz"
#define BOROUGH "Westminster"

static struct {
	char *dir; /* a folder of links into sample-data/, or "sample-data" */
	struct jb_dataset *ds;
	struct jb_findings *f;
} st[NSTATES];
static struct jb_template *tpl;
static char *tmp;
/* how often each kind was laid out, and found missing, over the states;
 * and the pages of the 'part' state that have data but say some input of
 * theirs was not supplied */
#define MAX_KINDS 64 /* room; the table has 24 */
static int laid_out[MAX_KINDS], missing_in[MAX_KINDS][NSTATES];
static int partly;

/* A data folder of symbolic links to the inputs named. */
static char *link_inputs(const char *name, const char *const *inputs)
{
	char *dir = xasprintf("%s/%s", tmp, name);
	char *cwd = realpath(".", NULL);
	for (const char *const *in = inputs; *in; in++) {
		char *dst = xasprintf("%s/%s", dir, *in);
		char *cmd = xasprintf("mkdir -p \"$(dirname '%s')\" && ln -s '%s/sample-data/%s' '%s'",
				      dst, cwd, *in, dst);
		int status;
		free(jb_run(cmd, &status));
		assert_int_equal(status, 0);
		free(cmd);
		free(dst);
	}
	free(cwd);
	return dir;
}

static struct jb_group group = {.name = "Central West", .slug = "central-west"};

static int setup(void **state)
{
	int members[2] = {jb_borough_by_name(BOROUGH), jb_borough_by_name("Kensington and Chelsea")};
	for (int k = 0; k < 2; k++) {
		group.member[members[k]] = 1;
		group.members[group.n++] = members[k];
	}
	(void)state;
	char err[1024];
	if (font_init(NULL, NULL) != 0)
		return -1;
	tpl = jb_template_load("templates/serious-youth-violence.conf", err, sizeof err);
	if (!tpl) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	tmp = jb_tmpdir();
	st[ALL].dir = xstrdup("sample-data");
	st[PART].dir = link_inputs("part", part_inputs);
	st[NONE].dir = xasprintf("%s/none", tmp);
	char *cmd = xasprintf("mkdir -p '%s/crime' && zcat sample-data/" NONE_CRIME
			      " | grep -v '," BOROUGH "$' >'%s/crime/without-borough.csv'",
			      st[NONE].dir, st[NONE].dir);
	int status;
	free(jb_run(cmd, &status));
	free(cmd);
	if (status != 0)
		return -1;
	jb_diag_set(NULL);
	for (int s = 0; s < NSTATES; s++) {
		st[s].ds = jb_dataset_load(st[s].dir, &(struct jb_load_options){.quiet = 1});
		if (!st[s].ds || !jb_dataset_usable(st[s].ds, err, sizeof err)) {
			fprintf(stderr, "%s: %s\n", st[s].dir, st[s].ds ? err : "not loaded");
			return -1;
		}
		/* with a group (--group) of the borough and its neighbour, so
		 * that the kinds of a group's pack are laid out too */
		st[s].f = jb_analyse(st[s].ds, &tpl->theme,
				     &(struct jb_analysis_options){.group = &group});
	}
	jb_diag_set(stderr);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (int s = 0; s < NSTATES; s++) {
		jb_findings_free(st[s].f);
		jb_dataset_free(st[s].ds);
		free(st[s].dir);
	}
	jb_template_free(tpl);
	jb_rmtree(tmp);
	free(tmp);
	font_done();
	return 0;
}

/* ---- the decks ---- */

static const struct jb_slide_spec *spec_of(const struct jb_slide_spec *v, size_t n,
					   const struct slide_kind *k)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == k)
			return &v[i];
	return NULL;
}

/* Whether kind k has a slide in the deck of area: the overview's kinds
 * for London; for a borough, the borough deck's kinds and those neither
 * deck of the shipped template uses. */
static int kind_in_deck(const struct slide_kind *k, int area)
{
	int in_slides = spec_of(tpl->slides, tpl->nslides, k) != NULL;
	int in_overview = spec_of(tpl->overview, tpl->noverview, k) != NULL;
	if (area == JB_GROUP) /* a group's pack: the kinds made for one */
		return (k->flags & KIND_GROUP) && (in_slides || !in_overview);
	if (k->flags & KIND_GROUP_ONLY)
		return 0;
	return area == JB_LONDON ? in_overview : in_slides || !in_overview;
}

/* The template with one slide per kind for area's deck, each shown even
 * when its data are missing: the shipped template's slide of that kind,
 * else a bare one (its outline entry, no words). kinds[] gets each page's
 * kind; returns how many. Free the slides with free(). */
static size_t one_of_each(int area, struct jb_template *t, const struct slide_kind **kinds)
{
	*t = *tpl;
	struct jb_slide_spec *v = xcalloc(slide_nkinds, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < slide_nkinds; i++) {
		const struct slide_kind *k = &slide_kinds[i];
		/* the analyst's notes come from the data directory, not the
		 * findings: a deck without any leaves the slide out without a
		 * word (tests/test_analyst.sh and the commentary tests) */
		if (!kind_in_deck(k, area) || (k->flags & KIND_COMMENTARY))
			continue;
		const struct jb_slide_spec *s = area == JB_LONDON
							? spec_of(tpl->overview, tpl->noverview, k)
							: spec_of(tpl->slides, tpl->nslides, k);
		v[n] = s ? *s : (struct jb_slide_spec){.kind = k, .outline = (char *)k->outline};
		v[n].show_missing = 1;
		v[n].only_boroughs = 0; /* a slide the template keeps for one borough */
		kinds[n++] = k;
	}
	if (area == JB_LONDON) {
		t->overview = v;
		t->noverview = n;
	} else {
		t->slides = v;
		t->nslides = n;
	}
	return n;
}

/* The page's text runs, one space between each, white space folded. */
static char *page_text(const struct dl_page *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].kind == DL_TEXT)
			fprintf(f, "%s ", p->items[i].u.text.utf8);
	fclose(f);
	return jb_fold_space(buf);
}

/* Whether a slide says some of its data were not supplied: the "No data
 * supplied: ..." panel (slide_no_data), or a layout's own sentence
 * ("Indices of Deprivation by LSOA were not supplied ..."). */
static int says_not_supplied(const char *text)
{
	return strstr(text, "No data supplied: ") || strstr(text, " not supplied");
}

/* ---- ink: the PDF through poppler against the PNG through cairo ---- */

/* 72 dpi, one pixel a point; poppler draws lines thinner than a pixel by
 * their coverage as cairo does (-thinlinemode shape), not a pixel wide. */
#define INK_DPI 72
#define INK_GX 12 /* cells across the page: 80 pt each */
#define INK_GY 8  /* and down: 67.5 pt */
/* Measured on every slide of the shipped decks (Hackney, London): pages
 * differ by up to 2.2% in total ink and a cell by up to 2.6% of its area
 * (anti-aliasing of text and polygon edges); a text run of 9 pt and 60 pt
 * long drawn by one backend only is about 2% of a cell, a title line 20%. */
#define INK_PAGE_TOL 0.04
#define INK_CELL_TOL 0.04

struct ink {
	double cell[INK_GY][INK_GX]; /* darkness summed: 1 = one black pixel */
	double total;
	int w, h;
};

static void ink_of(const char *png, struct ink *k)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(png);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	memset(k, 0, sizeof *k);
	k->w = cairo_image_surface_get_width(s);
	k->h = cairo_image_surface_get_height(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < k->h; y++)
		for (int x = 0; x < k->w; x++) {
			uint32_t px = *(const uint32_t *)(const void *)(data + (size_t)y * stride +
									 4 * (size_t)x);
			double v = (765.0 - (px >> 16 & 255) - (px >> 8 & 255) - (px & 255)) / 765.0;
			k->cell[y * INK_GY / k->h][x * INK_GX / k->w] += v;
			k->total += v;
		}
	cairo_surface_destroy(s);
}

/* Fails, naming the slide and the cell, when the two renderings' ink
 * differs by more than the tolerances. */
static void same_ink(const char *pdf_png, const char *cairo_png, const char *what)
{
	struct ink a, b;
	ink_of(pdf_png, &a);
	ink_of(cairo_png, &b);
	assert_int_equal(a.w, DL_PAGE_W * INK_DPI / 72);
	assert_int_equal(b.w, a.w);
	assert_int_equal(b.h, a.h);
	double cell_px = (double)a.w / INK_GX * a.h / INK_GY;
	if (fabs(a.total - b.total) > INK_PAGE_TOL * fmax(a.total, b.total))
		fail_msg("%s: ink %.0f in the PDF, %.0f in the PNG", what, a.total, b.total);
	for (int y = 0; y < INK_GY; y++)
		for (int x = 0; x < INK_GX; x++)
			if (fabs(a.cell[y][x] - b.cell[y][x]) > INK_CELL_TOL * cell_px)
				fail_msg("%s: the cell at %d,%d pt has ink %.0f in the PDF, %.0f in "
					 "the PNG",
					 what, x * 80, (int)(y * 67.5), a.cell[y][x], b.cell[y][x]);
}

/* ---- one deck of every kind ---- */

static void deck_of_every_kind(enum state s, int area)
{
	struct jb_template t;
	const struct slide_kind *kinds[MAX_KINDS];
	assert_true(slide_nkinds <= MAX_KINDS);
	size_t n = one_of_each(area, &t, kinds);
	const struct jb_findings *f = st[s].f;
	struct dl_deck *d = deck_build(f, &t, area);
	const char *deck = f->area[area].name;
	assert_int_equal(d->npages, n);
	assert_int_equal(dl_deck_check(d, stderr), 0);

	char *dir = xasprintf("%s/%s-%s", tmp, state_name[s], deck_name(f, area));
	char *pdf = xasprintf("%s.pdf", dir);
	char err[512];
	assert_int_equal(pdf_write(d, pdf, NULL, err, sizeof err), 0);
	char *cmd = xasprintf("pdftoppm -r %d -thinlinemode shape -png '%s' '%s'", INK_DPI, pdf,
			      dir);
	int status;
	free(jb_run(cmd, &status));
	assert_int_equal(status, 0);
	int digits = snprintf(NULL, 0, "%zu", n);
	for (size_t i = 0; i < n; i++) {
		const struct slide_kind *k = kinds[i];
		size_t ki = (size_t)(k - slide_kinds);
		char *what = xasprintf("%s, %s deck, %s data", k->name, deck, state_name[s]);
		laid_out[ki]++;
		/* the panel says what is missing exactly when the kind finds it so */
		const char *why = k->missing ? k->missing(f, area) : NULL;
		char *text = page_text(d->pages[i]);
		if (why) {
			missing_in[ki][s]++;
			if (!says_not_supplied(text))
				fail_msg("%s: no word of what is missing (%s) in: %s", what, why, text);
		} else if (s == PART && says_not_supplied(text)) {
			printf("  %s: shows what it has, says what is not supplied\n", what);
			partly++;
		}
		char *from_pdf = xasprintf("%s-%0*zu.png", dir, digits, i + 1);
		char *from_cairo = xasprintf("%s-cairo.png", dir);
		assert_int_equal(png_write_page(NULL, d->pages[i], from_cairo, INK_DPI, err, sizeof err), 0);
		same_ink(from_pdf, from_cairo, what);
		free(from_cairo);
		free(from_pdf);
		free(text);
		free(what);
	}
	free(cmd);
	free(pdf);
	free(dir);
	dl_deck_free(d);
	free(area == JB_LONDON ? t.overview : t.slides);
}

static void every_kind_with_all_the_data(void **state)
{
	(void)state;
	deck_of_every_kind(ALL, jb_borough_by_name(BOROUGH));
	deck_of_every_kind(ALL, JB_LONDON);
	deck_of_every_kind(ALL, JB_GROUP);
}

static void every_kind_with_part_of_the_data(void **state)
{
	(void)state;
	deck_of_every_kind(PART, jb_borough_by_name(BOROUGH));
	deck_of_every_kind(PART, JB_LONDON);
	deck_of_every_kind(PART, JB_GROUP);
}

static void every_kind_with_almost_no_data(void **state)
{
	(void)state;
	deck_of_every_kind(NONE, jb_borough_by_name(BOROUGH));
	deck_of_every_kind(NONE, JB_LONDON);
	deck_of_every_kind(NONE, JB_GROUP);
}

/* Kinds that still find something to show for a borough with no rows at
 * all: the borough's monthly counts are zeros, not missing, so the trend
 * slide is kept, saying "all 24 months are zero" (analysis/findings.c;
 * left for the analysis, see the session's report). A kind leaves this
 * list when it says its data are missing. */
static const char *const known_never_missing[] = {"trend"};

static int never_missing(const char *name)
{
	for (size_t i = 0; i < sizeof known_never_missing / sizeof *known_never_missing; i++)
		if (strcmp(known_never_missing[i], name) == 0)
			return 1;
	return 0;
}

/* After the three: every kind was laid out in each state; every kind that
 * can miss its data had them in sample-data/ and not in the last state
 * (the borough's deck: the London deck still has the other boroughs'
 * crime); and the 'part' state did leave some slides with part of their
 * data (the profile without deprivation, youth services without the
 * services, at the time of writing). */
static void every_kind_was_laid_out_with_and_without_its_data(void **state)
{
	(void)state;
	for (size_t i = 0; i < slide_nkinds; i++) {
		const struct slide_kind *k = &slide_kinds[i];
		if (k->flags & KIND_COMMENTARY)
			continue; /* not laid out here: see one_of_each() */
		if (laid_out[i] < NSTATES)
			fail_msg("%s: laid out %d times, not in every state", k->name, laid_out[i]);
		if (!k->missing)
			continue;
		if (missing_in[i][ALL])
			fail_msg("%s: missing its data in sample-data/", k->name);
		if ((missing_in[i][NONE] == 0) != never_missing(k->name))
			fail_msg("%s: %s with none of its data supplied", k->name,
				 never_missing(k->name) ? "now says so: take it off the list"
							: "finds something to show");
	}
	assert_true(partly >= 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_kind_with_all_the_data),
		cmocka_unit_test(every_kind_with_part_of_the_data),
		cmocka_unit_test(every_kind_with_almost_no_data),
		cmocka_unit_test(every_kind_was_laid_out_with_and_without_its_data),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
