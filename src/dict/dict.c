/*
 * The dictionary as a whole: reading the files, running the loaders in
 * priority order, the indexes built once everything is read, lookups, and
 * release.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict/grow.h"
#include "dict/load.h"
#include "dict/trie.h"
#include "dict/vocab.h"
#include "sitrep/sitrep.h"

/* ---- lookups --------------------------------------------------------- */

void sr_dict_token_ids(const sr_dict *d, const char *norm, size_t len, sr_token_ids *out)
{
    sr_vocab_token_ids(d->vocab, norm, len, out);
}

uint32_t sr_dict_word_id(const sr_dict *d, const char *word, size_t len)
{
    return sr_vocab_find(d->vocab, word, len);
}

const char *sr_dict_word(const sr_dict *d, uint32_t id)
{
    return sr_vocab_word(d->vocab, id);
}

void sr_dict_get_stats(const sr_dict *d, sr_dict_stats *out)
{
    *out = d->stats;
}

/* ---- release --------------------------------------------------------- */

void sr_dict_free(sr_dict *d)
{
    if (!d)
        return;
    sr_vocab_free(d->vocab);
    sr_trie_free(d->actor_trie);
    sr_trie_free(d->agent_trie);
    sr_trie_free(d->discard_trie);
    free(d->actors);
    free(d->actor_codes);
    free(d->agents);
    free(d->discards);
    free(d->blocks);
    free(d->forms);
    free(d->form_first);
    free(d->form_count);
    free(d->form_index);
    free(d->patterns);
    free(d->elems);
    free(d->synsets);
    free(d->synset_members);
    free(d->synset_words);
    sr_arena_free(d->mem);
    free(d);
}

/* ---- building -------------------------------------------------------- */

/* forms by first word, longest first (file order among equals) */
static void index_forms(sr_dict *d)
{
    size_t nv = sr_vocab_size(d->vocab);
    d->nvocab_slots = nv;
    d->form_first = sr_xcalloc(nv, sizeof *d->form_first);
    d->form_count = sr_xcalloc(nv, sizeof *d->form_count);
    d->form_index = sr_xcalloc(d->nforms, sizeof *d->form_index);
    uint32_t *filled = sr_xcalloc(nv, sizeof *filled);
    for (size_t f = 0; f < d->nforms; f++)
        d->form_count[d->forms[f].words[0]]++;
    uint32_t at = 0;
    for (size_t w = 0; w < nv; w++) {
        d->form_first[w] = at;
        at += d->form_count[w];
    }
    for (int len = SR_FORM_MAX; len >= 1; len--)
        for (size_t f = 0; f < d->nforms; f++) {
            if (d->forms[f].nwords != len)
                continue;
            uint32_t w = d->forms[f].words[0];
            d->form_index[d->form_first[w] + filled[w]++] = (uint32_t)f;
        }
    free(filled);
}

