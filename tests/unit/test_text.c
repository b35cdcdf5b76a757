/*
 * Tokenization and normalization (src/text/): offsets, norm forms, clitics,
 * numbers, abbreviations, URLs, flags, and inputs built to break things.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "sitrep/arena.h"
#include "sitrep/text.h"

static sr_arena *A;

static sr_text *analyze(const char *s)
{
    return sr_text_analyze(A, s, strlen(s));
}

/* The tokens of s, one field per token separated by spaces: their norms
 * (what == 'n') or their source text (what == 's'). */
static const char *joined(const char *s, char what)
{
    sr_text *t = analyze(s);
    size_t cap = 1;
    for (size_t i = 0; i < t->ntokens; i++)
        cap += t->tokens[i].len + (t->tokens[i].end - t->tokens[i].start) + 1;
    char *out = sr_arena_alloc(A, cap), *o = out;
    for (size_t i = 0; i < t->ntokens; i++) {
        const sr_token *k = &t->tokens[i];
        if (i)
            *o++ = ' ';
        if (what == 'n') {
            memcpy(o, k->norm, k->len);
            o += k->len;
        } else {
            memcpy(o, s + k->start, k->end - k->start);
            o += k->end - k->start;
        }
    }
    *o = '\0';
    return out;
}

#define NORMS(s) joined((s), 'n')
#define SPANS(s) joined((s), 's')

static const char *norm(const char *s)
{
    size_t n;
    const char *r = sr_text_norm(A, s, strlen(s), &n);
    return strlen(r) == n ? r : "(length mismatch)";
}

/* Flags of token i of s, or 0xFFFF when there is no such token. */
static unsigned flags_at(const char *s, size_t i)
{
    sr_text *t = analyze(s);
    return i < t->ntokens ? t->tokens[i].flags : 0xFFFFu;
}

/* The invariants every analysis must keep, for any input: tokens are
 * non-empty, in order, inside the text, separated only by whitespace or
 * invisible characters; norms are NUL-terminated with the right length;
 * sentences are non-empty, contiguous, cover every token, and their offsets
 * are those of their first and last tokens. Returns NULL or a complaint. */
static const char *broken_invariant(const char *s, size_t len)
{
    sr_text *t = sr_text_analyze(A, s, len);
    size_t prev_end = 0, covered = 0;
    if (t->src != s || t->src_len != len)
        return "src";
    for (size_t i = 0; i < t->ntokens; i++) {
        const sr_token *k = &t->tokens[i];
        if (k->start >= k->end || k->end > len || k->start < prev_end)
            return "token offsets";
        if (!k->norm || strlen(k->norm) != k->len)
            return "norm length";
        for (size_t b = prev_end; b < k->start; b++) {
            unsigned char c = (unsigned char)s[b];
            if (c > ' ' && c < 0x7F)
                return "visible ASCII character outside every token";
        }
        prev_end = k->end;
    }
    for (size_t k = 0; k < t->nsentences; k++) {
        const sr_sentence *sn = &t->sentences[k];
        if (sn->ntokens == 0 || sn->first != covered)
            return "sentence token range";
        covered += sn->ntokens;
        if (covered > t->ntokens)
            return "sentence past the tokens";
        if (sn->start != t->tokens[sn->first].start ||
            sn->end != t->tokens[sn->first + sn->ntokens - 1].end)
            return "sentence offsets";
    }
    if (covered != t->ntokens)
        return "tokens outside every sentence";
    return NULL;
}

#define CHECK_INVARIANTS(s, len)                                           \
    do {                                                                   \
        const char *th_why = broken_invariant((s), (len));                 \
        if (th_why)                                                        \
            TH_FAIL("invariant broken: %s", th_why);                       \
    } while (0)

/* ---- offsets --------------------------------------------------------- */

