#!/usr/bin/env bash
# `npm run bench`: on the project's Node (scripts/ensure-node.sh, sourced), build, run the
# benchmarks. Set-up messages go to stderr: `npm run bench -- --json` prints figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh --test >&2
source scripts/ensure-node.sh
exec npx tsx bench/run.ts "$@"
