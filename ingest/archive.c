/* ingest/archive.c - see archive.h. libzip does the format (central
 * directory, deflate, checksums); this file only maps a path to an
 * archive and a member, one zip_t per member opened, so that threads
 * reading street files at once never share one. */
#include "archive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <zip.h>

#include "../util/xalloc.h"

struct jb_zip_member {
	zip_t *za;
	zip_file_t *zf;
};

static void zip_message(int code, char *err, size_t errlen)
{
	zip_error_t e;
	zip_error_init_with_code(&e, code);
	snprintf(err, errlen, "not a zip archive that can be read (%s)", zip_error_strerror(&e));
	zip_error_fini(&e);
}

int jb_zip_list(const char *path, void (*each)(const char *name, void *ctx), void *ctx,
		char *err, size_t errlen)
{
	int code;
	zip_t *za = zip_open(path, ZIP_RDONLY, &code);
	if (!za) {
		zip_message(code, err, errlen);
		return -1;
	}
	zip_int64_t n = zip_get_num_entries(za, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		size_t len = name ? strlen(name) : 0;
		if (len && name[len - 1] != '/')
			each(name, ctx);
	}
	zip_discard(za);
	return 0;
}

/* Length of the prefix of path that is an archive ("....zip" followed by
 * '/'), 0 when there is none. */
static size_t archive_prefix(const char *path)
{
	for (const char *p = path; (p = strchr(p, '/')) != NULL; p++) {
		size_t n = (size_t)(p - path);
		if (n < 4 || strncasecmp(p - 4, ".zip", 4) != 0)
			continue;
		char *prefix = xstrdup(path);
		prefix[n] = '\0';
		struct stat st;
		int is_file = stat(prefix, &st) == 0 && S_ISREG(st.st_mode);
		free(prefix);
		if (is_file)
			return n;
	}
	return 0;
}

int jb_zip_open(const char *path, struct jb_zip_member **member, const char **err)
{
	size_t n = archive_prefix(path);
	*member = NULL;
	if (!n)
		return 0;
	char *zpath = xstrdup(path);
	zpath[n] = '\0';
	int code;
	zip_t *za = zip_open(zpath, ZIP_RDONLY, &code);
	free(zpath);
	if (!za) {
		*err = "the archive cannot be opened";
		return 1;
	}
	zip_file_t *zf = zip_fopen(za, path + n + 1, 0);
	if (!zf) {
		*err = "the archive member cannot be opened (damaged, encrypted or an "
		       "unsupported compression)";
		zip_discard(za);
		return 1;
	}
	*member = xmalloc(sizeof **member);
	(*member)->za = za;
	(*member)->zf = zf;
	return 1;
}

long jb_zip_read(struct jb_zip_member *m, void *buf, size_t n)
{
	return (long)zip_fread(m->zf, buf, n);
}

void jb_zip_close(struct jb_zip_member *m)
{
	if (!m)
		return;
	zip_fclose(m->zf);
	zip_discard(m->za);
	free(m);
}
