/* render/display/pdf.c - the PDF backend through libharu; see pdf.h.
 *
 * libharu reports errors through a handler and carries on; the handler here
 * only records the first error, and every stage checks it, so nothing jumps
 * out of the caller's frames.
 *
 * Determinism: libharu 2.3.0 writes no /ID for a plain document. save()
 * below does what HPDF_SaveToFile does (header, trailer, xref) with
 * libharu's own building blocks, adding a fixed /ID: the MD5 of the deck's
 * text dump. Dates come from deck->epoch, never the clock. Encryption is
 * not libharu's (RC4 only) but libqpdf's, after serialising (protect.h).
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
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../../util/atomic.h"
#include "../../util/xalloc.h"
#include "font.h"
#include "pdf_tags.h"

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
	HPDF_Font font[DL_NFONTS];
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

/* ---- page content ---- */

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
	HPDF_Page_SetExtGState(pg, gs);
	st->afill = fill;
	st->astroke = stroke;
}

static void set_fill(HPDF_Page pg, struct pstate *st, struct dl_color c)
{
	if (!same_rgb(st->fill, c)) {
		HPDF_Page_SetRGBFill(pg, c01(c.r), c01(c.g), c01(c.b));
		st->fill = c;
	}
}

static void draw_path(struct writer *w, HPDF_Page pg, struct pstate *st, const struct dl_item *it)
{
	const struct dl_style *s = &it->u.path.style;
	int fill = s->fill.a > 0, stroke = s->stroke.a > 0 && s->width > 0;
	set_alpha(w, pg, st, fill ? s->fill.a : st->afill, stroke ? s->stroke.a : st->astroke);
	if (fill)
		set_fill(pg, st, s->fill);
	if (stroke) {
		if (!same_rgb(st->stroke, s->stroke)) {
			HPDF_Page_SetRGBStroke(pg, c01(s->stroke.r), c01(s->stroke.g),
					       c01(s->stroke.b));
			st->stroke = s->stroke;
		}
		if (st->width != s->width) {
			HPDF_Page_SetLineWidth(pg, (HPDF_REAL)s->width);
			st->width = s->width;
		}
		if (st->dash != s->dash) {
			/* libharu takes whole-point dash lengths. */
			HPDF_UINT16 on = (HPDF_UINT16)(s->dash < 1 ? 1 : s->dash > 1000 ? 1000 : lround(s->dash));
			HPDF_UINT16 pat[2] = {on, on};
			HPDF_Page_SetDash(pg, s->dash > 0 ? pat : NULL, s->dash > 0 ? 2 : 0, 0);
			st->dash = s->dash;
		}
	}
	const double *xy = it->u.path.xy;
	for (size_t i = 0; i < it->u.path.nops; i++) {
		switch ((enum dl_op)it->u.path.ops[i]) {
		case DL_MOVE:
			HPDF_Page_MoveTo(pg, (HPDF_REAL)xy[0], (HPDF_REAL)(DL_PAGE_H - xy[1]));
			xy += 2;
			break;
		case DL_LINE:
			HPDF_Page_LineTo(pg, (HPDF_REAL)xy[0], (HPDF_REAL)(DL_PAGE_H - xy[1]));
			xy += 2;
			break;
		case DL_CLOSE:
			HPDF_Page_ClosePath(pg);
			break;
		}
	}
	if (fill && stroke)
		s->evenodd ? HPDF_Page_EofillStroke(pg) : HPDF_Page_FillStroke(pg);
	else if (fill)
		s->evenodd ? HPDF_Page_Eofill(pg) : HPDF_Page_Fill(pg);
	else
		HPDF_Page_Stroke(pg);
}

static void draw_text(struct writer *w, HPDF_Page pg, struct pstate *st, const struct dl_item *it)
{
	set_alpha(w, pg, st, it->u.text.color.a, st->astroke);
	set_fill(pg, st, it->u.text.color);
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, w->font[it->u.text.font], (HPDF_REAL)it->u.text.size);
	HPDF_Page_TextOut(pg, (HPDF_REAL)it->u.text.x, (HPDF_REAL)(DL_PAGE_H - it->u.text.y),
			  it->u.text.utf8);
	HPDF_Page_EndText(pg);
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
	if (img)
		HPDF_Page_DrawImage(pg, img, (HPDF_REAL)v[0], (HPDF_REAL)(DL_PAGE_H - v[1] - v[3]),
				    (HPDF_REAL)v[2], (HPDF_REAL)v[3]);
}

