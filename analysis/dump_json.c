/* analysis/dump_json.c - the findings as JSON (--dump-findings
 * --format=json), and the text dump cut to chosen areas
 * (--dump-findings BOROUGH). */
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"

/* JSON has no NaN or infinity: a figure not available is null. */
static json_object *num(double v)
{
	return isfinite(v) ? json_object_new_double(v) : NULL;
}

static json_object *month(int m)
{
	if (m <= 0)
		return NULL;
	char s[16];
	snprintf(s, sizeof s, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
	return json_object_new_string(s);
}

static void put(json_object *o, const char *key, json_object *v)
{
	json_object_object_add(o, key, v);
}

static json_object *change_json(const struct jb_change *c)
{
	if (!c->ok)
		return NULL;
	json_object *o = json_object_new_object();
	put(o, "count_last12", num(c->a));
	put(o, "count_prev12", num(c->b));
	put(o, "change_pct", num(c->pct));
	put(o, "p_value", num(c->p));
	put(o, "wheeler_z", num(c->wheeler_z));
	put(o, "exceptional", json_object_new_boolean(c->exceptional));
	return o;
}

static json_object *trend_json(const struct jb_trend *t)
{
	json_object *o = json_object_new_object();
	put(o, "fitted", json_object_new_boolean(t->ok));
	if (!t->ok) {
		put(o, "why_not", json_object_new_string(t->why));
	} else {
		put(o, "months", json_object_new_int64((int64_t)t->n));
		put(o, "seasonal", json_object_new_boolean(t->seasonal));
		put(o, "annual_change_pct", num(t->annual_pct));
		put(o, "annual_change_ci_low_pct", num(t->annual_lo));
		put(o, "annual_change_ci_high_pct", num(t->annual_hi));
		put(o, "p_value", num(t->p));
		put(o, "overdispersion", num(t->phi));
		put(o, "exceptions", json_object_new_int64((int64_t)t->nexceptions));
	}
	if (t->mk_ok) {
		json_object *mk = json_object_new_object();
		put(mk, "s", num(t->mk.s));
		put(mk, "z", num(t->mk.z));
		put(mk, "p_value", num(t->mk.p));
		put(mk, "tau", num(t->mk.tau));
		put(o, "mann_kendall", mk);
	}
	return o;
}

static json_object *monthly_json(const struct jb_area_findings *a)
{
	json_object *arr = json_object_new_array();
	const struct jb_trend *t = &a->trend;
	for (size_t i = 0; i < a->monthly.n; i++) {
		json_object *m = json_object_new_object();
		put(m, "month", month(a->monthly.first_month + (int)i));
		put(m, "count", num(a->monthly.v[i]));
		put(m, "rolling_12m_mean", num(a->rolling.v[i]));
		if (t->ok && i < t->n) {
			put(m, "fitted", num(t->fitted[i]));
			put(m, "fitted_low", num(t->lower[i]));
			put(m, "fitted_high", num(t->upper[i]));
			put(m, "exception", json_object_new_boolean(t->exception[i]));
		}
		json_object_array_add(arr, m);
	}
	return arr;
}

static json_object *rank(int r)
{
	return r > 0 ? json_object_new_int(r) : NULL;
}

static json_object *area_json(const struct jb_findings *f, const struct jb_area_findings *a)
{
	json_object *o = json_object_new_object();
	int group = a->index == JB_GROUP;
	const char *gss = jb_area_gss(f, a->index);
	put(o, "code", gss ? json_object_new_string(gss) : NULL);
	put(o, "name", json_object_new_string(a->name));
	if (group) {
		json_object *m = json_object_new_array();
		for (int k = 0; k < f->group.n; k++)
			json_object_array_add(m, json_object_new_string(
							 jb_boroughs[f->group.members[k]].code));
		put(o, "members", m);
	}
	put(o, "population", num(a->population > 0 ? a->population : NAN));
	put(o, "aged_10_17", num(a->pop_10_17 > 0 ? a->pop_10_17 : NAN));
	put(o, "change", change_json(&a->change));
	put(o, "rate_per_1000", num(a->rate));
	put(o, "rate_rank", rank(a->rate_rank));
	put(o, "fall_rank", rank(a->fall_rank));
	put(o, "rise_rank", rank(a->rise_rank));
	put(o, "share_of_london_pct", num(a->share_of_london));
	json_object *sim = group ? NULL : json_object_new_array(); /* not made for a group */
	for (int k = 0; sim && k < a->nsimilar; k++)
		json_object_array_add(sim, json_object_new_string(jb_boroughs[a->similar[k]].code));
	put(o, "similar_boroughs", sim);
	if (f->theme->ncompare) { /* the analyst chose some: who, and why each */
		json_object *cmp = group ? NULL : json_object_new_array();
		for (int k = 0; cmp && k < a->ncomparators; k++) {
			json_object *e = json_object_new_object();
			put(e, "code", json_object_new_string(jb_boroughs[a->comparators[k]].code));
			put(e, "why", json_object_new_string(a->comparator_chosen[k] ? "chosen by the analyst"
									   : "most similar"));
			json_object_array_add(cmp, e);
		}
		put(o, "comparators", cmp);
	}
	json_object *dash = json_object_new_array();
	for (size_t k = 0; k < f->theme->ndash && k < 8; k++) {
		json_object *d = json_object_new_object();
		put(d, "measure", json_object_new_string(f->theme->dash_subtypes[k]));
		put(d, "count_last12", num(a->dash_last12[k]));
		put(d, "count_prev12", num(a->dash_prev12[k]));
		put(d, "change_pct", num(a->dash_pct[k]));
		json_object_array_add(dash, d);
	}
	put(o, "dashboard", dash);
	put(o, "lsoa_count_last12", f->has_lsoa && !group ? num(a->lsoa_total12) : NULL);
	json_object *key = json_object_new_array();
	for (size_t k = 0; k < a->key.n; k++)
		json_object_array_add(key, json_object_new_string(jb_rule_names[a->key.rule[k]]));
	put(o, "key_findings", key);
	put(o, "trend", trend_json(&a->trend));
	put(o, "monthly", monthly_json(a));
	return o;
}

void jb_findings_dump_json(const struct jb_findings *f, const unsigned char *keep, FILE *out)
{
	json_object *root = json_object_new_object();
	put(root, "theme", json_object_new_string(f->theme->id));
	put(root, "period_end", month(f->has_series ? f->period_end : 0));
	put(root, "window_first", month(f->has_series ? f->window_first : 0));
	put(root, "lsoa_period_end", month(f->has_lsoa ? f->lsoa_period_end : 0));
	put(root, "population_year", f->pop_year > 0 ? json_object_new_int(f->pop_year) : NULL);
	put(root, "period_note", f->period_note ? json_object_new_string(f->period_note) : NULL);
	json_object *areas = json_object_new_array();
	for (int a = 0; a <= jb_last_area(f); a++)
		if (!keep || keep[a])
			json_object_array_add(areas, area_json(f, &f->area[a]));
	put(root, "areas", areas);
	fputs(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
							   JSON_C_TO_STRING_NOSLASHESCAPE),
	      out);
	fputc('\n', out);
	json_object_put(root);
}

/* The area a dump line is about: the first GSS code of a borough or London
 * among its first three words; -1 for none. */
static int line_area(const char *line)
{
	const char *s = line;
	for (int word = 0; word < 3 && *s; word++) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " \n");
		if (n == 9) {
			char code[10];
			memcpy(code, s, 9);
			code[9] = '\0';
			if (strcmp(code, "E12000007") == 0)
				return JB_LONDON;
			int b = jb_borough_by_code(code);
			if (b >= 0)
				return b;
		}
		s += n;
	}
	return -1;
}

/* The text dump, keeping the London-wide lines and, of the lines about one
 * area (and the indented lines under them), those of the areas kept. */
void jb_findings_dump_areas(const struct jb_findings *f, const unsigned char *keep, FILE *out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		jb_findings_dump(f, out);
		return;
	}
	jb_findings_dump(f, mem);
	fclose(mem);
	int block_kept = 1;
	for (char *line = buf; line && *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
		int a = line_area(line), indented = line[0] == ' ';
		int kept = a >= 0 ? keep[a] : indented ? block_kept : 1;
		if (!indented)
			block_kept = kept;
		if (kept)
			fwrite(line, 1, n, out);
		line += n;
	}
	free(buf);
}
