/* render/png.h - the raster backend: replays a display list page through
 * cairo (same TTFs, unhinted metrics) into a PNG, written atomically. */
#ifndef JB_PNG_H
#define JB_PNG_H

#include <stddef.h>

#include "display.h"

/* dpi 72 = one pixel per point. 0 on success; -1 with a message in err. */
int png_write_page(const struct dl_page *p, const char *path, double dpi,
		   char *err, size_t errlen);

#endif
