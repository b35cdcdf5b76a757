/*
 * Dictionary loaders: small dictionaries written to temporary files (lines
 * copied from the PETRARCH2 and Phoenix files), then the real files of
 * data/dict when they are there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict/dict_internal.h"
#include "dict/load.h"
#include "harness.h"
#include "sitrep/sitrep.h"

/* ---- helpers --------------------------------------------------------- */


typedef struct warnings {
    char text[8192];
    int n;
} warnings;

static void collect(const char *msg, void *ctx)
{
    warnings *w = ctx;
    size_t used = strlen(w->text);
    snprintf(w->text + used, sizeof w->text - used, "%s\n", msg);
    w->n++;
}

static int has_warning(const warnings *w, const char *needle)
{
    return strstr(w->text, needle) != NULL;
}

static uint32_t wid(const sr_dict *d, const char *w)
{
    return sr_dict_word_id(d, w, strlen(w));
}

/* Value at the end of the phrase (space-separated normalized tokens), trying
 * every edge a token may take; -1 if none. */
static int32_t walk(const sr_dict *d, const sr_trie *t, uint32_t node, char **w, int n)
{
    if (n == 0)
        return sr_trie_value(t, node);
    sr_token_ids ids;
    sr_dict_token_ids(d, w[0], strlen(w[0]), &ids);
    uint32_t next[SR_TRIE_NEXT_MAX];
    size_t k = sr_trie_next(t, node, &ids, next);
    for (size_t i = 0; i < k; i++) {
        int32_t v = walk(d, t, next[i], w + 1, n - 1);
        if (v >= 0)
            return v;
    }
    return -1;
}

static int32_t lookup(const sr_dict *d, const sr_trie *t, const char *phrase)
{
    char buf[512];
    char *w[32];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", phrase);
    for (char *x = strtok(buf, " "); x && n < 32; x = strtok(NULL, " "))
        w[n++] = x;
    return walk(d, t, 0, w, n);
}

static const sr_actor *actor(const sr_dict *d, const char *phrase)
{
    int32_t a = lookup(d, d->actor_trie, phrase);
    return a < 0 ? NULL : &d->actors[a];
}

static const sr_actor_code *code_of(const sr_dict *d, const sr_actor *a, uint32_t i)
{
    return i < a->ncodes ? &d->actor_codes[a->first_code + i] : NULL;
}

static const sr_agent *agent(const sr_dict *d, const char *phrase)
{
    int32_t a = lookup(d, d->agent_trie, phrase);
    return a < 0 ? NULL : &d->agents[a];
}

static const sr_discard *discard(const sr_dict *d, const char *phrase)
{
    int32_t a = lookup(d, d->discard_trie, phrase);
    return a < 0 ? NULL : &d->discards[a];
}

/* The form whose words are exactly `words` (space separated), or NULL. */
static const sr_verb_form *form(const sr_dict *d, const char *words)
{
    char buf[256];
    uint32_t ids[SR_FORM_MAX];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", words);
    for (char *x = strtok(buf, " "); x && n < SR_FORM_MAX; x = strtok(NULL, " "))
        ids[n++] = wid(d, x);
    if (n == 0 || ids[0] == SR_NOWORD)
        return NULL;
    for (uint32_t i = 0; i < d->form_count[ids[0]]; i++) {
        const sr_verb_form *f = &d->forms[d->form_index[d->form_first[ids[0]] + i]];
        if (f->nwords == n && memcmp(f->words, ids, (size_t)n * sizeof *ids) == 0)
            return f;
    }
    return NULL;
}

static const sr_pattern *pattern_at(const sr_dict *d, uint32_t line, int nth)
{
    for (size_t i = 0; i < d->npatterns; i++)
        if (d->patterns[i].line == line && nth-- == 0)
            return &d->patterns[i];
    return NULL;
}

static const sr_pat_elem *elem(const sr_dict *d, const sr_pattern *p, int k)
{
    return &d->elems[p->first_elem + (uint32_t)k];
}

static int32_t synset_id(const sr_dict *d, const char *name)
{
    for (size_t i = 0; i < d->nsynsets; i++)
        if (strcmp(d->synsets[i].name, name) == 0)
            return (int32_t)i;
    return -1;
}

/* Does synset s have a one-word member w with the given stem flag? */
static int synset_has(const sr_dict *d, int32_t s, const char *w, int stem)
{
    const sr_synset *ss = &d->synsets[s];
    for (uint32_t m = 0; m < ss->nmembers; m++) {
        const sr_synset_member *sm = &d->synset_members[ss->first_member + m];
        const sr_phrase_word *pw = &d->synset_words[sm->first_word];
        if (sm->nwords == 1 && pw->id == wid(d, w) && pw->stem == stem)
            return 1;
    }
    return 0;
}

/* ---- actors ---------------------------------------------------------- */

