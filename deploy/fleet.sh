#!/usr/bin/env bash
# Installs or upgrades every station of an inventory over SSH, one at a time, and stops at the
# first failure (a broken release must not reach the next village).
#
#   deploy/fleet.sh INVENTORY [--only ID] [--dry-run]
#
# For each line "id ssh-target profile district": copies this tree to the station
# (rsync over ssh, without node_modules, dist, var), then runs deploy/install.sh there with
# sudo. install.sh checks the service's health and rolls back by itself; a non-zero exit stops
# the roll-out. LOA_SSH overrides the ssh command (e.g. "ssh -i key -o BatchMode=yes").
# LOA_FLEET_PKI=CA_DIR (deploy/pki/ca.sh): each station also gets the district CA and its own
# certificate and key (CA_DIR/issued/station-ID.{crt,key}), copied for install.sh --tls-dir and
# deleted from the station's home afterwards (install.sh keeps its copy in /etc/loa/tls).
set -euo pipefail
INV=${1:?usage: fleet.sh INVENTORY [--only ID] [--dry-run]}; shift
ONLY="" DRY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY=$2; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    *) echo "fleet.sh: unknown option '$1'" >&2; exit 1 ;;
  esac
done
SRC=$(cd "$(dirname "$0")/.." && pwd)
SSH=${LOA_SSH:-ssh -o BatchMode=yes -o ConnectTimeout=15}
PKI=${LOA_FLEET_PKI:-}
run() { if [ "$DRY" = 1 ]; then echo "+ $*"; else "$@"; fi; }

n=0 lineno=0
# the inventory on fd 3: ssh reads its stdin, and would swallow the rest of the list
while read -r id target profile district rest <&3; do
  lineno=$((lineno + 1))
  case "$id" in ''|'#'*) continue ;; esac
  if [ -z "$profile" ] || [ -n "$rest" ]; then
    echo "fleet.sh: $INV line $lineno: expected 'id ssh-target profile [district]'" >&2; exit 1
  fi
  [ -n "$ONLY" ] && [ "$id" != "$ONLY" ] && continue
  n=$((n + 1))
  echo "== $id ($target)" >&2
  tls=()
  if [ -n "$PKI" ]; then
    for f in ca.crt "issued/station-$id.crt" "issued/station-$id.key"; do
      [ -f "$PKI/$f" ] || { echo "fleet.sh: $id: no $PKI/$f (deploy/pki/station.sh $PKI $id); stopping here ($((n - 1)) station(s) done before it)" >&2; exit 1; }
    done
    tls=(--tls-dir loa-tls)
  fi
  ok=1
  # shellcheck disable=SC2086 # $SSH is a command line on purpose
  if ! run rsync -a --delete --exclude node_modules --exclude dist --exclude var --exclude .git \
      -e "$SSH" "$SRC/" "$target:loa-src/"; then ok=0
  elif [ -n "$PKI" ] && ! run rsync -a --chmod=D700,F600 -e "$SSH" "$PKI/ca.crt" \
      "$PKI/issued/station-$id.crt" "$PKI/issued/station-$id.key" "$target:loa-tls/"; then ok=0
  elif ! run $SSH "$target" sudo ./loa-src/deploy/install.sh --role station --station-id "$id" \
      --profile "$profile" ${district:+--district "$district"} "${tls[@]}"; then ok=0
  fi
  # the station's key stays only where install.sh put it
  # shellcheck disable=SC2086
  [ -z "$PKI" ] || run $SSH "$target" rm -rf loa-tls || true
  if [ "$ok" = 0 ]; then
    echo "fleet.sh: $id failed; stopping here ($((n - 1)) station(s) done before it)" >&2
    exit 1
  fi
done 3< "$INV"
echo "fleet.sh: $n station(s) done" >&2
