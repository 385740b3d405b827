/* render/display/png.c - the raster backend through cairo, written by
 * libpng; see png.h. */
#include "png.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <png.h> /* libpng's, not this folder's png.h */
#include <setjmp.h>

#include "../../util/atomic.h"
#include "../../util/xalloc.h"
#include "font.h"

#define PNG_ERR_LEN 200 /* room for libpng's error message */

static void set_color(cairo_t *cr, struct dl_color c)
{
	cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

static void draw_path(cairo_t *cr, const struct dl_item *it)
{
	const struct dl_style *s = &it->u.path.style;
	int fill = s->fill.a > 0, stroke = s->stroke.a > 0 && s->width > 0;
	cairo_new_path(cr);
	const double *xy = it->u.path.xy;
	for (size_t i = 0; i < it->u.path.nops; i++) {
		switch ((enum dl_op)it->u.path.ops[i]) {
		case DL_MOVE:
			cairo_move_to(cr, xy[0], xy[1]);
			xy += 2;
			break;
		case DL_LINE:
			cairo_line_to(cr, xy[0], xy[1]);
			xy += 2;
			break;
		case DL_CLOSE:
			cairo_close_path(cr);
			break;
		}
	}
	if (fill) {
		cairo_set_fill_rule(cr, s->evenodd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
		set_color(cr, s->fill);
		cairo_fill_preserve(cr);
	}
	if (stroke) {
		cairo_set_line_width(cr, s->width);
		cairo_set_dash(cr, &s->dash, s->dash > 0 ? 1 : 0, 0);
		set_color(cr, s->stroke);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

static void draw_text(cairo_t *cr, cairo_font_face_t *const face[DL_NFONTS],
		      const struct dl_item *it)
{
	cairo_set_font_face(cr, face[it->u.text.font]);
	cairo_set_font_size(cr, it->u.text.size);
	set_color(cr, it->u.text.color);
	cairo_move_to(cr, it->u.text.x, it->u.text.y);
	cairo_show_text(cr, it->u.text.utf8);
	cairo_new_path(cr);
}

cairo_status_t png_append(void *bytes, const unsigned char *data, unsigned int len)
{
	struct png_bytes *b = bytes;
	b->data = xgrow(b->data, &b->cap, b->len + len, 1);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *png_image_surface(const struct dl_item *it)
{
	int pw = it->u.image.pw, ph = it->u.image.ph;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(img);
		return NULL;
	}
	cairo_surface_flush(img);
	unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	const unsigned char *src = it->u.image.rgb;
	for (int y = 0; y < ph; y++) {
		uint32_t *row = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < pw; x++, src += 3)
			row[x] = (uint32_t)src[0] << 16 | (uint32_t)src[1] << 8 | src[2];
	}
	cairo_surface_mark_dirty(img);
	return img;
}

static void draw_image(cairo_t *cr, const struct dl_item *it)
{
	double v[4] = {it->u.image.x, it->u.image.y, it->u.image.w, it->u.image.h};
	int pw = it->u.image.pw, ph = it->u.image.ph;
	cairo_surface_t *img = png_image_surface(it);
	if (!img)
		return;
	cairo_save(cr);
	cairo_translate(cr, v[0], v[1]);
	cairo_scale(cr, v[2] / pw, v[3] / ph);
	cairo_set_source_surface(cr, img, 0, 0);
	/* An enlarged image (a pixel a point or more) keeps square pixels, as
	 * PDF viewers show an image without /Interpolate; the edges do not
	 * fade into the page. */
	cairo_pattern_t *pat = cairo_get_source(cr);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
	if (v[2] >= pw && v[3] >= ph)
		cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_rectangle(cr, 0, 0, pw, ph);
	cairo_fill(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
}

void png_draw_items(cairo_t *cr, cairo_font_face_t *const face[DL_NFONTS],
		    const struct dl_page *p, size_t first, size_t end)
{
	for (size_t i = first; i < end && cairo_status(cr) == CAIRO_STATUS_SUCCESS; i++) {
		const struct dl_item *it = &p->items[i];
		if (it == p->cur || !dl_item_drawable(it, SIZE_MAX))
			continue; /* an unfinished path, or nothing drawable */
		switch (it->kind) {
		case DL_PATH:
			draw_path(cr, it);
			break;
		case DL_TEXT:
			if (face)
				draw_text(cr, face, it);
			break;
		case DL_IMAGE:
			draw_image(cr, it);
			break;
		case DL_LINK:
			break; /* nothing to see */
		}
	}
}

/* libpng's error handler: the message kept for the caller, then back to
 * write_png's setjmp. Warnings (none arise writing) are dropped. */
static void png_on_error(png_structp png, png_const_charp msg)
{
	char *keep = png_get_error_ptr(png);
	snprintf(keep, PNG_ERR_LEN, "%s", msg);
	png_longjmp(png, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/* What is kept between pages: the surface drawn on. */
struct png_writer {
	cairo_surface_t *surf; /* the page drawn, kept for the next of its size */
};

struct png_writer *png_writer_new(void)
{
	return xcalloc(1, sizeof(struct png_writer));
}

void png_writer_free(struct png_writer *w)
{
	if (!w)
		return;
	if (w->surf)
		cairo_surface_destroy(w->surf);
	free(w);
}

/* The rows of an RGB24 surface into f, through libpng's full API so that
 * the encoder can be chosen: zlib level 1, rows unfiltered. Measured on
 * four boroughs' 86 pages against the alternatives: the simplified API's
 * fast setting (level 3, unfiltered) costs 40% more CPU for the same
 * size; the Sub or Up filter, or run-length matching (Z_RLE), are slower
 * at level 1 and give larger files; storing without compression saves a
 * fifth of the time for files 24 times larger. libpng reads cairo's
 * pixels where they are: a native-endian 0x00RRGGBB word each, so B, G,
 * R, pad in memory on a little-endian machine, the pad byte stripped as a
 * filler. Returns 0, or -1 with msg set. */
static int encode_png(cairo_surface_t *surf, FILE *f, char msg[PNG_ERR_LEN])
{
	int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
	int stride = cairo_image_surface_get_stride(surf);
	unsigned char *px = cairo_image_surface_get_data(surf);
	const uint32_t one = 1;
	int little = *(const unsigned char *)&one == 1;
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, msg, png_on_error,
						  png_on_warning);
	if (!png) {
		snprintf(msg, PNG_ERR_LEN, "out of memory");
		return -1;
	}
	png_infop info = png_create_info_struct(png);
	if (!info) {
		png_destroy_write_struct(&png, NULL);
		snprintf(msg, PNG_ERR_LEN, "out of memory");
		return -1;
	}
	int rc = -1;
	if (setjmp(png_jmpbuf(png)) == 0) {
		png_init_io(png, f);
		png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
			     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
		png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
		png_set_compression_level(png, 1);
		png_write_info(png, info);
		if (little)
			png_set_bgr(png);
		png_set_filler(png, 0, little ? PNG_FILLER_AFTER : PNG_FILLER_BEFORE);
		for (int y = 0; y < h; y++)
			png_write_row(png, px + (size_t)y * (size_t)stride);
		png_write_end(png, NULL);
		rc = 0;
	}
	png_destroy_write_struct(&png, &info);
	return rc;
}

/* The surface as a PNG at path, written atomically. */
static int write_png(cairo_surface_t *surf, const char *path, char *err, size_t errlen)
{
	struct atomic_file af;
	char msg[PNG_ERR_LEN] = "";
	if (!atomic_open(&af, path)) {
		atomic_error(err, errlen, path);
		return -1;
	}
	if (encode_png(surf, af.f, msg) != 0 || ferror(af.f)) {
		atomic_abort(&af);
		snprintf(err, errlen, "%s: libpng: %s", path, *msg ? msg : "write error");
		return -1;
	}
	if (atomic_commit(&af) != 0) { /* a write error is reported here */
		atomic_error(err, errlen, path);
		return -1;
	}
	return 0;
}

int png_write_page(struct png_writer *pw, const struct dl_page *p, const char *path, double dpi,
		   char *err, size_t errlen)
{
	if (!(dpi > 0 && dpi <= 1200)) {
		snprintf(err, errlen, "%s: resolution %g dpi is not in (0, 1200]", path, dpi);
		return -1;
	}
	if (!font_ft_face(DL_REGULAR) || !font_ft_face(DL_BOLD)) {
		snprintf(err, errlen, "%s: fonts not loaded (font_init() not called)", path);
		return -1;
	}
	int w = (int)lround(DL_PAGE_W * dpi / 72.0), h = (int)lround(DL_PAGE_H * dpi / 72.0);
	if (w < 1 || h < 1) {
		snprintf(err, errlen, "%s: resolution %g dpi gives an empty image", path, dpi);
		return -1;
	}
	struct png_writer *own = pw ? NULL : png_writer_new();
	if (own)
		pw = own;
	/* A deck's pages share one surface, painted white for each. */
	if (pw->surf && (cairo_image_surface_get_width(pw->surf) != w ||
			 cairo_image_surface_get_height(pw->surf) != h)) {
		cairo_surface_destroy(pw->surf);
		pw->surf = NULL;
	}
	if (!pw->surf)
		pw->surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_surface_t *surf = pw->surf;
	cairo_t *cr = cairo_create(surf);
	cairo_scale(cr, w / DL_PAGE_W, h / DL_PAGE_H);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);

	/* Unhinted outlines and metrics, so glyphs sit where font.c measured
	 * them. The faces stay owned by font.c. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(cr, fo);
	cairo_font_face_t *face[DL_NFONTS];
	for (int f = 0; f < DL_NFONTS; f++)
		face[f] = font_cairo_face((enum dl_font)f);

	png_draw_items(cr, face, p, 0, p->nitems);

	int rc = 0;
	cairo_status_t st = cairo_status(cr);
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "%s: cairo: %s", path, cairo_status_to_string(st));
		rc = -1;
	} else {
		cairo_surface_flush(surf);
		rc = write_png(surf, path, err, errlen);
	}
	cairo_destroy(cr);
	cairo_font_options_destroy(fo);
	if (rc != 0 && pw->surf) { /* a surface in error is not kept */
		cairo_surface_destroy(pw->surf);
		pw->surf = NULL;
	}
	png_writer_free(own);
	return rc;
}
