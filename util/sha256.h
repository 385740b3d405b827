/* util/sha256.h - SHA-256 through nettle (Debian nettle-dev), for the run
 * manifest: which exact inputs made these decks. A file is hashed either
 * whole (sha256_file) or by its reader as the bytes go by (sha256_hex on
 * a nettle context the reader fed), so that a large input is read once. */
#ifndef JB_SHA256_H
#define JB_SHA256_H

#include <nettle/sha2.h>

/* hex gets 64 lowercase hex digits and a NUL; *bytes the file's size.
 * 0, or -1 with errno set when the file cannot be read. */
int sha256_file(const char *path, char hex[65], long long *bytes);

/* The digest of what ctx was fed, as 64 lowercase hex digits and a NUL;
 * ctx is reset, as nettle's sha256_digest does. */
void sha256_hex(struct sha256_ctx *ctx, char hex[65]);

#endif
