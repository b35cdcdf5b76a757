/*
 * sr_text_analyze: tokenize, then segment the tokens into sentences.
 */
#include <stdint.h>

#include "sitrep/text.h"
#include "text/text_internal.h"

/* Offsets are 32-bit: a longer text is analyzed up to the last character
 * boundary that fits (no document comes near 4 GiB). */
static size_t usable_length(const char *text, size_t len)
{
    if (len <= UINT32_MAX)
        return len;
    len = UINT32_MAX;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
        len--;
    return len;
}

sr_text *sr_text_analyze(sr_arena *arena, const char *text, size_t len)
{
    sr_text *tx = sr_arena_calloc(arena, 1, sizeof *tx);
    uint8_t *info;
    tx->src = text;
    tx->src_len = len;
    if (!text)
        len = 0;
    sr_tokenize(arena, tx, usable_length(text, len), &info);
    sr_segment(arena, tx, info);
    return tx;
}
