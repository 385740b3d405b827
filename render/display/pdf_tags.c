/* render/display/pdf_tags.c - marked content and the structure tree; see
 * pdf_tags.h. Built with libharu's object layer (dictionaries and arrays
 * added to the cross-reference table), written into the page content
 * streams between the items pdf.c draws. */
#include "pdf_tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "../../util/xalloc.h"

#define OWNER_NONE -1
#define OWNER_ARTIFACT -2
#define ROLE_SECT DL_NROLES       /* the page's section */
#define ROLE_LINK (DL_NROLES + 1) /* a link annotation */

/* One kid of an element: a marked-content id, an element, or an annotation. */
struct kid {
	size_t first, seq; /* where its content starts; ties in the order added */
	int mcid, el;      /* -1 when not this kind */
	HPDF_Annotation annot;
};

struct el {
	HPDF_Dict dict;
	int parent; /* element index; -1 for the page's section (element 0) */
	int role;   /* enum dl_role, ROLE_SECT or ROLE_LINK */
	const char *alt;
	struct kid *kids;
	size_t nkids, capkids;
};

struct pdf_tags {
	HPDF_Doc doc;
	HPDF_MMgr mm;
	const struct dl_deck *d;
	const HPDF_Page *pages;
	HPDF_Encoder utf8;
	HPDF_Dict root, document;
	HPDF_Array sects, nums;
	HPDF_Dict *link_elems; /* parent tree entries npages.. */
	size_t nlinks, caplinks;
	HPDF_STATUS rc;        /* every libharu status, or-ed */
	/* the page being written */
	struct el *els;
	size_t nels, capels, seq;
	int *el_of_tag;
	int cur;   /* owner of the open marked-content sequence */
	int mcids; /* on this page */
	HPDF_Array ptree; /* MCID -> element, this page */
};

static const char *pdf_role(int role)
{
	switch (role) {
	case ROLE_SECT: return "Sect";
	case ROLE_LINK: return "Link";
	case DL_ROLE_NOTE: return "P"; /* a paragraph, read last */
	default: return dl_role_names[role];
	}
}

static HPDF_Dict new_indirect(struct pdf_tags *t)
{
	HPDF_Dict dict = HPDF_Dict_New(t->mm);
	t->rc |= dict ? HPDF_Xref_Add(t->doc->xref, dict) : HPDF_FAILD_TO_ALLOC_MEM;
	return dict;
}

static void add_kid(struct pdf_tags *t, int parent, struct kid k)
{
	struct el *e = &t->els[parent];
	k.seq = t->seq++;
	e->kids = xgrow(e->kids, &e->capkids, e->nkids + 1, sizeof *e->kids);
	e->kids[e->nkids++] = k;
}

/* A new element under parent, its content starting at item first. */
static int new_el(struct pdf_tags *t, int role, int parent, size_t first, const char *alt)
{
	t->els = xgrow(t->els, &t->capels, t->nels + 1, sizeof *t->els);
	int i = (int)t->nels++;
	t->els[i] = (struct el){.dict = new_indirect(t), .parent = parent, .role = role, .alt = alt};
	if (parent >= 0)
		add_kid(t, parent, (struct kid){.first = first, .mcid = -1, .el = i});
	return i;
}

/* The element of display-list tag k, made (with its ancestors) on first use. */
static int el_for_tag(struct pdf_tags *t, const struct dl_page *p, int k)
{
	if (t->el_of_tag[k] < 0) {
		const struct dl_tag *g = &p->tags[k];
		int parent = g->parent >= 0 ? el_for_tag(t, p, g->parent) : 0;
		t->el_of_tag[k] = new_el(t, (int)g->role, parent, g->first, g->alt);
	}
	return t->el_of_tag[k];
}

