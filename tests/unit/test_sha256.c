#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util/sha256.h"

static const char *hex_of(const void *p, size_t n)
{
    static char out[65];
    sr_sha256_hex(p, n, out, 64);
    return out;
}

/* FIPS 180-2, appendix B */
TEST(fips_one_block)
{
    CHECK_STR(hex_of("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(fips_two_blocks)
{
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    CHECK_STR(hex_of(m, strlen(m)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(fips_million_a_incremental)
{
    /* fed in uneven pieces so partial blocks are carried over */
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    sr_sha256_ctx c;
    sr_sha256_init(&c);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        sr_sha256_update(&c, chunk, n);
        left -= n;
    }
    unsigned char d[32];
    sr_sha256_final(&c, d);
    static const unsigned char want[32] = {
        0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7, 0xe2, 0x84, 0xd7, 0x3e, 0x67,
        0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97, 0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0};
    CHECK(memcmp(d, want, 32) == 0);
}

TEST(empty_and_padding_edges)
{
    CHECK_STR(hex_of("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /* 55 and 56 bytes: the length does or does not fit in the last block */
    char m[64];
    memset(m, 'a', sizeof m);
    CHECK_STR(hex_of(m, 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK_STR(hex_of(m, 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK_STR(hex_of(m, 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

/* FIPS 180-2 appendix C's 896-bit message */
TEST(fips_four_blocks)
{
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                    "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    CHECK_STR(hex_of(m, strlen(m)), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void digest(const unsigned char *m, size_t n, int accel, size_t piece,
                   unsigned char out[32])
{
    sr_sha256_ctx c;
    sr_sha256_init(&c);
    c.accel = accel;
    for (size_t at = 0; at < n; at += piece)
        sr_sha256_update(&c, m + at, n - at < piece ? n - at : piece);
    sr_sha256_final(&c, out);
}

/* The portable code and the CPU's SHA instructions (where it has them)
 * give the same digests for every length around the block and padding
 * edges and for long messages, fed whole and in odd pieces. On a CPU
 * without them both runs take the portable path and the test only checks
 * the pieces against the whole. */
TEST(accelerated_matches_portable)
{
    static unsigned char m[70000];
    uint32_t x = 2463534242u; /* xorshift: the same bytes every run */
    for (size_t k = 0; k < sizeof m; k++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        m[k] = (unsigned char)x;
    }
    static const size_t longer[] = {511, 512, 513, 4095, 4096, 65536, 69999, 70000};
    size_t nlengths = 301 + sizeof longer / sizeof longer[0];
    for (size_t k = 0; k < nlengths; k++) {
        size_t n = k <= 300 ? k : longer[k - 301];
        const unsigned char *start = m + (k * 7) % 64; /* unaligned starts too */
        if (start + n > m + sizeof m)
            start = m;
        unsigned char a[32], b[32], c[32];
        digest(start, n, 0, n ? n : 1, a);
        digest(start, n, sr_sha256_accelerated(), n ? n : 1, b);
        digest(start, n, sr_sha256_accelerated(), 1 + k % 97, c);
        if (memcmp(a, b, 32) != 0 || memcmp(a, c, 32) != 0)
            TH_FAIL("digests differ at length %zu", n);
    }
}

/* Both paths through the FIPS vectors, whatever the CPU. */
TEST(portable_known_vectors)
{
    unsigned char d[32];
    digest((const unsigned char *)"abc", 3, 0, 3, d);
    static const unsigned char abc[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
        0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    CHECK(memcmp(d, abc, 32) == 0);
    static unsigned char million[1000000];
    memset(million, 'a', sizeof million);
    static const unsigned char want[32] = {
        0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7, 0xe2, 0x84, 0xd7, 0x3e, 0x67,
        0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97, 0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0};
    digest(million, sizeof million, 0, 4096, d);
    CHECK(memcmp(d, want, 32) == 0);
    digest(million, sizeof million, sr_sha256_accelerated(), sizeof million, d);
    CHECK(memcmp(d, want, 32) == 0);
}

/* On x86-64 the tests say which path they exercised, so a log shows
 * whether the SHA instructions were tested on this machine. */
TEST(which_path)
{
    fprintf(stderr, "test_sha256: SHA instructions %s\n",
            sr_sha256_accelerated() ? "in use and tested" : "absent: portable code only");
    CHECK(sr_sha256_accelerated() == 0 || sr_sha256_accelerated() == 1);
}

TEST(hex_prefix)
{
    char out[17];
    sr_sha256_hex("abc", 3, out, 16);
    CHECK_STR(out, "ba7816bf8f01cfea");
}

int main(void)
{
    RUN(fips_one_block);
    RUN(fips_two_blocks);
    RUN(fips_million_a_incremental);
    RUN(empty_and_padding_edges);
    RUN(fips_four_blocks);
    RUN(accelerated_matches_portable);
    RUN(portable_known_vectors);
    RUN(which_path);
    RUN(hex_prefix);
    return DONE();
}
