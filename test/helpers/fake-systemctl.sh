#!/usr/bin/env bash
# A stand-in for systemctl where systemd is not PID 1 (this CI): `restart loa-station` runs the
# installed release's daemon from $LOA_TEST_ROOT/opt/loa/current in the background (pid file),
# `is-active` tells whether it runs. FAIL_RELEASE=<name> makes that release never come up.
set -u
root=${LOA_TEST_ROOT:?}
pidf=$root/run-loa-station.pid
log=$root/systemctl.log
echo "$*" >> "$log"
alive() { [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; }
stop() { if alive; then kill "$(cat "$pidf")"; for _ in $(seq 1 100); do alive || break; sleep 0.1; done; fi; rm -f "$pidf"; }
case "$1" in
  daemon-reload|enable) exit 0 ;;
  stop) stop ;;
  restart)
    stop
    current=$(readlink "$root/opt/loa/current")
    if [ "${FAIL_RELEASE:-}" = "$(basename "$current")" ]; then exit 0; fi
    # shellcheck disable=SC1091
    . "$root/etc/loa/station.env"
    # as the unit's Environment=LOA_SOCKET and RuntimeDirectory=loa (install.sh's health check looks there)
    mkdir -p "$root/run/loa"
    export LOA_SOCKET=$root/run/loa/station.sock
    node "$root/opt/loa/current/bin/loa-station" --profile "$LOA_PROFILE" --station-id "$LOA_STATION_ID" \
      --data-dir "$root/var/lib/loa" >> "$root/station.log" 2>&1 &
    echo $! > "$pidf" ;;
  is-active) alive ;;
  *) echo "fake systemctl: unsupported $*" >&2; exit 1 ;;
esac