static const char actors1[] =
    "<!-- a comment\n"                                      /*  1 */
    "     over two lines -->\n"                             /*  2 */
    "SYRIA_  [SYR]\n"                                       /*  3 */
    "+SYRIAN_ \n"                                           /*  4 */
    "+DAMASCUS\n"                                           /*  5 */
    "SERGEY_LAVROV_  # CountryInfo.txt\n"                   /*  6 */
    "+LAVROV\n"                                             /*  7 */
    "+FOREIGN_MINISTER_SERGEY_V._LAVROV\n"                  /*  8 */
    "\t[RUSGOV 19940922-20040712] # Amb. to UN\n"           /*  9 */
    "\t[RUSGOV >20040309]  # Foreign Minister\n"            /* 10 */
    "LEONID_BREZHNEV_  # CountryInfo.txt\n"                 /* 11 */
    "LEONID_ILYICH_BREZHNEV\n"                              /* 12 */
    "SECRETARY_BREZHNEV\n"                                  /* 13 */
    "\n"                                                    /* 14 */
    "\t[RUSELI 19240101-641014]\n"                          /* 15 */
    "\t[RUSGOV 641014-821110]\n"                            /* 16 */
    "GOLLUM  # pas 27 Apr 03\n"                             /* 17 */
    "+SMEAGOL\n"                                            /* 18 */
    "\t[HOB < 950601]\n"                                    /* 19 */
    "\t[HOBGOV 19950601 - 19990815]\n"                      /* 20 */
    "#\t[950601-990815]  incorrect code block check\n"      /* 21 */
    "\t[HOBREB > 990816]\n"                                 /* 22 */
    "\n"                                                    /* 23 */
    "+_SYRIAN_COALITION_OF_SECULAR_AND_DEMOCRATIC_FORCES_\n" /* 24 */
    "PALESTINIAN [pse]\n"                                   /* 25 */
    "BOROMIR  [---]\n"                                      /* 26 */
    "PEOPLE'S_GUERRILLA_ARMY_ [COLREB]\n"                   /* 27 */
    "ABN_AMRO_\t[NLDGOVBUS >081004][MNCNLD]\t# recoded\n"   /* 28 */
    "TRYGVE_LIE_\t[IGOUNO 460201-521110] [ELI]# IGOrulers\n" /* 29 */
    "+FAEROYENE]_ \n"                                       /* 30 */
    "\t[ARMUNR 9008223-911221]\n"                           /* 31 */
    "\t[EGYGOV 20121207-20120802] # PM pt. 2\n"             /* 32 */
    "\t[BADDATE 20121341]\n"                                /* 33 */
    "ORPHAN_NAME_\n";                                       /* 34 */

static const char actors2[] =
    "SYRIA_ [SYROVERRIDE]\n"
    "LAVROV_ [RUSELI]\n";

TEST(actors_phrases_and_codes)
{
    warnings w = {{0}, 0};
    const char *f1 = th_write_file("one.actors.txt", actors1);
    const char *f2 = th_write_file("two.actors.txt", "UNRELATED_ [XYZ]\n");
    const char *verbs = th_write_file("v.txt", "--- X [---] ---\nX\n");
    const char *list[] = {f1, f2};
    sr_dict_files files = {.verbs = verbs, .actors = list, .nactors = 2};
    sr_dict *d = NULL;
    sr_error err = {0, ""};
    CHECK_INT(sr_dict_load(&d, &files, collect, &w, &err), SR_OK);

    /* exact names and stems */
    const sr_actor *a = actor(d, "SYRIA");
    CHECK(a != NULL);
    CHECK_STR(a->name, "SYRIA_");
    CHECK_STR(code_of(d, a, 0)->code, "SYR");
    CHECK(actor(d, "SYRIAN") == a);
    CHECK(actor(d, "SYRIANS") == NULL);  /* SYRIA_ and SYRIAN_ are exact */
    CHECK(actor(d, "DAMASCENE") == NULL);
    CHECK(actor(d, "DAMASCUS") == a);
    CHECK(actor(d, "DAMASCUSES") == a);  /* DAMASCUS is a stem */
    CHECK(sr_trie_child(d->actor_trie, 0, wid(d, "SYRIA"), 0) != SR_NONODE);
    CHECK(sr_trie_child(d->actor_trie, 0, wid(d, "SYRIA"), 1) == SR_NONODE);
    CHECK(sr_trie_child(d->actor_trie, 0, wid(d, "DAMASCUS"), 1) != SR_NONODE);

    /* synonyms and dated codes */
    a = actor(d, "LAVROV");
    CHECK(a != NULL);
    CHECK_STR(a->name, "SERGEY_LAVROV_");
    CHECK_INT(a->line, 6);
    CHECK(actor(d, "FOREIGN MINISTER SERGEY V. LAVROV") == a);
    CHECK(actor(d, "SERGEY LAVROV") == a);
    CHECK_INT(a->ncodes, 2);
    CHECK_STR(code_of(d, a, 0)->code, "RUSGOV");
    CHECK_INT(code_of(d, a, 0)->from, 19940922);
    CHECK_INT(code_of(d, a, 0)->to, 20040712);
    CHECK_INT(code_of(d, a, 1)->from, 20040309);
    CHECK_INT(code_of(d, a, 1)->to, 0);

    /* name lines without '+' and without a code join the next codes */
    a = actor(d, "SECRETARY BREZHNEV");
    CHECK(a != NULL);
    CHECK_STR(a->name, "LEONID_BREZHNEV_");
    CHECK(actor(d, "LEONID ILYICH BREZHNEV") == a);
    CHECK(actor(d, "LEONID BREZHNEV") == a);
    CHECK_INT(a->ncodes, 2);
    CHECK_STR(code_of(d, a, 0)->code, "RUSELI");
    CHECK_INT(code_of(d, a, 0)->to, 19641014); /* 64 -> 1964 */
    CHECK_INT(code_of(d, a, 1)->from, 19641014);
    CHECK_INT(code_of(d, a, 1)->to, 19821110);

    /* "< D", "D - D", "> D"; a synonym after blank lines */
    a = actor(d, "SMEAGOL");
    CHECK(a != NULL);
    CHECK_STR(a->name, "GOLLUM");
    CHECK_INT(a->ncodes, 3);
    CHECK_INT(code_of(d, a, 0)->from, 0);
    CHECK_INT(code_of(d, a, 0)->to, 19950601);
    CHECK_INT(code_of(d, a, 1)->from, 19950601);
    CHECK_INT(code_of(d, a, 1)->to, 19990815);
    CHECK_INT(code_of(d, a, 2)->from, 19990816);
    CHECK(actor(d, "SYRIAN COALITION OF SECULAR AND DEMOCRATIC FORCES") == a);

    /* lower-case and "no code" codes, possessives, several codes a line */
    CHECK_STR(code_of(d, actor(d, "PALESTINIANS"), 0)->code, "PSE");
    CHECK_STR(code_of(d, actor(d, "BOROMIR"), 0)->code, "---");
    CHECK(actor(d, "PEOPLE 'S GUERRILLA ARMY") != NULL);
    a = actor(d, "ABN AMRO");
    CHECK(a != NULL);
    CHECK_INT(a->ncodes, 2);
    CHECK_STR(code_of(d, a, 0)->code, "NLDGOVBUS");
    CHECK_INT(code_of(d, a, 0)->from, 20081004);
    CHECK_STR(code_of(d, a, 1)->code, "MNCNLD");
    CHECK_INT(code_of(d, a, 1)->from, 0);
    a = actor(d, "TRYGVE LIE");
    CHECK(a != NULL);
    CHECK_INT(a->ncodes, 3);
    CHECK_STR(code_of(d, a, 1)->code, "ELI");
    CHECK_INT(code_of(d, a, 2)->from, 19900822); /* 7 digits: read as PETRARCH does */

    /* malformed lines are reported with FILE:LINE and skipped */
    CHECK(has_warning(&w, "one.actors.txt:30: unbalanced [ ]"));
    CHECK(has_warning(&w, "one.actors.txt:31: date \"9008223\" has 7 digits"));
    CHECK(has_warning(&w, "one.actors.txt:32: date range"));
    CHECK(has_warning(&w, "one.actors.txt:33: bad date"));
    CHECK(has_warning(&w, "one.actors.txt:34: actor ORPHAN_NAME_ has no code"));
    CHECK(actor(d, "ORPHAN NAME") == NULL);
    CHECK_INT(w.n, 5);
    sr_dict_stats st;
    sr_dict_get_stats(d, &st);
    CHECK_INT(st.warnings, 5);
    CHECK_INT(st.actors, 10);
    CHECK_STR(d->files[a->file], "one.actors.txt");
    sr_dict_free(d);
}

