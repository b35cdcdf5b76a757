/* The store's path and opening, the same for every command that reads or
 * writes one. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

const char *cli_store_path(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("SITREP_DB");
    if (env && *env)
        return env;
    return "sitrep.db";
}

sr_store *cli_open_store(const char *cmd, const char *given, int mode)
{
    sr_store *s = NULL;
    sr_error err = {0, ""};
    if (sr_store_open(&s, cli_store_path(given), mode, &err) != 0) {
        fprintf(stderr, "sitrep %s: %s\n", cmd, err.msg);
        return NULL;
    }
    return s;
}
