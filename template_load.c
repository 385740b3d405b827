/* template_load.c - load and validate a deck template (libconfig). */
#include "template_load.h"

#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/dataset.h"
#include "util/paths.h"
#include "util/xalloc.h"
#include "render/slides/fill.h"
#include "render/slides/kinds.h"
#include "template_text.h"

char *jb_template_find(const char *name, char *err, size_t errlen)
{
	/* a path is used as it is given: never NAME.conf.conf */
	if (strchr(name, '/') || strstr(name, ".conf")) {
		if (access(name, R_OK) == 0)
			return xstrdup(name);
		snprintf(err, errlen, "theme file %s: %s", name, strerror(errno));
		return NULL;
	}
	struct jb_dirs dirs;
	jb_template_dirs(&dirs);
	char *found = NULL;
	int w = snprintf(err, errlen, "theme '%s' not found (looked for %s.conf in", name, name);
	for (size_t i = 0; i < dirs.n; i++) {
		char *path = xasprintf("%s/%s.conf", dirs.v[i], name);
		if (!found && access(path, R_OK) == 0)
			found = path;
		else
			free(path);
		if (w >= 0 && (size_t)w < errlen)
			w += snprintf(err + w, errlen - (size_t)w, "%s %s/", i ? "," : "", dirs.v[i]);
	}
	if (w >= 0 && (size_t)w < errlen)
		snprintf(err + w, errlen - (size_t)w, ")");
	jb_dirs_free(&dirs);
	return found;
}

struct loader {
	const struct tpl_text *tt; /* the text libconfig read: lines map to files */
	char *err;
	size_t errlen;
	int failed;
};

static void fail(struct loader *L, const config_setting_t *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The first error, as FILE:LINE: problem. FILE is the file the setting was
 * read from, with its folder (a template may @include another); without a
 * setting, the template itself at line 1. */
static void fail(struct loader *L, const config_setting_t *where, const char *fmt, ...)
{
	if (L->failed)
		return;
	L->failed = 1;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int line = 1;
	const char *file = where ? tpl_text_where(L->tt, (int)config_setting_source_line(where),
						  &line)
				 : L->tt->files[0];
	snprintf(L->err, L->errlen, "%s:%d: %s", file, line, msg);
}

static int line_of(const struct loader *L, const config_setting_t *s)
{
	int line = 0;
	if (s)
		tpl_text_where(L->tt, (int)config_setting_source_line(s), &line);
	return line;
}

/* A template text's placeholders, checked: 0, or -1 after fail(). An
 * unclosed brace is placed by its column on the setting's line when the
 * text is found there, else by its place in the text. */
static int check_placeholders(struct loader *L, const config_setting_t *s, const char *name,
			      const char *v)
{
	char bad[64];
	size_t at = 0;
	int rc = fill_check(v, bad, sizeof bad, &at);
	if (rc == FILL_UNKNOWN)
		fail(L, s, "'%s': unknown placeholder {%s} (see README, \"Template placeholders\")",
		     name, bad);
	if (rc != FILL_UNCLOSED)
		return rc;
	size_t len = 0;
	const char *src = tpl_text_line(L->tt, (int)config_setting_source_line(s), &len);
	size_t frag = strlen(v + at) < 12 ? strlen(v + at) : 12;
	const char *hit = NULL;
	for (size_t i = 0; src && !hit && i + frag <= len; i++)
		if (memcmp(src + i, v + at, frag) == 0)
			hit = src + i;
	if (hit)
		fail(L, s, "'%s': the brace at column %zu is not closed: '%s'", name,
		     (size_t)(hit - src) + 1, bad);
	else
		fail(L, s, "'%s': the brace at character %zu of the text is not closed: '%s'",
		     name, at + 1, bad);
	return rc;
}

/* A string member: copied, or NULL when absent. Present but not a string
 * is an error. Placeholders are checked here. */
static char *get_string(struct loader *L, const config_setting_t *parent, const char *name,
			int required)
{
	const config_setting_t *s = config_setting_get_member(parent, name);
	if (!s) {
		if (required)
			fail(L, parent, "'%s' is missing", name);
		return NULL;
	}
	const char *v = config_setting_get_string(s);
	if (!v) {
		fail(L, s, "'%s' must be a string in double quotes", name);
		return NULL;
	}
	if (check_placeholders(L, s, name, v) != 0)
		return NULL;
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
		fail(L, s, "'%s' must be a list of strings, e.g. [\"a\", \"b\"]", name);
		return NULL;
	}
	int len = config_setting_length(s);
	char **v = xcalloc((size_t)len + 1, sizeof *v);
	for (int i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *str = e ? config_setting_get_string(e) : NULL;
		if (!str) {
			fail(L, s, "'%s': item %d is not a string", name, i + 1);
			break;
		}
		if (check_placeholders(L, e, name, str) != 0)
			break;
		v[(*n)++] = xstrdup(str);
	}
	return v;
}

