#!/bin/sh
# Build every tests/fuzz/fuzz_*.c as a libFuzzer binary in build/fuzz/,
# against a copy of the library instrumented for coverage, ASan and UBSan.
# For long runs, not part of `make test` (which replays the corpora), e.g.:
#   sh tests/fuzz/build_libfuzzer.sh
#   build/fuzz/fuzz_read -max_total_time=600 build/fuzz/corpus-read tests/fuzz/corpus/read
# New crashers, once fixed, go into tests/fuzz/corpus/<name>/ as regression
# inputs.
set -eu
cd "$(dirname "$0")/../.."
CC=${CC:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
LIBDIR=build/fuzz/lib

# the library, through the Makefile so generated sources come along
make -s CC="$CC" BUILD="$LIBDIR" \
    OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $SAN" \
    LDSAN="$SAN" "$LIBDIR/libsitrep.a"

built=""
for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    "$CC" -std=c17 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer $SAN \
        -D_GNU_SOURCE -DSR_DATADIR="\"$PWD/data\"" -DSR_GAZETTEER="\"$PWD/build/gazetteer.bin\"" \
        -Iinclude -Isrc -I"$LIBDIR/gen" \
        -o "build/fuzz/$name" "$src" "$LIBDIR/libsitrep.a" \
        -lutf8proc -ljansson -lgumbo -lsqlite3 -lm -pthread
    built="$built build/fuzz/$name"
done
echo "built:$built"
