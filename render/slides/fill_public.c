/* render/slides/fill_public.c - see fill_public.h. */
#include "fill_public.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fill_context.h"

#define FILL_PUBLIC_FN(name) \
	static void name(const struct fill_ctx *c, const struct jb_area_findings *a, char *b, \
			 size_t n)

void fmt_share(double v, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, "–");
		return;
	}
	snprintf(buf, n, "%.0f%%", round(v * 100));
}

void fmt_points(double d, char *buf, size_t n)
{
	if (!isfinite(d)) {
		snprintf(buf, n, "–");
		return;
	}
	double pts = round(d * 100);
	if (pts == 0) {
		snprintf(buf, n, "no change");
		return;
	}
	char num[32];
	fmt_dec(pts, 0, num, sizeof num);
	snprintf(buf, n, "%s%s point%s", pts > 0 ? "+" : "", num, fabs(pts) == 1 ? "" : "s");
}

void fmt_years(int first, int last, char *buf, size_t n)
{
	if (first == last)
		snprintf(buf, n, "%d", first);
	else
		snprintf(buf, n, "%d to %d", first, last); /* GOV.UK style */
}

/* ---- public confidence ---- */

static const struct jb_confidence *conf(const struct fill_ctx *c)
{
	const struct jb_confidence *k = c->f->confidence;
	return k && k->ok ? k : NULL;
}

static const struct jb_conf_measure *good_job(const struct fill_ctx *c)
{
	const struct jb_confidence *k = conf(c);
	return k && k->good_job >= 0 ? &k->m[k->good_job] : NULL;
}

/* A measure's name for a sentence: its straight quotes made typographic
 * ("Good Job" local -> “Good Job” local). */
static void measure_label(const char *name, char *b, size_t n)
{
	size_t o = 0;
	int open = 1;
	for (const char *s = name; *s && o + 4 < n; s++) {
		if (*s == '"') {
			memcpy(b + o, open ? "\xe2\x80\x9c" : "\xe2\x80\x9d", 3);
			o += 3;
			open = !open;
		} else {
			b[o++] = *s;
		}
	}
	b[o] = '\0';
}

/* The boroughs sharing the highest value of m (or the lowest, when
 * lowest), "Croydon and Waltham Forest", in the ranking's order. */
static void tied(const struct jb_conf_measure *m, int lowest, char *b, size_t n)
{
	const int *rank = lowest ? m->low_rank : m->rank;
	int at[JB_NBOROUGHS], k = 0;
	for (int i = 0; i < m->nranked; i++)
		if (rank[m->order[i]] == 1)
			at[k++] = m->order[i];
	size_t o = 0;
	b[0] = '\0';
	for (int i = 0; i < k && o < n; i++)
		o += (size_t)snprintf(b + o, n - o, "%s%s", i == 0 ? "" : i + 1 < k ? ", " : " and ",
				      jb_boroughs[at[i]].name);
}

