/* render/manifest.c - see manifest.h. JSON through json-c. */
#include "manifest.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/atomic.h"
#include "../util/sha256.h"
#include "../util/xalloc.h"
#include "deck.h"

/* { "path": shown, "bytes": N, "sha256": "..." }; bytes and sha256 are
 * null when the file cannot be read. The digest its reader took (src, may
 * be NULL) is used when there is one: a large file is then read once. */
static json_object *file_entry(const char *shown, const char *path,
			       const struct jb_source *src)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "path", json_object_new_string(shown));
	char hex[65];
	long long bytes;
	int ok = 1;
	if (src && src->sha256[0]) {
		memcpy(hex, src->sha256, sizeof hex);
		bytes = src->bytes;
	} else {
		ok = sha256_file(path, hex, &bytes) == 0;
	}
	json_object_object_add(o, "bytes", ok ? json_object_new_int64(bytes) : NULL);
	json_object_object_add(o, "sha256", ok ? json_object_new_string(hex) : NULL);
	return o;
}

/* An input file: its path relative to the data folder, and the source
 * read from it (NULL for a shapefile's companion). */
struct input {
	char *rel;
	const struct jb_source *src;
};

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct input *)a)->rel, ((const struct input *)b)->rel);
}

/* A shapefile is read with its companions: they are inputs too. */
static const char *const shp_companions[] = {".shx", ".dbf", ".prj", ".cpg"};

/* Every input file, relative to the data folder, sorted (the street files
 * are read by threads: the order they register in may vary). */
static json_object *inputs(const struct jb_dataset *ds)
{
	const struct jb_sources *s = &ds->sources;
	size_t n = 0, cap = 0;
	struct input *in = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const char *p = s->v[i]->path;
		in = xgrow(in, &cap, n + 1, sizeof *in);
		in[n++] = (struct input){xstrdup(p), s->v[i]};
		size_t len = strlen(p);
		if (len < 4 || strcmp(p + len - 4, ".shp") != 0)
			continue;
		for (size_t k = 0; k < sizeof shp_companions / sizeof shp_companions[0]; k++) {
			char *c = xasprintf("%.*s%s", (int)(len - 4), p, shp_companions[k]);
			char *full = xasprintf("%s/%s", ds->dir, c);
			FILE *f = fopen(full, "rb");
			if (f) {
				fclose(f);
				in = xgrow(in, &cap, n + 1, sizeof *in);
				in[n++] = (struct input){c, NULL};
			} else {
				free(c);
			}
			free(full);
		}
	}
	qsort(in, n, sizeof *in, by_path);
	json_object *a = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		char *full = xasprintf("%s/%s", ds->dir, in[i].rel);
		json_object_array_add(a, file_entry(in[i].rel, full, in[i].src));
		free(full);
		free(in[i].rel);
	}
	free(in);
	return a;
}

static json_object *theme(const struct jb_template *t)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_string(t->theme.id));
	json_object *files = json_object_new_array();
	for (size_t i = 0; i < t->nfiles; i++)
		json_object_array_add(files, file_entry(t->files[i], t->files[i], NULL));
	json_object_object_add(o, "files", files);
	return o;
}

static json_object *decks(const struct manifest_run *r)
{
	json_object *a = json_object_new_array();
	for (int i = 0; i < r->nsel; i++) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "deck", json_object_new_string(deck_name(r->f, r->sel[i])));
		const char *st = !r->deck_ok ? "running" : r->deck_ok[i] ? "written" : "failed";
		json_object_object_add(o, "status", json_object_new_string(st));
		json_object_array_add(a, o);
	}
	return a;
}

static json_object *written(const struct outdir *od)
{
	json_object *a = json_object_new_array();
	for (size_t i = 0; i < od->nfiles; i++) {
		char *full = xasprintf("%s/%s", od->dir, od->files[i]);
		json_object_array_add(a, file_entry(od->files[i], full, NULL));
		free(full);
	}
	return a;
}

static void body(FILE *out, const void *ctx)
{
	fputs(ctx, out);
	fputc('\n', out);
}

int manifest_write(const struct outdir *od, struct manifest_run *r, const char *status,
		   char *err, size_t errlen)
{
	const struct jb_findings *f = r->f;
	json_object *m = json_object_new_object();
	json_object_object_add(m, "program", json_object_new_string(r->program));
	json_object_object_add(m, "status", json_object_new_string(status));
	char period[16];
	snprintf(period, sizeof period, "%04d-%02d", jb_month_year(f->period_end),
		 jb_month_mon(f->period_end));
	json_object_object_add(m, "period_end",
			       f->has_series ? json_object_new_string(period) : NULL);
	json_object_object_add(m, "theme", theme(r->t));
	json_object_object_add(m, "data", json_object_new_string(f->ds->dir));
	if (!r->inputs)
		r->inputs = inputs(f->ds);
	json_object_object_add(m, "inputs", json_object_get(r->inputs));
	json_object_object_add(m, "decks", decks(r));
	json_object_object_add(m, "files", written(od));
	const char *text = json_object_to_json_string_ext(
		m, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
	char *path = xasprintf("%s/%s", od->dir, MANIFEST_NAME);
	int rc = atomic_write_with(path, body, text, err, errlen);
	free(path);
	json_object_put(m);
	return rc;
}

void manifest_run_done(struct manifest_run *r)
{
	json_object_put(r->inputs);
	r->inputs = NULL;
}
