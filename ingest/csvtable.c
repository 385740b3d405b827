/* ingest/csvtable.c - see csvtable.h.
 *
 * libcsv does the CSV grammar (quotes, escaped quotes, quoted newlines);
 * zlib's gzread supplies the bytes, inflating .gz files and passing plain
 * files through. This file only collects fields into one reusable buffer,
 * matches header names and keeps the physical line count: libcsv is run
 * with CSV_REPALL_NL, so every line end outside a record is reported and
 * can be counted, and newlines inside quoted fields are counted from the
 * field text.
 */
#include "csvtable.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../util/sha256.h"
#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "archive.h"
#include "limits.h"

enum { CHUNK = 1 << 16 };

struct jb_csv {
	gzFile gz;
	struct jb_zip_member *zip; /* instead of gz: a member of a .zip (archive.h) */
	struct csv_parser p;
	unsigned char *chunk; /* bytes read but not yet parsed: chunk[pos..len) */
	size_t pos, len;
	int eof;
	/* A plain file's bytes are hashed as they are read (sha256.h), so the
	 * manifest need not read it again: hashing while the file is not gz
	 * compressed, its digest in sha256 once the end is reached. */
	int hashing;
	struct sha256_ctx sha;
	long long bytes;
	char sha256[65];

	/* the record being collected */
	char *buf;            /* fields, each NUL-terminated */
	size_t nbuf, capbuf;
	size_t *off;          /* field i starts at buf + off[i] */
	size_t nfields, capoff;
	long rec_nl;          /* newlines inside its quoted fields */
	long line;            /* line the record starts on */
	long next_line;       /* line the next record will start on */
	int after_cr;         /* the last line end was a CR (CRLF pending) */
	int scan;             /* see plan_scan() */
	size_t nseen;         /* fields seen, stored or not (JB_FIELDS_MAX) */
	long bad_col;         /* first field that sets the record aside, or -1 */
	const char *bad;      /* what is wrong with it */

	/* header */
	char **names;
	char **keys;          /* folded names */
	int ncols;
	int have_header;
	/* a header no record can be read against (a column given twice, a
	 * bad field): reported by jb_csv_each, which then reads nothing */
	char *head_col, *head_problem;

	/* while streaming */
	struct jb_source *src;
	int (*row)(struct jb_csv *t, void *ctx);
	void *ctx;
	int stop;
};

/* "LSOA Code" -> "lsoacode": lower case, spaces and underscores dropped. */
static char *fold(const char *s, size_t n)
{
	char *k = xmalloc(n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '_' || c == '\t')
			continue;
		k[j++] = (char)tolower(c);
	}
	k[j] = '\0';
	return k;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* libcsv's field callback: append the field, trimmed, to the record. This
 * runs once per cell of every file, so it avoids calls where it can. */
static void on_field(void *s, size_t n, void *data)
{
	struct jb_csv *t = data;
	const char *f = s ? s : "";
	if (!s)
		n = 0;
	t->after_cr = 0;
	int nul = 0;
	if (t->scan) /* newlines (inside quotes) and NUL bytes, in one pass */
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)f[i] <= '\n') {
				t->rec_nl += f[i] == '\n';
				nul |= f[i] == '\0';
			}
	size_t col = t->nseen++;
	if (t->bad_col < 0) {
		if (col >= JB_FIELDS_MAX)
			t->bad = "more than " JB_STR(JB_FIELDS_MAX) " fields in the record";
		else if (n > JB_FIELD_MAX)
			t->bad = "longer than " JB_STR(JB_FIELD_MAX) " bytes";
		else if (nul)
			t->bad = "holds a NUL byte";
		if (t->bad)
			t->bad_col = (long)col;
	}
	if (col >= JB_FIELDS_MAX)
		return; /* counted, not stored: the record is set aside */
	/* trim blanks (libcsv keeps them inside quoted fields) */
	while (n && blank(*f)) {
		f++;
		n--;
	}
	while (n && blank(f[n - 1]))
		n--;
	if (t->nfields == t->capoff)
		t->off = xgrow(t->off, &t->capoff, t->nfields + 1, sizeof *t->off);
	t->off[t->nfields++] = t->nbuf;
	if (t->nbuf + n + 1 > t->capbuf)
		t->buf = xgrow(t->buf, &t->capbuf, t->nbuf + n + 1, 1);
	memcpy(t->buf + t->nbuf, f, n);
	t->nbuf += n;
	t->buf[t->nbuf++] = '\0';
}

