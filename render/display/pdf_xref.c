/* render/display/pdf_xref.c - see pdf_xref.h.
 *
 * Two passes over libharu's xref: the streams first, each a top-level
 * object, then every other object into object streams of at most
 * OBJSTM_MAX objects. Writing the streams first means a stream's /Length
 * (an indirect number libharu sets while writing the stream) holds its
 * value by the time it is put into an object stream, whatever the object
 * numbers. Each object is written by libharu (HPDF_Obj_WriteValue), so the
 * bytes inside the object streams are those a plain libharu file holds.
 */
#include "pdf_xref.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../../util/deflate.h"
#include "../../util/xalloc.h"

/* Objects per object stream: a reader inflates a whole stream to reach one
 * of its objects, so not all of a deck's in one (qpdf makes 100). */
enum { OBJSTM_MAX = 200 };

/* One row of the cross-reference stream, /W [1 4 2]: type 0 (free), 1 (at
 * a byte offset) or 2 (in object stream f2, at index f3). */
struct xentry {
	unsigned char type;
	uint32_t f2;
	uint16_t f3;
};

static int is_stream(const void *obj)
{
	const HPDF_Obj_Header *h = obj;
	return (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
	       ((const struct _HPDF_Dict_Rec *)obj)->stream;
}

static HPDF_STATUS put_str(HPDF_Stream s, const char *str)
{
	return HPDF_Stream_WriteStr(s, str);
}

/* n bytes at p deflated (zlib format) into a new buffer of *zn bytes;
 * a few a deck (its object streams and cross-reference). */
static unsigned char *deflated(const unsigned char *p, size_t n, size_t *zn)
{
	struct deflater *z = deflater_new();
	unsigned char *out = deflater_run(z, p, n, zn);
	deflater_free(z);
	return out;
}

/* The objects gathered for one object stream: libharu writes them into
 * body; head gets "number offset " for each (offsets within body). */
struct objstm {
	HPDF_Stream body;
	char *head;
	size_t nhead, caphead;
	unsigned n;
};

static void head_add(struct objstm *o, HPDF_UINT num, HPDF_UINT32 off)
{
	char pair[32];
	int len = snprintf(pair, sizeof pair, "%u %u ", (unsigned)num, (unsigned)off);
	if (o->nhead + (size_t)len > o->caphead)
		o->head = xgrow(o->head, &o->caphead, o->nhead + (size_t)len, 1);
	memcpy(o->head + o->nhead, pair, (size_t)len);
	o->nhead += (size_t)len;
}

/* Object num: the object stream of what o holds; o is emptied. */
static HPDF_STATUS flush(struct objstm *o, HPDF_UINT num, HPDF_Stream s)
{
	size_t nbody = HPDF_Stream_Size(o->body), n = o->nhead + nbody, zn = 0;
	unsigned char *raw = xmalloc(n + 1);
	memcpy(raw, o->head, o->nhead);
	size_t at = o->nhead;
	for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(o->body); i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(o->body, i, &len);
		if (b && len) {
			memcpy(raw + at, b, len);
			at += len;
		}
	}
	unsigned char *z = deflated(raw, n, &zn);
	free(raw);
	if (!z)
		return HPDF_FAILD_TO_ALLOC_MEM;
	char dict[160];
	snprintf(dict, sizeof dict,
		 "%u 0 obj\012<< /Type /ObjStm /N %u /First %zu /Filter /FlateDecode /Length %zu >>"
		 "\012stream\015\012",
		 (unsigned)num, o->n, o->nhead, zn);
	HPDF_STATUS ret = put_str(s, dict);
	if (ret == HPDF_OK)
		ret = HPDF_Stream_Write(s, z, (HPDF_UINT)zn);
	if (ret == HPDF_OK)
		ret = put_str(s, "\012endstream\012endobj\012");
	free(z);
	HPDF_MemStream_FreeData(o->body);
	o->nhead = 0;
	o->n = 0;
	return ret;
}

static HPDF_STATUS write_streams(HPDF_List list, HPDF_Stream s, struct xentry *e)
{
	for (HPDF_UINT i = 1; i < list->count; i++) {
		HPDF_XrefEntry x = HPDF_List_ItemAt(list, i);
		if (!is_stream(x->obj))
			continue;
		e[i] = (struct xentry){1, HPDF_Stream_Size(s), 0};
		char head[32];
		snprintf(head, sizeof head, "%u 0 obj\012", (unsigned)i);
		HPDF_STATUS ret = put_str(s, head);
		if (ret == HPDF_OK)
			ret = HPDF_Obj_WriteValue(x->obj, s, NULL);
		if (ret == HPDF_OK)
			ret = put_str(s, "\012endobj\012");
		if (ret != HPDF_OK)
			return ret;
	}
	return HPDF_OK;
}

