/* render/outdir.c - see outdir.h. */
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "../ingest/dataset.h"
#include "../util/atomic.h"
#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "slides/kinds.h"
#include "tables/datatables.h"
#include "deck.h"
#include "display/svg.h"

/* The run-level files; manifest.json is the manifest's own (render/manifest.c). */
static const char *const run_files[] = {"summary.csv", "dashboard.csv", "data-quality.csv",
					"data-dictionary.csv"};

static int is_table(const char *name)
{
	struct datatable_set set;
	slide_kinds_datatables(&set);
	const char *names[DATATABLES_MAX];
	size_t n = datatables_names(&set, NULL, names, DATATABLES_MAX);
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* "NN.png", a slide preview. */
static int is_preview(const char *name)
{
	size_t d = strspn(name, "0123456789");
	return d > 0 && strcmp(name + d, ".png") == 0;
}

/* s as a process id: 1 to 9 digits and nothing else (pid_t holds 9
 * digits), else 0. */
static long parse_pid(const char *s)
{
	size_t digits = strspn(s, "0123456789");
	return digits > 0 && digits <= 9 && !s[digits] ? strtol(s, NULL, 10) : 0;
}

/* PID of a "NAME.tmp.PID" file name (util/atomic.c), with NAME's length in
 * *base; 0 when name is not one. */
static long tmp_pid(const char *name, size_t *base)
{
	const char *t = strstr(name, ".tmp.");
	while (t && strstr(t + 1, ".tmp."))
		t = strstr(t + 1, ".tmp.");
	if (!t)
		return 0;
	*base = (size_t)(t - name);
	return parse_pid(t + 5);
}

/* Whether process pid is a zombie: dead, its files closed, not yet reaped
 * (in a container whose first process does not reap orphans, a killed
 * run's worker can stay so for a long time). Linux's /proc/PID/stat:
 * "PID (COMM) STATE ...", COMM may hold any byte but its last ')'. */
static int is_zombie(long pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' && paren[2] == 'Z';
}

/* Whether the run or worker pid that wrote a temporary is gone: no such
 * process, or a zombie, which writes nothing more. */
static int pid_gone(long pid)
{
	if (pid <= 0 || pid == (long)getpid())
		return 0;
	if (kill((pid_t)pid, 0) != 0)
		return errno == ESRCH;
	return is_zombie(pid);
}

/* Removes the entries of dir that owns(name) claims: with tmp_only, only
 * the temporaries of owned names whose writer is gone; else every owned
 * name and its temporaries. */
static size_t sweep(const char *dir, int (*owns)(const char *name), int tmp_only)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t removed = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t base = 0;
		long pid = tmp_pid(e->d_name, &base);
		int ok;
		if (pid) {
			char *b = xstrndup(e->d_name, base);
			ok = owns(b) && (!tmp_only || pid_gone(pid));
			free(b);
		} else {
			ok = !tmp_only && owns(e->d_name);
		}
		char *p = xasprintf("%s/%s", dir, e->d_name);
		if (ok && unlink(p) == 0)
			removed++;
		free(p);
	}
	closedir(d);
	return removed;
}

static int is_top_file(const char *name)
{
	if (strcmp(name, "manifest.json") == 0)
		return 1;
	for (size_t i = 0; i < sizeof run_files / sizeof run_files[0]; i++)
		if (strcmp(name, run_files[i]) == 0)
			return 1;
	/* a deck: <deck>.pdf, or <deck>.pptx */
	const char *dot = strrchr(name, '.');
	if (!dot || (strcmp(dot, ".pdf") != 0 && strcmp(dot, ".pptx") != 0))
		return 0;
	size_t n = (size_t)(dot - name);
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const char *dn = deck_file_name(a);
		if (strlen(dn) == n && strncmp(name, dn, n) == 0)
			return 1;
	}
	return 0;
}

void outdir_remove_shared(const char *shared)
{
	sweep(shared, is_table, 0);
	rmdir(shared);
}

/* The .jembrief-shared.PID folders of dead runs. */
static size_t sweep_shared(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t removed = 0;
	struct dirent *e;
	size_t plen = strlen(OUTDIR_SHARED);
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, OUTDIR_SHARED, plen) != 0 ||
		    !pid_gone(parse_pid(e->d_name + plen)))
			continue;
		/* the run is gone: its tables and their temporaries go too */
		char *sub = xasprintf("%s/%s", dir, e->d_name);
		outdir_remove_shared(sub);
		removed += access(sub, F_OK) != 0;
		free(sub);
	}
	closedir(d);
	return removed;
}

size_t outdir_remove_leftovers(const char *dir)
{
	size_t removed = sweep(dir, is_top_file, 1) + sweep_shared(dir);
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		char *data = xasprintf("%s/%s/data", dir, deck_file_name(a));
		char *png = xasprintf("%s/png/%s", dir, deck_file_name(a));
		char *svg = xasprintf("%s/svg/%s", dir, deck_file_name(a));
		removed += sweep(data, is_table, 1) + sweep(png, is_preview, 1) +
			   sweep(svg, svg_is_file_name, 1);
		free(data);
		free(png);
		free(svg);
	}
	return removed;
}

