/* tests/fuzz/fuzz_data.c - the fuzzed bytes as one file of a data
 * directory, read through jb_dataset_load()'s real dispatch (the crime/
 * files told apart by their headers, .csv.gz through zlib). Built once per
 * kind of file, FUZZ_PATH naming its place in the data directory
 * (tests/fuzz/targets). A loaded dataset must pass jb_dataset_check():
 * an inconsistency is a crash like any other. */

#include "../../ingest/dataset.h" /* jb_diag_set */
#include "../../ingest/geo.h"     /* jb_proj_new */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	jb_diag_set(NULL); /* bad rows are the point: no messages */
	fuzz_scratch();
	/* PROJ's first transform reads its database, seconds under the
	 * sanitizers on a loaded machine: built here, outside the timed
	 * inputs, and kept in the pool every later load draws from (a
	 * campaign's first street input timed out at 10 s on it) */
	jb_proj_free(jb_proj_new());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_scratch();
	fuzz_write(dir, FUZZ_PATH, data, size);
	fuzz_load(dir);
	return 0;
}
