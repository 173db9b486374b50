#!/usr/bin/env bash
# deploy/pki/revoke.sh CA_DIR KIND-NAME [--reason R]    e.g. revoke.sh /srv/pki station-xa-1
# deploy/pki/revoke.sh CA_DIR --crl                      (re)writes the CRL only
# Revokes an issued certificate (a stolen station box, a person who left) in the CA database
# and writes the certificate revocation list CA_DIR/crl.pem, signed by the CA. Copy crl.pem to
# the hub's LOA_TLS_CRL file: the hub reloads it (SIGHUP, or within LOA_TLS_WATCH_MS), refuses
# the listed serials at the next handshake and closes their open connections. A replacement
# box gets a new certificate for the same id (station.sh CA_DIR ID): a new serial, not listed.
# R: unspecified | keyCompromise | affiliationChanged | superseded | cessationOfOperation.
# The CRL is valid for --crl-days (default 3650): the hub checks the CA's signature, not the
# date, so an old CRL never locks everyone out.
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"

[ $# -ge 2 ] || die "usage: revoke.sh CA_DIR KIND-NAME [--reason R] | revoke.sh CA_DIR --crl"
dir=$1 base=$2
shift 2
require_ca "$dir"
reason=keyCompromise
crldays=3650
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || die "$1 needs a value"
  case "$1" in
    --reason) reason=$2 ;;
    --crl-days) crldays=$2 ;;
    *) die "unknown option $1 (allowed: --reason R, --crl-days N)" ;;
  esac
  shift 2
done
case "$reason" in
  unspecified | keyCompromise | affiliationChanged | superseded | cessationOfOperation) ;;
  *) die "--reason: unspecified, keyCompromise, affiliationChanged, superseded or cessationOfOperation (got \"$reason\")" ;;
esac
[[ $crldays =~ ^[0-9]+$ ]] || die "--crl-days: a whole number of days (got \"$crldays\")"
if [ "$base" != "--crl" ]; then
  crt="$dir/issued/$base.crt"
  [ -f "$crt" ] || die "no certificate $base was issued from $dir (looked for $crt)"
  serial=$(openssl x509 -in "$crt" -noout -serial | cut -d= -f2)
  openssl ca -batch -config "$dir/openssl.cnf" -revoke "$crt" -crl_reason "$reason" 2>"$dir/.revoke.err" ||
    grep -q 'Already revoked' "$dir/.revoke.err" || die "openssl ca -revoke failed: $(cat "$dir/.revoke.err")"
  rm -f "$dir/.revoke.err"
  echo "revoked $base serial $serial ($reason)" >&2
fi
tmp=$(mktemp "$dir/.crl.XXXXXX")
openssl ca -batch -config "$dir/openssl.cnf" -gencrl -crldays "$crldays" -out "$tmp" 2>/dev/null ||
  die "openssl ca -gencrl failed"
chmod 644 "$tmp"
mv -f "$tmp" "$dir/crl.pem"
echo "$dir/crl.pem"
