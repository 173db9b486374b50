/**
 * What a CAP feed URL serves: a CAP 1.2 document itself, or an index of them — ATOM (the
 * OASIS CAP feed profile and Google's public alerts use ATOM: each `entry` links the CAP
 * document, `type="application/cap+xml"` or rel alternate) or RSS 2.0 (each `item`'s `link`
 * or `enclosure url`). The index is hostile input like a CAP message: no DOCTYPE or ENTITY,
 * bounded size, well-formed, and only http(s) links.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LoaError } from '../../core/errors.js';

export type FeedBody = { kind: 'cap' } | { kind: 'index'; format: 'atom' | 'rss'; links: string[] };

/** Entries read from one index: a feed keeps its recent alerts, not its history. */
export const MAX_LINKS = 200;

function bad(why: string): never {
  throw new LoaError('INVALID_ARGUMENT', `CAP feed refused: ${why}; nothing was played`);
}

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Node[];
const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof (v as Node)?.['#text'] === 'string'
      ? ((v as Node)['#text'] as string)
      : undefined;

export function readFeedBody(xml: string, base: string): FeedBody {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) bad('a DOCTYPE or ENTITY declaration is not allowed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) bad(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
  }).parse(xml) as Node;
  if (doc.alert) return { kind: 'cap' };
  if (doc.feed) return index('atom', list((doc.feed as Node).entry).map(atomLink), base);
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (channel) return index('rss', list(channel.item).map(rssLink), base);
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? '?';
  return bad(`<${root}> is neither a CAP alert nor an ATOM or RSS feed`);
}

function atomLink(entry: Node): string | undefined {
  const links = list(entry.link);
  const cap = links.find((l) => /cap\+xml/i.test(String(l['@type'] ?? '')));
  const alt = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate');
  return str((cap ?? alt)?.['@href']);
}

function rssLink(item: Node): string | undefined {
  const enclosure = list(item.enclosure)[0];
  return str(enclosure?.['@url']) ?? str(item.link);
}

function index(format: 'atom' | 'rss', hrefs: Array<string | undefined>, base: string): FeedBody {
  const links: string[] = [];
  for (const h of hrefs.slice(0, MAX_LINKS)) {
    if (!h) continue;
    let u: URL;
    try {
      u = new URL(h.trim(), base);
    } catch {
      continue; // an entry without a usable link: nothing to fetch
    }
    if (u.protocol === 'http:' || u.protocol === 'https:') links.push(u.href);
  }
  return { kind: 'index', format, links };
}
