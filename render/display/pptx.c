/* render/display/pptx.c - the PowerPoint backend; see pptx.h.
 *
 * A presentation package is a zip of XML parts tied together by
 * relationship parts (ECMA-376 part 2):
 *
 *   [Content_Types].xml          the media type of every part
 *   _rels/.rels                  the presentation and the document properties
 *   docProps/core.xml, app.xml   title, author, date; the application
 *   ppt/presentation.xml         slide size and the list of slides
 *   ppt/slideMasters, slideLayouts, notesMasters, theme
 *                                one fixed master, layout and notes master
 *   ppt/slides/slideN.xml        a slide per page (DrawingML shapes)
 *   ppt/notesSlides/notesSlideN.xml  its speaker notes, when it has any
 *   ppt/media/imageN.png         the pictures
 *   ppt/fonts/font1.fntdata, font2  the regular and bold faces, embedded
 *
 * The fixed parts carry no data and are written as they are; everything
 * drawn from the display list goes through the xmlwriter.
 */
#include "pptx.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <libxml/xmlwriter.h>
#include <zip.h>

#include "../../util/atomic.h"
#include "../../util/xalloc.h"
#include "font.h"
#include "png.h"
#include "pptx_font.h"
#include "pptx_table.h"

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL NS_R "/"
#define CT_PML "application/vnd.openxmlformats-officedocument.presentationml."

#define EMU_PER_PT 12700.0
static long emu(double pt)
{
	return lround(pt * EMU_PER_PT);
}

/* ---- the package: parts added to a zip held in memory ---- */

struct pkg {
	zip_source_t *mem; /* the zip's bytes, kept after zip_close */
	zip_t *za;
	zip_uint16_t dos_time, dos_date; /* every entry's modification time */
	size_t nimages;                  /* ppt/media/imageN.png written */
	int bad;
	const char *why;                 /* what went wrong, when not libzip */
};

/* The deck's epoch as an MS-DOS date and time in UTC (zip's own stamp,
 * which libzip would otherwise take from the local time zone). */
