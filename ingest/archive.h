/* ingest/archive.h - .zip archives read in place (libzip), as data.police.uk
 * serves them: a zip is scanned like a folder, and a file inside it is
 * named by the archive's path, a slash, and the member's name:
 * "crime/2017-06.zip/2017-01/2017-01-city-of-london-street.csv". Internal
 * to ingest/.
 */
#ifndef JB_ARCHIVE_H
#define JB_ARCHIVE_H

#include <stddef.h>

/* Call each(name, ctx) for every file member of the zip at path (folders
 * left out), in the archive's order. 0, or -1 with a description of what
 * is wrong in err. */
int jb_zip_list(const char *path, void (*each)(const char *name, void *ctx), void *ctx,
		char *err, size_t errlen);

/* A member being read. */
struct jb_zip_member;
/* When path names a member of an archive (some prefix ending ".zip" is a
 * regular file), open it: *member is set (NULL and *err set when it cannot
 * be opened) and 1 returned; 0 when path names no archive member. */
int jb_zip_open(const char *path, struct jb_zip_member **member, const char **err);
/* Up to n bytes into buf: how many (0 at the end), -1 on a read error. */
long jb_zip_read(struct jb_zip_member *m, void *buf, size_t n);
void jb_zip_close(struct jb_zip_member *m); /* NULL safe */

#endif
