/* render/display/pdf_xref.h - the body and cross-reference of a libharu
 * document, with its dictionaries in compressed object streams (PDF 1.5).
 *
 * libharu 2.3.0 writes every object at the top level of the file and a
 * classic xref table: a tagged deck's structure elements, page and form
 * dictionaries and stream lengths are then a third of its bytes, none of
 * them compressed. pdf_xref_write() writes the same objects, in the same
 * order, through libharu's own HPDF_Obj_WriteValue, but every object that
 * is not a stream goes into an object stream (PDF 1.7, 7.5.7), deflated,
 * and the cross-reference is a stream too (7.5.8), carrying the trailer's
 * entries (Root, Info, ID). Streams stay top-level objects, as they must.
 */
#ifndef JB_PDF_XREF_H
#define JB_PDF_XREF_H

#include <hpdf.h>

/* Everything after the header: the objects of doc's xref, its object
 * streams, the cross-reference stream with doc's trailer entries, and
 * startxref. HPDF_OK or libharu's error code (also set on doc). */
HPDF_STATUS pdf_xref_write(HPDF_Doc doc, HPDF_Stream s);

#endif
