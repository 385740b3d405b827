/* ingest/lait.c - DfE Local Authority Interactive Tool (LAIT): the long
 * table and its data dictionary (education-youth/). See youth.h.
 *
 * The long table's quirks, as published:
 *  - "Data item" is filled on the first row of an indicator and blank on
 *    the rows after it: it is carried forward within the indicator (keyed
 *    by "Short Desc"); a different non-blank item under the same Short Desc
 *    is a bad row.
 *  - "Years" is "2023", "2022/23" or "2023-24 (OT)"; the label is kept and
 *    the year's start settled once the dictionary says what kind of year
 *    the measure counts (jb_lait_finish).
 *  - "Values" may be blank, "-" (not published), or written in exponent
 *    form ("6.2449999999999999E-2"); blank and "-" rows are set aside
 *    without a message (LAIT's "not published", counted in the data
 *    quality report), anything else that is not a number is rejected.
 *  - Areas are the London boroughs, the City of London, London and
 *    England (and possibly Inner / Outer London): the City and the
 *    sub-regions are set aside, not used.
 */
#include "youth.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"
#include "limits.h"

static const char table_kind[] = "DfE LAIT (long table)";
static const char dict_kind[] = "DfE LAIT data dictionary";

/* ---- years ---- */

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int jb_lait_parse_year(const char *s, int *start, int *plain)
{
	if (!digits(s, 4))
		return -1;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (y < 1990 || y > 2100)
		return -1;
	const char *p = s + 4;
	int is_plain = 1;
	if (*p == '/' || *p == '-') {
		p++;
		int next;
		if (digits(p, 4) && !isdigit((unsigned char)p[4])) {
			next = atoi(p);
			p += 4;
		} else if (digits(p, 2) && !isdigit((unsigned char)p[2])) {
			next = (y / 100) * 100 + atoi(p);
			if (next < y)
				next += 100;
			p += 2;
		} else {
			return -1;
		}
		if (next != y + 1)
			return -1;
		is_plain = 0;
	}
	/* an optional note in brackets: "(OT)" */
	while (*p == ' ')
		p++;
	if (*p == '(') {
		const char *close = strchr(p, ')');
		if (!close)
			return -1;
		p = close + 1;
		while (*p == ' ')
			p++;
	}
	if (*p)
		return -1;
	*start = y;
	*plain = is_plain;
	return 0;
}

/* A copy of s with runs of blanks made one space (LAIT's texts often have
 * two: "Total Services for Young People  (finance)"). */
static char *squeeze(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	for (; *s; s++)
		if (*s != ' ' || (o > out && o[-1] != ' '))
			*o++ = *s;
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

/* ---- lookups ---- */

const struct jb_lait_indicator *jb_lait_find(const struct jb_lait *l, const char *code)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (strcasecmp(l->ind[i].code, code) == 0)
			return &l->ind[i];
	return NULL;
}

const struct jb_lait_dict *jb_lait_dict_of(const struct jb_lait *l,
					   const struct jb_lait_indicator *ind)
{
	if (!l || !ind || ind->dict < 0 || (size_t)ind->dict >= l->ndict)
		return NULL;
	return &l->dict[ind->dict];
}

static struct jb_lait_indicator *indicator(struct jb_lait *l, const char *code)
{
	if (!l->codes)
		l->codes = strmap_new();
	int i = strmap_get(l->codes, code);
	if (i >= 0)
		return &l->ind[i];
	strmap_put(l->codes, code, (int)l->n);
	l->ind = xgrow(l->ind, &l->cap, l->n + 1, sizeof *l->ind);
	struct jb_lait_indicator *ind = &l->ind[l->n++];
	memset(ind, 0, sizeof *ind);
	ind->code = xstrdup(code);
	ind->dict = -1;
	return ind;
}

/* Index of the year labelled label, added when new (start settled later). */
static int year_index(struct jb_lait *l, struct jb_lait_indicator *ind, const char *label,
		      int start)
{
	if (!l->years)
		l->years = strmap_new();
	char *key = xasprintf("%td:%s", ind - l->ind, label);
	int i = strmap_get(l->years, key);
	if (i < 0)
		strmap_put(l->years, key, (int)ind->nyears);
	free(key);
	if (i >= 0)
		return i;
	ind->years = xgrow(ind->years, &ind->capyears, ind->nyears + 1, sizeof *ind->years);
	ind->years[ind->nyears] = (struct jb_lait_year){start, xstrdup(label)};
	return (int)ind->nyears++;
}

