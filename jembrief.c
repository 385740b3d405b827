/* jembrief.c - the driver: options, the batch over boroughs, progress, exit
 * status.
 *
 * The data are read and analysed once; the decks are then laid out and
 * written by --jobs worker processes (fork), each with its own libharu
 * document, so one deck's failure never stops the others.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analysis/findings.h"
#include "ingest/dataset.h"
#include "render/tables/datatables.h"
#include "render/deck.h"
#include "render/tables/dictionary.h"
#include "render/slides/fill.h"
#include "render/slides/kinds.h"
#include "render/display/font.h"
#include "render/manifest.h"
#include "render/outdir.h"
#include "render/tables/quality.h"
#include "render/tables/summary.h"
#include "template_load.h"
#include "util/atomic.h"
#include "util/csvout.h"
#include "util/paths.h"
#include "util/xalloc.h"

#define JB_VERSION "0.1.0"

enum { EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

/* --help: the one description of the options; the man page is made from
 * it (help2man, Makefile) and the README's table follows it. %s is the
 * compiled-in DATADIR. */
static const char usage_text[] =
	"Usage: jembrief [OPTION]... [BOROUGH]...\n"
	"Write a slide-style PDF briefing deck for each London borough named (by name,\n"
	"slug or GSS code; 'london' names the London overview), or for all 32 boroughs\n"
	"and the London overview when none is named, from the published crime,\n"
	"deprivation and population data in the data directory.\n"
	"\n"
	"Options:\n"
	"  -d, --data=DIR         data directory; its folders crime/, boundaries/,\n"
	"                         deprivation/, population/, ... are read by header\n"
	"                         name, .csv and .csv.gz alike (default: $JEMBRIEF_DATA,\n"
	"                         else the sample data shipped with jembrief,\n"
	"                         %s/sample-data once installed)\n"
	"  -o, --out=DIR          output directory (default: out), created if needed;\n"
	"                         never '-': a batch is many files\n"
	"  -t, --theme=NAME|FILE  deck template: a theme name looked up as NAME.conf in\n"
	"                         $JEMBRIEF_TEMPLATES, then in the templates shipped with\n"
	"                         jembrief (%s/templates once installed); or a\n"
	"                         file path (default: serious-youth-violence)\n"
	"  -p, --period=YYYY-MM   last month to analyse (default: the latest complete\n"
	"                         month in the data)\n"
	"  -j, --jobs=N           decks written, and street-level files read, in\n"
	"                         parallel (default: the number of cores)\n"
	"      --compare=LIST     boroughs to compare each borough with, beside its\n"
	"                         five most similar: \"Camden, Islington\" (replaces the\n"
	"                         template's compare list)\n"
	"      --compare-instead  compare with those boroughs instead of the most similar\n"
	"      --group=\"NAME: LIST\"\n"
	"                         also write one pack for a group of boroughs (a BCU),\n"
	"                         OUT/<name-slug>.pdf, with the group's figures (the\n"
	"                         members' counts and residents summed) and each\n"
	"                         member's: --group \"Central East: Hackney, Tower Hamlets\"\n"
	"      --png              also write PNG previews, OUT/png/<slug>/NN.png\n"
	"      --pptx             also write each deck as PowerPoint, OUT/<slug>.pptx\n"
	"      --svg              also write each slide and each chart as SVG,\n"
	"                         OUT/svg/<slug>/NN.svg and NN-K.svg (chart K of slide NN)\n"
	"      --csv-bom          begin every CSV with a UTF-8 byte order mark, so that\n"
	"                         Excel opens accented names correctly (default: none)\n"
	"      --protect          encrypt the PDFs: the owner password is read from\n"
	"                         $JEMBRIEF_OWNER_PASSWORD, an optional password to open\n"
	"                         them from $JEMBRIEF_USER_PASSWORD; printing allowed,\n"
	"                         copying not, unless changed by:\n"
	"      --no-print         with --protect: forbid printing\n"
	"      --allow-copy       with --protect: allow copying text\n"
	"      --marking=TEXT     the protective marking printed on every page and\n"
	"                         written into the PDF metadata (default: the theme's,\n"
	"                         e.g. OFFICIAL-SENSITIVE)\n"
	"      --check            check the data directory and the template, print what\n"
	"                         a run would use, and write nothing\n"
	"      --dump-findings    print the findings of the boroughs named (all when\n"
	"                         none is) and write no decks\n"
	"      --format=FORMAT    with --dump-findings: text (default) or json\n"
	"      --dump-display=DECK\n"
	"                         print the laid-out slides of one deck (a borough's\n"
	"                         name, slug or GSS code, or 'london') as text, one\n"
	"                         line per drawn item, and write nothing\n"
	"      --placeholders     list the template placeholders and exit\n"
	"  -q, --quiet            no progress line\n"
	"      --timings          report the wall time of each stage on stderr\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Output (in OUT): <slug>.pdf per borough (e.g. hammersmith-and-fulham.pdf),\n"
	"london-overview.pdf, <slug>/data/*.csv behind each chart, summary.csv with\n"
	"every headline figure per borough and for London, dashboard.csv,\n"
	"data-quality.csv with every file read and every row set aside,\n"
	"data-dictionary.csv naming every column of every table with its unit and\n"
	"meaning, manifest.json with the run's period, theme, inputs and files written\n"
	"(with SHA-256). Files are written under a temporary name and renamed, so a\n"
	"crash leaves no half deck. One run at a time writes to OUT (a lock; a second\n"
	"run is refused); at the end, jembrief's files that the run did not write\n"
	"(other boroughs' decks from an earlier run, a deck that failed) are removed,\n"
	"so OUT holds one run. Bad input rows are reported as FILE:LINE: column 'X':\n"
	"problem, counted and set aside; rows about areas outside the 32\n"
	"boroughs are set aside as out of scope, which is not an error; the decks'\n"
	"sources slide lists both. PDF dates come from SOURCE_DATE_EPOCH when set,\n"
	"else from the data period, so identical inputs give byte-identical decks.\n"
	"\n"
	"Exit status:\n"
	"  0  every deck written\n"
	"  1  some decks failed (the others were written)\n"
	"  2  bad usage, unusable input, or no deck could be written (OUT a file,\n"
	"     not writable, or in use by another run)\n"
	"\n"
	"Environment:\n"
	"  JEMBRIEF_DATA          the data directory when --data is not given\n"
	"  JEMBRIEF_TEMPLATES     a folder of templates, searched before the shipped ones\n"
	"  JEMBRIEF_FONT_DIR      a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf,\n"
	"                         used instead of the DejaVu Sans fontconfig finds\n"
	"  JEMBRIEF_OWNER_PASSWORD, JEMBRIEF_USER_PASSWORD   the passwords of --protect\n"
	"  SOURCE_DATE_EPOCH      the date written into the PDFs\n";

