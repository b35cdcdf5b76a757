#!/bin/sh
# gen_cameo_table.sh CODES.tsv CAMEO2PLOVER.txt > cameo_table.c
#
# Writes the definition of sr_cameo_table (declared in src/cameo/cameo_table.h)
# from two human-edited files:
#
#   CODES.tsv          code <TAB> goldstein <TAB> description; '#' lines are
#                      comments (data/cameo/cameo_codes.tsv)
#   CAMEO2PLOVER.txt   "CODE: TYPE, MODE, CONTEXT # note" lines, or
#                      "CODE: TYPE" for roots; MODE may be empty; CONTEXT is
#                      not kept (data/cameo/CAMEO2PLOVER-2021.txt)
#
# Only POSIX sh and awk are needed, so a build needs no other interpreter.
#
# PLOVER rules, chosen to fit the 2021 table as published:
#   - a code listed twice keeps its first line ("08: CONCEDE" comes before
#     "08: RETREAT"; 175 appears twice with the same values);
#   - a code missing from the PLOVER table takes the type (not the mode) of
#     its nearest listed parent, 4 digits -> 3 -> 2; if none is listed (roots
#     01 and 02 are absent) type and mode stay NULL;
#   - PLOVER codes that are not in CODES.tsv are ignored.
#
# Any malformed line, duplicate code, code whose root is missing, or missing
# root 01-20 stops the script with "FILE:LINE: message" and exit status 1,
# before anything is written.
set -eu

if [ "$#" -ne 2 ]; then
    echo "usage: $0 cameo_codes.tsv CAMEO2PLOVER.txt > cameo_table.c" >&2
    exit 2
fi
for f in "$1" "$2"; do
    if [ ! -r "$f" ]; then
        echo "$0: cannot read $f" >&2
        exit 1
    fi
done

LC_ALL=C
export LC_ALL

exec awk -v tsv="$1" -v plover="$2" '
function fail(file, lineno, msg) {
    printf "%s:%d: %s\n", file, lineno, msg > "/dev/stderr"
    exit 1
}

function trim(s) {
    sub(/^[ \t\r]+/, "", s)
    sub(/[ \t\r]+$/, "", s)
    return s
}

function c_string(s,    out, i, ch) {
    out = ""
    for (i = 1; i <= length(s); i++) {
        ch = substr(s, i, 1)
        if (ch == "\\" || ch == "\"")
            out = out "\\" ch
        else if (ch == "?")  # never let "??" form a trigraph
            out = out "\\?"
        else
            out = out ch
    }
    return "\"" out "\""
}

function read_plover(    line, lineno, rc, colon, code, nf, f, type, mode) {
    lineno = 0
    while ((rc = (getline line < plover)) > 0) {
        lineno++
        sub(/#.*/, "", line)
        line = trim(line)
        if (line == "" || line ~ /^~+$/)
            continue
        colon = index(line, ":")
        code = substr(line, 1, colon - 1)
        if (colon == 0 || code !~ /^[0-9][0-9][0-9]?[0-9]?$/)
            fail(plover, lineno, "expected \"CODE: TYPE, MODE, CONTEXT\"")
        nf = split(substr(line, colon + 1), f, ",")
        type = trim(f[1])
        mode = nf >= 2 ? trim(f[2]) : ""
        if (type !~ /^[A-Z][A-Z_]*$/)
            fail(plover, lineno, "bad PLOVER type \"" type "\"")
        if (mode != "" && mode !~ /^[a-z][a-z_-]*$/)
            fail(plover, lineno, "bad PLOVER mode \"" mode "\"")
        if (code in ptype)
            continue
        ptype[code] = type
        pmode[code] = mode
    }
    if (rc < 0)
        fail(plover, 0, "cannot read")
}

function read_codes(    line, lineno, rc, nf, f, code, g, root) {
    lineno = 0
    while ((rc = (getline line < tsv)) > 0) {
        lineno++
        sub(/\r$/, "", line)
        if (line ~ /^#/ || line ~ /^[ \t]*$/)
            continue
        nf = split(line, f, "\t")
        if (nf != 3)
            fail(tsv, lineno, "expected code<TAB>goldstein<TAB>description")
        code = f[1]
        g = f[2]
        if (code !~ /^[0-9][0-9][0-9]?[0-9]?$/)
            fail(tsv, lineno, "code \"" code "\" is not 2-4 digits")
        root = substr(code, 1, 2) + 0
        if (root < 1 || root > 20)
            fail(tsv, lineno, "root of " code " is not 01-20")
        if (g !~ /^-?[0-9]+(\.[0-9]+)?$/ || g + 0 < -10 || g + 0 > 10)
            fail(tsv, lineno, "Goldstein score \"" g "\" is not a number in -10..10")
        if (f[3] == "" || f[3] ~ /[\001-\037\177]/)
            fail(tsv, lineno, "empty description or control character in it")
        if (code in gold)
            fail(tsv, lineno, "duplicate code " code)
        gold[code] = g
        desc[code] = f[3]
        where[code] = lineno
        codes[++ncodes] = code
    }
    if (rc < 0)
        fail(tsv, 0, "cannot read")
}

function check_roots(    i, r) {
    for (i = 1; i <= ncodes; i++)
        if (!(substr(codes[i], 1, 2) in gold))
            fail(tsv, where[codes[i]], "root of " codes[i] " has no line of its own")
    for (i = 1; i <= 20; i++) {
        r = sprintf("%02d", i)
        if (!(r in gold))
            fail(tsv, 0, "root " r " is missing")
    }
}

# Insertion sort; the concatenation with "" forces string comparison, since
# "010" and "10" would otherwise compare as numbers.
function sort_codes(    i, j, c) {
    for (i = 2; i <= ncodes; i++) {
        c = codes[i]
        for (j = i - 1; j >= 1 && (codes[j] "") > (c ""); j--)
            codes[j + 1] = codes[j]
        codes[j + 1] = c
    }
}

function emit(    i, c, p, type, mode) {
    print "/* Generated by scripts/gen_cameo_table.sh from " tsv
    print " * and " plover ". Do not edit: edit those and rebuild. */"
    print "#include \"cameo/cameo_table.h\""
    print ""
    print "const sr_cameo_info sr_cameo_table[] = {"
    for (i = 1; i <= ncodes; i++) {
        c = codes[i]
        type = "NULL"
        mode = "NULL"
        if (c in ptype) {
            type = c_string(ptype[c])
            if (pmode[c] != "")
                mode = c_string(pmode[c])
        } else {
            for (p = length(c) - 1; p >= 2; p--)
                if (substr(c, 1, p) in ptype) {
                    type = c_string(ptype[substr(c, 1, p)])
                    break
                }
        }
        printf "    {\"%s\", %s, SR_CAMEO_QUAD_OF_ROOT(%d), %s, %s, %s},\n",
               c, c_string(desc[c]), substr(c, 1, 2) + 0, gold[c], type, mode
    }
    print "};"
    print ""
    print "const size_t sr_cameo_table_len = sizeof sr_cameo_table / sizeof sr_cameo_table[0];"
}

BEGIN {
    ncodes = 0
    read_plover()
    read_codes()
    check_roots()
    sort_codes()
    emit()
    exit 0
}
'
