# Parc: two commands for a newcomer: `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/parcproject/parc/pkg/version.Version=$(VERSION)
AGENT_TARGETS := windows/amd64 windows/arm64 linux/amd64 linux/arm64 darwin/arm64 darwin/amd64

.PHONY: all build agent collector run demo test test-packages deps vet unit cross bench fuzz dist clean

all: build

build: agent collector

agent:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/parc-agent ./agent

collector:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/parc-collector ./collector

## run: build, start the collector on SQLite in ./data, inventory this machine into it.
run: build
	scripts/run.sh

## demo: fill a fresh ./data-demo with a fictional town hall's park (PARC_DEMO_DATA, PARC_DEMO_PCS).
demo: build
	scripts/demo.sh

## test: install what the tests need, vet, test, cross-build the agent.
test: deps vet unit cross

deps:
	scripts/test-deps.sh

vet:
	$(GO) vet ./...
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) vet ./agent/... ./pkg/...
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) vet ./agent/... ./pkg/...
	$(GO) -C tools/pack vet ./...

unit:
	$(GO) test -count=1 -timeout 12m ./...
	$(GO) -C tools/pack test -count=1 ./...

## test-packages: the full packaging tests (builds a cached Debian root the first time, ~4 min).
test-packages: deps
	PARC_TEST_PACKAGES=1 $(GO) test -count=1 -v ./test/installers/
	$(GO) -C tools/pack test -count=1 ./...

cross:
	@set -e; for t in $(AGENT_TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "cross-build parc-agent $$os/$$arch"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
			-o bin/cross/parc-agent-$$os-$$arch$$ext ./agent; \
	done

## bench: Go benchmarks and parc-agent against fusioninventory-agent.
bench: build
	scripts/bench.sh

## fuzz: run every fuzz target for FUZZTIME (default 20s) each.
FUZZTIME ?= 20s
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

## dist: .deb/.rpm (agent, collector; amd64, arm64), the agent MSI, archives, SBOMs, SHA256SUMS.
dist: cross
	scripts/dist.sh $(VERSION)

clean:
	rm -rf bin dist
