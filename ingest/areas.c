/* ingest/areas.c - the 32 boroughs and the area registries (LSOA, ward,
 * crime category).
 *
 * The borough table is reference data (names and GSS codes as published by
 * ONS for the 2022 local authority districts), not results. "inner" follows
 * the ONS statistical definition of Inner London.
 */
#include "dataset.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"

const struct jb_borough_ref jb_boroughs[JB_NBOROUGHS] = {
	{"E09000002", "Barking and Dagenham", "barking-and-dagenham", 0},
	{"E09000003", "Barnet", "barnet", 0},
	{"E09000004", "Bexley", "bexley", 0},
	{"E09000005", "Brent", "brent", 0},
	{"E09000006", "Bromley", "bromley", 0},
	{"E09000007", "Camden", "camden", 1},
	{"E09000008", "Croydon", "croydon", 0},
	{"E09000009", "Ealing", "ealing", 0},
	{"E09000010", "Enfield", "enfield", 0},
	{"E09000011", "Greenwich", "greenwich", 0},
	{"E09000012", "Hackney", "hackney", 1},
	{"E09000013", "Hammersmith and Fulham", "hammersmith-and-fulham", 1},
	{"E09000014", "Haringey", "haringey", 1},
	{"E09000015", "Harrow", "harrow", 0},
	{"E09000016", "Havering", "havering", 0},
	{"E09000017", "Hillingdon", "hillingdon", 0},
	{"E09000018", "Hounslow", "hounslow", 0},
	{"E09000019", "Islington", "islington", 1},
	{"E09000020", "Kensington and Chelsea", "kensington-and-chelsea", 1},
	{"E09000021", "Kingston upon Thames", "kingston-upon-thames", 0},
	{"E09000022", "Lambeth", "lambeth", 1},
	{"E09000023", "Lewisham", "lewisham", 1},
	{"E09000024", "Merton", "merton", 0},
	{"E09000025", "Newham", "newham", 1},
	{"E09000026", "Redbridge", "redbridge", 0},
	{"E09000027", "Richmond upon Thames", "richmond-upon-thames", 0},
	{"E09000028", "Southwark", "southwark", 1},
	{"E09000029", "Sutton", "sutton", 0},
	{"E09000030", "Tower Hamlets", "tower-hamlets", 1},
	{"E09000031", "Waltham Forest", "waltham-forest", 0},
	{"E09000032", "Wandsworth", "wandsworth", 1},
	{"E09000033", "Westminster", "westminster", 1},
};

const char *const jb_domain_names[JB_NDOMAINS] = {
	"Income", "Employment", "Education, skills and training",
	"Health and disability", "Crime", "Barriers to housing and services",
	"Living environment",
};

int jb_borough_by_code(const char *gss)
{
	if (!gss)
		return -1;
	while (isspace((unsigned char)*gss))
		gss++;
	for (int i = 0; i < JB_NBOROUGHS; i++)
		if (strncasecmp(gss, jb_boroughs[i].code, 9) == 0 &&
		    (gss[9] == '\0' || isspace((unsigned char)gss[9])))
			return i;
	return -1;
}

/* Fold a name to lower-case letters and digits only, with "&" read as
 * "and": "Hammersmith & Fulham" and "hammersmith and fulham" both become
 * "hammersmithandfulham". */
static void fold(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; *s && n + 4 < cap; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&') {
			memcpy(out + n, "and", 3);
			n += 3;
		} else if (isalnum(c)) {
			out[n++] = (char)tolower(c);
		}
	}
	out[n] = '\0';
}

/* Whether s folds to want: fold() compared as it goes, without a buffer,
 * so that a look-up among the 32 names stops at the first letter for most
 * (it runs for every row of some files). s is shorter than fold's cap. */
static int folds_to(const char *s, const char *want)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&') {
			if (strncmp(want, "and", 3) != 0)
				return 0;
			want += 3;
		} else if (isalnum(c) && *want++ != (char)tolower(c)) {
			return 0;
		}
	}
	return *want == '\0';
}

int jb_borough_by_name(const char *name)
{
	if (!name)
		return -1;
	char want[128];
	fold(name, want, sizeof want);
	if (!want[0])
		return -1;
	for (int i = 0; i < JB_NBOROUGHS; i++)
		if (folds_to(jb_boroughs[i].name, want))
			return i;
	/* Short forms seen in older releases and other publishers. */
	static const char *const alias[][2] = {
		{"kingston", "Kingston upon Thames"},
		{"richmond", "Richmond upon Thames"},
		{"kensingtonchelsea", "Kensington and Chelsea"},
		{"hammersmithfulham", "Hammersmith and Fulham"},
		{"barkingdagenham", "Barking and Dagenham"},
		{"cityofwestminster", "Westminster"},
	};
	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcmp(want, alias[i][0]) == 0)
			return jb_borough_by_name(alias[i][1]);
	return -1;
}

/* Levenshtein distance of two folded names (both shorter than 128). */
static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(b), row[128];
	for (size_t j = 0; j <= n; j++)
		row[j] = j;
	for (size_t i = 1; a[i - 1]; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= n; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[n];
}

