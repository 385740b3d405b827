/* render/display/svg.c - slides and charts as SVG; see svg.h. */
#include "svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../../util/atomic.h"
#include "../../util/xalloc.h"
#include "font.h"
#include "png.h"

/* One file: items [first, end) of a page, seen through the box x, y, w, h. */
struct view {
	const struct dl_page *p;
	size_t page;   /* 0-based */
	size_t figure; /* 0: the whole page, else the K-th figure span */
	size_t first, end;
	double x, y, w, h;
	const char *alt;
};

static char *view_rel(const char *name, const struct view *v)
{
	return v->figure ? xasprintf("svg/%s/%02zu-%zu.svg", name, v->page + 1, v->figure)
			 : xasprintf("svg/%s/%02zu.svg", name, v->page + 1);
}

/* Calls fn for each page of d, then each of its figures; stops at the
 * first non-zero return and returns it. */
static int each_view(const struct dl_deck *d, int (*fn)(const struct view *v, void *ctx),
		     void *ctx)
{
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		struct view v = {p, i, 0, 0, p->nitems, 0, 0, DL_PAGE_W, DL_PAGE_H, NULL};
		int rc = fn(&v, ctx);
		size_t k = 0;
		for (size_t j = 0; rc == 0 && j < p->nspans; j++) {
			const struct dl_span *s = &p->spans[j];
			if (s->role != DL_SPAN_FIGURE || s->end > p->nitems || !(s->w > 0 && s->h > 0))
				continue;
			struct view f = {p, i, ++k, s->first, s->end, s->x, s->y, s->w, s->h, s->alt};
			rc = fn(&f, ctx);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* The slide's title: its title span's runs, a space between lines, else
 * its outline entry. Caller frees. */
static char *page_title(const struct dl_page *p)
{
	for (size_t j = 0; j < p->nspans; j++) {
		const struct dl_span *s = &p->spans[j];
		if (s->role != DL_SPAN_TITLE || s->end > p->nitems)
			continue;
		char *t = xstrdup("");
		for (size_t i = s->first; i < s->end; i++) {
			if (p->items[i].kind != DL_TEXT)
				continue;
			char *u = xasprintf("%s%s%s", t, *t ? " " : "", p->items[i].u.text.utf8);
			free(t);
			t = u;
		}
		if (*t)
			return t;
		free(t);
	}
	return xstrdup(p->outline);
}

/* ---- cairo's part: shapes and images ---- */

/* cairo names surfaces "surfaceN" from a counter of the whole process,
 * so the same slide would get other names after other decks: renumbered
 * here in order of first use. The word appears only in those names, as
 * cairo draws no text. */
static void renumber_surfaces(struct png_bytes *b) /* b terminated */
{
	static const char word[] = "surface";
	const size_t wl = sizeof word - 1;
	unsigned long seen[64];
	size_t nseen = 0;
	struct png_bytes out = {0};
	size_t i = 0;
	while (i < b->len) {
		const char *hit = strstr((const char *)b->data + i, word);
		size_t at = hit ? (size_t)(hit - (const char *)b->data) : b->len;
		size_t digits = at + wl;
		while (hit && digits < b->len && b->data[digits] >= '0' && b->data[digits] <= '9')
			digits++;
		if (!hit || digits == at + wl) { /* the word alone, or the end */
			size_t upto = hit ? at + wl : b->len;
			png_append(&out, b->data + i, (unsigned)(upto - i));
			i = upto;
			continue;
		}
		unsigned long n = strtoul((const char *)b->data + at + wl, NULL, 10);
		size_t k = 0;
		while (k < nseen && seen[k] != n)
			k++;
		if (k == nseen && nseen < sizeof seen / sizeof seen[0])
			seen[nseen++] = n;
		char name[32];
		int len = snprintf(name, sizeof name, "%s%zu", word, k + 1);
		png_append(&out, b->data + i, (unsigned)(at - i));
		png_append(&out, (const unsigned char *)name, (unsigned)len);
		i = digits;
	}
	free(b->data);
	*b = out;
}

/* b's bytes as a string (a NUL after them, not counted). */
static void terminate(struct png_bytes *b)
{
	png_append(b, (const unsigned char *)"", 1);
	b->len--;
}

/* The view's shapes as an SVG document, or NULL with err set. */
static xmlDocPtr shapes(const struct view *v, const char *path, char *err, size_t errlen)
{
	struct png_bytes b = {0};
	cairo_surface_t *surf = cairo_svg_surface_create_for_stream(png_append, &b, v->w, v->h);
	cairo_svg_surface_restrict_to_version(surf, CAIRO_SVG_VERSION_1_1);
	cairo_t *cr = cairo_create(surf);
	cairo_translate(cr, -v->x, -v->y);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	png_draw_items(cr, NULL, v->p, v->first, v->end);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	xmlDocPtr doc = NULL;
	terminate(&b);
	renumber_surfaces(&b);
	terminate(&b);
	if (st != CAIRO_STATUS_SUCCESS)
		snprintf(err, errlen, "%s: cairo: %s", path, cairo_status_to_string(st));
	else if (!(doc = xmlReadMemory((const char *)b.data, (int)b.len, path, NULL,
				       XML_PARSE_NONET)))
		snprintf(err, errlen, "%s: libxml2 could not read cairo's SVG", path);
	free(b.data);
	return doc;
}

/* ---- the text, as text ---- */

static void set_num(xmlNodePtr n, const char *name, double v)
{
	char s[32];
	snprintf(s, sizeof s, "%.2f", v);
	xmlSetProp(n, BAD_CAST name, BAD_CAST s);
}

static void add_text(xmlNodePtr g, const struct view *v, const struct dl_item *it)
{
	xmlNodePtr t = xmlNewChild(g, NULL, BAD_CAST "text", BAD_CAST NULL);
	xmlNodeAddContent(t, BAD_CAST it->u.text.utf8); /* escaped as text */
	set_num(t, "x", it->u.text.x - v->x);
	set_num(t, "y", it->u.text.y - v->y);
	set_num(t, "font-size", it->u.text.size);
	const char *family = font_ft_face(it->u.text.font)->family_name;
	xmlSetProp(t, BAD_CAST "font-family", BAD_CAST(family ? family : "DejaVu Sans"));
	if (it->u.text.font == DL_BOLD)
		xmlSetProp(t, BAD_CAST "font-weight", BAD_CAST "bold");
	char fill[8];
	snprintf(fill, sizeof fill, "#%02X%02X%02X", it->u.text.color.r, it->u.text.color.g,
		 it->u.text.color.b);
	xmlSetProp(t, BAD_CAST "fill", BAD_CAST fill);
	if (it->u.text.color.a < 255)
		set_num(t, "fill-opacity", it->u.text.color.a / 255.0);
	xmlNodeSetSpacePreserve(t, 1);
}

/* <title> (and <desc>) first in the root, the text runs last. */
static void add_words(xmlDocPtr doc, const struct view *v)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *title = page_title(v->p);
	xmlNodePtr t = xmlNewDocNode(doc, root->ns, BAD_CAST "title", NULL);
	xmlNodeAddContent(t, BAD_CAST title);
	free(title);
	if (root->children)
		xmlAddPrevSibling(root->children, t);
	else
		xmlAddChild(root, t);
	if (v->alt) {
		xmlNodePtr desc = xmlNewDocNode(doc, root->ns, BAD_CAST "desc", NULL);
		xmlNodeAddContent(desc, BAD_CAST v->alt);
		xmlAddNextSibling(t, desc);
	}
	xmlNodePtr g = xmlNewChild(root, root->ns, BAD_CAST "g", NULL);
	xmlSetProp(g, BAD_CAST "id", BAD_CAST "text");
	for (size_t i = v->first; i < v->end; i++) {
		const struct dl_item *it = &v->p->items[i];
		if (it->kind == DL_TEXT && dl_item_drawable(it, SIZE_MAX))
			add_text(g, v, it);
	}
}

/* ---- files ---- */

struct writing {
	const char *outdir, *name;
	char *err;
	size_t errlen;
};

static void body(FILE *f, const void *ctx)
{
	xmlDocPtr doc = (xmlDocPtr)ctx;
	xmlDocFormatDump(f, doc, 0);
}

static int write_view(const struct view *v, void *ctx)
{
	struct writing *w = ctx;
	char *rel = view_rel(w->name, v);
	char *path = xasprintf("%s/%s", w->outdir, rel);
	int rc = -1;
	xmlDocPtr doc = shapes(v, path, w->err, w->errlen);
	if (doc) {
		add_words(doc, v);
		rc = atomic_write_with(path, body, doc, w->err, w->errlen);
		xmlFreeDoc(doc);
	}
	free(path);
	free(rel);
	return rc;
}

int svg_write_deck(const struct dl_deck *d, const char *outdir, const char *name, char *err,
		   size_t errlen)
{
	if (!font_ft_face(DL_REGULAR) || !font_ft_face(DL_BOLD)) {
		snprintf(err, errlen, "%s/svg/%s: fonts not loaded (font_init() not called)", outdir,
			 name);
		return -1;
	}
	char *dir = xasprintf("%s/svg/%s", outdir, name);
	int rc = make_dirs(dir);
	if (rc != 0)
		atomic_error(err, errlen, dir);
	free(dir);
	struct writing w = {outdir, name, err, errlen};
	return rc == 0 ? each_view(d, write_view, &w) : -1;
}

struct listing {
	const char *name;
	void (*add)(void *ctx, const char *rel);
	void *ctx;
};

static int list_view(const struct view *v, void *ctx)
{
	const struct listing *l = ctx;
	char *rel = view_rel(l->name, v);
	l->add(l->ctx, rel);
	free(rel);
	return 0;
}

void svg_deck_files(const struct dl_deck *d, const char *name,
		    void (*add)(void *ctx, const char *rel), void *ctx)
{
	struct listing l = {name, add, ctx};
	each_view(d, list_view, &l);
}

int svg_is_file_name(const char *name)
{
	size_t d = strspn(name, "0123456789");
	if (d == 0)
		return 0;
	if (name[d] == '-') {
		size_t k = strspn(name + d + 1, "0123456789");
		if (k == 0)
			return 0;
		d += 1 + k;
	}
	return strcmp(name + d, ".svg") == 0;
}
