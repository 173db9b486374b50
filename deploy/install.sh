#!/usr/bin/env bash
# Installs or upgrades Loa on a Raspberry Pi OS / Debian box (run as root, from a checkout or an
# unpacked release of this repository).
#
#   deploy/install.sh [--role station|district] [--profile NAME] [--station-id ID]
#                     [--district HOST:PORT] [--listen HOST:PORT] [--root DIR] [--no-apt]
#                     [--no-systemd] [--tls-dir DIR | --tls-ca F --tls-cert F --tls-key F]
#                     [--sound-device DEV|null] [--sound]
#
# Sound (deploy/install-sound.sh): a real board's card is found and written to audio.json, its
# level set and stored; --sound does only that (then restarts the station).
#
# Certificates (deploy/pki/, docs/security.md): --tls-dir DIR holds ca.crt and, for a station,
# station.crt + station.key (or deploy/pki's names station-ID.crt/.key), for the hub server.crt +
# server.key (LOA_INSTALL_TLS_DIR works like --tls-dir). They are checked (signed by the CA, key
# matches, a station certificate names this station) and copied to /etc/loa/tls; all three or
# none. A station without them broadcasts without the district uplink; a hub needs them.
#
# Each run installs the tree it is run from as a new release in /opt/loa/releases/<version>,
# switches /opt/loa/current to it atomically, restarts the service and checks its health; if the
# new release does not become healthy in time, it switches back to the previous release and
# restarts that (exit 1). --root installs into a temporary root (tests, image building);
# --no-systemd skips starting units and the health check (used with --root). With --root, the
# users and groups are made in ROOT/etc/{passwd,group} when those exist (useradd --prefix).
set -euo pipefail

ROLE=station PROFILE=sim STATION_ID="" DISTRICT="" LISTEN=0.0.0.0:7443 ROOT="" APT=1 SYSTEMD=1
TLS_DIR=${LOA_INSTALL_TLS_DIR:-} TLS_CA="" TLS_CERT="" TLS_KEY=""
SOUND_DEVICE="" SOUND_ONLY=0
HEALTH_TIMEOUT=${LOA_HEALTH_TIMEOUT:-60}
SYSTEMCTL=${LOA_SYSTEMCTL:-systemctl} # overridable where systemd is not PID 1 (tests, chroots)
usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --role) ROLE=$2; shift 2 ;;
    --profile) PROFILE=$2; shift 2 ;;
    --station-id) STATION_ID=$2; shift 2 ;;
    --district) DISTRICT=$2; shift 2 ;;
    --listen) LISTEN=$2; shift 2 ;;
    --tls-dir) TLS_DIR=$2; shift 2 ;;
    --tls-ca) TLS_CA=$2; shift 2 ;;
    --tls-cert) TLS_CERT=$2; shift 2 ;;
    --tls-key) TLS_KEY=$2; shift 2 ;;
    --root) ROOT=$2; shift 2 ;;
    --no-apt) APT=0; shift ;;
    --no-systemd) SYSTEMD=0; shift ;;
    --sound-device) SOUND_DEVICE=$2; shift 2 ;;
    --sound) SOUND_ONLY=1; shift ;;
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
OPT=$ROOT/opt/loa ETC=$ROOT/etc/loa UNITS=$ROOT/etc/systemd/system
log() { echo "loa-install: $*" >&2; }
die() { echo "install.sh: $*" >&2; exit 1; }
# shellcheck source=deploy/install-tls.sh
source "$SRC/deploy/install-tls.sh"
# shellcheck source=deploy/install-sound.sh
source "$SRC/deploy/install-sound.sh"
# everything about the certificates is checked before anything is written
check_tls
# shellcheck source=deploy/install-node.sh
source "$SRC/deploy/install-node.sh"
require_node # Node 22+ (LOA_NODE=PATH to choose one), else how to get it for this board, exit 1
VERSION=$("$NODE" -p "require('$SRC/package.json').version")-$(date -u +%Y%m%d%H%M%S%N | cut -c1-17)

install_packages() {
  [ "$APT" = 1 ] || return 0
  # espeak-ng: text bulletins are spoken at the station (and previewed at the hub)
  local pkgs=(ffmpeg espeak-ng libsystemd-dev python3 make g++ alsa-utils) # alsa-utils: aplay, amixer, alsactl
  [ "$ROLE" = district ] && pkgs=(espeak-ng python3 make g++)
  log "apt-get install ${pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
}

