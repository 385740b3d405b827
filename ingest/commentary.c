/* ingest/commentary.c - the analyst's commentary files (see commentary.h),
 * read with the shared CSV reader (libcsv). */
#include "commentary.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "csvtable.h"
#include "dataset.h"

static const char commentary_kind[] = "analyst's commentary (project schema)";

struct reading {
	struct jb_dataset *ds;
	struct jb_source *src;
	const char *const *kinds;
	size_t nkinds;
	int c_borough, c_slide, c_text;
};

/* The slide cell: a page number (*page) or a known kind (*kind, the
 * table's spelling), or neither (-1). Blank is neither and fine. */
static int slide_of(const struct reading *R, const char *s, int *page, const char **kind)
{
	*page = 0;
	*kind = NULL;
	if (!*s)
		return 0;
	if (isdigit((unsigned char)*s)) {
		long v;
		if (jb_parse_count(s, &v) != 0 || v < 1 || v > JB_COMMENT_MAX_PAGE)
			return -1;
		*page = (int)v;
		return 0;
	}
	for (size_t k = 0; k < R->nkinds; k++)
		if (strcasecmp(s, R->kinds[k]) == 0) {
			*kind = R->kinds[k];
			return 0;
		}
	if (!R->kinds) { /* no list to check against: kept as written */
		*kind = s;
		return 0;
	}
	return -1;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct reading *R = ctx;
	long line = jb_csv_line(t);
	const char *s = jb_csv_get(t, R->c_borough);
	int b = jb_borough_lookup(s);
	if (b < 0) {
		jb_reject(R->src, line, jb_csv_name(t, R->c_borough),
			  *s ? "not one of the 32 boroughs" : "blank", s);
		return 0;
	}
	const char *text = jb_csv_get(t, R->c_text);
	if (!*text) {
		jb_reject(R->src, line, jb_csv_name(t, R->c_text), "blank", NULL);
		return 0;
	}
	int page;
	const char *kind;
	s = jb_csv_get(t, R->c_slide);
	if (slide_of(R, s, &page, &kind) != 0) {
		jb_reject(R->src, line, jb_csv_name(t, R->c_slide),
			  "neither a page number (1 to 200) nor a slide kind (README "
			  "\"The analyst's commentary\")",
			  s);
		return 0;
	}
	struct jb_comments *c = &R->ds->comments;
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	c->v[c->n++] = (struct jb_comment){b, page, kind ? xstrdup(kind) : NULL, xstrdup(text)};
	R->src->kept++;
	return 0;
}

int jb_read_commentary(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, commentary_kind, 0, NULL, err, NULL);
	struct reading R = {.ds = ds, .kinds = ds->slide_kinds, .nkinds = ds->nslide_kinds};
	const struct jb_csv_want want[] = {
		{"borough", &R.c_borough, "borough"},
		{"slide", &R.c_slide, "slide"},
		{"text|commentary", &R.c_text, "text"},
	};
	const char *missing = jb_csv_cols(t, want, sizeof want / sizeof want[0]);
	int rc = 0;
	if (missing) {
		rc = jb_source_unusable(ds, rel, commentary_kind, 1, missing,
					"required column missing", NULL);
	} else {
		R.src = jb_source_add(&ds->sources, rel, commentary_kind);
		jb_csv_each(t, R.src, on_row, &R);
	}
	jb_csv_close(t);
	return rc;
}

void jb_comments_free(struct jb_comments *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].slide);
		free(c->v[i].text);
	}
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}
