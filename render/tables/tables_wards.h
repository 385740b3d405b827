/* render/tables/tables_wards.h - wards.csv, the wards slide's numbers:
 * each ward of the deck's borough (or group) with its offences, rank and
 * share, from f->wards (analysis/wards.h) as they are. */
#ifndef JB_TABLES_WARDS_H
#define JB_TABLES_WARDS_H

#include "datatables.h"

extern const struct csv_table wards_table;
void table_wards(FILE *out, const struct jb_findings *f, int area);

#endif