static int owner_of(struct pdf_tags *t, const struct dl_page *p, size_t j)
{
	int k = dl_tag_of_item(p, j), fig = -1;
	for (int a = k; a >= 0; a = p->tags[a].parent) {
		if (p->tags[a].role == DL_ROLE_ARTIFACT)
			return OWNER_ARTIFACT;
		if (p->tags[a].role == DL_ROLE_FIGURE)
			fig = a;
	}
	if (fig >= 0)
		return el_for_tag(t, p, fig);
	if (p->items[j].kind != DL_TEXT)
		return OWNER_ARTIFACT; /* rules, panels, bullets' boxes */
	if (k >= 0)
		return el_for_tag(t, p, k);
	return new_el(t, DL_ROLE_P, 0, j, NULL); /* bare text: a paragraph */
}

static void content(struct pdf_tags *t, size_t page, const char *ops)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)t->pages[page]->attr;
	t->rc |= HPDF_Stream_WriteStr(attr->stream, ops);
}

static void page_begin(struct pdf_tags *t, size_t page)
{
	const struct dl_page *p = t->d->pages[page];
	t->nels = 0;
	t->seq = 0;
	t->el_of_tag = xrealloc(t->el_of_tag, (p->ntags + 1) * sizeof *t->el_of_tag);
	for (size_t k = 0; k < p->ntags; k++)
		t->el_of_tag[k] = -1;
	t->cur = OWNER_NONE;
	t->mcids = 0;
	t->ptree = HPDF_Array_New(t->mm);
	new_el(t, ROLE_SECT, -1, 0, NULL);
}

struct pdf_tags *pdf_tags_new(HPDF_Doc doc, const struct dl_deck *d, const HPDF_Page *pages,
			      HPDF_Encoder utf8)
{
	struct pdf_tags *t = xcalloc(1, sizeof *t);
	*t = (struct pdf_tags){.doc = doc, .mm = doc->mmgr, .d = d, .pages = pages, .utf8 = utf8};
	/* marked content and /Lang are PDF 1.4, the rest older */
	if (doc->pdf_version < HPDF_VER_17)
		doc->pdf_version = HPDF_VER_17;
	t->root = new_indirect(t);
	t->document = new_indirect(t);
	t->sects = HPDF_Array_New(t->mm);
	t->nums = HPDF_Array_New(t->mm);
	if (d->npages)
		page_begin(t, 0);
	return t;
}

void pdf_tags_item(struct pdf_tags *t, size_t page, size_t item)
{
	const struct dl_page *p = t->d->pages[page];
	if (p->items[item].kind == DL_LINK)
		return; /* an annotation: pdf_tags_link */
	int owner = owner_of(t, p, item);
	if (owner == t->cur)
		return;
	if (t->cur != OWNER_NONE)
		content(t, page, "EMC\n");
	t->cur = owner;
	if (owner == OWNER_ARTIFACT) {
		content(t, page, "/Artifact BMC\n");
		return;
	}
	char ops[64];
	snprintf(ops, sizeof ops, "/%s <</MCID %d>> BDC\n", pdf_role(t->els[owner].role), t->mcids);
	content(t, page, ops);
	add_kid(t, owner, (struct kid){.first = item, .mcid = t->mcids++, .el = -1});
	t->rc |= HPDF_Array_Add(t->ptree, t->els[owner].dict);
}

void pdf_tags_link(struct pdf_tags *t, size_t page, size_t item, HPDF_Annotation a)
{
	const struct dl_item *it = &t->d->pages[page]->items[item];
	int e = new_el(t, ROLE_LINK, 0, item, NULL);
	add_kid(t, e, (struct kid){.first = item, .mcid = -1, .el = -1, .annot = a});
	const char *to = t->d->pages[it->u.link.target_page]->outline;
	char *what = xasprintf("Go to slide %d%s%s", it->u.link.target_page + 1, *to ? ": " : "", to);
	t->rc |= HPDF_Dict_Add(a, "Contents", HPDF_String_New(t->mm, what, t->utf8));
	t->rc |= HPDF_Dict_AddNumber(a, "StructParent", (HPDF_INT32)(t->d->npages + t->nlinks));
	t->rc |= HPDF_Dict_AddName(t->pages[page], "Tabs", "S");
	free(what);
	t->link_elems = xgrow(t->link_elems, &t->caplinks, t->nlinks + 1, sizeof *t->link_elems);
	t->link_elems[t->nlinks++] = t->els[e].dict;
}