/* when_missing = "omit" (the default) or "show". */
static void load_when_missing(struct loader *L, const config_setting_t *g, struct jb_slide_spec *s)
{
	const char *w = NULL;
	const config_setting_t *m = config_setting_get_member(g, "when_missing");
	if (!m)
		return;
	w = config_setting_get_string(m);
	if (!w || (strcmp(w, "omit") != 0 && strcmp(w, "show") != 0))
		fail(L, m, "'when_missing' must be \"omit\" or \"show\"");
	else
		s->show_missing = strcmp(w, "show") == 0;
}

/* image = "file" is an image slide's, and it needs it and its alt text
 * (a picture without words reaches no one who cannot see it). */
static void load_image_fields(struct loader *L, const config_setting_t *g,
			      struct jb_slide_spec *s)
{
	int is_image = s->kind->flags & KIND_IMAGE;
	if (!is_image && s->image)
		fail(L, config_setting_get_member(g, "image"),
		     "'image' belongs to a slide of kind \"image\"");
	else if (is_image && (!s->image || !*s->image))
		fail(L, g, "an image slide needs 'image = \"file.png\";' (a PNG or JPEG in the "
		     "data directory)");
	else if (is_image && !s->alt)
		fail(L, g, "an image slide needs 'alt = \"...\";', what the picture shows for "
		     "those who cannot see it");
}

/* boroughs = [ "Hackney", "E09000030", ... ]: names or GSS codes. */
static void load_boroughs(struct loader *L, const config_setting_t *g, struct jb_slide_spec *s)
{
	const config_setting_t *m = config_setting_get_member(g, "boroughs");
	if (!m)
		return;
	int n = config_setting_is_array(m) ? config_setting_length(m) : 0;
	if (n == 0)
		fail(L, m, "'boroughs' must be a list of borough names, e.g. [\"Hackney\"]");
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *e = config_setting_get_elem(m, (unsigned)i);
		const char *name = config_setting_get_string(e);
		int b = name ? jb_borough_lookup(name) : -1;
		if (b < 0)
			fail(L, e, "'boroughs': '%s' is not one of the 32 boroughs",
			     name ? name : "(not a string)");
		else
			s->only_boroughs |= 1ull << b;
	}
}

int jb_theme_add_comparator(struct jb_theme *th, const char *name, char *err, size_t errlen)
{
	int b = jb_borough_lookup(name);
	if (b < 0) {
		snprintf(err, errlen, "'%s' is not one of the 32 boroughs", name);
		return -1;
	}
	for (int k = 0; k < th->ncompare; k++)
		if (th->compare[k] == b)
			return 0; /* named twice: once is enough */
	if (th->ncompare >= JB_MAX_COMPARATORS) {
		snprintf(err, errlen, "more than %d boroughs to compare with", JB_MAX_COMPARATORS);
		return -1;
	}
	th->compare[th->ncompare++] = b;
	return 0;
}

