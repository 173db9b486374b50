#!/usr/bin/env bash
# deploy/pki/renew.sh CA_DIR KIND-NAME [--days N]     e.g. renew.sh /srv/pki station-xa-1
# Issues the same identity again with a new key (the old certificate stays valid until it
# expires). Copy the two new files over the old ones on the machine that uses them; the
# daemons pick them up without a restart (on SIGHUP, or within LOA_TLS_WATCH_MS), and the
# sessions already open stay up.
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"

[ $# -ge 2 ] || die "usage: renew.sh CA_DIR KIND-NAME [--days N]"
dir=$1 base=$2
shift 2
require_ca "$dir"
meta="$dir/issued/$base.meta"
[ -f "$meta" ] || die "no certificate $base was issued from $dir (looked for $meta)"
SUBJ='' SAN='' EKU=''
# shellcheck source=/dev/null
source "$meta"
if [ -z "$SUBJ" ] || [ -z "$SAN" ] || [ -z "$EKU" ]; then die "$meta is incomplete"; fi
parse_validity "$@"
issue "$dir" "$base" "$SUBJ" "$SAN" "$EKU"
