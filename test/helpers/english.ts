/**
 * Finds English left in what stationctl prints in Vietnamese. Two checks, after setting aside
 * what a Vietnamese text keeps as it is — command lines, identifiers and paths (anything with
 * ./:_@=), quoted names given by the operator (titles, zone names), JSON parameters:
 *  - words from a list of the English that stationctl's messages are made of (state words,
 *    alarm, refusal and validation phrases);
 *  - any run of three or more plain-ASCII words holding an English function word ("the", "is",
 *    "not", …): an untranslated sentence the list has never seen. Vietnamese words almost all
 *    carry diacritics; the few that do not ("cho", "loa", "tin", "an") do not line up three in
 *    a row with an English function word.
 */

// biome-ignore format: a word list reads best packed
const ENGLISH = new Set(['the', 'is', 'on', 'off', 'of', 'and', 'to', 'not', 'line', 'open', 'relay', 'contact', 'power', 'chain', 'run', 'first', 'programme', 'alarm', 'alarms', 'zone', 'zones', 'station', 'schedule', 'silence', 'silent', 'fallback', 'source', 'tripped', 'lockout', 'locked', 'error', 'refused', 'allowed', 'got', 'when', 'with', 'none', 'fwd', 'refl', 'trips', 'should', 'be', 'air', 'speakers', 'beyond', 'break', 'are', 'kept', 'as', 'commanded', 'reference', 'cannot', 'reach', 'daemon', 'running', 'answering', 'may', 'list', 'numbers', 'such', 'or', 'all', 'rejected', 'fail', 'ok', 'warn', 'fault', 'next', 'mains', 'present', 'lost', 'amplifier', 'transmitter', 'muted', 'short', 'degraded', 'playing', 'nothing', 'output', 'connection', 'established', 'resolution', 'note', 'last', 'stuck', 'reads', 'but', 'its', 'emergency', 'started', 'stopped', 'ended', 'requested', 'finished', 'failed', 'restarted', 'applied', 'recorded', 'baseline', 'unhealthy', 'healthy', 'again', 'media', 'cache', 'file', 'folder', 'such', 'missing', 'damaged', 'playable', 'audio', 'valid', 'invalid', 'unknown', 'key', 'keys', 'used', 'twice', 'overlap', 'priority', 'normal', 'tier', 'bulletin', 'signal', 'attention', 'only', 'window', 'temperature', 'over', 'calibration', 'calibrate', 'outside', 'programmes', 'exist', 'does', 'expected', 'least', 'most', 'needs', 'value', 'slot', 'command', 'ended', 'done', 'unreadable', 'sensor', 'earth', 'test', 'tone', 'hours', 'due', 'requested', 'wait', 'end', 'by', 'root', 'admin', 'viewer', 'operator', 'until', 'reload', 'plain', 'text', 'lab', 'top', 'level', 'local', 'time', 'date', 'duration', 'absolute', 'path', 'letters', 'digits', 'lower', 'case', 'hex', 'character', 'characters', 'number', 'whole', 'from', 'at', 'in', 'for', 'was', 'has', 'have', 'will', 'no', 'this', 'that', 'there', 'here', 'cleared', 'restored', 'back', 'flowing', 'data', 'weak', 'registered', 'network']);

/** Function words: one in a run of ASCII words marks an English sentence. */
// biome-ignore format: a word list reads best packed
const FUNCTION = new Set(['the', 'is', 'are', 'was', 'of', 'to', 'in', 'on', 'for', 'with', 'not', 'by', 'from', 'at', 'be', 'has', 'have', 'it', 'this', 'that', 'and', 'or', 'but', 'can', 'cannot', 'will', 'its', 'no', 'a', 'an', 'as', 'into', 'than', 'then', 'there', 'when', 'while']);

/** Names, units and command words a Vietnamese text keeps as they are. */
// biome-ignore format: a word list reads best packed
const ALLOWED = new Set(['loa', 'ffmpeg', 'alsa', 'dbfs', 'ntp', 'usb', 'sim', 'null', 'ctrl', 'wav', 'sd', 'ubnd', 'nc', 'rsrp', 'sinr', 'db', 'dbm', 'mb', 'kib', 'hz', 'ms', 'pcm', 'json', 'url', 'sha', 'tcp', 'api', 'tls', 'rtsp', 'http', 'https', 'espeak', 'ng', 'uid', 'root', 'admin', 'viewer', 'operator', 'unix', 'enoent', 'iana', 'hh', 'mm', 'ss', 'id']);

function cleaned(text: string): string {
  return (
    text
      .replace(/stationctl(?: [a-z][a-z-]*)+(?: --?[a-z-]+)*/g, ' ') // command lines
      .replace(/(?:sudo |systemctl |journalctl |timedatectl|aplay |ls -ld )[^;.,)]*/g, ' ')
      .replace(/"[^"]*"/g, ' ') // names given by the operator (titles, zone names), values
      .replace(/\{[^{}]*\}/g, ' ') // JSON parameters (audit lines)
      // identifiers, keys, paths, URLs, times, and a field name before its colon (a schedule's
      // own key names, as written in the file: "zones:", "duration:")
      .replace(/\S*[./:_@=[\]]\S*/g, ' ')
      .replace(/\S+-\S+/g, ' ') // hyphenated names: faults, alarm kinds, request ids
  );
}

/** English words from the list that are not allowed names. */
export function englishWords(text: string): string[] {
  // whole words: "toàn" is a Vietnamese word, not "to" and "n"
  const letters =
    cleaned(text)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const words = letters.filter((w) => /^[a-z]+$/.test(w));
  return [...new Set(words.filter((w) => ENGLISH.has(w) && !ALLOWED.has(w)))];
}

/** Runs of three or more ASCII words with an English function word: "the chain is on". */
export function englishRuns(text: string): string[] {
  const out: string[] = [];
  for (const line of cleaned(text).split('\n')) {
    // a run: plain-ASCII words one after another (a comma may follow one); a Vietnamese word,
    // a number or any other mark ends it
    let run: string[] = [];
    const end = () => {
      if (run.length >= 3 && run.some((w) => FUNCTION.has(w.toLowerCase()))) out.push(run.join(' '));
      run = [];
    };
    for (const token of line.split(/\s+/).filter(Boolean)) {
      const m = /^([A-Za-z']+),?$/.exec(token);
      if (m) run.push(m[1] as string);
      else end();
    }
    end();
  }
  return [...new Set(out)];
}

/** Everything English found: list words and sentence-like runs. */
export function english(text: string): string[] {
  return [...englishWords(text), ...englishRuns(text)];
}
