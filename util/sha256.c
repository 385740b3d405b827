/* util/sha256.c - see sha256.h. */
#include "sha256.h"

#include <errno.h>
#include <stdio.h>

int sha256_file(const char *path, char hex[65], long long *bytes)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	unsigned char buf[1 << 16];
	size_t n;
	long long total = 0;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		sha256_update(&ctx, n, buf);
		total += (long long)n;
	}
	int bad = ferror(f);
	int e = errno;
	fclose(f);
	if (bad) {
		errno = e ? e : EIO;
		return -1;
	}
	sha256_hex(&ctx, hex);
	*bytes = total;
	return 0;
}

void sha256_hex(struct sha256_ctx *ctx, char hex[65])
{
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_digest(ctx, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}
