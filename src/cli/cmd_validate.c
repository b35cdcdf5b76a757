/*
 * sitrep code --validate FILE.xml: run a PETRARCH unit-test file.
 *
 * The file's <Environment> names the dictionaries (found beside the file);
 * <Config option=... value=...> elements switch coder options from where
 * they stand on. Each <Sentence> is coded from its raw <Text> (the Treebank
 * <Parse> is ignored) with its date, and passes when the set of (source,
 * target, code) events equals the set of its <EventCoding> elements; a
 * record that expects no events (noevents, or an error such as a discard)
 * passes when nothing is coded.
 */
#include <ctype.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/buf.h"

#define MAX_CODINGS 64
#define TEXT_MAX 65536 /* longest record text kept */

typedef struct triple {
    char src[32], tgt[32], code[16];
} triple;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sr_buf b = SR_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sr_buf_put(&b, chunk, n);
    fclose(f);
    if (!b.data)
        sr_buf_put(&b, "", 0);
    *len = b.len;
    return b.data;
}

/* Blank out <!-- ... --> comments in place (keeping newlines, so line
 * numbers stay right). */
static void strip_comments(char *s)
{
    char *p = s;
    while ((p = strstr(p, "<!--")) != NULL) {
        char *e = strstr(p + 4, "-->");
        char *end = e ? e + 3 : p + strlen(p);
        for (char *q = p; q < end; q++)
            if (*q != '\n')
                *q = ' ';
        p = end;
    }
}

/* Value of attribute name in the tag starting at tag (up to '>'). */
static int attr(const char *tag, const char *name, char *out, size_t cap)
{
    const char *end = strchr(tag, '>');
    size_t nl = strlen(name);
    for (const char *p = tag; end && p < end; p++) {
        if (strncmp(p, name, nl) != 0 || (p > tag && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
            continue;
        const char *q = p + nl;
        while (*q == ' ')
            q++;
        if (*q != '=')
            continue;
        q++;
        while (*q == ' ')
            q++;
        char quote = *q;
        if (quote != '"' && quote != '\'')
            continue;
        q++;
        const char *v = strchr(q, quote);
        if (!v || v > end)
            return 0;
        size_t n = (size_t)(v - q);
        if (n >= cap)
            n = cap - 1;
        memcpy(out, q, n);
        out[n] = '\0';
        /* sourcecode='""' in one record means the empty code */
        if (strcmp(out, "\"\"") == 0)
            out[0] = '\0';
        return 1;
    }
    return 0;
}

static int truthy(const char *v)
{
    return strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0;
}

static void apply_config(sr_coder_options *o, const char *tag)
{
    char name[64], value[64];
    if (!attr(tag, "option", name, sizeof name) || !attr(tag, "value", value, sizeof value))
        return;
    int iv = atoi(value);
    if (strcmp(name, "require_dyad") == 0)
        o->require_dyad = truthy(value);
    else if (strcmp(name, "new_actor_length") == 0)
        o->new_actor_length = iv;
    else if (strcmp(name, "comma_min") == 0)
        o->comma_min = iv;
    else if (strcmp(name, "comma_max") == 0)
        o->comma_max = iv;
    else if (strcmp(name, "comma_bmin") == 0)
        o->comma_bmin = iv;
    else if (strcmp(name, "comma_bmax") == 0)
        o->comma_bmax = iv;
    else if (strcmp(name, "comma_emin") == 0)
        o->comma_emin = iv;
    else if (strcmp(name, "comma_emax") == 0)
        o->comma_emax = iv;
}

/* Text of the first <name>...</name> inside [p, end), whitespace trimmed. */
static int element_text(const char *p, const char *end, const char *name, char *out, size_t cap)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", name);
    snprintf(close, sizeof close, "</%s>", name);
    const char *a = strstr(p, open);
    if (!a || a >= end)
        return 0;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > end)
        return 0;
    while (a < b && isspace((unsigned char)*a))
        a++;
    while (b > a && isspace((unsigned char)b[-1]))
        b--;
    size_t n = (size_t)(b - a);
    if (n >= cap)
        n = cap - 1;
    /* the records wrap lines: a sentence is one line; XML entities decoded */
    static const struct {
        const char *ent, *ch;
    } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        for (; k < sizeof ents / sizeof ents[0]; k++) {
            size_t el = strlen(ents[k].ent);
            if (i + el <= n && memcmp(a + i, ents[k].ent, el) == 0) {
                out[o++] = ents[k].ch[0];
                i += el - 1;
                break;
            }
        }
        if (k < sizeof ents / sizeof ents[0])
            continue;
        out[o++] = (a[i] == '\n' || a[i] == '\r' || a[i] == '\t') ? ' ' : a[i];
    }
    out[o] = '\0';
    return 1;
}

