# jembrief - plain GNU Makefile.
#
#   make          build ./jembrief
#   make run      build, then write the London batch from sample-data/ into out/
#                 (RUN_FLAGS="--pptx --svg" adds PowerPoint and SVG)
#   make test     build and run every test
#   make check    the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make golden   rewrite tests/golden/ (the findings and display dumps make test
#                 compares) from this build, for a change meant to alter them
#   make bench    the speed targets: sample batch, --png, Met scale against
#                 libcsv and cat floors (see tests/bench.sh)
#   make generate-street   build/generate-street, synthetic Met street data
#   make install   PREFIX=/usr/local DESTDIR= : the binary, templates, sample
#                  data, man page and licence; make uninstall removes them
#   make fuzz     build the libFuzzer targets with clang and run each for
#                 FUZZ_SECONDS (tests/fuzz/README)
#
# Debian packages are checked first; when some are missing, .ci/install-deps
# installs them (as root) or prints the apt-get line to run. The pkg-config
# flags are computed only after that step, into $(BUILD)/config.mk, which
# GNU make builds and then restarts on: the first build on a fresh machine
# works, and a failing pkg-config stops the build with its own message.

# pkg-config packages, one per line (libhpdf and libcsv have no .pc file:
# they are linked directly below).
PKGS := \
	gsl \
	cairo \
	freetype2 \
	proj \
	json-c \
	libconfig \
	zlib \
	libzip \
	geos \
	shapelib \
	fontconfig \
	nettle \
	harfbuzz-subset \
	libpng \
	libdeflate \
	libjpeg \
	libqpdf \
	libxml-2.0
TEST_PKGS := cmocka

CC         ?= cc
# The one C++ file (render/display/protect_random.cc: qpdf's random source is
# a C++ class) is compiled by the C compiler's C++ sibling.
ifeq ($(origin CXX),default)
CXX        := $(if $(findstring clang,$(CC)),clang++,g++)
endif
CFLAGS     ?= -O2 -g
BUILD      ?= build
OUT        ?= out
DATA       ?= sample-data
RUN_FLAGS  ?=
PKG_CONFIG ?= pkg-config

# Where make install puts things (GNU conventions). DATADIR is compiled in
# (util/paths.c, through $(BUILD)/jembrief-paths.h) as the last place templates and
# the sample data are looked for.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/jembrief
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/jembrief
DESTDIR    ?=
INSTALL    ?= install
HELP2MAN   ?= help2man

# Written by the rule below, after the dependency check; empty until then.
-include $(BUILD)/config.mk

ALL_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
	      -D_DEFAULT_SOURCE -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
# C++ without the sanitizer checks that need the C++ runtime of the
# sanitizers (vptr), since the program is linked as C.
# Last, so that a -fsanitize=undefined in CFLAGS (make check, make fuzz)
# does not turn vptr back on.
ALL_CXXFLAGS := -std=c++17 -Wall -Wextra -Werror -I$(BUILD) $(PKG_CFLAGS) \
		$(filter-out -std=%,$(CFLAGS)) -fno-sanitize=vptr
# Threads read the street-level files (ingest/dataset.c); libstdc++ for
# protect_random.cc.
LIBS = $(PKG_LIBS) -lhpdf -lcsv -lm -lstdc++ -pthread

# The stages, below the driver; then the template loader, which sits with
# the driver above them (template_load.h).
LIB_SRC  := $(sort $(shell find util ingest analysis render -name "*.c")) \
	template_load.c template_text.c
LIB_CXX  := $(sort $(shell find render -name "*.cc"))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_CXX:%.cc=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_SUPPORT := $(BUILD)/tests/support.o

.PHONY: all run test test-build test-fresh check golden bench deps clean generate-street install uninstall \
	fuzz fuzz-build FORCE

all: jembrief $(BUILD)/jembrief.1

deps: $(BUILD)/.deps-ok

$(BUILD)/.deps-ok: .ci/install-deps
	@sh .ci/install-deps --check-or-install
	@mkdir -p $(BUILD) && touch $@

# The compile and link flags, asked of pkg-config once the packages are
# there. A package pkg-config cannot find stops the build here, with
# pkg-config's own message.
$(BUILD)/config.mk: $(BUILD)/.deps-ok Makefile
	@echo "  GEN     $@"
	$(Q)fail() { echo "jembrief: '$(PKG_CONFIG) $$*' failed: the packages are not all installed (.ci/install-deps)" >&2; exit 1; }; \
	  cflags=$$($(PKG_CONFIG) --cflags $(PKGS)) || fail --cflags $(PKGS); \
	  libs=$$($(PKG_CONFIG) --libs $(PKGS)) || fail --libs $(PKGS); \
	  tcflags=$$($(PKG_CONFIG) --cflags $(TEST_PKGS)) || fail --cflags $(TEST_PKGS); \
	  tlibs=$$($(PKG_CONFIG) --libs $(TEST_PKGS)) || fail --libs $(TEST_PKGS); \
	  zlibs=$$($(PKG_CONFIG) --libs zlib) || fail --libs zlib; \
	  printf 'PKG_CFLAGS := %s\nPKG_LIBS := %s\nTEST_CFLAGS := %s\nTEST_LIBS := %s\nZLIB_LIBS := %s\n' \
	    "$$cflags" "$$libs" "$$tcflags" "$$tlibs" "$$zlibs" > $@.tmp
	$(Q)mv $@.tmp $@

jembrief: $(BUILD)/jembrief
	cp $< $@

# V=1 shows the full command lines.
Q := $(if $(V),,@)

