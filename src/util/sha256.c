/*
 * SHA-256 (FIPS 180-4). Two compression functions: the portable one, and
 * on x86-64 CPUs with the SHA extensions one built on their instructions
 * (SHA256RNDS2 does two rounds, SHA256MSG1/MSG2 extend the message
 * schedule), several times faster; sr_sha256_init picks it when the CPU
 * has it. Both give the same digests (the unit tests compare them).
 */
#include "util/sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static void compress_portable(uint32_t st[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
}

#ifdef SHA256_X86
/* The state as the SHA instructions hold it: A B E F in one register and
 * C D G H in the other, the first letter in the high lane. Each round
 * pair reads the message words plus constants from the low two lanes of
 * wk. A pair's new A B E F leaves the old A B E F as the new C D G H, so
 * the two registers swap roles every pair and are back in place after an
 * even number of pairs. */
__attribute__((target("sha,ssse3"))) static void compress_shani(uint32_t st[8],
                                                               const unsigned char *p)
{
    /* big-endian message words: reverse the bytes of each 32-bit lane */
    const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    __m128i abef = _mm_set_epi32((int)st[0], (int)st[1], (int)st[4], (int)st[5]);
    __m128i cdgh = _mm_set_epi32((int)st[2], (int)st[3], (int)st[6], (int)st[7]);
    const __m128i abef0 = abef, cdgh0 = cdgh;

    /* w0..w3: sixteen message words, four to a register, lane 0 the
     * earliest of its four; w0 is the group the next four rounds use */
    __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), bswap);
    __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), bswap);
    __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), bswap);
    __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), bswap);
    for (int i = 0; i < 16; i++) {
        __m128i wk = _mm_add_epi32(w0, _mm_loadu_si128((const __m128i *)&K[4 * i]));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        /* the group four on: W[t] = W[t-16] + s0(W[t-15]) + W[t-7] +
         * s1(W[t-2]). MSG1 gives the first two terms, W[t-7..t-4]
         * straddle w2 and w3, MSG2 adds s1 of the words it computes as
         * it goes */
        __m128i next = w3;
        if (i < 12) {
            next = _mm_sha256msg1_epu32(w0, w1);
            next = _mm_add_epi32(next, _mm_alignr_epi8(w3, w2, 4));
            next = _mm_sha256msg2_epu32(next, w3);
        }
        w0 = w1;
        w1 = w2;
        w2 = w3;
        w3 = next;
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);

    uint32_t l[4], r[4]; /* lane 0 first */
    _mm_storeu_si128((__m128i *)l, abef);
    _mm_storeu_si128((__m128i *)r, cdgh);
    st[0] = l[3];
    st[1] = l[2];
    st[4] = l[1];
    st[5] = l[0];
    st[2] = r[3];
    st[3] = r[2];
    st[6] = r[1];
    st[7] = r[0];
}

/* CPUID traps to the hypervisor in a virtual machine (microseconds), so
 * its answer is kept: 0 not asked yet, 1 no, 2 yes. Every thread that asks
 * finds the same answer, so a relaxed atomic suffices. */
static atomic_int have_shani = 0;

static int cpu_has_shani(void)
{
    int known = atomic_load_explicit(&have_shani, memory_order_relaxed);
    if (known)
        return known == 2;
    unsigned a, b, c, d;
    int yes = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && __get_cpuid_max(0, NULL) >= 7;
    if (yes) {
        __cpuid_count(7, 0, a, b, c, d);
        yes = (b & bit_SHA) != 0;
    }
    atomic_store_explicit(&have_shani, yes ? 2 : 1, memory_order_relaxed);
    return yes;
}
#endif

int sr_sha256_accelerated(void)
{
#ifdef SHA256_X86
    return cpu_has_shani();
#else
    return 0;
#endif
}

static void compress(const sr_sha256_ctx *c, uint32_t st[8], const unsigned char *p)
{
#ifdef SHA256_X86
    if (c->accel) {
        compress_shani(st, p);
        return;
    }
#else
    (void)c;
#endif
    compress_portable(st, p);
}

void sr_sha256_init(sr_sha256_ctx *c)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->state, iv, sizeof iv);
    c->nbytes = 0;
    c->nblock = 0;
    c->accel = sr_sha256_accelerated();
}

void sr_sha256_update(sr_sha256_ctx *c, const void *data, size_t n)
{
    const unsigned char *p = data;
    c->nbytes += n;
    if (c->nblock) {
        size_t take = 64 - c->nblock < n ? 64 - c->nblock : n;
        memcpy(c->block + c->nblock, p, take);
        c->nblock += take;
        p += take;
        n -= take;
        if (c->nblock < 64)
            return;
        compress(c, c->state, c->block);
        c->nblock = 0;
    }
    for (; n >= 64; p += 64, n -= 64)
        compress(c, c->state, p);
    memcpy(c->block, p, n);
    c->nblock = n;
}

void sr_sha256_final(sr_sha256_ctx *c, unsigned char out[SR_SHA256_SIZE])
{
    uint64_t bits = c->nbytes * 8;
    /* pad: 0x80, zeros to 56 mod 64, then the bit length big-endian */
    c->block[c->nblock++] = 0x80;
    if (c->nblock > 56) {
        memset(c->block + c->nblock, 0, 64 - c->nblock);
        compress(c, c->state, c->block);
        c->nblock = 0;
    }
    memset(c->block + c->nblock, 0, 56 - c->nblock);
    for (int i = 0; i < 8; i++)
        c->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
    compress(c, c->state, c->block);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(c->state[i] >> 24);
        out[4 * i + 1] = (unsigned char)(c->state[i] >> 16);
        out[4 * i + 2] = (unsigned char)(c->state[i] >> 8);
        out[4 * i + 3] = (unsigned char)c->state[i];
    }
}

void sr_sha256(const void *data, size_t n, unsigned char out[SR_SHA256_SIZE])
{
    sr_sha256_ctx c;
    sr_sha256_init(&c);
    sr_sha256_update(&c, data, n);
    sr_sha256_final(&c, out);
}

void sr_sha256_hex(const void *data, size_t n, char *out, size_t nhex)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char d[SR_SHA256_SIZE];
    sr_sha256(data, n, d);
    if (nhex > 2 * SR_SHA256_SIZE)
        nhex = 2 * SR_SHA256_SIZE;
    for (size_t i = 0; i < nhex; i++)
        out[i] = hex[i & 1 ? d[i / 2] & 15 : d[i / 2] >> 4];
    out[nhex] = '\0';
}
