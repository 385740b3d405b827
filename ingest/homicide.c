/* ingest/homicide.c - MPS homicide victims (the homicide dashboard data, in
 * crime/): Count of Victims, Age Group, Sex, Method of Killing, Domestic
 * Abuse, Recorded Date, Homicide Offence Type, Solved Status, Borough, ...,
 * one row per group of victims.
 *
 * As published: dates "Mon-YY" ("Jan-03" is January 2003), age groups
 * such as "13 to19" (no space) and "65 and over", borough names with '&'
 * and trailing spaces ("Brent "), and a "Heathrow" pseudo-borough, which is
 * set aside and counted like every area outside the 32 boroughs. Count of
 * Victims weights the row. Rows are kept as read: a second file adds its
 * rows (the dashboard is published whole, so one file is the usual case).
 */
#include "readers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/strmap.h"
#include "../util/xalloc.h"
#include "csvtable.h"

static const char kind[] = "MPS homicide victims";

struct hom {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_count, c_age, c_method, c_date, c_borough;
	struct strmap *methods;
};

/* "Jan-03", "Jan-2003", "January 2003" or any form jb_parse_month takes.
 * A two-digit year is 20YY (the dashboard starts in 2003). */
static int parse_mon_yy(const char *s, int *month)
{
	static const char *const mon[12] = {"jan", "feb", "mar", "apr", "may", "jun",
					    "jul", "aug", "sep", "oct", "nov", "dec"};
	if (jb_parse_month(s, month) == 0)
		return 0;
	size_t k = 0;
	while (isalpha((unsigned char)s[k]))
		k++;
	if (k < 3)
		return -1;
	int m = 0;
	while (m < 12 && strncasecmp(s, mon[m], 3) != 0)
		m++;
	const char *y = s + k;
	if (m == 12 || (*y != '-' && *y != ' '))
		return -1;
	y++;
	size_t nd = strspn(y, "0123456789");
	if (y[nd] != '\0' || (nd != 2 && nd != 4))
		return -1;
	int year = atoi(y) + (nd == 2 ? 2000 : 0);
	if (year < 1900 || year > 2999)
		return -1;
	*month = jb_month(year, m + 1);
	return 0;
}

/* "13 to19", "20 to 24", "0-12", "65 and over", "65+": 0 with the bounds;
 * -1 when the group is not a range of ages (blank, "Not known"). */
static int parse_age_group(const char *s, int *lo, int *hi)
{
	int a, b, n = 0;
	if (sscanf(s, "%d to%d%n", &a, &b, &n) == 2 || sscanf(s, "%d -%d%n", &a, &b, &n) == 2) {
		if (s[n] != '\0' || a < 0 || b < a || b > JB_MAXAGE)
			return -1;
		*lo = a;
		*hi = b;
		return 0;
	}
	if (sscanf(s, "%d%n", &a, &n) == 1 && a >= 0 && a <= JB_MAXAGE &&
	    (strcasecmp(s + n, " and over") == 0 || strcmp(s + n, "+") == 0)) {
		*lo = a;
		*hi = JB_MAXAGE;
		return 0;
	}
	return -1;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct hom *d = ctx;
	long line = jb_csv_line(t);
	const char *s = jb_csv_get(t, d->c_borough);
	int b = jb_borough_by_name(s);
	if (b < 0) {
		if (!*s) {
			jb_reject(d->src, line, jb_csv_name(t, d->c_borough), "empty", NULL);
		} else {
			char *why = xasprintf("outside the 32 boroughs: %s", s);
			jb_set_aside(d->src, line, why);
			free(why);
		}
		return 0;
	}
	int month;
	s = jb_csv_get(t, d->c_date);
	if (parse_mon_yy(s, &month) < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_date), "not a month (Mon-YY)", s);
		return 0;
	}
	long victims;
	s = jb_csv_get(t, d->c_count);
	if (jb_parse_count(s, &victims) < 0) {
		jb_reject(d->src, line, jb_csv_name(t, d->c_count), "not a whole number >= 0", s);
		return 0;
	}
	int lo = -1, hi = -1;
	s = jb_csv_get(t, d->c_age);
	if (*s && parse_age_group(s, &lo, &hi) < 0 && isdigit((unsigned char)*s)) {
		/* a number that is not a range is a mistake; words ("Not
		 * known") are an age not recorded, kept as such */
		jb_reject(d->src, line, jb_csv_name(t, d->c_age), "not an age group", s);
		return 0;
	}
	struct jb_homicides *h = &d->ds->homicide;
	h->rows = xgrow(h->rows, &h->caprows, h->nrows + 1, sizeof *h->rows);
	h->rows[h->nrows++] = (struct jb_homicide){
		b, month, lo, hi, jb_intern_name(&h->methods, &h->nmethods, d->methods, jb_csv_get(t, d->c_method)), (double)victims,
	};
	if (!h->first_month || month < h->first_month)
		h->first_month = month;
	if (month > h->last_month)
		h->last_month = month;
	d->src->kept++;
	return 0;
}

int jb_read_homicide(struct jb_dataset *ds, const char *path, const char *rel)
{
	struct hom d = {.ds = ds};
	const struct jb_csv_want want[] = {
		{"Count of Victims|Victims", &d.c_count, "Count of Victims"},
		{"Age Group", &d.c_age, "Age Group"},
		{"Method of Killing", &d.c_method, "Method of Killing"},
		{"Recorded Date|Month", &d.c_date, "Recorded Date"},
		{"Borough", &d.c_borough, "Borough"},
	};
	struct jb_csv *t = jb_csv_open_source(ds, path, rel, kind, want, sizeof want / sizeof want[0],
					      NULL, &d.src);
	if (!t)
		return -1;
	d.methods = strmap_new();
	for (size_t i = 0; i < ds->homicide.nmethods; i++)
		strmap_put(d.methods, ds->homicide.methods[i], (int)i);
	jb_csv_each(t, d.src, on_row, &d);
	if (d.src->kept)
		ds->has_homicide = 1;
	if (d.src->cut_short)
		ds->homicide.cut_short = 1;
	strmap_free(d.methods);
	jb_csv_close(t);
	return 0;
}
