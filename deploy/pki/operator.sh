#!/usr/bin/env bash
# deploy/pki/operator.sh CA_DIR NAME viewer|operator|admin [--days N | --start T --end T]
# An operator's client certificate for districtctl (or a technician's for a station's TCP API):
# the role is the SAN URI loa:role:ROLE (also the OU, for people reading the certificate), the
# person the SAN URI loa:user:NAME. Files: issued/operator-NAME.{crt,key}.
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"

[ $# -ge 3 ] || die "usage: operator.sh CA_DIR NAME viewer|operator|admin [--days N]"
dir=$1 name=$2 role=$3
shift 3
[[ $name =~ ^[a-z0-9][a-z0-9._-]{0,62}$ ]] || die "name: lower-case letters, digits, . _ - (got \"$name\")"
case "$role" in viewer | operator | admin) ;; *) die "role: allowed viewer, operator, admin (got \"$role\")" ;; esac
require_ca "$dir"
parse_validity "$@"
issue "$dir" "operator-$name" "/O=Loa/OU=$role/CN=$name" "URI:loa:role:$role,URI:loa:user:$name" clientAuth