int jb_theme_compare_list(struct jb_theme *th, const char *list, char *err, size_t errlen)
{
	th->ncompare = 0;
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;
	for (char *s = strtok_r(copy, ",", &save); s && rc == 0; s = strtok_r(NULL, ",", &save)) {
		while (*s == ' ' || *s == '\t')
			s++;
		size_t n = strlen(s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			s[--n] = '\0';
		if (n)
			rc = jb_theme_add_comparator(th, s, err, errlen);
	}
	if (rc == 0 && th->ncompare == 0) {
		snprintf(err, errlen, "no borough named in '%s'", list);
		rc = -1;
	}
	free(copy);
	return rc;
}

/* compare = [ "Camden", "Islington" ]; compare_instead = true; */
static void load_compare(struct loader *L, const config_setting_t *th, struct jb_theme *theme)
{
	const config_setting_t *m = config_setting_get_member(th, "compare");
	int n = m && config_setting_is_array(m) ? config_setting_length(m) : 0;
	if (m && n == 0)
		fail(L, m, "'compare' must be a list of borough names, e.g. [\"Camden\"]");
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *e = config_setting_get_elem(m, (unsigned)i);
		const char *name = config_setting_get_string(e);
		char why[128];
		if (jb_theme_add_comparator(theme, name ? name : "(not a string)", why, sizeof why))
			fail(L, e, "'compare': %s", why);
	}
	const config_setting_t *ins = config_setting_get_member(th, "compare_instead");
	if (ins && config_setting_type(ins) != CONFIG_TYPE_BOOL)
		fail(L, ins, "'compare_instead' must be true or false");
	else if (ins)
		theme->compare_instead = config_setting_get_bool(ins);
}

/* The theme's headline slide follows the key findings, else the key
 * figures, else stays where it is. */
static void move_headline(struct jb_template *t)
{
	const struct slide_kind *findings = slide_kind_by_name("key-findings"),
				*figures = slide_kind_by_name("key-figures");
	int from = -1, after = -1;
	for (size_t i = 0; i < t->nslides; i++) {
		const struct slide_kind *k = t->slides[i].kind;
		if (k == t->headline && from < 0)
			from = (int)i;
		if (k == findings || (k == figures && after < 0))
			after = (int)i;
	}
	if (from < 0 || after < 0 || from == after + 1)
		return;
	struct jb_slide_spec s = t->slides[from];
	int to = from > after ? after + 1 : after;
	if (from > to)
		memmove(&t->slides[to + 1], &t->slides[to], (size_t)(from - to) * sizeof s);
	else
		memmove(&t->slides[from], &t->slides[from + 1], (size_t)(to - from) * sizeof s);
	t->slides[to] = s;
}

/* One wording: a string, or { when = "rule" | ["rule", ...]; text = "..."; }. */
static int add_wording(struct loader *L, const config_setting_t *e, const char *name,
		       struct jb_text *t)
{
	struct jb_wording w = {NULL, 0};
	const char *str = config_setting_get_string(e);
	const config_setting_t *te = e;
	if (config_setting_is_group(e)) {
		te = config_setting_get_member(e, "text");
		str = te ? config_setting_get_string(te) : NULL;
		const config_setting_t *when = config_setting_get_member(e, "when");
		int nw = when && config_setting_is_aggregate(when) ? config_setting_length(when)
								   : when ? 1 : 0;
		for (int i = 0; i < nw; i++) {
			const config_setting_t *r =
				config_setting_is_aggregate(when)
					? config_setting_get_elem(when, (unsigned)i)
					: when;
			const char *rule = config_setting_get_string(r);
			int k = rule ? jb_rule_by_name(rule) : -1;
			if (k < 0) {
				fail(L, r, "'%s': unknown rule '%s' in 'when' (the key-findings rules, "
				     "README \"Templates\")", name, rule ? rule : "(not a string)");
				return -1;
			}
			w.when |= 1ul << k;
		}
	}
	if (!str) {
		fail(L, e, "'%s': each wording is a string, or { when = \"rule\"; text = \"...\"; }",
		     name);
		return -1;
	}
	if (check_placeholders(L, te, name, str) != 0)
		return -1;
	w.text = xstrdup(str);
	t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
	t->v[t->n++] = w;
	return 0;
}

