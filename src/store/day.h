/* Day arithmetic on the store's "YYYY-MM-DD" dates (store_day.c). */
#ifndef SR_STORE_DAY_H
#define SR_STORE_DAY_H

/* Days since 1970-01-01 of a "YYYY-MM-DD" text; 0 when s is one, else
 * SR_EINVAL. */
int sr_store_day_number(const char *s, long *out);
/* The "YYYY-MM-DD" of a day number. */
void sr_store_day_text(long day, char out[11]);

#endif
