/* util/strmap.c - see strmap.h. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct slot {
	char *key;
	int value;
};

struct strmap {
	struct slot *slots;
	size_t cap; /* power of two */
	size_t count;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
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

static struct slot *find(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)hash(key) & mask;
	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & mask;
	return &m->slots[i];
}

int strmap_get(const struct strmap *m, const char *key)
{
	const struct slot *s = find(m, key);
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
			*find(m, old[i].key) = old[i];
	free(old);
}

void strmap_put(struct strmap *m, const char *key, int value)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	struct slot *s = find(m, key);
	if (!s->key) {
		s->key = xstrdup(key);
		m->count++;
	}
	s->value = value;
}

size_t strmap_count(const struct strmap *m)
{
	return m->count;
}
