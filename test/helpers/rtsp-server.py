#!/usr/bin/python3
"""A real RTSP server for the transport tests: GStreamer's gst-rtsp-server (Debian 12:
gir1.2-gst-rtsp-server-1.0, python3-gi), serving a live tone the way a broadcaster's encoder
does over RTSP, on 127.0.0.1 only.

    rtsp-server.py PORT CODEC TRANSPORTS FREQ
      PORT        0 = a free port (the bound port is printed), else that port (a restart)
      CODEC       aac: MPEG-4 AAC-LC, RTP payload RFC 3640 (mpeg4-generic, rtpmp4gpay)
                  mp3: MPEG-1 layer 3, RTP payload RFC 2250 (MPA, rtpmpapay)
      TRANSPORTS  tcp, udp or tcp+udp: the lower transports the server accepts in SETUP
                  (RFC 2326 §10.12: interleaved on the RTSP connection, or RTP over UDP)
      FREQ        the tone in Hz

Prints "listening PORT /live" on stdout once bound; runs until SIGTERM/SIGINT.
"""

import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

ENCODERS = {
    # voaacenc is in gstreamer1.0-plugins-bad, a dependency of libgstrtspserver-1.0-0
    "aac": "voaacenc bitrate=64000 ! rtpmp4gpay name=pay0 pt=96",
    # lamemp3enc and rtpmpapay are in gstreamer1.0-plugins-good
    "mp3": "lamemp3enc target=bitrate bitrate=64 cbr=true ! mpegaudioparse ! rtpmpapay name=pay0 pt=14",
}
TRANSPORTS = {
    "tcp": GstRtsp.RTSPLowerTrans.TCP,
    "udp": GstRtsp.RTSPLowerTrans.UDP,
    "tcp+udp": GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP,
}


def usage(why):
    sys.stderr.write(f"rtsp-server.py: {why}\n{__doc__}")
    sys.exit(2)


def main(argv):
    if len(argv) != 5:
        usage("expected 4 arguments")
    port, codec, transports, freq = argv[1:]
    if not port.isdigit() or int(port) > 65535:
        usage(f"PORT: a number 0..65535 (got {port!r})")
    if codec not in ENCODERS:
        usage(f"CODEC: one of {', '.join(ENCODERS)} (got {codec!r})")
    if transports not in TRANSPORTS:
        usage(f"TRANSPORTS: one of {', '.join(TRANSPORTS)} (got {transports!r})")
    if not freq.isdigit():
        usage(f"FREQ: a whole number of Hz (got {freq!r})")
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    # is-live: the tone runs in real time, as an encoder's does; one shared media for all
    # clients, like a broadcaster's single live encode
    factory.set_launch(
        f"( audiotestsrc is-live=true wave=sine freq={freq} volume=0.4 ! audioconvert ! "
        f"audioresample ! audio/x-raw,rate=44100,channels=2 ! {ENCODERS[codec]} )"
    )
    factory.set_shared(True)
    factory.set_protocols(TRANSPORTS[transports])
    server.get_mount_points().add_factory("/live", factory)
    if server.attach(None) == 0:
        sys.stderr.write(f"rtsp-server.py: cannot listen on 127.0.0.1:{port}\n")
        sys.exit(1)
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print(f"listening {server.get_bound_port()} /live", flush=True)
    loop.run()


if __name__ == "__main__":
    main(sys.argv)