TEST(actors_later_files_win)
{
    const char *f1 = th_write_file("a.actors.txt", actors1);
    const char *f2 = th_write_file("b.actors.txt", actors2);
    const char *verbs = th_write_file("v.txt", "--- X [---] ---\nX\n");
    const char *list[] = {f1, f2};
    sr_dict_files files = {.verbs = verbs, .actors = list, .nactors = 2};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, NULL, NULL, NULL), SR_OK);
    CHECK_STR(code_of(d, actor(d, "SYRIA"), 0)->code, "SYROVERRIDE");
    CHECK_STR(code_of(d, actor(d, "SYRIAN"), 0)->code, "SYR"); /* not redefined */
    CHECK_STR(code_of(d, actor(d, "LAVROV"), 0)->code, "RUSELI");
    CHECK_STR(code_of(d, actor(d, "LAVROVS"), 0)->code, "RUSGOV"); /* the stem */
    sr_dict_free(d);
}

/* ---- agents ---------------------------------------------------------- */

static const char agents_txt[] =
    "# ======== SUBSTITUTION SETS ======== \n"           /*  1 */
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"        /*  2 */
    "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n" /* 3 */
    "CATTLE!PERSON! [~AGR]\n"                            /*  4 */
    "TROOP [~MIL]\n"                                     /*  5 */
    "MILITIA [~UAF]\n"                                   /*  6 */
    "POLICE {} [~COP]\n"                                 /*  7 */
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"   /*  8 */
    "HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001\n"      /*  9 */
    "FOREIGN_!MINIST! [~GOV]\n"                          /* 10 */
    "CHURCH [~CHR]\n"                                    /* 11 */
    "MINISTRY_  [~GOV]\n"                                /* 12 */
    "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"                  /* 13 */
    "ISLAMIC_EXTREMIST\n"                                /* 14 */
    "POLICE_OFFICER [ ~cop]\n"                           /* 15 */
    "GOVERNMENT_SPOKES!PERSON! [~GOV]\n"                 /* 16 */
    "THING!NOSUCH! [~GOV]\n"                             /* 17 */
    "DEPUTY [GOV]\n";                                    /* 18 */

TEST(agents)
{
    warnings w = {{0}, 0};
    const char *verbs = th_write_file("v.txt", "--- X [---] ---\nX\n");
    const char *ag = th_write_file("agents.txt", agents_txt);
    sr_dict_files files = {.verbs = verbs, .agents = ag};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, collect, &w, NULL), SR_OK);
    const sr_agent *a = agent(d, "TROOPS");
    CHECK(a != NULL);
    CHECK_STR(a->code, "MIL");
    CHECK_INT(a->prefix, 0);
    CHECK_INT(a->line, 5);
    CHECK(agent(d, "TROOP") == a);
    CHECK(agent(d, "TROOPER") == NULL); /* agent words are whole words */
    CHECK_STR(agent(d, "MILITIAS")->code, "UAF");
    CHECK_STR(agent(d, "CHURCHES")->code, "CHR");
    CHECK(agent(d, "POLICE") != NULL);
    CHECK(agent(d, "POLICES") == NULL);
    CHECK_STR(agent(d, "ATTORNEYS GENERAL")->code, "GOVATG");
    CHECK(agent(d, "ATTORNEY GENERALS") == NULL);
    a = agent(d, "HUMAN RIGHTS BODIES");
    CHECK(a != NULL);
    CHECK_STR(a->code, "NGO");
    CHECK_INT(a->prefix, 1);
    CHECK_STR(agent(d, "CATTLEWOMEN")->code, "AGR");
    CHECK(agent(d, "CATTLEMAN") != NULL);
    CHECK(agent(d, "CATTLEMANS") == NULL); /* no plural of a set member */
    CHECK_STR(agent(d, "FOREIGN MINISTRIES")->code, "GOV");
    CHECK(agent(d, "GOVERNMENT SPOKESWOMAN") != NULL);
    CHECK(agent(d, "MINISTRY") != NULL);
    CHECK(agent(d, "MINISTRIES") == NULL); /* "MINISTRY_": no plural */
    CHECK_STR(agent(d, "POLICE OFFICERS")->code, "COP");
    CHECK(has_warning(&w, "agents.txt:13: unbalanced [ ]"));
    CHECK(has_warning(&w, "agents.txt:14: agent without a [~CODE]"));
    CHECK(has_warning(&w, "agents.txt:17: unknown substitution set !NOSUCH!"));
    CHECK(has_warning(&w, "agents.txt:18: agent code [GOV] without one '~'"));
    CHECK_INT(w.n, 4);
    sr_dict_free(d);
}

