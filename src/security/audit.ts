/**
 * The audit trail: one `command` event per command in the station's event log (so it goes to
 * the district with every other event): who, by which way, in which role, what, with which
 * parameters, and the result. This is the same `command` event kind the core always wrote; it
 * now carries the caller and is written once, here, for every command whatever its transport.
 * Secrets never enter it: values under secret-looking keys are replaced, long values cut.
 */
import type { LoaError } from '../core/errors.js';
import { commandTextOf } from '../core/event-text.js';
import type { EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import type { Caller } from './identity.js';

export const AUDIT_KIND = 'command';

export type AuditResult = 'ok' | 'denied' | 'invalid' | 'refused' | 'rate-limited' | 'expired' | 'failed';

const SECRET_KEY = /pass(word|phrase)?|secret|token|private|credential|^key$|apikey/i;
const MAX_PARAMS_CHARS = 2000;

/** A copy safe to log: secrets replaced, strings cut at 200 characters. */
export function redact(v: unknown, depth = 0): unknown {
  if (depth > 8) return '…';
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (Array.isArray(v)) return v.slice(0, 50).map((x) => redact(x, depth + 1));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(x, depth + 1)]),
    );
  return v;
}

export function resultOf(e: LoaError | undefined): AuditResult {
  if (!e) return 'ok';
  switch (e.code) {
    case 'PERMISSION_DENIED':
      return 'denied';
    case 'INVALID_ARGUMENT':
      return 'invalid';
    case 'RATE_LIMITED':
      return 'rate-limited';
    case 'EXPIRED':
      return 'expired';
    case 'INTERNAL':
    case 'HARDWARE':
      return 'failed';
    default:
      return 'refused';
  }
}

export interface AuditRecord {
  caller: Caller;
  method: string;
  params: unknown;
  error?: LoaError | undefined;
  commandId?: string | undefined;
}

export function auditEvent(r: AuditRecord) {
  const result = resultOf(r.error);
  let params = redact(r.params ?? {});
  if (JSON.stringify(params).length > MAX_PARAMS_CHARS) params = { truncated: true };
  const shown = JSON.stringify(params);
  const details = {
    action: r.method,
    who: r.caller.who,
    role: r.caller.role,
    via: r.caller.via,
    params,
    result,
    ...(r.error ? { code: r.error.code } : {}),
    ...(r.commandId ? { commandId: r.commandId } : {}),
  };
  return {
    kind: AUDIT_KIND,
    severity: result === 'ok' ? ('info' as const) : ('warning' as const),
    sub: r.caller.via === 'district' ? 'uplink' : 'api',
    message: `${r.method} ${shown === '{}' ? '' : `${shown} `}by ${r.caller.who} (${r.caller.role}, ${r.caller.via}): ${result}${r.error ? ` — ${r.error.message}` : ''}`,
    text: auditText(details, r.error),
    details,
  };
}

/** The audit line's words (core/event-text.ts); a refusal whose reason has no key stays whole in English. */
function auditText(details: Record<string, unknown>, error: LoaError | undefined): Text | undefined {
  if (!error) return commandTextOf(details);
  return error.text ? commandTextOf(details, error.text) : undefined;
}

export function audit(events: EventSink, r: AuditRecord): void {
  events.emit(auditEvent(r));
}
