/* render/display/protect_random.h - the random data qpdf draws while it
 * encrypts, made a function of a seed (see protect.h, "Determinism").
 * Implemented in C++ (protect_random.cc): qpdf's RandomDataProvider is a C++
 * class, the one thing of libqpdf its C API does not reach. */
#ifndef JB_PROTECT_RANDOM_H
#define JB_PROTECT_RANDOM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* From now until protect_random_end(), qpdf's random bytes are Yarrow-256's
 * output from seed[0..len) (len >= 32). */
void protect_random_begin(const unsigned char *seed, size_t len);
/* qpdf's own (the system's secure) random source again. */
void protect_random_end(void);

#ifdef __cplusplus
}
#endif

#endif