TEST(offsets_round_trip)
{
    const char *s = "Syria\xE2\x80\x99s al\xE2\x80\x91Sham "
                    "\xE2\x80\x9CWe will keep them.\xE2\x80\x9D "
                    "\xC4\xB0" "brahim Kal\xC4\xB1n didn't go \xE2\x80\x94 U.S.-backed.";
    sr_text *t = analyze(s);
    CHECK(t->ntokens > 10);
    CHECK_INVARIANTS(s, strlen(s));
    /* each token's text is the source bytes, the multi-byte ones included */
    CHECK_STR(SPANS(s), "Syria \xE2\x80\x99s al\xE2\x80\x91Sham \xE2\x80\x9C We will keep them . "
                        "\xE2\x80\x9D \xC4\xB0" "brahim Kal\xC4\xB1n did n't go \xE2\x80\x94 "
                        "U.S.-backed .");
    CHECK_SPAN(s, t->tokens[0].start, t->tokens[0].end, "Syria");
    CHECK_SPAN(s, t->tokens[1].start, t->tokens[1].end, "\xE2\x80\x99s");
    CHECK_INT(t->tokens[1].start, 5);
    CHECK_INT(t->tokens[1].end, 9);
}

/* ---- normalization --------------------------------------------------- */

TEST(norm_accents)
{
    CHECK_STR(norm("\xC4\xB0" "brahim Kal\xC4\xB1n"), "IBRAHIM KALIN"); /* İbrahim Kalın */
    CHECK_STR(norm("Philippe \xC3\x89tienne"), "PHILIPPE ETIENNE");    /* É */
    CHECK_STR(norm("Philippe E\xCC\x81tienne"), "PHILIPPE ETIENNE");   /* E + U+0301 */
    CHECK_STR(norm("S\xC3\xA3o Paulo"), "SAO PAULO");
    CHECK_STR(norm("Stra\xC3\x9F" "e"), "STRASSE");          /* ß */
    CHECK_STR(norm("\xC3\x86r\xC3\xB8"), "AERO");             /* Ærø */
    CHECK_STR(norm("\xC5\x81\xC3\xB3" "d\xC5\xBA"), "LODZ");   /* Łódź */
    CHECK_STR(norm("\xC4\x90" "akovo"), "DAKOVO");             /* Đ */
    CHECK_STR(norm("\xC3\xBE" "ing"), "THING");                /* þ */
    CHECK_STR(norm("Erdo\xC4\x9F" "an"), "ERDOGAN");           /* ğ */
    CHECK_STR(norm("Hay\xCA\xBE" "at"), "HAY'AT");             /* ʾ transliteration */
    /* Arabic has no case; its short-vowel marks go like accents */
    CHECK_STR(norm("\xD8\xAD\xD9\x8E\xD9\x84\xD9\x8E\xD8\xA8"), "\xD8\xAD\xD9\x84\xD8\xA8");
}

TEST(norm_quotes_and_dashes)
{
    CHECK_STR(norm("al\xE2\x80\x91Sham\xE2\x80\x99s"), "AL-SHAM'S"); /* the header's example */
    CHECK_STR(norm("\xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x9Ex\xE2\x80\x9F \xC2\xABx\xC2\xBB"),
              "\"X\" \"X\" \"X\"");
    CHECK_STR(norm("\xE2\x80\x98x\xE2\x80\x99 \xE2\x80\x9Ax\xE2\x80\x9B `x\xC2\xB4"),
              "'X' 'X' 'X'");
    /* ‐ ‑ ‒ – — ― and minus */
    CHECK_STR(norm("a\xE2\x80\x90" "b\xE2\x80\x91" "c\xE2\x80\x92" "d\xE2\x80\x93"
                   "e\xE2\x80\x94" "f\xE2\x80\x95" "g\xE2\x88\x92" "h"),
              "A-B-C-D-E-F-G-H");
    CHECK_STR(norm("wait\xE2\x80\xA6"), "WAIT...");
    /* the same text down the Unicode path (ö forces it) gives the same form */
    CHECK_STR(norm("D\xC3\xB6n\xE2\x80\x99t \xE2\x80\x94 \xE2\x80\x9Cgo\xE2\x80\x9D"),
              "DON'T - \"GO\"");
}