/* ---- discards -------------------------------------------------------- */

TEST(discards)
{
    const char *verbs = th_write_file("v.txt", "--- X [---] ---\nX\n");
    const char *ds = th_write_file("discards.txt",
                                "# Story-level discards are indicated with a '+'.\n"
                                "1914\n"
                                "+ World Golf Championships   # pas 26-Feb-2014\n"
                                "AFRICAN NATIONS CUP   # ab 13 Jun 2005\n"
                                "GROUP A_\n"
                                "+ESPN2 \n");
    sr_dict_files files = {.verbs = verbs, .discards = ds};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, NULL, NULL, NULL), SR_OK);
    const sr_discard *x = discard(d, "1914");
    CHECK(x != NULL);
    CHECK_INT(x->story, 0);
    CHECK_INT(x->year, 1914);
    CHECK_INT(x->line, 2);
    x = discard(d, "WORLD GOLF CHAMPIONSHIPS");
    CHECK(x != NULL);
    CHECK_INT(x->story, 1);
    CHECK_INT(x->year, 0);
    CHECK(discard(d, "AFRICAN NATIONS CUPS") != NULL);
    CHECK(discard(d, "AFRICANS NATIONS CUP") == NULL);
    CHECK(discard(d, "GROUP A") != NULL);
    CHECK_INT(discard(d, "ESPN2")->story, 1);
    CHECK_INT(d->ndiscards, 5);
    sr_dict_free(d);

    /* a byte order mark and CRLF line ends change nothing */
    warnings w = {{0}, 0};
    ds = th_write_file("discards.txt", "\xEF\xBB\xBF# header\r\nBASEBALL\r\n\r\n+TYPHOON   # ELH\r\n");
    files.discards = ds;
    CHECK_INT(sr_dict_load(&d, &files, collect, &w, NULL), SR_OK);
    CHECK_INT(w.n, 0);
    CHECK_INT(discard(d, "BASEBALL")->line, 2);
    CHECK_INT(discard(d, "TYPHOONS")->story, 1);
    sr_dict_free(d);
}

/* ---- verbs ----------------------------------------------------------- */

static const char verbs_txt[] =
    "####### SYNONYM SETS ####### \n"                     /*  1 */
    "&CURRENCY\n"                                         /*  2 */
    "+DOLLAR\n"                                           /*  3 */
    "+CASH_\n"                                            /*  4 */
    "+PARTY\n"                                            /*  5 */
    "\n"                                                  /*  6 */
    "&AUXVERB1_\n"                                        /*  7 */
    "+WAS\n"                                              /*  8 */
    "+BEEN\n"                                             /*  9 */
    "&TIETYPES\n"                                         /* 10 */
    "+MILITARY\n"                                         /* 11 */
    "+ECONOMIC\n"                                         /* 12 */
    "&ACCORDSYN  # embedded synsets\n"                    /* 13 */
    "+&TIETYPES\n"                                        /* 14 */
    "+CLOSER\n"                                           /* 15 */
    "+&LATER\n"                                           /* 16 */
    "&FIGHT_OF_WORDS\n"                                   /* 17 */
    "+ARGUMENT\n"                                         /* 18 */
    "&FIGHT\n"                                            /* 19 */
    "+BATTLE\n"                                           /* 20 */
    "---  ATTACK   [190]  ---\n"                          /* 21 */
    "ATTACK\n"                                            /* 22 */
    "STOP {STOPS STOPPING STOPPED }\n"                    /* 23 */
    "SEND {SENDS SENDING SENT}\n"                         /* 24 */
    "DRAW {DRAWS DREW DRAWN }\n"                          /* 25 */
    "VISIT\n"                                             /* 26 */
    "COMMIT\n"                                            /* 27 */
    "CANCEL\n"                                            /* 28 */
    "CARRY\n"                                             /* 29 */
    "PLAN  # comment\n"                                   /* 30 */
    "+BLOW_UP {+BLOWS_UP +BLEW_UP +BLOWN_UP +BLOWING_UP} [195]\n" /* 31 */
    "KLM_NOP_+RST [002]\n"                                /* 32 */
    "ASK     [020]\n"                                     /* 33 */
    "+SET_UP {+SETS_UP +SETTING_UP }\n"                   /* 34 */
    "SET {SETS SETTING }\n"                               /* 35 */
    "RECONVENE[---]\n"                                    /* 36 */
    "+WIRE_TAP {+WIRE_TAPS +WIRE_TAPPED +WIRE_TAPPING }\n" /* 37 */
    "- * &CURRENCY [903] # -PAS 12.01.12\n"               /* 38 */
    "- $ * (AGAINST +) [190:191]\n"                       /* 39 */
    "- PLANES_* [221]\n"                                  /* 40 */
    "- PLANES_ * [222]\n"                                 /* 41 */
    "- PLANES * [223]\n"                                  /* 42 */
    "- *_OUT [:074]\n"                                    /* 43 */
    "- * {FREE TRADE} [---]\n"                            /* 44 */
    "- * NEW_&TIETYPES_RELATIONS [903]\n"                 /* 45 */
    "- * (IN &FIGHT_OF_WORDS) [111]\n"                    /* 46 */
    "- * &FIGHT_GAMES IN + [062]\n"                       /* 47 */
    "- * (BY/WITH SANCTIONS) [163]\n"                     /* 48 */
    "- * PROTEST [def]\n"                                 /* 49 */
    "- INCHING &ACCORDSYN * [083]\n"                      /* 50 */
    "- % * ^ [030:030]\n"                                 /* 51 */
    "- * FOO (BAR [010]\n"                                /* 52 */
    "- NOVERB [011]\n"                                    /* 53 */
    "- * &UNDEFINED [012]\n"                              /* 54 */
    "- * BAZ [013\n"                                      /* 55 */
    "- * &AUXVERB1_ [014]\n"                              /* 56 */
    "~ a (a b ATTACK) SAY = a b 015\n"                    /* 57 */
    "--- MEET [031:032] ---\n"                            /* 58 */
    "MEET\n"                                              /* 59 */
    "- * {BROKEN &LATER (WITH PEOPLE'S PARTY [040]\n"     /* 60 */
    "&LATER\n"                                            /* 61 */
    "+LATE_COMER\n"                                       /* 62 */
    "--- TROUBLED  [---] # NOUN ---\n"                    /* 63 */
    "TROUBLED   # NOUN\n";                                /* 64 */

