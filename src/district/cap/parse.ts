/**
 * CAP 1.2 (OASIS Common Alerting Protocol, 2010) in, hostile input out. Before the XML parser
 * sees a byte: at most MAX_CAP_BYTES, and no DOCTYPE or ENTITY declaration at all — a CAP
 * message needs none, and refusing them outright closes XXE (external entities) and entity
 * expansion ("billion laughs") whatever the parser would do. Then fast-xml-parser's validator
 * (well-formedness, with the line), the CAP 1.2 namespace on the root `alert`, and the
 * structure (zod, CAP 1.2 §3.2: required elements and enumerations). Entity processing is off
 * in the parser; the five predefined entities and character references are decoded here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
/** A real alert is a few KB; 1 MiB leaves room for long multilingual texts and embedded polygons. */
export const MAX_CAP_BYTES = 1024 * 1024;

const ARRAYS = new Set([
  'info',
  'area',
  'polygon',
  'circle',
  'geocode',
  'resource',
  'parameter',
  'eventCode',
  'category',
  'responseType',
]);

const text = z.string().min(1);
const geocode = z.object({ valueName: text, value: text });
const area = z.object({
  areaDesc: text,
  polygon: z.array(text).default([]),
  circle: z.array(text).default([]),
  geocode: z.array(geocode).default([]),
});
/** CAP 1.2 §3.2.3: `size` in bytes, `digest` SHA-1 hex of the file, `derefUri` the file base64. */
const resource = z.object({
  resourceDesc: text,
  mimeType: text,
  size: z.string().regex(/^\d+$/, 'bytes, an integer').optional(),
  uri: z.string().optional(),
  derefUri: z.string().optional(),
  digest: z.string().optional(),
});
const info = z.object({
  language: z.string().default('en-US'),
  category: z
    .array(
      z.enum([
        'Geo',
        'Met',
        'Safety',
        'Security',
        'Rescue',
        'Fire',
        'Health',
        'Env',
        'Transport',
        'Infra',
        'CBRNE',
        'Other',
      ]),
    )
    .min(1),
  event: text,
  urgency: z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']),
  severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']),
  certainty: z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']),
  effective: z.string().optional(),
  expires: z.string().optional(),
  headline: z.string().optional(),
  description: z.string().optional(),
  instruction: z.string().optional(),
  area: z.array(area).default([]),
  resource: z.array(resource).default([]),
});
export const capSchema = z.object({
  identifier: text.regex(/^[^\s,<&]+$/, 'no spaces, commas, < or & (CAP 1.2 §3.2.1)'),
  sender: text.regex(/^[^\s,<&]+$/, 'no spaces, commas, < or & (CAP 1.2 §3.2.1)'),
  sent: z.iso.datetime({ offset: true }),
  status: z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']),
  msgType: z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']),
  scope: z.enum(['Public', 'Restricted', 'Private']),
  references: z.string().optional(),
  info: z.array(info).default([]),
});
export type CapAlert = z.infer<typeof capSchema>;
export type CapInfo = z.infer<typeof info>;
export type CapArea = z.infer<typeof area>;
export type CapResource = z.infer<typeof resource>;

function refuse(why: string): never {
  throw new LoaError('INVALID_ARGUMENT', `CAP message refused: ${why}; nothing was played`);
}

export function parseCap(input: string | Buffer): CapAlert {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (bytes > MAX_CAP_BYTES) refuse(`${bytes} bytes, at most ${MAX_CAP_BYTES} (1 MiB)`);
  const xml = typeof input === 'string' ? input : input.toString('utf8');
  if (/<!DOCTYPE/i.test(xml))
    refuse('a DOCTYPE declaration is not allowed (XXE and entity expansion are refused)');
  if (/<!ENTITY/i.test(xml))
    refuse('an ENTITY declaration is not allowed (XXE and entity expansion are refused)');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) refuse(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  checkNamespace(xml);
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  });
  const doc = parser.parse(xml) as { alert?: unknown };
  if (!doc.alert || typeof doc.alert !== 'object') refuse('the root element is not <alert>');
  const r = capSchema.safeParse(decodeAll(doc.alert), { reportInput: true });
  if (!r.success) refuse(`not a valid CAP 1.2 alert: ${formatIssues(r.error.issues)}`);
  return r.data;
}

/** The root element must be `alert` in the CAP 1.2 namespace (default or prefixed). */
function checkNamespace(xml: string): void {
  const root = /<(?:([\w.-]+):)?([\w.-]+)(\s[^>]*)?>/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''),
  );
  if (root?.[2] !== 'alert') refuse(`the root element is <${root?.[2] ?? '?'}>, not <alert>`);
  const prefix = root[1];
  const attrs = root[3] ?? '';
  const decl = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  if (decl?.[1] !== CAP_NS)
    refuse(`the namespace is ${decl ? `"${decl[1]}"` : 'missing'}; CAP 1.2 is "${CAP_NS}"`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? _m;
    const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : _m;
  });
}

function decodeAll(v: unknown): unknown {
  if (typeof v === 'string') return decode(v);
  if (Array.isArray(v)) return v.map(decodeAll);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeAll(x)]));
  return v;
}
