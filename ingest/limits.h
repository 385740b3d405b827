/* ingest/limits.h - the plausible ranges of everything ingest/ reads, in
 * one place. Internal to ingest/ (the README's "Limits" table repeats
 * them for users).
 *
 * A value outside its range is not a London statistic but a corrupt or
 * mis-typed cell: the row is set aside with the usual
 * "FILE:LINE: column 'X': problem" message, so that one absurd number can
 * neither print as a 309-digit figure nor make a table, a grid or a raster
 * so large that the run exhausts memory. The bounds are generous: the
 * largest real values are far inside them (noted beside each).
 */
#ifndef JB_LIMITS_H
#define JB_LIMITS_H

/* A limit as text, for messages: JB_STR(JB_FIELD_MAX) is "65536". */
#define JB_STR_(x) #x
#define JB_STR(x) JB_STR_(x)

/* ---- CSV cells and records (ingest/csvtable.c) ---- */

/* One field, in bytes; a longer one sets its row aside. The longest real
 * field, an action's text, is a few hundred bytes. */
#define JB_FIELD_MAX 65536
/* A field libcsv is still collecting is given at most this much memory;
 * beyond it (an unclosed quote swallowing the file) the rest of the file
 * is not read. libcsv grows its buffer by a fixed block, each growth a
 * copy where realloc cannot move pages (under AddressSanitizer always):
 * the block is JB_FIELD_BUFFER_MAX / 16, so a field costs at most 16
 * copies, not one per 128 bytes (a 15 MB field took over ten minutes). */
#define JB_FIELD_BUFFER_MAX 4194304
/* Fields in one record (the header included); the widest real file, the
 * MPS ward table with a column per month since 2010, has about 200. */
#define JB_FIELDS_MAX 10000

/* ---- months: YYYYMM columns, month_year, Month, period ---- */

/* Data before 2000 or after 2039 are not plausible for these sources (the
 * MPS borough series starts in 2010, data.police.uk in 2010-12); a month
 * column outside the window would otherwise widen every crime table. */
#define JB_YEAR_MIN 2000
#define JB_YEAR_MAX 2039

/* ---- counts and people ---- */

/* Crimes, victims or outcomes in one row for one month (MPS tables, the
 * dashboard): the largest real cell, all London theft in a month, is
 * under 40,000. */
#define JB_COUNT_MAX 1000000
/* Residents of one LSOA (Census 2021: at most about 12,000). */
#define JB_LSOA_RESIDENTS_MAX 100000
/* Residents of a borough or of London, all ages or one year of age
 * (London mid-2020: 9.0 million). */
#define JB_POPULATION_MAX 20000000

/* ---- indicators, scores, ranks ---- */

/* A DfE LAIT value, whatever its unit (rates per 100,000, percentages,
 * pounds per young person, counts): at most a few million in the real
 * table. */
#define JB_INDICATOR_MAX 1e9
/* An Indices of Deprivation score (IMD and domain scores lie within
 * -10..100) and rank (1..33,755 LSOAs in England). */
#define JB_IMD_SCORE_MAX 1000
#define JB_IMD_RANK_MAX 100000

/* ---- coordinates: British National Grid (EPSG:27700) metres ---- */

/* The grid's own extent for Great Britain; London lies around
 * x 500,000..565,000, y 155,000..205,000. Geometry or a point outside it is
 * not in the data's area (a wrong CRS, swapped or corrupt coordinates) and
 * is rejected when read. */
#define JB_BNG_XMIN 0
#define JB_BNG_XMAX 700000
#define JB_BNG_YMIN 0
#define JB_BNG_YMAX 1300000

#endif