/* A text from setting s: a string, or a list of wordings tried in order. */
static struct jb_text *text_of(struct loader *L, const config_setting_t *s, const char *name)
{
	struct jb_text *t = xcalloc(1, sizeof *t);
	if (config_setting_is_aggregate(s)) {
		for (int i = 0; i < config_setting_length(s); i++)
			if (add_wording(L, config_setting_get_elem(s, (unsigned)i), name, t) != 0)
				break;
		if (!L->failed && !t->n)
			fail(L, s, "'%s' has no wording", name);
	} else {
		add_wording(L, s, name, t);
	}
	if (L->failed) {
		jb_text_free(t);
		return NULL;
	}
	return t;
}

static struct jb_text *get_text(struct loader *L, const config_setting_t *parent,
				const char *name, int required)
{
	const config_setting_t *s = config_setting_get_member(parent, name);
	if (!s) {
		if (required)
			fail(L, parent, "'%s' is missing", name);
		return NULL;
	}
	return text_of(L, s, name);
}

/* A list of texts ("bullets"): each item a string or a list of wordings. */
static struct jb_text **get_texts(struct loader *L, const config_setting_t *parent,
				  const char *name, size_t *n)
{
	*n = 0;
	const config_setting_t *s = config_setting_get_member(parent, name);
	if (!s)
		return NULL;
	if (!config_setting_is_aggregate(s)) {
		fail(L, s, "'%s' must be a list of texts, e.g. [\"a\", \"b\"]", name);
		return NULL;
	}
	int len = config_setting_length(s);
	struct jb_text **v = xcalloc((size_t)len + 1, sizeof *v);
	for (int i = 0; i < len && !L->failed; i++) {
		struct jb_text *t = text_of(L, config_setting_get_elem(s, (unsigned)i), name);
		if (t)
			v[(*n)++] = t;
	}
	return v;
}

