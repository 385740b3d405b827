/* tests/fuzz/fuzz_data.c - the fuzzed bytes as one file of a data
 * directory, read through jb_dataset_load()'s real dispatch (the crime/
 * files told apart by their headers, .csv.gz through zlib). Built once per
 * kind of file, FUZZ_PATH naming its place in the data directory
 * (tests/fuzz/targets). A loaded dataset must pass jb_dataset_check():
 * an inconsistency is a crash like any other. */
#include <stdlib.h>

#include "../../ingest/dataset.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	jb_diag_set(NULL); /* bad rows are the point: no messages */
	fuzz_scratch();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_scratch();
	fuzz_write(dir, FUZZ_PATH, data, size);
	struct jb_load_options opt = {.quiet = 1, .jobs = 1};
	struct jb_dataset *ds = jb_dataset_load(dir, &opt);
	if (!ds || jb_dataset_check(ds, stderr) != 0)
		abort();
	jb_dataset_free(ds);
	return 0;
}