static const char version_text[] =
	"jembrief " JB_VERSION "\n"
	"Copyright (C) 2026 the jembrief authors.\n"
	"License MIT: <https://opensource.org/license/mit> (the file LICENSE).\n"
	"This is free software: you are free to change and redistribute it.\n"
	"There is NO WARRANTY, to the extent permitted by law.\n"
	"The sample data shipped with it are public sector information under the\n"
	"Open Government Licence (sample-data/SOURCES.md).\n";

enum dump_format { DUMP_TEXT, DUMP_JSON };

struct options {
	const char *data, *out, *theme;
	const char *compare; /* --compare "Camden, Islington" */
	int compare_instead;
	const char *marking; /* NULL: the theme's */
	int period, jobs, png, pptx, svg, dump, quiet;
	int check, csv_bom;
	enum dump_format format;
	int protect, no_print, allow_copy;
	int timings;
	const char *dump_display; /* --dump-display: the deck named, or NULL */
	const char *group_spec;   /* --group "Central East: Hackney, Tower Hamlets" */
	struct jb_group group;    /* it, parsed (group.n == 0: none) */
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

static int parse_format(const char *s, enum dump_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = DUMP_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = DUMP_JSON;
	else {
		fprintf(stderr, "jembrief: --format: '%s' is not text or json\n", s);
		return -1;
	}
	return 0;
}

/* Options that cannot go together, or cannot mean anything. */
static int check_option_combinations(const struct options *o)
{
	if (strcmp(o->out, "-") == 0) {
		fputs("jembrief: --out -: a batch is many files (decks, tables, previews), so it "
		      "goes to a folder, not to standard output; give a folder, or use "
		      "--dump-findings to print the figures\n",
		      stderr);
		return -1;
	}
	if (o->format != DUMP_TEXT && !o->dump) {
		fputs("jembrief: --format goes with --dump-findings\n", stderr);
		return -1;
	}
	if (o->check + o->dump + !!o->dump_display > 1) {
		fputs("jembrief: --check, --dump-findings and --dump-display: choose one\n", stderr);
		return -1;
	}
	return 0;
}

/* An unknown option, or one missing its argument (getopt's ':' return). */
static void option_error(int c, const char *arg)
{
	if (c == ':')
		fprintf(stderr, "jembrief: option '%s' needs an argument\n", arg);
	else if (optopt && !(arg[0] == '-' && arg[1] == '-'))
		fprintf(stderr, "jembrief: unknown option '-%c'\n", optopt);
	else
		fprintf(stderr, "jembrief: unknown option '%s'\n", arg);
	fputs("jembrief: try 'jembrief --help' for more information\n", stderr);
}

/* NULL when s can be the protective marking: a line of text short enough
 * for the footer; else what is wrong. */
static const char *marking_problem(const char *s)
{
	if (!*s)
		return "the marking is empty";
	if (strlen(s) > JB_MARKING_MAX)
		return "the marking is longer than 40 bytes, what the footer holds";
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c < 0x20 || *c == 0x7F)
			return "the marking holds a control character";
	return NULL;
}

