/* tests/fuzz/fuzz_shapefile.c - a shapefile, its index and its attributes
 * from one input: a 4-byte little-endian length of the .shp, the same for
 * the .shx, then the .shp, the .shx and the rest as the .dbf. The .prj is
 * the shipped British National Grid one. Read through jb_dataset_load()
 * as boundaries/fuzz.shp. tests/fuzz/shapefile-split cuts an input into
 * its files (how make test replays one). */

#include "../../ingest/dataset.h" /* jb_diag_set */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	jb_diag_set(NULL);
	fuzz_copy("sample-data/boundaries/london-lsoa2021-bng-shp/london-lsoa2021-gen20.prj",
		  fuzz_scratch(), "boundaries/fuzz.prj");
	return 0;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 8)
		return 0;
	size_t nshp = le32(data), nshx = le32(data + 4), rest = size - 8;
	if (nshp > rest || nshx > rest - nshp)
		return 0;
	const uint8_t *shp = data + 8, *shx = shp + nshp, *dbf = shx + nshx;
	const char *dir = fuzz_scratch();
	fuzz_write(dir, "boundaries/fuzz.shp", shp, nshp);
	fuzz_write(dir, "boundaries/fuzz.shx", shx, nshx);
	fuzz_write(dir, "boundaries/fuzz.dbf", dbf, rest - nshp - nshx);
	fuzz_load(dir);
	return 0;
}
