/* tests/support.c - see support.h. */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../ingest/dataset.h"
#include "../render/display/font.h"
#include "../template_load.h"
#include "../util/xalloc.h"

void jb_assert_close(double got, double want, double rel, const char *expr,
		     const char *file, int line)
{
	double scale = fabs(want) > 1e-300 ? fabs(want) : 1e-300;
	if (isnan(got) || fabs(got - want) > rel * scale) {
		print_error("%s:%d: %s = %.12g, want %.12g (rel tol %g)\n", file, line,
			    expr, got, want, rel);
		_fail(file, line);
	}
}

char *jb_run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	if (!p) {
		*status = -1;
		return xstrdup("");
	}
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	buf[n] = '\0';
	int st = pclose(p);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return buf;
}

char *jb_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0, got;
	char *buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

char *jb_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/jembrief-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpl))
		fail_msg("mkdtemp failed");
	return tmpl;
}

void jb_rmtree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int st;
	free(jb_run(cmd, &st));
	free(cmd);
}

char *jb_write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	for (char *s = path + strlen(dir) + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			mkdir(path, 0755);
			*s = '/';
		}
	FILE *f = fopen(path, "wb");
	if (!f)
		fail_msg("cannot write %s", path);
	fputs(text, f);
	fclose(f);
	return path;
}

char *jb_fold_space(char *s)
{
	char *o = s;
	for (const char *p = s; *p; p++) {
		int space = strchr(" \n\t\f\r", *p) != NULL;
		if (!space)
			*o++ = *p;
		else if (o > s && o[-1] != ' ')
			*o++ = ' ';
	}
	*o = '\0';
	return s;
}

void jb_expect_in(const char *text, const char *want, const char *what)
{
	char *t = jb_fold_space(xstrdup(text)), *w = jb_fold_space(xstrdup(want));
	int found = strstr(t, w) != NULL;
	free(t);
	free(w);
	if (!found)
		fail_msg("%s: '%s' not found in:\n%s", what, want, text);
}

char *jb_pdf_page_with(const char *pdf, const char *marker)
{
	char *cmd = xasprintf("pdftotext -layout '%s' -", pdf);
	int st;
	char *text = jb_run(cmd, &st);
	free(cmd);
	if (st != 0)
		fail_msg("pdftotext %s failed", pdf);
	char *want = jb_fold_space(xstrdup(marker));
	char *page = NULL;
	for (char *p = text, *end; p && !page; p = end ? end + 1 : NULL) {
		end = strchr(p, '\f');
		if (end)
			*end = '\0';
		char *folded = jb_fold_space(xstrdup(p));
		if (strstr(folded, want))
			page = xstrdup(p);
		free(folded);
	}
	free(want);
	free(text);
	if (!page)
		fail_msg("%s: no page says '%s'", pdf, marker);
	return page;
}

struct jb_dataset *jb_load_capture(const char *dir, const struct jb_load_options *opt,
				   char **diag)
{
	size_t len;
	FILE *d = open_memstream(diag, &len);
	jb_diag_set(d);
	struct jb_dataset *ds = jb_dataset_load(dir, opt);
	jb_diag_set(stderr);
	fclose(d);
	return ds;
}

const char *jb_jembrief(void)
{
	const char *j = getenv("JEMBRIEF");
	return j && *j ? j : "build/jembrief";
}

const struct jb_source *jb_source_named(const struct jb_dataset *ds, const char *path)
{
	for (size_t i = 0; i < ds->sources.n; i++)
		if (strcmp(ds->sources.v[i]->path, path) == 0)
			return ds->sources.v[i];
	fail_msg("no source %s", path);
	return NULL;
}

size_t jb_reason_count(const struct jb_source *s, const char *what)
{
	for (size_t i = 0; i < s->nreasons; i++)
		if (strcmp(s->reasons[i].what, what) == 0)
			return s->reasons[i].n;
	return 0;
}

struct jb_template *jb_load_theme(const char *name)
{
	char err[512];
	char *path = xasprintf("templates/%s.conf", name);
	struct jb_template *tpl = jb_template_load(path, err, sizeof err);
	free(path);
	if (!tpl)
		fail_msg("%s", err);
	return tpl;
}

int jb_fonts_up(void **state)
{
	(void)state;
	return font_init(NULL, NULL);
}

int jb_fonts_down(void **state)
{
	(void)state;
	font_done();
	return 0;
}
