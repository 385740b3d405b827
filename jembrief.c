/* jembrief.c - the driver: options, the batch over boroughs, progress, exit
 * status.
 *
 * The data are read and analysed once; the decks are then laid out and
 * written by --jobs worker processes (fork), each with its own libharu
 * document, so one deck's failure never stops the others.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analysis/findings.h"
#include "ingest/dataset.h"
#include "render/datatables.h"
#include "render/deck.h"
#include "render/fill.h"
#include "render/font.h"
#include "render/quality.h"
#include "render/summary.h"
#include "render/template.h"
#include "util/atomic.h"
#include "util/xalloc.h"

#define JB_VERSION "0.1.0"

enum { EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"Usage: jembrief [OPTION]... [BOROUGH]...\n"
	"Write a slide-style PDF briefing deck for each London borough named (by name,\n"
	"slug or GSS code), or for all 32 boroughs and a London overview when none is\n"
	"named, from the\n"
	"published crime, deprivation and population data in the data directory.\n"
	"\n"
	"Options:\n"
	"  -d, --data=DIR         data directory (default: sample-data); its folders\n"
	"                         crime/, boundaries/, deprivation/, population/ are\n"
	"                         read by header name; .csv and .csv.gz alike\n"
	"  -o, --out=DIR          output directory (default: out), created if needed\n"
	"  -t, --theme=NAME|FILE  deck template: a theme name looked up as NAME.conf in\n"
	"                         $JB_TEMPLATE_DIR or templates/, or a file path\n"
	"                         (default: serious-youth-violence)\n"
	"  -p, --period=YYYY-MM   last month to analyse (default: the latest complete\n"
	"                         month in the data)\n"
	"  -j, --jobs=N           decks written, and street-level files read, in\n"
	"                         parallel (default: the number of cores)\n"
	"      --png              also write PNG previews, OUT/png/<slug>/NN.png\n"
	"      --protect          encrypt the PDFs: the owner password is read from\n"
	"                         $JEMBRIEF_OWNER_PASSWORD, an optional password to open\n"
	"                         them from $JEMBRIEF_USER_PASSWORD; printing allowed,\n"
	"                         copying not, unless changed by:\n"
	"      --no-print         with --protect: forbid printing\n"
	"      --allow-copy       with --protect: allow copying text\n"
	"      --dump-findings    print the findings as text and write no decks\n"
	"      --placeholders     list the template placeholders and exit\n"
	"  -q, --quiet            no progress line\n"
	"      --timings          report the wall time of each stage on stderr\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Output (in OUT): <slug>.pdf per borough (e.g. hammersmith-and-fulham.pdf),\n"
	"london-overview.pdf (full batch only), <slug>/data/*.csv behind each chart,\n"
	"summary.csv with every headline figure per borough and for London,\n"
	"data-quality.csv with every file read and every row set aside. Files are\n"
	"written under a temporary name and renamed, so a crash leaves no half deck.\n"
	"Bad input rows are reported as FILE:LINE: column 'X': problem, counted and\n"
	"set aside; the decks' sources slide lists them. PDF dates come from\n"
	"SOURCE_DATE_EPOCH when set, else from the data period, so identical inputs\n"
	"give byte-identical decks.\n"
	"\n"
	"Exit status: 0 every deck written; 1 some decks failed (the others were\n"
	"written); 2 bad usage or unusable input.\n";

struct options {
	const char *data, *out, *theme;
	int period, jobs, png, dump, quiet;
	int protect, no_print, allow_copy;
	int timings;
};

/* Wall-clock seconds, for --timings. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int parse_period(const char *s)
{
	int y, m;
	char extra;
	if (sscanf(s, "%d-%d%c", &y, &m, &extra) != 2 || y < 1990 || y > 2100 || m < 1 || m > 12)
		return -1;
	return jb_month(y, m);
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"out", required_argument, NULL, 'o'},
		{"theme", required_argument, NULL, 't'},
		{"period", required_argument, NULL, 'p'},
		{"jobs", required_argument, NULL, 'j'},
		{"png", no_argument, NULL, 'P'},
		{"protect", no_argument, NULL, 'E'},
		{"no-print", no_argument, NULL, 'N'},
		{"allow-copy", no_argument, NULL, 'C'},
		{"dump-findings", no_argument, NULL, 'D'},
		{"placeholders", no_argument, NULL, 'L'},
		{"quiet", no_argument, NULL, 'q'},
		{"timings", no_argument, NULL, 'T'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	long n;
	char *end;
	int c;
	while ((c = getopt_long(argc, argv, "d:o:t:p:j:qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->data = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 't':
			o->theme = optarg;
			break;
		case 'p':
			if ((o->period = parse_period(optarg)) < 0) {
				fprintf(stderr, "jembrief: --period: '%s' is not a month YYYY-MM\n", optarg);
				return -1;
			}
			break;
		case 'j':
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno || *end || n < 1 || n > 256) {
				fprintf(stderr, "jembrief: --jobs: '%s' is not a number from 1 to 256\n",
					optarg);
				return -1;
			}
			o->jobs = (int)n;
			break;
		case 'P':
			o->png = 1;
			break;
		case 'E':
			o->protect = 1;
			break;
		case 'N':
			o->no_print = 1;
			break;
		case 'C':
			o->allow_copy = 1;
			break;
		case 'D':
			o->dump = 1;
			break;
		case 'L':
			fill_list(stdout);
			exit(0);
		case 'q':
			o->quiet = 1;
			break;
		case 'T':
			o->timings = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			printf("jembrief %s\n", JB_VERSION);
			exit(0);
		default:
			fputs("Try 'jembrief --help' for more information.\n", stderr);
			return -1;
		}
	}
	if ((o->no_print || o->allow_copy) && !o->protect) {
		fputs("jembrief: --no-print and --allow-copy go with --protect\n", stderr);
		return -1;
	}
	return 0;
}

/* The decks to write: the boroughs named, or all 32 and the London
 * overview (JB_LONDON). */