/* Every other object, into object streams numbered from first on. */
static HPDF_STATUS write_objstms(HPDF_MMgr mm, HPDF_List list, HPDF_UINT members,
				 HPDF_UINT first, HPDF_Stream s, struct xentry *e)
{
	struct objstm o = {.body = HPDF_MemStream_New(mm, 1u << 16)};
	if (!o.body)
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_STATUS ret = HPDF_OK;
	HPDF_UINT k = 0;
	for (HPDF_UINT i = 1; i < list->count && ret == HPDF_OK; i++) {
		HPDF_XrefEntry x = HPDF_List_ItemAt(list, i);
		if (is_stream(x->obj))
			continue;
		HPDF_UINT num = first + k / OBJSTM_MAX;
		e[i] = (struct xentry){2, num, (uint16_t)(k % OBJSTM_MAX)};
		head_add(&o, i, HPDF_Stream_Size(o.body));
		ret = HPDF_Obj_WriteValue(x->obj, o.body, NULL);
		if (ret == HPDF_OK)
			ret = put_str(o.body, "\012");
		o.n++;
		if (ret == HPDF_OK && (++k % OBJSTM_MAX == 0 || k == members)) {
			e[num] = (struct xentry){1, HPDF_Stream_Size(s), 0};
			ret = flush(&o, num, s);
		}
	}
	HPDF_Stream_Free(o.body);
	free(o.head);
	return ret;
}

/* The cross-reference stream, object num, whose dictionary is the
 * trailer's (Root, Info, ID) with the entries of a stream; then
 * startxref. */
static HPDF_STATUS write_xref_stream(HPDF_Doc doc, HPDF_UINT num, const struct xentry *e,
				     HPDF_Stream s)
{
	HPDF_UINT size = num + 1;
	unsigned char *rows = xmalloc((size_t)size * 7);
	for (HPDF_UINT i = 0; i < size; i++) {
		unsigned char *r = rows + (size_t)i * 7;
		r[0] = e[i].type;
		for (int b = 0; b < 4; b++)
			r[1 + b] = (unsigned char)(e[i].f2 >> (24 - 8 * b));
		r[5] = (unsigned char)(e[i].f3 >> 8);
		r[6] = (unsigned char)e[i].f3;
	}
	size_t zn = 0;
	unsigned char *z = deflated(rows, (size_t)size * 7, &zn);
	free(rows);
	if (!z)
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_Dict t = doc->trailer;
	HPDF_Array w = HPDF_Array_New(doc->mmgr);
	HPDF_UINT32 at = HPDF_Stream_Size(s);
	char head[32];
	snprintf(head, sizeof head, "%u 0 obj\012", (unsigned)num);
	/* each call returns non-zero on a failure, which libharu records */
	int bad = !w || HPDF_Array_AddNumber(w, 1) || HPDF_Array_AddNumber(w, 4) ||
		  HPDF_Array_AddNumber(w, 2) || HPDF_Dict_AddName(t, "Type", "XRef") ||
		  HPDF_Dict_AddNumber(t, "Size", (HPDF_INT32)size) || HPDF_Dict_Add(t, "W", w) ||
		  HPDF_Dict_AddName(t, "Filter", "FlateDecode") ||
		  HPDF_Dict_AddNumber(t, "Length", (HPDF_INT32)zn) || put_str(s, head) ||
		  HPDF_Dict_Write(t, s, NULL) || put_str(s, "\012stream\015\012") ||
		  HPDF_Stream_Write(s, z, (HPDF_UINT)zn);
	free(z);
	if (bad)
		return HPDF_Error_GetCode(&doc->error) ? HPDF_Error_GetCode(&doc->error)
						       : HPDF_FILE_IO_ERROR;
	char tail[64];
	snprintf(tail, sizeof tail, "\012endstream\012endobj\012startxref\012%u\012%%%%EOF\012",
		 (unsigned)at);
	return put_str(s, tail);
}

HPDF_STATUS pdf_xref_write(HPDF_Doc doc, HPDF_Stream s)
{
	HPDF_Xref xref = doc->xref;
	if (xref->prev || xref->start_offset) /* not a document libharu made here */
		return HPDF_Xref_WriteToStream(xref, s, NULL);
	HPDF_List list = xref->entries;
	HPDF_UINT members = 0;
	for (HPDF_UINT i = 1; i < list->count; i++)
		members += !is_stream(((HPDF_XrefEntry)HPDF_List_ItemAt(list, i))->obj);
	/* objects 0..count-1 are libharu's; then the object streams; last,
	 * the cross-reference stream */
	HPDF_UINT first = list->count, nstm = (members + OBJSTM_MAX - 1) / OBJSTM_MAX;
	struct xentry *e = xcalloc((size_t)first + nstm + 1, sizeof *e);
	e[0] = (struct xentry){0, 0, 65535};
	HPDF_STATUS ret = write_streams(list, s, e);
	if (ret == HPDF_OK)
		ret = write_objstms(doc->mmgr, list, members, first, s, e);
	if (ret == HPDF_OK)
		ret = write_xref_stream(doc, first + nstm, e, s);
	free(e);
	return ret;
}
