#!/usr/bin/env bash
# `npm start`: set everything up, then run a demo district on this machine: the district hub with
# its browser console (http://127.0.0.1:8080/) and three simulated stations dialling it, the
# sample schedule pushed to them. Prints the console's address and a demo login.
# Ctrl-C stops everything cleanly (each station's ordered power-down, then the hub).
# LOA_DEMO_CONSOLE=HOST:PORT moves the console (default 127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
# sourced: the hub and stations run on the project's Node (ensure-node.sh)
source scripts/ensure-node.sh
CONSOLE=${LOA_DEMO_CONSOLE:-127.0.0.1:8080}
HUB=127.0.0.1:50051
DEMO=var/demo
mkdir -p "$DEMO/hub" var/sim
# the demo is a lab on loopback: plain-text gRPC (docs/security.md shows the TLS set-up)
export LOA_INSECURE_LAB=1 LOA_LOG_FORMAT=${LOA_LOG_FORMAT:-pretty}
pids=()
stop() {
  trap - INT TERM EXIT
  echo "loa: stopping the demo district" >&2
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
  wait || true
}
trap stop INT TERM EXIT
[ -f "$DEMO/hub/stations.json" ] || cat > "$DEMO/hub/stations.json" <<'JSON'
{ "schema": 1, "stations": {
  "xa-1": { "lat": 11.94, "lon": 108.44, "name": "Xã Tà Nung" },
  "xa-2": { "lat": 11.99, "lon": 108.52, "name": "Xã Xuân Thọ" },
  "xa-3": { "lat": 11.88, "lon": 108.50, "name": "Xã Trạm Hành" } } }
JSON
if [ ! -f "$DEMO/demo-login.txt" ]; then
  pass=$(node -e "console.log(require('node:crypto').randomBytes(9).toString('base64url'))")
  echo "$pass" | node bin/districtctl user add demo --role admin --data-dir "$DEMO/hub" >/dev/null
  (umask 077 && echo "$pass" > "$DEMO/demo-login.txt")
fi
node bin/loa-district --data-dir "$DEMO/hub" --listen "$HUB" --console-listen "$CONSOLE" \
  --metrics-listen 127.0.0.1:9465 &
pids+=($!)
# station xa-1 keeps its data in var/sim, so the README's stationctl commands reach it
node bin/loa-station --profile sim --data-dir var/sim --station-id xa-1 --district "$HUB" &
pids+=($!)
for n in 2 3; do
  LOA_METRICS_LISTEN=off node bin/loa-station --profile sim --data-dir "$DEMO/xa-$n" --station-id "xa-$n" \
    --district "$HUB" &
  pids+=($!)
done
node scripts/demo-ready.mjs "$HUB" schedule/sample.json var/sim "$DEMO/xa-2" "$DEMO/xa-3"
cat >&2 <<MSG

  Loa demo district is running.
    console:  http://$CONSOLE/   (Vietnamese; "English" at the top right)
    login:    demo / $(cat "$DEMO/demo-login.txt")     (admin; kept in $DEMO/demo-login.txt)
    stations: xa-1 (data in var/sim), xa-2, xa-3, each on the simulated hardware
  Try: ./bin/stationctl --data-dir var/sim sim fault mains-lost   (an alarm appears in the console)
  Ctrl-C stops the demo.

MSG
wait
