/* util/paths.h - where jembrief finds what it ships: its templates and its
 * sample data, in a checkout and once installed.
 *
 * Search order, for templates (the same for the sample data, with
 * $JEMBRIEF_DATA and sample-data/):
 *   1. $JEMBRIEF_TEMPLATES, when set;
 *   2. templates/ beside the executable, or one or two folders above it
 *      (a checkout: ./jembrief, build/jembrief, build/tests/test_*);
 *   3. ../share/jembrief/templates from the executable's folder (an
 *      installed tree wherever it was copied, e.g. under a DESTDIR);
 *   4. DATADIR/templates, DATADIR compiled in by make (PREFIX/share/jembrief).
 * Places 2 and 3 are listed only when they hold what is shipped there
 * (templates/london-pack.conf, sample-data/SOURCES.md); 1 and 4 always, so
 * a message can name every place looked.
 */
#ifndef JB_PATHS_H
#define JB_PATHS_H

#include <stddef.h>

enum { JB_MAX_DIRS = 8 };

struct jb_dirs {
	char *v[JB_MAX_DIRS];
	size_t n;
};

/* The template folders, in search order (see above). Free with
 * jb_dirs_free(). */
void jb_template_dirs(struct jb_dirs *d);
/* The sample-data folders, in the same order. */
void jb_data_dirs(struct jb_dirs *d);
void jb_dirs_free(struct jb_dirs *d);

/* The compiled-in DATADIR. */
const char *jb_datadir(void);

#endif