/* Whether on_field must look inside the fields that the parsing of the
 * n bytes at s completes, for newlines (only a quoted field holds one) and
 * NUL bytes: only when those bytes hold a quote or a NUL, or a quoted
 * field is open, or the part of a field carried over from earlier bytes
 * (libcsv's entry_pos) came from bytes that needed it. Two memchr calls per
 * 64 KiB instead of a look at every byte of every field. */
static void plan_scan(struct jb_csv *t, const unsigned char *s, size_t n)
{
	int here = memchr(s, t->p.quote_char, n) || memchr(s, '\0', n);
	t->scan = here || t->p.quoted || (t->p.entry_pos > 0 && t->scan);
}

/* The record's first bad field, as a column name for messages. */
static const char *bad_name(const struct jb_csv *t, char *buf, size_t cap)
{
	if (t->have_header && t->bad_col < t->ncols)
		return t->names[t->bad_col];
	snprintf(buf, cap, "field %ld", t->bad_col + 1);
	return buf;
}

static void header_problem(struct jb_csv *t, const char *col, char *problem)
{
	if (t->head_problem) {
		free(problem);
		return;
	}
	t->head_col = col ? xstrdup(col) : NULL;
	t->head_problem = problem;
}

/* Two columns of one name would leave it to chance which one is read. */
static void check_duplicates(struct jb_csv *t)
{
	struct strmap *seen = strmap_new();
	for (int i = 0; i < t->ncols; i++) {
		if (!t->keys[i][0])
			continue; /* unnamed columns (trailing commas) are never read */
		int first = strmap_get(seen, t->keys[i]);
		if (first >= 0)
			header_problem(t, t->names[i],
				       xasprintf("given twice in the header (columns %d and %d)",
						 first + 1, i + 1));
		else
			strmap_put(seen, t->keys[i], i);
	}
	strmap_free(seen);
}

static void take_header(struct jb_csv *t)
{
	t->ncols = (int)t->nfields;
	t->names = xcalloc(t->nfields + 1, sizeof *t->names);
	t->keys = xcalloc(t->nfields + 1, sizeof *t->keys);
	for (size_t i = 0; i < t->nfields; i++) {
		const char *s = t->buf + t->off[i];
		t->names[i] = xstrdup(s);
		t->keys[i] = fold(s, strlen(s));
	}
	t->have_header = 1;
	char name[32];
	if (t->bad_col >= 0)
		header_problem(t, bad_name(t, name, sizeof name), xstrdup(t->bad));
	check_duplicates(t);
}

static void reset_record(struct jb_csv *t)
{
	t->rec_nl = 0;
	t->nfields = 0;
	t->nseen = 0;
	t->nbuf = 0;
	t->bad_col = -1;
	t->bad = NULL;
}

static void on_record(int c, void *data)
{
	struct jb_csv *t = data;
	if (t->nseen == 0) {
		/* a line end outside any record: count it (CRLF once) */
		if (c == '\r' || (c == '\n' && !t->after_cr))
			t->next_line++;
		t->after_cr = c == '\r';
		return;
	}
	t->line = t->next_line;
	if (!t->have_header) {
		take_header(t);
	} else if (!t->stop) {
		if (t->src)
			t->src->rows++;
		char name[32];
		if (t->bad_col >= 0) {
			jb_reject(t->src, t->line, bad_name(t, name, sizeof name), t->bad, NULL);
		} else if ((int)t->nfields != t->ncols) {
			/* libcsv ends the last record with c = -1 at csv_fini: one
			 * short of its fields there, with no line end, was cut off */
			if (c < 0 && t->src && (int)t->nfields < t->ncols)
				t->src->cut_short = 1;
			char detail[64];
			snprintf(detail, sizeof detail, "%zu fields, the header has %d",
				 t->nfields, t->ncols);
			jb_reject(t->src, t->line, NULL, "wrong number of fields", detail);
		} else if (t->row(t, t->ctx)) {
			t->stop = 1;
		}
	}
	t->next_line += t->rec_nl;
	if (c == '\r' || c == '\n')
		t->next_line++;
	t->after_cr = c == '\r';
	reset_record(t);
}