TEST(norm_spans)
{
    size_t n = 99;
    char *r = sr_text_norm(A, "", 0, &n);
    CHECK_STR(r, "");
    CHECK_INT(n, 0);
    CHECK_STR(norm("  Bashar \n\t al-Assad  "), "BASHAR AL-ASSAD");
    CHECK_STR(norm("Bashar\xC2\xA0" "al-Assad"), "BASHAR AL-ASSAD"); /* no-break space */
    CHECK_STR(norm("Bashar\xE3\x80\x80\xC3\xA0"), "BASHAR A");          /* U+3000, à */
    /* only part of the buffer is read */
    r = sr_text_norm(A, "syria and more", 5, &n);
    CHECK_STR(r, "SYRIA");
    CHECK_INT(n, 5);
    CHECK(sr_text_norm(A, "x", 1, NULL) != NULL);
}

TEST(token_norms)
{
    CHECK_STR(NORMS("\xC4\xB0" "brahim Kal\xC4\xB1n told AP"), "IBRAHIM KALIN TOLD AP");
    CHECK_STR(NORMS("al\xE2\x80\x91Sham\xE2\x80\x99s fighters"), "AL-SHAM 'S FIGHTERS");
    CHECK_STR(NORMS("\xE2\x80\x9CWe\xE2\x80\x9D"), "\" WE \"");
    CHECK_STR(NORMS("Gen. Abdul\xE2\x80\x90Rahman"), "GEN. ABDUL-RAHMAN");
    /* invisible characters inside a word (soft hyphen, ZWNJ) stay in its
     * span but not in its norm */
    CHECK_STR(SPANS("Ter\xC2\xADror x"), "Ter\xC2\xADror x");
    CHECK_STR(NORMS("Ter\xC2\xADror Sy\xE2\x80\x8Cria"), "TERROR SYRIA");
}

/* ---- words and clitics ----------------------------------------------- */

TEST(inner_hyphens_and_apostrophes)
{
    const char *s = "al-Sham Hay'at U.S.-backed Dara'a de-escalation Ma\xE2\x80\x99" "arrat F-16s";
    CHECK_STR(SPANS(s), s);
    CHECK_STR(NORMS(s), "AL-SHAM HAY'AT U.S.-BACKED DARA'A DE-ESCALATION MA'ARRAT F-16S");
    /* Arabic names with 'd stay whole: only pronouns take 'd */
    CHECK_STR(SPANS("Sa'd Mas'ud"), "Sa'd Mas'ud");
}

TEST(possessives)
{
    CHECK_STR(SPANS("Turkey's forces' the president\xE2\x80\x99s NATO's"),
              "Turkey 's forces ' the president \xE2\x80\x99s NATO 's");
    CHECK_STR(NORMS("Turkey's forces' each others\xE2\x80\x99 O'Neill's"),
              "TURKEY 'S FORCES ' EACH OTHERS ' O'NEILL 'S");
    CHECK_INT(flags_at("Turkey's", 1), SR_TOK_POSS | SR_TOK_WORD);
    CHECK_INT(flags_at("forces'", 1), SR_TOK_POSS);
    CHECK_INT(flags_at("forces\xE2\x80\x99 territory", 1), SR_TOK_POSS);
    CHECK_INT(flags_at("the U.S.'s allies", 2), SR_TOK_POSS | SR_TOK_WORD);
    CHECK(flags_at("NATO's", 0) & SR_TOK_ALLCAPS);
    /* "it's" is "it is": split, but not a possessive */
    CHECK_STR(NORMS("it's"), "IT 'S");
    CHECK_INT(flags_at("it's", 1), SR_TOK_WORD);
    /* a single quote that was opened closes instead of marking a plural */
    CHECK_INT(flags_at("the 'rebels' said", 3), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_CLOSE);
    CHECK_INT(flags_at("the \xE2\x80\x98rebels\xE2\x80\x99 said", 1),
              SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_OPEN);
}

TEST(contractions)
{
    CHECK_STR(NORMS("didn't can't won't it's we'll they're I've I'd I'm"),
              "DID N'T CA N'T WO N'T IT 'S WE 'LL THEY 'RE I 'VE I 'D I 'M");
    CHECK_STR(SPANS("Didn\xE2\x80\x99t DON'T"), "Did n\xE2\x80\x99t DO N'T");
    CHECK_STR(NORMS("Didn\xE2\x80\x99t"), "DID N'T");
}

/* ---- numbers --------------------------------------------------------- */

