/* tests/fuzz/fuzz.h - what the libFuzzer targets share: a scratch data
 * directory (in /dev/shm when there is one: every input is written to
 * disk) and the calls libFuzzer makes. Each target is one fuzz_*.c built
 * by `make fuzz` (tests/fuzz/README). */
#ifndef JB_FUZZ_H
#define JB_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A new empty directory, removed with everything in it at exit. */
const char *fuzz_scratch(void);
/* Write n bytes to dir/rel (its folders made); aborts on failure. */
void fuzz_write(const char *dir, const char *rel, const void *bytes, size_t n);
/* Copy the repository file src (relative to the repository root) to
 * dir/rel. */
void fuzz_copy(const char *src, const char *dir, const char *rel);
/* Load dir as a data directory (one thread) and free it; aborts when the
 * dataset fails jb_dataset_check(): an inconsistent dataset is a crash. */
void fuzz_load(const char *dir);
/* The repository root, where the fuzzers were built (FUZZ_ROOT). */
const char *fuzz_root(void);

#endif
