/* util/strmap.c - see strmap.h. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct slot {
	char *key;
	uint64_t hash; /* of key: most probes end on it, without a strcmp */
	int value;
};

struct strmap {
	struct slot *slots;
	size_t cap; /* power of two */
	size_t count;
};

/* FNV-1a, then a final mix (splitmix64's), so that the low bits the
 * table is indexed by depend on every byte: codes such as E01000006 and
 * E01000007 differ only in their last one. */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

struct strmap *strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof *m);
	m->cap = 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	return m;
}

void strmap_free(struct strmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}

static struct slot *find(const struct strmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)h & mask;
	while (m->slots[i].key && (m->slots[i].hash != h || strcmp(m->slots[i].key, key) != 0))
		i = (i + 1) & mask;
	return &m->slots[i];
}

int strmap_get(const struct strmap *m, const char *key)
{
	const struct slot *s = find(m, key, hash(key));
	return s->key ? s->value : -1;
}

static void grow(struct strmap *m)
{
	struct slot *old = m->slots;
	size_t oldcap = m->cap;
	m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].hash) = old[i];
	free(old);
}

void strmap_put(struct strmap *m, const char *key, int value)
{
	if ((m->count + 1) * 2 > m->cap) /* at most half full: short probes */
		grow(m);
	uint64_t h = hash(key);
	struct slot *s = find(m, key, h);
	if (!s->key) {
		s->key = xstrdup(key);
		s->hash = h;
		m->count++;
	}
	s->value = value;
}

size_t strmap_count(const struct strmap *m)
{
	return m->count;
}
