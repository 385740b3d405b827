/* render/template.c - load and validate a deck template (libconfig). */
#include "template.h"

#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/xalloc.h"
#include "fill.h"

const char *const jb_slide_kind_names[JB_NSLIDE_KINDS] = {
	[SLIDE_TITLE] = "title",
	[SLIDE_CONTENTS] = "contents",
	[SLIDE_KEY_FIGURES] = "key-figures",
	[SLIDE_TREND] = "trend",
	[SLIDE_COMPARISON] = "comparison",
	[SLIDE_LSOA_MAP] = "lsoa-map",
	[SLIDE_SOURCES] = "sources",
	[SLIDE_HOTSPOT_MAP] = "hotspot-map",
	[SLIDE_HOTSPOT_PERSISTENCE] = "hotspot-persistence",
	[SLIDE_STREET_DENSITY] = "street-density",
};

/* Outline and contents names when a slide gives no 'outline'. */
static const char *const default_outline[JB_NSLIDE_KINDS] = {
	[SLIDE_TITLE] = "Title",
	[SLIDE_CONTENTS] = "Contents",
	[SLIDE_KEY_FIGURES] = "Key figures",
	[SLIDE_TREND] = "Crime trend",
	[SLIDE_COMPARISON] = "Comparison with London",
	[SLIDE_LSOA_MAP] = "Neighbourhood map",
	[SLIDE_SOURCES] = "Sources, methods and data quality",
	[SLIDE_HOTSPOT_MAP] = "Hot spots",
	[SLIDE_HOTSPOT_PERSISTENCE] = "Hot spot persistence",
	[SLIDE_STREET_DENSITY] = "Street-level density",
};

static int readable(const char *path)
{
	return access(path, R_OK) == 0;
}

char *jb_template_find(const char *name, const char *argv0)
{
	if (strchr(name, '/') || strstr(name, ".conf"))
		return readable(name) ? xstrdup(name) : NULL;
	char *path;
	const char *env = getenv("JB_TEMPLATE_DIR");
	if (env && *env) {
		path = xasprintf("%s/%s.conf", env, name);
		if (readable(path))
			return path;
		free(path);
	}
	/* templates/ beside the executable: /proc/self/exe, else argv[0]. */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0)
		exe[n] = '\0';
	else
		snprintf(exe, sizeof exe, "%s", argv0 ? argv0 : "");
	char *slash = strrchr(exe, '/');
	for (int up = 0; slash && up < 2; up++) {
		/* the binary may sit in build/ too: try its folder and the one above */
		*slash = '\0';
		path = xasprintf("%s/templates/%s.conf", exe, name);
		if (readable(path))
			return path;
		free(path);
		slash = strrchr(exe, '/');
	}
	path = xasprintf("templates/%s.conf", name);
	if (readable(path))
		return path;
	free(path);
	return NULL;
}

struct loader {
	const char *path;
	char *err;
	size_t errlen;
	int failed;
};

static void fail(struct loader *L, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct loader *L, int line, const char *fmt, ...)
{
	if (L->failed)
		return;
	L->failed = 1;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(L->err, L->errlen, "%s:%d: %s", L->path, line, msg);
}

static int line_of(const config_setting_t *s)
{
	return s ? (int)config_setting_source_line(s) : 0;
}

/* A string member: copied, or NULL when absent. Present but not a string
 * is an error. Placeholders are checked here. */
static char *get_string(struct loader *L, const config_setting_t *parent, const char *name,
			int required)
{
	const config_setting_t *s = config_setting_get_member(parent, name);
	if (!s) {
		if (required)
			fail(L, line_of(parent), "'%s' is missing", name);
		return NULL;
	}
	const char *v = config_setting_get_string(s);
	if (!v) {
		fail(L, line_of(s), "'%s' must be a string in double quotes", name);
		return NULL;
	}
	char bad[64];
	if (fill_check(v, bad, sizeof bad) != 0) {
		fail(L, line_of(s), "'%s': unknown placeholder {%s} (see README, \"Template placeholders\")",
		     name, bad);
		return NULL;
	}
	return xstrdup(v);
}

