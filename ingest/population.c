/* ingest/population.c - population denominators, two formats told apart by
 * their headers:
 *
 *  - ONS mid-year estimates by single year of age (code, name, all_ages,
 *    age_0 .. age_90, 90 meaning 90 and over): one row per area; the 32
 *    boroughs fill ds->pop[b], London (E12000007) fills ds->pop[JB_LONDON],
 *    other areas (England, the City of London...) are set aside. The year
 *    comes from "midYYYY" in the file name (0 when absent). A later file (in
 *    path order) replaces the areas it gives.
 *  - Census 2021 usual residents by LSOA in age bands, long format
 *    (lsoa21_code, age_group, usual_residents): summed into
 *    lsoa[i].residents.
 */
#include "readers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/xalloc.h"
#include "csvtable.h"
#include "limits.h"

#define LONDON_CODE "E12000007"

static const char ons_kind[] = "ONS mid-year population estimates (single year of age)";
static const char census_kind[] = "Census 2021 usual residents by LSOA";

struct pop {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_code, c_name, c_all, c_value;
	int c_age[JB_MAXAGE + 1];
};

/* "ons-mid2020-single-year..." -> 2020; 0 when the name has no midYYYY. */
static int year_from_name(const char *rel)
{
	const char *base = strrchr(rel, '/');
	base = base ? base + 1 : rel;
	for (const char *p = base; (p = strstr(p, "mid")) != NULL; p++)
		if (isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) &&
		    isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]) &&
		    !isdigit((unsigned char)p[7]))
			return atoi(p + 3);
	return 0;
}

/* A number of residents in column col: 0 .. JB_POPULATION_MAX; -1 after a
 * reject. */
static int people(struct jb_source *src, struct jb_csv *t, int col, double *out)
{
	const char *s = jb_csv_get(t, col);
	const char *bad = NULL;
	if (jb_parse_number(s, out) < 0 || *out < 0)
		bad = "not a number >= 0";
	else if (*out > JB_POPULATION_MAX)
		bad = "more than " JB_STR(JB_POPULATION_MAX) " residents (not plausible)";
	if (bad)
		jb_reject(src, jb_csv_line(t), jb_csv_name(t, col), bad, s);
	return bad ? -1 : 0;
}

static int on_ons_row(struct jb_csv *t, void *ctx)
{
	struct pop *p = ctx;
	const char *code = jb_csv_get(t, p->c_code);
	int b = strcasecmp(code, LONDON_CODE) == 0 ? JB_LONDON : jb_borough_by_code(code);
	if (b < 0) {
		jb_set_aside(p->src, jb_csv_line(t), "not London or one of the 32 boroughs");
		return 0;
	}
	struct jb_population pop = {.has = 1};
	if (people(p->src, t, p->c_all, &pop.all_ages) < 0)
		return 0;
	for (int a = 0; a <= JB_MAXAGE; a++)
		if (people(p->src, t, p->c_age[a], &pop.age[a]) < 0)
			return 0;
	p->ds->pop[b] = pop;
	p->src->kept++;
	return 0;
}

static int read_ons(struct jb_dataset *ds, struct jb_csv *t, const char *rel)
{
	struct pop p = {.ds = ds};
	p.c_code = jb_csv_col(t, "code|area_code|geography_code");
	p.c_all = jb_csv_col(t, "all_ages|All ages");
	const char *missing = p.c_code < 0 ? "code" : p.c_all < 0 ? "all_ages" : NULL;
	char name[32];
	for (int a = 0; a <= JB_MAXAGE && !missing; a++) {
		char alias[64];
		snprintf(name, sizeof name, "age_%d", a);
		snprintf(alias, sizeof alias, "age_%d|%d%s", a, a,
			 a == JB_MAXAGE ? "|90+" : "");
		if ((p.c_age[a] = jb_csv_col(t, alias)) < 0)
			missing = name;
	}
	if (missing)
		return jb_source_unusable(ds, rel, ons_kind, 1, missing,
					  "required column missing", NULL);
	p.src = jb_source_add(&ds->sources, rel, ons_kind);
	jb_csv_each(t, p.src, on_ons_row, &p);
	if (p.src->kept)
		ds->pop_year = year_from_name(rel);
	return 0;
}

static int on_census_row(struct jb_csv *t, void *ctx)
{
	struct pop *p = ctx;
	long line = jb_csv_line(t);
	long n;
	const char *s = jb_csv_get(t, p->c_value);
	if (jb_parse_count(s, &n) < 0) {
		jb_reject(p->src, line, jb_csv_name(t, p->c_value),
			  "not a whole number >= 0", s);
		return 0;
	}
	if (n > JB_LSOA_RESIDENTS_MAX) {
		jb_reject(p->src, line, jb_csv_name(t, p->c_value), "more than "
			  JB_STR(JB_LSOA_RESIDENTS_MAX) " residents in an LSOA (not plausible)", s);
		return 0;
	}
	int i = jb_row_lsoa(p->ds, p->src, line, jb_csv_name(t, p->c_code),
			    jb_csv_get(t, p->c_code), jb_csv_get(t, p->c_name), -1);
	if (i < 0)
		return 0;
	p->ds->lsoa[i].residents += (double)n;
	p->src->kept++;
	return 0;
}

static int read_census(struct jb_dataset *ds, struct jb_csv *t, const char *rel)
{
	struct pop p = {.ds = ds};
	p.c_code = jb_csv_col(t, "lsoa21_code|LSOA code|lsoa_code|LSOA code (2021)");
	p.c_name = jb_csv_col(t, "lsoa21_name|LSOA name|lsoa_name|LSOA name (2021)");
	p.c_value = jb_csv_col(t, "usual_residents|observation|count");
	if (p.c_value < 0)
		return jb_source_unusable(ds, rel, census_kind, 1, "usual_residents",
					  "required column missing", NULL);
	p.src = jb_source_add(&ds->sources, rel, census_kind);
	jb_csv_each(t, p.src, on_census_row, &p);
	if (p.src->kept)
		ds->has_census = 1;
	return 0;
}

int jb_read_population(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, "population", 0, NULL, err, NULL);
	int rc;
	if (jb_csv_col(t, "lsoa21_code|LSOA code|lsoa_code|LSOA code (2021)") >= 0)
		rc = read_census(ds, t, rel);
	else if (jb_csv_col(t, "all_ages|All ages") >= 0)
		rc = read_ons(ds, t, rel);
	else
		rc = jb_source_unusable(ds, rel, "population", 1, NULL,
					"header not recognised",
					"expected ONS mid-year (all_ages, age_0..age_90) "
					"or Census 2021 LSOA (lsoa21_code, usual_residents)");
	jb_csv_close(t);
	return rc;
}
