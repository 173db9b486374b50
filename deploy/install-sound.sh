#!/usr/bin/env bash
# Sourced by deploy/install.sh (not run): the station's sound card (docs/hardware.md "Sound").
# Uses install.sh's ROLE, ROOT, SRC, PROFILE, SOUND_DEVICE, log and die (and own, from
# install-tls.sh).
#
# Lists the sound cards it finds (/proc/asound/cards, aplay -l), takes the board profile's card
# ("sound" in hw/profiles/NAME.json) when it is there, --sound-device DEV when given, else asks
# (on a terminal) or stops naming the cards it saw. Writes the device into the station's
# audio.json ("sink"), sets the level on the profile's mixer control (amixer) and stores it
# (alsactl store; Debian's alsa-restore.service puts it back at boot).
# --sound-device null installs a station that plays to nothing: a person's explicit choice, so
# it is written to /etc/loa/sound.env as LOA_ALLOW_SILENT_OUTPUT=1 (the unit reads that file; the
# daemon takes it as --allow-silent-output). Choosing a real card later writes 0 again, so the
# daemon refuses a silent output once more.
ASOUND_CARDS=${LOA_ASOUND_CARDS:-/proc/asound/cards} # overridable: tests, images
AMIXER=${LOA_AMIXER:-amixer} ALSACTL=${LOA_ALSACTL:-alsactl}
AUDIO_JSON=${LOA_AUDIO_JSON:-$ROOT/var/lib/loa/audio.json}
SOUND_ENV=${LOA_SOUND_ENV:-$ROOT/etc/loa/sound.env}

# The profile's "sound" as "device card mixer levelPct", or nothing (the simulator).
profile_sound() {
  local file=$PROFILE
  [ -f "$file" ] || file=$SRC/hw/profiles/$PROFILE.json
  [ -f "$file" ] || die "--profile: no profile $PROFILE (looked for $file)"
  node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).sound;
    if (s) console.log([s.device, s.card, s.mixer ?? "PCM", s.levelPct ?? 80].join(" "));' "$file"
}

# Card ids ("Headphones", "Device") in /proc/asound/cards: lines like " 0 [Headphones     ]: …".
sound_cards() {
  [ -r "$ASOUND_CARDS" ] || return 0
  sed -n 's/^ *[0-9][0-9]* \[\([^] ]*\) *\].*/\1/p' "$ASOUND_CARDS"
}

list_sound_cards() {
  if [ -r "$ASOUND_CARDS" ]; then log "sound cards ($ASOUND_CARDS):"; sed 's/^/    /' "$ASOUND_CARDS" >&2
  else log "no sound cards: $ASOUND_CARDS is missing (no ALSA driver loaded?)"; fi
  if command -v aplay >/dev/null && [ -z "$ROOT" ]; then aplay -l 2>&1 | sed 's/^/    /' >&2 || true; fi
}

# The ALSA device to play to, on stdout ("null" for a silent station).
choose_sound_device() {
  local want=$1 card=$2 cards names
  if [ -n "$SOUND_DEVICE" ]; then echo "$SOUND_DEVICE"; return; fi
  cards=$(sound_cards)
  names=${cards//$'\n'/ }
  if [ -n "$card" ] && printf '%s\n' "$cards" | grep -qx "$card"; then echo "$want"; return; fi
  if [ -t 0 ] && [ -n "$cards" ]; then
    local pick
    log "the profile's card '${card:-none}' is not here; the cards found: $names"
    read -r -p "sound card to play to (one of: $names): " pick >&2
    printf '%s\n' "$cards" | grep -qx "$pick" || die "--sound-device: no card '$pick' here (cards: $names)"
    echo "plughw:CARD=$pick,DEV=0"; return
  fi
  die "sound card '${card:-none}' of profile $PROFILE not found (cards here: ${names:-none}); plug it in, or name one: --sound-device plughw:CARD=ID,DEV=0 (or --sound-device null for a station that plays to nothing)"
}

# audio.json's "sink" set to DEVICE, the rest of the file kept.
write_sound_sink() {
  local file=$AUDIO_JSON device=$1
  mkdir -p "$(dirname "$file")"
  node -e 'const fs = require("fs"); const [file, dev] = process.argv.slice(1);
    const cfg = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { schema: 1 };
    cfg.sink = dev === "null" ? { kind: "null" } : { kind: "alsa", device: dev };
    fs.writeFileSync(file + ".tmp", JSON.stringify(cfg, null, 2) + "\n"); fs.renameSync(file + ".tmp", file);' \
    "$file" "$device"
  own loa:loa "$file"
  log "sound output: $device (written to $file)"
}

# /etc/loa/sound.env: whether the daemon may start with a silent output (1 only for null).
write_sound_env() {
  local allow=$1
  mkdir -p "$(dirname "$SOUND_ENV")"
  printf '%s\n' "# written by deploy/install.sh (sound card choice); read by loa-station.service" \
    "# 1 only when the station was installed with --sound-device null (plays to nothing)" \
    "LOA_ALLOW_SILENT_OUTPUT=$allow" > "$SOUND_ENV.tmp"
  mv "$SOUND_ENV.tmp" "$SOUND_ENV"
  own root:loa "$SOUND_ENV"
}

# The level on the card's mixer control, stored so it survives a reboot.
set_sound_level() {
  local card=$1 mixer=$2 pct=$3
  if [ -n "$ROOT" ]; then log "--root: the level ($mixer $pct%) is set on the box itself"; return 0; fi
  if ! $AMIXER -q -c "$card" sset "$mixer" "$pct%" unmute; then
    log "could not set '$mixer' on card $card: amixer -c $card scontrols lists its controls"
    return 0
  fi
  $ALSACTL store "$card" || log "alsactl store $card failed: the level may not survive a reboot"
  log "level: $mixer $pct% on card $card (stored)"
}

setup_sound() {
  [ "$ROLE" = station ] || return 0
  local spec device card mixer pct
  spec=$(profile_sound)
  if [ -z "$spec" ] && [ -z "$SOUND_DEVICE" ]; then log "profile $PROFILE has no sound card (simulator)"; return 0; fi
  read -r device card mixer pct <<<"${spec:-- - PCM 80}"
  list_sound_cards
  device=$(choose_sound_device "$device" "${card#-}")
  write_sound_sink "$device"
  if [ "$device" = null ]; then
    write_sound_env 1
    log "silent station: the unit starts it with --allow-silent-output (LOA_ALLOW_SILENT_OUTPUT=1 in $SOUND_ENV)"
    return 0
  fi
  write_sound_env 0
  card=$(printf '%s' "$device" | sed -n 's/.*CARD=\([^,]*\).*/\1/p')
  [ -n "$card" ] && set_sound_level "$card" "$mixer" "$pct"
  return 0
}
