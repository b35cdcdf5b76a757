/*
 * sha256: SHA-256 (FIPS 180-4), used for content-derived document ids.
 * Incremental (init / update / final) or one-shot. The context is a plain
 * struct the caller owns; no allocation.
 */
#ifndef SR_UTIL_SHA256_H
#define SR_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SR_SHA256_SIZE 32

typedef struct sr_sha256_ctx {
    uint32_t state[8];
    uint64_t nbytes;         /* message length so far */
    unsigned char block[64]; /* pending partial block */
    size_t nblock;
    int accel;               /* compress with the CPU's SHA instructions;
                                set by sr_sha256_init where the CPU has
                                them, cleared by tests for the portable code */
} sr_sha256_ctx;

void sr_sha256_init(sr_sha256_ctx *c);
void sr_sha256_update(sr_sha256_ctx *c, const void *data, size_t n);
void sr_sha256_final(sr_sha256_ctx *c, unsigned char out[SR_SHA256_SIZE]);

/* 1 when this CPU has the SHA instructions sr_sha256_init makes use of
 * (x86-64 SHA extensions), else 0. */
int sr_sha256_accelerated(void);

/* One-shot digest of data[0..n). */
void sr_sha256(const void *data, size_t n, unsigned char out[SR_SHA256_SIZE]);
/* Lower-case hex of the first nhex digits of the digest (nhex <= 64) into
 * out, which must hold nhex + 1 bytes. */
void sr_sha256_hex(const void *data, size_t n, char *out, size_t nhex);

#endif
