/* render/display/pptx_font.c - fonts embedded in a .pptx as EOT; see
 * pptx_font.h. */
#include "pptx_font.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include FT_TRUETYPE_TABLES_H
#include <hb-subset.h>

#include "../../util/xalloc.h"
#include "font.h"

/* EOT header constants (W3C EOT submission, 2008, section 2). */
#define EOT_VERSION 0x00020001u
#define EOT_MAGIC 0x504Cu
#define TTEMBED_SUBSET 0x00000001u
#define DEFAULT_CHARSET 1

/* A growing byte buffer, written little-endian as EOT wants. */
struct bytes {
	unsigned char *p;
	size_t n, cap;
};

static void put(struct bytes *b, const void *data, size_t len)
{
	b->p = xgrow(b->p, &b->cap, b->n + len, 1);
	memcpy(b->p + b->n, data, len);
	b->n += len;
}

static void put8(struct bytes *b, unsigned v)
{
	unsigned char c = (unsigned char)v;
	put(b, &c, 1);
}

static void put16(struct bytes *b, unsigned v)
{
	unsigned char c[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	put(b, c, 2);
}

static void put32(struct bytes *b, unsigned long v)
{
	unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};
	put(b, c, 4);
}

/* Name id of the face in the Windows Unicode (BMP) English record, as
 * EOT's USHORT size then UTF-16LE bytes (the name table's are big-endian);
 * an empty name when the face has none. */
static void put_name(struct bytes *b, FT_Face face, FT_UShort id)
{
	FT_UInt n = FT_Get_Sfnt_Name_Count(face);
	for (FT_UInt i = 0; i < n; i++) {
		FT_SfntName nm;
		if (FT_Get_Sfnt_Name(face, i, &nm) != 0 || nm.platform_id != TT_PLATFORM_MICROSOFT ||
		    nm.encoding_id != TT_MS_ID_UNICODE_CS || nm.language_id != TT_MS_LANGID_ENGLISH_UNITED_STATES ||
		    nm.name_id != id || nm.string_len % 2 || nm.string_len > 0xFFFF)
			continue;
		put16(b, nm.string_len);
		for (FT_UInt k = 0; k < nm.string_len; k += 2) {
			put8(b, nm.string[k + 1]);
			put8(b, nm.string[k]);
		}
		return;
	}
	put16(b, 0);
}

/* The EOT header and font data of the cut font sub (len bytes), as its
 * OS/2, head and name tables describe it. 0, or -1 when it has none. */
static int eot(struct bytes *b, FT_Face face, const unsigned char *sub, size_t len)
{
	const TT_OS2 *os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2);
	const TT_Header *head = FT_Get_Sfnt_Table(face, FT_SFNT_HEAD);
	if (!os2 || os2->version == 0xFFFF || !head)
		return -1;
	put32(b, 0); /* EOTSize: filled in below */
	put32(b, len);
	put32(b, EOT_VERSION);
	put32(b, TTEMBED_SUBSET);
	put(b, os2->panose, 10);
	put8(b, DEFAULT_CHARSET);
	put8(b, os2->fsSelection & 1); /* italic */
	put32(b, os2->usWeightClass);
	put16(b, os2->fsType);
	put16(b, EOT_MAGIC);
	put32(b, os2->ulUnicodeRange1);
	put32(b, os2->ulUnicodeRange2);
	put32(b, os2->ulUnicodeRange3);
	put32(b, os2->ulUnicodeRange4);
	put32(b, os2->version >= 1 ? os2->ulCodePageRange1 : 0);
	put32(b, os2->version >= 1 ? os2->ulCodePageRange2 : 0);
	put32(b, (unsigned long)head->CheckSum_Adjust);
	for (int i = 0; i < 4; i++)
		put32(b, 0); /* Reserved1-4 */
	static const FT_UShort names[] = {TT_NAME_ID_FONT_FAMILY, TT_NAME_ID_FONT_SUBFAMILY,
					  TT_NAME_ID_VERSION_STRING, TT_NAME_ID_FULL_NAME};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		put16(b, 0); /* Padding1-4 */
		put_name(b, face, names[i]);
	}
	put16(b, 0); /* Padding5 */
	put16(b, 0); /* RootStringSize: no root string, any document may use it */
	put(b, sub, len);
	b->p[0] = (unsigned char)b->n;
	b->p[1] = (unsigned char)(b->n >> 8);
	b->p[2] = (unsigned char)(b->n >> 16);
	b->p[3] = (unsigned char)(b->n >> 24);
	return 0;
}

/* The face's file cut to the n code points cps: unlike the PDF's cut
 * (font_subset), the glyphs renumbered (nothing refers to them by number)
 * and every name record kept, the licence (name 13) and its address (14)
 * among them, as the licence asks of every copy. NULL when it cannot be
 * cut; else a blob to hb_blob_destroy(). */
static hb_blob_t *cut(enum dl_font f, const uint32_t *cps, size_t n)
{
	const char *path = font_path(f);
	hb_blob_t *blob = path ? hb_blob_create_from_file_or_fail(path) : NULL;
	hb_face_t *face = blob ? hb_face_create(blob, 0) : NULL;
	hb_subset_input_t *in = face ? hb_subset_input_create_or_fail() : NULL;
	hb_blob_t *out = NULL;
	if (in) {
		hb_set_t *unicodes = hb_subset_input_unicode_set(in);
		for (size_t i = 0; i < n; i++)
			hb_set_add(unicodes, cps[i]);
		hb_set_add_range(hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID), 0, 255);
		hb_face_t *sub = hb_subset_or_fail(face, in);
		hb_subset_input_destroy(in);
		out = sub ? hb_face_reference_blob(sub) : NULL;
		hb_face_destroy(sub);
	}
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return out;
}

unsigned char *pptx_font_eot(enum dl_font f, const uint32_t *cps, size_t n, size_t *len)
{
	FT_Face own = font_ft_face(f);
	hb_blob_t *blob = own ? cut(f, cps, n) : NULL;
	unsigned slen = 0;
	const char *sub = blob ? hb_blob_get_data(blob, &slen) : NULL;
	/* read back with the library font.c loaded the face with */
	FT_Face face;
	struct bytes b = {0};
	if (sub && slen &&
	    FT_New_Memory_Face(own->glyph->library, (const FT_Byte *)sub, (FT_Long)slen, 0, &face) == 0) {
		if (eot(&b, face, (const unsigned char *)sub, slen) != 0) {
			free(b.p);
			b = (struct bytes){0};
		}
		FT_Done_Face(face);
	}
	hb_blob_destroy(blob);
	*len = b.n;
	return b.p;
}

int pptx_font_panose(enum dl_font f, char hex[21])
{
	FT_Face face = font_ft_face(f);
	const TT_OS2 *os2 = face ? FT_Get_Sfnt_Table(face, FT_SFNT_OS2) : NULL;
	if (!os2 || os2->version == 0xFFFF)
		return -1;
	for (int i = 0; i < 10; i++)
		snprintf(hex + 2 * i, 3, "%02X", os2->panose[i]);
	return 0;
}