static int kid_order(const void *a, const void *b)
{
	const struct kid *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Element e's dictionary, its kids in reading order. */
static void write_el(struct pdf_tags *t, size_t page, int e)
{
	struct el *el = &t->els[e];
	qsort(el->kids, el->nkids, sizeof *el->kids, kid_order);
	if (el->role == ROLE_SECT) { /* the slide's note after the rest */
		struct kid *k = el->kids;
		size_t n = el->nkids, w = 0;
		struct kid *notes = xmalloc((n ? n : 1) * sizeof *notes);
		size_t nn = 0;
		for (size_t i = 0; i < n; i++)
			if (k[i].el >= 0 && t->els[k[i].el].role == DL_ROLE_NOTE)
				notes[nn++] = k[i];
			else
				k[w++] = k[i];
		memcpy(k + w, notes, nn * sizeof *notes);
		free(notes);
	}
	HPDF_Dict d = el->dict;
	HPDF_Array kids = HPDF_Array_New(t->mm);
	for (size_t i = 0; i < el->nkids; i++) {
		const struct kid *k = &el->kids[i];
		if (k->mcid >= 0)
			t->rc |= HPDF_Array_AddNumber(kids, (HPDF_INT32)k->mcid);
		else if (k->el >= 0)
			t->rc |= HPDF_Array_Add(kids, t->els[k->el].dict);
		else {
			HPDF_Dict objr = HPDF_Dict_New(t->mm);
			t->rc |= HPDF_Dict_AddName(objr, "Type", "OBJR");
			t->rc |= HPDF_Dict_Add(objr, "Obj", k->annot);
			t->rc |= HPDF_Dict_Add(objr, "Pg", t->pages[page]);
			t->rc |= HPDF_Array_Add(kids, objr);
		}
	}
	t->rc |= HPDF_Dict_AddName(d, "Type", "StructElem");
	t->rc |= HPDF_Dict_AddName(d, "S", pdf_role(el->role));
	t->rc |= HPDF_Dict_Add(d, "P", el->parent >= 0 ? t->els[el->parent].dict : t->document);
	t->rc |= HPDF_Dict_Add(d, "Pg", t->pages[page]);
	t->rc |= HPDF_Dict_Add(d, "K", kids);
	if (el->alt && *el->alt)
		t->rc |= HPDF_Dict_Add(d, "Alt", HPDF_String_New(t->mm, el->alt, t->utf8));
}

void pdf_tags_page_end(struct pdf_tags *t, size_t page)
{
	if (t->cur != OWNER_NONE)
		content(t, page, "EMC\n");
	for (size_t e = 0; e < t->nels; e++)
		write_el(t, page, (int)e);
	t->rc |= HPDF_Array_Add(t->sects, t->els[0].dict);
	t->rc |= HPDF_Dict_AddNumber(t->pages[page], "StructParents", (HPDF_INT32)page);
	t->rc |= HPDF_Array_AddNumber(t->nums, (HPDF_INT32)page);
	t->rc |= HPDF_Array_Add(t->nums, t->ptree);
	for (size_t e = 0; e < t->nels; e++)
		free(t->els[e].kids);
	if (page + 1 < t->d->npages)
		page_begin(t, page + 1);
}

/* s with XML's special characters escaped; caller frees. */
static char *xml_escaped(const char *s)
{
	size_t n = 0;
	for (const char *c = s; *c; c++)
		n += *c == '&' ? 5 : *c == '<' || *c == '>' ? 4 : *c == '"' ? 6 : 1;
	char *out = xmalloc(n + 1), *o = out;
	for (const char *c = s; *c; c++) {
		const char *rep = *c == '&' ? "&amp;" : *c == '<' ? "&lt;" : *c == '>' ? "&gt;"
				: *c == '"' ? "&quot;" : NULL;
		if (rep) {
			memcpy(o, rep, strlen(rep));
			o += strlen(rep);
		} else
			*o++ = *c;
	}
	*o = '\0';
	return out;
}

/* The XMP packet: the document information again, and PDF/UA-1's id. */
static char *xmp(const struct dl_deck *d)
{
	char date[32] = "";
	time_t when = (time_t)d->epoch;
	struct tm tm;
	if (gmtime_r(&when, &tm))
		strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	char *title = xml_escaped(d->title ? d->title : ""),
	     *author = xml_escaped(d->author ? d->author : ""),
	     *subject = xml_escaped(d->subject ? d->subject : ""),
	     *keywords = xml_escaped(d->keywords ? d->keywords : ""),
	     *creator = xml_escaped(d->creator ? d->creator : "");
	char *s = xasprintf(
		"<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		"<rdf:Description rdf:about=\"\"\n"
		" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
		"<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n"
		"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt>"
		"</dc:description>\n"
		"<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>\n"
		"<pdf:Keywords>%s</pdf:Keywords>\n"
		"<xmp:CreatorTool>%s</xmp:CreatorTool>\n"
		"<xmp:CreateDate>%s</xmp:CreateDate>\n"
		"<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
		"<pdfuaid:part>1</pdfuaid:part>\n"
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
		title, author, subject, keywords, creator, date, date);
	free(title);
	free(author);
	free(subject);
	free(keywords);
	free(creator);
	return s;
}

int pdf_tags_finish(struct pdf_tags *t)
{
	HPDF_MMgr mm = t->mm;
	for (size_t i = 0; i < t->nlinks; i++) {
		t->rc |= HPDF_Array_AddNumber(t->nums, (HPDF_INT32)(t->d->npages + i));
		t->rc |= HPDF_Array_Add(t->nums, t->link_elems[i]);
	}
	HPDF_Dict ptree = new_indirect(t);
	t->rc |= HPDF_Dict_Add(ptree, "Nums", t->nums);
	t->rc |= HPDF_Dict_AddName(t->document, "Type", "StructElem");
	t->rc |= HPDF_Dict_AddName(t->document, "S", "Document");
	t->rc |= HPDF_Dict_Add(t->document, "P", t->root);
	t->rc |= HPDF_Dict_Add(t->document, "K", t->sects);
	t->rc |= HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
	t->rc |= HPDF_Dict_Add(t->root, "K", t->document);
	t->rc |= HPDF_Dict_Add(t->root, "ParentTree", ptree);
	t->rc |= HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey",
				     (HPDF_INT32)(t->d->npages + t->nlinks));

	HPDF_Dict cat = t->doc->catalog;
	t->rc |= HPDF_Dict_Add(cat, "StructTreeRoot", t->root);
	HPDF_Dict mark = HPDF_Dict_New(mm);
	t->rc |= HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	t->rc |= HPDF_Dict_Add(cat, "MarkInfo", mark);
	t->rc |= HPDF_Dict_Add(cat, "Lang", HPDF_String_New(mm, "en-GB", NULL));
	HPDF_Dict prefs = HPDF_Dict_New(mm);
	t->rc |= HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
	t->rc |= HPDF_Dict_Add(cat, "ViewerPreferences", prefs);
	HPDF_Dict meta = HPDF_DictStream_New(mm, t->doc->xref);
	if (!meta)
		return -1;
	t->rc |= HPDF_Dict_AddName(meta, "Type", "Metadata");
	t->rc |= HPDF_Dict_AddName(meta, "Subtype", "XML");
	char *x = xmp(t->d);
	t->rc |= HPDF_Stream_WriteStr(meta->stream, x);
	free(x);
	t->rc |= HPDF_Dict_Add(cat, "Metadata", meta);
	return t->rc ? -1 : 0;
}

void pdf_tags_free(struct pdf_tags *t)
{
	if (!t)
		return;
	free(t->els);
	free(t->el_of_tag);
	free(t->link_elems);
	free(t);
}
