#!/usr/bin/env bash
# deploy/pki/station.sh CA_DIR STATION_ID [--days N | --start T --end T]
# A station's client certificate: CN and the SAN URI loa:station:STATION_ID carry its id; the
# hub refuses a session whose hello names another station. Files: issued/station-ID.{crt,key}.
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"

[ $# -ge 2 ] || die "usage: station.sh CA_DIR STATION_ID [--days N]"
dir=$1 id=$2
shift 2
[[ $id =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]] || die "station id: lower-case letters, digits and - (got \"$id\")"
require_ca "$dir"
parse_validity "$@"
issue "$dir" "station-$id" "/O=Loa/OU=station/CN=$id" "URI:loa:station:$id" clientAuth
