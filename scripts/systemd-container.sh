#!/usr/bin/env bash
# Builds (once) and prints the path of a minimal Debian 12 root with a real systemd, used to run
# loa-station.service under systemd on machines where PID 1 is not systemd (CI's Firecracker VMs,
# this dev box): test/helpers/systemd-container.ts boots it with systemd-nspawn --boot.
#
#   scripts/systemd-container.sh image     build when missing, print the image directory
#   scripts/systemd-container.sh path      print the image directory (exit 1 when not built)
#   scripts/systemd-container.sh clean     remove every cached image
#
# Debian packages only (debootstrap from the Debian mirror); cached under $LOA_BENCH_CACHE
# (default /var/cache/loa-bench) keyed by the package list, so repeated runs take no time.
# The image is never committed. Needs root, debootstrap and systemd-container (systemd-nspawn).
set -euo pipefail

CACHE=${LOA_BENCH_CACHE:-/var/cache/loa-bench}
MIRROR=${LOA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
# systemd as PID 1 of the container; libsystemd0 for the sd-notify addon; procps for ps/kill;
# ffmpeg for the audio engine (decoders, the output sink): ops.kill9_to_on_air_ms plays a programme.
PACKAGES=(systemd systemd-sysv dbus libsystemd0 procps ffmpeg)
# bump when the customisation below changes (part of the cache key)
REVISION=2
KEY=$(printf '%s\n' "$SUITE" "$REVISION" "${PACKAGES[@]}" | sha256sum | cut -c1-12)
IMAGE=$CACHE/debian12-systemd-$KEY

log() { echo "systemd-container: $*" >&2; }

# What install.sh (create_user) makes on a box: the loa user, the groups the unit names (gpio
# exists on Raspberry Pi OS, not on plain Debian) and loa-operators for the technicians. The
# release is installed with --root beside the image, from a copy of these etc/passwd and
# etc/group, so its file owners are these ids.
customise() {
  local root=$1
  chroot "$root" groupadd --system gpio
  chroot "$root" groupadd --system loa
  chroot "$root" groupadd --system loa-operators
  chroot "$root" useradd --system --gid loa --groups gpio,audio,dialout \
    --home-dir /var/lib/loa --shell /usr/sbin/nologin loa
  echo loa-box > "$root/etc/hostname"
  # a clean boot: no login prompt on the console, no timers doing apt work during a benchmark
  systemctl --root="$root" mask console-getty.service apt-daily.timer apt-daily-upgrade.timer \
    dpkg-db-backup.timer e2scrub_all.timer systemd-tmpfiles-clean.timer >/dev/null 2>&1
  # the image is booted with --volatile=overlay: every boot starts from this clean state
  : > "$root/etc/machine-id"
}

build() {
  [ "$(id -u)" -eq 0 ] || { log "needs root (debootstrap, chroot)"; exit 1; }
  local tool
  for tool in debootstrap systemd-nspawn; do
    command -v "$tool" >/dev/null || { log "$tool is missing: apt-get install -y debootstrap systemd-container"; exit 1; }
  done
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock -w 900 9 || { log "another build holds $CACHE/.lock for 15 min"; exit 1; }
  [ -f "$IMAGE/.loa-image-ok" ] && return 0 # built by whoever held the lock
  local tmp=$IMAGE.tmp.$$
  rm -rf "$tmp"
  log "debootstrap $SUITE (${PACKAGES[*]}) into $tmp, log in $CACHE/debootstrap.log"
  if ! debootstrap --variant=minbase --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    "$SUITE" "$tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1; then
    tail -5 "$CACHE/debootstrap.log" >&2
    rm -rf "$tmp"
    exit 1
  fi
  customise "$tmp"
  touch "$tmp/.loa-image-ok"
  mv -T "$tmp" "$IMAGE"
  log "built $IMAGE"
}

case "${1:-}" in
  image) [ -f "$IMAGE/.loa-image-ok" ] || build; echo "$IMAGE" ;;
  path) [ -f "$IMAGE/.loa-image-ok" ] || { log "not built: scripts/systemd-container.sh image"; exit 1; }; echo "$IMAGE" ;;
  clean) rm -rf "$CACHE"/debian12-systemd-* ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
esac
