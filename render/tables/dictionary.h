/* render/tables/dictionary.h - data-dictionary.csv: every CSV file jembrief
 * writes under OUT, every column of each in order, its unit and meaning,
 * from the same declarations the files' header rows are written from
 * (util/csvout.h), so the dictionary cannot miss a column. */
#ifndef JB_DICTIONARY_H
#define JB_DICTIONARY_H

#include <stddef.h>

#include "datatables.h"

/* Written atomically, the decks' data tables from tables (the slide kinds'
 * tables). 0, or -1 with a message in err. */
int dictionary_write(const char *path, const struct datatable_set *tables, char *err,
		     size_t errlen);

#endif
