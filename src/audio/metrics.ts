/**
 * Prometheus gauges for the audio engine: what is on air (slot, source kind, own source or
 * its fallback), output levels, master gain, the sink, and each source's health and buffer.
 */
import { Gauge, type Registry } from 'prom-client';
import type { OnAirInfo } from './port.js';

const SLOTS = ['emergency', 'programme', 'fallback', 'silence'] as const;

export interface AudioMetricsStatus {
  onAir: OnAirInfo;
  output: { peakDbfs: number; rmsDbfs: number };
  masterGain: number;
  sink: { kind: string; ok: boolean };
  sources: Array<{
    slot: string;
    kind: string;
    healthy: boolean;
    bufferMs: number;
    slow?: { rate: number };
    failure?: { cause: string };
  }>;
}

/** Silence is −Infinity dBFS; the series floor keeps graphs and alert rules finite. */
const FLOOR_DBFS = -120;
const db = (v: number) => (Number.isFinite(v) ? Math.max(FLOOR_DBFS, v) : FLOOR_DBFS);

export function registerAudioMetrics(registry: Registry, status: () => AudioMetricsStatus | undefined) {
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const slot = gauge('loa_on_air', 'What is on air (1 for the current slot)', ['slot']);
  const kind = gauge(
    'loa_on_air_source',
    "Kind of the source on air and whether it is the request's fallback",
    ['kind', 'using'],
  );
  const level = gauge('loa_audio_output_dbfs', 'Output level (floor -120)', ['measure']);
  const gain = gauge('loa_audio_master_gain', "Master gain 0..1 (the power chain's fader)");
  const sink = gauge('loa_audio_sink_ok', 'The audio sink accepts audio', ['kind']);
  const healthy = gauge('loa_audio_source_healthy', 'Source health by slot and kind', ['slot', 'kind']);
  const buffer = gauge('loa_audio_source_buffer_ms', 'Decoded audio buffered ahead', ['slot', 'kind']);
  const rate = gauge(
    'loa_audio_source_input_rate',
    'Audio received per second of real time, while a live source is slow (1 = keeps up)',
    ['slot', 'kind'],
  );
  const failed = gauge(
    'loa_audio_source_failed',
    'A source that never became healthy (audio.source-failed), by cause',
    ['slot', 'kind', 'cause'],
  );
  return () => {
    const s = status();
    if (!s) return;
    for (const x of SLOTS) slot.set({ slot: x }, s.onAir.slot === x ? 1 : 0);
    kind.reset();
    if (s.onAir.sourceKind) kind.set({ kind: s.onAir.sourceKind, using: s.onAir.using ?? 'source' }, 1);
    level.set({ measure: 'peak' }, db(s.output.peakDbfs));
    level.set({ measure: 'rms' }, db(s.output.rmsDbfs));
    gain.set(s.masterGain);
    sink.reset();
    sink.set({ kind: s.sink.kind }, s.sink.ok ? 1 : 0);
    healthy.reset();
    buffer.reset();
    rate.reset();
    failed.reset();
    for (const x of s.sources) {
      healthy.set({ slot: x.slot, kind: x.kind }, x.healthy ? 1 : 0);
      buffer.set({ slot: x.slot, kind: x.kind }, x.bufferMs);
      rate.set({ slot: x.slot, kind: x.kind }, x.slow?.rate ?? 1);
      if (x.failure) failed.set({ slot: x.slot, kind: x.kind, cause: x.failure.cause }, 1);
    }
  };
}
