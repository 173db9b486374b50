/**
 * The one place that turns schema issues into messages a technician can act on: the key
 * (as a dotted path), what was wrong, the value given, and what is allowed.
 */
import type { z } from 'zod';

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

export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, max = 5): string {
  const lines = issues.slice(0, max).map(formatIssue);
  if (issues.length > max) lines.push(`... and ${issues.length - max} more`);
  return lines.join('; ');
}
