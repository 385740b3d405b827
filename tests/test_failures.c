/* tests/test_failures.c - failures in the user's terms, through the real
 * binary: a full or read-only output folder, an --out that is a file, a
 * deck whose data folder is blocked, a second run into a folder in use,
 * the leftovers of killed runs, kill -9 at random points of a batch, the
 * run manifest and the outputs of another run; and the template include
 * checks (template_text.h).
 *
 * The full and read-only cases run on a small tmpfs, mounted in a private
 * mount namespace of this test when it can make one (root); otherwise a
 * full disk is a file size limit (ulimit -f: the writes fail with EFBIG)
 * and a read-only folder is chmod 555 (not as root: root writes anyway,
 * and the case is skipped).
 *
 * Every deck is deterministic, so "complete" is checked exactly: a file
 * left under a final name must be byte-identical to the same file of an
 * uninterrupted reference run (and PDFs pass qpdf --check).
 */
#define _GNU_SOURCE /* unshare, CLONE_NEWNS */
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../template_load.h"
#include "../util/paths.h"
#include "../util/xalloc.h"

/* A few decks, two workers: each run takes a few seconds. */
#define DECKS "hackney camden islington lambeth"
static const char *const deck_names[] = {"hackney", "camden", "islington", "lambeth"};
enum { NDECKS = 4 };

static char *refdir;    /* the reference run of DECKS */
static double ref_secs; /* and how long it took */
static int can_mount;

/* Runs jembrief with args (printf-style); returns its stderr, *status its
 * exit status. */
static char *jb(int *status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *jb(int *status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *args = NULL;
	if (vasprintf(&args, fmt, ap) < 0)
		abort();
	va_end(ap);
	char *cmd = xasprintf("'%s' -q --jobs 2 %s 2>&1 >/dev/null", jb_jembrief(), args);
	char *err = jb_run(cmd, status);
	free(cmd);
	free(args);
	return err;
}

static char *sh(const char *cmd)
{
	int st;
	return jb_run(cmd, &st);
}

static int exists(const char *dir, const char *rel)
{
	char *p = xasprintf("%s/%s", dir, rel);
	int ok = access(p, F_OK) == 0;
	free(p);
	return ok;
}

/* Every line of err is want_prefix ... want_suffix; returns how many. */
static int every_line(const char *err, const char *prefix, const char *suffix)
{
	int n = 0;
	char *copy = xstrdup(err), *save = NULL;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(l), sl = strlen(suffix);
		if (strncmp(l, prefix, strlen(prefix)) != 0 || len < sl ||
		    strcmp(l + len - sl, suffix) != 0)
			fail_msg("unexpected message '%s' (want '%s...%s')", l, prefix, suffix);
		n++;
	}
	free(copy);
	return n;
}

/* Under dir: every PDF passes qpdf --check and every file under a final
 * name but the manifest is the reference run's byte for byte; no
 * temporary or staging name unless leftovers (a killed run's) are
 * expected. Returns how many PDFs there are. */
static int only_complete_files(const char *dir, int leftovers)
{
	const char *tmp = "\\( -name '*.tmp.*' -o -name '.jembrief-shared.*' \\)";
	char *cmd = xasprintf("cd '%s' && find . %s", dir, tmp);
	char *left = sh(cmd);
	free(cmd);
	if (*left && !leftovers)
		fail_msg("left behind in %s:\n%s", dir, left);
	free(left);
	cmd = xasprintf("cd '%s' && find . %s -prune -o -type f ! -name manifest.json "
			"! -name .jembrief.lock -print | "
			"while read -r f; do cmp -s \"$f\" '%s/'\"$f\" || echo \"differs: $f\"; done; "
			"for p in *.pdf; do [ -e \"$p\" ] || continue; "
			"qpdf --check \"$p\" >/dev/null 2>&1 || echo \"qpdf: $p\"; done",
			dir, tmp, refdir);
	char *bad = sh(cmd);
	free(cmd);
	if (*bad)
		fail_msg("incomplete files in %s:\n%s", dir, bad);
	free(bad);
	cmd = xasprintf("ls '%s' | grep -c '\\.pdf$'", dir);
	char *n = sh(cmd);
	free(cmd);
	int pdfs = atoi(n);
	free(n);
	return pdfs;
}

