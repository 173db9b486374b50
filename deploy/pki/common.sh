#!/usr/bin/env bash
# Shared by the deploy/pki scripts (sourced, not run): the CA directory layout and the one
# function that issues a certificate. Layout of a CA directory:
#   ca.crt                       the district CA certificate (give it to every station and operator)
#   private/ca.key               the CA key (mode 600; keep this machine offline if you can)
#   issued/KIND-NAME.{crt,key}   issued certificates and their keys (key mode 600)
#   issued/KIND-NAME.meta        what renew.sh needs to issue the same identity again
#   openssl.cnf index.txt serial newcerts/   the `openssl ca` database (serials, history)
# Keys are EC P-256: a handshake carries about a third of the bytes of RSA-2048 on a metered link.
set -euo pipefail
umask 077

die() {
  echo "pki: $*" >&2
  exit 1
}

require_ca() {
  if [ ! -f "$1/ca.crt" ] || [ ! -f "$1/private/ca.key" ] || [ ! -f "$1/openssl.cnf" ]; then
    die "$1 is not a CA directory (create it with: deploy/pki/ca.sh $1)"
  fi
}

# Validity options shared by every script: --days N, or --start/--end as YYYYMMDDHHMMSSZ
# (openssl ca -startdate/-enddate; the tests issue already-expired certificates this way).
VALIDITY=()
parse_validity() {
  local days=825 start='' end=''
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || die "$1 needs a value"
    case "$1" in
      --days) days=$2 ;;
      --start) start=$2 ;;
      --end) end=$2 ;;
      *) die "unknown option $1 (allowed: --days N, --start YYYYMMDDHHMMSSZ, --end YYYYMMDDHHMMSSZ)" ;;
    esac
    shift 2
  done
  [[ $days =~ ^[0-9]+$ ]] || die "--days: a whole number of days (got \"$days\")"
  VALIDITY=()
  if [ -n "$start" ]; then VALIDITY+=(-startdate "$start"); fi
  if [ -n "$end" ]; then VALIDITY+=(-enddate "$end"); else VALIDITY+=(-days "$days"); fi
}

# issue CA_DIR FILE_BASE SUBJECT SAN EXTENDED_KEY_USAGE
issue() {
  local dir=$1 base=$2 subj=$3 san=$4 eku=$5
  local out="$dir/issued/$base" tmp
  mkdir -p "$dir/issued"
  tmp=$(mktemp -d "$dir/issued/.tmp.XXXXXX")
  trap 'rm -rf "$tmp"' RETURN
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/key" 2>/dev/null
  openssl req -new -key "$tmp/key" -subj "$subj" -out "$tmp/csr"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectAltName=%s\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' \
    "$eku" "$san" >"$tmp/ext"
  openssl ca -batch -notext -config "$dir/openssl.cnf" -in "$tmp/csr" -out "$tmp/crt" \
    -extfile "$tmp/ext" "${VALIDITY[@]}" 2>"$tmp/err" || die "openssl ca failed: $(cat "$tmp/err")"
  printf 'SUBJ=%q\nSAN=%q\nEKU=%q\n' "$subj" "$san" "$eku" >"$tmp/meta"
  chmod 600 "$tmp/key"
  chmod 644 "$tmp/crt"
  # The key first, then the certificate: a daemon reloading in between sees a pair that does
  # not match, keeps its old one and takes the new pair on the next reload.
  mv -f "$tmp/key" "$out.key"
  mv -f "$tmp/crt" "$out.crt"
  mv -f "$tmp/meta" "$out.meta"
  echo "$out.crt"
  echo "$out.key"
}
