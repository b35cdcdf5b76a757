/*
 * sitrep: conflict news in, coded event data out.
 *
 * This umbrella header pulls in every public module. Conventions shared by
 * all of them:
 *
 *  - Names are sr_<module>_<verb>. Handles are opaque.
 *  - Functions that can fail return 0 on success or a negative SR_E* code,
 *    and fill a caller-owned sr_error with a one-line message when one is
 *    passed (NULL is allowed and means "don't tell me why").
 *  - What comes back through an out parameter named `out` belongs to the
 *    caller, who frees it with the matching *_free. What is returned directly
 *    as a const pointer is borrowed from the handle it came from.
 *  - No global mutable state: a loaded sr_dict is read-only and may be
 *    shared by any number of threads; everything else is per-thread.
 */
#ifndef SITREP_SITREP_H
#define SITREP_SITREP_H

#include <stddef.h>
#include <stdint.h>

#define SR_VERSION "0.1.0"
/* Version of the JSON-lines record layout (docs/records.md). */
#define SR_RECORD_VERSION 1

enum sr_status {
    SR_OK = 0,
    SR_EINVAL = -1,   /* bad argument or malformed input */
    SR_ENOMEM = -2,
    SR_EIO = -3,      /* file could not be opened or read */
    SR_ENOTFOUND = -4,
    SR_EFORMAT = -5,  /* input is not in the expected format */
    SR_EUTF8 = -6     /* text is not UTF-8 and could not be repaired */
};

typedef struct sr_error {
    int code;
    char msg[320];
} sr_error;

/* Fill err (if not NULL) and return code. printf-style. */
int sr_error_set(sr_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#include "sitrep/arena.h"
#include "sitrep/doc.h"
#include "sitrep/text.h"
#include "sitrep/dict.h"
#include "sitrep/cameo.h"
#include "sitrep/coder.h"
#include "sitrep/records.h"

#endif