/* Whether dir holds a .pdf under its final name. */
static int any_pdf(const char *dir)
{
	DIR *d = opendir(dir);
	int found = 0;
	for (struct dirent *e; d && !found && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		found = n > 4 && strcmp(e->d_name + n - 4, ".pdf") == 0;
	}
	if (d)
		closedir(d);
	return found;
}

static json_object *manifest(const char *dir)
{
	char *p = xasprintf("%s/manifest.json", dir);
	json_object *m = json_object_from_file(p);
	if (!m)
		fail_msg("%s is not JSON", p);
	free(p);
	return m;
}

static const char *jstr(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : NULL;
}

/* The decks the manifest says were written, as "a b c". */
static char *manifest_written(json_object *m)
{
	json_object *decks;
	assert_true(json_object_object_get_ex(m, "decks", &decks));
	char *s = xstrdup("");
	for (size_t i = 0; i < json_object_array_length(decks); i++) {
		json_object *d = json_object_array_get_idx(decks, i);
		if (strcmp(jstr(d, "status"), "written") == 0) {
			char *t = xasprintf("%s%s%s", s, *s ? " " : "", jstr(d, "deck"));
			free(s);
			s = t;
		}
	}
	return s;
}

/* Each deck is either all there (PDF and tables) or not at all, as the
 * manifest says. Returns how many are there. */
static int decks_whole(const char *dir)
{
	json_object *m = manifest(dir);
	char *written = manifest_written(m);
	int n = 0;
	for (int i = 0; i < NDECKS; i++) {
		char *pdf = xasprintf("%s.pdf", deck_names[i]);
		char *trend = xasprintf("%s/data/trend.csv", deck_names[i]);
		int there = exists(dir, pdf), tables = exists(dir, trend);
		int listed = strstr(written, deck_names[i]) != NULL;
		if (there != tables || there != listed)
			fail_msg("%s: pdf %d, tables %d, in the manifest %d", deck_names[i], there,
				 tables, listed);
		n += there;
		free(pdf);
		free(trend);
	}
	free(written);
	json_object_put(m);
	return n;
}

/* ---- a small file system ---- */

/* A tmpfs of size bytes at dir (read-only when ro); 0, or -1 when this
 * test cannot mount. */
static int mount_small(const char *dir, const char *size, int ro)
{
	if (!can_mount)
		return -1;
	char *opt = xasprintf("size=%s", size);
	int rc = mount("tmpfs", dir, "tmpfs", ro ? MS_RDONLY : 0, opt);
	free(opt);
	return rc;
}

static void unmount(const char *dir)
{
	umount2(dir, MNT_DETACH);
}

/* A full disk: the batch of DECKS into a tmpfs too small for them all, or
 * under a file size limit. Every failure is "PATH: reason"; each deck is
 * whole or absent; the exit is 1 when some deck was written, else 2. */
static void full_disk(const char *size, long ulimit_blocks, int want_status)
{
	char *base = jb_tmpdir();
	char *out = xasprintf("%s/out", base);
	int st = -1;
	char *err = NULL;
	const char *reason = "";
	if (mount_small(base, size, 0) == 0) {
		err = jb(&st, "--out '%s' %s", out, DECKS);
		reason = ": No space left on device";
	} else if (want_status == 1) {
		/* a file size limit fails every copy of the London-wide tables
		 * (up to 1.5 MB a file) before any deck: no case where some
		 * decks fit */
		jb_rmtree(base);
		free(out);
		free(base);
		skip();
	} else {
		char *args = xasprintf("trap '' XFSZ; ulimit -f %ld; exec '%s' -q --jobs 2 --out '%s' %s "
				       "2>&1 >/dev/null",
				       ulimit_blocks, jb_jembrief(), out, DECKS);
		char *cmd = xasprintf("sh -c \"%s\"", args);
		err = jb_run(cmd, &st);
		free(cmd);
		free(args);
		reason = ": File too large";
	}
	char *prefix = xasprintf("jembrief: %s/", out);
	int lines = every_line(err, prefix, reason);
	assert_true(lines >= 1);
	assert_int_equal(st, want_status);
	only_complete_files(out, 0);
	int whole = decks_whole(out);
	if (want_status == 1)
		assert_true(whole >= 1 && whole < NDECKS);
	else
		assert_int_equal(whole, 0);
	json_object *m = manifest(out);
	assert_string_equal(jstr(m, "status"), "partial");
	json_object_put(m);
	free(prefix);
	free(err);
	unmount(base);
	jb_rmtree(base);
	free(out);
	free(base);
}