/* Takes the lock; on failure err says why, naming the run that holds it. */
static int lock(struct outdir *od, char *err, size_t errlen)
{
	char *path = xasprintf("%s/%s", od->dir, OUTDIR_LOCK);
	int rc = 0;
	od->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (od->lock_fd < 0) {
		atomic_error(err, errlen, path);
		rc = -1;
	} else if (flock(od->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;
		char pid[32] = "";
		ssize_t n = pread(od->lock_fd, pid, sizeof pid - 1, 0);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		if (e == EWOULDBLOCK)
			snprintf(err, errlen, "%s: another jembrief run%s%s%s is writing there; wait for "
					      "it to finish or choose another --out",
				 od->dir, *pid ? " (process " : "", pid, *pid ? ")" : "");
		else
			snprintf(err, errlen, "%s: %s", path, strerror(e));
		close(od->lock_fd);
		od->lock_fd = -1;
		rc = -1;
	} else {
		/* who holds it, for the message a second run gives */
		char pid[32];
		int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
		if (ftruncate(od->lock_fd, 0) != 0 || pwrite(od->lock_fd, pid, (size_t)n, 0) != n) {
			/* a full disk: the lock holds all the same */
		}
	}
	free(path);
	return rc;
}

int outdir_open(struct outdir *od, const char *dir, char *err, size_t errlen)
{
	*od = (struct outdir){.dir = xstrdup(dir), .lock_fd = -1, .written = strmap_new()};
	if (make_dirs(dir) != 0) {
		atomic_error(err, errlen, dir);
		return -1;
	}
	if (lock(od, err, errlen) != 0)
		return -1;
	outdir_remove_leftovers(dir);
	return 0;
}

void outdir_wrote(struct outdir *od, const char *rel)
{
	if (strmap_get(od->written, rel) >= 0)
		return;
	strmap_put(od->written, rel, (int)od->nfiles);
	od->files = xgrow(od->files, &od->capfiles, od->nfiles + 1, sizeof *od->files);
	od->files[od->nfiles++] = xstrdup(rel);
}

/* dir/rel removed unless this run wrote it. */
static size_t remove_unless_written(const struct outdir *od, const char *rel)
{
	if (strmap_get(od->written, rel) >= 0)
		return 0;
	char *p = xasprintf("%s/%s", od->dir, rel);
	size_t n = unlink(p) == 0;
	free(p);
	return n;
}

/* The owned entries of the folder rel that this run did not write. */
static size_t remove_unwritten_in(const struct outdir *od, const char *rel,
				  int (*owns)(const char *name))
{
	char *dir = xasprintf("%s/%s", od->dir, rel);
	DIR *d = opendir(dir);
	size_t removed = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (!owns(e->d_name))
			continue;
		char *r = xasprintf("%s/%s", rel, e->d_name);
		removed += remove_unless_written(od, r);
		free(r);
	}
	if (d)
		closedir(d);
	free(dir);
	return removed;
}

static void rmdir_rel(const struct outdir *od, const char *rel)
{
	char *p = xasprintf("%s/%s", od->dir, rel);
	rmdir(p); /* only when empty: anything else in it stays */
	free(p);
}

size_t outdir_remove_stale(const struct outdir *od)
{
	size_t removed = 0;
	for (size_t i = 0; i < sizeof run_files / sizeof run_files[0]; i++)
		removed += remove_unless_written(od, run_files[i]);
	for (int a = 0; a <= JB_NBOROUGHS; a++) {
		const char *name = deck_file_name(a);
		char *pdf = xasprintf("%s.pdf", name);
		char *data = xasprintf("%s/data", name);
		char *png = xasprintf("png/%s", name);
		char *pptx = xasprintf("%s.pptx", name);
		char *svg = xasprintf("svg/%s", name);
		removed += remove_unless_written(od, pdf) + remove_unwritten_in(od, data, is_table) +
			   remove_unwritten_in(od, png, is_preview) +
			   remove_unless_written(od, pptx) +
			   remove_unwritten_in(od, svg, svg_is_file_name);
		rmdir_rel(od, data);
		rmdir_rel(od, name);
		rmdir_rel(od, png);
		rmdir_rel(od, svg);
		free(pdf);
		free(data);
		free(png);
		free(pptx);
		free(svg);
	}
	rmdir_rel(od, "png");
	rmdir_rel(od, "svg");
	return removed;
}

void outdir_close(struct outdir *od)
{
	if (od->lock_fd >= 0)
		close(od->lock_fd); /* the workers have ended: the lock goes with it */
	for (size_t i = 0; i < od->nfiles; i++)
		free(od->files[i]);
	free(od->files);
	strmap_free(od->written);
	free(od->dir);
	*od = (struct outdir){.lock_fd = -1};
}
