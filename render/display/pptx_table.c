/* render/display/pptx_table.c - a table of the display list read back as a
 * grid; see pptx_table.h. */
#include "pptx_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "font.h"

#define EPS 0.01      /* points: one geometry said twice agrees within this */
#define ALIGN_EPS 0.05 /* points: text edges this close line up */

/* A cell as read, before it has a column: its runs and their box. */
struct cell_in {
	int row;                     /* index among the table's rows, -1: not a cell */
	int header;                  /* a TH */
	const struct dl_item **runs; /* a slice of the reader's run array */
	size_t nruns;
	double l, r, t, b;           /* the runs' extent */
};

struct row_in {
	size_t tag;
	size_t ncells;          /* cells holding text */
	int header;             /* every cell a TH */
	double t, b;            /* the row's text extent */
	double size;            /* smallest text size */
};

struct reader {
	const struct dl_page *p;
	size_t table;
	struct cell_in *cell;   /* per tag of the page */
	int *row_of;            /* per tag: the row it is, or -1 */
	struct row_in *rows;
	size_t nrows;
	const struct dl_item **runs;
	size_t nruns;
	double *top, *bottom;   /* per row: its band's top and bottom */
	struct pt_rule *rule;
	struct dl_color *fill;
	double x0, x1;          /* the bands' and rules' common width */
	int have_x;
};

static double run_top(const struct dl_item *it)
{
	return it->u.text.y - font_ascent(it->u.text.font, it->u.text.size);
}

static double run_bottom(const struct dl_item *it)
{
	return it->u.text.y + font_descent(it->u.text.font, it->u.text.size);
}

static double run_right(const struct dl_item *it)
{
	return it->u.text.x + font_width(it->u.text.font, it->u.text.size, it->u.text.utf8);
}

/* The rows and cells of the table: its children are rows, theirs cells;
 * anything else is not a grid. */
static int read_tags(struct reader *rd)
{
	const struct dl_page *p = rd->p;
	for (size_t k = 0; k < p->ntags; k++) {
		rd->cell[k].row = -1;
		rd->row_of[k] = -1;
	}
	for (size_t k = rd->table + 1; k < p->ntags; k++) {
		const struct dl_tag *g = &p->tags[k];
		if (g->parent == (int)rd->table) {
			if (g->role != DL_ROLE_TR)
				return -1;
			rd->row_of[k] = (int)rd->nrows;
			rd->rows[rd->nrows++] = (struct row_in){.tag = k, .header = 1};
		} else if (g->parent >= 0 && rd->row_of[g->parent] >= 0) {
			if (g->role != DL_ROLE_TH && g->role != DL_ROLE_TD)
				return -1;
			rd->cell[k].row = rd->row_of[g->parent];
			rd->cell[k].header = g->role == DL_ROLE_TH;
			if (!rd->cell[k].header)
				rd->rows[rd->cell[k].row].header = 0;
		} else if (g->parent >= 0 && rd->cell[g->parent].row >= 0) {
			return -1; /* cells absorb what begins in them: never here */
		}
	}
	return rd->nrows ? 0 : -1;
}

/* The path's box when it is an axis-aligned rectangle (or a horizontal
 * segment when segment): 0, else -1. */
static int path_box(const struct dl_item *it, int segment, double *x0, double *x1, double *y0,
		    double *y1)
{
	static const unsigned char seg_ops[] = {DL_MOVE, DL_LINE};
	static const unsigned char rect_ops[] = {DL_MOVE, DL_LINE, DL_LINE, DL_LINE, DL_CLOSE};
	const unsigned char *want = segment ? seg_ops : rect_ops;
	size_t nops = segment ? sizeof seg_ops : sizeof rect_ops, npts = segment ? 2 : 4;
	const double *xy = it->u.path.xy;
	if (it->u.path.nops != nops || it->u.path.npts != npts ||
	    memcmp(it->u.path.ops, want, nops) != 0)
		return -1;
	if (segment && fabs(xy[1] - xy[3]) > EPS)
		return -1;
	for (size_t i = 0; !segment && i < 4; i++) { /* each side horizontal or vertical */
		const double *a = xy + 2 * i, *b = xy + 2 * ((i + 1) % 4);
		if (fabs(a[0] - b[0]) > EPS && fabs(a[1] - b[1]) > EPS)
			return -1;
	}
	*x0 = *x1 = xy[0];
	*y0 = *y1 = xy[1];
	for (size_t i = 1; i < npts; i++) {
		*x0 = fmin(*x0, xy[2 * i]);
		*x1 = fmax(*x1, xy[2 * i]);
		*y0 = fmin(*y0, xy[2 * i + 1]);
		*y1 = fmax(*y1, xy[2 * i + 1]);
	}
	return 0;
}

