#!/bin/sh
# Install everything sitrep needs to build, test and benchmark, on Debian 12
# (run as root, or with sudo available). Packages already installed are left
# alone, so a second run only checks and prints one line.
#
# The lists below are the one place dependencies are named.
set -eu

# Debian packages: compilers and sanitizer runtimes, the libraries sitrep
# links, and the tools the tests and benchmarks run.
APT_PACKAGES="
    build-essential make gcc clang libclang-rt-14-dev pkg-config
    libutf8proc-dev libjansson-dev libgumbo-dev libsqlite3-dev
    valgrind python3 hyperfine
"
# npm packages for data, installed under build/deps/npm (none yet).
NPM_PACKAGES=""

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
for p in $NPM_PACKAGES; do
    [ -d "build/deps/npm/node_modules/$p" ] || npm_missing="$npm_missing $p"
done
if [ -n "$npm_missing" ] && ! command -v npm >/dev/null 2>&1; then
    missing="$missing npm"
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
    mkdir -p build/deps/npm
    # shellcheck disable=SC2086
    npm install --silent --no-audit --no-fund --prefix build/deps/npm $npm_missing >/dev/null
fi
echo "install-deps: installed$missing$npm_missing"
