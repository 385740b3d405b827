/* util/paths.c - see paths.h. */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"
#include "jembrief-paths.h" /* $(BUILD)/jembrief-paths.h: JB_DATADIR */

#ifndef JB_DATADIR
#error "JB_DATADIR comes from $(BUILD)/jembrief-paths.h, written by the Makefile"
#endif

const char *jb_datadir(void)
{
	return JB_DATADIR;
}

/* A shipped folder is known by a file it always holds (build/ has a
 * sample-data/ folder of objects, which is not the sample data). */
static int is_shipped(const char *dir, const char *marker)
{
	char *p = xasprintf("%s/%s", dir, marker);
	struct stat st;
	int ok = stat(p, &st) == 0 && S_ISREG(st.st_mode);
	free(p);
	return ok;
}

/* Adds p (taking it) unless the same folder is already listed. */
static void add(struct jb_dirs *d, char *p)
{
	char a[PATH_MAX], b[PATH_MAX];
	int have_a = realpath(p, a) != NULL;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i], p) == 0 ||
		    (have_a && realpath(d->v[i], b) && strcmp(a, b) == 0)) {
			free(p);
			return;
		}
	if (d->n < JB_MAX_DIRS)
		d->v[d->n++] = p;
	else
		free(p);
}

static void add_if_shipped(struct jb_dirs *d, char *p, const char *marker)
{
	if (is_shipped(p, marker))
		add(d, p);
	else
		free(p);
}

/* The executable's folder, from /proc/self/exe; "" when unknown. */
static void exe_dir(char *dir, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	dir[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		dir[0] = '\0';
}

static void shipped_dirs(struct jb_dirs *d, const char *env, const char *sub,
			 const char *marker)
{
	d->n = 0;
	const char *e = getenv(env);
	if (e && *e)
		add(d, xstrdup(e));
	char dir[PATH_MAX];
	exe_dir(dir, sizeof dir);
	if (dir[0]) {
		char up[PATH_MAX];
		snprintf(up, sizeof up, "%s", dir);
		for (int level = 0; level < 3; level++) {
			add_if_shipped(d, xasprintf("%s/%s", up, sub), marker);
			char *slash = strrchr(up, '/');
			if (!slash || slash == up)
				break;
			*slash = '\0';
		}
		add_if_shipped(d, xasprintf("%s/../share/jembrief/%s", dir, sub), marker);
	}
	add(d, xasprintf("%s/%s", JB_DATADIR, sub));
}

void jb_template_dirs(struct jb_dirs *d)
{
	shipped_dirs(d, "JEMBRIEF_TEMPLATES", "templates", "london-pack.conf");
}

void jb_data_dirs(struct jb_dirs *d)
{
	shipped_dirs(d, "JEMBRIEF_DATA", "sample-data", "SOURCES.md");
}

void jb_dirs_free(struct jb_dirs *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i]);
	d->n = 0;
}
