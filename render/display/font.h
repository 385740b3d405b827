/* render/display/font.h - text measurement from one source: the TTF's unhinted
 * advance widths (FreeType, FT_LOAD_NO_SCALE), so layout, the PDF backend
 * and the PNG backend agree exactly.
 *
 * font_init() must run once before any other call (and before forking
 * workers); font_done() releases everything.
 *
 * Not thread-safe: the faces are one process-wide table of FreeType faces,
 * which may not be used from two threads at once. Each deck worker process
 * inherits the table loaded before the fork and uses it from its one
 * thread.
 */
#ifndef JB_FONT_H
#define JB_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "display.h"

struct FT_FaceRec_; /* FreeType's FT_Face points to one */

/* Paths of the regular and bold TTF. NULL picks the default: DejaVu Sans
 * Book and Bold as fontconfig finds them, or DejaVuSans.ttf and
 * DejaVuSans-Bold.ttf in $JEMBRIEF_FONT_DIR when that is set. Returns 0,
 * or -1 with a message on stderr. */
int font_init(const char *regular, const char *bold);
void font_done(void);
/* NULL before font_init(). */
const char *font_path(enum dl_font f);
/* The loaded FreeType face (an FT_Face) for the cairo backend; owned here
 * until font_done(). NULL before font_init(). */
struct FT_FaceRec_ *font_ft_face(enum dl_font f);
/* The same face as a cairo font face (unhinted), made on first use and
 * kept until font_done(), so that cairo's glyph cache lasts across pages.
 * NULL before font_init(). */
struct _cairo_font_face *font_cairo_face(enum dl_font f);

/* For the PDF backend's embedded fonts, from the same files, each looked
 * up once per process. */
struct font_pdf_metrics {
	int ascent, descent, cap_height, x_height, missing_width, flags;
	int bbox[4];       /* xmin ymin xmax ymax */
	char ps_name[64];  /* PostScript name */
}; /* lengths in thousandths of the em */
const struct font_pdf_metrics *font_pdf(enum dl_font f);
/* The glyph id of cp, 0 (.notdef) when the font has none. */
unsigned font_glyph(enum dl_font f, uint32_t cp);
/* The advance of glyph gid in thousandths of the em, truncated. */
int font_glyph_width(enum dl_font f, unsigned gid);
/* The font program cut to the n code points cps (harfbuzz's subsetter),
 * glyph ids kept so font_glyph() still holds; *len bytes to free(), NULL
 * when it cannot be made. */
unsigned char *font_subset(enum dl_font f, const uint32_t *cps, size_t n, size_t *len);

/* Width in points of utf8 at size; invalid UTF-8 bytes count as U+FFFD. */
double font_width(enum dl_font f, double size, const char *utf8);
/* Bytes of the longest prefix of utf8 (whole characters) no wider than
 * width at size; linear in the prefix (widths add up: no kerning). */
size_t font_fit(enum dl_font f, double size, const char *utf8, double width);
/* Ascent / descent (positive) in points at size, from the hhea table. */
double font_ascent(enum dl_font f, double size);
double font_descent(enum dl_font f, double size);

/* Greedy word wrap into lines no wider than width (a single word wider than
 * width stands on its own line). Returns the number of lines; *lines is a
 * new array of new strings, freed with font_lines_free(). */
size_t font_wrap(enum dl_font f, double size, const char *utf8, double width, char ***lines);
void font_lines_free(char **lines, size_t n);

/* Decode the UTF-8 character starting at s (s must not point at the NUL):
 * stores it in *cp and returns the bytes used. An invalid byte, truncated
 * sequence, overlong form, surrogate or value above U+10FFFF gives U+FFFD
 * and consumes one byte. Needs no font_init(). */
size_t font_utf8_next(const char *s, uint32_t *cp);

#endif