static int select_boroughs(int argc, char **argv, int *sel)
{
	int n = 0;
	if (optind >= argc) {
		for (int b = 0; b <= JB_NBOROUGHS; b++)
			sel[n++] = b;
		return n;
	}
	for (int i = optind; i < argc; i++) {
		int b = jb_borough_lookup(argv[i]);
		for (int k = 0; b < 0 && k < JB_NBOROUGHS; k++)
			if (strcmp(argv[i], jb_boroughs[k].slug) == 0)
				b = k;
		if (b < 0) {
			fprintf(stderr, "jembrief: '%s' is not one of the 32 London boroughs\n", argv[i]);
			return -1;
		}
		int dup = 0;
		for (int k = 0; k < n; k++)
			dup |= sel[k] == b;
		if (!dup)
			sel[n++] = b;
	}
	return n;
}

/* Remove a folder of plain files (the shared tables' staging folder). */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			char *p = xasprintf("%s/%s", dir, e->d_name);
			remove(p);
			free(p);
		}
	closedir(d);
	rmdir(dir);
}

/* PDF dates: SOURCE_DATE_EPOCH, else midnight UTC on the first day after the
 * period analysed, so the same data always give the same bytes. */
static long long deck_epoch(const struct jb_findings *f)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s && *s) {
		char *end;
		long long v = strtoll(s, &end, 10);
		if (!*end && v >= 0)
			return v;
	}
	if (!f->has_series)
		return 0;
	int next = f->period_end + 1;
	struct tm tm = {.tm_year = jb_month_year(next) - 1900, .tm_mon = jb_month_mon(next) - 1,
			.tm_mday = 1};
	return (long long)timegm(&tm);
}

/* One worker: writes decks sel[k] for k = w, w + jobs, ...; reports each
 * on the pipe as one byte (borough index, high bit set on failure). */
static const char *deck_label(int area)
{
	return area == JB_LONDON ? "London overview" : jb_boroughs[area].name;
}

static int worker(const struct jb_findings *f, const struct jb_template *t,
		  const struct deck_options *dopt, const int *sel, int nsel, int w, int jobs,
		  int report)
{
	int failed = 0;
	for (int k = w; k < nsel; k += jobs) {
		char err[512];
		int rc = deck_write(f, t, sel[k], dopt, err, sizeof err);
		if (rc != 0) {
			fprintf(stderr, "\njembrief: %s: %s\n", deck_label(sel[k]), err);
			failed++;
		}
		unsigned char msg = (unsigned char)(sel[k] | (rc ? 0x80 : 0)); /* sel <= 32 */
		if (write(report, &msg, 1) != 1)
			failed++;
	}
	return failed ? 1 : 0;
}

static int run_batch(const struct jb_findings *f, const struct jb_template *t,
		     const struct deck_options *dopt, const int *sel, int nsel, int jobs, int quiet)
{
	int fds[2];
	if (pipe(fds) != 0) {
		perror("jembrief: pipe");
		return EXIT_USAGE;
	}
	if (jobs > nsel)
		jobs = nsel;
	fflush(NULL);
	pid_t *pids = xcalloc((size_t)jobs, sizeof *pids);
	for (int w = 0; w < jobs; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			close(fds[0]);
			_exit(worker(f, t, dopt, sel, nsel, w, jobs, fds[1]));
		}
		if (pids[w] < 0) {
			perror("jembrief: fork");
			pids[w] = 0;
		}
	}
	close(fds[1]);
	int progress = !quiet && isatty(STDERR_FILENO);
	int done = 0, failed = 0;
	unsigned char msg;
	while (read(fds[0], &msg, 1) == 1) {
		done++;
		if (msg & 0x80)
			failed++;
		if (progress)
			fprintf(stderr, "\rjembrief: %d/%d decks written (%s)%-24s", done, nsel,
				deck_label(msg & 0x7f), "");
	}
	close(fds[0]);
	if (progress)
		fputc('\n', stderr);
	for (int w = 0; w < jobs; w++) {
		int st;
		if (pids[w] > 0 && waitpid(pids[w], &st, 0) > 0 && WIFSIGNALED(st))
			fprintf(stderr, "jembrief: a worker died (signal %d)\n", WTERMSIG(st));
	}
	free(pids);
	/* Decks a dead worker never reported count as failed. */
	failed += nsel - done;
	if (!quiet)
		fprintf(stderr, "jembrief: %d of %d decks written%s\n", nsel - failed, nsel,
			failed ? "; see the messages above" : "");
	return failed ? EXIT_SOME_FAILED : 0;
}

