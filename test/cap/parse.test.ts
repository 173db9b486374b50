/**
 * CAP 1.2 parsing, area matching and the tier table, on samples the team wrote, and hostile
 * input refused with a clear message before the parser sees it.
 */
import { describe, expect, it } from 'vitest';
import { inCircle, stationsIn } from '../../src/district/cap/area.js';
import { parseCap } from '../../src/district/cap/parse.js';
import { spokenText, tierOf, vietnameseInfo } from '../../src/district/cap/tier.js';
import { BILLION_LAUGHS, capXml, PLACES, tenMegabytes, WRONG_NS, XXE } from './samples.js';

describe('CAP 1.2 parsing', () => {
  it('reads an alert, decoding the predefined entities', () => {
    const a = parseCap(capXml({ identifier: 'lu-1' }));
    expect(a).toMatchObject({ identifier: 'lu-1', status: 'Actual', msgType: 'Alert', scope: 'Public' });
    const info = vietnameseInfo(a.info);
    expect(info?.description).toBe('Mưa lớn 150-200mm trong 24 giờ qua & nước sông dâng nhanh');
    expect(spokenText(info as never)).toBe(
      'Cảnh báo lũ quét. Mưa lớn 150-200mm trong 24 giờ qua & nước sông dâng nhanh. Bà con vùng trũng sơ tán ngay đến nơi an toàn.',
    );
  });

  it.each([
    [
      'XXE (an external entity)',
      XXE,
      /DOCTYPE declaration is not allowed \(XXE and entity expansion are refused\)/,
    ],
    ['billion laughs', BILLION_LAUGHS, /DOCTYPE declaration is not allowed/],
    ['an ENTITY without DOCTYPE', '<alert><!ENTITY x "y"></alert>', /ENTITY declaration is not allowed/],
    ['10 MB', tenMegabytes(), /bytes, at most 1048576 \(1 MiB\)/],
    [
      'the CAP 1.1 namespace',
      WRONG_NS,
      /the namespace is "urn:oasis:names:tc:emergency:cap:1\.1"; CAP 1\.2 is/,
    ],
    ['no namespace', capXml({ identifier: 'x' }).replace(/ xmlns="[^"]*"/, ''), /the namespace is missing/],
    [
      'broken XML',
      '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>',
      /not well-formed XML: .*\(line 1\)/,
    ],
    [
      'a bad urgency',
      capXml({ identifier: 'x', urgency: 'Now' }),
      /info\[0\]\.urgency: allowed: "Immediate"/,
    ],
    ['a bad sent time', capXml({ identifier: 'x', sent: 'yesterday' }), /sent:/],
  ])('refuses %s with a clear message', (_what, xml, message) => {
    expect(() => parseCap(xml)).toThrow(message);
    expect(() => parseCap(xml)).toThrow(/^CAP message refused: .*nothing was played$/s);
  });
});

describe('area → stations', () => {
  const areas = (xml: string) => vietnameseInfo(parseCap(xml).info)?.area ?? [];

  it('a polygon covering one of two stations', () => {
    expect(stationsIn(areas(capXml({ identifier: 'p' })), PLACES)).toEqual(['xa-a']);
  });

  it('a circle (km around a point)', () => {
    const circle = '<circle>10.0,105.8 10</circle>';
    expect(stationsIn(areas(capXml({ identifier: 'c', area: circle })), PLACES)).toEqual(['xa-b']);
    expect(inCircle(10.03, 105.78, '10.0,105.8 1')).toBe(false); // ≈ 4 km away
  });

  it('a geocode matched to a station’s configured codes', () => {
    const geo = '<geocode><valueName>VN-ADMIN</valueName><value>31117</value></geocode>';
    expect(stationsIn(areas(capXml({ identifier: 'g', area: geo })), PLACES)).toEqual(['xa-b']);
  });
});

describe('urgency / severity / certainty → tier', () => {
  it.each([
    ['Immediate', 'Extreme', 'Observed', 'emergency'],
    ['Immediate', 'Severe', 'Likely', 'emergency'],
    ['Immediate', 'Severe', 'Possible', 'priority'],
    ['Expected', 'Extreme', 'Likely', 'priority'],
    ['Expected', 'Moderate', 'Possible', 'priority'],
    ['Future', 'Severe', 'Likely', 'normal'],
    ['Immediate', 'Minor', 'Observed', 'normal'],
    ['Past', 'Extreme', 'Observed', undefined],
    ['Immediate', 'Extreme', 'Unlikely', undefined],
  ])('%s + %s + %s → %s', (urgency, severity, certainty, tier) => {
    expect(tierOf({ urgency, severity, certainty } as never)).toBe(tier);
  });
});
