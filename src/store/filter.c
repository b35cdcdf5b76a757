/*
 * filter: sr_event_filter -> an SQL condition and its parameters.
 *
 * Why codes become GLOB patterns: `code GLOB 'SYR*'` on a BINARY column is
 * turned by SQLite into the range code >= 'SYR' AND code < 'SYS', which an
 * index on the column serves; LIKE would not (it is case-insensitive).
 * The prefix is checked to be [A-Z0-9]+ first, so no GLOB metacharacter
 * from the user reaches the pattern.
 *
 * Why a two-digit CAMEO prefix becomes `root = ?`: it is the same set of
 * events (root is the first two digits of the code), and an equality
 * leaves the date as the next column of an index on (root, date), so a
 * date range is one index range already in date order.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/filter.h"

#define EARTH_RADIUS_KM 6371.0088
#define KM_PER_DEGREE (EARTH_RADIUS_KM * M_PI / 180.0)

static sr_sql_param *add_param(sr_filter_sql *q)
{
    /* The fragments below add at most 22 parameters (every event field
     * set, the actor's date range repeated, a radius): the array is sized
     * for that, so running out is a bug here, not bad input. */
    if (q->nparams == SR_FILTER_MAX_PARAMS)
        abort();
    sr_sql_param *p = &q->params[q->nparams++];
    memset(p, 0, sizeof *p);
    return p;
}

static void add_text(sr_filter_sql *q, const char *text)
{
    sr_sql_param *p = add_param(q);
    p->type = SR_PARAM_TEXT;
    p->text = text;
}

/* A parameter whose text is built here, in its own slot (text stays NULL
 * so that a copied sr_filter_sql still binds the right bytes). */
static char *add_own_text(sr_filter_sql *q)
{
    sr_sql_param *p = add_param(q);
    p->type = SR_PARAM_TEXT;
    return p->own;
}

static void add_real(sr_filter_sql *q, double v)
{
    sr_sql_param *p = add_param(q);
    p->type = SR_PARAM_REAL;
    p->real = v;
}

int sr_filter_glob_prefix(const char *what, const char *prefix, int digits_only, char *out,
                          size_t size, sr_error *err)
{
    size_t n = strlen(prefix);
    if (n == 0)
        return sr_error_set(err, SR_EINVAL, "%s: empty code", what);
    if (n + 2 > size)
        return sr_error_set(err, SR_EINVAL, "%s: code longer than %zu characters", what,
                            size - 2);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)prefix[i];
        int ok = digits_only ? isdigit(c) : (isdigit(c) || isalpha(c));
        if (!ok || c >= 0x80)
            return sr_error_set(err, SR_EINVAL,
                                digits_only ? "%s: '%s' is not a CAMEO code prefix (digits only)"
                                            : "%s: '%s' is not an actor code prefix (letters "
                                              "and digits only, as in SYR or SYRMIL)",
                                what, prefix);
        out[i] = (char)toupper(c);
    }
    out[n] = '*';
    out[n + 1] = '\0';
    return 0;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

int sr_filter_date_bound(const char *what, const char *date, int is_until, char out[11],
                         sr_error *err)
{
    size_t n = strlen(date);
    int ok = (n == 4 && all_digits(date, 4)) ||
             (n == 7 && all_digits(date, 4) && date[4] == '-' && all_digits(date + 5, 2)) ||
             (n == 10 && all_digits(date, 4) && date[4] == '-' && all_digits(date + 5, 2) &&
              date[7] == '-' && all_digits(date + 8, 2));
    if (ok && n >= 7) {
        int month = (date[5] - '0') * 10 + (date[6] - '0');
        ok = month >= 1 && month <= 12;
    }
    if (ok && n == 10) {
        int day = (date[8] - '0') * 10 + (date[9] - '0');
        ok = day >= 1 && day <= 31;
    }
    if (!ok)
        return sr_error_set(err, SR_EINVAL, "%s: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
                            what, date);
    memcpy(out, date, n);
    if (n == 4)
        memcpy(out + 4, is_until ? "-12-31" : "-01-01", 6);
    else if (n == 7)
        memcpy(out + 7, is_until ? "-31" : "-01", 3);
    out[10] = '\0';
    return 0;
}

