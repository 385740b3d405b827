/* util/atomic.c - see atomic.h. */
#define _GNU_SOURCE /* fopencookie */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

char *atomic_tmpname(const char *path)
{
	return xasprintf("%s.tmp.%ld", path, (long)getpid());
}

/* The stream's file descriptor and the first reason a write failed:
 * stdio keeps only an error flag, and errno is long gone (or was never
 * set for the caller) by the time atomic_commit() asks. */
struct atomic_sink {
	int fd;
	int err;
};

static ssize_t sink_write(void *cookie, const char *buf, size_t n)
{
	struct atomic_sink *s = cookie;
	size_t done = 0;
	while (done < n) {
		ssize_t w = write(s->fd, buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (!s->err)
				s->err = w < 0 ? errno : EIO;
			return done ? (ssize_t)done : -1;
		}
		done += (size_t)w;
	}
	return (ssize_t)n;
}

static int sink_close(void *cookie)
{
	struct atomic_sink *s = cookie;
	if (close(s->fd) != 0 && !s->err)
		s->err = errno;
	return s->err ? -1 : 0;
}

static void forget(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	free(af->sink);
	af->path = af->tmp = NULL;
	af->sink = NULL;
	af->f = NULL;
}

FILE *atomic_open(struct atomic_file *af, const char *path)
{
	af->path = xstrdup(path);
	af->tmp = atomic_tmpname(path);
	af->sink = xcalloc(1, sizeof *af->sink);
	af->f = NULL;
	af->sink->fd = open(af->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (af->sink->fd >= 0) {
		af->f = fopencookie(af->sink, "wb",
				    (cookie_io_functions_t){.write = sink_write, .close = sink_close});
		if (!af->f) {
			close(af->sink->fd);
			remove(af->tmp);
		}
	}
	if (!af->f) {
		int e = errno;
		forget(af);
		errno = e;
	}
	return af->f;
}

int atomic_commit(struct atomic_file *af)
{
	int rc = fclose(af->f) != 0 || af->sink->err ? -1 : 0;
	int e = rc ? af->sink->err ? af->sink->err : EIO : 0;
	if (rc == 0 && rename(af->tmp, af->path) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0)
		remove(af->tmp);
	forget(af);
	errno = e;
	return rc;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->f)
		fclose(af->f);
	if (af->tmp)
		remove(af->tmp);
	forget(af);
}

int atomic_write_with(const char *path, atomic_body_fn body, const void *ctx, char *err,
		      size_t errlen)
{
	struct atomic_file af;
	if (!atomic_open(&af, path)) {
		atomic_error(err, errlen, path);
		return -1;
	}
	body(af.f, ctx);
	if (atomic_commit(&af) != 0) {
		atomic_error(err, errlen, path);
		return -1;
	}
	return 0;
}

void atomic_error(char *err, size_t errlen, const char *path)
{
	snprintf(err, errlen, "%s: %s", path, strerror(errno ? errno : EIO));
}

/* mkdir that takes an existing folder, but not an existing file, for done. */
static int mkdir_once(const char *p)
{
	if (mkdir(p, 0755) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	struct stat st;
	if (stat(p, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int make_dirs(const char *path)
{
	if (!*path) {
		errno = ENOENT;
		return -1;
	}
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (*p && mkdir_once(p) != 0)
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