static void load_theme(struct loader *L, const config_setting_t *th, struct jb_template *t)
{
	struct jb_theme *theme = &t->theme;
	theme->id = get_string(L, th, "id", 1);
	theme->title = get_string(L, th, "title", 1);
	theme->note = get_string(L, th, "note", 0);
	t->marking = get_string(L, th, "marking", 0);
	if (!t->marking)
		t->marking = xstrdup("OFFICIAL-SENSITIVE");
	t->author = get_string(L, th, "author", 0);
	t->logo = get_string(L, th, "logo", 0);
	if (!t->author)
		t->author = xstrdup("jembrief");
	int months = 36;
	if (config_setting_lookup_int(th, "trend_months", &months) == CONFIG_TRUE &&
	    (months < 12 || months > 240))
		fail(L, config_setting_get_member(th, "trend_months"),
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
			fail(L, gm, "'grid_m' must be a number of metres from 50 to 2000");
		theme->grid_m = v;
	}

	const config_setting_t *mps = config_setting_get_member(th, "mps");
	if (!mps || !config_setting_is_list(mps) || config_setting_length(mps) == 0) {
		fail(L, mps ? mps : th,
		     "'mps' must be a list of ( { major = \"...\"; minor = [...]; } ... )");
		return;
	}
	for (int i = 0; i < config_setting_length(mps); i++) {
		const config_setting_t *g = config_setting_get_elem(mps, (unsigned)i);
		if (!config_setting_is_group(g)) {
			fail(L, g, "'mps' item %d must be a group { major = ...; }", i + 1);
			return;
		}
		char *major = get_string(L, g, "major", 1);
		size_t nminor = 0;
		char **minor = get_strings(L, g, "minor", &nminor);
		if (!major) {
			for (size_t k = 0; k < nminor; k++)
				free(minor[k]);
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
	int hom = 0;
	if (config_setting_lookup_bool(th, "homicide", &hom) != CONFIG_TRUE &&
	    config_setting_get_member(th, "homicide"))
		fail(L, config_setting_get_member(th, "homicide"),
		     "'homicide' must be true or false");
	theme->homicide = hom;
	load_compare(L, th, theme);
	t->headline = NULL;
	const char *headline = NULL;
	if (config_setting_lookup_string(th, "headline", &headline) == CONFIG_TRUE) {
		t->headline = slide_kind_by_name(headline);
		if (!t->headline)
			fail(L, config_setting_get_member(th, "headline"),
			     "'headline': unknown slide kind '%s'", headline);
	}
	theme->street_types = get_strings(L, th, "police_uk", &theme->nstreet);
	theme->dash_subtypes = get_strings(L, th, "dashboard", &theme->ndash);
	if (theme->ndash > JB_TEMPLATE_MAX_DASH)
		fail(L, config_setting_get_member(th, "dashboard"),
		     "'dashboard' takes at most %zu measures", JB_TEMPLATE_MAX_DASH);
}

static void load_tiles(struct loader *L, const config_setting_t *g, struct jb_slide_spec *s)
{
	const config_setting_t *tl = config_setting_get_member(g, "tiles");
	if (!tl)
		return;
	if (!config_setting_is_list(tl)) {
		fail(L, tl, "'tiles' must be a list ( { label = ...; value = ...; }, ... )");
		return;
	}
	int n = config_setting_length(tl);
	s->tiles = xcalloc((size_t)n + 1, sizeof *s->tiles);
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *e = config_setting_get_elem(tl, (unsigned)i);
		if (!config_setting_is_group(e)) {
			fail(L, e, "tile %d must be a group { label = ...; value = ...; }", i + 1);
			return;
		}
		struct jb_tile_spec *t = &s->tiles[s->ntiles++];
		t->label = get_text(L, e, "label", 1);
		t->value = get_text(L, e, "value", 1);
		t->detail = get_text(L, e, "detail", 0);
	}
}

/* key-findings: findings = ( { rule = "change-significant"; text = "..."; }, ... ) */
static void load_rules(struct loader *L, const config_setting_t *g, struct jb_slide_spec *s)
{
	s->max_items = 6;
	int max;
	if (config_setting_lookup_int(g, "max", &max) == CONFIG_TRUE) {
		if (max < 1 || max > JB_MAX_KEY)
			fail(L, config_setting_get_member(g, "max"),
			     "'max' must be between 1 and %d", JB_MAX_KEY);
		s->max_items = max;
	}
	const config_setting_t *fl = config_setting_get_member(g, "findings");
	if (!fl) {
		if (s->kind->flags & KIND_NEEDS_RULES)
			fail(L, g, "a key-findings slide needs 'findings = ( { rule = ...; text = ...; } )'");
		return;
	}
	for (int i = 0; i < config_setting_length(fl) && !L->failed; i++) {
		const config_setting_t *e = config_setting_get_elem(fl, (unsigned)i);
		const char *rule = NULL;
		if (!config_setting_is_group(e) ||
		    config_setting_lookup_string(e, "rule", &rule) != CONFIG_TRUE) {
			fail(L, e, "finding %d must be { rule = \"...\"; text = \"...\"; }", i + 1);
			return;
		}
		int r = jb_rule_by_name(rule);
		if (r < 0) {
			char known[1024] = "";
			for (int k = 0; k < JB_NRULES; k++) {
				strcat(known, k ? ", " : "");
				strcat(known, jb_rule_names[k]);
			}
			fail(L, config_setting_get_member(e, "rule"),
			     "unknown rule '%s' (known: %s)", rule, known);
			return;
		}
		jb_text_free(s->rule_text[r]);
		s->rule_text[r] = get_text(L, e, "text", 1);
	}
}

static void load_slides(struct loader *L, const config_setting_t *sl, const char *what,
			struct jb_slide_spec **slides, size_t *nslides)
{
	if (!sl || !config_setting_is_list(sl) || config_setting_length(sl) == 0) {
		fail(L, sl, "'%s' must be a non-empty list ( { kind = \"...\"; ... }, ... )",
		     what);
		return;
	}
	int n = config_setting_length(sl);
	if (n > JB_TEMPLATE_MAX_SLIDES) {
		fail(L, sl, "'%s' has %d slides, more than the %d a deck may have", what, n,
		     JB_TEMPLATE_MAX_SLIDES);
		return;
	}
	*slides = xcalloc((size_t)n, sizeof **slides);
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *g = config_setting_get_elem(sl, (unsigned)i);
		if (!config_setting_is_group(g)) {
			fail(L, g, "slide %d must be a group { kind = \"...\"; ... }", i + 1);
			return;
		}
		struct jb_slide_spec *s = &(*slides)[(*nslides)++];
		s->line = line_of(L, g);
		const char *kind = NULL;
		if (config_setting_lookup_string(g, "kind", &kind) != CONFIG_TRUE) {
			fail(L, g, "slide %d has no 'kind'", i + 1);
			return;
		}
		s->kind = slide_kind_by_name(kind);
		if (!s->kind) {
			char known[1024] = "";
			for (size_t j = 0; j < slide_nkinds; j++) {
				strcat(known, j ? ", " : "");
				strcat(known, slide_kinds[j].name);
			}
			fail(L, config_setting_get_member(g, "kind"),
			     "unknown slide kind '%s' (known: %s)", kind, known);
			return;
		}
		s->outline = get_string(L, g, "outline", 0);
		if (!s->outline)
			s->outline = xstrdup(s->kind->outline);
		s->title = get_text(L, g, "title", 1);
		s->subtitle = get_text(L, g, "subtitle", 0);
		s->source = get_text(L, g, "source", 0);
		s->note = get_text(L, g, "note", 0);
		s->alt = get_text(L, g, "alt", 0);
		s->bullets = get_texts(L, g, "bullets", &s->nbullets);
		s->paragraphs = get_texts(L, g, "paragraphs", &s->nparagraphs);
		s->image = get_string(L, g, "image", 0);
		s->caption = get_text(L, g, "caption", 0);
		load_image_fields(L, g, s);
		load_tiles(L, g, s);
		load_rules(L, g, s);
		load_when_missing(L, g, s);
		load_boroughs(L, g, s);
	}
}

