#!/usr/bin/env bash
# Installs the npm dependencies from the lock file when they are missing or stale, then builds.
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "loa: Node.js 20 or later is needed (found $(node --version))" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --loglevel=warn --no-audit --no-fund
fi
npx tsc -p tsconfig.build.json
