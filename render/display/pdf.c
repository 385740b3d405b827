/* render/display/pdf.c - the PDF backend through libharu; see pdf.h.
 *
 * libharu reports errors through a handler and carries on; the handler here
 * only records the first error, and every stage checks it, so nothing jumps
 * out of the caller's frames.
 *
 * Determinism: libharu 2.3.0 writes no /ID for a plain document and, for an
 * encrypted one, derives the /ID (and so the encryption key and every
 * encrypted byte) from MD5(time(NULL), info fields) in
 * HPDF_EncryptDict_CreateID, called from HPDF_SaveToFile. save() below
 * therefore does what HPDF_SaveToFile does (header, trailer, xref) with
 * libharu's own building blocks, but with a fixed /ID: a hash of the
 * display list (deck_id), and with the dictionaries in object streams and
 * a cross-reference stream (pdf_xref.h), a third of a tagged deck's bytes
 * otherwise. Dates come from deck->epoch, never the clock.
 * Encryption is not libharu's (RC4 only) but libqpdf's, after
 * serialising (protect.h).
 *
 * libharu keeps the document's objects, pages, outlines, links, images
 * and transparency; page content, the embedded fonts and the compression
 * of every stream are done here (each section below says why).
 *
 * libharu never touches the disk here: the document is serialised into
 * one of its memory streams and written through util/atomic.c, so a full
 * disk reads "No space left on device", not "libharu error 0x1066".
 */
#include "pdf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <nettle/sha2.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "../../util/atomic.h"
#include "../../util/deflate.h"
#include "../../util/xalloc.h"
#include "font.h"
#include "pdf_tags.h"
#include "pdf_xref.h"

struct hpdf_err {
	HPDF_STATUS no, detail; /* first error, 0 = none */
};

static void on_error(HPDF_STATUS no, HPDF_STATUS detail, void *data)
{
	struct hpdf_err *e = data;
	if (!e->no) {
		e->no = no;
		e->detail = detail;
	}
}

static const char *error_name(HPDF_STATUS no)
{
	switch (no) {
	case HPDF_FILE_OPEN_ERROR: return "cannot open the file";
	case HPDF_FILE_IO_ERROR: return "cannot write the file";
	case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
	case HPDF_ENCRYPT_INVALID_PASSWORD: return "invalid password";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font does not allow embedding";
	case HPDF_TTF_INVALID_CMAP:
	case HPDF_TTF_INVALID_FOMAT:
	case HPDF_TTF_MISSING_TABLE:
	case HPDF_INVALID_FONTDEF_DATA: return "unusable TrueType font";
	case HPDF_INVALID_IMAGE: return "invalid image";
	case HPDF_PAGE_OUT_OF_RANGE: return "a value is out of the range PDF allows";
	case HPDF_STRING_OUT_OF_RANGE: return "a string is too long";
	case HPDF_EXCEED_GSTATE_LIMIT: return "graphics states nested too deeply";
	default: return "libharu error";
	}
}

/* Everything one write needs. */
struct writer {
	HPDF_Doc doc;
	struct hpdf_err err;
	HPDF_Encoder utf8;
	struct pdf_font {
		HPDF_Dict type0; /* NULL until the font is first used */
		uint8_t *used;   /* bit per code: the characters the deck uses */
	} font[DL_NFONTS];
	struct buf {
		char *s;
		size_t n, cap;
	} out; /* the content of the item being written; a scratch buffer */
	struct shape *shapes; /* paths drawn more than once (see shape_form) */
	size_t nshapes;       /* slots, a power of two */
	struct shape **shape_of; /* each item's, in deck order; NULL for most */
	double *extent_of;    /* the extent of each item that has a shape */
	size_t item0;         /* the current page's first item in shape_of */
	HPDF_Page *pages;
	/* ExtGStates by (fill alpha, stroke alpha); made on first use. */
	struct alpha_gs {
		uint8_t fill, stroke;
		HPDF_ExtGState gs;
	} *gs;
	size_t ngs, capgs;
	char *msg; /* a problem found here rather than by libharu */
	struct pdf_tags *tags; /* the structure (pdf_tags.h) */
};

static int failed(const struct writer *w)
{
	return w->err.no || w->msg;
}

static void fail(struct writer *w, const char *fmt, ...)
{
	if (w->msg)
		return;
	va_list ap;
	va_start(ap, fmt);
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	w->msg = xstrdup(buf);
}

/* ---- page content ----
 *
 * Content streams are written straight, not through libharu's HPDF_Page_*
 * path and text calls: those print every number with five decimals
 * (HPDF_FToA) and clear a 512-byte buffer byte by byte on every LineTo,
 * which made them most of a deck's cost. Each item is formatted into
 * w->out and handed to the page's stream in one write; the few operators
 * that name a resource libharu keeps (ExtGStates, images) still go
 * through libharu, between items, so the order holds. Coordinates have
 * two decimals (1/100 pt, far below what a viewer or printer shows),
 * colours three (enough to give back each 0-255 byte), and an axis-aligned
 * rectangle of the display list is written as one `re`. */

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 256;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
}