TEST(numbers)
{
    CHECK_STR(SPANS("7,000 2.5 1,000,000 65% 12th 1980s $50 10:30 9/11 '90s"),
              "7,000 2.5 1,000,000 65 % 12th 1980s $ 50 10:30 9/11 '90s");
    CHECK_INT(flags_at("7,000", 0), SR_TOK_NUMBER | SR_TOK_PARA);
    CHECK_INT(flags_at("2.5", 0), SR_TOK_NUMBER | SR_TOK_PARA);
    CHECK_INT(flags_at("12th", 0), SR_TOK_NUMBER | SR_TOK_WORD | SR_TOK_PARA);
    CHECK_INT(flags_at("65%", 1), SR_TOK_PUNCT);
    CHECK_INT(flags_at("F-16", 0), SR_TOK_WORD | SR_TOK_CAP | SR_TOK_PARA);
    /* a number ending a sentence gives its period back */
    CHECK_STR(SPANS("rose to 7,000."), "rose to 7,000 .");
    /* Arabic-Indic digits are digits */
    CHECK_INT(flags_at("\xD9\xA1\xD9\xA2", 0), SR_TOK_NUMBER | SR_TOK_PARA);
}

/* ---- abbreviations --------------------------------------------------- */

TEST(abbreviations)
{
    const char *s = "Gen. Smith met Mr. Jones on Sept. 3 at No. 10 with U.S. and U.N. staff "
                    "at 9 a.m. and J. Smith, Apple Inc. and others etc. in St. Louis";
    CHECK_STR(SPANS(s), "Gen. Smith met Mr. Jones on Sept. 3 at No. 10 with U.S. and U.N. staff "
                        "at 9 a.m. and J. Smith , Apple Inc. and others etc. in St. Louis");
    sr_text *t = analyze(s);
    size_t abbr = 0;
    for (size_t i = 0; i < t->ntokens; i++)
        abbr += (t->tokens[i].flags & SR_TOK_ABBR) != 0;
    CHECK_INT(abbr, 11);
    CHECK_INT(flags_at("U.S. troops", 0),
              SR_TOK_ABBR | SR_TOK_WORD | SR_TOK_CAP | SR_TOK_ALLCAPS | SR_TOK_PARA);
    CHECK_STR(NORMS("U.S. a.m. e.g."), "U.S. A.M. E.G.");
    /* no period kept where none is an abbreviation */
    CHECK_STR(SPANS("in Syria. no. US. Said."), "in Syria . no . US . Said .");
    /* "U.S." ending the text keeps its period in the token */
    CHECK_STR(SPANS("back to the U.S."), "back to the U.S.");
    /* capitals in headlines match the list too */
    CHECK_STR(SPANS("GEN. SMITH"), "GEN. SMITH");
    /* an initial in another script */
    CHECK_STR(SPANS("\xC3\x89. Macron"), "\xC3\x89. Macron");
    /* an ellipsis after an abbreviation-like word stays an ellipsis */
    CHECK_STR(SPANS("Calif.. PARKFIELD"), "Calif .. PARKFIELD");
    CHECK_STR(NORMS("Calif.. PARKFIELD"), "CALIF ... PARKFIELD");
}

/* ---- URLs, addresses, handles, hashtags ------------------------------ */

TEST(urls_and_handles)
{
    CHECK_STR(SPANS("See https://www.example.com/a?b=1&c=2. Mail press@un.org, or @UN_News "
                    "#Idlib (http://en.wikipedia.org/wiki/Idlib_(city)) www.sana.sy."),
              "See https://www.example.com/a?b=1&c=2 . Mail press@un.org , or @UN_News "
              "#Idlib ( http://en.wikipedia.org/wiki/Idlib_(city) ) www.sana.sy .");
    CHECK_STR(NORMS("#Idlib @un"), "#IDLIB @UN");
    /* '#' before a number is not a hashtag (ag_news "#36;" entities) */
    CHECK_STR(SPANS("#36;50M"), "# 36 ; 50M");
    /* a bare "@" or "http" is an ordinary symbol or word */
    CHECK_STR(SPANS("a @ b http: x"), "a @ b http : x");
}

/* ---- punctuation ----------------------------------------------------- */

