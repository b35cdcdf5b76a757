/* UTF-8 repair (sr_utf8_repair) and the readers' decoding policy. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "read/read_internal.h"
#include "sitrep/doc.h"

static char got[1024];
static size_t got_repaired;

/* sr_utf8_repair of s[0..n) into got (checked to be one C string). */
static const char *repair(const char *s, size_t n)
{
    size_t len = 0;
    char *out = sr_utf8_repair(s, n, &len, &got_repaired);
    snprintf(got, sizeof got, "%s", out);
    if (strlen(out) != len)
        snprintf(got, sizeof got, "(length %zu but strlen %zu)", len, strlen(out));
    free(out);
    return got;
}

#define FFFD "\xEF\xBF\xBD"

TEST(valid_passes_unchanged)
{
    const char *s = "Khan Sheikhoun \xE2\x80\x94 \xD8\xA5\xD8\xAF\xD9\x84\xD8\xA8 \xF0\x9F\x87\xB8";
    CHECK_STR(repair(s, strlen(s)), s);
    CHECK_INT(got_repaired, 0);
}

TEST(line_ends_and_nul)
{
    CHECK_STR(repair("a\r\nb\rc\nd\0e", 11), "a\nb\nc\nde");
    CHECK_INT(got_repaired, 0);
    CHECK_STR(repair("\r\r\n", 3), "\n\n");
}