/* One number of "LAT,LON,KM", ending at `stop` (',' or '\0'). */
static int parse_number(const char **s, char stop, double *v)
{
    char *end = NULL;
    errno = 0;
    *v = strtod(*s, &end);
    if (end == *s || errno != 0 || !isfinite(*v))
        return 0;
    while (*end == ' ')
        end++;
    if (*end != stop)
        return 0;
    *s = stop ? end + 1 : end;
    return 1;
}

int sr_filter_parse_point(const char *place, double *lat, double *lon, double *km,
                          sr_error *err)
{
    const char *s = place;
    if (!parse_number(&s, ',', lat) || !parse_number(&s, ',', lon) ||
        !parse_number(&s, '\0', km))
        return SR_ENOTFOUND;
    if (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)
        return sr_error_set(err, SR_EINVAL,
                            "--place: '%s': latitude must be within -90..90 and longitude "
                            "within -180..180",
                            place);
    if (!(*km > 0))
        return sr_error_set(err, SR_EINVAL, "--place: '%s': the radius (km) must be positive",
                            place);
    return 0;
}

double sr_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    double to_rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * to_rad, dlon = (lon2 - lon1) * to_rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * to_rad) * cos(lat2 * to_rad) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1)
        a = 1;
    return 2 * EARTH_RADIUS_KM * asin(sqrt(a));
}

static void km_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    for (int i = 0; i < argc; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            sqlite3_result_null(ctx);
            return;
        }
    sqlite3_result_double(ctx, sr_distance_km(sqlite3_value_double(argv[0]),
                                              sqlite3_value_double(argv[1]),
                                              sqlite3_value_double(argv[2]),
                                              sqlite3_value_double(argv[3])));
}

int sr_filter_register_functions(sqlite3 *db, sr_error *err)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(db, "sr_km", 4, flags, NULL, km_function, NULL, NULL, NULL) !=
        SQLITE_OK)
        return sr_error_set(err, SR_EIO, "store: cannot register sr_km: %s", sqlite3_errmsg(db));
    return 0;
}

/* The place as a radius: a bounding box the lat/lon columns can be
 * compared with cheaply, then the exact distance. */
static void add_radius(sr_filter_sql *q, double lat, double lon, double km)
{
    double dlat = km / KM_PER_DEGREE;
    sr_buf_puts(&q->where, " AND p.lat BETWEEN ? AND ?");
    add_real(q, lat - dlat);
    add_real(q, lat + dlat);
    /* Longitude degrees shrink with the cosine of the latitude: take the
     * box's edge farthest from the equator so the box is never too small. */
    double far_lat = fmax(fabs(lat - dlat), fabs(lat + dlat));
    if (far_lat < 89.0) {
        double dlon = dlat / cos(far_lat * M_PI / 180.0);
        if (dlon < 180.0) {
            double lo = lon - dlon, hi = lon + dlon;
            if (lo < -180.0 || hi > 180.0) { /* the box crosses the antimeridian */
                sr_buf_puts(&q->where, " AND (p.lon >= ? OR p.lon <= ?)");
                add_real(q, lo < -180.0 ? lo + 360.0 : lo);
                add_real(q, hi > 180.0 ? hi - 360.0 : hi);
            } else {
                sr_buf_puts(&q->where, " AND p.lon BETWEEN ? AND ?");
                add_real(q, lo);
                add_real(q, hi);
            }
        }
    }
    sr_buf_puts(&q->where, " AND sr_km(p.lat, p.lon, ?, ?) <= ?");
    add_real(q, lat);
    add_real(q, lon);
    add_real(q, km);
}

static int nonempty(const char *what, const char *s, sr_error *err)
{
    if (!*s)
        return sr_error_set(err, SR_EINVAL, "%s: empty value", what);
    return 0;
}

/* The place by name: its resolved name or its text as written. */
static void add_place_name(sr_filter_sql *q, const char *name)
{
    add_text(q, name);
    add_text(q, name);
    sr_buf_puts(&q->where, " AND (p.name = ? COLLATE NOCASE OR p.text = ? COLLATE NOCASE)");
}

