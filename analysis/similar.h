/* analysis/similar.h - most similar boroughs; see similar.c. */
#ifndef JB_SIMILAR_H
#define JB_SIMILAR_H

#include "findings.h"

/* Fills imd_mean, density, share_10_24, similar[] and nsimilar of every
 * borough in f. */
void jb_similar_boroughs(const struct jb_dataset *ds, struct jb_findings *f);

#endif