TEST(each_maximal_subpart_is_one_replacement)
{
    /* Unicode's own example (chapter 3, "U+FFFD substitution of maximal
     * subparts") */
    CHECK_STR(repair("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13),
              "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d");
    CHECK_INT(got_repaired, 6);
}

TEST(overlongs_surrogates_and_beyond_unicode)
{
    CHECK_STR(repair("\xC0\xAF", 2), FFFD FFFD);                 /* overlong '/' */
    CHECK_STR(repair("\xE0\x80\xAF", 3), FFFD FFFD FFFD);        /* overlong, 3 bytes */
    CHECK_STR(repair("\xF0\x80\x80\xAF", 4), FFFD FFFD FFFD FFFD);
    CHECK_STR(repair("\xED\xA0\x80", 3), FFFD FFFD FFFD);        /* U+D800 */
    CHECK_STR(repair("\xF4\x90\x80\x80", 4), FFFD FFFD FFFD FFFD); /* U+110000 */
    CHECK_STR(repair("\xF5\xFF", 2), FFFD FFFD);
    CHECK_INT(got_repaired, 2);
    /* the largest code point and the last before the surrogates are fine */
    CHECK_STR(repair("\xF4\x8F\xBF\xBF\xED\x9F\xBF", 7), "\xF4\x8F\xBF\xBF\xED\x9F\xBF");
}

TEST(truncated_at_end)
{
    CHECK_STR(repair("ok\xE2\x82", 4), "ok" FFFD);
    CHECK_INT(got_repaired, 1);
    CHECK_STR(repair("\xF0\x9F\x98", 3), FFFD);
}

TEST(empty_input)
{
    CHECK_STR(repair("", 0), "");
    CHECK_INT(got_repaired, 0);
}

/* ---- the decoding policy ------------------------------------------ */

static sr_text_encoding decode(const char *s, size_t n)
{
    sr_buf b = SR_BUF_INIT;
    sr_text_encoding e = sr_text_decode(&b, s, n);
    snprintf(got, sizeof got, "%s", b.data ? b.data : "(null)");
    sr_buf_free(&b);
    return e;
}

TEST(policy_valid_utf8)
{
    CHECK_INT(decode("Idlib\r\n", 7), SR_ENC_UTF8);
    CHECK_STR(got, "Idlib\n");
    CHECK_INT(decode("\xEF\xBB\xBFTitle", 8), SR_ENC_UTF8);
    CHECK_STR(got, "Title");
}

TEST(policy_windows_1252)
{
    const char *s = "Caf\xE9 \x93quoted\x94 costs \x80" "5 \x96 na\xEFve\r\nend";
    CHECK_INT(decode(s, strlen(s)), SR_ENC_CP1252);
    CHECK_STR(got, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D costs \xE2\x82\xAC" "5 \xE2\x80\x93 na\xC3\xAFve\nend");
}

TEST(policy_utf8_with_a_damaged_byte_is_repaired_not_transcoded)
{
    const char *s = "Saraqib \xE2\x80\x93 Saraqeb \xE2\x80\x93 Sarakeb \xE2\x80\x94 and one bad \xFF byte";
    CHECK_INT(decode(s, strlen(s)), SR_ENC_REPAIRED);
    CHECK_STR(got, "Saraqib \xE2\x80\x93 Saraqeb \xE2\x80\x93 Sarakeb \xE2\x80\x94 and one bad " FFFD " byte");
}

TEST(policy_bytes_1252_leaves_undefined_are_repaired)
{
    const char *s = "abc \x81 def \xE9";
    CHECK_INT(decode(s, strlen(s)), SR_ENC_REPAIRED);
    CHECK_STR(got, "abc " FFFD " def " FFFD);
}

TEST(policy_undefined_byte_inside_a_valid_sequence)
{
    /* found by fuzzing: U+064F (D9 8F) is well-formed, and 0x8F is one of
     * the bytes Windows-1252 leaves undefined, so this is not 1252 text */
    const char *s = "<\xF4" "emplate><p>t<\xD9\x8F>";
    CHECK_INT(decode(s, strlen(s)), SR_ENC_REPAIRED);
    CHECK_STR(got, "<" FFFD "emplate><p>t<\xD9\x8F>");
}

TEST(policy_controls_rule_out_1252)
{
    /* one control among 40 bytes: not binary, but not Windows-1252 text */
    const char *s = "A control \x01 and a Latin-1 byte \xE9 here.";
    CHECK_INT(decode(s, strlen(s)), SR_ENC_REPAIRED);
    CHECK_STR(got, "A control \x01 and a Latin-1 byte " FFFD " here.");
}

TEST(policy_binary_threshold)
{
    char s[100];
    memset(s, 'x', sizeof s);
    for (int i = 0; i < 5; i++)
        s[i * 10] = '\x02';
    CHECK_INT(decode(s, 100), SR_ENC_UTF8); /* exactly 5% */
    s[95] = '\0';
    CHECK_INT(decode(s, 100), SR_ENC_BINARY); /* 6%: NUL counts */
    CHECK_STR(got, "");
    CHECK(sr_text_is_binary(s, 100));
    CHECK(!sr_text_is_binary("plain\ttext\r\n", 12));
}

TEST(policy_utf16_with_bom)
{
    static const char le[] = "\xFF\xFE" "I\0d\0l\0i\0b\0 \0\x14\x20 \0\x3C\xD8\x00\xDF\r\0\n\0";
    CHECK_INT(decode(le, sizeof le - 1), SR_ENC_UTF8);
    CHECK_STR(got, "Idlib \xE2\x80\x94 \xF0\x9F\x8C\x80\n");
    static const char be[] = "\xFE\xFF\0O\0k";
    CHECK_INT(decode(be, sizeof be - 1), SR_ENC_UTF8);
    CHECK_STR(got, "Ok");
}

int main(void)
{
    RUN(valid_passes_unchanged);
    RUN(line_ends_and_nul);
    RUN(each_maximal_subpart_is_one_replacement);
    RUN(overlongs_surrogates_and_beyond_unicode);
    RUN(truncated_at_end);
    RUN(empty_input);
    RUN(policy_valid_utf8);
    RUN(policy_windows_1252);
    RUN(policy_utf8_with_a_damaged_byte_is_repaired_not_transcoded);
    RUN(policy_bytes_1252_leaves_undefined_are_repaired);
    RUN(policy_undefined_byte_inside_a_valid_sequence);
    RUN(policy_controls_rule_out_1252);
    RUN(policy_binary_threshold);
    RUN(policy_utf16_with_bom);
    return DONE();
}