/* ---- the long table ---- */

struct table {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_code, c_item, c_year, c_area, c_value;
};

/* The LAIT area of a name: a borough, London, England; -1 for an area
 * deliberately not used (City of London, Inner/Outer London), -2 for a
 * name that is none of these. */
static int lait_area(const char *name)
{
	int b = jb_borough_by_name(name);
	if (b >= 0)
		return b;
	if (strcasecmp(name, "London") == 0)
		return JB_LONDON;
	if (strcasecmp(name, "England") == 0)
		return JB_ENGLAND;
	if (strcasecmp(name, "City of London") == 0 || strcasecmp(name, "Inner London") == 0 ||
	    strcasecmp(name, "Outer London") == 0)
		return -1;
	return -2;
}

static int on_table_row(struct jb_csv *t, void *ctx)
{
	struct table *T = ctx;
	struct jb_lait *l = &T->ds->youth->lait;
	long line = jb_csv_line(t);
	const char *code = jb_csv_get(t, T->c_code);
	if (!*code) {
		jb_reject(T->src, line, jb_csv_name(t, T->c_code), "blank", NULL);
		return 0;
	}
	/* LAIT's way of saying "not published" (suppressed, not collected):
	 * a valid row without a value, counted but not reported as an error. */
	const char *value = jb_csv_get(t, T->c_value);
	int unpublished = !*value || strcmp(value, "-") == 0;
	const char *label = jb_csv_get(t, T->c_year);
	int start, plain;
	if (unpublished && jb_lait_parse_year(label, &start, &plain) != 0) {
		jb_set_aside(T->src, line, "column 'Values': not published (blank or '-')");
		return 0;
	}
	if (jb_lait_parse_year(label, &start, &plain) != 0) {
		jb_reject(T->src, line, jb_csv_name(t, T->c_year),
			  "not a year (2023, 2022/23 or 2022-23 (OT))", label);
		return 0;
	}
	const char *name = jb_csv_get(t, T->c_area);
	int area = lait_area(name);
	if (area == -2) {
		jb_reject(T->src, line, jb_csv_name(t, T->c_area),
			  "not a London borough, London or England", name);
		return 0;
	}
	/* Data item: carried forward within the indicator. */
	struct jb_lait_indicator *ind = indicator(l, code);
	char *item = squeeze(jb_csv_get(t, T->c_item));
	if (*item) {
		if (!ind->item) {
			ind->item = item;
			item = NULL;
		} else if (strcmp(ind->item, item) != 0) {
			jb_reject(T->src, line, jb_csv_name(t, T->c_item),
				  "differs from the indicator's first Data item", item);
			free(item);
			return 0;
		}
	}
	free(item);
	if (area == -1) {
		jb_set_aside(T->src, line, "City of London, Inner or Outer London: not used");
		return 0;
	}
	/* The year is registered even when its value is not published, so a
	 * year nobody has (2019/20 absence) shows as a gap. */
	int y = year_index(l, ind, label, start);
	(void)plain;
	if (unpublished) {
		jb_set_aside(T->src, line, "column 'Values': not published (blank or '-')");
		return 0;
	}
	const char *s = jb_csv_get(t, T->c_value);
	double v;
	if (jb_parse_number(s, &v) != 0) {
		jb_reject(T->src, line, jb_csv_name(t, T->c_value), "not a number", s);
		return 0;
	}
	if (fabs(v) > JB_INDICATOR_MAX) {
		jb_reject(T->src, line, jb_csv_name(t, T->c_value),
			  "beyond a billion (not plausible)", s);
		return 0;
	}
	char cell[64];
	snprintf(cell, sizeof cell, "%td:%d:%d", ind - l->ind, area, y);
	if (!l->cells)
		l->cells = strmap_new();
	int seen = strmap_get(l->cells, cell);
	if (seen >= 0) {
		char first[32];
		snprintf(first, sizeof first, "first at line %ld", ind->vals[seen].line);
		jb_reject(T->src, line, NULL, "duplicate indicator, year and area", first);
		return 0;
	}
	strmap_put(l->cells, cell, (int)ind->nvals);
	ind->vals = xgrow(ind->vals, &ind->capvals, ind->nvals + 1, sizeof *ind->vals);
	ind->vals[ind->nvals++] = (struct jb_lait_value){area, y, v, line};
	T->src->kept++;
	return 0;
}

