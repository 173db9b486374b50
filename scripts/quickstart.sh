#!/usr/bin/env bash
# `npm start`: set everything up, then run a simulated station in this terminal.
# Ctrl-C stops it cleanly (ordered power-down, outputs safe, exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
# sourced: the station runs on the project's Node (ensure-node.sh)
source scripts/ensure-node.sh
mkdir -p var/sim
echo "loa: simulated station starting; in another terminal: ./bin/stationctl --data-dir var/sim status" >&2
exec node bin/loa-station --profile sim --data-dir var/sim --station-id sim-demo "$@"
