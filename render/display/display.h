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

struct dl_page {
	char *outline;   /* outline (bookmark) title of this slide */
	struct dl_item *items;
	size_t nitems, capitems;
	struct dl_item *cur; /* path being built, or NULL */
	int misuse;          /* path calls out of order (counted by dl_deck_check) */
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