static void put_str(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static const long scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

/* v, given in units of 10^-places, as a PDF number without trailing zeros,
 * then a space. */
static void put_fixed(struct buf *b, long v, int places)
{
	char tmp[32], *e = tmp + sizeof tmp, *p = e;
	*--p = ' ';
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	unsigned long ip = u / (unsigned long)scale[places], fp = u % (unsigned long)scale[places];
	if (fp) {
		int k = places;
		while (fp % 10 == 0) {
			fp /= 10;
			k--;
		}
		for (; k > 0; k--, fp /= 10)
			*--p = (char)('0' + fp % 10);
		*--p = '.';
	}
	do
		*--p = (char)('0' + ip % 10);
	while (ip /= 10);
	if (v < 0)
		*--p = '-';
	put(b, p, (size_t)(e - p));
}

/* v rounded to the nearest 10^-places; items are checked finite and on
 * the page (dl_item_drawable), the clamp only keeps lround defined. */
static long fixed(double v, int places)
{
	double x = v * (double)scale[places];
	return lround(x > 1e15 ? 1e15 : x < -1e15 ? -1e15 : x);
}

static void put_num(struct buf *b, double v, int places)
{
	put_fixed(b, fixed(v, places), places);
}

/* v as libharu 2.3.0's HPDF_FToA prints it (a float, five decimals
 * truncated after adding 0.000005): text keeps the positions the decks had
 * before content was written here, because pdftotext's grouping of words
 * into lines can turn on a thousandth of a point. */
static void put_haru_real(struct buf *b, double v)
{
	float f = (float)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
	int neg = f < 0;
	if (neg)
		f = -f;
	int32_t ip = (int32_t)(f + 0.000005);
	int32_t fp = (int32_t)((float)(f - (float)ip + 0.000005) * 100000);
	put_fixed(b, (neg ? -1 : 1) * ((long)ip * 100000 + fp), 5);
}

static void put_rgb(struct buf *b, struct dl_color c, const char *op)
{
	put_num(b, c.r / 255.0, 3);
	put_num(b, c.g / 255.0, 3);
	put_num(b, c.b / 255.0, 3);
	put_str(b, op);
}

/* The page's content stream gets what w->out holds. */
static void emit(struct writer *w, HPDF_Page pg)
{
	if (w->out.n) {
		HPDF_PageAttr attr = pg->attr;
		HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)w->out.s, (HPDF_UINT)w->out.n);
		w->out.n = 0;
	}
}

/* Page state the content stream has, so each change is written once. */
struct pstate {
	struct dl_color fill, stroke;
	double width, dash;
	uint8_t afill, astroke;
};

static HPDF_REAL c01(uint8_t v)
{
	return (HPDF_REAL)(v / 255.0);
}

