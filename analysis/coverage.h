/* analysis/coverage.h - whether an LSOA-keyed input covers every LSOA of
 * each borough.
 *
 * An LSOA-keyed file cut short (a partial download), or a release that
 * leaves a borough out, would otherwise give figures made of the part of a
 * borough that is there: a share of neighbourhoods among the most
 * deprived, a map of zeros, hot spots measured against part of London. A
 * borough's LSOA figures are given only when every one of its LSOAs (as
 * the boundaries, or else the inputs, list them) has a value, and London's
 * only when every borough's are. Pure: reads the dataset, no I/O. */
#ifndef JB_ANALYSIS_COVERAGE_H
#define JB_ANALYSIS_COVERAGE_H

#include <stddef.h>

#include "../ingest/dataset.h"

struct jb_lsoa_cover {
	int complete; /* boroughs all of whose LSOAs have a value */
	/* Why an area's figures are not given: "" when they are; else a noun
	 * phrase that follows "no": "Indices of Deprivation scores for all of
	 * Hackney's neighbourhoods: the file has 140 of its 149". [JB_LONDON]
	 * is set when any borough's is; the last, a group's (JB_GROUP,
	 * findings.h), stays "": no LSOA slide is made for a group, but the
	 * areas' loops and dumps index every area. */
	char missing[JB_NBOROUGHS + 2][144];
};

/* has[l] is 1 where LSOA l of the dataset has a value; what names the
 * input ("LSOA-level crime", "Indices of Deprivation scores"). */
void jb_lsoa_cover(const struct jb_dataset *ds, const unsigned char *has, const char *what,
		   struct jb_lsoa_cover *c);

#endif
