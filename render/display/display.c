/* render/display/display.c - building, dumping and checking the display list; see
 * display.h. */
#include "display.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "../../util/xalloc.h"
#include "font.h"

struct dl_deck *dl_deck_new(void)
{
	struct dl_deck *d = xcalloc(1, sizeof *d);
	d->creator = xstrdup("jembrief");
	return d;
}

static void item_free(struct dl_item *it)
{
	switch (it->kind) {
	case DL_PATH:
		free(it->u.path.ops);
		free(it->u.path.xy);
		break;
	case DL_TEXT:
		free(it->u.text.utf8);
		break;
	case DL_IMAGE:
		free(it->u.image.rgb);
		break;
	case DL_LINK:
		break;
	}
}

static void page_free(struct dl_page *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nitems; i++)
		item_free(&p->items[i]);
	free(p->items);
	for (size_t i = 0; i < p->nspans; i++)
		free(p->spans[i].alt);
	free(p->spans);
	free(p->notes);
	free(p->outline);
	for (size_t i = 0; i < p->ntags; i++)
		free(p->tags[i].alt);
	free(p->tags);
	free(p);
}

void dl_deck_free(struct dl_deck *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->npages; i++)
		page_free(d->pages[i]);
	free(d->pages);
	free(d->title);
	free(d->author);
	free(d->subject);
	free(d->keywords);
	free(d->creator);
	free(d);
}

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? xstrdup(s) : NULL;
}

void dl_deck_meta(struct dl_deck *d, const char *title, const char *author,
		  const char *subject, const char *keywords, long long epoch)
{
	set_str(&d->title, title);
	set_str(&d->author, author);
	set_str(&d->subject, subject);
	set_str(&d->keywords, keywords);
	d->epoch = epoch;
}

struct dl_page *dl_page_add(struct dl_deck *d, const char *outline)
{
	struct dl_page *p = xcalloc(1, sizeof *p);
	p->outline = xstrdup(outline ? outline : "");
	p->open = -1;
	d->pages = xgrow(d->pages, &d->cappages, d->npages + 1, sizeof *d->pages);
	d->pages[d->npages++] = p;
	return p;
}

/* A new zeroed item at the end of the page; keeps p->cur pointing at the
 * same path when the array moves. */
