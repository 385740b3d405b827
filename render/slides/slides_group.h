/* render/slides/slides_group.h - the group's own slide (--group): each
 * member borough's figures beside the group's and London's, from
 * f->area[] (analysis/areas.c sums the group), and its data table. */
#ifndef JB_SLIDES_GROUP_H
#define JB_SLIDES_GROUP_H

#include "../deck.h"
#include "../tables/datatables.h"

/* group-members: the rates as bars (members, the group highlighted,
 * London's line) beside a table of offences, change, residents and rate
 * of each member, the group and London. */
void layout_group_members(struct dl_page *p, const struct slide_ctx *c);

/* group-members.csv: the same figures, one row per area. */
extern const struct csv_table group_members_table;
void table_group_members(FILE *out, const struct jb_findings *f, int area);

#endif
