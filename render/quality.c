/* render/quality.c - see quality.h. One row per reason a file's rows were
 * set aside (a file without any gets one row with an empty reason). */
#include "quality.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../util/atomic.h"
#include "../util/csvout.h"

int quality_write(const struct jb_findings *fi, const char *path, char *err, size_t errlen)
{
	const struct jb_sources *s = &fi->ds->sources;
	struct atomic_file af;
	FILE *f = atomic_open(&af, path);
	if (!f) {
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	fputs("file,read_as,rows,used,set_aside,reason,reason_rows,first_at\n", f);
	for (size_t i = 0; i < s->n; i++) {
		const struct jb_source *src = s->v[i];
		for (size_t r = 0; r < (src->nreasons ? src->nreasons : 1); r++) {
			csv_text(f, src->path, 0);
			csv_text(f, src->kind, 0);
			fprintf(f, "%zu,%zu,%zu,", src->rows, src->kept, src->set_aside);
			if (src->nreasons) {
				csv_text(f, src->reasons[r].what, 0);
				fprintf(f, "%zu,", src->reasons[r].n);
				csv_text(f, src->reasons[r].first, 1);
			} else {
				fputs(",,\n", f);
			}
		}
	}
	for (size_t i = 0; i < s->nunread; i++) {
		csv_text(f, s->unread[i].path, 0);
		fputs("not read,0,0,0,", f);
		csv_text(f, s->unread[i].why, 0);
		fputs(",\n", f);
	}
	for (size_t i = 0; i < s->nmissing; i++) {
		csv_text(f, s->missing[i], 0);
		fputs("not supplied,0,0,0,,,\n", f);
	}
	if (fi->period_note) {
		fputs("(analysis period),period,0,0,0,", f);
		csv_text(f, fi->period_note, 0);
		fputs(",\n", f);
	}
	if (atomic_commit(&af) != 0) {
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