static struct dl_item *item_add(struct dl_page *p, enum dl_kind kind)
{
	size_t cur = p->cur ? (size_t)(p->cur - p->items) : 0;
	p->items = xgrow(p->items, &p->capitems, p->nitems + 1, sizeof *p->items);
	if (p->cur)
		p->cur = p->items + cur;
	struct dl_item *it = &p->items[p->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

/* ---- paths ---- */

void dl_path_begin(struct dl_page *p)
{
	if (p->cur)
		p->misuse++; /* the open path stays unended, unpainted */
	p->cur = item_add(p, DL_PATH);
}

static void path_op(struct dl_page *p, enum dl_op op, double x, double y)
{
	if (!p->cur) {
		p->misuse++;
		return;
	}
	struct dl_item *it = p->cur;
	if (op == DL_LINE && it->u.path.nops == 0) {
		p->misuse++; /* a line from nowhere starts the subpath instead */
		op = DL_MOVE;
	}
	if (op == DL_CLOSE && it->u.path.npts == 0) {
		p->misuse++;
		return;
	}
	/* ops and xy grow together: npts <= nops <= capops. */
	if (it->u.path.nops == it->u.path.capops) {
		size_t cap = it->u.path.capops ? 2 * it->u.path.capops : 16;
		it->u.path.ops = xrealloc(it->u.path.ops, cap);
		it->u.path.xy = xrealloc(it->u.path.xy, cap * 2 * sizeof(double));
		it->u.path.capops = cap;
	}
	it->u.path.ops[it->u.path.nops++] = (unsigned char)op;
	if (op != DL_CLOSE) {
		it->u.path.xy[2 * it->u.path.npts] = x;
		it->u.path.xy[2 * it->u.path.npts + 1] = y;
		it->u.path.npts++;
	}
}

void dl_move(struct dl_page *p, double x, double y)
{
	path_op(p, DL_MOVE, x, y);
}

void dl_line(struct dl_page *p, double x, double y)
{
	path_op(p, DL_LINE, x, y);
}

void dl_close(struct dl_page *p)
{
	path_op(p, DL_CLOSE, 0, 0);
}

void dl_path_end(struct dl_page *p, struct dl_style style)
{
	if (!p->cur) {
		p->misuse++;
		return;
	}
	struct dl_item *it = p->cur;
	p->cur = NULL;
	if (it->u.path.nops == 0 && it == &p->items[p->nitems - 1]) {
		item_free(it);
		p->nitems--;
		return;
	}
	it->u.path.style = style;
}

void dl_rect(struct dl_page *p, double x, double y, double w, double h, struct dl_style s)
{
	dl_path_begin(p);
	dl_move(p, x, y);
	dl_line(p, x + w, y);
	dl_line(p, x + w, y + h);
	dl_line(p, x, y + h);
	dl_close(p);
	dl_path_end(p, s);
}

void dl_segment(struct dl_page *p, double x0, double y0, double x1, double y1,
		struct dl_color c, double width)
{
	dl_path_begin(p);
	dl_move(p, x0, y0);
	dl_line(p, x1, y1);
	dl_path_end(p, (struct dl_style){.fill = DL_NONE, .stroke = c, .width = width});
}

void dl_circle(struct dl_page *p, double cx, double cy, double r, struct dl_style s)
{
	/* A chord of angle 2*pi/n is off the arc by r * (1 - cos(pi/n)). */
	const double tol = 0.05;
	int n = 8;
	if (r > tol)
		n = (int)ceil(M_PI / acos(1.0 - tol / r));
	if (n < 8)
		n = 8;
	if (n > 720)
		n = 720;
	dl_path_begin(p);
	for (int i = 0; i < n; i++) {
		double a = 2.0 * M_PI * i / n;
		if (i == 0)
			dl_move(p, cx + r * cos(a), cy + r * sin(a));
		else
			dl_line(p, cx + r * cos(a), cy + r * sin(a));
	}
	dl_close(p);
	dl_path_end(p, s);
}

/* ---- text, links, images ---- */

/* A copy of s with every invalid byte replaced by U+FFFD. */
static char *utf8_clean(const char *s)
{
	size_t n = strlen(s), cap = n + 1, len = 0;
	char *out = xmalloc(cap);
	while (*s) {
		uint32_t cp;
		size_t k = font_utf8_next(s, &cp);
		const char *src = s;
		size_t m = k;
		if (cp == 0xFFFD && k == 1) {
			src = "\xEF\xBF\xBD";
			m = 3;
		}
		if (len + m + 1 > cap) {
			cap = 2 * cap + m;
			out = xrealloc(out, cap);
		}
		memcpy(out + len, src, m);
		len += m;
		s += k;
	}
	out[len] = '\0';
	return out;
}

void dl_text(struct dl_page *p, double x, double y, enum dl_font f, double size,
	     struct dl_color c, const char *utf8)
{
	struct dl_item *it = item_add(p, DL_TEXT);
	it->u.text.x = x;
	it->u.text.y = y;
	it->u.text.font = f;
	it->u.text.size = size;
	it->u.text.color = c;
	it->u.text.utf8 = utf8_clean(utf8 ? utf8 : "");
}

void dl_link(struct dl_page *p, double x, double y, double w, double h, int target_page)
{
	struct dl_item *it = item_add(p, DL_LINK);
	it->u.link.x = x;
	it->u.link.y = y;
	it->u.link.w = w;
	it->u.link.h = h;
	it->u.link.target_page = target_page;
}

void dl_image(struct dl_page *p, double x, double y, double w, double h,
	      int pw, int ph, const unsigned char *rgb)
{
	struct dl_item *it = item_add(p, DL_IMAGE);
	it->u.image.x = x;
	it->u.image.y = y;
	it->u.image.w = w;
	it->u.image.h = h;
	it->u.image.pw = pw;
	it->u.image.ph = ph;
	if (pw > 0 && ph > 0 && rgb) {
		size_t n = (size_t)pw * (size_t)ph * 3;
		it->u.image.rgb = xmalloc(n);
		memcpy(it->u.image.rgb, rgb, n);
	}
}

/* ---- spans and notes ---- */

#define SPAN_OPEN ((size_t)-1)

size_t dl_span_begin(struct dl_page *p, enum dl_span_role role, double x, double y, double w,
		     double h)
{
	if (p->nspans && p->spans[p->nspans - 1].end == SPAN_OPEN) {
		p->misuse++; /* spans do not nest: the open one ends here */
		dl_span_end(p, p->nspans - 1);
	}
	p->spans = xgrow(p->spans, &p->capspans, p->nspans + 1, sizeof *p->spans);
	p->spans[p->nspans] = (struct dl_span){
		.role = role, .first = p->nitems, .end = SPAN_OPEN, .x = x, .y = y, .w = w, .h = h};
	return p->nspans++;
}

void dl_span_end(struct dl_page *p, size_t span)
{
	if (span >= p->nspans || p->spans[span].end != SPAN_OPEN) {
		p->misuse++;
		return;
	}
	p->spans[span].end = p->nitems;
	if (p->spans[span].first == p->nitems && span == p->nspans - 1) {
		free(p->spans[span].alt);
		p->nspans--; /* nothing in it */
	}
}

void dl_span_alt(struct dl_page *p, size_t span, const char *utf8)
{
	if (span >= p->nspans) {
		p->misuse++;
		return;
	}
	free(p->spans[span].alt);
	p->spans[span].alt = utf8 ? utf8_clean(utf8) : NULL;
}

void dl_page_notes(struct dl_page *p, const char *utf8)
{
	free(p->notes);
	p->notes = utf8 ? utf8_clean(utf8) : NULL;
}

/* ---- dump ---- */

static void dump_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\x%02X", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void dump_color(FILE *out, struct dl_color c)
{
	if (c.a == 0)
		fputs("none", out);
	else
		fprintf(out, "#%02X%02X%02X%02X", c.r, c.g, c.b, c.a);
}

static void dump_item(FILE *out, const struct dl_item *it)
{
	switch (it->kind) {
	case DL_PATH: {
		const struct dl_style *s = &it->u.path.style;
		fputs("  path fill=", out);
		dump_color(out, s->fill);
		fputs(" stroke=", out);
		dump_color(out, s->stroke);
		fprintf(out, " width=%.2f dash=%.2f%s", s->width, s->dash,
			s->evenodd ? " evenodd" : "");
		const double *xy = it->u.path.xy;
		for (size_t i = 0; i < it->u.path.nops; i++) {
			switch ((enum dl_op)it->u.path.ops[i]) {
			case DL_MOVE:
				fprintf(out, " M %.2f %.2f", xy[0], xy[1]);
				xy += 2;
				break;
			case DL_LINE:
				fprintf(out, " L %.2f %.2f", xy[0], xy[1]);
				xy += 2;
				break;
			case DL_CLOSE:
				fputs(" Z", out);
				break;
			}
		}
		break;
	}
	case DL_TEXT:
		fprintf(out, "  text %.2f %.2f %s %.2f ", it->u.text.x, it->u.text.y,
			it->u.text.font == DL_BOLD ? "bold" : "regular", it->u.text.size);
		dump_color(out, it->u.text.color);
		fputc(' ', out);
		dump_str(out, it->u.text.utf8);
		break;
	case DL_LINK:
		fprintf(out, "  link %.2f %.2f %.2f %.2f -> %d", it->u.link.x, it->u.link.y,
			it->u.link.w, it->u.link.h, it->u.link.target_page);
		break;
	case DL_IMAGE: {
		unsigned long crc = crc32(0L, Z_NULL, 0);
		if (it->u.image.rgb) {
			size_t n = (size_t)it->u.image.pw * (size_t)it->u.image.ph * 3;
			crc = crc32_z(crc, it->u.image.rgb, n);
		}
		fprintf(out, "  image %.2f %.2f %.2f %.2f %dx%d crc32=%08lX", it->u.image.x,
			it->u.image.y, it->u.image.w, it->u.image.h, it->u.image.pw,
			it->u.image.ph, crc);
		break;
	}
	}
	fputc('\n', out);
}

/* ---- structure ---- */

const char *const dl_role_names[DL_NROLES] = {
	"H1", "P", "Note", "Figure", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
	"Artifact",
};

/* Roles whose content is read as a whole: nothing nests in them. */
static int absorbs(enum dl_role r)
{
	return r != DL_ROLE_L && r != DL_ROLE_LI && r != DL_ROLE_TABLE && r != DL_ROLE_TR;
}

int dl_tag_begin(struct dl_page *p, enum dl_role role)
{
	if (p->absorbed || (p->open >= 0 && absorbs(p->tags[p->open].role)) ||
	    (unsigned)role >= DL_NROLES) {
		p->absorbed++;
		return -1;
	}
	p->tags = xgrow(p->tags, &p->captags, p->ntags + 1, sizeof *p->tags);
	p->tags[p->ntags] = (struct dl_tag){role, p->open, p->nitems, p->nitems, NULL};
	p->open = (int)p->ntags++;
	return p->open;
}

void dl_tag_end(struct dl_page *p)
{
	if (p->absorbed)
		p->absorbed--;
	else if (p->open < 0)
		p->tag_misuse++;
	else {
		p->tags[p->open].end = p->nitems;
		p->open = p->tags[p->open].parent;
	}
}

void dl_tag_alt(struct dl_page *p, int tag, const char *alt)
{
	if (tag < 0 || (size_t)tag >= p->ntags)
		return;
	set_str(&p->tags[tag].alt, alt);
	/* the figure's span (--pptx's group, --svg's file) says the same */
	for (size_t k = 0; k < p->nspans; k++)
		if (p->spans[k].role == DL_SPAN_FIGURE && p->spans[k].first == p->tags[tag].first)
			dl_span_alt(p, k, alt);
}

int dl_tag_of_item(const struct dl_page *p, size_t i)
{
	/* the last begun that holds i is the innermost: elements nest */
	for (size_t k = p->ntags; k-- > 0;)
		if (p->tags[k].first <= i && i < p->tags[k].end)
			return (int)k;
	return -1;
}

static void dump_tags(FILE *out, const struct dl_page *p)
{
	for (size_t k = 0; k < p->ntags; k++) {
		const struct dl_tag *t = &p->tags[k];
		fprintf(out, "  tag %s parent=%d items=%zu-%zu", dl_role_names[t->role], t->parent,
			t->first, t->end);
		if (t->alt) {
			fputs(" alt=", out);
			dump_str(out, t->alt);
		}
		fputc('\n', out);
	}
}

void dl_deck_dump(const struct dl_deck *d, FILE *out)
{
	fputs("deck title=", out);
	dump_str(out, d->title);
	fputs(" author=", out);
	dump_str(out, d->author);
	fputs(" subject=", out);
	dump_str(out, d->subject);
	fputs(" keywords=", out);
	dump_str(out, d->keywords);
	fputs(" creator=", out);
	dump_str(out, d->creator);
	fprintf(out, " epoch=%lld pages=%zu\n", d->epoch, d->npages);
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		fprintf(out, "page %zu outline=", i);
		dump_str(out, p->outline);
		fprintf(out, " items=%zu\n", p->nitems);
		for (size_t j = 0; j < p->nitems; j++)
			dump_item(out, &p->items[j]);
		dump_tags(out, p);
	}
}

/* ---- check ---- */

struct checker {
	FILE *err;
	int problems;
	size_t page, item;
};

static void problem(struct checker *c, const char *what)
{
	c->problems++;
	if (c->err)
		fprintf(c->err, "page %zu item %zu: %s\n", c->page, c->item, what);
}

static int all_finite(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return 0;
	return 1;
}

static void check_text(struct checker *c, const struct dl_item *it)
{
	const double tol = 0.01;
	double v[3] = {it->u.text.x, it->u.text.y, it->u.text.size};
	if (!all_finite(v, 3)) {
		problem(c, "text position or size is not a finite number");
		return;
	}
	if (it->u.text.size <= 0)
		problem(c, "text size is not positive");
	if (it->u.text.font != DL_REGULAR && it->u.text.font != DL_BOLD)
		problem(c, "text font is unknown");
	else if (font_path(it->u.text.font)) {
		double w = font_width(it->u.text.font, it->u.text.size, it->u.text.utf8);
		double asc = font_ascent(it->u.text.font, it->u.text.size);
		if (it->u.text.x < -tol || it->u.text.x + w > DL_PAGE_W + tol ||
		    it->u.text.y - asc < -tol || it->u.text.y > DL_PAGE_H + tol)
			problem(c, "text runs outside the page");
		return;
	}
	if (it->u.text.x < -tol || it->u.text.x > DL_PAGE_W + tol || it->u.text.y < -tol ||
	    it->u.text.y > DL_PAGE_H + tol)
		problem(c, "text starts outside the page");
}

static void check_item(struct checker *c, const struct dl_deck *d, const struct dl_page *p,
		       const struct dl_item *it)
{
	switch (it->kind) {
	case DL_PATH: {
		const struct dl_style *s = &it->u.path.style;
		if (it == p->cur)
			problem(c, "path begun and never ended");
		if (!all_finite(it->u.path.xy, 2 * it->u.path.npts))
			problem(c, "path point is not a finite number");
		if (!isfinite(s->width) || s->width < 0 || !isfinite(s->dash) || s->dash < 0)
			problem(c, "path stroke width or dash is negative or not finite");
		break;
	}
	case DL_TEXT:
		check_text(c, it);
		break;
	case DL_LINK: {
		double v[4] = {it->u.link.x, it->u.link.y, it->u.link.w, it->u.link.h};
		if (!all_finite(v, 4) || v[2] < 0 || v[3] < 0)
			problem(c, "link rectangle is negative or not finite");
		if (it->u.link.target_page < 0 || (size_t)it->u.link.target_page >= d->npages)
			problem(c, "link targets a page that does not exist");
		break;
	}
	case DL_IMAGE: {
		double v[4] = {it->u.image.x, it->u.image.y, it->u.image.w, it->u.image.h};
		if (!all_finite(v, 4) || v[2] < 0 || v[3] < 0)
			problem(c, "image rectangle is negative or not finite");
		if (it->u.image.pw <= 0 || it->u.image.ph <= 0 || !it->u.image.rgb)
			problem(c, "image has no pixels");
		break;
	}
	}
}

int dl_deck_check(const struct dl_deck *d, FILE *err)
{
	struct checker c = {.err = err};
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		c.page = i;
		c.item = p->nitems;
		if (p->misuse) {
			char *msg = xasprintf("%d path or span call(s) out of order", p->misuse);
			problem(&c, msg);
			free(msg);
		}
		if (p->tag_misuse || p->open >= 0 || p->absorbed) {
			char *msg = xasprintf("structure elements unbalanced (%d ends without a begin, "
					      "%s left open)", p->tag_misuse,
					      p->open >= 0 || p->absorbed ? "some" : "none");
			problem(&c, msg);
			free(msg);
		}
		for (size_t j = 0; j < p->nitems; j++) {
			c.item = j;
			check_item(&c, d, p, &p->items[j]);
		}
		c.item = p->nitems;
		for (size_t j = 0; j < p->nspans; j++)
			if (p->spans[j].end == SPAN_OPEN)
				problem(&c, "span begun and never ended");
	}
	return c.problems;
}

