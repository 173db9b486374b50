/** Runs every doctor check and renders the findings for a person (en/vi) or as JSON. */

import type { StationStatus } from '../../api/status.js';
import { type Lang, translate } from '../../core/i18n.js';
import { mergeById, withAlarms } from './alarms.js';
import { coreChecks } from './core.js';
import { checkClock, checkDisk, checkFfmpeg, type Probe } from './local.js';
import { doctorMessages } from './messages.js';
import { checkModem, MODEM_EXPLAINED } from './modem.js';
import { checkAudio, checkLines, checkMedia, checkSchedule, checkUplink } from './modules.js';
import { checkSoundOutput, soundMessages } from './sound.js';
import { checkSpeech, checkSpeechModel, speechDoctorMessages } from './speech.js';
import { type Finding, fault, ok } from './types.js';

export interface DoctorInput {
  /** The daemon's status, or the error met reaching it. */
  status: StationStatus | { error: string };
  dataDir: string;
  probe: Probe;
  now?: number;
}

export async function runDoctor(i: DoctorInput): Promise<Finding[]> {
  const out: Finding[] = [];
  if ('error' in i.status) out.push(fault('daemon', 'doc.daemon.down', { msg: i.status.error }));
  else {
    out.push(ok('daemon', 'doc.daemon.ok', { uptime: `${i.status.uptimeS} s` }));
    out.push(...coreChecks(i.status));
    const m = i.status.modules ?? {};
    out.push(
      ...checkLines(m.lines),
      ...checkSoundOutput(m.audio, checkAudio(m.audio)),
      ...checkMedia(m.media, m.schedule),
      ...checkSpeech(m.speech),
    );
    out.push(...checkSchedule(m.schedule, i.status.timezone), ...checkUplink(m.uplink, i.now ?? Date.now()));
    out.push(
      ...checkModem(
        m.modem,
        i.status.alarms.map((a) => a.key),
      ),
    );
  }
  out.push(...(await checkFfmpeg(i.probe)), ...(await checkDisk(i.dataDir)), ...(await checkClock(i.probe)));
  out.push(...(await checkSpeechModel(i.dataDir)));
  const merged = mergeById(out);
  // the modem's alarms are told by its own check (modem.ts)
  return 'error' in i.status
    ? merged
    : withAlarms(
        merged,
        i.status.alarms.filter((a) => !(MODEM_EXPLAINED as readonly string[]).includes(a.key)),
      );
}

export function renderFindings(findings: Finding[], lang: Lang, stationId: string): string {
  const t = (k: string, v?: Record<string, string | number>): string =>
    translate({ ...doctorMessages, ...soundMessages, ...speechDoctorMessages }, lang, k, v && localise(v));
  const localise = (v: Record<string, string | number>): Record<string, string | number> =>
    Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && x.startsWith('@') ? t(x.slice(1)) : x]),
    );
  const order = { fault: 0, warn: 1, ok: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.status] - order[b.status]);
  const lines = [t('doc.title', { id: stationId }), ''];
  const indent = ' '.repeat(t('doc.mark.ok').length + 3);
  for (const f of sorted) {
    lines.push(`[${t(`doc.mark.${f.status}`)}] ${t(f.key, f.vars)}`);
    const next = t(f.next ?? `${f.key}.next`, f.vars);
    if (f.status !== 'ok' && next !== '-') lines.push(`${indent}→ ${t('doc.next')}: ${next}`);
  }
  const faults = findings.filter((f) => f.status === 'fault').length;
  const warns = findings.filter((f) => f.status === 'warn').length;
  lines.push(
    '',
    faults
      ? t('doc.summary.fault', { n: faults })
      : warns
        ? t('doc.summary.warn', { n: warns })
        : t('doc.summary.ok'),
  );
  return lines.join('\n');
}
