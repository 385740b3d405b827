/* template_text.h - a template's text as libconfig is given it.
 *
 * libconfig 1.5 (Debian 12) reads @include targets itself: an empty name
 * or a folder makes its flex scanner exit the whole process ("input in
 * flex scanner failed"), it looks in one folder only, and it has no hook
 * to check a target first (config_set_include_func came in 1.7). So the
 * template is read here: each line `@include "NAME"` is replaced by the
 * text of the file it names, checked first, and libconfig parses the
 * result from memory (config_read_string). Every line of the result keeps
 * the file and line it came from, for messages.
 *
 * NAME is used as is when absolute; otherwise it is looked for beside the
 * file that includes it, then in the templates folders
 * (util/paths.h: jb_template_dirs()). A target that is missing (the message names every
 * place looked in), empty, a folder, not a regular file, unreadable,
 * larger than TPL_MAX_BYTES, holding a NUL byte, nested deeper than
 * TPL_MAX_DEPTH or already being read (a template including itself) is
 * refused as "FILE:LINE: @include: problem".
 *
 * An @include line must stand alone ("@include" and a name in double
 * quotes, then at most a comment), as libconfig requires; one inside a
 * block comment is expanded too.
 */
#ifndef JB_TEMPLATE_TEXT_H
#define JB_TEMPLATE_TEXT_H

#include <stddef.h>

#define TPL_MAX_BYTES (16L << 20) /* one template file */
#define TPL_MAX_DEPTH 10          /* includes within includes (libconfig's own limit) */

struct tpl_line {
	size_t file; /* index in files */
	int line;    /* 1-based, in that file */
	size_t off;  /* where the line starts in text */
};

struct tpl_text {
	char *text;
	size_t len, cap;
	struct tpl_line *lines; /* [n - 1] is line n of text */
	size_t nlines, caplines;
	char **files; /* every file read, [0] the template; as found (with its folder) */
	size_t nfiles, capfiles;
	struct tpl_line *included_at; /* [i]: the @include line that read files[i] (i > 0) */
	size_t capincl;
};

/* 0, or -1 with "FILE:LINE: problem" (or "FILE: problem") in err. tt is
 * to be freed either way. */
int tpl_text_read(struct tpl_text *tt, const char *path, char *err, size_t errlen);
/* The file and line (in *line) that line n (1-based) of the text came
 * from; the template itself, line n, when n is out of range. */
const char *tpl_text_where(const struct tpl_text *tt, int n, int *line);
/* " (included from FILE:LINE)" for line n of the text, when it came from
 * an included file; "" otherwise. Caller frees. */
char *tpl_text_included_from(const struct tpl_text *tt, int n);
/* Line n of the text (without its newline), its length in *len; NULL
 * when n is out of range. */
const char *tpl_text_line(const struct tpl_text *tt, int n, size_t *len);
void tpl_text_free(struct tpl_text *tt);

#endif