static int read_table(struct jb_dataset *ds, struct jb_csv *t, const char *rel)
{
	struct table T = {.ds = ds};
	const struct jb_csv_want want[] = {
		{"Short Desc", &T.c_code, "Short Desc"},
		{"Data item", &T.c_item, NULL},
		{"Years|Year", &T.c_year, "Years"},
		{"LA and Regions|LA|Area", &T.c_area, "LA and Regions"},
		{"Values|Value", &T.c_value, "Values"},
	};
	const char *missing = jb_csv_cols(t, want, sizeof want / sizeof want[0]);
	if (missing)
		return jb_source_unusable(ds, rel, table_kind, 1, missing,
					  "required column missing", NULL);
	T.src = jb_source_add(&ds->sources, rel, table_kind);
	jb_csv_each(t, T.src, on_table_row, &T);
	if (T.src->kept)
		ds->youth->lait.has_table = 1;
	if (T.src->cut_short)
		ds->youth->lait.cut_short = T.src->path;
	return 0;
}

/* ---- the dictionary ---- */

struct dict {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_code, c_topic, c_measure, c_title, c_pol, c_units, c_year_type, c_dps;
};

static char *opt_string(struct jb_csv *t, int col)
{
	const char *s = jb_csv_get(t, col);
	return *s && strcmp(s, "NA") != 0 ? squeeze(s) : NULL;
}

static int on_dict_row(struct jb_csv *t, void *ctx)
{
	struct dict *D = ctx;
	struct jb_lait *l = &D->ds->youth->lait;
	long line = jb_csv_line(t);
	const char *code = jb_csv_get(t, D->c_code);
	if (!*code) {
		jb_reject(D->src, line, jb_csv_name(t, D->c_code), "blank", NULL);
		return 0;
	}
	const char *pol = jb_csv_get(t, D->c_pol);
	enum jb_polarity polarity;
	if (strcasecmp(pol, "Low") == 0)
		polarity = JB_POL_LOW_GOOD;
	else if (strcasecmp(pol, "High") == 0)
		polarity = JB_POL_HIGH_GOOD;
	else if (!*pol || strcmp(pol, "-") == 0 || strcasecmp(pol, "NA") == 0)
		polarity = JB_POL_NONE;
	else {
		jb_reject(D->src, line, jb_csv_name(t, D->c_pol), "not Low, High, - or NA", pol);
		return 0;
	}
	const char *dps = jb_csv_get(t, D->c_dps);
	long decimals = -1;
	if (*dps && strcasecmp(dps, "NA") != 0 && (jb_parse_count(dps, &decimals) != 0 || decimals > 6)) {
		jb_reject(D->src, line, jb_csv_name(t, D->c_dps), "not a number of decimals 0..6",
			  dps);
		return 0;
	}
	if (!l->dicts)
		l->dicts = strmap_new();
	if (strmap_get(l->dicts, code) >= 0) {
		jb_set_aside(D->src, line, "measure listed again (the first entry is used)");
		return 0;
	}
	strmap_put(l->dicts, code, (int)l->ndict);
	l->dict = xgrow(l->dict, &l->capdict, l->ndict + 1, sizeof *l->dict);
	l->dict[l->ndict++] = (struct jb_lait_dict){
		.code = xstrdup(code),
		.topic = opt_string(t, D->c_topic),
		.measure = opt_string(t, D->c_measure),
		.title = opt_string(t, D->c_title),
		.units = opt_string(t, D->c_units),
		.year_type = opt_string(t, D->c_year_type),
		.polarity = polarity,
		.decimals = (int)decimals,
	};
	D->src->kept++;
	return 0;
}

