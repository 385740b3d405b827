/* render/display/font.c - text measurement from the TTFs' unhinted advances; see
 * font.h. */
#include "font.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include <hb-subset.h>

#include "../../util/xalloc.h"

#define FONT_FAMILY "DejaVu Sans" /* the layout tests' metrics are DejaVu's */
#define CACHE_SIZE 0x10000 /* the Basic Multilingual Plane */

struct font {
	char *path;
	FT_Face face;
	double upem;
	double ascent, descent; /* hhea, font units, descent positive */
	uint32_t *adv;          /* [CACHE_SIZE]: advance + 1, 0 = not looked up */
	uint32_t *gid;          /* [CACHE_SIZE]: glyph id + 1, 0 = not looked up */
	hb_face_t *hb;          /* the same file for harfbuzz's subsetter */
	cairo_font_face_t *cairo; /* the face for cairo, made on first use */
	struct font_pdf_metrics pdf;
};

static FT_Library lib;
static struct font fonts[DL_NFONTS];

size_t font_utf8_next(const char *str, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0], min;
	size_t n;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) { /* also stops at the NUL */
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return n;
}

/* font units to thousandths of the em, truncated toward zero as libharu
 * (and so the decks before) did */
static int per_mille(const struct font *f, long v)
{
	return (int)(v * 1000 / (long)f->upem);
}

/* The top of the glyph of cp, font units (the cap and x heights). */
static long glyph_top(const struct font *f, uint32_t cp)
{
	FT_UInt g = FT_Get_Char_Index(f->face, cp);
	if (!g || FT_Load_Glyph(f->face, g, FT_LOAD_NO_SCALE))
		return 0;
	return f->face->glyph->metrics.horiBearingY;
}

/* What a PDF font descriptor says of the face, computed once. */
static void pdf_metrics(struct font *f)
{
	FT_Face fc = f->face;
	const TT_HoriHeader *hhea = FT_Get_Sfnt_Table(fc, FT_SFNT_HHEA);
	const TT_OS2 *os2 = FT_Get_Sfnt_Table(fc, FT_SFNT_OS2);
	struct font_pdf_metrics *m = &f->pdf;
	m->ascent = per_mille(f, hhea->Ascender);
	m->descent = per_mille(f, hhea->Descender);
	m->bbox[0] = per_mille(f, fc->bbox.xMin);
	m->bbox[1] = per_mille(f, fc->bbox.yMin);
	m->bbox[2] = per_mille(f, fc->bbox.xMax);
	m->bbox[3] = per_mille(f, fc->bbox.yMax);
	m->cap_height = per_mille(f, glyph_top(f, 'H'));
	m->x_height = per_mille(f, glyph_top(f, 'x'));
	FT_Fixed notdef = 0;
	m->missing_width = FT_Get_Advance(fc, 0, FT_LOAD_NO_SCALE, &notdef) ? 0 : per_mille(f, (long)notdef);
	/* PDF 1.7 table 123: nonsymbolic (bit 6), serif (bit 2) from the
	 * OS/2 family class, italic (bit 7), force bold (bit 19) */
	int cls = os2 && os2->version != 0xFFFF ? os2->sFamilyClass >> 8 : 0;
	m->flags = 32 | ((cls > 0 && cls < 6) || cls == 7 ? 2 : 0) |
		   (fc->style_flags & FT_STYLE_FLAG_ITALIC ? 64 : 0) |
		   (fc->style_flags & FT_STYLE_FLAG_BOLD ? 262144 : 0);
	const char *ps = FT_Get_Postscript_Name(fc);
	snprintf(m->ps_name, sizeof m->ps_name, "%s", ps ? ps : "Font");
}

static int load(struct font *f, const char *path)
{
	FT_Error e = FT_New_Face(lib, path, 0, &f->face);
	if (e) {
		const char *what = "cannot load the font";
		if (e == FT_Err_Cannot_Open_Resource)
			what = "cannot open the font file";
		else if (e == FT_Err_Unknown_File_Format)
			what = "not a font file";
		fprintf(stderr, "jembrief: %s: %s (FreeType error %d)\n", path, what, e);
		f->face = NULL;
		return -1;
	}
	const TT_HoriHeader *hhea = FT_Get_Sfnt_Table(f->face, FT_SFNT_HHEA);
	if (!FT_IS_SFNT(f->face) || !hhea || f->face->units_per_EM == 0) {
		fprintf(stderr, "jembrief: %s: not a TrueType font with an hhea table\n", path);
		FT_Done_Face(f->face);
		f->face = NULL;
		return -1;
	}
	f->path = xstrdup(path);
	f->upem = f->face->units_per_EM;
	f->ascent = hhea->Ascender;
	f->descent = -(double)hhea->Descender;
	f->adv = xcalloc(CACHE_SIZE, sizeof *f->adv);
	f->gid = xcalloc(CACHE_SIZE, sizeof *f->gid);
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	f->hb = blob ? hb_face_create(blob, 0) : NULL;
	hb_blob_destroy(blob);
	pdf_metrics(f);
	return 0;
}