static void finish(sr_loader *L)
{
    sr_dict *d = L->d;
    sr_vocab_freeze(d->vocab);
    index_forms(d);
    sr_dict_stats *st = &d->stats;
    st->words = sr_vocab_size(d->vocab);
    st->verbs = L->nverbs;
    st->verb_forms = d->nforms;
    st->patterns = d->npatterns;
    st->synsets = d->nsynsets;
    st->actors = d->nactors;
    st->actor_phrases = L->nphrases;
    st->agents = d->nagents;
    st->discards = d->ndiscards;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

typedef void (*file_loader)(sr_loader *L, const char *data, size_t len);

static void load_one(sr_loader *L, const sr_dict_buffer *b, file_loader fn)
{
    sr_dict *d = L->d;
    L->file = (uint16_t)d->nfiles;
    L->fname = d->files[d->nfiles++] = sr_arena_strdup(L->arena, b->name ? b->name : "?");
    L->line = 0;
    fn(L, b->data ? b->data : "", b->data ? b->len : 0);
}

int sr_dict_load_buffers(sr_dict **out, const sr_dict_buffers *b, sr_dict_warn_fn warn,
                         void *warn_ctx, sr_error *err)
{
    if (!out || !b || (b->nactors && !b->actors))
        return sr_error_set(err, SR_EINVAL, "sr_dict_load: bad arguments");
    *out = NULL;
    size_t nfiles = (b->verbs != NULL) + b->nactors + (b->agents != NULL) + (b->discards != NULL) +
                    b->nmore_agents;
    if (nfiles > UINT16_MAX)
        return sr_error_set(err, SR_EINVAL, "sr_dict_load: too many dictionary files");
    sr_dict *d = sr_xcalloc(1, sizeof *d);
    d->mem = sr_arena_new(0);
    sr_loader L;
    memset(&L, 0, sizeof L);
    L.scratch = sr_arena_new(4096);
    if (!d->mem || !L.scratch) {
        sr_arena_free(L.scratch);
        sr_dict_free(d);
        return sr_error_set(err, SR_ENOMEM, "sr_dict_load: out of memory");
    }
    d->vocab = sr_vocab_new();
    d->actor_trie = sr_trie_new();
    d->agent_trie = sr_trie_new();
    d->discard_trie = sr_trie_new();
    d->files = sr_arena_calloc(d->mem, nfiles ? nfiles : 1, sizeof *d->files);
    L.d = d;
    L.arena = d->mem;
    L.warn = warn;
    L.warn_ctx = warn_ctx;
    L.syn = sr_synsets_new();

    if (b->verbs)
        load_one(&L, b->verbs, sr_ld_verbs);
    else
        sr_synsets_finish(&L); /* no synsets, but the arrays exist */
    for (size_t i = 0; i < b->nactors; i++)
        load_one(&L, &b->actors[i], sr_ld_actors);
    if (b->agents)
        load_one(&L, b->agents, sr_ld_agents);
    for (size_t i = 0; i < b->nmore_agents; i++)
        load_one(&L, &b->more_agents[i], sr_ld_agents);
    if (b->discards)
        load_one(&L, b->discards, sr_ld_discards);
    finish(&L);

    sr_synsets_free(L.syn);
    sr_arena_free(L.scratch);
    *out = d;
    return SR_OK;
}

/* Whole file into a malloc'd buffer. */
static int read_file(const char *path, char **data, size_t *len, sr_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sr_error_set(err, errno == ENOENT ? SR_ENOTFOUND : SR_EIO,
                            "cannot open dictionary %s: %s", path, strerror(errno));
    struct stat st;
    size_t cap = 0, n = 0;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (size_t)st.st_size + 2;
    else
        cap = 65536;
    for (;;) {
        if (n + 1 >= cap || !buf) {
            if (buf)
                cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                close(fd);
                return sr_error_set(err, SR_ENOMEM, "out of memory reading %s", path);
            }
            buf = nb;
        }
        ssize_t k = read(fd, buf + n, cap - n - 1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return sr_error_set(err, SR_EIO, "cannot read dictionary %s: %s", path, strerror(e));
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return SR_OK;
}

int sr_dict_load(sr_dict **out, const sr_dict_files *files, sr_dict_warn_fn warn, void *warn_ctx,
                 sr_error *err)
{
    if (!out)
        return sr_error_set(err, SR_EINVAL, "sr_dict_load: no output");
    *out = NULL;
    if (!files || !files->verbs)
        return sr_error_set(err, SR_EINVAL, "sr_dict_load: a verbs file is required");
    if (files->nactors && !files->actors)
        return sr_error_set(err, SR_EINVAL, "sr_dict_load: bad actor file list");
    size_t nbuf = 1 + files->nactors + (files->agents != NULL) + (files->discards != NULL) +
                  files->nmore_agents;
    sr_dict_buffer *buf = sr_xcalloc(nbuf, sizeof *buf);
    const char **paths = sr_xcalloc(nbuf, sizeof *paths);
    size_t k = 0;
    paths[k++] = files->verbs;
    for (size_t i = 0; i < files->nactors; i++)
        paths[k++] = files->actors[i];
    if (files->agents)
        paths[k++] = files->agents;
    if (files->discards)
        paths[k++] = files->discards;
    size_t more_at = k;
    for (size_t i = 0; i < files->nmore_agents; i++)
        paths[k++] = files->more_agents[i];

    int rc = SR_OK;
    for (size_t i = 0; i < nbuf && rc == SR_OK; i++) {
        if (!paths[i]) {
            rc = sr_error_set(err, SR_EINVAL, "sr_dict_load: NULL actor file name");
            break;
        }
        char *data = NULL;
        rc = read_file(paths[i], &data, &buf[i].len, err);
        buf[i].data = data;
        buf[i].name = base_name(paths[i]);
    }
    if (rc == SR_OK) {
        sr_dict_buffers b = {
            .verbs = &buf[0],
            .actors = files->nactors ? &buf[1] : NULL,
            .nactors = files->nactors,
            .agents = files->agents ? &buf[1 + files->nactors] : NULL,
            .discards = files->discards ? &buf[more_at - 1] : NULL,
            .more_agents = files->nmore_agents ? &buf[more_at] : NULL,
            .nmore_agents = files->nmore_agents,
        };
        rc = sr_dict_load_buffers(out, &b, warn, warn_ctx, err);
    }
    for (size_t i = 0; i < nbuf; i++)
        free((char *)buf[i].data);
    free(buf);
    free(paths);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        sr_grow_fail();
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

int sr_dict_load_dir(sr_dict **out, const char *dir, sr_dict_warn_fn warn, void *warn_ctx,
                     sr_error *err)
{
    static const char suffix[] = ".actors.txt", asuffix[] = ".agents.txt";
    if (!out || !dir)
        return sr_error_set(err, SR_EINVAL, "sr_dict_load_dir: bad arguments");
    *out = NULL;
    DIR *dh = opendir(dir);
    if (!dh)
        return sr_error_set(err, errno == ENOENT ? SR_ENOTFOUND : SR_EIO,
                            "cannot open dictionary directory %s: %s", dir, strerror(errno));
    char **actors = NULL, **agents_more = NULL;
    size_t nactors = 0, cap = 0, nmore = 0, mcap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        size_t n = strlen(de->d_name);
        if (de->d_name[0] == '.')
            continue;
        if (n > sizeof asuffix - 1 && strcmp(de->d_name + n - (sizeof asuffix - 1), asuffix) == 0 &&
            strcmp(de->d_name, "Phoenix.agents.txt") != 0) {
            SR_GROW(agents_more, mcap, nmore + 1);
            agents_more[nmore++] = join(dir, de->d_name);
            continue;
        }
        if (n <= sizeof suffix - 1 || strcmp(de->d_name + n - (sizeof suffix - 1), suffix) != 0)
            continue;
        SR_GROW(actors, cap, nactors + 1);
        actors[nactors++] = join(dir, de->d_name);
    }
    closedir(dh);
    int rc;
    if (nactors == 0) {
        rc = sr_error_set(err, SR_ENOTFOUND, "no *%s actor dictionary in %s", suffix, dir);
    } else {
        qsort(actors, nactors, sizeof *actors, by_name);
        if (nmore)
            qsort(agents_more, nmore, sizeof *agents_more, by_name);
        char *verbs = join(dir, "CAMEO.2.0.txt");
        char *agents = join(dir, "Phoenix.agents.txt");
        char *discards = join(dir, "Phoenix.discards.txt");
        sr_dict_files f = {
            .verbs = verbs,
            .actors = (const char *const *)actors,
            .nactors = nactors,
            .agents = agents,
            .discards = discards,
            .more_agents = (const char *const *)agents_more,
            .nmore_agents = nmore,
        };
        rc = sr_dict_load(out, &f, warn, warn_ctx, err);
        free(verbs);
        free(agents);
        free(discards);
    }
    for (size_t i = 0; i < nactors; i++)
        free(actors[i]);
    free(actors);
    for (size_t i = 0; i < nmore; i++)
        free(agents_more[i]);
    free(agents_more);
    return rc;
}
