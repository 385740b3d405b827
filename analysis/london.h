/* analysis/london.h - the pan-London view: which boroughs border each
 * other, each borough's share of London's offences, and classes of the 32
 * boroughs' rates for the overview map. */
#ifndef JB_LONDON_H
#define JB_LONDON_H

#include "findings.h"

/* Fills neighbours/nneighbours and share_of_london of every borough, and
 * f->borough_map_* . Needs the change and rate findings. */
void jb_london_view(const struct jb_dataset *ds, struct jb_findings *f);
/* Its row among the parts of the findings. */
extern const struct jb_part jb_london_part;

#endif