# The service user and the groups. With --root: in ROOT/etc/{passwd,group} (--prefix), if any.
create_user() {
  local pfx=()
  if [ -n "$ROOT" ]; then
    if ! has_accounts; then log "$ROOT has no etc/passwd and etc/group: no users or groups made there"; return 0; fi
    pfx=(--prefix "$ROOT")
  fi
  group_id loa >/dev/null || groupadd "${pfx[@]}" --system loa
  user_id loa >/dev/null || useradd "${pfx[@]}" --system --gid loa --home-dir /var/lib/loa --shell /usr/sbin/nologin loa
  # technicians allowed to run the programme (the station's operator socket; docs/security.md):
  # usermod -aG loa-operators NAME
  group_id loa-operators >/dev/null || groupadd "${pfx[@]}" --system loa-operators
  local g
  # the unit names these groups (SupplementaryGroups): Raspberry Pi OS has gpio, plain Debian
  # does not, and a missing group stops the unit from starting at all (status=216/GROUP)
  for g in gpio audio dialout; do
    group_id "$g" >/dev/null || groupadd "${pfx[@]}" --system "$g"
    usermod "${pfx[@]}" -aG "$g" loa
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
  # the release: built code, launchers, profiles, units, deploy scripts, proto (+ its generated
  # descriptor sets in src/gen, which server reflection serves) and docs
  local item
  for item in package.json package-lock.json .npmrc bin hw proto src/gen systemd deploy README.md docs; do
    [ -e "$SRC/$item" ] && mkdir -p "$dest/$(dirname "$item")" && cp -a "$SRC/$item" "$dest/$item"
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
    node_abi > "$dest/node_modules/.loa-node-abi"
  fi
  rebuild_for_node "$dest"
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
  own root:loa "$ETC"
  local env=$ETC/$ROLE.env tls='#'
  [ -f "$ETC/tls/$ROLE.key" ] && tls=''
  if [ ! -f "$env" ]; then
    sed -e "s|@PROFILE@|$PROFILE|" -e "s|@STATION_ID@|$STATION_ID|" -e "s|@DISTRICT@|$DISTRICT|" \
      -e "s|@LISTEN@|$LISTEN|" -e "s|^@TLS@|$tls|" "$SRC/deploy/templates/$ROLE.env" > "$env"
    chmod 0640 "$env"
    log "wrote $env"
  elif [ -z "$tls" ]; then
    enable_tls_env "$env" # an older env file: add the certificate lines it lacks
  fi
  own root:loa "$env"
}

install_units() {
  mkdir -p "$UNITS"
  # the units and stationctl run the Node this release was built for (require_node)
  sed "s|/usr/bin/node|$UNIT_NODE|g" "$SRC/systemd/loa-$ROLE.service" > "$UNITS/loa-$ROLE.service"
  if [ "$ROLE" = station ]; then
    mkdir -p "$ROOT/var/lib/loa" "$ROOT/usr/local/bin"
    # stationctl on the technicians' PATH, finding the sockets in /run/loa
    sed "s|/usr/bin/node|$UNIT_NODE|g" "$SRC/deploy/templates/stationctl.sh" > "$ROOT/usr/local/bin/stationctl"
    chmod 0755 "$ROOT/usr/local/bin/stationctl"
  fi
}

switch_to() { # atomic symlink switch: a new (relative) link renamed over the old one
  ln -sfn "releases/$(basename "$1")" "$OPT/current.new"
  mv -T "$OPT/current.new" "$OPT/current"
}

healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    if $SYSTEMCTL is-active --quiet "loa-$ROLE"; then
      if [ "$ROLE" = district ] || "$OPT/current/bin/stationctl" --socket "$ROOT/run/loa/station.sock" status >/dev/null 2>&1; then return 0; fi
    fi
    sleep 1
  done
  return 1
}

main() {
  if [ "$SOUND_ONLY" = 1 ]; then # only (re)choose the sound card and level
    setup_sound
    [ "$SYSTEMD" = 1 ] && $SYSTEMCTL restart "loa-$ROLE"
    return 0
  fi
  install_packages
  create_user
  local release previous=""
  release=$(build_release)
  [ -L "$OPT/current" ] && previous=$(readlink -f "$OPT/current")
  install_tls
  write_config
  setup_sound
  install_units
  switch_to "$release"
  log "current -> $release${previous:+ (previous: $previous)}"
  prune_releases
  tls_summary
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