static int read_dict(struct jb_dataset *ds, struct jb_csv *t, const char *rel)
{
	struct dict D = {.ds = ds};
	D.c_code = jb_csv_col(t, "Measure_short");
	D.c_topic = jb_csv_col(t, "Topic");
	D.c_measure = jb_csv_col(t, "Measure");
	D.c_title = jb_csv_col(t, "Chart_title");
	D.c_pol = jb_csv_col(t, "Polarity");
	D.c_units = jb_csv_col(t, "y_axis_name");
	D.c_year_type = jb_csv_col(t, "Year_Type");
	D.c_dps = jb_csv_col(t, "dps");
	if (D.c_pol < 0)
		return jb_source_unusable(ds, rel, dict_kind, 1, "Polarity",
					  "required column missing", NULL);
	D.src = jb_source_add(&ds->sources, rel, dict_kind);
	jb_csv_each(t, D.src, on_dict_row, &D);
	if (D.src->kept)
		ds->youth->lait.has_dict = 1;
	return 0;
}

int jb_read_education_youth(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, "education and youth", 0, NULL, err, NULL);
	int rc;
	if (jb_csv_col(t, "Measure_short") >= 0)
		rc = read_dict(ds, t, rel);
	else if (jb_csv_col(t, "Short Desc") >= 0)
		rc = read_table(ds, t, rel);
	else
		rc = jb_source_unusable(ds, rel, "education and youth", 1, NULL,
					"header not recognised",
					"expected the DfE LAIT long table (Short Desc, Data item, "
					"Years, LA and Regions, Values) or its data dictionary "
					"(Measure_short, Polarity...)");
	jb_csv_close(t);
	return rc;
}

/* ---- finishing ---- */

/* LAIT labels academic- and financial-year measures by the year they end
 * in when it writes a plain year. */
static int ends_in_label_year(const char *year_type)
{
	return year_type && (strncasecmp(year_type, "Academic", 8) == 0 ||
			     strncasecmp(year_type, "Financial", 9) == 0);
}

struct year_sort {
	struct jb_lait_year y;
	int old;
};

static int by_start(const void *a, const void *b)
{
	const struct year_sort *x = a, *y = b;
	if (x->y.start != y->y.start)
		return x->y.start < y->y.start ? -1 : 1;
	return strcmp(x->y.label, y->y.label);
}

void jb_lait_finish(struct jb_lait *l)
{
	strmap_free(l->codes);
	strmap_free(l->cells);
	strmap_free(l->years);
	l->codes = l->cells = l->years = NULL;
	for (size_t i = 0; i < l->n; i++) {
		struct jb_lait_indicator *ind = &l->ind[i];
		ind->dict = l->dicts ? strmap_get(l->dicts, ind->code) : -1;
		const struct jb_lait_dict *dict = jb_lait_dict_of(l, ind);
		int shift = dict && ends_in_label_year(dict->year_type);
		for (size_t y = 0; y < ind->nyears; y++) {
			int start, plain;
			if (jb_lait_parse_year(ind->years[y].label, &start, &plain) == 0)
				ind->years[y].start = plain && shift ? start - 1 : start;
		}
		/* Sort the years and renumber the values. */
		size_t ny = ind->nyears;
		struct year_sort *ys = xmalloc((ny ? ny : 1) * sizeof *ys);
		int *newpos = xmalloc((ny ? ny : 1) * sizeof *newpos);
		for (size_t y = 0; y < ny; y++)
			ys[y] = (struct year_sort){ind->years[y], (int)y};
		qsort(ys, ny, sizeof *ys, by_start);
		for (size_t k = 0; k < ny; k++) {
			ind->years[k] = ys[k].y;
			newpos[ys[k].old] = (int)k;
		}
		for (size_t k = 0; k < ind->nvals; k++)
			ind->vals[k].year = newpos[ind->vals[k].year];
		free(ys);
		free(newpos);
		free(ind->v);
		ind->v = xmalloc((size_t)JB_LAIT_AREAS * (ny ? ny : 1) * sizeof *ind->v);
		for (size_t k = 0; k < (size_t)JB_LAIT_AREAS * ny; k++)
			ind->v[k] = NAN;
		for (size_t k = 0; k < ind->nvals; k++)
			ind->v[(size_t)ind->vals[k].area * ny + (size_t)ind->vals[k].year] =
				ind->vals[k].v;
	}	strmap_free(l->dicts);
	l->dicts = NULL;
}