FILL_PUBLIC_FN(fp_conf_summary)
{
	const struct jb_confidence *k = conf(c);
	if (!k) {
		snprintf(b, n, "No Public Attitudes Survey figures were supplied");
		return;
	}
	const struct jb_conf_measure *gj = good_job(c);
	char name[128], v[16], L[16];
	if (a->index == JB_LONDON) {
		if (!gj || !gj->nranked) {
			snprintf(b, n, "The survey gives no borough figures for the quarter used");
			return;
		}
		char lo[16], hi[16], los[256], his[256];
		measure_label(gj->name, name, sizeof name);
		fmt_share(gj->value[gj->order[0]], hi, sizeof hi);
		fmt_share(gj->value[gj->order[gj->nranked - 1]], lo, sizeof lo);
		fmt_share(gj->value[JB_LONDON], L, sizeof L);
		tied(gj, 1, los, sizeof los);
		tied(gj, 0, his, sizeof his);
		snprintf(b, n, "%s ranges from %s in %s to %s in %s (London %s)", name, lo, los, hi,
			 his, L);
		return;
	}
	const struct jb_conf_area *ca = &k->area[a->index];
	if (ca->headline < 0) {
		snprintf(b, n, "The survey gives no figures for %s in the quarter used", a->name);
		return;
	}
	if (ca->nlevel && !ca->nbelow && !ca->nabove) {
		snprintf(b, n, "%s is level with London on every survey measure, to the point", a->name);
		return;
	}
	const struct jb_conf_measure *m = &k->m[ca->headline];
	measure_label(m->name, name, sizeof name);
	fmt_share(m->value[a->index], v, sizeof v);
	fmt_share(m->value[JB_LONDON], L, sizeof L);
	char pts[32], rank[48], natural[32];
	fmt_dec(fabs(round(ca->gap * 100)), 0, pts, sizeof pts);
	/* read from the nearer end, as every rank in the pack: "3rd lowest" */
	fmt_rank_natural(m->rank[a->index], m->low_rank[a->index], natural, sizeof natural);
	snprintf(rank, sizeof rank, "the %s of the %d", natural, m->nranked);
	snprintf(b, n, "%s is %s point%s %s London on %s: %s against %s, %s", a->name, pts,
		 strcmp(pts, "1") == 0 ? "" : "s", ca->gap < 0 ? "below" : "above", name, v, L, rank);
}

FILL_PUBLIC_FN(fp_conf_period)
{
	(void)a;
	const struct jb_confidence *k = conf(c);
	char m[32];
	fmt_month(k ? k->latest_month : 0, 1, m, sizeof m);
	if (k)
		snprintf(b, n, "the 12 months to %s", m);
	else
		snprintf(b, n, "no survey period");
}

/* "The WHAT ends in MONTH, before this pack's period (to MONTH)TAIL" when
 * the source ends before the period, else empty. */
static void before_period(const struct fill_ctx *c, int older, const char *what, int last,
			  const char *tail, char *b, size_t n)
{
	b[0] = '\0';
	if (!older)
		return;
	char m[32], p[32];
	fmt_month(last, 1, m, sizeof m);
	fmt_month(c->f->period_end, 1, p, sizeof p);
	snprintf(b, n, "The %s ends in %s, before this pack's period (to %s)%s", what, m, p, tail);
}

FILL_PUBLIC_FN(fp_conf_period_note)
{
	(void)a;
	const struct jb_confidence *k = conf(c);
	before_period(c, k && k->older, "survey's latest quarter", k ? k->latest_month : 0, ".", b,
		      n);
}

FILL_PUBLIC_FN(fp_conf_measures)
{
	(void)a;
	const struct jb_confidence *k = conf(c);
	fmt_count(k && k->ok ? (double)(k->nm - k->nleft_out) : NAN, b, n);
}

FILL_PUBLIC_FN(fp_conf_left_out)
{
	(void)a;
	const struct jb_confidence *k = conf(c);
	fmt_count(k && k->ok && k->nleft_out ? (double)k->nleft_out : NAN, b, n);
}

FILL_PUBLIC_FN(fp_conf_gj_value)
{
	const struct jb_conf_measure *gj = good_job(c);
	fmt_share(gj ? gj->value[a->index] : NAN, b, n);
}

FILL_PUBLIC_FN(fp_conf_gj_london)
{
	(void)a;
	const struct jb_conf_measure *gj = good_job(c);
	fmt_share(gj ? gj->value[JB_LONDON] : NAN, b, n);
}

FILL_PUBLIC_FN(fp_conf_gj_rank)
{
	const struct jb_conf_measure *gj = good_job(c);
	int in = gj && a->index < JB_NBOROUGHS;
	fmt_rank_natural(in ? gj->rank[a->index] : 0, in ? gj->low_rank[a->index] : 0, b, n);
}

FILL_PUBLIC_FN(fp_conf_gj_change)
{
	const struct jb_conf_measure *gj = good_job(c);
	fmt_points(gj ? gj->change[a->index] : NAN, b, n);
}

