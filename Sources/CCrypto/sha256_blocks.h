#ifndef CAIRN_SHA256_BLOCKS_H
#define CAIRN_SHA256_BLOCKS_H
/* Private to CCrypto: the round constants and the two compression functions. */
#include <stddef.h>
#include <stdint.h>

/** The 64 round constants of FIPS 180-4, section 4.2.2. */
extern const uint32_t ccrypto_sha256_k[64];

/** Whether this CPU has the SHA extensions (x86-64 SHA-NI with SSE4.1); always 0 elsewhere. */
int ccrypto_sha256_has_extensions(void);
/** The compression function with the SHA extensions; only call when they are present. */
void ccrypto_sha256_blocks_shani(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
