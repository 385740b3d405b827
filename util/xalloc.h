/* util/xalloc.h - allocation that never returns NULL, and small string helpers.
 *
 * One policy for the whole program: running out of memory is not recoverable
 * for a batch report tool, so every allocation goes through these wrappers,
 * which print "jembrief: out of memory" and abort. Everything returned here is
 * owned by the caller and released with free().
 */
#ifndef JB_XALLOC_H
#define JB_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array: returns p resized to hold at least need elements of size
 * elem, doubling *cap as needed. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Fatal error: prints "jembrief: <message>" and exits with status 2. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
