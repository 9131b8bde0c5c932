#!/usr/bin/env bash
# Installs the Debian packages the explorer needs, if they are missing.
#   scripts/ensure-deps.sh          what `make build` and `make run` need (ncurses, libyaml, libxcrypt, static libc;
#                                   libespeak-ng and pcaudio for the speech helper, with English and
#                                   Spanish voices in espeak-ng-data)
#   scripts/ensure-deps.sh test     also what `make test` needs (tmux, less; strace, systemd-analyze
#                                   and sshd to check the kiosk's privacy and its deployment files;
#                                   mkpasswd; python3 and valgrind for the start-up budgets;
#                                   lintian for the Debian package)
#   scripts/ensure-deps.sh bench    the same, for `make bench`
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail

missing=()
[ -f /usr/include/ncursesw/curses.h ] || missing+=(libncurses-dev)
# Content is read with libyaml; the release binary links its libyaml.a.
compgen -G '/usr/lib/*-linux-gnu/libyaml.a' >/dev/null && [ -f /usr/include/yaml.h ] || missing+=(libyaml-dev)
# The staff PIN is hashed with libxcrypt's crypt(3); the release binary links its libcrypt.a.
compgen -G '/usr/lib/*-linux-gnu/libcrypt.a' >/dev/null && [ -f /usr/include/crypt.h ] || missing+=(libcrypt-dev)
# The release binary is one static executable: it links glibc's libc.a.
compgen -G '/usr/lib/*-linux-gnu/libc.a' >/dev/null || missing+=(libc6-dev)
# The speech helper (Helpers/ketamine-explorer-speech.c) links libespeak-ng and libpcaudio.
[ -f /usr/include/espeak-ng/speak_lib.h ] || missing+=(libespeak-ng-dev)
[ -f /usr/include/pcaudiolib/audio.h ] || missing+=(libpcaudio-dev)
case "${1:-}" in
  test|bench)
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    command -v less >/dev/null 2>&1 || missing+=(less)
    command -v strace >/dev/null 2>&1 || missing+=(strace)
    command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
    [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
    # Hashes from Debian's own mkpasswd must work as the staff PIN.
    command -v mkpasswd >/dev/null 2>&1 || missing+=(whois)
    # The start-up budgets (bench/budgets.py): callgrind counts instructions.
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
    # The Debian package's checks (make deb, and the package test as root).
    command -v lintian >/dev/null 2>&1 || missing+=(lintian)
    command -v man >/dev/null 2>&1 || missing+=(man-db)
    ;;
esac
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v swift >/dev/null 2>&1; then
  echo "Swift is not installed or not on PATH; install Swift 6.3 first (https://www.swift.org/install/)." >&2
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
else
  echo "Missing packages: ${missing[*]}. Install them with:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
