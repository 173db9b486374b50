#!/usr/bin/env bash
# Installs or upgrades Loa on a Raspberry Pi OS / Debian box (run as root, from a checkout or an
# unpacked release of this repository).
#
#   deploy/install.sh [--role station|district] [--profile NAME] [--station-id ID]
#                     [--district HOST:PORT] [--root DIR] [--no-apt] [--no-systemd]
#
# Each run installs the tree it is run from as a new release in /opt/loa/releases/<version>,
# switches /opt/loa/current to it atomically, restarts the service and checks its health; if the
# new release does not become healthy in time, it switches back to the previous release and
# restarts that (exit 1). --root installs into a temporary root (tests, image building);
# --no-systemd skips starting units and the health check (used with --root).
set -euo pipefail

ROLE=station PROFILE=sim STATION_ID="" DISTRICT="" ROOT="" APT=1 SYSTEMD=1
HEALTH_TIMEOUT=${LOA_HEALTH_TIMEOUT:-60}
SYSTEMCTL=${LOA_SYSTEMCTL:-systemctl} # overridable where systemd is not PID 1 (tests, chroots)
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --role) ROLE=$2; shift 2 ;;
    --profile) PROFILE=$2; shift 2 ;;
    --station-id) STATION_ID=$2; shift 2 ;;
    --district) DISTRICT=$2; shift 2 ;;
    --root) ROOT=$2; shift 2 ;;
    --no-apt) APT=0; shift ;;
    --no-systemd) SYSTEMD=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage 1 ;;
  esac
done
case "$ROLE" in station|district) ;; *) echo "install.sh: --role: allowed station or district (got '$ROLE')" >&2; exit 1 ;; esac
[ -n "$STATION_ID" ] || STATION_ID=$(hostname | tr 'A-Z_' 'a-z-')
if ! printf '%s' "$STATION_ID" | grep -Eq '^[a-z0-9][a-z0-9-]{0,62}$'; then
  echo "install.sh: --station-id: lower-case letters, digits and dashes, up to 63 (got '$STATION_ID')" >&2; exit 1
fi

SRC=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(node -p "require('$SRC/package.json').version")-$(date -u +%Y%m%d%H%M%S%N | cut -c1-17)
OPT=$ROOT/opt/loa ETC=$ROOT/etc/loa UNITS=$ROOT/etc/systemd/system
log() { echo "loa-install: $*" >&2; }

