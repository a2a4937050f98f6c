# SenseQuant: `make demo` runs the whole pipeline offline; `make test` runs every test.
# One debug build serves the tests, the end-to-end tests and the demo; `make bench` builds release.

SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

.PHONY: setup build test demo bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: build
	$(BIN_DIR)/sensequant demo

bench: setup
	$(SWIFT) build -c release
	$(SWIFT) build -c release --show-bin-path >/dev/null
	$$($(SWIFT) build -c release --show-bin-path)/sensequant bench --output docs/benchmarks.md

clean:
	rm -rf .build data/demo
