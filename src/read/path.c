/*
 * Paths: a file, a directory walked in name order, or "-" for standard
 * input. Files are read whole, except JSON lines, which are streamed so a
 * crawl of any size needs memory for one line only.
 */
#include "read/read_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sitrep/sitrep.h"

/* Deeper than any real corpus; stops symbolic-link cycles. */
#define WALK_MAX_DEPTH 64

/* The format a file name says, or AUTO for names the walk skips. */
static sr_doc_format format_of_name(const char *path, int *streamed, int *json_whole)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    *streamed = *json_whole = 0;
    if (!dot)
        return SR_FORMAT_AUTO;
    dot++;
    if (strcasecmp(dot, "txt") == 0)
        return SR_FORMAT_TXT;
    if (strcasecmp(dot, "html") == 0 || strcasecmp(dot, "htm") == 0)
        return SR_FORMAT_HTML;
    if (strcasecmp(dot, "jsonl") == 0 || strcasecmp(dot, "ndjson") == 0) {
        *streamed = 1;
        return SR_FORMAT_JSONL;
    }
    if (strcasecmp(dot, "json") == 0) {
        *json_whole = 1;
        return SR_FORMAT_JSONL;
    }
    return SR_FORMAT_AUTO;
}

static const char *errstr(int err, char *buf, size_t size)
{
    return strerror_r(err, buf, size);
}

/* Read all of fd into r->raw. Returns 0 or an errno value. */
static int slurp(sr_reader *r, int fd)
{
    struct stat st;
    size_t want = 1 << 16;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        want = (size_t)st.st_size + 1; /* room for all, and for the read that sees EOF */
    sr_buf_reset(&r->raw);
    for (;;) {
        size_t room = r->raw.cap > r->raw.len + 1 ? r->raw.cap - r->raw.len - 1 : 0;
        if (room == 0) {
            sr_buf_grow(&r->raw, want);
            want = r->raw.len > want ? r->raw.len : want; /* it grew after all: double */
            continue;
        }
        ssize_t n = read(fd, r->raw.data + r->raw.len, room);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            break;
        r->raw.len += (size_t)n;
    }
    r->raw.data[r->raw.len] = '\0';
    return 0;
}

/* Read one file. Returns what the format reader returned, or
 * SR_READ_UNOPENED when the file could not be read (already reported). */
static int read_file(sr_reader *r, const char *path, sr_doc_format fmt)
{
    char eb[128];
    int streamed, json_whole;
    sr_doc_format by_name = format_of_name(path, &streamed, &json_whole);
    if (fmt == SR_FORMAT_AUTO)
        fmt = by_name;
    else
        streamed = fmt == SR_FORMAT_JSONL && streamed;

    if (streamed) {
        FILE *f = fopen(path, "r");
        if (!f) {
            sr_reader_fail(r, path, 0, "cannot open: %s", errstr(errno, eb, sizeof eb));
            return SR_READ_UNOPENED;
        }
        int rc = sr_read_jsonl_stream(r, path, f);
        fclose(f);
        return rc;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sr_reader_fail(r, path, 0, "cannot open: %s", errstr(errno, eb, sizeof eb));
        return SR_READ_UNOPENED;
    }
    int err = slurp(r, fd);
    close(fd);
    if (err) {
        sr_reader_fail(r, path, 0, "cannot read: %s", errstr(err, eb, sizeof eb));
        return SR_READ_UNOPENED;
    }
    return sr_read_dispatch(r, path, r->raw.data ? r->raw.data : "", r->raw.len, fmt, json_whole);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(sr_reader *r, const char *dir, sr_doc_format fmt, int depth)
{
    char eb[128];
    if (depth > WALK_MAX_DEPTH) {
        sr_reader_fail(r, dir, 0, "directories nested too deep (a symbolic-link loop?)");
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        sr_reader_fail(r, dir, 0, "cannot open directory: %s", errstr(errno, eb, sizeof eb));
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* hidden files, . and .. */
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn)
                abort();
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (!names[n])
            abort();
        n++;
    }
    closedir(d);
    if (n > 1) /* qsort wants a real array even for nothing to sort */
        qsort(names, n, sizeof *names, by_name);

    int rc = 0;
    sr_buf child = SR_BUF_INIT;
    for (size_t i = 0; i < n && rc >= 0; i++) {
        sr_buf_reset(&child);
        sr_buf_puts(&child, dir);
        if (child.len && child.data[child.len - 1] != '/')
            sr_buf_putc(&child, '/');
        sr_buf_puts(&child, names[i]);
        struct stat st;
        if (stat(child.data, &st) != 0) {
            sr_reader_fail(r, child.data, 0, "cannot open: %s", errstr(errno, eb, sizeof eb));
            continue;
        }
        int streamed, json_whole;
        if (S_ISDIR(st.st_mode))
            rc = walk(r, child.data, fmt, depth + 1);
        else if (S_ISREG(st.st_mode) &&
                 format_of_name(child.data, &streamed, &json_whole) != SR_FORMAT_AUTO)
            rc = read_file(r, child.data, fmt);
        if (rc > 0)
            rc = 0; /* reported; go on with the next file */
    }
    sr_buf_free(&child);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

static int read_stdin(sr_reader *r, sr_doc_format fmt)
{
    char eb[128];
    if (fmt == SR_FORMAT_AUTO || fmt == SR_FORMAT_JSONL)
        return sr_read_jsonl_stream(r, "-", stdin);
    int err = slurp(r, STDIN_FILENO);
    if (err) {
        sr_reader_fail(r, "-", 0, "cannot read: %s", errstr(err, eb, sizeof eb));
        return SR_READ_UNOPENED;
    }
    return sr_read_dispatch(r, "-", r->raw.data ? r->raw.data : "", r->raw.len, fmt, 0);
}

int sr_read_path(sr_reader *r, const char *path, sr_doc_format fmt,
                 sr_doc_fn on_doc, sr_doc_error_fn on_error, void *ctx)
{
    char eb[128];
    int rc;
    sr_reader_begin(r, on_doc, on_error, ctx);
    if (strcmp(path, "-") == 0) {
        rc = read_stdin(r, fmt);
    } else {
        struct stat st;
        if (stat(path, &st) != 0) {
            sr_reader_fail(r, path, 0, "cannot open: %s", errstr(errno, eb, sizeof eb));
            return SR_EIO;
        }
        rc = S_ISDIR(st.st_mode) ? walk(r, path, fmt, 0) : read_file(r, path, fmt);
    }
    if (rc < 0)
        return rc;
    if (rc == SR_READ_UNOPENED)
        return SR_EIO;
    return r->bad ? 1 : 0;
}
