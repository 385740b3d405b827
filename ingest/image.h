/* ingest/image.h - a picture the analyst supplies (a PNG or a JPEG in the
 * data directory: an image slide, the template's logo), decoded to RGB
 * pixels through libpng's simplified API and libjpeg, the way the display
 * list carries images (render/display/display.h's dl_image).
 *
 * Ownership: jb_image_read fills *img; jb_image_free releases its pixels.
 * Thread-safe: nothing is shared between calls. */
#ifndef JB_IMAGE_H
#define JB_IMAGE_H

#include <stddef.h>

/* Larger pictures are refused (a slide is 960 pt wide: 4,000 pixels a side
 * is sharp at any size shown, and caps what one file may make us allocate). */
#define JB_IMAGE_MAX_SIDE 4000

struct jb_image {
	int w, h;           /* pixels */
	unsigned char *rgb; /* w * h * 3 bytes, row 0 at the top; NULL if unread */
};

/* Reads the PNG or JPEG at path (told apart by their first bytes, not the
 * name), transparency laid on white. 0, or -1 with why in why: a phrase
 * that completes "the image FILE could not be shown: ..." ("there is no
 * such file", "it is neither a PNG nor a JPEG"). */
int jb_image_read(const char *path, struct jb_image *img, char *why, size_t n);
void jb_image_free(struct jb_image *img); /* NULL safe */

#endif