install_packages() {
  [ "$APT" = 1 ] || return 0
  local pkgs=(ffmpeg libsystemd-dev python3 make g++)
  [ "$ROLE" = district ] && pkgs=(python3 make g++)
  log "apt-get install ${pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  command -v node >/dev/null || { log "Node.js 20 is needed: install it first (e.g. Debian's nodejs from bookworm-backports or NodeSource)"; exit 1; }
}

create_user() {
  if [ -n "$ROOT" ]; then return 0; fi
  getent group loa >/dev/null || groupadd --system loa
  getent passwd loa >/dev/null || useradd --system --gid loa --home-dir /var/lib/loa --shell /usr/sbin/nologin loa
  local g
  # the unit names these groups (SupplementaryGroups): Raspberry Pi OS has gpio, plain Debian
  # does not, and a missing group stops the unit from starting at all (status=216/GROUP)
  for g in gpio audio dialout; do
    getent group "$g" >/dev/null || groupadd --system "$g"
    usermod -aG "$g" loa
  done
  return 0
}

build_release() {
  local dest=$OPT/releases/$VERSION
  log "building release $VERSION"
  mkdir -p "$dest"
  # compiled straight into the release: the checkout's own dist/ is never rewritten under a
  # running daemon or test
  (cd "$SRC" && { [ -d node_modules ] || npm ci --loglevel=warn --no-audit --no-fund; } &&
    npx tsc -p tsconfig.build.json --outDir "$dest/dist") >&2
  # the release: built code, launchers, profiles, units, deploy scripts, proto and docs
  local item
  for item in package.json package-lock.json .npmrc bin hw proto systemd deploy README.md docs; do
    [ -e "$SRC/$item" ] && cp -a "$SRC/$item" "$dest/"
  done
  install_modules "$dest" >&2
  echo "$dest"
}

# Dependencies for the release. When this tree's node_modules were installed from the same
# lock file on this machine (same architecture, native addons already built), copy them and
# drop the dev tools: seconds instead of minutes of native builds on a Pi's SD card.
install_modules() {
  local dest=$1 prev
  prev=$(readlink -f "$OPT/current" 2>/dev/null || true)
  if [ -n "$prev" ] && cmp -s "$prev/package-lock.json" "$dest/package-lock.json" && [ -d "$prev/node_modules" ]; then
    cp -a "$prev/node_modules" "$dest/"
  elif [ -f "$SRC/node_modules/.package-lock.json" ] && cmp -s "$SRC/package-lock.json" "$dest/package-lock.json"; then
    cp -a "$SRC/node_modules" "$dest/"
    (cd "$dest" && npm prune --omit=dev --loglevel=warn --no-audit --no-fund)
  else
    (cd "$dest" && npm ci --omit=dev --loglevel=warn --no-audit --no-fund)
  fi
}

prune_releases() { # keep the current, the previous and one more
  local keep=3 r
  # shellcheck disable=SC2012 # release names have no spaces; newest first by name (a UTC stamp)
  for r in $(ls -1 "$OPT/releases" | sort -r | tail -n +$((keep + 1))); do
    [ "$OPT/releases/$r" = "$(readlink -f "$OPT/current")" ] || rm -rf "${OPT:?}/releases/$r"
  done
}

write_config() {
  mkdir -p "$ETC"
  chmod 0750 "$ETC"
  local env=$ETC/$ROLE.env
  if [ ! -f "$env" ] && [ "$ROLE" = station ]; then
    sed -e "s|@PROFILE@|$PROFILE|" -e "s|@STATION_ID@|$STATION_ID|" -e "s|@DISTRICT@|$DISTRICT|" \
      "$SRC/deploy/templates/station.env" > "$env"
    chmod 0640 "$env"
    log "wrote $env"
  fi
  [ -n "$ROOT" ] || chgrp loa "$ETC" "$env" 2>/dev/null || true
}

install_units() {
  mkdir -p "$UNITS"
  cp "$SRC/systemd/loa-$ROLE.service" "$UNITS/"
  mkdir -p "$ROOT/var/lib/loa"
}

switch_to() { # atomic symlink switch: a new (relative) link renamed over the old one
  ln -sfn "releases/$(basename "$1")" "$OPT/current.new"
  mv -T "$OPT/current.new" "$OPT/current"
}

healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    if $SYSTEMCTL is-active --quiet "loa-$ROLE"; then
      if [ "$ROLE" = district ] || "$OPT/current/bin/stationctl" --data-dir "$ROOT/var/lib/loa" status >/dev/null 2>&1; then return 0; fi
    fi
    sleep 1
  done
  return 1
}

main() {
  install_packages
  create_user
  local release previous=""
  release=$(build_release)
  [ -L "$OPT/current" ] && previous=$(readlink -f "$OPT/current")
  write_config
  install_units
  switch_to "$release"
  log "current -> $release${previous:+ (previous: $previous)}"
  prune_releases
  [ "$SYSTEMD" = 1 ] || { log "installed (systemd not touched)"; return 0; }
  $SYSTEMCTL daemon-reload
  $SYSTEMCTL enable "loa-$ROLE" >/dev/null 2>&1
  $SYSTEMCTL restart "loa-$ROLE"
  if healthy; then
    log "loa-$ROLE is healthy on $VERSION"
    return 0
  fi
  log "loa-$ROLE did not become healthy within ${HEALTH_TIMEOUT}s"
  if [ -n "$previous" ]; then
    switch_to "$previous"
    $SYSTEMCTL restart "loa-$ROLE"
    log "rolled back to $previous"
  fi
  exit 1
}

main