TEST(verb_forms)
{
    warnings w = {{0}, 0};
    const char *vf = th_write_file("test.verbs.txt", verbs_txt);
    sr_dict_files files = {.verbs = vf};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, collect, &w, NULL), SR_OK);
    CHECK_INT(d->nblocks, 3);
    CHECK_STR(d->blocks[0].name, "ATTACK");
    CHECK_STR(d->blocks[0].code, "190");
    CHECK_STR(d->blocks[1].code, "031");
    CHECK_STR(d->blocks[1].rcode, "032");
    CHECK_STR(d->blocks[2].name, "TROUBLED");
    CHECK_STR(d->blocks[2].code, "---");

    const sr_verb_form *f = form(d, "ATTACK");
    CHECK(f != NULL);
    CHECK_INT(f->tense, SR_VF_BASE);
    CHECK_INT(f->block, 0);
    CHECK_STR(f->code, "");
    CHECK_INT(f->line, 22);
    CHECK_INT(form(d, "ATTACKS")->tense, SR_VF_3SG);
    CHECK_INT(form(d, "ATTACKED")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "ATTACKING")->tense, SR_VF_ING);
    /* given inflections */
    CHECK_INT(form(d, "STOPPED")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "STOPPING")->tense, SR_VF_ING);
    CHECK_INT(form(d, "STOPS")->tense, SR_VF_3SG);
    CHECK_INT(form(d, "SENT")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "SENDS")->tense, SR_VF_3SG);
    CHECK_INT(form(d, "DREW")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "DRAWN")->tense, SR_VF_PART);
    /* generated inflections */
    CHECK(form(d, "VISITED") != NULL);
    CHECK(form(d, "VISITTED") == NULL);
    CHECK(form(d, "VISITING") != NULL);
    CHECK(form(d, "COMMITTED") != NULL);
    CHECK(form(d, "COMMITED") == NULL);
    CHECK(form(d, "CANCELED") != NULL);
    CHECK(form(d, "CANCELLED") != NULL);
    CHECK_INT(form(d, "CARRIES")->tense, SR_VF_3SG);
    CHECK_INT(form(d, "CARRIED")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "PLANNED")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "PLANNING")->tense, SR_VF_ING);
    CHECK(form(d, "PLANED") == NULL);
    /* several words, '+' marking the verb */
    f = form(d, "BLEW UP");
    CHECK(f != NULL);
    CHECK_INT(f->nwords, 2);
    CHECK_INT(f->verb_pos, 0);
    CHECK_INT(f->tense, SR_VF_PAST);
    CHECK_STR(f->code, "195");
    CHECK_INT(form(d, "BLOWN UP")->tense, SR_VF_PART);
    CHECK_INT(form(d, "BLOWING UP")->tense, SR_VF_ING);
    f = form(d, "KLM NOP RSTED");
    CHECK(f != NULL);
    CHECK_INT(f->verb_pos, 2);
    CHECK_STR(f->code, "002");
    CHECK_INT(form(d, "KLM NOP RST")->tense, SR_VF_BASE);
    CHECK_STR(form(d, "ASK")->code, "020");
    CHECK_STR(form(d, "ASKED")->code, "020");
    CHECK_STR(form(d, "RECONVENED")->code, "---");
    CHECK_INT(form(d, "WIRE TAPPED")->tense, SR_VF_PAST);
    CHECK_INT(form(d, "WIRE TAPS")->tense, SR_VF_3SG);
    /* forms by first word, longest first */
    uint32_t set = wid(d, "SET");
    CHECK(set != SR_NOWORD);
    CHECK_INT(d->form_count[set], 2);
    CHECK_INT(d->forms[d->form_index[d->form_first[set]]].nwords, 2);
    CHECK_INT(d->forms[d->form_index[d->form_first[set] + 1]].nwords, 1);
    sr_dict_stats st;
    sr_dict_get_stats(d, &st);
    CHECK_INT(st.verbs, 18);
    CHECK_INT(st.verb_forms, d->nforms);
    sr_dict_free(d);
}

