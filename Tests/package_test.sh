#!/usr/bin/env bash
# The Debian package as an IT person installs it: made from the build (make package), checked
# by lintian, installed with dpkg -i; then the program, its manual page, the kiosk user and
# config, the unit (not enabled), a clinic's own content in /etc winning over the shipped
# packs; and dpkg --purge leaving nothing but the kiosk user (Debian leaves system users).
# It changes the machine, so it runs only as root (as CI does); `make test` runs it beside
# the Swift tests. Exit 0 when every check holds (or when skipped), 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
    echo "package test: skipped (installing a package needs root; CI runs make test as root)"
    exit 0
fi
failures=0
check() {   # check DESCRIPTION COMMAND...: runs COMMAND, counts a failure if it fails
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
deb=".build/ketamine-explorer_$(sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/ketamine-explorer/Commands.swift)-1_$(dpkg --print-architecture).deb"

dpkg -s ketamine-explorer >/dev/null 2>&1 && dpkg --purge ketamine-explorer >/dev/null   # a run cut short before
make -s package DEB_COMPRESSION=gzip >/dev/null || { echo "FAILED: make package"; exit 1; }
# Its status says (its E: lines go to standard output; standard error only says it runs as root).
check "lintian reports no errors" sh -c "lintian --fail-on error '$deb' 2>/dev/null"
check "dpkg -i installs it" sh -c "dpkg -i '$deb' >/dev/null 2>&1"
check "--version names the installed content" sh -c \
    "LANG=C.UTF-8 LC_ALL= /usr/bin/ketamine-explorer --version | grep -q '^content .* in /usr/share/ketamine-explorer/content/'"
check "man -w finds the manual page" sh -c "man -w ketamine-explorer | grep -q '^/usr/share/man/man1/ketamine-explorer.1'"
check "the kiosk config is root:kiosk 640" test "$(stat -c '%a %U:%G' /etc/ketamine-explorer/kiosk.yaml)" = "640 root:kiosk"
check "the kiosk user has no shell" sh -c "getent passwd kiosk | grep -q nologin"
check "the unit names /usr/bin" grep -q 'ExecStart=/usr/bin/ketamine-explorer --kiosk' /usr/lib/systemd/system/ketamine-explorer-kiosk.service
check "the unit is not enabled" sh -c "! ls /etc/systemd/system/*/ketamine-explorer-kiosk.service 2>/dev/null | grep -q ."
check "the conffiles as shipped pass check-config" sh -c "/usr/bin/ketamine-explorer check-config >/dev/null"
check "a clinic's own pack in /etc is shown instead of the shipped one" sh -c "
    cp -R /usr/share/ketamine-explorer/content/en /etc/ketamine-explorer/content/en &&
    rm -f /etc/ketamine-explorer/content/en/pack.snapshot &&
    sed -i '0,/^  title: /s/^  title: .*/  title: \"Our clinic edit\"/' /etc/ketamine-explorer/content/en/topics.yaml &&
    LANG=C.UTF-8 /usr/bin/ketamine-explorer topics | grep -q 'Our clinic edit'"
check "dpkg --purge removes it" sh -c "dpkg --purge ketamine-explorer >/dev/null 2>&1"
left=$(ls -d /usr/bin/ketamine-explorer /usr/libexec/ketamine-explorer /usr/share/ketamine-explorer /usr/share/doc/ketamine-explorer \
    /etc/ketamine-explorer /usr/lib/systemd/system/ketamine-explorer-kiosk.service /usr/share/man/man1/ketamine-explorer.1.gz \
    /usr/share/bash-completion/completions/ketamine-explorer 2>/dev/null)
check "nothing is left after the purge${left:+: $left}" test -z "$left"
[ "$failures" -eq 0 ] && echo "package test: every check passed" || echo "package test: $failures failed"
[ "$failures" -eq 0 ]
