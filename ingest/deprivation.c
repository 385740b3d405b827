/* ingest/deprivation.c - the English Indices of Deprivation by LSOA.
 *
 * Two editions, told apart by the LSOA code column:
 *  - IoD2025 (LSOA 2021 codes, "lsoa21_code" or "LSOA code (2021)");
 *  - IoD2019 (LSOA 2011 codes, "LSOA code (2011)"), e.g. File 1 as
 *    published: IMD rank and decile only, ranks quoted with thousands
 *    separators ("29,199").
 * Columns are read by name in the short form (IMD_score, Income_rank,
 * Housing_and_Services_decile...) or the published long form ("Index of
 * Multiple Deprivation (IMD) Rank (where 1 is most deprived)", "Income Score
 * (rate)"...). The IMD rank is required; a score the file does not give is
 * NAN; domains are kept when all seven domain scores are present.
 *
 * 2025 is preferred: a 2019 file read after a 2025 one is recorded as not
 * used, and a 2025 file read after a 2019 one replaces the 2019 values.
 */
#include "readers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "csvtable.h"
#include "limits.h"

static const char kind2025[] = "Indices of Deprivation 2025 (LSOA 2021)";
static const char kind2019[] = "Indices of Deprivation 2019 (LSOA 2011)";
static const char unused2019[] =
	"Indices of Deprivation 2019 (LSOA 2011), not used: the 2025 edition was supplied";

#define COL_2025 "lsoa21_code|LSOA code (2021)"
#define COL_2019 "lsoa11_code|LSOA code (2011)"

/* short and published long name of the IMD and of each domain */
static const char *const measure_names[JB_NDOMAINS + 1][2] = {
	{"IMD", "Index of Multiple Deprivation (IMD)"},
	{"Income", "Income"},
	{"Employment", "Employment"},
	{"Education", "Education, Skills and Training"},
	{"Health", "Health Deprivation and Disability"},
	{"Crime", "Crime"},
	{"Housing_and_Services", "Barriers to Housing and Services"},
	{"Environment", "Living Environment"},
};

enum { SCORE, RANK, DECILE };

struct dep {
	struct jb_dataset *ds;
	struct jb_source *src;
	int c_code, c_name, c_lad;
	int col[JB_NDOMAINS + 1][3]; /* [0] = IMD, [1 + d] = domain d */
	int domains;
};

static int find(struct jb_csv *t, int m, int what)
{
	const char *s = measure_names[m][0], *l = measure_names[m][1];
	char *names;
	if (what == SCORE)
		names = xasprintf("%s_score|%s Score|%s Score (rate)", s, l, l);
	else if (what == RANK)
		names = xasprintf("%s_rank|%s Rank|%s Rank (where 1 is most deprived)",
				  s, l, l);
	else
		names = xasprintf("%s_decile|%s Decile|%s Decile (where 1 is most "
				  "deprived 10%% of LSOAs)", s, l, l);
	int c = jb_csv_col(t, names);
	free(names);
	return c;
}

/* Parse one measure's cells into score/rank/decile; -1 after a reject. */
static int cells(struct dep *d, struct jb_csv *t, int m, double *score, int *rank,
		 int *decile)
{
	long line = jb_csv_line(t), v;
	const int *c = d->col[m];
	const char *s;
	*score = NAN;
	*rank = 0;
	*decile = 0;
	if (c[SCORE] >= 0) {
		s = jb_csv_get(t, c[SCORE]);
		if (jb_parse_number(s, score) < 0 || fabs(*score) > JB_IMD_SCORE_MAX) {
			jb_reject(d->src, line, jb_csv_name(t, c[SCORE]), "not a number (within -" JB_STR(JB_IMD_SCORE_MAX) ".." JB_STR(JB_IMD_SCORE_MAX) ")", s);
			return -1;
		}
	}
	if (c[RANK] >= 0) {
		s = jb_csv_get(t, c[RANK]);
		if (jb_parse_count(s, &v) < 0 || v < 1 || v > JB_IMD_RANK_MAX) {
			jb_reject(d->src, line, jb_csv_name(t, c[RANK]),
				  "not a rank (a whole number 1.." JB_STR(JB_IMD_RANK_MAX) ")", s);
			return -1;
		}
		*rank = (int)v;
	}
	if (c[DECILE] >= 0) {
		s = jb_csv_get(t, c[DECILE]);
		if (jb_parse_count(s, &v) < 0 || v < 1 || v > 10) {
			jb_reject(d->src, line, jb_csv_name(t, c[DECILE]),
				  "not a decile (1 to 10)", s);
			return -1;
		}
		*decile = (int)v;
	}
	return 0;
}