static int has_triple(const triple *set, size_t n, const triple *t)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(set[i].src, t->src) == 0 && strcmp(set[i].tgt, t->tgt) == 0 &&
            strcmp(set[i].code, t->code) == 0)
            return 1;
    return 0;
}

static void print_set(const char *label, const triple *set, size_t n)
{
    printf("    %s:", label);
    if (n == 0)
        printf(" (none)");
    for (size_t i = 0; i < n; i++)
        printf(" %s-%s-%s", set[i].src[0] ? set[i].src : "---", set[i].tgt[0] ? set[i].tgt : "---",
               set[i].code);
    putchar('\n');
}

/* A dictionary named in the file: absolute as given, else beside the file,
 * else in the dictionary directory (so a record file can name the shipped
 * dictionaries without carrying them). */
static void locate(char *out, size_t cap, const char *dir, const char *dict_dir, const char *name)
{
    if (name[0] == '/') {
        snprintf(out, cap, "%s", name);
        return;
    }
    snprintf(out, cap, "%s/%s", dir, name);
    if (access(out, R_OK) != 0)
        snprintf(out, cap, "%s/%s", dict_dir, name);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

#define MAX_ACTOR_FILES 16

/*
 * Load what the <Environment> names. A file that names the shipped verb
 * dictionary (CAMEO.2.0.txt) is coding real news with the default
 * dictionaries: then the whole dictionary directory is loaded, our
 * supplements included, and *news is set so that sitrep's own rules for
 * news apply rather than PETRARCH's. <Actorfile> may list several files,
 * separated by commas.
 */
static int load_env_dict(sr_dict **out, const char *xml, const char *env_end, const char *dir,
                         const char *dict_dir, int verbose, int *news)
{
    char verbs[256] = "", actors[1024] = "", agents[256] = "", discards[256] = "";
    element_text(xml, env_end, "Verbfile", verbs, sizeof verbs);
    element_text(xml, env_end, "Actorfile", actors, sizeof actors);
    element_text(xml, env_end, "Agentfile", agents, sizeof agents);
    element_text(xml, env_end, "Discardfile", discards, sizeof discards);
    *news = 0;
    if (!verbs[0] || strcmp(trim(verbs), "CAMEO.2.0.txt") == 0) {
        *news = 1;
        *out = cli_load_dict(dict_dir, verbose);
        return *out ? 0 : -1;
    }
    if (!actors[0]) {
        fprintf(stderr, "sitrep: the <Environment> names a <Verbfile> but no <Actorfile>\n");
        return -1;
    }
    char pv[1024], pg[1024], pd[1024], pa[MAX_ACTOR_FILES][1024];
    const char *actor_list[MAX_ACTOR_FILES];
    size_t nactors = 0;
    for (char *tok = strtok(actors, ","); tok && nactors < MAX_ACTOR_FILES; tok = strtok(NULL, ",")) {
        locate(pa[nactors], sizeof pa[nactors], dir, dict_dir, trim(tok));
        actor_list[nactors] = pa[nactors];
        nactors++;
    }
    locate(pv, sizeof pv, dir, dict_dir, trim(verbs));
    locate(pg, sizeof pg, dir, dict_dir, trim(agents));
    locate(pd, sizeof pd, dir, dict_dir, trim(discards));
    sr_dict_files files = {.verbs = pv, .actors = actor_list, .nactors = nactors,
                           .agents = agents[0] ? pg : NULL, .discards = discards[0] ? pd : NULL};
    sr_error err = {0, ""};
    size_t warnings = 0;
    (void)verbose;
    if (sr_dict_load(out, &files, NULL, &warnings, &err) != 0) {
        fprintf(stderr, "sitrep: cannot load the test dictionaries: %s\n", err.msg);
        return -1;
    }
    return 0;
}

int cmd_validate(const char *xml_path, const char *dict_dir, int verbose, int trace)
{
        size_t len = 0;
    char *xml = slurp(xml_path, &len);
    if (!xml) {
        fprintf(stderr, "sitrep: cannot read %s\n", xml_path);
        return EXIT_FATAL;
    }
    strip_comments(xml);
    char *pathcopy = strdup(xml_path);
    const char *dir = dirname(pathcopy);
    const char *env_end = strstr(xml, "</Environment>");
    if (!env_end) {
        fprintf(stderr, "%s: no <Environment> element\n", xml_path);
        free(pathcopy);
        free(xml);
        return EXIT_FATAL;
    }
    sr_dict *dict = NULL;
    int news = 0;
    if (load_env_dict(&dict, xml, env_end, dir, cli_dict_dir(dict_dir), verbose, &news) != 0) {
        free(pathcopy);
        free(xml);
        return EXIT_FATAL;
    }
    sr_coder_options opt;
    sr_coder_options_default(&opt);
    opt.require_dyad = 1; /* PETRARCH's default */
    if (!news) {
        /* PETRARCH's own test records expect PETRARCH's behaviour */
        opt.infer_country = 0;
        opt.future_as_intent = 0; /* "will VERB" coded as the act */
        opt.strict_passive = 0;   /* "X was criticized": X as source */
        opt.locative_targets = 1; /* "appealed for peace in Ithilen" */
    }
    opt.trace = trace;
    sr_coder *coder = NULL;
    sr_error err = {0, ""};
    if (sr_coder_new(&coder, dict, &opt, &err) != 0) {
        fprintf(stderr, "sitrep: %s\n", err.msg);
        sr_dict_free(dict);
        free(pathcopy);
        free(xml);
        return EXIT_FATAL;
    }

    size_t passed = 0, failed = 0;
    const char *p = env_end;
    char *text = malloc(TEXT_MAX);
    if (!text) {
        fprintf(stderr, "sitrep: out of memory\n");
        return EXIT_FATAL;
    }
    for (;;) {
        const char *sent = p;
        while ((sent = strstr(sent, "<Sentence")) != NULL && !isspace((unsigned char)sent[9]))
            sent += 9; /* not <Sentences> */
        const char *cfg = strstr(p, "<Config");
        if (cfg && (!sent || cfg < sent)) {
            apply_config(&opt, cfg);
            p = cfg + 7;
            continue;
        }
        if (!sent)
            break;
        const char *end = strstr(sent, "</Sentence>");
        if (!end)
            break;
        char id[128] = "?", date[32] = "";
        attr(sent, "id", id, sizeof id);
        if (trace)
            fprintf(stderr, "trace: record %s\n", id);
        attr(sent, "date", date, sizeof date);
        /* Config elements inside the record apply from here on too */
        for (const char *c = strstr(sent, "<Config"); c && c < end; c = strstr(c + 7, "<Config"))
            apply_config(&opt, c);
        triple want[MAX_CODINGS], got[MAX_CODINGS];
        size_t nwant = 0, ngot = 0;
        for (const char *e = strstr(sent, "<EventCoding"); e && e < end; e = strstr(e + 12, "<EventCoding")) {
            triple t = {"", "", ""};
            if (!attr(e, "eventcode", t.code, sizeof t.code))
                continue; /* noevents / error: expects nothing */
            attr(e, "sourcecode", t.src, sizeof t.src);
            attr(e, "targetcode", t.tgt, sizeof t.tgt);
            if (nwant < MAX_CODINGS && !has_triple(want, nwant, &t))
                want[nwant++] = t;
        }
        if (!element_text(sent, end, "Text", text, TEXT_MAX)) {
            p = end;
            continue;
        }
        char iso[16] = "";
        if (strlen(date) == 8)
            snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
        sr_coder_set_options(coder, &opt);
        const sr_events *evs = NULL;
        if (sr_coder_code(coder, text, strlen(text), iso[0] ? iso : NULL, &evs, &err) == 0) {
            for (size_t k = 0; k < evs->n && ngot < MAX_CODINGS; k++) {
                const sr_event *ev = &evs->events[k];
                triple t;
                if (ev->source.new_actor) {
                    /* PETRARCH writes a new actor as its quoted words */
                    size_t n = ev->source.end - ev->source.start, o = 0;
                    t.src[o++] = '"';
                    for (size_t i = 0; i < n && o + 2 < sizeof t.src; i++)
                        t.src[o++] = (char)toupper((unsigned char)evs->text->src[ev->source.start + i]);
                    t.src[o++] = '"';
                    t.src[o] = '\0';
                } else {
                    snprintf(t.src, sizeof t.src, "%s", ev->source.code ? ev->source.code : "---");
                }
                snprintf(t.tgt, sizeof t.tgt, "%s", ev->target.code ? ev->target.code : "---");
                snprintf(t.code, sizeof t.code, "%s", ev->cameo);
                if (!has_triple(got, ngot, &t))
                    got[ngot++] = t;
            }
        }
        int ok = nwant == ngot;
        for (size_t k = 0; ok && k < nwant; k++)
            ok = has_triple(got, ngot, &want[k]);
        if (ok) {
            passed++;
            printf("PASS %s\n", id);
        } else {
            failed++;
            printf("FAIL %s: %s\n", id, text);
            print_set("expected", want, nwant);
            print_set("actual  ", got, ngot);
        }
        p = end;
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    free(text);
    sr_coder_free(coder);
    sr_dict_free(dict);
    free(pathcopy);
    free(xml);
    return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
