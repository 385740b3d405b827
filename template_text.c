/* template_text.c - see template_text.h. */
#include "template_text.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/paths.h"
#include "util/xalloc.h"

struct reader {
	struct tpl_text *tt;
	char *err;
	size_t errlen;
	char *stack[TPL_MAX_DEPTH + 1]; /* real paths of the files being read */
	int depth;
};

static void append_line(struct tpl_text *tt, const char *s, size_t n, size_t file, int line)
{
	tt->lines = xgrow(tt->lines, &tt->caplines, tt->nlines + 1, sizeof *tt->lines);
	tt->lines[tt->nlines++] = (struct tpl_line){file, line, tt->len};
	tt->text = xgrow(tt->text, &tt->cap, tt->len + n + 2, 1);
	memcpy(tt->text + tt->len, s, n);
	tt->len += n;
	tt->text[tt->len++] = '\n';
	tt->text[tt->len] = '\0';
}

/* The file's bytes (NUL-terminated), checked to be a template's text; NULL
 * with the reason in why. */
static char *slurp(const char *path, size_t *len, char *why, size_t whylen)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(why, whylen, "is a folder, not a template file");
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "is not a regular file");
		return NULL;
	}
	if (st.st_size > TPL_MAX_BYTES) {
		snprintf(why, whylen, "is larger than %ld MB: not a template", TPL_MAX_BYTES >> 20);
		return NULL;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(why, whylen, "%s", strerror(errno));
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0, got;
	char *buf = xmalloc(cap + 1);
	/* read to the end: the file may have grown since stat */
	while ((got = fread(buf + n, 1, cap - n, f)) > 0 && n + got <= (size_t)TPL_MAX_BYTES) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, (cap *= 2) + 1);
	}
	int bad = ferror(f) || n > (size_t)TPL_MAX_BYTES;
	fclose(f);
	if (bad || memchr(buf, '\0', n)) {
		snprintf(why, whylen, bad ? "cannot be read whole" : "holds a NUL byte: not a text file");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Is s[0..n) an @include line? 0: no; 1: yes, *name its target (caller
 * frees), or NULL with *why when the line is malformed. */
static int include_line(const char *s, size_t n, char **name, const char **why)
{
	const char *p = s, *end = s + n;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 8 || memcmp(p, "@include", 8) != 0)
		return 0;
	p += 8;
	*name = NULL;
	const char *q = p;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q == p || q == end || *q != '"') {
		*why = "expected a file name in double quotes: @include \"london-pack.conf\"";
		return 1;
	}
	const char *close = memchr(q + 1, '"', (size_t)(end - q - 1));
	if (!close) {
		*why = "the file name's closing double quote is missing";
		return 1;
	}
	if (memchr(q + 1, '\\', (size_t)(close - q - 1))) {
		*why = "a backslash in the file name is not supported";
		return 1;
	}
	const char *r = close + 1;
	while (r < end && (*r == ' ' || *r == '\t' || *r == '\r'))
		r++;
	if (r < end && *r != '#' && !(end - r >= 2 && r[0] == '/' && (r[1] == '/' || r[1] == '*'))) {
		*why = "nothing but a comment may follow the file name on an @include line";
		return 1;
	}
	*name = xstrndup(q + 1, (size_t)(close - q - 1));
	return 1;
}

/* The folder of path ("." when it has none); caller frees. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

/* Where a relative include lives: beside from, then each templates folder
 * (util/paths.h; the folder beside from is not looked in twice). NULL when
 * nowhere, with the folders looked in. */
static char *resolve(const char *name, const char *from, char *looked, size_t lookedlen)
{
	if (name[0] == '/')
		return xstrdup(name);
	struct jb_dirs dirs;
	jb_template_dirs(&dirs);
	char *beside = folder_of(from);
	char *real_beside = realpath(beside, NULL);
	char *found = NULL;
	looked[0] = '\0';
	for (size_t i = 0; i <= dirs.n && !found; i++) {
		const char *d = i == 0 ? beside : dirs.v[i - 1];
		char *real = i > 0 && real_beside ? realpath(d, NULL) : NULL;
		int again = real && strcmp(real, real_beside) == 0;
		free(real);
		if (again)
			continue;
		char *cand = strcmp(d, ".") == 0 ? xstrdup(name) : xasprintf("%s/%s", d, name);
		struct stat st;
		if (stat(cand, &st) == 0) {
			found = cand;
		} else {
			size_t used = strlen(looked);
			snprintf(looked + used, lookedlen - used, "%s%s/", used ? ", " : "", d);
			free(cand);
		}
	}
	free(real_beside);
	free(beside);
	jb_dirs_free(&dirs);
	return found;
}

static int read_file(struct reader *R, const char *path, size_t from_fi, int from_line);

/* "FROM:LINE: @include: ..." (or "PATH: ..." for the template itself). */
static int refuse(struct reader *R, const char *from, int from_line, const char *what,
		  const char *why)
{
	if (from)
		snprintf(R->err, R->errlen, "%s:%d: @include: %s%s%s", from, from_line, what,
			 *what ? ": " : "", why);
	else
		snprintf(R->err, R->errlen, "%s: %s", what, why);
	return -1;
}

