#ifndef CAIRN_CCRYPTO_H
#define CAIRN_CCRYPTO_H
/* A plain C view of the SHA-256 of the system's libcrypto (OpenSSL 3), which uses the CPU's SHA
   extensions where present. The context is a value type so that Swift can copy and store it. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** State of one SHA-256 computation; opaque, large enough for OpenSSL's SHA256_CTX. */
typedef struct { uint64_t opaque[16]; } ccrypto_sha256_ctx;

/** Starts a new SHA-256 computation. */
void ccrypto_sha256_init(ccrypto_sha256_ctx *ctx);
/** Adds `length` bytes to the computation. */
void ccrypto_sha256_update(ccrypto_sha256_ctx *ctx, const void *bytes, size_t length);
/** Writes the 32-byte digest; the context must be initialised again before reuse. */
void ccrypto_sha256_final(ccrypto_sha256_ctx *ctx, uint8_t digest[32]);

#ifdef __cplusplus
}
#endif
#endif
