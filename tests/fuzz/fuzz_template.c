/* tests/fuzz/fuzz_template.c - the fuzzed bytes as a theme file, loaded
 * with jb_template_load(); the shipped slide pack sits beside it, so an
 * @include "london-pack.conf" finds it. */
#include <stdlib.h>

#include "../../template_load.h"
#include "../../util/xalloc.h"
#include "fuzz.h"

static char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *dir = fuzz_scratch();
	fuzz_copy("templates/london-pack.conf", dir, "london-pack.conf");
	path = xasprintf("%s/fuzz.conf", dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write(fuzz_scratch(), "fuzz.conf", data, size);
	char err[1024];
	jb_template_free(jb_template_load(path, err, sizeof err));
	return 0;
}
