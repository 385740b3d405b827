/* template_load.h - find, load and validate a deck template: the libconfig
 * file in templates/ that says which slides, in what order, with what
 * words, and the theme (what to count) that ingest and analysis are given.
 * It sits with the driver, above every stage: it fills render's template
 * structures (render/template.h) and the theme (analysis/theme.h), so no
 * stage depends on it.
 *
 * Ownership: jb_template_load() returns a template the caller frees with
 * jb_template_free() (NULL safe). The theme inside it is owned by it.
 */
#ifndef JB_TEMPLATE_LOAD_H
#define JB_TEMPLATE_LOAD_H

#include <stddef.h>

#include "render/template.h"

/* Resolve a theme given by name ("all-violence") or path: a path (with a
 * '/' or ".conf") is used as it is; a name is looked for as NAME.conf in
 * each templates folder. Returns a new string, or NULL with the
 * reason, naming every place looked in, in err. The templates folders
 * are util/paths.h's jb_template_dirs(). */
char *jb_template_find(const char *name_or_path, char *err, size_t errlen);

/* Load and validate: the @include targets (template_text.h),
 * syntax, known slide kinds, required fields, every {placeholder} known
 * and closed. On error returns NULL and writes "FILE:LINE: problem" into
 * err, FILE with its folder (the included file when the problem is
 * there). */
struct jb_template *jb_template_load(const char *path, char *err, size_t errlen);
void jb_template_free(struct jb_template *t);
/* The analyst's comparators: add the borough name (or GSS code) to
 * th->compare, or replace the list by the comma-separated names of list
 * ("Camden, Islington", as --compare gives it). 0, or -1 with the problem
 * in err. */
int jb_theme_add_comparator(struct jb_theme *th, const char *name, char *err, size_t errlen);
int jb_theme_compare_list(struct jb_theme *th, const char *list, char *err, size_t errlen);
/* The pictures the template names (theme.logo, each image slide's image),
 * read from datadir (paths relative to it). One that cannot be read is not
 * an error: its slide, or the logo, says or is left out (its *_problem). */
void jb_template_read_images(struct jb_template *t, const char *datadir);

#endif
