/* render/summary.c - see summary.h. Numbers are written plainly (no
 * thousands separators, full precision) for reuse in a spreadsheet; an
 * empty field means "not available". */
#include "summary.h"

#include <math.h>
#include <stdio.h>

#include "../analysis/hotspots.h"
#include "../analysis/drivers.h"
#include "../util/atomic.h"
#include "tables_context.h"

/* Summary fields follow the name columns, so each is preceded by a comma. */
static void num(FILE *f, double v, const char *fmt)
{
	fputc(',', f);
	if (isfinite(v))
		fprintf(f, fmt, v);
}

static void month(FILE *f, int m)
{
	fputc(',', f);
	if (m > 0)
		fprintf(f, "%04d-%02d", jb_month_year(m), jb_month_mon(m));
}

/* The profile, drivers and attrition columns (analysis/drivers.h). */
static void drivers_columns(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_drivers *d = f->drivers;
	const struct jb_drivers_area *A = d ? &d->area[area] : NULL;
	int model = A && d->has_model && A->curve.ok, street = A && d->has_street;
	num(out, A ? A->share_d1 : NAN, "%.6f");
	num(out, A ? A->share_d1_2 : NAN, "%.6f");
	num(out, model ? A->curve.rr10 : NAN, "%.6f");
	num(out, model ? A->curve.rr10_lo : NAN, "%.6f");
	num(out, model ? A->curve.rr10_hi : NAN, "%.6f");
	num(out, street ? A->known : NAN, "%.0f");
	num(out, street && A->chisq.ok ? A->chisq.stat : NAN, "%.6f");
	num(out, street && A->chisq.ok ? A->chisq.df : NAN, "%.0f");
	num(out, street && A->chisq.ok ? A->chisq.p : NAN, "%.6g");
	num(out, A ? A->po_last12 : NAN, "%.0f");
	num(out, A ? A->off_last12 : NAN, "%.0f");
	num(out, A ? A->po_rate12 : NAN, "%.6f");
	num(out, A && A->po_rank ? A->po_rank : NAN, "%.0f");
}

static void summary_body(FILE *out, const void *ctx)
{
	const struct jb_findings *f = ctx;
	fputs("code,name,theme,period_end,count_last12,count_prev12,pct_change,p_value,"
	      "wheeler_z,rate_per_1000,rate_rank,fall_rank,rise_rank,trend_annual_pct,"
	      "trend_ci_low,trend_ci_high,trend_p,overdispersion,exceptions,mk_z,mk_p,"
	      "population,aged_10_17,lsoa_period_end,lsoa_count_last12",
	      out);
	for (size_t k = 0; k < f->theme->ndash && k < 8; k++)
		fprintf(out, ",dashboard_%zu_last12,dashboard_%zu_prev12", k + 1, k + 1);
	fputs(",hot_lsoas,hot_lsoas_fdr05,cold_lsoas,persistent_hot_lsoas,intensifying_hot_lsoas",
	      out);
	fputs(",imd_share_decile1,imd_share_decile1_2,drivers_rr_per_10_imd,drivers_rr_low,"
	      "drivers_rr_high,attrition_known,attrition_chisq,attrition_df,attrition_p,"
	      "positive_outcomes_last12,po_offences_last12,positive_outcome_rate,"
	      "positive_outcome_rank",
	      out);
	summary_context_header(out);
	fputc('\n', out);
	for (int i = 0; i <= JB_NBOROUGHS; i++) {
		const struct jb_area_findings *a = &f->area[i];
		const struct jb_change *c = &a->change;
		const struct jb_trend *t = &a->trend;
		fprintf(out, "%s,\"%s\",%s", a->code, a->name, f->theme->id);
		month(out, f->has_series ? f->period_end : 0);
		num(out, c->ok ? c->a : NAN, "%.0f");
		num(out, c->ok ? c->b : NAN, "%.0f");
		num(out, c->ok ? c->pct : NAN, "%.4f");
		num(out, c->ok ? c->p : NAN, "%.6g");
		num(out, c->ok ? c->wheeler_z : NAN, "%.4f");
		num(out, a->rate, "%.4f");
		num(out, a->rate_rank ? a->rate_rank : NAN, "%.0f");
		num(out, a->fall_rank ? a->fall_rank : NAN, "%.0f");
		num(out, a->rise_rank ? a->rise_rank : NAN, "%.0f");
		num(out, t->ok ? t->annual_pct : NAN, "%.4f");
		num(out, t->ok ? t->annual_lo : NAN, "%.4f");
		num(out, t->ok ? t->annual_hi : NAN, "%.4f");
		num(out, t->ok ? t->p : NAN, "%.6g");
		num(out, t->ok ? t->phi : NAN, "%.4f");
		num(out, t->ok ? (double)t->nexceptions : NAN, "%.0f");
		num(out, t->mk_ok ? t->mk.z : NAN, "%.4f");
		num(out, t->mk_ok ? t->mk.p : NAN, "%.6g");
		num(out, a->population > 0 ? a->population : NAN, "%.0f");
		num(out, a->pop_10_17 > 0 ? a->pop_10_17 : NAN, "%.0f");
		month(out, f->has_lsoa ? f->lsoa_period_end : 0);
		num(out, f->has_lsoa ? a->lsoa_total12 : NAN, "%.0f");
		for (size_t k = 0; k < f->theme->ndash && k < 8; k++) {
			num(out, a->dash_last12[k], "%.0f");
			num(out, a->dash_prev12[k], "%.0f");
		}
		/* hot spots: the borough's LSOAs, or London's for the London row */
		const struct jb_hotspots *h = f->hot;
		int gi = h && h->lsoa_ok, emg = h && h->emg_ok;
		size_t hot = 0, fdr = 0, cold = 0, pers = 0, intens = 0;
		for (int b = 0; h && b < JB_NBOROUGHS; b++) {
			if (i != JB_LONDON && b != i)
				continue;
			hot += h->area[b].nhot;
			fdr += h->area[b].nhot_fdr;
			cold += h->area[b].ncold;
			pers += h->area[b].npersistent;
			intens += h->area[b].nintensifying;
		}
		num(out, gi ? (double)hot : NAN, "%.0f");
		num(out, gi ? (double)fdr : NAN, "%.0f");
		num(out, gi ? (double)cold : NAN, "%.0f");
		num(out, emg ? (double)pers : NAN, "%.0f");
		num(out, emg ? (double)intens : NAN, "%.0f");
		drivers_columns(out, f, i);
		summary_context_row(out, f, i);
		fputc('\n', out);
	}
}

int summary_write(const struct jb_findings *f, const char *path, char *err, size_t errlen)
{
	return atomic_write_with(path, summary_body, f, err, errlen);
}