/* A list/array of strings; *n gets the count. */
static char **get_strings(struct loader *L, const config_setting_t *parent, const char *name,
			  size_t *n)
{
	*n = 0;
	const config_setting_t *s = config_setting_get_member(parent, name);
	if (!s)
		return NULL;
	if (!config_setting_is_aggregate(s)) {
		fail(L, line_of(s), "'%s' must be a list of strings, e.g. [\"a\", \"b\"]", name);
		return NULL;
	}
	int len = config_setting_length(s);
	char **v = xcalloc((size_t)len + 1, sizeof *v);
	for (int i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *str = e ? config_setting_get_string(e) : NULL;
		char bad[64];
		if (!str) {
			fail(L, line_of(s), "'%s': item %d is not a string", name, i + 1);
			break;
		}
		if (fill_check(str, bad, sizeof bad) != 0) {
			fail(L, line_of(e), "'%s': unknown placeholder {%s}", name, bad);
			break;
		}
		v[(*n)++] = xstrdup(str);
	}
	return v;
}

static void load_theme(struct loader *L, const config_setting_t *th, struct jb_template *t)
{
	struct jb_theme *theme = &t->theme;
	theme->id = get_string(L, th, "id", 1);
	theme->title = get_string(L, th, "title", 1);
	t->marking = get_string(L, th, "marking", 0);
	if (!t->marking)
		t->marking = xstrdup("OFFICIAL-SENSITIVE");
	t->author = get_string(L, th, "author", 0);
	if (!t->author)
		t->author = xstrdup("jembrief");
	int months = 36;
	if (config_setting_lookup_int(th, "trend_months", &months) == CONFIG_TRUE &&
	    (months < 12 || months > 240))
		fail(L, line_of(config_setting_get_member(th, "trend_months")),
		     "'trend_months' must be between 12 and 240");
	theme->trend_months = months;
	/* grid_m: an integer or a decimal number of metres */
	theme->grid_m = 250;
	const config_setting_t *gm = config_setting_get_member(th, "grid_m");
	if (gm) {
		int type = config_setting_type(gm);
		double v = type == CONFIG_TYPE_INT	? config_setting_get_int(gm)
			   : type == CONFIG_TYPE_FLOAT ? config_setting_get_float(gm)
						       : -1;
		if (!(v >= 50 && v <= 2000))
			fail(L, line_of(gm), "'grid_m' must be a number of metres from 50 to 2000");
		theme->grid_m = v;
	}

	const config_setting_t *mps = config_setting_get_member(th, "mps");
	if (!mps || !config_setting_is_list(mps) || config_setting_length(mps) == 0) {
		fail(L, line_of(mps ? mps : th),
		     "'mps' must be a list of ( { major = \"...\"; minor = [...]; } ... )");
		return;
	}
	for (int i = 0; i < config_setting_length(mps); i++) {
		const config_setting_t *g = config_setting_get_elem(mps, (unsigned)i);
		if (!config_setting_is_group(g)) {
			fail(L, line_of(g), "'mps' item %d must be a group { major = ...; }", i + 1);
			return;
		}
		char *major = get_string(L, g, "major", 1);
		size_t nminor = 0;
		char **minor = get_strings(L, g, "minor", &nminor);
		if (!major) {
			free(minor);
			return;
		}
		size_t add = nminor ? nminor : 1;
		theme->mps = xrealloc(theme->mps, (theme->nmps + add) * sizeof *theme->mps);
		for (size_t k = 0; k < add; k++) {
			theme->mps[theme->nmps].major = k == 0 ? major : xstrdup(major);
			theme->mps[theme->nmps].minor = nminor ? minor[k] : NULL;
			theme->nmps++;
		}
		free(minor);
	}
	theme->street_types = get_strings(L, th, "police_uk", &theme->nstreet);
	theme->dash_subtypes = get_strings(L, th, "dashboard", &theme->ndash);
	if (theme->ndash > 8)
		fail(L, line_of(config_setting_get_member(th, "dashboard")),
		     "'dashboard' takes at most 8 measures");
}

static void load_tiles(struct loader *L, const config_setting_t *g, struct jb_slide_spec *s)
{
	const config_setting_t *tl = config_setting_get_member(g, "tiles");
	if (!tl)
		return;
	if (!config_setting_is_list(tl)) {
		fail(L, line_of(tl), "'tiles' must be a list ( { label = ...; value = ...; }, ... )");
		return;
	}
	int n = config_setting_length(tl);
	s->tiles = xcalloc((size_t)n + 1, sizeof *s->tiles);
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *e = config_setting_get_elem(tl, (unsigned)i);
		if (!config_setting_is_group(e)) {
			fail(L, line_of(e), "tile %d must be a group { label = ...; value = ...; }", i + 1);
			return;
		}
		struct jb_tile_spec *t = &s->tiles[s->ntiles++];
		t->label = get_string(L, e, "label", 1);
		t->value = get_string(L, e, "value", 1);
		t->detail = get_string(L, e, "detail", 0);
	}
}