/* Bands and rules all span the table: the first says how wide it is. */
static int same_width(struct reader *rd, double x0, double x1)
{
	if (!rd->have_x) {
		rd->x0 = x0;
		rd->x1 = x1;
		rd->have_x = 1;
		return 0;
	}
	return fabs(x0 - rd->x0) <= EPS && fabs(x1 - rd->x1) <= EPS ? 0 : -1;
}

/* A row's band: a filled rectangle, no line, as wide as the table. */
static int read_band(struct reader *rd, const struct dl_item *it, int row)
{
	const struct dl_style *st = &it->u.path.style;
	double x0, x1, y0, y1;
	if (it->kind != DL_PATH || st->fill.a == 0 || (st->stroke.a > 0 && st->width > 0) ||
	    path_box(it, 0, &x0, &x1, &y0, &y1) != 0 || same_width(rd, x0, x1) != 0 ||
	    rd->fill[row].a > 0)
		return -1;
	rd->fill[row] = st->fill;
	rd->top[row] = y0; /* checked against the rows' text once all is read */
	rd->bottom[row] = y1;
	return 0;
}

/* A rule: a solid horizontal line as wide as the table, kept by its y
 * until the rows are known. */
struct rule_in {
	double y;
	struct pt_rule rule;
};

static int read_rule(struct reader *rd, const struct dl_item *it, struct rule_in *out)
{
	const struct dl_style *st = &it->u.path.style;
	double x0, x1, y0, y1;
	if (it->kind != DL_PATH || st->fill.a > 0 || st->stroke.a == 0 || st->width <= 0 ||
	    st->dash > 0 || path_box(it, 1, &x0, &x1, &y0, &y1) != 0 || same_width(rd, x0, x1) != 0)
		return -1;
	*out = (struct rule_in){y0, {st->stroke, st->width}};
	return 0;
}

/* Every item of the table: a cell's text, a row's band or the table's
 * rule; nrules of them rules, in rules[]. */
static int read_items(struct reader *rd, size_t npages, struct rule_in *rules, size_t *nrules)
{
	const struct dl_page *p = rd->p;
	const struct dl_tag *tb = &p->tags[rd->table];
	for (size_t i = tb->first; i < tb->end; i++) {
		const struct dl_item *it = &p->items[i];
		if (!dl_item_drawable(it, npages))
			continue;
		int owner = dl_tag_of_item(p, i);
		if (owner < 0)
			return -1;
		struct cell_in *c = &rd->cell[owner];
		if (c->row >= 0) {
			if (it->kind != DL_TEXT)
				return -1;
			if (!c->nruns)
				c->runs = rd->runs + rd->nruns;
			else if (it->u.text.y <= c->runs[c->nruns - 1]->u.text.y)
				return -1; /* two runs on a line: not a cell of lines */
			rd->runs[rd->nruns++] = it;
			c->nruns++;
		} else if (rd->row_of[owner] >= 0) {
			if (read_band(rd, it, rd->row_of[owner]) != 0)
				return -1;
		} else if ((size_t)owner == rd->table) {
			if (read_rule(rd, it, &rules[(*nrules)++]) != 0)
				return -1;
		} else {
			return -1;
		}
	}
	return 0;
}

