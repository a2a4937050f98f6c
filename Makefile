# SenseQuant: `make demo` runs the whole pipeline offline; `make test` runs every test.
# One debug build serves the tests, the end-to-end tests and the demo; `make bench` builds release.

SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: setup build test demo bench bench-memory bench-distributed fuzz clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

# Tests run one at a time: several (end-to-end batches, in-process sandboxes) each keep both
# cores busy, and in parallel their timing-sensitive assertions starve each other. ~3 minutes.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

# Only the fuzz tests (the Breeze answer decoder and the CSV reader), at length: `make test` runs them briefly.
FUZZ_ITERATIONS ?= 300000
fuzz: setup
	$(SWIFT) build --build-tests
	SENSEQUANT_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) $(SWIFT) test --skip-build --filter FuzzTests

demo: build
	$(BIN_DIR)/sensequant demo

# Release build in its own scratch path, so it never waits on (or invalidates) the debug build.
bench: setup
	$(SWIFT) build -c release --scratch-path .build-release
	.build-release/release/sensequant bench --output docs/benchmarks.md

# Peak memory of a NIFTY 100 batch over one year of 1-minute bars (~2-3 minutes; not in `make bench`).
# Writes docs/benchmarks-memory.md.
bench-memory: setup
	$(SWIFT) build -c release --scratch-path .build-release
	scripts/bench-memory.sh

# Workers on a shared PostgreSQL ledger: the seed scenario by 1, 2 and 4 worker processes against
# a throwaway local server, beside one process on SQLite, and the ledger's cost per window.
# Writes docs/benchmarks-distributed.md (docs/distributed.md explains the setup). ~2 minutes.
bench-distributed: setup
	$(SWIFT) build -c release --scratch-path .build-release
	scripts/bench-distributed.sh .build-release/release/sensequant docs/benchmarks-distributed.md

clean:
	rm -rf .build .build-release data/demo
