/* util/atomic.c - see atomic.h. */
#include "atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

char *atomic_tmpname(const char *path)
{
	return xasprintf("%s.tmp.%ld", path, (long)getpid());
}

FILE *atomic_open(struct atomic_file *af, const char *path)
{
	af->path = xstrdup(path);
	af->tmp = atomic_tmpname(path);
	af->f = fopen(af->tmp, "wb");
	if (!af->f) {
		int e = errno;
		free(af->path);
		free(af->tmp);
		af->path = af->tmp = NULL;
		errno = e;
	}
	return af->f;
}

int atomic_commit(struct atomic_file *af)
{
	int rc = 0, e = 0;
	if (ferror(af->f) || fflush(af->f) != 0) {
		rc = -1;
		e = errno ? errno : EIO;
	}
	if (fclose(af->f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(af->tmp, af->path) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0)
		remove(af->tmp);
	free(af->path);
	free(af->tmp);
	af->path = af->tmp = NULL;
	af->f = NULL;
	errno = e;
	return rc;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->f)
		fclose(af->f);
	if (af->tmp)
		remove(af->tmp);
	free(af->path);
	free(af->tmp);
	af->path = af->tmp = NULL;
	af->f = NULL;
}

int make_dirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (!c)
			break;
	}
	int e = errno;
	free(p);
	errno = e;
	return rc;
}