/* Each cell's and row's text extent; rows top down, not overlapping. */
static int extents(struct reader *rd)
{
	const struct dl_page *p = rd->p;
	for (size_t k = 0; k < p->ntags; k++) {
		struct cell_in *c = &rd->cell[k];
		if (c->row < 0 || !c->nruns)
			continue;
		struct row_in *r = &rd->rows[c->row];
		c->l = c->runs[0]->u.text.x;
		c->r = run_right(c->runs[0]);
		c->t = run_top(c->runs[0]);
		c->b = run_bottom(c->runs[c->nruns - 1]);
		for (size_t i = 0; i < c->nruns; i++) {
			const struct dl_item *it = c->runs[i];
			c->l = fmin(c->l, it->u.text.x);
			c->r = fmax(c->r, run_right(it));
			c->t = fmin(c->t, run_top(it));
			c->b = fmax(c->b, run_bottom(it));
			r->size = r->ncells || i ? fmin(r->size, it->u.text.size) : it->u.text.size;
		}
		r->t = r->ncells ? fmin(r->t, c->t) : c->t;
		r->b = r->ncells ? fmax(r->b, c->b) : c->b;
		r->ncells++;
	}
	for (size_t r = 0; r < rd->nrows; r++)
		if (!rd->rows[r].ncells || (r && rd->rows[r].t < rd->rows[r - 1].b - EPS))
			return -1;
	return 0;
}

/* Sets boundary b of the rows to y, or fails when something else said
 * another y already. */
static int set_boundary(double *rowy, int *known, size_t b, double y)
{
	if (known[b] && fabs(rowy[b] - y) > EPS)
		return -1;
	rowy[b] = y;
	known[b] = 1;
	return 0;
}

/* The row boundaries: from the bands and rules where there are, halfway
 * between the rows' text elsewhere, the outer ones mirrored. */
static int row_bounds(struct reader *rd, const struct rule_in *rules, size_t nrules,
		      struct pt_table *t)
{
	size_t n = rd->nrows;
	int *known = xcalloc(n + 1, sizeof *known);
	int rc = 0;
	for (size_t r = 0; r < n && rc == 0; r++)
		if (rd->fill[r].a > 0)
			rc = set_boundary(t->rowy, known, r, rd->top[r]) != 0 ||
					     set_boundary(t->rowy, known, r + 1, rd->bottom[r]) != 0
				     ? -1
				     : 0;
	for (size_t k = 0; k < nrules && rc == 0; k++) {
		size_t b = 0; /* the rows above the rule */
		while (b < n && (rd->rows[b].t + rd->rows[b].b) / 2 < rules[k].y)
			b++;
		if ((b > 0 && rules[k].y < rd->rows[b - 1].b - EPS) ||
		    (b < n && rules[k].y > rd->rows[b].t + EPS) || t->rule[b].color.a > 0)
			rc = -1;
		else
			rc = set_boundary(t->rowy, known, b, rules[k].y);
		t->rule[b] = rules[k].rule;
	}
	for (size_t b = 1; b < n; b++)
		if (!known[b]) {
			t->rowy[b] = (rd->rows[b - 1].b + rd->rows[b].t) / 2;
			known[b] = 1;
		}
	if (!known[0])
		t->rowy[0] = rd->rows[0].t - (known[1] ? fmax(0, t->rowy[1] - rd->rows[0].b) : 0);
	if (!known[n])
		t->rowy[n] = rd->rows[n - 1].b + fmax(0, rd->rows[n - 1].t - t->rowy[n - 1]);
	for (size_t r = 0; r < n && rc == 0; r++)
		if (t->rowy[r] > rd->rows[r].t + EPS || t->rowy[r + 1] < rd->rows[r].b - EPS ||
		    t->rowy[r + 1] <= t->rowy[r])
			rc = -1;
	free(known);
	return rc;
}

/* The column of each cell: in order in a row of every column; by where it
 * is in a row with fewer. Fills t->cells, then the column boundaries. */
