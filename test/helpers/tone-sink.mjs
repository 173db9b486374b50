// A stand-in sound card that also says which tone is heard when. It consumes raw s16le PCM
// (48 kHz stereo) from stdin at real-time pace in 20 ms periods with a 200 ms device buffer,
// as ../shared/peer/soundcard.mjs does (an underrun is silence), and appends a JSON line to
// OUT each time the dominant tone of a period changes: {"at": wall-clock ms when that period
// is played, "hz": 440 | 659 | 880 | 1000 | 0 for silence}. Goertzel over each period.
// Usage: node tone-sink.mjs OUT.jsonl
import { appendFileSync, writeFileSync } from 'node:fs';

const out = process.argv[2];
const RATE = 48_000;
const PERIOD_MS = 20;
const FRAME = 4;
const PERIOD_BYTES = (RATE * PERIOD_MS * FRAME) / 1000;
const MAX_QUEUED = PERIOD_BYTES * 10; // a 200 ms device buffer; beyond it the producer waits
const TONES = [440, 659, 880, 1000];
const SILENCE_RMS = 0.01; // −40 dBFS

writeFileSync(out, '');
const queued = [];
let queuedBytes = 0;
process.stdin.on('data', (b) => {
  queued.push(b);
  queuedBytes += b.length;
  if (queuedBytes > MAX_QUEUED) process.stdin.pause();
});

function take(n) {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n && queued.length) {
    const head = queued[0];
    const k = Math.min(head.length, n - got);
    head.copy(buf, got, 0, k);
    got += k;
    if (k === head.length) queued.shift();
    else queued[0] = head.subarray(k);
  }
  queuedBytes -= got;
  return buf;
}

function power(buf, hz) {
  const k = 2 * Math.cos((2 * Math.PI * hz) / RATE);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < buf.length; i += FRAME) {
    const s = buf.readInt16LE(i) / 32768 + k * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return s1 * s1 + s2 * s2 - k * s1 * s2;
}

function dominant(buf) {
  let sum = 0;
  for (let i = 0; i < buf.length; i += FRAME) sum += (buf.readInt16LE(i) / 32768) ** 2;
  if (Math.sqrt(sum / (buf.length / FRAME)) < SILENCE_RMS) return 0;
  let best = 0;
  let bestP = 0;
  for (const hz of TONES) {
    const p = power(buf, hz);
    if (p > bestP) [best, bestP] = [hz, p];
  }
  return best;
}

const t0 = process.hrtime.bigint();
const wall0 = Date.now();
let periods = 0;
let last = -1;
function tick() {
  const due = Math.floor(Number(process.hrtime.bigint() - t0) / 1e6 / PERIOD_MS);
  while (periods < due) {
    const hz = dominant(take(PERIOD_BYTES));
    if (hz !== last) appendFileSync(out, `${JSON.stringify({ at: wall0 + periods * PERIOD_MS, hz })}\n`);
    last = hz;
    periods++;
    if (queuedBytes <= MAX_QUEUED) process.stdin.resume();
  }
  setTimeout(tick, 5);
}
setTimeout(tick, 5);
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