/* labels = ( { raw = "Knife Injury Victims (1-24)"; plain = "Knife-injury
 * victims aged 1-24"; }, ... ): each raw label once. */
static void load_labels(struct loader *L, const config_setting_t *ls, struct jb_labels *out)
{
	if (!ls)
		return;
	if (!config_setting_is_list(ls) && !config_setting_is_array(ls)) {
		fail(L, ls, "'labels' must be a list of groups, ( { raw = \"...\"; plain = \"...\"; }, ... )");
		return;
	}
	int n = config_setting_length(ls);
	out->v = xcalloc((size_t)n + 1, sizeof *out->v);
	for (int i = 0; i < n && !L->failed; i++) {
		const config_setting_t *g = config_setting_get_elem(ls, (unsigned)i);
		if (!config_setting_is_group(g)) {
			fail(L, g, "'labels': item %d is not a group { raw = \"...\"; plain = \"...\"; }",
			     i + 1);
			break;
		}
		char *raw = get_string(L, g, "raw", 1), *plain = get_string(L, g, "plain", 1);
		for (size_t k = 0; raw && k < out->n; k++)
			if (strcmp(out->v[k].raw, raw) == 0)
				fail(L, g, "'labels': '%s' is given a plain name twice", raw);
		if (L->failed || !raw || !plain || !*plain) {
			if (!L->failed)
				fail(L, g, "'labels': item %d needs a raw label and a plain name", i + 1);
			free(raw);
			free(plain);
			break;
		}
		out->v[out->n++] = (struct jb_label){raw, plain};
	}
}

