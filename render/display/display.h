/* render/display/display.h - the display list: a deck laid out once, as positioned
 * primitives in points (origin top-left, y down), replayed by the backends
 * (render/display/pdf.c with libharu, render/display/png.c with cairo).
 *
 * Layout code builds a dl_deck with the functions below; backends only walk
 * it. Ownership: dl_deck_new() returns a deck the caller frees with
 * dl_deck_free() (NULL safe); every string passed in is copied.
 * A deck belongs to the thread building it (nothing here is locked);
 * decks share nothing, so each worker builds and replays its own.
 */
#ifndef JB_DISPLAY_H
#define JB_DISPLAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../../util/page.h"

#define DL_PAGE_W JB_PAGE_W_PT
#define DL_PAGE_H JB_PAGE_H_PT

struct dl_color {
	uint8_t r, g, b;
	uint8_t a; /* 255 = opaque */
};
#define DL_RGB(hex) ((struct dl_color){(uint8_t)((hex) >> 16), (uint8_t)((hex) >> 8), (uint8_t)(hex), 255})
#define DL_NONE ((struct dl_color){0, 0, 0, 0}) /* a = 0: not painted */

enum dl_font { DL_REGULAR, DL_BOLD, DL_NFONTS };

enum dl_op { DL_MOVE, DL_LINE, DL_CLOSE };

struct dl_style {
	struct dl_color fill;   /* a == 0: no fill */
	struct dl_color stroke; /* a == 0: no stroke */
	double width;           /* stroke width, points */
	double dash;            /* 0 = solid, else on/off length */
	int evenodd;            /* fill rule */
};

enum dl_kind { DL_PATH, DL_TEXT, DL_LINK, DL_IMAGE };

struct dl_item {
	enum dl_kind kind;
	union {
		struct {
			struct dl_style style;
			size_t nops;
			unsigned char *ops; /* enum dl_op */
			double *xy;         /* one point per MOVE/LINE, none for CLOSE */
			size_t npts;
			size_t capops;      /* room for ops and points */
		} path;
		struct {
			double x, y;        /* left end of the baseline */
			double size;
			enum dl_font font;
			struct dl_color color;
			char *utf8;
		} text;
		struct {
			double x, y, w, h;
			int target_page;    /* 0-based page index */
		} link;
		struct {
			double x, y, w, h;  /* where it is drawn */
			int pw, ph;         /* pixels */
			unsigned char *rgb; /* pw * ph * 3 bytes, row 0 at the top */
		} image;
	} u;
};

/* Structure roles (tagged PDF, issue 13), as PDF names them. A heading, a
 * paragraph, a note (a paragraph read after the rest of the slide), a list
 * and its parts, a table and its parts, a figure (read through its
 * alternative text: nothing inside it makes an element of its own), and an
 * artifact (decoration or page furniture: footers, page numbers, the
 * marking; nothing inside it is read). */
enum dl_role {
	DL_ROLE_H1, DL_ROLE_P, DL_ROLE_NOTE, DL_ROLE_FIGURE, DL_ROLE_L, DL_ROLE_LI,
	DL_ROLE_LBL, DL_ROLE_LBODY, DL_ROLE_TABLE, DL_ROLE_TR, DL_ROLE_TH, DL_ROLE_TD,
	DL_ROLE_ARTIFACT, DL_NROLES
};
extern const char *const dl_role_names[DL_NROLES]; /* "H1", "P", ..., "Artifact" */

/* One structure element of a page: the items [first, end) drawn while it
 * was open, within its parent's. */
struct dl_tag {
	enum dl_role role;
	int parent;        /* index in the page's tags, -1 for the page itself */
	size_t first, end; /* items */
	char *alt;         /* a figure's alternative text, or NULL */
};

/* A run of a page's items that means something beyond its drawing, for
 * the backends that keep structure: the slide's title (pptx.c writes it as
 * the title placeholder, so PowerPoint's outline sees it) and each chart or
 * map (a figure: pptx.c groups it, with its alternative text as the
 * group's description; svg.c writes it as a file of its own). */
enum dl_span_role { DL_SPAN_TITLE, DL_SPAN_FIGURE };
struct dl_span {
	enum dl_span_role role;
	size_t first, end;  /* items [first, end); end == (size_t)-1 while open */
	double x, y, w, h;  /* the box it was laid out in */
	char *alt;          /* alternative text, or NULL when none was given */
};

struct dl_page {
	char *outline;   /* outline (bookmark) title of this slide */
	struct dl_item *items;
	size_t nitems, capitems;
	struct dl_item *cur; /* path being built, or NULL */
	int misuse;          /* path or span calls out of order (dl_deck_check) */
	struct dl_tag *tags; /* in the order begun: the reading order */
	size_t ntags, captags;
	int open;            /* innermost open element, -1 none */
	int absorbed;        /* begins inside a figure, artifact or text element */
	int tag_misuse;      /* ends without a begin (counted by dl_deck_check) */
	struct dl_span *spans; /* in the order begun; they do not overlap */
	size_t nspans, capspans;
	char *notes;     /* the speaker notes (the slide's sources line), or NULL */
};

