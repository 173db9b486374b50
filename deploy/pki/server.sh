#!/usr/bin/env bash
# deploy/pki/server.sh CA_DIR NAME SAN [--days N | --start T --end T]
# A server certificate: the district hub, or a station whose StationService listens on TCP.
# SAN lists the names clients dial, e.g. DNS:hub.example.vn,IP:10.1.2.3 (clients check it).
# Files: issued/server-NAME.{crt,key}.
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"

[ $# -ge 3 ] || die "usage: server.sh CA_DIR NAME DNS:host,IP:addr [--days N]"
dir=$1 name=$2 san=$3
shift 3
[[ $name =~ ^[a-z0-9][a-z0-9.-]{0,62}$ ]] || die "name: lower-case letters, digits, . - (got \"$name\")"
[[ $san =~ ^((DNS|IP):[A-Za-z0-9.:-]+,?)+$ ]] || die "SAN: DNS:name and IP:address entries, comma separated (got \"$san\")"
require_ca "$dir"
parse_validity "$@"
issue "$dir" "server-$name" "/O=Loa/OU=server/CN=$name" "$san" serverAuth
