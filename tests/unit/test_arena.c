/* Unit tests of the arena allocator (src/util/arena.c). */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "sitrep/arena.h"

TEST(allocations_are_aligned_and_distinct)
{
    sr_arena *a = sr_arena_new(128);
    CHECK(a != NULL);
    char *p = sr_arena_alloc(a, 3), *q = sr_arena_alloc(a, 5);
    CHECK(((uintptr_t)p % 16) == 0);
    CHECK(((uintptr_t)q % 16) == 0);
    CHECK(p != q);
    memset(p, 'x', 3);
    memset(q, 'y', 5);
    CHECK(p[2] == 'x' && q[0] == 'y');
    sr_arena_free(a);
}

TEST(big_blocks_and_many_chunks)
{
    sr_arena *a = sr_arena_new(64);
    char *big = sr_arena_alloc(a, 10000);
    memset(big, 1, 10000);
    for (int i = 0; i < 1000; i++) {
        char *s = sr_arena_alloc(a, 40);
        memset(s, i & 0xff, 40);
    }
    CHECK(big[9999] == 1);
    CHECK_INT(sr_arena_used(a), 10000 + 1000 * 40);
    sr_arena_free(a);
}

TEST(reset_keeps_working_and_counts_from_zero)
{
    sr_arena *a = sr_arena_new(256);
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 100; i++)
            sr_arena_alloc(a, 100);
        CHECK_INT(sr_arena_used(a), 100 * 100);
        sr_arena_reset(a);
        CHECK_INT(sr_arena_used(a), 0);
    }
    char *s = sr_arena_strdup(a, "after reset");
    CHECK_STR(s, "after reset");
    sr_arena_free(a);
}

TEST(strndup_and_calloc)
{
    sr_arena *a = sr_arena_new(0);
    char *s = sr_arena_strndup(a, "Idlib province", 5);
    CHECK_STR(s, "Idlib");
    int *z = sr_arena_calloc(a, 50, sizeof *z);
    for (int i = 0; i < 50; i++)
        CHECK_INT(z[i], 0);
    char *e = sr_arena_alloc(a, 0);
    CHECK(e != NULL);
    /* optional fields copy as they are */
    CHECK(sr_arena_strdup(a, NULL) == NULL);
    sr_arena_free(a);
}

int main(void)
{
    RUN(allocations_are_aligned_and_distinct);
    RUN(big_blocks_and_many_chunks);
    RUN(reset_keeps_working_and_counts_from_zero);
    RUN(strndup_and_calloc);
    return DONE();
}