TEST(verb_patterns)
{
    warnings w = {{0}, 0};
    const char *vf = th_write_file("test.verbs.txt", verbs_txt);
    sr_dict_files files = {.verbs = vf};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, collect, &w, NULL), SR_OK);

    const sr_pattern *p = pattern_at(d, 38, 0);
    CHECK(p != NULL);
    CHECK_INT(p->npre, 0);
    CHECK_INT(p->npost, 1);
    CHECK_INT(p->nwords, 1);
    CHECK_STR(p->code, "903");
    CHECK_STR(p->rcode, "");
    CHECK_INT(p->block, 0);
    CHECK_INT(elem(d, p, 0)->type, SR_PE_SYNSET);
    CHECK_INT(elem(d, p, 0)->id, synset_id(d, "&CURRENCY"));

    p = pattern_at(d, 39, 0);
    CHECK_INT(p->npre, 1);
    CHECK_INT(p->npost, 2);
    CHECK_STR(p->code, "190");
    CHECK_STR(p->rcode, "191");
    CHECK_INT(elem(d, p, 0)->type, SR_PE_SOURCE);
    CHECK_INT(elem(d, p, 0)->joined, 0);
    CHECK_INT(elem(d, p, 1)->type, SR_PE_WORD);
    CHECK_INT(elem(d, p, 1)->id, wid(d, "AGAINST"));
    CHECK_INT(elem(d, p, 1)->group, 1);
    CHECK_INT(elem(d, p, 2)->type, SR_PE_TARGET);
    CHECK_INT(elem(d, p, 2)->group, 1);
    CHECK_INT(elem(d, p, 2)->joined, 0);

    /* '_' joins and makes exact; a space allows a gap and a stem */
    p = pattern_at(d, 40, 0);
    CHECK_INT(elem(d, p, 0)->joined, 1);
    CHECK_INT(elem(d, p, 0)->stem, 0);
    p = pattern_at(d, 41, 0);
    CHECK_INT(elem(d, p, 0)->joined, 0);
    CHECK_INT(elem(d, p, 0)->stem, 0);
    CHECK_STR(p->code, "222");
    p = pattern_at(d, 42, 0);
    CHECK_INT(elem(d, p, 0)->joined, 0);
    CHECK_INT(elem(d, p, 0)->stem, 1);
    p = pattern_at(d, 43, 0);
    CHECK_STR(p->code, "");
    CHECK_STR(p->rcode, "074");
    CHECK_INT(p->npost, 1);
    CHECK_INT(elem(d, p, 0)->joined, 1);

    /* {noun phrase}: adjacent, only its last word a stem */
    p = pattern_at(d, 44, 0);
    CHECK_STR(p->code, "---");
    CHECK_INT(elem(d, p, 0)->id, wid(d, "FREE"));
    CHECK_INT(elem(d, p, 0)->joined, 0);
    CHECK_INT(elem(d, p, 0)->stem, 0);
    CHECK_INT(elem(d, p, 1)->joined, 1);
    CHECK_INT(elem(d, p, 1)->stem, 1);

    /* synsets glued to words; the longest defined name wins */
    p = pattern_at(d, 45, 0);
    CHECK_INT(p->npost, 3);
    CHECK_INT(p->nwords, 3);
    CHECK_INT(elem(d, p, 0)->stem, 0);
    CHECK_INT(elem(d, p, 1)->type, SR_PE_SYNSET);
    CHECK_INT(elem(d, p, 1)->id, synset_id(d, "&TIETYPES"));
    CHECK_INT(elem(d, p, 1)->joined, 1);
    CHECK_INT(elem(d, p, 2)->id, wid(d, "RELATIONS"));
    CHECK_INT(elem(d, p, 2)->joined, 1);
    CHECK_INT(elem(d, p, 2)->stem, 1);
    p = pattern_at(d, 46, 0);
    CHECK_INT(elem(d, p, 1)->id, synset_id(d, "&FIGHT_OF_WORDS"));
    CHECK_INT(elem(d, p, 1)->group, 1);
    p = pattern_at(d, 47, 0);
    CHECK_INT(elem(d, p, 0)->id, synset_id(d, "&FIGHT"));
    CHECK_INT(elem(d, p, 1)->id, wid(d, "GAMES"));
    CHECK_INT(elem(d, p, 1)->joined, 1);

    /* (BY/WITH ...): one pattern for each */
    CHECK_INT(elem(d, pattern_at(d, 48, 0), 0)->id, wid(d, "BY"));
    CHECK_INT(elem(d, pattern_at(d, 48, 1), 0)->id, wid(d, "WITH"));
    CHECK(pattern_at(d, 48, 2) == NULL);
    CHECK_STR(pattern_at(d, 49, 0)->code, "DEF");
    p = pattern_at(d, 51, 0);
    CHECK_INT(elem(d, p, 0)->type, SR_PE_COMPOUND);
    CHECK_INT(elem(d, p, 1)->type, SR_PE_SKIP);
    CHECK_INT(p->nwords, 0);
    p = pattern_at(d, 56, 0);
    CHECK(p != NULL);
    CHECK_INT(elem(d, p, 0)->id, synset_id(d, "&AUXVERB1"));

    /* the block's patterns are contiguous */
    CHECK_INT(d->blocks[0].first_pattern, 0);
    CHECK_INT(d->blocks[0].npatterns, 16);
    CHECK_INT(d->blocks[1].npatterns, 0);

    /* malformed lines */
    CHECK(has_warning(&w, "test.verbs.txt:52: unclosed '('"));
    CHECK(has_warning(&w, "test.verbs.txt:53: pattern without '*'"));
    CHECK(has_warning(&w, "test.verbs.txt:54: unknown synset &UNDEFINED"));
    CHECK(has_warning(&w, "test.verbs.txt:55: code without closing ']'"));
    CHECK(has_warning(&w, "test.verbs.txt:60: unclosed '{'"));
    CHECK_INT(w.n, 5);
    sr_dict_free(d);
}