/* Fill the chunk; returns -1 on a read error, 0 otherwise (eof set at the
 * end). A UTF-8 BOM at the very start is dropped. */
static int fill(struct jb_csv *t, int first)
{
	long got = t->zip ? jb_zip_read(t->zip, t->chunk, CHUNK) : gzread(t->gz, t->chunk, CHUNK);
	int e = Z_OK;
	if (got < 0)
		return -1;
	t->pos = 0;
	t->len = (size_t)got;
	if (t->hashing) {
		sha256_update(&t->sha, t->len, t->chunk);
		t->bytes += got;
	}
	if (got == 0 && t->zip) {
		t->eof = 1;
	} else if (got == 0) {
		/* a truncated .gz ends early with Z_BUF_ERROR, not an error
		 * return: its last, partial record must not be taken */
		gzerror(t->gz, &e);
		if (e != Z_OK)
			return -1;
		t->eof = 1;
		if (t->hashing)
			sha256_hex(&t->sha, t->sha256);
		t->hashing = 0;
	}
	if (first && t->len >= 3 && memcmp(t->chunk, "\xEF\xBB\xBF", 3) == 0)
		t->pos = 3;
	return 0;
}

/* libcsv's buffer for the field it is collecting: bounded, so that an
 * unclosed quote cannot take the whole file into memory (csv_parse then
 * stops with CSV_ENOMEM). */
static void *field_realloc(void *p, size_t n)
{
	return n > JB_FIELD_BUFFER_MAX ? NULL : xrealloc(p, n);
}

struct jb_csv *jb_csv_open(const char *path, const char **err)
{
	struct jb_zip_member *zip;
	gzFile gz = NULL;
	if (jb_zip_open(path, &zip, err)) {
		if (!zip)
			return NULL;
	} else {
		errno = 0;
		gz = gzopen(path, "rb");
		if (!gz) {
			*err = strerror(errno ? errno : ENOENT);
			return NULL;
		}
		gzbuffer(gz, CHUNK);
	}
	struct jb_csv *t = xcalloc(1, sizeof *t);
	t->gz = gz;
	t->zip = zip;
	t->chunk = xmalloc(CHUNK);
	if (gz && gzdirect(gz)) { /* gzdirect looks ahead; nothing is read yet */
		t->hashing = 1;
		sha256_init(&t->sha);
	}
	t->next_line = 1;
	t->scan = 1; /* the header is parsed a byte at a time */
	reset_record(t);
	csv_init(&t->p, CSV_REPALL_NL | CSV_APPEND_NULL);
	csv_set_realloc_func(&t->p, field_realloc);
	csv_set_blk_size(&t->p, JB_FIELD_BUFFER_MAX / 16);

	/* The header: feed one byte at a time so that parsing stops right
	 * after it and the data records are left for jb_csv_each(). The
	 * chunk is refilled whenever it is used up (a BOM alone fills and
	 * uses up the first one). */
	int first = 1;
	while (!t->have_header) {
		if (t->pos < t->len) {
			if (csv_parse(&t->p, t->chunk + t->pos, 1, on_field, on_record, t) != 1) {
				*err = "header field too long (an unclosed quote?)";
				jb_csv_close(t);
				return NULL;
			}
			t->pos++;
			continue;
		}
		if (t->eof) {
			csv_fini(&t->p, on_field, on_record, t);
			if (!t->have_header) {
				*err = "empty file (no header)";
				jb_csv_close(t);
				return NULL;
			}
			break;
		}
		if (fill(t, first) < 0) {
			*err = "read error (corrupt or truncated file)";
			jb_csv_close(t);
			return NULL;
		}
		first = 0;
	}
	return t;
}