static void gj_end(const struct fill_ctx *c, int last, char *b, size_t n)
{
	const struct jb_conf_measure *gj = good_job(c);
	if (!gj || !gj->nranked) {
		snprintf(b, n, "–");
		return;
	}
	char v[16], names[256];
	fmt_share(gj->value[gj->order[last ? gj->nranked - 1 : 0]], v, sizeof v);
	tied(gj, last, names, sizeof names);
	snprintf(b, n, "%s (%s)", names, v);
}

FILL_PUBLIC_FN(fp_conf_gj_top)
{
	(void)a;
	gj_end(c, 0, b, n);
}

FILL_PUBLIC_FN(fp_conf_gj_bottom)
{
	(void)a;
	gj_end(c, 1, b, n);
}

/* ---- homicide ---- */

/* Homicide figures have no value in a theme that does not count homicide,
 * so its wordings (and the shared pack's homicide tile) give way. */
static const struct jb_homicide_findings *hom(const struct fill_ctx *c)
{
	const struct jb_homicide_findings *h = c->f->homicide;
	return h && h->ok && c->f->theme->homicide ? h : NULL;
}

static void window(const struct fill_ctx *c, int first, int last, char *b, size_t n)
{
	if (!hom(c))
		snprintf(b, n, "no homicide data");
	else
		fmt_years(first, last, b, n);
}

FILL_PUBLIC_FN(fp_hom_span)
{
	(void)a;
	const struct jb_homicide_findings *h = hom(c);
	window(c, h ? h->first_year : 0, h ? h->last_year : 0, b, n);
}

FILL_PUBLIC_FN(fp_hom_last3)
{
	(void)a;
	const struct jb_homicide_findings *h = hom(c);
	window(c, h ? h->window_first[JB_HOM_LAST3] : 0, h ? h->last_year : 0, b, n);
}

FILL_PUBLIC_FN(fp_hom_prev3)
{
	(void)a;
	const struct jb_homicide_findings *h = hom(c);
	window(c, h ? h->last_year - 5 : 0, h ? h->last_year - 3 : 0, b, n);
}

FILL_PUBLIC_FN(fp_hom_last5)
{
	(void)a;
	const struct jb_homicide_findings *h = hom(c);
	window(c, h ? h->window_first[JB_HOM_LAST5] : 0, h ? h->last_year : 0, b, n);
}

static const struct jb_hom_area *hom_area(const struct fill_ctx *c, const struct jb_area_findings *a)
{
	const struct jb_homicide_findings *h = hom(c);
	return h ? &h->area[a->index] : NULL;
}

static void hom_total(const struct fill_ctx *c, const struct jb_area_findings *a, int m, int w,
		      char *b, size_t n)
{
	const struct jb_hom_area *ha = hom_area(c, a);
	fmt_count(ha ? ha->total[m][w] : NAN, b, n);
}

static void hom_rate(const struct fill_ctx *c, int area, int m, char *b, size_t n)
{
	const struct jb_homicide_findings *h = hom(c);
	fmt_dec(h ? h->area[area].rate[m][JB_HOM_LAST5] : NAN, 1, b, n);
}

static void hom_rank(const struct fill_ctx *c, const struct jb_area_findings *a, int m, char *b,
		     size_t n)
{
	const struct jb_hom_area *ha = hom_area(c, a);
	int in = ha && a->index < JB_NBOROUGHS;
	fmt_rank_natural(in ? ha->rank[m][JB_HOM_LAST5] : 0, in ? ha->rank_low[m][JB_HOM_LAST5] : 0, b, n);
}