TEST(synsets)
{
    const char *vf = th_write_file("test.verbs.txt", verbs_txt);
    sr_dict_files files = {.verbs = vf};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, NULL, NULL, NULL), SR_OK);
    CHECK_INT(d->nsynsets, 7);
    int32_t cur = synset_id(d, "&CURRENCY");
    CHECK(cur >= 0);
    CHECK(synset_has(d, cur, "DOLLAR", 1));
    CHECK(synset_has(d, cur, "CASH", 0));
    CHECK(synset_has(d, cur, "PARTY", 1));
    CHECK(synset_has(d, cur, "PARTIES", 0)); /* not covered by the stem */
    CHECK_INT(d->synsets[cur].nmembers, 4);
    int32_t aux = synset_id(d, "&AUXVERB1"); /* a label ending in '_': no stems */
    CHECK(aux >= 0);
    CHECK(synset_has(d, aux, "WAS", 0));
    CHECK(!synset_has(d, aux, "WAS", 1));
    int32_t acc = synset_id(d, "&ACCORDSYN");
    CHECK(acc >= 0);
    CHECK_INT(d->synsets[acc].nmembers, 5);
    CHECK(synset_has(d, acc, "MILITARY", 1)); /* from &TIETYPES */
    CHECK(synset_has(d, acc, "MILITARIES", 0));
    CHECK(synset_has(d, acc, "ECONOMIC", 1));
    CHECK(synset_has(d, acc, "CLOSER", 1));
    /* from &LATER, which is defined after it */
    const sr_synset_member *m = &d->synset_members[d->synsets[acc].first_member + 4];
    CHECK_INT(m->nwords, 2);
    CHECK_INT(d->synset_words[m->first_word].id, wid(d, "LATE"));
    CHECK_INT(d->synset_words[m->first_word].stem, 0);
    CHECK_INT(d->synset_words[m->first_word + 1].stem, 1);
    sr_dict_free(d);
}

/* ---- vocabulary ------------------------------------------------------ */

TEST(token_ids)
{
    const char *verbs = th_write_file("v.txt", "--- X [---] ---\nX\n");
    const char *ac = th_write_file("t.actors.txt",
                                "SYRIA [SYR]\nSYRIAN_ARMY [SYRMIL]\nDAMASCUS_ [SYR]\n"
                                "HEZBOLLAH [LBNREB]\nHEZ [X]\nWAR [W]\nBAAS_ [Y]\nERDOĞAN_ [TURGOV]\n"
                                "1914_ [Z]\n");
    const char *list[] = {ac};
    sr_dict_files files = {.verbs = verbs, .actors = list, .nactors = 1};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load(&d, &files, NULL, NULL, NULL), SR_OK);
    sr_token_ids t;
    sr_dict_token_ids(d, "SYRIANS", 7, &t);
    CHECK_INT(t.exact, SR_NOWORD);
    CHECK_INT(t.nstems, 1);
    CHECK_INT(t.stems[0], wid(d, "SYRIA"));
    sr_dict_token_ids(d, "SYRIA", 5, &t);
    CHECK_INT(t.exact, wid(d, "SYRIA"));
    CHECK_INT(t.nstems, 0); /* proper prefixes only */
    sr_dict_token_ids(d, "HEZBOLLAH-BACKED", 16, &t);
    CHECK_INT(t.nstems, 1); /* HEZ is short: it takes inflections only */
    CHECK_INT(t.stems[0], wid(d, "HEZBOLLAH"));
    sr_dict_token_ids(d, "HEZES", 5, &t);
    CHECK_INT(t.nstems, 1); /* an inflection of the short stem */
    CHECK_INT(t.stems[0], wid(d, "HEZ"));
    sr_dict_token_ids(d, "WARSAW", 6, &t);
    CHECK_INT(t.nstems, 0); /* not WAR + an inflection */
    sr_dict_token_ids(d, "WARRING", 7, &t);
    CHECK_INT(t.nstems, 1); /* doubled consonant + ING */
    CHECK_INT(t.stems[0], wid(d, "WAR"));
    sr_dict_token_ids(d, "DAMASCUSES", 10, &t);
    CHECK_INT(t.nstems, 0); /* DAMASCUS_ is exact: not a stem */
    sr_dict_token_ids(d, "ARMYS", 5, &t);
    CHECK_INT(t.nstems, 1); /* ARMY is the last word of SYRIAN_ARMY */
    sr_dict_token_ids(d, "SYRIANARMY", 10, &t);
    CHECK_INT(t.stems[0], wid(d, "SYRIA"));
    sr_dict_token_ids(d, "1914", 4, &t);
    CHECK(t.exact != SR_NOWORD);
    CHECK_INT(t.nstems, 0);
    CHECK(wid(d, "ERDOGAN") != SR_NOWORD); /* accents stripped as in text */
    CHECK(wid(d, "erdogan") == SR_NOWORD);
    CHECK_STR(sr_dict_word(d, wid(d, "BAAS")), "BAAS");
    sr_dict_token_ids(d, "", 0, &t);
    CHECK_INT(t.exact, SR_NOWORD);
    sr_dict_free(d);
}

