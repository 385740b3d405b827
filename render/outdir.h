/* render/outdir.h - the output folder as one run's output.
 *
 * A run takes the folder for itself: outdir_open() creates it, locks it
 * (flock on OUT/.jembrief.lock, held by the run and its workers until they
 * end) and refuses a second run while the lock is held, then removes what
 * runs killed earlier left behind (PATH.tmp.PID files and
 * .jembrief-shared.PID folders whose process is gone). Every file the run
 * writes is recorded with outdir_wrote(); outdir_remove_stale() then
 * removes every other file under a name jembrief writes (the decks, tables,
 * previews, SVGs and PowerPoint files of boroughs this run did not write,
 * or failed to), so the
 * folder never holds another run's outputs looking current. Files jembrief
 * does not write are never touched.
 */
#ifndef JB_OUTDIR_H
#define JB_OUTDIR_H

#include <stddef.h>

struct strmap;

struct outdir {
	char *dir;
	int lock_fd;
	char **files; /* written by this run, relative to dir, in order */
	size_t nfiles, capfiles;
	struct strmap *written;
};

/* 0, or -1 with "PATH: reason" in err (the folder cannot be made, is a
 * file, cannot be written, or another run holds it). */
int outdir_open(struct outdir *od, const char *dir, char *err, size_t errlen);
/* rel (relative to the folder) was written by this run. */
void outdir_wrote(struct outdir *od, const char *rel);
/* Removes every file under a jembrief name that this run did not write,
 * and the folders left empty; returns how many files were removed. */
size_t outdir_remove_stale(const struct outdir *od);
/* Releases the lock and frees od. */
void outdir_close(struct outdir *od);

/* The leftovers of dead runs in dir (see above); returns how many were
 * removed. outdir_open() calls it once it holds the lock. */
size_t outdir_remove_leftovers(const char *dir);

/* A run's staging folder for the London-wide tables, once its decks are
 * written (OUT/.jembrief-shared.PID): the tables in it and the folder. */
void outdir_remove_shared(const char *shared);

/* The folder's lock file's name, relative to the folder. */
#define OUTDIR_LOCK ".jembrief.lock"
/* The prefix of a run's staging folder for the London-wide tables. */
#define OUTDIR_SHARED ".jembrief-shared."

#endif