int jb_borough_suggest(const char *name, int *out, int max)
{
	char want[128], have[128];
	fold(name ? name : "", want, sizeof want);
	size_t wn = strlen(want);
	int n = 0;
	for (int i = 0; i < JB_NBOROUGHS && n < max && wn >= 3; i++) {
		fold(jb_boroughs[i].name, have, sizeof have);
		/* "Barking" in "Barking and Dagenham", "Westminster" in "City of
		 * Westminster", or a typing slip (one edit in five letters) */
		if (strstr(have, want) || strstr(want, have) ||
		    edit_distance(want, have) <= (wn / 5 > 1 ? wn / 5 : 1))
			out[n++] = i;
	}
	return n;
}

int jb_borough_lookup(const char *s)
{
	int b = jb_borough_by_code(s);
	return b >= 0 ? b : jb_borough_by_name(s);
}

/* An area code as one identity however a release spells it: surrounding
 * spaces dropped, letters upper case ("e01000006 " is E01000006). Codes
 * longer than the registry holds are kept whole, so they never collide. */
static const char *code_key(const char *code, char *buf, size_t cap)
{
	while (isspace((unsigned char)*code))
		code++;
	size_t n = strlen(code);
	while (n && isspace((unsigned char)code[n - 1]))
		n--;
	if (n >= cap)
		return code;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)toupper((unsigned char)code[i]);
	buf[n] = '\0';
	return buf;
}

int jb_lsoa_find(const struct jb_dataset *ds, const char *code)
{
	char buf[32];
	return ds->lsoa_index ? strmap_get(ds->lsoa_index, code_key(code, buf, sizeof buf)) : -1;
}

int jb_lsoa_intern(struct jb_dataset *ds, const char *code, const char *name, int borough)
{
	char buf[32];
	code = code_key(code, buf, sizeof buf);
	if (!ds->lsoa_index)
		ds->lsoa_index = strmap_new();
	int i = strmap_get(ds->lsoa_index, code);
	if (i < 0) {
		ds->lsoa = xgrow(ds->lsoa, &ds->caplsoa, ds->nlsoa + 1, sizeof *ds->lsoa);
		i = (int)ds->nlsoa++;
		struct jb_lsoa *l = &ds->lsoa[i];
		memset(l, 0, sizeof *l);
		snprintf(l->code, sizeof l->code, "%s", code);
		l->borough = -1;
		strmap_put(ds->lsoa_index, code, i);
	}
	struct jb_lsoa *l = &ds->lsoa[i];
	if (!l->name && name && *name)
		l->name = xstrdup(name);
	if (l->borough < 0 && borough >= 0)
		l->borough = borough;
	return i;
}

int jb_ward_intern(struct jb_dataset *ds, const char *code, const char *name, int borough)
{
	char buf[32];
	code = code_key(code, buf, sizeof buf);
	if (!ds->ward_index)
		ds->ward_index = strmap_new();
	int i = strmap_get(ds->ward_index, code);
	if (i < 0) {
		ds->ward = xgrow(ds->ward, &ds->capward, ds->nward + 1, sizeof *ds->ward);
		i = (int)ds->nward++;
		struct jb_ward *w = &ds->ward[i];
		memset(w, 0, sizeof *w);
		snprintf(w->code, sizeof w->code, "%s", code);
		w->borough = -1;
		strmap_put(ds->ward_index, code, i);
	}
	struct jb_ward *w = &ds->ward[i];
	if (!w->name && name && *name)
		w->name = xstrdup(name);
	if (w->borough < 0 && borough >= 0)
		w->borough = borough;
	return i;
}

/* A category's identity: major and minor folded as names are (case,
 * spacing, punctuation and '&'/"and" ignored), so "Violence with Injury"
 * in one release and "VIOLENCE WITH INJURY" in another are one category
 * and the later file's count replaces the earlier one's. */
static char *category_key(const char *major, const char *minor)
{
	size_t cmaj = 3 * strlen(major) + 5, cmin = 3 * strlen(minor) + 5;
	char *key = xmalloc(cmaj + cmin + 1);
	fold(major, key, cmaj);
	size_t n = strlen(key);
	key[n++] = '\x1f';
	fold(minor, key + n, cmin);
	return key;
}

int jb_category_is(const struct jb_category *c, const char *major, const char *minor)
{
	char *have = category_key(c->major, minor ? c->minor : "");
	char *want = category_key(major, minor ? minor : "");
	int same = strcmp(have, want) == 0;
	free(have);
	free(want);
	return same;
}

int jb_category_intern(struct jb_dataset *ds, const char *major, const char *minor)
{
	if (!ds->category_index)
		ds->category_index = strmap_new();
	char *key = category_key(major, minor);
	int i = strmap_get(ds->category_index, key);
	if (i < 0) {
		ds->categories = xgrow(ds->categories, &ds->capcategories,
				       ds->ncategories + 1, sizeof *ds->categories);
		i = (int)ds->ncategories++;
		ds->categories[i].major = xstrdup(major);
		ds->categories[i].minor = xstrdup(minor);
		strmap_put(ds->category_index, key, i);
	}
	free(key);
	return i;
}
