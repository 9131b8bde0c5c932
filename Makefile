# The ketamine treatment explorer. `make run` and `make test` are all a new user needs.
SWIFT   ?= swift
BUILD   := .build/release
BIN     := $(BUILD)/ketamine-explorer
# The speech helper, in C: the static explorer cannot link espeak-ng's audio (pcaudio needs the
# ALSA and PulseAudio shared libraries), so it starts this once and talks to it over pipes.
SPEECH  := $(BUILD)/ketamine-explorer-speech
CONTENT := Assets/content/en
# Every language the pack ships: each is linted, snapshotted and installed.
PACKS   := $(wildcard Assets/content/*/pack.yaml)
LANGS   := $(patsubst Assets/content/%/pack.yaml,%,$(PACKS))
PREFIX  ?= /usr/local
# Release builds: the program, and in `make test` the tests too, against the same compiled
# modules (one build, not a release and a debug one). Each function in its own section, for the
# start-up order Package.swift's static link gives the program (see there).
RELEASE_FLAGS := -c release -Xswiftc -Xfrontend -Xswiftc -function-sections

# swift build passes -color-diagnostics to every compile when its output is a terminal and
# not otherwise, and the changed command lines rebuild everything (80 s): a `make run` in a
# terminal after a `make test` whose output went to a log rebuilt the release binary. Its
# output always goes through a pipe here, so each build is the same wherever it runs.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SAME := | cat

.PHONY: all deps build run test sanitize lint bench bench-tool fuzz startup-order install uninstall deb package clean

all: build

deps:
	@scripts/ensure-deps.sh

# After the binary, a snapshot of the shipped pack for this build (Assets/content/en/pack.snapshot):
# start-up reads it instead of parsing and checking the YAML while nothing has changed. Without
# one (a read-only checkout, a broken pack) the explorer reads the YAML, so a failure here is
# reported but does not stop `make run`.
build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product ketamine-explorer $(SAME)
	$(MAKE) --no-print-directory $(SPEECH)
	-for lang in $(LANGS); do $(BIN) snapshot Assets/content/$$lang; done

# Built only when its source changes, beside the program (where the program looks for it),
# after `swift build`: on a fresh clone SwiftPM makes .build/release a link to its own folder,
# and a folder made before it would be replaced, helper and all.
# Hardened as Debian builds C (fortified, stack protector, read-only relocations): it is the one
# dynamically linked program the package ships. CFLAGS and LDFLAGS may be given.
CFLAGS  ?= -O2 -g -Wall -Wextra -D_FORTIFY_SOURCE=2 -fstack-protector-strong
LDFLAGS ?= -Wl,-z,relro,-z,now
$(SPEECH): Helpers/ketamine-explorer-speech.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lespeak-ng -lpcaudio

run: build
	$(BIN)

lint: build
	for lang in $(LANGS); do $(BIN) lint Assets/content/$$lang || exit 1; done

# Every test: content, update, screen goldens, scenarios, and the real binary in tmux. One
# release build: the program first, then the tests against the same compiled modules (only the
# test targets are compiled again), and the tests drive that program. The debug build, with its
# assert()s, is `make sanitize`'s. The speech helper's own tests mostly wait for audio played in
# real time, and the package test (as root: make package, lintian, dpkg -i, checks, dpkg --purge)
# waits on dpkg: both need only the program, so they start before the tests are compiled, and
# their reports follow the Swift tests'.
test: deps
	@scripts/ensure-deps.sh test
	$(SWIFT) build $(RELEASE_FLAGS) --product ketamine-explorer $(SAME)
	$(MAKE) --no-print-directory $(SPEECH)
	for lang in $(LANGS); do $(BIN) lint Assets/content/$$lang && $(BIN) snapshot Assets/content/$$lang || exit 1; done
	python3 bench/budgets.py $(BIN) $(CONTENT)
	KETAMINE_EXPLORER_SPEECH=$(abspath $(SPEECH)) python3 Tests/speech_helper_test.py > .build/speech-helper-test.log 2>&1 & helper=$$!; \
	bash Tests/package_test.sh > .build/package-test.log 2>&1 & package=$$!; \
	$(SWIFT) build $(RELEASE_FLAGS) --product ketamine-explorerPackageTests $(SAME) && \
	KETAMINE_EXPLORER_BIN="$(abspath $(BIN))" $(SWIFT) test $(RELEASE_FLAGS) --skip-build; tests=$$?; \
	wait $$helper; helper=$$?; wait $$package; package=$$?; cat .build/speech-helper-test.log .build/package-test.log; \
	[ $$tests -eq 0 ] && [ $$helper -eq 0 ] && [ $$package -eq 0 ]

# The unit, scenario and corpus tests once more under AddressSanitizer (a separate debug build in
# .build-asan; the end-to-end tests drive the release binary and are left out). .ci/run runs it.
sanitize: deps
	@scripts/ensure-deps.sh test
	$(SWIFT) build --sanitize=address --scratch-path .build-asan --product ketamine-explorerPackageTests $(SAME)
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp $(SWIFT) test --skip-build --disable-xctest --sanitize=address --scratch-path .build-asan --skip EndToEndTests

bench: build bench-tool
	@scripts/ensure-deps.sh bench
	python3 bench/bench.py --binary $(BIN) --content $(CONTENT)
	$(BUILD)/explorer-bench $(CONTENT)

# The in-process benchmark (Sources/explorer-bench). CI builds it after the tests, so a change
# that breaks it is seen at once, not at the next `make bench`.
bench-tool: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product explorer-bench $(SAME)

# Coverage-guided fuzzing (libFuzzer, with AddressSanitizer) of the four targets in
# Sources/FuzzTargets, FUZZ_SECONDS each, one after another. Inputs that add coverage go to
# .build-fuzz/corpus/TARGET; an input that breaks something is saved as Fuzz/findings/TARGET-*
# and the run stops: once it is fixed, move it into Fuzz/corpus/TARGET, which `make test` replays.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := pack kiosk-config input update
FUZZ_FLAGS := --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
	--scratch-path .build-fuzz
fuzz: deps
	$(SWIFT) build $(FUZZ_FLAGS) --product explorer-fuzz $(SAME)
	mkdir -p Fuzz/findings
	for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target; \
		SWIFT_BACKTRACE=enable=no KX_FUZZ_TARGET=$$target .build-fuzz/debug/explorer-fuzz -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=4096 -max_len=8192 -print_final_stats=1 \
			-artifact_prefix=Fuzz/findings/$$target- .build-fuzz/corpus/$$target Fuzz/corpus/$$target || exit 1; \
	done

startup-order: build
	@scripts/ensure-deps.sh bench
	python3 scripts/startup-order.py $(BIN) $(CONTENT) scripts/startup.order

# Installs what `make build` made; it never builds, so `sudo make install` compiles nothing
# as root. The program and the helper are stripped (32 MB to 17; the build ID the pack
# snapshots are keyed by stays). PREFIX=/usr and DESTDIR work as usual.
MANDIR := $(PREFIX)/share/man
install:
	@test -x $(BIN) -a -x $(SPEECH) || { echo "Nothing to install yet: run make build first, as yourself (make install never builds)." >&2; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ketamine-explorer/content
	install -m 755 -s $(BIN) $(DESTDIR)$(PREFIX)/bin/ketamine-explorer
	for lang in $(LANGS); do cp -R Assets/content/$$lang $(DESTDIR)$(PREFIX)/share/ketamine-explorer/content/; done
	install -d $(DESTDIR)$(PREFIX)/share/ketamine-explorer/kiosk
	@# The unit and the sshd snippet name the program where this PREFIX puts it.
	for file in Assets/kiosk/*; do sed 's|/usr/local/bin/|$(PREFIX)/bin/|g' $$file > $(DESTDIR)$(PREFIX)/share/ketamine-explorer/kiosk/$$(basename $$file); \
	  chmod 644 $(DESTDIR)$(PREFIX)/share/ketamine-explorer/kiosk/$$(basename $$file); done
	install -d $(DESTDIR)$(PREFIX)/libexec/ketamine-explorer
	install -m 755 -s $(SPEECH) $(DESTDIR)$(PREFIX)/libexec/ketamine-explorer/ketamine-explorer-speech
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	gzip -9n -c Assets/man/ketamine-explorer.1 > $(DESTDIR)$(MANDIR)/man1/ketamine-explorer.1.gz
	gzip -9n -c Assets/man/ketamine-explorer-kiosk.yaml.5 > $(DESTDIR)$(MANDIR)/man5/ketamine-explorer-kiosk.yaml.5.gz
	@# Shell completions, written by the program itself (topic ids after show and export,
	@# theme and format names).
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN) --generate-completion-script bash | sed '1{/^#!/d}' > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ketamine-explorer
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_ketamine-explorer
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ketamine-explorer.fish

# A Debian package made with Debian's own tool (dpkg-deb; nothing from the network), as
# any user: `make install` into a staging folder with PREFIX=/usr, the docs, the kiosk unit
# (not enabled), /etc/ketamine-explorer's conffiles (kiosk.yaml and clinic.yaml, every line
# commented) and its content/ folder for a clinic's own packs, and packaging/deb's scripts
# (the postinst makes the kiosk user). `make test` installs and purges it when run as root.
# Worked out only when a package is made (deferred: not at every make).
VERSION  = $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/ketamine-explorer/Commands.swift)
ARCH     = $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB      = .build/ketamine-explorer_$(VERSION)-1_$(ARCH).deb
STAGE   := .build/deb
DOC     := $(STAGE)/usr/share/doc/ketamine-explorer
# xz, as Debian's own packages; the package test asks for gzip (8 s less to make).
DEB_COMPRESSION ?= xz
deb: build
	$(MAKE) --no-print-directory package

# The package from what `make build` made (the package test in `make test` uses this).
package:
	@test -x $(BIN) -a -x $(SPEECH) || { echo "Nothing to package yet: run make build first." >&2; exit 1; }
	rm -rf $(STAGE)
	$(MAKE) --no-print-directory -s install PREFIX=/usr DESTDIR=$(abspath $(STAGE))
	install -d $(DOC) $(STAGE)/usr/lib/systemd/system $(STAGE)/etc/ketamine-explorer/content $(STAGE)/DEBIAN
	install -m 644 README.md LICENSE packaging/deb/copyright $(DOC)/
	gzip -9n -c packaging/deb/changelog > $(DOC)/changelog.Debian.gz
	install -m 644 $(STAGE)/usr/share/ketamine-explorer/kiosk/ketamine-explorer-kiosk.service $(STAGE)/usr/lib/systemd/system/
	install -m 644 Assets/kiosk/kiosk.example.yaml $(STAGE)/etc/ketamine-explorer/kiosk.yaml
	sed -E 's/^([^#[:space:]])/# \1/' Assets/kiosk/clinic.example.yaml > $(STAGE)/etc/ketamine-explorer/clinic.yaml
	chmod 644 $(STAGE)/etc/ketamine-explorer/clinic.yaml
	install -m 644 packaging/deb/conffiles $(STAGE)/DEBIAN/
	install -m 755 packaging/deb/postinst packaging/deb/postrm $(STAGE)/DEBIAN/
	install -d $(STAGE)/usr/share/lintian/overrides
	install -m 644 packaging/deb/lintian-overrides $(STAGE)/usr/share/lintian/overrides/ketamine-explorer
	sed -e 's/@VERSION@/$(VERSION)-1/' -e 's/@ARCH@/$(ARCH)/' -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $(STAGE) | cut -f1)/" \
	  packaging/deb/control.in > $(STAGE)/DEBIAN/control
	cd $(STAGE) && find usr -type f -exec md5sum {} + | sort -k2 > DEBIAN/md5sums
	dpkg-deb --root-owner-group -Z$(DEB_COMPRESSION) --build $(STAGE) $(DEB)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ketamine-explorer
	rm -rf $(DESTDIR)$(PREFIX)/share/ketamine-explorer
	rm -rf $(DESTDIR)$(PREFIX)/libexec/ketamine-explorer
	rm -f $(DESTDIR)$(MANDIR)/man1/ketamine-explorer.1.gz $(DESTDIR)$(MANDIR)/man5/ketamine-explorer-kiosk.yaml.5.gz
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ketamine-explorer \
	  $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_ketamine-explorer \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ketamine-explorer.fish

clean:
	rm -rf .build .build-fuzz .build-asan
