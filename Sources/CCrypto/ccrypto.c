#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "ccrypto.h"
#include <openssl/sha.h>
#include <string.h>

_Static_assert(sizeof(SHA256_CTX) <= sizeof(ccrypto_sha256_ctx), "ccrypto_sha256_ctx too small");

void ccrypto_sha256_init(ccrypto_sha256_ctx *ctx) {
    memset(ctx, 0, sizeof *ctx);
    SHA256_Init((SHA256_CTX *)ctx);
}

void ccrypto_sha256_update(ccrypto_sha256_ctx *ctx, const void *bytes, size_t length) {
    SHA256_Update((SHA256_CTX *)ctx, bytes, length);
}

void ccrypto_sha256_final(ccrypto_sha256_ctx *ctx, uint8_t digest[32]) {
    SHA256_Final(digest, (SHA256_CTX *)ctx);
}
