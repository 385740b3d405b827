/* util/atomic.h - write a file atomically: to a temporary name beside it,
 * then rename() over the final name, so a crash never leaves half a file.
 *
 *   struct atomic_file af;
 *   FILE *f = atomic_open(&af, "out/summary.csv");
 *   ... fprintf(f, ...) ...
 *   if (atomic_commit(&af) != 0) ... errno says why
 *
 * atomic_abort() removes the temporary instead. Both free af's memory.
 * Every output of jembrief goes through here, so a write that fails (a
 * full disk, a read-only folder) is reported with the real errno, in the
 * words of strerror(), by atomic_error().
 *
 * Processes: the temporary name carries the process id (PATH.tmp.PID), so
 * deck workers writing at once never share one; two writers of the same
 * PATH in one process must not overlap. An atomic_file belongs to one
 * thread.
 */
#ifndef JB_ATOMIC_H
#define JB_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

struct atomic_sink;
struct atomic_file {
	char *path; /* final name */
	char *tmp;  /* PATH.tmp.PID */
	FILE *f;
	struct atomic_sink *sink; /* the file under f, and its first errno */
};

/* The temporary's name for path (caller frees): "PATH.tmp.PID". */
char *atomic_tmpname(const char *path);
/* NULL with errno set when the temporary cannot be created. */
FILE *atomic_open(struct atomic_file *af, const char *path);
/* Flush, close and rename; 0 or -1 (temporary removed, errno set). */
int atomic_commit(struct atomic_file *af);
void atomic_abort(struct atomic_file *af);

/* The whole file at once: path gets body(f, ctx) written atomically. 0, or
 * -1 with "PATH: reason" in err. */
typedef void (*atomic_body_fn)(FILE *f, const void *ctx);
int atomic_write_with(const char *path, atomic_body_fn body, const void *ctx, char *err,
		      size_t errlen);
/* "PATH: strerror(errno)" into err: how every writer says a write failed. */
void atomic_error(char *err, size_t errlen, const char *path);

/* mkdir -p: 0, or -1 with errno set (ENOTDIR when a part of path is a
 * file, not a folder). */
int make_dirs(const char *path);

#endif
