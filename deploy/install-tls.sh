#!/usr/bin/env bash
# Sourced by deploy/install.sh (not run): accounts in the target root, file ownership, and the
# TLS certificates of the district link (docs/security.md). Uses install.sh's ROLE, ROOT, ETC,
# STATION_ID, DISTRICT, TLS_DIR, TLS_CA, TLS_CERT, TLS_KEY, log and die.
#
# Installed layout (what loa-station.service / loa-district.service and the daemons expect):
#   /etc/loa/tls/            0750 root:loa   (the unit also mounts it read-only: ReadOnlyPaths)
#   /etc/loa/tls/ca.crt      0640 root:loa   the district CA                 LOA_TLS_CA
#   /etc/loa/tls/ROLE.crt    0640 root:loa   this station's / the hub's cert  LOA_TLS_CERT
#   /etc/loa/tls/ROLE.key    0600 loa:loa    its key (the daemons refuse a key others can read
#                                            or another user owns)            LOA_TLS_KEY

# Whether accounts can be made/resolved: always on the box; with --root only when the root has
# its own etc/passwd and etc/group (an image), never the build machine's.
has_accounts() { [ -z "$ROOT" ] || { [ -f "$ROOT/etc/passwd" ] && [ -f "$ROOT/etc/group" ]; }; }

user_id() {
  if [ -z "$ROOT" ]; then id -u "$1" 2>/dev/null; return; fi
  awk -F: -v n="$1" '$1 == n { print $3; found = 1 } END { exit !found }' "$ROOT/etc/passwd" 2>/dev/null
}

group_id() {
  if [ -z "$ROOT" ]; then getent group "$1" | cut -d: -f3 | grep .; return; fi
  awk -F: -v n="$1" '$1 == n { print $3; found = 1 } END { exit !found }' "$ROOT/etc/group" 2>/dev/null
}

# own USER:GROUP PATH...: numeric ids from the target root's accounts (a --root image's ids are
# not the build machine's); nothing when there are no accounts to resolve them from.
own() {
  has_accounts || return 0
  local u g
  u=$(user_id "${1%%:*}") || die "no user ${1%%:*} to own $2"
  g=$(group_id "${1##*:}") || die "no group ${1##*:} to own $2"
  shift
  chown "$u:$g" "$@"
}

TLS_KIND=station
[ "$ROLE" = district ] && TLS_KIND=server

# need_file PATH FLAG WHAT: refuses, naming the file and what was expected there.
need_file() {
  [ -n "$1" ] || die "TLS: $2 is missing: expected $3. Give all three (--tls-dir DIR, or --tls-ca, --tls-cert and --tls-key), or none; nothing was installed"
  if [ ! -f "$1" ] || [ ! -r "$1" ]; then die "TLS: $1 ($2) not found or not readable: expected $3; nothing was installed"; fi
}

# The certificate files to install, from --tls-dir (deploy/pki's names) or the single flags.
resolve_tls() {
  if [ -n "$TLS_DIR" ]; then
    [ -d "$TLS_DIR" ] || die "--tls-dir $TLS_DIR: no such directory (expected ca.crt, $TLS_KIND.crt and $TLS_KIND.key there)"
    local base=$TLS_DIR/$TLS_KIND
    if [ "$ROLE" = station ] && [ ! -e "$base.crt" ] && [ -e "$TLS_DIR/station-$STATION_ID.crt" ]; then
      base=$TLS_DIR/station-$STATION_ID # as deploy/pki/station.sh names it in issued/
    fi
    TLS_CA=${TLS_CA:-$TLS_DIR/ca.crt} TLS_CERT=${TLS_CERT:-$base.crt} TLS_KEY=${TLS_KEY:-$base.key}
  fi
}

check_tls() {
  resolve_tls
  if [ -z "$TLS_CA$TLS_CERT$TLS_KEY" ]; then
    [ -f "$ETC/tls/$ROLE.key" ] && return 0 # an upgrade keeps the installed certificates
    if [ "$ROLE" = district ]; then
      die "the district hub needs its certificates: --tls-dir DIR with ca.crt, server.crt and server.key (deploy/pki/ca.sh, deploy/pki/server.sh); nothing was installed"
    fi
    if [ -n "$DISTRICT" ]; then
      die "--district $DISTRICT needs this station's certificates (the uplink is mutual TLS): --tls-dir DIR with ca.crt and station-$STATION_ID.crt/.key (deploy/pki/station.sh CA_DIR $STATION_ID); nothing was installed"
    fi
    return 0
  fi
  local what=station-$STATION_ID
  [ "$ROLE" = district ] && what=server-NAME
  need_file "$TLS_CA" --tls-ca "the district CA certificate (ca.crt, from deploy/pki/ca.sh)"
  need_file "$TLS_CERT" --tls-cert "this $ROLE's certificate ($TLS_KIND.crt, or $what.crt from deploy/pki/$TLS_KIND.sh)"
  need_file "$TLS_KEY" --tls-key "the private key of $TLS_CERT ($TLS_KIND.key, or $what.key)"
  if [ -n "$ROOT" ] && ! has_accounts; then
    die "TLS with --root $ROOT needs $ROOT/etc/passwd and $ROOT/etc/group: the key must belong to the loa user there; nothing was installed"
  fi
  check_pair
}

