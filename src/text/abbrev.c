/*
 * Word lists that decide what a period means: abbreviations that keep it,
 * and the words that, after such an abbreviation, show that a new sentence
 * has begun anyway ("... in the U.S. The army ...").
 */
#include <string.h>
#include <strings.h>

#include "text/charclass.h"
#include "text/text_internal.h"

typedef struct abbrev {
    const char *word;
    uint8_t len;
    uint8_t kind;
} abbrev;

#define T(w) {w, sizeof w - 1, SR_ABBR_TITLE}
#define O(w) {w, sizeof w - 1, SR_ABBR_OTHER}

/*
 * Capitalised entries match only capitalised words ("No." but not "no.")
 * and are otherwise case-blind, so headlines in capitals match too;
 * lower-case entries match in any case. AP state abbreviations are here
 * because datelines use them ("SAN JOSE, Calif. - ").
 */
static const abbrev abbrevs[] = {
    /* titles: a name follows */
    T("Mr"), T("Mrs"), T("Ms"), T("Dr"), T("Prof"), T("Gen"), T("Gens"), T("Col"), T("Lt"),
    T("Maj"), T("Capt"), T("Sgt"), T("Cpl"), T("Pvt"), T("Adm"), T("Brig"), T("Cmdr"), T("Gov"),
    T("Sen"), T("Sens"), T("Rep"), T("Reps"), T("Rev"), T("Msgr"), T("Fr"), T("Hon"), T("Pres"),
    T("Supt"), T("Messrs"), T("St"), T("Ft"), T("Mt"), T("vs"),
    /* may end a sentence */
    O("Jr"), O("Sr"), O("No"), O("Nos"), O("Vol"), O("Inc"), O("Corp"), O("Co"), O("Ltd"),
    O("Bros"), O("etc"), O("al"), O("approx"), O("est"), O("dept"), O("univ"), O("Jan"), O("Feb"),
    O("Mar"), O("Apr"), O("Jun"), O("Jul"), O("Aug"), O("Sep"), O("Sept"), O("Oct"), O("Nov"),
    O("Dec"), O("Mon"), O("Tue"), O("Tues"), O("Wed"), O("Thu"), O("Thur"), O("Thurs"), O("Fri"),
    O("Sat"), O("Sun"), O("Ala"), O("Ariz"), O("Ark"), O("Calif"), O("Colo"), O("Conn"),
    O("Del"), O("Fla"), O("Ga"), O("Ill"), O("Ind"), O("Kan"), O("Ky"), O("La"), O("Md"),
    O("Mass"), O("Mich"), O("Minn"), O("Miss"), O("Mo"), O("Mont"), O("Neb"), O("Nev"), O("Okla"),
    O("Ore"), O("Pa"), O("Tenn"), O("Tex"), O("Va"), O("Vt"), O("Wash"), O("Wis"), O("Wyo"),
};

#define ABBREV_MAX_LEN 6

static int ascii_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* "U.S", "a.m", "Ph.D": ASCII letter groups of one or two, joined by
 * periods. */
static int dotted_acronym(const char *w, size_t n)
{
    size_t group = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == '.') {
            if (group == 0)
                return 0;
            group = 0;
        } else if (ascii_alpha(c)) {
            if (++group > 2)
                return 0;
        } else {
            return 0;
        }
    }
    return group > 0;
}

/* A single capital letter, ASCII or not: an initial as in "J. Smith". */
static int single_capital(const char *w, size_t n)
{
    const unsigned char *u = (const unsigned char *)w;
    if (n == 1)
        return u[0] >= 'A' && u[0] <= 'Z';
    if (n > 4 || u[0] < 0xC0)
        return 0;
    size_t len;
    unsigned c = sr_cc_at(u, n, 0, &len);
    return len == n && c == CC_UPPER;
}

enum sr_abbrev_kind sr_abbrev_kind(const char *w, size_t n, unsigned dots)
{
    if (n == 0)
        return SR_ABBR_NONE;
    if (dots)
        return dotted_acronym(w, n) ? SR_ABBR_OTHER : SR_ABBR_NONE;
    if (single_capital(w, n))
        return SR_ABBR_OTHER;
    if (n > ABBREV_MAX_LEN)
        return SR_ABBR_NONE;
    for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        const char *a = abbrevs[i].word;
        if (abbrevs[i].len != n || (a[0] | 0x20) != (w[0] | 0x20) ||
            strncasecmp(a, w, n) != 0)
            continue;
        if (a[0] >= 'A' && a[0] <= 'Z' && !(w[0] >= 'A' && w[0] <= 'Z'))
            continue;
        return (enum sr_abbrev_kind)abbrevs[i].kind;
    }
    return SR_ABBR_NONE;
}

typedef struct word {
    const char *s;
    uint8_t len;
} word;

#define W(w) {w, sizeof w - 1}

/* Upper-case, as norms are. */
static const word starters[] = {
    W("A"), W("AN"), W("THE"), W("HE"), W("SHE"), W("IT"), W("WE"), W("THEY"), W("I"),
    W("YOU"), W("THIS"), W("THAT"), W("THESE"), W("THOSE"), W("THERE"), W("HIS"), W("HER"),
    W("ITS"), W("THEIR"), W("OUR"), W("IN"), W("ON"), W("AT"), W("BY"), W("FOR"), W("FROM"),
    W("WITH"), W("BUT"), W("AND"), W("OR"), W("SO"), W("YET"), W("HOWEVER"), W("MEANWHILE"),
    W("AFTER"), W("BEFORE"), W("WHEN"), W("WHILE"), W("AS"), W("IF"), W("SINCE"),
    W("ALTHOUGH"), W("THOUGH"), W("DESPITE"), W("ACCORDING"), W("SOME"), W("MANY"),
    W("MOST"), W("ALL"), W("BOTH"), W("EACH"), W("ALSO"), W("EARLIER"), W("LATER"), W("NOW"),
    W("THEN"), W("WHAT"), W("WHO"), W("WHY"), W("HOW"), W("WHERE"), W("MR."), W("MRS."),
    W("MS."),
};

int sr_sentence_starter(const char *norm, size_t len)
{
    for (size_t i = 0; i < sizeof starters / sizeof starters[0]; i++)
        if (starters[i].len == len && memcmp(starters[i].s, norm, len) == 0)
            return 1;
    return 0;
}

int sr_contraction_host(const char *w, size_t n, int for_s)
{
    /* 's after these is "is"/"has"/"us", not a possessive */
    static const char *const s_hosts[] = {"it", "he", "she", "that", "there", "what",
                                          "who", "where", "here", "how", "when", "why",
                                          "let", "this"};
    /* 'd and 'm are split only after pronouns, so that transliterated
     * names like "Sa'd" stay whole */
    static const char *const dm_hosts[] = {"i", "you", "he", "she", "it", "we", "they",
                                           "who", "that", "there", "what"};
    const char *const *list = for_s ? s_hosts : dm_hosts;
    size_t count = for_s ? sizeof s_hosts / sizeof s_hosts[0]
                         : sizeof dm_hosts / sizeof dm_hosts[0];
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
            return 1;
    return 0;
}