static void full_disk_some_decks_written_exits_1(void **state)
{
	(void)state;
	/* the London-wide tables (2.4 MB) and one deck (0.65 MB) fit, not all four */
	full_disk("3700k", 5000, 1);
}

static void full_disk_no_deck_written_exits_2(void **state)
{
	(void)state;
	/* room for summary.csv and the manifest, not the London-wide tables */
	full_disk("400k", 600, 2);
}

/* A read-only output folder: refused at once, with the path and reason. */
static void read_only_folder_exits_2(void **state)
{
	(void)state;
	char *base = jb_tmpdir();
	char *out = xasprintf("%s/out", base);
	const char *reason = "";
	if (mount_small(base, "1m", 0) == 0) {
		/* an earlier run's folder, then the disk made read-only */
		assert_int_equal(mkdir(out, 0755), 0);
		assert_int_equal(mount(NULL, base, NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
		reason = "Read-only file system";
	} else if (geteuid() != 0) {
		assert_int_equal(mkdir(out, 0555), 0);
		reason = "Permission denied";
	} else {
		jb_rmtree(base);
		free(out);
		free(base);
		skip();
	}
	int st;
	char *err = jb(&st, "--out '%s' hackney", out);
	char *want = xasprintf("jembrief: %s/.jembrief.lock: %s\n", out, reason);
	assert_string_equal(err, want);
	assert_int_equal(st, 2);
	char *ls = xasprintf("ls -A '%s'", out);
	char *files = sh(ls);
	assert_string_equal(files, "");
	free(files);
	free(ls);
	free(want);
	free(err);
	unmount(base);
	chmod(out, 0755);
	jb_rmtree(base);
	free(out);
	free(base);
}

/* --out naming a regular file: exit 2 with the reason, the file untouched. */
static void out_naming_a_file_exits_2(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *file = jb_write_file(dir, "notes.txt", "my notes\n");
	int st;
	char *err = jb(&st, "--out '%s' hackney", file);
	char *want = xasprintf("jembrief: %s: Not a directory\n", file);
	assert_string_equal(err, want);
	assert_int_equal(st, 2);
	char *text = jb_slurp(file, NULL);
	assert_string_equal(text, "my notes\n");
	free(text);
	free(want);
	free(err);
	free(file);
	jb_rmtree(dir);
	free(dir);
}

/* A deck whose data folder cannot be made fails whole: no camden.pdf, not
 * even the one an earlier run left; the other deck is written; exit 1. */
static void blocked_data_folder_fails_the_deck(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	free(jb_write_file(out, "camden.pdf", "an earlier run's deck\n"));
	free(jb_write_file(out, "camden/data", "a file where the folder goes\n"));
	int st;
	char *err = jb(&st, "--out '%s' hackney camden", out);
	char *want = xasprintf("jembrief: %s/camden/data: Not a directory\n", out);
	assert_string_equal(err, want);
	assert_int_equal(st, 1);
	assert_false(exists(out, "camden.pdf"));
	assert_true(exists(out, "hackney.pdf"));
	assert_true(exists(out, "hackney/data/trend.csv"));
	json_object *m = manifest(out);
	assert_string_equal(jstr(m, "status"), "partial");
	char *written = manifest_written(m);
	assert_string_equal(written, "hackney");
	free(written);
	json_object_put(m);
	free(want);
	free(err);
	jb_rmtree(out);
	free(out);
}

/* Lines of text, sorted (workers report in any order). */
static char *sorted(const char *text)
{
	char *dir = jb_tmpdir();
	char *f = jb_write_file(dir, "lines", text);
	char *cmd = xasprintf("sort '%s'", f);
	char *s = sh(cmd);
	free(cmd);
	free(f);
	jb_rmtree(dir);
	free(dir);
	return s;
}

/* Every writer says the path and the system's reason: a folder standing
 * where the manifest, summary.csv, a PDF and a PNG go makes each rename
 * fail (EISDIR). The decks hit fail whole; the other is written; exit 1. */
static void each_writer_says_path_and_reason(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	const char *blocked[] = {"manifest.json", "summary.csv", "hackney.pdf", "png/camden/02.png"};
	for (size_t i = 0; i < 4; i++) {
		char *keep = xasprintf("%s/mine", blocked[i]);
		free(jb_write_file(out, keep, "x"));
		free(keep);
	}
	int st;
	char *err = jb(&st, "--png --out '%s' hackney camden islington", out);
	char *want = xasprintf("jembrief: %s/hackney.pdf: Is a directory\n"
			       "jembrief: %s/manifest.json: Is a directory\n"
			       "jembrief: %s/manifest.json: Is a directory\n"
			       "jembrief: %s/png/camden/02.png: Is a directory\n"
			       "jembrief: %s/summary.csv: Is a directory\n",
			       out, out, out, out, out);
	char *got = sorted(err);
	assert_string_equal(got, want);
	assert_int_equal(st, 1);
	assert_true(exists(out, "islington.pdf") && exists(out, "png/islington/01.png"));
	assert_false(exists(out, "camden.pdf") || exists(out, "png/camden/01.png") ||
		     exists(out, "hackney/data/trend.csv") || exists(out, "camden/data/trend.csv"));
	for (size_t i = 0; i < 4; i++) {
		char *keep = xasprintf("%s/mine", blocked[i]);
		assert_true(exists(out, keep)); /* not jembrief's: untouched */
		free(keep);
	}
	free(got);
	free(want);
	free(err);
	jb_rmtree(out);
	free(out);
}

/* The process id of a process that has ended. */
static long dead_pid(void)
{
	pid_t p = fork();
	if (p == 0)
		_exit(0);
	waitpid(p, NULL, 0);
	return (long)p;
}

/* A run removes what killed runs left (only jembrief's names, only when
 * the process is gone, or a zombie) and nothing else. */
static void leftovers_of_dead_runs_are_removed(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	long dead = dead_pid(), alive = (long)getpid();
	/* a zombie: exited, not yet reaped (a killed run's worker, orphaned
	 * in a container whose first process does not reap; kill(pid, 0)
	 * still finds it). waitid with WNOWAIT waits for the exit and leaves
	 * it unreaped. */
	fflush(NULL);
	pid_t zombie = fork();
	if (zombie == 0)
		_exit(0);
	siginfo_t si;
	assert_int_equal(waitid(P_PID, (id_t)zombie, &si, WEXITED | WNOWAIT), 0);
	char *rel[] = {
		xasprintf("hackney.pdf.tmp.%ld", dead),
		xasprintf("barnet/data/drivers-lsoa.csv.tmp.%ld", (long)zombie),
		xasprintf("barnet/data/trend.csv.tmp.%ld", dead),
		xasprintf("png/barnet/03.png.tmp.%ld", dead),
		xasprintf(".jembrief-shared.%ld/hotspots-lsoa.csv", dead),
		xasprintf(".jembrief-shared.%ld/emerging-lsoa.csv.tmp.%ld", dead, dead),
		xasprintf("summary.csv.tmp.%ld", alive), /* still running: kept */
		xasprintf("notes.txt.tmp.%ld", dead),    /* not jembrief's: kept */
		xasprintf("notes.txt"),
	};
	enum { NREL = sizeof rel / sizeof rel[0], KEPT = 6 };
	for (size_t i = 0; i < NREL; i++)
		free(jb_write_file(out, rel[i], "x"));
	int st;
	char *err = jb(&st, "--out '%s' hackney", out);
	assert_string_equal(err, "");
	assert_int_equal(st, 0);
	for (size_t i = 0; i < NREL; i++)
		if (exists(out, rel[i]) != (i >= KEPT))
			fail_msg("%s: %s", rel[i], i >= KEPT ? "removed" : "left");
	char *shared = xasprintf(".jembrief-shared.%ld", dead);
	assert_false(exists(out, shared));
	free(shared);
	waitpid(zombie, NULL, 0);
	for (size_t i = 0; i < NREL; i++)
		free(rel[i]);
	free(err);
	jb_rmtree(out);
	free(out);
}

/* Starts cmd in a process group of its own (so all of a batch can be
 * killed at once, as a crash would). */
static pid_t spawn_group(const char *cmd)
{
	fflush(NULL);
	pid_t p = fork();
	if (p == 0) {
		setsid();
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	return p;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Two runs into one folder: the second is refused with a clear message
 * while the first holds it; the first writes valid decks. */
static void second_run_is_refused(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	char *cmd = xasprintf("exec '%s' -q --jobs 1 --out '%s' %s 2>/dev/null", jb_jembrief(), out,
			      DECKS);
	pid_t first = spawn_group(cmd);
	/* the first run writes its id into the lock as soon as it holds it */
	char *lock = xasprintf("%s/.jembrief.lock", out);
	for (int i = 0; i < 500; i++) {
		char *pid = jb_slurp(lock, NULL);
		int held = pid && atol(pid) == (long)first;
		free(pid);
		if (held)
			break;
		sleep_ms(10);
	}
	int st;
	char *err = jb(&st, "--out '%s' hackney", out);
	int fst;
	waitpid(first, &fst, 0);
	char *want = xasprintf("jembrief: %s: another jembrief run (process %ld) is writing there; "
			       "wait for it to finish or choose another --out\n",
			       out, (long)first);
	assert_string_equal(err, want);
	assert_int_equal(st, 2);
	assert_true(WIFEXITED(fst) && WEXITSTATUS(fst) == 0);
	assert_int_equal(only_complete_files(out, 0), NDECKS);
	json_object *m = manifest(out);
	assert_string_equal(jstr(m, "status"), "complete");
	json_object_put(m);
	free(want);
	free(err);
	free(lock);
	free(cmd);
	jb_rmtree(out);
	free(out);
}

/* kill -9 of the batch at 10 points: whatever is under a final name is
 * complete, and the next run tidies up after the killed one. The
 * points are spread over the reference run's time (so they cover loading
 * and writing however fast this machine is, sanitizers or not), one in
 * each tenth, the last ones past the end of writing. */
static void kill_9_leaves_only_complete_files(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	char *cmd = xasprintf("exec '%s' -q --jobs 2 --out '%s' %s 2>/dev/null", jb_jembrief(), out,
			      DECKS);
	unsigned seed = 20261201; /* fixed: the same points every run */
	int pdfs_seen = 0;
	for (int i = 0; i < 10; i++) {
		seed = seed * 1103515245u + 12345u;
		double u = (i + (seed >> 8) % 1000 / 1000.0) / 9.0; /* 0 to 1.11 */
		long ms = 50 + (long)(u * ref_secs * 1000);
		pid_t p = spawn_group(cmd);
		sleep_ms(ms);
		/* A loaded machine runs slower than the reference run did: the
		 * last kill of the whole batch waits, if need be, for a deck
		 * under its final name, so some kill always comes after decks
		 * were written. (Not the very last kill, of the run alone: its
		 * workers stop with it, but not before the next run would
		 * start.) */
		int reaped = 0;
		for (int waited = 0; i == 8 && !reaped && !any_pdf(out) && waited < 120000;
		     waited += 10) {
			sleep_ms(10);
			reaped = waitpid(p, NULL, WNOHANG) == p;
		}
		/* the whole batch, as a crash would; or, every other time, the
		 * run alone, as a user would: its workers stop with it */
		kill(i % 2 ? p : -p, SIGKILL);
		if (!reaped)
			waitpid(p, NULL, 0);
		pdfs_seen += only_complete_files(out, 1);
	}
	/* a run after the kills (the last one of the run alone: the lock
	 * is free, so its workers are gone) leaves nothing of them */
	int st;
	char *err = jb(&st, "--out '%s' %s", out, DECKS);
	assert_string_equal(err, "");
	assert_int_equal(st, 0);
	assert_int_equal(only_complete_files(out, 0), NDECKS);
	assert_true(pdfs_seen > 0); /* some kills came after decks were written */
	/* and its manifest is the uninterrupted run's: nothing in it depends
	 * on the process, the clock or what the killed runs did */
	char *same = xasprintf("cmp '%s/manifest.json' '%s/manifest.json' && echo same", out,
			       refdir);
	char *said = sh(same);
	assert_string_equal(said, "same\n");
	free(said);
	free(same);
	free(err);
	free(cmd);
	jb_rmtree(out);
	free(out);
}

/* ---- the manifest and another run's outputs ---- */

static char *sha256sum(const char *path)
{
	char *cmd = xasprintf("sha256sum '%s' | cut -c1-64", path);
	char *h = sh(cmd);
	h[strcspn(h, "\n")] = '\0';
	free(cmd);
	return h;
}

/* The sha256 the manifest's list gives path. */
static const char *listed_sha(json_object *m, const char *list, const char *path)
{
	json_object *a;
	assert_true(json_object_object_get_ex(m, list, &a));
	for (size_t i = 0; i < json_object_array_length(a); i++) {
		json_object *e = json_object_array_get_idx(a, i);
		if (strcmp(jstr(e, "path"), path) == 0)
			return jstr(e, "sha256");
	}
	fail_msg("%s: %s not listed", list, path);
	return NULL;
}

static void manifest_describes_the_run(void **state)
{
	(void)state;
	json_object *m = manifest(refdir);
	assert_string_equal(jstr(m, "status"), "complete");
	assert_string_equal(jstr(m, "period_end"), "2026-02");
	json_object *theme;
	assert_true(json_object_object_get_ex(m, "theme", &theme));
	assert_string_equal(jstr(theme, "id"), "serious-youth-violence");
	/* inputs and outputs hashed: against coreutils' sha256sum */
	const char *in = "crime/mps-borough-level-crime-2024-2026.csv.gz";
	char *p = xasprintf("sample-data/%s", in);
	char *want = sha256sum(p);
	assert_string_equal(listed_sha(m, "inputs", in), want);
	free(want);
	free(p);
	p = xasprintf("%s/hackney.pdf", refdir);
	want = sha256sum(p);
	assert_string_equal(listed_sha(m, "files", "hackney.pdf"), want);
	free(want);
	free(p);
	p = xasprintf("%s/camden/data/trend.csv", refdir);
	want = sha256sum(p);
	assert_string_equal(listed_sha(m, "files", "camden/data/trend.csv"), want);
	free(want);
	free(p);
	char *written = manifest_written(m);
	assert_string_equal(written, DECKS);
	free(written);
	/* every file in the folder is listed, and nothing else */
	json_object *files;
	assert_true(json_object_object_get_ex(m, "files", &files));
	char *cmd = xasprintf("cd '%s' && find . -type f ! -name manifest.json ! -name .jembrief.lock "
			      "| wc -l", refdir);
	char *n = sh(cmd);
	assert_int_equal((size_t)atoi(n), json_object_array_length(files));
	free(n);
	free(cmd);
	json_object_put(m);
}

/* A run for one borough at another period into a full folder: the other
 * decks go, summary.csv is the new run's, the user's own file stays. */
static void another_runs_outputs_do_not_stay(void **state)
{
	(void)state;
	char *out = jb_tmpdir();
	char *cmd = xasprintf("cp -a '%s/.' '%s/' && echo mine > '%s/notes.txt'", refdir, out, out);
	free(sh(cmd));
	free(cmd);
	int st;
	char *err = jb(&st, "--period 2025-06 --out '%s' hackney", out);
	assert_string_equal(err, "");
	assert_int_equal(st, 0);
	cmd = xasprintf("cd '%s' && find . -type f ! -name .jembrief.lock | sort | sed 's,^\\./,,' | "
			"grep -v '^hackney/data/'", out);
	char *files = sh(cmd);
	assert_string_equal(files, "dashboard.csv\ndata-dictionary.csv\ndata-quality.csv\n"
				   "hackney.pdf\nmanifest.json\nnotes.txt\nsummary.csv\n");
	free(files);
	free(cmd);
	/* every row of summary.csv is at the new period (column 4) */
	cmd = xasprintf("python3 -c \"import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); "
			"print(len(r), set(x['period_end'] for x in r))\" '%s/summary.csv'", out);
	char *periods = sh(cmd);
	assert_string_equal(periods, "33 {'2025-06'}\n");
	free(periods);
	free(cmd);
	json_object *m = manifest(out);
	assert_string_equal(jstr(m, "period_end"), "2025-06");
	char *written = manifest_written(m);
	assert_string_equal(written, "hackney");
	free(written);
	json_object_put(m);
	free(err);
	jb_rmtree(out);
	free(out);
}

/* ---- templates ---- */

#define THEME                                                                           \
	"theme = { id = \"t\"; title = \"T\";\n"                                        \
	"  mps = ( { major = \"ROBBERY\"; } ); };\n"

/* The template dir/NAME.conf with text fails to load with exactly want
 * (with "DIR" in it standing for dir). */
static void refused(const char *dir, const char *name, const char *text, const char *want)
{
	char *file = xasprintf("%s.conf", name);
	char *path = jb_write_file(dir, file, text);
	char err[1024] = "";
	assert_null(jb_template_load(path, err, sizeof err));
	char *w = xstrdup(want);
	for (char *d; (d = strstr(w, "DIR"));) {
		char *t = xasprintf("%.*s%s%s", (int)(d - w), w, dir, d + 3);
		free(w);
		w = t;
	}
	assert_string_equal(err, w);
	free(w);
	free(path);
	free(file);
}

/* A fresh folder holding a folder "somedir" (its path in *sub). */
static char *dir_with_somedir(char **sub)
{
	char *dir = jb_tmpdir();
	*sub = xasprintf("%s/somedir", dir);
	assert_int_equal(mkdir(*sub, 0755), 0);
	return dir;
}

static void include_targets_are_checked(void **state)
{
	(void)state;
	char *sub;
	char *dir = dir_with_somedir(&sub);
	refused(dir, "empty", THEME "@include \"\"\n",
		"DIR/empty.conf:3: @include: the file name is empty");
	refused(dir, "folder", THEME "@include \"somedir\"\n",
		"DIR/folder.conf:3: @include: DIR/somedir: is a folder, not a template file");
	refused(dir, "self", THEME "@include \"self.conf\"\n",
		"DIR/self.conf:3: @include: DIR/self.conf: is already being read: a template "
		"cannot include itself");
	free(jb_write_file(dir, "b.conf", "# b\n@include \"a.conf\"\n"));
	refused(dir, "a", THEME "@include \"b.conf\"\n",
		"DIR/b.conf:2: @include: DIR/a.conf: is already being read: a template cannot "
		"include itself");
	refused(dir, "passwd", THEME "@include \"/etc/passwd\"\n",
		"/etc/passwd:1: syntax error (included from DIR/passwd.conf:3)");
	refused(dir, "device", THEME "@include \"/dev/zero\"\n",
		"DIR/device.conf:3: @include: /dev/zero: is not a regular file");
	refused(dir, "noquote", THEME "@include pack.conf\n",
		"DIR/noquote.conf:3: @include: expected a file name in double quotes: "
		"@include \"london-pack.conf\"");
	/* a problem of the template as a whole is the template's, not the
	 * pack's it begins by including */
	refused(dir, "packonly", "@include \"london-pack.conf\"\n",
		"DIR/packonly.conf:1: no 'theme' group (theme = { id = ...; title = ...; "
		"mps = (...); };)");
	/* every place looked in is named */
	struct jb_dirs dirs;
	jb_template_dirs(&dirs);
	char *looked = xasprintf("DIR/");
	for (size_t i = 0; i < dirs.n; i++) {
		char *t = xasprintf("%s, %s/", looked, dirs.v[i]);
		free(looked);
		looked = t;
	}
	jb_dirs_free(&dirs);
	char *want = xasprintf("DIR/missing.conf:3: @include: \"nope.conf\" not found (looked in %s)",
			       looked);
	refused(dir, "missing", THEME "@include \"nope.conf\"\n", want);
	free(want);
	free(looked);
	free(sub);
	jb_rmtree(dir);
	free(dir);
}

/* Through the binary: libconfig's scanner would have exited the process. */
static void include_of_a_folder_exits_2(void **state)
{
	(void)state;
	char *sub;
	char *dir = dir_with_somedir(&sub);
	char *t = jb_write_file(dir, "t.conf", THEME "@include \"somedir\"\n");
	int st;
	char *err = jb(&st, "--theme '%s' --out '%s/out' hackney", t, dir);
	char *want = xasprintf("jembrief: %s:3: @include: %s: is a folder, not a template file\n", t,
			       sub);
	assert_string_equal(err, want);
	assert_int_equal(st, 2);
	free(want);
	free(err);
	/* a theme path is used as given: never x.conf.conf */
	err = jb(&st, "--theme '%s/x.conf' --out '%s/out' hackney", dir, dir);
	want = xasprintf("jembrief: theme file %s/x.conf: No such file or directory\n", dir);
	assert_string_equal(err, want);
	assert_int_equal(st, 2);
	free(want);
	free(err);
	free(t);
	free(sub);
	jb_rmtree(dir);
	free(dir);
}

/* A theme anywhere on disk finds london-pack.conf in the templates folder. */
static void theme_elsewhere_includes_the_shipped_pack(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	char *t = jb_write_file(dir, "mine.conf", THEME "@include \"london-pack.conf\"\n");
	char err[1024] = "";
	struct jb_template *mine = jb_template_load(t, err, sizeof err);
	if (!mine)
		fail_msg("%s", err);
	struct jb_template *shipped = jb_template_load("templates/serious-youth-violence.conf", err,
						       sizeof err);
	assert_non_null(shipped);
	assert_int_equal(mine->nslides, shipped->nslides);
	assert_int_equal(mine->nfiles, 2);
	char *pack = realpath(mine->files[1], NULL);
	char *want = realpath("templates/london-pack.conf", NULL);
	assert_string_equal(pack, want);
	free(pack);
	free(want);
	jb_template_free(mine);
	jb_template_free(shipped);
	free(t);
	jb_rmtree(dir);
	free(dir);
}

static void unclosed_brace_is_named_with_its_column(void **state)
{
	(void)state;
	char *dir = jb_tmpdir();
	const char *line = "  { kind = \"trend\"; title = \"Crime in {borough rose\"; }";
	char *text = xasprintf(THEME "slides = (\n%s\n);\n", line);
	size_t col = (size_t)(strstr(line, "{borough") - line) + 1;
	char *want = xasprintf("DIR/brace.conf:4: 'title': the brace at column %zu is not closed: "
			       "'{borough rose'", col);
	refused(dir, "brace", text, want);
	free(want);
	free(text);
	jb_rmtree(dir);
	free(dir);
}

static int setup(void **state)
{
	(void)state;
	refdir = jb_tmpdir();
	int st;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *err = jb(&st, "--out '%s' %s", refdir, DECKS);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ref_secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (st != 0 || *err)
		fprintf(stderr, "reference run (%d): %s\n", st, err);
	free(err);
	return st;
}

static int teardown(void **state)
{
	(void)state;
	jb_rmtree(refdir);
	free(refdir);
	return 0;
}

int main(void)
{
	/* a private mount namespace: the test's tmpfs mounts are its own and
	 * vanish with it */
	can_mount = getenv("JB_TEST_NO_MOUNT") == NULL && unshare(CLONE_NEWNS) == 0 &&
		    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(include_targets_are_checked),
		cmocka_unit_test(include_of_a_folder_exits_2),
		cmocka_unit_test(theme_elsewhere_includes_the_shipped_pack),
		cmocka_unit_test(unclosed_brace_is_named_with_its_column),
		cmocka_unit_test(out_naming_a_file_exits_2),
		cmocka_unit_test(read_only_folder_exits_2),
		cmocka_unit_test(full_disk_some_decks_written_exits_1),
		cmocka_unit_test(full_disk_no_deck_written_exits_2),
		cmocka_unit_test(blocked_data_folder_fails_the_deck),
		cmocka_unit_test(each_writer_says_path_and_reason),
		cmocka_unit_test(leftovers_of_dead_runs_are_removed),
		cmocka_unit_test(manifest_describes_the_run),
		cmocka_unit_test(another_runs_outputs_do_not_stay),
		cmocka_unit_test(second_run_is_refused),
		cmocka_unit_test(kill_9_leaves_only_complete_files),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
