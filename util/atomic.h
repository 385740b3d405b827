/* util/atomic.h - write a file atomically: to a temporary name beside it,
 * then rename() over the final name, so a crash never leaves half a file.
 *
 *   struct atomic_file af;
 *   FILE *f = atomic_open(&af, "out/summary.csv");
 *   ... fprintf(f, ...) ...
 *   if (atomic_commit(&af) != 0) ... errno says why
 *
 * atomic_abort() removes the temporary instead. Both free af's memory.
 */
#ifndef JB_ATOMIC_H
#define JB_ATOMIC_H

#include <stdio.h>

struct atomic_file {
	char *path; /* final name */
	char *tmp;  /* PATH.tmp.PID */
	FILE *f;
};

/* The temporary's name for path (caller frees): "PATH.tmp.PID". */
char *atomic_tmpname(const char *path);
/* NULL with errno set when the temporary cannot be created. */
FILE *atomic_open(struct atomic_file *af, const char *path);
/* Flush, close and rename; 0 or -1 (temporary removed, errno set). */
int atomic_commit(struct atomic_file *af);
void atomic_abort(struct atomic_file *af);

/* mkdir -p: 0, or -1 with errno set. */
int make_dirs(const char *path);

#endif