static int finite_all(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return 0;
	return 1;
}

int dl_item_drawable(const struct dl_item *it, size_t npages)
{
	switch (it->kind) {
	case DL_PATH: {
		const struct dl_style *s = &it->u.path.style;
		int fill = s->fill.a > 0, stroke = s->stroke.a > 0 && s->width > 0;
		return (fill || stroke) && it->u.path.nops > 0 &&
		       finite_all(it->u.path.xy, 2 * it->u.path.npts) && isfinite(s->width) &&
		       isfinite(s->dash);
	}
	case DL_TEXT: {
		double v[3] = {it->u.text.x, it->u.text.y, it->u.text.size};
		return *it->u.text.utf8 && it->u.text.color.a > 0 && finite_all(v, 3) &&
		       it->u.text.size > 0 && (unsigned)it->u.text.font < DL_NFONTS;
	}
	case DL_LINK: {
		double v[4] = {it->u.link.x, it->u.link.y, it->u.link.w, it->u.link.h};
		return finite_all(v, 4) && it->u.link.target_page >= 0 &&
		       (size_t)it->u.link.target_page < npages;
	}
	case DL_IMAGE: {
		double v[4] = {it->u.image.x, it->u.image.y, it->u.image.w, it->u.image.h};
		return finite_all(v, 4) && it->u.image.rgb && it->u.image.pw > 0 &&
		       it->u.image.ph > 0 && v[2] > 0 && v[3] > 0;
	}
	}
	return 0;
}
