/* render/display/png.c - the raster backend through cairo, written by
 * libpng; see png.h. */
#include "png.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <png.h> /* libpng's, not this folder's png.h */

#include "../../util/atomic.h"
#include "../../util/xalloc.h"
#include "font.h"

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

/* The surface as a PNG through libpng's simplified API at its fast
 * setting: cairo's own writer (zlib level 6, adaptive filters) was four
 * fifths of a --png batch. The pixels are the same; the file is larger. */
static int write_png(cairo_surface_t *surf, const char *path, char *err, size_t errlen)
{
	int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
	int stride = cairo_image_surface_get_stride(surf);
	const unsigned char *px = cairo_image_surface_get_data(surf);
	/* cairo's RGB24 is a native-endian 0xXXRRGGBB word per pixel */
	unsigned char *rgb = xmalloc((size_t)w * (size_t)h * 3);
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)(const void *)(px + (size_t)y * (size_t)stride);
		unsigned char *o = rgb + (size_t)y * (size_t)w * 3;
		for (int x = 0; x < w; x++) {
			o[3 * x] = (unsigned char)(row[x] >> 16);
			o[3 * x + 1] = (unsigned char)(row[x] >> 8);
			o[3 * x + 2] = (unsigned char)row[x];
		}
	}
	png_image img = {.version = PNG_IMAGE_VERSION, .width = (png_uint_32)w,
			 .height = (png_uint_32)h, .format = PNG_FORMAT_RGB,
			 .flags = PNG_IMAGE_FLAG_FAST};
	struct atomic_file af;
	int rc = 0;
	if (!atomic_open(&af, path)) {
		atomic_error(err, errlen, path);
		rc = -1;
	} else if (!png_image_write_to_stdio(&img, af.f, 0, rgb, 0, NULL) && !ferror(af.f)) {
		atomic_abort(&af);
		snprintf(err, errlen, "%s: libpng: %s", path, img.message);
		rc = -1;
	} else if (atomic_commit(&af) != 0) { /* a write error is reported here */
		atomic_error(err, errlen, path);
		rc = -1;
	}
	png_image_free(&img);
	free(rgb);
	return rc;
}

int png_write_page(const struct dl_page *p, const char *path, double dpi,
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
	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
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
		face[f] = cairo_ft_font_face_create_for_ft_face(font_ft_face((enum dl_font)f),
								FT_LOAD_NO_HINTING);

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
	for (int f = 0; f < DL_NFONTS; f++)
		cairo_font_face_destroy(face[f]);
	cairo_font_options_destroy(fo);
	cairo_surface_destroy(surf);
	return rc;
}
