#include "text/charclass.h"

#include <utf8proc.h>

#include "util/utf8_seq.h"

/* Control characters other than line ends count as spaces, so stray NULs or
 * escape codes never glue words together or become tokens. */
const uint8_t sr_ascii_class[128] = {
    /* 0x00 */ CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
    /* 0x08 */ CC_SPACE, CC_SPACE, CC_NEWLINE, CC_NEWLINE, CC_PARA, CC_CR, CC_SPACE, CC_SPACE,
    /* 0x10 */ CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
    /* 0x18 */ CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
    /* ' ' */  CC_SPACE,
    /* !   */  CC_FINAL,
    /* "   */  CC_DQ,
    /* #   */  CC_HASH,
    /* $   */  CC_SYMBOL,
    /* %   */  CC_SYMBOL,
    /* &   */  CC_AMP,
    /* '   */  CC_APOS,
    /* ( ) */  CC_OPEN, CC_CLOSE,
    /* * + */  CC_SYMBOL, CC_SYMBOL,
    /* ,   */  CC_COMMA,
    /* -   */  CC_HYPHEN,
    /* .   */  CC_PERIOD,
    /* /   */  CC_SLASH,
    /* 0-9 */  CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT,
               CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT,
    /* : ; */  CC_COLON, CC_PUNCT,
    /* < = > */ CC_SYMBOL, CC_SYMBOL, CC_SYMBOL,
    /* ?   */  CC_FINAL,
    /* @   */  CC_AT,
    /* A-Z */  CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER,
               CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER,
               CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER,
               CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER, CC_UPPER,
    /* [   */  CC_OPEN,
    /* \   */  CC_SYMBOL,
    /* ]   */  CC_CLOSE,
    /* ^   */  CC_SYMBOL,
    /* _   */  CC_UNDERSCORE,
    /* `   */  CC_SQ_OPEN,
    /* a-z */  CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER,
               CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER,
               CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER,
               CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER, CC_LOWER,
    /* {   */  CC_OPEN,
    /* |   */  CC_SYMBOL,
    /* }   */  CC_CLOSE,
    /* ~   */  CC_SYMBOL,
    /* DEL */  CC_SPACE,
};

size_t sr_utf8_decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
    size_t bad = 1;
    size_t len = sr_utf8_seq(s + i, n - i, &bad);
    if (len == 0) {
        *cp = 0xFFFD;
        return bad;
    }
    uint32_t c = s[i];
    if (len == 2)
        c = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    else if (len == 3)
        c = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    else if (len == 4)
        c = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
            (s[i + 3] & 0x3Fu);
    *cp = c;
    return len;
}

unsigned sr_cc_of_cp(uint32_t cp)
{
    switch (cp) {
    case 0x0085: /* NEL */
    case 0x2028: /* line separator */
        return CC_NEWLINE;
    case 0x2029:
        return CC_PARA;
    case 0x00A0:
    case 0x1680:
    case 0x200B: /* zero-width space: a break opportunity */
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF: /* byte-order mark */
        return CC_SPACE;
    case 0x2019: /* ’ right single quote: mostly the apostrophe */
    case 0x02BC: /* ʼ modifier letter apostrophe */
    case 0x00B4: /* ´ typed as an apostrophe */
        return CC_APOS;
    case 0x2018: /* ‘ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2039: /* ‹ */
        return CC_SQ_OPEN;
    case 0x203A: /* › */
        return CC_SQ_CLOSE;
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x00AB: /* « */
        return CC_DQ_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
        return CC_DQ_CLOSE;
    case 0x2010: /* hyphen */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* figure dash */
    case 0x2212: /* minus */
    case 0xFE63:
    case 0xFF0D:
        return CC_HYPHEN;
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2015: /* ― */
    case 0x2E3A:
    case 0x2E3B:
    case 0xFE58:
        return CC_DASH;
    case 0x2026:
        return CC_ELLIPSIS;
    case 0x061F: /* Arabic question mark */
    case 0x06D4: /* Arabic full stop */
    case 0x0964: /* danda */
    case 0x0965:
    case 0x203C: /* ‼ */
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x3002: /* ideographic full stop */
    case 0xFF01:
    case 0xFF1F:
        return CC_FINAL;
    case 0x066B: /* Arabic decimal separator */
    case 0x066C: /* Arabic thousands separator */
        return CC_COMMA;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return CC_SPACE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_CN: /* unassigned: likely a letter of a newer version */
        return CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CC_DIGIT;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CC_NUMOTHER;
    case UTF8PROC_CATEGORY_PC:
        return CC_UNDERSCORE;
    case UTF8PROC_CATEGORY_PD:
        return CC_HYPHEN;
    case UTF8PROC_CATEGORY_PS:
        return CC_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return CC_CLOSE;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return CC_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return CC_NEWLINE;
    case UTF8PROC_CATEGORY_ZP:
        return CC_PARA;
    case UTF8PROC_CATEGORY_CF:
        return CC_FORMAT;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return CC_PUNCT;
    default: /* Sm Sc Sk So Co Cs */
        return CC_SYMBOL;
    }
}