static int same_rgb(struct dl_color a, struct dl_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void set_alpha(struct writer *w, HPDF_Page pg, struct pstate *st, uint8_t fill,
		      uint8_t stroke)
{
	if (st->afill == fill && st->astroke == stroke)
		return;
	HPDF_ExtGState gs = NULL;
	for (size_t i = 0; i < w->ngs; i++)
		if (w->gs[i].fill == fill && w->gs[i].stroke == stroke)
			gs = w->gs[i].gs;
	if (!gs) {
		gs = HPDF_CreateExtGState(w->doc);
		HPDF_ExtGState_SetAlphaFill(gs, c01(fill));
		HPDF_ExtGState_SetAlphaStroke(gs, c01(stroke));
		w->gs = xgrow(w->gs, &w->capgs, w->ngs + 1, sizeof *w->gs);
		w->gs[w->ngs++] = (struct alpha_gs){fill, stroke, gs};
	}
	emit(w, pg);
	HPDF_Page_SetExtGState(pg, gs);
	st->afill = fill;
	st->astroke = stroke;
}

static void set_fill(struct buf *b, struct pstate *st, struct dl_color c)
{
	if (!same_rgb(st->fill, c)) {
		put_rgb(b, c, "rg\n");
		st->fill = c;
	}
}

static void set_stroke(struct buf *b, struct pstate *st, const struct dl_style *s)
{
	if (!same_rgb(st->stroke, s->stroke)) {
		put_rgb(b, s->stroke, "RG\n");
		st->stroke = s->stroke;
	}
	if (st->width != s->width) {
		put_num(b, s->width, 3);
		put_str(b, "w\n");
		st->width = s->width;
	}
	if (st->dash != s->dash) {
		/* whole-point dash lengths, as libharu wrote them */
		long on = s->dash < 1 ? 1 : s->dash > 1000 ? 1000 : lround(s->dash);
		if (s->dash > 0) {
			put_str(b, "[");
			put_fixed(b, on, 0);
			put_fixed(b, on, 0);
			put_str(b, "] 0 d\n");
		} else
			put_str(b, "[] 0 d\n");
		st->dash = s->dash;
	}
}

/* Whether the subpath at op (xy its points) is move, three lines along the
 * axes and close, first edge horizontal: what dl_rect() makes. */
static int is_rect(const unsigned char *op, size_t n, const double *p)
{
	return n >= 5 && op[1] == DL_LINE && op[2] == DL_LINE && op[3] == DL_LINE &&
	       op[4] == DL_CLOSE && p[3] == p[1] && p[4] == p[2] && p[7] == p[5] && p[6] == p[0];
}

/* A display-list point in PDF space (y up), in hundredths of a point;
 * relative to the display-list point o unless o is NULL (a path drawn
 * through a shared form, below, is written relative to its first point). */
static void point(const double *xy, const double *o, long out[2])
{
	out[0] = fixed(o ? xy[0] - o[0] : xy[0], 2);
	out[1] = fixed(o ? o[1] - xy[1] : DL_PAGE_H - xy[1], 2);
}

static void put_point(struct buf *b, const double *xy, const double *o)
{
	long v[2];
	point(xy, o, v);
	put_fixed(b, v[0], 2);
	put_fixed(b, v[1], 2);
}

static void put_rect(struct buf *b, const double *p, const double *o)
{
	long c0[2], c2[2];
	point(p, o, c0);
	point(p + 4, o, c2);
	put_fixed(b, c0[0], 2);
	put_fixed(b, c0[1], 2);
	put_fixed(b, c2[0] - c0[0], 2);
	put_fixed(b, c2[1] - c0[1], 2);
	put_str(b, "re\n");
}

static void put_path(struct buf *b, const struct dl_item *it, const double *o)
{
	const unsigned char *op = it->u.path.ops;
	const double *xy = it->u.path.xy;
	size_t n = it->u.path.nops;
	for (size_t i = 0; i < n; i++) {
		if (op[i] == DL_MOVE && is_rect(op + i, n - i, xy)) {
			put_rect(b, xy, o);
			xy += 8;
			i += 4;
		} else if (op[i] == DL_CLOSE) {
			put_str(b, "h\n");
		} else {
			put_point(b, xy, o);
			put_str(b, op[i] == DL_MOVE ? "m\n" : "l\n");
			xy += 2;
		}
	}
}

/* ---- embedded fonts ----
 *
 * Each font is a Type0 font over a CIDFontType2 with Identity-H: a text's
 * codes are its characters' Unicode values (UCS-2), a CIDToGIDMap maps
 * them to the TTF's glyphs. The font program is cut to the characters the
 * deck uses (harfbuzz's subsetter, glyph ids kept), /W lists only those
 * characters, and the glyph ids and widths come from font.c, which looks
 * each up once per process. The Type0 dictionary is made on a font's first
 * use, for the page resources; the rest when the deck is complete. */

#define NCODES 0x10000 /* the codes of Identity-H: the Basic Multilingual Plane */

static HPDF_Dict font_dict(struct writer *w, enum dl_font f)
{
	struct pdf_font *pf = &w->font[f];
	if (!pf->type0) {
		pf->type0 = HPDF_Dict_New(w->doc->mmgr);
		if (pf->type0)
			HPDF_Xref_Add(w->doc->xref, pf->type0);
		pf->used = xcalloc(NCODES / 8, 1);
	}
	return pf->type0;
}

static void put_hex4(struct buf *b, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	char h[4] = {hex[v >> 12 & 15], hex[v >> 8 & 15], hex[v >> 4 & 15], hex[v & 15]};
	put(b, h, 4);
}

static void draw_text(struct writer *w, HPDF_Page pg, struct pstate *st, const struct dl_item *it)
{
	enum dl_font f = it->u.text.font;
	set_alpha(w, pg, st, it->u.text.color.a, st->astroke);
	HPDF_Dict font = font_dict(w, f);
	const char *name = font ? HPDF_Page_GetLocalFontName(pg, font) : NULL;
	if (!name) {
		fail(w, "cannot add the font to the page");
		return;
	}
	struct buf *b = &w->out;
	set_fill(b, st, it->u.text.color);
	put_str(b, "BT\n/");
	put_str(b, name);
	put_str(b, " ");
	put_haru_real(b, it->u.text.size);
	put_str(b, "Tf\n");
	put_haru_real(b, it->u.text.x);
	put_haru_real(b, DL_PAGE_H - it->u.text.y);
	put_str(b, "Td\n<");
	uint8_t *used = w->font[f].used;
	for (const char *s = it->u.text.utf8; *s;) {
		uint32_t cp;
		s += font_utf8_next(s, &cp);
		if (cp >= NCODES)
			cp = 0xFFFD; /* beyond what UCS-2 codes reach */
		used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		put_hex4(b, cp);
	}
	put_str(b, "> Tj\nET\n");
	emit(w, pg);
}

static HPDF_Dict new_stream(struct writer *w)
{
	HPDF_Dict d = HPDF_DictStream_New(w->doc->mmgr, w->doc->xref);
	if (d)
		d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return d;
}

/* libharu 2.3.0's own UTF-8 fonts had a ToUnicode CMap written with
 * "begincidrange", which is not valid in a ToUnicode CMap. The codes are
 * the characters' Unicode values, so the right CMap is the identity on
 * 0000-FFFF minus the surrogates. */
static void write_tounicode(HPDF_Stream s)
{
	HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n"
			     "12 dict begin\n"
			     "begincmap\n"
			     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
			     "/CMapName /Adobe-Identity-UCS def\n"
			     "/CMapType 2 def\n"
			     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* One range per high byte (a bfrange may not cross one), at most
	 * 100 ranges per block. */
	int hi[256], n = 0;
	for (int h = 0; h < 256; h++)
		if (h < 0xD8 || h > 0xDF)
			hi[n++] = h;
	char line[64];
	for (int i = 0; i < n; i += 100) {
		int m = n - i < 100 ? n - i : 100;
		snprintf(line, sizeof line, "%d beginbfrange\n", m);
		HPDF_Stream_WriteStr(s, line);
		for (int k = i; k < i + m; k++) {
			snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi[k], hi[k], hi[k]);
			HPDF_Stream_WriteStr(s, line);
		}
		HPDF_Stream_WriteStr(s, "endbfrange\n");
	}
	HPDF_Stream_WriteStr(s, "endcmap\n"
			     "CMapName currentdict /CMap defineresource pop\n"
			     "end\nend\n");
}

/* /W for the codes used: runs of consecutive codes, each "c [w ...]",
 * leaving out those at the default width. */
static HPDF_Array widths(struct writer *w, enum dl_font f, const uint32_t *cps, size_t n)
{
	HPDF_MMgr mm = w->doc->mmgr;
	HPDF_Array a = HPDF_Array_New(mm), run = NULL;
	int dw = font_pdf(f)->missing_width;
	for (size_t i = 0; a && i < n; i++) {
		int wd = font_glyph_width(f, font_glyph(f, cps[i]));
		if (wd == dw) {
			run = NULL;
			continue;
		}
		if (!run || cps[i] != cps[i - 1] + 1) {
			HPDF_Array_AddNumber(a, (HPDF_INT32)cps[i]);
			HPDF_Array_Add(a, run = HPDF_Array_New(mm));
		}
		HPDF_Array_AddNumber(run, wd);
	}
	return a;
}

/* The CIDToGIDMap: two bytes per code up to the last one used. */
static HPDF_Dict cid_to_gid(struct writer *w, enum dl_font f, const uint32_t *cps, size_t n)
{
	HPDF_Dict d = new_stream(w);
	size_t len = 2 * ((size_t)cps[n - 1] + 1);
	HPDF_BYTE *map = xcalloc(len, 1);
	for (size_t i = 0; i < n; i++) {
		unsigned g = font_glyph(f, cps[i]);
		map[2 * cps[i]] = (HPDF_BYTE)(g >> 8);
		map[2 * cps[i] + 1] = (HPDF_BYTE)g;
	}
	if (d)
		HPDF_Stream_Write(d->stream, map, (HPDF_UINT)len);
	free(map);
	return d;
}

