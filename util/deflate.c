/* util/deflate.c - see deflate.h. */
#include "deflate.h"

#include <libdeflate.h>
#include <stdlib.h>

#include "xalloc.h"

struct deflater {
	struct libdeflate_compressor *z;
};

struct deflater *deflater_new(void)
{
	struct deflater *d = xcalloc(1, sizeof *d);
	d->z = libdeflate_alloc_compressor(1);
	return d;
}

void deflater_free(struct deflater *d)
{
	if (d)
		libdeflate_free_compressor(d->z);
	free(d);
}

unsigned char *deflater_run(struct deflater *d, const void *in, size_t n, size_t *zn)
{
	if (!d->z)
		return NULL; /* out of memory when it was made */
	size_t cap = libdeflate_zlib_compress_bound(d->z, n);
	unsigned char *out = xmalloc(cap);
	*zn = libdeflate_zlib_compress(d->z, in, n, out, cap);
	if (*zn == 0) {
		free(out);
		return NULL;
	}
	return out;
}