/* s without its leading and trailing blanks, in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* The file name a group's pack takes from its name: lower case, a hyphen
 * for each run of other characters ("Central East" -> central-east). */
static void group_slug(const char *name, char *slug, size_t cap)
{
	size_t o = 0;
	int gap = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 2 < cap; p++) {
		if (isalnum(*p)) {
			if (gap && o)
				slug[o++] = '-';
			slug[o++] = (char)tolower(*p);
			gap = 0;
		} else {
			gap = 1;
		}
	}
	slug[o] = '\0';
}

/* A name no borough's or London's deck, nor an output folder, has. */
static int slug_taken(const char *slug)
{
	static const char *const reserved[] = {"london", "london-overview", "png", "svg"};
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (strcmp(slug, reserved[i]) == 0)
			return 1;
	for (int b = 0; b < JB_NBOROUGHS; b++)
		if (strcmp(slug, jb_boroughs[b].slug) == 0)
			return 1;
	return 0;
}

static void unknown_borough(const char *what, const char *name);

/* --group "NAME: A, B, ...": the group's name, its file name and its
 * members (names, slugs or GSS codes; one named twice counts once). 0, or
 * -1 after a message. */
static int parse_group(const char *spec, struct jb_group *g)
{
	memset(g, 0, sizeof *g);
	char *copy = xstrdup(spec), *colon = strchr(copy, ':');
	int rc = -1;
	if (!colon) {
		fprintf(stderr, "jembrief: --group: '%s' has no ':' (write the group's name, a "
				"colon, then its boroughs: \"Central East: Hackney, Tower "
				"Hamlets\")\n", spec);
		goto out;
	}
	*colon = '\0';
	char *name = trim(copy);
	if (!*name || strlen(name) >= sizeof g->name) {
		fprintf(stderr, "jembrief: --group: the group's name must be 1 to %zu bytes\n",
			sizeof g->name - 1);
		goto out;
	}
	snprintf(g->name, sizeof g->name, "%s", name);
	group_slug(name, g->slug, sizeof g->slug);
	if (!g->slug[0] || slug_taken(g->slug)) {
		fprintf(stderr, "jembrief: --group: the name '%s' would write %s%s.pdf, %s\n", name,
			g->slug, g->slug[0] ? "" : "(nothing)",
			g->slug[0] ? "the name of another deck or folder: choose another name"
				   : "which needs a letter or digit in the name");
		goto out;
	}
	char *save = NULL;
	for (char *m = strtok_r(colon + 1, ",", &save); m; m = strtok_r(NULL, ",", &save)) {
		m = trim(m);
		if (!*m)
			continue;
		int b = jb_borough_lookup(m);
		if (b < 0) {
			unknown_borough("--group", m);
			goto out;
		}
		if (!g->member[b]) {
			g->member[b] = 1;
			g->members[g->n++] = b;
		}
	}
	if (g->n < 2) {
		fprintf(stderr, "jembrief: --group: '%s' names %s: a group needs two boroughs or "
				"more\n", spec, g->n ? "one borough" : "no borough");
		goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	/* Flags are set by getopt_long itself (it returns 0 for them). */
	const struct option longopts[] = {
		{"data", required_argument, NULL, 'd'},
		{"out", required_argument, NULL, 'o'},
		{"theme", required_argument, NULL, 't'},
		{"period", required_argument, NULL, 'p'},
		{"jobs", required_argument, NULL, 'j'},
		{"compare", required_argument, NULL, 'C'},
		{"compare-instead", no_argument, &o->compare_instead, 1},
		{"group", required_argument, NULL, 'G'},
		{"png", no_argument, &o->png, 1},
		{"pptx", no_argument, &o->pptx, 1},
		{"svg", no_argument, &o->svg, 1},
		{"csv-bom", no_argument, &o->csv_bom, 1},
		{"protect", no_argument, &o->protect, 1},
		{"no-print", no_argument, &o->no_print, 1},
		{"allow-copy", no_argument, &o->allow_copy, 1},
		{"marking", required_argument, NULL, 'M'},
		{"check", no_argument, &o->check, 1},
		{"dump-findings", no_argument, &o->dump, 1},
		{"format", required_argument, NULL, 'F'},
		{"dump-display", required_argument, NULL, 'D'},
		{"placeholders", no_argument, NULL, 'L'},
		{"quiet", no_argument, NULL, 'q'},
		{"timings", no_argument, &o->timings, 1},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	long n;
	char *end;
	int c;
	opterr = 0; /* getopt's messages start with argv[0]: ours with "jembrief:" */
	while ((c = getopt_long(argc, argv, ":d:o:t:p:j:qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 0: /* a flag, set */
			break;
		case 'd':
			o->data = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'C':
			o->compare = optarg;
			break;
		case 'G':
			if (parse_group(optarg, &o->group) != 0)
				return -1;
			o->group_spec = optarg;
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
		case 'M':
			if (marking_problem(optarg)) {
				fprintf(stderr, "jembrief: --marking: %s\n", marking_problem(optarg));
				return -1;
			}
			o->marking = optarg;
			break;
		case 'F':
			if (parse_format(optarg, &o->format) != 0)
				return -1;
			break;
		case 'D':
			o->dump_display = optarg;
			break;
		case 'L':
			fill_list(stdout);
			exit(0);
		case 'q':
			o->quiet = 1;
			break;
		case 'h':
			printf(usage_text, jb_datadir(), jb_datadir());
			exit(0);
		case 'V':
			fputs(version_text, stdout);
			exit(0);
		default:
			option_error(c, argv[optind - 1]);
			return -1;
		}
	}
	if ((o->no_print || o->allow_copy) && !o->protect) {
		fputs("jembrief: --no-print and --allow-copy go with --protect\n", stderr);
		return -1;
	}
	return check_option_combinations(o);
}

/* "london", "london-overview" or London's GSS code: the overview deck. */
static int is_london(const char *s)
{
	return strcasecmp(s, "london") == 0 || strcasecmp(s, "london-overview") == 0 ||
	       strcasecmp(s, "E12000007") == 0;
}

/* An unknown borough name, with the names it is close to; what (when not
 * NULL) names the option it came with, "--group". */
static void unknown_borough(const char *what, const char *name)
{
	int close[JB_NBOROUGHS];
	int n = jb_borough_suggest(name, close, JB_NBOROUGHS);
	fprintf(stderr, "jembrief: %s%s'%s' is not one of the 32 London boroughs", what ? what : "",
		what ? ": " : "", name);
	for (int k = 0; k < n; k++)
		fprintf(stderr, "%s%s", k == 0 ? "; did you mean " : k + 1 == n ? " or " : ", ",
			jb_boroughs[close[k]].name);
	fputs(n ? "?\n" : " (name one by name, slug or GSS code, or 'london' for the overview)\n",
	      stderr);
}

/* The area a deck name names: a borough 0..31, JB_LONDON, or JB_GROUP (the
 * --group's name or slug); -1, after a message, when it names none. */
static int area_lookup(const char *name, const struct jb_group *g)
{
	if (g->n && (strcasecmp(name, g->name) == 0 || strcasecmp(name, g->slug) == 0))
		return JB_GROUP;
	int b = is_london(name) ? JB_LONDON : jb_borough_lookup(name);
	if (b < 0)
		unknown_borough(NULL, name);
	return b;
}

/* The decks to write: the boroughs (and London overview) named, or all 32
 * and the London overview (JB_LONDON); with --group, its pack (JB_GROUP)
 * too; with --dump-display, its one deck. */
static int select_boroughs(int argc, char **argv, const struct options *o, int *sel)
{
	int n = 0;
	if (o->dump_display) {
		if (optind < argc) {
			fprintf(stderr, "jembrief: --dump-display names its one deck: '%s' does "
					"not go with it\n", argv[optind]);
			return -1;
		}
		sel[0] = area_lookup(o->dump_display, &o->group);
		return sel[0] < 0 ? -1 : 1;
	}
	if (o->group.n)
		sel[n++] = JB_GROUP;
	if (optind >= argc) {
		for (int b = 0; b <= JB_NBOROUGHS; b++)
			sel[n++] = b;
		return n;
	}
	for (int i = optind; i < argc; i++) {
		int b = area_lookup(argv[i], &o->group);
		if (b < 0)
			return -1;
		int dup = 0;
		for (int k = 0; k < n; k++)
			dup |= sel[k] == b;
		if (!dup)
			sel[n++] = b;
	}
	return n;
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

static const char *deck_label(const struct jb_findings *f, int area)
{
	return area == JB_LONDON ? "London overview" : f->area[area].name;
}

/* One worker: writes decks sel[k] for k = w, w + jobs, ...; reports each
 * on the pipe as one byte (borough index, high bit set on failure). */
static int worker(const struct jb_findings *f, const struct jb_template *t,
		  const struct deck_options *dopt, const int *sel, int nsel, int w, int jobs,
		  int report, int progress, pid_t run)
{
	/* A worker whose run was killed stops too: nobody would record
	 * what it writes. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != run)
		return 1; /* the run died before the line above */
	int failed = 0;
	for (int k = w; k < nsel; k += jobs) {
		char err[512];
		int rc = deck_write(f, t, sel[k], dopt, err, sizeof err);
		if (rc != 0) {
			fprintf(stderr, "%sjembrief: %s\n", progress ? "\n" : "", err);
			failed++;
		}
		unsigned char msg = (unsigned char)(sel[k] | (rc ? 0x80 : 0)); /* sel <= JB_GROUP */
		if (write(report, &msg, 1) != 1)
			failed++;
	}
	return failed ? 1 : 0;
}

/* Writes the decks sel[0..nsel) with jobs workers; ok[k] gets 1 for each
 * deck written. Returns how many were. */
static int run_batch(const struct jb_findings *f, const struct jb_template *t,
		     const struct deck_options *dopt, const int *sel, int nsel, int jobs, int quiet,
		     int *ok)
{
	int fds[2];
	for (int k = 0; k < nsel; k++)
		ok[k] = 0;
	if (pipe(fds) != 0) {
		perror("jembrief: pipe");
		return 0;
	}
	if (jobs > nsel)
		jobs = nsel;
	int progress = !quiet && isatty(STDERR_FILENO);
	fflush(NULL);
	pid_t *pids = xcalloc((size_t)jobs, sizeof *pids);
	pid_t run = getpid();
	for (int w = 0; w < jobs; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			close(fds[0]);
			_exit(worker(f, t, dopt, sel, nsel, w, jobs, fds[1], progress, run));
		}
		if (pids[w] < 0) {
			perror("jembrief: fork");
			pids[w] = 0;
		}
	}
	close(fds[1]);
	int done = 0, written = 0;
	unsigned char msg;
	while (read(fds[0], &msg, 1) == 1) {
		done++;
		for (int k = 0; k < nsel; k++)
			if (sel[k] == (msg & 0x7f) && !(msg & 0x80)) {
				ok[k] = 1;
				written++;
			}
		if (progress)
			fprintf(stderr, "\rjembrief: %d/%d decks written (%s)%-24s", done, nsel,
				deck_label(f, msg & 0x7f), "");
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
	/* A deck a dead worker never reported stays failed (ok[k] = 0). */
	if (!quiet)
		fprintf(stderr, "jembrief: %d of %d decks written%s\n", written, nsel,
			written < nsel ? "; see the messages above" : "");
	return written;
}

static void wrote(void *od, const char *rel)
{
	outdir_wrote(od, rel);
}

/* The tables beside the decks: summary.csv, dashboard.csv,
 * data-quality.csv, data-dictionary.csv, each recorded in od when written.
 * Returns how many failed, after a message for each. */
static int write_tables(const struct jb_findings *f, struct outdir *od)
{
	static const struct {
		const char *name;
		int (*write)(const struct jb_findings *f, const char *path, char *err,
			     size_t errlen);
	} tables[] = {
		{"summary.csv", summary_write},
		{"dashboard.csv", summary_dashboard_write},
		{"data-quality.csv", quality_write},
	};
	char err[1024];
	int failed = 0;
	struct datatable_set decks;
	slide_kinds_datatables(&decks);
	for (size_t i = 0; i <= sizeof tables / sizeof tables[0]; i++) {
		int last = i == sizeof tables / sizeof tables[0];
		const char *name = last ? "data-dictionary.csv" : tables[i].name;
		char *path = xasprintf("%s/%s", od->dir, name);
		if ((last ? dictionary_write(path, &decks, err, sizeof err)
			  : tables[i].write(f, path, err, sizeof err)) != 0) {
			fprintf(stderr, "jembrief: %s\n", err);
			failed++;
		} else {
			outdir_wrote(od, name);
		}
		free(path);
	}
	return failed;
}

/* Everything a run writes into its folder od (outdir_open): the run-level
 * tables, the decks, the manifest; the folder's other jembrief outputs
 * (another run's) are removed. Returns the exit status: 2 when no deck was
 * written, 1 when something failed, else 0. */
static int write_outputs(struct outdir *od, const struct jb_findings *f,
			 const struct jb_template *t, const int *sel, int nsel, const struct options *o)
{
	char err[1024];
	struct manifest_run run = {.program = "jembrief " JB_VERSION, .f = f, .t = t, .sel = sel,
				   .nsel = nsel};
	int failures = 0;
	if (manifest_write(od, &run, "running", err, sizeof err) != 0) {
		fprintf(stderr, "jembrief: %s\n", err);
		failures++;
	}
	failures += write_tables(f, od);
	struct pdf_options popt = {
		.owner_password = getenv("JEMBRIEF_OWNER_PASSWORD"),
		.user_password = getenv("JEMBRIEF_USER_PASSWORD"),
		.allow_print = !o->no_print,
		.allow_copy = o->allow_copy,
	};
	/* London-wide tables are written once and linked into every deck's
	 * data/ folder. */
	char *shared = xasprintf("%s/" OUTDIR_SHARED "%ld", o->out, (long)getpid());
	struct datatable_set decks;
	slide_kinds_datatables(&decks);
	if (datatables_shared_write(&decks, f, shared, err, sizeof err) != 0) {
		fprintf(stderr, "jembrief: %s\n", err);
		failures++;
	}
	struct deck_options dopt = {.outdir = o->out, .png = o->png, .pptx = o->pptx, .svg = o->svg,
				    .epoch = deck_epoch(f), .shared = shared,
				    .pdf = o->protect ? &popt : NULL};
	int *ok = xcalloc((size_t)nsel, sizeof *ok);
	int written = run_batch(f, t, &dopt, sel, nsel, o->jobs, o->quiet, ok);
	outdir_remove_shared(shared);
	free(shared);
	for (int k = 0; k < nsel; k++)
		if (ok[k])
			deck_outputs(f, t, sel[k], &dopt, wrote, od);
	/* A deck that failed leaves nothing: what it wrote goes with every
	 * output of an earlier run that this one did not write again. */
	outdir_remove_stale(od);
	run.deck_ok = ok;
	failures += nsel - written;
	if (manifest_write(od, &run, failures ? "partial" : "complete", err, sizeof err) != 0) {
		fprintf(stderr, "jembrief: %s\n", err);
		failures++;
	}
	manifest_run_done(&run);
	free(ok);
	return written == 0 ? EXIT_USAGE : failures ? EXIT_SOME_FAILED : 0;
}

/* The data directory: --data, else $JEMBRIEF_DATA, else the first shipped
 * sample-data folder that exists (util/paths.h). NULL, with the places
 * looked, when there is none. */
static char *data_dir(const char *given)
{
	if (given)
		return xstrdup(given);
	const char *env = getenv("JEMBRIEF_DATA");
	if (env && *env)
		return xstrdup(env);
	struct jb_dirs d;
	jb_data_dirs(&d);
	char *found = NULL;
	struct stat st;
	for (size_t i = 0; i < d.n && !found; i++)
		if (stat(d.v[i], &st) == 0 && S_ISDIR(st.st_mode))
			found = xstrdup(d.v[i]);
	if (!found) {
		fputs("jembrief: no data directory: give one with --data DIR (looked in", stderr);
		for (size_t i = 0; i < d.n; i++)
			fprintf(stderr, "%s%s", i ? ", " : " ", d.v[i]);
		fputs(")\n", stderr);
	}
	jb_dirs_free(&d);
	return found;
}

/* The template, found and loaded; NULL with a message. */
static struct jb_template *load_template(const char *theme, char **path)
{
	char err[1024];
	*path = jb_template_find(theme, err, sizeof err);
	struct jb_template *t = *path ? jb_template_load(*path, err, sizeof err) : NULL;
	if (!t)
		fprintf(stderr, "jembrief: %s\n", err);
	return t;
}

/* --compare replaces the template's comparators; --compare-instead puts
 * them (either's) in place of the most similar. 0, or -1 with a message. */
static int comparators_given(const struct options *o, struct jb_template *t)
{
	char err[256];
	if (o->compare && jb_theme_compare_list(&t->theme, o->compare, err, sizeof err) != 0) {
		fprintf(stderr, "jembrief: --compare: %s\n", err);
		return -1;
	}
	if (o->compare_instead && !t->theme.ncompare) {
		fputs("jembrief: --compare-instead needs boroughs to compare with (--compare, or "
		      "the template's compare)\n", stderr);
		return -1;
	}
	t->theme.compare_instead |= o->compare_instead;
	return 0;
}

/* --dump-findings: the areas selected, as text or JSON. */
static void dump_findings(const struct jb_findings *f, const int *sel, int nsel,
			  enum dump_format format)
{
	unsigned char keep[JB_NAREAS] = {0};
	for (int k = 0; k < nsel; k++)
		keep[sel[k]] = 1;
	if (format == DUMP_JSON)
		jb_findings_dump_json(f, keep, stdout);
	else if (nsel == JB_NBOROUGHS + 1)
		jb_findings_dump(f, stdout);
	else
		jb_findings_dump_areas(f, keep, stdout);
}

/* --dump-display: area's deck laid out as deck_write() lays it out (the
 * same PDF date), as text on stdout (dl_deck_dump); a deck that fails its
 * check is dumped too, its problems on stderr, and gives EXIT_SOME_FAILED. */
static int dump_display(const struct jb_findings *f, const struct jb_template *t, int area)
{
	struct dl_deck *d = deck_build(f, t, area);
	d->epoch = deck_epoch(f);
	dl_deck_dump(d, stdout);
	int problems = dl_deck_check(d, stderr);
	dl_deck_free(d);
	return problems ? EXIT_SOME_FAILED : 0;
}

/* --check: what a run would use, on stdout; nothing written. 0 when the run
 * could go ahead. */
static int check_report(const struct options *o, const char *data, const char *tpath,
			const struct jb_template *t, const struct jb_findings *f, int nsel)
{
	const struct jb_sources *src = &f->ds->sources;
	size_t rows = 0, used = 0, aside = 0, bad = 0;
	for (size_t i = 0; i < src->n; i++) {
		rows += src->v[i]->rows;
		used += src->v[i]->kept;
		aside += src->v[i]->set_aside;
		bad += src->v[i]->bad;
	}
	printf("template  %s (theme %s: %zu borough slides, %zu overview slides)\n", tpath,
	       t->theme.id, t->nslides, t->noverview);
	printf("data      %s: %zu files read, %zu rows: %zu used, %zu out of scope (not errors), "
	       "%zu bad; %zu input%s not supplied\n",
	       data, src->n, rows, used, aside - bad, bad, src->nmissing,
	       src->nmissing == 1 ? "" : "s");
	for (size_t i = 0; i < src->nmissing; i++)
		printf("          not supplied: %s\n", src->missing[i]);
	if (f->has_series)
		printf("period    %04d-%02d to %04d-%02d%s%s\n", jb_month_year(f->window_first),
		       jb_month_mon(f->window_first), jb_month_year(f->period_end),
		       jb_month_mon(f->period_end), f->period_note ? "; " : "",
		       f->period_note ? f->period_note : "");
	else
		puts("period    none: no usable borough-level crime file");
	printf("fonts     %s, %s\n", font_path(DL_REGULAR), font_path(DL_BOLD));
	struct stat st;
	int exists = stat(o->out, &st) == 0;
	printf("output    %s (%s), %d deck%s\n", o->out,
	       !exists ? "would be created" : !S_ISDIR(st.st_mode) ? "NOT a folder"
	       : access(o->out, W_OK) == 0 ? "exists" : "NOT writable",
	       nsel, nsel == 1 ? "" : "s");
	puts("nothing written (--check)");
	int ok = f->has_series && (!exists || (S_ISDIR(st.st_mode) && access(o->out, W_OK) == 0));
	return ok ? 0 : EXIT_USAGE;
}

int main(int argc, char **argv)
{
	struct options o = {.out = "out", .theme = "serious-youth-violence"};
	/* GSL's default handler aborts; the analysis checks every status. */
	gsl_set_error_handler_off();
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cores > 0 ? (int)cores : 1;
	if (parse_options(argc, argv, &o) != 0)
		return EXIT_USAGE;
	csv_set_bom(o.csv_bom);
	int sel[JB_NAREAS];
	int nsel = select_boroughs(argc, argv, &o, sel);
	if (nsel < 0)
		return EXIT_USAGE;

	char err[1024];
	if (o.protect && !(getenv("JEMBRIEF_OWNER_PASSWORD") && *getenv("JEMBRIEF_OWNER_PASSWORD"))) {
		fputs("jembrief: --protect needs the owner password in $JEMBRIEF_OWNER_PASSWORD\n",
		      stderr);
		return EXIT_USAGE;
	}
	const char *bad_password = o.protect ? pdf_password_problem(&(struct pdf_options){
		.owner_password = getenv("JEMBRIEF_OWNER_PASSWORD"),
		.user_password = getenv("JEMBRIEF_USER_PASSWORD")}) : NULL;
	if (bad_password) {
		fprintf(stderr, "jembrief: --protect: %s\n", bad_password);
		return EXIT_USAGE;
	}
	char *tpath = NULL;
	struct jb_template *t = load_template(o.theme, &tpath);
	if (t && comparators_given(&o, t) != 0) {
		free(tpath);
		jb_template_free(t);
		return EXIT_USAGE;
	}
	if (t && o.marking) {
		free(t->marking);
		t->marking = xstrdup(o.marking);
	}
	char *data = t ? data_dir(o.data) : NULL;
	/* a missing font stops the run before any data are read */
	if (!t || !data || (!o.dump && font_init(NULL, NULL) != 0)) {
		free(data);
		free(tpath);
		jb_template_free(t);
		return EXIT_USAGE;
	}
	/* the analyst's pictures: one that cannot be read is said, not fatal */
	jb_template_read_images(t, data);
	if (t->logo_problem && !o.quiet)
		fprintf(stderr, "jembrief: logo left out: no %s\n", t->logo_problem);
	/* The output folder is taken before the data are read: a second run
	 * into it, or a folder that cannot be written, stops at once. */
	struct outdir od = {.lock_fd = -1};
	int taken = o.dump || o.check || o.dump_display ||
		    outdir_open(&od, o.out, err, sizeof err) == 0;
	if (!taken)
		fprintf(stderr, "jembrief: %s\n", err);
	double t0 = now();
	const char **kind_names = xcalloc(slide_nkinds, sizeof *kind_names);
	for (size_t k = 0; k < slide_nkinds; k++)
		kind_names[k] = slide_kinds[k].name;
	struct jb_load_options lopt = {
		.quiet = o.quiet,
		.jobs = o.jobs,
		/* street rows the theme does not count are not projected or kept */
		.street_types = (const char *const *)t->theme.street_types,
		.nstreet_types = t->theme.nstreet,
		/* what a commentary row's 'slide' may name */
		.slide_kinds = kind_names,
		.nslide_kinds = slide_nkinds,
	};
	struct jb_dataset *ds = taken ? jb_dataset_load(data, &lopt) : NULL;
	free(kind_names);
	/* Each stage is checked where its data are made (the findings below):
	 * a dataset failing its check is ingest's fault, said and stopped. */
	int broken = ds && jb_dataset_check(ds, stderr) != 0;
	if (!ds || broken || !jb_dataset_usable(ds, err, sizeof err)) {
		if (ds && !broken)
			fprintf(stderr, "jembrief: %s\n", err);
		jb_dataset_free(ds);
		outdir_close(&od);
		font_done();
		free(data);
		free(tpath);
		jb_template_free(t);
		return EXIT_USAGE;
	}
	double t1 = now();
	struct jb_findings *f = jb_analyse(ds, &t->theme, &(struct jb_analysis_options){o.period, o.group.n ? &o.group : NULL});
	double t2 = now();
	int status = 0;
	if (f->period_moved) /* said even with --quiet: the deck is not the month asked for */
		fprintf(stderr, "jembrief: %s\n", f->period_note);
	if (f->period_refused) {
		fprintf(stderr, "jembrief: %s\n", f->period_refused);
		status = EXIT_USAGE;
	} else if (jb_findings_check(f, stderr) != 0)
		status = EXIT_USAGE;
	else if (o.dump)
		dump_findings(f, sel, nsel, o.format);
	else if (o.dump_display)
		status = dump_display(f, t, sel[0]);
	else if (o.check)
		status = check_report(&o, data, tpath, t, f, nsel);
	else {
		status = write_outputs(&od, f, t, sel, nsel, &o);
		if (o.timings)
			fprintf(stderr, "jembrief: timings: load %.2f s, analysis %.2f s, "
					"decks %.2f s\n", t1 - t0, t2 - t1, now() - t2);
	}
	outdir_close(&od);
	font_done();
	jb_findings_free(f);
	jb_dataset_free(ds);
	jb_template_free(t);
	free(tpath);
	free(data);
	return status;
}