/* One line of file fi (path): copied, or the file it includes read in
 * its place. */
static int read_line(struct reader *R, const char *s, size_t n, size_t fi, int line)
{
	char *name;
	const char *why = NULL;
	const char *path = R->tt->files[fi];
	if (!include_line(s, n, &name, &why)) {
		append_line(R->tt, s, n, fi, line);
		return 0;
	}
	if (!name)
		return refuse(R, path, line, "", why);
	int rc;
	char looked[1024];
	char *target = *name ? resolve(name, path, looked, sizeof looked) : NULL;
	if (!*name) {
		rc = refuse(R, path, line, "", "the file name is empty");
	} else if (!target) {
		char why2[PATH_MAX + 1100];
		snprintf(why2, sizeof why2, "\"%s\" not found (looked in %s)", name, looked);
		rc = refuse(R, path, line, "", why2);
	} else {
		rc = read_file(R, target, fi, line);
	}
	free(target);
	free(name);
	return rc;
}

/* from_fi: the file whose line from_line includes path; (size_t)-1 for the
 * template itself. */
static int read_file(struct reader *R, const char *path, size_t from_fi, int from_line)
{
	const char *from = from_fi == (size_t)-1 ? NULL : R->tt->files[from_fi];
	char why[128];
	size_t n;
	char *buf = slurp(path, &n, why, sizeof why);
	if (!buf)
		return refuse(R, from, from_line, path, why);
	char *real = realpath(path, NULL);
	int rc = 0;
	for (int i = 0; real && i < R->depth; i++)
		if (strcmp(R->stack[i], real) == 0)
			rc = refuse(R, from, from_line, path,
				    "is already being read: a template cannot include itself");
	if (rc == 0 && R->depth >= TPL_MAX_DEPTH) {
		char w[64];
		snprintf(w, sizeof w, "includes nested more than %d deep", TPL_MAX_DEPTH);
		rc = refuse(R, from, from_line, path, w);
	}
	if (rc != 0) {
		free(real);
		free(buf);
		return rc;
	}
	R->stack[R->depth++] = real;
	struct tpl_text *tt = R->tt;
	tt->files = xgrow(tt->files, &tt->capfiles, tt->nfiles + 1, sizeof *tt->files);
	tt->included_at = xgrow(tt->included_at, &tt->capincl, tt->nfiles + 1,
				sizeof *tt->included_at);
	size_t fi = tt->nfiles;
	tt->included_at[fi] = (struct tpl_line){from_fi, from_line, 0};
	tt->files[tt->nfiles++] = xstrdup(path);
	int line = 1;
	for (const char *p = buf, *end = buf + n; rc == 0 && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		rc = read_line(R, p, len, fi, line);
		p += len + (nl != NULL);
	}
	R->depth--;
	free(real);
	free(buf);
	return rc;
}

int tpl_text_read(struct tpl_text *tt, const char *path, char *err, size_t errlen)
{
	*tt = (struct tpl_text){0};
	struct reader R = {.tt = tt, .err = err, .errlen = errlen};
	int rc = read_file(&R, path, (size_t)-1, 0);
	if (rc == 0 && !tt->text)
		append_line(tt, "", 0, 0, 1); /* an empty file: libconfig says what is missing */
	return rc;
}

const char *tpl_text_where(const struct tpl_text *tt, int n, int *line)
{
	if (n >= 1 && (size_t)n <= tt->nlines) {
		*line = tt->lines[n - 1].line;
		return tt->files[tt->lines[n - 1].file];
	}
	/* past the end: the end of the template itself */
	int last = 0;
	for (size_t i = 0; i < tt->nlines; i++)
		if (tt->lines[i].file == 0)
			last = tt->lines[i].line;
	*line = n > 0 && (size_t)n > tt->nlines ? last + n - (int)tt->nlines : n;
	return tt->nfiles ? tt->files[0] : "";
}

char *tpl_text_included_from(const struct tpl_text *tt, int n)
{
	if (n < 1 || (size_t)n > tt->nlines || tt->lines[n - 1].file == 0)
		return xstrdup("");
	const struct tpl_line *at = &tt->included_at[tt->lines[n - 1].file];
	return xasprintf(" (included from %s:%d)", tt->files[at->file], at->line);
}

const char *tpl_text_line(const struct tpl_text *tt, int n, size_t *len)
{
	if (n < 1 || (size_t)n > tt->nlines)
		return NULL;
	size_t off = tt->lines[n - 1].off;
	size_t next = (size_t)n < tt->nlines ? tt->lines[n].off : tt->len;
	*len = next - off - 1; /* without the newline */
	return tt->text + off;
}

void tpl_text_free(struct tpl_text *tt)
{
	for (size_t i = 0; i < tt->nfiles; i++)
		free(tt->files[i]);
	free(tt->files);
	free(tt->included_at);
	free(tt->text);
	free(tt->lines);
	*tt = (struct tpl_text){0};
}
