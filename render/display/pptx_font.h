/* render/display/pptx_font.h - the fonts a .pptx carries, so that PowerPoint
 * shows and edits the slides in the face they were measured with even
 * where DejaVu Sans is not installed.
 *
 * PowerPoint keeps an embedded font in a part of type application/x-fontdata
 * (a .fntdata) as Embedded OpenType ([MS-OI29500] 2.1.34 on ECMA-376 Part 1
 * 15.2.12); LibreOffice reads the same parts through libeot. The font is
 * cut (harfbuzz's subsetter) to the characters asked for, keeping its
 * licence, and wrapped uncompressed in an EOT header (W3C EOT submission,
 * version 0x00020001) whose fields come from the cut font's own tables
 * (FreeType).
 * DejaVu's fsType is 0, installable embedding: the header says so, and the
 * font's licence allows it (README, "Fonts in the PowerPoint files").
 *
 * Needs font_init(). Deterministic: the same characters give the same bytes.
 */
#ifndef JB_PPTX_FONT_H
#define JB_PPTX_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "display.h"

/* Face f cut to the n code points cps as an EOT: *len bytes to free(), or
 * NULL when the font cannot be cut or read back. */
unsigned char *pptx_font_eot(enum dl_font f, const uint32_t *cps, size_t n, size_t *len);

/* The face's PANOSE classification as 20 hex digits (for p:font), 0; -1
 * when it has no OS/2 table. */
int pptx_font_panose(enum dl_font f, char hex[21]);

#endif