static void load_slides(struct loader *L, const config_setting_t *sl, struct jb_template *t)
{
	if (!sl || !config_setting_is_list(sl) || config_setting_length(sl) == 0) {
		fail(L, line_of(sl), "'slides' must be a non-empty list ( { kind = \"...\"; ... }, ... )");
		return;
	}
	int n = config_setting_length(sl);
	t->slides = xcalloc((size_t)n, sizeof *t->slides);
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *g = config_setting_get_elem(sl, (unsigned)i);
		if (!config_setting_is_group(g)) {
			fail(L, line_of(g), "slide %d must be a group { kind = \"...\"; ... }", i + 1);
			return;
		}
		struct jb_slide_spec *s = &t->slides[t->nslides++];
		s->line = line_of(g);
		const char *kind = NULL;
		if (config_setting_lookup_string(g, "kind", &kind) != CONFIG_TRUE) {
			fail(L, s->line, "slide %d has no 'kind'", i + 1);
			return;
		}
		int k = 0;
		while (k < JB_NSLIDE_KINDS && strcmp(jb_slide_kind_names[k], kind) != 0)
			k++;
		if (k == JB_NSLIDE_KINDS) {
			char known[512] = "";
			for (int j = 0; j < JB_NSLIDE_KINDS; j++) {
				strcat(known, j ? ", " : "");
				strcat(known, jb_slide_kind_names[j]);
			}
			fail(L, line_of(config_setting_get_member(g, "kind")),
			     "unknown slide kind '%s' (known: %s)", kind, known);
			return;
		}
		s->kind = (enum jb_slide_kind)k;
		s->outline = get_string(L, g, "outline", 0);
		if (!s->outline)
			s->outline = xstrdup(default_outline[k]);
		s->title = get_string(L, g, "title", 1);
		s->subtitle = get_string(L, g, "subtitle", 0);
		s->source = get_string(L, g, "source", 0);
		s->note = get_string(L, g, "note", 0);
		s->bullets = get_strings(L, g, "bullets", &s->nbullets);
		load_tiles(L, g, s);
	}
}

struct jb_template *jb_template_load(const char *path, char *err, size_t errlen)
{
	struct loader L = {path, err, errlen, 0};
	config_t cfg;
	config_init(&cfg);
	if (config_read_file(&cfg, path) != CONFIG_TRUE) {
		if (config_error_type(&cfg) == CONFIG_ERR_FILE_IO)
			snprintf(err, errlen, "%s: cannot read the template", path);
		else
			snprintf(err, errlen, "%s:%d: %s", path, config_error_line(&cfg),
				 config_error_text(&cfg));
		config_destroy(&cfg);
		return NULL;
	}
	struct jb_template *t = xcalloc(1, sizeof *t);
	t->path = xstrdup(path);
	const config_setting_t *th = config_lookup(&cfg, "theme");
	if (!th || !config_setting_is_group(th))
		fail(&L, 1, "no 'theme' group (theme = { id = ...; title = ...; mps = (...); };)");
	else
		load_theme(&L, th, t);
	if (!L.failed)
		load_slides(&L, config_lookup(&cfg, "slides"), t);
	config_destroy(&cfg);
	if (L.failed) {
		jb_template_free(t);
		return NULL;
	}
	return t;
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void jb_template_free(struct jb_template *t)
{
	if (!t)
		return;
	free(t->path);
	free(t->marking);
	free(t->author);
	free(t->theme.id);
	free(t->theme.title);
	for (size_t i = 0; i < t->theme.nmps; i++) {
		free(t->theme.mps[i].major);
		free(t->theme.mps[i].minor);
	}
	free(t->theme.mps);
	free_strings(t->theme.street_types, t->theme.nstreet);
	free_strings(t->theme.dash_subtypes, t->theme.ndash);
	for (size_t i = 0; i < t->nslides; i++) {
		struct jb_slide_spec *s = &t->slides[i];
		free(s->outline);
		free(s->title);
		free(s->subtitle);
		for (size_t k = 0; k < s->ntiles; k++) {
			free(s->tiles[k].label);
			free(s->tiles[k].value);
			free(s->tiles[k].detail);
		}
		free(s->tiles);
		free(s->source);
		free(s->note);
		free_strings(s->bullets, s->nbullets);
	}
	free(t->slides);
	free(t);
}
