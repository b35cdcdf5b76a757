#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util/buf.h"

/* The JSON literal of s[0..n), as a fresh C string in a static buffer. */
static const char *json_of(const char *s, size_t n)
{
    static char out[256];
    sr_buf b = SR_BUF_INIT;
    sr_buf_json_str(&b, s, n);
    snprintf(out, sizeof out, "%s", b.data);
    sr_buf_free(&b);
    return out;
}

TEST(starts_empty_and_terminates)
{
    sr_buf b;
    sr_buf_init(&b);
    CHECK(b.data == NULL);
    CHECK_INT(b.len, 0);
    sr_buf_put(&b, "abc", 3);
    CHECK_INT(b.len, 3);
    CHECK_STR(b.data, "abc");
    sr_buf_putc(&b, 'd');
    sr_buf_puts(&b, "ef");
    CHECK_STR(b.data, "abcdef");
    size_t cap = b.cap;
    sr_buf_reset(&b);
    CHECK_INT(b.len, 0);
    CHECK_STR(b.data, "");
    CHECK_INT(b.cap, cap);
    sr_buf_free(&b);
    CHECK(b.data == NULL);
    CHECK_INT(b.cap, 0);
}

TEST(grows_past_many_doublings)
{
    sr_buf b = SR_BUF_INIT;
    for (int i = 0; i < 100000; i++)
        sr_buf_putc(&b, (char)('a' + i % 26));
    CHECK_INT(b.len, 100000);
    CHECK(b.cap > b.len);
    CHECK_INT(b.data[99999], 'a' + 99999 % 26);
    CHECK_INT(b.data[100000], '\0');
    sr_buf_free(&b);
}

TEST(grow_gives_room_to_write)
{
    sr_buf b = SR_BUF_INIT;
    sr_buf_puts(&b, "x=");
    char *w = sr_buf_grow(&b, 1000);
    memset(w, '7', 1000);
    b.len += 1000;
    b.data[b.len] = '\0';
    CHECK_INT(strlen(b.data), 1002);
    CHECK_INT(b.data[1001], '7');
    sr_buf_free(&b);
}

TEST(printf_appends_long_output)
{
    sr_buf b = SR_BUF_INIT;
    sr_buf_puts(&b, "n=");
    sr_buf_printf(&b, "%d %s", 42, "ok");
    CHECK_STR(b.data, "n=42 ok");
    char big[5000];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    sr_buf_printf(&b, "[%s]", big);
    CHECK_INT(b.len, 7 + 2 + 4999);
    CHECK_INT(b.data[b.len - 1], ']');
    CHECK_INT(b.data[8], 'q');
    sr_buf_free(&b);
}

TEST(json_escapes_quotes_backslash_controls)
{
    CHECK_STR(json_of("a\"b\\c", 5), "\"a\\\"b\\\\c\"");
    CHECK_STR(json_of("\n\t\r\b\f", 5), "\"\\n\\t\\r\\b\\f\"");
    CHECK_STR(json_of("\x01\x1f", 2), "\"\\u0001\\u001f\"");
    CHECK_STR(json_of("a\0b", 3), "\"a\\u0000b\"");
    CHECK_STR(json_of("/\x7f", 2), "\"/\x7f\"");
    CHECK_STR(json_of("", 0), "\"\"");
}

TEST(json_passes_utf8_and_escapes_line_separators)
{
    const char *s = "Saraqeb \xE2\x80\x93 Idlib \xF0\x9F\x98\x80";
    CHECK_STR(json_of(s, strlen(s)),
              "\"Saraqeb \xE2\x80\x93 Idlib \xF0\x9F\x98\x80\"");
    CHECK_STR(json_of("a\xE2\x80\xA8" "b\xE2\x80\xA9", 8), "\"a\\u2028b\\u2029\"");
}

TEST(json_replaces_invalid_utf8)
{
    /* a lone continuation byte, a truncated sequence, an overlong form */
    CHECK_STR(json_of("a\x80z", 3), "\"a\\ufffdz\"");
    CHECK_STR(json_of("a\xE2\x80", 3), "\"a\\ufffd\"");
    CHECK_STR(json_of("\xC0\xAF", 2), "\"\\ufffd\\ufffd\"");
    CHECK_STR(json_of("\xED\xA0\x80", 3), "\"\\ufffd\\ufffd\\ufffd\"");
}

TEST(json_strz_null)
{
    sr_buf b = SR_BUF_INIT;
    sr_buf_json_strz(&b, NULL);
    sr_buf_putc(&b, ',');
    sr_buf_json_strz(&b, "x\"");
    CHECK_STR(b.data, "null,\"x\\\"\"");
    sr_buf_free(&b);
}

int main(void)
{
    RUN(starts_empty_and_terminates);
    RUN(grows_past_many_doublings);
    RUN(grow_gives_room_to_write);
    RUN(printf_appends_long_output);
    RUN(json_escapes_quotes_backslash_controls);
    RUN(json_passes_utf8_and_escapes_line_separators);
    RUN(json_replaces_invalid_utf8);
    RUN(json_strz_null);
    return DONE();
}