static int add_dates(sr_filter_sql *q, const char *since, const char *until, const char *column)
{
    int rc;
    if (since) {
        if ((rc = sr_filter_date_bound("--since", since, 0, add_own_text(q), NULL)) != 0)
            return rc;
        sr_buf_printf(&q->where, " AND %s >= ?", column);
        q->has_date_range = 1;
    }
    if (until) {
        if ((rc = sr_filter_date_bound("--until", until, 1, add_own_text(q), NULL)) != 0)
            return rc;
        sr_buf_printf(&q->where, " AND %s <= ?", column);
        q->has_date_range = 1;
    }
    return 0;
}

static int check_dates(const char *since, const char *until, sr_error *err)
{
    char tmp[11];
    int rc;
    if (since && (rc = sr_filter_date_bound("--since", since, 0, tmp, err)) != 0)
        return rc;
    if (until && (rc = sr_filter_date_bound("--until", until, 1, tmp, err)) != 0)
        return rc;
    return 0;
}

/* A term on the user's words as they are (bound, never spliced in):
 * `condition` holds one ?. An empty value is refused, not matched. */
static int add_words(sr_filter_sql *q, const char *what, const char *value,
                     const char *condition, sr_error *err)
{
    int rc;
    if ((rc = nonempty(what, value, err)) != 0)
        return rc;
    add_text(q, value);
    sr_buf_puts(&q->where, condition);
    return 0;
}

/* The terms events, figures and quotes take alike: their date range (on
 * date_column), the document's outlet, and a full-text search whose
 * condition (text_match) says which sentences are the row's. */
static int add_when_outlet_text(sr_filter_sql *q, const char *since, const char *until,
                                const char *outlet, const char *text, const char *date_column,
                                const char *text_match, sr_error *err)
{
    int rc;
    if ((rc = add_dates(q, since, until, date_column)) != 0)
        return rc;
    if (outlet) {
        if ((rc = add_words(q, "--outlet", outlet, " AND d.outlet = ? COLLATE NOCASE", err)) != 0)
            return rc;
        q->uses_documents = 1;
    }
    if (text && (rc = add_words(q, "--text", text, text_match, err)) != 0)
        return rc;
    return 0;
}

