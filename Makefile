# SeqGAN-Swift. `make demo` and `make test` work on a fresh Debian 12 machine with Swift 6.3.
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev libsndfile1-dev libasound2-dev pkg-config abcmidi
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# BLAS threads are pinned so that runs are reproducible and do not fight our own threads.
export OPENBLAS_NUM_THREADS ?= 1
SEQGAN := .build/release/seqgan
DEMO_OUT ?= demo-out

.PHONY: deps build demo test bench clean

## deps: install the Debian packages the build needs, when any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## build: release build of the `seqgan` tool and the benchmarks.
build: deps
	$(SWIFT) build -c release

## demo: train a small model on the bundled default, generate, export.
demo: build
	./scripts/demo.sh $(SEQGAN) $(DEMO_OUT)

## test: the whole test suite (release build; tests that need ../shared skip without it).
test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing

## bench: throughput benchmarks (peers: Benchmarks/peers/README.md).
bench: build
	.build/release/seqgan-bench

clean:
	rm -rf .build $(DEMO_OUT)
