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
    RUN(hex_prefix);
    return DONE();
}
