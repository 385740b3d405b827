/* render/display/pdf.h - the PDF backend: replays a display list through libharu.
 *
 * Vector output with the TTFs embedded (UTF-8), one outline entry per page,
 * link annotations, page labels, document information, compressed streams.
 * Identical decks give byte-identical files (no wall-clock time, a fixed
 * document ID). The file is written to PATH.tmp.PID and renamed over PATH
 * (util/atomic.c); a failed write says "PATH: strerror(errno)".
 *
 * Needs font_init() (the fonts embedded are font_path()'s). Pages are
 * 960 x 540 pt; the outline entry of a page with an empty outline title is
 * "Page N". Dash lengths are rounded to whole points (libharu's limit).
 * Items dl_deck_check() would reject for non-finite numbers or missing
 * pixels are skipped; run the check first to hear about them.
 */
#ifndef JB_PDF_H
#define JB_PDF_H

#include <stddef.h>

#include "display.h"
#include "protect.h"

/* 0 on success; -1 with a message in err. With opt and an owner password,
 * the file is encrypted (protect.h); opt may be NULL. */
int pdf_write(const struct dl_deck *d, const char *path, const struct pdf_options *opt,
	      char *err, size_t errlen);

#endif
