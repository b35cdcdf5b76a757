/*
 * The store's schema, version 1 (docs/store.md is the reference).
 *
 * Every record points at its document (doc_id) and carries the byte span
 * of its text in that document's text. Codes and names are stored as
 * sitrep writes them in its JSON-lines records, so that a row and a record
 * read the same. Dates are "YYYY-MM-DD" text (ISO order sorts and compares
 * as dates); a date of lower precision is stored as its first day, with
 * the precision beside it.
 *
 * Why these indexes, and no more: the queries filter events by actor code
 * prefix, CAMEO root and date range (GLOB 'SYR*' on a BINARY column uses an
 * index), reports scan a date range, grouping reads events by date, by
 * document and by group, and records are read by their document. Every
 * index costs each insert a B-tree descent, and ingest is bound by the
 * writer: an index that no query's plan uses is not kept. (Outlets,
 * place names and speakers are compared without case, or ORed with
 * another column, which an index on the column does not serve.)
 */
#include "store/store_internal.h"

const char *const sr_store_schema_v1[] = {
    /* One row per distinct document: hash is the SHA-256 (hex) of its text
     * after reading (repair and normalization), the identity that makes
     * ingest idempotent. doc_key is the record "doc" field. */
    "CREATE TABLE documents ("
    " id INTEGER PRIMARY KEY,"
    " hash TEXT NOT NULL UNIQUE,"
    " doc_key TEXT NOT NULL,"
    " outlet TEXT,"
    " url TEXT,"
    " title TEXT,"
    " published TEXT,"      /* YYYY-MM-DD from metadata or dateline, or NULL */
    " date_source TEXT,"    /* 'metadata', 'dateline' or NULL */
    " main_place TEXT,"     /* the place its figures' words name most (sr_figures_main_place) */
    " path TEXT,"
    " line INTEGER,"
    " text TEXT NOT NULL,"
    " ingested_at TEXT NOT NULL)",
    "CREATE INDEX documents_published ON documents(published)",

    /* Sentences as spans of their document's text; sentence_fts indexes
     * their words (contentless: the text lives once, in documents). */
    "CREATE TABLE sentences ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " UNIQUE (doc_id, idx))",
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2')",

    /* Actor mentions: each source/target/speaker/claimant span resolved to
     * a code (code NULL: named but in no dictionary). */
    "CREATE TABLE actors ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " text TEXT NOT NULL,"
    " code TEXT,"
    " UNIQUE (doc_id, start, end))",

    /* Place mentions resolved by the gazetteer. */
    "CREATE TABLE places ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " text TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " lat REAL, lon REAL,"
    " country TEXT,"      /* ISO 3166 alpha-2 */
    " country3 TEXT,"     /* alpha-3 */
    " admin1 TEXT,"
    " geonameid INTEGER,"
    " feature TEXT,"      /* city, admin1, country, region */
    " precision TEXT,"
    " UNIQUE (doc_id, start, end))",

    /* Events as coded (kind "event" records); source_id/target_id/place_id
     * point at the mentions above. mention_key is a 63-bit number derived
     * from the document hash, span and code: the same event of the same
     * text gets the same key in every store. group_id: the real-world
     * event it was grouped into. */
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " sentence_id INTEGER REFERENCES sentences(id),"
    " sentence INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " source_code TEXT, source_text TEXT, source_id INTEGER REFERENCES actors(id),"
    " target_code TEXT, target_text TEXT, target_id INTEGER REFERENCES actors(id),"
    " cameo TEXT NOT NULL,"
    " root TEXT NOT NULL,"
    " quad_class INTEGER NOT NULL,"
    " goldstein REAL NOT NULL,"
    " plover_type TEXT,"
    " plover_mode TEXT,"
    " mood TEXT,"
    " verb_text TEXT, verb_start INTEGER, verb_end INTEGER,"
    " pattern TEXT,"
    " place_id INTEGER REFERENCES places(id),"
    " place_from TEXT,"   /* clause, sentence, document */
    " date TEXT,"
    " date_text TEXT,"
    " date_precision TEXT,"
    " date_source TEXT,"
    " mention_key INTEGER NOT NULL,"
    " group_id INTEGER REFERENCES event_groups(id))",
    "CREATE INDEX events_doc ON events(doc_id)",
    "CREATE INDEX events_source_date ON events(source_code, date)",
    "CREATE INDEX events_target_date ON events(target_code, date)",
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX events_group ON events(group_id)",
    /* covering: a code prefix with an actor reads one range in date order */
    "CREATE INDEX events_root_date ON events(root, date, source_code, target_code)",
    "CREATE INDEX events_sentence ON events(sentence_id)",

    /* One row per real-world event: reports of the same day or the next,
     * the same actors at country-and-sector level (first six characters of
     * the code), the same CAMEO root and the same place (or none). id is
     * the smallest mention_key of its members, so it does not depend on
     * the order documents were ingested in (GDELT's GLOBALEVENTID). */
    "CREATE TABLE event_groups ("
    " id INTEGER PRIMARY KEY,"
    " date TEXT,"            /* the earliest member's date */
    " source_key TEXT,"
    " target_key TEXT,"
    " root TEXT NOT NULL,"
    " place_key TEXT,"       /* geonameid, else name; NULL: no place */
    " cameo TEXT NOT NULL,"  /* the code most members have */
    " num_mentions INTEGER NOT NULL,"
    " num_sources INTEGER NOT NULL,"
    " num_articles INTEGER NOT NULL)",

    /* Figures (kind "figure" records). */
    "CREATE TABLE figures ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " sentence INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " figure_text TEXT NOT NULL,"
    " low REAL, high REAL,"
    " qualifier TEXT,"
    " category TEXT,"
    " unit_text TEXT,"
    " whose_code TEXT, whose_text TEXT,"
    " claimant_code TEXT, claimant_text TEXT,"
    " subject TEXT,"      /* sr_figure_subject: whose count it is, for comparing outlets */
    " place_words TEXT,"  /* sr_figure_place: where its own words put it */
    " place_id INTEGER REFERENCES places(id),"
    " place_from TEXT,"
    " date TEXT, date_text TEXT, date_precision TEXT, date_source TEXT)",
    "CREATE INDEX figures_doc ON figures(doc_id)",

    /* Quotations (kind "quote" records). */
    "CREATE TABLE quotes ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " sentence INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " quote TEXT NOT NULL,"
    " parts TEXT,"        /* JSON array of [start, end] spans, as in the record */
    " direct INTEGER NOT NULL,"
    " speaker_text TEXT, speaker_code TEXT, speaker_id INTEGER REFERENCES actors(id),"
    " speaker_from_pronoun INTEGER NOT NULL DEFAULT 0,"
    " cue_text TEXT)",
    "CREATE INDEX quotes_doc ON quotes(doc_id)",

    /* Framing words (sr_labels_find): which word an outlet used for which
     * armed group. */
    "CREATE TABLE labels ("
    " id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " sentence INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " end INTEGER NOT NULL,"
    " word TEXT NOT NULL,"
    " actor_code TEXT)",
    "CREATE INDEX labels_doc ON labels(doc_id)",
    NULL};