/* ---- errors and odd input -------------------------------------------- */

TEST(errors)
{
    sr_dict *d = (sr_dict *)1;
    sr_error err = {0, ""};
    sr_dict_files files = {.verbs = "/nonexistent/CAMEO.2.0.txt"};
    CHECK_INT(sr_dict_load(&d, &files, NULL, NULL, &err), SR_ENOTFOUND);
    CHECK(d == NULL);
    CHECK(strstr(err.msg, "/nonexistent/CAMEO.2.0.txt") != NULL);
    sr_dict_files none = {0};
    CHECK_INT(sr_dict_load(&d, &none, NULL, NULL, &err), SR_EINVAL);
    /* a directory without the required files */
    th_write_file("x.actors.txt", "A_ [B]\n");
    CHECK_INT(sr_dict_load_dir(&d, th_tmpdir(), NULL, NULL, &err), SR_ENOTFOUND);
    CHECK(strstr(err.msg, "CAMEO.2.0.txt") != NULL);
}

TEST(garbage_is_survived)
{
    static const char junk[] = "\xff\xfe[[[{{{((\n&\n+&\n---\n- *\n\0\0+\x80\n[X 1-2]\n"
                               "!A!=\n!B! = ,\nB!B! [~X]\n&&&&_\n- &&& * [1:2:3]\n";
    sr_dict_buffer b = {"junk", junk, sizeof junk - 1};
    sr_dict_buffers bufs = {.verbs = &b, .actors = &b, .nactors = 1, .agents = &b,
                            .discards = &b};
    warnings w = {{0}, 0};
    sr_dict *d = NULL;
    CHECK_INT(sr_dict_load_buffers(&d, &bufs, collect, &w, NULL), SR_OK);
    CHECK(w.n > 5);
    sr_dict_free(d);
    /* '/' choices multiply: they are capped, not enumerated */
    static const char choices[] = "--- CLAMP [---] ---\nCLAMP\n"
                                  "- * A/B C/D E/F G/H I/J K/L M/N O/P Q/R [212]\n"
                                  "- * A/B/C/D/E/F/G/H/I/J/K/L/M/N/O/P/Q/R/S [213]\n";
    sr_dict_buffer c = {"choices", choices, sizeof choices - 1};
    sr_dict_buffers cb = {.verbs = &c};
    w.n = 0;
    w.text[0] = '\0';
    CHECK_INT(sr_dict_load_buffers(&d, &cb, collect, &w, NULL), SR_OK);
    CHECK_INT(d->npatterns, 16);
    CHECK(has_warning(&w, "choices:3: more than 4 words with '/'"));
    CHECK(has_warning(&w, "choices:4: more than 16 alternatives"));
    sr_dict_free(d);
    /* empty input */
    sr_dict_buffer e = {"empty", "", 0};
    sr_dict_buffers eb = {.verbs = &e};
    CHECK_INT(sr_dict_load_buffers(&d, &eb, NULL, NULL, NULL), SR_OK);
    CHECK_INT(d->nforms, 0);
    sr_dict_free(d);
}

/* ---- the shipped dictionaries ---------------------------------------- */

#ifndef SR_DATADIR
#define SR_DATADIR "data"
#endif

TEST(shipped_dictionaries)
{
    const char *dir = SR_DATADIR "/dict";
    char probe[512];
    snprintf(probe, sizeof probe, "%s/CAMEO.2.0.txt", dir);
    if (access(probe, R_OK) != 0) {
        printf("test_dict: %s not found; shipped dictionaries not checked\n", probe);
        return;
    }
    sr_dict *d = NULL;
    sr_error err = {0, ""};
    CHECK_INT(sr_dict_load_dir(&d, dir, NULL, NULL, &err), SR_OK);
    sr_dict_stats st;
    sr_dict_get_stats(d, &st);
    CHECK(st.actors > 20000);
    CHECK(st.actor_phrases > 30000);
    CHECK(st.patterns > 4000);
    CHECK(st.verb_forms > 5000);
    CHECK(st.synsets >= 30);
    CHECK(st.agents > 2000);
    CHECK(st.discards > 400);
    CHECK(st.warnings < 40);

    const sr_actor *a = actor(d, "SERGEY LAVROV");
    CHECK(a != NULL);
    int dated = 0;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const sr_actor_code *c = code_of(d, a, i);
        if (strcmp(c->code, "RUSGOV") == 0 && c->from == 20040309)
            dated = 1;
    }
    CHECK(dated);
    CHECK(actor(d, "LAVROV") == a);
    a = actor(d, "SYRIA");
    CHECK(a != NULL);
    CHECK_STR(code_of(d, a, 0)->code, "SYR");
    CHECK(sr_trie_child(d->actor_trie, 0, wid(d, "SYRIA"), 0) != SR_NONODE);
    const sr_agent *g = agent(d, "TROOPS");
    CHECK(g != NULL);
    CHECK_STR(g->code, "MIL");
    CHECK_INT(g->prefix, 0);
    CHECK(form(d, "ATTACKED") != NULL);
    CHECK(discard(d, "1948") != NULL);
    sr_dict_free(d);
}

int main(void)
{
    if (!th_tmpdir_make("test_dict"))
        return 1;
    RUN(actors_phrases_and_codes);
    RUN(actors_later_files_win);
    RUN(agents);
    RUN(discards);
    RUN(verb_forms);
    RUN(verb_patterns);
    RUN(synsets);
    RUN(token_ids);
    RUN(errors);
    RUN(garbage_is_survived);
    RUN(shipped_dictionaries);
    th_tmpdir_remove();
    return DONE();
}
