/* render/pdf.h - the PDF backend: replays a display list through libharu.
 *
 * Vector output with the TTFs embedded (UTF-8), one outline entry per page,
 * link annotations, page labels, document information, compressed streams.
 * Identical decks give byte-identical files (no wall-clock time, a fixed
 * document ID). The file is written to PATH.tmp.PID and renamed over PATH.
 */
#ifndef JB_PDF_H
#define JB_PDF_H

#include <stddef.h>

#include "display.h"

struct pdf_options {
	const char *owner_password; /* NULL: no encryption */
	const char *user_password;  /* may be NULL with an owner password */
	int allow_print;
	int allow_copy;
};

/* 0 on success; -1 with a message in err. */
int pdf_write(const struct dl_deck *d, const char *path, const struct pdf_options *opt,
	      char *err, size_t errlen);

#endif