/* ABCDEF+Name: a subset's tag (PDF 1.7 9.6.4), from the codes it holds, so
 * equal subsets share it and the file stays deterministic. */
static void subset_name(enum dl_font f, const uint32_t *cps, size_t n, char *out, size_t len)
{
	struct HPDF_MD5Context ctx;
	HPDF_BYTE h[16];
	HPDF_MD5Init(&ctx);
	HPDF_MD5Update(&ctx, (const HPDF_BYTE *)cps, (HPDF_UINT)(n * sizeof *cps));
	HPDF_MD5Final(h, &ctx);
	char tag[7];
	for (int i = 0; i < 6; i++)
		tag[i] = (char)('A' + h[i] % 26);
	tag[6] = 0;
	snprintf(out, len, "%s+%s", tag, font_pdf(f)->ps_name);
}

static HPDF_Dict descriptor(struct writer *w, enum dl_font f, const char *name,
			    const uint32_t *cps, size_t n)
{
	HPDF_MMgr mm = w->doc->mmgr;
	const struct font_pdf_metrics *m = font_pdf(f);
	size_t len = 0;
	unsigned char *prog = font_subset(f, cps, n, &len);
	HPDF_Dict file = prog ? new_stream(w) : NULL, d = HPDF_Dict_New(mm);
	if (!file || !d) {
		free(prog);
		fail(w, "cannot cut the font %s to the characters used", m->ps_name);
		return NULL;
	}
	HPDF_Stream_Write(file->stream, prog, (HPDF_UINT)len);
	free(prog);
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
	HPDF_Xref_Add(w->doc->xref, d);
	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", name);
	HPDF_Dict_AddNumber(d, "Flags", m->flags);
	HPDF_Box box = {(HPDF_REAL)m->bbox[0], (HPDF_REAL)m->bbox[1], (HPDF_REAL)m->bbox[2],
			(HPDF_REAL)m->bbox[3]};
	HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(mm, box));
	HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(d, "Ascent", m->ascent);
	HPDF_Dict_AddNumber(d, "Descent", m->descent);
	HPDF_Dict_AddNumber(d, "CapHeight", m->cap_height);
	HPDF_Dict_AddNumber(d, "XHeight", m->x_height);
	HPDF_Dict_AddNumber(d, "StemV", 0);
	HPDF_Dict_Add(d, "FontFile2", file);
	return d;
}

/* Everything of a used font but its Type0 dictionary's existence. */
static void finish_font(struct writer *w, enum dl_font f)
{
	struct pdf_font *pf = &w->font[f];
	HPDF_MMgr mm = w->doc->mmgr;
	uint32_t *cps = xcalloc(NCODES, sizeof *cps);
	size_t n = 0;
	for (uint32_t c = 0; c < NCODES; c++)
		if (pf->used[c >> 3] >> (c & 7) & 1)
			cps[n++] = c;
	char name[96];
	subset_name(f, cps, n, name, sizeof name);
	HPDF_Dict desc = n ? descriptor(w, f, name, cps, n) : NULL;
	HPDF_Dict cid = HPDF_Dict_New(mm), info = HPDF_Dict_New(mm), tu = new_stream(w);
	HPDF_Array desc_fonts = HPDF_Array_New(mm);
	if (!desc || !cid || !info || !tu || !desc_fonts) {
		fail(w, "cannot build the font %s", font_pdf(f)->ps_name);
		free(cps);
		return;
	}
	HPDF_Xref_Add(w->doc->xref, cid);
	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", name);
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_AddNumber(cid, "DW", font_pdf(f)->missing_width);
	HPDF_Dict_Add(cid, "W", widths(w, f, cps, n));
	HPDF_Dict_Add(cid, "CIDToGIDMap", cid_to_gid(w, f, cps, n));
	write_tounicode(tu->stream);
	HPDF_Dict t0 = pf->type0;
	HPDF_Dict_AddName(t0, "Type", "Font");
	HPDF_Dict_AddName(t0, "Subtype", "Type0");
	HPDF_Dict_AddName(t0, "BaseFont", name);
	HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
	HPDF_Array_Add(desc_fonts, cid);
	HPDF_Dict_Add(t0, "DescendantFonts", desc_fonts);
	HPDF_Dict_Add(t0, "ToUnicode", tu);
	free(cps);
}

/* The painting operator of a path of style s. */
static const char *paint_op(const struct dl_style *s)
{
	int fill = s->fill.a > 0, stroke = s->stroke.a > 0 && s->width > 0;
	if (fill && stroke)
		return s->evenodd ? "B*\n" : "B\n";
	if (fill)
		return s->evenodd ? "f*\n" : "f\n";
	return "S\n";
}

/* ---- shared outlines ----
 *
 * The LSOA maps of a deck draw the same few hundred outlines, each page in
 * its own colours, place and size: most of a deck's bytes. A path of at
 * least SHARED_OPS operations drawn more than once in a deck (the same
 * points relative to its first one, in millionths of its extent) is
 * written once, as a form XObject holding the outline as first drawn,
 * relative to its first point, and its painting operator but no colour;
 * each use sets its colours, moves the origin to its first point, scales
 * by its extent over the first one's (a stroke's width divided to match)
 * and invokes the form, which paints with the caller's graphics state.
 * Every point lands within a hundredth of a point times that scale of
 * where it would have been written directly. */

#define SHARED_OPS 16

struct shape {
	const struct dl_item *first; /* NULL = empty slot */
	double extent;               /* the first one's (extent()) */
	uint64_t hash;
	unsigned uses;
	HPDF_Dict form;              /* made when first drawn */
};