/* The file of FONT_FAMILY at weight, asked of fontconfig; NULL with a
 * message when fontconfig only has a substitute (it always matches
 * something, and another family's metrics would break the layout). */
static char *fontconfig_file(int weight, const char *style)
{
	FcPattern *want = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, FONT_FAMILY, FC_WEIGHT,
					 FcTypeInteger, weight, FC_SLANT, FcTypeInteger,
					 FC_SLANT_ROMAN, (char *)NULL);
	char *file = NULL;
	FcResult res;
	FcConfigSubstitute(NULL, want, FcMatchPattern);
	FcDefaultSubstitute(want);
	FcPattern *got = FcFontMatch(NULL, want, &res);
	FcChar8 *family = NULL, *path = NULL;
	int w = -1;
	if (got && FcPatternGetString(got, FC_FAMILY, 0, &family) == FcResultMatch &&
	    strcmp((const char *)family, FONT_FAMILY) == 0 &&
	    FcPatternGetInteger(got, FC_WEIGHT, 0, &w) == FcResultMatch && w == weight &&
	    FcPatternGetString(got, FC_FILE, 0, &path) == FcResultMatch)
		file = xstrdup((const char *)path);
	else
		fprintf(stderr, "jembrief: font '%s %s' not found by fontconfig (Debian package "
				"fonts-dejavu-core; or set $JEMBRIEF_FONT_DIR to a folder holding "
				"DejaVuSans.ttf and DejaVuSans-Bold.ttf)\n",
			FONT_FAMILY, style);
	if (got)
		FcPatternDestroy(got);
	FcPatternDestroy(want);
	return file;
}

/* The default regular or bold file: in $JEMBRIEF_FONT_DIR when set, else
 * where fontconfig says. */
static char *default_font(int bold)
{
	const char *dir = getenv("JEMBRIEF_FONT_DIR");
	if (dir && *dir)
		return xasprintf("%s/%s", dir, bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
	return fontconfig_file(bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR, bold ? "Bold" : "Book");
}

int font_init(const char *regular, const char *bold)
{
	font_done();
	if (FT_Init_FreeType(&lib)) {
		fputs("jembrief: cannot initialise FreeType\n", stderr);
		lib = NULL;
		return -1;
	}
	char *r = regular ? xstrdup(regular) : default_font(0);
	char *b = bold ? xstrdup(bold) : default_font(1);
	int rc = !r || !b || load(&fonts[DL_REGULAR], r) || load(&fonts[DL_BOLD], b) ? -1 : 0;
	free(r);
	free(b);
	if (rc)
		font_done();
	return rc;
}

void font_done(void)
{
	for (int i = 0; i < DL_NFONTS; i++) {
		if (fonts[i].cairo) /* before the FreeType face it draws with */
			cairo_font_face_destroy(fonts[i].cairo);
		if (fonts[i].face)
			FT_Done_Face(fonts[i].face);
		free(fonts[i].path);
		free(fonts[i].adv);
		free(fonts[i].gid);
		hb_face_destroy(fonts[i].hb);
		memset(&fonts[i], 0, sizeof fonts[i]);
	}
	if (lib)
		FT_Done_FreeType(lib);
	lib = NULL;
	/* fontconfig's configuration and caches, loaded by the first match */
	FcFini();
}

static const struct font *get(enum dl_font f)
{
	if ((unsigned)f >= DL_NFONTS || !fonts[f].face)
		die("font used before font_init()");
	return &fonts[f];
}

const char *font_path(enum dl_font f)
{
	return (unsigned)f < DL_NFONTS ? fonts[f].path : NULL;
}

struct FT_FaceRec_ *font_ft_face(enum dl_font f)
{
	return (unsigned)f < DL_NFONTS ? fonts[f].face : NULL;
}

cairo_font_face_t *font_cairo_face(enum dl_font f)
{
	if ((unsigned)f >= DL_NFONTS || !fonts[f].face)
		return NULL;
	if (!fonts[f].cairo)
		fonts[f].cairo = cairo_ft_font_face_create_for_ft_face(fonts[f].face,
									FT_LOAD_NO_HINTING);
	return fonts[f].cairo;
}

/* Unhinted advance of cp in font units (the .notdef glyph's if missing). */
static uint32_t advance(const struct font *f, uint32_t cp)
{
	if (cp < CACHE_SIZE && f->adv[cp])
		return f->adv[cp] - 1;
	FT_Fixed a = 0;
	if (FT_Get_Advance(f->face, FT_Get_Char_Index(f->face, cp), FT_LOAD_NO_SCALE, &a))
		a = 0;
	if (cp < CACHE_SIZE)
		f->adv[cp] = (uint32_t)a + 1;
	return (uint32_t)a;
}

unsigned font_glyph(enum dl_font f, uint32_t cp)
{
	struct font *ft = &fonts[f];
	(void)get(f); /* dies before font_init() */
	if (cp < CACHE_SIZE && ft->gid[cp])
		return ft->gid[cp] - 1;
	FT_UInt g = FT_Get_Char_Index(ft->face, cp);
	if (cp < CACHE_SIZE)
		ft->gid[cp] = (uint32_t)g + 1;
	return g;
}

int font_glyph_width(enum dl_font f, unsigned gid)
{
	const struct font *ft = get(f);
	FT_Fixed a = 0;
	if (FT_Get_Advance(ft->face, gid, FT_LOAD_NO_SCALE, &a))
		a = 0;
	return per_mille(ft, (long)a);
}

const struct font_pdf_metrics *font_pdf(enum dl_font f)
{
	return &get(f)->pdf;
}

unsigned char *font_subset(enum dl_font f, const uint32_t *cps, size_t n, size_t *len)
{
	const struct font *ft = get(f);
	hb_subset_input_t *in = ft->hb ? hb_subset_input_create_or_fail() : NULL;
	if (!in)
		return NULL;
	hb_set_t *unicodes = hb_subset_input_unicode_set(in);
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	for (size_t i = 0; i < n; i++) {
		hb_set_add(unicodes, cps[i]);
		hb_set_add(glyphs, font_glyph(f, cps[i])); /* .notdef too */
	}
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS);
	hb_face_t *sub = hb_subset_or_fail(ft->hb, in);
	hb_subset_input_destroy(in);
	unsigned char *out = NULL;
	if (sub) {
		hb_blob_t *b = hb_face_reference_blob(sub);
		unsigned blen = 0;
		const char *data = hb_blob_get_data(b, &blen);
		if (data && blen) {
			out = xmalloc(blen);
			memcpy(out, data, blen);
			*len = blen;
		}
		hb_blob_destroy(b);
		hb_face_destroy(sub);
	}
	return out;
}

