#!/bin/sh
# /usr/local/bin/stationctl — installed by deploy/install.sh. loa-station.service puts the
# station's sockets in /run/loa (RuntimeDirectory=loa; the data directory is the service's
# alone): station.sock for root and loa (admin), station.operator.sock for the loa-operators
# group, station.viewer.sock for everyone (docs/security.md). --socket or --data-dir still win.
case " $* " in
  *" --socket"* | *" --data-dir"*) ;;
  *)
    : "${LOA_SOCKET:=/run/loa/station.sock}"
    export LOA_SOCKET
    ;;
esac
exec /usr/bin/node /opt/loa/current/bin/stationctl "$@"