static int build_events(sr_filter_sql *q, const sr_event_filter *f, int plan, sr_error *err)
{
    int rc;
    /* A unary + keeps a term from choosing the index (SQLite's documented
     * way to steer a plan); the term is still checked. */
    int by_code = plan == SR_PLAN_BY_ACTOR || plan == SR_PLAN_BY_SOURCE ||
                  plan == SR_PLAN_BY_TARGET;
    const char *hide = by_code ? "+" : "";
    const char *hide_either = plan != SR_PLAN_AUTO && plan != SR_PLAN_BY_ACTOR ? "+" : "";
    const char *hide_source = plan != SR_PLAN_AUTO && plan != SR_PLAN_BY_SOURCE ? "+" : "";
    const char *hide_target = plan != SR_PLAN_AUTO && plan != SR_PLAN_BY_TARGET ? "+" : "";
    q->date_expr = by_code ? "+e.date" : "e.date";
    if (f->actor) {
        char pattern[sizeof q->params[0].own];
        if ((rc = sr_filter_glob_prefix("--actor", f->actor, 0, pattern, sizeof pattern, err)) != 0)
            return rc;
        if (plan == SR_PLAN_BY_ACTOR && (f->since || f->until)) {
            /* Each side of the OR is read from its own index; SQLite
             * checks in that index only the terms inside the side, so the
             * date range is repeated there (the date is the index's second
             * column) and rows outside it are never fetched. */
            sr_buf_puts(&q->where, " AND (");
            for (int side = 0; side < 2; side++) {
                strcpy(add_own_text(q), pattern);
                sr_buf_puts(&q->where, side ? " OR (e.target_code GLOB ?" : "(e.source_code GLOB ?");
                if (f->since) {
                    sr_filter_date_bound("--since", f->since, 0, add_own_text(q), NULL);
                    sr_buf_puts(&q->where, " AND +e.date >= ?");
                }
                if (f->until) {
                    sr_filter_date_bound("--until", f->until, 1, add_own_text(q), NULL);
                    sr_buf_puts(&q->where, " AND +e.date <= ?");
                }
                sr_buf_putc(&q->where, ')');
            }
            sr_buf_putc(&q->where, ')');
        } else {
            strcpy(add_own_text(q), pattern);
            strcpy(add_own_text(q), pattern); /* the same pattern for the target */
            sr_buf_printf(&q->where, " AND (%se.source_code GLOB ? OR %se.target_code GLOB ?)",
                          hide_either, hide_either);
        }
    }
    if (f->source_actor) {
        if ((rc = sr_filter_glob_prefix("--source-actor", f->source_actor, 0, add_own_text(q),
                                        sizeof q->params[0].own, err)) != 0)
            return rc;
        sr_buf_printf(&q->where, " AND %se.source_code GLOB ?", hide_source);
    }
    if (f->target_actor) {
        if ((rc = sr_filter_glob_prefix("--target-actor", f->target_actor, 0, add_own_text(q),
                                        sizeof q->params[0].own, err)) != 0)
            return rc;
        sr_buf_printf(&q->where, " AND %se.target_code GLOB ?", hide_target);
    }
    if (f->code) {
        char *c = add_own_text(q);
        if ((rc = sr_filter_glob_prefix("--code", f->code, 1, c, 8, err)) != 0)
            return rc;
        size_t n = strlen(c) - 1;
        if (n == 2) { /* the root */
            c[2] = '\0';
            sr_buf_printf(&q->where, " AND %se.root = ?", hide);
        } else if (n > 2) { /* within a root: name it too, for an index on root */
            memcpy(add_own_text(q), c, 2);
            q->params[q->nparams - 1].own[2] = '\0';
            sr_buf_printf(&q->where, " AND %se.cameo GLOB ? AND %se.root = ?", hide, hide);
        } else {
            sr_buf_printf(&q->where, " AND %se.cameo GLOB ?", hide);
        }
    }
    if (f->plover && (rc = add_words(q, "--plover", f->plover,
                                     " AND e.plover_type = ? COLLATE NOCASE", err)) != 0)
        return rc;
    if (f->place) {
        double lat, lon, km;
        if ((rc = nonempty("--place", f->place, err)) != 0)
            return rc;
        rc = sr_filter_parse_point(f->place, &lat, &lon, &km, err);
        if (rc == 0)
            add_radius(q, lat, lon, km);
        else if (rc == SR_ENOTFOUND)
            add_place_name(q, f->place);
        else
            return rc;
        q->uses_places = 1;
    }
    if ((rc = add_when_outlet_text(q, f->since, f->until, f->outlet, f->text, q->date_expr,
                                   " AND e.sentence_id IN (SELECT rowid FROM sentence_fts"
                                   " WHERE sentence_fts MATCH ?)",
                                   err)) != 0)
        return rc;
    if (f->grouped) /* an event not grouped yet stands for itself */
        sr_buf_puts(&q->where, " AND (e.group_id IS NULL OR e.mention_key = e.group_id)");
    return 0;
}

/* Figures: x is the figures table. A place name may be the figure's
 * resolved place, the place its words name, or (when they name none) the
 * place its document is mostly about, the same fallback grouping uses. */
static int build_figures(sr_filter_sql *q, const sr_event_filter *f, sr_error *err)
{
    int rc;
    if (f->actor) {
        char *a = add_own_text(q);
        if ((rc = sr_filter_glob_prefix("--actor", f->actor, 0, a, sizeof q->params[0].own,
                                        err)) != 0)
            return rc;
        strcpy(add_own_text(q), a);
        sr_buf_puts(&q->where, " AND (x.whose_code GLOB ? OR x.claimant_code GLOB ?)");
    }
    if (f->place) {
        double lat, lon, km;
        if ((rc = nonempty("--place", f->place, err)) != 0)
            return rc;
        rc = sr_filter_parse_point(f->place, &lat, &lon, &km, err);
        if (rc == 0) {
            add_radius(q, lat, lon, km);
            q->uses_places = 1;
        } else if (rc == SR_ENOTFOUND) {
            for (int i = 0; i < 4; i++)
                add_text(q, f->place);
            sr_buf_puts(&q->where, " AND (p.name = ? COLLATE NOCASE OR p.text = ? COLLATE NOCASE"
                                   " OR x.place_words = ? COLLATE NOCASE"
                                   " OR (x.place_words IS NULL AND d.main_place = ? COLLATE NOCASE))");
        } else {
            return rc;
        }
    }
    return add_when_outlet_text(q, f->since, f->until, f->outlet, f->text, "x.date",
                                " AND (SELECT s.id FROM sentences s WHERE s.doc_id = x.doc_id AND"
                                " s.idx = x.sentence) IN (SELECT rowid FROM sentence_fts WHERE"
                                " sentence_fts MATCH ?)",
                                err);
}