TEST(punctuation_marks)
{
    CHECK_STR(SPANS("(a) [b] {c}; d: e! f? g, \"h\""),
              "( a ) [ b ] { c } ; d : e ! f ? g , \" h \"");
    CHECK_INT(flags_at("(a)", 0), SR_TOK_PUNCT | SR_TOK_OPEN | SR_TOK_PARA);
    CHECK_INT(flags_at("(a)", 2), SR_TOK_PUNCT | SR_TOK_CLOSE);
    CHECK_INT(flags_at("say \"no\" now", 1), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_OPEN);
    CHECK_INT(flags_at("say \"no\" now", 3), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_CLOSE);
    /* straight quotes with spaces on both sides alternate */
    CHECK_INT(flags_at("a \" b \" c", 3), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_CLOSE);
    CHECK_INT(flags_at("x \xE2\x80\x9CWe", 1), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_OPEN);
    CHECK_INT(flags_at("go.\xE2\x80\x9D", 2), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_CLOSE);
    CHECK_INT(flags_at("\xC2\xAB oui \xC2\xBB", 2), SR_TOK_PUNCT | SR_TOK_QUOTE | SR_TOK_CLOSE);
    /* ellipses: one token, norm "..." */
    CHECK_STR(SPANS("wait... and\xE2\x80\xA6 so"), "wait ... and \xE2\x80\xA6 so");
    CHECK_STR(NORMS("wait... and\xE2\x80\xA6 so"), "WAIT ... AND ... SO");
    /* other symbols: one token each */
    CHECK_STR(SPANS("a+b=c <x> 5*3"), "a + b = c < x > 5 * 3");
}

TEST(dashes)
{
    CHECK_STR(SPANS("\"reconciliation\" \xE2\x80\x93 surrender"),
              "\" reconciliation \" \xE2\x80\x93 surrender");
    CHECK_STR(NORMS("Syria\xE2\x80\x94" "as Washington -- and - so"),
              "SYRIA - AS WASHINGTON - AND - SO");
    CHECK_STR(SPANS("- Rukmini Callimachi"), "- Rukmini Callimachi");
    CHECK_INT(flags_at("a \xE2\x80\x94 b", 1), SR_TOK_PUNCT);
    /* en dash in a range splits it; hyphen does not */
    CHECK_STR(SPANS("1990\xE2\x80\x93" "95 1990-95"), "1990 \xE2\x80\x93 95 1990-95");
    /* a hyphen left hanging ("pre- and post-war") is its own token */
    CHECK_STR(SPANS("pre- and post-war"), "pre - and post-war");
}

/* ---- flags ----------------------------------------------------------- */

TEST(word_flags)
{
    const char *s = "ISIL said\n\nThe UN and I left iPhone al-Assad \xC3\x89tienne "
                    "\xD8\xAD\xD9\x84\xD8\xA8";
    sr_text *t = analyze(s);
    CHECK_INT(t->ntokens, 11);
    CHECK_INT(t->tokens[0].flags, SR_TOK_WORD | SR_TOK_CAP | SR_TOK_ALLCAPS | SR_TOK_PARA);
    CHECK_INT(t->tokens[1].flags, SR_TOK_WORD);
    CHECK_INT(t->tokens[2].flags, SR_TOK_WORD | SR_TOK_CAP | SR_TOK_PARA);
    CHECK_INT(t->tokens[3].flags, SR_TOK_WORD | SR_TOK_CAP | SR_TOK_ALLCAPS);
    CHECK_INT(t->tokens[5].flags, SR_TOK_WORD | SR_TOK_CAP); /* "I": one letter */
    CHECK_INT(t->tokens[7].flags, SR_TOK_WORD);              /* iPhone */
    CHECK_INT(t->tokens[8].flags, SR_TOK_WORD);              /* al-Assad */
    CHECK_INT(t->tokens[9].flags, SR_TOK_WORD | SR_TOK_CAP); /* Étienne */
    CHECK_INT(analyze("x \xD8\xAD\xD9\x84\xD8\xA8")->tokens[1].flags, SR_TOK_WORD);
    /* only the first token and those after a blank line start paragraphs */
    CHECK_INT(flags_at("  \n\n First\nsecond", 0) & SR_TOK_PARA, SR_TOK_PARA);
    CHECK_INT(flags_at("First\nsecond", 1) & SR_TOK_PARA, 0);
    CHECK_INT(flags_at("First\r\n\r\nsecond", 1) & SR_TOK_PARA, SR_TOK_PARA);
    CHECK_INT(flags_at("First\n \t\nsecond", 1) & SR_TOK_PARA, SR_TOK_PARA);
}

