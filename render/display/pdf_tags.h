/* render/display/pdf_tags.h - a tagged PDF from the display list's structure
 * (display.h, dl_tag_begin): marked content in every page's content stream,
 * the structure tree with its parent tree, and the catalog entries of
 * PDF/UA-1 (/Lang, /MarkInfo, /ViewerPreferences /DisplayDocTitle, XMP
 * metadata with the pdfuaid part), through libharu's object layer, since
 * libharu has no tagging API.
 *
 * pdf.c calls, while it writes: pdf_tags_new after adding the pages;
 * pdf_tags_item before drawing each item; pdf_tags_link for each link
 * annotation; pdf_tags_page_end after each page; pdf_tags_finish before
 * saving; pdf_tags_free always.
 *
 * What each item is: a text belongs to the innermost element open when it
 * was drawn (its own paragraph when none was); every item inside a figure
 * belongs to the figure; paths and images outside a figure, and
 * everything inside an artifact, are artifacts. Each run of items with
 * the same owner is one marked-content sequence. Reading order: the
 * elements in the order begun, by where their content starts, with the
 * slide's note (DL_ROLE_NOTE) after the rest of its page.
 */
#ifndef JB_PDF_TAGS_H
#define JB_PDF_TAGS_H

#include <stddef.h>

#include <hpdf.h>

#include "display.h"

struct pdf_tags;

struct pdf_tags *pdf_tags_new(HPDF_Doc doc, const struct dl_deck *d, const HPDF_Page *pages,
			      HPDF_Encoder utf8);
void pdf_tags_item(struct pdf_tags *t, size_t page, size_t item);
void pdf_tags_link(struct pdf_tags *t, size_t page, size_t item, HPDF_Annotation a);
void pdf_tags_page_end(struct pdf_tags *t, size_t page);
/* The structure tree, the catalog entries and the metadata stream. 0, or
 * -1 when libharu could not build them. */
int pdf_tags_finish(struct pdf_tags *t);
void pdf_tags_free(struct pdf_tags *t);

#endif
