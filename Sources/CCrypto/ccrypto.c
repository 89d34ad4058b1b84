#include "ccrypto.h"
#include "sha256_blocks.h"
#include <string.h>

static void blocks(uint32_t state[8], const uint8_t *data, size_t count) {
    if (ccrypto_sha256_has_extensions()) {
        ccrypto_sha256_blocks_shani(state, data, count);
    } else {
        ccrypto_sha256_blocks_portable(state, data, count);
    }
}

int ccrypto_sha256_blocks_accelerated(uint32_t state[8], const uint8_t *data, size_t count) {
    if (!ccrypto_sha256_has_extensions()) return 0;
    ccrypto_sha256_blocks_shani(state, data, count);
    return 1;
}

void ccrypto_sha256_init(ccrypto_sha256_ctx *ctx) {
    /* FIPS 180-4, 5.3.3. */
    static const uint32_t initial[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(ctx->state, initial, sizeof initial);
    ctx->length = 0;
    memset(ctx->buffer, 0, sizeof ctx->buffer);
}

void ccrypto_sha256_update(ccrypto_sha256_ctx *ctx, const void *bytes, size_t length) {
    const uint8_t *data = bytes;
    size_t buffered = (size_t)(ctx->length & 63);
    ctx->length += length;
    if (buffered > 0) {
        size_t take = 64 - buffered < length ? 64 - buffered : length;
        memcpy(ctx->buffer + buffered, data, take);
        data += take;
        length -= take;
        if (buffered + take < 64) return;
        blocks(ctx->state, ctx->buffer, 1);
    }
    if (length >= 64) {
        blocks(ctx->state, data, length / 64);
        data += length & ~(size_t)63;
        length &= 63;
    }
    if (length > 0) memcpy(ctx->buffer, data, length);
}

void ccrypto_sha256_final(ccrypto_sha256_ctx *ctx, uint8_t digest[32]) {
    /* FIPS 180-4, 5.1.1: a 1 bit, zeros, and the length in bits as a 64-bit big-endian number. */
    uint64_t bits = ctx->length * 8;
    size_t buffered = (size_t)(ctx->length & 63);
    ctx->buffer[buffered++] = 0x80;
    if (buffered > 56) {
        memset(ctx->buffer + buffered, 0, 64 - buffered);
        blocks(ctx->state, ctx->buffer, 1);
        buffered = 0;
    }
    memset(ctx->buffer + buffered, 0, 56 - buffered);
    for (int i = 0; i < 8; i++) ctx->buffer[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
    blocks(ctx->state, ctx->buffer, 1);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(ctx->state[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(ctx->state[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(ctx->state[i] >> 8);
        digest[4 * i + 3] = (uint8_t)ctx->state[i];
    }
}
