/* util/deflate.c - see deflate.h. */
#include "deflate.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct deflater {
	struct isal_zstream z;
	unsigned char level_buf[DEFLATE_LEVEL_BUF];
	unsigned char *in; /* the input, then DEFLATE_PAD zero bytes */
	size_t capin;
};

void deflate_setup(struct isal_zstream *z, unsigned char *level_buf)
{
	z->level = 1;
	z->level_buf = level_buf;
	z->level_buf_size = DEFLATE_LEVEL_BUF;
	z->gzip_flag = IGZIP_ZLIB;
}

struct deflater *deflater_new(void)
{
	return xcalloc(1, sizeof(struct deflater));
}

void deflater_free(struct deflater *d)
{
	if (d)
		free(d->in);
	free(d);
}

unsigned char *deflater_run(struct deflater *d, const void *in, size_t n, size_t *zn)
{
	if (n > UINT32_MAX / 4)
		return NULL; /* igzip counts in 32 bits */
	/* The input, then zero bytes for igzip to look at (DEFLATE_PAD). */
	d->in = xgrow(d->in, &d->capin, n + DEFLATE_PAD, 1);
	if (n)
		memcpy(d->in, in, n);
	memset(d->in + n, 0, DEFLATE_PAD);
	/* Room for stored blocks (5 bytes per 65,535), the zlib header and
	 * checksum; doubled if igzip says it overflowed. */
	size_t cap = n + n / 16 + 1024;
	for (int tries = 0; tries < 2; tries++, cap *= 2) {
		unsigned char *out = xmalloc(cap);
		struct isal_zstream *z = &d->z;
		isal_deflate_stateless_init(z);
		deflate_setup(z, d->level_buf);
		z->end_of_stream = 1;
		z->next_in = d->in;
		z->avail_in = (uint32_t)n;
		z->next_out = out;
		z->avail_out = (uint32_t)cap;
		int rc = isal_deflate_stateless(z);
		if (rc == COMP_OK) {
			*zn = z->total_out;
			return out;
		}
		free(out);
		if (rc != STATELESS_OVERFLOW)
			return NULL;
	}
	return NULL;
}
