/* ingest/quality.c - the data-quality record: files read, rows set aside
 * and why, inputs not supplied. */
#include "dataset.h"

#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"

static FILE *diag_stream;
static int diag_stream_set;

void jb_diag_set(FILE *f)
{
	diag_stream = f;
	diag_stream_set = 1;
}

/* At most this many messages are printed per file; the rest are counted
 * and summarised in the data-quality report. */
enum { MAX_PRINTED = 20 };

static FILE *diag(void)
{
	if (!diag_stream_set) {
		diag_stream = stderr;
		diag_stream_set = 1;
	}
	return diag_stream;
}

struct jb_source *jb_source_add(struct jb_sources *s, const char *path, const char *kind)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	struct jb_source *src = xcalloc(1, sizeof *src);
	src->path = xstrdup(path);
	src->kind = xstrdup(kind);
	s->v[s->n++] = src;
	return src;
}

void jb_source_missing(struct jb_sources *s, const char *what)
{
	s->missing = xgrow(s->missing, &s->capmissing, s->nmissing + 1, sizeof *s->missing);
	s->missing[s->nmissing++] = xstrdup(what);
}

void jb_source_unread(struct jb_sources *s, const char *path, const char *why)
{
	s->unread = xgrow(s->unread, &s->capunread, s->nunread + 1, sizeof *s->unread);
	s->unread[s->nunread++] = (struct jb_unread){xstrdup(path), xstrdup(why)};
	FILE *f = diag();
	if (f)
		fprintf(f, "jembrief: %s: not read: %s\n", path, why);
}

void jb_source_free_reasons(struct jb_source *src)
{
	for (size_t r = 0; r < src->nreasons; r++) {
		free(src->reasons[r].what);
		free(src->reasons[r].first);
	}
	free(src->reasons);
	strmap_free(src->reason_of);
	src->reasons = NULL;
	src->reason_of = NULL;
	src->nreasons = src->capreasons = src->last_reason = 0;
}

/* A reason is the one before again (rows set aside come in runs), or is
 * found by its kind and text in a map: a file may give thousands of
 * distinct ones ("outside the 32 boroughs: NAME"). */
static void count_reason(struct jb_source *src, const char *what, long line, int used, int bad)
{
	src->set_aside += !used;
	src->bad += bad != 0;
	struct jb_reason *last = src->nreasons ? &src->reasons[src->last_reason] : NULL;
	if (last && last->used == used && last->bad == bad && strcmp(last->what, what) == 0) {
		last->n++;
		return;
	}
	if (!src->reason_of)
		src->reason_of = strmap_new();
	/* the key: the kind in two bytes, then the text */
	size_t n = strlen(what);
	char stack[256], *key = n + 3 <= sizeof stack ? stack : xmalloc(n + 3);
	key[0] = used ? 'u' : '-';
	key[1] = bad ? 'b' : '-';
	memcpy(key + 2, what, n + 1);
	int i = strmap_get(src->reason_of, key);
	if (i < 0)
		strmap_put(src->reason_of, key, (int)src->nreasons);
	if (key != stack)
		free(key);
	if (i >= 0) {
		src->reasons[i].n++;
		src->last_reason = (size_t)i;
		return;
	}
	src->last_reason = src->nreasons;
	src->reasons = xgrow(src->reasons, &src->capreasons, src->nreasons + 1,
			     sizeof *src->reasons);
	struct jb_reason *r = &src->reasons[src->nreasons++];
	r->what = xstrdup(what);
	r->first = line > 0 ? xasprintf("%s:%ld", src->path, line) : xstrdup(src->path);
	r->n = 1;
	r->used = used;
	r->bad = bad;
}

void jb_reject(struct jb_source *src, long line, const char *column,
	       const char *problem, const char *detail)
{
	char *what = column ? xasprintf("column '%s': %s", column, problem)
			    : xstrdup(problem);
	count_reason(src, what, line, 0, 1);
	FILE *f = diag();
	if (f) {
		if (src->printed < MAX_PRINTED) {
			if (detail && *detail)
				fprintf(f, "%s:%ld: %s (%s)\n", src->path, line, what, detail);
			else
				fprintf(f, "%s:%ld: %s\n", src->path, line, what);
		} else if (src->printed == MAX_PRINTED) {
			fprintf(f, "%s: further problems counted, not printed "
				   "(see the data-quality report)\n", src->path);
		}
		src->printed++;
	}
	free(what);
}

void jb_set_aside(struct jb_source *src, long line, const char *reason)
{
	count_reason(src, reason, line, 0, 0);
}

void jb_note_used(struct jb_source *src, long line, const char *reason)
{
	count_reason(src, reason, line, 1, 0);
}