static int columns(struct reader *rd, struct pt_table *t)
{
	const struct dl_page *p = rd->p;
	size_t nc = 0;
	for (size_t r = 0; r < rd->nrows; r++)
		nc = rd->rows[r].ncells > nc ? rd->rows[r].ncells : nc;
	double *l = xcalloc(nc, sizeof *l), *rr = xcalloc(nc, sizeof *rr);
	int *seen = xcalloc(nc, sizeof *seen);
	size_t *next = xcalloc(rd->nrows, sizeof *next);
	int rc = 0;
	/* the full rows first: they say where each column is */
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		for (size_t k = 0; k < p->ntags && rc == 0; k++) {
			const struct cell_in *c = &rd->cell[k];
			if (c->row < 0 || !c->nruns || (rd->rows[c->row].ncells == nc) != (pass == 0))
				continue;
			size_t j = next[c->row];
			if (pass == 1) { /* the column whose middle ground holds its centre */
				double mid = (c->l + c->r) / 2;
				j = 0;
				while (j + 1 < nc && (rr[j] + l[j + 1]) / 2 < mid)
					j++;
				if (j < next[c->row])
					rc = -1;
			}
			struct pt_cell *cell = &t->cells[(size_t)c->row * nc + j];
			if (rc || j >= nc || cell->nruns) {
				rc = -1;
				break;
			}
			*cell = (struct pt_cell){c->runs, c->nruns, 0, 0, 0};
			next[c->row] = j + 1;
			l[j] = seen[j] ? fmin(l[j], c->l) : c->l;
			rr[j] = seen[j] ? fmax(rr[j], c->r) : c->r;
			seen[j] = 1;
		}
	}
	for (size_t j = 0; j < nc && rc == 0; j++)
		if (!seen[j] || (j + 1 < nc && seen[j + 1] && rr[j] > l[j + 1] - EPS))
			rc = -1;
	if (rc == 0) {
		double x0 = rd->have_x ? rd->x0 : l[0];
		double x1 = rd->have_x ? rd->x1 : rr[nc - 1] + 2; /* text_box's slack */
		if (x0 > l[0] + EPS || x1 < rr[nc - 1] - EPS)
			rc = -1;
		t->colx[0] = x0;
		for (size_t j = 1; j < nc; j++)
			t->colx[j] = (rr[j - 1] + l[j]) / 2;
		t->colx[nc] = x1;
	}
	free(l);
	free(rr);
	free(seen);
	free(next);
	return rc;
}

/* A column's alignment: where all its cells' text lines up. */
static enum pt_align column_align(const struct pt_table *t, size_t j)
{
	int left = 1, right = 1, centre = 1, any = 0;
	double l0 = 0, r0 = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct pt_cell *c = &t->cells[r * t->ncols + j];
		for (size_t i = 0; i < c->nruns; i++) {
			double l = c->runs[i]->u.text.x, rt = run_right(c->runs[i]);
			if (!any) {
				l0 = l;
				r0 = rt;
				any = 1;
			}
			left &= fabs(l - l0) <= ALIGN_EPS;
			right &= fabs(rt - r0) <= ALIGN_EPS;
			centre &= fabs((l + rt) / 2 - (l0 + r0) / 2) <= ALIGN_EPS;
		}
	}
	return left ? PT_LEFT : right ? PT_RIGHT : centre ? PT_CENTRE : PT_LEFT;
}

/* An empty cell's margins: its column's (the first cell with text) and
 * its row's (the least), so that what an analyst types into it lines up. */
static void empty_margins(struct pt_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t j = 0; j < t->ncols; j++) {
			struct pt_cell *c = &t->cells[r * t->ncols + j];
			if (c->nruns)
				continue;
			for (size_t k = 0; k < t->nrows; k++)
				if (t->cells[k * t->ncols + j].nruns) {
					c->mar_l = t->cells[k * t->ncols + j].mar_l;
					c->mar_r = t->cells[k * t->ncols + j].mar_r;
					break;
				}
			int any = 0;
			for (size_t k = 0; k < t->ncols; k++) {
				const struct pt_cell *o = &t->cells[r * t->ncols + k];
				if (o->nruns) {
					c->mar_t = any ? fmin(c->mar_t, o->mar_t) : o->mar_t;
					any = 1;
				}
			}
		}
}

/* Each cell's margins: its text where the layout put it, the far side
 * open so that text a hair wider in another renderer does not wrap. */
