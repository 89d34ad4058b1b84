#include "ccrypto.h"
#include "sha256_blocks.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int ccrypto_sha256_has_extensions(void) {
    /* 0 unknown, 1 absent, 2 present; every thread computes the same answer. */
    static int known = 0;
    int answer = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (answer == 0) {
        unsigned eax, ebx, ecx, edx;
        int sse41 = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSE4_1);
        int sha = __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_SHA);
        answer = (sse41 && sha) ? 2 : 1;
        __atomic_store_n(&known, answer, __ATOMIC_RELAXED);
    }
    return answer == 2;
}

/* Four rounds at a time. The SHA-NI round instruction keeps the working variables in two registers,
   "abef" (a in the highest lane, f in the lowest) and "cdgh"; each call does two rounds with the
   two lowest lanes of the message-plus-constant vector, and the registers swap roles after it. The
   message schedule is computed four words at a time from the last sixteen, in `m`. */
__attribute__((target("sha,sse4.1")))
void ccrypto_sha256_blocks_shani(uint32_t state[8], const uint8_t *blocks, size_t count) {
    const __m128i byteswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    __m128i abef = _mm_set_epi32((int)state[0], (int)state[1], (int)state[4], (int)state[5]);
    __m128i cdgh = _mm_set_epi32((int)state[2], (int)state[3], (int)state[6], (int)state[7]);
    for (; count > 0; count--, blocks += 64) {
        const __m128i abef0 = abef, cdgh0 = cdgh;
        __m128i m[4];
        for (int i = 0; i < 4; i++) {
            m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * i)), byteswap);
        }
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            __m128i words = m[i & 3];
            if (i >= 4) {
                /* W[t..t+3] from W[t-16..t-13] (m[i&3]), W[t-12..t-9], W[t-8..t-5], W[t-4..t-1]. */
                __m128i previous = m[(i + 3) & 3];
                __m128i mixed = _mm_sha256msg1_epu32(m[i & 3], m[(i + 1) & 3]);
                mixed = _mm_add_epi32(mixed, _mm_alignr_epi8(previous, m[(i + 2) & 3], 4));
                words = m[i & 3] = _mm_sha256msg2_epu32(mixed, previous);
            }
            __m128i wk = _mm_add_epi32(words, _mm_loadu_si128((const __m128i *)(ccrypto_sha256_k + 4 * i)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    state[0] = (uint32_t)_mm_extract_epi32(abef, 3);
    state[1] = (uint32_t)_mm_extract_epi32(abef, 2);
    state[4] = (uint32_t)_mm_extract_epi32(abef, 1);
    state[5] = (uint32_t)_mm_extract_epi32(abef, 0);
    state[2] = (uint32_t)_mm_extract_epi32(cdgh, 3);
    state[3] = (uint32_t)_mm_extract_epi32(cdgh, 2);
    state[6] = (uint32_t)_mm_extract_epi32(cdgh, 1);
    state[7] = (uint32_t)_mm_extract_epi32(cdgh, 0);
}

#else

int ccrypto_sha256_has_extensions(void) { return 0; }

void ccrypto_sha256_blocks_shani(uint32_t state[8], const uint8_t *blocks, size_t count) {
    ccrypto_sha256_blocks_portable(state, blocks, count);
}

#endif
