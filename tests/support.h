/* tests/support.h - small helpers shared by the cmocka test programs.
 * Tests run from the repository root (tests/run-tests.sh makes sure). */
#ifndef JB_TEST_SUPPORT_H
#define JB_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* Relative error check: |got - want| <= rel * max(|want|, tiny). */
#define assert_close(got, want, rel) \
	jb_assert_close((got), (want), (rel), #got, __FILE__, __LINE__)
void jb_assert_close(double got, double want, double rel, const char *expr,
		     const char *file, int line);

/* Run a shell command, capturing stdout into a new string (caller frees);
 * *status gets the exit status. */
char *jb_run(const char *cmd, int *status);
/* Whole file into a new NUL-terminated string, NULL if unreadable. */
char *jb_slurp(const char *path, size_t *len);
/* A fresh temporary directory (caller removes it with jb_rmtree). */
char *jb_tmpdir(void);
void jb_rmtree(const char *dir);
/* Write text to dir/name (creating subdirectories); returns the full path
 * (caller frees). */
char *jb_write_file(const char *dir, const char *name, const char *text);

/* s with every run of white space (line breaks are layout, not content)
 * made one space, in place; returns s. */
char *jb_fold_space(char *s);
/* Fails the test unless want occurs in text, white space folded in both. */
void jb_expect_in(const char *text, const char *want, const char *what);
/* The text (pdftotext -layout) of the first page of pdf that holds marker
 * (white space folded when comparing): slides are found by what they say,
 * not by their position in the template. Fails the test when no page does.
 * Caller frees. */
char *jb_pdf_page_with(const char *pdf, const char *marker);

/* The shipped theme NAME (templates/NAME.conf); fails the test when it
 * does not load. Free with jb_template_free. */
struct jb_template;
struct jb_template *jb_load_theme(const char *name);

/* The jembrief binary under test: $JEMBRIEF, else build/jembrief. */
const char *jb_jembrief(void);

struct jb_dataset;
struct jb_load_options;
struct jb_source;
/* The dataset's source read from path (relative to the data directory);
 * fails the test when there is none. */
const struct jb_source *jb_source_named(const struct jb_dataset *ds, const char *path);
/* Rows the source set aside under the reason what (0 when none). */
size_t jb_reason_count(const struct jb_source *s, const char *what);
/* jb_dataset_load with its diagnostics captured into *diag (caller frees);
 * diagnostics go back to stderr afterwards. */
struct jb_dataset *jb_load_capture(const char *dir, const struct jb_load_options *opt,
				   char **diag);

/* cmocka group setup and teardown for tests that lay out text: the
 * shipped fonts loaded (font_init) and released. */
int jb_fonts_up(void **state);
int jb_fonts_down(void **state);

#endif