# What the daemons would refuse at start, refused here first with the reason (openssl).
check_pair() {
  if ! command -v openssl >/dev/null; then log "openssl not found: the daemon checks the certificates when it starts"; return 0; fi
  local out
  # -no_check_time: a Pi without a battery clock may be installed before NTP has set the time
  out=$(openssl verify -no_check_time -CAfile "$TLS_CA" "$TLS_CERT" 2>&1) ||
    die "TLS: $TLS_CERT is not signed by the CA in $TLS_CA ($(echo "$out" | tail -1)); nothing was installed"
  [ "$(openssl x509 -noout -pubkey -in "$TLS_CERT" 2>/dev/null)" = "$(openssl pkey -pubout -in "$TLS_KEY" 2>/dev/null)" ] ||
    die "TLS: $TLS_KEY is not the key of $TLS_CERT (a renewal copied half-way?); nothing was installed"
  if [ "$ROLE" = station ] && ! openssl x509 -noout -ext subjectAltName -in "$TLS_CERT" 2>/dev/null | grep -q "URI:loa:station:$STATION_ID\$"; then
    die "TLS: $TLS_CERT is not the certificate of station $STATION_ID (deploy/pki/station.sh CA_DIR $STATION_ID); nothing was installed"
  fi
  openssl x509 -noout -checkend 0 -in "$TLS_CERT" >/dev/null || log "warning: $TLS_CERT has expired (or the clock is wrong): renew it (deploy/pki/renew.sh)"
}

# Copies the three files into /etc/loa/tls: staged beside them, then renamed key first (a
# daemon reloading in between sees a pair that does not match and keeps its current one).
install_tls() {
  [ -n "$TLS_CA" ] || return 0
  local dir=$ETC/tls tmp
  mkdir -p "$ETC" "$dir"
  chmod 0750 "$dir"
  own root:loa "$dir"
  tmp=$(mktemp -d "$dir/.new.XXXXXX")
  install -m 0640 "$TLS_CA" "$tmp/ca.crt"
  install -m 0640 "$TLS_CERT" "$tmp/$ROLE.crt"
  install -m 0600 "$TLS_KEY" "$tmp/$ROLE.key"
  own root:loa "$tmp/ca.crt" "$tmp/$ROLE.crt"
  own loa:loa "$tmp/$ROLE.key"
  mv -f "$tmp/$ROLE.key" "$dir/$ROLE.key"
  mv -f "$tmp/$ROLE.crt" "$dir/$ROLE.crt"
  mv -f "$tmp/ca.crt" "$dir/ca.crt"
  rmdir "$tmp"
  log "installed the certificates in $dir ($ROLE.crt: $(openssl x509 -noout -subject -enddate -in "$dir/$ROLE.crt" 2>/dev/null | tr '\n' ' '))"
}

# An env file written before the certificates came: add the variables it lacks (its other
# lines are the technician's and stay as they are).
enable_tls_env() {
  local env=$1 var file
  for var in LOA_TLS_CA:ca.crt LOA_TLS_CERT:$ROLE.crt LOA_TLS_KEY:$ROLE.key; do
    file=${var#*:} var=${var%%:*}
    grep -q "^$var=" "$env" || { echo "$var=/etc/loa/tls/$file" >> "$env"; log "added $var to $env"; }
  done
}

tls_summary() {
  if [ -f "$ETC/tls/$ROLE.key" ]; then
    log "certificates: $ETC/tls (LOA_TLS_CA, LOA_TLS_CERT, LOA_TLS_KEY in $ETC/$ROLE.env)"
  elif [ "$ROLE" = station ]; then
    log "no certificates: the station broadcasts from its schedule and cache without the district uplink; to connect it later: install.sh --district HOST:PORT --tls-dir DIR"
  fi
}