FILL_PUBLIC_FN(fp_hom_count3) { hom_total(c, a, JB_HOM_ALL, JB_HOM_LAST3, b, n); }
FILL_PUBLIC_FN(fp_hom_youth3) { hom_total(c, a, JB_HOM_YOUTH, JB_HOM_LAST3, b, n); }
FILL_PUBLIC_FN(fp_hom_knife3) { hom_total(c, a, JB_HOM_KNIFE, JB_HOM_LAST3, b, n); }
FILL_PUBLIC_FN(fp_hom_rate5) { hom_rate(c, a->index, JB_HOM_ALL, b, n); }
FILL_PUBLIC_FN(fp_hom_youth_rate5) { hom_rate(c, a->index, JB_HOM_YOUTH, b, n); }
FILL_PUBLIC_FN(fp_hom_london_rate5) { (void)a; hom_rate(c, JB_LONDON, JB_HOM_ALL, b, n); }
FILL_PUBLIC_FN(fp_hom_london_youth_rate5) { (void)a; hom_rate(c, JB_LONDON, JB_HOM_YOUTH, b, n); }
FILL_PUBLIC_FN(fp_hom_rank5) { hom_rank(c, a, JB_HOM_ALL, b, n); }
FILL_PUBLIC_FN(fp_hom_youth_rank5) { hom_rank(c, a, JB_HOM_YOUTH, b, n); }

static const char *victims(double v)
{
	return v == 1 ? "victim" : "victims";
}

/* The last 3 years against the 3 before, in words. */
static void compare(const struct fill_ctx *c, const struct jb_area_findings *a, int m, char *b,
		    size_t n)
{
	const struct jb_homicide_findings *h = hom(c);
	const struct jb_hom_compare *k = h ? &h->area[a->index].cmp[m] : NULL;
	if (!k || !k->ok) {
		snprintf(b, n, "the file has too few years to compare the last 3 with the 3 before");
		return;
	}
	char last[32], prev[32], x[32], y[32];
	fmt_years(h->last_year - 2, h->last_year, last, sizeof last);
	fmt_years(h->last_year - 5, h->last_year - 3, prev, sizeof prev);
	fmt_count(k->a, x, sizeof x);
	fmt_count(k->b, y, sizeof y);
	int o = snprintf(b, n, "%s %s in %s against %s in %s", x, victims(k->a), last, y, prev);
	if (o < 0 || (size_t)o >= n)
		return;
	if (k->too_small) {
		snprintf(b + o, n - (size_t)o, ": too few to compare");
		return;
	}
	char pct[32], p[32];
	fmt_signed_pct(k->pct, pct, sizeof pct);
	fmt_p(k->p, p, sizeof p);
	snprintf(b + o, n - (size_t)o, "%s%s%s: %s (exact Poisson test, %s)", isfinite(k->pct) ? " (" : "",
		 isfinite(k->pct) ? pct : "", isfinite(k->pct) ? ")" : "",
		 k->significant ? "a significant change" : "within normal variation", p);
}

FILL_PUBLIC_FN(fp_hom_compare) { compare(c, a, JB_HOM_ALL, b, n); }
FILL_PUBLIC_FN(fp_hom_youth_compare) { compare(c, a, JB_HOM_YOUTH, b, n); }

FILL_PUBLIC_FN(fp_hom_summary)
{
	const struct jb_homicide_findings *h = hom(c);
	if (!h) {
		snprintf(b, n, "No homicide victims file was supplied");
		return;
	}
	const struct jb_hom_area *ha = &h->area[a->index];
	char years[32], all[32], y[32], k[32];
	fmt_years(h->window_first[JB_HOM_LAST3], h->last_year, years, sizeof years);
	double tot = ha->total[JB_HOM_ALL][JB_HOM_LAST3];
	fmt_count(tot, all, sizeof all);
	fmt_count(ha->total[JB_HOM_YOUTH][JB_HOM_LAST3], y, sizeof y);
	fmt_count(ha->total[JB_HOM_KNIFE][JB_HOM_LAST3], k, sizeof k);
	if (tot == 0)
		snprintf(b, n, "No homicide victims were recorded in %s in %s", a->name, years);
	else
		snprintf(b, n, "%s homicide %s in %s in %s: %s aged 13-24, %s killed with a knife or sharp instrument",
			 all, victims(tot), a->name, years, y, k);
}