$(BUILD)/jembrief: $(BUILD)/jembrief.o $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# The compiled-in install paths: rewritten only when they change, so a
# different PREFIX rebuilds what uses them and nothing else.
$(BUILD)/jembrief-paths.h: FORCE
	@mkdir -p $(BUILD)
	$(Q)printf '#define JB_DATADIR "%s"\n' '$(DATADIR)' > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
FORCE:
$(BUILD)/util/paths.o: $(BUILD)/jembrief-paths.h

# The man page, from --help and --version (help2man) with the sections
# --help cannot hold (jembrief.h2m); tests/test_cli.sh checks it.
$(BUILD)/jembrief.1: $(BUILD)/jembrief jembrief.h2m
	@echo "  MAN     $@"
	$(Q)$(HELP2MAN) --no-info --no-discard-stderr --section=1 --include=jembrief.h2m \
		--name="slide-style PDF briefing packs from London's crime and deprivation data" \
		--output=$@.tmp ./$(BUILD)/jembrief && mv $@.tmp $@

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.cc $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	$(Q)$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(TEST_SUPPORT) $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(TEST_LIBS)

# Synthetic data.police.uk street files at Met scale (sample-data/generate-street.c).
GENERATE := $(BUILD)/generate-street
generate-street: $(GENERATE)
$(GENERATE): $(BUILD)/sample-data/generate-street.o $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# make bench's floor (libcsv parse only) and its timer: tests/bench.sh.
$(BUILD)/bench-parse: $(BUILD)/tests/bench-parse.o
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcsv $(ZLIB_LIBS)
$(BUILD)/bench-run: $(BUILD)/tests/bench-run.o
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^

# Keep the test objects between runs.
.SECONDARY:

run: jembrief
	./jembrief --data $(DATA) --out $(OUT) $(RUN_FLAGS)

# Everything make test builds, without running it (tests/test_fresh.sh).
test-build: $(BUILD)/jembrief $(BUILD)/jembrief.1 $(GENERATE) $(TEST_BIN)

test: test-build
	@sh tests/run-tests.sh $(BUILD)

# The golden dumps make test compares (tests/golden/README), rewritten.
golden: $(BUILD)/jembrief
	@JEMBRIEF=$(CURDIR)/$(BUILD)/jembrief python3 tests/test_golden.py --update

# The README's two commands on a simulated fresh machine (tests/fresh-machine.sh).
test-fresh:
	@sh tests/fresh-machine.sh

check:
	$(MAKE) BUILD=build-san \
		CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" test

bench: jembrief $(GENERATE) $(BUILD)/bench-parse $(BUILD)/bench-run
	@sh tests/bench.sh $(BUILD)

install: $(BUILD)/jembrief $(BUILD)/jembrief.1
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 755 $(BUILD)/jembrief $(DESTDIR)$(BINDIR)/jembrief
	$(INSTALL) -m 644 templates/*.conf $(DESTDIR)$(DATADIR)/templates/
	@# sample-data/ as it is, minus the generator's source
	(cd sample-data && find . -type f ! -name '*.c' -print) | while read -r f; do \
		$(INSTALL) -D -m 644 "sample-data/$$f" "$(DESTDIR)$(DATADIR)/sample-data/$$f" || exit 1; \
	done
	$(INSTALL) -m 644 $(BUILD)/jembrief.1 $(DESTDIR)$(MANDIR)/man1/jembrief.1
	$(INSTALL) -m 644 LICENSE README.md $(DESTDIR)$(DOCDIR)/

# Only the files install put there, then the folders left empty: a DATADIR
# or DOCDIR shared with other files keeps them.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jembrief $(DESTDIR)$(MANDIR)/man1/jembrief.1 \
		$(addprefix $(DESTDIR)$(DATADIR)/,$(wildcard templates/*.conf)) \
		$(DESTDIR)$(DOCDIR)/LICENSE $(DESTDIR)$(DOCDIR)/README.md
	(cd sample-data && find . -type f ! -name '*.c' -print) | while read -r f; do \
		rm -f "$(DESTDIR)$(DATADIR)/sample-data/$$f"; \
	done
	-find $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR) -depth -type d -empty -delete 2>/dev/null

# ---- fuzzing (tests/fuzz/README) ----
# Every target of tests/fuzz/targets, built with clang's libFuzzer and
# both sanitizers into $(FUZZ_BUILD), then run for FUZZ_SECONDS each,
# FUZZ_JOBS targets at a time (each target is one process on one core).
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_BUILD   ?= build-fuzz
FUZZ_TARGETS := $(shell awk '!/^\#/ && NF { print $$1 }' tests/fuzz/targets)
FUZZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all

fuzz:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
		LDFLAGS="-fsanitize=address,undefined" fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_JOBS)

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%)

# A target's harness and file come from its line in tests/fuzz/targets.
$(BUILD)/fuzz/%: tests/fuzz/targets $(wildcard tests/fuzz/*.c tests/fuzz/*.h) $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)set -- $$(awk -v t=$* '$$1 == t { print $$2, $$3 }' tests/fuzz/targets); \
	  $(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -DFUZZ_PATH="\"$$2\"" -DFUZZ_ROOT="\"$(CURDIR)\"" \
	    -o $@ tests/fuzz/fuzz_$$1.c tests/fuzz/fuzz_support.c $(LIB_OBJ) $(LIBS)

clean:
	rm -rf build build-san build-fuzz jembrief $(OUT)

-include $(LIB_OBJ:.o=.d) $(BUILD)/jembrief.d $(BUILD)/sample-data/generate-street.d $(BUILD)/tests/bench-parse.d $(BUILD)/tests/bench-run.d $(TEST_BIN:=.d) $(TEST_SUPPORT:.o=.d)