void jb_csv_close(struct jb_csv *t)
{
	if (!t)
		return;
	if (t->gz)
		gzclose(t->gz);
	jb_zip_close(t->zip);
	csv_free(&t->p);
	for (int i = 0; i < t->ncols; i++) {
		free(t->names[i]);
		free(t->keys[i]);
	}
	free(t->names);
	free(t->keys);
	free(t->head_col);
	free(t->head_problem);
	free(t->chunk);
	free(t->buf);
	free(t->off);
	free(t);
}

int jb_csv_ncols(const struct jb_csv *t)
{
	return t->ncols;
}

const char *jb_csv_name(const struct jb_csv *t, int col)
{
	return col >= 0 && col < t->ncols ? t->names[col] : "";
}

int jb_csv_col(const struct jb_csv *t, const char *names)
{
	const char *s = names;
	for (;;) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		char *want = fold(s, n);
		for (int i = 0; i < t->ncols; i++)
			if (strcmp(t->keys[i], want) == 0) {
				free(want);
				return i;
			}
		free(want);
		if (!bar)
			return -1;
		s = bar + 1;
	}
}

const char *jb_csv_cols(const struct jb_csv *t, const struct jb_csv_want *want, size_t n)
{
	const char *missing = NULL;
	for (size_t i = 0; i < n; i++) {
		*want[i].col = jb_csv_col(t, want[i].names);
		if (*want[i].col < 0 && want[i].required && !missing)
			missing = want[i].required;
	}
	return missing;
}

int jb_csv_each(struct jb_csv *t, struct jb_source *src,
		int (*row)(struct jb_csv *t, void *ctx), void *ctx)
{
	t->src = src;
	t->row = row;
	t->ctx = ctx;
	t->stop = 0;
	if (t->head_problem) {
		jb_reject(src, 1, t->head_col, t->head_problem, "the file is not read");
		return -1;
	}
	while (!t->stop && !t->eof) {
		if (t->pos < t->len) {
			size_t n = t->len - t->pos;
			plan_scan(t, t->chunk + t->pos, n);
			if (csv_parse(&t->p, t->chunk + t->pos, n, on_field, on_record, t) != n) {
				jb_reject(src, t->next_line, NULL,
					  "a field longer than " JB_STR(JB_FIELD_BUFFER_MAX)
					  " bytes (an unclosed quote?)",
					  "the rest of the file is not read");
				return -1;
			}
			t->pos = t->len;
			continue;
		}
		if (fill(t, 0) < 0) {
			int e;
			const char *msg = gzerror(t->gz, &e);
			jb_reject(src, t->next_line, NULL, "read error, the rest of "
				  "the file is lost", msg);
			if (src)
				src->cut_short = 1;
			return -1;
		}
	}
	if (!t->stop)
		csv_fini(&t->p, on_field, on_record, t);
	if (src && t->eof && t->sha256[0]) {
		memcpy(src->sha256, t->sha256, sizeof src->sha256);
		src->bytes = t->bytes;
	}
	return 0;
}

const char *jb_csv_get(const struct jb_csv *t, int col)
{
	if (col < 0 || (size_t)col >= t->nfields)
		return "";
	return t->buf + t->off[col];
}

long jb_csv_line(const struct jb_csv *t)
{
	return t->line;
}

/* Copy s without its thousands separators into out; -1 when a comma is not
 * a valid group separator (three digits after it, digits before it, all
 * before any decimal point). */
static int ungroup(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	const char *dot = strchr(s, '.');
	for (const char *p = s; *p; p++) {
		if (*p == ',') {
			if (dot && p > dot)
				return -1;
			if (p == s || !isdigit((unsigned char)p[-1]))
				return -1;
			for (int k = 1; k <= 3; k++)
				if (!isdigit((unsigned char)p[k]))
					return -1;
			if (isdigit((unsigned char)p[4]))
				return -1;
			continue;
		}
		if (n + 1 >= cap)
			return -1;
		out[n++] = *p;
	}
	out[n] = '\0';
	return 0;
}

