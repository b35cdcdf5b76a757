/*
 * Lookups in the compiled-in CAMEO table (see cameo_table.h). The table is
 * static const data, so nothing here needs locking.
 */
#include <stdlib.h>
#include <string.h>

#include "cameo/cameo_table.h"
#include "sitrep/sitrep.h"

/* Length of code if it is 2-4 ASCII digits and nothing else, else 0. */
static size_t code_length(const char *code)
{
    size_t n = 0;

    if (!code)
        return 0;
    while (n < 5 && code[n] >= '0' && code[n] <= '9')
        n++;
    if (code[n] != '\0' || n < 2 || n > 4)
        return 0;
    return n;
}

static int compare_key(const void *key, const void *entry)
{
    return strcmp(key, ((const sr_cameo_info *)entry)->code);
}

static const sr_cameo_info *find_exact(const char *code)
{
    return bsearch(code, sr_cameo_table, sr_cameo_table_len, sizeof sr_cameo_table[0],
                   compare_key);
}

const sr_cameo_info *sr_cameo_lookup(const char *code)
{
    char prefix[5];
    size_t n = code_length(code);

    if (n == 0)
        return NULL;
    memcpy(prefix, code, n + 1);
    /* Coders emit finer codes than any table lists (ICEWS-style 4-digit
     * extensions); the nearest listed parent is the honest answer. */
    for (; n >= 2; n--) {
        const sr_cameo_info *info;

        prefix[n] = '\0';
        info = find_exact(prefix);
        if (info)
            return info;
    }
    return NULL;
}

int sr_cameo_root(const char *code, char out[3])
{
    if (code_length(code) == 0)
        return SR_EINVAL;
    out[0] = code[0];
    out[1] = code[1];
    out[2] = '\0';
    return 0;
}
