/* render/datatables_hotspots.c - see datatables_hotspots.h. */
#include "datatables_hotspots.h"

#include <math.h>
#include <stdio.h>

#include "../analysis/hotspots.h"
#include "../util/csvout.h"

int datatable_hotspots_have_street(const struct jb_findings *f)
{
	return f->hot && f->hot->has_street;
}

void datatable_hotspots_lsoa(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_hotspots *h = f->hot;
	const struct jb_dataset *ds = f->ds;
	fputs("lsoa21cd,name,borough,count,gi_z,p_value,fdr_significant,class,class_name\n", out);
	for (size_t u = 0; h && h->lsoa_ok && u < h->nunits; u++) {
		const struct jb_lsoa *L = &ds->lsoa[h->unit_lsoa[u]];
		csv_text(out, L->code, 0);
		csv_text(out, L->name, 0);
		csv_text(out, jb_boroughs[L->borough].code, 0);
		csv_num(out, h->x[u], "%.0f", 0);
		csv_num(out, h->gi.z[u], "%.17g", 0);
		csv_num(out, h->gi.p[u], "%.17g", 0);
		fprintf(out, "%d,%d,", h->gi.fdr[u], h->gi.cls[u]);
		csv_text(out, jb_hot_class_name(h->gi.cls[u]), 1);
	}
}

void datatable_emerging_lsoa(FILE *out, const struct jb_findings *f, int area)
{
	(void)area;
	const struct jb_hotspots *h = f->hot;
	const struct jb_dataset *ds = f->ds;
	int ok = h && h->emg_ok;
	size_t T = ok ? h->nsteps : 0;
	fputs("lsoa21cd,name,borough,class,mk_z,mk_p,hot_steps,cold_steps", out);
	for (size_t s = 0; s < T; s++) {
		int m = h->step_first + (int)s * h->step_months;
		fprintf(out, ",z_%04d-%02d", jb_month_year(m), jb_month_mon(m));
	}
	fputc('\n', out);
	for (size_t u = 0; ok && u < h->nunits; u++) {
		const struct jb_lsoa *L = &ds->lsoa[h->unit_lsoa[u]];
		csv_text(out, L->code, 0);
		csv_text(out, L->name, 0);
		csv_text(out, jb_boroughs[L->borough].code, 0);
		csv_text(out, jb_emerging_names[h->emg[u]], 0);
		csv_num(out, h->mk_z[u], "%.17g", 0);
		csv_num(out, h->mk_p[u], "%.17g", 0);
		int hot = 0, cold = 0;
		for (size_t s = 0; s < T; s++) {
			hot += h->step_cls[u * T + s] > 0;
			cold += h->step_cls[u * T + s] < 0;
		}
		fprintf(out, "%d,%d%s", hot, cold, T ? "," : "\n");
		/* csv_num writes each value's separator after it (no seeking
		 * back: an fseek flushes the stream, a write per value) */
		for (size_t s = 0; s < T; s++)
			csv_num(out, h->step_z[u * T + s], "%.17g", s + 1 == T);
	}
}

void datatable_hotspots_grid(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_hotspots *h = f->hot;
	fputs("cell,x,y,count,gi_z,p_value,fdr_significant,class\n", out);
	if (!h || !h->grid_ok)
		return;
	for (size_t u = 0; u < h->gnb.n; u++) {
		if (h->gborough[u] != area)
			continue;
		size_t c = h->gnb.id[u];
		double x = h->grid.x0 + ((double)(c % h->grid.nx) + 0.5) * h->grid.cell;
		double y = h->grid.y0 + ((double)(c / h->grid.nx) + 0.5) * h->grid.cell;
		fprintf(out, "%zu,%.1f,%.1f,%.0f,", c, x, y, h->gx[u]);
		csv_num(out, h->ggi.z[u], "%.17g", 0);
		csv_num(out, h->ggi.p[u], "%.17g", 0);
		fprintf(out, "%d,%d\n", h->ggi.fdr[u], h->ggi.cls[u]);
	}
}

void datatable_street_top_locations(FILE *out, const struct jb_findings *f, int area)
{
	const struct jb_hotspots *h = f->hot;
	fputs("rank,location,offences_in_hot_cells\n", out);
	if (!h || area < 0 || area >= JB_NBOROUGHS)
		return;
	const struct jb_hot_area *a = &h->area[area];
	for (size_t k = 0; k < a->ntop_loc; k++) {
		fprintf(out, "%zu,", k + 1);
		csv_text(out, f->ds->street.locations[a->top_loc[k]], 0);
		fprintf(out, "%.0f\n", a->top_loc_n[k]);
	}
}