static int on_row(struct jb_csv *t, void *ctx)
{
	struct dep *d = ctx;
	struct jb_imd imd = {.has = 1, .has_domains = d->domains};
	if (cells(d, t, 0, &imd.score, &imd.rank, &imd.decile) < 0)
		return 0;
	for (int k = 0; k < JB_NDOMAINS; k++) {
		if (!d->domains) {
			imd.dom_score[k] = NAN;
			continue;
		}
		if (cells(d, t, 1 + k, &imd.dom_score[k], &imd.dom_rank[k],
			  &imd.dom_decile[k]) < 0)
			return 0;
	}
	int b = d->c_lad >= 0 ? jb_borough_by_code(jb_csv_get(t, d->c_lad)) : -1;
	int i = jb_row_lsoa(d->ds, d->src, jb_csv_line(t), jb_csv_name(t, d->c_code),
			    jb_csv_get(t, d->c_code), jb_csv_get(t, d->c_name), b);
	if (i < 0)
		return 0;
	d->ds->lsoa[i].imd = imd;
	d->src->kept++;
	return 0;
}

/* A 2025 file after 2019 ones: drop the 2019 values and say so. */
static void supersede_2019(struct jb_dataset *ds)
{
	for (size_t i = 0; i < ds->nlsoa; i++)
		memset(&ds->lsoa[i].imd, 0, sizeof ds->lsoa[i].imd);
	for (size_t i = 0; i < ds->sources.n; i++) {
		struct jb_source *s = ds->sources.v[i];
		if (strcmp(s->kind, kind2019) == 0) {
			free(s->kind);
			s->kind = xstrdup(unused2019);
		}
	}
}

int jb_read_deprivation(struct jb_dataset *ds, const char *path, const char *rel)
{
	const char *err;
	struct jb_csv *t = jb_csv_open(path, &err);
	if (!t)
		return jb_source_unusable(ds, rel, "Indices of Deprivation", 0, NULL,
					  err, NULL);
	struct dep d = {.ds = ds};
	int edition = 0, rc = 0;
	const char *kind = "Indices of Deprivation";
	if ((d.c_code = jb_csv_col(t, COL_2025)) >= 0) {
		edition = 2025;
		kind = kind2025;
		d.c_name = jb_csv_col(t, "lsoa21_name|LSOA name (2021)");
	} else if ((d.c_code = jb_csv_col(t, COL_2019)) >= 0) {
		edition = 2019;
		kind = kind2019;
		d.c_name = jb_csv_col(t, "lsoa11_name|LSOA name (2011)");
	}
	d.c_lad = jb_csv_col(t, "lad_code|Local Authority District code (2019)|"
			     "Local Authority District code (2024)|lad24_code|lad19_code");
	d.domains = 1;
	for (int m = 0; m <= JB_NDOMAINS; m++) {
		for (int w = SCORE; w <= DECILE; w++)
			d.col[m][w] = find(t, m, w);
		if (m > 0 && d.col[m][SCORE] < 0)
			d.domains = 0;
	}

	if (!edition) {
		rc = jb_source_unusable(ds, rel, kind, 1, "lsoa21_code",
					"required column missing",
					"or LSOA code (2011) for IoD2019");
	} else if (d.col[0][RANK] < 0) {
		rc = jb_source_unusable(ds, rel, kind, 1, "IMD_rank",
					"required column missing", NULL);
	} else if (edition == 2019 && ds->imd_edition == 2025) {
		jb_source_add(&ds->sources, rel, unused2019);
	} else {
		if (edition == 2025 && ds->imd_edition == 2019)
			supersede_2019(ds);
		d.src = jb_source_add(&ds->sources, rel, kind);
		jb_csv_each(t, d.src, on_row, &d);
		if (d.src->kept)
			ds->imd_edition = edition;
	}
	jb_csv_close(t);
	return rc;
}
