/* analysis/wards.h - each borough's wards ranked by the theme's offences
 * over the pack's 12-month window, from the MPS ward-level recorded crime
 * file (ingest/crime_mps.c, JB_LEVEL_WARD).
 *
 * Rates: a ward's residents would come from the Census 2021 LSOA file, an
 * LSOA going to the ward holding its centroid (best fit). That needs ward
 * boundaries or an LSOA-to-ward lookup, which the data directory does not
 * hold (the MPS file gives ward codes and names only), so wards are ranked
 * by offences, with `why_unrated` saying why in a phrase.
 *
 * Window: the 12 months ending at the pack's period (jb_findings_period());
 * a ward file that ends before it keeps its own last 12 months (age
 * JB_WINDOW_OLDER). Every month of the window must be in the file: absent
 * months are never zeros.
 *
 * Areas: the 32 boroughs, and the group (JB_GROUP, when the run has one),
 * whose wards are its members' wards ranked together. London has none.
 *
 * Ownership: the findings own the struct (f->wards, never NULL after
 * jb_analyse()) and free it with the part.
 */
#ifndef JB_WARDS_H
#define JB_WARDS_H

#include <stdio.h>

#include "../ingest/dataset.h"

/* Wards a slide's table shows, most offences first. */
#define JB_WARD_TOP 5

struct jb_ward_area {
	int nwards;
	int *order;      /* [nwards] ward indices (ds->ward), most offences first,
			  * ties by name */
	int *rank;       /* [nwards] competition rank of order[i], 1 = most offences */
	double *share;   /* [nwards] % of the area's ward-level offences in order[i] */
	double total12;  /* the wards' offences, 12 months */
	double mean12;   /* offences per ward */
	double top_share;/* % of the area's ward-level offences in its top JB_WARD_TOP */
	/* When some ward of the area is not whole in the ward-level files (the
	 * last one a file cut short reached, or one a file lacks): why it is
	 * not ranked, a phrase for "no ..."; nwards is then 0. "" otherwise. */
	char missing[160];
};

struct jb_ward_findings {
	int ok;              /* a ward file with the whole 12-month window */
	char why[160];       /* when !ok: why there is no ranking, a phrase */
	int first, last;     /* the window's months */
	int age;             /* enum jb_window_age */
	/* Why wards are ranked by offences, not rate (the header's first
	 * paragraph), a phrase for the slide's note */
	char why_unrated[200];
	double *count12;     /* [ds->nward] theme offences in the window */
	struct jb_ward_area area[JB_NBOROUGHS + 2]; /* by area index; [JB_LONDON] empty */
};

struct jb_findings;
/* Its row among the parts of the findings (f->wards). */
struct jb_part;
extern const struct jb_part jb_wards_part;

#endif
