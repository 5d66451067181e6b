# Folio — common tasks. `make site` and `make test` work on a fresh Debian machine (as root or with sudo).
SHELL        := /bin/bash
SWIFT        ?= swift
RELEASE_BIN  := .build/release/folio
DEBUG_BIN    := .build/debug/folio

.PHONY: site test deps test-deps release debug import build bundle check linkcheck bench bench-entities serve clean fuzz

## site: install what is missing, build Folio in release mode, import the corpus, build the site and bundles.
site: deps release
	$(RELEASE_BIN) import
	$(RELEASE_BIN) build
	@if $(RELEASE_BIN) bundle --help >/dev/null 2>&1; then $(RELEASE_BIN) bundle; fi
	@echo "Site ready: $(CURDIR)/Site/index.html"

## test: install what is missing, run the whole test suite, check the committed articles and links.
test: test-deps debug
	# The in-process preview server's tests run apart: the command-line tests wait for child
	# processes on the shared concurrency threads, and a server queued behind them misses its
	# clients' time limits.
	$(SWIFT) test --parallel --skip FolioServeTests 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}
	$(SWIFT) test --parallel --filter FolioServeTests 2>&1 | tee -a .build/test-output.txt; exit $${PIPESTATUS[0]}
	$(DEBUG_BIN) import --check
	$(DEBUG_BIN) build --output .build/test-site
	$(DEBUG_BIN) bundle --output .build/test-site/downloads
	scripts/linkcheck.sh .build/test-site
	$(MAKE) --no-print-directory man
	grep -q '^\.Nm folio' .build/man/folio.1 && grep -q 'completions' .build/man/folio.1
	FUZZ_SEED=1 FUZZ_RUNS=4000 scripts/fuzz.sh

## man: the manual page folio.1, generated from the command-line definitions (swift-argument-parser's generate-manual).
man: debug
	$(SWIFT) build --product generate-manual
	mkdir -p .build/man
	.build/debug/generate-manual $(DEBUG_BIN) --output-directory .build/man
	@echo "Manual page: .build/man/folio.1 (read it with: man -l .build/man/folio.1)"

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

# The release binary links the Swift runtime and Foundation statically: each command starts in
# a few milliseconds instead of resolving 50 shared libraries, and calls into the runtime are
# direct (about a twentieth off a build). Static FoundationNetworking links libcurl by name, hence
# libcurl4-openssl-dev among the build dependencies.
release:
	$(SWIFT) build -c release --product folio --static-swift-stdlib

debug:
	$(SWIFT) build --build-tests

import: release
	$(RELEASE_BIN) import

build: release
	$(RELEASE_BIN) build

bundle: release
	$(RELEASE_BIN) bundle

check: release
	$(RELEASE_BIN) check

serve: release
	$(RELEASE_BIN) serve

## linkcheck: check every link of the built Site/ with Debian's linkchecker (no network).
linkcheck:
	scripts/linkcheck.sh Site

## bench: median wall time of import + build + check on the whole corpus, and folio build against Hugo (release build).
bench: release
	scripts/bench.sh

## fuzz: libFuzzer on the front matter parser and the Markdown renderer + sanitiser, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 600
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

## bench-entities: precision and recall of entity extraction on the held-out passages, beside spaCy.
bench-entities: release
	scripts/bench-entities.sh

clean:
	rm -rf .build .build-fuzz Site
