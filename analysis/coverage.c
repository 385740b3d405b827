/* analysis/coverage.c - whether an LSOA-keyed input covers every LSOA of
 * each borough (coverage.h). */
#include "coverage.h"

#include <stdio.h>
#include <string.h>

void jb_lsoa_cover(const struct jb_dataset *ds, const unsigned char *has, const char *what,
		   struct jb_lsoa_cover *c)
{
	memset(c, 0, sizeof *c);
	size_t known[JB_NBOROUGHS] = {0}, with[JB_NBOROUGHS] = {0};
	for (size_t l = 0; l < ds->nlsoa; l++)
		if (ds->lsoa[l].borough >= 0 && ds->lsoa[l].borough < JB_NBOROUGHS) {
			known[ds->lsoa[l].borough]++;
			with[ds->lsoa[l].borough] += has[l] != 0;
		}
	for (int b = 0; b < JB_NBOROUGHS; b++) {
		const char *name = jb_boroughs[b].name;
		if (known[b] && with[b] == known[b])
			c->complete++;
		else if (!with[b])
			snprintf(c->missing[b], sizeof c->missing[b],
				 "%s for %s's neighbourhoods: the file has none of them", what, name);
		else
			snprintf(c->missing[b], sizeof c->missing[b],
				 "%s for all of %s's neighbourhoods: the file has %zu of its %zu",
				 what, name, with[b], known[b]);
	}
	char *m = c->missing[JB_LONDON];
	size_t n = sizeof c->missing[JB_LONDON];
	if (!c->complete)
		snprintf(m, n, "%s for all 32 boroughs: the file covers none of them in full", what);
	else if (c->complete < JB_NBOROUGHS)
		snprintf(m, n, "%s for all 32 boroughs: the file covers %d of them in full", what,
			 c->complete);
}