FILL_PUBLIC_FN(fp_hom_data_note)
{
	(void)a;
	const struct jb_homicide_findings *h = hom(c);
	if (h && h->cut_short) {
		snprintf(b, n, "The homicide file is cut short in %d (its last row is incomplete), "
			 "so its years end with %d.", jb_month_year(h->data_last_month),
			 h->last_year);
		return;
	}
	before_period(c, h && h->before_period, "homicide file", h ? h->data_last_month : 0,
		      ": its years are its own.", b, n);
}

static const struct fill_key keys[] = {
	{"conf_summary", fp_conf_summary, "the clearest survey finding, \"Hackney is 7 points below London on ...\""},
	{"conf_period", fp_conf_period, "the survey's quarter used, \"the 12 months to December 2023\""},
	{"conf_period_note", fp_conf_period_note, "says when that quarter ends before the pack's period, else empty"},
	{"conf_measures", fp_conf_measures, "the survey measures shown, with London and all 32 boroughs at that quarter"},
	{"conf_left_out", fp_conf_left_out, "the measures left out, without all 32 boroughs at that quarter (a file cut short); none when 0"},
	{"conf_gj_value", fp_conf_gj_value, "\"Good Job\" local: the borough's share, \"47%\""},
	{"conf_gj_london", fp_conf_gj_london, "\"Good Job\" local: London's share"},
	{"conf_gj_rank", fp_conf_gj_rank, "\"Good Job\" local: rank of 32 from the nearer end, \"3rd highest\", \"2nd lowest\""},
	{"conf_gj_change", fp_conf_gj_change, "\"Good Job\" local: change on four quarters before, in points"},
	{"conf_gj_top", fp_conf_gj_top, "\"Good Job\" local: the highest borough and its share"},
	{"conf_gj_bottom", fp_conf_gj_bottom, "\"Good Job\" local: the lowest borough and its share"},
	{"hom_span", fp_hom_span, "the homicide file's complete years, \"2003–2023\""},
	{"hom_last3", fp_hom_last3, "its last 3 years, \"2021–2023\""},
	{"hom_prev3", fp_hom_prev3, "the 3 years before them"},
	{"hom_last5", fp_hom_last5, "its last 5 years"},
	{"hom_count3", fp_hom_count3, "homicide victims, last 3 years"},
	{"hom_youth3", fp_hom_youth3, "victims aged 13-24, last 3 years"},
	{"hom_knife3", fp_hom_knife3, "victims of knife or sharp-instrument homicide, last 3 years"},
	{"hom_rate5", fp_hom_rate5, "victims a year per 100,000 residents, last 5 years"},
	{"hom_rank5", fp_hom_rank5, "its rank of 32 from the nearer end, \"3rd highest\", \"2nd lowest\""},
	{"hom_london_rate5", fp_hom_london_rate5, "London's rate, last 5 years"},
	{"hom_youth_rate5", fp_hom_youth_rate5, "victims aged 13-24 a year per 100,000 aged 10-24, last 5 years"},
	{"hom_youth_rank5", fp_hom_youth_rank5, "its rank of 32"},
	{"hom_london_youth_rate5", fp_hom_london_youth_rate5, "London's youth rate, last 5 years"},
	{"hom_compare", fp_hom_compare, "last 3 years against the 3 before, exact Poisson test, in words"},
	{"hom_youth_compare", fp_hom_youth_compare, "the same for victims aged 13-24"},
	{"hom_summary", fp_hom_summary, "\"12 homicide victims in 2021–2023, 5 of them aged 13-24\""},
	{"hom_data_note", fp_hom_data_note, "says when the homicide file ends before the pack's period, else empty"},
};
const struct fill_group fill_public_keys = FILL_GROUP(keys);
