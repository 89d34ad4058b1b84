#ifndef CAIRN_CCRYPTO_H
#define CAIRN_CCRYPTO_H
/* SHA-256 (FIPS 180-4), written for Cairn: the CPU's SHA extensions where present (x86-64 SHA-NI),
   portable C elsewhere. No library is linked for it: loading the system's libcrypto cost every
   cairn process about 0.7 ms of relocations. The context is a plain value type so that Swift can
   copy and store it (a copy forks the computation). */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** State of one SHA-256 computation. */
typedef struct {
    /** The chaining value h0...h7. */
    uint32_t state[8];
    /** Bytes hashed so far. */
    uint64_t length;
    /** Bytes of an incomplete block, waiting for the rest of it. */
    uint8_t buffer[64];
} ccrypto_sha256_ctx;

/** Starts a new SHA-256 computation. */
void ccrypto_sha256_init(ccrypto_sha256_ctx *ctx);
/** Adds `length` bytes to the computation. */
void ccrypto_sha256_update(ccrypto_sha256_ctx *ctx, const void *bytes, size_t length);
/** Writes the 32-byte digest; the context must be initialised again before reuse. */
void ccrypto_sha256_final(ccrypto_sha256_ctx *ctx, uint8_t digest[32]);

/** Runs the compression function over `count` 64-byte blocks in portable C (for tests). */
void ccrypto_sha256_blocks_portable(uint32_t state[8], const uint8_t *blocks, size_t count);
/** Runs the compression function over `count` blocks with the CPU's SHA extensions; returns 0 and
    leaves `state` alone when the CPU has none (for tests). */
int ccrypto_sha256_blocks_accelerated(uint32_t state[8], const uint8_t *blocks, size_t count);

#ifdef __cplusplus
}
#endif
#endif
