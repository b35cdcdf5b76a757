/* String equality inline, for the word rules of figures and quotes: they
 * ask it of most tokens many times over, and a call to strcmp per
 * question showed in their profiles. */
#ifndef SR_UTIL_STREQ_H
#define SR_UTIL_STREQ_H

static inline int sr_streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

#endif
