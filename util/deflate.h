/* util/deflate.h - whole buffers deflated in zlib format (RFC 1950) by
 * ISA-L's igzip (Debian libisal-dev) at its level 1, for the PDF's
 * streams. On a deck's streams igzip level 1 takes 55% of the time
 * libdeflate's level 1 does and 25% of zlib's, for 3% more bytes than
 * libdeflate and 4% fewer than zlib. Deterministic for one build on one
 * machine: igzip picks its code for the processor, so another machine may
 * choose other (equally valid) bytes. */
#ifndef JB_DEFLATE_H
#define JB_DEFLATE_H

#include <stddef.h>

#include <isa-l/igzip_lib.h>

/* The level buffer igzip's level 1 needs, in bytes. */
#define DEFLATE_LEVEL_BUF ISAL_DEF_LVL1_DEFAULT
/* igzip looks at bytes past the end of its input (its vector code reads
 * ahead): they do not change what decompresses, but they do change which
 * matches it chooses, so bytes left there by earlier work made the same
 * deck compress differently from run to run (test_failures caught it:
 * a deck written after others differed from the same deck written
 * first). Every input is followed by at least this many zero bytes. */
#define DEFLATE_PAD 4096

/* z, just initialised (isal_deflate_init for a stream fed in pieces, as
 * the PNG writer's; isal_deflate_stateless_init for a whole buffer), set
 * to level 1 and the zlib format over level_buf (DEFLATE_LEVEL_BUF bytes). */
void deflate_setup(struct isal_zstream *z, unsigned char *level_buf);

/* igzip's state and level buffer (about 360 KB), reused from one buffer to
 * the next. */
struct deflater;
struct deflater *deflater_new(void);
void deflater_free(struct deflater *d);

/* in[0..n) deflated into a new buffer of *zn bytes (the caller frees it),
 * or NULL when igzip fails. */
unsigned char *deflater_run(struct deflater *d, const void *in, size_t n, size_t *zn);

#endif
