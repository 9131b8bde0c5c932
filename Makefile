# The ketamine treatment explorer. `make run` and `make test` are all a new user needs.
SWIFT   ?= swift
BUILD   := .build/release
BIN     := $(BUILD)/ketamine-explorer
CONTENT := Assets/content/en
PREFIX  ?= /usr/local
# Static Swift runtime: faster start-up and less memory than dynamic linking. lld (shipped with
# Swift) packs the binary's ~76,000 relative relocations (DT_RELR, glibc 2.36+, Debian 12):
# about 2 MiB less memory at start-up. See `make bench`.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs

.PHONY: all deps build run test lint bench install uninstall clean

all: build

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product ketamine-explorer

run: build
	$(BIN)

lint: build
	$(BIN) lint $(CONTENT)

# Every test: content, update, screen goldens, and the real binary in tmux.
test: deps
	@scripts/ensure-deps.sh test
	$(SWIFT) build $(RELEASE_FLAGS) --product ketamine-explorer
	$(BIN) lint $(CONTENT)
	KETAMINE_EXPLORER_BIN="$(abspath $(BIN))" $(SWIFT) test

bench: build
	@scripts/ensure-deps.sh bench
	$(SWIFT) build $(RELEASE_FLAGS) --product explorer-bench
	python3 bench/bench.py --binary $(BIN) --content $(CONTENT)
	$(BUILD)/explorer-bench $(CONTENT)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ketamine-explorer/content
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ketamine-explorer
	cp -R $(CONTENT) $(DESTDIR)$(PREFIX)/share/ketamine-explorer/content/
	install -d $(DESTDIR)$(PREFIX)/share/ketamine-explorer/kiosk
	install -m 644 Assets/kiosk/* $(DESTDIR)$(PREFIX)/share/ketamine-explorer/kiosk/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ketamine-explorer
	rm -rf $(DESTDIR)$(PREFIX)/share/ketamine-explorer

clean:
	rm -rf .build
