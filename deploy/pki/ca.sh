#!/usr/bin/env bash
# deploy/pki/ca.sh DIR [--name "Loa District CA"] [--days 3650]
# Creates the district CA in DIR (see common.sh for the layout). Run once per district, on a
# machine you trust; keep DIR/private/ca.key off the hub if you can.
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"

[ $# -ge 1 ] || die "usage: ca.sh DIR [--name NAME] [--days N]"
dir=$1
shift
name="Loa District CA"
days=3650
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || die "$1 needs a value"
  case "$1" in
    --name) name=$2 ;;
    --days) days=$2 ;;
    *) die "unknown option $1 (allowed: --name NAME, --days N)" ;;
  esac
  shift 2
done
[ -e "$dir/private/ca.key" ] && die "$dir already holds a CA; refusing to overwrite it"
mkdir -p "$dir/private" "$dir/issued" "$dir/newcerts"
chmod 700 "$dir/private"
: >"$dir/index.txt"
openssl rand -hex 16 >"$dir/serial"
abs=$(cd "$dir" && pwd)
cat >"$dir/openssl.cnf" <<CNF
[ ca ]
default_ca = loa
[ loa ]
dir = $abs
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
certificate = \$dir/ca.crt
private_key = \$dir/private/ca.key
default_md = sha256
policy = loa_policy
unique_subject = no
copy_extensions = none
[ loa_policy ]
commonName = supplied
organizationalUnitName = optional
organizationName = optional
[ v3_ca ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
CNF
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/private/ca.key" 2>/dev/null
chmod 600 "$dir/private/ca.key"
openssl req -new -x509 -key "$dir/private/ca.key" -subj "/O=Loa/CN=$name" -days "$days" \
  -config "$dir/openssl.cnf" -extensions v3_ca -out "$dir/ca.crt"
chmod 644 "$dir/ca.crt"
echo "$dir/ca.crt"