/* Width of the first n bytes of s, in font units. */
static double units(const struct font *f, const char *s, size_t n)
{
	double w = 0;
	const char *end = s + n;
	while (s < end && *s) {
		uint32_t cp;
		s += font_utf8_next(s, &cp);
		w += advance(f, cp);
	}
	return w;
}

double font_width(enum dl_font f, double size, const char *utf8)
{
	const struct font *ft = get(f);
	if (!utf8)
		return 0;
	return units(ft, utf8, strlen(utf8)) * size / ft->upem;
}

size_t font_fit(enum dl_font f, double size, const char *utf8, double width)
{
	const struct font *ft = get(f);
	if (!utf8 || !(size > 0))
		return 0;
	/* the same sum as font_width(), stopped where it would first
	 * exceed the width */
	double w = 0;
	const char *s = utf8;
	while (*s) {
		uint32_t cp;
		size_t k = font_utf8_next(s, &cp);
		w += advance(ft, cp);
		if (!(w * size / ft->upem <= width))
			break;
		s += k;
	}
	return (size_t)(s - utf8);
}

double font_ascent(enum dl_font f, double size)
{
	const struct font *ft = get(f);
	return ft->ascent * size / ft->upem;
}

double font_descent(enum dl_font f, double size)
{
	const struct font *ft = get(f);
	return ft->descent * size / ft->upem;
}

struct lines {
	char **v;
	size_t n, cap;
};

static void push(struct lines *l, const char *s, size_t n)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrndup(s, n);
}

/* Greedy wrap of one paragraph s[0..n) (no newlines) into l. The line being
 * built is always a contiguous run of the source, so a pushed line keeps
 * the source's spacing between its words. */
static void wrap_paragraph(const struct font *f, const char *s, size_t n, double limit,
			   struct lines *l)
{
	const char *end = s + n;
	const char *line = NULL, *line_end = NULL;
	double line_w = 0;
	for (;;) {
		while (s < end && *s == ' ')
			s++;
		if (s == end)
			break;
		const char *w = s;
		while (s < end && *s != ' ')
			s++;
		double ww = units(f, w, (size_t)(s - w));
		if (line) {
			double gap = units(f, line_end, (size_t)(w - line_end));
			if (line_w + gap + ww <= limit) {
				line_end = s;
				line_w += gap + ww;
				continue;
			}
			push(l, line, (size_t)(line_end - line));
		}
		line = w;
		line_end = s;
		line_w = ww;
	}
	if (line)
		push(l, line, (size_t)(line_end - line));
}

size_t font_wrap(enum dl_font f, double size, const char *utf8, double width, char ***lines)
{
	const struct font *ft = get(f);
	struct lines l = {0};
	/* Compare in font units; a hair of slack so a line that fits exactly
	 * is not lost to rounding. */
	double limit = size > 0 ? width * ft->upem / size + 1e-6 : 0;
	const char *s = utf8 ? utf8 : "";
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		size_t before = l.n;
		wrap_paragraph(ft, s, n, limit, &l);
		if (l.n == before && nl)
			push(&l, "", 0); /* an empty line between paragraphs */
		s += n;
		if (*s == '\n')
			s++;
	}
	*lines = l.v;
	return l.n;
}

void font_lines_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