struct dl_deck {
	char *title, *author, *subject, *keywords, *creator;
	long long epoch;     /* creation date written to the PDF (seconds) */
	struct dl_page **pages;
	size_t npages, cappages;
};

struct dl_deck *dl_deck_new(void);
void dl_deck_free(struct dl_deck *d);
void dl_deck_meta(struct dl_deck *d, const char *title, const char *author,
		  const char *subject, const char *keywords, long long epoch);
struct dl_page *dl_page_add(struct dl_deck *d, const char *outline);

/* Paths: begin, then move/line/close, then end with a style. Calls out of
 * order (a line before any move, an op or end with no path begun, a begin
 * while one is open) are not fatal: they are counted in page->misuse and
 * reported by dl_deck_check(). A path that ends with no ops is dropped. */
void dl_path_begin(struct dl_page *p);
void dl_move(struct dl_page *p, double x, double y);
void dl_line(struct dl_page *p, double x, double y);
void dl_close(struct dl_page *p);
void dl_path_end(struct dl_page *p, struct dl_style style);
/* Convenience shapes. */
void dl_rect(struct dl_page *p, double x, double y, double w, double h, struct dl_style s);
void dl_segment(struct dl_page *p, double x0, double y0, double x1, double y1,
		struct dl_color c, double width);
/* A circle as a closed polygon fine enough that it never deviates from the
 * true circle by more than 0.05 pt. */
void dl_circle(struct dl_page *p, double cx, double cy, double r, struct dl_style s);

/* Text: placed by its baseline's left end. Measuring is font.h's job.
 * Invalid UTF-8 is stored with each bad byte replaced by U+FFFD, so the
 * backends only ever see valid UTF-8; NULL is stored as "". */
void dl_text(struct dl_page *p, double x, double y, enum dl_font f, double size,
	     struct dl_color c, const char *utf8);
void dl_link(struct dl_page *p, double x, double y, double w, double h, int target_page);
/* rgb is copied. */
void dl_image(struct dl_page *p, double x, double y, double w, double h,
	      int pw, int ph, const unsigned char *rgb);

/* Structure: the items drawn from dl_tag_begin to its dl_tag_end form one
 * element of the role, inside the element open around it. Text drawn
 * outside every element is read as a paragraph of its own; paths and
 * images outside a figure are decoration. A begin inside a figure, an
 * artifact or an element holding text (H1, P, NOTE, LBL, LBODY, TH, TD)
 * makes no element (a chart's labels belong to its figure, a paragraph
 * in a table cell to the cell); its end closes nothing. Returns the
 * element's index in p->tags, or -1 when absorbed so. Every begin needs
 * its end before the page is written (dl_deck_check counts the rest). */
int dl_tag_begin(struct dl_page *p, enum dl_role role);
void dl_tag_end(struct dl_page *p);
/* The alternative text of element tag (a figure), copied; tag < 0 is
 * ignored. */
void dl_tag_alt(struct dl_page *p, int tag, const char *alt);
/* The element whose content item i is: the innermost element open when it
 * was drawn, or the figure or artifact that absorbed it; -1 for none. */
int dl_tag_of_item(const struct dl_page *p, size_t i);

/* Spans: begin before the span's first item, end after its last; begin
 * returns the span's index for dl_span_end() and dl_span_alt(). A span
 * ended with no items is dropped. Spans do not nest: a begin while one is
 * open, or an end of a span not open, counts as misuse (dl_deck_check). */
size_t dl_span_begin(struct dl_page *p, enum dl_span_role role, double x, double y, double w,
		     double h);
void dl_span_end(struct dl_page *p, size_t span);
/* The alternative text of span (copied; replaces any earlier one). */
void dl_span_alt(struct dl_page *p, size_t span, const char *utf8);
/* The page's speaker notes (copied; replaces any earlier ones). */
void dl_page_notes(struct dl_page *p, const char *utf8);

/* Whether a backend can draw it: finite numbers, something to paint (a
 * fill or a stroke, visible text, pixels), a link to one of npages pages.
 * Backends skip the rest; dl_deck_check reports them. */
int dl_item_drawable(const struct dl_item *it, size_t npages);

/* Text dump of the whole deck, for golden tests: a "deck" line, then per
 * page a "page" line and one line per item, numbers as "%.2f", strings
 * quoted with \\ \" and control bytes escaped, images as a CRC-32. */
void dl_deck_dump(const struct dl_deck *d, FILE *out);
/* Structural check: every path ended and built in order, every number
 * finite, links target existing pages, text inside the page (its baseline
 * start always; its whole width and ascent too when font_init() has run),
 * images with pixels. Returns the number of problems, one line each printed
 * to err ("page N item M: problem"); err may be NULL. */
int dl_deck_check(const struct dl_deck *d, FILE *err);

#endif