/* The larger side of the path's bounding box. */
static double extent(const struct dl_item *it)
{
	const double *p = it->u.path.xy;
	double x0 = p[0], x1 = p[0], y0 = p[1], y1 = p[1];
	for (size_t k = 1; k < it->u.path.npts; k++) {
		x0 = fmin(x0, p[2 * k]), x1 = fmax(x1, p[2 * k]);
		y0 = fmin(y0, p[2 * k + 1]), y1 = fmax(y1, p[2 * k + 1]);
	}
	return fmax(x1 - x0, y1 - y0);
}

/* Whether it may be a shared outline, before its extent is known. */
static int candidate(const struct dl_item *it)
{
	return it->kind == DL_PATH && it->u.path.nops >= SHARED_OPS &&
	       it->u.path.style.dash == 0 && it->u.path.npts > 1;
}

/* The extent of a path that may be shared, 0 for one that may not. */
static double share_extent(const struct dl_item *it)
{
	double e = candidate(it) ? extent(it) : 0;
	return e > 0.5 ? e : 0;
}

/* Point k relative to the first, in millionths of the extent e. */
static void shape_point(const struct dl_item *it, size_t k, double e, long v[2])
{
	const double *p = it->u.path.xy;
	v[0] = lround((p[2 * k] - p[0]) / e * 1e6);
	v[1] = lround((p[2 * k + 1] - p[1]) / e * 1e6);
}

static void fnv(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ b[i]) * 0x100000001b3ull;
}

/* e: the path's extent. The points are mixed a word at a time. */
static uint64_t shape_hash(const struct dl_item *it, double e)
{
	uint64_t h = 0xcbf29ce484222325ull;
	const char *op = paint_op(&it->u.path.style);
	fnv(&h, op, strlen(op));
	fnv(&h, it->u.path.ops, it->u.path.nops);
	long v[2];
	for (size_t k = 1; k < it->u.path.npts; k++) {
		shape_point(it, k, e, v);
		h = (h ^ (uint64_t)v[0]) * 0x100000001b3ull;
		h = (h ^ (uint64_t)v[1]) * 0x100000001b3ull;
	}
	return h;
}

/* ea, eb: the extents of a and b. */
static int same_shape(const struct dl_item *a, double ea, const struct dl_item *b, double eb)
{
	if (a->u.path.nops != b->u.path.nops || a->u.path.npts != b->u.path.npts ||
	    strcmp(paint_op(&a->u.path.style), paint_op(&b->u.path.style)) != 0 ||
	    memcmp(a->u.path.ops, b->u.path.ops, a->u.path.nops) != 0)
		return 0;
	long va[2], vb[2];
	for (size_t k = 1; k < a->u.path.npts; k++) {
		shape_point(a, k, ea, va);
		shape_point(b, k, eb, vb);
		if (va[0] != vb[0] || va[1] != vb[1])
			return 0;
	}
	return 1;
}

/* The slot of it's shape in the open-addressed table (empty if new). */
static struct shape *shape_slot(struct writer *w, const struct dl_item *it, double e)
{
	uint64_t h = shape_hash(it, e);
	size_t i = (size_t)h & (w->nshapes - 1);
	while (w->shapes[i].first &&
	       (w->shapes[i].hash != h ||
		!same_shape(w->shapes[i].first, w->shapes[i].extent, it, e)))
		i = (i + 1) & (w->nshapes - 1);
	w->shapes[i].hash = h;
	return &w->shapes[i];
}

/* Counts the uses of every shareable path of the deck, and notes each
 * item's shape (w->shape_of, by page, then item) for draw_path. */
static void count_shapes(struct writer *w, const struct dl_deck *d)
{
	size_t n = 0, items = 0;
	for (size_t i = 0; i < d->npages; i++)
		for (size_t j = 0; j < d->pages[i]->nitems; j++, items++)
			n += candidate(&d->pages[i]->items[j]);
	for (w->nshapes = 16; w->nshapes < 2 * n;)
		w->nshapes *= 2;
	w->shapes = xcalloc(w->nshapes, sizeof *w->shapes);
	w->shape_of = xcalloc(items ? items : 1, sizeof *w->shape_of);
	w->extent_of = xcalloc(items ? items : 1, sizeof *w->extent_of);
	items = 0;
	for (size_t i = 0; i < d->npages; i++)
		for (size_t j = 0; j < d->pages[i]->nitems; j++, items++) {
			const struct dl_item *it = &d->pages[i]->items[j];
			if (!candidate(it) || it == d->pages[i]->cur || !dl_item_drawable(it, d->npages))
				continue;
			double e = share_extent(it);
			if (!e)
				continue;
			struct shape *sh = shape_slot(w, it, e);
			if (!sh->first) {
				sh->first = it;
				sh->extent = e;
			}
			sh->uses++;
			w->shape_of[items] = sh;
			w->extent_of[items] = e;
		}
}

/* The form XObject of a shape, made on first use. */
static HPDF_Dict shape_form(struct writer *w, struct shape *sh)
{
	if (sh->form)
		return sh->form;
	HPDF_Dict f = new_stream(w);
	if (!f)
		return NULL;
	f->header.obj_class = HPDF_OSUBCLASS_XOBJECT | HPDF_OCLASS_DICT;
	HPDF_Dict_AddName(f, "Type", "XObject");
	HPDF_Dict_AddName(f, "Subtype", "Form");
	/* relative to its first point, the outline is within a page's size */
	HPDF_Box box = {-(HPDF_REAL)DL_PAGE_W, -(HPDF_REAL)DL_PAGE_H, (HPDF_REAL)DL_PAGE_W,
			(HPDF_REAL)DL_PAGE_H};
	HPDF_Dict_Add(f, "BBox", HPDF_Box_Array_New(w->doc->mmgr, box));
	struct buf b = {0};
	put_path(&b, sh->first, sh->first->u.path.xy);
	put_str(&b, paint_op(&sh->first->u.path.style));
	HPDF_Stream_Write(f->stream, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.n);
	free(b.s);
	return sh->form = f;
}

/* sh: the item's shape, NULL when it has none, and e its extent
 * (count_shapes). */