/* ---- robustness ------------------------------------------------------ */

TEST(degenerate_inputs)
{
    sr_text *t = sr_text_analyze(A, "", 0);
    CHECK_INT(t->ntokens, 0);
    CHECK_INT(t->nsentences, 0);
    t = sr_text_analyze(A, NULL, 0);
    CHECK_INT(t->ntokens, 0);
    t = analyze(" \t\r\n\n \xC2\xA0\xE2\x80\x83\xE2\x80\x8B\xEF\xBB\xBF\n");
    CHECK_INT(t->ntokens, 0);
    CHECK_INT(t->nsentences, 0);
    const char *punct = "?!...,;:()[]{}\"'\xE2\x80\x9D--\xE2\x80\x94\xE2\x80\xA6%$#@&*";
    t = analyze(punct);
    CHECK(t->ntokens >= 20);
    CHECK(t->nsentences >= 1);
    CHECK_INVARIANTS(punct, strlen(punct));
    /* invisible characters alone make no token */
    CHECK_INT(analyze("\xE2\x80\x8E\xE2\x80\x8F")->ntokens, 0);
    /* NUL and control bytes separate tokens */
    const char ctrl[] = "a\0b\x01" "c\x7F" "d";
    t = sr_text_analyze(A, ctrl, sizeof ctrl - 1);
    CHECK_INT(t->ntokens, 4);
    CHECK_INVARIANTS(ctrl, sizeof ctrl - 1);
}

TEST(scripts_and_emoji)
{
    /* Arabic, RTL marks, emoji with modifiers, a flag, ZWJ sequences,
     * combining marks, CJK */
    const char *s = "\xE2\x80\x8F\xD9\x82\xD8\xA7\xD9\x84 "
                    "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3"
                    "\xD8\x8C \xD9\x87\xD9\x84 \xD8\xB5\xD8\xAD\xD9\x8A\xD8\xAD\xD8\x9F "
                    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xB8\xF0\x9F\x87\xBE"
                    "\xF0\x9F\x87\xB9\xF0\x9F\x87\xB7 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x9A\x92 "
                    "a\xCC\x81\xCC\x82\xCC\x83 \xCC\x81\xCC\x81 "
                    "\xE5\x8F\x99\xE5\x88\xA9\xE4\xBA\x9A\xE3\x80\x82";
    CHECK_INVARIANTS(s, strlen(s));
    CHECK_STR(SPANS(s),
              "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3 \xD8\x8C "
              "\xD9\x87\xD9\x84 \xD8\xB5\xD8\xAD\xD9\x8A\xD8\xAD \xD8\x9F "
              "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xB8\xF0\x9F\x87\xBE "
              "\xF0\x9F\x87\xB9\xF0\x9F\x87\xB7 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x9A\x92 "
              "a\xCC\x81\xCC\x82\xCC\x83 \xCC\x81\xCC\x81 \xE5\x8F\x99\xE5\x88\xA9\xE4\xBA\x9A "
              "\xE3\x80\x82");
    /* the Arabic comma and question mark normalize to ASCII */
    CHECK_STR(NORMS("\xD9\x87\xD9\x84\xD8\x9F \xD9\x86\xD8\xB9\xD9\x85\xD8\x8C"),
              "\xD9\x87\xD9\x84 ? \xD9\x86\xD8\xB9\xD9\x85 ,");
    /* a token of combining marks only keeps them rather than vanish */
    CHECK_STR(NORMS("\xCC\x81\xCC\x81"), "\xCC\x81\xCC\x81");
    CHECK_STR(NORMS("a\xCC\x81\xCC\x82\xCC\x83"), "A");
}

static char *repeat(const char *unit, size_t total)
{
    size_t u = strlen(unit);
    char *s = sr_arena_alloc(A, total + 1);
    for (size_t i = 0; i < total; i++)
        s[i] = unit[i % u];
    s[total] = '\0';
    /* never end inside a multi-byte character */
    size_t end = total;
    while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80)
        end--;
    s[end] = '\0';
    return s;
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

