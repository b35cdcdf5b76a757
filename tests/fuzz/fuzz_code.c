/*
 * Fuzz the whole text pipeline on one document's text: the coder (with
 * places and dates), figures and quotes, and the record writers, with the
 * shipped dictionaries and gazetteer. The input is the text as a reader
 * would hand it over (the bytes are repaired to UTF-8 first, as readers
 * do). The dictionaries are loaded once: a fuzzer may keep them in a
 * static, the library never does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/figures.h"
#include "sitrep/quotes.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sr_dict *dict;
static sr_gazetteer *gaz;
static sr_coder *coder;

static void load_once(void)
{
    if (coder)
        return;
    const char *dir = getenv("SITREP_DICT") ? getenv("SITREP_DICT") : SR_DATADIR "/dict";
    if (sr_dict_load_dir(&dict, dir, NULL, NULL, NULL) != 0)
        abort();
    if (sr_gazetteer_open(&gaz, NULL, NULL) != 0)
        gaz = NULL; /* fuzz without places when no gazetteer is built */
    if (sr_coder_new(&coder, dict, NULL, NULL) != 0)
        abort();
    sr_coder_set_gazetteer(coder, gaz);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_once();
    size_t len = 0;
    char *text = sr_utf8_repair((const char *)data, size, &len, NULL);
    if (!text)
        return 0;
    /* the first bytes pick a document date, so date arithmetic is fuzzed too */
    const char *date = size > 0 && (data[0] & 1) ? "2018-09-14" : NULL;
    const sr_events *evs = NULL;
    if (sr_coder_code(coder, text, len, date, &evs, NULL) == 0) {
        sr_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.id = "fuzz";
        doc.text = text;
        doc.text_len = len;
        doc.date = date;
        sr_buf out = SR_BUF_INIT;
        sr_records_write_events(&out, &doc, evs);
        sr_arena *a = sr_arena_new(0);
        sr_figure *fs = NULL;
        size_t nf = 0;
        if (sr_figures_find(evs->text, evs->phrases, evs->nphrases, a, &fs, &nf) == 0)
            sr_records_write_figures(&out, &doc, evs, fs, nf);
        sr_quote *qs = NULL;
        size_t nq = 0;
        if (sr_quotes_find(evs->text, evs->phrases, evs->nphrases, a, &qs, &nq) == 0)
            sr_records_write_quotes(&out, &doc, evs, qs, nq);
        sr_arena_free(a);
        sr_buf_free(&out);
    }
    free(text);
    return 0;
}
