/* render/manifest.h - OUT/manifest.json: what the output folder holds and
 * which run made it.
 *
 * Written when a run takes the folder ("status": "running", no files) and
 * again when it ends ("complete", or "partial" when some deck or table
 * failed), so a folder a run was killed in says so. It gives the program,
 * the period analysed, the theme and the template files read, every input
 * file with its size and SHA-256, each deck asked for with "written" or
 * "failed", and every file the run wrote, with its size and SHA-256.
 * Nothing in it depends on the clock or the process, so identical runs
 * give identical manifests.
 */
#ifndef JB_MANIFEST_H
#define JB_MANIFEST_H

#include <stddef.h>

#include "../analysis/findings.h"
#include "outdir.h"
#include "template.h"

#define MANIFEST_NAME "manifest.json"

struct manifest_run {
	const char *program; /* "jembrief 0.1.0" */
	const struct jb_findings *f;
	const struct jb_template *t;
	const int *sel;       /* the decks asked for: borough index or JB_LONDON */
	const int *deck_ok;   /* [nsel]: 1 written, 0 failed; NULL while running */
	int nsel;
	/* the inputs' sizes and SHA-256 as the run's first write found them,
	 * kept for its next write: every input is read once more, not twice
	 * (at Met scale hashing 830 MB twice was a tenth of the batch); NULL
	 * until then, released by manifest_run_done() */
	struct json_object *inputs;
};

/* status: "running", "complete" or "partial". 0, or -1 with
 * "PATH: reason" in err. */
int manifest_write(const struct outdir *od, struct manifest_run *r, const char *status,
		   char *err, size_t errlen);
void manifest_run_done(struct manifest_run *r);

#endif
