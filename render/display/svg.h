/* render/display/svg.h - the SVG backend, for reuse of slides and charts
 * in reports: OUTDIR/svg/NAME/NN.svg for every page and NN-K.svg for its
 * K-th figure span (a chart or map, display.h), each written atomically.
 *
 * Paths and images are drawn by cairo's SVG surface (through png.c's
 * replay, so they match the previews). cairo writes text as glyph
 * outlines, which no tool can read or edit as text; so text runs are left
 * out of cairo's drawing and added as SVG <text> elements, at the same
 * baseline, size, weight and colour, in the face the slides are measured
 * with (named, not embedded: a reader without DejaVu Sans substitutes).
 * They are drawn after the shapes of their file, which changes nothing as
 * no slide draws a shape over text. Each file's <title> is the slide's
 * title (its title span's text, else its outline entry) and a figure's
 * <desc> its alternative text, when it has one.
 *
 * Deterministic; needs font_init() (the faces' names).
 */
#ifndef JB_SVG_H
#define JB_SVG_H

#include <stddef.h>

#include "display.h"

/* 0 on success; -1 with "PATH: reason" in err. */
int svg_write_deck(const struct dl_deck *d, const char *outdir, const char *name, char *err,
		   size_t errlen);
/* The files svg_write_deck() writes, relative to OUTDIR, in its order. */
void svg_deck_files(const struct dl_deck *d, const char *name,
		    void (*add)(void *ctx, const char *rel), void *ctx);
/* Whether a file name (no folder) is one svg_write_deck() writes:
 * "NN.svg" or "NN-K.svg". */
int svg_is_file_name(const char *name);

#endif
