#!/bin/bash
# Stands in for ModemManager's mmcli in tests (ModemManager needs a system D-Bus and a modem,
# neither of which exists here). Prints the JSON the modem emulator generated from its state
# (test/helpers/modem-mmcli.ts) and hands actions to the emulator through $LOA_FAKE_MM_DIR/actions.
dir="${LOA_FAKE_MM_DIR:?LOA_FAKE_MM_DIR not set}"
echo "$*" >>"$dir/calls.log"
gone() { echo "error: couldn't find modem" >&2; exit 1; }
case " $* " in
  *" --signal-get "*) f=signal.json ;;
  *" --location-get "*) f=location.json ;;
  *" -b "*) f=bearer.json ;;
  *" --signal-setup="*|*" --location-enable-3gpp "*) [ -f "$dir/modem.json" ] || gone; echo "successfully set up"; exit 0 ;;
  *" --simple-disconnect "*) [ -f "$dir/modem.json" ] || gone; echo disconnect >>"$dir/actions"; echo "successfully disconnected all bearers in the modem"; exit 0 ;;
  *" --simple-connect="*) [ -f "$dir/modem.json" ] || gone; echo connect >>"$dir/actions"; echo "successfully connected the modem"; exit 0 ;;
  *" --reset "*) [ -f "$dir/modem.json" ] || gone; echo reset >>"$dir/actions"; echo "successfully reset the modem"; exit 0 ;;
  *" -m "*) f=modem.json ;;
  *) echo "fake mmcli: unsupported arguments: $*" >&2; exit 2 ;;
esac
[ -f "$dir/$f" ] || gone
cat "$dir/$f"
