/* util/sha256.h - the SHA-256 of a file, through nettle (Debian
 * nettle-dev), for the run manifest: which exact inputs made these decks. */
#ifndef JB_SHA256_H
#define JB_SHA256_H

/* hex gets 64 lowercase hex digits and a NUL; *bytes the file's size.
 * 0, or -1 with errno set when the file cannot be read. */
int sha256_file(const char *path, char hex[65], long long *bytes);

#endif