int jb_parse_count(const char *s, long *out)
{
	/* most cells: a few digits, no separators (a wide file's every month) */
	long fast = 0;
	int n = 0;
	while (n < 10 && s[n] >= '0' && s[n] <= '9')
		fast = fast * 10 + (s[n++] - '0');
	if (n && n < 10 && !s[n]) { /* below 10^9, so within INT32_MAX */
		*out = fast;
		return 0;
	}
	char tmp[32];
	if (ungroup(s, tmp, sizeof tmp) < 0 || !tmp[0])
		return -1;
	for (const char *p = tmp; *p; p++)
		if (!isdigit((unsigned char)*p))
			return -1;
	errno = 0;
	long v = strtol(tmp, NULL, 10);
	if (errno || v > INT32_MAX)
		return -1;
	*out = v;
	return 0;
}

int jb_parse_number(const char *s, double *out)
{
	char tmp[64], *end;
	if (ungroup(s, tmp, sizeof tmp) < 0 || !tmp[0])
		return -1;
	errno = 0;
	double v = strtod(tmp, &end);
	if (errno || *end || end == tmp || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int make_month(int y, int m, int *month)
{
	if (y < JB_YEAR_MIN || y > JB_YEAR_MAX || m < 1 || m > 12)
		return -1;
	*month = jb_month(y, m);
	return 0;
}

int jb_parse_yyyymm(const char *s, int *month)
{
	if (strlen(s) != 6 || !digits(s, 6))
		return -1;
	int v = atoi(s);
	if (make_month(v / 100, v % 100, month) == 0)
		return 0;
	return v % 100 >= 1 && v % 100 <= 12 ? -2 : -1;
}

int jb_parse_month(const char *s, int *month)
{
	if (jb_parse_yyyymm(s, month) == 0)
		return 0;
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2))
		return -1;
	if (s[7] != '\0' && s[7] != '-')
		return -1;
	return make_month(atoi(s), (s[5] - '0') * 10 + (s[6] - '0'), month);
}

struct jb_csv *jb_csv_open_source(struct jb_dataset *ds, const char *path, const char *rel,
				  const char *kind, const struct jb_csv_want *want, size_t n,
				  const char *detail, struct jb_source **src)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t) {
		jb_source_unusable(ds, rel, kind, 0, NULL, err, NULL);
		return NULL;
	}
	const char *missing = jb_csv_cols(t, want, n);
	if (missing) {
		jb_csv_close(t);
		jb_source_unusable(ds, rel, kind, 1, missing, "required column missing", detail);
		return NULL;
	}
	*src = jb_source_add(&ds->sources, rel, kind);
	return t;
}

int jb_intern_name(char ***v, size_t *n, struct strmap *index, const char *name)
{
	int i = strmap_get(index, name);
	if (i < 0) {
		/* few distinct names: grow one by one */
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		i = (int)(*n)++;
		(*v)[i] = xstrdup(name);
		strmap_put(index, name, i);
	}
	return i;
}

int jb_source_unusable(struct jb_dataset *ds, const char *rel, const char *kind,
		       long line, const char *column, const char *problem,
		       const char *detail)
{
	struct jb_source *src = jb_source_add(&ds->sources, rel, kind);
	jb_reject(src, line, column, problem, detail);
	return -1;
}

int jb_row_lsoa(struct jb_dataset *ds, struct jb_source *src, long line,
		const char *column, const char *code, const char *name, int borough)
{
	if (!*code) {
		jb_reject(src, line, column, "empty", NULL);
		return -1;
	}
	if (ds->has_lsoa_shapes) {
		int i = jb_lsoa_find(ds, code);
		if (i < 0)
			jb_set_aside(src, line, "LSOA not in the boundary file");
		else
			jb_lsoa_intern(ds, code, name, borough);
		return i;
	}
	return jb_lsoa_intern(ds, code, name, borough);
}
