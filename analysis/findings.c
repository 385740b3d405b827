/* analysis/findings.c - from the dataset and a theme to the findings, part
 * by part (struct jb_part, findings.h): the list below says in which order
 * the parts are made and dumped; each part's row sits beside its code. */
#include "findings.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "areas.h"
#include "confidence.h"
#include "context.h"
#include "drivers.h"
#include "homicide.h"
#include "hotspots.h"
#include "keyfindings.h"
#include "london.h"
#include "wards.h"

/* In the order they are made: each part reads only the parts above it. */
static const struct jb_part *const parts[] = {
	&jb_areas_part,       /* series, change, rates, ranks, similar, LSOA counts */
	&jb_london_part,      /* neighbours, share of London */
	&jb_hotspots_part,    /* LSOA Gi*, emerging hot spots, street points */
	&jb_drivers_part,     /* profile, drivers, attrition */
	&jb_context_part,     /* exclusions, youth services (by hot spots), actions */
	&jb_confidence_part,  /* the Public Attitudes Survey */
	&jb_homicide_part,    /* homicide victims */
	&jb_wards_part,       /* wards ranked */
	&jb_keyfindings_part, /* last: its rules read every part */
};
enum { NPARTS = sizeof parts / sizeof parts[0] };

int jb_theme_has_category(const struct jb_theme *t, const struct jb_category *c)
{
	for (size_t i = 0; i < t->nmps; i++)
		if (jb_category_is(c, t->mps[i].major, t->mps[i].minor))
			return 1;
	return 0;
}

double *jb_theme_counts(const struct jb_crime_table *t, const unsigned char *matched,
			    size_t nareas)
{
	size_t nm = (size_t)t->nmonths;
	double *v = xcalloc(nareas * nm, sizeof *v);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct jb_crime_row *row = &t->rows[r];
		if (!matched[row->cat] || row->area < 0 || (size_t)row->area >= nareas)
			continue;
		double *dst = v + (size_t)row->area * nm;
		for (size_t m = 0; m < nm; m++)
			dst[m] += row->counts[m];
	}
	for (size_t a = 0; a < nareas; a++)
		for (size_t m = 0; m < nm; m++)
			if (!t->covered[m])
				v[a * nm + m] = NAN;
	return v;
}

int jb_last_area(const struct jb_findings *f)
{
	return f->has_group ? JB_GROUP : JB_LONDON;
}

const char *jb_area_gss(const struct jb_findings *f, int area)
{
	return area == JB_GROUP ? NULL : f->area[area].code;
}

int jb_findings_period(const struct jb_findings *f)
{
	return f->has_series ? f->period_end : f->period_asked;
}

enum jb_window_age jb_source_window(int first, int last, int period_end, int *wfirst,
				    int *wlast)
{
	enum jb_window_age age = JB_WINDOW_CURRENT;
	int end = last;
	if (period_end > 0 && period_end < first)
		age = JB_WINDOW_NONE;
	else if (period_end > 0 && period_end <= last)
		end = period_end;
	else if (period_end > 0)
		age = JB_WINDOW_OLDER;
	*wlast = end;
	*wfirst = end - 11 > first ? end - 11 : first;
	return age;
}

struct jb_findings *jb_analyse(const struct jb_dataset *ds, const struct jb_theme *theme,
			       const struct jb_analysis_options *opt)
{
	struct jb_findings *f = xcalloc(1, sizeof *f);
	f->theme = theme;
	f->ds = ds;
	f->period_asked = opt && opt->period_end > 0 ? opt->period_end : 0;
	if (opt && opt->group && opt->group->n > 0) {
		f->has_group = 1;
		f->group = *opt->group;
	}
	for (size_t k = 0; k < NPARTS; k++)
		parts[k]->analyse(ds, f);
	return f;
}

void jb_findings_free(struct jb_findings *f)
{
	if (!f)
		return;
	for (size_t k = NPARTS; k-- > 0;)
		if (parts[k]->free)
			parts[k]->free(f);
	free(f->period_note);
	free(f->period_refused);
	free(f);
}

void jb_findings_dump(const struct jb_findings *f, FILE *out)
{
	for (size_t k = 0; k < NPARTS; k++)
		if (parts[k]->dump)
			parts[k]->dump(f, out);
}

int jb_findings_check(const struct jb_findings *f, FILE *err)
{
	int problems = 0;
	for (size_t k = 0; k < NPARTS; k++)
		if (parts[k]->check)
			problems += parts[k]->check(f, err);
	return problems;
}

void jb_check_problem(struct jb_check *c, const char *fmt, ...)
{
	if (c->err) {
		va_list ap;
		va_start(ap, fmt);
		fprintf(c->err, "jembrief: findings: %s: ", c->part);
		vfprintf(c->err, fmt, ap);
		fputc('\n', c->err);
		va_end(ap);
	}
	c->n++;
}