TEST(megabyte_without_spaces)
{
    static const char *const units[] = {
        "a", "U.S.", "a.a.", "'", ".", "-", "(", ")", "\"", "e\xCC\x81", "\xCC\x81",
        "\xD8\xB3", "\xF0\x9F\x91\x8D", "\xF0\x9F\x87\xB8", "#a", "@a", "http://x", "a@b.c",
        "n't", "'s", "\xE2\x80\x99", "7,0", "Gen.", "\xE2\x80\x8D", "\xE2\x80\x94",
    };
    size_t mb = (size_t)1 << 20;
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        sr_arena_reset(A);
        char *s = repeat(units[u], mb);
        double t0 = seconds();
        sr_text *t = sr_text_analyze(A, s, strlen(s));
        double dt = seconds() - t0;
        if (dt > 2.0)
            TH_FAIL("unit \"%s\": %.2f s for 1 MB, not linear", units[u], dt);
        for (size_t i = 0; i < t->ntokens; i++)
            if (t->tokens[i].end - t->tokens[i].start > 1024 + 3 && t->tokens[i].len > 4)
                TH_FAIL("unit \"%s\": token of %u bytes", units[u],
                        (unsigned)(t->tokens[i].end - t->tokens[i].start));
        const char *why = broken_invariant(s, strlen(s));
        if (why)
            TH_FAIL("unit \"%s\": %s", units[u], why);
    }
    /* one huge word is cut into pieces that cover it */
    sr_arena_reset(A);
    char *s = repeat("a", mb);
    sr_text *t = analyze(s);
    CHECK_INT(t->ntokens, mb / 1024);
    CHECK_INT(t->tokens[t->ntokens - 1].end, mb);
}

/* A cheap deterministic generator: texts glued from fragments chosen to
 * meet each other in every order. */
static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state >> 8;
}

TEST(random_fragments)
{
    static const char *const frags[] = {
        "a", "Z", "7", ".", ",", " ", "\n", "\n\n", "'", "\"", "-", "(", ")", "U.S.", "Gen.",
        "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\xA6",
        "\xC4\xB0", "\xC4\xB1", "\xCC\x81", "\xD8\xB3", "\xD8\x9F", "\xF0\x9F\x91\x8D",
        "\xE2\x80\x8D", "\xE2\x80\x8F", "\xC2\xA0", "http://", "@", "#", "s", "n't", "...", "?",
        "!", ":", ";", "%", "$", "/", "&", "\xC3\x9F", "\t", "\r\n", "\xE2\x80\xA8",
        "\xE2\x80\xA9", "\xEF\xBB\xBF", "\xFF", "\xC3", "`", "\xC2\xB4", "The ", " he ",
    };
    size_t nf = sizeof frags / sizeof frags[0];
    char buf[4096];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0, parts = 1 + rng() % 120;
        for (size_t p = 0; p < parts; p++) {
            const char *f = frags[rng() % nf];
            size_t fl = strlen(f);
            if (len + fl >= sizeof buf)
                break;
            memcpy(buf + len, f, fl);
            len += fl;
        }
        buf[len] = '\0';
        sr_arena_reset(A);
        const char *why = broken_invariant(buf, len);
        if (why)
            TH_FAIL("round %d: %s in \"%s\"", round, why, buf);
    }
}

int main(void)
{
    A = sr_arena_new(0);
    RUN(offsets_round_trip);
    RUN(norm_accents);
    RUN(norm_quotes_and_dashes);
    RUN(norm_spans);
    RUN(token_norms);
    RUN(inner_hyphens_and_apostrophes);
    RUN(possessives);
    RUN(contractions);
    RUN(numbers);
    RUN(abbreviations);
    RUN(urls_and_handles);
    RUN(punctuation_marks);
    RUN(dashes);
    RUN(word_flags);
    RUN(degenerate_inputs);
    RUN(scripts_and_emoji);
    RUN(megabyte_without_spaces);
    RUN(random_fragments);
    sr_arena_free(A);
    return DONE();
}