static void dos_stamp(long long epoch, zip_uint16_t *t, zip_uint16_t *dd)
{
	time_t s = (time_t)(epoch > 315532800 ? epoch : 315532800); /* DOS dates start in 1980 */
	struct tm tm;
	gmtime_r(&s, &tm);
	*t = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
	*dd = (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

static void part_add(struct pkg *k, const char *name, const void *data, size_t len)
{
	void *copy = xmalloc(len ? len : 1);
	memcpy(copy, data, len);
	zip_source_t *src = zip_source_buffer(k->za, copy, len, 1);
	if (!src) {
		free(copy);
		k->bad = 1;
		return;
	}
	zip_int64_t i = zip_file_add(k->za, name, src, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(src);
		k->bad = 1;
		return;
	}
	if (zip_file_set_dostime(k->za, (zip_uint64_t)i, k->dos_time, k->dos_date, 0) != 0 ||
	    zip_set_file_compression(k->za, (zip_uint64_t)i, ZIP_CM_DEFLATE, 6) != 0)
		k->bad = 1;
}

static void part_text(struct pkg *k, const char *name, const char *xml)
{
	part_add(k, name, xml, strlen(xml));
}

/* ---- XML through the xmlwriter ---- */

struct xw {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	int bad; /* a call failed (only when memory runs out) */
};

static void xw_check(struct xw *x, int rc)
{
	if (rc < 0)
		x->bad = 1;
}

static void xw_open(struct xw *x)
{
	x->buf = xmlBufferCreate();
	x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
	x->bad = !x->w;
	if (x->w)
		xw_check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes"));
}

/* Ends the document and adds it to the package as part name. */
static void xw_close(struct xw *x, struct pkg *k, const char *name)
{
	if (x->w) {
		xw_check(x, xmlTextWriterEndDocument(x->w));
		xmlFreeTextWriter(x->w); /* flushes into buf */
	}
	if (x->bad || !x->buf)
		k->bad = 1;
	else
		part_add(k, name, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf));
	if (x->buf)
		xmlBufferFree(x->buf);
	*x = (struct xw){0};
}

static void el(struct xw *x, const char *name)
{
	if (x->w)
		xw_check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static void end(struct xw *x)
{
	if (x->w)
		xw_check(x, xmlTextWriterEndElement(x->w));
}

static void attr(struct xw *x, const char *name, const char *value)
{
	if (x->w)
		xw_check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

static void attrf(struct xw *x, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void attrf(struct xw *x, const char *name, const char *fmt, ...)
{
	char v[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v, sizeof v, fmt, ap);
	va_end(ap);
	attr(x, name, v);
}

static void text(struct xw *x, const char *s)
{
	if (x->w)
		xw_check(x, xmlTextWriterWriteString(x->w, BAD_CAST s));
}

/* An element with nothing inside: its name, then attribute names and
 * values in pairs, then NULL. */
static void leaf(struct xw *x, const char *name, ...)
{
	va_list ap;
	va_start(ap, name);
	el(x, name);
	const char *a;
	while ((a = va_arg(ap, const char *)))
		attr(x, a, va_arg(ap, const char *));
	end(x);
	va_end(ap);
}

/* An element with two whole-number attributes, a point or a size. */
static void pair(struct xw *x, const char *name, const char *a, long va, const char *b, long vb)
{
	el(x, name);
	attrf(x, a, "%ld", va);
	attrf(x, b, "%ld", vb);
	end(x);
}

/* The root element with the DrawingML, relationship and PresentationML
 * namespaces. */
static void root(struct xw *x, const char *name)
{
	el(x, name);
	attr(x, "xmlns:a", NS_A);
	attr(x, "xmlns:r", NS_R);
	attr(x, "xmlns:p", NS_P);
}

/* ---- relationships and content types ---- */

struct rel {
	const char *type; /* after REL, or a full URI */
	char *target;
};

static void rels_part(struct pkg *k, const char *name, const struct rel *r, size_t n)
{
	struct xw x;
	xw_open(&x);
	el(&x, "Relationships");
	attr(&x, "xmlns", NS_PKG_REL);
	for (size_t i = 0; i < n; i++) {
		el(&x, "Relationship");
		attrf(&x, "Id", "rId%zu", i + 1);
		char *type = strchr(r[i].type, ':') ? xstrdup(r[i].type)
						    : xasprintf("%s%s", REL, r[i].type);
		attr(&x, "Type", type);
		attr(&x, "Target", r[i].target);
		free(type);
		end(&x);
	}
	end(&x);
	xw_close(&x, k, name);
}

static void rels_free(struct rel *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].target);
}

static void override(struct xw *x, const char *part, const char *type)
{
	leaf(x, "Override", "PartName", part, "ContentType", type, NULL);
}

static void content_types(struct pkg *k, const struct dl_deck *d)
{
	struct xw x;
	xw_open(&x);
	el(&x, "Types");
	attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	leaf(&x, "Default", "Extension", "rels", "ContentType",
	     "application/vnd.openxmlformats-package.relationships+xml", NULL);
	leaf(&x, "Default", "Extension", "xml", "ContentType", "application/xml", NULL);
	leaf(&x, "Default", "Extension", "png", "ContentType", "image/png", NULL);
	leaf(&x, "Default", "Extension", "fntdata", "ContentType", "application/x-fontdata", NULL);
	override(&x, "/ppt/presentation.xml", CT_PML "presentation.main+xml");
	override(&x, "/ppt/slideMasters/slideMaster1.xml", CT_PML "slideMaster+xml");
	override(&x, "/ppt/slideLayouts/slideLayout1.xml", CT_PML "slideLayout+xml");
	override(&x, "/ppt/notesMasters/notesMaster1.xml", CT_PML "notesMaster+xml");
	override(&x, "/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
	override(&x, "/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
	for (size_t i = 0; i < d->npages; i++) {
		char name[64];
		snprintf(name, sizeof name, "/ppt/slides/slide%zu.xml", i + 1);
		override(&x, name, CT_PML "slide+xml");
		if (d->pages[i]->notes) {
			snprintf(name, sizeof name, "/ppt/notesSlides/notesSlide%zu.xml", i + 1);
			override(&x, name, CT_PML "notesSlide+xml");
		}
	}
	override(&x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
	override(&x, "/docProps/app.xml",
		 "application/vnd.openxmlformats-officedocument.extended-properties+xml");
	end(&x);
	xw_close(&x, k, "[Content_Types].xml");
}

/* ---- document properties and the presentation ---- */

static void text_el(struct xw *x, const char *name, const char *value)
{
	el(x, name);
	text(x, value ? value : "");
	end(x);
}

static void doc_props(struct pkg *k, const struct dl_deck *d)
{
	struct xw x;
	xw_open(&x);
	el(&x, "cp:coreProperties");
	attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	text_el(&x, "dc:title", d->title);
	text_el(&x, "dc:subject", d->subject);
	text_el(&x, "dc:creator", d->author);
	text_el(&x, "cp:keywords", d->keywords);
	time_t s = (time_t)d->epoch;
	struct tm tm;
	char when[32];
	gmtime_r(&s, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	el(&x, "dcterms:created");
	attr(&x, "xsi:type", "dcterms:W3CDTF");
	text(&x, when);
	end(&x);
	end(&x);
	xw_close(&x, k, "docProps/core.xml");

	xw_open(&x);
	el(&x, "Properties");
	attr(&x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	text_el(&x, "Application", d->creator);
	char n[32];
	snprintf(n, sizeof n, "%zu", d->npages);
	text_el(&x, "Slides", n);
	end(&x);
	xw_close(&x, k, "docProps/app.xml");
}

/* presentation.xml's relationships: rId1 the master, rId2 the notes
 * master, rId3 the theme, then the slides from rId4, then the regular and
 * bold fonts. */
#define SLIDE_REL0 4

/* ---- the fonts, embedded ---- */

/* What an analyst typing English may add to a slide beyond the deck's own
 * text: Latin-1, dashes, quotes, bullet, ellipsis, euro, minus. */
static const uint32_t typing[][2] = {{0x20, 0x7E}, {0xA0, 0xFF},  {0x2013, 0x2014},
				     {0x2018, 0x2019}, {0x201C, 0x201D}, {0x2022, 0x2022},
				     {0x2026, 0x2026}, {0x20AC, 0x20AC}, {0x2212, 0x2212}};

static void add_cps(uint32_t **cps, size_t *n, size_t *cap, const char *utf8)
{
	while (utf8 && *utf8) {
		uint32_t cp;
		utf8 += font_utf8_next(utf8, &cp);
		*cps = xgrow(*cps, cap, *n + 1, sizeof **cps);
		(*cps)[(*n)++] = cp;
	}
}

static int cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* The code points face f must have: every run's in it (the notes are in
 * the regular face) and the typing set; sorted, each once. */
static uint32_t *deck_cps(const struct dl_deck *d, enum dl_font f, size_t *n)
{
	uint32_t *cps = NULL;
	size_t cap = 0;
	*n = 0;
	for (size_t r = 0; r < sizeof typing / sizeof *typing; r++)
		for (uint32_t c = typing[r][0]; c <= typing[r][1]; c++) {
			cps = xgrow(cps, &cap, *n + 1, sizeof *cps);
			cps[(*n)++] = c;
		}
	for (size_t i = 0; i < d->npages; i++) {
		const struct dl_page *p = d->pages[i];
		for (size_t j = 0; j < p->nitems; j++)
			if (p->items[j].kind == DL_TEXT && p->items[j].u.text.font == f)
				add_cps(&cps, n, &cap, p->items[j].u.text.utf8);
		if (f == DL_REGULAR)
			add_cps(&cps, n, &cap, p->notes);
	}
	qsort(cps, *n, sizeof *cps, cp_cmp);
	size_t u = 0;
	for (size_t i = 0; i < *n; i++)
		if (u == 0 || cps[i] != cps[u - 1])
			cps[u++] = cps[i];
	*n = u;
	return cps;
}

/* ppt/fonts/font1.fntdata the regular face, font2 the bold, each cut to
 * what the deck and an analyst's typing need. */
static void embed_fonts(struct pkg *k, const struct dl_deck *d)
{
	for (int f = 0; f < DL_NFONTS; f++) {
		size_t n, len;
		uint32_t *cps = deck_cps(d, (enum dl_font)f, &n);
		unsigned char *eot = pptx_font_eot((enum dl_font)f, cps, n, &len);
		free(cps);
		if (!eot) {
			k->bad = 1;
			k->why = "the font could not be cut for embedding";
			return;
		}
		char name[64];
		snprintf(name, sizeof name, "ppt/fonts/font%d.fntdata", f + 1);
		part_add(k, name, eot, len);
		free(eot);
	}
}

/* The embedded fonts: one family, its regular and bold faces. */
static void font_list(struct xw *x, const struct dl_deck *d)
{
	const char *family = font_ft_face(DL_REGULAR)->family_name;
	char panose[21];
	el(x, "p:embeddedFontLst");
	el(x, "p:embeddedFont");
	el(x, "p:font");
	attr(x, "typeface", family ? family : "DejaVu Sans");
	if (pptx_font_panose(DL_REGULAR, panose) == 0)
		attr(x, "panose", panose);
	end(x);
	static const char *const face[DL_NFONTS] = {[DL_REGULAR] = "p:regular", [DL_BOLD] = "p:bold"};
	for (int f = 0; f < DL_NFONTS; f++) {
		el(x, face[f]);
		attrf(x, "r:id", "rId%zu", SLIDE_REL0 + d->npages + (size_t)f);
		end(x);
	}
	end(x);
	end(x);
}

static void presentation(struct pkg *k, const struct dl_deck *d)
{
	struct xw x;
	xw_open(&x);
	root(&x, "p:presentation");
	/* PowerPoint embeds the fonts again, cut to what is used, when the
	 * analyst saves */
	attr(&x, "embedTrueTypeFonts", "1");
	attr(&x, "saveSubsetFonts", "1");
	el(&x, "p:sldMasterIdLst");
	el(&x, "p:sldMasterId");
	attr(&x, "id", "2147483648");
	attr(&x, "r:id", "rId1");
	end(&x);
	end(&x);
	el(&x, "p:notesMasterIdLst");
	leaf(&x, "p:notesMasterId", "r:id", "rId2", NULL);
	end(&x);
	el(&x, "p:sldIdLst");
	for (size_t i = 0; i < d->npages; i++) {
		el(&x, "p:sldId");
		attrf(&x, "id", "%zu", 256 + i);
		attrf(&x, "r:id", "rId%zu", SLIDE_REL0 + i);
		end(&x);
	}
	end(&x);
	pair(&x, "p:sldSz", "cx", emu(DL_PAGE_W), "cy", emu(DL_PAGE_H));
	pair(&x, "p:notesSz", "cx", emu(595), "cy", emu(842)); /* A4 portrait */
	font_list(&x, d);
	end(&x);
	xw_close(&x, k, "ppt/presentation.xml");

	size_t nrels = SLIDE_REL0 - 1 + d->npages + DL_NFONTS;
	struct rel *r = xcalloc(nrels, sizeof *r);
	r[0] = (struct rel){"slideMaster", xstrdup("slideMasters/slideMaster1.xml")};
	r[1] = (struct rel){"notesMaster", xstrdup("notesMasters/notesMaster1.xml")};
	r[2] = (struct rel){"theme", xstrdup("theme/theme1.xml")};
	for (size_t i = 0; i < d->npages; i++)
		r[SLIDE_REL0 - 1 + i] = (struct rel){"slide", xasprintf("slides/slide%zu.xml", i + 1)};
	for (int f = 0; f < DL_NFONTS; f++)
		r[SLIDE_REL0 - 1 + d->npages + (size_t)f] =
			(struct rel){"font", xasprintf("fonts/font%d.fntdata", f + 1)};
	rels_part(k, "ppt/_rels/presentation.xml.rels", r, nrels);
	rels_free(r, nrels);
	free(r);
}

/* ---- the fixed parts: theme, master, layout, notes master ---- */

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_APR "xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\""
#define GRP_ROOT                                                                        \
	"<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>" \
	"<p:grpSpPr/>"
#define CLR_MAP                                                                         \
	"<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" "   \
	"accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" " \
	"accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
/* A placeholder of type TYPE in the box X Y W H (EMU), empty. */
#define PLACEHOLDER(ID, NAME, TYPE, X, Y, W, H)                                          \
	"<p:sp><p:nvSpPr><p:cNvPr id=\"" ID "\" name=\"" NAME "\"/><p:cNvSpPr>"            \
	"<a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph " TYPE "/></p:nvPr></p:nvSpPr>" \
	"<p:spPr><a:xfrm><a:off x=\"" X "\" y=\"" Y "\"/><a:ext cx=\"" W "\" cy=\"" H      \
	"\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"          \
	"<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p>"     \
	"</p:txBody></p:sp>"

/* The deck's palette (render/chart/chart.h) as the theme's colours, and
 * DejaVu Sans, the face the slides are measured with, as its fonts. */
static const char theme_xml[] =
	XML_DECL
	"<a:theme xmlns:a=\"" NS_A "\" name=\"jembrief\"><a:themeElements>"
	"<a:clrScheme name=\"jembrief\">"
	"<a:dk1><a:srgbClr val=\"222222\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
	"<a:dk2><a:srgbClr val=\"12436D\"/></a:dk2><a:lt2><a:srgbClr val=\"F3F5F8\"/></a:lt2>"
	"<a:accent1><a:srgbClr val=\"12436D\"/></a:accent1>"
	"<a:accent2><a:srgbClr val=\"28A197\"/></a:accent2>"
	"<a:accent3><a:srgbClr val=\"801650\"/></a:accent3>"
	"<a:accent4><a:srgbClr val=\"F46A25\"/></a:accent4>"
	"<a:accent5><a:srgbClr val=\"3D3D3D\"/></a:accent5>"
	"<a:accent6><a:srgbClr val=\"A285D1\"/></a:accent6>"
	"<a:hlink><a:srgbClr val=\"12436D\"/></a:hlink>"
	"<a:folHlink><a:srgbClr val=\"801650\"/></a:folHlink></a:clrScheme>"
	"<a:fontScheme name=\"jembrief\">"
	"<a:majorFont><a:latin typeface=\"DejaVu Sans\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
	"</a:majorFont><a:minorFont><a:latin typeface=\"DejaVu Sans\"/><a:ea typeface=\"\"/>"
	"<a:cs typeface=\"\"/></a:minorFont></a:fontScheme>"
	"<a:fmtScheme name=\"jembrief\"><a:fillStyleLst>"
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:fillStyleLst>"
	"<a:lnStyleLst>"
	"<a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
	"<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
	"<a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
	"</a:lnStyleLst><a:effectStyleLst>"
	"<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"
	"<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>"
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:bgFillStyleLst>"
	"</a:fmtScheme></a:themeElements></a:theme>";

/* The title placeholder where deck.c draws the title (40, 30, 880 x 54 pt). */
#define TITLE_PH PLACEHOLDER("2", "Title", "type=\"title\"", "508000", "381000", "11176000", "685800")

static const char master_xml[] =
	XML_DECL "<p:sldMaster " NS_APR "><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr "
	"val=\"FFFFFF\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>" GRP_ROOT TITLE_PH
	"</p:spTree></p:cSld>" CLR_MAP
	"<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
	"<p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz=\"2000\" b=\"1\"><a:solidFill>"
	"<a:schemeClr val=\"dk2\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/></a:defRPr>"
	"</a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"1200\"/></a:lvl1pPr>"
	"</p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1200\"/></a:lvl1pPr>"
	"</p:otherStyle></p:txStyles></p:sldMaster>";

static const char layout_xml[] =
	XML_DECL "<p:sldLayout " NS_APR " type=\"titleOnly\" preserve=\"1\">"
	"<p:cSld name=\"Title Only\"><p:spTree>" GRP_ROOT TITLE_PH "</p:spTree></p:cSld>"
	"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";

/* A4 portrait: the slide above, the notes below. */
static const char notes_master_xml[] =
	XML_DECL "<p:notesMaster " NS_APR "><p:cSld><p:spTree>" GRP_ROOT
	PLACEHOLDER("2", "Slide Image", "type=\"sldImg\"", "571500", "762000", "6413500", "3607594")
	PLACEHOLDER("3", "Notes", "type=\"body\" idx=\"1\"", "762000", "4572000", "6032500",
		    "5334000")
	"</p:spTree></p:cSld>" CLR_MAP
	"<p:notesStyle><a:lvl1pPr><a:defRPr sz=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/>"
	"</a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:notesStyle>"
	"</p:notesMaster>";

static void fixed_parts(struct pkg *k)
{
	part_text(k, "ppt/theme/theme1.xml", theme_xml);
	part_text(k, "ppt/theme/theme2.xml", theme_xml);
	part_text(k, "ppt/slideMasters/slideMaster1.xml", master_xml);
	part_text(k, "ppt/slideLayouts/slideLayout1.xml", layout_xml);
	part_text(k, "ppt/notesMasters/notesMaster1.xml", notes_master_xml);
	struct rel master[] = {{"slideLayout", "../slideLayouts/slideLayout1.xml"},
			       {"theme", "../theme/theme1.xml"}};
	struct rel layout[] = {{"slideMaster", "../slideMasters/slideMaster1.xml"}};
	struct rel notes[] = {{"theme", "../theme/theme2.xml"}};
	rels_part(k, "ppt/slideMasters/_rels/slideMaster1.xml.rels", master, 2);
	rels_part(k, "ppt/slideLayouts/_rels/slideLayout1.xml.rels", layout, 1);
	rels_part(k, "ppt/notesMasters/_rels/notesMaster1.xml.rels", notes, 1);
	struct rel top[] = {
		{"officeDocument", "ppt/presentation.xml"},
		{"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
		 "docProps/core.xml"},
		{"extended-properties", "docProps/app.xml"},
	};
	rels_part(k, "_rels/.rels", top, 3);
}

/* ---- a slide's shapes ---- */

struct slide {
	struct xw x;
	struct pkg *k;
	const struct dl_deck *d;
	int next_id;        /* shape ids, unique on the slide */
	struct rel *rels;   /* rId1 the layout, rId2 the notes, then link targets */
	size_t nrels, caprels;
};

static size_t slide_rel(struct slide *s, const char *type, char *target)
{
	for (size_t i = 0; i < s->nrels; i++)
		if (strcmp(s->rels[i].type, type) == 0 && strcmp(s->rels[i].target, target) == 0) {
			free(target);
			return i + 1;
		}
	s->rels = xgrow(s->rels, &s->caprels, s->nrels + 1, sizeof *s->rels);
	s->rels[s->nrels++] = (struct rel){type, target};
	return s->nrels;
}

static void color(struct xw *x, struct dl_color c)
{
	el(x, "a:solidFill");
	el(x, "a:srgbClr");
	attrf(x, "val", "%02X%02X%02X", c.r, c.g, c.b);
	if (c.a < 255) {
		el(x, "a:alpha");
		attrf(x, "val", "%ld", lround(c.a / 255.0 * 100000));
		end(x);
	}
	end(x);
	end(x);
}

/* <p:cNvPr>: the shape's id and name, then optional contents by the caller. */
static void shape_name(struct slide *s, const char *what)
{
	el(&s->x, "p:cNvPr");
	attrf(&s->x, "id", "%d", s->next_id);
	attrf(&s->x, "name", "%s %d", what, s->next_id);
	s->next_id++;
}

static void xfrm(struct xw *x, long ox, long oy, long cx, long cy, int group)
{
	el(x, "a:xfrm");
	pair(x, "a:off", "x", ox, "y", oy);
	pair(x, "a:ext", "cx", cx, "cy", cy);
	if (group) { /* children in slide coordinates */
		pair(x, "a:chOff", "x", ox, "y", oy);
		pair(x, "a:chExt", "cx", cx, "cy", cy);
	}
	end(x);
}

static void rect_geom(struct xw *x)
{
	el(x, "a:prstGeom");
	attr(x, "prst", "rect");
	leaf(x, "a:avLst", NULL);
	end(x);
}

/* One run: its font (the face font.c measured with, by name), size, weight
 * and colour, then its text. */
static void run(struct xw *x, const struct dl_item *it)
{
	el(x, "a:r");
	el(x, "a:rPr");
	attr(x, "lang", "en-GB");
	attrf(x, "sz", "%ld", lround(it->u.text.size * 100));
	attr(x, "b", it->u.text.font == DL_BOLD ? "1" : "0");
	attr(x, "dirty", "0");
	color(x, it->u.text.color);
	const char *family = font_ft_face(it->u.text.font)->family_name;
	leaf(x, "a:latin", "typeface", family ? family : "DejaVu Sans", NULL);
	leaf(x, "a:cs", "typeface", family ? family : "DejaVu Sans", NULL);
	end(x);
	text_el(x, "a:t", it->u.text.utf8);
	end(x);
}

/* One paragraph of runs [0, n), a line each (a break between them), at
 * the runs' own line spacing, aligned algn ("l", "ctr", "r"). */
static void lines(struct xw *x, const struct dl_item *const *runs, size_t n, const char *algn)
{
	el(x, "a:p");
	el(x, "a:pPr");
	attr(x, "algn", algn);
	if (n > 1) { /* the lines' own spacing, in hundredths of a point */
		el(x, "a:lnSpc");
		el(x, "a:spcPts");
		attrf(x, "val", "%ld", lround((runs[1]->u.text.y - runs[0]->u.text.y) * 100));
		end(x);
		end(x);
	}
	end(x);
	for (size_t i = 0; i < n; i++) {
		if (i)
			leaf(x, "a:br", NULL);
		run(x, runs[i]);
	}
	end(x);
}

/* A text box holding runs [0, n) of items, a line each, the first line's
 * baseline where the first run's is; lines after it at the runs' own
 * spacing. Title placeholder when title. */
static void text_box(struct slide *s, const struct dl_item *const *runs, size_t n, int title)
{
	struct xw *x = &s->x;
	const struct dl_item *t0 = runs[0];
	double left = t0->u.text.x, right = left, top = 0, bottom = 0;
	for (size_t i = 0; i < n; i++) {
		const struct dl_item *t = runs[i];
		double asc = font_ascent(t->u.text.font, t->u.text.size);
		double desc = font_descent(t->u.text.font, t->u.text.size);
		double w = font_width(t->u.text.font, t->u.text.size, t->u.text.utf8);
		if (i == 0 || t->u.text.y - asc < top)
			top = t->u.text.y - asc;
		if (i == 0 || t->u.text.y + desc > bottom)
			bottom = t->u.text.y + desc;
		if (t->u.text.x < left)
			left = t->u.text.x;
		if (t->u.text.x + w > right)
			right = t->u.text.x + w;
	}
	el(x, "p:sp");
	el(x, "p:nvSpPr");
	shape_name(s, title ? "Title" : "Text");
	end(x);
	el(x, "p:cNvSpPr");
	if (title)
		leaf(x, "a:spLocks", "noGrp", "1", NULL);
	else
		attr(x, "txBox", "1");
	end(x);
	el(x, "p:nvPr");
	if (title)
		leaf(x, "p:ph", "type", "title", NULL);
	end(x);
	end(x);
	el(x, "p:spPr");
	/* A little wider than measured: another renderer's advances may
	 * differ by a hair, and the box does not wrap. */
	xfrm(x, emu(left), emu(top), emu(right - left + 2), emu(bottom - top), 0);
	rect_geom(x);
	leaf(x, "a:noFill", NULL);
	end(x);
	el(x, "p:txBody");
	el(x, "a:bodyPr");
	attr(x, "wrap", "none");
	attr(x, "lIns", "0");
	attr(x, "tIns", "0");
	attr(x, "rIns", "0");
	attr(x, "bIns", "0");
	attr(x, "anchor", "t");
	leaf(x, "a:noAutofit", NULL);
	end(x);
	leaf(x, "a:lstStyle", NULL);
	lines(x, runs, n, "l");
	end(x);
	end(x);
}

/* A line's properties as element name (a:ln, or a table cell's a:lnL...). */
static void line_el(struct xw *x, const char *name, const struct dl_style *st)
{
	el(x, name);
	if (!(st->stroke.a > 0 && st->width > 0)) {
		leaf(x, "a:noFill", NULL);
		end(x);
		return;
	}
	attrf(x, "w", "%ld", emu(st->width));
	attr(x, "cap", "flat");
	color(x, st->stroke);
	if (st->dash > 0) {
		/* dash and gap in thousandths of a percent of the line width */
		long d = lround(st->dash / st->width * 100000);
		el(x, "a:custDash");
		el(x, "a:ds");
		attrf(x, "d", "%ld", d);
		attrf(x, "sp", "%ld", d);
		end(x);
		end(x);
	} else {
		leaf(x, "a:prstDash", "val", "solid", NULL);
	}
	leaf(x, "a:round", NULL);
	end(x);
}

static void line_style(struct xw *x, const struct dl_style *st)
{
	line_el(x, "a:ln", st);
}

static void path_point(struct xw *x, const char *op, const double *xy, long ox, long oy)
{
	el(x, op);
	pair(x, "a:pt", "x", emu(xy[0]) - ox, "y", emu(xy[1]) - oy);
	end(x);
}

/* A path as a shape of custom geometry over its bounding box. DrawingML
 * has no fill rule: PowerPoint and LibreOffice fill the subpaths of one
 * path even-odd, which is what every path with holes here asks for. */
static void path_shape(struct slide *s, const struct dl_item *it)
{
	struct xw *x = &s->x;
	const struct dl_style *st = &it->u.path.style;
	const double *xy = it->u.path.xy;
	long x0 = emu(xy[0]), y0 = emu(xy[1]), x1 = x0, y1 = y0;
	for (size_t i = 1; i < it->u.path.npts; i++) {
		long px = emu(xy[2 * i]), py = emu(xy[2 * i + 1]);
		x0 = px < x0 ? px : x0;
		x1 = px > x1 ? px : x1;
		y0 = py < y0 ? py : y0;
		y1 = py > y1 ? py : y1;
	}
	/* a horizontal or vertical line still gets a box to scale by */
	long w = x1 - x0 > 0 ? x1 - x0 : 1, h = y1 - y0 > 0 ? y1 - y0 : 1;
	el(x, "p:sp");
	el(x, "p:nvSpPr");
	shape_name(s, "Shape");
	end(x);
	leaf(x, "p:cNvSpPr", NULL);
	leaf(x, "p:nvPr", NULL);
	end(x);
	el(x, "p:spPr");
	xfrm(x, x0, y0, w, h, 0);
	el(x, "a:custGeom");
	leaf(x, "a:avLst", NULL);
	leaf(x, "a:gdLst", NULL);
	leaf(x, "a:ahLst", NULL);
	leaf(x, "a:cxnLst", NULL);
	el(x, "a:rect");
	attr(x, "l", "l");
	attr(x, "t", "t");
	attr(x, "r", "r");
	attr(x, "b", "b");
	end(x);
	el(x, "a:pathLst");
	el(x, "a:path");
	attrf(x, "w", "%ld", w);
	attrf(x, "h", "%ld", h);
	int fill = st->fill.a > 0, stroke = st->stroke.a > 0 && st->width > 0;
	if (!fill)
		attr(x, "fill", "none");
	if (!stroke)
		attr(x, "stroke", "0");
	for (size_t i = 0; i < it->u.path.nops; i++) {
		switch ((enum dl_op)it->u.path.ops[i]) {
		case DL_MOVE:
			path_point(x, "a:moveTo", xy, x0, y0);
			xy += 2;
			break;
		case DL_LINE:
			path_point(x, "a:lnTo", xy, x0, y0);
			xy += 2;
			break;
		case DL_CLOSE:
			leaf(x, "a:close", NULL);
			break;
		}
	}
	end(x);
	end(x);
	end(x);
	if (fill)
		color(x, st->fill);
	else
		leaf(x, "a:noFill", NULL);
	line_style(x, st);
	end(x);
	end(x);
}

/* A link: a clear rectangle that jumps to its slide when clicked (clear,
 * not unfilled, so that the whole area takes the click). */
static void link_shape(struct slide *s, const struct dl_item *it)
{
	struct xw *x = &s->x;
	size_t rid = slide_rel(s, "slide", xasprintf("slide%d.xml", it->u.link.target_page + 1));
	el(x, "p:sp");
	el(x, "p:nvSpPr");
	shape_name(s, "Link");
	el(x, "a:hlinkClick");
	attrf(x, "r:id", "rId%zu", rid);
	attr(x, "action", "ppaction://hlinksldjump");
	end(x);
	end(x);
	leaf(x, "p:cNvSpPr", NULL);
	leaf(x, "p:nvPr", NULL);
	end(x);
	el(x, "p:spPr");
	xfrm(x, emu(it->u.link.x), emu(it->u.link.y), emu(it->u.link.w), emu(it->u.link.h), 0);
	rect_geom(x);
	color(x, (struct dl_color){255, 255, 255, 0});
	line_style(x, &(struct dl_style){0});
	end(x);
	end(x);
}

/* An image: its pixels as a PNG part of the package, shown as a picture
 * stretched over the image's box. */
static void picture(struct slide *s, const struct dl_item *it)
{
	cairo_surface_t *img = png_image_surface(it);
	struct png_bytes b = {0};
	if (!img || cairo_surface_write_to_png_stream(img, png_append, &b) != CAIRO_STATUS_SUCCESS) {
		s->k->bad = 1;
		if (img)
			cairo_surface_destroy(img);
		free(b.data);
		return;
	}
	cairo_surface_destroy(img);
	char name[64];
	snprintf(name, sizeof name, "ppt/media/image%zu.png", ++s->k->nimages);
	part_add(s->k, name, b.data, b.len);
	free(b.data);
	size_t rid = slide_rel(s, "image", xasprintf("../media/image%zu.png", s->k->nimages));
	struct xw *x = &s->x;
	el(x, "p:pic");
	el(x, "p:nvPicPr");
	shape_name(s, "Picture");
	end(x);
	el(x, "p:cNvPicPr");
	leaf(x, "a:picLocks", "noChangeAspect", "1", NULL);
	end(x);
	leaf(x, "p:nvPr", NULL);
	end(x);
	el(x, "p:blipFill");
	el(x, "a:blip");
	attrf(x, "r:embed", "rId%zu", rid);
	end(x);
	el(x, "a:stretch");
	leaf(x, "a:fillRect", NULL);
	end(x);
	end(x);
	el(x, "p:spPr");
	xfrm(x, emu(it->u.image.x), emu(it->u.image.y), emu(it->u.image.w), emu(it->u.image.h), 0);
	rect_geom(x);
	end(x);
	end(x);
}

/* A figure's group: its description is the figure's alternative text. */
static void group_begin(struct slide *s, const struct dl_span *sp)
{
	struct xw *x = &s->x;
	el(x, "p:grpSp");
	el(x, "p:nvGrpSpPr");
	shape_name(s, "Figure");
	if (sp->alt)
		attr(x, "descr", sp->alt);
	end(x);
	leaf(x, "p:cNvGrpSpPr", NULL);
	leaf(x, "p:nvPr", NULL);
	end(x);
	el(x, "p:grpSpPr");
	xfrm(x, emu(sp->x), emu(sp->y), emu(sp->w), emu(sp->h), 1);
	end(x);
}

/* ---- tables ---- */

#define TABLE_URI "http://schemas.openxmlformats.org/drawingml/2006/table"
/* PowerPoint's built-in "No Style, No Grid": every cell says its own fill
 * and lines, so nothing of a style shows through. */
#define NO_STYLE "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"

/* A cell's edge: the rule drawn there, or none. */
static void cell_edge(struct xw *x, const char *name, const struct pt_rule *rule)
{
	struct dl_style st = {0};
	if (rule->color.a > 0)
		st = (struct dl_style){.stroke = rule->color, .width = rule->width};
	line_el(x, name, &st);
}

/* A cell: its lines of text (or an empty paragraph at the row's size, so
 * that the row is no taller for it), then its margins, edges and fill. */
static void table_cell(struct xw *x, const struct pt_table *t, size_t r, size_t j)
{
	static const char *const algn[] = {[PT_LEFT] = "l", [PT_CENTRE] = "ctr", [PT_RIGHT] = "r"};
	const struct pt_cell *c = &t->cells[r * t->ncols + j];
	el(x, "a:tc");
	el(x, "a:txBody");
	leaf(x, "a:bodyPr", NULL);
	leaf(x, "a:lstStyle", NULL);
	if (c->nruns) {
		lines(x, c->runs, c->nruns, algn[t->align[j]]);
	} else {
		el(x, "a:p");
		leaf(x, "a:pPr", "algn", algn[t->align[j]], NULL);
		el(x, "a:endParaRPr");
		attr(x, "lang", "en-GB");
		attrf(x, "sz", "%ld", lround(t->size[r] * 100));
		end(x);
		end(x);
	}
	end(x);
	el(x, "a:tcPr");
	attrf(x, "marL", "%ld", emu(c->mar_l));
	attrf(x, "marR", "%ld", emu(c->mar_r));
	attrf(x, "marT", "%ld", emu(c->mar_t));
	attr(x, "marB", "0");
	attr(x, "anchor", "t");
	static const struct pt_rule none = {{0, 0, 0, 0}, 0};
	cell_edge(x, "a:lnL", &none);
	cell_edge(x, "a:lnR", &none);
	cell_edge(x, "a:lnT", &t->rule[r]);
	cell_edge(x, "a:lnB", &t->rule[r + 1]);
	if (t->fill[r].a > 0)
		color(x, t->fill[r]);
	else
		leaf(x, "a:noFill", NULL);
	end(x);
	end(x);
}

/* A table as a graphic frame holding an a:tbl: the grid's columns and
 * rows in EMU (each the difference of its rounded edges, so that they add
 * up to the frame exactly), the first row marked as the header. */
static void table_frame(struct slide *s, const struct pt_table *t)
{
	struct xw *x = &s->x;
	el(x, "p:graphicFrame");
	el(x, "p:nvGraphicFramePr");
	shape_name(s, "Table");
	end(x);
	el(x, "p:cNvGraphicFramePr");
	leaf(x, "a:graphicFrameLocks", "noGrp", "1", NULL);
	end(x);
	leaf(x, "p:nvPr", NULL);
	end(x);
	el(x, "p:xfrm");
	pair(x, "a:off", "x", emu(t->colx[0]), "y", emu(t->rowy[0]));
	pair(x, "a:ext", "cx", emu(t->colx[t->ncols]) - emu(t->colx[0]), "cy",
	     emu(t->rowy[t->nrows]) - emu(t->rowy[0]));
	end(x);
	el(x, "a:graphic");
	el(x, "a:graphicData");
	attr(x, "uri", TABLE_URI);
	el(x, "a:tbl");
	el(x, "a:tblPr");
	attr(x, "firstRow", t->header ? "1" : "0");
	attr(x, "bandRow", "0");
	text_el(x, "a:tableStyleId", NO_STYLE);
	end(x);
	el(x, "a:tblGrid");
	for (size_t j = 0; j < t->ncols; j++) {
		el(x, "a:gridCol");
		attrf(x, "w", "%ld", emu(t->colx[j + 1]) - emu(t->colx[j]));
		end(x);
	}
	end(x);
	for (size_t r = 0; r < t->nrows; r++) {
		el(x, "a:tr");
		attrf(x, "h", "%ld", emu(t->rowy[r + 1]) - emu(t->rowy[r]));
		for (size_t j = 0; j < t->ncols; j++)
			table_cell(x, t, r, j);
		end(x);
	}
	end(x);
	end(x);
	end(x);
	end(x);
}

/* Whether items [first, end) lie inside or outside every span, none of
 * them beginning or ending among them. */
static int clear_of_spans(const struct dl_page *p, size_t first, size_t end)
{
	for (size_t k = 0; k < p->nspans; k++) {
		const struct dl_span *sp = &p->spans[k];
		if ((sp->first >= first && sp->first < end) || (sp->end > first && sp->end < end))
			return 0;
	}
	return 1;
}

/* The page's tables that can be written as grids, in the order drawn
 * (they do not overlap: a grid's cells hold nothing but text). */
static struct pt_table *page_tables(const struct slide *s, const struct dl_page *p, size_t *n)
{
	struct pt_table *t = NULL;
	size_t cap = 0;
	*n = 0;
	for (size_t k = 0; k < p->ntags; k++) {
		if (p->tags[k].role != DL_ROLE_TABLE)
			continue;
		t = xgrow(t, &cap, *n + 1, sizeof *t);
		if (pt_table_read(p, k, s->d->npages, &t[*n]) != 0)
			continue;
		if (clear_of_spans(p, t[*n].first, t[*n].end))
			(*n)++;
		else
			pt_table_free(&t[*n]);
	}
	return t;
}

/* <p:spTree> and the tree's own group properties (shape id 1). */
static void tree_begin(struct xw *x)
{
	el(x, "p:spTree");
	el(x, "p:nvGrpSpPr");
	leaf(x, "p:cNvPr", "id", "1", "name", "", NULL);
	leaf(x, "p:cNvGrpSpPr", NULL);
	leaf(x, "p:nvPr", NULL);
	end(x);
	el(x, "p:grpSpPr");
	xfrm(x, 0, 0, 0, 0, 1);
	end(x);
}

static int drawable(const struct slide *s, const struct dl_page *p, size_t i)
{
	return &p->items[i] != p->cur && dl_item_drawable(&p->items[i], s->d->npages);
}

/* The title span's text runs as the title placeholder; its other items
 * (none today) as they are. */
static void title_shape(struct slide *s, const struct dl_page *p, const struct dl_span *sp)
{
	const struct dl_item **runs = xcalloc(sp->end - sp->first, sizeof *runs);
	size_t n = 0;
	for (size_t i = sp->first; i < sp->end; i++)
		if (p->items[i].kind == DL_TEXT && drawable(s, p, i))
			runs[n++] = &p->items[i];
	if (n)
		text_box(s, runs, n, 1);
	free(runs);
}

static void item_shape(struct slide *s, const struct dl_item *it)
{
	switch (it->kind) {
	case DL_PATH:
		path_shape(s, it);
		break;
	case DL_TEXT:
		text_box(s, &it, 1, 0);
		break;
	case DL_LINK:
		link_shape(s, it);
		break;
	case DL_IMAGE:
		picture(s, it);
		break;
	}
}

static void shape_tree(struct slide *s, const struct dl_page *p)
{
	struct xw *x = &s->x;
	tree_begin(x);
	s->next_id = 2;
	size_t ntables, table = 0;
	struct pt_table *tables = page_tables(s, p, &ntables);
	size_t span = 0;
	const struct dl_span *open = NULL; /* the figure whose group is open */
	for (size_t i = 0; i < p->nitems; i++) {
		if (open && i == open->end) {
			end(x);
			open = NULL;
		}
		while (span < p->nspans && p->spans[span].first < i)
			span++;
		const struct dl_span *sp = span < p->nspans && p->spans[span].first == i &&
						   p->spans[span].end <= p->nitems
					   ? &p->spans[span]
					   : NULL;
		if (sp && sp->role == DL_SPAN_TITLE) {
			title_shape(s, p, sp);
			i = sp->end - 1;
			continue;
		}
		if (sp && sp->role == DL_SPAN_FIGURE) {
			group_begin(s, sp);
			open = sp;
		}
		while (table < ntables && tables[table].first < i)
			table++; /* inside the title, written there as text */
		if (table < ntables && tables[table].first == i) {
			table_frame(s, &tables[table]);
			i = tables[table++].end - 1;
			continue;
		}
		if (drawable(s, p, i))
			item_shape(s, &p->items[i]);
	}
	if (open)
		end(x);
	end(x);
	for (size_t k = 0; k < ntables; k++)
		pt_table_free(&tables[k]);
	free(tables);
}

static void slide_part(struct pkg *k, const struct dl_deck *d, size_t page)
{
	const struct dl_page *p = d->pages[page];
	struct slide s = {.k = k, .d = d};
	slide_rel(&s, "slideLayout", xstrdup("../slideLayouts/slideLayout1.xml"));
	if (p->notes)
		slide_rel(&s, "notesSlide", xasprintf("../notesSlides/notesSlide%zu.xml", page + 1));
	xw_open(&s.x);
	root(&s.x, "p:sld");
	el(&s.x, "p:cSld");
	shape_tree(&s, p);
	end(&s.x);
	el(&s.x, "p:clrMapOvr");
	leaf(&s.x, "a:masterClrMapping", NULL);
	end(&s.x);
	end(&s.x);
	char name[64];
	snprintf(name, sizeof name, "ppt/slides/slide%zu.xml", page + 1);
	xw_close(&s.x, k, name);
	snprintf(name, sizeof name, "ppt/slides/_rels/slide%zu.xml.rels", page + 1);
	rels_part(k, name, s.rels, s.nrels);
	rels_free(s.rels, s.nrels);
	free(s.rels);
}

/* The speaker notes: the slide's picture above, the notes text below. */
static void notes_part(struct pkg *k, const struct dl_page *p, size_t page)
{
	struct xw x;
	xw_open(&x);
	root(&x, "p:notes");
	el(&x, "p:cSld");
	tree_begin(&x);
	static const char *const ph[][4] = {{"2", "Slide Image", "sldImg", NULL},
					    {"3", "Notes", "body", "1"}};
	for (int i = 0; i < 2; i++) {
		el(&x, "p:sp");
		el(&x, "p:nvSpPr");
		el(&x, "p:cNvPr");
		attr(&x, "id", ph[i][0]);
		attr(&x, "name", ph[i][1]);
		end(&x);
		el(&x, "p:cNvSpPr");
		leaf(&x, "a:spLocks", "noGrp", "1", NULL);
		end(&x);
		el(&x, "p:nvPr");
		el(&x, "p:ph");
		attr(&x, "type", ph[i][2]);
		if (ph[i][3])
			attr(&x, "idx", ph[i][3]);
		end(&x);
		end(&x);
		end(&x);
		leaf(&x, "p:spPr", NULL);
		if (i == 1) {
			el(&x, "p:txBody");
			leaf(&x, "a:bodyPr", NULL);
			leaf(&x, "a:lstStyle", NULL);
			el(&x, "a:p");
			el(&x, "a:r");
			leaf(&x, "a:rPr", "lang", "en-GB", NULL);
			text_el(&x, "a:t", p->notes);
			end(&x);
			end(&x);
			end(&x);
		}
		end(&x);
	}
	end(&x);
	end(&x);
	el(&x, "p:clrMapOvr");
	leaf(&x, "a:masterClrMapping", NULL);
	end(&x);
	end(&x);
	char name[64];
	snprintf(name, sizeof name, "ppt/notesSlides/notesSlide%zu.xml", page + 1);
	xw_close(&x, k, name);
	struct rel r[] = {{"notesMaster", xstrdup("../notesMasters/notesMaster1.xml")},
			  {"slide", xasprintf("../slides/slide%zu.xml", page + 1)}};
	snprintf(name, sizeof name, "ppt/notesSlides/_rels/notesSlide%zu.xml.rels", page + 1);
	rels_part(k, name, r, 2);
	rels_free(r, 2);
}

/* ---- the file ---- */

/* The zip's bytes, once closed, to path (atomically). */
static int save(zip_source_t *mem, const char *path, char *err, size_t errlen)
{
	zip_stat_t st;
	if (zip_source_stat(mem, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    zip_source_open(mem) != 0) {
		snprintf(err, errlen, "%s: libzip: %s", path, zip_error_strerror(zip_source_error(mem)));
		return -1;
	}
	struct atomic_file af;
	if (!atomic_open(&af, path)) {
		zip_source_close(mem);
		atomic_error(err, errlen, path);
		return -1;
	}
	char buf[65536];
	zip_int64_t n, total = 0;
	while ((n = zip_source_read(mem, buf, sizeof buf)) > 0) {
		fwrite(buf, 1, (size_t)n, af.f); /* a failed write: atomic_commit says */
		total += n;
	}
	zip_source_close(mem);
	if (n < 0 || (zip_uint64_t)total != st.size) {
		atomic_abort(&af);
		snprintf(err, errlen, "%s: libzip: the package could not be read back", path);
		return -1;
	}
	if (atomic_commit(&af) != 0) {
		atomic_error(err, errlen, path);
		return -1;
	}
	return 0;
}

int pptx_write(const struct dl_deck *d, const char *path, char *err, size_t errlen)
{
	if (!font_ft_face(DL_REGULAR) || !font_ft_face(DL_BOLD)) {
		snprintf(err, errlen, "%s: fonts not loaded (font_init() not called)", path);
		return -1;
	}
	struct pkg k = {0};
	zip_error_t ze;
	zip_error_init(&ze);
	k.mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	k.za = k.mem ? zip_open_from_source(k.mem, ZIP_TRUNCATE, &ze) : NULL;
	if (!k.za) {
		snprintf(err, errlen, "%s: libzip: %s", path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (k.mem)
			zip_source_free(k.mem);
		return -1;
	}
	zip_source_keep(k.mem); /* zip_close would free it: its bytes are the file */
	dos_stamp(d->epoch, &k.dos_time, &k.dos_date);

	content_types(&k, d);
	fixed_parts(&k);
	doc_props(&k, d);
	embed_fonts(&k, d);
	presentation(&k, d);
	for (size_t i = 0; i < d->npages; i++) {
		slide_part(&k, d, i);
		if (d->pages[i]->notes)
			notes_part(&k, d->pages[i], i);
	}

	int rc = 0;
	if (k.bad && k.why) {
		snprintf(err, errlen, "%s: %s", path, k.why);
		zip_discard(k.za);
		rc = -1;
	} else if (k.bad) {
		snprintf(err, errlen, "%s: libzip: %s", path, zip_strerror(k.za));
		zip_discard(k.za);
		rc = -1;
	} else if (zip_close(k.za) != 0) {
		snprintf(err, errlen, "%s: libzip: %s", path, zip_strerror(k.za));
		zip_discard(k.za);
		rc = -1;
	} else {
		rc = save(k.mem, path, err, errlen);
	}
	zip_source_free(k.mem);
	zip_error_fini(&ze);
	return rc;
}