struct jb_template *jb_template_load(const char *path, char *err, size_t errlen)
{
	struct tpl_text tt;
	if (tpl_text_read(&tt, path, err, errlen) != 0) {
		tpl_text_free(&tt);
		return NULL;
	}
	struct loader L = {&tt, err, errlen, 0};
	config_t cfg;
	config_init(&cfg);
	if (config_read_string(&cfg, tt.text) != CONFIG_TRUE) {
		int line, n = config_error_line(&cfg);
		const char *file = tpl_text_where(&tt, n, &line);
		char *from = tpl_text_included_from(&tt, n);
		snprintf(err, errlen, "%s:%d: %s%s", file, line, config_error_text(&cfg), from);
		free(from);
		config_destroy(&cfg);
		tpl_text_free(&tt);
		return NULL;
	}
	struct jb_template *t = xcalloc(1, sizeof *t);
	t->path = xstrdup(path);
	const config_setting_t *th = config_lookup(&cfg, "theme");
	if (!th || !config_setting_is_group(th))
		fail(&L, NULL, "no 'theme' group (theme = { id = ...; title = ...; mps = (...); };)");
	else
		load_theme(&L, th, t);
	if (!L.failed)
		load_labels(&L, config_lookup(&cfg, "labels"), &t->labels);
	if (!L.failed)
		load_slides(&L, config_lookup(&cfg, "slides"), "slides", &t->slides, &t->nslides);
	if (!L.failed && config_lookup(&cfg, "overview"))
		load_slides(&L, config_lookup(&cfg, "overview"), "overview", &t->overview,
			    &t->noverview);
	config_destroy(&cfg);
	/* the files read, for the run manifest */
	t->files = tt.files;
	t->nfiles = tt.nfiles;
	tt.files = NULL;
	tt.nfiles = 0;
	tpl_text_free(&tt);
	if (!L.failed)
		move_headline(t);
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

static void free_specs(struct jb_slide_spec *specs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct jb_slide_spec *s = &specs[i];
		free(s->outline);
		jb_text_free(s->title);
		jb_text_free(s->subtitle);
		for (size_t k = 0; k < s->ntiles; k++) {
			jb_text_free(s->tiles[k].label);
			jb_text_free(s->tiles[k].value);
			jb_text_free(s->tiles[k].detail);
		}
		free(s->tiles);
		for (int r = 0; r < JB_NRULES; r++)
			jb_text_free(s->rule_text[r]);
		jb_text_free(s->source);
		jb_text_free(s->note);
		jb_text_free(s->alt);
		for (size_t k = 0; k < s->nbullets; k++)
			jb_text_free(s->bullets[k]);
		free(s->bullets);
		for (size_t k = 0; k < s->nparagraphs; k++)
			jb_text_free(s->paragraphs[k]);
		free(s->paragraphs);
		free(s->image);
		jb_text_free(s->caption);
		jb_image_free(&s->pixels);
		free(s->image_problem);
	}
	free(specs);
}

void jb_template_free(struct jb_template *t)
{
	if (!t)
		return;
	free(t->path);
	free(t->marking);
	free(t->author);
	free(t->logo);
	jb_image_free(&t->logo_pixels);
	free(t->logo_problem);
	free(t->theme.id);
	free(t->theme.title);
	free(t->theme.note);
	for (size_t i = 0; i < t->theme.nmps; i++) {
		free(t->theme.mps[i].major);
		free(t->theme.mps[i].minor);
	}
	free(t->theme.mps);
	free_strings(t->theme.street_types, t->theme.nstreet);
	free_strings(t->theme.dash_subtypes, t->theme.ndash);
	free_specs(t->slides, t->nslides);
	free_specs(t->overview, t->noverview);
	for (size_t i = 0; i < t->labels.n; i++) {
		free(t->labels.v[i].raw);
		free(t->labels.v[i].plain);
	}
	free(t->labels.v);
	free_strings(t->files, t->nfiles);
	free(t);
}


/* One picture: read into *img, or why not into *problem. */
static void read_picture(const char *datadir, const char *file, struct jb_image *img,
			 char **problem)
{
	char why[256];
	char *path = xasprintf("%s/%s", datadir, file);
	if (jb_image_read(path, img, why, sizeof why) != 0)
		*problem = xasprintf("readable picture %s: %s", file, why);
	free(path);
}

void jb_template_read_images(struct jb_template *t, const char *datadir)
{
	if (t->logo)
		read_picture(datadir, t->logo, &t->logo_pixels, &t->logo_problem);
	for (size_t i = 0; i < t->nslides; i++)
		if (t->slides[i].image)
			read_picture(datadir, t->slides[i].image, &t->slides[i].pixels,
				     &t->slides[i].image_problem);
	for (size_t i = 0; i < t->noverview; i++)
		if (t->overview[i].image)
			read_picture(datadir, t->overview[i].image, &t->overview[i].pixels,
				     &t->overview[i].image_problem);
}
