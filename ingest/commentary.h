/* ingest/commentary.h - the analyst's commentary: the .csv files of the data
 * directory's commentary/ folder, one row per note, columns
 *
 *   borough  the borough's name or GSS code
 *   slide    blank: the deck's commentary slide; a slide kind as the
 *            template spells it ("trend"): a box on that slide; or a page
 *            number of the borough's deck ("4"): a box on that page
 *   text     the words, shown as written
 *
 * A row with an unknown borough, a blank text, or a slide that is neither
 * a number nor one of the kinds the run knows is reported FILE:LINE and
 * set aside. Where a note goes in a deck is render's to decide
 * (render/slides/slides_analyst.h); ingest only reads. */
#ifndef JB_COMMENTARY_H
#define JB_COMMENTARY_H

#include <stddef.h>

struct jb_dataset;

/* A deck of more pages than this is refused by the template loader. */
#define JB_COMMENT_MAX_PAGE 200

struct jb_comment {
	int borough; /* 0..31 */
	int page;    /* the deck's page, 1-based, or 0 */
	char *slide; /* a slide kind's name, or NULL */
	char *text;
};

struct jb_comments {
	struct jb_comment *v;
	size_t n, cap;
};

/* Reads one commentary file into ds->comments; a 'slide' cell may name
 * the kinds of ds->slide_kinds. 0, or -1 when the file is unusable (said
 * on ds's sources). */
int jb_read_commentary(struct jb_dataset *ds, const char *path, const char *rel);
void jb_comments_free(struct jb_comments *c);

#endif