static void draw_path(struct writer *w, HPDF_Page pg, struct pstate *st, const struct dl_item *it,
		      struct shape *sh, double e)
{
	const struct dl_style *s = &it->u.path.style;
	int fill = s->fill.a > 0, stroke = s->stroke.a > 0 && s->width > 0;
	set_alpha(w, pg, st, fill ? s->fill.a : st->afill, stroke ? s->stroke.a : st->astroke);
	if (fill)
		set_fill(&w->out, st, s->fill);
	if (stroke)
		set_stroke(&w->out, st, s);
	HPDF_Dict form = sh && sh->uses > 1 ? shape_form(w, sh) : NULL;
	const char *name = form ? HPDF_Page_GetXObjectName(pg, form) : NULL;
	if (name) {
		double k = e / sh->extent;
		put_str(&w->out, "q ");
		put_num(&w->out, k, 6);
		put_str(&w->out, "0 0 ");
		put_num(&w->out, k, 6);
		put_point(&w->out, it->u.path.xy, NULL);
		put_str(&w->out, "cm ");
		if (stroke && k != 1) {
			put_num(&w->out, s->width / k, 3);
			put_str(&w->out, "w ");
		}
		put_str(&w->out, "/");
		put_str(&w->out, name);
		put_str(&w->out, " Do Q\n");
	} else {
		put_path(&w->out, it, NULL);
		put_str(&w->out, paint_op(s));
	}
	emit(w, pg);
}

static HPDF_Annotation draw_link(struct writer *w, HPDF_Page pg, const struct dl_item *it)
{
	double v[4] = {it->u.link.x, it->u.link.y, it->u.link.w, it->u.link.h};
	HPDF_Destination dst = HPDF_Page_CreateDestination(w->pages[it->u.link.target_page]);
	HPDF_Destination_SetFit(dst);
	HPDF_Rect r = {(HPDF_REAL)v[0], (HPDF_REAL)(DL_PAGE_H - v[1] - v[3]),
		       (HPDF_REAL)(v[0] + v[2]), (HPDF_REAL)(DL_PAGE_H - v[1])};
	HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(pg, r, dst);
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	return a;
}

static void draw_image(struct writer *w, HPDF_Page pg, const struct dl_item *it)
{
	double v[4] = {it->u.image.x, it->u.image.y, it->u.image.w, it->u.image.h};
	HPDF_Image img = HPDF_LoadRawImageFromMem(w->doc, it->u.image.rgb,
						  (HPDF_UINT)it->u.image.pw,
						  (HPDF_UINT)it->u.image.ph, HPDF_CS_DEVICE_RGB, 8);
	if (img) {
		emit(w, pg);
		HPDF_Page_DrawImage(pg, img, (HPDF_REAL)v[0], (HPDF_REAL)(DL_PAGE_H - v[1] - v[3]),
				    (HPDF_REAL)v[2], (HPDF_REAL)v[3]);
	}
}

static void draw_page(struct writer *w, const struct dl_deck *d, size_t i)
{
	const struct dl_page *p = d->pages[i];
	HPDF_Page pg = w->pages[i];
	/* What a fresh page's graphics state is (black, width 1, solid,
	 * opaque), except the line join, set round here as in png.c. */
	struct pstate st = {.fill = DL_RGB(0), .stroke = DL_RGB(0), .width = 1, .dash = 0,
			    .afill = 255, .astroke = 255};
	put_str(&w->out, "1 j\n");
	for (size_t j = 0; j < p->nitems && !failed(w); j++) {
		const struct dl_item *it = &p->items[j];
		if (it == p->cur || !dl_item_drawable(it, d->npages))
			continue; /* an unfinished path, or nothing drawable */
		emit(w, pg); /* the tags write into the page stream too */
		pdf_tags_item(w->tags, i, j);
		switch (it->kind) {
		case DL_PATH:
			draw_path(w, pg, &st, it, w->shape_of[w->item0 + j], w->extent_of[w->item0 + j]);
			break;
		case DL_TEXT:
			draw_text(w, pg, &st, it);
			break;
		case DL_LINK:
			pdf_tags_link(w->tags, i, j, draw_link(w, pg, it));
			break;
		case DL_IMAGE:
			draw_image(w, pg, it);
			break;
		}
	}
	emit(w, pg);
	pdf_tags_page_end(w->tags, i);
	w->item0 += p->nitems;
	HPDF_Destination dst = HPDF_Page_CreateDestination(pg);
	HPDF_Destination_SetFit(dst);
	char *title = p->outline && *p->outline ? xstrdup(p->outline) : xasprintf("Page %zu", i + 1);
	HPDF_Outline o = HPDF_CreateOutline(w->doc, NULL, title, w->utf8);
	HPDF_Outline_SetDestination(o, dst);
	free(title);
}

/* ---- stream compression ----
 *
 * libharu deflates every stream at zlib's default level 6, fixed inside
 * HPDF_Stream_WriteToStreamWithDeflate. So before saving, every stream
 * libharu would deflate is deflated here instead, by libdeflate at its level 1
 * (util/deflate.h), and libharu is told to copy it as it is, with /Filter
 * /FlateDecode written by the dictionary's write hook (libharu drops a
 * /Filter entry of a stream whose filter it does not apply itself). */

static HPDF_STATUS write_flate_filter(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* The stream's bytes deflated in place of them; raw is a scratch buffer.
 * libharu keeps a stream in blocks: they are joined first, as libdeflate's
 * whole-buffer call takes its input in one piece. */
static int deflate_stream(struct deflater *z, HPDF_Stream s, struct buf *raw)
{
	raw->n = 0;
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(s);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *in = HPDF_MemStream_GetBufPtr(s, i, &len);
		if (!len)
			continue;
		raw->s = xgrow(raw->s, &raw->cap, raw->n + len, 1);
		memcpy(raw->s + raw->n, in, len);
		raw->n += len;
	}
	size_t zn;
	unsigned char *zs = deflater_run(z, raw->s, raw->n, &zn);
	if (!zs)
		return -1;
	HPDF_MemStream_FreeData(s);
	int rc = HPDF_Stream_Write(s, zs, (HPDF_UINT)zn) == HPDF_OK ? 0 : -1;
	free(zs);
	return rc;
}