static void margins(struct pt_table *t)
{
	for (size_t j = 0; j < t->ncols; j++) {
		t->align[j] = column_align(t, j);
		for (size_t r = 0; r < t->nrows; r++) {
			struct pt_cell *c = &t->cells[r * t->ncols + j];
			if (!c->nruns)
				continue;
			double l = c->runs[0]->u.text.x, rt = run_right(c->runs[0]);
			for (size_t i = 1; i < c->nruns; i++) {
				l = fmin(l, c->runs[i]->u.text.x);
				rt = fmax(rt, run_right(c->runs[i]));
			}
			double dl = l - t->colx[j], dr = t->colx[j + 1] - rt;
			c->mar_t = run_top(c->runs[0]) - t->rowy[r];
			c->mar_l = t->align[j] == PT_LEFT ? dl : t->align[j] == PT_CENTRE ? fmax(0, dl - dr) : 0;
			c->mar_r = t->align[j] == PT_RIGHT ? dr : t->align[j] == PT_CENTRE ? fmax(0, dr - dl) : 0;
		}
	}
	empty_margins(t);
}

static void reader_free(struct reader *rd)
{
	free(rd->cell);
	free(rd->row_of);
	free(rd->rows);
	free(rd->runs);
	free(rd->top);
	free(rd->bottom);
}

int pt_table_read(const struct dl_page *p, size_t tag, size_t npages, struct pt_table *t)
{
	*t = (struct pt_table){0};
	if (tag >= p->ntags || p->tags[tag].role != DL_ROLE_TABLE || p->tags[tag].end > p->nitems)
		return -1;
	const struct dl_tag *tb = &p->tags[tag];
	size_t nitems = tb->end - tb->first;
	struct reader rd = {.p = p, .table = tag};
	rd.cell = xcalloc(p->ntags, sizeof *rd.cell);
	rd.row_of = xcalloc(p->ntags, sizeof *rd.row_of);
	rd.rows = xcalloc(p->ntags, sizeof *rd.rows);
	rd.runs = xcalloc(nitems + 1, sizeof *rd.runs);
	rd.top = xcalloc(p->ntags + 1, sizeof *rd.top);
	rd.bottom = xcalloc(p->ntags + 1, sizeof *rd.bottom);
	struct rule_in *rules = xcalloc(nitems + 1, sizeof *rules);
	size_t nrules = 0;
	int rc = read_tags(&rd);
	if (rc == 0) {
		t->nrows = rd.nrows;
		t->fill = rd.fill = xcalloc(rd.nrows, sizeof *t->fill);
		t->rule = rd.rule = xcalloc(rd.nrows + 1, sizeof *t->rule);
		rc = read_items(&rd, npages, rules, &nrules);
	}
	if (rc == 0)
		rc = extents(&rd);
	if (rc == 0) {
		t->rowy = xcalloc(rd.nrows + 1, sizeof *t->rowy);
		rc = row_bounds(&rd, rules, nrules, t);
	}
	if (rc == 0) {
		for (size_t r = 0; r < rd.nrows; r++)
			t->ncols = rd.rows[r].ncells > t->ncols ? rd.rows[r].ncells : t->ncols;
		t->cells = xcalloc(t->nrows * t->ncols, sizeof *t->cells);
		t->colx = xcalloc(t->ncols + 1, sizeof *t->colx);
		rc = columns(&rd, t);
	}
	if (rc == 0) {
		t->align = xcalloc(t->ncols, sizeof *t->align);
		t->size = xcalloc(t->nrows, sizeof *t->size);
		for (size_t r = 0; r < t->nrows; r++)
			t->size[r] = rd.rows[r].size;
		t->header = rd.rows[0].header;
		t->first = tb->first;
		t->end = tb->end;
		margins(t);
		/* the cells point into the run array: the table keeps it */
		t->runs_owned = rd.runs;
		rd.runs = NULL;
	}
	reader_free(&rd);
	free(rules);
	if (rc != 0)
		pt_table_free(t);
	return rc;
}

void pt_table_free(struct pt_table *t)
{
	free(t->colx);
	free(t->rowy);
	free(t->align);
	free(t->fill);
	free(t->rule);
	free(t->size);
	free(t->cells);
	free(t->runs_owned);
	*t = (struct pt_table){0};
}
