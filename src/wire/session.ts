/** Outbox items and commands as the Session stream carries them (loa.district.v1 messages). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command__Output } from '../gen/loa/district/v1/Command.js';
import type { OutboxItem as WireItem } from '../gen/loa/district/v1/OutboxItem.js';
import type { IncomingCommand } from '../uplink/commands.js';
import type { OutboxItem } from '../uplink/outbox.js';
import { fromValue, toStruct } from './struct.js';

export function toWireItem(i: OutboxItem): WireItem {
  const base = { seq: i.seq, tsMs: i.ts };
  if (i.kind === 'changes') return { ...base, changes: toStruct(i.changes) };
  if (i.kind === 'dropped') return { ...base, dropped: i.dropped };
  const e = i.event;
  return {
    ...base,
    event: {
      eventSeq: e.seq,
      kind: e.kind,
      severity: e.severity,
      sub: e.sub,
      message: e.message,
      details: toStruct(e.details),
    },
  };
}

export function fromWireCommand(c: Command__Output): IncomingCommand {
  return {
    id: c.id,
    method: c.method,
    params: fromValue(c.params) ?? {},
    sentAtMs: c.sentAtMs,
    expiresAtMs: c.expiresAtMs,
    issuedBy: c.issuedBy,
    issuerRole: c.issuerRole,
  };
}

let version: string | undefined;

/** This build's version (package.json), reported in the session hello. */
export function softwareVersion(): string {
  if (!version) {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    version = String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version ?? '0.0.0');
  }
  return version;
}
