/**
 * The one place that turns schema issues into messages a technician can act on: the key
 * (as a dotted path), what was wrong, the value given, and what is allowed — in English for
 * logs and the district, and as a keyed text (core/i18n.ts) that stationctl renders in the
 * reader's language.
 */
import type { z } from 'zod';
import { keyed, type LoaError } from './errors.js';
import type { Text, TextVar } from './i18n.js';

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((k, i) => {
      if (typeof k === 'number') return `[${k}]`;
      const s = String(k);
      const plain = /^[A-Za-z_$][\w$]*$/.test(s);
      return plain ? (i === 0 ? s : `.${s}`) : `${i === 0 ? '' : '.'}"${s}"`;
    })
    .join('');
}

function shown(input: unknown): string {
  if (input === undefined) return 'nothing';
  const s = JSON.stringify(input);
  if (s === undefined) return String(input);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Our own schema messages (a schema's `error`, a refine's message) with their keys: a schema
 * declares its message with `said(english, key)`, so an issue carrying it is rendered by key.
 * A constant table filled as schema modules load, never changed afterwards.
 */
const OWN_MESSAGES = new Map<string, Text>();

export function said(english: string, key: string, vars: Record<string, TextVar> = {}): string {
  OWN_MESSAGES.set(english, { key, vars });
  return english;
}

export function formatIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  let msg = issue.message;
  if (issue.code === 'invalid_value')
    msg = `allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys')
    msg = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const input = 'input' in issue && issue.code !== 'unrecognized_keys' ? ` (got ${shown(issue.input)})` : '';
  return `${where}: ${msg}${input}`;
}

/** What was wrong, as a keyed text: our own message, or zod's by its issue code. */
function problemText(issue: z.core.$ZodIssue): Text {
  const own = OWN_MESSAGES.get(issue.message);
  if (own) return own;
  switch (issue.code) {
    case 'invalid_value':
      return { key: 'v.allowed', vars: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'v.unknownKeys', vars: { keys: issue.keys.map((k) => `"${k}"`).join(', ') } };
    case 'invalid_type':
      return { key: 'v.type', vars: { expected: { key: `v.kind.${issue.expected}` } } };
    case 'too_small':
    case 'too_big': {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const exact = issue.inclusive === false ? 'x' : '';
      return { key: `v.${issue.code}.${issue.origin}${exact}`, vars: { limit: String(limit) } };
    }
    case 'invalid_format':
      return { key: 'v.format', vars: { format: issue.format } };
    default:
      return { key: 'v.invalid' };
  }
}

/**
 * One issue as a keyed text. At the top of what was validated, `top` names the place
 * ("(top level)"); with `top` null the issue is said without a place (the caller named it).
 */
export function issueText(issue: z.core.$ZodIssue, top: Text | null = { key: 'v.top' }): Text {
  const where = issue.path.length ? formatPath(issue.path) : top;
  const problem = problemText(issue);
  const noGot = !('input' in issue) || issue.code === 'unrecognized_keys';
  const got: Text =
    'input' in issue && issue.input !== undefined
      ? { key: 'v.got', vars: { value: shown(issue.input) } }
      : { key: 'v.gotNothing' };
  if (where === null) return noGot ? problem : { key: 'v.bareGot', vars: { problem, got } };
  return noGot
    ? { key: 'v.at', vars: { where, problem } }
    : { key: 'v.atGot', vars: { where, problem, got } };
}

export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, max = 5): string {
  const lines = issues.slice(0, max).map(formatIssue);
  if (issues.length > max) lines.push(`... and ${issues.length - max} more`);
  return lines.join('; ');
}

export function issuesText(issues: ReadonlyArray<z.core.$ZodIssue>, max = 5): Text[] {
  const out = issues.slice(0, max).map((i) => issueText(i));
  if (issues.length > max) out.push({ key: 'v.more', vars: { n: issues.length - max } });
  return out;
}

/** The refusal of an invalid request: `what` (the command or field) and each issue. */
export function invalidInput(what: string, issues: ReadonlyArray<z.core.$ZodIssue>): LoaError {
  return keyed('INVALID_ARGUMENT', `${what}: ${formatIssues(issues)}`, 'v.at', {
    where: what,
    problem: issuesText(issues),
  });
}
