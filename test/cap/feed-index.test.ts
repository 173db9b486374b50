/** What a CAP feed URL serves: a CAP document, an ATOM or RSS index of them, or something refused. */
import { describe, expect, it } from 'vitest';
import { readFeedBody } from '../../src/district/cap/feed-index.js';
import { capXml, XXE } from './samples.js';

const BASE = 'https://canhbao.example.vn/feeds/hue.atom';

describe('CAP feed index', () => {
  it('a CAP document is itself', () => {
    expect(readFeedBody(capXml({ identifier: 'a' }), BASE)).toEqual({ kind: 'cap' });
  });

  it('ATOM: the application/cap+xml link of each entry, else its alternate; relative to the feed', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>x</id>
      <entry><link rel="alternate" type="text/html" href="/web/1"/><link rel="related" type="application/cap+xml" href="/cap/1.xml"/></entry>
      <entry><link href="https://other.example.vn/2.xml"/></entry>
      <entry><title>no link</title></entry>
      <entry><link href="file:///etc/passwd"/></entry></feed>`;
    expect(readFeedBody(atom, BASE)).toEqual({
      kind: 'index',
      format: 'atom',
      links: ['https://canhbao.example.vn/cap/1.xml', 'https://other.example.vn/2.xml'],
    });
  });

  it('RSS 2.0: the enclosure, else the link', () => {
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><link>https://a.example.vn/1.xml</link></item>
      <item><link>https://a.example.vn/page</link><enclosure url="https://a.example.vn/2.xml" type="application/cap+xml" length="1"/></item>
      </channel></rss>`;
    expect(readFeedBody(rss, BASE)).toMatchObject({
      format: 'rss',
      links: ['https://a.example.vn/1.xml', 'https://a.example.vn/2.xml'],
    });
  });

  it('refuses hostile or foreign bodies, naming why', () => {
    expect(() => readFeedBody(XXE, BASE)).toThrow(/CAP feed refused: a DOCTYPE or ENTITY declaration/);
    expect(() => readFeedBody('<feed><entry>', BASE)).toThrow(/not well-formed XML: .*\(line 1\)/);
    expect(() => readFeedBody('<html><body>maintenance</body></html>', BASE)).toThrow(
      /<html> is neither a CAP alert nor an ATOM or RSS feed/,
    );
  });
});