/* Quotes: qt is the quotes table; dates are the document's. */
static int build_quotes(sr_filter_sql *q, const sr_quote_filter *f, sr_error *err)
{
    int rc;
    if (f->speaker) {
        if ((rc = nonempty("--speaker", f->speaker, err)) != 0)
            return rc;
        char code[sizeof q->params[0].own];
        if (sr_filter_glob_prefix("--speaker", f->speaker, 0, code, sizeof code, NULL) == 0) {
            strcpy(add_own_text(q), code);
            add_text(q, f->speaker);
            sr_buf_puts(&q->where, " AND (qt.speaker_code GLOB ? OR"
                                   " instr(lower(qt.speaker_text), lower(?)) > 0)");
        } else { /* not a code: a name only */
            add_text(q, f->speaker);
            sr_buf_puts(&q->where, " AND instr(lower(qt.speaker_text), lower(?)) > 0");
        }
    }
    return add_when_outlet_text(q, f->since, f->until, f->outlet, f->text, "d.published",
                                " AND EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = qt.doc_id"
                                " AND s.end > qt.start AND s.start < qt.end AND s.id IN"
                                " (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?))",
                                err);
}

static void start_sql(sr_filter_sql *q)
{
    memset(q, 0, sizeof *q);
    q->date_expr = "e.date";
    sr_buf_init(&q->where);
    sr_buf_puts(&q->where, ""); /* a C string even when no condition is added */
}

static int finish_sql(sr_filter_sql *q, int rc)
{
    if (rc != 0)
        sr_filter_sql_free(q);
    return rc;
}

int sr_filter_sql_build_plan(sr_filter_sql *q, const sr_event_filter *f, int plan,
                             sr_error *err)
{
    start_sql(q);
    int rc = check_dates(f->since, f->until, err);
    return finish_sql(q, rc ? rc : build_events(q, f, plan, err));
}

int sr_filter_sql_build(sr_filter_sql *q, const sr_event_filter *f, sr_error *err)
{
    return sr_filter_sql_build_plan(q, f, SR_PLAN_AUTO, err);
}

int sr_filter_sql_build_figures(sr_filter_sql *q, const sr_event_filter *f, sr_error *err)
{
    start_sql(q);
    int rc = check_dates(f->since, f->until, err);
    return finish_sql(q, rc ? rc : build_figures(q, f, err));
}

int sr_filter_sql_build_quotes(sr_filter_sql *q, const sr_quote_filter *f, sr_error *err)
{
    start_sql(q);
    int rc = check_dates(f->since, f->until, err);
    return finish_sql(q, rc ? rc : build_quotes(q, f, err));
}

int sr_filter_sql_bind(const sr_filter_sql *q, sqlite3_stmt *st, int first, sr_error *err)
{
    int idx = first;
    for (int i = 0; i < q->nparams; i++, idx++) {
        const sr_sql_param *p = &q->params[i];
        int rc = p->type == SR_PARAM_TEXT ? sqlite3_bind_text(st, idx, p->text ? p->text : p->own, -1,
                                                              SQLITE_TRANSIENT)
                                          : sqlite3_bind_double(st, idx, p->real);
        if (rc != SQLITE_OK)
            return sr_error_set(err, SR_EIO, "store: binding a filter value: %s",
                                sqlite3_errstr(rc));
    }
    return idx;
}

void sr_filter_sql_free(sr_filter_sql *q)
{
    sr_buf_free(&q->where);
    q->nparams = 0;
}
