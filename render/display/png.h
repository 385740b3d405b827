/* render/display/png.h - the raster backend: replays a display list page through
 * cairo (same TTFs, unhinted metrics) into a PNG, written atomically
 * (PATH.tmp.PID renamed over PATH).
 *
 * Draws with font.c's FreeType faces, so font_init() must have run and
 * font_done() must wait until the last page is written. White background,
 * 8-bit RGB; links are not drawn. Deterministic.
 */
#ifndef JB_PNG_H
#define JB_PNG_H

#include <stddef.h>

#include <cairo.h>

#include "display.h"

/* Draws items [first, end) of p with cairo onto cr (in points): paths,
 * images, and text in face[font] unless face is NULL (svg.c writes text
 * itself). */
void png_draw_items(cairo_t *cr, cairo_font_face_t *const face[DL_NFONTS],
		    const struct dl_page *p, size_t first, size_t end);

/* A growing byte buffer (the caller frees data), and cairo's stream
 * writer that appends to one, for the backends that keep cairo's output
 * in memory (svg.c, pptx.c). */
struct png_bytes {
	unsigned char *data;
	size_t len, cap;
};
cairo_status_t png_append(void *bytes, const unsigned char *data, unsigned int len);

/* An image item's pixels as a cairo image surface (the caller destroys
 * it), or NULL when cairo cannot make one. */
cairo_surface_t *png_image_surface(const struct dl_item *it);

/* What writing PNGs keeps from one page to the next (the surface drawn
 * on, the compressor's state and buffers: 5 MB at 96 dpi): made once for a
 * deck's pages. */
struct png_writer;
struct png_writer *png_writer_new(void);
void png_writer_free(struct png_writer *w);

/* Page p as a PNG at path, using w (NULL: one made for this page).
 * dpi 72 = one pixel per point (960 x 540 pixels); dpi in (0, 1200].
 * 0 on success; -1 with a message in err. */
int png_write_page(struct png_writer *w, const struct dl_page *p, const char *path, double dpi,
		   char *err, size_t errlen);

#endif
