/* render/tables/quality.c - see quality.h. One row per reason a file's rows were
 * set aside (a file without any gets one row with an empty reason). */
#include "quality.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../../util/atomic.h"
#include "../../util/csvout.h"

static const struct csv_col quality_cols[] = {
	{"file", "path", "the file read, relative to the data directory; or the input not "
			 "supplied"},
	{"read_as", "text", "what it was read as; 'not supplied' for an input not found, 'not "
			    "read' for a file or folder not read (the reason says why)"},
	{"rows", "rows", "data rows in the file (header excluded)"},
	{"used", "rows", "rows used"},
	{"out_of_scope", "rows", "sound rows not used, not errors: areas outside the 32 "
				 "boroughs, values not published, repeats"},
	{"bad", "rows", "rows set aside as bad input (reported FILE:LINE on stderr)"},
	{"reason", "text", "why the rows of this line were set aside (or, for reason_kind used, "
			   "what was noted about rows used all the same)"},
	{"reason_kind", "text", "out of scope, bad input, used (noted, not set aside), or not "
				"read (a whole file or folder)"},
	{"reason_rows", "rows", "rows with this reason"},
	{"first_at", "FILE:LINE", "the first of them"},
};
const struct csv_table quality_table =
	CSV_TABLE("data-quality.csv",
		  "one reason a file's rows were set aside (one line for a file without any), an "
		  "input not supplied, or the analysis period's note",
		  quality_cols);

int quality_write(const struct jb_findings *fi, const char *path, char *err, size_t errlen)
{
	const struct jb_sources *s = &fi->ds->sources;
	struct atomic_file af;
	FILE *f = atomic_open(&af, path);
	if (!f) {
		atomic_error(err, errlen, path);
		return -1;
	}
	csv_header(f, &quality_table);
	for (size_t i = 0; i < s->n; i++) {
		const struct jb_source *src = s->v[i];
		for (size_t r = 0; r < (src->nreasons ? src->nreasons : 1); r++) {
			csv_text(f, src->path, 0);
			csv_text(f, src->kind, 0);
			fprintf(f, "%zu,%zu,%zu,%zu,", src->rows, src->kept, src->set_aside - src->bad,
				src->bad);
			if (src->nreasons) {
				const struct jb_reason *re = &src->reasons[r];
				csv_text(f, re->what, 0);
				csv_text(f, re->used ? "used" : re->bad ? "bad input" : "out of scope", 0);
				fprintf(f, "%zu,", re->n);
				csv_text(f, re->first, 1);
			} else {
				fputs(",,,\n", f);
			}
		}
	}
	for (size_t i = 0; i < s->nunread; i++) {
		csv_text(f, s->unread[i].path, 0);
		fputs("not read,0,0,0,0,", f);
		csv_text(f, s->unread[i].why, 0);
		fputs("not read,,\n", f);
	}
	for (size_t i = 0; i < s->nmissing; i++) {
		csv_text(f, s->missing[i], 0);
		fputs("not supplied,0,0,0,0,,,,\n", f);
	}
	if (fi->period_note) {
		fputs("(analysis period),period,0,0,0,0,", f);
		csv_text(f, fi->period_note, 0);
		fputs(",,\n", f);
	}
	if (atomic_commit(&af) != 0) {
		atomic_error(err, errlen, path);
		return -1;
	}
	return 0;
}
