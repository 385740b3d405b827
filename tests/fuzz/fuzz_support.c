/* tests/fuzz/fuzz_support.c - see fuzz.h. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../ingest/dataset.h"
#include "../../util/xalloc.h"

static char *scratch;

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void rm_scratch(void)
{
	if (scratch)
		nftw(scratch, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(scratch);
	scratch = NULL;
}

const char *fuzz_scratch(void)
{
	if (scratch)
		return scratch;
	struct stat st;
	const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	char *tmpl = xasprintf("%s/jembrief-fuzz-XXXXXX", base);
	if (!mkdtemp(tmpl))
		die("fuzz: cannot make a scratch directory in %s", base);
	scratch = tmpl;
	atexit(rm_scratch);
	return scratch;
}

static void make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		mkdir(path, 0777);
		*p = '/';
	}
}

void fuzz_write(const char *dir, const char *rel, const void *bytes, size_t n)
{
	char *path = xasprintf("%s/%s", dir, rel);
	make_parents(path);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
	free(path);
}

const char *fuzz_root(void)
{
	return FUZZ_ROOT;
}

void fuzz_copy(const char *src, const char *dir, const char *rel)
{
	char *from = xasprintf("%s/%s", fuzz_root(), src);
	FILE *f = fopen(from, "rb");
	if (!f)
		die("fuzz: cannot read %s", from);
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		buf = xgrow(buf, &cap, n + 65536, 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	fuzz_write(dir, rel, buf, n);
	free(buf);
	free(from);
}

void fuzz_load(const char *dir)
{
	struct jb_load_options opt = {.quiet = 1, .jobs = 1};
	struct jb_dataset *ds = jb_dataset_load(dir, &opt);
	if (!ds || jb_dataset_check(ds, stderr) != 0)
		abort();
	jb_dataset_free(ds);
}