static void deflate_all(struct writer *w)
{
	struct deflater *z = deflater_new();
	HPDF_List entries = w->doc->xref->entries;
	for (HPDF_UINT i = 0; i < entries->count && !failed(w); i++) {
		HPDF_XrefEntry e = HPDF_List_ItemAt(entries, i);
		HPDF_Obj_Header *h = e ? e->obj : NULL;
		if (!h || (h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
			continue;
		HPDF_Dict d = e->obj;
		if (!d->stream || d->filter != HPDF_STREAM_FILTER_FLATE_DECODE || d->write_fn)
			continue;
		if (deflate_stream(z, d->stream, &w->out) != 0) {
			fail(w, "cannot compress a PDF stream");
			break;
		}
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = write_flate_filter;
	}
	deflater_free(z);
	w->out.n = 0;
}

/* ---- document ---- */

static void set_info(struct writer *w, HPDF_InfoType t, const char *s)
{
	if (s && *s)
		HPDF_SetInfoAttr(w->doc, t, s);
}

static void set_dates(struct writer *w, long long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		fail(w, "creation date %lld is out of range", epoch);
		return;
	}
	HPDF_Date date = {
		.year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
		.hour = tm.tm_hour, .minutes = tm.tm_min, .seconds = tm.tm_sec,
		.ind = 'Z', .off_hour = 0, .off_minutes = 0,
	};
	HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, date);
}

/* The document ID: the first 16 bytes of a SHA-256 (nettle, which uses
 * the processor's SHA instructions: a quarter of the time libharu's MD5
 * took) of everything the display list holds, fed field by field in
 * binary (numbers as their bytes), so equal decks share it and a deck
 * that differs anywhere gets another. */
static void id_bytes(struct sha256_ctx *c, const void *p, size_t n)
{
	sha256_update(c, n, p);
}

#define ID_VAL(c, v) id_bytes((c), &(v), sizeof(v))

/* A string with its length, so "ab" "c" and "a" "bc" differ; NULL as -1. */
static void id_str(struct sha256_ctx *c, const char *s)
{
	size_t n = s ? strlen(s) : (size_t)-1;
	ID_VAL(c, n);
	if (s)
		id_bytes(c, s, n);
}

static void id_color(struct sha256_ctx *c, struct dl_color k)
{
	uint8_t v[4] = {k.r, k.g, k.b, k.a};
	id_bytes(c, v, 4);
}

static void id_item(struct sha256_ctx *c, const struct dl_item *it)
{
	ID_VAL(c, it->kind);
	switch (it->kind) {
	case DL_PATH: {
		const struct dl_style *s = &it->u.path.style;
		id_color(c, s->fill);
		id_color(c, s->stroke);
		ID_VAL(c, s->width);
		ID_VAL(c, s->dash);
		ID_VAL(c, s->evenodd);
		ID_VAL(c, it->u.path.nops);
		id_bytes(c, it->u.path.ops, it->u.path.nops);
		id_bytes(c, it->u.path.xy, 2 * it->u.path.npts * sizeof(double));
		break;
	}
	case DL_TEXT:
		ID_VAL(c, it->u.text.x);
		ID_VAL(c, it->u.text.y);
		ID_VAL(c, it->u.text.size);
		ID_VAL(c, it->u.text.font);
		id_color(c, it->u.text.color);
		id_str(c, it->u.text.utf8);
		break;
	case DL_LINK:
		id_bytes(c, (const double[4]){it->u.link.x, it->u.link.y, it->u.link.w,
					       it->u.link.h}, 4 * sizeof(double));
		ID_VAL(c, it->u.link.target_page);
		break;
	case DL_IMAGE:
		id_bytes(c, (const double[4]){it->u.image.x, it->u.image.y, it->u.image.w,
					       it->u.image.h}, 4 * sizeof(double));
		ID_VAL(c, it->u.image.pw);
		ID_VAL(c, it->u.image.ph);
		if (it->u.image.rgb && it->u.image.pw > 0 && it->u.image.ph > 0)
			id_bytes(c, it->u.image.rgb, (size_t)it->u.image.pw * (size_t)it->u.image.ph * 3);
		break;
	}
}

static void deck_id(const struct dl_deck *d, HPDF_BYTE id[HPDF_ID_LEN])
{
	struct sha256_ctx c;
	sha256_init(&c);
	const char *meta[] = {d->title, d->author, d->subject, d->keywords, d->creator};
	for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
		id_str(&c, meta[i]);
	ID_VAL(&c, d->epoch);
	ID_VAL(&c, d->npages);
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		id_str(&c, p->outline);
		ID_VAL(&c, p->nitems);
		for (size_t j = 0; j < p->nitems; j++)
			id_item(&c, &p->items[j]);
	}
	sha256_digest(&c, HPDF_ID_LEN, id);
}

/* HPDF_SaveToFile with a fixed /ID (see the top of the file), into a
 * memory stream: the file itself is written by pdf_write() through
 * util/atomic.c, so a failed write is reported with its errno. NULL when
 * the document could not be serialised (the reason is in w). */
