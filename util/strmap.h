/* util/strmap.h - a string -> int map (open addressing, FNV-1a, at most
 * half full).
 *
 * Used for code lookups (LSOA, ward, category names). Keys are copied; the
 * map owns them. strmap_free(NULL) is safe. strmap_get() and
 * strmap_count() only read, so any number of threads may look up at once
 * in a map no one is changing; strmap_put() needs the map to itself.
 */
#ifndef JB_STRMAP_H
#define JB_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *m);
/* Value for key, or -1 when absent. */
int strmap_get(const struct strmap *m, const char *key);
/* Set key to value (replacing any earlier value). */
void strmap_put(struct strmap *m, const char *key, int value);
size_t strmap_count(const struct strmap *m);

#endif
