/* render/display/pptx.h - the PowerPoint backend: replays a display list as
 * an Office Open XML presentation (.pptx) an analyst can edit.
 *
 * Every page becomes a slide of the same size (960 x 540 pt, 16:9); every
 * text run a text box at its place, in its size, weight and colour, in the
 * face font.c measured with (named, and embedded: pptx_font.h); every path
 * a shape of custom geometry with its fill and line; every link a clear
 * rectangle that jumps to its slide; every image a picture (PNG); every
 * table (a Table element of the structure tags) that can be read back as
 * a grid a PowerPoint table, its cells' text in place (pptx_table.h). The
 * title span becomes the slide's
 * title placeholder (one box, a line break between its runs), so the
 * outline and the accessibility checker see it; each figure span a group
 * whose description is the figure's alternative text; the page's notes the
 * slide's speaker notes.
 *
 * The package is built in memory (libzip) from parts written with
 * libxml2's xmlwriter, then written to PATH.tmp.PID and renamed over PATH
 * (util/atomic.c). Identical decks give identical bytes: every entry of
 * the zip carries the deck's epoch as its time (in UTC), nothing depends
 * on the clock, the locale or the time zone.
 *
 * Needs font_init() (measuring the boxes). Items dl_item_drawable()
 * rejects are skipped, as the other backends do.
 */
#ifndef JB_PPTX_H
#define JB_PPTX_H

#include <stddef.h>

#include "display.h"

/* 0 on success; -1 with "PATH: reason" in err. */
int pptx_write(const struct dl_deck *d, const char *path, char *err, size_t errlen);

#endif