static HPDF_Stream save(struct writer *w, const HPDF_BYTE id[HPDF_ID_LEN])
{
	HPDF_Doc pdf = w->doc;
	HPDF_MMgr mm = pdf->mmgr;
	HPDF_Array ids = HPDF_Array_New(mm);
	if (!pdf->info || !ids || HPDF_Array_Add(ids, HPDF_Binary_New(mm, (HPDF_BYTE *)id, HPDF_ID_LEN)) ||
	    HPDF_Array_Add(ids, HPDF_Binary_New(mm, (HPDF_BYTE *)id, HPDF_ID_LEN)) ||
	    HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog) ||
	    HPDF_Dict_Add(pdf->trailer, "Info", pdf->info) ||
	    HPDF_Dict_Add(pdf->trailer, "ID", ids)) {
		fail(w, "cannot build the PDF trailer");
		return NULL;
	}
	HPDF_Stream s = HPDF_MemStream_New(mm, 1u << 16) /* 64 KiB chunks */;
	if (!s) {
		if (!w->err.no)
			w->err.no = HPDF_FAILD_TO_ALLOC_MEM;
		return NULL;
	}
	char header[32];
	snprintf(header, sizeof header, "%%PDF-1.%d\n%%\267\276\255\252\n", 2 + (int)pdf->pdf_version);
	if (HPDF_Stream_WriteStr(s, header) || pdf_xref_write(pdf, s))
		if (!w->err.no)
			w->err.no = HPDF_Error_GetCode(&pdf->error) ? HPDF_Error_GetCode(&pdf->error)
								     : HPDF_FILE_IO_ERROR;
	if (!w->err.no && HPDF_Error_GetCode(&pdf->error))
		w->err.no = HPDF_Error_GetCode(&pdf->error);
	if (w->err.no) {
		HPDF_Stream_Free(s);
		return NULL;
	}
	return s;
}

/* The memory stream's bytes in one buffer; caller frees. */
struct bytes {
	unsigned char *p;
	size_t len;
};
static struct bytes stream_bytes(HPDF_Stream s)
{
	struct bytes b = {xmalloc(HPDF_Stream_Size(s) + 1), 0};
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(s);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *buf = HPDF_MemStream_GetBufPtr(s, i, &len);
		if (buf && len) {
			memcpy(b.p + b.len, buf, len);
			b.len += len;
		}
	}
	return b;
}

static void put_bytes(FILE *f, const void *ctx)
{
	const struct bytes *b = ctx;
	fwrite(b->p, 1, b->len, f);
}

/* The serialised deck into path, atomically, encrypted first when opt has
 * an owner password. 0, or -1 with "PATH: reason" in err. */
static int write_deck(HPDF_Stream s, const char *path, const struct pdf_options *opt,
		      char *err, size_t errlen)
{
	struct bytes plain = stream_bytes(s), out = plain;
	int rc = 0;
	if (opt && opt->owner_password) {
		char why[512];
		out = (struct bytes){0};
		if (protect_pdf(plain.p, plain.len, opt, &out.p, &out.len, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s: %s", path, why);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = atomic_write_with(path, put_bytes, &out, err, errlen);
	if (out.p != plain.p)
		free(out.p);
	free(plain.p);
	return rc;
}

static void build(struct writer *w, const struct dl_deck *d)
{
	HPDF_Doc doc = w->doc;
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	w->utf8 = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_SetCurrentEncoder(doc, "UTF-8"); /* for the info strings */
	for (int f = 0; f < DL_NFONTS; f++)
		if (!font_path((enum dl_font)f)) {
			fail(w, "fonts not loaded (font_init() not called)");
			return;
		}
	set_info(w, HPDF_INFO_TITLE, d->title);
	set_info(w, HPDF_INFO_AUTHOR, d->author);
	set_info(w, HPDF_INFO_SUBJECT, d->subject);
	set_info(w, HPDF_INFO_KEYWORDS, d->keywords);
	set_info(w, HPDF_INFO_CREATOR, d->creator);
	set_dates(w, d->epoch);
	if (failed(w))
		return;
	w->pages = xcalloc(d->npages, sizeof *w->pages);
	for (size_t i = 0; i < d->npages && !failed(w); i++) {
		w->pages[i] = HPDF_AddPage(doc);
		HPDF_Page_SetWidth(w->pages[i], (HPDF_REAL)DL_PAGE_W);
		HPDF_Page_SetHeight(w->pages[i], (HPDF_REAL)DL_PAGE_H);
	}
	count_shapes(w, d);
	w->tags = pdf_tags_new(doc, d, w->pages, w->utf8);
	for (size_t i = 0; i < d->npages && !failed(w); i++)
		draw_page(w, d, i);
	for (int f = 0; f < DL_NFONTS && !failed(w); f++)
		if (w->font[f].type0)
			finish_font(w, (enum dl_font)f);
	if (!failed(w) && pdf_tags_finish(w->tags) != 0)
		fail(w, "cannot build the structure tree");
	if (!failed(w))
		deflate_all(w);
	if (d->npages) {
		HPDF_AddPageLabel(doc, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
		HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
	}
}

int pdf_write(const struct dl_deck *d, const char *path, const struct pdf_options *opt,
	      char *err, size_t errlen)
{
	struct writer w = {0};
	if (d->npages == 0)
		fail(&w, "the deck has no pages");
	else if (!(w.doc = HPDF_New(on_error, &w.err)))
		fail(&w, "cannot start a PDF document");
	if (!failed(&w))
		build(&w, d);
	HPDF_Stream s = NULL;
	if (!failed(&w)) {
		HPDF_BYTE id[HPDF_ID_LEN];
		deck_id(d, id);
		s = save(&w, id);
	}
	int rc = 0;
	if (failed(&w)) {
		if (w.msg)
			snprintf(err, errlen, "%s: %s", path, w.msg);
		else
			snprintf(err, errlen, "%s: %s (libharu error 0x%04X, detail %u)", path,
				 error_name(w.err.no), (unsigned)w.err.no, (unsigned)w.err.detail);
		rc = -1;
	} else
		rc = write_deck(s, path, opt, err, errlen);
	if (s)
		HPDF_Stream_Free(s);
	if (w.doc)
		HPDF_Free(w.doc);
	pdf_tags_free(w.tags);
	free(w.pages);
	for (int f = 0; f < DL_NFONTS; f++)
		free(w.font[f].used);
	free(w.out.s);
	free(w.shapes);
	free(w.shape_of);
	free(w.extent_of);
	free(w.gs);
	free(w.msg);
	return rc;
}