int main(int argc, char **argv)
{
	struct options o = {.data = "sample-data", .out = "out",
			    .theme = "serious-youth-violence"};
	/* GSL's default handler aborts; the analysis checks every status. */
	gsl_set_error_handler_off();
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cores > 0 ? (int)cores : 1;
	if (parse_options(argc, argv, &o) != 0)
		return EXIT_USAGE;
	int sel[JB_NBOROUGHS + 1];
	int nsel = select_boroughs(argc, argv, sel);
	if (nsel < 0)
		return EXIT_USAGE;

	char err[1024];
	char *tpath = jb_template_find(o.theme, argv[0]);
	if (!tpath) {
		fprintf(stderr, "jembrief: theme '%s' not found (looked for %s.conf in "
				"$JB_TEMPLATE_DIR and templates/)\n", o.theme, o.theme);
		return EXIT_USAGE;
	}
	if (o.protect && !(getenv("JEMBRIEF_OWNER_PASSWORD") && *getenv("JEMBRIEF_OWNER_PASSWORD"))) {
		fputs("jembrief: --protect needs the owner password in $JEMBRIEF_OWNER_PASSWORD\n",
		      stderr);
		free(tpath);
		return EXIT_USAGE;
	}
	struct jb_template *t = jb_template_load(tpath, err, sizeof err);
	free(tpath);
	if (!t) {
		fprintf(stderr, "jembrief: %s\n", err);
		return EXIT_USAGE;
	}
	double t0 = now();
	struct jb_load_options lopt = {
		.quiet = o.quiet,
		.jobs = o.jobs,
		/* street rows the theme does not count are not projected or kept */
		.street_types = (const char *const *)t->theme.street_types,
		.nstreet_types = t->theme.nstreet,
	};
	struct jb_dataset *ds = jb_dataset_load(o.data, &lopt);
	if (!ds || !jb_dataset_usable(ds, err, sizeof err)) {
		if (ds)
			fprintf(stderr, "jembrief: %s\n", err);
		jb_dataset_free(ds);
		jb_template_free(t);
		return EXIT_USAGE;
	}
	double t1 = now();
	struct jb_findings *f = jb_analyse(ds, &t->theme, &(struct jb_analysis_options){o.period});
	double t2 = now();
	int status = 0;
	if (f->period_moved) /* said even with --quiet: the deck is not the month asked for */
		fprintf(stderr, "jembrief: %s\n", f->period_note);
	if (f->period_refused) {
		fprintf(stderr, "jembrief: %s\n", f->period_refused);
		status = EXIT_USAGE;
	} else if (jb_findings_check(f, stderr) != 0)
		status = EXIT_USAGE;
	else if (o.dump) {
		jb_findings_dump(f, stdout);
	} else if (font_init(NULL, NULL) != 0) {
		status = EXIT_USAGE;
	} else {
		if (make_dirs(o.out) != 0) {
			fprintf(stderr, "jembrief: %s: cannot create: %s\n", o.out, strerror(errno));
			status = EXIT_USAGE;
		} else {
			char *sum = xasprintf("%s/summary.csv", o.out);
			if (summary_write(f, sum, err, sizeof err) != 0) {
				fprintf(stderr, "jembrief: %s\n", err);
				status = EXIT_SOME_FAILED;
			}
			free(sum);
			char *dq = xasprintf("%s/data-quality.csv", o.out);
			if (quality_write(f, dq, err, sizeof err) != 0) {
				fprintf(stderr, "jembrief: %s\n", err);
				status = EXIT_SOME_FAILED;
			}
			free(dq);
			struct pdf_options popt = {
				.owner_password = getenv("JEMBRIEF_OWNER_PASSWORD"),
				.user_password = getenv("JEMBRIEF_USER_PASSWORD"),
				.allow_print = !o.no_print,
				.allow_copy = o.allow_copy,
			};
			/* London-wide tables are written once and linked into
			 * every deck's data/ folder. */
			char *shared = xasprintf("%s/.jembrief-shared.%ld", o.out, (long)getpid());
			if (datatables_shared_write(f, shared, err, sizeof err) != 0) {
				fprintf(stderr, "jembrief: %s\n", err);
				status = EXIT_SOME_FAILED;
			}
			struct deck_options dopt = {.outdir = o.out, .png = o.png,
						    .epoch = deck_epoch(f), .shared = shared,
						    .pdf = o.protect ? &popt : NULL};
			int rc = run_batch(f, t, &dopt, sel, nsel, o.jobs, o.quiet);
			if (rc > status)
				status = rc;
			remove_dir(shared);
			free(shared);
			if (o.timings)
				fprintf(stderr, "jembrief: timings: load %.2f s, analysis %.2f s, "
						"decks %.2f s\n", t1 - t0, t2 - t1, now() - t2);
		}
		font_done();
	}
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_template_free(t);
	return status;
}
