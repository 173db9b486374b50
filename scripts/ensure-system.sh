#!/usr/bin/env bash
# Installs the Debian packages Loa needs, when missing. Safe to run again.
#   bash scripts/ensure-system.sh          what running needs (`npm start`, a station, a hub)
#   bash scripts/ensure-system.sh --test   that and what the tests and benchmarks need (`npm test`)
# CI runs as root on Debian 12.
set -euo pipefail
# Running: ffmpeg (decoding, the on-air log); alsa-utils (aplay/amixer for the sound-card set-up,
# deploy/install-sound.sh, and alsa-lib's PCM plugins); espeak-ng (the station speaks text
# bulletins with it: Vietnamese voices vi, vi-vn-x-central, vi-vn-x-south; the hub renders
# previews with it); openssl (deploy/pki/ makes the district CA and the demo's certificates);
# libsystemd-dev (headers for the sd-notify addon, built by npm ci: systemd readiness and watchdog);
# libpq-dev (libpq and pg_config for the libpq addon under pg-native, built by npm ci: a hub
# whose store is PostgreSQL, issue 20).
RUN_PACKAGES=(ffmpeg alsa-utils espeak-ng openssl libsystemd-dev libpq-dev)
# Tests only: icecast2 (the loopback stream server); socat (pseudo-terminals for the Firmata
# emulator and TCP relays); shellcheck (the deploy scripts are checked by the tests); debootstrap and
# systemd-container (systemd-nspawn: a real systemd in a container supervises loa-station.service
# in tests and the ops bench, PID 1 of CI's VMs not being systemd); openssh-server, rsync, sudo
# (deploy/fleet.sh is tested over a real sshd on 127.0.0.1, started by the test on a free port;
# the package's own service is not started, see policy-rc.d below); gcc-avr, avr-libc,
# arduino-core-avr (build hw/firmware, LoaFirmata, with Debian's AVR toolchain); simavr's
# libsimavr-dev (+ libelf-dev, pkg-config, make, gcc): the harness that runs that image on a
# simulated ATmega2560 in the Firmata tests (test/helpers/avr/); gir1.2-gst-rtsp-server-1.0 and
# python3-gi: GStreamer's RTSP server, run by test/helpers/rtsp-server.py as the loopback RTSP
# server of the relay tests (ffmpeg's RTSP listen mode takes only publishers); it pulls in
# gstreamer1.0-plugins-base/-good/-bad: audiotestsrc, voaacenc (AAC), lamemp3enc (MP3) and
# their RTP payloaders, listed too so a change in its dependencies cannot drop them; chromium
# (the district console's browser tests and bench drive Debian's browser headless with
# playwright-core; no browser download); postgresql (the hub's PostgreSQL store and two-hub tests
# run a real server: initdb into a temp dir, test/helpers/postgres.ts).
TEST_PACKAGES=(icecast2 socat shellcheck debootstrap systemd-container openssh-server rsync sudo
  gcc-avr avr-libc arduino-core-avr libsimavr-dev libelf-dev pkg-config make gcc
  gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad chromium postgresql)
PACKAGES=("${RUN_PACKAGES[@]}")
if [ "${1:-}" = --test ]; then PACKAGES+=("${TEST_PACKAGES[@]}"); fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "loa: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "loa: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# packages must not start their services (sshd on port 22, icecast): the tests start their own.
# Where no policy-rc.d says so already (Debian's container images have one), one for this install.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
# icecast2 asks debconf questions; keep its defaults (we run it with our own config in tests)
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