static void draw_page(struct writer *w, const struct dl_deck *d, size_t i)
{
	const struct dl_page *p = d->pages[i];
	HPDF_Page pg = w->pages[i];
	/* What a fresh page's graphics state is (black, width 1, solid,
	 * opaque), except the line join, set round here as in png.c. */
	struct pstate st = {.fill = DL_RGB(0), .stroke = DL_RGB(0), .width = 1, .dash = 0,
			    .afill = 255, .astroke = 255};
	HPDF_Page_SetLineJoin(pg, HPDF_ROUND_JOIN);
	for (size_t j = 0; j < p->nitems && !failed(w); j++) {
		const struct dl_item *it = &p->items[j];
		if (it == p->cur || !dl_item_drawable(it, d->npages))
			continue; /* an unfinished path, or nothing drawable */
		pdf_tags_item(w->tags, i, j);
		switch (it->kind) {
		case DL_PATH:
			draw_path(w, pg, &st, it);
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
	pdf_tags_page_end(w->tags, i);
	HPDF_Destination dst = HPDF_Page_CreateDestination(pg);
	HPDF_Destination_SetFit(dst);
	char *title = p->outline && *p->outline ? xstrdup(p->outline) : xasprintf("Page %zu", i + 1);
	HPDF_Outline o = HPDF_CreateOutline(w->doc, NULL, title, w->utf8);
	HPDF_Outline_SetDestination(o, dst);
	free(title);
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

/* The document ID: MD5 of the deck's text dump, so equal decks share it. */
static void deck_id(const struct dl_deck *d, HPDF_BYTE id[HPDF_ID_LEN])
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		die("out of memory");
	dl_deck_dump(d, f);
	fclose(f);
	struct HPDF_MD5Context ctx;
	HPDF_MD5Init(&ctx);
	for (size_t off = 0; off < len;) {
		HPDF_UINT n = len - off > 1u << 30 ? 1u << 30 : (HPDF_UINT)(len - off);
		HPDF_MD5Update(&ctx, (const HPDF_BYTE *)buf + off, n);
		off += n;
	}
	HPDF_MD5Final(id, &ctx);
	free(buf);
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
	if (HPDF_Stream_WriteStr(s, header) || HPDF_Xref_WriteToStream(pdf->xref, s, NULL))
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

/* libharu 2.3.0 gives a UTF-8 Type0 font a ToUnicode CMap written with
 * "begincidrange", which is not valid in a ToUnicode CMap, so viewers
 * cannot map the text back reliably for copying and searching. Its codes
 * are the characters' Unicode values (UCS-2), so the right CMap is the
 * identity on 0000-FFFF minus the surrogates: rewrite the stream so. */
static void fix_tounicode(struct writer *w, HPDF_Font font)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (!tu || !tu->stream) {
		fail(w, "libharu made no ToUnicode CMap for the UTF-8 font");
		return;
	}
	HPDF_MemStream_FreeData(tu->stream);
	HPDF_Stream s = tu->stream;
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

static void build(struct writer *w, const struct dl_deck *d)
{
	HPDF_Doc doc = w->doc;
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	w->utf8 = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_SetCurrentEncoder(doc, "UTF-8"); /* for the info strings */
	for (int f = 0; f < DL_NFONTS && !failed(w); f++) {
		const char *path = font_path((enum dl_font)f);
		if (!path) {
			fail(w, "fonts not loaded (font_init() not called)");
			return;
		}
		const char *name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
		if (name)
			w->font[f] = HPDF_GetFont(doc, name, "UTF-8");
		if (w->font[f])
			fix_tounicode(w, w->font[f]);
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
	w->tags = pdf_tags_new(doc, d, w->pages, w->utf8);
	for (size_t i = 0; i < d->npages && !failed(w); i++)
		draw_page(w, d, i);
	if (!failed(w) && pdf_tags_finish(w->tags) != 0)
		fail(w, "cannot build the structure tree");
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
	free(w.gs);
	free(w.msg);
	return rc;
}
